// What a person new to OnceFill (often an elderly one) meets: wording that says what happened
// and nothing else, errors where the eyes and the focus are, a dialog the keyboard cannot fall
// out of, wizards reviewed one step at a time, a row in review for every value written, and
// sizes that follow the browser's font-size setting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, createVault, open, fillApproved } from './lib/widget.mjs';

const PASS = '门前大桥下游过一群鸭';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/** A context as a person's browser: Chinese, and a screen `width` px wide. */
function person(width = 1280) {
  return browser.newContext({ locale: 'zh-CN', viewport: { width, height: 800 } });
}

async function newPage(context, path = 'forms/pension.html') {
  const page = await context.newPage();
  const problems = await open(page, `${BASE}${path}`);
  return { page, problems };
}

/** What has the focus inside the widget's shadow root: its data-of, id and tag. */
function focused(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    const el = root.activeElement;
    return el ? { of: el.getAttribute('data-of'), id: el.id, tag: el.tagName } : null;
  });
}

test('one wrong passphrase is told plainly: no wait, no "many tries", no damaged file', async () => {
  const context = await person();
  const { page, problems } = await newPage(context);
  await createVault(page, PASS);
  const status = await page.locator(W('vault-status')).innerText();
  assert.equal(status.split('已加密保存').length - 1, 1, `said once: ${status}`);
  assert.match(status, /最近保存于 \d\d:\d\d/);

  await page.reload();
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill('not my passphrase');
  await page.locator(W('unlock')).click();
  await page.locator(W('vault-error')).waitFor();
  const said = await page.locator(`${W('unlock-form')} [aria-live]`).innerText();
  assert.match(said, /密码不正确/);
  assert.doesNotMatch(said, /损坏|文件|次数较多|秒后再试/, said);
  assert.equal(await page.locator(W('unlock-wait')).count(), 0);
  assert.ok(await page.locator(W('unlock')).isEnabled());
  for (let i = 0; i < 2; i++) {
    await page.waitForFunction(() => {
      const b = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="unlock"]');
      return b && !b.disabled;
    });
    await page.locator(W('unlock-pass')).fill('not my passphrase');
    await page.locator(W('unlock')).click();
  }
  assert.match(await page.locator(W('unlock-wait')).innerText(), /已连续输错 3 次，请 \d+ 秒后再试/);
  assertNoProblems(problems);
  await context.close();
});

test('the first 保存资料 without a vault sets one up in one screen, or keeps the profile in the page only, said so', async () => {
  const context = await person();
  const { page, problems } = await newPage(context);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('save')).click();
  const form = page.locator(W('passphrase-form'));
  await form.waitFor();
  const choice = page.locator(W('memory-only-choice'));
  assert.equal((await choice.innerText()).trim(), '只在本页临时使用（关闭后不保留）');
  assert.match(await form.innerText(), /关闭或刷新页面就没有了/);
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await page.waitForFunction(() => document.querySelector('[data-oncefill-host]')
    .shadowRoot.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored'));
  assert.equal(await page.locator(W('editor')).count(), 1, 'back on the editor once saved');
  // Kept: after a reload the page finds the vault and asks for its passphrase.
  await page.reload();
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('vault-status')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王小明');
  assertNoProblems(problems);
  await context.close();

  // The other choice: nothing stored, and the person is told so on every save.
  const other = await person();
  const second = await newPage(other);
  const p2 = second.page;
  await p2.locator(W('launcher')).click();
  await p2.locator(W('load-demo')).click();
  await p2.locator(W('save')).click();
  await p2.locator(W('memory-only-choice')).click();
  const kept = p2.locator(W('memory-kept'));
  await kept.waitFor();
  assert.match(await kept.innerText(), /已记下（\d\d:\d\d）。.*关闭或刷新页面后不保留/);
  await p2.locator(W('save')).click();
  assert.equal(await p2.locator(W('passphrase-form')).count(), 0, 'asked once');
  assert.equal(await p2.locator(W('editor')).count(), 1);
  await p2.reload();
  await p2.locator(W('launcher')).click();
  assert.equal(await p2.locator(W('unlock-pass')).count(), 0, 'no vault was made');
  assert.equal(await p2.locator(W('field-person.name')).inputValue(), '', 'and nothing kept');
  assertNoProblems(second.problems);
  await other.close();
});

