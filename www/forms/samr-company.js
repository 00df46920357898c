/* 公司登记（备案）申请书 — 住所 省/市/县 联动（by division code）。 */
(function () {
  'use strict';
  function start() {
    var f = document.getElementById('samr-form');
    window.OnceFillRegions.bind(f.elements.domProv, f.elements.domCity, f.elements.domCounty, 'code');
    f.addEventListener('submit', function (e) { e.preventDefault(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
