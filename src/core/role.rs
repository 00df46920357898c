//! Whose a value is: a [`Role`] and, for blocks several people fill, which of them
//! ([`RoleRef`]). One type from the page to the profile: classification names the role of a
//! block (法定代表人信息, 股东（发起人）出资情况), mappings state it, the plan and review carry
//! it, and the profile looks the person up by it. The applicant is no role (`None`).
//!
//! A role is written as text only at the boundaries (JSON in and out, the command line,
//! review): its [`id`](Role::id) (`legal_rep`), numbered for repeated blocks (`shareholder[1]`).
//!
//! The profile's firm roles ([`FIRM_ROLES`]: 法定代表人, 财务负责人, 联络员, 股东, 董事, 监事,
//! 经理) are roles too, stored by the same ids. A form's 董事、监事、经理 block is
//! [`Role::Director`]; the firm roles it covers are [`Role::holders`].
//!
//! ```
//! use oncefill::core::role::{Role, RoleRef};
//! let r = RoleRef::parse("shareholder[1]").unwrap();
//! assert_eq!((r.role, r.index), (Role::Shareholder, Some(1)));
//! assert_eq!(r.to_string(), "shareholder[1]");
//! assert_eq!(Role::Director.holders(), &[Role::Director, Role::Supervisor, Role::Manager]);
//! ```
//!
//! This module depends on nothing else of the core.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whose details a block of a form asks for, or a firm's role a person holds, when it is not
/// the applicant's. The order is that of refusals naming several roles (法定代表人/经办人).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 法定代表人/负责人/经营者.
    LegalRep,
    /// 财务负责人.
    FinanceOfficer,
    /// 联络员.
    Liaison,
    /// 经办人/委托代理人/代理人.
    Agent,
    /// 股东（发起人）; one per row or block.
    Shareholder,
    /// On a form, the block of 董事、监事、经理, one per row; in a firm's record, 董事.
    Director,
    /// 监事 (a firm's role; forms ask for it in the [`Role::Director`] block).
    Supervisor,
    /// 经理 (a firm's role; forms ask for it in the [`Role::Director`] block).
    Manager,
    /// 联系人, 紧急联系人.
    Contact,
    /// 监护人.
    Guardian,
    /// 父亲.
    Father,
    /// 母亲.
    Mother,
    /// 配偶.
    Spouse,
    /// 户主.
    Householder,
    /// 子女, 新生儿; one per row or block.
    Child,
    /// 家庭成员, 共同申请人; one per row or block.
    Member,
    /// 义务人 (the other party of a real-property transaction).
    Obligor,
    /// 收件人: whoever receives a document by post.
    Recipient,
    /// 死者, 被继承人: the person a survivor's claim is about.
    Deceased,
    /// Somebody the rules have no name for (老人信息, 食品安全管理人员): not the applicant.
    Other,
    /// The firm itself (its own 联系电话, 邮政编码, 电子邮箱 on a firm's form), not a person in it.
    Firm,
    /// 父亲 on a form about a child (出生登记, 入学): the child's father, the owner or the
    /// spouse, not the owner's own father.
    ChildsFather,
    /// 母亲 on a form about a child: the child's mother.
    ChildsMother,
    /// 男方 on a marriage or birth form: the man of the couple, the owner or the spouse,
    /// whichever the profile says is male.
    MaleParty,
    /// 女方 on a marriage or birth form: the woman of the couple.
    FemaleParty,
}

/// The roles a form (and so a classification or a mapping) may name, in the order mapping
/// errors list them.
pub const FORM_ROLES: &[Role] = &[
    Role::LegalRep,
    Role::FinanceOfficer,
    Role::Liaison,
    Role::Agent,
    Role::Shareholder,
    Role::Director,
    Role::Contact,
    Role::Guardian,
    Role::Father,
    Role::Mother,
    Role::Spouse,
    Role::Householder,
    Role::Child,
    Role::Member,
    Role::Obligor,
    Role::Recipient,
    Role::Deceased,
    Role::Other,
    Role::Firm,
    Role::ChildsFather,
    Role::ChildsMother,
    Role::MaleParty,
    Role::FemaleParty,
];

/// The roles a person holds in a firm's record (the profile's `roles`).
pub const FIRM_ROLES: &[Role] = &[
    Role::LegalRep,
    Role::FinanceOfficer,
    Role::Liaison,
    Role::Shareholder,
    Role::Director,
    Role::Supervisor,
    Role::Manager,
];

