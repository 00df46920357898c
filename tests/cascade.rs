//! An unmapped form's five cascading division selects (`www/forms/cascade-unmapped.html`),
//! whose options come only once the level above is chosen: each level is recognised, and
//! planned as a later choice in words, one row per level.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use oncefill::core::classify::classify_all;
use oncefill::core::dictionary::Key;
use oncefill::core::field::FieldDescriptor;
use oncefill::core::plan::{FillAction, FillPlan, plan};
use oncefill::core::profile::{Data, Profile, Source};
use oncefill::core::scan::html::HtmlDom;
use oncefill::core::scan::scan;
use time::{Date, Month};

fn page(address: Option<&str>) -> (Vec<FieldDescriptor>, FillPlan) {
    let html = std::fs::read_to_string("www/forms/cascade-unmapped.html").unwrap();
    let mut fields = scan(&HtmlDom::parse(&html));
    // As the page's script leaves them: every level below the province disabled and empty
    // until the one above is chosen.
    for f in &mut fields {
        if matches!(f.name.as_deref(), Some("shi" | "xian" | "xiang" | "cun")) {
            f.disabled = true;
        }
    }
    let classes = classify_all(&fields);
    let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
    let mut profile = Profile::demo();
    if let Some(address) = address {
        profile.persons[0].values.set(
            Key::PersonHukouAddress,
            Data::Text(address.into()),
            Source::SelfDeclared,
            "2026-01-02T00:00:00Z",
        );
    }
    let plan = plan(&profile, &fields, &classes, today);
    (fields, plan)
}

fn later(fields: &[FieldDescriptor], plan: &FillPlan, name: &str) -> Option<String> {
    let field = fields.iter().find(|f| f.name.as_deref() == Some(name))?;
    plan.steps
        .iter()
        .find(|s| s.field == field.id)
        .map(|s| match &s.action {
            FillAction::Later { text } => text.expose().to_string(),
            other => format!("{other:?}"),
        })
}

#[test]
fn every_level_is_a_later_choice_in_words() {
    let (fields, plan) = page(Some("浙江省杭州市西湖区西溪街道文三社区文三路90号"));
    let got: Vec<Option<String>> = ["sheng", "shi", "xian", "xiang", "cun"]
        .iter()
        .map(|n| later(&fields, &plan, n))
        .collect();
    assert_eq!(
        got,
        [
            Some("浙江省".to_string()),
            Some("杭州市".to_string()),
            Some("西湖区".to_string()),
            Some("西溪街道".to_string()),
            Some("文三社区".to_string()),
        ],
        "{:?}",
        plan.skipped
    );
}

#[test]
fn levels_the_address_does_not_name_are_refused_as_such() {
    use oncefill::core::plan::NotPlanned;
    // The demo address names no township and no village.
    let (fields, plan) = page(None);
    let got: Vec<Option<String>> = ["sheng", "shi", "xian"]
        .iter()
        .map(|n| later(&fields, &plan, n))
        .collect();
    assert_eq!(
        got,
        [
            Some("北京市".to_string()),
            Some("北京市".to_string()),
            Some("朝阳区".to_string()),
        ]
    );
    let refused: Vec<(Option<&str>, &NotPlanned)> = plan
        .skipped
        .iter()
        .map(|s| {
            let f = fields.iter().find(|f| f.id == s.field).unwrap();
            (f.name.as_deref(), &s.why)
        })
        .collect();
    assert_eq!(
        refused,
        [
            (
                Some("xiang"),
                &NotPlanned::NotInProfile(Key::AddressTownship)
            ),
            (Some("cun"), &NotPlanned::NotInProfile(Key::AddressVillage)),
        ]
    );
}

