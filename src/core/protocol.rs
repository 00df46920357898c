//! The embedding protocol, version 1: how a portal's page agent (`www/agent.js`, plain
//! JavaScript in the portal's page) and the OnceFill window (`www/window.html`, this crate, in
//! OnceFill's own origin) talk. The profile, the vault and the passphrase stay in the window;
//! the portal's page receives only the values the person approved, for the controls it
//! described.
//!
//! # Messages
//!
//! Every message is a plain object sent with `window.postMessage`:
//! `{"oncefill": 1, "type": T, …}`. Anything else is ignored and counted ([`Refusal`]).
//!
//! | # | type | from → to | fields | targetOrigin |
//! |---|---|---|---|---|
//! | 1 | `ready` | window → `window.opener` | none | `"*"` (it carries nothing) |
//! | 1 | `hello` | agent → window it opened earlier, still open | none | OnceFill's origin |
//! | 2 | `request` | agent → window | `nonce`, `lang` (`zh-CN` \| `en`), `page` {`title`, `url`, `form`}, `description` | OnceFill's origin |
//! | 3 | `plan` | window → agent | `nonce`, `fills`: [[`Fill`]], `wait` (optional): handles of selects | the request's origin |
//! | 3 | `cancel` | window → agent | `nonce` (the person closed or declined) | the request's origin |
//! | 3 | `refused` | window → agent | `nonce`, `reason`: `origin` \| `malformed` \| `too-large` | the request's origin |
//! | 4 | `result` | agent → window | `nonce`, `outcomes`: [{`k`, `outcome`}], `description` (only after a plan with `wait`) | OnceFill's origin |
//!
//! A [`Fill`] is `{k, do: "text", text}`, `{k, do: "select", value, label}` (the option's value
//! and visible text), `{k, do: "radio", choice}` (the handle of the radio to check) or
//! `{k, do: "check", on}`. An outcome is one of `filled`, `unchanged`, `nonempty`, `missing`,
//! `not-fillable`, `rejected`, `changed`, `hidden`, `no-choice` ([`Outcome`]).
//!
//! The `description` is the value-free description of the page
//! ([`crate::core::scan::description`]): every element in document order with its attributes
//! and text, never what a control holds (only whether it holds something), each control with
//! an opaque handle `k` (`[a-z0-9-]{1,16}`) that the agent maps to its element privately.
//!
//! # A window kept open
//!
//! The agent keeps the window it opened. When the person clicks 一键填表 again (the same form
//! or another on the same page) while that window is open (`closed` is false), the agent
//! focuses it and sends `hello` instead of opening a new one; the window answers `ready` (it
//! answers `hello` from its opener only) and the exchange goes on as for a new window: a
//! `request` with a new nonce, read and checked exactly as the first one (origin on the
//! allow-list, a nonce never seen by this window, the description within its caps). The agent
//! drops the earlier exchange when it sends `hello`: a plan or a result with the earlier nonce
//! is ignored and counted. The window, unlocked, goes straight to the review of the new
//! request; when the person was reviewing the earlier one (no plan sent yet), it hides that
//! review and says plainly that the portal asked again, and shows the new request's review
//! only when the person asks for it. A plan is always the review of the request whose nonce
//! it carries. A closed window is not reused: the next click opens a new one; nor is one that
//! did not answer `hello` within [`READY_TIMEOUT_S`] (gone to another page). A request that
//! is refused after the first (not on the allow-list, unreadable, a nonce already seen) is
//! answered `refused` and leaves the window as it was.
//!
//! # Origins
//!
//! * The agent accepts a message only when `event.source` is the window it opened and
//!   `event.origin` is OnceFill's origin (the origin its own script was loaded from); it sends
//!   the request only after `ready` from there, to that origin.
//! * The window answers a request only when the request's `event.origin` is on the allow-list
//!   ([`AllowList`], `www/portals.json`: exact origins, scheme, host and port; OnceFill's own
//!   origin is always allowed), to `event.source` with targetOrigin the request's origin;
//!   otherwise it answers `refused` with reason `origin` and nothing else.
//!
//! # Nonce
//!
//! 16 random bytes from `crypto.getRandomValues`, base64url without padding: 22 characters
//! ([`is_nonce`]). The agent keeps one outstanding nonce at a time: a plan with another nonce,
//! a second plan for a nonce already answered, or a fill whose `k` is not a control of the
//! description it sent is ignored and counted. The window checks the same before it sends
//! ([`check_fills`]).
//!
//! # Before filling
//!
//! The agent walks the form again and answers `changed` for any control whose record (its
//! node and its label's text) differs from what it described; it never writes into a control
//! the page hides, disables or made read-only since, nor one that gained content the person
//! did not tick to replace. Fills follow the widget's own semantics (focus, native value
//! setter, bubbling `input` and `change`, blur).
//!
//! # A cascade of selects
//!
//! A select whose options the page adds only once the one before it is chosen (province →
//! city → county → township → village) has no option to send at review; it is reviewed with
//! the choice in words. Its handle goes in the plan's `wait`. The agent fills the plan, then
//! waits until one of the `wait` selects has options (at most [`LEVEL_WAIT_S`]), describes the
//! page again and sends it with the `result`; the exchange stays open. The window reads that
//! description as it reads a request's, plans the page again, checks that each waiting
//! control is still the one reviewed (its options aside), and sends the next `plan` with the
//! same nonce: the reviewed choice of each select whose options came, and the rest in `wait`.
//! A plan without `wait` is the last: the agent answers a `result` without a description and
//! the exchange ends. The agent accepts a plan for a nonce only while none is being filled
//! and, after the first, only when its last `result` carried a description; each `plan` is
//! checked against the description last sent.
//!
//! # Timeouts
//!
//! `ready` within 20 s of opening the window ([`READY_TIMEOUT_S`]), the plan within 15 minutes
//! of the request ([`PLAN_TIMEOUT_S`]), the result within 60 s of the plan
//! ([`RESULT_TIMEOUT_S`]). After a timeout the nonce is spent.
//!
//! # Caps
//!
//! A message's JSON is at most 16 MiB ([`MAX_MESSAGE_BYTES`]); a description holds at most
//! 100,000 elements, 2,000 controls, 512 levels and 4 MiB of text (the agent stops at a cap
//! and says which in `truncated`; the window refuses anything over them with `too-large`);
//! the page's `title` and `form` at most [`MAX_PAGE_CHARS`] characters, its `url` (origin and
//! path, no query, no fragment) at most [`MAX_URL_CHARS`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::plan::{FillAction, FillPlan};
use crate::core::scan::description::{Description, DescriptionError};

