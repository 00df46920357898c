//! Unit tests of classification: the label rules one field at a time, then more elements,
//! locales, evidence and context passes over whole pages.

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
    // 户主姓名 is `family.householder_name` and 单位名称 / Company name the person's employer
    // (on a firm's form, context makes it `firm.name`); these labels name somebody else.
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
    // 居住地址 is an element (`person.residence_address`); a username is one the dictionary
    // does not hold.
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
        }
    );
    f.autocomplete = Some("shipping name".into());
    assert_eq!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::OtherParty("收件人".into())
        }
    );
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
fn a_field_and_its_confirmation_are_both_filled() {
    for (first, second, key) in [
        ("手机号码", "确认手机号码", Key::ContactMobile),
        ("电子邮箱", "再次输入电子邮箱", Key::ContactEmail),
        ("公民身份号码", "重复公民身份号码", Key::PersonIdNumber),
        ("Email address", "Confirm email address", Key::ContactEmail),
    ] {
        let fields = [
            FieldDescriptor::text("a", first),
            FieldDescriptor::text("b", second),
        ];
        let out = classify_all(&fields);
        assert_eq!(
            out.iter().map(Classification::key).collect::<Vec<_>>(),
            [Some(key), Some(key)],
            "{second}"
        );
    }
    // Two plain fields and a confirmation: which one it confirms is unclear, all refused.
    let fields = [
        FieldDescriptor::text("a", "手机号码"),
        FieldDescriptor::text("b", "手机号码"),
        FieldDescriptor::text("c", "确认手机号码"),
    ];
    assert!(classify_all(&fields).iter().all(|c| matches!(
        c.verdict,
        Verdict::Skip {
            reason: SkipReason::Duplicate { count: 3, .. }
        }
    )));
    // Two confirmations of nothing are still duplicates.
    let fields = [
        FieldDescriptor::text("a", "确认手机号码"),
        FieldDescriptor::text("b", "再次输入手机号码"),
    ];
    assert!(
        classify_all(&fields)
            .iter()
            .all(|c| matches!(c.verdict, Verdict::Skip { .. }))
    );
}

#[test]
fn name_tokens_take_the_script_of_the_field() {
    let mut f = FieldDescriptor::text("a", "姓");
    f.autocomplete = Some("family-name".into());
    let c = classify_all(std::slice::from_ref(&f));
    assert_eq!(
        (c[0].key(), c[0].part),
        (Some(Key::PersonName), Some(Part::Surname))
    );
    f.label = Some("Family name".into());
    let c = classify_all(std::slice::from_ref(&f));
    assert_eq!(
        (c[0].key(), c[0].part),
        (Some(Key::PersonNameLatin), Some(Part::Surname))
    );
    f.autocomplete = Some("billing family-name".into());
    assert_eq!(
        classify_all(std::slice::from_ref(&f))[0].verdict,
        Verdict::Skip {
            reason: SkipReason::OtherParty("付款人".into())
        }
    );
}

#[test]
fn units_split_words_and_characters() {
    assert_eq!(units("userSfzh_no"), vec!["user", "sfzh", "no"]);
    assert_eq!(units("姓 名:"), vec!["姓", "名"]);
    assert_eq!(units("aac003"), vec!["aac003"]);
}

// --- More elements, locales, evidence and context. ---

fn select(id: &str, label: Option<&str>, texts: &[&str]) -> FieldDescriptor {
    let mut f = FieldDescriptor::text(id, label.unwrap_or(""));
    f.label = label.map(str::to_string);
    f.control = Control::Select;
    f.options = texts
        .iter()
        .map(|t| FieldOption {
            value: (*t).into(),
            text: (*t).into(),
            id: None,
        })
        .collect();
    f
}

fn named(name: &str) -> FieldDescriptor {
    let mut f = FieldDescriptor::text(name, "");
    f.label = None;
    f.html_id = None;
    f.name = Some(name.into());
    f
}

fn keys(fields: &[FieldDescriptor]) -> Vec<(Option<Key>, Option<String>)> {
    classify_fields(fields)
        .into_iter()
        .map(|c| (c.key(), c.role.map(|r| r.to_string())))
        .collect()
}

#[test]
fn many_more_elements_by_label() {
    let cases = [
        ("固定电话", Key::ContactLandline),
        ("电子邮箱", Key::ContactEmail),
        ("邮政编码", Key::ContactPostalCode),
        ("现居住地址", Key::PersonResidenceAddress),
        ("企业名称", Key::FirmName),
        ("统一社会信用代码", Key::FirmUscc),
        ("注册资本（万元）", Key::FirmRegCapital),
        ("经营范围", Key::FirmBusinessScope),
        ("证件类型", Key::PersonIdType),
        ("有效期限至", Key::PersonIdValidTo),
        ("婚姻状况", Key::PersonMaritalStatus),
        ("文化程度", Key::PersonEducation),
        ("政治面貌", Key::PersonPoliticalStatus),
        ("国籍", Key::PersonNationality),
        ("户主姓名", Key::FamilyHouseholderName),
        ("签发机关", Key::PersonIdIssuer),
        ("护照号码", Key::DocPassportNo),
        ("E-mail address", Key::ContactEmail),
        ("Postal code", Key::ContactPostalCode),
        // A parenthesis explains; its words do not compete.
        ("居住地址（详细到门牌号）", Key::PersonResidenceAddress),
    ];
    for (label, key) in cases {
        assert_eq!(key_of(&labelled(label)), Some(key), "{label}");
    }
}

#[test]
fn taiwan_labels_are_their_own() {
    // 身分證字號 is Taiwan's ID, never a mainland 公民身份号码; 統一編號 is not a USCC.
    for label in ["身分證字號", "統一編號", "帳號"] {
        assert_eq!(key_of(&labelled(label)), None, "{label}");
    }
    assert_eq!(key_of(&labelled("行動電話")), Some(Key::ContactMobile));
    assert_eq!(key_of(&labelled("電話")), Some(Key::ContactLandline));
    assert_eq!(key_of(&labelled("出生年月日")), Some(Key::PersonBirthDate));
    assert_eq!(key_of(&labelled("郵遞區號")), Some(Key::ContactPostalCode));
    assert_eq!(key_of(&labelled("電子郵件")), Some(Key::ContactEmail));
}

#[test]
fn pinyin_and_hrss_names() {
    for (name, key) in [
        ("xm", Key::PersonName),
        ("csrq", Key::PersonBirthDate),
        ("hjdz", Key::PersonHukouAddress),
        ("jzdz", Key::PersonResidenceAddress),
        ("yzbm", Key::ContactPostalCode),
        ("dzyx", Key::ContactEmail),
        ("user_sjhm", Key::ContactMobile),
        ("aac058", Key::PersonIdType),
        ("aae005", Key::ContactMobile),
        ("aae007", Key::ContactPostalCode),
        ("tyshxydm", Key::FirmUscc),
    ] {
        assert_eq!(key_of(&classify(&named(name))), Some(key), "{name}");
    }
    // A role in the name: the agent's name is not the applicant's.
    assert!(matches!(
        classify(&named("jbrXm")),
        Verdict::Skip {
            reason: SkipReason::OtherParty(_)
        }
    ));
}

#[test]
fn options_tell_code_tables() {
    let cases = [
        (
            vec!["请选择", "未婚", "已婚", "离婚", "丧偶"],
            Key::PersonMaritalStatus,
        ),
        (
            vec!["中共党员", "共青团员", "群众"],
            Key::PersonPoliticalStatus,
        ),
        (
            vec!["居民身份证", "中国护照", "港澳居民来往内地通行证"],
            Key::PersonIdType,
        ),
        (
            vec![
                "北京市",
                "天津市",
                "河北省",
                "山西省",
                "内蒙古自治区",
                "辽宁省",
                "吉林省",
                "黑龙江省",
                "上海市",
                "江苏省",
                "浙江省",
            ],
            Key::AddressProvince,
        ),
    ];
    for (texts, key) in cases {
        assert_eq!(
            key_of(&classify(&select("s", None, &texts))),
            Some(key),
            "{texts:?}"
        );
    }
    // Options that plainly belong elsewhere make a label ambiguous.
    assert!(matches!(
        classify(&select("s", Some("民族"), &["男", "女"])),
        Verdict::Skip {
            reason: SkipReason::Ambiguous(_)
        }
    ));
}

#[test]
fn maxlength_and_pattern_only_support() {
    let mut bare = FieldDescriptor::text("f", "");
    bare.label = None;
    bare.max_length = Some(18);
    assert_eq!(key_of(&classify(&bare)), None, "18 alone is no evidence");
    // A length or pattern that fits, or does not, leaves the label's verdict as it is.
    let plain = FieldDescriptor::text("f", "证件号码");
    let mut eighteen = plain.clone();
    eighteen.max_length = Some(18);
    let mut eleven = plain.clone();
    eleven.max_length = Some(11);
    for f in [&plain, &eighteen, &eleven] {
        assert_eq!(classify(f), classify(&plain), "{:?}", f.max_length);
        assert_eq!(key_of(&classify(f)), Some(Key::PersonIdNumber));
    }
    let mut patterned = FieldDescriptor::text("f", "手机");
    patterned.pattern = Some("1[3-9]\\d{9}".into());
    let mut eighteen_mobile = FieldDescriptor::text("f", "手机");
    eighteen_mobile.max_length = Some(18);
    for f in [&patterned, &eighteen_mobile] {
        assert_eq!(key_of(&classify(f)), Some(Key::ContactMobile));
    }
}

#[test]
fn autocomplete_parts_and_contacts() {
    let mut f = FieldDescriptor::text("f", "");
    f.autocomplete = Some("bday-year".into());
    let c = &classify_fields(std::slice::from_ref(&f))[0];
    assert_eq!(c.key(), Some(Key::PersonBirthDate));
    assert_eq!(c.part, Some(Part::Year));
    assert_eq!(c.autocomplete(), Some("bday-year"));
    f.autocomplete = Some("home tel".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::ContactLandline));
    f.autocomplete = Some("shipping street-address".into());
    assert_eq!(
        classify(&f),
        Verdict::Skip {
            reason: SkipReason::OtherParty("收件人".into())
        }
    );
    // A shipping block the page says is the applicant's own is the applicant's.
    f.label = Some("申请人住址".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::PersonHukouAddress));
    f.label = Some(String::new());
    f.autocomplete = Some("shipping tel".into());
    assert!(key_of(&classify(&f)).is_none(), "a recipient's phone");
    let name = &classify_fields(&[FieldDescriptor::text("n", "姓名")])[0];
    assert_eq!(name.autocomplete(), Some("name"));
    // The divisions and the country of the address are parts of it.
    for (token, part) in [
        ("address-level1", Part::Province),
        ("address-level2", Part::City),
        ("address-level3", Part::County),
        ("address-level4", Part::Township),
        ("country", Part::Country),
        ("country-name", Part::CountryName),
    ] {
        f.autocomplete = Some(token.into());
        let c = &classify_fields(std::slice::from_ref(&f))[0];
        assert_eq!(
            (c.key(), c.part, c.autocomplete()),
            (Some(Key::PersonHukouAddress), Some(part), Some(token))
        );
    }
}

#[test]
fn organization_is_the_firms_name_on_a_firms_form() {
    let mut org = FieldDescriptor::text("o", "单位");
    org.autocomplete = Some("organization".into());
    let keys = |fields: &[FieldDescriptor]| -> Vec<Option<Key>> {
        classify_fields(fields).iter().map(|c| c.key()).collect()
    };
    assert_eq!(
        keys(std::slice::from_ref(&org)),
        [Some(Key::PersonEmployer)]
    );
    let uscc = FieldDescriptor::text("u", "统一社会信用代码");
    assert_eq!(
        keys(&[org.clone(), uscc]),
        [Some(Key::FirmName), Some(Key::FirmUscc)]
    );
    assert_eq!(key_of(&classify(&org)), Some(Key::PersonEmployer));
}

