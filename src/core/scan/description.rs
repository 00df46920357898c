//! A page known only by its value-free description: what a portal's page agent sends the
//! OnceFill window (the wire format is specified in [`crate::core::protocol`]), read, checked
//! whole, and seen through the scanner's [`Dom`] trait, so that the window classifies the
//! portal's form by the very rules that classify a live page or a saved one.
//!
//! ```text
//! {"v": 1, "truncated": null, "nodes": [
//!   {"t": "form", "c": [1], "r": 1},
//!   {"t": "label", "p": 0, "a": [["for", "xm"]], "c": ["姓名", 2], "r": 1},
//!   {"t": "input", "p": 1, "a": [["id", "xm"]], "c": [], "r": 1, "k": "f1", "fm": "m0"}]}
//! ```
//!
//! Nodes are the elements in document order (a pre-order walk); `p` is the parent's index (a
//! root has none), `c` the children (element indices and text strings), `r` says the element
//! is rendered, `h` how the page hides it from the person, and for controls only `k` its handle,
//! `fm` its form's, `hv` that it holds content, `d` that it is disabled, and for selects only
//! `o` the options. A description never carries what a control holds, only whether it holds
//! something.
//!
//! [`Description::from_json`] rejects, with a [`DescriptionError`] that names the node and
//! the rule and never quotes the page's text, anything that is not such a description or is
//! larger than the caps ([`MAX_NODES`], [`MAX_CONTROLS`], [`MAX_DEPTH`],
//! [`MAX_TEXT_BYTES`], [`MAX_MESSAGE_BYTES`]). [`describe`] writes the description of any
//! [`Dom`], within the same caps, so that a saved page can be classified through its
//! description and the two compared.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::field::{Concealment, FieldId};
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::scan::{Child, Dom, MAX_DEPTH, MAX_FIELDS, Truncated};

/// The version of the description format.
pub const VERSION: u32 = 1;
/// The most elements a description holds.
pub const MAX_NODES: usize = 100_000;
/// The most controls (`input`, `select`, `textarea`) a description holds.
pub const MAX_CONTROLS: usize = MAX_FIELDS;
/// The most bytes of text (text nodes, attribute values, options) a description holds.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;
/// The most bytes of JSON a message (with its description) may take.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// The most characters of one attribute value.
pub const MAX_ATTR_CHARS: usize = 1_000;
/// The most characters of one text string (a text node, an option's value or text).
pub const MAX_STRING_CHARS: usize = 2_000;
/// The most characters of a tag or attribute name.
const MAX_NAME_CHARS: usize = 128;
/// The most characters of a handle (`k`, `fm`).
pub const MAX_HANDLE_CHARS: usize = 16;

/// Input types whose `value` attribute a description may carry (it is no one's data).
const VALUE_TYPES: &[&str] = &["radio", "checkbox", "submit", "button", "reset", "image"];

/// Whether a string is a handle: `[a-z0-9-]{1,16}`.
pub fn is_handle(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_HANDLE_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_control(tag: &str) -> bool {
    matches!(tag, "input" | "select" | "textarea")
}

/// A flag that is present (`1`) or absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct One;

impl Serialize for One {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(1)
    }
}

impl<'de> Deserialize<'de> for One {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u8::deserialize(d)? {
            1 => Ok(One),
            _ => Err(serde::de::Error::custom("a flag is 1 or absent")),
        }
    }
}

/// A child of an element: another element (its index) or a run of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Item {
    /// An element's index in the description's nodes.
    Element(usize),
    /// Text.
    Text(String),
}

/// Where the page agent stopped at a cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cut {
    /// More controls than [`MAX_CONTROLS`].
    Fields,
    /// More elements than [`MAX_NODES`].
    Nodes,
    /// Deeper than [`MAX_DEPTH`].
    Depth,
    /// More text than [`MAX_TEXT_BYTES`].
    Text,
}

/// One element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Lower-case tag name.
    pub t: String,
    /// The parent's index; none for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<usize>,
    /// Attributes in source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub a: Vec<(String, String)>,
    /// Children in order.
    #[serde(default)]
    pub c: Vec<Item>,
    /// Rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r: Option<One>,
    /// How the page hides it from the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub h: Option<Concealment>,
    /// A control's handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<String>,
    /// The handle of a control's form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fm: Option<String>,
    /// The control holds content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hv: Option<One>,
    /// The control is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<One>,
    /// A select's options: (value, text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub o: Vec<(String, String)>,
}

