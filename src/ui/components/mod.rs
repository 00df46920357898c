//! The panel's screens and their parts, one per file.

pub mod address_input;
pub mod completeness;
pub mod editor;
pub mod field_input;
pub mod labels;
pub mod record;
pub mod report;
pub mod review;
pub mod vault;

use crate::core::dictionary::Key;
use crate::core::i18n::{Lang, tr};

/// The interface label of a dictionary element: the interface's own wording where it has
/// one (公民身份号码 rather than the dictionary's generic 证件号码), else the dictionary's.
pub fn key_label(lang: Lang, key: Key) -> String {
    let id = format!("key-{}", key.id().replace(['.', '_'], "-"));
    let text = tr(lang, &id, &[]);
    if text == id {
        key.label(lang).to_string()
    } else {
        text
    }
}
