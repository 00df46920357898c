//! GB 11643-1999 公民身份号码 (citizen identity number).
//!
//! An 18-character number: a 6-digit GB/T 2260 address code, the birth date `YYYYMMDD`, a
//! 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character,
//! where the value 10 is written `X`. Legacy 15-digit numbers (GB 11643-1989: `YYMMDD`, no
//! check character) are converted to 18 by inserting `19` and appending the check.
//!
//! The same algorithm numbers the residence permits of Hong Kong, Macao and Taiwan residents
//! (address codes `810000`, `820000`, `830000`) and, since 2023-12-01, the foreigner's
//! permanent residence card (first digit `9`; its middle positions are not parsed).
//!
//! ```
//! use oncefill::core::ids::{ResidentId, Sex};
//! use time::macros::date;
//!
//! let id = ResidentId::parse_on("11010519491231002x", date!(2026 - 11 - 21)).unwrap();
//! assert_eq!(id.as_str(), "11010519491231002X");
//! assert_eq!(id.birth_date(), date!(1949 - 12 - 31));
//! assert_eq!(id.sex(), Sex::Female);
//! assert_eq!(format!("{id:?}"), "ResidentId(1101**********002X)");
//! ```

use std::fmt;

use time::{Date, Month};

use super::format::{FormatCodes, FormatError};
use crate::core::mask::mask_middle;

/// ISO 7064 MOD 11-2 weights `2^(17-i) mod 11` for positions 1..=17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `S mod 11` = 0..=10.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
/// The earliest birth year accepted: the standard's own Annex A has an 1880 example.
const EARLIEST_YEAR: i32 = 1800;

/// Sex as coded by GB/T 2261.1 (`1` male, `2` female).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男, code 1.
    Male,
    /// 女, code 2.
    Female,
}

impl Sex {
    /// The GB/T 2261.1 code: `"1"` or `"2"`.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "1",
            Sex::Female => "2",
        }
    }

    /// The zh-CN name: 男 or 女.
    pub fn zh(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }

    /// Parses a code (`1`/`2`), a zh-CN name or an English word.
    pub fn parse(text: &str) -> Option<Sex> {
        match text.trim().to_ascii_lowercase().as_str() {
            "1" | "男" | "男性" | "m" | "male" => Some(Sex::Male),
            "2" | "女" | "女性" | "f" | "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// Which document the number belongs to, read from its first digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 居民身份证 of a mainland citizen.
    Citizen,
    /// 港澳台居民居住证 of a Hong Kong resident (810000).
    HongKongResident,
    /// 港澳台居民居住证 of a Macao resident (820000).
    MacaoResident,
    /// 港澳台居民居住证 of a Taiwan resident (830000).
    TaiwanResident,
    /// 外国人永久居留身份证, 2023 edition (first digit 9).
    ForeignPermanentResident,
}

/// What is wrong with a typed ID number. Each variant names the fault precisely enough
/// for a sentence telling the user how to put it right (see [`crate::core::i18n`]).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResidentIdError {
    /// Nothing entered, neither 18 nor 15 characters (spaces removed), or a character that
    /// may not stand at its position (digits only, `X` last).
    Format(FormatError),
    /// Positions 7–14 (or 7–12 of a 15-digit number) are not a calendar date.
    Date {
        /// The date digits as written, e.g. `19900230`.
        digits: String,
    },
    /// The birth date lies after today.
    FutureDate {
        /// The birth date.
        date: Date,
    },
    /// The birth year is before 1800.
    TooEarly {
        /// The birth year.
        year: i32,
    },
    /// The check character does not match the first 17 digits.
    CheckDigit {
        /// What the first 17 digits require.
        expected: char,
        /// What was written.
        found: char,
    },
}

/// The codes of [`ResidentIdError::Format`].
const FORMAT_CODES: FormatCodes = FormatCodes {
    empty: "id.empty",
    length: "id.length",
    character: "id.character",
};

impl From<FormatError> for ResidentIdError {
    fn from(error: FormatError) -> Self {
        ResidentIdError::Format(error)
    }
}

impl ResidentIdError {
    /// A stable code for programs (`id.length`, `id.check_digit`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            ResidentIdError::Format(e) => e.code(&FORMAT_CODES),
            ResidentIdError::Date { .. } => "id.date",
            ResidentIdError::FutureDate { .. } => "id.future_date",
            ResidentIdError::TooEarly { .. } => "id.too_early",
            ResidentIdError::CheckDigit { .. } => "id.check_digit",
        }
    }
}

/// A valid GB 11643 number, always in its 18-character form with an upper-case `X`.
#[derive(Clone, PartialEq, Eq)]
pub struct ResidentId {
    number: String,
    birth_date: Date,
    sex: Sex,
    kind: IdKind,
    converted_from_15: bool,
}

impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentId({})", mask_middle(&self.number, 4, 4))
    }
}

/// The MOD 11-2 check character of 17 digits.
///
/// ```
/// assert_eq!(oncefill::core::ids::mod11_2_check(b"11010519900307123"), '9');
/// ```
pub fn mod11_2_check(body: &[u8; 17]) -> char {
    let sum: u32 = body
        .iter()
        .zip(WEIGHTS)
        .map(|(digit, weight)| u32::from(digit.wrapping_sub(b'0')) * weight)
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// Normalises what a person typed: spaces of any width are dropped, full-width digits and
/// letters become half-width, a lower-case `x` becomes `X`.
fn normalise(input: &str) -> Vec<char> {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'ｘ' | 'Ｘ' | 'x' => 'X',
            _ => c,
        })
        .collect()
}

fn date_from_digits(digits: &str) -> Option<Date> {
    let year: i32 = digits.get(0..4)?.parse().ok()?;
    let month: u8 = digits.get(4..6)?.parse().ok()?;
    let day: u8 = digits.get(6..8)?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

impl ResidentId {
    /// Parses a number typed by a person, judging the birth date against today in China.
    pub fn parse(input: &str) -> Result<Self, ResidentIdError> {
        Self::parse_on(input, crate::core::clock::today())
    }

    /// Parses a number, judging the birth date against `today`.
    pub fn parse_on(input: &str, today: Date) -> Result<Self, ResidentIdError> {
        let chars = normalise(input);
        match chars.len() {
            0 => Err(FormatError::Empty.into()),
            18 => Self::parse_18(&chars, today, false),
            15 => Self::parse_15(&chars, today),
            found => Err(FormatError::Length { found }.into()),
        }
    }

    fn parse_18(chars: &[char], today: Date, converted: bool) -> Result<Self, ResidentIdError> {
        FormatError::check_characters(chars, |index, c| {
            c.is_ascii_digit() || (index == 17 && c == 'X')
        })?;
        let number: String = chars.iter().collect();
        let kind = match &number[..2] {
            "81" => IdKind::HongKongResident,
            "82" => IdKind::MacaoResident,
            "83" => IdKind::TaiwanResident,
            _ if number.starts_with('9') => IdKind::ForeignPermanentResident,
            _ => IdKind::Citizen,
        };
        let date_digits = &number[6..14];
        let birth_date = check_date(date_digits, today)?;
        let mut body = [0u8; 17];
        body.copy_from_slice(&number.as_bytes()[..17]);
        let expected = mod11_2_check(&body);
        let found = chars[17];
        if expected != found {
            return Err(ResidentIdError::CheckDigit { expected, found });
        }
        let sequence_digit = chars[16].to_digit(10).unwrap_or(0);
        Ok(ResidentId {
            number,
            birth_date,
            sex: if sequence_digit % 2 == 1 {
                Sex::Male
            } else {
                Sex::Female
            },
            kind,
            converted_from_15: converted,
        })
    }

    fn parse_15(chars: &[char], today: Date) -> Result<Self, ResidentIdError> {
        FormatError::check_characters(chars, |_, c| c.is_ascii_digit())?;
        let old: String = chars.iter().collect();
        let mut body = String::with_capacity(18);
        body.push_str(&old[..6]);
        body.push_str("19");
        body.push_str(&old[6..]);
        // Check the date first so that the error speaks of the 15-digit number as typed.
        check_date(&body[6..14], today).map_err(|err| match err {
            ResidentIdError::Date { .. } => ResidentIdError::Date {
                digits: old[6..12].to_string(),
            },
            other => other,
        })?;
        let mut digits = [0u8; 17];
        digits.copy_from_slice(body.as_bytes());
        body.push(mod11_2_check(&digits));
        let converted: Vec<char> = body.chars().collect();
        Self::parse_18(&converted, today, true)
    }

    /// The 18-character number, upper-case `X`.
    pub fn as_str(&self) -> &str {
        &self.number
    }

    /// The birth date in positions 7–14.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// Sex from the parity of position 17.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// The document the number belongs to.
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// The 6-digit address code in positions 1–6.
    pub fn address_code(&self) -> &str {
        &self.number[..6]
    }

    /// Whether the input was a legacy 15-digit number.
    pub fn converted_from_15(&self) -> bool {
        self.converted_from_15
    }
}

fn check_date(digits: &str, today: Date) -> Result<Date, ResidentIdError> {
    let date = date_from_digits(digits).ok_or_else(|| ResidentIdError::Date {
        digits: digits.to_string(),
    })?;
    if date.year() < EARLIEST_YEAR {
        return Err(ResidentIdError::TooEarly { year: date.year() });
    }
    if date > today {
        return Err(ResidentIdError::FutureDate { date });
    }
    Ok(date)
}

/// Only the code: the error may hold digits of the number (its date), which `Debug` must not
/// print.
impl fmt::Debug for ResidentIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentIdError({})", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn debug_prints_the_code_not_the_digits() {
        let e = ResidentIdError::Date {
            digits: "19900230".into(),
        };
        assert_eq!(format!("{e:?}"), format!("ResidentIdError({})", e.code()));
        assert!(!format!("{e:?}").contains("1990"));
    }

    const TODAY: Date = date!(2026 - 11 - 21);

    fn ok(input: &str) -> ResidentId {
        ResidentId::parse_on(input, TODAY).expect(input)
    }

    fn err(input: &str) -> ResidentIdError {
        ResidentId::parse_on(input, TODAY).expect_err(input)
    }

    // Worked examples of the reference (cn-standards.md §1), cross-checked with python-stdnum.
    #[test]
    fn beijing_chaoyang_male() {
        let id = ok("110105199003071239");
        assert_eq!(id.birth_date(), date!(1990 - 03 - 07));
        assert_eq!(id.sex(), Sex::Male);
        assert_eq!(id.address_code(), "110105");
        assert_eq!(id.kind(), IdKind::Citizen);
    }

    #[test]
    fn shenzhen_nanshan_female() {
        let id = ok("440305198512310421");
        assert_eq!(id.birth_date(), date!(1985 - 12 - 31));
        assert_eq!(id.sex(), Sex::Female);
    }

    #[test]
    fn check_x_upper_and_lower() {
        assert_eq!(ok("33010620010704019X").as_str(), "33010620010704019X");
        assert_eq!(ok("33010620010704019x").as_str(), "33010620010704019X");
        assert_eq!(ok("33010620010704019X").sex(), Sex::Male);
    }

    #[test]
    fn standard_annex_examples() {
        assert_eq!(ok("11010519491231002X").sex(), Sex::Female);
        // Valid checksum; the county code did not exist in 1880 but that is not this check's
        // business (address codes are a warning of the profile validator).
        assert_eq!(ok("440524188001010014").birth_date(), date!(1880 - 01 - 01));
    }

    #[test]
    fn legacy_15_digit_is_converted() {
        let id = ok("310104720815021");
        assert_eq!(id.as_str(), "310104197208150215");
        assert!(id.converted_from_15());
        assert_eq!(id.sex(), Sex::Male);
    }

    #[test]
    fn residence_permits_and_permanent_residence() {
        assert_eq!(ok("810000199408230013").kind(), IdKind::HongKongResident);
    }

    #[test]
    fn spaces_and_full_width_are_tolerated() {
        assert_eq!(ok(" 110105 19900307 1239 ").as_str(), "110105199003071239");
        assert_eq!(
            ok("１１０１０５１９９００３０７１２３９").as_str(),
            "110105199003071239"
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(err(""), ResidentIdError::Format(FormatError::Empty));
        assert_eq!(err("   "), ResidentIdError::Format(FormatError::Empty));
        assert_eq!(
            err("11010519900307123"),
            ResidentIdError::Format(FormatError::Length { found: 17 })
        );
        assert_eq!(
            err("1101051990030712A9"),
            ResidentIdError::Format(FormatError::Character {
                position: 17,
                found: 'A'
            })
        );
        assert_eq!(
            err("110105199002301238"),
            ResidentIdError::Date {
                digits: "19900230".into()
            }
        );
        assert_eq!(
            err("110105199003071238"),
            ResidentIdError::CheckDigit {
                expected: '9',
                found: '8'
            }
        );
        assert_eq!(
            err("310104721315021"),
            ResidentIdError::Date {
                digits: "721315".into()
            }
        );
        assert_eq!(err("1101051990030712X9").code(), "id.character");
    }

    #[test]
    fn future_and_too_early_dates_are_rejected() {
        // 2027-01-01, with a correct check character.
        let mut body = *b"11010520270101123";
        let future = format!(
            "{}{}",
            std::str::from_utf8(&body).unwrap(),
            mod11_2_check(&body)
        );
        assert!(matches!(err(&future), ResidentIdError::FutureDate { .. }));
        body = *b"11010517990101123";
        let early = format!(
            "{}{}",
            std::str::from_utf8(&body).unwrap(),
            mod11_2_check(&body)
        );
        assert_eq!(err(&early), ResidentIdError::TooEarly { year: 1799 });
    }

    #[test]
    fn born_today_is_accepted() {
        let body = *b"11010520261121123";
        let today = format!(
            "{}{}",
            std::str::from_utf8(&body).unwrap(),
            mod11_2_check(&body)
        );
        assert_eq!(ok(&today).birth_date(), TODAY);
    }
}
