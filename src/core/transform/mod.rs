//! Transforms: how one profile value is written into one form field.
//!
//! A mapping (`core::mapping`) names, per field, a dictionary key and a transform, read with
//! the mapping by [`read`] (every problem with its path in the transform's JSON) and checked
//! there. A field no mapping formats gets the transform planning chooses for it
//! (`core::plan::transform_for`): a date in the field's format, or [`Transform::Named`], the
//! field's own choice that names the value. [`apply`] turns the key's [`Value`] into an
//! [`Output`]: text to type, or the option of a select, radio or checkbox group to pick. Pure:
//! no page, no clock, no profile beyond what a [`Lookup`] answers.
//!
//! # JSON form
//!
//! Internally tagged by `kind`; members not listed are refused. The kinds ([`kinds`]) are
//! the enum's own variants as serde reads them; [`Transform::Named`] has no JSON form.
//!
//! | kind | members | example → output |
//! |---|---|---|
//! | `text` | – | the stored text; dates `YYYY-MM-DD`, sex 男/女, ethnicity 汉族 |
//! | `date` | `format`: pattern of `YYYY` `MM` `M` `DD` `D` | `{"kind":"date","format":"YYYY年MM月DD日"}` → `1990年03月07日` |
//! | `date_part` | `part`: `year`/`month`/`day`; `pad` (default `true`) | month → `03` (`3` unpadded) |
//! | `code` | `table`: `sex` `ethnicity` `id_type` `marital` `political` `education` `hukou_type` `relation` `country`; `domain` (`realty`/`health`/`tax`, for `id_type`); `style`: `code` (default) `name` `short` `letters`; `pick` | 居民身份证 in `realty` → `1`, `health` → `01`, `tax` → `201` |
//! | `address` | `style`: `one_line_with_province` (default) or `one_line` (from the prefecture down; a 直辖市 keeps its name) | `浙江省杭州市西湖区文三路478号` |
//! | `address_part` | `part`: `province` `city` `county` `township` `village` `road` `house_no` `detail`; `by`: `name` (default) or `code` | county by code → `330106` |
//! | `name_part` | `part`: `surname`/`given` | 欧阳修 → `欧阳` + `修` |
//! | `pinyin` | `case`: `upper` (default) `lower` `title`; `separator` between surname and given name (default space); `part` (optional: only the surname or given name) | 欧阳小明 → `OUYANG XIAOMING` |
//! | `phone` | `style`: `national` (default) `e164` `area_dash` | `0571-88881234` → `+8657188881234` |
//! | `amount` | `from`, `to`: `wan`/`yuan` | 100 万元 → `1000000` |
//! | `width` | `to`: `half`/`full` | `ＡＢ１２` → `AB12` |
//! | `choice` | `when`: value → option; `else` (a transform, optional); `by`: `text` (default)/`value` | `{"kind":"choice","when":{"长期":"长期"},"else":{"kind":"date","format":"YYYY-MM-DD"}}` |
//! | `member` | `item`: one choice of a list element; `yes` (default `是`), `no` (default `否`); `pick` (optional) | 委托权限 `["修改材料","领取证照"]`, item `领取证照`, yes `同意`, no `不同意` → `同意` |
//! | `constant` | `value`; `pick` (optional) | the value itself |
//! | `concat` | `parts`: each a dictionary key (its text), `{"key":…,"transform":…}`, or a transform of the field's own value; `separator` (default empty) | |
//! | `condition` | `if`: `{"key":…,"equals":…}` or `{"key":…,"present":true}`; `then`; `else` (optional) | |
//!
//! `pick` (`text` or `value`) turns a text output into an option to pick by its text or by its
//! value, for selects and radio groups.
//!
//! Errors never carry personal data: they say which step failed, not on what value.

mod name;
mod read;
mod text;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use name::{COMPOUND_SURNAMES, SplitName, split as split_name};
pub use read::{Problem, ReadError, kinds, read};
pub use text::{format_pattern, to_full, to_half};

use crate::core::address::{Address, parse_one_line, render_one_line};
use crate::core::codes::{self, Code, IdDocumentType, IdDomain, TableId};
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::Value;
use crate::core::validate;

