//! The classification of a page as `oncefill classify` prints it: one object per field that
//! takes a value (inputs of `type=hidden` left out), in document order.
//!
//! ```json
//! {"field": "aac003", "key": "person.name", "autocomplete": "name", "role": null,
//!  "part": null, "reason": "label", "detail": "姓名", "skip": null}
//! ```
//!
//! `field` is the control's `id`, else its `name` (a radio group's `name` first), else null.
//! A field left empty has `key: null` and says why in `skip` (`{"why": "hidden"}`,
//! `{"why": "ambiguous", "detail": [...]}`, ...).

use serde::Serialize;

use super::{Classification, Part, SkipReason, Verdict};
use crate::core::dictionary::Key;
use crate::core::field::{Control, FieldDescriptor};
use crate::core::role::RoleRef;

/// One field of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldReport {
    /// The control's `id`, else its `name`.
    pub field: Option<String>,
    /// The element, if the field was recognised.
    pub key: Option<Key>,
    /// The nearest WHATWG autofill field name.
    pub autocomplete: Option<&'static str>,
    /// Whose element, when not the applicant's.
    pub role: Option<RoleRef>,
    /// Which part of a split element.
    pub part: Option<Part>,
    /// `mapping`, `autocomplete`, `label`, `name`, `placeholder`, `options` or `context`.
    pub reason: Option<&'static str>,
    /// The text that matched.
    pub detail: Option<String>,
    /// Why the field is left empty.
    pub skip: Option<SkipReason>,
}

/// The handle a report names a field by: a radio group by its `name`, others by `id`, then
/// `name`.
pub fn handle(field: &FieldDescriptor) -> Option<String> {
    if field.control == Control::RadioGroup {
        field.name.clone().or_else(|| field.html_id.clone())
    } else {
        field.html_id.clone().or_else(|| field.name.clone())
    }
}

/// Whether a field belongs in the report (hidden inputs carry no person's data).
pub fn reported(field: &FieldDescriptor) -> bool {
    field.input_type() != "hidden"
}

/// The report of a classified page.
pub fn report(fields: &[FieldDescriptor], classified: &[Classification]) -> Vec<FieldReport> {
    fields
        .iter()
        .zip(classified)
        .filter(|(f, _)| reported(f))
        .map(|(f, c)| {
            let (key, reason, detail, skip) = match &c.verdict {
                Verdict::Fill { key, reason } => (
                    Some(*key),
                    Some(reason.kind()),
                    Some(reason.detail().to_string()),
                    None,
                ),
                Verdict::Skip { reason } => (None, None, None, Some(reason.clone())),
            };
            FieldReport {
                field: handle(f),
                key,
                autocomplete: c.autocomplete(),
                role: c.role,
                part: c.part,
                reason,
                detail,
                skip,
            }
        })
        .collect()
}
