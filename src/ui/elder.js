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
