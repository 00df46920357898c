//! Values taken from a code table: the ethnic groups of GB 3304.

use super::Issue;
use crate::core::codes;

/// An ethnic group by code, name or letters; returns its two-digit code.
pub fn ethnicity(input: &str) -> Result<&'static str, Issue> {
    if input.trim().is_empty() {
        return Err(Issue::Required);
    }
    codes::ethnicity(input)
        .map(|row| row.code)
        .ok_or_else(|| Issue::EthnicityUnknown {
            found: input.trim().to_string(),
        })
}
