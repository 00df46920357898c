//! Addresses: table-driven parsing cases (tests/data/address/*.tsv), rendering, validation,
//! the JSON form, and two properties: parsing never loses a character, and parsing a rendered
//! structured address gives the structure back.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use std::collections::BTreeSet;

use oncefill::core::address::{
    Address, AddressField, AddressIssue, ParseWarning, parse_one_line, render_one_line, validate,
};
use oncefill::core::codes::{self, Level};
use oncefill::core::i18n::Lang;
use proptest::prelude::*;

/// The data rows of a TSV case file: no comments, no header; `-` becomes `None`.
fn cases(text: &str) -> Vec<Vec<Option<String>>> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            l.split('\t')
                .map(|f| (f != "-").then(|| f.to_string()))
                .collect()
        })
        .collect()
}

fn assert_keeps_every_character(input: &str) {
    let parsed = parse_one_line(input);
    let rendered = render_one_line(&parsed.address);
    let have: BTreeSet<char> = rendered.chars().collect();
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        assert!(
            have.contains(&c),
            "{c:?} of {input:?} is missing from {rendered:?}"
        );
    }
}

#[test]
fn division_cases() {
    let rows = cases(include_str!("data/address/divisions.tsv"));
    assert!(rows.len() >= 30);
    for row in rows {
        let [input, province, city, county, unplaced] = row.as_slice() else {
            panic!("bad row {row:?}");
        };
        let input = input.clone().unwrap_or_default();
        let p = parse_one_line(&input);
        let got = [&p.address.province, &p.address.city, &p.address.county];
        assert_eq!(got, [province, city, county], "{input}: {p:?}");
        assert_eq!(
            p.unplaced,
            unplaced.clone().unwrap_or_default(),
            "{input}: {p:?}"
        );
        if !p.unplaced.is_empty() {
            assert!(
                p.warnings
                    .iter()
                    .any(|w| matches!(w, ParseWarning::Unplaced { .. })),
                "{input}: {p:?}"
            );
        }
        assert_keeps_every_character(&input);
    }
}

#[test]
fn part_cases() {
    let rows = cases(include_str!("data/address/parts.tsv"));
    assert!(rows.len() >= 10);
    for row in rows {
        let [input, township, village, road, house_no, detail] = row.as_slice() else {
            panic!("bad row {row:?}");
        };
        let input = input.clone().unwrap_or_default();
        let a = parse_one_line(&input).address;
        let got = [&a.township, &a.village, &a.road, &a.house_no, &a.detail];
        assert_eq!(got, [township, village, road, house_no, detail], "{input}");
        assert_keeps_every_character(&input);
    }
}

#[test]
fn rendering() {
    let a = Address {
        province: Some("330000".into()),
        city: Some("330100".into()),
        county: Some("330106".into()),
        township: Some("西溪街道".into()),
        road: Some("文三路".into()),
        house_no: Some("478号".into()),
        detail: Some("华星时代广场A座1203室".into()),
        ..Address::default()
    };
    assert_eq!(
        render_one_line(&a),
        "浙江省杭州市西湖区西溪街道文三路478号华星时代广场A座1203室"
    );

    // 直辖市 once; a bare number gets 号; the province is always written.
    let beijing = Address {
        province: Some("110000".into()),
        county: Some("110105".into()),
        road: Some("建国路".into()),
        house_no: Some("88".into()),
        ..Address::default()
    };
    assert_eq!(render_one_line(&beijing), "北京市朝阳区建国路88号");
    let county_only = Address {
        county: Some("440305".into()),
        ..Address::default()
    };
    assert_eq!(render_one_line(&county_only), "广东省深圳市南山区");
    assert_eq!(render_one_line(&Address::default()), "");
}

#[test]
fn validation_issues() {
    let good = Address {
        province: Some("330000".into()),
        city: Some("330100".into()),
        county: Some("330106".into()),
        ..Address::default()
    };
    assert_eq!(validate(&good), Ok(()));
    let beijing = Address {
        province: Some("110000".into()),
        county: Some("110105".into()),
        ..Address::default()
    };
    assert_eq!(validate(&beijing), Ok(()));

    let codes_of = |a: &Address| -> Vec<&'static str> {
        validate(a)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|i| i.code())
            .collect()
    };
    let missing = Address {
        province: None,
        ..good.clone()
    };
    assert_eq!(codes_of(&missing), ["address.province.missing"]);
    let outside = Address {
        county: Some("440305".into()),
        ..good.clone()
    };
    assert_eq!(codes_of(&outside), ["address.county.outside"]);
    let wrong_city = Address {
        city: Some("440300".into()),
        county: None,
        ..good.clone()
    };
    assert_eq!(codes_of(&wrong_city), ["address.city.outside"]);
    let wrong_province = Address {
        province: Some("110000".into()),
        county: Some("330106".into()),
        ..Address::default()
    };
    assert_eq!(
        codes_of(&wrong_province),
        ["address.county.outside-province"]
    );
    let unknown = Address {
        county: Some("330199".into()),
        ..good.clone()
    };
    assert_eq!(
        validate(&unknown),
        Err(vec![AddressIssue::UnknownCode {
            field: AddressField::County,
            code: "330199".into()
        }])
    );
    let retired = Address {
        province: Some("110000".into()),
        county: Some("110103".into()),
        ..Address::default()
    };
    assert_eq!(codes_of(&retired), ["address.code.retired"]);
    let level = Address {
        city: Some("330106".into()),
        county: None,
        ..good.clone()
    };
    assert_eq!(codes_of(&level), ["address.code.level"]);
    let nothing = Address::default();
    assert_eq!(codes_of(&nothing), ["address.province.missing"]);
}

