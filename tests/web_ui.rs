//! The widget in a real headless Chromium: mounting, opening, the memory-only promise, and a
//! value typed into the editor kept and listed.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn shadow() -> web_sys::ShadowRoot {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.query_selector("[data-oncefill-host]").unwrap().unwrap();
    host.shadow_root().unwrap()
}

fn find(name: &str) -> Option<Element> {
    shadow()
        .query_selector(&format!("[data-of='{name}']"))
        .unwrap()
}

async fn settle() {
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn mounts_once_opens_and_stores_nothing() {
    messages();
    oncefill::embed::mount(wasm_bindgen::JsValue::UNDEFINED).unwrap();
    oncefill::embed::mount(wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.query_selector_all("[data-oncefill-host]")
            .unwrap()
            .length(),
        1
    );
    settle().await;

    let launcher: HtmlElement = find("launcher").unwrap().dyn_into().unwrap();
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(find("panel").is_none());
    launcher.click();
    settle().await;
    assert!(find("panel").is_some());
    assert_eq!(
        launcher.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let text = find("panel").unwrap().text_content().unwrap();
    assert!(text.contains("只在本页内存中"), "{text}");

    let demo: HtmlElement = find("load-demo").unwrap().dyn_into().unwrap();
    demo.click();
    settle().await;
    // Nothing about the person reaches any storage.
    let window = web_sys::window().unwrap();
    assert_eq!(
        window.local_storage().unwrap().unwrap().length().unwrap(),
        0
    );
    assert_eq!(
        window.session_storage().unwrap().unwrap().length().unwrap(),
        0
    );
    assert_eq!(
        doc.dyn_ref::<web_sys::HtmlDocument>()
            .map(|d| d.cookie().unwrap_or_default()),
        Some(String::new())
    );
}

#[wasm_bindgen_test]
async fn a_name_typed_and_left_is_kept_and_listed() {
    messages();
    oncefill::embed::mount(wasm_bindgen::JsValue::UNDEFINED).unwrap();
    settle().await;
    let launcher: HtmlElement = find("launcher").unwrap().dyn_into().unwrap();
    if find("panel").is_none() {
        launcher.click();
        settle().await;
    }
    let nav: HtmlElement = find("record-completeness").unwrap().dyn_into().unwrap();
    nav.click();
    settle().await;
    assert!(find("completeness").is_some());
    let owner: HtmlElement = shadow()
        .query_selector("[data-of^='record-p']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    owner.click();
    settle().await;

    let input: web_sys::HtmlInputElement = find("field-person.name").unwrap().dyn_into().unwrap();
    input.focus().unwrap();
    input.set_value("测试员");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
    input.blur().unwrap();
    settle().await;
    let listed = owner.text_content().unwrap();
    assert!(listed.contains("测试员"), "{listed}");
    let save: HtmlElement = find("save").unwrap().dyn_into().unwrap();
    save.click();
    settle().await;
    // Without a vault the first save offers to create one; this test keeps the page's memory.
    if let Some(choice) = find("memory-only-choice") {
        choice.dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
        assert!(
            find("memory-kept").is_some(),
            "the save says it kept the profile"
        );
    }
    assert!(find("editor").is_some(), "back on the editor");
    assert!(
        shadow().query_selector(".of-summary").unwrap().is_none(),
        "a valid name leaves nothing to fix"
    );
    // Closed again, as the page started: the other test opens the panel itself.
    let close: HtmlElement = find("close").unwrap().dyn_into().unwrap();
    close.click();
    settle().await;
    assert!(find("panel").is_none());
}

/// The Chinese messages, which the site serves beside the bundle and the loader hands over.
fn messages() {
    let zh = include_str!("../src/core/i18n/zh-CN.ftl");
    oncefill::core::i18n::install(oncefill::core::i18n::Lang::ZhCn, zh.to_string());
}