pub use crate::core::scan::description::MAX_MESSAGE_BYTES;

/// The protocol's version (the `oncefill` member of every message).
pub const VERSION: u64 = 1;
/// Seconds the agent waits for `ready`.
pub const READY_TIMEOUT_S: u32 = 20;
/// Seconds the agent waits for the plan.
pub const PLAN_TIMEOUT_S: u32 = 15 * 60;
/// Seconds the window waits for the result.
pub const RESULT_TIMEOUT_S: u32 = 60;
/// The most characters of the page's `title` and `form`.
pub const MAX_PAGE_CHARS: usize = 200;
/// The most characters of the page's `url`.
pub const MAX_URL_CHARS: usize = 2_048;
/// The most fills of a plan and outcomes of a result (one per control at most).
pub const MAX_FILLS: usize = crate::core::scan::description::MAX_CONTROLS;

/// Whether `s` is a nonce: 16 bytes in base64url without padding, 22 characters (the last
/// one carrying 2 bits, so one of `A`, `Q`, `g`, `w`).
pub fn is_nonce(s: &str) -> bool {
    s.len() == 22
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && matches!(s.as_bytes()[21], b'A' | b'Q' | b'g' | b'w')
}

/// The language the person reads the window in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageLang {
    /// Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

/// What the agent says of the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The document's title.
    pub title: String,
    /// Origin and path, no query.
    pub url: String,
    /// The form's heading or title.
    pub form: String,
}

