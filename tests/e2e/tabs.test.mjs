// Two tabs of one browser on the same vault: saves take turns and the later one joins the
// earlier one's edit instead of writing over it; a lock or a new passphrase in one tab locks
// the other; after a new passphrase no stored generation opens with the old one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, createVault as createVaultUnder, open } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
const PASS = 'Hangzhou-teapot-1990';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

function createVault(page) {
  return createVaultUnder(page, PASS);
}

/** Waits until the tab's last save is done (or what it read is what is stored). */
async function settled(page) {
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-oncefill-host]');
    return host?.shadowRoot?.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored') ?? false;
  });
}

async function unlock(page, pass = PASS) {
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill(pass);
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
}

async function edit(page, key, value) {
  const field = page.locator(W(`field-${key}`));
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
  await field.press('Tab');
}

/** The generation numbers stored, and the current pointer, read raw from IndexedDB. */
async function stored(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, err) => {
      const r = indexedDB.open('oncefill');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    const get = (store, how) =>
      new Promise((ok) => {
        const r = how(db.transaction(store).objectStore(store));
        r.onsuccess = () => ok(r.result);
      });
    const keys = await get('generations', (s) => s.getAllKeys());
    const current = await get('meta', (s) => s.get('current'));
    db.close();
    return { keys, current };
  });
}

test('two tabs saving at once lose neither edit', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const a = await context.newPage();
  const problemsA = await open(a, FORM);
  await createVault(a);
  const b = await context.newPage();
  const problemsB = await open(b, FORM);
  await unlock(b);

  // Both tabs change a different element of the owner at the same moment.
  await Promise.all([edit(a, 'person.ethnicity', '02'), edit(b, 'person.name', '王晓明')]);
  await Promise.all([settled(a), settled(b)]);
  await a.waitForTimeout(1500);
  await Promise.all([settled(a), settled(b)]);

  for (const page of [a, b]) {
    assert.equal(await page.locator(W('field-person.ethnicity')).inputValue(), '02');
    assert.equal(await page.locator(W('field-person.name')).inputValue(), '王晓明');
    assert.equal(await page.locator(W('clash')).count(), 0);
  }
  const { keys, current } = await stored(a);
  assert.ok(keys.includes(current), 'the pointer is on a stored generation');

  // What is stored holds both edits.
  const c = await context.newPage();
  await open(c, FORM);
  await unlock(c);
  assert.equal(await c.locator(W('field-person.ethnicity')).inputValue(), '02');
  assert.equal(await c.locator(W('field-person.name')).inputValue(), '王晓明');

  // Locking one tab locks the others.
  await c.locator(W('lock')).click();
  await a.locator(W('unlock-pass')).waitFor();
  await b.locator(W('unlock-pass')).waitFor();
  assertNoProblems([...problemsA, ...problemsB].filter((p) => !p.includes('favicon')));
  await context.close();
});

test('the same element changed differently in two tabs is not saved over: the person chooses', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const a = await context.newPage();
  await open(a, FORM);
  await createVault(a);
  const b = await context.newPage();
  await open(b, FORM);
  await unlock(b);
  // Both tabs change the owner's name while a save lock is held, so that both saves wait:
  // b's goes first, and a's finds a newer generation that changed the same element.
  await b.evaluate(() => {
    window.__held = navigator.locks.request('oncefill-save', () => new Promise((r) => (window.__release = r)));
  });
  await edit(b, 'person.name', '王晓红');
  await edit(a, 'person.name', '王晓兰');
  await b.evaluate(() => window.__release());
  await a.locator(W('clash')).waitFor();
  assert.match(await a.locator(W('clash')).innerText(), /另一个页面刚刚保存了资料/);
  assert.match(await a.locator(W('vault-status')).innerText(), /本页的修改尚未保存/);
  assert.equal(await a.locator(W('field-person.name')).inputValue(), '王晓兰', 'its own edit is kept on screen');
  assert.equal(await b.locator(W('field-person.name')).inputValue(), '王晓红', 'the other tab keeps its own');
  await a.locator(W('clash-keep-mine')).click();
  await settled(a);
  await b.waitForFunction(() =>
    document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="field-person.name"]')?.value === '王晓兰',
  );
  await context.close();
});

test('a new passphrase in one tab locks the other, and no stored generation opens with the old one', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const a = await context.newPage();
  await open(a, FORM);
  await createVault(a);
  await edit(a, 'person.name', '王晓明');
  await settled(a);
  const b = await context.newPage();
  await open(b, FORM);
  await unlock(b);
  assert.ok((await stored(a)).keys.length >= 2, 'an older generation is kept before the change');

  await a.locator(W('settings')).click();
  await a.locator(W('change-pass')).click();
  await a.locator(W('old-pass')).fill(PASS);
  await a.locator(W('new-pass')).fill('我家门口有两棵树');
  await a.locator(W('new-pass-2')).fill('我家门口有两棵树');
  await a.locator(W('create-vault')).click();
  await a.locator(W('editor')).waitFor();
  // Reported only after the old generations are gone.
  const { keys, current } = await stored(a);
  assert.deepEqual(keys, [current], 'only the generation under the new passphrase is left');
  await b.locator(W('unlock-pass')).waitFor();
  await b.locator(W('unlock-pass')).fill(PASS);
  await b.locator(W('unlock')).click();
  await b.locator(W('vault-error')).filter({ hasText: '密码不正确' }).waitFor();
  await context.close();
});
