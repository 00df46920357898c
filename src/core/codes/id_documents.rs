//! Identity-document types. There is no single national code list: each domain's systems
//! have their own, so the profile stores the canonical type and fills the target system's
//! code. Per-domain codes come from the reference's survey (cn-standards.md §4):
//! 不动产登记 证件种类 (several 不动产登记 systems), 卫生 (CV02.01.101-style HIS tables) and
//! 个税/税务 (`IdTypeEnumsAboutGdOffline`), checked 2026-11. GA/T 517 (public security) is not
//! covered: its values could not be verified.

use serde::{Deserialize, Serialize};

use super::{Code, c};

/// A canonical identity-document type. Serialised as its [`key`](Self::key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IdDocumentType {
    /// 居民身份证.
    ResidentIdCard,
    /// 居民户口簿.
    HouseholdRegister,
    /// 中华人民共和国护照.
    ChinesePassport,
    /// 外国护照.
    ForeignPassport,
    /// 军官证 / 士兵证.
    MilitaryId,
    /// 港澳居民来往内地通行证.
    HkMacaoPermit,
    /// 台湾居民来往大陆通行证.
    TaiwanPermit,
    /// 外国人永久居留身份证.
    ForeignPermanentResidentId,
    /// 港澳台居民居住证.
    HkMacaoTaiwanResidencePermit,
    /// 统一社会信用代码 / 营业执照 (for organisations).
    BusinessLicence,
    /// 其他证件.
    Other,
}

/// A domain whose systems have their own document-type codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdDomain {
    /// 不动产登记 证件种类 (1 身份证, 2 港澳台身份证, 3 护照, 4 户口簿, 5 军官证, 6 组织机构代码,
    /// 7 营业执照, 8 统一社会信用代码, 99 其它).
    RealEstate,
    /// 卫生健康 (CV02.01.101-style: 01 居民身份证 … 99 其他).
    Health,
    /// 个税 / 税务 (3-digit: 201 居民身份证, 227 中国护照, …).
    Tax,
}

impl IdDocumentType {
    /// Every type, in the order above.
    pub const ALL: &'static [IdDocumentType] = &[
        IdDocumentType::ResidentIdCard,
        IdDocumentType::HouseholdRegister,
        IdDocumentType::ChinesePassport,
        IdDocumentType::ForeignPassport,
        IdDocumentType::MilitaryId,
        IdDocumentType::HkMacaoPermit,
        IdDocumentType::TaiwanPermit,
        IdDocumentType::ForeignPermanentResidentId,
        IdDocumentType::HkMacaoTaiwanResidencePermit,
        IdDocumentType::BusinessLicence,
        IdDocumentType::Other,
    ];

    /// The stable key, e.g. `resident_id_card` (also the serde form).
    pub fn key(self) -> &'static str {
        self.row().code
    }

    /// The type for a [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<IdDocumentType> {
        IdDocumentType::ALL.iter().copied().find(|t| t.key() == key)
    }

    /// The zh-CN name, e.g. `居民身份证`.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            IdDocumentType::ResidentIdCard => "Resident identity card",
            IdDocumentType::HouseholdRegister => "Household register (hukou booklet)",
            IdDocumentType::ChinesePassport => "Chinese passport",
            IdDocumentType::ForeignPassport => "Foreign passport",
            IdDocumentType::MilitaryId => "Military officer's or soldier's card",
            IdDocumentType::HkMacaoPermit => {
                "Mainland travel permit for Hong Kong and Macao residents"
            }
            IdDocumentType::TaiwanPermit => "Mainland travel permit for Taiwan residents",
            IdDocumentType::ForeignPermanentResidentId => "Foreign permanent resident ID card",
            IdDocumentType::HkMacaoTaiwanResidencePermit => {
                "Residence permit for Hong Kong, Macao and Taiwan residents"
            }
            IdDocumentType::BusinessLicence => "Unified social credit code / business licence",
            IdDocumentType::Other => "Other document",
        }
    }

    /// The code `domain`'s systems use for this type, or `None` where they have none (use
    /// [`code_or_other`](Self::code_or_other) to fall back to the domain's 其他).
    ///
    /// Where a domain has two codes the first is returned: 税务 uses 202 for 军官证 and 204 for
    /// 士兵证; 不动产 uses 8 for 统一社会信用代码 (7 营业执照, 6 组织机构代码) and 2 for both
    /// mainland travel permits (some local systems use 8 and 9).
    pub fn code_in(self, domain: IdDomain) -> Option<&'static str> {
        use IdDocumentType as T;
        use IdDomain as D;
        match (domain, self) {
            (D::RealEstate, T::ResidentIdCard) => Some("1"),
            (D::RealEstate, T::HkMacaoPermit | T::TaiwanPermit) => Some("2"),
            (D::RealEstate, T::ChinesePassport | T::ForeignPassport) => Some("3"),
            (D::RealEstate, T::HouseholdRegister) => Some("4"),
            (D::RealEstate, T::MilitaryId) => Some("5"),
            (D::RealEstate, T::BusinessLicence) => Some("8"),
            (D::RealEstate, T::Other) => Some("99"),
            (D::Health, T::ResidentIdCard) => Some("01"),
            (D::Health, T::HouseholdRegister) => Some("02"),
            (D::Health, T::ChinesePassport | T::ForeignPassport) => Some("03"),
            (D::Health, T::MilitaryId) => Some("04"),
            (D::Health, T::HkMacaoPermit) => Some("06"),
            (D::Health, T::TaiwanPermit) => Some("07"),
            (D::Health, T::Other) => Some("99"),
            (D::Tax, T::ResidentIdCard) => Some("201"),
            (D::Tax, T::MilitaryId) => Some("202"),
            (D::Tax, T::ForeignPassport) => Some("208"),
            (D::Tax, T::HkMacaoPermit) => Some("210"),
            (D::Tax, T::TaiwanPermit) => Some("213"),
            (D::Tax, T::ChinesePassport) => Some("227"),
            (D::Tax, T::ForeignPermanentResidentId) => Some("233"),
            _ => None,
        }
    }

    /// The domain's code, or its 其他 code where the type has none (不动产 and 卫健: `99`;
    /// 税务 has no verified 其他 code, so `None`).
    pub fn code_or_other(self, domain: IdDomain) -> Option<&'static str> {
        self.code_in(domain)
            .or_else(|| IdDocumentType::Other.code_in(domain))
    }

    /// The type a domain code stands for (the first where several share one, e.g. 不动产 `3`
    /// → [`ChinesePassport`](Self::ChinesePassport)). `204` (税务 士兵证) maps to
    /// [`MilitaryId`](Self::MilitaryId).
    pub fn from_code(domain: IdDomain, code: &str) -> Option<IdDocumentType> {
        let code = code.trim();
        if domain == IdDomain::Tax && code == "204" {
            return Some(IdDocumentType::MilitaryId);
        }
        IdDocumentType::ALL
            .iter()
            .copied()
            .find(|t| t.code_in(domain) == Some(code))
    }

    /// The row of [`table(TableId::IdDocumentType)`](super::table).
    pub fn row(self) -> &'static Code {
        // The variants are declared in the table's order (a test keeps them so).
        ID_DOCUMENT_CODES.get(self as usize).unwrap_or(&OTHER)
    }
}

