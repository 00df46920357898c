// Accessibility: axe-core (WCAG 2.0/2.1 A and AA, and best practices) finds nothing on the home
// page, on every screen of the widget over a well-labelled form, and on every screen of the
// OnceFill window; and a whole fill is done from page load with the keyboard alone.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import { axeViolations, describe } from './lib/axe.mjs';
import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, open, settled, vaultStored } from './lib/widget.mjs';

const PASS = '门前大桥下游过一群鸭';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

function person(width = 1280) {
  return browser.newContext({ locale: 'zh-CN', viewport: { width, height: 800 } });
}

/** Asserts that axe finds nothing on `page`, naming the screen in the message. */
async function clean(page, screen) {
  // The panel slides in; axe measures contrast on what is finally shown.
  await settled(page);
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `axe on ${screen}:\n${describe(violations)}`,
  );
}

/** As `clean`, on the widget's host and what it holds only. */
async function cleanWidget(page, screen) {
  await settled(page);
  const violations = await axeViolations(page, '[data-oncefill-host]');
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `axe on ${screen}:\n${describe(violations)}`,
  );
}

/** Waits for the focus to be on the open panel's heading (each new screen puts it there). */
async function headingFocused(page, screen) {
  const on = await page
    .waitForFunction(
      () => document.querySelector('[data-oncefill-host]')?.shadowRoot?.activeElement?.id === 'of-title',
      null,
      { timeout: 5000 },
    )
    .then(() => true, () => false);
  assert.ok(on, `the focus is on the heading of ${screen}`);
}

