//! Staff attestation (一窗受理): service-hall staff, having checked a citizen's original
//! documents, sign which elements they checked with the hall's key; the citizen's OnceFill
//! verifies the attestation against the trust list and its own values, and records those
//! values as staff-verified through the same preview as a credential
//! ([`crate::core::credential::import`]).
//!
//! # The hall's key
//!
//! A P-256 key pair ([`HallKey`], ES256), made from the platform's random source
//! ([`HallKey::generate`]). Its secret is kept in the staff's own vault as the text
//! [`HallKey::secret_text`] (`{"format": "oncefill-hall-key/1", "hall", "kid", "d"}`); its public
//! key goes into the deployment's trust list as a key of the hall ([`HallKey::trust_key`]):
//! the hall is an issuer whose credential type has `format` `oncefill-attestation/1` and lists
//! the elements it may attest ([`crate::core::credential::trust`]).
//!
//! # The attestation
//!
//! A compact JWS (`typ` `oncefill-attestation+jwt`, `alg` `ES256`, `kid`) whose payload is
//! `{"iss": hall id, "iat", "exp", "date": "YYYY-MM-DD" (China's calendar), "elements":
//! [{"element": "person.name", "digest": …}]}`, with the salts beside it ([`Attestation`]).
//! Each digest is the base64url SHA-256 of the JSON array `[salt, element, value]` with a
//! random 128-bit salt per element, so the signed text carries no value, and without the
//! salts not even a guessable one (a sex, a date) can be tried against it. The citizen keeps
//! the salts with the attestation, as an SD-JWT's holder keeps its disclosures.
//!
//! # As text (the citizen's `#attest=`)
//!
//! The desk hands an attestation to the citizen's phone as one text ([`Attestation::to_text`],
//! read back by [`Attestation::from_text`]), shown as a QR code of the URL
//! `<site>app.html#attest=<text>`:
//!
//! `OFA1` ‖ `~` ‖ the JWS ‖ (`~` ‖ salt)*, one salt for each entry of the payload's
//! `elements`, in the same order (so the text names no element twice and the salts need no
//! names). Every character is base64url, `.` or `~`, which `encodeURIComponent` leaves as
//! they are: the text is its own URL encoding. A reader refuses another prefix, a JWS it
//! cannot decode, a count of salts other than the count of elements, an element given twice,
//! an empty or non-base64url salt, and any text longer than [`MAX_ATTESTATION_BYTES`]; the
//! signature and the values are [`verify`]'s to check.
//!
//! ```
//! use oncefill::core::credential::elements::Target;
//! use oncefill::core::handoff::attest::{Attestation, HallKey, attest};
//! use oncefill::core::vault::OsRandom;
//! let key = HallKey::generate("https://hall.example", "k1", &mut OsRandom).unwrap();
//! let name = Target::parse("person.name").unwrap();
//! let now = time::OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_000);
//! let signed = attest(&key, &[(name, "王小明")], now, time::Duration::days(365), &mut OsRandom).unwrap();
//! let text = signed.to_text().unwrap();
//! assert!(text.starts_with("OFA1~ey") && !text.contains("王小明"));
//! assert_eq!(Attestation::from_text(&text).unwrap(), signed);
//! ```
//!
//! # Verification
//!
//! [`verify`] refuses on the first failure and never returns part of an attestation: its
//! shape, the hall on the trust list, the key its `kid` names (ES256 or another algorithm the
//! trust list binds the key to), the signature, every element one the hall may attest, the
//! dates (not issued in the future, not expired, issued in the key's window), and every value
//! against its digest. Messages name what failed, never a value.
//!
//! Built natively and, with the features `handoff` and `credentials` (which `staff` enables),
//! for WebAssembly; not in the widget's default bundle.

use std::collections::BTreeMap;
use std::fmt;

use base64ct::{Base64UrlUnpadded, Encoding};
use p256::ecdsa::SigningKey;
use p256::ecdsa::signature::Signer;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use zeroize::Zeroizing;

use crate::core::clock::CHINA_OFFSET;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::{Profile, Source};
use crate::core::vault::Random;

