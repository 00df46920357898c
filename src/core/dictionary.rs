//! The data dictionary: every element a government form may ask for about a person, a firm
//! or an agent, under a stable dotted key, with its labels, sensitivity, value type, code
//! table and WHATWG `autocomplete` token.
//!
//! Keys are the contract between mappings, classification, the profile and the fill plan;
//! once published a key never changes meaning. The table follows the reference dictionary
//! (persons, contact, address parts, firms, representatives, agents, family, documents,
//! meta). Sensitive elements (PIPL art. 28; GB/T 35273-2020 annex B: identity documents,
//! financial accounts, health, and all data of children under 14) are encrypted at rest, need
//! separate consent, and are masked on screen where `mask` says how.
//!
//! ```
//! use oncefill::core::dictionary::{Key, ValueType};
//! let key = Key::from_id("person.id_number").unwrap();
//! assert_eq!(key.element().zh, "证件号码");
//! assert!(key.element().sensitive);
//! assert_eq!(key.element().value, ValueType::IdNumber);
//! ```

use crate::core::mask::MaskKind;

/// Which block of a form an element belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// 个人: the applicant, family members, and every person in a role.
    Person,
    /// 联系方式 of a person or a firm.
    Contact,
    /// Parts of an address, for forms that ask for them one by one.
    Address,
    /// 企业/经营主体.
    Firm,
    /// A person's role in a firm (法定代表人, 股东, ...).
    Role,
    /// 经办人/委托代理人.
    Agent,
    /// 家庭.
    Family,
    /// Documents and certificates.
    Document,
    /// About the data itself.
    Meta,
}

/// A code table an element's values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// GB/T 2261.1 性别.
    Sex,
    /// GB 3304 民族.
    Ethnicity,
    /// GB/T 2659 国家和地区.
    Country,
    /// 证件类型 (canonical; per-domain codes are mapped on fill).
    IdType,
    /// 人社 aac009 户口性质.
    HukouType,
    /// GB/T 2261.2 婚姻状况.
    Marital,
    /// GB/T 4762 政治面貌.
    Political,
    /// GB/T 4658 学历.
    Education,
    /// GB/T 4761 家庭关系.
    Relation,
    /// GB/T 2260 行政区划.
    Division,
    /// 企业类型/组成形式.
    FirmType,
    /// 出资方式 (货币, 实物, 知识产权, 土地使用权, ...).
    ContributionMethod,
}

/// How an element's value is written and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "table")]
pub enum ValueType {
    /// Free text.
    Text,
    /// A person's name (CJK with ·, or Latin).
    Name,
    /// A name in Latin letters, `SURNAME GIVEN`.
    LatinName,
    /// A date that cannot lie in the future (birth, establishment).
    PastDate,
    /// Any date.
    Date,
    /// A date, or 长期 (no end).
    DateOrLongTerm,
    /// A value of a code table.
    Code(Table),
    /// An identity document number, checked by the person's document type.
    IdNumber,
    /// A mainland mobile number.
    Mobile,
    /// A landline or fax number.
    Landline,
    /// An e-mail address.
    Email,
    /// A six-digit postcode.
    Postcode,
    /// A structured address.
    Address,
    /// A six-digit GB/T 2260 division code.
    Division,
    /// A unified social credit code (GB 32100).
    Uscc,
    /// A 15-digit legacy registration number.
    RegNo,
    /// A bank card number (Luhn-checked).
    BankCard,
    /// An account number: digits only (corporate and housing-fund accounts are not cards).
    BankAccount,
    /// An amount in 万元.
    AmountWan,
    /// A whole number.
    Count,
    /// A 不动产单元号.
    PropertyUnitNo,
    /// A vehicle plate number.
    Plate,
    /// A list of choices.
    List,
    /// A reference to another record (a person in a role).
    Reference,
}

