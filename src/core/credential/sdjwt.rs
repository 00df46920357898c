//! SD-JWT (RFC 9901): the compact serialization, disclosures and their digests.
//!
//! `<issuer-signed JWT>~<disclosure>~…~<disclosure>~[<KB-JWT>]`. A disclosure is the base64url
//! of a JSON array, `[salt, name, value]` for an object member and `[salt, value]` for an array
//! element; its digest is the base64url SHA-256 of the disclosure's own base64url text
//! (§4.2.3). The issuer-signed payload holds the digests in `_sd` arrays and `{"...": digest}`
//! array elements; processing (§7.1) puts every disclosed value in its place, drops the
//! digests that match no disclosure (decoys and withheld claims) and refuses a disclosure
//! referenced twice or not at all.

use std::collections::{BTreeMap, BTreeSet};

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::CredentialError;

/// The largest credential read, in bytes.
pub const MAX_CREDENTIAL_BYTES: usize = 64 * 1024;

/// The most disclosures a credential may carry.
pub const MAX_DISCLOSURES: usize = 256;

/// How deep disclosures may nest in the payload.
const MAX_DEPTH: usize = 16;

/// A compact JWS split in its parts.
#[derive(Debug)]
pub struct Jws<'a> {
    /// The decoded protected header.
    pub header: Map<String, Value>,
    /// The decoded payload.
    pub payload: Map<String, Value>,
    /// `header.payload`, the signed text.
    pub signing_input: &'a str,
    /// The signature's bytes.
    pub signature: Vec<u8>,
}

/// Decodes base64url without padding.
pub fn b64(text: &str) -> Result<Vec<u8>, CredentialError> {
    Base64UrlUnpadded::decode_vec(text).map_err(|_| CredentialError::Malformed)
}

/// The SD-JWT digest (`sha-256`) of an ASCII text: base64url of its SHA-256.
pub fn digest(text: &str) -> String {
    Base64UrlUnpadded::encode_string(&Sha256::digest(text.as_bytes()))
}

fn json_object(bytes: &[u8]) -> Result<Map<String, Value>, CredentialError> {
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err(CredentialError::Malformed),
    }
}

impl<'a> Jws<'a> {
    /// Splits and decodes `header.payload.signature`.
    pub fn parse(text: &'a str) -> Result<Jws<'a>, CredentialError> {
        let mut parts = text.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(CredentialError::Malformed);
        };
        let header = json_object(&b64(h)?)?;
        let payload = json_object(&b64(p)?)?;
        let signature = b64(s)?;
        Ok(Jws {
            header,
            payload,
            signing_input: &text[..h.len() + 1 + p.len()],
            signature,
        })
    }
}

/// An SD-JWT split at its tildes.
#[derive(Debug)]
pub struct Compact<'a> {
    /// The issuer-signed JWT.
    pub jwt: &'a str,
    /// The disclosures, as sent.
    pub disclosures: Vec<&'a str>,
    /// The KB-JWT, when there is one.
    pub kb_jwt: Option<&'a str>,
    /// Everything before the KB-JWT (ending with `~`): what `sd_hash` covers.
    pub presented: &'a str,
}

