//! Scanning: the field descriptors of a page, written once over a small [`Dom`] trait so the
//! same label rules serve the live page (the `dom` adapter) and saved HTML (the native
//! [`html`] adapter).
//!
//! A label is looked for in this order:
//!
//! 1. the control's own label: `aria-labelledby`, `label[for]`, a wrapping `<label>`,
//!    `aria-label`;
//! 2. text right before the control in the same container (`姓名：<input>`,
//!    `<span>姓名</span><input>`, `<dt>姓名</dt><dd><input></dd>`), climbing out of at most a few
//!    wrappers and never past another control, a heading or a line of prose;
//! 3. the neighbouring table cell (the cell before the control's cell, as in the printed-form
//!    tables of government portals), then the table's header row (the `th` above in the same
//!    column, as in a grid of shareholders); a row header and a column header together name
//!    the cell (`法定代表人` × `手机`);
//! 4. the legend of a fieldset that holds only this field;
//! 5. `title`.
//!
//! The placeholder is kept apart (it is weaker evidence). Radio buttons sharing a name are one
//! field whose options are the radios' own labels; the group's label is looked for outside
//! those.
//!
//! Besides its label, every field records the nearest section heading before it (and the
//! headings enclosing that one): h1–h6, `role=heading`, a table's caption or heading row (a
//! row of one cell, as in `<td colspan=4>法定代表人信息</td>`), the legend of an enclosing
//! fieldset, and elements whose class says heading or title. Classification uses it only as
//! context: whose details a block asks for.
//!
//! # Limits
//!
//! A page is read in time that grows in step with its size, whatever it holds: the document
//! is indexed once ([`Dom::position`], [`Dom::previous_siblings`]), no rule walks more than a
//! few ancestors or siblings per control, and nothing recurses on the depth of the tree.
//! What a hostile or broken page could make unbounded is capped, and the scan says so
//! ([`Scan::truncated`]) rather than silently reporting less:
//!
//! * at most [`MAX_FIELDS`] controls are scanned (the largest real forms have a few hundred);
//! * natively, at most [`MAX_HTML_BYTES`] of HTML are read, and elements nested deeper than
//!   [`MAX_DEPTH`] are left out (their text is kept), as browsers' own parsers do;
//! * a label's or heading's text is read no further than [`MAX_TEXT_CHARS`] characters
//!   (longer text is no label anyway), and natively at most [`MAX_TEXT_DEPTH`] levels and
//!   [`MAX_TEXT_NODES`] nodes below its element (deeper content is ignored for labels; the
//!   live adapter takes the browser's own `textContent`, cut at the same length);
//! * text before a control is looked for among its [`MAX_SIBLINGS`] nearest siblings, and a
//!   column header only for the first [`MAX_COLUMNS`] columns of a table.
//!
//! Natively ([`html`]), "rendered" is decided from markup alone: the `hidden` attribute,
//! `type=hidden`, and an inline `style` with `display:none` or `visibility:hidden` on the
//! control or an ancestor. Style sheets, scripts, open shadow roots and frames are not looked
//! at; the live adapter sees all of those except closed shadow roots and cross-origin frames.
//!
//! A rendered control the page still hides from the person (transparent, tiny, off the page,
//! clipped, its text the colour of its background, covered, in such a frame) is reported
//! visible with its [`Concealment`]: classified as any other, so that review can show what the
//! page tried to obtain, and never filled. Only the live adapter measures it.

use crate::core::field::{Concealment, Control, FieldDescriptor, FieldId, FieldOption};
use crate::core::i18n::{Arg, Lang, tr};

mod context;
pub mod description;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;

use context::Cx;

/// The most controls one scan reports.
pub const MAX_FIELDS: usize = 2_000;
/// The most bytes of HTML the native scanner reads (`oncefill classify`).
pub const MAX_HTML_BYTES: usize = 32 * 1024 * 1024;
/// The deepest nesting of elements the native scanner builds; deeper elements are left out.
pub const MAX_DEPTH: usize = 512;
/// How many levels below a label's or heading's element its text is read.
pub const MAX_TEXT_DEPTH: usize = 32;
/// How many nodes below a label's or heading's element are read for its text.
pub const MAX_TEXT_NODES: usize = 256;
/// How much visible text is read for a label or heading before it is known to be prose.
pub const MAX_TEXT_CHARS: usize = 4 * MAX_LABEL_CHARS + 40;
/// How many siblings before a control (or before its wrappers) are read for its label.
pub const MAX_SIBLINGS: usize = 32;
/// Columns of a table beyond this get no column header.
pub const MAX_COLUMNS: usize = 256;

/// The attributes the scanner reads (the rest say nothing about a field).
pub const SCANNED_ATTRIBUTES: &[&str] = &[
    "id",
    "name",
    "type",
    "class",
    "role",
    "for",
    "form",
    "title",
    "aria-label",
    "aria-labelledby",
    "autocomplete",
    "placeholder",
    "pattern",
    "maxlength",
    "readonly",
    "disabled",
    "hidden",
    "colspan",
    "checked",
    "selected",
    "value",
];

/// Why a scan reports less than the whole page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Truncated {
    /// The page is larger than [`MAX_HTML_BYTES`]; only its beginning was read.
    TooLarge {
        /// The bytes read.
        limit: usize,
    },
    /// The page has more controls than the limit; only the first ones were scanned.
    TooManyFields {
        /// How many controls the page has.
        found: usize,
        /// How many were scanned.
        limit: usize,
    },
    /// Elements are nested deeper than [`MAX_DEPTH`]; the deeper ones were left out.
    TooDeep {
        /// The deepest nesting built.
        limit: usize,
    },
}

