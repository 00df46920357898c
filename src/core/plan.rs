//! Planning: the value each classified field receives, in the target's own format.
//!
//! The plan holds the values to write and, for the review panel, what to show (sensitive
//! values masked) and why. It never guesses: a select without a matching option, a value
//! longer than the field allows, or an element the profile lacks becomes a [`Skipped`] entry
//! with its reason. A field that already has content is planned but not selected, so it is
//! only overwritten when the person ticks it.
//!
//! Formats: sex goes into a radio group or select by option text (男/女) or by the GB/T 2261.1
//! code (1/2); a date goes into `<input type=date>` as `YYYY-MM-DD`, into a field whose label or
//! placeholder shows `YYYY年MM月DD日` in that form, and likewise `YYYYMMDD`, `YYYY/MM/DD`,
//! `YYYY-MM` (also `<input type=month>`).

use serde::Serialize;
use time::Date;

use crate::core::classify::{Classification, Reason, SkipReason, Verdict};
use crate::core::dictionary::Key;
use crate::core::field::{Control, FieldDescriptor, FieldId, FieldOption};
use crate::core::ids::Sex;
use crate::core::mask::{Secret, mask_for_display};
use crate::core::profile::{Profile, Value};
use crate::core::role::RoleRef;
use crate::core::transform::{Output, PickBy, Transform};

/// What the DOM adapter does to one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "do")]
pub enum FillAction {
    /// Type text into an input or textarea.
    Text {
        /// The text (masked in `Debug`, never serialised).
        #[serde(skip)]
        value: Secret,
    },
    /// Choose an option of a select by its index.
    Select {
        /// Option index.
        index: usize,
    },
    /// Check one radio of a group.
    Radio {
        /// The radio to check.
        option: FieldId,
    },
    /// Tick or untick a checkbox.
    Check {
        /// Ticked.
        on: bool,
    },
}

/// Whether a value ticks a checkbox: its own label or value (长期, 是), or a yes.
fn ticks(field: &FieldDescriptor, text: &str) -> bool {
    names(field, text)
        || matches!(
            text.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "y" | "on" | "checked" | "是"
        )
}

/// Whether `text` is a checkbox's own label or value.
fn names(field: &FieldDescriptor, text: &str) -> bool {
    let t = text.trim();
    field.label.as_deref().map(str::trim) == Some(t)
        || field.options.iter().any(|o| o.value.trim() == t)
}

/// One planned fill.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FillStep {
    /// The field.
    pub field: FieldId,
    /// The field's label as the page shows it.
    pub label: String,
    /// The element it is filled from.
    pub key: Key,
    /// Whose element, when not the applicant's (`legal_rep`, `shareholder[1]`, ...).
    pub role: Option<RoleRef>,
    /// Why the field was recognised.
    pub reason: Reason,
    /// What to do.
    pub action: FillAction,
    /// The value as shown in review: masked when the element is sensitive.
    pub shown: String,
    /// Whether the value is sensitive (review offers a reveal button).
    pub sensitive: bool,
    /// The field already has content: planned, but only filled when the person ticks it.
    pub overwrites: bool,
    /// Ticked in review.
    pub selected: bool,
}

impl FillStep {
    /// The full value for the reveal button. Sensitive; shown only at the person's request.
    pub fn reveal(&self, options: &[FieldOption]) -> String {
        match &self.action {
            FillAction::Text { value } => value.expose().to_string(),
            FillAction::Select { index } => options
                .get(*index)
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            FillAction::Radio { option } => options
                .iter()
                .find(|o| o.id.as_ref() == Some(option))
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            FillAction::Check { on } => if *on { "☑" } else { "☐" }.to_string(),
        }
    }
}

/// Why a field is not in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "detail")]
pub enum NotPlanned {
    /// Classification left it alone.
    Skipped(SkipReason),
    /// The profile does not hold the element yet.
    NotInProfile(Key),
    /// The person in a role (the legal representative, a shareholder) lacks the element.
    RoleLacks {
        /// The element.
        key: Key,
        /// The role, e.g. `legal_rep`.
        role: RoleRef,
    },
    /// No option of the select or radio group matches the profile's value.
    NoMatchingOption(Key),
    /// The form's format could not be made from the value (the transform's error code).
    Transform(String),
    /// The value is longer than `maxlength`.
    TooLong {
        /// The element.
        key: Key,
        /// The field's limit.
        max: u32,
    },
}

