// These tests read saved pages with the native HTML scanner, which the wasm build leaves out.
#![cfg(not(target_arch = "wasm32"))]

use super::*;
use crate::core::scan::html::HtmlDom;
use crate::core::scan::scan_page;

const PAGE: &str = r#"{"v": 1, "truncated": null, "nodes": [
  {"t": "form", "c": [1, 3], "r": 1},
  {"t": "label", "p": 0, "a": [["for", "xm"]], "c": ["姓名", 2], "r": 1},
  {"t": "span", "p": 1, "c": ["："], "r": 1},
  {"t": "input", "p": 0, "a": [["id", "xm"], ["name", "aac003"]], "c": [], "r": 1,
   "k": "f1", "fm": "m0"}]}"#;

fn with(f: impl FnOnce(&mut serde_json::Value)) -> Result<Description, DescriptionError> {
    let mut v: serde_json::Value =
        serde_json::from_str(PAGE).expect("the sample description is JSON");
    f(&mut v);
    Description::from_value(v)
}

fn node_rule(r: Result<Description, DescriptionError>) -> (usize, Rule) {
    match r {
        Err(DescriptionError::Node { node, rule }) => (node, rule),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_description_is_scanned_by_the_same_rules() {
    let d = Description::from_json(PAGE).unwrap();
    let scan = scan_page(&d);
    assert_eq!(scan.fields.len(), 1);
    let f = &scan.fields[0];
    assert_eq!(f.label.as_deref(), Some("姓名"));
    assert_eq!(f.label_source, Some("label-for"));
    assert_eq!(f.id, FieldId("f1".into()));
    assert_eq!(f.name.as_deref(), Some("aac003"));
    assert!(f.visible);
    assert_eq!(d.control("f1"), Some(3));
    assert_eq!(d.control("f2"), None);
}

#[test]
fn flags_and_concealment_reach_the_scan() {
    let d = with(|v| {
        let n = &mut v["nodes"][3];
        n["h"] = "opacity".into();
        n["hv"] = 1.into();
        n["d"] = 1.into();
    })
    .unwrap();
    assert!(d.has_value(&3));
    assert!(d.is_disabled(&3));
    assert_eq!(d.concealment(&3), Some(Concealment::Opacity));
    assert_eq!(d.form_of(&3).as_deref(), Some("m0"));
    let d = with(|v| v["nodes"][3]["r"] = serde_json::Value::Null).unwrap();
    assert!(!scan_page(&d).fields[0].visible);
}

#[test]
fn the_version_and_shape_are_checked() {
    assert_eq!(
        with(|v| v["v"] = 2.into()).unwrap_err(),
        DescriptionError::Version
    );
    assert!(matches!(
        with(|v| v["extra"] = 1.into()).unwrap_err(),
        DescriptionError::Shape { .. }
    ));
    assert!(matches!(
        with(|v| v["nodes"][0]["r"] = 2.into()).unwrap_err(),
        DescriptionError::Shape { .. }
    ));
    assert!(matches!(
        Description::from_json("{\"v\":1,\"nodes\":[{\"t\":\"秘密的值\"").unwrap_err(),
        DescriptionError::Shape { .. }
    ));
}

#[test]
fn parents_point_backwards_along_the_branch() {
    assert_eq!(
        node_rule(with(|v| v["nodes"][1]["p"] = 5.into())),
        (1, Rule::Parent)
    );
    // Node 3 names node 1 as its parent after node 2's branch: not document order.
    assert_eq!(
        node_rule(with(|v| {
            v["nodes"][3]["p"] = 2.into();
        })),
        (2, Rule::Children)
    );
}

#[test]
fn children_and_parents_agree() {
    assert_eq!(
        node_rule(with(|v| v["nodes"][0]["c"] = serde_json::json!([1]))),
        (0, Rule::Children)
    );
    assert_eq!(
        node_rule(with(|v| v["nodes"][0]["c"] = serde_json::json!([1, 3, 2]))),
        (0, Rule::Children)
    );
}

#[test]
fn handles_are_well_formed_unique_and_on_controls_only() {
    assert_eq!(
        node_rule(with(|v| v["nodes"][3]["k"] = "F1".into())),
        (3, Rule::Handle)
    );
    assert_eq!(
        node_rule(with(|v| {
            v["nodes"][3].as_object_mut().unwrap().remove("k");
        })),
        (3, Rule::Handle)
    );
    assert_eq!(
        node_rule(with(|v| v["nodes"][3]["k"] = "a-very-long-handle-x".into())),
        (3, Rule::Handle)
    );
    assert_eq!(
        node_rule(with(|v| v["nodes"][2]["k"] = "f2".into())),
        (2, Rule::NotAControl)
    );
    assert_eq!(
        node_rule(with(
            |v| v["nodes"][2]["o"] = serde_json::json!([["1", "男"]])
        )),
        (2, Rule::NotASelect)
    );
    let two = r#"{"v":1,"nodes":[{"t":"div","c":[1,2]},
        {"t":"input","p":0,"c":[],"k":"a"},{"t":"input","p":0,"c":[],"k":"a"}]}"#;
    assert_eq!(
        node_rule(Description::from_json(two)),
        (2, Rule::DuplicateHandle)
    );
}

#[test]
fn what_a_description_never_carries_is_refused() {
    for (name, value) in [
        ("value", "张三"),
        ("style", "opacity:0"),
        ("onclick", "x()"),
        ("srcdoc", "<p>"),
    ] {
        assert_eq!(
            node_rule(with(
                |v| v["nodes"][3]["a"] = serde_json::json!([[name, value]])
            )),
            (3, Rule::Forbidden),
            "{name}"
        );
    }
    let radio = with(|v| {
        v["nodes"][3]["a"] = serde_json::json!([["type", "radio"], ["value", "1"]]);
    });
    assert!(radio.is_ok());
    assert_eq!(
        node_rule(with(
            |v| v["nodes"][3]["a"] = serde_json::json!([["ID", "x"]])
        )),
        (3, Rule::AttributeName)
    );
}

