//! OnceFill's passphrase strength as a WebAssembly module of its own (`pkg/strength.js` and
//! `pkg/strength_bg.wasm`).
//!
//! zxcvbn's dictionaries are larger than the whole widget, so the widget's bundle judges a
//! passphrase with a smaller set of checks and fetches this module only when a passphrase
//! set-up or change screen opens. The rule is the core's [`oncefill::core::vault::strength`]
//! (built with its `zxcvbn` feature), the same one the command line applies.

use js_sys::{Array, Object, Reflect};
use oncefill::core::vault::Strength;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

/// Judges a passphrase: `{ score, acceptable, hints }`, where `score` is 0 ..= 4, `acceptable`
/// whether a vault may be created with it and `hints` the message ids of what to improve,
/// most useful first.
///
/// The passphrase is taken by value and wiped from this module's memory before it returns;
/// nothing of it is kept or returned.
#[wasm_bindgen]
pub fn strength(passphrase: String) -> JsValue {
    let passphrase = Zeroizing::new(passphrase);
    to_js(&oncefill::core::vault::strength(&passphrase))
}

/// The verdict as a plain object.
fn to_js(judged: &Strength) -> JsValue {
    let out = Object::new();
    let hints: Array = judged.hints.iter().map(|h| JsValue::from_str(h)).collect();
    // Setting a property on a fresh plain object does not fail.
    let _ = Reflect::set(&out, &"score".into(), &judged.score.into());
    let _ = Reflect::set(&out, &"acceptable".into(), &judged.acceptable().into());
    let _ = Reflect::set(&out, &"hints".into(), &hints);
    out.into()
}

#[cfg(test)]
mod tests {
    use oncefill::core::vault::strength;

    /// The module's rule is the command line's: zxcvbn with the pinyin names, not the
    /// browser's smaller checks.
    #[test]
    fn the_rule_is_zxcvbns() {
        assert!(!strength("zhangwei1990").acceptable());
        assert!(!strength("Wang-1990-Hangzhou").acceptable());
        assert!(strength("Hangzhou-teapot-1990").acceptable());
        assert!(!strength("qazwsxedcrfvtgb").acceptable());
        assert!(strength("我家门口有两棵树").acceptable());
        assert_eq!(strength("我家门口那两棵枣树今年结得特别多").score, 4);
        assert!(strength("Ouyang-Qinghe-1987-Shenzhen").acceptable());
    }
}
