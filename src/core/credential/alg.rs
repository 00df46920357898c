//! Signature algorithms of credentials and the issuers' public keys.
//!
//! Three algorithms are verified, each bound to one kind of key (RFC 8725 §3.1):
//!
//! | `alg` | key (JWK) | signature |
//! |---|---|---|
//! | `ES256` | `{"kty": "EC", "crv": "P-256", "x", "y"}` | ECDSA P-256 with SHA-256, raw `r‖s` (64 bytes, RFC 7518 §3.4) |
//! | `Ed25519` (or the older `EdDSA`) | `{"kty": "OKP", "crv": "Ed25519", "x"}` | Ed25519, 64 bytes (RFC 8037, RFC 9864), verified strictly |
//! | `SM2-SM3` | `{"kty": "EC", "crv": "SM2", "x", "y"}` | SM2 with SM3 (GM/T 0003), raw `r‖s` (64 bytes), signer id per key, by default `1234567812345678` |
//!
//! `none`, every `HS*` (a shared secret is no proof of an issuer) and every other name are
//! refused. No JOSE identifier is registered for SM2; `SM2-SM3` is this product's private one,
//! agreed with issuers through the trust list.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

/// The signer id of an SM2 key when the trust list names none (GM/T 0009-2012's default).
pub const SM2_DEFAULT_USER_ID: &str = "1234567812345678";

/// A signature algorithm this product verifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    /// ECDSA on P-256 with SHA-256.
    Es256,
    /// Ed25519.
    Ed25519,
    /// SM2 with SM3.
    Sm2Sm3,
}

impl Alg {
    /// The algorithm a JOSE `alg` names, or none for `none`, HMAC and every unknown name.
    pub fn from_name(name: &str) -> Option<Alg> {
        match name {
            "ES256" => Some(Alg::Es256),
            "Ed25519" | "EdDSA" => Some(Alg::Ed25519),
            "SM2-SM3" => Some(Alg::Sm2Sm3),
            _ => None,
        }
    }

    /// The name this product writes.
    pub fn name(self) -> &'static str {
        match self {
            Alg::Es256 => "ES256",
            Alg::Ed25519 => "Ed25519",
            Alg::Sm2Sm3 => "SM2-SM3",
        }
    }
}

/// A public key that verifies one algorithm.
#[derive(Clone)]
pub enum PublicKey {
    /// A P-256 key.
    P256(p256::ecdsa::VerifyingKey),
    /// An Ed25519 key.
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An SM2 key with its signer id.
    Sm2(Box<sm2::dsa::VerifyingKey>),
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PublicKey::P256(_) => "PublicKey(P-256)",
            PublicKey::Ed25519(_) => "PublicKey(Ed25519)",
            PublicKey::Sm2(_) => "PublicKey(SM2)",
        })
    }
}

fn member<'a>(jwk: &'a Value, name: &str) -> Option<&'a str> {
    jwk.get(name).and_then(Value::as_str)
}

fn coordinate(jwk: &Value, name: &str) -> Option<[u8; 32]> {
    let bytes = Base64UrlUnpadded::decode_vec(member(jwk, name)?).ok()?;
    bytes.try_into().ok()
}

fn sec1(jwk: &Value) -> Option<Vec<u8>> {
    let mut point = vec![0x04];
    point.extend_from_slice(&coordinate(jwk, "x")?);
    point.extend_from_slice(&coordinate(jwk, "y")?);
    Some(point)
}

impl PublicKey {
    /// Reads a JWK for `alg`; none when the JWK is not a valid key of that algorithm's kind.
    /// `sm2_user_id` is the signer id of an SM2 key (ignored otherwise).
    pub fn from_jwk(alg: Alg, jwk: &Value, sm2_user_id: &str) -> Option<PublicKey> {
        if jwk.get("d").is_some() {
            // A private key has no place in a trust list or a credential.
            return None;
        }
        match (alg, member(jwk, "kty")?, member(jwk, "crv")?) {
            (Alg::Es256, "EC", "P-256") => p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1(jwk)?)
                .ok()
                .map(PublicKey::P256),
            (Alg::Ed25519, "OKP", "Ed25519") => {
                ed25519_dalek::VerifyingKey::from_bytes(&coordinate(jwk, "x")?)
                    .ok()
                    .map(PublicKey::Ed25519)
            }
            (Alg::Sm2Sm3, "EC", "SM2") => {
                sm2::dsa::VerifyingKey::from_sec1_bytes(sm2_user_id, &sec1(jwk)?)
                    .ok()
                    .map(|k| PublicKey::Sm2(Box::new(k)))
            }
            _ => None,
        }
    }

    /// The algorithm the key verifies.
    pub fn alg(&self) -> Alg {
        match self {
            PublicKey::P256(_) => Alg::Es256,
            PublicKey::Ed25519(_) => Alg::Ed25519,
            PublicKey::Sm2(_) => Alg::Sm2Sm3,
        }
    }

    /// Whether `signature` is this key's signature of `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        use p256::ecdsa::signature::Verifier;
        match self {
            PublicKey::P256(key) => p256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|s| key.verify(message, &s).is_ok()),
            PublicKey::Ed25519(key) => ed25519_dalek::Signature::from_slice(signature)
                .is_ok_and(|s| key.verify_strict(message, &s).is_ok()),
            PublicKey::Sm2(key) => sm2::dsa::Signature::from_slice(signature)
                .is_ok_and(|s| sm2::dsa::signature::Verifier::verify(&**key, message, &s).is_ok()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_three_algorithms_are_known() {
        assert_eq!(Alg::from_name("ES256"), Some(Alg::Es256));
        assert_eq!(Alg::from_name("EdDSA"), Some(Alg::Ed25519));
        assert_eq!(Alg::from_name("SM2-SM3"), Some(Alg::Sm2Sm3));
        for refused in [
            "none", "None", "HS256", "HS512", "RS256", "ES384", "es256", "",
        ] {
            assert_eq!(Alg::from_name(refused), None, "{refused}");
        }
    }

    #[test]
    fn a_key_is_read_only_for_its_own_algorithm() {
        // The example issuer key of the product's credential reference (P-256).
        let jwk = json!({"kty": "EC", "crv": "P-256",
            "x": "AhfmF_C2RDkoJ4-WmZ5pojpPLBUr321s32bluAKC1O0",
            "y": "GUp968uXcS0t2jyoWqh2Wlb0X8dYWZZS8ol8ZTBuV5Q"});
        assert!(PublicKey::from_jwk(Alg::Es256, &jwk, SM2_DEFAULT_USER_ID).is_some());
        assert!(PublicKey::from_jwk(Alg::Sm2Sm3, &jwk, SM2_DEFAULT_USER_ID).is_none());
        assert!(PublicKey::from_jwk(Alg::Ed25519, &jwk, SM2_DEFAULT_USER_ID).is_none());
        let mut off_curve = jwk.clone();
        off_curve["y"] = json!("AAAA968uXcS0t2jyoWqh2Wlb0X8dYWZZS8ol8ZTBuV5Q");
        assert!(PublicKey::from_jwk(Alg::Es256, &off_curve, SM2_DEFAULT_USER_ID).is_none());
        let mut private = jwk.clone();
        private["d"] = json!("ERERERERERERERERERERERERERERERERERERERERERE");
        assert!(PublicKey::from_jwk(Alg::Es256, &private, SM2_DEFAULT_USER_ID).is_none());
    }
}
