//! The data dictionary as the classifier reads it. Kept out of `src/core/dictionary.rs`,
//! which sits below classification and never refers to it.
#![cfg(not(target_arch = "wasm32"))]

use oncefill::core::classify::parse_autocomplete;
use oncefill::core::dictionary::ELEMENTS;

#[test]
fn autocomplete_tokens_are_valid_whatwg_field_names() {
    for e in ELEMENTS.iter().filter(|e| e.autocomplete.is_some()) {
        let token = e.autocomplete.unwrap_or_default();
        assert!(parse_autocomplete(token).is_some(), "{}: {token}", e.id);
    }
}
