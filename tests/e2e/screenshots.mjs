// The pictures of docs/screenshots: every screen a person sees, in Chinese and in English, in the
// usual mode and in 长辈版 (large text), on a phone (360 px) and on a desktop (1280 px), each as
// docs/screenshots/<screen>-<width>-<lang>[-elder].png. Only the demo profile (载入示例资料) is
// shown; nothing here is a test, and `cargo xtask test` does not run it.
//
// Run by `cargo xtask screenshots [--only GROUP,…]`, which builds the site, serves it and passes
// (besides ONCEFILL_URL, ONCEFILL_SERVER_TOKEN and CHROMIUM, see lib/browser.mjs):
//   SCREENSHOT_DIR   where the pictures go (docs/screenshots)
//   SCREENSHOT_ONLY  a comma-separated list of groups (home, widget, window, app, staff); all when empty
//
// Before a group runs, the pictures it makes are deleted; after a run of every group, so is any
// picture in the directory that no group made.
import { createECDH, createHash } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BASE, checkOwnServer, launch } from './lib/browser.mjs';
import { W, approveSensitive, startWidget } from './lib/widget.mjs';

const DIR = process.env.SCREENSHOT_DIR;
if (!DIR) throw new Error('SCREENSHOT_DIR is not set: run `cargo xtask screenshots`');
const PASS = 'correct horse battery staple 示例';
const ONCEFILL = new URL(BASE).origin;
const PORTAL = (() => {
  const u = new URL(BASE);
  u.hostname = 'localhost';
  return u.origin;
})();

/** The sizes pictured: a phone and a desktop. */
const SIZES = [
  [360, 740],
  [1280, 800],
];
const LANGS = ['zh', 'en'];

/** Every combination of width, language and mode, in the order pictures are taken. */
function variants() {
  const out = [];
  for (const elder of [false, true]) {
    for (const lang of LANGS) {
      for (const [width, height] of SIZES) out.push({ width, height, lang, elder });
    }
  }
  return out;
}

function fileName(screen, { width, lang, elder }) {
  return `${screen}-${width}-${lang}${elder ? '-elder' : ''}.png`;
}

const written = new Set();
/** The browser profiles of the variant being pictured (closed after it, even when it fails). */
const open = new Set();
let browser;

/** Takes the picture of `page` (the viewport, or the whole page with `full`). */
async function shot(page, screen, v, { full = false } = {}) {
  await page.evaluate(() => document.fonts.ready);
  // Pictures wait for the layout to settle (a transition, a font).
  await page.waitForTimeout(150);
  const name = fileName(screen, v);
  await page.screenshot({ path: join(DIR, name), fullPage: full, animations: 'disabled' });
  written.add(name);
  console.log(`  ${name}`);
}

/**
 * A browser profile of its own for one variant: the language the browser asks for and, in
 * 长辈版, the choice as OnceFill keeps it on its own origin (one localStorage key).
 */
async function context(v, extra = {}) {
  const ctx = await browser.newContext({
    locale: v.lang === 'en' ? 'en-GB' : 'zh-CN',
    viewport: { width: v.width, height: v.height },
    ...extra,
  });
  open.add(ctx);
  ctx.on('close', () => open.delete(ctx));
  if (v.elder) {
    await ctx.addInitScript((origin) => {
      if (location.origin === origin) localStorage.setItem('oncefill-elder', '1');
    }, ONCEFILL);
  }
  return ctx;
}

/** Whether the OnceFill root in `page` speaks English. */
function rootLang(page) {
  return page.evaluate(() => document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('.of-root')?.getAttribute('lang') || '');
}

/** Switches the widget or app to the variant's language (it starts in Chinese). */
async function speak(page, v) {
  if (v.lang !== 'en' || /^en/.test(await rootLang(page))) return;
  await page.locator(W('lang')).first().click();
  await page.waitForFunction(() =>
    /^en/.test(document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('.of-root')?.getAttribute('lang') || ''),
  );
}

/** Waits until the vault bar says the profile is stored. */
async function stored(page) {
  await page.waitForFunction(() =>
    document.querySelector('[data-oncefill-host]')?.shadowRoot?.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored'),
  );
}

