// The page agent (www/agent.js) in a portal of another origin: the portal pages are loaded from
// http://localhost:PORT/ while the agent and the OnceFill window come from http://127.0.0.1:PORT/.
// The window is a test double (fixtures/window-double.html, served in place of window.html)
// that speaks the protocol and sends the plan each test scripts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { BASE, CHROMIUM_ARGS, checkOwnServer, launch } from './lib/browser.mjs';

const ONCEFILL = new URL(BASE).origin;
const PORTAL = (() => {
  const u = new URL(BASE);
  u.hostname = 'localhost';
  return u.origin;
})();
const DOUBLE = await readFile(new URL('./fixtures/window-double.html', import.meta.url), 'utf8');
let browser;
let integrity;

before(async () => {
  await checkOwnServer();
  const agent = await fetch(`${ONCEFILL}/agent.js`);
  assert.equal(agent.headers.get('access-control-allow-origin'), '*');
  integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  browser = await launch();
});
after(async () => browser?.close());

/**
 * A portal page from PORTAL with the agent loaded from ONCEFILL (crossorigin + integrity), the
 * OnceFill widget of the page left out. The sample pages' own CSP names 'self' only, so it is
 * bypassed here: what a portal's CSP must allow is the agent's host.
 */
async function portal(path, { attach = false } = {}) {
  const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1000, height: 900 } });
  await context.route(`${PORTAL}/oncefill.js`, (r) => r.abort());
  await context.route(/\/window\.html(\?.*)?$/, (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: DOUBLE }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${PORTAL}/${path}`);
  await page.evaluate(
    ({ src, integrity, manual }) =>
      new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = src;
        s.crossOrigin = 'anonymous';
        s.integrity = integrity;
        if (manual) s.setAttribute('data-manual', '');
        s.onload = ok;
        s.onerror = () => fail(new Error('the agent did not load (CORS or integrity)'));
        document.head.appendChild(s);
      }),
    { src: `${ONCEFILL}/agent.js`, integrity, manual: attach },
  );
  return { context, page, errors, button: page.locator('button', { hasText: '一键填表' }) };
}

/** Clicks the button; resolves to the popup once the double holds the agent's request. */
async function request(page, button) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await popup.waitForFunction(() => window.request);
  return { popup, req: await popup.evaluate(() => window.request), origin: await popup.evaluate(() => window.requestOrigin) };
}

/** The handle of the control whose `name` (or `id`) attribute is `name`, with `value` for choices. */
function k(req, name, value) {
  const node = req.description.nodes.find((n) => {
    if (!n.k) return false;
    const a = Object.fromEntries(n.a);
    return (a.name === name || a.id === name) && (value === undefined || a.value === value);
  });
  assert.ok(node, `no control ${name} in the description`);
  return node.k;
}

async function sendPlan(popup, nonce, fills) {
  await popup.evaluate(([nonce, fills]) => window.send({ oncefill: 1, type: 'plan', nonce, fills }), [nonce, fills]);
}

async function result(popup) {
  await popup.waitForFunction(() => window.result, null, { timeout: 10000 });
  const r = await popup.evaluate(() => window.result);
  return Object.fromEntries(r.outcomes.map((o) => [o.k, o.outcome]));
}

const stats = (page) => page.evaluate(() => window.OnceFill.stats());

test('the description of a form has its controls, their labels and none of their content', async () => {
  const { context, page, button, errors } = await portal('forms/pension.html');
  await page.fill('#aac003', '王小明');
  await page.fill('#aac002', '11010519491231002X');
  await page.check('input[name=aac004][value="2"]');
  const { req, origin } = await request(page, button);
  assert.equal(origin, PORTAL);
  assert.equal(req.oncefill, 1);
  assert.equal(req.lang, 'zh-CN');
  assert.match(req.nonce, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(req.page.url, `${PORTAL}/forms/pension.html`);
  const d = req.description;
  assert.equal(d.v, 1);
  assert.equal(d.truncated, null);
  const json = JSON.stringify(req);
  for (const typed of ['王小明', '11010519491231002X']) assert.ok(!json.includes(typed), 'typed content in the description');
  // The page's own prefilled value is not described either.
  assert.ok(!json.includes('示例县社会保险事业管理局'));
  const controls = d.nodes.filter((n) => n.k);
  const inPage = await page.$$eval('input, select, textarea', (els) => els.length);
  assert.equal(controls.length, inPage);
  for (const n of controls) {
    assert.match(n.k, /^[a-z0-9-]{1,16}$/);
    assert.ok(['input', 'select', 'textarea'].includes(n.t));
    for (const [name] of n.a) assert.ok(name !== 'style' && !name.startsWith('on'));
    if (n.t === 'input' && !['radio', 'checkbox', 'submit', 'button', 'reset', 'image'].includes(Object.fromEntries(n.a).type)) {
      assert.ok(!n.a.some(([name]) => name === 'value'), 'an input value attribute was described');
    }
  }
  const byName = (name, value) => controls.find((n) => n === d.nodes.find((m) => m.k === k(req, name, value)));
  assert.equal(byName('aac003').hv, 1);
  assert.equal(byName('aac010').hv, undefined);
  assert.equal(byName('aac004', '2').hv, 1);
  assert.equal(byName('aae013').d, 1);
  assert.equal(byName('aae011').r, undefined, 'a hidden input is not rendered');
  assert.ok(byName('aac003').r);
  assert.ok(byName('aac005').o.length > 1);
  // The label text travels: 姓名 is a text node of the description.
  assert.ok(d.nodes.some((n) => n.c.some((c) => typeof c === 'string' && c.includes('姓名'))));
  // Parents come first; every child index points forward to a node whose parent it is.
  d.nodes.forEach((n, i) => {
    for (const c of n.c) if (typeof c === 'number') assert.equal(d.nodes[c].p, i);
  });
  // The button itself is not described.
  assert.ok(!json.includes('一键填表'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plan fills text, select, radio and checkbox the way typing would, and focus returns to the form', async () => {
  const { context, page, button } = await portal('forms/pension.html');
  const { popup, req } = await request(page, button);
  const optionValue = req.description.nodes.find((n) => n.k === k(req, 'aac005')).o[1];
  await sendPlan(popup, req.nonce, [
    { k: k(req, 'aac003'), do: 'text', text: '张三' },
    { k: k(req, 'aac005'), do: 'select', value: optionValue[0], label: optionValue[1] },
    { k: k(req, 'aac004', '1'), do: 'radio', choice: k(req, 'aac004', '2') },
    { k: k(req, 'aab001name'), do: 'text', text: '改写' },
    { k: k(req, 'aae013'), do: 'text', text: '不该写' },
  ]);
  const out = await result(popup);
  assert.equal(out[k(req, 'aac003')], 'filled');
  assert.equal(out[k(req, 'aac005')], 'filled');
  assert.equal(out[k(req, 'aac004', '1')], 'filled');
  assert.equal(out[k(req, 'aab001name')], 'not-fillable');
  assert.equal(out[k(req, 'aae013')], 'not-fillable');
  assert.equal(await page.inputValue('#aac003'), '张三');
  assert.equal(await page.inputValue('#aac005'), optionValue[0]);
  assert.ok(await page.isChecked('input[name=aac004][value="2"]'));
  assert.equal(await page.inputValue('input[name=aab001name]'), '示例县社会保险事业管理局');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'aac003');
  assert.equal((await stats(page)).ignored, 0);
  await context.close();
});

test('a React-style controlled form keeps what the agent fills', async () => {
  const { context, page, button } = await portal('forms/housing-fund.html');
  const { popup, req } = await request(page, button);
  await sendPlan(popup, req.nonce, [
    { k: k(req, 'xing'), do: 'text', text: '张' },
    { k: k(req, 'sjhm'), do: 'text', text: '13800138000' },
  ]);
  const out = await result(popup);
  assert.equal(out[k(req, 'xing')], 'filled');
  assert.equal(out[k(req, 'sjhm')], 'filled');
  const state = await page.evaluate(() => ({ ...window.__housingFundForm.state }));
  assert.equal(state.xing, '张');
  assert.equal(state.sjhm, '13800138000');
  await context.close();
});

test('controls in a same-origin frame and in an open shadow root are described and filled', async () => {
  {
    const { context, page, button } = await portal('forms/realty.html');
    const { popup, req } = await request(page, button);
    const frame = req.description.nodes.find((n) => n.t === 'iframe');
    assert.ok(frame.c.some((c) => typeof c === 'number' && req.description.nodes[c].t === 'html'));
    await sendPlan(popup, req.nonce, [
      { k: k(req, 'qlr_mc'), do: 'text', text: '李四' },
      { k: k(req, 'djlx', '200'), do: 'check', on: true },
    ]);
    const out = await result(popup);
    assert.equal(out[k(req, 'qlr_mc')], 'filled');
    assert.equal(out[k(req, 'djlx', '200')], 'filled');
    const inner = page.frameLocator('#bdc-frame');
    assert.equal(await inner.locator('input[name=qlr_mc]').inputValue(), '李四');
    assert.ok(await inner.locator('input[name=djlx][value="200"]').isChecked());
    await context.close();
  }
  {
    const { context, page, button } = await portal('forms/driver.html');
    const { popup, req } = await request(page, button);
    await sendPlan(popup, req.nonce, [{ k: k(req, 'xm'), do: 'text', text: '王五' }]);
    const out = await result(popup);
    assert.equal(out[k(req, 'xm')], 'filled');
    assert.equal(await page.locator('#xm').inputValue(), '王五');
    await context.close();
  }
});

test('messages from another window, another origin, a replayed nonce or an unknown handle fill nothing and are counted', async () => {
  const { context, page, button } = await portal('forms/pension.html');
  const { popup, req } = await request(page, button);
  const fills = [{ k: k(req, 'aac003'), do: 'text', text: '冒充' }];
  // The portal page itself (or anything in it) posting a plan.
  await page.evaluate(([nonce, fills]) => window.postMessage({ oncefill: 1, type: 'plan', nonce, fills }, '*'), [req.nonce, fills]);
  // A handle the description does not have.
  await sendPlan(popup, req.nonce, [{ k: 'zz999', do: 'text', text: '冒充' }]);
  // Another nonce.
  await sendPlan(popup, 'AAAAAAAAAAAAAAAAAAAAAA', fills);
  await page.waitForTimeout(300);
  let s = await stats(page);
  assert.equal(s.source, 1);
  assert.equal(s.handle, 1);
  assert.equal(s.nonce, 1);
  assert.equal(await page.inputValue('#aac003'), '');
  // The window's place taken by a page of another origin, holding the right nonce.
  // (navigated by itself: a navigation from the address bar would cut it from its opener)
  await popup.evaluate((url) => {
    location.href = url;
  }, `${PORTAL}/window.html?nonce=${req.nonce}#${encodeURIComponent(JSON.stringify(fills))}`);
  await page.waitForFunction(() => window.OnceFill.stats().origin === 1);
  assert.equal(await page.inputValue('#aac003'), '');
  await context.close();

  // A plan replayed after its result.
  const second = await portal('forms/pension.html');
  const r2 = await request(second.page, second.button);
  const ok = [{ k: k(r2.req, 'aac010'), do: 'text', text: '第一次' }];
  await sendPlan(r2.popup, r2.req.nonce, ok);
  assert.equal((await result(r2.popup))[k(r2.req, 'aac010')], 'filled');
  await second.page.fill('#aac010', '');
  await sendPlan(r2.popup, r2.req.nonce, ok);
  await second.page.waitForTimeout(300);
  assert.equal(await second.page.inputValue('#aac010'), '');
  assert.ok((await stats(second.page)).ignored >= 1);
  await second.context.close();
});

