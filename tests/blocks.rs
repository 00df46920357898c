//! Several people on one form: which block is whose, from the page (headings, card headers,
//! table columns, id suffixes, the form's title) and then from the profile (男方 and 女方 by
//! sex, 经办人 on a firm's form), and that one person's value never lands in another
//! person's block.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::classify::report::report;
use oncefill::core::classify::{Classification, SkipReason, classify_fields};
use oncefill::core::field::FieldDescriptor;
use oncefill::core::i18n::{Arg, Lang, tr};
use oncefill::core::plan::{FillAction, FillPlan, NotPlanned, plan};
use oncefill::core::profile::{Profile, Relation};
use oncefill::core::role::{Role, RoleRef};
use oncefill::core::scan::{html::HtmlDom, scan};
use time::macros::date;

fn page(html: &str) -> (Vec<FieldDescriptor>, Vec<Classification>) {
    let dom = HtmlDom::parse(html);
    let fields = scan(&dom);
    let classified = classify_fields(&fields);
    (fields, classified)
}

/// Each field's handle, element and whose, as the corpus reports them.
fn whose(html: &str) -> Vec<(String, Option<&'static str>, Option<String>)> {
    let (fields, classified) = page(html);
    report(&fields, &classified)
        .into_iter()
        .map(|r| {
            (
                r.field.unwrap_or_default(),
                r.key.map(|k| k.id()),
                r.role.map(|r| r.to_string()),
            )
        })
        .collect()
}

fn get<'a>(
    rows: &'a [(String, Option<&'static str>, Option<String>)],
    handle: &str,
) -> (Option<&'static str>, Option<&'a str>) {
    let row = rows
        .iter()
        .find(|(h, ..)| h == handle)
        .unwrap_or_else(|| panic!("{handle} not reported: {rows:?}"));
    (row.1, row.2.as_deref())
}

fn planned(profile: &Profile, html: &str) -> FillPlan {
    let (fields, classified) = page(html);
    plan(profile, &fields, &classified, date!(2026 - 12 - 05))
}

/// The text planned for each field, by the field's label.
fn texts(plan: &FillPlan) -> Vec<(String, String)> {
    plan.steps
        .iter()
        .filter_map(|s| match &s.action {
            FillAction::Text { value } => Some((s.label.clone(), value.expose().to_string())),
            _ => None,
        })
        .collect()
}

const COUPLE_CARDS: &str = r#"<html><body><h2>婚姻登记网上预约</h2><form>
    <div class="card"><div class="card-header">男方信息</div>
      <label>姓名 <input name="a_xm"></label><label>证件号码 <input name="a_zjhm"></label></div>
    <div class="card"><div class="card-header">女方信息</div>
      <label>姓名 <input name="b_xm"></label><label>证件号码 <input name="b_zjhm"></label></div>
    </form></body></html>"#;

const COUPLE_COLUMNS: &str = r#"<html><body><form><table>
    <tr><th>项目</th><th>男方</th><th>女方</th></tr>
    <tr><td>姓名</td><td><input name="xm_1"></td><td><input name="xm_2"></td></tr>
    <tr><td>民族</td><td><input name="mz_1"></td><td><input name="mz_2"></td></tr>
    <tr><td>职业</td><td><input name="zy_1"></td><td><input name="zy_2"></td></tr>
    <tr><td>文化程度</td><td><input name="wh_1"></td><td><input name="wh_2"></td></tr>
    <tr><td>出生日期</td><td><input name="cs_1"></td><td><input name="cs_2"></td></tr>
    <tr><td>户籍所在地</td><td><input name="hj_1"></td><td><input name="hj_2"></td></tr>
    <tr><td>身份证件号码</td><td><input name="sf_1"></td><td><input name="sf_2"></td></tr>
    <tr><td>手机号码</td><td><input name="sj_1"></td><td><input name="sj_2"></td></tr>
    </table></form></body></html>"#;

