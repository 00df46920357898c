//! The browser adapter: the only code that reads or writes the page's form controls, and the
//! only code that touches browser storage.
//!
//! * [`scan`] implements the core's [`Dom`](crate::core::scan::Dom) trait for the live
//!   document; [`realm`] checks element types across same-origin frames; [`visibility`]
//!   measures whether a person can see a rendered control.
//! * [`fill`] carries out a [`FillPlan`](crate::core::plan::FillPlan) like a person would.
//! * [`storage`] keeps the sealed vault's bytes in IndexedDB; [`vault`] unlocks it and saves
//!   it atomically with the core's envelope. Nothing here decides what is stored.
//! * [`timing`] marks the pipeline stages for `performance.measure`.

pub mod fill;
pub mod realm;
pub mod scan;
pub mod storage;
pub mod timing;
pub mod vault;
pub mod visibility;