impl<'a> Compact<'a> {
    /// Splits an SD-JWT or SD-JWT+KB.
    pub fn parse(text: &'a str) -> Result<Compact<'a>, CredentialError> {
        if text.len() > MAX_CREDENTIAL_BYTES {
            return Err(CredentialError::TooLarge);
        }
        let mut parts: Vec<&str> = text.split('~').collect();
        if parts.len() < 2 {
            // No tilde at all: a bare JWT is not an SD-JWT.
            return Err(CredentialError::Malformed);
        }
        let last = parts.pop().unwrap_or_default();
        let kb_jwt = (!last.is_empty()).then_some(last);
        let jwt = parts.remove(0);
        if parts.len() > MAX_DISCLOSURES {
            return Err(CredentialError::TooLarge);
        }
        if jwt.is_empty() || parts.iter().any(|d| d.is_empty()) {
            return Err(CredentialError::Malformed);
        }
        Ok(Compact {
            jwt,
            disclosures: parts,
            kb_jwt,
            presented: &text[..text.len() - last.len()],
        })
    }
}

/// A decoded disclosure.
struct Disclosure {
    /// The claim name, for an object member.
    name: Option<String>,
    /// The value.
    value: Value,
    /// Whether the payload referenced it.
    used: bool,
}

fn decode(disclosure: &str) -> Result<Disclosure, CredentialError> {
    let bad = CredentialError::Disclosure;
    let Ok(Value::Array(mut items)) = serde_json::from_slice::<Value>(&b64(disclosure)?) else {
        return Err(bad);
    };
    if !items.first().is_some_and(Value::is_string) {
        return Err(bad);
    }
    match items.len() {
        2 => Ok(Disclosure {
            name: None,
            value: items.pop().unwrap_or_default(),
            used: false,
        }),
        3 => {
            let value = items.pop().unwrap_or_default();
            match items.pop() {
                Some(Value::String(name)) if name != "_sd" && name != "..." => Ok(Disclosure {
                    name: Some(name),
                    value,
                    used: false,
                }),
                _ => Err(bad),
            }
        }
        _ => Err(bad),
    }
}

/// The payload with every presented disclosure in its place and the digests removed, and the
/// names of the top-level claims that arrived through a disclosure.
pub struct Processed {
    /// The claims.
    pub claims: Map<String, Value>,
    /// Top-level claims that were selectively disclosed.
    pub disclosed: BTreeSet<String>,
}

struct Walk {
    by_digest: BTreeMap<String, Disclosure>,
    seen: BTreeSet<String>,
}

impl Walk {
    fn take(&mut self, digest: &str) -> Result<Option<(Option<String>, Value)>, CredentialError> {
        if !self.seen.insert(digest.to_string()) {
            // The same digest twice in the payload (§7.1 step 4).
            return Err(CredentialError::Disclosure);
        }
        match self.by_digest.get_mut(digest) {
            Some(d) => {
                d.used = true;
                Ok(Some((d.name.clone(), std::mem::take(&mut d.value))))
            }
            None => Ok(None),
        }
    }

    fn object(
        &mut self,
        object: &mut Map<String, Value>,
        depth: usize,
        top: Option<&mut BTreeSet<String>>,
    ) -> Result<(), CredentialError> {
        if depth > MAX_DEPTH {
            return Err(CredentialError::Malformed);
        }
        for value in object.values_mut() {
            self.value(value, depth + 1)?;
        }
        let Some(sd) = object.remove("_sd") else {
            return Ok(());
        };
        let Value::Array(digests) = sd else {
            return Err(CredentialError::Malformed);
        };
        let mut top = top;
        for d in digests {
            let Value::String(d) = d else {
                return Err(CredentialError::Malformed);
            };
            let Some((name, mut value)) = self.take(&d)? else {
                continue;
            };
            // An array-element disclosure referenced from `_sd` is malformed.
            let name = name.ok_or(CredentialError::Disclosure)?;
            if object.contains_key(&name) {
                return Err(CredentialError::Disclosure);
            }
            self.value(&mut value, depth + 1)?;
            if let Some(top) = top.as_deref_mut() {
                top.insert(name.clone());
            }
            object.insert(name, value);
        }
        Ok(())
    }