/// A field left alone, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The field.
    pub field: FieldId,
    /// Its label, or its name when it has none.
    pub label: String,
    /// Why.
    pub why: NotPlanned,
}

/// The plan for a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FillPlan {
    /// Fields to fill, in document order.
    pub steps: Vec<FillStep>,
    /// Fields left alone, in document order.
    pub skipped: Vec<Skipped>,
}

/// How a date is written into a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// `1990-03-07`.
    Iso,
    /// `1990年03月07日`.
    Chinese,
    /// `19900307`.
    Compact,
    /// `1990/03/07`.
    Slashed,
    /// `1990-03`.
    YearMonth,
    /// `1990年03月`.
    ChineseYearMonth,
}

/// The date format a field expects, from its type, placeholder and label.
pub fn date_format_for(field: &FieldDescriptor) -> DateFormat {
    match field.input_type() {
        "date" => return DateFormat::Iso,
        "month" => return DateFormat::YearMonth,
        _ => {}
    }
    let hints = [field.placeholder.as_deref(), field.label.as_deref()];
    for hint in hints.into_iter().flatten() {
        let h = hint.to_ascii_uppercase();
        if h.contains('年') && h.contains('月') && h.contains('日') {
            return DateFormat::Chinese;
        }
        if h.contains('年') && h.contains('月') {
            return DateFormat::ChineseYearMonth;
        }
        if h.contains("YYYYMMDD") || h.contains("8位") {
            return DateFormat::Compact;
        }
        if h.contains("YYYY/MM/DD") || h.contains("YYYY/M/D") {
            return DateFormat::Slashed;
        }
        if h.contains("YYYY-MM-DD") {
            return DateFormat::Iso;
        }
        if h.contains("YYYY-MM") || h.contains("年月") {
            return DateFormat::YearMonth;
        }
    }
    DateFormat::Iso
}

/// Writes a date in a format.
pub fn format_date(date: Date, format: DateFormat) -> String {
    let (y, m, d) = (date.year(), u8::from(date.month()), date.day());
    match format {
        DateFormat::Iso => format!("{y:04}-{m:02}-{d:02}"),
        DateFormat::Chinese => format!("{y:04}年{m:02}月{d:02}日"),
        DateFormat::Compact => format!("{y:04}{m:02}{d:02}"),
        DateFormat::Slashed => format!("{y:04}/{m:02}/{d:02}"),
        DateFormat::YearMonth => format!("{y:04}-{m:02}"),
        DateFormat::ChineseYearMonth => format!("{y:04}年{m:02}月"),
    }
}

/// Finds the option for a sex: by text 男/女 (or Male/Female), else by code 1/2.
fn sex_option(options: &[FieldOption], sex: Sex) -> Option<usize> {
    let words: &[&str] = match sex {
        Sex::Male => &["男", "男性", "male", "m"],
        Sex::Female => &["女", "女性", "female", "f"],
    };
    let norm = |s: &str| s.trim().to_lowercase();
    options
        .iter()
        .position(|o| words.contains(&norm(&o.text).as_str()))
        .or_else(|| options.iter().position(|o| o.value.trim() == sex.code()))
}

/// Finds the option for an ethnic group: by name (汉族, 汉), else by code (01, 1) or letters.
fn ethnicity_option(options: &[FieldOption], code: &crate::core::codes::Code) -> Option<usize> {
    let short = code.name.strip_suffix('族').unwrap_or(code.name);
    options
        .iter()
        .position(|o| o.text.trim() == code.name || o.text.trim() == short)
        .or_else(|| {
            options.iter().position(|o| {
                let v = o.value.trim();
                v == code.code
                    || code.code.strip_prefix('0') == Some(v)
                    || (!code.letters.is_empty() && v.eq_ignore_ascii_case(code.letters))
            })
        })
}

