//! The module's functions on the committed demo credentials, a hall's attestation and a desk's
//! session.

use oncefill::core::credential::elements::Target;
use oncefill::core::handoff::DeskSession;
use oncefill::core::handoff::attest::{HallKey, attest};
use oncefill::core::profile::Data;
use oncefill::core::vault::SeededRandom;
use serde_json::{Value, json};
use time::Duration;

use super::*;

const TRUST: &str = include_str!("../../../www/trust/demo-trust.json");
const SM2: &str = include_str!("../../../tests/credentials/resident-id-sm2.sdjwt");
const TAMPERED: &str = include_str!("../../../tests/credentials/tampered.sdjwt");
const UNTRUSTED: &str = include_str!("../../../tests/credentials/untrusted-issuer.sdjwt");
const ALG_NONE: &str = include_str!("../../../tests/credentials/alg-none.sdjwt");
/// 2026-12-01T02:00:00Z.
const NOW: i64 = 1_796_090_400;
const ID: &str = "110105199003071239";

fn empty() -> String {
    Profile::new().to_json()
}

#[test]
fn a_demo_credential_previews_masked_and_applies_exactly_that() {
    let shown = import_preview_json(SM2, TRUST, &empty(), NOW);
    assert_eq!(shown["ok"], true, "{shown}");
    assert_eq!(shown["kind"], "credential");
    assert_eq!(shown["demo"], true);
    assert!(
        shown["issuer"]["zh-CN"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    assert!(!shown.to_string().contains(ID), "no value in the preview");
    let elements = shown["elements"].as_array().unwrap();
    let id = elements
        .iter()
        .find(|e| e["element"] == "person.id_number")
        .unwrap();
    assert_eq!(id["action"], "add");
    assert!(shown["count"].as_u64().unwrap() >= 5);

    let text = shown.to_string();
    let done = import_apply_json(SM2, TRUST, &empty(), NOW, &text);
    assert_eq!(done["ok"], true, "{done}");
    assert_eq!(done["written"], shown["count"]);
    let profile = Profile::from_json(done["profile"].as_str().unwrap()).unwrap();
    let owner = profile.owner().unwrap();
    assert_eq!(owner.values.text(Key::PersonIdNumber), Some(ID));
    assert!(matches!(
        owner.values.get(Key::PersonIdNumber).unwrap().source,
        Source::Credential { .. }
    ));

    // Applied again over the result, the preview shown before is stale: nothing written.
    let again = import_apply_json(SM2, TRUST, done["profile"].as_str().unwrap(), NOW, &text);
    assert_eq!(again["ok"], false);
    assert_eq!(again["code"], "stale");
}

#[test]
fn refusals_carry_the_plain_reason_and_no_value() {
    for (text, code) in [
        (TAMPERED, "signature"),
        (UNTRUSTED, "untrusted-issuer"),
        (ALG_NONE, "algorithm"),
    ] {
        let out = import_preview_json(text, TRUST, &empty(), NOW);
        assert_eq!(out["ok"], false, "{code}");
        assert_eq!(out["code"], code);
        let zh = out["message"]["zh-CN"].as_str().unwrap();
        assert!(!zh.is_empty() && zh != code, "{zh}");
        assert!(!out.to_string().contains(ID));
        let applied = import_apply_json(text, TRUST, &empty(), NOW, &out.to_string());
        assert_eq!(applied["ok"], false);
        assert!(applied.get("profile").is_none());
    }
    let expired = import_preview_json(SM2, TRUST, &empty(), NOW + 20 * 365 * 86_400);
    assert_eq!(expired["code"], "expired");
}

#[test]
fn a_halls_attestation_is_verified_against_the_profiles_own_values() {
    const HALL: &str = "https://zwfw.example.gov.cn/halls/xicheng";
    let key = HallKey::generate(HALL, "hall-2026", &mut SeededRandom::new(7)).unwrap();
    let trust = json!({
        "format": "trust-list/1", "list_id": "example-halls", "sequence": 1,
        "issued_at": "2026-01-01T00:00:00Z", "next_update": "2027-01-01T00:00:00Z",
        "issuers": [{
            "id": HALL,
            "name": {"zh-CN": "示例区政务服务中心", "en": "Example district service hall"},
            "keys": [key.trust_key()],
            "credentials": [{"format": "oncefill-attestation/1",
                "claims": ["person.name", "person.id_number"]}]
        }]
    })
    .to_string();
    let mut profile = Profile::new();
    profile.owner_mut().values.set(
        Key::PersonIdNumber,
        Data::Text(ID.into()),
        Source::SelfDeclared,
        "2026-11-30T00:00:00Z",
    );
    let when = OffsetDateTime::from_unix_timestamp(NOW).unwrap();
    let target = Target::parse("person.id_number").unwrap();
    let a = attest(
        &key,
        &[(target, ID)],
        when,
        Duration::days(30),
        &mut SeededRandom::new(1),
    )
    .unwrap();
    let text = serde_json::to_string(&a).unwrap();
    // The desk's text form (its `#attest=` link): `OFA1~<JWS>~<salt>`, one salt per element.
    let link = format!("OFA1~{}~{}", a.token, a.salts["person.id_number"]);
    assert_eq!(
        import_preview_json(&link, &trust, &profile.to_json(), NOW),
        import_preview_json(&text, &trust, &profile.to_json(), NOW)
    );
    for broken in [
        format!("OFA1~{}", a.token),
        format!("OFA1~{}~{}~x", a.token, a.salts["person.id_number"]),
        format!("OFA2~{}~{}", a.token, a.salts["person.id_number"]),
        format!("OFA1~{}~not base64!", a.token),
    ] {
        assert_eq!(
            import_preview_json(&broken, &trust, &profile.to_json(), NOW)["code"],
            "malformed",
            "{broken}"
        );
    }

    let shown = import_preview_json(&text, &trust, &profile.to_json(), NOW);
    assert_eq!(shown["ok"], true, "{shown}");
    assert_eq!(shown["kind"], "attestation");
    assert_eq!(shown["issuer"]["en"], "Example district service hall");
    assert_eq!(shown["date"], "2026-12-01");
    assert_eq!(shown["elements"][0]["action"], "same");

    // Another ID number in the profile: the digest does not match, refused.
    let mut other = Profile::new();
    other.owner_mut().values.set(
        Key::PersonIdNumber,
        Data::Text("11010519491231002X".into()),
        Source::SelfDeclared,
        "2026-11-30T00:00:00Z",
    );
    let refused = import_preview_json(&text, &trust, &other.to_json(), NOW);
    assert_eq!(refused["ok"], false);
    assert!(!refused.to_string().contains("11010519491231002X"));
    // Not on the demo list.
    assert_eq!(
        import_preview_json(&text, TRUST, &profile.to_json(), NOW)["ok"],
        false
    );
}

#[test]
fn an_offer_shows_the_desks_check_code_and_a_seal_opens_at_that_desk() {
    let desk = DeskSession::start(NOW, &mut SeededRandom::new(3)).unwrap();
    let offer = desk.offer().text();
    let read = offer_json(&offer, NOW);
    assert_eq!(read["ok"], true);
    assert_eq!(read["check"], desk.offer().check_code());
    assert_eq!(offer_json(&offer, NOW + 3600)["code"], "offer-expired");
    assert_eq!(offer_json("OFO1.nonsense", NOW)["ok"], false);

    let items = json!([
        ["person.name", null, "王小明"],
        ["person.name", "spouse", "李芳"]
    ])
    .to_string();
    let out = seal_json(&offer, &items, &[], None, NOW);
    assert_eq!(out["ok"], true, "{out}");
    let sealed = out["sealed"].as_str().unwrap();
    let received = desk.open(sealed, NOW + 10).unwrap();
    assert_eq!(received.items.len(), 2);
    assert_eq!(received.items[1].value(), "李芳");
    assert_eq!(out["expires"], NOW + PAYLOAD_TTL);
    let entry = out["entry"].to_string();
    assert!(!entry.contains("王小明") && entry.contains(desk.offer().check_code().as_str()));
    assert!(out["svg"].as_str().unwrap().starts_with("<svg"));

    assert_eq!(seal_json(&offer, "[]", &[], None, NOW)["code"], "empty");
    assert_eq!(
        seal_json(
            &offer,
            &json!([["person.nope", null, "x"]]).to_string(),
            &[],
            None,
            NOW
        )["code"],
        "unknown-element"
    );
}

#[test]
fn the_svg_draws_every_dark_module_inside_the_quiet_zone() {
    let matrix = qr::render("OFS1.abc").unwrap();
    let picture = svg(&matrix);
    let dark = (0..matrix.width())
        .flat_map(|y| (0..matrix.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| matrix.is_dark(x, y))
        .count();
    assert_eq!(picture.matches("h1v1h-1z").count(), dark);
    let side = matrix.width() + 2 * qr::QUIET_ZONE;
    assert!(picture.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
    // The top-left finder pattern starts right after the quiet zone.
    assert!(picture.contains(&format!("M{q} {q}h1v1h-1z", q = qr::QUIET_ZONE)));
    let _: Value = json!(picture);
}

#[test]
fn an_imported_credential_is_kept_and_presented_in_part_at_the_desk() {
    let shown = import_preview_json(SM2, TRUST, &empty(), NOW).to_string();
    let done = import_apply_json(SM2, TRUST, &empty(), NOW, &shown);
    let profile = Profile::from_json(done["profile"].as_str().unwrap()).unwrap();
    assert_eq!(profile.credentials, [SM2.trim()]);

    let desk = DeskSession::start(NOW, &mut SeededRandom::new(4)).unwrap();
    let owner = profile.owner().unwrap();
    let name = owner.values.text(Key::PersonName).unwrap();
    let items = json!([["person.name", null, name], ["person.sex", null, "1"]]).to_string();
    let out = seal_json(
        &desk.offer().text(),
        &items,
        &profile.credentials,
        Some(TRUST),
        NOW,
    );
    assert_eq!(out["ok"], true, "{out}");
    assert_eq!(out["presented"], 1);
    let mut received = desk.open(out["sealed"].as_str().unwrap(), NOW + 5).unwrap();
    let p = received.presentations[0].text().to_string();
    assert!(
        p.len() < SM2.len() / 2 + 900,
        "only two elements' disclosures"
    );
    let list = oncefill::core::credential::trust::TrustList::from_json(TRUST).unwrap();
    let outcomes = handoff::present::check(&mut received, &list, NOW + 5);
    assert_eq!(outcomes[0].as_ref().unwrap().alg, "SM2-SM3");
    assert!(received.items.iter().all(|i| i.verified.is_some()));

    // Without a trust list nothing is presented.
    let out = seal_json(
        &desk.offer().text(),
        &items,
        &profile.credentials,
        None,
        NOW,
    );
    assert_eq!(out["presented"], 0);
}