/// The wire shape, before it is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    v: u64,
    nodes: Vec<Node>,
    #[serde(default)]
    truncated: Option<Cut>,
}

/// A description as read from a message's text, before its checks ([`Unchecked::check`]).
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct Unchecked(Raw);

impl Unchecked {
    /// Checks it whole, as [`Description::from_json`] does.
    pub(crate) fn check(self) -> Result<Description, DescriptionError> {
        Description::check(self.0)
    }
}

/// A checked description of a page, seen through [`Dom`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Description {
    v: u32,
    nodes: Vec<Node>,
    truncated: Option<Cut>,
    #[serde(skip)]
    index: Index,
}

/// What the [`Dom`] questions need, computed once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Index {
    /// Each element's place among its parent's children (`c`), or among the roots.
    place: Vec<usize>,
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
    last: Vec<Option<usize>>,
    ids: HashMap<String, usize>,
    labels: HashMap<String, Vec<usize>>,
    controls: Vec<usize>,
    handles: HashMap<String, usize>,
}

/// Why a description was refused. Names the node and the rule, never the page's text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DescriptionError {
    /// Not JSON of the description's shape (where it stopped being so).
    Shape {
        /// Line of the JSON text.
        line: usize,
        /// Column.
        column: usize,
    },
    /// Another version than [`VERSION`].
    Version,
    /// Over a cap: `what` is `bytes`, `nodes`, `controls`, `depth` or `text`.
    TooLarge {
        /// Which cap.
        what: &'static str,
        /// The cap.
        limit: usize,
    },
    /// A node breaks a rule (see [`Rule`]).
    Node {
        /// The node's index.
        node: usize,
        /// The rule broken.
        rule: Rule,
    },
}

/// A rule one node must keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// The tag name is empty, too long, or not lower-case.
    Tag,
    /// The parent is not an earlier element of the current branch (nodes are in document order).
    Parent,
    /// The children do not list exactly the elements whose parent it is, in order.
    Children,
    /// An attribute name is empty, too long, repeated or not lower-case.
    AttributeName,
    /// An attribute value is longer than [`MAX_ATTR_CHARS`].
    AttributeTooLong,
    /// What a description never carries: the `value` attribute of a text input, `style`,
    /// `on…`, `srcdoc`, a query string in `src`/`href`, text inside a textarea.
    Forbidden,
    /// A text string is longer than [`MAX_STRING_CHARS`].
    TextTooLong,
    /// A control without a handle, or a handle that is not `[a-z0-9-]{1,16}`.
    Handle,
    /// Two controls with one handle.
    DuplicateHandle,
    /// A control's field (`k`, `fm`, `hv`, `d`) on an element that is not a control.
    NotAControl,
    /// Options on an element that is not a select.
    NotASelect,
}

impl Rule {
    fn code(self) -> &'static str {
        match self {
            Rule::Tag => "tag",
            Rule::Parent => "parent",
            Rule::Children => "children",
            Rule::AttributeName => "attribute-name",
            Rule::AttributeTooLong => "attribute-too-long",
            Rule::Forbidden => "forbidden",
            Rule::TextTooLong => "text-too-long",
            Rule::Handle => "handle",
            Rule::DuplicateHandle => "duplicate-handle",
            Rule::NotAControl => "not-a-control",
            Rule::NotASelect => "not-a-select",
        }
    }
}

impl DescriptionError {
    /// A stable code: `description.shape`, `description.version`, `description.too_large`,
    /// `description.node`.
    pub fn code(&self) -> &'static str {
        match self {
            DescriptionError::Shape { .. } => "description.shape",
            DescriptionError::Version => "description.version",
            DescriptionError::TooLarge { .. } => "description.too_large",
            DescriptionError::Node { .. } => "description.node",
        }
    }

    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: usize| Arg::Num(i64::try_from(v).unwrap_or(i64::MAX));
        match self {
            DescriptionError::Shape { line, column } => tr(
                lang,
                "description-shape",
                &[("line", n(*line)), ("column", n(*column))],
            ),
            DescriptionError::Version => tr(
                lang,
                "description-version",
                &[("version", n(VERSION as usize))],
            ),
            DescriptionError::TooLarge { what, limit } => tr(
                lang,
                "description-too-large",
                &[("what", Arg::Str(what)), ("limit", n(*limit))],
            ),
            DescriptionError::Node { node, rule } => tr(
                lang,
                "description-node",
                &[("node", n(*node)), ("rule", Arg::Str(rule.code()))],
            ),
        }
    }
}

