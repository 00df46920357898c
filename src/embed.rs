//! The embed entry: what `oncefill.js` calls on a portal's page. It converts options and
//! mounts the widget in its own shadow root, so the page's styles and the widget's never mix
//! and the page's scanner never sees the widget's own inputs; the widget loads the site's
//! form mappings from the base URL it is given. It holds no decisions.

use wasm_bindgen::prelude::*;
use web_sys::{ShadowRootInit, ShadowRootMode};

use crate::core::i18n::Lang;
#[cfg(feature = "fill")]
use crate::ui::App;
use crate::ui::AppProps;
use crate::ui::app::AppPage;

/// Marks the widget's host element; a page has at most one.
pub const HOST_ATTR: &str = "data-oncefill-host";
/// The widget's style sheet, beside `oncefill.js` (a file rather than an inline `<style>`, so a
/// portal whose Content-Security-Policy has no `'unsafe-inline'` in `style-src` still gets it).
const STYLE_FILE: &str = "oncefill.css";

/// Options a portal passes to [`mount`] (members of another type are ignored).
#[derive(Default)]
struct Options {
    /// `zh-CN` (default) or `en`.
    lang: Option<String>,
    /// The URL of the directory `oncefill.js` was loaded from; data tables are fetched from
    /// there.
    base: Option<String>,
    /// Set by the loader when this instance replaces one discarded on locking
    /// (`relock: { open, autoLockMinutes }`): whether its panel was open, and its auto-lock
    /// delay in minutes.
    relock: Option<crate::ui::Relock>,
    /// The text of `i18n/zh-CN.ftl`, fetched by the loader while the bundle loads (if absent,
    /// the widget fetches it itself before its first paint).
    messages: Option<String>,
    /// The OnceFill window only: the text of `i18n/en.ftl` and of `portals.json` (the
    /// allow-list), fetched by its loader while the bundle loads.
    messages_en: Option<String>,
    portals: Option<String>,
}

impl Options {
    fn read(options: &JsValue) -> Options {
        let get = |on: &JsValue, name: &str| {
            js_sys::Reflect::get(on, &name.into()).unwrap_or(JsValue::UNDEFINED)
        };
        if !options.is_object() {
            return Options::default();
        }
        let relock = get(options, "relock");
        Options {
            lang: get(options, "lang").as_string(),
            base: get(options, "base").as_string(),
            messages: get(options, "messages").as_string(),
            messages_en: get(options, "messagesEn").as_string(),
            portals: get(options, "portals").as_string(),
            relock: relock.is_object().then(|| crate::ui::Relock {
                open: get(&relock, "open").is_truthy(),
                auto_lock_minutes: get(&relock, "autoLockMinutes").as_f64().unwrap_or(10.0) as u32,
            }),
        }
    }
}

thread_local! {
    /// The mounted widget, until [`unmount`].
    #[cfg(feature = "fill")]
    static APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    /// The mounted app page, until [`unmount`].
    static APP_PAGE: std::cell::RefCell<Option<yew::AppHandle<AppPage>>> = const { std::cell::RefCell::new(None) };
}

/// Stops the widget: its components are destroyed (their timers and listeners with them) and
/// it stops listening to the other pages, so that nothing calls into this instance any more.
/// The loader calls it before it wipes the instance's memory on locking.
#[wasm_bindgen]
pub fn unmount() {
    #[cfg(feature = "fill")]
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    if let Some(app) = APP_PAGE.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    #[cfg(feature = "fill")]
    crate::ui::window::unmount();
    crate::ui::close_channel();
}

/// Mounts the widget once on the current page. `options` is `{ lang?: "zh-CN" | "en" }`
/// or `undefined`. A second call does nothing.
#[cfg(feature = "fill")]
#[wasm_bindgen]
pub fn mount(options: JsValue) -> Result<(), JsValue> {
    mount_in(options, Mode::Widget)
}

/// Mounts the OnceFill window on `window.html` (see [`crate::ui::window`]): the same options
/// as [`mount`]; it then waits for its opener's request.
#[cfg(feature = "fill")]
#[wasm_bindgen]
pub fn mount_window(options: JsValue) -> Result<(), JsValue> {
    mount_in(options, Mode::Window)
}

/// Mounts the app page on `app.html` (see [`crate::ui::app`]): the same options as
/// [`mount`].
#[wasm_bindgen]
pub fn mount_app(options: JsValue) -> Result<(), JsValue> {
    mount_in(options, Mode::App)
}

/// Which of the entries mounts.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "fill"), allow(dead_code))]
enum Mode {
    Widget,
    Window,
    App,
}

