//! Validators for single profile values. Each turns what a person typed into a normalised
//! value or an [`Issue`] that says, in a sentence, what is wrong and how to put it right.

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use crate::core::codes;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::ids::{ResidentId, ResidentIdError, Sex};

/// The longest name accepted (GB 11643 forms give 50 characters; so does the 人社 `aac003`).
pub const NAME_MAX_CHARS: usize = 50;
const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// A problem with one value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Issue {
    /// An element that must be given is empty.
    Required,
    /// The ID number is malformed.
    Id(ResidentIdError),
    /// The name is longer than [`NAME_MAX_CHARS`].
    NameLength {
        /// Characters entered.
        found: usize,
    },
    /// A character that cannot appear in a name.
    NameCharacter {
        /// The character.
        found: char,
    },
    /// Chinese characters and Latin letters mixed in one name.
    NameMixed,
    /// Not a mainland mobile number.
    MobileFormat,
    /// Not a `YYYY-MM-DD` date.
    DateFormat,
    /// A date after today where that cannot be.
    DateFuture,
    /// The birth date differs from the one in the ID number.
    BirthMismatch {
        /// The date in the ID number.
        expected: Date,
    },
    /// The sex differs from the one in the ID number.
    SexMismatch {
        /// The sex in the ID number.
        expected: Sex,
    },
    /// Not an ethnic group of GB 3304.
    EthnicityUnknown {
        /// What was entered.
        found: String,
    },
    /// An address too short to be a full address.
    AddressShort,
    /// An address without the province in front (公安 forms require it).
    AddressProvince,
}

