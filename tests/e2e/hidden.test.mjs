// A value reaches only a field the person can see, and only the control they reviewed.
// The demonstration page forms/trap.html asks visibly for a name and a mobile number and hides
// sixteen more fields, each in its own way (its data-trap attribute names the reason OnceFill
// must give); between review and fill, a page script can swap the handles OnceFill put on two
// controls and rewrite a label.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open, fillApproved } from './lib/widget.mjs';

let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/** A page at phone width with the demo profile loaded and the review open. */
async function review(url) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const problems = await open(page, url);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  return { page, problems };
}

/** Every control of the page and its same-origin frames, with its value and data-trap. */
async function controls(page) {
  const out = [];
  for (const frame of page.frames()) {
    out.push(...(await frame.$$eval('input, select, textarea', (els) => els.map((e) => ({
      name: e.name,
      value: e.type === 'checkbox' || e.type === 'radio' ? (e.checked ? e.value : '') : e.value,
      trap: e.getAttribute('data-trap') || e.ownerDocument.defaultView.frameElement?.getAttribute('data-trap') || null,
    })))));
  }
  return out;
}

test('on a page that hides fields, only what the person can see is filled, and review shows each hidden field, locked, with its reason', async () => {
  const { page, problems } = await review(`${BASE}forms/trap.html`);
  const traps = (await controls(page)).filter((c) => c.trap);
  assert.ok(traps.length >= 16, `${traps.length} hidden controls`);
  assert.ok(new Set(traps.map((t) => t.trap)).size >= 7, 'every kind of hiding is on the page');

  // Only the two visible fields are ticked.
  const steps = page.locator(W('step'));
  assert.deepEqual(await steps.evaluateAll((els) => els.map((e) => e.dataset.key)), ['person.name', 'contact.mobile']);
  // Each hidden field the profile could answer is listed, unticked, locked, with its reason.
  const hidden = page.locator(W('hidden-step'));
  const rows = await hidden.evaluateAll((els) => els.map((e) => {
    const box = e.querySelector('input[type=checkbox]');
    return {
      label: e.querySelector('label').innerText.trim(),
      reason: e.dataset.reason,
      text: e.querySelector('[data-of="hidden-reason"]').innerText,
      checked: box.checked,
      disabled: box.disabled,
    };
  }));
  const expected = {
    公民身份号码: 'hidden.opacity', 户籍地址: 'hidden.opacity', 出生日期: 'hidden.offscreen',
    民族: 'hidden.clipped', 性别: 'hidden.clipped', 电子邮箱: 'hidden.clipped', 邮政编码: 'hidden.tiny',
    姓名拼音: 'hidden.tiny', 婚姻状况: 'hidden.tiny', 邮箱: 'hidden.tiny', 身份证号: 'hidden.same-colour',
    政治面貌: 'hidden.covered', 文化程度: 'hidden.offscreen', 国籍: 'hidden.offscreen', 身份证号码: 'hidden.frame',
  };
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.label, r.reason])), expected);
  for (const r of rows) {
    assert.ok(!r.checked && r.disabled, `${r.label} is unticked and cannot be ticked`);
    assert.ok(r.text.length > 4 && !r.text.includes('hidden'), `${r.label}: a plain reason (${r.text})`);
  }
  assert.match(await page.locator(W('hidden')).innerText(), /网页藏起了以下字段/);
  // Clicking a locked box changes nothing.
  await hidden.first().locator('input[type=checkbox]').click({ force: true });
  assert.equal(await hidden.first().locator('input[type=checkbox]').isChecked(), false);
  assert.match(await page.locator(W('fill')).innerText(), /2 项/);
  // The hidden field the profile cannot answer is among the skipped ones, with the same kind of reason.
  assert.match(await page.locator(W('skipped')).evaluate((e) => e.textContent), /网页把这个字段藏了起来（它在一个看不见的框架里）/);

  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor();
  assert.equal(await report.getAttribute('data-filled'), '2');
  assert.equal(await report.getAttribute('data-failed'), '0');
  const after = await controls(page);
  assert.deepEqual(after.filter((c) => c.value && !c.trap).map((c) => [c.name, c.value]),
    [['name', '王小明'], ['mobile', '13800138000']]);
  assert.deepEqual(after.filter((c) => c.trap && c.value).map((c) => c.name), [], 'no hidden field holds a value');
  assertNoProblems(problems);
  await page.close();
});

test('a page that swaps the ids of two fields and rewrites a label after review gets nothing into the wrong field', async () => {
  const { page, problems } = await review(`${BASE}forms/pension.html`);
  assert.equal(await page.locator(W('step')).count(), 8);
  await page.evaluate(() => {
    const name = document.getElementById('aac003');
    const mobile = document.getElementById('aae005');
    // Each now says it is the other (id and name), as a page that moves its fields about would.
    [name.id, mobile.id] = [mobile.id, name.id];
    const n = name.name;
    name.name = mobile.name;
    mobile.name = n;
    // The ID number's cell now asks for something else.
    const cell = document.getElementById('aac002').closest('tr').querySelector('th, td');
    cell.textContent = '推荐人手机号码';
  });
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor();
  assert.equal(await report.getAttribute('data-failed'), '3');
  assert.equal(await report.getAttribute('data-filled'), '5');
  const failed = await report.innerText();
  assert.equal(failed.match(/核对后字段已被网页改动/g)?.length, 3, failed);
  const value = (sel) => page.locator(sel).inputValue();
  // #aac003 is now the field that was reviewed as the mobile number's, and #aae005 the name's.
  assert.equal(await value('#aac003'), '', 'the name field got neither the name nor the number');
  assert.equal(await value('#aae005'), '');
  assert.equal(await value('#aac002'), '', 'the relabelled field got nothing');
  assert.equal(await value('#aac006'), '1990-03-07', 'the rest is filled');
  assertNoProblems(problems);
  await page.close();
});

test('a field the page replaces after review with a look-alike is refused', async () => {
  const { page, problems } = await review(`${BASE}forms/pension.html`);
  await page.evaluate(() => {
    // Same tag, id, name and place: a new element all the same, not the one reviewed.
    const reviewed = document.getElementById('aac003');
    reviewed.replaceWith(reviewed.cloneNode(true));
  });
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  assert.match(await page.locator(W('report')).innerText(), /姓名：字段已不在页面上/);
  assert.equal(await page.locator('#aac003').inputValue(), '');
  assertNoProblems(problems);
  await page.close();
});
