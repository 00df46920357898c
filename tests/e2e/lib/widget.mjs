// Helpers that drive the OnceFill widget as a person would. The widget lives in an open
// shadow root; Playwright's CSS selectors pierce it.
import assert from 'node:assert/strict';

export const W = (name) => `[data-oncefill-host] [data-of="${name}"]`;

/** Today's date in China (UTC+8), as OnceFill dates forms. */
export function chinaToday() {
  const d = new Date(Date.now() + 8 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return { y: d.getUTCFullYear(), m: p(d.getUTCMonth() + 1), d: p(d.getUTCDate()) };
}

/** Opens a page and collects console errors and uncaught exceptions. */
export async function open(page, url) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await startWidget(page);
  return problems;
}

/**
 * Waits for the launcher and for the widget behind it. Until the person turns to OnceFill the
 * launcher is a stand-in and nothing large is loaded: pointing at it starts the widget, as a
 * person's pointer would on its way to the button.
 */
export async function startWidget(page) {
  const launcher = page.locator(W('launcher'));
  await launcher.waitFor({ state: 'visible', timeout: 30000 });
  if (await page.locator('[data-oncefill-waiting]').count()) {
    await launcher.hover();
    await page.mouse.move(0, 0);
  }
  await page.waitForFunction(
    () => {
      const host = document.querySelector('[data-oncefill-host]');
      const button = host?.shadowRoot?.querySelector('[data-of="launcher"]');
      return host && !host.hasAttribute('data-oncefill-waiting') && button?.offsetHeight > 0;
    },
    null,
    { timeout: 30000 },
  );
}

/** Types the demo person into the editor, key by key, as a person would. */
export async function typeDemoPerson(page) {
  const field = (key) => page.locator(W(`field-${key}`));
  await field('person.name').click();
  await page.keyboard.type('王小明');
  await field('person.id_number').click();
  await page.keyboard.type('110105199003071239');
  await field('contact.mobile').click();
  await page.keyboard.type('138 0013 8000');
  await field('person.ethnicity').selectOption('01');
  await field('person.hukou_address').click();
  await page.keyboard.type('北京市朝阳区建国路88号院3号楼2单元501室');
  await page.keyboard.press('Tab');
}

/** From the open editor: review, then fill; returns the report element. */
export async function reviewAndFill(page) {
  await page.locator(W('to-review')).click();
  await page.locator(W('review')).waitFor();
  await fillApproved(page);
  const report = page.locator(W('report'));
  await report.waitFor();
  return report;
}

/** Loads the demo profile and keeps it in a new vault under `pass`; waits for the first save. */
export async function createVault(page, pass) {
  await page.locator(W('launcher')).click();
  await page.locator(W('load-demo')).click();
  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).fill(pass);
  await page.locator(W('new-pass-2')).fill(pass);
  await page.locator(W('create-vault')).click();
  await vaultStored(page);
}

/** Waits until the vault's last save is stored (a page or window closed before then loses it). */
export async function vaultStored(page) {
  await page.locator(W('vault-status')).filter({ hasText: '已加密保存' }).waitFor();
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-oncefill-host]');
    return host?.shadowRoot?.querySelector('[data-of="vault-status"]')?.hasAttribute('data-stored');
  });
}

/**
 * 保存资料 without a vault: the first save asks to set one up; this takes the other choice,
 * keeping the profile in the page only, and waits until the save says so.
 */
export async function saveInPageOnly(page) {
  await page.locator(W('save')).click();
  const choice = page.locator(W('memory-only-choice'));
  await Promise.race([choice.waitFor(), page.locator(W('memory-kept')).waitFor()]);
  if (await choice.count()) await choice.click();
  await page.locator(W('memory-kept')).waitFor();
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], 'the page logged errors');
}

/**
 * Ticks the sensitive rows (ID and account numbers, health data, a minor's details) that the
 * review leaves unticked on a form the person has not given them to before, as a person does
 * when the form needs them. `page` is the page or window showing the review.
 */
export async function approveSensitive(page) {
  const rows = page.locator(W('step'));
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    if ((await row.locator('[data-of="sensitive"]').count()) === 0) continue;
    // A field that already holds something keeps it unless the person ticks it for itself.
    if ((await row.locator('[data-of="overwrites"]').count()) > 0) continue;
    const box = row.locator('input[type=checkbox]');
    if (!(await box.isChecked()) && (await box.isEnabled())) await box.check();
  }
}

/** Approves the sensitive rows under review, then fills. */
export async function fillApproved(page) {
  await approveSensitive(page);
  await page.locator(W('fill')).click();
}

/**
 * Waits until the page's and the widget's animations that run on time have ended (the panel
 * sliding in). Animations driven by the scroll position (the launcher folding on a phone) have
 * no end, and are not waited for.
 */
export async function settled(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-oncefill-host]')?.shadowRoot;
    const all = [...document.getAnimations(), ...(root ? root.getAnimations() : [])];
    return all.filter((a) => a.timeline === document.timeline).every((a) => a.playState !== 'running');
  });
}

/** For each needle, how many times it occurs in the memory of the instances at `urls`. */
export async function memoryCounts(page, urls, needles) {
  return page.evaluate(
    async ({ urls, needles }) => {
      const counts = Object.fromEntries(needles.map((n) => [n, 0]));
      for (const url of urls) {
        const m = await import(url);
        const exports = await m.default();
        const bytes = new Uint8Array(exports.memory.buffer);
        for (const needle of needles) {
          const pattern = new TextEncoder().encode(needle);
          for (let i = bytes.indexOf(pattern[0]); i !== -1; i = bytes.indexOf(pattern[0], i + 1)) {
            let j = 1;
            while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
            if (j === pattern.length) counts[needle] += 1;
          }
        }
      }
      return counts;
    },
    { urls, needles },
  );
}
