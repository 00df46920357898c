// Whether a person can see a rendered control: the measurement behind the core's
// `Concealment` (src/core/field.rs), run by the page agent.
//
// A control that has a layout box can still be invisible, and a page that asks for a name and
// a phone number can hold such controls for an ID number or an address, for a form filler to
// fill unseen (autofill phishing). A control passes when all of these hold, in this order:
//
// * **opacity** — its opacity times that of every ancestor is at least 0.1;
// * **size** — its box is at least 4 CSS px on both sides (transforms included: a
//   `scale(0)` box has none), and a text control's font is at least 4 px;
// * **on the page** — at least 4 × 4 of it lies inside the document's
//   scrollable area (a box at `left:-10000px` or translated off the top lies outside, where no
//   scrolling reaches);
// * **not clipped** — every ancestor with `overflow: hidden | clip` in its containing-block
//   chain (the root and `body` aside: they clip the viewport) leaves at least 4 × 4 of it;
//   `clip` and `clip-path` clip the hit test below, and a miss where one of them applies
//   counts as clipped;
// * **readable** — a text control's text colour (`-webkit-text-fill-color`) is not transparent
//   and differs from the background behind it (the first opaque background up its ancestors,
//   white when none) by more than 24 in some channel;
// * **on top** — a hit test at the centre of its visible part lands on the control, something
//   inside it or one of its own labels (OnceFill's own panel is looked through); a miss is
//   "covered", or "clipped" under a `clip` or `clip-path`. A control outside the window's
//   view is scrolled to, tested and scrolled back at once, instantly; one scrolled out of
//   view inside a scrolling box is not hit-tested (the person can scroll to it).
//
// A control in a same-origin frame also needs each enclosing frame element to pass the same
// tests in its own document. A radio or checkbox that fails but has a label that passes is a
// styled control (the native box made transparent, the label drawn instead): it counts as seen.
//
// Sizes are CSS px. The page agent (www/agent.js, which `cargo xtask build` gives this file)
// runs it: it reads the computed style and box of the control and each ancestor, in the
// page's own language, one call per control.
//
// Not measured: an overlay with `pointer-events: none` (the hit test goes through it), text
// hidden by a background image, and a `clip` or `clip-path` that leaves the centre showing.

const MIN_SIDE = 4;
const MIN_OPACITY = 0.1;
const MIN_FONT = 4;
const SAME_COLOUR = 24;

// The order of Concealment::ALL, from 1; 0: seen.
const OPACITY = 1, TINY = 2, OFFSCREEN = 3, CLIPPED = 4, SAME = 5, COVERED = 6, FRAME = 7;

/**
 * How the page hides `el` from the person: a reason number, or 0. `scroll`: a control out of
 * the window's view is scrolled to for the hit test (else that test is left out for it).
 */
export function concealment(el, scroll) {
  let frame = frameOf(el);
  for (let depth = 0; frame && depth < 8; depth++) {
    if (own(frame, false, scroll)) return FRAME;
    frame = frameOf(frame);
  }
  const found = own(el, true, scroll);
  // A styled radio or checkbox: the native box made transparent, its label drawn instead.
  const choice = el.localName === 'input' && (el.type === 'radio' || el.type === 'checkbox');
  if (found && choice && Array.from(el.labels || []).some((l) => !own(l, false, scroll))) return 0;
  return found;
}

