//! `cargo xtask issue-credential`: a demo issuer of SD-JWT VC credentials (`dc+sd-jwt`, RFC 9901)
//! for tests and demonstrations, signed with the committed demo keys of
//! `xtask/demo-issuer-keys.json`. Those keys are public: what they sign proves nothing outside
//! the demo trust list (`www/trust/demo-trust.json`).
//!
//! Every claim of the subject file becomes a selectively disclosable claim with a fresh 128-bit
//! salt; two decoy digests are mixed in; `_sd` is sorted. `iss`, `iat`, `nbf`, `exp` and `vct`
//! stay in plain view.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

pub const USAGE: &str = "usage: cargo xtask issue-credential --kind resident-id|business-licence --subject FILE.json \
[--alg ES256|EdDSA|SM2] [--issued YYYY-MM-DD] [--valid-days N] [--issuer ID]\n       \
cargo xtask issue-credential --public-keys   (the demo keys as trust-list entries)";

/// The signer id of the demo SM2 keys (GM/T 0009-2012's default).
const SM2_USER_ID: &str = "1234567812345678";

fn keys_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("demo-issuer-keys.json")
}

fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

fn random_b64(len: usize) -> Result<String, String> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness: {e}"))?;
    Ok(b64(&bytes))
}

fn digest(text: &str) -> String {
    b64(&Sha256::digest(text.as_bytes()))
}

/// A demo private key.
enum DemoKey {
    P256(p256::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
    Sm2(sm2::dsa::SigningKey),
}

impl DemoKey {
    fn read(alg: &str, d: &str) -> Result<DemoKey, String> {
        let d = B64
            .decode(d)
            .map_err(|_| "a demo key is not base64url".to_string())?;
        let bad = |_| format!("the demo {alg} key is not a valid private key");
        match alg {
            "ES256" => p256::ecdsa::SigningKey::from_slice(&d)
                .map(DemoKey::P256)
                .map_err(bad),
            "Ed25519" => {
                let bytes: [u8; 32] = d
                    .try_into()
                    .map_err(|_| "the demo Ed25519 key is not 32 bytes".to_string())?;
                Ok(DemoKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(
                    &bytes,
                )))
            }
            "SM2-SM3" => sm2::dsa::SigningKey::from_slice(SM2_USER_ID, &d)
                .map(DemoKey::Sm2)
                .map_err(bad),
            other => Err(format!("unknown demo key algorithm {other}")),
        }
    }

    fn alg(&self) -> &'static str {
        match self {
            DemoKey::P256(_) => "ES256",
            DemoKey::Ed25519(_) => "Ed25519",
            DemoKey::Sm2(_) => "SM2-SM3",
        }
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            DemoKey::P256(k) => {
                let s: p256::ecdsa::Signature = p256::ecdsa::signature::Signer::sign(k, message);
                s.to_bytes().to_vec()
            }
            DemoKey::Ed25519(k) => ed25519_dalek::Signer::sign(k, message).to_bytes().to_vec(),
            DemoKey::Sm2(k) => {
                let s: sm2::dsa::Signature = sm2::dsa::signature::Signer::sign(k, message);
                s.to_bytes().to_vec()
            }
        }
    }

    fn public_jwk(&self) -> Value {
        match self {
            DemoKey::P256(k) => {
                let point = k.verifying_key().to_sec1_point(false);
                let bytes = point.as_bytes();
                json!({"kty": "EC", "crv": "P-256", "x": b64(&bytes[1..33]), "y": b64(&bytes[33..65])})
            }
            DemoKey::Ed25519(k) => {
                json!({"kty": "OKP", "crv": "Ed25519", "x": b64(k.verifying_key().as_bytes())})
            }
            DemoKey::Sm2(k) => {
                use sm2::elliptic_curve::sec1::ToSec1Point;
                let point = k.verifying_key().to_sec1_point(false);
                let bytes = point.as_bytes();
                json!({"kty": "EC", "crv": "SM2", "x": b64(&bytes[1..33]), "y": b64(&bytes[33..65])})
            }
        }
    }
}