const OTHER: Code = c("other", "其他", "");

/// The canonical types as a code table, in [`IdDocumentType::ALL`] order.
pub(crate) const ID_DOCUMENT_CODES: &[Code] = &[
    c("resident_id_card", "居民身份证", "身份证"),
    c("household_register", "居民户口簿", "户口簿"),
    c("chinese_passport", "中国护照", ""),
    c("foreign_passport", "外国护照", ""),
    c("military_id", "军官证/士兵证", ""),
    c("hk_macao_permit", "港澳居民来往内地通行证", ""),
    c("taiwan_permit", "台湾居民来往大陆通行证", ""),
    c("foreign_permanent_resident_id", "外国人永久居留身份证", ""),
    c("hk_macao_taiwan_residence_permit", "港澳台居民居住证", ""),
    c("business_licence", "统一社会信用代码/营业执照", ""),
    OTHER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(IdDocumentType::ALL.len(), ID_DOCUMENT_CODES.len());
        for (i, &t) in IdDocumentType::ALL.iter().enumerate() {
            assert_eq!(t as usize, i);
            assert_eq!(IdDocumentType::from_key(t.key()), Some(t));
            let json = serde_json::to_string(&t).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", t.key()));
        }
    }

    #[test]
    fn domain_codes() {
        use IdDocumentType as T;
        assert_eq!(T::ResidentIdCard.code_in(IdDomain::RealEstate), Some("1"));
        assert_eq!(T::ResidentIdCard.code_in(IdDomain::Health), Some("01"));
        assert_eq!(T::ResidentIdCard.code_in(IdDomain::Tax), Some("201"));
        assert_eq!(T::HouseholdRegister.code_in(IdDomain::Tax), None);
        assert_eq!(
            T::ForeignPermanentResidentId.code_in(IdDomain::RealEstate),
            None
        );
        assert_eq!(
            T::ForeignPermanentResidentId.code_or_other(IdDomain::RealEstate),
            Some("99")
        );
        assert_eq!(
            T::HkMacaoTaiwanResidencePermit.code_or_other(IdDomain::Tax),
            None
        );
        assert_eq!(T::from_code(IdDomain::Tax, "227"), Some(T::ChinesePassport));
        assert_eq!(T::from_code(IdDomain::Tax, "204"), Some(T::MilitaryId));
        assert_eq!(T::from_code(IdDomain::Health, "05"), None);
    }
}