test('a control changed between the request and the plan is refused', async () => {
  const { context, page, button } = await portal('forms/pension.html');
  const { popup, req } = await request(page, button);
  // The page rewrites one control's label and renames another.
  await page.evaluate(() => {
    document.getElementById('aac002').closest('tr').querySelector('th, td').textContent = '手机号码';
    document.getElementById('aae005').setAttribute('name', 'aac002');
  });
  await sendPlan(popup, req.nonce, [
    { k: k(req, 'aac002'), do: 'text', text: '11010519491231002X' },
    { k: k(req, 'aae005'), do: 'text', text: '13800138000' },
    { k: k(req, 'aac010'), do: 'text', text: '北京市' },
  ]);
  const out = await result(popup);
  assert.equal(out[k(req, 'aac002')], 'changed');
  assert.equal(out[k(req, 'aae005')], 'changed');
  assert.equal(out[k(req, 'aac010')], 'filled');
  assert.equal(await page.inputValue('#aac002'), '');
  assert.equal(await page.inputValue('#aae005'), '');
  assert.equal((await stats(page)).changed, 2);
  await context.close();
});

test('a list that a previous choice fills is waited for', async () => {
  const { context, page, button } = await portal('forms/id-card.html');
  // This portal fills its city list a moment after the province changes.
  await page.evaluate(() => {
    const shi = document.getElementById('hjd_shi');
    document.getElementById('hjd_sheng').addEventListener('change', () => {
      const kept = Array.from(shi.options).map((o) => [o.value, o.text]);
      shi.length = 0;
      setTimeout(() => kept.forEach(([v, t]) => shi.add(new Option(t, v))), 800);
    });
  });
  const { popup, req } = await request(page, button);
  await sendPlan(popup, req.nonce, [
    { k: k(req, 'hjd_sheng'), do: 'select', value: '330000', label: '浙江省' },
    { k: k(req, 'hjd_shi'), do: 'select', value: '330100', label: '杭州市' },
    { k: k(req, 'hjd_xian'), do: 'select', value: '999999', label: '无此县' },
  ]);
  const out = await result(popup);
  assert.equal(out[k(req, 'hjd_sheng')], 'filled');
  assert.equal(out[k(req, 'hjd_shi')], 'filled');
  assert.equal(out[k(req, 'hjd_xian')], 'missing');
  assert.equal(await page.inputValue('#hjd_shi'), '330100');
  await context.close();
});

