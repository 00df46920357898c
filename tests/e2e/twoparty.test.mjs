// Forms nobody mapped with two people on them, filled from the demo household:
// - 不动产转移登记 (www/forms/realty-unmapped.html): the applicant's part (权利人) is the owner's
//   by the profile; the obligor's part (义务人) is asked once in review ("此表有两位：申请人、
//   义务人，分别是谁？"), answered with the keyboard (配偶), and remembered across a reload.
// - 结婚登记预约 (www/forms/marriage-unmapped.html): 男方 and 女方 columns decided by sex; the
//   emergency contact is asked and answered 不填.
// - The same property form on a portal of another origin, through the OnceFill window: the
//   window's review asks the same question, and remembers the answer for the portal's page.
// Every field of each form is checked: each part holds its own person's values, no value
// crosses parts, and a part given to nobody stays empty.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch, trackRequests } from './lib/browser.mjs';
import { W, createVault, fillApproved, open } from './lib/widget.mjs';

const PASS = 'Hangzhou-teapot-1990';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

const OWNER = { name: '王小明', id: '110105199003071239', mobile: '13800138000', birth: '1990-03-07' };
const SPOUSE = { name: '李华', id: '440305198512310421', mobile: '13900139000', birth: '1985-12-31' };

/** A block of the question, by its role (`applicant`, `obligor`, `male_party`…). */
const block = (page, id) => page.locator(`${W('block')}[data-block="${id}"]`);

/** Who is checked in a block (`self`, `spouse`, `none`), or null. */
async function chosen(page, id) {
  const checked = block(page, id).locator('input[type="radio"]:checked');
  return (await checked.count()) === 0 ? null : checked.getAttribute('value');
}

/** Every field of the page: id → value. */
async function values(page, ids) {
  const out = {};
  for (const id of ids) out[id] = await page.locator(`#${id}`).inputValue();
  return out;
}

async function toReview(page) {
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor({ timeout: 15000 });
}

async function fill(page) {
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor({ timeout: 15000 });
  return report;
}

/** Waits until the vault's last save is done. */
async function settled(page) {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-oncefill-host]');
    return host?.shadowRoot?.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored') ?? false;
  });
}

const REALTY_IDS = ['qlr_xm', 'qlr_zjhm', 'qlr_dh', 'ywr_xm', 'ywr_zjhm', 'ywr_dh', 'bdc_zl', 'bdc_mj'];
const REALTY_FILLED = {
  qlr_xm: OWNER.name,
  qlr_zjhm: OWNER.id,
  qlr_dh: OWNER.mobile,
  ywr_xm: SPOUSE.name,
  ywr_zjhm: SPOUSE.id,
  ywr_dh: SPOUSE.mobile,
  bdc_zl: '',
  bdc_mj: '',
};

