//! The trust list: which issuers this deployment believes, with which keys, for which
//! credential types and which elements.
//!
//! # Format (`trust-list/1`)
//!
//! A JSON object; the JSON Schema is `www/schema/trust.schema.json`, the demo list
//! `www/trust/demo-trust.json`.
//!
//! | member | type | meaning |
//! |---|---|---|
//! | `format` | `"trust-list/1"` | this format |
//! | `list_id` | string | names the list, e.g. `demo-oncefill` |
//! | `sequence` | integer ≥ 0 | grows with every new edition of the list |
//! | `issued_at`, `next_update` | RFC 3339 date-time | the edition's date, and when a newer one is due |
//! | `demo` | boolean, default false | a list for demonstrations and tests only; every issuer on it is shown as a demo |
//! | `issuers` | array of Issuer, at least one | |
//!
//! Issuer: `id` (the credentials' `iss`, unique in the list), `name` (`{"zh-CN": …, "en": …}`,
//! zh-CN required), optional `country`, `demo` (boolean), `keys` (at least one) and
//! `credentials` (at least one).
//!
//! Key: `kid` (unique for its issuer), `alg` (`ES256`, `Ed25519`/`EdDSA` or `SM2-SM3`: the only
//! algorithm the key may verify), `jwk` (the public key, see [`super::alg`]), for SM2 an
//! optional `sm2_user_id` (default `1234567812345678`), optional `valid_from` and
//! `valid_until` (RFC 3339): the key verifies only credentials issued in that window.
//!
//! Credential type: `format` (`dc+sd-jwt`), `vct` (the credential type ids this issuer may
//! issue), `claims` (the claim names it may attest; any other claim refuses the credential),
//! optional `required_validity` (subset of `iat`, `nbf`, `exp`: a credential without them is
//! refused), `key_binding` (`required`, `optional` (default) or `never`) and `profile_map` (claim
//! name → profile element, such as `person.hukou_address`, or `legal_rep:person.name` for the
//! element of the firm's legal representative; it overrides the built-in map of
//! [`super::elements`]).
//!
//! A service hall that attests elements after checking the original documents (一窗受理, see
//! [`crate::core::handoff::attest`]) is an issuer too: its credential type has `format`
//! `oncefill-attestation/1`, no `vct`, and `claims` listing the profile elements it may attest
//! (`person.name`, `legal_rep:person.name`, …); `required_validity`, `key_binding` and
//! `profile_map` do not apply to it.
//!
//! The list itself is a deployment file: the operator signs and pins it; this module checks its
//! content.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::alg::{Alg, PublicKey, SM2_DEFAULT_USER_ID};
use super::elements::Target;
use crate::core::i18n::{Arg, Lang, tr};

/// The largest trust list read, in bytes.
pub const MAX_TRUST_LIST_BYTES: usize = 1 << 20;

/// The format id of this version of the trust list.
pub const FORMAT: &str = "trust-list/1";

/// Whether a credential type must, may or must not come with key binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyBinding {
    /// Only a presentation with a valid KB-JWT is accepted.
    Required,
    /// Key binding is the verifier's choice.
    Optional,
    /// A presentation with a KB-JWT is refused.
    Never,
}

/// An issuer's key.
#[derive(Clone, Debug)]
pub struct IssuerKey {
    /// Key id, the credential header's `kid`.
    pub kid: String,
    /// The key, bound to one algorithm.
    pub key: PublicKey,
    /// Credentials issued before this are not verified by the key.
    pub valid_from: Option<OffsetDateTime>,
    /// Credentials issued after this are not verified by the key.
    pub valid_until: Option<OffsetDateTime>,
}

/// The format of a credential type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialFormat {
    /// An SD-JWT VC (`dc+sd-jwt`).
    SdJwtVc,
    /// A service hall's attestation of elements (`oncefill-attestation/1`, [`crate::core::handoff::attest`]).
    StaffAttestation,
}

/// The `format` of a service hall's attestations in the trust list.
pub const ATTESTATION_FORMAT: &str = "oncefill-attestation/1";