#[test]
fn a_section_is_one_block() {
    let field = |id: &str, label: &str, token: &str| {
        let mut f = FieldDescriptor::text(id, label);
        f.autocomplete = Some(token.into());
        f
    };
    let fields = [
        field("a", "姓名", "section-me name"),
        field("b", "出生日期", "section-me bday"),
        field("c", "配偶姓名", "section-po name"),
        field("d", "出生日期", "section-po bday"),
        field("e", "联系电话", "section-po tel"),
    ];
    let c = classify_fields(&fields);
    let roles: Vec<Option<Role>> = c.iter().map(|c| c.role.map(|r| r.role)).collect();
    assert_eq!(
        roles,
        [
            None,
            None,
            Some(Role::Spouse),
            Some(Role::Spouse),
            Some(Role::Spouse)
        ]
    );
    assert!(c.iter().all(|c| c.key().is_some()), "{c:?}");
    // Without the sections, the spouse's birth date and the applicant's are one element asked
    // twice: neither is filled.
    let plain: Vec<FieldDescriptor> = fields
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.autocomplete = f
                .autocomplete
                .map(|t| t.split(' ').next_back().unwrap_or("").into());
            f
        })
        .collect();
    let c = classify_fields(&plain);
    assert!(c[1].key().is_none() && c[3].key().is_none(), "{c:?}");
    // A section whose fields name two people gives its unmarked fields to neither.
    let mixed = [
        field("a", "配偶姓名", "section-x name"),
        field("b", "父亲手机", "section-x tel"),
        field("c", "出生日期", "section-x bday"),
    ];
    let c = classify_fields(&mixed);
    assert_eq!(c[2].role, None);
}

#[test]
fn person_or_firm_by_the_form() {
    // On a person's form 住所 and 单位名称 are the person's; on a firm's form, the firm's.
    let person = [
        FieldDescriptor::text("a", "住所"),
        FieldDescriptor::text("b", "单位名称"),
    ];
    assert_eq!(
        keys(&person),
        vec![
            (Some(Key::PersonHukouAddress), None),
            (Some(Key::PersonEmployer), None)
        ]
    );
    let firm = [
        FieldDescriptor::text("u", "统一社会信用代码"),
        FieldDescriptor::text("a", "住所"),
        FieldDescriptor::text("b", "单位名称"),
    ];
    assert_eq!(
        keys(&firm)[1..],
        [(Some(Key::FirmDomicile), None), (Some(Key::FirmName), None)]
    );
}

fn in_section(id: &str, label: &str, section: &str) -> FieldDescriptor {
    let mut f = FieldDescriptor::text(id, label);
    f.section = Some(section.into());
    f
}

#[test]
fn roles_come_from_section_headings_and_end_duplicates() {
    let fields = [
        in_section("a", "姓名", "一、申请人信息"),
        in_section("b", "姓名", "二、法定代表人信息"),
        in_section("c", "手机", "二、法定代表人信息"),
        in_section("d", "姓名", "三、委托代理人信息（委托他人办理的填写）"),
        in_section("e", "姓名", "股东（发起人）出资情况"),
        in_section("f", "姓名", "股东（发起人）出资情况"),
    ];
    let roles: Vec<Option<String>> = keys(&fields).into_iter().map(|(_, r)| r).collect();
    assert_eq!(
        roles,
        vec![
            None,
            Some("legal_rep".into()),
            Some("legal_rep".into()),
            Some("agent".into()),
            Some("shareholder[0]".into()),
            Some("shareholder[1]".into()),
        ]
    );
    assert!(keys(&fields).iter().all(|(k, _)| k.is_some()));
    // The same role twice is still a duplicate.
    let twice = [
        in_section("a", "姓名", "法定代表人信息"),
        in_section("b", "姓名", "法定代表人信息"),
    ];
    assert!(keys(&twice).iter().all(|(k, _)| k.is_none()));
    // A document's title is not a block: 法定代表人变更登记申请书.
    let titled = [in_section("a", "姓名", "法定代表人变更登记申请书")];
    assert_eq!(keys(&titled), vec![(Some(Key::PersonName), None)]);
}

#[test]
fn the_plan_fills_values_and_date_parts_and_keeps_roles() {
    let mut year = select(
        "y",
        Some("出生日期"),
        &[
            "1990", "1991", "1992", "1993", "1994", "1995", "1996", "1997", "1998", "1999",
        ],
    );
    year.options.insert(
        0,
        FieldOption {
            value: String::new(),
            text: "年".into(),
            id: None,
        },
    );
    let month = select(
        "m",
        None,
        &[
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        ],
    );
    let fields = [
        in_section("a", "姓名", "法定代表人信息"),
        FieldDescriptor::text("b", "姓名"),
        year,
        month,
    ];
    let full = classify_fields(&fields);
    assert_eq!(full[0].role, RoleRef::parse("legal_rep"));
    assert_eq!(full[2].part, Some(Part::Year));
    assert_eq!(full[3].part, Some(Part::Month));
    let plan = classify_all(&fields);
    // The legal representative's name is planned from the profile's role links.
    assert!(matches!(
        plan[0].verdict,
        Verdict::Fill {
            key: Key::PersonName,
            ..
        }
    ));
    assert_eq!(plan[0].role, RoleRef::parse("legal_rep"));
    assert!(matches!(
        plan[1].verdict,
        Verdict::Fill {
            key: Key::PersonName,
            ..
        }
    ));
    // The parts of a split date are planned part by part.
    assert_eq!(
        (plan[2].key(), plan[2].part),
        (Some(Key::PersonBirthDate), Some(Part::Year))
    );
    assert_eq!(
        (plan[3].key(), plan[3].part),
        (Some(Key::PersonBirthDate), Some(Part::Month))
    );
}

#[test]
fn split_fields_and_periods() {
    let mut area = FieldDescriptor::text("q", "固定电话");
    area.max_length = Some(4);
    let mut number = FieldDescriptor::text("h", "-");
    number.max_length = Some(8);
    let mut from = FieldDescriptor::text("s", "有效期限");
    from.control = Control::Input {
        input_type: "date".into(),
    };
    let mut to = FieldDescriptor::text("t", "至");
    to.control = from.control.clone();
    let out = classify_fields(&[area, number, from, to]);
    assert_eq!(
        out.iter().map(|c| (c.key(), c.part)).collect::<Vec<_>>(),
        vec![
            (Some(Key::ContactLandline), Some(Part::AreaCode)),
            (Some(Key::ContactLandline), Some(Part::Number)),
            (Some(Key::PersonIdValidFrom), None),
            (Some(Key::PersonIdValidTo), None),
        ]
    );
    assert_eq!(out[0].autocomplete(), Some("tel-area-code"));
    // One period field alone is ambiguous.
    assert!(matches!(
        labelled("有效期限"),
        Verdict::Skip {
            reason: SkipReason::Ambiguous(_)
        }
    ));
}

#[test]
fn address_pickers_run_in_order() {
    let provinces = [
        "请选择省",
        "北京市",
        "天津市",
        "河北省",
        "山西省",
        "内蒙古自治区",
        "辽宁省",
        "吉林省",
        "黑龙江省",
        "上海市",
        "江苏省",
        "浙江省",
    ];
    let fields = [
        select("p", Some("户籍所在地"), &provinces),
        select("c", None, &["请选择市"]),
        select("d", None, &["请选择区/县"]),
        FieldDescriptor::text("x", "详细地址"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::AddressProvince), None),
            (Some(Key::AddressCity), None),
            (Some(Key::AddressCounty), None),
            // The box under a cascade that ends at the county: the rest of the address the
            // cascade is of (its street part).
            (Some(Key::PersonHukouAddress), None),
        ]
    );
    assert_eq!(classify_fields(&fields)[3].part, Some(Part::Street));
}

#[test]
fn a_known_mapping_comes_first() {
    let mut f = FieldDescriptor::text("x1", "手机号码");
    f.name = Some("x1".into());
    let mapping = Mapping {
        fields: vec![(
            "x1".into(),
            Key::ContactLandline,
            Some(RoleRef::new(Role::Liaison)),
        )],
    };
    let out = classify_fields_with(&[f], Some(&mapping));
    assert_eq!(out[0].key(), Some(Key::ContactLandline));
    assert_eq!(out[0].role, RoleRef::parse("liaison"));
    assert!(matches!(
        out[0].verdict,
        Verdict::Fill {
            reason: Reason::Mapping(_),
            ..
        }
    ));
}

#[test]
fn coded_elements_in_text_boxes_wait_for_the_plan() {
    // 文化程度 in a select is filled by its code or name; in a text box the plan would write
    // the bare code, so the plan leaves it alone (classification still names it).
    let text = FieldDescriptor::text("e", "文化程度");
    assert_eq!(key_of(&classify(&text)), Some(Key::PersonEducation));
    assert!(matches!(
        classify_all(std::slice::from_ref(&text))[0].verdict,
        Verdict::Skip {
            reason: SkipReason::NeverFilled(_)
        }
    ));
    let sex = FieldDescriptor::text("s", "性别");
    assert!(matches!(
        classify_all(&[sex])[0].verdict,
        Verdict::Fill {
            key: Key::PersonSex,
            ..
        }
    ));
}

#[test]
fn reason_kinds_are_listed() {
    let reasons = [
        Reason::Mapping(String::new()),
        Reason::Autocomplete(String::new()),
        Reason::Label(String::new()),
        Reason::Name(String::new()),
        Reason::Placeholder(String::new()),
        Reason::Options(String::new()),
        Reason::Context(String::new()),
    ];
    let kinds: Vec<&str> = reasons.iter().map(Reason::kind).collect();
    assert_eq!(kinds, Reason::KINDS);
}

#[test]
fn a_known_mapping_reads_the_handle_shape_and_names_the_first_problem() {
    let m = Mapping::from_json(
        r#"{"fields": {"aac003": "person.name",
            "gd": {"key": "person.name", "role": "shareholder[1]"},
            "me": {"key": "person.name", "role": "applicant"}}}"#,
    )
    .unwrap();
    assert_eq!(
        m.fields,
        vec![
            ("aac003".to_string(), Key::PersonName, None),
            (
                "gd".to_string(),
                Key::PersonName,
                Some(RoleRef {
                    role: Role::Shareholder,
                    index: Some(1)
                })
            ),
            ("me".to_string(), Key::PersonName, None),
        ]
    );
    for (json, error) in [
        (
            r#"{"fields": {"a": "person.nmae"}}"#,
            r#"a: unknown key "person.nmae""#,
        ),
        (
            r#"{"fields": {"a": null}}"#,
            "a: expected a key or an object",
        ),
        (r#"{"fields": {"a": 3}}"#, "a: expected a key or an object"),
        (
            r#"{"fields": {"a": {"role": "agent"}}}"#,
            r#"a: unknown key """#,
        ),
        (
            r#"{"fields": {"a": {"key": 1, "role": "boss"}}}"#,
            r#"a: unknown key """#,
        ),
        (
            r#"{"fields": {"a": {"key": "person.name", "role": "boss"}}}"#,
            r#"a: unknown role "boss""#,
        ),
        (r#"{"field": {}}"#, r#"no "fields" object"#),
    ] {
        assert_eq!(Mapping::from_json(json).unwrap_err(), error, "{json}");
    }
}

/// A select whose first option is an empty prompt and whose other options are `texts`.
fn prompted(id: &str, label: &str, prompt: &str, texts: &[(&str, &str)]) -> FieldDescriptor {
    let mut f = select(id, Some(label), &[]);
    f.options = std::iter::once(("", prompt))
        .chain(texts.iter().copied())
        .map(|(value, text)| FieldOption {
            value: value.into(),
            text: text.into(),
            id: None,
        })
        .collect();
    f
}

#[test]
fn the_offices_own_fields_are_never_the_citizens() {
    for label in [
        "受理乡镇（街道）",
        "受理乡镇人民政府",
        "受理部门",
        "经办窗口",
        "村委会经办人",
        "村（居）协办员",
        "送达地址",
        "收件地址",
        "家庭成员人数",
        "通知人姓名",
        "原不动产权证书号",
    ] {
        assert_eq!(key_of(&labelled(label)), None, "{label}");
    }
    // The words they hide behind still mean what they did.
    assert_eq!(
        key_of(&labelled("乡镇（街道）")),
        Some(Key::AddressTownship)
    );
    assert_eq!(
        key_of(&labelled("邮寄地址")),
        Some(Key::PersonResidenceAddress)
    );
}

#[test]
fn an_account_name_on_a_firms_form_is_the_firms_name_and_both_are_filled() {
    let fields = [
        FieldDescriptor::text("a", "纳税人名称"),
        FieldDescriptor::text("b", "统一社会信用代码"),
        FieldDescriptor::text("c", "户名"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::FirmName), None),
            (Some(Key::FirmUscc), None),
            (Some(Key::FirmName), None),
        ]
    );
    // On a person's form whose account it is the form does not say: refused.
    let personal = [
        FieldDescriptor::text("a", "姓名"),
        FieldDescriptor::text("c", "户名"),
    ];
    assert_eq!(
        keys(&personal),
        vec![(Some(Key::PersonName), None), (None, None)]
    );
}

