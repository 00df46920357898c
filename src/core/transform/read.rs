//! Reading a transform from its JSON form, as a mapping holds it, with the path of every
//! problem.
//!
//! A valid transform is read in one pass by the reader serde derives for [`Transform`], and
//! then checked ([`super::check`]). One that does not read is diagnosed: the same derived
//! reader runs over the JSON value with an error type that keeps what went wrong (an unknown
//! member, a missing one, a value not among the choices, a value of the wrong type) instead of
//! a sentence. serde does not say *where* the problem is, so it is located by taking members
//! out one at a time: the member whose removal changes the outcome holds it. The problem is
//! then taken out and the reading repeated, so that every problem is reported, each at its
//! path (`else.format`, `parts[1].key`).
//!
//! The diagnosis is for maintainers (`oncefill mapping check`, natively). In the browser, which
//! reads only the site's published (and checked) mappings, a transform that does not read is
//! rejected as one problem at its own path, and the diagnosis stays out of the bundle.
//!
//! The kinds a transform may have ([`kinds`]) come from the same derived reader: they are
//! the choices it lists when it meets a kind it does not know.

#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, IntoDeserializer, Visitor};
use serde_json::Value;

use super::{Transform, TransformError, check_at};

/// A problem in a transform's JSON, at a path relative to the transform (`""` for the
/// transform itself, `format`, `else.format`, `parts[1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// Where, relative to the transform.
    pub path: String,
    /// What.
    pub problem: Problem,
}

/// What is wrong with a transform's JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A value of the wrong JSON type; the expected one is named (`string`, `boolean`,
    /// `object`, `array`).
    Type(&'static str),
    /// A required member is absent.
    Missing(&'static str),
    /// A kind no transform has.
    UnknownKind(String),
    /// A member the transform does not have.
    UnknownMember(String),
    /// A value that is not one of the choices the member allows.
    NotOneOf {
        /// As written.
        found: String,
        /// The choices.
        expected: &'static [&'static str],
    },
    /// A value the member cannot take (a `concat` part that is neither a key, a keyed
    /// transform nor a transform).
    Invalid,
    /// What [`super::check`] finds: a date pattern it cannot write, an unknown dictionary key,
    /// an `id_type` code without its domain.
    Check(TransformError),
}

/// The kinds a transform may have in JSON (`"kind": …`), in the order of [`Transform`]'s
/// variants. Derived from the enum's own reader, so it cannot drift from it.
pub fn kinds() -> &'static [&'static str] {
    match Transform::deserialize(Json(&serde_json::json!({ "kind": "" }))) {
        Err(DeError::UnknownVariant { expected, .. }) => expected,
        _ => &[],
    }
}

/// Reads a transform from its JSON form. Every problem found is reported, each with its
/// path (in the browser, a transform that does not read is one problem at its own path).
pub fn read(value: &Value) -> Result<Transform, Vec<ReadError>> {
    let Ok(transform) = Transform::deserialize(value) else {
        return Err(diagnose(value));
    };
    let errors: Vec<ReadError> = check_at(&transform)
        .into_iter()
        .map(|(path, problem)| ReadError {
            path,
            problem: Problem::Check(problem),
        })
        .collect();
    if errors.is_empty() {
        Ok(transform)
    } else {
        Err(errors)
    }
}

/// Every problem of a transform that does not read, each at its path.
#[cfg(not(target_arch = "wasm32"))]
fn diagnose(value: &Value) -> Vec<ReadError> {
    let mut errors = Vec::new();
    let _ = read_into(value, "", &mut errors);
    if errors.is_empty() {
        errors.push(ReadError {
            path: String::new(),
            problem: Problem::Invalid,
        });
    }
    errors
}

/// In the browser: the transform does not read, as one problem at its own path.
#[cfg(target_arch = "wasm32")]
fn diagnose(_: &Value) -> Vec<ReadError> {
    vec![ReadError {
        path: String::new(),
        problem: Problem::Invalid,
    }]
}

/// How many problems one transform may report before reading stops.
const MAX_PROBLEMS: usize = 32;

