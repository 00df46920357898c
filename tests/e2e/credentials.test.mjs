// The app page's verified data: 导入凭证 (a demo resident-ID credential verified against the demo
// trust list, previewed, imported on confirmation and saved; tampered and untrusted ones
// refused with the plain reason and nothing changed) and 交给窗口 (a desk's offer from the
// address, the check code, the choices, the sealed QR code read back from a screenshot and
// opened as the desk would, the disclosure record). The verification and sealing run in the
// module pkg/credentials.js, fetched only on these screens; locking wipes its memory.
//
// The desk's side is played here by Node's own crypto: an ephemeral P-256 key for the offer
// (OFO1.<key>.<expiry>), and the sealed text opened by the format of src/core/handoff/mod.rs
// (ECDH, HKDF-SHA256, AES-256-GCM). The QR code is read from the screenshot by the command line
// (`oncefill qr decode`, the core's reader), not by the module that drew it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { axeViolations, describe } from './lib/axe.mjs';
import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, memoryCounts, vaultStored } from './lib/widget.mjs';

const PASS = '门前大桥下游过一群鸭';
const CREDENTIALS = fileURLToPath(new URL('../credentials/', import.meta.url));
const credential = (name) => path.join(CREDENTIALS, name);
const DEMO_ID = '110105199003071239';
const CLI =
  process.env.ONCEFILL_CLI ||
  path.join(process.env.CARGO_TARGET_DIR || fileURLToPath(new URL('../../target/', import.meta.url)), 'debug', 'oncefill');
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

