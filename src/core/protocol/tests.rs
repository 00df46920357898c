// These tests read saved pages with the native HTML scanner, which the wasm build leaves out.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;

use super::*;
use crate::core::classify::classify_fields;
use crate::core::plan::plan;
use crate::core::profile::Profile;
use crate::core::scan::description::describe;
use crate::core::scan::html::HtmlDom;
use crate::core::scan::scan;

const NONCE: &str = "AAAAAAAAAAAAAAAAAAAAAA";

fn description() -> Value {
    json!({"v": 1, "nodes": [
        {"t": "label", "a": [["for", "xm"]], "c": ["姓名"], "r": 1},
        {"t": "input", "a": [["id", "xm"]], "c": [], "r": 1, "k": "f0"}]})
}

#[test]
fn nonces_are_22_characters_of_base64url() {
    assert!(is_nonce(NONCE));
    assert!(is_nonce("q-_9zZ0aAbBcCdDeEfFgGw"));
    assert!(!is_nonce("AAAAAAAAAAAAAAAAAAAAAB"));
    assert!(!is_nonce("AAAAAAAAAAAAAAAAAAAAA"));
    assert!(!is_nonce("AAAAAAAAAAAAAAAAAAAA+A"));
}

#[test]
fn messages_round_trip() {
    let request = json!({"oncefill": 1, "type": "request", "nonce": NONCE, "lang": "zh-CN",
        "page": {"title": "社保", "url": "https://zwfw.example.gov.cn/form", "form": "申请表"},
        "description": description()});
    let m = Message::from_value(request.clone()).unwrap();
    assert!(matches!(
        &m,
        Message::Request {
            lang: PageLang::ZhCn,
            ..
        }
    ));
    assert_eq!(Message::from_value(m.to_value()).unwrap(), m);
    for v in [
        json!({"oncefill": 1, "type": "ready"}),
        json!({"oncefill": 1, "type": "hello"}),
        json!({"oncefill": 1, "type": "cancel", "nonce": NONCE}),
        json!({"oncefill": 1, "type": "refused", "nonce": NONCE, "reason": "too-large"}),
        json!({"oncefill": 1, "type": "plan", "nonce": NONCE, "fills": [
            {"k": "f0", "do": "text", "text": "王小明"},
            {"k": "f1", "do": "select", "value": "1", "label": "男"},
            {"k": "f2", "do": "radio", "choice": "f3"},
            {"k": "f4", "do": "check", "on": true}]}),
        json!({"oncefill": 1, "type": "result", "nonce": NONCE, "outcomes": [
            {"k": "f0", "outcome": "filled"}, {"k": "f1", "outcome": "not-fillable"},
            {"k": "f2", "outcome": "nonempty"}]}),
    ] {
        let m = Message::from_value(v.clone()).unwrap();
        assert_eq!(m.to_value(), v);
    }
}

