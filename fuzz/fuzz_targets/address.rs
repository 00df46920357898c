//! Parsing a one-line address must never panic and never lose a character: everything typed
//! (apart from white space) is in the rendering of what was parsed. Text before the province
//! moves to the detail at the end, so characters are counted, not kept in order; a 直辖市 written
//! twice in a row (天津市天津市…) is read, and written, once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::address::{parse_one_line, render_one_line};

fuzz_target!(|input: &str| {
    let parsed = parse_one_line(input);
    let rendered = render_one_line(&parsed.address);
    let mut expected: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    for city in ["北京市", "天津市", "上海市", "重庆市"] {
        let twice = format!("{city}{city}");
        while expected.contains(&twice) {
            expected = expected.replacen(&twice, city, 1);
        }
    }
    let mut left: Vec<char> = rendered.chars().collect();
    for c in expected.chars() {
        match left.iter().position(|x| *x == c) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => panic!("{c:?} of {input:?} is missing from {rendered:?}"),
        }
    }
});