#[test]
fn the_man_and_the_woman_of_a_couple_are_blocks_of_their_own() {
    let rows = whose(COUPLE_CARDS);
    assert_eq!(
        get(&rows, "a_xm"),
        (Some("person.name"), Some("male_party"))
    );
    assert_eq!(
        get(&rows, "b_zjhm"),
        (Some("person.id_number"), Some("female_party"))
    );
    // In a table whose header row names the columns, down to the eighth row.
    let rows = whose(COUPLE_COLUMNS);
    for (handle, role) in [("xm_1", "male_party"), ("xm_2", "female_party")] {
        assert_eq!(get(&rows, handle), (Some("person.name"), Some(role)));
    }
    for (handle, role) in [("sj_1", "male_party"), ("sj_2", "female_party")] {
        assert_eq!(get(&rows, handle), (Some("contact.mobile"), Some(role)));
    }
}

#[test]
fn the_profile_tells_the_man_from_the_woman_by_sex() {
    // The demo household: the owner is a man, the spouse a woman.
    let profile = Profile::demo();
    let plan = planned(&profile, COUPLE_CARDS);
    let by_field: Vec<(String, String)> = texts(&plan);
    assert_eq!(
        by_field.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(),
        ["王小明", "110105199003071239", "李华", "440305198512310421"]
    );
    // Without a spouse, the woman's block is nobody's the profile can name: it stays empty,
    // with the reason, and the owner's values stay in his own block.
    let mut single = Profile::demo();
    single.persons.retain(|p| p.relation != Relation::Spouse);
    let plan = planned(&single, COUPLE_CARDS);
    assert_eq!(
        texts(&plan)
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>(),
        ["王小明", "110105199003071239"]
    );
    assert_eq!(plan.skipped.len(), 2);
    for s in &plan.skipped {
        assert_eq!(
            s.why,
            NotPlanned::Undecided(RoleRef::new(Role::FemaleParty)),
            "{}",
            s.label
        );
    }
    let message = tr(Lang::ZhCn, "skip-undecided", &[("role", Arg::Str("女方"))]);
    assert!(
        message.starts_with("此栏属于女方，无法确定是谁"),
        "{message}"
    );
    assert!(
        tr(
            Lang::En,
            "skip-undecided",
            &[("role", Arg::Str("female party"))]
        )
        .contains("cannot be told")
    );
}

const KINDERGARTEN: &str = r#"<html><body><h1>2025年适龄幼儿入园信息登记</h1><form>
    <div class="panel"><h3>一、基本信息</h3>
      <label>姓名 <input name="xm"></label><label>证件号码 <input name="zjhm"></label>
      <label>是否独生子女 <input type="checkbox" name="ds"></label></div>
    <div class="panel"><h3>二、父亲信息</h3>
      <label>姓名 <input name="fq_xm"></label><label>手机号码 <input name="fq_sj"></label></div>
    <div class="panel"><h3>三、母亲信息</h3>
      <label>姓名 <input name="mq_xm"></label><label>手机号码 <input name="mq_sj"></label></div>
    </form></body></html>"#;

#[test]
fn on_a_form_about_a_child_the_unmarked_block_is_the_childs() {
    let rows = whose(KINDERGARTEN);
    assert_eq!(get(&rows, "xm"), (Some("person.name"), Some("child[0]")));
    assert_eq!(
        get(&rows, "zjhm"),
        (Some("person.id_number"), Some("child[0]"))
    );
    assert_eq!(
        get(&rows, "fq_xm"),
        (Some("person.name"), Some("childs_father"))
    );
    assert_eq!(
        get(&rows, "mq_sj"),
        (Some("contact.mobile"), Some("childs_mother"))
    );
    let plan = planned(&Profile::demo(), KINDERGARTEN);
    let values: Vec<String> = texts(&plan).into_iter().map(|(_, v)| v).collect();
    assert_eq!(values[0], "王小宝", "the child's name, not the owner's");
    assert!(
        !values[1].starts_with("110105199003"),
        "the owner's ID number never goes into the child's block"
    );
    assert_eq!(
        &values[2..],
        ["王小明", "13800138000", "李华", "13900139000"]
    );
    // The same blocks under a title about no child are the applicant's.
    let adult = KINDERGARTEN.replace("2025年适龄幼儿入园信息登记", "居住登记");
    let rows = whose(&adult);
    assert_eq!(get(&rows, "xm"), (Some("person.name"), None));
}