async function openApp(context, hash = '') {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${BASE}app.html${hash}`);
  await page.locator(W('app-heading')).waitFor({ timeout: 30000 });
  return { page, problems };
}

/** Sets up a vault from the first screen. */
async function setUpVault(page) {
  await page.locator(W('nav-settings')).click();
  await page.locator(W('settings-setup')).click();
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await vaultStored(page);
}

/** Waits until the last save is done. */
function saved(page) {
  return page.waitForFunction(() => document.querySelector('[data-oncefill-host]')
    .shadowRoot.querySelector('[data-of="vault-status"]')?.textContent.includes('最近保存于'));
}

/** Opens 导入凭证 from 我的资料 and verifies a file; returns the preview or the refusal. */
async function verifyFile(page, file) {
  await page.locator(W('nav-profile')).click();
  await page.locator(W('open-verify')).click();
  await page.locator(`${W('credential-check')}:not([disabled])`).waitFor({ timeout: 30000 });
  await page.locator(W('credential-file')).setInputFiles(file);
  const shown = page.locator(`${W('credential-preview')}, ${W('credential-refused')}`);
  await shown.first().waitFor({ timeout: 30000 });
  return shown.first();
}


/** The URLs of the verified-data module's instances this page started. */
function moduleUrls(page) {
  return page.evaluate(() => (window.OnceFillCredentials ? window.OnceFillCredentials.instances() : []));
}

test('the app page loads no verified-data module until its screens open', async () => {
  // The service worker keeps the module for use without a network; the page itself asks for it
  // only when a screen needs it.
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  const { page, problems } = await openApp(context);
  await page.locator(W('nav-profile')).click();
  await page.locator(W('open-verify')).waitFor();
  assert.equal(requested.filter((u) => u.includes('pkg/credentials')).length, 0);
  await page.locator(W('open-verify')).focus();
  await page.keyboard.press('Enter');
  await page.locator(`${W('credential-check')}:not([disabled])`).waitFor({ timeout: 30000 });
  const focused = await page.evaluate(() => document.querySelector('[data-oncefill-host]').shadowRoot.activeElement?.id);
  assert.equal(focused, 'of-credential-title', 'the keyboard starts at the screen\'s heading');
  assert.ok(requested.some((u) => u.includes('pkg/credentials_bg.wasm')), 'fetched when the import screen opens');
  assert.ok(requested.some((u) => u.includes('trust/demo-trust.json')), 'with the trust list');
  assertNoProblems(problems);
  await context.close();
});

test('a tampered or untrusted credential is refused in plain words and changes nothing; a demo resident ID is previewed, imported on confirmation, saved and badged', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openApp(context);
  await setUpVault(page);

  for (const [file, reason] of [
    ['tampered.sdjwt', '凭证签名无效：内容可能被改动过。'],
    ['untrusted-issuer.sdjwt', '凭证的签发机构不在信任列表中。'],
    ['expired.sdjwt', '凭证已过期。'],
    ['alg-none.sdjwt', '凭证的签名算法不被接受（只接受 ES256、Ed25519 和 SM2-SM3；不接受 none 和 HMAC）。'],
    ['wrong-element.sdjwt', '该签发机构无权证明数据项“uscc”。'],
  ]) {
    const shown = await verifyFile(page, credential(file));
    assert.equal(await shown.getAttribute('data-of'), 'credential-refused', file);
    assert.equal(await shown.innerText(), reason, file);
    assert.ok(!(await shown.innerText()).includes(DEMO_ID));
    assert.equal(await page.locator(W('credential-apply')).count(), 0, 'nothing to confirm');
  }
  await page.locator(W('nav-profile')).click();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '', 'nothing changed after a refusal');
  assert.equal(await page.locator(W('field-person.id_number')).inputValue(), '');
  assert.equal(await page.locator(W('verified-badge')).count(), 0);

  const shown = await verifyFile(page, credential('resident-id-sm2.sdjwt'));
  assert.equal(await shown.getAttribute('data-of'), 'credential-preview');
  assert.equal(await page.locator(W('credential-demo')).innerText(), '演示', 'a demo credential says so');
  assert.match(await page.locator(W('credential-issuer')).innerText(), /^签发机构：.+，签发日期 2026-01-01/);
  const rows = await page.locator(W('credential-row')).evaluateAll((rs) =>
    rs.map((r) => ({ element: r.dataset.element, action: r.dataset.action, text: r.textContent })));
  const id = rows.find((r) => r.element === 'person.id_number');
  assert.equal(id.action, 'add');
  assert.match(id.text, /新增/);
  assert.ok(rows.some((r) => r.element === 'person.name' && r.action === 'add'));
  const previewText = await shown.innerText();
  assert.ok(!previewText.includes(DEMO_ID), 'values are masked in the preview');
  assert.ok(!previewText.includes('王演示'));
  const adds = rows.filter((r) => ['add', 'replace', 'same'].includes(r.action)).length;
  assert.match(previewText, new RegExp(`确认后将写入 ${adds} 项`));

  // axe's own probes (its colour-contrast check styles elements inline) are refused by the
  // page's CSP and logged: only what the app logs counts.
  const logged = problems.length;
  const previewProblems = await axeViolations(page, '[data-oncefill-host]');
  assert.deepEqual(previewProblems, [], describe(previewProblems));
  const during = problems.splice(logged);
  problems.push(...during.filter((p) => !/Applying inline style violates/.test(p)));
  await page.locator(W('credential-apply')).click();
  assert.equal(await page.locator(W('credential-done')).innerText(), `已导入 ${adds} 项，资料已保存。`);
  // The module held the credential's values while it worked (copies the parser left in freed
  // memory); locking below wipes it.
  const urls = await moduleUrls(page);
  assert.equal(urls.length, 1);

  await page.locator(W('credential-to-profile')).click();
  await saved(page);
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王演示');
  assert.equal(await page.locator(W('field-person.id_number')).inputValue(), '1101**********1239', 'shown masked');
  const badge = page.locator('[data-oncefill-host] .of-record .of-row', { has: page.locator('[data-of="field-person.name"]') })
    .locator('[data-of="verified-badge"]');
  assert.match(await badge.innerText(), /^✓ 已核验 · 电子证照（.+，2026-01-01）$/);

  const open = await memoryCounts(page, urls, [DEMO_ID]);
  assert.ok(open[DEMO_ID] > 0, 'the search finds the ID number in the module while the vault is open');
  // Locked: the module's memory holds none of it.
  await page.locator(W('nav-settings')).click();
  await page.locator(W('settings-lock-now')).click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('[data-of="next-step"]');
    return s && s.dataset.step === 'unlock';
  });
  const locked = await memoryCounts(page, urls, [DEMO_ID, '王演示']);
  assert.deepEqual(locked, { [DEMO_ID]: 0, '王演示': 0 }, 'the module memory after locking');

  // Saved through the vault: unlocked again, the verified values and their badge are there.
  await page.locator(W('next-action')).click();
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('field-person.name')).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '王演示');
  assert.match(await badge.innerText(), /已核验 · 电子证照/);
  assertNoProblems(problems);
  await context.close();
});

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** A desk's session played by Node: its key, its offer text and its check code. */
function deskSession(ttl = 600) {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const key = ecdh.getPublicKey(null, 'compressed');
  const expires = Math.floor(Date.now() / 1000) + ttl;
  const hash = crypto.createHash('sha256').update('oncefill-handoff/1 check').update(key).digest();
  const check = String(hash.readUInt32BE(0) % 1000000).padStart(6, '0');
  return { ecdh, key, expires, check, offer: `OFO1.${b64url(key)}.${expires}` };
}

/** Opens a sealed text as the desk does (src/core/handoff/mod.rs, format version 1). */
function openSealed(desk, text) {
  assert.ok(text.startsWith('OFS1.'));
  const raw = Buffer.from(text.slice(5), 'base64url');
  const id = raw.subarray(0, 4);
  const ephemeral = raw.subarray(4, 37);
  const sealed = raw.subarray(37);
  const expected = crypto.createHash('sha256').update('oncefill-handoff/1 session').update(desk.key).digest().subarray(0, 4);
  assert.deepEqual(id, expected, 'sealed for this session');
  const shared = desk.ecdh.computeSecret(ephemeral);
  const okm = Buffer.from(crypto.hkdfSync('sha256', shared, 'oncefill-handoff/1', Buffer.concat([ephemeral, desk.key]), 44));
  const expiry = Buffer.alloc(8);
  expiry.writeBigInt64BE(BigInt(desk.expires));
  const aad = Buffer.concat([Buffer.from('OFS1'), desk.key, expiry, id, ephemeral]);
  const decipher = crypto.createDecipheriv('aes-256-gcm', okm.subarray(0, 32), okm.subarray(32, 44));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

/** The text of the QR code in a PNG screenshot, read by the command line. */
async function decodeScreenshot(page, png) {
  const gray = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const out = [];
    for (let i = 0; i < data.length; i += 4) out.push(Math.round((data[i] + data[i + 1] + data[i + 2]) / 3));
    return { width: img.width, height: img.height, pixels: out };
  }, png.toString('base64'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oncefill-qr-')), 'qr.pgm');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${gray.width} ${gray.height}\n255\n`), Buffer.from(gray.pixels)]));
  return execFileSync(CLI, ['qr', 'decode', file], { encoding: 'utf8' }).trim();
}

