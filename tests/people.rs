//! A form with several people whose blocks the profile cannot all decide: the plan asks once
//! whose each block is, fills each block from the person chosen (and nobody else), leaves a
//! block given to nobody empty with the reason, and the answer is remembered for the form and
//! exported with its corrections.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::classify::classify_fields;
use oncefill::core::classify::learn::{self, LearnedPage};
use oncefill::core::i18n::Lang;
use oncefill::core::people::How;
use oncefill::core::plan::{FillAction, FillPlan, NotPlanned, plan, plan_people};
use oncefill::core::profile::{Profile, Relation};
use oncefill::core::role::{Role, RoleRef, Who};
use oncefill::core::scan::{html::HtmlDom, scan};
use time::macros::date;

const REALTY: &str = r#"<html><body><h2>不动产登记申请书</h2><form>
    <fieldset><legend>权利人</legend>
      <label>姓名 <input name="qlr_xm"></label><label>证件号码 <input name="qlr_zjhm"></label>
      <label>联系电话 <input name="qlr_dh"></label></fieldset>
    <fieldset><legend>义务人</legend>
      <label>姓名 <input name="ywr_xm"></label><label>证件号码 <input name="ywr_zjhm"></label>
      <label>联系电话 <input name="ywr_dh"></label></fieldset>
    </form></body></html>"#;

const COUPLE: &str = r#"<html><body><h2>婚姻登记网上预约</h2><form>
    <div class="card"><div class="card-header">男方信息</div>
      <label>姓名 <input name="a_xm"></label><label>证件号码 <input name="a_zjhm"></label></div>
    <div class="card"><div class="card-header">女方信息</div>
      <label>姓名 <input name="b_xm"></label><label>证件号码 <input name="b_zjhm"></label></div>
    </form></body></html>"#;

const OBLIGOR: RoleRef = RoleRef {
    role: Role::Obligor,
    index: None,
};
const SPOUSE: Who = Who::As(RoleRef {
    role: Role::Spouse,
    index: None,
});

fn planned(profile: &Profile, html: &str, people: &[(Option<RoleRef>, Who)]) -> FillPlan {
    let fields = scan(&HtmlDom::parse(html));
    let classified = classify_fields(&fields);
    plan_people(
        profile,
        &fields,
        &classified,
        &[],
        people,
        date!(2026 - 12 - 05),
    )
}

/// Each filled field's handle (its scan id is its name here) with the text planned.
fn filled(plan: &FillPlan) -> Vec<(String, String)> {
    plan.steps
        .iter()
        .filter_map(|s| match &s.action {
            FillAction::Text { value } => Some((s.label.clone(), value.expose().to_string())),
            _ => None,
        })
        .collect()
}

