//! A hall's key, an attestation of what staff checked, and each kind of tampering refused.

use serde_json::{Value, json};
use time::macros::{date, datetime};

use super::*;
use crate::core::credential::import::{Action, apply, preview};
use crate::core::dictionary::Key;
use crate::core::profile::Data;
use crate::core::vault::SeededRandom;

const HALL: &str = "https://zwfw.example.gov.cn/halls/xicheng";
const NOW: OffsetDateTime = datetime!(2026-12-01 02:00 UTC);
const NAME: &str = "王小明";
const ID: &str = "110105199003071239";

fn key(seed: u64) -> HallKey {
    HallKey::generate(HALL, "hall-2026", &mut SeededRandom::new(seed)).unwrap()
}

fn trust_json(key: &HallKey) -> Value {
    json!({
        "format": "trust-list/1", "list_id": "example-halls", "sequence": 1,
        "issued_at": "2026-01-01T00:00:00Z", "next_update": "2027-01-01T00:00:00Z",
        "issuers": [{
            "id": HALL,
            "name": {"zh-CN": "示例区政务服务中心", "en": "Example district service hall"},
            "keys": [key.trust_key()],
            "credentials": [{"format": "oncefill-attestation/1",
                "claims": ["person.name", "person.id_number", "legal_rep:person.name"]}]
        }]
    })
}

fn trust(key: &HallKey) -> TrustList {
    TrustList::from_json(&trust_json(key).to_string()).unwrap()
}

fn name() -> Target {
    Target::parse("person.name").unwrap()
}

fn id() -> Target {
    Target::parse("person.id_number").unwrap()
}

fn attested(key: &HallKey) -> Attestation {
    attest(
        key,
        &[(name(), NAME), (id(), ID)],
        NOW,
        Duration::days(365),
        &mut SeededRandom::new(42),
    )
    .unwrap()
}

fn values() -> Vec<(Target, String)> {
    vec![(name(), NAME.into()), (id(), ID.into())]
}

fn payload(token: &str) -> Value {
    let part = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&Base64UrlUnpadded::decode_vec(part).unwrap()).unwrap()
}

/// The token with its payload changed by `edit` and the old signature kept.
fn with_payload(token: &str, edit: impl FnOnce(&mut Value)) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let mut p = payload(token);
    edit(&mut p);
    format!("{}.{}.{}", parts[0], b64_json(&p), parts[2])
}

#[test]
fn an_attestation_verifies_and_carries_no_value() {
    let k = key(1);
    let a = attested(&k);
    let p = payload(&a.token);
    assert_eq!(p["iss"], HALL);
    assert_eq!(p["date"], "2026-12-01");
    assert_eq!(p["elements"].as_array().unwrap().len(), 2);
    for text in [a.token.as_str(), &p.to_string(), &format!("{a:?}")] {
        assert!(
            !text.contains(NAME) && !text.contains("1101051990"),
            "{text}"
        );
    }
    let v = verify(&a, &values(), &trust(&k), NOW).unwrap();
    assert_eq!(
        v.source(),
        Source::StaffVerified {
            hall: HALL.into(),
            date: "2026-12-01".into()
        }
    );
    assert_eq!(v.hall_name_zh, "示例区政务服务中心");
    assert_eq!(v.elements.len(), 2);
    let debug = format!("{v:?}");
    assert!(
        !debug.contains(NAME) && !debug.contains("1101051990"),
        "{debug}"
    );
    // Salts differ per element, so equal values would not have equal digests.
    assert_ne!(a.salts["person.name"], a.salts["person.id_number"]);
}

#[test]
fn the_profile_records_the_values_through_the_import_preview() {
    let k = key(1);
    let a = attested(&k);
    let mut profile = Profile::new();
    let owner = profile.owner_mut();
    owner.values.set(
        Key::PersonName,
        Data::Text(NAME.into()),
        Source::SelfDeclared,
        "t0",
    );
    owner.values.set(
        Key::PersonIdNumber,
        Data::Text(ID.into()),
        Source::SelfDeclared,
        "t0",
    );
    let v = verify(&a, &values_from(&a, &profile), &trust(&k), NOW).unwrap();
    let shown = preview(&profile, &v.elements, &v.source(), date!(2026 - 12 - 01));
    assert!(
        shown.changes.iter().all(|c| c.action
            == Action::Same {
                current: Source::SelfDeclared
            }),
        "{shown:?}"
    );
    assert_eq!(
        apply(
            &mut profile,
            &v.elements,
            &shown,
            date!(2026 - 12 - 01),
            "t1"
        ),
        Ok(2)
    );
    let owner = profile.owner().unwrap();
    for key in [Key::PersonName, Key::PersonIdNumber] {
        assert_eq!(owner.values.get(key).unwrap().source, v.source());
    }
}

