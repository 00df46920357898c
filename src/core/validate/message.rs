//! The sentence a person reads for an [`Issue`], in zh-CN or English.

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use super::{EMAIL_MAX_CHARS, Issue, LATIN_NAME_MAX_CHARS, MoneyUnit, NAME_MAX_CHARS};
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::ids::{
    BankCardError, FormatError, RegNoError, RegNoWarning, ResidentIdError, Sex, UsccError,
    UsccWarning,
};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

impl Issue {
    pub fn message(&self, lang: Lang) -> String {
        let date_text = |d: &Date| d.format(ISO_DATE).unwrap_or_default();
        match self {
            Issue::Required => tr(lang, "required", &[]),
            Issue::Id(e) => match e {
                ResidentIdError::Format(e) => format_message(lang, "id", e),
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
            Issue::Uscc(e) => uscc_error_message(e, lang),
            Issue::UsccWarning(w) => match w {
                UsccWarning::CheckCharacter { expected, found } => {
                    tr_expected_found(lang, "uscc-check-character", *expected, *found)
                }
                UsccWarning::OrgCodeCheck { expected, found } => {
                    tr_expected_found(lang, "uscc-org-code-check", *expected, *found)
                }
            },
            Issue::RegNo(e) => match e {
                RegNoError::Format(e) => format_message(lang, "regno", e),
            },
            Issue::RegNoWarning(w) => match w {
                RegNoWarning::CheckDigit { expected, found } => {
                    tr_expected_found(lang, "regno-check-digit", *expected, *found)
                }
            },
            Issue::BankCard(e) => match e {
                BankCardError::Format(e) => format_message(lang, "bank-card", e),
                BankCardError::Luhn => tr(lang, "bank-card-luhn", &[]),
            },
            Issue::LandlineFormat => tr(lang, "landline-format", &[]),
            Issue::LandlineAreaCode => tr(lang, "landline-area-code", &[]),
            Issue::EmailFormat => tr(lang, "email-format", &[]),
            Issue::EmailCharacter { found } if found.is_whitespace() => {
                tr(lang, "email-space", &[])
            }
            Issue::EmailCharacter { found } => tr(
                lang,
                "email-character",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::EmailDomain => tr(lang, "email-domain", &[]),
            Issue::EmailLength { found } => tr(
                lang,
                "email-length",
                &[
                    ("max", Arg::Num(count(EMAIL_MAX_CHARS))),
                    ("found", Arg::Num(count(*found))),
                ],
            ),
            Issue::PostcodeFormat => tr(lang, "postcode-format", &[]),
            Issue::PropertyUnitLength { found } => tr(
                lang,
                "property-unit-length",
                &[("found", Arg::Num(count(*found)))],
            ),
            Issue::PropertyUnitDigit { position, found } => {
                tr_position_found(lang, "property-unit-digit", *position, *found)
            }
            Issue::PropertyUnitLetter { position, found } => {
                tr_position_found(lang, "property-unit-letter", *position, *found)
            }
            Issue::PropertyUnitDivision { code } => {
                tr(lang, "property-unit-division", &[("code", Arg::Str(code))])
            }
            Issue::PlateProvince { found } => tr(
                lang,
                "plate-province",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::PlateAuthority { found } => tr(
                lang,
                "plate-authority",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::PlateLetterIo { found } => tr(
                lang,
                "plate-letter-io",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::PlateFormat => tr(lang, "plate-format", &[]),
            Issue::PlateNewEnergy => tr(lang, "plate-new-energy", &[]),
            Issue::LatinNameCharacter { found } => tr(
                lang,
                "latin-name-character",
                &[("found", Arg::Str(&found.to_string()))],
            ),
            Issue::LatinNameFormat => tr(lang, "latin-name-format", &[]),
            Issue::LatinNameLength { found } => tr(
                lang,
                "latin-name-length",
                &[
                    ("max", Arg::Num(count(LATIN_NAME_MAX_CHARS))),
                    ("found", Arg::Num(count(*found))),
                ],
            ),
            Issue::ValidToFormat => tr(lang, "valid-to-format", &[]),
            Issue::AmountFormat => tr(lang, "amount-format", &[]),
            Issue::AmountNotPositive => tr(lang, "amount-not-positive", &[]),
            Issue::AmountPrecision { max } => tr(
                lang,
                "amount-precision",
                &[("max", Arg::Num(i64::from(*max)))],
            ),
            Issue::AmountUnit { unit, found } => {
                let id = match unit {
                    MoneyUnit::Yuan => "amount-unit-yuan",
                    MoneyUnit::Wan => "amount-unit-wan",
                };
                tr(lang, id, &[("found", Arg::Str(found))])
            }
            Issue::AmountTooLarge => tr(lang, "amount-too-large", &[]),
            Issue::SexUnknown => tr(lang, "sex-unknown", &[]),
            Issue::CodeUnknown { found } => tr(lang, "code-unknown", &[("found", Arg::Str(found))]),
            Issue::AccountFormat => tr(lang, "account-format", &[]),
            Issue::CountFormat => tr(lang, "count-format", &[]),
            Issue::AddressNote(w) => w.message(lang),
            Issue::IdAddressUnknown { code } => {
                tr(lang, "id-address-unknown", &[("code", Arg::Str(code))])
            }
            Issue::TooLong { max, found } => tr(
                lang,
                "text-too-long",
                &[
                    ("max", Arg::Num(*max as i64)),
                    ("found", Arg::Num(*found as i64)),
                ],
            ),
        }
    }
}

/// A count or position as a message argument.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A message with `$expected` and `$found` check characters.
fn tr_expected_found(lang: Lang, id: &str, expected: char, found: char) -> String {
    let expected = expected.to_string();
    let found = found.to_string();
    tr(
        lang,
        id,
        &[
            ("expected", Arg::Str(&expected)),
            ("found", Arg::Str(&found)),
        ],
    )
}

/// A message with a 1-based `$position` and the character `$found` there.
fn tr_position_found(lang: Lang, id: &str, position: usize, found: char) -> String {
    let found = found.to_string();
    tr(
        lang,
        id,
        &[
            ("position", Arg::Num(count(position))),
            ("found", Arg::Str(&found)),
        ],
    )
}

/// The message of a [`FormatError`] of the identifier whose messages start with `prefix`.
fn format_message(lang: Lang, prefix: &str, error: &FormatError) -> String {
    match error {
        FormatError::Empty => tr(lang, &format!("{prefix}-empty"), &[]),
        FormatError::Length { found } => tr(
            lang,
            &format!("{prefix}-length"),
            &[("found", Arg::Num(count(*found)))],
        ),
        FormatError::Character { position, found } => {
            tr_position_found(lang, &format!("{prefix}-character"), *position, *found)
        }
    }
}

fn uscc_error_message(error: &UsccError, lang: Lang) -> String {
    match error {
        UsccError::Format(e) => format_message(lang, "uscc", e),
        UsccError::ForbiddenLetter { position, found } => {
            tr_position_found(lang, "uscc-forbidden-letter", *position, *found)
        }
        UsccError::DivisionDigit { position, found } => {
            tr_position_found(lang, "uscc-division", *position, *found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::*;
    use time::macros::date;

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
        let issues = [
            Issue::Uscc(UsccError::Format(FormatError::Empty)),
            Issue::Uscc(UsccError::Format(FormatError::Length { found: 15 })),
            Issue::Uscc(UsccError::ForbiddenLetter {
                position: 17,
                found: 'O',
            }),
            Issue::Uscc(UsccError::Format(FormatError::Character {
                position: 18,
                found: '-',
            })),
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
            Issue::RegNo(RegNoError::Format(FormatError::Empty)),
            Issue::RegNo(RegNoError::Format(FormatError::Length { found: 14 })),
            Issue::RegNo(RegNoError::Format(FormatError::Character {
                position: 15,
                found: 'X',
            })),
            Issue::RegNoWarning(RegNoWarning::CheckDigit {
                expected: '6',
                found: '7',
            }),
            Issue::BankCard(BankCardError::Format(FormatError::Empty)),
            Issue::BankCard(BankCardError::Format(FormatError::Character {
                position: 3,
                found: 'a',
            })),
            Issue::BankCard(BankCardError::Format(FormatError::Length { found: 11 })),
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
        ];
        for issue in &issues {
            for lang in [Lang::ZhCn, Lang::En] {
                let text = issue.message(lang);
                let is_bare_id = text.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                assert!(!text.is_empty() && !is_bare_id, "{}: {text}", issue.code());
                assert!(!text.contains("{ $"), "unfilled argument: {text}");
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
