//! Saved pages, natively: an HTML document parsed by html5ever into a small arena, seen
//! through the scanner's [`Dom`] trait, so classification runs on saved pages in `cargo test`
//! and in `oncefill classify`.
//!
//! What a parser alone cannot know is decided from markup: an element is rendered unless it
//! or an ancestor has the `hidden` attribute or an inline `style` with `display:none` or
//! `visibility:hidden` (style sheets and scripts are not applied); a control holds content
//! when its `value`, `checked` or `selected` attribute says so, or a textarea has text.
//! Open shadow roots, frames and iframes are out of scope here (the live adapter sees open
//! shadow roots and same-origin frames' own documents when scanned there). Input must be
//! UTF-8; other encodings are decoded lossily.
//!
//! Compiled only for native targets: the browser bundle never carries the parser.
//!
//! ```
//! use oncefill::core::scan::{html::HtmlDom, scan};
//! let dom = HtmlDom::parse("<table><tr><td>姓名：</td><td><input name=xm></td></tr></table>");
//! let fields = scan(&dom);
//! assert_eq!(fields[0].label.as_deref(), Some("姓名"));
//! ```

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, parse_document};

use crate::core::field::FieldId;
use crate::core::scan::{Child, Dom};

/// A node of the arena.
#[derive(Debug)]
enum Data {
    Document,
    Element {
        name: QualName,
        tag: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
    /// Comments, doctypes, processing instructions, template contents' roots.
    Other,
}

#[derive(Debug)]
struct Node {
    parent: Option<usize>,
    children: Vec<usize>,
    data: Data,
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct HtmlDom {
    nodes: Vec<Node>,
    /// Elements in document order.
    order: Vec<usize>,
    /// First element with each `id`.
    ids: HashMap<String, usize>,
    /// `<label for>` elements by the id they name.
    labels: HashMap<String, Vec<usize>>,
    /// The form the parser associated a control with (forms misnested in tables).
    form_owner: HashMap<usize, usize>,
    /// Each node's index among its parent's children.
    pos: Vec<usize>,
}

impl HtmlDom {
    /// Parses a document.
    pub fn parse(html: &str) -> HtmlDom {
        let sink = Sink::default();
        let sink = parse_document(sink, Default::default()).one(StrTendril::from(html));
        sink.finish_dom()
    }

    /// Parses bytes, decoding UTF-8 lossily.
    pub fn parse_bytes(bytes: &[u8]) -> HtmlDom {
        HtmlDom::parse(&String::from_utf8_lossy(bytes))
    }

    fn element(&self, node: usize) -> Option<(&str, &[(String, String)])> {
        match &self.nodes.get(node)?.data {
            Data::Element { tag, attrs, .. } => Some((tag.as_str(), attrs.as_slice())),
            _ => None,
        }
    }

    fn get_attr(&self, node: usize, name: &str) -> Option<&str> {
        self.element(node)?
            .1
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn tag_of(&self, node: usize) -> &str {
        self.element(node).map(|(t, _)| t).unwrap_or("")
    }

    fn push_text(&self, node: usize, out: &mut String) {
        match &self.nodes[node].data {
            Data::Text(t) => out.push_str(t),
            Data::Element { .. } | Data::Document => {
                for &c in &self.nodes[node].children {
                    self.push_text(c, out);
                }
            }
            Data::Other => {}
        }
    }

    /// The options of a select, in order (also inside optgroups).
    fn option_nodes(&self, select: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[select].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            match self.tag_of(n) {
                "option" => out.push(n),
                "optgroup" => stack.extend(self.nodes[n].children.iter().rev().copied()),
                _ => {}
            }
        }
        out
    }

    fn ancestors_and_self(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(node), |&n| self.nodes[n].parent)
    }

    fn style_hides(style: &str) -> bool {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.split(';').any(|decl| {
            let decl = decl.trim_end_matches("!important");
            decl == "display:none" || decl == "visibility:hidden" || decl == "visibility:collapse"
        })
    }
}

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

impl Dom for HtmlDom {
    type Node = usize;

