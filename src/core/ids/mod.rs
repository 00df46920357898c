//! Identifier validators that parse into types: once a [`ResidentId`] exists, it is valid.
//!
//! Each parser's error wraps the shared [`FormatError`] (nothing entered, wrong length, a
//! character out of place) next to its own faults (check characters, dates, …).

mod bank_card;
mod format;
mod resident_id;
mod uscc;

pub use format::{FormatCodes, FormatError};

pub use bank_card::{
    BANK_CARD_MAX_DIGITS, BANK_CARD_MIN_DIGITS, BankCard, BankCardError, luhn_check_digit,
    luhn_valid,
};
pub use resident_id::{IdKind, ResidentId, ResidentIdError, Sex, mod11_2_check};
pub use uscc::{
    EntityCategory, FirmId, RegNoError, RegNoWarning, RegisteringDept, RegistrationNumber, Uscc,
    UsccError, UsccWarning, mod11_10_check, org_code_check_character, uscc_check_character,
};
