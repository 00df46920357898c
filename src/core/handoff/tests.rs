use super::*;
use crate::core::vault::SeededRandom;

const NOW: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

fn desk(seed: u64) -> DeskSession {
    DeskSession::start(NOW, &mut SeededRandom::new(seed)).unwrap()
}

fn sealed_to(desk: &DeskSession, items: &[Item]) -> String {
    seal(desk.offer(), items, NOW, &mut SeededRandom::new(99)).unwrap()
}

/// Seals a hand-written payload to `desk`, as a hostile or buggy app could.
fn seal_raw(desk: &DeskSession, payload: &str) -> String {
    let offer = desk.offer();
    let session = PublicKey::from_sec1_bytes(&offer.key).unwrap();
    let ephemeral = random_secret(&mut SeededRandom::new(5)).unwrap();
    let ephemeral_key = compressed(&ephemeral.public_key());
    let sealing = derive(&ephemeral, &session, &ephemeral_key, &offer.key).unwrap();
    let mut out = session_id(&offer.key).to_vec();
    out.extend_from_slice(&ephemeral_key);
    let aad = associated_data(offer, &out);
    let ciphertext = Aes256Gcm::new(&(*sealing.key).into())
        .encrypt(
            &Nonce::from(sealing.nonce),
            Payload {
                msg: payload.as_bytes(),
                aad: &aad,
            },
        )
        .unwrap();
    out.extend_from_slice(&ciphertext);
    format!("OFS1.{}", Base64UrlUnpadded::encode_string(&out))
}

#[test]
fn the_typical_set_goes_round_and_is_checked() {
    let desk = desk(1);
    let text = sealed_to(&desk, &typical_items());
    let received = desk.open(&text, NOW + 10).unwrap();
    assert_eq!(received.issued_at, NOW);
    assert_eq!(received.expires_at, NOW + PAYLOAD_TTL);
    assert_eq!(received.items, typical_items());
}

#[test]
fn values_are_normalised_by_their_validators_and_roles_kept() {
    let desk = desk(2);
    let spouse = RoleRef::parse("spouse");
    let items = [
        Item::new(Key::ContactMobile, None, "+86 138-0013-8000"),
        Item::new(Key::PersonName, spouse, "李芳"),
        Item::new(Key::PersonName, None, "王小明"),
    ];
    let received = desk.open(&sealed_to(&desk, &items), NOW).unwrap();
    assert_eq!(received.items[0].value(), "13800138000");
    assert_eq!(received.items[1].role, spouse);
    assert_eq!(received.items[1].value(), "李芳");
}

#[test]
fn the_offer_reads_back_and_both_sides_show_the_same_check_code() {
    let desk = desk(3);
    let text = desk.offer().text();
    assert!(text.starts_with("OFO1."), "{text}");
    let offer = Offer::parse(&format!("  {text}\n")).unwrap();
    assert_eq!(&offer, desk.offer());
    assert_eq!(offer.expires_at(), NOW + OFFER_TTL);
    let code = offer.check_code();
    assert_eq!(code.len(), 6);
    assert!(code.bytes().all(|b| b.is_ascii_digit()));
    assert_ne!(code, self::desk(4).offer().check_code());
    for bad in [
        "",
        "OFO1.",
        "OFO1.abc.123",
        "OFS1.x.1",
        &text.replace('.', ","),
        &format!("{text}x"),
        &format!("{text}.1"),
        &"x".repeat(500),
    ] {
        assert_eq!(
            Offer::parse(bad),
            Err(HandoffError::OfferMalformed),
            "{bad}"
        );
    }
    // A key that is no point of the curve.
    let mut off_curve = [0u8; KEY_LEN];
    off_curve[0] = 2;
    while PublicKey::from_sec1_bytes(&off_curve).is_ok() {
        off_curve[KEY_LEN - 1] += 1;
    }
    let forged = format!(
        "OFO1.{}.{}",
        Base64UrlUnpadded::encode_string(&off_curve),
        NOW
    );
    assert_eq!(Offer::parse(&forged), Err(HandoffError::OfferMalformed));
    assert_eq!(
        Offer::parse(&text.replacen("OFO1", "OFO2", 1)),
        Err(HandoffError::UnknownVersion)
    );
}