/// One transform. See the [module documentation](self) for the JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Transform {
    /// The value as stored.
    Text,
    /// A date by a pattern.
    Date {
        /// `YYYY`, `MM`, `M`, `DD`, `D` and literal characters.
        format: String,
    },
    /// One part of a date, for split date selects.
    DatePart {
        /// Which part.
        part: DatePart,
        /// Two digits for month and day (`03`); `false` gives `3`.
        #[serde(default = "yes")]
        pad: bool,
    },
    /// A code-table value in a target's form.
    Code {
        /// The table.
        table: CodeTable,
        /// The domain whose codes an ID-document type takes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        domain: Option<Domain>,
        /// Code, name or short form.
        #[serde(default)]
        style: CodeStyle,
        /// Pick an option instead of typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pick: Option<PickBy>,
    },
    /// A one-line address.
    Address {
        /// With or without the province.
        #[serde(default)]
        style: AddressStyle,
    },
    /// One part of an address, for cascading selects and split address fields.
    AddressPart {
        /// Which part.
        part: AddressPart,
        /// Divisions by name or by GB/T 2260 code.
        #[serde(default)]
        by: By,
    },
    /// Surname or given name.
    NamePart {
        /// Which part.
        part: NamePart,
    },
    /// Pinyin of a name, passport style.
    Pinyin {
        /// Letter case.
        #[serde(default)]
        case: Case,
        /// Between surname and given name.
        #[serde(default = "space")]
        separator: String,
        /// Only one part of the name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<NamePart>,
    },
    /// A phone number in a style.
    Phone {
        /// The style.
        #[serde(default)]
        style: PhoneStyle,
    },
    /// An amount converted between 元 and 万元, exactly.
    Amount {
        /// The stored unit.
        from: MoneyUnit,
        /// The field's unit.
        to: MoneyUnit,
    },
    /// Full-width or half-width letters, digits and punctuation.
    Width {
        /// The target width.
        to: Width,
    },
    /// A checkbox or radio group: the option for a value, or another transform.
    Choice {
        /// Stored value → option (text or value per `by`).
        when: BTreeMap<String, String>,
        /// For values `when` does not list.
        #[serde(rename = "else", default, skip_serializing_if = "Option::is_none")]
        otherwise: Option<Box<Transform>>,
        /// Whether the options are matched by text or by value.
        #[serde(default)]
        by: PickBy,
    },
    /// One choice of a list (an agent's authorised acts, as a checkbox or a 同意□不同意□ pair):
    /// `yes` when the list holds `item`, else `no`. A checkbox is ticked by 是 and by its own
    /// label.
    Member {
        /// The choice.
        item: String,
        /// Written when the list holds it.
        #[serde(default = "yes_text")]
        yes: String,
        /// Written when it does not.
        #[serde(default = "no_text")]
        no: String,
        /// Pick an option instead of typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pick: Option<PickBy>,
    },
    /// A fixed value.
    Constant {
        /// The value.
        value: String,
        /// Pick an option instead of typing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pick: Option<PickBy>,
    },
    /// Several values joined.
    Concat {
        /// The parts.
        parts: Vec<Part>,
        /// Between the parts.
        #[serde(default)]
        separator: String,
    },
    /// One transform or another, by another element's value.
    Condition {
        /// The test.
        #[serde(rename = "if")]
        test: Test,
        /// When the test holds.
        then: Box<Transform>,
        /// When it does not; without it the field is left alone ([`TransformError::NotApplicable`]).
        #[serde(rename = "else", default, skip_serializing_if = "Option::is_none")]
        otherwise: Option<Box<Transform>>,
    },
    /// The field's own choice that names the value: what planning writes into a field no
    /// mapping formats ([`crate::core::plan::transform_for`]). Into a select or radio group,
    /// the option that names the value: a sex by 男/女 (男性, Male) or its GB/T 2261.1 code, an
    /// ethnic group by its name (汉族, 汉), its GB 3304 code (`01`, `1`) or its letters, any
    /// other value by `text` as an option's text or value. A checkbox is ticked when a list
    /// holds its label or value. Anything else is written as `text`. Not a JSON kind: mappings
    /// name the format they want.
    #[serde(skip)]
    Named {
        /// The value as text (the date in the field's format).
        text: Box<Transform>,
    },
}

fn yes() -> bool {
    true
}

fn yes_text() -> String {
    "是".into()
}

fn no_text() -> String {
    "否".into()
}

fn space() -> String {
    " ".to_string()
}

/// A part of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePart {
    /// `1990`.
    Year,
    /// `03`.
    Month,
    /// `07`.
    Day,
}

/// A code table a transform maps into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeTable {
    /// GB/T 2261.1 性别.
    Sex,
    /// GB 3304 民族.
    Ethnicity,
    /// 证件类型, per [`Domain`].
    IdType,
    /// GB/T 2261.2 婚姻状况.
    Marital,
    /// GB/T 4762 政治面貌.
    Political,
    /// GB/T 4658 学历.
    Education,
    /// 人社 aac009 户口性质.
    HukouType,
    /// GB/T 4761 家庭关系.
    Relation,
    /// GB/T 2659 国家和地区.
    Country,
}

