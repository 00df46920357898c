// The passphrase strength module (pkg/strength.js, zxcvbn), fetched once, on first need: when a
// passphrase set-up or change screen opens. A failed fetch is tried again next time.
let loading = null;

export function loadStrength(base) {
  if (!loading) {
    loading = import(base + 'pkg/strength.js')
      .then((m) => m.default({ module_or_path: base + 'pkg/strength_bg.wasm' }).then(() => m.strength))
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}
