//! Classification: which dictionary element a scanned field asks for, whose it is, and why.
//!
//! Precedence, strongest first:
//!
//! 1. a known form mapping ([`Mapping`]: a maintainer said so);
//! 2. the page's own `autocomplete` attribute, parsed by the WHATWG grammar (an invalid
//!    combination says nothing);
//! 3. heuristics ([`rules`]): the label, then the `name`/`id` tokens (pinyin initials such as
//!    `xm` and `sfzh`, the 人社 indicator codes such as `aac003`), then the placeholder, then
//!    the options offered (男/女, ethnic groups, provinces, 婚姻状况…); `maxlength`, `pattern`
//!    and the input type only support or weaken what those say;
//! 4. context passes over the whole page (`context`): split fields (year/month/day selects,
//!    area code + number), periods asked for as two fields (有效期限 起/止), address pickers
//!    (province → city → county), whose block a field stands in (法定代表人, 经办人, 股东 by
//!    their section headings), and refusal of duplicates.
//!
//! Every verdict carries its [`Reason`]. Ambiguity is a refusal, never a
//! guess: a label that names two elements, two fields of one form that look like the same
//! element of the same person, or an element whose owner cannot be told are all left empty.
//! Hidden, read-only, disabled, password, captcha and payment-card fields are never filled.
//!
//! [`classify_fields`] reports every field's element and role (for the CLI and the corpus);
//! [`classify_all`] is what the fill plan follows: the same verdicts, each field with the
//! [`RoleRef`] of whose it is, except that a part of a split field
//! (a year select, an area code) and a code-table element in a free-text box are left alone
//! with the reason, since the plan writes whole values and renders only sex and ethnic group as
//! words.

use std::collections::HashMap;

use serde::Serialize;

use crate::core::dictionary::{Group, Key, ValueType};
use crate::core::field::{Control, FieldDescriptor, FieldId};

mod context;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod learn;
pub mod report;
pub mod rules;

pub use crate::core::role::{Role, RoleRef};
use rules::{EXACT_LABELS, LABEL_RULES, NAME_RULES, Rule, Target};

/// Why a field was recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "detail")]
pub enum Reason {
    /// A known form mapping said so.
    Mapping(String),
    /// A valid `autocomplete` token.
    Autocomplete(String),
    /// A keyword in the label.
    Label(String),
    /// A token of the `name` or `id` attribute.
    Name(String),
    /// A keyword in the placeholder.
    Placeholder(String),
    /// The options offered (男/女, ethnic groups).
    Options(String),
    /// Neighbouring fields.
    Context(String),
}

impl Reason {
    /// Every [`kind`](Self::kind), in precedence order.
    pub const KINDS: &'static [&'static str] = &[
        "mapping",
        "autocomplete",
        "label",
        "name",
        "placeholder",
        "options",
        "context",
    ];

    /// The short name used by the CLI and tests: `autocomplete`, `label`, ...
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Mapping(_) => "mapping",
            Reason::Autocomplete(_) => "autocomplete",
            Reason::Label(_) => "label",
            Reason::Name(_) => "name",
            Reason::Placeholder(_) => "placeholder",
            Reason::Options(_) => "options",
            Reason::Context(_) => "context",
        }
    }

    /// The matched text.
    pub fn detail(&self) -> &str {
        match self {
            Reason::Mapping(d)
            | Reason::Autocomplete(d)
            | Reason::Label(d)
            | Reason::Name(d)
            | Reason::Placeholder(d)
            | Reason::Options(d)
            | Reason::Context(d) => d,
        }
    }
}

/// Why a field is left alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "detail")]
pub enum SkipReason {
    /// Not rendered.
    Hidden,
    /// `readonly`.
    ReadOnly,
    /// `disabled`.
    Disabled,
    /// Passwords, files, payment cards, one-time codes: never filled.
    NeverFilled(String),
    /// A verification code (验证码).
    Captcha,
    /// Nothing recognisable.
    Unrecognised,
    /// The label names more than one element.
    Ambiguous(Vec<Key>),
    /// The field is about somebody else (户主, 联系人, 监护人, ...).
    OtherParty(String),
    /// The field stands in a block (or outside the blocks) of a form with several people,
    /// and nothing says which of them it is: the block's heading, or the page's words.
    WhoseUnknown(String),
    /// Several fields of one form look like the same element.
    Duplicate {
        /// The element.
        key: Key,
        /// How many fields.
        count: usize,
    },
    /// A valid `autocomplete` token for something the profile does not hold.
    NotHeld(String),
    /// An element the dictionary knows of, but the profile cannot supply yet.
    NotInDictionary(String),
    /// The person chose, in an earlier review of this form, not to fill it.
    Declined,
    /// The form's mapping does not list the field (or says never to fill it).
    NotMapped,
}

/// The outcome for one field.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// Fill from `key`.
    Fill {
        /// The element.
        key: Key,
        /// Why.
        reason: Reason,
    },
    /// Leave alone.
    Skip {
        /// Why.
        reason: SkipReason,
    },
}

/// One of several fields that together hold one element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The year of a date split into selects or boxes.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
    /// The area code of a landline (区号).
    AreaCode,
    /// The number after the area code.
    Number,
    /// The extension (分机).
    Extension,
    /// The surname of a name (姓).
    Surname,
    /// The given name (名).
    Given,
    /// An address below the county (街道、路、门牌号、详址), when the divisions have fields
    /// of their own.
    Street,
    /// The country calling code of a phone number (+86).
    CountryCode,
    /// The province of an address (`address-level1`), from its division code.
    Province,
    /// The prefecture-level city (`address-level2`); a 直辖市 is its own city.
    City,
    /// The county or district (`address-level3`).
    County,
    /// The township or street office (`address-level4`), when the address names one.
    Township,
    /// The country of an address, as its ISO 3166 code (`country`: CN).
    Country,
    /// The country of an address, by name (`country-name`: 中国, or China in Latin letters).
    CountryName,
}

