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
//! Limits (see the scanner's): at most [`MAX_HTML_BYTES`] of input are read, and elements
//! nested deeper than [`MAX_DEPTH`] are left out, their text kept (html5ever, unlike a
//! browser's parser, has no such cap, and its scope checks walk the whole stack of open
//! elements: without the cap, 100,000 nested `<div>` take minutes). Every walk of the tree
//! is iterative, and what is asked per control (visibility, disabled, form) is computed once
//! for the whole document.
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
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, Tracer, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult};

use crate::core::field::FieldId;
use crate::core::scan::{Child, Dom, MAX_DEPTH, MAX_HTML_BYTES, Truncated};

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
    /// Each node's index in `order` (`usize::MAX` for other nodes).
    order_pos: Vec<usize>,
    /// Each node's previous and next sibling element.
    prev_elem: Vec<Option<usize>>,
    next_elem: Vec<Option<usize>>,
    /// Each element's last child element.
    last_elem: Vec<Option<usize>>,
    /// Whether an element, or an ancestor, is not rendered.
    hidden: Vec<bool>,
    /// Whether an element is disabled by a disabled fieldset around it.
    fieldset_disabled: Vec<bool>,
    /// The form element around each element (itself for a form).
    form_around: Vec<Option<usize>>,
    /// What was left out of the page.
    truncated: Option<Truncated>,
}

impl HtmlDom {
    /// Parses a document: its first [`MAX_HTML_BYTES`], elements no deeper than
    /// [`MAX_DEPTH`] (see [`Dom::truncated`] for what was left out).
    pub fn parse(html: &str) -> HtmlDom {
        HtmlDom::parse_at_most(html, MAX_HTML_BYTES)
    }