#[test]
fn options_by_name_by_code_and_by_twelve_digit_code_are_chosen() {
    use oncefill::core::field::{Control, FieldId, FieldOption};
    let html = std::fs::read_to_string("www/forms/cascade-unmapped.html").unwrap();
    let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
    let mut profile = Profile::demo();
    profile.persons[0].values.set(
        Key::PersonHukouAddress,
        Data::Text("浙江省杭州市西湖区西溪街道文三社区文三路90号".into()),
        Source::SelfDeclared,
        "2026-01-02T00:00:00Z",
    );
    let rows: [(&str, [(&str, &str); 2]); 5] = [
        ("sheng", [("110000", "北京市"), ("330000", "浙江省")]),
        ("shi", [("330100", "杭州市"), ("330200", "宁波市")]),
        ("xian", [("330110", "余杭区"), ("330106", "西湖区")]),
        (
            "xiang",
            [("330106109000", "三墩镇"), ("330106004000", "西溪街道")],
        ),
        (
            "cun",
            [("330106004002", "古荡社区"), ("330106004001", "文三社区")],
        ),
    ];
    for twelve in [false, true] {
        let mut fields = scan(&HtmlDom::parse(&html));
        for f in &mut fields {
            let Some((_, choices)) = rows.iter().find(|(n, _)| f.name.as_deref() == Some(*n))
            else {
                continue;
            };
            assert_eq!(f.control, Control::Select);
            f.options = std::iter::once(("", "--请选择--"))
                .chain(choices.iter().copied())
                .enumerate()
                .map(|(i, (v, t))| FieldOption {
                    value: if twelve && v.len() == 6 {
                        format!("{v}000000")
                    } else {
                        v.to_string()
                    },
                    text: t.into(),
                    id: Some(FieldId(format!("o{i}"))),
                })
                .collect();
        }
        let classes = classify_all(&fields);
        let plan = plan(&profile, &fields, &classes, today);
        for (name, choices) in &rows {
            let field = fields
                .iter()
                .find(|f| f.name.as_deref() == Some(name))
                .unwrap();
            let step = plan.steps.iter().find(|s| s.field == field.id);
            let index = match step.map(|s| &s.action) {
                Some(FillAction::Select { index }) => *index,
                other => panic!("{name}: {other:?}"),
            };
            let want = ["浙江省", "杭州市", "西湖区", "西溪街道", "文三社区"];
            assert!(want.contains(&field.options[index].text.as_str()), "{name}");
            assert!(choices.iter().any(|(_, t)| *t == field.options[index].text));
        }
    }
}

#[test]
fn a_division_of_no_named_address_is_not_read_from_one() {
    // 籍贯 selects are where the person's family comes from, not an address.
    let html = std::fs::read_to_string("www/forms/cascade-unmapped.html")
        .unwrap()
        .replace("户籍地址</td>", "籍贯</td>");
    let fields = scan(&HtmlDom::parse(&html));
    let classes = classify_all(&fields);
    let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
    let plan = plan(&Profile::demo(), &fields, &classes, today);
    for name in ["sheng", "shi", "xian", "xiang", "cun"] {
        assert_eq!(later(&fields, &plan, name), None, "{name}");
    }
}

#[test]
fn a_cascade_under_the_current_address_reads_that_address() {
    use oncefill::core::plan::NotPlanned;
    let html = std::fs::read_to_string("www/forms/cascade-unmapped.html")
        .unwrap()
        .replace("户籍地址</td>", "现居住地址</td>");
    let fields = scan(&HtmlDom::parse(&html));
    let classes = classify_all(&fields);
    let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
    let mut profile = Profile::demo();
    // The demo holds no current address: never the registered one in its place.
    let refused = plan(&profile, &fields, &classes, today);
    for name in ["sheng", "shi", "xian", "xiang", "cun"] {
        assert_eq!(later(&fields, &refused, name), None, "{name}");
    }
    assert!(
        refused
            .skipped
            .iter()
            .any(|s| s.why == NotPlanned::NotInProfile(Key::PersonResidenceAddress))
    );
    profile.persons[0].values.set(
        Key::PersonResidenceAddress,
        Data::Text("浙江省杭州市西湖区三墩镇绕城村12号".into()),
        Source::SelfDeclared,
        "2026-01-02T00:00:00Z",
    );
    let filled = plan(&profile, &fields, &classes, today);
    let got: Vec<Option<String>> = ["sheng", "shi", "xian", "xiang", "cun"]
        .iter()
        .map(|n| later(&fields, &filled, n))
        .collect();
    let want = ["浙江省", "杭州市", "西湖区", "三墩镇", "绕城村"];
    assert_eq!(got, want.map(|w| Some(w.to_string())));
}
