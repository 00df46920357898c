// 授权记录 in a real browser: a fill is recorded with the names of the elements given and no
// value, on screen and in the exported JSON; an entry can be deleted; the record is kept in the
// vault across a reload; sensitive elements are unticked on a form until the person has given
// them to it once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, approveSensitive, assertNoProblems, createVault, open } from './lib/widget.mjs';

const PENSION = `${BASE}forms/pension.html`;
const ID_CARD = `${BASE}forms/id-card.html`;
const PASS = 'Hangzhou-teapot-1990';
// The demo owner's values: none may appear in the record.
const VALUES = ['110105199003071239', '王小明', '13800138000', '138****8000', '1101**********1239'];
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

const idBox = (page) => page.locator(`${W('step')}[data-key="person.id_number"] input[type=checkbox]`);

async function toReview(page) {
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
}

async function fill(page) {
  await page.locator(W('fill')).click();
  await page.locator(W('report')).waitFor();
}

async function openRecord(page) {
  await page.locator(W('open-disclosures')).click();
  await page.locator(W('disclosures-screen')).waitFor();
}

test('each fill is recorded by element names, never values; exported, deleted, kept in the vault', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems = await open(page, PENSION);
  await createVault(page, PASS);

  // First fill of this form: the ID number is marked 敏感 and left unticked.
  await toReview(page);
  const idStep = page.locator(`${W('step')}[data-key="person.id_number"]`);
  assert.equal(await idBox(page).isChecked(), false, 'not pre-ticked on a new form');
  assert.match(await idStep.locator('[data-of="sensitive"]').innerText(), /敏感/);
  const nameBox = page.locator(`${W('step')}[data-key="person.name"] input[type=checkbox]`);
  assert.equal(await nameBox.isChecked(), true, 'a plain element is ticked');
  await approveSensitive(page);
  await fill(page);
  assert.equal(await page.inputValue('#aac002'), '110105199003071239');

  await openRecord(page);
  const entries = page.locator(W('disclosure'));
  assert.equal(await entries.count(), 1);
  const names = await entries.first().locator('[data-of="disclosed"]').allInnerTexts();
  assert.ok(names.includes('公民身份号码'), names.join('|'));
  assert.ok(names.includes('姓名'), names.join('|'));
  assert.match(await entries.first().innerText(), /城乡居民基本养老保险参保登记表/);
  assert.match(await entries.first().innerText(), new RegExp(new URL(BASE).host.replace(/\./g, '\\.')));
  const screen = await page.locator(W('panel')).innerText();
  for (const v of VALUES) assert.ok(!screen.includes(v), `a value is on the record screen: ${v.length} chars`);

  // The export holds the names and no value.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(W('export-disclosures')).click()]);
  assert.equal(download.suggestedFilename(), 'oncefill-disclosures.json');
  const text = await readFile(await download.path(), 'utf8');
  for (const v of VALUES) assert.ok(!text.includes(v), 'a value is in the exported record');
  const json = JSON.parse(text);
  assert.equal(json.entries.length, 1);
  assert.ok(json.entries[0].elements.some((e) => e.element === 'person.id_number' && !e.role));
  assert.ok(json.entries[0].count >= 7, `${json.entries[0].count}`);

  // After a reload and unlock (the form empty again), the second fill of the same form: the
  // record was kept in the vault, and the ID number is ticked for the person.
  const reopen = async (url) => {
    if (url) await page.goto(url);
    else await page.reload();
    await page.locator(W('launcher')).click();
    await page.locator(W('unlock-pass')).fill(PASS);
    await page.locator(W('unlock')).click();
    await page.locator(W('to-review')).waitFor();
  };
  const stored = () =>
    page.waitForFunction(() => {
      const status = document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('[data-of="vault-status"]');
      return status?.hasAttribute('data-stored');
    });
  await stored();
  await reopen();
  await toReview(page);
  assert.equal(await idBox(page).isChecked(), true, 'pre-ticked once given to this form');
  await fill(page);
  await openRecord(page);
  assert.equal(await entries.count(), 2, 'both fills are listed');

  // Delete the newest entry, after confirming; the deletion is saved too.
  await entries.first().locator('[data-of="delete-disclosure"]').click();
  await page.locator(W('confirm-delete')).click();
  assert.equal(await entries.count(), 1);
  await page.locator(W('disclosures-status')).filter({ hasText: '已删除' }).waitFor();
  await page.waitForTimeout(300);
  await stored();
  await reopen();
  await openRecord(page);
  assert.equal(await entries.count(), 1, 'kept in the vault');
  assert.match(await entries.first().innerText(), /公民身份号码/);

  // Another form of the same site: the ID number is not ticked there.
  await reopen(ID_CARD);
  await toReview(page);
  assert.equal(await idBox(page).isChecked(), false, 'not pre-ticked on another form');
  assert.equal(await page.locator(`${W('step')}[data-key="person.id_number"] [data-of="sensitive"]`).count(), 1);

  // 全部删除, confirmed.
  await openRecord(page);
  await page.locator(W('delete-all-disclosures')).click();
  await page.locator(W('confirm-delete')).click();
  await page.locator(W('disclosures-empty')).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('without a vault the record is kept in page memory, and the screen says so', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await open(page, PENSION);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await toReview(page);
  await fill(page);
  await openRecord(page);
  assert.match(await page.locator(W('disclosures-memory')).innerText(), /内存/);
  assert.equal(await page.locator(W('disclosure')).count(), 1);
  // Reachable with the keyboard: back leaves the screen.
  await page.locator(W('back')).focus();
  await page.keyboard.press('Enter');
  await page.locator(W('disclosures-screen')).waitFor({ state: 'detached' });
  assertNoProblems(problems);
  await context.close();
});
