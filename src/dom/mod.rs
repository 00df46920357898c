//! The browser adapter: the only code that reaches the page's form controls, and the only
//! code that touches browser storage.
//!
//! * [`agent`] reaches the page agent (`www/agent.js`), the one code that describes a page's
//!   forms for the core's scanner and fills them like a person would, on OnceFill's own pages
//!   as on a portal's.
//! * [`storage`] keeps the sealed vault's bytes in IndexedDB; [`vault`] unlocks it and saves
//!   it atomically with the core's envelope. Nothing here decides what is stored.
//! * [`timing`] marks the pipeline stages for `performance.measure`.

pub mod agent;
pub mod storage;
pub mod timing;
pub mod vault;
