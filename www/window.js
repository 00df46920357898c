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

  // A load that failed (a dropped connection, a server restarting) is tried twice more, each
  // under its own address (a module that failed to load stays failed under its own), then
  // the person is told in plain words and given a button to try again.
  var ATTEMPTS = 3;
  var RETRY_MS = 700;

  function start(relock, attempt) {
    attempt = attempt || 1;
    var query = [];
    if (instances) query.push('instance=' + instances);
    if (attempt > 1) query.push('retry=' + attempt);
    var url = base + 'pkg/oncefill.js' + (query.length ? '?' + query.join('&') : '');
    var wasmUrl = base + 'pkg/oncefill_bg.wasm' + (attempt > 1 ? '?retry=' + attempt : '');
    instances += 1;
    return Promise.all([import(url), texts]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: wasmUrl }).then(function (wasm) {
        exports = wasm;
        var t = loaded[1];
        m.mount_window({ lang: relock ? relock.lang : undefined, base: base, relock: relock, messages: t[0], messagesEn: t[1], portals: t[2] });
        module = m;
        hideProblem();
        var queued = relock ? requests.map(function (r) { return [r.data, r.origin]; }) : inbox;
        inbox = [];
        queued.forEach(function (q) { m.window_message(q[0], q[1]); });
        window.OnceFillWindow = { stats: function () { return JSON.parse(m.window_stats()); } };
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    }).catch(function (err) {
      if (attempt >= ATTEMPTS) throw err;
      return new Promise(function (ok) { setTimeout(ok, RETRY_MS * attempt); }).then(function () {
        return start(relock, attempt + 1);
      });
    });
  }

  // The plain screen of a window whose module would not load: what happened and what to do,
  // in both languages (the messages may not have loaded either), with a button to try again.
  function showProblem(relock) {
    var box = document.querySelector('[data-of="load-failed"]');
    if (!box) {
      box = document.createElement('main');
      box.className = 'load-failed';
      box.setAttribute('data-of', 'load-failed');
      var h = document.createElement('h1');
      h.textContent = '一次填没能打开';
      var zh = document.createElement('p');
      zh.textContent = '可能是网络断了一下。请检查网络连接，然后按“重试”。如果仍然不行，请关闭此窗口，回到网页再按一次“一键填表”。您的资料没有丢失。';
      var en = document.createElement('p');
      en.lang = 'en';
      en.textContent = 'OnceFill could not start, perhaps because the connection dropped. Check the network and press Retry. If that does not help, close this window and press the form\'s button again. Your data is safe.';
      var again = document.createElement('button');
      again.type = 'button';
      again.setAttribute('data-of', 'load-retry');
      again.textContent = '重试 Retry';
      again.addEventListener('click', function () {
        again.disabled = true;
        start(box.relock, 1).catch(function (err) { fail(err, box.relock); });
      });
      box.append(h, zh, en, again);
      document.body.appendChild(box);
    }
    box.relock = relock;
    var button = box.querySelector('button');
    button.disabled = false;
    box.hidden = false;
    button.focus();
  }

  function fail(err, relock) {
    console.error('OnceFill could not start:', err && err.message ? err.message : err);
    showProblem(relock);
  }

  function hideProblem() {
    var box = document.querySelector('[data-of="load-failed"]');
    if (box) box.remove();
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
        var relock = { open: true, lang: detail.lang, autoLockMinutes: detail.autoLockMinutes || 10 };
        start(relock).catch(function (err) { fail(err, relock); });
      }, 0);
    }, 0);
  });

  start(undefined).catch(function (err) { fail(err, undefined); });
})();