/// What the dictionary records about an element.
#[derive(Clone, Copy, Debug)]
pub struct Element {
    /// The element.
    pub key: Key,
    /// Stable dotted key, e.g. `person.id_number`.
    pub id: &'static str,
    /// Which block.
    pub group: Group,
    /// Value type (and code table).
    pub value: ValueType,
    /// zh-CN label, as forms print it.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// Sensitive personal information: encrypted, separate consent.
    pub sensitive: bool,
    /// How the value is masked on screen, if it is.
    pub mask: Option<MaskKind>,
    /// Computed from other elements, never typed.
    pub derived: bool,
    /// The WHATWG autofill field name that denotes the element, where one exists.
    pub autocomplete: Option<&'static str>,
}

/// Flags of a row: `-` plain, `S` sensitive, `S:id`/`S:phone`/`S:acct` sensitive and masked,
/// `D` derived.
const fn flags(f: &str) -> (bool, Option<MaskKind>, bool) {
    match f.as_bytes() {
        b"S" => (true, None, false),
        b"S:id" => (true, Some(MaskKind::IdNumber), false),
        b"S:phone" => (true, Some(MaskKind::Phone), false),
        b"S:acct" => (true, Some(MaskKind::Account), false),
        b"D" => (false, None, true),
        _ => (false, None, false),
    }
}

macro_rules! dictionary {
    ($( $variant:ident = $id:literal, $group:ident, $ty:expr, $flags:literal, $ac:expr, $zh:literal, $en:literal; )*) => {
        /// An element of the dictionary. Variants are in table order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum Key { $($variant,)* }

        /// The dictionary, in the order a profile editor shows it.
        pub const ELEMENTS: &[Element] = &[$(
            Element {
                key: Key::$variant,
                id: $id,
                group: Group::$group,
                value: $ty,
                zh: $zh,
                en: $en,
                sensitive: flags($flags).0,
                mask: flags($flags).1,
                derived: flags($flags).2,
                autocomplete: $ac,
            },
        )*];
    };
}

use Table as T;
use ValueType as V;

