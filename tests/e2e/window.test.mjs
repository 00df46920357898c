// The OnceFill window (www/window.html) on OnceFill's origin (http://127.0.0.1:PORT) answering
// portals on other origins (http://localhost:PORT and http://portal-b.localhost:PORT, both on
// the allow-list the test serves; http://elsewhere.localhost:PORT is not). The portal pages are
// the sample forms with the page agent (www/agent.js) loaded from OnceFill's origin, as a
// portal would load it; the vault, the review and the consent happen in the window.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { BASE, CHROMIUM_ARGS, checkOwnServer, launch } from './lib/browser.mjs';
import { fillApproved } from './lib/widget.mjs';

const ONCEFILL = new URL(BASE).origin;
const at = (host) => {
  const u = new URL(BASE);
  u.hostname = host;
  return u.origin;
};
const PORTAL = at('localhost');
const PORTAL_B = at('portal-b.localhost');
const ELSEWHERE = at('elsewhere.localhost');
const PASS = 'correct horse battery staple 窗口';
// The allow-list of this test's deployment: the two portals, exact origins.
const PORTALS = {
  version: 1,
  portals: [
    { origin: PORTAL, name: '测试门户甲' },
    { origin: PORTAL_B, name: '测试门户乙' },
  ],
};

let browser;
let integrity;

before(async () => {
  await checkOwnServer();
  const agent = await fetch(`${ONCEFILL}/agent.js`);
  integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  browser = await launch();
});
after(async () => browser?.close());

/** A browser profile (one vault on OnceFill's origin) whose OnceFill serves the test's allow-list. */
async function profile(viewport = { width: 1000, height: 900 }, on = browser) {
  const context = await on.newContext({ bypassCSP: true, locale: 'zh-CN', viewport });
  await context.route(`${ONCEFILL}/portals.json`, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(PORTALS) }),
  );
  // In the window: every request its opener sent, as received (for the tests that replay one).
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/window.html')) return;
    window.__requests = [];
    addEventListener('message', (e) => {
      if (e.source === window.opener && e.data && e.data.type === 'request') window.__requests.push(e.data);
    });
  });
  return context;
}

/**
 * Opens `path` on `origin` as a portal page: its own OnceFill widget left out, the page agent
 * loaded from OnceFill's origin with crossorigin and integrity. The sample pages' own CSP names
 * 'self' only, so it is bypassed: what a portal's CSP must allow is the agent's host.
 */
async function portal(context, origin, path) {
  await context.route(`${origin}/oncefill.js`, (r) => r.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Whatever the portal's realm sees typed.
  await page.addInitScript(() => {
    window.__keys = [];
    for (const kind of ['keydown', 'keypress', 'keyup', 'input']) {
      window.addEventListener(kind, (e) => window.__keys.push(`${kind}:${e.key || e.data || ''}`), true);
    }
  });
  await page.goto(`${origin}/${path}`);
  await page.evaluate(
    ({ src, integrity }) =>
      new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = src;
        s.crossOrigin = 'anonymous';
        s.integrity = integrity;
        s.onload = ok;
        s.onerror = () => fail(new Error('the agent did not load (CORS or integrity)'));
        document.head.appendChild(s);
      }),
    { src: `${ONCEFILL}/agent.js`, integrity },
  );
  return { page, errors, button: page.locator('button', { hasText: '一键填表' }) };
}

const W = (name) => `[data-oncefill-host] [data-of="${name}"]`;

/** Clicks the portal's button; resolves to the OnceFill window once it shows something. */
async function openWindow(page, button) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  const problems = [];
  popup.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  popup.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await popup.waitForLoadState();
  assert.equal(new URL(popup.url()).origin, ONCEFILL);
  return { popup, problems };
}

/** In a window without a vault: the demo profile, kept in a new vault under PASS. */
async function createVault(popup) {
  await popup.locator(W('load-demo')).click();
  await popup.locator(W('vault-setup')).click();
  await popup.locator(W('new-pass')).fill(PASS);
  await popup.locator(W('new-pass-2')).fill(PASS);
  await popup.locator(W('create-vault')).click();
  await popup.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
}

/** In a window on the unlock screen: the passphrase typed key by key, as a person would. */
async function unlock(popup) {
  const pass = popup.locator(W('unlock-pass'));
  await pass.waitFor();
  await pass.click();
  await popup.keyboard.type(PASS);
  await popup.keyboard.press('Enter');
}

