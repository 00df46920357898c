//! The worked example of the product's credential reference: an ES256 SD-JWT VC presented
//! with three of its five disclosures and a KB-JWT, and what each kind of tampering does to it.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Value, json};
use time::macros::datetime;

use super::*;

const EXAMPLE: &str = concat!(
    "eyJhbGciOiJFUzI1NiIsInR5cCI6ImRjK3NkLWp3dCIsImtpZCI6InJlc2lkZW50LWlkLTIwMjYtMDEifQ.",
    "eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlL3Jlc2lkZW50LWlkIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAsImV4cCI6MTc5ODc2MTYwMCwidmN0IjoidXJuOmV4YW1wbGU6cmVzaWRlbnQtaWQ6MSIsIl9zZF9hbGciOiJzaGEtMjU2IiwiX3NkIjpbIjE4cXpvM2Itazd6MkVtek5yWFVPVVlTU2h6TXRKek44S1ZBQVlzejBzcVEiLCI5N1ptRGQ4dDdibUNzNjhOR01vUHluTmJtN2VORHQ0ZEVmQkVOZzZHUmVBIiwiRDNqSWRGT0ZNTDF1WUFRZmQ4QWlnLXlqSmREb2c0QjlsQXV5czBGeFZPVSIsIks2THlpaG9lZXVXR2lHYnk1SEM2c3EteHF2UDRjUGRLYmJmLVNkZ053emsiLCJqdmVuLU9wRU9qSnRTbTB1UW5PNTJWMVFzT01BOFN3QVk5MjRGdUNiOXhBIl0sIm5hdGlvbmFsaXRpZXMiOlt7Ii4uLiI6IlFUa2U2UEtpOWxjMjk4WVZCNEwtNVpXa0duekhwMjQ1T3U0RVpfRHBMejgifV0sImlzc3VpbmdfY291bnRyeSI6IkNOIiwiY25mIjp7Imp3ayI6eyJrdHkiOiJFQyIsImNydiI6IlAtMjU2IiwieCI6IjFscVRsM3lxUFJzSUdGTF9WNmVlUmw4V1lGZHpCTHJxMVFYZE9raFluUE0iLCJ5IjoiVUJoZWlWTnkzMkloNmpvVGRWZmtjXzNiWjFYd1c5VUh3OFV6X09uSkVvVSJ9fSwic3RhdHVzIjp7InN0YXR1c19saXN0Ijp7ImlkeCI6NDcxMSwidXJpIjoiaHR0cHM6Ly9pc3N1ZXIuZXhhbXBsZS9zdGF0dXMvMSJ9fX0.",
    "RpJG9G67B1UnpvQGJnlds43acrqiKPuxllisqclhhnyp-NVAErjMi8QL3T_J3tnwdeYalgSpWRKrX_Ihla24aA",
    "~WyJzYWx0LWV4LTAxIiwiZmFtaWx5X25hbWUiLCLlvKAiXQ",
    "~WyJzYWx0LWV4LTAyIiwiZ2l2ZW5fbmFtZSIsIuS4iSJd",
    "~WyJzYWx0LWV4LTA0IiwicGVyc29uYWxfYWRtaW5pc3RyYXRpdmVfbnVtYmVyIiwiMTEwMTA1MTk5MDAzMDcxMjM5Il0",
    "~eyJhbGciOiJFUzI1NiIsInR5cCI6ImtiK2p3dCJ9.eyJpYXQiOjE3NjczMTIwMDAsImF1ZCI6Imh0dHBzOi8vZm9ybXMuZXhhbXBsZS5nb3YiLCJub25jZSI6Im4tMFM2X1d6QTJNaiIsInNkX2hhc2giOiJCX2MxRllVTnkwQmRDTHdQR1JsT2FsSWJZaXFpTGpDZ00yczczRDZPTjNrIn0.",
    "0j5yGo8smrwU8cvmO-pqxsMysltT9Pbb6OudNFgEUuzHkdNPb322-PXd9VAkZJhip_xdJPkkXGDE6vj7NO57XA",
);

/// The KB-JWT's `iat`, 2026-01-02T00:00Z.
const AT: OffsetDateTime = datetime!(2026-01-02 00:00 UTC);

