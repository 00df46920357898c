//! Code tables the profile uses, each with its source and date.
//!
//! * [`ETHNICITIES`] — GB 3304-1991 民族 with its two-letter romanised codes, plus the common
//!   local additions 97 其他 and 98 外国血统中国籍人士.
//! * Small national tables as constants ([`tables`]): GB/T 2261.1 性别, GB/T 2261.2 婚姻状况,
//!   GB/T 4762 政治面貌, GB/T 4658 学历, GB/T 4761 家庭关系, 人社 aac009 户口性质.
//! * GB/T 2659 countries and regions ([`countries`]), from `data/codes/countries.csv`.
//! * ID-document types ([`IdDocumentType`]): one canonical list with the codes of the
//!   不动产, 卫健 and 税务 systems.
//! * GB/T 2260 administrative divisions ([`division`], [`children`], [`provinces`],
//!   [`division_path`]) and the codes retired since 1980 ([`id_address_status`]), from
//!   `data/codes/divisions.csv` and `data/codes/divisions_history.csv`.
//!
//! The data files are derived from registry packages by `xtask/data/derive_codes.py`; each
//! starts with a `# source:` line and has a `.SOURCE` note beside it. Natively they are
//! embedded with `include_str!`; the browser bundle leaves the countries and the divisions out
//! and fetches them when the widget starts ([`install_countries`], [`install_divisions`],
//! [`install_history`]), making no judgement on those values until they arrive. Each table
//! is parsed once, on first use.
//!
//! Code-table selects use [`table`] for their options and [`lookup`] to match what a person
//! typed or what a page shows:
//!
//! ```
//! use oncefill::core::codes::{self, TableId};
//! assert_eq!(codes::lookup(TableId::PoliticalStatus, "党员").map(|c| c.code), Some("01"));
//! assert_eq!(codes::lookup(TableId::Country, "chn").map(|c| c.name), Some("中国"));
//! assert_eq!(codes::table(TableId::Sex).len(), 4);
//! ```

use std::sync::OnceLock;

mod countries;
mod divisions;
mod id_documents;
pub mod tables;

pub use countries::{Country, countries, countries_available, country, install_countries};
pub use divisions::{
    AddressCodeStatus, Division, Level, RetiredDivision, all_divisions, children, division,
    division_path, divisions_available, find_by_name, history_available, id_address_status,
    install_divisions, install_history, provinces, retired,
};
#[doc(hidden)]
pub use divisions::{DivisionRow, division_rows, history_rows};
pub use id_documents::{IdDocumentType, IdDomain};
pub use tables::{ETHNICITIES, ethnicity};

/// One row of a code table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// The standard's code, e.g. `01`; for countries the alpha-3 code (`CHN`); for ID-document
    /// types the canonical key (`resident_id_card`).
    pub code: &'static str,
    /// The zh-CN name as the standard writes it, e.g. `汉族`, `中国共产党党员`.
    pub name: &'static str,
    /// A letter code: GB 3304's romanised code (`HA`), or a country's alpha-2 code (`CN`);
    /// empty where the table has none.
    pub letters: &'static str,
    /// The short form forms commonly print, e.g. `中共党员`, `男`, `本科`. Empty where the
    /// name is already short (and for countries: see [`Country`] for their other names).
    pub short: &'static str,
}

impl Code {
    /// The short form where there is one, else the name.
    pub fn label(&self) -> &'static str {
        if self.short.is_empty() {
            self.name
        } else {
            self.short
        }
    }
}

pub(crate) const fn c(code: &'static str, name: &'static str, short: &'static str) -> Code {
    Code {
        code,
        name,
        letters: "",
        short,
    }
}

pub(crate) const fn c_letters(
    code: &'static str,
    name: &'static str,
    letters: &'static str,
) -> Code {
    Code {
        code,
        name,
        letters,
        short: "",
    }
}