/** From the review: fill, then the report, then 返回表单 closes the window. */
async function approve(popup) {
  await popup.locator(W('review')).waitFor();
  await fillApproved(popup);
  const report = popup.locator(W('report'));
  await report.waitFor();
  const filled = Number(await report.getAttribute('data-filled'));
  const closed = popup.waitForEvent('close');
  const done = popup.locator(W('done'));
  assert.equal(await done.textContent(), '返回表单');
  // (The window closes during the click.)
  await done.click().catch(() => {});
  await closed;
  return filled;
}

test('a vault made in the window from one portal fills a second portal of another origin', async () => {
  const context = await profile();
  {
    const { page, button, errors } = await portal(context, PORTAL, 'forms/pension.html');
    const { popup, problems } = await openWindow(page, button);
    await popup.locator(W('asking')).waitFor();
    assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL);
    assert.equal(await popup.locator(W('asking-portal')).textContent(), '测试门户甲');
    assert.match(await popup.locator(W('asking-form')).textContent(), /\S/);
    await createVault(popup);
    const filled = await approve(popup);
    assert.ok(filled >= 3, `${filled} filled`);
    assert.equal(await page.inputValue('#aac003'), '王小明');
    assert.match(await page.inputValue('#aac002'), /^\d{17}[\dX]$/);
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await page.close();
  }
  {
    const { page, button, errors } = await portal(context, PORTAL_B, 'forms/pension.html');
    const { popup, problems } = await openWindow(page, button);
    assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL_B);
    await unlock(popup);
    const filled = await approve(popup);
    assert.ok(filled >= 3, `${filled} filled`);
    assert.equal(await page.inputValue('#aac003'), '王小明');
    // The portal's form has focus again.
    assert.ok(await page.evaluate(() => document.activeElement && document.activeElement.localName === 'input'));
    // Nothing of the passphrase, nor of any key typed in the window, reached the portal's realm.
    const keys = await page.evaluate(() => window.__keys);
    assert.deepEqual(keys.filter((k) => k.startsWith('keydown') || k.startsWith('keypress')), []);
    // The vault lives in OnceFill's origin: the portal's own storage has no OnceFill database.
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(!dbs.some((n) => /oncefill/i.test(n)), JSON.stringify(dbs));
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
  }
  {
    // The window recorded both fills, each under its portal's origin, and once given to this
    // portal's form the ID number is ticked there.
    const { page, button } = await portal(context, PORTAL_B, 'forms/pension.html');
    const { popup, problems } = await openWindow(page, button);
    await unlock(popup);
    await popup.locator(W('review')).waitFor();
    const idBox = popup.locator(`${W('step')}[data-key="person.id_number"] input[type=checkbox]`);
    assert.equal(await idBox.isChecked(), true, 'given to this form before');
    await popup.locator(W('open-disclosures')).click();
    const sites = await popup.locator(`${W('disclosure')} [data-of="disclosure-site"]`).allInnerTexts();
    assert.deepEqual(sites, [PORTAL_B, PORTAL], 'newest first');
    const text = await popup.locator(W('disclosures-screen')).innerText();
    assert.match(text, /公民身份号码/);
    assert.ok(!text.includes('王小明') && !text.includes('110105199003071239'), 'no value in the record');
    assert.deepEqual(problems, []);
  }
  await context.close();
});

