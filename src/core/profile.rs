//! The profile: the person's details, entered once and validated.
//!
//! A [`PersonDraft`] holds what a person typed, as text; [`PersonDraft::validate`] turns it into
//! a [`Person`] or a list of [`Problem`]s, one per element, with cross-checks between the ID
//! number, the birth date and the sex. [`Profile::value`] hands the plan a typed value by
//! dictionary [`Key`].
//!
//! # Format
//!
//! A profile serialises as JSON: `{"version": 1, "person": {"name": "王小明", "sex": "male",
//! "birth_date": "1990-03-07", "ethnicity": "01", "id_number": "110105199003071239",
//! "mobile": "13800138000", "hukou_address": "北京市…"}}`. Absent elements are omitted.

use std::fmt;

use time::Date;

use crate::core::dictionary::Key;
use crate::core::ids::Sex;
use crate::core::mask::{Secret, mask_middle};
use crate::core::validate::{self, Issue};

/// The current profile format version.
pub const PROFILE_VERSION: u32 = 1;

/// A validated profile.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    /// Format version, [`PROFILE_VERSION`].
    pub version: u32,
    /// The person the profile belongs to.
    pub person: Person,
}

/// A person's validated details. `Debug` masks every value.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// 姓名.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 性别.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// 出生日期.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "iso_date_opt"
    )]
    pub birth_date: Option<Date>,
    /// 民族, GB 3304 two-digit code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<String>,
    /// 公民身份号码, 18 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<Secret>,
    /// 手机号码, 11 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<Secret>,
    /// 户籍地址, one line with the province first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou_address: Option<String>,
}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let masked = |v: &Option<String>| v.as_deref().map(|s| mask_middle(s, 1, 1));
        f.debug_struct("Person")
            .field("name", &masked(&self.name))
            .field("sex", &self.sex.map(|_| "*"))
            .field("birth_date", &self.birth_date.map(|_| "****-**-**"))
            .field("ethnicity", &self.ethnicity)
            .field("id_number", &self.id_number)
            .field("mobile", &self.mobile)
            .field(
                "hukou_address",
                &masked(&self.hukou_address).map(|s| s.chars().take(3).collect::<String>() + "…"),
            )
            .finish()
    }
}

mod iso_date_opt {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&crate::core::validate::iso_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| {
            crate::core::validate::parse_date(&t)
                .map_err(|_| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {t:?}")))
        })
        .transpose()
    }
}

/// A typed value of one element, as the plan needs it.
#[derive(Clone, PartialEq, Eq)]
pub enum Value {
    /// Free text (names, numbers, addresses).
    Text(String),
    /// A calendar date.
    Date(Date),
    /// Sex, rendered per target as 男/女 or 1/2.
    Sex(Sex),
    /// A GB 3304 ethnic group code.
    Ethnicity(&'static crate::core::codes::Code),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Value(***)")
    }
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Self {
        Profile {
            version: PROFILE_VERSION,
            person: Person::default(),
        }
    }

    /// The demo profile of the sample forms (made-up person; the ID number is the worked
    /// example of GB 11643 in the reference material).
    pub fn demo() -> Self {
        Profile {
            version: PROFILE_VERSION,
            person: Person {
                name: Some("王小明".into()),
                sex: Some(Sex::Male),
                birth_date: Date::from_calendar_date(1990, time::Month::March, 7).ok(),
                ethnicity: Some("01".into()),
                id_number: Some(Secret::new("110105199003071239")),
                mobile: Some(Secret::new("13800138000")),
                hukou_address: Some("北京市朝阳区建国路88号院3号楼2单元501室".into()),
            },
        }
    }

    /// The value of `key`, if the profile holds it. `today` supplies derived dates.
    pub fn value(&self, key: Key, today: Date) -> Option<Value> {
        let p = &self.person;
        match key {
            Key::PersonName => p.name.clone().map(Value::Text),
            Key::PersonSex => p.sex.map(Value::Sex),
            Key::PersonBirthDate => p.birth_date.map(Value::Date),
            Key::PersonEthnicity => p
                .ethnicity
                .as_deref()
                .and_then(crate::core::codes::ethnicity)
                .map(Value::Ethnicity),
            Key::PersonIdNumber => p.id_number.as_ref().map(|s| Value::Text(s.expose().into())),
            Key::PersonHukouAddress => p.hukou_address.clone().map(Value::Text),
            Key::ContactMobile => p.mobile.as_ref().map(|s| Value::Text(s.expose().into())),
            Key::MetaFillDate => Some(Value::Date(today)),
        }
    }