impl std::fmt::Display for DescriptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for DescriptionError {}

fn shape(e: &serde_json::Error) -> DescriptionError {
    DescriptionError::Shape {
        line: e.line(),
        column: e.column(),
    }
}

fn lower_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_NAME_CHARS
        && !s
            .chars()
            .any(|c| c.is_ascii_uppercase() || c.is_whitespace() || c.is_control())
}

/// Whether a description may carry an attribute of an element.
fn allowed(tag: &str, attrs: &[(String, String)], name: &str, value: &str) -> bool {
    match name {
        "style" | "srcdoc" => false,
        n if n.starts_with("on") => false,
        "src" | "href" => !value.contains('?'),
        "value" if tag == "input" => attrs
            .iter()
            .find(|(n, _)| n == "type")
            .is_some_and(|(_, t)| VALUE_TYPES.contains(&t.trim().to_ascii_lowercase().as_str())),
        _ => true,
    }
}

/// A page with nothing in it.
impl Default for Description {
    fn default() -> Self {
        Description {
            v: 1,
            nodes: Vec::new(),
            truncated: None,
            index: Index::default(),
        }
    }
}

impl Description {
    /// Reads and checks a description from JSON text.
    pub fn from_json(json: &str) -> Result<Description, DescriptionError> {
        if json.len() > MAX_MESSAGE_BYTES {
            return Err(DescriptionError::TooLarge {
                what: "bytes",
                limit: MAX_MESSAGE_BYTES,
            });
        }
        let raw: Raw = serde_json::from_str(json).map_err(|e| shape(&e))?;
        Description::check(raw)
    }

    /// Reads and checks a description from a JSON value (a message's `description`).
    pub fn from_value(value: serde_json::Value) -> Result<Description, DescriptionError> {
        let raw: Raw = serde_json::from_value(value).map_err(|e| shape(&e))?;
        Description::check(raw)
    }

    /// The elements, in document order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Where the page agent stopped at a cap.
    pub fn cut(&self) -> Option<Cut> {
        self.truncated
    }

    /// The index of the control with a handle.
    pub fn control(&self, handle: &str) -> Option<usize> {
        self.index.handles.get(handle).copied()
    }

    /// The controls a mapping's CSS locator picks. A description is not a document, so only
    /// one compound selector of the simple kinds a mapping uses is understood: an optional tag,
    /// then any of `#id`, `.class`, `[attr]` and `[attr=value]` (the value bare, or in single
    /// or double quotes). Anything else (a combinator, a pseudo-class, another operator, a
    /// selector list) picks nothing, so the field is left to the other rules, never guessed.
    pub fn select(&self, css: &str) -> Vec<FieldId> {
        let Some(parts) = Compound::parse(css) else {
            return Vec::new();
        };
        self.index
            .controls
            .iter()
            .map(|&i| &self.nodes[i])
            .filter(|node| parts.matches(node))
            .filter_map(|node| node.k.clone().map(FieldId))
            .collect()
    }

