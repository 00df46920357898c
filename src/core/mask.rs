//! Masking of sensitive values for display and for `Debug` (GB/T 35273 §7 展示限制).
//!
//! ```
//! use oncefill::core::mask::mask_middle;
//! assert_eq!(mask_middle("110105199003071239", 4, 4), "1101**********1239");
//! assert_eq!(mask_middle("13800138000", 3, 4), "138****8000");
//! ```

use std::fmt;

/// Keeps `head` leading and `tail` trailing characters and replaces the rest with `*`.
/// Values too short to keep anything are masked entirely.
pub fn mask_middle(value: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let mut out: String = chars[..head].iter().collect();
    out.extend(std::iter::repeat_n('*', chars.len() - head - tail));
    out.extend(chars[chars.len() - tail..].iter());
    out
}

/// How a sensitive value of a given kind is shown on screen.
pub fn mask_for_display(value: &str, kind: MaskKind) -> String {
    match kind {
        MaskKind::IdNumber => mask_middle(value, 4, 4),
        MaskKind::Phone => mask_middle(value, 3, 4),
        MaskKind::Account => mask_middle(value, 4, 4),
    }
}

/// The masking pattern of a sensitive element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaskKind {
    /// ID numbers: first four and last four characters shown.
    IdNumber,
    /// Telephone numbers: first three and last four digits shown.
    Phone,
    /// Bank and other account numbers.
    Account,
}

/// A string that must never appear in logs: its `Debug` shows a masked form.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a sensitive value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the two places that need it: filling a form and encryption.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", mask_middle(&self.0, 4, 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_fully_masked() {
        assert_eq!(mask_middle("1234", 2, 2), "****");
        assert_eq!(mask_middle("", 2, 2), "");
    }

    #[test]
    fn secret_debug_is_masked() {
        let s = Secret::new("110105199003071239");
        assert_eq!(format!("{s:?}"), "Secret(1101**********1239)");
    }

    #[test]
    fn masks_count_characters_not_bytes() {
        assert_eq!(mask_middle("北京市朝阳区建国路", 2, 2), "北京*****国路");
    }
}
