//! One element's input, chosen by the element's value type: text, radio, select (with a
//! search box for long code tables), with masking and a reveal button for sensitive values.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::labels::{key_label, verified_badge};
use crate::app::editor::{DraftId, EditorAction};
use crate::core::dictionary::{Key, Table, ValueType};
use crate::core::i18n::{Lang, tr};
use crate::core::mask::mask_for_display;
use crate::core::profile::Problem;

/// What the person does in an element's input, each told with the draft and the element.
#[derive(Clone, PartialEq)]
pub struct FieldIntents {
    /// The person typed or chose a value.
    pub on_edit: Callback<(DraftId, Key, String)>,
    /// The input got focus.
    pub on_focus: Callback<(DraftId, Key)>,
    /// Focus left the input.
    pub on_leave: Callback<(DraftId, Key)>,
    /// Show or hide the sensitive value.
    pub on_toggle_shown: Callback<(DraftId, Key)>,
    /// The person answered the question before a verified value is changed: `true` to change
    /// it.
    pub on_verified: Callback<bool>,
}

impl FieldIntents {
    /// The intents as the editor's actions.
    pub fn of_editor(editor: &Callback<EditorAction>) -> Self {
        FieldIntents {
            on_edit: editor.reform(|(d, k, text)| EditorAction::Edit(d, k, text)),
            on_focus: editor.reform(|target| EditorAction::Focus(Some(target))),
            on_leave: editor.reform(|(d, k)| EditorAction::Touch(d, k)),
            on_toggle_shown: editor.reform(|(d, k)| EditorAction::ToggleShown(d, k)),
            on_verified: editor.reform(|yes| {
                if yes {
                    EditorAction::ConfirmVerified
                } else {
                    EditorAction::CancelVerified
                }
            }),
        }
    }
}

/// Options of a code table, as (code, label), or `None` when it has no list here.
pub fn options_for(table: Table, lang: Lang) -> Option<Vec<(String, String)>> {
    crate::ui::codes::options(table, lang)
}

/// Tables long enough to need a search box.
const SEARCH_FROM: usize = 20;

/// Properties of [`FieldInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldInputProps {
    /// The draft it edits.
    pub draft: DraftId,
    /// The element (`key` is Yew's own attribute).
    pub element: Key,
    /// The text in the draft.
    pub value: String,
    /// Interface language.
    pub lang: Lang,
    /// The error to show, if any.
    pub error: Option<Problem>,
    /// A warning to show, if any.
    pub warning: Option<Problem>,
    /// Filled in from the ID number.
    pub derived: bool,
    /// The input has focus (sensitive values unmasked).
    pub focused: bool,
    /// The person chose to see the sensitive value.
    pub shown: bool,
    /// What the person does in it.
    pub intents: FieldIntents,
    /// Where the stored value came from, when it was verified and is unchanged: it gets a
    /// badge.
    #[prop_or_default]
    pub verified: Option<crate::core::profile::Source>,
}