/// Finds the option whose text or value equals `text`.
fn text_option(options: &[FieldOption], text: &str) -> Option<usize> {
    options
        .iter()
        .position(|o| o.text.trim() == text || o.value.trim() == text)
}

/// The text a value takes in a free-text field.
fn as_text(value: &Value, field: &FieldDescriptor) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Date(d) => format_date(*d, date_format_for(field)),
        Value::Sex(s) => s.zh().to_string(),
        Value::Ethnicity(c) => c.name.to_string(),
        Value::List(items) => items.join("、"),
    }
}

fn choose(field: &FieldDescriptor, value: &Value) -> Option<usize> {
    match value {
        Value::Sex(s) => sex_option(&field.options, *s),
        Value::Ethnicity(c) => ethnicity_option(&field.options, c),
        other => text_option(&field.options, &as_text(other, field)),
    }
}

fn field_label(field: &FieldDescriptor) -> String {
    field
        .label
        .clone()
        .or_else(|| field.placeholder.clone())
        .or_else(|| field.name.clone())
        .or_else(|| field.html_id.clone())
        .unwrap_or_default()
}

/// Plans the fill of `fields` (as scanned) from `profile`, following `classified`
/// (one entry per field, in the same order).
pub fn plan(
    profile: &Profile,
    fields: &[FieldDescriptor],
    classified: &[Classification],
    today: Date,
) -> FillPlan {
    plan_with(profile, fields, classified, &[], today)
}

/// Compares option texts and values as forms write them: spaces, a trailing 年/月/日 and
/// leading zeros of numbers do not count (`03`, `3`, `3月` are one month).
fn loose(text: &str) -> String {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['年', '月', '日', '号']);
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.trim_start_matches('0');
        if n.is_empty() { "0".into() } else { n.into() }
    } else {
        t.to_string()
    }
}

/// The option a transform's output picks.
fn pick(options: &[FieldOption], output: &Output) -> Option<usize> {
    let (by_value, wanted) = match output {
        Output::Text { text } => (None, text.as_str()),
        Output::Choice { by, option } => (Some(*by == PickBy::Value), option.as_str()),
    };
    let exact = |o: &FieldOption| match by_value {
        Some(true) => o.value.trim() == wanted,
        Some(false) => o.text.trim() == wanted,
        None => o.text.trim() == wanted || o.value.trim() == wanted,
    };
    options.iter().position(exact).or_else(|| {
        let w = loose(wanted);
        options.iter().position(|o| match by_value {
            Some(true) => loose(&o.value) == w,
            Some(false) => loose(&o.text) == w,
            None => loose(&o.text) == w || loose(&o.value) == w,
        })
    })
}