impl Page {
    /// Whether its title and form are within [`MAX_PAGE_CHARS`], its url within
    /// [`MAX_URL_CHARS`] and without query or fragment.
    fn within_caps(&self) -> bool {
        self.title.chars().count() <= MAX_PAGE_CHARS
            && self.form.chars().count() <= MAX_PAGE_CHARS
            && self.url.chars().count() <= MAX_URL_CHARS
            && !self.url.contains(['?', '#'])
    }
}

/// One value for one control.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "lowercase", deny_unknown_fields)]
pub enum Fill {
    /// Type text.
    Text {
        /// The control.
        k: String,
        /// The text (the person's data: never in `Debug`).
        text: String,
    },
    /// Choose an option.
    Select {
        /// The control.
        k: String,
        /// The option's value.
        value: String,
        /// The option's visible text.
        label: String,
    },
    /// Check a radio of a group.
    Radio {
        /// The group (the handle of its first radio).
        k: String,
        /// The radio to check.
        choice: String,
    },
    /// Tick or untick.
    Check {
        /// The control.
        k: String,
        /// Ticked.
        on: bool,
    },
}

impl Fill {
    /// The control's handle.
    pub fn k(&self) -> &str {
        match self {
            Fill::Text { k, .. }
            | Fill::Select { k, .. }
            | Fill::Radio { k, .. }
            | Fill::Check { k, .. } => k,
        }
    }
}

impl std::fmt::Debug for Fill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fill::Text { k, .. } => write!(f, "Text {{ k: {k:?}, text: *** }}"),
            Fill::Select { k, .. } => write!(f, "Select {{ k: {k:?}, value: *** }}"),
            Fill::Radio { k, choice } => write!(f, "Radio {{ k: {k:?}, choice: {choice:?} }}"),
            Fill::Check { k, on } => write!(f, "Check {{ k: {k:?}, on: {on} }}"),
        }
    }
}

/// What happened to one control (the meanings of the widget's own fill outcomes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The value was set and the page kept it.
    Filled,
    /// The control already held this value.
    Unchanged,
    /// The control gained content since review and was not ticked for replacement.
    #[serde(rename = "nonempty")]
    NonEmpty,
    /// The control is no longer in the page.
    Missing,
    /// The control became hidden, read-only or disabled.
    NotFillable,
    /// The page did not keep the value.
    Rejected,
    /// The control is not the one described.
    Changed,
    /// The page hides the control from the person.
    Hidden,
    /// A select whose options the page adds once the one before it is chosen never got the
    /// reviewed choice.
    NoChoice,
}

impl Outcome {
    /// The message id for review.
    pub fn message_id(self) -> &'static str {
        match self {
            Outcome::Filled => "outcome-filled",
            Outcome::Unchanged => "outcome-unchanged",
            Outcome::NonEmpty => "outcome-nonempty",
            Outcome::Missing => "outcome-missing",
            Outcome::NotFillable => "outcome-not-fillable",
            Outcome::Rejected => "outcome-rejected",
            Outcome::Changed => "outcome-changed",
            Outcome::Hidden => "outcome-hidden",
            Outcome::NoChoice => "outcome-no-choice",
        }
    }

    /// Whether the field now holds the planned value.
    pub fn ok(self) -> bool {
        matches!(self, Outcome::Filled | Outcome::Unchanged)
    }
}

/// The outcome of every selected step of a fill, in plan order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FillReport {
    /// Field, its label, outcome.
    pub outcomes: Vec<(FieldId, String, Outcome)>,
}

impl FillReport {
    /// How many fields hold their planned value.
    pub fn filled(&self) -> usize {
        self.outcomes.iter().filter(|(_, _, o)| o.ok()).count()
    }
}

/// Why the window refused a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefusedReason {
    /// The portal's origin is not on the allow-list.
    Origin,
    /// The request is not a well-formed request.
    Malformed,
    /// The request is over a cap.
    TooLarge,
}

