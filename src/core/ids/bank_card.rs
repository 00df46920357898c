//! Bank card numbers (银行卡号): 12 to 19 digits whose last digit is a Luhn check
//! (ISO/IEC 7812-1).
//!
//! Spaces, hyphens and full-width digits are accepted; the number is kept as bare digits. Its
//! `Debug` never shows more than the first and last four digits.
//!
//! ```
//! use oncefill::core::ids::BankCard;
//!
//! let card = BankCard::parse("6222 0212 3456 7894").unwrap();
//! assert_eq!(card.as_str(), "6222021234567894");
//! assert_eq!(card.masked(), "6222 **** **** 7894");
//! assert_eq!(format!("{card:?}"), "BankCard(6222 **** **** 7894)");
//! ```

use std::fmt;

use super::format::{FormatCodes, FormatError};
use crate::core::mask::mask_middle;

/// The fewest digits accepted.
pub const BANK_CARD_MIN_DIGITS: usize = 12;
/// The most digits accepted.
pub const BANK_CARD_MAX_DIGITS: usize = 19;

/// What is wrong with a typed card number.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BankCardError {
    /// Nothing entered, something other than a digit, space or hyphen (its position counted
    /// among the characters kept, spaces and hyphens dropped), or fewer than 12 or more than
    /// 19 digits.
    Format(FormatError),
    /// The Luhn check fails: a digit is mistyped. The digits themselves are not kept here
    /// so that the error can be logged.
    Luhn,
}

/// The codes of [`BankCardError::Format`].
const FORMAT_CODES: FormatCodes = FormatCodes {
    empty: "bank_card.empty",
    length: "bank_card.length",
    character: "bank_card.character",
};

impl From<FormatError> for BankCardError {
    fn from(error: FormatError) -> Self {
        BankCardError::Format(error)
    }
}

impl BankCardError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format(e) => e.code(&FORMAT_CODES),
            Self::Luhn => "bank_card.luhn",
        }
    }
}

/// The Luhn check digit to append to `body`, or `None` if `body` is empty or holds anything
/// but ASCII digits.
///
/// ```
/// assert_eq!(oncefill::core::ids::luhn_check_digit("7992739871"), Some('3'));
/// ```
pub fn luhn_check_digit(body: &str) -> Option<char> {
    if body.is_empty() {
        return None;
    }
    // Counting from the right of the body, the first digit is doubled (it becomes the
    // second from the right once the check digit is appended).
    let mut sum = 0u32;
    for (index, c) in body.chars().rev().enumerate() {
        let digit = c.to_digit(10)?;
        sum += if index % 2 == 0 {
            let doubled = digit * 2;
            if doubled > 9 { doubled - 9 } else { doubled }
        } else {
            digit
        };
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// Whether `digits` (check digit last) passes the Luhn check.
///
/// ```
/// assert!(oncefill::core::ids::luhn_valid("79927398713"));
/// assert!(!oncefill::core::ids::luhn_valid("79927398710"));
/// ```
pub fn luhn_valid(digits: &str) -> bool {
    let mut chars = digits.chars();
    let Some(last) = chars.next_back() else {
        return false;
    };
    luhn_check_digit(chars.as_str()) == Some(last)
}

/// A bank card number that passed the Luhn check, as bare digits.
#[derive(Clone, PartialEq, Eq)]
pub struct BankCard {
    digits: String,
}

impl fmt::Debug for BankCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BankCard({})", self.masked())
    }
}

impl BankCard {
    /// Parses a number typed by a person.
    pub fn parse(input: &str) -> Result<Self, BankCardError> {
        let mut digits = String::new();
        let mut kept = 0usize;
        for c in input.chars() {
            if c.is_whitespace() || matches!(c, '-' | '－' | '‐' | '‑' | '–' | '—') {
                continue;
            }
            kept += 1;
            let c = match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                _ => c,
            };
            if !c.is_ascii_digit() {
                return Err(FormatError::Character {
                    position: kept,
                    found: c,
                }
                .into());
            }
            digits.push(c);
        }
        if digits.is_empty() {
            return Err(FormatError::Empty.into());
        }
        if !(BANK_CARD_MIN_DIGITS..=BANK_CARD_MAX_DIGITS).contains(&digits.len()) {
            return Err(FormatError::Length {
                found: digits.len(),
            }
            .into());
        }
        if !luhn_valid(&digits) {
            return Err(BankCardError::Luhn);
        }
        Ok(Self { digits })
    }

    /// The bare digits, for filling a form.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The digits in groups of four, as printed on most cards: `6222 0212 3456 7894`.
    pub fn grouped(&self) -> String {
        group4(&self.digits)
    }

    /// The first and last four digits with the rest masked, in groups of four and the last
    /// four kept together: `6222 **** **** 7894`, `6222 **** **** *** 1234`.
    pub fn masked(&self) -> String {
        let masked = mask_middle(&self.digits, 4, 4);
        let chars: Vec<char> = masked.chars().collect();
        let split = chars.len().saturating_sub(4);
        let (front, tail) = chars.split_at(split);
        let front: String = front.iter().collect();
        let tail: String = tail.iter().collect();
        format!("{} {tail}", group4(&front))
    }
}

fn group4(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (index, c) in text.chars().enumerate() {
        if index > 0 && index % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_reference_vector() {
        // The usual worked example of the Luhn algorithm (ISO/IEC 7812-1 Annex B style).
        assert_eq!(luhn_check_digit("7992739871"), Some('3'));
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid(""));
        assert_eq!(luhn_check_digit(""), None);
        assert_eq!(luhn_check_digit("12a"), None);
    }

    #[test]
    fn parse_and_mask() {
        // Test numbers published by card schemes: Visa 4111…1111, UnionPay 6200…0005.
        let visa = BankCard::parse("4111-1111-1111-1111").unwrap();
        assert_eq!(visa.as_str(), "4111111111111111");
        assert_eq!(visa.grouped(), "4111 1111 1111 1111");
        assert_eq!(format!("{visa:?}"), "BankCard(4111 **** **** 1111)");
        let unionpay = BankCard::parse("６２００ ００００ ００００ ０００５").unwrap();
        assert_eq!(unionpay.as_str(), "6200000000000005");
        let body = "622202123456789012";
        let check = luhn_check_digit(body).unwrap();
        let card = BankCard::parse(&format!("{body}{check}")).unwrap();
        assert_eq!(card.masked(), format!("6222 **** **** *** 012{check}"));
        assert!(!format!("{card:?}").contains("0212345"));
    }

    #[test]
    fn errors() {
        let format = |e| Err(BankCardError::Format(e));
        assert_eq!(BankCard::parse(" - "), format(FormatError::Empty));
        assert_eq!(
            BankCard::parse("4111 1111 1111 111O"),
            format(FormatError::Character {
                position: 16,
                found: 'O'
            })
        );
        assert_eq!(
            BankCard::parse("41111111111"),
            format(FormatError::Length { found: 11 })
        );
        assert_eq!(
            BankCard::parse("41111111111111111111"),
            format(FormatError::Length { found: 20 })
        );
        assert_eq!(
            BankCard::parse("4111 1111 1111 1112"),
            Err(BankCardError::Luhn)
        );
    }
}
