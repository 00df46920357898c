//! Several people on one form: whose each block is (男方 and 女方, 权利人 and 义务人, 申请人 and
//! 代办人), as the profile decides it and, where it cannot, as the person answers once in
//! review.
//!
//! The profile decides a block by sex (男方 is whichever of the owner and the spouse is male),
//! by relation (配偶, 子女, 父亲), by a firm's role link (法定代表人) or a mandate (代办人); the
//! applicant's own block is the owner's. When a form has blocks for two or more people and one
//! of them is left undecided — a role the profile cannot single out, or a third party it might
//! hold (义务人, 联系人, 监护人) — the plan carries a [`Question`]: every block with who fills it
//! now and why, and the people of the profile as [`Choice`]s (relation and masked name), with
//! 不填. The answer is a [`Who`] per block, remembered for the form with its corrections
//! ([`crate::core::classify::learn::assign`]); one person is never chosen for two blocks
//! ([`Question::taken`]).

use serde::Serialize;

use crate::core::classify::{Classification, Verdict};
use crate::core::dictionary::Group;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::mask::mask_middle;
use crate::core::profile::{Profile, Relation};
use crate::core::role::{Role, RoleRef, Who};

/// How a block came to its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// The applicant's own block: the owner.
    Applicant,
    /// By sex among the owner and the spouse (男方, 女方, a child's father or mother).
    BySex,
    /// By the profile's relation, role link or mandate (配偶, 法定代表人, 代办人).
    ByRelation,
    /// Somebody does a firm's errand and the profile names no mandate: the owner.
    Errand,
    /// The person's own answer.
    Answer,
    /// Nobody yet: the person is asked.
    Open,
}

/// One block of the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Its role on the form; `None` for the applicant's own block.
    pub role: Option<RoleRef>,
    /// Who fills it now, if anybody is decided or chosen.
    pub who: Option<Who>,
    /// Why.
    pub how: How,
    /// The profile's record of that person (for telling one person from another).
    #[serde(skip)]
    person: Option<String>,
}

/// A person (or the firm) a block may be given to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Who.
    pub who: Who,
    /// The name, masked (王*明, 李*).
    pub name: String,
    #[serde(skip)]
    person: Option<String>,
}

/// "This form has two people: who is each?", with the blocks and the choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The form's blocks, in document order.
    pub blocks: Vec<Block>,
    /// The people of the profile, owner first; 不填 is always a choice too.
    pub choices: Vec<Choice>,
}

impl Question {
    /// The other block `who` already fills, if any: one person is never chosen for two blocks.
    pub fn taken(&self, block: Option<RoleRef>, who: Who) -> Option<Option<RoleRef>> {
        let person = self
            .choices
            .iter()
            .find(|c| c.who == who)?
            .person
            .as_ref()?;
        self.blocks
            .iter()
            .find(|b| b.role != block && b.person.as_ref() == Some(person))
            .map(|b| b.role)
    }
}

/// What the form says that decides a block: whether it is a firm's form, and whether it has
/// one child's block only.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    firm: bool,
    one_child_block: bool,
}

impl Form {
    /// Reads it from the form's classification.
    pub fn of(classified: &[Classification]) -> Form {
        Form {
            // A firm's form: one that asks for a firm's own elements.
            firm: classified.iter().any(|c| {
                matches!(c.verdict, Verdict::Fill { key, .. } if key.element().group == Group::Firm)
            }),
            one_child_block: classified
                .iter()
                .filter_map(|c| c.role)
                .filter(|r| r.role == Role::Child)
                .all(|r| r.nth() == 0),
        }
    }
}

/// How the profile decides a block by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The role the block's values are looked up by (`None`: the owner's).
    pub fill: Option<RoleRef>,
    /// Why.
    pub how: How,
}

/// Whether a block of `role` is one of one child among several children in the profile:
/// which of them the form is about cannot be told.
pub fn several_children(profile: &Profile, role: RoleRef, form: Form) -> bool {
    role.role == Role::Child
        && form.one_child_block
        && profile
            .persons
            .iter()
            .filter(|p| p.relation == Relation::Child)
            .count()
            > 1
}

