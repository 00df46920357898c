//! GB 11643 properties: every generated valid number parses to its own birth date and sex,
//! and any change of a single character is rejected.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::ids::{ResidentId, Sex, mod11_2_check};
use proptest::prelude::*;
use time::{Date, Month, macros::date};

const TODAY: Date = date!(2026 - 11 - 21);

/// A valid number from an address code, a birth date and a sequence.
fn make(address: u32, birth: Date, sequence: u16) -> String {
    let body = format!(
        "{address:06}{:04}{:02}{:02}{sequence:03}",
        birth.year(),
        u8::from(birth.month()),
        birth.day()
    );
    let mut digits = [0u8; 17];
    digits.copy_from_slice(body.as_bytes());
    format!("{body}{}", mod11_2_check(&digits))
}

fn birth_dates() -> impl Strategy<Value = Date> {
    (1900i32..=2026, 1u8..=12, 1u8..=31).prop_filter_map("a real past date", |(y, m, d)| {
        let date = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
        (date <= TODAY).then_some(date)
    })
}

proptest! {
    #[test]
    fn generated_numbers_parse(address in 110000u32..660000, birth in birth_dates(), sequence in 0u16..1000) {
        let number = make(address, birth, sequence);
        let id = ResidentId::parse_on(&number, TODAY).expect("valid by construction");
        prop_assert_eq!(id.as_str(), number.as_str());
        prop_assert_eq!(id.birth_date(), birth);
        let expected = if (sequence % 10) % 2 == 1 { Sex::Male } else { Sex::Female };
        prop_assert_eq!(id.sex(), expected);
    }

    #[test]
    fn any_single_character_change_is_rejected(
        address in 110000u32..660000,
        birth in birth_dates(),
        sequence in 0u16..1000,
        position in 0usize..18,
        replacement in prop::sample::select(vec!['0','1','2','3','4','5','6','7','8','9','X']),
    ) {
        let number = make(address, birth, sequence);
        let mut chars: Vec<char> = number.chars().collect();
        prop_assume!(chars[position] != replacement);
        chars[position] = replacement;
        let changed: String = chars.into_iter().collect();
        prop_assert!(ResidentId::parse_on(&changed, TODAY).is_err(), "{} was accepted", changed);
    }

    #[test]
    fn legacy_numbers_convert_to_the_same_person(address in 110000u32..660000, birth in birth_dates(), sequence in 0u16..1000) {
        prop_assume!((1900..2000).contains(&birth.year()));
        let old = format!(
            "{address:06}{:02}{:02}{:02}{sequence:03}",
            birth.year() % 100,
            u8::from(birth.month()),
            birth.day()
        );
        let id = ResidentId::parse_on(&old, TODAY).expect("valid legacy number");
        prop_assert_eq!(id.as_str(), make(address, birth, sequence));
        prop_assert!(id.converted_from_15());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,24}") {
        let _ = ResidentId::parse_on(&text, TODAY);
    }
}