#[test]
fn a_changed_value_is_refused() {
    let k = key(1);
    let a = attested(&k);
    let changed = vec![(name(), "王晓明".to_string()), (id(), ID.to_string())];
    let e = verify(&a, &changed, &trust(&k), NOW).unwrap_err();
    assert_eq!(
        e,
        AttestError::Value {
            element: "person.name".into()
        }
    );
    let message = e.to_string();
    assert!(
        message.contains("姓名") && !message.contains("王"),
        "{message}"
    );
    assert_eq!(
        verify(&a, &values()[..1], &trust(&k), NOW).unwrap_err(),
        AttestError::MissingValue {
            element: "person.id_number".into()
        }
    );
    // A salt swapped or altered does not match either.
    let mut swapped = a.clone();
    swapped
        .salts
        .insert("person.name".into(), a.salts["person.id_number"].clone());
    assert!(matches!(
        verify(&swapped, &values(), &trust(&k), NOW),
        Err(AttestError::Value { .. })
    ));
}

#[test]
fn a_tampered_token_is_refused() {
    let k = key(1);
    let a = attested(&k);
    // A digest replaced by one for another value: the signature no longer holds.
    let forged_digest = value_digest(&a.salts["person.name"], "person.name", "王晓明");
    let forged = Attestation {
        token: with_payload(&a.token, |p| {
            p["elements"][0]["digest"] = json!(forged_digest);
        }),
        salts: a.salts.clone(),
    };
    let changed = vec![(name(), "王晓明".to_string()), (id(), ID.to_string())];
    assert_eq!(
        verify(&forged, &changed, &trust(&k), NOW).unwrap_err(),
        AttestError::Signature
    );
    // A later expiry.
    let later = Attestation {
        token: with_payload(&a.token, |p| p["exp"] = json!(4_000_000_000_i64)),
        salts: a.salts.clone(),
    };
    assert_eq!(
        verify(&later, &values(), &trust(&k), NOW).unwrap_err(),
        AttestError::Signature
    );
    // Not a JWS at all.
    let broken = Attestation {
        token: "not.an.attestation".into(),
        salts: a.salts.clone(),
    };
    assert_eq!(
        verify(&broken, &values(), &trust(&k), NOW).unwrap_err(),
        AttestError::Malformed
    );
}

#[test]
fn a_wrong_key_or_an_unknown_hall_is_refused() {
    let k = key(1);
    let other = key(2);
    // Signed by another key under the same kid.
    let a = attested(&other);
    assert_eq!(
        verify(&a, &values(), &trust(&k), NOW).unwrap_err(),
        AttestError::Signature
    );
    // A kid the trust list does not have.
    let renamed = HallKey::generate(HALL, "hall-2027", &mut SeededRandom::new(1)).unwrap();
    assert_eq!(
        verify(&attested(&renamed), &values(), &trust(&k), NOW).unwrap_err(),
        AttestError::Key
    );
    // A hall the trust list does not have.
    let stranger = HallKey::generate(
        "https://zwfw.example.gov.cn/halls/unknown",
        "hall-2026",
        &mut SeededRandom::new(1),
    )
    .unwrap();
    assert_eq!(
        verify(&attested(&stranger), &values(), &trust(&k), NOW).unwrap_err(),
        AttestError::UnknownHall
    );
}

#[test]
fn an_element_the_hall_may_not_attest_is_refused() {
    let k = key(1);
    let a = attest(
        &k,
        &[(
            Target::parse("person.hukou_address").unwrap(),
            "北京市西城区示例街1号",
        )],
        NOW,
        Duration::days(30),
        &mut SeededRandom::new(3),
    )
    .unwrap();
    let values = vec![(
        Target::parse("person.hukou_address").unwrap(),
        "北京市西城区示例街1号".to_string(),
    )];
    assert_eq!(
        verify(&a, &values, &trust(&k), NOW).unwrap_err(),
        AttestError::ElementNotAllowed {
            element: "person.hukou_address".into()
        }
    );
}

#[test]
fn dates_are_checked() {
    let k = key(1);
    let a = attested(&k);
    let t = trust(&k);
    assert_eq!(
        verify(&a, &values(), &t, NOW + Duration::days(366)).unwrap_err(),
        AttestError::Expired
    );
    assert_eq!(
        verify(&a, &values(), &t, NOW - Duration::hours(1)).unwrap_err(),
        AttestError::NotYetValid
    );
    assert!(
        verify(&a, &values(), &t, NOW - Duration::minutes(4)).is_ok(),
        "skew"
    );
    let mut windowed = trust_json(&k);
    windowed["issuers"][0]["keys"][0]["valid_until"] = json!("2026-06-01T00:00:00Z");
    let windowed = TrustList::from_json(&windowed.to_string()).unwrap();
    assert_eq!(
        verify(&a, &values(), &windowed, NOW).unwrap_err(),
        AttestError::KeyValidity
    );
}