impl CodeTable {
    fn table(self) -> TableId {
        match self {
            CodeTable::Sex => TableId::Sex,
            CodeTable::Ethnicity => TableId::Ethnicity,
            CodeTable::IdType => TableId::IdDocumentType,
            CodeTable::Marital => TableId::MaritalStatus,
            CodeTable::Political => TableId::PoliticalStatus,
            CodeTable::Education => TableId::Education,
            CodeTable::HukouType => TableId::HukouType,
            CodeTable::Relation => TableId::FamilyRelation,
            CodeTable::Country => TableId::Country,
        }
    }
}

/// A domain with its own ID-document type codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// 不动产登记.
    Realty,
    /// 卫生健康.
    Health,
    /// 税务.
    Tax,
}

impl Domain {
    fn id_domain(self) -> IdDomain {
        match self {
            Domain::Realty => IdDomain::RealEstate,
            Domain::Health => IdDomain::Health,
            Domain::Tax => IdDomain::Tax,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Domain::Realty => "realty",
            Domain::Health => "health",
            Domain::Tax => "tax",
        }
    }
}

/// How a code is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeStyle {
    /// The code (`1`, `01`, `201`).
    #[default]
    Code,
    /// The standard's name (`男性`, `中国共产党党员`).
    Name,
    /// The short form forms print (`男`, `中共党员`), else the name.
    Short,
    /// The letter code (GB 3304 `HA`, alpha-2 `CN`).
    Letters,
}

/// How an option is matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickBy {
    /// By the option's visible text.
    #[default]
    Text,
    /// By the option's `value`.
    Value,
}

/// Which one-line form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressStyle {
    /// From the prefecture down; a 直辖市 keeps its name (北京市朝阳区…).
    OneLine,
    /// Province first, as 公安 and SAMR forms ask.
    #[default]
    OneLineWithProvince,
}

/// A part of an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressPart {
    /// 省.
    Province,
    /// 市; for a 直辖市 the municipality itself (by code its `市辖区` code, e.g. `110100`).
    City,
    /// 县（区）.
    County,
    /// 乡（镇、街道）.
    Township,
    /// 村（社区）.
    Village,
    /// 路（街、巷）.
    Road,
    /// 门牌号.
    HouseNo,
    /// 详址.
    Detail,
    /// Everything under the county, joined as written (乡镇街道, 村社区, 路, 门牌号, 详址):
    /// the first line of an address form that has its divisions in fields of their own.
    Street,
}

impl AddressPart {
    fn key(self) -> &'static str {
        match self {
            AddressPart::Province => "province",
            AddressPart::City => "city",
            AddressPart::County => "county",
            AddressPart::Township => "township",
            AddressPart::Village => "village",
            AddressPart::Road => "road",
            AddressPart::HouseNo => "house_no",
            AddressPart::Detail => "detail",
            AddressPart::Street => "street",
        }
    }
}

/// Divisions by name or code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// `浙江省`.
    #[default]
    Name,
    /// `330000`.
    Code,
}

/// Surname or given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NamePart {
    /// 姓.
    Surname,
    /// 名.
    Given,
}

/// Letter case of pinyin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Case {
    /// `OUYANG XIAOMING` (passports).
    #[default]
    Upper,
    /// `ouyang xiaoming`.
    Lower,
    /// `Ouyang Xiaoming`.
    Title,
}

/// Phone styles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneStyle {
    /// Digits only: `13800138000`, `057188881234`; an extension after `-`.
    #[default]
    National,
    /// `+8613800138000`, `+8657188881234` (no extension).
    E164,
    /// `0571-88881234`, `400-820-8820`; mobiles as digits.
    AreaDash,
}

/// 元 or 万元.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyUnit {
    /// 万元.
    Wan,
    /// 元.
    Yuan,
}

/// Full or half width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    /// ASCII.
    Half,
    /// Full-width forms.
    Full,
}

/// One part of a `concat`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Part {
    /// Another element's value as text, by dictionary key.
    Key(String),
    /// Another element's value through a transform.
    Keyed {
        /// The dictionary key.
        key: String,
        /// The transform.
        transform: Transform,
    },
    /// The field's own value through a transform.
    Transform(Transform),
}