    /// The description as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn check(raw: Raw) -> Result<Description, DescriptionError> {
        if raw.v != u64::from(VERSION) {
            return Err(DescriptionError::Version);
        }
        let nodes = raw.nodes;
        if nodes.len() > MAX_NODES {
            return Err(DescriptionError::TooLarge {
                what: "nodes",
                limit: MAX_NODES,
            });
        }
        let bad = |node: usize, rule: Rule| Err(DescriptionError::Node { node, rule });
        let n = nodes.len();
        let mut index = Index {
            place: vec![0; n],
            prev: vec![None; n],
            next: vec![None; n],
            last: vec![None; n],
            ..Index::default()
        };
        let mut text = 0usize;
        // The current branch of the pre-order walk.
        let mut branch: Vec<usize> = Vec::new();
        let mut last_root: Option<usize> = None;
        let mut roots = 0usize;
        for (i, node) in nodes.iter().enumerate() {
            if !lower_name(&node.t) {
                return bad(i, Rule::Tag);
            }
            match node.p {
                None => {
                    branch.clear();
                    if let Some(r) = last_root {
                        index.next[r] = Some(i);
                        index.prev[i] = Some(r);
                    }
                    index.place[i] = roots;
                    roots += 1;
                    last_root = Some(i);
                }
                Some(p) => {
                    while branch.last().is_some_and(|&b| b != p) {
                        branch.pop();
                    }
                    if branch.is_empty() {
                        return bad(i, Rule::Parent);
                    }
                    // The parent lists this node as its next element child.
                    let parent = &nodes[p];
                    let from = index.last[p].map_or(0, |l| index.place[l] + 1);
                    let Some(offset) = parent.c[from.min(parent.c.len())..]
                        .iter()
                        .position(|c| matches!(c, Item::Element(_)))
                    else {
                        return bad(p, Rule::Children);
                    };
                    let place = from + offset;
                    if parent.c[place] != Item::Element(i) {
                        return bad(p, Rule::Children);
                    }
                    index.place[i] = place;
                    if let Some(l) = index.last[p] {
                        index.next[l] = Some(i);
                        index.prev[i] = Some(l);
                    }
                    index.last[p] = Some(i);
                }
            }
            branch.push(i);
            if branch.len() > MAX_DEPTH {
                return Err(DescriptionError::TooLarge {
                    what: "depth",
                    limit: MAX_DEPTH,
                });
            }
            let mut names: HashSet<&str> = HashSet::new();
            for (name, value) in &node.a {
                if !lower_name(name) || !names.insert(name) {
                    return bad(i, Rule::AttributeName);
                }
                if value.chars().count() > MAX_ATTR_CHARS {
                    return bad(i, Rule::AttributeTooLong);
                }
                if !allowed(&node.t, &node.a, name, value) {
                    return bad(i, Rule::Forbidden);
                }
                text += value.len();
                if name == "id" && !value.is_empty() {
                    index.ids.entry(value.clone()).or_insert(i);
                }
                if name == "for" && node.t == "label" {
                    index.labels.entry(value.clone()).or_default().push(i);
                }
            }
            for c in &node.c {
                if let Item::Text(t) = c {
                    if node.t == "textarea" {
                        return bad(i, Rule::Forbidden);
                    }
                    if t.chars().count() > MAX_STRING_CHARS {
                        return bad(i, Rule::TextTooLong);
                    }
                    text += t.len();
                }
            }
            for (value, label) in &node.o {
                if value.chars().count() > MAX_STRING_CHARS
                    || label.chars().count() > MAX_STRING_CHARS
                {
                    return bad(i, Rule::TextTooLong);
                }
                text += value.len() + label.len();
            }
            if text > MAX_TEXT_BYTES {
                return Err(DescriptionError::TooLarge {
                    what: "text",
                    limit: MAX_TEXT_BYTES,
                });
            }
            if !node.o.is_empty() && node.t != "select" {
                return bad(i, Rule::NotASelect);
            }
            if is_control(&node.t) {
                let Some(k) = node.k.as_deref().filter(|k| is_handle(k)) else {
                    return bad(i, Rule::Handle);
                };
                if node.fm.as_deref().is_some_and(|f| !is_handle(f)) {
                    return bad(i, Rule::Handle);
                }
                if index.handles.insert(k.to_string(), i).is_some() {
                    return bad(i, Rule::DuplicateHandle);
                }
                index.controls.push(i);
                if index.controls.len() > MAX_CONTROLS {
                    return Err(DescriptionError::TooLarge {
                        what: "controls",
                        limit: MAX_CONTROLS,
                    });
                }
            } else if node.k.is_some() || node.fm.is_some() || node.hv.is_some() || node.d.is_some()
            {
                return bad(i, Rule::NotAControl);
            }
        }
        // Every element child listed is one whose parent this is: the count of element
        // children equals the count of nodes that named this parent.
        let mut named = vec![0usize; n];
        for node in &nodes {
            if let Some(p) = node.p {
                named[p] += 1;
            }
        }
        for (i, node) in nodes.iter().enumerate() {
            let listed = node
                .c
                .iter()
                .filter(|c| matches!(c, Item::Element(_)))
                .count();
            if listed != named[i] {
                return bad(i, Rule::Children);
            }
        }
        Ok(Description {
            v: VERSION,
            nodes,
            truncated: raw.truncated,
            index,
        })
    }

    fn child(&self, item: &Item) -> Child<usize> {
        match item {
            Item::Element(e) => Child::Element(*e),
            Item::Text(t) => Child::Text(t.clone()),
        }
    }
}

