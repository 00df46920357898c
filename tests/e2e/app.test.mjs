// The app page (app.html): 首页 with one next step that follows the person's state, 我的资料,
// 表单与一件事 (searchable, with how much of each form the profile covers), 授权记录 and 设置, each
// reachable by keyboard, and no sideways scrolling on a phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems } from './lib/widget.mjs';

const PASS = '门前大桥下游过一群鸭';
const PLACES = ['home', 'profile', 'library', 'record', 'settings'];
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

function person(width = 1280, locale = 'zh-CN') {
  return browser.newContext({ locale, viewport: { width, height: 800 } });
}

/** Opens the app page in a new page of `context`; returns the page and its logged problems. */
async function openApp(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${BASE}app.html`);
  await page.locator(W('next-step')).waitFor({ timeout: 30000 });
  return { page, problems };
}

/** The next step the first screen shows, once it knows. */
async function nextStep(page) {
  await page.locator(W('nav-home')).click();
  const step = page.locator(W('next-step'));
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="next-step"]');
    return s && s.dataset.step !== 'wait';
  });
  return { kind: await step.getAttribute('data-step'), text: await step.innerText() };
}

/** What has the focus inside the app's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-oncefill-host]').shadowRoot.activeElement;
    return el ? el.getAttribute('data-of') : null;
  });
}

test('the home page leads to the app from its first screen, on a phone too', async () => {
  for (const [width, height] of [[360, 740], [1280, 800]]) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${BASE}index.html`);
    const link = page.locator('a[data-app-link]');
    assert.match(await link.innerText(), /打开我的一次填/);
    const box = await link.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `on the first screen: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 40, 'large enough to press');
    await link.click();
    await page.waitForURL(/app\.html$/);
    await page.locator(W('next-step')).waitFor({ timeout: 30000 });
    await context.close();
  }
});

test('each screen is reached by keyboard alone, in landmarks, the current one marked', async () => {
  const context = await person();
  const { page, problems } = await openApp(context);
  const roles = await page.evaluate(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    return ['header', 'nav', 'main'].map((t) => root.querySelectorAll(t).length);
  });
  assert.deepEqual(roles, [1, 1, 1], 'one banner, one navigation, one main');
  assert.ok(await page.locator(`${W('nav-home')}[aria-current="page"]`).count());
  for (const place of PLACES) {
    // Tab until the place's entry in the navigation has the focus, then Enter. From a
    // screen's heading the navigation is just before it: Shift+Tab.
    const key = (await focused(page)) === 'app-heading' ? 'Shift+Tab' : 'Tab';
    let presses = 0;
    while ((await focused(page)) !== `nav-${place}`) {
      await page.keyboard.press(key);
      presses += 1;
      assert.ok(presses < 10, `nav-${place} reached by ${key}`);
    }
    await page.keyboard.press('Enter');
    await page.locator(W(`screen-${place}`)).waitFor();
    assert.equal(await page.locator(W(`nav-${place}`)).getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('[data-oncefill-host] .of-app-nav [aria-current]').count(), 1, 'one current place');
    if (place !== 'home') assert.equal(await focused(page), 'app-heading', 'the new screen starts at its heading');
  }
  assertNoProblems(problems);
  await context.close();
});

test('the next step follows the state: set up, then complete, then choose; locked, unlock', async () => {
  const context = await person();
  const { page, problems } = await openApp(context);
  let step = await nextStep(page);
  assert.equal(step.kind, 'setup', 'no vault on this device');
  assert.match(step.text, /设置您的资料/);
  // 设置 offers the same, with no vault yet.
  await page.locator(W('nav-settings')).click();
  assert.equal(await page.locator(W('settings-setup')).count(), 1);
  assert.equal(await page.locator(W('settings-lock-now')).count(), 0, 'nothing to lock');
  await page.locator(W('nav-home')).click();
  await page.locator(W('next-action')).click();
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  step = await nextStep(page);
  assert.equal(step.kind, 'complete', 'an empty profile');
  assert.match(step.text, /补全资料/);
  assert.match(step.text, /姓名/);
  assert.match(step.text, /手机号码/);
  await page.locator(W('next-action')).click();
  await page.locator(W('load-demo')).click();
  await page.waitForFunction(() => document.querySelector('[data-oncefill-host]')
    .shadowRoot.querySelector('[data-of="vault-status"]')?.textContent.includes('最近保存于'));
  step = await nextStep(page);
  assert.equal(step.kind, 'choose', 'the sample has what most forms ask for');
  await page.locator(W('next-action')).click();
  await page.locator(W('screen-library')).waitFor();
  // A reload finds the vault locked.
  await page.reload();
  await page.locator(W('next-step')).waitFor();
  step = await nextStep(page);
  assert.equal(step.kind, 'unlock');
  await page.locator(W('next-action')).click();
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('vault-status')).waitFor();
  step = await nextStep(page);
  assert.equal(step.kind, 'choose');
  // 设置 locks now; the app comes back on its first screen, asking to unlock.
  await page.locator(W('nav-settings')).click();
  assert.equal(await page.locator(W('settings-setup')).count(), 0, 'a vault is set up already');
  assert.equal(await page.locator(W('export')).count(), 1, 'a backup can be made');
  await page.locator(W('settings-lock-now')).click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('[data-of="next-step"]');
    return s && s.dataset.step === 'unlock';
  });
  assertNoProblems(problems);
  await context.close();
});

/** The library's items as shown: kind, title, have/total and the needs listed. */
function libraryItems(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    return [...root.querySelectorAll('[data-of="library-item"]')].map((li) => {
      const c = li.querySelector('[data-of="coverage"]');
      return {
        kind: li.dataset.kind,
        title: li.querySelector('h3').textContent,
        have: Number(c.dataset.have),
        total: Number(c.dataset.total),
        text: c.textContent,
        needs: li.querySelectorAll('.of-library-needs li').length,
        lacking: li.querySelectorAll('.of-library-needs li.of-lacking').length,
        href: li.querySelector('[data-of="open-form"]')?.getAttribute('href'),
      };
    });
  });
}

test('the library is searched by title or department, and its numbers are what the profile holds', async () => {
  const context = await person();
  const { page, problems } = await openApp(context);
  await nextStep(page);
  await page.locator(W('next-sample')).click();
  await page.locator(W('nav-library')).click();
  await page.locator(W('library-found')).filter({ hasText: /共 \d+ 项/ }).waitFor();
  const all = await libraryItems(page);
  assert.equal(all.filter((i) => i.kind === 'bundle').length, 2, '出生 and 企业开办');
  assert.equal(all.filter((i) => i.kind === 'form').length, 11, 'every published form');
  for (const i of all) {
    assert.equal(i.total, i.needs, `${i.title}: every element it asks for is named`);
    assert.equal(i.have, i.total - i.lacking, `${i.title}: what is held is what is not lacking`);
    assert.equal(i.text, `已有 ${i.have}/${i.total} 项`);
    assert.ok(i.href, `${i.title} opens a page`);
  }
  // The sample profile against the pension form: 9 elements asked, 7 held (from the mapping).
  const pension = all.find((i) => i.title.includes('养老保险'));
  assert.deepEqual([pension.have, pension.total], [7, 9]);

  const search = page.locator(W('library-search'));
  await search.fill('身份证');
  let found = await libraryItems(page);
  assert.deepEqual(found.map((i) => i.title), ['居民身份证申领登记表']);
  await search.fill('市场监督');
  found = await libraryItems(page);
  assert.ok(found.length >= 3 && found.every((i) => /公司|企业|个体/.test(i.title)), JSON.stringify(found.map((i) => i.title)));
  await search.fill('没有这样的表');
  assert.equal((await libraryItems(page)).length, 0);
  assert.match(await page.locator(W('library-found')).innerText(), /共 0 项/);
  await search.fill('');

  // One element fewer in the profile: the pension form's count drops by one.
  await page.locator(W('nav-profile')).click();
  await page.locator(W('field-contact.mobile')).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  await page.locator(W('nav-library')).click();
  const after = (await libraryItems(page)).find((i) => i.title.includes('养老保险'));
  assert.deepEqual([after.have, after.total], [6, 9]);

  // Opening a form from the library lands on that form's page, with the widget.
  await page.locator(W('library-search')).fill('养老');
  await page.locator(W('open-form')).click();
  await page.waitForURL(/forms\/pension\.html$/);
  await page.locator(W('launcher')).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('我的资料 lists each record with how complete it is and opens it in the editor', async () => {
  const context = await person(360);
  const { page, problems } = await openApp(context);
  await nextStep(page);
  await page.locator(W('next-sample')).click();
  await page.locator(W('screen-profile')).waitFor();
  const records = page.locator(W('profile-record'));
  const names = await records.locator('.of-record-name').allInnerTexts();
  assert.deepEqual(names.slice(0, 3), ['本人：王小明', '配偶：李华', '子女：王小宝']);
  assert.match(names[3], /^杭州示例科技有限公司\s+法定代表人、财务负责人、联络员、股东$/, 'each role named once');
  assert.match(await records.first().locator('[data-of="record-filled"]').innerText(), /已填 \d \/ 8 项/);
  assert.equal(await page.locator(W('profile-agents')).count(), 1);
  await records.nth(1).locator('[data-of="open-record"]').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-oncefill-host]').shadowRoot.activeElement;
    return el && el.tagName === 'H3' && el.textContent.includes('李华');
  });
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '李华', 'the editor shows that record');
  assertNoProblems(problems);
  await context.close();
});

for (const [width, locale] of [[360, 'zh-CN'], [1280, 'zh-CN'], [360, 'en'], [1280, 'en']]) {
  test(`at ${width} px (${locale}) no screen scrolls sideways`, async () => {
    const context = await person(width, locale);
    const { page, problems } = await openApp(context);
    await nextStep(page);
    if (locale === 'en') {
      await page.locator(W('lang')).click();
      await page.locator(W('nav-home')).filter({ hasText: 'Home' }).waitFor();
    }
    const lang = locale === 'en' ? 'en' : 'zh';
    await page.locator(W('next-sample')).click();
    for (const place of PLACES) {
      await page.locator(W(`nav-${place}`)).click();
      await page.locator(W(`screen-${place}`)).waitFor();
      if (place === 'library') await page.locator(W('library-item')).first().waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${place}: ${wide} px wide in a ${width} px window`);
    }
    assertNoProblems(problems);
    await context.close();
  });
}

