//! From a credential's verified claims to the profile's elements.
//!
//! Built-in map (claim names of the EU PID rulebook where the meaning matches, otherwise this
//! product's own); a trust list's `profile_map` overrides it per credential type:
//!
//! | claim | element |
//! |---|---|
//! | `name`, or `family_name` + `given_name` | `person.name` (CJK names joined without a space) |
//! | `sex` (1 male, 2 female, as GB/T 2261.1) | `person.sex` |
//! | `birthdate` | `person.birth_date` |
//! | `ethnicity` (GB/T 3304 code) | `person.ethnicity` |
//! | `personal_administrative_number` | `person.id_number` |
//! | `issuing_authority` | `person.id_issuer` |
//! | `date_of_issuance`, `date_of_expiry` | `person.id_valid_from`, `person.id_valid_to` |
//! | `address` (string, or object with `formatted`) | `person.residence_address` |
//! | `uscc` | `firm.uscc` |
//! | `firm_name` | `firm.name` |
//! | `legal_representative` | `legal_rep:person.name` (the name of the firm's legal representative) |
//! | `registered_capital` | `firm.reg_capital` |
//! | `date_established` | `firm.established` |
//! | `business_term_from`, `business_term_to` | `firm.term_from`, `firm.term_to` |
//! | `business_scope` | `firm.business_scope` |
//! | `domicile` | `firm.domicile` |
//! | `registration_authority` | `firm.reg_authority` |
//!
//! A claim with no element (such as `issuing_country`) is verified but fills nothing.

use serde_json::{Map, Value};

use crate::core::check::{Context, check};
use crate::core::dictionary::Key;
use crate::core::mask::{mask_for_display, mask_middle};
use crate::core::validate::Issue;

/// Where a claim's value goes in the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// The element.
    pub key: Key,
    /// Of the firm's legal representative rather than of the credential's subject.
    pub legal_rep: bool,
}

impl Target {
    /// Reads `person.id_number` or `legal_rep:person.name`.
    pub fn parse(text: &str) -> Option<Target> {
        let (legal_rep, id) = match text.strip_prefix("legal_rep:") {
            Some(id) => (true, id),
            None => (false, text),
        };
        let key = Key::from_id(id)?;
        if legal_rep && !id.starts_with("person.") {
            return None;
        }
        Some(Target { key, legal_rep })
    }

    /// The form [`Target::parse`] reads.
    pub fn id(&self) -> String {
        if self.legal_rep {
            format!("legal_rep:{}", self.key.id())
        } else {
            self.key.id().to_string()
        }
    }
}

/// The built-in target of a claim.
pub fn default_target(claim: &str) -> Option<Target> {
    let subject = |key| {
        Some(Target {
            key,
            legal_rep: false,
        })
    };
    match claim {
        "name" => subject(Key::PersonName),
        "sex" => subject(Key::PersonSex),
        "birthdate" => subject(Key::PersonBirthDate),
        "ethnicity" => subject(Key::PersonEthnicity),
        "personal_administrative_number" => subject(Key::PersonIdNumber),
        "issuing_authority" => subject(Key::PersonIdIssuer),
        "date_of_issuance" => subject(Key::PersonIdValidFrom),
        "date_of_expiry" => subject(Key::PersonIdValidTo),
        "address" => subject(Key::PersonResidenceAddress),
        "uscc" => subject(Key::FirmUscc),
        "firm_name" => subject(Key::FirmName),
        "legal_representative" => Some(Target {
            key: Key::PersonName,
            legal_rep: true,
        }),
        "registered_capital" => subject(Key::FirmRegCapital),
        "date_established" => subject(Key::FirmEstablished),
        "business_term_from" => subject(Key::FirmTermFrom),
        "business_term_to" => subject(Key::FirmTermTo),
        "business_scope" => subject(Key::FirmBusinessScope),
        "domicile" => subject(Key::FirmDomicile),
        "registration_authority" => subject(Key::FirmRegAuthority),
        _ => None,
    }
}

/// A claim's value as the profile's text: strings as they are, integers in decimal, an
/// address object by its `formatted` member. None for anything else.
pub fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(n.to_string()),
        Value::Object(o) => o.get("formatted").and_then(text_of),
        _ => None,
    }
}

/// A person's name from its parts: CJK names are written family name first without a space,
/// Latin ones given name first.
pub fn join_name(family: &str, given: &str) -> String {
    if family.is_ascii() && given.is_ascii() {
        format!("{given} {family}")
    } else {
        format!("{family}{given}")
    }
}

/// One element a credential fills.
#[derive(Clone, PartialEq, Eq)]
pub struct Mapped {
    /// The claims it comes from (`family_name+given_name` for a joined name).
    pub claim: String,
    /// The element.
    pub target: Target,
    /// The value, as the issuer signed it.
    pub value: String,
    /// What the element's check finds wrong with the value: the issuer signed it, but the
    /// profile would not accept it as typed (the app shows it, and does not fill with it
    /// unasked).
    pub problem: Option<Issue>,
}

impl std::fmt::Debug for Mapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mapped({} → {}, …", self.claim, self.target.id())?;
        match &self.problem {
            Some(issue) => write!(f, ", {})", issue.code()),
            None => f.write_str(")"),
        }
    }
}

impl Mapped {
    /// The value as a verdict or a log may show it: masked as the element's own mask, or else
    /// all but the first and the last character hidden (the first alone for short values).
    pub fn masked(&self) -> String {
        masked(&self.value, self.target.key)
    }
}