#[test]
fn sealing_refuses_an_expired_offer_nothing_and_repeats() {
    let desk = desk(5);
    let rng = &mut SeededRandom::new(1);
    assert_eq!(
        seal(desk.offer(), &typical_items(), NOW + OFFER_TTL + 1, rng),
        Err(HandoffError::OfferExpired)
    );
    assert_eq!(seal(desk.offer(), &[], NOW, rng), Err(HandoffError::Empty));
    let mut twice = typical_items();
    twice.push(Item::new(Key::PersonName, None, "王小明"));
    assert_eq!(
        seal(desk.offer(), &twice, NOW, rng),
        Err(HandoffError::DuplicateElement {
            key: Key::PersonName
        })
    );
    let many: Vec<Item> = (0..=MAX_ELEMENTS)
        .map(|n| Item::new(Key::PersonName, RoleRef::parse(&format!("child[{n}]")), "x"))
        .collect();
    assert_eq!(
        seal(desk.offer(), &many, NOW, rng),
        Err(HandoffError::TooLarge)
    );
}

#[test]
fn another_desk_or_an_earlier_session_cannot_open_it() {
    let text = sealed_to(&desk(6), &typical_items());
    assert_eq!(desk(7).open(&text, NOW), Err(HandoffError::WrongSession));
    // The same key offered with another expiry: the associated data differs.
    let secret = random_secret(&mut SeededRandom::new(6)).unwrap();
    let key = compressed(&secret.public_key());
    let other = DeskSession {
        secret,
        offer: Offer {
            key,
            expires_at: NOW + 1,
        },
    };
    assert_eq!(other.open(&text, NOW), Err(HandoffError::Tampered));
}

#[test]
fn every_changed_character_is_refused() {
    let desk = desk(8);
    let text = sealed_to(&desk, &typical_items()[..2]);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for i in 5..text.len() {
        let mut bytes = text.clone().into_bytes();
        let at = alphabet.iter().position(|&c| c == bytes[i]).unwrap();
        bytes[i] = alphabet[(at + 1) % 64];
        let changed = String::from_utf8(bytes).unwrap();
        assert!(desk.open(&changed, NOW).is_err(), "character {i}");
    }
    for len in 0..text.len() {
        assert!(desk.open(&text[..len], NOW).is_err(), "prefix {len}");
    }
}

