//! Element types checked by tag name rather than `instanceof`: an element of a same-origin
//! iframe belongs to that frame's realm, where the top page's `HTMLInputElement` is a different
//! constructor, so `dyn_into` would wrongly refuse it.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement,
    HtmlTextAreaElement, Node,
};

fn is(el: &Element, tag: &str) -> bool {
    el.tag_name().eq_ignore_ascii_case(tag)
}

/// The node as an element, if it is one.
pub fn element(node: Node) -> Option<Element> {
    (node.node_type() == Node::ELEMENT_NODE).then(|| node.unchecked_into())
}

/// The element as an `<input>`.
pub fn input(el: &Element) -> Option<&HtmlInputElement> {
    is(el, "input").then(|| el.unchecked_ref())
}

/// The element as a `<textarea>`.
pub fn textarea(el: &Element) -> Option<&HtmlTextAreaElement> {
    is(el, "textarea").then(|| el.unchecked_ref())
}

/// The element as a `<select>`.
pub fn select(el: &Element) -> Option<&HtmlSelectElement> {
    is(el, "select").then(|| el.unchecked_ref())
}

/// The element as an `<option>`.
pub fn option(el: Element) -> Option<HtmlOptionElement> {
    is(&el, "option").then(|| el.unchecked_into())
}

/// The element as an HTML element (everything in an HTML document is), for focus and blur.
pub fn html(el: &Element) -> Option<&HtmlElement> {
    el.namespace_uri()
        .is_some_and(|ns| ns == "http://www.w3.org/1999/xhtml")
        .then(|| el.unchecked_ref())
}