#[test]
fn anything_else_is_refused_by_kind() {
    let code = |v: Value| Message::from_value(v).unwrap_err().code();
    assert_eq!(code(json!("ready")), "not-ours");
    assert_eq!(code(json!({"type": "ready"})), "not-ours");
    assert_eq!(code(json!({"oncefill": 2, "type": "ready"})), "not-ours");
    assert_eq!(
        code(json!({"oncefill": 1, "type": "steal"})),
        "unknown-type"
    );
    assert_eq!(code(json!({"oncefill": 1})), "unknown-type");
    assert_eq!(
        code(json!({"oncefill": 1, "type": "cancel", "nonce": "x"})),
        "nonce"
    );
    assert_eq!(
        code(json!({"oncefill": 1, "type": "cancel", "nonce": NONCE, "extra": 1})),
        "malformed"
    );
    assert_eq!(
        code(json!({"oncefill": 1, "type": "result", "nonce": NONCE,
            "outcomes": [{"k": "f0", "outcome": "done"}]})),
        "malformed"
    );
    let long_title = json!({"oncefill": 1, "type": "request", "nonce": NONCE, "lang": "en",
        "page": {"title": "x".repeat(201), "url": "https://a.cn/", "form": ""},
        "description": description()});
    assert_eq!(code(long_title), "malformed");
    let query = json!({"oncefill": 1, "type": "request", "nonce": NONCE, "lang": "en",
        "page": {"title": "", "url": "https://a.cn/?id=1", "form": ""},
        "description": description()});
    assert_eq!(code(query), "malformed");
    let mut bad = description();
    bad["nodes"][1]["k"] = "F0".into();
    let r = Message::from_value(json!({"oncefill": 1, "type": "request", "nonce": NONCE,
        "lang": "en", "page": {"title": "", "url": "", "form": ""}, "description": bad}))
    .unwrap_err();
    assert_eq!(r.code(), "description");
    assert_eq!(r.reason(), RefusedReason::Malformed);
    let fills: Vec<Value> = (0..=MAX_FILLS)
        .map(|i| json!({"k": format!("f{i}"), "do": "check", "on": true}))
        .collect();
    assert_eq!(
        code(json!({"oncefill": 1, "type": "plan", "nonce": NONCE, "fills": fills})),
        "too-large"
    );
    assert_eq!(
        Message::from_json(&" ".repeat(MAX_MESSAGE_BYTES + 1)).unwrap_err(),
        Refusal::TooLarge
    );
}

#[test]
fn debug_of_a_fill_hides_the_value() {
    let f = Fill::Text {
        k: "f0".into(),
        text: "王小明".into(),
    };
    assert!(!format!("{f:?}").contains("王小明"));
}

#[test]
fn fills_come_from_the_reviewed_plan_and_name_only_described_controls() {
    let html = r#"<form><label for=xm>姓名</label><input id=xm>
        <label for=sfzh>公民身份号码</label><input id=sfzh>
        <label for=xb>性别</label><select id=xb><option value="">请选择<option value=1>男<option value=2>女</select>
        <label for=dh>手机号码</label><input id=dh style="opacity:0"></form>"#;
    let dom = HtmlDom::parse(html);
    let d = Description::from_json(&describe(&dom).to_json()).unwrap();
    let fields = scan(&d);
    let classified = classify_fields(&fields);
    let mut p = plan(
        &Profile::demo(),
        &fields,
        &classified,
        time::macros::date!(2026 - 06 - 01),
    );
    assert!(p.steps.len() >= 3, "{p:?}");
    p.steps[1].selected = false;
    let unticked = p.steps[1].field.0.clone();
    let out = fills(&p, &fields, &d).unwrap();
    assert_eq!(out.len(), p.steps.len() - 1);
    assert!(out.iter().all(|f| f.k() != unticked));
    assert!(
        out.iter().any(
            |f| matches!(f, Fill::Select { value, label, .. } if value == "1" && label == "男")
        ),
        "{out:?}"
    );
    assert_eq!(check_fills(&out, &d), Ok(()));
    let mut stray = out.clone();
    stray.push(Fill::Check {
        k: "n999".into(),
        on: true,
    });
    assert_eq!(
        check_fills(&stray, &d),
        Err(UnknownHandle { fill: out.len() })
    );
    let mut twice = out.clone();
    twice.push(out[0].clone());
    assert!(check_fills(&twice, &d).is_err());
}

