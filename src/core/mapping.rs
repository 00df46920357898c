//! Form mappings: once per form, which profile element goes into which control, whose it is,
//! and in what format — so that the citizen never types the same thing twice.
//!
//! A mapping is written by a portal's maintainers (or exported from the corrections a person
//! made in review, see [`crate::core::classify::learn`]) and checked with
//! `oncefill mapping check FILE...`. The JSON Schema `www/schema/mapping.schema.json` describes
//! the same format for editors; this module is the reference.
//!
//! # Wire format, version 1
//!
//! One JSON object (UTF-8). Members:
//!
//! | member | type | required | meaning |
//! |---|---|---|---|
//! | `$schema` | string | no | ignored; lets editors find the schema |
//! | `version` | integer | yes | the format version; only `1` exists |
//! | `id` | string | yes | stable form id, `department.form`, e.g. `samr.company-registration` |
//! | `title` | string | yes | the form's printed title, e.g. `公司登记（备案）申请书` |
//! | `department` | string | yes | the issuing department, e.g. `国家市场监督管理总局` |
//! | `edition` | string | no | the edition of the form, e.g. `SAMR 2026 文书规范` |
//! | `source` | string | no | where the mapping came from (`learned` for exported corrections) |
//! | `match` | object | yes | which pages the mapping applies to (below) |
//! | `fields` | array | yes | the mapped controls, at least one (below) |
//!
//! `match` holds at least one of these rules; every rule present must hold:
//!
//! * `url`: an array of patterns. A pattern with `*` is a glob (`*` stands for any run of
//!   characters, possibly none) that must match the whole page address; one without is a
//!   prefix of it. The page address is the URL without query or fragment. One pattern
//!   matching is enough.
//! * `title`: a string, or an array of strings, one of which the page title must contain.
//! * `fields`: a field signature — an array of handles (`id` or `name` attributes) that must
//!   all be present on the page.
//!
//! Each element of `fields` is an object:
//!
//! | member | type | required | meaning |
//! |---|---|---|---|
//! | `locator` | object | yes | exactly one of `{"css": "#aac003"}`, `{"name": "aac003"}`, `{"id": "aac003"}`, `{"label": "姓名", "nth": 1}` (`nth` counts from 1, default 1) |
//! | `key` | string or `null` | yes | a dictionary key ([`Key`]), e.g. `person.name`; `null`: never fill this control |
//! | `role` | string | no | whose value: `applicant` (the default) or a [`Role`](crate::core::role::Role) id, numbered for repeated blocks: `legal_rep`, `finance_officer`, `liaison`, `shareholder[0]`, `agent`, `child`, `mother`, `father`, `householder`, `spouse`, …, and `firm` for the firm's own details (its 联系电话, 邮政编码) |
//! | `transform` | object | no | how the value is written: `{"kind": …, …}`, `kind` one of [`transform::kinds`]; the other members belong to the transform (see [`crate::core::transform`]) and are read into a [`Transform`] with the mapping |
//! | `required` | boolean | no | the form cannot be submitted without it (default `false`) |
//! | `verified` | boolean | no | the form requires verified data here (default `false`): a value from a verified credential or checked by service-hall staff is filled as usual; a self-declared or derived one is planned with a note for review (此项要求经核验的资料，您的资料是自填的) and not ticked |
//! | `note` | string | no | free text for maintainers |
//!
//! Two elements may not have the same locator. Unknown members are errors, so that a typo
//! (`requird`) is not silently ignored.
//!
//! ```json
//! {
//!   "version": 1,
//!   "id": "hrss.pension-registration",
//!   "title": "城乡居民基本养老保险参保登记表",
//!   "department": "人力资源和社会保障部",
//!   "match": {"url": ["https://*/forms/pension.html"], "fields": ["aac003", "aac002"]},
//!   "fields": [
//!     {"locator": {"name": "aac003"}, "key": "person.name", "required": true},
//!     {"locator": {"name": "aac006"}, "key": "person.birth_date",
//!      "transform": {"kind": "date", "format": "YYYY-MM-DD"}}
//!   ]
//! }
//! ```
//!
//! ## The learned-export shape
//!
//! Corrections exported from review (`{"version": 1, "page": "https://…/form.html",
//! "source": "learned", "fields": {"aac003": "person.name", "x": null}}`) are read as well:
//! `fields` is then an object from handle to key (or `null`, or `{"key": …, "role": …}`), the
//! handle→element shape read by [`crate::core::handle_map`].
//! Such a mapping's `id` and `title` are its page, its `match` is `{"url": [page]}`, and each
//! handle becomes an `id` locator (a handle is a control's `id`, else its `name`; the
//! classifier looks a handle up as either). An optional `people` object says whose each block
//! of a form with several people is, as the person answered in review: `{"obligor":
//! "spouse", "applicant": "self", "contact": "none"}` (blocks are `applicant` or a role; who
//! is `self`, `none` or a role of the profile); `fields` may then be empty. A file may also hold an array of mappings, as the
//! export writes them.
//!
//! # Errors
//!
//! [`FormMapping::from_json`] reports every problem it finds, not just the first, each with
//! the JSON path of the offending value (`fields[3].key`, `fields[3].transform.format`) and a
//! message in both languages ([`MappingError::message`]). A transform is checked as it is
//! read: an unknown kind, an unknown or missing member, a value of the wrong type or not
//! among a member's choices, a date pattern that cannot be written, or an unknown dictionary
//! key in it rejects the mapping, so a transform is never found wanting at fill time.

use serde_json::{Map, Value};

use crate::core::classify::{Mapping, learn::page_of};
use crate::core::dictionary::{ELEMENTS, Key};
use crate::core::handle_map;
use crate::core::i18n::{Arg, Lang, tr};
pub use crate::core::role::RoleRef;
use crate::core::role::{FORM_ROLES, Who};
use crate::core::transform::{self, Problem, Transform, TransformError};

/// The format version this module reads and writes.
pub const VERSION: u64 = 1;

pub use crate::core::handle_map::APPLICANT;

const TOP_MEMBERS: &[&str] = &[
    "$schema",
    "version",
    "id",
    "title",
    "department",
    "edition",
    "source",
    "match",
    "fields",
];
const LEARNED_MEMBERS: &[&str] = &["$schema", "version", "page", "source", "fields", "people"];
const FIELD_MEMBERS: &[&str] = &[
    "locator",
    "key",
    "role",
    "transform",
    "required",
    "verified",
    "note",
];
const MATCH_MEMBERS: &[&str] = &["url", "title", "fields"];
const LOCATOR_KINDS: &[&str] = &["css", "name", "id", "label"];

