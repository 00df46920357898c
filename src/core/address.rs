//! Structured addresses: the profile keeps an address as its parts and renders the one line a
//! form asks for; a one-line address typed or pasted is parsed back into parts.
//!
//! The one line follows the order the forms print (SAMR 登记文书; 公安 填表说明: "住址前应当冠以
//! 省、自治区、直辖市的名称"): 省 + 市 + 县 + 乡（镇、街道）+ 村（社区）/ 路（街、巷）+ 号 + 详址.
//! The province always comes first; a 直辖市 is written once (北京市朝阳区…, not 北京市北京市…).
//!
//! # JSON form
//!
//! Every member is optional and omitted when empty. `province`, `city` and `county` hold
//! GB/T 2260 codes (see [`codes::division`]); the others hold text as written, `house_no` with
//! its `号`:
//!
//! ```json
//! {"province":"330000","city":"330100","county":"330106","township":"西溪街道",
//!  "road":"文三路","house_no":"478号","detail":"华星时代广场A座1203室"}
//! ```
//!
//! For a 直辖市 `city` is absent (`{"province":"110000","county":"110105",…}`).
//!
//! ```
//! use oncefill::core::address::{parse_one_line, render_one_line};
//! let parsed = parse_one_line("浙江杭州西湖区文三路478号华星时代广场A座1203室");
//! assert_eq!(parsed.address.county.as_deref(), Some("330106"));
//! assert_eq!(parsed.address.house_no.as_deref(), Some("478号"));
//! assert_eq!(
//!     render_one_line(&parsed.address),
//!     "浙江省杭州市西湖区文三路478号华星时代广场A座1203室"
//! );
//! ```

use serde::{Deserialize, Serialize};

use crate::core::codes::{self, Division, Level};
use crate::core::i18n::{Arg, Lang, tr};

/// An address in parts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    /// 省（自治区、直辖市）: a GB/T 2260 code `NN0000`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// 市（地区、自治州、盟）: a code `NNNN00`; absent for 直辖市 and 省直辖 counties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// 县（县级市、区、旗）: a 6-digit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// 乡（民族乡、镇、街道）, e.g. `西溪街道`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub township: Option<String>,
    /// 村（社区）, e.g. `石桥村`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    /// 路（街、巷）, e.g. `文三路`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub road: Option<String>,
    /// 门（楼）牌号 with its `号`, e.g. `478号`, `5号院`, `3组15号`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub house_no: Option<String>,
    /// 门（楼）详址 and anything else, e.g. `3幢2单元501室`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Which division member of an [`Address`] an issue is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddressField {
    /// `province`.
    Province,
    /// `city`.
    City,
    /// `county`.
    County,
}

impl AddressField {
    fn key(self) -> &'static str {
        match self {
            AddressField::Province => "province",
            AddressField::City => "city",
            AddressField::County => "county",
        }
    }

    fn level(self) -> Level {
        match self {
            AddressField::Province => Level::Province,
            AddressField::City => Level::Prefecture,
            AddressField::County => Level::County,
        }
    }
}

/// A problem with a structured address.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressIssue {
    /// No province is given.
    ProvinceMissing,
    /// A code that is not a division in force and never was one (since 1980).
    UnknownCode {
        /// The member.
        field: AddressField,
        /// The code as given.
        code: String,
    },
    /// A code that was retired.
    RetiredCode {
        /// The member.
        field: AddressField,
        /// The code as given.
        code: String,
        /// The name it had.
        name: String,
    },
    /// A division of another level than the member holds (a county code as `city`).
    WrongLevel {
        /// The member.
        field: AddressField,
        /// The code as given.
        code: String,
    },
    /// The city is not in the province.
    CityOutsideProvince {
        /// The city's code.
        city: String,
        /// The province's code.
        province: String,
    },
    /// The county is not in the city.
    CountyOutsideCity {
        /// The county's code.
        county: String,
        /// The city's code.
        city: String,
    },
    /// The county is not in the province (no city given).
    CountyOutsideProvince {
        /// The county's code.
        county: String,
        /// The province's code.
        province: String,
    },
}

