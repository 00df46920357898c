//! Bringing verified values into the profile: first exactly what it would do, element by
//! element ([`preview`]), then exactly that and nothing else ([`apply`]).
//!
//! The values come from a verified credential ([`super::Verified::elements`]) or from a
//! service hall's attestation ([`crate::core::handoff::attest`]); both go this one way. Per element:
//!
//! | action | when | what [`apply`] does |
//! |---|---|---|
//! | [`Action::Add`] | the profile has no value | sets it, with the verified source |
//! | [`Action::Replace`] | the profile has another value whose source is not stronger | sets it; the old value and its source move into the element's history |
//! | [`Action::Same`] | the profile has the same value with a weaker source | only the source becomes the verified one (the badge) |
//! | [`Action::Keep`] | the profile's value has an equal or stronger source (the same value, or a different one with a strictly stronger source, e.g. a credential's value against a hall's attestation) | nothing |
//! | [`Action::Invalid`] | the value fails the element's own check | nothing: a signed value the profile would not accept as typed is shown, never filled unasked |
//! | [`Action::NoHolder`] | nobody in the profile holds the element (a legal representative's name with no legal representative, a firm's element with no firm) | nothing |
//!
//! A different value with an equally strong source is replaced (a renewed ID card's new
//! address): the preview says so with the current source, so the app can say 替换已核验的值
//! as well as 替换自填的值. Nothing is overwritten that the preview does not list as
//! [`Action::Replace`]; [`apply`] recomputes the preview and refuses when the profile changed in
//! between, so the preview shown and the result cannot disagree.
//!
//! Values are compared in the element's normal form (the check's) and stored so. `Debug`
//! never shows a value.

use std::fmt;

use crate::core::check::{Context, Data, check};
use crate::core::dictionary::{Group, Key};
use crate::core::i18n::{Lang, tr};
use crate::core::profile::{Holder, Profile, Source, Values};
use crate::core::role::{Role, RoleRef};
use crate::core::validate::Issue;

use super::elements::{Mapped, Target, masked};

/// What importing one element would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The profile has no value: it is added.
    Add,
    /// The profile has another value: it is replaced (and kept in the history).
    Replace {
        /// The current value's source (self-declared, derived, or verified as strongly).
        current: Source,
    },
    /// The profile has this value: its source becomes the verified one.
    Same {
        /// The current value's source.
        current: Source,
    },
    /// The profile's value stays: its source is as strong or stronger.
    Keep {
        /// The current value's source.
        current: Source,
        /// The incoming value differs from it.
        differs: bool,
    },
    /// The value fails the element's check: not imported.
    Invalid(Issue),
    /// Nobody in the profile holds the element: not imported.
    NoHolder,
}

impl Action {
    /// A stable code: `add`, `replace`, `same`, `keep`, `invalid`, `no-holder`.
    pub fn code(&self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Replace { .. } => "replace",
            Action::Same { .. } => "same",
            Action::Keep { .. } => "keep",
            Action::Invalid(_) => "invalid",
            Action::NoHolder => "no-holder",
        }
    }

    /// Whether [`apply`] writes anything for it.
    pub fn changes(&self) -> bool {
        matches!(
            self,
            Action::Add | Action::Replace { .. } | Action::Same { .. }
        )
    }

    /// What it does, in plain words (never a value), e.g. 替换自填的值.
    pub fn message(&self, lang: Lang) -> String {
        let id = match self {
            Action::Replace { current } if current.is_verified() => "import-replace-verified",
            Action::Replace { .. } => "import-replace-self",
            Action::Keep { differs: true, .. } => "import-keep-stronger",
            Action::Keep { .. } => "import-keep",
            Action::Add => "import-add",
            Action::Same { .. } => "import-same",
            Action::Invalid(_) => "import-invalid",
            Action::NoHolder => "import-no-holder",
        };
        tr(lang, id, &[])
    }
}

/// One element of a preview.
#[derive(Clone, PartialEq, Eq)]
pub struct Change {
    /// The element (and whether it is the legal representative's).
    pub target: Target,
    /// What importing does to it.
    pub action: Action,
    /// The incoming value in the element's normal form (as signed when it fails its check).
    value: String,
}

impl fmt::Debug for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Change({}, {:?}, ***)", self.target.id(), self.action)
    }
}

impl Change {
    /// The incoming value, masked for display.
    pub fn masked(&self) -> String {
        masked(&self.value, self.target.key)
    }

    /// The incoming value itself, for the person's own reveal button.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// What an import would do, element by element, with the source it records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The source every imported value gets.
    pub source: Source,
    /// One per incoming element, in the incoming order.
    pub changes: Vec<Change>,
}