#[test]
fn the_person_doing_a_childs_errand_is_the_owner() {
    let html = r#"<html><body><div class="page-title">城乡居民医疗保险参保登记（学生、儿童）</div>
        <form><div class="el-card"><div class="el-card__header">参保人信息</div>
          <label>姓名 <input name="cbr_xm"></label><label>公民身份号码 <input name="cbr_sfzh"></label></div>
        <div class="el-card"><div class="el-card__header">代办人信息</div>
          <label>姓名 <input name="dbr_xm"></label><label>与参保人关系 <input name="dbr_gx"></label>
          <label>手机号码 <input name="dbr_sj"></label></div></form></body></html>"#;
    let rows = whose(html);
    assert_eq!(
        get(&rows, "cbr_xm"),
        (Some("person.name"), Some("child[0]"))
    );
    assert_eq!(
        get(&rows, "cbr_sfzh"),
        (Some("person.id_number"), Some("child[0]"))
    );
    assert_eq!(get(&rows, "dbr_xm"), (Some("person.name"), None));
    assert_eq!(get(&rows, "dbr_sj"), (Some("contact.mobile"), None));
    // The owner has no relation of a mandate to give.
    assert_eq!(get(&rows, "dbr_gx"), (None, None));
    // A student applying in person is not a child the owner applies for.
    let scholarship = html.replace(
        "城乡居民医疗保险参保登记（学生、儿童）",
        "奖学金申请（学生）",
    );
    let rows = whose(&scholarship);
    assert_ne!(get(&rows, "cbr_xm").1, Some("child[0]"));
}

#[test]
fn rows_told_apart_by_id_suffixes_are_separate_people() {
    let html = r#"<html><body><form><h3>共同申请的家庭成员</h3><table>
        <thead><tr><th>姓名</th><th>与申请人关系</th><th>身份证号</th></tr></thead><tbody>
        <tr><td><input id="cy_xm_0"></td><td><input id="cy_gx_0"></td><td><input id="cy_sfzh_0"></td></tr>
        <tr><td><input id="cy_xm_1"></td><td><input id="cy_gx_1"></td><td><input id="cy_sfzh_1"></td></tr>
        </tbody></table></form></body></html>"#;
    let rows = whose(html);
    assert_eq!(
        get(&rows, "cy_xm_0"),
        (Some("person.name"), Some("member[0]"))
    );
    assert_eq!(
        get(&rows, "cy_sfzh_1"),
        (Some("person.id_number"), Some("member[1]"))
    );
    assert_eq!(
        get(&rows, "cy_gx_1"),
        (Some("agent.relation"), Some("member[1]"))
    );
}

#[test]
fn a_role_word_beside_words_the_rules_do_not_know_is_not_a_name() {
    let html = r#"<html><body><form><table>
        <tr><th></th><th>本人</th><th>配偶</th></tr>
        <tr><td>姓名</td><td><input name="xm1"></td><td><input name="xm2"></td></tr>
        <tr><td>月收入（元）</td><td><input name="sr1"></td><td><input name="sr2"></td></tr>
        </table><label>代理人 <input name="dlr"></label></form></body></html>"#;
    let rows = whose(html);
    assert_eq!(get(&rows, "xm1"), (Some("person.name"), None));
    assert_eq!(get(&rows, "xm2"), (Some("person.name"), Some("spouse")));
    assert_eq!(
        get(&rows, "sr2").0,
        None,
        "月收入 × 配偶 is not the spouse's name"
    );
    // A role word alone still asks for the person's name.
    assert_eq!(get(&rows, "dlr"), (Some("person.name"), Some("agent")));
}

#[test]
fn a_wrapped_selects_options_are_not_its_label() {
    let html = r#"<html><body><form><fieldset><legend>义务人</legend>
        <label>身份证件种类 <select name="zjzl"><option value="">请选择</option><option>居民身份证</option><option>护照</option></select></label>
        <label>证件号 <input name="zjh"></label></fieldset></form></body></html>"#;
    let rows = whose(html);
    assert_eq!(
        get(&rows, "zjzl"),
        (Some("person.id_type"), Some("obligor"))
    );
    assert_eq!(
        get(&rows, "zjh"),
        (Some("person.id_number"), Some("obligor"))
    );
    // Nobody in the profile is the other party: refused with the reason, never the owner's.
    let plan = planned(&Profile::demo(), html);
    assert!(plan.steps.is_empty(), "{:?}", texts(&plan));
    for s in &plan.skipped {
        assert_eq!(
            s.why,
            NotPlanned::Skipped(SkipReason::OtherParty("义务人".into()))
        );
    }
}

