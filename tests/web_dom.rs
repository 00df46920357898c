//! The page agent (`www/agent.js`, the one code that describes and fills a page's forms) in a
//! real headless Chromium, through the adapter OnceFill's own pages use: scanning labels the
//! way portals write them, and filling like a person, including a React-style controlled input.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use std::cell::RefCell;
use std::rc::Rc;

use oncefill::core::classify::classify_all;
use oncefill::core::dictionary::Key;
use oncefill::core::field::{Concealment, Control, FieldDescriptor};
use oncefill::core::plan::{FillPlan, plan};
use oncefill::core::profile::Profile;
use oncefill::core::protocol::{FillReport, Outcome};
use oncefill::core::scan::description::Description;
use oncefill::core::scan::scan;
use oncefill::dom::agent;
use time::macros::date;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod agent_page;

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts `html` into a fresh container; each test removes its own.
fn fixture(html: &str) -> Element {
    let doc = document();
    let container = doc.create_element("div").unwrap();
    container.set_inner_html(html);
    doc.body().unwrap().append_child(&container).unwrap();
    container
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// The page as the agent describes it, and its fields as the core's scanner reads them.
fn scan_document(doc: &Document) -> (Description, Vec<FieldDescriptor>) {
    agent_page::load();
    let description = agent::describe(Some(doc)).unwrap();
    let fields = scan(&description);
    (description, fields)
}

/// The page scanned, and the demo profile's plan for it.
fn scanned_and_planned(doc: &Document) -> (Description, Vec<FieldDescriptor>, FillPlan) {
    let (description, fields) = scan_document(doc);
    let plan = plan(
        &Profile::demo(),
        &fields,
        &classify_all(&fields),
        date!(2026 - 11 - 21),
    );
    (description, fields, plan)
}

/// What became of the step labelled `label`.
fn outcome_of(report: &FillReport, label: &str) -> Option<Outcome> {
    report
        .outcomes
        .iter()
        .find(|(_, l, _)| l == label)
        .map(|(_, _, o)| *o)
}

const FORM: &str = r#"
<form id="t-form">
  <table>
    <tr><td>姓名：</td><td><input id="t-name" name="aac003"></td></tr>
    <tr><td>性别</td><td>
      <label><input type="radio" name="t-sex" value="1"> 男</label>
      <label><input type="radio" name="t-sex" value="2"> 女</label></td></tr>
  </table>
  <label for="t-id">公民身份号码 *</label><input id="t-id">
  <label>出生日期 <input id="t-birth" type="date"></label>
  <span id="t-mz-label">民族</span>
  <select id="t-mz" aria-labelledby="t-mz-label"><option value="">请选择</option><option value="01">汉族</option></select>
  <input id="t-mobile" aria-label="手机号码">
  <input id="t-date" placeholder="YYYY年MM月DD日" title="填表日期">
  <input id="t-addr" placeholder="户籍地址">
  <input id="t-hidden" type="hidden" name="token" value="x">
  <input id="t-ro" readonly value="固定" aria-label="经办机构">
  <input id="t-off" disabled aria-label="姓名拼音">
  <input id="t-styled" style="display:none" aria-label="姓名">
</form>"#;

#[wasm_bindgen_test]
fn scan_finds_labels_where_portals_put_them() {
    messages();
    let container = fixture(FORM);
    let (_, fields) = scan_document(&document());
    let by_html_id = |id: &str| {
        fields
            .iter()
            .find(|f| f.html_id.as_deref() == Some(id))
            .unwrap()
    };
    let label = |id: &str| {
        let f = by_html_id(id);
        (
            f.label.clone().unwrap_or_default(),
            f.label_source.unwrap_or(""),
        )
    };
    assert_eq!(label("t-name"), ("姓名".into(), "table-cell"));
    assert_eq!(label("t-id"), ("公民身份号码".into(), "label-for"));
    assert_eq!(label("t-birth"), ("出生日期".into(), "label-wrap"));
    assert_eq!(label("t-mz"), ("民族".into(), "aria-labelledby"));
    assert_eq!(label("t-mobile"), ("手机号码".into(), "aria-label"));
    assert_eq!(label("t-date"), ("填表日期".into(), "title"));
    assert_eq!(
        by_html_id("t-date").placeholder.as_deref(),
        Some("YYYY年MM月DD日")
    );

    let sex = fields
        .iter()
        .find(|f| f.control == Control::RadioGroup)
        .unwrap();
    assert_eq!(sex.label.as_deref(), Some("性别"));
    let texts: Vec<_> = sex.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, vec!["男", "女"]);

    assert!(!by_html_id("t-hidden").visible);
    assert!(!by_html_id("t-styled").visible);
    assert!(by_html_id("t-ro").readonly && by_html_id("t-ro").has_value);
    assert!(by_html_id("t-off").disabled);
    assert_eq!(by_html_id("t-mz").options.len(), 2);
    assert!(fields.iter().all(|f| f.form.is_some()));
    container.remove();
}

