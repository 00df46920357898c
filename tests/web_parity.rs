//! One scanner for live pages and saved ones: corpus pages loaded into a real Chromium and
//! described by the page agent must classify as their expected files say — the same files
//! the native scanner is held to in `tests/classify.rs`; and form mappings read in the browser
//! as they do natively.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use std::collections::HashMap;

use oncefill::core::classify::classify_fields;
use oncefill::core::classify::report::report;
use oncefill::core::handle_map::{Problem, read};
use oncefill::core::scan::scan;
use oncefill::dom::agent;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlIFrameElement;

wasm_bindgen_test_configure!(run_in_browser);

mod agent_page;

const PAGES: &[(&str, &str, &str)] = &[
    (
        "cn-agent-mandate",
        include_str!("data/classify/cn-agent-mandate.html"),
        include_str!("data/classify/cn-agent-mandate.expected.json"),
    ),
    (
        "cn-aria-labels",
        include_str!("data/classify/cn-aria-labels.html"),
        include_str!("data/classify/cn-aria-labels.expected.json"),
    ),
    (
        "cn-bilingual-labels",
        include_str!("data/classify/cn-bilingual-labels.html"),
        include_str!("data/classify/cn-bilingual-labels.expected.json"),
    ),
    (
        "en-contact-us",
        include_str!("data/classify/en-contact-us.html"),
        include_str!("data/classify/en-contact-us.expected.json"),
    ),
    (
        "en-checkout-autocomplete",
        include_str!("data/classify/en-checkout-autocomplete.html"),
        include_str!("data/classify/en-checkout-autocomplete.expected.json"),
    ),
];

/// A page in an iframe of its own, loaded.
async fn load(html: &str) -> HtmlIFrameElement {
    #![allow(clippy::panic)]
    let doc = web_sys::window().unwrap().document().unwrap();
    let frame: HtmlIFrameElement = doc.create_element("iframe").unwrap().dyn_into().unwrap();
    frame
        .set_attribute("style", "width:1000px;height:800px")
        .unwrap();
    frame.set_srcdoc(html);
    doc.body().unwrap().append_child(&frame).unwrap();
    // The frame first holds about:blank; wait until the page itself has loaded.
    for _ in 0..100 {
        let ready = frame.content_document().is_some_and(|d| {
            d.ready_state() == "complete"
                && d.query_selector("input, select, textarea")
                    .ok()
                    .flatten()
                    .is_some()
        });
        if ready {
            return frame;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        JsFuture::from(tick).await.unwrap();
    }
    panic!("the page did not load in its frame");
}

fn expected(json: &str) -> HashMap<String, (Option<String>, Option<String>)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let (entries, problems) = read(v["fields"].as_object().unwrap(), &["part", "reason"]);
    assert!(
        problems.iter().all(|p| p.problem == Problem::MissingKey),
        "{problems:?}"
    );
    entries
        .into_iter()
        .map(|e| {
            let key = e.key.map(|k| k.id().to_string());
            (e.handle.to_string(), (key, e.role.map(|r| r.to_string())))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn live_scans_classify_as_the_saved_pages_do() {
    messages();
    for (name, html, json) in PAGES {
        let frame = load(html).await;
        let document = frame.content_document().unwrap();
        agent_page::load();
        let fields = scan(&agent::describe(Some(&document)).unwrap());
        let classified = classify_fields(&fields);
        assert!(!fields.is_empty(), "{name}: the live scan found no field");
        let visible = fields.iter().filter(|f| f.visible).count();
        assert!(visible > 0, "{name}: {} fields, none visible", fields.len());
        let want = expected(json);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut checked = 0;
        for r in report(&fields, &classified) {
            let Some(handle) = r.field.clone() else {
                continue;
            };
            let n = seen.entry(handle.clone()).or_default();
            *n += 1;
            let handle = if *n == 1 {
                handle
            } else {
                format!("{handle}#{n}")
            };
            let Some((key, role)) = want.get(&handle) else {
                continue;
            };
            let got_key = r.key.map(|k| k.id().to_string());
            assert_eq!(&got_key, key, "{name}: {handle}");
            if key.is_some() {
                assert_eq!(
                    &r.role.map(|r| r.to_string()),
                    role,
                    "{name}: {handle} role"
                );
            }
            checked += 1;
        }
        assert!(
            checked >= want.len() / 2,
            "{name}: only {checked} of {} fields compared",
            want.len()
        );
        frame.remove();
    }
}

/// In the browser a transform that does not read rejects its mapping too, as one problem at
/// the transform's own path (the command line names each problem's exact path), and a good
/// one reads as it does natively.
#[wasm_bindgen_test]
fn a_bad_transform_rejects_its_mapping_in_the_browser() {
    messages();
    use oncefill::core::mapping::FormMapping;
    let mapping = |transform: &str| {
        format!(
            r#"{{"version": 1, "id": "t.form", "title": "表", "department": "部门",
                "match": {{"url": ["https://example.gov.cn/form"]}},
                "fields": [{{"locator": {{"name": "csrq"}}, "key": "person.birth_date",
                             "transform": {transform}}}]}}"#
        )
    };
    let errors = FormMapping::from_json(&mapping(r#"{"kind": "date", "fromat": "YYYY-MM-DD"}"#))
        .unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["fields[0].transform"]);
    let good =
        FormMapping::from_json(&mapping(r#"{"kind": "date", "format": "YYYY-MM-DD"}"#)).unwrap();
    assert!(good.fields[0].transform.is_some());
}

/// The Chinese messages, which the site serves beside the bundle and the loader hands over.
fn messages() {
    let zh = include_str!("../src/core/i18n/zh-CN.ftl");
    oncefill::core::i18n::install(oncefill::core::i18n::Lang::ZhCn, zh.to_string());
}