impl Preview {
    /// How many elements [`apply`] would write.
    pub fn count(&self) -> usize {
        self.changes.iter().filter(|c| c.action.changes()).count()
    }
}

/// Why [`apply`] refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The profile changed since the preview: preview again and show it.
    Stale,
}

impl ImportError {
    /// Why, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        tr(lang, "import-stale", &[])
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for ImportError {}

/// A source as JSON for a report: `{"kind", "issuer"?, "issued"?, "hall"?, "date"?}` (the
/// profile's own format of a source; no value).
fn source_json(source: &Source) -> serde_json::Value {
    serde_json::to_value(source).unwrap_or(serde_json::Value::Null)
}

/// The preview as JSON, values masked: `{"source", "count", "elements": [{"element", "label",
/// "value", "action", "message": {"zh-CN", "en"}, "current"?, "problem"?}]}` (`current`: the
/// source of the profile's value where there is one; `problem`: the check's code for an invalid
/// value).
pub fn report(preview: &Preview) -> serde_json::Value {
    use serde_json::json;
    let elements: Vec<serde_json::Value> = preview
        .changes
        .iter()
        .map(|c| {
            let element = c.target.key.element();
            let mut e = json!({
                "element": c.target.id(),
                "label": {"zh-CN": element.zh, "en": element.en},
                "value": c.masked(),
                "action": c.action.code(),
                "message": {"zh-CN": c.action.message(Lang::ZhCn), "en": c.action.message(Lang::En)},
            });
            match &c.action {
                Action::Replace { current }
                | Action::Same { current }
                | Action::Keep { current, .. } => e["current"] = source_json(current),
                Action::Invalid(issue) => e["problem"] = json!(issue.code()),
                Action::Add | Action::NoHolder => {}
            }
            e
        })
        .collect();
    json!({
        "source": source_json(&preview.source),
        "count": preview.count(),
        "elements": elements,
    })
}

fn legal_rep() -> RoleRef {
    RoleRef::new(Role::LegalRep)
}

/// The values that hold `target`, if anybody holds it.
fn values_of<'a>(profile: &'a Profile, target: &Target) -> Option<&'a Values> {
    if target.legal_rep {
        let Some(Holder::Record(id)) = profile.holder_of(target.key, Some(legal_rep())) else {
            return None;
        };
        return profile.person(&id).map(|p| &p.values);
    }
    if target.key.element().group == Group::Firm {
        return profile.firms.first().map(|f| &f.values);
    }
    profile.owner().map(|p| &p.values)
}

fn values_of_mut<'a>(profile: &'a mut Profile, target: &Target) -> Option<&'a mut Values> {
    if target.legal_rep {
        let Some(Holder::Record(id)) = profile.holder_of(target.key, Some(legal_rep())) else {
            return None;
        };
        return profile
            .persons
            .iter_mut()
            .find(|p| p.id == id)
            .map(|p| &mut p.values);
    }
    if target.key.element().group == Group::Firm {
        return profile.firms.first_mut().map(|f| &mut f.values);
    }
    Some(&mut profile.owner_mut().values)
}

/// What importing `incoming` with `source` would do to `profile`. `today` judges dates that
/// cannot lie in the future.
pub fn preview(
    profile: &Profile,
    incoming: &[Mapped],
    source: &Source,
    today: time::Date,
) -> Preview {
    let mut changes: Vec<Change> = Vec::new();
    for m in incoming {
        // An element named twice: the first one counts, as the credential's map keeps it.
        if changes.iter().any(|c| c.target == m.target) {
            continue;
        }
        let values = values_of(profile, &m.target);
        let id_type = values.and_then(|v| v.text(Key::PersonIdType));
        let ctx = Context { today, id_type };
        let checked = match &m.problem {
            Some(issue) => Err(issue.clone()),
            None => check(m.target.key, &m.value, &ctx),
        };
        let (value, action) = match checked {
            Err(issue) => (m.value.clone(), Action::Invalid(issue)),
            Ok(c) => {
                let value = match c.value {
                    Data::Text(t) => t,
                    Data::List(_) => m.value.clone(),
                };
                let action = match values {
                    None if m.target.legal_rep || m.target.key.element().group == Group::Firm => {
                        Action::NoHolder
                    }
                    _ => match values.and_then(|v| v.get(m.target.key)) {
                        None => Action::Add,
                        Some(entry) => {
                            let same = entry.value.as_text() == Some(value.as_str());
                            let current = entry.source.clone();
                            let stronger = current.strength() > source.strength();
                            match (same, source.strength() > current.strength()) {
                                (true, true) => Action::Same { current },
                                (true, false) => Action::Keep {
                                    current,
                                    differs: false,
                                },
                                (false, _) if stronger => Action::Keep {
                                    current,
                                    differs: true,
                                },
                                (false, _) => Action::Replace { current },
                            }
                        }
                    },
                };
                (value, action)
            }
        };
        changes.push(Change {
            target: m.target,
            action,
            value,
        });
    }
    Preview {
        source: source.clone(),
        changes,
    }
}