impl Part {
    /// The name used in output.
    pub fn id(self) -> &'static str {
        match self {
            Part::Year => "year",
            Part::Month => "month",
            Part::Day => "day",
            Part::AreaCode => "area_code",
            Part::Number => "number",
            Part::Extension => "extension",
            Part::Surname => "surname",
            Part::Given => "given",
            Part::Street => "street",
            Part::CountryCode => "country_code",
            Part::Province => "province",
            Part::City => "city",
            Part::County => "county",
            Part::Township => "township",
            Part::Country => "country",
            Part::CountryName => "country_name",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Part::Year => "年",
            Part::Month => "月",
            Part::Day => "日",
            Part::AreaCode => "区号",
            Part::Number => "号码",
            Part::Extension => "分机",
            Part::Surname => "姓",
            Part::Given => "名",
            Part::Street => "详细地址",
            Part::CountryCode => "国家代码",
            Part::Province => "省",
            Part::City => "市",
            Part::County => "县（区）",
            Part::Township => "乡（镇、街道）",
            Part::Country => "国家代码",
            Part::CountryName => "国家",
        }
    }

    /// Whether the plan writes this part of a value (see [`crate::core::plan`]): every part
    /// but those of a landline, which the profile keeps as one number.
    pub fn renders(self) -> bool {
        !matches!(self, Part::AreaCode | Part::Number | Part::Extension)
    }

    /// The WHATWG autofill field name of the part.
    fn autocomplete(self, key: Key) -> Option<&'static str> {
        match self {
            Part::Year if key == Key::PersonBirthDate => Some("bday-year"),
            Part::Month if key == Key::PersonBirthDate => Some("bday-month"),
            Part::Day if key == Key::PersonBirthDate => Some("bday-day"),
            Part::Year | Part::Month | Part::Day => None,
            Part::AreaCode => Some("tel-area-code"),
            Part::Number => Some("tel-local"),
            Part::Extension => Some("tel-extension"),
            Part::Surname => Some("family-name"),
            Part::Given => Some("given-name"),
            Part::Street => Some("address-line1"),
            Part::CountryCode => Some("tel-country-code"),
            Part::Province => Some("address-level1"),
            Part::City => Some("address-level2"),
            Part::County => Some("address-level3"),
            Part::Township => Some("address-level4"),
            Part::Country => Some("country"),
            Part::CountryName => Some("country-name"),
        }
    }
}

/// A field and its verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Classification {
    /// The field.
    pub field: FieldId,
    /// The outcome.
    pub verdict: Verdict,
    /// Whose element the field asks for, when it is not the applicant's (or the firm's the
    /// form is about): `legal_rep`, `finance_officer`, `liaison`, `agent`, `contact`,
    /// `guardian`, `father`, `mother`, `spouse`, `householder`, `obligor`, `recipient`, and
    /// numbered for
    /// roles several people hold: `shareholder[0]`, `director[1]`, `child[0]`, `member[0]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleRef>,
    /// For one of several fields that together hold one element: which part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

impl Classification {
    /// The element, when the field was recognised.
    pub fn key(&self) -> Option<Key> {
        match &self.verdict {
            Verdict::Fill { key, .. } => Some(*key),
            Verdict::Skip { .. } => None,
        }
    }

    /// The nearest WHATWG `autocomplete` field name for what the field asks for.
    pub fn autocomplete(&self) -> Option<&'static str> {
        let key = self.key()?;
        match self.part {
            Some(part) => part.autocomplete(key),
            None => nearest_token(key),
        }
    }
}

/// The WHATWG autofill field name nearest to an element (the dictionary's, and `tel` for
/// landlines and faxes, `street-address` for other one-line addresses).
pub fn nearest_token(key: Key) -> Option<&'static str> {
    key.element().autocomplete.or(match key {
        Key::ContactLandline | Key::ContactFax => Some("tel"),
        Key::PersonResidenceAddress | Key::FirmDomicile | Key::FirmOperatingAddress => {
            Some("street-address")
        }
        _ => None,
    })
}

/// A known form's fields, as a portal's maintainers (or learned corrections) describe them:
/// by `id` or `name`, the element and, for a block about somebody else, the role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// (`id` or `name` of the control, element, role).
    pub fields: Vec<(String, Key, Option<RoleRef>)>,
}

impl Mapping {
    /// Reads a mapping in the handle→element shape ([`crate::core::handle_map`]):
    /// `{"fields": {"aac003": "person.name", "fr_xm": {"key": "person.name", "role": "legal_rep"}}}`.
    /// Every entry must name an element; the first problem is the error.
    pub fn from_json(json: &str) -> Result<Mapping, String> {
        use crate::core::handle_map::{self, Problem};
        let v: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
        let fields = v
            .get("fields")
            .and_then(|f| f.as_object())
            .ok_or("no \"fields\" object")?;
        let (entries, problems) = handle_map::read(fields, &[]);
        let mut out = Mapping::default();
        for entry in entries {
            let handle = entry.handle;
            let problem = |f: fn(&Problem) -> Option<&String>| {
                problems
                    .iter()
                    .filter(|p| p.handle == handle)
                    .find_map(|p| f(&p.problem))
            };
            let key = match (entry.key, entry.object) {
                (Some(key), _) => key,
                (None, object) => {
                    return Err(
                        match problem(|p| match p {
                            Problem::UnknownKey(k) => Some(k),
                            _ => None,
                        }) {
                            Some(k) => format!("{handle}: unknown key {k:?}"),
                            // Missing, null or not a string.
                            None if object.is_some() => format!("{handle}: unknown key \"\""),
                            None => format!("{handle}: expected a key or an object"),
                        },
                    );
                }
            };
            // Other members, and a role that is not a string, are not this reader's concern.
            if let Some(r) = problem(|p| match p {
                Problem::UnknownRole(r) => Some(r),
                _ => None,
            }) {
                return Err(format!("{handle}: unknown role {r:?}"));
            }
            out.fields.push((handle.to_string(), key, entry.role));
        }
        Ok(out)
    }

    /// The element (and role) the mapping gives `field`, by its `id` or `name`.
    pub(crate) fn lookup(&self, field: &FieldDescriptor) -> Option<(Key, Option<RoleRef>)> {
        self.fields.iter().find_map(|(handle, key, role)| {
            (field.html_id.as_deref() == Some(handle) || field.name.as_deref() == Some(handle))
                .then_some((*key, *role))
        })
    }
}

// ---------------------------------------------------------------------------------------
// Matching keywords.

/// Splits text into match units: each CJK character is a unit, each run of ASCII letters and
/// digits is a lower-cased word (camelCase is split), everything else separates.
fn units(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        // Full-width letters and digits count as their ASCII forms.
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' if c.is_alphanumeric() => {
                char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
            }
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            if c.is_alphanumeric() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Where a rule's keyword matched: unit span, target, the keyword.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    start: usize,
    end: usize,
    pub target: Target,
    pub word: &'static str,
}