/// The code tables [`table`] and [`lookup`] serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TableId {
    /// GB/T 2261.1-2003 人的性别代码.
    Sex,
    /// GB/T 2261.2-2003 婚姻状况代码.
    MaritalStatus,
    /// GB 3304-1991 中国各民族名称的罗马字母拼写法和代码.
    Ethnicity,
    /// GB/T 4762-1984 政治面貌代码.
    PoliticalStatus,
    /// GB/T 4658-2006 学历代码.
    Education,
    /// GB/T 4761-2008 家庭关系代码.
    FamilyRelation,
    /// 人社 aac009 户口性质.
    HukouType,
    /// GB/T 2659 世界各国和地区名称代码 (= ISO 3166-1).
    Country,
    /// The canonical ID-document types ([`IdDocumentType`]).
    IdDocumentType,
}

impl TableId {
    /// Every table, in the order above.
    pub const ALL: &'static [TableId] = &[
        TableId::Sex,
        TableId::MaritalStatus,
        TableId::Ethnicity,
        TableId::PoliticalStatus,
        TableId::Education,
        TableId::FamilyRelation,
        TableId::HukouType,
        TableId::Country,
        TableId::IdDocumentType,
    ];

    /// A stable key for programs, e.g. `political_status`.
    pub fn key(self) -> &'static str {
        match self {
            TableId::Sex => "sex",
            TableId::MaritalStatus => "marital_status",
            TableId::Ethnicity => "ethnicity",
            TableId::PoliticalStatus => "political_status",
            TableId::Education => "education",
            TableId::FamilyRelation => "family_relation",
            TableId::HukouType => "hukou_type",
            TableId::Country => "country",
            TableId::IdDocumentType => "id_document_type",
        }
    }

    /// The table for a [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<TableId> {
        TableId::ALL.iter().copied().find(|t| t.key() == key)
    }

    /// The standard (or system) the table comes from, e.g. `GB/T 4762-1984`.
    pub fn standard(self) -> &'static str {
        match self {
            TableId::Sex => "GB/T 2261.1-2003",
            TableId::MaritalStatus => "GB/T 2261.2-2003",
            TableId::Ethnicity => "GB 3304-1991",
            TableId::PoliticalStatus => "GB/T 4762-1984",
            TableId::Education => "GB/T 4658-2006",
            TableId::FamilyRelation => "GB/T 4761-2008",
            TableId::HukouType => "人社 aac009",
            TableId::Country => "GB/T 2659 / ISO 3166-1",
            TableId::IdDocumentType => "OnceFill canonical",
        }
    }
}

/// The rows of a code table, in code order (countries by alpha-2 code).
pub fn table(id: TableId) -> &'static [Code] {
    match id {
        TableId::Sex => tables::SEXES,
        TableId::MaritalStatus => tables::MARITAL_STATUSES,
        TableId::Ethnicity => tables::ETHNICITIES,
        TableId::PoliticalStatus => tables::POLITICAL_STATUSES,
        TableId::Education => tables::EDUCATION_LEVELS,
        TableId::FamilyRelation => tables::FAMILY_RELATIONS,
        TableId::HukouType => tables::HUKOU_TYPES,
        TableId::Country => countries::country_codes(),
        TableId::IdDocumentType => id_documents::ID_DOCUMENT_CODES,
    }
}

/// Finds the row a person or a page means: by code (`01`, also `1` for `01`), by name
/// (`中国共产党党员`), by short form (`中共党员`), by a common alias (`党员`, `丈夫`,
/// `身份证`), or by letter code (`HA`, `cn`, case-insensitive). Whitespace and full-width
/// letters and digits are tolerated. Countries also match their numeric code and English name.
pub fn lookup(id: TableId, query: &str) -> Option<&'static Code> {
    let q = normalise(query);
    if q.is_empty() {
        return None;
    }
    match id {
        TableId::Ethnicity => return ethnicity(&q),
        TableId::Country => return countries::country_code(&q),
        _ => {}
    }
    let rows = table(id);
    let numeric = |a: &str, b: &str| {
        !a.is_empty()
            && a.bytes().all(|x| x.is_ascii_digit())
            && b.bytes().all(|x| x.is_ascii_digit())
            && a.trim_start_matches('0') == b.trim_start_matches('0')
            && a.len() < b.len()
    };
    rows.iter()
        .find(|r| r.code == q)
        .or_else(|| rows.iter().find(|r| r.name == q || r.short == q))
        .or_else(|| {
            tables::ALIASES
                .iter()
                .find(|(t, alias, _)| *t == id && *alias == q)
                .and_then(|(_, _, code)| rows.iter().find(|r| r.code == *code))
        })
        .or_else(|| {
            rows.iter()
                .find(|r| !r.letters.is_empty() && r.letters.eq_ignore_ascii_case(&q))
        })
        .or_else(|| rows.iter().find(|r| numeric(&q, r.code)))
}

