//! Every string validator, fed the same input, must return rather than panic, and every
//! issue it reports must have a message in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::Lang;
use oncefill::core::validate::{self, Amount, Issue};
use time::macros::date;

fn check<T>(result: Result<T, Issue>) {
    if let Err(issue) = result {
        let _ = issue.code();
        let _ = issue.severity();
        let _ = issue.message(Lang::ZhCn);
        let _ = issue.message(Lang::En);
    }
}

fuzz_target!(|input: &str| {
    let today = date!(2026 - 11 - 21);
    check(validate::name(input));
    check(validate::mobile(input));
    check(validate::past_date(input, today));
    check(validate::parse_date(input));
    check(validate::any_date(input));
    check(validate::id_valid_to(input).map(|v| v.render()));
    check(validate::ethnicity(input));
    check(validate::address(input));
    check(validate::id_number(input, today));
    check(validate::uscc(input));
    check(validate::reg_no(input));
    check(validate::firm_id(input));
    check(validate::bank_card(input).map(|card| (card.masked(), card.grouped())));
    check(validate::landline(input));
    check(validate::fax(input));
    check(validate::email(input));
    check(validate::postcode(input));
    check(validate::property_unit(input));
    check(validate::plate(input));
    check(validate::latin_name(input));
    check(validate::amount_wan(input).map(Amount::wan));
    check(validate::amount_yuan(input).map(Amount::yuan));
    check(validate::wan_to_yuan(input));
    check(validate::yuan_to_wan(input));
    // Normalised output must be a fixed point: validating it again gives the same value.
    if let Ok(value) = validate::landline(input) {
        assert_eq!(validate::landline(&value), Ok(value));
    }
    if let Ok(value) = validate::email(input) {
        assert_eq!(validate::email(&value), Ok(value));
    }
    if let Ok(value) = validate::plate(input) {
        assert_eq!(validate::plate(&value), Ok(value));
    }
    if let Ok(value) = validate::property_unit(input) {
        assert_eq!(validate::property_unit(&value), Ok(value));
    }
    if let Ok(value) = validate::latin_name(input) {
        assert_eq!(validate::latin_name(&value), Ok(value));
    }
    if let Ok(amount) = validate::amount_wan(input) {
        assert_eq!(validate::amount_wan(&amount.wan()), Ok(amount));
    }
});
