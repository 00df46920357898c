//! Today's date as the calendar in China reads it (UTC+8).
//!
//! Validators take `today` as an argument so that tests are deterministic; callers at the
//! edges ask this module. On `wasm32` the `time` crate reads the browser's clock.

use time::{Date, OffsetDateTime, UtcOffset};

/// China Standard Time, the offset every form in scope is dated in.
pub const CHINA_OFFSET: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// Today's date in China.
pub fn today() -> Date {
    OffsetDateTime::now_utc().to_offset(CHINA_OFFSET).date()
}
