//! Whether a person can see a rendered control: the measurements behind
//! [`Concealment`](crate::core::field::Concealment).
//!
//! A control that has a layout box can still be invisible, and a page that asks for a name and
//! a phone number can hold such controls for an ID number or an address, for a form filler to
//! fill unseen (autofill phishing). A control passes when all of these hold, in this order:
//!
//! * **opacity** — its opacity times that of every ancestor is at least 0.1;
//! * **size** — its box is at least 4 CSS px on both sides (transforms included: a
//!   `scale(0)` box has none), and a text control's font is at least 4 px;
//! * **on the page** — at least 4 × 4 of it lies inside the document's
//!   scrollable area (a box at `left:-10000px` or translated off the top lies outside, where no
//!   scrolling reaches);
//! * **not clipped** — every ancestor with `overflow: hidden | clip` in its containing-block
//!   chain (the root and `body` aside: they clip the viewport) leaves at least 4 × 4 of it;
//!   `clip` and `clip-path` clip the hit test below, and a miss where one of them applies
//!   counts as clipped;
//! * **readable** — a text control's text colour (`-webkit-text-fill-color`) is not transparent
//!   and differs from the background behind it (the first opaque background up its ancestors,
//!   white when none) by more than 24 in some channel;
//! * **on top** — a hit test at the centre of its visible part lands on the control, something
//!   inside it or one of its own labels (OnceFill's own panel is looked through); a miss is
//!   "covered", or "clipped" under a `clip` or `clip-path`. A control outside the window's
//!   view is scrolled to, tested and scrolled back at once, instantly; one scrolled out of
//!   view inside a scrolling box is not hit-tested (the person can scroll to it).
//!
//! A control in a same-origin frame also needs each enclosing frame element to pass the same
//! tests in its own document. A radio or checkbox that fails but has a label that passes is a
//! styled control (the native box made transparent, the label drawn instead): it counts as seen.
//!
//! Sizes are CSS px. The measurement is `visibility.js`, beside this file: it reads the
//! computed style and box of the control and each ancestor, which in the page's own language
//! is one call per control instead of a crossing per property.
//!
//! Not measured: an overlay with `pointer-events: none` (the hit test goes through it), text
//! hidden by a background image, and a `clip` or `clip-path` that leaves the centre showing.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::core::field::Concealment;

#[wasm_bindgen(module = "/src/dom/visibility.js")]
extern "C" {
    /// 0 when seen, else the place of the reason in [`Concealment::ALL`], from 1.
    #[wasm_bindgen(js_name = concealment)]
    fn measure(el: &Element, scroll: bool) -> u32;
}

/// How the page hides `el` from the person, if it does. `scroll`: a control out of the
/// window's view is scrolled to for the hit test; without, the hit test is left out for it (the
/// fill's second look, where scrolling for each field would cost a layout each).
pub fn concealment(el: &Element, scroll: bool) -> Option<Concealment> {
    let n = measure(el, scroll) as usize;
    n.checked_sub(1)
        .and_then(|i| Concealment::ALL.get(i))
        .copied()
}