fn trust_json() -> Value {
    json!({
        "format": "trust-list/1", "list_id": "example", "sequence": 1,
        "issued_at": "2026-01-01T00:00:00Z", "next_update": "2026-12-01T00:00:00Z",
        "issuers": [{
            "id": "https://issuer.example/resident-id",
            "name": {"zh-CN": "示例身份凭证签发机关", "en": "Example resident-ID issuer"},
            "keys": [{"kid": "resident-id-2026-01", "alg": "ES256",
                "jwk": {"kty": "EC", "crv": "P-256",
                    "x": "AhfmF_C2RDkoJ4-WmZ5pojpPLBUr321s32bluAKC1O0",
                    "y": "GUp968uXcS0t2jyoWqh2Wlb0X8dYWZZS8ol8ZTBuV5Q"},
                "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2028-01-01T00:00:00Z"}],
            "credentials": [{"format": "dc+sd-jwt", "vct": ["urn:example:resident-id:1"],
                "claims": ["family_name", "given_name", "birthdate",
                    "personal_administrative_number", "nationalities", "issuing_country"],
                "required_validity": ["exp"], "key_binding": "optional"}]
        }]
    })
}

fn trust() -> TrustList {
    TrustList::from_json(&trust_json().to_string()).unwrap()
}

fn presentation() -> Policy {
    Policy::Presentation {
        audience: "https://forms.example.gov".into(),
        nonce: "n-0S6_WzA2Mj".into(),
    }
}

fn check(input: &str, policy: &Policy, now: OffsetDateTime) -> Result<Verified, CredentialError> {
    verify(input, &trust(), policy, now)
}

/// The example without its KB-JWT: an SD-JWT ending with `~`.
fn without_kb() -> String {
    let end = EXAMPLE.rfind('~').unwrap();
    EXAMPLE[..=end].to_string()
}

/// Replaces the issuer-signed JWT's header, keeping the payload and signature.
fn with_header(header: Value) -> String {
    let first_dot = EXAMPLE.find('.').unwrap();
    format!(
        "{}{}",
        Base64UrlUnpadded::encode_string(header.to_string().as_bytes()),
        &EXAMPLE[first_dot..]
    )
}

#[test]
fn the_worked_example_verifies_with_key_binding() {
    let v = check(EXAMPLE, &presentation(), AT).unwrap();
    assert_eq!(v.issuer, "https://issuer.example/resident-id");
    assert_eq!(v.alg, Alg::Es256);
    assert!(v.key_bound);
    assert_eq!(
        v.claims.get("nationalities"),
        Some(&json!([])),
        "the withheld nationality is dropped"
    );
    assert!(!v.claims.contains_key("birthdate"));
    assert!(!v.claims.contains_key("_sd"));
    let elements: Vec<(String, String)> = v
        .elements
        .iter()
        .map(|m| (m.target.id(), m.masked()))
        .collect();
    assert_eq!(
        elements,
        vec![
            ("person.name".into(), "张*".into()),
            ("person.id_number".into(), "1101**********1239".into()),
        ]
    );
    assert_eq!(
        v.source(),
        crate::core::profile::Source::Credential {
            issuer: "https://issuer.example/resident-id".into(),
            issued: "2026-01-01".into(),
        }
    );
    let verdict = verdict(&Ok(v));
    assert_eq!(verdict["ok"], json!(true));
    assert!(!verdict.to_string().contains("110105199003071239"));
    assert!(!verdict.to_string().contains("张三"));
}

#[test]
fn key_binding_is_the_policy_s_decision() {
    // Issued to the holder: a KB-JWT is not expected.
    assert_eq!(
        check(EXAMPLE, &Policy::Issued, AT).unwrap_err(),
        CredentialError::KeyBindingUnexpected
    );
    assert!(check(&without_kb(), &Policy::Issued, AT).is_ok());
    // A presentation without its KB-JWT.
    assert_eq!(
        check(&without_kb(), &presentation(), AT).unwrap_err(),
        CredentialError::KeyBindingMissing
    );
    // Another audience or nonce, or too late.
    for policy in [
        Policy::Presentation {
            audience: "https://other.example.gov".into(),
            nonce: "n-0S6_WzA2Mj".into(),
        },
        Policy::Presentation {
            audience: "https://forms.example.gov".into(),
            nonce: "another".into(),
        },
    ] {
        assert_eq!(
            check(EXAMPLE, &policy, AT).unwrap_err(),
            CredentialError::KeyBinding
        );
    }
    assert_eq!(
        check(EXAMPLE, &presentation(), AT + Duration::hours(1)).unwrap_err(),
        CredentialError::KeyBinding
    );
    // A disclosure withheld after the KB-JWT was made: sd_hash no longer matches.
    let parts: Vec<&str> = EXAMPLE.split('~').collect();
    let fewer = [parts[0], parts[1], parts[2], "", parts[4]].join("~");
    let fewer = fewer.replacen("~~", "~", 1);
    assert_eq!(
        check(&fewer, &presentation(), AT).unwrap_err(),
        CredentialError::KeyBinding
    );
    // The trust list requires key binding: an issued credential alone is refused.
    let mut required = trust_json();
    required["issuers"][0]["credentials"][0]["key_binding"] = json!("required");
    let list = TrustList::from_json(&required.to_string()).unwrap();
    assert_eq!(
        verify(&without_kb(), &list, &Policy::Issued, AT).unwrap_err(),
        CredentialError::KeyBindingMissing
    );
}

