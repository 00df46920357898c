//! The profile editor's draft: what a person typed, as text, validated element by element
//! with cross-checks between the ID number, the birth date and the sex.

use std::fmt;

use time::Date;

use super::{Data, Source, Values};
use crate::core::dictionary::Key;
use crate::core::ids::Sex;
use crate::core::validate::{self, Issue};

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
    /// Elements the ID number filled in (their source is `derived`).
    pub derived: Vec<Key>,
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

/// The elements this editor edits.
pub const EDITED: &[Key] = &[
    Key::PersonName,
    Key::PersonSex,
    Key::PersonBirthDate,
    Key::PersonEthnicity,
    Key::PersonIdNumber,
    Key::ContactMobile,
    Key::PersonHukouAddress,
];

/// The elements the editor requires before a profile can be used.
pub const REQUIRED: &[Key] = &[Key::PersonName, Key::PersonIdNumber];

impl PersonDraft {
    /// The draft of a person's stored values.
    pub fn from_values(values: &Values) -> Self {
        let mut draft = PersonDraft::default();
        for key in EDITED {
            draft.set(*key, values.text(*key).unwrap_or_default().to_string());
            if matches!(
                values.get(*key).map(|e| &e.source),
                Some(Source::Derived { .. })
            ) {
                draft.derived.push(*key);
            }
        }
        draft
    }

    /// Writes the validated draft into a person's values: changed values move the old ones
    /// into history, cleared ones are removed. Birth date and sex that the ID number supplied
    /// are marked as derived from it. Nothing is written when any element is invalid.
    pub fn apply(&self, values: &mut Values, today: Date, now: &str) -> Result<(), Vec<Problem>> {
        let valid = self.validate(today)?;
        for key in EDITED {
            match valid.iter().find(|(k, _)| k == key) {
                Some((_, text)) => {
                    let source = if self.derived.contains(key) {
                        Source::Derived {
                            from: Key::PersonIdNumber.id().into(),
                        }
                    } else {
                        Source::SelfDeclared
                    };
                    values.set(*key, Data::Text(text.clone()), source, now);
                }
                None => {
                    values.remove(*key);
                }
            }
        }
        Ok(())
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
            _ => "",
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
            _ => return,
        };
        *slot = text;
        self.derived.retain(|k| *k != key);
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
        self.derived.extend(filled.iter().copied());
        filled
    }

    /// Validates every element and the agreement between ID number, birth date and sex.
    /// Empty optional elements are fine; [`REQUIRED`] ones are not.
    pub fn validate(&self, today: Date) -> Result<Vec<(Key, String)>, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut check = |key: Key, result: Result<(), Issue>| {
            if let Err(issue) = result {
                problems.push(Problem { key, issue });
            }
        };
        let optional = |text: &str| !text.trim().is_empty();
        let mut out: Vec<(Key, String)> = Vec::new();

        check(
            Key::PersonName,
            validate::name(&self.name).map(|n| out.push((Key::PersonName, n))),
        );
        let id = if optional(&self.id_number) || REQUIRED.contains(&Key::PersonIdNumber) {
            match validate::id_number(&self.id_number, today) {
                Ok(id) => {
                    out.push((Key::PersonIdNumber, id.as_str().to_string()));
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
                    out.push((Key::PersonSex, sex.code().to_string()));
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
                    out.push((Key::PersonBirthDate, validate::iso_date(date)));
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
                validate::ethnicity(&self.ethnicity)
                    .map(|c| out.push((Key::PersonEthnicity, c.into()))),
            );
        }
        if optional(&self.mobile) {
            check(
                Key::ContactMobile,
                validate::mobile(&self.mobile).map(|m| out.push((Key::ContactMobile, m))),
            );
        }
        if optional(&self.hukou_address) {
            check(
                Key::PersonHukouAddress,
                validate::address(&self.hukou_address)
                    .map(|a| out.push((Key::PersonHukouAddress, a))),
            );
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::Profile;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    #[test]
    fn demo_round_trips_through_the_editor() {
        let demo = Profile::demo();
        let owner = demo.owner().unwrap();
        let draft = PersonDraft::from_values(&owner.values);
        let mut values = owner.values.clone();
        draft.apply(&mut values, TODAY, "t").unwrap();
        assert_eq!(values, owner.values, "an unchanged draft changes nothing");
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
        let mut values = Values::default();
        draft.apply(&mut values, TODAY, "t").unwrap();
        assert!(matches!(
            values.get(Key::PersonSex).unwrap().source,
            Source::Derived { .. }
        ));
        assert_eq!(
            values.get(Key::PersonName).unwrap().source,
            Source::SelfDeclared
        );
    }

    #[test]
    fn edits_keep_history_and_clearing_removes() {
        let mut values = Profile::demo().owner().unwrap().values.clone();
        let mut draft = PersonDraft::from_values(&values);
        draft.hukou_address = "北京市海淀区中关村大街1号".into();
        draft.mobile = String::new();
        draft.apply(&mut values, TODAY, "t2").unwrap();
        let e = values.get(Key::PersonHukouAddress).unwrap();
        assert_eq!(e.history.len(), 1);
        assert_eq!(values.get(Key::ContactMobile), None);
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
    fn every_bad_element_is_reported_at_once_and_nothing_is_written() {
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
        let before = Profile::demo().owner().unwrap().values.clone();
        let mut values = before.clone();
        assert!(draft.apply(&mut values, TODAY, "t").is_err());
        assert_eq!(values, before);
    }

    #[test]
    fn debug_never_shows_personal_data() {
        let demo = Profile::demo();
        let text = format!(
            "{:?}",
            PersonDraft::from_values(&demo.owner().unwrap().values)
        );
        assert!(
            !text.contains("110105199003071239") && !text.contains("王小明"),
            "{text}"
        );
    }
}
