// The passphrase strength module (pkg/strength.js, zxcvbn), fetched once, on first need: when a
// passphrase set-up or change screen opens. A failed fetch is tried again next time.
let loading = null;
let judge = null;

export function loadStrength(base) {
  if (!loading) {
    loading = import(base + 'pkg/strength.js')
      .then((m) => m.default({ module_or_path: base + 'pkg/strength_bg.wasm' }).then(() => {
        judge = m.strength;
      }))
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
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