/** Sets up a vault under PASS from the passphrase screen; `before` runs once both are typed. */
async function setUpVault(page, before) {
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('new-pass-2')).press('Tab');
  if (before) await before();
  await page.locator(W('create-vault')).click();
  await stored(page);
  // A headless browser never grants lasting storage, so the vault bar suggests a backup; a
  // person reads it once and puts it away (知道了): the pictures after show the screens.
  const dismiss = page.locator(W('persist-dismiss'));
  await dismiss.waitFor({ timeout: 3000 }).catch(() => {});
  if (await dismiss.isVisible()) await dismiss.click();
}

/**
 * From the review (a list, or in 长辈版 one item per screen) to where 填写 is, the sensitive items
 * ticked on the way as a person does when the form needs them.
 */
async function toSummary(page) {
  const fillButton = page.locator(W('fill'));
  for (let i = 0; i < 60 && !(await fillButton.isVisible()); i += 1) {
    await approveSensitive(page);
    await page.locator(W('next')).click();
  }
  await approveSensitive(page);
}

/** From the review: 填写, then the report. */
async function fill(page) {
  await toSummary(page);
  await page.locator(W('fill')).click();
  await page.locator(W('report')).waitFor();
}

/**
 * Scrolls the panel (or, in the OnceFill window, the page) so that the element named `name`
 * starts just below the header: what a person scrolls to on a screen whose content begins
 * below the vault's notices.
 */
async function reveal(page, name) {
  await page.evaluate((name) => {
    const root = document.querySelector('[data-oncefill-host]').shadowRoot;
    const el = root.querySelector(`[data-of="${name}"]`);
    const panel = root.querySelector('.of-panel');
    if (!el || !panel) return;
    const header = root.querySelector('.of-header');
    const sticky = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    const by = el.getBoundingClientRect().top - sticky - 8;
    if (panel.scrollHeight > panel.clientHeight + 1) panel.scrollTop += by;
    else window.scrollBy(0, by);
  }, name);
}

/** Opens `path` of the site with the widget started and its panel open. */
async function openWidget(ctx, path, v) {
  const page = await ctx.newPage();
  await page.goto(`${BASE}${path}`);
  await startWidget(page);
  await page.locator(W('launcher')).click();
  await page.locator(W('panel')).waitFor();
  await speak(page, v);
  return page;
}

// ---- the groups ----

/** The home page. It is written in both languages at once, so it is pictured once (zh). */
async function home(v) {
  if (v.lang !== 'zh') return;
  const ctx = await context(v);
  const page = await ctx.newPage();
  await page.goto(`${BASE}index.html`);
  await startWidget(page);
  await shot(page, 'home', v);
  await ctx.close();
}

/** The widget over the sample pension form, and over a form of a 一件事 (bundle). */
async function widget(v) {
  const ctx = await context(v);
  let page = await openWidget(ctx, 'forms/pension.html', v);
  await shot(page, 'widget-start', v);
  await page.locator(W('load-demo')).click();
  await page.locator(W('field-person.name')).waitFor();
  await shot(page, 'widget-editor', v);
  await page.locator(W('vault-setup')).click();
  await setUpVault(page, async () => {
    await page.locator(W('strength')).waitFor({ timeout: 5000 }).catch(() => {});
    await shot(page, 'widget-vault-setup', v);
  });
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await reveal(page, 'review');
  await shot(page, 'widget-review', v);
  await fill(page);
  await reveal(page, 'report');
  await shot(page, 'widget-report', v);
  await page.locator(W('open-disclosures')).click();
  await page.locator(W('disclosures-screen')).waitFor();
  await reveal(page, 'disclosures-screen');
  await shot(page, 'widget-records', v);
  await page.locator(W('settings')).first().click();
  await page.locator(W('settings-screen')).waitFor();
  await reveal(page, 'settings-screen');
  await shot(page, 'widget-settings', v);
  // Another visit finds the profile locked.
  await page.close();
  page = await openWidget(ctx, 'forms/pension.html', v);
  await page.locator(W('unlock-pass')).waitFor();
  await shot(page, 'widget-vault-unlock', v);
  await page.close();
  await ctx.close();

  // 企业开办一件事: the company form's review shows the event's forms and progress.
  const bundleCtx = await context(v);
  page = await openWidget(bundleCtx, 'forms/samr-company.html', v);
  await page.locator(W('load-demo')).click();
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  // In 长辈版 the event's forms follow the items, on the summary.
  if (v.elder) await toSummary(page);
  await page.locator(W('bundle')).waitFor();
  await reveal(page, 'bundle');
  await shot(page, 'widget-bundle', v);
  await bundleCtx.close();
}

