//! The code tables: sizes, spot checks against the reference, the division hierarchy and the
//! history of retired codes used for GB 11643 address codes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::codes::{
    self, AddressCodeStatus, IdDocumentType, IdDomain, Level, TableId, id_address_status,
};

fn names(path: &[&codes::Division]) -> Vec<&'static str> {
    path.iter().map(|d| d.name).collect()
}

#[test]
fn division_table_sizes() {
    let all = codes::all_divisions();
    assert_eq!(all.len(), 3214);
    let count = |level| all.iter().filter(|d| d.level == level).count();
    assert_eq!(count(Level::Province), 34);
    assert_eq!(count(Level::Prefecture), 333);
    assert_eq!(count(Level::County), 2847);
    assert_eq!(codes::provinces().len(), 34);
    assert!(all.windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn spot_checks() {
    let chaoyang = codes::division("110105").unwrap();
    assert_eq!(chaoyang.name, "朝阳区");
    assert_eq!(chaoyang.level, Level::County);
    assert_eq!(
        chaoyang.parent,
        Some("110000"),
        "直辖市 districts hang off the province"
    );
    assert_eq!(names(&codes::division_path("110105")), ["北京市", "朝阳区"]);

    let xihu = codes::division("330106").unwrap();
    assert_eq!((xihu.name, xihu.parent), ("西湖区", Some("330100")));
    let hangzhou = codes::division("330100").unwrap();
    assert_eq!(
        (hangzhou.name, hangzhou.parent, hangzhou.level),
        ("杭州市", Some("330000"), Level::Prefecture)
    );
    assert_eq!(
        names(&codes::division_path("330106")),
        ["浙江省", "杭州市", "西湖区"]
    );

    assert_eq!(
        names(&codes::division_path("440305")),
        ["广东省", "深圳市", "南山区"]
    );

    // 2024–25 changes from the reference.
    assert_eq!(
        names(&codes::division_path("653228")),
        ["新疆维吾尔自治区", "和田地区", "和康县"]
    );
    assert_eq!(
        names(&codes::division_path("653229")),
        ["新疆维吾尔自治区", "和田地区", "和安县"]
    );
    assert_eq!(codes::division("653132").map(|d| d.name), Some("岑岭县"));
    assert_eq!(codes::division("659013").map(|d| d.name), Some("草湖市"));
    assert_eq!(codes::division("460302").map(|d| d.name), Some("西沙区"));

    // 两江新区 is an administrative district since 2025-11 (see data/codes/divisions.SOURCE).
    assert_eq!(
        names(&codes::division_path("500157")),
        ["重庆市", "两江新区"]
    );
    assert_eq!(codes::division("500105"), None);
    assert_eq!(codes::division("500112"), None);

    // 省直辖 county-level cities and prefectures without counties.
    assert_eq!(names(&codes::division_path("429004")), ["湖北省", "仙桃市"]);
    assert!(codes::children("441900").is_empty(), "东莞 has no counties");
    assert_eq!(codes::division("710000").map(|d| d.name), Some("台湾省"));
    assert!(codes::children("710000").is_empty());
    assert!(
        codes::division("110100").is_none(),
        "no 市辖区 grouping rows"
    );
}

#[test]
fn hierarchy_is_consistent() {
    for d in codes::all_divisions() {
        let short = d.short_name();
        assert!(d.name.starts_with(short), "{d:?}");
        match d.level {
            Level::Province => {
                assert_eq!(d.parent, None, "{d:?}");
                assert!(d.code.ends_with("0000"), "{d:?}");
            }
            Level::Prefecture => {
                let p = codes::division(d.parent.unwrap()).unwrap();
                assert_eq!(p.level, Level::Province, "{d:?}");
                assert_eq!(&d.code[..2], &p.code[..2]);
            }
            Level::County => {
                let p = codes::division(d.parent.unwrap()).unwrap();
                assert_eq!(&d.code[..2], &p.code[..2], "{d:?}");
                if p.level == Level::Province {
                    assert!(
                        p.is_municipality() || &d.code[2..4] == "90",
                        "only 直辖市 and 省直辖 counties sit right under a province: {d:?}"
                    );
                } else {
                    assert_eq!(&d.code[..4], &p.code[..4], "{d:?}");
                }
            }
            other => panic!("unexpected level {other:?}"),
        }
    }
}

#[test]
fn children_and_names() {
    let hangzhou: Vec<_> = codes::children("330100").iter().map(|d| d.name).collect();
    assert!(
        hangzhou.contains(&"西湖区") && hangzhou.contains(&"余杭区"),
        "{hangzhou:?}"
    );
    assert!(
        codes::children("110000")
            .iter()
            .all(|d| d.level == Level::County)
    );
    assert_eq!(codes::children("110000").len(), 16);
    assert!(codes::children("999999").is_empty());
    assert!(codes::children("").is_empty());

    let xihu: Vec<_> = codes::find_by_name("西湖区")
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(xihu, ["330106", "360103"]);
    assert_eq!(codes::find_by_name("西湖").len(), 2);
    assert_eq!(
        codes::find_by_name("内蒙古").first().map(|d| d.code),
        Some("150000")
    );
    assert_eq!(codes::division("330000").unwrap().short_name(), "浙江");
}

#[test]
fn id_address_codes() {
    assert_eq!(id_address_status("110105"), AddressCodeStatus::Current);
    assert_eq!(id_address_status("330000"), AddressCodeStatus::Current);
    assert_eq!(id_address_status("810000"), AddressCodeStatus::Current);
    assert_eq!(
        id_address_status("830000"),
        AddressCodeStatus::Current,
        "港澳台居民居住证, Taiwan"
    );
    // 崇文区 and 宣武区 were merged into 东城区/西城区 in 2010.
    assert_eq!(id_address_status("110103"), AddressCodeStatus::Historical);
    let chongwen = codes::retired("110103");
    assert_eq!(chongwen.len(), 1);
    assert_eq!(
        (chongwen[0].name, chongwen[0].valid_to),
        ("崇文区", Some(2010))
    );
    // The standard's own Annex A example carries 440524 (潮阳县).
    assert_eq!(id_address_status("440524"), AddressCodeStatus::Historical);
    // Retired with the 2025 Chongqing change.
    assert_eq!(id_address_status("500105"), AddressCodeStatus::Historical);
    assert_eq!(
        codes::retired("500112").last().and_then(|r| r.valid_to),
        Some(2025)
    );
    // Unknown is a warning for the caller, never an error; odd input is simply unknown.
    for odd in [
        "999999",
        "000000",
        "11010",
        "1101055",
        "abcdef",
        "",
        "  ",
        "１１０１０５",
    ] {
        assert_eq!(
            id_address_status(odd),
            AddressCodeStatus::Unknown,
            "{odd:?}"
        );
    }
    assert_eq!(id_address_status(" 110105 "), AddressCodeStatus::Current);
}

#[test]
fn history_never_overlaps_the_current_table() {
    let mut seen = 0;
    for code in (110000..=830000).step_by(1) {
        let code = format!("{code:06}");
        let retired = codes::retired(&code);
        if !retired.is_empty() {
            seen += 1;
            assert!(codes::division(&code).is_none(), "{code}");
            for r in retired {
                if let (Some(from), Some(to)) = (r.valid_from, r.valid_to) {
                    assert!(from <= to, "{r:?}");
                }
            }
        }
    }
    assert!(seen > 3000, "{seen}");
}

#[test]
fn data_files_say_where_they_come_from() {
    for text in [
        include_str!("../data/codes/divisions.csv"),
        include_str!("../data/codes/divisions_history.csv"),
        include_str!("../data/codes/countries.csv"),
    ] {
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("# source: "), "{first}");
        assert!(
            first.contains("0.4.0") || first.contains("8.5.8"),
            "{first}"
        );
    }
}

#[test]
fn small_table_sizes() {
    let size = |id| codes::table(id).len();
    assert_eq!(size(TableId::Sex), 4);
    assert_eq!(size(TableId::MaritalStatus), 8);
    assert_eq!(size(TableId::Ethnicity), 58);
    assert_eq!(size(TableId::PoliticalStatus), 13);
    assert_eq!(size(TableId::Education), 40);
    assert_eq!(size(TableId::FamilyRelation), 84);
    assert_eq!(size(TableId::HukouType), 15);
    assert_eq!(size(TableId::Country), 249);
    assert_eq!(size(TableId::IdDocumentType), 11);
    let codes_of = |id| codes::table(id).iter().map(|c| c.code).collect::<Vec<_>>();
    assert_eq!(codes_of(TableId::Sex), ["0", "1", "2", "9"]);
    assert_eq!(
        codes_of(TableId::MaritalStatus),
        ["10", "20", "21", "22", "23", "30", "40", "90"]
    );
    let political = codes_of(TableId::PoliticalStatus);
    assert_eq!(political.first(), Some(&"01"));
    assert_eq!(political.last(), Some(&"13"));
}

#[test]
fn lookups_for_selects() {
    let code = |id, q| codes::lookup(id, q).map(|c| c.code);
    assert_eq!(code(TableId::Sex, "男"), Some("1"));
    assert_eq!(code(TableId::Sex, "2"), Some("2"));
    assert_eq!(code(TableId::MaritalStatus, "离婚"), Some("40"));
    assert_eq!(code(TableId::PoliticalStatus, "中共党员"), Some("01"));
    assert_eq!(code(TableId::PoliticalStatus, "群众"), Some("13"));
    assert_eq!(code(TableId::PoliticalStatus, "无党派人士"), Some("12"));
    assert_eq!(code(TableId::Education, "大学本科毕业"), Some("21"));
    assert_eq!(code(TableId::Education, "大专"), Some("31"));
    assert_eq!(code(TableId::FamilyRelation, "外甥女"), Some("96"));
    assert_eq!(code(TableId::FamilyRelation, "非亲属"), Some("99"));
    assert_eq!(code(TableId::HukouType, "农业户口"), Some("20"));
    assert_eq!(code(TableId::Ethnicity, "UG"), Some("05"));
    assert_eq!(code(TableId::Country, "中国"), Some("CHN"));
    assert_eq!(code(TableId::Country, "156"), Some("CHN"));
    assert_eq!(code(TableId::Country, "香港"), Some("HKG"));
    assert_eq!(code(TableId::Country, "ss"), Some("SSD"));
    assert_eq!(code(TableId::Country, "729"), Some("SDN"));
    assert_eq!(
        code(TableId::IdDocumentType, "台胞证"),
        Some("taiwan_permit")
    );
    assert_eq!(
        code(TableId::IdDocumentType, "居民身份证"),
        Some("resident_id_card")
    );
    assert_eq!(code(TableId::Education, "学前班"), None);
    assert_eq!(code(TableId::Country, ""), None);
}

#[test]
fn countries_have_all_three_codes() {
    let cn = codes::country("CN").unwrap();
    assert_eq!(
        (cn.alpha2, cn.alpha3, cn.numeric, cn.name_zh),
        ("CN", "CHN", "156", "中国")
    );
    let tw = codes::country("TWN").unwrap();
    assert_eq!((tw.numeric, tw.name_zh), ("158", "中国台湾"));
    assert!(
        codes::country("AN").is_none(),
        "Netherlands Antilles was withdrawn in 2010"
    );
    let mut alpha3: Vec<_> = codes::countries().iter().map(|c| c.alpha3).collect();
    alpha3.sort_unstable();
    alpha3.dedup();
    assert_eq!(alpha3.len(), codes::countries().len());
}

#[test]
fn id_document_codes_per_domain() {
    use IdDocumentType as T;
    let row = |t: T| [IdDomain::RealEstate, IdDomain::Health, IdDomain::Tax].map(|d| t.code_in(d));
    assert_eq!(row(T::ResidentIdCard), [Some("1"), Some("01"), Some("201")]);
    assert_eq!(row(T::HouseholdRegister), [Some("4"), Some("02"), None]);
    assert_eq!(
        row(T::ChinesePassport),
        [Some("3"), Some("03"), Some("227")]
    );
    assert_eq!(
        row(T::ForeignPassport),
        [Some("3"), Some("03"), Some("208")]
    );
    assert_eq!(row(T::MilitaryId), [Some("5"), Some("04"), Some("202")]);
    assert_eq!(row(T::HkMacaoPermit), [Some("2"), Some("06"), Some("210")]);
    assert_eq!(row(T::TaiwanPermit), [Some("2"), Some("07"), Some("213")]);
    assert_eq!(
        row(T::ForeignPermanentResidentId),
        [None, None, Some("233")]
    );
    assert_eq!(row(T::HkMacaoTaiwanResidencePermit), [None, None, None]);
    assert_eq!(row(T::BusinessLicence), [Some("8"), None, None]);
    assert_eq!(row(T::Other), [Some("99"), Some("99"), None]);
    assert_eq!(T::ResidentIdCard.name(), "居民身份证");
    assert_eq!(T::from_key("taiwan_permit"), Some(T::TaiwanPermit));
    assert_eq!(
        T::from_code(IdDomain::RealEstate, "4"),
        Some(T::HouseholdRegister)
    );
    let json = serde_json::to_string(&T::HkMacaoPermit).unwrap();
    assert_eq!(json, "\"hk_macao_permit\"");
    assert_eq!(serde_json::from_str::<T>(&json).unwrap(), T::HkMacaoPermit);
}

#[test]
fn countries_in_the_order_a_person_looks_for_them() {
    let rows = codes::countries();
    assert_eq!(rows[0].name_zh, "中国");
    let mut next: Vec<&str> = rows[1..4].iter().map(|r| r.alpha2).collect();
    next.sort_unstable();
    assert_eq!(next, ["HK", "MO", "TW"]);
    assert!(rows[4..].windows(2).all(|w| w[0].name_zh < w[1].name_zh));
    // The table's codes (what the pickers list) follow the same order.
    let table = codes::table(TableId::Country);
    assert_eq!(table[0].code, "CHN");
    assert!(rows.iter().zip(table).all(|(r, c)| r.alpha3 == c.code));
}
