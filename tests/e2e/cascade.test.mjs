// A form nobody mapped (www/forms/cascade-unmapped.html) with five cascading division
// selects — 省/市/县(区)/乡(镇、街道)/村(社区) — whose options the page adds a moment after
// the level above is chosen. The registered address's divisions are chosen level by level,
// with option values as names, as 6-/12-digit codes, or as 12-digit codes throughout; the
// review shows one row per level; a level the address does not name, or whose options come
// without its choice, is left to the person with the reason.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch, trackRequests } from './lib/browser.mjs';
import { W, open, fillApproved } from './lib/widget.mjs';

const FORM = `${BASE}forms/cascade-unmapped.html`;
const LEVELS = ['sheng', 'shi', 'xian', 'xiang', 'cun'];
const ADDRESS = '浙江省杭州市西湖区西溪街道文三社区文三路90号';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

// The option values each variant submits for the address above.
const VALUES = {
  name: ['浙江省', '杭州市', '西湖区', '西溪街道', '文三社区'],
  code: ['330000', '330100', '330106', '330106004000', '330106004001'],
  code12: ['330000000000', '330100000000', '330106000000', '330106004000', '330106004001'],
};

/** Opens the form, loads the demo profile, sets its registered address (when given) and
 * reviews. */
async function review(query, address) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const requests = trackRequests(page);
  const problems = await open(page, `${FORM}${query}`);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  if (address) {
    const field = page.locator(W('field-person.hukou_address'));
    await field.fill(address);
    await field.press('Tab');
  }
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor({ timeout: 15000 });
  return { page, requests, problems };
}

/** The review's rows for the address's divisions: label → the choice in words. */
async function divisionRows(page) {
  const steps = page.locator(`${W('step')}[data-key="person.hukou_address"]`);
  const rows = [];
  for (let i = 0; i < (await steps.count()); i++) {
    const step = steps.nth(i);
    rows.push({
      label: (await step.locator('.of-step-label').innerText()).trim().replace(/^\*\s*/, ''),
      value: (await step.locator('[data-of="value"]').innerText()).trim(),
      later: (await step.locator('[data-of="later"]').count()) === 1,
    });
  }
  return rows;
}

/** The report's rows that need the person: label → message. */
async function failedRows(page) {
  return page.locator('[data-oncefill-host] .of-failed li').allInnerTexts();
}

for (const by of ['name', 'code', 'code12']) {
  test(`five cascading levels are chosen one after another (values by ${by})`, async () => {
    const { page, requests, problems } = await review(`?by=${by}`, ADDRESS);
    const rows = await divisionRows(page);
    assert.deepEqual(
      rows.map((r) => [r.label, r.value]),
      [
        ['省（自治区、直辖市）', '浙江省'],
        ['市（地区、盟、自治州）', '杭州市'],
        ['县（市、区、旗）', '西湖区'],
        ['乡（镇、街道）', '西溪街道'],
        ['村（社区）', '文三社区'],
      ],
      'one review row per level',
    );
    // Only the province has its options at review; every level below waits for them.
    assert.deepEqual(rows.map((r) => r.later), [false, true, true, true, true]);

    const started = Date.now();
    await fillApproved(page);
    const report = page.locator(W('report'));
    await report.waitFor({ timeout: 30000 });
    const ms = Date.now() - started;
    assert.equal(await report.getAttribute('data-failed'), '0', (await failedRows(page)).join('\n'));
    const got = [];
    for (const name of LEVELS) got.push(await page.locator(`#${name}`).inputValue());
    assert.deepEqual(got, VALUES[by]);
    // The name and the ID number are filled too.
    assert.equal(await report.getAttribute('data-filled'), String(LEVELS.length + 2));
    assert.equal(await page.locator('#xm').inputValue(), '王小明');
    console.log(`cascade by ${by}: five levels filled in ${ms} ms`);
    assert.deepEqual(requests.foreign(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('levels the address does not name are refused with the reason', async () => {
  // The demo's registered address (北京市朝阳区建国路…) names no township and no village.
  const { page, problems } = await review('?by=code', null);
  const rows = await divisionRows(page);
  assert.deepEqual(
    rows.map((r) => [r.label, r.value]),
    [
      ['省（自治区、直辖市）', '北京市'],
      ['市（地区、盟、自治州）', '北京市'],
      ['县（市、区、旗）', '朝阳区'],
    ],
  );
  // Each refused level is listed with why (the list is folded: its text, not its layout).
  const skipped = (await page.locator(W('skipped-field')).allTextContents()).map((t) => t.trim());
  const reason = (label) => skipped.find((t) => t.replace(/^\*\s*/, '').startsWith(label)) ?? '';
  assert.match(reason('乡（镇、街道）'), /乡（镇、街道）：.*乡（镇、街道）/, skipped.join('\n'));
  assert.match(reason('村（社区）'), /村（社区）：.*村（社区）/, skipped.join('\n'));
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor({ timeout: 30000 });
  assert.equal(await report.getAttribute('data-failed'), '0');
  const got = [];
  for (const name of LEVELS) got.push(await page.locator(`#${name}`).inputValue());
  assert.deepEqual(got, ['110000', '110100', '110105', '', '']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a level whose options come without the reviewed choice stops the cascade there', async () => {
  // 西湖区 has no 东湖街道 in the page's table: the township and the village are the person's.
  const { page, problems } = await review('?by=name', '浙江省杭州市西湖区东湖街道文三社区文三路90号');
  const rows = await divisionRows(page);
  assert.equal(rows.length, 5, JSON.stringify(rows));
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor({ timeout: 30000 });
  const got = [];
  for (const name of LEVELS) got.push(await page.locator(`#${name}`).inputValue());
  assert.deepEqual(got, ['浙江省', '杭州市', '西湖区', '', '']);
  assert.equal(await report.getAttribute('data-failed'), '2');
  const failed = await failedRows(page);
  assert.equal(failed.length, 2);
  for (const row of failed) assert.match(row, /没有出现要选的选项，请手动选择/);
  assert.match(failed[0], /^\*?乡（镇、街道）/);
  assert.match(failed[1], /^\*?村（社区）/);
  assert.deepEqual(problems, []);
  await page.close();
});
