//! The module's work as plain functions of text, tested natively: what the WebAssembly
//! exports in `lib.rs` call.

use oncefill::core::clock::CHINA_OFFSET;
use oncefill::core::credential::elements::Mapped;

use oncefill::core::credential::import::{apply, preview, report};
use oncefill::core::credential::trust::TrustList;
use oncefill::core::credential::{Policy, verify};
use oncefill::core::dictionary::Key;
use oncefill::core::handoff::attest::{self, Attestation};
use oncefill::core::handoff::{self, HandoffError, Item, Offer, PAYLOAD_TTL, present, qr};
use oncefill::core::i18n::Lang;
use oncefill::core::profile::{Profile, Source};
use oncefill::core::role::RoleRef;
use oncefill::core::vault::OsRandom;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use zeroize::Zeroize;

/// A refusal: `{"ok": false, "code", "message": {"zh-CN", "en"}}`, never a value.
fn refusal(code: &str, message: impl Fn(Lang) -> String) -> Value {
    json!({
        "ok": false,
        "code": code,
        "message": {"zh-CN": message(Lang::ZhCn), "en": message(Lang::En)},
    })
}

/// Verified values ready for the preview: from a credential or from a hall's attestation.
struct Incoming {
    kind: &'static str,
    issuer_zh: String,
    issuer_en: String,
    demo: bool,
    source: Source,
    elements: Vec<Mapped>,
}

impl Drop for Incoming {
    fn drop(&mut self) {
        for m in &mut self.elements {
            m.value.zeroize();
        }
    }
}

/// The trust list, the profile and the verified values of `text`, or the refusal.
fn read(
    text: &str,
    trust: &str,
    profile: &str,
    now: i64,
) -> Result<(Profile, Incoming, time::Date), Value> {
    // A clock beyond the calendar's range: verified as at 1970, which nothing passes.
    let now = OffsetDateTime::from_unix_timestamp(now).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let list = TrustList::from_json(trust).map_err(|e| refusal("trust", |l| e.message(l)))?;
    let profile = Profile::from_json(profile).map_err(|e| refusal(e.code(), |l| e.message(l)))?;
    let text = text.trim();
    let incoming = if text.starts_with('{') || text.starts_with("OFA") {
        let attestation = attestation_of(text).ok_or_else(|| {
            let e = attest::AttestError::Malformed;
            refusal(e.code(), |l| e.message(l))
        })?;
        let values = attest::values_from(&attestation, &profile);
        let verified = attest::verify(&attestation, &values, &list, now)
            .map_err(|e| refusal(e.code(), |l| e.message(l)))?;
        let demo = list.demo || list.issuer(&verified.hall).is_some_and(|i| i.demo);
        Incoming {
            kind: "attestation",
            issuer_zh: verified.hall_name_zh.clone(),
            issuer_en: verified.hall_name_en.clone(),
            demo,
            source: verified.source(),
            elements: verified.elements.clone(),
        }
    } else {
        let verified = verify(text, &list, &Policy::Issued, now)
            .map_err(|e| refusal(e.code(), |l| e.message(l)))?;
        Incoming {
            kind: "credential",
            issuer_zh: verified.issuer_name_zh.clone(),
            issuer_en: verified.issuer_name_en.clone(),
            demo: verified.demo,
            source: verified.source(),
            elements: verified.elements.clone(),
        }
    };
    Ok((profile, incoming, now.to_offset(CHINA_OFFSET).date()))
}

/// A hall's attestation as the desk hands it over: the text of its `#attest=` link,
/// `OFA1~<JWS>~<salt>…` (one salt per entry of the payload's `elements`, in their order, as the
/// desk writes it), or the JSON `{"token", "salts": {element: salt}}` of a saved file. `None`
/// when it is neither; the signature and the values are [`attest::verify`]'s to check.
fn attestation_of(text: &str) -> Option<Attestation> {
    if text.len() > attest::MAX_ATTESTATION_BYTES {
        return None;
    }
    if text.starts_with('{') {
        return serde_json::from_str(text).ok();
    }
    Attestation::from_text(text).ok()
}

/// The date a source names (the credential's issue date, the hall's check).
fn source_date(source: &Source) -> &str {
    match source {
        Source::Credential { issued, .. } => issued,
        Source::StaffVerified { date, .. } => date,
        _ => "",
    }
}

/// What importing `text` would do to `profile`, values masked: the core's report
/// ([`report`]: `source`, `count`, `elements` with each `element`, `label`, masked `value`,
/// `action`, `message` and `current` source) with `ok`, `kind` (`credential` or
/// `attestation`), `issuer` (`{"zh-CN", "en"}`), `date` and `demo`; or a refusal.
pub fn import_preview_json(text: &str, trust: &str, profile: &str, now: i64) -> Value {
    match read(text, trust, profile, now) {
        Ok((profile, incoming, today)) => preview_of(&profile, &incoming, today),
        Err(refused) => refused,
    }
}

fn preview_of(profile: &Profile, incoming: &Incoming, today: time::Date) -> Value {
    let shown = preview(profile, &incoming.elements, &incoming.source, today);
    let mut out = report(&shown);
    out["ok"] = true.into();
    out["kind"] = incoming.kind.into();
    out["issuer"] = json!({"zh-CN": incoming.issuer_zh, "en": incoming.issuer_en});
    out["date"] = source_date(&incoming.source).into();
    out["demo"] = incoming.demo.into();
    out
}

