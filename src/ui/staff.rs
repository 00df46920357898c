//! The window-staff mode (一窗受理) of `staff.html`, compiled only with the feature `staff`.
//!
//! A clerk unlocks the staff vault (its own database, never a citizen's profile on the same
//! PC). What the vault stores is the clerk's own profile and the operations log; the editor
//! starts empty and holds the citizen's data of one session in this instance's memory only,
//! never saved. The session ends when the loader (`staff.js`) discards the instance, as locking
//! does: its memory is overwritten, and the clerk unlocks again for the next citizen (the key
//! lives in the same memory as the citizen's data, so it cannot outlive it without residue).
//!
//! The operations log holds, per fill: the form, the names of the controls filled, how many,
//! and when; per attestation, the elements signed, how many and when (form `attestation`).
//! Never a value.
//!
//! The desk's hand-off (`desk_*`, called by `staff.js`): once the clerk has unlocked, the case
//! starts a [`DeskSession`] whose secret lives in this instance only, and the loader shows its
//! offer; a citizen's sealed code (scanner text, a picture's grey levels, camera frames) is
//! opened here and joined into the editor's data, unsaved; the credential presentations it
//! carries are verified against the trust list the loader fetched, and the elements of those
//! that verify go in as verified by their credential. The hall's key (made or imported
//! under 本窗口的核验密钥) is kept in the stored profile beside the log; the desk signs the
//! ticked elements of the case's applicant with it ([`attest::attest`]) and hands the loader
//! the text for `app.html#attest=`. No value ever crosses to the loader.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::core::credential::elements::Target;
use crate::core::credential::trust::TrustList;
use crate::core::dictionary::{ELEMENTS, Group, Key};
use crate::core::handoff::attest::{self, HallKey};
use crate::core::handoff::{DeskSession, present, qr};
use crate::core::i18n::{Lang, available};
use crate::core::profile::Profile;
use crate::core::vault::OsRandom;
use crate::ui::state::{EditorAction, Handle, VaultAction, VaultState, send};

/// The staff vault's database, apart from a citizen's (`oncefill`).
pub const VAULT_DB: &str = "oncefill-staff";
/// The staff pages' channel between tabs, apart from a citizen's.
pub const TABS_CHANNEL: &str = "oncefill-staff-vault";
/// The member of the stored profile that holds the operations log.
const LOG_MEMBER: &str = "staff_log";
/// The most entries kept (the oldest go first).
const LOG_MAX: usize = 500;

/// One fill in the operations log: no value, only what was filled where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The form (its path on the site, or the mapping's id).
    pub form: String,
    /// The names (or ids) of the controls filled.
    pub names: Vec<String>,
    /// How many controls were filled.
    pub count: usize,
    /// When (`YYYY-MM-DD HH:MM`, China's time).
    pub at: String,
}

thread_local! {
    /// The profile the staff vault stores (the clerk's own, with the log), kept apart from the
    /// editor's, which is the citizen's.
    static STORED: RefCell<Option<Profile>> = const { RefCell::new(None) };
    /// A log entry not yet in a save that has started.
    static PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// On unlock: keeps the stored profile aside; the editor gets an empty one.
pub fn keep_stored(profile: Profile) -> Profile {
    STORED.with(|s| *s.borrow_mut() = Some(profile));
    Profile::new()
}

/// What the staff vault saves (never the editor's profile), as a save starts.
pub fn stored() -> Profile {
    PENDING.with(|p| p.set(false));
    STORED.with(|s| s.borrow().clone()).unwrap_or_default()
}

/// The operations log, oldest first.
pub fn log() -> Vec<Entry> {
    STORED.with(|s| {
        s.borrow()
            .as_ref()
            .and_then(|p| p.unknown.get(LOG_MEMBER).cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    })
}

/// Adds a fill to the log (the caller then asks for a save).
pub fn note(entry: Entry) {
    let mut entries = log();
    entries.push(entry);
    let excess = entries.len().saturating_sub(LOG_MAX);
    entries.drain(..excess);
    let value = serde_json::to_value(&entries).unwrap_or_default();
    STORED.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(Profile::new)
            .unknown
            .insert(LOG_MEMBER.to_string(), value);
    });
    PENDING.with(|p| p.set(true));
}

/// The form being filled: the path of the hall form in the staff page's frame.
pub fn form_id() -> String {
    let frame = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("iframe[data-staff-form]").ok().flatten())
        .and_then(|f| f.get_attribute("src"));
    frame.unwrap_or_default()
}

/// Whether a log entry still waits for its save.
pub fn log_pending() -> bool {
    PENDING.with(|p| p.get())
}

