// The staff desk receiving a citizen's data by QR (一窗受理) and signing an attestation. The
// citizen's sealed codes are made with the command line (`oncefill handoff seal`, the same
// core as the citizen's app) for the offer the desk shows: one read from a picture of its QR
// code, one typed by a handheld scanner. The case fills the hall's form and signs an
// attestation with the demo hall key, which verifies against the demo trust list; after
// 结束办理 none of the citizen's values is left anywhere the browser keeps data; the next case
// has a new session, and the old case's code is refused in plain words, as are a changed and a
// late code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, fillApproved } from './lib/widget.mjs';
import { D, createStaffVault, offerShown, openDesk, qrText, residue, unlock } from './lib/staff.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const A = { name: '欧阳青禾', id: '44030419870523481X', mobile: '13912345678', address: '广东省深圳市福田区福华一路6号' };
let browser;
let scratch;

before(async () => {
  await checkOwnServer();
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'oncefill-desk-'));
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The command line: the debug build `cargo xtask test` makes and names in ONCEFILL_CLI, or
 * cargo's when the tests are run by hand. */
function cli(args) {
  const [command, before] = process.env.ONCEFILL_CLI
    ? [process.env.ONCEFILL_CLI, []]
    : ['cargo', ['run', '--quiet', '--bin', 'oncefill', '--']];
  return execFileSync(command, [...before, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Seals `items` to `offer` as the citizen's app does; `png`: also its QR picture. */
function seal(offer, items, { png, at } = {}) {
  const file = join(scratch, `items-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(items));
  const args = ['handoff', 'seal', '--offer', offer, '--items', file];
  if (png) args.push('--png', png);
  if (at) args.push('--at', String(at));
  const sealed = cli(args);
  rmSync(file);
  return sealed;
}

test('a case received by picture and by scanner, filled and attested, leaves nothing behind', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await openDesk(page, 600);
  await createStaffVault(page);

  // The offer: its QR code opens the citizen's app with it; a six-digit check code.
  const offer = await offerShown(page);
  assert.equal(await qrText(page, 'offer-qr'), `${BASE}app.html#offer=${offer}`);
  assert.match((await page.locator(D('check')).textContent()).replace(/\s/g, ''), /^\d{6}$/);
  await page.locator(D('offer-left')).filter({ hasText: /分 \d\d 秒后失效/ }).waitFor();

  // The hall's key: the demo key imported, its public key shown for the trust list.
  await page.locator(`${D('hall')} summary`).click();
  await page.locator(D('hall-secret')).fill(readFileSync(join(ROOT, 'xtask/demo-hall-key.json'), 'utf8'));
  await page.locator(D('hall-import')).click();
  const trustKey = JSON.parse(await page.locator(D('hall-trust')).textContent());
  assert.equal(trustKey.kid, 'demo-hall-es256');
  assert.equal(trustKey.jwk.d, undefined, 'never the secret');
  assert.equal(await page.locator(D('hall-secret')).inputValue(), '');

  // (a) A picture of the citizen's sealed code.
  const png = join(scratch, 'sealed.png');
  seal(offer, [['person.name', A.name], ['person.id_number', A.id], ['contact.mobile', A.mobile]], { png });
  await page.locator(D('sealed-image')).setInputFiles(png);
  const received = page.locator(D('received'));
  await received.filter({ hasText: '已收到 3 项' }).waitFor();
  assert.match(await received.textContent(), /姓名、证件号码、手机号码/);
  for (const v of Object.values(A)) assert.ok(!(await received.textContent()).includes(v), 'no value in the notice');
  assert.equal(await page.locator(W('field-person.name')).inputValue(), A.name);
  // (Shown masked, as the editor shows a mobile number it holds.)
  assert.equal(await page.locator(W('field-contact.mobile')).inputValue(), '139****5678');

  // (b) A handheld scanner types the next code and Enter.
  const typed = seal(offer, [['person.residence_address', A.address], ['person.name', '赵六', 'legal_rep']]);
  await page.locator(D('sealed')).click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await received.filter({ hasText: '已收到 1 项' }).waitFor();
  // A firm's legal representative's name is said, not put into the applicant's data.
  assert.match(await received.textContent(), /另有 1 项属于企业或代理人，未放入：姓名（legal_rep）/);
  assert.ok(!(await received.textContent()).includes('赵六'));
  assert.equal(await page.locator(W('field-person.name')).inputValue(), A.name);
  assert.equal(await page.locator(D('sealed')).inputValue(), '', 'the box is emptied');
  assert.equal(await page.locator(W('field-contact.mobile')).inputValue(), '139****5678', 'the first code stays');

  // A changed code is refused in plain words, and changes nothing.
  const middle = Math.floor(typed.length / 2);
  const changed = typed.slice(0, middle) + (typed[middle] === 'A' ? 'B' : 'A') + typed.slice(middle + 1);
  await page.locator(D('sealed')).fill(changed);
  await page.locator(D('sealed')).press('Enter');
  await page.locator(D('refused')).filter({ hasText: '被改动或损坏' }).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), A.name);

  // The hall form is filled from what was received.
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await fillApproved(page);
  await page.locator(W('report')).waitFor();
  const frame = page.frameLocator('iframe[data-staff-form]');
  assert.equal(await frame.locator('#xm').inputValue(), A.name);
  assert.equal(await frame.locator('#gmsfhm').inputValue(), A.id);
  assert.equal(await page.locator(D('sealed')).inputValue(), '', "the desk's own controls are no form's");

  // The attestation of what was checked against the originals.
  await page.locator(D('attest-list')).click();
  await page.locator(D('attest-person.name')).check();
  await page.locator(D('attest-person.id_number')).check();
  await page.locator(D('attest-sign')).click();
  await page.locator(D('attest-status')).filter({ hasText: '已签注 2 项' }).waitFor();
  const url = await qrText(page, 'attest-qr');
  assert.ok(url.startsWith(`${BASE}app.html#attest=OFA1~`), url);
  const text = decodeURIComponent(url.slice(url.indexOf('#attest=') + 8));
  for (const v of Object.values(A)) assert.ok(!text.includes(v), 'no value in the attestation');
  // It verifies, as the citizen's app does, against the demo trust list and A's values.
  const values = join(scratch, 'values.json');
  writeFileSync(values, JSON.stringify([['person.name', A.name], ['person.id_number', A.id]]));
  const verdict = JSON.parse(cli(['handoff', 'verify-attestation', text, '--trust', join(ROOT, 'www/trust/demo-trust.json'), '--values', values]));
  assert.equal(verdict.ok, true);
  assert.equal(verdict.hall, 'https://demo.oncefill.example/halls/demo-desk');
  assert.deepEqual(verdict.elements, ['person.name', 'person.id_number']);
  rmSync(values);

  // The log: the fill and the attestation, names and counts, no value.
  await page.locator(W('staff-log-entry')).nth(1).waitFor();
  const log = (await page.locator(W('staff-log-entry')).allTextContents()).join('\n');
  assert.match(log, /attestation/);
  assert.match(log, /person\.name, person\.id_number/);
  for (const v of Object.values(A)) assert.ok(!log.includes(v), 'no value in the log');

  const open = await residue(page, Object.values(A));
  assert.ok(open.some((f) => f.startsWith('wasm memory')), 'the search finds A while the case is open');

  // 结束办理: nothing of A is left.
  await page.locator(D('end')).click();
  await page.locator(D('status')).filter({ hasText: '办理已结束' }).waitFor();
  await page.locator(W('unlock-pass')).waitFor();
  assert.equal(await page.locator(D('desk')).isHidden(), true, 'the desk waits for the clerk');
  assert.deepEqual(await residue(page, [...Object.values(A), '赵六']), [], 'nothing of the citizen is left');

  // The next case: a new session; the old case's code is refused in plain words.
  await unlock(page);
  const next = await offerShown(page);
  assert.notEqual(next, offer);
  await page.locator(D('sealed')).fill(typed);
  await page.locator(D('sealed')).press('Enter');
  await page.locator(D('refused')).filter({ hasText: '不是给本窗口本次受理的' }).waitFor();
  assert.equal(await page.locator(W('field-person.residence_address')).inputValue(), '');
  // A late code (sealed 400 seconds ago, valid for 300) is refused too.
  const late = seal(next, [['person.name', A.name]], { at: Math.floor(Date.now() / 1000) - 400 });
  await page.locator(D('sealed')).fill(late);
  await page.locator(D('sealed-open')).click();
  await page.locator(D('refused')).filter({ hasText: '已过期' }).waitFor();
  assert.equal(await page.locator(W('field-person.name')).inputValue(), '');
  // A camera that is not there (a headless browser has none) is said plainly.
  await page.locator(D('camera')).click();
  await page.locator(D('refused')).filter({ hasText: '没有可用的摄像头' }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('a new code replaces the offer, and the old one no longer opens', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = await openDesk(page, 600);
  await createStaffVault(page);
  const first = await offerShown(page);
  const sealed = seal(first, [['person.name', A.name]]);
  // Keyboard only: from the 换一个码 button.
  await page.locator(D('offer-new')).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([s, old]) => document.querySelector(s).textContent !== old, [D('offer'), first]);
  const second = await offerShown(page);
  assert.notEqual(second, first);
  await page.locator(D('sealed')).focus();
  await page.keyboard.insertText(sealed);
  await page.keyboard.press('Enter');
  await page.locator(D('refused')).filter({ hasText: '不是给本窗口本次受理的' }).waitFor();
  // Sealed to the new one, it opens.
  await page.locator(D('sealed')).focus();
  await page.keyboard.insertText(seal(second, [['person.name', A.name]]));
  await page.keyboard.press('Enter');
  await page.locator(D('received')).filter({ hasText: '已收到 1 项' }).waitFor();
  assert.equal(await page.locator(D('refused')).textContent(), '');

  // The hall's key made at the desk: its public key shown, once; no attestation without ticks.
  await page.locator(`${D('hall')} summary`).focus();
  await page.keyboard.press('Enter');
  await page.locator(D('hall-id')).fill('https://zwfw.example.gov.cn/halls/xicheng');
  await page.locator(D('hall-kid')).fill('xicheng-2026');
  await page.locator(D('hall-make')).click();
  const made = JSON.parse(await page.locator(D('hall-trust')).textContent());
  assert.equal(made.kid, 'xicheng-2026');
  assert.equal(made.jwk.kty, 'EC');
  assert.equal(made.jwk.d, undefined);
  assert.ok(await page.locator(D('hall-make')).isHidden(), 'made once');
  await page.locator(D('attest-list')).click();
  await page.locator(D('attest-sign')).click();
  await page.locator(D('attest-status')).filter({ hasText: '请至少勾选一项' }).waitFor();
  assert.ok(await page.locator(D('attest-out')).isHidden());
  assertNoProblems(problems);
  await context.close();
});

/**
 * A one-frame YUV4MPEG2 video of a grey picture (even sides, padded with white), as Chromium's
 * fake camera plays it.
 */
function y4m({ width, height, pixels }) {
  const w = width + (width % 2);
  const h = height + (height % 2);
  const y = Buffer.alloc(w * h, 255);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) y[r * w + c] = pixels[r * width + c];
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma]);
}