let integrity;

/**
 * The OnceFill window answering a portal on another origin (localhost; OnceFill is on
 * 127.0.0.1), as window.test.mjs sets it up: the portal page loads the page agent from
 * OnceFill's origin, in the variant's language.
 */
async function window_(v) {
  if (!integrity) {
    const agent = await fetch(`${ONCEFILL}/agent.js`);
    integrity = `sha384-${createHash('sha384').update(Buffer.from(await agent.arrayBuffer())).digest('base64')}`;
  }
  const ctx = await context(v, { bypassCSP: true });
  const name = v.lang === 'en' ? 'Sample portal' : '示例门户';
  await ctx.route(`${ONCEFILL}/portals.json`, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ version: 1, portals: [{ origin: PORTAL, name }] }) }),
  );
  await ctx.route(`${PORTAL}/oncefill.js`, (r) => r.abort());
  const page = await ctx.newPage();
  await page.goto(`${PORTAL}/forms/pension.html`);
  await page.evaluate(
    ({ src, integrity, lang }) =>
      new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = src;
        s.crossOrigin = 'anonymous';
        s.integrity = integrity;
        s.setAttribute('data-lang', lang);
        s.onload = ok;
        s.onerror = () => fail(new Error('the agent did not load'));
        document.head.appendChild(s);
      }),
    { src: `${ONCEFILL}/agent.js`, integrity, lang: v.lang === 'en' ? 'en' : 'zh-CN' },
  );
  const button = page.locator('button', { hasText: v.lang === 'en' ? 'Fill with OnceFill' : '一键填表' });
  await button.waitFor();
  await shot(page, 'window-portal', v);
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await popup.setViewportSize({ width: v.width, height: v.height });
  await popup.locator(W('asking')).waitFor();
  await shot(popup, 'window-asking', v);
  await popup.locator(W('load-demo')).click();
  await popup.locator(W('vault-setup')).click();
  await setUpVault(popup);
  await popup.locator(W('review')).waitFor();
  await reveal(popup, 'review');
  await shot(popup, 'window-review', v);
  await fill(popup);
  await reveal(popup, 'report');
  await shot(popup, 'window-report', v);
  const closed = popup.waitForEvent('close');
  await popup.locator(W('done')).click().catch(() => {});
  await closed;
  await page.locator('#aac003').scrollIntoViewIfNeeded();
  await shot(page, 'window-filled', v);
  await ctx.close();
}

