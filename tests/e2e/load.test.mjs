// Nothing large before the person turns to OnceFill: a form page or the home page fetches the
// loader and a style sheet, and neither the WebAssembly module nor the messages, the division
// tables or the form mappings, until the launcher is pointed at, focused or pressed. Then the
// widget starts and works.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, reviewAndFill } from './lib/widget.mjs';

let browser;
before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

const LARGE = /\.wasm$|\/pkg\/|\/data\/[^/]+\.csv$|\/mappings\/[^/]+\.json$|\/i18n\//;

/** Every request of the context, with the bytes it took on the wire once finished. */
function recordTraffic(context) {
  const seen = [];
  context.on('requestfinished', async (request) => {
    const entry = { url: new URL(request.url()).pathname, bytes: 0 };
    seen.push(entry);
    try {
      const sizes = await request.sizes();
      entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    } catch {
      // (a request of a page closed since)
    }
  });
  context.on('request', (request) => {
    if (!seen.some((e) => e.url === new URL(request.url()).pathname)) {
      seen.push({ url: new URL(request.url()).pathname, bytes: 0, pending: true });
    }
  });
  return {
    urls: () => [...new Set(seen.map((e) => e.url))],
    large: () => [...new Set(seen.map((e) => e.url).filter((u) => LARGE.test(u)))],
    bytes: () => seen.reduce((sum, e) => sum + e.bytes, 0),
  };
}

function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

test('a form page loads no module, table or mapping before the launcher is pressed; then the widget fills', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE}forms/pension.html`);
  const launcher = page.locator(W('launcher'));
  await launcher.waitFor({ state: 'visible' });
  assert.match(await launcher.innerText(), /一键填表/);
  // Idle, and some more: nothing is fetched later on either.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  assert.deepEqual(traffic.large(), [], 'nothing large before the person turns to OnceFill');
  const before = traffic.bytes();
  console.log(`# before the first press: ${traffic.urls().length} requests, ${before} bytes (${traffic.urls().join(' ')})`);
  assert.ok(before < 60_000, `${before} bytes before the first press`);

  // One press: the module loads and the panel opens.
  await launcher.click();
  await page.locator(W('panel')).waitFor({ timeout: 60000 });
  const large = traffic.large();
  for (const path of ['/pkg/oncefill_bg.wasm', '/pkg/oncefill.js', '/i18n/zh-CN.ftl']) {
    assert.ok(large.includes(path), `${path} is fetched once the launcher is pressed`);
  }
  await page.locator(W('load-demo')).click();
  const report = await reviewAndFill(page);
  assert.ok(Number(await report.getAttribute('data-filled')) >= 8);
  assert.equal(await page.locator('#aac003').inputValue(), '王小明');
  console.log(`# by the end of the fill: ${traffic.bytes()} bytes in all`);
  // One widget, one launcher: the stand-in is gone.
  assert.equal(await page.locator('[data-oncefill-host]').count(), 1);
  assert.equal(await page.locator('[data-oncefill-waiting]').count(), 0);
  assertNoProblems(problems);
  await context.close();
});

test('the home page too; the skip link and Enter start and open OnceFill from the keyboard', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE}index.html`);
  await page.locator(W('launcher')).waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  assert.deepEqual(traffic.large(), []);
  console.log(`# home page before the first press: ${traffic.bytes()} bytes`);

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-oncefill-skip')), true);
  await page.keyboard.press('Enter');
  // The focus reaches the launcher, which starts the module, and stays on the launcher once
  // the widget's own takes the stand-in's place.
  await page.waitForFunction(() => {
    const host = document.activeElement;
    return (
      host?.hasAttribute('data-oncefill-host') &&
      !host.hasAttribute('data-oncefill-waiting') &&
      host.shadowRoot.activeElement?.getAttribute('data-of') === 'launcher'
    );
  }, null, { timeout: 30000 });
  assert.ok(traffic.large().includes('/pkg/oncefill_bg.wasm'));
  await page.keyboard.press('Enter');
  await page.locator(W('panel')).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('the stand-in launcher speaks the page’s language and grows with the browser’s font size', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 19 } });
  await page.route(`${BASE}forms/pension.html`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="zh-CN">', '<html lang="en">');
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE}forms/pension.html`);
  const launcher = page.locator(W('launcher'));
  await launcher.waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-oncefill-waiting]').count(), 1);
  assert.match(await launcher.innerText(), /Fill form/);
  assert.equal(await launcher.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), 30);
  await context.close();
});

test('when the module cannot be fetched, the launcher says so, and another press tries again', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE}forms/pension.html`);
  const launcher = page.locator(W('launcher'));
  await launcher.waitFor({ state: 'visible' });
  await context.route('**/pkg/**', (route) => route.abort('internetdisconnected'));
  await launcher.click();
  await launcher.filter({ hasText: '一次填未能加载，请检查网络后再点一次' }).waitFor();
  assert.equal(await page.locator(W('panel')).count(), 0);

  await context.unroute('**/pkg/**');
  await launcher.click();
  await page.locator(W('panel')).waitFor({ timeout: 30000 });
  assert.equal(await page.locator('[data-oncefill-host]').count(), 1);
  const unexpected = problems.filter(
    (p) => !/could not start|Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch|dynamically imported module/.test(p),
  );
  assert.deepEqual(unexpected, []);
  await context.close();
});