/// How long the agent waits for a cascade's next options before it describes the page again.
pub const LEVEL_WAIT_S: u32 = 5;

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The window is ready for a request.
    Ready,
    /// The agent asks the window it opened earlier, still open, whether it is there (answered
    /// with [`Message::Ready`]).
    Hello,
    /// The agent asks for a fill of the page it describes.
    Request {
        /// The request's nonce.
        nonce: String,
        /// The language of the portal.
        lang: PageLang,
        /// What the page is.
        page: Page,
        /// The page, value-free.
        description: Box<Description>,
    },
    /// The approved values.
    Plan {
        /// The request's nonce.
        nonce: String,
        /// One per control.
        fills: Vec<Fill>,
        /// The selects of a cascade whose options are awaited (their handles): the agent
        /// describes the page again once they come.
        wait: Vec<String>,
    },
    /// The person closed the window or declined.
    Cancel {
        /// The request's nonce.
        nonce: String,
    },
    /// The window will not answer the request.
    Refused {
        /// The request's nonce.
        nonce: String,
        /// Why.
        reason: RefusedReason,
    },
    /// What the fill did.
    Result {
        /// The request's nonce.
        nonce: String,
        /// One per fill: the control and what happened.
        outcomes: Vec<(String, Outcome)>,
        /// The page described again, when the plan waited for a cascade's options.
        description: Option<Box<Description>>,
    },
}

/// Why a message was ignored: the kind is what the counters count.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// Not an object with `oncefill: 1` (another script's message, or another version).
    NotOurs,
    /// `type` is missing or unknown.
    UnknownType,
    /// The `nonce` is not 22 characters of base64url.
    Nonce,
    /// A member is missing, of the wrong kind, or unknown, or a page field is over its cap.
    Malformed,
    /// Over a cap (the message's bytes, the fills, the description's own caps).
    TooLarge,
    /// The description breaks one of its rules.
    Description(DescriptionError),
}

impl Refusal {
    /// A stable code for counting: `not-ours`, `unknown-type`, `nonce`, `malformed`,
    /// `too-large`, `description`.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotOurs => "not-ours",
            Refusal::UnknownType => "unknown-type",
            Refusal::Nonce => "nonce",
            Refusal::Malformed => "malformed",
            Refusal::TooLarge => "too-large",
            Refusal::Description(DescriptionError::TooLarge { .. }) => "too-large",
            Refusal::Description(_) => "description",
        }
    }

    /// The `refused` reason the window answers a request with.
    pub fn reason(&self) -> RefusedReason {
        match self.code() {
            "too-large" => RefusedReason::TooLarge,
            _ => RefusedReason::Malformed,
        }
    }

    /// What is wrong, in plain words (never quoting the message).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::Description(e) => e.message(lang),
            other => tr(
                lang,
                "protocol-refused",
                &[("code", Arg::Str(other.code()))],
            ),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for Refusal {}

fn take<T: for<'de> Deserialize<'de>>(m: &mut Map<String, Value>, key: &str) -> Result<T, Refusal> {
    let v = m.remove(key).ok_or(Refusal::Malformed)?;
    serde_json::from_value(v).map_err(|_| Refusal::Malformed)
}

