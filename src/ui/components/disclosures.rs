//! 授权记录: every fill, newest first — when, which site and form, which elements of whose (by
//! name, never a value) — with export as JSON and deletion of one entry or all, each confirmed.

use std::rc::Rc;

use yew::prelude::*;

use super::labels::key_label;
use crate::core::disclosure::{CAP, Disclosed, Entry};
use crate::core::i18n::{Arg, Lang, tr};

/// Properties of [`Disclosures`].
#[derive(Properties, PartialEq)]
pub struct DisclosuresProps {
    /// Interface language.
    pub lang: Lang,
    /// The record, oldest first.
    pub entries: Rc<Vec<Entry>>,
    /// The profile is kept in page memory only (no vault): so is the record.
    pub memory_only: bool,
    /// Delete one entry (its position, oldest first) or, with `None`, all.
    pub on_delete: Callback<Option<usize>>,
    /// Download the record as JSON; answers whether it worked.
    pub on_export: Callback<(), bool>,
    /// Back to the previous screen.
    pub on_back: Callback<()>,
    /// Whether the screen shows its own title (the app page's place has it as its heading).
    #[prop_or(true)]
    pub titled: bool,
}

/// The time of an entry in the device's local time, `YYYY-MM-DD HH:MM`.
fn local_time(stamp: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(stamp));
    if d.get_time().is_nan() {
        return stamp.to_string();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// An element's name, with whose it is when not the applicant's.
fn element_name(lang: Lang, d: &Disclosed) -> String {
    let name = d
        .key()
        .map(|k| key_label(lang, k))
        .unwrap_or_else(|| d.element.clone());
    match d.role_ref() {
        Some(None) => name,
        Some(Some(role)) => format!("{}·{name}", crate::core::people::role_label(lang, role)),
        None => format!("{}·{name}", d.role.as_deref().unwrap_or_default()),
    }
}

/// The 授权记录 screen.
#[component]
pub fn Disclosures(props: &DisclosuresProps) -> Html {
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    // The deletion awaiting confirmation: `Some(None)` is all of them.
    let confirm = use_state(|| None::<Option<usize>>);
    let status = use_state(|| None::<&'static str>);
    let entries = &props.entries;
    let ask = |which: Option<usize>| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(Some(which)))
    };
    let cancel = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(None))
    };
    let delete = |which: Option<usize>| {
        let (confirm, status, on_delete) =
            (confirm.clone(), status.clone(), props.on_delete.clone());
        Callback::from(move |_: MouseEvent| {
            on_delete.emit(which);
            confirm.set(None);
            status.set(Some("disclosures-deleted"));
        })
    };
    let export = {
        let (status, on_export) = (status.clone(), props.on_export.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = on_export.emit(());
            status.set(Some(if ok {
                "disclosures-exported"
            } else {
                "export-failed"
            }));
        })
    };
    let confirmation = |which: Option<usize>, text: &str| {
        html! {
            <div class="of-confirm" role="alert">
                <p class="of-error">{ text.to_string() }</p>
                <button type="button" class="of-danger" data-of="confirm-delete" onclick={delete(which)}>{ t("disclosures-delete") }</button>
                <button type="button" class="of-secondary" data-of="cancel-delete" onclick={cancel.clone()}>{ t("cancel") }</button>
            </div>
        }
    };
    let row = |i: usize, e: &Entry| {
        let title = if e.title.is_empty() {
            t("disclosures-untitled")
        } else {
            e.title.clone()
        };
        html! {
            <li class="of-disclosure" data-of="disclosure">
                <div class="of-disclosure-head">
                    <time datetime={e.time.clone()}>{ local_time(&e.time) }</time>
                    { " · " }<span data-of="disclosure-site">{ &e.origin }</span>
                </div>
                <div class="of-disclosure-form" data-of="disclosure-form">{ title }</div>
                <ul class="of-tags" aria-label={t("disclosures-elements")}>
                    { for e.elements.iter().map(|d| html! { <li class="of-tag" data-of="disclosed">{ element_name(lang, d) }</li> }) }
                </ul>
                <div class="of-reason">{ tr(lang, "disclosures-count", &[("n", Arg::Num(e.count as i64))]) }</div>
                if *confirm == Some(Some(i)) {
                    { confirmation(Some(i), &t("disclosures-confirm-one")) }
                } else {
                    <button type="button" class="of-link" data-of="delete-disclosure" onclick={ask(Some(i))}>{ t("disclosures-delete") }</button>
                }
            </li>
        }
    };
    html! {
        <section class="of-vault" data-of="disclosures-screen">
            if props.titled {
                <h3>{ t("disclosures") }</h3>
            }
            <p>{ tr(lang, "disclosures-intro", &[("cap", Arg::Num(CAP as i64))]) }</p>
            if props.memory_only {
                <p class="of-warning" data-of="disclosures-memory">{ t("disclosures-memory") }</p>
            }
            if let Some(id) = *status {
                <p class="of-note" role="status" data-of="disclosures-status">{ t(id) }</p>
            }
            if entries.is_empty() {
                <p data-of="disclosures-empty">{ t("disclosures-empty") }</p>
            } else {
                <ol class="of-disclosures">
                    { for entries.iter().enumerate().rev().map(|(i, e)| row(i, e)) }
                </ol>
                <div class="of-toolbar">
                    <button type="button" class="of-secondary" data-of="export-disclosures" onclick={export}>{ t("disclosures-export") }</button>
                    if *confirm == Some(None) {
                        { confirmation(None, &t("disclosures-confirm-all")) }
                    } else {
                        <button type="button" class="of-danger" data-of="delete-all-disclosures" onclick={ask(None)}>{ t("disclosures-delete-all") }</button>
                    }
                </div>
            }
            <div class="of-actions">
                <button type="button" class="of-secondary" data-of="back" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ t("back") }</button>
            </div>
        </section>
    }
}
