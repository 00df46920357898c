//! Whether a person can see a rendered control: the measurements behind
//! [`Concealment`](crate::core::field::Concealment).
//!
//! A control that has a layout box can still be invisible, and a page that asks for a name and
//! a phone number can hold such controls for an ID number or an address, for a form filler to
//! fill unseen (autofill phishing). A control passes when all of these hold, in this order:
//!
//! * **opacity** — its opacity times that of every ancestor is at least [`MIN_OPACITY`];
//! * **size** — its box is at least [`MIN_SIDE`] CSS px on both sides (transforms included: a
//!   `scale(0)` box has none), and a text control's font is at least [`MIN_FONT`] px;
//! * **on the page** — at least [`MIN_SIDE`] × [`MIN_SIDE`] of it lies inside the document's
//!   scrollable area (a box at `left:-10000px` or translated off the top lies outside, where no
//!   scrolling reaches);
//! * **not clipped** — every ancestor with `overflow: hidden | clip` in its containing-block
//!   chain leaves at least [`MIN_SIDE`] × [`MIN_SIDE`] of it; `clip` and `clip-path` clip the
//!   hit test below, and a miss where one of them applies counts as clipped;
//! * **readable** — a text control's text colour (`-webkit-text-fill-color`) is not transparent
//!   and differs from the background behind it (the first opaque background up its ancestors,
//!   white when none) by more than [`SAME_COLOUR`] in some channel;
//! * **on top** — a hit test at the centre of its visible part lands on the control, something
//!   inside it or one of its own labels (OnceFill's own panel is looked through); a miss is
//!   "covered", or "clipped" under a `clip` or `clip-path`. A control
//!   outside the window's view is scrolled to, tested and scrolled back at once, instantly; one
//!   scrolled out of view inside a scrolling box is not hit-tested (the person can scroll to
//!   it).
//!
//! A control in a same-origin frame also needs each enclosing frame element to pass the same
//! tests in its own document. A radio or checkbox that fails but has a label that passes is a
//! styled control (the native box made transparent, the label drawn instead): it counts as seen.
//!
//! Not measured: an overlay with `pointer-events: none` (the hit test goes through it), text
//! hidden by a background image, and a `clip` or `clip-path` that leaves the centre showing.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Document, DomRect, Element, ScrollBehavior, ScrollToOptions};

use crate::core::field::Concealment;
use crate::dom::realm;

/// The smallest side, in CSS px, of a box a person is taken to see and click.
pub const MIN_SIDE: f64 = 4.0;
/// The smallest effective opacity a person is taken to see.
pub const MIN_OPACITY: f64 = 0.1;
/// The smallest font, in CSS px, whose text a person is taken to read.
pub const MIN_FONT: f64 = 4.0;
/// Text and background colours this close in every channel (0–255) are the same colour.
pub const SAME_COLOUR: f64 = 24.0;

/// How the page hides `el` from the person, if it does.
pub fn concealment(el: &Element) -> Option<Concealment> {
    let mut frame = frame_of(el);
    let mut depth = 0;
    while let Some(f) = frame {
        if own(&f, false).is_some() {
            return Some(Concealment::Frame);
        }
        depth += 1;
        if depth > 8 {
            break;
        }
        frame = frame_of(&f);
    }
    let found = own(el, true)?;
    let styled_choice = realm::input(el)
        .filter(|i| matches!(i.type_().as_str(), "radio" | "checkbox"))
        .and_then(|i| i.labels())
        .is_some_and(|labels| {
            (0..labels.length())
                .filter_map(|i| labels.item(i))
                .filter_map(realm::element)
                .any(|label| own(&label, false).is_none())
        });
    (!styled_choice).then_some(found)
}

/// The frame element `el`'s document is shown in, when it is a same-origin frame.
fn frame_of(el: &Element) -> Option<Element> {
    el.owner_document()?.default_view()?.frame_element().ok()?
}

fn style(el: &Element) -> Option<CssStyleDeclaration> {
    el.owner_document()?
        .default_view()?
        .get_computed_style(el)
        .ok()
        .flatten()
}

fn prop(style: &CssStyleDeclaration, name: &str) -> String {
    style.get_property_value(name).unwrap_or_default()
}

