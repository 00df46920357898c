//! Identifier validators that parse into types: once a [`ResidentId`] exists, it is valid.

mod resident_id;

pub use resident_id::{IdKind, ResidentId, ResidentIdError, Sex, mod11_2_check};
