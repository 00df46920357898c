/* 公司登记 附表 — no behaviour beyond not submitting. */
(function () {
  'use strict';
  function start() { document.getElementById('annex-form').addEventListener('submit', function (e) { e.preventDefault(); }); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
