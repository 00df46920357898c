//! What a scan learns about a document once, so that no rule walks the same part of it again
//! for every control: each element's parent, the extent of its subtree, whether the subtree
//! holds a control, the fieldset it stands in; and the bounded text reader the label rules
//! use. Everything here is iterative: no walk recurses on the depth of the document.

use std::ops::Deref;

use super::{Child, Dom, MAX_TEXT_DEPTH, MAX_TEXT_NODES, is_value_control, push_capped};

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
    /// counted up to 2: the rules only ask whether it is one. Its controls are found by
    /// position, so counting stops at the second field; only a group of radios sharing one
    /// name is read through, which the field cap bounds.
    pub(super) fn fields_in(&self, fieldset: &D::Node) -> usize {
        let Some(f) = self.pos(fieldset) else {
            return 0;
        };
        let from = self.controls.partition_point(|&c| c <= f);
        let to = self.controls.partition_point(|&c| c < self.end[f]);
        // Counting stops at two, so one name is all there is to remember: the first field's,
        // when it is a radio or checkbox group.
        let mut group: Option<String> = None;
        let mut count = 0;
        for &c in &self.controls[from..to] {
            let node = &self.nodes[c];
            let t = self.dom.attr(node, "type").unwrap_or_default();
            let name = self.dom.attr(node, "name").filter(|n| !n.is_empty());
            let grouped = t.eq_ignore_ascii_case("radio") || t.eq_ignore_ascii_case("checkbox");
            if grouped && name.is_some() && group == name {
                continue;
            }
            count += 1;
            if count == 2 {
                break;
            }
            group = name.filter(|_| grouped);
        }
        count
    }

    /// The text of an element and its descendants, read for a label or a heading (see
    /// [`Dom::label_text`]).
    pub(super) fn text(&self, node: &D::Node) -> String {
        self.dom.label_text(node)
    }
}

/// The text of an element and its descendants, read through [`Dom::children`]: at most
/// [`MAX_TEXT_NODES`] nodes and [`MAX_TEXT_DEPTH`] levels below the element, and no more than
/// [`push_capped`] keeps.
pub(super) fn walk_text<D: Dom>(dom: &D, node: &D::Node) -> String {
    let mut out = String::new();
    let mut visible = 0usize;
    let mut budget = MAX_TEXT_NODES;
    // (node, depth below `node`), children pushed in reverse so that they pop in order.
    let mut stack: Vec<(Child<D::Node>, usize)> = vec![(Child::Element(node.clone()), 0)];
    while let Some((item, depth)) = stack.pop() {
        match item {
            Child::Text(t) => {
                if !push_capped(&mut out, &mut visible, &t) {
                    break;
                }
            }
            Child::Element(e) => {
                if depth >= MAX_TEXT_DEPTH || budget == 0 {
                    continue;
                }
                let kids = dom.children(&e, budget);
                budget = budget.saturating_sub(kids.len().max(1));
                stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
            }
        }
    }
    out
}
