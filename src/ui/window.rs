//! The OnceFill window (`window.html`, OnceFill's own origin): a portal's page agent opens it,
//! the window (its loader, `window.js`) says `ready` to its opener, and answers requests from a
//! portal on the allow-list (`portals.json`) with the values the person approved there. While
//! it stays open, the agent sends it the person's next 一键填表 (a new request, new nonce)
//! instead of opening another window: unlocked, the window goes straight to that review; a
//! request that comes while the person reviews another waits behind a plain notice. The vault, the
//! classification of the received description, the review and the consent all happen here;
//! the portal's page receives only the plan. The messages are those of
//! [`crate::core::protocol`]; every message is read and checked by it, and anything else is
//! ignored and counted, never logged.
//!
//! The loader (`window.js`) hands this module what `window.opener` sends (and only that), with
//! the sender's origin, through [`window_message`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::core::i18n::{Lang, tr};
use crate::core::protocol::{AllowList, Fill, Message, Outcome, Page, PageLang, RefusedReason};
use crate::core::scan::description::Description;

/// A request the window answers: from a portal on the allow-list, read and checked whole.
pub struct Request {
    /// The portal's origin (the request's `event.origin`).
    pub origin: String,
    /// The portal's name on the allow-list (OnceFill's own site: none).
    pub name: Option<String>,
    /// The request's nonce.
    pub nonce: String,
    /// The portal's language.
    pub lang: Lang,
    /// What the agent says of the page.
    pub page: Page,
    /// The page, value-free.
    pub description: Description,
}

/// Where the window is.
#[derive(Clone)]
enum Stage {
    /// Waiting for the portal's request.
    Waiting,
    /// Opened without a portal page behind it (typed in, or its opener cut off).
    NoOpener,
    /// A request from an origin not on the allow-list.
    NotAllowed(String),
    /// A request from an allowed portal that does not read (or is over a cap).
    Unreadable(RefusedReason),
    /// The request under review.
    Asking(Rc<Request>),
}

/// How many nonces the window remembers, to refuse a request that replays one.
const SEEN_NONCES: usize = 256;

/// An outcome report of the portal's agent: each control's outcome, and whether it is the
/// last report of the fill.
pub type Report = (Vec<(String, Outcome)>, bool);

#[derive(Default)]
struct Inbox {
    /// The allow-list, once fetched.
    allow: Option<AllowList>,
    /// Messages that came before the allow-list: (JSON, origin).
    queued: Vec<(String, String)>,
    /// Where the window is; `None` until the first request.
    stage: Option<Stage>,
    /// The shell's setter of the stage.
    on_stage: Option<Callback<()>>,
    /// The review's receiver of an outcome report, and whether the report is the last (no
    /// description of the page came with it).
    on_result: Option<Callback<Report>>,
    /// The plan, or a cancel, was sent (the nonce is spent).
    answered: bool,
    /// A plan was sent and its outcome report has not come yet.
    planned: bool,
    /// The last outcome report arrived.
    reported: bool,
    /// The page as the agent described it again after a plan that waited for a cascade's
    /// options: the next plan is made from, and checked against, this description.
    latest: Option<Rc<Description>>,
    /// The last report came with a description: the next plan of the cascade may be sent.
    more: bool,
    /// Messages ignored, by kind.
    ignored: BTreeMap<&'static str, u32>,
    /// A newer request, come while the person was reviewing the current one.
    pending: Option<Rc<Request>>,
    /// Counts the requests taken (each new current request, each pending one).
    turn: u32,
    /// The nonce of the request the review on screen was made for.
    reviewed: Option<String>,
    /// The nonces of the requests taken, oldest first.
    seen: Vec<String>,
}

thread_local! {
    static INBOX: RefCell<Inbox> = RefCell::new(Inbox::default());
    /// The mounted window, until [`unmount`].
    static SHELL: RefCell<Option<yew::AppHandle<Shell>>> = const { RefCell::new(None) };
}

fn count(kind: &'static str) {
    INBOX.with(|i| *i.borrow_mut().ignored.entry(kind).or_default() += 1);
}

fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The window that opened this one, when there is one.
fn opener() -> Option<JsValue> {
    let opener = web_sys::window()?.opener().ok()?;
    (!opener.is_null() && !opener.is_undefined()).then_some(opener)
}