use crate::core::credential::CLOCK_SKEW;
use crate::core::credential::alg::Alg;
use crate::core::credential::elements::{Mapped, Target};
use crate::core::credential::sdjwt::Jws;
use crate::core::credential::trust::TrustList;

/// The header `typ` of an attestation.
pub const TYP: &str = "oncefill-attestation+jwt";

/// The format of a hall key's secret text.
pub const KEY_FORMAT: &str = "oncefill-hall-key/1";

/// The largest attestation read, in bytes.
pub const MAX_ATTESTATION_BYTES: usize = 64 * 1024;

/// Why an attestation is not made or refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttestError {
    /// Not an attestation: parts, base64url, JSON or members wrong.
    Malformed,
    /// The hall is not on the trust list.
    UnknownHall,
    /// The trust list has no key of that id for the hall, or its algorithm is another.
    Key,
    /// The signature does not verify.
    Signature,
    /// An element the hall may not attest.
    ElementNotAllowed {
        /// The element (`person.name`; never a value).
        element: String,
    },
    /// Issued in the future.
    NotYetValid,
    /// Expired.
    Expired,
    /// Issued outside the key's validity window.
    KeyValidity,
    /// A value does not match its digest.
    Value {
        /// The element.
        element: String,
    },
    /// No value for an attested element.
    MissingValue {
        /// The element.
        element: String,
    },
    /// The random source failed.
    Randomness,
    /// A hall key's secret text that cannot be read.
    Secret,
}

impl AttestError {
    /// A stable code for machines.
    pub fn code(&self) -> &'static str {
        match self {
            AttestError::Malformed => "malformed",
            AttestError::UnknownHall => "unknown-hall",
            AttestError::Key => "key",
            AttestError::Signature => "signature",
            AttestError::ElementNotAllowed { .. } => "element-not-allowed",
            AttestError::NotYetValid => "not-yet-valid",
            AttestError::Expired => "expired",
            AttestError::KeyValidity => "key-validity",
            AttestError::Value { .. } => "value",
            AttestError::MissingValue { .. } => "missing-value",
            AttestError::Randomness => "randomness",
            AttestError::Secret => "secret",
        }
    }

    /// Why, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("attest-{}", self.code());
        match self {
            AttestError::ElementNotAllowed { element }
            | AttestError::Value { element }
            | AttestError::MissingValue { element } => {
                let name = Target::parse(element).map_or(element.as_str(), |t| {
                    let e = t.key.element();
                    if lang == Lang::ZhCn { e.zh } else { e.en }
                });
                tr(lang, &id, &[("element", Arg::Str(name))])
            }
            _ => tr(lang, &id, &[]),
        }
    }
}

impl fmt::Display for AttestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for AttestError {}

/// A service hall's signing key. `Debug` shows the hall and key id only.
#[derive(Clone)]
pub struct HallKey {
    /// The hall's id, as the trust list names it.
    pub hall: String,
    /// The key's id, as the trust list names it.
    pub kid: String,
    secret: SigningKey,
}

impl fmt::Debug for HallKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HallKey({}, {}, ***)", self.hall, self.kid)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretText {
    format: String,
    hall: String,
    kid: String,
    d: String,
}