impl AddressIssue {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            AddressIssue::ProvinceMissing => "address.province.missing",
            AddressIssue::UnknownCode { .. } => "address.code.unknown",
            AddressIssue::RetiredCode { .. } => "address.code.retired",
            AddressIssue::WrongLevel { .. } => "address.code.level",
            AddressIssue::CityOutsideProvince { .. } => "address.city.outside",
            AddressIssue::CountyOutsideCity { .. } => "address.county.outside",
            AddressIssue::CountyOutsideProvince { .. } => "address.county.outside-province",
        }
    }

    /// The sentence a person reads. It names the member the issue is about (the county, the
    /// city, …), never the code or the division chosen there: a message may be shown or logged
    /// where the address itself must not be.
    pub fn message(&self, lang: Lang) -> String {
        let field = |f: &AddressField| ("field", Arg::Str(f.key()));
        match self {
            AddressIssue::ProvinceMissing => tr(lang, "address-province-missing", &[]),
            AddressIssue::UnknownCode { field: f, .. } => {
                tr(lang, "address-code-unknown", &[field(f)])
            }
            AddressIssue::RetiredCode { field: f, .. } => {
                tr(lang, "address-code-retired", &[field(f)])
            }
            AddressIssue::WrongLevel { field: f, .. } => {
                tr(lang, "address-code-level", &[field(f)])
            }
            AddressIssue::CityOutsideProvince { .. } => tr(
                lang,
                "address-outside",
                &[
                    ("inner", Arg::Str(AddressField::City.key())),
                    ("outer", Arg::Str(AddressField::Province.key())),
                ],
            ),
            AddressIssue::CountyOutsideCity { .. } => tr(
                lang,
                "address-outside",
                &[
                    ("inner", Arg::Str(AddressField::County.key())),
                    ("outer", Arg::Str(AddressField::City.key())),
                ],
            ),
            AddressIssue::CountyOutsideProvince { .. } => tr(
                lang,
                "address-outside",
                &[
                    ("inner", Arg::Str(AddressField::County.key())),
                    ("outer", Arg::Str(AddressField::Province.key())),
                ],
            ),
        }
    }
}

