//! A verified value's badge; the names shown for elements, relations, roles and records are
//! [`crate::app::labels`]'s.

pub use crate::app::labels::*;
use crate::core::i18n::Lang;
use crate::core::profile::Source;
use yew::prelude::*;

/// A verified value's badge (`id`: for `aria-describedby`): words, with a check mark that is
/// only decoration; nothing for a value that was not verified.
pub fn verified_badge(lang: Lang, source: Option<&Source>, id: Option<String>) -> Html {
    match source.and_then(|s| verified_text(lang, s)) {
        Some(text) => html! {
            <span class="of-verified" data-of="verified-badge" {id}>
                <span aria-hidden="true">{ "✓ " }</span>{ text }
            </span>
        },
        None => html! {},
    }
}