/// The parent in the rendered tree: the parent element, or the host of a shadow root.
fn parent(el: &Element) -> Option<Element> {
    if let Some(p) = el.parent_element() {
        return Some(p);
    }
    let root = el.get_root_node();
    (root.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE)
        .then(|| root.unchecked_into::<web_sys::ShadowRoot>().host())
}

/// A rectangle in the viewport's coordinates.
#[derive(Clone, Copy, Debug)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    fn of(r: &DomRect) -> Self {
        Rect {
            left: r.left(),
            top: r.top(),
            right: r.right(),
            bottom: r.bottom(),
        }
    }

    fn width(self) -> f64 {
        (self.right - self.left).max(0.0)
    }

    fn height(self) -> f64 {
        (self.bottom - self.top).max(0.0)
    }

    fn meet(self, o: Rect) -> Rect {
        Rect {
            left: self.left.max(o.left),
            top: self.top.max(o.top),
            right: self.right.min(o.right),
            bottom: self.bottom.min(o.bottom),
        }
    }

    fn seen(self) -> bool {
        self.width() >= MIN_SIDE && self.height() >= MIN_SIDE
    }
}

/// A number as CSS writes it (the browser's own parser: Rust's float parsing would grow the
/// bundle).
fn number(text: &str) -> Option<f64> {
    let n = js_sys::Number::from(wasm_bindgen::JsValue::from_str(text.trim())).value_of();
    (!text.trim().is_empty() && n.is_finite()).then_some(n)
}

/// A computed colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as (r, g, b, a).
fn colour(value: &str) -> Option<[f64; 4]> {
    let inner = value.strip_prefix("rgba(").or(value.strip_prefix("rgb("))?;
    let mut n = [0.0, 0.0, 0.0, 1.0];
    let mut count = 0;
    for (slot, part) in n.iter_mut().zip(inner.trim_end_matches(')').split(',')) {
        *slot = number(part)?;
        count += 1;
    }
    (count >= 3).then_some(n)
}

/// Whether `el` takes typed text or shows a chosen text (its text colour and size matter).
fn shows_text(el: &Element) -> bool {
    match realm::input(el) {
        Some(i) => !matches!(
            i.type_().as_str(),
            "radio" | "checkbox" | "range" | "color" | "file" | "image"
        ),
        None => realm::textarea(el).is_some() || realm::select(el).is_some(),
    }
}

/// The tests of the module documentation for one element in its own document; `text`: also
/// the text tests, when the element shows text.
fn own(el: &Element, text: bool) -> Option<Concealment> {
    let st = style(el)?;
    let doc = el.owner_document()?;
    let win = doc.default_view()?;
    // Opacity, and the ancestors' styles, once.
    let mut chain = vec![(el.clone(), st.clone())];
    let mut up = parent(el);
    while let Some(p) = up {
        let Some(s) = style(&p) else { break };
        up = parent(&p);
        chain.push((p, s));
    }
    let opacity: f64 = chain
        .iter()
        .map(|(_, s)| number(&prop(s, "opacity")).unwrap_or(1.0))
        .product();
    if opacity < MIN_OPACITY {
        return Some(Concealment::Opacity);
    }
    let bx = Rect::of(&el.get_bounding_client_rect());
    let text = text && shows_text(el);
    let font = number(prop(&st, "font-size").trim_end_matches("px")).unwrap_or(16.0);
    if !bx.seen() || (text && font < MIN_FONT) {
        return Some(Concealment::Tiny);
    }
    let (sx, sy) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
    let page = doc.document_element().map(|root| Rect {
        left: -sx,
        top: -sy,
        right: f64::from(root.scroll_width()) - sx,
        bottom: f64::from(root.scroll_height()) - sy,
    });
    if page.is_some_and(|p| !bx.meet(p).seen()) {
        return Some(Concealment::Offscreen);
    }
    // Clipping along the containing-block chain: what is left to see, and (for the hit test)
    // what is left inside scrolling boxes too. `clip` and `clip-path` shapes are not measured:
    // they clip the hit test, and a miss under one of them is a clipped field.
    let mut visible = bx;
    let mut reachable = bx;
    let mut shaped = false;
    let mut needs_positioned = false;
    for (i, (node, s)) in chain.iter().enumerate() {
        let position = prop(s, "position");
        let positioned = matches!(position.as_str(), "absolute" | "fixed");
        shaped |= prop(s, "clip-path") != "none" || (positioned && prop(s, "clip") != "auto");
        let in_chain = i == 0 || !(needs_positioned && position == "static");
        if i > 0 && in_chain {
            let node_box = Rect::of(&node.get_bounding_client_rect());
            let overflow = [prop(s, "overflow-x"), prop(s, "overflow-y")];
            if overflow.iter().any(|o| o == "hidden" || o == "clip") {
                visible = visible.meet(node_box);
            }
            if overflow.iter().any(|o| o != "visible") {
                reachable = reachable.meet(node_box);
            }
        }
        if in_chain {
            needs_positioned = position == "absolute";
        }
        if position == "fixed" {
            break;
        }
    }
    if !visible.seen() {
        return Some(Concealment::Clipped);
    }
    if text && same_colour(&chain) {
        return Some(Concealment::SameColour);
    }
    let target = visible.meet(reachable);
    if target.seen() && !on_top(el, &doc, &win, target) {
        return Some(if shaped {
            Concealment::Clipped
        } else {
            Concealment::Covered
        });
    }
    None
}