/// The keyword tables split into units once, indexed by their first unit.
struct Compiled {
    /// (rule index, word, its units).
    words: Vec<(usize, &'static str, Vec<String>)>,
    /// First unit → indices into `words`.
    by_first: HashMap<String, Vec<usize>>,
}

fn compile(rules: &[Rule]) -> Compiled {
    let mut words = Vec::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, rule) in rules.iter().enumerate() {
        for &word in rule.words {
            let u = units(word);
            if let Some(first) = u.first() {
                by_first.entry(first.clone()).or_default().push(words.len());
                words.push((i, word, u));
            }
        }
    }
    Compiled { words, by_first }
}

fn compiled(rules: &'static [Rule]) -> &'static Compiled {
    use std::sync::OnceLock;
    static LABELS: OnceLock<Compiled> = OnceLock::new();
    static NAMES: OnceLock<Compiled> = OnceLock::new();
    if std::ptr::eq(rules, NAME_RULES) {
        NAMES.get_or_init(|| compile(NAME_RULES))
    } else {
        LABELS.get_or_init(|| compile(LABEL_RULES))
    }
}

pub(crate) fn find_hits(text: &str, rules: &'static [Rule]) -> Vec<Hit> {
    let hay = units(text);
    let table = compiled(rules);
    let mut hits = Vec::new();
    for (start, unit) in hay.iter().enumerate() {
        let Some(candidates) = table.by_first.get(unit) else {
            continue;
        };
        for &w in candidates {
            let (rule_index, word, needle) = &table.words[w];
            let end = start + needle.len();
            if end <= hay.len() && hay[start..end] == needle[..] {
                hits.push((
                    *rule_index,
                    Hit {
                        start,
                        end,
                        target: rules[*rule_index].target,
                        word,
                    },
                ));
            }
        }
    }
    // Rules in table order, as the same-span tie-break below expects.
    crate::core::order::sort_by_key(&mut hits, |(r, h)| (*r, h.start));
    // A keyword inside a longer one is not evidence of its own (地址 in 户籍所在地址); of two
    // keywords on the same span, the earlier rule is the more specific.
    let keep: Vec<bool> = hits
        .iter()
        .map(|(ri, h)| {
            !hits.iter().any(|(rj, o)| {
                let covers = o.start <= h.start && h.end <= o.end;
                let longer = (o.end - o.start) > (h.end - h.start);
                covers && (longer || (rj < ri && o.start == h.start && o.end == h.end))
            })
        })
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|((_, h), k)| k.then_some(h))
        .collect()
}

/// A whole label that is one of the short [`EXACT_LABELS`].
fn exact_hit(text: &str) -> Option<Hit> {
    let mut t = text.trim().to_ascii_lowercase();
    // A Chinese label spaced out to the width of its neighbours (名　称, 地　址) is that label.
    if !t.chars().any(|c| c.is_ascii_alphabetic()) {
        t.retain(|c| !c.is_whitespace());
    }
    EXACT_LABELS
        .iter()
        .find(|(w, _)| *w == t)
        .map(|(w, target)| Hit {
            start: 0,
            end: 1,
            target: *target,
            word: w,
        })
}

// ---------------------------------------------------------------------------------------
// One field on its own.

/// Whose details the field's own words name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Whose {
    /// The words say nothing about it.
    Unsaid,
    /// The applicant, named (申请人姓名).
    Applicant,
    /// Somebody in a role.
    Role(Role),
    /// A heading names a person the rules do not know (残疾人信息, 老人信息): the applicant
    /// when the form has no block of its own for the applicant, somebody else when it has.
    Somebody,
}

/// A field's classification before the context passes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Draft {
    /// An element.
    Key { key: Key, reason: Reason },
    /// A period asked for by one label: the start or the end, once context tells.
    Range { from: Key, to: Key, reason: Reason },
    /// A person's element or a firm's, once context tells.
    Either {
        person: Option<Key>,
        firm: Key,
        reason: Reason,
    },
    /// Only a role word (法定代表人：[ ]): the person's name, in a text box.
    RoleOnly { reason: Reason },
    /// Left alone.
    Skip(SkipReason),
}

/// A field's own evidence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Own {
    pub draft: Draft,
    pub whose: Whose,
    pub part: Option<Part>,
}

/// The roles the hits name, each once, in a stable order.
pub(super) fn roles_of(hits: &[Hit]) -> Vec<Role> {
    let mut roles: Vec<Role> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Role(r) => Some(r),
            _ => None,
        })
        .collect();
    crate::core::order::sort(&mut roles);
    roles.dedup();
    roles
}

/// What one source of text says.
enum Said {
    Nothing,
    /// A final decision (an element, or a refusal).
    Draft(Draft),
    /// Only whose: a role or the applicant.
    Whose,
}