/// The test of a `condition`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// The dictionary key whose value is tested.
    pub key: String,
    /// Holds when the stored value (a code as its code, a date as `YYYY-MM-DD`) is this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// Holds when the profile has (`true`) or lacks (`false`) the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
}

/// What a transform gives.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Output {
    /// Text to type.
    Text {
        /// The text.
        text: String,
    },
    /// An option of a select, radio or checkbox group.
    Choice {
        /// Match by the option's text or its value.
        by: PickBy,
        /// The option.
        option: String,
    },
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Output::Text { .. } => f.write_str("Output::Text(***)"),
            Output::Choice { by, .. } => write!(f, "Output::Choice({by:?}, ***)"),
        }
    }
}

impl Output {
    /// Text output.
    pub fn text(text: impl Into<String>) -> Output {
        Output::Text { text: text.into() }
    }

    /// The text, or the option to pick.
    pub fn as_str(&self) -> &str {
        match self {
            Output::Text { text } | Output::Choice { option: text, .. } => text,
        }
    }
}

/// What a transform could not do. Carries no personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransformError {
    /// The value is not a date.
    NotADate,
    /// The date pattern is not one this module writes.
    BadDateFormat {
        /// The pattern.
        format: String,
    },
    /// The value is not in the code table.
    UnknownCode {
        /// The table key.
        table: &'static str,
    },
    /// The domain has no code for this ID-document type.
    NoCodeInDomain {
        /// The domain key.
        domain: &'static str,
    },
    /// `id_type` with style `code` needs a domain.
    DomainNeeded,
    /// The table has no letter codes.
    NoLetters,
    /// The address has no recognisable province.
    NotAnAddress,
    /// The address lacks the part.
    AddressPartMissing {
        /// The part's key.
        part: &'static str,
    },
    /// The name cannot be split.
    NotAName,
    /// A character of the name has no pinyin reading.
    NoPinyin,
    /// The value is not a phone number.
    NotAPhone,
    /// E.164 cannot carry an extension.
    ExtensionInE164,
    /// The value is not an amount in the unit.
    NotAnAmount,
    /// The value is none of the choices and there is no `else`.
    NoChoice,
    /// The key is not in the dictionary.
    UnknownKey {
        /// The key as written.
        key: String,
    },
    /// The profile lacks a value the transform needs.
    MissingValue {
        /// The key.
        key: String,
    },
    /// A condition does not hold and has no `else`: the field is left alone.
    NotApplicable,
}

impl TransformError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            TransformError::NotADate => "transform.date.invalid",
            TransformError::BadDateFormat { .. } => "transform.date.format",
            TransformError::UnknownCode { .. } => "transform.code.unknown",
            TransformError::NoCodeInDomain { .. } => "transform.code.domain",
            TransformError::DomainNeeded => "transform.code.domain-needed",
            TransformError::NoLetters => "transform.code.letters",
            TransformError::NotAnAddress => "transform.address.invalid",
            TransformError::AddressPartMissing { .. } => "transform.address.part",
            TransformError::NotAName => "transform.name.invalid",
            TransformError::NoPinyin => "transform.pinyin.none",
            TransformError::NotAPhone => "transform.phone.invalid",
            TransformError::ExtensionInE164 => "transform.phone.extension",
            TransformError::NotAnAmount => "transform.amount.invalid",
            TransformError::NoChoice => "transform.choice.none",
            TransformError::UnknownKey { .. } => "transform.key.unknown",
            TransformError::MissingValue { .. } => "transform.key.missing",
            TransformError::NotApplicable => "transform.condition.false",
        }
    }

    /// The sentence a person reads.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("tf-{}", self.code().trim_start_matches("transform.")).replace('.', "-");
        match self {
            TransformError::BadDateFormat { format } => {
                tr(lang, &id, &[("format", Arg::Str(format))])
            }
            TransformError::UnknownCode { table } => tr(lang, &id, &[("table", Arg::Str(table))]),
            TransformError::NoCodeInDomain { domain } => {
                tr(lang, &id, &[("domain", Arg::Str(domain))])
            }
            TransformError::AddressPartMissing { part } => {
                tr(lang, &id, &[("part", Arg::Str(part))])
            }
            TransformError::UnknownKey { key } | TransformError::MissingValue { key } => {
                tr(lang, &id, &[("key", Arg::Str(key))])
            }
            _ => tr(lang, &id, &[]),
        }
    }
}

impl std::fmt::Display for TransformError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TransformError {}

