//! The profile: a household of persons, their firms and their agents, each element entered
//! once, validated, and reused in every role.
//!
//! # Format
//!
//! A profile is a JSON object. This is the wire format of version 2; every member not listed
//! here is kept as it is when this version reads and saves a profile written by a newer one,
//! so no data is lost across versions.
//!
//! ## Profile
//!
//! | member | type | meaning |
//! |---|---|---|
//! | `version` | integer | format version, currently `2`; version 1 is migrated on reading |
//! | `persons` | array of Person | the household: the profile's owner first (`relation: "self"`) |
//! | `firms` | array of Firm | firms the owner registers or works for |
//! | `agents` | array of Agent | mandates: a person acting for the owner or a firm |
//! | `filled_forms` | array of strings | mapping ids of forms already filled, for a bundle's progress; omitted when empty |
//! | `disclosures` | array | the disclosure record (授权记录): one entry per fill, element names and never values ([`crate::core::disclosure`]); omitted when empty |
//! | `credentials` | array of strings | the signed credentials imported (SD-JWT VC, each in its compact form `<JWT>~<disclosure>~…~` as its issuer delivered it), kept to present chosen elements of them at a service window ([`crate::core::handoff`]); omitted when empty |
//! | `learned` | array | corrections made in review: `{ "page": origin + path, "fields": [{ "handle": id or name, "key": dotted key or null (never fill) }] }`; omitted when empty |
//!
//! ## Person
//!
//! | member | type | meaning |
//! |---|---|---|
//! | `id` | string | stable within the profile, e.g. `p1`; roles refer to it |
//! | `relation` | string | relation to the owner: `self`, `spouse`, `child`, `father`, `mother`, `other` |
//! | `values` | Values | the person's elements: `person.*`, `contact.*`, `family.*`, `doc.*` |
//!
//! ## Firm
//!
//! | member | type | meaning |
//! |---|---|---|
//! | `id` | string | e.g. `f1` |
//! | `values` | Values | `firm.*`, `contact.*` |
//! | `roles` | array of Role | `{ "role": "legal_rep", "person": "p1", "values": { "rep.position": … } }`; roles are `legal_rep`, `finance_officer`, `liaison`, `shareholder`, `director`, `supervisor`, `manager` |
//!
//! ## Agent
//!
//! `{ "person": "p2", "principal": "p1" | "f1", "values": { "agent.scope": […], "agent.term_to": "长期", "agent.relation": "10" } }`
//!
//! ## Values
//!
//! An object from dotted dictionary key ([`crate::core::dictionary`]) to Entry:
//! `{ "value": "王小明", "source": { "kind": "self_declared" }, "updated": "2026-11-21T08:00:00Z",
//! "history": [ { "value": …, "source": …, "updated": …, "replaced": … } ] }`. `value` is a string
//! (dates `YYYY-MM-DD`, codes as the standard's code) or an array of strings. `source.kind` is
//! `self_declared`, `derived` (`from`: key), `credential` (`issuer`, `issued`) or
//! `staff_verified` (`hall`: the service hall's id, omitted when unknown; `date`). `history` is omitted when empty.
//!
//! ## Example
//!
//! ```json
//! {"version": 2,
//!  "persons": [{"id": "p1", "relation": "self", "values": {
//!     "person.name": {"value": "王小明", "source": {"kind": "self_declared"}, "updated": "2026-11-21T08:00:00Z"}}}],
//!  "firms": [], "agents": []}
//! ```

mod demo;
mod draft;
pub mod merge;
mod records;
mod values;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, format_description::well_known::Rfc3339};

pub use draft::{Draft, Problem, REQUIRED, Refused, Report, editable};
pub use records::{agent_scope, firm_scope, person_scope, role_scope};
pub use values::{Data, Entry, Past, Source, Unconfirmed, Values};

use crate::core::codes;
use crate::core::dictionary::{Key, Table, ValueType};
use crate::core::ids::Sex;
use crate::core::validate;

/// The current profile format version.
pub const PROFILE_VERSION: u32 = 2;

/// A profile: the household, its firms, its agents.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Format version.
    pub version: u32,
    /// The household, owner first.
    #[serde(default)]
    pub persons: Vec<PersonRecord>,
    /// Firms.
    #[serde(default)]
    pub firms: Vec<FirmRecord>,
    /// Mandates.
    #[serde(default)]
    pub agents: Vec<AgentLink>,
    /// Corrections the person made in review, per form ([`crate::core::classify::learn`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learned: Vec<crate::core::classify::learn::LearnedPage>,
    /// Mapped forms already filled (their mapping ids), for a bundle's progress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filled_forms: Vec<String>,
    /// The disclosure record: which elements each fill wrote, oldest first (never values).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosures: Vec<crate::core::disclosure::Entry>,
    /// The signed credentials imported, each in its compact form as its issuer delivered it
    /// (never shown; presented in part at a service window).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<String>,
    /// Members written by a newer version, kept as they are.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// The most credentials a profile keeps (the oldest go first).
