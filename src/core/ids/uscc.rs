//! GB 32100-2015 统一社会信用代码 (unified social credit code, USCC) and the legacy
//! GS 15-2006 15-digit 工商注册号 (business registration number).
//!
//! A USCC has 18 characters from `0-9A-HJ-NPQRTUWXY` (never I, O, Z, S or V):
//!
//! | positions | content |
//! |---|---|
//! | 1 | 登记管理部门代码 (registering department) |
//! | 2 | 机构类别代码 (entity category) |
//! | 3–8 | 登记管理机关行政区划码 (GB/T 2260 code of the registering authority) |
//! | 9–17 | 主体标识码 = GB 11714 组织机构代码 (8 characters + its own check) |
//! | 18 | check character, GB/T 17710 MOD 31 |
//!
//! Neither a failed final check nor a failed organisation-code check rejects a code: early
//! codes issued in pilot areas (Fujian, 2015) fail the final check and are genuine. They parse
//! with [`UsccWarning`]s, which ask the person to compare the code with the 营业执照.
//!
//! ```
//! use oncefill::core::ids::{EntityCategory, RegisteringDept, Uscc};
//!
//! let code = Uscc::parse("91330106ma2h3k7d8r").unwrap();
//! assert_eq!(code.as_str(), "91330106MA2H3K7D8R");
//! assert_eq!(code.registering_dept(), RegisteringDept::MarketRegulation);
//! assert_eq!(code.category(), Some(EntityCategory::Enterprise));
//! assert_eq!(code.division_code(), "330106");
//! assert_eq!(code.org_code(), "MA2H3K7D-8");
//! assert!(code.warnings().is_empty());
//!
//! // A genuine early Fujian code whose check character does not compute.
//! let fujian = Uscc::parse("91350100M0001TGQXM").unwrap();
//! assert_eq!(fujian.warnings().len(), 1);
//! ```

use std::fmt;

use super::format::{FormatCodes, FormatError};

/// The USCC alphabet in value order: `0`–`9` are 0–9, `A` = 10 … `Y` = 30.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// MOD 31 weights `3^(i-1) mod 31` for positions 1..=17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// GB 11714 weights for the 8 body characters of an organisation code.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
/// Upper-case letters that GB 32100 leaves out to avoid confusion with digits.
const FORBIDDEN_LETTERS: &[char] = &['I', 'O', 'Z', 'S', 'V'];

/// The value 0–30 of a USCC character, `None` outside the alphabet.
fn uscc_value(c: char) -> Option<u32> {
    let byte = u8::try_from(c).ok()?;
    ALPHABET
        .iter()
        .position(|&a| a == byte)
        .and_then(|p| u32::try_from(p).ok())
}

/// The value of a GB 11714 body character: digits 0–9, letters `A` = 10 … `Z` = 35 (the full
/// Latin alphabet, so `K` is 20 here but 19 in the USCC alphabet).
fn org_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' | 'A'..='Z' => c.to_digit(36),
        _ => None,
    }
}

/// The final MOD 31 check character for the first 17 characters of a USCC, or `None` if
/// `first17` is not 17 characters of the USCC alphabet.
///
/// ```
/// assert_eq!(oncefill::core::ids::uscc_check_character("91330106MA2H3K7D8"), Some('R'));
/// ```
pub fn uscc_check_character(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut count = 0usize;
    for (c, weight) in first17.chars().zip(WEIGHTS) {
        sum += uscc_value(c)? * weight;
        count += 1;
    }
    if count != 17 || first17.chars().count() != 17 {
        return None;
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.get(check as usize).map(|&b| char::from(b))
}

/// The GB 11714 check character of an 8-character organisation-code body (`0`–`9`, `X`), or
/// `None` if `body` is not 8 digits or upper-case letters.
///
/// ```
/// assert_eq!(oncefill::core::ids::org_code_check_character("MA2H3K7D"), Some('8'));
/// ```
pub fn org_code_check_character(body: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut count = 0usize;
    for (c, weight) in body.chars().zip(ORG_WEIGHTS) {
        sum += org_value(c)? * weight;
        count += 1;
    }
    if count != 8 || body.chars().count() != 8 {
        return None;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        digit => char::from_digit(digit, 10)?,
    })
}