test('the obligor of an unmapped property form is asked once, answered by keyboard and remembered', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = trackRequests(page);
  const problems = await open(page, `${BASE}forms/realty-unmapped.html`);
  await createVault(page, PASS);
  await toReview(page);

  // The question, above the rows, with the profile's people by relation and masked name.
  const people = page.locator(W('people'));
  assert.equal((await people.locator('h4').innerText()).trim(), '此表有两位：申请人、义务人，分别是谁？');
  const above = await page.evaluate(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    const q = root.querySelector('[data-of="people"]');
    const row = root.querySelector('[data-of="step"]');
    return Boolean(q.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(above, 'the question comes before the rows');
  assert.equal(await chosen(page, 'applicant'), 'self');
  assert.equal(await block(page, 'applicant').getAttribute('data-how'), 'people-how-applicant');
  assert.equal(await chosen(page, 'obligor'), null);
  assert.equal(await block(page, 'obligor').getAttribute('data-how'), 'people-how-open');
  const obligor = people.getByRole('group', { name: /义务人/ });
  assert.deepEqual(
    (await obligor.locator('label').allInnerTexts()).map((t) => t.trim()),
    [
      '本人（王*明）',
      '配偶（李*）',
      '子女（王*宝）',
      '本单位（杭州******公司）',
      '法定代表人（王*明）',
      '财务负责人（李*）',
      '联络员（王*明）',
      '经办人/代理人（李*）',
      '不填',
    ],
  );
  // Unanswered, the obligor's part is not planned.
  const planned = async () => (await page.locator(W('step')).count());
  assert.equal(await planned(), 3);

  // By keyboard: the owner is the applicant already, so the owner is refused for the obligor.
  await obligor.getByRole('radio', { name: '本人（王*明）' }).focus();
  await page.keyboard.press('Space');
  const refused = page.locator(W('people-refused'));
  await refused.waitFor();
  assert.match(await refused.innerText(), /此人已填在“申请人”一栏，一个人不能同时填两栏/);
  assert.equal(await chosen(page, 'obligor'), null, 'the refused choice does not stand');
  assert.equal(await planned(), 3);

  // 配偶: the rows are planned again with the spouse in the obligor's part.
  await obligor.getByRole('radio', { name: '配偶（李*）' }).focus();
  await page.keyboard.press('Space');
  await page.locator(`${W('block')}[data-block="obligor"][data-how="people-how-answer"]`).waitFor();
  assert.equal(await chosen(page, 'obligor'), 'spouse');
  assert.equal(await refused.count(), 0);
  assert.equal(await planned(), 6);

  const report = await fill(page);
  assert.equal(await report.getAttribute('data-filled'), '6');
  assert.deepEqual(await values(page, REALTY_IDS), REALTY_FILLED);

  // Reload: the answer is remembered with the form (in the vault) and applied again.
  await settled(page);
  await page.reload();
  await page.locator(W('launcher')).waitFor({ timeout: 30000 });
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
  await toReview(page);
  assert.equal(await chosen(page, 'obligor'), 'spouse');
  assert.equal(await block(page, 'obligor').getAttribute('data-how'), 'people-how-answer');
  assert.equal(await planned(), 6);
  await fill(page);
  assert.deepEqual(await values(page, REALTY_IDS), REALTY_FILLED);

  assert.deepEqual(requests.foreign(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a marriage form: the couple by sex, the emergency contact left empty by the answer', async () => {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const problems = await open(page, `${BASE}forms/marriage-unmapped.html`);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await toReview(page);
  assert.equal(
    (await page.locator(`${W('people')} h4`).innerText()).trim(),
    '此表有三位：男方、女方、联系人，分别是谁？',
  );
  assert.equal(await chosen(page, 'male_party'), 'self');
  assert.equal(await block(page, 'male_party').getAttribute('data-how'), 'people-how-by_sex');
  assert.equal(await chosen(page, 'female_party'), 'spouse');
  assert.equal(await block(page, 'female_party').getAttribute('data-how'), 'people-how-by_sex');
  assert.equal(await chosen(page, 'contact'), null);

  await page.locator(W('people')).getByRole('group', { name: /联系人/ }).getByRole('radio', { name: '不填' }).check();
  await page.locator(`${W('block')}[data-block="contact"][data-how="people-how-answer"]`).waitFor();
  assert.equal(await chosen(page, 'contact'), 'none');
  const skipped = (await page.locator(W('skipped-field')).allTextContents()).map((t) => t.trim());
  assert.equal(skipped.filter((t) => t.includes('您为“联系人”一栏选了不填')).length, 2, skipped.join('\n'));

  const report = await fill(page);
  assert.equal(await report.getAttribute('data-filled'), '8');
  assert.deepEqual(
    await values(page, ['nf_xm', 'vf_xm', 'nf_csrq', 'vf_csrq', 'nf_zjhm', 'vf_zjhm', 'nf_sj', 'vf_sj', 'lxr_xm', 'lxr_dh']),
    {
      nf_xm: OWNER.name,
      vf_xm: SPOUSE.name,
      nf_csrq: OWNER.birth,
      vf_csrq: SPOUSE.birth,
      nf_zjhm: OWNER.id,
      vf_zjhm: SPOUSE.id,
      nf_sj: OWNER.mobile,
      vf_sj: SPOUSE.mobile,
      lxr_xm: '',
      lxr_dh: '',
    },
  );
  assert.deepEqual(problems, []);
  await page.close();
});

const ONCEFILL = new URL(BASE).origin;
const PORTAL = (() => {
  const u = new URL(BASE);
  u.hostname = 'localhost';
  return u.origin;
})();

test('the OnceFill window asks the same question for a portal and remembers the answer', async () => {
  const agent = await fetch(`${ONCEFILL}/agent.js`);
  const integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1000, height: 900 } });
  await context.route(`${ONCEFILL}/portals.json`, (r) =>
    r.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ version: 1, portals: [{ origin: PORTAL, name: '测试门户甲' }] }),
    }),
  );
  // The portal's page: the sample form with the page agent from OnceFill's origin.
  await context.route(`${PORTAL}/oncefill.js`, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(`${PORTAL}/forms/realty-unmapped.html`);
  await page.evaluate(
    ({ src, integrity }) =>
      new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = src;
        s.crossOrigin = 'anonymous';
        s.integrity = integrity;
        s.onload = ok;
        s.onerror = () => fail(new Error('the agent did not load'));
        document.head.appendChild(s);
      }),
    { src: `${ONCEFILL}/agent.js`, integrity },
  );
  const button = page.locator('button', { hasText: '一键填表' });
  const openWindow = async () => {
    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await popup.waitForLoadState();
    return popup;
  };
  const approve = async (popup) => {
    await fillApproved(popup);
    await popup.locator(W('report')).waitFor();
    const closed = popup.waitForEvent('close');
    await popup.locator(W('done')).click().catch(() => {});
    await closed;
  };

  let popup = await openWindow();
  await popup.locator(W('load-demo')).click();
  await popup.locator(W('vault-setup')).click();
  await popup.locator(W('new-pass')).fill(PASS);
  await popup.locator(W('new-pass-2')).fill(PASS);
  await popup.locator(W('create-vault')).click();
  await popup.locator(W('review')).waitFor();
  const people = popup.locator(W('people'));
  assert.equal((await people.locator('h4').innerText()).trim(), '此表有两位：申请人、义务人，分别是谁？');
  assert.equal(await chosen(popup, 'applicant'), 'self');
  assert.equal(await chosen(popup, 'obligor'), null);
  await people.getByRole('group', { name: /义务人/ }).getByRole('radio', { name: '配偶（李*）' }).check();
  await popup.locator(`${W('block')}[data-block="obligor"][data-how="people-how-answer"]`).waitFor();
  await settled(popup);
  await approve(popup);
  assert.deepEqual(await values(page, REALTY_IDS), REALTY_FILLED);

  // Again from the portal, on a clean form: the window applies the remembered answer.
  await page.reload();
  await page.evaluate(
    ({ src, integrity }) =>
      new Promise((ok) => {
        const s = document.createElement('script');
        s.src = src;
        s.crossOrigin = 'anonymous';
        s.integrity = integrity;
        s.onload = ok;
        document.head.appendChild(s);
      }),
    { src: `${ONCEFILL}/agent.js`, integrity },
  );
  popup = await openWindow();
  await popup.locator(W('unlock-pass')).fill(PASS);
  await popup.locator(W('unlock')).click();
  await popup.locator(W('review')).waitFor();
  assert.equal(await chosen(popup, 'obligor'), 'spouse');
  await approve(popup);
  assert.deepEqual(await values(page, REALTY_IDS), REALTY_FILLED);
  await context.close();
});
