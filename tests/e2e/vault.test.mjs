// The encrypted vault in a real browser: set a passphrase, save, reload and unlock, wrong
// passphrases with growing waits, lock and auto-lock, backup and restore in another
// browser profile, and erasing every byte.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, createVault as createVaultUnder, open, fillApproved } from './lib/widget.mjs';

const FORM = `${BASE}forms/pension.html`;
const PASS = 'Hangzhou-teapot-1990';
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

async function newPage(context) {
  const page = await context.newPage();
  const problems = await open(page, FORM);
  return { page, problems };
}

function createVault(page) {
  return createVaultUnder(page, PASS);
}

async function unlock(page, pass = PASS) {
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).fill(pass);
  await page.locator(W('unlock')).click();
}

/** Every byte the page's origin keeps, as text the test can search. */
async function storedText(page) {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    let text = '';
    for (const info of dbs) {
      const db = await new Promise((ok, err) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => err(r.error);
      });
      for (const name of db.objectStoreNames) {
        const values = await new Promise((ok) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => ok(r.result);
        });
        for (const v of values) text += v instanceof Uint8Array ? new TextDecoder().decode(v) : JSON.stringify(v);
      }
      db.close();
    }
    // The service worker keeps the site's own files (the build's list in sw.js) for offline
    // use: those are no data of the person's. Anything else in Cache Storage counts.
    const worker = await (await fetch('/sw.js', { cache: 'no-store' })).text();
    const site = new Set(JSON.parse(worker.match(/var FILES = (\[.*\]);/)[1]).map((f) => new URL(f, location.origin + '/').href));
    let cached = 0;
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      cached += name.startsWith('oncefill-') ? keys.filter((r) => !site.has(r.url)).length : Math.max(keys.length, 1);
    }
    return { dbs: dbs.map((d) => d.name), text, local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, caches: cached };
  });
}

test('a passphrase keeps the profile encrypted across a reload; a wrong one is refused with growing waits', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page, problems } = await newPage(context);
  // Before any vault, nothing at all is stored.
  assert.deepEqual((await storedText(page)).dbs, []);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).fill('123456');
  await page.locator(W('new-pass-2')).fill('123456');
  assert.match(await page.locator(W('strength')).innerText(), /太弱/);
  await page.locator(W('create-vault')).click();
  assert.equal(await page.locator(W('vault-status')).count(), 0, 'a weak passphrase is refused');
  for (const weak of ['password1', 'zhang1990', '12345678', 'qwertyui', 'zhangwei1990', '我爱你我爱你']) {
    await page.locator(W('new-pass')).fill(weak);
    await page.locator(W('new-pass-2')).fill(weak);
    await page.locator(W('create-vault')).click();
    assert.equal(await page.locator(W('vault-status')).count(), 0, `${weak} is refused`);
    assert.doesNotMatch(await page.locator(W('strength')).innerText(), /较强|很强/, weak);
  }
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  await page.waitForTimeout(300);

  const stored = await storedText(page);
  assert.deepEqual(stored.dbs, ['oncefill']);
  assert.ok(stored.text.includes('ONCEFILL'), 'the envelope is there');
  for (const secret of ['王小明', '110105199003071239', '13800138000', '建国路']) {
    assert.ok(!stored.text.includes(secret), `${secret} is not stored in the clear`);
  }

  await page.reload();
  await page.locator(W('launcher')).waitFor();
  await page.locator(W('launcher')).click();
  await page.locator(W('unlock-pass')).waitFor();
  for (let i = 0; i < 3; i++) {
    await page.locator(W('unlock-pass')).fill('not my passphrase');
    await page.locator(W('unlock')).click();
    await page.locator(W('vault-error')).waitFor();
    await page.waitForFunction(() => {
      const b = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="unlock"]');
      return b && !b.textContent.includes('…');
    });
  }
  assert.match(await page.locator(W('vault-error')).innerText(), /密码不正确/);
  assert.match(await page.locator(W('unlock-wait')).innerText(), /秒后再试/);
  assert.ok(await page.locator(W('unlock')).isDisabled(), 'a wait follows repeated failures');
  await page.locator(W('unlock-wait')).waitFor({ state: 'detached', timeout: 10000 });
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王小明');

  // Lock now: nothing personal stays on screen.
  await page.locator(W('lock')).click();
  await page.locator(W('unlock-pass')).waitFor();
  assert.ok(!(await page.locator(W('panel')).innerText()).includes('王小明'));
  assertNoProblems(problems.filter((p) => !p.includes('favicon')));
  await context.close();
});