/// Checks the division members of an address: a province is given, every code is a division
/// in force of the member's level, and each lies inside the one above it. The text members are
/// not checked. All issues are returned, in member order.
pub fn validate(address: &Address) -> Result<(), Vec<AddressIssue>> {
    let mut issues = Vec::new();
    let mut known = |field: AddressField, code: &Option<String>| -> Option<&'static Division> {
        let code = code.as_deref().map(str::trim).filter(|c| !c.is_empty())?;
        match codes::division(code) {
            Some(d) if d.level == field.level() => Some(d),
            Some(_) => {
                issues.push(AddressIssue::WrongLevel {
                    field,
                    code: code.to_string(),
                });
                None
            }
            None => {
                let retired = codes::retired(code);
                issues.push(match retired.last() {
                    Some(r) => AddressIssue::RetiredCode {
                        field,
                        code: code.to_string(),
                        name: r.name.to_string(),
                    },
                    None => AddressIssue::UnknownCode {
                        field,
                        code: code.to_string(),
                    },
                });
                None
            }
        }
    };
    let province_given = address
        .province
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    let province = known(AddressField::Province, &address.province);
    let city = known(AddressField::City, &address.city);
    let county = known(AddressField::County, &address.county);
    if !province_given {
        issues.insert(0, AddressIssue::ProvinceMissing);
    }
    if let (Some(p), Some(c)) = (province, city) {
        if c.parent != Some(p.code) {
            issues.push(AddressIssue::CityOutsideProvince {
                city: c.code.to_string(),
                province: p.code.to_string(),
            });
        }
    }
    match (city, county) {
        (Some(c), Some(k)) if k.parent != Some(c.code) => {
            issues.push(AddressIssue::CountyOutsideCity {
                county: k.code.to_string(),
                city: c.code.to_string(),
            });
        }
        (None, Some(k)) => {
            let in_province = codes::division_path(k.code).first().map(|d| d.code);
            if let Some(p) = province.filter(|p| in_province != Some(p.code)) {
                issues.push(AddressIssue::CountyOutsideProvince {
                    county: k.code.to_string(),
                    province: p.code.to_string(),
                });
            }
        }
        _ => {}
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

/// The one-line form: 省 + 市 + 县 + 乡 + 村 + 路 + 号 + 详址, skipping absent parts.
///
/// The province is always written: when `province` is absent it is taken from the city or
/// county code, as is a missing city. A 直辖市 is written once. Codes that are not divisions in
/// force are left out ([`validate`] reports them). A `house_no` ending in a digit gets `号`.
pub fn render_one_line(address: &Address) -> String {
    let code = |c: &Option<String>| c.as_deref().and_then(codes::division);
    let (province, city, county) = (
        code(&address.province),
        code(&address.city),
        code(&address.county),
    );
    let lowest = county.or(city).or(province);
    let path = lowest
        .map(|d| codes::division_path(d.code))
        .unwrap_or_default();
    let from_path = |level: Level| path.iter().copied().find(|d| d.level == level);
    let province = province.or_else(|| from_path(Level::Province));
    let city = city.or_else(|| from_path(Level::Prefecture));

    let mut out = String::new();
    for d in [province, city, county].into_iter().flatten() {
        out.push_str(d.name);
    }
    for part in [&address.township, &address.village, &address.road] {
        if let Some(text) = part.as_deref().map(str::trim) {
            out.push_str(text);
        }
    }
    if let Some(no) = address.house_no.as_deref().map(str::trim) {
        out.push_str(no);
        if no
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            out.push('号');
        }
    }
    if let Some(text) = address.detail.as_deref().map(str::trim) {
        out.push_str(text);
    }
    out
}

/// Something [`parse_one_line`] wants a person to look at.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseWarning {
    /// No province was written and none could be inferred.
    NoProvince,
    /// A division that was not written was filled in from the one below it.
    Inferred {
        /// Its name, e.g. `浙江省`.
        name: String,
    },
    /// A name that fits several divisions, so none was chosen.
    Ambiguous {
        /// The text, e.g. `朝阳`.
        text: String,
        /// How many divisions it fits.
        count: usize,
    },
    /// Text whose part could not be recognised; it is kept in `detail`.
    Unplaced {
        /// The text.
        text: String,
    },
}

impl ParseWarning {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ParseWarning::NoProvince => "address.parse.province",
            ParseWarning::Inferred { .. } => "address.parse.inferred",
            ParseWarning::Ambiguous { .. } => "address.parse.ambiguous",
            ParseWarning::Unplaced { .. } => "address.parse.unplaced",
        }
    }

    /// The sentence a person reads: it says which kind of part is in question, never the text
    /// written (the address is the person's own; the editor shows it next to the note).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ParseWarning::NoProvince => tr(lang, "address-parse-province", &[]),
            ParseWarning::Inferred { .. } => tr(lang, "address-parse-inferred", &[]),
            ParseWarning::Ambiguous { count, .. } => tr(
                lang,
                "address-parse-ambiguous",
                &[("count", Arg::Num(*count as i64))],
            ),
            ParseWarning::Unplaced { .. } => tr(lang, "address-parse-unplaced", &[]),
        }
    }
}

/// What [`parse_one_line`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedAddress {
    /// The parts.
    pub address: Address,
    /// Text the parser could not place, also kept in `address.detail`: anything before the
    /// province, and what follows the divisions when no village, road or house number was
    /// recognised. Empty when everything was placed.
    pub unplaced: String,
    /// What a person should check, in the order found.
    pub warnings: Vec<ParseWarning>,
}