/// Whether the text of the first element of `chain` is transparent or the colour of what is
/// behind it.
fn same_colour(chain: &[(Element, CssStyleDeclaration)]) -> bool {
    let Some((_, st)) = chain.first() else {
        return false;
    };
    let Some(ink) =
        colour(&prop(st, "-webkit-text-fill-color")).or_else(|| colour(&prop(st, "color")))
    else {
        return false;
    };
    if ink[3] < MIN_OPACITY {
        return true;
    }
    let paper = chain
        .iter()
        .filter_map(|(_, s)| colour(&prop(s, "background-color")))
        .find(|c| c[3] >= 0.5)
        .unwrap_or([255.0, 255.0, 255.0, 1.0]);
    (0..3).all(|i| (ink[i] - paper[i]).abs() <= SAME_COLOUR)
}

/// Whether a hit test at the centre of `target` (viewport coordinates) lands on `el`, inside
/// it or on one of its labels. The window is scrolled there and back when the point is out of
/// view.
fn on_top(el: &Element, doc: &Document, win: &web_sys::Window, target: Rect) -> bool {
    let (cx, cy) = (
        (target.left + target.right) / 2.0,
        (target.top + target.bottom) / 2.0,
    );
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (vw, vh) = (size(win.inner_width()), size(win.inner_height()));
    let inside = cx >= 0.0 && cy >= 0.0 && cx < vw && cy < vh;
    if inside {
        return lands_on(el, doc, cx, cy);
    }
    let (sx, sy) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
    let scroll = |left: f64, top: f64| {
        let options = ScrollToOptions::new();
        options.set_left(left);
        options.set_top(top);
        options.set_behavior(ScrollBehavior::Instant);
        win.scroll_to_with_scroll_to_options(&options);
    };
    scroll(sx + cx - vw / 2.0, sy + cy - vh / 2.0);
    let (nx, ny) = (win.scroll_x().unwrap_or(sx), win.scroll_y().unwrap_or(sy));
    let (px, py) = (cx - (nx - sx), cy - (ny - sy));
    let result = if px >= 0.0 && py >= 0.0 && px < vw && py < vh {
        lands_on(el, doc, px, py)
    } else {
        true
    };
    scroll(sx, sy);
    result
}

fn lands_on(el: &Element, doc: &Document, x: f64, y: f64) -> bool {
    let root = el.get_root_node();
    let hits = if root.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE {
        root.unchecked_into::<web_sys::ShadowRoot>()
            .elements_from_point(x as f32, y as f32)
    } else {
        doc.elements_from_point(x as f32, y as f32)
    };
    let first = hits
        .iter()
        .filter_map(|h| realm::element(h.unchecked_into()))
        .find(|h| h.closest("[data-oncefill-host]").ok().flatten().is_none());
    let Some(hit) = first else {
        // Nothing there to judge by.
        return true;
    };
    if &hit == el || el.contains(Some(&hit)) {
        return true;
    }
    let label = hit.closest("label").ok().flatten();
    label.is_some_and(|l| {
        let labelled = l.unchecked_ref::<web_sys::HtmlLabelElement>().control();
        labelled.is_some_and(|c| {
            let c: &Element = c.unchecked_ref();
            c == el
        })
    })
}
