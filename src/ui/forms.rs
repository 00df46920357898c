//! Fetching from the site OnceFill came from: the form mappings it publishes
//! (`mappings/index.json` beside `oncefill.js`), loaded once when the widget starts and kept
//! in the widget's state, the English messages, and the code tables the bundle leaves out.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::mapping::FormMapping;

/// The text at a URL of the site, if it answers.
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Makes sure the messages of `lang` are at hand (and the Chinese ones, which stand in for a
/// missing English message), fetching `i18n/zh-CN.ftl` and `i18n/en.ftl` from `base` the first
/// time they are needed. Returns whether they are.
pub async fn ensure_lang(base: &str, lang: crate::core::i18n::Lang) -> bool {
    use crate::core::i18n::{Lang, available, install};
    for needed in [Lang::ZhCn, lang] {
        if !available(needed)
            && let Some(text) = fetch_text(&format!("{base}i18n/{}.ftl", needed.tag())).await
        {
            install(needed, text);
        }
    }
    available(lang)
}

/// Loads the mappings published at `base`. A missing index means none; a mapping that does
/// not read is skipped (the `mapping check` command is where its errors are told).
pub async fn load(base: &str) -> Vec<FormMapping> {
    load_with(base, FormMapping::list_from_json).await
}

/// The site's form mappings as outlines (their transforms passed over): what the app page
/// lists and measures the profile against; it fills no form.
pub async fn load_outlines(base: &str) -> Vec<FormMapping> {
    load_with(base, FormMapping::outlines_from_json).await
}

type ReadList = fn(&str) -> Result<Vec<FormMapping>, Vec<crate::core::mapping::MappingError>>;

async fn load_with(base: &str, read: ReadList) -> Vec<FormMapping> {
    let Some(index) = fetch_text(&format!("{base}mappings/index.json")).await else {
        return Vec::new();
    };
    let Ok(names) = serde_json::from_str::<Vec<String>>(&index) else {
        return Vec::new();
    };
    let mut loaded = Vec::new();
    for name in names {
        // Only plain file names beside the index: the list cannot send the widget elsewhere.
        if name.contains('/') || name.contains("..") || !name.ends_with(".json") {
            continue;
        }
        if let Some(text) = fetch_text(&format!("{base}mappings/{name}")).await
            && let Ok(list) = read(&text)
        {
            loaded.extend(list);
        }
    }
    loaded
}

/// Fetches the code tables the bundle leaves out: the countries (国籍), the current divisions
/// (address pickers and checks) and the retired ones (the ID-number address check). Until they
/// arrive those make no judgement.
pub async fn load_tables(base: String) {
    if let Some(text) = fetch_text(&format!("{base}data/countries.csv")).await {
        crate::core::codes::install_countries(text);
    }
    if let Some(text) = fetch_text(&format!("{base}data/divisions.csv")).await {
        crate::core::codes::install_divisions(text);
    }
    if let Some(text) = fetch_text(&format!("{base}data/divisions_history.csv")).await {
        crate::core::codes::install_history(text);
    }
}
