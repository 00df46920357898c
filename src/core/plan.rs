//! Planning: the value each classified field receives, in the target's own format.
//!
//! The plan holds the values to write and, for the review panel, what to show (sensitive
//! values masked) and why. It never guesses: a select without a matching option, a value
//! longer than the field allows, or an element the profile lacks becomes a [`Skipped`] entry
//! with its reason. A field that already has content is planned but not selected, so it is
//! only overwritten when the person ticks it.
//!
//! Every field is planned the same way: its value and a transform make its action in one
//! function, [`fill_action`]. The transform is the mapping's when the form has one
//! ([`crate::core::mapped`]), else the one [`transform_for`] chooses from the field:
//!
//! Formats: sex goes into a radio group or select by option text (男/女) or by the GB/T 2261.1
//! code (1/2); a date goes into `<input type=date>` as `YYYY-MM-DD`, into a field whose label or
//! placeholder shows `YYYY年MM月DD日` in that form, and likewise `YYYYMMDD`, `YYYY/MM/DD`,
//! `YYYY-MM` (also `<input type=month>`).

use serde::Serialize;
use time::Date;

use crate::core::classify::{Classification, Part, Reason, SkipReason, Verdict};
use crate::core::dictionary::Key;
use crate::core::field::{
    Concealment, Control, FieldDescriptor, FieldId, FieldOption, Fingerprint, fingerprints,
};
use crate::core::ids::Sex;
use crate::core::mask::{Secret, mask_for_display};
use crate::core::people::{Form, Question, answer, block_of, decide, question, several_children};
use crate::core::profile::{Profile, Value};
use crate::core::role::{RoleRef, Who};
use crate::core::transform::{
    AddressPart, By, DatePart, Lookup, NamePart, Output, PickBy, Transform, apply, format_pattern,
    in_words,
};

/// What the DOM adapter does to one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "do")]
pub enum FillAction {
    /// Type text into an input or textarea.
    Text {
        /// The text (masked in `Debug`, never serialised).
        #[serde(skip)]
        value: Secret,
    },
    /// Choose an option of a select by its index.
    Select {
        /// Option index.
        index: usize,
    },
    /// Check one radio of a group.
    Radio {
        /// The radio to check.
        option: FieldId,
    },
    /// Tick or untick a checkbox.
    Check {
        /// Ticked.
        on: bool,
    },
    /// Choose an option of a select that has none yet: the page adds them only once the
    /// select before it is chosen (province → city → county). Reviewed like any other step;
    /// filled after the one before it, when its options have come.
    Later {
        /// The choice in words (masked in `Debug`, never serialised).
        #[serde(skip)]
        text: Secret,
    },
}

/// Whether a value ticks a checkbox: its own label or value (长期, 是), or a yes.
fn ticks(field: &FieldDescriptor, text: &str) -> bool {
    names(field, text)
        || matches!(
            text.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "y" | "on" | "checked" | "是"
        )
}

/// Whether `text` is a checkbox's own label or value.
fn names(field: &FieldDescriptor, text: &str) -> bool {
    let t = text.trim();
    field.label.as_deref().map(str::trim) == Some(t)
        || field.options.iter().any(|o| o.value.trim() == t)
}

/// One planned fill.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FillStep {
    /// The field.
    pub field: FieldId,
    /// The field's label as the page shows it.
    pub label: String,
    /// The element it is filled from.
    pub key: Key,
    /// Whose element, when not the applicant's (`legal_rep`, `shareholder[1]`, ...).
    pub role: Option<RoleRef>,
    /// Why the field was recognised.
    pub reason: Reason,
    /// What to do.
    pub action: FillAction,
    /// The value as shown in review: masked when the element is sensitive.
    pub shown: String,
    /// Whether the value is sensitive (review offers a reveal button).
    pub sensitive: bool,
    /// The field already has content: planned, but only filled when the person ticks it.
    pub overwrites: bool,
    /// Ticked in review.
    pub selected: bool,
    /// The page hides the field from the person: shown in review with this reason, never
    /// ticked, never filled.
    pub concealed: Option<Concealment>,
    /// The form's mapping requires verified data for the field and the profile's value is
    /// self-declared or derived: shown in review with [`FillStep::note`], not ticked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

impl FillStep {
    /// What review says of the step beside its value, if anything: 此项要求经核验的资料，您的资料是自填的
    /// for a value the form wants verified.
    pub fn note(&self, lang: crate::core::i18n::Lang) -> Option<String> {
        self.unverified
            .then(|| crate::core::i18n::tr(lang, "plan-verified-required", &[]))
    }

    /// The full value for the reveal button. Sensitive; shown only at the person's request.
    pub fn reveal(&self, options: &[FieldOption]) -> String {
        match &self.action {
            FillAction::Text { value } => value.expose().to_string(),
            FillAction::Select { index } => options
                .get(*index)
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            FillAction::Radio { option } => options
                .iter()
                .find(|o| o.id.as_ref() == Some(option))
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            FillAction::Check { on } => if *on { "☑" } else { "☐" }.to_string(),
            FillAction::Later { text } => text.expose().to_string(),
        }
    }
}

/// Why a reviewed step may not be carried out on the page as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drift {
    /// No control carries the step's handle any more.
    Missing,
    /// The control carrying the handle is not the one reviewed: it is described differently,
    /// its options changed, or more than one control carries the handle.
    Changed,
}

/// The fields the person reviewed beside the same page described again just before the fill:
/// a step is carried out only on the control it was reviewed for.
pub struct Recheck<'a> {
    reviewed: &'a [FieldDescriptor],
    now: &'a [FieldDescriptor],
    before: Vec<Fingerprint<'a>>,
    after: Vec<Fingerprint<'a>>,
}

impl<'a> Recheck<'a> {
    /// Compares `reviewed` (what the plan was made from) with `now` (a new scan).
    pub fn new(reviewed: &'a [FieldDescriptor], now: &'a [FieldDescriptor]) -> Self {
        Recheck {
            reviewed,
            now,
            before: fingerprints(reviewed),
            after: fingerprints(now),
        }
    }

    /// The control's description now, when it is still the one reviewed for `step`.
    pub fn check(&self, step: &FillStep) -> Result<&'a FieldDescriptor, Drift> {
        let Some(r) = self.reviewed.iter().position(|f| f.id == step.field) else {
            return Err(Drift::Changed);
        };
        let mut carriers = self
            .now
            .iter()
            .enumerate()
            .filter(|(_, f)| f.id == step.field);
        let (n, now) = carriers.next().ok_or(Drift::Missing)?;
        // The options too: a select's chosen index, a radio's handle, mean the same only if
        // every option is where it was.
        if carriers.next().is_some()
            || self.before[r] != self.after[n]
            || self.reviewed[r].options != now.options
        {
            return Err(Drift::Changed);
        }
        Ok(now)
    }
}

/// Why a field is not in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "detail")]
pub enum NotPlanned {
    /// Classification left it alone.
    Skipped(SkipReason),
    /// The profile does not hold the element yet.
    NotInProfile(Key),
    /// The person in a role (the legal representative, a shareholder) lacks the element.
    RoleLacks {
        /// The element.
        key: Key,
        /// The role, e.g. `legal_rep`.
        role: RoleRef,
    },
    /// No option of the select or radio group matches the profile's value.
    NoMatchingOption(Key),
    /// The form's format could not be made from the value (the transform's error code).
    Transform(String),
    /// The value is longer than `maxlength`.
    TooLong {
        /// The element.
        key: Key,
        /// The field's limit.
        max: u32,
    },
    /// The page hides the field from the person (and it was not recognised, or there is
    /// nothing to put in it): never asked for, never filled.
    Concealed(Concealment),
    /// The field belongs to somebody of the household the profile cannot single out: 男方,
    /// 女方 or a child's father or mother when the profile does not say which of the owner and
    /// the spouse is of that sex, or the child of a form about one child when the profile has
    /// several.
    Undecided(RoleRef),
    /// The person said nobody fills this block (不填): the applicant's own block (`None`) or a
    /// role's.
    NotAssigned(Option<RoleRef>),
    /// The page asks for the country of an address (`country`, `country-name`) and the
    /// person's ID is not a mainland resident ID, so the profile cannot say it is China.
    CountryUnknown,
}

