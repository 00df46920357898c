// 长辈版 (large text): a switch on the first screen of the panel and of the home page, remembered
// on the device; in the mode every screen of the widget and of the OnceFill window has text of
// at least 18 px at a line spacing of at least 1.3 and a contrast of at least 7:1, targets of at
// least 60 × 60 px, and no horizontal scrolling at 320 px; the review asks one item per screen
// and fills what the list review fills. Outside the mode targets are at least 44 × 44 px.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, approveSensitive, assertNoProblems, open, settled } from './lib/widget.mjs';

const PASS = 'correct horse battery staple 长辈';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

function person(width = 1280, height = 800, extra = {}) {
  return browser.newContext({ locale: 'zh-CN', viewport: { width, height }, ...extra });
}

/**
 * Measures the widget as it is shown now (run in the page): what falls short of the mode's
 * sizes, spacing and contrast, described by element (never by what it says, which may be a
 * person's data). `min`: the least target size; `text`: whether text is checked too.
 */
function audit({ min, text }) {
  const host = document.querySelector('[data-oncefill-host]');
  const root = host.shadowRoot;
  const panel = root.querySelector('.of-panel');
  const scope = panel || root;
  const name = (el) =>
    `${el.localName}${el.getAttribute('data-of') ? `[data-of=${el.getAttribute('data-of')}]` : ''}` +
    `${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const rgba = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 1];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The colour behind an element: the first opaque background up the tree (through the
  // shadow root to the page).
  const behind = (el) => {
    for (let at = el; at; at = at.parentElement || at.getRootNode().host) {
      const bg = rgba(getComputedStyle(at).backgroundColor);
      if (bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];
  };
  const problems = { font: [], line: [], contrast: [], target: [], overflow: [] };
  let texts = 0;
  let targets = 0;
  const all = [...scope.querySelectorAll('*')];
  if (!panel) all.push(...root.querySelectorAll('.of-launcher'));
  for (const el of all) {
    if (!shown(el) || el.closest('option, select')) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (text && ownText) {
      texts += 1;
      const s = getComputedStyle(el);
      const size = parseFloat(s.fontSize);
      if (size < 18) problems.font.push(`${name(el)} ${size}px`);
      const line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
      if (line / size < 1.3 - 1e-6) problems.line.push(`${name(el)} ${(line / size).toFixed(2)}`);
      const fg = rgba(s.color);
      const bg = behind(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 7) problems.contrast.push(`${name(el)} ${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.slice(0, 3)}))`);
    }
  }
  const controls = scope.querySelectorAll('button, a[href], input:not([type=hidden]), select, summary, label.of-choice');
  for (const el of [...controls, ...root.querySelectorAll('.of-launcher')]) {
    if (!shown(el)) continue;
    targets += 1;
    let r = el.getBoundingClientRect();
    // A box and its label are one target: a click on either ticks it.
    if (el.type === 'checkbox' || el.type === 'radio') {
      let [l, t, rt, b] = [r.left, r.top, r.right, r.bottom];
      for (const label of el.labels || []) {
        const q = label.getBoundingClientRect();
        [l, t, rt, b] = [Math.min(l, q.left), Math.min(t, q.top), Math.max(rt, q.right), Math.max(b, q.bottom)];
      }
      r = { width: rt - l, height: b - t };
    }
    if (r.width < min - 0.5 || r.height < min - 0.5) {
      problems.target.push(`${name(el)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    problems.overflow.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of [...document.body.querySelectorAll('*'), ...root.querySelectorAll('*')]) {
      const q = el.getBoundingClientRect();
      if (shown(el) && q.right > doc.clientWidth + 1) problems.overflow.push(`${name(el)} ends at ${q.right.toFixed(0)}`);
    }
  }
  if (panel) {
    if (panel.scrollWidth > panel.clientWidth + 1) problems.overflow.push(`panel ${panel.scrollWidth} > ${panel.clientWidth}`);
    const edge = panel.getBoundingClientRect();
    for (const el of panel.querySelectorAll('*')) {
      if (!shown(el) || el.closest('.of-changes')) continue;
      const q = el.getBoundingClientRect();
      if (q.width > 0 && (q.right > edge.right + 1 || q.left < edge.left - 1)) {
        problems.overflow.push(`${name(el)} ${q.left.toFixed(0)}–${q.right.toFixed(0)} outside ${edge.left.toFixed(0)}–${edge.right.toFixed(0)}`);
      }
    }
  }
  for (const k of Object.keys(problems)) if (problems[k].length === 0) delete problems[k];
  return { problems, texts, targets, elder: !!root.querySelector('.of-root.of-elder') };
}