#[test]
fn a_hall_key_is_kept_as_text_and_shown_as_a_jwk() {
    let k = key(7);
    let secret = k.secret_text();
    let back = HallKey::from_secret_text(&secret).unwrap();
    assert_eq!(back.public_jwk(), k.public_jwk());
    assert_eq!((back.hall.as_str(), back.kid.as_str()), (HALL, "hall-2026"));
    let d = serde_json::from_str::<Value>(&secret).unwrap()["d"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(d.len(), 43);
    assert!(!format!("{k:?}").contains(&d));
    assert!(
        !k.trust_key().to_string().contains(&d),
        "no secret in the public key"
    );
    assert_eq!(k.public_jwk()["crv"], "P-256");
    // An attestation signed by the key read back verifies with the original's public key.
    assert!(verify(&attested(&back), &values(), &trust(&k), NOW).is_ok());
    for bad in [
        "{}",
        r#"{"format":"oncefill-hall-key/1","hall":"h","kid":"k","d":"AAAA"}"#,
        &secret.replace("oncefill-hall-key/1", "other/1"),
    ] {
        assert_eq!(
            HallKey::from_secret_text(bad).unwrap_err(),
            AttestError::Secret
        );
    }
    assert_ne!(key(8).public_jwk(), k.public_jwk());
}

#[test]
fn the_trust_list_keeps_attestations_apart_from_credentials() {
    let k = key(1);
    let t = trust(&k);
    let hall = t.issuer(HALL).unwrap();
    assert!(hall.may_attest("legal_rep:person.name"));
    assert!(!hall.may_attest("person.hukou_address"));
    assert!(hall.credential("").is_none());
    let mut with_vct = trust_json(&k);
    with_vct["issuers"][0]["credentials"][0]["vct"] = json!(["urn:x"]);
    assert!(TrustList::from_json(&with_vct.to_string()).is_err());
    let mut not_an_element = trust_json(&k);
    not_an_element["issuers"][0]["credentials"][0]["claims"] = json!(["given_name"]);
    assert!(TrustList::from_json(&not_an_element.to_string()).is_err());
}

#[test]
fn the_text_for_the_citizen_reads_back_and_verifies_with_no_value_in_it() {
    let k = key(1);
    let a = attested(&k);
    let text = a.to_text().unwrap();
    assert!(text.starts_with("OFA1~"));
    assert!(!text.contains(NAME) && !text.contains(ID), "no value");
    // base64url, `.` and `~` only: encodeURIComponent leaves it as it is.
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
    );
    // One salt per element, in the payload's order.
    assert_eq!(text.split('~').count(), 2 + 2);
    let back = Attestation::from_text(&format!("  {text}\n")).unwrap();
    assert_eq!(back, a);
    assert!(verify(&back, &values(), &trust(&k), NOW).is_ok());
    assert_eq!(back.to_text().unwrap(), text);
}

#[test]
fn a_text_that_is_not_an_attestation_is_refused() {
    let a = attested(&key(1));
    let text = a.to_text().unwrap();
    let parts: Vec<&str> = text.split('~').collect();
    let salt = parts[2];
    let bad = [
        String::new(),
        text.replacen("OFA1", "OFA2", 1),
        text.replacen("OFA1~", "", 1),
        // A salt missing, one too many, empty, not base64url.
        parts[..3].join("~"),
        format!("{text}~{salt}"),
        format!("{}~~{}", parts[..2].join("~"), parts[3]),
        format!("{}~{}~a+b", parts[..2].join("~"), salt),
        // Not a JWS.
        format!("OFA1~not.a.token~{salt}"),
        format!("OFA1~{}", "x".repeat(MAX_ATTESTATION_BYTES)),
    ];
    for b in &bad {
        assert_eq!(Attestation::from_text(b), Err(AttestError::Malformed));
    }
    // The same element twice in the payload: refused too.
    let twice = with_payload(&a.token, |p| {
        p["elements"][1]["element"] = json!("person.name");
    });
    assert_eq!(
        Attestation::from_text(&format!("OFA1~{twice}~{salt}~{salt}")),
        Err(AttestError::Malformed)
    );
    // An attestation whose salts do not match its elements has no text.
    let mut short = a.clone();
    short.salts.pop_first();
    assert_eq!(short.to_text(), Err(AttestError::Malformed));
}
