//! A portal page's description and the embedding messages, as the OnceFill window reads them:
//! any bytes are read as a description and as a message without panicking; a description
//! read is scanned and classified within the field cap, written again as JSON and read back
//! the same; a message read is written again and read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::classify::classify_fields;
use oncefill::core::protocol::Message;
use oncefill::core::scan::description::Description;
use oncefill::core::scan::{MAX_FIELDS, scan_page};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Description::from_json(text) {
        let scanned = scan_page(&d);
        assert!(scanned.fields.len() <= MAX_FIELDS);
        let classified = classify_fields(&scanned.fields);
        assert_eq!(classified.len(), scanned.fields.len());
        let again =
            Description::from_json(&d.to_json()).expect("a description read is written readably");
        assert_eq!(again, d);
    }
    if let Ok(m) = Message::from_json(text) {
        let again = Message::from_value(m.to_value()).expect("a message read is written readably");
        assert_eq!(again, m);
    }
});