// ---------------------------------------------------------------------------------------------
// The desk (一窗受理): receiving a citizen's data by QR, and the hall's attestation.
//
// The loader (`staff.js`) draws the desk around the widget and calls the functions below. The
// case's hand-off session lives in this instance's memory only, so it ends with the instance
// (结束办理, 新办理, the idle timeout). No value ever crosses to the loader: it gets the
// offer, QR pictures, element names and counts, and plain messages.

/// The member of the stored profile that holds the hall's key (its secret text).
const HALL_KEY_MEMBER: &str = "staff_hall_key";
/// What the operations log names an attestation's "form".
pub const ATTEST_FORM: &str = "attestation";
/// How long an attestation stays valid (days).
const ATTEST_VALID_DAYS: i64 = 365;

thread_local! {
    /// The case's hand-off session: its secret is here only.
    static SESSION: RefCell<Option<DeskSession>> = const { RefCell::new(None) };
    /// The widget's state, as last rendered.
    static HANDLE: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// The widget keeps its latest state here at each render, for the desk's functions.
pub fn keep_handle(handle: &Handle) {
    HANDLE.with(|h| *h.borrow_mut() = Some(handle.clone()));
}

fn handle() -> Option<Handle> {
    HANDLE.with(|h| h.borrow().clone())
}

fn now_s() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A message in Chinese and, when its messages are loaded, in English.
fn both(message: impl Fn(Lang) -> String) -> serde_json::Value {
    let en = available(Lang::En).then(|| message(Lang::En));
    serde_json::json!({"zh": message(Lang::ZhCn), "en": en})
}

fn refusal(code: &str, message: serde_json::Value) -> String {
    serde_json::json!({"ok": false, "code": code, "message": message}).to_string()
}

fn unlocked(state: &Handle) -> bool {
    state.vault.vault == VaultState::Unlocked && !state.vault.rekey
}

/// Whether the clerk's vault is open (the desk receives and signs only then).
#[wasm_bindgen]
pub fn desk_unlocked() -> bool {
    handle().is_some_and(|h| unlocked(&h))
}

/// Loads the English messages too, so that refusals are said in both languages.
#[wasm_bindgen]
pub async fn desk_languages(base: String) {
    crate::ui::forms::ensure_lang(&base, Lang::En).await;
}

/// Starts the case's hand-off session (a new one replaces the one before, whose codes are then
/// refused): `{"offer", "check", "expires"}` (Unix seconds), as JSON.
#[wasm_bindgen]
pub fn desk_offer() -> String {
    match DeskSession::start(now_s(), &mut OsRandom) {
        Ok(session) => {
            let offer = session.offer();
            let out = serde_json::json!({
                "ok": true,
                "offer": offer.text(),
                "check": offer.check_code(),
                "expires": offer.expires_at(),
            });
            SESSION.with(|s| *s.borrow_mut() = Some(session));
            out.to_string()
        }
        Err(e) => refusal(e.code(), both(|l| e.message(l))),
    }
}

/// The QR code of `text` as an SVG picture, or `undefined` when it does not fit one code.
#[wasm_bindgen]
pub fn desk_qr_svg(text: &str) -> Option<String> {
    qr::render(text).ok().map(|m| m.svg())
}

/// The text of the QR code in a grayscale picture (`width` × `height`, 0 black to 255 white,
/// row by row), or `undefined`.
#[wasm_bindgen]
pub fn desk_scan(width: usize, height: usize, grey: &[u8]) -> Option<String> {
    qr::decode(width, height, grey).ok()
}

/// An element's names: `{"id", "zh", "en"}`.
fn names(key: Key) -> serde_json::Value {
    let e = key.element();
    serde_json::json!({"id": e.id, "zh": e.zh, "en": e.en})
}

/// Opens a citizen's sealed text with the case's session; what it carries goes into the
/// editor (with what the clerk typed, unsaved). The credential presentations it carries are
/// verified against `trust` (the deployment's trust list, as text; none when it could not be
/// fetched) and the applicant's values handed over ([`present::check`]): the elements of one
/// that verifies go in as verified by its credential (the editor shows the badge), those of
/// one that does not as the citizen's own declaration. Returns `{"ok": true, "count" (put
/// into the data), "elements": [{"id", "zh", "en", "role", "apart", "verified"}],
/// "credentials": [{"ok": true, "issuer": {"zh", "en"}, "date", "alg", "demo", "elements":
/// [{"id", "zh", "en"}]} | {"ok": false, "code", "message": {"zh", "en"}}]}` (`apart`: of a
/// firm's or an agent's role, not put into the data) or `{"ok": false, "code", "message":
/// {"zh", "en"}}`: never a value.
#[wasm_bindgen]
pub fn desk_receive(text: &str, trust: Option<String>) -> String {
    let Some(state) = handle().filter(unlocked) else {
        return refusal(
            "locked",
            both(|l| crate::core::i18n::tr(l, "desk-locked", &[])),
        );
    };
    let opened = SESSION.with(|s| match s.borrow().as_ref() {
        Some(session) => session.open(text, now_s()),
        None => Err(crate::core::handoff::HandoffError::WrongSession),
    });
    let mut received = match opened {
        Ok(r) => r,
        Err(e) => return refusal(e.code(), both(|l| e.message(l))),
    };
    let credentials = desk_credentials(&mut received, trust.as_deref());
    let mut profile = case_profile(&state);
    let stamp = crate::core::profile::now_stamp();
    let apart = received.apply_to(&mut profile, &stamp);
    // Each element, and whether it went into the data (a firm's or an agent's did not).
    let elements: Vec<serde_json::Value> = received
        .items
        .iter()
        .map(|i| {
            let mut n = names(i.key);
            n["role"] = i.role.map(|r| r.to_string()).into();
            n["apart"] = apart.iter().any(|a| std::ptr::eq(*a, i)).into();
            n["verified"] = i.verified.is_some().into();
            n
        })
        .collect();
    let count = received.items.len() - apart.len();
    send(&state, EditorAction::Received(profile));
    serde_json::json!({"ok": true, "count": count, "elements": elements, "credentials": credentials})
        .to_string()
}

/// The desk's verdict on each presentation `received` carries (marking the elements of those
/// that verify), as [`desk_receive`] reports it.
fn desk_credentials(
    received: &mut crate::core::handoff::Received,
    trust: Option<&str>,
) -> Vec<serde_json::Value> {
    if received.presentations.is_empty() {
        return Vec::new();
    }
    let Some(list) = trust.and_then(|t| TrustList::from_json(t).ok()) else {
        let why = both(|l| crate::core::i18n::tr(l, "verify-trust-failed", &[]));
        return received
            .presentations
            .iter()
            .map(|_| serde_json::json!({"ok": false, "code": "trust", "message": why}))
            .collect();
    };
    present::check(received, &list, now_s())
        .into_iter()
        .map(|outcome| match outcome {
            Ok(v) => serde_json::json!({
                "ok": true,
                "issuer": {"zh": v.issuer_zh, "en": v.issuer_en},
                "date": v.issued,
                "alg": v.alg,
                "demo": v.demo,
                "elements": v.keys.iter().map(|k| names(*k)).collect::<Vec<_>>(),
            }),
            Err(e) => serde_json::json!({
                "ok": false,
                "code": e.code(),
                "message": both(|l| e.message(l)),
            }),
        })
        .collect()
}

/// The case's data with what the clerk typed written in (as the review takes it), or as it is
/// when a typed value has a problem (it stays in the editor for the clerk to see).
fn case_profile(state: &Handle) -> Profile {
    let mut next = state.editor.clone();
    if next
        .commit_drafts(&crate::ui::state::clock().stamp)
        .is_empty()
    {
        next.profile
    } else {
        state.profile().clone()
    }
}

fn stored_hall_key() -> Option<HallKey> {
    STORED.with(|s| {
        let stored = s.borrow();
        let text = stored.as_ref()?.unknown.get(HALL_KEY_MEMBER)?.as_str()?;
        HallKey::from_secret_text(text).ok()
    })
}

fn hall_json(key: &HallKey) -> String {
    let trust = serde_json::to_string_pretty(&key.trust_key()).unwrap_or_default();
    serde_json::json!({"ok": true, "hall": key.hall, "kid": key.kid, "trust": trust}).to_string()
}

/// The hall's key as the deployment's trust list lists it: `{"ok", "hall", "kid", "trust"}`
/// (the public key only), or `{"ok": false}` when the clerk's vault holds none.
#[wasm_bindgen]
pub fn desk_hall() -> String {
    match stored_hall_key() {
        Some(key) => hall_json(&key),
        None => serde_json::json!({"ok": false}).to_string(),
    }
}

/// Keeps `key` in the clerk's vault (saved with it) in place of any other.
fn keep_hall_key(state: &Handle, key: &HallKey) {
    let secret = key.secret_text();
    STORED.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(Profile::new)
            .unknown
            .insert(HALL_KEY_MEMBER.to_string(), secret.as_str().into());
    });
    PENDING.with(|p| p.set(true));
    send(state, VaultAction::StoreAgain);
}