test('a portal form the site publishes a mapping of is reviewed and filled by that mapping in the window', async () => {
  const context = await profile();
  const { page, button, errors } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup, problems } = await openWindow(page, button);
  await createVault(popup);
  const review = popup.locator(W('review'));
  await review.waitFor();
  // The mappings may arrive after the first plan: the review is made again by the mapping.
  await review.filter({ hasText: '已知表单映射' }).waitFor({ timeout: 15000 });
  assert.doesNotMatch(await review.innerText(), /标签“/, 'no row left to the label rules');
  await approve(popup);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  // The mapping's transforms: the date as the form's own format, the fill date in its words.
  assert.match(await page.inputValue('#aac006'), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(await page.inputValue('#aae036'), /^\d{4}年\d{2}月\d{2}日$/);
  // A field the mapping says is the person's own choice is never filled.
  assert.equal(await page.inputValue('#caz289'), '');
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * The unmapped form with five cascading division selects (option values as codes) as a portal
 * page, `prepare` run in it first, and the window's review of it with a new vault.
 */
async function cascadeReview(prepare = () => {}) {
  const context = await profile();
  const { page, button, errors } = await portal(context, PORTAL, 'forms/cascade-unmapped.html?by=code');
  await page.evaluate(prepare);
  const { popup, problems } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  const levels = async () => {
    const got = [];
    for (const name of ['sheng', 'shi', 'xian', 'xiang', 'cun']) got.push(await page.locator(`#${name}`).inputValue());
    return got;
  };
  return { context, page, popup, problems, errors, levels };
}

test('an unmapped portal form\'s cascading division selects are chosen level by level through the window', async () => {
  const { context, page, popup, problems, errors, levels } = await cascadeReview();
  // The demo's registered address (北京市朝阳区…): the province has its options at review, the
  // city and the county wait for theirs, which the page adds once the level above is chosen.
  const rows = popup.locator(`${W('step')}[data-key="person.hukou_address"]`);
  assert.equal(await rows.count(), 3);
  assert.equal(await popup.locator(`${W('step')}[data-key="person.hukou_address"] [data-of="later"]`).count(), 2);
  const filled = await approve(popup);
  assert.deepEqual(await levels(), ['110000', '110100', '110105', '', '']);
  // The three levels, the name and the ID number.
  assert.equal(filled, 5);
  assert.equal(await page.locator('#xm').inputValue(), '王小明');
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a portal that relabels a cascade\'s next select while it waits for options gets nothing into it', async () => {
  // Once the province is chosen, the city's select asks for something else.
  const { context, popup, problems, errors, levels } = await cascadeReview(() => {
    document.getElementById('sheng').addEventListener('change', () => {
      document.querySelector('label[for="shi"]').textContent = '推荐人所在城市';
    });
  });
  await fillApproved(popup);
  const report = popup.locator(W('report'));
  await report.waitFor({ timeout: 30000 });
  const failed = await popup.locator('[data-oncefill-host] .of-failed li').allInnerTexts();
  assert.equal(failed.length, 2, failed.join('\n'));
  assert.match(failed[0], /核对后字段已被网页改动/);
  assert.match(failed[1], /没有出现要选的选项，请手动选择/);
  assert.deepEqual(await levels(), ['110000', '', '', '', '']);
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a React-style controlled form and a same-origin frame are filled through the window', async () => {
  const context = await profile();
  {
    const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
    const { popup } = await openWindow(page, button);
    await createVault(popup);
    await approve(popup);
    await page.close();
  }
  {
    const { page, button } = await portal(context, PORTAL, 'forms/housing-fund.html');
    const { popup } = await openWindow(page, button);
    await unlock(popup);
    const filled = await approve(popup);
    assert.ok(filled >= 2, `${filled} filled`);
    // The page's own state holds what its inputs show: every value the window sent was kept.
    const { state, shown } = await page.evaluate(() => ({
      state: { ...window.__housingFundForm.state },
      shown: Object.fromEntries([...document.querySelectorAll('input[data-field]')].map((i) => [i.dataset.field, i.value])),
    }));
    const kept = Object.keys(shown).filter((f) => shown[f] !== '');
    assert.ok(kept.length >= 2, JSON.stringify(shown));
    for (const f of kept) assert.equal(state[f], shown[f], f);
    assert.equal(state.sjhm.replace(/\D/g, ''), '13800138000');
    await page.close();
  }
  {
    const { page, button } = await portal(context, PORTAL_B, 'forms/realty.html');
    const { popup } = await openWindow(page, button);
    await unlock(popup);
    const filled = await approve(popup);
    assert.ok(filled >= 1, `${filled} filled`);
    const inner = page.frameLocator('#bdc-frame');
    assert.equal(await inner.locator('input[name=qlr_mc]').inputValue(), '王小明');
  }
  await context.close();
});

test('a portal not on the allow-list gets the plain refusal and no plan', async () => {
  const context = await profile();
  const { page, button } = await portal(context, ELSEWHERE, 'forms/pension.html');
  const received = [];
  await page.exposeFunction('__got', (d) => received.push(d));
  await page.evaluate(() => addEventListener('message', (e) => window.__got(e.data)));
  const { popup, problems } = await openWindow(page, button);
  const refusal = popup.locator(W('not-allowed'));
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /此网站不在一次填的授权列表中/);
  assert.match(await refusal.textContent(), /not on OnceFill's list of authorised portals/);
  assert.match(await refusal.textContent(), new RegExp(ELSEWHERE.replace(/[.]/g, '\\.')));
  // No unlock, no review: nothing of the vault is on offer.
  assert.equal(await popup.locator(W('unlock-pass')).count(), 0);
  assert.equal(await popup.locator(W('review')).count(), 0);
  await page.waitForTimeout(300);
  assert.ok(!received.some((d) => d && d.type === 'plan'));
  assert.deepEqual(received.filter((d) => d && d.oncefill === 1).map((d) => d.type).sort(), ['ready', 'refused']);
  assert.equal(received.find((d) => d.type === 'refused').reason, 'origin');
  assert.equal(await page.inputValue('#aac003'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a hostile portal: a replayed request, forged results, a window opened without it', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await popup.locator(W('asking')).waitFor();
  const [sent] = await popup.evaluate(() => window.__requests);
  // The portal's page posts its own messages to the window: the agent's request again (its
  // nonce replayed), a result for a plan never sent, malformed ones. The window answers none
  // and counts them.
  await page.evaluate((sent) => {
    const w = window.open('', 'oncefill');
    const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
    w.postMessage(sent, '*');
    w.postMessage({ oncefill: 1, type: 'result', nonce, outcomes: [] }, '*');
    w.postMessage({ oncefill: 2, type: 'plan' }, '*');
    w.postMessage('hello', '*');
  }, sent);
  await popup.waitForFunction(() => {
    const s = window.OnceFillWindow && window.OnceFillWindow.stats();
    return s && Object.values(s).reduce((a, b) => a + b, 0) >= 4;
  });
  const stats = await popup.evaluate(() => window.OnceFillWindow.stats());
  assert.equal(stats.replayed, 1);
  assert.equal(stats.nonce, 1);
  assert.equal(stats['not-ours'], 2);
  // Still asking for the first request, from the same portal.
  assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL);
  assert.deepEqual((await popup.evaluate(() => window.__requests)).map((r) => r.nonce), [sent.nonce, sent.nonce]);
  await popup.close();

  // The window opened directly (no portal behind it) says so and offers nothing.
  const direct = await context.newPage();
  await direct.goto(`${ONCEFILL}/window.html`);
  await direct.locator(W('no-opener')).waitFor();
  assert.equal(await direct.locator(W('unlock-pass')).count(), 0);
  await context.close();
});

test('the window declines when closed, and works on a phone-sized tab with the keyboard', async () => {
  const context = await profile({ width: 360, height: 740 });
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const received = [];
  await page.exposeFunction('__got', (d) => received.push(d));
  await page.evaluate(() => addEventListener('message', (e) => window.__got(e.data)));
  const { popup } = await openWindow(page, button);
  await popup.locator(W('asking')).waitFor();
  // Keyboard only: the demo profile, a vault, the review and the fill.
  const press = async (name) => {
    await popup.locator(W(name)).focus();
    await popup.keyboard.press('Enter');
  };
  await press('load-demo');
  await press('vault-setup');
  await popup.locator(W('new-pass')).focus();
  await popup.keyboard.type(PASS);
  await popup.keyboard.press('Tab');
  await popup.keyboard.type(PASS);
  await press('create-vault');
  await popup.locator(W('review')).waitFor();
  await press('fill');
  await popup.locator(W('report')).waitFor();
  assert.equal(await page.inputValue('#aac003'), '王小明');
  const width = await popup.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the window scrolls sideways: ${width}px`);
  await popup.close();

  // A second window closed without approving: the portal is told, nothing is filled.
  await page.fill('#aac003', '');
  const second = await openWindow(page, button);
  await second.popup.locator(W('unlock-pass')).waitFor();
  received.length = 0;
  const closed = second.popup.waitForEvent('close');
  await second.popup.locator(W('close')).focus();
  // (The window closes during the key press.)
  await second.popup.keyboard.press('Enter').catch(() => {});
  await closed;
  await page.waitForTimeout(300);
  assert.ok(received.some((d) => d && d.type === 'cancel'), JSON.stringify(received.map((d) => d && d.type)));
  assert.equal(await page.inputValue('#aac003'), '');
  await context.close();
});

test('a form changed between review and fill keeps the changed control empty, and the window says so', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  // After the person reviewed 姓名, the page relabels that control 手机号码.
  await page.evaluate(() => {
    document.getElementById('aac003').closest('tr').querySelector('th, td').textContent = '手机号码';
  });
  await fillApproved(popup);
  const report = popup.locator(W('report'));
  await report.waitFor();
  assert.ok(Number(await report.getAttribute('data-failed')) >= 1);
  assert.match(await report.textContent(), /姓名/);
  assert.equal(await page.inputValue('#aac003'), '');
  // The other controls were filled.
  assert.match(await page.inputValue('#aac002'), /^\d{17}[\dX]$/);
  await context.close();
});

test('the window answers only the origin that asked: a portal that navigated away gets nothing', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  // The window's opener is now a page of another origin (the portal's tab went elsewhere).
  await page.goto(`${ELSEWHERE}/forms/pension.html`);
  await page.evaluate(() => {
    window.__got = [];
    addEventListener('message', (e) => window.__got.push(e.data));
  });
  await fillApproved(popup);
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__got), []);
  assert.equal(await page.inputValue('#aac003'), '');
  // The window never gets a result, so it shows no report.
  assert.equal(await popup.locator(W('report')).count(), 0);
  await context.close();
});

/** The handle the description in `request` gives the control with id `id`. */
function handleOf(request, id) {
  const node = request.description.nodes.find((n) => n.k && n.a.some(([name, value]) => name === 'id' && value === id));
  assert.ok(node, `no control #${id} in the description`);
  return node.k;
}

test('a second click reuses the open, unlocked window: straight to a new review, bound to the new nonce', async () => {
  const context = await profile();
  const { page, button, errors } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup, problems } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  await popup.locator(W('fill')).click();
  await popup.locator(W('report')).waitFor();
  assert.equal(await page.inputValue('#aac003'), '王小明');
  // The person goes back to the form without closing the window, empties a field, and clicks
  // 一键填表 again.
  await page.fill('#aac003', '');
  let opened = 0;
  context.on('page', () => opened++);
  await popup.evaluate(() => {
    // Whether the unlock screen shows at any moment from now on.
    window.__askedPass = false;
    new MutationObserver(() => {
      const root = document.querySelector('[data-oncefill-host]')?.shadowRoot;
      if (root?.querySelector('[data-of="unlock-pass"]')) window.__askedPass = true;
    }).observe(document, { subtree: true, childList: true });
    const root = document.querySelector('[data-oncefill-host]')?.shadowRoot;
    if (root) new MutationObserver(() => {
      if (root.querySelector('[data-of="unlock-pass"]')) window.__askedPass = true;
    }).observe(root, { subtree: true, childList: true });
  });
  await button.click();
  await popup.waitForFunction(() => window.__requests.length === 2);
  await popup.locator(W('review')).waitFor();
  // One window, the same one: no new page, no passphrase asked.
  assert.equal(opened, 0);
  assert.equal(context.pages().length, 2);
  assert.equal(await popup.evaluate(() => window.__askedPass), false);
  assert.equal(await popup.locator(W('unlock-pass')).count(), 0);
  const [first, second] = await popup.evaluate(() => window.__requests);
  assert.notEqual(first.nonce, second.nonce);
  assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL);
  // A plan under the first request's nonce, from the window itself, is refused by the agent:
  // the first review cannot fill the form the second request describes.
  const before = await page.evaluate(() => window.OnceFill.stats());
  await popup.evaluate(
    ([nonce, k, portal]) => window.opener.postMessage({ oncefill: 1, type: 'plan', nonce, fills: [{ k, do: 'text', text: '旧请求' }] }, portal),
    [first.nonce, handleOf(first, 'aac003'), PORTAL],
  );
  await page.waitForFunction((n) => window.OnceFill.stats().nonce > n, before.nonce);
  assert.equal(await page.inputValue('#aac003'), '');
  // The review of the second request fills.
  await popup.locator(W('fill')).click();
  await popup.locator(W('report')).waitFor();
  assert.equal(await page.inputValue('#aac003'), '王小明');
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click while the person reviews another request says so, and shows the new review only when asked', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup, problems } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  // Mid-review, the portal's button is clicked again.
  await button.click();
  const again = popup.locator(W('again'));
  await again.waitFor();
  assert.match(await again.textContent(), /又发来了一个填表请求/);
  // The first review is set aside: nothing of it can be approved any more.
  assert.equal(await popup.locator(W('review')).count(), 0);
  assert.equal(await popup.locator(W('fill')).count(), 0);
  assert.equal(await page.inputValue('#aac003'), '');
  // The focus left the review for the panel's heading; the notice's button takes the keyboard.
  assert.equal(await popup.locator('[data-oncefill-host] #of-title').evaluate((h) => h.getRootNode().activeElement === h), true);
  await popup.locator(W('again-review')).focus();
  await popup.keyboard.press('Enter');
  await popup.locator(W('review')).waitFor();
  assert.equal(await popup.locator(W('unlock-pass')).count(), 0);
  await popup.locator(W('fill')).click();
  const report = popup.locator(W('report'));
  await report.waitFor();
  assert.ok(Number(await report.getAttribute('data-filled')) >= 3);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  const requests = await popup.evaluate(() => window.__requests);
  assert.equal(requests.length, 2);
  assert.deepEqual(problems, []);

  // Once the window is closed, the next click opens a fresh one, which asks for the
  // passphrase again.
  await popup.close();
  await page.fill('#aac003', '');
  const fresh = await openWindow(page, button);
  assert.notEqual(fresh.popup, popup);
  await unlock(fresh.popup);
  const filled = await approve(fresh.popup);
  assert.ok(filled >= 1, `${filled} filled`);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  assert.equal(context.pages().length, 1);
  await context.close();
});

test('a window locked with its lock button asks for the passphrase again on the next click, and answers that click', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup, problems } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  await fillApproved(popup);
  await popup.locator(W('report')).waitFor();
  await popup.locator(W('lock')).click();
  await popup.locator(W('unlock-pass')).waitFor();
  await page.fill('#aac003', '');
  let opened = 0;
  context.on('page', () => opened++);
  await button.click();
  await popup.waitForFunction(() => window.__requests.length === 2);
  // The same window, locked: the new request waits behind the unlock screen.
  await unlock(popup);
  await popup.locator(W('review')).waitFor();
  assert.equal(opened, 0);
  // (Only the emptied field is filled again: the others hold what the first fill wrote.)
  const filled = await approve(popup);
  assert.equal(filled, 1);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an open window that went elsewhere does not answer: the click after says so, and the next one opens the window afresh', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  // The person uses the window for something else: it is still open, but no longer the window.
  await popup.goto(`${ONCEFILL}/`);
  await button.click();
  const note = page.locator('p[role=status]');
  await note.filter({ hasText: '一次填的窗口没有回应' }).waitFor({ timeout: 25000 });
  assert.equal(await page.inputValue('#aac003'), '');
  // The next click opens window.html again (in the same named window), on its unlock screen.
  await button.click();
  await popup.waitForURL(`${ONCEFILL}/window.html`);
  await unlock(popup);
  const filled = await approve(popup);
  assert.ok(filled >= 3, `${filled} filled`);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  await context.close();
});

test('locking in the window discards its instance and the request is answered after unlocking again', async () => {
  const context = await profile();
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await createVault(popup);
  await popup.locator(W('review')).waitFor();
  await popup.locator(W('lock')).click();
  // A new instance, on the unlock screen, still asking for the same portal's form.
  await unlock(popup);
  assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL);
  const filled = await approve(popup);
  assert.ok(filled >= 3, `${filled} filled`);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  await context.close();
});

