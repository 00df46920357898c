//! The sentence a person reads for an [`Issue`], in zh-CN or English.
//!
//! Nothing here is written per issue: the message is the Fluent message (in
//! `src/core/i18n/zh-CN.ftl` and `en.ftl`) whose id is the issue's stable code with `.` and
//! `_` written `-` (`id.check_digit` → `id-check-digit`, see [`message_id`]), formatted with
//! the issue's [`Issue::args`]. The arguments are counts, positions, single characters, units
//! and limits, never the value that was typed nor anything read from it (a birth date, a sex,
//! an address code): a message may end up in a log or on a screen someone else sees. An
//! address note ([`Issue::AddressNote`]) is worded by [`crate::core::address`] and likewise
//! names the kind of part it is about, not the text written.

use super::{EMAIL_MAX_CHARS, Issue, LATIN_NAME_MAX_CHARS, MoneyUnit, NAME_MAX_CHARS};
use crate::core::address::ParseWarning;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::ids::{
    BankCardError, FormatError, RegNoError, RegNoWarning, ResidentIdError, UsccError, UsccWarning,
};

/// The Fluent message id of an issue code: `bank_card.luhn` → `bank-card-luhn`.
pub fn message_id(code: &str) -> String {
    code.replace(['.', '_'], "-")
}

/// The value of a message argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// Text: a single character, a unit, a selector such as `space` or `wan`.
    Text(String),
    /// A count, position or limit.
    Num(i64),
}

impl Param {
    fn arg(&self) -> Arg<'_> {
        match self {
            Param::Text(text) => Arg::Str(text),
            Param::Num(n) => Arg::Num(*n),
        }
    }
}