test('axe finds nothing on the home page, before and with the panel open, on a desktop and a phone', async () => {
  for (const width of [1280, 360]) {
    const context = await person(width);
    const page = await context.newPage();
    const problems = await open(page, BASE);
    await clean(page, `the home page at ${width} px`);
    await page.locator(W('launcher')).click();
    await page.locator(W('panel')).waitFor();
    await clean(page, `the home page with the panel open at ${width} px`);
    // On the home page the panel has no form to fill and says so.
    await page.locator(W('load-demo')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('no-form')).waitFor();
    await clean(page, `the home page's "no form" screen at ${width} px`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('axe finds nothing on any screen of the widget over a well-labelled form (个体工商户登记)', async () => {
  const context = await person();
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/samr-individual.html`);
  await clean(page, 'the form with the launcher');

  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).waitFor();
  await headingFocused(page, 'the editor');
  await clean(page, 'the empty editor');

  await page.locator(W('load-demo')).click();
  await clean(page, 'the editor with a profile');

  // A wrong value: the error state.
  const mobile = page.locator(W('field-contact.mobile'));
  await mobile.fill('12800138000');
  await page.locator(W('to-review')).click();
  assert.equal(await mobile.getAttribute('aria-invalid'), 'true');
  await clean(page, 'the editor with a refused field');
  await mobile.fill('13800138000');

  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await headingFocused(page, 'the review');
  await clean(page, 'the review');

  await page.locator(W('fill')).click();
  await page.locator(W('report')).waitFor();
  await headingFocused(page, 'the report');
  await clean(page, 'the report after a fill');

  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).waitFor();
  await headingFocused(page, 'creating a vault');
  await clean(page, 'creating a vault');
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await clean(page, 'creating a vault, passphrase typed');
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-oncefill-host]');
    return host?.shadowRoot?.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored');
  });
  await clean(page, 'the editor with a vault');
  // Locking starts a new instance of the widget on the unlock screen: one host, one id.
  // (It opens with the panel open, as it was.)
  // (The old instance's host is marked, so that the checks below wait for the new one.)
  await page.evaluate(() => { document.querySelector('[data-oncefill-host]').dataset.old = ''; });
  await page.locator(W('lock')).click();
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-oncefill-host]:not([data-old])');
    return host?.shadowRoot?.querySelector('[data-of="unlock-pass"]');
  });
  assert.equal(await page.locator('[data-oncefill-host]').count(), 1);
  await clean(page, 'unlocking after locking');

  await page.reload();
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).waitFor();
  await headingFocused(page, 'unlocking');
  await clean(page, 'unlocking');
  await page.locator(W('unlock-pass')).fill('not my passphrase');
  await page.locator(W('unlock')).click();
  await page.locator(W('vault-error')).waitFor();
  await clean(page, 'unlocking, wrong passphrase');
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="unlock"]');
    return b && !b.disabled;
  });
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  // (The unlock screen has a link to the settings too: wait for the unlocked editor.)
  await page.locator(W('lock')).waitFor();
  await page.locator(W('settings')).click();
  await page.locator(W('erase')).waitFor();
  await headingFocused(page, 'the settings');
  await clean(page, 'the settings');
  await page.locator(W('erase')).click();
  await page.locator(W('confirm-erase')).waitFor();
  await clean(page, 'confirming erase');
  await page.locator(W('confirm-erase')).click();
  await page.locator(W('erased')).waitFor();
  await clean(page, 'after erasing');
  assertNoProblems(problems);
  await context.close();
});

// The OnceFill window (www/window.html, on OnceFill's origin) answering a portal on another
// origin, as in window.test.mjs: the portal page loads the page agent with its integrity hash.
const ONCEFILL = new URL(BASE).origin;
const at = (host) => {
  const u = new URL(BASE);
  u.hostname = host;
  return u.origin;
};
const PORTAL = at('localhost');
const ELSEWHERE = at('elsewhere.localhost');
const PORTALS = { version: 1, portals: [{ origin: PORTAL, name: '测试门户甲' }] };

async function windowContext(width = 1000) {
  const context = await browser.newContext({
    // The sample portal page's own CSP names 'self' only; the agent comes from OnceFill's origin.
    bypassCSP: true,
    locale: 'zh-CN',
    viewport: { width, height: 900 },
  });
  await context.route(`${ONCEFILL}/portals.json`, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(PORTALS) }),
  );
  return context;
}

/** The portal page at `origin` with the agent; resolves to the window its button opens. */
async function openWindow(context, origin, path = 'forms/pension.html', before = async () => {}) {
  const agent = await fetch(`${ONCEFILL}/agent.js`);
  const integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  await context.route(`${origin}/oncefill.js`, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(`${origin}/${path}`);
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
  const button = page.locator('button', { hasText: '一键填表' });
  await button.waitFor();
  await before(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  const problems = [];
  popup.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  popup.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await popup.waitForLoadState();
  return { page, popup, problems };
}

test('axe finds nothing on any screen of the OnceFill window', async () => {
  const context = await windowContext();
  {
    const { page, popup, problems } = await openWindow(context, PORTAL);
    await popup.locator(W('asking')).waitFor();
    await popup.locator(W('load-demo')).waitFor();
    await clean(popup, 'the window asking, without a vault');
    await popup.locator(W('load-demo')).click();
    await popup.locator(W('vault-setup')).click();
    await popup.locator(W('new-pass')).fill(PASS);
    await popup.locator(W('new-pass-2')).fill(PASS);
    await clean(popup, 'the window creating a vault');
    await popup.locator(W('create-vault')).click();
    await popup.locator(W('review')).waitFor();
    await clean(popup, 'the window’s review');
    await popup.locator(W('fill')).click();
    await popup.locator(W('report')).waitFor();
    await clean(popup, 'the window after the fill');
    assert.equal(await page.inputValue('#aac003'), '王小明');
    // The next window finds the vault only once its first save is stored.
    await vaultStored(popup);
    assertNoProblems(problems);
    await popup.close();
    await page.close();
  }
  {
    const { page, popup, problems } = await openWindow(context, PORTAL);
    await popup.locator(W('unlock-pass')).waitFor();
    await clean(popup, 'the window asking to unlock');
    assertNoProblems(problems);
    await popup.close();
    await page.close();
  }
  {
    const { page, popup, problems } = await openWindow(context, ELSEWHERE);
    await popup.locator(W('not-allowed')).waitFor();
    await clean(popup, 'the window refusing a portal not on the list');
    assertNoProblems(problems);
    await popup.close();
    await page.close();
  }
  {
    // Opened without a portal.
    const direct = await context.newPage();
    await direct.goto(`${ONCEFILL}/window.html`);
    await direct.locator(W('no-opener')).waitFor();
    await clean(direct, 'the window opened without a portal');
    await direct.close();
  }
  await context.close();
});

test("axe finds nothing on a labelled portal page with the agent's button, nor in the window on a phone", async () => {
  const context = await windowContext(360);
  const { page, popup, problems } = await openWindow(context, PORTAL, 'forms/samr-individual.html', (portal) =>
    clean(portal, "the portal page with the agent's button"),
  );
  await popup.locator(W('asking')).waitFor();
  await popup.locator(W('load-demo')).waitFor();
  await clean(popup, 'the window asking, on a phone');
  await popup.locator(W('load-demo')).click();
  await popup.locator(W('to-review')).click();
  await popup.locator(W('review')).waitFor();
  await clean(popup, 'the window’s review, on a phone');
  assertNoProblems(problems);
  await context.close();
});

/** What has the keyboard focus: the skip link, a widget element (its data-of, id, type, row key), or the page. */
function focusAt(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { at: 'none' };
    if (el.hasAttribute('data-oncefill-skip')) return { at: 'skip' };
    if (!el.hasAttribute('data-oncefill-host')) return { at: 'page', tag: el.tagName };
    const inner = el.shadowRoot.activeElement;
    if (!inner) return { at: 'widget' };
    return {
      at: 'widget',
      of: inner.getAttribute('data-of'),
      id: inner.id,
      tag: inner.tagName,
      type: inner.getAttribute('type'),
      key: inner.closest('[data-key]')?.getAttribute('data-key') ?? null,
    };
  });
}

test('a whole fill with the keyboard alone, from page load', async () => {
  const context = await person();
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/samr-individual.html`);
  let tabs = 0;
  const segments = [];
  /** Presses Tab (or Shift+Tab) until `wanted(focus)`, at most `max` times; counts the presses. */
  const tabUntil = async (what, wanted, max, shift = false) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
      tabs += 1;
      const at = await focusAt(page);
      if (wanted(at)) {
        segments.push(`${what} ${i + 1}`);
        return at;
      }
    }
    assert.fail(`${what} not reached within ${max} ${shift ? 'Shift+' : ''}Tab presses (now at ${JSON.stringify(await focusAt(page))})`);
  };

  // The skip link is the first Tab stop; Enter on it reaches the launcher, Enter opens the panel.
  await tabUntil('the skip link', (f) => f.at === 'skip', 1);
  await page.keyboard.press('Enter');
  assert.equal((await focusAt(page)).of, 'launcher');
  assert.ok(tabs <= 3);
  await page.keyboard.press('Enter');
  await page.locator(W('panel')).waitFor();
  await headingFocused(page, 'the editor');

  await tabUntil('载入示例资料', (f) => f.of === 'load-demo', 8);
  await page.keyboard.press('Enter');
  await page.locator(W('field-person.name')).waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="field-person.name"]').value !== '',
  );

  // A mobile number from a block no mobile has: Enter (the editor is a form) is refused and
  // the focus goes to that field.
  await tabUntil('the mobile field', (f) => f.of === 'field-contact.mobile', 25);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12800138000');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="field-contact.mobile"]').getAttribute('aria-invalid') === 'true',
  );
  assert.equal((await focusAt(page)).of, 'field-contact.mobile', 'the focus is on the first error');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('13800138000');
  await page.keyboard.press('Enter');
  await page.locator(W('review')).waitFor();
  await headingFocused(page, 'the review');
  // From a screen's heading, Shift+Tab reaches its last button: here 填写. Tab goes round
  // to the top of the panel.
  await tabUntil('填写 backwards', (f) => f.of === 'fill', 1, true);

  // Down the list: tick the ID number's row, sensitive and so unticked on a first fill of
  // this form, then untick the e-mail address's, the last row, each with Space.
  await tabUntil(
    'the ID number row',
    (f) => f.tag === 'INPUT' && f.type === 'checkbox' && f.key === 'person.id_number',
    30,
  );
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${W('review')} [data-key="person.id_number"] input[type=checkbox]`).isChecked(), true);
  const row = await tabUntil(
    'the e-mail row',
    (f) => f.tag === 'INPUT' && f.type === 'checkbox' && f.key === 'contact.email',
    30,
  );
  assert.ok(row);
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${W('review')} [data-key="contact.email"] input[type=checkbox]`).isChecked(), false);
  await tabUntil('填写', (f) => f.of === 'fill', 8);
  await page.keyboard.press('Enter');
  await page.locator(W('report')).waitFor();
  await headingFocused(page, 'the report');

  // The form has the approved values, and not the unticked one.
  assert.equal(await page.inputValue('#operName'), '王小明');
  assert.equal(await page.inputValue('#operCertNo'), '110105199003071239');
  assert.equal(await page.inputValue('#operMobile'), '13800138000');
  assert.equal(await page.inputValue('#operEmail'), '');
  assert.equal(await page.locator('#operSex1').isChecked(), true);

  // 返回表单, the report's last button, closes the panel; the focus goes back to the launcher.
  await tabUntil('返回表单', (f) => f.of === 'done', 1, true);
  await page.keyboard.press('Enter');
  await page.locator(W('panel')).waitFor({ state: 'detached' });
  assert.equal((await focusAt(page)).of, 'launcher');

  // Each stretch is bounded above (tabUntil's `max`); the whole, with the detour to the
  // mobile field deep in the editor and the walk down the review to tick the ID number (a
  // sensitive item is ticked by the person, row by row), stays at most 66.
  console.log(`keyboard-only fill: ${tabs} Tab presses (${segments.join(', ')})`);
  assert.ok(tabs <= 66, `${tabs} Tab presses for a whole fill`);
  assertNoProblems(problems);
  await context.close();
});

