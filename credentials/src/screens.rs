//! The screens of verified data, rendered by this module into the place the app page gives
//! them: 导入凭证 (a credential or a service hall's attestation, verified, previewed element by
//! element, imported only when the person confirms) and 交给窗口 (the QR hand-off to a service
//! window's desk). They run here, beside the verification and the sealing, so that the app
//! page's own bundle carries none of it; what they change goes back to the app as the
//! profile's JSON or a disclosure record's entry ([`crate::mount`]).

use std::rc::Rc;

use js_sys::Promise;
use oncefill::app::editor::EditorState;
use oncefill::app::labels::{key_label, person_title, relation_msg};
use oncefill::core::check::table_id;
use oncefill::core::codes;
use oncefill::core::dictionary::{Key, ValueType};
use oncefill::core::disclosure::Entry;
use oncefill::core::i18n::{Arg, Lang, tr};
use oncefill::core::mask::{mask_for_display, mask_middle};
use oncefill::core::profile::{Profile, Relation, Source};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use zeroize::Zeroizing;

use crate::logic::{import_apply_json, import_preview_json, offer_json, seal_json};

#[wasm_bindgen(inline_js = "
// The deployment's trust list, beside the site: the demo one until a deployment puts its own
// at this path (format trust-list/1, www/schema/trust.schema.json). Its text, or undefined
// when it cannot be fetched.
export function loadTrust(base) {
  return fetch(base + 'trust/demo-trust.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : undefined))
    .catch(() => undefined);
}
")]
extern "C" {
    #[wasm_bindgen(js_name = loadTrust)]
    fn load_trust(base: &str) -> Promise;
}

/// The QR code's picture as a `data:` URL of its SVG.
fn svg_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    )
}

/// Now, in Unix seconds.
fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// An answer of the module's work, or the refusal's sentence in `lang`.
fn answer(value: Value, lang: Lang) -> Result<Value, String> {
    if value["ok"] == true {
        Ok(value)
    } else {
        Err(localized(&value["message"], lang))
    }
}

/// `{"zh-CN", "en"}` in `lang`.
fn localized(v: &Value, lang: Lang) -> String {
    v[lang.tag()]
        .as_str()
        .or(v["zh-CN"].as_str())
        .unwrap_or_default()
        .to_string()
}

/// A value masked for display, as everywhere outside the editor; a code of a table shown as its
/// name.
fn masked(value: &str, key: Key) -> String {
    if let Some(kind) = key.mask() {
        return mask_for_display(value, kind);
    }
    // A code (性别 1, 民族 01) means nothing to a person, and the name of one of a table's
    // few values gives little away: it is shown as its name (男, 汉族).
    if !key.is_sensitive()
        && let ValueType::Code(table) = key.element().value
        && let Some(id) = table_id(table)
        && let Some(code) = codes::table(id).iter().find(|c| c.code == value)
    {
        return code.label().to_string();
    }
    match value.chars().count() {
        0..=1 => "*".repeat(value.chars().count()),
        2 => mask_middle(value, 1, 0),
        _ => mask_middle(value, 1, 1),
    }
}

/// The text after `#name=` in a pasted link, decoded; else the text as it is.
pub fn from_link(text: &str, name: &str) -> String {
    let mark = format!("#{name}=");
    match text.find(&mark) {
        Some(at) => js_sys::decode_uri_component(&text[at + mark.len()..])
            .map(String::from)
            .unwrap_or_default(),
        None => text.trim().to_string(),
    }
}

/// A heading that takes the focus when its screen opens, so keyboard and screen-reader users
/// start there.
#[hook]
fn use_focus_on_mount() -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    heading
}

/// The deployment's trust list, asked for once when the screen opens: its text (none when it
/// could not be fetched), and whether it has been asked for (whether it came or not).
#[hook]
fn use_trust_list(base: AttrValue) -> (Rc<std::cell::RefCell<Option<String>>>, bool) {
    let trust = use_mut_ref(|| None::<String>);
    let ready = use_state(|| false);
    {
        let (ready, trust) = (ready.clone(), trust.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let list = JsFuture::from(load_trust(&base))
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                *trust.borrow_mut() = list;
                ready.set(true);
            });
        });
    }
    (trust, *ready)
}

