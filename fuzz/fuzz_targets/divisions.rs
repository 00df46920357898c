//! The divisions tables (`divisions.csv`, `divisions_history.csv`), which the browser fetches
//! from the network: reading any text never panics, every row read has a six-or-more
//! character code only if the line had one, and a short name is always a non-empty prefix
//! of the full name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::codes::{division_rows, history_rows};

fuzz_target!(|input: &str| {
    let rows = division_rows(input);
    assert!(rows.windows(2).all(|w| w[0].code <= w[1].code));
    for row in &rows {
        assert!(row.name.starts_with(row.short), "{row:?}");
        assert!(row.short.is_empty() == row.name.is_empty(), "{row:?}");
        assert!(!row.code.contains(','), "{row:?}");
        assert!(row.parent.is_none_or(|p| !p.is_empty()));
    }
    let history = history_rows(input);
    assert!(
        history
            .windows(2)
            .all(|w| (w[0].0, w[0].2) <= (w[1].0, w[1].2))
    );
});
