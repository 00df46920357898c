//! The editor's draft of one record: what a person typed, as text per element, checked
//! element by element and across elements (ID number ↔ birth date ↔ sex).
//!
//! A draft is applied to a record's [`Values`] only when it has no error; warnings never
//! block saving. Applying moves replaced values into history and removes cleared ones.
//!
//! A verified value (a credential's, or staff-verified) is the person's to change, but not by
//! accident: [`Draft::apply_confirmed`] writes a draft that changes or clears one only when the
//! person confirmed it ([`Draft::verified_changes`] lists what to ask about). The new value is
//! then self-declared and the verified one stays in the history; an unchanged value keeps its
//! badge.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use time::Date;

use super::{Data, Source, Values};
use crate::core::check::{self, Context};
use crate::core::dictionary::{Key, ValueType};
use crate::core::validate::{self, Issue};

/// A problem with one element of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The element.
    pub key: Key,
    /// What is wrong.
    pub issue: Issue,
}

/// The outcome of checking a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Errors: the draft cannot be saved until they are put right.
    pub errors: Vec<Problem>,
    /// Doubts: shown, but saving goes ahead.
    pub warnings: Vec<Problem>,
    /// The normalised values, for the elements without error.
    pub values: Vec<(Key, Data)>,
}

/// Elements a person record must have before its data can be used.
pub const REQUIRED: &[Key] = &[Key::PersonName];

/// What a person typed into one record's editor. `Debug` shows keys only.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Draft {
    texts: BTreeMap<Key, String>,
    scope: BTreeSet<Key>,
    derived: BTreeSet<Key>,
    required: Vec<Key>,
}

impl fmt::Debug for Draft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.texts.keys()).finish()
    }
}

fn as_text(data: &Data) -> String {
    match data {
        Data::Text(t) => t.clone(),
        Data::List(items) => items.join("、"),
    }
}

impl Draft {
    /// A draft of `values` covering the elements `scope` (others are left untouched on apply).
    pub fn from_values(
        values: &Values,
        scope: impl IntoIterator<Item = Key>,
        required: &[Key],
    ) -> Self {
        let mut draft = Draft {
            required: required.to_vec(),
            ..Draft::default()
        };
        for key in scope {
            draft.scope.insert(key);
            if let Some(entry) = values.get(key) {
                draft.texts.insert(key, as_text(&entry.value));
                if matches!(entry.source, Source::Derived { .. }) {
                    draft.derived.insert(key);
                }
            }
        }
        draft
    }

    /// The text of one element.
    pub fn get(&self, key: Key) -> &str {
        self.texts.get(&key).map(String::as_str).unwrap_or_default()
    }

    /// Sets the text of one element (a typed value is no longer derived).
    pub fn set(&mut self, key: Key, text: String) {
        self.scope.insert(key);
        self.derived.remove(&key);
        self.texts.insert(key, text);
    }

    /// Whether the element was filled in from another one.
    pub fn is_derived(&self, key: Key) -> bool {
        self.derived.contains(&key)
    }

