//! GB 11643 parsing must never panic, and whatever parses must be a well-formed number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::Lang;
use oncefill::core::ids::{ResidentId, mod11_2_check};
use oncefill::core::validate::Issue;
use time::macros::date;

fuzz_target!(|input: &str| {
    match ResidentId::parse_on(input, date!(2026 - 11 - 21)) {
        Ok(id) => {
            let number = id.as_str();
            assert_eq!(number.len(), 18);
            let mut body = [0u8; 17];
            body.copy_from_slice(&number.as_bytes()[..17]);
            assert_eq!(number.chars().last(), Some(mod11_2_check(&body)));
            // Debug never shows the middle of the number.
            assert!(!format!("{id:?}").contains(&number[4..14]));
        }
        Err(error) => {
            let issue = Issue::Id(error);
            let _ = issue.message(Lang::ZhCn);
            let _ = issue.message(Lang::En);
        }
    }
});
