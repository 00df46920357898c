/* 社会保障卡申领登记表 — no behaviour beyond not submitting. */
(function () {
  'use strict';
  function start() { document.getElementById('sbk-form').addEventListener('submit', function (e) { e.preventDefault(); }); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
