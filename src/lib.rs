//! OnceFill (一次填): a citizen's or a firm's profile, kept on their own device, fills the
//! mapped fields of government service forms, so that data is supplied once and reused.
//!
//! # Layering
//!
//! The crate has a pure core and a thin browser edge:
//!
//! * [`core`] — profile model, validators, field classification and fill planning. Plain Rust,
//!   no `web-sys`, tested natively with `cargo test`.
//! * [`app`] — the widget's state machines (panel, editor, review, vault session, import):
//!   pure reducers over the core, compiled and tested on every target, never touching a page.
//! * `dom`, `ui` and `embed` (compiled only for `wasm32`) — the DOM adapter, the Yew user
//!   interface and the `<script>` embed entry. They are the only code that touches a page.
//!
//! The web dependencies are declared under `[target.'cfg(target_arch = "wasm32")'.dependencies]`,
//! so a core module that reached for `web_sys` would not compile natively.
//!
//! The pipeline is **scan → classify → plan → review → fill**:
//!
//! ```
//! use oncefill::core::{classify, plan, profile::Profile, field::*};
//! use time::macros::date;
//!
//! let profile = Profile::demo();
//! let fields = vec![FieldDescriptor::text("f1", "姓名")];
//! let classified = classify::classify_all(&fields);
//! let plan = plan::plan(&profile, &fields, &classified, date!(2026 - 11 - 21));
//! assert_eq!(plan.steps.len(), 1);
//! ```

pub mod app;
pub mod core;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod dom;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod ui;
