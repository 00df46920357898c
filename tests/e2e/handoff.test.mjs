// The hand-off at a service window end to end, between the citizen's phone and the desk's PC,
// each in its own browser profile: the desk shows an offer; the citizen's app opens it from the
// desk's link, shows the same check code, seals the elements the citizen chose and shows them
// as a QR code; the desk reads a picture of that code, the clerk fills the hall's form from it
// and signs an attestation of what was checked against the originals, which the citizen's app
// imports as staff-verified; 结束办理 leaves nothing of the citizen anywhere the desk's browser
// keeps data, and the next citizen's case starts with nothing of the first. A citizen with an
// imported demo resident-ID credential hands over chosen elements with the credential's
// disclosures of those only: the desk verifies them and shows them as verified, and the
// credential's other elements never reach the desk.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, assertNoProblems, fillApproved, vaultStored } from './lib/widget.mjs';
import { D, createStaffVault, offerShown, openDesk, qrText, residue, typeCitizen, unlock } from './lib/staff.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASS = '门前大桥下游过一群鸭';
// A demo credential of its own person (tests/credentials/resident-id-handoff.subject.json), whose
// values no build carries, so that finding one at the desk means it was handed over.
const CREDENTIAL = join(ROOT, 'tests/credentials/resident-id-handoff.sdjwt');
// Its elements the citizen does not choose: ID number, registered address, issuing authority.
const UNCHOSEN = ['32010619880912357X', '江苏省南京市鼓楼区凭证测试巷7号', '南京市公安局鼓楼分局'];
// The citizen, typed into their own app (none of it is sample data the builds carry, so that
// finding it anywhere means it was left behind).
const DEMO = { name: '欧阳青禾', id: '44030419870523481X', mobile: '13912345678' };
const B = { name: '司马长风', id: '110108199003071238', mobile: '13787654321' };
let browser;
let scratch;

before(async () => {
  await checkOwnServer();
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'oncefill-handoff-'));
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** The citizen's app with a new vault, on 我的资料. */
async function newVault(context, problems) {
  const page = watch(await context.newPage(), problems);
  await page.goto(`${BASE}app.html`);
  await page.locator(W('app-heading')).waitFor({ timeout: 30000 });
  await page.locator(W('nav-settings')).click();
  await page.locator(W('settings-setup')).click();
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await vaultStored(page);
  await page.locator(W('nav-profile')).click();
  return page;
}

/** Waits until the app's last save is done. */
function saved(page) {
  return page.waitForFunction(() =>
    document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="vault-status"]')?.textContent.includes('最近保存于'),
  );
}

/** The citizen's phone: a vault holding the citizen's profile, typed and saved. */
async function citizenWithProfile(context, problems) {
  const page = await newVault(context, problems);
  await typeCitizen(page, DEMO);
  await page.locator(W('save')).click();
  await saved(page);
  await page.close();
}

/** The citizen opens a link the desk shows (a phone's camera opens it in a new tab). */
async function openLink(context, url, problems) {
  const page = watch(await context.newPage(), problems);
  await page.goto(url);
  await page.locator(W('unlock-pass')).waitFor({ timeout: 30000 });
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  return page;
}