test('zxcvbn judges in the browser once its module is fetched, which happens only when the set-up screen opens', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    if (r.url().includes('/pkg/strength')) fetched.push(new URL(r.url()).pathname);
  });
  const problems = await open(page, FORM);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.waitForTimeout(500);
  assert.deepEqual(fetched, [], 'the strength module is not fetched before a passphrase is chosen');
  await page.locator(W('vault-setup')).click();
  // Loaded: the note that a simpler check judges goes away.
  await page.locator(W('strength-check')).waitFor({ state: 'detached' });
  assert.deepEqual(fetched.sort(), ['/pkg/strength.js', '/pkg/strength_bg.wasm']);
  // The bundle's own checks accept these; zxcvbn sees a name with a year, a keyboard walk.
  for (const weak of ['Wang-1990-Hangzhou', 'qazwsxedcrfvtgb']) {
    await page.locator(W('new-pass')).fill(weak);
    await page.locator(W('new-pass-2')).fill(weak);
    await page.locator(W('create-vault')).click();
    assert.equal(await page.locator(W('vault-status')).count(), 0, `${weak} is refused`);
    assert.doesNotMatch(await page.locator(W('strength')).innerText(), /较强|很强/, weak);
  }
  await page.locator(W('new-pass')).fill('Wang-1990-Hangzhou');
  assert.match(await page.locator(W('passphrase-form')).innerText(), /姓名（包括拼音）加生日或年份很容易被猜到/);
  const cjk = '我家门口那两棵枣树今年结得特别多';
  await page.locator(W('new-pass')).fill(cjk);
  await page.locator(W('new-pass-2')).fill(cjk);
  assert.match(await page.locator(W('strength')).innerText(), /很强/);
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('when the strength module cannot be fetched, the set-up screen says so and judges with its own checks', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.route('**/pkg/strength*', (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await open(page, FORM);
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('vault-setup')).click();
  await page.locator(`${W('strength-check')}[data-state="offline"]`).waitFor();
  assert.match(await page.locator(W('strength-check')).innerText(), /无法载入/);
  await page.locator(W('new-pass')).fill('zhangwei1990');
  await page.locator(W('new-pass-2')).fill('zhangwei1990');
  await page.locator(W('create-vault')).click();
  assert.equal(await page.locator(W('vault-status')).count(), 0, 'the offline checks still refuse a name with a year');
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  await context.close();
});

test('the vault locks itself after the idle time', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.install();
  await open(page, FORM);
  await createVault(page);
  await page.locator(W('settings')).click();
  await page.locator(W('auto-lock')).selectOption('1');
  await page.locator(W('back')).click();
  await page.clock.fastForward('00:50');
  assert.equal(await page.locator(W('unlock-pass')).count(), 0, 'not yet');
  await page.clock.fastForward('00:20');
  await page.locator(W('unlock-pass')).waitFor();
  await context.close();
});