impl Dom for Description {
    type Node = usize;

    fn controls(&self) -> Vec<usize> {
        self.index.controls.clone()
    }

    fn elements(&self) -> Vec<usize> {
        (0..self.nodes.len()).collect()
    }

    fn position(&self, node: &usize) -> Option<usize> {
        (*node < self.nodes.len()).then_some(*node)
    }

    fn tag(&self, node: &usize) -> String {
        self.nodes[*node].t.clone()
    }

    fn attr(&self, node: &usize, name: &str) -> Option<String> {
        self.nodes[*node]
            .a
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    fn attributes(&self, node: &usize) -> Vec<(String, String)> {
        self.nodes[*node].a.clone()
    }

    fn parent(&self, node: &usize) -> Option<usize> {
        self.nodes[*node].p
    }

    fn previous_element(&self, node: &usize) -> Option<usize> {
        self.index.prev[*node]
    }

    fn next_element(&self, node: &usize) -> Option<usize> {
        self.index.next[*node]
    }

    fn last_element_child(&self, node: &usize) -> Option<usize> {
        self.index.last[*node]
    }

    fn children(&self, node: &usize, max: usize) -> Vec<Child<usize>> {
        self.nodes[*node]
            .c
            .iter()
            .take(max)
            .map(|c| self.child(c))
            .collect()
    }

    fn previous_siblings(&self, node: &usize, max: usize) -> Vec<Child<usize>> {
        let Some(parent) = self.nodes[*node].p else {
            return Vec::new();
        };
        self.nodes[parent].c[..self.index.place[*node]]
            .iter()
            .rev()
            .take(max)
            .map(|c| self.child(c))
            .collect()
    }

    fn by_id(&self, id: &str) -> Option<usize> {
        self.index.ids.get(id).copied()
    }

    fn labels_for(&self, id: &str) -> Vec<usize> {
        self.index.labels.get(id).cloned().unwrap_or_default()
    }

    fn is_rendered(&self, node: &usize) -> bool {
        self.nodes[*node].r.is_some()
    }

    fn concealment(&self, node: &usize) -> Option<Concealment> {
        self.nodes[*node].h
    }

    fn has_value(&self, node: &usize) -> bool {
        self.nodes[*node].hv.is_some()
    }

    fn is_disabled(&self, node: &usize) -> bool {
        self.nodes[*node].d.is_some()
    }

    fn select_options(&self, node: &usize) -> Vec<(String, String)> {
        self.nodes[*node].o.clone()
    }

    fn field_id(&self, node: &usize) -> FieldId {
        FieldId(self.nodes[*node].k.clone().unwrap_or_default())
    }

    fn form_of(&self, node: &usize) -> Option<String> {
        self.nodes[*node].fm.clone()
    }

    fn truncated(&self) -> Option<Truncated> {
        Some(match self.truncated? {
            Cut::Fields => Truncated::TooManyFields {
                found: MAX_CONTROLS + 1,
                limit: MAX_CONTROLS,
            },
            Cut::Depth => Truncated::TooDeep { limit: MAX_DEPTH },
            Cut::Nodes | Cut::Text => Truncated::TooLarge {
                limit: MAX_MESSAGE_BYTES,
            },
        })
    }
}

fn cut_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => s[..end].to_string(),
        None => s.to_string(),
    }
}