fn read_into(value: &Value, path: &str, errors: &mut Vec<ReadError>) -> Option<Transform> {
    let mut error = |at: &str, problem| {
        errors.push(ReadError {
            path: at.to_string(),
            problem,
        });
    };
    let Value::Object(object) = value else {
        error(path, Problem::Type("object"));
        return None;
    };
    match object.get("kind") {
        None => error(path, Problem::Missing("kind")),
        Some(Value::String(k)) if !kinds().contains(&k.as_str()) => {
            error(&join(path, "kind"), Problem::UnknownKind(k.clone()));
        }
        Some(Value::String(_)) => {}
        Some(_) => error(&join(path, "kind"), Problem::Type("string")),
    }
    if !errors.is_empty() {
        return None;
    }
    let mut rest = value.clone();
    let mut removed: Vec<Vec<Seg>> = Vec::new();
    let before = errors.len();
    for _ in 0..MAX_PROBLEMS {
        let e = match Transform::deserialize(Json(&rest)) {
            Ok(t) => {
                for (at, problem) in check_at(&t) {
                    errors.push(ReadError {
                        path: join(path, &at),
                        problem: Problem::Check(problem),
                    });
                }
                return (errors.len() == before).then_some(t);
            }
            Err(e) => e,
        };
        // A member taken out for its problem is missing now: that is not another problem.
        let taken_out = match &e {
            DeError::MissingField(member) => removed.iter().find_map(|r| {
                let (last, parent) = r.split_last()?;
                let lacking = *last == Seg::Member((*member).to_string())
                    && get(&rest, parent).is_some_and(|p| p.get(member).is_none());
                lacking.then(|| parent.to_vec())
            }),
            _ => None,
        };
        let at = match &taken_out {
            Some(parent) => parent.clone(),
            None => culprit(&rest, &e, Vec::new()),
        };
        let nested = errors.len();
        if e == DeError::Other {
            // An untagged `concat` part says only that it matched nothing: a transform in it
            // says more.
            if let Some(Value::Object(node)) = get(&rest, &at) {
                if node.contains_key("kind") {
                    read_into(
                        &Value::Object(node.clone()),
                        &join(path, &render(&at)),
                        errors,
                    );
                } else {
                    for (member, v) in node.iter().filter(|(_, v)| v.get("kind").is_some()) {
                        let mut inner = at.clone();
                        inner.push(Seg::Member(member.clone()));
                        read_into(v, &join(path, &render(&inner)), errors);
                    }
                }
            }
        }
        if errors.len() == nested && taken_out.is_none() {
            let (at_path, problem) = problem(&e, &at);
            errors.push(ReadError {
                path: join(path, &at_path),
                problem,
            });
        }
        if at.is_empty() || !remove(&mut rest, &at) {
            return None;
        }
        removed.push(at);
    }
    None
}

/// The path and problem a reader error at `at` makes.
fn problem(e: &DeError, at: &[Seg]) -> (String, Problem) {
    let here = render(at);
    let problem = match e {
        DeError::UnknownField(member) => Problem::UnknownMember(member.clone()),
        DeError::MissingField(member) => Problem::Missing(member),
        DeError::UnknownVariant { found, expected } if *expected == kinds() => {
            return (join(&here, "kind"), Problem::UnknownKind(found.clone()));
        }
        DeError::UnknownVariant { found, expected } => Problem::NotOneOf {
            found: found.clone(),
            expected,
        },
        DeError::Type(Some(expected)) => Problem::Type(expected),
        DeError::Type(None) | DeError::Other => Problem::Invalid,
    };
    (here, problem)
}

/// One step of a path: an object member or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Member(String),
    Index(usize),
}

/// A path as mappings write it: `else.format`, `parts[1]`, `when["长期"]`.
fn render(path: &[Seg]) -> String {
    path.iter().fold(String::new(), |out, seg| match seg {
        Seg::Member(m) if m.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => join(&out, m),
        Seg::Member(m) => format!("{out}[{}]", Value::String(m.clone())),
        Seg::Index(i) => format!("{out}[{i}]"),
    })
}

/// `path.member`, or `member` when `path` is empty; either alone when the other is empty.
fn join(path: &str, member: &str) -> String {
    match (path.is_empty(), member.is_empty()) {
        (_, true) => path.to_string(),
        (true, false) => member.to_string(),
        (false, false) if member.starts_with('[') => format!("{path}{member}"),
        (false, false) => format!("{path}.{member}"),
    }
}

fn get<'a>(value: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, seg| match seg {
        Seg::Member(m) => v.get(m),
        Seg::Index(i) => v.get(i),
    })
}

