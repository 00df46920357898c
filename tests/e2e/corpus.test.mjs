// The corpus end to end: every sample government form in www/forms/ is filled from the demo
// profile through its published mapping, and compared with its expected-fill fixture
// (tests/data/fills/<form-id>.json): every mapped control holds exactly the expected value,
// every other fillable control keeps the value it had before filling, and the forms that keep
// their own state (React-style, Vue-style, web component) saw the values.
//
// Fixture format:
//   page        the form, relative to the site root ("forms/realty.html")
//   mapping     its mapping, relative to the site root ("mappings/realty.json")
//   frame       (optional) CSS selector of the same-origin <iframe> the form lives in
//   shadow      (optional) the custom element whose open shadow root holds the form
//               (Playwright's CSS selectors pierce open shadow roots, so the selectors
//               below are written as if the root were not there)
//   steps       (optional) a wizard: the later steps are hidden until 下一步
//   expected    selector → value: text for inputs, the option value for selects,
//               "checked" / "unchecked" for radios and checkboxes; {YYYY}, {MM} and {DD}
//               stand for today's date in China (a 填表日期 is filled with today)
//   untouched   selectors of every other fillable control
//   state       (optional) {global: "a.b", expected: {...}}: the page's own state object
//               (window.a.b) must hold these members after filling
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { BASE, checkOwnServer, launch, trackRequests } from './lib/browser.mjs';
import { W, chinaToday, open, fillApproved } from './lib/widget.mjs';

const FILLS = new URL('../data/fills/', import.meta.url);
const WWW = new URL('../../www/', import.meta.url);

async function fixtures() {
  const names = (await readdir(FILLS)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => ({
      id: name.replace(/\.json$/, ''),
      ...JSON.parse(await readFile(new URL(name, FILLS), 'utf8')),
    })),
  );
}

const FIXTURES = await fixtures();
let browser;

before(async () => {
  await checkOwnServer();
  browser = await launch();
});
after(async () => browser?.close());

/** The state of one control: its value, or checked/unchecked for radios and checkboxes. */
function readControl(el) {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    return el.checked ? 'checked' : 'unchecked';
  }
  return el.value;
}

async function stateOf(scope, selector) {
  const locator = scope.locator(selector);
  const count = await locator.count();
  if (count !== 1) return { missing: `${count} elements match` };
  return { value: await locator.evaluate(readControl) };
}

/** Members of `want` that `got` does not hold, as paths. */
function stateMismatches(want, got, path = '') {
  const out = [];
  for (const [key, value] of Object.entries(want)) {
    const here = path ? `${path}.${key}` : key;
    const actual = got == null ? undefined : got[key];
    if (value !== null && typeof value === 'object') {
      out.push(...stateMismatches(value, actual, here));
    } else if (actual !== value) {
      out.push(`state ${here}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
    }
  }
  return out;
}

test('every fixture names a published mapping and a page, and covers at least 10 forms', async () => {
  assert.ok(FIXTURES.length >= 10, `only ${FIXTURES.length} fixtures`);
  const index = JSON.parse(await readFile(new URL('mappings/index.json', WWW), 'utf8'));
  for (const fx of FIXTURES) {
    assert.ok(index.includes(fx.mapping.replace(/^mappings\//, '')), `${fx.id}: ${fx.mapping} is not in mappings/index.json`);
    await readFile(new URL(fx.page, WWW));
    assert.ok(Object.keys(fx.expected).length > 0, `${fx.id}: nothing expected`);
    const overlap = fx.untouched.filter((s) => s in fx.expected);
    assert.deepEqual(overlap, [], `${fx.id}: a selector both expected and untouched`);
  }
});

for (const fx of FIXTURES) {
  test(`${fx.id}: the demo profile fills ${fx.page} exactly as expected`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const requests = trackRequests(page);
    const problems = await open(page, `${BASE}${fx.page}`);
    const scope = fx.frame ? page.frameLocator(fx.frame) : page;
    const failures = [];

    // The form is there (inside its frame or shadow root), and the controls start as they are.
    const first = Object.keys(fx.expected)[0];
    await scope.locator(first).waitFor({ state: 'attached', timeout: 15000 });
    const initial = {};
    for (const sel of [...Object.keys(fx.expected), ...fx.untouched]) {
      const s = await stateOf(scope, sel);
      if (s.missing) failures.push(`${sel}: ${s.missing} on the page`);
      else initial[sel] = s.value;
    }
    assert.deepEqual(failures, [], `${fx.id}: the fixture's selectors do not match the page`);

    // Fill from the demo profile, as a person would.
    await page.locator(W('launcher')).click();
    await page.locator(W('load-demo')).click();
    await page.locator(W('to-review')).click();
    await page.locator(W('review')).waitFor({ timeout: 15000 });
    await fillApproved(page);
    await page.locator(W('report')).waitFor({ timeout: 15000 });
    // A wizard: hidden steps are never filled; the person goes on with 下一步 and fills the
    // step now shown, each time after a review.
    if (fx.steps) {
      for (let i = 0; i < 5; i++) {
        const next = scope.locator(`${fx.steps.next}:visible`).first();
        if ((await next.count()) === 0) break;
        await page.locator(W('done')).click();
        await next.click();
        // The panel opens again on the editor, not on the last step's report.
        await page.locator(W('launcher')).click();
        await page.locator(W('to-review')).click();
        await page.locator(W('review')).waitFor({ timeout: 15000 });
        await fillApproved(page);
        await page.locator(W('report')).waitFor({ timeout: 15000 });
      }
    }

    const today = chinaToday();
    for (const [sel, wanted] of Object.entries(fx.expected)) {
      const want = wanted.replace('{YYYY}', today.y).replace('{MM}', today.m).replace('{DD}', today.d);
      const s = await stateOf(scope, sel);
      if (s.missing) failures.push(`${sel}: ${s.missing}`);
      else if (s.value !== want) {
        failures.push(`${sel}: expected ${JSON.stringify(want)}, got ${JSON.stringify(s.value)}`);
      }
    }
    for (const sel of fx.untouched) {
      const s = await stateOf(scope, sel);
      if (s.missing) failures.push(`${sel}: ${s.missing}`);
      else if (s.value !== initial[sel]) {
        failures.push(`${sel}: must stay ${JSON.stringify(initial[sel])}, now ${JSON.stringify(s.value)}`);
      }
    }
    if (fx.state) {
      const got = await page.evaluate(
        (path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), window),
        fx.state.global,
      );
      if (got == null) failures.push(`state: window.${fx.state.global} is not there`);
      else failures.push(...stateMismatches(fx.state.expected, got));
    }
    const foreign = requests.foreign();
    if (foreign.length) failures.push(`requests leave the site: ${foreign.join(', ')}`);
    failures.push(...problems);

    const total = Object.keys(fx.expected).length;
    const wrong = failures.filter((f) => Object.keys(fx.expected).some((s) => f.startsWith(`${s}:`))).length;
    assert.deepEqual(failures, [], `${fx.id}: ${total - wrong}/${total} mapped fields right`);
    await page.close();
  });
}
