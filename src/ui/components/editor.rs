//! The profile editor: the slice's elements with inline validation. Sensitive values are
//! masked whenever their input does not have focus.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::key_label;
use crate::core::codes::ETHNICITIES;
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, tr};
use crate::core::mask::mask_for_display;
use crate::core::validate;
use crate::ui::state::{Action, State};

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The widget state.
    pub state: Rc<State>,
    /// Sends an action.
    pub on_action: Callback<Action>,
    /// The person asks to go on to review.
    pub on_review: Callback<()>,
}

/// Elements in the order the editor shows them: the ID number early, since birth date and
/// sex follow from it.
const ORDER: &[Key] = &[
    Key::PersonName,
    Key::PersonIdNumber,
    Key::PersonSex,
    Key::PersonBirthDate,
    Key::PersonEthnicity,
    Key::ContactMobile,
    Key::PersonHukouAddress,
];

fn input_id(key: Key) -> String {
    format!("of-f-{}", key.id().replace('.', "-"))
}

/// The editor screen.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let problems = s.visible_problems();
    let on_submit = {
        let on_review = props.on_review.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_review.emit(());
        })
    };
    let rows = ORDER.iter().map(|&key| {
        let problem = problems.iter().find(|p| p.key == key);
        let error_id = format!("{}-error", input_id(key));
        let note_id = format!("{}-note", input_id(key));
        let derived = s.derived.contains(&key);
        let described = match (problem.is_some(), derived) {
            (true, _) => Some(error_id.clone()),
            (false, true) => Some(note_id.clone()),
            _ => None,
        };
        let control = control(props, key, problem.is_some(), described);
        html! {
            <div class={classes!("of-row", problem.map(|_| "of-invalid"))} key={key.id()}>
                { control }
                if let Some(p) = problem {
                    <p id={error_id} class="of-error" data-of={format!("error-{}", key.id())}>{ p.issue.message(lang) }</p>
                } else if derived {
                    <p id={note_id} class="of-note">{ t("derived-from-id") }</p>
                }
            </div>
        }
    });
    let error_count = problems.len();
    let load_demo = props.on_action.reform(|_: MouseEvent| Action::LoadDemo);
    let clear = props.on_action.reform(|_: MouseEvent| Action::Clear);
    html! {
        <form class="of-editor" data-of="editor" novalidate=true onsubmit={on_submit}>
            <h3>{ t("editor-title") }</h3>
            <p class="of-intro">{ t("editor-intro") }</p>
            <div class="of-toolbar">
                <button type="button" class="of-secondary" data-of="load-demo" onclick={load_demo}>{ t("load-demo") }</button>
                <button type="button" class="of-secondary" data-of="clear" onclick={clear}>{ t("clear-profile") }</button>
            </div>
            { for rows }
            if s.attempted && error_count > 0 {
                <p class="of-error of-summary" role="alert">{ tr(lang, "errors-remain", &[("count", Arg::Num(error_count as i64))]) }</p>
            }
            <div class="of-actions">
                <button type="submit" class="of-primary" data-of="to-review">{ t("to-review") }</button>
            </div>
        </form>
    }
}

fn control(props: &EditorProps, key: Key, invalid: bool, described: Option<String>) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let id = input_id(key);
    let label = key_label(lang, key);
    let raw = s.draft.get(key).to_string();
    let edit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::Edit(key, input.value()));
        })
    };
    let focus = props
        .on_action
        .reform(move |_: FocusEvent| Action::Focus(Some(key)));
    let blur = props
        .on_action
        .reform(move |_: FocusEvent| Action::Touch(key));
    let data_of = format!("field-{}", key.id());
    match key {
        Key::PersonSex => {
            let radio = |code: &'static str, word: &str| {
                let on_action = props.on_action.clone();
                let change = Callback::from(move |_: Event| {
                    on_action.emit(Action::Edit(key, code.to_string()))
                });
                html! {
                    <label class="of-choice">
                        <input type="radio" name="of-sex" value={code} checked={raw == code}
                            data-of={format!("{data_of}-{code}")} onchange={change} onblur={blur.clone()} />
                        { word }
                    </label>
                }
            };
            html! {
                <fieldset class="of-fieldset" aria-invalid={invalid.to_string()} aria-describedby={described}>
                    <legend>{ label }</legend>
                    { radio("1", &tr(lang, "sex-male", &[])) }
                    { radio("2", &tr(lang, "sex-female", &[])) }
                </fieldset>
            }
        }
        Key::PersonEthnicity => {
            let on_action = props.on_action.clone();
            let change = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                on_action.emit(Action::Edit(key, select.value()));
            });
            html! {
                <>
                    <label for={id.clone()}>{ label }</label>
                    <select id={id} data-of={data_of} onchange={change} onblur={blur}
                        aria-invalid={invalid.to_string()} aria-describedby={described}>
                        <option value="" selected={raw.is_empty()}>{ tr(lang, "choose", &[]) }</option>
                        { for ETHNICITIES.iter().map(|c| html! {
                            <option value={c.code} selected={raw == c.code}>{ c.name }</option>
                        }) }
                    </select>
                </>
            }
        }
        _ => {
            // Sensitive values are shown masked unless being edited or wrong.
            let shown = match key.mask() {
                Some(kind) if s.focused != Some(key) && !invalid && !raw.is_empty() => {
                    let valid = match key {
                        Key::PersonIdNumber => validate::id_number(&raw, s.today).is_ok(),
                        Key::ContactMobile => validate::mobile(&raw).is_ok(),
                        _ => true,
                    };
                    if valid {
                        mask_for_display(raw.trim(), kind)
                    } else {
                        raw.clone()
                    }
                }
                _ => raw.clone(),
            };
            // No maxlength: a pasted value is never cut short; validation says what is wrong.
            let (input_type, mode, hint) = match key {
                Key::ContactMobile => ("tel", "tel", ""),
                Key::PersonBirthDate => ("text", "numeric", "1990-03-07"),
                _ => ("text", "text", ""),
            };
            let placeholder = (!hint.is_empty()).then(|| format!("例 e.g. {hint}"));
            html! {
                <>
                    <label for={id.clone()}>{ label }</label>
                    <input id={id} type={input_type} inputmode={mode} value={shown}
                        autocomplete="off" spellcheck="false"
                        placeholder={placeholder} data-of={data_of}
                        aria-invalid={invalid.to_string()} aria-describedby={described}
                        oninput={edit} onfocus={focus} onblur={blur} />
                </>
            }
        }
    }
}
