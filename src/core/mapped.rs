//! Filling by a known form mapping: the mapping, not heuristics, says which control takes
//! which element, whose, and in what format. A control the mapping does not list is left alone,
//! so a mapped form gets exactly the fields its mapping names. The transforms come as the
//! mapping read them (checked when it was loaded); a field without one is written as planning
//! chooses for it ([`crate::core::plan::transform_for`]).
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
    /// Whether the mapping requires verified data for each field (`"verified": true`): the
    /// plan's [`crate::core::plan::require_verified`] takes it.
    pub verified: Vec<bool>,
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
                    reason: if f.visible {
                        SkipReason::NotMapped
                    } else {
                        SkipReason::Hidden
                    },
                },
                role: None,
                part: None,
            })
            .collect(),
        transforms: vec![None; fields.len()],
        verified: vec![false; fields.len()],
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
        // A control the page does not render (a wizard's later step, a closed section) is
        // left alone, as classification leaves it: the person fills it when it is shown.
        for i in hits.into_iter().filter(|i| fields[*i].visible) {
            let c = &mut out.classified[i];
            match m.key {
                Some(key) => {
                    c.verdict = Verdict::Fill {
                        key,
                        reason: Reason::Mapping(form.id.clone()),
                    };
                    c.role = m.role;
                    out.transforms[i] = m.transform.clone();
                    out.verified[i] = m.verified;
                }
                None => {
                    c.verdict = Verdict::Skip {
                        reason: SkipReason::NotMapped,
                    };
                    out.verified[i] = false;
                }
            }
        }
    }
    out
}

/// Applies the person's own corrections of `page` (see [`crate::core::classify::learn`]) on
/// top of a mapping: a field they declined stays empty, and a field they corrected takes the
/// element they chose. A corrected field keeps the mapping's role; its transform and its
/// requirement of verified data are kept only when the element did not change, since both
/// belong to the element they were written for.
pub fn apply_learned(
    mapped: &mut Mapped,
    learned: &[crate::core::classify::learn::LearnedPage],
    page: &str,
    fields: &[FieldDescriptor],
) {
    use crate::core::classify::learn;
    let corrections = learn::mapping_for(learned, page);
    for (i, field) in fields.iter().enumerate() {
        // A correction does not reach a control the page does not render either.
        let Some((key, _)) = corrections.lookup(field).filter(|_| field.visible) else {
            continue;
        };
        let c = &mut mapped.classified[i];
        if c.key() != Some(key) {
            mapped.transforms[i] = None;
            if let Some(v) = mapped.verified.get_mut(i) {
                *v = false;
            }
        }
        c.verdict = Verdict::Fill {
            key,
            reason: Reason::Mapping(learn::handle_of(field).unwrap_or_default()),
        };
    }
    learn::apply_declined(learned, page, fields, &mut mapped.classified);
    // A field left empty has no format and no requirement.
    for (i, c) in mapped.classified.iter().enumerate() {
        if c.key().is_none() {
            mapped.transforms[i] = None;
            if let Some(v) = mapped.verified.get_mut(i) {
                *v = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::learn::remember;
    use crate::core::dictionary::Key;

    const PAGE: &str = "https://zwfw.example.gov.cn/forms/pension.html";

    fn form() -> FormMapping {
        FormMapping::from_json(
            r#"{"version":1,"id":"t.form","title":"T","department":"D","match":{"fields":["xm"]},
              "fields":[{"locator":{"id":"xm"},"key":"person.name","verified":true},
                        {"locator":{"id":"sj"},"key":"contact.mobile","role":"legal_rep",
                         "transform":{"kind":"phone","style":"national"},"verified":true},
                        {"locator":{"id":"rq"},"key":"meta.fill_date",
                         "transform":{"kind":"date","format":"YYYYMMDD"},"verified":true}]}"#,
        )
        .unwrap()
    }

    fn fields() -> Vec<FieldDescriptor> {
        ["xm", "sj", "rq", "bz"]
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let mut f = FieldDescriptor::text(&format!("f{i}"), "");
                f.html_id = Some((*h).into());
                f
            })
            .collect()
    }

    #[test]
    fn corrections_apply_on_top_of_a_mapping() {
        let fields = fields();
        let mut mapped = classify_mapped(&form(), &fields, &|_| Vec::new());
        assert_eq!(mapped.verified, [true, true, true, false]);
        let mut learned = Vec::new();
        remember(&mut learned, PAGE, "sj", None);
        remember(&mut learned, PAGE, "rq", Some(Key::PersonBirthDate));
        remember(&mut learned, PAGE, "bz", Some(Key::ContactEmail));
        remember(&mut learned, "https://other.example/x.html", "xm", None);
        apply_learned(&mut mapped, &learned, PAGE, &fields);

        assert_eq!(
            mapped.classified[0].key(),
            Some(Key::PersonName),
            "untouched"
        );
        assert!(matches!(
            mapped.classified[1].verdict,
            Verdict::Skip {
                reason: SkipReason::Declined
            }
        ));
        assert_eq!(mapped.transforms[1], None);
        assert_eq!(mapped.classified[2].key(), Some(Key::PersonBirthDate));
        assert_eq!(
            mapped.transforms[2], None,
            "the old element's format is dropped"
        );
        assert_eq!(
            mapped.verified,
            [true, false, false, false],
            "a requirement belongs to the element it was written for"
        );
        assert_eq!(
            mapped.classified[3].key(),
            Some(Key::ContactEmail),
            "an unmapped field"
        );
        assert!(matches!(
            &mapped.classified[3].verdict,
            Verdict::Fill { reason: Reason::Mapping(m), .. } if m == "bz"
        ));
    }

    #[test]
    fn a_correction_to_the_same_element_keeps_role_and_format() {
        let fields = fields();
        let mut mapped = classify_mapped(&form(), &fields, &|_| Vec::new());
        let mut learned = Vec::new();
        remember(&mut learned, PAGE, "sj", Some(Key::ContactMobile));
        apply_learned(&mut mapped, &learned, PAGE, &fields);
        assert_eq!(
            mapped.classified[1].role,
            Some(crate::core::role::RoleRef::new(
                crate::core::role::Role::LegalRep
            ))
        );
        assert!(mapped.transforms[1].is_some());
    }
}
