//! Reading a profile file must never panic; a profile that reads writes back to JSON that
//! reads again to the same profile.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::profile::Profile;

fuzz_target!(|input: &str| {
    if let Ok(profile) = Profile::from_json(input) {
        let again = Profile::from_json(&profile.to_json()).expect("a written profile reads");
        assert_eq!(again, profile);
    }
});
