/*
 * 省/市/县(区)/乡(镇、街道)/村(社区) 五级联动下拉 — 演示页面脚本（一次填 OnceFill 示例）
 *
 * Like a real portal, each level's options come only after the level above changes, and a
 * moment later (as if asked of the server). The page's address ("?by=" in its address):
 *   name   option values are the names (as some portals submit them; the default);
 *   code   6-digit GB/T 2260 codes for 省/市/县, 12-digit statistical codes for 乡/村;
 *   code12 12-digit statistical codes at every level (330106000000).
 * The table is a tiny excerpt; the codes below the county are illustrative.
 */
(function () {
  'use strict';

  // [code12, name, children]
  var DATA = [
    ['110000000000', '北京市', [
      ['110100000000', '北京市', [
        ['110105000000', '朝阳区', [
          ['110105001000', '建外街道', [['110105001001', '永安里社区'], ['110105001002', '光华里社区']]],
          ['110105010000', '三里屯街道', [['110105010001', '幸福三村社区']]]
        ]],
        ['110108000000', '海淀区', [
          ['110108001000', '万寿路街道', [['110108001001', '翠微路社区']]]
        ]]
      ]]
    ]],
    ['330000000000', '浙江省', [
      ['330100000000', '杭州市', [
        ['330106000000', '西湖区', [
          ['330106004000', '西溪街道', [['330106004001', '文三社区'], ['330106004002', '古荡社区']]],
          ['330106109000', '三墩镇', [['330106109201', '绕城村'], ['330106109202', '庙桥村']]]
        ]],
        ['330110000000', '余杭区', [
          ['330110005000', '仓前街道', [['330110005201', '永乐村']]]
        ]]
      ]],
      ['330200000000', '宁波市', [
        ['330212000000', '鄞州区', [
          ['330212001000', '梅墟街道', [['330212001001', '梅墟社区']]]
        ]]
      ]]
    ]],
    ['440000000000', '广东省', [
      ['440300000000', '深圳市', [
        ['440305000000', '南山区', [
          ['440305001000', '南头街道', [['440305001001', '南头城社区']]]
        ]]
      ]]
    ]]
  ];

  var by = (/[?&]by=(name|code12|code)\b/.exec(window.location.search) || [])[1] || 'name';
  var levels = ['sheng', 'shi', 'xian', 'xiang', 'cun'];
  var prompts = ['--请选择省--', '--请选择市--', '--请选择县（区）--', '--请选择乡（镇、街道）--', '--请选择村（社区）--'];

  function valueOf(row, level) {
    if (by === 'name') return row[1];
    if (by === 'code' && level < 3) return row[0].slice(0, 6);
    return row[0];
  }

  function put(level, rows) {
    var select = document.getElementById(levels[level]);
    while (select.options.length > 0) select.remove(0);
    select.add(new Option(prompts[level], ''));
    rows.forEach(function (row) {
      select.add(new Option(row[1], valueOf(row, level)));
    });
    select.disabled = rows.length === 0;
  }

  function chosen(level) {
    var rows = DATA;
    var row = null;
    for (var l = 0; l <= level; l++) {
      var value = document.getElementById(levels[l]).value;
      row = null;
      for (var i = 0; i < rows.length; i++) {
        if (valueOf(rows[i], l) === value) row = rows[i];
      }
      if (!row) return null;
      rows = row[2] || [];
    }
    return row;
  }

  var pending = [];
  levels.forEach(function (id, level) {
    document.getElementById(id).addEventListener('change', function () {
      for (var l = level + 1; l < levels.length; l++) put(l, []);
      if (level + 1 >= levels.length) return;
      var row = chosen(level);
      pending.forEach(clearTimeout);
      // The next level's options arrive a moment later, as from the server.
      pending = [setTimeout(function () { put(level + 1, row ? row[2] : []); }, 120)];
    });
  });

  put(0, DATA);
  for (var l = 1; l < levels.length; l++) put(l, []);
  var note = document.getElementById('by-note');
  if (note) note.textContent = { name: '按名称', code: '按6位/12位代码', code12: '按12位代码' }[by];
})();
