// Locking leaves no secret behind: the widget's WebAssembly instance is discarded and its
// memory wiped. The test reads the memory of every instance the page started (re-importing the
// module returns its existing exports) and searches it for the person's ID number (ASCII),
// name (UTF-8) and passphrase; the same search finds the first two while the vault is open.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, fillApproved, memoryCounts, open } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
const NAME = '欧阳青禾';
const ID = '44030419870523481X';
const PASS = 'Ouyang-Qinghe-1987-Shenzhen';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());


test('after locking, no copy of the ID number, the name or the passphrase is left in memory', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await open(page, FORM);
  await page.locator(W('launcher')).click();
  await page.locator(W('field-person.name')).fill(NAME);
  await page.locator(W('field-person.id_number')).fill(ID);
  await page.locator(W('field-person.id_number')).press('Tab');
  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  assert.equal(await page.locator('#aac003').inputValue(), NAME);
  assert.equal(await page.locator('#aac002').inputValue(), ID);
  await page.locator('#aac003').click(); // the person goes on in the page's own form
  await page.keyboard.type('·');

  const open1 = await memoryCounts(page, ['/pkg/oncefill.js'], [ID, NAME, PASS]);
  assert.ok(open1[ID] > 0, 'the search finds the ID number while the vault is open');
  assert.ok(open1[NAME] > 0, 'the search finds the name while the vault is open');
  assert.equal(await page.locator(`${W('passphrase-form')} input`).count(), 0);

  // Locking replaces the widget's instance; wait for the new one (the old one may show its
  // unlock screen for a moment before it is taken down).
  const restarted = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('oncefill:ready', () => resolve(true), { once: true })),
  );
  await page.locator(W('lock')).click();
  assert.ok(await restarted, 'a new instance started after locking');
  await page.locator(W('unlock-pass')).waitFor();
  await page.locator(W('unlock-pass')).fill(PASS);
  // The page was not reloaded: what the person typed into its form is still there.
  assert.equal(await page.locator('#aac003').inputValue(), `${NAME}·`);
  const locked = await memoryCounts(page, ['/pkg/oncefill.js', '/pkg/oncefill.js?instance=1'], [ID, NAME, PASS]);
  assert.deepEqual(locked, { [ID]: 0, [NAME]: 0, [PASS]: 0 }, 'memory after locking');

  // The new instance opens the same vault.
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), NAME);
  assertNoProblems(problems);
  await context.close();
});