test('a desk offer from the address: after unlocking, the check code, the choices, a sealed QR code that reads back and opens at that desk, and the record', async () => {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    const { page, problems } = await openApp(context);
    await setUpVault(page);
    await page.locator(W('nav-home')).click();
    await page.locator(W('nav-profile')).click();
    await page.locator(W('load-demo')).click();
    await saved(page);

    await page.close();

    // The desk's QR code opens the app afresh (a phone's camera opens its link in a new tab).
    const desk = deskSession();
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await fresh.goto(`${BASE}app.html#offer=${encodeURIComponent(desk.offer)}`);
    await handOff(fresh, desk, width);
    assertNoProblems(problems);
    await context.close();
  }
});

async function handOff(page, desk, width) {
  {
    await page.locator(W('unlock-pass')).waitFor({ timeout: 30000 });
    assert.ok(!page.url().includes('#offer'), 'the offer is taken out of the address');
    await page.locator(W('unlock-pass')).fill(PASS);
    await page.locator(W('unlock')).click();

    await page.locator(W('handoff-check')).waitFor({ timeout: 30000 });
    assert.equal(await page.locator(W('handoff-check')).innerText(), desk.check);
    assert.equal(await page.locator(W('handoff-offer')).inputValue(), desk.offer);
    const picks = await page.locator(W('handoff-pick')).evaluateAll((ps) =>
      ps.map((p) => ({ element: p.dataset.element, role: p.dataset.role || null, checked: p.checked })));
    const ticked = picks.filter((p) => p.checked).map((p) => `${p.element}:${p.role}`);
    assert.deepEqual(ticked.sort(), ['person.birth_date:null', 'person.ethnicity:null', 'person.name:null', 'person.sex:null'],
      'the applicant\'s who-they-are, nothing sensitive, nobody else\'s');
    assert.ok(picks.some((p) => p.role === 'spouse'), 'the household is offered too');
    assert.ok(!(await page.locator(W('handoff')).innerText()).includes(DEMO_ID), 'values masked');

    await page.locator(`${W('handoff-pick')}[data-element="person.id_number"]:not([data-role])`).check();
    await page.locator(`${W('handoff-pick')}[data-element="person.name"][data-role="spouse"]`).check();
    await page.locator(W('handoff-seal')).click();
    const qr = page.locator(W('handoff-qr'));
    await qr.waitFor();
    assert.match(await qr.getAttribute('alt'), /二维码/);
    const box = await qr.boundingBox();
    assert.ok(box.width >= Math.min(320, width - 40), `large enough to scan: ${box.width}px`);
    const sealed = await page.locator(W('handoff-text')).inputValue();
    const left = Number(await page.locator(W('handoff-expiry')).getAttribute('data-left'));
    assert.ok(left > 290 && left <= 300, `five minutes: ${left}`);
    assert.match(await page.locator(W('handoff-expiry')).innerText(), /^还剩 [45] 分 \d+ 秒失效$/);

    const qrProblems = await axeViolations(page, '[data-oncefill-host]');
    assert.deepEqual(qrProblems, [], describe(qrProblems));
    assert.equal(await decodeScreenshot(page, await qr.screenshot()), sealed, 'the picture reads back as the text shown');
    const payload = openSealed(desk, sealed);
    const handed = payload.e.map((e) => e.join(':'));
    assert.ok(handed.includes(`person.id_number:${DEMO_ID}`), 'the ticked ID number');
    assert.ok(handed.includes('person.name:王小明'));
    assert.ok(handed.some((e) => e.startsWith('person.name:') && e.endsWith(':spouse')), 'the spouse\'s name, as hers');
    assert.equal(payload.e.length, 6);
    assert.equal(payload.exp - payload.iat, 300);

    await page.locator(W('nav-record')).click();
    const record = await page.locator(W('screen-record')).innerText();
    assert.match(record, new RegExp(`一窗受理 ${desk.check}`));
    assert.ok(!record.includes(DEMO_ID));

    // Locked: nothing handed over is left in the module's memory.
    const urls = await moduleUrls(page);
    assert.equal(urls.length, 1);
    await page.locator(W('nav-settings')).click();
    await page.locator(W('settings-lock-now')).click();
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('[data-of="next-step"]');
      return s && s.dataset.step === 'unlock';
    });
    assert.deepEqual(await memoryCounts(page, urls, [DEMO_ID, '王小明']), { [DEMO_ID]: 0, '王小明': 0 });
  }
}

