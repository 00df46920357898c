//! Filling: carries out the selected steps of a plan the way a person's typing would look to
//! the page — focus, the element's native value setter, bubbling `input` and `change` events,
//! blur — so React's value tracker, Vue's `v-model` and Angular forms all see the value.
//!
//! Hidden, read-only and disabled controls are never touched, nor one the page hides from the
//! person (measured again just before writing), nor one that is no longer the control the person
//! reviewed; a field that has content is only replaced when the person ticked it in review (the
//! plan marks it `overwrites`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventInit, HtmlInputElement};

use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::plan::{Drift, FillAction, FillPlan, Recheck};
use crate::core::scan::{Dom, scan};
use crate::dom::scan::LiveDom;
use crate::dom::{realm, visibility};

/// What happened to one field: the same outcomes the page agent reports to the window.
pub use crate::core::protocol::Outcome;

/// The outcome of every selected step, in plan order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FillReport {
    /// Field, its label, outcome.
    pub outcomes: Vec<(FieldId, String, Outcome)>,
}

impl FillReport {
    /// How many fields hold their planned value.
    pub fn filled(&self) -> usize {
        self.outcomes.iter().filter(|(_, _, o)| o.ok()).count()
    }
}

/// Carries out the selected steps of `plan` in `document`, each only on the control the person
/// reviewed (`reviewed`, the fields the plan was made from): the page is described again
/// first, and a step whose control is described differently now, whose handle more than one
/// element carries, or that the page now hides from the person is refused. Every control is
/// measured before the first value is written (reading the layout between writes would make
/// the browser lay the page out again for each field).
pub fn apply(document: &Document, plan: &FillPlan, reviewed: &[FieldDescriptor]) -> FillReport {
    let dom = LiveDom::unmeasured(document.clone());
    let now = scan(&dom);
    let recheck = Recheck::new(reviewed, &now);
    let checked: Vec<_> = plan
        .steps
        .iter()
        // A select waiting for its options is filled after the one before it (`ui::page`).
        .filter(|s| s.selected && !matches!(s.action, FillAction::Later { .. }))
        .map(|step| {
            let target = match &step.action {
                FillAction::Radio { option } => option,
                _ => &step.field,
            };
            let found = match (recheck.check(step), dom.carrying(target).as_slice()) {
                _ if step.concealed.is_some() => Err(Outcome::Hidden),
                (Err(Drift::Missing), _) | (_, []) => Err(Outcome::Missing),
                (Err(Drift::Changed), _) | (_, [_, _, ..]) => Err(Outcome::Changed),
                (Ok(_), [el]) if visibility::concealment(el, false).is_some() => {
                    Err(Outcome::Hidden)
                }
                (Ok(_), [el]) => Ok(el.clone()),
            };
            (step, found)
        })
        .collect();
    let mut report = FillReport::default();
    for (step, found) in checked {
        let outcome = match found {
            Ok(el) => fill_one(&dom, &el, &step.action, step.overwrites),
            Err(outcome) => outcome,
        };
        report
            .outcomes
            .push((step.field.clone(), step.label.clone(), outcome));
    }
    report
}

fn fillable(dom: &LiveDom, el: &Element) -> bool {
    dom.is_rendered(el) && !dom.is_disabled(el) && !el.has_attribute("readonly")
}

fn fill_one(dom: &LiveDom, el: &Element, action: &FillAction, overwrite: bool) -> Outcome {
    if !fillable(dom, el) {
        return Outcome::NotFillable;
    }
    match action {
        FillAction::Text { value } => fill_text(dom, el, value.expose(), overwrite),
        FillAction::Select { index } => fill_select(dom, el, *index, overwrite),
        FillAction::Radio { .. } => fill_radio(el, overwrite),
        FillAction::Check { on } => fill_check(el, *on),
        FillAction::Later { .. } => Outcome::NoChoice,
    }
}