/// How a control is found on the page.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Locator {
    /// A CSS selector.
    Css(String),
    /// The control's `name` attribute (a radio or checkbox group is one control).
    Name(String),
    /// The control's `id` attribute.
    Id(String),
    /// The `nth` control (from 1) whose label is this text.
    Label {
        /// The label text.
        text: String,
        /// Which of the controls with that label, from 1.
        nth: u32,
    },
}

impl Locator {
    /// The handle the classifier knows a control by (`id` or `name`), if the locator is one.
    pub fn handle(&self) -> Option<&str> {
        match self {
            Locator::Name(h) | Locator::Id(h) => Some(h),
            Locator::Css(_) | Locator::Label { .. } => None,
        }
    }
}

/// One mapped control.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldMapping {
    /// How the control is found.
    pub locator: Locator,
    /// The element it takes; `None`: never fill it.
    pub key: Option<Key>,
    /// Whose value; `None`: the applicant's.
    pub role: Option<RoleRef>,
    /// How the value is written; `None`: as the profile holds it.
    pub transform: Option<Transform>,
    /// The form cannot be submitted without it.
    pub required: bool,
    /// The form requires verified data here: an unverified value is not ticked in review.
    pub verified: bool,
}

/// Which pages a mapping applies to. Every rule present must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchRules {
    /// URL prefixes or globs; one must match.
    pub url: Vec<String>,
    /// Texts; the page title must contain one.
    pub title: Vec<String>,
    /// Handles that must all be on the page.
    pub fields: Vec<String>,
}

/// A checked form mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct FormMapping {
    /// Format version ([`VERSION`]).
    pub version: u64,
    /// Form id, e.g. `samr.company-registration`.
    pub id: String,
    /// The form's title.
    pub title: String,
    /// The issuing department.
    pub department: String,
    /// The form's edition, e.g. `SAMR 2026 文书规范`.
    pub edition: Option<String>,
    /// Where the mapping came from (`learned`).
    pub source: Option<String>,
    /// Which pages it applies to.
    pub matching: MatchRules,
    /// The mapped controls, in file order.
    pub fields: Vec<FieldMapping>,
    /// Whose each block of a form with several people is, as a person answered in review
    /// (learned exports only; see [`crate::core::people`]): the block (`None`: the
    /// applicant's) and who fills it, a relation of the profile, never a value.
    pub people: Vec<(Option<RoleRef>, Who)>,
}

/// What is wrong with a mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all.
    Json(String),
    /// A required member is absent.
    Missing(&'static str),
    /// A member the format does not have.
    UnknownMember(String),
    /// The value has the wrong JSON type; the expected one is named (`string`, `object`, …).
    Type(&'static str),
    /// A string that must not be empty is.
    Empty,
    /// A version other than [`VERSION`].
    Version(String),
    /// A key not in the dictionary, with the closest one.
    UnknownKey {
        /// As written.
        key: String,
        /// The closest dictionary key, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A role that does not exist, or a malformed index.
    UnknownRole(String),
    /// A transform kind not in [`transform::kinds`].
    UnknownTransform(String),
    /// A value that is not one of the choices a transform's member allows.
    NotOneOf {
        /// As written.
        found: String,
        /// The choices.
        expected: &'static [&'static str],
    },
    /// A value a transform's member cannot take.
    BadValue,
    /// What a transform's own check finds (a date pattern it cannot write, an unknown
    /// dictionary key, an `id_type` code without its domain).
    Transform(TransformError),
    /// A locator without exactly one of `css`, `name`, `id`, `label`.
    LocatorKind,
    /// `nth` is not a whole number from 1.
    Nth,
    /// The same locator as an earlier field (its path).
    DuplicateLocator(String),
    /// `fields` is empty.
    NoFields,
    /// `match` has no rule.
    NoMatchRule,
}

impl ErrorKind {
    /// A stable code, for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Json(_) => "json",
            ErrorKind::Missing(_) => "missing",
            ErrorKind::UnknownMember(_) => "unknown-member",
            ErrorKind::Type(_) => "type",
            ErrorKind::Empty => "empty",
            ErrorKind::Version(_) => "version",
            ErrorKind::UnknownKey { .. } => "unknown-key",
            ErrorKind::UnknownRole(_) => "unknown-role",
            ErrorKind::UnknownTransform(_) => "unknown-transform",
            ErrorKind::NotOneOf { .. } => "not-one-of",
            ErrorKind::BadValue => "bad-value",
            ErrorKind::Transform(_) => "transform",
            ErrorKind::LocatorKind => "locator-kind",
            ErrorKind::Nth => "nth",
            ErrorKind::DuplicateLocator(_) => "duplicate-locator",
            ErrorKind::NoFields => "no-fields",
            ErrorKind::NoMatchRule => "no-match-rule",
        }
    }
}

/// A problem in a mapping, at a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingError {
    /// Where: `fields[3].key`, `match.url[0]`; empty for the document itself.
    pub path: String,
    /// What.
    pub kind: ErrorKind,
}

impl MappingError {
    fn new(path: &str, kind: ErrorKind) -> MappingError {
        MappingError {
            path: path.to_string(),
            kind,
        }
    }

