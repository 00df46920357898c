//! What the scanner reports about one fillable control: everything classification needs,
//! never the control's current content (only whether it has any).

use serde::{Deserialize, Serialize};

/// The handle of a scanned control; the only link between a plan and the live page.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FieldId(pub String);

/// The kind of control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Control {
    /// `<input>` of a text-like type; `input_type` is the lower-cased `type` attribute.
    Input {
        /// `text`, `date`, `tel`, `password`, ...
        input_type: String,
    },
    /// `<textarea>`.
    TextArea,
    /// `<select>` (single choice).
    Select,
    /// A group of `<input type=radio>` sharing a name, reported once.
    RadioGroup,
    /// `<input type=checkbox>`.
    Checkbox,
}

/// One choice of a select or a radio group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldOption {
    /// The `value` attribute.
    pub value: String,
    /// The visible text (option text, or the radio's label).
    pub text: String,
    /// For radios: the handle of that radio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<FieldId>,
}

/// How a page hides a control that is rendered (it has a box and is not `visibility:hidden`)
/// from the person looking at it: the trick of autofill phishing, where a page asking for a
/// name and a phone number holds invisible fields for an ID number or an address. The live
/// page agent measures it (`src/dom/visibility.js`); natively nothing is measured and no field is concealed.
///
/// A concealed field is never filled: review shows it, with this reason, unticked and locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concealment {
    /// Transparent: the opacity of the control and its ancestors multiplies to almost nothing.
    Opacity,
    /// Smaller than a person can see or click, or its text too small to read.
    Tiny,
    /// Placed outside the page's scrollable area (`left:-10000px`), where no scrolling reaches.
    Offscreen,
    /// Cut away by `clip`, `clip-path` or an ancestor's `overflow:hidden`.
    Clipped,
    /// Its text has the colour of its background.
    SameColour,
    /// Another element lies over it.
    Covered,
    /// It is in a frame that is itself hidden in one of these ways.
    Frame,
}

impl Concealment {
    /// Every reason, for tests and message checks.
    pub const ALL: [Concealment; 7] = [
        Concealment::Opacity,
        Concealment::Tiny,
        Concealment::Offscreen,
        Concealment::Clipped,
        Concealment::SameColour,
        Concealment::Covered,
        Concealment::Frame,
    ];

    /// The reason code, `hidden.opacity` ….
    pub fn code(self) -> &'static str {
        match self {
            Concealment::Opacity => "hidden.opacity",
            Concealment::Tiny => "hidden.tiny",
            Concealment::Offscreen => "hidden.offscreen",
            Concealment::Clipped => "hidden.clipped",
            Concealment::SameColour => "hidden.same-colour",
            Concealment::Covered => "hidden.covered",
            Concealment::Frame => "hidden.frame",
        }
    }

    /// The Fluent message id of the plain-language reason: the code with a dash for the dot.
    pub fn message_id(self) -> String {
        self.code().replace('.', "-")
    }
}

/// A scanned control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldDescriptor {
    /// Handle.
    pub id: FieldId,
    /// The `id` attribute.
    pub html_id: Option<String>,
    /// The `name` attribute.
    pub name: Option<String>,
    /// Control kind.
    pub control: Control,
    /// The label text, normalised, and where it came from.
    pub label: Option<String>,
    /// Which rule found the label (`label-for`, `label-wrap`, `aria-labelledby`, `aria-label`,
    /// `preceding-text`, `table-cell`, `table-header`, `legend`, `title`).
    pub label_source: Option<&'static str>,
    /// `placeholder`.
    pub placeholder: Option<String>,
    /// `autocomplete`.
    pub autocomplete: Option<String>,
    /// `maxlength`, when set.
    pub max_length: Option<u32>,
    /// `pattern`, when set (supporting evidence only: `\d{6}` hints at a postcode).
    pub pattern: Option<String>,
    /// Choices of a select or radio group.
    pub options: Vec<FieldOption>,
    /// Rendered and not `type=hidden`.
    pub visible: bool,
    /// Rendered, but hidden from the person by the page (see [`Concealment`]); only for
    /// visible fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concealed: Option<Concealment>,
    /// `readonly`.
    pub readonly: bool,
    /// `disabled` (itself or through a disabled fieldset).
    pub disabled: bool,
    /// Holds content that a person (or the page) put there.
    pub has_value: bool,
    /// The form the control belongs to (fields of different forms never compete).
    pub form: Option<String>,
    /// The nearest section heading before the control (h1–h6, a heading row of a form table,
    /// a fieldset's legend, an element whose class or role says heading): context, never a
    /// label. It tells whose details a block asks for (法定代表人信息, 联系人).
    pub section: Option<String>,
    /// The headings that enclose [`section`](Self::section), outermost first (an `h2` above a
    /// heading row of a table).
    pub outer_sections: Vec<String>,
    /// The first cell of the control's table row, when it is a label cell other than the
    /// control's own label: in `法定代表人 [ ] 联系电话 [ ]` the phone's row names whose it is.
    pub row_label: Option<String>,
}

