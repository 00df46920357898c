// 一件事 bundles: a bundle form shows the whole event's forms with their progress, asks once
// for what the event still needs, and counts a form as done once it is filled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open, fillApproved, saveInPageOnly } from './lib/widget.mjs';

let browser;
before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/** The company registration form, with the demo profile loaded into the widget. */
async function companyFormWithDemo() {
  const page = await browser.newPage({ locale: 'zh-CN' });
  const problems = await open(page, `${BASE}forms/samr-company.html`);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  return { page, problems };
}

/** Empties one of the firm's fields in the editor, as a person would, and saves. */
async function clearFirmField(page, key) {
  await page.locator(W('record-f1')).click();
  await page.locator(W(`field-${key}`)).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await saveInPageOnly(page);
}

test('a bundle form shows the event, asks for what is missing once, and counts progress', async () => {
  const { page, problems } = await companyFormWithDemo();
  await page.locator(W('to-review')).click();
  const bundle = page.locator(W('bundle'));
  await bundle.waitFor();
  const text = await bundle.innerText();
  assert.match(text, /企业开办一件事 · 已完成 0 \/ 2 张表/);
  assert.match(text, /公司登记附表：人员信息/);
  assert.equal(await bundle.locator('a[href$="forms/samr-company-annex.html"]').count(), 1, 'the next form is one click away');
  // A checkbox step says in words what happens to the box (its label is the step's title).
  const longTerm = page.locator(`${W('step')}[data-key="firm.term_to"]`).filter({ hasText: '☑' });
  assert.match(await longTerm.innerText(), /☑ 打勾/);
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  await page.locator(W('back-to-review')).click();
  await page.locator(W('back')).click();
  await page.locator(W('to-review')).click();
  assert.match(await page.locator(W('bundle')).innerText(), /已完成 1 \/ 2 张表/);
  assert.equal(await page.locator(`${W('bundle-form')}[data-filled="true"]`).count(), 1);
  assertNoProblems(problems);
  await page.close();
});

test("the firm's own phone, when the profile lacks it, is asked once, kept on the firm, and filled", async () => {
  const { page, problems } = await companyFormWithDemo();
  await clearFirmField(page, 'contact.landline');
  await page.locator(W('to-review')).click();
  // The bundle's forms also ask the finance officer's and liaison's landlines: each is its own
  // question, and the firm's is tagged as the firm's.
  const need = page
    .locator(W('need'))
    .filter({ has: page.locator('[data-of="field-contact.landline"]') })
    .filter({ has: page.locator('.of-role-tag', { hasText: '本单位' }) });
  await need.waitFor();
  await need.locator('[data-of="field-contact.landline"]').fill('0571-86660000');
  await page.locator(W('save-missing')).click();
  await page.locator(`${W('step')}[data-key="contact.landline"]`).waitFor();
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  assert.equal(await page.locator('input[name=tel]').inputValue(), '0571-86660000');
  // Kept on the firm's record: the editor shows it there, and the owner has no landline.
  await page.locator(W('back-to-review')).click();
  await page.locator(W('back')).click();
  await page.locator(W('record-f1')).click();
  assert.equal(await page.locator(W('field-contact.landline')).inputValue(), '0571-86660000');
  await page.locator(W('record-p1')).click();
  assert.equal(await page.locator(W('field-contact.landline')).inputValue(), '');
  assertNoProblems(problems);
  await page.close();
});

test("a role's own detail the profile lacks (the legal representative's 职务) is asked once and kept on the role", async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  const problems = await open(page, `${BASE}forms/samr-company-annex.html`);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await clearFirmField(page, 'rep.position');
  await page.locator(W('to-review')).click();
  const need = page
    .locator(W('need'))
    .filter({ has: page.locator('[data-of="field-rep.position"]') });
  await need.waitFor();
  assert.match(await need.innerText(), /法定代表人/);
  await need.locator('[data-of="field-rep.position"]').fill('执行董事兼总经理');
  await page.locator(W('save-missing')).click();
  await page.locator(`${W('step')}[data-key="rep.position"]`).waitFor();
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  assert.equal(await page.locator('input[name="lerep.position"]').inputValue(), '执行董事兼总经理');
  await page.locator(W('back-to-review')).click();
  await page.locator(W('back')).click();
  await page.locator(W('record-f1')).click();
  assert.equal(await page.locator(W('field-rep.position')).first().inputValue(), '执行董事兼总经理');
  assertNoProblems(problems);
  await page.close();
});