test('citizen app → QR → desk → hall form → attestation back → 结束办理 leaves nothing; the next case sees nothing of the first', async () => {
  const problems = [];
  const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
  const pc = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await citizenWithProfile(phone, problems);

  const desk = await pc.newPage();
  problems.push(...(await openDesk(desk, 600)));
  await createStaffVault(desk);
  // The hall's signing key (the demo hall's, on the demo trust list).
  await desk.locator(`${D('hall')} summary`).click();
  await desk.locator(D('hall-secret')).fill(readFileSync(join(ROOT, 'xtask/demo-hall-key.json'), 'utf8'));
  await desk.locator(D('hall-import')).click();
  await desk.locator(D('hall-trust')).filter({ hasText: 'demo-hall' }).waitFor();

  // The desk's offer, as its QR code carries it.
  const offerUrl = await qrText(desk, 'offer-qr');
  const offer = await offerShown(desk);
  assert.equal(offerUrl, `${BASE}app.html#offer=${offer}`);
  const check = (await desk.locator(D('check')).textContent()).replace(/\s/g, '');

  // The citizen: the same check code; the name is ticked for them, the ID number by them.
  const app = await openLink(phone, offerUrl, problems);
  await app.locator(W('handoff-check')).waitFor({ timeout: 30000 });
  assert.equal((await app.locator(W('handoff-check')).innerText()).replace(/\s/g, ''), check);
  // A self-declared profile: no choice says a credential backs it.
  assert.equal(await app.locator(W('handoff-backed')).count(), 0);
  await app.locator(`${W('handoff-pick')}[data-element="person.id_number"]:not([data-role])`).check();
  await app.locator(W('handoff-seal')).click();
  const qr = app.locator(W('handoff-qr'));
  await qr.waitFor();
  // On the phone the code is below the choices: it comes into view with the focus.
  await app.waitForFunction(() =>
    document.querySelector('[data-oncefill-host]').shadowRoot.activeElement?.classList.contains('of-handoff-show'),
  );
  const inView = await qr.boundingBox();
  assert.ok(inView.y >= 0 && inView.y < 800, `the code is in view: ${JSON.stringify(inView)}`);
  const sealed = await app.locator(W('handoff-text')).inputValue();
  assert.match(sealed, /^OFS1\./);

  // The desk reads a picture of the phone's screen.
  const picture = join(scratch, 'phone.png');
  writeFileSync(picture, await qr.screenshot());
  await desk.locator(D('sealed-image')).setInputFiles(picture);
  await desk.locator(D('received')).filter({ hasText: /已收到 \d+ 项/ }).waitFor();
  assert.ok(!(await desk.locator(D('received')).textContent()).includes(DEMO.id), 'no value in the notice');
  assert.equal(await desk.locator(W('field-person.name')).inputValue(), DEMO.name);

  // The clerk fills the hall's form from it.
  await desk.locator(W('to-review')).click();
  await desk.locator(W('review')).waitFor();
  await fillApproved(desk);
  await desk.locator(W('report')).waitFor();
  const form = desk.frameLocator('iframe[data-staff-form]');
  assert.equal(await form.locator('#xm').inputValue(), DEMO.name);
  assert.equal(await form.locator('#gmsfhm').inputValue(), DEMO.id);

  // Checked against the originals: the attestation goes back by QR to the citizen's app.
  await desk.locator(D('attest-list')).click();
  await desk.locator(D('attest-person.name')).check();
  await desk.locator(D('attest-person.id_number')).check();
  await desk.locator(D('attest-sign')).click();
  await desk.locator(D('attest-status')).filter({ hasText: '已签注 2 项' }).waitFor();
  const attestUrl = await qrText(desk, 'attest-qr');
  assert.ok(attestUrl.startsWith(`${BASE}app.html#attest=OFA1~`), attestUrl);
  const back = await openLink(phone, attestUrl, problems);
  await back.locator(W('credential-preview')).waitFor({ timeout: 30000 });
  assert.match(await back.locator(W('credential-issuer')).innerText(), /^窗口核验：/);
  await back.locator(W('credential-apply')).click();
  await back.locator(W('credential-done')).waitFor();
  await back.locator(W('credential-to-profile')).click();
  await back.locator(W('field-person.name')).waitFor();
  assert.ok((await back.locator(W('verified-badge')).count()) >= 2, 'the name and the ID number carry the badge');

  // 结束办理: nothing of the citizen is left at the desk.
  assert.ok((await residue(desk, [DEMO.name, DEMO.id])).length > 0, 'the search finds the citizen while the case is open');
  await desk.locator(D('end')).click();
  await desk.locator(D('status')).filter({ hasText: '办理已结束' }).waitFor();
  await desk.locator(W('unlock-pass')).waitFor();
  assert.deepEqual(await residue(desk, [DEMO.name, DEMO.id]), [], 'nothing of the first citizen is left');

  // The next citizen: a new offer, an empty case; their form gets their values only.
  await unlock(desk);
  assert.notEqual(await offerShown(desk), offer);
  assert.equal(await desk.locator(W('field-person.name')).inputValue(), '');
  assert.equal(await desk.locator(D('received')).textContent(), '');
  await typeCitizen(desk, B);
  await desk.locator(W('to-review')).click();
  await desk.locator(W('review')).waitFor();
  assert.ok(!(await desk.locator(W('review')).innerText()).includes(DEMO.name));
  await fillApproved(desk);
  await desk.locator(W('report')).waitFor();
  assert.equal(await form.locator('#xm').inputValue(), B.name);
  assert.equal(await form.locator('#gmsfhm').inputValue(), B.id);
  assert.deepEqual(await residue(desk, [DEMO.name, DEMO.id]), [], 'the second case holds nothing of the first');
  assertNoProblems(problems);
  await phone.close();
  await pc.close();
});