/// A type of credential an issuer may issue.
#[derive(Clone, Debug)]
pub struct CredentialType {
    /// Its format.
    pub format: CredentialFormat,
    /// The `vct` values.
    pub vct: Vec<String>,
    /// The claims the issuer may attest.
    pub claims: Vec<String>,
    /// Validity claims a credential must carry.
    pub required_validity: Vec<String>,
    /// The key-binding rule.
    pub key_binding: KeyBinding,
    /// Claim name → profile element, over the built-in map.
    pub profile_map: BTreeMap<String, Target>,
}

/// An issuer on the list.
#[derive(Clone, Debug)]
pub struct Issuer {
    /// The credentials' `iss`.
    pub id: String,
    /// Name in Chinese.
    pub name_zh: String,
    /// Name in English (the Chinese one when the list gives none).
    pub name_en: String,
    /// A demonstration issuer.
    pub demo: bool,
    /// Its keys.
    pub keys: Vec<IssuerKey>,
    /// What it may issue.
    pub credentials: Vec<CredentialType>,
}

/// A checked trust list.
#[derive(Clone, Debug)]
pub struct TrustList {
    /// The list's name.
    pub list_id: String,
    /// Its edition.
    pub sequence: u64,
    /// When a newer edition is due.
    pub next_update: OffsetDateTime,
    /// A demonstration list.
    pub demo: bool,
    /// The issuers.
    pub issuers: Vec<Issuer>,
}

/// What is wrong with a trust list. Places count from 1; no key material is quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrustError {
    /// Not JSON of the list's shape (or too large).
    Shape,
    /// Another format than `trust-list/1`.
    Format,
    /// A date that is not RFC 3339, or `next_update` before `issued_at`.
    Date,
    /// No issuer.
    NoIssuers,
    /// An issuer id used twice, or empty.
    IssuerId {
        /// Place of the issuer.
        issuer: usize,
    },
    /// An issuer with no Chinese name.
    IssuerName {
        /// Place of the issuer.
        issuer: usize,
    },
    /// An issuer without keys or without credential types.
    IssuerEmpty {
        /// Place of the issuer.
        issuer: usize,
    },
    /// A key id used twice for one issuer, or empty.
    Kid {
        /// Place of the issuer.
        issuer: usize,
        /// Place of the key.
        key: usize,
    },
    /// An algorithm that is not verified (`none`, HMAC, unknown).
    Alg {
        /// Place of the issuer.
        issuer: usize,
        /// Place of the key.
        key: usize,
    },
    /// A JWK that is not a public key of the key's algorithm, or a key window that is wrong.
    Key {
        /// Place of the issuer.
        issuer: usize,
        /// Place of the key.
        key: usize,
    },
    /// A credential type that is not `dc+sd-jwt`, without `vct` or claims, or with an unknown
    /// validity claim or key-binding rule.
    Credential {
        /// Place of the issuer.
        issuer: usize,
        /// Place of the credential type.
        credential: usize,
    },
    /// A `profile_map` target that is not a profile element.
    Target {
        /// Place of the issuer.
        issuer: usize,
        /// The claim whose target is wrong.
        claim: String,
    },
}

impl TrustError {
    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: usize| Arg::Num(i64::try_from(v).unwrap_or(i64::MAX) + 1);
        match self {
            TrustError::Shape => tr(lang, "trust-shape", &[]),
            TrustError::Format => tr(lang, "trust-format", &[]),
            TrustError::Date => tr(lang, "trust-date", &[]),
            TrustError::NoIssuers => tr(lang, "trust-no-issuers", &[]),
            TrustError::IssuerId { issuer } => tr(lang, "trust-issuer-id", &[("n", n(*issuer))]),
            TrustError::IssuerName { issuer } => {
                tr(lang, "trust-issuer-name", &[("n", n(*issuer))])
            }
            TrustError::IssuerEmpty { issuer } => {
                tr(lang, "trust-issuer-empty", &[("n", n(*issuer))])
            }
            TrustError::Kid { issuer, key } => {
                tr(lang, "trust-kid", &[("n", n(*issuer)), ("k", n(*key))])
            }
            TrustError::Alg { issuer, key } => {
                tr(lang, "trust-alg", &[("n", n(*issuer)), ("k", n(*key))])
            }
            TrustError::Key { issuer, key } => {
                tr(lang, "trust-key", &[("n", n(*issuer)), ("k", n(*key))])
            }
            TrustError::Credential { issuer, credential } => tr(
                lang,
                "trust-credential",
                &[("n", n(*issuer)), ("k", n(*credential))],
            ),
            TrustError::Target { issuer, claim } => tr(
                lang,
                "trust-target",
                &[("n", n(*issuer)), ("claim", Arg::Str(claim))],
            ),
        }
    }
}