#[test]
fn origins_are_normalised_exactly() {
    assert_eq!(
        normal_origin("HTTPS://ZWFW.Example.gov.cn:443").as_deref(),
        Some("https://zwfw.example.gov.cn")
    );
    assert_eq!(
        normal_origin("http://127.0.0.1:8080").as_deref(),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(
        normal_origin("http://[::1]:80").as_deref(),
        Some("http://[::1]")
    );
    for bad in [
        "null",
        "file:///etc/passwd",
        "https://zwfw.example.gov.cn/",
        "https://*.example.gov.cn",
        "https://user@example.cn",
        "https://example.cn:0",
        "https://example.cn:65536",
        "ftp://example.cn",
        "https://政务.cn",
        "https://",
        "https://example.cn?x",
    ] {
        assert_eq!(normal_origin(bad), None, "{bad}");
    }
}

#[test]
fn the_allow_list_is_read_and_matched_exactly() {
    let list = AllowList::from_json(
        r#"{"version": 1, "portals": [{"origin": "https://zwfw.example.gov.cn", "name": "某省政务服务网"}]}"#,
    )
    .unwrap();
    let own = "https://oncefill.example.org";
    assert!(list.allows("https://zwfw.example.gov.cn", own));
    assert!(list.allows("https://zwfw.example.gov.cn:443", own));
    assert!(list.allows(own, own));
    assert!(!list.allows("http://zwfw.example.gov.cn", own));
    assert!(!list.allows("https://zwfw.example.gov.cn:8443", own));
    assert!(!list.allows("https://evil.zwfw.example.gov.cn", own));
    assert!(!list.allows("null", own));
    assert_eq!(
        list.portal("https://zwfw.example.gov.cn").unwrap().name,
        "某省政务服务网"
    );

    let err = |json: &str| AllowList::from_json(json).unwrap_err();
    assert_eq!(err("[]"), AllowListError::Shape);
    assert_eq!(
        err(r#"{"version": 2, "portals": []}"#),
        AllowListError::Version
    );
    assert_eq!(
        err(r#"{"version": 1, "portals": [{"origin": "https://a.cn/path", "name": "A"}]}"#),
        AllowListError::Origin { portal: 0 }
    );
    assert_eq!(
        err(
            r#"{"version": 1, "portals": [{"origin": "https://a.cn", "name": "A"},
            {"origin": "HTTPS://A.CN:443", "name": "B"}]}"#
        ),
        AllowListError::Duplicate { portal: 1 }
    );
    assert_eq!(
        err(r#"{"version": 1, "portals": [{"origin": "https://a.cn", "name": " "}]}"#),
        AllowListError::Name { portal: 0 }
    );
    let e = AllowListError::Origin { portal: 0 };
    assert!(e.message(Lang::ZhCn).contains("第 1 个门户"));
    assert!(e.message(Lang::En).contains("Portal 1"));
}

#[test]
fn the_window_reads_requests_and_results_as_the_general_reader_does() {
    let request = json!({"oncefill": 1, "type": "request", "nonce": NONCE, "lang": "zh-CN",
        "page": {"title": "社保", "url": "https://zwfw.example.gov.cn/form", "form": "申请表"},
        "description": description()});
    let result = json!({"oncefill": 1, "type": "result", "nonce": NONCE, "outcomes": [
        {"k": "f0", "outcome": "filled"}, {"k": "f1", "outcome": "changed"}]});
    for v in [&request, &result] {
        let text = v.to_string();
        assert_eq!(
            Message::window_from_json(&text).unwrap(),
            Message::from_json(&text).unwrap()
        );
    }
    // What the general reader refuses, the window's refuses.
    let bad_description = bad_description_of();
    let with = |key: &str, value: Value| {
        let mut r = request.clone();
        r[key] = value;
        r
    };
    let mut extra = result.clone();
    extra["extra"] = 1.into();
    let mut no_page = request.clone();
    no_page.as_object_mut().unwrap().remove("page");
    let refused = [
        json!("request"),
        json!({"type": "request"}),
        json!({"oncefill": 2, "type": "result", "nonce": NONCE, "outcomes": []}),
        json!({"oncefill": 1, "type": "plan", "nonce": NONCE, "fills": []}),
        json!({"oncefill": 1, "type": "ready"}),
        json!({"oncefill": 1, "type": "hello"}),
        with("nonce", "x".into()),
        with("lang", "fr".into()),
        with(
            "page",
            json!({"title": "", "url": "https://a.cn/?id=1", "form": ""}),
        ),
        with(
            "page",
            json!({"title": "x".repeat(201), "url": "", "form": ""}),
        ),
        with("description", bad_description),
        with("outcomes", json!([])),
        no_page,
        extra,
        json!({"oncefill": 1, "type": "result", "nonce": NONCE,
            "outcomes": [{"k": "f0", "outcome": "done"}]}),
    ];
    for v in refused {
        let text = v.to_string();
        let general = Message::from_json(&text)
            .map(|m| matches!(m, Message::Request { .. } | Message::Result { .. }));
        assert!(Message::window_from_json(&text).is_err(), "{text}");
        assert!(!matches!(general, Ok(true)), "{text}");
    }
    assert_eq!(
        Message::window_from_json(&with("description", bad_description_of()).to_string())
            .unwrap_err()
            .code(),
        "description"
    );
    assert_eq!(
        Message::window_from_json(&" ".repeat(MAX_MESSAGE_BYTES + 1)).unwrap_err(),
        Refusal::TooLarge
    );
}

fn bad_description_of() -> Value {
    let mut d = description();
    d["nodes"][1]["k"] = "F0".into();
    d
}

#[test]
fn the_window_writes_its_messages_as_the_general_writer_does() {
    for m in [
        Message::Ready,
        Message::Cancel {
            nonce: NONCE.into(),
        },
        Message::Refused {
            nonce: NONCE.into(),
            reason: RefusedReason::Origin,
        },
        Message::Plan {
            nonce: NONCE.into(),
            fills: vec![
                Fill::Text {
                    k: "f0".into(),
                    text: "王小明".into(),
                },
                Fill::Select {
                    k: "f1".into(),
                    value: "1".into(),
                    label: "男".into(),
                },
                Fill::Radio {
                    k: "f2".into(),
                    choice: "f3".into(),
                },
                Fill::Check {
                    k: "f4".into(),
                    on: false,
                },
            ],
            wait: Vec::new(),
        },
        Message::Plan {
            nonce: NONCE.into(),
            fills: vec![Fill::Select {
                k: "f5".into(),
                value: "110000".into(),
                label: "北京市".into(),
            }],
            wait: vec!["f6".into(), "f7".into()],
        },
    ] {
        let text = m.window_json().unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), m.to_value());
        assert_eq!(Message::from_json(&text).unwrap(), m);
    }
    let result = Message::Result {
        nonce: NONCE.into(),
        outcomes: vec![],
        description: None,
    };
    assert_eq!(result.window_json(), None);
}