/// Posts `message` to the opener, for `origin` only.
fn post(message: &Message, origin: &str) {
    let Some(opener) = opener() else { return };
    let Some(Ok(data)) = message.window_json().map(|text| js_sys::JSON::parse(&text)) else {
        return;
    };
    // Read through `Reflect`: the opener is a window of another origin.
    if let Ok(f) = js_sys::Reflect::get(&opener, &"postMessage".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call2(&opener, &data, &origin.into());
    }
}

/// The request under review, if any.
pub fn request() -> Option<Rc<Request>> {
    INBOX.with(|i| match &i.borrow().stage {
        Some(Stage::Asking(r)) => Some(r.clone()),
        _ => None,
    })
}

fn set_stage(stage: Stage) {
    let cb = INBOX.with(|i| {
        let mut i = i.borrow_mut();
        i.stage = Some(stage);
        i.on_stage.clone()
    });
    if let Some(cb) = cb {
        cb.emit(());
    }
}

/// Takes one message from the opener: `data` as the loader received it, `origin` its
/// `event.origin`.
#[wasm_bindgen]
pub fn window_message(data: JsValue, origin: String) {
    let Some(json) = js_sys::JSON::stringify(&data)
        .ok()
        .and_then(|s| s.as_string())
    else {
        return count("not-ours");
    };
    let queued = INBOX.with(|i| {
        let mut i = i.borrow_mut();
        if i.allow.is_none() {
            i.queued.push((json.clone(), origin.clone()));
            true
        } else {
            false
        }
    });
    if !queued {
        receive(&json, &origin);
    }
}

fn receive(json: &str, origin: &str) {
    let (kind, nonce) = crate::core::protocol::peek(json);
    let is_request = kind.as_deref() == Some("request");
    let (asking, allowed, answered, asked) = INBOX.with(|i| {
        let i = i.borrow();
        let allowed = i
            .allow
            .as_ref()
            .is_some_and(|a| a.allows(origin, &own_origin()));
        let asked = match &i.stage {
            Some(Stage::Asking(r)) => Some((r.nonce.clone(), r.origin.clone())),
            _ => None,
        };
        (asked.is_some(), allowed, i.planned, asked)
    });
    // A request refused while the window answers another leaves that one on screen.
    let refuse = |reason: RefusedReason, stage: Stage| {
        if let Some(nonce) = nonce.clone() {
            post(&Message::Refused { nonce, reason }, origin);
        }
        if !asking {
            set_stage(stage);
        }
    };
    if is_request {
        if !allowed {
            count("origin");
            return refuse(RefusedReason::Origin, Stage::NotAllowed(origin.to_string()));
        }
        if let Some(n) = &nonce
            && INBOX.with(|i| i.borrow().seen.contains(n))
        {
            // A nonce is one request: the same again is a replay, never answered.
            return count("replayed");
        }
    }
    match Message::window_from_json(json) {
        Ok(Message::Request {
            nonce,
            lang,
            page,
            description,
        }) => {
            let name = INBOX.with(|i| {
                i.borrow()
                    .allow
                    .as_ref()
                    .and_then(|a| a.portal(origin).map(|p| p.name.clone()))
            });
            take(Rc::new(Request {
                origin: origin.to_string(),
                name,
                nonce,
                lang: match lang {
                    PageLang::En => Lang::En,
                    PageLang::ZhCn => Lang::ZhCn,
                },
                page,
                description: *description,
            }));
        }
        Ok(Message::Result {
            nonce,
            outcomes,
            description,
        }) => {
            match asked {
                Some((n, o)) if answered && n == nonce && o == origin => {}
                _ => return count("nonce"),
            }
            let last = description.is_none();
            let cb = INBOX.with(|i| {
                let mut i = i.borrow_mut();
                i.planned = false;
                i.reported = last;
                i.more = !last;
                if let Some(d) = description {
                    i.latest = Some(Rc::new(*d));
                }
                i.on_result.clone()
            });
            if let Some(cb) = cb {
                cb.emit((outcomes, last));
            }
        }
        Ok(_) => count("unexpected"),
        Err(refusal) => {
            if is_request {
                refuse(refusal.reason(), Stage::Unreadable(refusal.reason()));
            }
            count(refusal.code());
        }
    }
}

/// Takes a request read and checked whole: it is the one under review now, unless the person
/// is reviewing another (no plan sent yet), which it then waits behind, said plainly.
fn take(request: Rc<Request>) {
    let cb = INBOX.with(|i| {
        let mut i = i.borrow_mut();
        i.seen.push(request.nonce.clone());
        if i.seen.len() > SEEN_NONCES {
            i.seen.remove(0);
        }
        let reviewing = match &i.stage {
            Some(Stage::Asking(r)) => !i.answered && i.reviewed.as_deref() == Some(&r.nonce),
            _ => false,
        };
        if reviewing {
            i.pending = Some(request);
        } else {
            current(&mut i, request);
        }
        i.turn += 1;
        i.on_stage.clone()
    });
    if let Some(cb) = cb {
        cb.emit(());
    }
}

