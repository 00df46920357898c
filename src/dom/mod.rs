//! The DOM adapter: the only code that reads or writes the page's form controls.
//!
//! [`scan`] implements the core's [`Dom`](crate::core::scan::Dom) trait for the live document;
//! [`fill`] carries out a [`FillPlan`](crate::core::plan::FillPlan) like a person would.

pub mod fill;
pub mod realm;
pub mod scan;
pub mod storage;
pub mod timing;
pub mod vault;