impl Issue {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Required => "required",
            Issue::Id(e) => e.code(),
            Issue::NameLength { .. } => "name.length",
            Issue::NameCharacter { .. } => "name.character",
            Issue::NameMixed => "name.mixed",
            Issue::MobileFormat => "mobile.format",
            Issue::DateFormat => "date.format",
            Issue::DateFuture => "date.future",
            Issue::BirthMismatch { .. } => "birth.mismatch",
            Issue::SexMismatch { .. } => "sex.mismatch",
            Issue::EthnicityUnknown { .. } => "ethnicity.unknown",
            Issue::AddressShort => "address.short",
            Issue::AddressProvince => "address.province",
        }
    }

    /// The sentence a person reads.
    pub fn message(&self, lang: Lang) -> String {
        let date_text = |d: &Date| d.format(ISO_DATE).unwrap_or_default();
        match self {
            Issue::Required => tr(lang, "required", &[]),
            Issue::Id(e) => match e {
                ResidentIdError::Empty => tr(lang, "id-empty", &[]),
                ResidentIdError::Length { found } => {
                    tr(lang, "id-length", &[("found", Arg::Num(*found as i64))])
                }
                ResidentIdError::Character { position, found } => tr(
                    lang,
                    "id-character",
                    &[
                        ("position", Arg::Num(*position as i64)),
                        ("found", Arg::Str(&found.to_string())),
                    ],
                ),
                ResidentIdError::Date { digits } => {
                    tr(lang, "id-date", &[("digits", Arg::Str(digits))])
                }
                ResidentIdError::FutureDate { date } => tr(
                    lang,
                    "id-future-date",
                    &[("date", Arg::Str(&date_text(date)))],
                ),
                ResidentIdError::TooEarly { year } => tr(
                    lang,
                    "id-too-early",
                    &[("year", Arg::Num(i64::from(*year)))],
                ),
                ResidentIdError::CheckDigit { expected, found } => tr(
                    lang,
                    "id-check-digit",
                    &[
                        ("expected", Arg::Str(&expected.to_string())),
                        ("found", Arg::Str(&found.to_string())),
                    ],
                ),
            },
            Issue::NameLength { found } => tr(
                lang,
                "name-length",
                &[
                    ("max", Arg::Num(NAME_MAX_CHARS as i64)),
                    ("found", Arg::Num(*found as i64)),
                ],
            ),
            Issue::NameCharacter { found } => tr(
                lang,
                "name-character",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::NameMixed => tr(lang, "name-mixed", &[]),
            Issue::MobileFormat => tr(lang, "mobile-format", &[]),
            Issue::DateFormat => tr(lang, "date-format", &[]),
            Issue::DateFuture => tr(lang, "date-future", &[]),
            Issue::BirthMismatch { expected } => tr(
                lang,
                "birth-mismatch",
                &[("expected", Arg::Str(&date_text(expected)))],
            ),
            Issue::SexMismatch { expected } => {
                let word = match (lang, expected) {
                    (Lang::ZhCn, s) => s.zh().to_string(),
                    (Lang::En, Sex::Male) => tr(lang, "sex-male", &[]),
                    (Lang::En, Sex::Female) => tr(lang, "sex-female", &[]),
                };
                tr(lang, "sex-mismatch", &[("expected", Arg::Str(&word))])
            }
            Issue::EthnicityUnknown { found } => {
                tr(lang, "ethnicity-unknown", &[("found", Arg::Str(found))])
            }
            Issue::AddressShort => tr(lang, "address-short", &[]),
            Issue::AddressProvince => tr(lang, "address-province", &[]),
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// A person's name: Chinese characters with the middle dot `·` (U+00B7) for minority and
/// foreign names, or Latin letters with spaces, hyphens and apostrophes.
/// Look-alike dots (`•`, `．`, `・`, `.` between Chinese characters) become `·`.
pub fn name(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Issue::Required);
    }
    let has_cjk = trimmed.chars().any(is_cjk);
    let mut out = String::new();
    for c in trimmed.chars() {
        let c = match c {
            '•' | '．' | '・' | '‧' | '∙' | '⋅' | '.' if has_cjk => '·',
            _ => c,
        };
        let ok = if has_cjk {
            is_cjk(c) || c == '·'
        } else {
            c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.')
        };
        if c.is_whitespace() && has_cjk {
            continue;
        }
        if !ok {
            if has_cjk && c.is_ascii_alphabetic() {
                return Err(Issue::NameMixed);
            }
            return Err(Issue::NameCharacter { found: c });
        }
        out.push(c);
    }
    let count = out.chars().count();
    if count > NAME_MAX_CHARS {
        return Err(Issue::NameLength { found: count });
    }
    Ok(out)
}

/// A mainland mobile number: 11 digits `1[3-9]…`, with an optional `+86`/`86`/`0086` prefix,
/// spaces and hyphens.
pub fn mobile(input: &str) -> Result<String, Issue> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '＋' => '+',
            _ => c,
        })
        .collect();
    if digits.is_empty() {
        return Err(Issue::Required);
    }
    let national = digits
        .strip_prefix("+86")
        .or_else(|| digits.strip_prefix("0086"))
        .or_else(|| {
            (digits.len() == 13)
                .then(|| digits.strip_prefix("86"))
                .flatten()
        })
        .unwrap_or(&digits);
    let bytes = national.as_bytes();
    let ok = bytes.len() == 11
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1])
        && bytes.iter().all(u8::is_ascii_digit);
    if ok {
        Ok(national.to_string())
    } else {
        Err(Issue::MobileFormat)
    }
}

/// A date written `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD` and
/// `YYYY年MM月DD日`), not after `today`.
pub fn past_date(input: &str, today: Date) -> Result<Date, Issue> {
    let date = parse_date(input)?;
    if date > today {
        return Err(Issue::DateFuture);
    }
    Ok(date)
}

/// Parses the date spellings people type.
pub fn parse_date(input: &str) -> Result<Date, Issue> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let parts: Vec<&str> = text
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [all] if all.len() == 8 => (&all[0..4], &all[4..6], &all[6..8]),
        _ => return Err(Issue::DateFormat),
    };
    let year: i32 = y.parse().map_err(|_| Issue::DateFormat)?;
    let month: u8 = m.parse().map_err(|_| Issue::DateFormat)?;
    let day: u8 = d.parse().map_err(|_| Issue::DateFormat)?;
    if y.len() != 4 {
        return Err(Issue::DateFormat);
    }
    let month = time::Month::try_from(month).map_err(|_| Issue::DateFormat)?;
    Date::from_calendar_date(year, month, day).map_err(|_| Issue::DateFormat)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn iso_date(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

/// An ethnic group by code, name or letters; returns its two-digit code.
pub fn ethnicity(input: &str) -> Result<&'static str, Issue> {
    if input.trim().is_empty() {
        return Err(Issue::Required);
    }
    codes::ethnicity(input)
        .map(|row| row.code)
        .ok_or_else(|| Issue::EthnicityUnknown {
            found: input.trim().to_string(),
        })
}

