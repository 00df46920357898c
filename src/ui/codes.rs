//! Code-table choices for the editor's selects, from the core's tables.

use crate::core::codes::{self, TableId};
use crate::core::dictionary::Table;
use crate::core::i18n::Lang;

/// (code, label) choices of a table, or `None` where the element is typed as text.
pub fn options(table: Table, lang: Lang) -> Option<Vec<(String, String)>> {
    let id = crate::core::check::table_id(table)?;
    Some(
        codes::table(id)
            .iter()
            .map(|c| {
                let label = match (lang, id) {
                    (Lang::En, TableId::Country) => {
                        codes::country(c.code).map(|k| k.name_en).unwrap_or(c.name)
                    }
                    _ => c.name,
                };
                (c.code.to_string(), label.to_string())
            })
            .collect(),
    )
}
