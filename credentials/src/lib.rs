//! OnceFill's verified data and QR hand-off as a WebAssembly module of its own
//! (`pkg/credentials.js` and `pkg/credentials_bg.wasm`).
//!
//! The verifiers (ES256, Ed25519, SM2-with-SM3), the hand-off's sealing (P-256 ECDH, HKDF,
//! AES-GCM) and the QR encoder are larger than the app page's whole budget for them, so the app
//! page fetches this module only when its import or hand-off screen opens. The rules are the
//! core's ([`oncefill::core::credential`], [`oncefill::core::handoff`]), the same ones the
//! command line and the staff desk apply.
//!
//! The two screens that need them, 导入凭证 and 交给窗口, are this module's too (`screens`), so
//! the app page's bundle carries none of their code: the app mounts one into a place on its
//! page with the profile's JSON, and hears back the new profile after an import, or a
//! hand-off's disclosure record entry (`mount`). Nothing goes back carrying a value except
//! that profile (the person's own, going back to the app that gave it); the sealed hand-off is
//! encrypted to the desk. The app page drops the whole instance, after taking its screens
//! down, and overwrites its memory when the vault locks.

mod logic;

use oncefill::core::i18n::{Lang, install};
use wasm_bindgen::prelude::*;

pub use logic::{import_apply_json, import_preview_json, offer_json, seal_json};

/// Supplies the messages of `lang` (`zh-CN` or `en`, the text of its `.ftl` file): the module's
/// refusals and preview lines are then worded as the app's.
#[wasm_bindgen]
pub fn messages(lang: &str, ftl: String) -> bool {
    install(Lang::from_tag(lang), ftl)
}

#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
pub use mount::{mount_handoff, mount_import, unmount, unmount_all, update};

/// The screens put into the app page: each mounted into an element the app gives, with the
/// profile's JSON, and telling the app what changed through one function
/// (`onEvent(kind, json)`: `import` with the new profile, `record` with a disclosure record's
/// entry, `done` when the person goes back).
#[cfg(target_arch = "wasm32")]
mod mount {
    use std::cell::RefCell;
    use std::rc::Rc;