    /// What is wrong, in `lang` (without the path).
    pub fn message(&self, lang: Lang) -> String {
        let s = Arg::Str;
        match &self.kind {
            ErrorKind::Json(detail) => tr(lang, "mapping-json", &[("detail", s(detail))]),
            ErrorKind::Missing(member) => tr(lang, "mapping-missing", &[("member", s(member))]),
            ErrorKind::UnknownMember(member) => {
                tr(lang, "mapping-unknown-member", &[("member", s(member))])
            }
            ErrorKind::Type(expected) => tr(lang, &format!("mapping-type-{expected}"), &[]),
            ErrorKind::Empty => tr(lang, "mapping-empty", &[]),
            ErrorKind::Version(found) => tr(lang, "mapping-version", &[("found", s(found))]),
            ErrorKind::UnknownKey {
                key,
                suggestion: Some(close),
            } => tr(
                lang,
                "mapping-unknown-key-suggest",
                &[("key", s(key)), ("suggestion", s(close))],
            ),
            ErrorKind::UnknownKey {
                key,
                suggestion: None,
            } => tr(lang, "mapping-unknown-key", &[("key", s(key))]),
            ErrorKind::UnknownRole(role) => {
                let known = role_list();
                tr(
                    lang,
                    "mapping-unknown-role",
                    &[("role", s(role)), ("known", s(&known))],
                )
            }
            ErrorKind::UnknownTransform(kind) => {
                let known = transform::kinds().join(", ");
                tr(
                    lang,
                    "mapping-unknown-transform",
                    &[("kind", s(kind)), ("known", s(&known))],
                )
            }
            ErrorKind::NotOneOf { found, expected } => tr(
                lang,
                "mapping-not-one-of",
                &[("found", s(found)), ("expected", s(&expected.join(", ")))],
            ),
            ErrorKind::BadValue => tr(lang, "mapping-bad-value", &[]),
            ErrorKind::Transform(e) => e.message(lang),
            ErrorKind::LocatorKind => tr(lang, "mapping-locator-kind", &[]),
            ErrorKind::Nth => tr(lang, "mapping-nth", &[]),
            ErrorKind::DuplicateLocator(first) => {
                tr(lang, "mapping-duplicate-locator", &[("first", s(first))])
            }
            ErrorKind::NoFields => tr(lang, "mapping-no-fields", &[]),
            ErrorKind::NoMatchRule => tr(lang, "mapping-no-match-rule", &[]),
        }
    }

    /// `path: message`, as the command line prints it.
    pub fn line(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message(lang)
        } else {
            format!("{}: {}", self.path, self.message(lang))
        }
    }
}

fn role_list() -> String {
    std::iter::once(APPLICANT)
        .chain(FORM_ROLES.iter().map(|r| r.id()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The dictionary key closest to `text` by edit distance, if it is close (at most a third of
/// its length, and at most 4 edits).
pub fn closest_key(text: &str) -> Option<&'static str> {
    let (best, d) = ELEMENTS
        .iter()
        .map(|e| (e.id, distance(text, e.id)))
        .min_by_key(|(_, d)| *d)?;
    (d <= (best.chars().count() / 3).clamp(1, 4)).then_some(best)
}

/// Matches `text` against a glob where `*` stands for any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = match parts.split_first() {
        Some(split) => split,
        None => return text.is_empty(),
    };
    let Some(mut tail) = text.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return tail.is_empty();
    };
    for part in middle {
        match tail.find(part) {
            Some(i) => tail = &tail[i + part.len()..],
            None => return false,
        }
    }
    tail.len() >= last.len() && tail.ends_with(last)
}

/// Collects errors while reading one document.
struct Reader {
    errors: Vec<MappingError>,
    /// The locators of the current document, with their fields' paths.
    locators: Vec<(String, Locator)>,
    /// How a field's transform is read: [`Reader::transform`], or, for an outline, not at all.
    read_transform: TransformReader,
}

/// Reads a field's `transform` member at a path.
type TransformReader = fn(&mut Reader, Option<&Value>, &str) -> Option<Transform>;

impl Reader {
    /// A reader of whole mappings, transforms included.
    fn whole() -> Reader {
        Reader {
            errors: Vec::new(),
            locators: Vec::new(),
            read_transform: Reader::transform,
        }
    }

    fn error(&mut self, path: &str, kind: ErrorKind) {
        self.errors.push(MappingError::new(path, kind));
    }

    fn unknown_members(&mut self, object: &Map<String, Value>, known: &[&str], path: &str) {
        for name in object.keys().filter(|k| !known.contains(&k.as_str())) {
            self.error(
                &join(path, name),
                ErrorKind::UnknownMember(name.to_string()),
            );
        }
    }

    /// A required non-empty string member.
    fn string(&mut self, object: &Map<String, Value>, member: &'static str, path: &str) -> String {
        match object.get(member) {
            None => {
                self.error(path, ErrorKind::Missing(member));
                String::new()
            }
            Some(v) => self.text(v, &join(path, member)).unwrap_or_default(),
        }
    }

    /// An optional non-empty string member.
    fn optional_string(
        &mut self,
        object: &Map<String, Value>,
        member: &'static str,
        path: &str,
    ) -> Option<String> {
        object
            .get(member)
            .and_then(|v| self.text(v, &join(path, member)))
    }

    fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) if s.trim().is_empty() => {
                self.error(path, ErrorKind::Empty);
                None
            }
            Value::String(s) => Some(s.clone()),
            _ => {
                self.error(path, ErrorKind::Type("string"));
                None
            }
        }
    }

    fn strings(&mut self, value: &Value, path: &str) -> Vec<String> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.text(v, &format!("{path}[{i}]")))
                .collect(),
            _ => {
                self.error(path, ErrorKind::Type("array"));
                Vec::new()
            }
        }
    }

    fn version(&mut self, object: &Map<String, Value>, path: &str) -> u64 {
        match object.get("version") {
            None => self.error(path, ErrorKind::Missing("version")),
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(other) => self.error(
                &join(path, "version"),
                ErrorKind::Version(other.to_string()),
            ),
        }
        VERSION
    }

    fn key(&mut self, value: Option<&Value>, path: &str, field: &str) -> Option<Key> {
        match value {
            None => {
                self.error(field, ErrorKind::Missing("key"));
                None
            }
            Some(Value::Null) => None,
            Some(Value::String(id)) => match Key::from_id(id) {
                Some(key) => Some(key),
                None => {
                    let suggestion = closest_key(id);
                    self.error(
                        path,
                        ErrorKind::UnknownKey {
                            key: id.clone(),
                            suggestion,
                        },
                    );
                    None
                }
            },
            Some(_) => {
                self.error(path, ErrorKind::Type("key"));
                None
            }
        }
    }

    /// A problem of the handle→element shape, as a mapping error at `path`.
    fn entry_problem(&mut self, path: &str, problem: handle_map::Problem) {
        use handle_map::Problem;
        let kind = match problem {
            Problem::NotAnEntry | Problem::KeyType => ErrorKind::Type("key"),
            Problem::MissingKey => ErrorKind::Missing("key"),
            Problem::UnknownKey(key) => ErrorKind::UnknownKey {
                suggestion: closest_key(&key),
                key,
            },
            Problem::RoleType => ErrorKind::Type("string"),
            Problem::UnknownRole(role) => ErrorKind::UnknownRole(role),
            Problem::UnknownMember(name) => ErrorKind::UnknownMember(name),
        };
        self.error(path, kind);
    }

    fn role(&mut self, value: Option<&Value>, path: &str) -> Option<RoleRef> {
        match handle_map::read_role(value?) {
            Ok(role) => role,
            Err(problem) => {
                self.entry_problem(path, problem);
                None
            }
        }
    }

    /// A transform, read into the transform engine's own type; each problem at its path.
    fn transform(&mut self, value: Option<&Value>, path: &str) -> Option<Transform> {
        let problems = match transform::read(value?) {
            Ok(t) => return Some(t),
            Err(problems) => problems,
        };
        for p in problems {
            let at = match p.path.as_str() {
                "" => path.to_string(),
                inner => format!("{path}.{inner}"),
            };
            let kind = match p.problem {
                Problem::Type(expected) => ErrorKind::Type(expected),
                Problem::Missing(member) => ErrorKind::Missing(member),
                Problem::UnknownKind(kind) => ErrorKind::UnknownTransform(kind),
                Problem::UnknownMember(member) => ErrorKind::UnknownMember(member),
                Problem::NotOneOf { found, expected } => ErrorKind::NotOneOf { found, expected },
                Problem::Invalid => ErrorKind::BadValue,
                Problem::Check(TransformError::UnknownKey { key }) => ErrorKind::UnknownKey {
                    suggestion: closest_key(&key),
                    key,
                },
                Problem::Check(e) => ErrorKind::Transform(e),
            };
            self.error(&at, kind);
        }
        None
    }

    fn boolean(&mut self, value: Option<&Value>, path: &str) -> bool {
        match value {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(path, ErrorKind::Type("boolean"));
                false
            }
        }
    }

    fn locator(&mut self, value: Option<&Value>, field: &str) -> Option<Locator> {
        let path = join(field, "locator");
        let object = match value {
            None => {
                self.error(field, ErrorKind::Missing("locator"));
                return None;
            }
            Some(Value::Object(o)) => o,
            Some(_) => {
                self.error(&path, ErrorKind::Type("object"));
                return None;
            }
        };
        let kinds: Vec<&str> = LOCATOR_KINDS
            .iter()
            .copied()
            .filter(|k| object.contains_key(*k))
            .collect();
        let known: &[&str] = if kinds == ["label"] {
            &["label", "nth"]
        } else {
            LOCATOR_KINDS
        };
        self.unknown_members(object, known, &path);
        let [kind] = kinds.as_slice() else {
            self.error(&path, ErrorKind::LocatorKind);
            return None;
        };
        let text = object
            .get(*kind)
            .and_then(|v| self.text(v, &join(&path, kind)))?;
        Some(match *kind {
            "css" => Locator::Css(text),
            "name" => Locator::Name(text),
            "id" => Locator::Id(text),
            _ => {
                let nth = match object.get("nth") {
                    None => 1,
                    Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                        Some(n) if n >= 1 => n,
                        _ => {
                            self.error(&join(&path, "nth"), ErrorKind::Nth);
                            return None;
                        }
                    },
                };
                Locator::Label { text, nth }
            }
        })
    }

    fn field(&mut self, value: &Value, path: &str) -> Option<FieldMapping> {
        let Value::Object(object) = value else {
            self.error(path, ErrorKind::Type("object"));
            return None;
        };
        self.unknown_members(object, FIELD_MEMBERS, path);
        if let Some(note) = object.get("note") {
            let _ = self.text(note, &join(path, "note"));
        }
        let before = self.errors.len();
        let locator = self.locator(object.get("locator"), path);
        if let Some(l) = &locator {
            self.locators.push((path.to_string(), l.clone()));
        }
        let key = self.key(object.get("key"), &join(path, "key"), path);
        let role = self.role(object.get("role"), &join(path, "role"));
        let transform =
            (self.read_transform)(self, object.get("transform"), &join(path, "transform"));
        let required = self.boolean(object.get("required"), &join(path, "required"));
        let verified = self.boolean(object.get("verified"), &join(path, "verified"));
        (self.errors.len() == before).then_some(FieldMapping {
            locator: locator?,
            key,
            role,
            transform,
            required,
            verified,
        })
    }

    fn matching(&mut self, value: Option<&Value>, path: &str) -> MatchRules {
        let mut rules = MatchRules::default();
        let object = match value {
            None => {
                self.error(path, ErrorKind::Missing("match"));
                return rules;
            }
            Some(Value::Object(o)) => o,
            Some(_) => {
                self.error(&join(path, "match"), ErrorKind::Type("object"));
                return rules;
            }
        };
        let path = join(path, "match");
        self.unknown_members(object, MATCH_MEMBERS, &path);
        if let Some(v) = object.get("url") {
            rules.url = self.strings(v, &join(&path, "url"));
        }
        match object.get("title") {
            None => {}
            Some(Value::String(_)) => {
                rules.title.extend(
                    object
                        .get("title")
                        .and_then(|v| self.text(v, &join(&path, "title"))),
                );
            }
            Some(v) => rules.title = self.strings(v, &join(&path, "title")),
        }
        if let Some(v) = object.get("fields") {
            rules.fields = self.strings(v, &join(&path, "fields"));
        }
        if !MATCH_MEMBERS.iter().any(|m| object.contains_key(*m)) {
            self.error(&path, ErrorKind::NoMatchRule);
        }
        rules
    }

    fn duplicates(&mut self) {
        let locators = std::mem::take(&mut self.locators);
        for (i, (path, locator)) in locators.iter().enumerate() {
            if let Some((first, _)) = locators[..i].iter().find(|(_, l)| l == locator) {
                self.error(
                    &join(path, "locator"),
                    ErrorKind::DuplicateLocator(first.clone()),
                );
            }
        }
    }

    fn document(&mut self, value: &Value, path: &str) -> Option<FormMapping> {
        let Value::Object(object) = value else {
            self.error(path, ErrorKind::Type("object"));
            return None;
        };
        if let Some(Value::Object(_)) = object.get("fields") {
            return self.learned(object, path);
        }
        self.unknown_members(object, TOP_MEMBERS, path);
        let version = self.version(object, path);
        let id = self.string(object, "id", path);
        let title = self.string(object, "title", path);
        let department = self.string(object, "department", path);
        let edition = self.optional_string(object, "edition", path);
        let source = self.optional_string(object, "source", path);
        let matching = self.matching(object.get("match"), path);
        let fields_path = join(path, "fields");
        let mut fields = Vec::new();
        self.locators.clear();
        match object.get("fields") {
            None => self.error(path, ErrorKind::Missing("fields")),
            Some(Value::Array(items)) if items.is_empty() => {
                self.error(&fields_path, ErrorKind::NoFields);
            }
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{fields_path}[{i}]");
                    fields.extend(self.field(item, &p));
                }
            }
            Some(_) => self.error(&fields_path, ErrorKind::Type("array")),
        }
        self.duplicates();
        Some(FormMapping {
            version,
            id,
            title,
            department,
            edition,
            source,
            matching,
            fields,
            people: Vec::new(),
        })
    }

    /// A learned export's `people`: block (`applicant` or a role) → who (`self`, `none` or a
    /// role). A block or person OnceFill does not know is an error at its path.
    fn people(&mut self, object: &Map<String, Value>, path: &str) -> Vec<(Option<RoleRef>, Who)> {
        let mut out = Vec::new();
        let Some(value) = object.get("people") else {
            return out;
        };
        let path = join(path, "people");
        let Some(map) = value.as_object() else {
            self.error(&path, ErrorKind::Type("object"));
            return out;
        };
        for (block, who) in map {
            let p = join(&path, block);
            let Some(block) = crate::core::classify::learn::parse_block(block) else {
                self.error(&p, ErrorKind::UnknownRole(block.clone()));
                continue;
            };
            match who.as_str().and_then(Who::parse) {
                Some(who) => out.push((block, who)),
                // Not quoted: it might be a person's name.
                None => self.error(&p, ErrorKind::BadValue),
            }
        }
        out
    }

    /// The learned-export shape: `fields` is an object from handle to key.
    fn learned(&mut self, object: &Map<String, Value>, path: &str) -> Option<FormMapping> {
        self.unknown_members(object, LEARNED_MEMBERS, path);
        let version = self.version(object, path);
        let page = self.string(object, "page", path);
        let source = self.optional_string(object, "source", path);
        let fields_path = join(path, "fields");
        let mut fields = Vec::new();
        let people = self.people(object, path);
        let entries = object.get("fields").and_then(Value::as_object);
        // An export may hold only whose the blocks are.
        if entries.is_none_or(Map::is_empty) && people.is_empty() {
            self.error(&fields_path, ErrorKind::NoFields);
        }
        let empty = Map::new();
        let (entries, problems) = handle_map::read(entries.unwrap_or(&empty), &[]);
        for entry in entries {
            let p = join(&fields_path, entry.handle);
            if entry.handle.trim().is_empty() {
                self.error(&p, ErrorKind::Empty);
                continue;
            }
            for problem in problems.iter().filter(|q| q.handle == entry.handle) {
                let path = match (&problem.problem, problem.member) {
                    (handle_map::Problem::UnknownMember(m), _) => join(&p, m),
                    (_, Some(member)) => join(&p, member),
                    (_, None) => p.clone(),
                };
                self.entry_problem(&path, problem.problem.clone());
            }
            fields.push(FieldMapping {
                locator: Locator::Id(entry.handle.to_string()),
                key: entry.key,
                role: entry.role,
                transform: None,
                required: false,
                verified: false,
            });
        }
        Some(FormMapping {
            version,
            id: page.clone(),
            title: page.clone(),
            department: String::new(),
            edition: None,
            source,
            matching: MatchRules {
                url: vec![page],
                ..MatchRules::default()
            },
            fields,
            people,
        })
    }
}