/// Province-level names an address may start with (full and common short forms).
const PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
];

/// A one-line address that starts with its province, as 公安 forms require.
pub fn address(input: &str) -> Result<String, Issue> {
    let text: String = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(Issue::Required);
    }
    if text.chars().count() < 6 {
        return Err(Issue::AddressShort);
    }
    if !PROVINCES.iter().any(|p| text.starts_with(p)) {
        return Err(Issue::AddressProvince);
    }
    Ok(text)
}

/// The resident ID number.
pub fn id_number(input: &str, today: Date) -> Result<ResidentId, Issue> {
    ResidentId::parse_on(input, today).map_err(Issue::Id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn names() {
        assert_eq!(name(" 王小明 "), Ok("王小明".into()));
        assert_eq!(name("阿依古丽•买买提"), Ok("阿依古丽·买买提".into()));
        assert_eq!(name("John Smith"), Ok("John Smith".into()));
        assert_eq!(name(""), Err(Issue::Required));
        assert_eq!(name("王2明"), Err(Issue::NameCharacter { found: '2' }));
        assert_eq!(name("王Ming"), Err(Issue::NameMixed));
        assert_eq!(name(&"王".repeat(51)), Err(Issue::NameLength { found: 51 }));
    }

    #[test]
    fn mobiles() {
        assert_eq!(mobile("138 0013 8000"), Ok("13800138000".into()));
        assert_eq!(mobile("+86 138-0013-8000"), Ok("13800138000".into()));
        assert_eq!(mobile("8613800138000"), Ok("13800138000".into()));
        assert_eq!(mobile("１３８００１３８０００"), Ok("13800138000".into()));
        assert_eq!(mobile("12800138000"), Err(Issue::MobileFormat));
        assert_eq!(mobile("1380013800"), Err(Issue::MobileFormat));
        assert_eq!(mobile(""), Err(Issue::Required));
    }

    #[test]
    fn dates() {
        let today = date!(2026 - 11 - 21);
        assert_eq!(past_date("1990-03-07", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990/3/7", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990年3月7日", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("19900307", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990-02-30", today), Err(Issue::DateFormat));
        assert_eq!(past_date("90-03-07", today), Err(Issue::DateFormat));
        assert_eq!(past_date("2026-11-22", today), Err(Issue::DateFuture));
    }

    #[test]
    fn addresses() {
        assert!(address("北京市朝阳区建国路88号").is_ok());
        assert_eq!(address("朝阳区建国路88号"), Err(Issue::AddressProvince));
        assert_eq!(address("北京"), Err(Issue::AddressShort));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let issues = [
            Issue::Required,
            Issue::Id(ResidentIdError::CheckDigit {
                expected: '9',
                found: '8',
            }),
            Issue::NameLength { found: 51 },
            Issue::MobileFormat,
            Issue::SexMismatch {
                expected: Sex::Male,
            },
            Issue::BirthMismatch {
                expected: date!(1990 - 03 - 07),
            },
        ];
        for issue in issues {
            for lang in [Lang::ZhCn, Lang::En] {
                let text = issue.message(lang);
                let is_bare_id = text.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                assert!(!text.is_empty() && !is_bare_id, "{text}");
            }
        }
        let zh = Issue::Id(ResidentIdError::CheckDigit {
            expected: '9',
            found: '8',
        })
        .message(Lang::ZhCn);
        assert!(zh.contains("“9”") && zh.contains("“8”"), "{zh}");
    }
}