/// The description of a document, as a page agent would write it: every element in document
/// order within the caps (elements past a cap are left out and [`Description::cut`] says
/// which), no attribute a description never carries, each string cut at its cap.
///
/// Handles are deterministic: the document's own ([`Dom::field_id`], [`Dom::form_of`]) when
/// every one of them is a well-formed, distinct handle; otherwise `f0`, `f1`, … for controls
/// in document order and `m0`, `m1`, … for forms in the order first met.
pub fn describe<D: Dom>(dom: &D) -> Description {
    let elements = dom.elements();
    let mut rank: Vec<Option<usize>> = Vec::with_capacity(elements.len());
    let mut controls: Vec<&D::Node> = Vec::new();
    for e in &elements {
        if is_control(&dom.tag(e).to_lowercase()) {
            rank.push(Some(controls.len()));
            controls.push(e);
        } else {
            rank.push(None);
        }
    }
    let ids: Vec<String> = controls.iter().map(|c| dom.field_id(c).0).collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    let own_ids = distinct.len() == ids.len() && ids.iter().all(|k| is_handle(k));
    let forms: Vec<Option<String>> = controls.iter().map(|c| dom.form_of(c)).collect();
    let own_forms = forms.iter().flatten().all(|f| is_handle(f));
    let mut form_handles: HashMap<String, String> = HashMap::new();

    let mut cut = dom.truncated().map(|t| match t {
        Truncated::TooManyFields { .. } => Cut::Fields,
        Truncated::TooDeep { .. } => Cut::Depth,
        _ => Cut::Nodes,
    });
    let mut nodes: Vec<Node> = Vec::new();
    // The description's index of each element of the document, by its position.
    let mut mapped: Vec<Option<usize>> = vec![None; elements.len()];
    let mut depth: Vec<usize> = Vec::new();
    let mut text = 0usize;
    let mut control = 0usize;
    let mut listed: Vec<Vec<Item>> = Vec::new();
    for (pos, e) in elements.iter().enumerate() {
        let tag = dom.tag(e).to_lowercase();
        let parent = dom.parent(e).and_then(|p| dom.position(&p));
        let parent_index = match parent {
            Some(pp) => match mapped.get(pp).copied().flatten() {
                Some(i) => Some(i),
                None => continue,
            },
            None => None,
        };
        let level = parent_index.map_or(1, |p| depth[p] + 1);
        if level > MAX_DEPTH {
            cut = cut.or(Some(Cut::Depth));
            continue;
        }
        if nodes.len() == MAX_NODES {
            cut = cut.or(Some(Cut::Nodes));
            break;
        }
        let is_ctl = rank[pos].is_some();
        if is_ctl && control == MAX_CONTROLS {
            cut = cut.or(Some(Cut::Fields));
            continue;
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        for (name, value) in dom.attributes(e) {
            let name = name.to_lowercase();
            if !lower_name(&name) || attrs.iter().any(|(n, _)| *n == name) {
                continue;
            }
            attrs.push((name, cut_chars(&value, MAX_ATTR_CHARS)));
        }
        let all = attrs.clone();
        attrs.retain(|(n, v)| allowed(&tag, &all, n, v));
        let options: Vec<(String, String)> = if tag == "select" {
            dom.select_options(e)
                .into_iter()
                .map(|(v, t)| {
                    (
                        cut_chars(&v, MAX_STRING_CHARS),
                        cut_chars(&t, MAX_STRING_CHARS),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let size: usize = attrs.iter().map(|(_, v)| v.len()).sum::<usize>()
            + options
                .iter()
                .map(|(v, t)| v.len() + t.len())
                .sum::<usize>();
        if text + size > MAX_TEXT_BYTES {
            cut = cut.or(Some(Cut::Text));
            break;
        }
        text += size;
        let index = nodes.len();
        mapped[pos] = Some(index);
        depth.push(level);
        let mut node = Node {
            t: tag,
            p: parent_index,
            a: attrs,
            c: Vec::new(),
            r: dom.is_rendered(e).then_some(One),
            h: dom.concealment(e),
            o: options,
            ..Node::default()
        };
        if let Some(i) = rank[pos] {
            node.k = Some(if own_ids {
                ids[i].clone()
            } else {
                format!("f{control}")
            });
            node.fm = forms[i].as_ref().map(|f| {
                if own_forms {
                    f.clone()
                } else {
                    let next = format!("m{}", form_handles.len());
                    form_handles.entry(f.clone()).or_insert(next).clone()
                }
            });
            node.hv = dom.has_value(e).then_some(One);
            node.d = dom.is_disabled(e).then_some(One);
            control += 1;
        }
        // The children, with the document's positions for now.
        let mut children = Vec::new();
        for c in dom.children(e, usize::MAX) {
            match c {
                Child::Element(ce) => {
                    if let Some(p) = dom.position(&ce) {
                        children.push(Item::Element(p));
                    }
                }
                // What a textarea holds is the person's, however it got there.
                Child::Text(_) if node.t == "textarea" => {}
                Child::Text(t) => {
                    let t = cut_chars(&t, MAX_STRING_CHARS);
                    if text + t.len() > MAX_TEXT_BYTES {
                        cut = cut.or(Some(Cut::Text));
                        continue;
                    }
                    text += t.len();
                    children.push(Item::Text(t));
                }
            }
        }
        listed.push(children);
        nodes.push(node);
    }
    // Element children by their indices in the description; those left out, gone.
    for (node, children) in nodes.iter_mut().zip(listed) {
        node.c = children
            .into_iter()
            .filter_map(|c| match c {
                Item::Element(p) => mapped.get(p).copied().flatten().map(Item::Element),
                t => Some(t),
            })
            .collect();
    }
    // A child kept under a parent left out cannot happen (children follow their parents),
    // so the result keeps every rule; checked all the same, and an empty description if not.
    Description::check(Raw {
        v: u64::from(VERSION),
        nodes,
        truncated: cut,
    })
    .unwrap_or_else(|_| Description {
        v: VERSION,
        nodes: Vec::new(),
        truncated: cut.or(Some(Cut::Nodes)),
        index: Index::default(),
    })
}

/// One compound CSS selector of the kinds [`Description::select`] understands.
#[derive(Debug, Default, PartialEq, Eq)]
struct Compound {
    tag: Option<String>,
    /// (attribute, the value it must have, if any).
    attrs: Vec<(String, Option<String>)>,
    classes: Vec<String>,
}

impl Compound {
    fn parse(css: &str) -> Option<Compound> {
        let css = css.trim();
        let mut out = Compound::default();
        let name_end = |s: &str| {
            s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(s.len())
        };
        let end = name_end(css);
        if end > 0 {
            out.tag = Some(css[..end].to_ascii_lowercase());
        }
        let mut rest = &css[end..];
        while let Some(c) = rest.chars().next() {
            match c {
                '#' | '.' => {
                    let end = name_end(&rest[1..]);
                    if end == 0 {
                        return None;
                    }
                    let name = rest[1..=end].to_string();
                    if c == '#' {
                        out.attrs.push(("id".into(), Some(name)));
                    } else {
                        out.classes.push(name);
                    }
                    rest = &rest[1 + end..];
                }
                '[' => {
                    let close = rest.find(']')?;
                    let inner = &rest[1..close];
                    match inner.split_once('=') {
                        None => {
                            let attr = inner.trim();
                            if attr.is_empty() || name_end(attr) != attr.len() {
                                return None;
                            }
                            out.attrs.push((attr.to_ascii_lowercase(), None));
                        }
                        Some((attr, value)) => {
                            let attr = attr.trim();
                            // `~=`, `^=`, `*=`, … are other operators: not understood.
                            if attr.is_empty() || name_end(attr) != attr.len() {
                                return None;
                            }
                            let value = value.trim();
                            let value = match value.as_bytes().first() {
                                Some(q @ (b'\'' | b'"')) => {
                                    let q = *q as char;
                                    value.strip_prefix(q)?.strip_suffix(q)?
                                }
                                _ if name_end(value) == value.len() && !value.is_empty() => value,
                                _ => return None,
                            };
                            out.attrs
                                .push((attr.to_ascii_lowercase(), Some(value.to_string())));
                        }
                    }
                    rest = &rest[close + 1..];
                }
                _ => return None,
            }
        }
        (out.tag.is_some() || !out.attrs.is_empty() || !out.classes.is_empty()).then_some(out)
    }

    fn matches(&self, node: &Node) -> bool {
        let attr = |name: &str| node.a.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        self.tag.as_ref().is_none_or(|t| *t == node.t)
            && self
                .attrs
                .iter()
                .all(|(name, want)| match (attr(name), want) {
                    (Some(v), Some(want)) => v == want,
                    (Some(_), None) => true,
                    (None, _) => false,
                })
            && self
                .classes
                .iter()
                .all(|c| attr("class").is_some_and(|v| v.split_ascii_whitespace().any(|x| x == c)))
    }
}

#[cfg(test)]
mod tests;