/// A named argument.
type Named = (&'static str, Param);

fn num(name: &'static str, n: usize) -> Named {
    (name, Param::Num(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn text(name: &'static str, value: impl ToString) -> Named {
    (name, Param::Text(value.to_string()))
}

/// `$position` and the character `$found` there.
fn position_found(position: usize, found: char) -> Vec<Named> {
    vec![num("position", position), text("found", found)]
}

/// The check character `$expected` and the one `$found`.
fn expected_found(expected: char, found: char) -> Vec<Named> {
    vec![text("expected", expected), text("found", found)]
}

/// The limit `$max` and the count `$found`.
fn max_found(max: usize, found: usize) -> Vec<Named> {
    vec![num("max", max), num("found", found)]
}

fn format_args(error: &FormatError) -> Vec<Named> {
    match error {
        FormatError::Empty => Vec::new(),
        FormatError::Length { found } => vec![num("found", *found)],
        FormatError::Character { position, found } => position_found(*position, *found),
    }
}

impl Issue {
    /// The sentence a person reads: the message [`message_id`]`(self.code())` with
    /// [`Issue::args`].
    pub fn message(&self, lang: Lang) -> String {
        let params = self.args();
        let args: Vec<(&str, Arg<'_>)> = params
            .iter()
            .map(|(name, value)| (*name, value.arg()))
            .collect();
        tr(lang, &message_id(self.code()), &args)
    }

    /// The arguments of the issue's message, by name.
    pub fn args(&self) -> Vec<(&'static str, Param)> {
        match self {
            Issue::Id(ResidentIdError::Format(e))
            | Issue::Uscc(UsccError::Format(e))
            | Issue::RegNo(RegNoError::Format(e))
            | Issue::BankCard(BankCardError::Format(e)) => format_args(e),
            Issue::Id(ResidentIdError::CheckDigit { expected, found })
            | Issue::UsccWarning(
                UsccWarning::CheckCharacter { expected, found }
                | UsccWarning::OrgCodeCheck { expected, found },
            )
            | Issue::RegNoWarning(RegNoWarning::CheckDigit { expected, found }) => {
                expected_found(*expected, *found)
            }
            Issue::Uscc(
                UsccError::ForbiddenLetter { position, found }
                | UsccError::DivisionDigit { position, found },
            )
            | Issue::PropertyUnitDigit { position, found }
            | Issue::PropertyUnitLetter { position, found } => position_found(*position, *found),
            Issue::NameCharacter { found }
            | Issue::PlateProvince { found }
            | Issue::PlateAuthority { found }
            | Issue::PlateLetterIo { found }
            | Issue::LatinNameCharacter { found } => vec![text("found", found)],
            Issue::EmailCharacter { found } => {
                let kind = if found.is_whitespace() {
                    "space"
                } else {
                    "other"
                };
                vec![text("kind", kind), text("found", found)]
            }
            Issue::NameLength { found } => max_found(NAME_MAX_CHARS, *found),
            Issue::EmailLength { found } => max_found(EMAIL_MAX_CHARS, *found),
            Issue::LatinNameLength { found } => max_found(LATIN_NAME_MAX_CHARS, *found),
            Issue::TooLong { max, found } => max_found(*max, *found),
            Issue::PropertyUnitLength { found } => vec![num("found", *found)],
            Issue::AmountPrecision { max } => vec![("max", Param::Num(i64::from(*max)))],
            Issue::AmountUnit { unit, found } => {
                let unit = match unit {
                    MoneyUnit::Yuan => "yuan",
                    MoneyUnit::Wan => "wan",
                };
                vec![text("unit", unit), text("found", found)]
            }
            // The note names the kind of part in question, never the text written.
            Issue::AddressNote(w) => match w {
                ParseWarning::Ambiguous { count, .. } => vec![num("count", *count)],
                _ => Vec::new(),
            },
            // What these would quote is the value itself or read from it (a birth date, a
            // sex, an address code, the text typed): the message names the fault without it.
            Issue::Id(
                ResidentIdError::Date { .. }
                | ResidentIdError::FutureDate { .. }
                | ResidentIdError::TooEarly { .. },
            )
            | Issue::BirthMismatch { .. }
            | Issue::SexMismatch { .. }
            | Issue::EthnicityUnknown { .. }
            | Issue::CodeUnknown { .. }
            | Issue::PropertyUnitDivision { .. }
            | Issue::IdAddressUnknown { .. } => Vec::new(),
            Issue::Required
            | Issue::NameMixed
            | Issue::MobileFormat
            | Issue::MobilePrefix
            | Issue::DateFormat
            | Issue::DateFuture
            | Issue::AddressShort
            | Issue::AddressProvince
            | Issue::BankCard(BankCardError::Luhn)
            | Issue::LandlineFormat
            | Issue::LandlineAreaCode
            | Issue::EmailFormat
            | Issue::EmailDomain
            | Issue::PostcodeFormat
            | Issue::PlateFormat
            | Issue::PlateNewEnergy
            | Issue::LatinNameFormat
            | Issue::ValidToFormat
            | Issue::AmountFormat
            | Issue::AmountNotPositive
            | Issue::AmountTooLarge
            | Issue::SexUnknown
            | Issue::AccountFormat
            | Issue::CountFormat => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::*;
    use crate::core::i18n::{EN_FTL, ZH_CN_FTL, message_variables};
    use crate::core::ids::Sex;
    use std::collections::BTreeSet;
    use time::macros::date;

    /// One issue of every kind, nested errors and message selectors included.
    fn every_issue() -> Vec<Issue> {
        let day = date!(1990 - 03 - 07);
        let format = [
            FormatError::Empty,
            FormatError::Length { found: 17 },
            FormatError::Character {
                position: 3,
                found: 'a',
            },
        ];
        let mut issues: Vec<Issue> = Vec::new();
        for f in format {
            issues.push(Issue::Id(ResidentIdError::Format(f.clone())));
            issues.push(Issue::Uscc(UsccError::Format(f.clone())));
            issues.push(Issue::RegNo(RegNoError::Format(f.clone())));
            issues.push(Issue::BankCard(BankCardError::Format(f)));
        }
        issues.extend([
            Issue::Required,
            Issue::Id(ResidentIdError::Date {
                digits: "19900230".into(),
            }),
            Issue::Id(ResidentIdError::FutureDate {
                date: date!(2027 - 01 - 01),
            }),
            Issue::Id(ResidentIdError::TooEarly { year: 1799 }),
            Issue::Id(ResidentIdError::CheckDigit {
                expected: '9',
                found: '8',
            }),
            Issue::NameLength { found: 51 },
            Issue::NameCharacter { found: '2' },
            Issue::NameMixed,
            Issue::MobileFormat,
            Issue::MobilePrefix,
            Issue::DateFormat,
            Issue::DateFuture,
            Issue::BirthMismatch { expected: day },
            Issue::SexMismatch {
                expected: Sex::Female,
            },
            Issue::EthnicityUnknown {
                found: "火星族".into(),
            },
            Issue::AddressShort,
            Issue::AddressProvince,
            Issue::Uscc(UsccError::ForbiddenLetter {
                position: 17,
                found: 'O',
            }),
            Issue::Uscc(UsccError::DivisionDigit {
                position: 5,
                found: 'A',
            }),
            Issue::UsccWarning(UsccWarning::CheckCharacter {
                expected: '1',
                found: 'M',
            }),
            Issue::UsccWarning(UsccWarning::OrgCodeCheck {
                expected: '8',
                found: '9',
            }),
            Issue::RegNoWarning(RegNoWarning::CheckDigit {
                expected: '6',
                found: '7',
            }),
            Issue::BankCard(BankCardError::Luhn),
            Issue::LandlineFormat,
            Issue::LandlineAreaCode,
            Issue::EmailFormat,
            Issue::EmailCharacter { found: ' ' },
            Issue::EmailCharacter { found: '张' },
            Issue::EmailDomain,
            Issue::EmailLength { found: 300 },
            Issue::PostcodeFormat,
            Issue::PropertyUnitLength { found: 27 },
            Issue::PropertyUnitDigit {
                position: 12,
                found: 'A',
            },
            Issue::PropertyUnitLetter {
                position: 13,
                found: '1',
            },
            Issue::PropertyUnitDivision {
                code: "990106".into(),
            },
            Issue::PlateProvince { found: 'A' },
            Issue::PlateAuthority { found: '1' },
            Issue::PlateLetterIo { found: 'O' },
            Issue::PlateFormat,
            Issue::PlateNewEnergy,
            Issue::LatinNameCharacter { found: '张' },
            Issue::LatinNameFormat,
            Issue::LatinNameLength { found: 101 },
            Issue::ValidToFormat,
            Issue::AmountFormat,
            Issue::AmountNotPositive,
            Issue::AmountPrecision { max: 6 },
            Issue::AmountUnit {
                unit: MoneyUnit::Wan,
                found: "元".into(),
            },
            Issue::AmountUnit {
                unit: MoneyUnit::Yuan,
                found: "万元".into(),
            },
            Issue::AmountTooLarge,
            Issue::SexUnknown,
            Issue::CodeUnknown {
                found: "单身贵族".into(),
            },
            Issue::AccountFormat,
            Issue::CountFormat,
            Issue::AddressNote(ParseWarning::NoProvince),
            Issue::AddressNote(ParseWarning::Inferred {
                name: "浙江省".into(),
            }),
            Issue::AddressNote(ParseWarning::Ambiguous {
                text: "朝阳".into(),
                count: 2,
            }),
            Issue::AddressNote(ParseWarning::Unplaced {
                text: "某处".into(),
            }),
            Issue::IdAddressUnknown {
                code: "990106".into(),
            },
            Issue::TooLong {
                max: 2000,
                found: 2001,
            },
        ]);
        issues
    }

    /// Which kind of issue this is, counting nested errors apart. The match has no catch-all,
    /// so a new kind does not compile until it is numbered here; [`KINDS`] then asks for a
    /// sample of it in [`every_issue`].
    fn kind(issue: &Issue) -> usize {
        match issue {
            Issue::Required => 0,
            Issue::Id(ResidentIdError::Format(FormatError::Empty)) => 1,
            Issue::Id(ResidentIdError::Format(FormatError::Length { .. })) => 2,
            Issue::Id(ResidentIdError::Format(FormatError::Character { .. })) => 3,
            Issue::Id(ResidentIdError::Date { .. }) => 4,
            Issue::Id(ResidentIdError::FutureDate { .. }) => 5,
            Issue::Id(ResidentIdError::TooEarly { .. }) => 6,
            Issue::Id(ResidentIdError::CheckDigit { .. }) => 7,
            Issue::NameLength { .. } => 8,
            Issue::NameCharacter { .. } => 9,
            Issue::NameMixed => 10,
            Issue::MobileFormat => 11,
            Issue::DateFormat => 12,
            Issue::DateFuture => 13,
            Issue::BirthMismatch { .. } => 14,
            Issue::SexMismatch { .. } => 15,
            Issue::EthnicityUnknown { .. } => 16,
            Issue::AddressShort => 17,
            Issue::AddressProvince => 18,
            Issue::Uscc(UsccError::Format(FormatError::Empty)) => 19,
            Issue::Uscc(UsccError::Format(FormatError::Length { .. })) => 20,
            Issue::Uscc(UsccError::Format(FormatError::Character { .. })) => 21,
            Issue::Uscc(UsccError::ForbiddenLetter { .. }) => 22,
            Issue::Uscc(UsccError::DivisionDigit { .. }) => 23,
            Issue::UsccWarning(UsccWarning::CheckCharacter { .. }) => 24,
            Issue::UsccWarning(UsccWarning::OrgCodeCheck { .. }) => 25,
            Issue::RegNo(RegNoError::Format(FormatError::Empty)) => 26,
            Issue::RegNo(RegNoError::Format(FormatError::Length { .. })) => 27,
            Issue::RegNo(RegNoError::Format(FormatError::Character { .. })) => 28,
            Issue::RegNoWarning(RegNoWarning::CheckDigit { .. }) => 29,
            Issue::BankCard(BankCardError::Format(FormatError::Empty)) => 30,
            Issue::BankCard(BankCardError::Format(FormatError::Length { .. })) => 31,
            Issue::BankCard(BankCardError::Format(FormatError::Character { .. })) => 32,
            Issue::BankCard(BankCardError::Luhn) => 33,
            Issue::LandlineFormat => 34,
            Issue::LandlineAreaCode => 35,
            Issue::EmailFormat => 36,
            Issue::EmailCharacter { .. } => 37,
            Issue::EmailDomain => 38,
            Issue::EmailLength { .. } => 39,
            Issue::PostcodeFormat => 40,
            Issue::PropertyUnitLength { .. } => 41,
            Issue::PropertyUnitDigit { .. } => 42,
            Issue::PropertyUnitLetter { .. } => 43,
            Issue::PropertyUnitDivision { .. } => 44,
            Issue::PlateProvince { .. } => 45,
            Issue::PlateAuthority { .. } => 46,
            Issue::PlateLetterIo { .. } => 47,
            Issue::PlateFormat => 48,
            Issue::PlateNewEnergy => 49,
            Issue::LatinNameCharacter { .. } => 50,
            Issue::LatinNameFormat => 51,
            Issue::LatinNameLength { .. } => 52,
            Issue::ValidToFormat => 53,
            Issue::AmountFormat => 54,
            Issue::AmountNotPositive => 55,
            Issue::AmountPrecision { .. } => 56,
            Issue::AmountUnit { .. } => 57,
            Issue::AmountTooLarge => 58,
            Issue::SexUnknown => 59,
            Issue::CodeUnknown { .. } => 60,
            Issue::AccountFormat => 61,
            Issue::CountFormat => 62,
            Issue::AddressNote(ParseWarning::NoProvince) => 63,
            Issue::AddressNote(ParseWarning::Inferred { .. }) => 64,
            Issue::AddressNote(ParseWarning::Ambiguous { .. }) => 65,
            Issue::AddressNote(ParseWarning::Unplaced { .. }) => 66,
            Issue::IdAddressUnknown { .. } => 67,
            Issue::TooLong { .. } => 68,
            Issue::MobilePrefix => 69,
        }
    }

    /// The number of kinds [`kind`] tells apart.
    const KINDS: usize = 70;

    #[test]
    fn every_kind_of_issue_is_sampled() {
        let sampled: BTreeSet<usize> = every_issue().iter().map(kind).collect();
        let missing: Vec<usize> = (0..KINDS).filter(|k| !sampled.contains(k)).collect();
        assert!(missing.is_empty(), "no sample of kinds {missing:?}");
        assert_eq!(sampled.len(), KINDS, "a kind numbered beyond KINDS");
    }

    #[test]
    fn every_code_has_a_message_in_both_files_with_exactly_its_arguments() {
        let mut ids = BTreeSet::new();
        for issue in every_issue() {
            let id = message_id(issue.code());
            let given: BTreeSet<String> = issue
                .args()
                .iter()
                .map(|(name, _)| name.to_string())
                .collect();
            for (file, source) in [
                ("zh-CN.ftl", ZH_CN_FTL.unwrap_or_default()),
                ("en.ftl", EN_FTL.unwrap_or_default()),
            ] {
                let Some(used) = message_variables(source, &id) else {
                    panic!("{file} has no message {id} for {}", issue.code());
                };
                let dangling: Vec<_> = used.difference(&given).collect();
                let unused: Vec<_> = given.difference(&used).collect();
                assert!(
                    dangling.is_empty() && unused.is_empty(),
                    "{file} {id}: arguments never given {dangling:?}, given but unused {unused:?}"
                );
            }
            ids.insert((id, issue.code()));
        }
        // Two codes never share a message.
        let mut seen = std::collections::BTreeMap::new();
        for (id, code) in ids {
            if let Some(other) = seen.insert(id.clone(), code) {
                assert_eq!(
                    other, code,
                    "{id} is the message of both {other} and {code}"
                );
            }
        }
    }

    #[test]
    fn messages_never_quote_the_value_or_what_is_read_from_it() {
        // Each pair differs only in what was typed or read from it: the sentence must not.
        let pairs = [
            (
                Issue::Id(ResidentIdError::Date {
                    digits: "19900230".into(),
                }),
                Issue::Id(ResidentIdError::Date {
                    digits: "721315".into(),
                }),
            ),
            (
                Issue::Id(ResidentIdError::FutureDate {
                    date: date!(2027 - 01 - 01),
                }),
                Issue::Id(ResidentIdError::FutureDate {
                    date: date!(2030 - 12 - 31),
                }),
            ),
            (
                Issue::Id(ResidentIdError::TooEarly { year: 1799 }),
                Issue::Id(ResidentIdError::TooEarly { year: 1650 }),
            ),
            (
                Issue::BirthMismatch {
                    expected: date!(1990 - 03 - 07),
                },
                Issue::BirthMismatch {
                    expected: date!(1985 - 12 - 31),
                },
            ),
            (
                Issue::SexMismatch {
                    expected: Sex::Male,
                },
                Issue::SexMismatch {
                    expected: Sex::Female,
                },
            ),
            (
                Issue::EthnicityUnknown {
                    found: "火星族".into(),
                },
                Issue::EthnicityUnknown { found: "x".into() },
            ),
            (
                Issue::CodeUnknown {
                    found: "单身贵族".into(),
                },
                Issue::CodeUnknown { found: "x".into() },
            ),
            (
                Issue::PropertyUnitDivision {
                    code: "990106".into(),
                },
                Issue::PropertyUnitDivision {
                    code: "000000".into(),
                },
            ),
            (
                Issue::IdAddressUnknown {
                    code: "990106".into(),
                },
                Issue::IdAddressUnknown {
                    code: "000000".into(),
                },
            ),
        ];
        for (one, other) in &pairs {
            for lang in [Lang::ZhCn, Lang::En] {
                assert_eq!(one.message(lang), other.message(lang), "{}", one.code());
            }
        }
    }

    #[test]
    fn selectors_pick_the_sentence() {
        let space = Issue::EmailCharacter { found: ' ' }.message(Lang::ZhCn);
        assert_eq!(space, "电子邮箱中不能有空格，请删去空格后再填。");
        let other = Issue::EmailCharacter { found: '张' }.message(Lang::En);
        assert!(other.contains("\"张\""), "{other}");
        let yuan = Issue::AmountUnit {
            unit: MoneyUnit::Yuan,
            found: "万元".into(),
        };
        assert!(yuan.message(Lang::ZhCn).starts_with("此栏的单位是元"));
    }

    #[test]
    fn address_notes_read_as_the_address_reader_words_them() {
        for issue in every_issue() {
            if let Issue::AddressNote(warning) = &issue {
                for lang in [Lang::ZhCn, Lang::En] {
                    assert_eq!(issue.message(lang), warning.message(lang));
                }
            }
        }
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

    #[test]
    fn more_messages_exist_in_both_languages() {
        let issues = every_issue();
        for issue in &issues {
            for lang in [Lang::ZhCn, Lang::En] {
                let text = issue.message(lang);
                let is_bare_id = text.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                assert!(!text.is_empty() && !is_bare_id, "{}: {text}", issue.code());
                assert!(
                    !text.contains("{ $") && !text.contains("{$"),
                    "unfilled argument: {text}"
                );
            }
        }
        let warning = Issue::UsccWarning(UsccWarning::CheckCharacter {
            expected: '1',
            found: 'M',
        });
        assert_eq!(warning.severity(), Severity::Warning);
        let zh = warning.message(Lang::ZhCn);
        assert!(
            zh.contains("“1”") && zh.contains("“M”") && zh.contains("营业执照"),
            "{zh}"
        );
        assert_eq!(
            Issue::BankCard(BankCardError::Luhn).severity(),
            Severity::Error
        );
        let en = Issue::AmountUnit {
            unit: MoneyUnit::Wan,
            found: "元".into(),
        }
        .message(Lang::En);
        assert!(en.contains("\"元\""), "{en}");
    }
}