pub const MAX_CREDENTIALS: usize = 16;

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Profile(v{}, {} persons, {} firms, {} agents)",
            self.version,
            self.persons.len(),
            self.firms.len(),
            self.agents.len()
        )
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::new()
    }
}

/// A person's relation to the profile's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The owner.
    #[serde(rename = "self")]
    Owner,
    /// 配偶.
    Spouse,
    /// 子女.
    Child,
    /// 父亲.
    Father,
    /// 母亲.
    Mother,
    /// Anyone else (a shareholder, an agent).
    Other,
}

/// A person of the household, or one who appears in a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRecord {
    /// Stable id within the profile.
    pub id: String,
    /// Relation to the owner.
    pub relation: Relation,
    /// The person's values.
    #[serde(default)]
    pub values: Values,
    /// Members written by a newer version.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// A firm's role a person holds: one of [`crate::core::role::FIRM_ROLES`], stored by its id.
pub use crate::core::role::Role;
use crate::core::role::RoleRef;

/// A person in a role of a firm, with the role's own values (职务, 认缴出资额, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleLink {
    /// The role.
    pub role: Role,
    /// The person's id.
    pub person: String,
    /// `rep.*` values.
    #[serde(default, skip_serializing_if = "Values::is_empty")]
    pub values: Values,
    /// Members written by a newer version.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// A firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirmRecord {
    /// Stable id within the profile.
    pub id: String,
    /// `firm.*` and `contact.*` values.
    #[serde(default)]
    pub values: Values,
    /// Persons in roles.
    #[serde(default)]
    pub roles: Vec<RoleLink>,
    /// Members written by a newer version.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// A mandate: a person acting for the owner or a firm (经办人, 委托代理人).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentLink {
    /// The agent's person id.
    pub person: String,
    /// The id of the person or firm represented.
    pub principal: String,
    /// `agent.*` values.
    #[serde(default)]
    pub values: Values,
    /// Members written by a newer version.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
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
    /// A GB 3304 ethnic group.
    Ethnicity(&'static codes::Code),
    /// Several choices (an agent's authorised acts).
    List(Vec<String>),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Value(***)")
    }
}

/// Why a profile could not be read. Nothing is changed when reading fails.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// Not JSON at all.
    NotJson {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a profile (no `version`).
    NotAProfile,
    /// A version this program cannot read (0 or not a number).
    BadVersion,
    /// A member has the wrong shape. Only where it is and what kind of fault it is are kept:
    /// the parser's own description quotes the value, which may be an ID number.
    Invalid {
        /// The member, e.g. `persons[0].relation` (runs of 6 or more digits in it are
        /// replaced by `#`, in case a member's name was itself a value); empty in the browser,
        /// which does not track it.
        path: String,
        /// What is wrong with it.
        fault: Fault,
    },
}

/// What is wrong with a member of a profile file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// A value that is not one of the choices this member allows.
    UnknownChoice,
    /// A value of the wrong kind (text where a number or a list belongs, …).
    WrongType,
    /// A value of the right kind that this member does not accept.
    BadValue,
    /// A list or pair with the wrong number of items.
    WrongLength,
    /// A member that must be there is missing.
    Missing,
    /// A member this place does not allow.
    UnknownMember,
    /// A member given twice.
    Duplicate,
    /// Anything else.
    Other,
}

impl Fault {
    /// The kind of fault in a parser's description, which is then dropped.
    fn of(error: &serde_json::Error) -> Fault {
        let text = zeroize::Zeroizing::new(error.to_string());
        const PREFIXES: [(&str, Fault); 7] = [
            ("unknown variant", Fault::UnknownChoice),
            ("invalid type", Fault::WrongType),
            ("invalid value", Fault::BadValue),
            ("invalid length", Fault::WrongLength),
            ("missing field", Fault::Missing),
            ("unknown field", Fault::UnknownMember),
            ("duplicate field", Fault::Duplicate),
        ];
        PREFIXES
            .iter()
            .find(|(prefix, _)| text.starts_with(prefix))
            .map_or(Fault::Other, |(_, fault)| *fault)
    }

    /// Its name in the message catalogue.
    fn id(self) -> &'static str {
        match self {
            Fault::UnknownChoice => "choice",
            Fault::WrongType => "type",
            Fault::BadValue => "value",
            Fault::WrongLength => "length",
            Fault::Missing => "missing",
            Fault::UnknownMember => "unknown",
            Fault::Duplicate => "duplicate",
            Fault::Other => "other",
        }
    }
}