/// Where `concat` and `condition` find other elements' values (the same record and role the
/// mapping's field is filled from).
pub trait Lookup {
    /// The value of `key`, if the profile holds it.
    fn value(&self, key: Key) -> Option<Value>;
}

impl<F: Fn(Key) -> Option<Value>> Lookup for F {
    fn value(&self, key: Key) -> Option<Value> {
        self(key)
    }
}

impl Lookup for BTreeMap<Key, Value> {
    fn value(&self, key: Key) -> Option<Value> {
        self.get(&key).cloned()
    }
}

/// A [`Lookup`] with nothing in it.
pub struct NoLookup;

impl Lookup for NoLookup {
    fn value(&self, _key: Key) -> Option<Value> {
        None
    }
}

/// The stored text of a value: a date as `YYYY-MM-DD`, sex and ethnicity as their codes.
pub fn stored_text(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Date(d) => validate::iso_date(*d),
        Value::Sex(s) => s.code().to_string(),
        Value::Ethnicity(c) => c.code.to_string(),
        Value::List(items) => items.join("、"),
    }
}

/// The text a person reads: a date as `YYYY-MM-DD`, sex as 男/女, ethnicity as its name.
pub fn display_text(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Date(d) => validate::iso_date(*d),
        Value::Sex(s) => s.zh().to_string(),
        Value::Ethnicity(c) => c.name.to_string(),
        Value::List(items) => items.join("、"),
    }
}

/// Checks what can be checked without a value: date patterns, dictionary keys, and a
/// domain for `id_type` codes. All problems, depth first.
pub fn check(transform: &Transform) -> Vec<TransformError> {
    check_at(transform).into_iter().map(|(_, e)| e).collect()
}

/// As [`check`], each problem with its path in the transform's JSON form (`format`,
/// `else.format`, `parts[1].key`, `if.key`; empty for the transform itself).
pub fn check_at(transform: &Transform) -> Vec<(String, TransformError)> {
    let mut out = Vec::new();
    check_into(transform, "", &mut out);
    out
}

fn check_key(key: &str, at: String, out: &mut Vec<(String, TransformError)>) {
    if Key::from_id(key).is_none() {
        let key = key.to_string();
        out.push((at, TransformError::UnknownKey { key }));
    }
}

fn check_into(t: &Transform, at: &str, out: &mut Vec<(String, TransformError)>) {
    let path = |member: &str| match at {
        "" => member.to_string(),
        _ => format!("{at}.{member}"),
    };
    match t {
        Transform::Date { format } if format_pattern(time::Date::MIN, format).is_none() => {
            let format = format.clone();
            out.push((path("format"), TransformError::BadDateFormat { format }));
        }
        Transform::Code {
            table: CodeTable::IdType,
            domain: None,
            style: CodeStyle::Code,
            ..
        } => out.push((at.to_string(), TransformError::DomainNeeded)),
        Transform::Choice {
            otherwise: Some(t), ..
        } => check_into(t, &path("else"), out),
        Transform::Concat { parts, .. } => {
            for (i, part) in parts.iter().enumerate() {
                let at = path(&format!("parts[{i}]"));
                match part {
                    Part::Key(key) => check_key(key, at, out),
                    Part::Keyed { key, transform } => {
                        check_key(key, format!("{at}.key"), out);
                        check_into(transform, &format!("{at}.transform"), out);
                    }
                    Part::Transform(t) => check_into(t, &at, out),
                }
            }
        }
        Transform::Condition {
            test,
            then,
            otherwise,
        } => {
            check_key(&test.key, path("if.key"), out);
            check_into(then, &path("then"), out);
            if let Some(t) = otherwise {
                check_into(t, &path("else"), out);
            }
        }
        Transform::Named { text } => check_into(text, &path("text"), out),
        _ => {}
    }
}

fn text_of(text: String, pick: Option<PickBy>) -> Output {
    match pick {
        Some(by) => Output::Choice { by, option: text },
        None => Output::text(text),
    }
}

fn date_of(value: &Value) -> Result<time::Date, TransformError> {
    match value {
        Value::Date(d) => Ok(*d),
        Value::Text(t) => validate::parse_date(t).map_err(|_| TransformError::NotADate),
        _ => Err(TransformError::NotADate),
    }
}

fn key_value(key: &str, ctx: &dyn Lookup) -> Result<Value, TransformError> {
    let k = Key::from_id(key).ok_or_else(|| TransformError::UnknownKey {
        key: key.to_string(),
    })?;
    ctx.value(k).ok_or_else(|| TransformError::MissingValue {
        key: key.to_string(),
    })
}