    fn controls(&self) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&n| matches!(self.tag_of(n), "input" | "select" | "textarea"))
            .collect()
    }

    fn elements(&self) -> Vec<usize> {
        self.order.clone()
    }

    fn tag(&self, node: &usize) -> String {
        self.tag_of(*node).to_string()
    }

    fn attr(&self, node: &usize, name: &str) -> Option<String> {
        self.get_attr(*node, name).map(str::to_string)
    }

    fn parent(&self, node: &usize) -> Option<usize> {
        self.nodes[*node]
            .parent
            .filter(|&p| matches!(self.nodes[p].data, Data::Element { .. }))
    }

    fn previous_element(&self, node: &usize) -> Option<usize> {
        let parent = self.nodes[*node].parent?;
        let siblings = &self.nodes[parent].children;
        let at = self.pos[*node];
        siblings[..at]
            .iter()
            .rev()
            .copied()
            .find(|&c| matches!(self.nodes[c].data, Data::Element { .. }))
    }

    fn children(&self, node: &usize) -> Vec<Child<usize>> {
        self.nodes[*node]
            .children
            .iter()
            .filter_map(|&c| match &self.nodes[c].data {
                Data::Element { .. } => Some(Child::Element(c)),
                Data::Text(t) => Some(Child::Text(t.clone())),
                _ => None,
            })
            .collect()
    }

    fn text(&self, node: &usize) -> String {
        let mut out = String::new();
        self.push_text(*node, &mut out);
        out
    }

    fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn labels_for(&self, id: &str) -> Vec<usize> {
        self.labels.get(id).cloned().unwrap_or_default()
    }

    fn is_rendered(&self, node: &usize) -> bool {
        self.ancestors_and_self(*node)
            .all(|n| match &self.nodes[n].data {
                Data::Element { tag, .. } => {
                    !(self.get_attr(n, "hidden").is_some()
                        || self.get_attr(n, "style").is_some_and(Self::style_hides)
                        || matches!(tag.as_str(), "template" | "noscript" | "head")
                        || (tag == "input"
                            && self
                                .get_attr(n, "type")
                                .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden"))))
                }
                _ => true,
            })
    }

    fn has_value(&self, node: &usize) -> bool {
        match self.tag_of(*node) {
            "input" => {
                let t = lower(self.get_attr(*node, "type").unwrap_or("text").trim());
                match t.as_str() {
                    "radio" | "checkbox" => self.get_attr(*node, "checked").is_some(),
                    _ => self
                        .get_attr(*node, "value")
                        .is_some_and(|v| !v.trim().is_empty()),
                }
            }
            "textarea" => !self.text(node).trim().is_empty(),
            "select" => self.option_nodes(*node).into_iter().any(|o| {
                self.get_attr(o, "selected").is_some()
                    && !self
                        .get_attr(o, "value")
                        .map(str::to_string)
                        .unwrap_or_else(|| self.text(&o))
                        .trim()
                        .is_empty()
            }),
            _ => false,
        }
    }

    fn is_disabled(&self, node: &usize) -> bool {
        if self.get_attr(*node, "disabled").is_some() {
            return true;
        }
        // A disabled fieldset disables its controls, except those in its first legend.
        let mut child = *node;
        let mut up = self.nodes[*node].parent;
        while let Some(p) = up {
            if self.tag_of(p) == "fieldset" && self.get_attr(p, "disabled").is_some() {
                let first_legend = self.nodes[p]
                    .children
                    .iter()
                    .copied()
                    .find(|&c| self.tag_of(c) == "legend");
                if first_legend != Some(child) {
                    return true;
                }
            }
            child = p;
            up = self.nodes[p].parent;
        }
        false
    }

    fn select_options(&self, node: &usize) -> Vec<(String, String)> {
        self.option_nodes(*node)
            .into_iter()
            .map(|n| {
                let text = self.text(&n);
                let value = self
                    .get_attr(n, "value")
                    .map(str::to_string)
                    .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "));
                (value, text)
            })
            .collect()
    }

    fn field_id(&self, node: &usize) -> FieldId {
        FieldId(format!("n{node}"))
    }

    fn form_of(&self, node: &usize) -> Option<String> {
        let form = match self.get_attr(*node, "form") {
            Some(id) => self.by_id(id).filter(|&f| self.tag_of(f) == "form"),
            None => self
                .ancestors_and_self(*node)
                .find(|&a| self.tag_of(a) == "form")
                .or_else(|| self.form_owner.get(node).copied()),
        }?;
        Some(format!("form-{form}"))
    }
}

/// What html5ever builds into.
#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
    form_owner: RefCell<HashMap<usize, usize>>,
    /// Template element → its contents' root.
    templates: RefCell<HashMap<usize, usize>>,
}