#[wasm_bindgen_test]
fn controls_a_page_marks_as_oncefills_own_are_never_scanned() {
    messages();
    let container = fixture(
        r#"<section data-oncefill-skip><h2>扫码接收</h2>
             <label>手机号码 <input id="s-own" type="tel"></label>
             <div><textarea id="s-own-2" aria-label="姓名"></textarea></div></section>
           <form><label>手机号码 <input id="s-form" type="tel"></label></form>"#,
    );
    let (description, fields) = scan_document(&document());
    let ids: Vec<_> = fields.iter().filter_map(|f| f.html_id.as_deref()).collect();
    assert!(ids.contains(&"s-form"), "{ids:?}");
    assert!(
        !ids.contains(&"s-own") && !ids.contains(&"s-own-2"),
        "{ids:?}"
    );
    // Nor is their text described.
    assert!(!description.to_json().contains("扫码接收"));
    container.remove();
}

#[wasm_bindgen_test]
async fn fill_sets_values_with_events_and_leaves_the_rest_alone() {
    messages();
    let container = fixture(FORM);
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = events.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let target: Element = e.target().unwrap().dyn_into().unwrap();
        log.borrow_mut()
            .push(format!("{}:{}", e.type_(), target.id()));
    });
    for kind in ["input", "change", "focus", "blur"] {
        // Capture on the container: input and change bubble; focus and blur do not.
        container
            .add_event_listener_with_callback_and_bool(
                kind,
                listener.as_ref().unchecked_ref(),
                true,
            )
            .unwrap();
    }

    let doc = document();
    let (description, fields) = scan_document(&doc);
    let classified = classify_all(&fields);
    let today = date!(2026 - 11 - 21);
    let plan = plan(&Profile::demo(), &fields, &classified, today);
    let planned: Vec<Key> = plan.steps.iter().map(|s| s.key).collect();
    assert_eq!(planned.len(), 8, "{planned:?}");
    let report = agent::fill_plan(&plan, &fields, &description).await;
    assert!(
        report
            .outcomes
            .iter()
            .all(|(_, _, o)| *o == Outcome::Filled),
        "{report:?}"
    );

    assert_eq!(input("t-name").value(), "王小明");
    assert_eq!(input("t-id").value(), "110105199003071239");
    assert_eq!(input("t-birth").value(), "1990-03-07");
    assert_eq!(input("t-mobile").value(), "13800138000");
    assert_eq!(input("t-date").value(), "2026年11月21日");
    assert_eq!(
        input("t-addr").value(),
        "北京市朝阳区建国路88号院3号楼2单元501室"
    );
    let mz: HtmlSelectElement = doc.get_element_by_id("t-mz").unwrap().dyn_into().unwrap();
    assert_eq!(mz.value(), "01");
    let male: HtmlInputElement = doc
        .query_selector("input[name=t-sex][value='1']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(male.checked());
    // Never touched.
    assert_eq!(input("t-hidden").value(), "x");
    assert_eq!(input("t-ro").value(), "固定");
    assert_eq!(input("t-off").value(), "");
    assert_eq!(input("t-styled").value(), "");

    // Like a person: focus, input and change (bubbling), blur — in that order.
    let seen = events.borrow();
    let name_events: Vec<_> = seen
        .iter()
        .filter(|e| e.ends_with(":t-name"))
        .cloned()
        .collect();
    assert_eq!(
        name_events,
        vec![
            "focus:t-name",
            "input:t-name",
            "change:t-name",
            "blur:t-name"
        ]
    );
    assert!(seen.iter().any(|e| e == "change:t-mz"));
    drop(seen);
    container.remove();
}

