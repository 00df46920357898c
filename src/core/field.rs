//! What the scanner reports about one fillable control: everything classification needs,
//! never the control's current content (only whether it has any).

use serde::Serialize;

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
            readonly: false,
            disabled: false,
            has_value: false,
            form: None,
            section: None,
            outer_sections: Vec::new(),
            row_label: None,
        }
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
