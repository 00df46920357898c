// What a new person meets on OnceFill's own pages: the launcher a few Tab presses away, a home
// page whose first screen says what to do, a floating button that covers no text, no dead end
// on a page without a form, and a 国籍 list that starts with 中国 and can be searched.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open } from './lib/widget.mjs';

let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

function person(width = 1280, height = 800) {
  return browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
}

/** Where the keyboard focus is: the skip link, the launcher, or something else. */
function focusAt(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    if (el.hasAttribute('data-oncefill-host')) {
      const inner = el.shadowRoot.activeElement;
      return inner ? `widget:${inner.getAttribute('data-of')}` : 'widget';
    }
    if (el.hasAttribute('data-oncefill-skip')) return 'skip';
    return `page:${el.tagName}`;
  });
}

for (const path of ['forms/pension.html', 'index.html']) {
  test(`the launcher is within 3 Tab presses on ${path}: a skip link comes first`, async () => {
    const context = await person();
    const page = await context.newPage();
    const problems = await open(page, `${BASE}${path}`);
    // Out of sight until it has the focus.
    const skip = page.locator('[data-oncefill-skip]');
    assert.equal(await skip.count(), 1);
    assert.ok((await skip.boundingBox()).width <= 1, 'hidden before it has the focus');

    let presses = 0;
    let at = await focusAt(page);
    while (at !== 'widget:launcher' && presses < 3) {
      await page.keyboard.press('Tab');
      presses += 1;
      at = await focusAt(page);
      if (at === 'skip') {
        const box = await skip.boundingBox();
        assert.ok(box.width > 100 && box.y >= 0 && box.y < 100, 'shown at the top once focused');
        assert.match(await skip.innerText(), /跳到一次填\s*Skip to OnceFill/);
        await page.keyboard.press('Enter');
        at = await focusAt(page);
      }
    }
    assert.equal(at, 'widget:launcher', `after ${presses} Tab presses the focus is on ${at}`);
    assert.ok(presses <= 3);
    assert.equal(presses, 1, 'the skip link is the first Tab stop');
    // Enter on the launcher opens the panel.
    await page.keyboard.press('Enter');
    await page.locator(W('panel')).waitFor();
    assertNoProblems(problems);
    await context.close();
  });
}

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test(`the home page's first screen at ${width}×${height} shows how to start`, async () => {
    const context = await person(width, height);
    const page = await context.newPage();
    const problems = await open(page, `${BASE}index.html`);
    const start = page.locator('a[data-start]');
    assert.match(await start.innerText(), /开始填表/);
    assert.match(await start.getAttribute('href'), /forms\/pension\.html$/);
    const box = await start.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= height, `the start link ends at ${box.y + box.height} px`);
    assert.ok(box.height >= 44 && box.width >= 200, 'prominent');
    // How to start: at least the first step is on the first screen too, and the launcher
    // leaves the start link uncovered.
    const first = await page.locator('.start ol.steps li').first().boundingBox();
    assert.ok(first.y + first.height <= height, `the first step ends at ${first.y + first.height} px`);
    const launcher = await page.locator(W('launcher')).boundingBox();
    assert.ok(!overlap(box, launcher), 'the launcher does not cover the start link');
    assertNoProblems(problems);
    await context.close();
  });
}

