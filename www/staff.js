/*
 * The staff desk's loader (staff.html, 一窗受理). It loads the staff build of OnceFill
 * (pkg/oncefill_staff.js: the feature `staff`, never part of a citizen's bundle), which keeps
 * the clerk's vault under its own storage name and holds a citizen's data in its memory only.
 *
 * A case (办理) lives in one WebAssembly instance. 结束办理, 新办理 and the idle timeout end
 * it as locking does: the instance is stopped, every byte of its memory is overwritten with
 * zeros, the hall's form in the frame is replaced by a fresh copy, and a new instance starts
 * on the unlock screen (the clerk's key was in the same memory, so the clerk unlocks again).
 * The idle timeout is 5 minutes, or `?idle=<seconds>` for tests; any input resets it.
 */
(function () {
  'use strict';
  var base = new URL('.', document.currentScript.src).href;
  var params = new URLSearchParams(location.search);
  var idleMs = (Number(params.get('idle')) > 0 ? Number(params.get('idle')) : 300) * 1000;
  var instances = 0;
  var urls = [];
  var exports = null;
  var module = null;
  var ending = false;
  var lastInput = Date.now();

  // Marks the desk for the form in its frame (its own widget stays out), and for the tests:
  // the module URLs of every instance started (their memory can be searched).
  window.OnceFillStaff = { instances: function () { return urls.slice(); } };

  var messages = fetch(base + 'i18n/zh-CN.ftl')
    .then(function (r) { return r.ok ? r.text() : undefined; })
    .catch(function () { return undefined; });

  function $(name) { return document.querySelector('[data-staff="' + name + '"]'); }
  function frame() { return document.querySelector('iframe[data-staff-form]'); }

  function start(relock) {
    var url = base + 'pkg/oncefill_staff.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    urls.push(url);
    return Promise.all([import(url), messages]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: base + 'pkg/oncefill_staff_bg.wasm' }).then(function (wasm) {
        exports = wasm;
        module = m;
        m.mount({ base: base, relock: relock, messages: loaded[1] });
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    });
  }

  function fail(err) {
    console.error('OnceFill could not start:', err && err.message ? err.message : err);
  }

  // Stops the instance and overwrites its memory; then a fresh form and a new instance.
  function discard(relock) {
    var old = exports;
    var oldModule = module;
    exports = null;
    module = null;
    if (oldModule && oldModule.unmount) oldModule.unmount();
    // The widget is taken down in a task of its own; only then does its memory go.
    return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
      var host = document.querySelector('[data-oncefill-host]');
      if (host) host.remove();
      if (old && old.memory) new Uint8Array(old.memory.buffer).fill(0);
      freshForm();
      return start(relock);
    });
  }

  // The frame gets a new copy of the form: the old document, with what was filled, is gone.
  function freshForm() {
    var f = frame();
    var src = $('form').value;
    var next = document.createElement('iframe');
    next.setAttribute('data-staff-form', '');
    next.title = f ? f.title : '';
    next.src = src;
    if (f) f.replaceWith(next);
    else document.querySelector('.staff-form').appendChild(next);
    watchFrame(next);
  }

  // Ends the case: once the operations log is saved (waiting at most 3 s).
  function endCase(why) {
    if (ending) return Promise.resolve();
    ending = true;
    var waited = 0;
    return new Promise(function (resolve) {
      (function wait() {
        var busy = module && module.staff_idle && !module.staff_idle();
        if (busy && waited < 3000) {
          waited += 50;
          return setTimeout(wait, 50);
        }
        resolve();
      })();
    }).then(function () {
      return discard(undefined);
    }).then(function () {
      ending = false;
      lastInput = Date.now();
      $('status').textContent = why === 'idle'
        ? '长时间无操作，办理已自动结束，数据已清除。请解锁后开始新办理。'
        : '办理已结束，数据已清除。请解锁后开始新办理。';
      tick();
      document.dispatchEvent(new CustomEvent('oncefill:case-ended', { detail: { why: why } }));
    }, function (err) {
      ending = false;
      fail(err);
    });
  }

  function activity() {
    lastInput = Date.now();
  }
  ['keydown', 'input', 'pointerdown', 'click', 'wheel'].forEach(function (type) {
    document.addEventListener(type, activity, true);
  });
  function watchFrame(f) {
    f.addEventListener('load', function () {
      var doc = f.contentDocument;
      if (!doc) return;
      ['keydown', 'input', 'pointerdown', 'click', 'wheel'].forEach(function (type) {
        doc.addEventListener(type, activity, true);
      });
    });
  }

  function tick() {
    var left = idleMs - (Date.now() - lastInput);
    if (left <= 0 && !ending) {
      endCase('idle');
      return;
    }
    var minutes = Math.max(1, Math.ceil(left / 60000));
    $('countdown').textContent = minutes + ' 分钟后自动结束办理';
  }

  document.addEventListener('DOMContentLoaded', function () {
    // The form is loaded only now, when the desk is marked (OnceFillStaff, above): its own
    // widget sees the mark and stays out.
    watchFrame(frame());
    frame().src = $('form').value;
    $('form').addEventListener('change', function () { frame().src = $('form').value; });
    $('end').addEventListener('click', function () { endCase('end'); });
    $('new').addEventListener('click', function () { endCase('new'); });
    tick();
    setInterval(tick, 1000);
  });

  // The vault locked itself (the clerk's lock or its own auto-lock): the instance goes the same way.
  document.addEventListener('oncefill:locked', function (event) {
    var detail = event.detail || {};
    setTimeout(function () {
      discard({ open: true, lang: detail.lang, autoLockMinutes: detail.autoLockMinutes || 10 }).catch(fail);
    }, 0);
  });


  start(undefined).catch(fail);
})();