impl std::fmt::Display for TrustError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for TrustError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireList {
    format: String,
    list_id: String,
    sequence: u64,
    issued_at: String,
    next_update: String,
    #[serde(default)]
    demo: bool,
    issuers: Vec<WireIssuer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireIssuer {
    id: String,
    name: BTreeMap<String, String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    demo: bool,
    keys: Vec<WireKey>,
    credentials: Vec<WireCredential>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireKey {
    kid: String,
    alg: String,
    jwk: Value,
    #[serde(default)]
    sm2_user_id: Option<String>,
    #[serde(default)]
    valid_from: Option<String>,
    #[serde(default)]
    valid_until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCredential {
    format: String,
    #[serde(default)]
    vct: Vec<String>,
    claims: Vec<String>,
    #[serde(default)]
    required_validity: Vec<String>,
    #[serde(default)]
    key_binding: Option<String>,
    #[serde(default)]
    profile_map: BTreeMap<String, String>,
}

fn date(text: &str) -> Result<OffsetDateTime, TrustError> {
    OffsetDateTime::parse(text, &Rfc3339).map_err(|_| TrustError::Date)
}

fn optional_date(text: Option<&String>) -> Option<Result<OffsetDateTime, TrustError>> {
    text.map(|t| date(t))
}

impl TrustList {
    /// Reads and checks a trust list.
    pub fn from_json(json: &str) -> Result<TrustList, TrustError> {
        if json.len() > MAX_TRUST_LIST_BYTES {
            return Err(TrustError::Shape);
        }
        let wire: WireList = serde_json::from_str(json).map_err(|_| TrustError::Shape)?;
        if wire.format != FORMAT {
            return Err(TrustError::Format);
        }
        let issued_at = date(&wire.issued_at)?;
        let next_update = date(&wire.next_update)?;
        if next_update < issued_at {
            return Err(TrustError::Date);
        }
        if wire.issuers.is_empty() {
            return Err(TrustError::NoIssuers);
        }
        let mut issuers: Vec<Issuer> = Vec::new();
        for (i, w) in wire.issuers.into_iter().enumerate() {
            if w.id.trim().is_empty() || issuers.iter().any(|o| o.id == w.id) {
                return Err(TrustError::IssuerId { issuer: i });
            }
            let name_zh = match w.name.get("zh-CN") {
                Some(n) if !n.trim().is_empty() => n.clone(),
                _ => return Err(TrustError::IssuerName { issuer: i }),
            };
            let name_en = w.name.get("en").cloned().unwrap_or_else(|| name_zh.clone());
            if w.keys.is_empty() || w.credentials.is_empty() {
                return Err(TrustError::IssuerEmpty { issuer: i });
            }
            let _ = w.country;
            let mut keys: Vec<IssuerKey> = Vec::new();
            for (k, key) in w.keys.into_iter().enumerate() {
                let place = (i, k);
                if key.kid.is_empty() || keys.iter().any(|o| o.kid == key.kid) {
                    return Err(TrustError::Kid {
                        issuer: place.0,
                        key: place.1,
                    });
                }
                let alg = Alg::from_name(&key.alg).ok_or(TrustError::Alg { issuer: i, key: k })?;
                let user_id = key.sm2_user_id.as_deref().unwrap_or(SM2_DEFAULT_USER_ID);
                let public = PublicKey::from_jwk(alg, &key.jwk, user_id)
                    .ok_or(TrustError::Key { issuer: i, key: k })?;
                let valid_from = optional_date(key.valid_from.as_ref()).transpose()?;
                let valid_until = optional_date(key.valid_until.as_ref()).transpose()?;
                if let (Some(from), Some(until)) = (valid_from, valid_until)
                    && until < from
                {
                    return Err(TrustError::Key { issuer: i, key: k });
                }
                keys.push(IssuerKey {
                    kid: key.kid,
                    key: public,
                    valid_from,
                    valid_until,
                });
            }
            let mut credentials = Vec::new();
            for (c, cred) in w.credentials.into_iter().enumerate() {
                let wrong = TrustError::Credential {
                    issuer: i,
                    credential: c,
                };
                let validity_ok = cred
                    .required_validity
                    .iter()
                    .all(|v| matches!(v.as_str(), "iat" | "nbf" | "exp"));
                if cred.format == ATTESTATION_FORMAT {
                    let plain = cred.required_validity.is_empty()
                        && cred.key_binding.is_none()
                        && cred.profile_map.is_empty()
                        && cred.vct.is_empty()
                        && !cred.claims.is_empty();
                    if !plain {
                        return Err(wrong);
                    }
                    if let Some(claim) = cred.claims.iter().find(|c| Target::parse(c).is_none()) {
                        return Err(TrustError::Target {
                            issuer: i,
                            claim: claim.clone(),
                        });
                    }
                    credentials.push(CredentialType {
                        format: CredentialFormat::StaffAttestation,
                        vct: Vec::new(),
                        claims: cred.claims,
                        required_validity: Vec::new(),
                        key_binding: KeyBinding::Never,
                        profile_map: BTreeMap::new(),
                    });
                    continue;
                }
                if cred.format != "dc+sd-jwt"
                    || cred.vct.is_empty()
                    || cred.vct.iter().any(|v| v.trim().is_empty())
                    || cred.claims.is_empty()
                    || !validity_ok
                {
                    return Err(wrong);
                }
                let key_binding = match cred.key_binding.as_deref() {
                    None | Some("optional") => KeyBinding::Optional,
                    Some("required") => KeyBinding::Required,
                    Some("never") => KeyBinding::Never,
                    Some(_) => return Err(wrong),
                };
                let mut profile_map = BTreeMap::new();
                for (claim, target) in cred.profile_map {
                    let Some(t) = Target::parse(&target) else {
                        return Err(TrustError::Target { issuer: i, claim });
                    };
                    if !cred.claims.contains(&claim) {
                        return Err(TrustError::Target { issuer: i, claim });
                    }
                    profile_map.insert(claim, t);
                }
                credentials.push(CredentialType {
                    format: CredentialFormat::SdJwtVc,
                    vct: cred.vct,
                    claims: cred.claims,
                    required_validity: cred.required_validity,
                    key_binding,
                    profile_map,
                });
            }
            issuers.push(Issuer {
                id: w.id,
                name_zh,
                name_en,
                demo: w.demo || wire.demo,
                keys,
                credentials,
            });
        }
        Ok(TrustList {
            list_id: wire.list_id,
            sequence: wire.sequence,
            next_update,
            demo: wire.demo,
            issuers,
        })
    }

    /// The issuer a credential's `iss` names.
    pub fn issuer(&self, id: &str) -> Option<&Issuer> {
        self.issuers.iter().find(|i| i.id == id)
    }
}

impl Issuer {
    /// The key a credential header's `kid` names; the only key when the header names none
    /// and the issuer has one.
    pub fn key(&self, kid: Option<&str>) -> Option<&IssuerKey> {
        match kid {
            Some(kid) => self.keys.iter().find(|k| k.kid == kid),
            None if self.keys.len() == 1 => self.keys.first(),
            None => None,
        }
    }

    /// The SD-JWT VC credential type a `vct` names.
    pub fn credential(&self, vct: &str) -> Option<&CredentialType> {
        self.credentials
            .iter()
            .filter(|c| c.format == CredentialFormat::SdJwtVc)
            .find(|c| c.vct.iter().any(|v| v == vct))
    }

    /// Whether the issuer is a service hall that may attest the element `target`
    /// (`person.name`, `legal_rep:person.name`).
    pub fn may_attest(&self, target: &str) -> bool {
        self.credentials
            .iter()
            .filter(|c| c.format == CredentialFormat::StaffAttestation)
            .any(|c| c.claims.iter().any(|e| e == target))
    }

    /// The issuer's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.name_zh,
            _ => &self.name_en,
        }
    }
}