fn analyse(
    text: &str,
    rules: &'static [Rule],
    exact: bool,
    make: fn(String) -> Reason,
    whose: &mut Whose,
) -> Said {
    // A parenthesis explains (户籍所在地址（应冠以省份名称）, 居住地址（详细到门牌号）): its
    // words count only when those outside it say nothing.
    let hits = match exact.then(|| exact_hit(text)).flatten() {
        Some(h) => vec![h],
        None => {
            let outside = find_hits(&context::without_parentheses(text), rules);
            if outside.is_empty() {
                find_hits(text, rules)
            } else {
                outside
            }
        }
    };
    if hits.is_empty() {
        return Said::Nothing;
    }
    if let Some(h) = hits.iter().find(|h| matches!(h.target, Target::Never(_))) {
        return Said::Draft(Draft::Skip(match h.target {
            Target::Never("captcha") => SkipReason::Captcha,
            Target::Never(what) => SkipReason::NeverFilled(what.into()),
            _ => SkipReason::Unrecognised,
        }));
    }
    let roles = roles_of(&hits);
    let applicant = hits.iter().any(|h| h.target == Target::Applicant);
    match (roles.as_slice(), applicant) {
        ([], false) => {}
        ([], true) => {
            if *whose == Whose::Unsaid {
                *whose = Whose::Applicant;
            }
        }
        ([r], false) => {
            if *whose == Whose::Unsaid {
                *whose = Whose::Role(*r);
            }
        }
        (many, _) => {
            // Two roles, or a role and the applicant: whose is unclear.
            let mut names: Vec<&str> = many.iter().map(|r| r.zh()).collect();
            if applicant {
                names.insert(0, "申请人");
            }
            return Said::Draft(Draft::Skip(SkipReason::OtherParty(names.join("/"))));
        }
    }
    let mut candidates: Vec<(Target, &'static str)> = Vec::new();
    for h in &hits {
        if matches!(
            h.target,
            Target::Key(_) | Target::Range(..) | Target::Either(..)
        ) && !candidates.iter().any(|(t, _)| *t == h.target)
        {
            candidates.push((h.target, h.word));
        }
    }
    // A firm's code asked for as the USCC or the registration number it replaced
    // (统一社会信用代码/注册号): a firm that has a USCC gives it.
    if candidates.len() == 2
        && candidates
            .iter()
            .any(|(t, _)| *t == Target::Key(Key::FirmUscc))
        && candidates
            .iter()
            .any(|(t, _)| *t == Target::Key(Key::FirmRegNo))
    {
        candidates.retain(|(t, _)| *t == Target::Key(Key::FirmUscc));
    }
    // What a refusal names: the words of the page (用户名, 身分證字號), not the rule's group.
    let unheld = hits.iter().find_map(|h| match h.target {
        Target::Unheld(_) => Some(h.word),
        _ => None,
    });
    let keys_of = |c: &[(Target, &str)]| -> Vec<Key> {
        let mut keys: Vec<Key> = c
            .iter()
            .flat_map(|(t, _)| match *t {
                Target::Key(k) => vec![k],
                Target::Range(a, b) => vec![a, b],
                Target::Either(p, f) => p.into_iter().chain([f]).collect(),
                _ => vec![],
            })
            .collect();
        crate::core::order::sort(&mut keys);
        keys.dedup();
        keys
    };
    match (candidates.as_slice(), unheld) {
        ([], None) => {
            // A role word alone names the person (法定代表人, 代理人：); a role word beside
            // words the rules do not know (月收入（元） 配偶, a row label × a column header)
            // says only whose the field is.
            let covered: usize = hits.iter().map(|h| h.end - h.start).sum();
            let rest = units(&context::without_parentheses(text))
                .len()
                .saturating_sub(covered);
            if roles.is_empty() || rest > 2 {
                Said::Whose
            } else {
                Said::Draft(Draft::RoleOnly {
                    reason: make(hits[0].word.into()),
                })
            }
        }
        ([], Some(what)) => Said::Draft(Draft::Skip(SkipReason::NotInDictionary(what.into()))),
        ([(target, word)], None) => Said::Draft(match *target {
            Target::Key(key) => Draft::Key {
                key,
                reason: make((*word).into()),
            },
            Target::Range(from, to) => Draft::Range {
                from,
                to,
                reason: make((*word).into()),
            },
            Target::Either(person, firm) => Draft::Either {
                person,
                firm,
                reason: make((*word).into()),
            },
            _ => Draft::Skip(SkipReason::Unrecognised),
        }),
        (c, Some(what)) if c.len() == 1 => {
            Said::Draft(Draft::Skip(SkipReason::NotInDictionary(what.into())))
        }
        (c, _) => Said::Draft(Draft::Skip(SkipReason::Ambiguous(keys_of(c)))),
    }
}

/// What a valid `autocomplete` attribute says, per the WHATWG autofill grammar:
/// `[section-*] [shipping|billing] [home|work|mobile|fax|pager] field-name [webauthn]`,
/// where the contact modifier is only allowed before a contact field name.
/// Invalid values, `on` and `off` say nothing.
pub fn parse_autocomplete(attr: &str) -> Option<AutocompleteToken> {
    const FIELDS: &[&str] = &[
        "name",
        "honorific-prefix",
        "given-name",
        "additional-name",
        "family-name",
        "honorific-suffix",
        "nickname",
        "username",
        "new-password",
        "current-password",
        "one-time-code",
        "organization-title",
        "organization",
        "street-address",
        "address-line1",
        "address-line2",
        "address-line3",
        "address-level4",
        "address-level3",
        "address-level2",
        "address-level1",
        "country",
        "country-name",
        "postal-code",
        "cc-name",
        "cc-given-name",
        "cc-additional-name",
        "cc-family-name",
        "cc-number",
        "cc-exp",
        "cc-exp-month",
        "cc-exp-year",
        "cc-csc",
        "cc-type",
        "transaction-currency",
        "transaction-amount",
        "language",
        "bday",
        "bday-day",
        "bday-month",
        "bday-year",
        "sex",
        "url",
        "photo",
    ];
    const CONTACT_FIELDS: &[&str] = &[
        "tel",
        "tel-country-code",
        "tel-national",
        "tel-area-code",
        "tel-local",
        "tel-local-prefix",
        "tel-local-suffix",
        "tel-extension",
        "email",
        "impp",
    ];
    let lower = attr.to_ascii_lowercase();
    let mut tokens: Vec<&str> = lower.split_ascii_whitespace().collect();
    if tokens.last() == Some(&"webauthn") {
        tokens.pop();
    }
    let field = tokens.pop()?;
    let is_contact = CONTACT_FIELDS.contains(&field);
    if !is_contact && !FIELDS.contains(&field) {
        return None;
    }
    let mut token = AutocompleteToken {
        field: field.to_string(),
        section: None,
        mode: None,
        contact: None,
    };
    if is_contact
        && let Some(&m) = tokens.last()
        && ["home", "work", "mobile", "fax", "pager"].contains(&m)
    {
        token.contact = Some(m.to_string());
        tokens.pop();
    }
    if let Some(&m) = tokens.last()
        && (m == "shipping" || m == "billing")
    {
        token.mode = Some(m.to_string());
        tokens.pop();
    }
    if let Some(&s) = tokens.last()
        && s.starts_with("section-")
    {
        token.section = Some(s.to_string());
        tokens.pop();
    }
    tokens.is_empty().then_some(token)
}

/// A parsed `autocomplete` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutocompleteToken {
    /// The autofill field name, e.g. `bday`, `tel`.
    pub field: String,
    /// `section-*`, if given.
    pub section: Option<String>,
    /// `shipping` or `billing`.
    pub mode: Option<String>,
    /// `home`, `work`, `mobile`, `fax` or `pager`.
    pub contact: Option<String>,
}

/// Whether a field asks in Latin letters: its label and placeholder have letters and no
/// Han (or other non-ASCII) letters.
fn latin_script(field: &FieldDescriptor) -> bool {
    let texts = [field.label.as_deref(), field.placeholder.as_deref()];
    let mut letters = false;
    for t in texts.into_iter().flatten() {
        if t.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
            return false;
        }
        letters |= t.chars().any(|c| c.is_ascii_alphabetic());
    }
    letters
}