/// Makes the hall's key (`hall`: the hall's id on the trust list, `kid`: the key's id) and
/// keeps it in the clerk's vault; refused when the vault already holds one or is locked.
#[wasm_bindgen]
pub fn desk_hall_generate(hall: &str, kid: &str) -> String {
    let Some(state) = handle().filter(unlocked) else {
        return refusal(
            "locked",
            both(|l| crate::core::i18n::tr(l, "desk-locked", &[])),
        );
    };
    let (hall, kid) = (hall.trim(), kid.trim());
    if hall.is_empty() || kid.is_empty() {
        return refusal(
            "hall-id",
            both(|l| crate::core::i18n::tr(l, "desk-hall-id", &[])),
        );
    }
    if stored_hall_key().is_some() {
        return refusal(
            "hall-exists",
            both(|l| crate::core::i18n::tr(l, "desk-hall-exists", &[])),
        );
    }
    match HallKey::generate(hall, kid, &mut OsRandom) {
        Ok(key) => {
            keep_hall_key(&state, &key);
            hall_json(&key)
        }
        Err(e) => refusal(e.code(), both(|l| e.message(l))),
    }
}

/// Takes a hall key's secret text (another window's of the same hall, or the demo's) into the
/// clerk's vault in place of any other.
#[wasm_bindgen]
pub fn desk_hall_import(secret: &str) -> String {
    let Some(state) = handle().filter(unlocked) else {
        return refusal(
            "locked",
            both(|l| crate::core::i18n::tr(l, "desk-locked", &[])),
        );
    };
    match HallKey::from_secret_text(secret.trim()) {
        Ok(key) => {
            keep_hall_key(&state, &key);
            hall_json(&key)
        }
        Err(e) => refusal(e.code(), both(|l| e.message(l))),
    }
}