#[test]
fn messages_read_as_sentences_in_both_languages() {
    let issues = [
        AddressIssue::ProvinceMissing,
        AddressIssue::UnknownCode {
            field: AddressField::County,
            code: "330199".into(),
        },
        AddressIssue::RetiredCode {
            field: AddressField::County,
            code: "110103".into(),
            name: "崇文区".into(),
        },
        AddressIssue::WrongLevel {
            field: AddressField::City,
            code: "330106".into(),
        },
        AddressIssue::CountyOutsideCity {
            county: "440305".into(),
            city: "330100".into(),
        },
    ];
    for issue in &issues {
        for lang in [Lang::ZhCn, Lang::En] {
            let text = issue.message(lang);
            assert!(
                !text.starts_with("address-") && text.chars().count() > 10,
                "{text}"
            );
        }
    }
    // A note names the member it is about, never the code or the division chosen there.
    let zh = issues[4].message(Lang::ZhCn);
    assert!(
        zh.contains("所选的县级") && zh.contains("所选的地级"),
        "{zh}"
    );
    let zh = issues[1].message(Lang::ZhCn);
    assert!(zh.contains("县级"), "{zh}");
    let en = issues[3].message(Lang::En);
    assert!(en.contains("prefecture-level"), "{en}");
    for issue in &issues {
        for lang in [Lang::ZhCn, Lang::En] {
            let text = issue.message(lang);
            for value in [
                "330199",
                "110103",
                "崇文区",
                "330106",
                "西湖区",
                "440305",
                "南山区",
                "330100",
                "杭州市",
            ] {
                assert!(!text.contains(value), "{text} quotes {value}");
            }
        }
    }

    let p = parse_one_line("杭州西湖区文三路1号大厦");
    assert!(
        p.warnings
            .iter()
            .any(|w| matches!(w, ParseWarning::Inferred { name } if name == "浙江省"))
    );
    let p = parse_one_line("朝阳区某某大厦");
    for w in &p.warnings {
        for lang in [Lang::ZhCn, Lang::En] {
            let text = w.message(lang);
            assert!(
                !text.starts_with("address-") && text.chars().count() > 10,
                "{text}"
            );
            // What was written stays in the editor; the note does not repeat it.
            for part in ["朝阳", "某某大厦"] {
                assert!(!text.contains(part), "{text} quotes {part}");
            }
        }
    }
    assert_eq!(
        p.warnings.iter().map(|w| w.code()).collect::<Vec<_>>(),
        [
            "address.parse.province",
            "address.parse.ambiguous",
            "address.parse.unplaced"
        ]
    );
}

#[test]
fn json_form() {
    let a = Address {
        province: Some("330000".into()),
        city: Some("330100".into()),
        county: Some("330106".into()),
        road: Some("文三路".into()),
        house_no: Some("478号".into()),
        ..Address::default()
    };
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        json,
        r#"{"province":"330000","city":"330100","county":"330106","road":"文三路","house_no":"478号"}"#
    );
    assert_eq!(serde_json::from_str::<Address>(&json).unwrap(), a);
    assert_eq!(
        serde_json::from_str::<Address>("{}").unwrap(),
        Address::default()
    );
}

/// Real division paths ending in a county, or in a prefecture that has no counties.
fn leaves() -> Vec<&'static codes::Division> {
    codes::all_divisions()
        .iter()
        .filter(|d| match d.level {
            Level::County => true,
            Level::Prefecture => codes::children(d.code).is_empty(),
            _ => false,
        })
        .collect()
}

