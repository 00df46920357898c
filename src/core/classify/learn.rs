//! Corrections a person makes in review, remembered per form: the next time the same page is
//! filled, a corrected field is classified by the correction ([`super::Reason::Mapping`]) before
//! anything else, and a field the person declined stays empty. Corrections are kept in the
//! profile (so they are encrypted with it, backed up with it, and erased with it) and can be
//! exported in the mapping format for the portal's maintainers.
//!
//! A page is matched by its origin and path (no query, no fragment); a field by its `id`, else
//! its `name` — the handles a mapping uses.

use serde::{Deserialize, Serialize};

use super::{Classification, Mapping, SkipReason, Verdict};
use crate::core::dictionary::Key;
use crate::core::field::FieldDescriptor;

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
    let index = match pages.iter().position(|p| p.page == page) {
        Some(i) => i,
        None => {
            pages.push(LearnedPage {
                page: page.to_string(),
                fields: Vec::new(),
            });
            pages.len() - 1
        }
    };
    let fields = &mut pages[index].fields;
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
/// `{"version": 1, "page": "…", "source": "learned", "fields": {"aac003": "person.name", "x": null}}`.
pub fn export(pages: &[LearnedPage]) -> serde_json::Value {
    let list: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| {
            let fields: serde_json::Map<String, serde_json::Value> = p
                .fields
                .iter()
                .map(|f| {
                    let v = f.key.map_or(serde_json::Value::Null, |k| k.id().into());
                    (f.handle.clone(), v)
                })
                .collect();
            serde_json::json!({"version": 1, "page": p.page, "source": "learned", "fields": fields})
        })
        .collect();
    serde_json::Value::Array(list)
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