#[test]
fn forbidden_algorithms_are_refused_before_any_key_is_used() {
    for alg in ["none", "HS256", "RS256", "ES512", "PS256"] {
        let input =
            with_header(json!({"alg": alg, "typ": "dc+sd-jwt", "kid": "resident-id-2026-01"}));
        assert_eq!(
            check(&input, &presentation(), AT).unwrap_err(),
            CredentialError::Algorithm,
            "{alg}"
        );
    }
    let missing = with_header(json!({"typ": "dc+sd-jwt"}));
    assert_eq!(
        check(&missing, &presentation(), AT).unwrap_err(),
        CredentialError::Algorithm
    );
    let no_typ = with_header(json!({"alg": "ES256", "typ": "JWT"}));
    assert_eq!(
        check(&no_typ, &presentation(), AT).unwrap_err(),
        CredentialError::Type
    );
    let crit = with_header(json!({"alg": "ES256", "typ": "dc+sd-jwt", "crit": ["x"]}));
    assert_eq!(
        check(&crit, &presentation(), AT).unwrap_err(),
        CredentialError::Critical
    );
    // A key listed for another algorithm than the header's.
    let eddsa =
        with_header(json!({"alg": "EdDSA", "typ": "dc+sd-jwt", "kid": "resident-id-2026-01"}));
    assert_eq!(
        check(&eddsa, &presentation(), AT).unwrap_err(),
        CredentialError::KeyAlgorithm
    );
    let other_kid = with_header(json!({"alg": "ES256", "typ": "dc+sd-jwt", "kid": "nope"}));
    assert_eq!(
        check(&other_kid, &presentation(), AT).unwrap_err(),
        CredentialError::UnknownKey
    );
}