impl Truncated {
    /// A stable code: `scan.too_large`, `scan.too_many_fields`, `scan.too_deep`.
    pub fn code(&self) -> &'static str {
        match self {
            Truncated::TooLarge { .. } => "scan.too_large",
            Truncated::TooManyFields { .. } => "scan.too_many_fields",
            Truncated::TooDeep { .. } => "scan.too_deep",
        }
    }

    /// What happened, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let (id, found, limit) = match *self {
            Truncated::TooLarge { limit } => ("scan-too-large", 0, limit.div_ceil(1024 * 1024)),
            Truncated::TooManyFields { found, limit } => ("scan-too-many-fields", found, limit),
            Truncated::TooDeep { limit } => ("scan-too-deep", 0, limit),
        };
        let n = |v: usize| Arg::Num(i64::try_from(v).unwrap_or(i64::MAX));
        tr(lang, id, &[("found", n(found)), ("limit", n(limit))])
    }
}

/// What a scan found.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan {
    /// The fields, in document order.
    pub fields: Vec<FieldDescriptor>,
    /// Why part of the page was not scanned, if it was not all scanned.
    pub truncated: Option<Truncated>,
}

/// Limits of one scan (the defaults are the documented caps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most controls scanned.
    pub max_fields: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_fields: MAX_FIELDS,
        }
    }
}

/// A child node: an element, or a run of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Child<N> {
    /// An element.
    Element(N),
    /// Text.
    Text(String),
}

/// The little a scanner needs to know about a document.
pub trait Dom {
    /// An element. Equality is identity.
    type Node: Clone + PartialEq;