/// Normalises what a person typed: whitespace of any width is dropped, full-width ASCII
/// forms become half-width and lower-case letters upper-case.
fn normalise(input: &str) -> Vec<char> {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// 登记管理部门 — position 1 of a USCC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisteringDept {
    /// `1` 机构编制 (establishment administration).
    Establishment,
    /// `5` 民政 (civil affairs).
    CivilAffairs,
    /// `9` 市场监管（工商） (market regulation, formerly industry and commerce).
    MarketRegulation,
    /// `Y` 其他 (other).
    Other,
    /// Any other character of the alphabet: departments added after 2015 whose codes are
    /// not verified here (外交, 司法行政, 文化, 旅游, 宗教, 工会, 军队编制, 农业 …).
    Unverified(char),
}

impl RegisteringDept {
    fn from_char(c: char) -> Self {
        match c {
            '1' => Self::Establishment,
            '5' => Self::CivilAffairs,
            '9' => Self::MarketRegulation,
            'Y' => Self::Other,
            other => Self::Unverified(other),
        }
    }

    /// The zh-CN name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Establishment => "机构编制",
            Self::CivilAffairs => "民政",
            Self::MarketRegulation => "市场监管（工商）",
            Self::Other => "其他",
            Self::Unverified(_) => "其他/未知",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Self::Establishment => "establishment administration",
            Self::CivilAffairs => "civil affairs",
            Self::MarketRegulation => "market regulation",
            Self::Other => "other",
            Self::Unverified(_) => "other/unknown",
        }
    }
}

/// 机构类别 — position 2 of a USCC read together with position 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityCategory {
    /// `11` 机关.
    GovernmentOrgan,
    /// `12` 事业单位.
    PublicInstitution,
    /// `13` 中央编办直接管理机构编制的群众团体.
    MassOrganisation,
    /// `19` 其他 (under 机构编制).
    EstablishmentOther,
    /// `51` 社会团体.
    SocialOrganisation,
    /// `52` 民办非企业单位.
    PrivateNonEnterprise,
    /// `53` 基金会.
    Foundation,
    /// `59` 其他 (under 民政).
    CivilAffairsOther,
    /// `91` 企业.
    Enterprise,
    /// `92` 个体工商户.
    IndividualBusiness,
    /// `93` 农民专业合作社.
    FarmersCooperative,
}

impl EntityCategory {
    fn from_chars(dept: char, category: char) -> Option<Self> {
        Some(match (dept, category) {
            ('1', '1') => Self::GovernmentOrgan,
            ('1', '2') => Self::PublicInstitution,
            ('1', '3') => Self::MassOrganisation,
            ('1', '9') => Self::EstablishmentOther,
            ('5', '1') => Self::SocialOrganisation,
            ('5', '2') => Self::PrivateNonEnterprise,
            ('5', '3') => Self::Foundation,
            ('5', '9') => Self::CivilAffairsOther,
            ('9', '1') => Self::Enterprise,
            ('9', '2') => Self::IndividualBusiness,
            ('9', '3') => Self::FarmersCooperative,
            _ => return None,
        })
    }

    /// The zh-CN name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::GovernmentOrgan => "机关",
            Self::PublicInstitution => "事业单位",
            Self::MassOrganisation => "中央编办直接管理机构编制的群众团体",
            Self::EstablishmentOther | Self::CivilAffairsOther => "其他",
            Self::SocialOrganisation => "社会团体",
            Self::PrivateNonEnterprise => "民办非企业单位",
            Self::Foundation => "基金会",
            Self::Enterprise => "企业",
            Self::IndividualBusiness => "个体工商户",
            Self::FarmersCooperative => "农民专业合作社",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Self::GovernmentOrgan => "government organ",
            Self::PublicInstitution => "public institution",
            Self::MassOrganisation => "mass organisation",
            Self::EstablishmentOther | Self::CivilAffairsOther => "other",
            Self::SocialOrganisation => "social organisation",
            Self::PrivateNonEnterprise => "private non-enterprise unit",
            Self::Foundation => "foundation",
            Self::Enterprise => "enterprise",
            Self::IndividualBusiness => "individual business",
            Self::FarmersCooperative => "farmers' cooperative",
        }
    }
}