#[test]
fn tampering_is_found() {
    // One character of the signed payload changed.
    let at = EXAMPLE.find(".eyJ").unwrap() + 10;
    let mut bytes = EXAMPLE.as_bytes().to_vec();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    assert!(check(&tampered, &presentation(), AT).is_err());
    // A disclosure replaced by one with another value.
    let other = Base64UrlUnpadded::encode_string(r#"["salt-ex-02","given_name","四"]"#.as_bytes());
    let swapped = EXAMPLE.replace("WyJzYWx0LWV4LTAyIiwiZ2l2ZW5fbmFtZSIsIuS4iSJd", &other);
    assert_eq!(
        check(&swapped, &presentation(), AT).unwrap_err(),
        CredentialError::Disclosure
    );
    // A disclosure sent twice.
    let twice = without_kb() + "WyJzYWx0LWV4LTAxIiwiZmFtaWx5X25hbWUiLCLlvKAiXQ~";
    assert_eq!(
        check(&twice, &Policy::Issued, AT).unwrap_err(),
        CredentialError::Disclosure
    );
}

#[test]
fn dates_trust_and_elements_are_checked() {
    // After `exp` (2027-01-01), and before `nbf` (2026-01-01).
    assert_eq!(
        check(
            &without_kb(),
            &Policy::Issued,
            datetime!(2027-01-02 00:00 UTC)
        )
        .unwrap_err(),
        CredentialError::Expired
    );
    assert_eq!(
        check(
            &without_kb(),
            &Policy::Issued,
            datetime!(2025-12-31 00:00 UTC)
        )
        .unwrap_err(),
        CredentialError::NotYetValid
    );
    // An issuer not on the list.
    let mut other = trust_json();
    other["issuers"][0]["id"] = json!("https://issuer.example/other");
    let list = TrustList::from_json(&other.to_string()).unwrap();
    assert_eq!(
        verify(&without_kb(), &list, &Policy::Issued, AT).unwrap_err(),
        CredentialError::UntrustedIssuer
    );
    // A claim the issuer may not attest.
    let mut narrow = trust_json();
    narrow["issuers"][0]["credentials"][0]["claims"] = json!([
        "family_name",
        "given_name",
        "nationalities",
        "issuing_country"
    ]);
    let list = TrustList::from_json(&narrow.to_string()).unwrap();
    assert_eq!(
        verify(&without_kb(), &list, &Policy::Issued, AT).unwrap_err(),
        CredentialError::ElementNotAllowed {
            claim: "personal_administrative_number".into()
        }
    );
    // A credential type the issuer may not issue.
    let mut kind = trust_json();
    kind["issuers"][0]["credentials"][0]["vct"] = json!(["urn:example:other:1"]);
    let list = TrustList::from_json(&kind.to_string()).unwrap();
    assert_eq!(
        verify(&without_kb(), &list, &Policy::Issued, AT).unwrap_err(),
        CredentialError::CredentialType
    );
    // A required validity claim the credential lacks.
    let mut strict = trust_json();
    strict["issuers"][0]["credentials"][0]["required_validity"] = json!(["exp", "iat", "nbf"]);
    assert!(TrustList::from_json(&strict.to_string()).is_ok());
    strict["issuers"][0]["credentials"][0]["required_validity"] = json!(["jti"]);
    assert!(TrustList::from_json(&strict.to_string()).is_err());
    // A key not valid when the credential was issued.
    let mut window = trust_json();
    window["issuers"][0]["keys"][0]["valid_from"] = json!("2026-06-01T00:00:00Z");
    let list = TrustList::from_json(&window.to_string()).unwrap();
    assert_eq!(
        verify(&without_kb(), &list, &Policy::Issued, AT).unwrap_err(),
        CredentialError::KeyValidity
    );
}

#[test]
fn every_refusal_has_a_message_without_values() {
    let all = [
        CredentialError::TooLarge,
        CredentialError::Malformed,
        CredentialError::Type,
        CredentialError::Algorithm,
        CredentialError::Critical,
        CredentialError::UntrustedIssuer,
        CredentialError::UnknownKey,
        CredentialError::KeyAlgorithm,
        CredentialError::KeyValidity,
        CredentialError::Signature,
        CredentialError::DigestAlgorithm,
        CredentialError::Disclosure,
        CredentialError::ProtectedClaim,
        CredentialError::CredentialType,
        CredentialError::ElementNotAllowed {
            claim: "uscc".into(),
        },
        CredentialError::NotYetValid,
        CredentialError::Expired,
        CredentialError::Validity,
        CredentialError::KeyBindingMissing,
        CredentialError::KeyBindingUnexpected,
        CredentialError::KeyBinding,
    ];
    for e in &all {
        let zh = e.message(Lang::ZhCn);
        let en = e.message(Lang::En);
        assert!(!zh.contains("credential-"), "{zh}");
        assert!(!en.contains("credential-"), "{en}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert_ne!(zh, en);
    }
}

#[test]
fn trust_list_problems_are_named() {
    let cases: Vec<(Value, trust::TrustError)> = {
        let base = trust_json();
        let mut format = base.clone();
        format["format"] = json!("trust-list/2");
        let mut hs = base.clone();
        hs["issuers"][0]["keys"][0]["alg"] = json!("HS256");
        let mut none = base.clone();
        none["issuers"][0]["keys"][0]["alg"] = json!("none");
        let mut wrong_key = base.clone();
        wrong_key["issuers"][0]["keys"][0]["alg"] = json!("SM2-SM3");
        let mut twice = base.clone();
        let issuer = twice["issuers"][0].clone();
        twice["issuers"].as_array_mut().unwrap().push(issuer);
        let mut target = base.clone();
        target["issuers"][0]["credentials"][0]["profile_map"] =
            json!({"family_name": "person.nope"});
        let mut unknown = base.clone();
        unknown["extra"] = json!(1);
        vec![
            (format, trust::TrustError::Format),
            (hs, trust::TrustError::Alg { issuer: 0, key: 0 }),
            (none, trust::TrustError::Alg { issuer: 0, key: 0 }),
            (wrong_key, trust::TrustError::Key { issuer: 0, key: 0 }),
            (twice, trust::TrustError::IssuerId { issuer: 1 }),
            (
                target,
                trust::TrustError::Target {
                    issuer: 0,
                    claim: "family_name".into(),
                },
            ),
            (unknown, trust::TrustError::Shape),
        ]
    };
    for (list, expected) in cases {
        let got = TrustList::from_json(&list.to_string()).unwrap_err();
        assert_eq!(got, expected);
        assert!(
            !got.to_string().contains("AhfmF_C2"),
            "no key material quoted"
        );
    }
}

/// A test issuer with a P-256 key of 32 × 0x33, and an SM2 key of 32 × 0x44 with its own
/// signer id.
mod signed {
    use super::*;
    use p256::ecdsa::signature::Signer;

    const ISS: &str = "https://issuer.test/licence";

    fn es256_key() -> p256::ecdsa::SigningKey {
        p256::ecdsa::SigningKey::from_slice(&[0x33; 32]).unwrap()
    }

    fn sm2_key() -> sm2::dsa::SigningKey {
        sm2::dsa::SigningKey::from_slice("oncefill-test", &[0x44; 32]).unwrap()
    }

    fn b64(bytes: &[u8]) -> String {
        Base64UrlUnpadded::encode_string(bytes)
    }

    fn xy(sec1: &[u8]) -> (String, String) {
        (b64(&sec1[1..33]), b64(&sec1[33..65]))
    }

    fn list(key_binding: &str) -> TrustList {
        use sm2::elliptic_curve::sec1::ToSec1Point;
        let p = es256_key().verifying_key().to_sec1_point(false);
        let (px, py) = xy(p.as_bytes());
        let s = sm2_key().verifying_key().to_sec1_point(false);
        let (sx, sy) = xy(s.as_bytes());
        let json = json!({
            "format": "trust-list/1", "list_id": "test", "sequence": 1,
            "issued_at": "2026-01-01T00:00:00Z", "next_update": "2027-01-01T00:00:00Z",
            "issuers": [{"id": ISS, "name": {"zh-CN": "测试签发机构"},
                "keys": [
                    {"kid": "p", "alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": px, "y": py}},
                    {"kid": "s", "alg": "SM2-SM3", "sm2_user_id": "oncefill-test",
                     "jwk": {"kty": "EC", "crv": "SM2", "x": sx, "y": sy}}],
                "credentials": [{"format": "dc+sd-jwt", "vct": ["urn:test:licence"],
                    "claims": ["uscc", "firm_name", "address"],
                    "required_validity": ["exp"], "key_binding": key_binding}]}]
        });
        TrustList::from_json(&json.to_string()).unwrap()
    }

    fn disclose(array: Value) -> String {
        b64(array.to_string().as_bytes())
    }

    /// Signs `header` and `payload` with the P-256 key ("p") or the SM2 key ("s").
    fn sign(header: Value, payload: Value, disclosures: &[String]) -> String {
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(payload.to_string().as_bytes())
        );
        let signature = if header["kid"] == "s" {
            let s: sm2::dsa::Signature = sm2_key().sign(input.as_bytes());
            s.to_bytes().to_vec()
        } else {
            let s: p256::ecdsa::Signature = es256_key().sign(input.as_bytes());
            s.to_bytes().to_vec()
        };
        let mut out = format!("{input}.{}~", b64(&signature));
        for d in disclosures {
            out.push_str(d);
            out.push('~');
        }
        out
    }

    fn header(kid: &str) -> Value {
        let alg = if kid == "s" { "SM2-SM3" } else { "ES256" };
        json!({"alg": alg, "typ": "dc+sd-jwt", "kid": kid})
    }

    /// A licence with `uscc` disclosed, an address whose street is a nested disclosure, and
    /// `extra` merged into the payload.
    fn licence(kid: &str, extra: Value) -> String {
        let uscc = disclose(json!(["s1", "uscc", "91350100M000100Y43"]));
        let street = disclose(json!(["s2", "formatted", "福州市鼓楼区测试路2号"]));
        let address = disclose(json!(["s3", "address", {"_sd": [sdjwt::digest(&street)]}]));
        let mut payload = json!({"iss": ISS, "vct": "urn:test:licence", "iat": 1767225600,
            "exp": 1798761600, "firm_name": "测试有限公司",
            "_sd": [sdjwt::digest(&uscc), sdjwt::digest(&address)]});
        for (k, v) in extra.as_object().unwrap() {
            if v.is_null() {
                payload.as_object_mut().unwrap().remove(k);
            } else {
                payload[k] = v.clone();
            }
        }
        sign(header(kid), payload, &[uscc, address, street])
    }

    #[test]
    fn sm2_with_the_key_s_own_signer_id_and_nested_disclosures() {
        for kid in ["p", "s"] {
            let v = verify(
                &licence(kid, json!({})),
                &list("optional"),
                &Policy::Issued,
                AT,
            )
            .unwrap();
            assert_eq!(v.alg, if kid == "s" { Alg::Sm2Sm3 } else { Alg::Es256 });
            let ids: Vec<String> = v.elements.iter().map(|m| m.target.id()).collect();
            assert_eq!(ids, ["person.residence_address", "firm.name", "firm.uscc"]);
            assert_eq!(v.elements[0].value, "福州市鼓楼区测试路2号");
        }
        // The same SM2 signature under the default signer id does not verify.
        let mut json = list("optional");
        let default_id = {
            use sm2::elliptic_curve::sec1::ToSec1Point;
            let s = sm2_key().verifying_key().to_sec1_point(false);
            let (x, y) = xy(s.as_bytes());
            PublicKey::from_jwk(
                Alg::Sm2Sm3,
                &json!({"kty": "EC", "crv": "SM2", "x": x, "y": y}),
                SM2_DEFAULT_USER_ID,
            )
            .unwrap()
        };
        json.issuers[0].keys[1].key = default_id;
        assert_eq!(
            verify(&licence("s", json!({})), &json, &Policy::Issued, AT).unwrap_err(),
            CredentialError::Signature
        );
    }

    #[test]
    fn signed_but_unacceptable_credentials_are_refused() {
        let trust = list("optional");
        let refused =
            |extra: Value| verify(&licence("p", extra), &trust, &Policy::Issued, AT).unwrap_err();
        assert_eq!(
            refused(json!({"_sd_alg": "sha-512"})),
            CredentialError::DigestAlgorithm
        );
        assert_eq!(refused(json!({"exp": null})), CredentialError::Validity);
        assert_eq!(
            refused(json!({"exp": "2027-01-01"})),
            CredentialError::Validity
        );
        assert_eq!(
            refused(json!({"iss": null})),
            CredentialError::UntrustedIssuer
        );
        assert_eq!(
            refused(json!({"vct": null})),
            CredentialError::CredentialType
        );
        assert_eq!(
            refused(json!({"legal_representative": "张三"})),
            CredentialError::ElementNotAllowed {
                claim: "legal_representative".into()
            }
        );
        assert_eq!(
            refused(json!({"iat": 1798761600})),
            CredentialError::NotYetValid
        );

        // `vct` hidden in a disclosure.
        let vct = disclose(json!(["s9", "vct", "urn:test:licence"]));
        let payload = json!({"iss": ISS, "exp": 1798761600, "_sd": [sdjwt::digest(&vct)]});
        let hidden = sign(header("p"), payload, &[vct]);
        assert_eq!(
            verify(&hidden, &trust, &Policy::Issued, AT).unwrap_err(),
            CredentialError::ProtectedClaim
        );

        // The older `vc+sd-jwt` type: accepted for a payload of SD-JWT VC shape only.
        let payload = json!({"iss": ISS, "vct": "urn:test:licence", "exp": 1798761600});
        let mut legacy = header("p");
        legacy["typ"] = json!("vc+sd-jwt");
        assert!(
            verify(
                &sign(legacy.clone(), payload.clone(), &[]),
                &trust,
                &Policy::Issued,
                AT
            )
            .is_ok()
        );
        let mut w3c = payload;
        w3c["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
        assert_eq!(
            verify(&sign(legacy, w3c, &[]), &trust, &Policy::Issued, AT).unwrap_err(),
            CredentialError::Type
        );

        // Key binding forbidden by the trust list: a presentation is refused whatever it holds.
        let never = list("never");
        let with_kb = format!("{}x.y.z", licence("p", json!({})));
        assert_eq!(
            verify(&with_kb, &never, &presentation(), AT).unwrap_err(),
            CredentialError::KeyBindingUnexpected
        );
    }
}