impl HallKey {
    /// A new key for `hall`, named `kid`, from `rng` (a draw outside the scalar range, which
    /// has probability below 2⁻³², is drawn again).
    pub fn generate(hall: &str, kid: &str, rng: &mut dyn Random) -> Result<HallKey, AttestError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        for _ in 0..8 {
            rng.fill(&mut bytes[..])
                .map_err(|_| AttestError::Randomness)?;
            if let Ok(secret) = SigningKey::from_slice(&bytes[..]) {
                return Ok(HallKey {
                    hall: hall.to_string(),
                    kid: kid.to_string(),
                    secret,
                });
            }
        }
        Err(AttestError::Randomness)
    }

    /// The secret as the staff's vault keeps it (sensitive: never logged, never shown).
    pub fn secret_text(&self) -> Zeroizing<String> {
        let d = Zeroizing::new(Base64UrlUnpadded::encode_string(&self.secret.to_bytes()));
        let quoted = |t: &str| serde_json::to_string(t).unwrap_or_default();
        Zeroizing::new(format!(
            r#"{{"format":{},"hall":{},"kid":{},"d":"{}"}}"#,
            quoted(KEY_FORMAT),
            quoted(&self.hall),
            quoted(&self.kid),
            d.as_str()
        ))
    }

    /// Reads [`HallKey::secret_text`].
    pub fn from_secret_text(text: &str) -> Result<HallKey, AttestError> {
        let mut wire: SecretText = serde_json::from_str(text).map_err(|_| AttestError::Secret)?;
        let bytes = Zeroizing::new(
            Base64UrlUnpadded::decode_vec(&wire.d).map_err(|_| AttestError::Secret)?,
        );
        zeroize::Zeroize::zeroize(&mut wire.d);
        if wire.format != KEY_FORMAT || wire.hall.is_empty() || wire.kid.is_empty() {
            return Err(AttestError::Secret);
        }
        let secret = SigningKey::from_slice(&bytes).map_err(|_| AttestError::Secret)?;
        Ok(HallKey {
            hall: wire.hall,
            kid: wire.kid,
            secret,
        })
    }

    /// The public key as a JWK (`{"kty": "EC", "crv": "P-256", "x", "y"}`).
    pub fn public_jwk(&self) -> Value {
        let point = self.secret.verifying_key().to_sec1_point(false);
        let bytes = point.as_bytes();
        let (x, y) = bytes.get(1..33).zip(bytes.get(33..65)).unwrap_or_default();
        json!({
            "kty": "EC",
            "crv": "P-256",
            "x": Base64UrlUnpadded::encode_string(x),
            "y": Base64UrlUnpadded::encode_string(y),
        })
    }

    /// The key as the trust list lists it: `{"kid", "alg": "ES256", "jwk"}`.
    pub fn trust_key(&self) -> Value {
        json!({"kid": self.kid, "alg": Alg::Es256.name(), "jwk": self.public_jwk()})
    }
}

/// A signed attestation with the salts of its digests. `Debug` shows no salt.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    /// The signed JWS (no value in it).
    pub token: String,
    /// Element (`person.name`, `legal_rep:person.name`) → the salt of its digest.
    pub salts: BTreeMap<String, String>,
}