/// An element's name, as html5ever asks for it.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn new_node(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.is_empty() {
            nodes.push(Node {
                parent: None,
                children: Vec::new(),
                data: Data::Document,
            });
        }
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data,
        });
        nodes.len() - 1
    }

    fn ensure_document(&self) {
        if self.nodes.borrow().is_empty() {
            self.nodes.borrow_mut().push(Node {
                parent: None,
                children: Vec::new(),
                data: Data::Document,
            });
        }
    }

    fn detach(&self, node: usize) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(p) = nodes[node].parent.take() {
            nodes[p].children.retain(|&c| c != node);
        }
    }

    /// Inserts `child` into `parent` at `index` (or last), merging adjacent text.
    fn insert(&self, parent: usize, index: Option<usize>, child: NodeOrText<usize>) {
        let node = match child {
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let at = index.unwrap_or(nodes[parent].children.len());
                if at > 0 {
                    let prev = nodes[parent].children[at - 1];
                    if let Data::Text(t) = &mut nodes[prev].data {
                        t.push_str(&text);
                        return;
                    }
                }
                drop(nodes);
                self.new_node(Data::Text(text.to_string()))
            }
            NodeOrText::AppendNode(node) => {
                self.detach(node);
                node
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        let at = index
            .unwrap_or(nodes[parent].children.len())
            .min(nodes[parent].children.len());
        nodes[parent].children.insert(at, node);
        nodes[node].parent = Some(parent);
    }

    fn finish_dom(self) -> HtmlDom {
        self.ensure_document();
        let nodes = self.nodes.into_inner();
        let mut dom = HtmlDom {
            nodes,
            order: Vec::new(),
            ids: HashMap::new(),
            labels: HashMap::new(),
            form_owner: self.form_owner.into_inner(),
            pos: Vec::new(),
        };
        dom.pos = vec![0; dom.nodes.len()];
        for node in &dom.nodes {
            for (i, &c) in node.children.iter().enumerate() {
                dom.pos[c] = i;
            }
        }
        let mut stack = vec![0usize];
        while let Some(n) = stack.pop() {
            if let Data::Element { tag, attrs, .. } = &dom.nodes[n].data {
                dom.order.push(n);
                for (name, value) in attrs {
                    if name == "id" && !value.is_empty() {
                        dom.ids.entry(value.clone()).or_insert(n);
                    }
                    if name == "for" && tag == "label" {
                        dom.labels.entry(value.clone()).or_default().push(n);
                    }
                }
            }
            stack.extend(dom.nodes[n].children.iter().rev().copied());
        }
        dom
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Sink;
    type ElemName<'a>
        = Name
    where
        Self: 'a;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        self.ensure_document();
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Name {
        match &self.nodes.borrow()[*target].data {
            Data::Element { name, .. } => Name(name.clone()),
            // The tree builder asks only about elements.
            _ => Name(QualName::new(
                None,
                Namespace::from(""),
                LocalName::from(""),
            )),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let tag = lower(&name.local);
        let attrs = attrs
            .into_iter()
            .map(|a| (lower(&a.name.local), a.value.to_string()))
            .collect();
        let node = self.new_node(Data::Element { name, tag, attrs });
        if flags.template {
            let contents = self.new_node(Data::Other);
            self.templates.borrow_mut().insert(node, contents);
        }
        node
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.new_node(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.new_node(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let node = self.new_node(Data::Other);
        self.insert(0, None, NodeOrText::AppendNode(node));
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        match self.templates.borrow().get(target) {
            Some(&c) => c,
            None => *target,
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let (parent, at) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes[*sibling].parent else {
                return;
            };
            let at = nodes[parent]
                .children
                .iter()
                .position(|c| c == sibling)
                .unwrap_or(nodes[parent].children.len());
            (parent, at)
        };
        // A node moved from before the sibling in the same parent shifts the index.
        if let NodeOrText::AppendNode(n) = &new_node {
            let same_parent_before = {
                let nodes = self.nodes.borrow();
                nodes[*n].parent == Some(parent)
                    && nodes[parent].children.iter().position(|c| c == n) < Some(at)
            };
            if same_parent_before {
                self.detach(*n);
                let at = at - 1;
                self.insert(parent, Some(at), new_node);
                return;
            }
        }
        self.insert(parent, Some(at), new_node);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Data::Element {
            attrs: existing, ..
        } = &mut self.nodes.borrow_mut()[*target].data
        {
            for a in attrs {
                let name = lower(&a.name.local);
                if !existing.iter().any(|(n, _)| *n == name) {
                    existing.push((name, a.value.to_string()));
                }
            }
        }
    }

    fn associate_with_form(&self, target: &usize, form: &usize, _nodes: (&usize, Option<&usize>)) {
        self.form_owner.borrow_mut().insert(*target, *form);
    }

    fn remove_from_parent(&self, target: &usize) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        let mut nodes = self.nodes.borrow_mut();
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scan::scan;

    #[test]
    fn parses_misnested_tables_and_finds_forms() {
        let dom = HtmlDom::parse(
            "<table><form id=f><tr><td>姓名</td><td><input name=xm></td></tr></form></table>",
        );
        let fields = scan(&dom);
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].label.as_deref(), Some("姓名"));
        assert!(fields[0].form.is_some());
    }

    #[test]
    fn visibility_value_and_disabled_from_markup() {
        let dom = HtmlDom::parse(
            r#"<form>
            <div style="display: none"><input id=a></div>
            <input id=b hidden>
            <input id=c style="visibility:hidden">
            <input id=d value=" x ">
            <fieldset disabled><legend><input id=e></legend><input id=f></fieldset>
            <select id=g><option value="">--</option><option value=1 selected>男</option></select>
            <textarea id=h> </textarea>
            <input type=checkbox id=i checked>
            </form>"#,
        );
        let fields = scan(&dom);
        let f = |id: &str| {
            fields
                .iter()
                .find(|f| f.html_id.as_deref() == Some(id))
                .cloned()
                .unwrap_or_else(|| panic!("{id}"))
        };
        assert!(!f("a").visible && !f("b").visible && !f("c").visible);
        assert!(f("d").visible && f("d").has_value);
        assert!(!f("e").disabled && f("f").disabled);
        assert!(f("g").has_value && !f("h").has_value && f("i").has_value);
    }

    #[test]
    fn template_contents_are_not_scanned() {
        let dom = HtmlDom::parse("<template><input name=x></template><input name=y>");
        let fields = scan(&dom);
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].name.as_deref(), Some("y"));
    }
}
