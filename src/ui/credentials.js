// The verified-data module (pkg/credentials.js: credential and attestation verification, the
// QR hand-off's sealing), fetched on first need: when the import or hand-off screen opens. A
// failed fetch is tried again next time.
//
// Values pass through its memory (a credential, the profile, the elements handed over). When
// the vault locks (`oncefill:locked`), the instance is dropped and every byte of its memory
// overwritten with zeros, as the app's own; the next screen that needs it starts a new one,
// under a URL of its own (a module is evaluated once per URL).
let loading = null;
let exports = null;
let mod = null;
let instances = 0;
const urls = [];

// The deployment's trust list, beside the site: the demo one until a deployment puts its own
// at this path (format trust-list/1, www/schema/trust.schema.json).
const TRUST = 'trust/demo-trust.json';

export function loadCredentials(base) {
  if (!loading) {
    const url = base + 'pkg/credentials.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    urls.push(url);
    const ftl = (lang) =>
      fetch(base + 'i18n/' + lang + '.ftl').then((r) => (r.ok ? r.text() : '')).catch(() => '');
    loading = Promise.all([import(url), ftl('zh-CN'), ftl('en')])
      .then(([m, zh, en]) =>
        m.default({ module_or_path: base + 'pkg/credentials_bg.wasm' }).then((wasm) => {
          if (zh) m.messages('zh-CN', zh);
          if (en) m.messages('en', en);
          mod = m;
          exports = wasm;
        }),
      )
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

// The trust list's text, or undefined when it cannot be fetched.
export function loadTrust(base) {
  return fetch(base + TRUST, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : undefined))
    .catch(() => undefined);
}

// Each call returns the module's JSON text, or undefined before it has loaded or if it fails.
function call(name, args) {
  try {
    return mod[name](...args);
  } catch {
    return undefined;
  }
}

export function importPreview(text, trust, profile, now) {
  return call('import_preview', [text, trust, profile, now]);
}

export function importApply(text, trust, profile, now, shown) {
  return call('import_apply', [text, trust, profile, now, shown]);
}

export function readOffer(text, now) {
  return call('offer', [text, now]);
}

export function sealItems(offer, items, now) {
  return call('seal', [offer, items, now]);
}

// The QR code's picture as a data: URL of its SVG.
export function svgUrl(svg) {
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

document.addEventListener('oncefill:locked', () => {
  if (exports && exports.memory) new Uint8Array(exports.memory.buffer).fill(0);
  exports = null;
  mod = null;
  loading = null;
});

// The module URLs of every instance started, for the tests that search their memory.
window.OnceFillCredentials = { instances: () => urls.slice() };