/// The ids of [`FIRM_ROLES`], as serde's error lists the choices.
const FIRM_IDS: [&str; FIRM_ROLES.len()] = {
    let mut ids = [""; FIRM_ROLES.len()];
    let mut i = 0;
    while i < FIRM_ROLES.len() {
        ids[i] = FIRM_ROLES[i].id();
        i += 1;
    }
    ids
};

impl Role {
    /// The stable name used in JSON and output (`legal_rep`).
    pub const fn id(self) -> &'static str {
        match self {
            Role::LegalRep => "legal_rep",
            Role::FinanceOfficer => "finance_officer",
            Role::Liaison => "liaison",
            Role::Agent => "agent",
            Role::Shareholder => "shareholder",
            Role::Director => "director",
            Role::Supervisor => "supervisor",
            Role::Manager => "manager",
            Role::Contact => "contact",
            Role::Guardian => "guardian",
            Role::Father => "father",
            Role::Mother => "mother",
            Role::Spouse => "spouse",
            Role::Householder => "householder",
            Role::Child => "child",
            Role::Member => "member",
            Role::Obligor => "obligor",
            Role::Recipient => "recipient",
            Role::Deceased => "deceased",
            Role::Other => "other",
            Role::Firm => "firm",
            Role::ChildsFather => "childs_father",
            Role::ChildsMother => "childs_mother",
            Role::MaleParty => "male_party",
            Role::FemaleParty => "female_party",
        }
    }

    /// The form role with an [`id`](Self::id) (not numbered).
    pub fn from_id(id: &str) -> Option<Role> {
        FORM_ROLES.iter().copied().find(|r| r.id() == id)
    }

    /// The name forms print (for review: "about someone else (法定代表人)").
    pub fn zh(self) -> &'static str {
        match self {
            Role::LegalRep => "法定代表人",
            Role::FinanceOfficer => "财务负责人",
            Role::Liaison => "联络员",
            Role::Agent => "经办人/代理人",
            Role::Shareholder => "股东",
            Role::Director => "董事、监事、经理",
            Role::Supervisor => "监事",
            Role::Manager => "经理",
            Role::Contact => "联系人",
            Role::Guardian => "监护人",
            Role::Father => "父亲",
            Role::Mother => "母亲",
            Role::Spouse => "配偶",
            Role::Householder => "户主",
            Role::Child => "子女",
            Role::Member => "家庭成员",
            Role::Obligor => "义务人",
            Role::Recipient => "收件人",
            Role::Deceased => "死者",
            Role::Other => "他人",
            Role::Firm => "本单位",
            Role::ChildsFather => "孩子的父亲",
            Role::ChildsMother => "孩子的母亲",
            Role::MaleParty => "男方",
            Role::FemaleParty => "女方",
        }
    }

    /// Roles held by several people on one form: their blocks are numbered
    /// (`shareholder[0]`, `shareholder[1]`) instead of being refused as duplicates.
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Role::Shareholder | Role::Director | Role::Child | Role::Member
        )
    }

    /// Roles the profile finds by sex among the owner and the spouse (男方, 女方, a child's
    /// father or mother).
    pub fn by_sex(self) -> bool {
        matches!(
            self,
            Role::MaleParty | Role::FemaleParty | Role::ChildsFather | Role::ChildsMother
        )
    }

    /// The firm roles a form's block of this role is filled from: the 董事、监事、经理 block
    /// from any of the three, another firm role from itself; empty for roles that are not a
    /// firm's.
    pub fn holders(self) -> &'static [Role] {
        match self {
            Role::LegalRep => &[Role::LegalRep],
            Role::FinanceOfficer => &[Role::FinanceOfficer],
            Role::Liaison => &[Role::Liaison],
            Role::Shareholder => &[Role::Shareholder],
            Role::Director => &[Role::Director, Role::Supervisor, Role::Manager],
            _ => &[],
        }
    }
}

/// A firm's role as the profile stores it: one of [`FIRM_ROLES`], by id.
impl Serialize for Role {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
        let id = String::deserialize(d)?;
        FIRM_ROLES
            .iter()
            .copied()
            .find(|r| r.id() == id)
            .ok_or_else(|| serde::de::Error::unknown_variant(&id, &FIRM_IDS))
    }
}

