/*
 * 企业信息变更 — a Vue 3 v-model form, simulated in plain JS.
 *
 * Like vModelText, text inputs and textareas write into the state on `input` (ignored while
 * an IME composition is open); like vModelSelect and vModelRadio, selects and radios write on
 * `change`. Nothing else reaches the state: a value assigned without those events is not seen.
 * The reactive state is exposed as window.__changeForm.state (paths as in v-model="old.name").
 */
(function () {
  'use strict';
  var state = { ent: {}, old: {}, new: {}, lly: {} };
  window.__changeForm = { state: state };
  function set(path, value) {
    var parts = path.split('.');
    state[parts[0]][parts[1]] = value;
  }
  function start() {
    var form = document.getElementById('bg-form');
    var hint = document.getElementById('bg-state');
    var composing = false;
    Array.prototype.forEach.call(form.querySelectorAll('[v-model]'), function (el) {
      var path = el.getAttribute('v-model');
      if (el.type === 'radio') {
        if (state[path.split('.')[0]][path.split('.')[1]] === undefined) set(path, '');
        el.addEventListener('change', function () { if (el.checked) set(path, el.value); update(); });
      } else if (el.tagName === 'SELECT') {
        set(path, el.value);
        el.addEventListener('change', function () { set(path, el.value); update(); });
      } else {
        set(path, el.value);
        el.addEventListener('compositionstart', function () { composing = true; });
        el.addEventListener('compositionend', function () { composing = false; set(path, el.value); update(); });
        el.addEventListener('input', function () { if (!composing) { set(path, el.value); update(); } });
      }
    });
    function update() {
      var n = 0;
      Object.keys(state).forEach(function (g) { Object.keys(state[g]).forEach(function (k) { if (state[g][k] !== '') n++; }); });
      hint.textContent = '表单状态：已填写 ' + n + ' 项';
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    update();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
