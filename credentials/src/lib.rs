//! OnceFill's verified data and QR hand-off as a WebAssembly module of its own
//! (`pkg/credentials.js` and `pkg/credentials_bg.wasm`).
//!
//! The verifiers (ES256, Ed25519, SM2-with-SM3), the hand-off's sealing (P-256 ECDH, HKDF,
//! AES-GCM) and the QR encoder are larger than the app page's whole budget for them, so the app
//! page fetches this module only when its import or hand-off screen opens. The rules are the
//! core's ([`oncefill::core::credential`], [`oncefill::core::handoff`]), the same ones the
//! command line and the staff desk apply.
//!
//! Every function takes and returns text (JSON), so the app's glue stays small. Values given to
//! the module (a credential, the profile, the elements to hand over) are wiped from its memory
//! before a function returns, as far as they are held in the module's own wiping types; the
//! app page also drops the whole instance and overwrites its memory when the vault locks.
//! Nothing returned carries a value except [`import_apply`]'s profile (the person's own, going
//! back to the app that gave it) and [`seal`]'s sealed text (encrypted to the desk).

mod logic;

use oncefill::core::i18n::{Lang, install};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

pub use logic::{import_apply_json, import_preview_json, offer_json, seal_json};

/// Supplies the messages of `lang` (`zh-CN` or `en`, the text of its `.ftl` file): the module's
/// refusals and preview lines are then worded as the app's.
#[wasm_bindgen]
pub fn messages(lang: &str, ftl: String) -> bool {
    install(Lang::from_tag(lang), ftl)
}

/// What importing `text` (an SD-JWT VC credential, or a service hall's attestation as JSON)
/// would do to `profile` (the profile's JSON) at `now` (Unix seconds), verified against
/// `trust` (the deployment's trust list): see [`logic::import_preview_json`].
#[wasm_bindgen]
pub fn import_preview(text: String, trust: &str, profile: String, now: f64) -> String {
    let (text, profile) = (Zeroizing::new(text), Zeroizing::new(profile));
    import_preview_json(&text, trust, &profile, seconds(now)).to_string()
}

/// Imports `text` into `profile` as the preview `shown` said (the text [`import_preview`]
/// returned): the new profile's JSON, or a refusal. See [`logic::import_apply_json`].
#[wasm_bindgen]
pub fn import_apply(text: String, trust: &str, profile: String, now: f64, shown: &str) -> JsValue {
    let (text, profile) = (Zeroizing::new(text), Zeroizing::new(profile));
    let out =
        Zeroizing::new(import_apply_json(&text, trust, &profile, seconds(now), shown).to_string());
    JsValue::from_str(&out)
}

/// A desk's offer read: its check code and expiry, or why it is not one.
#[wasm_bindgen]
pub fn offer(text: &str, now: f64) -> String {
    offer_json(text, seconds(now)).to_string()
}

/// Seals `items` (JSON `[[element, role or null, value], …]`) to the desk's `offer` at `now`:
/// the sealed text and its QR code as an SVG picture, or why not.
#[wasm_bindgen]
pub fn seal(offer: &str, items: String, now: f64) -> String {
    let items = Zeroizing::new(items);
    seal_json(offer, &items, seconds(now)).to_string()
}

/// Unix seconds from JavaScript's number (milliseconds are dropped).
fn seconds(now: f64) -> i64 {
    // A clock beyond ±2⁵³ s is not a clock; saturating is fine.
    now as i64
}
