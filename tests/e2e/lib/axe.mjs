// axe-core in a page, for the accessibility tests.
//
// The pages' Content-Security-Policy allows scripts from 'self' only, so a <script> with
// axe's source (page.addScriptTag({content})) would be refused. The source is instead evaluated
// through the DevTools protocol (page.evaluate → Runtime.evaluate), which a page's CSP does not
// govern; the page keeps its real policy (no bypassCSP), so what is checked is what people get.
// axe descends into open shadow roots, where the widget lives.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let source;
async function axeSource() {
  if (source) return source;
  let path;
  try {
    path = require.resolve('axe-core/axe.min.js');
  } catch {
    throw new Error(
      'axe-core is not installed in tests/e2e/node_modules: run `npm ci` in tests/e2e ' +
        '(`cargo xtask test` does so when node_modules does not match package-lock.json).',
    );
  }
  source = await readFile(path, 'utf8');
  return source;
}

/** The rules run: WCAG 2.0/2.1 A and AA, and axe's best practices (landmarks, headings, …). */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe on `page` (the whole document, shadow roots included, or the element matching the
 * CSS selector `root`) and returns its violations as plain objects:
 * `{ id, impact, help, nodes: [{ target, summary }] }`.
 */
export async function axeViolations(page, root = null) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    await page.evaluate(await axeSource());
  }
  return page.evaluate(
    async ({ root, tags }) => {
      const context = root ? document.querySelector(root) : document;
      if (!context) throw new Error(`axe: nothing matches ${root}`);
      const result = await window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
    },
    { root, tags: TAGS },
  );
}

/** A readable list of violations, for an assertion message. */
export function describe(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}