/// Makes `request` the one under review: nothing of the one before carries over.
fn current(i: &mut Inbox, request: Rc<Request>) {
    i.stage = Some(Stage::Asking(request));
    i.pending = None;
    i.reviewed = None;
    i.answered = false;
    i.planned = false;
    i.reported = false;
    i.latest = None;
    i.more = false;
}

/// The newer request waiting behind the review on screen, if any.
pub fn pending() -> Option<Rc<Request>> {
    INBOX.with(|i| i.borrow().pending.clone())
}

/// The person asked for the newer request's review: it replaces the one on screen.
pub fn take_pending() {
    let cb = INBOX.with(|i| {
        let mut i = i.borrow_mut();
        let request = i.pending.take()?;
        current(&mut i, request);
        i.turn += 1;
        i.on_stage.clone()
    });
    if let Some(cb) = cb {
        cb.emit(());
    }
}

/// Counts the requests taken: it changes whenever the request under review, or the one
/// waiting behind it, does.
pub fn turn() -> u32 {
    INBOX.with(|i| i.borrow().turn)
}

/// The review on screen was made for the request with `nonce`.
pub fn reviewing(nonce: &str) {
    INBOX.with(|i| i.borrow_mut().reviewed = Some(nonce.to_string()));
}

/// The nonce of the request whose review is on screen, when it is still the one to answer.
pub fn reviewed() -> Option<String> {
    INBOX.with(|i| {
        let i = i.borrow();
        match &i.stage {
            Some(Stage::Asking(r)) if i.reviewed.as_deref() == Some(&r.nonce) => {
                Some(r.nonce.clone())
            }
            _ => None,
        }
    })
}

/// The nonce of the request the window is taken up with (the newer one when one waits), for
/// the loader to give again to an instance started after locking.
#[wasm_bindgen]
pub fn window_taken() -> Option<String> {
    INBOX.with(|i| {
        let i = i.borrow();
        match (&i.pending, &i.stage) {
            (Some(r), _) | (None, Some(Stage::Asking(r))) => Some(r.nonce.clone()),
            _ => None,
        }
    })
}

/// Sends the approved fills of the review made for the request with `nonce`; `false` when
/// that is not the request under review (a newer one replaced it or waits behind it), or it
/// was answered already.
/// `wait`: the handles of a cascade's selects whose options are awaited. A plan after the
/// first (the next level of a cascade) is sent only when the last report came with the page
/// described again.
pub fn send_plan(nonce: &str, fills: Vec<Fill>, wait: Vec<String>) -> bool {
    let Some(request) = request() else {
        return false;
    };
    let send = INBOX.with(|i| {
        let mut i = i.borrow_mut();
        if request.nonce != nonce || i.reviewed.as_deref() != Some(nonce) || i.pending.is_some() {
            return false;
        }
        let first = !std::mem::replace(&mut i.answered, true);
        let send = first || std::mem::take(&mut i.more);
        i.planned |= send;
        send
    });
    if send {
        post(
            &Message::Plan {
                nonce: request.nonce.clone(),
                fills,
                wait,
            },
            &request.origin,
        );
    }
    send
}

/// The portal's page as last described: after a plan that waited for a cascade's options, as
/// the agent described it again; before, as the request did.
pub fn latest() -> Option<Rc<Description>> {
    INBOX.with(|i| i.borrow().latest.clone())
}

/// The person declined (closed the window): the portal is told, once, and the window closes.
pub fn decline() {
    cancel();
    close();
}

/// Tells the portal the person declined, unless the plan was sent.
fn cancel() {
    if let Some(request) = request()
        && !INBOX.with(|i| std::mem::replace(&mut i.borrow_mut().answered, true))
    {
        post(
            &Message::Cancel {
                nonce: request.nonce.clone(),
            },
            &request.origin,
        );
    }
}

/// Closes the window; the page agent focuses the form.
pub fn close() {
    if let Some(w) = web_sys::window() {
        let _ = w.close();
    }
}