/** Asserts the mode's measures (or, outside the mode, the targets only) on the screen shown. */
async function measure(page, screen, elder = true) {
  // (Once the panel has slid in.)
  await settled(page);
  const r = await page.evaluate(audit, { min: elder ? 60 : 44, text: elder });
  assert.equal(r.elder, elder, `${screen}: the mode is ${elder ? 'on' : 'off'}`);
  assert.ok(r.targets > 0, `${screen}: no target measured`);
  if (elder) assert.ok(r.texts >= 2, `${screen}: only ${r.texts} texts measured`);
  assert.deepEqual(r.problems, {}, `${screen}: ${JSON.stringify(r.problems, null, 1)}`);
}

/** Turns the mode on in the open panel, from its first screen. */
async function switchOn(page) {
  const button = page.locator(W('elder'));
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.click();
  await page.locator('[data-oncefill-host] .of-root.of-elder').waitFor({ state: 'attached' });
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
}

/** Every value of the sample form's controls, by id or name. */
function formValues(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('form input, form select, form textarea')].map((el, i) => [
        el.id || el.name || `#${i}`,
        el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value,
      ]),
    ),
  );
}

/** In the step-through review: to the summary, leaving the item at `untick` (if any) unticked. */
async function stepThrough(page, untick) {
  const total = Number((await page.locator(W('step-heading')).textContent()).match(/共 (\d+) 项/)[1]);
  for (let i = 0; i < total; i += 1) {
    assert.equal(await page.locator(W('review')).getAttribute('data-step'), String(i));
    // One item per screen.
    assert.equal(await page.locator(`${W('review')} [data-of="step"]`).count(), 1);
    const box = page.locator(`${W('review')} [data-of="step"] input[type=checkbox]`);
    if (i === untick) await box.uncheck();
    // A sensitive item is approved as a person does when the form needs it.
    else if ((await page.locator(`${W('review')} [data-of="step"] [data-of="sensitive"]`).count()) > 0 &&
      !(await box.isChecked()) && (await box.isEnabled())) await box.check();
    // By keyboard: Enter on 下一项, and the focus is on the new screen's heading.
    await page.locator(W('next')).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => {
        const root = document.querySelector('[data-oncefill-host]').shadowRoot;
        return root.querySelector('[data-of="review"]').getAttribute('data-step') === n &&
          root.activeElement?.getAttribute('data-of') === 'step-heading';
      },
      i + 1 === total ? 'summary' : String(i + 1),
    );
  }
  return total;
}

