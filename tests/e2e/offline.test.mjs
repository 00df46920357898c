// OnceFill without a network: after one visit online (the widget started, so the service worker
// installed and keeps the build's files), the home page, a form page and the widget work with
// the network off: unlock the vault, review, fill. A new build takes over when the person
// accepts it, and the old build's cache is deleted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, createVault, open, reviewAndFill, startWidget } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
const PASS = 'Hangzhou-teapot-1990';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/** Waits until a service worker of this site controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  return page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
}

/** The site's caches and, for each, the paths it holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

/** Turns the network off: the browser is offline and any request that reaches it fails. */
async function goOffline(context) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

const offlineNoise = (p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(p);

test('after one visit online, the home page, a form page and the widget work with the network off', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await open(page, FORM);
  await createVault(page, PASS);
  const worker = await controlled(page);
  assert.match(worker, /\/sw\.js\?build=[0-9a-f]{12}$/);

  // One cache, named after the build, holding exactly the files the worker lists: the pages,
  // the loader, the module and its glue, the tables, the messages, the mappings. Nothing a
  // page produced is added.
  const caches = await cacheContents(page);
  const names = Object.keys(caches);
  assert.deepEqual(names, [`oncefill-${worker.split('build=')[1]}`]);
  const listed = await page.evaluate(async () => {
    const text = await (await fetch('/sw.js', { cache: 'no-store' })).text();
    return JSON.parse(text.match(/var FILES = (\[.*\]);/)[1]);
  });
  const expected = listed.map((f) => new URL(f, BASE).pathname).sort();
  assert.deepEqual(caches[names[0]], expected);
  for (const path of [
    '/',
    '/oncefill.js',
    '/oncefill.css',
    '/pkg/oncefill.js',
    '/pkg/oncefill_bg.wasm',
    '/pkg/oncefill_app.js',
    '/pkg/oncefill_app_bg.wasm',
    '/app.html',
    '/data/divisions.csv',
    '/data/countries.csv',
    '/i18n/zh-CN.ftl',
    '/i18n/en.ftl',
    '/mappings/index.json',
    '/mappings/pension.json',
    '/forms/pension.html',
    '/manifest.webmanifest',
    '/window.html',
  ]) {
    assert.ok(caches[names[0]].includes(path), `${path} is kept`);
  }

  await goOffline(context);
  const reach = await page.evaluate(() =>
    fetch('/__oncefill/health', { cache: 'no-store' }).then(
      () => 'reached',
      () => 'offline',
    ),
  );
  assert.equal(reach, 'offline', 'the network is off');

  // The home page.
  await page.goto(BASE);
  assert.match(await page.locator('h1').innerText(), /一次填/);
  await page.locator(W('launcher')).waitFor({ state: 'visible' });

  // A form page and the widget: unlock the vault kept in this browser, review, fill.
  await page.goto(FORM);
  await startWidget(page);
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
  const report = await reviewAndFill(page);
  assert.equal(await report.getAttribute('data-failed'), '0');
  assert.equal(await page.locator('#aac003').inputValue(), '王小明');
  assert.equal(await page.locator('#aac002').inputValue(), '110105199003071239');

  // The English messages are kept too.
  await page.locator(W('lang')).click();
  await page.locator(W('panel')).filter({ hasText: /OnceFill/ }).waitFor();
  assert.match(await page.locator(W('lang')).innerText(), /中文/);

  assertNoProblems(problems.filter(offlineNoise));
  await context.close();
});

test('a new build installs beside the running one, takes over when the person accepts, and the old cache goes', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await open(page, FORM);
  const worker = await controlled(page);
  const build = worker.split('build=')[1];
  assert.deepEqual(Object.keys(await cacheContents(page)), [`oncefill-${build}`]);

  // A page of another build registers its worker (the URL names the build it was served with).
  await page.evaluate((base) => navigator.serviceWorker.register(`${base}sw.js?build=next`, { scope: base }), BASE);
  const bar = page.locator('[data-oncefill-update]');
  await bar.waitFor({ timeout: 60000 });
  assert.match(await bar.innerText(), /有新版本[\s\S]*刷新后使用/);
  assert.equal(await bar.getAttribute('role'), 'status');
  // Until the person accepts, the running build still answers.
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), worker);

  await Promise.all([page.waitForEvent('load', { timeout: 60000 }), bar.locator('[data-oncefill-take]').click()]);
  const next = await controlled(page);
  assert.match(next, /sw\.js\?build=next$/);
  await page.waitForFunction(
    async (old) => {
      const names = await caches.keys();
      return names.length === 1 && names[0] !== old;
    },
    `oncefill-${build}`,
    { timeout: 30000 },
  );
  assert.deepEqual(Object.keys(await cacheContents(page)), [`oncefill-${build}-next`]);
  // The page works under the new build.
  await startWidget(page);

  // Another build; this time the person puts it off: the bar goes, the running build stays.
  await page.evaluate((base) => navigator.serviceWorker.register(`${base}sw.js?build=later`, { scope: base }), BASE);
  await bar.waitFor({ timeout: 60000 });
  await bar.locator('[data-oncefill-later]').click();
  await bar.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), next);
  assertNoProblems(problems);
  await context.close();
});

test('the home page can be installed as an app once OnceFill has been opened there', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await open(page, BASE);
  await controlled(page);
  await page.reload();
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.name, '一次填 OnceFill');
  assert.equal(parsed.lang, 'zh-CN');
  assert.equal(parsed.display, 'standalone');
  assert.equal(new URL(parsed.start_url, manifest.url).href, BASE);
  // (The test's browser context is incognito, where nothing installs: that one is the
  // browser's, not the site's.)
  const errors = async () =>
    (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors
      .map((e) => e.errorId)
      .filter((id) => id !== 'in-incognito');
  assert.deepEqual(await errors(), []);
  // A form page links no manifest: Chromium does say so, so the check above would see a fault.
  await page.goto(`${BASE}forms/pension.html`);
  assert.ok((await errors()).length > 0);
  assertNoProblems(problems);
  await context.close();
});