    /// Form controls (`input`, `select`, `textarea`) in document order.
    fn controls(&self) -> Vec<Self::Node>;
    /// Every element of the document in document order (the scan walks it once, to know the
    /// section heading each control stands under).
    fn elements(&self) -> Vec<Self::Node>;
    /// The element's index in [`elements`](Self::elements), in constant time or close.
    fn position(&self, node: &Self::Node) -> Option<usize>;
    /// Lower-case tag name.
    fn tag(&self, node: &Self::Node) -> String;
    /// An attribute's value.
    fn attr(&self, node: &Self::Node, name: &str) -> Option<String>;
    /// The element's attributes in source order, names lower-case. By default those the
    /// scanner reads ([`SCANNED_ATTRIBUTES`]); an adapter that can list them all does.
    fn attributes(&self, node: &Self::Node) -> Vec<(String, String)> {
        SCANNED_ATTRIBUTES
            .iter()
            .filter_map(|&name| Some((name.to_string(), self.attr(node, name)?)))
            .collect()
    }
    /// The parent element.
    fn parent(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The previous sibling element.
    fn previous_element(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The next sibling element.
    fn next_element(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The last child element.
    fn last_element_child(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The first `max` child nodes of an element, in order: elements and text (comments left
    /// out). Costs no more than `max` steps, however many children there are.
    fn children(&self, node: &Self::Node, max: usize) -> Vec<Child<Self::Node>>;
    /// The `max` nodes before `node` among its parent's children, nearest first: elements
    /// and text (comments left out). Costs no more than `max` steps.
    fn previous_siblings(&self, node: &Self::Node, max: usize) -> Vec<Child<Self::Node>>;
    /// The element with an `id`.
    fn by_id(&self, id: &str) -> Option<Self::Node>;
    /// `<label for=id>` elements.
    fn labels_for(&self, id: &str) -> Vec<Self::Node>;
    /// Whether the element is rendered (not `display:none`, not `hidden`, has a box).
    fn is_rendered(&self, node: &Self::Node) -> bool;
    /// How the page hides a rendered element from the person, if it does (transparent, tiny,
    /// off the page, clipped, its text the colour of its background, covered, in such a
    /// frame). Only a live page can tell; saved markup says nothing.
    fn concealment(&self, _node: &Self::Node) -> Option<Concealment> {
        None
    }
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
    /// Why the adapter itself holds less than the page (the native parser's caps).
    fn truncated(&self) -> Option<Truncated> {
        None
    }
    /// The text of an element and its descendants as far as a label or heading is read:
    /// by default through [`children`](Self::children), at most [`MAX_TEXT_DEPTH`] levels
    /// and [`MAX_TEXT_NODES`] nodes deep; an adapter with a faster way to the whole text
    /// (the browser's `textContent`) may use it. Either way no more than [`push_capped`]
    /// keeps.
    fn label_text(&self, node: &Self::Node) -> String
    where
        Self: Sized,
    {
        context::walk_text(self, node)
    }
}

/// Appends `text` to `out` until it is longer than any label could be: up to one visible
/// character past [`MAX_TEXT_CHARS`] (so that the rules see it is too long, as they would the
/// whole), or 4 × [`MAX_TEXT_CHARS`] bytes. `visible` counts the visible characters so far.
/// False once the limit is reached.
pub fn push_capped(out: &mut String, visible: &mut usize, text: &str) -> bool {
    for c in text.chars() {
        if !c.is_whitespace() {
            *visible += 1;
        }
        out.push(c);
        if *visible > MAX_TEXT_CHARS || out.len() > 4 * MAX_TEXT_CHARS {
            return false;
        }
    }
    true
}

/// Collapses white space and trims the decorations labels carry: `*`, `＊`, `:` and `：`.
pub fn clean_label(text: &str) -> String {
    let junk = |c: char| matches!(c, '*' | '＊' | ':' | '：' | ' ' | '\u{a0}');
    let trimmed = text.trim_matches(|c: char| junk(c) || c.is_whitespace());
    // Most labels have no white space to collapse: no need to split and join them.
    let mut previous_space = false;
    let plain = trimmed.chars().all(|c| {
        let ok = !(c.is_whitespace() && (c != ' ' || previous_space));
        previous_space = c == ' ';
        ok
    });
    if plain {
        return trimmed.to_string();
    }
    let collapsed = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_matches(junk).to_string()
}

fn non_empty(text: String) -> Option<String> {
    let t = clean_label(&text);
    (!t.is_empty()).then_some(t)
}

/// Text longer than this is prose, not a label.
const MAX_LABEL_CHARS: usize = 40;

fn short(text: String) -> Option<String> {
    non_empty(text).filter(|t| t.chars().count() <= MAX_LABEL_CHARS)
}

const CONTROL_TAGS: [&str; 3] = ["input", "select", "textarea"];

/// Whether an element is a control that takes a value (hidden inputs and buttons do not).
pub(crate) fn is_value_control<D: Dom>(dom: &D, node: &D::Node, tag: &str) -> bool {
    match tag {
        "select" | "textarea" => true,
        "input" => !matches!(
            dom.attr(node, "type")
                .map(|t| t.trim().to_ascii_lowercase())
                .as_deref(),
            Some("hidden" | "submit" | "button" | "reset" | "image")
        ),
        _ => false,
    }
}

fn colspan<D: Dom>(dom: &Cx<'_, D>, cell: &D::Node) -> usize {
    dom.attr(cell, "colspan")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .unwrap_or(1)
}

fn is_cell(tag: &str) -> bool {
    tag == "td" || tag == "th"
}

/// The table cell holding the control, if it sits (a few wrappers deep) in one.
fn cell_of<D: Dom>(dom: &Cx<'_, D>, control: &D::Node) -> Option<D::Node> {
    let mut up = dom.parent(control);
    for _ in 0..4 {
        let c = up?;
        let tag = dom.tag(&c);
        if is_cell(&tag) {
            return Some(c);
        }
        if matches!(tag.as_str(), "tr" | "table" | "form" | "body") {
            return None;
        }
        up = dom.parent(&c);
    }
    None
}

/// The label of the cell before the control's table cell.
fn table_neighbour<D: Dom>(dom: &Cx<'_, D>, cell: &D::Node) -> Option<String> {
    // Only the cell right before counts: an empty one, or one holding a control, means the
    // row pairs controls with something else, and reaching further back would borrow another
    // control's label.
    let previous = dom.previous_element(cell)?;
    if !is_cell(&dom.tag(&previous)) || dom.contains_control(&previous) {
        return None;
    }
    non_empty(dom.text(&previous)).filter(|t| t.chars().count() <= 2 * MAX_LABEL_CHARS)
}

/// The column a cell starts in, counting `colspan`; `None` beyond [`MAX_COLUMNS`].
fn column_of<D: Dom>(dom: &Cx<'_, D>, cell: &D::Node) -> Option<usize> {
    let mut col = 0;
    let mut p = dom.previous_element(cell);
    for _ in 0..MAX_COLUMNS {
        let Some(c) = p else {
            return Some(col);
        };
        if is_cell(&dom.tag(&c)) {
            col += colspan(dom, &c);
        }
        if col >= MAX_COLUMNS {
            return None;
        }
        p = dom.previous_element(&c);
    }
    None
}

/// The first `max` cells of a row.
fn cells<D: Dom>(dom: &Cx<'_, D>, row: &D::Node, max: usize) -> Vec<D::Node> {
    // Cells are mostly separated by white space: twice as many nodes, and a few more.
    dom.children(row, 2 * max + 8)
        .into_iter()
        .filter_map(|c| match c {
            Child::Element(e) if is_cell(&dom.tag(&e)) => Some(e),
            _ => None,
        })
        .take(max)
        .collect()
}

/// The nearest of `from` and the elements before it that is a `tr` (or, with `sections`, a
/// `tbody`, `thead` or `tfoot`), among the first [`MAX_SIBLINGS`].
fn previous_of<D: Dom>(dom: &Cx<'_, D>, from: Option<D::Node>, sections: bool) -> Option<D::Node> {
    let mut p = from;
    for _ in 0..MAX_SIBLINGS {
        let e = p?;
        let tag = dom.tag(&e);
        if (tag == "tr" && !sections)
            || (sections && matches!(tag.as_str(), "tbody" | "thead" | "tfoot"))
        {
            return Some(e);
        }
        p = dom.previous_element(&e);
    }
    None
}

/// The row before `row` in the same table, across `thead`/`tbody` boundaries.
fn previous_row<D: Dom>(dom: &Cx<'_, D>, row: &D::Node) -> Option<D::Node> {
    if let Some(r) = previous_of(dom, dom.previous_element(row), false) {
        return Some(r);
    }
    let section = dom
        .parent(row)
        .filter(|s| matches!(dom.tag(s).as_str(), "tbody" | "thead" | "tfoot"))?;
    // Sections before this one, the nearest first, until one holds a row.
    let mut s = previous_of(dom, dom.previous_element(&section), true);
    for _ in 0..MAX_SIBLINGS {
        let e = s?;
        if let Some(r) = previous_of(dom, dom.last_element_child(&e), false) {
            return Some(r);
        }
        s = previous_of(dom, dom.previous_element(&e), true);
    }
    None
}

/// How far up a grid the header row is looked for; a table of row headers × column headers
/// is small, so a cell that already has a row header looks only a few rows up.
const MAX_HEADER_DISTANCE: usize = 40;
const MAX_MATRIX_DISTANCE: usize = 16;

/// The header of the control's column: the first row above without controls, when it is a
/// real header row (two cells or more) and its cell in this column has text.
fn column_header<D: Dom>(
    dom: &Cx<'_, D>,
    cell: &D::Node,
    max_distance: usize,
) -> Option<(String, bool)> {
    let row = dom.parent(cell).filter(|r| dom.tag(r) == "tr")?;
    let col = column_of(dom, cell)?;
    let mut r = previous_row(dom, &row);
    for _ in 0..max_distance {
        let current = r?;
        if dom.contains_control(&current) {
            r = previous_row(dom, &current);
            continue;
        }
        let header_cells = cells(dom, &current, (col + 1).max(2));
        if header_cells.len() < 2 {
            return None;
        }
        let mut at = 0;
        let mut corner_empty = false;
        for (i, h) in header_cells.iter().enumerate() {
            let span = colspan(dom, h);
            if i == 0 {
                corner_empty = non_empty(dom.text(h)).is_none();
            }
            if col < at + span {
                return short(dom.text(h)).map(|t| (t, corner_empty));
            }
            at += span;
        }
        return None;
    }
    None
}

/// The first cell of the control's row, when it is a row header (text, no control).
fn row_header<D: Dom>(dom: &Cx<'_, D>, cell: &D::Node) -> Option<String> {
    let row = dom.parent(cell)?;
    if let Some(group) = spanning_header(dom, &row) {
        return Some(group);
    }
    let first = cells(dom, &row, 1).into_iter().next()?;
    if first == *cell || dom.contains_control(&first) {
        return None;
    }
    short(dom.text(&first))
}

/// The text of a first cell of an earlier row whose `rowspan` covers this row (a group cell
/// such as 现机动车所有人 in the first column, beside the rows of that person's fields), when
/// it holds no control. Looks at most [`MAX_SPAN_ROWS`] rows up.
fn spanning_header<D: Dom>(dom: &Cx<'_, D>, row: &D::Node) -> Option<String> {
    let mut up = dom.previous_element(row);
    let mut distance = 1usize;
    while let Some(r) = up {
        if distance > MAX_SPAN_ROWS {
            return None;
        }
        if dom.tag(&r) == "tr" {
            if let Some(first) = cells(dom, &r, 1).into_iter().next() {
                let span = dom
                    .attr(&first, "rowspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                if span > distance {
                    return (!dom.contains_control(&first))
                        .then(|| short(dom.text(&first)))
                        .flatten();
                }
            }
            distance += 1;
        }
        up = dom.previous_element(&r);
    }
    None
}

/// How many rows up [`spanning_header`] looks for a cell spanning down.
const MAX_SPAN_ROWS: usize = 16;

fn wrapping_label<D: Dom>(dom: &Cx<'_, D>, node: &D::Node) -> Option<D::Node> {
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

/// Tags after which text starts a new line of its own.
const LINE_BREAKS: [&str; 2] = ["br", "hr"];

/// Containers whose siblings are other rows or blocks of a form: the preceding-text rule reads
/// text inside them but does not climb out of them.
const STOP_CONTAINERS: [&str; 12] = [
    "form", "body", "html", "table", "tbody", "thead", "tfoot", "tr", "fieldset", "ul", "ol",
    "label",
];

fn is_heading_tag(tag: &str) -> bool {
    matches!(
        tag,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "legend" | "caption"
    )
}

/// Text right before the control in its container (see the module's rule 2).
fn preceding_text<D: Dom>(dom: &Cx<'_, D>, anchor: &D::Node) -> Option<String> {
    let mut node = anchor.clone();
    for _ in 0..3 {
        let parent = dom.parent(&node)?;
        let ptag = dom.tag(&parent);
        let before = dom.previous_siblings(&node, MAX_SIBLINGS);
        let mut parts: Vec<String> = Vec::new();
        let has_text = |parts: &[String]| parts.iter().any(|p| !clean_label(p).is_empty());
        for child in &before {
            match child {
                Child::Text(t) => parts.push(t.clone()),
                Child::Element(e) => {
                    let tag = dom.tag(e);
                    if LINE_BREAKS.contains(&tag.as_str()) {
                        if has_text(&parts) {
                            break;
                        }
                        continue;
                    }
                    if is_heading_tag(&tag)
                        || dom.attr(e, "role").as_deref() == Some("heading")
                        || dom.contains_control(e)
                        || matches!(tag.as_str(), "script" | "style" | "template")
                    {
                        break;
                    }
                    // A label for another control is that control's.
                    if tag == "label"
                        && dom
                            .attr(e, "for")
                            .is_some_and(|f| !f.is_empty() && dom.attr(anchor, "id") != Some(f))
                    {
                        break;
                    }
                    parts.push(dom.text(e));
                }
            }
            if parts.iter().map(|p| p.chars().count()).sum::<usize>() > 4 * MAX_LABEL_CHARS {
                return None;
            }
        }
        if has_text(&parts) {
            parts.reverse();
            return short(parts.concat());
        }
        if is_cell(&ptag) || ptag == "li" || STOP_CONTAINERS.contains(&ptag.as_str()) {
            return None;
        }
        node = parent;
    }
    None
}

/// The text of a fieldset's legend.
fn legend_text<D: Dom>(dom: &Cx<'_, D>, fieldset: &D::Node) -> Option<String> {
    // The legend comes first; a few nodes of white space or comments may precede it.
    dom.children(fieldset, 8).into_iter().find_map(|c| match c {
        Child::Element(e) if dom.tag(&e) == "legend" => short(dom.text(&e)),
        _ => None,
    })
}

/// The legend of the enclosing fieldset, when that fieldset holds this one field only.
fn sole_legend<D: Dom>(dom: &Cx<'_, D>, node: &D::Node) -> Option<String> {
    let fieldset = dom.fieldset_of(node)?;
    let text = legend_text(dom, &fieldset)?;
    (dom.fields_in(&fieldset) == 1).then_some(text)
}

/// The control's own label: `aria-labelledby`, `label[for]`, wrapping `<label>`, `aria-label`.
fn own_label<D: Dom>(dom: &Cx<'_, D>, node: &D::Node) -> Option<(String, &'static str)> {
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
        && let Some(t) = non_empty(text_without_controls(dom, &label, 3))
    {
        return Some((t, "label-wrap"));
    }
    if let Some(t) = dom.attr(node, "aria-label").and_then(non_empty) {
        return Some((t, "aria-label"));
    }
    None
}

/// An element's text without the text of the controls inside it (a wrapped select's options,
/// a textarea's content): `<label>证件种类 <select>…居民身份证…</select></label>` reads
/// 证件种类. Elements nested deeper than `depth` that hold a control are left out.
fn text_without_controls<D: Dom>(dom: &Cx<'_, D>, node: &D::Node, depth: usize) -> String {
    let mut out = String::new();
    for child in dom.children(node, 2 * MAX_SIBLINGS) {
        // No further than a label's text is ever read.
        if out.chars().count() >= MAX_TEXT_CHARS {
            break;
        }
        match child {
            Child::Text(t) => out.extend(t.chars().take(MAX_TEXT_CHARS)),
            Child::Element(e) => {
                let tag = dom.tag(&e);
                if matches!(
                    tag.as_str(),
                    "select" | "textarea" | "option" | "datalist" | "button" | "script" | "style"
                ) {
                    continue;
                }
                if !dom.contains_control(&e) {
                    out.push_str(&dom.text(&e));
                } else if depth > 0 {
                    out.push_str(&text_without_controls(dom, &e, depth - 1));
                }
            }
        }
        out.push(' ');
    }
    out.chars().take(MAX_TEXT_CHARS).collect()
}

/// The label of a control, and which rule found it.
fn label_of<D: Dom>(
    dom: &Cx<'_, D>,
    node: &D::Node,
    group: bool,
) -> Option<(String, &'static str)> {
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
    if group && let Some(t) = sole_legend(dom, node) {
        return Some((t, "legend"));
    }
    if let Some(t) = preceding_text(dom, &anchor) {
        return Some((t, "preceding-text"));
    }
    if let Some(cell) = cell_of(dom, &anchor) {
        let neighbour = table_neighbour(dom, &cell);
        let header = match &neighbour {
            None => column_header(dom, &cell, MAX_HEADER_DISTANCE),
            Some(n) if row_header(dom, &cell).as_ref() == Some(n) => {
                column_header(dom, &cell, MAX_MATRIX_DISTANCE)
            }
            Some(_) => None,
        };
        match (neighbour, header) {
            // A row header and a column header: `法定代表人` × `手机`, `住所` × `申请变更登记内容`.
            (Some(n), Some((h, _))) if row_header(dom, &cell).as_ref() == Some(&n) => {
                return Some((format!("{n} {h}"), "table-header"));
            }
            (Some(n), _) => return Some((n, "table-cell")),
            (None, Some((h, _))) => {
                return Some(match row_header(dom, &cell) {
                    Some(r) => (format!("{r} {h}"), "table-header"),
                    None => (h, "table-header"),
                });
            }
            (None, None) => {}
        }
    }
    if !group && let Some(t) = sole_legend(dom, node) {
        return Some((t, "legend"));
    }
    dom.attr(node, "title")
        .and_then(non_empty)
        .map(|t| (t, "title"))
}

/// The row label of a control in a table cell (see [`FieldDescriptor::row_label`]).
fn row_label_of<D: Dom>(dom: &Cx<'_, D>, anchor: &D::Node, label: Option<&str>) -> Option<String> {
    let row = match cell_of(dom, anchor) {
        Some(cell) => row_header(dom, &cell),
        None => None,
    };
    row.or_else(|| line_label(dom, anchor))
        .filter(|r| Some(r.as_str()) != label && label.is_none_or(|l| !l.starts_with(r.as_str())))
}

/// The text that starts the control's line, when another control comes first on it:
/// `经办人：<input> 联系电话：<input>` gives 经办人 for the phone.
fn line_label<D: Dom>(dom: &Cx<'_, D>, anchor: &D::Node) -> Option<String> {
    dom.parent(anchor)?;
    let mut kids = dom.previous_siblings(anchor, MAX_SIBLINGS + 1);
    // The line starts after the nearest line break; a line longer than the window is not
    // read (its start is too far away to say whose it is).
    match kids
        .iter()
        .position(|c| matches!(c, Child::Element(e) if LINE_BREAKS.contains(&dom.tag(e).as_str())))
    {
        Some(at) => kids.truncate(at),
        None if kids.len() > MAX_SIBLINGS => return None,
        None => {}
    }
    kids.reverse();
    let first_control = kids
        .iter()
        .position(|c| matches!(c, Child::Element(e) if dom.contains_control(e)))?;
    let text: String = kids[..first_control]
        .iter()
        .map(|c| match c {
            Child::Text(t) => t.clone(),
            Child::Element(e) => dom.text(e),
        })
        .collect();
    short(text)
}

fn attr_flag<D: Dom>(dom: &Cx<'_, D>, node: &D::Node, name: &str) -> bool {
    dom.attr(node, name).is_some()
}

fn non_empty_attr<D: Dom>(dom: &Cx<'_, D>, node: &D::Node, name: &str) -> Option<String> {
    dom.attr(node, name).filter(|v| !v.trim().is_empty())
}

/// A section heading met on the walk through the document.
struct Heading<N> {
    /// 1–6 for h1–h6; 7 for headings by class or role; 8 for table headings and legends,
    /// which nest inside those.
    level: u8,
    text: String,
    /// The element the heading is confined to (a legend's fieldset, a heading row's table).
    scope: Option<N>,
}

/// Class names that mark an element as a heading (whole class tokens, lower-cased), and
/// fragments that do so inside a token (`panel-title`, `formHeading`, a card's header as
/// Bootstrap and Element UI name it: `card-header`, `el-card__header`; a divider with text
/// between groups of fields, as Ant Design and Element UI draw it: `ant-divider-inner-text`,
/// `el-divider__text`).
const HEADING_CLASSES: [&str; 6] = ["section", "hd", "tit", "bt", "caption", "legend"];
const HEADING_CLASS_PARTS: [&str; 6] = [
    "title",
    "heading",
    "section-",
    "card-header",
    "card__header",
    "divider",
];

/// Endings of a class token that mark a section's head (`sec-hd`, `box-hd`, `mod-hd`); not
/// `__hd`, which WeUI gives a cell's label (`weui-cell__hd`).
const HEADING_CLASS_ENDS: [&str; 1] = ["-hd"];

/// Whether an element is a section heading, and if so its level, text and scope.
fn heading<D: Dom>(dom: &Cx<'_, D>, node: &D::Node, tag: &str) -> Option<Heading<D::Node>> {
    let (level, scope) = match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (tag.as_bytes()[1] - b'0', None),
        "legend" => (8, dom.parent(node).filter(|p| dom.tag(p) == "fieldset")),
        "caption" => (8, dom.parent(node)),
        "td" | "th" => {
            // A row of one cell, and no control in it: a heading row of a form table.
            let row = dom.parent(node).filter(|r| dom.tag(r) == "tr")?;
            if cells(dom, &row, 2).len() != 1 {
                return None;
            }
            // The row's table: its parent, or the parent of its tbody (a few levels in
            // markup that wraps rows in other elements).
            let mut table = dom.parent(&row);
            for _ in 0..4 {
                match table.clone() {
                    Some(t) if dom.tag(&t) != "table" => table = dom.parent(&t),
                    _ => break,
                }
            }
            (8, table.filter(|t| dom.tag(t) == "table"))
        }
        "script" | "style" | "option" | "label" | "title" | "head" | "html" | "body" | "form"
        | "input" | "select" | "textarea" | "button" => return None,
        _ => {
            if dom.attr(node, "role").as_deref() == Some("heading") {
                (7, None)
            } else {
                let class = dom.attr(node, "class")?.to_ascii_lowercase();
                let hit = class.split_ascii_whitespace().any(|c| {
                    HEADING_CLASSES.contains(&c)
                        || HEADING_CLASS_PARTS.iter().any(|p| c.contains(p))
                        || HEADING_CLASS_ENDS.iter().any(|e| c.ends_with(e))
                });
                if !hit {
                    return None;
                }
                (7, None)
            }
        }
    };
    let text = short(dom.text(node))?;
    if !matches!(
        tag,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "legend" | "caption"
    ) && dom.contains_control(node)
    {
        return None;
    }
    // A heading that opens its container (a panel's heading, a section's h2) is confined to it.
    let scope = scope.or_else(|| {
        let parent = dom.parent(node)?;
        if matches!(dom.tag(&parent).as_str(), "form" | "body" | "html" | "main") {
            return None;
        }
        (dom.previous_element(node).is_none() && dom.next_element(node).is_some()).then_some(parent)
    });
    Some(Heading { level, text, scope })
}

/// The headings in force at a control, outermost first.
fn sections_at<D: Dom>(
    dom: &Cx<'_, D>,
    node: &D::Node,
    headings: &[Heading<D::Node>],
) -> Vec<String> {
    headings
        .iter()
        .filter(|h| h.scope.as_ref().is_none_or(|s| dom.is_inside(node, s)))
        .map(|h| h.text.clone())
        .collect()
}

/// Scans a document into field descriptors, in document order. Buttons and other controls
/// that take no typed value are left out; hidden and read-only ones are reported (the
/// classifier refuses them, and review says so). At most [`MAX_FIELDS`] are reported: see
/// [`scan_page`] for a scan that says when it stopped early.
pub fn scan<D: Dom>(dom: &D) -> Vec<FieldDescriptor> {
    scan_page(dom).fields
}

/// Scans a document within the default [`Limits`], saying what was left out.
pub fn scan_page<D: Dom>(dom: &D) -> Scan {
    scan_page_with(dom, Limits::default())
}

/// Scans a document within `limits`, saying what was left out.
pub fn scan_page_with<D: Dom>(dom: &D, limits: Limits) -> Scan {
    let dom = Cx::new(dom);
    let mut truncated = dom.truncated();
    let mut out: Vec<FieldDescriptor> = Vec::new();
    let mut headings: Vec<Heading<D::Node>> = Vec::new();
    // Radio groups already met (their places in `out`): a radio joins its group by looking
    // through these, which the field cap bounds.
    let mut groups: Vec<usize> = Vec::new();
    let mut scanned = 0usize;
    for (_, node, tag) in dom.walk() {
        if !CONTROL_TAGS.contains(&tag) {
            if let Some(h) = heading(&dom, node, tag) {
                // A heading confined to a container (a card's header) nests inside a
                // page-wide one of the same level (a page title by class), which stays.
                while headings.last().is_some_and(|last| {
                    last.level > h.level
                        || (last.level == h.level && (last.scope.is_some() || h.scope.is_none()))
                }) {
                    headings.pop();
                }
                headings.push(h);
            }
            continue;
        }
        if is_value_control(&*dom, node, tag) {
            if scanned == limits.max_fields {
                truncated = Some(Truncated::TooManyFields {
                    found: dom.control_count(),
                    limit: limits.max_fields,
                });
                break;
            }
            scanned += 1;
        }
        scan_control(&dom, node, tag, &headings, &mut groups, &mut out);
    }
    Scan {
        fields: out,
        truncated,
    }
}

/// How the page hides a rendered control from the person (an unrendered one is simply hidden).
fn concealed<D: Dom>(dom: &D, node: &D::Node) -> Option<Concealment> {
    if dom.is_rendered(node) {
        dom.concealment(node)
    } else {
        None
    }
}

fn scan_control<D: Dom>(
    dom: &Cx<'_, D>,
    node: &D::Node,
    tag: &str,
    headings: &[Heading<D::Node>],
    groups: &mut Vec<usize>,
    out: &mut Vec<FieldDescriptor>,
) {
    let input_type = match tag {
        "input" => dom
            .attr(node, "type")
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "text".into()),
        other => other.to_string(),
    };
    if matches!(input_type.as_str(), "submit" | "button" | "reset" | "image") {
        return;
    }
    let form = dom.form_of(node);
    let name = non_empty_attr(dom, node, "name");
    if input_type == "radio" {
        let option = FieldOption {
            value: dom.attr(node, "value").unwrap_or_else(|| "on".into()),
            text: own_label(dom, node).map(|(t, _)| t).unwrap_or_default(),
            id: Some(dom.field_id(node)),
        };
        // Join the group this radio belongs to, if it was already seen.
        let joined = groups
            .iter()
            .copied()
            .find(|&i| name.is_some() && out[i].name == name && out[i].form == form);
        if let Some(group) = joined.and_then(|i| out.get_mut(i)) {
            group.options.push(option);
            group.has_value |= dom.has_value(node);
            group.visible |= dom.is_rendered(node);
            group.concealed = group.concealed.or_else(|| concealed(&**dom, node));
            return;
        }
        let (label, label_source) = label_of(dom, node, true).unzip();
        let mut sections = sections_at(dom, node, headings);
        let section = sections.pop();
        let anchor = wrapping_label(dom, node).unwrap_or_else(|| node.clone());
        let row_label = row_label_of(dom, &anchor, label.as_deref());
        groups.push(out.len());
        out.push(FieldDescriptor {
            id: dom.field_id(node),
            html_id: non_empty_attr(dom, node, "id"),
            name,
            control: Control::RadioGroup,
            label,
            label_source,
            placeholder: None,
            autocomplete: non_empty_attr(dom, node, "autocomplete"),
            max_length: None,
            pattern: None,
            options: vec![option],
            visible: dom.is_rendered(node),
            concealed: concealed(&**dom, node),
            readonly: false,
            disabled: dom.is_disabled(node),
            has_value: dom.has_value(node),
            form,
            section,
            outer_sections: sections,
            row_label,
        });
        return;
    }
    let control = match (tag, input_type.as_str()) {
        ("select", _) => Control::Select,
        ("textarea", _) => Control::TextArea,
        (_, "checkbox") => Control::Checkbox,
        _ => Control::Input {
            input_type: input_type.clone(),
        },
    };
    let options = if control == Control::Select {
        dom.select_options(node)
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
    // Hidden inputs carry no label worth finding.
    let (label, label_source) = if input_type == "hidden" {
        (None, None)
    } else {
        label_of(dom, node, false).unzip()
    };
    let mut sections = if input_type == "hidden" {
        Vec::new()
    } else {
        sections_at(dom, node, headings)
    };
    let section = sections.pop();
    let row_label = if input_type == "hidden" {
        None
    } else {
        row_label_of(dom, node, label.as_deref())
    };
    out.push(FieldDescriptor {
        id: dom.field_id(node),
        html_id: non_empty_attr(dom, node, "id"),
        name,
        control,
        label,
        label_source,
        placeholder: non_empty_attr(dom, node, "placeholder"),
        autocomplete: non_empty_attr(dom, node, "autocomplete"),
        max_length: dom
            .attr(node, "maxlength")
            .and_then(|m| m.trim().parse().ok())
            .filter(|&m: &u32| m > 0),
        pattern: non_empty_attr(dom, node, "pattern"),
        options,
        visible: input_type != "hidden" && dom.is_rendered(node),
        concealed: if input_type == "hidden" {
            None
        } else {
            concealed(&**dom, node)
        },
        readonly: attr_flag(dom, node, "readonly"),
        disabled: dom.is_disabled(node),
        has_value: dom.has_value(node),
        form,
        section,
        outer_sections: sections,
        row_label,
    });
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

    #[cfg(not(target_arch = "wasm32"))]
    fn fields(html: &str) -> Vec<FieldDescriptor> {
        scan(&html::HtmlDom::parse(html))
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn label_by_name(fields: &[FieldDescriptor], name: &str) -> (String, &'static str) {
        let f = fields
            .iter()
            .find(|f| f.name.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("{name}"));
        (
            f.label.clone().unwrap_or_default(),
            f.label_source.unwrap_or_default(),
        )
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn text_before_a_control_labels_it() {
        let f = fields(
            "<form>姓名：<input name=a> 性别：<select name=b><option>男</option></select><br>\
             <span>身份证号</span><input name=c>\
             <div class=row><div class=lbl>手机</div><div><input name=d></div></div>\
             <dl><dt>邮箱</dt><dd><input name=e></dd></dl>\
             <p>请如实填写以下各项，否则后果自负，本单位不承担任何责任。谢谢您的配合与支持，祝您生活愉快。</p><div><input name=f></div>\
             <h3>联系人</h3><input name=g placeholder=姓名></form>",
        );
        assert_eq!(label_by_name(&f, "a"), ("姓名".into(), "preceding-text"));
        assert_eq!(label_by_name(&f, "b"), ("性别".into(), "preceding-text"));
        assert_eq!(
            label_by_name(&f, "c"),
            ("身份证号".into(), "preceding-text")
        );
        assert_eq!(label_by_name(&f, "d"), ("手机".into(), "preceding-text"));
        assert_eq!(label_by_name(&f, "e"), ("邮箱".into(), "preceding-text"));
        // Prose is not a label, nor is a heading.
        assert_eq!(label_by_name(&f, "f").0, "");
        assert_eq!(label_by_name(&f, "g").0, "");
        let g = f.iter().find(|x| x.name.as_deref() == Some("g")).unwrap();
        assert_eq!(g.section.as_deref(), Some("联系人"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_group_cell_spanning_rows_is_their_row_label() {
        // 机动车转移登记: the first column's rowspan cell names whose the rows below are.
        let f = fields(
            "<table><tr><td rowspan=2>现机动车所有人</td><td>姓名</td><td><input name=a></td></tr>\
             <tr><td>联系电话</td><td><input name=b></td></tr>\
             <tr><td rowspan=2>代理人</td><td>姓名</td><td><input name=c></td></tr>\
             <tr><td>联系电话</td><td><input name=d></td></tr>\
             <tr><td>申请日期</td><td><input name=e></td></tr></table>",
        );
        let row = |n: &str| {
            f.iter()
                .find(|x| x.name.as_deref() == Some(n))
                .and_then(|x| x.row_label.clone())
        };
        assert_eq!(row("a").as_deref(), Some("现机动车所有人"));
        assert_eq!(row("b").as_deref(), Some("现机动车所有人"));
        assert_eq!(label_by_name(&f, "b"), ("联系电话".into(), "table-cell"));
        assert_eq!(row("c").as_deref(), Some("代理人"));
        assert_eq!(row("d").as_deref(), Some("代理人"));
        // Past the span, the row is its own again.
        assert_eq!(row("e"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_section_head_by_class_ending_in_hd() {
        // `sec-hd` heads a section; WeUI's `weui-cell__hd` holds a cell's label, no heading.
        let f = fields(
            "<div class=sec><div class=sec-hd>紧急联系人</div>\
             <dl><dt>姓名</dt><dd><input name=a></dd></dl></div>\
             <div class=weui-cell><div class=weui-cell__hd><label for=b>证件号码</label></div>\
             <div class=weui-cell__bd><input id=b name=b></div></div>",
        );
        let a = f.iter().find(|x| x.name.as_deref() == Some("a")).unwrap();
        assert_eq!(a.section.as_deref(), Some("紧急联系人"));
        let b = f.iter().find(|x| x.name.as_deref() == Some("b")).unwrap();
        assert_ne!(b.section.as_deref(), Some("证件号码"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn tables_label_by_neighbour_header_and_row() {
        let f = fields(
            "<table><tr><th>姓名</th><th>证件号码</th></tr>\
             <tr><td><input name=a></td><td><input name=b></td></tr>\
             <tr><td><input name=c></td><td><input name=d></td></tr></table>\
             <table><tr><td></td><th>姓名</th><th>手机</th></tr>\
             <tr><th>联络员</th><td><input name=e></td><td><input name=f></td></tr></table>\
             <table><tr><td>代理人</td><td><input name=g></td><td>联系电话</td><td><input name=h></td></tr></table>",
        );
        assert_eq!(label_by_name(&f, "a"), ("姓名".into(), "table-header"));
        assert_eq!(label_by_name(&f, "d"), ("证件号码".into(), "table-header"));
        assert_eq!(
            label_by_name(&f, "e"),
            ("联络员 姓名".into(), "table-header")
        );
        assert_eq!(
            label_by_name(&f, "f"),
            ("联络员 手机".into(), "table-header")
        );
        assert_eq!(label_by_name(&f, "h"), ("联系电话".into(), "table-cell"));
        let h = f.iter().find(|x| x.name.as_deref() == Some("h")).unwrap();
        assert_eq!(h.row_label.as_deref(), Some("代理人"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn legends_and_headings_give_labels_and_sections() {
        let f = fields(
            "<h1>登记表</h1><h2>法定代表人信息</h2>\
             <fieldset><legend>性别</legend><label><input type=radio name=xb>男</label><label><input type=radio name=xb>女</label></fieldset>\
             <table><tr><td colspan=2 class=section>证件信息</td></tr><tr><td>号码</td><td><input name=a></td></tr></table>\
             <input name=b>\
             <fieldset><legend>出生日期</legend><select name=y></select><select name=m></select></fieldset>\
             <input name=c>",
        );
        assert_eq!(label_by_name(&f, "xb"), ("性别".into(), "legend"));
        let get = |n: &str| f.iter().find(|x| x.name.as_deref() == Some(n)).unwrap();
        assert_eq!(get("a").section.as_deref(), Some("证件信息"));
        assert_eq!(get("a").outer_sections, vec!["登记表", "法定代表人信息"]);
        // A heading row belongs to its table; a legend to its fieldset.
        assert_eq!(get("b").section.as_deref(), Some("法定代表人信息"));
        assert_eq!(get("y").section.as_deref(), Some("出生日期"));
        assert_eq!(
            get("y").label,
            None,
            "a legend over two fields labels neither"
        );
        assert_eq!(get("c").section.as_deref(), Some("法定代表人信息"));
    }
}
