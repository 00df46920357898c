// The page's own DOM work for the interface, one file so that a page loads one module for it:
// where the focus goes in the open panel, and the 长辈版 choice.

// Where the focus goes in the open panel, a modal dialog. Plain DOM work, done here rather than
// in the wasm, where each DOM call is a binding of its own.

const CONTROLS =
  'button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), ' +
  'textarea:not([disabled]), a[href], summary';

// On Tab (the panel's keydown): from the last control a person can see, the focus goes round
// to the first; on Shift+Tab from the first (or from the panel's title), to the last. The
// focus never leaves the panel for the page behind it.
export function keepFocusInside(event) {
  // Not currentTarget: the widget's listeners are delegated to its root.
  const panel = event.target.closest('.of-panel');
  if (!panel) return;
  const shown = [...panel.querySelectorAll(CONTROLS)].filter((el) => el.getClientRects().length > 0);
  if (shown.length === 0) return;
  const first = shown[0];
  const last = shown[shown.length - 1];
  const from = event.target;
  const to = event.shiftKey
    ? (from === first || !shown.includes(from) ? last : null)
    : (from === last ? first : null);
  if (to) {
    event.preventDefault();
    to.focus();
  }
}

// After a refused 下一步: the first field with a problem in the panel of `inside` takes the
// focus (a group's first control), scrolled to the middle of the panel, where the sticky title
// and buttons cover nothing; its message is linked to it by aria-describedby.
export function focusFirstProblem(inside) {
  const panel = inside.closest('.of-panel');
  const first = panel && panel.querySelector('[data-of=editor] [aria-invalid=true]');
  const target = first && (first.tagName === 'FIELDSET' ? first.querySelector('input, select') : first);
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

// A new screen: it starts at its top, and its heading takes the focus; in the one-item-per-
// screen review (长辈版), the item's heading, scrolled to the top of the panel, so that the item
// itself is in sight rather than the panel's title.
export function focusScreen(inside) {
  const panel = inside.closest('.of-panel');
  if (panel) panel.scrollTop = 0;
  const step = panel && panel.querySelector('[data-of=step-heading]');
  if (step) {
    step.scrollIntoView({ block: 'start' });
    step.focus({ preventScroll: true });
  } else {
    inside.focus();
  }
}

// 长辈版 (large text): the person's choice, remembered on this device under one key that holds
// only the choice. The loader (oncefill.js, window.js) reads the same key before the widget
// starts and marks the page; every switch, the page's or the widget's, says the change with an
// `oncefill:elder` event, which the widget and the loader both follow.

const KEY = 'oncefill-elder';

export function elderOn() {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return document.documentElement.classList.contains('of-elder');
  }
}

export function setElder(on) {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  document.dispatchEvent(new CustomEvent('oncefill:elder', { detail: { on: !!on } }));
}

// Follows the choice made on this page or, through the storage, in another tab. Returns the
// function that stops following (called when the widget is taken down: a discarded instance
// must never be called again).
export function onElder(callback) {
  const listener = (event) => callback(!!(event.detail && event.detail.on));
  const other = (event) => {
    if (event.key === KEY || event.key === null) callback(elderOn());
  };
  document.addEventListener('oncefill:elder', listener);
  window.addEventListener('storage', other);
  return () => {
    document.removeEventListener('oncefill:elder', listener);
    window.removeEventListener('storage', other);
  };
}