dictionary! {
    // Person: the applicant, family members and every person in a role.
    PersonName = "person.name", Person, V::Name, "-", Some("name"), "姓名", "Full name";
    PersonFormerName = "person.former_name", Person, V::Name, "-", None, "曾用名", "Former name";
    PersonNameLatin = "person.name_latin", Person, V::LatinName, "-", None, "外文姓名/拼音", "Name in Latin letters";
    PersonSex = "person.sex", Person, V::Code(T::Sex), "-", Some("sex"), "性别", "Sex";
    PersonBirthDate = "person.birth_date", Person, V::PastDate, "-", Some("bday"), "出生日期", "Date of birth";
    PersonEthnicity = "person.ethnicity", Person, V::Code(T::Ethnicity), "-", None, "民族", "Ethnic group";
    PersonNationality = "person.nationality", Person, V::Code(T::Country), "-", Some("country"), "国籍", "Nationality";
    PersonIdType = "person.id_type", Person, V::Code(T::IdType), "-", None, "证件类型", "ID document type";
    PersonIdNumber = "person.id_number", Person, V::IdNumber, "S:id", None, "证件号码", "ID document number";
    PersonIdIssuer = "person.id_issuer", Person, V::Text, "-", None, "签发机关", "Issuing authority";
    PersonIdValidFrom = "person.id_valid_from", Person, V::PastDate, "-", None, "有效期限起", "Valid from";
    PersonIdValidTo = "person.id_valid_to", Person, V::DateOrLongTerm, "-", None, "有效期限止", "Valid to";
    PersonHukouType = "person.hukou_type", Person, V::Code(T::HukouType), "-", None, "户口性质", "Hukou type";
    PersonHukouAddress = "person.hukou_address", Person, V::Address, "S", Some("street-address"), "户籍地址", "Registered address";
    PersonResidenceAddress = "person.residence_address", Person, V::Address, "S", None, "居住地址", "Current address";
    PersonMaritalStatus = "person.marital_status", Person, V::Code(T::Marital), "-", None, "婚姻状况", "Marital status";
    PersonPoliticalStatus = "person.political_status", Person, V::Code(T::Political), "-", None, "政治面貌", "Political affiliation";
    PersonEducation = "person.education", Person, V::Code(T::Education), "-", None, "学历", "Education";
    PersonDegree = "person.degree", Person, V::Text, "-", None, "学位", "Academic degree";
    PersonOccupation = "person.occupation", Person, V::Text, "-", Some("organization-title"), "职业", "Occupation";
    PersonEmployer = "person.employer", Person, V::Text, "-", Some("organization"), "工作单位", "Employer";
    PersonPosition = "person.position", Person, V::Text, "-", None, "职务", "Position";
    PersonSsNumber = "person.ss_number", Person, V::IdNumber, "S:id", None, "社会保障号码", "Social-security number";
    PersonSsCardNo = "person.ss_card_no", Person, V::Text, "S:acct", None, "社会保障卡卡号", "Social-security card number";
    PersonInsuredPlace = "person.insured_place", Person, V::Division, "-", None, "参保地", "Insurance region";
    PersonHousingFundAcct = "person.housing_fund_acct", Person, V::BankAccount, "S:acct", None, "住房公积金个人账号", "Housing-fund account";
    PersonBankAccount = "person.bank_account", Person, V::BankCard, "S:acct", None, "银行卡号", "Bank account";
    PersonBankBranch = "person.bank_branch", Person, V::Text, "-", None, "开户银行", "Bank branch";
    PersonPhotoRef = "person.photo_ref", Person, V::Text, "S", Some("photo"), "相片", "Photo";
    PersonDisabilityCertNo = "person.disability_cert_no", Person, V::Text, "S:id", None, "残疾人证号", "Disability card number";
    // Contact, of a person or a firm.
    ContactMobile = "contact.mobile", Contact, V::Mobile, "S:phone", Some("tel"), "手机号码", "Mobile number";
    ContactLandline = "contact.landline", Contact, V::Landline, "-", None, "固定电话", "Landline";
    ContactEmail = "contact.email", Contact, V::Email, "-", Some("email"), "电子邮箱", "E-mail";
    ContactPostalCode = "contact.postal_code", Contact, V::Postcode, "-", Some("postal-code"), "邮政编码", "Postcode";
    ContactFax = "contact.fax", Contact, V::Landline, "-", None, "传真", "Fax";
    // Parts of an address, for forms that ask for them one by one.
    AddressProvince = "address.province", Address, V::Code(T::Division), "D", Some("address-level1"), "省（自治区、直辖市）", "Province";
    AddressCity = "address.city", Address, V::Code(T::Division), "D", Some("address-level2"), "市（地区、盟、自治州）", "Prefecture";
    AddressCounty = "address.county", Address, V::Code(T::Division), "D", Some("address-level3"), "县（市、区、旗）", "County";
    AddressTownship = "address.township", Address, V::Text, "D", Some("address-level4"), "乡（镇、街道）", "Township";
    AddressVillage = "address.village", Address, V::Text, "D", None, "村（社区）", "Village or community";
    AddressStreet = "address.street", Address, V::Text, "D", None, "路（街、巷）", "Road";
    AddressHouseNo = "address.house_no", Address, V::Text, "D", None, "门（楼）牌号", "House number";
    AddressUnitDetail = "address.unit_detail", Address, V::Text, "D", None, "门（楼）详址", "Building, unit, room";
    AddressFull = "address.full", Address, V::Text, "D", Some("street-address"), "完整地址", "One-line address";
    AddressDivisionCode = "address.division_code", Address, V::Division, "D", None, "行政区划代码", "Division code";
    // Firm.
    FirmName = "firm.name", Firm, V::Text, "-", Some("organization"), "名称", "Entity name";
    FirmUscc = "firm.uscc", Firm, V::Uscc, "-", None, "统一社会信用代码", "Unified social credit code";
    FirmRegNo = "firm.reg_no", Firm, V::RegNo, "-", None, "注册号", "Registration number";
    FirmOrgCode = "firm.org_code", Firm, V::Text, "D", None, "组织机构代码", "Organisation code";
    FirmRegisteringDept = "firm.registering_dept", Firm, V::Text, "D", None, "登记管理部门", "Registering department";
    FirmCategory = "firm.category", Firm, V::Text, "D", None, "机构类别", "Entity category";
    FirmType = "firm.type", Firm, V::Code(T::FirmType), "-", None, "类型", "Legal form";
    FirmEstablished = "firm.established", Firm, V::PastDate, "-", None, "成立日期", "Date established";
    FirmTermFrom = "firm.term_from", Firm, V::Date, "-", None, "营业期限自", "Term from";
    FirmTermTo = "firm.term_to", Firm, V::DateOrLongTerm, "-", None, "营业期限至", "Term to";
    FirmRegCapital = "firm.reg_capital", Firm, V::AmountWan, "-", None, "注册资本（万元）", "Registered capital (10,000 yuan)";
    FirmBusinessScope = "firm.business_scope", Firm, V::Text, "-", None, "经营范围", "Business scope";
    FirmDomicile = "firm.domicile", Firm, V::Address, "-", None, "住所", "Registered address";
    FirmOperatingAddress = "firm.operating_address", Firm, V::Address, "-", None, "生产经营地", "Operating address";
    FirmRegAuthority = "firm.reg_authority", Firm, V::Text, "-", None, "登记机关", "Registration authority";
    FirmIndustry = "firm.industry", Firm, V::Text, "-", None, "行业", "Industry";
    FirmEmployees = "firm.employees", Firm, V::Count, "-", None, "从业人数", "Employees";
    FirmBasicBankAcct = "firm.basic_bank_acct", Firm, V::BankAccount, "S:acct", None, "基本存款账户", "Basic bank account";
    FirmBasicBank = "firm.basic_bank", Firm, V::Text, "-", None, "基本存款账户开户银行", "Basic account bank";
    FirmELicenseRef = "firm.e_license_ref", Firm, V::Text, "-", None, "电子营业执照", "E-business-licence reference";
    // A person's role in a firm: the person's own details come from person.*.
    RoleLegalRep = "rep.legal_rep", Role, V::Reference, "-", None, "法定代表人", "Legal representative";
    RoleFinanceOfficer = "rep.finance_officer", Role, V::Reference, "-", None, "财务负责人", "Finance officer";
    RoleLiaison = "rep.liaison", Role, V::Reference, "-", None, "联络员", "Registration liaison";
    RoleShareholder = "rep.shareholder", Role, V::Reference, "-", None, "股东（发起人）", "Shareholder";
    RoleDirector = "rep.director", Role, V::Reference, "-", None, "董事、监事、经理", "Director, supervisor, manager";
    RolePosition = "rep.position", Role, V::Text, "-", None, "职务", "Position";
    RoleSubscribedWan = "rep.subscribed_wan", Role, V::AmountWan, "-", None, "认缴出资额（万元）", "Subscribed capital (10,000 yuan)";
    RoleContributionMethod = "rep.contribution_method", Role, V::Code(T::ContributionMethod), "-", None, "出资方式", "Form of contribution";
    RoleContributionDue = "rep.contribution_due", Role, V::Date, "-", None, "出资期限", "Contribution due";
    // Agent.
    AgentPerson = "agent.person", Agent, V::Reference, "-", None, "经办人/委托代理人", "Agent";
    AgentOrgName = "agent.org_name", Agent, V::Text, "-", None, "代理机构名称", "Agency name";
    AgentOrgUscc = "agent.org_uscc", Agent, V::Uscc, "-", None, "代理机构统一社会信用代码", "Agency credit code";
    AgentScope = "agent.scope", Agent, V::List, "-", None, "委托事项及权限", "Authorised acts";
    AgentTermFrom = "agent.term_from", Agent, V::Date, "-", None, "委托期限自", "Mandate from";
    AgentTermTo = "agent.term_to", Agent, V::DateOrLongTerm, "-", None, "委托期限至", "Mandate to";
    AgentRelation = "agent.relation", Agent, V::Code(T::Relation), "-", None, "与申请人关系", "Relation to applicant";
    // Family.
    FamilyHouseholderName = "family.householder_name", Family, V::Name, "-", None, "户主姓名", "Head of household";
    FamilyRelationToHead = "family.relation_to_head", Family, V::Code(T::Relation), "-", None, "与户主关系", "Relation to head";
    FamilyMarriageCertNo = "family.marriage_cert_no", Family, V::Text, "S:id", None, "结婚证字号", "Marriage certificate number";
    // Documents.
    DocBirthCertNo = "doc.birth_cert_no", Document, V::Text, "S:id", None, "出生医学证明编号", "Birth certificate number";
    DocPropertyUnitNo = "doc.property_unit_no", Document, V::PropertyUnitNo, "-", None, "不动产单元号", "Real-property unit number";
    DocPropertyCertNo = "doc.property_cert_no", Document, V::Text, "-", None, "不动产权证号", "Property certificate number";
    DocDriverLicenseFileNo = "doc.driver_license_file_no", Document, V::Text, "S:id", None, "驾驶证档案编号", "Driving licence file number";
    DocVehiclePlate = "doc.vehicle_plate", Document, V::Plate, "-", None, "号牌号码", "Plate number";
    DocPassportNo = "doc.passport_no", Document, V::Text, "S:id", None, "护照号码", "Passport number";
    // Meta.
    MetaFillDate = "meta.fill_date", Meta, V::Date, "D", None, "填表日期", "Date of filling";
}