/// Applies a transform to a value. `ctx` answers the other elements `concat` and `condition`
/// name.
pub fn apply(
    transform: &Transform,
    value: &Value,
    ctx: &dyn Lookup,
) -> Result<Output, TransformError> {
    match transform {
        Transform::Text => Ok(Output::text(display_text(value))),
        Transform::Date { format } => {
            let date = date_of(value)?;
            format_pattern(date, format)
                .map(Output::text)
                .ok_or_else(|| TransformError::BadDateFormat {
                    format: format.clone(),
                })
        }
        Transform::DatePart { part, pad } => {
            let date = date_of(value)?;
            let n = match part {
                DatePart::Year => return Ok(Output::text(format!("{:04}", date.year()))),
                DatePart::Month => u8::from(date.month()),
                DatePart::Day => date.day(),
            };
            Ok(Output::text(if *pad {
                format!("{n:02}")
            } else {
                n.to_string()
            }))
        }
        Transform::Code {
            table,
            domain,
            style,
            pick,
        } => code(*table, *domain, *style, value).map(|t| text_of(t, *pick)),
        Transform::Address { style } => {
            let address = address_of(value)?;
            Ok(Output::text(one_line(&address, *style)))
        }
        Transform::AddressPart { part, by } => {
            let address = address_of(value)?;
            address_part(&address, *part, *by).map(Output::text)
        }
        Transform::NamePart { part } => {
            let name = display_text(value);
            let split = name::split(&name).ok_or(TransformError::NotAName)?;
            Ok(Output::text(match part {
                NamePart::Surname => split.surname,
                NamePart::Given => split.given,
            }))
        }
        Transform::Pinyin {
            case,
            separator,
            part,
        } => {
            // The person's own Latin name, as their passport spells it (LYU, not LV), wins
            // over a computed reading.
            if let Some(latin) = ctx.value(Key::PersonNameLatin) {
                let latin = display_text(&latin);
                let (surname, given) = latin.trim().split_once(' ').unwrap_or((latin.trim(), ""));
                let (s, g) = (
                    cased(&[surname.to_ascii_lowercase()], *case),
                    cased(&[given.trim().to_ascii_lowercase()], *case),
                );
                return Ok(Output::text(match part {
                    Some(NamePart::Surname) => s,
                    Some(NamePart::Given) => g,
                    None if g.is_empty() => s,
                    None => format!("{s}{separator}{g}"),
                }));
            }
            pinyin(&display_text(value), *case, separator, *part).map(Output::text)
        }
        Transform::Phone { style } => phone(&display_text(value), *style).map(Output::text),
        Transform::Amount { from, to } => {
            let text = display_text(value);
            let amount = match from {
                MoneyUnit::Wan => validate::amount_wan(&text),
                MoneyUnit::Yuan => validate::amount_yuan(&text),
            }
            .map_err(|_| TransformError::NotAnAmount)?;
            Ok(Output::text(match to {
                MoneyUnit::Wan => amount.wan(),
                MoneyUnit::Yuan => amount.yuan(),
            }))
        }
        Transform::Width { to } => {
            let text = display_text(value);
            Ok(Output::text(match to {
                Width::Half => to_half(&text),
                Width::Full => to_full(&text),
            }))
        }
        Transform::Choice {
            when,
            otherwise,
            by,
        } => {
            let stored = stored_text(value);
            let shown = display_text(value);
            let found = when.get(stored.trim()).or_else(|| when.get(shown.trim()));
            match (found, otherwise) {
                (Some(option), _) => Ok(Output::Choice {
                    by: *by,
                    option: option.clone(),
                }),
                (None, Some(t)) => apply(t, value, ctx),
                (None, None) => Err(TransformError::NoChoice),
            }
        }
        Transform::Member {
            item,
            yes,
            no,
            pick,
        } => {
            let held = match value {
                Value::List(items) => items.iter().any(|i| i.trim() == item.trim()),
                // A list typed as one text: 修改材料、签署文件.
                other => display_text(other)
                    .split(['、', ',', '，', ';', '；'])
                    .any(|i| i.trim() == item.trim()),
            };
            Ok(text_of(if held { yes } else { no }.clone(), *pick))
        }
        Transform::Constant { value, pick } => Ok(text_of(value.clone(), *pick)),
        Transform::Concat { parts, separator } => {
            let mut texts = Vec::with_capacity(parts.len());
            for part in parts {
                let out = match part {
                    Part::Key(key) => Output::text(display_text(&key_value(key, ctx)?)),
                    Part::Keyed { key, transform } => apply(transform, &key_value(key, ctx)?, ctx)?,
                    Part::Transform(t) => apply(t, value, ctx)?,
                };
                texts.push(out.as_str().to_string());
            }
            Ok(Output::text(texts.join(separator)))
        }
        Transform::Named { text } => apply(text, value, ctx),
        Transform::Condition {
            test,
            then,
            otherwise,
        } => {
            let key = Key::from_id(&test.key).ok_or_else(|| TransformError::UnknownKey {
                key: test.key.clone(),
            })?;
            let other = ctx.value(key);
            let holds = match (&test.equals, test.present) {
                (Some(expected), _) => other
                    .as_ref()
                    .is_some_and(|v| stored_text(v).trim() == expected.trim()),
                (None, Some(present)) => other.is_some() == present,
                (None, None) => other.is_some(),
            };
            match (holds, otherwise) {
                (true, _) => apply(then, value, ctx),
                (false, Some(t)) => apply(t, value, ctx),
                (false, None) => Err(TransformError::NotApplicable),
            }
        }
    }
}

