/*
 * 一次填 OnceFill — 200 个字段填表测试页生成脚本
 * Generates 25 <form class="block"> elements, 8 fields each (a radio group
 * counts as one field), and exposes window.__benchExpected: 200 entries
 * {selector, kind: 'text'|'select'|'radio', value} for the demo profile.
 *
 * Loaded with `defer` BEFORE the widget loader (also `defer`). Deferred
 * scripts run in document order after parsing, just before DOMContentLoaded,
 * so we build the forms immediately when the DOM is already parsed (and fall
 * back to DOMContentLoaded otherwise): the fields exist before the widget runs.
 */
(function () {
  'use strict';

  var BLOCKS = 25;

  // GB/T 3304 民族代码
  var NATIONS = [
    ['01', '汉族'],
    ['02', '蒙古族'],
    ['03', '回族'],
    ['04', '藏族'],
    ['05', '维吾尔族'],
    ['06', '苗族'],
    ['07', '彝族'],
    ['08', '壮族'],
    ['09', '布依族'],
    ['10', '朝鲜族'],
    ['11', '满族'],
    ['12', '侗族'],
    ['13', '瑶族'],
    ['14', '白族'],
    ['15', '土家族'],
    ['16', '哈尼族'],
    ['17', '哈萨克族'],
    ['18', '傣族'],
    ['19', '黎族'],
    ['20', '傈僳族'],
    ['21', '佤族'],
    ['22', '畲族'],
    ['23', '高山族'],
    ['24', '拉祜族'],
    ['25', '水族'],
    ['26', '东乡族'],
    ['27', '纳西族'],
    ['28', '景颇族'],
    ['29', '柯尔克孜族'],
    ['30', '土族'],
    ['31', '达斡尔族'],
    ['32', '仫佬族'],
    ['33', '羌族'],
    ['34', '布朗族'],
    ['35', '撒拉族'],
    ['36', '毛南族'],
    ['37', '仡佬族'],
    ['38', '锡伯族'],
    ['39', '阿昌族'],
    ['40', '普米族'],
    ['41', '塔吉克族'],
    ['42', '怒族'],
    ['43', '乌孜别克族'],
    ['44', '俄罗斯族'],
    ['45', '鄂温克族'],
    ['46', '德昂族'],
    ['47', '保安族'],
    ['48', '裕固族'],
    ['49', '京族'],
    ['50', '塔塔尔族'],
    ['51', '独龙族'],
    ['52', '鄂伦春族'],
    ['53', '赫哲族'],
    ['54', '门巴族'],
    ['55', '珞巴族'],
    ['56', '基诺族'],
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ];

  function pad2(n) {
    return (n < 10 ? '0' : '') + n;
  }

  // Forms are dated by the calendar in China (UTC+8), whatever the browser's time zone.
  function todayText() {
    var d = new Date(Date.now() + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '年' + pad2(d.getUTCMonth() + 1) + '月' + pad2(d.getUTCDate()) + '日';
  }

  var PROFILE = {
    name: '王小明',
    sex: '1',
    nation: '01',
    birth: '1990-03-07',
    idno: '110105199003071239',
    address: '北京市朝阳区建国路88号院3号楼2单元501室',
    mobile: '13800138000',
    date: todayText()
  };

  var NATION_OPTIONS = '<option value="">--请选择--</option>' + NATIONS.map(function (n) {
    return '<option value="' + n[0] + '">' + n[1] + '</option>';
  }).join('');

  function blockHtml(n) {
    var s = '-' + n;
    return '' +
      '<h2 id="block' + s + '-title">参保人信息（第 ' + n + ' 组）</h2>' +
      '<table class="form-table">' +
        '<colgroup><col class="c-lbl"><col class="c-fld"><col class="c-lbl"><col class="c-fld"></colgroup>' +
        '<tbody>' +
          '<tr>' +
            '<td class="lbl">姓名<span class="req">*</span></td>' +
            '<td><input type="text" id="aac003' + s + '" name="aac003' + s + '" maxlength="50"></td>' +
            '<td class="lbl">性别<span class="req">*</span></td>' +
            '<td><div class="radio-group">' +
              '<label><input type="radio" id="aac004' + s + '-1" name="aac004' + s + '" value="1"> 男</label>' +
              '<label><input type="radio" id="aac004' + s + '-2" name="aac004' + s + '" value="2"> 女</label>' +
            '</div></td>' +
          '</tr>' +
          '<tr>' +
            '<td class="lbl">民族<span class="req">*</span></td>' +
            '<td><select id="aac005' + s + '" name="aac005' + s + '">' + NATION_OPTIONS + '</select></td>' +
            '<td class="lbl">出生日期<span class="req">*</span></td>' +
            '<td><input type="date" id="aac006' + s + '" name="aac006' + s + '"></td>' +
          '</tr>' +
          '<tr>' +
            '<td class="lbl">公民身份号码<span class="req">*</span></td>' +
            '<td colspan="3"><input type="text" id="aac002' + s + '" name="aac002' + s + '" maxlength="18"></td>' +
          '</tr>' +
          '<tr>' +
            '<td class="lbl">户籍所在地址<span class="req">*</span></td>' +
            '<td colspan="3"><input type="text" id="aac010' + s + '" name="aac010' + s + '" maxlength="100"></td>' +
          '</tr>' +
          '<tr>' +
            '<td class="lbl">手机号码<span class="req">*</span></td>' +
            '<td><input type="text" id="aae005' + s + '" name="aae005' + s + '" maxlength="11" inputmode="numeric"></td>' +
            '<td class="lbl">填表日期</td>' +
            '<td><input type="text" id="aae036' + s + '" name="aae036' + s + '" placeholder="YYYY年MM月DD日"></td>' +
          '</tr>' +
        '</tbody>' +
      '</table>';
  }

  function expectedFor(n) {
    var s = '-' + n;
    return [
      { selector: '#aac003' + s, kind: 'text', value: PROFILE.name },
      { selector: '#aac004' + s + '-' + PROFILE.sex, kind: 'radio', value: PROFILE.sex },
      { selector: '#aac005' + s, kind: 'select', value: PROFILE.nation },
      { selector: '#aac006' + s, kind: 'text', value: PROFILE.birth },
      { selector: '#aac002' + s, kind: 'text', value: PROFILE.idno },
      { selector: '#aac010' + s, kind: 'text', value: PROFILE.address },
      { selector: '#aae005' + s, kind: 'text', value: PROFILE.mobile },
      { selector: '#aae036' + s, kind: 'text', value: PROFILE.date }
    ];
  }

  var expected = [];
  for (var i = 1; i <= BLOCKS; i++) {
    expected = expected.concat(expectedFor(i));
  }
  window.__benchExpected = expected;

  function countMatches() {
    var ok = 0;
    expected.forEach(function (e) {
      var el = document.querySelector(e.selector);
      if (!el) return;
      if (e.kind === 'radio') {
        if (el.checked && el.value === e.value) ok++;
      } else if (el.value === e.value) {
        ok++;
      }
    });
    return ok;
  }

  function build() {
    var host = document.getElementById('bench-forms');
    if (!host || host.querySelector('form.block')) return;
    var frag = document.createDocumentFragment();
    for (var n = 1; n <= BLOCKS; n++) {
      var form = document.createElement('form');
      form.className = 'block';
      form.id = 'block-' + n;
      form.action = '#';
      form.method = 'post';
      form.setAttribute('aria-labelledby', 'block-' + n + '-title');
      form.innerHTML = blockHtml(n);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
      });
      frag.appendChild(form);
    }
    host.appendChild(frag);

    var btn = document.getElementById('bench-check');
    var out = document.getElementById('bench-result');
    if (btn && out) {
      btn.addEventListener('click', function () {
        out.textContent = '与示例资料一致：' + countMatches() + ' / ' + expected.length;
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', build);
  } else {
    build();
  }
})();