test('a portal sending Cross-Origin-Opener-Policy: same-origin cuts the window off: it says so and nothing is sent', async () => {
  // The page is answered by the test (to carry the header), so Chromium counts it as public and
  // would keep it from the loopback OnceFill host; a real portal and OnceFill host are both public.
  const own = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
  const context = await profile(undefined, own);
  await context.route(`${PORTAL}/forms/pension.html`, async (r) => {
    const response = await r.fetch();
    r.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin' } });
  });
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await popup.locator(W('no-opener')).waitFor();
  assert.match(await popup.locator(W('no-opener')).textContent(), /Cross-Origin-Opener-Policy/);
  assert.equal(await popup.locator(W('unlock-pass')).count(), 0);
  assert.equal(await page.inputValue('#aac003'), '');
  // The agent hears nothing from the window and says so when its wait for `ready` ends.
  const note = page.locator('p[role=status]');
  await note.filter({ hasText: '一次填的窗口没有回应' }).waitFor({ timeout: 25000 });
  await own.close();
});

test('a malformed or oversized request from a listed portal gets a plain screen, a refusal and nothing else', async () => {
  const context = await profile();
  await context.route(`${PORTAL}/oncefill.js`, (r) => r.abort());
  for (const [bad, reason, screen] of [
    // A handle the description rules refuse (upper case).
    [{ v: 1, nodes: [{ t: 'input', a: [], c: [], r: 1, k: 'F0' }], truncated: null }, 'malformed', /无法读取/],
    // More controls than the cap.
    [{ v: 1, nodes: Array.from({ length: 2001 }, (_, i) => ({ t: 'input', a: [], c: [], r: 1, k: `f${i}` })), truncated: null }, 'too-large', /太大/],
  ]) {
    const page = await context.newPage();
    await page.goto(`${PORTAL}/forms/pension.html`);
    // A page of the listed portal speaking the protocol by hand, as a broken or hostile agent would.
    const popupP = page.waitForEvent('popup');
    const answers = page.evaluate(
      ([url, bad]) =>
        new Promise((done) => {
          const got = [];
          const w = window.open(url, 'oncefill');
          addEventListener('message', (e) => {
            if (e.source !== w) return;
            got.push(e.data);
            if (e.data.type === 'ready') {
              w.postMessage({ oncefill: 1, type: 'request', nonce: 'AAAAAAAAAAAAAAAAAAAAAA', lang: 'zh-CN', page: { title: 't', url: location.origin + location.pathname, form: '' }, description: bad }, new URL(url).origin);
            }
            if (e.data.type !== 'ready') setTimeout(() => done(got), 300);
          });
        }),
      [`${ONCEFILL}/window.html`, bad],
    );
    const popup = await popupP;
    const got = await answers;
    assert.deepEqual(got.map((d) => d.type), ['ready', 'refused']);
    assert.equal(got[1].reason, reason);
    assert.equal(got[1].nonce, 'AAAAAAAAAAAAAAAAAAAAAA');
    const shown = popup.locator(W('unreadable'));
    await shown.waitFor();
    assert.match(await shown.textContent(), screen);
    assert.equal(await popup.locator(W('unlock-pass')).count(), 0);
    await page.close();
  }
  await context.close();
});