test('erasing everything says it was done', async () => {
  const context = await person();
  const { page } = await newPage(context);
  await createVault(page, PASS);
  await page.locator(W('settings')).click();
  await page.locator(W('erase')).click();
  await page.locator(W('confirm-erase')).click();
  const erased = page.locator(W('erased'));
  await erased.waitFor();
  assert.match(await erased.innerText(), /已全部删除/);
  assert.equal(await erased.getAttribute('role'), 'status');
  await context.close();
});

test('下一步 with a wrong value puts the focus on it, in view, with its message linked', async () => {
  for (const width of [1280, 360]) {
    const context = await person(width);
    const { page, problems } = await newPage(context, 'forms/pension.html');
    await page.locator(W('launcher')).click();
    await page.locator(W('load-demo')).click();
    // A number from a block no mobile has: told so, not told it must be 11 digits from 1.
    const typed = page.locator(W('field-contact.mobile'));
    await typed.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12800138000');
    await page.locator(W('field-person.name')).focus();
    await page.locator(W('to-review')).click();
    const mobile = page.locator(W('field-contact.mobile'));
    assert.deepEqual(await focused(page), { of: 'field-contact.mobile', id: await mobile.getAttribute('id'), tag: 'INPUT' });
    assert.equal(await mobile.getAttribute('aria-invalid'), 'true');
    const described = await mobile.getAttribute('aria-describedby');
    const message = await page.locator(`[data-oncefill-host] #${described}`).innerText();
    assert.match(message, /开头不是手机号段/);
    assert.doesNotMatch(message, /以1开头的11位数字/);
    const box = await mobile.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `in view: ${JSON.stringify(box)}`);
    assert.ok(box.x >= 0 && box.x + box.width <= width, `in view: ${JSON.stringify(box)}`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('the panel is a modal dialog: Tab stays inside, Esc closes it back to the launcher, no second banner', async () => {
  const context = await person();
  const { page, problems } = await newPage(context);
  const cdp = await context.newCDPSession(page);
  const banners = async () => {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.role?.value === 'banner').length;
  };
  const before = await banners();
  await page.locator(W('launcher')).click();
  const panel = page.locator(W('panel'));
  assert.equal(await panel.getAttribute('role'), 'dialog');
  assert.equal(await panel.getAttribute('aria-modal'), 'true');
  assert.equal(await banners(), before, 'the widget adds no banner landmark');
  assert.equal(await page.locator('[data-oncefill-host] header, [data-oncefill-host] [role=banner]').count(), 0);

  const inside = () =>
    page.evaluate(() => {
      const root = document.querySelector('[data-oncefill-host]').shadowRoot;
      return !!root.activeElement && root.querySelector('[data-of="panel"]').contains(root.activeElement);
    });
  // Round the whole panel and on: the focus never leaves it.
  await page.locator(W('close')).focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await inside(), `Tab ${i + 1} left the panel`);
  }
  await page.locator(W('close')).focus();
  const last = await page.evaluate(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    const all = [...root.querySelectorAll('[data-of="panel"] button:not([disabled]), [data-of="panel"] input:not([disabled]), [data-of="panel"] select:not([disabled]), [data-of="panel"] textarea:not([disabled]), [data-of="panel"] a[href]')]
      .filter((el) => el.getClientRects().length > 0);
    return all[all.length - 1].getAttribute('data-of');
  });
  // From the first control (the 长辈版 switch), Shift+Tab goes round to the last.
  await page.locator(W('elder')).focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).of, last);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).of, 'elder', 'and Tab from the last comes back to the first');

  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal((await focused(page)).of, 'launcher');
  assertNoProblems(problems);
  await context.close();
});

