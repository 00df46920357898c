/* 居民身份证申领登记表 — 常住户口所在地 省/市/县 联动（by division code）。 */
(function () {
  'use strict';
  function start() {
    window.OnceFillRegions.bind(document.getElementById('hjd_sheng'), document.getElementById('hjd_shi'), document.getElementById('hjd_xian'), 'code');
    document.getElementById('sfz-form').addEventListener('submit', function (e) { e.preventDefault(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
