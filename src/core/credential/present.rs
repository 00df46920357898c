//! Presenting a credential in part (RFC 9901 §4): the issuer-signed JWT with only the
//! disclosures of the elements the holder chose, `<JWT>~<disclosure>~…~`, never the others.
//!
//! The holder's own copy is verified first (a credential that no longer verifies, expired
//! say, is not presented); a claim is disclosed only when the element it fills is chosen and
//! the value handed over is the credential's, in the element's normal form. A disclosed claim
//! that hides claims of its own (RFC 9901 §4.2.6) brings their disclosures along, since the
//! verifier refuses a child without its parent and the parent without its children would say
//! less than the holder chose.

use std::collections::BTreeSet;

use serde_json::Value;
use time::OffsetDateTime;

use super::sdjwt::{Compact, Jws, b64, digest};
use super::trust::TrustList;
use super::{CredentialError, Policy, verify};
use crate::core::check::{Context, check};
use crate::core::clock::CHINA_OFFSET;
use crate::core::dictionary::Key;

/// A value of `key` in its normal form (the element's check), for comparing a credential's
/// value with the profile's; `None` when the check refuses it.
pub fn normal(key: Key, value: &str, today: time::Date) -> Option<String> {
    let checked = check(key, value, &Context::on(today)).ok()?;
    checked.value.as_text().map(str::to_string)
}

/// The presentation of `credential` (the holder's compact SD-JWT, as issued) disclosing the
/// claims that fill the chosen `elements` of the credential's subject (each element with the
/// value being handed over), at `now`, with the elements it vouches for. `Ok(None)` when none
/// of them is this credential's (or its value differs from the credential's); a refusal when
/// the credential does not verify.
pub fn present(
    credential: &str,
    trust: &TrustList,
    elements: &[(Key, &str)],
    now: OffsetDateTime,
) -> Result<Option<(String, Vec<Key>)>, CredentialError> {
    let credential = credential.trim();
    let verified = verify(credential, trust, &Policy::Issued, now)?;
    let today = now.to_offset(CHINA_OFFSET).date();
    // The chosen elements whose value is the credential's, and their claims.
    let vouched: Vec<_> = verified
        .elements
        .iter()
        .filter(|m| !m.target.legal_rep && m.problem.is_none())
        .filter(|m| {
            elements.iter().any(|(key, value)| {
                *key == m.target.key
                    && normal(*key, &m.value, today).as_deref()
                        == normal(*key, value, today).as_deref()
            })
        })
        .collect();
    let claims: BTreeSet<&str> = vouched.iter().flat_map(|m| m.claim.split('+')).collect();
    if claims.is_empty() {
        return Ok(None);
    }
    let compact = Compact::parse(credential)?;
    let jws = Jws::parse(compact.jwt)?;
    let decoded: Vec<(String, Value)> = compact
        .disclosures
        .iter()
        .map(|d| {
            let value = b64(d)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
                .unwrap_or(Value::Null);
            (digest(d), value)
        })
        .collect();
    // The top level's digests, then the chosen claims among them, then what those hide.
    let mut wanted = BTreeSet::new();
    digests_in(&Value::Object(jws.payload), &mut wanted, false);
    let mut chosen: BTreeSet<&str> = decoded
        .iter()
        .filter(|(d, v)| {
            wanted.contains(d)
                && v.get(1)
                    .and_then(Value::as_str)
                    .is_some_and(|n| claims.contains(n))
        })
        .map(|(d, _)| d.as_str())
        .collect();
    loop {
        let mut inner = BTreeSet::new();
        for (d, v) in &decoded {
            if chosen.contains(d.as_str())
                && let Some(value) = v.as_array().and_then(|a| a.last())
            {
                digests_in(value, &mut inner, true);
            }
        }
        let before = chosen.len();
        chosen.extend(
            decoded
                .iter()
                .filter(|(d, _)| inner.contains(d))
                .map(|(d, _)| d.as_str()),
        );
        if chosen.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(credential.len());
    out.push_str(compact.jwt);
    out.push('~');
    for (d, (hash, _)) in compact.disclosures.iter().zip(&decoded) {
        if chosen.contains(hash.as_str()) {
            out.push_str(d);
            out.push('~');
        }
    }
    Ok(Some((out, vouched.iter().map(|m| m.target.key).collect())))
}

/// The digests a value holds: its `_sd` arrays and `{"...": digest}` array elements, at the
/// top only or (`deep`) at every level.
fn digests_in(value: &Value, out: &mut BTreeSet<String>, deep: bool) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(sd)) = map.get("_sd") {
                out.extend(sd.iter().filter_map(Value::as_str).map(str::to_string));
            }
            if deep {
                map.values().for_each(|v| digests_in(v, out, true));
            }
        }
        Value::Array(items) if deep => {
            for item in items {
                if let Some(d) = item.get("...").and_then(Value::as_str) {
                    out.insert(d.to_string());
                }
                digests_in(item, out, true);
            }
        }
        _ => {}
    }
}
