//! One entry point that checks any dictionary element's value: [`check`] picks the validator
//! by the element's [`ValueType`], normalises the value, and reports what follows from it
//! (the birth date and sex in an ID number, the organisation code in a USCC). The normalised
//! value is a [`Data`], the form in which a profile stores it (`profile` re-exports it): this
//! module sits below the profile and never reaches up into it.
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

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::codes::{self, AddressCodeStatus, TableId};
use crate::core::dictionary::{Key, Table, ValueType};
use crate::core::ids::IdKind;
use crate::core::validate::{self, Issue, MoneyUnit};

/// A value as [`check`] normalises it and a profile stores it. Text covers every scalar
/// element (dates as `YYYY-MM-DD`, codes as the standard's code); lists hold multiple
/// choices. `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Data {
    /// A scalar value.
    Text(String),
    /// A list of choices (e.g. an agent's authorised acts).
    List(Vec<String>),
}

impl fmt::Debug for Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Data(***)")
    }
}

impl Data {
    /// The text of a scalar value.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Data::Text(t) => Some(t),
            Data::List(_) => None,
        }
    }
}

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
    let text = |value: &str| Checked::text(value);
    let with_warnings = |value: String, warnings: Vec<Issue>| Checked {
        value: Data::Text(value),
        warnings,
        derived: Vec::new(),
    };
    match key.element().value {
        ValueType::Name => validate::name(trimmed).map(|v| text(&v)),
        ValueType::LatinName => validate::latin_name(trimmed).map(|v| text(&v)),
        ValueType::Mobile => validate::mobile(trimmed).map(|v| text(&v)),
        ValueType::Landline => validate::landline(trimmed).map(|v| text(&v)),
        ValueType::Email => validate::email(trimmed).map(|v| text(&v)),
        ValueType::Postcode => validate::postcode(trimmed).map(|v| text(&v)),
        ValueType::PropertyUnitNo => validate::property_unit(trimmed).map(|v| text(&v)),
        ValueType::Plate => validate::plate(trimmed).map(|v| text(&v)),
        ValueType::PastDate => {
            validate::past_date(trimmed, ctx.today).map(|d| text(&validate::iso_date(d)))
        }
        ValueType::Date => validate::any_date(trimmed).map(|d| text(&validate::iso_date(d))),
        ValueType::DateOrLongTerm => validate::id_valid_to(trimmed).map(|v| text(&v.render())),
        ValueType::Code(Table::Sex) => crate::core::ids::Sex::parse(trimmed)
            .map(|s| text(s.code()))
            .ok_or(Issue::SexUnknown),
        ValueType::Code(Table::Ethnicity) => validate::ethnicity(trimmed).map(text),
        ValueType::Code(table) => match table_id(table) {
            // The countries are still on their way (browser start): kept as typed meanwhile.
            Some(TableId::Country) if !codes::countries_available() => free_text(trimmed),
            Some(id) => codes::lookup(id, trimmed)
                .map(|row| text(row.code))
                .ok_or_else(|| Issue::CodeUnknown {
                    found: trimmed.to_string(),
                }),
            None => free_text(trimmed),
        },
        ValueType::Division => codes::division(trimmed)
            .map(|d| text(d.code))
            .ok_or_else(|| Issue::CodeUnknown {
                found: trimmed.to_string(),
            }),
        ValueType::Address => address(trimmed),
        ValueType::IdNumber if uses_gb11643(ctx.id_type) => id_number(key, trimmed, ctx.today),
        ValueType::Uscc => {
            let code = validate::uscc(trimmed)?;
            let mut checked =
                with_warnings(code.as_str().to_string(), validate::uscc_warnings(&code));
            checked.derived = vec![
                (Key::FirmOrgCode, code.org_code()),
                (
                    Key::FirmRegisteringDept,
                    code.registering_dept().zh().to_string(),
                ),
                (Key::AddressDivisionCode, code.division_code().to_string()),
            ];
            if let Some(category) = code.category() {
                checked
                    .derived
                    .push((Key::FirmCategory, category.zh().to_string()));
            }
            Ok(checked)
        }
        ValueType::RegNo => {
            let number = validate::reg_no(trimmed)?;
            Ok(with_warnings(
                number.as_str().to_string(),
                validate::reg_no_warnings(&number),
            ))
        }
        ValueType::BankCard => validate::bank_card(trimmed).map(|c| text(c.as_str())),
        ValueType::BankAccount => {
            let digits: String = trimmed
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect();
            if (6..=32).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                Ok(text(&digits))
            } else {
                Err(Issue::AccountFormat)
            }
        }
        ValueType::AmountWan => {
            validate::amount_wan(trimmed).map(|a| text(&a.in_unit(MoneyUnit::Wan)))
        }
        ValueType::Count => trimmed
            .parse::<u32>()
            .map(|n| text(&n.to_string()))
            .map_err(|_| Issue::CountFormat),
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
        ValueType::Text | ValueType::IdNumber | ValueType::Reference => free_text(trimmed),
    }
}

