//! Code-table choices for the editor's selects, from the core's tables.

use crate::core::codes;
use crate::core::dictionary::Table;
use crate::core::i18n::Lang;

/// (code, label) choices of a table, or `None` where the element is typed as text.
pub fn options(table: Table, _lang: Lang) -> Option<Vec<(String, String)>> {
    match table {
        Table::Ethnicity => Some(
            codes::ETHNICITIES
                .iter()
                .map(|c| (c.code.to_string(), c.name.to_string()))
                .collect(),
        ),
        _ => None,
    }
}