/// A member's path as it may be shown: any run of 6 or more digits becomes `#`.
#[cfg(not(target_arch = "wasm32"))]
fn shown_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 6 {
            out.push('#');
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in path.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

impl FormatError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            FormatError::NotJson { .. } => "profile.not_json",
            FormatError::NotAProfile => "profile.not_a_profile",
            FormatError::BadVersion => "profile.bad_version",
            FormatError::Invalid { .. } => "profile.invalid",
        }
    }

    /// The sentence a person reads. It names the member at fault, never its value.
    pub fn message(&self, lang: crate::core::i18n::Lang) -> String {
        use crate::core::i18n::{Arg, tr};
        match self {
            FormatError::NotJson { line, column } => tr(
                lang,
                "profile-not-json",
                &[
                    ("line", Arg::Num(*line as i64)),
                    ("column", Arg::Num(*column as i64)),
                ],
            ),
            FormatError::NotAProfile => tr(lang, "profile-no-version", &[]),
            FormatError::BadVersion => tr(lang, "profile-bad-version", &[]),
            FormatError::Invalid { path, fault } => {
                let id = if path.is_empty() {
                    "profile-invalid-somewhere"
                } else {
                    "profile-invalid"
                };
                tr(
                    lang,
                    id,
                    &[("path", Arg::Str(path)), ("fault", Arg::Str(fault.id()))],
                )
            }
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::core::i18n::Lang::En))
    }
}

/// Now, as RFC 3339, for `updated` stamps.
pub fn now_stamp() -> String {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
        .format(&Rfc3339)
        .unwrap_or_default()
}

impl Profile {
    /// An empty profile with an empty owner record.
    pub fn new() -> Self {
        Profile {
            version: PROFILE_VERSION,
            persons: vec![PersonRecord {
                id: "p1".into(),
                relation: Relation::Owner,
                values: Values::default(),
                unknown: BTreeMap::new(),
            }],
            firms: Vec::new(),
            agents: Vec::new(),
            learned: Vec::new(),
            filled_forms: Vec::new(),
            disclosures: Vec::new(),
            credentials: Vec::new(),
            unknown: BTreeMap::new(),
        }
    }

    /// Keeps a signed credential (its compact text, as imported), once, within
    /// [`MAX_CREDENTIALS`] (the oldest go first).
    pub fn keep_credential(&mut self, compact: &str) {
        let compact = compact.trim();
        if compact.is_empty() || self.credentials.iter().any(|c| c == compact) {
            return;
        }
        self.credentials.push(compact.to_string());
        let over = self.credentials.len().saturating_sub(MAX_CREDENTIALS);
        self.credentials.drain(..over);
    }

    /// Reads a profile from JSON, migrating older versions. A newer version is read as far as
    /// this version understands it; the rest is kept and written back unchanged.
    pub fn from_json(text: &str) -> Result<Profile, FormatError> {
        let raw: serde_json::Value =
            serde_json::from_str(text).map_err(|e| FormatError::NotJson {
                line: e.line(),
                column: e.column(),
            })?;
        let version = match raw.get("version") {
            None => return Err(FormatError::NotAProfile),
            Some(v) => v
                .as_u64()
                .filter(|&v| v > 0)
                .ok_or(FormatError::BadVersion)?,
        };
        let raw = if version == 1 { migrate_v1(raw) } else { raw };
        let mut profile = Self::from_value(raw)?;
        profile.version = profile.version.max(PROFILE_VERSION);
        Ok(profile)
    }

    /// Reads the profile members, naming the member at fault natively.
    #[cfg(not(target_arch = "wasm32"))]
    fn from_value(raw: serde_json::Value) -> Result<Profile, FormatError> {
        serde_path_to_error::deserialize(raw).map_err(|e| FormatError::Invalid {
            path: shown_path(&e.path().to_string()),
            fault: Fault::of(e.inner()),
        })
    }

    /// Reads the profile members; in the browser the fault's kind alone is kept (the member
    /// path would cost the bundle ~6 KB gzipped).
    #[cfg(target_arch = "wasm32")]
    fn from_value(raw: serde_json::Value) -> Result<Profile, FormatError> {
        serde_json::from_value(raw).map_err(|e| FormatError::Invalid {
            path: String::new(),
            fault: Fault::of(&e),
        })
    }

    /// Writes the profile as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The owner (relation `self`).
    pub fn owner(&self) -> Option<&PersonRecord> {
        self.persons.iter().find(|p| p.relation == Relation::Owner)
    }

    /// The owner, created if missing.
    pub fn owner_mut(&mut self) -> &mut PersonRecord {
        if let Some(i) = self
            .persons
            .iter()
            .position(|p| p.relation == Relation::Owner)
        {
            return &mut self.persons[i];
        }
        let id = self.fresh_id("p");
        self.persons.insert(
            0,
            PersonRecord {
                id,
                relation: Relation::Owner,
                values: Values::default(),
                unknown: BTreeMap::new(),
            },
        );
        &mut self.persons[0]
    }

