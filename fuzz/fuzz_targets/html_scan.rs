//! Saved pages, as `oncefill classify` reads them: any bytes parse, scan and classify without
//! panicking or stalling; the scan keeps within its field cap and says so when it stops
//! early; every field found is in the report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::classify::{classify_fields_with, report};
use oncefill::core::scan::{MAX_FIELDS, html::HtmlDom, scan_page};

fuzz_target!(|data: &[u8]| {
    let dom = HtmlDom::parse_bytes(data);
    let scanned = scan_page(&dom);
    assert!(scanned.fields.len() <= MAX_FIELDS);
    if let Some(reason) = &scanned.truncated {
        assert!(!reason.message(oncefill::core::i18n::Lang::ZhCn).is_empty());
    }
    let classified = classify_fields_with(&scanned.fields, None);
    assert_eq!(classified.len(), scanned.fields.len());
    let rows = report::report(&scanned.fields, &classified);
    assert!(rows.len() <= scanned.fields.len());
});