#[test]
fn a_firms_block_headed_as_the_applicants_is_the_firms() {
    let fields = [
        in_section("a", "申请人名称", "申请人信息"),
        in_section("b", "统一社会信用代码", "申请人信息"),
        in_section("c", "住所", "申请人信息"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::FirmName), None),
            (Some(Key::FirmUscc), None),
            (Some(Key::FirmDomicile), None),
        ]
    );
}

#[test]
fn cascades_are_found_by_their_prompts() {
    // A few provinces by name under a prompt, the later levels empty until chosen.
    let provinces = [
        ("北京市", "北京市"),
        ("河北省", "河北省"),
        ("山东省", "山东省"),
    ];
    let fields = [
        prompted("p", "现居住地", "--省--", &provinces),
        prompted("c", "现居住地", "--市--", &[]),
        prompted("x", "现居住地", "--县(区)--", &[]),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::AddressProvince), None),
            (Some(Key::AddressCity), None),
            (Some(Key::AddressCounty), None),
        ]
    );
    // A cascade that starts at the county (县（市、区）, 6-digit codes).
    let counties = [("341122", "来安县"), ("341124", "全椒县")];
    let fields = [
        prompted("x", "户籍所在地", "县（市、区）", &counties),
        prompted("t", "户籍所在地", "乡（镇）", &[]),
        prompted("v", "户籍所在地", "村", &[]),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::AddressCounty), None),
            (Some(Key::AddressTownship), None),
            (Some(Key::AddressVillage), None),
        ]
    );
    // A lone select with such a prompt is not a cascade.
    let lone = [prompted("p", "就医地", "--省--", &provinces)];
    assert_eq!(keys(&lone), vec![(None, None)]);
}

#[test]
fn a_firms_divisions_are_the_firms() {
    let provinces = [("440000", "广东省"), ("450000", "广西壮族自治区")];
    let fields = [
        FieldDescriptor::text("n", "企业名称"),
        prompted("p", "经营场所", "省", &provinces),
        prompted("c", "经营场所", "市", &[]),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::FirmName), None),
            (Some(Key::AddressProvince), Some("firm".into())),
            (Some(Key::AddressCity), Some("firm".into())),
        ]
    );
}

#[test]
fn a_local_or_not_choice_is_not_the_household_registration_type() {
    let local = select(
        "h",
        Some("户籍类型"),
        &["本市户籍", "非本市户籍（持居住证）"],
    );
    assert_eq!(keys(&[local]), vec![(None, None)]);
    let kind = select(
        "h",
        Some("户口性质"),
        &["非农业户口（城镇）", "农业户口（农村）"],
    );
    assert_eq!(keys(&[kind]), vec![(Some(Key::PersonHukouType), None)]);
}

#[test]
fn a_period_from_and_to_in_one_box_is_neither_end() {
    let mut f = FieldDescriptor::text("q", "委托期限");
    f.placeholder = Some("自 年 月 日 至 年 月 日".into());
    assert_eq!(keys(&[f]), vec![(None, None)]);
}

#[test]
fn the_other_side_of_a_claim_is_nobody_the_profile_holds() {
    // 劳动仲裁: the worker applies; the employer is the 被申请人. Its name, code and seat are
    // not the owner's firm's, its head is its own, and the applicant's details stay his.
    let fields = [
        in_section("a", "姓名", "申请人信息"),
        in_section("b", "联系电话", "申请人信息"),
        in_section("c", "单位名称", "被申请人信息（用人单位）"),
        in_section("d", "统一社会信用代码", "被申请人信息（用人单位）"),
        in_section("e", "住所", "被申请人信息（用人单位）"),
        in_section("f", "法定代表人", "被申请人信息（用人单位）"),
        in_section("g", "联系电话", "被申请人信息（用人单位）"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::ContactMobile), None),
            (None, None),
            (None, None),
            (None, None),
            (Some(Key::PersonName), Some("other".into())),
            (None, None),
        ]
    );
    // The body complained about: the divisions of its seat are not the owner's.
    let provinces = [("110000", "北京市"), ("310000", "上海市")];
    let mut complaint = vec![
        in_section("n", "姓名", "投诉人信息"),
        in_section("m", "手机号码", "投诉人信息"),
        in_section("x", "被投诉方名称", "被投诉方信息"),
        in_section("u", "统一社会信用代码", "被投诉方信息"),
    ];
    for (id, prompt, options) in [
        ("p", "请选择省", &provinces[..]),
        ("q", "请选择市", &[][..]),
    ] {
        let mut s = prompted(id, "所在地区", prompt, options);
        s.section = Some("被投诉方信息".into());
        complaint.push(s);
    }
    assert_eq!(
        keys(&complaint),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::ContactMobile), None),
            (None, None),
            (None, None),
            (None, None),
            (None, None),
        ]
    );
    // 第三人 is a party, not the third of something.
    let third = [
        in_section("a", "姓名", "申请人"),
        in_section("b", "联系电话", "第三人（没有的可不填）"),
    ];
    assert_eq!(
        keys(&third),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::ContactMobile), Some("other".into())),
        ]
    );
    assert_eq!(
        heading_of("第四部分：申请人信息"),
        keys(&[in_section("a", "姓名", "申请人信息")])
    );
}

fn heading_of(section: &str) -> Vec<(Option<Key>, Option<String>)> {
    keys(&[in_section("a", "姓名", section)])
}

#[test]
fn fill_times_foreign_names_and_facts_of_a_case() {
    for (label, key) in [
        ("申请时间", Some(Key::MetaFillDate)),
        ("填表时间", Some(Key::MetaFillDate)),
        ("工作岗位", Some(Key::PersonPosition)),
        ("工作单位或就读学校", Some(Key::PersonEmployer)),
        ("经营者英文名称", None),
        ("企业外文名称", None),
        ("经营场所（英文）", None),
        ("职业病名称", None),
        ("接触职业病危害时间", None),
        ("参保职工人数", None),
        ("备案登记机关", None),
        ("事发地点", None),
        ("事发地详细地址", None),
        ("事故发生地点", None),
    ] {
        assert_eq!(key_of(&labelled(label)), key, "{label}");
    }
    // The employer's postcode and offices on a person's form are not the person's.
    let personal = [
        FieldDescriptor::text("a", "姓名"),
        FieldDescriptor::text("b", "邮政编码"),
        FieldDescriptor::text("c", "单位邮编"),
        FieldDescriptor::text("d", "办公地址"),
    ];
    assert_eq!(
        keys(&personal),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::ContactPostalCode), None),
            (None, None),
            (None, None),
        ]
    );
}

#[test]
fn a_trade_operator_is_the_firm_and_its_people_follow_their_role() {
    let fields = [
        FieldDescriptor::text("a", "经营者中文名称"),
        FieldDescriptor::text("b", "经营者英文名称"),
        FieldDescriptor::text("c", "统一社会信用代码"),
        FieldDescriptor::text("d", "办公地址"),
        FieldDescriptor::text("e", "单位邮编"),
        FieldDescriptor::text("f", "联系传真"),
        in_section("g", "企业法定代表人姓名", "企业还须填写以下内容"),
        in_section("h", "有效证件号", "企业还须填写以下内容"),
        in_section("i", "注册资金", "企业还须填写以下内容"),
        in_section("j", "姓名", "单位医保专管员"),
        in_section("k", "手机号码", "单位医保专管员"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::FirmName), None),
            (None, None),
            (Some(Key::FirmUscc), None),
            (Some(Key::FirmOperatingAddress), None),
            (Some(Key::ContactPostalCode), Some("firm".into())),
            (Some(Key::ContactFax), Some("firm".into())),
            (Some(Key::PersonName), Some("legal_rep".into())),
            (Some(Key::PersonIdNumber), Some("legal_rep".into())),
            (Some(Key::FirmRegCapital), None),
            (Some(Key::PersonName), Some("agent".into())),
            (Some(Key::ContactMobile), Some("agent".into())),
        ]
    );
}

#[test]
fn a_bare_account_beside_its_bank_is_the_firms_on_a_firms_form() {
    let firm = [
        FieldDescriptor::text("n", "单位名称"),
        FieldDescriptor::text("u", "统一社会信用代码"),
        FieldDescriptor::text("b", "开户银行"),
        FieldDescriptor::text("a", "账号"),
    ];
    assert_eq!(
        keys(&firm),
        vec![
            (Some(Key::FirmName), None),
            (Some(Key::FirmUscc), None),
            (Some(Key::FirmBasicBank), None),
            (Some(Key::FirmBasicBankAcct), None),
        ]
    );
    // On a person's form whose account it is the form does not say; alone it is a login.
    let personal = [
        FieldDescriptor::text("x", "姓名"),
        FieldDescriptor::text("b", "开户行"),
        FieldDescriptor::text("a", "帐号"),
    ];
    assert_eq!(keys(&personal)[2], (None, None));
    assert_eq!(key_of(&labelled("账号")), None);
}

#[test]
fn the_box_under_a_cascade_to_the_county_is_the_street_part() {
    let provinces = [("650000", "新疆维吾尔自治区"), ("420000", "湖北省")];
    let cascade = |section: &str| {
        let mut fs = vec![
            prompted("p", "", "请选择省", &provinces),
            prompted("c", "", "请选择市", &[]),
            prompted("x", "", "请选择区县", &[]),
            named("hj_xxdz"),
        ];
        for f in &mut fs {
            f.label = None;
            f.section = Some(section.into());
        }
        fs
    };
    let parts = |fields: &[FieldDescriptor]| -> Vec<(Option<Key>, Option<Part>)> {
        classify_fields(fields)
            .into_iter()
            .map(|c| (c.key(), c.part))
            .collect()
    };
    assert_eq!(
        parts(&cascade("户籍所在地"))[3],
        (Some(Key::PersonHukouAddress), Some(Part::Street))
    );
    // A mailing address's box is not read as any held address's street part.
    assert_eq!(parts(&cascade("邮寄地址"))[3], (None, None));
    // Under a cascade that goes on to the township the box would repeat it.
    let mut deeper = cascade("户籍所在地");
    let mut t = prompted("t", "", "请选择街道", &[]);
    t.label = None;
    t.section = Some("户籍所在地".into());
    deeper.insert(3, t);
    assert_eq!(parts(&deeper)[4], (None, None));
}