    /// A person by id.
    pub fn person(&self, id: &str) -> Option<&PersonRecord> {
        self.persons.iter().find(|p| p.id == id)
    }

    /// An id not yet used, with a prefix (`p`, `f`).
    pub fn fresh_id(&self, prefix: &str) -> String {
        let used = |id: &str| {
            self.persons.iter().any(|p| p.id == id) || self.firms.iter().any(|f| f.id == id)
        };
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|id| !used(id))
            .unwrap_or_default()
    }

    /// The persons holding `role` in firm `firm`.
    pub fn role_holders(&self, firm: &str, role: Role) -> Vec<&PersonRecord> {
        self.firms
            .iter()
            .filter(|f| f.id == firm)
            .flat_map(|f| f.roles.iter().filter(|r| r.role == role))
            .filter_map(|r| self.person(&r.person))
            .collect()
    }

    /// Whether nothing was entered.
    pub fn is_empty(&self) -> bool {
        self.persons.iter().all(|p| p.values.is_empty())
            && self.firms.is_empty()
            && self.agents.is_empty()
    }

    /// The value of `key` for the owner (persons, contact) or the first firm (firm elements),
    /// if the profile holds it. `today` supplies derived dates.
    pub fn value(&self, key: Key, today: Date) -> Option<Value> {
        if key == Key::MetaFillDate {
            return Some(Value::Date(today));
        }
        let values = match key.element().group {
            crate::core::dictionary::Group::Firm => &self.firms.first()?.values,
            _ => &self.owner()?.values,
        };
        typed_entry(key, values)
    }
}

impl Profile {
    /// The values a role points at in this profile: the person's values and, for a firm
    /// role, the role link's own values (职务, 认缴出资额, ...); for `agent`, the mandate's.
    /// An unnumbered role is its first holder. A role the profile has nobody for gives `None`.
    pub fn role_values(&self, role: RoleRef) -> Option<(&Values, Option<&Values>)> {
        let index = role.nth();
        let holders = role.role.holders();
        if !holders.is_empty() {
            let (_, link) = self.firm_role_link(holders, index)?;
            return Some((&self.person(&link.person)?.values, Some(&link.values)));
        }
        let relation = |r: Relation| {
            self.persons
                .iter()
                .filter(|p| p.relation == r)
                .nth(index)
                .map(|p| (&p.values, None))
        };
        match role.role {
            Role::Agent => {
                let link = self.agents.get(index)?;
                Some((&self.person(&link.person)?.values, Some(&link.values)))
            }
            Role::Spouse => relation(Relation::Spouse),
            Role::Child => relation(Relation::Child),
            Role::Father => relation(Relation::Father),
            Role::Mother => relation(Relation::Mother),
            Role::Firm => self.firms.first().map(|f| (&f.values, None)),
            Role::ChildsFather => self.childs_parent(Sex::Male).map(|p| (&p.values, None)),
            Role::ChildsMother => self.childs_parent(Sex::Female).map(|p| (&p.values, None)),
            Role::MaleParty => self.childs_parent(Sex::Male).map(|p| (&p.values, None)),
            Role::FemaleParty => self.childs_parent(Sex::Female).map(|p| (&p.values, None)),
            _ => None,
        }
    }

    /// The id of the person record `role` points at.
    pub fn role_person_id(&self, role: RoleRef) -> Option<String> {
        let (values, _) = self.role_values(role)?;
        self.persons
            .iter()
            .find(|p| std::ptr::eq(&p.values, values))
            .map(|p| p.id.clone())
    }

    /// A parent of the household's children (or one of the couple on a marriage form), by
    /// sex: the owner or the spouse. `None` unless exactly one of them is known to be of that
    /// sex.
    fn childs_parent(&self, sex: Sex) -> Option<&PersonRecord> {
        let mut parents = self
            .persons
            .iter()
            .filter(|p| matches!(p.relation, Relation::Owner | Relation::Spouse))
            .filter(|p| p.sex() == Some(sex));
        let first = parents.next()?;
        parents.next().is_none().then_some(first)
    }