#[test]
fn time_limits_are_kept() {
    let desk = desk(9);
    let text = sealed_to(&desk, &typical_items());
    assert!(desk.open(&text, NOW + PAYLOAD_TTL).is_ok());
    assert_eq!(
        desk.open(&text, NOW + PAYLOAD_TTL + 1),
        Err(HandoffError::Expired)
    );
    assert!(desk.open(&text, NOW - CLOCK_SKEW).is_ok());
    assert_eq!(
        desk.open(&text, NOW - CLOCK_SKEW - 1),
        Err(HandoffError::FutureDated)
    );
    let long = format!(
        r#"{{"iat":{NOW},"exp":{},"e":[["person.name","王小明"]]}}"#,
        NOW + 3600
    );
    assert_eq!(
        desk.open(&seal_raw(&desk, &long), NOW),
        Err(HandoffError::Lifetime)
    );
    let backwards = format!(r#"{{"iat":{NOW},"exp":{NOW},"e":[["person.name","王小明"]]}}"#);
    assert_eq!(
        desk.open(&seal_raw(&desk, &backwards), NOW),
        Err(HandoffError::Lifetime)
    );
    // Times at the ends of the range neither wrap nor panic.
    for (iat, exp) in [
        (i64::MIN, i64::MAX),
        (i64::MIN, 0),
        (0, i64::MAX),
        (i64::MAX - 1, i64::MAX),
    ] {
        let extreme = format!(r#"{{"iat":{iat},"exp":{exp},"e":[["person.name","王小明"]]}}"#);
        assert!(
            desk.open(&seal_raw(&desk, &extreme), NOW).is_err(),
            "{iat} {exp}"
        );
        assert!(desk.open(&seal_raw(&desk, &extreme), i64::MAX).is_err());
        assert!(desk.open(&seal_raw(&desk, &extreme), i64::MIN).is_err());
    }
    let far = DeskSession::start(i64::MAX - 10, &mut SeededRandom::new(1)).unwrap();
    assert_eq!(far.offer().expires_at(), i64::MAX);
    assert!(
        seal(
            far.offer(),
            &typical_items(),
            i64::MAX - 5,
            &mut SeededRandom::new(2)
        )
        .is_ok()
    );
    // Sealed (by its own account) long after the offer ran out.
    let late = NOW + OFFER_TTL + CLOCK_SKEW + 1;
    let after = format!(
        r#"{{"iat":{late},"exp":{},"e":[["person.name","王小明"]]}}"#,
        late + 60
    );
    assert_eq!(
        desk.open(&seal_raw(&desk, &after), late),
        Err(HandoffError::FutureDated)
    );
}

#[test]
fn hostile_payloads_are_refused_without_quoting_a_value() {
    let desk = desk(10);
    let exp = NOW + 60;
    let cases = [
        (
            r#"["person.name","王小明"],["person.name","王大明"]"#,
            HandoffError::DuplicateElement {
                key: Key::PersonName,
            },
        ),
        (
            r#"["person.future","110105199003071239"]"#,
            HandoffError::UnknownElement,
        ),
        (
            r#"["110105199003071239","x"]"#,
            HandoffError::UnknownElement,
        ),
        (
            r#"["person.name","王小明","cousin"]"#,
            HandoffError::UnknownRole,
        ),
        (
            r#"["person.id_number","110105199003071230"]"#,
            HandoffError::InvalidValue {
                key: Key::PersonIdNumber,
            },
        ),
        (
            r#"["contact.mobile","12345"]"#,
            HandoffError::InvalidValue {
                key: Key::ContactMobile,
            },
        ),
        (
            r#"["person.birth_date","2030-01-01"]"#,
            HandoffError::InvalidValue {
                key: Key::PersonBirthDate,
            },
        ),
        (
            r#"["person.name","李芳","spouse"],["person.name","李芳","spouse[0]"]"#,
            HandoffError::DuplicateElement {
                key: Key::PersonName,
            },
        ),
        (r#"["person.name"]"#, HandoffError::Malformed),
        (
            r#"["person.name","a","spouse","x"]"#,
            HandoffError::Malformed,
        ),
    ];
    for (elements, expected) in cases {
        let payload = format!(r#"{{"iat":{NOW},"exp":{exp},"e":[{elements}]}}"#);
        let error = desk.open(&seal_raw(&desk, &payload), NOW).unwrap_err();
        assert_eq!(error, expected, "{elements}");
        for lang in [Lang::ZhCn, Lang::En] {
            let text = error.message(lang);
            assert!(!text.starts_with("handoff-"), "{text}");
            assert!(!text.contains("1101") && !text.contains("王"), "{text}");
        }
    }
    let empty = format!(r#"{{"iat":{NOW},"exp":{exp},"e":[]}}"#);
    assert_eq!(
        desk.open(&seal_raw(&desk, &empty), NOW),
        Err(HandoffError::Empty)
    );
    let extra = format!(r#"{{"iat":{NOW},"exp":{exp},"e":[],"more":1}}"#);
    assert_eq!(
        desk.open(&seal_raw(&desk, &extra), NOW),
        Err(HandoffError::Malformed)
    );
    assert_eq!(
        desk.open(&seal_raw(&desk, "not json"), NOW),
        Err(HandoffError::Malformed)
    );
    let many = vec![r#"["person.name","王小明"]"#; MAX_ELEMENTS + 1].join(",");
    let payload = format!(r#"{{"iat":{NOW},"exp":{exp},"e":[{many}]}}"#);
    assert_eq!(
        desk.open(&seal_raw(&desk, &payload), NOW),
        Err(HandoffError::TooLarge)
    );
}

#[test]
fn an_id_number_is_checked_by_the_document_type_handed_with_it() {
    let desk = desk(11);
    let passport = [
        Item::new(Key::PersonIdType, None, "护照"),
        Item::new(Key::PersonIdNumber, None, "E12345678"),
    ];
    let received = desk.open(&sealed_to(&desk, &passport), NOW);
    assert!(received.is_ok(), "{received:?}");
    let no_type = [Item::new(Key::PersonIdNumber, None, "E12345678")];
    assert_eq!(
        desk.open(&sealed_to(&desk, &no_type), NOW),
        Err(HandoffError::InvalidValue {
            key: Key::PersonIdNumber
        })
    );
}

#[test]
fn oversized_unknown_and_malformed_texts_are_refused_before_decrypting() {
    let desk = desk(12);
    let text = sealed_to(&desk, &typical_items());
    assert_eq!(
        desk.open(&"A".repeat(MAX_SEALED_CHARS + 1), NOW),
        Err(HandoffError::TooLarge)
    );
    assert_eq!(
        desk.open(&text.replacen("OFS1", "OFS2", 1), NOW),
        Err(HandoffError::UnknownVersion)
    );
    for bad in [
        "",
        "OFS1.",
        "OFS1.***",
        "OFO1.AAAA",
        "OFS.AAAA",
        "OFS1.AAAA",
    ] {
        assert_eq!(desk.open(bad, NOW), Err(HandoffError::Malformed), "{bad}");
    }
}

#[test]
fn every_message_is_in_both_languages_and_debug_masks_values() {
    let errors = [
        HandoffError::OfferMalformed,
        HandoffError::OfferExpired,
        HandoffError::Empty,
        HandoffError::TooLarge,
        HandoffError::Malformed,
        HandoffError::UnknownVersion,
        HandoffError::WrongSession,
        HandoffError::Tampered,
        HandoffError::Expired,
        HandoffError::FutureDated,
        HandoffError::Lifetime,
        HandoffError::UnknownElement,
        HandoffError::UnknownRole,
        HandoffError::DuplicateElement {
            key: Key::PersonIdNumber,
        },
        HandoffError::InvalidValue {
            key: Key::PersonIdNumber,
        },
        HandoffError::Randomness,
        HandoffError::NoQrCode,
        HandoffError::TooLargeForQr,
    ];
    for e in &errors {
        let zh = e.message(Lang::ZhCn);
        let en = e.message(Lang::En);
        assert!(
            !zh.starts_with("handoff-") && !en.starts_with("handoff-"),
            "{e:?}"
        );
        assert_ne!(zh, en);
    }
    assert!(errors[14].message(Lang::ZhCn).contains("证件号码"));
    assert!(errors[14].message(Lang::En).contains("ID document number"));

    let desk = desk(13);
    let received = desk.open(&sealed_to(&desk, &typical_items()), NOW).unwrap();
    let shown = format!("{received:?} {desk:?} {:?}", typical_items());
    for item in typical_items().iter().filter(|i| i.value().len() > 2) {
        assert!(!shown.contains(item.value()), "{shown}");
    }
    assert!(shown.contains("person.id_number"), "{shown}");
    assert!(format!("{desk:?}").contains(&desk.offer().check_code()));
}

#[test]
fn the_typical_set_fits_one_qr_code_and_comes_back_through_a_picture() {
    let desk = desk(14);
    let text = sealed_to(&desk, &typical_items());
    let matrix = qr::render(&text).unwrap();
    assert!(matrix.version() <= 20, "version {}", matrix.version());
    let (side, pixels) = matrix.rasterise(3);
    let read = qr::decode(side, side, &pixels).unwrap();
    assert_eq!(desk.open(&read, NOW).unwrap().items, typical_items());
    let offer = qr::render(&desk.offer().text()).unwrap();
    let (side, pixels) = offer.rasterise(3);
    let read = qr::decode(side, side, &pixels).unwrap();
    assert_eq!(&Offer::parse(&read).unwrap(), desk.offer());
}

#[test]
fn items_come_from_the_profile_and_the_record_names_no_value() {
    let profile = crate::core::profile::Profile::demo();
    let owner_name = profile
        .owner()
        .and_then(|o| o.values.text(Key::PersonName))
        .unwrap()
        .to_string();
    let item = Item::from_profile(&profile, Key::PersonName, None).unwrap();
    assert_eq!(item.value(), owner_name);
    assert_eq!(item.role, None);
    assert!(Item::from_profile(&profile, Key::PersonName, RoleRef::parse("child[9]")).is_none());

    let desk = desk(15);
    let items = typical_items();
    let entry = disclosure_entry(desk.offer(), &items, "2026-01-01T00:00:00Z");
    assert_eq!(entry.origin, DESK_ORIGIN);
    assert!(entry.title.contains(&desk.offer().check_code()));
    assert_eq!(entry.count, items.len());
    assert_eq!(entry.elements[4].element, "person.id_number");
    let json = serde_json::to_string(&entry).unwrap();
    for item in items.iter().filter(|i| i.value().len() > 2) {
        assert!(!json.contains(item.value()), "{json}");
    }
}

#[test]
fn what_the_desk_received_becomes_a_household_for_its_editor() {
    let desk = desk(16);
    let mut items = typical_items();
    items.push(Item::new(Key::PersonName, RoleRef::parse("spouse"), "李芳"));
    items.push(Item::new(
        Key::PersonName,
        RoleRef::parse("child[1]"),
        "王小红",
    ));
    items.push(Item::new(
        Key::PersonName,
        RoleRef::parse("legal_rep"),
        "赵六",
    ));
    let received = desk.open(&sealed_to(&desk, &items), NOW).unwrap();
    let (profile, apart) = received.to_profile("2026-01-01T00:00:00Z");
    let owner = profile.owner().unwrap();
    assert_eq!(
        owner.values.text(Key::PersonIdNumber),
        Some("110105199003071239")
    );
    assert_eq!(owner.values.text(Key::ContactMobile), Some("13800138000"));
    let name_of = |relation, nth: usize| {
        profile
            .persons
            .iter()
            .filter(|p| p.relation == relation)
            .nth(nth)
            .and_then(|p| p.values.text(Key::PersonName))
    };
    assert_eq!(name_of(Relation::Spouse, 0), Some("李芳"));
    assert_eq!(name_of(Relation::Child, 1), Some("王小红"));
    assert_eq!(
        name_of(Relation::Child, 0),
        None,
        "child[0] was not handed over"
    );
    assert_eq!(apart.len(), 1);
    assert_eq!(apart[0].role, RoleRef::parse("legal_rep"));
}

#[test]
fn what_the_desk_received_joins_what_the_clerk_typed() {
    let desk = desk(17);
    let items = [
        Item::new(Key::PersonName, None, "王小明"),
        Item::new(Key::PersonName, RoleRef::parse("spouse"), "李芳"),
    ];
    let received = desk.open(&sealed_to(&desk, &items), NOW).unwrap();
    let mut typed = Profile::new();
    let t = "2026-01-01T00:00:00Z";
    let owner = &mut typed.owner_mut().values;
    owner.set(
        Key::PersonName,
        Data::Text("王晓明".into()),
        Source::SelfDeclared,
        t,
    );
    owner.set(
        Key::ContactMobile,
        Data::Text("13800138000".into()),
        Source::SelfDeclared,
        t,
    );
    let apart = received.apply_to(&mut typed, t);
    assert!(apart.is_empty());
    let owner = typed.owner().unwrap();
    assert_eq!(
        owner.values.text(Key::PersonName),
        Some("王小明"),
        "received wins"
    );
    assert_eq!(
        owner.values.text(Key::ContactMobile),
        Some("13800138000"),
        "typed stays"
    );
    assert_eq!(
        typed
            .persons
            .iter()
            .filter(|p| p.relation == Relation::Owner)
            .count(),
        1,
        "one applicant"
    );
    let spouse = typed
        .persons
        .iter()
        .find(|p| p.relation == Relation::Spouse)
        .unwrap();
    assert_eq!(spouse.values.text(Key::PersonName), Some("李芳"));
}

mod credentials {
    //! Presentations of the applicant's signed credentials in the payload (`p`).

    use super::*;
    use crate::core::credential::CredentialError;
    use crate::core::credential::sdjwt::b64;
    use crate::core::credential::trust::TrustList;
    use crate::core::handoff::present::{Refusal, check, presentations};

    const TRUST: &str = include_str!("../../../www/trust/demo-trust.json");
    const ES256: &str = include_str!("../../../tests/credentials/resident-id-es256.sdjwt");
    const EXPIRED: &str = include_str!("../../../tests/credentials/expired.sdjwt");
    /// 2026-12-01T02:00:00Z: the demo credentials are valid.
    const AT: i64 = 1_796_090_400;
    const ID: &str = "110105199003071239";

    fn trust() -> TrustList {
        TrustList::from_json(TRUST).unwrap()
    }

    fn at() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(AT).unwrap()
    }

    fn desk_at(seed: u64) -> DeskSession {
        DeskSession::start(AT, &mut SeededRandom::new(seed)).unwrap()
    }

    /// Name, sex and birth date as the demo credential holds them.
    fn chosen() -> Vec<Item> {
        vec![
            Item::new(Key::PersonName, None, "王演示"),
            Item::new(Key::PersonSex, None, "1"),
            Item::new(Key::PersonBirthDate, None, "1990-03-07"),
        ]
    }

    /// The claim names a presentation discloses.
    fn disclosed(presentation: &str) -> Vec<String> {
        let parts: Vec<&str> = presentation.split('~').collect();
        parts[1..parts.len() - 1]
            .iter()
            .map(|d| {
                let v: serde_json::Value = serde_json::from_slice(&b64(d).unwrap()).unwrap();
                v[1].as_str().unwrap().to_string()
            })
            .collect()
    }

    fn sealed_with(desk: &DeskSession, items: &[Item], p: &[String]) -> String {
        seal_with(desk.offer(), items, p, AT, &mut SeededRandom::new(7)).unwrap()
    }

    #[test]
    fn a_payload_without_presentations_is_as_before_and_one_with_them_carries_them() {
        let desk = desk_at(20);
        let plain = desk.open(&sealed_with(&desk, &chosen(), &[]), AT).unwrap();
        assert!(plain.presentations.is_empty());
        let p = presentations(&[ES256.to_string()], &chosen(), &trust(), at());
        assert_eq!(p.len(), 1);
        let received = desk.open(&sealed_with(&desk, &chosen(), &p), AT).unwrap();
        assert_eq!(received.presentations.len(), 1);
        assert_eq!(received.presentations[0].text(), p[0]);
        assert!(
            !format!("{received:?}").contains(&p[0][..40]),
            "Debug masks it"
        );
    }

    #[test]
    fn only_the_chosen_elements_disclosures_are_presented() {
        let p = presentations(&[ES256.to_string()], &chosen(), &trust(), at());
        let mut names = disclosed(&p[0]);
        names.sort();
        assert_eq!(names, ["birthdate", "family_name", "given_name", "sex"]);
        assert!(p[0].starts_with(ES256.split('~').next().unwrap()));
        assert!(p[0].ends_with('~'));
        // Nothing of the undisclosed elements, in any encoding.
        let all: String = p[0]
            .split('~')
            .skip(1)
            .filter(|d| !d.is_empty())
            .map(|d| String::from_utf8(b64(d).unwrap()).unwrap())
            .collect();
        assert!(!all.contains(ID) && !all.contains("演示路"), "{all}");
        // A spouse's element, or a value that is not the credential's, presents nothing.
        let spouse = [Item::new(
            Key::PersonName,
            RoleRef::parse("spouse"),
            "王演示",
        )];
        assert!(presentations(&[ES256.to_string()], &spouse, &trust(), at()).is_empty());
        let edited = [Item::new(Key::PersonName, None, "王小明")];
        assert!(presentations(&[ES256.to_string()], &edited, &trust(), at()).is_empty());
        // A credential that no longer verifies is not presented.
        assert!(presentations(&[EXPIRED.to_string()], &chosen(), &trust(), at()).is_empty());
    }

    #[test]
    fn the_newest_credential_is_presented_and_an_older_one_only_for_what_it_adds() {
        const SM2: &str = include_str!("../../../tests/credentials/resident-id-sm2.sdjwt");
        let kept = [ES256.to_string(), SM2.to_string()];
        let p = presentations(&kept, &chosen(), &trust(), at());
        assert_eq!(p.len(), 1, "the same elements are not vouched for twice");
        assert!(p[0].starts_with(SM2.split('~').next().unwrap()));
    }

    #[test]
    fn the_desk_verifies_a_presentation_and_marks_its_elements() {
        let desk = desk_at(21);
        let mut items = chosen();
        items.push(Item::new(Key::ContactMobile, None, "13800138000"));
        let p = presentations(&[ES256.to_string()], &items, &trust(), at());
        let mut received = desk.open(&sealed_with(&desk, &items, &p), AT + 5).unwrap();
        let outcomes = check(&mut received, &trust(), AT + 5);
        let vouched = outcomes[0].as_ref().unwrap();
        let mut keys = vouched.keys.clone();
        keys.sort();
        let mut want = vec![Key::PersonName, Key::PersonSex, Key::PersonBirthDate];
        want.sort();
        assert_eq!(keys, want);
        assert_eq!(vouched.keys.len(), 3);
        assert_eq!(vouched.alg, "ES256");
        assert!(vouched.demo);
        let verified: Vec<bool> = received
            .items
            .iter()
            .map(|i| i.verified.is_some())
            .collect();
        assert_eq!(verified, [true, true, true, false]);
        let (profile, _) = received.to_profile("2026-12-01T02:00:05Z");
        let owner = profile.owner().unwrap();
        assert!(matches!(
            owner.values.get(Key::PersonName).unwrap().source,
            Source::Credential { .. }
        ));
        assert_eq!(
            owner.values.get(Key::ContactMobile).unwrap().source,
            Source::SelfDeclared
        );
    }

    #[test]
    fn a_presentation_that_disagrees_with_the_values_handed_over_is_refused() {
        let desk = desk_at(22);
        let p = presentations(&[ES256.to_string()], &chosen(), &trust(), at());
        // The same presentation with another name in the payload.
        let mut items = chosen();
        items[0] = Item::new(Key::PersonName, None, "王小明");
        let mut received = desk.open(&sealed_with(&desk, &items, &p), AT).unwrap();
        let outcomes = check(&mut received, &trust(), AT);
        assert_eq!(
            outcomes[0],
            Err(Refusal::Mismatch {
                key: Key::PersonName
            })
        );
        assert!(received.items.iter().all(|i| i.verified.is_none()));
        let message = outcomes[0].clone().unwrap_err().message(Lang::ZhCn);
        assert!(
            message.contains("姓名") && !message.contains("王"),
            "{message}"
        );
        // A disclosed element that was not handed over.
        let mut received = desk
            .open(&sealed_with(&desk, &chosen()[..2], &p), AT)
            .unwrap();
        assert_eq!(
            check(&mut received, &trust(), AT)[0],
            Err(Refusal::NotHandedOver {
                key: Key::PersonBirthDate
            })
        );
    }

    #[test]
    fn a_tampered_presentation_is_refused_and_its_values_stay_self_declared() {
        let desk = desk_at(23);
        let p = presentations(&[ES256.to_string()], &chosen(), &trust(), at());
        let parts: Vec<&str> = p[0].split('~').collect();
        // A disclosure of the issuer's, for the birth date, swapped for one with another date.
        let forged = Base64UrlUnpadded::encode_string(br#"["salt","birthdate","1991-03-07"]"#);
        let birth = (1..parts.len() - 1)
            .find(|&i| disclosed(&format!("x~{}~", parts[i])) == ["birthdate"])
            .unwrap();
        let mut changed = parts.clone();
        changed[birth] = &forged;
        let tampered = changed.join("~");
        let mut items = chosen();
        items[2] = Item::new(Key::PersonBirthDate, None, "1991-03-07");
        let mut received = desk
            .open(&sealed_with(&desk, &items, &[tampered]), AT)
            .unwrap();
        let outcomes = check(&mut received, &trust(), AT);
        assert_eq!(
            outcomes[0],
            Err(Refusal::Credential(CredentialError::Disclosure))
        );
        assert!(received.items.iter().all(|i| i.verified.is_none()));
        // A changed signature.
        let jwt = parts[0];
        let resigned = format!("{}A~", &p[0][..jwt.len() - 1]) + &p[0][jwt.len() + 1..];
        let mut received = desk
            .open(&sealed_with(&desk, &chosen(), &[resigned]), AT)
            .unwrap();
        assert!(check(&mut received, &trust(), AT)[0].is_err());
    }

    #[test]
    fn presentations_that_do_not_fit_one_qr_code_are_refused_plainly() {
        let desk = desk_at(24);
        let full = ES256.trim().to_string();
        let too_many = vec![full.clone(); 2];
        let refused = seal_with(
            desk.offer(),
            &chosen(),
            &too_many,
            AT,
            &mut SeededRandom::new(1),
        );
        assert_eq!(refused, Err(HandoffError::TooLargeForQr));
        let message = HandoffError::TooLargeForQr.message(Lang::ZhCn);
        assert!(message.contains("二维码") && !message.contains("王"));
        let five = vec!["a.b.c~".to_string(); MAX_PRESENTATIONS + 1];
        assert_eq!(
            seal_with(
                desk.offer(),
                &chosen(),
                &five,
                AT,
                &mut SeededRandom::new(1)
            ),
            Err(HandoffError::TooLargeForQr)
        );
        // One presentation and the typical set fit, at level M or L, and read back.
        let p = presentations(&[full], &chosen(), &trust(), at());
        let text = sealed_with(&desk, &chosen(), &p);
        assert!(text.len() <= MAX_SEALED_CHARS);
        let matrix = qr::render(&text).unwrap();
        let (side, pixels) = matrix.rasterise(2);
        let read = qr::decode(side, side, &pixels).unwrap();
        assert_eq!(desk.open(&read, AT).unwrap().presentations.len(), 1);
    }

    #[test]
    fn the_desk_refuses_malformed_or_too_many_presentations() {
        let desk = desk_at(25);
        let payload = |p: &str| {
            format!(
                r#"{{"iat":{AT},"exp":{},"e":[["person.name","王演示"]],"p":{p}}}"#,
                AT + 60
            )
        };
        for bad in [r#"["no tilde"]"#, r#"["a.b~c"]"#, r#"[1]"#, r#""x""#] {
            assert_eq!(
                desk.open(&seal_raw(&desk, &payload(bad)), AT),
                Err(HandoffError::Malformed),
                "{bad}"
            );
        }
        let five = serde_json::to_string(&vec!["a.b.c~"; MAX_PRESENTATIONS + 1]).unwrap();
        assert_eq!(
            desk.open(&seal_raw(&desk, &payload(&five)), AT),
            Err(HandoffError::TooLarge)
        );
        let ok = desk.open(&seal_raw(&desk, &payload(r#"[]"#)), AT).unwrap();
        assert!(ok.presentations.is_empty());
    }
}