/// `path.member`, or `member` at the top; a member that is not a plain name is quoted
/// (`fields["a.b"]`).
fn join(path: &str, member: &str) -> String {
    let plain = !member.is_empty()
        && member
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$');
    match (path.is_empty(), plain) {
        (true, true) => member.to_string(),
        (false, true) => format!("{path}.{member}"),
        (_, false) => format!("{path}[{}]", Value::String(member.to_string())),
    }
}

impl FormMapping {
    /// Reads and checks one mapping (either shape). Every problem found is reported.
    pub fn from_json(json: &str) -> Result<FormMapping, Vec<MappingError>> {
        let value = parse(json)?;
        let mut reader = Reader::whole();
        match reader.document(&value, "") {
            Some(m) if reader.errors.is_empty() => Ok(m),
            _ => Err(reader.errors),
        }
    }

    /// Reads and checks a file of mappings: one mapping, or an array of them (as the
    /// learned-corrections export writes them; paths then start with `[i]`).
    pub fn list_from_json(json: &str) -> Result<Vec<FormMapping>, Vec<MappingError>> {
        Self::list_with(json, Reader::whole())
    }

    /// Reads a file of mappings as [`FormMapping::list_from_json`] does, except that each
    /// field's `transform` is passed over and left `None`: an outline of what each form asks
    /// for, for pages that list forms and measure the profile against them but fill none (the
    /// app page). Code that reads no transform does not carry the transforms' reader either.
    pub fn outlines_from_json(json: &str) -> Result<Vec<FormMapping>, Vec<MappingError>> {
        let reader = Reader {
            read_transform: |_, _, _| None,
            ..Reader::whole()
        };
        Self::list_with(json, reader)
    }

    fn list_with(json: &str, mut reader: Reader) -> Result<Vec<FormMapping>, Vec<MappingError>> {
        let value = parse(json)?;
        let mappings: Vec<FormMapping> = match &value {
            Value::Array(items) if items.is_empty() => {
                reader.error("", ErrorKind::NoFields);
                Vec::new()
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| reader.document(v, &format!("[{i}]")))
                .collect(),
            other => reader.document(other, "").into_iter().collect(),
        };
        if reader.errors.is_empty() {
            Ok(mappings)
        } else {
            Err(reader.errors)
        }
    }