    /// The `index`-th link of the first firm whose role is one of `roles`, with its position
    /// among all the firm's links.
    fn firm_role_link(&self, roles: &[Role], index: usize) -> Option<(usize, &RoleLink)> {
        self.firms
            .first()?
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| roles.contains(&r.role))
            .nth(index)
    }

    /// Where a value of `key` for `role` is kept: the firm's record for its own elements and
    /// for the `firm` role; the role link for a link's own values (职务, 认缴出资额, 委托权限);
    /// else the person's record (the owner's when `role` is `None`). `None` when nobody holds
    /// the role.
    pub fn holder_of(&self, key: Key, role: Option<RoleRef>) -> Option<Holder> {
        use crate::core::dictionary::Group;
        let firm = || self.firms.first().map(|f| Holder::Record(f.id.clone()));
        match (key.element().group, role) {
            (Group::Firm, _) => firm(),
            (_, Some(r)) if r.role == Role::Firm => firm(),
            (Group::Role | Group::Agent, Some(role)) => {
                if role.role == Role::Agent {
                    return (role.nth() < self.agents.len()).then_some(Holder::Agent(role.nth()));
                }
                let (position, _) = self.firm_role_link(role.role.holders(), role.nth())?;
                Some(Holder::RoleLink {
                    firm: self.firms.first()?.id.clone(),
                    index: position,
                })
            }
            (Group::Role | Group::Agent, None) => None,
            (_, None) => self.owner().map(|p| Holder::Record(p.id.clone())),
            (_, Some(role)) => self.role_person_id(role).map(Holder::Record),
        }
    }

    /// The value of `key` for whoever `role` points at (the owner or first firm when `None`).
    pub fn value_as(&self, key: Key, role: Option<RoleRef>, today: Date) -> Option<Value> {
        let Some(role) = role else {
            return self.value(key, today);
        };
        let (person, link) = self.role_values(role)?;
        let values = match key.element().group {
            crate::core::dictionary::Group::Role | crate::core::dictionary::Group::Agent => link?,
            crate::core::dictionary::Group::Firm => return self.value(key, today),
            _ => person,
        };
        typed_entry(key, values)
    }
}

impl Profile {
    /// The source of the stored value of `key` for whoever `role` points at (the owner or the
    /// first firm when `None`), as [`Profile::value_as`] finds the value. `None` when no value
    /// is stored (a value planning computes, such as a birth date from the ID number, has none).
    pub fn source_as(&self, key: Key, role: Option<RoleRef>) -> Option<&Source> {
        use crate::core::dictionary::Group;
        let firm = || self.firms.first().map(|f| &f.values);
        let values = match (role, key.element().group) {
            (_, Group::Firm) => firm()?,
            (None, _) => &self.owner()?.values,
            (Some(role), group) => {
                let (person, link) = self.role_values(role)?;
                match group {
                    Group::Role | Group::Agent => link?,
                    _ => person,
                }
            }
        };
        values.get(key).map(|e| &e.source)
    }
}

/// Where a value is kept (see [`Profile::holder_of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A person's or a firm's record, by id.
    Record(String),
    /// A firm's role link, by its position among the firm's links.
    RoleLink {
        /// The firm's id.
        firm: String,
        /// The link's position.
        index: usize,
    },
    /// A mandate, by its position.
    Agent(usize),
}

/// Age in whole years on `today`.
pub fn age_on(birth: Date, today: Date) -> i32 {
    let mut age = today.year() - birth.year();
    if (today.month() as u8, today.day()) < (birth.month() as u8, birth.day()) {
        age -= 1;
    }
    age
}

impl PersonRecord {
    /// The sex, from `person.sex` or else the ID number.
    pub fn sex(&self) -> Option<Sex> {
        if let Some(s) = self.values.text(Key::PersonSex).and_then(Sex::parse) {
            return Some(s);
        }
        let id = self.values.text(Key::PersonIdNumber)?;
        crate::core::ids::ResidentId::parse_on(id, Date::MAX)
            .ok()
            .map(|i| i.sex())
    }

    /// The birth date, from `person.birth_date` or else the ID number.
    pub fn birth_date(&self) -> Option<Date> {
        if let Some(d) = self
            .values
            .text(Key::PersonBirthDate)
            .and_then(|t| validate::parse_date(t).ok())
        {
            return Some(d);
        }
        let id = self.values.text(Key::PersonIdNumber)?;
        crate::core::ids::ResidentId::parse_on(id, Date::MAX)
            .ok()
            .map(|i| i.birth_date())
    }

    /// Under 18 on `today` (未成年人).
    pub fn is_minor(&self, today: Date) -> bool {
        self.birth_date().is_some_and(|b| age_on(b, today) < 18)
    }

    /// Under 14 on `today`: all of the child's data is sensitive and needs a guardian's
    /// consent (PIPL art. 28, 31).
    pub fn is_under_14(&self, today: Date) -> bool {
        self.birth_date().is_some_and(|b| age_on(b, today) < 14)
    }
}

/// The typed value of `key` in `values`: a list element as its items, others by [`typed`].
fn typed_entry(key: Key, values: &Values) -> Option<Value> {
    match &values.get(key)?.value {
        Data::List(items) => Some(Value::List(items.clone())),
        Data::Text(text) => typed(key, text),
    }
}