test('a blocked window is explained beside the button, and the button is reachable by keyboard', async () => {
  const { context, page, button } = await portal('forms/pension.html');
  await page.evaluate(() => {
    window.open = () => null;
  });
  await button.focus();
  await page.keyboard.press('Enter');
  const note = page.locator('p[role=status]');
  await note.waitFor();
  assert.match(await note.textContent(), /允许本网站弹出窗口/);
  assert.match(await note.textContent(), /Allow pop-ups/i);
  const size = await button.boundingBox();
  assert.ok(size.height >= 44 && size.width >= 44, JSON.stringify(size));
  assert.equal(await button.getAttribute('aria-label'), '一键填表：用一次填的资料填写本页表单');
  // Floating over the page, the note can be put away (never on a timer), and the page has room
  // at its end for the box, so its last fields can be scrolled out from under it.
  const room = await page.evaluate(() => {
    const host = [...document.body.children].find((e) => e.shadowRoot?.querySelector('.float'));
    const box = host.shadowRoot.querySelector('.float').getBoundingClientRect();
    return { host: host.getBoundingClientRect().height, box: box.height };
  });
  assert.ok(room.host >= room.box + 16, JSON.stringify(room));
  const dismiss = page.getByRole('button', { name: '关闭提示' });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await note.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent), '一键填表');
  await context.close();
});

