//! The panel's screens and their parts, one per file.

pub mod address_input;
pub mod completeness;
pub mod disclosures;
pub mod editor;
pub mod field_input;
pub mod labels;
pub mod record;
#[cfg(feature = "fill")]
pub mod report;
#[cfg(feature = "fill")]
pub mod review;
pub mod vault;