/// Parses a one-line address into parts, left to right: province, prefecture and county by
/// name (full names, or the common short forms — `浙江`, `杭州`, `西湖`, `内蒙古` — where the
/// short form fits only one division under its parent), then 乡/镇/街道, 村/社区, 路/街/巷/大道,
/// the house number (`…号`, `…号院`, `…组…号`), and the rest as `detail`.
///
/// Whitespace is dropped; no other character is: every character of the input appears in
/// [`render_one_line`] of the result. A missing province (or prefecture) is inferred from a
/// prefecture or county whose name is unique, with a warning. Never panics.
pub fn parse_one_line(input: &str) -> ParsedAddress {
    let text: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let mut p = Parser {
        text: &text,
        pos: 0,
        warnings: Vec::new(),
        ambiguous_at: None,
    };
    let mut address = Address::default();
    let mut prefix = String::new();

    let start = p.pos;
    let mut province = p.take_among(&codes::provinces());
    let mut written = p.text.get(start..p.pos).unwrap_or("").to_string();
    if province.is_none() {
        if let Some((skip, d)) = p.province_ahead() {
            prefix = p.text.get(..skip).unwrap_or("").to_string();
            p.pos = skip + d.name.len();
            written = d.name.to_string();
            province = Some(d);
        }
    }

    let (mut city, mut county) = (None, None);
    match province {
        Some(prov) => {
            // 北京市北京市朝阳区… (the municipality repeated in full, as some systems print it)
            // is read once; any other repetition is kept as written.
            if prov.is_municipality() && written == prov.name && p.rest().starts_with(prov.name) {
                p.pos += prov.name.len();
            }
            if let Some(d) = p.take_among(&codes::children(prov.code)) {
                match d.level {
                    Level::County => county = Some(d),
                    _ => city = Some(d),
                }
            } else if let Some(d) = p.take_full_name_below(prov) {
                county = Some(d);
                city = d
                    .parent
                    .and_then(codes::division)
                    .filter(|c| c.level == Level::Prefecture);
                if let Some(c) = city {
                    p.warnings.push(ParseWarning::Inferred {
                        name: c.name.to_string(),
                    });
                }
            }
        }
        None => {
            if let Some(d) = p.take_unique_anywhere() {
                let path = codes::division_path(d.code);
                for above in path.iter().filter(|a| a.level < d.level) {
                    p.warnings.push(ParseWarning::Inferred {
                        name: above.name.to_string(),
                    });
                }
                province = path.first().copied();
                match d.level {
                    Level::County => {
                        county = Some(d);
                        city = path.iter().copied().find(|a| a.level == Level::Prefecture);
                    }
                    _ => city = Some(d),
                }
            } else {
                p.warnings.insert(0, ParseWarning::NoProvince);
            }
        }
    }
    if let (Some(c), None) = (city, county) {
        county = p.take_among(&codes::children(c.code));
    }
    address.province = province.map(|d| d.code.to_string());
    address.city = city.map(|d| d.code.to_string());
    address.county = county.map(|d| d.code.to_string());

    // A division name that fits several divisions (`朝阳区…` without a province) stops the
    // parse there: the rest is kept whole rather than read as a road.
    if p.ambiguous_at != Some(p.pos) {
        address.township = p.take_named(&["街道", "镇", "乡"], 2, TOWNSHIP_STOPS);
        address.village = p.take_named(&["村委会", "居委会", "社区", "村"], 1, VILLAGE_STOPS);
        address.road = p.take_named(&["大道", "大街", "胡同", "路", "街", "巷"], 1, ROAD_STOPS);
        address.house_no = p.take_house_no();
    }

    let rest = p.rest().to_string();
    let anchored =
        address.village.is_some() || address.road.is_some() || address.house_no.is_some();
    let unplaced_tail = if anchored { "" } else { rest.as_str() };
    for text in [prefix.as_str(), unplaced_tail] {
        if !text.is_empty() {
            p.warnings.push(ParseWarning::Unplaced {
                text: text.to_string(),
            });
        }
    }
    let unplaced = format!("{prefix}{unplaced_tail}");
    // What came before the province goes last, so the divisions still lead the line.
    let detail = format!("{rest}{prefix}");
    address.detail = (!detail.is_empty()).then_some(detail);
    ParsedAddress {
        address,
        unplaced,
        warnings: p.warnings,
    }
}

