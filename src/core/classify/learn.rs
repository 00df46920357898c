//! Corrections a person makes in review, remembered per form: the next time the same page is
//! filled, a corrected field is classified by the correction ([`super::Reason::Mapping`]) before
//! anything else, and a field the person declined stays empty. Corrections are kept in the
//! profile (so they are encrypted with it, backed up with it, and erased with it) and can be
//! exported in the mapping format for the portal's maintainers.
//!
//! On a form with several people, the person's answer to "whose is each block" is remembered
//! the same way ([`assign`]): a block (男方, 义务人, or the applicant's own) bound to a relation
//! of the profile (`self`, `spouse`, `agent[0]`, `none`), never to a value; it is exported with
//! the page's corrections and read back by [`import`].
//!
//! A page is matched by its origin and path (no query, no fragment); a field by its `id`, else
//! its `name` — the handles a mapping uses.

use serde::{Deserialize, Serialize};

use super::{Classification, Mapping, SkipReason, Verdict};
use crate::core::dictionary::Key;
use crate::core::field::FieldDescriptor;
use crate::core::role::{RoleRef, Who};

/// One remembered correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedField {
    /// The field's handle: its `id`, else its `name`.
    pub handle: String,
    /// The element it asks for, or `None`: never fill it.
    pub key: Option<Key>,
}

/// The corrections of one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedPage {
    /// Origin and path, e.g. `https://zwfw.example.gov.cn/forms/pension.html`.
    pub page: String,
    /// Its corrections, one per handle.
    pub fields: Vec<LearnedField>,
    /// Who fills each block of a form with several people, as the person answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<LearnedBlock>,
}

/// The person's answer for one block of a form with several people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedBlock {
    /// The block: `applicant` or its role (`female_party`, `obligor`), see [`block_id`].
    pub block: String,
    /// Who fills it.
    pub who: Who,
}

/// How a block is written: its role, or `applicant` for the applicant's own.
pub fn block_id(block: Option<RoleRef>) -> String {
    block.map_or_else(|| "applicant".to_string(), |r| r.to_string())
}

/// Reads a block written by [`block_id`].
pub fn parse_block(text: &str) -> Option<Option<RoleRef>> {
    if text == "applicant" {
        return Some(None);
    }
    RoleRef::parse(text).map(Some)
}

/// The page's entry, made when it has none.
fn page_entry<'a>(pages: &'a mut Vec<LearnedPage>, page: &str) -> &'a mut LearnedPage {
    let index = match pages.iter().position(|p| p.page == page) {
        Some(i) => i,
        None => {
            pages.push(LearnedPage {
                page: page.to_string(),
                fields: Vec::new(),
                people: Vec::new(),
            });
            pages.len() - 1
        }
    };
    &mut pages[index]
}

/// Records who fills a block of `page`, replacing an earlier answer for the block.
pub fn assign(pages: &mut Vec<LearnedPage>, page: &str, block: Option<RoleRef>, who: Who) {
    let block = block_id(block);
    let people = &mut page_entry(pages, page).people;
    people.retain(|b| b.block != block);
    people.push(LearnedBlock { block, who });
}

/// The answers remembered for `page`: each block with who fills it.
pub fn people_for(pages: &[LearnedPage], page: &str) -> Vec<(Option<RoleRef>, Who)> {
    pages
        .iter()
        .filter(|p| p.page == page)
        .flat_map(|p| &p.people)
        .filter_map(|b| Some((parse_block(&b.block)?, b.who)))
        .collect()
}

/// The page a URL belongs to: origin and path, without query or fragment.
pub fn page_of(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    url[..end].to_string()
}

/// The handle corrections are remembered by, if the field has one.
pub fn handle_of(field: &FieldDescriptor) -> Option<String> {
    field
        .html_id
        .clone()
        .filter(|h| !h.is_empty())
        .or_else(|| field.name.clone().filter(|h| !h.is_empty()))
}

/// Records a correction, replacing an earlier one for the same field.
pub fn remember(pages: &mut Vec<LearnedPage>, page: &str, handle: &str, key: Option<Key>) {
    let fields = &mut page_entry(pages, page).fields;
    fields.retain(|f| f.handle != handle);
    fields.push(LearnedField {
        handle: handle.to_string(),
        key,
    });
}

/// The mapping the corrections of `page` make (declined fields are not in it).
pub fn mapping_for(pages: &[LearnedPage], page: &str) -> Mapping {
    let mut mapping = Mapping::default();
    for p in pages.iter().filter(|p| p.page == page) {
        for f in &p.fields {
            if let Some(key) = f.key {
                mapping.fields.push((f.handle.clone(), key, None));
            }
        }
    }
    mapping
}

