//! The outcome of a fill: how many fields were filled, and which need the person's hand.

use yew::prelude::*;

use crate::app::review::FillSummary;
use crate::core::i18n::{Arg, Lang, tr};

/// Properties of [`Report`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// Interface language.
    pub lang: Lang,
    /// The fill's outcome.
    pub report: FillSummary,
    /// In the OnceFill window: the plan was sent, so there is no going back to review, and
    /// being done returns to the portal's form.
    #[prop_or_default]
    pub in_window: bool,
    /// The person goes back to review.
    pub on_back: Callback<()>,
    /// The person is done.
    pub on_close: Callback<()>,
}

/// The report screen.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let report = &props.report;
    let failed = &report.failed;
    let filled = report.filled;
    let back = props.on_back.reform(|_: MouseEvent| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="of-report" data-of="report" data-filled={filled.to_string()} data-failed={failed.len().to_string()}>
            <p class="of-success" role="status">{ tr(lang, "fill-done", &[("filled", Arg::Num(filled as i64))]) }</p>
            if !failed.is_empty() {
                <p class="of-warning">{ tr(lang, "fill-some-failed", &[("count", Arg::Num(failed.len() as i64))]) }</p>
                <ul class="of-failed">
                    { for failed.iter().map(|(label, message)| html! {
                        <li><strong>{ label }</strong>{ "：" }{ tr(lang, message, &[]) }</li>
                    }) }
                </ul>
            }
            <div class="of-actions">
                if !props.in_window {
                    <button type="button" class="of-secondary" data-of="back-to-review" onclick={back}>{ tr(lang, "back-to-review", &[]) }</button>
                }
                <button type="button" class="of-primary" data-of="done" onclick={close}>
                    { tr(lang, if props.in_window { "window-back-to-form" } else { "close" }, &[]) }</button>
            </div>
        </div>
    }
}