/// Imports `text` into `profile` exactly as the preview `shown` (the text
/// [`import_preview_json`] gave) says: `{"ok": true, "written": n, "profile": the new
/// profile's JSON}`; refused (nothing written) when the credential no longer verifies or the
/// preview would now be another (`import-stale`).
pub fn import_apply_json(text: &str, trust: &str, profile: &str, now: i64, shown: &str) -> Value {
    let (mut profile, incoming, today) = match read(text, trust, profile, now) {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let stale = || {
        refusal("stale", |l| {
            oncefill::core::i18n::tr(l, "import-stale", &[])
        })
    };
    // The preview as it would be shown now, as text: it must be the one the person saw.
    let now_shown = preview_of(&profile, &incoming, today).to_string();
    if now_shown.as_str() != shown {
        return stale();
    }
    let stamp = OffsetDateTime::from_unix_timestamp(now)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default();
    let previewed = preview(&profile, &incoming.elements, &incoming.source, today);
    match apply(&mut profile, &incoming.elements, &previewed, today, &stamp) {
        Ok(written) => {
            // The credential itself is kept with the profile, to present chosen elements of
            // it at a service window later.
            if incoming.kind == "credential" {
                profile.keep_credential(text);
            }
            json!({"ok": true, "written": written, "profile": profile.to_json()})
        }
        Err(_) => stale(),
    }
}

fn handoff_refusal(e: &HandoffError) -> Value {
    refusal(e.code(), |l| e.message(l))
}

/// A desk's offer read at `now`: `{"ok": true, "check": six digits, "expires": Unix seconds}`,
/// or a refusal (not an offer, or run out).
pub fn offer_json(text: &str, now: i64) -> Value {
    match Offer::parse(text) {
        Ok(offer) if offer.expires_at() < now => handoff_refusal(&HandoffError::OfferExpired),
        Ok(offer) => {
            json!({"ok": true, "check": offer.check_code(), "expires": offer.expires_at()})
        }
        Err(e) => handoff_refusal(&e),
    }
}

/// Seals `items` (JSON `[[element, role or null, value], …]`) to `offer` at `now`, with
/// presentations of the applicant's chosen elements from `credentials` (the profile's
/// credentials, each verified against `trust` first; none without a trust list):
/// `{"ok": true, "sealed", "expires", "svg": the QR code, "presented": how many credentials
/// were presented, "entry": the disclosure record's entry}`, or a refusal.
pub fn seal_json(
    offer: &str,
    items: &str,
    credentials: &[String],
    trust: Option<&str>,
    now: i64,
) -> Value {
    match sealed(offer, items, credentials, trust, now) {
        Ok(v) => v,
        Err(e) => handoff_refusal(&e),
    }
}

fn sealed(
    offer: &str,
    items: &str,
    credentials: &[String],
    trust: Option<&str>,
    now: i64,
) -> Result<Value, HandoffError> {
    let offer = Offer::parse(offer)?;
    let mut raw: Vec<(String, Option<String>, String)> =
        serde_json::from_str(items).map_err(|_| HandoffError::Malformed)?;
    let items: Result<Vec<Item>, HandoffError> = raw
        .iter()
        .map(|(element, role, value)| {
            let key = Key::from_id(element).ok_or(HandoffError::UnknownElement)?;
            let role = match role {
                None => None,
                Some(r) => Some(RoleRef::parse(r).ok_or(HandoffError::UnknownRole)?),
            };
            Ok(Item::new(key, role, value.as_str()))
        })
        .collect();
    for (_, _, value) in &mut raw {
        value.zeroize();
    }
    let items = items?;
    let list = trust.and_then(|t| TrustList::from_json(t).ok());
    let at = OffsetDateTime::from_unix_timestamp(now).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let mut presented = match &list {
        Some(list) if !credentials.is_empty() => {
            present::presentations(credentials, &items, list, at)
        }
        _ => Vec::new(),
    };
    let text = handoff::seal_with(&offer, &items, &presented, now, &mut OsRandom);
    let count = presented.len();
    presented.iter_mut().for_each(Zeroize::zeroize);
    let text = text?;
    let matrix = qr::render(&text)?;
    let stamp = OffsetDateTime::from_unix_timestamp(now)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default();
    let entry = handoff::disclosure_entry(&offer, &items, &stamp);
    Ok(json!({
        "ok": true,
        "sealed": text,
        "expires": now.saturating_add(PAYLOAD_TTL),
        "svg": svg(&matrix),
        "modules": matrix.width() + 2 * qr::QUIET_ZONE,
        "presented": count,
        "entry": serde_json::to_value(&entry).unwrap_or(Value::Null),
    }))
}

/// The QR code as an SVG picture: one unit per module, the quiet zone included, black on
/// white, edges kept sharp at any size.
pub fn svg(matrix: &qr::Matrix) -> String {
    let side = matrix.width() + 2 * qr::QUIET_ZONE;
    let mut path = String::new();
    for y in 0..matrix.width() {
        for x in 0..matrix.width() {
            if matrix.is_dark(x, y) {
                path.push_str(&format!(
                    "M{} {}h1v1h-1z",
                    x + qr::QUIET_ZONE,
                    y + qr::QUIET_ZONE
                ));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    )
}

#[cfg(test)]
mod tests;