/// What makes a typed USCC unreadable. A wrong check character is not among these: it is a
/// [`UsccWarning`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UsccError {
    /// Nothing entered, not 18 characters (spaces removed), or a character that is neither a
    /// digit nor an upper-case letter.
    Format(FormatError),
    /// One of I, O, Z, S, V, which never appear in a USCC.
    ForbiddenLetter {
        /// 1-based position.
        position: usize,
        /// The letter (upper case).
        found: char,
    },
    /// Positions 3–8, the division code of the registering authority, must be digits.
    DivisionDigit {
        /// 1-based position.
        position: usize,
        /// The offending character.
        found: char,
    },
}

/// The codes of [`UsccError::Format`].
const USCC_FORMAT_CODES: FormatCodes = FormatCodes {
    empty: "uscc.empty",
    length: "uscc.length",
    character: "uscc.character",
};

impl From<FormatError> for UsccError {
    fn from(error: FormatError) -> Self {
        UsccError::Format(error)
    }
}

impl UsccError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format(e) => e.code(&USCC_FORMAT_CODES),
            Self::ForbiddenLetter { .. } => "uscc.forbidden_letter",
            Self::DivisionDigit { .. } => "uscc.division",
        }
    }
}

/// A doubt about a USCC that parsed: the person should compare it with the 营业执照.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UsccWarning {
    /// The final MOD 31 check character does not match positions 1–17.
    CheckCharacter {
        /// What positions 1–17 require.
        expected: char,
        /// What was written.
        found: char,
    },
    /// The GB 11714 check of the embedded organisation code (position 17) does not match
    /// positions 9–16.
    OrgCodeCheck {
        /// What positions 9–16 require.
        expected: char,
        /// What was written.
        found: char,
    },
}

impl UsccWarning {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::CheckCharacter { .. } => "uscc.check_character",
            Self::OrgCodeCheck { .. } => "uscc.org_code_check",
        }
    }
}

/// A readable USCC, always 18 upper-case characters. Check-character doubts are kept in
/// [`Uscc::warnings`]. A USCC identifies an organisation and is published on its licence, so
/// `Debug` shows it in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uscc {
    code: String,
    warnings: Vec<UsccWarning>,
}

impl Uscc {
    /// Parses a code typed by a person.
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        let chars = normalise(input);
        match chars.len() {
            0 => return Err(FormatError::Empty.into()),
            18 => {}
            found => return Err(FormatError::Length { found }.into()),
        }
        for (index, &c) in chars.iter().enumerate() {
            let position = index + 1;
            if FORBIDDEN_LETTERS.contains(&c) {
                return Err(UsccError::ForbiddenLetter { position, found: c });
            }
            if uscc_value(c).is_none() {
                return Err(FormatError::Character { position, found: c }.into());
            }
            if (3..=8).contains(&position) && !c.is_ascii_digit() {
                return Err(UsccError::DivisionDigit { position, found: c });
            }
        }
        let code: String = chars.iter().collect();
        let mut warnings = Vec::new();
        let org_body: String = chars[8..16].iter().collect();
        if let Some(expected) = org_code_check_character(&org_body) {
            let found = chars[16];
            if expected != found {
                warnings.push(UsccWarning::OrgCodeCheck { expected, found });
            }
        }
        let first17: String = chars[..17].iter().collect();
        if let Some(expected) = uscc_check_character(&first17) {
            let found = chars[17];
            if expected != found {
                warnings.push(UsccWarning::CheckCharacter { expected, found });
            }
        }
        // Sort the stronger doubt (the whole code) first.
        crate::core::order::sort_by_key(&mut warnings, |w| match w {
            UsccWarning::CheckCharacter { .. } => 0,
            UsccWarning::OrgCodeCheck { .. } => 1,
        });
        Ok(Uscc { code, warnings })
    }

    /// The 18-character code, upper case.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// Check-character doubts, the final check first; empty for a code that computes.
    pub fn warnings(&self) -> &[UsccWarning] {
        &self.warnings
    }

    fn char_at(&self, index: usize) -> char {
        self.code
            .as_bytes()
            .get(index)
            .map_or('?', |&b| char::from(b))
    }

    /// The registering department, position 1.
    pub fn registering_dept(&self) -> RegisteringDept {
        RegisteringDept::from_char(self.char_at(0))
    }

    /// The entity category, positions 1–2; `None` for combinations not in GB 32100's table.
    pub fn category(&self) -> Option<EntityCategory> {
        EntityCategory::from_chars(self.char_at(0), self.char_at(1))
    }

    /// The GB/T 2260 code of the registering authority, positions 3–8.
    pub fn division_code(&self) -> &str {
        self.code.get(2..8).unwrap_or_default()
    }

    /// The GB 11714 organisation code in positions 9–17, written `XXXXXXXX-X`.
    pub fn org_code(&self) -> String {
        format!(
            "{}-{}",
            self.code.get(8..16).unwrap_or_default(),
            self.code.get(16..17).unwrap_or_default()
        )
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

/// The ISO 7064 MOD 11,10 check digit of a string of digits, or `None` if `body` holds
/// anything but ASCII digits.
///
/// ```
/// assert_eq!(oncefill::core::ids::mod11_10_check("79462"), Some('3'));
/// ```
pub fn mod11_10_check(body: &str) -> Option<char> {
    let mut product = 10u32;
    for c in body.chars() {
        let digit = c.to_digit(10)?;
        let mut sum = (product + digit) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    char::from_digit((11 - product) % 10, 10)
}

/// What makes a typed 工商注册号 unreadable.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegNoError {
    /// Nothing entered, not 15 characters (spaces removed), or not a digit.
    Format(FormatError),
}

/// The codes of [`RegNoError::Format`].
const REG_NO_FORMAT_CODES: FormatCodes = FormatCodes {
    empty: "regno.empty",
    length: "regno.length",
    character: "regno.character",
};

impl From<FormatError> for RegNoError {
    fn from(error: FormatError) -> Self {
        RegNoError::Format(error)
    }
}

impl RegNoError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format(e) => e.code(&REG_NO_FORMAT_CODES),
        }
    }
}

