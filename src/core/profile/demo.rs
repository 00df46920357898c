//! The demo profile of the sample forms: a made-up household with a firm. The owner's ID
//! number is the worked GB 11643 example of the reference material.

use std::collections::BTreeMap;

use super::{
    AgentLink, Data, FirmRecord, PersonRecord, Profile, Relation, Role, RoleLink, Source, Values,
};
use crate::core::dictionary::Key;
use crate::core::ids::mod11_2_check;

const STAMP: &str = "2026-01-01T00:00:00Z";

fn values(pairs: &[(Key, &str)]) -> Values {
    let mut v = Values::default();
    for (key, text) in pairs {
        v.set(
            *key,
            Data::Text((*text).to_string()),
            Source::SelfDeclared,
            STAMP,
        );
    }
    v
}

fn person(id: &str, relation: Relation, pairs: &[(Key, &str)]) -> PersonRecord {
    PersonRecord {
        id: id.into(),
        relation,
        values: values(pairs),
        unknown: BTreeMap::new(),
    }
}

fn role(role: Role, person: &str, pairs: &[(Key, &str)]) -> RoleLink {
    RoleLink {
        role,
        person: person.into(),
        values: values(pairs),
        unknown: BTreeMap::new(),
    }
}

/// An 18-character ID number with its check character.
fn id_number(body: &[u8; 17]) -> String {
    format!("{}{}", String::from_utf8_lossy(body), mod11_2_check(body))
}

impl Profile {
    /// The demo household: 王小明 (owner), his spouse 李华 and their child, and a limited
    /// company in which both hold roles.
    pub fn demo() -> Self {
        use Key::*;
        let child_id = id_number(b"11010520240315003");
        let mut agent_values = values(&[
            (AgentTermFrom, "2026-01-01"),
            (AgentTermTo, "2026-12-31"),
            (AgentRelation, "10"),
        ]);
        agent_values.set(
            AgentScope,
            Data::List(vec![
                "修改材料".into(),
                "签署文件".into(),
                "领取证照".into(),
            ]),
            Source::SelfDeclared,
            STAMP,
        );
        Profile {
            version: super::PROFILE_VERSION,
            persons: vec![
                person(
                    "p1",
                    Relation::Owner,
                    &[
                        (PersonName, "王小明"),
                        (PersonNameLatin, "WANG XIAOMING"),
                        (PersonSex, "1"),
                        (PersonBirthDate, "1990-03-07"),
                        (PersonEthnicity, "01"),
                        (PersonNationality, "CHN"),
                        (PersonIdNumber, "110105199003071239"),
                        (
                            PersonHukouAddress,
                            "北京市朝阳区建国路88号院3号楼2单元501室",
                        ),
                        (PersonMaritalStatus, "20"),
                        (PersonPoliticalStatus, "13"),
                        (PersonEducation, "21"),
                        (ContactMobile, "13800138000"),
                        (ContactEmail, "wangxm@example.com"),
                        (ContactPostalCode, "100022"),
                    ],
                ),
                person(
                    "p2",
                    Relation::Spouse,
                    &[
                        (PersonName, "李华"),
                        (PersonSex, "2"),
                        (PersonBirthDate, "1985-12-31"),
                        (PersonEthnicity, "01"),
                        (PersonIdNumber, "440305198512310421"),
                        (ContactMobile, "13900139000"),
                    ],
                ),
                person(
                    "p3",
                    Relation::Child,
                    &[
                        (PersonName, "王小宝"),
                        (PersonSex, "1"),
                        (PersonBirthDate, "2024-03-15"),
                        (PersonEthnicity, "01"),
                        (PersonIdNumber, &child_id),
                    ],
                ),
            ],
            firms: vec![FirmRecord {
                id: "f1".into(),
                values: values(&[
                    (FirmName, "杭州示例科技有限公司"),
                    (FirmUscc, "91330106MA2H3K7D8R"),
                    (FirmType, "有限责任公司（自然人投资或控股）"),
                    (FirmEstablished, "2021-05-18"),
                    (FirmTermFrom, "2021-05-18"),
                    (FirmTermTo, "长期"),
                    (FirmRegCapital, "100"),
                    (
                        FirmBusinessScope,
                        "一般项目：技术服务、技术开发、技术咨询。",
                    ),
                    (FirmDomicile, "浙江省杭州市西湖区文三路100号5幢301室"),
                    (FirmEmployees, "12"),
                    (ContactLandline, "0571-88881234"),
                    (ContactPostalCode, "310012"),
                ]),
                roles: vec![
                    role(Role::LegalRep, "p1", &[(RolePosition, "执行董事")]),
                    role(Role::FinanceOfficer, "p2", &[]),
                    role(Role::Liaison, "p1", &[]),
                    role(
                        Role::Shareholder,
                        "p1",
                        &[
                            (RoleSubscribedWan, "60"),
                            (RoleContributionMethod, "货币"),
                            (RoleContributionDue, "2030-12-31"),
                        ],
                    ),
                    role(
                        Role::Shareholder,
                        "p2",
                        &[
                            (RoleSubscribedWan, "40"),
                            (RoleContributionMethod, "货币"),
                            (RoleContributionDue, "2030-12-31"),
                        ],
                    ),
                ],
                unknown: BTreeMap::new(),
            }],
            agents: vec![AgentLink {
                person: "p2".into(),
                principal: "f1".into(),
                values: agent_values,
                unknown: BTreeMap::new(),
            }],
            learned: Vec::new(),
            filled_forms: Vec::new(),
            disclosures: Vec::new(),
            credentials: Vec::new(),
            unknown: BTreeMap::new(),
        }
    }
}