fn nonce(m: &mut Map<String, Value>) -> Result<String, Refusal> {
    match m.remove("nonce") {
        Some(Value::String(s)) if is_nonce(&s) => Ok(s),
        _ => Err(Refusal::Nonce),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireOutcome {
    k: String,
    outcome: Outcome,
}

impl Message {
    /// Reads a message from JSON text (at most [`MAX_MESSAGE_BYTES`]).
    pub fn from_json(json: &str) -> Result<Message, Refusal> {
        if json.len() > MAX_MESSAGE_BYTES {
            return Err(Refusal::TooLarge);
        }
        let value: Value = serde_json::from_str(json).map_err(|_| Refusal::NotOurs)?;
        Message::from_value(value)
    }

    /// Reads a message from a JSON value (what `postMessage` delivered, as plain data).
    pub fn from_value(value: Value) -> Result<Message, Refusal> {
        let Value::Object(mut m) = value else {
            return Err(Refusal::NotOurs);
        };
        if m.remove("oncefill").and_then(|v| v.as_u64()) != Some(VERSION) {
            return Err(Refusal::NotOurs);
        }
        let kind = match m.remove("type") {
            Some(Value::String(s)) => s,
            _ => return Err(Refusal::UnknownType),
        };
        let message = match kind.as_str() {
            "ready" => Message::Ready,
            "hello" => Message::Hello,
            "request" => {
                let nonce = nonce(&mut m)?;
                let lang = take(&mut m, "lang")?;
                let page: Page = take(&mut m, "page")?;
                if !page.within_caps() {
                    return Err(Refusal::Malformed);
                }
                let d = m.remove("description").ok_or(Refusal::Malformed)?;
                let description = Description::from_value(d).map_err(Refusal::Description)?;
                Message::Request {
                    nonce,
                    lang,
                    page,
                    description: Box::new(description),
                }
            }
            "plan" => {
                let nonce = nonce(&mut m)?;
                let fills: Vec<Value> = take(&mut m, "fills")?;
                if fills.len() > MAX_FILLS {
                    return Err(Refusal::TooLarge);
                }
                let fills = fills
                    .into_iter()
                    .map(|f| serde_json::from_value(f).map_err(|_| Refusal::Malformed))
                    .collect::<Result<Vec<Fill>, _>>()?;
                let wait: Vec<String> = match m.remove("wait") {
                    None => Vec::new(),
                    Some(w) => serde_json::from_value(w).map_err(|_| Refusal::Malformed)?,
                };
                if wait.len() > MAX_FILLS {
                    return Err(Refusal::TooLarge);
                }
                Message::Plan { nonce, fills, wait }
            }
            "cancel" => Message::Cancel {
                nonce: nonce(&mut m)?,
            },
            "refused" => Message::Refused {
                nonce: nonce(&mut m)?,
                reason: take(&mut m, "reason")?,
            },
            "result" => {
                let nonce = nonce(&mut m)?;
                let outcomes: Vec<Value> = take(&mut m, "outcomes")?;
                if outcomes.len() > MAX_FILLS {
                    return Err(Refusal::TooLarge);
                }
                let outcomes = outcomes
                    .into_iter()
                    .map(|o| {
                        serde_json::from_value::<WireOutcome>(o)
                            .map(|o| (o.k, o.outcome))
                            .map_err(|_| Refusal::Malformed)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let description = match m.remove("description") {
                    None => None,
                    Some(d) => Some(Box::new(
                        Description::from_value(d).map_err(Refusal::Description)?,
                    )),
                };
                Message::Result {
                    nonce,
                    outcomes,
                    description,
                }
            }
            _ => return Err(Refusal::UnknownType),
        };
        if !m.is_empty() {
            return Err(Refusal::Malformed);
        }
        Ok(message)
    }

    /// The message as a JSON value, ready for `postMessage`.
    pub fn to_value(&self) -> Value {
        let mut v = match self {
            Message::Ready => json!({"type": "ready"}),
            Message::Hello => json!({"type": "hello"}),
            Message::Request {
                nonce,
                lang,
                page,
                description,
            } => json!({"type": "request", "nonce": nonce, "lang": lang, "page": page,
                        "description": serde_json::to_value(description.as_ref()).unwrap_or_default()}),
            Message::Plan { nonce, fills, wait } => {
                let mut v = json!({"type": "plan", "nonce": nonce, "fills": fills});
                if !wait.is_empty() {
                    v["wait"] = json!(wait);
                }
                v
            }
            Message::Cancel { nonce } => json!({"type": "cancel", "nonce": nonce}),
            Message::Refused { nonce, reason } => {
                json!({"type": "refused", "nonce": nonce, "reason": reason})
            }
            Message::Result {
                nonce,
                outcomes,
                description,
            } => {
                let outcomes: Vec<Value> = outcomes
                    .iter()
                    .map(|(k, o)| json!({"k": k, "outcome": o}))
                    .collect();
                let mut v = json!({"type": "result", "nonce": nonce, "outcomes": outcomes});
                if let Some(d) = description {
                    v["description"] = serde_json::to_value(d.as_ref()).unwrap_or_default();
                }
                v
            }
        };
        if let Value::Object(m) = &mut v {
            m.insert("oncefill".into(), VERSION.into());
        }
        v
    }
}

/// The type and nonce of a message, when it is an object that has them as strings (nothing
/// else is checked): what the window needs to refuse a request it cannot read.
pub fn peek(json: &str) -> (Option<String>, Option<String>) {
    #[derive(Deserialize)]
    struct Head {
        #[serde(rename = "type", default)]
        kind: Option<String>,
        #[serde(default)]
        nonce: Option<String>,
    }
    match serde_json::from_str::<Head>(json) {
        Ok(h) => (h.kind, h.nonce.filter(|n| is_nonce(n))),
        Err(_) => (None, None),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireIn {
    oncefill: u64,
    #[serde(rename = "type")]
    kind: String,
    nonce: String,
    #[serde(default)]
    lang: Option<PageLang>,
    #[serde(default)]
    page: Option<Page>,
    #[serde(default)]
    description: Option<crate::core::scan::description::Unchecked>,
    #[serde(default)]
    outcomes: Option<Vec<WireOutcome>>,
}

#[derive(Serialize)]
struct WireOut<'a> {
    oncefill: u64,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    nonce: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fills: Option<&'a [Fill]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    wait: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<RefusedReason>,
}

impl Message {
    /// Reads, straight from its text, a message the OnceFill window takes from a portal: a
    /// `request` or a `result` (any other type is [`Refusal::UnknownType`]). The same messages
    /// read as [`Message::from_json`] reads them, and the same are refused, though a refusal
    /// may be of another kind (a `nonce` that is not a string is `malformed` here). The window
    /// uses it so that its bundle carries no reader of JSON values.
    pub fn window_from_json(json: &str) -> Result<Message, Refusal> {
        if json.len() > MAX_MESSAGE_BYTES {
            return Err(Refusal::TooLarge);
        }
        #[derive(Deserialize)]
        struct Version {
            #[serde(default)]
            oncefill: Option<u64>,
        }
        match serde_json::from_str::<Version>(json) {
            Ok(Version {
                oncefill: Some(VERSION),
            }) => {}
            _ => return Err(Refusal::NotOurs),
        }
        match peek(json).0.as_deref() {
            Some("request" | "result") => {}
            _ => return Err(Refusal::UnknownType),
        }
        let wire: WireIn = serde_json::from_str(json).map_err(|_| Refusal::Malformed)?;
        let _ = (wire.oncefill, &wire.kind);
        if !is_nonce(&wire.nonce) {
            return Err(Refusal::Nonce);
        }
        match (
            wire.kind.as_str(),
            wire.lang,
            wire.page,
            wire.description,
            wire.outcomes,
        ) {
            ("request", Some(lang), Some(page), Some(description), None) => {
                if !page.within_caps() {
                    return Err(Refusal::Malformed);
                }
                let description = description.check().map_err(Refusal::Description)?;
                Ok(Message::Request {
                    nonce: wire.nonce,
                    lang,
                    page,
                    description: Box::new(description),
                })
            }
            ("result", None, None, description, Some(outcomes)) => {
                if outcomes.len() > MAX_FILLS {
                    return Err(Refusal::TooLarge);
                }
                let description = match description {
                    Some(d) => Some(Box::new(d.check().map_err(Refusal::Description)?)),
                    None => None,
                };
                Ok(Message::Result {
                    nonce: wire.nonce,
                    outcomes: outcomes.into_iter().map(|o| (o.k, o.outcome)).collect(),
                    description,
                })
            }
            _ => Err(Refusal::Malformed),
        }
    }

    /// The message as JSON text, written straight from its types, for what the window sends
    /// (`ready`, `plan`, `cancel`, `refused`); `None` for the agent's messages. It is the
    /// text of [`Message::to_value`].
    pub fn window_json(&self) -> Option<String> {
        fn out<'a>(kind: &'static str, nonce: Option<&'a str>) -> WireOut<'a> {
            WireOut {
                oncefill: VERSION,
                kind,
                nonce,
                fills: None,
                wait: &[],
                reason: None,
            }
        }
        let wire = match self {
            Message::Ready => out("ready", None),
            Message::Plan { nonce, fills, wait } => WireOut {
                fills: Some(fills.as_slice()),
                wait: wait.as_slice(),
                ..out("plan", Some(nonce))
            },
            Message::Cancel { nonce } => out("cancel", Some(nonce)),
            Message::Refused { nonce, reason } => WireOut {
                reason: Some(*reason),
                ..out("refused", Some(nonce))
            },
            Message::Hello | Message::Request { .. } | Message::Result { .. } => return None,
        };
        serde_json::to_string(&wire).ok()
    }
}

/// A fill that names what the description does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownHandle {
    /// The fill's place in the plan.
    pub fill: usize,
}

impl UnknownHandle {
    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let n = i64::try_from(self.fill).unwrap_or(i64::MAX);
        tr(lang, "protocol-unknown-handle", &[("fill", Arg::Num(n))])
    }
}

/// Checks that every fill names a control of `description` (and a radio's choice a radio of
/// it), and no control twice: the window checks this before it sends a plan, the agent on
/// receipt.
pub fn check_fills(fills: &[Fill], description: &Description) -> Result<(), UnknownHandle> {
    let mut seen = HashSet::new();
    for (i, fill) in fills.iter().enumerate() {
        let known = |k: &str| description.control(k).is_some();
        let ok = known(fill.k())
            && seen.insert(fill.k().to_string())
            && match fill {
                Fill::Radio { choice, .. } => description
                    .control(choice)
                    .is_some_and(|n| description.nodes()[n].t == "input"),
                _ => true,
            };
        if !ok {
            return Err(UnknownHandle { fill: i });
        }
    }
    Ok(())
}

/// The fills of a reviewed plan: its ticked steps, none the page hides from the person, each
/// as the description's controls know it (a select's option by value and text, a radio by its
/// own handle); checked with [`check_fills`]. `fields` are the fields the plan was made from.
pub fn fills(
    plan: &FillPlan,
    fields: &[FieldDescriptor],
    description: &Description,
) -> Result<Vec<Fill>, UnknownHandle> {
    let field = |id: &FieldId| fields.iter().find(|f| f.id == *id);
    let mut out = Vec::new();
    for step in plan
        .steps
        .iter()
        .filter(|s| s.selected && s.concealed.is_none())
    {
        let k = step.field.0.clone();
        let fill = match &step.action {
            FillAction::Text { value } => Fill::Text {
                k,
                text: value.expose().to_string(),
            },
            FillAction::Select { index } => {
                let Some(option) = field(&step.field).and_then(|f| f.options.get(*index)) else {
                    return Err(UnknownHandle { fill: out.len() });
                };
                Fill::Select {
                    k,
                    value: option.value.clone(),
                    label: option.text.clone(),
                }
            }
            FillAction::Radio { option } => Fill::Radio {
                k,
                choice: option.0.clone(),
            },
            FillAction::Check { on } => Fill::Check { k, on: *on },
            // A select whose options come only once the one before is chosen had no option
            // to check at review: on OnceFill's own pages it is filled once they come
            // (`ui::page`); on a portal's it is left to the person, and the report says so.
            FillAction::Later { .. } => continue,
        };
        out.push(fill);
    }
    check_fills(&out, description)?;
    Ok(out)
}

/// One portal allowed to ask for fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Portal {
    /// The normalised origin: `scheme://host[:port]`, default port left out.
    pub origin: String,
    /// The portal's name.
    pub name: String,
}

/// The portals the window answers (`www/portals.json`):
/// `{"version": 1, "portals": [{"origin": "https://zwfw.example.gov.cn", "name": "…"}]}`.
/// Origins are exact (scheme, host, port; no path, no wildcard); OnceFill's own origin is
/// always allowed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowList {
    portals: Vec<Portal>,
}

/// What is wrong with an allow-list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AllowListError {
    /// Not JSON of the allow-list's shape.
    Shape,
    /// Another version than 1.
    Version,
    /// An origin that is not `http(s)://host[:port]` (a path, a wildcard, `null`, `file:`, …).
    Origin {
        /// The portal's place in the list, from 0.
        portal: usize,
    },
    /// The same origin twice.
    Duplicate {
        /// The portal's place in the list, from 0.
        portal: usize,
    },
    /// A name that is empty or longer than 100 characters.
    Name {
        /// The portal's place in the list, from 0.
        portal: usize,
    },
}