/// The element (and part) a valid token denotes; `Err` when the profile never fills it.
///
/// Decisions where the standard leaves room:
/// * `off` (and `on`, and any invalid value) is no token: [`parse_autocomplete`] gives `None`
///   and labels decide, as the HTML standard says of an invalid value. `off` tells a browser
///   not to offer its own stored entries; government forms set it on every field by habit,
///   and OnceFill fills only what the person reviewed and ticked, from their own profile.
/// * `family-name`/`given-name` are parts of the name ([`Part::Surname`], [`Part::Given`]),
///   of the Latin name when the field is labelled in Latin letters; `additional-name` is
///   refused (a Chinese name has no middle name).
/// * `address-line1` is the address under the divisions ([`Part::Street`]), which forms
///   ask in `address-level1..4`; `address-line2`/`address-line3` are refused (a Chinese
///   address has no further lines).
/// * `address-level1..4` are the province, the city (a 直辖市 is its own), the county and the
///   township of the same address ([`Part::Province`] … [`Part::Township`]), read from its
///   division code and the GB/T 2260 tables; a township only when the address names one.
/// * `tel-national` is the number without the country code: a mainland mobile's eleven
///   digits. `tel-country-code` of a mobile is +86 (the profile holds mainland numbers only).
///   `tel-local-prefix`/`tel-local-suffix` split a local number as the North American plan
///   does (555-6502: exchange and line); a mainland mobile is grouped 3-4-4 and a landline's
///   local number has no such halves, so both are never filled ([`SkipReason::NeverFilled`])
///   rather than cut somewhere.
/// * `country`/`country-name` is the country of the address ([`Part::Country`],
///   [`Part::CountryName`]): CN / 中国 (China when the field asks in Latin letters) for a
///   person whose ID is a mainland resident ID, whose registered address is in China; for
///   anyone else the plan refuses it. It is not the nationality.
/// * `organization` is the employer of a person, and on a firm's form (outside a person's
///   block) the firm's name; `organization-title` is the person's occupation (his position
///   when the label names the post: 职务, 岗位).
/// * `additional-name` is refused: a Chinese name has no middle name, and the profile keeps
///   none.
/// * `shipping`/`billing` fields are a block of somebody else's (the recipient's, the
///   payer's), refused as such, unless the field's own words name the applicant (申请人, 本人).
/// * `section-*` groups fields into blocks: whose one field of a section is, its unmarked
///   fields are (see `context`).
fn from_autocomplete(token: &AutocompleteToken) -> Result<(Key, Option<Part>), SkipReason> {
    let f = token.field.as_str();
    if f.starts_with("cc-") || f.ends_with("password") || f == "one-time-code" {
        return Err(SkipReason::NeverFilled(f.into()));
    }
    let not_held = || SkipReason::NotHeld(f.into());
    let contact = token.contact.as_deref();
    Ok(match f {
        "name" => (Key::PersonName, None),
        "family-name" => (Key::PersonName, Some(Part::Surname)),
        "given-name" => (Key::PersonName, Some(Part::Given)),
        "sex" => (Key::PersonSex, None),
        "bday" => (Key::PersonBirthDate, None),
        "bday-year" => (Key::PersonBirthDate, Some(Part::Year)),
        "bday-month" => (Key::PersonBirthDate, Some(Part::Month)),
        "bday-day" => (Key::PersonBirthDate, Some(Part::Day)),
        "tel" | "tel-national" => match contact {
            None | Some("mobile") => (Key::ContactMobile, None),
            Some("home" | "work") => (Key::ContactLandline, None),
            Some("fax") => (Key::ContactFax, None),
            _ => return Err(not_held()),
        },
        "tel-area-code" if contact != Some("mobile") => {
            (Key::ContactLandline, Some(Part::AreaCode))
        }
        "tel-local" if contact != Some("mobile") => (Key::ContactLandline, Some(Part::Number)),
        "tel-extension" => (Key::ContactLandline, Some(Part::Extension)),
        "email" => (Key::ContactEmail, None),
        // No sane halves of a mainland number (see above): never filled, whatever the profile.
        "tel-local-prefix" | "tel-local-suffix" => return Err(SkipReason::NeverFilled(f.into())),
        "street-address" => (Key::PersonHukouAddress, None),
        // The first line holds what is under the divisions (which have address-level1..4);
        // a Chinese address has no second or third line (refused below as not held).
        "address-line1" => (Key::PersonHukouAddress, Some(Part::Street)),
        "tel-country-code" if matches!(contact, None | Some("mobile")) => {
            (Key::ContactMobile, Some(Part::CountryCode))
        }
        // The divisions of the same address, from its division code.
        "address-level1" => (Key::PersonHukouAddress, Some(Part::Province)),
        "address-level2" => (Key::PersonHukouAddress, Some(Part::City)),
        "address-level3" => (Key::PersonHukouAddress, Some(Part::County)),
        "address-level4" => (Key::PersonHukouAddress, Some(Part::Township)),
        "country" => (Key::PersonHukouAddress, Some(Part::Country)),
        "country-name" => (Key::PersonHukouAddress, Some(Part::CountryName)),
        "postal-code" => (Key::ContactPostalCode, None),
        "organization" => (Key::PersonEmployer, None),
        "organization-title" => (Key::PersonOccupation, None),
        _ => return Err(not_held()),
    })
}

