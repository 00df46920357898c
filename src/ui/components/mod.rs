//! The panel's screens and their parts, one per file.

pub mod address_input;
pub mod completeness;
pub mod disclosures;
pub mod editor;
pub mod field_input;
pub mod labels;
pub mod record;
pub mod report;
pub mod review;
pub mod vault;