    /// Parses the first `max_bytes` of a document (whole characters). [`parse`](Self::parse)
    /// with another cap, for tests that would rather not build 32 MiB pages.
    #[doc(hidden)]
    pub fn parse_at_most(html: &str, max_bytes: usize) -> HtmlDom {
        let mut truncated = None;
        let mut html = html;
        if html.len() > max_bytes {
            let mut end = max_bytes;
            while !html.is_char_boundary(end) {
                end -= 1;
            }
            html = &html[..end];
            truncated = Some(Truncated::TooLarge { limit: max_bytes });
        }
        let builder = TreeBuilder::new(Sink::default(), Default::default());
        let tokenizer = Tokenizer::new(DepthCap::new(builder), Default::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(html));
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        let cap = tokenizer.sink;
        let deep = cap.left_out.get();
        let mut dom = cap.builder.sink.finish_dom();
        dom.truncated = truncated.or(deep.then_some(Truncated::TooDeep { limit: MAX_DEPTH }));
        dom
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

    /// The text content of a node and its descendants.
    fn text(&self, node: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(t) => out.push_str(t),
                Data::Element { .. } | Data::Document => {
                    stack.extend(self.nodes[n].children.iter().rev().copied());
                }
                Data::Other => {}
            }
        }
        out
    }

    fn child(&self, node: usize) -> Option<Child<usize>> {
        match &self.nodes[node].data {
            Data::Element { .. } => Some(Child::Element(node)),
            Data::Text(t) => Some(Child::Text(t.clone())),
            _ => None,
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

    /// Whether an element itself is not rendered.
    fn hides(&self, n: usize, tag: &str) -> bool {
        self.get_attr(n, "hidden").is_some()
            || self.get_attr(n, "style").is_some_and(Self::style_hides)
            || matches!(tag, "template" | "noscript" | "head")
            || (tag == "input"
                && self
                    .get_attr(n, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden")))
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

    fn position(&self, node: &usize) -> Option<usize> {
        self.order_pos
            .get(*node)
            .copied()
            .filter(|&p| p != usize::MAX)
    }

    fn tag(&self, node: &usize) -> String {
        self.tag_of(*node).to_string()
    }

    fn attr(&self, node: &usize, name: &str) -> Option<String> {
        self.get_attr(*node, name).map(str::to_string)
    }

    fn attributes(&self, node: &usize) -> Vec<(String, String)> {
        self.element(*node)
            .map(|(_, attrs)| attrs.to_vec())
            .unwrap_or_default()
    }

    fn parent(&self, node: &usize) -> Option<usize> {
        self.nodes[*node]
            .parent
            .filter(|&p| matches!(self.nodes[p].data, Data::Element { .. }))
    }

    fn previous_element(&self, node: &usize) -> Option<usize> {
        self.prev_elem[*node]
    }

    fn next_element(&self, node: &usize) -> Option<usize> {
        self.next_elem[*node]
    }

    fn last_element_child(&self, node: &usize) -> Option<usize> {
        self.last_elem[*node]
    }

    fn children(&self, node: &usize, max: usize) -> Vec<Child<usize>> {
        self.nodes[*node]
            .children
            .iter()
            .take(max)
            .filter_map(|&c| self.child(c))
            .collect()
    }

    fn previous_siblings(&self, node: &usize, max: usize) -> Vec<Child<usize>> {
        let Some(parent) = self.nodes[*node].parent else {
            return Vec::new();
        };
        self.nodes[parent].children[..self.pos[*node]]
            .iter()
            .rev()
            .take(max)
            .filter_map(|&c| self.child(c))
            .collect()
    }

    fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn labels_for(&self, id: &str) -> Vec<usize> {
        self.labels.get(id).cloned().unwrap_or_default()
    }

    fn is_rendered(&self, node: &usize) -> bool {
        !self.hidden[*node]
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
            "textarea" => !self.text(*node).trim().is_empty(),
            "select" => self.option_nodes(*node).into_iter().any(|o| {
                self.get_attr(o, "selected").is_some()
                    && !self
                        .get_attr(o, "value")
                        .map(str::to_string)
                        .unwrap_or_else(|| self.text(o))
                        .trim()
                        .is_empty()
            }),
            _ => false,
        }
    }

    fn is_disabled(&self, node: &usize) -> bool {
        self.get_attr(*node, "disabled").is_some() || self.fieldset_disabled[*node]
    }

    fn select_options(&self, node: &usize) -> Vec<(String, String)> {
        self.option_nodes(*node)
            .into_iter()
            .map(|n| {
                let text = self.text(n);
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
            None => self.form_around[*node].or_else(|| self.form_owner.get(node).copied()),
        }?;
        Some(format!("form-{form}"))
    }

    fn truncated(&self) -> Option<Truncated> {
        self.truncated.clone()
    }
}

/// Between the tokenizer and the tree builder: start tags that would nest elements deeper
/// than [`MAX_DEPTH`] are left out, with their end tags; their text still reaches the page.
///
/// The depth is the number of handles the tree builder holds (open elements and active
/// formatting elements, an upper bound of the depth of the next insertion). Counting them
/// costs a walk of that list, so they are counted only when the count last taken plus two
/// per start tag since (one open element, one formatting entry) could exceed the cap: the
/// work stays linear in the input.
struct DepthCap {
    builder: TreeBuilder<usize, Sink>,
    /// An upper bound of the handles the tree builder holds.
    bound: Cell<usize>,
    /// Start tags left out whose end tags are to be left out too, by name.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// Whether anything was left out.
    left_out: Cell<bool>,
}

/// Counts the handles the tree builder holds.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = usize;
    fn trace_handle(&self, _node: &usize) {
        self.0.set(self.0.get() + 1);
    }
}

impl DepthCap {
    fn new(builder: TreeBuilder<usize, Sink>) -> Self {
        DepthCap {
            builder,
            bound: Cell::new(0),
            dropped: RefCell::new(HashMap::new()),
            left_out: Cell::new(false),
        }
    }

    fn held(&self) -> usize {
        let count = Count(Cell::new(0));
        self.builder.trace_handles(&count);
        count.0.get()
    }
}

/// Elements that never hold others (`<input>` among them): they add no depth.
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

impl TokenSink for DepthCap {
    type Handle = usize;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<usize> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing && !is_void(&tag.name) => {
                    if self.bound.get() + 2 > MAX_DEPTH {
                        self.bound.set(self.held());
                    }
                    if self.bound.get() + 2 > MAX_DEPTH {
                        *self
                            .dropped
                            .borrow_mut()
                            .entry(tag.name.clone())
                            .or_default() += 1;
                        self.left_out.set(true);
                        return TokenSinkResult::Continue;
                    }
                    self.bound.set(self.bound.get() + 2);
                }
                TagKind::EndTag => {
                    let mut dropped = self.dropped.borrow_mut();
                    if let Some(n) = dropped.get_mut(&tag.name).filter(|n| **n > 0) {
                        *n -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
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
        let mut nodes = self.nodes.into_inner();
        // Comments, doctypes and processing instructions are nobody's label: out of the
        // lists of children, so that siblings are next to each other.
        let other: Vec<bool> = nodes
            .iter()
            .map(|n| matches!(n.data, Data::Other))
            .collect();
        for node in &mut nodes {
            node.children.retain(|&c| !other[c]);
        }
        let n = nodes.len();
        let mut dom = HtmlDom {
            nodes,
            order: Vec::new(),
            ids: HashMap::new(),
            labels: HashMap::new(),
            form_owner: self.form_owner.into_inner(),
            pos: vec![0; n],
            order_pos: vec![usize::MAX; n],
            prev_elem: vec![None; n],
            next_elem: vec![None; n],
            last_elem: vec![None; n],
            hidden: vec![false; n],
            fieldset_disabled: vec![false; n],
            form_around: vec![None; n],
            truncated: None,
        };
        for p in 0..n {
            let mut previous = None;
            for (i, &c) in dom.nodes[p].children.iter().enumerate() {
                dom.pos[c] = i;
                dom.prev_elem[c] = previous;
                if matches!(dom.nodes[c].data, Data::Element { .. }) {
                    if let Some(prev) = previous {
                        dom.next_elem[prev] = Some(c);
                    }
                    previous = Some(c);
                }
            }
            dom.last_elem[p] = previous;
        }
        let mut stack = vec![0usize];
        while let Some(n) = stack.pop() {
            if let Data::Element { tag, attrs, .. } = &dom.nodes[n].data {
                dom.order_pos[n] = dom.order.len();
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
        // Parents come before their children in document order: what an element inherits
        // is settled in one pass.
        let mut first_legend: HashMap<usize, Option<usize>> = HashMap::new();
        for i in 0..dom.order.len() {
            let e = dom.order[i];
            let tag = dom.tag_of(e).to_string();
            let parent = dom.nodes[e]
                .parent
                .filter(|&p| dom.order_pos[p] != usize::MAX);
            dom.hidden[e] = dom.hides(e, &tag) || parent.is_some_and(|p| dom.hidden[p]);
            dom.form_around[e] = if tag == "form" {
                Some(e)
            } else {
                parent.and_then(|p| dom.form_around[p])
            };
            // A disabled fieldset disables what it holds, except its first legend's content.
            dom.fieldset_disabled[e] = parent.is_some_and(|p| {
                dom.fieldset_disabled[p]
                    || (dom.tag_of(p) == "fieldset"
                        && dom.get_attr(p, "disabled").is_some()
                        && *first_legend.entry(p).or_insert_with(|| {
                            dom.nodes[p]
                                .children
                                .iter()
                                .copied()
                                .find(|&c| dom.tag_of(c) == "legend")
                        }) != Some(e))
            });
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
            // Foster parenting inserts before a table that is mostly the last child: look
            // from the end, so that a page of many such insertions stays linear.
            let at = nodes[parent]
                .children
                .iter()
                .rposition(|c| c == sibling)
                .unwrap_or(nodes[parent].children.len());
            (parent, at)
        };
        // A node moved from before the sibling in the same parent shifts the index.
        if let NodeOrText::AppendNode(n) = &new_node {
            let same_parent_before = {
                let nodes = self.nodes.borrow();
                nodes[*n].parent == Some(parent)
                    && nodes[parent].children.iter().rposition(|c| c == n) < Some(at)
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
