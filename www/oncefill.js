/*
 * OnceFill embed loader. A portal includes it with one tag:
 *   <script src="https://<oncefill-host>/oncefill.js" defer></script>
 * Options as data attributes: data-lang="zh-CN" | "en".
 * It loads the WebAssembly module from beside this file and mounts the 一键填表 widget.
 * It sends nothing anywhere: the only requests are for these static files.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__oncefillLoading) return;
  window.__oncefillLoading = true;
  var base = new URL('.', script.src).href;
  var lang = script.getAttribute('data-lang') || undefined;
  import(base + 'pkg/oncefill.js')
    .then(function (m) {
      return m.default({ module_or_path: base + 'pkg/oncefill_bg.wasm' }).then(function (wasm) {
        m.mount({ lang: lang, base: base });
        // Only benchmark pages opt in to the benchmark hook; it never touches a person's vault.
        if (window.__oncefillBenchEnabled) {
          window.__oncefillBench = {
            saveMs: m.bench_save_ms,
            memoryBytes: function () { return wasm.memory.buffer.byteLength; },
          };
        }
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    })
    .catch(function (err) {
      console.error('OnceFill could not start:', err && err.message ? err.message : err);
    });
})();
