//! The panel's screens, one per file.

pub mod editor;
pub mod report;
pub mod review;

use crate::core::dictionary::Key;
use crate::core::i18n::{Lang, tr};

/// The interface label of a dictionary element.
pub fn key_label(lang: Lang, key: Key) -> String {
    tr(
        lang,
        &format!("key-{}", key.id().replace(['.', '_'], "-")),
        &[],
    )
}