/// Does exactly what `preview` (made by [`preview`] with the same `incoming`, `source` and
/// `today`) says, stamping changed values with `now` (RFC 3339). Refuses, changing nothing,
/// when the profile no longer gives the same preview. Returns how many elements it wrote.
pub fn apply(
    profile: &mut Profile,
    incoming: &[Mapped],
    shown: &Preview,
    today: time::Date,
    now: &str,
) -> Result<usize, ImportError> {
    if preview(profile, incoming, &shown.source, today) != *shown {
        return Err(ImportError::Stale);
    }
    let mut written = 0;
    for change in shown.changes.iter().filter(|c| c.action.changes()) {
        if let Some(values) = values_of_mut(profile, &change.target) {
            values.set(
                change.target.key,
                Data::Text(change.value.clone()),
                shown.source.clone(),
                now,
            );
            written += 1;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::Profile;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 12 - 01);
    const NOW: &str = "2026-12-01T08:00:00Z";
    const ID: &str = "110105199003071239";

    fn credential() -> Source {
        Source::Credential {
            issuer: "https://issuer.example/resident-id".into(),
            issued: "2026-11-30".into(),
        }
    }

    fn staff() -> Source {
        Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-30".into(),
        }
    }

    fn incoming(items: &[(&str, &str)]) -> Vec<Mapped> {
        items
            .iter()
            .map(|(target, value)| Mapped {
                claim: (*target).into(),
                target: Target::parse(target).unwrap(),
                value: (*value).into(),
                problem: None,
            })
            .collect()
    }

    fn set(profile: &mut Profile, key: Key, value: &str, source: Source) {
        profile
            .owner_mut()
            .values
            .set(key, Data::Text(value.into()), source, "t0");
    }

    fn action(p: &Preview, id: &str) -> Action {
        p.changes
            .iter()
            .find(|c| c.target.id() == id)
            .unwrap()
            .action
            .clone()
    }

    /// An owner with a self-declared name (another one), the same birth date self-declared,
    /// an address from another credential, and no ID number.
    fn profile() -> Profile {
        let mut p = Profile::new();
        set(&mut p, Key::PersonName, "王晓明", Source::SelfDeclared);
        set(
            &mut p,
            Key::PersonBirthDate,
            "1990-03-07",
            Source::SelfDeclared,
        );
        set(
            &mut p,
            Key::PersonResidenceAddress,
            "北京市东城区示例路2号",
            credential(),
        );
        p
    }

    #[test]
    fn each_element_says_what_importing_does() {
        let p = profile();
        let items = incoming(&[
            ("person.name", "王小明"),
            ("person.birth_date", "1990-03-07"),
            ("person.id_number", ID),
            ("person.residence_address", "北京市东城区示例路1号"),
            ("legal_rep:person.name", "李四"),
            ("firm.name", "示例科技有限公司"),
        ]);
        let shown = preview(&p, &items, &credential(), TODAY);
        assert_eq!(
            action(&shown, "person.name"),
            Action::Replace {
                current: Source::SelfDeclared
            }
        );
        assert_eq!(
            action(&shown, "person.name").message(Lang::ZhCn),
            "替换自填的值"
        );
        assert_eq!(
            action(&shown, "person.birth_date"),
            Action::Same {
                current: Source::SelfDeclared
            }
        );
        assert_eq!(action(&shown, "person.id_number"), Action::Add);
        assert_eq!(
            action(&shown, "person.residence_address"),
            Action::Replace {
                current: credential()
            },
            "an equally strong source with another value: replaced, and said so"
        );
        assert_eq!(action(&shown, "legal_rep:person.name"), Action::NoHolder);
        assert_eq!(action(&shown, "firm.name"), Action::NoHolder);
        assert_eq!(shown.count(), 4);
        let debug = format!("{shown:?}");
        for value in ["王小明", "1990-03-07", "1101051990", "示例路1号", "李四"] {
            assert!(!debug.contains(value), "{debug}");
        }
        assert_eq!(shown.changes[2].masked(), "1101**********1239");
        let json = report(&shown).to_string();
        for value in ["王小明", "1990-03-07", "1101051990", "示例路1号", "李四"] {
            assert!(!json.contains(value), "{json}");
        }
        let r = report(&shown);
        assert_eq!(r["count"], 4);
        assert_eq!(r["elements"][0]["action"], "replace");
        assert_eq!(r["elements"][0]["current"]["kind"], "self_declared");
        assert_eq!(r["elements"][0]["message"]["zh-CN"], "替换自填的值");
        assert_eq!(r["source"]["kind"], "credential");
    }

    #[test]
    fn a_stronger_source_keeps_its_value() {
        let mut p = Profile::new();
        set(&mut p, Key::PersonName, "王小明", credential());
        set(&mut p, Key::PersonSex, "1", credential());
        let items = incoming(&[("person.name", "王晓明"), ("person.sex", "1")]);
        let shown = preview(&p, &items, &staff(), TODAY);
        assert_eq!(
            action(&shown, "person.name"),
            Action::Keep {
                current: credential(),
                differs: true
            }
        );
        assert_eq!(
            action(&shown, "person.sex"),
            Action::Keep {
                current: credential(),
                differs: false
            }
        );
        let before = p.clone();
        assert_eq!(apply(&mut p, &items, &shown, TODAY, NOW), Ok(0));
        assert_eq!(p, before, "nothing is written");
    }

    #[test]
    fn apply_does_exactly_what_the_preview_says() {
        let mut p = profile();
        let items = incoming(&[
            ("person.name", "王小明"),
            ("person.birth_date", "1990-03-07"),
            ("person.id_number", ID),
            ("person.residence_address", "北京市东城区示例路1号"),
            ("person.sex", "3"),
        ]);
        let shown = preview(&p, &items, &credential(), TODAY);
        assert!(matches!(action(&shown, "person.sex"), Action::Invalid(_)));
        let before = p.clone();
        assert_eq!(apply(&mut p, &items, &shown, TODAY, NOW), Ok(4));
        let values = &p.owner().unwrap().values;
        for change in &shown.changes {
            let key = change.target.key;
            let after = values.get(key);
            match &change.action {
                Action::Add | Action::Replace { .. } | Action::Same { .. } => {
                    let e = after.unwrap();
                    assert_eq!(e.value.as_text(), Some(change.value()));
                    assert_eq!(e.source, credential());
                }
                _ => assert_eq!(after, before.owner().unwrap().values.get(key)),
            }
            if let Action::Replace { current } = &change.action {
                let past = after.unwrap().history.last().unwrap();
                assert_eq!(
                    &past.source, current,
                    "the replaced value is in the history"
                );
            }
        }
        // Once imported, importing again changes nothing.
        let again = preview(&p, &items, &credential(), TODAY);
        assert_eq!(again.count(), 0, "{again:?}");
    }

    #[test]
    fn a_changed_profile_refuses_the_old_preview() {
        let mut p = profile();
        let items = incoming(&[("person.id_number", ID)]);
        let shown = preview(&p, &items, &credential(), TODAY);
        set(
            &mut p,
            Key::PersonIdNumber,
            "11010519491231002X",
            Source::SelfDeclared,
        );
        let before = p.clone();
        assert_eq!(
            apply(&mut p, &items, &shown, TODAY, NOW),
            Err(ImportError::Stale)
        );
        assert_eq!(p, before, "nothing replaced that the preview did not show");
        let e = ImportError::Stale.to_string();
        assert!(e.contains(" / "), "{e}");
    }

    #[test]
    fn a_legal_representative_and_a_firm_receive_their_values() {
        let mut p = Profile::demo();
        let items = incoming(&[("legal_rep:person.name", "李四")]);
        let shown = preview(&p, &items, &credential(), TODAY);
        if p.firms.is_empty() {
            assert_eq!(shown.changes[0].action, Action::NoHolder);
            return;
        }
        assert!(shown.changes[0].action.changes(), "{shown:?}");
        assert_eq!(apply(&mut p, &items, &shown, TODAY, NOW), Ok(1));
        let Some(Holder::Record(id)) = p.holder_of(Key::PersonName, Some(legal_rep())) else {
            panic!("a legal representative");
        };
        let rep = p.person(&id).unwrap();
        assert_eq!(rep.values.text(Key::PersonName), Some("李四"));
        assert_eq!(
            rep.values.get(Key::PersonName).unwrap().source,
            credential()
        );
    }
}
