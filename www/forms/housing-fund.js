/*
 * 住房公积金个人开户 — every control is a React-style controlled component.
 *
 * As in pension.js: each text input carries a value tracker (an own `value` accessor that
 * records JS assignments). A delegated root listener on `input`/`change` only accepts an edit
 * when the DOM value differs from the tracker's; an accepted edit goes into `state`, and every
 * render writes state back into the DOM. A plain `el.value = x` followed by an `input` event
 * is swallowed, and the next render (on blur, or on any other accepted edit) reverts it.
 * Selects are handled on `change` without a tracker, like React's ChangeEventPlugin.
 * The state is exposed as window.__housingFundForm.state for the tests.
 */
(function () {
  'use strict';
  var state = {};
  window.__housingFundForm = { state: state };
  var inputDesc = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  var selectDesc = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value');

  function track(node) {
    var current = '' + inputDesc.get.call(node);
    Object.defineProperty(node, 'value', {
      configurable: true,
      get: function () { return inputDesc.get.call(this); },
      set: function (v) { current = '' + v; inputDesc.set.call(this, v); }
    });
    node._valueTracker = { getValue: function () { return current; }, setValue: function (v) { current = '' + v; } };
  }
  function changed(node) {
    var t = node._valueTracker;
    if (!t) return true;
    var next = inputDesc.get.call(node);
    if (next === t.getValue()) return false;
    t.setValue(next);
    return true;
  }

  function start() {
    var form = document.getElementById('hf-form');
    var nodes = Array.prototype.slice.call(form.querySelectorAll('[data-field]'));
    var hint = document.getElementById('hf-state');
    nodes.forEach(function (n) {
      state[n.dataset.field] = n.tagName === 'SELECT' ? selectDesc.get.call(n) : '';
      if (n.tagName === 'INPUT') track(n);
    });
    function render() {
      nodes.forEach(function (n) {
        if (n.tagName === 'INPUT') n.value = state[n.dataset.field];
        else selectDesc.set.call(n, state[n.dataset.field]);
      });
      var filled = Object.keys(state).filter(function (k) { return state[k] !== ''; }).length;
      hint.textContent = '表单状态：已填写 ' + filled + ' 项';
    }
    function onEvent(e) {
      var n = e.target;
      if (!n || !n.dataset || !n.dataset.field || !form.contains(n)) return;
      if (n.tagName === 'SELECT') {
        if (e.type !== 'change') return;
        state[n.dataset.field] = selectDesc.get.call(n);
      } else {
        if (!changed(n)) return;
        var v = inputDesc.get.call(n);
        if (n.dataset.field === 'sjhm' || n.dataset.field === 'csny') v = v.replace(/\D+/g, '');
        state[n.dataset.field] = v;
      }
      render();
    }
    document.addEventListener('input', onEvent, false);
    document.addEventListener('change', onEvent, false);
    form.addEventListener('focusout', render, false);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    render();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
