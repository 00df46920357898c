/*
 * OnceFill embed loader. A portal includes it with one tag:
 *   <script src="https://<oncefill-host>/oncefill.js" defer></script>
 * Options as data attributes: data-lang="zh-CN" | "en".
 * It loads the WebAssembly module from beside this file and mounts the 一键填表 widget.
 * It sends nothing anywhere: the only requests are for these static files.
 *
 * Nothing large is fetched before the person turns to OnceFill: the loader shows the launcher
 * itself (the widget's own style sheet and words) and fetches the WebAssembly module, the
 * messages, the tables and the mappings only when the person points at the launcher, gives it
 * the keyboard focus (also through the skip link) or presses it. Pressing it opens the panel as
 * soon as the module is up.
 *
 * On OnceFill's own site, once the widget has started, the loader registers the service worker
 * (sw.js), which keeps this build's files for use without a network. When a newer build has
 * been installed in the background, a bar offers "有新版本，刷新后使用": pressing it lets the new
 * build take over and reloads the page; otherwise the new build starts once every OnceFill page
 * has been closed.
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
  // On OnceFill's app page (app.html, `data-app`) the app is the page: no launcher, no skip link.
  var appPage = script.hasAttribute('data-app');
  var instances = 0;
  var exports = null;
  var module = null;
  // Written by `cargo xtask build`: the build's id, which names the service worker's cache.
  var build = '@ONCEFILL_BUILD@';

  // The Chinese messages travel beside the bundle rather than in it, fetched while it loads.
  var messages = null;
  function fetchMessages() {
    if (!messages) {
      messages = fetch(base + 'i18n/zh-CN.ftl')
        .then(function (r) { return r.ok ? r.text() : undefined; })
        .catch(function () { return undefined; });
    }
    return messages;
  }

  // The page agent (agent.js), which describes and fills the page's forms for the widget here
  // as it does for the OnceFill window on a portal's page: one scanner, one way of filling.
  var agent = null;
  function pageAgent(from) {
    if (!agent) {
      agent = new Promise(function (done, failed) {
        if (window.OnceFill && window.OnceFill.local) return done();
        var tag = document.createElement('script');
        tag.src = from + 'agent.js';
        tag.setAttribute('data-manual', '');
        tag.onload = function () { done(); };
        tag.onerror = function () { agent = null; failed(new Error('agent.js')); };
        document.head.appendChild(tag);
      });
    }
    return agent;
  }

  function start(relock) {
    // A module is evaluated once per URL: a new instance needs a URL of its own. The app
    // page loads its own, smaller build (no scanner, classification or review: it fills no
    // form); the widget over a form loads the full one.
    var name = appPage ? 'pkg/oncefill_app' : 'pkg/oncefill';
    var url = base + name + '.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    return Promise.all([import(url), fetchMessages(), appPage ? null : pageAgent(base)]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: base + name + '_bg.wasm' }).then(function (wasm) {
        exports = wasm;
        module = m;
        if (appPage) {
          m.mount_app({ lang: relock ? relock.lang : lang, base: base, relock: relock, messages: loaded[1] });
          fontUnit(document.querySelector('[data-oncefill-host]'));
        } else {
          // The stand-in launcher makes way: the widget mounts beside it and the stand-in goes
          // once the widget's own launcher is shown (no moment without a launcher).
          var standIn = document.querySelector('[data-oncefill-waiting]');
          if (standIn) standIn.removeAttribute('data-oncefill-host');
          m.mount({ lang: relock ? relock.lang : lang, base: base, relock: relock, messages: loaded[1] });
          fontUnit(document.querySelector('[data-oncefill-host]'));
          if (standIn) takeOver(standIn);
        }
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
  function fontUnit(host) {
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

  // The launcher before the module is loaded: the same button, in the same place, with the
  // widget's own style sheet. Its words are those of `launcher` and `launcher-hint` in
  // i18n/*.ftl (a test keeps them the same).
  var words = {
    'zh-CN': ['一键填表', '用您的资料填写本页表单'],
    en: ['Fill form', "Fill this page's form with your details"],
  };
  // Said on the stand-in when the module cannot be fetched (no network and no offline copy).
  var failed = {
    'zh-CN': '一次填未能加载，请检查网络后再点一次',
    en: 'OnceFill could not load: check the network and press again',
  };
  var started = null; // the first start, once the person has turned to OnceFill
  var opening = false; // the stand-in was pressed: open the panel once the widget is up
  function load() {
    if (!started) {
      started = start(undefined).then(registerWorker).catch(function (err) {
        fail(err);
        // Another press tries again.
        started = null;
        messages = null;
        opening = false;
        var button = launcher();
        if (button && button.hasAttribute('data-oncefill-stand-in')) {
          button.removeAttribute('aria-busy');
          button.lastChild.textContent = failed[pageLang()];
        }
      });
    }
    return started;
  }
  function pageLang() {
    var tag = (lang || document.documentElement.getAttribute('lang') || '').toLowerCase();
    return tag.indexOf('en') === 0 ? 'en' : 'zh-CN';
  }
  function standIn() {
    if (started || document.querySelector('[data-oncefill-host]')) return;
    var host = document.createElement('div');
    host.setAttribute('data-oncefill-host', '');
    host.setAttribute('data-oncefill-waiting', '');
    var shadow = host.attachShadow({ mode: 'open' });
    var sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = base + 'oncefill.css';
    var root = document.createElement('div');
    var tag = pageLang();
    root.className = elderStored() ? 'of-root of-elder' : 'of-root';
    root.lang = tag;
    root.hidden = true; // shown once styled, never unstyled
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'of-launcher';
    button.setAttribute('data-of', 'launcher');
    button.setAttribute('data-oncefill-stand-in', '');
    button.setAttribute('aria-expanded', 'false');
    button.title = words[tag][1];
    var icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.className = 'of-launcher-icon';
    icon.textContent = '\u270e';
    button.appendChild(icon);
    var label = document.createElement('span');
    label.className = 'of-launcher-text';
    label.textContent = words[tag][0];
    button.appendChild(label);
    button.addEventListener('pointerenter', load);
    button.addEventListener('focus', load);
    button.addEventListener('click', function () {
      opening = true;
      button.setAttribute('aria-busy', 'true');
      load();
    });
    function show() {
      root.hidden = false;
      keepRoom();
    }
    sheet.addEventListener('load', show);
    sheet.addEventListener('error', show);
    root.appendChild(button);
    shadow.appendChild(sheet);
    shadow.appendChild(root);
    document.body.appendChild(host);
    fontUnit(host);
  }

  // Once the widget's launcher is shown, the stand-in goes; the keyboard focus moves over, and
  // a press on the stand-in opens the panel.
  function takeOver(old) {
    waitFor(function (button) {
      var focused = document.activeElement === old;
      old.remove();
      if (opening) {
        opening = false;
        button.click();
      } else if (focused) {
        button.focus();
      }
    });
  }

  // The service worker, on OnceFill's own site only (a portal's page may not register one of
  // another origin's), once the widget has started: it then keeps this build's files for use
  // without a network.
  function registerWorker() {
    if (!('serviceWorker' in navigator) || new URL(base).origin !== location.origin) return;
    navigator.serviceWorker
      .register(base + 'sw.js?build=' + encodeURIComponent(build), { scope: base })
      .then(watchUpdates)
      .catch(function (err) {
        console.warn('OnceFill works without its offline copy:', err && err.message ? err.message : err);
      });
  }

  function watchUpdates(registration) {
    // A newer build waiting while an older one runs this page: offer it.
    function offer(worker) {
      if (worker && navigator.serviceWorker.controller) updateBar(worker);
    }
    offer(registration.waiting);
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed') offer(worker);
      });
    });
  }

  var barStyle = 'position:fixed;left:0;right:0;top:0;z-index:2147483003;display:flex;' +
    'flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:center;padding:10px 16px;' +
    'background:#0b4a94;color:#fff;font-size:18px;line-height:1.4';
  var barButton = 'min-height:44px;padding:6px 18px;border:2px solid #fff;border-radius:6px;' +
    'background:#fff;color:#0b4a94;font-size:18px;font-weight:bold;cursor:pointer';
  function updateBar(worker) {
    if (document.querySelector('[data-oncefill-update]')) return;
    var bar = document.createElement('div');
    bar.setAttribute('data-oncefill-update', '');
    bar.setAttribute('role', 'status');
    bar.style.cssText = barStyle;
    var text = document.createElement('span');
    text.innerHTML = '一次填有新版本 <span lang="en">A new version of OnceFill is ready</span>';
    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-oncefill-take', '');
    button.innerHTML = '刷新后使用 <span lang="en">Reload to use it</span>';
    button.style.cssText = barButton;
    button.addEventListener('click', function () {
      button.disabled = true;
      navigator.serviceWorker.addEventListener('controllerchange', function () {
        location.reload();
      });
      worker.postMessage({ oncefill: 'take-over' });
    });
    // Not now: the bar goes, and the new build starts once every OnceFill page is closed.
    var later = document.createElement('button');
    later.type = 'button';
    later.setAttribute('data-oncefill-later', '');
    later.innerHTML = '以后再说 <span lang="en">Later</span>';
    later.style.cssText = barButton.replace('background:#fff;color:#0b4a94', 'background:transparent;color:#fff');
    later.addEventListener('click', function () { bar.remove(); });
    bar.appendChild(text);
    bar.appendChild(button);
    bar.appendChild(later);
    document.body.appendChild(bar);
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
      // The focus goes to the launcher as soon as it is shown (the focus also starts loading
      // the module, while the person reads the button).
      waitFor(function (b) { b.focus(); });
    });
    document.body.insertBefore(link, document.body.firstChild);
  }

  // Calls back with the launcher once it is shown (the widget waits for its style sheet). A
  // slow PC may take many seconds: it looks for a minute, by the clock rather than by frames,
  // and on a timer too, since a page out of sight draws no frames.
  function waitFor(callback) {
    var until = Date.now() + 60000;
    (function look() {
      var button = launcher();
      if (button && button.offsetHeight > 0) return callback(button);
      if (Date.now() > until) return;
      if (document.hidden) setTimeout(look, 100);
      else requestAnimationFrame(look);
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
    if (appPage) return;
    var button = launcher();
    if (button) makeRoom(button);
  });
  if (!appPage) document.addEventListener('oncefill:ready', keepRoom);

  // 长辈版 (large text): the person's choice, kept under one key that holds only the choice
  // (the widget reads and writes the same key). The page's <html> is marked before the widget
  // starts, so that a page that offers large text (OnceFill's home page) shows it at once; a
  // switch of the page's own (`data-oncefill-elder`) turns it on or off, and so does the
  // widget's: both say so with an `oncefill:elder` event.
  var ELDER = 'oncefill-elder';
  function elderStored() {
    try { return localStorage.getItem(ELDER) === '1'; } catch (e) { return false; }
  }
  function showElder(on) {
    document.documentElement.classList.toggle('of-elder', on);
    var waiting = document.querySelector('[data-oncefill-waiting]');
    var root = waiting && waiting.shadowRoot && waiting.shadowRoot.querySelector('.of-root');
    if (root) root.classList.toggle('of-elder', on);
    var switches = document.querySelectorAll('[data-oncefill-elder]');
    for (var i = 0; i < switches.length; i++) switches[i].setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  function elderSwitches() {
    showElder(elderStored());
    document.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('[data-oncefill-elder]');
      if (!button) return;
      var on = button.getAttribute('aria-pressed') !== 'true';
      try {
        if (on) localStorage.setItem(ELDER, '1');
        else localStorage.removeItem(ELDER);
      } catch (e) { /* storage refused: this page only */ }
      document.dispatchEvent(new CustomEvent('oncefill:elder', { detail: { on: on } }));
    });
  }
  document.addEventListener('oncefill:elder', function (event) { showElder(!!(event.detail && event.detail.on)); });
  // A choice made in another tab of the site.
  window.addEventListener('storage', function (event) {
    if (event.key === ELDER || event.key === null) showElder(elderStored());
  });
  document.documentElement.classList.toggle('of-elder', elderStored());


  function ready() {
    elderSwitches();
    // On the app page the app is the page: it starts at once.
    if (appPage) {
      load();
      return;
    }
    skipLink();
    standIn();
  }
  if (document.body) ready();
  else document.addEventListener('DOMContentLoaded', ready);

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

})();