/// Trims, drops inner whitespace and folds full-width ASCII (`ＣＮ`, `０１`) to ASCII.
pub(crate) fn normalise(query: &str) -> String {
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A data file embedded in native builds and, in the browser, fetched when the widget starts
/// and installed once: until then the table is not available and its users make no judgement.
pub(crate) struct DataFile {
    embedded: Option<&'static str>,
    installed: OnceLock<&'static str>,
}

impl DataFile {
    /// A file with its embedded text (`None` in the browser build).
    pub(crate) const fn new(embedded: Option<&'static str>) -> DataFile {
        DataFile {
            embedded,
            installed: OnceLock::new(),
        }
    }

    /// Supplies the text where it is not embedded. Returns false if a text was already in use.
    pub(crate) fn install(&self, text: String) -> bool {
        self.embedded.is_none() && self.installed.set(Box::leak(text.into_boxed_str())).is_ok()
    }

    /// The text, once available.
    pub(crate) fn text(&self) -> Option<&'static str> {
        self.embedded.or_else(|| self.installed.get().copied())
    }
}

/// The data lines of an embedded table: no blank lines, no `#` comments, no header.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_unique_codes_and_names() {
        for &id in TableId::ALL {
            let rows = table(id);
            assert!(!rows.is_empty(), "{id:?}");
            for (i, a) in rows.iter().enumerate() {
                assert!(!a.code.is_empty() && !a.name.is_empty(), "{id:?} {a:?}");
                for b in &rows[i + 1..] {
                    assert_ne!(a.code, b.code, "{id:?}");
                }
            }
            assert_eq!(TableId::from_key(id.key()), Some(id));
        }
    }

    #[test]
    fn every_alias_points_at_a_row() {
        for (id, alias, code) in tables::ALIASES {
            assert_eq!(lookup(*id, alias).map(|c| c.code), Some(*code), "{alias}");
        }
    }

    #[test]
    fn lookups_by_code_name_short_and_alias() {
        assert_eq!(lookup(TableId::Sex, "男").map(|c| c.code), Some("1"));
        assert_eq!(lookup(TableId::Sex, "女性").map(|c| c.code), Some("2"));
        assert_eq!(
            lookup(TableId::MaritalStatus, "已婚").map(|c| c.code),
            Some("20")
        );
        assert_eq!(
            lookup(TableId::PoliticalStatus, "1").map(|c| c.code),
            Some("01")
        );
        assert_eq!(
            lookup(TableId::PoliticalStatus, "０３").map(|c| c.code),
            Some("03")
        );
        assert_eq!(
            lookup(TableId::PoliticalStatus, "共青团员").map(|c| c.code),
            Some("03")
        );
        assert_eq!(
            lookup(TableId::Education, "本科").map(|c| c.code),
            Some("21")
        );
        assert_eq!(
            lookup(TableId::FamilyRelation, "妻").map(|c| c.code),
            Some("12")
        );
        assert_eq!(
            lookup(TableId::FamilyRelation, "妻子").map(|c| c.code),
            Some("12")
        );
        assert_eq!(lookup(TableId::Ethnicity, "汉").map(|c| c.code), Some("01"));
        assert_eq!(
            lookup(TableId::IdDocumentType, "身份证").map(|c| c.code),
            Some("resident_id_card")
        );
        assert_eq!(lookup(TableId::Sex, "3"), None);
        assert_eq!(lookup(TableId::Sex, " "), None);
    }
}