fn free_text(trimmed: &str) -> Result<Checked, Issue> {
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

/// A one-line address, read with the division table: the province must be there or follow
/// from a city or county; what the reading filled in or could not place is a warning.
fn address(input: &str) -> Result<Checked, Issue> {
    if !codes::divisions_available() {
        // The table is still on its way (browser start): the plain one-line check meanwhile.
        return validate::address(input).map(Checked::text);
    }
    let parsed = crate::core::address::parse_one_line(input);
    if parsed.address.province.is_none() {
        return Err(Issue::AddressProvince);
    }
    let one_line = crate::core::address::render_one_line(&parsed.address);
    let mut checked = Checked::text(one_line);
    checked.warnings = parsed
        .warnings
        .into_iter()
        .map(Issue::AddressNote)
        .collect();
    if let Some(code) = parsed
        .address
        .county
        .or(parsed.address.city)
        .or(parsed.address.province)
    {
        checked.derived.push((Key::AddressDivisionCode, code));
    }
    Ok(checked)
}

/// The core table behind a dictionary table, where there is one.
pub fn table_id(table: Table) -> Option<TableId> {
    Some(match table {
        Table::Sex => TableId::Sex,
        Table::Ethnicity => TableId::Ethnicity,
        Table::Country => TableId::Country,
        Table::IdType => TableId::IdDocumentType,
        Table::HukouType => TableId::HukouType,
        Table::Marital => TableId::MaritalStatus,
        Table::Political => TableId::PoliticalStatus,
        Table::Education => TableId::Education,
        Table::Relation => TableId::FamilyRelation,
        Table::Division | Table::FirmType | Table::ContributionMethod => return None,
    })
}

fn id_number(key: Key, input: &str, today: Date) -> Result<Checked, Issue> {
    let id = validate::id_number(input, today)?;
    let mut checked = Checked::text(id.as_str());
    if id.kind() == IdKind::Citizen
        && codes::id_address_status(id.address_code()) == AddressCodeStatus::Unknown
    {
        checked.warnings.push(Issue::IdAddressUnknown {
            code: id.address_code().to_string(),
        });
    }
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
            id_type: Some("chinese_passport"),
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
    fn firm_codes_derive_their_parts_and_warn_rather_than_reject() {
        let c = check(Key::FirmUscc, "91330106MA2H3K7D8R", &ctx()).unwrap();
        assert!(c.warnings.is_empty());
        assert!(
            c.derived
                .contains(&(Key::FirmOrgCode, "MA2H3K7D-8".to_string()))
        );
        assert!(
            c.derived
                .contains(&(Key::AddressDivisionCode, "330106".to_string()))
        );
        let fujian = check(Key::FirmUscc, "91350100M0001TGQXM", &ctx()).unwrap();
        assert_eq!(
            fujian.warnings.len(),
            1,
            "a real early code fails the check: a warning"
        );
    }

    #[test]
    fn code_tables_accept_codes_names_and_short_forms() {
        assert_eq!(
            check(Key::PersonPoliticalStatus, "群众", &ctx())
                .unwrap()
                .value,
            Data::Text("13".into())
        );
        assert_eq!(
            check(Key::PersonNationality, "中国", &ctx()).unwrap().value,
            Data::Text("CHN".into())
        );
        assert!(matches!(
            check(Key::PersonMaritalStatus, "单身贵族", &ctx()),
            Err(Issue::CodeUnknown { .. })
        ));
    }

    #[test]
    fn cards_are_luhn_checked_but_accounts_are_not() {
        assert!(check(Key::PersonBankAccount, "6222 0000 0000 0000 001", &ctx()).is_err());
        assert!(check(Key::FirmBasicBankAcct, "1202 0212 0990 0012 345", &ctx()).is_ok());
        assert_eq!(
            check(Key::FirmBasicBankAcct, "12AB", &ctx()),
            Err(Issue::AccountFormat)
        );
    }

    #[test]
    fn addresses_gain_their_province_with_a_note() {
        let c = check(
            Key::PersonResidenceAddress,
            "杭州市西湖区文三路100号",
            &ctx(),
        )
        .unwrap();
        assert_eq!(c.value, Data::Text("浙江省杭州市西湖区文三路100号".into()));
        assert_eq!(c.warnings.len(), 1);
        assert!(
            c.derived
                .contains(&(Key::AddressDivisionCode, "330106".to_string()))
        );
        assert_eq!(
            check(Key::PersonResidenceAddress, "文三路100号", &ctx()),
            Err(Issue::AddressProvince)
        );
    }

    #[test]
    fn amounts_and_counts() {
        assert_eq!(
            check(Key::FirmRegCapital, "100.50万元", &ctx())
                .unwrap()
                .value,
            Data::Text("100.5".into())
        );
        assert_eq!(
            check(Key::FirmEmployees, "十二", &ctx()),
            Err(Issue::CountFormat)
        );
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