#[test]
fn a_firms_contact_details_in_its_operators_block_are_the_firms() {
    let block = "经营者基本情况";
    let fields = [
        in_section("a", "经营者名称", block),
        in_section("b", "统一社会信用代码", block),
        in_section("c", "联系电话", block),
        in_section("d", "传真", block),
        in_section("e", "邮政编码", block),
        in_section("f", "电子邮箱", block),
    ];
    let firm = Some("firm".to_string());
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::FirmName), None),
            (Some(Key::FirmUscc), None),
            (Some(Key::ContactLandline), firm.clone()),
            (Some(Key::ContactFax), firm.clone()),
            (Some(Key::ContactPostalCode), firm.clone()),
            (Some(Key::ContactEmail), firm),
        ]
    );
    // An operator's block of a person (个体工商户 经营者信息) stays the person's.
    let person = [
        in_section("a", "经营者姓名", "经营者信息"),
        in_section("b", "移动电话", "经营者信息"),
    ];
    assert_eq!(
        keys(&person),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::ContactMobile), None)
        ]
    );
}

#[test]
fn an_adoption_names_nobody_of_the_profile_but_the_couple() {
    // 收养登记: the adopting couple are 男方 and 女方; the child adopted and whoever gives it
    // up (a welfare institution) are nobody the profile holds.
    let fields = [
        in_section("a", "姓名", "收养人（男方）"),
        in_section("b", "性别", "被收养人情况"),
        in_section("c", "身份证件号码", "被收养人情况"),
        in_section("d", "联系电话", "送养人情况"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), Some("male_party".into())),
            (Some(Key::PersonSex), Some("other".into())),
            (Some(Key::PersonIdNumber), Some("other".into())),
            (Some(Key::ContactMobile), Some("other".into())),
        ]
    );
}

#[test]
fn labels_of_traffic_police_subsidy_and_enrolment_forms() {
    let cases = [
        // 交管 forms: the kind and number of the identity document, the address on it and
        // where the person can be reached (住所 there is no firm's).
        ("身份证明名称", Some(Key::PersonIdType)),
        ("身份证明号码", Some(Key::PersonIdNumber)),
        ("登记住所地址", Some(Key::PersonHukouAddress)),
        ("联系住所地址", Some(Key::PersonResidenceAddress)),
        // A parent's employer, not a firm's name; the one a person has left is not held.
        ("工作单位名称", Some(Key::PersonEmployer)),
        ("原工作单位名称", None),
        ("原用人单位", None),
        // The firm's own phone, the name of a borrower's business.
        ("单位联系电话", Some(Key::ContactLandline)),
        ("经营实体名称", Some(Key::FirmName)),
        // A guardian's or an agent's relation to the person the form is about.
        ("与残疾人关系", Some(Key::AgentRelation)),
        ("与老年人关系", Some(Key::AgentRelation)),
        // Where a physician practises, and the institution's own details.
        ("执业地点", None),
        ("拟执业机构名称", None),
        ("机构联系电话", None),
    ];
    for (label, key) in cases {
        assert_eq!(key_of(&labelled(label)), key, "{label}");
    }
}

#[test]
fn a_row_label_does_not_give_the_firms_own_field_to_a_person() {
    // 经办人手机 [ ] 单位联系电话 [ ]: the row names the agent, but the firm's phone is the firm's.
    let mut phone = FieldDescriptor::text("t", "单位联系电话");
    phone.row_label = Some("经办人手机".into());
    let fields = [
        FieldDescriptor::text("n", "单位名称"),
        FieldDescriptor::text("u", "统一社会信用代码"),
        FieldDescriptor::text("j", "经办人"),
        FieldDescriptor::text("m", "经办人手机"),
        phone,
    ];
    let got = keys(&fields);
    assert_eq!(got[3], (Some(Key::ContactMobile), Some("agent".into())));
    assert_eq!(got[4], (Some(Key::ContactLandline), Some("firm".into())));
}

#[test]
fn a_heading_may_name_its_role_twice() {
    // 指定代表或者委托代理人: both words are the agent's, and the heading is little more.
    let fields = [
        FieldDescriptor::text("n", "名称"),
        in_section("a", "姓名", "指定代表或者委托代理人"),
        in_section("b", "移动电话", "指定代表或者委托代理人"),
    ];
    let got = keys(&fields);
    assert_eq!(got[1], (Some(Key::PersonName), Some("agent".into())));
    assert_eq!(got[2], (Some(Key::ContactMobile), Some("agent".into())));
}

#[test]
fn a_place_not_held_starts_no_cascade() {
    // 执业地点 as province and city selects: where the hospital is, not the person's address.
    let provinces = [("320000", "江苏省"), ("330000", "浙江省")];
    let fields = [
        FieldDescriptor::text("x", "姓名"),
        prompted("p", "执业地点", "请选择省", &provinces),
        prompted("q", "执业地点", "请选择市", &[]),
    ];
    assert_eq!(
        keys(&fields),
        vec![(Some(Key::PersonName), None), (None, None), (None, None)]
    );
    // The same selects under the person's own address are still its divisions.
    let fields = [
        FieldDescriptor::text("x", "姓名"),
        prompted("p", "户籍所在地", "请选择省", &provinces),
        prompted("q", "户籍所在地", "请选择市", &[]),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::AddressProvince), None),
            (Some(Key::AddressCity), None),
        ]
    );
}

#[test]
fn a_person_borrowing_for_a_business_keeps_the_account_open() {
    // 创业担保贷款: the applicant is a person, his business has a block of its own; the account
    // the loan is paid into is not certainly the firm's: refused, not the firm's basic account.
    let fields = [
        in_section("a", "姓名", "申请人基本信息"),
        in_section("b", "身份证号码", "申请人基本信息"),
        in_section("c", "经营实体名称", "创业经营实体信息"),
        in_section("d", "统一社会信用代码", "创业经营实体信息"),
        in_section("e", "开户银行", "贷款申请"),
        in_section("f", "账户名称", "贷款申请"),
        in_section("g", "银行账号", "贷款申请"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None),
            (Some(Key::FirmName), None),
            (Some(Key::FirmUscc), None),
            (None, None),
            (None, None),
            (None, None),
        ]
    );
    // A firm's own form keeps its account.
    let fields = [
        in_section("c", "单位名称", "申请单位信息"),
        in_section("d", "统一社会信用代码", "申请单位信息"),
        in_section("e", "开户银行", "拨付账户"),
        in_section("g", "银行账号", "拨付账户"),
    ];
    let got = keys(&fields);
    assert_eq!(got[2].0, Some(Key::FirmBasicBank));
    assert_eq!(got[3].0, Some(Key::FirmBasicBankAcct));
}

#[test]
fn a_name_of_a_person_or_a_body_on_the_other_side_is_refused() {
    // 送养人姓名（名称）: the name of a welfare institution or of a person; in somebody else's
    // block it is refused as a firm element there is, and the adopted child's name stays the
    // only name of somebody else.
    let fields = [
        in_section("a", "姓名", "被收养人情况"),
        in_section("b", "送养人姓名（名称）", "送养人情况"),
    ];
    assert_eq!(
        keys(&fields),
        vec![(Some(Key::PersonName), Some("other".into())), (None, None)]
    );
}

/// Row `n` of a list under `heading`, named `{stem}_{n}`.
fn list_row(stem: &str, label: &str, n: usize, heading: &str) -> FieldDescriptor {
    let mut f = FieldDescriptor::text(&format!("{stem}_{n}"), label);
    f.name = Some(format!("{stem}_{n}"));
    f.section = Some(heading.into());
    f
}

#[test]
fn rows_of_a_list_of_people_are_somebody_else_by_row() {
    // 新招用人员名单: `ry_xm_0`, `ry_sfzh_0`, then row 1. Nobody the profile names, one person
    // a row, not duplicates of each other.
    let row = |stem: &str, label: &str, n: usize| list_row(stem, label, n, "新招用人员名单");
    let fields = [
        FieldDescriptor::text("dwmc", "单位名称"),
        row("ry_xm", "姓名", 0),
        row("ry_sfzh", "身份证号码", 0),
        row("ry_xm", "姓名", 1),
        row("ry_sfzh", "身份证号码", 1),
    ];
    assert_eq!(
        keys(&fields)[1..],
        [
            (Some(Key::PersonName), Some("other[0]".into())),
            (Some(Key::PersonIdNumber), Some("other[0]".into())),
            (Some(Key::PersonName), Some("other[1]".into())),
            (Some(Key::PersonIdNumber), Some("other[1]".into())),
        ]
    );
    // Lone numbered fields (`field_1001`, `field_1002`: one stem, no row of several) are no
    // list: the applicant's own.
    let mut a = FieldDescriptor::text("field_1001", "姓名");
    a.name = Some("field_1001".into());
    let mut b = FieldDescriptor::text("field_1002", "身份证号码");
    b.name = Some("field_1002".into());
    assert_eq!(
        keys(&[a, b]),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None)
        ]
    );
    // Rows under a heading that names their people keep that role (家庭成员: member[0]).
    let member = |stem: &str, label: &str, n: usize| {
        let mut f = row(stem, label, n);
        f.section = Some("家庭成员".into());
        f
    };
    let fields = [
        FieldDescriptor::text("xm", "姓名"),
        member("cy_xm", "姓名", 0),
        member("cy_sfzh", "身份证号码", 0),
        member("cy_xm", "姓名", 1),
        member("cy_sfzh", "身份证号码", 1),
    ];
    let got = keys(&fields);
    assert_eq!(got[1], (Some(Key::PersonName), Some("member[0]".into())));
    assert_eq!(got[3], (Some(Key::PersonName), Some("member[1]".into())));
}

#[test]
fn a_mortgage_is_registered_by_the_owner_as_the_mortgagor() {
    // 不动产抵押登记: the 权利人 is the 抵押权人 (a bank), the 义务人 the 抵押人 (the owner).
    // The parenthesis says who each generic side is; the bank is a body, so its document,
    // address and phone are refused and its head and its agent are somebody else.
    let bank = "权利人（抵押权人）";
    let owner = "义务人（抵押人）";
    let fields = [
        in_section("a", "姓名（名称）", bank),
        in_section("b", "身份证件种类", bank),
        in_section("c", "证件号", bank),
        in_section("d", "通讯地址", bank),
        in_section("e", "法定代表人或负责人", bank),
        in_section("f", "联系电话", bank),
        in_section("g", "代理人姓名", bank),
        in_section("h", "姓名（名称）", owner),
        in_section("i", "证件号", owner),
        in_section("j", "联系电话", owner),
        in_section("k", "代理人姓名", owner),
    ];
    let other = Some("other".to_string());
    assert_eq!(
        keys(&fields),
        vec![
            (None, None),
            (None, None),
            (None, None),
            (None, None),
            (Some(Key::PersonName), other.clone()),
            (None, None),
            // The bank's head and its agent are two people the profile does not hold, not
            // one name asked for twice.
            (Some(Key::PersonName), other),
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None),
            (Some(Key::ContactMobile), None),
            (Some(Key::PersonName), Some("agent".into())),
        ]
    );
    // Without a parenthesis the generic words keep their meaning (a transfer's 义务人 is the
    // seller).
    assert_eq!(
        heading_of("义务人"),
        vec![(Some(Key::PersonName), Some("obligor".into()))]
    );
}

