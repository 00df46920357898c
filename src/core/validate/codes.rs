//! Values taken from a code table: the ethnic groups of GB 3304.

use super::Issue;
use crate::core::codes;

/// An ethnic group by code, name or letters; returns its two-digit code.
pub fn ethnicity(input: &str) -> Result<&'static str, Issue> {
    if input.trim().is_empty() {
        return Err(Issue::Required);
    }
    codes::ethnicity(input)
        .map(|row| row.code)
        .ok_or_else(|| Issue::EthnicityUnknown {
            found: input.trim().to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_by_code_name_or_letters() {
        assert_eq!(ethnicity("汉族"), Ok("01"));
        assert_eq!(ethnicity(" 汉 "), Ok("01"));
        assert_eq!(ethnicity("1"), Ok("01"));
        assert_eq!(ethnicity("jn"), Ok("56"));
        assert_eq!(ethnicity("  "), Err(Issue::Required));
        assert_eq!(
            ethnicity(" 火星族 "),
            Err(Issue::EthnicityUnknown {
                found: "火星族".into()
            })
        );
    }
}
