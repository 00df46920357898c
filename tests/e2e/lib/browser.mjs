// Shared helpers for the end-to-end tests and the benchmark.
//
// They run under `cargo xtask test` / `cargo xtask bench` / `cargo xtask screenshots`, which build
// the site, serve it in-process on 127.0.0.1 and pass:
//   ONCEFILL_URL           base URL of the site, ending with `/`
//   ONCEFILL_SERVER_TOKEN  the token our server answers on /__oncefill/health
//   CHROMIUM               the Chromium binary (default /usr/bin/chromium)
// (`cargo xtask screenshots` adds SCREENSHOT_DIR and SCREENSHOT_ONLY, see screenshots.mjs; the
// tests write no pictures.)
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

function baseUrl() {
  const raw = process.env.ONCEFILL_URL;
  if (!raw) {
    throw new Error(
      'ONCEFILL_URL is not set: run the end-to-end tests with `cargo xtask test` ' +
        '(or set ONCEFILL_URL=http://127.0.0.1:PORT/ and ONCEFILL_SERVER_TOKEN to a running `cargo xtask serve`).',
    );
  }
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** Base URL of the served site, always ending with `/`. */
export const BASE = baseUrl();

/** Chromium's flags for a quiet, offline, headless run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium (never a downloaded browser). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Asserts that BASE is served by our own `cargo xtask` server, not another process on the port. */
export async function checkOwnServer() {
  const token = process.env.ONCEFILL_SERVER_TOKEN;
  assert.ok(token, 'ONCEFILL_SERVER_TOKEN is not set: run the tests with `cargo xtask test`');
  const url = `${BASE}__oncefill/health`;
  let response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new Error(`the OnceFill server does not answer at ${url}: ${error.message}`);
  }
  const body = (await response.text()).trim();
  assert.equal(response.status, 200, `${url} answered HTTP ${response.status}`);
  assert.equal(
    body,
    `oncefill ${token}`,
    `${url} is not answered by this run's OnceFill server (another process on the port?)`,
  );
}

/**
 * Records the URL of every request the page makes.
 * `foreign()` lists those that leave BASE's origin or are not plain http
 * (data: and blob: URLs are allowed).
 */
export function trackRequests(page) {
  const urls = [];
  const origin = new URL(BASE).origin;
  page.on('request', (request) => urls.push(request.url()));
  return {
    urls,
    foreign() {
      return urls.filter((raw) => {
        let url;
        try {
          url = new URL(raw);
        } catch {
          return true;
        }
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.protocol !== 'http:' || url.origin !== origin;
      });
    },
  };
}