#[test]
fn somebody_the_rules_do_not_name_still_asks_once() {
    // Two blocks about people the rules do not know (赡养老人 …) may be the owner's parents:
    // their names stay duplicates, unlike those of named third parties.
    let fields = [
        in_section("a", "姓名", "申请人信息"),
        in_section("b", "姓名", "赡养老人"),
        in_section("c", "姓名", "赡养老人"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (None, None));
    assert_eq!(got[2], (None, None));
    // Named third parties in two blocks are two people.
    let named = [
        in_section("a", "姓名", "申请人信息"),
        in_section("b", "姓名", "出租人信息"),
        in_section("c", "姓名", "第三人"),
    ];
    let got = keys(&named);
    assert_eq!(got[1], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(got[2], (Some(Key::PersonName), Some("other".into())));
}

#[test]
fn the_offices_block_and_the_area_of_premises_are_not_the_citizens() {
    // The office's own block: its 经办人 is a clerk, not the applicant's agent, and the
    // applicant's 代办人 is no duplicate of it.
    let fields = [
        in_section("a", "姓名", "参保人信息"),
        in_section("b", "代办人姓名", "代办人信息（非本人办理时填写）"),
        in_section("c", "经办人", "经办机构审核"),
        in_section("d", "经办人", "受理情况（由人力资源社会保障部门填写）"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::PersonName), Some("agent".into())),
            (None, None),
            (None, None),
        ]
    );
    // A block where the citizen names the office he files with is still his.
    let filing = [
        in_section("a", "填表时间", "备案机关"),
        in_section("b", "备案登记机关", "备案机关"),
    ];
    assert_eq!(
        keys(&filing),
        vec![(Some(Key::MetaFillDate), None), (None, None)]
    );
    for label in ["经营场所面积（㎡）", "建筑面积", "登记单位（乡镇/街道）"]
    {
        assert_eq!(key_of(&labelled(label)), None, "{label}");
    }
}

#[test]
fn a_relation_to_whoever_the_form_is_about_is_a_relation() {
    // 与承租人关系 in an emergency contact's block: the contact's relation, not a second name.
    let fields = [
        in_section("a", "承租人姓名", "承租人信息"),
        in_section("b", "姓名", "紧急联系人"),
        in_section("c", "与承租人关系", "紧急联系人"),
        in_section("d", "与持卡人的关系", "代办人信息"),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::PersonName), Some("contact".into())),
            (Some(Key::AgentRelation), Some("contact".into())),
            (Some(Key::AgentRelation), Some("agent".into())),
        ]
    );
    // In the block of somebody the profile does not hold, or of nobody, it is not held.
    let elsewhere = [
        in_section("a", "与被收养人关系", "送养人情况"),
        FieldDescriptor::text("b", "与被救助人关系"),
    ];
    assert_eq!(keys(&elsewhere), vec![(None, None), (None, None)]);
}

