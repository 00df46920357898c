//! The pure core: everything that decides, nothing that touches a page.
//!
//! No module below this one may use `web-sys`, `js-sys`, `yew` or `gloo`; the crate's manifest
//! makes those unavailable to native builds, and the native test suite builds only this.

pub mod address;
pub mod bundle;
pub mod check;
pub mod classify;
pub mod clock;
pub mod codes;
#[cfg(any(not(target_arch = "wasm32"), feature = "credentials"))]
pub mod credential;
pub mod dictionary;
pub mod disclosure;
pub mod field;
pub mod handle_map;
#[cfg(any(not(target_arch = "wasm32"), feature = "handoff"))]
pub mod handoff;
pub mod i18n;
pub mod ids;
pub mod mapped;
pub mod mapping;
pub mod mask;
pub mod order;
pub mod people;
pub mod plan;
pub mod profile;
pub mod protocol;
pub mod role;
pub mod scan;
pub mod transform;
pub mod validate;
pub mod vault;