test('an offer typed in, a wrong one refused in plain words, an expired one too', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page, problems } = await openApp(context);
  await page.locator(W('nav-profile')).click();
  await page.locator(W('open-handoff')).click();
  await page.locator(`${W('handoff-read')}:not([disabled])`).waitFor({ timeout: 30000 });
  await page.locator(W('handoff-offer')).fill('OFO1.not-a-key.1');
  await page.locator(W('handoff-read')).click();
  assert.equal(await page.locator(W('handoff-refused')).innerText(), '这不是窗口出示的交接二维码，请重新扫描窗口屏幕上的二维码。');
  const old = deskSession(-60);
  await page.locator(W('handoff-offer')).fill(old.offer);
  await page.locator(W('handoff-read')).click();
  assert.equal(await page.locator(W('handoff-refused')).innerText(), '窗口的交接二维码已过期，请工作人员重新生成。');
  const desk = deskSession();
  await page.locator(W('handoff-offer')).fill(`${BASE}app.html#offer=${encodeURIComponent(desk.offer)}`);
  await page.locator(W('handoff-read')).click();
  assert.equal(await page.locator(W('handoff-check')).innerText(), desk.check, 'a pasted link works too');
  // A desk's link opened while the app is open in this tab: only the fragment changes.
  const next = deskSession();
  await page.evaluate((offer) => { location.hash = `#offer=${encodeURIComponent(offer)}`; }, next.offer);
  await page.locator(W('handoff-check')).filter({ hasText: next.check }).waitFor();
  assert.equal(await page.locator(W('handoff-offer')).inputValue(), next.offer);
  assert.ok(!page.url().includes('#offer'), 'taken out of the address');
  assertNoProblems(problems);
  await context.close();
});

const HALL = 'https://zwfw.example.gov.cn/halls/xicheng';