    use oncefill::app::editor::EditorState;
    use oncefill::core::i18n::Lang;
    use oncefill::core::profile::Profile;
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, AttrValue, Callback, Renderer};
    use zeroize::Zeroizing;

    use crate::screens::{HandOff, HandOffProps, ImportCredential, ImportProps};

    enum Screen {
        Import(AppHandle<ImportCredential>, ImportProps),
        HandOff(AppHandle<HandOff>, HandOffProps),
    }

    thread_local! {
        static SCREENS: RefCell<Vec<(u32, Screen)>> = const { RefCell::new(Vec::new()) };
        static NEXT: RefCell<u32> = const { RefCell::new(1) };
    }

    /// Yew numbers the trees it controls from 1 in each WebAssembly instance, and marks each
    /// element it renders with its tree's number. The app page's own tree is number 1 in its
    /// instance, and its event handler runs first (in the capture phase, at the app's root,
    /// which holds this module's screens): it takes an event whose target is marked with its
    /// own number for its own, and runs its own listener of the same index, so a click on a
    /// screen of this module whose tree was also number 1 pressed a button of the app's.
    /// The first number is therefore spent on an empty tree, once, before any screen: this
    /// module's screens are numbered from 2, and the app's handler leaves their events to them.
    fn spend_the_app_s_tree_number() {
        thread_local! {
            static SPENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if SPENT.with(|s| s.replace(true)) {
            return;
        }
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok())
        {
            Renderer::<Spent>::with_root(el).render().destroy();
        }
    }

    #[yew::component]
    fn Spent() -> yew::Html {
        yew::Html::default()
    }

    fn keep(screen: Screen) -> u32 {
        let id = NEXT.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n - 1
        });
        SCREENS.with(|s| s.borrow_mut().push((id, screen)));
        id
    }

    /// The profile read from its JSON (wiped after), or an empty one.
    fn profile_of(json: String) -> Profile {
        let json = Zeroizing::new(json);
        Profile::from_json(&json).unwrap_or_default()
    }

    fn editor_of(profile: Profile) -> EditorState {
        let today = oncefill::core::clock::today();
        let mut editor = EditorState::new(today);
        editor.replace_profile(profile);
        editor
    }

    fn tell(on_event: &js_sys::Function, kind: &str, json: &str) {
        let _ = on_event.call2(
            &JsValue::NULL,
            &JsValue::from_str(kind),
            &JsValue::from_str(json),
        );
    }

    /// 导入凭证 in `root`: `text`, a credential or attestation to verify at once (from the
    /// desk's link).
    #[wasm_bindgen]
    pub fn mount_import(
        root: web_sys::Element,
        lang: &str,
        base: String,
        text: Option<String>,
        profile: String,
        on_event: js_sys::Function,
    ) -> u32 {
        spend_the_app_s_tree_number();
        let on_event = Rc::new(on_event);
        let (imported, done) = (on_event.clone(), on_event);
        let props = ImportProps {
            lang: Lang::from_tag(lang),
            base: AttrValue::from(base),
            profile: Rc::new(profile_of(profile)),
            initial: text.map(AttrValue::from),
            on_import: Callback::from(move |p: Profile| {
                tell(&imported, "import", &Zeroizing::new(p.to_json()));
            }),
            on_done: Callback::from(move |()| tell(&done, "done", "")),
        };
        let handle =
            Renderer::<ImportCredential>::with_root_and_props(root, props.clone()).render();
        keep(Screen::Import(handle, props))
    }

    /// 交给窗口 in `root`: `text`, the desk's offer from the link the person opened.
    #[wasm_bindgen]
    pub fn mount_handoff(
        root: web_sys::Element,
        lang: &str,
        base: String,
        text: Option<String>,
        profile: String,
        on_event: js_sys::Function,
    ) -> u32 {
        spend_the_app_s_tree_number();
        let props = HandOffProps {
            lang: Lang::from_tag(lang),
            base: AttrValue::from(base),
            editor: Rc::new(editor_of(profile_of(profile))),
            offer: text.map(AttrValue::from),
            on_record: Callback::from(move |entry: oncefill::core::disclosure::Entry| {
                tell(
                    &on_event,
                    "record",
                    &serde_json::to_string(&entry).unwrap_or_default(),
                );
            }),
        };
        let handle = Renderer::<HandOff>::with_root_and_props(root, props.clone()).render();
        keep(Screen::HandOff(handle, props))
    }

    /// The app's profile or language changed (it was unlocked, or a hand-off was recorded).
    #[wasm_bindgen]
    pub fn update(id: u32, lang: &str, profile: String) {
        let lang = Lang::from_tag(lang);
        let profile = profile_of(profile);
        SCREENS.with(|s| {
            if let Some((_, screen)) = s.borrow_mut().iter_mut().find(|(i, _)| *i == id) {
                match screen {
                    Screen::Import(handle, props) => {
                        props.lang = lang;
                        props.profile = Rc::new(profile);
                        handle.update(props.clone());
                    }
                    Screen::HandOff(handle, props) => {
                        props.lang = lang;
                        props.editor = Rc::new(editor_of(profile));
                        handle.update(props.clone());
                    }
                }
            }
        });
    }

    /// The screen `id` taken down (the app left it).
    #[wasm_bindgen]
    pub fn unmount(id: u32) {
        let found = SCREENS.with(|s| {
            let mut s = s.borrow_mut();
            let at = s.iter().position(|(i, _)| *i == id)?;
            Some(s.remove(at).1)
        });
        destroy(found);
    }

    /// Every screen taken down: the vault locked, and the instance is about to be wiped.
    #[wasm_bindgen]
    pub fn unmount_all() {
        let all: Vec<_> = SCREENS.with(|s| s.borrow_mut().drain(..).collect());
        for (_, screen) in all {
            destroy(Some(screen));
        }
    }

    fn destroy(screen: Option<Screen>) {
        match screen {
            Some(Screen::Import(handle, _)) => handle.destroy(),
            Some(Screen::HandOff(handle, _)) => handle.destroy(),
            None => {}
        }
    }
}
