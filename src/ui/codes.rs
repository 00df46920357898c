//! Code-table choices for the editor's selects, from the core's tables.

use crate::core::codes::{self, TableId};
use crate::core::dictionary::Table;
use crate::core::i18n::Lang;

/// (code, label) choices of a table, or `None` where the element is typed as text.
pub fn options(table: Table, lang: Lang) -> Option<Vec<(String, String)>> {
    let id = crate::core::check::table_id(table)?;
    // The countries come as the table lists them: 中国 first, then 中国香港, 中国澳门 and
    // 中国台湾, then the rest by Chinese name (not in code order, which means nothing to a person).
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