/// A field left alone, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The field.
    pub field: FieldId,
    /// Its label, or its name when it has none.
    pub label: String,
    /// Why.
    pub why: NotPlanned,
}

/// The plan for a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FillPlan {
    /// Fields to fill, in document order.
    pub steps: Vec<FillStep>,
    /// Fields left alone, in document order.
    pub skipped: Vec<Skipped>,
    /// Whose each block is, asked of the person when the form has several people and the
    /// profile cannot decide one of them ([`crate::core::people`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
}

/// How a date is written into a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// `1990-03-07`.
    Iso,
    /// `1990年03月07日`.
    Chinese,
    /// `19900307`.
    Compact,
    /// `1990/03/07`.
    Slashed,
    /// `1990-03`.
    YearMonth,
    /// `1990年03月`.
    ChineseYearMonth,
}

/// The date format a field expects, from its type, placeholder and label.
pub fn date_format_for(field: &FieldDescriptor) -> DateFormat {
    match field.input_type() {
        "date" => return DateFormat::Iso,
        "month" => return DateFormat::YearMonth,
        _ => {}
    }
    let hints = [field.placeholder.as_deref(), field.label.as_deref()];
    for hint in hints.into_iter().flatten() {
        let h = hint.to_ascii_uppercase();
        if h.contains('年') && h.contains('月') && h.contains('日') {
            return DateFormat::Chinese;
        }
        if h.contains('年') && h.contains('月') {
            return DateFormat::ChineseYearMonth;
        }
        if h.contains("YYYYMMDD") || h.contains("8位") {
            return DateFormat::Compact;
        }
        if h.contains("YYYY/MM/DD") || h.contains("YYYY/M/D") {
            return DateFormat::Slashed;
        }
        if h.contains("YYYY-MM-DD") {
            return DateFormat::Iso;
        }
        if h.contains("YYYY-MM") || h.contains("年月") {
            return DateFormat::YearMonth;
        }
    }
    DateFormat::Iso
}

impl DateFormat {
    /// The format as a `date` transform's pattern ([`format_pattern`]).
    pub fn pattern(self) -> &'static str {
        match self {
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::Chinese => "YYYY年MM月DD日",
            DateFormat::Compact => "YYYYMMDD",
            DateFormat::Slashed => "YYYY/MM/DD",
            DateFormat::YearMonth => "YYYY-MM",
            DateFormat::ChineseYearMonth => "YYYY年MM月",
        }
    }
}

/// Writes a date in a format.
pub fn format_date(date: Date, format: DateFormat) -> String {
    format_pattern(date, format.pattern()).unwrap_or_default()
}

/// Finds the option for a sex: by text 男/女 (or Male/Female), else by code 1/2.
fn sex_option(options: &[FieldOption], sex: Sex) -> Option<usize> {
    let words: &[&str] = match sex {
        Sex::Male => &["男", "男性", "male", "m"],
        Sex::Female => &["女", "女性", "female", "f"],
    };
    let norm = |s: &str| s.trim().to_ascii_lowercase();
    options
        .iter()
        .position(|o| words.contains(&norm(&o.text).as_str()))
        .or_else(|| options.iter().position(|o| o.value.trim() == sex.code()))
}

/// Finds the option for an ethnic group: by name (汉族, 汉), else by code (01, 1) or letters.
fn ethnicity_option(options: &[FieldOption], code: &crate::core::codes::Code) -> Option<usize> {
    let short = code.name.strip_suffix('族').unwrap_or(code.name);
    options
        .iter()
        .position(|o| o.text.trim() == code.name || o.text.trim() == short)
        .or_else(|| {
            options.iter().position(|o| {
                let v = o.value.trim();
                v == code.code
                    || code.code.strip_prefix('0') == Some(v)
                    || (!code.letters.is_empty() && v.eq_ignore_ascii_case(code.letters))
            })
        })
}

/// Finds the option whose text or value equals `text`.
fn text_option(options: &[FieldOption], text: &str) -> Option<usize> {
    options
        .iter()
        .position(|o| o.text.trim() == text || o.value.trim() == text)
}

/// A field's title in review: its label (else its placeholder, `name` or `id`) without the
/// words a page writes beside a choice to instruct (性别 请选择男女 → 性别); the label as it is
/// when nothing else would remain.
fn field_label(field: &FieldDescriptor) -> String {
    let label = field
        .label
        .clone()
        .or_else(|| field.placeholder.clone())
        .or_else(|| field.name.clone())
        .or_else(|| field.html_id.clone())
        .unwrap_or_default();
    let mut kept = String::new();
    for part in label.split_whitespace() {
        if !["请选择", "请输入", "请填写", "请勾选"]
            .iter()
            .any(|a| part.starts_with(a))
        {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(part);
        }
    }
    if kept.is_empty() { label } else { kept }
}

/// Plans the fill of `fields` (as scanned) from `profile`, following `classified`
/// (one entry per field, in the same order).
pub fn plan(
    profile: &Profile,
    fields: &[FieldDescriptor],
    classified: &[Classification],
    today: Date,
) -> FillPlan {
    plan_with(profile, fields, classified, &[], today)
}

/// Compares option texts and values as forms write them: spaces, a trailing 年/月/日 and
/// leading zeros of numbers do not count (`03`, `3`, `3月` are one month).
fn loose(text: &str) -> String {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['年', '月', '日', '号']);
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.trim_start_matches('0');
        if n.is_empty() { "0".into() } else { n.into() }
    } else {
        t.to_string()
    }
}

/// The option a transform's output picks.
fn pick(options: &[FieldOption], output: &Output) -> Option<usize> {
    let (by_value, wanted) = match output {
        Output::Text { text } => (None, text.as_str()),
        Output::Choice { by, option } => (Some(*by == PickBy::Value), option.as_str()),
    };
    let exact = |o: &FieldOption| match by_value {
        Some(true) => o.value.trim() == wanted,
        Some(false) => o.text.trim() == wanted,
        None => o.text.trim() == wanted || o.value.trim() == wanted,
    };
    options.iter().position(exact).or_else(|| {
        let w = loose(wanted);
        options.iter().position(|o| match by_value {
            Some(true) => loose(&o.value) == w,
            Some(false) => loose(&o.text) == w,
            None => loose(&o.text) == w || loose(&o.value) == w,
        })
    })
}

/// The transform planning chooses for a field no mapping formats: the date in the format
/// the field shows ([`date_format_for`]), any other value as it is stored; into a select,
/// radio group or checkbox, the field's own choice that names the value
/// ([`Transform::Named`]).
pub fn transform_for(field: &FieldDescriptor, value: &Value) -> Transform {
    let text = match value {
        Value::Date(_) => Transform::Date {
            format: date_format_for(field).pattern().to_string(),
        },
        _ => Transform::Text,
    };
    match field.control {
        Control::Select | Control::RadioGroup | Control::Checkbox => Transform::Named {
            text: Box::new(text),
        },
        Control::Input { .. } | Control::TextArea => text,
    }
}