test('the switch is on the first screen of the panel, is remembered, and keeps what was typed', async () => {
  const context = await person(360, 740);
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/pension.html`);
  await page.locator(W('launcher')).click();
  await page.locator(W('editor')).waitFor();
  // On the first screen, in sight without scrolling.
  const box = await page.locator(W('elder')).boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box));
  assert.match(await page.locator(W('elder')).textContent(), /长辈版/);
  await measure(page, 'editor, mode off', false);
  const name = page.locator(W('field-person.name'));
  await name.fill('李四');
  await switchOn(page);
  assert.equal(await name.inputValue(), '李四', 'what was typed stays');
  // The choice alone is stored, under one key.
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.deepEqual(stored, { 'oncefill-elder': '1' });
  await page.reload();
  await page.locator(W('launcher')).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('of-elder')));
  await page.locator(W('launcher')).click();
  assert.equal(await page.locator(W('elder')).getAttribute('aria-pressed'), 'true');
  // The entry in the settings turns it off as well.
  await page.locator(W('settings')).click();
  const setting = page.locator(W('elder-setting'));
  assert.equal(await setting.getAttribute('aria-pressed'), 'true');
  await setting.click();
  await page.locator('[data-oncefill-host] .of-root:not(.of-elder)').waitFor({ state: 'attached' });
  assert.equal(await setting.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator(W('elder')).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {});
  assertNoProblems(problems);
  await context.close();
});

test("the home page's first screen has the switch, shared with the widget", async () => {
  const context = await person(360, 740);
  const page = await context.newPage();
  const problems = await open(page, `${BASE}index.html`);
  const home = page.locator('[data-oncefill-elder]');
  const box = await home.boundingBox();
  assert.ok(box && box.y + box.height <= 740, `the switch is below the first screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 44 && box.width >= 44);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize));
  await home.click();
  assert.equal(await home.getAttribute('aria-pressed'), 'true');
  const sizes = await page.evaluate(() => {
    const p = getComputedStyle(document.querySelector('main p'));
    return { font: parseFloat(p.fontSize), line: parseFloat(p.lineHeight) / parseFloat(p.fontSize) };
  });
  assert.ok(sizes.font >= 18 && sizes.font > before, JSON.stringify({ before, ...sizes }));
  assert.ok(sizes.line >= 1.3);
  // In the mode every link and button of the page is a large target.
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('header a, header button, main a, main button, footer a')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width < 59.5 || r.height < 59.5)
      .map((r) => `${r.width.toFixed(0)}×${r.height.toFixed(0)}`));
  assert.deepEqual(small, []);
  // The widget follows the page's switch, and the page the widget's.
  await page.locator(W('launcher')).click();
  assert.equal(await page.locator(W('elder')).getAttribute('aria-pressed'), 'true');
  await page.locator('[data-oncefill-host] .of-root.of-elder').waitFor({ state: 'attached' });
  await page.reload();
  await page.locator(W('launcher')).waitFor();
  assert.equal(await home.getAttribute('aria-pressed'), 'true');
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth));
  // Another tab of the site follows.
  const other = await context.newPage();
  await open(other, `${BASE}forms/pension.html`);
  await other.locator(W('launcher')).click();
  await other.locator('[data-oncefill-host] .of-root.of-elder').waitFor({ state: 'attached' });
  await page.locator(W('launcher')).click();
  await page.locator(W('elder')).click();
  await page.waitForFunction(() => !document.documentElement.classList.contains('of-elder'));
  assert.equal(await home.getAttribute('aria-pressed'), 'false');
  await other.locator('[data-oncefill-host] .of-root:not(.of-elder)').waitFor({ state: 'attached' });
  assert.equal(await other.locator(W('elder')).getAttribute('aria-pressed'), 'false');
  assertNoProblems(problems);
  await context.close();
});

