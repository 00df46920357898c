//! Unit tests of classification: the rules of the first slice, and what issue 6 added.

use super::*;
use crate::core::field::FieldOption;

fn labelled(label: &str) -> Verdict {
    classify(&FieldDescriptor::text("f", label))
}

fn key_of(v: &Verdict) -> Option<Key> {
    match v {
        Verdict::Fill { key, .. } => Some(*key),
        Verdict::Skip { .. } => None,
    }
}

#[test]
fn labels_of_the_slice() {
    let cases = [
        ("姓名", Key::PersonName),
        ("参保人姓名", Key::PersonName),
        ("性别", Key::PersonSex),
        ("出生日期", Key::PersonBirthDate),
        ("公民身份号码", Key::PersonIdNumber),
        ("身份证号", Key::PersonIdNumber),
        ("手机号码", Key::ContactMobile),
        ("住址", Key::PersonHukouAddress),
        ("户籍所在地址", Key::PersonHukouAddress),
        ("民族", Key::PersonEthnicity),
        ("填表日期", Key::MetaFillDate),
        ("Full name", Key::PersonName),
        ("Date of birth", Key::PersonBirthDate),
        ("Mobile number", Key::ContactMobile),
    ];
    for (label, key) in cases {
        assert_eq!(key_of(&labelled(label)), Some(key), "{label}");
    }
}

#[test]
fn every_verdict_carries_its_reason() {
    match labelled("公民身份号码：") {
        Verdict::Fill { reason, .. } => {
            assert_eq!(reason, Reason::Label("公民身份号码".into()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn somebody_elses_details_are_refused() {
    // Issue 6 changed this test: 户主姓名 is now `family.householder_name`, and 单位名称 /
    // Company name the person's employer (on a firm's form, context makes it `firm.name`);
    // the other labels still name somebody else, whose details the plan does not fill.
    for label in [
        "联系人手机号码",
        "监护人身份证号",
        "法定代表人姓名",
        "紧急联系人电话",
        "经办人证件号码",
    ] {
        assert!(
            matches!(
                labelled(label),
                Verdict::Skip {
                    reason: SkipReason::OtherParty(_)
                }
            ),
            "{label}"
        );
    }
    assert_eq!(
        key_of(&labelled("户主姓名")),
        Some(Key::FamilyHouseholderName)
    );
    assert_eq!(key_of(&labelled("单位名称")), Some(Key::PersonEmployer));
    assert_eq!(key_of(&labelled("Company name")), Some(Key::PersonEmployer));
}

#[test]
fn two_elements_in_one_label_is_a_refusal() {
    assert_eq!(
        labelled("姓名及身份证号"),
        Verdict::Skip {
            reason: SkipReason::Ambiguous(vec![Key::PersonName, Key::PersonIdNumber])
        }
    );
    // Issue 6 changed this test: 居住地址 is now an element (`person.residence_address`);
    // a username is still one the dictionary does not hold.
    assert_eq!(
        key_of(&labelled("居住地址")),
        Some(Key::PersonResidenceAddress)
    );
    assert!(matches!(
        labelled("用户名"),
        Verdict::Skip {
            reason: SkipReason::NotInDictionary(_)
        }
    ));
    assert!(matches!(labelled("username"), Verdict::Skip { .. }));
    assert!(matches!(labelled("First name"), Verdict::Skip { .. }));
}

#[test]
fn autocomplete_outranks_the_label() {
    let mut f = FieldDescriptor::text("f", "手机号码");
    f.autocomplete = Some("section-a bday".into());
    assert_eq!(
        classify(&f),
        Verdict::Fill {
            key: Key::PersonBirthDate,
            reason: Reason::Autocomplete("bday".into()),
            confidence: 0.95
        }
    );
    f.autocomplete = Some("shipping name".into());
    assert!(matches!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::NotHeld(_)
        }
    ));
    // Invalid (a contact modifier before a non-contact field) is ignored: the label decides.
    f.autocomplete = Some("mobile bday".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
    f.autocomplete = Some("off".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
    f.autocomplete = Some("cc-number".into());
    assert!(matches!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::NeverFilled(_)
        }
    ));
}

#[test]
fn autocomplete_grammar() {
    let t = parse_autocomplete("section-blue billing mobile tel webauthn").unwrap();
    assert_eq!(t.field, "tel");
    assert_eq!(t.section.as_deref(), Some("section-blue"));
    assert_eq!(t.mode.as_deref(), Some("billing"));
    assert_eq!(t.contact.as_deref(), Some("mobile"));
    assert_eq!(parse_autocomplete("billing section-blue tel"), None);
    assert_eq!(parse_autocomplete("home name"), None);
    assert_eq!(parse_autocomplete("nonsense"), None);
    assert_eq!(parse_autocomplete(""), None);
}

#[test]
fn names_and_placeholders_when_there_is_no_label() {
    let mut f = FieldDescriptor::text("f", "");
    f.label = None;
    f.name = Some("aac002".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::PersonIdNumber));
    f.name = Some("userSfzh".into());
    f.html_id = None;
    assert_eq!(key_of(&classify(&f)), Some(Key::PersonIdNumber));
    f.name = None;
    f.placeholder = Some("请输入手机号".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
}

#[test]
fn sex_from_options() {
    let mut f = FieldDescriptor::text("f", "");
    f.label = None;
    f.control = Control::Select;
    f.options = ["请选择", "男", "女"]
        .iter()
        .map(|t| FieldOption {
            value: String::new(),
            text: (*t).into(),
            id: None,
        })
        .collect();
    assert!(matches!(
        classify(&f),
        Verdict::Fill {
            key: Key::PersonSex,
            reason: Reason::Options(_),
            ..
        }
    ));
}

#[test]
fn never_filled_controls() {
    let mut f = FieldDescriptor::text("f", "姓名");
    f.visible = false;
    assert_eq!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::Hidden
        }
    );
    f.visible = true;
    f.readonly = true;
    assert_eq!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::ReadOnly
        }
    );
    f.readonly = false;
    f.control = Control::Input {
        input_type: "password".into(),
    };
    assert!(matches!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::NeverFilled(_)
        }
    ));
    assert_eq!(
        labelled("验证码"),
        Verdict::Skip {
            reason: SkipReason::Captcha
        }
    );
    let mut email = FieldDescriptor::text("e", "出生日期");
    email.control = Control::Input {
        input_type: "email".into(),
    };
    assert!(matches!(classify(&email), Verdict::Skip { .. }));
}

#[test]
fn duplicates_in_one_form_are_refused_but_separate_forms_are_not() {
    let mut a = FieldDescriptor::text("a", "姓名");
    let mut b = FieldDescriptor::text("b", "姓名");
    a.form = Some("form-1".into());
    b.form = Some("form-1".into());
    let out = classify_all(&[a.clone(), b.clone()]);
    assert!(out.iter().all(|c| matches!(
        c.verdict,
        Verdict::Skip {
            reason: SkipReason::Duplicate { count: 2, .. }
        }
    )));
    b.form = Some("form-2".into());
    let out = classify_all(&[a, b]);
    assert!(
        out.iter()
            .all(|c| matches!(c.verdict, Verdict::Fill { .. }))
    );
}

#[test]
fn units_split_words_and_characters() {
    assert_eq!(units("userSfzh_no"), vec!["user", "sfzh", "no"]);
    assert_eq!(units("姓 名:"), vec!["姓", "名"]);
    assert_eq!(units("aac003"), vec!["aac003"]);
}