/// Whom the profile puts in a block of `role`, without asking; `None` when it cannot tell.
pub fn decide(profile: &Profile, role: RoleRef, form: Form) -> Option<Decision> {
    // 经办人/代理人 on a firm's form, when the profile names no mandate: the owner, who does
    // the firm's errands.
    if role.role == Role::Agent
        && role.nth() == 0
        && form.firm
        && profile.role_values(role).is_none()
    {
        return Some(Decision {
            fill: None,
            how: How::Errand,
        });
    }
    if several_children(profile, role, form) || profile.role_values(role).is_none() {
        return None;
    }
    Some(Decision {
        fill: Some(role),
        how: if role.role.by_sex() {
            How::BySex
        } else {
            How::ByRelation
        },
    })
}

/// Blocks that are never asked about: the firm's own details, the rows of a repeated firm
/// table (股东, 董事), a document's recipient and the deceased of a survivor's claim.
fn asked(role: Role) -> bool {
    !matches!(
        role,
        Role::Firm | Role::Shareholder | Role::Director | Role::Recipient | Role::Deceased
    )
}

/// The block a recognised field belongs to, when it is a person's the question may be about:
/// the applicant's own (`Some(None)`, for a person's details, not the firm's) or a role's.
pub fn block_of(class: &Classification) -> Option<Option<RoleRef>> {
    let Verdict::Fill { key, .. } = class.verdict else {
        return None;
    };
    match class.role {
        None => matches!(
            key.element().group,
            Group::Person | Group::Contact | Group::Document | Group::Family
        )
        .then_some(None),
        Some(r) => asked(r.role).then_some(Some(r)),
    }
}

/// The answer remembered for a block, if any.
pub fn answer(people: &[(Option<RoleRef>, Who)], block: Option<RoleRef>) -> Option<Who> {
    people.iter().find(|(b, _)| *b == block).map(|(_, w)| *w)
}

/// A name as review shows it: the surname and, for three characters or more, the last one.
fn masked(name: &str, firm: bool) -> String {
    let n = name.chars().count();
    match (firm, n) {
        (true, _) => mask_middle(name, 2, 2),
        (false, 0..=2) => mask_middle(name, 1, 0),
        _ => mask_middle(name, 1, 1),
    }
}

