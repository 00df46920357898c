// A form that states a standard autofill token on every field (www/forms/tokens.html), with no
// published mapping: the demo profile fills every field the tokens let it answer, in the form
// each field takes, and leaves every other field empty.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch, trackRequests } from './lib/browser.mjs';
import { W, open, fillApproved } from './lib/widget.mjs';

const FORM = `${BASE}forms/tokens.html`;
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

// name → the value it holds after filling ('' for a field left alone).
const EXPECTED = {
  xm: '王小明',
  xb: '1',
  xing: '王',
  ming: '小明',
  zjm: '',
  mz: '汉族',
  surname: 'WANG',
  given: 'XIAOMING',
  csn: '1990',
  csy: '3',
  csr: '07',
  csrq: '1990-03-07',
  sfzh: '110105199003071239',
  qrsfzh: '110105199003071239',
  gzdw: '',
  zw: '',
  gjdm: '+86',
  sjhm: '13800138000',
  qrsjhm: '13800138000',
  dzyx: 'wangxm@example.com',
  qryx: 'wangxm@example.com',
  yzbm: '100022',
  dhqd: '',
  dhhd: '',
  sheng: '北京市',
  shi: '北京市',
  qu: '110105',
  jd: '',
  gjzm: 'CN',
  gj: '中国',
  dz1: '建国路88号院3号楼2单元501室',
  dz2: '',
  hjdz: '北京市朝阳区建国路88号院3号楼2单元501室',
  poxm: '李华',
  pocsrq: '1985-12-31',
  podh: '13900139000',
  sjr: '',
  sjdz: '',
  sjrdh: '',
  jfyx: '',
};

test('every token the profile can answer is filled, and only those', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const requests = trackRequests(page);
  const problems = await open(page, FORM);

  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor({ timeout: 15000 });
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor({ timeout: 15000 });
  const filled = Object.values(EXPECTED).filter((v) => v !== '').length;
  assert.equal(await report.getAttribute('data-filled'), String(filled));
  assert.equal(await report.getAttribute('data-failed'), '0');

  const failures = [];
  for (const [name, want] of Object.entries(EXPECTED)) {
    const got = await page.locator(`[name="${name}"]`).inputValue();
    if (got !== want) failures.push(`${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(await page.locator('#tokens-form [name]').count(), Object.keys(EXPECTED).length);
  assert.deepEqual(requests.foreign(), []);
  assert.deepEqual(problems, []);
  await page.close();
});
