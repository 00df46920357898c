//! The outcome of a fill: how many fields were filled, and which need the person's hand.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::i18n::{Arg, tr};
use crate::ui::state::{Action, State};

/// Properties of [`Report`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The widget state.
    pub state: Rc<State>,
    /// Sends an action.
    pub on_action: Callback<Action>,
}

/// The report screen.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let Some(report) = &s.report else {
        return html! {};
    };
    let failed: Vec<_> = report.outcomes.iter().filter(|(_, _, o)| !o.ok()).collect();
    let filled = report.filled();
    let back = props.on_action.reform(|_: MouseEvent| Action::BackToReview);
    let close = props.on_action.reform(|_: MouseEvent| Action::Close);
    html! {
        <div class="of-report" data-of="report" data-filled={filled.to_string()} data-failed={failed.len().to_string()}>
            <p class="of-success" role="status">{ tr(lang, "fill-done", &[("filled", Arg::Num(filled as i64))]) }</p>
            if !failed.is_empty() {
                <p class="of-warning">{ tr(lang, "fill-some-failed", &[("count", Arg::Num(failed.len() as i64))]) }</p>
                <ul class="of-failed">
                    { for failed.iter().map(|(_, label, outcome)| html! {
                        <li><strong>{ label }</strong>{ "：" }{ tr(lang, outcome.message_id(), &[]) }</li>
                    }) }
                </ul>
            }
            <div class="of-actions">
                <button type="button" class="of-secondary" data-of="back-to-review" onclick={back}>{ tr(lang, "review-title", &[]) }</button>
                <button type="button" class="of-primary" data-of="done" onclick={close}>{ tr(lang, "close", &[]) }</button>
            </div>
        </div>
    }
}
