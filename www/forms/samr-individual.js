/* 个体工商户登记 — 住所 省/市/县 联动（option values are the names）。 */
(function () {
  'use strict';
  function start() {
    window.OnceFillRegions.bind(document.getElementById('operProv'), document.getElementById('operCity'), document.getElementById('operCounty'), 'name');
    document.getElementById('gt-form').addEventListener('submit', function (e) { e.preventDefault(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