test('the camera reads the citizen’s code, and its tracks stop after', async () => {
  const video = join(scratch, 'camera.y4m');
  // Until the code exists, the camera shows a blank picture.
  writeFileSync(video, y4m({ width: 64, height: 64, pixels: new Uint8Array(64 * 64).fill(255) }));
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('./lib/browser.mjs');
  const cameraBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await cameraBrowser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = await openDesk(page, 600);
    await createStaffVault(page);
    const offer = await offerShown(page);
    const png = join(scratch, 'camera.png');
    seal(offer, [['person.name', A.name], ['contact.mobile', A.mobile]], { png });
    // The sealed code's picture as grey levels, read by the page's own decoder of pictures.
    const picture = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const grey = [];
      for (let i = 0; i < rgba.length; i += 4) grey.push(rgba[i]);
      return { width: bitmap.width, height: bitmap.height, pixels: grey };
    }, [...readFileSync(png)]);
    writeFileSync(video, y4m(picture));

    // (The streams the desk asks for, to see that their tracks end.)
    await page.evaluate(() => {
      const get = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      window.__streams = [];
      window.__asked = [];
      navigator.mediaDevices.getUserMedia = (c) => (window.__asked.push(c), get(c).then((s) => (window.__streams.push(s), s)));
    });
    await page.locator(D('camera')).focus();
    await page.keyboard.press('Enter');
    await page.locator(D('received')).filter({ hasText: '已收到 2 项' }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator(W('field-person.name')).inputValue(), A.name);
    assert.ok(await page.locator(D('camera-view')).isHidden(), 'the preview is gone');
    assert.equal(
      await page.evaluate((s) => document.querySelector(s).srcObject, D('camera-view')),
      null,
      'the stream is let go',
    );
    // A code carrying a credential is 177 modules wide: the desk asks for full HD, not the
    // camera's default 640 × 480.
    const asked = await page.evaluate(() => window.__asked.map((c) => c.video));
    assert.ok(asked.length > 0 && asked.every((v) => v.width.ideal >= 1920 && v.height.ideal >= 1080), JSON.stringify(asked));
    const states = await page.evaluate(() => window.__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));
    assert.ok(states.length > 0 && states.every((st) => st === 'ended'), `tracks: ${states}`);
    assertNoProblems(problems);
    await context.close();
  } finally {
    await cameraBrowser.close();
  }
});
