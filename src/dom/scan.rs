//! Scanning the live document: [`LiveDom`] answers the core scanner's questions with web-sys.

use std::cell::{Cell, OnceCell};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::core::field::{Concealment, FieldDescriptor, FieldId};
use crate::core::scan::{Child, Dom, push_capped, scan};
use crate::dom::{realm, visibility};

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

/// Marks a part of a page whose controls are OnceFill's own, never a form's (the staff desk's
/// bar and hand-off area): the scanner leaves them out.
pub const SKIP_ATTR: &str = "data-oncefill-skip";

/// The elements the scanner reads: every one outside [`SKIP_ATTR`].
const ELEMENTS: &str = "*:not([data-oncefill-skip]):not([data-oncefill-skip] *)";

/// The controls the scanner reads: every input, select and text area outside [`SKIP_ATTR`].
const CONTROLS: &str = "input:not([data-oncefill-skip] *), select:not([data-oncefill-skip] *), \
     textarea:not([data-oncefill-skip] *)";

/// A tree controls can live in: the page, a same-origin frame's document, an open shadow root.
#[derive(Clone)]
enum Root {
    Document(Document),
    Shadow(web_sys::ShadowRoot),
}

impl Root {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = match self {
            Root::Document(d) => d.query_selector_all(selector),
            Root::Shadow(r) => r.query_selector_all(selector),
        };
        list.map(elements).unwrap_or_default()
    }

    fn by_id(&self, id: &str) -> Option<Element> {
        match self {
            Root::Document(d) => d.get_element_by_id(id),
            Root::Shadow(r) => r.get_element_by_id(id),
        }
    }
}

/// The live document, seen through the core's [`Dom`] trait: the page, the documents of its
/// same-origin frames and its open shadow roots (OnceFill's own widget excepted), in that
/// order.
///
/// What the scanner asks for every control is indexed once, when first asked: each element's
/// position in document order (a JS `Map` keyed by the element); `<label for>` elements are
/// found by a selector the browser matches natively.
pub struct LiveDom {
    roots: Vec<Root>,
    /// Whether the scan measures how the page hides each control ([`visibility`]).
    measure: bool,
    index: OnceCell<Index>,
}

/// What a scan asks of every control, gathered once.
struct Index {
    /// Every element, in document order.
    elements: Vec<Element>,
    /// Element → its place in `elements`.
    positions: js_sys::Map,
}

/// Every tree below `root` where controls can live, `root` first.
fn roots_of(root: Root, out: &mut Vec<Root>, depth: usize) {
    out.push(root.clone());
    if depth > 8 {
        return;
    }
    for el in root.all("*") {
        if el.has_attribute("data-oncefill-host") {
            continue;
        }
        if let Some(shadow) = el.shadow_root() {
            roots_of(Root::Shadow(shadow), out, depth + 1);
        }
        if el.tag_name().eq_ignore_ascii_case("iframe")
            && let Some(doc) = el
                .unchecked_ref::<web_sys::HtmlIFrameElement>()
                .content_document()
        {
            // A cross-origin frame gives no document: it is out of reach, as it should be.
            roots_of(Root::Document(doc), out, depth + 1);
        }
    }
}

impl LiveDom {
    /// The document of this window.
    pub fn new(document: Document) -> Self {
        let mut roots = Vec::new();
        roots_of(Root::Document(document), &mut roots, 0);
        LiveDom {
            roots,
            measure: true,
            index: OnceCell::new(),
        }
    }

    /// As [`new`](Self::new), without measuring visibility: for a description of the page
    /// whose controls are measured one by one afterwards (the fill measures each control just
    /// before writing to it).
    pub fn unmeasured(document: Document) -> Self {
        LiveDom {
            measure: false,
            ..Self::new(document)
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let elements = self.all(ELEMENTS);
            let positions = js_sys::Map::new();
            for (i, e) in elements.iter().enumerate() {
                positions.set(e, &wasm_bindgen::JsValue::from_f64(i as f64));
            }
            Index {
                elements,
                positions,
            }
        })
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        self.roots.iter().flat_map(|r| r.all(selector)).collect()
    }

    /// The control a [`FieldId`] names, in any of the trees.
    pub fn find(&self, id: &FieldId) -> Option<Element> {
        self.carrying(id).into_iter().next()
    }

    /// Every element that carries a [`FieldId`], in any of the trees: one, unless the page
    /// copied the handle.
    pub fn carrying(&self, id: &FieldId) -> Vec<Element> {
        self.all(&format!("[{FIELD_ATTR}=\"{}\"]", id.0))
            .into_iter()
            .filter(|e| e.is_connected())
            .collect()
    }

    /// The scanned controls a CSS selector picks, in any of the trees.
    pub fn select(&self, selector: &str) -> Vec<FieldId> {
        self.all(selector)
            .into_iter()
            .filter_map(|e| e.get_attribute(FIELD_ATTR).map(FieldId))
            .collect()
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
    LiveDom::new(document.clone()).find(id)
}

/// A child node as the scanner sees it: an element or text (comments left out).
fn child(n: web_sys::Node) -> Option<Child<Element>> {
    match n.node_type() {
        web_sys::Node::ELEMENT_NODE => realm::element(n).map(Child::Element),
        web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
            Some(Child::Text(n.text_content().unwrap_or_default()))
        }
        _ => None,
    }
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
        self.all(CONTROLS)
    }

    fn elements(&self) -> Vec<Element> {
        self.index().elements.clone()
    }

    fn position(&self, node: &Element) -> Option<usize> {
        self.index()
            .positions
            .get(node)
            .as_f64()
            .map(|i| i as usize)
    }

    fn children(&self, node: &Element, max: usize) -> Vec<Child<Element>> {
        let list = node.child_nodes();
        (0..list.length().min(u32::try_from(max).unwrap_or(u32::MAX)))
            .filter_map(|i| list.item(i))
            .filter_map(child)
            .collect()
    }

    fn previous_siblings(&self, node: &Element, max: usize) -> Vec<Child<Element>> {
        let mut out = Vec::new();
        let mut at = node.previous_sibling();
        for _ in 0..max {
            let Some(n) = at else { break };
            at = n.previous_sibling();
            out.extend(child(n));
        }
        out
    }

    fn label_text(&self, node: &Element) -> String {
        // The browser's own text content, natively and at once, cut as the core would.
        let mut out = String::new();
        push_capped(&mut out, &mut 0, &node.text_content().unwrap_or_default());
        out
    }

    fn next_element(&self, node: &Element) -> Option<Element> {
        node.next_element_sibling()
    }

    fn last_element_child(&self, node: &Element) -> Option<Element> {
        node.last_element_child()
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

    fn by_id(&self, id: &str) -> Option<Element> {
        self.roots.iter().find_map(|r| r.by_id(id))
    }

    fn labels_for(&self, id: &str) -> Vec<Element> {
        // The browser matches the attribute natively: one query per control, not a walk of
        // every label in Rust.
        let mut quoted = String::from("label[for=\"");
        for c in id.chars() {
            match c {
                '"' | '\\' => {
                    quoted.push('\\');
                    quoted.push(c);
                }
                c if c.is_control() => quoted.push_str(&format!("\\{:x} ", u32::from(c))),
                c => quoted.push(c),
            }
        }
        quoted.push_str("\"]");
        self.all(&quoted)
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

    fn concealment(&self, node: &Element) -> Option<Concealment> {
        if self.measure {
            visibility::concealment(node, true)
        } else {
            None
        }
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
