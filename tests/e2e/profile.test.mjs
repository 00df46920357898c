// The profile editor: a household, a firm with its people in roles, mandates, masking and
// the completeness view — driven as a person would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open, saveInPageOnly } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

async function openDemo() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  const problems = await open(page, FORM);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  return { page, problems };
}

test('the household, the firm and its roles are listed; a child is flagged as a minor', async () => {
  const { page, problems } = await openDemo();
  const nav = await page.locator('[data-oncefill-host] .of-nav').innerText();
  for (const text of ['本人：王小明', '配偶：李华', '子女：王小宝', '杭州示例科技有限公司']) {
    assert.ok(nav.includes(text), `${text} in ${nav}`);
  }
  assert.match(await page.locator(W('record-p3')).innerText(), /未成年/);

  await page.locator(W('record-f1')).click();
  const roles = page.locator(W('role'));
  assert.equal(await roles.count(), 5);
  assert.equal(await page.locator(W('role-person-0')).inputValue(), 'p1', 'the owner is the legal representative');
  assert.equal(await page.locator(W('field-firm.uscc')).inputValue(), '91330106MA2H3K7D8R');
  assertNoProblems(problems);
  await page.close();
});

test('sensitive values are masked until the person asks to see them', async () => {
  const { page, problems } = await openDemo();
  const id = page.locator(W('field-person.id_number'));
  assert.equal(await id.inputValue(), '1101**********1239');
  const reveal = page.locator('[data-oncefill-host] button[aria-label^="显示"][aria-label$="公民身份号码"]');
  await reveal.click();
  assert.equal(await id.inputValue(), '110105199003071239');
  await page.locator('[data-oncefill-host] button[aria-label^="隐藏"][aria-label$="公民身份号码"]').click();
  assert.equal(await id.inputValue(), '1101**********1239');
  assertNoProblems(problems);
  await page.close();
});

test('a new household member is entered once, checked, saved, and can be deleted', async () => {
  const { page, problems } = await openDemo();
  await page.locator(W('add-person')).selectOption('mother');
  await page.locator(W('field-person.name')).fill('张桂英');
  await page.locator(W('field-person.id_number')).click();
  await page.keyboard.type('33010619580612042');
  await page.keyboard.press('Tab');
  // One character short: a clear message, nothing saved.
  await page.locator(W('save')).click();
  assert.match(await page.locator(W('error-person.id_number')).innerText(), /应为18位/);
  await page.locator(W('field-person.id_number')).click();
  await page.keyboard.press('End');
  // 33010619580612042 + check character: computed by the same rule the test asserts below.
  const body = '33010619580612042';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  await page.keyboard.type('10X98765432'[sum % 11]);
  await page.keyboard.press('Tab');
  assert.equal(await page.locator(W('field-person.birth_date')).inputValue(), '1958-06-12');
  assert.ok(await page.locator(W('field-person.sex-2')).isChecked(), 'female from the 17th digit');
  await saveInPageOnly(page);
  const nav = page.locator('[data-oncefill-host] .of-nav');
  assert.match(await nav.innerText(), /母亲：张桂英/);

  await page.locator(W('remove')).click();
  await page.locator(W('confirm-remove')).click();
  assert.doesNotMatch(await nav.innerText(), /张桂英/);
  assertNoProblems(problems);
  await page.close();
});

test('the completeness view lists what is still empty and leads there', async () => {
  const { page, problems } = await openDemo();
  await page.locator(W('record-completeness')).click();
  const view = page.locator(W('completeness'));
  const text = await view.innerText();
  assert.match(text, /本人：王小明[\s\S]*已填 7 \/ 8 项[\s\S]*居住地址/);
  await view.locator('button').first().click();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王小明');
  assertNoProblems(problems);
  await page.close();
});