/// Whether the agent's outcome report for the request with `nonce` arrived (`true` when that
/// request is no longer the one under review: nothing more is awaited for it).
pub fn reported(nonce: &str) -> bool {
    INBOX.with(|i| {
        let i = i.borrow();
        match &i.stage {
            Some(Stage::Asking(r)) if r.nonce == nonce => i.reported,
            _ => true,
        }
    })
}

/// Registers the receiver of the agent's outcome report.
pub fn on_result(cb: Callback<Report>) {
    INBOX.with(|i| i.borrow_mut().on_result = Some(cb));
}

/// The counts of ignored messages, by kind, as JSON (no content).
#[wasm_bindgen]
pub fn window_stats() -> String {
    INBOX.with(|i| serde_json::to_string(&i.borrow().ignored).unwrap_or_default())
}

/// Stops the window's interface (the loader calls it before it wipes the instance's memory).
pub fn unmount() {
    if let Some(app) = SHELL.with(|s| s.borrow_mut().take()) {
        app.destroy();
    }
}

/// Starts the window in `root`: reads the allow-list (`portals`, the text of `portals.json`
/// the loader fetched, or fetched from `base`) and then the messages that came meanwhile. (The
/// loader said `ready` to the opener before the bundle loaded.)
pub fn start(root: web_sys::Element, props: crate::ui::AppProps, portals: Option<String>) {
    let base = props.base.clone().unwrap_or_default();
    let app = yew::Renderer::<Shell>::with_root_and_props(root, ShellProps { app: props }).render();
    SHELL.with(|s| *s.borrow_mut() = Some(app));
    if opener().is_none() {
        set_stage(Stage::NoOpener);
        return;
    }
    // Declining by closing the window is told to the portal too.
    let hide = Closure::<dyn Fn()>::new(cancel);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("pagehide", hide.as_ref().unchecked_ref());
    }
    hide.forget();
    let listen = move |text: Option<String>| {
        // An allow-list that does not read allows OnceFill's own site only.
        let allow = text
            .and_then(|t| AllowList::from_json(&t).ok())
            .unwrap_or_default();
        let queued = INBOX.with(|i| {
            let mut i = i.borrow_mut();
            i.allow = Some(allow);
            std::mem::take(&mut i.queued)
        });
        for (json, origin) in queued {
            receive(&json, &origin);
        }
    };
    match portals {
        Some(text) => listen(Some(text)),
        None => wasm_bindgen_futures::spawn_local(async move {
            listen(crate::ui::forms::fetch_text(&format!("{base}portals.json")).await);
        }),
    }
}

/// Properties of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The review's properties, once a request is here.
    pub app: crate::ui::AppProps,
}

/// The window: waiting, a refusal, or the review of the request.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let tick = use_force_update();
    use_effect_with((), move |_| {
        INBOX
            .with(|i| i.borrow_mut().on_stage = Some(Callback::from(move |_| tick.force_update())));
    });
    let lang = props.app.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let stage = INBOX
        .with(|i| i.borrow().stage.clone())
        .unwrap_or(Stage::Waiting);
    let plain = |kind: &str, body: Html| {
        html! {
            <main class="of-root of-window of-plain" lang={lang.tag()} data-of={kind.to_string()}>
                <h1>{ t("app-title") }<span class="of-subtitle">{ t("app-subtitle") }</span></h1>
                { body }
                if kind != "waiting" {
                    <button type="button" class="of-primary" data-of="close-window"
                        onclick={Callback::from(|_: MouseEvent| close())}>{ t("window-close") }</button>
                }
            </main>
        }
    };
    match stage {
        Stage::Waiting => plain(
            "waiting",
            html! { <p role="status">{ t("window-waiting") }</p> },
        ),
        Stage::NoOpener => plain(
            "no-opener",
            html! { <p role="alert">{ t("window-no-opener") }</p> },
        ),
        Stage::NotAllowed(origin) => plain(
            "not-allowed",
            html! {
                <>
                    <p role="alert">{ t("window-not-allowed") }</p>
                    <p><code>{ origin }</code></p>
                    <p lang="en">{ tr(Lang::En, "window-not-allowed", &[]) }</p>
                </>
            },
        ),
        Stage::Unreadable(reason) => {
            let id = match reason {
                RefusedReason::TooLarge => "window-too-large",
                _ => "window-unreadable",
            };
            plain("unreadable", html! { <p role="alert">{ t(id) }</p> })
        }
        Stage::Asking(request) => {
            let app = crate::ui::AppProps {
                lang: request.lang,
                turn: turn(),
                ..props.app.clone()
            };
            html! { <crate::ui::App ..app /> }
        }
    }
}