    /// The elements the draft covers.
    pub fn scope(&self) -> impl Iterator<Item = Key> + '_ {
        self.scope.iter().copied()
    }

    /// Fills birth date and sex from a valid ID number where they are still empty.
    /// Returns the keys it filled.
    pub fn derive_from_id(&mut self, today: Date) -> Vec<Key> {
        let ctx = self.context(today);
        let Ok(checked) = check::check(Key::PersonIdNumber, self.get(Key::PersonIdNumber), &ctx)
        else {
            return Vec::new();
        };
        let mut filled = Vec::new();
        for (key, text) in checked.derived {
            if matches!(key, Key::PersonBirthDate | Key::PersonSex)
                && self.get(key).trim().is_empty()
            {
                self.texts.insert(key, text);
                self.scope.insert(key);
                self.derived.insert(key);
                filled.push(key);
            }
        }
        filled
    }

    fn context(&self, today: Date) -> Context<'_> {
        Context {
            today,
            id_type: self.texts.get(&Key::PersonIdType).map(String::as_str),
        }
    }

    /// Checks every element and the agreement between ID number, birth date and sex.
    pub fn check(&self, today: Date) -> Report {
        let ctx = self.context(today);
        let mut report = Report::default();
        let mut id_facts: Vec<(Key, String)> = Vec::new();
        for key in Key::all().filter(|k| self.scope.contains(k)) {
            let text = self.get(key);
            if text.trim().is_empty() {
                if self.required.contains(&key) {
                    report.errors.push(Problem {
                        key,
                        issue: Issue::Required,
                    });
                }
                continue;
            }
            match check::check(key, text, &ctx) {
                Ok(checked) => {
                    if key == Key::PersonIdNumber {
                        id_facts = checked.derived.clone();
                    }
                    report.warnings.extend(
                        checked
                            .warnings
                            .into_iter()
                            .map(|issue| Problem { key, issue }),
                    );
                    report.values.push((key, checked.value));
                }
                Err(issue) => report.errors.push(Problem { key, issue }),
            }
        }
        for key in self.required.iter().filter(|k| !self.scope.contains(k)) {
            report.errors.push(Problem {
                key: *key,
                issue: Issue::Required,
            });
        }
        // The ID number is the stronger evidence: a disagreeing birth date or sex is the one
        // to correct.
        for (key, expected) in id_facts {
            let Some((_, Data::Text(given))) = report.values.iter().find(|(k, _)| *k == key) else {
                continue;
            };
            let issue = match key {
                Key::PersonBirthDate if *given != expected => validate::parse_date(&expected)
                    .ok()
                    .map(|expected| Issue::BirthMismatch { expected }),
                Key::PersonSex if *given != expected => crate::core::ids::Sex::parse(&expected)
                    .map(|expected| Issue::SexMismatch { expected }),
                _ => None,
            };
            if let Some(issue) = issue {
                report.values.retain(|(k, _)| *k != key);
                report.errors.push(Problem { key, issue });
            }
        }
        crate::core::order::sort_by_key(&mut report.errors, |p| p.key);
        report
    }

    /// Writes the draft into `values` if it has no error, and returns its warnings; otherwise
    /// returns the errors and writes nothing.
    pub fn apply(
        &self,
        values: &mut Values,
        today: Date,
        now: &str,
    ) -> Result<Vec<Problem>, Vec<Problem>> {
        let report = self.check(today);
        if !report.errors.is_empty() {
            return Err(report.errors);
        }
        for key in self.scope.iter().copied() {
            match report.values.iter().find(|(k, _)| *k == key) {
                Some((_, value)) => {
                    let source = if self.derived.contains(&key) {
                        Source::Derived {
                            from: Key::PersonIdNumber.id().into(),
                        }
                    } else {
                        Source::SelfDeclared
                    };
                    values.set(key, value.clone(), source, now);
                }
                None => {
                    values.remove(key);
                }
            }
        }
        Ok(report.warnings)
    }
}

/// Why [`Draft::apply_confirmed`] wrote nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The draft has errors.
    Errors(Vec<Problem>),
    /// The draft changes or clears verified values and the person has not confirmed it.
    Unconfirmed(super::Unconfirmed),
}

impl Draft {
    /// The elements whose verified value (a credential's or staff-verified) applying the draft
    /// would change or clear: the editor asks the person to confirm these first. Elements with
    /// errors are not counted (the draft cannot be applied anyway).
    pub fn verified_changes(&self, values: &Values, today: Date) -> Vec<Key> {
        let report = self.check(today);
        self.scope
            .iter()
            .copied()
            .filter(|key| !report.errors.iter().any(|p| p.key == *key))
            .filter(|key| {
                let value = report.values.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                values.edit_needs_confirmation(*key, value)
            })
            .collect()
    }

