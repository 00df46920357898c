//! Parsing a one-line address must never panic and never lose a character: everything typed
//! (apart from white space) is in the rendering of what was parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::address::{parse_one_line, render_one_line};

fuzz_target!(|input: &str| {
    let parsed = parse_one_line(input);
    let rendered = render_one_line(&parsed.address);
    let mut rest = rendered.as_str();
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => panic!("{c:?} of {input:?} is missing from {rendered:?}"),
        }
    }
});