#[wasm_bindgen_test]
async fn filled_fields_stay_unless_ticked_and_changed_fields_are_rechecked() {
    messages();
    let container = fixture(FORM);
    let doc = document();
    input("t-name").set_value("李四");
    let (description, fields, mut plan) = scanned_and_planned(&doc);
    let name_step = plan
        .steps
        .iter()
        .find(|s| s.key == Key::PersonName)
        .unwrap();
    assert!(name_step.overwrites && !name_step.selected);

    // The person typed into the ID field after review, and the page disabled the mobile field.
    input("t-id").set_value("something");
    input("t-mobile").set_disabled(true);
    let report = agent::fill_plan(&plan, &fields, &description).await;
    let outcome = |label: &str| outcome_of(&report, label);
    assert_eq!(outcome("姓名"), None, "unticked steps are not carried out");
    assert_eq!(outcome("公民身份号码"), Some(Outcome::NonEmpty));
    // Disabled is part of what review was shown: the control is no longer the one described.
    assert_eq!(outcome("手机号码"), Some(Outcome::Changed));
    assert_eq!(input("t-name").value(), "李四");
    assert_eq!(input("t-id").value(), "something");

    // Ticked: replaced.
    for step in plan.steps.iter_mut() {
        step.selected = step.key == Key::PersonName;
    }
    let report = agent::fill_plan(&plan, &fields, &description).await;
    assert_eq!(report.outcomes[0].2, Outcome::Filled);
    assert_eq!(input("t-name").value(), "王小明");
    container.remove();
}