impl fmt::Debug for Attestation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attestation")
            .field("elements", &self.salts.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// The first part of an attestation's text ([`Attestation::to_text`]).
pub const TEXT_PREFIX: &str = "OFA1";

/// The `element` members of a token's payload, in order (`None`: not a readable token).
fn payload_elements(token: &str) -> Option<Vec<String>> {
    let jws = Jws::parse(token).ok()?;
    let Some(Value::Array(elements)) = jws.payload.get("elements") else {
        return None;
    };
    elements
        .iter()
        .map(|e| e.get("element").and_then(Value::as_str).map(str::to_string))
        .collect()
}

impl Attestation {
    /// The attestation as one text for a QR code or a URL's fragment: `OFA1~<JWS>~<salt>…`,
    /// the salts in the order of the payload's elements (see the module's documentation).
    pub fn to_text(&self) -> Result<String, AttestError> {
        let elements = payload_elements(&self.token).ok_or(AttestError::Malformed)?;
        if elements.len() != self.salts.len() {
            return Err(AttestError::Malformed);
        }
        let mut text = format!("{TEXT_PREFIX}~{}", self.token);
        for element in &elements {
            let salt = self.salts.get(element).ok_or(AttestError::Malformed)?;
            text.push('~');
            text.push_str(salt);
        }
        if text.len() > MAX_ATTESTATION_BYTES {
            return Err(AttestError::Malformed);
        }
        Ok(text)
    }

    /// Reads [`Attestation::to_text`] (surrounding spaces ignored). The signature and the
    /// values are not checked here: that is [`verify`]'s.
    pub fn from_text(text: &str) -> Result<Attestation, AttestError> {
        let text = text.trim();
        if text.len() > MAX_ATTESTATION_BYTES {
            return Err(AttestError::Malformed);
        }
        let mut parts = text.split('~');
        if parts.next() != Some(TEXT_PREFIX) {
            return Err(AttestError::Malformed);
        }
        let token = parts.next().ok_or(AttestError::Malformed)?;
        let elements = payload_elements(token).ok_or(AttestError::Malformed)?;
        let salts: Vec<&str> = parts.collect();
        if elements.is_empty() || salts.len() != elements.len() {
            return Err(AttestError::Malformed);
        }
        let mut map = BTreeMap::new();
        for (element, salt) in elements.into_iter().zip(salts) {
            if salt.is_empty()
                || salt.len() > 64
                || Base64UrlUnpadded::decode_vec(salt).is_err()
                || map.insert(element, salt.to_string()).is_some()
            {
                return Err(AttestError::Malformed);
            }
        }
        Ok(Attestation {
            token: token.to_string(),
            salts: map,
        })
    }
}

/// The digest of one element's value: base64url SHA-256 of the JSON array `[salt, element,
/// value]`.
pub fn value_digest(salt: &str, element: &str, value: &str) -> String {
    let text = Zeroizing::new(json!([salt, element, value]).to_string());
    Base64UrlUnpadded::encode_string(&Sha256::digest(text.as_bytes()))
}

fn b64_json(value: &Value) -> String {
    Base64UrlUnpadded::encode_string(value.to_string().as_bytes())
}

/// Signs an attestation of `items` (each an element and the value staff checked against the
/// original) with `key` at `now`, valid for `valid_for`. Salts come from `rng`.
pub fn attest(
    key: &HallKey,
    items: &[(Target, &str)],
    now: OffsetDateTime,
    valid_for: Duration,
    rng: &mut dyn Random,
) -> Result<Attestation, AttestError> {
    let mut salts = BTreeMap::new();
    let mut elements = Vec::new();
    for (target, value) in items {
        let element = target.id();
        if salts.contains_key(&element) {
            continue;
        }
        let mut raw = [0u8; 16];
        rng.fill(&mut raw).map_err(|_| AttestError::Randomness)?;
        let salt = Base64UrlUnpadded::encode_string(&raw);
        elements.push(json!({"element": element, "digest": value_digest(&salt, &element, value)}));
        salts.insert(element, salt);
    }
    let header = json!({"alg": Alg::Es256.name(), "typ": TYP, "kid": key.kid});
    let payload = json!({
        "iss": key.hall,
        "iat": now.unix_timestamp(),
        "exp": (now + valid_for).unix_timestamp(),
        "date": now.to_offset(CHINA_OFFSET).date().to_string(),
        "elements": elements,
    });
    let signing_input = format!("{}.{}", b64_json(&header), b64_json(&payload));
    let signature: p256::ecdsa::Signature = key.secret.sign(signing_input.as_bytes());
    let token = format!(
        "{signing_input}.{}",
        Base64UrlUnpadded::encode_string(&signature.to_bytes())
    );
    Ok(Attestation { token, salts })
}

/// A verified attestation: the hall, the date, and the values it attests, ready for
/// [`crate::core::credential::import::preview`] with [`AttestedValues::source`].
#[derive(Clone)]
pub struct AttestedValues {
    /// The hall's id.
    pub hall: String,
    /// The hall's name in Chinese.
    pub hall_name_zh: String,
    /// The hall's name in English.
    pub hall_name_en: String,
    /// The date staff checked the documents (China's calendar, `YYYY-MM-DD`).
    pub date: String,
    /// When it expires.
    pub expires: OffsetDateTime,
    /// The attested elements with the values that matched.
    pub elements: Vec<Mapped>,
}

impl fmt::Debug for AttestedValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "AttestedValues({}, {}, {:?})",
            self.hall, self.date, self.elements
        )
    }
}

impl AttestedValues {
    /// The provenance the profile records: staff-verified by this hall on this date.
    pub fn source(&self) -> Source {
        Source::StaffVerified {
            hall: self.hall.clone(),
            date: self.date.clone(),
        }
    }
}

fn text<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    map.get(name).and_then(Value::as_str)
}

fn instant(map: &Map<String, Value>, name: &str) -> Result<OffsetDateTime, AttestError> {
    map.get(name)
        .and_then(Value::as_i64)
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .ok_or(AttestError::Malformed)
}