/// Characters that end the search for a township name.
const TOWNSHIP_STOPS: &[char] = &['路', '街', '巷', '号', '弄', '村', '省', '县', '区'];
/// Characters that end the search for a village name.
const VILLAGE_STOPS: &[char] = &['路', '街', '巷', '号', '弄'];
/// Characters that end the search for a road name.
const ROAD_STOPS: &[char] = &['号', '弄'];
/// After a short division name, these mean it is part of a longer name — `朝阳路`, `朝阳门`,
/// `吉林市` (for 吉林省) — and not the division.
const AFTER_SHORT_STOPS: &[char] = &[
    '省', '市', '区', '县', '旗', '州', '盟', '镇', '乡', '路', '街', '巷', '道', '大', '桥', '门',
    '村', '里', '弄', '号', '胡',
];
/// The longest name searched for before a suffix, in characters.
const MAX_NAME_CHARS: usize = 12;

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    warnings: Vec<ParseWarning>,
    /// Where the last ambiguous division name was met.
    ambiguous_at: Option<usize>,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn ambiguous(&mut self, text: String, count: usize) {
        self.ambiguous_at = Some(self.pos);
        self.warnings.push(ParseWarning::Ambiguous { text, count });
    }

    /// A division among `candidates` at the current position: the longest full name, else the
    /// longest short form that fits exactly one candidate.
    fn take_among(&mut self, candidates: &[&'static Division]) -> Option<&'static Division> {
        let rest = self.rest();
        let longest = |items: &mut dyn Iterator<Item = (&'static Division, &'static str)>| {
            let mut best: Vec<(&'static Division, &'static str)> = Vec::new();
            for (d, name) in items {
                match best.first() {
                    Some((_, b)) if b.len() > name.len() => {}
                    Some((_, b)) if b.len() == name.len() => best.push((d, name)),
                    _ => best = vec![(d, name)],
                }
            }
            best
        };
        let full = longest(
            &mut candidates
                .iter()
                .filter(|d| rest.starts_with(d.name))
                .map(|d| (*d, d.name)),
        );
        if let [(d, name)] = full.as_slice() {
            self.pos += name.len();
            return Some(d);
        }
        let short = longest(
            &mut candidates
                .iter()
                .filter(|d| d.short_name() != d.name && rest.starts_with(d.short_name()))
                .map(|d| (*d, d.short_name())),
        );
        let consumed = |d: &Division, short: &str| short_tail(rest, d, short);
        let fitting: Vec<_> = short
            .iter()
            .filter_map(|(d, s)| consumed(d, s).map(|n| (*d, n)))
            .collect();
        match fitting.as_slice() {
            [(d, n)] => {
                self.pos += n;
                Some(d)
            }
            [] => None,
            many => {
                let text = short
                    .first()
                    .map(|(_, s)| s.to_string())
                    .unwrap_or_default();
                self.ambiguous(text, many.len());
                None
            }
        }
    }

    /// A province whose full name starts within the first few characters (after `中国`,
    /// `地址：` and the like): (byte offset, province).
    fn province_ahead(&self) -> Option<(usize, &'static Division)> {
        let provinces = codes::provinces();
        self.text
            .char_indices()
            .skip(1)
            .take(MAX_NAME_CHARS)
            .find_map(|(at, _)| {
                let rest = self.text.get(at..)?;
                provinces
                    .iter()
                    .find(|d| rest.starts_with(d.name))
                    .map(|d| (at, *d))
            })
    }

    /// A county anywhere in `province` by its full name, when only one has it.
    fn take_full_name_below(&mut self, province: &Division) -> Option<&'static Division> {
        let rest = self.rest();
        let mut found: Vec<&'static Division> = Vec::new();
        for city in codes::children(province.code) {
            for county in codes::children(city.code) {
                if rest.starts_with(county.name) {
                    found.push(county);
                }
            }
        }
        let max = found.iter().map(|d| d.name.len()).max()?;
        found.retain(|d| d.name.len() == max);
        match found.as_slice() {
            [d] => {
                self.pos += d.name.len();
                Some(d)
            }
            many => {
                let text = many.first().map(|d| d.name.to_string()).unwrap_or_default();
                self.ambiguous(text, many.len());
                None
            }
        }
    }

    /// Without a province: a prefecture or county whose full name, or else short name, is
    /// unique in the whole country.
    fn take_unique_anywhere(&mut self) -> Option<&'static Division> {
        let rest = self.rest();
        let ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(MAX_NAME_CHARS)
            .collect();
        for &end in ends.iter().rev() {
            let Some(prefix) = rest.get(..end) else {
                continue;
            };
            let found = codes::find_by_name(prefix);
            if found.is_empty() {
                continue;
            }
            let full: Vec<_> = found.iter().filter(|d| d.name == prefix).collect();
            match (full.as_slice(), found.as_slice()) {
                ([d], _) if d.level != Level::Province => {
                    self.pos += end;
                    return Some(d);
                }
                ([], [d]) if d.level != Level::Province => {
                    if let Some(n) = short_tail(rest, d, prefix) {
                        self.pos += n;
                        return Some(d);
                    }
                }
                _ => {
                    let count = if full.is_empty() {
                        found.len()
                    } else {
                        full.len()
                    };
                    if count > 1 {
                        self.ambiguous(prefix.to_string(), count);
                        return None;
                    }
                }
            }
        }
        None
    }

    /// A name of at least `min_chars` characters ending in one of `suffixes` (longest first
    /// where several end at the same place), searched up to a stop character.
    fn take_named(
        &mut self,
        suffixes: &[&str],
        min_chars: usize,
        stops: &[char],
    ) -> Option<String> {
        let rest = self.rest();
        for (n, (at, ch)) in rest.char_indices().enumerate().take(MAX_NAME_CHARS + 1) {
            if n >= min_chars {
                let tail = rest.get(at..).unwrap_or("");
                if let Some(suffix) = suffixes.iter().find(|s| tail.starts_with(*s)) {
                    let end = at + suffix.len();
                    let name = rest.get(..end).unwrap_or("").to_string();
                    self.pos += end;
                    return Some(name);
                }
            }
            if stops.contains(&ch) || is_digit(ch) {
                return None;
            }
        }
        None
    }

    /// `[甲乙丙丁附]? N (号院|号|弄N号|组[N号])`, where N is digits (also full-width or
    /// Chinese numerals, with `-`/`之` between); not `N号楼` (a building, left to `detail`).
    fn take_house_no(&mut self) -> Option<String> {
        let rest = self.rest();
        let mut chars = rest.char_indices().peekable();
        if chars.peek().is_some_and(|(_, c)| "甲乙丙丁附".contains(*c)) {
            chars.next();
        }
        let number = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
            let mut seen = false;
            while let Some((_, c)) = chars.peek().copied() {
                if is_digit(c)
                    || "一二三四五六七八九十百千零〇".contains(c)
                    || (seen && "-－之".contains(c))
                {
                    seen = true;
                    chars.next();
                } else {
                    break;
                }
            }
            seen
        };
        if !number(&mut chars) {
            return None;
        }
        let at = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
            chars.peek().map(|(i, _)| *i).unwrap_or(rest.len())
        };
        let start = at(&mut chars);
        let tail = rest.get(start..).unwrap_or("");
        let end = if tail.starts_with("号院") {
            start + "号院".len()
        } else if tail.starts_with("号楼") {
            return None;
        } else if tail.starts_with('号') {
            start + '号'.len_utf8()
        } else if let Some(after) = tail.strip_prefix('弄') {
            let base = start + '弄'.len_utf8();
            let mut more = after.char_indices().peekable();
            if !number(&mut more) {
                return None;
            }
            let digits_end = more.peek().map(|(i, _)| *i).unwrap_or(after.len());
            if !after.get(digits_end..).unwrap_or("").starts_with('号') {
                return None;
            }
            base + digits_end + '号'.len_utf8()
        } else if let Some(after) = tail.strip_prefix('组').or_else(|| tail.strip_prefix('社')) {
            let base = start + '组'.len_utf8();
            let mut more = after.char_indices().peekable();
            let digits_end = if number(&mut more) {
                more.peek().map(|(i, _)| *i).unwrap_or(after.len())
            } else {
                0
            };
            let after_digits = after.get(digits_end..).unwrap_or("");
            if digits_end > 0 && after_digits.starts_with('号') && !after_digits.starts_with("号楼")
            {
                base + digits_end + '号'.len_utf8()
            } else {
                base
            }
        } else {
            return None;
        };
        let no = rest.get(..end)?.to_string();
        self.pos += end;
        Some(no)
    }
}

