//! Scanning: the field descriptors of a page, written once over a small [`Dom`] trait so the
//! same label rules serve the live page (the `dom` adapter) and saved HTML.
//!
//! A label is looked for in this order: `aria-labelledby`, `label[for]`, a wrapping `<label>`,
//! `aria-label`, the neighbouring table cell (the cell before the control's cell, as in the
//! printed-form tables of government portals), then `title`. Radio buttons sharing a name
//! are one field whose options are the radios' own labels; the group's label is looked for
//! outside those.

use crate::core::field::{Control, FieldDescriptor, FieldId, FieldOption};

/// The little a scanner needs to know about a document.
pub trait Dom {
    /// An element.
    type Node: Clone;

    /// Form controls (`input`, `select`, `textarea`) in document order.
    fn controls(&self) -> Vec<Self::Node>;
    /// Lower-case tag name.
    fn tag(&self, node: &Self::Node) -> String;
    /// An attribute's value.
    fn attr(&self, node: &Self::Node, name: &str) -> Option<String>;
    /// The parent element.
    fn parent(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The previous sibling element.
    fn previous_element(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The text content of an element and its descendants.
    fn text(&self, node: &Self::Node) -> String;
    /// The element with an `id`.
    fn by_id(&self, id: &str) -> Option<Self::Node>;
    /// `<label for=id>` elements.
    fn labels_for(&self, id: &str) -> Vec<Self::Node>;
    /// Whether the element is rendered (not `display:none`, not `hidden`, has a box).
    fn is_rendered(&self, node: &Self::Node) -> bool;
    /// Whether a control holds content: text typed, a checked radio or checkbox, or a select
    /// whose choice differs from its initial one.
    fn has_value(&self, node: &Self::Node) -> bool;
    /// Whether the control is disabled, itself or through a disabled fieldset.
    fn is_disabled(&self, node: &Self::Node) -> bool;
    /// The options of a select: (value, text).
    fn select_options(&self, node: &Self::Node) -> Vec<(String, String)>;
    /// A stable handle for the control (the live adapter tags the element).
    fn field_id(&self, node: &Self::Node) -> FieldId;
    /// A handle of the control's form, if it has one.
    fn form_of(&self, node: &Self::Node) -> Option<String>;
}

/// Collapses white space and trims the decorations labels carry: `*`, `＊`, `:` and `：`.
pub fn clean_label(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| matches!(c, '*' | '＊' | ':' | '：' | ' ' | '\u{a0}'))
        .to_string()
}

fn non_empty(text: String) -> Option<String> {
    let t = clean_label(&text);
    (!t.is_empty()).then_some(t)
}

const CONTROL_TAGS: [&str; 3] = ["input", "select", "textarea"];

/// The label of the cell before the control's table cell.
fn table_neighbour<D: Dom>(dom: &D, control: &D::Node) -> Option<String> {
    let mut cell = dom.parent(control);
    for _ in 0..4 {
        let c = cell.clone()?;
        let tag = dom.tag(&c);
        if tag == "td" || tag == "th" {
            break;
        }
        if tag == "tr" || tag == "table" || tag == "form" || tag == "body" {
            return None;
        }
        cell = dom.parent(&c);
    }
    let cell = cell?;
    if !matches!(dom.tag(&cell).as_str(), "td" | "th") {
        return None;
    }
    // Only the cell right before counts: an empty one means the row pairs controls with
    // something else, and reaching further back would borrow another control's label.
    dom.previous_element(&cell)
        .and_then(|p| non_empty(dom.text(&p)))
}

fn wrapping_label<D: Dom>(dom: &D, node: &D::Node) -> Option<D::Node> {
    let mut up = dom.parent(node);
    for _ in 0..6 {
        let p = up?;
        match dom.tag(&p).as_str() {
            "label" => return Some(p),
            "form" | "body" | "td" | "tr" | "table" => return None,
            _ => up = dom.parent(&p),
        }
    }
    None
}

/// The control's own label: `aria-labelledby`, `label[for]`, wrapping `<label>`, `aria-label`.
fn own_label<D: Dom>(dom: &D, node: &D::Node) -> Option<(String, &'static str)> {
    if let Some(ids) = dom.attr(node, "aria-labelledby") {
        let text = ids
            .split_whitespace()
            .filter_map(|id| dom.by_id(id))
            .map(|n| dom.text(&n))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(t) = non_empty(text) {
            return Some((t, "aria-labelledby"));
        }
    }
    if let Some(id) = dom.attr(node, "id").filter(|id| !id.is_empty()) {
        let text = dom
            .labels_for(&id)
            .iter()
            .map(|l| dom.text(l))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(t) = non_empty(text) {
            return Some((t, "label-for"));
        }
    }
    if let Some(label) = wrapping_label(dom, node)
        && let Some(t) = non_empty(dom.text(&label))
    {
        return Some((t, "label-wrap"));
    }
    if let Some(t) = dom.attr(node, "aria-label").and_then(non_empty) {
        return Some((t, "aria-label"));
    }
    None
}

/// The label of a control, and which rule found it.
fn label_of<D: Dom>(dom: &D, node: &D::Node, group: bool) -> Option<(String, &'static str)> {
    if !group && let Some(found) = own_label(dom, node) {
        return Some(found);
    }
    // A radio's own label names its option; the group's label stands outside it.
    let anchor = if group {
        wrapping_label(dom, node).unwrap_or_else(|| node.clone())
    } else {
        node.clone()
    };
    if group && let Some(t) = dom.attr(node, "aria-label").and_then(non_empty) {
        return Some((t, "aria-label"));
    }
    if let Some(t) = table_neighbour(dom, &anchor) {
        return Some((t, "table-cell"));
    }
    dom.attr(node, "title")
        .and_then(non_empty)
        .map(|t| (t, "title"))
}

fn attr_flag<D: Dom>(dom: &D, node: &D::Node, name: &str) -> bool {
    dom.attr(node, name).is_some()
}

fn non_empty_attr<D: Dom>(dom: &D, node: &D::Node, name: &str) -> Option<String> {
    dom.attr(node, name).filter(|v| !v.trim().is_empty())
}

/// Scans a document into field descriptors, in document order. Buttons and other controls
/// that take no typed value are left out; hidden and read-only ones are reported (the
/// classifier refuses them, and review says so).
pub fn scan<D: Dom>(dom: &D) -> Vec<FieldDescriptor> {
    let mut out: Vec<FieldDescriptor> = Vec::new();
    for node in dom.controls() {
        let tag = dom.tag(&node);
        if !CONTROL_TAGS.contains(&tag.as_str()) {
            continue;
        }
        let input_type = match tag.as_str() {
            "input" => dom
                .attr(&node, "type")
                .map(|t| t.trim().to_ascii_lowercase())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "text".into()),
            other => other.to_string(),
        };
        if matches!(input_type.as_str(), "submit" | "button" | "reset" | "image") {
            continue;
        }
        let form = dom.form_of(&node);
        let name = non_empty_attr(dom, &node, "name");
        if input_type == "radio" {
            let option = FieldOption {
                value: dom.attr(&node, "value").unwrap_or_else(|| "on".into()),
                text: own_label(dom, &node).map(|(t, _)| t).unwrap_or_default(),
                id: Some(dom.field_id(&node)),
            };
            // Join the group this radio belongs to, if it was already seen.
            if let Some(group) = out.iter_mut().find(|f| {
                f.control == Control::RadioGroup
                    && name.is_some()
                    && f.name == name
                    && f.form == form
            }) {
                group.options.push(option);
                group.has_value |= dom.has_value(&node);
                group.visible |= dom.is_rendered(&node);
                continue;
            }
            let (label, label_source) = label_of(dom, &node, true).unzip();
            out.push(FieldDescriptor {
                id: dom.field_id(&node),
                html_id: non_empty_attr(dom, &node, "id"),
                name,
                control: Control::RadioGroup,
                label,
                label_source,
                placeholder: None,
                autocomplete: non_empty_attr(dom, &node, "autocomplete"),
                max_length: None,
                options: vec![option],
                visible: dom.is_rendered(&node),
                readonly: false,
                disabled: dom.is_disabled(&node),
                has_value: dom.has_value(&node),
                form,
            });
            continue;
        }
        let control = match (tag.as_str(), input_type.as_str()) {
            ("select", _) => Control::Select,
            ("textarea", _) => Control::TextArea,
            (_, "checkbox") => Control::Checkbox,
            _ => Control::Input {
                input_type: input_type.clone(),
            },
        };
        let options = if control == Control::Select {
            dom.select_options(&node)
                .into_iter()
                .map(|(value, text)| FieldOption {
                    value,
                    text: clean_label(&text),
                    id: None,
                })
                .collect()
        } else {
            Vec::new()
        };
        let (label, label_source) = label_of(dom, &node, false).unzip();
        out.push(FieldDescriptor {
            id: dom.field_id(&node),
            html_id: non_empty_attr(dom, &node, "id"),
            name,
            control,
            label,
            label_source,
            placeholder: non_empty_attr(dom, &node, "placeholder"),
            autocomplete: non_empty_attr(dom, &node, "autocomplete"),
            max_length: dom
                .attr(&node, "maxlength")
                .and_then(|m| m.trim().parse().ok())
                .filter(|&m: &u32| m > 0),
            options,
            visible: input_type != "hidden" && dom.is_rendered(&node),
            readonly: attr_flag(dom, &node, "readonly"),
            disabled: dom.is_disabled(&node),
            has_value: dom.has_value(&node),
            form,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cleaned() {
        assert_eq!(clean_label(" 姓名 *："), "姓名");
        assert_eq!(clean_label("＊ 公民身份号码:"), "公民身份号码");
        assert_eq!(clean_label("Date  of\n birth"), "Date of birth");
    }
}
