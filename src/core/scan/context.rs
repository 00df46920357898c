//! What a scan learns about a document once, so that no rule walks the same part of it again
//! for every control: each element's parent, the extent of its subtree, whether the subtree
//! holds a control, the fieldset it stands in; and the bounded text reader the label rules
//! use. Everything here is iterative: no walk recurses on the depth of the document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;

use super::{Child, Dom, MAX_TEXT_CHARS, MAX_TEXT_DEPTH, MAX_TEXT_NODES, is_value_control};

/// A document with what the scan knows about it. Dereferences to the [`Dom`], so the rules
/// ask it the same questions.
pub(super) struct Cx<'a, D: Dom> {
    dom: &'a D,
    /// Elements in document order.
    nodes: Vec<D::Node>,
    /// Lower-case tag of each element.
    tags: Vec<String>,
    /// Position of each element's parent element.
    parent: Vec<Option<usize>>,
    /// The position just past each element's subtree (a subtree is a run of positions).
    end: Vec<usize>,
    /// Whether each element is, or holds, a control that takes a value.
    has_control: Vec<bool>,
    /// The fieldset an element's children stand in (not past a form or the body).
    inner_fieldset: Vec<Option<usize>>,
    /// Positions of the controls that take a value, in document order.
    controls: Vec<usize>,
    /// How many fields each fieldset holds, once asked (see `fields_in`).
    fieldset_fields: RefCell<HashMap<usize, usize>>,
}

impl<D: Dom> Deref for Cx<'_, D> {
    type Target = D;

    fn deref(&self) -> &D {
        self.dom
    }
}

impl<'a, D: Dom> Cx<'a, D> {
    pub(super) fn new(dom: &'a D) -> Self {
        let nodes = dom.elements();
        let n = nodes.len();
        let tags: Vec<String> = nodes.iter().map(|e| dom.tag(e)).collect();
        let parent: Vec<Option<usize>> = nodes
            .iter()
            .enumerate()
            .map(|(i, e)| {
                dom.parent(e)
                    .and_then(|p| dom.position(&p))
                    // Document order puts a parent first; anything else is not a parent.
                    .filter(|&p| p < i)
            })
            .collect();
        let mut end: Vec<usize> = (1..=n).collect();
        let own: Vec<bool> = nodes
            .iter()
            .zip(&tags)
            .map(|(e, t)| is_value_control(dom, e, t))
            .collect();
        let controls = (0..n).filter(|&i| own[i]).collect();
        let mut has_control = own;
        // Children come after their parent: one pass from the end settles every subtree.
        for i in (0..n).rev() {
            if let Some(p) = parent[i] {
                end[p] = end[p].max(end[i]);
                has_control[p] |= has_control[i];
            }
        }
        let mut inner_fieldset: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            inner_fieldset[i] = match tags[i].as_str() {
                "fieldset" => Some(i),
                "form" | "body" => None,
                _ => parent[i].and_then(|p| inner_fieldset[p]),
            };
        }
        Cx {
            dom,
            nodes,
            tags,
            parent,
            end,
            has_control,
            inner_fieldset,
            controls,
            fieldset_fields: RefCell::new(HashMap::new()),
        }
    }

    /// The elements in document order, with their positions and tags.
    pub(super) fn walk(&self) -> impl Iterator<Item = (usize, &D::Node, &str)> {
        self.nodes
            .iter()
            .zip(&self.tags)
            .enumerate()
            .map(|(i, (n, t))| (i, n, t.as_str()))
    }

    /// How many controls that take a value the document holds.
    pub(super) fn control_count(&self) -> usize {
        self.controls.len()
    }

    fn pos(&self, node: &D::Node) -> Option<usize> {
        self.dom.position(node).filter(|&i| i < self.nodes.len())
    }

    /// Whether an element is, or holds, a control that takes a value.
    pub(super) fn contains_control(&self, node: &D::Node) -> bool {
        match self.pos(node) {
            Some(i) => self.has_control[i],
            None => is_value_control(self.dom, node, &self.dom.tag(node)),
        }
    }

    /// Whether `inner` lies inside `outer` (not `outer` itself).
    pub(super) fn is_inside(&self, inner: &D::Node, outer: &D::Node) -> bool {
        match (self.pos(inner), self.pos(outer)) {
            (Some(i), Some(o)) => o < i && i < self.end[o],
            _ => false,
        }
    }

    /// The nearest enclosing fieldset (not past the form).
    pub(super) fn fieldset_of(&self, node: &D::Node) -> Option<D::Node> {
        let i = self.pos(node)?;
        let f = self.parent[i].and_then(|p| self.inner_fieldset[p])?;
        Some(self.nodes[f].clone())
    }

    /// How many fields a fieldset holds (radios and checkboxes sharing a name count once),
    /// counted up to 2: the rules only ask whether it is one.
    pub(super) fn fields_in(&self, fieldset: &D::Node) -> usize {
        let Some(f) = self.pos(fieldset) else {
            return 0;
        };
        if let Some(&n) = self.fieldset_fields.borrow().get(&f) {
            return n;
        }
        let from = self.controls.partition_point(|&c| c <= f);
        let to = self.controls.partition_point(|&c| c < self.end[f]);
        let mut names: Vec<String> = Vec::new();
        let mut count = 0;
        for &c in &self.controls[from..to] {
            let node = &self.nodes[c];
            let t = self
                .dom
                .attr(node, "type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if t == "radio" || t == "checkbox" {
                let name = self.dom.attr(node, "name").unwrap_or_default();
                if !name.is_empty() {
                    if names.contains(&name) {
                        continue;
                    }
                    names.push(name);
                }
            }
            count += 1;
            if count == 2 {
                break;
            }
        }
        self.fieldset_fields.borrow_mut().insert(f, count);
        count
    }

    /// The text of an element and its descendants, read for a label or a heading: at most
    /// [`MAX_TEXT_NODES`] nodes and [`MAX_TEXT_DEPTH`] levels below the element are read,
    /// and reading stops once the text is longer than any label could be (the rules then
    /// find it too long, as they would the whole).
    pub(super) fn text(&self, node: &D::Node) -> String {
        let mut out = String::new();
        let mut visible = 0usize;
        let mut budget = MAX_TEXT_NODES;
        // (element, depth below `node`), children pushed in reverse so they pop in order.
        let mut stack: Vec<Child<D::Node>> = vec![Child::Element(node.clone())];
        let mut depths: Vec<usize> = vec![0];
        while let (Some(item), Some(depth)) = (stack.pop(), depths.pop()) {
            match item {
                Child::Text(t) => {
                    // Up to one character past the limit, so that the rules see it is over.
                    for c in t.chars() {
                        if !c.is_whitespace() {
                            visible += 1;
                        }
                        out.push(c);
                        if visible > MAX_TEXT_CHARS || out.len() > 4 * MAX_TEXT_CHARS {
                            return out;
                        }
                    }
                }
                Child::Element(e) => {
                    if depth >= MAX_TEXT_DEPTH || budget == 0 {
                        continue;
                    }
                    let kids = self.dom.children(&e, budget);
                    budget = budget.saturating_sub(kids.len().max(1));
                    for kid in kids.into_iter().rev() {
                        stack.push(kid);
                        depths.push(depth + 1);
                    }
                }
            }
        }
        out
    }
}