/// The profile's current values of the elements `attestation` names (the owner's, the first
/// firm's, the legal representative's), to give [`verify`].
pub fn values_from(attestation: &Attestation, profile: &Profile) -> Vec<(Target, String)> {
    attestation
        .salts
        .keys()
        .filter_map(|element| {
            let target = Target::parse(element)?;
            let role = target
                .legal_rep
                .then(|| crate::core::role::RoleRef::new(crate::core::role::Role::LegalRep));
            let values = match (role, target.key.element().group) {
                (_, crate::core::dictionary::Group::Firm) => &profile.firms.first()?.values,
                (None, _) => &profile.owner()?.values,
                (Some(role), _) => profile.role_values(role)?.0,
            };
            Some((target, values.text(target.key)?.to_string()))
        })
        .collect()
}

/// Verifies `attestation` at `now` against the trust list and `values` (each attested
/// element's value, e.g. [`values_from`] the profile, or the values handed to the desk).
pub fn verify(
    attestation: &Attestation,
    values: &[(Target, String)],
    trust: &TrustList,
    now: OffsetDateTime,
) -> Result<AttestedValues, AttestError> {
    let token = attestation.token.trim();
    if token.len() > MAX_ATTESTATION_BYTES {
        return Err(AttestError::Malformed);
    }
    let jws = Jws::parse(token).map_err(|_| AttestError::Malformed)?;
    if text(&jws.header, "typ") != Some(TYP) || jws.header.contains_key("crit") {
        return Err(AttestError::Malformed);
    }
    let alg = text(&jws.header, "alg")
        .and_then(Alg::from_name)
        .ok_or(AttestError::Key)?;
    let hall_id = text(&jws.payload, "iss").ok_or(AttestError::Malformed)?;
    let hall = trust.issuer(hall_id).ok_or(AttestError::UnknownHall)?;
    let key = hall.key(text(&jws.header, "kid")).ok_or(AttestError::Key)?;
    if key.key.alg() != alg {
        return Err(AttestError::Key);
    }
    if !key.key.verify(jws.signing_input.as_bytes(), &jws.signature) {
        return Err(AttestError::Signature);
    }

    let issued = instant(&jws.payload, "iat")?;
    let expires = instant(&jws.payload, "exp")?;
    let date = text(&jws.payload, "date")
        .filter(|d| {
            time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
        })
        .ok_or(AttestError::Malformed)?;
    let Some(Value::Array(elements)) = jws.payload.get("elements") else {
        return Err(AttestError::Malformed);
    };
    let mut attested: Vec<(Target, &str)> = Vec::new();
    for e in elements {
        let (Some(element), Some(digest)) = (
            e.get("element").and_then(Value::as_str),
            e.get("digest").and_then(Value::as_str),
        ) else {
            return Err(AttestError::Malformed);
        };
        let target = Target::parse(element).ok_or(AttestError::Malformed)?;
        if attested.iter().any(|(t, _)| *t == target) {
            return Err(AttestError::Malformed);
        }
        if !hall.may_attest(element) {
            return Err(AttestError::ElementNotAllowed {
                element: element.to_string(),
            });
        }
        attested.push((target, digest));
    }
    if attested.is_empty() {
        return Err(AttestError::Malformed);
    }
    if issued > now + CLOCK_SKEW {
        return Err(AttestError::NotYetValid);
    }
    if expires <= now - CLOCK_SKEW {
        return Err(AttestError::Expired);
    }
    if key.valid_from.is_some_and(|t| issued < t) || key.valid_until.is_some_and(|t| issued > t) {
        return Err(AttestError::KeyValidity);
    }

    let mut out = Vec::new();
    for (target, digest) in attested {
        let element = target.id();
        let Some((_, value)) = values.iter().find(|(t, _)| *t == target) else {
            return Err(AttestError::MissingValue { element });
        };
        let Some(salt) = attestation.salts.get(&element) else {
            return Err(AttestError::Malformed);
        };
        if value_digest(salt, &element, value) != digest {
            return Err(AttestError::Value { element });
        }
        out.push(Mapped {
            claim: element,
            target,
            value: value.clone(),
            problem: None,
        });
    }
    Ok(AttestedValues {
        hall: hall.id.clone(),
        hall_name_zh: hall.name_zh.clone(),
        hall_name_en: hall.name_en.clone(),
        date: date.to_string(),
        expires,
        elements: out,
    })
}

#[cfg(test)]
mod tests;
