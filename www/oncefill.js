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