/// The transform that writes one part of a value ([`Part`]) into a field no mapping
/// formats. The country code of a mobile number (the profile holds mainland numbers only)
/// is written `86` when the field takes no more than two characters or offers `86` as a
/// choice, else `+86`. A landline's parts are never planned (see [`Part::renders`]).
fn part_transform(field: &FieldDescriptor, part: Part) -> Transform {
    let date = |part| Transform::DatePart { part, pad: true };
    match part {
        Part::Year => date(DatePart::Year),
        Part::Month => date(DatePart::Month),
        Part::Day => date(DatePart::Day),
        Part::Surname => Transform::NamePart {
            part: NamePart::Surname,
        },
        Part::Given => Transform::NamePart {
            part: NamePart::Given,
        },
        Part::Street => address_part(AddressPart::Street),
        Part::Province => address_part(AddressPart::Province),
        Part::City => address_part(AddressPart::City),
        Part::County => address_part(AddressPart::County),
        Part::Township => address_part(AddressPart::Township),
        Part::CountryCode => {
            let bare = field.max_length.is_some_and(|m| m < 3)
                || field
                    .options
                    .iter()
                    .any(|o| o.value.trim() == "86" || o.text.trim() == "86");
            Transform::Constant {
                value: if bare { "86" } else { "+86" }.into(),
                pick: None,
            }
        }
        // Never reached: the classifier leaves the parts of a landline alone, and the plan
        // answers the country of an address itself ([`country_action`]).
        Part::AreaCode | Part::Number | Part::Extension | Part::Country | Part::CountryName => {
            Transform::Text
        }
    }
}

fn address_part(part: AddressPart) -> Transform {
    Transform::AddressPart { part, by: By::Name }
}

/// The element a missing part of an address is, for the reason a field is left alone.
fn division_key(part: Part) -> Option<Key> {
    Some(match part {
        Part::Province => Key::AddressProvince,
        Part::City => Key::AddressCity,
        Part::County => Key::AddressCounty,
        Part::Township => Key::AddressTownship,
        _ => return None,
    })
}

