/* 不动产登记申请书 (framed) — no behaviour beyond not submitting. */
(function () {
  'use strict';
  function start() { document.getElementById('bdc-form').addEventListener('submit', function (e) { e.preventDefault(); }); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