/// A doubt about a 工商注册号 that parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegNoWarning {
    /// The MOD 11,10 check digit does not match the first 14 digits.
    CheckDigit {
        /// What the first 14 digits require.
        expected: char,
        /// What was written.
        found: char,
    },
}

impl RegNoWarning {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::CheckDigit { .. } => "regno.check_digit",
        }
    }
}

/// A legacy GS 15-2006 工商注册号: 6-digit code of the registering authority, 8-digit
/// sequence, ISO 7064 MOD 11,10 check digit. Still asked for by fields labelled
/// “注册号/统一社会信用代码”.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistrationNumber {
    number: String,
    warnings: Vec<RegNoWarning>,
}

impl RegistrationNumber {
    /// Parses a number typed by a person.
    pub fn parse(input: &str) -> Result<Self, RegNoError> {
        let chars = normalise(input);
        match chars.len() {
            0 => return Err(FormatError::Empty.into()),
            15 => {}
            found => return Err(FormatError::Length { found }.into()),
        }
        FormatError::check_characters(&chars, |_, c| c.is_ascii_digit())?;
        let number: String = chars.iter().collect();
        let mut warnings = Vec::new();
        if let Some(expected) = mod11_10_check(number.get(..14).unwrap_or_default()) {
            let found = chars[14];
            if expected != found {
                warnings.push(RegNoWarning::CheckDigit { expected, found });
            }
        }
        Ok(Self { number, warnings })
    }

    /// The 15 digits.
    pub fn as_str(&self) -> &str {
        &self.number
    }

    /// Check-digit doubts; empty for a number that computes.
    pub fn warnings(&self) -> &[RegNoWarning] {
        &self.warnings
    }

    /// The code of the registering authority, digits 1–6.
    pub fn authority_code(&self) -> &str {
        self.number.get(..6).unwrap_or_default()
    }
}

impl fmt::Display for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)
    }
}

impl Uscc {
    /// Parses a legacy 15-digit 工商注册号 (see [`RegistrationNumber`]).
    pub fn parse_reg_no(input: &str) -> Result<RegistrationNumber, RegNoError> {
        RegistrationNumber::parse(input)
    }
}