/** The app page (app.html): 首页, 我的资料, 表单与一件事, 授权记录, 设置. */
async function app(v) {
  const ctx = await context(v);
  const page = await ctx.newPage();
  await page.goto(`${BASE}app.html`);
  await page.locator(W('next-step')).waitFor({ timeout: 30000 });
  await speak(page, v);
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-oncefill-host]').shadowRoot.querySelector('[data-of="next-step"]');
    return s && s.dataset.step !== 'wait';
  });
  await shot(page, 'app-home', v);
  await page.locator(W('next-sample')).click();
  await page.locator(W('screen-profile')).waitFor();
  await shot(page, 'app-profile', v);
  await page.locator(W('nav-library')).click();
  await page.locator(W('library-item')).first().waitFor();
  await shot(page, 'app-library', v);
  // 导入凭证: the demo resident-ID credential's preview.
  await page.locator(W('nav-profile')).click();
  await page.locator(W('open-verify')).click();
  await page.locator(`${W('credential-check')}:not([disabled])`).waitFor({ timeout: 30000 });
  await page.locator(W('credential-file')).setInputFiles(fileURLToPath(new URL('../credentials/resident-id-es256.sdjwt', import.meta.url)));
  await page.locator(W('credential-preview')).waitFor({ timeout: 30000 });
  await shot(page, 'app-import', v);
  // 交给窗口: a desk's offer arriving by its link, then the sealed QR code.
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const offer = `OFO1.${ecdh.getPublicKey(null, 'compressed').toString('base64url')}.${Math.floor(Date.now() / 1000) + 600}`;
  await page.evaluate((o) => {
    location.hash = `offer=${o}`;
  }, offer);
  await page.locator(W('handoff-check')).waitFor({ timeout: 30000 });
  await shot(page, 'app-handoff', v);
  await page.locator(W('handoff-seal')).click();
  await page.locator(W('handoff-qr')).waitFor();
  await shot(page, 'app-handoff-qr', v);
  await page.locator(W('nav-record')).click();
  await page.locator(W('disclosures-screen')).waitFor();
  await shot(page, 'app-record', v);
  await page.locator(W('nav-settings')).click();
  await page.locator(W('screen-settings')).waitFor();
  await shot(page, 'app-settings', v);
  await ctx.close();
}

/** The staff desk (staff.html, 一窗受理): the clerk's vault, the case's QR offer, then a case with the demo person. */
async function staff(v) {
  const ctx = await context(v);
  const page = await ctx.newPage();
  await page.goto(`${BASE}staff.html`);
  await page.locator(W('panel')).waitFor({ state: 'visible', timeout: 30000 });
  await speak(page, v);
  await shot(page, 'staff-start', v);
  await page.locator(W('vault-setup')).click();
  await setUpVault(page);
  // The case's hand-off offer (its QR code and check code are new each time).
  await page.locator('[data-staff="offer-qr"][src]').waitFor();
  await page.locator('[data-staff="offer-qr"]').evaluate((img) => img.decode());
  await shot(page, 'staff-offer', v);
  // The demo person (the sample profile's), typed as a clerk would.
  for (const [key, value] of [
    ['person.name', '王小明'],
    ['person.id_number', '110105199003071239'],
    ['contact.mobile', '13800138000'],
  ]) {
    await page.locator(W(`field-${key}`)).fill(value);
  }
  await page.locator(W('field-contact.mobile')).press('Tab');
  // Back to the top of the case: the focus on its first field brings it into view.
  await page.locator(W('field-person.name')).focus();
  await shot(page, 'staff-desk', v);
  await ctx.close();
}

const GROUPS = { home, widget, window: window_, app, staff };

async function main() {
  const only = (process.env.SCREENSHOT_ONLY || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const g of only) {
    if (!(g in GROUPS)) throw new Error(`no group \`${g}\` (groups: ${Object.keys(GROUPS).join(', ')})`);
  }
  const groups = only.length ? only : Object.keys(GROUPS);
  const failed = [];
  await checkOwnServer();
  await mkdir(DIR, { recursive: true });
  const before = (await readdir(DIR)).filter((f) => f.endsWith('.png'));
  browser = await launch();
  try {
    for (const group of groups) {
      console.log(`${group}:`);
      for (const f of before) {
        if (f.startsWith(`${group}-`)) await unlink(join(DIR, f)).catch(() => {});
      }
      for (const v of variants()) {
        try {
          await GROUPS[group](v);
        } catch (error) {
          failed.push(`${group} ${fileName('*', v)}: ${error.message.split('\n')[0]}`);
          console.log(`  failed: ${failed[failed.length - 1]}`);
        }
        for (const ctx of [...open]) await ctx.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
  }
  if (!only.length && !failed.length) {
    for (const f of before) {
      if (!written.has(f)) {
        await unlink(join(DIR, f)).catch(() => {});
        console.log(`  removed ${f}`);
      }
    }
  }
  console.log(`${written.size} pictures in ${DIR}`);
  if (failed.length) {
    console.log(`${failed.length} failed:\n  ${failed.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