    /// Whether the profile holds nothing a person entered.
    pub fn is_empty(&self) -> bool {
        self.person == Person::default()
    }
}

/// What a person typed into the editor, as text. `Debug` masks it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct PersonDraft {
    /// 姓名.
    pub name: String,
    /// 性别 as `1`, `2` or empty.
    pub sex: String,
    /// 出生日期.
    pub birth_date: String,
    /// 民族 code or name.
    pub ethnicity: String,
    /// 公民身份号码.
    pub id_number: String,
    /// 手机号码.
    pub mobile: String,
    /// 户籍地址.
    pub hukou_address: String,
}

impl fmt::Debug for PersonDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonDraft(***)")
    }
}

/// A problem with one element of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The element.
    pub key: Key,
    /// What is wrong.
    pub issue: Issue,
}

/// The elements the editor requires before a profile can be used.
pub const REQUIRED: &[Key] = &[Key::PersonName, Key::PersonIdNumber];

impl PersonDraft {
    /// The draft of an existing person.
    pub fn from_person(p: &Person) -> Self {
        PersonDraft {
            name: p.name.clone().unwrap_or_default(),
            sex: p.sex.map(|s| s.code().to_string()).unwrap_or_default(),
            birth_date: p.birth_date.map(validate::iso_date).unwrap_or_default(),
            ethnicity: p.ethnicity.clone().unwrap_or_default(),
            id_number: p
                .id_number
                .as_ref()
                .map(|s| s.expose().to_string())
                .unwrap_or_default(),
            mobile: p
                .mobile
                .as_ref()
                .map(|s| s.expose().to_string())
                .unwrap_or_default(),
            hukou_address: p.hukou_address.clone().unwrap_or_default(),
        }
    }

    /// The text of one element.
    pub fn get(&self, key: Key) -> &str {
        match key {
            Key::PersonName => &self.name,
            Key::PersonSex => &self.sex,
            Key::PersonBirthDate => &self.birth_date,
            Key::PersonEthnicity => &self.ethnicity,
            Key::PersonIdNumber => &self.id_number,
            Key::ContactMobile => &self.mobile,
            Key::PersonHukouAddress => &self.hukou_address,
            Key::MetaFillDate => "",
        }
    }

    /// Sets the text of one element.
    pub fn set(&mut self, key: Key, text: String) {
        let slot = match key {
            Key::PersonName => &mut self.name,
            Key::PersonSex => &mut self.sex,
            Key::PersonBirthDate => &mut self.birth_date,
            Key::PersonEthnicity => &mut self.ethnicity,
            Key::PersonIdNumber => &mut self.id_number,
            Key::ContactMobile => &mut self.mobile,
            Key::PersonHukouAddress => &mut self.hukou_address,
            Key::MetaFillDate => return,
        };
        *slot = text;
    }

    /// Fills birth date and sex from a valid ID number where they are still empty.
    /// Returns the keys it filled.
    pub fn derive_from_id(&mut self, today: Date) -> Vec<Key> {
        let mut filled = Vec::new();
        if let Ok(id) = validate::id_number(&self.id_number, today) {
            if self.birth_date.trim().is_empty() {
                self.birth_date = validate::iso_date(id.birth_date());
                filled.push(Key::PersonBirthDate);
            }
            if self.sex.trim().is_empty() {
                self.sex = id.sex().code().to_string();
                filled.push(Key::PersonSex);
            }
        }
        filled
    }

    /// Validates every element and the agreement between ID number, birth date and sex.
    /// Empty optional elements are fine; [`REQUIRED`] ones are not.
    pub fn validate(&self, today: Date) -> Result<Person, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut check = |key: Key, result: Result<(), Issue>| {
            if let Err(issue) = result {
                problems.push(Problem { key, issue });
            }
        };
        let optional = |text: &str| !text.trim().is_empty();
        let mut person = Person::default();