/// How many bytes of `rest` a short name `short` of `d` takes: the short name plus the part of
/// the full name's ending that follows it in the text (`广西` + `自治区`), or `None` when the
/// next character shows it is part of another name (`朝阳路`, `吉林市` for the province).
fn short_tail(rest: &str, d: &Division, short: &str) -> Option<usize> {
    let after = rest.get(short.len()..)?;
    // `海南` is not 海南省 in `海南藏族自治州`: a longer full name of another division wins.
    let longer_full_name = rest
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(MAX_NAME_CHARS)
        .filter(|&end| end > short.len())
        .any(|end| {
            rest.get(..end).is_some_and(|prefix| {
                prefix != d.name
                    && codes::find_by_name(prefix)
                        .iter()
                        .any(|other| other.name == prefix)
            })
        });
    if longer_full_name {
        return None;
    }
    let tail = d.name.get(short.len()..).unwrap_or("");
    for (i, _) in tail.char_indices() {
        let ending = tail.get(i..).unwrap_or("");
        if !ending.is_empty() && after.starts_with(ending) {
            return Some(short.len() + ending.len());
        }
    }
    match after.chars().next() {
        Some(c) if AFTER_SHORT_STOPS.contains(&c) => None,
        _ => Some(short.len()),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(p: &ParsedAddress) -> [Option<&str>; 3] {
        [
            p.address.province.as_deref(),
            p.address.city.as_deref(),
            p.address.county.as_deref(),
        ]
    }

    #[test]
    fn municipality_is_written_once() {
        let a = Address {
            province: Some("110000".into()),
            county: Some("110105".into()),
            road: Some("建国路".into()),
            house_no: Some("88".into()),
            ..Address::default()
        };
        assert_eq!(render_one_line(&a), "北京市朝阳区建国路88号");
        let p = parse_one_line("北京市北京市朝阳区建国路88号");
        assert_eq!(codes_of(&p), [Some("110000"), None, Some("110105")]);
    }

    #[test]
    fn short_forms() {
        let p = parse_one_line("广西自治区南宁青秀区民族大道100号");
        assert_eq!(
            codes_of(&p),
            [Some("450000"), Some("450100"), Some("450103")]
        );
        assert_eq!(p.address.road.as_deref(), Some("民族大道"));
        let p = parse_one_line("吉林市船营区");
        assert_eq!(
            codes_of(&p),
            [Some("220000"), Some("220200"), Some("220204")]
        );
    }

    #[test]
    fn validation() {
        let ok = Address {
            province: Some("330000".into()),
            city: Some("330100".into()),
            county: Some("330106".into()),
            ..Address::default()
        };
        assert_eq!(validate(&ok), Ok(()));
        let wrong = Address {
            county: Some("440305".into()),
            ..ok.clone()
        };
        let issues = validate(&wrong).err().unwrap_or_default();
        assert_eq!(
            issues.iter().map(|i| i.code()).collect::<Vec<_>>(),
            ["address.county.outside"]
        );
        let zh = issues[0].message(Lang::ZhCn);
        assert!(
            zh.contains("县级") && !zh.contains("南山区") && !zh.contains("440305"),
            "{zh}"
        );
    }
}
