/*
 * 机动车驾驶人信息 — a web component: <gov-driver-form> attaches an OPEN shadow root and
 * renders its inputs there, as design-system portals do. Controls are reachable through
 * element.shadowRoot; events dispatched from outside must be `composed` to leave the root.
 * The component keeps its own model (on `input`/`change` inside the root) exposed as
 * window.__driverForm.state.
 */
(function () {
  'use strict';
  var TEMPLATE =
    '<style>' +
    ':host{display:block;border:1px solid #9fb2c8;background:#fff}' +
    '.row{display:flex;flex-wrap:wrap;border-top:1px solid #d4dbe5}.row:first-of-type{border-top:0}' +
    '.lbl{flex:0 0 10em;padding:8px 12px;background:#f0f3f7;text-align:right}' +
    '.ctl{flex:1 1 18em;padding:6px 10px}' +
    'input[type=text],input[type=date],select{width:100%;min-height:36px;padding:5px 8px;font:inherit;border:1px solid #8a9bb0;box-sizing:border-box}' +
    '.sec{padding:8px 12px;background:#dfe8f3;color:#12355e;font-weight:bold}' +
    '.rg{display:flex;gap:20px;min-height:36px;align-items:center}' +
    '</style>' +
    '<div class="sec">驾驶人基本信息</div>' +
    row('xm', '姓名', '<input type="text" id="xm" name="xm">') +
    row('xmpy', '姓名拼音', '<input type="text" id="xmpy" name="xmpy" placeholder="如 ZHANG SAN">') +
    row('xb', '性别', '<div class="rg" role="radiogroup" aria-labelledby="xb-l"><label><input type="radio" name="xb" id="xb1" value="1"> 男</label><label><input type="radio" name="xb" id="xb2" value="2"> 女</label></div>', true) +
    row('csrq', '出生日期', '<input type="date" id="csrq" name="csrq">') +
    row('gj', '国籍', '<select id="gj" name="gj"><option value="">请选择</option><option value="CHN">中国</option><option value="USA">美国</option><option value="JPN">日本</option><option value="KOR">韩国</option></select>') +
    row('sfzmmc', '身份证明名称', '<select id="sfzmmc" name="sfzmmc"><option value="A" selected>居民身份证</option><option value="B">军官证</option><option value="E">护照</option></select>') +
    row('sfzmhm', '身份证明号码', '<input type="text" id="sfzmhm" name="sfzmhm" maxlength="18">') +
    '<div class="sec">联系方式</div>' +
    row('sjhm', '手机号码', '<input type="text" id="sjhm" name="sjhm" maxlength="11">') +
    row('dzyx', '电子邮箱', '<input type="text" id="dzyx" name="dzyx">') +
    row('lxzsxxdz', '联系住所详细地址', '<input type="text" id="lxzsxxdz" name="lxzsxxdz">') +
    row('yzbm', '邮政编码', '<input type="text" id="yzbm" name="yzbm" maxlength="6">') +
    '<div class="sec">驾驶证信息</div>' +
    row('dabh', '档案编号', '<input type="text" id="dabh" name="dabh" maxlength="12">') +
    row('zjcx', '准驾车型', '<select id="zjcx" name="zjcx"><option value="">请选择</option><option value="C1">C1</option><option value="C2">C2</option><option value="B2">B2</option><option value="A1">A1</option></select>') +
    '<div style="text-align:center;padding:14px"><button type="submit" style="min-width:112px;min-height:40px;font:inherit">提交</button></div>';

  function row(id, label, control, group) {
    var lbl = group ? '<span class="lbl" id="' + id + '-l">' + label + '</span>'
                    : '<label class="lbl" for="' + id + '">' + label + '</label>';
    return '<div class="row">' + lbl + '<div class="ctl">' + control + '</div></div>';
  }

  var state = {};
  window.__driverForm = { state: state };

  class GovDriverForm extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<form id="jsr-form" action="#">' + TEMPLATE + '</form>';
      var form = root.getElementById('jsr-form');
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name) return;
        if (el.type === 'radio') { if (!(el.name in state)) state[el.name] = ''; if (el.checked) state[el.name] = el.value; }
        else state[el.name] = el.value;
      });
      function sync(e) {
        var el = e.target;
        if (!el || !el.name) return;
        if (el.type === 'radio') { if (el.checked) state[el.name] = el.value; }
        else state[el.name] = el.value;
      }
      form.addEventListener('input', sync);
      form.addEventListener('change', sync);
      form.addEventListener('submit', function (e) { e.preventDefault(); });
    }
  }
  customElements.define('gov-driver-form', GovDriverForm);
})();