/// The input of one element, with its label and messages.
#[component]
pub fn FieldInput(props: &FieldInputProps) -> Html {
    let lang = props.lang;
    let key = props.element;
    let id = format!("of-{}-{}", props.draft, key.id().replace('.', "-"));
    let error_id = format!("{id}-error");
    let note_id = format!("{id}-note");
    let invalid = props.error.is_some();
    let badge_id = format!("{id}-verified");
    let message = if invalid {
        Some(error_id.clone())
    } else if props.warning.is_some() || props.derived {
        Some(note_id.clone())
    } else {
        None
    };
    // The badge is read with the input, after its label.
    let described = match (props.verified.is_some(), message) {
        (true, Some(m)) => Some(format!("{badge_id} {m}")),
        (true, None) => Some(badge_id.clone()),
        (false, m) => m,
    };
    let badge = verified_badge(lang, props.verified.as_ref(), Some(badge_id));
    let label = key_label(lang, key);
    let data_of = format!("field-{}", key.id());
    let draft = props.draft.clone();
    let intents = &props.intents;
    let emit = {
        let draft = draft.clone();
        let on_edit = intents.on_edit.clone();
        move |text: String| on_edit.emit((draft.clone(), key, text))
    };
    let blur = {
        let draft = draft.clone();
        intents
            .on_leave
            .reform(move |_: FocusEvent| (draft.clone(), key))
    };
    let focus = {
        let draft = draft.clone();
        intents
            .on_focus
            .reform(move |_: FocusEvent| (draft.clone(), key))
    };
    let control = match key.element().value {
        ValueType::Code(Table::Sex) => {
            let radio = |code: &'static str, msg: &str| {
                let emit = emit.clone();
                let change = Callback::from(move |_: Event| emit(code.to_string()));
                html! {
                    <label class="of-choice">
                        <input type="radio" name={id.clone()} value={code} checked={props.value == code}
                            aria-describedby={described.clone()}
                            data-of={format!("{data_of}-{code}")} onchange={change} onblur={blur.clone()} />
                        { tr(lang, msg, &[]) }
                    </label>
                }
            };
            return html! {
                <div class={classes!("of-row", invalid.then_some("of-invalid"))}>
                    <fieldset class="of-fieldset" aria-invalid={invalid.to_string()} aria-describedby={described.clone()}>
                        <legend>{ label }</legend>
                        { badge }
                        { radio("1", "sex-male") }
                        { radio("2", "sex-female") }
                    </fieldset>
                    { messages(props, &error_id, &note_id) }
                </div>
            };
        }
        ValueType::Address => html! {
            <super::address_input::AddressInput id={id.clone()} data_of={data_of.clone()} value={props.value.clone()} {lang}
                invalid={invalid} described={described.clone()}
                on_change={Callback::from(emit.clone())} on_blur={blur.clone()} />
        },
        ValueType::Code(table) if options_for(table, lang).is_some() => {
            let options = options_for(table, lang).unwrap_or_default();
            html! {
                <CodeSelect id={id.clone()} data_of={data_of.clone()} value={props.value.clone()} {options} {lang}
                    invalid={invalid} described={described.clone()}
                    on_change={Callback::from(emit.clone())} on_blur={blur.clone()} />
            }
        }
        value_type => {
            let masked = key.mask().filter(|_| {
                !props.focused && !props.shown && !invalid && !props.value.trim().is_empty()
            });
            let shown = match masked {
                Some(kind) => mask_for_display(props.value.trim(), kind),
                None => props.value.clone(),
            };
            let (input_type, mode, hint) = match value_type {
                ValueType::Mobile | ValueType::Landline => ("tel", "tel", None),
                ValueType::Email => ("email", "email", None),
                ValueType::PastDate | ValueType::Date => ("text", "numeric", Some("1990-03-07")),
                ValueType::DateOrLongTerm => ("text", "text", Some("2030-12-31 / 长期")),
                ValueType::AmountWan => ("text", "decimal", Some("100")),
                ValueType::Count | ValueType::Postcode => ("text", "numeric", None),
                ValueType::List => ("text", "text", Some("修改材料、签署文件")),
                _ => ("text", "text", None),
            };
            let input = {
                let emit = emit.clone();
                Callback::from(move |e: InputEvent| {
                    let el: HtmlInputElement = e.target_unchecked_into();
                    emit(el.value());
                })
            };
            // No maxlength: a pasted value is never cut short; the check says what is wrong.
            html! {
                <div class="of-input-line">
                    <input id={id.clone()} type={input_type} inputmode={mode} value={shown}
                        autocomplete="off" spellcheck="false" data-of={data_of.clone()}
                        placeholder={hint.map(|h| format!("例 e.g. {h}"))}
                        aria-invalid={invalid.to_string()} aria-describedby={described.clone()}
                        oninput={input} onfocus={focus} onblur={blur.clone()} />
                    if key.mask().is_some() && !props.value.is_empty() {
                        <button type="button" class="of-link" aria-pressed={props.shown.to_string()}
                            aria-label={format!("{} {}", tr(lang, if props.shown { "conceal" } else { "reveal" }, &[]), label)}
                            onclick={intents.on_toggle_shown.reform({ let draft = draft.clone(); move |_: MouseEvent| (draft.clone(), key) })}>
                            { tr(lang, if props.shown { "conceal" } else { "reveal" }, &[]) }
                        </button>
                    }
                </div>
            }
        }
    };
    html! {
        <div class={classes!("of-row", invalid.then_some("of-invalid"))}>
            <label for={id.clone()}>{ label }</label>
            { badge }
            { control }
            { messages(props, &error_id, &note_id) }
        </div>
    }
}