/// Leaves the fields the person declined on `page` empty.
pub fn apply_declined(
    pages: &[LearnedPage],
    page: &str,
    fields: &[FieldDescriptor],
    out: &mut [Classification],
) {
    let declined: Vec<&str> = pages
        .iter()
        .filter(|p| p.page == page)
        .flat_map(|p| {
            p.fields
                .iter()
                .filter(|f| f.key.is_none())
                .map(|f| f.handle.as_str())
        })
        .collect();
    for (field, c) in fields.iter().zip(out.iter_mut()) {
        if handle_of(field).is_some_and(|h| declined.contains(&h.as_str())) {
            c.verdict = Verdict::Skip {
                reason: SkipReason::Declined,
            };
        }
    }
}

/// The corrections as mapping files, one object per page:
/// `{"version": 1, "page": "…", "source": "learned", "fields": {"aac003": "person.name", "x": null}}`,
/// with `"people": {"obligor": "spouse"}` when the person said whose the blocks are.
pub fn export(pages: &[LearnedPage]) -> serde_json::Value {
    let list: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| {
            // (Inserted one by one: collecting into the map would sort, and carry a sort.)
            let mut fields = serde_json::Map::new();
            for f in &p.fields {
                let v = f.key.map_or(serde_json::Value::Null, |k| k.id().into());
                fields.insert(f.handle.clone(), v);
            }
            let mut out = serde_json::json!({"version": 1, "page": p.page, "source": "learned", "fields": fields});
            if !p.people.is_empty() {
                let mut people = serde_json::Map::new();
                for b in &p.people {
                    people.insert(b.block.clone(), b.who.to_string().into());
                }
                out["people"] = serde_json::Value::Object(people);
            }
            out
        })
        .collect();
    serde_json::Value::Array(list)
}

/// Why an exported file of corrections could not be read. Nothing is taken from it then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not a list of pages as [`export`] writes them.
    NotExported,
    /// A field names an element the dictionary does not have.
    UnknownElement,
    /// A block or a person is not one OnceFill knows.
    UnknownPerson,
}

/// Reads what [`export`] wrote back into remembered pages.
pub fn import(json: &serde_json::Value) -> Result<Vec<LearnedPage>, ImportError> {
    let list = json.as_array().ok_or(ImportError::NotExported)?;
    list.iter()
        .map(|p| {
            let page = p["page"].as_str().ok_or(ImportError::NotExported)?;
            let fields = p["fields"]
                .as_object()
                .ok_or(ImportError::NotExported)?
                .iter()
                .map(|(handle, v)| {
                    let key = match v {
                        serde_json::Value::Null => None,
                        v => Some(
                            v.as_str()
                                .and_then(Key::from_id)
                                .ok_or(ImportError::UnknownElement)?,
                        ),
                    };
                    Ok(LearnedField {
                        handle: handle.clone(),
                        key,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let people = match p.get("people") {
                None => Vec::new(),
                Some(people) => people
                    .as_object()
                    .ok_or(ImportError::NotExported)?
                    .iter()
                    .map(|(block, who)| {
                        parse_block(block).ok_or(ImportError::UnknownPerson)?;
                        let who = who
                            .as_str()
                            .and_then(Who::parse)
                            .ok_or(ImportError::UnknownPerson)?;
                        Ok(LearnedBlock {
                            block: block.clone(),
                            who,
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            };
            Ok(LearnedPage {
                page: page.to_string(),
                fields,
                people,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::{Reason, classify_all_with};

    #[test]
    fn a_correction_wins_next_time_and_a_refusal_stays_empty() {
        let mut unknown = FieldDescriptor::text("q1", "第一栏");
        unknown.html_id = Some("q1".into());
        let mut wrong = FieldDescriptor::text("q2", "姓名");
        wrong.html_id = Some("q2".into());
        let fields = vec![unknown, wrong];
        let page = page_of("https://example.gov.cn/a/form.html?step=2#top");
        assert_eq!(page, "https://example.gov.cn/a/form.html");

        let mut learned = Vec::new();
        remember(&mut learned, &page, "q1", Some(Key::PersonIdNumber));
        remember(&mut learned, &page, "q2", None);
        let out = classify_all_with(&fields, &learned, &page);
        assert!(matches!(
            &out[0].verdict,
            Verdict::Fill {
                key: Key::PersonIdNumber,
                reason: Reason::Mapping(_),
                ..
            }
        ));
        assert_eq!(
            out[1].verdict,
            Verdict::Skip {
                reason: SkipReason::Declined
            }
        );
        // Another page is not affected.
        let other = classify_all_with(&fields, &learned, "https://example.gov.cn/b.html");
        assert!(matches!(
            other[1].verdict,
            Verdict::Fill {
                key: Key::PersonName,
                ..
            }
        ));
        // A second correction of a field replaces the first.
        remember(&mut learned, &page, "q2", Some(Key::PersonName));
        assert_eq!(learned[0].fields.len(), 2);
        let json = export(&learned);
        assert_eq!(json[0]["fields"]["q1"], "person.id_number");
        assert_eq!(json[0]["fields"]["q2"], "person.name");
    }
}
