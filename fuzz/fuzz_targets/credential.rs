//! Credentials and trust lists, as imported or given to `oncefill credential verify` and
//! `oncefill trust check`: reading arbitrary text never panics, a refusal always has a message
//! in both languages, and a verified credential comes from an issuer of the list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::credential::trust::TrustList;
use oncefill::core::credential::{Policy, verdict, verify};
use oncefill::core::i18n::Lang;
use time::macros::datetime;

const DEMO_TRUST: &str = include_str!("../../www/trust/demo-trust.json");

fuzz_target!(|input: &str| {
    let Ok(trust) = TrustList::from_json(DEMO_TRUST) else {
        panic!("the demo trust list reads");
    };
    let at = datetime!(2026-06-01 00:00 UTC);
    for policy in [
        Policy::Issued,
        Policy::Presentation {
            audience: "https://forms.example.gov".into(),
            nonce: "n".into(),
        },
    ] {
        let result = verify(input, &trust, &policy, at);
        if let Ok(v) = &result {
            assert!(trust.issuer(&v.issuer).is_some() && v.demo);
        }
        if let Err(e) = &result {
            assert!(!e.message(Lang::ZhCn).is_empty() && !e.message(Lang::En).is_empty());
        }
        let _ = verdict(&result);
    }
    match TrustList::from_json(input) {
        Ok(list) => assert!(!list.issuers.is_empty()),
        Err(e) => assert!(!e.message(Lang::ZhCn).is_empty() && !e.message(Lang::En).is_empty()),
    }
});