fn messages(props: &FieldInputProps, error_id: &str, note_id: &str) -> Html {
    let lang = props.lang;
    if let Some(p) = &props.error {
        return html! { <p id={error_id.to_string()} class="of-error" data-of={format!("error-{}", props.element.id())}>{ p.issue.message(lang) }</p> };
    }
    if let Some(w) = &props.warning {
        return html! { <p id={note_id.to_string()} class="of-warning" data-of={format!("warning-{}", props.element.id())}>{ w.issue.message(lang) }</p> };
    }
    if props.derived {
        return html! { <p id={note_id.to_string()} class="of-note">{ tr(lang, "derived-from-id", &[]) }</p> };
    }
    html! {}
}

/// Properties of [`CodeSelect`].
#[derive(Properties, PartialEq, Clone)]
pub struct CodeSelectProps {
    /// Element id.
    pub id: String,
    /// `data-of` marker.
    pub data_of: String,
    /// The chosen code.
    pub value: String,
    /// (code, label) choices.
    pub options: Vec<(String, String)>,
    /// Interface language.
    pub lang: Lang,
    /// Marked invalid.
    pub invalid: bool,
    /// `aria-describedby`.
    pub described: Option<String>,
    /// A code was chosen.
    pub on_change: Callback<String>,
    /// Focus left.
    pub on_blur: Callback<FocusEvent>,
}

/// A select of a code table; long tables get a search box that narrows the choices.
#[component]
pub fn CodeSelect(props: &CodeSelectProps) -> Html {
    let filter = use_state(String::new);
    let lang = props.lang;
    let needle = filter.trim().to_ascii_lowercase();
    let shown = |(code, label): &&(String, String)| {
        needle.is_empty()
            || *code == props.value
            || code.to_ascii_lowercase().contains(&needle)
            || label.to_ascii_lowercase().contains(&needle)
    };
    // Names that begin with what was typed come first (美 → 美国 before 亚美尼亚).
    let begins = |(_, label): &&(String, String)| {
        !needle.is_empty() && label.to_ascii_lowercase().starts_with(&needle)
    };
    let visible: Vec<&(String, String)> = props
        .options
        .iter()
        .filter(|o| shown(o) && begins(o))
        .chain(props.options.iter().filter(|o| shown(o) && !begins(o)))
        .collect();
    let change = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    let search = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            filter.set(el.value());
        })
    };
    html! {
        <div class="of-code-select">
            if props.options.len() >= SEARCH_FROM {
                <input type="search" class="of-search" placeholder={tr(lang, "search", &[])}
                    aria-label={tr(lang, "search", &[])} aria-controls={props.id.clone()}
                    value={(*filter).clone()} oninput={search} />
            }
            <select id={props.id.clone()} data-of={props.data_of.clone()} onchange={change} onblur={props.on_blur.clone()}
                aria-invalid={props.invalid.to_string()} aria-describedby={props.described.clone()}>
                <option value="" selected={props.value.is_empty()}>{ tr(lang, "choose", &[]) }</option>
                { for visible.iter().map(|(code, label)| html! {
                    <option value={code.clone()} selected={*code == props.value}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
