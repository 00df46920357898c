/* 出生一件事 — a multi-step wizard: one step shown at a time, the later ones hidden until 下一步. */
(function () {
  'use strict';
  function start() {
    var form = document.getElementById('birth-form');
    var steps = Array.prototype.slice.call(form.querySelectorAll('.wz-step'));
    var marks = document.querySelectorAll('#wz-steps li');
    var current = 0;
    function show(i) {
      current = i;
      steps.forEach(function (s, n) { s.hidden = n !== i; });
      Array.prototype.forEach.call(marks, function (m, n) {
        if (n === i) m.setAttribute('aria-current', 'step'); else m.removeAttribute('aria-current');
      });
      var h = steps[i].querySelector('h2');
      if (h) { h.tabIndex = -1; h.focus(); }
    }
    form.addEventListener('click', function (e) {
      if (e.target.closest('[data-next]')) show(Math.min(current + 1, steps.length - 1));
      if (e.target.closest('[data-prev]')) show(Math.max(current - 1, 0));
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); document.getElementById('wz-msg').hidden = false; });
    window.__birthWizard = { show: show, current: function () { return current; } };
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