test('a backup opens in another browser, with a preview; damaged and wrong-passphrase files change nothing', async () => {
  const dir = join(tmpdir(), `oncefill-e2e-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const first = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const { page } = await newPage(first);
  await createVault(page);
  await page.locator(W('settings')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(W('export')).click()]);
  assert.match(download.suggestedFilename(), /^oncefill-\d{8}\.oncefill$/);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await first.close();

  const bytes = await readFile(file);
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 5] ^= 0x40;
  const damagedFile = join(dir, 'damaged.oncefill');
  await writeFile(damagedFile, damaged);

  const second = await browser.newContext({ locale: 'zh-CN' });
  const { page: other, problems } = await newPage(second);
  await other.locator(W('launcher')).click();
  await other.locator(W('field-person.name')).fill('李四');
  await other.locator(W('field-person.name')).press('Tab');
  await other.locator(W('settings')).click();

  await other.locator(W('import-file')).setInputFiles(damagedFile);
  await other.locator(W('import-pass')).fill(PASS);
  await other.locator(W('import-open')).click();
  assert.match(await other.locator(W('import-error')).innerText(), /被改动或损坏/);
  await other.locator(W('import-cancel')).click();
  await other.locator(W('import-file')).setInputFiles(file);
  await other.locator(W('import-pass')).fill('wrong passphrase');
  await other.locator(W('import-open')).click();
  await other.locator(W('import-error')).filter({ hasText: '密码不正确' }).waitFor();

  await other.locator(W('import-pass')).fill(PASS);
  await other.locator(W('import-open')).click();
  const preview = other.locator(W('import-preview'));
  await preview.waitFor();
  assert.match(await preview.innerText(), /修改 1 项/, 'the owner\'s name would change');
  await other.locator(W('import-merge')).click();
  await other.locator(W('editor')).waitFor();
  assert.equal(await other.locator(W('field-person.name')).inputValue(), '王小明');
  assert.match(await other.locator('[data-oncefill-host] .of-nav').innerText(), /配偶：李华/);
  assertNoProblems(problems);
  await second.close();
});

test('a save made while another is still writing is kept too', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page, problems } = await newPage(context);
  await createVault(page);
  // Two saves one straight after the other: the second is asked for while the first writes.
  await page.locator(W('field-person.name')).fill('王大明');
  await page.locator(W('save')).click();
  await page.locator(W('field-contact.email')).fill('second-save@example.com');
  await page.locator(W('save')).click();
  // Both end as saved: the status settles on the time of the last save, and stays there.
  const status = page.locator(W('vault-status'));
  await page.waitForFunction(async () => {
    const read = () => document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="vault-status"]').textContent;
    if (!read().includes('最近保存于')) return false;
    await new Promise((done) => setTimeout(done, 500));
    return read().includes('最近保存于');
  }, null, { timeout: 30000 });
  assert.doesNotMatch(await status.innerText(), /保存中/);
  await page.reload();
  await unlock(page);
  await page.locator(W('field-contact.email')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王大明');
  assert.equal(await page.locator(W('field-contact.email')).inputValue(), 'second-save@example.com');
  assertNoProblems(problems);
  await context.close();
});

test('erase all removes every byte OnceFill stored', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page } = await newPage(context);
  await createVault(page);
  await page.locator(W('settings')).click();
  await page.locator(W('erase')).click();
  await page.locator(W('confirm-erase')).click();
  await page.locator(W('vault-setup')).waitFor();
  const stored = await storedText(page);
  assert.deepEqual(stored.dbs, []);
  assert.equal(stored.local, 0);
  assert.equal(stored.session, 0);
  assert.equal(stored.cookie, '');
  assert.equal(stored.caches, 0);
  await page.reload();
  await page.locator(W('launcher')).click();
  await page.locator(W('vault-setup')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '');
  await context.close();
});

test('the passphrase can be changed; the old one stops working', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page, problems } = await newPage(context);
  await createVault(page);
  await page.locator(W('settings')).click();
  await page.locator(W('change-pass')).click();
  await page.locator(W('old-pass')).fill('not the current one');
  await page.locator(W('new-pass')).fill('我家门口有两棵树');
  await page.locator(W('new-pass-2')).fill('我家门口有两棵树');
  await page.locator(W('create-vault')).click();
  await page.locator(W('vault-error')).filter({ hasText: '密码不正确' }).waitFor();
  // Every passphrase field was emptied when the form was sent.
  for (const field of ['old-pass', 'new-pass', 'new-pass-2']) {
    assert.equal(await page.locator(W(field)).inputValue(), '', `${field} is emptied`);
  }
  await page.locator(W('old-pass')).fill(PASS);
  await page.locator(W('new-pass')).fill('我家门口有两棵树');
  await page.locator(W('new-pass-2')).fill('我家门口有两棵树');
  await page.locator(W('create-vault')).click();
  await page.locator(W('editor')).waitFor();
  await page.waitForTimeout(500);
  await page.reload();
  await unlock(page, PASS);
  await page.locator(W('vault-error')).filter({ hasText: '密码不正确' }).waitFor();
  await page.locator(W('unlock-pass')).fill('我家门口有两棵树');
  await page.locator(W('unlock')).click();
  await page.locator(W('editor')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王小明');
  assertNoProblems(problems);
  await context.close();
});

test('when the browser will not promise to keep the vault, the person is told once and offered a backup', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(() => {
    window.__persistAsked = 0;
    Object.defineProperty(StorageManager.prototype, 'persist', {
      value() {
        window.__persistAsked += 1;
        return Promise.resolve(false);
      },
    });
  });
  const { page, problems } = await newPage(context);
  await createVault(page);
  const notice = page.locator(W('persist-notice'));
  await notice.waitFor();
  assert.match(await notice.innerText(), /可能会清除/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(W('persist-backup')).click()]);
  assert.match(download.suggestedFilename(), /^oncefill-\d{8}\.oncefill$/);
  await page.locator(W('persist-dismiss')).click();
  assert.equal(await notice.count(), 0);

  await page.reload();
  await unlock(page);
  await page.locator(W('editor')).waitFor();
  await page.waitForFunction(() => window.__persistAsked > 0);
  await page.waitForTimeout(300);
  assert.equal(await notice.count(), 0, 'asked again on unlock, but the person is told only once');
  assertNoProblems(problems);
  await context.close();
});

test('without usable storage the widget says so and works from memory', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const { page } = await newPage(context);
  await page.locator(W('launcher')).click();
  assert.match(await page.locator(W('vault-unavailable')).innerText(), /不允许一次填在本机保存资料/);
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await context.close();
});

test('a correction in review is remembered for the form and exported as a mapping', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const { page, problems } = await newPage(context);
  await createVault(page);
  await page.locator(W('to-review')).click();
  const mobile = page.locator(`${W('step')}[data-key="contact.mobile"]`);
  await mobile.locator('summary').click();
  await mobile.locator('select').selectOption('');
  await page.locator(`${W('step')}[data-key="contact.mobile"]`).waitFor({ state: 'detached' });
  assert.match(await page.locator(W('skipped')).textContent(), /上次选择不填/);
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  assert.equal(await page.locator('#aae005').inputValue(), '', 'the declined field stays empty');
  assert.equal(await page.locator('#aac003').inputValue(), '王小明');
  await page.waitForTimeout(500);

  await page.reload();
  await unlock(page);
  await page.locator(W('editor')).waitFor();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  assert.equal(await page.locator(`${W('step')}[data-key="contact.mobile"]`).count(), 0, 'remembered after a reload');

  await page.locator(W('back')).click();
  await page.locator(W('settings')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(W('export-mappings')).click()]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json[0].fields.aae005, null);
  assert.match(json[0].page, /\/forms\/pension\.html$/);
  assert.ok(!JSON.stringify(json).includes('13800138000'), 'no personal data in a mapping');
  assertNoProblems(problems);
  await context.close();
});
