//! Filling by a known form mapping: the mapping, not heuristics, says which control takes
//! which element, whose, and in what format. A control the mapping does not list is left alone,
//! so a mapped form gets exactly the fields its mapping names.
//!
//! ```
//! use oncefill::core::field::FieldDescriptor;
//! use oncefill::core::mapped::classify_mapped;
//! use oncefill::core::mapping::FormMapping;
//!
//! let form = FormMapping::from_json(r#"{"version":1,"id":"t.form","title":"T","department":"D",
//!   "match":{"fields":["xm"]},"fields":[{"locator":{"id":"xm"},"key":"person.name"}]}"#).unwrap();
//! let mut name = FieldDescriptor::text("f1", "");
//! name.html_id = Some("xm".into());
//! let mapped = classify_mapped(&form, &[name, FieldDescriptor::text("f2", "姓名")], &|_| Vec::new());
//! assert!(mapped.classified[0].key().is_some());
//! assert!(mapped.classified[1].key().is_none(), "not in the mapping: left alone");
//! ```

use crate::core::classify::{Classification, Reason, SkipReason, Verdict};
use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::mapping::{FormMapping, Locator};
use crate::core::transform::Transform;

/// Classifications by a mapping, with each field's transform.
#[derive(Clone, Debug, Default)]
pub struct Mapped {
    /// One per field, in order.
    pub classified: Vec<Classification>,
    /// The transform of each field, if the mapping gives one.
    pub transforms: Vec<Option<Transform>>,
}

/// The transform a mapping names, read as the transform engine's own type.
pub fn transform_of(t: &crate::core::mapping::Transform) -> Option<Transform> {
    let mut object = t.params.clone();
    object.insert("kind".into(), t.kind.into());
    serde_json::from_value(serde_json::Value::Object(object)).ok()
}

/// Classifies `fields` by `form`. `css` resolves a CSS locator to the fields it selects (the
/// DOM adapter can; natively it finds none).
pub fn classify_mapped(
    form: &FormMapping,
    fields: &[FieldDescriptor],
    css: &dyn Fn(&str) -> Vec<FieldId>,
) -> Mapped {
    let mut out = Mapped {
        classified: fields
            .iter()
            .map(|f| Classification {
                field: f.id.clone(),
                verdict: Verdict::Skip {
                    reason: SkipReason::NotMapped,
                },
                role: None,
                part: None,
            })
            .collect(),
        transforms: vec![None; fields.len()],
    };
    for m in &form.fields {
        let hits: Vec<usize> = match &m.locator {
            Locator::Id(h) => fields
                .iter()
                .position(|f| f.html_id.as_deref() == Some(h))
                .into_iter()
                .collect(),
            Locator::Name(h) => fields
                .iter()
                .position(|f| f.name.as_deref() == Some(h))
                .into_iter()
                .collect(),
            Locator::Label { text, nth } => fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.label.as_deref() == Some(text.as_str()))
                .nth(nth.saturating_sub(1) as usize)
                .map(|(i, _)| i)
                .into_iter()
                .collect(),
            Locator::Css(selector) => {
                let ids = css(selector);
                fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| {
                        ids.contains(&f.id)
                            || f.options
                                .iter()
                                .any(|o| o.id.as_ref().is_some_and(|id| ids.contains(id)))
                    })
                    .map(|(i, _)| i)
                    .take(1)
                    .collect()
            }
        };
        for i in hits {
            let c = &mut out.classified[i];
            match m.key {
                Some(key) => {
                    c.verdict = Verdict::Fill {
                        key,
                        reason: Reason::Mapping(form.id.clone()),
                        confidence: 1.0,
                    };
                    c.role = m.role.map(|r| match r.index {
                        Some(n) => format!("{}[{n}]", r.role.id()),
                        None => r.role.id().to_string(),
                    });
                    out.transforms[i] = m.transform.as_ref().and_then(transform_of);
                }
                None => {
                    c.verdict = Verdict::Skip {
                        reason: SkipReason::NotMapped,
                    }
                }
            }
        }
    }
    out
}
