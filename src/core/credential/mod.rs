//! Signed credentials: an issuer's SD-JWT VC (`typ: dc+sd-jwt`, on RFC 9901 SD-JWT) verified
//! on the device against the deployment's trust list, and mapped to profile elements.
//!
//! [`verify`] refuses on the first failure and never returns part of a credential:
//!
//! 1. size and shape (`<JWT>~<disclosure>~…~[<KB-JWT>]`, [`sdjwt`]);
//! 2. header: `typ` `dc+sd-jwt` (the older `vc+sd-jwt` only for a payload with `vct` and no
//!    `@context`), `alg` one of [`alg::Alg`] (never `none`, HMAC or an unknown name), no `crit`;
//! 3. issuer: `iss` on the [`trust::TrustList`], the key its `kid` names, the key's own
//!    algorithm equal to the header's, the credential issued within the key's window;
//! 4. signature over `header.payload`;
//! 5. `_sd_alg` `sha-256` (or absent), disclosures and their digests;
//! 6. `iss`, `nbf`, `exp`, `cnf`, `vct`, `vct#integrity` and `status` never selectively
//!    disclosed; `vct` one the issuer may issue; every other claim one the issuer may attest;
//! 7. dates: `nbf` and `iat` not in the future, `exp` not past (five minutes' leeway for the
//!    device's clock), and the validity claims the trust list requires present;
//! 8. key binding: a KB-JWT exactly when the [`Policy`] or the trust list asks for one, signed
//!    by the key in `cnf`, with the expected `aud` and `nonce`, a recent `iat` and the
//!    `sd_hash` of what was presented.
//!
//! The verified claims are mapped to profile elements by [`elements`]. Messages name what
//! failed, never a value of the credential.
//!
//! Built natively (command line, tests) and, with the feature `credentials`, for WebAssembly;
//! not in the widget's default bundle.

pub mod alg;
pub mod elements;
pub mod import;
pub mod present;
pub mod sdjwt;
pub mod trust;

use serde_json::{Map, Value, json};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::core::clock::CHINA_OFFSET;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::Source;
use alg::{Alg, PublicKey, SM2_DEFAULT_USER_ID};
use elements::Mapped;
use sdjwt::{Compact, Jws};
use trust::{KeyBinding, TrustList};

/// How far the device's clock may be off.
pub const CLOCK_SKEW: Duration = Duration::minutes(5);

/// How old a KB-JWT may be.
pub const KB_MAX_AGE: Duration = Duration::minutes(10);

/// Claims an issuer must not hide behind a disclosure (SD-JWT VC).
const NEVER_DISCLOSED: &[&str] = &["iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"];

/// Claims of the envelope rather than of the subject: never checked against the issuer's list.
const ENVELOPE: &[&str] = &[
    "iss",
    "iat",
    "nbf",
    "exp",
    "cnf",
    "vct",
    "vct#integrity",
    "status",
    "sub",
    "jti",
];

/// Why a credential is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialError {
    /// Larger than the limit, or too many disclosures.
    TooLarge,
    /// Not an SD-JWT: parts, base64url or JSON wrong.
    Malformed,
    /// The header's `typ` is not `dc+sd-jwt`.
    Type,
    /// `none`, HMAC or an algorithm not verified here.
    Algorithm,
    /// A `crit` header parameter.
    Critical,
    /// The issuer is not on the trust list (or the credential names none).
    UntrustedIssuer,
    /// The trust list has no key of that id for the issuer.
    UnknownKey,
    /// The header's algorithm is not the key's.
    KeyAlgorithm,
    /// The credential was issued outside the key's validity window.
    KeyValidity,
    /// The signature does not verify.
    Signature,
    /// A digest algorithm other than `sha-256`.
    DigestAlgorithm,
    /// A disclosure that is malformed, repeated, or not part of the credential.
    Disclosure,
    /// A claim that must be plaintext came through a disclosure.
    ProtectedClaim,
    /// No `vct`, or one the issuer may not issue.
    CredentialType,
    /// A claim the issuer may not attest.
    ElementNotAllowed {
        /// The claim's name (never its value).
        claim: String,
    },
    /// `nbf` or `iat` in the future.
    NotYetValid,
    /// `exp` past.
    Expired,
    /// A validity claim the trust list requires is missing, or a date is not a number.
    Validity,
    /// Key binding is required and there is no KB-JWT.
    KeyBindingMissing,
    /// A KB-JWT where none is expected.
    KeyBindingUnexpected,
    /// The KB-JWT does not verify (key, signature, `aud`, `nonce`, `iat` or `sd_hash`).
    KeyBinding,
}

