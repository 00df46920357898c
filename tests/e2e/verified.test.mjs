// Verified values (an electronic licence's, or checked at a service hall): their badge in the
// editor and in review, the question before one is changed, and a form whose mapping wants
// verified data. The profile comes in as a person's backup would: the fixture
// fixtures/verified-profile.json, sealed with `oncefill backup seal` under PASS.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { axeViolations, describe } from './lib/axe.mjs';
import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open, settled } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
const BACKUP = fileURLToPath(new URL('./fixtures/verified-profile.oncefill', import.meta.url));
const PASS = 'Hangzhou-teapot-1990';
const CREDENTIAL = '已核验 · 电子证照（demo.oncefill.example，2026-11-30）';
const STAFF = '已核验 · 窗口核验（chaoyang-hall，2026-11-20）';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/**
 * Opens the pension form and imports the backup in place of the empty profile. `verified`:
 * elements the form's mapping is made to want verified data for (as a test-only copy of
 * the site's mapping).
 */
async function withVerifiedProfile({ verified = [], width = 1280, elder = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 1000 }, locale: 'zh-CN' });
  if (verified.length) {
    await page.route('**/mappings/pension.json', async (route) => {
      const response = await route.fetch();
      const mapping = await response.json();
      for (const field of mapping.fields) {
        if (verified.includes(field.key)) field.verified = true;
      }
      await route.fulfill({ response, json: mapping });
    });
  }
  const problems = await open(page, FORM);
  await page.locator(W('launcher')).click();
  if (elder) {
    await page.locator(W('elder')).click();
    await page.locator('[data-oncefill-host] .of-root.of-elder').waitFor({ state: 'attached' });
  }
  await page.locator(W('settings')).click();
  await page.locator(W('import-file')).setInputFiles(BACKUP);
  await page.locator(W('import-pass')).fill(PASS);
  await page.locator(W('import-open')).click();
  await page.locator(W('import-preview')).waitFor({ timeout: 60000 });
  await page.locator(W('import-replace')).click();
  await page.locator(W('editor')).waitFor();
  return { page, problems };
}

/** The editor row of an element. */
function row(page, key) {
  return page.locator('[data-oncefill-host] .of-record .of-row', { has: page.locator(`[data-of="field-${key}"]`) });
}

/** The review row of an element. */
function step(page, key) {
  return page.locator(`${W('step')}[data-key="${key}"]`);
}

test('a verified value shows its badge, in words, in the editor and in review; a self-declared one none', async () => {
  const { page, problems } = await withVerifiedProfile();
  const name = row(page, 'person.name').locator('[data-of="verified-badge"]');
  assert.equal(await name.innerText(), `✓ ${CREDENTIAL}`);
  assert.equal(await row(page, 'person.hukou_address').locator('[data-of="verified-badge"]').innerText(), `✓ ${STAFF}`);
  assert.equal(await row(page, 'person.id_number').locator('[data-of="verified-badge"]').count(), 0);
  assert.equal(await row(page, 'contact.mobile').locator('[data-of="verified-badge"]').count(), 0);
  assert.equal(await page.locator(W('verified-badge')).count(), 2, 'only the verified values have one');
  // A screen reader hears it with the input: the badge describes the field.
  const described = await page.locator(W('field-person.name')).getAttribute('aria-describedby');
  assert.equal(described, await name.getAttribute('id'));

  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  assert.match(await step(page, 'person.name').locator('[data-of="verified-badge"]').innerText(), /已核验 · 电子证照/);
  assert.match(await step(page, 'person.hukou_address').locator('[data-of="verified-badge"]').innerText(), /已核验 · 窗口核验/);
  assert.equal(await step(page, 'person.id_number').locator('[data-of="verified-badge"]').count(), 0);
  assert.equal(await page.locator(W('unverified')).count(), 0, 'the form wants no verified data');
  assertNoProblems(problems);
  await page.close();
});