impl Key {
    /// Every key, in table order.
    pub fn all() -> impl Iterator<Item = Key> {
        ELEMENTS.iter().map(|e| e.key)
    }

    /// The dictionary entry.
    pub fn element(self) -> &'static Element {
        // The macro writes the enum and the table in the same order.
        &ELEMENTS[self as usize]
    }

    /// The stable dotted key.
    pub fn id(self) -> &'static str {
        self.element().id
    }

    /// Looks a dotted key up.
    pub fn from_id(id: &str) -> Option<Key> {
        ELEMENTS.iter().find(|e| e.id == id).map(|e| e.key)
    }

    /// How the value is masked on screen, if it is.
    pub fn mask(self) -> Option<MaskKind> {
        self.element().mask
    }

    /// Sensitive personal information.
    pub fn is_sensitive(self) -> bool {
        self.element().sensitive
    }

    /// The label in a language.
    pub fn label(self, lang: crate::core::i18n::Lang) -> &'static str {
        match lang {
            crate::core::i18n::Lang::ZhCn => self.element().zh,
            crate::core::i18n::Lang::En => self.element().en,
        }
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Key::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown dictionary key {id:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_and_enum_agree() {
        for (i, e) in ELEMENTS.iter().enumerate() {
            assert_eq!(e.key as usize, i, "{}", e.id);
            assert_eq!(Key::from_id(e.id), Some(e.key));
        }
        let ids: HashSet<_> = ELEMENTS.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), ELEMENTS.len(), "dotted keys are unique");
        assert!(ELEMENTS.len() >= 80, "{} elements", ELEMENTS.len());
    }

    #[test]
    fn keys_are_dotted_by_group() {
        for e in ELEMENTS {
            let prefix = e.id.split('.').next().unwrap_or_default();
            let expected = match e.group {
                Group::Person => "person",
                Group::Contact => "contact",
                Group::Address => "address",
                Group::Firm => "firm",
                Group::Role => "rep",
                Group::Agent => "agent",
                Group::Family => "family",
                Group::Document => "doc",
                Group::Meta => "meta",
            };
            assert_eq!(prefix, expected, "{}", e.id);
        }
    }

    #[test]
    fn identity_and_financial_data_are_sensitive_and_masked() {
        for id in [
            "person.id_number",
            "person.bank_account",
            "firm.basic_bank_acct",
            "contact.mobile",
        ] {
            let key = Key::from_id(id).unwrap();
            assert!(key.is_sensitive() && key.mask().is_some(), "{id}");
        }
        assert!(!Key::PersonName.is_sensitive());
        assert!(Key::PersonHukouAddress.is_sensitive());
        assert_eq!(Key::PersonHukouAddress.mask(), None);
    }

    #[test]
    fn serde_uses_the_dotted_key() {
        assert_eq!(
            serde_json::to_string(&Key::FirmUscc).unwrap(),
            "\"firm.uscc\""
        );
        let k: Key = serde_json::from_str("\"contact.email\"").unwrap();
        assert_eq!(k, Key::ContactEmail);
        assert!(serde_json::from_str::<Key>("\"no.such\"").is_err());
    }
}
