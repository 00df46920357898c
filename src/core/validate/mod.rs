//! Validators for single profile values. Each turns what a person typed into a normalised
//! value or an [`Issue`] that says, in a sentence, what is wrong and how to put it right.
//!
//! One file per subject: `names.rs` (people's names), `dates.rs`, `contact.rs` (phones,
//! e-mail, postcodes), `address.rs` (the plain one-line check), `amounts.rs` (元 and 万元),
//! `documents.rs` (不动产单元号, plates), `identifiers.rs` (ID numbers, firm codes, bank
//! cards) and `codes.rs` (code-table values). This file holds what they share: [`Issue`]
//! with its stable codes, [`Severity`], and the character helpers; `message.rs` turns an
//! issue into the sentence a person reads. Every validator is re-exported here.

mod address;
mod amounts;
mod codes;
mod contact;
mod dates;
mod documents;
mod identifiers;
mod message;
mod names;

pub use address::address;
pub use amounts::{
    Amount, MoneyUnit, WAN_DECIMALS, YUAN_DECIMALS, amount_wan, amount_yuan, wan_to_yuan,
    yuan_to_wan,
};
pub use codes::ethnicity;
pub use contact::{EMAIL_MAX_CHARS, email, fax, landline, mobile, postcode};
pub use dates::{ValidTo, any_date, id_valid_to, iso_date, parse_date, past_date};
pub use documents::{PROPERTY_UNIT_CHARS, plate, property_unit};
pub use identifiers::{
    bank_card, firm_id, firm_id_warnings, id_number, reg_no, reg_no_warnings, uscc, uscc_warnings,
};
pub use message::{Param, message_id};
pub use names::{LATIN_NAME_MAX_CHARS, NAME_MAX_CHARS, latin_name, name};

use time::Date;

use crate::core::ids::{
    BankCardError, RegNoError, RegNoWarning, ResidentIdError, Sex, UsccError, UsccWarning,
};

/// A problem with one value.
#[derive(Clone, PartialEq, Eq)]
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
    /// Eleven digits starting with 1, but their first three are no mobile number block of the
    /// national numbering plan (10x–12x, the 13-digit data-only blocks 140–144, 154).
    MobilePrefix,
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
    /// A stable code for programs; written with `-` for `.` and `_`, it is the id of the
    /// issue's message ([`message_id`]).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Required => "required",
            Issue::Id(e) => e.code(),
            Issue::NameLength { .. } => "name.length",
            Issue::NameCharacter { .. } => "name.character",
            Issue::NameMixed => "name.mixed",
            Issue::MobileFormat => "mobile.format",
            Issue::MobilePrefix => "mobile.prefix",
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

/// Full-width ASCII forms (U+FF01–U+FF5E) become half-width and the ideographic space a space.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The input in half-width forms without whitespace; [`Issue::Required`] if nothing is left.
fn compact(input: &str) -> Result<String, Issue> {
    let text: String = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    Ok(text)
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Only the code: an issue may hold what was typed or read from it (a date, a name), which
/// `Debug` must not print.
impl std::fmt::Debug for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Issue({})", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_prints_the_code_not_the_value() {
        let issues = [
            Issue::BirthMismatch {
                expected: time::macros::date!(1990 - 03 - 07),
            },
            Issue::CodeUnknown {
                found: "王小明".into(),
            },
        ];
        let printed = format!("{issues:?}");
        assert_eq!(printed, "[Issue(birth.mismatch), Issue(code.unknown)]");
        assert!(!printed.contains("1990") && !printed.contains("王小明"));
    }
}