function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('on a phone the floating button covers no text at the end of the page, also with large text', async () => {
  // The button grows with the browser's font size (32 px: a fixed padding of 100 px is too
  // little then).
  for (const [path, standard] of [['index.html', 16], ['forms/pension.html', 16], ['index.html', 32], ['forms/pension.html', 32]]) {
    const context = await person(360, 740);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: Math.round(standard * 0.8) } });
    const problems = await open(page, `${BASE}${path}`);
    await page.waitForTimeout(200);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
    const launcher = await page.locator(W('launcher')).boundingBox();
    // Every piece of the page's text that is on screen, as boxes.
    const boxes = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim()) continue;
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (r.width > 0 && r.bottom > 0 && r.top < window.innerHeight) {
            out.push({ x: r.x, y: r.y, width: r.width, height: r.height, text: n.textContent.trim().slice(0, 20) });
          }
        }
      }
      return out;
    });
    assert.ok(boxes.length > 0, 'some text is on the last screen');
    const covered = boxes.filter((b) => overlap(b, launcher));
    assert.deepEqual(covered.map((b) => b.text), [], `${path} at ${standard} px: the launcher covers text`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('on a phone the floating button folds to its icon mid-page, keeps its name, and opens again at the top', async () => {
  const context = await person(360, 740);
  const page = await context.newPage();
  const problems = await open(page, `${BASE}index.html`);
  const launcher = page.locator(W('launcher'));
  await launcher.waitFor();
  const wide = await launcher.boundingBox();
  assert.ok(wide.width > 2 * wide.height, `open at the top: ${JSON.stringify(wide)}`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForTimeout(200);
  const folded = await launcher.boundingBox();
  assert.ok(folded.width <= folded.height * 1.25, `folded mid-page: ${JSON.stringify(folded)}`);
  // The words are clipped, not gone: the button's name is the same.
  assert.match(await launcher.evaluate((b) => b.textContent), /一键填表/);
  await launcher.click();
  await page.locator(W('panel')).waitFor();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  assert.ok((await launcher.boundingBox()).width > 2 * wide.height, 'open again at the top');
  // 长辈版 keeps the words wherever the page is.
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('oncefill:elder', { detail: { on: true } })));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForTimeout(200);
  const elder = await launcher.boundingBox();
  assert.ok(elder.width > 2 * elder.height, `长辈版 mid-page: ${JSON.stringify(elder)}`);
  assertNoProblems(problems);
  await context.close();
});

test('on a page without a form the panel says so and leads to a form, with no button for 0 items', async () => {
  const context = await person();
  const page = await context.newPage();
  const problems = await open(page, `${BASE}index.html`);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  const text = await page.locator(W('review')).innerText();
  assert.match(text, /本页没有表单/);
  assert.doesNotMatch(text, /本页没有找到/);
  assert.equal(await page.locator(W('fill')).count(), 0, 'no fill button');
  assert.equal(await page.locator(`${W('review')} button:disabled`).count(), 0, 'no disabled button');
  const link = page.locator(W('to-form'));
  assert.match(await link.innerText(), /示例表单/);
  await link.click();
  await page.waitForURL(/forms\/pension\.html$/);
  await page.locator(W('launcher')).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('国籍 starts with 中国, the rest by name, and typing 美 narrows the list to 美国', async () => {
  const context = await person();
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/pension.html`);
  await page.locator(W('launcher')).click();
  const select = page.locator(W('field-person.nationality')).first();
  await select.waitFor();
  // The countries' table arrives after the widget: wait for the whole list.
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    return root.querySelector('[data-of="field-person.nationality"]')?.options.length > 200;
  });
  const options = await select.evaluate((s) => [...s.options].map((o) => [o.value, o.textContent]));
  assert.deepEqual(options[0], ['', '请选择']);
  assert.deepEqual(options[1], ['CHN', '中国']);
  assert.deepEqual(options.slice(2, 5).map((o) => o[0]).sort(), ['HKG', 'MAC', 'TWN']);
  const rest = options.slice(5).map((o) => o[1]);
  assert.deepEqual(rest, [...rest].sort(), 'the rest in the order of their names');

  const search = select.locator('xpath=..').locator('input[type="search"]');
  await search.click();
  await page.keyboard.type('美');
  const narrowed = await select.evaluate((s) => [...s.options].map((o) => o.textContent));
  assert.equal(narrowed[0], '请选择');
  assert.equal(narrowed[1], '美国', narrowed.join(','));
  assert.ok(narrowed.length <= 8, `narrowed to ${narrowed.length - 1}`);
  assert.ok(narrowed.slice(1).every((n) => n.includes('美')));
  await select.selectOption('USA');
  assert.equal(await select.inputValue(), 'USA');
  assertNoProblems(problems);
  await context.close();
});