impl AllowListError {
    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: usize| Arg::Num(i64::try_from(v).unwrap_or(i64::MAX) + 1);
        match self {
            AllowListError::Shape => tr(lang, "portals-shape", &[]),
            AllowListError::Version => tr(lang, "portals-version", &[]),
            AllowListError::Origin { portal } => tr(lang, "portals-origin", &[("n", n(*portal))]),
            AllowListError::Duplicate { portal } => {
                tr(lang, "portals-duplicate", &[("n", n(*portal))])
            }
            AllowListError::Name { portal } => tr(lang, "portals-name", &[("n", n(*portal))]),
        }
    }
}

impl std::fmt::Display for AllowListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for AllowListError {}

/// An origin in its normal form (`https://host[:port]`, lower-case host, default port left
/// out), or none when it is not an exact http(s) origin: no user, path, query, fragment or
/// wildcard; `null`, `file:` and other schemes refused; a host is ASCII (an international
/// name in its `xn--` form), an IPv6 address in brackets.
pub fn normal_origin(origin: &str) -> Option<String> {
    let (scheme, rest) = origin.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default = match scheme.as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', '*', '\\']) {
        return None;
    }
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (addr, after) = v6.split_once(']')?;
        if addr.is_empty()
            || !addr
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return None;
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (format!("[{}]", addr.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        };
        let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
        let labels_ok = host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        if host.is_empty() || host.len() > 253 || !labels_ok {
            return None;
        }
        (host, port)
    };
    let port = match port {
        None => None,
        Some(p) => {
            if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u32 = p.parse().ok()?;
            if n == 0 || n > 65_535 {
                return None;
            }
            let n = n.to_string();
            (n != default).then_some(n)
        }
    };
    Some(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireList {
    version: u64,
    portals: Vec<WirePortal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WirePortal {
    origin: String,
    name: String,
}

impl AllowList {
    /// Reads `portals.json`.
    pub fn from_json(json: &str) -> Result<AllowList, AllowListError> {
        if json.len() > MAX_MESSAGE_BYTES {
            return Err(AllowListError::Shape);
        }
        let wire: WireList = serde_json::from_str(json).map_err(|_| AllowListError::Shape)?;
        if wire.version != 1 {
            return Err(AllowListError::Version);
        }
        let mut portals: Vec<Portal> = Vec::new();
        for (i, p) in wire.portals.into_iter().enumerate() {
            let origin = normal_origin(&p.origin).ok_or(AllowListError::Origin { portal: i })?;
            if portals.iter().any(|q| q.origin == origin) {
                return Err(AllowListError::Duplicate { portal: i });
            }
            let name = p.name.trim();
            if name.is_empty() || name.chars().count() > 100 {
                return Err(AllowListError::Name { portal: i });
            }
            portals.push(Portal {
                origin,
                name: name.to_string(),
            });
        }
        Ok(AllowList { portals })
    }

    /// The portals, in the file's order.
    pub fn portals(&self) -> &[Portal] {
        &self.portals
    }

    /// The portal a message's origin belongs to, when it is on the list.
    pub fn portal(&self, origin: &str) -> Option<&Portal> {
        let origin = normal_origin(origin)?;
        self.portals.iter().find(|p| p.origin == origin)
    }

    /// Whether the window answers a request from `origin` (`event.origin`), `own` being
    /// OnceFill's own origin.
    pub fn allows(&self, origin: &str, own: &str) -> bool {
        let Some(o) = normal_origin(origin) else {
            return false;
        };
        normal_origin(own).is_some_and(|own| own == o) || self.portal(&o).is_some()
    }
}

#[cfg(test)]
mod tests;