    fn value(&mut self, value: &mut Value, depth: usize) -> Result<(), CredentialError> {
        if depth > MAX_DEPTH {
            return Err(CredentialError::Malformed);
        }
        match value {
            Value::Object(o) => self.object(o, depth, None),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for mut item in std::mem::take(items) {
                    let digest = match &item {
                        Value::Object(o) if o.len() == 1 => match o.get("...") {
                            Some(Value::String(d)) => Some(d.clone()),
                            Some(_) => return Err(CredentialError::Malformed),
                            None => None,
                        },
                        _ => None,
                    };
                    match digest {
                        Some(d) => {
                            if let Some((name, mut v)) = self.take(&d)? {
                                if name.is_some() {
                                    return Err(CredentialError::Disclosure);
                                }
                                self.value(&mut v, depth + 1)?;
                                out.push(v);
                            }
                        }
                        None => {
                            self.value(&mut item, depth + 1)?;
                            out.push(item);
                        }
                    }
                }
                *items = out;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Processes the issuer-signed payload with the presented disclosures (RFC 9901 §7.1 steps
/// 3–5): refuses a malformed disclosure, one presented twice, one whose digest the payload
/// holds twice, and one the payload does not reference.
pub fn process(
    mut payload: Map<String, Value>,
    disclosures: &[&str],
) -> Result<Processed, CredentialError> {
    let mut by_digest = BTreeMap::new();
    for d in disclosures {
        if by_digest.insert(digest(d), decode(d)?).is_some() {
            return Err(CredentialError::Disclosure);
        }
    }
    let mut walk = Walk {
        by_digest,
        seen: BTreeSet::new(),
    };
    payload.remove("_sd_alg");
    let mut disclosed = BTreeSet::new();
    walk.object(&mut payload, 0, Some(&mut disclosed))?;
    if walk.by_digest.values().any(|d| !d.used) {
        return Err(CredentialError::Disclosure);
    }
    Ok(Processed {
        claims: payload,
        disclosed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rfc_9901_digest_check_value() {
        // RFC 9901 §4.2.3: the disclosure of family_name "Möbius" and its SHA-256 digest.
        assert_eq!(
            digest("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0"),
            "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"
        );
        let d = decode("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0")
            .unwrap();
        assert_eq!(d.name.as_deref(), Some("family_name"));
        assert_eq!(d.value, json!("Möbius"));
    }

    #[test]
    fn worked_example_digests() {
        for (disclosure, expected) in [
            (
                "WyJzYWx0LWV4LTAxIiwiZmFtaWx5X25hbWUiLCLlvKAiXQ",
                "K6LyihoeeuWGiGby5HC6sq-xqvP4cPdKbbf-SdgNwzk",
            ),
            (
                "WyJzYWx0LWV4LTA1IiwiQ04iXQ",
                "QTke6PKi9lc298YVB4L-5ZWkGnzHp245Ou4EZ_DpLz8",
            ),
        ] {
            assert_eq!(digest(disclosure), expected);
        }
    }

    fn disclosure(array: Value) -> String {
        Base64UrlUnpadded::encode_string(array.to_string().as_bytes())
    }

    #[test]
    fn disclosures_take_their_places_and_decoys_vanish() {
        let name = disclosure(json!(["s1", "given_name", "三"]));
        let street = disclosure(json!(["s2", "street", "示例路1号"]));
        let address = disclosure(json!(["s3", "address", {"_sd": [digest(&street)]}]));
        let nat = disclosure(json!(["s4", "CN"]));
        let payload = json!({"iss": "x", "_sd_alg": "sha-256",
            "_sd": [digest(&name), digest(&address), digest("decoy")],
            "nationalities": [{"...": digest(&nat)}, {"...": digest("withheld")}]});
        let p = process(
            payload.as_object().unwrap().clone(),
            &[&name, &address, &street, &nat],
        )
        .unwrap();
        assert_eq!(
            Value::Object(p.claims),
            json!({"iss": "x", "given_name": "三", "address": {"street": "示例路1号"},
                "nationalities": ["CN"]})
        );
        assert_eq!(
            p.disclosed.into_iter().collect::<Vec<_>>(),
            vec!["address", "given_name"]
        );
    }

    #[test]
    fn unreferenced_repeated_and_malformed_disclosures_are_refused() {
        let name = disclosure(json!(["s1", "given_name", "三"]));
        let payload = json!({"_sd": [digest(&name)]});
        let payload = payload.as_object().unwrap();
        let other = disclosure(json!(["s1", "given_name", "四"]));
        for presented in [
            vec![name.as_str(), name.as_str()],
            vec![name.as_str(), other.as_str()],
            vec![other.as_str()],
        ] {
            assert!(
                matches!(
                    process(payload.clone(), &presented),
                    Err(CredentialError::Disclosure)
                ),
                "{presented:?}"
            );
        }
        for bad in [
            json!(["s1", "_sd", "x"]),
            json!(["s1", "...", "x"]),
            json!([1, "name", "x"]),
            json!(["s1"]),
            json!(["s1", "a", "b", "c"]),
        ] {
            let d = disclosure(bad.clone());
            let payload = json!({"_sd": [digest(&d)]});
            assert!(
                process(payload.as_object().unwrap().clone(), &[&d]).is_err(),
                "{bad}"
            );
        }
        // The same digest twice in the payload.
        let twice = json!({"_sd": [digest(&name), digest(&name)]});
        assert!(process(twice.as_object().unwrap().clone(), &[&name]).is_err());
        // A disclosed name that is already a plaintext claim.
        let clash = json!({"given_name": "四", "_sd": [digest(&name)]});
        assert!(process(clash.as_object().unwrap().clone(), &[&name]).is_err());
    }

    #[test]
    fn compact_form_is_split_at_tildes() {
        let c = Compact::parse("a.b.c~d1~d2~").unwrap();
        assert_eq!((c.jwt, c.disclosures.len(), c.kb_jwt), ("a.b.c", 2, None));
        let c = Compact::parse("a.b.c~d1~x.y.z").unwrap();
        assert_eq!((c.kb_jwt, c.presented), (Some("x.y.z"), "a.b.c~d1~"));
        assert!(Compact::parse("a.b.c").is_err());
        assert!(Compact::parse("a.b.c~~").is_err());
        assert!(Compact::parse(&"~".repeat(MAX_DISCLOSURES + 3)).is_err());
    }
}
