//! The Yew user interface: a floating 一键填表 button that opens a panel with the profile
//! editor, the review of what will be filled, and the outcome.
//!
//! The state and its reducers are [`crate::app`]'s, wrapped in `use_reducer` ([`state`]).
//! The effects run here, keyed on that state or started by a callback: focus and loading the
//! site's form mappings into the state in [`App`], scanning, planning and filling the page in
//! `page`, the vault's storage and auto-lock timer in `hooks::use_vault` (over `vault_ops`).
//! Screens (`components`) get the data they show and callbacks for what the person asks.
//!
//! Without a vault, personal data is held in page memory only, and the panel says so; with
//! one, the profile is sealed and saved to IndexedDB after each change.

pub mod app;
mod codes;
mod components;
pub mod forms;
mod hooks;
#[cfg(feature = "fill")]
mod page;
#[cfg(feature = "staff")]
pub mod staff;
pub mod state;
mod strength;
mod vault_ops;
mod verified;
#[cfg(feature = "fill")]
mod widget;
#[cfg(feature = "fill")]
pub mod window;

#[cfg(feature = "fill")]
pub use widget::App;

pub use vault_ops::close_channel;

use yew::prelude::*;

use crate::core::i18n::Lang;

/// The widget's properties, set by the embed entry.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Interface language.
    pub lang: Lang,
    /// The URL of the directory `oncefill.js` was loaded from: the site's form mappings are
    /// loaded from there, and a bundle's forms link there. `None`: no mappings.
    pub base: Option<String>,
    /// Set when this instance replaces one discarded on locking: how that one was left.
    #[prop_or_default]
    pub relock: Option<Relock>,
    /// In the OnceFill window: changes with each request it takes ([`window::turn`]).
    #[prop_or_default]
    pub turn: u32,
}

/// How a widget discarded on locking was left, for the instance that replaces it.
#[derive(PartialEq, Clone, Copy, Debug)]
pub struct Relock {
    /// The panel was open.
    pub open: bool,
    /// The auto-lock delay the person chose (minutes).
    pub auto_lock_minutes: u32,
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/page.js")]
extern "C" {
    /// On Tab in the open panel: from its last control round to its first (Shift+Tab: from
    /// its first or its title to its last), never into the page behind it.
    #[wasm_bindgen(js_name = keepFocusInside)]
    fn keep_focus_inside(event: &KeyboardEvent);
    /// The first field with a problem in the editor of the panel `inside` is in takes the
    /// focus, scrolled into view.
    #[wasm_bindgen(js_name = focusFirstProblem)]
    fn focus_first_problem(inside: &web_sys::HtmlElement);
    /// A new screen in the panel of `inside`: to its top, the focus on its heading.
    #[wasm_bindgen(js_name = focusScreen)]
    fn focus_screen(inside: &web_sys::HtmlElement);
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/page.js")]
extern "C" {
    /// Whether the person chose 长辈版 (large text) on this device.
    #[wasm_bindgen(js_name = elderOn)]
    fn elder_on() -> bool;
    /// Remembers the choice and tells every switch on the page, this widget's included.
    #[wasm_bindgen(js_name = setElder)]
    fn set_elder(on: bool);
    /// Follows the choice made by any switch; returns the function that stops following.
    #[wasm_bindgen(js_name = onElder)]
    fn on_elder(callback: &wasm_bindgen::closure::Closure<dyn Fn(bool)>) -> js_sys::Function;
}

/// 长辈版 as this device has it, followed when any switch changes it (another tab, the home
/// page, the settings), and the callback that turns it over.
#[hook]
pub(crate) fn use_elder() -> (bool, Callback<MouseEvent>) {
    let elder = use_state(elder_on);
    {
        let elder = elder.clone();
        use_effect_with((), move |_| {
            let follow =
                wasm_bindgen::closure::Closure::<dyn Fn(bool)>::new(move |on| elder.set(on));
            let stop = on_elder(&follow);
            move || {
                let _ = stop.call0(&wasm_bindgen::JsValue::NULL);
                drop(follow);
            }
        });
    }
    let on = *elder;
    (on, Callback::from(move |_: MouseEvent| set_elder(!on)))
}

/// Today from the browser's clock, in China's calendar.
fn today() -> time::Date {
    crate::core::clock::today()
}
