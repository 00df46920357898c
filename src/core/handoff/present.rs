//! Signed credentials in the hand-off: the citizen's app presents the chosen elements of the
//! applicant's credentials ([`presentations`]), and the desk verifies each presentation with
//! the same verifier and trust list as an import, against the values handed over ([`check`]).
//!
//! On the desk a presentation is accepted whole or not at all: it must verify
//! ([`crate::core::credential::verify`]), and every element it discloses must be one of the
//! applicant's elements in the payload with the same value (in the element's normal form).
//! Then those elements are marked as verified by the credential (the source a profile records
//! on import, so the desk's editor shows the same badge). A refused presentation changes
//! nothing: the values handed over stay, as the person's own declaration, and the refusal's
//! reason is shown (never a value), so the clerk checks the original document.

use std::fmt;

use time::OffsetDateTime;

use super::{Item, MAX_PRESENTATIONS, Received};
use crate::core::clock::CHINA_OFFSET;
use crate::core::credential::present::{normal, present};
use crate::core::credential::trust::TrustList;
use crate::core::credential::{CredentialError, Policy, verify};
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, Lang, tr};

/// The presentations of the applicant's elements among `items` from the profile's
/// `credentials` (each verified first; one that no longer verifies, or holds none of them,
/// is left out), at most [`MAX_PRESENTATIONS`]. The newest credential (the last kept) is
/// presented first, and an older one only for elements the newer ones do not vouch for (a
/// renewed ID card's credential and the old one are not both sent).
pub fn presentations(
    credentials: &[String],
    items: &[Item],
    trust: &TrustList,
    now: OffsetDateTime,
) -> Vec<String> {
    let mut left: Vec<(Key, &str)> = items
        .iter()
        .filter(|i| i.role.is_none())
        .map(|i| (i.key, i.value()))
        .collect();
    let mut out = Vec::new();
    for credential in credentials.iter().rev() {
        if left.is_empty() || out.len() == MAX_PRESENTATIONS {
            break;
        }
        if let Ok(Some((presentation, keys))) = present(credential, trust, &left, now) {
            left.retain(|(key, _)| !keys.contains(key));
            out.push(presentation);
        }
    }
    out
}

/// Why the desk refused a presentation. Messages name an element at most, never a value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// It does not verify (signature, issuer, dates, disclosures, …).
    Credential(CredentialError),
    /// It discloses an element whose value differs from the one handed over.
    Mismatch {
        /// The element.
        key: Key,
    },
    /// It discloses an element that was not handed over for the applicant.
    NotHandedOver {
        /// The element.
        key: Key,
    },
    /// It discloses no element.
    Empty,
}

impl Refusal {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Credential(e) => e.code(),
            Refusal::Mismatch { .. } => "presentation-mismatch",
            Refusal::NotHandedOver { .. } => "presentation-not-handed-over",
            Refusal::Empty => "presentation-empty",
        }
    }

    /// Why, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let element = |key: Key| match lang {
            Lang::ZhCn => key.element().zh,
            Lang::En => key.element().en,
        };
        match self {
            Refusal::Credential(e) => e.message(lang),
            Refusal::Mismatch { key } | Refusal::NotHandedOver { key } => tr(
                lang,
                &format!("handoff-{}", self.code()),
                &[("element", Arg::Str(element(*key)))],
            ),
            Refusal::Empty => tr(lang, "handoff-presentation-empty", &[]),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A presentation the desk accepted: who vouches, when, how, and for which elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vouched {
    /// The issuer's id.
    pub issuer: String,
    /// The issuer's name in Chinese.
    pub issuer_zh: String,
    /// The issuer's name in English.
    pub issuer_en: String,
    /// The credential's issue date (China's calendar), as the badge shows it.
    pub issued: String,
    /// The signature algorithm (`ES256`, `Ed25519`, `SM2-SM3`).
    pub alg: &'static str,
    /// A demonstration issuer or trust list.
    pub demo: bool,
    /// The applicant's elements it verified.
    pub keys: Vec<Key>,
}

/// The desk's verdict on one presentation, in the payload's order.
pub type Outcome = Result<Vouched, Refusal>;

/// Verifies each presentation `received` carries against `trust` at `now` (Unix seconds) and
/// the applicant's values handed over; marks the elements of each accepted one as verified
/// by its credential.
pub fn check(received: &mut Received, trust: &TrustList, now: i64) -> Vec<Outcome> {
    let now = OffsetDateTime::from_unix_timestamp(now).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let today = now.to_offset(CHINA_OFFSET).date();
    let presentations = std::mem::take(&mut received.presentations);
    let outcomes = presentations
        .iter()
        .map(|p| {
            let verified =
                verify(p.text(), trust, &Policy::Issued, now).map_err(Refusal::Credential)?;
            let mut keys = Vec::new();
            for m in &verified.elements {
                let key = m.target.key;
                let item = received
                    .items
                    .iter()
                    .position(|i| i.role.is_none() && i.key == key && !m.target.legal_rep)
                    .ok_or(Refusal::NotHandedOver { key })?;
                let same = m.problem.is_none()
                    && normal(key, &m.value, today).as_deref()
                        == Some(received.items[item].value());
                if !same {
                    return Err(Refusal::Mismatch { key });
                }
                keys.push(item);
            }
            if keys.is_empty() {
                return Err(Refusal::Empty);
            }
            let source = verified.source();
            for &i in &keys {
                received.items[i]
                    .verified
                    .get_or_insert_with(|| source.clone());
            }
            let issued = match &source {
                crate::core::profile::Source::Credential { issued, .. } => issued.clone(),
                _ => String::new(),
            };
            Ok(Vouched {
                issuer: verified.issuer.clone(),
                issuer_zh: verified.issuer_name_zh.clone(),
                issuer_en: verified.issuer_name_en.clone(),
                issued,
                alg: verified.alg.name(),
                demo: verified.demo,
                keys: keys.iter().map(|&i| received.items[i].key).collect(),
            })
        })
        .collect();
    received.presentations = presentations;
    outcomes
}
