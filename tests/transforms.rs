//! Transforms: table-driven cases (tests/data/transforms/*.tsv, one file per kind), the kinds
//! that read other elements (`concat`, `condition`), the JSON form, error messages in both
//! languages, and round-trip properties (full ↔ half width, 万元 ↔ 元).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use std::collections::BTreeMap;

use oncefill::core::dictionary::Key;
use oncefill::core::i18n::{Lang, tr};
use oncefill::core::ids::Sex;
use oncefill::core::profile::Value;
use oncefill::core::transform::{
    self, NoLookup, Output, PickBy, Problem, ReadError, Transform, TransformError, apply,
    apply_text, to_full, to_half,
};
use proptest::prelude::*;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/transforms");

/// The expected column: text, `pick:text:…`/`pick:value:…`, or `!error.code`.
fn check_row(
    file: &str,
    line: usize,
    t: &Transform,
    got: Result<Output, TransformError>,
    want: &str,
) {
    let at = format!("{file}:{line}");
    if let Some(code) = want.strip_prefix('!') {
        match got {
            Err(e) => assert_eq!(e.code(), code, "{at}"),
            Ok(o) => panic!("{at}: {t:?} gave {:?}, wanted error {code}", o.as_str()),
        }
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{at}: {t:?} failed: {}", e.message(Lang::En)));
    let expected = if let Some(option) = want.strip_prefix("pick:text:") {
        Output::Choice {
            by: PickBy::Text,
            option: option.to_string(),
        }
    } else if let Some(option) = want.strip_prefix("pick:value:") {
        Output::Choice {
            by: PickBy::Value,
            option: option.to_string(),
        }
    } else {
        Output::text(want)
    };
    assert!(
        got == expected,
        "{at}: {t:?}: got {:?} {}, wanted {want}",
        got,
        got.as_str()
    );
}

#[test]
fn table_driven_cases() {
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut total = 0;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with('#'),
            "{name}: starts with a comment naming its sources"
        );
        let mut rows = 0;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("transform\t") || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{name}:{}: three columns", i + 1);
            let t: Transform =
                serde_json::from_str(cols[0]).unwrap_or_else(|e| panic!("{name}:{}: {e}", i + 1));
            // A mapping reads it as serde does, and refuses what `check` finds.
            let json: serde_json::Value = serde_json::from_str(cols[0]).unwrap();
            let checked: Vec<ReadError> = transform::check_at(&t)
                .into_iter()
                .map(|(path, e)| ReadError {
                    path,
                    problem: Problem::Check(e),
                })
                .collect();
            let expected = if checked.is_empty() {
                Ok(t.clone())
            } else {
                Err(checked)
            };
            assert_eq!(transform::read(&json), expected, "{name}:{}", i + 1);
            let got = apply_text(&t, cols[1]);
            check_row(&name, i + 1, &t, got, cols[2]);
            rows += 1;
        }
        assert!(rows > 0, "{name} has cases");
        total += rows;
    }
    assert!(total >= 150, "{total} cases");
}

