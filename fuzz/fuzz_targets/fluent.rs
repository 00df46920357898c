//! Fluent resources (`i18n/*.ftl`; the browser fetches `en.ftl` from the network): loading
//! any text never panics, and every message it defines formats, with text and number
//! arguments, without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::{Arg, Lang, format_in};

/// The identifiers the text appears to define (`id = …` at the start of a line).
fn ids(source: &str) -> impl Iterator<Item = &str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        (!id.is_empty()
            && id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then_some(id)
    })
}

fuzz_target!(|source: &str| {
    let mut wanted: Vec<&str> = ids(source).take(16).collect();
    wanted.push("app-title");
    for lang in [Lang::ZhCn, Lang::En] {
        let formatted = format_in(
            lang,
            source,
            &wanted,
            &[
                ("name", Arg::Str(source)),
                ("count", Arg::Num(3)),
                ("n", Arg::Num(-1)),
            ],
        );
        assert_eq!(formatted.len(), wanted.len());
    }
});