/// The applicant's elements, with their values, in the case's data (what the clerk typed and
/// what was received, drafts written).
fn case_values(state: &Handle) -> Vec<(Key, String)> {
    let profile = case_profile(state);
    let Some(owner) = profile.owner() else {
        return Vec::new();
    };
    ELEMENTS
        .iter()
        .filter(|e| e.group != Group::Firm)
        .filter_map(|e| Some((e.key, owner.values.text(e.key)?.to_string())))
        .collect()
}

/// The elements the clerk may tick for an attestation: the applicant's elements the case has a
/// value of, `[{"id", "zh", "en"}]` (no value).
#[wasm_bindgen]
pub fn desk_attestable() -> String {
    let Some(state) = handle().filter(unlocked) else {
        return "[]".into();
    };
    let list: Vec<serde_json::Value> = case_values(&state)
        .into_iter()
        .map(|(k, _)| names(k))
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// Signs an attestation of the ticked `elements` (ids) of the case's applicant with the hall's
/// key, and notes it in the operations log: `{"ok", "text", "count"}`, the text to hand to the
/// citizen's app (`#attest=`; digests and salts, no value), or a refusal.
#[wasm_bindgen]
pub fn desk_attest(elements: Vec<String>) -> String {
    let Some(state) = handle().filter(unlocked) else {
        return refusal(
            "locked",
            both(|l| crate::core::i18n::tr(l, "desk-locked", &[])),
        );
    };
    let Some(key) = stored_hall_key() else {
        return refusal(
            "no-hall-key",
            both(|l| crate::core::i18n::tr(l, "desk-no-hall-key", &[])),
        );
    };
    let values = case_values(&state);
    let chosen: Vec<(Target, &str)> = values
        .iter()
        .filter(|(k, _)| elements.iter().any(|e| e == k.id()))
        .map(|(k, v)| {
            (
                Target {
                    key: *k,
                    legal_rep: false,
                },
                v.as_str(),
            )
        })
        .collect();
    if chosen.is_empty() {
        return refusal(
            "none",
            both(|l| crate::core::i18n::tr(l, "desk-attest-none", &[])),
        );
    }
    let now = time::OffsetDateTime::from_unix_timestamp(now_s())
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let signed = attest::attest(
        &key,
        &chosen,
        now,
        time::Duration::days(ATTEST_VALID_DAYS),
        &mut OsRandom,
    )
    .and_then(|a| a.to_text());
    match signed {
        Ok(text) => {
            let names: Vec<String> = chosen.iter().map(|(t, _)| t.id()).collect();
            let clock = crate::ui::state::clock();
            note(Entry {
                form: ATTEST_FORM.to_string(),
                count: names.len(),
                names,
                at: format!("{} {}", state.today(), clock.time_of_day),
            });
            send(&state, VaultAction::StoreAgain);
            serde_json::json!({"ok": true, "text": text, "count": chosen.len()}).to_string()
        }
        Err(e) => refusal(e.code(), both(|l| e.message(l))),
    }
}
