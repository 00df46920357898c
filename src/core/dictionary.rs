//! The data dictionary: every element a form may ask for, under a stable dotted key.
//!
//! Keys are the contract between mappings, classification, the profile and the fill plan;
//! they never change meaning once published. Labels are the forms' own words.

use crate::core::mask::MaskKind;

/// An element of the dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// `person.name` 姓名.
    PersonName,
    /// `person.sex` 性别 (GB/T 2261.1).
    PersonSex,
    /// `person.birth_date` 出生日期.
    PersonBirthDate,
    /// `person.ethnicity` 民族 (GB 3304).
    PersonEthnicity,
    /// `person.id_number` 公民身份号码 (sensitive).
    PersonIdNumber,
    /// `person.hukou_address` 户籍地址, the address on the ID card.
    PersonHukouAddress,
    /// `contact.mobile` 手机号码.
    ContactMobile,
    /// `meta.fill_date` 填表日期: today, derived, not personal.
    MetaFillDate,
}

/// What the dictionary records about an element.
#[derive(Clone, Copy, Debug)]
pub struct Element {
    /// The element.
    pub key: Key,
    /// Stable dotted key, e.g. `person.id_number`.
    pub id: &'static str,
    /// zh-CN label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// Sensitive personal information (PIPL art. 28, GB/T 35273 annex B); how to mask it.
    pub sensitive: Option<MaskKind>,
    /// The WHATWG autofill field name that denotes the element, where one exists.
    pub autocomplete: Option<&'static str>,
}

const fn el(
    key: Key,
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    sensitive: Option<MaskKind>,
    autocomplete: Option<&'static str>,
) -> Element {
    Element {
        key,
        id,
        zh,
        en,
        sensitive,
        autocomplete,
    }
}

/// The dictionary, in the order a profile editor shows it.
pub const ELEMENTS: &[Element] = &[
    el(
        Key::PersonName,
        "person.name",
        "姓名",
        "Full name",
        None,
        Some("name"),
    ),
    el(
        Key::PersonSex,
        "person.sex",
        "性别",
        "Sex",
        None,
        Some("sex"),
    ),
    el(
        Key::PersonBirthDate,
        "person.birth_date",
        "出生日期",
        "Date of birth",
        None,
        Some("bday"),
    ),
    el(
        Key::PersonEthnicity,
        "person.ethnicity",
        "民族",
        "Ethnic group",
        None,
        None,
    ),
    el(
        Key::PersonIdNumber,
        "person.id_number",
        "公民身份号码",
        "Resident ID number",
        Some(MaskKind::IdNumber),
        None,
    ),
    el(
        Key::ContactMobile,
        "contact.mobile",
        "手机号码",
        "Mobile number",
        Some(MaskKind::Phone),
        Some("tel"),
    ),
    el(
        Key::PersonHukouAddress,
        "person.hukou_address",
        "户籍地址",
        "Registered address",
        None,
        Some("street-address"),
    ),
    el(
        Key::MetaFillDate,
        "meta.fill_date",
        "填表日期",
        "Date of filling",
        None,
        None,
    ),
];

impl Key {
    /// The dictionary entry.
    pub fn element(self) -> &'static Element {
        // Every key has exactly one row; the test below holds the table to that.
        ELEMENTS
            .iter()
            .find(|e| e.key == self)
            .unwrap_or(&ELEMENTS[0])
    }

    /// The stable dotted key.
    pub fn id(self) -> &'static str {
        self.element().id
    }

    /// Looks a dotted key up.
    pub fn from_id(id: &str) -> Option<Key> {
        ELEMENTS.iter().find(|e| e.id == id).map(|e| e.key)
    }

    /// How the value is masked on screen, if it is sensitive.
    pub fn sensitive(self) -> Option<MaskKind> {
        self.element().sensitive
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_one_row_and_ids_are_unique() {
        let keys = [
            Key::PersonName,
            Key::PersonSex,
            Key::PersonBirthDate,
            Key::PersonEthnicity,
            Key::PersonIdNumber,
            Key::PersonHukouAddress,
            Key::ContactMobile,
            Key::MetaFillDate,
        ];
        for key in keys {
            assert_eq!(
                ELEMENTS.iter().filter(|e| e.key == key).count(),
                1,
                "{key:?}"
            );
            assert_eq!(Key::from_id(key.id()), Some(key));
        }
        assert_eq!(ELEMENTS.len(), keys.len());
    }

    #[test]
    fn id_numbers_are_sensitive() {
        assert_eq!(Key::PersonIdNumber.sensitive(), Some(MaskKind::IdNumber));
        assert_eq!(Key::PersonName.sensitive(), None);
    }
}