/// A value of `key` masked for display outside the profile's own editor.
pub fn masked(value: &str, key: Key) -> String {
    if let Some(kind) = key.mask() {
        return mask_for_display(value, kind);
    }
    match value.chars().count() {
        0..=1 => "*".repeat(value.chars().count()),
        2 => mask_middle(value, 1, 0),
        _ => mask_middle(value, 1, 1),
    }
}

/// The elements `claims` (a credential's processed payload) fill, in claim order, by
/// `profile_map` over the built-in map, each value checked as the element's own (dates in the
/// future judged against `today`) and kept as signed. Claims with no target or no usable value fill nothing.
pub fn map_claims(
    claims: &Map<String, Value>,
    profile_map: &std::collections::BTreeMap<String, Target>,
    today: time::Date,
) -> Vec<Mapped> {
    let mut out = collect(claims, profile_map);
    let ctx = Context::on(today);
    for m in &mut out {
        // The value stays as the issuer signed it (a check's normal form may add to it, e.g. a
        // province before a city); only its problem is recorded.
        m.problem = check(m.target.key, &m.value, &ctx).err();
    }
    out
}

fn collect(
    claims: &Map<String, Value>,
    profile_map: &std::collections::BTreeMap<String, Target>,
) -> Vec<Mapped> {
    let target_of = |claim: &str| {
        profile_map
            .get(claim)
            .copied()
            .or_else(|| default_target(claim))
    };
    let mut out: Vec<Mapped> = Vec::new();
    if !claims.contains_key("name")
        && let (Some(family), Some(given)) = (
            claims.get("family_name").and_then(text_of),
            claims.get("given_name").and_then(text_of),
        )
    {
        out.push(Mapped {
            claim: "family_name+given_name".into(),
            target: Target {
                key: Key::PersonName,
                legal_rep: false,
            },
            value: join_name(&family, &given),
            problem: None,
        });
    }
    for (claim, value) in claims {
        let Some(target) = target_of(claim) else {
            continue;
        };
        let Some(text) = text_of(value) else {
            continue;
        };
        if out.iter().any(|m| m.target == target) {
            continue;
        }
        out.push(Mapped {
            claim: claim.clone(),
            target,
            value: text,
            problem: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 12 - 01);

    #[test]
    fn values_are_checked_as_the_elements_own() {
        let claims = json!({"personal_administrative_number": "110105199003071230",
            "birthdate": "2030-01-01", "sex": 2, "uscc": "91350100M000100Y43"});
        let mapped = map_claims(claims.as_object().unwrap(), &Default::default(), TODAY);
        let problem = |key: Key| {
            mapped
                .iter()
                .find(|m| m.target.key == key)
                .unwrap()
                .problem
                .is_some()
        };
        assert!(problem(Key::PersonIdNumber), "wrong check digit");
        assert!(problem(Key::PersonBirthDate), "in the future");
        assert!(!problem(Key::PersonSex));
        assert!(!problem(Key::FirmUscc));
        assert!(!format!("{mapped:?}").contains("1101051990"));
    }

    #[test]
    fn claims_fill_their_elements() {
        let claims = json!({"family_name": "王", "given_name": "小明", "sex": 1,
            "birthdate": "1990-03-07", "personal_administrative_number": "110105199003071239",
            "address": {"formatted": "北京市东城区示例路1号"}, "issuing_country": "CN",
            "legal_representative": "李四"});
        let mapped = map_claims(claims.as_object().unwrap(), &Default::default(), TODAY);
        assert!(mapped.iter().all(|m| m.problem.is_none()), "{mapped:?}");
        let got: Vec<(String, &str)> = mapped
            .iter()
            .map(|m| (m.target.id(), m.value.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("person.name".to_string(), "王小明"),
                (
                    "person.residence_address".to_string(),
                    "北京市东城区示例路1号"
                ),
                ("person.birth_date".to_string(), "1990-03-07"),
                ("legal_rep:person.name".to_string(), "李四"),
                ("person.id_number".to_string(), "110105199003071239"),
                ("person.sex".to_string(), "1"),
            ]
        );
    }

    #[test]
    fn a_trust_list_map_overrides_the_built_in_one() {
        let claims = json!({"address": "北京市东城区示例路1号"});
        let map = [(
            "address".to_string(),
            Target::parse("person.hukou_address").unwrap(),
        )]
        .into_iter()
        .collect();
        let mapped = map_claims(claims.as_object().unwrap(), &map, TODAY);
        assert_eq!(mapped[0].target.key, Key::PersonHukouAddress);
    }

    #[test]
    fn targets_are_profile_elements() {
        assert!(Target::parse("person.id_number").is_some());
        assert!(Target::parse("legal_rep:person.name").unwrap().legal_rep);
        assert!(Target::parse("legal_rep:firm.name").is_none());
        assert!(Target::parse("person.no_such_thing").is_none());
    }

    #[test]
    fn values_are_masked() {
        assert_eq!(
            masked("110105199003071239", Key::PersonIdNumber),
            "1101**********1239"
        );
        assert_eq!(masked("王小明", Key::PersonName), "王*明");
        assert_eq!(masked("王明", Key::PersonName), "王*");
        assert_eq!(masked("1990-03-07", Key::PersonBirthDate), "1********7");
        assert_eq!(join_name("Mustermann", "Erika"), "Erika Mustermann");
    }
}