/// What a “注册号/统一社会信用代码” field holds: a USCC or, from before 2015–2017, a
/// 15-digit registration number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirmId {
    /// An 18-character USCC.
    Uscc(Uscc),
    /// A 15-digit 工商注册号.
    RegNo(RegistrationNumber),
}

impl FirmId {
    /// Classifies by length: 15 characters are read as a registration number, anything else
    /// as a USCC (so that its errors speak of the USCC).
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        let chars = normalise(input);
        if chars.len() == 15 && chars.iter().all(char::is_ascii_digit) {
            let text: String = chars.iter().collect();
            return RegistrationNumber::parse(&text)
                .map(FirmId::RegNo)
                .map_err(|_| FormatError::Length { found: 15 }.into());
        }
        Uscc::parse(input).map(FirmId::Uscc)
    }

    /// The normalised code.
    pub fn as_str(&self) -> &str {
        match self {
            FirmId::Uscc(u) => u.as_str(),
            FirmId::RegNo(r) => r.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Uscc {
        Uscc::parse(input).expect(input)
    }

    fn err(input: &str) -> UsccError {
        Uscc::parse(input).expect_err(input)
    }

    // Worked examples of the reference (cn-standards.md §2), cross-checked there with
    // python-stdnum; the org-code checks were computed by the reference's author.
    #[test]
    fn hangzhou_enterprise() {
        let code = ok("91330106MA2H3K7D8R");
        assert!(code.warnings().is_empty(), "{:?}", code.warnings());
        assert_eq!(code.registering_dept(), RegisteringDept::MarketRegulation);
        assert_eq!(code.category(), Some(EntityCategory::Enterprise));
        assert_eq!(code.division_code(), "330106");
        assert_eq!(code.org_code(), "MA2H3K7D-8");
    }

    #[test]
    fn shenzhen_individual_business() {
        let code = ok("92440305L12345674M");
        assert!(code.warnings().is_empty());
        assert_eq!(code.category(), Some(EntityCategory::IndividualBusiness));
        assert_eq!(code.org_code(), "L1234567-4");
    }

    #[test]
    fn beijing_social_organisation() {
        let code = ok("51110000500001237N");
        assert!(code.warnings().is_empty());
        assert_eq!(code.registering_dept(), RegisteringDept::CivilAffairs);
        assert_eq!(code.category(), Some(EntityCategory::SocialOrganisation));
        assert_eq!(code.division_code(), "110000");
    }

    #[test]
    fn stdnum_doctest() {
        let code = ok("91110000600037341L");
        assert!(code.warnings().is_empty());
        assert_eq!(code.org_code(), "60003734-1");
    }

    #[test]
    fn sums_of_the_worked_examples() {
        assert_eq!(uscc_check_character("91330106MA2H3K7D8"), Some('R'));
        assert_eq!(uscc_check_character("92440305L12345674"), Some('M'));
        assert_eq!(uscc_check_character("51110000500001237"), Some('N'));
        assert_eq!(org_code_check_character("MA2H3K7D"), Some('8'));
        assert_eq!(org_code_check_character("L1234567"), Some('4'));
        assert_eq!(org_code_check_character("50000123"), Some('7'));
        assert_eq!(org_code_check_character("60003734"), Some('1'));
        assert_eq!(uscc_check_character("too short"), None);
        assert_eq!(org_code_check_character("MA2H3K7"), None);
        assert_eq!(org_code_check_character("MA2H3K7D9"), None);
    }

    #[test]
    fn fujian_anomalies_parse_with_a_warning() {
        for (code, expected, found) in [
            ("91350100M0001TGQXM", '1', 'M'),
            ("91350211M0000XUF46", 'R', '6'),
            ("91350203M0001FUE2P", 'J', 'P'),
        ] {
            let parsed = ok(code);
            assert_eq!(
                parsed.warnings().first(),
                Some(&UsccWarning::CheckCharacter { expected, found }),
                "{code}"
            );
            assert_eq!(parsed.as_str(), code);
        }
    }

    #[test]
    fn org_code_check_failure_is_a_warning() {
        // Org check of MA2H3K7D is 8; write 9 and recompute the final check so that only the
        // embedded check fails.
        let first17 = "91330106MA2H3K7D9";
        let last = uscc_check_character(first17).unwrap();
        let code = ok(&format!("{first17}{last}"));
        assert_eq!(
            code.warnings(),
            &[UsccWarning::OrgCodeCheck {
                expected: '8',
                found: '9'
            }]
        );
    }

    #[test]
    fn normalisation() {
        assert_eq!(ok(" 91330106ma2h3k7d8r ").as_str(), "91330106MA2H3K7D8R");
        assert_eq!(
            ok("９１３３０１０６ＭＡ２Ｈ３Ｋ７Ｄ８Ｒ").as_str(),
            "91330106MA2H3K7D8R"
        );
        assert_eq!(ok("913301 06MA2H 3K7D8R").as_str(), "91330106MA2H3K7D8R");
    }

    #[test]
    fn errors() {
        assert_eq!(err(""), UsccError::Format(FormatError::Empty));
        assert_eq!(
            err("9133010"),
            UsccError::Format(FormatError::Length { found: 7 })
        );
        assert_eq!(
            err("91330106MA2H3K7DOR"),
            UsccError::ForbiddenLetter {
                position: 17,
                found: 'O'
            }
        );
        assert_eq!(
            err("91330106ma2h3k7dis"),
            UsccError::ForbiddenLetter {
                position: 17,
                found: 'I'
            }
        );
        assert_eq!(
            err("91330106MA2H3K7D8-"),
            UsccError::Format(FormatError::Character {
                position: 18,
                found: '-'
            })
        );
        assert_eq!(
            err("9133A106MA2H3K7D8R"),
            UsccError::DivisionDigit {
                position: 5,
                found: 'A'
            }
        );
        assert_eq!(err("91330106MA2H3K7D8是").code(), "uscc.character");
    }

    #[test]
    fn departments_and_categories() {
        let unverified = ok(&{
            let first17 = "A1110000500001237";
            format!("{first17}{}", uscc_check_character(first17).unwrap())
        });
        assert_eq!(
            unverified.registering_dept(),
            RegisteringDept::Unverified('A')
        );
        assert_eq!(unverified.registering_dept().zh(), "其他/未知");
        assert_eq!(unverified.category(), None);
        let other = ok(&{
            let first17 = "Y1110000500001237";
            format!("{first17}{}", uscc_check_character(first17).unwrap())
        });
        assert_eq!(other.registering_dept(), RegisteringDept::Other);
        assert_eq!(other.category(), None);
    }

    #[test]
    fn mod11_10_vectors() {
        // Test vectors of the ISO 7064 MOD 11,10 implementations in python-stdnum and its
        // Java port.
        assert_eq!(mod11_10_check("79462"), Some('3'));
        assert_eq!(mod11_10_check("00200667308"), Some('5'));
        assert_eq!(mod11_10_check("1a"), None);
    }

    #[test]
    fn registration_numbers() {
        // Example cited as "from GS 15-2006" in a public checker (0x376h/ChineseNoReco).
        let reg = RegistrationNumber::parse("110108000000016").unwrap();
        assert!(reg.warnings().is_empty());
        assert_eq!(reg.authority_code(), "110108");
        let bad = Uscc::parse_reg_no("110108000000017").unwrap();
        assert_eq!(
            bad.warnings(),
            &[RegNoWarning::CheckDigit {
                expected: '6',
                found: '7'
            }]
        );
        assert_eq!(
            RegistrationNumber::parse("11010800000001"),
            Err(RegNoError::Format(FormatError::Length { found: 14 }))
        );
        assert_eq!(
            RegistrationNumber::parse("11010800000001X"),
            Err(RegNoError::Format(FormatError::Character {
                position: 15,
                found: 'X'
            }))
        );
        assert_eq!(
            RegistrationNumber::parse(" "),
            Err(RegNoError::Format(FormatError::Empty))
        );
    }

    #[test]
    fn firm_ids_are_classified_by_length() {
        assert!(matches!(
            FirmId::parse("110108000000016"),
            Ok(FirmId::RegNo(_))
        ));
        assert!(matches!(
            FirmId::parse("91330106MA2H3K7D8R"),
            Ok(FirmId::Uscc(_))
        ));
        assert_eq!(
            FirmId::parse("1101080000000"),
            Err(UsccError::Format(FormatError::Length { found: 13 }))
        );
    }
}
