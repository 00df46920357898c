//! Passphrase strength in the browser: zxcvbn's rule (the command line's) from the strength
//! module `pkg/strength.js`, fetched only when a passphrase screen opens, or meanwhile (and
//! when it cannot be fetched) the bundle's smaller [`offline_strength`].

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::vault::{HINTS, Strength, offline_strength};

#[wasm_bindgen(module = "/src/ui/strength.js")]
extern "C" {
    /// Resolves to the module's `strength(passphrase)` once it is loaded.
    #[wasm_bindgen(js_name = loadStrength)]
    fn load_strength(base: &str) -> Promise;
}

/// Which rule judges the passphrase.
#[derive(Clone, Debug, PartialEq)]
pub enum Checker {
    /// The module is being fetched: the offline checks judge meanwhile.
    Loading,
    /// zxcvbn, from the module.
    Full(Function),
    /// The module could not be fetched (offline): the offline checks judge.
    Offline,
}

impl Checker {
    /// Fetches and starts the module from the site at `base` (once per page).
    pub async fn load(base: &str) -> Checker {
        match JsFuture::from(load_strength(base)).await {
            Ok(f) => f
                .dyn_into::<Function>()
                .map_or(Checker::Offline, Checker::Full),
            Err(_) => Checker::Offline,
        }
    }

    /// Judges a passphrase. Only the verdict and hint ids come back from the module; if it
    /// fails, the offline checks answer.
    pub fn judge(&self, passphrase: &str) -> Strength {
        match self {
            Checker::Full(f) => {
                from_module(f, passphrase).unwrap_or_else(|| offline_strength(passphrase))
            }
            Checker::Loading | Checker::Offline => offline_strength(passphrase),
        }
    }
}

/// The module's verdict on `passphrase`, read back into a [`Strength`] (hint ids are kept
/// only if they are the core's).
fn from_module(f: &Function, passphrase: &str) -> Option<Strength> {
    let out = f
        .call1(&JsValue::NULL, &JsValue::from_str(passphrase))
        .ok()?;
    let score = Reflect::get(&out, &"score".into()).ok()?.as_f64()?;
    let hints: Array = Reflect::get(&out, &"hints".into()).ok()?.dyn_into().ok()?;
    let hints = hints
        .iter()
        .filter_map(|h| h.as_string())
        .filter_map(|h| HINTS.iter().copied().find(|known| *known == h))
        .collect();
    Some(Strength {
        score: (score.clamp(0.0, 4.0)) as u8,
        hints,
    })
}
