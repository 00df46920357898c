//! Identifiers parsed by [`crate::core::ids`] — the resident ID number, the unified social
//! credit code, the legacy registration number and bank cards — with their errors and
//! check-character doubts as [`Issue`]s.

use time::Date;

use super::Issue;
use crate::core::ids::{BankCard, FirmId, RegistrationNumber, ResidentId, Uscc};

/// The resident ID number.
pub fn id_number(input: &str, today: Date) -> Result<ResidentId, Issue> {
    ResidentId::parse_on(input, today).map_err(Issue::Id)
}

/// The unified social credit code (GB 32100-2015). A check character that does not compute
/// is not an error: the code comes back with [`Uscc::warnings`] (see [`uscc_warnings`]).
pub fn uscc(input: &str) -> Result<Uscc, Issue> {
    Uscc::parse(input).map_err(Issue::Uscc)
}

/// The doubts about a parsed USCC, as issues of [`Severity::Warning`](super::Severity::Warning).
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

/// The doubts about a parsed registration number, as issues of [`Severity::Warning`](super::Severity::Warning).
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

/// The doubts about a parsed firm code, as issues of [`Severity::Warning`](super::Severity::Warning).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{BankCardError, ResidentIdError, UsccError};

    #[test]
    fn id_numbers() {
        let today = time::macros::date!(2026 - 11 - 21);
        let id = id_number("11010519491231002x", today).expect("valid");
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(
            id_number("110105199003071238", today).map(|_| ()),
            Err(Issue::Id(ResidentIdError::CheckDigit {
                expected: '9',
                found: '8'
            }))
        );
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
}