impl FieldDescriptor {
    /// A visible, empty text input with a label — a builder for tests and examples.
    pub fn text(id: &str, label: &str) -> Self {
        FieldDescriptor {
            id: FieldId(id.into()),
            html_id: Some(id.into()),
            name: None,
            control: Control::Input {
                input_type: "text".into(),
            },
            label: Some(label.into()),
            label_source: Some("label-for"),
            placeholder: None,
            autocomplete: None,
            max_length: None,
            pattern: None,
            options: Vec::new(),
            visible: true,
            concealed: None,
            readonly: false,
            disabled: false,
            has_value: false,
            form: None,
            section: None,
            outer_sections: Vec::new(),
            row_label: None,
        }
    }

    /// A select with nothing to choose yet: a cascade's level whose options (and often its
    /// enabling) the page adds only once the level above is chosen.
    pub fn awaits_options(&self) -> bool {
        self.control == Control::Select && self.options.iter().all(|o| o.value.trim().is_empty())
    }

    /// The `type` of an input, `select`, `textarea`, `radio` or `checkbox`.
    pub fn input_type(&self) -> &str {
        match &self.control {
            Control::Input { input_type } => input_type,
            Control::TextArea => "textarea",
            Control::Select => "select",
            Control::RadioGroup => "radio",
            Control::Checkbox => "checkbox",
        }
    }
}

/// What the page cannot change about a control without it becoming another field, as the
/// person reviewed it: its kind and type, `id`, `name`, label, placeholder, `autocomplete`,
/// `maxlength`, its form, the headings it stands under, its row's label, and its place among
/// the controls that share all of these. Not its content, its options or whether it is shown
/// (those are checked on their own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint<'a> {
    identity: Identity<'a>,
    ordinal: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Identity<'a> {
    control: &'a Control,
    html_id: Option<&'a str>,
    name: Option<&'a str>,
    label: Option<&'a str>,
    placeholder: Option<&'a str>,
    autocomplete: Option<&'a str>,
    max_length: Option<u32>,
    form: Option<&'a str>,
    section: Option<&'a str>,
    outer_sections: &'a [String],
    row_label: Option<&'a str>,
}

/// The fingerprint of every field, in order. (Quadratic in the worst case, when many fields
/// look alike; two identities differ at their first differing member, usually the first.)
pub fn fingerprints(fields: &[FieldDescriptor]) -> Vec<Fingerprint<'_>> {
    let mut out: Vec<Fingerprint<'_>> = Vec::with_capacity(fields.len());
    for f in fields {
        let identity = Identity {
            control: &f.control,
            html_id: f.html_id.as_deref(),
            name: f.name.as_deref(),
            label: f.label.as_deref(),
            placeholder: f.placeholder.as_deref(),
            autocomplete: f.autocomplete.as_deref(),
            max_length: f.max_length,
            form: f.form.as_deref(),
            section: f.section.as_deref(),
            outer_sections: &f.outer_sections,
            row_label: f.row_label.as_deref(),
        };
        let ordinal = out.iter().filter(|p| p.identity == identity).count();
        out.push(Fingerprint { identity, ordinal });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{Lang, tr};

    #[test]
    fn every_concealment_has_a_code_and_a_sentence_in_both_languages() {
        let mut codes: Vec<&str> = Concealment::ALL.iter().map(|c| c.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), Concealment::ALL.len());
        for c in Concealment::ALL {
            assert!(c.code().starts_with("hidden."));
            for lang in [Lang::ZhCn, Lang::En] {
                let text = tr(lang, &c.message_id(), &[]);
                assert_ne!(text, c.message_id(), "{lang:?} lacks {}", c.code());
            }
        }
    }

    #[test]
    fn a_fingerprint_changes_with_what_names_the_field_and_not_with_its_content() {
        let a = FieldDescriptor::text("a", "姓名");
        let mut b = FieldDescriptor::text("b", "姓名");
        b.html_id = Some("a".into());
        let reviewed = [a.clone(), b.clone()];
        let before = fingerprints(&reviewed);
        // Two fields alike but for their handle differ by their place.
        assert_ne!(before[0], before[1]);
        let mut filled = a.clone();
        filled.has_value = true;
        filled.concealed = Some(Concealment::Covered);
        assert_eq!(fingerprints(&[filled, b.clone()]), before);
        let mut relabelled = a.clone();
        relabelled.label = Some("公民身份号码".into());
        assert_ne!(fingerprints(&[relabelled, b])[0], before[0]);
    }
}
