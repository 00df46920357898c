/*
 * 省/市/县 三级联动下拉 — 演示页面共用脚本（一次填 OnceFill 示例）
 *
 * A small inline excerpt of GB/T 2260 divisions, enough for the demo profile (北京市朝阳区,
 * 浙江省杭州市西湖区) and a few neighbours. Like real portals, the city and county selects are
 * empty until the level above changes: a filler must set the province, let the `change` event
 * repopulate the city select, then set the city, and so on.
 *
 *   OnceFillRegions.bind(provinceSelect, citySelect, countySelect, 'code' | 'name')
 *
 * 'code': option values are division codes (330106), texts are names.
 * 'name': option values are the names themselves, as some portals submit them.
 */
(function () {
  'use strict';

  var DATA = [
    { code: '110000', name: '北京市', cities: [
      { code: '110100', name: '北京市', counties: [
        ['110101', '东城区'], ['110102', '西城区'], ['110105', '朝阳区'], ['110106', '丰台区'],
        ['110108', '海淀区'], ['110114', '昌平区']
      ] }
    ] },
    { code: '310000', name: '上海市', cities: [
      { code: '310100', name: '上海市', counties: [
        ['310101', '黄浦区'], ['310104', '徐汇区'], ['310115', '浦东新区']
      ] }
    ] },
    { code: '330000', name: '浙江省', cities: [
      { code: '330100', name: '杭州市', counties: [
        ['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区'], ['330108', '滨江区'],
        ['330109', '萧山区'], ['330110', '余杭区']
      ] },
      { code: '330200', name: '宁波市', counties: [
        ['330203', '海曙区'], ['330205', '江北区'], ['330212', '鄞州区']
      ] }
    ] },
    { code: '440000', name: '广东省', cities: [
      { code: '440100', name: '广州市', counties: [['440103', '荔湾区'], ['440106', '天河区']] },
      { code: '440300', name: '深圳市', counties: [['440303', '罗湖区'], ['440304', '福田区'], ['440305', '南山区']] }
    ] }
  ];

  function fill(select, rows, by) {
    while (select.options.length > 0) select.remove(0);
    select.add(new Option('--请选择--', ''));
    rows.forEach(function (row) {
      select.add(new Option(row.name, by === 'name' ? row.name : row.code));
    });
    select.disabled = rows.length === 0;
  }

  function find(rows, value, by) {
    for (var i = 0; i < rows.length; i++) {
      if ((by === 'name' ? rows[i].name : rows[i].code) === value) return rows[i];
    }
    return null;
  }

  function bind(province, city, county, by) {
    by = by === 'name' ? 'name' : 'code';
    fill(province, DATA, by);
    fill(city, [], by);
    fill(county, [], by);
    province.addEventListener('change', function () {
      var p = find(DATA, province.value, by);
      fill(city, p ? p.cities : [], by);
      fill(county, [], by);
    });
    city.addEventListener('change', function () {
      var p = find(DATA, province.value, by);
      var c = p ? find(p.cities, city.value, by) : null;
      fill(county, c ? c.counties.map(function (r) { return { code: r[0], name: r[1] }; }) : [], by);
    });
  }

  window.OnceFillRegions = { bind: bind, data: DATA };
})();