/** A service hall played by Node: its ES256 key, listed in the site's trust list by `route`. */
function hall() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    privateKey,
    entry: {
      id: HALL,
      name: { 'zh-CN': '示例区政务服务中心', en: 'Example district service hall' },
      demo: true,
      keys: [{ kid: 'hall-2026', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } }],
      credentials: [{ format: 'oncefill-attestation/1', claims: ['person.name', 'person.id_number'] }],
    },
  };
}

/** An attestation of `items` ([element, value]) signed as src/core/handoff/attest.rs describes. */
function attestation(h, items) {
  const now = Math.floor(Date.now() / 1000);
  const date = new Date((now + 8 * 3600) * 1000).toISOString().slice(0, 10);
  const salts = {};
  const elements = items.map(([element, value]) => {
    const salt = b64url(crypto.randomBytes(16));
    salts[element] = salt;
    const digest = b64url(crypto.createHash('sha256').update(JSON.stringify([salt, element, value])).digest());
    return { element, digest };
  });
  const part = (v) => b64url(Buffer.from(JSON.stringify(v)));
  const input = `${part({ alg: 'ES256', typ: 'oncefill-attestation+jwt', kid: 'hall-2026' })}.${part({
    iss: HALL, iat: now, exp: now + 30 * 86400, date, elements,
  })}`;
  const signature = crypto.sign('sha256', Buffer.from(input), { key: h.privateKey, dsaEncoding: 'ieee-p1363' });
  const token = `${input}.${b64url(signature)}`;
  return {
    // As the desk's link carries it (OFA1~<JWS>~<salt>…, the salts in the elements' order), and
    // as a saved file's JSON.
    text: ['OFA1', token, ...elements.map((e) => salts[e.element])].join('~'),
    json: JSON.stringify({ token, salts }),
    date,
  };
}

test('a hall\'s attestation from the desk\'s link: after unlocking, verified against the profile\'s own values, previewed and recorded as staff-verified; one that does not match is refused', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const h = hall();
  await context.route('**/trust/demo-trust.json', async (route) => {
    const response = await route.fetch();
    const list = await response.json();
    list.issuers.push(h.entry);
    await route.fulfill({ response, json: list });
  });
  const { page, problems } = await openApp(context);
  await setUpVault(page);
  await page.locator(W('nav-profile')).click();
  await page.locator(W('load-demo')).click();
  await saved(page);
  await page.close();

  // Another ID number than the profile's: refused, naming the element, never a value.
  const wrong = attestation(h, [['person.id_number', '11010519491231002X']]);
  const first = await context.newPage();
  first.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await first.goto(`${BASE}app.html#attest=${encodeURIComponent(wrong.json)}`);
  await first.locator(W('unlock-pass')).fill(PASS);
  assert.ok(!first.url().includes('#attest'), 'taken out of the address');
  await first.locator(W('unlock')).click();
  const refused = first.locator(W('credential-refused'));
  await refused.waitFor({ timeout: 30000 });
  assert.match(await refused.innerText(), /^资料中数据项“.+”的值与核验证明不符（可能被改动过）。$/);
  assert.ok(!(await refused.innerText()).includes('11010519491231002X'));
  await first.close();

  const good = attestation(h, [['person.name', '王小明'], ['person.id_number', DEMO_ID]]);
  const page2 = await context.newPage();
  page2.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page2.goto(`${BASE}app.html#attest=${encodeURIComponent(good.text)}`);
  await page2.locator(W('unlock-pass')).fill(PASS);
  await page2.locator(W('unlock')).click();
  await page2.locator(W('credential-preview')).waitFor({ timeout: 30000 });
  assert.equal(await page2.locator(W('credential-issuer')).innerText(), `窗口核验：示例区政务服务中心，核验日期 ${good.date} 演示`);
  const actions = await page2.locator(W('credential-row')).evaluateAll((rs) => rs.map((r) => `${r.dataset.element}:${r.dataset.action}`));
  assert.deepEqual(actions.sort(), ['person.id_number:same', 'person.name:same']);
  await page2.locator(W('credential-apply')).click();
  await page2.locator(W('credential-done')).waitFor();
  await page2.locator(W('credential-to-profile')).click();
  await saved(page2);
  const badge = page2.locator('[data-oncefill-host] .of-record .of-row', { has: page2.locator('[data-of="field-person.name"]') })
    .locator('[data-of="verified-badge"]');
  assert.equal(await badge.innerText(), `✓ 已核验 · 窗口核验（zwfw.example.gov.cn，${good.date}）`);
  assertNoProblems(problems);
  await context.close();
});