/// Properties of [`ImportCredential`].
#[derive(Properties, PartialEq, Clone)]
pub struct ImportProps {
    pub lang: Lang,
    pub base: AttrValue,
    pub profile: Rc<Profile>,
    /// A text to verify at once (an attestation from the desk's link).
    pub initial: Option<AttrValue>,
    /// The profile with the verified values written in, once the person confirmed.
    pub on_import: Callback<Profile>,
    /// Back to 我的资料.
    pub on_done: Callback<()>,
}

/// Where an import is.
#[derive(Clone, PartialEq)]
enum Step {
    /// Waiting for a text.
    Input,
    /// The preview (the module's JSON text and its reading).
    Preview(Rc<String>, Rc<Value>),
    /// Refused, with the reason.
    Refused(String),
    /// Imported: how many elements were written.
    Done(u64),
}

/// 导入凭证: a credential or an attestation verified and previewed, then imported on
/// confirmation.
#[component]
pub fn ImportCredential(props: &ImportProps) -> Html {
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let text = use_mut_ref(|| Zeroizing::new(String::new()));
    let shown_text = use_state(|| {
        props
            .initial
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default()
    });
    let (trust, ready) = use_trust_list(props.base.clone());
    let step = use_state(|| Step::Input);
    let heading = use_focus_on_mount();

    let check = {
        let (text, trust, step, profile) = (
            text.clone(),
            trust.clone(),
            step.clone(),
            props.profile.clone(),
        );
        Callback::from(move |_: ()| {
            let Some(list) = trust.borrow().clone() else {
                step.set(Step::Refused(tr(lang, "verify-trust-failed", &[])));
                return;
            };
            // The profile's own JSON (its one serialiser in this build).
            let json = Zeroizing::new(profile.to_json());
            let out = import_preview_json(&text.borrow(), &list, &json, now());
            let shown = out.to_string();
            match answer(out, lang) {
                Ok(v) => step.set(Step::Preview(Rc::new(shown), Rc::new(v))),
                Err(why) => step.set(Step::Refused(why)),
            }
        })
    };
    // A text from a link is checked once the trust list is in.
    {
        let (check, text, initial) = (check.clone(), text.clone(), props.initial.clone());
        use_effect_with(ready, move |ready| {
            if *ready && let Some(initial) = initial {
                *text.borrow_mut() = Zeroizing::new(initial.to_string());
                check.emit(());
            }
        });
    }
    let on_input = {
        let (text, shown_text) = (text.clone(), shown_text.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let value = from_link(&area.value(), "attest");
            *text.borrow_mut() = Zeroizing::new(value);
            shown_text.set(area.value());
        })
    };
    let on_file = {
        let (text, check) = (text.clone(), check.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (text, check) = (text.clone(), check.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(v) = JsFuture::from(file.text()).await {
                    *text.borrow_mut() = Zeroizing::new(v.as_string().unwrap_or_default());
                    check.emit(());
                }
            });
        })
    };
    let on_check = check.reform(|e: SubmitEvent| e.prevent_default());
    let apply = {
        let (text, trust, step, profile) = (
            text.clone(),
            trust.clone(),
            step.clone(),
            props.profile.clone(),
        );
        let on_import = props.on_import.clone();
        Callback::from(move |_: MouseEvent| {
            let (Step::Preview(shown, _), Some(list)) = (&*step, trust.borrow().clone()) else {
                return;
            };
            // The profile's own JSON (its one serialiser in this build).
            let json = Zeroizing::new(profile.to_json());
            let out = import_apply_json(&text.borrow(), &list, &json, now(), shown);
            match answer(out, lang) {
                Ok(v) => match v["profile"].as_str().map(Profile::from_json) {
                    Some(Ok(new)) => {
                        *text.borrow_mut() = Zeroizing::new(String::new());
                        on_import.emit(new);
                        step.set(Step::Done(v["written"].as_u64().unwrap_or(0)));
                    }
                    _ => step.set(Step::Refused(tr(lang, "verify-module-failed", &[]))),
                },
                Err(why) => step.set(Step::Refused(why)),
            }
        })
    };
    let cancel = {
        let (step, text) = (step.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            *text.borrow_mut() = Zeroizing::new(String::new());
            step.set(Step::Input);
        })
    };

    let loading = if ready {
        html! {}
    } else {
        html! { <p class="of-note-plain" role="status">{ t("verify-loading") }</p> }
    };
    let body = match &*step {
        Step::Input | Step::Refused(_) => html! {
            <form class="of-verify-input" onsubmit={on_check}>
                if let Step::Refused(why) = &*step {
                    <p class="of-error" role="alert" data-of="credential-refused">{ why.clone() }</p>
                }
                <label for="of-credential-file">{ t("credential-file") }</label>
                <input id="of-credential-file" type="file" data-of="credential-file"
                    accept=".sdjwt,.jwt,.json,.txt,text/plain,application/json" onchange={on_file} />
                <label for="of-credential-text">{ t("credential-paste") }</label>
                <textarea id="of-credential-text" data-of="credential-text" rows="4" spellcheck="false"
                    autocomplete="off" value={(*shown_text).clone()} oninput={on_input} />
                <button type="submit" class="of-primary" data-of="credential-check"
                    disabled={!ready}>{ t("credential-check") }</button>
            </form>
        },
        Step::Preview(_, v) => preview(lang, v, apply, cancel),
        Step::Done(n) => html! {
            <div class="of-verify-done">
                <p role="status" data-of="credential-done">{ tr(lang, "credential-done", &[("count", Arg::Num(*n as i64))]) }</p>
                <button type="button" class="of-primary" data-of="credential-to-profile"
                    onclick={props.on_done.reform(|_: MouseEvent| ())}>{ t("credential-to-profile") }</button>
            </div>
        },
    };
    html! {
        <section class="of-verify" data-of="credential-import" aria-labelledby="of-credential-title">
            <h2 id="of-credential-title" ref={heading} tabindex="-1">{ t("credential-title") }</h2>
            <p class="of-intro">{ t("credential-intro") }</p>
            { loading }
            { body }
        </section>
    }
}