/// Takes the value at `path` out of `value`; `false` when there is none.
fn remove(value: &mut Value, path: &[Seg]) -> bool {
    let Some((last, parent)) = path.split_last() else {
        return false;
    };
    let parent = parent.iter().try_fold(value, |v, seg| match seg {
        Seg::Member(m) => v.get_mut(m),
        Seg::Index(i) => v.get_mut(i),
    });
    match (parent, last) {
        (Some(Value::Object(o)), Seg::Member(m)) => o.remove(m).is_some(),
        (Some(Value::Array(a)), Seg::Index(i)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        _ => false,
    }
}

/// The deepest node under `at` whose removal changes the reader's outcome: where the problem
/// is (for a missing member, the object that lacks it). A `kind` is never taken out (that
/// changes every outcome).
fn culprit(root: &Value, e: &DeError, at: Vec<Seg>) -> Vec<Seg> {
    let children: Vec<Seg> = match get(root, &at) {
        Some(Value::Object(o)) => o
            .keys()
            .filter(|k| *k != "kind")
            .map(|k| Seg::Member(k.clone()))
            .collect(),
        Some(Value::Array(a)) => (0..a.len()).map(Seg::Index).collect(),
        _ => Vec::new(),
    };
    for child in children {
        let mut path = at.clone();
        path.push(child);
        let container = matches!(get(root, &path), Some(Value::Object(_) | Value::Array(_)));
        let mut trial = root.clone();
        remove(&mut trial, &path);
        let changed = match (e, Transform::deserialize(Json(&trial))) {
            (_, Ok(_)) => true,
            (_, Err(other)) if other == *e => false,
            // Taking out a required member only shows where a missing one is when the
            // member could hold the object that lacks it.
            (DeError::MissingField(_), Err(DeError::MissingField(_))) => container,
            (_, Err(_)) => true,
        };
        if changed {
            return culprit(root, e, path);
        }
    }
    at
}

/// What the derived reader refused, as data rather than a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
enum DeError {
    UnknownField(String),
    MissingField(&'static str),
    UnknownVariant {
        found: String,
        expected: &'static [&'static str],
    },
    /// The JSON type expected, when it is one of `string`, `boolean`, `object`, `array`.
    Type(Option<&'static str>),
    Other,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        DeError::Other
    }

    fn invalid_type(_unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let expected = expected.to_string();
        DeError::Type(if expected.contains("string") {
            Some("string")
        } else if expected.contains("bool") {
            Some("boolean")
        } else if expected.contains("sequence") {
            Some("array")
        } else if ["map", "struct", "enum"]
            .iter()
            .any(|w| expected.contains(w))
        {
            Some("object")
        } else {
            None
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::UnknownVariant {
            found: variant.to_string(),
            expected,
        }
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        DeError::UnknownField(field.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::MissingField(field)
    }
}

/// A JSON value as a serde [`de::Deserializer`] whose errors are [`DeError`]s.
#[derive(Clone, Copy)]
struct Json<'a>(&'a Value);

impl<'de> IntoDeserializer<'de, DeError> for Json<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Json<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, f) => visitor.visit_f64(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(SeqDeserializer::new(items.iter().map(Json))),
            Value::Object(members) => visitor.visit_map(MapDeserializer::new(
                members.iter().map(|(k, v)| (k.as_str(), Json(v))),
            )),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<(String, Problem)> {
        let value: Value = serde_json::from_str(json).unwrap_or(Value::Null);
        match read(&value) {
            Ok(_) => Vec::new(),
            Err(list) => list.into_iter().map(|e| (e.path, e.problem)).collect(),
        }
    }

    #[test]
    fn the_kinds_are_the_variants_json_can_name() {
        let kinds = kinds();
        assert_eq!(kinds.first(), Some(&"text"));
        assert!(kinds.contains(&"condition") && kinds.contains(&"date_part"));
        assert!(
            !kinds.contains(&"named"),
            "planning's own transform is not written in JSON"
        );
        for kind in kinds {
            let json = serde_json::json!({ "kind": kind });
            assert!(
                !matches!(
                    Transform::deserialize(Json(&json)),
                    Err(DeError::UnknownVariant { .. })
                ),
                "{kind}"
            );
        }
    }

    #[test]
    fn good_transforms_read_as_serde_json_reads_them() {
        for json in [
            r#"{"kind":"text"}"#,
            r#"{"kind":"date_part","part":"month","pad":false}"#,
            r#"{"kind":"code","table":"id_type","domain":"tax","pick":"value"}"#,
            r#"{"kind":"choice","when":{"长期":"长期"},"else":{"kind":"date","format":"YYYY年MM月DD日"}}"#,
            r#"{"kind":"concat","parts":["person.name",{"key":"person.name","transform":{"kind":"pinyin"}},{"kind":"constant","value":"x"}]}"#,
            r#"{"kind":"condition","if":{"key":"contact.mobile","present":false},"then":{"kind":"constant","value":"无"}}"#,
        ] {
            let value: Value = serde_json::from_str(json).unwrap_or(Value::Null);
            let expected: Transform =
                serde_json::from_value(value.clone()).unwrap_or(Transform::Text);
            assert_eq!(read(&value), Ok(expected), "{json}");
        }
    }

    #[test]
    fn each_problem_is_found_at_its_path() {
        let cases: &[(&str, &[(&str, Problem)])] = &[
            (r#""date""#, &[("", Problem::Type("object"))]),
            (r#"{"format":"YYYY"}"#, &[("", Problem::Missing("kind"))]),
            (r#"{"kind":3}"#, &[("kind", Problem::Type("string"))]),
            (
                r#"{"kind":"datetime"}"#,
                &[("kind", Problem::UnknownKind("datetime".into()))],
            ),
            (
                r#"{"kind":"date","fromat":"YYYY"}"#,
                &[
                    ("fromat", Problem::UnknownMember("fromat".into())),
                    ("", Problem::Missing("format")),
                ],
            ),
            (r#"{"kind":"date"}"#, &[("", Problem::Missing("format"))]),
            (
                r#"{"kind":"date","format":8}"#,
                &[("format", Problem::Type("string"))],
            ),
            (
                r#"{"kind":"date_part","part":"month","pad":"no"}"#,
                &[("pad", Problem::Type("boolean"))],
            ),
            (
                r#"{"kind":"amount","from":"wan","to":"jin"}"#,
                &[(
                    "to",
                    Problem::NotOneOf {
                        found: "jin".into(),
                        expected: &["wan", "yuan"],
                    },
                )],
            ),
            (
                r#"{"kind":"date","format":"YYYY-mm"}"#,
                &[(
                    "format",
                    Problem::Check(TransformError::BadDateFormat {
                        format: "YYYY-mm".into(),
                    }),
                )],
            ),
            (
                r#"{"kind":"choice","when":{"a":"b"},"else":{"kind":"date","fromat":"YYYY"}}"#,
                &[
                    ("else.fromat", Problem::UnknownMember("fromat".into())),
                    ("else", Problem::Missing("format")),
                ],
            ),
            (
                r#"{"kind":"choice","when":{"a":"b"},"else":{"kind":"dates"}}"#,
                &[("else.kind", Problem::UnknownKind("dates".into()))],
            ),
            (
                r#"{"kind":"choice","when":{"a":1}}"#,
                &[("when.a", Problem::Type("string"))],
            ),
            (
                r#"{"kind":"concat","parts":["person.name",{"kind":"date","format":1}]}"#,
                &[("parts[1].format", Problem::Type("string"))],
            ),
            (
                r#"{"kind":"concat","parts":[{"key":"person.name","transform":{"kind":"phone","style":"dots"}}]}"#,
                &[(
                    "parts[0].transform.style",
                    Problem::NotOneOf {
                        found: "dots".into(),
                        expected: &["national", "e164", "area_dash"],
                    },
                )],
            ),
            (
                r#"{"kind":"concat","parts":[7]}"#,
                &[("parts[0]", Problem::Invalid)],
            ),
            (
                r#"{"kind":"condition","if":{"key":"person.nope"},"then":{"kind":"text"}}"#,
                &[(
                    "if.key",
                    Problem::Check(TransformError::UnknownKey {
                        key: "person.nope".into(),
                    }),
                )],
            ),
            (
                r#"{"kind":"code","table":"id_type"}"#,
                &[("", Problem::Check(TransformError::DomainNeeded))],
            ),
            (
                r#"{"kind":"condition","if":{"key":"person.sex"},"then":{"kind":"date"}}"#,
                &[("then", Problem::Missing("format"))],
            ),
            (
                r#"{"kind":"condition","if":{"key":"person.sex","equal":"1"},"then":{"kind":"text"}}"#,
                &[("if.equal", Problem::UnknownMember("equal".into()))],
            ),
            (
                r#"{"kind":"choice","when":{"长期":1}}"#,
                &[("when[\"长期\"]", Problem::Type("string"))],
            ),
        ];
        for (json, expected) in cases {
            let expected: Vec<(String, Problem)> = expected
                .iter()
                .map(|(p, problem)| ((*p).to_string(), problem.clone()))
                .collect();
            assert_eq!(problems(json), expected, "{json}");
        }
    }

    #[test]
    fn every_problem_is_reported() {
        let found = problems(
            r#"{"kind":"pinyin","case":"shout","separator":1,"extra":true,"part":"middle"}"#,
        );
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        for path in ["case", "separator", "extra", "part"] {
            assert!(paths.contains(&path), "{path} in {found:?}");
        }
        assert_eq!(found.len(), 4, "{found:?}");
    }
}