/// Applies a transform to stored text (as the profile keeps it) without other elements.
pub fn apply_text(transform: &Transform, text: &str) -> Result<Output, TransformError> {
    apply(transform, &Value::Text(text.to_string()), &NoLookup)
}

fn code(
    table: CodeTable,
    domain: Option<Domain>,
    style: CodeStyle,
    value: &Value,
) -> Result<String, TransformError> {
    let row: &'static Code = match value {
        Value::Ethnicity(c) => Some(*c),
        other => codes::lookup(table.table(), &stored_text(other)),
    }
    .ok_or(TransformError::UnknownCode {
        table: table.table().key(),
    })?;
    if table == CodeTable::IdType {
        let kind = IdDocumentType::from_key(row.code).ok_or(TransformError::UnknownCode {
            table: table.table().key(),
        })?;
        return match style {
            CodeStyle::Code => {
                let domain = domain.ok_or(TransformError::DomainNeeded)?;
                kind.code_in(domain.id_domain()).map(str::to_string).ok_or(
                    TransformError::NoCodeInDomain {
                        domain: domain.key(),
                    },
                )
            }
            CodeStyle::Name => Ok(kind.name().to_string()),
            CodeStyle::Short => Ok(row.label().to_string()),
            CodeStyle::Letters => Err(TransformError::NoLetters),
        };
    }
    match style {
        CodeStyle::Code => Ok(row.code.to_string()),
        CodeStyle::Name => Ok(row.name.to_string()),
        CodeStyle::Short => Ok(row.label().to_string()),
        CodeStyle::Letters if !row.letters.is_empty() => Ok(row.letters.to_string()),
        CodeStyle::Letters => Err(TransformError::NoLetters),
    }
}

/// Reads an address: the JSON form of [`Address`], or one line (parsed). An address whose
/// province cannot be told is refused rather than guessed.
fn address_of(value: &Value) -> Result<Address, TransformError> {
    let text = display_text(value);
    let text = text.trim();
    let address = if text.starts_with('{') {
        serde_json::from_str::<Address>(text).map_err(|_| TransformError::NotAnAddress)?
    } else {
        parse_one_line(text).address
    };
    let known = [&address.province, &address.city, &address.county]
        .into_iter()
        .flatten()
        .any(|c| codes::division(c).is_some());
    if known {
        Ok(address)
    } else {
        Err(TransformError::NotAnAddress)
    }
}

fn one_line(address: &Address, style: AddressStyle) -> String {
    let full = render_one_line(address);
    if style == AddressStyle::OneLineWithProvince {
        return full;
    }
    let province = address
        .province
        .as_deref()
        .or(address.city.as_deref())
        .or(address.county.as_deref())
        .and_then(|c| codes::division_path(c).first().copied());
    match province {
        Some(p) if !p.is_municipality() => full
            .strip_prefix(p.name)
            .map(str::to_string)
            .unwrap_or(full),
        _ => full,
    }
}

/// What `transform` writes of `value`, in words for a person to read: a division by its name
/// where the form takes its code (review shows a cascade's select this way before its options
/// exist); any other transform's own output.
pub fn in_words(
    transform: &Transform,
    value: &Value,
    ctx: &dyn Lookup,
) -> Result<Output, TransformError> {
    match transform {
        Transform::AddressPart { part, .. } => {
            address_part(&address_of(value)?, *part, By::Name).map(Output::text)
        }
        other => apply(other, value, ctx),
    }
}