/// The preview: who vouches and when, each element with what importing does to it.
fn preview(
    lang: Lang,
    v: &Value,
    apply: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    let issuer = localized(&v["issuer"], lang);
    let date = v["date"].as_str().unwrap_or_default();
    let kind = if v["kind"] == "attestation" {
        "credential-by-hall"
    } else {
        "credential-by-issuer"
    };
    let count = v["count"].as_u64().unwrap_or(0);
    let rows = v["elements"].as_array().cloned().unwrap_or_default();
    html! {
        <div class="of-verify-preview" data-of="credential-preview">
            <p data-of="credential-issuer">
                { tr(lang, kind, &[("by", Arg::Str(&issuer)), ("date", Arg::Str(date))]) }
                if v["demo"] == true {
                    { " " }<span class="of-tag of-demo" data-of="credential-demo">{ t("credential-demo") }</span>
                }
            </p>
            <ul class="of-steps">
                { for rows.iter().map(|e| {
                    let action = e["action"].as_str().unwrap_or_default().to_string();
                    let changes = matches!(action.as_str(), "add" | "replace" | "same");
                    html! {
                        <li data-of="credential-row" data-element={e["element"].as_str().unwrap_or_default().to_string()}
                            data-action={action} class={classes!((!changes).then_some("of-lacking"))}>
                            <strong>{ localized(&e["label"], lang) }</strong>
                            { " " }<span class="of-masked">{ e["value"].as_str().unwrap_or_default().to_string() }</span>
                            { " — " }{ localized(&e["message"], lang) }
                        </li>
                    }
                }) }
            </ul>
            <p role="status">{ tr(lang, "credential-count", &[("count", Arg::Num(count as i64))]) }</p>
            <div class="of-actions">
                if count > 0 {
                    <button type="button" class="of-primary" data-of="credential-apply" onclick={apply}>{ t("credential-apply") }</button>
                }
                <button type="button" class="of-secondary" data-of="credential-cancel" onclick={cancel}>{ t("credential-cancel") }</button>
            </div>
        </div>
    }
}

/// One element the person may hand over: which, whose (a role for another person, none for
/// the applicant), the name of whose it is, and whether it starts ticked.
#[derive(Clone, PartialEq)]
struct Choice {
    key: Key,
    role: Option<String>,
    whose: String,
    masked: String,
    ticked: bool,
    /// The applicant's value came from a credential the profile keeps: its signed part can go
    /// with the code for the desk to verify.
    backed: bool,
}

