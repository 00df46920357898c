//! The handle→element shape: a JSON object from a control's handle (its `id`, else its
//! `name`) to what the control takes.
//!
//! ```json
//! {"aac003": "person.name",
//!  "yzm": null,
//!  "fr_xm": {"key": "person.name", "role": "legal_rep"}}
//! ```
//!
//! An entry is a dictionary key, `null` (never filled), or an object with `key` (a key or
//! `null`) and, for somebody other than the applicant, `role` (a [`RoleRef`]: `legal_rep`,
//! `shareholder[1]`; `applicant` is the default and reads as none). Three files use it: the
//! learned-corrections export ([`crate::core::mapping`]), a known form's fields for the
//! classifier ([`crate::core::classify::Mapping`]) and the corpus expectations
//! ([`crate::core::classify::eval`], whose objects add `part` and `reason`). [`read`] is their
//! one reader: it reports every problem as data, and each caller words it in its own messages.
//!
//! ```
//! use oncefill::core::handle_map::{read, Problem};
//! let fields = serde_json::json!({"xm": "person.name", "fr": {"key": "person.name", "role": "boss"}});
//! let (entries, problems) = read(fields.as_object().unwrap(), &[]);
//! assert_eq!(entries.len(), 2);
//! assert_eq!(problems[0].problem, Problem::UnknownRole("boss".into()));
//! ```

use serde_json::{Map, Value};

use crate::core::dictionary::Key;
use crate::core::role::RoleRef;

/// The role name of the applicant (no [`RoleRef`]).
pub const APPLICANT: &str = "applicant";

/// One entry as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    /// The control's handle.
    pub handle: &'a str,
    /// The element; `None`: never fill it (or unreadable, see the problems).
    pub key: Option<Key>,
    /// Whose value; `None`: the applicant's.
    pub role: Option<RoleRef>,
    /// The entry's object, when it is one: the members a caller adds (`part`, `reason`).
    pub object: Option<&'a Map<String, Value>>,
}

/// What is wrong with an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The entry is neither a key, `null` nor an object.
    NotAnEntry,
    /// An object without `key`.
    MissingKey,
    /// `key` is neither a string nor `null`.
    KeyType,
    /// A key not in the dictionary, as written.
    UnknownKey(String),
    /// `role` is not a string.
    RoleType,
    /// A role that does not exist, or a malformed index, as written.
    UnknownRole(String),
    /// A member the object may not have.
    UnknownMember(String),
}

/// A problem of one entry, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryProblem {
    /// The entry's handle.
    pub handle: String,
    /// The member concerned (`key`, `role`), or `None` for the entry itself (a bare key,
    /// an unknown member).
    pub member: Option<&'static str>,
    /// What is wrong.
    pub problem: Problem,
}

/// Reads every entry of `fields`, in order, with every problem found. An object may have
/// `key`, `role` and the caller's `extra` members. An entry with problems is still listed,
/// with what could be read.
pub fn read<'a>(
    fields: &'a Map<String, Value>,
    extra: &[&str],
) -> (Vec<Entry<'a>>, Vec<EntryProblem>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (handle, value) in fields {
        let mut problem = |member, problem| {
            problems.push(EntryProblem {
                handle: handle.clone(),
                member,
                problem,
            });
        };
        let (key, role, object) = match value {
            Value::Object(o) => {
                for m in o.keys() {
                    if m != "key" && m != "role" && !extra.contains(&m.as_str()) {
                        problem(None, Problem::UnknownMember(m.clone()));
                    }
                }
                let key = match o.get("key") {
                    None => {
                        problem(None, Problem::MissingKey);
                        None
                    }
                    Some(k) => read_key(k).unwrap_or_else(|p| {
                        problem(Some("key"), p);
                        None
                    }),
                };
                let role = o.get("role").and_then(|r| {
                    read_role(r).unwrap_or_else(|p| {
                        problem(Some("role"), p);
                        None
                    })
                });
                (key, role, Some(o))
            }
            Value::String(_) | Value::Null => {
                let key = read_key(value).unwrap_or_else(|p| {
                    problem(None, p);
                    None
                });
                (key, None, None)
            }
            _ => {
                problem(None, Problem::NotAnEntry);
                (None, None, None)
            }
        };
        entries.push(Entry {
            handle,
            key,
            role,
            object,
        });
    }
    (entries, problems)
}

/// A `role` member: a [`RoleRef`], or none for [`APPLICANT`].
pub fn read_role(value: &Value) -> Result<Option<RoleRef>, Problem> {
    match value {
        Value::String(r) if r == APPLICANT => Ok(None),
        Value::String(r) => RoleRef::parse(r)
            .map(Some)
            .ok_or_else(|| Problem::UnknownRole(r.clone())),
        _ => Err(Problem::RoleType),
    }
}

fn read_key(value: &Value) -> Result<Option<Key>, Problem> {
    match value {
        Value::Null => Ok(None),
        Value::String(id) => Key::from_id(id)
            .map(Some)
            .ok_or_else(|| Problem::UnknownKey(id.clone())),
        _ => Err(Problem::KeyType),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::role::Role;

    /// The entries (handle, key, role) and the problems.
    type Read = (
        Vec<(String, Option<Key>, Option<RoleRef>)>,
        Vec<EntryProblem>,
    );

    fn read_json(json: &str, extra: &[&str]) -> Read {
        let v: Value = serde_json::from_str(json).unwrap();
        let (entries, problems) = read(v.as_object().unwrap(), extra);
        let entries = entries
            .into_iter()
            .map(|e| (e.handle.to_string(), e.key, e.role))
            .collect();
        (entries, problems)
    }

    #[test]
    fn the_three_forms_of_an_entry() {
        let (entries, problems) = read_json(
            r#"{"a": "person.name", "b": null, "c": {"key": "person.name", "role": "shareholder[1]"},
                "d": {"key": null}, "e": {"key": "person.name", "role": "applicant"}}"#,
            &[],
        );
        assert!(problems.is_empty(), "{problems:?}");
        let shareholder = RoleRef {
            role: Role::Shareholder,
            index: Some(1),
        };
        assert_eq!(
            entries,
            vec![
                ("a".into(), Some(Key::PersonName), None),
                ("b".into(), None, None),
                ("c".into(), Some(Key::PersonName), Some(shareholder)),
                ("d".into(), None, None),
                ("e".into(), Some(Key::PersonName), None),
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_member() {
        let (entries, problems) = read_json(
            r#"{"a": "person.nmae", "b": 3, "c": {"key": 1, "role": "boss", "part": "year"},
                "d": {"role": 2}, "e": {"key": "person.name", "part": "year"}}"#,
            &["part"],
        );
        assert_eq!(entries.len(), 5, "entries with problems are listed too");
        let got: Vec<(&str, Option<&str>, &Problem)> = problems
            .iter()
            .map(|p| (p.handle.as_str(), p.member, &p.problem))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", None, &Problem::UnknownKey("person.nmae".into())),
                ("b", None, &Problem::NotAnEntry),
                ("c", Some("key"), &Problem::KeyType),
                ("c", Some("role"), &Problem::UnknownRole("boss".into())),
                ("d", None, &Problem::MissingKey),
                ("d", Some("role"), &Problem::RoleType),
            ]
        );
        let (_, problems) = read_json(r#"{"e": {"key": "person.name", "part": "year"}}"#, &[]);
        assert_eq!(problems[0].problem, Problem::UnknownMember("part".into()));
    }
}
