// The glue of the modules the interface fetches only when a screen needs them, one file so that
// a page loads one module for both: the passphrase strength module and the verified-data one.

// The passphrase strength module (pkg/strength.js, zxcvbn), fetched once, on first need: when a
// passphrase set-up or change screen opens. A failed fetch is tried again next time.
let strengthLoading = null;
let judge = null;

export function loadStrength(base) {
  if (!strengthLoading) {
    strengthLoading = import(base + 'pkg/strength.js')
      .then((m) => m.default({ module_or_path: base + 'pkg/strength_bg.wasm' }).then(() => {
        judge = m.strength;
      }))
      .catch((e) => {
        strengthLoading = null;
        throw e;
      });
  }
  return strengthLoading;
}

// The module's verdict as "score hint hint…" (plain text keeps the bundle's glue small), or
// undefined before it has loaded or if it fails.
export function judgeStrength(passphrase) {
  try {
    const out = judge(passphrase);
    return [out.score, ...out.hints].join(' ');
  } catch {
    return undefined;
  }
}

// The verified-data module (pkg/credentials.js: the screens 导入凭证 and 交给窗口, with the
// credential and attestation verification and the QR hand-off's sealing), fetched on first
// need: when one of those screens opens. A failed fetch is tried again next time.
//
// Values pass through its memory (a credential, the profile, the elements handed over). When
// the vault locks (`oncefill:locked`), the instance is dropped and every byte of its memory
// overwritten with zeros, as the app's own; the next screen that needs it starts a new one,
// under a URL of its own (a module is evaluated once per URL).
let loading = null;
let exports = null;
let mod = null;
let instances = 0;
// Which instance a mounted screen belongs to: a screen of a wiped instance is gone.
let generation = 0;
const urls = [];

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
          generation += 1;
        }),
      )
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

// One of the module's screens mounted into `root` ('import' or 'handoff'): a handle for
// updateScreen and unmountScreen, or undefined before the module has loaded. `onEvent(kind,
// json)` hears what the screen changed.
export function mountScreen(kind, root, lang, base, text, profile, onEvent) {
  if (!mod) return undefined;
  try {
    const id = mod['mount_' + kind](root, lang, base, text, profile, onEvent);
    return { generation, id };
  } catch {
    return undefined;
  }
}

function live(handle) {
  return mod && handle && handle.generation === generation;
}

export function updateScreen(handle, lang, profile) {
  if (!live(handle)) return;
  try {
    mod.update(handle.id, lang, profile);
  } catch {
    // A screen that cannot take the change keeps what it shows.
  }
}

export function unmountScreen(handle) {
  if (!live(handle)) return;
  try {
    mod.unmount(handle.id);
  } catch {
    // Gone already.
  }
}

document.addEventListener('oncefill:locked', () => {
  // The screens first (their timers and listeners stop), then the memory.
  if (mod) {
    try {
      mod.unmount_all();
    } catch {
      // Wiped all the same.
    }
  }
  if (exports && exports.memory) new Uint8Array(exports.memory.buffer).fill(0);
  exports = null;
  mod = null;
  loading = null;
});

// The module URLs of every instance started, for the tests that search their memory.
window.OnceFillCredentials = { instances: () => urls.slice() };