impl CredentialError {
    /// A stable code for machines (the verdict's `reason`).
    pub fn code(&self) -> &'static str {
        match self {
            CredentialError::TooLarge => "too-large",
            CredentialError::Malformed => "malformed",
            CredentialError::Type => "type",
            CredentialError::Algorithm => "algorithm",
            CredentialError::Critical => "critical",
            CredentialError::UntrustedIssuer => "untrusted-issuer",
            CredentialError::UnknownKey => "unknown-key",
            CredentialError::KeyAlgorithm => "key-algorithm",
            CredentialError::KeyValidity => "key-validity",
            CredentialError::Signature => "signature",
            CredentialError::DigestAlgorithm => "digest-algorithm",
            CredentialError::Disclosure => "disclosure",
            CredentialError::ProtectedClaim => "protected-claim",
            CredentialError::CredentialType => "credential-type",
            CredentialError::ElementNotAllowed { .. } => "element-not-allowed",
            CredentialError::NotYetValid => "not-yet-valid",
            CredentialError::Expired => "expired",
            CredentialError::Validity => "validity",
            CredentialError::KeyBindingMissing => "key-binding-missing",
            CredentialError::KeyBindingUnexpected => "key-binding-unexpected",
            CredentialError::KeyBinding => "key-binding",
        }
    }

    /// Why, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("credential-{}", self.code());
        match self {
            CredentialError::ElementNotAllowed { claim } => {
                tr(lang, &id, &[("claim", Arg::Str(claim))])
            }
            _ => tr(lang, &id, &[]),
        }
    }
}

impl std::fmt::Display for CredentialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for CredentialError {}

/// What the verifier expects of key binding, decided before the credential is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Policy {
    /// A credential as an issuer delivered it to its holder: no KB-JWT (RFC 9901 §7.2).
    /// Refused for an issuer whose trust-list entry requires key binding.
    #[default]
    Issued,
    /// A presentation with a KB-JWT for this audience and nonce.
    Presentation {
        /// The expected `aud`.
        audience: String,
        /// The expected `nonce`.
        nonce: String,
    },
}

/// A verified credential.
#[derive(Clone)]
pub struct Verified {
    /// The issuer's id (`iss`).
    pub issuer: String,
    /// The issuer's name in Chinese.
    pub issuer_name_zh: String,
    /// The issuer's name in English.
    pub issuer_name_en: String,
    /// A demonstration issuer or trust list: the app shows the credential as a demo.
    pub demo: bool,
    /// The signature algorithm.
    pub alg: Alg,
    /// The header's `alg` as written.
    pub alg_name: String,
    /// The key that verified it.
    pub kid: String,
    /// The credential type.
    pub vct: String,
    /// `iat`.
    pub issued_at: Option<OffsetDateTime>,
    /// `exp`.
    pub expires: Option<OffsetDateTime>,
    /// When it was verified (the device's clock).
    pub verified_at: OffsetDateTime,
    /// Whether a KB-JWT was verified.
    pub key_bound: bool,
    /// The processed claims.
    pub claims: Map<String, Value>,
    /// The profile elements they fill.
    pub elements: Vec<Mapped>,
}

impl std::fmt::Debug for Verified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Verified({}, {}, {}, {} elements)",
            self.issuer,
            self.alg.name(),
            self.vct,
            self.elements.len()
        )
    }
}

impl Verified {
    /// The provenance a profile records for a value taken from this credential: the issuer's
    /// id and the issue date (`iat`, else the verification date) in China's calendar.
    pub fn source(&self) -> Source {
        let when = self.issued_at.unwrap_or(self.verified_at);
        Source::Credential {
            issuer: self.issuer.clone(),
            issued: when.to_offset(CHINA_OFFSET).date().to_string(),
        }
    }
}

fn date(
    payload: &Map<String, Value>,
    name: &str,
) -> Result<Option<OffsetDateTime>, CredentialError> {
    match payload.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
            .map(Some)
            .ok_or(CredentialError::Validity),
    }
}

fn text<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    map.get(name).and_then(Value::as_str)
}