/// The prototype's `value` property descriptor, bypassing any own accessor a framework
/// installed on the element (React's value tracker).
fn native_value(el: &Element) -> Option<(js_sys::Function, js_sys::Function)> {
    let class = if realm::textarea(el).is_some() {
        "HTMLTextAreaElement"
    } else {
        "HTMLInputElement"
    };
    // The element's own window: a same-origin iframe has its own prototypes.
    let window: JsValue = el
        .owner_document()
        .and_then(|d| d.default_view())
        .map(JsValue::from)
        .or_else(|| web_sys::window().map(JsValue::from))?;
    let ctor = js_sys::Reflect::get(&window, &class.into()).ok()?;
    let proto = js_sys::Reflect::get(&ctor, &"prototype".into()).ok()?;
    let desc = js_sys::Object::get_own_property_descriptor(
        &proto.unchecked_into::<js_sys::Object>(),
        &"value".into(),
    );
    let function = |name: &str| {
        js_sys::Reflect::get(&desc, &name.into())
            .ok()
            .filter(JsValue::is_function)
            .map(JsCast::unchecked_into::<js_sys::Function>)
    };
    let get = function("get")?;
    let set = function("set")?;
    Some((get, set))
}

fn dispatch(el: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = el.dispatch_event(&event);
    }
}

fn focus(el: &Element) {
    if let Some(h) = realm::html(el) {
        let _ = h.focus();
    }
}

fn blur(el: &Element) {
    if let Some(h) = realm::html(el) {
        let _ = h.blur();
    }
}

fn fill_text(dom: &LiveDom, el: &Element, value: &str, overwrite: bool) -> Outcome {
    let Some((get, set)) = native_value(el) else {
        return Outcome::NotFillable;
    };
    let current = || {
        get.call0(el)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    if current() == value {
        return Outcome::Unchanged;
    }
    if dom.has_value(el) && !overwrite {
        return Outcome::NonEmpty;
    }
    focus(el);
    let _ = set.call1(el, &JsValue::from_str(value));
    dispatch(el, "input");
    dispatch(el, "change");
    blur(el);
    if current() == value {
        Outcome::Filled
    } else {
        Outcome::Rejected
    }
}

fn fill_select(dom: &LiveDom, el: &Element, index: usize, overwrite: bool) -> Outcome {
    let Some(select) = realm::select(el) else {
        return Outcome::NotFillable;
    };
    let index = index as i32;
    if select.selected_index() == index {
        return Outcome::Unchanged;
    }
    if dom.has_value(el) && !overwrite {
        return Outcome::NonEmpty;
    }
    focus(el);
    select.set_selected_index(index);
    dispatch(el, "input");
    dispatch(el, "change");
    blur(el);
    if select.selected_index() == index {
        Outcome::Filled
    } else {
        Outcome::Rejected
    }
}

/// Ticks or unticks a checkbox with a native click (click, input and change, as a person's).
fn fill_check(el: &Element, on: bool) -> Outcome {
    let Some(box_) = realm::input(el) else {
        return Outcome::NotFillable;
    };
    if box_.checked() == on {
        return Outcome::Unchanged;
    }
    focus(el);
    box_.click();
    blur(el);
    if box_.checked() == on {
        Outcome::Filled
    } else {
        Outcome::Rejected
    }
}

/// Whether another radio of the same group (same name, same form) is checked.
fn group_checked(radio: &HtmlInputElement) -> bool {
    let name = radio.name();
    if name.is_empty() {
        return false;
    }
    let scope: Option<Element> = radio.form().map(Into::into);
    let selector = "input[type=radio]";
    let list = match &scope {
        Some(form) => form.query_selector_all(selector),
        None => radio
            .owner_document()
            .map_or_else(|| Err(JsValue::NULL), |d| d.query_selector_all(selector)),
    };
    let Ok(list) = list else { return false };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| realm::element(n).and_then(|e| realm::input(&e).cloned()))
        .any(|r| r.name() == name && r.checked() && r.form().is_some() == scope.is_some())
}

fn fill_radio(el: &Element, overwrite: bool) -> Outcome {
    let Some(radio) = realm::input(el) else {
        return Outcome::NotFillable;
    };
    if radio.checked() {
        return Outcome::Unchanged;
    }
    if !overwrite && group_checked(radio) {
        return Outcome::NonEmpty;
    }
    // A native click checks the radio and fires click, input and change, as React expects.
    focus(el);
    radio.click();
    blur(el);
    if radio.checked() {
        Outcome::Filled
    } else {
        Outcome::Rejected
    }
}