/// A division element no mapping ties to an address (a cascade's 省/市/县/乡/村 select on a
/// page nobody mapped): the address it is a division of, and which division. The address is
/// the one the field's section, row or label names: 户籍/户口 the registered address,
/// 居住/现住/常住 the current one. A division whose context names neither (籍贯, 出生地, a
/// delivery address) is not read from any address.
fn cascade_division(field: &FieldDescriptor, key: Key) -> Option<(Key, AddressPart)> {
    let part = match key {
        Key::AddressProvince => AddressPart::Province,
        Key::AddressCity => AddressPart::City,
        Key::AddressCounty => AddressPart::County,
        Key::AddressTownship => AddressPart::Township,
        Key::AddressVillage => AddressPart::Village,
        _ => return None,
    };
    let context: Vec<&str> = [
        field.label.as_deref(),
        field.row_label.as_deref(),
        field.section.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(field.outer_sections.iter().rev().map(String::as_str))
    .collect();
    // The nearest text that names an address decides.
    context.iter().find_map(|text| {
        let other = [
            "籍贯",
            "出生地",
            "邮寄",
            "收件",
            "送达",
            "通讯",
            "单位",
            "经营",
            "注册地",
        ];
        if other.iter().any(|w| text.contains(w)) {
            Some(None)
        } else if text.contains("户籍") || text.contains("户口") {
            Some(Some((Key::PersonHukouAddress, part)))
        } else if ["居住", "现住", "常住", "现居"]
            .iter()
            .any(|w| text.contains(w))
        {
            Some(Some((Key::PersonResidenceAddress, part)))
        } else {
            None
        }
    })?
}

/// The option of a division select or radio group: by the division's name (浙江省), its
/// short name (浙江) or its GB/T 2260 code as the option's value (330000), also written as
/// a 12-digit statistical code (330000000000).
fn division_option(
    field: &FieldDescriptor,
    value: &Value,
    part: AddressPart,
    ctx: &dyn Lookup,
) -> Result<Option<usize>, NotPlanned> {
    let written = |by| {
        apply(&Transform::AddressPart { part, by }, value, ctx)
            .map(|o| o.as_str().to_string())
            .map_err(|e| NotPlanned::Transform(e.code().to_string()))
    };
    let name = written(By::Name)?;
    let code = written(By::Code).ok();
    let short = code
        .as_deref()
        .and_then(crate::core::codes::division)
        .filter(|d| d.name == name)
        .map(|d| d.short_name());
    let options = &field.options;
    let found = |f: &dyn Fn(&FieldOption) -> bool| options.iter().position(f);
    Ok(found(&|o| o.text.trim() == name)
        .or_else(|| found(&|o| short.is_some_and(|s| o.text.trim() == s)))
        .or_else(|| found(&|o| code.as_deref().is_some_and(|c| o.value.trim() == c)))
        .or_else(|| {
            found(&|o| {
                code.as_deref().is_some_and(|c| {
                    let v = o.value.trim();
                    c.len() == 6
                        && c.bytes().all(|b| b.is_ascii_digit())
                        && v.len() == 12
                        && v.starts_with(c)
                        && v[c.len()..].bytes().all(|b| b == b'0')
                })
            })
        })
        .or_else(|| found(&|o| o.value.trim() == name)))
}

/// Names of China an option may carry: its name, short name and ISO 3166 codes.
const CHINA: &[&str] = &[
    "中国",
    "中华人民共和国",
    "中国大陆",
    "China",
    "CHINA",
    "People's Republic of China",
    "CN",
    "CHN",
    "156",
];

/// The country of the address of somebody whose ID is a mainland resident ID (居民身份证 of a
/// citizen, whose registered address is in China): CN for `country`, 中国 for `country-name`
/// (China when the field asks in Latin letters), or the option that names China. Anybody
/// else's is refused: the profile does not say which country their address is in.
fn country_action(
    profile: &Profile,
    field: &FieldDescriptor,
    key: Key,
    part: Part,
    role: Option<RoleRef>,
    today: Date,
) -> Result<FillAction, NotPlanned> {
    use crate::core::ids::{IdKind, ResidentId};
    let mainland = profile
        .value_as(Key::PersonIdNumber, role, today)
        .and_then(|id| ResidentId::parse_on(&crate::core::transform::display_text(&id), today).ok())
        .is_some_and(|id| id.kind() == IdKind::Citizen);
    if !mainland {
        return Err(NotPlanned::CountryUnknown);
    }
    match field.control {
        Control::Select | Control::RadioGroup => option_action(
            field,
            key,
            field
                .options
                .iter()
                .position(|o| CHINA.contains(&o.text.trim()) || CHINA.contains(&o.value.trim())),
        ),
        _ => {
            let latin = [field.label.as_deref(), field.placeholder.as_deref()]
                .into_iter()
                .flatten()
                .all(|t| !t.chars().any(|c| !c.is_ascii() && c.is_alphabetic()));
            let text = match part {
                Part::Country => "CN",
                _ if latin => "China",
                _ => "中国",
            };
            typed(field, key, text)
        }
    }
}

/// What to do to `field` to write `value` (the profile's `key`) as `transform` says: type
/// text, choose an option, or tick a checkbox. `ctx` answers the other elements a transform
/// reads. Refused when the transform cannot make the value into the form's format, when no
/// option matches, or when the text is longer than the field allows.
pub fn fill_action(
    field: &FieldDescriptor,
    key: Key,
    value: &Value,
    transform: &Transform,
    ctx: &dyn Lookup,
) -> Result<FillAction, NotPlanned> {
    let written = |t: &Transform| {
        apply(t, value, ctx).map_err(|e| NotPlanned::Transform(e.code().to_string()))
    };
    if let Transform::Named { text } = transform {
        return match (&field.control, value) {
            (Control::Select | Control::RadioGroup, Value::Sex(s)) => {
                option_action(field, key, sex_option(&field.options, *s))
            }
            (Control::Select | Control::RadioGroup, Value::Ethnicity(c)) => {
                option_action(field, key, ethnicity_option(&field.options, c))
            }
            (Control::Select | Control::RadioGroup, _) => {
                let text = written(text)?;
                option_action(field, key, text_option(&field.options, text.as_str()))
            }
            // A checkbox of a group (委托权限): ticked when the list holds its label or value.
            (Control::Checkbox, Value::List(items)) => Ok(FillAction::Check {
                on: items.iter().any(|i| names(field, i)),
            }),
            _ => typed(field, key, written(text)?.as_str()),
        };
    }
    let output = written(transform)?;
    match field.control {
        Control::Select | Control::RadioGroup => {
            option_action(field, key, pick(&field.options, &output))
        }
        Control::Checkbox => Ok(FillAction::Check {
            on: ticks(field, output.as_str()),
        }),
        Control::Input { .. } | Control::TextArea => typed(field, key, output.as_str()),
    }
}

/// Chooses option `index` of a select or radio group.
fn option_action(
    field: &FieldDescriptor,
    key: Key,
    index: Option<usize>,
) -> Result<FillAction, NotPlanned> {
    match index {
        Some(index) if field.control == Control::Select => Ok(FillAction::Select { index }),
        Some(index) => match field.options[index].id.clone() {
            Some(option) => Ok(FillAction::Radio { option }),
            None => Err(NotPlanned::NoMatchingOption(key)),
        },
        None => Err(NotPlanned::NoMatchingOption(key)),
    }
}

/// Types `text`, unless it is longer than the field allows.
fn typed(field: &FieldDescriptor, key: Key, text: &str) -> Result<FillAction, NotPlanned> {
    match field.max_length {
        Some(max) if text.chars().count() > max as usize => Err(NotPlanned::TooLong { key, max }),
        _ => Ok(FillAction::Text {
            value: Secret::new(text.to_string()),
        }),
    }
}

/// What an action writes, unmasked: the text, the option's text, or the checkbox's state
/// and label.
fn plain_text(field: &FieldDescriptor, action: &FillAction) -> String {
    match action {
        FillAction::Text { value } => value.expose().to_string(),
        FillAction::Select { index } => field.options[*index].text.trim().to_string(),
        FillAction::Radio { option } => field
            .options
            .iter()
            .find(|o| o.id.as_ref() == Some(option))
            .map(|o| o.text.trim().to_string())
            .unwrap_or_default(),
        FillAction::Check { on } => format!(
            "{} {}",
            if *on { "☑" } else { "☐" },
            field.label.as_deref().unwrap_or_default()
        ),
        FillAction::Later { text } => text.expose().to_string(),
    }
}

/// The choice in words for a select whose options the page has not added yet (a cascade's
/// city or county before its province is chosen); `None` for any other field.
fn later(
    field: &FieldDescriptor,
    transform: &Transform,
    value: &Value,
    ctx: &dyn Lookup,
) -> Option<FillAction> {
    if field.control != Control::Select || field.options.iter().any(|o| !o.value.trim().is_empty())
    {
        return None;
    }
    let text = match in_words(transform, value, ctx).ok()? {
        Output::Text { text } => text,
        Output::Choice { option, .. } => option,
    };
    Some(FillAction::Later {
        text: Secret::new(text),
    })
}

/// As [`plan`], with a transform per field (from a form mapping) saying how each value is
/// written; a field without one is written as [`transform_for`] chooses. Each field's value
/// and transform make its action ([`fill_action`]).
pub fn plan_with(
    profile: &Profile,
    fields: &[FieldDescriptor],
    classified: &[Classification],
    transforms: &[Option<Transform>],
    today: Date,
) -> FillPlan {
    plan_people(profile, fields, classified, transforms, &[], today)
}

/// For a form planned by its mapping ([`plan_people`] with the mapping's classifications and
/// transforms): marks the steps of the fields whose mapping requires verified data (`verified`,
/// one per field of `fields`, as `crate::core::mapped::Mapped::verified` holds it) when the profile's value is not verified (self-declared, derived, or
/// computed by planning): the step stays in the plan with its note ([`FillStep::note`]) and is
/// not ticked, so it is only filled when the person ticks it. A verified value (a credential's,
/// or staff-verified) is filled as usual.
pub fn require_verified(
    plan: &mut FillPlan,
    profile: &Profile,
    fields: &[FieldDescriptor],
    verified: &[bool],
) {
    for step in &mut plan.steps {
        let required = fields
            .iter()
            .position(|f| f.id == step.field)
            .and_then(|i| verified.get(i).copied())
            .unwrap_or(false);
        let is_verified = profile
            .source_as(step.key, step.role)
            .is_some_and(|s| s.is_verified());
        if required && !is_verified {
            step.unverified = true;
            step.selected = false;
        }
    }
}

/// As [`plan_with`], with the person's answers to whose each block of a form with several
/// people is (`people`, see [`crate::core::people`]): an answered block is filled from the
/// person chosen, or left empty for 不填. The plan carries the question when the form needs it.
pub fn plan_people(
    profile: &Profile,
    fields: &[FieldDescriptor],
    classified: &[Classification],
    transforms: &[Option<Transform>],
    people: &[(Option<RoleRef>, Who)],
    today: Date,
) -> FillPlan {
    let mut out = FillPlan {
        question: question(profile, classified, people),
        ..FillPlan::default()
    };
    let form = Form::of(classified);
    for (i, (field, class)) in fields.iter().zip(classified).enumerate() {
        let label = field_label(field);
        // A field the page hides from the person is refused as such, whatever else is said
        // of it (a lacking element is never asked for on its behalf).
        let skip = |why| Skipped {
            field: field.id.clone(),
            label: label.clone(),
            why: field.concealed.map_or(why, NotPlanned::Concealed),
        };
        let (key, reason) = match &class.verdict {
            Verdict::Fill { key, reason, .. } => (*key, reason.clone()),
            Verdict::Skip { reason } => {
                out.skipped.push(skip(NotPlanned::Skipped(reason.clone())));
                continue;
            }
        };
        // Whose the block is: the person's answer first, then what the profile decides.
        let chosen = match (&out.question, block_of(class)) {
            (Some(q), Some(block)) => match answer(people, block) {
                // A remembered answer naming somebody another block has (the profile changed
                // since): neither block gets that person twice; this one waits for a new answer.
                Some(who) if q.taken(block, who).is_some() => {
                    out.skipped.push(skip(match block {
                        Some(b) => NotPlanned::Undecided(b),
                        None => NotPlanned::NotAssigned(None),
                    }));
                    continue;
                }
                other => other,
            },
            _ => None,
        };
        let role = match (chosen, class.role) {
            (Some(Who::Nobody), block) => {
                out.skipped.push(skip(NotPlanned::NotAssigned(block)));
                continue;
            }
            (Some(Who::Owner), _) => None,
            (Some(Who::As(chosen)), block) => {
                if profile.role_values(chosen).is_none() {
                    out.skipped.push(skip(match block {
                        Some(b) => NotPlanned::Undecided(b),
                        None => NotPlanned::RoleLacks { key, role: chosen },
                    }));
                    continue;
                }
                Some(chosen)
            }
            (None, None) => None,
            (None, Some(block)) => match decide(profile, block, form) {
                Some(d) => d.fill,
                None => {
                    out.skipped.push(skip(
                        if block.role.by_sex() || several_children(profile, block, form) {
                            NotPlanned::Undecided(block)
                        } else {
                            NotPlanned::Skipped(SkipReason::OtherParty(block.role.zh().into()))
                        },
                    ));
                    continue;
                }
            },
        };
        let class = &Classification {
            role,
            ..class.clone()
        };
        let mapped = transforms.get(i).and_then(Option::as_ref);
        // A cascade's division select no mapping ties to an address: written from the
        // address its context names, and refused as the division it asks when that lacks it.
        let cascade = match (mapped, class.part) {
            (None, None) => cascade_division(field, key),
            _ => None,
        };
        let (key, division) = match cascade {
            Some((address, _)) => (address, Some(key)),
            None => (key, class.part.and_then(division_key)),
        };
        let action = if let Some(part @ (Part::Country | Part::CountryName)) = class.part
            && mapped.is_none()
        {
            country_action(profile, field, key, part, class.role, today)
        } else {
            let Some(value) = profile.value_as(key, class.role, today) else {
                out.skipped.push(skip(match class.role {
                    Some(role) => NotPlanned::RoleLacks { key, role },
                    None => NotPlanned::NotInProfile(key),
                }));
                continue;
            };
            let lookup = |k: Key| profile.value_as(k, class.role, today);
            let chosen;
            let transform = match mapped {
                Some(t) => t,
                None => {
                    chosen = match (cascade, class.part) {
                        (Some((_, part)), _) => address_part(part),
                        (None, Some(part)) => part_transform(field, part),
                        (None, None) => transform_for(field, &value),
                    };
                    &chosen
                }
            };
            let planned = match (mapped, &transform, &field.control) {
                // A division into a select or radio group: by name, short name or code.
                (
                    None,
                    Transform::AddressPart { part, .. },
                    Control::Select | Control::RadioGroup,
                ) if division.is_some() => division_option(field, &value, *part, &lookup)
                    .and_then(|index| option_action(field, key, index)),
                _ => fill_action(field, key, &value, transform, &lookup),
            }
            // A division the address does not name (a township) is the element it lacks.
            .map_err(|why| match (why, division) {
                (NotPlanned::Transform(code), Some(k)) if code == "transform.address.part" => {
                    NotPlanned::NotInProfile(k)
                }
                (why, _) => why,
            });
            match planned {
                // A select of a cascade whose options come only once the one before is chosen.
                Err(NotPlanned::NoMatchingOption(_))
                    if let Some(action) = later(field, transform, &value, &lookup) =>
                {
                    Ok(action)
                }
                other => other,
            }
        };
        let action = match action {
            Ok(action) => action,
            Err(why) => {
                out.skipped.push(skip(why));
                continue;
            }
        };
        let plain = plain_text(field, &action);
        let sensitive = key.mask();
        out.steps.push(FillStep {
            field: field.id.clone(),
            label,
            key,
            role: class.role,
            reason,
            shown: match sensitive {
                Some(kind) => mask_for_display(&plain, kind),
                None => plain,
            },
            sensitive: sensitive.is_some(),
            action,
            overwrites: field.has_value,
            selected: !field.has_value && field.concealed.is_none(),
            concealed: field.concealed,
            unverified: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::classify_all;
    use crate::core::transform::NoLookup;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn options(pairs: &[(&str, &str)]) -> Vec<FieldOption> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (value, text))| FieldOption {
                value: (*value).into(),
                text: (*text).into(),
                id: Some(FieldId(format!("opt{i}"))),
            })
            .collect()
    }

    fn run(fields: &[FieldDescriptor]) -> FillPlan {
        plan(&Profile::demo(), fields, &classify_all(fields), TODAY)
    }

    #[test]
    fn a_wizards_later_step_is_not_planned_though_a_mapping_names_it() {
        use crate::core::mapped::classify_mapped;
        use crate::core::mapping::FormMapping;
        let form = FormMapping::from_json(
            r#"{"version":1,"id":"t.wizard","title":"T","department":"D","match":{"fields":["a"]},
            "fields":[{"locator":{"id":"a"},"key":"person.name"},{"locator":{"id":"b"},"key":"contact.mobile"}]}"#,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let shown = FieldDescriptor::text("a", "姓名");
        let mut later = FieldDescriptor::text("b", "手机号码");
        later.visible = false;
        let fields = [shown, later];
        let mapped = classify_mapped(&form, &fields, &|_| Vec::new());
        let plan = plan_with(
            &Profile::demo(),
            &fields,
            &mapped.classified,
            &mapped.transforms,
            TODAY,
        );
        let planned: Vec<&str> = plan.steps.iter().map(|s| s.field.0.as_str()).collect();
        assert_eq!(planned, ["a"], "only the step shown is reviewed and filled");
        assert!(matches!(
            plan.skipped[0].why,
            NotPlanned::Skipped(SkipReason::Hidden)
        ));
    }

    #[test]
    fn a_field_requiring_verified_data_is_not_ticked_for_a_self_declared_value() {
        use crate::core::i18n::Lang;
        use crate::core::mapped::classify_mapped;
        use crate::core::mapping::FormMapping;
        use crate::core::profile::{Data, Source};
        let form = FormMapping::from_json(
            r#"{"version":1,"id":"t.verified","title":"T","department":"D","match":{"fields":["a"]},
            "fields":[{"locator":{"id":"a"},"key":"person.name","verified":true},
                {"locator":{"id":"b"},"key":"person.id_number","verified":true},
                {"locator":{"id":"c"},"key":"contact.mobile"}]}"#,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let fields = [
            FieldDescriptor::text("a", "姓名"),
            FieldDescriptor::text("b", "身份证号码"),
            FieldDescriptor::text("c", "手机号码"),
        ];
        let mut profile = Profile::demo();
        let owner = profile.owner_mut();
        let name = owner.values.get(Key::PersonName).unwrap().value.clone();
        let credential = Source::Credential {
            issuer: "https://issuer.example/resident-id".into(),
            issued: "2026-11-20".into(),
        };
        owner.values.set(Key::PersonName, name, credential, "t");
        assert_eq!(
            owner.values.get(Key::PersonIdNumber).unwrap().source,
            Source::SelfDeclared
        );
        let mapped = classify_mapped(&form, &fields, &|_| Vec::new());
        assert_eq!(mapped.verified, [true, true, false]);
        let plan_mapped = |profile: &Profile| {
            let mut plan = plan_with(
                profile,
                &fields,
                &mapped.classified,
                &mapped.transforms,
                TODAY,
            );
            require_verified(&mut plan, profile, &fields, &mapped.verified);
            plan
        };
        let plan = plan_mapped(&profile);
        let step = |id: &str| plan.steps.iter().find(|s| s.field.0 == id).unwrap();
        assert!(
            step("a").selected && !step("a").unverified,
            "verified: as usual"
        );
        assert_eq!(step("a").note(Lang::ZhCn), None);
        assert!(!step("b").selected && step("b").unverified, "self-declared");
        assert_eq!(
            step("b").note(Lang::ZhCn).as_deref(),
            Some("此项要求经核验的资料，您的资料是自填的")
        );
        assert!(
            step("b")
                .note(Lang::En)
                .is_some_and(|n| n.contains("verified")),
        );
        assert!(
            step("c").selected && !step("c").unverified,
            "no requirement"
        );
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(json.matches("\"unverified\":true").count(), 1, "{json}");

        // A staff-verified value is verified too.
        let id = Data::Text(
            profile
                .owner()
                .unwrap()
                .values
                .text(Key::PersonIdNumber)
                .unwrap()
                .into(),
        );
        let staff = Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-20".into(),
        };
        profile
            .owner_mut()
            .values
            .set(Key::PersonIdNumber, id, staff, "t");
        let plan = plan_mapped(&profile);
        assert!(plan.steps.iter().all(|s| s.selected && !s.unverified));
    }

    #[test]
    fn a_review_title_is_the_fields_name_without_the_words_about_its_options() {
        let title = |label: &str| {
            let mut f = FieldDescriptor::text("xb", label);
            f.control = Control::Select;
            f.options = options(&[("", "请选择"), ("1", "男"), ("2", "女")]);
            field_label(&f)
        };
        assert_eq!(title("性别 请选择男女"), "性别");
        assert_eq!(title(" 性别 请选择"), "性别");
        assert_eq!(title("性别"), "性别");
        assert_eq!(title("请选择"), "请选择", "nothing else to call it");
        assert_eq!(title("名称 申请变更登记内容"), "名称 申请变更登记内容");
        // The step of the plan carries the clean title.
        let mut f = FieldDescriptor::text("xb", "性别 请选择男女");
        f.control = Control::Select;
        f.options = options(&[("", "请选择"), ("1", "男"), ("2", "女")]);
        let plan = run(&[f]);
        assert_eq!(plan.steps[0].label, "性别");
    }

    #[test]
    fn a_country_code_takes_the_fields_form() {
        let code = |max: Option<u32>, options: &[(&str, &str)]| {
            let mut f = FieldDescriptor::text("c", "国家代码");
            f.autocomplete = Some("tel-country-code".into());
            f.max_length = max;
            if !options.is_empty() {
                f.control = Control::Select;
                f.options = self::options(options);
            }
            let plan = run(&[f.clone()]);
            plain_text(&f, &plan.steps[0].action)
        };
        assert_eq!(code(None, &[]), "+86");
        assert_eq!(code(Some(2), &[]), "86");
        assert_eq!(
            code(None, &[("", "请选择"), ("1", "美国 1"), ("86", "中国 86")]),
            "中国 86"
        );
        // A landline's country code is not asked of a mobile number.
        let mut f = FieldDescriptor::text("c", "国家代码");
        f.autocomplete = Some("work tel-country-code".into());
        assert!(run(&[f]).steps.is_empty());
    }

    #[test]
    fn divisions_and_the_country_of_an_address() {
        use crate::core::profile::{Data, Source};
        let field = |token: &str, label: &str, choices: &[(&str, &str)]| {
            let mut f = FieldDescriptor::text(token, label);
            f.autocomplete = Some(token.into());
            if !choices.is_empty() {
                f.control = Control::Select;
                f.options = options(choices);
            }
            f
        };
        let fields = [
            // By short name, and by the GB/T 2260 code as the option's value.
            field("address-level1", "省", &[("", "请选择"), ("11", "北京")]),
            field(
                "address-level3",
                "区",
                &[("110101", "东城"), ("110105", "朝阳")],
            ),
            field("address-level4", "街道", &[]),
            field(
                "country",
                "国家",
                &[("US", "美国"), ("CN", "中华人民共和国")],
            ),
            field("country-name", "Country", &[]),
        ];
        let shown = |profile: &Profile| {
            let p = plan(profile, &fields, &classify_all(&fields), TODAY);
            let steps: Vec<(String, String)> = p
                .steps
                .iter()
                .map(|s| {
                    let f = fields.iter().find(|f| f.id == s.field).unwrap();
                    (f.id.0.clone(), plain_text(f, &s.action))
                })
                .collect();
            (steps, p.skipped)
        };
        let mut profile = Profile::demo();
        let (steps, skipped) = shown(&profile);
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            steps,
            pairs(&[
                ("address-level1", "北京"),
                ("address-level3", "朝阳"),
                ("country", "中华人民共和国"),
                ("country-name", "China"),
            ])
        );
        // The address names no township.
        assert_eq!(
            skipped[0].why,
            NotPlanned::NotInProfile(Key::AddressTownship)
        );
        // An address that names one fills it.
        let owner = &mut profile.persons[0].values;
        owner.set(
            Key::PersonHukouAddress,
            Data::Text("浙江省杭州市西湖区西溪街道文三路90号".into()),
            Source::SelfDeclared,
            "2026-01-02T00:00:00Z",
        );
        // A Hong Kong resident's residence permit does not say the address is in China.
        let hk = format!(
            "81000019940823002{}",
            crate::core::ids::mod11_2_check(b"81000019940823002")
        );
        assert_eq!(
            crate::core::ids::ResidentId::parse_on(&hk, TODAY).map(|i| i.kind()),
            Ok(crate::core::ids::IdKind::HongKongResident)
        );
        owner.set(
            Key::PersonIdNumber,
            Data::Text(hk),
            Source::SelfDeclared,
            "2026-01-02T00:00:00Z",
        );
        let (steps, skipped) = shown(&profile);
        assert!(
            steps.contains(&("address-level4".into(), "西溪街道".into())),
            "{steps:?}"
        );
        let refused: Vec<&NotPlanned> = skipped.iter().map(|s| &s.why).collect();
        assert!(
            refused.contains(&&NotPlanned::CountryUnknown),
            "{refused:?}"
        );
        assert!(!steps.iter().any(|(f, _)| f.starts_with("country")));
    }

    #[test]
    fn dates_follow_the_target_format() {
        let mut date_input = FieldDescriptor::text("a", "出生日期");
        date_input.control = Control::Input {
            input_type: "date".into(),
        };
        let mut chinese = FieldDescriptor::text("b", "填表日期");
        chinese.placeholder = Some("YYYY年MM月DD日".into());
        let p = run(&[date_input, chinese]);
        let texts: Vec<_> = p.steps.iter().map(|s| s.shown.clone()).collect();
        assert_eq!(texts, vec!["1990-03-07", "2026年11月21日"]);
    }

    #[test]
    fn every_date_format() {
        let d = date!(1990 - 03 - 07);
        let mut f = FieldDescriptor::text("f", "出生日期");
        for (hint, expected) in [
            ("YYYYMMDD", "19900307"),
            ("YYYY/MM/DD", "1990/03/07"),
            ("YYYY-MM", "1990-03"),
            ("例：1990年01月", "1990年03月"),
            ("", "1990-03-07"),
        ] {
            f.placeholder = Some(hint.into());
            assert_eq!(format_date(d, date_format_for(&f)), expected, "{hint}");
        }
    }

    #[test]
    fn sex_by_option_text_or_code() {
        let mut radio = FieldDescriptor::text("r", "性别");
        radio.control = Control::RadioGroup;
        radio.options = options(&[("2", "女"), ("1", "男")]);
        let mut select = FieldDescriptor::text("s", "性别");
        select.control = Control::Select;
        select.options = options(&[("", "请选择"), ("1", "1"), ("2", "2")]);
        select.form = Some("other".into());
        let p = run(&[radio, select]);
        assert_eq!(
            p.steps[0].action,
            FillAction::Radio {
                option: FieldId("opt1".into())
            }
        );
        assert_eq!(p.steps[1].action, FillAction::Select { index: 1 });
        assert_eq!(p.steps[0].shown, "男");
    }

    #[test]
    fn ethnicity_by_name_or_code() {
        let mut by_name = FieldDescriptor::text("a", "民族");
        by_name.control = Control::Select;
        by_name.options = options(&[("", "--请选择--"), ("x", "蒙古族"), ("y", "汉族")]);
        let mut by_code = by_name.clone();
        by_code.id = FieldId("b".into());
        by_code.form = Some("2".into());
        by_code.options = options(&[("", "--"), ("02", "蒙"), ("1", "汉")]);
        let p = run(&[by_name, by_code]);
        assert_eq!(p.steps[0].action, FillAction::Select { index: 2 });
        assert_eq!(p.steps[1].action, FillAction::Select { index: 2 });
    }

    #[test]
    fn refusals_are_explained() {
        let mut no_option = FieldDescriptor::text("a", "民族");
        no_option.control = Control::Select;
        no_option.options = options(&[("", "请选择"), ("03", "回族")]);
        let mut too_short = FieldDescriptor::text("b", "户籍地址");
        too_short.max_length = Some(10);
        let p = run(&[no_option, too_short]);
        assert!(p.steps.is_empty());
        assert_eq!(
            p.skipped[0].why,
            NotPlanned::NoMatchingOption(Key::PersonEthnicity)
        );
        assert_eq!(
            p.skipped[1].why,
            NotPlanned::TooLong {
                key: Key::PersonHukouAddress,
                max: 10
            }
        );
        let empty = plan(
            &Profile::new(),
            &[FieldDescriptor::text("c", "姓名")],
            &classify_all(&[FieldDescriptor::text("c", "姓名")]),
            TODAY,
        );
        assert_eq!(
            empty.skipped[0].why,
            NotPlanned::NotInProfile(Key::PersonName)
        );
    }

    #[test]
    fn sensitive_values_are_masked_and_never_serialised() {
        let p = run(&[
            FieldDescriptor::text("a", "公民身份号码"),
            FieldDescriptor::text("b", "手机号码"),
        ]);
        assert_eq!(p.steps[0].shown, "1101**********1239");
        assert_eq!(p.steps[1].shown, "138****8000");
        assert!(p.steps.iter().all(|s| s.sensitive));
        let json = serde_json::to_string(&p).unwrap();
        let debug = format!("{p:?}");
        for leak in ["110105199003071239", "13800138000"] {
            assert!(!json.contains(leak), "{json}");
            assert!(!debug.contains(leak), "{debug}");
        }
    }

    #[test]
    fn people_in_roles_are_filled_from_the_role_links() {
        let in_section = |id: &str, label: &str, section: &str| {
            let mut f = FieldDescriptor::text(id, label);
            f.section = Some(section.into());
            f
        };
        let fields = vec![
            in_section("a", "姓名", "法定代表人信息"),
            in_section("b", "姓名", "财务负责人信息"),
            in_section("c", "姓名", "联系人信息"),
            FieldDescriptor::text("d", "姓名"),
        ];
        let p = run(&fields);
        let shown: Vec<(&str, &str)> = p
            .steps
            .iter()
            .map(|s| (s.field.0.as_str(), s.shown.as_str()))
            .collect();
        // The bare 姓名 outside the three people's blocks could be any of theirs: refused.
        assert_eq!(shown, vec![("a", "王小明"), ("b", "李华")]);
        assert!(p.skipped.iter().any(|s| s.field.0 == "d"
            && matches!(&s.why, NotPlanned::Skipped(SkipReason::WhoseUnknown(_)))));
        assert_eq!(
            p.steps[1].role.map(|r| r.to_string()).as_deref(),
            Some("finance_officer")
        );
        assert!(
            matches!(
                &p.skipped[0].why,
                NotPlanned::Skipped(SkipReason::OtherParty(_))
            ),
            "nobody is the contact in the profile"
        );
    }

    #[test]
    fn filled_fields_are_planned_but_not_selected() {
        let mut f = FieldDescriptor::text("a", "姓名");
        f.has_value = true;
        let p = run(&[f]);
        assert!(p.steps[0].overwrites);
        assert!(!p.steps[0].selected);
    }
    #[test]
    fn fields_the_page_hides_are_planned_locked_and_do_not_refuse_their_twins() {
        let name = FieldDescriptor::text("a", "姓名");
        let mut twin = FieldDescriptor::text("b", "姓名");
        twin.concealed = Some(Concealment::Clipped);
        let mut id = FieldDescriptor::text("c", "公民身份号码");
        id.concealed = Some(Concealment::Opacity);
        let mut odd = FieldDescriptor::text("d", "备注");
        odd.concealed = Some(Concealment::Tiny);
        let p = run(&[name, twin, id, odd]);
        let step = |f: &str| p.steps.iter().find(|s| s.field.0 == f);
        assert!(step("a").is_some_and(|s| s.selected && s.concealed.is_none()));
        for (f, why) in [("b", Concealment::Clipped), ("c", Concealment::Opacity)] {
            assert!(step(f).is_some_and(|s| !s.selected && s.concealed == Some(why)));
        }
        assert_eq!(p.skipped.len(), 1);
        assert_eq!(p.skipped[0].why, NotPlanned::Concealed(Concealment::Tiny));
    }

    #[test]
    fn a_step_is_carried_out_only_on_the_control_reviewed() {
        let fields = vec![
            FieldDescriptor::text("a", "姓名"),
            FieldDescriptor::text("b", "联系电话"),
        ];
        let p = run(&fields);
        assert_eq!(p.steps.len(), 2);
        let check = |now: &[FieldDescriptor]| {
            let r = Recheck::new(&fields, now);
            p.steps
                .iter()
                .map(|s| r.check(s).map(|_| ()))
                .collect::<Vec<_>>()
        };
        assert_eq!(check(&fields), vec![Ok(()), Ok(())]);
        // The page swaps the two handles.
        let mut swapped = fields.clone();
        swapped[0].id = FieldId("b".into());
        swapped[1].id = FieldId("a".into());
        assert_eq!(check(&swapped), vec![Err(Drift::Changed); 2]);
        // The page rewrites a label.
        let mut relabelled = fields.clone();
        relabelled[1].label = Some("公民身份号码".into());
        assert_eq!(check(&relabelled), vec![Ok(()), Err(Drift::Changed)]);
        // Another control carries the same handle; a control is gone.
        let mut twice = fields.clone();
        twice.push(FieldDescriptor::text("a", "备注"));
        assert_eq!(check(&twice)[0], Err(Drift::Changed));
        assert_eq!(check(&fields[..1])[1], Err(Drift::Missing));
        // A select whose options were reordered.
        let sex = control(
            Control::Select,
            "性别",
            &[("", "请选择"), ("1", "男"), ("2", "女")],
        );
        let p = run(std::slice::from_ref(&sex));
        let mut reordered = sex.clone();
        reordered.options.swap(1, 2);
        let r = Recheck::new(std::slice::from_ref(&sex), std::slice::from_ref(&reordered));
        assert_eq!(r.check(&p.steps[0]).map(|_| ()), Err(Drift::Changed));
        let r = Recheck::new(std::slice::from_ref(&sex), std::slice::from_ref(&sex));
        assert!(r.check(&p.steps[0]).is_ok());
    }

    /// A field of `control` with `options` (value, text).
    fn control(control: Control, label: &str, pairs: &[(&str, &str)]) -> FieldDescriptor {
        let mut f = FieldDescriptor::text("f", label);
        f.control = control;
        f.options = options(pairs);
        f
    }

    fn hinted(mut field: FieldDescriptor, placeholder: &str) -> FieldDescriptor {
        field.placeholder = (!placeholder.is_empty()).then(|| placeholder.into());
        field
    }

    fn input(input_type: &str, placeholder: &str) -> FieldDescriptor {
        let input_type = input_type.into();
        hinted(
            control(Control::Input { input_type }, "日期", &[]),
            placeholder,
        )
    }

    fn named(text: Transform) -> Transform {
        Transform::Named {
            text: Box::new(text),
        }
    }

    fn date(format: &str) -> Transform {
        Transform::Date {
            format: format.into(),
        }
    }

    fn text(t: &str) -> Value {
        Value::Text(t.into())
    }

    #[test]
    fn planning_chooses_a_transform_from_the_field() {
        let born = Value::Date(date!(1990 - 03 - 07));
        let scope = Value::List(vec!["领取证照".into()]);
        let cases = [
            (input("date", ""), born.clone(), date("YYYY-MM-DD")),
            (input("month", ""), born.clone(), date("YYYY-MM")),
            (
                input("text", "YYYY年MM月DD日"),
                born.clone(),
                date("YYYY年MM月DD日"),
            ),
            (
                input("text", "8位数字，如19900307"),
                born.clone(),
                date("YYYYMMDD"),
            ),
            (input("text", ""), born.clone(), date("YYYY-MM-DD")),
            (
                input("text", "YYYY年MM月DD日"),
                text("长期"),
                Transform::Text,
            ),
            (
                control(Control::TextArea, "经营范围", &[]),
                scope.clone(),
                Transform::Text,
            ),
            (
                control(Control::Select, "性别", &[]),
                Value::Sex(Sex::Male),
                named(Transform::Text),
            ),
            (
                hinted(control(Control::Select, "出生年月", &[]), "YYYY-MM"),
                born,
                named(date("YYYY-MM")),
            ),
            (
                control(Control::RadioGroup, "学历", &[]),
                text("本科"),
                named(Transform::Text),
            ),
            (
                control(Control::Checkbox, "领取证照", &[]),
                scope,
                named(Transform::Text),
            ),
        ];
        for (field, value, expected) in cases {
            assert_eq!(transform_for(&field, &value), expected, "{field:?}");
        }
    }

    #[test]
    fn one_function_makes_every_action() {
        let han = crate::core::codes::ethnicity("01").unwrap();
        let scope = || Value::List(vec!["修改材料".into(), "领取证照".into()]);
        let sexes = [("", "请选择"), ("1", "男"), ("2", "女")];
        let codes = [("", "--"), ("1", "1"), ("2", "2")];
        let english = [("M", "Male"), ("F", "Female")];
        let months = [("", "月"), ("03", "03月"), ("04", "04月")];
        let mut radio = control(Control::RadioGroup, "性别", &[("2", "女"), ("1", "男")]);
        let mut no_ids = radio.clone();
        no_ids.options.iter_mut().for_each(|o| o.id = None);
        let mut short = FieldDescriptor::text("f", "姓名");
        short.max_length = Some(3);
        let check = |label: &str| control(Control::Checkbox, label, &[("on", "")]);
        let select = Control::Select;
        let text_box = || FieldDescriptor::text("f", "x");
        let select_index = |index| Ok(FillAction::Select { index });
        let typed_text = |t: &str| {
            Ok(FillAction::Text {
                value: Secret::new(t.to_string()),
            })
        };
        let ticked = |on| Ok(FillAction::Check { on });
        let cases: Vec<(
            FieldDescriptor,
            Value,
            Transform,
            Result<FillAction, NotPlanned>,
        )> = vec![
            // Text fields: the transform's text, within maxlength.
            (
                text_box(),
                text("王小明"),
                Transform::Text,
                typed_text("王小明"),
            ),
            (
                short.clone(),
                text("欧阳小明"),
                Transform::Text,
                Err(NotPlanned::TooLong {
                    key: Key::PersonName,
                    max: 3,
                }),
            ),
            (
                text_box(),
                Value::Date(date!(1990 - 03 - 07)),
                date("YYYY年MM月DD日"),
                typed_text("1990年03月07日"),
            ),
            (
                text_box(),
                text("不是日期"),
                date("YYYY-MM-DD"),
                Err(NotPlanned::Transform("transform.date.invalid".into())),
            ),
            // Planning's own choice: sex by text, by code, by English words; radios by id.
            (
                control(select.clone(), "性别", &sexes),
                Value::Sex(Sex::Female),
                named(Transform::Text),
                select_index(2),
            ),
            (
                control(select.clone(), "性别", &codes),
                Value::Sex(Sex::Male),
                named(Transform::Text),
                select_index(1),
            ),
            (
                control(select.clone(), "Sex", &english),
                Value::Sex(Sex::Female),
                named(Transform::Text),
                select_index(1),
            ),
            (
                radio.clone(),
                Value::Sex(Sex::Male),
                named(Transform::Text),
                Ok(FillAction::Radio {
                    option: FieldId("opt1".into()),
                }),
            ),
            (
                no_ids,
                Value::Sex(Sex::Male),
                named(Transform::Text),
                Err(NotPlanned::NoMatchingOption(Key::PersonName)),
            ),
            // An ethnic group by its short name or its code without the leading zero.
            (
                control(select.clone(), "民族", &[("", "--"), ("x", "汉")]),
                Value::Ethnicity(han),
                named(Transform::Text),
                select_index(1),
            ),
            (
                control(select.clone(), "民族", &[("", "--"), ("1", "一")]),
                Value::Ethnicity(han),
                named(Transform::Text),
                select_index(1),
            ),
            // Other values by exact option text or value; a mapping's text also loosely.
            (
                control(select.clone(), "月", &months),
                text("3"),
                named(Transform::Text),
                Err(NotPlanned::NoMatchingOption(Key::PersonName)),
            ),
            (
                control(select.clone(), "月", &months),
                text("3"),
                Transform::Text,
                select_index(1),
            ),
            (
                control(select.clone(), "月", &months),
                text("04"),
                named(Transform::Text),
                select_index(2),
            ),
            (
                control(
                    select.clone(),
                    "出生年月",
                    &[("a", "1990-03"), ("b", "1990-04")],
                ),
                Value::Date(date!(1990 - 04 - 30)),
                named(date("YYYY-MM")),
                select_index(1),
            ),
            (
                control(select.clone(), "是否", &[("N", "否"), ("Y", "是")]),
                text("x"),
                Transform::Constant {
                    value: "Y".into(),
                    pick: Some(PickBy::Value),
                },
                select_index(1),
            ),
            // Checkboxes: a list ticks the box it names; a mapping's text ticks by label or yes.
            (
                check("领取证照"),
                scope(),
                named(Transform::Text),
                ticked(true),
            ),
            (
                check("签署文件"),
                scope(),
                named(Transform::Text),
                ticked(false),
            ),
            (check("长期"), text("长期"), Transform::Text, ticked(true)),
            (check("长期"), text("否"), Transform::Text, ticked(false)),
            (check("长期"), text("是"), Transform::Text, ticked(true)),
            // Planning types a lone value into a checkbox, as it always has.
            (
                check("长期"),
                text("长期"),
                named(Transform::Text),
                typed_text("长期"),
            ),
        ];
        for (field, value, transform, expected) in cases {
            let got = fill_action(&field, Key::PersonName, &value, &transform, &NoLookup);
            assert_eq!(got, expected, "{:?} {transform:?} {field:?}", field.label);
        }
        radio.options.truncate(1);
        assert_eq!(
            fill_action(
                &radio,
                Key::PersonSex,
                &Value::Sex(Sex::Male),
                &named(Transform::Text),
                &NoLookup
            ),
            Err(NotPlanned::NoMatchingOption(Key::PersonSex))
        );
    }

    #[test]
    fn a_transform_reads_other_elements_through_the_lookup() {
        let t: Transform = serde_json::from_str(
            r#"{"kind":"condition","if":{"key":"person.sex","equals":"2"},"then":{"kind":"constant","value":"女士"},"else":{"kind":"constant","value":"先生"}}"#,
        )
        .unwrap();
        let field = FieldDescriptor::text("f", "称呼");
        for (sex, expected) in [(Sex::Female, "女士"), (Sex::Male, "先生")] {
            let lookup = |k: Key| (k == Key::PersonSex).then_some(Value::Sex(sex));
            let got = fill_action(&field, Key::PersonName, &text("x"), &t, &lookup);
            assert_eq!(
                got,
                Ok(FillAction::Text {
                    value: Secret::new(expected.to_string())
                })
            );
        }
    }

    fn mapped(key: Key, role: Option<&str>) -> Classification {
        Classification {
            field: FieldId("x".into()),
            verdict: Verdict::Fill {
                key,
                reason: Reason::Mapping("x".into()),
            },
            role: role.map(|r| RoleRef::parse(r).unwrap()),
            part: None,
        }
    }

    #[test]
    fn the_firm_role_fills_the_firms_own_contact_details() {
        let fields = [
            FieldDescriptor::text("a", "联系电话"),
            FieldDescriptor::text("b", "联系电话"),
        ];
        let classified = [
            mapped(Key::ContactLandline, Some("firm")),
            mapped(Key::ContactLandline, None),
        ];
        let p = plan(&Profile::demo(), &fields, &classified, TODAY);
        assert_eq!(p.steps.len(), 1);
        assert_eq!(p.steps[0].shown, "0571-88881234");
        assert_eq!(
            p.skipped[0].why,
            NotPlanned::NotInProfile(Key::ContactLandline),
            "the owner has no landline of his own"
        );
    }

    #[test]
    fn a_checkbox_of_a_group_is_ticked_by_the_lists_items() {
        let boxes: Vec<FieldDescriptor> = ["领取证照", "其他"]
            .iter()
            .map(|label| {
                let mut f = FieldDescriptor::text(label, label);
                f.control = Control::Checkbox;
                f
            })
            .collect();
        let classified = vec![mapped(Key::AgentScope, Some("agent")); 2];
        let p = plan(&Profile::demo(), &boxes, &classified, TODAY);
        let on: Vec<_> = p.steps.iter().map(|s| s.action.clone()).collect();
        assert_eq!(
            on,
            vec![
                FillAction::Check { on: true },
                FillAction::Check { on: false }
            ]
        );
        // A 同意/不同意 pair by the member transform.
        let mut radio = FieldDescriptor::text("r", "领取营业执照和有关文书");
        radio.control = Control::RadioGroup;
        radio.options = options(&[("1", "同意"), ("0", "不同意")]);
        let t: Transform = serde_json::from_str(
            r#"{"kind":"member","item":"领取证照","yes":"同意","no":"不同意"}"#,
        )
        .unwrap();
        let p = plan_with(
            &Profile::demo(),
            &[radio],
            &[mapped(Key::AgentScope, Some("agent"))],
            &[Some(t)],
            TODAY,
        );
        assert_eq!(
            p.steps[0].action,
            FillAction::Radio {
                option: FieldId("opt0".into())
            }
        );
    }
}