#[test]
fn caps_are_enforced() {
    assert_eq!(
        node_rule(with(
            |v| v["nodes"][2]["c"] = serde_json::json!(["字".repeat(2001)])
        )),
        (2, Rule::TextTooLong)
    );
    assert_eq!(
        node_rule(with(
            |v| v["nodes"][3]["a"] = serde_json::json!([["title", "x".repeat(1001)]])
        )),
        (3, Rule::AttributeTooLong)
    );
    let deep: Vec<String> = (0..=MAX_DEPTH)
        .map(|i| {
            let p = if i == 0 {
                String::new()
            } else {
                format!(",\"p\":{}", i - 1)
            };
            let c = if i == MAX_DEPTH {
                String::new()
            } else {
                format!("{}", i + 1)
            };
            format!("{{\"t\":\"div\"{p},\"c\":[{c}]}}")
        })
        .collect();
    let deep = format!("{{\"v\":1,\"nodes\":[{}]}}", deep.join(","));
    assert_eq!(
        Description::from_json(&deep).unwrap_err(),
        DescriptionError::TooLarge {
            what: "depth",
            limit: MAX_DEPTH
        }
    );
    let big = " ".repeat(MAX_MESSAGE_BYTES + 1);
    assert!(matches!(
        Description::from_json(&big).unwrap_err(),
        DescriptionError::TooLarge { what: "bytes", .. }
    ));
}

#[test]
fn errors_speak_both_languages_and_quote_no_page_text() {
    let e = with(|v| v["nodes"][3]["a"] = serde_json::json!([["value", "张三"]])).unwrap_err();
    let zh = e.message(Lang::ZhCn);
    let en = e.message(Lang::En);
    assert!(zh.contains('3') && zh.contains("元素"), "{zh}");
    assert!(en.contains("Element 3"), "{en}");
    assert!(!e.to_string().contains("张三"));
    let e = Description::from_json("{\"v\":1,\"nodes\":[{\"t\":\"input\",\"zz-秘密\":1}]}")
        .unwrap_err();
    assert!(!e.to_string().contains("秘密"), "{e}");
}

#[test]
fn describe_round_trips_and_scans_alike() {
    let html = r#"<form id=f><table><tr><td>姓名：</td><td><input name=xm value="张三"></td></tr>
        <tr><td><label for=sex>性别</label></td><td><select id=sex><option value=1 selected>男
        <option value=2>女</select></td></tr></table>
        <div style="display:none"><input name=hid></div>
        <input type=radio name=r value=a checked><input type=radio name=r value=b></form>"#;
    let dom = HtmlDom::parse(html);
    let d = describe(&dom);
    let json = d.to_json();
    assert!(!json.contains("张三"), "{json}");
    assert!(!json.contains("display:none"), "{json}");
    let back = Description::from_json(&json).unwrap();
    assert_eq!(back, d);
    assert_eq!(scan_page(&back), scan_page(&dom));
}

#[test]
fn describe_keeps_within_the_depth_cap() {
    let html = format!("{}<input name=x>", "<div>".repeat(MAX_DEPTH + 20));
    let d = describe(&HtmlDom::parse(&html));
    assert!(d.cut().is_some());
    assert!(Description::from_json(&d.to_json()).is_ok());
}

#[test]
fn text_inside_a_textarea_is_refused() {
    let json = r#"{"v":1,"nodes":[{"t":"textarea","c":["住址"],"k":"f0"}]}"#;
    assert_eq!(
        node_rule(Description::from_json(json)),
        (0, Rule::Forbidden)
    );
}

#[test]
fn a_mapping_css_locator_picks_its_controls_in_a_description() {
    let html = r#"<form>
      <label>姓名 <input id="xm" name="aac003" class="txt big" placeholder="姓名"></label>
      <input name="aac002" placeholder='公民身份号码' type="text">
      <select name="aac004"><option value="1">男</option></select>
      <textarea data-x="1" placeholder="备注"></textarea>
    </form>"#;
    let d = describe(&HtmlDom::parse(html));
    let names = |css: &str| -> Vec<String> {
        d.select(css)
            .into_iter()
            .map(|id| {
                let node = &d.nodes()[d.control(&id.0).expect("a control's handle")];
                node.a
                    .iter()
                    .find(|(n, _)| n == "name")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| node.t.clone())
            })
            .collect()
    };
    assert_eq!(names("input[placeholder='姓名']"), ["aac003"]);
    assert_eq!(names(r#"input[placeholder="公民身份号码"]"#), ["aac002"]);
    assert_eq!(names("#xm"), ["aac003"]);
    assert_eq!(names("input.txt.big"), ["aac003"]);
    assert_eq!(names("[name=aac004]"), ["aac004"]);
    assert_eq!(names("SELECT"), ["aac004"]);
    assert_eq!(names("textarea[data-x]"), ["textarea"]);
    assert_eq!(names("input"), ["aac003", "aac002"]);
    // A selector of another kind picks nothing rather than something else.
    for css in [
        "form input",
        "form > input",
        "input:first-child",
        "input, select",
        "input[placeholder^='姓']",
        "input[placeholder*=名]",
        "input[placeholder='姓名'",
        "",
        "#",
        "[=x]",
        "*",
    ] {
        assert!(d.select(css).is_empty(), "{css:?}");
    }
    assert!(names("input.txt.small").is_empty());
    assert!(names("input[placeholder='姓']").is_empty());
}
