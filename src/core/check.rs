//! One entry point that checks any dictionary element's value: [`check`] picks the validator
//! by the element's [`ValueType`], normalises the value, and reports what follows from it
//! (the birth date and sex in an ID number, the organisation code in a USCC).
//!
//! ```
//! use oncefill::core::check::{check, Context};
//! use oncefill::core::dictionary::Key;
//! use time::macros::date;
//!
//! let ctx = Context::on(date!(2026 - 11 - 21));
//! let c = check(Key::PersonIdNumber, "11010519900307123x", &ctx);
//! assert!(c.is_err(), "the check character of this number is 9");
//! let c = check(Key::ContactMobile, "+86 138-0013-8000", &ctx).unwrap();
//! assert_eq!(c.value.as_text(), Some("13800138000"));
//! ```

use time::Date;

use crate::core::dictionary::{Key, Table, ValueType};
use crate::core::ids::IdKind;
use crate::core::profile::Data;
use crate::core::validate::{self, Issue};

/// What a check needs besides the value.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Today, for dates that cannot lie in the future.
    pub today: Date,
    /// The record's `person.id_type`, which decides how `person.id_number` is checked.
    pub id_type: Option<&'a str>,
}

impl Context<'_> {
    /// A context for today's date and a resident ID card.
    pub fn on(today: Date) -> Context<'static> {
        Context {
            today,
            id_type: None,
        }
    }
}

/// A value that passed its check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The normalised value.
    pub value: Data,
    /// Doubts that do not block saving (an unknown address code, a failed USCC check
    /// character that real early codes have).
    pub warnings: Vec<Issue>,
    /// Elements that follow from the value, as (key, text).
    pub derived: Vec<(Key, String)>,
}

impl Checked {
    fn text(value: impl Into<String>) -> Checked {
        Checked {
            value: Data::Text(value.into()),
            warnings: Vec::new(),
            derived: Vec::new(),
        }
    }
}

/// The longest free text accepted, so that a pasted document is not mistaken for a value.
pub const TEXT_MAX_CHARS: usize = 2000;

/// Whether `id_type` denotes a document numbered by GB 11643 (居民身份证, 户口簿,
/// 港澳台居民居住证, 外国人永久居留身份证 of 2023). Empty means 居民身份证.
pub fn uses_gb11643(id_type: Option<&str>) -> bool {
    match id_type.map(str::trim) {
        None | Some("") => true,
        Some(t) => matches!(
            t,
            "resident_id"
                | "household_register"
                | "residence_permit"
                | "permanent_residence"
                | "居民身份证"
                | "居民户口簿"
                | "港澳台居民居住证"
                | "外国人永久居留身份证"
        ),
    }
}

/// Checks `input` as a value of `key`. Empty input is [`Issue::Required`]: callers decide
/// whether the element may be left empty.
pub fn check(key: Key, input: &str, ctx: &Context<'_>) -> Result<Checked, Issue> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Issue::Required);
    }
    match key.element().value {
        ValueType::Name => validate::name(trimmed).map(Checked::text),
        ValueType::Mobile => validate::mobile(trimmed).map(Checked::text),
        ValueType::PastDate => {
            validate::past_date(trimmed, ctx.today).map(|d| Checked::text(validate::iso_date(d)))
        }
        ValueType::Date => {
            validate::parse_date(trimmed).map(|d| Checked::text(validate::iso_date(d)))
        }
        ValueType::DateOrLongTerm => {
            if trimmed == "长期" || trimmed.eq_ignore_ascii_case("long-term") {
                Ok(Checked::text("长期"))
            } else {
                validate::parse_date(trimmed).map(|d| Checked::text(validate::iso_date(d)))
            }
        }
        ValueType::Code(Table::Ethnicity) => validate::ethnicity(trimmed).map(Checked::text),
        ValueType::Code(Table::Sex) => crate::core::ids::Sex::parse(trimmed)
            .map(|s| Checked::text(s.code()))
            .ok_or(Issue::SexUnknown),
        ValueType::Address => validate::address(trimmed).map(Checked::text),
        ValueType::IdNumber if uses_gb11643(ctx.id_type) => id_number(key, trimmed, ctx.today),
        ValueType::List => {
            let items: Vec<String> = trimmed
                .split(['、', ',', '，', ';', '；', '\n'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Ok(Checked {
                value: Data::List(items),
                warnings: Vec::new(),
                derived: Vec::new(),
            })
        }
        _ => {
            let count = trimmed.chars().count();
            if count > TEXT_MAX_CHARS {
                Err(Issue::TooLong {
                    max: TEXT_MAX_CHARS,
                    found: count,
                })
            } else {
                Ok(Checked::text(trimmed))
            }
        }
    }
}

fn id_number(key: Key, input: &str, today: Date) -> Result<Checked, Issue> {
    let id = validate::id_number(input, today)?;
    let mut checked = Checked::text(id.as_str());
    if key == Key::PersonIdNumber || key == Key::PersonSsNumber {
        checked.derived = vec![
            (Key::PersonBirthDate, validate::iso_date(id.birth_date())),
            (Key::PersonSex, id.sex().code().to_string()),
        ];
        if id.kind() == IdKind::Citizen {
            checked
                .derived
                .push((Key::AddressDivisionCode, id.address_code().to_string()));
        }
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ctx() -> Context<'static> {
        Context::on(date!(2026 - 11 - 21))
    }

    #[test]
    fn id_numbers_derive_birth_date_sex_and_address_code() {
        let c = check(Key::PersonIdNumber, "110105199003071239", &ctx()).unwrap();
        assert_eq!(
            c.derived,
            vec![
                (Key::PersonBirthDate, "1990-03-07".to_string()),
                (Key::PersonSex, "1".to_string()),
                (Key::AddressDivisionCode, "110105".to_string()),
            ]
        );
    }

    #[test]
    fn other_documents_are_not_checked_as_resident_ids() {
        let passport = Context {
            id_type: Some("passport"),
            ..ctx()
        };
        assert_eq!(
            check(Key::PersonIdNumber, "E12345678", &passport)
                .unwrap()
                .value,
            Data::Text("E12345678".into())
        );
        assert!(check(Key::PersonIdNumber, "E12345678", &ctx()).is_err());
    }

    #[test]
    fn long_term_and_lists() {
        assert_eq!(
            check(Key::FirmTermTo, "长期", &ctx()).unwrap().value,
            Data::Text("长期".into())
        );
        assert_eq!(
            check(Key::AgentScope, "修改材料、签署文件，领取证照", &ctx())
                .unwrap()
                .value,
            Data::List(vec![
                "修改材料".into(),
                "签署文件".into(),
                "领取证照".into()
            ])
        );
    }

    #[test]
    fn empty_and_overlong_input() {
        assert_eq!(check(Key::FirmName, "  ", &ctx()), Err(Issue::Required));
        let long = "字".repeat(TEXT_MAX_CHARS + 1);
        assert!(matches!(
            check(Key::FirmBusinessScope, &long, &ctx()),
            Err(Issue::TooLong { .. })
        ));
    }

    #[test]
    fn every_element_can_be_checked_without_panicking() {
        for key in Key::all() {
            for input in ["x", "1", "长期", "2020-01-01", "王小明", "\u{0}"] {
                let _ = check(key, input, &ctx());
            }
        }
    }
}