// The widget's remaining screens, over sample forms that copy real portals' markup (some of
// their own fields unlabelled, as on those portals): axe runs on the widget's host only.
test("axe finds nothing in the widget's other screens: records, a bundle, settings, a weak passphrase, a wait to unlock, English, a phone", async () => {
  const widget = (page, screen) => cleanWidget(page, screen);
  for (const width of [1280, 360]) {
    const context = await person(width);
    const page = await context.newPage();
    const problems = await open(page, `${BASE}forms/samr-company.html`);
    await page.locator(W('launcher')).click();
    await page.locator(W('load-demo')).click();
    for (const record of ['record-f1', 'record-agents', 'record-completeness']) {
      await page.locator(W(record)).click();
      await widget(page, `the editor's ${record} at ${width} px`);
    }
    await page.locator(W('record-agents')).click();
    const agents = page.locator(W('agent'));
    const had = await agents.count();
    await page.locator(W('add-agent')).click();
    await agents.nth(had).waitFor();
    await widget(page, `an agent added at ${width} px`);
    await agents.nth(had).locator('.of-role-head > button').click();
    await agents.nth(had).waitFor({ state: 'detached' });
    // A household member's record, and the question before removing it (cancelled).
    await page.locator(W('record-p2')).click();
    await widget(page, `the editor's record-p2 at ${width} px`);
    await page.locator(W('remove')).click();
    await page.locator(W('confirm-remove')).waitFor();
    await widget(page, `confirming a removal at ${width} px`);
    await page.locator(W('confirm-remove')).locator('xpath=following-sibling::button').click();
    await page.locator(W('record-p1')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('bundle')).waitFor();
    await widget(page, `a bundle's review with its later cascade rows at ${width} px`);
    await page.locator(W('skipped')).locator('summary').click();
    await widget(page, `the review with its skipped fields open at ${width} px`);
    await page.locator(W('fill')).click();
    await page.locator(W('report')).waitFor();
    await widget(page, `a bundle's report at ${width} px`);

    // In English.
    await page.locator(W('lang')).click();
    await page.locator(W('report')).waitFor();
    await widget(page, `the report in English at ${width} px`);
    await page.locator(W('back-to-review')).click();
    await page.locator(W('review')).waitFor();
    await widget(page, `the review in English at ${width} px`);
    await page.locator(W('back')).click();
    await page.locator(W('editor')).waitFor();
    await widget(page, `the editor in English at ${width} px`);
    await page.locator(W('lang')).click();

    // The settings of a vault: the passphrase change, the import screen.
    await page.locator(W('vault-setup')).click();
    await page.locator(W('new-pass')).fill(PASS);
    await page.locator(W('new-pass-2')).fill(PASS);
    await page.locator(W('create-vault')).click();
    await page.locator(W('lock')).waitFor();
    await page.locator(W('settings')).click();
    await page.locator(W('settings-screen')).waitFor();
    await widget(page, `the settings at ${width} px`);
    await page.locator(W('change-pass')).click();
    await page.locator(W('passphrase-form')).waitFor();
    await widget(page, `changing the passphrase at ${width} px`);
    // A weak passphrase typed: the strength meter and its message.
    await page.locator(W('new-pass')).fill('123456');
    await page.locator(W('strength')).waitFor();
    await widget(page, `a weak passphrase's strength at ${width} px`);

    // Three wrong passphrases: the unlock screen asks to wait.
    await page.reload();
    await page.locator(W('launcher')).click();
    for (let i = 0; i < 3; i++) {
      await page.waitForFunction(() => {
        const b = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="unlock"]');
        return b && !b.disabled;
      });
      await page.locator(W('unlock-pass')).fill('not my passphrase');
      await page.locator(W('unlock')).click();
      await page.locator(W('vault-error')).waitFor();
    }
    await page.locator(W('unlock-wait')).waitFor();
    await widget(page, `unlocking after three wrong passphrases at ${width} px`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('axe finds nothing in the widget over a wizard (出生一件事), step by step', async () => {
  const context = await person();
  const page = await context.newPage();
  const problems = await open(page, `${BASE}forms/birth-wizard.html`);
  await clean(page, 'the wizard with the launcher');
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await clean(page, "the wizard's first step in review");
  await page.locator(W('fill')).click();
  await page.locator(W('report')).waitFor();
  await clean(page, "the wizard's first step filled");
  assertNoProblems(problems);
  await context.close();
});