test('a wizard is reviewed and filled one step at a time, and reopening shows no old report', async () => {
  const context = await person();
  const { page, problems } = await newPage(context, 'forms/birth-wizard.html');
  const labels = () => page.locator(`${W('review')} .of-step-label`).allInnerTexts();
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  const first = await labels();
  assert.ok(first.includes('母亲姓名') && first.includes('父亲姓名'), first.join('|'));
  for (const later of ['申报人姓名', '监护人姓名', '参保人姓名']) {
    assert.ok(!first.includes(later), `${later} is on a later step: ${first.join('|')}`);
  }
  assert.doesNotMatch(await page.locator(W('review')).innerText(), /申报人姓名|监护人姓名/);
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor();
  assert.equal(await report.getAttribute('data-failed'), '0', await report.innerText());
  assert.doesNotMatch(await report.innerText(), /请手动填写/);
  const back = await page.locator(W('back-to-review')).innerText();
  assert.notEqual(back, '核对将要填写的内容', 'after a fill, the button says where it goes');
  await page.locator(W('done')).click();

  await page.locator('[data-next]:visible').first().click();
  await page.locator(W('launcher')).click();
  await page.locator(W('editor')).waitFor();
  assert.equal(await page.locator(W('report')).count(), 0, 'no report of the step before');
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  const second = await labels();
  assert.ok(second.includes('申报人姓名'), second.join('|'));
  assert.ok(!second.includes('母亲姓名'), `step 1 is done: ${second.join('|')}`);
  await fillApproved(page);
  await report.waitFor();
  assert.equal(await report.getAttribute('data-failed'), '0', await report.innerText());
  assert.equal(await page.locator('#sbrxm').inputValue(), '王小明');
  assertNoProblems(problems);
  await context.close();
});

test('a cascade of selects has a row in review for each value written', async () => {
  const context = await person();
  const { page, problems } = await newPage(context, 'forms/samr-company.html');
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  const later = page.locator(`${W('step')}:has([data-of="later"])`);
  await later.first().waitFor();
  const rows = await later.allInnerTexts();
  assert.ok(rows.some((r) => r.includes('杭州市')), rows.join('|'));
  assert.ok(rows.some((r) => r.includes('西湖区')), rows.join('|'));
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor();
  assert.equal(await report.getAttribute('data-failed'), '0', await report.innerText());
  assert.equal(await page.locator('select[name=domCity]').inputValue(), '330100');
  assert.equal(await page.locator('select[name=domCounty]').inputValue(), '330106');

  // Unticked in review, a cascade's select is left alone.
  await page.reload();
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await later.filter({ hasText: '西湖区' }).locator('input[type=checkbox]').uncheck();
  await fillApproved(page);
  await report.waitFor();
  assert.equal(await page.locator('select[name=domCity]').inputValue(), '330100');
  assert.equal(await page.locator('select[name=domCounty]').inputValue(), '');
  assertNoProblems(problems);
  await context.close();
});

test("the widget grows with the browser's font size", async () => {
  const sizes = async (standard) => {
    const context = await person();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: Math.round(standard * 0.8) } });
    await open(page, `${BASE}forms/pension.html`);
    await page.locator(W('launcher')).click();
    const measure = (sel) =>
      page.locator(W(sel)).evaluate((el) => {
        const s = getComputedStyle(el);
        return { font: parseFloat(s.fontSize), height: el.getBoundingClientRect().height };
      });
    const out = { launcher: await measure('launcher'), demo: await measure('load-demo'), panel: await page.locator(W('panel')).evaluate((el) => el.getBoundingClientRect().width) };
    await context.close();
    return out;
  };
  const normal = await sizes(16);
  const large = await sizes(24);
  assert.equal(normal.launcher.font, 20);
  assert.equal(large.launcher.font, 30, 'the launcher’s text is 1.5 times as large');
  assert.equal(large.demo.font, 27);
  assert.ok(large.demo.height >= normal.demo.height * 1.4, `buttons grow: ${normal.demo.height} → ${large.demo.height}`);
  assert.ok(large.panel > normal.panel, `the panel widens: ${normal.panel} → ${large.panel}`);
});