/// What a service window asks of nearly every applicant to open a case: who they are.
/// These start ticked for the applicant when they are not sensitive; numbers, addresses,
/// contacts and other people's data start unticked, so nothing sensitive leaves the phone
/// unless the person ticks it.
const WHO: &[Key] = &[
    Key::PersonName,
    Key::PersonSex,
    Key::PersonEthnicity,
    Key::PersonBirthDate,
];

/// The elements of the applicant and their household the profile holds, in that order.
fn choices(editor: &EditorState, lang: Lang) -> Vec<Choice> {
    let profile = &editor.profile;
    let mut out = Vec::new();
    let mut children = 0;
    for person in &profile.persons {
        let role = match person.relation {
            Relation::Owner => None,
            Relation::Spouse => Some("spouse".to_string()),
            Relation::Father => Some("father".to_string()),
            Relation::Mother => Some("mother".to_string()),
            Relation::Child => {
                children += 1;
                Some(format!("child[{}]", children - 1))
            }
            Relation::Other => continue,
        };
        let colon = if lang == Lang::En { ": " } else { "：" };
        let whose = format!(
            "{}{colon}{}",
            tr(lang, relation_msg(person.relation), &[]),
            person_title(editor, &person.id, lang)
        );
        for key in person.values.keys() {
            let Some(value) = person.values.text(key) else {
                continue;
            };
            let backed = role.is_none()
                && !profile.credentials.is_empty()
                && person
                    .values
                    .get(key)
                    .is_some_and(|e| matches!(e.source, Source::Credential { .. }));
            out.push(Choice {
                backed,
                key,
                role: role.clone(),
                whose: whose.clone(),
                masked: masked(value, key),
                ticked: role.is_none() && WHO.contains(&key) && !key.is_sensitive(),
            });
        }
    }
    out
}

/// Properties of [`HandOff`].
#[derive(Properties, PartialEq, Clone)]
pub struct HandOffProps {
    pub lang: Lang,
    pub base: AttrValue,
    pub editor: Rc<EditorState>,
    /// The desk's offer from the link the person opened, if any.
    pub offer: Option<AttrValue>,
    /// Record a hand-off in the disclosure record.
    pub on_record: Callback<Entry>,
}

/// A sealed hand-off on screen.
#[derive(Clone, PartialEq)]
struct Sealed {
    text: String,
    picture: String,
    expires: i64,
    /// How many credentials it presents (their chosen elements' disclosures only).
    presented: i64,
}