/// As [`plan`], with a transform per field (from a form mapping) saying how each value is
/// written.
pub fn plan_with(
    profile: &Profile,
    fields: &[FieldDescriptor],
    classified: &[Classification],
    transforms: &[Option<Transform>],
    today: Date,
) -> FillPlan {
    let mut out = FillPlan::default();
    for (i, (field, class)) in fields.iter().zip(classified).enumerate() {
        let label = field_label(field);
        let skip = |why| Skipped {
            field: field.id.clone(),
            label: label.clone(),
            why,
        };
        let (key, reason) = match &class.verdict {
            Verdict::Fill { key, reason, .. } => (*key, reason.clone()),
            Verdict::Skip { reason } => {
                out.skipped.push(skip(NotPlanned::Skipped(reason.clone())));
                continue;
            }
        };
        if let Some(role) = class.role
            && profile.role_values(role).is_none()
        {
            out.skipped
                .push(skip(NotPlanned::Skipped(SkipReason::OtherParty(
                    role.role.zh().into(),
                ))));
            continue;
        }
        let Some(value) = profile.value_as(key, class.role, today) else {
            out.skipped.push(skip(match class.role {
                Some(role) => NotPlanned::RoleLacks { key, role },
                None => NotPlanned::NotInProfile(key),
            }));
            continue;
        };
        let transformed = match transforms.get(i).and_then(Option::as_ref) {
            None => None,
            Some(t) => {
                let lookup = |k: Key| profile.value_as(k, class.role, today);
                match crate::core::transform::apply(t, &value, &lookup) {
                    Ok(output) => Some(output),
                    Err(e) => {
                        out.skipped
                            .push(skip(NotPlanned::Transform(e.code().to_string())));
                        continue;
                    }
                }
            }
        };
        let action = match (&transformed, &field.control) {
            (Some(output), Control::Select | Control::RadioGroup) => {
                match pick(&field.options, output) {
                    Some(index) if field.control == Control::Select => FillAction::Select { index },
                    Some(index) => match field.options[index].id.clone() {
                        Some(option) => FillAction::Radio { option },
                        None => {
                            out.skipped.push(skip(NotPlanned::NoMatchingOption(key)));
                            continue;
                        }
                    },
                    None => {
                        out.skipped.push(skip(NotPlanned::NoMatchingOption(key)));
                        continue;
                    }
                }
            }
            (Some(output), Control::Checkbox) => {
                let text = match output {
                    Output::Text { text } => text,
                    Output::Choice { option, .. } => option,
                };
                FillAction::Check {
                    on: ticks(field, text),
                }
            }
            (Some(output), _) => {
                let text = match output {
                    Output::Text { text } => text.clone(),
                    Output::Choice { option, .. } => option.clone(),
                };
                if let Some(max) = field.max_length
                    && text.chars().count() > max as usize
                {
                    out.skipped.push(skip(NotPlanned::TooLong { key, max }));
                    continue;
                }
                FillAction::Text {
                    value: Secret::new(text),
                }
            }
            // A checkbox of a group (委托权限): ticked when the list holds its label or value.
            (None, Control::Checkbox) if matches!(value, Value::List(_)) => FillAction::Check {
                on: matches!(&value, Value::List(items) if items.iter().any(|i| names(field, i))),
            },
            (None, _) => match field.control {
                Control::Select | Control::RadioGroup => match choose(field, &value) {
                    Some(index) if field.control == Control::Select => FillAction::Select { index },
                    Some(index) => match field.options[index].id.clone() {
                        Some(option) => FillAction::Radio { option },
                        None => {
                            out.skipped.push(skip(NotPlanned::NoMatchingOption(key)));
                            continue;
                        }
                    },
                    None => {
                        out.skipped.push(skip(NotPlanned::NoMatchingOption(key)));
                        continue;
                    }
                },
                Control::Input { .. } | Control::TextArea | Control::Checkbox => {
                    let text = as_text(&value, field);
                    if let Some(max) = field.max_length
                        && text.chars().count() > max as usize
                    {
                        out.skipped.push(skip(NotPlanned::TooLong { key, max }));
                        continue;
                    }
                    FillAction::Text {
                        value: Secret::new(text),
                    }
                }
            },
        };
        let plain = match &action {
            FillAction::Text { value } => value.expose().to_string(),
            FillAction::Select { index } => field.options[*index].text.trim().to_string(),
            FillAction::Radio { option } => field
                .options
                .iter()
                .find(|o| o.id.as_ref() == Some(option))
                .map(|o| o.text.trim().to_string())
                .unwrap_or_default(),
            FillAction::Check { on } => format!(
                "{} {}",
                if *on { "☑" } else { "☐" },
                field.label.as_deref().unwrap_or_default()
            ),
        };
        let sensitive = key.mask();
        out.steps.push(FillStep {
            field: field.id.clone(),
            label,
            key,
            role: class.role,
            reason,
            shown: match sensitive {
                Some(kind) => mask_for_display(&plain, kind),
                None => plain,
            },
            sensitive: sensitive.is_some(),
            action,
            overwrites: field.has_value,
            selected: !field.has_value,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classify::classify_all;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn options(pairs: &[(&str, &str)]) -> Vec<FieldOption> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (value, text))| FieldOption {
                value: (*value).into(),
                text: (*text).into(),
                id: Some(FieldId(format!("opt{i}"))),
            })
            .collect()
    }

    fn run(fields: &[FieldDescriptor]) -> FillPlan {
        plan(&Profile::demo(), fields, &classify_all(fields), TODAY)
    }

    #[test]
    fn dates_follow_the_target_format() {
        let mut date_input = FieldDescriptor::text("a", "出生日期");
        date_input.control = Control::Input {
            input_type: "date".into(),
        };
        let mut chinese = FieldDescriptor::text("b", "填表日期");
        chinese.placeholder = Some("YYYY年MM月DD日".into());
        let p = run(&[date_input, chinese]);
        let texts: Vec<_> = p.steps.iter().map(|s| s.shown.clone()).collect();
        assert_eq!(texts, vec!["1990-03-07", "2026年11月21日"]);
    }

    #[test]
    fn every_date_format() {
        let d = date!(1990 - 03 - 07);
        let mut f = FieldDescriptor::text("f", "出生日期");
        for (hint, expected) in [
            ("YYYYMMDD", "19900307"),
            ("YYYY/MM/DD", "1990/03/07"),
            ("YYYY-MM", "1990-03"),
            ("例：1990年01月", "1990年03月"),
            ("", "1990-03-07"),
        ] {
            f.placeholder = Some(hint.into());
            assert_eq!(format_date(d, date_format_for(&f)), expected, "{hint}");
        }
    }

    #[test]
    fn sex_by_option_text_or_code() {
        let mut radio = FieldDescriptor::text("r", "性别");
        radio.control = Control::RadioGroup;
        radio.options = options(&[("2", "女"), ("1", "男")]);
        let mut select = FieldDescriptor::text("s", "性别");
        select.control = Control::Select;
        select.options = options(&[("", "请选择"), ("1", "1"), ("2", "2")]);
        select.form = Some("other".into());
        let p = run(&[radio, select]);
        assert_eq!(
            p.steps[0].action,
            FillAction::Radio {
                option: FieldId("opt1".into())
            }
        );
        assert_eq!(p.steps[1].action, FillAction::Select { index: 1 });
        assert_eq!(p.steps[0].shown, "男");
    }

    #[test]
    fn ethnicity_by_name_or_code() {
        let mut by_name = FieldDescriptor::text("a", "民族");
        by_name.control = Control::Select;
        by_name.options = options(&[("", "--请选择--"), ("x", "蒙古族"), ("y", "汉族")]);
        let mut by_code = by_name.clone();
        by_code.id = FieldId("b".into());
        by_code.form = Some("2".into());
        by_code.options = options(&[("", "--"), ("02", "蒙"), ("1", "汉")]);
        let p = run(&[by_name, by_code]);
        assert_eq!(p.steps[0].action, FillAction::Select { index: 2 });
        assert_eq!(p.steps[1].action, FillAction::Select { index: 2 });
    }

    #[test]
    fn refusals_are_explained() {
        let mut no_option = FieldDescriptor::text("a", "民族");
        no_option.control = Control::Select;
        no_option.options = options(&[("", "请选择"), ("03", "回族")]);
        let mut too_short = FieldDescriptor::text("b", "户籍地址");
        too_short.max_length = Some(10);
        let p = run(&[no_option, too_short]);
        assert!(p.steps.is_empty());
        assert_eq!(
            p.skipped[0].why,
            NotPlanned::NoMatchingOption(Key::PersonEthnicity)
        );
        assert_eq!(
            p.skipped[1].why,
            NotPlanned::TooLong {
                key: Key::PersonHukouAddress,
                max: 10
            }
        );
        let empty = plan(
            &Profile::new(),
            &[FieldDescriptor::text("c", "姓名")],
            &classify_all(&[FieldDescriptor::text("c", "姓名")]),
            TODAY,
        );
        assert_eq!(
            empty.skipped[0].why,
            NotPlanned::NotInProfile(Key::PersonName)
        );
    }

    #[test]
    fn sensitive_values_are_masked_and_never_serialised() {
        let p = run(&[
            FieldDescriptor::text("a", "公民身份号码"),
            FieldDescriptor::text("b", "手机号码"),
        ]);
        assert_eq!(p.steps[0].shown, "1101**********1239");
        assert_eq!(p.steps[1].shown, "138****8000");
        assert!(p.steps.iter().all(|s| s.sensitive));
        let json = serde_json::to_string(&p).unwrap();
        let debug = format!("{p:?}");
        for leak in ["110105199003071239", "13800138000"] {
            assert!(!json.contains(leak), "{json}");
            assert!(!debug.contains(leak), "{debug}");
        }
    }

    #[test]
    fn people_in_roles_are_filled_from_the_role_links() {
        let in_section = |id: &str, label: &str, section: &str| {
            let mut f = FieldDescriptor::text(id, label);
            f.section = Some(section.into());
            f
        };
        let fields = vec![
            in_section("a", "姓名", "法定代表人信息"),
            in_section("b", "姓名", "财务负责人信息"),
            in_section("c", "姓名", "联系人信息"),
            FieldDescriptor::text("d", "姓名"),
        ];
        let p = run(&fields);
        let shown: Vec<(&str, &str)> = p
            .steps
            .iter()
            .map(|s| (s.field.0.as_str(), s.shown.as_str()))
            .collect();
        assert_eq!(shown, vec![("a", "王小明"), ("b", "李华"), ("d", "王小明")]);
        assert_eq!(
            p.steps[1].role.map(|r| r.to_string()).as_deref(),
            Some("finance_officer")
        );
        assert!(
            matches!(
                &p.skipped[0].why,
                NotPlanned::Skipped(SkipReason::OtherParty(_))
            ),
            "nobody is the contact in the profile"
        );
    }

    #[test]
    fn filled_fields_are_planned_but_not_selected() {
        let mut f = FieldDescriptor::text("a", "姓名");
        f.has_value = true;
        let p = run(&[f]);
        assert!(p.steps[0].overwrites);
        assert!(!p.steps[0].selected);
    }
    fn mapped(key: Key, role: Option<&str>) -> Classification {
        Classification {
            field: FieldId("x".into()),
            verdict: Verdict::Fill {
                key,
                reason: Reason::Mapping("x".into()),
            },
            role: role.map(|r| RoleRef::parse(r).unwrap()),
            part: None,
        }
    }

    #[test]
    fn the_firm_role_fills_the_firms_own_contact_details() {
        let fields = [
            FieldDescriptor::text("a", "联系电话"),
            FieldDescriptor::text("b", "联系电话"),
        ];
        let classified = [
            mapped(Key::ContactLandline, Some("firm")),
            mapped(Key::ContactLandline, None),
        ];
        let p = plan(&Profile::demo(), &fields, &classified, TODAY);
        assert_eq!(p.steps.len(), 1);
        assert_eq!(p.steps[0].shown, "0571-88881234");
        assert_eq!(
            p.skipped[0].why,
            NotPlanned::NotInProfile(Key::ContactLandline),
            "the owner has no landline of his own"
        );
    }

    #[test]
    fn a_checkbox_of_a_group_is_ticked_by_the_lists_items() {
        let boxes: Vec<FieldDescriptor> = ["领取证照", "其他"]
            .iter()
            .map(|label| {
                let mut f = FieldDescriptor::text(label, label);
                f.control = Control::Checkbox;
                f
            })
            .collect();
        let classified = vec![mapped(Key::AgentScope, Some("agent")); 2];
        let p = plan(&Profile::demo(), &boxes, &classified, TODAY);
        let on: Vec<_> = p.steps.iter().map(|s| s.action.clone()).collect();
        assert_eq!(
            on,
            vec![
                FillAction::Check { on: true },
                FillAction::Check { on: false }
            ]
        );
        // A 同意/不同意 pair by the member transform.
        let mut radio = FieldDescriptor::text("r", "领取营业执照和有关文书");
        radio.control = Control::RadioGroup;
        radio.options = options(&[("1", "同意"), ("0", "不同意")]);
        let t: Transform = serde_json::from_str(
            r#"{"kind":"member","item":"领取证照","yes":"同意","no":"不同意"}"#,
        )
        .unwrap();
        let p = plan_with(
            &Profile::demo(),
            &[radio],
            &[mapped(Key::AgentScope, Some("agent"))],
            &[Some(t)],
            TODAY,
        );
        assert_eq!(
            p.steps[0].action,
            FillAction::Radio {
                option: FieldId("opt0".into())
            }
        );
    }
}