/** The citizen's phone: a vault, and the demo resident-ID credential imported and saved. */
async function citizenWithCredential(context, problems) {
  const page = await newVault(context, problems);
  await page.locator(W('open-verify')).click();
  await page.locator(`${W('credential-check')}:not([disabled])`).waitFor({ timeout: 30000 });
  await page.locator(W('credential-file')).setInputFiles(CREDENTIAL);
  await page.locator(W('credential-apply')).click({ timeout: 30000 });
  await page.locator(W('credential-done')).waitFor();
  await page.locator(W('credential-to-profile')).click();
  await saved(page);
  await page.close();
}

/**
 * A citizen with the demo credential hands over the elements ticked at the start to a desk
 * (its context made with `deskOptions`, then `deskSetUp(context)`); returns the desk's page
 * once it has received them, with the contexts to close.
 */
async function handOverWithCredential(problems, deskOptions = {}, deskSetUp = async () => {}) {
  // A phone's screen has three pixels to the point: the larger code stays readable.
  const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 }, deviceScaleFactor: 3 });
  const pc = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...deskOptions });
  await deskSetUp(pc);
  await citizenWithCredential(phone, problems);

  const desk = await pc.newPage();
  problems.push(...(await openDesk(desk, 600)));
  await createStaffVault(desk);
  const offer = await offerShown(desk);
  const offerUrl = await qrText(desk, 'offer-qr');
  assert.equal(offerUrl, `${BASE}app.html#offer=${offer}`);

  // The citizen keeps the choices as they start: name, sex, ethnicity and birth date; the ID
  // number, the registered address and the issuing authority stay unticked.
  const app = await openLink(phone, offerUrl, problems);
  await app.locator(W('handoff-check')).waitFor({ timeout: 30000 });
  const ticked = await app.locator(`${W('handoff-pick')}:checked`).evaluateAll((xs) => xs.map((x) => x.dataset.element));
  assert.deepEqual(ticked.sort(), ['person.birth_date', 'person.ethnicity', 'person.name', 'person.sex']);
  // Each of the applicant's values came from the credential, and each choice says so.
  const backed = await app.locator(W('handoff-pick')).evaluateAll((xs) =>
    xs.map((x) => [x.dataset.element, !!x.closest('li').querySelector('[data-of="handoff-backed"]')]));
  assert.ok(backed.length >= 4 && backed.every(([, b]) => b), JSON.stringify(backed));
  // A code is shown by its name (性别 1 as 男, 民族 01 as 汉族), the name and numbers masked.
  const shown = (element) => app.locator(`${W('handoff-pick')}[data-element="${element}"]:not([data-role]) + label .of-masked`).innerText();
  assert.equal(await shown('person.sex'), '男');
  assert.equal(await shown('person.ethnicity'), '汉族');
  assert.equal(await shown('person.name'), '柏*岚');
  // Everything the credential holds, with its presentation, does not fit one QR code: refused in
  // plain words, naming no value.
  const picks = app.locator(`${W('handoff-pick')}:not(:checked)`);
  while ((await picks.count()) > 0) await picks.first().check();
  await app.locator(W('handoff-seal')).click();
  const refusedHere = app.locator(W('handoff-refused'));
  await refusedHere.waitFor();
  assert.equal(await refusedHere.innerText(), '内容过长，一个二维码放不下，请少选几项。');
  for (const pick of await app.locator(W('handoff-pick')).all()) {
    if (!ticked.includes(await pick.getAttribute('data-element'))) await pick.uncheck();
  }
  await app.locator(W('handoff-seal')).click();
  const qr = app.locator(W('handoff-qr'));
  await qr.waitFor();
  assert.equal(await app.locator(W('handoff-presented')).getAttribute('data-count'), '1');

  const picture = join(scratch, 'phone-credential.png');
  writeFileSync(picture, await qr.screenshot());
  await desk.locator(D('sealed-image')).setInputFiles(picture);
  await desk.locator(D('received')).filter({ hasText: '已收到 4 项' }).waitFor({ timeout: 30000 });
  return { desk, contexts: [phone, pc] };
}

