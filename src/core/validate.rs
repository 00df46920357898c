//! Validators for single profile values. Each turns what a person typed into a normalised
//! value or an [`Issue`] that says, in a sentence, what is wrong and how to put it right.

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use crate::core::codes;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::ids::{
    BankCard, BankCardError, FirmId, RegNoError, RegNoWarning, RegistrationNumber, ResidentId,
    ResidentIdError, Sex, Uscc, UsccError, UsccWarning,
};

/// The longest name accepted (GB 11643 forms give 50 characters; so does the 人社 `aac003`).
pub const NAME_MAX_CHARS: usize = 50;
/// The longest Latin-script name accepted.
pub const LATIN_NAME_MAX_CHARS: usize = 100;
/// The longest e-mail address (RFC 5321 path limit less the angle brackets).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Decimal places of an amount in 万元 (0.000001 万元 = 0.01 元).
pub const WAN_DECIMALS: u32 = 6;
/// Decimal places of an amount in 元.
pub const YUAN_DECIMALS: u32 = 2;
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
    /// The unified social credit code is unreadable.
    Uscc(UsccError),
    /// The unified social credit code parsed but a check character does not compute.
    UsccWarning(UsccWarning),
    /// The 15-digit registration number is unreadable.
    RegNo(RegNoError),
    /// The registration number parsed but its check digit does not compute.
    RegNoWarning(RegNoWarning),
    /// The bank card number is malformed.
    BankCard(BankCardError),
    /// Not a landline number `区号-号码[-分机]`.
    LandlineFormat,
    /// A local number without its area code.
    LandlineAreaCode,
    /// Not `local@domain`.
    EmailFormat,
    /// A character that cannot appear in an e-mail address.
    EmailCharacter {
        /// The character.
        found: char,
    },
    /// The part after `@` is not a domain with a dot.
    EmailDomain,
    /// Longer than [`EMAIL_MAX_CHARS`].
    EmailLength {
        /// Characters entered.
        found: usize,
    },
    /// Not six digits.
    PostcodeFormat,
    /// A 不动产单元号 that is not 28 characters long.
    PropertyUnitLength {
        /// Characters entered, spaces removed.
        found: usize,
    },
    /// A 不动产单元号 position that must hold a digit.
    PropertyUnitDigit {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// A 不动产单元号 position that must hold an upper-case letter.
    PropertyUnitLetter {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The first six digits are not a division code.
    PropertyUnitDivision {
        /// The six digits.
        code: String,
    },
    /// A plate that does not start with a province abbreviation.
    PlateProvince {
        /// The first character.
        found: char,
    },
    /// The issuing-authority letter after the abbreviation is not a letter.
    PlateAuthority {
        /// The character found.
        found: char,
    },
    /// The letters I and O, which plates do not use.
    PlateLetterIo {
        /// `I` or `O`.
        found: char,
    },
    /// A plate serial of the wrong length or with wrong characters.
    PlateFormat,
    /// Six serial characters without `D`/`F` at either end.
    PlateNewEnergy,
    /// A character that cannot appear in a Latin-script name.
    LatinNameCharacter {
        /// The character.
        found: char,
    },
    /// A Latin-script name that starts or ends with, or doubles, a separator.
    LatinNameFormat,
    /// Longer than [`LATIN_NAME_MAX_CHARS`].
    LatinNameLength {
        /// Characters entered.
        found: usize,
    },
    /// Neither a date nor 长期.
    ValidToFormat,
    /// Not a decimal number.
    AmountFormat,
    /// Zero or negative.
    AmountNotPositive,
    /// More decimal places than the unit allows.
    AmountPrecision {
        /// Decimal places allowed.
        max: u32,
    },
    /// A unit other than the field's.
    AmountUnit {
        /// The unit the field is in.
        unit: MoneyUnit,
        /// The unit written.
        found: String,
    },
    /// Beyond what the amount type holds.
    AmountTooLarge,
    /// Not a sex of GB/T 2261.1 (男/女, 1/2).
    SexUnknown,
    /// Not a value of the element's code table.
    CodeUnknown {
        /// What was entered.
        found: String,
    },
    /// An account number that is not 6 to 32 digits.
    AccountFormat,
    /// Not a whole number.
    CountFormat,
    /// A note about how a one-line address was read (a filled-in province, an unplaced part).
    AddressNote(crate::core::address::ParseWarning),
    /// The address code of an ID number is in no current or historical division list.
    IdAddressUnknown {
        /// The six digits.
        code: String,
    },
    /// Free text longer than any form field takes.
    TooLong {
        /// The limit.
        max: usize,
        /// Characters entered.
        found: usize,
    },
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
            Issue::Uscc(e) => e.code(),
            Issue::UsccWarning(w) => w.code(),
            Issue::RegNo(e) => e.code(),
            Issue::RegNoWarning(w) => w.code(),
            Issue::BankCard(e) => e.code(),
            Issue::LandlineFormat => "landline.format",
            Issue::LandlineAreaCode => "landline.area_code",
            Issue::EmailFormat => "email.format",
            Issue::EmailCharacter { .. } => "email.character",
            Issue::EmailDomain => "email.domain",
            Issue::EmailLength { .. } => "email.length",
            Issue::PostcodeFormat => "postcode.format",
            Issue::PropertyUnitLength { .. } => "property_unit.length",
            Issue::PropertyUnitDigit { .. } => "property_unit.digit",
            Issue::PropertyUnitLetter { .. } => "property_unit.letter",
            Issue::PropertyUnitDivision { .. } => "property_unit.division",
            Issue::PlateProvince { .. } => "plate.province",
            Issue::PlateAuthority { .. } => "plate.authority",
            Issue::PlateLetterIo { .. } => "plate.letter_io",
            Issue::PlateFormat => "plate.format",
            Issue::PlateNewEnergy => "plate.new_energy",
            Issue::LatinNameCharacter { .. } => "latin_name.character",
            Issue::LatinNameFormat => "latin_name.format",
            Issue::LatinNameLength { .. } => "latin_name.length",
            Issue::ValidToFormat => "valid_to.format",
            Issue::AmountFormat => "amount.format",
            Issue::AmountNotPositive => "amount.not_positive",
            Issue::AmountPrecision { .. } => "amount.precision",
            Issue::AmountUnit { .. } => "amount.unit",
            Issue::AmountTooLarge => "amount.too_large",
            Issue::SexUnknown => "sex.unknown",
            Issue::CodeUnknown { .. } => "code.unknown",
            Issue::AccountFormat => "account.format",
            Issue::CountFormat => "count.format",
            Issue::AddressNote(w) => w.code(),
            Issue::IdAddressUnknown { .. } => "id.address_code",
            Issue::TooLong { .. } => "text.too_long",
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
                RegNoError::Empty => tr(lang, "regno-empty", &[]),
                RegNoError::Length { found } => {
                    tr(lang, "regno-length", &[("found", Arg::Num(count(*found)))])
                }
                RegNoError::Character { position, found } => {
                    tr_position_found(lang, "regno-character", *position, *found)
                }
            },
            Issue::RegNoWarning(w) => match w {
                RegNoWarning::CheckDigit { expected, found } => {
                    tr_expected_found(lang, "regno-check-digit", *expected, *found)
                }
            },
            Issue::BankCard(e) => match e {
                BankCardError::Empty => tr(lang, "bank-card-empty", &[]),
                BankCardError::Character { position, found } => {
                    tr_position_found(lang, "bank-card-character", *position, *found)
                }
                BankCardError::Length { found } => tr(
                    lang,
                    "bank-card-length",
                    &[("found", Arg::Num(count(*found)))],
                ),
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

impl Issue {
    /// Whether the issue blocks the value ([`Severity::Error`]) or only asks for a second
    /// look ([`Severity::Warning`]).
    pub fn severity(&self) -> Severity {
        match self {
            Issue::UsccWarning(_)
            | Issue::RegNoWarning(_)
            | Issue::AddressNote(_)
            | Issue::IdAddressUnknown { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Whether an [`Issue`] blocks the value or only asks the person to check it once more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The value cannot be used as typed.
    Error,
    /// The value is kept; the person should compare it with the document.
    Warning,
}

/// The unit an amount field is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoneyUnit {
    /// 元.
    Yuan,
    /// 万元 (10,000 元), the unit of 注册资本.
    Wan,
}

impl MoneyUnit {
    /// Decimal places that still name a whole 分.
    pub fn decimals(self) -> u32 {
        match self {
            MoneyUnit::Yuan => YUAN_DECIMALS,
            MoneyUnit::Wan => WAN_DECIMALS,
        }
    }

    /// 分 (0.01 元) per unit.
    pub fn fen_per_unit(self) -> u64 {
        match self {
            MoneyUnit::Yuan => 100,
            MoneyUnit::Wan => 1_000_000,
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

fn uscc_error_message(error: &UsccError, lang: Lang) -> String {
    match error {
        UsccError::Empty => tr(lang, "uscc-empty", &[]),
        UsccError::Length { found } => {
            tr(lang, "uscc-length", &[("found", Arg::Num(count(*found)))])
        }
        UsccError::ForbiddenLetter { position, found } => {
            tr_position_found(lang, "uscc-forbidden-letter", *position, *found)
        }
        UsccError::Character { position, found } => {
            tr_position_found(lang, "uscc-character", *position, *found)
        }
        UsccError::DivisionDigit { position, found } => {
            tr_position_found(lang, "uscc-division", *position, *found)
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
    // Full-width digits and separators typed with a Chinese input method become half-width.
    let converted: String = input.chars().map(half_width).collect();
    let text = converted.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let parts: Vec<&str> = text
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    // Only ASCII digits from here on, so slicing by bytes cannot split a character.
    if !parts.iter().all(|p| all_digits(p)) {
        return Err(Issue::DateFormat);
    }
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [all] if all.len() == 8 => (&all[0..4], &all[4..6], &all[6..8]),
        _ => return Err(Issue::DateFormat),
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return Err(Issue::DateFormat);
    }
    let year: i32 = y.parse().map_err(|_| Issue::DateFormat)?;
    let month: u8 = m.parse().map_err(|_| Issue::DateFormat)?;
    let day: u8 = d.parse().map_err(|_| Issue::DateFormat)?;
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

/// Full-width ASCII forms (U+FF01–U+FF5E) become half-width and the ideographic space a space.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The unified social credit code (GB 32100-2015). A check character that does not compute
/// is not an error: the code comes back with [`Uscc::warnings`] (see [`uscc_warnings`]).
pub fn uscc(input: &str) -> Result<Uscc, Issue> {
    Uscc::parse(input).map_err(Issue::Uscc)
}

/// The doubts about a parsed USCC, as issues of [`Severity::Warning`].
pub fn uscc_warnings(code: &Uscc) -> Vec<Issue> {
    code.warnings()
        .iter()
        .cloned()
        .map(Issue::UsccWarning)
        .collect()
}

/// A legacy 15-digit 工商注册号 (GS 15-2006); a failed check digit is a warning.
pub fn reg_no(input: &str) -> Result<RegistrationNumber, Issue> {
    RegistrationNumber::parse(input).map_err(Issue::RegNo)
}

/// The doubts about a parsed registration number, as issues of [`Severity::Warning`].
pub fn reg_no_warnings(number: &RegistrationNumber) -> Vec<Issue> {
    number
        .warnings()
        .iter()
        .cloned()
        .map(Issue::RegNoWarning)
        .collect()
}

/// A “注册号/统一社会信用代码” field: a USCC or a 15-digit registration number.
pub fn firm_id(input: &str) -> Result<FirmId, Issue> {
    FirmId::parse(input).map_err(Issue::Uscc)
}

/// The doubts about a parsed firm code, as issues of [`Severity::Warning`].
pub fn firm_id_warnings(id: &FirmId) -> Vec<Issue> {
    match id {
        FirmId::Uscc(code) => uscc_warnings(code),
        FirmId::RegNo(number) => reg_no_warnings(number),
    }
}

/// A bank card number: 12–19 digits passing the Luhn check.
pub fn bank_card(input: &str) -> Result<BankCard, Issue> {
    BankCard::parse(input).map_err(Issue::BankCard)
}

/// Words and signs that introduce an extension, lower case.
const EXTENSION_MARKERS: &[&str] = &["分机", "转", "ext.", "ext", "x", "#"];

/// The length of the area code starting `digits` (with its trunk `0`): `010` and `02x` have
/// three digits, every other area code four.
fn area_code_len(digits: &str) -> Option<usize> {
    match digits.as_bytes() {
        [b'0', b'1' | b'2', ..] => Some(3),
        [b'0', b'3'..=b'9', ..] => Some(4),
        _ => None,
    }
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A landline (固定电话) or fax number, normalised to `区号-号码` with an optional `-分机`:
/// `0571-88881234`, `010-65529988-123`. Accepts spaces, brackets round the area code, the
/// forms `+86 571 …`, `0086 …` and `86 571 …`, extensions after `-`, `转`, `分机`, `ext` or
/// `#`, and the national `400`/`800` numbers (`400-820-8820`).
pub fn landline(input: &str) -> Result<String, Issue> {
    let mut text = String::new();
    for c in input.chars().map(half_width) {
        match c {
            c if c.is_whitespace() => {}
            '(' | ')' => {}
            '—' | '–' | '‐' | '‑' => text.push('-'),
            c => text.push(c.to_ascii_lowercase()),
        }
    }
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let marker = EXTENSION_MARKERS
        .iter()
        .filter_map(|m| text.find(m).map(|at| (at, m.len())))
        .min();
    let (main, marked_extension) = match marker {
        Some((at, len)) => {
            let extension = text
                .get(at + len..)
                .unwrap_or_default()
                .trim_start_matches(['-', ':', '.']);
            (text.get(..at).unwrap_or_default(), Some(extension))
        }
        None => (text.as_str(), None),
    };
    if marked_extension.is_some_and(|e| !all_digits(e)) {
        return Err(Issue::LandlineFormat);
    }
    // Country code: the trunk 0 is dropped after +86.
    let digit_count = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
    let (main, international) = if let Some(rest) = main.strip_prefix("+86") {
        (rest, true)
    } else if let Some(rest) = main.strip_prefix("0086") {
        (rest, true)
    } else {
        match main.strip_prefix("86") {
            Some(rest)
                if (9..=11).contains(&digit_count(rest))
                    && !rest.trim_start_matches('-').starts_with('0') =>
            {
                (rest, true)
            }
            _ => (main, false),
        }
    };
    let main = main.trim_start_matches('-');
    if main.is_empty() || !main.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return Err(Issue::LandlineFormat);
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    let extension_suffix = |extension: Option<&str>| -> Result<String, Issue> {
        match extension {
            None => Ok(String::new()),
            Some(e) if all_digits(e) && e.len() <= 6 => Ok(format!("-{e}")),
            Some(_) => Err(Issue::LandlineFormat),
        }
    };
    // National 400/800 service numbers, with an extension after a word or after a last `-`.
    let toll_free = |d: &str| d.len() == 10 && (d.starts_with("400") || d.starts_with("800"));
    let service = if toll_free(&digits) {
        Some((digits.clone(), marked_extension))
    } else {
        match main.rsplit_once('-') {
            Some((head, last)) if marked_extension.is_none() => {
                let head: String = head.chars().filter(char::is_ascii_digit).collect();
                toll_free(&head).then_some((head, Some(last)))
            }
            _ => None,
        }
    };
    if let Some((number, extension)) = service {
        let suffix = extension_suffix(extension)?;
        return Ok(format!(
            "{}-{}-{}{suffix}",
            &number[..3],
            &number[3..6],
            &number[6..]
        ));
    }
    let main = if international && !main.starts_with('0') {
        format!("0{main}")
    } else {
        main.to_string()
    };
    let groups: Vec<&str> = main.split('-').collect();
    if groups.iter().any(|g| g.is_empty()) {
        return Err(Issue::LandlineFormat);
    }
    if !main.starts_with('0') {
        let local = groups.first().map_or(0, |g| g.len());
        return Err(if (7..=8).contains(&local) && groups.len() <= 2 {
            Issue::LandlineAreaCode
        } else {
            Issue::LandlineFormat
        });
    }
    let first = groups.first().copied().unwrap_or_default();
    let (area, number, rest): (&str, String, &[&str]) = if first.len() >= 10 {
        let area_len = area_code_len(first).ok_or(Issue::LandlineFormat)?;
        (
            &first[..area_len],
            first[area_len..].to_string(),
            &groups[1..],
        )
    } else if (3..=4).contains(&first.len()) && groups.len() >= 2 {
        let second = groups[1];
        match groups.get(2) {
            Some(third) if second.len() < 7 && (7..=8).contains(&(second.len() + third.len())) => {
                (first, format!("{second}{third}"), &groups[3..])
            }
            _ => (first, second.to_string(), &groups[2..]),
        }
    } else {
        return Err(Issue::LandlineFormat);
    };
    if area_code_len(area) != Some(area.len()) {
        return Err(Issue::LandlineFormat);
    }
    let number_ok = (7..=8).contains(&number.len()) && !number.starts_with(['0', '1']);
    if !number_ok {
        return Err(Issue::LandlineFormat);
    }
    let extension = match (rest, marked_extension) {
        ([], marked) => marked,
        ([e], None) => Some(*e),
        _ => return Err(Issue::LandlineFormat),
    };
    Ok(format!("{area}-{number}{}", extension_suffix(extension)?))
}

/// A fax number: written like a landline.
pub fn fax(input: &str) -> Result<String, Issue> {
    landline(input)
}

/// Characters allowed in the local part of an address (RFC 5322 `atext` and the dot).
const EMAIL_LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";

/// An e-mail address, simplified RFC 5322: `local@domain.tld`, ASCII, no spaces, at most
/// 254 characters, a domain with at least one dot. Full-width forms typed with a Chinese
/// input method (`＠`, `。`) are converted; the domain is lower-cased.
pub fn email(input: &str) -> Result<String, Issue> {
    let converted: String = input
        .chars()
        .map(|c| match half_width(c) {
            '。' | '．' => '.',
            c => c,
        })
        .collect();
    let text = converted.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let length = text.chars().count();
    if length > EMAIL_MAX_CHARS {
        return Err(Issue::EmailLength { found: length });
    }
    if let Some(found) = text.chars().find(|c| c.is_whitespace()) {
        return Err(Issue::EmailCharacter { found });
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return Err(Issue::EmailFormat);
    };
    if local.is_empty() || local.contains('@') || local.len() > 64 {
        return Err(Issue::EmailFormat);
    }
    if let Some(found) = local
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || EMAIL_LOCAL_SPECIALS.contains(c)))
    {
        return Err(Issue::EmailCharacter { found });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(Issue::EmailFormat);
    }
    if let Some(found) = domain
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    {
        return Err(Issue::EmailCharacter { found });
    }
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.len() >= 2 && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"))
    });
    if !labels_ok || !tld_ok {
        return Err(Issue::EmailDomain);
    }
    Ok(format!("{local}@{domain}"))
}

/// A postcode (邮政编码): six digits, not all zeros.
pub fn postcode(input: &str) -> Result<String, Issue> {
    let text: String = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    if text.len() == 6 && all_digits(&text) && text != "000000" {
        Ok(text)
    } else {
        Err(Issue::PostcodeFormat)
    }
}

/// The two-digit province prefixes of GB/T 2260 (including 71 台湾, 81 香港, 82 澳门).
const PROVINCE_PREFIXES: &[&str] = &[
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

/// The number of characters in a 不动产单元号.
pub const PROPERTY_UNIT_CHARS: usize = 28;

/// A 不动产单元号 (real-property unit number), 28 characters: the 6-digit division code,
/// 6 digits of 地籍区 and 地籍子区, the 宗地/宗海 code (2 letters, 5 digits) and the 定着物
/// code (1 letter, 8 digits). Spaces are dropped and letters upper-cased; the result is
/// grouped `330106 001001 GB00001 F00010001`.
pub fn property_unit(input: &str) -> Result<String, Issue> {
    let chars: Vec<char> = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.is_empty() {
        return Err(Issue::Required);
    }
    if chars.len() != PROPERTY_UNIT_CHARS {
        return Err(Issue::PropertyUnitLength { found: chars.len() });
    }
    for (index, &found) in chars.iter().enumerate() {
        let position = index + 1;
        if matches!(position, 13 | 14 | 20) {
            if !found.is_ascii_uppercase() {
                return Err(Issue::PropertyUnitLetter { position, found });
            }
        } else if !found.is_ascii_digit() {
            return Err(Issue::PropertyUnitDigit { position, found });
        }
    }
    // All ASCII from here on, so byte slicing is safe.
    let text: String = chars.iter().collect();
    let division = &text[..6];
    if !PROVINCE_PREFIXES.contains(&&division[..2]) {
        return Err(Issue::PropertyUnitDivision {
            code: division.to_string(),
        });
    }
    Ok(format!(
        "{} {} {} {}",
        &text[..6],
        &text[6..12],
        &text[12..19],
        &text[19..]
    ))
}

/// Abbreviations of the provinces that start a plate number.
const PLATE_PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/// Characters that take the last serial position of special plates: trailer, driving school,
/// police, Hong Kong and Macao cross-border, consulate.
const PLATE_SUFFIXES: &[char] = &['挂', '学', '警', '港', '澳', '领'];

fn plate_serial_char(c: char) -> Result<(), Issue> {
    match c {
        'I' | 'O' => Err(Issue::PlateLetterIo { found: c }),
        c if c.is_ascii_digit() || c.is_ascii_uppercase() => Ok(()),
        _ => Err(Issue::PlateFormat),
    }
}

/// A vehicle plate number (号牌号码): province abbreviation, the issuing authority's letter
/// (not I or O) and 5 letters or digits (`京A12345`); 6 for new-energy vehicles, with `D`/`F`
/// first or last (`粤BD12345`, `粤B12345D`); or 4 and one of 挂 学 警 港 澳 领 (`京A1234学`);
/// or an embassy plate `使` + 6 digits. Spaces and the dot `·` are dropped, letters
/// upper-cased.
pub fn plate(input: &str) -> Result<String, Issue> {
    let chars: Vec<char> = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '・' | '‧' | '∙' | '.' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let Some((&first, rest)) = chars.split_first() else {
        return Err(Issue::Required);
    };
    if first == '使' {
        return if rest.len() == 6 && rest.iter().all(char::is_ascii_digit) {
            Ok(chars.iter().collect())
        } else {
            Err(Issue::PlateFormat)
        };
    }
    if !PLATE_PROVINCES.contains(first) {
        return Err(Issue::PlateProvince { found: first });
    }
    let Some((&authority, serial)) = rest.split_first() else {
        return Err(Issue::PlateFormat);
    };
    if matches!(authority, 'I' | 'O') {
        return Err(Issue::PlateLetterIo { found: authority });
    }
    if !authority.is_ascii_uppercase() {
        return Err(Issue::PlateAuthority { found: authority });
    }
    let (serial, suffix) = match serial.split_last() {
        Some((last, body)) if PLATE_SUFFIXES.contains(last) => (body, Some(*last)),
        _ => (serial, None),
    };
    for &c in serial {
        plate_serial_char(c)?;
    }
    let new_energy_mark = |c: Option<&char>| matches!(c, Some('D' | 'F'));
    match (serial.len(), suffix) {
        (4, Some(_)) | (5, None) => {}
        (6, None) if new_energy_mark(serial.first()) || new_energy_mark(serial.last()) => {}
        (6, None) => return Err(Issue::PlateNewEnergy),
        _ => return Err(Issue::PlateFormat),
    }
    Ok(chars.iter().collect())
}

/// A name in Latin letters as on a passport, `SURNAME GIVEN`: letters A–Z, single spaces,
/// hyphens and apostrophes between letters; upper-cased (`Zhang Xiaoming` → `ZHANG
/// XIAOMING`).
pub fn latin_name(input: &str) -> Result<String, Issue> {
    let mut out = String::new();
    let mut pending_space = false;
    for c in input.chars().map(half_width) {
        let c = match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‐' | '‑' | '–' => '-',
            c => c.to_ascii_uppercase(),
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if !(c.is_ascii_uppercase() || c == '-' || c == '\'') {
            return Err(Issue::LatinNameCharacter { found: c });
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(Issue::Required);
    }
    let is_separator = |c: &char| matches!(c, ' ' | '-' | '\'');
    let chars: Vec<char> = out.chars().collect();
    let misplaced = chars.first().is_some_and(is_separator)
        || chars.last().is_some_and(is_separator)
        || chars
            .windows(2)
            .any(|pair| is_separator(&pair[0]) && is_separator(&pair[1]));
    if misplaced {
        return Err(Issue::LatinNameFormat);
    }
    if chars.len() > LATIN_NAME_MAX_CHARS {
        return Err(Issue::LatinNameLength { found: chars.len() });
    }
    Ok(out)
}

/// A date in any spelling [`parse_date`] reads, in the past or the future (e.g. the end of a
/// validity period).
pub fn any_date(input: &str) -> Result<Date, Issue> {
    parse_date(input)
}

/// The end of an ID card's validity (有效期限止): a date or 长期 (long-term).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidTo {
    /// Valid up to and including this date.
    Date(Date),
    /// 长期: no end date.
    LongTerm,
}

impl ValidTo {
    /// `YYYY-MM-DD` or `长期`.
    pub fn render(self) -> String {
        match self {
            ValidTo::Date(date) => iso_date(date),
            ValidTo::LongTerm => "长期".to_string(),
        }
    }
}

/// 有效期限止: a date (past or future) or `长期`.
pub fn id_valid_to(input: &str) -> Result<ValidTo, Issue> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let lower = text.to_lowercase();
    if matches!(
        lower.as_str(),
        "长期" | "長期" | "长期有效" | "長期有效" | "long-term" | "long term" | "longterm"
    ) {
        return Ok(ValidTo::LongTerm);
    }
    parse_date(text).map(ValidTo::Date).map_err(|issue| {
        if issue == Issue::DateFormat {
            Issue::ValidToFormat
        } else {
            issue
        }
    })
}

/// An amount of money held exactly, as a whole number of 分 (0.01 元). No floating point is
/// involved anywhere: 1 万元 = 10 000 元 = 1 000 000 分.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    fen: u64,
}

impl Amount {
    /// An amount of `fen` 分.
    pub fn from_fen(fen: u64) -> Self {
        Self { fen }
    }

    /// The amount in 分.
    pub fn fen(self) -> u64 {
        self.fen
    }

    /// The amount as a decimal in `unit`, without trailing zeros: `10.5`, `0.0001`, `1000`.
    pub fn in_unit(self, unit: MoneyUnit) -> String {
        let per = unit.fen_per_unit();
        let whole = self.fen / per;
        let fraction = self.fen % per;
        if fraction == 0 {
            return whole.to_string();
        }
        let width = usize::try_from(unit.decimals()).unwrap_or(0);
        let digits = format!("{fraction:0width$}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }

    /// The amount in 万元.
    pub fn wan(self) -> String {
        self.in_unit(MoneyUnit::Wan)
    }

    /// The amount in 元.
    pub fn yuan(self) -> String {
        self.in_unit(MoneyUnit::Yuan)
    }
}

/// Units a person may write after an amount, and what they are.
const UNIT_WORDS: &[(&str, Option<MoneyUnit>)] = &[
    ("万元", Some(MoneyUnit::Wan)),
    ("萬元", Some(MoneyUnit::Wan)),
    ("万", Some(MoneyUnit::Wan)),
    ("萬", Some(MoneyUnit::Wan)),
    ("元", Some(MoneyUnit::Yuan)),
    ("圆", Some(MoneyUnit::Yuan)),
    ("亿元", None),
    ("亿", None),
    ("千元", None),
    ("千", None),
];

/// Removes valid thousands separators from the integer part: `1,000,000` → `1000000`.
fn strip_thousands(integer: &str) -> Option<String> {
    if !integer.contains(',') {
        return integer
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| integer.to_string());
    }
    let mut groups = integer.split(',');
    let head = groups.next()?;
    if !(1..=3).contains(&head.len()) || !all_digits(head) {
        return None;
    }
    let mut out = head.to_string();
    for group in groups {
        if group.len() != 3 || !all_digits(group) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

fn parse_amount(input: &str, unit: MoneyUnit) -> Result<Amount, Issue> {
    let text: String = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let text = text.trim_start_matches(['¥', '￥']);
    let split = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-')))
        .map_or(text.len(), |(at, _)| at);
    let (number, written_unit) = text.split_at(split);
    if !written_unit.is_empty() {
        match UNIT_WORDS.iter().find(|(word, _)| *word == written_unit) {
            Some((_, Some(u))) if *u == unit => {}
            Some(_) => {
                return Err(Issue::AmountUnit {
                    unit,
                    found: written_unit.to_string(),
                });
            }
            None => return Err(Issue::AmountFormat),
        }
    }
    let (negative, body) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number.strip_prefix('+').unwrap_or(number)),
    };
    let (integer, fraction) = body.split_once('.').unwrap_or((body, ""));
    let integer = strip_thousands(integer).ok_or(Issue::AmountFormat)?;
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (integer.is_empty() && fraction.is_empty())
    {
        return Err(Issue::AmountFormat);
    }
    if negative {
        return Err(Issue::AmountNotPositive);
    }
    let fraction = fraction.trim_end_matches('0');
    let decimals = unit.decimals();
    if fraction.len() > usize::try_from(decimals).unwrap_or(0) {
        return Err(Issue::AmountPrecision { max: decimals });
    }
    let integer = integer.trim_start_matches('0');
    let whole: u64 = if integer.is_empty() {
        0
    } else {
        integer.parse().map_err(|_| Issue::AmountTooLarge)?
    };
    let mut part: u64 = 0;
    let mut padded = fraction.bytes();
    for _ in 0..decimals {
        let digit = padded.next().map_or(0, |b| u64::from(b - b'0'));
        part = part * 10 + digit;
    }
    let fen = whole
        .checked_mul(unit.fen_per_unit())
        .and_then(|v| v.checked_add(part))
        .ok_or(Issue::AmountTooLarge)?;
    if fen == 0 {
        return Err(Issue::AmountNotPositive);
    }
    Ok(Amount { fen })
}

/// A positive amount in 万元 (e.g. 注册资本): at most six decimal places (one 分), an optional
/// `万元`/`万` behind, full-width digits and thousands commas accepted. Render it with
/// [`Amount::wan`], which drops trailing zeros.
pub fn amount_wan(input: &str) -> Result<Amount, Issue> {
    parse_amount(input, MoneyUnit::Wan)
}

/// A positive amount in 元: at most two decimal places, an optional `元` behind.
pub fn amount_yuan(input: &str) -> Result<Amount, Issue> {
    parse_amount(input, MoneyUnit::Yuan)
}

/// Converts an amount written in 万元 to 元, exactly: `10.5` → `105000`.
pub fn wan_to_yuan(input: &str) -> Result<String, Issue> {
    amount_wan(input).map(Amount::yuan)
}

/// Converts an amount written in 元 to 万元, exactly: `105000` → `10.5`.
pub fn yuan_to_wan(input: &str) -> Result<String, Issue> {
    amount_yuan(input).map(Amount::wan)
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

    #[test]
    fn more_messages_exist_in_both_languages() {
        let issues = [
            Issue::Uscc(UsccError::Empty),
            Issue::Uscc(UsccError::Length { found: 15 }),
            Issue::Uscc(UsccError::ForbiddenLetter {
                position: 17,
                found: 'O',
            }),
            Issue::Uscc(UsccError::Character {
                position: 18,
                found: '-',
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
            Issue::RegNo(RegNoError::Empty),
            Issue::RegNo(RegNoError::Length { found: 14 }),
            Issue::RegNo(RegNoError::Character {
                position: 15,
                found: 'X',
            }),
            Issue::RegNoWarning(RegNoWarning::CheckDigit {
                expected: '6',
                found: '7',
            }),
            Issue::BankCard(BankCardError::Empty),
            Issue::BankCard(BankCardError::Character {
                position: 3,
                found: 'a',
            }),
            Issue::BankCard(BankCardError::Length { found: 11 }),
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

    #[test]
    fn firm_codes_and_cards() {
        let code = uscc("91350100M0001TGQXM").expect("an anomaly still parses");
        let warnings = uscc_warnings(&code);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code(), "uscc.check_character");
        assert!(uscc_warnings(&uscc("91330106MA2H3K7D8R").expect("valid")).is_empty());
        assert_eq!(
            uscc("91330106MA2H3K7DOR").map(|u| u.as_str().to_string()),
            Err(Issue::Uscc(UsccError::ForbiddenLetter {
                position: 17,
                found: 'O'
            }))
        );
        let old = firm_id("110108000000017").expect("old numbers still parse");
        assert_eq!(firm_id_warnings(&old)[0].code(), "regno.check_digit");
        let card = bank_card("6200 0000 0000 0005").expect("valid");
        assert_eq!(format!("{card:?}"), "BankCard(6200 **** **** 0005)");
        assert_eq!(
            bank_card("6200 0000 0000 0006").map(|_| ()),
            Err(Issue::BankCard(BankCardError::Luhn))
        );
    }

    #[test]
    fn contacts() {
        assert_eq!(landline("0571 8888 1234"), Ok("0571-88881234".into()));
        assert_eq!(
            landline("+86 10 6552 9988 转 123"),
            Ok("010-65529988-123".into())
        );
        assert_eq!(landline("4008208820"), Ok("400-820-8820".into()));
        assert_eq!(landline("88881234"), Err(Issue::LandlineAreaCode));
        assert_eq!(fax("(0571)88881234"), Ok("0571-88881234".into()));
        assert_eq!(
            email("ZhangSan@Example.COM"),
            Ok("ZhangSan@example.com".into())
        );
        assert_eq!(email("zhangsan@localhost"), Err(Issue::EmailDomain));
        assert_eq!(postcode("310012"), Ok("310012".into()));
        assert_eq!(postcode("000000"), Err(Issue::PostcodeFormat));
    }

    #[test]
    fn documents_and_names() {
        assert_eq!(
            property_unit("330106001001gb00001f00010001"),
            Ok("330106 001001 GB00001 F00010001".into())
        );
        assert_eq!(plate("京A·12345"), Ok("京A12345".into()));
        assert_eq!(plate("粤BD12345"), Ok("粤BD12345".into()));
        assert_eq!(plate("粤B123456"), Err(Issue::PlateNewEnergy));
        assert_eq!(latin_name(" zhang  xiaoming "), Ok("ZHANG XIAOMING".into()));
        assert_eq!(latin_name("ZHANG--MING"), Err(Issue::LatinNameFormat));
    }

    #[test]
    fn dates_and_amounts() {
        assert_eq!(any_date("2036-03-07"), Ok(date!(2036 - 03 - 07)));
        assert_eq!(id_valid_to("长期"), Ok(ValidTo::LongTerm));
        assert_eq!(id_valid_to("长期").map(ValidTo::render), Ok("长期".into()));
        assert_eq!(
            id_valid_to("2036.3.7"),
            Ok(ValidTo::Date(date!(2036 - 03 - 07)))
        );
        assert_eq!(id_valid_to("永久"), Err(Issue::ValidToFormat));
        // A former panic: eight bytes that are not eight ASCII digits.
        assert_eq!(parse_date("12中345"), Err(Issue::DateFormat));
        assert_eq!(
            amount_wan("１０．５万元").map(Amount::wan),
            Ok("10.5".into())
        );
        assert_eq!(amount_wan("10.5").map(Amount::fen), Ok(10_500_000));
        assert_eq!(amount_wan("0"), Err(Issue::AmountNotPositive));
        assert_eq!(amount_wan("-1"), Err(Issue::AmountNotPositive));
        assert_eq!(
            amount_wan("0.0000001"),
            Err(Issue::AmountPrecision { max: 6 })
        );
        assert_eq!(wan_to_yuan("0.0001"), Ok("1".into()));
        assert_eq!(yuan_to_wan("105000.5"), Ok("10.50005".into()));
    }
}