fn structured() -> impl Strategy<Value = Address> {
    let township = prop::option::of(prop::sample::select(vec![
        "仓前街道",
        "城关镇",
        "龙泉乡",
        "南城街道",
        "五里店街道",
    ]));
    let village = prop::option::of(prop::sample::select(vec![
        "石桥村",
        "幸福社区",
        "新开村",
        "光明村委会",
    ]));
    let road = prop::sample::select(vec![
        "文三路",
        "建国路",
        "人民大道",
        "解放街",
        "青石巷",
        "中山北路",
        "长安大街",
        "百花胡同",
        "科苑南路",
    ]);
    let house_no = (
        prop::sample::select(vec!["", "甲"]),
        1u32..3000,
        prop::sample::select(vec!["号", "号院"]),
    )
        .prop_map(|(pre, n, suffix)| format!("{pre}{n}{suffix}"));
    let detail = prop::option::of(prop::sample::select(vec![
        "3幢2单元501室",
        "A座1203室",
        "5楼",
        "华星时代广场B座",
        "3号楼2单元",
    ]));
    (
        prop::sample::select(leaves()),
        township,
        village,
        road,
        house_no,
        detail,
    )
        .prop_map(|(leaf, township, village, road, house_no, detail)| {
            let path = codes::division_path(leaf.code);
            let at = |level| {
                path.iter()
                    .find(|d| d.level == level)
                    .map(|d| d.code.to_string())
            };
            Address {
                province: at(Level::Province),
                city: at(Level::Prefecture),
                county: at(Level::County),
                township: township.map(str::to_string),
                village: village.map(str::to_string),
                road: Some(road.to_string()),
                house_no: Some(house_no),
                detail: detail.map(str::to_string),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_gives_back_what_render_wrote(address in structured()) {
        let line = render_one_line(&address);
        let parsed = parse_one_line(&line);
        prop_assert_eq!(&parsed.address, &address, "{}", line);
        prop_assert_eq!(parsed.unplaced.as_str(), "");
        prop_assert!(parsed.warnings.is_empty(), "{}: {:?}", line, parsed.warnings);
        prop_assert_eq!(validate(&address), Ok(()));
    }

    #[test]
    fn every_division_path_round_trips(leaf in prop::sample::select(leaves())) {
        let path = codes::division_path(leaf.code);
        let address = Address {
            province: path.first().map(|d| d.code.to_string()),
            city: path.iter().find(|d| d.level == Level::Prefecture).map(|d| d.code.to_string()),
            county: (leaf.level == Level::County).then(|| leaf.code.to_string()),
            ..Address::default()
        };
        let line = render_one_line(&address);
        prop_assert_eq!(&parse_one_line(&line).address, &address, "{}", line);
    }

    #[test]
    fn parsing_never_loses_a_character(
        input in "[北京市浙江省杭州西湖区朝阳路街道镇乡村社区号院弄组甲0-9A-Z 　中国大厦幢单元室-]{0,40}"
    ) {
        let parsed = parse_one_line(&input);
        let rendered = render_one_line(&parsed.address);
        let have: BTreeSet<char> = rendered.chars().collect();
        for c in input.chars().filter(|c| !c.is_whitespace()) {
            prop_assert!(have.contains(&c), "{:?} of {:?} missing from {:?}", c, input, rendered);
        }
    }

    #[test]
    fn parsing_division_names_never_loses_a_character(
        parts in prop::collection::vec(
            (
                prop::sample::select(codes::all_divisions().to_vec()),
                any::<bool>(),
                "[路街道镇乡村号区县市省自治0-9 ]{0,3}",
            ),
            0..5,
        )
    ) {
        let input: String = parts
            .iter()
            .map(|(d, short, glue)| format!("{}{glue}", if *short { d.short_name() } else { d.name }))
            .collect();
        let parsed = parse_one_line(&input);
        let rendered = render_one_line(&parsed.address);
        let have: BTreeSet<char> = rendered.chars().collect();
        for c in input.chars().filter(|c| !c.is_whitespace()) {
            prop_assert!(have.contains(&c), "{:?} of {:?} missing from {:?}", c, input, rendered);
        }
    }

    #[test]
    fn parsing_arbitrary_text_does_not_panic(input in any::<String>()) {
        let parsed = parse_one_line(&input);
        let _ = render_one_line(&parsed.address);
        let _ = validate(&parsed.address);
    }
}

#[test]
fn every_county_parses_from_its_full_path() {
    // Exhaustive companion of the property above: all 3,000-odd leaves, no sampling.
    for leaf in leaves() {
        let path = codes::division_path(leaf.code);
        let line: String = path.iter().map(|d| d.name).collect();
        let parsed = parse_one_line(&format!("{line}文三路1号"));
        assert_eq!(
            parsed.address.county.as_deref(),
            (leaf.level == Level::County).then_some(leaf.code),
            "{line}"
        );
        assert!(parsed.warnings.is_empty(), "{line}: {:?}", parsed.warnings);
    }
}

/// Found by the `address` fuzz target: a municipality's name repeated in another form was
/// swallowed. Only the exact full-name repetition (北京市北京市…) is read once.
#[test]
fn repeated_municipality_names_lose_no_characters() {
    for (input, expected) in [
        ("天津天津市天津常", "天津市天津市天津常"),
        ("北京市北京市朝阳区建国路88号", "北京市朝阳区建国路88号"),
    ] {
        let parsed = oncefill::core::address::parse_one_line(input);
        assert_eq!(
            oncefill::core::address::render_one_line(&parsed.address),
            expected,
            "{input}"
        );
    }
}