#[test]
fn a_firms_legal_forms_are_not_its_category() {
    let html = r#"<html><body><form><label>单位名称 <input name="dwmc"></label>
        <label>统一社会信用代码 <input name="uscc"></label>
        <label>单位性质 <select name="dwxz"><option value="">请选择</option><option>有限责任公司</option><option>股份有限公司</option></select></label>
        </form></body></html>"#;
    let rows = whose(html);
    assert_eq!(get(&rows, "dwmc").0, Some("firm.name"));
    assert_eq!(get(&rows, "dwxz").0, None);
}

const FIRM_AND_AGENT: &str = r#"<html><body><form><h3>单位基本信息</h3>
    <label>单位名称 <input name="dwmc"></label><label>统一社会信用代码 <input name="uscc"></label>
    <h3>经办人信息</h3><label>姓名 <input name="jbr_xm"></label><label>手机号码 <input name="jbr_sj"></label>
    </form></body></html>"#;

#[test]
fn on_a_firms_form_without_a_mandate_the_agent_is_the_owner() {
    let rows = whose(FIRM_AND_AGENT);
    assert_eq!(get(&rows, "jbr_xm"), (Some("person.name"), Some("agent")));
    let mut profile = Profile::demo();
    profile.agents.clear();
    let plan = planned(&profile, FIRM_AND_AGENT);
    let values: Vec<String> = texts(&plan).into_iter().map(|(_, v)| v).collect();
    assert_eq!(
        values,
        [
            "杭州示例科技有限公司",
            "91330106MA2H3K7D8R",
            "王小明",
            "13800138000"
        ]
    );
    // On a person's form the agent is somebody else: without a mandate, refused.
    let personal = FIRM_AND_AGENT.replace(
        r#"<h3>单位基本信息</h3>
    <label>单位名称 <input name="dwmc"></label><label>统一社会信用代码 <input name="uscc"></label>"#,
        r#"<h3>申请人信息</h3><label>民族 <input name="mz"></label>"#,
    );
    let plan = planned(&profile, &personal);
    assert!(
        plan.steps.iter().all(|s| s.role.is_none()),
        "{:?}",
        texts(&plan)
    );
    assert!(
        plan.skipped
            .iter()
            .any(|s| s.why == NotPlanned::Skipped(SkipReason::OtherParty(Role::Agent.zh().into())))
    );
}

#[test]
fn a_form_about_one_child_of_several_is_left_to_the_person() {
    let mut profile = Profile::demo();
    let mut second = profile
        .persons
        .iter()
        .find(|p| p.relation == Relation::Child)
        .unwrap()
        .clone();
    second.id = "p9".into();
    profile.persons.push(second);
    let plan = planned(&profile, KINDERGARTEN);
    // The parents' blocks are still theirs; the child's block is nobody's yet.
    let values: Vec<String> = texts(&plan).into_iter().map(|(_, v)| v).collect();
    assert_eq!(values, ["王小明", "13800138000", "李华", "13900139000"]);
    let undecided: Vec<&NotPlanned> = plan
        .skipped
        .iter()
        .map(|s| &s.why)
        .filter(|w| matches!(w, NotPlanned::Undecided(_)))
        .collect();
    assert_eq!(
        undecided,
        [&NotPlanned::Undecided(RoleRef::parse("child[0]").unwrap()); 2]
    );
    // Rows of several children are the profile's children in order.
    let rows = r#"<html><body><form><h3>子女信息</h3><table>
        <tr><th>姓名</th><th>身份证号</th></tr>
        <tr><td><input name="zn_xm_0"></td><td><input name="zn_sfzh_0"></td></tr>
        <tr><td><input name="zn_xm_1"></td><td><input name="zn_sfzh_1"></td></tr>
        </table></form></body></html>"#;
    let plan = planned(&profile, rows);
    assert_eq!(plan.steps.len(), 4, "{:?}", plan.skipped);
}