/// 交给窗口: the desk's check code, the elements to hand over, and the sealed QR code.
#[component]
pub fn HandOff(props: &HandOffProps) -> Html {
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let offer_text = use_state(|| {
        props
            .offer
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default()
    });
    // The offer read: its text, check code and expiry; or why not.
    let offer = use_state(|| None::<Result<(String, String, i64), String>>);
    let picks = {
        let editor = props.editor.clone();
        use_state(move || choices(&editor, lang))
    };
    // The profile arrived or changed (unlocked after the link was opened): the choices anew.
    {
        let (picks, editor) = (picks.clone(), props.editor.clone());
        use_effect_with((editor.profile.clone(), lang), move |_| {
            picks.set(choices(&editor, lang));
        });
    }
    let sealed = use_state(|| None::<Result<Sealed, String>>);
    // The trust list: the profile's credentials are verified with it before they are presented.
    let (trust, _) = use_trust_list(props.base.clone());
    let tick = use_state(now);
    let heading = use_focus_on_mount();

    let read = {
        let (offer, sealed) = (offer.clone(), sealed.clone());
        Callback::from(move |text: String| {
            let text = from_link(&text, "offer");
            sealed.set(None);
            offer.set(Some(answer(offer_json(&text, now()), lang).map(|v| {
                let code = v["check"].as_str().unwrap_or_default().to_string();
                (text, code, v["expires"].as_i64().unwrap_or(0))
            })));
        })
    };
    // The desk's offer from the link, read at once.
    {
        let (read, initial) = (read.clone(), props.offer.clone());
        use_effect_with((), move |_| {
            if let Some(text) = initial {
                read.emit(text.to_string());
            }
        });
    }
    // A new code takes the focus and comes into view: on a phone it is below the choices, and
    // the button that made it gives no other sign.
    let shown = use_node_ref();
    {
        let shown = shown.clone();
        let text = sealed
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .map(|s| s.text.clone());
        use_effect_with(text, move |text| {
            if text.is_some()
                && let Some(el) = shown.cast::<web_sys::HtmlElement>()
            {
                el.scroll_into_view();
                let _ = el.focus();
            }
        });
    }
    // The countdown: once a second while a sealed code is shown.
    {
        let tick = tick.clone();
        use_effect_with(sealed.as_ref().map(|s| s.is_ok()), move |shown| {
            let timer = (*shown == Some(true))
                .then(|| gloo::timers::callback::Interval::new(1000, move || tick.set(now())));
            move || drop(timer)
        });
    }
    let on_offer_input = {
        let offer_text = offer_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            offer_text.set(input.value());
        })
    };
    let on_read = {
        let (read, offer_text) = (read.clone(), offer_text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            read.emit((*offer_text).clone());
        })
    };
    let seal = {
        let (offer, picks, sealed, tick) =
            (offer.clone(), picks.clone(), sealed.clone(), tick.clone());
        let (editor, on_record, trust) =
            (props.editor.clone(), props.on_record.clone(), trust.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(Ok((text, _, _))) = &*offer else {
                return;
            };
            let profile = &editor.profile;
            let mut items: Vec<(String, Option<String>, String)> = Vec::new();
            for c in picks.iter().filter(|c| c.ticked) {
                let person = match c.role.as_deref() {
                    None => profile.owner(),
                    Some(role) => {
                        let relation = match role {
                            "spouse" => Relation::Spouse,
                            "father" => Relation::Father,
                            "mother" => Relation::Mother,
                            _ => Relation::Child,
                        };
                        let nth: usize = role
                            .trim_start_matches("child[")
                            .trim_end_matches(']')
                            .parse()
                            .unwrap_or(0);
                        profile
                            .persons
                            .iter()
                            .filter(|p| p.relation == relation)
                            .nth(if relation == Relation::Child { nth } else { 0 })
                    }
                };
                if let Some(value) = person.and_then(|p| p.values.text(c.key)) {
                    items.push((c.key.id().to_string(), c.role.clone(), value.to_string()));
                }
            }
            let json = Zeroizing::new(serde_json::to_string(&items).unwrap_or_default());
            for (_, _, value) in &mut items {
                zeroize::Zeroize::zeroize(value);
            }
            let at = now();
            tick.set(at);
            let out = answer(
                seal_json(
                    text,
                    &json,
                    &profile.credentials,
                    trust.borrow().as_deref(),
                    at,
                ),
                lang,
            );
            sealed.set(Some(out.map(|v| {
                if let Ok(entry) = serde_json::from_value::<Entry>(v["entry"].clone()) {
                    on_record.emit(entry);
                }
                Sealed {
                    text: v["sealed"].as_str().unwrap_or_default().to_string(),
                    picture: svg_url(v["svg"].as_str().unwrap_or_default()),
                    expires: v["expires"].as_i64().unwrap_or(0),
                    presented: v["presented"].as_i64().unwrap_or(0),
                }
            })));
        })
    };
    let toggle = |i: usize| {
        let (picks, sealed) = (picks.clone(), sealed.clone());
        Callback::from(move |_: Event| {
            let mut next = (*picks).clone();
            if let Some(c) = next.get_mut(i) {
                c.ticked = !c.ticked;
            }
            picks.set(next);
            sealed.set(None);
        })
    };

    let offer_form = html! {
        <form class="of-handoff-offer" onsubmit={on_read}>
            <label for="of-handoff-offer">{ t("handoff-offer-label") }</label>
            <input id="of-handoff-offer" type="text" data-of="handoff-offer" autocomplete="off" spellcheck="false"
                value={(*offer_text).clone()} oninput={on_offer_input} />
            <button type="submit" class="of-secondary" data-of="handoff-read">{ t("handoff-read") }</button>
        </form>
    };
    let body = match &*offer {
        None => html! {},
        Some(Err(why)) => {
            html! { <p class="of-error" role="alert" data-of="handoff-refused">{ why.clone() }</p> }
        }
        Some(Ok((_, code, _))) => {
            // One list per person, under whose it is.
            let mut people: Vec<(String, Vec<Html>)> = Vec::new();
            for (i, c) in picks.iter().enumerate() {
                let id = format!("of-pick-{i}");
                let item = html! {
                    <li>
                        <input type="checkbox" id={id.clone()} data-of="handoff-pick" data-element={c.key.id()}
                            data-role={c.role.clone()} checked={c.ticked} onchange={toggle(i)} />
                        <label for={id}>
                            <strong>{ key_label(lang, c.key) }</strong>{ " " }
                            <span class="of-masked">{ c.masked.clone() }</span>
                            if c.backed {
                                { " " }<span class="of-verified" data-of="handoff-backed">{ t("handoff-backed") }</span>
                            }
                        </label>
                    </li>
                };
                match people.last_mut() {
                    Some((whose, items)) if *whose == c.whose => items.push(item),
                    _ => people.push((c.whose.clone(), vec![item])),
                }
            }
            let list = people.into_iter().map(|(whose, items)| {
                html! {
                    <li class="of-handoff-person">
                        <span class="of-whose">{ whose.clone() }</span>
                        <ul aria-label={whose}>{ for items }</ul>
                    </li>
                }
            });
            let chosen = picks.iter().filter(|c| c.ticked).count();
            html! {
                <>
                    <p class="of-handoff-check-line">{ t("handoff-check-intro") }</p>
                    <p class="of-handoff-check" data-of="handoff-check" aria-label={tr(lang, "handoff-check-say", &[("code", Arg::Str(&code.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ")))])}>{ code.clone() }</p>
                    <fieldset class="of-handoff-picks">
                        <legend>{ t("handoff-picks") }</legend>
                        if picks.is_empty() {
                            <p class="of-note-plain">{ t("handoff-nothing") }</p>
                        }
                        <ul>{ for list }</ul>
                    </fieldset>
                    <button type="button" class="of-primary of-big" data-of="handoff-seal" disabled={chosen == 0}
                        onclick={seal}>{ tr(lang, "handoff-seal", &[("count", Arg::Num(chosen as i64))]) }</button>
                    { sealed_view(lang, &sealed, *tick, &shown) }
                </>
            }
        }
    };
    html! {
        <section class="of-handoff" data-of="handoff" aria-labelledby="of-handoff-title">
            <h2 id="of-handoff-title" ref={heading} tabindex="-1">{ t("handoff-title") }</h2>
            <p class="of-intro">{ t("handoff-intro") }</p>
            { offer_form }
            { body }
        </section>
    }
}

/// The sealed QR code, its text and how long it stays valid; or why it could not be made.
fn sealed_view(
    lang: Lang,
    sealed: &Option<Result<Sealed, String>>,
    now: i64,
    shown: &NodeRef,
) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    match sealed {
        None => html! {},
        Some(Err(why)) => {
            html! { <p class="of-error" role="alert" data-of="handoff-refused">{ why.clone() }</p> }
        }
        Some(Ok(s)) => {
            let left = (s.expires - now).max(0);
            let expired = left == 0;
            html! {
                <div class="of-handoff-sealed" data-of="handoff-sealed">
                    if expired {
                        <p class="of-error" role="alert" data-of="handoff-expiry" data-left="0">{ t("handoff-expired") }</p>
                    } else {
                        <p class="of-handoff-show" ref={shown.clone()} tabindex="-1">{ t("handoff-show") }</p>
                        <img class="of-handoff-qr" data-of="handoff-qr" src={s.picture.clone()} alt={t("handoff-qr-alt")} />
                        if s.presented > 0 {
                            <p data-of="handoff-presented" data-count={s.presented.to_string()}>
                                { tr(lang, "handoff-presented", &[("count", Arg::Num(s.presented))]) }
                            </p>
                        }
                        <p data-of="handoff-expiry" data-left={left.to_string()} aria-live="off">
                            { tr(lang, "handoff-expiry", &[("minutes", Arg::Num(left / 60)), ("seconds", Arg::Num(left % 60))]) }
                        </p>
                        <label for="of-handoff-text">{ t("handoff-text") }</label>
                        <textarea id="of-handoff-text" data-of="handoff-text" readonly=true rows="4"
                            value={s.text.clone()} />
                    }
                </div>
            }
        }
    }
}
