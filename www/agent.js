// OnceFill page agent: the only OnceFill code that runs in a portal's page. It describes the
// page's forms without their content, opens the OnceFill window (OnceFill's own origin, where
// the profile lives), receives only the values the person approved there, and fills them the
// way typing would. The messages are described in README.md (门户接入 / Embedding in a portal).
(function () {
  'use strict';
  if (window.OnceFill && window.OnceFill.version) return;

  // The concealment measurement: `cargo xtask build` puts src/dom/visibility.js here.
  /* @visibility */

  var SCRIPT = document.currentScript;
  var ORIGIN = new URL(SCRIPT && SCRIPT.src ? SCRIPT.src : location.href).origin;
  var CAP = { nodes: 100000, controls: 2000, depth: 512, text: 4 * 1024 * 1024, attr: 1000, str: 2000 };
  var TIMEOUT = { ready: 20000, plan: 15 * 60000, result: 60000, level: 5000 };
  var HIDDEN = [null, 'opacity', 'tiny', 'offscreen', 'clipped', 'same-colour', 'covered', 'frame'];
  var KEEP_VALUE = /^(radio|checkbox|submit|button|reset|image)$/;
  var TEXT = {
    'zh-CN': {
      label: '一键填表',
      aria: '一键填表：用一次填的资料填写本页表单',
      blocked: '浏览器拦截了一次填的窗口。请允许本网站弹出窗口，或再点一次“一键填表”。 The browser blocked the OnceFill window: allow pop-ups for this site, or click again.',
      timeout: '一次填的窗口没有回应，请再点一次“一键填表”。',
      done: '已填写 %n 项，请核对后提交。',
      dismiss: '关闭提示'
    },
    en: {
      label: 'Fill with OnceFill',
      aria: 'Fill this form with OnceFill',
      blocked: 'The browser blocked the OnceFill window. Allow pop-ups for this site, or click the button again.',
      timeout: 'The OnceFill window did not answer. Please click the button again.',
      done: '%n fields filled. Please check them before you submit.',
      dismiss: 'Dismiss this note'
    }
  };

  var handles = new Map(); // handle → element
  var handleOf = new WeakMap(); // element → handle
  var ours = new WeakSet(); // our buttons' hosts, never described
  var counter = { f: 0, m: 0 };
  var stats = { accepted: 0, ignored: 0, source: 0, origin: 0, malformed: 0, nonce: 0, handle: 0, changed: 0 };
  var session = null; // the one outstanding exchange
  var opened = null; // the OnceFill window this page opened, reused while it is open

  function handle(el, kind) {
    var h = handleOf.get(el);
    if (!h) {
      h = kind + (++counter[kind]).toString(36);
      handleOf.set(el, h);
      handles.set(h, el);
    }
    return h;
  }

  function cut(s, n) {
    return s.length > n ? s.slice(0, n) : s;
  }

  function isControl(t) {
    return t === 'input' || t === 'select' || t === 'textarea';
  }

  function attrs(el, t) {
    var out = [];
    var type = t === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '';
    for (var i = 0; i < el.attributes.length; i++) {
      var a = el.attributes[i];
      var name = a.name.toLowerCase();
      var v = a.value;
      if (name === 'style' || name === 'srcdoc' || name.slice(0, 2) === 'on') continue;
      if (name === 'value' && t === 'input' && !KEEP_VALUE.test(type)) continue;
      if (name === 'src' || name === 'href' || name === 'action' || name === 'formaction') v = v.split(/[?#]/)[0];
      out.push([name, cut(v, CAP.attr)]);
    }
    return out;
  }

  function rendered(el) {
    if (!el.getClientRects().length) return false;
    var v = el.ownerDocument.defaultView.getComputedStyle(el).visibility;
    return v !== 'hidden' && v !== 'collapse';
  }

  function hasValue(el, t) {
    if (t === 'input') {
      if (el.type === 'radio' || el.type === 'checkbox') return el.checked;
      return el.value.trim() !== '';
    }
    if (t === 'textarea') return el.value.trim() !== '';
    if (t === 'select') {
      var initial = 0;
      for (var i = 0; i < el.options.length; i++) {
        if (el.options[i].defaultSelected) {
          initial = i;
          break;
        }
      }
      return el.selectedIndex >= 0 && el.selectedIndex !== initial && el.value !== '';
    }
    return false;
  }

  function options(el) {
    var out = [];
    for (var i = 0; i < el.options.length; i++) out.push([el.options[i].value, el.options[i].text]);
    return out;
  }

  /** The text a person reads as the control's label: its <label>s and aria-labelledby. */
  function labelText(el) {
    var parts = [];
    var labels = el.labels || [];
    for (var i = 0; i < labels.length; i++) parts.push(labels[i].textContent);
    var ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/);
    var root = el.getRootNode();
    for (var j = 0; j < ids.length; j++) {
      var l = ids[j] && root.getElementById ? root.getElementById(ids[j]) : null;
      if (l) parts.push(l.textContent);
    }
    // The text around it, where pages put a label without markup (a table row, the parent).
    var around = el.closest('tr') || el.parentElement;
    if (around && el.localName !== 'textarea') parts.push(around.textContent);
    return cut(parts.join('\n'), CAP.str);
  }

  /** What must not change between the description and the fill. */
  function record(node, el) {
    return JSON.stringify([node.t, node.a, node.d || 0, node.o || 0, labelText(el)]);
  }

  /**
   * Describes the document: every element in order, shadow roots and same-origin frames in
   * place, no control's content. Returns the description and, per control handle, its element,
   * record and whether it held content.
   */
  function describe(doc) {
    var nodes = [];
    var controls = new Map();
    var text = 0;
    var truncated = null;
    function stop(why) {
      truncated = truncated || why;
    }
    function walk(el, parent, depth) {
      // Our own buttons, and on OnceFill's own pages its widget and the staff desk's controls.
      if (ours.has(el) || el.hasAttribute('data-oncefill-host') || el.hasAttribute('data-oncefill-skip')) return -1;
      if (nodes.length >= CAP.nodes) return stop('nodes'), -1;
      if (depth >= CAP.depth) return stop('depth'), -1; // the root is at depth 0
      var t = el.localName;
      var control = isControl(t);
      if (control && controls.size >= CAP.controls) return stop('fields'), -1;
      var node = { t: t };
      var index = nodes.push(node) - 1;
      if (parent >= 0) node.p = parent;
      node.a = attrs(el, t);
      var shown = rendered(el);
      if (shown) node.r = 1;
      if (control) {
        if (shown) {
          var h = concealment(el, true);
          if (h) node.h = HIDDEN[h];
        }
        node.k = handle(el, 'f');
        if (el.form) node.fm = handle(el.form, 'm');
        var held = hasValue(el, t);
        if (held) node.hv = 1;
        if (el.matches(':disabled')) node.d = 1;
        if (t === 'select') node.o = options(el);
      }
      var c = [];
      node.c = c;
      var kids = [];
      // A textarea's text is its initial content, and a script's may carry the page's own data
      // (the signed-in person's): neither is described.
      if (t !== 'textarea' && t !== 'script') kids = Array.prototype.slice.call(el.childNodes);
      if (el.shadowRoot) kids = kids.concat(Array.prototype.slice.call(el.shadowRoot.childNodes));
      if (t === 'iframe' || t === 'frame') {
        var inner = null;
        try {
          inner = el.contentDocument && el.contentDocument.documentElement;
        } catch (e) {
          inner = null; // another origin: out of reach
        }
        if (inner) kids.push(inner);
      }
      for (var i = 0; i < kids.length; i++) {
        var n = kids[i];
        if (n.nodeType === 1) {
          var k = walk(n, index, depth + 1);
          if (k >= 0) c.push(k);
        } else if (n.nodeType === 3 || n.nodeType === 4) {
          var s = cut(n.data, CAP.str);
          if (text + s.length > CAP.text) {
            stop('text');
            continue;
          }
          text += s.length;
          c.push(s);
        }
      }
      if (control) controls.set(node.k, { el: el, record: record(node, el), hv: !!node.hv });
      return index;
    }
    walk(doc.documentElement, -1, 0);
    return { description: { v: 1, nodes: nodes, truncated: truncated }, controls: controls };
  }

  function nonce() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var s = '';
    for (var i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function heading(form) {
    var scope = form || document;
    var h = scope.querySelector('h1, h2, h3, legend, caption');
    if (!h && form) {
      // The last heading before the form.
      var all = document.querySelectorAll('h1, h2, h3');
      for (var i = 0; i < all.length; i++) {
        if (all[i].compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) h = all[i];
      }
    }
    var s = (h && h.textContent) || (form && form.getAttribute('aria-label')) || document.title || '';
    return cut(s.replace(/\s+/g, ' ').trim(), 200);
  }

  // ---- filling: focus, the native value setter, bubbling input and change, blur ----

  function nativeValue(el) {
    var win = el.ownerDocument.defaultView || window;
    var ctor = el.localName === 'textarea' ? win.HTMLTextAreaElement : win.HTMLInputElement;
    return Object.getOwnPropertyDescriptor(ctor.prototype, 'value');
  }

  function fire(el, kind) {
    var win = el.ownerDocument.defaultView || window;
    el.dispatchEvent(new win.Event(kind, { bubbles: true, composed: true }));
  }

  function fillable(el) {
    return rendered(el) && !el.matches(':disabled') && !el.hasAttribute('readonly');
  }

  function fillText(el, value, overwrite) {
    if (el.localName === 'select') return 'not-fillable';
    var d = nativeValue(el);
    if (d.get.call(el) === value) return 'unchanged';
    if (hasValue(el, el.localName) && !overwrite) return 'nonempty';
    el.focus();
    d.set.call(el, value);
    fire(el, 'input');
    fire(el, 'change');
    el.blur();
    return d.get.call(el) === value ? 'filled' : 'rejected';
  }

  function optionIndex(el, value, label) {
    var byValue = -1;
    for (var i = 0; i < el.options.length; i++) {
      var o = el.options[i];
      if (o.value === value && (label == null || o.text.trim() === String(label).trim())) return i;
      if (o.value === value && byValue < 0) byValue = i;
    }
    return byValue;
  }

  function fillSelect(el, index, overwrite) {
    if (el.selectedIndex === index) return 'unchanged';
    if (hasValue(el, 'select') && !overwrite) return 'nonempty';
    el.focus();
    el.selectedIndex = index;
    fire(el, 'input');
    fire(el, 'change');
    el.blur();
    return el.selectedIndex === index ? 'filled' : 'rejected';
  }

  function groupChecked(radio) {
    if (!radio.name) return false;
    var scope = radio.form || radio.getRootNode();
    var all = scope.querySelectorAll('input[type=radio]');
    for (var i = 0; i < all.length; i++) {
      var r = all[i];
      if (r.name === radio.name && r.checked && !!r.form === !!radio.form) return true;
    }
    return false;
  }

  function click(el) {
    el.focus();
    el.click();
    el.blur();
  }

  function fillRadio(el, overwrite) {
    if (el.checked) return 'unchanged';
    if (!overwrite && groupChecked(el)) return 'nonempty';
    click(el);
    return el.checked ? 'filled' : 'rejected';
  }

  function fillCheck(el, on) {
    if (el.checked === !!on) return 'unchanged';
    click(el);
    return el.checked === !!on ? 'filled' : 'rejected';
  }

  function wait(ms) {
    return new Promise(function (done) {
      setTimeout(done, ms);
    });
  }

  /** Resolves once one of `selects` has an option with a value, or the time for a level is up. */
  async function levelCome(selects) {
    var until = Date.now() + TIMEOUT.level;
    function some() {
      return selects.some(function (el) {
        for (var i = 0; i < el.options.length; i++) if (el.options[i].value.trim() !== '') return true;
        return false;
      });
    }
    while (!some() && Date.now() < until) await wait(100);
  }

  /** Carries out `fills` (already checked against the description); resolves to outcomes. */
  async function fill(fills, sent, doc) {
    var now = describe(doc || document).controls;
    var outcomes = [];
    var cascaded = false;
    var deadline = Date.now() + TIMEOUT.result - 5000;
    // Every control is checked before the first write: measuring the layout between writes
    // would make the browser lay the page out again for each field.
    var checked = fills.map(function (f) {
      var target = f.do === 'radio' ? f.choice : f.k;
      var was = sent.get(target);
      var is = now.get(target);
      var fieldWas = sent.get(f.k);
      var fieldIs = now.get(f.k);
      if (!is || !is.el.isConnected) return 'missing';
      if (is.record !== was.record || !fieldIs || fieldIs.record !== fieldWas.record) return 'changed';
      if (f.do === 'radio' && (is.el.type !== 'radio')) return 'changed';
      if (concealment(is.el, false)) return 'hidden';
      return is.el;
    });
    for (var i = 0; i < fills.length; i++) {
      var f = fills[i];
      var el = checked[i];
      var outcome = typeof el === 'string' ? el : null;
      if (!outcome && !fillable(el)) outcome = 'not-fillable';
      if (!outcome) {
        var overwrite = sent.get(f.k).hv;
        var t = el.localName;
        if (f.do === 'text') {
          outcome = t === 'select' || el.type === 'radio' || el.type === 'checkbox' ? 'not-fillable' : fillText(el, String(f.text), overwrite);
        } else if (f.do === 'select') {
          if (t !== 'select') {
            outcome = 'not-fillable';
          } else {
            var index = optionIndex(el, String(f.value), f.label);
            while (index < 0 && cascaded && Date.now() < deadline) {
              // A choice made earlier in this plan may be filling this list (province → city).
              var started = started || Date.now();
              if (Date.now() - started > 3000) break;
              await wait(100);
              index = optionIndex(el, String(f.value), f.label);
            }
            started = 0;
            outcome = index < 0 ? 'missing' : fillSelect(el, index, overwrite);
            if (outcome === 'filled') cascaded = true;
          }
        } else if (f.do === 'radio') {
          outcome = fillRadio(el, overwrite);
        } else {
          outcome = el.type === 'checkbox' ? fillCheck(el, f.on) : 'not-fillable';
        }
      }
      outcomes.push({ k: f.k, outcome: outcome });
    }
    return outcomes;
  }

  // ---- the exchange with the OnceFill window ----

  function plainObject(d) {
    return d !== null && typeof d === 'object' && d.oncefill === 1 && typeof d.type === 'string';
  }

  function validFill(f, controls) {
    if (!f || typeof f.k !== 'string' || !controls.has(f.k)) return false;
    if (f.do === 'text') return typeof f.text === 'string';
    if (f.do === 'select') return typeof f.value === 'string';
    if (f.do === 'radio') return typeof f.choice === 'string' && controls.has(f.choice);
    if (f.do === 'check') return typeof f.on === 'boolean';
    return false;
  }

  function end(message) {
    var s = session;
    if (!s) return;
    clearTimeout(s.timer);
    session = null;
    if (message) s.ui.say(message);
  }

  function arm(ms) {
    clearTimeout(session.timer);
    var s = session;
    s.timer = setTimeout(function () {
      if (session !== s) return;
      // A window that never said `ready` (gone elsewhere, or cut off) is not asked again:
      // the next click opens the OnceFill window afresh.
      if (!s.nonce && opened === s.popup) opened = null;
      end(s.ui.text.timeout);
    }, ms);
  }

  window.addEventListener('message', function (event) {
    var s = session;
    if (!s || event.source !== s.popup) {
      if (plainObject(event.data) && event.data.type !== 'request' && event.data.type !== 'result') {
        stats.source++;
      }
      return count();
    }
    if (event.origin !== ORIGIN) return (stats.origin++, count());
    var d = event.data;
    if (!plainObject(d)) return (stats.malformed++, count());
    if (d.type === 'ready') {
      if (s.nonce) return count(); // one request per exchange
      var walked = describe(document);
      s.nonce = nonce();
      s.controls = walked.controls;
      arm(TIMEOUT.plan);
      s.popup.postMessage({
        oncefill: 1,
        type: 'request',
        nonce: s.nonce,
        lang: s.ui.lang,
        page: { title: cut(document.title, 200), url: location.origin + location.pathname, form: heading(s.ui.form) },
        description: walked.description
      }, ORIGIN);
      stats.accepted++;
      return;
    }
    // One plan at a time, and after the first only when the last result asked for more.
    if (d.nonce !== s.nonce || !s.nonce || s.filling || (s.planned && !s.more)) return (stats.nonce++, count());
    if (d.type === 'cancel' || d.type === 'refused') {
      stats.accepted++;
      return end('');
    }
    if (d.type !== 'plan') return (stats.malformed++, count());
    if (!Array.isArray(d.fills)) return (stats.malformed++, count());
    for (var i = 0; i < d.fills.length; i++) {
      if (!validFill(d.fills[i], s.controls)) return (stats.handle++, count());
    }
    var waits = d.wait === undefined ? [] : d.wait;
    var ok = Array.isArray(waits) && waits.every(function (k) {
      var c = typeof k === 'string' && s.controls.get(k);
      return c && c.el.localName === 'select';
    });
    if (!ok) return (stats.handle++, count());
    stats.accepted++;
    s.filling = true;
    s.planned = true;
    s.more = false;
    arm(TIMEOUT.result);
    var fills = d.fills.map(function (f) {
      return { k: f.k, do: f.do, text: f.text, value: f.value, label: f.label, choice: f.choice, on: f.on };
    });
    var sent = s.controls;
    fill(fills, sent).then(async function (outcomes) {
      if (session !== s) return;
      outcomes.forEach(function (o) {
        if (o.outcome === 'changed') stats.changed++;
        if (o.outcome === 'filled') {
          s.filled++;
          if (!s.first) s.first = sent.get(o.k).el;
        }
      });
      var message = { oncefill: 1, type: 'result', nonce: s.nonce, outcomes: outcomes };
      if (waits.length) {
        // A cascade: once the page has added the next level's options (or the time for one
        // level is up), the window gets the page described again and sends the next choices.
        await levelCome(waits.map(function (k) { return sent.get(k).el; }));
        if (session !== s) return;
        var walked = describe(document);
        s.controls = walked.controls;
        message.description = walked.description;
        s.filling = false;
        s.more = true;
        arm(TIMEOUT.result);
        return s.popup.postMessage(message, ORIGIN);
      }
      s.popup.postMessage(message, ORIGIN);
      var first = s.first;
      end(s.ui.text.done.replace('%n', s.filled));
      if (first) {
        // Into the middle of the view, away from a button floating at its bottom.
        first.focus({ preventScroll: true });
        if (first.scrollIntoView) first.scrollIntoView({ block: 'center' });
      }
    });
  });

  function count() {
    stats.ignored++;
  }

  // ---- the button ----

  function start(ui) {
    // A new exchange: whatever the window answers for the one before is ignored.
    if (session) end('');
    ui.say('');
    var popup = opened && !opened.closed ? opened : null;
    var reused = !!popup;
    if (reused) {
      // The window is still open (unlocked, it goes straight to the review): it is brought
      // forward (browsers let a window's opener focus it) and asked whether it is there; its
      // `ready` starts the new request.
      popup.focus();
    } else {
      popup = opened = window.open(ORIGIN + '/window.html', 'oncefill');
      if (!popup) return ui.say(ui.text.blocked);
    }
    session = { popup: popup, ui: ui, nonce: '', controls: null, filling: false, planned: false, more: false, filled: 0, first: null, timer: 0 };
    arm(TIMEOUT.ready);
    if (reused) popup.postMessage({ oncefill: 1, type: 'hello' }, ORIGIN);
  }

  /** Puts a 一键填表 button before `form` (or floating over the page when `form` is null). */
  function attach(form, opts) {
    opts = opts || {};
    var lang = opts.lang === 'en' ? 'en' : 'zh-CN';
    var text = TEXT[lang];
    var host = document.createElement('span');
    ours.add(host);
    var root = host.attachShadow({ mode: 'open' });
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = ORIGIN + '/agent.css';
    var box = document.createElement('div');
    box.className = form ? 'box' : 'box float';
    box.lang = lang;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = text.label;
    button.setAttribute('aria-label', text.aria);
    var note = document.createElement('p');
    note.setAttribute('role', 'status');
    var said = document.createElement('span');
    note.appendChild(said);
    box.appendChild(button);
    box.appendChild(note);
    root.appendChild(link);
    root.appendChild(box);
    if (!form) {
      // Floating over the page, the note can cover the portal's fields: it can be put away
      // (it is never taken away on a timer), and the page gets room at its end for the box,
      // so that the last fields can be scrolled out from under it.
      var dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'dismiss';
      dismiss.textContent = '\u00d7';
      dismiss.setAttribute('aria-label', text.dismiss);
      dismiss.addEventListener('click', function () {
        said.textContent = '';
        note.hidden = true;
        button.focus();
      });
      note.appendChild(dismiss);
      host.style.display = 'block';
      var room = function () {
        host.style.height = box.offsetHeight + 32 + 'px';
      };
      if (window.ResizeObserver) new ResizeObserver(room).observe(box);
    }
    note.hidden = true;
    var ui = {
      form: form,
      lang: lang,
      text: text,
      say: function (s) {
        said.textContent = s;
        note.hidden = !s;
      }
    };
    button.addEventListener('click', function () {
      start(ui);
    });
    if (form) form.parentNode.insertBefore(host, form);
    else document.body.appendChild(host);
    return button;
  }

  function auto() {
    var lang = (SCRIPT && SCRIPT.getAttribute('data-lang')) || document.documentElement.lang;
    var marked = document.querySelectorAll('form[data-oncefill]');
    var opts = { lang: /^en/i.test(lang) ? 'en' : 'zh-CN' };
    if (!marked.length) return attach(null, opts);
    for (var i = 0; i < marked.length; i++) {
      var own = marked[i].getAttribute('data-oncefill');
      attach(marked[i], own ? { lang: /^en/i.test(own) ? 'en' : 'zh-CN' } : opts);
    }
  }

  // ---- OnceFill's own pages ----
  // A page of OnceFill's own origin (its sample forms, the staff desk) reviews in the page
  // itself, where the profile already is: it describes the page and fills it through these
  // two, the same code a portal's page runs. A fill is checked against the last description.
  var local;
  if (location.origin === ORIGIN) {
    var last = null;
    local = Object.freeze({
      describe: function (doc) {
        var walked = describe(doc || document);
        last = { controls: walked.controls, doc: doc || document };
        return JSON.stringify(walked.description);
      },
      fill: function (json) {
        var fills = JSON.parse(json);
        var sent = last;
        var ok = sent && Array.isArray(fills) && fills.every(function (f) {
          return validFill(f, sent.controls);
        });
        if (!ok) return Promise.reject(new Error('fills'));
        return fill(fills, sent.controls, sent.doc).then(JSON.stringify);
      }
    });
  }

  window.OnceFill = Object.freeze({
    version: 1,
    local: local,
    attach: function (form, opts) {
      attach(form, opts);
    },
    stats: function () {
      return JSON.parse(JSON.stringify(stats));
    }
  });

  if (!SCRIPT || !SCRIPT.hasAttribute('data-manual')) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', auto);
    else auto();
  }
})();