fn mount_in(options: JsValue, mode: Mode) -> Result<(), JsValue> {
    let in_window = mode == Mode::Window;
    let options = Options::read(&options);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("OnceFill needs a document"))?;
    if document
        .query_selector(&format!("[{HOST_ATTR}]"))?
        .is_some()
    {
        return Ok(());
    }
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("OnceFill needs a <body>"))?;
    let host = document.create_element("div")?;
    host.set_attribute(HOST_ATTR, "")?;
    // The target of the loader's skip link (`#oncefill-widget`).
    host.set_id("oncefill-widget");
    body.append_child(&host)?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    // The widget is shown once its style sheet has loaded (or failed to), never unstyled.
    let styled = match options.base.as_deref() {
        Some(base) => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", &format!("{base}{STYLE_FILE}"))?;
            let loaded = js_sys::Promise::new(&mut |resolve, _| {
                let done = Closure::once_into_js(move || {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                });
                let _ = link.add_event_listener_with_callback("load", done.unchecked_ref());
                let _ = link.add_event_listener_with_callback("error", done.unchecked_ref());
            });
            shadow.append_child(&link)?;
            Some(wasm_bindgen_futures::JsFuture::from(loaded))
        }
        None => None,
    };
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    let lang = options
        .lang
        .as_deref()
        .map(Lang::from_tag)
        .unwrap_or_else(|| {
            let page = document
                .document_element()
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_default();
            if page.is_empty() {
                Lang::ZhCn
            } else {
                Lang::from_tag(&page)
            }
        });
    let props = AppProps {
        lang,
        base: options.base.clone(),
        relock: options.relock,
        turn: 0,
    };
    let portals = options.portals;
    let render = move || {
        #[cfg(feature = "fill")]
        if in_window {
            crate::ui::window::start(root, props, portals);
            return;
        }
        #[cfg(not(feature = "fill"))]
        let _ = portals;
        // (Without the feature `fill` every entry is the app page.)
        #[cfg(feature = "fill")]
        if mode != Mode::App {
            let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
            APP.with(|a| *a.borrow_mut() = Some(app));
            return;
        }
        let app = yew::Renderer::<AppPage>::with_root_and_props(root, props).render();
        APP_PAGE.with(|a| *a.borrow_mut() = Some(app));
    };
    if let Some(text) = options.messages {
        crate::core::i18n::install(Lang::ZhCn, text);
    }
    if let Some(text) = options.messages_en {
        crate::core::i18n::install(Lang::En, text);
    }
    // The window's refusal is said in both languages.
    let lang2 = if in_window { Lang::En } else { lang };
    let ready = crate::core::i18n::available(Lang::ZhCn)
        && crate::core::i18n::available(lang)
        && crate::core::i18n::available(lang2);
    if ready && styled.is_none() {
        render();
    } else {
        // The messages (English is fetched before the first paint, so an English page never
        // flashes Chinese) and the style sheet arrive before the widget is shown.
        let base = options.base.clone().unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            crate::ui::forms::ensure_lang(&base, lang).await;
            crate::ui::forms::ensure_lang(&base, lang2).await;
            if let Some(styled) = styled {
                let _ = styled.await;
            }
            render();
        });
    }
    // (The window loads them once its first screen shows: see `crate::ui::App`.)
    if let Some(base) = options.base
        && !in_window
    {
        wasm_bindgen_futures::spawn_local(crate::ui::forms::load_tables(base));
    }
    Ok(())
}

/// Benchmark hook, exposed by the loader only on pages that ask for it
/// (`window.__oncefillBenchEnabled`): seals and stores a profile of `persons` persons `runs`
/// times in a separate database (`oncefill-bench`, erased before and after) and resolves to
/// the median milliseconds of one save (seal, write, read back and check, switch). It never
/// touches the person's own vault.
#[wasm_bindgen]
pub async fn bench_save_ms(persons: u32, runs: u32) -> Result<f64, JsValue> {
    use crate::core::dictionary::Key;
    use crate::core::profile::{Data, PersonRecord, Profile, Relation, Source, Values};
    use crate::core::vault::{DEFAULT_PARAMS, OsRandom, VaultKey};
    use crate::dom::storage::Store;

    const DB: &str = "oncefill-bench";
    let fail = |e: &dyn std::fmt::Debug| JsValue::from_str(&format!("{e:?}"));
    let mut profile = Profile::demo();
    for i in 0..persons {
        let mut values = Values::default();
        for key in [Key::PersonName, Key::PersonHukouAddress, Key::ContactMobile] {
            values.set(
                key,
                Data::Text(format!("{}-{i}", key.id())),
                Source::SelfDeclared,
                "t",
            );
        }
        profile.persons.push(PersonRecord {
            id: format!("b{i}"),
            relation: Relation::Other,
            values,
            unknown: Default::default(),
        });
    }
    let key = VaultKey::create("benchmark passphrase", DEFAULT_PARAMS, &mut OsRandom)
        .map_err(|e| fail(&e))?;
    Store::erase(DB).await.map_err(|e| fail(&e))?;
    let store = Store::open(DB).await.map_err(|e| fail(&e))?;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance"))?;
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t0 = performance.now();
        crate::dom::vault::save(&store, &key, &profile, None)
            .await
            .map_err(|e| fail(&e))?;
        times.push(performance.now() - t0);
    }
    store.close();
    Store::erase(DB).await.map_err(|e| fail(&e))?;
    crate::core::order::sort_by(&mut times, f64::total_cmp);
    Ok(times[times.len() / 2])
}