fn check_header(
    header: &Map<String, Value>,
    payload: &Map<String, Value>,
) -> Result<Alg, CredentialError> {
    match text(header, "typ") {
        Some("dc+sd-jwt") => {}
        Some("vc+sd-jwt") if payload.contains_key("vct") && !payload.contains_key("@context") => {}
        _ => return Err(CredentialError::Type),
    }
    let alg = text(header, "alg")
        .and_then(Alg::from_name)
        .ok_or(CredentialError::Algorithm)?;
    if header.contains_key("crit") {
        return Err(CredentialError::Critical);
    }
    Ok(alg)
}

/// Verifies a credential (an SD-JWT or SD-JWT+KB in compact form) at `now`.
pub fn verify(
    input: &str,
    trust: &TrustList,
    policy: &Policy,
    now: OffsetDateTime,
) -> Result<Verified, CredentialError> {
    let input = input.trim();
    let compact = Compact::parse(input)?;
    let jws = Jws::parse(compact.jwt)?;
    let alg = check_header(&jws.header, &jws.payload)?;

    let issuer_id = text(&jws.payload, "iss").ok_or(CredentialError::UntrustedIssuer)?;
    let issuer = trust
        .issuer(issuer_id)
        .ok_or(CredentialError::UntrustedIssuer)?;
    let key = issuer
        .key(text(&jws.header, "kid"))
        .ok_or(CredentialError::UnknownKey)?;
    if key.key.alg() != alg {
        return Err(CredentialError::KeyAlgorithm);
    }
    if !key.key.verify(jws.signing_input.as_bytes(), &jws.signature) {
        return Err(CredentialError::Signature);
    }

    match jws.payload.get("_sd_alg") {
        None => {}
        Some(Value::String(s)) if s == "sha-256" => {}
        Some(_) => return Err(CredentialError::DigestAlgorithm),
    }
    let cnf = jws.payload.get("cnf").cloned();
    let processed = sdjwt::process(jws.payload, &compact.disclosures)?;
    if processed
        .disclosed
        .iter()
        .any(|c| NEVER_DISCLOSED.contains(&c.as_str()))
    {
        return Err(CredentialError::ProtectedClaim);
    }
    let claims = processed.claims;
    let vct = text(&claims, "vct").ok_or(CredentialError::CredentialType)?;
    let kind = issuer
        .credential(vct)
        .ok_or(CredentialError::CredentialType)?;
    if let Some(claim) = claims
        .keys()
        .find(|c| !ENVELOPE.contains(&c.as_str()) && !kind.claims.contains(c))
    {
        return Err(CredentialError::ElementNotAllowed {
            claim: claim.clone(),
        });
    }

    let issued_at = date(&claims, "iat")?;
    let not_before = date(&claims, "nbf")?;
    let expires = date(&claims, "exp")?;
    for required in &kind.required_validity {
        if !claims.contains_key(required) {
            return Err(CredentialError::Validity);
        }
    }
    if issued_at.is_some_and(|t| t > now + CLOCK_SKEW)
        || not_before.is_some_and(|t| t > now + CLOCK_SKEW)
    {
        return Err(CredentialError::NotYetValid);
    }
    if expires.is_some_and(|t| t <= now - CLOCK_SKEW) {
        return Err(CredentialError::Expired);
    }
    let signed_at = issued_at.unwrap_or(now);
    if key.valid_from.is_some_and(|t| signed_at < t)
        || key.valid_until.is_some_and(|t| signed_at > t)
    {
        return Err(CredentialError::KeyValidity);
    }

    let key_bound = match (policy, kind.key_binding, compact.kb_jwt) {
        (_, KeyBinding::Never, Some(_)) | (Policy::Issued, _, Some(_)) => {
            return Err(CredentialError::KeyBindingUnexpected);
        }
        (Policy::Issued, KeyBinding::Required, None) => {
            return Err(CredentialError::KeyBindingMissing);
        }
        (Policy::Presentation { .. }, _, None) => return Err(CredentialError::KeyBindingMissing),
        (Policy::Presentation { audience, nonce }, _, Some(kb)) => {
            verify_kb(kb, cnf.as_ref(), compact.presented, audience, nonce, now)?;
            true
        }
        (Policy::Issued, _, None) => false,
    };

    let today = now.to_offset(CHINA_OFFSET).date();
    let elements = elements::map_claims(&claims, &kind.profile_map, today);
    Ok(Verified {
        issuer: issuer.id.clone(),
        issuer_name_zh: issuer.name_zh.clone(),
        issuer_name_en: issuer.name_en.clone(),
        demo: issuer.demo || trust.demo,
        alg,
        alg_name: text(&jws.header, "alg").unwrap_or_default().to_string(),
        kid: key.kid.clone(),
        vct: vct.to_string(),
        issued_at,
        expires,
        verified_at: now,
        key_bound,
        claims: claims.clone(),
        elements,
    })
}

