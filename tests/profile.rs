//! Profile format properties: whatever a profile holds survives writing and reading, and a
//! file from a newer version keeps what this version does not understand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use oncefill::core::dictionary::{ELEMENTS, Key};
use oncefill::core::profile::{
    Data, FirmRecord, PersonRecord, Profile, Relation, Role, RoleLink, Source, Values,
};
use proptest::prelude::*;

fn key() -> impl Strategy<Value = Key> {
    (0..ELEMENTS.len()).prop_map(|i| ELEMENTS[i].key)
}

fn data() -> impl Strategy<Value = Data> {
    prop_oneof![
        "\\PC{0,30}".prop_map(Data::Text),
        prop::collection::vec("\\PC{1,8}", 0..4).prop_map(Data::List),
    ]
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::SelfDeclared),
        key().prop_map(|k| Source::Derived {
            from: k.id().into()
        }),
        ("\\PC{1,12}", "[0-9]{4}-[0-9]{2}-[0-9]{2}")
            .prop_map(|(issuer, issued)| Source::Credential { issuer, issued }),
        ("[a-z-]{0,8}", "[0-9]{4}-[0-9]{2}-[0-9]{2}")
            .prop_map(|(hall, date)| Source::StaffVerified { hall, date }),
    ]
}

/// Values built by a sequence of edits, so that histories arise as they do in use.
fn values() -> impl Strategy<Value = Values> {
    prop::collection::vec((key(), data(), source()), 0..12).prop_map(|edits| {
        let mut v = Values::default();
        for (i, (k, d, s)) in edits.into_iter().enumerate() {
            v.set(k, d, s, &format!("2026-01-01T00:00:{:02}Z", i % 60));
        }
        v
    })
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![
        Just(Relation::Spouse),
        Just(Relation::Child),
        Just(Relation::Father),
        Just(Relation::Mother),
        Just(Relation::Other)
    ]
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::LegalRep),
        Just(Role::FinanceOfficer),
        Just(Role::Liaison),
        Just(Role::Shareholder),
        Just(Role::Director)
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        values(),
        prop::collection::vec((relation(), values()), 0..3),
        prop::collection::vec(
            (values(), prop::collection::vec((role(), values()), 0..3)),
            0..2,
        ),
    )
        .prop_map(|(owner, others, firms)| {
            let mut p = Profile::new();
            p.owner_mut().values = owner;
            for (i, (relation, values)) in others.into_iter().enumerate() {
                p.persons.push(PersonRecord {
                    id: format!("p{}", i + 2),
                    relation,
                    values,
                    unknown: BTreeMap::new(),
                });
            }
            for (i, (values, roles)) in firms.into_iter().enumerate() {
                p.firms.push(FirmRecord {
                    id: format!("f{}", i + 1),
                    values,
                    roles: roles
                        .into_iter()
                        .map(|(role, values)| RoleLink {
                            role,
                            person: "p1".into(),
                            values,
                            unknown: BTreeMap::new(),
                        })
                        .collect(),
                    unknown: BTreeMap::new(),
                });
            }
            p
        })
}

proptest! {
    #[test]
    fn a_profile_survives_writing_and_reading(p in profile()) {
        let back = Profile::from_json(&p.to_json()).unwrap();
        prop_assert_eq!(back, p);
    }

    #[test]
    fn unknown_members_survive(p in profile(), name in "[a-z_]{3,10}", value in "\\PC{0,20}") {
        let mut json: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        let member = format!("x_{name}");
        json[&member] = serde_json::Value::String(value.clone());
        json["persons"][0][&member] = serde_json::json!({"nested": [value.clone()]});
        let read = Profile::from_json(&json.to_string()).unwrap();
        let written: serde_json::Value = serde_json::from_str(&read.to_json()).unwrap();
        prop_assert_eq!(written, json);
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = Profile::from_json(&text);
    }
}