    /// Whether the mapping applies to a page: its address, its title and the handles (`id`
    /// and `name` attributes) of its controls. A mapping without rules matches nothing.
    pub fn matches(&self, url: &str, title: &str, handles: &[&str]) -> bool {
        let rules = &self.matching;
        if rules.url.is_empty() && rules.title.is_empty() && rules.fields.is_empty() {
            return false;
        }
        let page = page_of(url);
        let url_ok = rules.url.is_empty()
            || rules.url.iter().any(|p| {
                if p.contains('*') {
                    glob(p, &page)
                } else {
                    page.starts_with(p.as_str())
                }
            });
        let title_ok = rules.title.is_empty() || rules.title.iter().any(|t| title.contains(t));
        let fields_ok = rules.fields.iter().all(|f| handles.contains(&f.as_str()));
        url_ok && title_ok && fields_ok
    }

    /// The part the classifier can use: fields located by `id` or `name` that take an
    /// element, with their roles, in file order.
    pub fn to_classify_mapping(&self) -> Mapping {
        Mapping {
            fields: self
                .fields
                .iter()
                .filter_map(|f| {
                    let handle = f.locator.handle()?;
                    Some((handle.to_string(), f.key?, f.role))
                })
                .collect(),
        }
    }
}

fn parse(json: &str) -> Result<Value, Vec<MappingError>> {
    serde_json::from_str(json)
        .map_err(|e| vec![MappingError::new("", ErrorKind::Json(e.to_string()))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::field::FieldDescriptor;
    use crate::core::role::Role;

    const GOOD: &str = r##"{
        "version": 1,
        "id": "samr.company-registration",
        "title": "公司登记（备案）申请书",
        "department": "国家市场监督管理总局",
        "edition": "SAMR 2026 文书规范",
        "match": {"url": ["https://*.gov.cn/*/company*"], "title": "公司登记", "fields": ["mc"]},
        "fields": [
            {"locator": {"id": "mc"}, "key": "firm.name", "required": true},
            {"locator": {"name": "fr_xm"}, "key": "person.name", "role": "legal_rep",
             "verified": true},
            {"locator": {"css": "#gd1 .xm"}, "key": "person.name", "role": "shareholder[0]"},
            {"locator": {"label": "出资方式", "nth": 2}, "key": "rep.contribution_method",
             "role": "shareholder[1]", "transform": {"kind": "text"}},
            {"locator": {"id": "clrq"}, "key": "firm.established",
             "transform": {"kind": "date", "format": "YYYY年MM月DD日"}},
            {"locator": {"id": "bz"}, "key": null}
        ]
    }"##;

    fn errors(json: &str) -> Vec<(String, &'static str)> {
        match FormMapping::from_json(json) {
            Ok(_) => Vec::new(),
            Err(list) => list
                .iter()
                .map(|e| (e.path.clone(), e.kind.code()))
                .collect(),
        }
    }

    fn with_fields(fields: &str) -> String {
        format!(
            r#"{{"version":1,"id":"x.y","title":"t","department":"d","match":{{"url":["https://a/"]}},"fields":{fields}}}"#
        )
    }

    #[test]
    fn an_outline_is_the_mapping_without_its_transforms() {
        let whole = FormMapping::from_json(GOOD).unwrap();
        let outline = FormMapping::outlines_from_json(GOOD).unwrap().remove(0);
        assert!(whole.fields.iter().any(|f| f.transform.is_some()));
        assert!(outline.fields.iter().all(|f| f.transform.is_none()));
        let without = |m: &FormMapping| {
            let mut m = m.clone();
            m.fields.iter_mut().for_each(|f| f.transform = None);
            m
        };
        assert_eq!(outline, without(&whole));
        // Everything else is still checked.
        assert!(FormMapping::outlines_from_json(&with_fields("[]")).is_err());
    }

    #[test]
    fn a_good_mapping_is_read() {
        let m = FormMapping::from_json(GOOD).unwrap();
        assert_eq!(m.id, "samr.company-registration");
        assert_eq!(m.edition.as_deref(), Some("SAMR 2026 文书规范"));
        assert_eq!(m.fields.len(), 6);
        assert!(m.fields[0].required);
        assert!(!m.fields[0].verified);
        assert!(
            m.fields[1].verified,
            "the legal representative's name must be verified"
        );
        assert_eq!(
            m.fields[2].role,
            Some(RoleRef {
                role: Role::Shareholder,
                index: Some(0)
            })
        );
        assert_eq!(
            m.fields[3].locator,
            Locator::Label {
                text: "出资方式".into(),
                nth: 2
            }
        );
        assert_eq!(m.fields[3].transform, Some(Transform::Text));
        assert_eq!(
            m.fields[4].transform,
            Some(Transform::Date {
                format: "YYYY年MM月DD日".into()
            })
        );
        assert_eq!(m.fields[5].key, None);
    }

    #[test]
    fn every_error_is_reported_with_its_path() {
        let json = with_fields(
            r#"[
            {"locator": {"id": "a"}, "key": "person.nmae"},
            {"locator": {"id": "b"}, "key": "person.name", "role": "boss"},
            {"locator": {"id": "c"}, "key": "person.name", "transform": {"kind": "rot13"}},
            {"locator": {"id": "a"}, "key": "person.sex"},
            {"key": "person.sex"},
            {"locator": {"id": "e"}},
            {"locator": {"id": "f", "name": "f"}, "key": "person.sex", "requird": true},
            {"locator": {"label": "姓名", "nth": 0}, "key": "person.name", "required": "yes"},
            {"locator": {"id": "g"}, "key": "person.name", "verified": 1}
        ]"#,
        );
        let found = errors(&json);
        let expected = [
            ("fields[0].key", "unknown-key"),
            ("fields[1].role", "unknown-role"),
            ("fields[2].transform.kind", "unknown-transform"),
            ("fields[4]", "missing"),
            ("fields[5]", "missing"),
            ("fields[6].requird", "unknown-member"),
            ("fields[6].locator", "locator-kind"),
            ("fields[7].locator.nth", "nth"),
            ("fields[7].required", "type"),
            ("fields[8].verified", "type"),
            ("fields[3].locator", "duplicate-locator"),
        ];
        for (path, code) in expected {
            assert!(
                found.iter().any(|(p, c)| p == path && *c == code),
                "{path} {code} in {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let e = FormMapping::from_json(&with_fields(
            r#"[{"locator": {"id": "a"}, "key": "person.nmae"}]"#,
        ))
        .unwrap_err();
        assert_eq!(
            e[0].kind,
            ErrorKind::UnknownKey {
                key: "person.nmae".into(),
                suggestion: Some("person.name")
            }
        );
        assert_eq!(
            e[0].line(Lang::En),
            r#"fields[0].key: unknown key "person.nmae" (did you mean "person.name"?)"#
        );
        assert!(e[0].message(Lang::ZhCn).contains("person.name"));
        assert_eq!(closest_key("firm.usc"), Some("firm.uscc"));
        assert_eq!(closest_key("totally.different.thing"), None);
    }

    #[test]
    fn document_level_errors() {
        assert_eq!(errors("{"), [(String::new(), "json")]);
        assert_eq!(errors("[1]"), [(String::new(), "type")]);
        let found = errors(r#"{"version": 2, "fields": [], "colour": "red"}"#);
        for (path, code) in [
            ("version", "version"),
            ("", "missing"),
            ("fields", "no-fields"),
            ("colour", "unknown-member"),
        ] {
            assert!(
                found.iter().any(|(p, c)| p == path && *c == code),
                "{path} {code} in {found:?}"
            );
        }
        let found = errors(&with_fields("[]").replace(r#"{"url":["https://a/"]}"#, "{}"));
        assert!(
            found.contains(&("match".to_string(), "no-match-rule")),
            "{found:?}"
        );
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let kinds = [
            ErrorKind::Json("x".into()),
            ErrorKind::Missing("key"),
            ErrorKind::UnknownMember("x".into()),
            ErrorKind::Type("string"),
            ErrorKind::Type("array"),
            ErrorKind::Type("object"),
            ErrorKind::Type("boolean"),
            ErrorKind::Type("key"),
            ErrorKind::Empty,
            ErrorKind::Version("2".into()),
            ErrorKind::UnknownKey {
                key: "x".into(),
                suggestion: None,
            },
            ErrorKind::UnknownKey {
                key: "x".into(),
                suggestion: Some("person.name"),
            },
            ErrorKind::UnknownRole("x".into()),
            ErrorKind::UnknownTransform("x".into()),
            ErrorKind::NotOneOf {
                found: "x".into(),
                expected: &["a", "b"],
            },
            ErrorKind::BadValue,
            ErrorKind::Transform(TransformError::DomainNeeded),
            ErrorKind::LocatorKind,
            ErrorKind::Nth,
            ErrorKind::DuplicateLocator("fields[0]".into()),
            ErrorKind::NoFields,
            ErrorKind::NoMatchRule,
        ];
        for kind in kinds {
            let e = MappingError::new("p", kind);
            for lang in [Lang::ZhCn, Lang::En] {
                let text = e.message(lang);
                assert!(!text.starts_with("mapping-"), "{lang:?}: {text}");
            }
        }
    }

    #[test]
    fn roles_parse_with_and_without_an_index() {
        assert_eq!(
            RoleRef::parse("legal_rep"),
            Some(RoleRef {
                role: Role::LegalRep,
                index: None
            })
        );
        assert_eq!(RoleRef::parse("shareholder[12]").unwrap().index, Some(12));
        for bad in [
            "shareholder[",
            "shareholder[]",
            "shareholder[x]",
            "boss",
            "shareholder[1]x",
        ] {
            assert_eq!(RoleRef::parse(bad), None, "{bad}");
        }
        let json =
            with_fields(r#"[{"locator": {"id": "a"}, "key": "person.name", "role": "applicant"}]"#);
        assert_eq!(FormMapping::from_json(&json).unwrap().fields[0].role, None);
    }

    #[test]
    fn pages_are_matched_by_url_title_and_signature() {
        let m = FormMapping::from_json(GOOD).unwrap();
        let url = "https://zwfw.sh.gov.cn/qy/company-setup.html?step=1";
        assert!(m.matches(url, "公司登记（备案）申请书", &["mc", "x"]));
        assert!(!m.matches(url, "个体工商户登记", &["mc"]));
        assert!(!m.matches(url, "公司登记", &["x"]));
        assert!(!m.matches("https://example.com/qy/company.html", "公司登记", &["mc"]));
        assert!(glob("a*c", "abbc") && glob("a*", "a") && !glob("a*c", "abcd"));
        assert!(glob("*", "") && glob("https://*/x", "https://h/x") && !glob("ab", "abc"));
        let prefix = with_fields(r#"[{"locator": {"id": "a"}, "key": "person.name"}]"#);
        let p = FormMapping::from_json(&prefix).unwrap();
        assert!(p.matches("https://a/forms/x.html#top", "", &[]));
        assert!(!p.matches("https://b/", "", &[]));
        let mut none = p.clone();
        none.matching = MatchRules::default();
        assert!(!none.matches("https://a/", "", &[]));
    }

    #[test]
    fn the_classifier_gets_id_and_name_locators() {
        let m = FormMapping::from_json(GOOD).unwrap();
        let c = m.to_classify_mapping();
        assert_eq!(
            c.fields,
            vec![
                ("mc".to_string(), Key::FirmName, None),
                (
                    "fr_xm".to_string(),
                    Key::PersonName,
                    Some(RoleRef::new(Role::LegalRep))
                ),
                ("clrq".to_string(), Key::FirmEstablished, None),
            ]
        );
        let mut f = FieldDescriptor::text("f", "第一栏");
        f.html_id = Some("mc".into());
        let out = crate::core::classify::classify_fields_with(&[f], Some(&c));
        assert_eq!(out[0].key(), Some(Key::FirmName));
    }

    #[test]
    fn the_learned_export_is_read() {
        let page = "https://zwfw.example.gov.cn/forms/pension.html";
        let json = format!(
            r#"{{"version":1,"page":"{page}","source":"learned","fields":{{"aac003":"person.name","x":null,"fr":{{"key":"person.name","role":"legal_rep"}}}}}}"#
        );
        let m = FormMapping::from_json(&json).unwrap();
        assert_eq!(m.id, page);
        assert_eq!(m.fields.len(), 3);
        assert!(m.matches(&format!("{page}?a=1"), "", &[]));
        assert_eq!(m.to_classify_mapping().fields.len(), 2);
        let bad = json.replace("\"person.name\",\"x\"", "\"person.nmae\",\"x\"");
        let e = FormMapping::from_json(&bad).unwrap_err();
        assert_eq!(e[0].path, "fields.aac003");
        let list = format!("[{json}, {bad}]");
        let e = FormMapping::list_from_json(&list).unwrap_err();
        assert_eq!(e[0].path, "[1].fields.aac003");
        assert_eq!(
            FormMapping::list_from_json(&format!("[{json}]"))
                .unwrap()
                .len(),
            1
        );
        let role = json.replace("\"legal_rep\"", "\"boss\"");
        let e = FormMapping::from_json(&role).unwrap_err();
        assert_eq!(e[0].path, "fields.fr.role");
        assert_eq!(e[0].kind, ErrorKind::UnknownRole("boss".into()));
        let member = json.replace("\"role\":\"legal_rep\"", "\"role\":\"legal_rep\",\"rol\":1");
        let e = FormMapping::from_json(&member).unwrap_err();
        assert_eq!(e[0].path, "fields.fr.rol");
        let keyless = json.replace("\"key\":\"person.name\",", "");
        let e = FormMapping::from_json(&keyless).unwrap_err();
        assert_eq!(
            (e[0].path.as_str(), &e[0].kind),
            ("fields.fr", &ErrorKind::Missing("key"))
        );
        let dotted = json.replace("\"x\":null", "\"a.b\":\"nope\"");
        let e = FormMapping::from_json(&dotted).unwrap_err();
        assert_eq!(e[0].path, r#"fields["a.b"]"#);
    }

    #[test]
    fn a_learned_export_says_whose_each_block_is() {
        use crate::core::classify::learn;
        use crate::core::role::Role;
        let page = "https://bdc.example.gov.cn/sq/dj.html";
        let mut pages = Vec::new();
        learn::assign(
            &mut pages,
            page,
            Some(RoleRef::new(Role::Obligor)),
            Who::As(RoleRef::new(Role::Spouse)),
        );
        learn::assign(&mut pages, page, None, Who::Owner);
        // Only answers, no corrected field: still a mapping file.
        let json = learn::export(&pages).to_string();
        let m = &FormMapping::list_from_json(&json).unwrap()[0];
        assert!(m.fields.is_empty());
        assert_eq!(
            m.people,
            [
                (None, Who::Owner),
                (
                    Some(RoleRef::new(Role::Obligor)),
                    Who::As(RoleRef::new(Role::Spouse))
                )
            ]
        );
        // A block or a person OnceFill does not know is refused at its path, never quoted.
        let bad = json.replace("\"spouse\"", "\"李华\"");
        let e = FormMapping::list_from_json(&bad).unwrap_err();
        assert_eq!(
            (e[0].path.as_str(), &e[0].kind),
            ("[0].people.obligor", &ErrorKind::BadValue)
        );
        assert!(!e[0].message(Lang::ZhCn).contains("李华"));
        let bad = json.replace("\"obligor\"", "\"seller\"");
        let e = FormMapping::list_from_json(&bad).unwrap_err();
        assert_eq!(e[0].path, "[0].people.seller");
        let none = json.replace(
            ",\"people\":{\"applicant\":\"self\",\"obligor\":\"spouse\"}",
            "",
        );
        assert_ne!(none, json);
        let e = FormMapping::list_from_json(&none).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::NoFields);
    }

    #[test]
    fn transform_kinds_are_distinct() {
        let mut kinds = transform::kinds().to_vec();
        crate::core::order::sort(&mut kinds);
        kinds.dedup();
        assert_eq!(kinds.len(), transform::kinds().len());
        assert_eq!(kinds.len(), 16);
    }

    #[test]
    fn a_bad_transform_rejects_the_mapping_at_its_path() {
        let field = |transform: &str| {
            format!(
                r#"{{"locator": {{"id": "a"}}, "key": "person.birth_date", "transform": {transform}}}"#
            )
        };
        let cases = [
            (
                r#"{"kind": "rot13"}"#,
                "fields[1].transform.kind",
                "unknown-transform",
            ),
            (
                r#"{"kind": "date", "format": "YYYY-mm"}"#,
                "fields[1].transform.format",
                "transform",
            ),
            (
                r#"{"kind": "date", "format": 8}"#,
                "fields[1].transform.format",
                "type",
            ),
            (r#"{"kind": "date"}"#, "fields[1].transform", "missing"),
            (
                r#"{"kind": "date", "fromat": "YYYY"}"#,
                "fields[1].transform.fromat",
                "unknown-member",
            ),
            (
                r#"{"kind": "code", "table": "contribution"}"#,
                "fields[1].transform.table",
                "not-one-of",
            ),
            (r#""date""#, "fields[1].transform", "type"),
            (
                r#"{"kind": "concat", "parts": [1]}"#,
                "fields[1].transform.parts[0]",
                "bad-value",
            ),
            (
                r#"{"kind": "choice", "when": {}, "else": {"kind": "date", "format": "MM/DD/YY"}}"#,
                "fields[1].transform.else.format",
                "transform",
            ),
            (
                r#"{"kind": "condition", "if": {"key": "person.sx"}, "then": {"kind": "text"}}"#,
                "fields[1].transform.if.key",
                "unknown-key",
            ),
        ];
        for (transform, path, code) in cases {
            let json = with_fields(&format!(
                r#"[{{"locator": {{"id": "b"}}, "key": "person.name"}}, {}]"#,
                field(transform)
            ));
            let found = errors(&json);
            assert!(
                found.iter().any(|(p, c)| p == path && *c == code),
                "{transform}: {path} {code} in {found:?}"
            );
        }
        let e = FormMapping::from_json(&with_fields(&format!(
            "[{}]",
            field(r#"{"kind": "code", "table": "contribution"}"#)
        )))
        .unwrap_err();
        assert_eq!(
            e[0].line(Lang::En),
            r#"fields[0].transform.table: "contribution" is not one of: sex, ethnicity, id_type, marital, political, education, hukou_type, relation, country"#
        );
        assert!(
            e[0].message(Lang::ZhCn).contains("sex"),
            "{}",
            e[0].message(Lang::ZhCn)
        );
        let e = FormMapping::from_json(&with_fields(&format!(
            "[{}]",
            field(r#"{"kind": "condition", "if": {"key": "person.sx"}, "then": {"kind": "text"}}"#)
        )))
        .unwrap_err();
        assert_eq!(
            e[0].kind,
            ErrorKind::UnknownKey {
                key: "person.sx".into(),
                suggestion: Some("person.sex")
            }
        );
    }
}
