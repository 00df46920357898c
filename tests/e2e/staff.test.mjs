// The staff desk (一窗受理): a clerk unlocks the staff vault, types a citizen's data, fills a
// hall form in the page's frame and ends the case. After the end, none of the citizen's
// values is left anywhere the browser keeps data (IndexedDB, localStorage, sessionStorage,
// Cache Storage, cookies), in the page (its shadow roots and frames, values of controls
// included) or in the memory of any WebAssembly instance the page started; the next case
// starts empty; the idle timeout ends a case the same way; the operations log names the forms
// and controls filled and holds no value.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, fillApproved } from './lib/widget.mjs';
import { createStaffVault, openDesk, residue, typeCitizen, unlock } from './lib/staff.mjs';
import { axeViolations, describe } from './lib/axe.mjs';

const A = { name: '欧阳青禾', id: '44030419870523481X', mobile: '13912345678' };
const B = { name: '司马长风', id: '110108199003071238', mobile: '13787654321' };
const C = { name: '诸葛云舒', id: '320102198506150022', mobile: '13611112222' };
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

const values = (who) => [who.name, who.id, who.mobile];
const frameValue = (page, id) => page.frameLocator('iframe[data-staff-form]').locator(`#${id}`).inputValue();

async function fillForm(page) {
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
}

test('a case leaves nothing behind; the next starts empty; the idle timeout ends a case too', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await openDesk(page, 600);
  await page.locator('[data-staff="countdown"]').filter({ hasText: '10 分钟后自动结束办理' }).waitFor();

  // The clerk's vault, under its own name.
  await createStaffVault(page);
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.deepEqual(names, ['oncefill-staff'], 'the staff vault, and no citizen database');

  // Case 1: citizen A, typed by the clerk, fills the hall's form.
  await typeCitizen(page, A);
  await fillForm(page);
  assert.equal(await frameValue(page, 'xm'), A.name);
  assert.equal(
    await page.frameLocator('iframe[data-staff-form]').locator('[data-oncefill-host]').count(),
    0,
    "the form's own widget stays out of the desk's frame",
  );
  assert.equal(await frameValue(page, 'gmsfhm'), A.id);
  const found = await residue(page, values(A));
  assert.ok(found.some((f) => f.startsWith('wasm memory')), 'the search finds A while the case is open');
  assert.ok(found.some((f) => f.startsWith('DOM page frame value')), 'and in the filled form');
  await page.locator(W('staff-log-entry')).first().waitFor();

  await page.locator('[data-staff="end"]').click();
  await page.locator('[data-staff="status"]').filter({ hasText: '办理已结束' }).waitFor();
  await page.locator(W('unlock-pass')).waitFor();
  assert.deepEqual(await residue(page, values(A)), [], 'nothing of citizen A is left');

  // Case 2: citizen B sees nothing of A.
  await unlock(page);
  for (const key of ['person.name', 'person.id_number', 'contact.mobile']) {
    assert.equal(await page.locator(W(`field-${key}`)).inputValue(), '', `${key} starts empty`);
  }
  assert.equal(await frameValue(page, 'xm'), '', 'the form starts empty');
  assert.equal(await frameValue(page, 'gmsfhm'), '');
  await typeCitizen(page, B);
  await fillForm(page);
  assert.equal(await frameValue(page, 'xm'), B.name);
  await page.locator(W('staff-log-entry')).nth(1).waitFor();
  await page.locator('[data-staff="new"]').click();
  await page.locator(W('unlock-pass')).waitFor();
  assert.deepEqual(await residue(page, [...values(A), ...values(B)]), []);
  assertNoProblems(problems);
  await context.close();

  // The idle timeout (short here) ends a case the same way.
  const context2 = await browser.newContext({ locale: 'zh-CN' });
  const page2 = await context2.newPage();
  // A new context is a new browser profile: the clerk's vault is made again there.
  const problems2 = await openDesk(page2, 600);
  await createStaffVault(page2);
  await page2.goto(`${BASE}staff.html?idle=8`);
  await page2.locator(W('unlock-pass')).waitFor({ timeout: 30000 });
  await page2.locator('[data-staff="countdown"]').filter({ hasText: '1 分钟后自动结束办理' }).waitFor();
  await unlock(page2);
  await typeCitizen(page2, C);
  assert.ok((await residue(page2, values(C))).length > 0, 'C is in the open case');
  await page2.locator('[data-staff="status"]').filter({ hasText: '长时间无操作' }).waitFor({ timeout: 20000 });
  await page2.locator(W('unlock-pass')).waitFor();
  assert.deepEqual(await residue(page2, values(C)), [], 'nothing of citizen C is left');
  assertNoProblems(problems2);
  await context2.close();
});

test('the operations log names the forms and the controls filled, never a value', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await openDesk(page, 600);
  await createStaffVault(page);

  await typeCitizen(page, A);
  await fillForm(page);
  // Ended at once: the case ends only once its log entry is saved.
  await page.locator('[data-staff="end"]').click();
  await page.locator(W('unlock-pass')).waitFor();

  await unlock(page);
  await page.locator('[data-staff="form"]').selectOption('forms/pension.html');
  await page.frameLocator('iframe[data-staff-form]').locator('input').first().waitFor();
  await typeCitizen(page, B);
  await fillForm(page);
  await page.locator(W('staff-log-entry')).nth(1).waitFor();
  await page.locator('[data-staff="end"]').click();
  await page.locator(W('unlock-pass')).waitFor();
  await unlock(page);

  // (Before axe, which applies inline styles the page's policy refuses.)
  assertNoProblems(problems);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on the staff desk:\n${describe(violations)}`);

  const entries = await page.locator(W('staff-log-entry')).allTextContents();
  assert.equal(entries.length, 2, entries.join('\n'));
  const forms = await page.locator(W('staff-log-form')).allTextContents();
  assert.deepEqual(forms.sort(), ['forms/id-card.html', 'forms/pension.html']);
  const idCard = entries.find((e) => e.includes('forms/id-card.html'));
  assert.match(idCard, /xm/);
  assert.match(idCard, /gmsfhm/);
  for (const v of [...values(A), ...values(B)]) {
    assert.ok(!entries.join('\n').includes(v), 'no value in the log');
  }
  await context.close();
});