/// Reads stored text as the typed value the plan needs.
pub fn typed(key: Key, text: &str) -> Option<Value> {
    Some(match key.element().value {
        ValueType::PastDate | ValueType::Date => Value::Date(validate::parse_date(text).ok()?),
        ValueType::DateOrLongTerm => match validate::parse_date(text) {
            Ok(d) => Value::Date(d),
            Err(_) => Value::Text(text.to_string()),
        },
        ValueType::Code(Table::Sex) => Value::Sex(Sex::parse(text)?),
        ValueType::Code(Table::Ethnicity) => Value::Ethnicity(codes::ethnicity(text)?),
        _ => Value::Text(text.to_string()),
    })
}

/// Version 1 held one person as typed members; version 2 holds a household of records whose
/// values carry provenance.
fn migrate_v1(raw: serde_json::Value) -> serde_json::Value {
    let stamp = now_stamp();
    let mut values = serde_json::Map::new();
    let mut rest = serde_json::Map::new();
    let person = raw
        .get("person")
        .and_then(|p| p.as_object())
        .cloned()
        .unwrap_or_default();
    for (member, v) in person {
        let key = match member.as_str() {
            "name" => Some(Key::PersonName),
            "sex" => Some(Key::PersonSex),
            "birth_date" => Some(Key::PersonBirthDate),
            "ethnicity" => Some(Key::PersonEthnicity),
            "id_number" => Some(Key::PersonIdNumber),
            "mobile" => Some(Key::ContactMobile),
            "hukou_address" => Some(Key::PersonHukouAddress),
            _ => None,
        };
        let text = match (&v, key) {
            // Version 1 wrote sex as a word.
            (serde_json::Value::String(s), Some(Key::PersonSex)) => Sex::parse(s)
                .map(|x| x.code().to_string())
                .unwrap_or_else(|| s.clone()),
            (serde_json::Value::String(s), _) => s.clone(),
            _ => {
                rest.insert(member, v);
                continue;
            }
        };
        match key {
            Some(key) => {
                values.insert(
                    key.id().to_string(),
                    serde_json::json!({"value": text, "source": {"kind": "self_declared"}, "updated": stamp}),
                );
            }
            None => {
                rest.insert(member, v);
            }
        }
    }
    let mut owner = serde_json::json!({"id": "p1", "relation": "self", "values": values});
    if let Some(obj) = owner.as_object_mut() {
        // Members of version 1's person this version does not know are kept on the record.
        obj.extend(rest);
    }
    let mut out = raw.as_object().cloned().unwrap_or_default();
    out.remove("person");
    out.insert("version".into(), PROFILE_VERSION.into());
    out.insert("persons".into(), serde_json::Value::Array(vec![owner]));
    serde_json::Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A role as written.
    fn r(text: &str) -> RoleRef {
        RoleRef::parse(text).unwrap()
    }
    use time::macros::date;

    #[test]
    fn version_1_is_migrated_without_loss() {
        let v1 = r#"{"version":1,"person":{"name":"王小明","sex":"male","birth_date":"1990-03-07",
            "id_number":"110105199003071239","mobile":"13800138000","nickname":"小明"},"extra":{"a":1}}"#;
        let p = Profile::from_json(v1).unwrap();
        assert_eq!(p.version, PROFILE_VERSION);
        let owner = p.owner().unwrap();
        assert_eq!(owner.values.text(Key::PersonName), Some("王小明"));
        assert_eq!(owner.values.text(Key::PersonSex), Some("1"));
        assert_eq!(
            owner.unknown.get("nickname"),
            Some(&serde_json::json!("小明"))
        );
        assert_eq!(p.unknown.get("extra"), Some(&serde_json::json!({"a": 1})));
        assert_eq!(
            p.value(Key::PersonBirthDate, date!(2026 - 11 - 21)),
            Some(Value::Date(date!(1990 - 03 - 07)))
        );
    }

    #[test]
    fn imported_credentials_are_kept_once_and_older_profiles_load_without_them() {
        let older = r#"{"version":2,"persons":[{"id":"p1","relation":"self","values":{}}]}"#;
        let mut p = Profile::from_json(older).unwrap();
        assert!(p.credentials.is_empty());
        assert!(!p.to_json().contains("credentials"), "omitted when empty");
        p.keep_credential(" a.b.c~d~ \n");
        p.keep_credential("a.b.c~d~");
        assert_eq!(p.credentials, ["a.b.c~d~"]);
        let back = Profile::from_json(&p.to_json()).unwrap();
        assert_eq!(back.credentials, p.credentials);
        for i in 0..MAX_CREDENTIALS {
            p.keep_credential(&format!("x.y.z{i}~"));
        }
        assert_eq!(p.credentials.len(), MAX_CREDENTIALS);
        assert_eq!(p.credentials[0], "x.y.z0~", "the oldest went first");
        // A backup's credentials join this device's.
        let mut device = Profile::new();
        device.keep_credential("m.n.o~");
        let merged = merge::merge(&device, &back, "2026-12-01T00:00:00Z");
        assert_eq!(merged.credentials, ["m.n.o~", "a.b.c~d~"]);
    }

    #[test]
    fn members_of_a_newer_version_survive_a_save() {
        let newer = r#"{"version":7,"persons":[{"id":"p1","relation":"self","values":{
            "person.name":{"value":"王小明","source":{"kind":"self_declared"},"updated":"t","confidence":0.9},
            "person.future_thing":{"value":"x","source":{"kind":"self_declared"},"updated":"t"}},
            "avatar":"🙂"}],"firms":[],"agents":[],"wallet":{"keys":[1,2]}}"#;
        let p = Profile::from_json(newer).unwrap();
        assert_eq!(p.version, 7);
        let again: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        let before: serde_json::Value = serde_json::from_str(newer).unwrap();
        assert_eq!(again, before);
    }

    #[test]
    fn numbers_of_unknown_members_survive_saves_exactly() {
        // Found by fuzzing: a long integer read as a float was written in its shortest form,
        // which read back one unit in the last place away (serde_json's fast float reading),
        // so each save changed a member this version does not even know.
        let text = format!(
            r#"{{"version":2,"persons":[],"future":[{}]}}"#,
            "2".repeat(114)
        );
        let p = Profile::from_json(&text).unwrap();
        let again = Profile::from_json(&p.to_json()).unwrap();
        assert_eq!(again, p);
        assert_eq!(again.unknown.get("future"), p.unknown.get("future"));
    }

    #[test]
    fn unreadable_files_say_why() {
        assert!(matches!(
            Profile::from_json("{"),
            Err(FormatError::NotJson { line: 1, .. })
        ));
        assert_eq!(Profile::from_json("{}"), Err(FormatError::NotAProfile));
        assert_eq!(
            Profile::from_json(r#"{"version":"two"}"#),
            Err(FormatError::BadVersion)
        );
        assert_eq!(
            Profile::from_json(r#"{"version":2,"persons":[{"id":1}]}"#),
            Err(FormatError::Invalid {
                path: "persons[0].id".into(),
                fault: Fault::WrongType
            })
        );
    }

    /// Whether `text` holds a run of `n` or more ASCII digits.
    #[cfg(not(target_arch = "wasm32"))]
    fn digit_run(text: &str, n: usize) -> bool {
        text.split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() >= n)
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the browser does not track the path
    fn a_damaged_member_is_named_by_its_path_never_by_its_value() {
        use crate::core::i18n::Lang;
        let id = "110105194912310025";
        let cases = [
            (
                format!(r#"{{"version":2,"persons":[{{"id":"p1","relation":"{id}"}}]}}"#),
                "persons[0].relation",
                Fault::UnknownChoice,
            ),
            (
                format!(
                    r#"{{"version":2,"persons":[{{"id":"p1","relation":"self","values":{{"person.id_number":{{"value":"{id}","source":{{"kind":"{id}"}},"updated":"t"}}}}}}]}}"#
                ),
                "persons[0].values.person.id_number.source.kind",
                Fault::UnknownChoice,
            ),
            (
                format!(r#"{{"version":2,"persons":[{{"id":"p1","relation":{id}}}]}}"#),
                "persons[0].relation",
                Fault::WrongType,
            ),
        ];
        for (json, path, fault) in cases {
            let error = Profile::from_json(&json).unwrap_err();
            assert_eq!(
                error,
                FormatError::Invalid {
                    path: path.into(),
                    fault
                },
                "{json}"
            );
            for text in [
                error.message(Lang::ZhCn),
                error.message(Lang::En),
                error.to_string(),
                format!("{error:?}"),
            ] {
                assert!(text.contains(path), "{text}");
                assert!(!digit_run(&text, 6), "{text} quotes digits of the value");
            }
        }
        // The browser does not track the path: the message then names the fault alone.
        let somewhere = FormatError::Invalid {
            path: String::new(),
            fault: Fault::UnknownChoice,
        };
        assert!(
            somewhere
                .message(Lang::ZhCn)
                .contains("有一个成员的取值不在可选范围内")
        );
        assert!(
            somewhere
                .message(Lang::En)
                .contains("a member holds a value that is not one of its choices")
        );
        // A member's name that is itself a long number is not shown either.
        assert_eq!(
            shown_path("unknown.110105194912310025[3].x12345"),
            "unknown.#[3].x12345"
        );
    }

    #[test]
    fn debug_never_shows_personal_data() {
        let p = Profile::demo();
        let text = format!("{p:?} {:?}", p.persons);
        for secret in ["110105199003071239", "13800138000", "王小明", "建国路"] {
            assert!(!text.contains(secret), "{secret} leaked in {text}");
        }
    }

    #[test]
    fn demo_round_trips_and_links_roles() {
        let p = Profile::demo();
        let back = Profile::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        let firm = &p.firms[0];
        let legal = p.role_holders(&firm.id, Role::LegalRep);
        assert_eq!(legal.len(), 1);
        assert_eq!(legal[0].relation, Relation::Owner);
        assert_eq!(p.role_holders(&firm.id, Role::Shareholder).len(), 2);
    }

    #[test]
    fn roles_lead_to_the_people_in_them() {
        let p = Profile::demo();
        let today = date!(2026 - 11 - 21);
        let name = |role: Option<&str>| match p.value_as(Key::PersonName, role.map(r), today) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        };
        assert_eq!(name(None).as_deref(), Some("王小明"));
        assert_eq!(name(Some("legal_rep")).as_deref(), Some("王小明"));
        assert_eq!(name(Some("finance_officer")).as_deref(), Some("李华"));
        assert_eq!(name(Some("shareholder[1]")).as_deref(), Some("李华"));
        assert_eq!(name(Some("shareholder[2]")), None);
        assert_eq!(name(Some("agent")).as_deref(), Some("李华"));
        assert_eq!(name(Some("child[0]")).as_deref(), Some("王小宝"));
        assert_eq!(name(Some("contact")), None);
        // On a form about a child, 父亲/母亲 are the child's parents: the owner and spouse by
        // sex, never the owner's own parents.
        assert_eq!(name(Some("childs_father")).as_deref(), Some("王小明"));
        assert_eq!(name(Some("childs_mother")).as_deref(), Some("李华"));
        let mut with_grandpa = p.clone();
        let mut grandpa = with_grandpa.persons[0].clone();
        grandpa.id = "p9".into();
        grandpa.relation = Relation::Father;
        grandpa.values.set(
            Key::PersonName,
            Data::Text("王大山".into()),
            Source::SelfDeclared,
            "2026-01-01T00:00:00Z",
        );
        with_grandpa.persons.push(grandpa);
        let name_in =
            |role: &str| match with_grandpa.value_as(Key::PersonName, Some(r(role)), today) {
                Some(Value::Text(t)) => Some(t),
                _ => None,
            };
        assert_eq!(name_in("father").as_deref(), Some("王大山"));
        assert_eq!(name_in("childs_father").as_deref(), Some("王小明"));
        assert!(matches!(
            p.value_as(Key::RoleSubscribedWan, Some(r("shareholder[0]")), today),
            Some(Value::Text(t)) if t == "60"
        ));
        assert!(matches!(
            p.value_as(Key::FirmName, Some(r("legal_rep")), today),
            Some(Value::Text(_))
        ));
    }

    #[test]
    fn the_firm_role_and_list_values() {
        let p = Profile::demo();
        let today = date!(2026 - 11 - 21);
        assert!(matches!(
            p.value_as(Key::ContactLandline, Some(r("firm")), today),
            Some(Value::Text(t)) if t == "0571-88881234"
        ));
        assert_eq!(p.value_as(Key::ContactLandline, None, today), None);
        assert!(matches!(
            p.value_as(Key::AgentScope, Some(r("agent")), today),
            Some(Value::List(items)) if items.len() == 3
        ));
        // Where a missing value is saved.
        let record = |id: &str| Some(Holder::Record(id.into()));
        assert_eq!(
            p.holder_of(Key::ContactLandline, Some(r("firm"))),
            record("f1")
        );
        assert_eq!(p.holder_of(Key::FirmName, None), record("f1"));
        assert_eq!(p.holder_of(Key::ContactEmail, None), record("p1"));
        assert_eq!(
            p.holder_of(Key::ContactEmail, Some(r("agent"))),
            record("p2")
        );
        assert_eq!(
            p.holder_of(Key::AgentScope, Some(r("agent"))),
            Some(Holder::Agent(0))
        );
        assert_eq!(
            p.holder_of(Key::AgentScope, Some(r("agent[1]"))),
            None,
            "one mandate"
        );
        // The second shareholder is the firm's fifth link (legal rep, finance, liaison, 2 × shareholder).
        assert_eq!(
            p.holder_of(Key::RoleSubscribedWan, Some(r("shareholder[1]"))),
            Some(Holder::RoleLink {
                firm: "f1".into(),
                index: 4
            })
        );
        assert_eq!(
            p.holder_of(Key::PersonName, Some(r("contact"))),
            None,
            "nobody"
        );
    }

    #[test]
    fn minors_are_flagged() {
        let p = Profile::demo();
        let today = date!(2026 - 11 - 21);
        let child = p
            .persons
            .iter()
            .find(|x| x.relation == Relation::Child)
            .unwrap();
        assert!(child.is_minor(today) && child.is_under_14(today));
        assert!(!p.owner().unwrap().is_minor(today));
        assert_eq!(age_on(date!(2008 - 11 - 22), today), 17);
        assert_eq!(age_on(date!(2008 - 11 - 21), today), 18);
    }
}