for (const [width, height] of [[320, 640], [360, 740], [1280, 800], [1920, 1080]]) {
  test(`in the mode at ${width} px every widget screen has large text, strong contrast and large targets`, async () => {
    const context = await person(width, height);
    const page = await context.newPage();
    const problems = await open(page, `${BASE}forms/pension.html`);
    await page.locator(W('launcher')).click();
    await switchOn(page);
    await measure(page, 'editor');
    await page.locator(W('load-demo')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('step-heading')).waitFor();
    await measure(page, 'review, first item');
    await stepThrough(page);
    await measure(page, 'review summary');
    await page.locator(W('fill')).click();
    await page.locator(W('report')).waitFor();
    await measure(page, 'report');
    // The vault: set-up, then (after a reload) unlock.
    await page.locator(W('close')).click();
    await page.locator(W('launcher')).click();
    await page.locator(W('vault-setup')).click();
    await page.locator(W('new-pass')).waitFor();
    await measure(page, 'vault set-up');
    await page.locator(W('new-pass')).fill(PASS);
    await page.locator(W('new-pass-2')).fill(PASS);
    await measure(page, 'vault set-up, filled in');
    await page.locator(W('create-vault')).click();
    await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
    await measure(page, 'editor with a vault');
    await page.waitForFunction(() =>
      document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored'));
    await page.locator(W('settings')).click();
    await page.locator(W('settings-screen')).waitFor();
    await measure(page, 'settings');
    if (width === 360) {
      // Locking discards the widget's instance: the discarded one no longer follows the switch
      // (a call into its wiped memory would throw), the new one does.
      const restarted = page.evaluate(
        () => new Promise((resolve) => document.addEventListener('oncefill:ready', () => resolve(true), { once: true })),
      );
      await page.locator(W('close')).click();
      await page.locator(W('launcher')).click();
      await page.locator(W('lock')).click();
      assert.ok(await restarted);
      await page.locator(W('unlock-pass')).waitFor();
      await page.locator(W('elder')).click();
      await page.locator('[data-oncefill-host] .of-root:not(.of-elder)').waitFor({ state: 'attached' });
      await page.locator(W('elder')).click();
      await page.locator('[data-oncefill-host] .of-root.of-elder').waitFor({ state: 'attached' });
    }
    await page.reload();
    await page.locator(W('launcher')).waitFor();
    await measure(page, 'the launcher, the panel closed');
    await page.locator(W('launcher')).click();
    await page.locator(W('unlock-pass')).waitFor();
    await measure(page, 'vault unlock');
    await page.locator(W('unlock-pass')).fill('not the passphrase');
    await page.locator(W('unlock')).click();
    await page.locator(`${W('panel')} .of-error`).first().waitFor();
    await measure(page, 'vault unlock, refused');
    assertNoProblems(problems);
    await context.close();
  });
}

test('at twice the browser font size (200 %) the mode still fits and nothing scrolls sideways', async () => {
  for (const width of [640, 1280]) {
    const context = await person(width, 900);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    const problems = await open(page, `${BASE}forms/pension.html`);
    await page.locator(W('launcher')).click();
    await switchOn(page);
    const font = await page.locator(W('editor')).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.equal(font, 40, 'the mode grows with the browser’s font size');
    await page.locator(W('load-demo')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('step-heading')).waitFor();
    const r = await page.evaluate(audit, { min: 60, text: true });
    assert.deepEqual(r.problems, {}, `${width}: ${JSON.stringify(r.problems)}`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('outside the mode every target of the editor, the review list and the report is at least 44 × 44', async () => {
  const context = await person(360, 740);
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/pension.html`);
  await page.locator(W('launcher')).click();
  await measure(page, 'editor', false);
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await measure(page, 'review', false);
  await page.locator(W('fill')).click();
  await page.locator(W('report')).waitFor();
  await measure(page, 'report', false);
  await page.locator(W('settings')).click();
  await page.locator(W('settings-screen')).waitFor();
  await measure(page, 'settings', false);
  await page.locator(W('close')).click();
  await page.locator(W('launcher')).click();
  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).waitFor();
  await measure(page, 'vault set-up', false);
  assertNoProblems(problems);
  await context.close();
});

test('the step-through review fills what the list review fills, an unticked item included', async () => {
  const filled = {};
  for (const elder of [false, true]) {
    const context = await person(1280, 800);
    const page = await context.newPage();
    const problems = await open(page, `${BASE}forms/pension.html`);
    await page.locator(W('launcher')).click();
    if (elder) await switchOn(page);
    await page.locator(W('load-demo')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('review')).waitFor();
    if (elder) {
      const total = await stepThrough(page, 1);
      assert.ok(total >= 5, `${total} items`);
      assert.match(await page.locator(W('summary')).textContent(), new RegExp(`将填写打勾的 ${total - 1} 项`));
      // Back one screen and on again: the untick holds.
      await page.locator(W('prev')).click();
      assert.equal(await page.locator(W('review')).getAttribute('data-step'), String(total - 1));
      await page.locator(W('next')).click();
    } else {
      await approveSensitive(page);
      await page.locator(`${W('review')} [data-of="step"] input[type=checkbox]`).nth(1).uncheck();
    }
    await page.locator(W('fill')).click();
    const report = page.locator(W('report'));
    await report.waitFor();
    filled[elder] = { count: await report.getAttribute('data-filled'), values: await formValues(page) };
    assertNoProblems(problems);
    await context.close();
  }
  assert.ok(Number(filled.false.count) >= 5);
  assert.deepEqual(filled.true, filled.false);
});

// The OnceFill window, answering a portal on another origin (see window.test.mjs).
test('the OnceFill window follows the choice and meets the same measures', async () => {
  const ONCEFILL = new URL(BASE).origin;
  const u = new URL(BASE);
  u.hostname = 'localhost';
  const PORTAL = u.origin;
  const agent = await fetch(`${ONCEFILL}/agent.js`);
  const integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  for (const width of [320, 360, 1280]) {
    const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1000, height: 900 } });
    await context.route(`${ONCEFILL}/portals.json`, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ version: 1, portals: [{ origin: PORTAL, name: '测试门户' }] }) }),
    );
    await context.route(`${PORTAL}/oncefill.js`, (r) => r.abort());
    // The choice made earlier on OnceFill's own site, on this device.
    await context.addInitScript((origin) => {
      if (location.origin === origin && !globalThis.__off) localStorage.setItem('oncefill-elder', '1');
    }, ONCEFILL);
    const page = await context.newPage();
    await page.goto(`${PORTAL}/forms/pension.html`);
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
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('button', { hasText: '一键填表' }).click()]);
    const problems = [];
    popup.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await popup.setViewportSize({ width, height: 800 });
    await popup.locator(W('asking')).waitFor();
    await measure(popup, `window ${width}: first screen`);
    await popup.locator(W('load-demo')).click();
    await popup.locator(W('vault-setup')).click();
    await popup.locator(W('new-pass')).fill(PASS);
    await popup.locator(W('new-pass-2')).fill(PASS);
    await popup.locator(W('create-vault')).click();
    await popup.locator(W('step-heading')).waitFor();
    await measure(popup, `window ${width}: review item`);
    await stepThrough(popup);
    await measure(popup, `window ${width}: review summary`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the staff desk's own bar follows the choice: 18 px text and 60 × 60 targets", async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${BASE}staff.html`);
  const measure = () =>
    page.evaluate(() =>
      ['new', 'end'].map((name) => {
        const el = document.querySelector(`[data-staff="${name}"]`);
        const box = el.getBoundingClientRect();
        return { name, width: box.width, height: box.height, font: parseFloat(getComputedStyle(el).fontSize) };
      }),
    );
  await page.locator('[data-staff="new"]').waitFor();
  for (const b of await measure()) assert.ok(b.height < 60, `outside the mode the bar stays compact: ${JSON.stringify(b)}`);
  // Switched in the panel (the event every switch sends), and remembered for the next load.
  await page.evaluate(() => {
    localStorage.setItem('oncefill-elder', '1');
    document.dispatchEvent(new CustomEvent('oncefill:elder', { detail: { on: true } }));
  });
  for (const b of await measure()) {
    assert.ok(b.width >= 60 && b.height >= 60 && b.font >= 18, JSON.stringify(b));
  }
  await page.reload();
  await page.locator('[data-staff="new"]').waitFor();
  for (const b of await measure()) assert.ok(b.height >= 60 && b.font >= 18, `after a reload: ${JSON.stringify(b)}`);
  await context.close();
});