fn read_keys() -> Result<Value, String> {
    let path = keys_file();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn issuers(keys: &Value) -> Result<&Vec<Value>, String> {
    keys.get("issuers")
        .and_then(Value::as_array)
        .ok_or_else(|| "the demo keys file has no issuers".to_string())
}

fn member<'a>(v: &'a Value, name: &str) -> Result<&'a str, String> {
    v.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("the demo keys file lacks {name}"))
}

/// Prints the demo keys' public halves as trust-list key entries, per issuer.
fn public_keys() -> Result<(), String> {
    let keys = read_keys()?;
    let mut out = Vec::new();
    for issuer in issuers(&keys)? {
        let mut entries = Vec::new();
        for key in issuer
            .get("keys")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let alg = member(key, "alg")?;
            let demo = DemoKey::read(alg, member(key, "d")?)?;
            let mut entry =
                json!({"kid": member(key, "kid")?, "alg": alg, "jwk": demo.public_jwk()});
            if alg == "SM2-SM3" {
                entry["sm2_user_id"] = json!(SM2_USER_ID);
            }
            entries.push(entry);
        }
        out.push(json!({"id": member(issuer, "id")?, "keys": entries}));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn unix_of(date: &str) -> Result<i64, String> {
    let bad = || format!("--issued {date:?} is not YYYY-MM-DD");
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    let d: u8 = d.parse().map_err(|_| bad())?;
    let month = time::Month::try_from(m).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(y, month, d).map_err(|_| bad())?;
    Ok(date.midnight().assume_utc().unix_timestamp())
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut kind = None;
    let mut subject = None;
    let mut alg = "ES256".to_string();
    let mut issued = None;
    let mut valid_days: i64 = 365;
    let mut issuer_override = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--public-keys" => return public_keys(),
            "--kind" => kind = Some(value()?),
            "--subject" => subject = Some(value()?),
            "--alg" => alg = value()?,
            "--issued" => issued = Some(value()?),
            "--valid-days" => {
                valid_days = value()?
                    .parse()
                    .map_err(|_| "--valid-days needs a whole number".to_string())?;
            }
            "--issuer" => issuer_override = Some(value()?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    let kind = kind.ok_or_else(|| format!("--kind is required\n{USAGE}"))?;
    let subject = subject.ok_or_else(|| format!("--subject is required\n{USAGE}"))?;
    let alg = match alg.as_str() {
        "ES256" => "ES256",
        "EdDSA" | "Ed25519" => "Ed25519",
        "SM2" | "SM2-SM3" => "SM2-SM3",
        other => return Err(format!("unknown --alg {other:?}: ES256, EdDSA or SM2")),
    };

    let keys = read_keys()?;
    let issuer = issuers(&keys)?
        .iter()
        .find(|i| i.get("kind").and_then(Value::as_str) == Some(kind.as_str()))
        .ok_or_else(|| format!("unknown --kind {kind:?}: resident-id or business-licence"))?;
    let key = issuer
        .get("keys")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|k| k.get("alg").and_then(Value::as_str) == Some(alg))
        .ok_or_else(|| format!("no demo {alg} key for {kind}"))?;
    let demo = DemoKey::read(alg, member(key, "d")?)?;

    let text =
        std::fs::read_to_string(&subject).map_err(|e| format!("cannot read {subject}: {e}"))?;
    let claims: Map<String, Value> = match serde_json::from_str(&text) {
        Ok(Value::Object(o)) => o,
        _ => return Err(format!("{subject}: not a JSON object of claims")),
    };

    let iat = match issued {
        Some(date) => unix_of(&date)?,
        None => time::OffsetDateTime::now_utc().unix_timestamp(),
    };
    let iss = issuer_override.unwrap_or(member(issuer, "id")?.to_string());
    let validity = (iat, iat + valid_days * 86_400);
    let out = issue(
        &demo,
        member(key, "kid")?,
        &iss,
        member(issuer, "vct")?,
        &claims,
        validity,
    )?;
    println!("{out}");
    Ok(())
}

/// Signs an SD-JWT VC of `claims` (each selectively disclosable) with `key`, valid from
/// `validity.0` to `validity.1` (Unix seconds), in compact form ending with `~`.
fn issue(
    key: &DemoKey,
    kid: &str,
    iss: &str,
    vct: &str,
    claims: &Map<String, Value>,
    validity: (i64, i64),
) -> Result<String, String> {
    let mut disclosures = Vec::new();
    let mut digests = Vec::new();
    for (name, value) in claims {
        let array = json!([random_b64(16)?, name, value]);
        let disclosure = b64(array.to_string().as_bytes());
        digests.push(digest(&disclosure));
        disclosures.push(disclosure);
    }
    for _ in 0..2 {
        digests.push(digest(&random_b64(16)?));
    }
    digests.sort();
    let payload = json!({
        "iss": iss,
        "iat": validity.0,
        "nbf": validity.0,
        "exp": validity.1,
        "vct": vct,
        "_sd_alg": "sha-256",
        "_sd": digests,
    });
    let header = json!({"alg": key.alg(), "typ": "dc+sd-jwt", "kid": kid});
    let signing_input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let signature = b64(&key.sign(signing_input.as_bytes()));
    let mut out = format!("{signing_input}.{signature}~");
    for d in &disclosures {
        out.push_str(d);
        out.push('~');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Every demo key signs a credential whose signature its public JWK verifies, whose
    /// disclosures all have their digest in `_sd`, and which carries two decoys.
    #[test]
    fn demo_credentials_are_signed_and_disclosed() {
        let keys = read_keys().unwrap();
        let claims: Map<String, Value> =
            serde_json::from_value(json!({"family_name": "王", "given_name": "演示", "sex": 1}))
                .unwrap();
        for issuer in issuers(&keys).unwrap() {
            for k in issuer["keys"].as_array().unwrap() {
                let alg = k["alg"].as_str().unwrap();
                let key = DemoKey::read(alg, k["d"].as_str().unwrap()).unwrap();
                let text = issue(&key, "kid", "iss", "vct", &claims, (0, 1)).unwrap();
                let parts: Vec<&str> = text.split('~').collect();
                assert_eq!(parts.len(), claims.len() + 2, "{alg}");
                assert_eq!(parts.last(), Some(&""));
                let jws: Vec<&str> = parts[0].split('.').collect();
                let payload: Value = serde_json::from_slice(&B64.decode(jws[1]).unwrap()).unwrap();
                let sd: Vec<&str> = payload["_sd"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap())
                    .collect();
                assert_eq!(sd.len(), claims.len() + 2);
                for d in &parts[1..parts.len() - 1] {
                    assert!(sd.contains(&digest(d).as_str()), "{alg}");
                }
                let message = format!("{}.{}", jws[0], jws[1]);
                let signature = B64.decode(jws[2]).unwrap();
                assert!(verifies(&key, message.as_bytes(), &signature), "{alg}");
                assert!(!verifies(&key, b"another message", &signature), "{alg}");
            }
        }
    }

    fn verifies(key: &DemoKey, message: &[u8], signature: &[u8]) -> bool {
        match key {
            DemoKey::P256(k) => {
                use p256::ecdsa::signature::Verifier;
                let s = p256::ecdsa::Signature::from_slice(signature).unwrap();
                k.verifying_key().verify(message, &s).is_ok()
            }
            DemoKey::Ed25519(k) => {
                let s = ed25519_dalek::Signature::from_slice(signature).unwrap();
                k.verifying_key().verify_strict(message, &s).is_ok()
            }
            DemoKey::Sm2(k) => {
                use sm2::dsa::signature::Verifier;
                let s = sm2::dsa::Signature::from_slice(signature).unwrap();
                k.verifying_key().verify(message, &s).is_ok()
            }
        }
    }
}