test('a window whose module fails to load tries again by itself and still answers the portal', async () => {
  const context = await profile();
  // The first load of the window's module fails (its preload and its import), as on a
  // dropped connection; the next address loads.
  let dropped = 0;
  await context.route(`${ONCEFILL}/pkg/oncefill.js*`, (r) => {
    if (new URL(r.request().url()).search === '') {
      dropped += 1;
      return r.abort('connectionreset');
    }
    return r.continue();
  });
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  await popup.locator(W('asking')).waitFor();
  assert.ok(dropped >= 1, 'the first load was dropped');
  assert.equal(await popup.locator('[data-of="load-failed"]').count(), 0);
  await createVault(popup);
  assert.ok((await approve(popup)) >= 3);
  assert.equal(await page.inputValue('#aac003'), '王小明');
  await context.close();
});

test('a window whose module never loads says what to do in plain words, and its button tries again', async () => {
  const context = await profile();
  let blocked = true;
  await context.route(`${ONCEFILL}/pkg/oncefill.js*`, (r) => (blocked ? r.abort('connectionreset') : r.continue()));
  const { page, button } = await portal(context, PORTAL, 'forms/pension.html');
  const { popup } = await openWindow(page, button);
  const problem = popup.locator('[data-of="load-failed"]');
  await problem.waitFor();
  const text = await problem.innerText();
  assert.match(text, /一次填没能打开/);
  assert.match(text, /请检查网络连接/);
  assert.match(text, /could not start/);
  // The button has the focus, so Enter alone tries again.
  assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('data-of')), 'load-retry');
  blocked = false;
  await popup.keyboard.press('Enter');
  await popup.locator(W('asking')).waitFor();
  assert.equal(await problem.count(), 0);
  assert.equal(await popup.locator(W('asking-origin')).textContent(), PORTAL);
  await context.close();
});
