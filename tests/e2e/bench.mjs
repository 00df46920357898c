// Fill benchmark, run by `cargo xtask bench` (which builds and serves the site and
// sets ONCEFILL_URL, ONCEFILL_SERVER_TOKEN and CHROMIUM).
//
// Prints ONE line of JSON to stdout: { fill_ms_median_200, fill_floor_ms_median_200,
// fill_ratio_200 }. Progress goes to stderr.
//
// Page contract (www/bench/fill-200.html): 200 fields in 25 <form> blocks, the
// widget loaded with <script src="../oncefill.js" defer>, and
// `window.__benchExpected = [{ selector, kind: 'text'|'select'|'radio', value }]`.
// For `radio`, `selector` finds the radio (or its group) and `value` is the value
// of the radio that must end up checked.
import { BASE, checkOwnServer, launch } from './lib/browser.mjs';

const PAGE = new URL('bench/fill-200.html', BASE).href;
const RUNS = Math.max(20, Number(process.env.BENCH_RUNS) || 20);
const WARMUP = 2;
const FIELDS = 200;
const STEP_TIMEOUT_MS = 30_000;

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round3(x) {
  return Math.round(x * 1000) / 1000;
}

class WrongFill extends Error {}

// In the page: the expected fields, with their elements resolved.
// Shared by the checker and the floor loop (passed as source text).
const RESOLVE = `(() => {
  const expected = window.__benchExpected;
  if (!Array.isArray(expected)) {
    throw new Error('the bench page does not define window.__benchExpected');
  }
  return expected.map((field, index) => {
    const { selector, kind, value } = field;
    const matches = [...document.querySelectorAll(selector)];
    if (matches.length === 0) {
      return { index, field, error: 'no element matches the selector' };
    }
    if (kind === 'radio') {
      let group = matches.filter((el) => el instanceof HTMLInputElement && el.type === 'radio');
      if (group.length === 1 && group[0].name) {
        const one = group[0];
        group = [...document.querySelectorAll('input[type=radio]')].filter(
          (r) => r.name === one.name && r.form === one.form,
        );
      }
      const target = group.find((r) => r.value === String(value));
      return target
        ? { index, field, el: target }
        : { index, field, error: 'no radio in the group has value ' + JSON.stringify(value) };
    }
    return { index, field, el: matches[0] };
  });
})()`;

// In the page: the first field whose state differs from __benchExpected, or null.
const CHECK = `(() => {
  const resolved = ${RESOLVE};
  for (const r of resolved) {
    const { selector, kind, value } = r.field;
    const where = '#' + r.index + ' ' + kind + ' ' + JSON.stringify(selector);
    if (r.error) return where + ': ' + r.error;
    if (kind === 'radio') {
      if (!r.el.checked) {
        const group = [...document.querySelectorAll('input[type=radio]')].filter(
          (x) => x.name === r.el.name && x.form === r.el.form,
        );
        const checked = group.find((x) => x.checked);
        return where + ': expected radio ' + JSON.stringify(String(value)) + ' checked, found ' +
          (checked ? JSON.stringify(checked.value) : 'none');
      }
    } else if (r.el.value !== String(value)) {
      return where + ': expected ' + JSON.stringify(String(value)) + ', found ' + JSON.stringify(r.el.value);
    }
  }
  return resolved.length === 0 ? 'window.__benchExpected is empty' : null;
})()`;

// In the page: a bare loop doing, per field, what the widget does; returns ms.
const FLOOR = `(() => {
  const resolved = ${RESOLVE};
  const bad = resolved.find((r) => r.error);
  if (bad) throw new Error('field #' + bad.index + ' ' + JSON.stringify(bad.field.selector) + ': ' + bad.error);
  const inputValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const textareaValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  const selectIndex = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex').set;
  const plan = resolved.map(({ el, field }) => {
    if (field.kind === 'select') {
      const index = [...el.options].findIndex((o) => o.value === String(field.value));
      return { el, kind: 'select', index };
    }
    return { el, kind: field.kind, value: String(field.value) };
  });
  const t0 = performance.now();
  for (const step of plan) {
    const el = step.el;
    el.focus();
    if (step.kind === 'select') {
      selectIndex.call(el, step.index);
    } else if (step.kind === 'radio') {
      el.click();
    } else if (el instanceof HTMLTextAreaElement) {
      textareaValue.call(el, step.value);
    } else {
      inputValue.call(el, step.value);
    }
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.blur();
  }
  return performance.now() - t0;
})()`;