/// React 17+'s value tracker, in miniature, installed on `el`: an own accessor that records
/// assignments, and a root listener that ignores input events when the value equals the
/// recorded one. (A function made here rather than a JavaScript file: each file is one more
/// module the test page loads at once.)
fn install_tracker(el: &Element) -> JsValue {
    let body = r#"
  const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = el.value;
  const state = { value: '' };
  Object.defineProperty(el, 'value', {
    configurable: true,
    get() { return proto.get.call(this); },
    set(v) { tracked = String(v); proto.set.call(this, v); },
  });
  document.addEventListener('input', (e) => {
    if (e.target !== el) return;
    const now = proto.get.call(el);
    if (now === tracked) return;
    tracked = now;
    state.value = now;
  });
  return state;
"#;
    js_sys::Function::new_with_args("el", body)
        .call1(&JsValue::NULL, el)
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_react_controlled_input_sees_the_value() {
    messages();
    let container =
        fixture(r#"<form><label for="t-ctl">手机号码</label><input id="t-ctl"></form>"#);
    let el = document().get_element_by_id("t-ctl").unwrap();
    let state = install_tracker(&el);
    let doc = document();
    let (description, fields, plan) = scanned_and_planned(&doc);
    agent::fill_plan(&plan, &fields, &description).await;
    let seen = js_sys::Reflect::get(&state, &"value".into()).unwrap();
    assert_eq!(seen.as_string().as_deref(), Some("13800138000"));
    container.remove();
}

#[wasm_bindgen_test]
fn fields_the_page_hides_are_told_from_fields_a_person_sees() {
    messages();
    let container = fixture(
        r#"<form id="t-vis" style="background:#fff;color:#111">
  <label>姓名 <input id="v-seen"></label>
  <label>手机 <input id="v-faded" style="opacity:.5"></label>
  <label class="pill"><input type="radio" name="v-sex" id="v-styled" value="1" style="opacity:0;position:absolute">男</label>
  <div style="overflow:auto;height:60px"><div style="height:200px"></div><label>备注 <input id="v-scrolled"></label></div>
  <div style="opacity:0"><label>公民身份号码 <input id="v-opacity"></label></div>
  <label>户籍地址 <input id="v-left" style="position:absolute;left:-10000px"></label>
  <div style="width:1px;height:1px;overflow:hidden"><label>民族 <input id="v-box"></label></div>
  <label>出生日期 <input id="v-flat" style="height:0;padding:0;border:0"></label>
  <label>邮箱 <input id="v-ink" style="color:#fff;background:#fff;border:0"></label>
  <div style="position:relative"><label>邮编 <input id="v-under"></label><div style="position:absolute;inset:0;background:#fff;z-index:3">说明</div></div>
</form>"#,
    );
    let (_, fields) = scan_document(&document());
    let concealed = |id: &str| {
        fields
            .iter()
            .find(|f| f.html_id.as_deref() == Some(id))
            .map(|f| f.concealed)
            .unwrap()
    };
    for seen in ["v-seen", "v-faded", "v-scrolled"] {
        assert_eq!(concealed(seen), None, "{seen} is seen");
    }
    let group = fields
        .iter()
        .find(|f| f.name.as_deref() == Some("v-sex"))
        .unwrap();
    assert_eq!(
        group.concealed, None,
        "a styled radio is seen through its label"
    );
    for (id, why) in [
        ("v-opacity", Concealment::Opacity),
        ("v-left", Concealment::Offscreen),
        ("v-box", Concealment::Clipped),
        ("v-flat", Concealment::Tiny),
        ("v-ink", Concealment::SameColour),
        ("v-under", Concealment::Covered),
    ] {
        assert_eq!(concealed(id), Some(why), "{id}");
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn a_field_the_page_hides_after_review_is_refused_at_fill_time() {
    messages();
    let container = fixture(
        r#"<form><label>姓名 <input id="h-name"></label><label>手机号码 <input id="h-mobile"></label></form>"#,
    );
    let doc = document();
    let (description, fields, plan) = scanned_and_planned(&doc);
    assert!(
        plan.steps
            .iter()
            .all(|s| s.selected && s.concealed.is_none())
    );
    input("h-mobile")
        .unchecked_ref::<web_sys::HtmlElement>()
        .style()
        .set_property("opacity", "0")
        .unwrap();
    let report = agent::fill_plan(&plan, &fields, &description).await;
    let outcome = |label: &str| outcome_of(&report, label);
    assert_eq!(outcome("姓名"), Some(Outcome::Filled));
    assert_eq!(outcome("手机号码"), Some(Outcome::Hidden));
    assert_eq!(input("h-mobile").value(), "");
    container.remove();
}

/// A page built by script can nest deeper than a parser would (here 2,000 levels): the agent
/// describes it down to the scan's depth limit and says it left the rest out, and stops at the
/// field cap.
#[wasm_bindgen_test]
fn live_scan_of_deep_and_crowded_pages() {
    messages();
    use oncefill::core::scan::{MAX_DEPTH, MAX_FIELDS, Truncated, scan_page};

    let doc = document();
    let container = fixture("<label id=t-deep-label></label><span>电话</span><input id=t-after>");
    let label = doc.get_element_by_id("t-deep-label").unwrap();
    let mut inner = label.clone();
    for _ in 0..2_000 {
        let span = doc.create_element("span").unwrap();
        inner.append_child(&span).unwrap();
        inner = span;
    }
    inner.set_text_content(Some("姓名"));
    let control = doc.create_element("input").unwrap();
    control.set_id("t-deep");
    label.append_child(&control).unwrap();
    agent_page::load();
    let scan = scan_page(&agent::describe(Some(&doc)).unwrap());
    assert_eq!(
        scan.truncated,
        Some(Truncated::TooDeep { limit: MAX_DEPTH })
    );
    let field = |id: &str| {
        scan.fields
            .iter()
            .find(|f| f.html_id.as_deref() == Some(id))
            .unwrap()
    };
    // The control beside the deep label is still read; its label, below the limit, is not.
    assert_ne!(field("t-deep").label.as_deref(), Some("姓名"));
    assert_eq!(field("t-after").label.as_deref(), Some("电话"));
    container.remove();

    let crowded = (0..MAX_FIELDS + 100)
        .map(|i| format!("字段{i}<input name=t-many-{i}>"))
        .collect::<String>();
    let container = fixture(&format!("<div>{crowded}</div>"));
    let scan = scan_page(&agent::describe(Some(&doc)).unwrap());
    assert_eq!(scan.fields.len(), MAX_FIELDS);
    assert!(matches!(
        scan.truncated,
        Some(Truncated::TooManyFields {
            limit: MAX_FIELDS,
            ..
        })
    ));
    assert_eq!(scan.fields[5].label.as_deref(), Some("字段5"));
    container.remove();
}

/// The Chinese messages, which the site serves beside the bundle and the loader hands over.
fn messages() {
    let zh = include_str!("../src/core/i18n/zh-CN.ftl");
    oncefill::core::i18n::install(oncefill::core::i18n::Lang::ZhCn, zh.to_string());
}
