// Helpers for the staff desk's tests (staff.html, 一窗受理): opening the desk, the clerk's
// vault, typing a citizen's data, and the residue search of everything the browser keeps.
import { BASE } from './browser.mjs';
import { W, vaultStored } from './widget.mjs';

export const PASS = 'Chuangkou-Shouli-2026-Clerk';

export async function openDesk(page, idleSeconds) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${BASE}staff.html?idle=${idleSeconds}`);
  await page.locator(W('panel')).waitFor({ state: 'visible', timeout: 30000 });
  return problems;
}

/** The clerk's vault, on a device that has none; waits for its first save. */
export async function createStaffVault(page) {
  await page.locator(W('vault-setup')).click();
  await page.locator(W('new-pass')).fill(PASS);
  await page.locator(W('new-pass-2')).fill(PASS);
  await page.locator(W('create-vault')).click();
  await vaultStored(page);
}

export async function typeCitizen(page, who) {
  for (const [key, value] of [
    ['person.name', who.name],
    ['person.id_number', who.id],
    ['contact.mobile', who.mobile],
  ]) {
    await page.locator(W(`field-${key}`)).fill(value);
  }
  await page.locator(W('field-contact.mobile')).press('Tab');
}

export async function unlock(page) {
  await page.locator(W('unlock-pass')).fill(PASS);
  await page.locator(W('unlock')).click();
  await page.locator(W('field-person.name')).waitFor();
}

/** For each needle, where it was found (an empty list: nowhere). */
export async function residue(page, needles) {
  return page.evaluate(async (needles) => {
    const found = [];
    const encoder = new TextEncoder();
    const inBytes = (bytes, where) => {
      for (const needle of needles) {
        const p = encoder.encode(needle);
        for (let i = bytes.indexOf(p[0]); i !== -1; i = bytes.indexOf(p[0], i + 1)) {
          let j = 1;
          while (j < p.length && bytes[i + j] === p[j]) j++;
          if (j === p.length) {
            found.push(`${where}: ${needle}`);
            break;
          }
        }
      }
    };
    const inText = (text, where) => {
      for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
    };
    const flatten = (v) => {
      if (v instanceof ArrayBuffer) return [new Uint8Array(v)];
      if (ArrayBuffer.isView(v)) return [new Uint8Array(v.buffer, v.byteOffset, v.byteLength)];
      if (v && typeof v === 'object') return Object.values(v).flatMap(flatten);
      return [encoder.encode(String(v))];
    };
    // IndexedDB: every database, every store, every record.
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, no) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok, no) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => no(r.error);
        });
        for (const bytes of flatten(all)) inBytes(bytes, `indexedDB ${name}/${store}`);
      }
      db.close();
    }
    // The documents: this page, its shadow roots and its frames, with the controls' values.
    const docs = [];
    const walk = (root, where) => {
      docs.push([root, where]);
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot, `${where} shadow`);
        if (el.tagName === 'IFRAME' && el.contentDocument) walk(el.contentDocument, `${where} frame`);
      }
    };
    walk(document, 'page');
    for (const [root, where] of docs) {
      const html = root.documentElement ? root.documentElement.outerHTML : root.innerHTML;
      inText(html, `DOM ${where}`);
      for (const c of root.querySelectorAll('input, textarea, select')) inText(c.value, `DOM ${where} value`);
      const view = root.defaultView;
      if (view) {
        for (const s of [view.localStorage, view.sessionStorage]) {
          for (let i = 0; i < s.length; i++) inText(s.key(i) + s.getItem(s.key(i)), `storage ${where}`);
        }
        inText(root.cookie || '', `cookies ${where}`);
      }
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const req of await cache.keys()) {
        inText(req.url, 'Cache Storage');
        inBytes(new Uint8Array(await (await cache.match(req)).arrayBuffer()), 'Cache Storage');
      }
    }
    // The memory of every instance the page started (importing a module again returns its
    // existing instance).
    for (const url of window.OnceFillStaff.instances()) {
      const m = await import(url);
      const exports = await m.default();
      inBytes(new Uint8Array(exports.memory.buffer), `wasm memory ${url}`);
    }
    return found;
  }, needles);
}

/** A part of the desk (outside the panel), by its `data-staff` name. */
export const D = (name) => `[data-staff="${name}"]`;

/** The text of a QR picture on the page, read with the desk's own decoder. */
export async function qrText(page, name) {
  return page.evaluate(async (selector) => {
    const img = document.querySelector(selector);
    await img.decode();
    const side = 600;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.drawImage(img, 0, 0, side, side);
    const rgba = ctx.getImageData(0, 0, side, side).data;
    const grey = new Uint8Array(side * side);
    for (let i = 0; i < grey.length; i++) grey[i] = rgba[4 * i];
    const urls = window.OnceFillStaff.instances();
    const m = await import(urls[urls.length - 1]);
    return m.desk_scan(side, side, grey);
  }, D(name));
}

export async function offerShown(page) {
  await page.locator(D('offer')).filter({ hasText: /^OFO1\./ }).waitFor({ state: 'attached', timeout: 15000 });
  return (await page.locator(D('offer')).textContent()).trim();
}
