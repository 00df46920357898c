//! Passphrase strength in the browser: zxcvbn's rule (the command line's) from the strength
//! module `pkg/strength.js`, fetched only when a passphrase screen opens, or meanwhile (and
//! when it cannot be fetched) the bundle's smaller [`offline_strength`].

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::vault::{HINTS, Strength, offline_strength};

#[wasm_bindgen(module = "/src/ui/modules.js")]
extern "C" {
    /// Resolves once the module is loaded.
    #[wasm_bindgen(js_name = loadStrength)]
    fn load_strength(base: &str) -> Promise;
    /// The module's verdict as `score hint hint…`; none if it fails.
    #[wasm_bindgen(js_name = judgeStrength)]
    fn judge_strength(passphrase: &str) -> Option<String>;
}

/// Which rule judges the passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checker {
    /// The module is being fetched: the offline checks judge meanwhile.
    Loading,
    /// zxcvbn, from the module.
    Full,
    /// The module could not be fetched (offline): the offline checks judge.
    Offline,
}

impl Checker {
    /// Fetches and starts the module from the site at `base` (once per page).
    pub async fn load(base: &str) -> Checker {
        match JsFuture::from(load_strength(base)).await {
            Ok(_) => Checker::Full,
            Err(_) => Checker::Offline,
        }
    }

    /// Judges a passphrase. Only the verdict and hint ids come back from the module; if it
    /// fails, the offline checks answer.
    pub fn judge(self, passphrase: &str) -> Strength {
        match self {
            Checker::Full => {
                from_module(passphrase).unwrap_or_else(|| offline_strength(passphrase))
            }
            Checker::Loading | Checker::Offline => offline_strength(passphrase),
        }
    }
}

/// The module's verdict on `passphrase`, read back into a [`Strength`] (hint ids are kept
/// only if they are the core's).
fn from_module(passphrase: &str) -> Option<Strength> {
    let out = judge_strength(passphrase)?;
    let mut words = out.split(' ');
    let score: u8 = words.next()?.parse().ok()?;
    let hints = words
        .filter_map(|h| HINTS.iter().copied().find(|known| *known == h))
        .collect();
    Some(Strength {
        score: score.min(4),
        hints,
    })
}