async function fieldCount(page) {
  return page.evaluate(() => (Array.isArray(window.__benchExpected) ? window.__benchExpected.length : -1));
}

async function waitEnabled(locator) {
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error('[data-of=fill] did not become enabled');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Clears what the widget may have stored, so that every run starts like the first. */
async function resetStorage(page) {
  if (!page.url().startsWith('http')) return;
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    if (indexedDB.databases) {
      const dbs = await indexedDB.databases();
      await Promise.all(
        dbs.map(
          ({ name }) =>
            new Promise((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = request.onblocked = () => resolve();
            }),
        ),
      );
    }
  });
}

/** One widget run on a freshly loaded page: prepare + fill, in ms. */
async function widgetRun(page) {
  await resetStorage(page);
  await page.goto(PAGE, { waitUntil: 'load' });
  await page.click('[data-of=launcher]');
  await page.click('[data-of=load-demo]');
  await page.click('[data-of=to-review]');
  const fill = page.locator('[data-of=fill]');
  await waitEnabled(fill);
  await fill.click();
  await page.waitForSelector('[data-of=report]');
  const times = await page.evaluate(() => {
    const latest = (name) => {
      const entries = performance.getEntriesByType('measure').filter((e) => e.name === name);
      return entries.length ? entries[entries.length - 1].duration : null;
    };
    return { prepare: latest('oncefill:prepare'), fill: latest('oncefill:fill') };
  });
  if (times.prepare === null || times.fill === null) {
    throw new Error(
      'the widget recorded no performance.measure named ' +
        (times.prepare === null ? "'oncefill:prepare'" : "'oncefill:fill'"),
    );
  }
  const wrong = await page.evaluate(CHECK);
  if (wrong) throw new WrongFill(`the widget filled a field wrongly: ${wrong}`);
  return times.prepare + times.fill;
}

/** One floor run on a freshly loaded page, in ms. */
async function floorRun(page) {
  await resetStorage(page);
  await page.goto(PAGE, { waitUntil: 'load' });
  const ms = await page.evaluate(FLOOR);
  const wrong = await page.evaluate(CHECK);
  if (wrong) throw new WrongFill(`the floor loop left a field wrong (bench page bug?): ${wrong}`);
  return ms;
}

async function measure(name, once) {
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const ms = await once();
    if (i >= WARMUP) samples.push(ms);
  }
  const m = median(samples);
  log(`${name}: median ${m.toFixed(3)} ms over ${samples.length} runs (min ${Math.min(...samples).toFixed(3)}, max ${Math.max(...samples).toFixed(3)})`);
  return m;
}

async function main() {
  await checkOwnServer();
  const browser = await launch();
  try {
    // The widget's users are in China: dates it fills are China dates, and so must
    // be the page's expectations (otherwise runs between 16:00 and 24:00 UTC differ).
    const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const response = await page.goto(PAGE, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`${PAGE} answered HTTP ${response ? response.status() : 'nothing'}`);
    }
    const count = await fieldCount(page);
    if (count < 0) throw new Error(`${PAGE} does not define window.__benchExpected`);
    if (count !== FIELDS) log(`warning: window.__benchExpected has ${count} fields, expected ${FIELDS}`);

    log(`widget runs on ${PAGE} (${WARMUP} warm-up + ${RUNS})`);
    const fillMs = await measure('fill_ms_median_200', () => widgetRun(page));
    log(`floor runs (${WARMUP} warm-up + ${RUNS})`);
    const floorMs = await measure('fill_floor_ms_median_200', () => floorRun(page));
    await context.close();

    const result = {
      fill_ms_median_200: round3(fillMs),
      fill_floor_ms_median_200: round3(floorMs),
      fill_ratio_200: floorMs > 0 ? round3(fillMs / floorMs) : null,
    };
    if (result.fill_ratio_200 === null) throw new Error('the floor loop took 0 ms: timer too coarse');
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof WrongFill ? 'WRONG FILL: ' : 'error: '}${error.message}\n`);
  process.exitCode = 1;
});
