/*
 * OnceFill embed loader. A portal includes it with one tag:
 *   <script src="https://<oncefill-host>/oncefill.js" defer></script>
 * Options as data attributes: data-lang="zh-CN" | "en".
 * It loads the WebAssembly module from beside this file and mounts the 一键填表 widget.
 * It sends nothing anywhere: the only requests are for these static files.
 *
 * Locking discards the widget's instance: when the widget says it locked
 * (`oncefill:locked`), its element is removed, every byte of its WebAssembly memory is
 * overwritten with zeros, and a new instance is started on the unlock screen. The page itself
 * is not reloaded, so what the person typed into the page's own form stays.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__oncefillLoading) return;
  // A form shown in the staff desk's frame (staff.html) is filled by the desk: the form's own
  // widget stays out, so that a citizen's vault is never made there.
  try {
    if (window.top !== window && window.top.OnceFillStaff) return;
  } catch (e) { /* another origin's page on top: not the desk */ }
  window.__oncefillLoading = true;
  var base = new URL('.', script.src).href;
  var lang = script.getAttribute('data-lang') || undefined;
  var instances = 0;
  var exports = null;
  var module = null;

  // The Chinese messages travel beside the bundle rather than in it, fetched while it loads.
  var messages = fetch(base + 'i18n/zh-CN.ftl')
    .then(function (r) { return r.ok ? r.text() : undefined; })
    .catch(function () { return undefined; });

  function start(relock) {
    // A module is evaluated once per URL: a new instance needs a URL of its own.
    var url = base + 'pkg/oncefill.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    return Promise.all([import(url), messages]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: base + 'pkg/oncefill_bg.wasm' }).then(function (wasm) {
        exports = wasm;
        module = m;
        m.mount({ lang: relock ? relock.lang : lang, base: base, relock: relock, messages: loaded[1] });
        fontUnit();
        // Only benchmark pages opt in to the benchmark hook; it never touches a person's vault.
        if (window.__oncefillBenchEnabled) {
          window.__oncefillBench = {
            saveMs: m.bench_save_ms,
            memoryBytes: function () { return wasm.memory.buffer.byteLength; },
          };
        }
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    });
  }

  // The widget's sizes are multiples of --of-rem: the browser's own default font size, which
  // the person sets, measured here once. The page's rem will not do: many pages fix the font
  // size of their <html> in px, and the widget would then ignore the person's setting.
  function fontUnit() {
    var host = document.querySelector('[data-oncefill-host]');
    if (!host || !host.shadowRoot) return;
    var probe = document.createElement('span');
    probe.style.cssText = 'all: initial; font-size: medium';
    host.shadowRoot.appendChild(probe);
    host.style.setProperty('--of-rem', getComputedStyle(probe).fontSize);
    probe.remove();
  }

  function fail(err) {
    console.error('OnceFill could not start:', err && err.message ? err.message : err);
  }

  // The launcher floats at the bottom right but comes last in the page's Tab order: a skip
  // link, the page's first focusable element, takes the keyboard straight to it. It is out of
  // sight until it has the focus.
  var hidden = 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden';
  var shown = 'position:fixed;left:12px;top:12px;z-index:2147483002;padding:10px 16px;' +
    'background:#fff;color:#0b4a94;border:3px solid #0b4a94;font-size:18px;line-height:1.4;' +
    'text-decoration:underline;outline:4px solid #f0a400;outline-offset:2px';
  function launcher() {
    var host = document.querySelector('[data-oncefill-host]');
    return host && host.shadowRoot && host.shadowRoot.querySelector('[data-of="launcher"]');
  }
  function skipLink() {
    var link = document.createElement('a');
    // A link to the widget's host element, so that it is known as a skip link (a bare '#'
    // would read as the page's first link to elsewhere).
    link.href = '#oncefill-widget';
    link.setAttribute('data-oncefill-skip', '');
    link.innerHTML = '跳到一次填 <span lang="en">Skip to OnceFill</span>';
    link.style.cssText = hidden;
    link.addEventListener('focus', function () { link.style.cssText = shown; });
    link.addEventListener('blur', function () { link.style.cssText = hidden; });
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var button = launcher();
      if (button) {
        button.focus();
      } else {
        // Not started yet: the focus goes to the launcher as soon as it is there.
        document.addEventListener('oncefill:ready', function focusLater() {
          document.removeEventListener('oncefill:ready', focusLater);
          waitFor(function (b) { b.focus(); });
        });
      }
    });
    document.body.insertBefore(link, document.body.firstChild);
  }

  // Calls back with the launcher once it is shown (the widget waits for its style sheet).
  function waitFor(callback) {
    var tries = 0;
    (function look() {
      var button = launcher();
      if (button && button.offsetHeight > 0) return callback(button);
      if (++tries < 600) requestAnimationFrame(look);
    })();
  }

  // The page ends with room for the launcher, so that at the bottom it covers no text: as much
  // padding below the page's content as the button takes from the bottom of the window.
  var ownPadding = null;
  function makeRoom(button) {
    var body = document.body;
    if (ownPadding === null) ownPadding = parseFloat(getComputedStyle(body).paddingBottom) || 0;
    var rect = button.getBoundingClientRect();
    if (!rect.height) return;
    var needed = Math.ceil(window.innerHeight - rect.top + 12);
    body.style.paddingBottom = Math.max(ownPadding, needed) + 'px';
  }
  function keepRoom() {
    waitFor(function (button) {
      makeRoom(button);
      if (window.ResizeObserver) new ResizeObserver(function () { makeRoom(button); }).observe(button);
    });
  }
  window.addEventListener('resize', function () {
    var button = launcher();
    if (button) makeRoom(button);
  });
  document.addEventListener('oncefill:ready', keepRoom);

  if (document.body) skipLink();
  else document.addEventListener('DOMContentLoaded', skipLink);

  document.addEventListener('oncefill:locked', function (event) {
    var detail = event.detail || {};
    var old = exports;
    var oldModule = module;
    // Let the old instance finish the call that sent the event; then stop its widget, timers
    // and listeners (the widget is taken down in a task of its own), so that nothing of it
    // runs again; only then does its memory go.
    setTimeout(function () {
      if (oldModule && oldModule.unmount) oldModule.unmount();
      setTimeout(function () {
        var host = document.querySelector('[data-oncefill-host]');
        if (host) host.remove();
        if (old && old.memory) new Uint8Array(old.memory.buffer).fill(0);
        start({ open: !!detail.open, lang: detail.lang, autoLockMinutes: detail.autoLockMinutes || 10 }).catch(fail);
      }, 0);
    }, 0);
  });

  start(undefined).catch(fail);
})();