test('changing a verified value asks first: cancelling keeps it verified, confirming makes it self-declared', async () => {
  const { page, problems } = await withVerifiedProfile();
  const name = page.locator(W('field-person.name'));
  const badge = row(page, 'person.name').locator('[data-of="verified-badge"]');
  const question = page.locator(W('verified-confirm'));

  await name.fill('王晓明');
  assert.equal(await badge.count(), 0, 'the badge goes as the value is typed over');
  await name.press('Tab');
  await question.waitFor();
  assert.match(await question.innerText(), /此项是经核验的资料。修改后将变为自填，不再显示已核验。确定修改吗？/);
  assert.match(await question.innerText(), /要修改的项目：姓名/);
  assert.ok(!(await question.innerText()).includes('王'), 'the question never quotes a value');
  assert.equal(await question.getAttribute('role'), 'alert');

  await page.locator(W('verified-confirm-cancel')).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(await name.inputValue(), '王小明', 'the verified value is back');
  assert.equal(await badge.innerText(), `✓ ${CREDENTIAL}`);

  // Saving asks the same question; confirming writes the change.
  await name.fill('王晓明');
  await page.locator(W('save')).click();
  await question.waitFor();
  assert.equal(await page.locator('[data-oncefill-host] .of-summary').count(), 0, 'it is no error');
  await page.locator(W('verified-confirm-yes')).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(await name.inputValue(), '王晓明');
  assert.equal(await badge.count(), 0, 'now self-declared: no badge');
  assert.equal(await row(page, 'person.hukou_address').locator('[data-of="verified-badge"]').count(), 1, 'the other stays verified');

  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  assert.equal(await step(page, 'person.name').locator('[data-of="verified-badge"]').count(), 0);
  assertNoProblems(problems);
  await page.close();
});

test('a field the form wants verified data for is unticked, with a note in words, when the value is self-declared', async () => {
  const { page, problems } = await withVerifiedProfile({ verified: ['person.name', 'person.ethnicity'] });
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  const ethnicity = step(page, 'person.ethnicity');
  await ethnicity.locator('[data-of="unverified"]').waitFor();
  assert.equal(await ethnicity.locator('[data-of="unverified"]').innerText(), '此项要求经核验的资料，您的资料是自填的');
  assert.ok(!(await ethnicity.locator('input[type=checkbox]').isChecked()), 'left unticked');
  assert.ok(await ethnicity.locator('input[type=checkbox]').isEnabled(), 'the person may still tick it');

  const name = step(page, 'person.name');
  assert.ok(await name.locator('input[type=checkbox]').isChecked(), 'verified: ticked as usual');
  assert.equal(await name.locator('[data-of="unverified"]').count(), 0);
  assert.equal(await name.locator('[data-of="verified-badge"]').count(), 1);
  assert.equal(await page.locator(W('unverified')).count(), 1, 'only the field that asks for it');
  assertNoProblems(problems);
  await page.close();
});

/** Asserts that axe finds nothing in the widget, naming the screen in the message. */
async function clean(page, screen) {
  await settled(page);
  const violations = await axeViolations(page, '[data-oncefill-host]');
  assert.deepEqual(violations.map((v) => v.id), [], `axe on ${screen}:\n${describe(violations)}`);
}

for (const elder of [false, true]) {
  test(`axe finds nothing with badges, the question and the note, on a phone${elder ? ' in 长辈版' : ''}`, async () => {
    const { page, problems } = await withVerifiedProfile({ verified: ['person.ethnicity'], width: 360, elder });
    await clean(page, 'the editor with badges');
    await page.locator(W('field-person.name')).fill('王晓明');
    await page.locator(W('field-person.name')).press('Tab');
    await page.locator(W('verified-confirm')).waitFor();
    await clean(page, 'the question before a verified value is changed');
    await page.locator(W('verified-confirm-cancel')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('review')).waitFor();
    await clean(page, 'the review with a badge and a note');
    assertNoProblems(problems);
    await page.close();
  });
}