function frameOf(el) {
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** The parent in the rendered tree: the parent element, or the host of a shadow root. */
function parent(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root.nodeType === 11 ? root.host ?? null : null;
}

const box = (r) => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
const meet = (a, b) => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
const seen = (a) => a.r - a.l >= MIN_SIDE && a.b - a.t >= MIN_SIDE;
const num = (v, otherwise) => {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : otherwise;
};

function showsText(el) {
  if (el.localName === 'input') return !['radio', 'checkbox', 'range', 'color', 'file', 'image'].includes(el.type);
  return el.localName === 'textarea' || el.localName === 'select';
}

/** The tests for one element in its own document; `text`: the text tests too. */
function own(el, text, scroll) {
  const doc = el.ownerDocument;
  const win = doc?.defaultView;
  if (!win) return 0;
  const chain = [];
  for (let n = el; n; n = parent(n)) chain.push([n, win.getComputedStyle(n)]);
  if (chain.reduce((o, [, s]) => o * num(s.opacity, 1), 1) < MIN_OPACITY) return OPACITY;
  const bx = box(el.getBoundingClientRect());
  const style = chain[0][1];
  text = text && showsText(el);
  if (!seen(bx) || (text && num(style.fontSize, 16) < MIN_FONT)) return TINY;
  const root = doc.documentElement;
  const page = { l: -win.scrollX, t: -win.scrollY, r: root.scrollWidth - win.scrollX, b: root.scrollHeight - win.scrollY };
  if (!seen(meet(bx, page))) return OFFSCREEN;
  // Clipping along the containing-block chain (the root and body clip the viewport, which
  // the test above covers): what is left to see, and what is left inside scrolling boxes too.
  let visible = bx;
  let reachable = bx;
  let shaped = false;
  let needsPositioned = false;
  for (let i = 0; i < chain.length; i++) {
    const [n, s] = chain[i];
    const position = s.position;
    const positioned = position === 'absolute' || position === 'fixed';
    shaped ||= s.clipPath !== 'none' || (positioned && s.clip !== 'auto');
    const inChain = i === 0 || !(needsPositioned && position === 'static');
    if (i > 0 && inChain && n !== root && n !== doc.body) {
      const nb = box(n.getBoundingClientRect());
      const overflow = [s.overflowX, s.overflowY];
      if (overflow.some((o) => o === 'hidden' || o === 'clip')) visible = meet(visible, nb);
      if (overflow.some((o) => o !== 'visible')) reachable = meet(reachable, nb);
    }
    if (inChain) needsPositioned = position === 'absolute';
    if (position === 'fixed') break;
  }
  if (!seen(visible)) return CLIPPED;
  if (text && sameColour(chain)) return SAME;
  const target = meet(visible, reachable);
  if (seen(target) && !onTop(el, doc, win, target, scroll)) return shaped ? CLIPPED : COVERED;
  return 0;
}

/** A computed colour as [r, g, b, a]. */
function rgba(value) {
  const m = /^rgba?\(([^)]*)\)$/.exec(value || '');
  if (!m) return null;
  const n = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return n.length >= 3 ? [n[0], n[1], n[2], n.length > 3 ? n[3] : 1] : null;
}

/** Whether the text of chain[0] is transparent or the colour of what is behind it. */
function sameColour(chain) {
  const style = chain[0][1];
  const ink = rgba(style.webkitTextFillColor) ?? rgba(style.color);
  if (!ink) return false;
  if (ink[3] < MIN_OPACITY) return true;
  const paper = chain.map(([, s]) => rgba(s.backgroundColor)).find((c) => c && c[3] >= 0.5) ?? [255, 255, 255, 1];
  return [0, 1, 2].every((i) => Math.abs(ink[i] - paper[i]) <= SAME_COLOUR);
}

/**
 * Whether a hit test at the centre of `target` lands on `el`, inside it or on one of its
 * labels. Out of the window's view, the window is scrolled there and back at once, instantly.
 */
function onTop(el, doc, win, target, scroll) {
  const x = (target.l + target.r) / 2;
  const y = (target.t + target.b) / 2;
  const w = win.innerWidth;
  const h = win.innerHeight;
  const inView = (px, py) => px >= 0 && py >= 0 && px < w && py < h;
  if (inView(x, y)) return landsOn(el, doc, x, y);
  if (!scroll) return true;
  const sx = win.scrollX;
  const sy = win.scrollY;
  win.scrollTo({ left: sx + x - w / 2, top: sy + y - h / 2, behavior: 'instant' });
  const px = x - (win.scrollX - sx);
  const py = y - (win.scrollY - sy);
  const result = inView(px, py) ? landsOn(el, doc, px, py) : true;
  win.scrollTo({ left: sx, top: sy, behavior: 'instant' });
  return result;
}

function landsOn(el, doc, x, y) {
  const root = el.getRootNode();
  const hits = (root.nodeType === 11 ? root : doc).elementsFromPoint(x, y);
  // OnceFill's own panel is looked through.
  const hit = hits.find((h) => !h.closest('[data-oncefill-host]'));
  if (!hit || hit === el || el.contains(hit)) return true;
  return hit.closest('label')?.control === el;
}