fn address_part(address: &Address, part: AddressPart, by: By) -> Result<String, TransformError> {
    let missing = || TransformError::AddressPartMissing { part: part.key() };
    let lowest = [&address.county, &address.city, &address.province]
        .into_iter()
        .flatten()
        .find_map(|c| codes::division(c));
    let path = lowest
        .map(|d| codes::division_path(d.code))
        .unwrap_or_default();
    let level = |l: codes::Level| path.iter().copied().find(|d| d.level == l);
    let division = match part {
        AddressPart::Province => level(codes::Level::Province),
        AddressPart::City => match level(codes::Level::Province) {
            Some(p) if p.is_municipality() => {
                return Ok(match by {
                    By::Name => p.name.to_string(),
                    By::Code => format!("{}0100", &p.code[..2]),
                });
            }
            _ => level(codes::Level::Prefecture),
        },
        AddressPart::County => address.county.as_deref().and_then(codes::division),
        AddressPart::Street => {
            let street: String = [
                &address.township,
                &address.village,
                &address.road,
                &address.house_no,
                &address.detail,
            ]
            .into_iter()
            .flatten()
            .map(|t| t.trim())
            .collect();
            return (!street.is_empty()).then_some(street).ok_or_else(missing);
        }
        other => {
            let text = match other {
                AddressPart::Township => &address.township,
                AddressPart::Village => &address.village,
                AddressPart::Road => &address.road,
                AddressPart::HouseNo => &address.house_no,
                _ => &address.detail,
            };
            return text
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .ok_or_else(missing);
        }
    };
    let d = division.ok_or_else(missing)?;
    Ok(match by {
        By::Name => d.name.to_string(),
        By::Code => d.code.to_string(),
    })
}

/// Cases pinyin syllables or a validated Latin name, both ASCII by the time they get here
/// (`validate::names::latin_name` admits ASCII letters only), so ASCII casing is exact.
fn cased(syllables: &[String], case: Case) -> String {
    let joined = syllables.concat();
    match case {
        Case::Upper => joined.to_ascii_uppercase(),
        Case::Lower => joined,
        Case::Title => {
            let mut chars = joined.chars();
            chars
                .next()
                .map(|c| format!("{}{}", c.to_ascii_uppercase(), chars.as_str()))
                .unwrap_or_default()
        }
    }
}

fn pinyin(
    name: &str,
    case: Case,
    separator: &str,
    part: Option<NamePart>,
) -> Result<String, TransformError> {
    let split = name::split(name).ok_or(TransformError::NotAName)?;
    let surname = name::syllables(split.surname, true).ok_or(TransformError::NoPinyin)?;
    let given = name::syllables(split.given, false).ok_or(TransformError::NoPinyin)?;
    let (s, g) = (cased(&surname, case), cased(&given, case));
    Ok(match part {
        Some(NamePart::Surname) => s,
        Some(NamePart::Given) => g,
        None => format!("{s}{separator}{g}"),
    })
}

fn phone(input: &str, style: PhoneStyle) -> Result<String, TransformError> {
    use text::Phone;
    let parsed = text::parse_phone(input).ok_or(TransformError::NotAPhone)?;
    let ext_suffix =
        |ext: &Option<String>| ext.as_deref().map(|e| format!("-{e}")).unwrap_or_default();
    Ok(match (parsed, style) {
        (Phone::Mobile(m), PhoneStyle::E164) => format!("+86{m}"),
        (Phone::Mobile(m), _) => m,
        (
            Phone::Landline { ext: Some(_), .. } | Phone::Service { ext: Some(_), .. },
            PhoneStyle::E164,
        ) => {
            return Err(TransformError::ExtensionInE164);
        }
        (Phone::Landline { area, number, .. }, PhoneStyle::E164) => {
            format!("+86{}{number}", area.trim_start_matches('0'))
        }
        (Phone::Landline { area, number, ext }, PhoneStyle::National) => {
            format!("{area}{number}{}", ext_suffix(&ext))
        }
        (Phone::Landline { area, number, ext }, PhoneStyle::AreaDash) => {
            format!("{area}-{number}{}", ext_suffix(&ext))
        }
        (Phone::Service { number, .. }, PhoneStyle::E164) => format!("+86{number}"),
        (Phone::Service { number, ext }, PhoneStyle::National) => {
            format!("{number}{}", ext_suffix(&ext))
        }
        (Phone::Service { number, ext }, PhoneStyle::AreaDash) => format!(
            "{}-{}-{}{}",
            &number[..3],
            &number[3..6],
            &number[6..],
            ext_suffix(&ext)
        ),
    })
}