/// After a plan that waits for a cascade's options, the agent's result carries the page
/// described again: both readers take it, checked as a request's description is, and refuse
/// one that breaks the description's rules.
#[test]
fn a_result_may_carry_the_page_described_again() {
    let text = json!({"oncefill": 1, "type": "result", "nonce": NONCE,
        "outcomes": [{"k": "f0", "outcome": "filled"}], "description": description()})
    .to_string();
    for read in [Message::from_json, Message::window_from_json] {
        match read(&text).unwrap() {
            Message::Result {
                outcomes,
                description: Some(d),
                ..
            } => {
                assert_eq!(outcomes, vec![("f0".to_string(), Outcome::Filled)]);
                assert!(d.control("f0").is_some());
            }
            other => panic!("{other:?}"),
        }
    }
    let bad = json!({"oncefill": 1, "type": "result", "nonce": NONCE,
        "outcomes": [], "description": bad_description_of()})
    .to_string();
    assert_eq!(
        Message::window_from_json(&bad).unwrap_err().code(),
        "description"
    );
    assert_eq!(Message::from_json(&bad).unwrap_err().code(), "description");
    // A plan's `wait` is a list of handles.
    let plan = json!({"oncefill": 1, "type": "plan", "nonce": NONCE, "fills": [], "wait": "f1"});
    assert!(Message::from_json(&plan.to_string()).is_err());
}
