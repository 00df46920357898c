//! Identifier validators that parse into types: once a [`ResidentId`] exists, it is valid.

mod bank_card;
mod resident_id;
mod uscc;

pub use bank_card::{
    BANK_CARD_MAX_DIGITS, BANK_CARD_MIN_DIGITS, BankCard, BankCardError, luhn_check_digit,
    luhn_valid,
};
pub use resident_id::{IdKind, ResidentId, ResidentIdError, Sex, mod11_2_check};
pub use uscc::{
    EntityCategory, FirmId, RegNoError, RegNoWarning, RegisteringDept, RegistrationNumber, Uscc,
    UsccError, UsccWarning, mod11_10_check, org_code_check_character, uscc_check_character,
};
