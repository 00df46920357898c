/*
 * The OnceFill window's loader (window.html, OnceFill's own origin). A portal's page agent
 * opens the window; this says `ready` to its opener, loads the WebAssembly module and mounts
 * the window, which answers the portal's requests (see src/ui/window.rs). While the window
 * stays open, the agent reuses it for the person's next 一键填表: it sends `hello`, answered
 * here with `ready` again, then a new request.
 *
 * Only messages from `window.opener` are handed to the module, with their origin; the module
 * reads and checks each one. Locking discards the module's instance as on OnceFill's own
 * pages (oncefill.js): its memory is overwritten with zeros and a new instance starts on the
 * unlock screen, given again the portal's request it was taken up with (a value-free
 * description of its form).
 */
(function () {
  'use strict';
  var base = new URL('.', document.currentScript.src).href;
  var instances = 0;
  var exports = null;
  var module = null;
  var inbox = []; // messages before the module is up
  var requests = []; // the opener's latest requests, for an instance started after locking

  // Fetched while the bundle loads: the messages in both languages (a refusal is said in
  // both) and the allow-list of portals.
  function text(path) {
    return fetch(base + path)
      .then(function (r) { return r.ok ? r.text() : undefined; })
      .catch(function () { return undefined; });
  }
  var texts = Promise.all([text('i18n/zh-CN.ftl'), text('i18n/en.ftl'), text('portals.json')]);

  // The window is ready for the portal's request as soon as this runs: the portal describes
  // its form while the bundle loads, and the request waits here for the module. (`ready`
  // carries nothing; the module reads and checks the request before anything is answered.)
  function ready() {
    window.opener.postMessage({ oncefill: 1, type: 'ready' }, '*');
  }
  if (window.opener) ready();

  window.addEventListener('message', function (event) {
    if (!window.opener || event.source !== window.opener) return;
    var data = event.data;
    var ours = data && typeof data === 'object' && data.oncefill === 1;
    // The agent of the page that opened this window, asking again: the window is here.
    if (ours && data.type === 'hello') return ready();
    if (ours && data.type === 'request') {
      requests.push({ data: data, origin: event.origin });
      if (requests.length > 4) requests.shift();
    }
    if (module) module.window_message(data, event.origin);
    else inbox.push([data, event.origin]);
  });

  function start(relock) {
    var url = base + 'pkg/oncefill.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    return Promise.all([import(url), texts]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: base + 'pkg/oncefill_bg.wasm' }).then(function (wasm) {
        exports = wasm;
        var t = loaded[1];
        m.mount_window({ lang: relock ? relock.lang : undefined, base: base, relock: relock, messages: t[0], messagesEn: t[1], portals: t[2] });
        module = m;
        var queued = relock ? requests.map(function (r) { return [r.data, r.origin]; }) : inbox;
        inbox = [];
        queued.forEach(function (q) { m.window_message(q[0], q[1]); });
        window.OnceFillWindow = { stats: function () { return JSON.parse(m.window_stats()); } };
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    });
  }

  function fail(err) {
    console.error('OnceFill could not start:', err && err.message ? err.message : err);
  }

  document.addEventListener('oncefill:locked', function (event) {
    var detail = event.detail || {};
    var old = exports;
    var oldModule = module;
    // The request the window was taken up with is the one given to the next instance.
    var taken = oldModule && oldModule.window_taken ? oldModule.window_taken() : undefined;
    requests = requests.filter(function (r) { return r.data.nonce === taken; });
    module = null;
    setTimeout(function () {
      if (oldModule && oldModule.unmount) oldModule.unmount();
      setTimeout(function () {
        var host = document.querySelector('[data-oncefill-host]');
        if (host) host.remove();
        if (old && old.memory) new Uint8Array(old.memory.buffer).fill(0);
        start({ open: true, lang: detail.lang, autoLockMinutes: detail.autoLockMinutes || 10 }).catch(fail);
      }, 0);
    }, 0);
  });

  start(undefined).catch(fail);
})();