    /// As [`Draft::apply`], but a draft that changes or clears verified values is applied only
    /// when `confirmed`; their new values are then self-declared, the verified ones kept in the
    /// history. Values the draft leaves as they were keep their source and their badge.
    pub fn apply_confirmed(
        &self,
        values: &mut Values,
        today: Date,
        now: &str,
        confirmed: bool,
    ) -> Result<Vec<Problem>, Refused> {
        let report = self.check(today);
        if !report.errors.is_empty() {
            return Err(Refused::Errors(report.errors));
        }
        let verified = self.verified_changes(values, today);
        if !confirmed && !verified.is_empty() {
            return Err(Refused::Unconfirmed(super::Unconfirmed(verified)));
        }
        self.apply(values, today, now).map_err(Refused::Errors)
    }
}

/// Whether an element is typed by a person in a record editor (not derived, not a reference).
pub fn editable(key: Key) -> bool {
    let e = key.element();
    !e.derived && e.value != ValueType::Reference
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dictionary::Group;
    use crate::core::profile::Profile;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn person_scope() -> impl Iterator<Item = Key> {
        Key::all()
            .filter(|k| matches!(k.element().group, Group::Person | Group::Contact) && editable(*k))
    }

    fn draft(pairs: &[(Key, &str)]) -> Draft {
        let mut d = Draft::from_values(&Values::default(), person_scope(), REQUIRED);
        for (k, t) in pairs {
            d.set(*k, (*t).to_string());
        }
        d
    }

    #[test]
    fn demo_round_trips_through_the_editor() {
        let demo = Profile::demo();
        let owner = demo.owner().unwrap();
        let d = Draft::from_values(&owner.values, person_scope(), REQUIRED);
        let mut values = owner.values.clone();
        assert_eq!(d.apply(&mut values, TODAY, "t"), Ok(vec![]));
        assert_eq!(values, owner.values, "an unchanged draft changes nothing");
    }

    #[test]
    fn a_draft_changing_a_verified_value_waits_for_confirmation() {
        let demo = Profile::demo();
        let mut values = demo.owner().unwrap().values.clone();
        let staff = Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-20".into(),
        };
        let name = values.get(Key::PersonName).unwrap().value.clone();
        values.set(Key::PersonName, name.clone(), staff.clone(), "t0");

        // Unchanged: saved without asking, and the badge stays.
        let d = Draft::from_values(&values, person_scope(), REQUIRED);
        assert!(d.verified_changes(&values, TODAY).is_empty());
        assert_eq!(
            d.apply_confirmed(&mut values, TODAY, "t1", false),
            Ok(vec![])
        );
        assert_eq!(values.get(Key::PersonName).unwrap().source, staff);

        // Changed: refused unconfirmed, nothing written.
        let mut d = Draft::from_values(&values, person_scope(), REQUIRED);
        d.set(Key::PersonName, "王晓明".into());
        assert_eq!(d.verified_changes(&values, TODAY), vec![Key::PersonName]);
        let before = values.clone();
        assert_eq!(
            d.apply_confirmed(&mut values, TODAY, "t2", false),
            Err(Refused::Unconfirmed(crate::core::profile::Unconfirmed(
                vec![Key::PersonName]
            )))
        );
        assert_eq!(values, before);

        // Confirmed: self-declared, the verified value in the history.
        assert_eq!(
            d.apply_confirmed(&mut values, TODAY, "t2", true),
            Ok(vec![])
        );
        let e = values.get(Key::PersonName).unwrap();
        assert_eq!(e.value, Data::Text("王晓明".into()));
        assert_eq!(e.source, Source::SelfDeclared);
        let past = e.history.last().unwrap();
        assert_eq!((past.value.clone(), past.source.clone()), (name, staff));

        // Clearing a verified value asks too.
        values.set(
            Key::PersonName,
            Data::Text("王晓明".into()),
            Source::Credential {
                issuer: "i".into(),
                issued: "2026-11-20".into(),
            },
            "t3",
        );
        let mut d = Draft::from_values(&values, person_scope(), &[]);
        d.set(Key::PersonName, String::new());
        assert_eq!(d.verified_changes(&values, TODAY), vec![Key::PersonName]);
    }

    #[test]
    fn id_number_fills_birth_date_and_sex() {
        let mut d = draft(&[
            (Key::PersonName, "李华"),
            (Key::PersonIdNumber, "440305198512310421"),
        ]);
        assert_eq!(
            d.derive_from_id(TODAY),
            vec![Key::PersonBirthDate, Key::PersonSex]
        );
        assert_eq!(d.get(Key::PersonBirthDate), "1985-12-31");
        assert_eq!(d.get(Key::PersonSex), "2");
        let mut values = Values::default();
        d.apply(&mut values, TODAY, "t").unwrap();
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
        let mut d = Draft::from_values(&values, person_scope(), REQUIRED);
        d.set(Key::PersonHukouAddress, "北京市海淀区中关村大街1号".into());
        d.set(Key::ContactMobile, String::new());
        d.apply(&mut values, TODAY, "t2").unwrap();
        assert_eq!(
            values.get(Key::PersonHukouAddress).unwrap().history.len(),
            1
        );
        assert_eq!(values.get(Key::ContactMobile), None);
        assert!(
            values.get(Key::PersonName).is_some(),
            "untouched elements stay"
        );
    }

    #[test]
    fn disagreements_with_the_id_number_are_reported() {
        let d = draft(&[
            (Key::PersonName, "王小明"),
            (Key::PersonIdNumber, "110105199003071239"),
            (Key::PersonSex, "2"),
            (Key::PersonBirthDate, "1990-03-08"),
        ]);
        let codes: Vec<_> = d
            .check(TODAY)
            .errors
            .iter()
            .map(|p| (p.key, p.issue.code()))
            .collect();
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
        let d = draft(&[
            (Key::PersonIdNumber, "110105199003071238"),
            (Key::ContactMobile, "123"),
            (Key::PersonHukouAddress, "建国路88号院"),
            (Key::PersonEthnicity, "火星族"),
        ]);
        let keys: Vec<_> = d.check(TODAY).errors.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            vec![
                Key::PersonName,
                Key::PersonEthnicity,
                Key::PersonIdNumber,
                Key::PersonHukouAddress,
                Key::ContactMobile,
            ]
        );
        let before = Profile::demo().owner().unwrap().values.clone();
        let mut values = before.clone();
        assert!(d.apply(&mut values, TODAY, "t").is_err());
        assert_eq!(values, before);
    }

    #[test]
    fn every_demo_record_checks_out() {
        let demo = Profile::demo();
        let all = || Key::all().filter(|k| editable(*k));
        for p in &demo.persons {
            let report = Draft::from_values(&p.values, all(), REQUIRED).check(TODAY);
            assert_eq!(report.errors, vec![], "{}", p.id);
        }
        for f in &demo.firms {
            assert_eq!(
                Draft::from_values(&f.values, all(), &[])
                    .check(TODAY)
                    .errors,
                vec![]
            );
            for r in &f.roles {
                assert_eq!(
                    Draft::from_values(&r.values, all(), &[])
                        .check(TODAY)
                        .errors,
                    vec![]
                );
            }
        }
        for a in &demo.agents {
            assert_eq!(
                Draft::from_values(&a.values, all(), &[])
                    .check(TODAY)
                    .errors,
                vec![]
            );
        }
    }

    #[test]
    fn debug_never_shows_personal_data() {
        let demo = Profile::demo();
        let text = format!(
            "{:?}",
            Draft::from_values(&demo.owner().unwrap().values, person_scope(), REQUIRED)
        );
        assert!(
            !text.contains("110105199003071239") && !text.contains("王小明"),
            "{text}"
        );
    }
}