fn values(plan: &FillPlan) -> Vec<String> {
    filled(plan).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn the_question_comes_only_when_a_block_is_undecided() {
    let demo = Profile::demo();
    // Both of a couple decided by sex: nothing to ask.
    assert_eq!(planned(&demo, COUPLE, &[]).question, None);
    // One person's form: nothing to ask.
    let one = r#"<form><label>姓名 <input name="xm"></label><label>手机号码 <input name="sj"></label></form>"#;
    assert_eq!(planned(&demo, one, &[]).question, None);
    // The applicant and an obligor the profile names nobody for.
    let plan = planned(&demo, REALTY, &[]);
    let q = plan.question.as_ref().expect("a question");
    assert_eq!(q.text(Lang::ZhCn), "此表有两位：申请人、义务人，分别是谁？");
    assert_eq!(
        q.text(Lang::En),
        "This form is about 2 people: applicant, obligor. Who is each?"
    );
    assert_eq!(
        q.blocks
            .iter()
            .map(|b| (b.role, b.who, b.how))
            .collect::<Vec<_>>(),
        [
            (None, Some(Who::Owner), How::Applicant),
            (Some(OBLIGOR), None, How::Open)
        ]
    );
    // Unanswered, the obligor's block stays empty as before, and the applicant's is the owner's.
    assert_eq!(
        values(&plan),
        ["王小明", "110105199003071239", "13800138000"]
    );
    // Without a spouse the woman of a couple is undecided: the question shows the man as
    // decided by sex, and the woman open.
    let mut single = Profile::demo();
    single.persons.retain(|p| p.relation != Relation::Spouse);
    let plan = planned(&single, COUPLE, &[]);
    let q = plan.question.expect("a question");
    assert_eq!(q.text(Lang::ZhCn), "此表有两位：男方、女方，分别是谁？");
    assert_eq!(
        q.blocks.iter().map(|b| (b.who, b.how)).collect::<Vec<_>>(),
        [(Some(Who::Owner), How::BySex), (None, How::Open)]
    );
}

#[test]
fn the_choices_are_the_profiles_people_by_relation_and_masked_name() {
    let plan = planned(&Profile::demo(), REALTY, &[]);
    let q = plan.question.unwrap();
    let labels: Vec<String> = q.choices.iter().map(|c| c.label(Lang::ZhCn)).collect();
    assert_eq!(
        labels,
        [
            "本人（王*明）",
            "配偶（李*）",
            "子女（王*宝）",
            "本单位（杭州******公司）",
            "法定代表人（王*明）",
            "财务负责人（李*）",
            "联络员（王*明）",
            "经办人/代理人（李*）",
        ]
    );
    assert_eq!(q.choices[1].label(Lang::En), "spouse (李*)");
    // No full name, no ID number anywhere in the question.
    let json = serde_json::to_string(&q).unwrap();
    for secret in ["王小明", "李华", "王小宝", "110105", "杭州示例科技有限公司"] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
}

#[test]
fn an_answer_fills_each_block_from_its_person_and_nobody_elses() {
    let demo = Profile::demo();
    let plan = planned(&demo, REALTY, &[(Some(OBLIGOR), SPOUSE)]);
    assert_eq!(
        filled(&plan),
        [
            ("姓名".to_string(), "王小明".to_string()),
            ("证件号码".to_string(), "110105199003071239".to_string()),
            ("联系电话".to_string(), "13800138000".to_string()),
            ("姓名".to_string(), "李华".to_string()),
            ("证件号码".to_string(), "440305198512310421".to_string()),
            ("联系电话".to_string(), "13900139000".to_string()),
        ]
    );
    let q = plan.question.as_ref().unwrap();
    assert_eq!(q.blocks[1].who, Some(SPOUSE));
    assert_eq!(q.blocks[1].how, How::Answer);
    // The answer may change the applicant's block too: the spouse applies, the owner is the
    // obligor, and each block holds its own person's values only.
    let swapped = planned(
        &demo,
        REALTY,
        &[(None, SPOUSE), (Some(OBLIGOR), Who::Owner)],
    );
    assert_eq!(
        values(&swapped),
        [
            "李华",
            "440305198512310421",
            "13900139000",
            "王小明",
            "110105199003071239",
            "13800138000"
        ]
    );
    // A 代办人 (the mandate's agent) is a choice as well.
    let agent = Who::As(RoleRef::new(Role::Agent));
    let plan = planned(&demo, REALTY, &[(Some(OBLIGOR), agent)]);
    assert_eq!(values(&plan)[3], "李华");
}

#[test]
fn nobody_leaves_the_block_empty_with_the_reason() {
    let plan = planned(&Profile::demo(), REALTY, &[(Some(OBLIGOR), Who::Nobody)]);
    assert_eq!(
        values(&plan),
        ["王小明", "110105199003071239", "13800138000"]
    );
    let not: Vec<&NotPlanned> = plan
        .skipped
        .iter()
        .map(|s| &s.why)
        .filter(|w| matches!(w, NotPlanned::NotAssigned(_)))
        .collect();
    assert_eq!(not, [&NotPlanned::NotAssigned(Some(OBLIGOR)); 3]);
    let reason = oncefill::core::i18n::tr(
        Lang::ZhCn,
        "skip-not-assigned",
        &[(
            "role",
            oncefill::core::i18n::Arg::Str(&oncefill::core::people::block_label(
                Lang::ZhCn,
                Some(OBLIGOR),
            )),
        )],
    );
    assert_eq!(reason, "您为“义务人”一栏选了不填");
}

#[test]
fn one_person_is_never_chosen_for_two_blocks() {
    let plan = planned(&Profile::demo(), REALTY, &[(Some(OBLIGOR), SPOUSE)]);
    let q = plan.question.unwrap();
    // The owner already fills the applicant's block.
    assert_eq!(q.taken(Some(OBLIGOR), Who::Owner), Some(None));
    assert_eq!(
        q.refusal(Lang::ZhCn, Some(OBLIGOR), Who::Owner).unwrap(),
        "此人已填在“申请人”一栏，一个人不能同时填两栏。请先把那一栏改成别人或“不填”。"
    );
    // The legal representative is the owner too: refused the same way.
    let rep = Who::As(RoleRef::new(Role::LegalRep));
    assert_eq!(q.taken(Some(OBLIGOR), rep), Some(None));
    // The spouse is taken by the obligor's block: not for the applicant's.
    assert_eq!(q.taken(None, SPOUSE), Some(Some(OBLIGOR)));
    // Choosing again the person a block already has, another person, or nobody: allowed.
    assert_eq!(q.taken(Some(OBLIGOR), SPOUSE), None);
    assert_eq!(
        q.taken(Some(OBLIGOR), Who::As(RoleRef::new(Role::Child))),
        None
    );
    assert_eq!(q.taken(Some(OBLIGOR), Who::Nobody), None);
    assert_eq!(q.taken(None, Who::Nobody), None);
    // A remembered answer that gives a block the person another block has (the woman of a
    // couple answered as the owner, whom the profile makes the man): not filled twice.
    let mut single = Profile::demo();
    single.persons.retain(|p| p.relation != Relation::Spouse);
    let female = RoleRef::new(Role::FemaleParty);
    let plan = planned(&single, COUPLE, &[(Some(female), Who::Owner)]);
    assert_eq!(values(&plan), ["王小明", "110105199003071239"]);
    assert_eq!(
        plan.skipped.iter().map(|s| &s.why).collect::<Vec<_>>(),
        [&NotPlanned::Undecided(female); 2]
    );
}

#[test]
fn the_answer_is_remembered_for_the_form_and_exported_with_its_mapping() {
    const PAGE: &str = "https://bdc.example.gov.cn/sq/dj.html";
    let mut profile = Profile::demo();
    learn::assign(&mut profile.learned, PAGE, Some(OBLIGOR), Who::Nobody);
    // A second answer for the block replaces the first.
    learn::assign(&mut profile.learned, PAGE, Some(OBLIGOR), SPOUSE);
    learn::remember(
        &mut profile.learned,
        PAGE,
        "bz",
        Some(oncefill::core::dictionary::Key::ContactEmail),
    );
    let people = learn::people_for(&profile.learned, PAGE);
    assert_eq!(people, [(Some(OBLIGOR), SPOUSE)]);
    // Next visit: pre-assigned from the answer.
    let plan = planned(&profile, REALTY, &people);
    assert_eq!(values(&plan)[3], "李华");
    // Another page keeps no answer.
    assert!(learn::people_for(&profile.learned, "https://bdc.example.gov.cn/x.html").is_empty());
    // Exported with the page's corrections: the binding, never a value.
    let json = learn::export(&profile.learned);
    assert_eq!(json[0]["people"]["obligor"], "spouse");
    assert_eq!(json[0]["fields"]["bz"], "contact.email");
    let text = json.to_string();
    for secret in ["李华", "440305", "13900139000"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    // Read back, the same answers.
    let back: Vec<LearnedPage> = learn::import(&json).unwrap();
    assert_eq!(back, profile.learned);
    assert_eq!(learn::people_for(&back, PAGE), people);
    // Kept in the profile (and so in its backup).
    let reread = Profile::from_json(&profile.to_json()).unwrap();
    assert_eq!(learn::people_for(&reread.learned, PAGE), people);
    // A file naming a person OnceFill does not know is refused whole.
    let mut bad = json.clone();
    bad[0]["people"]["obligor"] = "李华".into();
    assert_eq!(learn::import(&bad), Err(learn::ImportError::UnknownPerson));
}

#[test]
fn without_answers_the_plan_is_what_it_was() {
    let demo = Profile::demo();
    for html in [REALTY, COUPLE] {
        let fields = scan(&HtmlDom::parse(html));
        let classified = classify_fields(&fields);
        let before = plan(&demo, &fields, &classified, date!(2026 - 12 - 05));
        let after = planned(&demo, html, &[]);
        assert_eq!(before.steps, after.steps);
        assert_eq!(before.skipped, after.skipped);
    }
}

/// Each field's `id` with the text planned for it, in document order.
fn by_id(html: &str, plan: &FillPlan) -> Vec<(String, String)> {
    let fields = scan(&HtmlDom::parse(html));
    plan.steps
        .iter()
        .filter_map(|s| {
            let field = fields.iter().find(|f| f.id == s.field)?;
            match &s.action {
                FillAction::Text { value } => Some((
                    field.html_id.clone().unwrap_or_default(),
                    value.expose().to_string(),
                )),
                _ => None,
            }
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_sites_unmapped_two_person_forms() {
    let demo = Profile::demo();
    // 不动产登记: the applicant (权利人) is the owner; the obligor is whom the person chose.
    let realty = std::fs::read_to_string("www/forms/realty-unmapped.html").unwrap();
    let plan = planned(&demo, &realty, &[(Some(OBLIGOR), SPOUSE)]);
    let q = plan.question.as_ref().unwrap();
    assert_eq!(q.text(Lang::ZhCn), "此表有两位：申请人、义务人，分别是谁？");
    assert_eq!(
        by_id(&realty, &plan),
        pairs(&[
            ("qlr_xm", "王小明"),
            ("qlr_zjhm", "110105199003071239"),
            ("qlr_dh", "13800138000"),
            ("ywr_xm", "李华"),
            ("ywr_zjhm", "440305198512310421"),
            ("ywr_dh", "13900139000"),
        ])
    );
    // The property's own fields are nobody's.
    assert_eq!(plan.skipped.len(), 2);
    // 结婚登记预约: 男方 and 女方 by sex; the emergency contact is asked, and 不填 leaves it
    // empty.
    let marriage = std::fs::read_to_string("www/forms/marriage-unmapped.html").unwrap();
    let contact = Some(RoleRef::new(Role::Contact));
    let plan = planned(&demo, &marriage, &[(contact, Who::Nobody)]);
    let q = plan.question.as_ref().unwrap();
    assert_eq!(
        q.text(Lang::ZhCn),
        "此表有三位：男方、女方、联系人，分别是谁？"
    );
    assert_eq!(
        q.blocks.iter().map(|b| (b.who, b.how)).collect::<Vec<_>>(),
        [
            (Some(Who::Owner), How::BySex),
            (Some(SPOUSE), How::BySex),
            (Some(Who::Nobody), How::Answer)
        ]
    );
    assert_eq!(
        by_id(&marriage, &plan),
        pairs(&[
            ("nf_xm", "王小明"),
            ("vf_xm", "李华"),
            ("nf_csrq", "1990-03-07"),
            ("vf_csrq", "1985-12-31"),
            ("nf_zjhm", "110105199003071239"),
            ("vf_zjhm", "440305198512310421"),
            ("nf_sj", "13800138000"),
            ("vf_sj", "13900139000"),
        ])
    );
    assert_eq!(
        plan.skipped.iter().map(|s| &s.why).collect::<Vec<_>>(),
        [&NotPlanned::NotAssigned(contact); 2]
    );
    // The man of the couple may not be the contact as well.
    assert_eq!(
        q.taken(contact, Who::Owner),
        Some(Some(RoleRef::new(Role::MaleParty)))
    );
}
