//! Scanning the live document: [`LiveDom`] answers the core scanner's questions with web-sys.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::scan::{Child, Dom, scan};
use crate::dom::realm;

/// The attribute that ties a control to its [`FieldId`].
pub const FIELD_ATTR: &str = "data-oncefill-id";
const FORM_ATTR: &str = "data-oncefill-form";

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn next_id(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("{prefix}{id}")
    })
}

/// The live document, seen through the core's [`Dom`] trait.
pub struct LiveDom {
    document: Document,
}

impl LiveDom {
    /// The document of this window.
    pub fn new(document: Document) -> Self {
        LiveDom { document }
    }

    /// The window's document, if there is one.
    pub fn current() -> Option<Self> {
        web_sys::window()?.document().map(Self::new)
    }
}

/// Scans the document into field descriptors.
pub fn scan_document(document: &Document) -> Vec<FieldDescriptor> {
    scan(&LiveDom::new(document.clone()))
}

/// Finds the control a [`FieldId`] names, if it is still in the document.
pub fn find(document: &Document, id: &FieldId) -> Option<Element> {
    document
        .query_selector(&format!("[{FIELD_ATTR}=\"{}\"]", id.0))
        .ok()
        .flatten()
        .filter(|e| e.is_connected())
}

fn elements(list: web_sys::NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(realm::element)
        .collect()
}

impl Dom for LiveDom {
    type Node = Element;

    fn controls(&self) -> Vec<Element> {
        self.document
            .query_selector_all("input, select, textarea")
            .map(elements)
            .unwrap_or_default()
    }

    fn elements(&self) -> Vec<Element> {
        self.document
            .query_selector_all("*")
            .map(elements)
            .unwrap_or_default()
    }

    fn children(&self, node: &Element) -> Vec<Child<Element>> {
        let list = node.child_nodes();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| match n.node_type() {
                web_sys::Node::ELEMENT_NODE => realm::element(n).map(Child::Element),
                web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                    Some(Child::Text(n.text_content().unwrap_or_default()))
                }
                _ => None,
            })
            .collect()
    }

    fn tag(&self, node: &Element) -> String {
        node.tag_name().to_ascii_lowercase()
    }

    fn attr(&self, node: &Element, name: &str) -> Option<String> {
        node.get_attribute(name)
    }

    fn parent(&self, node: &Element) -> Option<Element> {
        node.parent_element()
    }

    fn previous_element(&self, node: &Element) -> Option<Element> {
        node.previous_element_sibling()
    }

    fn text(&self, node: &Element) -> String {
        node.text_content().unwrap_or_default()
    }

    fn by_id(&self, id: &str) -> Option<Element> {
        self.document.get_element_by_id(id)
    }

    fn labels_for(&self, id: &str) -> Vec<Element> {
        let labels = self.document.get_elements_by_tag_name("label");
        (0..labels.length())
            .filter_map(|i| labels.item(i))
            .filter(|l| l.get_attribute("for").as_deref() == Some(id))
            .collect()
    }

    fn is_rendered(&self, node: &Element) -> bool {
        if node.get_client_rects().length() == 0 {
            return false;
        }
        web_sys::window()
            .and_then(|w| w.get_computed_style(node).ok().flatten())
            .and_then(|style| style.get_property_value("visibility").ok())
            .is_none_or(|v| v != "hidden" && v != "collapse")
    }

    fn has_value(&self, node: &Element) -> bool {
        if let Some(input) = realm::input(node) {
            return match input.type_().as_str() {
                "radio" | "checkbox" => input.checked(),
                _ => !input.value().trim().is_empty(),
            };
        }
        if let Some(area) = realm::textarea(node) {
            return !area.value().trim().is_empty();
        }
        if let Some(select) = realm::select(node) {
            let options = select.options();
            let initial = (0..options.length())
                .filter_map(|i| options.item(i))
                .filter_map(|o| realm::element(o.into()).and_then(realm::option))
                .position(|o| o.default_selected())
                .unwrap_or(0) as i32;
            return select.selected_index() >= 0
                && select.selected_index() != initial
                && !select.value().is_empty();
        }
        false
    }

    fn is_disabled(&self, node: &Element) -> bool {
        node.matches(":disabled").unwrap_or(false)
    }

    fn select_options(&self, node: &Element) -> Vec<(String, String)> {
        let Some(select) = realm::select(node) else {
            return Vec::new();
        };
        let options = select.options();
        (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|o| realm::element(o.into()).and_then(realm::option))
            .map(|o| (o.value(), o.text()))
            .collect()
    }

    fn field_id(&self, node: &Element) -> FieldId {
        if let Some(id) = node.get_attribute(FIELD_ATTR) {
            return FieldId(id);
        }
        let id = next_id("of-");
        let _ = node.set_attribute(FIELD_ATTR, &id);
        FieldId(id)
    }

    fn form_of(&self, node: &Element) -> Option<String> {
        let form = js_sys::Reflect::get(node, &"form".into())
            .ok()
            .filter(|f| !f.is_null() && !f.is_undefined())
            .and_then(|f| super::realm::element(f.unchecked_into()))?;
        if let Some(id) = form.get_attribute(FORM_ATTR) {
            return Some(id);
        }
        let id = next_id("form-");
        let _ = form.set_attribute(FORM_ATTR, &id);
        Some(id)
    }
}