/// Which code table a set of options comes from.
fn options_key(field: &FieldDescriptor) -> Option<(Key, &'static str)> {
    use crate::core::codes::{self, TableId};
    if !matches!(field.control, Control::Select | Control::RadioGroup) {
        return None;
    }
    let texts: Vec<&str> = field
        .options
        .iter()
        .map(|o| o.text.trim())
        .filter(|t| !t.is_empty() && !t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let has = |w: &str| texts.iter().any(|t| t.eq_ignore_ascii_case(w));
    if (has("男") && has("女")) || (has("Male") && has("Female")) {
        return Some((Key::PersonSex, "男/女"));
    }
    // How many options a table knows, counting no further than `cap`.
    let count = |table: TableId, cap: usize| {
        texts
            .iter()
            .filter(|t| codes::lookup(table, t).is_some_and(|c| c.code != "97" && c.code != "90"))
            .take(cap)
            .count()
    };
    if count(TableId::Ethnicity, 10) >= 10 {
        return Some((Key::PersonEthnicity, "汉族/蒙古族/…"));
    }
    let provinces = codes::provinces();
    let province_count = texts
        .iter()
        .filter(|t| {
            provinces
                .iter()
                .any(|p| p.name == **t || p.short_name() == **t)
        })
        .count();
    if province_count >= 10 {
        return Some((Key::AddressProvince, "北京市/天津市/…"));
    }
    let candidates = [
        (
            TableId::MaritalStatus,
            Key::PersonMaritalStatus,
            3,
            "未婚/已婚/…",
        ),
        (
            TableId::PoliticalStatus,
            Key::PersonPoliticalStatus,
            3,
            "中共党员/群众/…",
        ),
        (TableId::Education, Key::PersonEducation, 3, "本科/大专/…"),
        (
            TableId::IdDocumentType,
            Key::PersonIdType,
            2,
            "居民身份证/护照/…",
        ),
    ];
    // Legal forms of a firm (有限责任公司, 合伙企业): the firm's type, whatever the label calls it
    // (单位性质 is elsewhere its category).
    let legal_forms = texts
        .iter()
        .filter(|t| t.ends_with("公司") || t.ends_with("合伙企业") || t.ends_with("独资企业"))
        .count();
    if legal_forms >= 2 && legal_forms * 2 > texts.len() {
        return Some((Key::FirmType, "有限责任公司/…"));
    }
    let mut best: Option<(Key, &'static str, usize)> = None;
    for (table, key, min, word) in candidates {
        let n = count(table, usize::MAX);
        if n >= min && n * 2 > texts.len() && best.is_none_or(|(_, _, b)| n > b) {
            best = Some((key, word, n));
        }
    }
    best.map(|(k, w, _)| (k, w))
}

/// Input types that never receive profile data.
const NEVER_TYPES: &[&str] = &[
    "password", "hidden", "file", "submit", "button", "image", "reset", "color", "range",
];

/// A source of evidence: its text, the rules that read it, whether whole short labels count,
/// the reason it gives. The first source that decides wins (see [`own`]).
type Source = (Option<String>, &'static [Rule], bool, fn(String) -> Reason);

/// A field's own evidence, before context.
pub(crate) fn own(
    field: &FieldDescriptor,
    mapping: Option<&Mapping>,
    options: Option<(Key, &'static str)>,
) -> Own {
    let skip = |reason| Own {
        draft: Draft::Skip(reason),
        whose: Whose::Unsaid,
        part: None,
    };
    let input_type = field.input_type();
    if NEVER_TYPES.contains(&input_type) {
        return skip(SkipReason::NeverFilled(input_type.into()));
    }
    if !field.visible {
        return skip(SkipReason::Hidden);
    }
    // A cascade's empty select is disabled only until the level above is chosen.
    if field.disabled && !field.awaits_options() {
        return skip(SkipReason::Disabled);
    }
    if field.readonly {
        return skip(SkipReason::ReadOnly);
    }
    if let Some((key, role)) = mapping.and_then(|m| m.lookup(field)) {
        return Own {
            draft: Draft::Key {
                key,
                reason: Reason::Mapping(
                    field
                        .name
                        .clone()
                        .or(field.html_id.clone())
                        .unwrap_or_default(),
                ),
            },
            whose: role.map_or(Whose::Applicant, |r| Whose::Role(r.role)),
            part: None,
        };
    }
    let mut whose = Whose::Unsaid;
    let sources: [Source; 3] = [
        (field.label.clone(), LABEL_RULES, true, Reason::Label),
        (name_tokens(field), NAME_RULES, false, Reason::Name),
        (
            field.placeholder.clone(),
            LABEL_RULES,
            true,
            Reason::Placeholder,
        ),
    ];
    let mut role_only: Option<Draft> = None;
    let mut decided: Option<Draft> = None;
    for (text, rules, exact, make) in sources {
        let Some(text) = text else { continue };
        match analyse(&text, rules, exact, make, &mut whose) {
            Said::Nothing | Said::Whose => {}
            Said::Draft(d @ Draft::RoleOnly { .. }) => {
                role_only.get_or_insert(d);
            }
            Said::Draft(d) => {
                decided = Some(d);
                break;
            }
        }
    }
    // The page's own autocomplete token outranks every heuristic (the words above still tell
    // whose the field is).
    if let Some(token) = field.autocomplete.as_deref().and_then(parse_autocomplete) {
        // A shipping or billing block is somebody's the page does not name (whoever receives
        // the post, whoever pays), unless the field's own words say it is the applicant's, or,
        // for shipping, name the recipient (收件人: the recipient's, as the words alone say).
        if let Some(mode) = token.mode.as_deref()
            && whose != Whose::Applicant
            && !(mode == "shipping" && whose == Whose::Role(Role::Recipient))
        {
            return Own {
                draft: Draft::Skip(SkipReason::OtherParty(
                    if mode == "shipping" {
                        Role::Recipient.zh()
                    } else {
                        "付款人"
                    }
                    .into(),
                )),
                whose,
                part: None,
            };
        }
        return match from_autocomplete(&token) {
            // `organization` is the firm's name on a firm's form, outside a person's block
            // (the context pass decides, as for 单位名称); elsewhere the person's employer.
            Ok((Key::PersonEmployer, None)) => Own {
                draft: Draft::Either {
                    person: Some(Key::PersonEmployer),
                    firm: Key::FirmName,
                    reason: Reason::Autocomplete(token.field.clone()),
                },
                whose,
                part: None,
            },
            // `street-address` says a street address, not whose: a label that names another
            // address (通讯地址, 居住地址) decides which one it is.
            Ok((Key::PersonHukouAddress, None))
                if matches!(
                    decided,
                    Some(Draft::Key {
                        key: Key::PersonResidenceAddress,
                        ..
                    })
                ) =>
            {
                Own {
                    draft: decided.unwrap_or(Draft::Skip(SkipReason::Unrecognised)),
                    whose,
                    part: None,
                }
            }
            Ok((key, part)) => Own {
                draft: Draft::Key {
                    // A surname or given name asked for in Latin letters is the Latin name's.
                    key: match part {
                        Some(Part::Surname | Part::Given) if latin_script(field) => {
                            Key::PersonNameLatin
                        }
                        _ => key,
                    },
                    reason: Reason::Autocomplete(token.field.clone()),
                },
                whose,
                part,
            },
            Err(reason) => Own {
                draft: Draft::Skip(reason),
                whose,
                part: None,
            },
        };
    }
    let draft = match decided {
        Some(d) => d,
        None => match options {
            Some((key, word)) => Draft::Key {
                key,
                reason: Reason::Options(word.into()),
            },
            None => match role_only {
                Some(d) => d,
                None if input_type == "email" => Draft::Key {
                    key: Key::ContactEmail,
                    reason: Reason::Context("type=email".into()),
                },
                None => Draft::Skip(SkipReason::Unrecognised),
            },
        },
    };
    Own {
        draft: support(
            foreign_language(
                field,
                more_than_a_house_number(
                    field,
                    a_home_address(field, unlike_options(field, draft)),
                ),
            ),
            options,
        ),
        whose,
        part: None,
    }
}

/// A firm's name or an address asked for in a foreign language (经营场所（英文）, the English
/// words in a parenthesis the rules otherwise pass over): the profile holds them in Chinese
/// only, so the field is refused.
fn foreign_language(field: &FieldDescriptor, draft: Draft) -> Draft {
    let says = [field.label.as_deref(), field.placeholder.as_deref()]
        .into_iter()
        .flatten()
        .any(|t| t.contains("英文") || t.contains("外文"));
    if !says {
        return draft;
    }
    let keys: Vec<Key> = match &draft {
        Draft::Key { key, .. } => vec![*key],
        Draft::Either { person, firm, .. } => person.iter().copied().chain([*firm]).collect(),
        _ => return draft,
    };
    if keys
        .iter()
        .any(|k| *k == Key::FirmName || k.element().value == ValueType::Address)
    {
        Draft::Skip(SkipReason::NotInDictionary("外文".into()))
    } else {
        draft
    }
}

/// A box for 家庭住址 (where the family lives) is the registered address on some forms and
/// the residence on others, and the form does not say which: refused rather than guessed. A
/// select of its divisions (the first of a cascade) still starts the cascade.
fn a_home_address(field: &FieldDescriptor, draft: Draft) -> Draft {
    match &draft {
        Draft::Key {
            key: Key::PersonHukouAddress,
            reason: Reason::Label(word),
        } if word.starts_with("家庭")
            && !matches!(field.control, Control::Select | Control::RadioGroup) =>
        {
            Draft::Skip(SkipReason::NotInDictionary(word.clone()))
        }
        _ => draft,
    }
}

/// Words of a placeholder that asks for more than a house number (小区、楼号、单元、室): all of an
/// address below its divisions.
const BELOW_A_HOUSE_NUMBER: [&str; 6] = ["小区", "楼号", "楼栋", "单元", "室", "房号"];

/// A 门牌号 box whose placeholder asks for the estate, building and flat as well is the rest
/// of an address under its divisions, not the house number alone: refused, as a detail box
/// under a cascade of divisions is (the number alone would leave out the rest).
fn more_than_a_house_number(field: &FieldDescriptor, draft: Draft) -> Draft {
    let asks_more = field
        .placeholder
        .as_deref()
        .is_some_and(|p| BELOW_A_HOUSE_NUMBER.iter().any(|w| p.contains(w)));
    match &draft {
        Draft::Key {
            key: Key::AddressHouseNo,
            reason,
        } if asks_more => Draft::Skip(SkipReason::NotInDictionary(reason.detail().into())),
        _ => draft,
    }
}

/// A 户口性质 choice none of whose options is a kind of household registration (户籍类型 with
/// 本市户籍 / 非本市户籍: whether the person is registered locally) asks something else.
fn unlike_options(field: &FieldDescriptor, draft: Draft) -> Draft {
    use crate::core::codes::{self, TableId};
    let Draft::Key {
        key: Key::PersonHukouType,
        reason,
    } = &draft
    else {
        return draft;
    };
    if !matches!(field.control, Control::Select | Control::RadioGroup) {
        return draft;
    }
    const LOCAL: [&str; 6] = ["本市", "本地", "外地", "本省", "外省", "本县"];
    let choices: Vec<(&str, &str)> = field
        .options
        .iter()
        .filter(|o| !o.value.trim().is_empty())
        .map(|o| (o.text.trim(), o.value.trim()))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    if choices.len() >= 2
        && choices
            .iter()
            .any(|(t, _)| LOCAL.iter().any(|w| t.contains(w)))
        && choices.iter().all(|(t, v)| {
            codes::lookup(TableId::HukouType, t).is_none()
                && codes::lookup(TableId::HukouType, v).is_none()
        })
    {
        return Draft::Skip(SkipReason::NotInDictionary(reason.detail().into()));
    }
    draft
}

fn name_tokens(field: &FieldDescriptor) -> Option<String> {
    let joined = [field.name.as_deref(), field.html_id.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// Weighs supporting evidence: options that plainly belong to another code table than the
/// element make the field ambiguous. (`maxlength`, `pattern` and the input type decide
/// nothing on their own: a field with a wrong length is still what its label says, and a
/// control that cannot hold the value is refused by [`compatible`].)
fn support(draft: Draft, options: Option<(Key, &'static str)>) -> Draft {
    match (draft, options) {
        (Draft::Key { key, reason }, Some((other, _)))
            if other != key && !matches!(reason, Reason::Options(_)) =>
        {
            let mut keys = vec![key, other];
            crate::core::order::sort(&mut keys);
            Draft::Skip(SkipReason::Ambiguous(keys))
        }
        (
            Draft::Either {
                person,
                firm,
                reason,
                ..
            },
            Some((other, _)),
        ) if other != firm && person != Some(other) && !matches!(reason, Reason::Options(_)) => {
            let mut keys: Vec<Key> = person.into_iter().chain([firm, other]).collect();
            crate::core::order::sort(&mut keys);
            Draft::Skip(SkipReason::Ambiguous(keys))
        }
        (draft, _) => draft,
    }
}

/// Whether the control can hold the element's value (a date not in `type=email`, a name not
/// in a checkbox, a code-table value in a select or radio group).
fn compatible(field: &FieldDescriptor, key: Key, part: Option<Part>) -> bool {
    let t = field.input_type();
    if part.is_some() {
        return matches!(
            t,
            "text" | "select" | "number" | "tel" | "search" | "textarea" | ""
        );
    }
    match key.element().value {
        ValueType::PastDate | ValueType::Date | ValueType::DateOrLongTerm => {
            matches!(t, "text" | "date" | "month" | "search" | "select" | "")
        }
        ValueType::Mobile | ValueType::Landline => {
            matches!(t, "text" | "tel" | "number" | "search" | "")
        }
        ValueType::Email => matches!(t, "text" | "email" | ""),
        ValueType::Postcode | ValueType::Count | ValueType::AmountWan => {
            matches!(t, "text" | "number" | "tel" | "search" | "")
        }
        ValueType::Code(_) | ValueType::Division => {
            matches!(t, "text" | "select" | "radio" | "")
        }
        ValueType::Reference | ValueType::List => false,
        ValueType::Text => matches!(t, "text" | "textarea" | "search" | "select" | "radio" | ""),
        ValueType::Address => matches!(t, "text" | "textarea" | "search" | ""),
        _ => matches!(t, "text" | "search" | ""),
    }
}

/// Whether a role attaches to an element: a person's own elements do (and a person's relation
/// to the applicant); a firm's, an agency's, a household's and the form's own do not.
fn takes_role(key: Key) -> bool {
    key == Key::AgentRelation
        || !matches!(
            key.element().group,
            Group::Firm | Group::Agent | Group::Family | Group::Meta
        )
}

/// Classifies one field on its own, without the page's context, as the plan would use it:
/// a field about somebody else is left alone.
pub fn classify(field: &FieldDescriptor) -> Verdict {
    let own = own(field, None, options_key(field));
    let c = finish(field, context::alone(own));
    // A bare verdict cannot say whose element it is: a field about somebody else is refused.
    let c = whole_values_only(c);
    match (&c.verdict, &c.role) {
        (Verdict::Fill { .. }, Some(role)) => Verdict::Skip {
            reason: SkipReason::OtherParty(role.role.zh().into()),
        },
        _ => c.verdict,
    }
}

/// The final verdict of a field, with whose it is and which part.
pub(crate) struct Final {
    pub draft: Draft,
    pub role: Option<RoleRef>,
    pub part: Option<Part>,
}

fn finish(field: &FieldDescriptor, f: Final) -> Classification {
    let verdict = match f.draft {
        Draft::Key { key, reason } => {
            if compatible(field, key, f.part) {
                Verdict::Fill { key, reason }
            } else {
                Verdict::Skip {
                    reason: SkipReason::NeverFilled(field.input_type().into()),
                }
            }
        }
        Draft::Range { from, to, .. } => Verdict::Skip {
            reason: SkipReason::Ambiguous(vec![from, to]),
        },
        Draft::Either { person, firm, .. } => Verdict::Skip {
            reason: SkipReason::Ambiguous(person.into_iter().chain([firm]).collect()),
        },
        Draft::RoleOnly { .. } => Verdict::Skip {
            reason: SkipReason::Unrecognised,
        },
        Draft::Skip(reason) => Verdict::Skip { reason },
    };
    let fill = matches!(verdict, Verdict::Fill { .. });
    let role = f
        .role
        .filter(|_| fill && matches!(verdict, Verdict::Fill { key, .. } if takes_role(key)));
    Classification {
        field: field.id.clone(),
        verdict,
        role,
        part: f.part.filter(|_| fill),
    }
}

/// Classifies every field of a page: own evidence, then the context passes. Fields about
/// somebody else keep their element and carry a role.
pub fn classify_fields(fields: &[FieldDescriptor]) -> Vec<Classification> {
    classify_fields_with(fields, None)
}

/// As [`classify_fields`], with a known mapping of the form.
pub fn classify_fields_with(
    fields: &[FieldDescriptor],
    mapping: Option<&Mapping>,
) -> Vec<Classification> {
    let options: Vec<Option<(Key, &'static str)>> = fields.iter().map(options_key).collect();
    let owns: Vec<Own> = fields
        .iter()
        .zip(&options)
        .map(|(f, o)| own(f, mapping, *o))
        .collect();
    let finals = context::run(fields, owns, &options);
    let mut out: Vec<Classification> = fields
        .iter()
        .zip(finals)
        .map(|(f, fin)| finish(f, fin))
        .collect();
    context::refuse_duplicates(fields, &mut out);
    out
}

/// What the fill plan follows: [`classify_fields`], with parts of split fields and code-table
/// elements in free-text boxes left alone (the plan writes whole values, and renders only sex
/// and ethnic group as words). Fields about somebody else keep their role; the plan looks the
/// value up through the profile's role links.
pub fn classify_all(fields: &[FieldDescriptor]) -> Vec<Classification> {
    classify_fields(fields)
        .into_iter()
        .zip(fields)
        .map(|(c, f)| coded_text(whole_values_only(c), f))
        .collect()
}

/// What the fill plan follows on a page the person corrected before: their corrections
/// (`learned`, see [`learn`]) come first, as a known mapping.
pub fn classify_all_with(
    fields: &[FieldDescriptor],
    learned: &[learn::LearnedPage],
    page: &str,
) -> Vec<Classification> {
    let mapping = learn::mapping_for(learned, page);
    let mut out: Vec<Classification> =
        classify_fields_with(fields, (!mapping.fields.is_empty()).then_some(&mapping))
            .into_iter()
            .zip(fields)
            .map(|(c, f)| coded_text(whole_values_only(c), f))
            .collect();
    learn::apply_declined(learned, page, fields, &mut out);
    out
}

/// A code-table element typed into a free-text box would be written as its bare code (`20`
/// for 已婚): the plan renders only sex and ethnic group as words. Such a field is left alone.
fn coded_text(mut c: Classification, field: &FieldDescriptor) -> Classification {
    if let Verdict::Fill { key, .. } = c.verdict
        && matches!(field.control, Control::Input { .. } | Control::TextArea)
        && match key.element().value {
            ValueType::Code(t) => !matches!(
                t,
                crate::core::dictionary::Table::Sex | crate::core::dictionary::Table::Ethnicity
            ),
            ValueType::Division => true,
            _ => false,
        }
    {
        c.verdict = Verdict::Skip {
            reason: SkipReason::NeverFilled(format!("{}（代码）", key.element().zh)),
        };
    }
    c
}

/// Fields about somebody else are planned from the profile's role links (the plan says when
/// the profile has nobody in that role); the plan renders the parts of a date, of a name,
/// the address under the divisions and a phone's country code ([`Part::renders`]); the
/// parts of a landline are left alone.
fn whole_values_only(mut c: Classification) -> Classification {
    if let Verdict::Fill { key, .. } = c.verdict {
        if let Some(part) = c.part.filter(|p| !p.renders()) {
            c.verdict = Verdict::Skip {
                reason: SkipReason::NeverFilled(format!("{}（{}）", key.element().zh, part.zh())),
            };
        }
    }
    c
}

#[cfg(test)]
mod tests;