#[test]
fn typed_values_map_like_their_codes() {
    let code = |json: &str, v: Value| {
        apply(&serde_json::from_str(json).unwrap(), &v, &NoLookup)
            .unwrap()
            .as_str()
            .to_string()
    };
    let sex = r#"{"kind":"code","table":"sex"}"#;
    assert_eq!(code(sex, Value::Sex(Sex::Female)), "2");
    let short = r#"{"kind":"code","table":"sex","style":"short"}"#;
    assert_eq!(code(short, Value::Sex(Sex::Male)), "男");
    let han = oncefill::core::codes::ethnicity("01").unwrap();
    let eth = r#"{"kind":"code","table":"ethnicity","style":"name"}"#;
    assert_eq!(code(eth, Value::Ethnicity(han)), "汉族");
    let d = Value::Date(time::macros::date!(1990 - 03 - 07));
    assert_eq!(
        code(r#"{"kind":"date","format":"YYYY年MM月DD日"}"#, d.clone()),
        "1990年03月07日"
    );
    assert_eq!(code(r#"{"kind":"text"}"#, d), "1990-03-07");
    assert_eq!(code(r#"{"kind":"text"}"#, Value::Sex(Sex::Male)), "男");
    let scope = || Value::List(vec!["修改材料".into(), "领取证照".into()]);
    let member =
        |item: &str| format!(r#"{{"kind":"member","item":"{item}","yes":"同意","no":"不同意"}}"#);
    assert_eq!(code(&member("领取证照"), scope()), "同意");
    assert_eq!(code(&member("签署文件"), scope()), "不同意");
    assert_eq!(
        code(&member("修改"), scope()),
        "不同意",
        "a whole item, not a part"
    );
    assert_eq!(code(r#"{"kind":"text"}"#, scope()), "修改材料、领取证照");
}

fn ctx() -> BTreeMap<Key, Value> {
    let mut m = BTreeMap::new();
    m.insert(Key::PersonName, Value::Text("欧阳小明".into()));
    m.insert(Key::PersonIdType, Value::Text("resident_id_card".into()));
    m.insert(Key::PersonSex, Value::Sex(Sex::Male));
    m.insert(
        Key::PersonBirthDate,
        Value::Date(time::macros::date!(1990 - 03 - 07)),
    );
    m
}

#[test]
fn concat_and_condition_read_other_elements() {
    let m = ctx();
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"kind":"concat","parts":["person.name",{"kind":"constant","value":"先生"}]}"#,
            "x",
            "欧阳小明先生",
        ),
        (
            r#"{"kind":"concat","parts":[{"key":"person.name","transform":{"kind":"pinyin","part":"surname"}},{"key":"person.name","transform":{"kind":"pinyin","part":"given"}}],"separator":", "}"#,
            "x",
            "OUYANG, XIAOMING",
        ),
        (
            r#"{"kind":"concat","parts":[{"key":"person.birth_date","transform":{"kind":"date_part","part":"year"}},{"kind":"text"}],"separator":"-"}"#,
            "A",
            "1990-A",
        ),
        (
            r#"{"kind":"condition","if":{"key":"person.id_type","equals":"resident_id_card"},"then":{"kind":"constant","value":"身份证"},"else":{"kind":"text"}}"#,
            "其他",
            "身份证",
        ),
        (
            r#"{"kind":"condition","if":{"key":"person.id_type","equals":"chinese_passport"},"then":{"kind":"constant","value":"护照"},"else":{"kind":"text"}}"#,
            "其他",
            "其他",
        ),
        (
            r#"{"kind":"condition","if":{"key":"person.sex","equals":"1"},"then":{"kind":"constant","value":"先生"}}"#,
            "x",
            "先生",
        ),
        (
            r#"{"kind":"condition","if":{"key":"contact.mobile","present":false},"then":{"kind":"constant","value":"无"}}"#,
            "x",
            "无",
        ),
    ];
    for (json, input, want) in cases {
        let t: Transform = serde_json::from_str(json).unwrap();
        assert!(transform::check(&t).is_empty(), "{json}");
        let got = apply(&t, &Value::Text((*input).into()), &m).unwrap();
        assert_eq!(got.as_str(), *want, "{json}");
    }
    let fails: &[(&str, &str)] = &[
        (
            r#"{"kind":"condition","if":{"key":"person.id_type","equals":"chinese_passport"},"then":{"kind":"text"}}"#,
            "transform.condition.false",
        ),
        (
            r#"{"kind":"concat","parts":["contact.mobile"]}"#,
            "transform.key.missing",
        ),
        (
            r#"{"kind":"concat","parts":["person.nope"]}"#,
            "transform.key.unknown",
        ),
    ];
    for (json, code) in fails {
        let t: Transform = serde_json::from_str(json).unwrap();
        let e = apply(&t, &Value::Text("x".into()), &m).unwrap_err();
        assert_eq!(e.code(), *code, "{json}");
    }
}

#[test]
fn check_finds_problems_before_any_value() {
    let problems = |json: &str| {
        transform::check(&serde_json::from_str(json).unwrap())
            .iter()
            .map(TransformError::code)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        problems(r#"{"kind":"date","format":"YYYY-mm"}"#),
        ["transform.date.format"]
    );
    assert_eq!(
        problems(r#"{"kind":"code","table":"id_type"}"#),
        ["transform.code.domain-needed"]
    );
    assert_eq!(
        problems(
            r#"{"kind":"condition","if":{"key":"x.y"},"then":{"kind":"concat","parts":["a.b"]}}"#
        ),
        ["transform.key.unknown", "transform.key.unknown"]
    );
    assert!(problems(r#"{"kind":"date","format":"YYYY年MM月DD日"}"#).is_empty());
}

#[test]
fn json_form_round_trips_and_refuses_unknown_members() {
    for json in [
        r#"{"kind":"text"}"#,
        r#"{"kind":"date","format":"YYYY年MM月DD日"}"#,
        r#"{"kind":"date_part","part":"year","pad":true}"#,
        r#"{"kind":"code","table":"id_type","domain":"realty","style":"code"}"#,
        r#"{"kind":"address","style":"one_line"}"#,
        r#"{"kind":"address_part","part":"county","by":"code"}"#,
        r#"{"kind":"name_part","part":"surname"}"#,
        r#"{"kind":"pinyin","case":"upper","separator":" "}"#,
        r#"{"kind":"phone","style":"e164"}"#,
        r#"{"kind":"amount","from":"wan","to":"yuan"}"#,
        r#"{"kind":"width","to":"full"}"#,
        r#"{"kind":"choice","when":{"长期":"长期"},"else":{"kind":"date","format":"YYYY-MM-DD"},"by":"text"}"#,
        r#"{"kind":"constant","value":"中国"}"#,
        r#"{"kind":"concat","parts":["person.name",{"kind":"text"}],"separator":""}"#,
        r#"{"kind":"condition","if":{"key":"person.id_type","equals":"resident_id_card"},"then":{"kind":"text"},"else":{"kind":"constant","value":"-"}}"#,
    ] {
        let t: Transform = serde_json::from_str(json).unwrap();
        let again: Transform = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(again, t, "{json}");
    }
    for bad in [
        r#"{"kind":"date","format":"YYYY","extra":1}"#,
        r#"{"kind":"dates","format":"YYYY"}"#,
        r#"{"kind":"code","table":"blood_type"}"#,
        r#"{"kind":"code","table":"sex","domain":"police"}"#,
        r#"{"kind":"amount","from":"wan"}"#,
    ] {
        assert!(serde_json::from_str::<Transform>(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_error_speaks_both_languages_without_personal_data() {
    let errors = [
        TransformError::NotADate,
        TransformError::BadDateFormat {
            format: "yyyy".into(),
        },
        TransformError::UnknownCode { table: "sex" },
        TransformError::NoCodeInDomain { domain: "tax" },
        TransformError::DomainNeeded,
        TransformError::NoLetters,
        TransformError::NotAnAddress,
        TransformError::AddressPartMissing { part: "village" },
        TransformError::NotAName,
        TransformError::NoPinyin,
        TransformError::NotAPhone,
        TransformError::ExtensionInE164,
        TransformError::NotAnAmount,
        TransformError::NoChoice,
        TransformError::UnknownKey { key: "x.y".into() },
        TransformError::MissingValue {
            key: "contact.mobile".into(),
        },
        TransformError::NotApplicable,
    ];
    for e in &errors {
        for lang in [Lang::ZhCn, Lang::En] {
            let m = e.message(lang);
            assert!(!m.starts_with("tf-"), "{e:?} has no {lang:?} message");
            assert!(!m.contains('{'), "{m}");
        }
    }
    assert_ne!(
        TransformError::NoPinyin.message(Lang::ZhCn),
        TransformError::NoPinyin.message(Lang::En)
    );
    assert_eq!(
        tr(Lang::En, "tf-choice-none", &[]),
        "This matches none of the form's options"
    );
    // A failed transform never echoes the value it was given.
    let e = apply_text(
        &serde_json::from_str(r#"{"kind":"phone"}"#).unwrap(),
        "王小明的电话",
    )
    .unwrap_err();
    assert!(!e.message(Lang::ZhCn).contains("王小明") && !format!("{e:?}").contains("王小明"));
}

proptest! {
    #[test]
    fn full_and_half_width_round_trip(s in "[ -~]{0,40}") {
        prop_assert_eq!(to_half(&to_full(&s)), s.clone());
        let full = to_full(&s);
        prop_assert_eq!(to_full(&to_half(&full)), full);
    }

    #[test]
    fn width_leaves_han_alone(s in "[\u{4e00}-\u{9fa5}]{0,20}") {
        prop_assert_eq!(to_half(&s), s.clone());
        prop_assert_eq!(to_full(&s), s);
    }

    #[test]
    fn wan_and_yuan_round_trip(fen in 1u64..10_000_000_000_000) {
        let yuan = oncefill::core::validate::Amount::from_fen(fen).yuan();
        let to_wan: Transform = serde_json::from_str(r#"{"kind":"amount","from":"yuan","to":"wan"}"#).unwrap();
        let to_yuan: Transform = serde_json::from_str(r#"{"kind":"amount","from":"wan","to":"yuan"}"#).unwrap();
        let wan = apply_text(&to_wan, &yuan).unwrap();
        let back = apply_text(&to_yuan, wan.as_str()).unwrap();
        prop_assert_eq!(back.as_str(), yuan.as_str());
    }

    #[test]
    fn date_formats_read_back(days in 0i32..60_000) {
        let date = time::Date::from_julian_day(2_415_021 + days).unwrap();
        for format in ["YYYY-MM-DD", "YYYY年MM月DD日", "YYYYMMDD", "YYYY/MM/DD"] {
            let text = transform::format_pattern(date, format).unwrap();
            prop_assert_eq!(oncefill::core::validate::parse_date(&text).unwrap(), date);
        }
    }
}