test('a citizen\'s credential: only the chosen elements\' disclosures are handed over, and the desk shows them as verified', async () => {
  const problems = [];
  const { desk, contexts } = await handOverWithCredential(problems);
  const verified = desk.locator(D('credential-verified'));
  await verified.waitFor();
  const said = await verified.innerText();
  assert.match(said, /^已核验 · 电子证照（.+，2026-01-01，ES256）（演示）：/);
  for (const label of ['姓名', '性别', '民族', '出生日期']) assert.ok(said.includes(label), `${label}: ${said}`);
  assert.equal(await desk.locator(D('credential-refused')).count(), 0);
  // In the case's data, as the app shows a credential's value: with the badge.
  assert.equal(await desk.locator(W('field-person.name')).inputValue(), '柏青岚');
  assert.ok((await desk.locator(W('verified-badge')).count()) >= 4, 'the four elements carry the badge');
  assert.equal(await desk.locator(W('field-person.id_number')).inputValue(), '');
  // The unchosen elements never reached the desk: not in its page, storage or memory (where
  // the same search finds a chosen one).
  assert.ok((await residue(desk, ['柏青岚'])).length > 0, 'the search finds what was handed over');
  assert.deepEqual(await residue(desk, UNCHOSEN), [], 'nothing of the unchosen elements at the desk');
  // 结束办理: the verified values, and the presentation they came in, are gone with the case.
  await desk.locator(D('end')).click();
  await desk.locator(D('status')).filter({ hasText: '办理已结束' }).waitFor();
  await desk.locator(W('unlock-pass')).waitFor();
  assert.deepEqual(await residue(desk, ['柏青岚', '1988-09-12']), [], 'nothing of the citizen is left');
  assertNoProblems(problems);
  for (const c of contexts) await c.close();
});

test('a desk whose trust list does not hold the issuer refuses the credential in plain words, and its elements stay self-declared', async () => {
  const problems = [];
  // This deployment's trust list is another one (the reference's example issuers only).
  const other = readFileSync(join(ROOT, 'tests/credentials/example-trust.json'), 'utf8');
  const { desk, contexts } = await handOverWithCredential(problems, { serviceWorkers: 'block' }, (pc) =>
    pc.route('**/trust/demo-trust.json', (route) => route.fulfill({ body: other, contentType: 'application/json' })),
  );
  const refused = desk.locator(D('credential-refused'));
  await refused.waitFor();
  assert.match(
    await refused.innerText(),
    /^凭证未通过核验：凭证的签发机构不在信任列表中。 其中的资料按本人自填对待，请核对原件。 A credential was refused: .+ Its items count as the citizen's own declaration: check the original\.$/,
  );
  assert.equal(await desk.locator(D('credential-verified')).count(), 0);
  assert.equal(await desk.locator(W('field-person.name')).inputValue(), '柏青岚', 'the values are there');
  assert.equal(await desk.locator(W('verified-badge')).count(), 0, 'as the citizen\'s own declaration');
  assertNoProblems(problems);
  for (const c of contexts) await c.close();
});
