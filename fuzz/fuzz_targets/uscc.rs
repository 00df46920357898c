//! GB 32100 / GS 15-2006 parsing must never panic; a code that parses is 18 characters of
//! the USCC alphabet and carries a warning exactly when a check character does not compute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::Lang;
use oncefill::core::ids::{FirmId, RegistrationNumber, Uscc, uscc_check_character};
use oncefill::core::validate;

fuzz_target!(|input: &str| {
    match Uscc::parse(input) {
        Ok(code) => {
            let text = code.as_str();
            assert_eq!(text.len(), 18);
            assert!(
                text.chars()
                    .all(|c| "0123456789ABCDEFGHJKLMNPQRTUWXY".contains(c))
            );
            let computes = uscc_check_character(&text[..17]) == text.chars().last();
            let warned = code
                .warnings()
                .iter()
                .any(|w| w.code() == "uscc.check_character");
            assert_eq!(computes, !warned);
            let _ = (code.registering_dept(), code.category());
            let _ = (code.division_code(), code.org_code());
            for issue in validate::uscc_warnings(&code) {
                let _ = issue.message(Lang::ZhCn);
                let _ = issue.message(Lang::En);
            }
        }
        Err(error) => {
            let issue = validate::Issue::Uscc(error);
            let _ = issue.message(Lang::ZhCn);
            let _ = issue.message(Lang::En);
        }
    }
    if let Ok(number) = RegistrationNumber::parse(input) {
        assert_eq!(number.as_str().len(), 15);
        let _ = number.authority_code();
    }
    let _ = FirmId::parse(input);
});