/// Checks a KB-JWT (RFC 9901 §7.3).
fn verify_kb(
    kb: &str,
    cnf: Option<&Value>,
    presented: &str,
    audience: &str,
    nonce: &str,
    now: OffsetDateTime,
) -> Result<(), CredentialError> {
    let bad = CredentialError::KeyBinding;
    let jws = Jws::parse(kb).map_err(|_| bad.clone())?;
    if text(&jws.header, "typ") != Some("kb+jwt") || jws.header.contains_key("crit") {
        return Err(bad);
    }
    let alg = text(&jws.header, "alg")
        .and_then(Alg::from_name)
        .ok_or(CredentialError::KeyBinding)?;
    let jwk = cnf
        .and_then(|c| c.get("jwk"))
        .ok_or(CredentialError::KeyBinding)?;
    let key =
        PublicKey::from_jwk(alg, jwk, SM2_DEFAULT_USER_ID).ok_or(CredentialError::KeyBinding)?;
    if !key.verify(jws.signing_input.as_bytes(), &jws.signature) {
        return Err(bad);
    }
    let iat = date(&jws.payload, "iat")
        .ok()
        .flatten()
        .ok_or(CredentialError::KeyBinding)?;
    if iat > now + CLOCK_SKEW || iat < now - KB_MAX_AGE - CLOCK_SKEW {
        return Err(bad);
    }
    if text(&jws.payload, "aud") != Some(audience)
        || text(&jws.payload, "nonce") != Some(nonce)
        || text(&jws.payload, "sd_hash") != Some(sdjwt::digest(presented).as_str())
    {
        return Err(bad);
    }
    Ok(())
}

/// A time of the verdict, to the second (a credential's dates are whole seconds; the instant
/// of a verification needs no more).
fn rfc3339(t: OffsetDateTime) -> Value {
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&Rfc3339)
        .map(Value::String)
        .unwrap_or(Value::Null)
}

/// The verdict as JSON, values masked: `{"ok": true, "issuer": …, "algorithm": …, "elements":
/// [{"element", "claim", "label", "value", "problem"?}…]}` (`problem`: what the element's own
/// check finds wrong with a signed value) or `{"ok": false, "reason": code, "message":
/// {"zh-CN", "en"}}`.
pub fn verdict(result: &Result<Verified, CredentialError>) -> Value {
    match result {
        Ok(v) => {
            let elements: Vec<Value> = v
                .elements
                .iter()
                .map(|m| {
                    let element = m.target.key.element();
                    let mut e = json!({
                        "element": m.target.id(),
                        "claim": m.claim,
                        "label": {"zh-CN": element.zh, "en": element.en},
                        "value": m.masked(),
                    });
                    if let Some(issue) = &m.problem {
                        e["problem"] = json!({"code": issue.code(),
                            "message": {"zh-CN": issue.message(Lang::ZhCn), "en": issue.message(Lang::En)}});
                    }
                    e
                })
                .collect();
            json!({
                "ok": true,
                "issuer": {"id": v.issuer, "name": {"zh-CN": v.issuer_name_zh, "en": v.issuer_name_en}},
                "demo": v.demo,
                "algorithm": v.alg.name(),
                "kid": v.kid,
                "type": v.vct,
                "issued_at": v.issued_at.map_or(Value::Null, rfc3339),
                "expires": v.expires.map_or(Value::Null, rfc3339),
                "verified_at": rfc3339(v.verified_at),
                "key_binding": v.key_bound,
                "elements": elements,
            })
        }
        Err(e) => json!({
            "ok": false,
            "reason": e.code(),
            "message": {"zh-CN": e.message(Lang::ZhCn), "en": e.message(Lang::En)},
        }),
    }
}

#[cfg(test)]
mod tests;
