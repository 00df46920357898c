//! The vault envelope against known-answer vectors computed by independent implementations
//! (reference Argon2 via argon2-cffi, AES-GCM via OpenSSL; see xtask/data/vault_kat.py).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use oncefill::core::vault::{KdfParams, Random, VaultError, VaultKey, open, seal};
use proptest::prelude::*;

/// Returns the given bytes as "random": the vectors fix the nonce.
struct Fixed(Vec<u8>);

impl Random for Fixed {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), VaultError> {
        buf.copy_from_slice(&self.0[..buf.len()]);
        Ok(())
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn known_answer_vectors() {
    let kat: serde_json::Value = serde_json::from_str(include_str!("data/vault/kat.json")).unwrap();
    let vectors = kat["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 3);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let pass = v["passphrase"].as_str().unwrap();
        let params = KdfParams {
            m_kib: v["m_kib"].as_u64().unwrap() as u32,
            t: v["t"].as_u64().unwrap() as u32,
            p: v["p"].as_u64().unwrap() as u32,
        };
        let key = VaultKey::derive(pass, &hex(v["salt"].as_str().unwrap()), params).unwrap();
        let plaintext = v["plaintext"].as_str().unwrap().as_bytes();
        let record = v["record"].as_str().unwrap();
        let sealed = seal(
            &key,
            record,
            plaintext,
            &mut Fixed(hex(v["nonce"].as_str().unwrap())),
        )
        .unwrap();
        let expected = hex(v["sealed"].as_str().unwrap());
        assert_eq!(
            sealed, expected,
            "{name}: sealed bytes differ from the independent implementation"
        );
        let opened = open(pass, &expected).unwrap();
        assert_eq!(&opened.plaintext[..], plaintext, "{name}");
        assert_eq!(opened.record, record);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_profile_text_round_trips(text in "\\PC{0,300}", pass in "\\PC{1,20}", seed in any::<u64>()) {
        let mut rng = oncefill::core::vault::SeededRandom::new(seed);
        let key = VaultKey::create(&pass, KdfParams { m_kib: 32, t: 1, p: 1 }, &mut rng).unwrap();
        let sealed = seal(&key, "vault", text.as_bytes(), &mut rng).unwrap();
        let opened = open(&pass, &sealed).unwrap();
        prop_assert_eq!(&opened.plaintext[..], text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_open(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert!(open("x", &bytes).is_err());
    }
}