        check(
            Key::PersonName,
            validate::name(&self.name).map(|n| person.name = Some(n)),
        );
        let id = if optional(&self.id_number) || REQUIRED.contains(&Key::PersonIdNumber) {
            match validate::id_number(&self.id_number, today) {
                Ok(id) => {
                    person.id_number = Some(Secret::new(id.as_str()));
                    Some(id)
                }
                Err(issue) => {
                    check(Key::PersonIdNumber, Err(issue));
                    None
                }
            }
        } else {
            None
        };
        if optional(&self.sex) {
            match Sex::parse(&self.sex) {
                Some(sex) => {
                    person.sex = Some(sex);
                    if let Some(id) = &id
                        && id.sex() != sex
                    {
                        check(
                            Key::PersonSex,
                            Err(Issue::SexMismatch { expected: id.sex() }),
                        );
                    }
                }
                None => check(Key::PersonSex, Err(Issue::Required)),
            }
        }
        if optional(&self.birth_date) {
            match validate::past_date(&self.birth_date, today) {
                Ok(date) => {
                    person.birth_date = Some(date);
                    if let Some(id) = &id
                        && id.birth_date() != date
                    {
                        check(
                            Key::PersonBirthDate,
                            Err(Issue::BirthMismatch {
                                expected: id.birth_date(),
                            }),
                        );
                    }
                }
                Err(issue) => check(Key::PersonBirthDate, Err(issue)),
            }
        }
        if optional(&self.ethnicity) {
            check(
                Key::PersonEthnicity,
                validate::ethnicity(&self.ethnicity).map(|c| person.ethnicity = Some(c.into())),
            );
        }
        if optional(&self.mobile) {
            check(
                Key::ContactMobile,
                validate::mobile(&self.mobile).map(|m| person.mobile = Some(Secret::new(m))),
            );
        }
        if optional(&self.hukou_address) {
            check(
                Key::PersonHukouAddress,
                validate::address(&self.hukou_address).map(|a| person.hukou_address = Some(a)),
            );
        }
        if problems.is_empty() {
            Ok(person)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    #[test]
    fn demo_round_trips_through_the_editor() {
        let demo = Profile::demo();
        let draft = PersonDraft::from_person(&demo.person);
        assert_eq!(draft.validate(TODAY), Ok(demo.person));
    }

    #[test]
    fn id_number_fills_birth_date_and_sex() {
        let mut draft = PersonDraft {
            name: "李华".into(),
            id_number: "440305198512310421".into(),
            ..Default::default()
        };
        assert_eq!(
            draft.derive_from_id(TODAY),
            vec![Key::PersonBirthDate, Key::PersonSex]
        );
        assert_eq!(draft.birth_date, "1985-12-31");
        assert_eq!(draft.sex, "2");
        assert!(draft.validate(TODAY).is_ok());
    }

    #[test]
    fn disagreements_with_the_id_number_are_reported() {
        let draft = PersonDraft {
            name: "王小明".into(),
            id_number: "110105199003071239".into(),
            sex: "2".into(),
            birth_date: "1990-03-08".into(),
            ..Default::default()
        };
        let problems = draft.validate(TODAY).expect_err("mismatches");
        let codes: Vec<_> = problems.iter().map(|p| (p.key, p.issue.code())).collect();
        assert_eq!(
            codes,
            vec![
                (Key::PersonSex, "sex.mismatch"),
                (Key::PersonBirthDate, "birth.mismatch")
            ]
        );
    }

    #[test]
    fn every_bad_element_is_reported_at_once() {
        let draft = PersonDraft {
            name: "".into(),
            id_number: "110105199003071238".into(),
            mobile: "123".into(),
            hukou_address: "建国路88号院".into(),
            ethnicity: "火星族".into(),
            ..Default::default()
        };
        let problems = draft.validate(TODAY).expect_err("bad");
        let keys: Vec<_> = problems.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            vec![
                Key::PersonName,
                Key::PersonIdNumber,
                Key::PersonEthnicity,
                Key::ContactMobile,
                Key::PersonHukouAddress
            ]
        );
    }

    #[test]
    fn debug_never_shows_personal_data() {
        let demo = Profile::demo();
        let text = format!("{demo:?} {:?}", PersonDraft::from_person(&demo.person));
        for secret in [
            "110105199003071239",
            "13800138000",
            "王小明",
            "建国路",
            "1990",
        ] {
            assert!(!text.contains(secret), "{secret} leaked in {text}");
        }
    }

    #[test]
    fn json_round_trip() {
        let demo = Profile::demo();
        let json = serde_json::to_string(&demo).unwrap();
        assert!(json.contains("\"birth_date\":\"1990-03-07\""), "{json}");
        let back: Profile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, demo);
    }
}
