//! The widget in a real headless Chromium: mounting, opening, and the memory-only promise.
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