test('OnceFill.attach puts an English button before a form', async () => {
  const { context, page } = await portal('forms/pension.html', { attach: true });
  assert.equal(await page.locator('button', { hasText: '一键填表' }).count(), 0);
  await page.evaluate(() => window.OnceFill.attach(document.querySelector('form'), { lang: 'en' }));
  const button = page.locator('button', { hasText: 'Fill with OnceFill' });
  const { req } = await request(page, button);
  assert.equal(req.lang, 'en');
  await context.close();
});

test('controls the page hides from the person are described as hidden and never filled', async () => {
  const { context, page, button } = await portal('forms/trap.html');
  const { popup, req } = await request(page, button);
  const traps = req.description.nodes.filter((n) => n.k && n.a.some(([name]) => name === 'data-trap'));
  assert.ok(traps.length >= 10, `${traps.length} hidden controls described`);
  for (const n of traps) {
    const trap = Object.fromEntries(n.a)['data-trap'];
    assert.equal(`hidden.${n.h}`, trap, `${Object.fromEntries(n.a).name}`);
  }
  const shown = req.description.nodes.filter((n) => n.k && n.r && !n.h);
  assert.ok(shown.length >= 2);
  const seen = shown.find((n) => Object.fromEntries(n.a).type !== 'submit');
  await sendPlan(popup, req.nonce, [
    { k: k(req, 'sfzh'), do: 'text', text: '11010519491231002X' },
    { k: seen.k, do: 'text', text: '张三' },
  ]);
  const out = await result(popup);
  assert.equal(out[k(req, 'sfzh')], 'hidden');
  assert.equal(out[seen.k], 'filled');
  assert.equal(await page.inputValue('input[name=sfzh]'), '');
  await context.close();
});

test('a portal with a strict CSP and SRI gets a styled button before each marked form', async () => {
  // The portal page is made up by the test (to carry a CSP header), so it has no network
  // address and Chromium would count it as public and keep it from the loopback OnceFill
  // server; a real portal and a real OnceFill host are both public.
  const own = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
  const context = await own.newContext({ locale: 'zh-CN' });
  await context.route(/\/window\.html(\?.*)?$/, (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: DOUBLE }),
  );
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>门户</title>
<script src="${ONCEFILL}/agent.js" integrity="${integrity}" crossorigin defer></script>
<h1>某事项申请</h1>
<form data-oncefill><label>姓名 <input name="xm"></label></form>
<form><label>备注 <input name="bz"></label></form>
<form data-oncefill="en"><label>Name <input name="name"></label></form></html>`;
  await context.route(`${PORTAL}/portal.html`, (r) =>
    r.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: {
        'Content-Security-Policy': `default-src 'none'; script-src 'self' ${ONCEFILL}; style-src 'self' ${ONCEFILL}`,
      },
      body: html,
    }),
  );
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|integrity/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${PORTAL}/portal.html`);
  const zh = page.locator('button', { hasText: '一键填表' });
  const en = page.locator('button', { hasText: 'Fill with OnceFill' });
  await zh.waitFor();
  assert.equal(await zh.count(), 1);
  assert.equal(await en.count(), 1);
  // Styled by agent.css from the OnceFill host: large enough to hit.
  await page.waitForFunction(() => {
    const host = document.querySelector('form[data-oncefill]').previousElementSibling;
    return host.shadowRoot.querySelector('button').getBoundingClientRect().height >= 44;
  });
  const { req } = await request(page, zh);
  assert.equal(req.page.form, '某事项申请');
  assert.deepEqual(violations, []);
  await own.close();
});