/// Whose value: a role and, for a repeated block, which of its holders (from 0).
/// `shareholder` and `shareholder[0]` lead to the same person; the index is kept as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleRef {
    /// The role.
    pub role: Role,
    /// Which of several (`shareholder[1]` is 1), for repeated blocks.
    pub index: Option<usize>,
}

impl RoleRef {
    /// A role's only (or unnumbered) holder.
    pub fn new(role: Role) -> RoleRef {
        RoleRef { role, index: None }
    }

    /// Reads `legal_rep` or `shareholder[2]` (a role a form may name, see [`FORM_ROLES`]).
    pub fn parse(text: &str) -> Option<RoleRef> {
        let (base, index) = match text.split_once('[') {
            None => (text, None),
            Some((base, rest)) => {
                let digits = rest.strip_suffix(']')?;
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (base, Some(digits.parse().ok()?))
            }
        };
        Some(RoleRef {
            role: Role::from_id(base)?,
            index,
        })
    }

    /// Which holder, from 0 (an unnumbered role is its first holder).
    pub fn nth(self) -> usize {
        self.index.unwrap_or(0)
    }
}

impl From<Role> for RoleRef {
    fn from(role: Role) -> RoleRef {
        RoleRef::new(role)
    }
}

impl fmt::Display for RoleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}]", self.role.id()),
            None => f.write_str(self.role.id()),
        }
    }
}

/// Written as its text, `shareholder[1]`.
impl Serialize for RoleRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Who fills a block of a form with several people on it (男方 and 女方, 权利人 and 义务人), as
/// the person answers in review: the owner, whoever a role of the profile points at (配偶,
/// `child[1]`, 法定代表人, a mandate's 代办人, the firm), or nobody (不填). Written as text:
/// `self`, the role (`spouse`, `agent[0]`), `none`. It names a relation, never a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// The profile's owner.
    Owner,
    /// Whoever the role points at in the profile.
    As(RoleRef),
    /// Nobody: the block stays empty.
    Nobody,
}

impl Who {
    /// Reads `self`, `none` or a role (`spouse`, `child[1]`).
    pub fn parse(text: &str) -> Option<Who> {
        match text {
            "self" => Some(Who::Owner),
            "none" => Some(Who::Nobody),
            _ => RoleRef::parse(text).map(Who::As),
        }
    }
}

impl fmt::Display for Who {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Who::Owner => f.write_str("self"),
            Who::Nobody => f.write_str("none"),
            Who::As(role) => role.fmt(f),
        }
    }
}

impl Serialize for Who {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Who {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Who, D::Error> {
        let text = String::deserialize(d)?;
        Who::parse(&text).ok_or_else(|| serde::de::Error::custom("not a person of the profile"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_print_as_they_parse() {
        for text in ["legal_rep", "shareholder[0]", "child[12]", "childs_mother"] {
            assert_eq!(
                RoleRef::parse(text).map(|r| r.to_string()).as_deref(),
                Some(text)
            );
        }
        assert_eq!(
            serde_json::to_string(&RoleRef::parse("director[1]")).unwrap(),
            "\"director[1]\""
        );
        // Firm roles a form never names alone.
        assert_eq!(RoleRef::parse("supervisor"), None);
        assert_eq!(RoleRef::parse("applicant"), None);
        for text in ["self", "none", "spouse", "agent[0]", "legal_rep"] {
            assert_eq!(
                Who::parse(text).map(|w| w.to_string()).as_deref(),
                Some(text)
            );
        }
        assert_eq!(Who::parse("李华"), None);
    }

    #[test]
    fn firm_roles_are_stored_by_their_ids() {
        for role in FIRM_ROLES {
            let json = serde_json::to_string(role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.id()));
            assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), *role);
        }
        let e = serde_json::from_str::<Role>("\"agent\"").unwrap_err();
        assert!(e.to_string().contains("unknown variant `agent`"), "{e}");
    }

    #[test]
    fn only_firm_roles_have_holders() {
        for role in FORM_ROLES {
            let holders = role.holders();
            assert!(holders.iter().all(|h| FIRM_ROLES.contains(h)), "{role:?}");
            assert_eq!(holders.is_empty(), !FIRM_ROLES.contains(role), "{role:?}");
        }
    }
}
