//! The app page's verified data: 导入凭证 (a credential or a service hall's attestation) and
//! 交给窗口 (the QR hand-off to a service window's desk). Both screens, with the verification
//! and the sealing, are the module `pkg/credentials.js`'s (its glue: `modules.js`),
//! fetched only when one of them opens; this side gives it a place on the page, the profile's
//! JSON and the language, and takes back what changed.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use zeroize::Zeroizing;

use crate::core::disclosure::Entry;
use crate::core::i18n::{Lang, tr};
use crate::core::profile::Profile;

#[wasm_bindgen(module = "/src/ui/modules.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadCredentials)]
    fn load_credentials(base: &str) -> Promise;
    #[wasm_bindgen(js_name = mountScreen)]
    fn mount_screen(
        kind: &str,
        root: &web_sys::Element,
        lang: &str,
        base: &str,
        text: Option<String>,
        profile: &str,
        on_event: &js_sys::Function,
    ) -> JsValue;
    #[wasm_bindgen(js_name = updateScreen)]
    fn update_screen(handle: &JsValue, lang: &str, profile: &str);
    #[wasm_bindgen(js_name = unmountScreen)]
    fn unmount_screen(handle: &JsValue);
}

/// Which of the module's screens.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// 导入凭证.
    Import,
    /// 交给窗口.
    HandOff,
}

/// What a screen tells the app.
pub enum Told {
    /// The profile with the verified values written in, once the person confirmed.
    Imported(Profile),
    /// A hand-off to record in the disclosure record.
    Recorded(Entry),
    /// Back to 我的资料.
    Done,
}

/// Properties of [`VerifiedScreen`].
#[derive(Properties, PartialEq)]
pub struct VerifiedProps {
    pub screen: Screen,
    pub lang: Lang,
    pub base: AttrValue,
    /// A text for the screen at once: an attestation, or the desk's offer, from a link.
    pub text: Option<AttrValue>,
    pub profile: Rc<Profile>,
    pub on_told: Callback<Told>,
}

/// A place on the page for one of the module's screens: the module is fetched, the screen
/// mounted into it, given the profile again when it changes, and taken down when the place
/// goes (or when the vault locks, by the module's glue).
#[component]
pub fn VerifiedScreen(props: &VerifiedProps) -> Html {
    let lang = props.lang;
    let root = use_node_ref();
    let handle = use_mut_ref(|| None::<JsValue>);
    let listener = use_mut_ref(|| None::<Closure<dyn FnMut(String, String)>>);
    // None while the module loads; then whether it did.
    let loaded = use_state(|| None::<bool>);
    {
        let (root, handle, listener, loaded) = (
            root.clone(),
            handle.clone(),
            listener.clone(),
            loaded.clone(),
        );
        let (screen, base, text) = (props.screen, props.base.clone(), props.text.clone());
        let (profile, on_told) = (props.profile.clone(), props.on_told.clone());
        use_effect_with((), move |_| {
            let gone = Rc::new(RefCell::new(false));
            {
                let (gone, handle) = (gone.clone(), handle.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = JsFuture::from(load_credentials(&base)).await.is_ok();
                    if *gone.borrow() {
                        return;
                    }
                    loaded.set(Some(ok));
                    let Some(el) = root.cast::<web_sys::Element>().filter(|_| ok) else {
                        return;
                    };
                    let told = Closure::<dyn FnMut(String, String)>::new(
                        move |kind: String, json: String| {
                            let json = Zeroizing::new(json);
                            let told = match kind.as_str() {
                                "import" => Profile::from_json(&json).ok().map(Told::Imported),
                                // Through a JSON value, as the profile's own entries are read.
                                "record" => serde_json::from_str::<serde_json::Value>(&json)
                                    .ok()
                                    .and_then(|v| serde_json::from_value(v).ok())
                                    .map(Told::Recorded),
                                "done" => Some(Told::Done),
                                _ => None,
                            };
                            if let Some(told) = told {
                                on_told.emit(told);
                            }
                        },
                    );
                    let kind = match screen {
                        Screen::Import => "import",
                        Screen::HandOff => "handoff",
                    };
                    let json = Zeroizing::new(profile.to_json());
                    let mounted = mount_screen(
                        kind,
                        &el,
                        lang.tag(),
                        &base,
                        text.map(|t| t.to_string()),
                        &json,
                        told.as_ref().unchecked_ref(),
                    );
                    *listener.borrow_mut() = Some(told);
                    *handle.borrow_mut() = Some(mounted);
                });
            }
            move || {
                *gone.borrow_mut() = true;
                if let Some(h) = handle.borrow_mut().take() {
                    unmount_screen(&h);
                }
            }
        });
    }
    // The profile changed (unlocked after the link was opened, or a hand-off recorded), or
    // the language: the screen is told.
    {
        let handle = handle.clone();
        use_effect_with((props.profile.clone(), lang), move |(profile, lang)| {
            if let Some(h) = handle.borrow().as_ref() {
                update_screen(h, lang.tag(), &Zeroizing::new(profile.to_json()));
            }
        });
    }
    let status = match *loaded {
        None => {
            html! { <p class="of-note-plain" role="status">{ tr(lang, "verify-loading", &[]) }</p> }
        }
        Some(false) => {
            html! { <p class="of-error" role="alert">{ tr(lang, "verify-module-failed", &[]) }</p> }
        }
        Some(true) => html! {},
    };
    html! {
        <div class="of-verified-place">
            { status }
            <div ref={root}></div>
        </div>
    }
}

/// Reads `#offer=…` or `#attest=…` from the page's address and takes it out of the address
/// (and so out of the history): `(name, text)`.
pub fn take_from_address() -> Option<(&'static str, String)> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let found = ["offer", "attest"].into_iter().find_map(|name| {
        let rest = hash.strip_prefix(&format!("#{name}="))?;
        Some((name, js_sys::decode_uri_component(rest).ok()?.into()))
    })?;
    let bare = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&bare));
    }
    Some(found)
}