/// The people of the profile a block may be given to, owner first.
pub fn choices(profile: &Profile) -> Vec<Choice> {
    use crate::core::dictionary::Key;
    let name = |values: &crate::core::profile::Values| {
        values
            .text(Key::PersonName)
            .map(|n| masked(n, false))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    if let Some(owner) = profile.owner() {
        out.push(Choice {
            who: Who::Owner,
            name: name(&owner.values),
            person: Some(owner.id.clone()),
        });
    }
    for (relation, role) in [
        (Relation::Spouse, Role::Spouse),
        (Relation::Child, Role::Child),
        (Relation::Father, Role::Father),
        (Relation::Mother, Role::Mother),
    ] {
        let of: Vec<_> = profile
            .persons
            .iter()
            .filter(|p| p.relation == relation)
            .collect();
        for (n, p) in of.iter().enumerate() {
            out.push(Choice {
                who: Who::As(RoleRef {
                    role,
                    index: (of.len() > 1).then_some(n),
                }),
                name: name(&p.values),
                person: Some(p.id.clone()),
            });
        }
    }
    if let Some(firm) = profile.firms.first() {
        out.push(Choice {
            who: Who::As(RoleRef::new(Role::Firm)),
            name: firm
                .values
                .text(Key::FirmName)
                .map(|n| masked(n, true))
                .unwrap_or_default(),
            person: Some(firm.id.clone()),
        });
        for role in [Role::LegalRep, Role::FinanceOfficer, Role::Liaison] {
            let r = RoleRef::new(role);
            if let Some((values, _)) = profile.role_values(r) {
                out.push(Choice {
                    who: Who::As(r),
                    name: name(values),
                    person: profile.role_person_id(r),
                });
            }
        }
    }
    for n in 0..profile.agents.len() {
        let r = RoleRef {
            role: Role::Agent,
            index: (n > 0).then_some(n),
        };
        if let Some((values, _)) = profile.role_values(r) {
            out.push(Choice {
                who: Who::As(r),
                name: name(values),
                person: profile.role_person_id(r),
            });
        }
    }
    out
}

/// The record `who` points at.
fn person_of(profile: &Profile, who: Who) -> Option<String> {
    match who {
        Who::Owner => profile.owner().map(|p| p.id.clone()),
        Who::Nobody => None,
        Who::As(r) if r.role == Role::Firm => profile.firms.first().map(|f| f.id.clone()),
        Who::As(r) => profile.role_person_id(r),
    }
}

/// The question a form with several people needs, or `None` when the profile decides every
/// block (or the form has one person's block only). `people` are the person's remembered
/// answers: they fill their blocks and are shown as chosen.
pub fn question(
    profile: &Profile,
    classified: &[Classification],
    people: &[(Option<RoleRef>, Who)],
) -> Option<Question> {
    let form = Form::of(classified);
    let mut roles: Vec<Option<RoleRef>> = Vec::new();
    for block in classified.iter().filter_map(block_of) {
        if !roles.contains(&block) {
            roles.push(block);
        }
    }
    if roles.len() < 2 {
        return None;
    }
    let decided: Vec<Option<Decision>> = roles
        .iter()
        .map(|r| match r {
            None => Some(Decision {
                fill: None,
                how: How::Applicant,
            }),
            Some(r) => decide(profile, *r, form),
        })
        .collect();
    if decided.iter().all(Option::is_some) {
        return None;
    }
    let choices = choices(profile);
    // A decided block is shown as the choice of the same person (男方 → 本人（王*明）).
    let as_choice = |person: Option<String>| {
        choices
            .iter()
            .find(|c| person.is_some() && c.person == person)
            .map(|c| c.who)
    };
    let blocks = roles
        .iter()
        .zip(decided)
        .map(|(role, decision)| {
            if let Some(who) = answer(people, *role) {
                let person = person_of(profile, who);
                return Block {
                    role: *role,
                    who: Some(who),
                    how: How::Answer,
                    person,
                };
            }
            match decision {
                Some(d) => {
                    let person = match d.fill {
                        None => person_of(profile, Who::Owner),
                        Some(r) => person_of(profile, Who::As(r)),
                    };
                    Block {
                        role: *role,
                        who: as_choice(person.clone()).or(Some(match d.fill {
                            None => Who::Owner,
                            Some(r) => Who::As(r),
                        })),
                        how: d.how,
                        person,
                    }
                }
                None => Block {
                    role: *role,
                    who: None,
                    how: How::Open,
                    person: None,
                },
            }
        })
        .collect();
    Some(Question { blocks, choices })
}

/// A role's name for a person: 法定代表人, 股东（第2位）.
pub fn role_label(lang: Lang, role: RoleRef) -> String {
    let name = match lang {
        Lang::ZhCn => role.role.zh().to_string(),
        Lang::En => role.role.id().replace('_', " "),
    };
    match role.index {
        Some(i) => tr(
            lang,
            "role-nth",
            &[("role", Arg::Str(&name)), ("n", Arg::Num(i as i64 + 1))],
        ),
        None => name,
    }
}

/// A block's name: its role's, or 申请人 for the applicant's own.
pub fn block_label(lang: Lang, block: Option<RoleRef>) -> String {
    match block {
        Some(r) => role_label(lang, r),
        None => tr(lang, "people-applicant", &[]),
    }
}

/// Who, in words: 本人, 配偶, 本单位, 不填.
pub fn who_label(lang: Lang, who: Who) -> String {
    match who {
        Who::Owner => tr(lang, "people-owner", &[]),
        Who::Nobody => tr(lang, "people-nobody", &[]),
        Who::As(r) if r.role == Role::Firm => tr(lang, "people-firm", &[]),
        Who::As(r) => role_label(lang, r),
    }
}

impl Choice {
    /// The choice in words with the masked name: 配偶（李*）.
    pub fn label(&self, lang: Lang) -> String {
        let who = who_label(lang, self.who);
        match (self.name.is_empty(), lang) {
            (true, _) => who,
            (false, Lang::ZhCn) => format!("{who}（{}）", self.name),
            (false, Lang::En) => format!("{who} ({})", self.name),
        }
    }
}

impl Question {
    /// "此表有两位：男方、女方，分别是谁？"
    pub fn text(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::ZhCn => "、",
            Lang::En => ", ",
        };
        let blocks: Vec<String> = self
            .blocks
            .iter()
            .map(|b| block_label(lang, b.role))
            .collect();
        tr(
            lang,
            "people-question",
            &[
                ("count", Arg::Num(self.blocks.len() as i64)),
                ("blocks", Arg::Str(&blocks.join(sep))),
            ],
        )
    }

    /// The plain refusal when `who` already fills another block (see [`Question::taken`]).
    pub fn refusal(&self, lang: Lang, block: Option<RoleRef>, who: Who) -> Option<String> {
        let other = self.taken(block, who)?;
        Some(tr(
            lang,
            "people-taken",
            &[("block", Arg::Str(&block_label(lang, other)))],
        ))
    }
}