#[test]
fn the_authorising_worker_is_the_applicant_and_his_family_rows_are_his() {
    // 家庭共济: the 授权人 is the insured worker (the owner); the 被授权人 rows are his own
    // 配偶, 子女, 父亲 and 母亲, so with a spouse's row the parents are his, not a child's.
    // A promise box (本人承诺…) is no block of the applicant's.
    let row = |id: &str, label: &str, who: &str| {
        let mut f = in_section(id, label, "被授权人（共济人员）信息");
        f.row_label = Some(who.into());
        f
    };
    let mut promise = FieldDescriptor::text("ty", "本人已知悉并承诺所填信息真实");
    promise.control = Control::Checkbox;
    let fields = [
        in_section("a", "姓名", "授权人（职工参保人员）信息"),
        in_section("b", "证件号码", "授权人（职工参保人员）信息"),
        in_section("c", "参保单位名称", "授权人（职工参保人员）信息"),
        row("d", "姓名", "配偶"),
        row("e", "姓名", "子女"),
        row("f", "姓名", "父亲"),
        row("g", "证件号码", "母亲"),
        promise,
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(got[2], (Some(Key::PersonEmployer), None));
    assert_eq!(got[3], (Some(Key::PersonName), Some("spouse".into())));
    assert_eq!(got[4], (Some(Key::PersonName), Some("child[0]".into())));
    assert_eq!(got[5], (Some(Key::PersonName), Some("father".into())));
    assert_eq!(got[6], (Some(Key::PersonIdNumber), Some("mother".into())));
    // Without the spouse's row, a child's 父亲 beside an applicant's block stays uncertain.
    let without: Vec<FieldDescriptor> = fields
        .iter()
        .filter(|f| f.html_id.as_deref() != Some("d"))
        .cloned()
        .collect();
    let got = keys(&without);
    assert_eq!(got[4], (None, None));
    // An insurance type (参保类型) is not held, whatever the field's name says (`gj_cblx`).
    let mut kind = select("gj_cblx_0", Some("参保类型"), &["职工基本医疗保险"]);
    kind.name = Some("gj_cblx_0".into());
    assert_eq!(key_of(&classify(&kind)), None);
}

#[test]
fn bodies_a_form_names_and_delivery_addresses_are_not_the_applicants() {
    // 证明接收单位名称 (an employer-to-be, a school) is not the employer; 刻制企业名称 is the
    // engraver, not the applicant's firm; 收件详细地址 is a delivery address; 居（村）委会意见
    // is the committee's own field.
    for label in [
        "证明接收单位名称",
        "刻制企业名称",
        "收件详细地址",
        "居（村）委会意见",
        "村委会意见",
    ] {
        assert_eq!(key_of(&labelled(label)), None, "{label}");
    }
    let mut f = FieldDescriptor::text("jsdw", "");
    f.label = None;
    f.placeholder = Some("证明接收单位名称（如拟入职单位、学校）".into());
    assert_eq!(key_of(&classify(&f)), None);
    // A social security card's bank account is a bank account, not a login.
    assert_eq!(
        key_of(&labelled("社保卡金融账号")),
        Some(Key::PersonBankAccount)
    );
}

#[test]
fn an_account_the_form_says_is_the_applicants_own_is_in_his_name() {
    // 高龄津贴: paid only into the elderly person's own account (须为老年人本人): its 账户姓名
    // is his name, asked for again, not a duplicate; without that, a payee's name on a
    // person's form stays refused. A bare 关系 in the emergency contact's block is the
    // contact's relation.
    let mut own = in_section("c", "账户姓名", "津贴发放账户");
    own.placeholder = Some("须为老年人本人".into());
    let mut relation = in_section("f", "关系", "紧急联系人");
    relation.name = Some("jjlxr_gx".into());
    let fields = [
        in_section("a", "姓名", "老年人信息"),
        in_section("b", "开户银行", "津贴发放账户"),
        own,
        in_section("d", "代办人姓名", "代办人信息（本人申请的无需填写）"),
        in_section("e", "姓名", "紧急联系人"),
        relation,
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[2], (Some(Key::PersonName), None));
    assert_eq!(got[3], (Some(Key::PersonName), Some("agent".into())));
    assert_eq!(got[4], (Some(Key::PersonName), Some("contact".into())));
    assert_eq!(got[5], (Some(Key::AgentRelation), Some("contact".into())));
    let payee = [
        in_section("a", "姓名", "申请人信息"),
        in_section("b", "账户姓名", "发放账户"),
    ];
    assert_eq!(keys(&payee)[1], (None, None));
}

#[test]
fn a_vehicle_transfer_is_applied_for_by_its_new_owner() {
    // 机动车转移登记: the 现机动车所有人 is the owner (his 住所地址 the address on his ID, his
    // phone and e-mail his own: the page is no firm's); the 原机动车所有人 is the seller; the
    // plate of the vehicle changing hands is not the profile's own.
    let title = "机动车注册、转移、注销登记/转入申请表（转移登记）";
    let row = |id: &str, label: &str, who: &str| {
        let mut f = in_section(id, label, title);
        f.row_label = Some(who.into());
        f
    };
    let fields = [
        row("a", "号牌号码", "机动车"),
        row("b", "身份证明号码", "现机动车所有人"),
        row("c", "住所地址", "现机动车所有人"),
        row("d", "移动电话", "现机动车所有人"),
        row("e", "电子信箱", "现机动车所有人"),
        row("f", "姓名", "原机动车所有人"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (None, None));
    assert_eq!(got[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(got[2], (Some(Key::PersonHukouAddress), None));
    assert_eq!(got[3], (Some(Key::ContactMobile), None));
    assert_eq!(got[4], (Some(Key::ContactEmail), None));
    assert_eq!(got[5], (Some(Key::PersonName), Some("other".into())));
    // Outside a transfer the plate is the owner's.
    assert_eq!(key_of(&labelled("号牌号码")), Some(Key::DocVehiclePlate));
}

#[test]
fn a_change_of_legal_representative_has_the_registered_one_and_somebody_new() {
    // 法定代表人变更: before the change, the representative as registered now (the profile's);
    // after it, somebody the profile does not hold yet. An organisation's 机构名称 and
    // 机构联系电话 are its own on its form.
    let fields = [
        in_section("a", "机构名称", "机构基本情况"),
        in_section("b", "统一社会信用代码", "机构基本情况"),
        in_section("c", "机构联系电话", "机构基本情况"),
        in_section("d", "姓名", "变更前法定代表人"),
        in_section("e", "身份证号码", "变更前法定代表人"),
        in_section("f", "姓名", "变更后法定代表人（拟任）"),
        in_section("g", "性别", "变更后法定代表人（拟任）"),
        in_section("h", "移动电话", "变更后法定代表人（拟任）"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::FirmName), None));
    assert_eq!(got[2], (Some(Key::ContactLandline), Some("firm".into())));
    assert_eq!(got[3], (Some(Key::PersonName), Some("legal_rep".into())));
    assert_eq!(
        got[4],
        (Some(Key::PersonIdNumber), Some("legal_rep".into()))
    );
    assert_eq!(got[5], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(got[6], (Some(Key::PersonSex), Some("other".into())));
    assert_eq!(got[7], (Some(Key::ContactMobile), Some("other".into())));
    // On a person's form an institution is one he names: not held.
    assert_eq!(key_of(&labelled("机构名称")), None);
    assert_eq!(key_of(&labelled("机构联系电话")), None);
}

#[test]
fn the_head_of_one_function_is_not_the_legal_representative() {
    // 质量负责人, 安全管理负责人, 企业负责人 beside 法定代表人: officers the profile does not
    // hold; a professional title (职称) is not held.
    let fields = [
        in_section("a", "企业名称", "企业基本信息"),
        in_section("b", "法定代表人 姓名", "人员信息"),
        in_section("c", "法定代表人 职称", "人员信息"),
        in_section("d", "企业负责人 姓名", "人员信息"),
        in_section("e", "质量负责人 身份证号码", "人员信息"),
        in_section("f", "安全管理负责人电话", "安全生产管理"),
    ];
    let got = keys(&fields);
    assert_eq!(got[1], (Some(Key::PersonName), Some("legal_rep".into())));
    assert_eq!(got[2], (None, None));
    assert_eq!(got[3], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(got[4], (Some(Key::PersonIdNumber), Some("other".into())));
    assert_eq!(got[5], (Some(Key::ContactMobile), Some("other".into())));
    assert_eq!(
        key_of(&labelled("负责人姓名")),
        None,
        "still the legal representative's, refused on its own"
    );
}

#[test]
fn an_animal_or_what_a_query_asks_about_is_nobodys_in_the_profile() {
    // 养犬登记: the dog's sex and birth date; 不动产登记资料查询: the property queried and its
    // holder. A hospital's phone is the hospital's.
    let fields = [
        in_section("a", "养犬人姓名", "养犬人信息"),
        in_section("b", "性别", "犬只信息"),
        in_section("c", "出生日期", "犬只信息"),
        in_section("d", "免疫医院电话", "犬只信息"),
        in_section("e", "手机号码", "养犬人信息"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (None, None));
    assert_eq!(got[2], (None, None));
    assert_eq!(got[3], (None, None));
    assert_eq!(got[4], (Some(Key::ContactMobile), None));
    let query = [
        in_section("a", "姓名（名称）", "查询申请人"),
        in_section("b", "不动产权证书号", "查询内容"),
        in_section("c", "权利人姓名（名称）", "查询内容"),
    ];
    let got = keys(&query);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (None, None));
    assert_eq!(got[2], (None, None));
    // Elsewhere the certificate is the owner's.
    assert_eq!(
        key_of(&labelled("不动产权证书号")),
        Some(Key::DocPropertyCertNo)
    );
}

#[test]
fn an_employers_contact_on_a_persons_form_and_a_fax_on_a_firms() {
    // 劳动能力鉴定: the employer's 单位联系人 and 单位联系电话 are the employer's; the agent's
    // 与职工关系 is his relation. On a firm's form a fax in its contact's block is the firm's.
    let fields = [
        in_section("a", "职工姓名", "工伤职工信息"),
        in_section("b", "用人单位名称", "用人单位信息"),
        in_section("c", "单位联系人", "用人单位信息"),
        in_section("d", "单位联系电话", "用人单位信息"),
        in_section("e", "姓名", "委托代理人（近亲属）"),
        in_section("f", "与职工关系", "委托代理人（近亲属）"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (Some(Key::PersonEmployer), None));
    assert_eq!(got[2], (None, None));
    assert_eq!(got[3], (None, None));
    assert_eq!(got[5], (Some(Key::AgentRelation), Some("agent".into())));
    let firm = [
        in_section("a", "企业名称", "企业基本信息"),
        in_section("b", "统一社会信用代码", "企业基本信息"),
        in_section("c", "联系人", "联系人"),
        in_section("d", "传真", "联系人"),
    ];
    let got = keys(&firm);
    assert_eq!(got[2], (Some(Key::PersonName), Some("contact".into())));
    assert_eq!(got[3], (Some(Key::ContactFax), Some("firm".into())));
}

#[test]
fn which_address_a_box_asks_for() {
    // `street-address` says a street address, not whose: 通讯地址 is where he lives.
    let mut f = FieldDescriptor::text("f", "通讯地址");
    f.autocomplete = Some("street-address".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::PersonResidenceAddress));
    f.label = Some("地址".into());
    assert_eq!(key_of(&classify(&f)), Some(Key::PersonHukouAddress));
    // A 门牌号 box that asks for the estate, building and flat too is not a house number.
    let mut f = FieldDescriptor::text("f", "门牌号");
    assert_eq!(key_of(&classify(&f)), Some(Key::AddressHouseNo));
    f.placeholder = Some("小区、楼号、单元、室".into());
    assert_eq!(key_of(&classify(&f)), None);
    // 家庭住址: the registered address or the residence, the form does not say.
    assert_eq!(key_of(&labelled("家庭住址")), None);
    // A select of its divisions still starts a cascade.
    let home = select("h", Some("家庭住址"), &["区（县）", "荔湾区", "越秀区"]);
    let said = || Draft::Key {
        key: Key::PersonHukouAddress,
        reason: Reason::Label("家庭住址".into()),
    };
    assert!(matches!(a_home_address(&home, said()), Draft::Key { .. }));
    let boxed = FieldDescriptor::text("b", "家庭住址");
    assert!(matches!(a_home_address(&boxed, said()), Draft::Skip(_)));
}

#[test]
fn a_shipping_name_labelled_as_the_recipients_is_the_recipients() {
    // 领证方式 by post: 收件人 with `shipping name` is the recipient's name; a shipping address
    // whose words name nobody stays refused.
    let fields = {
        let mut name = in_section("a", "收件人", "领证方式");
        name.autocomplete = Some("shipping name".into());
        let mut address = in_section("b", "邮寄地址", "领证方式");
        address.autocomplete = Some("shipping street-address".into());
        [in_section("c", "姓名", "申请人信息"), name, address]
    };
    let got = keys(&fields);
    assert_eq!(got[1], (Some(Key::PersonName), Some("recipient".into())));
    assert_eq!(got[2], (None, None));
}

#[test]
fn rows_of_a_list_named_by_a_role_are_that_roles_by_row() {
    // 法定赡养义务人 rows: 义务人姓名 names the row's person; the row's ID number, relation and
    // phone are that obligor's, numbered by row, and the applicant's own phone stays his.
    let row = |stem: &str, n: usize, label: &str| {
        in_section(
            &format!("yw_{stem}_{n}"),
            label,
            "法定赡养、抚养、扶养义务人情况",
        )
    };
    let mut fields = vec![
        in_section("a", "姓名", "申请人基本情况"),
        in_section("b", "联系电话", "申请人基本情况"),
    ];
    for n in 0..2 {
        fields.push(row("xm", n, "义务人姓名"));
        fields.push(row("gx", n, "与申请人关系"));
        fields.push(row("sfzh", n, "身份证号码"));
        fields.push(row("dh", n, "联系电话"));
    }
    let got = keys(&fields);
    assert_eq!(got[1], (Some(Key::ContactMobile), None));
    for n in 0..2 {
        let who = Some(format!("obligor[{n}]"));
        let at = 2 + 4 * n;
        assert_eq!(got[at], (Some(Key::PersonName), who.clone()));
        assert_eq!(got[at + 1], (Some(Key::AgentRelation), who.clone()));
        assert_eq!(got[at + 2], (Some(Key::PersonIdNumber), who.clone()));
        assert_eq!(got[at + 3], (Some(Key::ContactMobile), who));
    }
}

/// A field in a table row whose group cell (a `rowspan` cell of the first column) says `row`.
fn in_row(id: &str, label: &str, row: &str) -> FieldDescriptor {
    let mut f = FieldDescriptor::text(id, label);
    f.row_label = Some(row.into());
    f
}

#[test]
fn the_block_of_another_body_is_nobodys() {
    // A group cell naming a body that keeps his file (原档案保管单位): its 单位名称 and 联系电话
    // are the body's, not his employer and phone; 现工作单位 beside it stays his employer.
    let got = keys(&[
        in_row("a", "单位名称", "原档案保管单位"),
        in_row("b", "联系电话", "原档案保管单位"),
        in_row("c", "现工作单位", "存档人"),
    ]);
    assert_eq!(got[0], (None, None));
    assert_eq!(got[1], (None, None));
    assert_eq!(got[2], (Some(Key::PersonEmployer), None));
    // 用人单位 is the employer's own word, not another body.
    assert_eq!(
        keys(&[in_row("d", "单位名称", "用人单位")])[0],
        (Some(Key::PersonEmployer), None)
    );
}

#[test]
fn the_person_a_form_is_about_by_its_words() {
    // 存档人 is whose file is kept, the applicant; 用血者 the relative a donor claims for.
    let got = keys(&[
        in_row("a", "姓名", "存档人"),
        in_row("b", "姓名", "委托经办人"),
    ]);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (Some(Key::PersonName), Some("agent".into())));
    let fields = [
        in_section("c", "献血者姓名", "献血者信息"),
        in_section("d", "用血者姓名", "用血者信息"),
        in_section("e", "身份证号码", "用血者信息"),
    ];
    let got = keys(&fields);
    assert_eq!(got[0], (Some(Key::PersonName), None));
    assert_eq!(got[1], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(got[2], (Some(Key::PersonIdNumber), Some("other".into())));
    // 委托代理申请人 is the agent, not the applicant: its relation is the agent's.
    let fields = [
        in_section("f", "代理人姓名", "委托代理申请人"),
        in_section("g", "与申请人关系", "委托代理申请人"),
    ];
    assert_eq!(
        keys(&fields)[1],
        (Some(Key::AgentRelation), Some("agent".into()))
    );
}

#[test]
fn bodies_places_and_certificates_the_profile_does_not_hold() {
    for label in [
        "发证机构",
        "发证机关",
        "销售单位名称",
        "销售单位电话",
        "原参保单位名称",
        "职业（工种）",
        "工种",
        "转出地",
        "转入地",
    ] {
        assert_eq!(key_of(&labelled(label)), None, "{label}");
    }
    assert_eq!(key_of(&labelled("签发机关")), Some(Key::PersonIdIssuer));
    assert_eq!(key_of(&labelled("职业")), Some(Key::PersonOccupation));
    assert_eq!(
        key_of(&labelled("现参保单位名称")),
        Some(Key::PersonEmployer)
    );
    // A cascade whose first select names the place a record leaves is nobody's address.
    let fields = [
        select(
            "s",
            Some("转出地"),
            &["省（自治区、直辖市）", "广东省", "江苏省"],
        ),
        select("t", None, &["市（州）"]),
    ];
    assert_eq!(keys(&fields), vec![(None, None), (None, None)]);
}

#[test]
fn a_passbook_and_the_bank_that_pays_a_benefit() {
    assert_eq!(
        key_of(&labelled("存折（卡）账号")),
        Some(Key::PersonBankAccount)
    );
    assert_eq!(key_of(&labelled("存折号")), Some(Key::PersonBankAccount));
    assert_eq!(
        key_of(&labelled("代理发放金融机构")),
        Some(Key::PersonBankBranch)
    );
    // A bare 账号 stays a login's.
    assert_eq!(key_of(&labelled("账号")), None);
}

#[test]
fn a_box_naming_another_address_after_a_cascade_is_that_address() {
    // 户籍所在地 as selects down to the township, then 现居住地址 in a row of its own: the
    // residence, not the cascade's rest.
    let provinces = [("510000", "四川省"), ("520000", "贵州省")];
    let mut fields = vec![
        prompted("p", "", "请选择省", &provinces),
        prompted("c", "", "请选择市", &[]),
        prompted("x", "", "请选择县（区）", &[]),
        prompted("t", "", "请选择乡镇（街道）", &[]),
    ];
    for f in &mut fields {
        f.label = Some("户籍所在地".into());
    }
    fields.push(FieldDescriptor::text("r", "现居住地址"));
    assert_eq!(keys(&fields)[4], (Some(Key::PersonResidenceAddress), None));
    // A box labelled as the cascade's own address is still its rest, refused under a
    // cascade that goes on to the township.
    fields[4] = FieldDescriptor::text("r", "户籍所在地");
    assert_eq!(keys(&fields)[4], (None, None));
}

#[test]
fn deduction_and_settlement_accounts_and_a_former_contributing_employer() {
    for (label, key) in [
        ("代扣银行", Key::PersonBankBranch),
        ("结算银行", Key::PersonBankBranch),
        ("代扣账号", Key::PersonBankAccount),
        ("结算账号", Key::PersonBankAccount),
        ("现缴存单位名称", Key::PersonEmployer),
    ] {
        assert_eq!(key_of(&labelled(label)), Some(key), "{label}");
    }
    assert_eq!(key_of(&labelled("原缴存单位名称")), None);
    // On a firm's form a settlement account is the firm's.
    let fields = [
        FieldDescriptor::text("mc", "企业名称"),
        FieldDescriptor::text("dm", "统一社会信用代码"),
        FieldDescriptor::text("yh", "结算银行"),
        FieldDescriptor::text("zh", "结算账号"),
    ];
    assert_eq!(
        keys(&fields)[2..],
        [
            (Some(Key::FirmBasicBank), None),
            (Some(Key::FirmBasicBankAcct), None)
        ]
    );
}

#[test]
fn rows_under_a_sentence_naming_household_members_are_the_members() {
    // 同一户籍家庭成员一并参保: a sentence, not a block's heading, but the rows under it are
    // the members, numbered by row, their relations too; not somebody else's.
    let row =
        |stem: &str, label: &str, n: usize| list_row(stem, label, n, "同一户籍家庭成员一并参保");
    let fields = [
        FieldDescriptor::text("xm", "姓名"),
        row("cy_xm", "姓名", 0),
        row("cy_gx", "与参保人关系", 0),
        row("cy_xm", "姓名", 1),
        row("cy_gx", "与参保人关系", 1),
    ];
    assert_eq!(
        keys(&fields),
        vec![
            (Some(Key::PersonName), None),
            (Some(Key::PersonName), Some("member[0]".into())),
            (Some(Key::AgentRelation), Some("member[0]".into())),
            (Some(Key::PersonName), Some("member[1]".into())),
            (Some(Key::AgentRelation), Some("member[1]".into())),
        ]
    );
}

#[test]
fn an_account_block_named_for_one_person_is_that_persons() {
    // 发放账户（监护人账户）: the guardian's account, its holder's name the guardian's.
    let heading = "基本生活费发放账户（监护人账户）";
    let fields = [
        FieldDescriptor::text("xm", "儿童姓名"),
        in_section("hm", "户名", heading),
        in_section("yh", "开户银行", heading),
        in_section("zh", "银行账号", heading),
    ];
    assert_eq!(
        keys(&fields)[1..],
        [
            (Some(Key::PersonName), Some("guardian".into())),
            (Some(Key::PersonBankBranch), Some("guardian".into())),
            (Some(Key::PersonBankAccount), Some("guardian".into())),
        ]
    );
    // A heading that says the account is the applicant's own: the holder's name is his.
    let fields = [
        in_section("xm", "姓名", "申请人信息"),
        in_section("hm", "开户名", "发放账户（申请人本人）"),
    ];
    assert_eq!(keys(&fields)[1], (Some(Key::PersonName), None));
    // In a block that names nobody, 户名 on a person's form stays refused (the payee may be
    // anybody).
    let fields = [
        FieldDescriptor::text("xm", "姓名"),
        in_section("hm", "户名", "补贴发放账户"),
    ];
    assert_eq!(keys(&fields)[1], (None, None));
}

#[test]
fn a_select_of_other_things_after_a_cascade_is_no_level_of_it() {
    let provinces = [("410000", "河南省"), ("420000", "湖北省")];
    let mut fields = vec![
        prompted("p", "户籍所在地", "省", &provinces),
        prompted("c", "户籍所在地", "市", &[]),
        prompted("x", "户籍所在地", "区县", &[]),
        prompted(
            "h",
            "健康状况",
            "请选择",
            &[("健康", "健康"), ("患病", "患病"), ("残疾", "残疾")],
        ),
    ];
    assert_eq!(keys(&fields)[3], (None, None));
    // A level of its own label that lists divisions is still a level.
    fields[3] = prompted("t", "乡镇", "请选择", &[("1", "城关镇"), ("2", "新华街道")]);
    assert_eq!(keys(&fields)[3], (Some(Key::AddressTownship), None));
}

#[test]
fn the_operator_and_head_of_a_business_is_the_applicant() {
    // 经营者（负责人）: the operator who applies, not a legal representative beside him.
    let heading = "经营者（负责人）信息";
    let fields = [
        FieldDescriptor::text("mc", "企业（字号）名称"),
        FieldDescriptor::text("dm", "统一社会信用代码"),
        in_section("xm", "姓名", heading),
        in_section("sfz", "身份证件号码", heading),
    ];
    assert_eq!(
        keys(&fields)[2..],
        [
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None)
        ]
    );
    // A heading of the 负责人 alone is still the legal representative's.
    let fields = [
        FieldDescriptor::text("mc", "企业名称"),
        FieldDescriptor::text("dm", "统一社会信用代码"),
        in_section("xm", "姓名", "负责人信息"),
    ];
    assert_eq!(
        keys(&fields)[2],
        (Some(Key::PersonName), Some("legal_rep".into()))
    );
}

#[test]
fn a_recipients_address_is_a_delivery_address() {
    // On a firm's form, 收件人 then 邮寄地址 in one block: the recipient's name, and where the
    // parcel goes, which is nobody's home the profile holds.
    let fields = [
        FieldDescriptor::text("mc", "企业名称"),
        FieldDescriptor::text("dm", "统一社会信用代码"),
        in_section("sjr", "收件人", "送达"),
        in_section("dz", "邮寄地址", "送达"),
    ];
    assert_eq!(
        keys(&fields)[2..],
        [
            (Some(Key::PersonName), Some("recipient".into())),
            (None, None)
        ]
    );
}

#[test]
fn rows_under_a_heading_of_children_are_the_childrens() {
    // 共同申请的未成年子女 over rows `zn_xm_0`, `zn_xm_1`: child[0], child[1], not other people.
    let heading = "共同申请的未成年子女";
    let mut fields = Vec::new();
    for n in 0..2 {
        let mut name = in_section(&format!("zn_xm_{n}"), "姓名", heading);
        name.name = Some(format!("zn_xm_{n}"));
        let mut id = in_section(&format!("zn_sfzh_{n}"), "身份证号码", heading);
        id.name = Some(format!("zn_sfzh_{n}"));
        fields.push(name);
        fields.push(id);
    }
    assert_eq!(
        keys(&fields),
        [
            (Some(Key::PersonName), Some("child[0]".into())),
            (Some(Key::PersonIdNumber), Some("child[0]".into())),
            (Some(Key::PersonName), Some("child[1]".into())),
            (Some(Key::PersonIdNumber), Some("child[1]".into())),
        ]
    );
}

#[test]
fn the_investor_of_a_sole_proprietorship_is_the_applicant() {
    let title = "个人独资企业登记（备案）申请书";
    let titled = |mut f: FieldDescriptor| {
        f.outer_sections = vec![title.into()];
        f
    };
    let fields = [
        titled(in_section("mc", "企业名称", "企业基本信息")),
        titled(in_section("cze", "出资额（万元）", "企业基本信息")),
        titled(in_section("czfs", "出资方式", "企业基本信息")),
        titled(in_section("xm", "姓名", "投资人信息")),
        titled(in_section("sfz", "证件号码", "投资人信息")),
    ];
    assert_eq!(
        keys(&fields),
        [
            (Some(Key::FirmName), None),
            (Some(Key::FirmRegCapital), None),
            (None, None),
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None),
        ]
    );
    // Without such a title the investor is a shareholder.
    let fields = [
        in_section("mc", "企业名称", "企业基本信息"),
        in_section("xm", "姓名", "投资人信息"),
    ];
    assert_eq!(
        keys(&fields)[1],
        (Some(Key::PersonName), Some("shareholder[0]".into()))
    );
}

#[test]
fn an_employers_block_on_a_persons_form_is_his_employer() {
    // 用人单位 with 单位名称, its code and its officer, beside the applicant's own identity:
    // his employer's name, and nothing else of the employer's; the form stays a person's.
    let fields = [
        in_section("xm", "姓名", "引进人才基本信息"),
        in_section("sfzh", "公民身份号码", "引进人才基本信息"),
        in_section("sj", "手机号码", "引进人才基本信息"),
        in_section("dwmc", "单位名称", "用人单位"),
        in_section("dwdm", "统一社会信用代码", "用人单位"),
        in_section("jbr", "单位经办人", "用人单位"),
        in_section("jbrdh", "经办人电话", "用人单位"),
    ];
    assert_eq!(
        keys(&fields),
        [
            (Some(Key::PersonName), None),
            (Some(Key::PersonIdNumber), None),
            (Some(Key::ContactMobile), None),
            (Some(Key::PersonEmployer), None),
            (None, None),
            (None, None),
            (None, None),
        ]
    );
}

#[test]
fn the_place_of_an_event_is_nobodys_address() {
    // 纠纷发生地 as district / street / community selects: the place of the dispute.
    let mut fields = vec![
        FieldDescriptor::text("xm", "姓名"),
        select(
            "qx",
            Some("纠纷发生地"),
            &["区（县）", "江岸区", "江汉区", "武昌区"],
        ),
        select("jd", None, &["街道（乡镇）"]),
    ];
    let k = keys(&fields);
    assert_eq!(k[1], (None, None));
    assert_eq!(k[2], (None, None));
    // The same select labelled as a division only is the person's.
    fields[1] = select(
        "qx",
        Some("区县"),
        &["区（县）", "江岸区", "江汉区", "武昌区"],
    );
    assert_eq!(keys(&fields)[1].0, Some(Key::AddressCounty));
}

#[test]
fn a_bodys_service_line_is_nobodys_phone() {
    // 订货电话 of the supplier on a business's form: not the firm's landline.
    let fields = [
        FieldDescriptor::text("mc", "企业名称"),
        FieldDescriptor::text("dm", "统一社会信用代码"),
        in_section("dh", "订货电话", "卷烟进货"),
        FieldDescriptor::text("lxdh", "联系电话"),
    ];
    let k = keys(&fields);
    assert_eq!(k[2], (None, None));
    assert_eq!(k[3], (Some(Key::ContactLandline), Some("firm".into())));
}

#[test]
fn a_bare_domicile_hinted_as_where_one_lives_is_the_residence() {
    let mut f = FieldDescriptor::text("zs", "住所");
    f.placeholder = Some("请填写现住址".into());
    assert_eq!(keys(&[f])[0].0, Some(Key::PersonResidenceAddress));
    assert_eq!(
        keys(&[FieldDescriptor::text("zs", "住所")])[0].0,
        Some(Key::PersonHukouAddress)
    );
    assert_eq!(
        keys(&[FieldDescriptor::text("js", "居所")])[0].0,
        Some(Key::PersonResidenceAddress)
    );
}

fn skip_reasons(fields: &[FieldDescriptor]) -> Vec<Option<SkipReason>> {
    classify_fields(fields)
        .into_iter()
        .map(|c| match c.verdict {
            Verdict::Skip { reason } => Some(reason),
            Verdict::Fill { .. } => None,
        })
        .collect()
}

#[test]
fn two_blocks_of_people_the_rules_do_not_know_are_nobodys() {
    // 患者 and 陪护人, no words of the rules: which of them applies is a guess, so neither
    // block is filled.
    let fields = [
        in_section("a", "姓名", "患者信息"),
        in_section("b", "身份证号码", "患者信息"),
        in_section("c", "姓名", "陪护人信息"),
        in_section("d", "身份证号码", "陪护人信息"),
        FieldDescriptor::text("e", "填表日期"),
    ];
    let k = keys(&fields);
    assert_eq!(
        k[..4],
        [(None, None), (None, None), (None, None), (None, None)]
    );
    assert_eq!(k[4].0, Some(Key::MetaFillDate));
    assert_eq!(
        skip_reasons(&fields)[2],
        Some(SkipReason::WhoseUnknown("陪护人".into()))
    );
    // One such block alone is the applicant's (老年人信息 on a senior allowance form).
    let one = [
        in_section("a", "姓名", "老年人信息"),
        in_section("b", "身份证号码", "老年人信息"),
        in_section("c", "姓名", "代办人信息"),
    ];
    let k = keys(&one);
    assert_eq!(k[0], (Some(Key::PersonName), None));
    assert_eq!(k[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(k[2], (Some(Key::PersonName), Some("agent".into())));
}

#[test]
fn the_one_a_service_is_done_to_is_somebody_else() {
    // 被救助人 beside 见义勇为人员: the rescued person is never the applicant, and does not
    // make the hero's block a guess; a list of witnesses (rows) does not either.
    let mut fields = vec![
        in_section("ry_xm", "姓名", "见义勇为人员信息"),
        in_section("ry_sfzh", "身份证号码", "见义勇为人员信息"),
        in_section("bj_xm", "姓名", "被救助人信息"),
    ];
    for n in 1..=2 {
        fields.push(in_section(&format!("zm_xm_{n}"), "姓名", "证明人"));
        fields.push(in_section(&format!("zm_sfzh_{n}"), "身份证号码", "证明人"));
    }
    let k = keys(&fields);
    assert_eq!(k[0], (Some(Key::PersonName), None));
    assert_eq!(k[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(k[2], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(k[3], (Some(Key::PersonName), Some("other[0]".into())));
    assert_eq!(k[6], (Some(Key::PersonIdNumber), Some("other[1]".into())));
    // The insured (被保险人) often applies himself: his block stays the applicant's.
    let insured = [in_section("a", "姓名", "被保险人信息")];
    assert_eq!(keys(&insured)[0], (Some(Key::PersonName), None));
}

#[test]
fn an_identity_field_outside_the_blocks_of_several_people_is_refused() {
    // 申请人 and 代理人 blocks, then a 姓名 under no heading at all: either's.
    let mut fields = vec![
        in_section("a", "姓名", "申请人信息"),
        in_section("b", "身份证号码", "申请人信息"),
        in_section("c", "姓名", "代理人信息"),
        in_section("d", "身份证号码", "代理人信息"),
        FieldDescriptor::text("e", "联系电话"),
        FieldDescriptor::text("f", "通讯地址"),
    ];
    let k = keys(&fields);
    assert_eq!(k[4], (None, None));
    assert!(matches!(
        skip_reasons(&fields)[4],
        Some(SkipReason::WhoseUnknown(_))
    ));
    // An address there is left to the applicant, as the corpus reads such forms.
    assert_eq!(k[5].0, Some(Key::PersonResidenceAddress));
    // With one person's block only, the field is the applicant's.
    fields.truncate(2);
    fields.push(FieldDescriptor::text("e", "联系电话"));
    assert_eq!(keys(&fields)[2].0, Some(Key::ContactMobile));
}

#[test]
fn a_hospitals_or_schools_block_is_not_the_applicants() {
    // 免疫医院 and its phone and address on a dog owner's form: the hospital's.
    let fields = [
        in_section("a", "姓名", "养犬人信息"),
        in_section("b", "联系电话", "免疫医院"),
        in_section("c", "地址", "免疫医院"),
        in_section("d", "联系电话", "原就读学校信息"),
    ];
    let k = keys(&fields);
    assert_eq!(k[0].0, Some(Key::PersonName));
    assert_eq!(k[1], (None, None));
    assert_eq!(k[2], (None, None));
    assert_eq!(k[3], (None, None));
    // A school's own form (the school is the firm: its name and code in that block) is not.
    let firm = [
        in_section("mc", "学校名称", "学校基本情况"),
        in_section("dm", "统一社会信用代码", "学校基本情况"),
        in_section("dh", "联系电话", "学校基本情况"),
    ];
    assert_eq!(
        keys(&firm)[2],
        (Some(Key::ContactLandline), Some("firm".into()))
    );
}

#[test]
fn a_contact_outside_a_person_and_a_firm_beside_each_other_is_refused() {
    // A person borrowing for his business: his block, the business's block, then a phone
    // and a postcode under no heading: the person's or the firm's.
    let fields = [
        in_section("xm", "姓名", "申请人信息"),
        in_section("sfzh", "身份证号码", "申请人信息"),
        in_section("mc", "企业名称", "经营实体信息"),
        in_section("dm", "统一社会信用代码", "经营实体信息"),
        FieldDescriptor::text("dh", "联系电话"),
        FieldDescriptor::text("yb", "邮政编码"),
    ];
    let k = keys(&fields);
    assert_eq!(k[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(k[3].0, Some(Key::FirmUscc));
    assert_eq!(k[4], (None, None));
    assert_eq!(k[5], (None, None));
    // A firm's form without a person's block gives them to the firm.
    let firm = [
        in_section("mc", "企业名称", "经营实体信息"),
        in_section("dm", "统一社会信用代码", "经营实体信息"),
        FieldDescriptor::text("dh", "联系电话"),
    ];
    assert_eq!(
        keys(&firm)[2],
        (Some(Key::ContactLandline), Some("firm".into()))
    );
}

#[test]
fn a_firms_code_asked_as_either_code_is_its_uscc() {
    let k = keys(&[FieldDescriptor::text("dm", "统一社会信用代码/注册号")]);
    assert_eq!(k[0].0, Some(Key::FirmUscc));
}

#[test]
fn paid_in_capital_is_not_the_subscribed_amount() {
    let row = |id: &str, label: &str| in_section(id, label, "股东及出资信息");
    let fields = [
        row("gd_0", "股东（发起人）"),
        row("rj_0", "认缴出资额（万元）"),
        row("fs_0", "认缴出资方式"),
        row("sj_0", "实缴出资额（万元）"),
    ];
    let k = keys(&fields);
    assert_eq!(k[1].0, Some(Key::RoleSubscribedWan));
    assert_eq!(k[2].0, Some(Key::RoleContributionMethod));
    assert_eq!(k[3], (None, None));
}

#[test]
fn the_day_a_complaint_is_made_is_the_day_of_filling() {
    assert_eq!(key_of(&labelled("投诉日期")), Some(Key::MetaFillDate));
}

#[test]
fn the_acquirer_of_a_house_applies_and_the_transferor_is_somebody_else() {
    // 契税: rowspan group cells 承受方信息 / 转让方信息 as the rows' labels.
    let grouped = |id: &str, label: &str, group: &str| {
        let mut f = FieldDescriptor::text(id, label);
        f.row_label = Some(group.into());
        f
    };
    let mut fields = vec![
        grouped("csf_mc", "名称（姓名）", "承受方信息"),
        grouped("csf_zjhm", "证件号码", "承受方信息"),
    ];
    for n in 0..2 {
        fields.push(in_section(&format!("gt_xm_{n}"), "姓名", "共同承受人"));
        fields.push(in_section(
            &format!("gt_zjhm_{n}"),
            "证件号码",
            "共同承受人",
        ));
    }
    fields.push(grouped("zrf_mc", "名称（姓名）", "转让方信息"));
    fields.push(grouped("zrf_zjhm", "证件号码", "转让方信息"));
    fields.push(grouped("zrf_sbh", "纳税人识别号", "转让方信息"));
    fields.push(grouped("bdcdyh", "不动产单元号", "土地房屋权属转移信息"));
    let k = keys(&fields);
    assert_eq!(k[0], (Some(Key::PersonName), None));
    assert_eq!(k[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(k[2], (Some(Key::PersonName), Some("other[0]".into())));
    assert_eq!(k[5], (Some(Key::PersonIdNumber), Some("other[1]".into())));
    // The transferor's block asks for a person's or a body's name: his name, document and
    // codes are refused, and nothing of his is the applicant's.
    assert_eq!(k[6], (None, None));
    assert_eq!(k[7], (None, None));
    assert_eq!(k[8], (None, None));
    // The property changing hands is the case's.
    assert_eq!(k[9], (None, None));
}

#[test]
fn an_employer_complained_of_is_another_body_not_the_firm() {
    // 被投诉用人单位 with its USCC: the page stays the worker's; his phone is his own.
    let mut tel = in_section("tsr_sj", "手机号码", "投诉人");
    tel.autocomplete = Some("tel".into());
    let fields = [
        in_section("tsr_xm", "姓名", "投诉人"),
        tel,
        in_section("dw_mc", "单位名称", "被投诉用人单位"),
        in_section("dw_dm", "统一社会信用代码", "被投诉用人单位"),
        in_section("dw_dz", "单位地址", "被投诉用人单位"),
        in_section("dw_dh", "联系电话", "被投诉用人单位"),
    ];
    let k = keys(&fields);
    assert_eq!(k[1], (Some(Key::ContactMobile), None));
    for (i, got) in k.iter().enumerate().skip(2) {
        assert_eq!(*got, (None, None), "{i}");
    }
}

#[test]
fn a_person_the_rules_do_not_know_on_a_firms_form_is_not_the_applicant() {
    let fields = [
        in_section("dwmc", "单位名称", "申请单位信息"),
        in_section("dm", "统一社会信用代码", "申请单位信息"),
        in_section("wsgly_xm", "姓名", "卫生管理员"),
        in_section("wsgly_dh", "联系电话", "卫生管理员"),
    ];
    let k = keys(&fields);
    assert_eq!(k[2], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(k[3], (Some(Key::ContactMobile), Some("other".into())));
}

#[test]
fn labels_that_narrow_what_a_field_holds() {
    // A firm's mailing address is no person's residence; a count "of which" is not the whole.
    let fields = [
        in_section("mc", "企业名称", "企业基本信息"),
        in_section("txdz", "企业通信地址", "企业基本信息"),
        in_section("cyrs", "从业人数", "企业基本信息"),
        in_section("nx", "其中女性从业人数", "企业基本信息"),
    ];
    let k = keys(&fields);
    assert_eq!(k[1], (None, None));
    assert_eq!(k[2].0, Some(Key::FirmEmployees));
    assert_eq!(k[3], (None, None));
    // A job title token under a label naming the post is the position.
    let mut post = FieldDescriptor::text("gw", "工作岗位");
    post.autocomplete = Some("organization-title".into());
    assert_eq!(keys(&[post])[0].0, Some(Key::PersonPosition));
    let mut title = FieldDescriptor::text("zy", "职业");
    title.autocomplete = Some("organization-title".into());
    assert_eq!(keys(&[title])[0].0, Some(Key::PersonOccupation));
}

#[test]
fn a_childs_relation_in_the_rows_of_children_is_held() {
    let mut fields = vec![in_section("xm", "姓名", "投靠人信息（申请迁入人）")];
    for n in 0..2 {
        fields.push(in_section(&format!("zn_xm_{n}"), "姓名", "随迁子女"));
        fields.push(in_section(
            &format!("zn_gx_{n}"),
            "与投靠人关系",
            "随迁子女",
        ));
    }
    let k = keys(&fields);
    assert_eq!(k[2], (Some(Key::AgentRelation), Some("child[0]".into())));
    assert_eq!(k[4], (Some(Key::AgentRelation), Some("child[1]".into())));
}

#[test]
fn a_parenthesis_that_is_the_applicants_word_names_the_block() {
    // 评估对象（参保人）信息 beside 主要照护人: the insured is the applicant, the carer another.
    let fields = [
        in_section("a", "姓名", "一、评估对象（参保人）信息"),
        in_section("b", "联系电话", "一、评估对象（参保人）信息"),
        in_section("c", "照护人姓名", "三、主要照护人"),
        in_section("d", "照护人电话", "三、主要照护人"),
    ];
    let k = keys(&fields);
    assert_eq!(k[0], (Some(Key::PersonName), None));
    assert_eq!(k[1], (Some(Key::ContactMobile), None));
    assert_eq!(k[2], (Some(Key::PersonName), Some("other".into())));
    assert_eq!(k[3], (Some(Key::ContactMobile), Some("other".into())));
}

#[test]
fn group_cells_part_a_person_and_a_firm_under_one_heading() {
    // 政府信息公开申请表: one heading, rowspan group cells 公民 and 法人或者其他组织 beside
    // their rows. The 公民 rows are the applicant's, their contacts not the firm's.
    let grouped = |id: &str, label: &str, group: &str| {
        let mut f = in_section(id, label, "政府信息公开申请表");
        f.row_label = Some(group.into());
        f
    };
    let fields = [
        grouped("gm_xm", "姓名", "公民"),
        grouped("gm_zjhm", "证件号码", "公民"),
        grouped("gm_lxdh", "联系电话", "公民"),
        grouped("gm_cz", "传真", "公民"),
        grouped("gm_yzbm", "邮政编码", "公民"),
        grouped("fr_mc", "名　称", "法人或者其他组织"),
        grouped("fr_dm", "统一社会信用代码", "法人或者其他组织"),
        grouped("fr_yx", "电子邮箱", "法人或者其他组织"),
    ];
    let k = keys(&fields);
    assert_eq!(k[1], (Some(Key::PersonIdNumber), None));
    assert_eq!(k[2], (Some(Key::ContactMobile), None));
    assert_eq!(k[3], (Some(Key::ContactFax), None));
    assert_eq!(k[4], (Some(Key::ContactPostalCode), None));
    // A spaced-out 名　称 is the bare 名称: the firm's name.
    assert_eq!(k[5].0, Some(Key::FirmName));
    assert_eq!(k[7], (Some(Key::ContactEmail), Some("firm".into())));
}