test('the app page loads its own smaller build, and 授权记录 is one of its places', async () => {
  const context = await person();
  const fetched = [];
  // (What the service worker fetches in the background to keep for offline use is not the
  // page's own load.)
  context.on('request', (r) => {
    if (!r.serviceWorker()) fetched.push(new URL(r.url()).pathname);
  });
  const { page, problems } = await openApp(context);
  assert.ok(fetched.includes('/pkg/oncefill_app_bg.wasm'), 'the app build');
  assert.ok(!fetched.includes('/pkg/oncefill_bg.wasm'), 'not the form-filling build');
  await page.locator(W('next-sample')).click();
  await page.locator(W('nav-record')).click();
  await page.locator(W('screen-record')).waitFor();
  assert.equal(await page.locator(W('app-heading')).innerText(), '授权记录');
  // No vault yet: the record, like the profile, is in this page's memory only, and says so.
  await page.locator(W('disclosures-memory')).waitFor();
  await page.locator(W('disclosures-empty')).waitFor();
  // Its own title is the place's heading, not said twice.
  assert.equal(await page.locator(`${W('disclosures-screen')} h3`).count(), 0);
  await page.locator(`${W('disclosures-screen')} [data-of="back"]`).click();
  await page.locator(W('screen-home')).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('the app page has the 长辈版 switch on its first screen, and on a phone its places fit one row', async () => {
  const context = await person(360);
  const { page, problems } = await openApp(context);
  const tops = async () =>
    page.evaluate(() => {
      const root = document.querySelector('[data-oncefill-host]').shadowRoot;
      return [...root.querySelectorAll('.of-app-tab')].map((b) => Math.round(b.getBoundingClientRect().top));
    });
  // Five places, one row: every tab at the same height.
  assert.equal(new Set(await tops()).size, 1, JSON.stringify(await tops()));
  const button = page.locator(W('elder'));
  const box = await button.boundingBox();
  assert.ok(box && box.y + box.height <= 740, 'on the first screen');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('.of-app.of-elder'),
  );
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  // Remembered: a new page opens in 长辈版.
  const again = await openApp(context);
  assert.equal(await again.page.locator(W('elder')).getAttribute('aria-pressed'), 'true');
  assertNoProblems(problems);
  assertNoProblems(again.problems);
  await context.close();
});
