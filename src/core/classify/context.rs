//! Context passes: what a field means given its neighbours and the block it stands in.
//!
//! Run in this order over a page's fields (each form on its own):
//!
//! 1. **Whose**: a field's own words (法定代表人姓名, `lxr_sjhm`) say whose it is; otherwise the
//!    nearest section heading that names a role or the applicant (法定代表人信息, 三、经办人
//!    信息, 股东（发起人）出资情况, Emergency contact), looking outwards through enclosing
//!    headings. A heading counts only when it is about a block (a role word and little else;
//!    not 法定代表人变更登记申请书). 男方 and 女方 are roles of their own, which the profile
//!    resolves by sex.
//!    On a form whose title is about a child (幼儿园入园, 儿童参保) and that names no block of
//!    the child's, the unmarked blocks are the child's, and so is the applicant's when somebody
//!    else (代办人) does the errand; that somebody is the owner. The fields of one
//!    `section-*` autofill token are one block: whose its marked fields are, its unmarked
//!    fields are.
//! 2. **Person or firm**: 住所, 单位名称, 银行账号 mean the firm's element on a firm's form
//!    (one that asks for a firm's name, code, capital or scope) unless the field stands in a
//!    person's block; elsewhere the person's.
//! 3. **Periods**: a label such as 有效期限 over two date fields gives the start and the end.
//! 4. **Split fields**: year/month/day selects (or boxes) hold one date; an area-code box and
//!    a number box hold one landline; province → city → county selects are one address
//!    picker, and the box after it holds the rest of the address (no element of its own).
//!    An address under a heading about new values (新地址, Your new address) is not the
//!    profile's.
//! 5. **Roles**: repeated blocks of roles several people hold (股东, 董事、监事、经理, 子女)
//!    are numbered in order, so each row is its own person.
//!
//! Then, after the control checks, [`refuse_duplicates`]: two fields of one form asking for
//! the same element of the same person (and part) are both left empty.

use std::collections::HashMap;

use super::rules::{LABEL_RULES, Role, Target};
use super::{
    Classification, Draft, Final, Own, Part, Reason, SkipReason, Verdict, Whose, find_hits, units,
};
use crate::core::dictionary::{Group, Key, ValueType};
use crate::core::field::{Control, FieldDescriptor};
use crate::core::role::RoleRef;

/// A field classified on its own: no neighbours, no headings.
pub(super) fn alone(own: Own) -> Final {
    let role = match own.whose {
        Whose::Role(r) => Some(RoleRef::new(r)),
        _ => None,
    };
    let draft = match own.draft {
        Draft::Either {
            person: Some(key),
            reason,
            ..
        } => Draft::Key { key, reason },
        Draft::RoleOnly { reason } if role.is_some() => Draft::Key {
            key: Key::PersonName,
            reason,
        },
        other => other,
    };
    Final {
        draft,
        role,
        part: own.part,
    }
}

/// Words that make a heading a document's title or a note rather than a block's heading.
const NOT_A_BLOCK: &[&str] = &[
    "申请书",
    "申请表",
    "登记表",
    "登记书",
    "变更",
    "备案",
    "承诺",
    "声明",
    "说明",
    "须知",
    "注意",
    "授权委托书",
];

/// Strips the numbering of a heading: 一、 （二） 3. 第四部分.
fn strip_numbering(text: &str) -> &str {
    let mut rest = text.trim();
    // 第四部分, 第二章: an ordinal only when a unit of a document follows it (第三人 is a
    // party to a case, not the third of something).
    if let Some(after) = rest.strip_prefix('第') {
        let numeral = after
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        if numeral.len() < after.len()
            && let Some(r) = ["部分", "章", "节", "项", "页"]
                .iter()
                .find_map(|u| numeral.strip_prefix(u))
        {
            rest = r;
        }
    }
    for _ in 0..6 {
        let Some(c) = rest.chars().next() else { break };
        if c.is_ascii_digit()
            || "一二三四五六七八九十、.．)）(（:：- ".contains(c)
            || c.is_whitespace()
        {
            rest = &rest[c.len_utf8()..];
        } else {
            break;
        }
    }
    rest
}

/// The text without parenthesised parts: 股东（发起人）出资情况 → 股东出资情况.
pub(super) fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of the registry's forms for the two sides of a registration, whoever they are
/// in a given one (权利人 the side that acquires a right, 义务人 the side that gives one).
const GENERIC_PARTIES: &[&str] = &["权利人", "义务人"];

/// The parenthesised parts of a text: 义务人（抵押人） → 抵押人.
fn parenthesised(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => {
                depth += 1;
                out.push(' ');
            }
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whose block a parenthesis names on its own: one role, else the applicant.
fn block_of(hits: &[super::Hit]) -> Option<Whose> {
    let roles = super::roles_of(hits);
    match roles.as_slice() {
        [r] => Some(Whose::Role(*r)),
        [] if hits.iter().any(|h| h.target == Target::Applicant) => Some(Whose::Applicant),
        _ => None,
    }
}

/// The two sides of a change of who holds a role, as a heading's first words say: before the
/// change (变更前) or after it (变更后).
const CHANGE_SIDES: [(&str, bool); 4] = [
    ("变更前的", false),
    ("变更前", false),
    ("变更后的", true),
    ("变更后", true),
];

/// A heading about one side of a change of who holds a role (变更前法定代表人): the rest of the
/// heading, and whether it is the side after the change.
fn change_side(text: &str) -> Option<(&str, bool)> {
    CHANGE_SIDES
        .iter()
        .find_map(|(w, after)| text.strip_prefix(w).map(|rest| (rest, *after)))
}

/// Whose block a heading opens, if it says.
fn heading_whose(text: &str) -> Option<Whose> {
    let stripped = strip_numbering(text);
    // A change of who holds a role (变更前法定代表人, 变更后法定代表人（拟任）): before it, the
    // holder as registered now, whom the profile holds; after it, somebody the profile does
    // not hold yet (the new values of a change are never the profile's current ones).
    if let Some((rest, after)) = change_side(stripped) {
        return match heading_whose(rest) {
            Some(Whose::Role(_)) if after => Some(Whose::Role(Role::Other)),
            Some(Whose::Role(r)) => Some(Whose::Role(r)),
            _ => None,
        };
    }
    if NOT_A_BLOCK.iter().any(|w| stripped.contains(w)) {
        return None;
    }
    // Words outside parentheses say whose the block is (监护人信息（申领人未满十六周岁的填写）);
    // a parenthesis names the role when the words outside do not (申请人情况（义务人）,
    // 主要人员（董事、监事、经理）信息).
    // A parenthesis that lists alternatives (申请人（子女或委托人）) does not.
    let outside = find_hits(&without_parentheses(stripped), LABEL_RULES);
    let is_role = |h: &super::Hit| matches!(h.target, Target::Role(_));
    // The registry's generic words for the two sides (权利人, 义务人) say which side, and a
    // parenthesis says who that side is in this registration (义务人（抵押人）: the owner, who
    // mortgages his property; 权利人（抵押权人）: the bank): the parenthesis decides.
    let inner = find_hits(&parenthesised(stripped), LABEL_RULES);
    // A parenthesis that names only whose account a block is (发放账户（监护人账户）) names the
    // block's person when the words outside name nobody.
    if !outside
        .iter()
        .any(|h| is_role(h) || h.target == Target::Applicant)
        && let [role] = super::roles_of(&inner).as_slice()
        && let Some(word) = inner.iter().find(|h| h.target == Target::Role(*role))
        && ["", "账户", "的账户"].contains(
            &parenthesised(stripped)
                .trim()
                .replacen(word.word, "", 1)
                .as_str(),
        )
    {
        return Some(Whose::Role(*role));
    }
    // A parenthesis that is only the applicant's word (评估对象（参保人）信息) names the block's
    // person when the words outside name nobody: the applicant.
    if !outside
        .iter()
        .any(|h| is_role(h) || h.target == Target::Applicant)
        && let [word] = inner.as_slice()
        && word.target == Target::Applicant
        && parenthesised(stripped).trim() == word.word
    {
        return Some(Whose::Applicant);
    }
    if !outside.is_empty()
        && outside.iter().all(|h| GENERIC_PARTIES.contains(&h.word))
        && inner
            .iter()
            .any(|h| is_role(h) || h.target == Target::Applicant)
    {
        return block_of(&inner);
    }
    // The operator of a business is its head: 经营者（负责人） is the applicant who runs it, not
    // a legal representative beside him.
    if outside.iter().any(|h| h.word == "经营者")
        && super::roles_of(&inner).as_slice() == [Role::LegalRep]
        && !outside.iter().any(is_role)
    {
        return Some(Whose::Applicant);
    }
    let hits = if outside.iter().any(is_role) {
        outside
    } else {
        let all = find_hits(stripped, LABEL_RULES);
        let inside = all.len().saturating_sub(outside.len());
        let roles = super::roles_of(&all);
        let inside_applicant = all.iter().filter(|h| h.target == Target::Applicant).count()
            > outside
                .iter()
                .filter(|h| h.target == Target::Applicant)
                .count();
        if roles.len() == 1 && !inside_applicant && inside > 0 {
            all
        } else {
            outside
        }
    };
    let mut roles: Vec<(Role, &str)> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Role(r) => Some((r, h.word)),
            _ => None,
        })
        .collect();
    crate::core::order::sort_by_key(&mut roles, |(r, ..)| *r);
    roles.dedup_by_key(|(r, ..)| *r);
    let applicant = hits.iter().any(|h| h.target == Target::Applicant);
    match (roles.as_slice(), applicant) {
        ([], true) => Some(Whose::Applicant),
        ([(role, _)], _) => {
            // A block's heading is little more than the role: 法定代表人信息, 股东（发起人）出资
            // 情况, 主要人员（董事、监事、经理）信息 — not a sentence that mentions one. The
            // role may be named twice (指定代表或者委托代理人): all its words count.
            let n = units(&without_parentheses(stripped)).len();
            let said: usize = hits
                .iter()
                .filter(|h| h.target == Target::Role(*role))
                .map(|h| units(h.word).len())
                .sum();
            (n <= said + 5).then_some(Whose::Role(*role))
        }
        ([], false) => somebody(stripped).then_some(Whose::Somebody),
        _ => None,
    }
}

/// Whether a heading or row label names a person the rules do not know (老人信息, 食品安全
/// 管理人员): a block about somebody, not the applicant's.
fn somebody(text: &str) -> bool {
    let bare = bare_heading(text);
    let n = bare.chars().count();
    (2..=10).contains(&n)
        && !["个人", "本人", "个体", "工作人员", "经办人员"]
            .iter()
            .any(|w| bare.ends_with(w))
        && ['人', '员', '者'].iter().any(|c| bare.ends_with(*c))
}

/// A heading or row label without its parentheses and its 信息, 情况 or colon at the end.
fn bare_heading(text: &str) -> String {
    let mut bare = without_parentheses(text).trim().to_string();
    for suffix in [
        "基本信息",
        "基本情况",
        "信息",
        "情况",
        "资料",
        "資料",
        "：",
        ":",
    ] {
        if let Some(b) = bare.strip_suffix(suffix) {
            bare = b.trim().to_string();
        }
    }
    bare
}

/// Whether a heading or a table's group cell names a body by a name of five or more
/// characters ending in 单位 or 机构 that is no word of the rules for the applicant's employer
/// or firm, a role or the applicant (原档案保管单位, 业务主管单位: the body that keeps his file,
/// the one that supervises). Its block's persons', contacts', documents' and addresses'
/// elements are that body's, none the profile holds.
fn names_another_body(text: &str) -> bool {
    let bare = bare_heading(strip_numbering(text));
    let n = bare.chars().count();
    ((5..=12).contains(&n) && ["单位", "机构"].iter().any(|w| bare.ends_with(w))
        || (2..=12).contains(&n) && BODY_KINDS.iter().any(|w| bare.ends_with(w)))
        && !find_hits(&bare, LABEL_RULES).iter().any(|h| {
            matches!(
                h.target,
                Target::Key(_)
                    | Target::Either(..)
                    | Target::Range(..)
                    | Target::Role(_)
                    | Target::Applicant
            )
        })
}

/// Kinds of body a heading may name (就诊医院, 原就读学校, 免疫医院): a hospital, a school, a
/// court or a police station is never the applicant; on a person's form it is not his firm
/// either. (A form whose firm is such a body asks for its name or code in that block, and
/// [`run`] leaves that block alone.)
const BODY_KINDS: &[&str] = &[
    "医院",
    "卫生院",
    "学校",
    "幼儿园",
    "法院",
    "派出所",
    "公证处",
    "福利院",
    "殡仪馆",
    "醫院",
    "學校",
];

/// Whose a row label names: any role word (法定代表人或负责人, 代理人姓名), or the applicant;
/// a relation (与死者关系) names nobody's block.
fn row_whose(text: &str) -> Option<Whose> {
    if ["关系", "關係", "relationship"]
        .iter()
        .any(|w| text.to_ascii_lowercase().contains(w))
    {
        return None;
    }
    let hits = find_hits(text, LABEL_RULES);
    let roles = super::roles_of(&hits);
    match roles.as_slice() {
        [r] => Some(Whose::Role(*r)),
        [] if hits.iter().any(|h| h.target == Target::Applicant) => Some(Whose::Applicant),
        [] if !hits.iter().any(|h| matches!(h.target, Target::Key(_))) && somebody(text) => {
            Some(Whose::Role(Role::Other))
        }
        _ => None,
    }
}

/// The context role of a field: its table row's label, else the innermost heading that says,
/// looking outwards.
fn section_whose<'a>(
    field: &'a FieldDescriptor,
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> Whose {
    if let Some(w) = field.row_label.as_deref().and_then(row_whose)
        && !names_the_firm(field)
    {
        return w;
    }
    heading_block_whose(field, cache)
}

/// Whether a field's own label says it is the firm's (单位联系电话, 企业邮箱): in the row of a
/// person's field (经办人手机 [ ] 单位联系电话 [ ]) it is still not that person's.
fn names_the_firm(field: &FieldDescriptor) -> bool {
    field.label.as_deref().is_some_and(|l| {
        let l = strip_numbering(l.trim());
        ["单位", "企业", "公司"].iter().any(|w| l.starts_with(w))
    })
}

/// Whose block a field stands in by its headings alone, looking outwards.
fn heading_block_whose<'a>(
    field: &'a FieldDescriptor,
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> Whose {
    field
        .section
        .iter()
        .chain(field.outer_sections.iter().rev())
        .find_map(|h| *cache.entry(h.as_str()).or_insert_with(|| heading_whose(h)))
        .unwrap_or(Whose::Unsaid)
}

fn is_date(key: Key) -> bool {
    matches!(
        key.element().value,
        ValueType::PastDate | ValueType::Date | ValueType::DateOrLongTerm
    )
}

fn is_text_box(field: &FieldDescriptor) -> bool {
    matches!(
        field.input_type(),
        "text" | "tel" | "number" | "search" | ""
    )
}

/// Which part of a date a field looks like: a select of years, months or days, or a box
/// labelled 年/月/日 (or YYYY/MM/DD).
fn date_part(field: &FieldDescriptor) -> Option<Part> {
    match field.control {
        Control::Select => {
            let nums: Vec<u32> = field
                .options
                .iter()
                .filter_map(|o| {
                    o.text
                        .trim()
                        .trim_end_matches(['年', '月', '日', '号'])
                        .trim()
                        .parse::<u32>()
                        .ok()
                })
                .collect();
            let all = |lo: u32, hi: u32| nums.iter().all(|n| (lo..=hi).contains(n));
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let month_names = field
                .options
                .iter()
                .filter(|o| {
                    let t = o.text.trim().to_ascii_lowercase();
                    t.len() >= 3 && MONTHS.iter().any(|m| t.starts_with(m))
                })
                .count();
            // The empty first option often names the part: 年, 月, 日 (请选择年).
            let marker = field
                .options
                .iter()
                .find(|o| o.value.trim().is_empty())
                .map(|o| o.text.trim().to_string())
                .unwrap_or_default();
            let marked = |c: char| marker.ends_with(c) && !nums.is_empty();
            if month_names >= 12 {
                Some(Part::Month)
            } else if marked('年') && all(1900, 2100) {
                Some(Part::Year)
            } else if marked('月') && all(1, 12) {
                Some(Part::Month)
            } else if (marked('日') || marked('号')) && all(1, 31) {
                Some(Part::Day)
            } else if nums.len() >= 10 && all(1900, 2100) {
                Some(Part::Year)
            } else if (11..=13).contains(&nums.len()) && all(1, 12) && nums.contains(&12) {
                Some(Part::Month)
            } else if (28..=32).contains(&nums.len()) && all(1, 31) && nums.contains(&28) {
                Some(Part::Day)
            } else {
                None
            }
        }
        Control::Input { .. } if is_text_box(field) => {
            let says = |t: &str| {
                let t = t.trim();
                match t {
                    "年" | "年份" | "YYYY" | "yyyy" => Some(Part::Year),
                    "月" | "月份" | "MM" | "mm" => Some(Part::Month),
                    "日" | "DD" | "dd" => Some(Part::Day),
                    _ => None,
                }
            };
            field
                .placeholder
                .as_deref()
                .and_then(says)
                .or_else(|| {
                    let u = units(field.name.as_deref().unwrap_or_default());
                    match u.last().map(String::as_str) {
                        Some("year" | "nian") => Some(Part::Year),
                        Some("month" | "yue") => Some(Part::Month),
                        Some("day" | "ri") => Some(Part::Day),
                        _ => None,
                    }
                })
                .or_else(|| field.label.as_deref().and_then(says))
        }
        _ => None,
    }
}

/// The first date element named by a field's label, placeholder or headings.
fn date_key_near(field: &FieldDescriptor) -> Option<Key> {
    [
        field.label.as_ref(),
        field.placeholder.as_ref(),
        field.section.as_ref(),
    ]
    .into_iter()
    .flatten()
    .chain(field.outer_sections.iter().rev())
    .find_map(|t| {
        find_hits(t, LABEL_RULES)
            .into_iter()
            .find_map(|h| match h.target {
                Target::Key(k) if is_date(k) => Some(k),
                _ => None,
            })
    })
}

/// Whether a draft leaves room for context to decide (nothing found, or only a label such as
/// 年 or 至 that names nothing).
fn open(d: &Draft) -> bool {
    matches!(
        d,
        Draft::Skip(SkipReason::Unrecognised | SkipReason::NotInDictionary(_))
    )
}

fn draft_key(d: &Draft) -> Option<Key> {
    match d {
        Draft::Key { key, .. } => Some(*key),
        _ => None,
    }
}

/// Whether the fields are neighbours in one form.
fn together(a: &FieldDescriptor, b: &FieldDescriptor) -> bool {
    a.form == b.form && a.visible && b.visible && (!b.disabled || b.awaits_options()) && !b.readonly
}

/// A firm's form: one that asks, outside any person's block, for a firm's own element.
fn firm_forms(fields: &[FieldDescriptor], owns: &[Own]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    for (f, o) in fields.iter().zip(owns) {
        if let Draft::Key { key, .. } = o.draft
            && key.element().group == Group::Firm
            && !matches!(o.whose, Whose::Role(_))
            && !out.contains(&f.form)
        {
            out.push(f.form.clone());
        }
    }
    out
}

/// Headings of blocks that ask for new values (an address one moves to, what a change makes
/// of a record): the profile's current address is not what they want.
const NEW_VALUES: &[&str] = &[
    "新地址",
    "新住址",
    "迁入地",
    "迁往",
    "拟落户",
    "拟迁入",
    "变更后",
    "new address",
    "moving to",
    "forwarding address",
];

fn asks_new_values(field: &FieldDescriptor) -> Option<&str> {
    field
        .section
        .iter()
        .chain(&field.outer_sections)
        .find(|h| {
            let h = h.to_ascii_lowercase();
            NEW_VALUES.iter().any(|w| h.contains(w))
        })
        .map(String::as_str)
}

/// Words of a heading about a vehicle changing hands (转移登记, 过户): the vehicle is the
/// case's, not the applicant's own vehicle the profile holds.
const TRANSFERS: &[&str] = &["转移登记", "过户"];

/// The heading of a field that names a transfer of what it asks about, if any.
fn about_a_transfer(field: &FieldDescriptor) -> Option<&str> {
    field
        .section
        .iter()
        .chain(&field.outer_sections)
        .find(|h| TRANSFERS.iter().any(|w| h.contains(w)))
        .map(String::as_str)
}

/// Words of a heading over what a records query asks about (查询内容: a property and whoever
/// holds it): the case's, which may be somebody else's, not the applicant's own.
const QUERIES: &[&str] = &["查询内容", "查询事项", "查询对象", "被查询"];

/// Words that name an animal (犬只信息, 宠物信息).
const ANIMALS: &[&str] = &["犬", "宠物", "动物", "猫"];

/// Whether a heading is about an animal and names no person (犬只信息, not 养犬人信息 or
/// 宠物主人).
fn about_an_animal(heading: &str) -> bool {
    ANIMALS.iter().any(|w| heading.contains(w))
        && !heading.contains('人')
        && !heading.contains('主')
}

/// The innermost heading of a field when it is about an animal or about what a query asks
/// for: a block whose persons' and documents' elements are nobody's the profile holds.
fn about_a_thing(field: &FieldDescriptor) -> Option<&str> {
    field
        .section
        .as_deref()
        .filter(|h| about_an_animal(h) || QUERIES.iter().any(|w| h.contains(w)))
}

/// Runs the context passes; one [`Final`] per field, in order.
pub(super) fn run(
    fields: &[FieldDescriptor],
    mut owns: Vec<Own>,
    options: &[Option<(Key, &'static str)>],
) -> Vec<Final> {
    // 1. Whose: the field's own words, else its headings (each heading read once).
    let mut headings: HashMap<&str, Option<Whose>> = HashMap::new();
    let mut whose: Vec<Whose> = fields
        .iter()
        .zip(&owns)
        .map(|(f, o)| match o.whose {
            Whose::Unsaid => section_whose(f, &mut headings),
            w => w,
        })
        .collect();
    // On a form about a child (入园, 入学, 学生、儿童 in its title) with no block of its own
    // for the child or the applicant, the unmarked blocks and the block of a person the rules
    // do not know (参保人信息) are the child's, and whoever does the errand for the child
    // (代办人, 经办人) is the owner, the child's parent.
    about_a_child(fields, &mut owns, &mut whose, &mut headings);
    // A block about a person the rules do not know is the applicant's, unless the form has a
    // block of its own for the applicant: a field of the applicant's that asks for something
    // (a promise box, 本人承诺…, is no block).
    let applicant_forms: Vec<&Option<String>> = fields
        .iter()
        .zip(&whose)
        .zip(&owns)
        .filter(|((_, w), o)| **w == Whose::Applicant && !matches!(o.draft, Draft::Skip(_)))
        .map(|((f, _), _)| &f.form)
        .collect();
    // On a form with no block of the applicant's, a block about a person the rules do not
    // know is the applicant's only when it is the form's one such block: with two (患者信息
    // and 陪护人信息), which one is the applicant's is a guess, so their persons' fields are
    // refused.
    // On a firm's form (one that asks for a firm's own name or code outside any person's and
    // any other body's block) the applicant is the firm: a person the rules do not know
    // (卫生管理员) is one of its people, somebody else, not the applicant.
    let firms_own: Vec<&Option<String>> = fields
        .iter()
        .zip(&owns)
        .zip(&whose)
        .filter(|((f, o), w)| {
            matches!(w, Whose::Unsaid | Whose::Applicant)
                && matches!(
                    o.draft,
                    Draft::Key {
                        key: Key::FirmName | Key::FirmUscc,
                        ..
                    }
                )
                && ![f.row_label.as_deref(), f.section.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(names_another_body)
        })
        .map(|((f, _), _)| &f.form)
        .collect();
    let rows = list_rows(fields);
    let unknown = unknown_blocks(fields, &whose, &applicant_forms, &rows, &mut headings);
    for (i, f) in fields.iter().enumerate() {
        if whose[i] != Whose::Somebody {
            continue;
        }
        whose[i] = if applicant_forms.contains(&&f.form)
            || firms_own.contains(&&f.form)
            || block_heading(f, &mut headings).is_some_and(acted_upon)
        {
            Whose::Role(Role::Other)
        } else {
            Whose::Unsaid
        };
        if let Some(block) = &unknown[i]
            && persons_field(&owns[i].draft)
        {
            owns[i].draft = Draft::Skip(SkipReason::WhoseUnknown(block.clone()));
            owns[i].part = None;
        }
    }
    // A `section-*` autofill token makes a block: whose its fields are, when their words and
    // headings name one person only, is whose its unmarked fields are.
    section_blocks(fields, &mut whose);
    // Rows of a list of people (职工 `zg_xm_0`, `zg_xm_1`): a person's element in a row that
    // no word or heading gives to anybody, or gives to somebody else, is that row's person,
    // somebody the profile does not name, numbered by row.
    // When the row's own words name a role the form lists several of (义务人姓名 in a row of
    // 赡养义务人), the row's person holds that role, numbered by row; the phone and relation
    // in the row are that person's too, never the owner's.
    let row_roles = row_roles(fields, &owns, &rows);
    for (i, row) in rows.iter().enumerate() {
        let Some(n) = row else { continue };
        let role = row_roles
            .get(&(&fields[i].form, *n))
            .copied()
            .flatten()
            .unwrap_or(Role::Other);
        if matches!(whose[i], Whose::Unsaid | Whose::Role(Role::Other))
            || whose[i] == Whose::Role(role)
        {
            let key = draft_key(&owns[i].draft);
            let persons = key.is_some_and(|k| k.element().group == Group::Person);
            let row_details = role != Role::Other
                && key.is_some_and(|k| {
                    k.element().group == Group::Contact || k == Key::AgentRelation
                });
            if persons || row_details {
                whose[i] = Whose::Role(role);
            }
        }
    }
    // An address the label gives to the firm (企业通信地址) is never a person's; a count that
    // is part of the line above (其中女性从业人数) is not the whole the dictionary holds; a job
    // title token (`organization-title`) under a label naming the post (工作岗位, 职务) is the
    // position, not the occupation; a property in a block about its changing hands
    // (土地房屋权属转移信息) is the case's, not one the applicant holds.
    for (i, f) in fields.iter().enumerate() {
        let label = f.label.as_deref().unwrap_or_default().trim();
        let Some(key) = draft_key(&owns[i].draft) else {
            continue;
        };
        let firms_label = names_the_firm(f)
            && key.element().group == Group::Person
            && key.element().value == ValueType::Address;
        let a_part = strip_numbering(label).starts_with("其中");
        let changes_hands = matches!(key, Key::DocPropertyUnitNo | Key::DocPropertyCertNo)
            && [f.row_label.as_deref(), f.section.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.contains("权属转移"));
        if firms_label || a_part || changes_hands {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(label.into()));
            owns[i].part = None;
        } else if key == Key::PersonOccupation
            && matches!(&owns[i].draft, Draft::Key { reason: Reason::Autocomplete(t), .. } if t == "organization-title")
            && ["职务", "岗位", "职位"].iter().any(|w| label.contains(w))
        {
            owns[i].draft = Draft::Key {
                key: Key::PersonPosition,
                reason: Reason::Autocomplete("organization-title".into()),
            };
        }
    }
    // 1b. The other side of a claim and third parties (被申请人, 被投诉方, 第三人).
    let bodies = third_parties(fields, &mut owns, &mut whose, &mut headings);
    // On a form whose headings open blocks of two or more people, a person's field that
    // neither its words nor a heading give to anybody could be any of theirs: refused.
    outside_the_blocks(fields, &mut owns, &whose);
    // The office's own block (经办机构审核, 受理情况): its fields (its 经办人, a clerk) are the
    // office's, whatever their own words name.
    for (i, f) in fields.iter().enumerate() {
        if let Some(word) = f.section.as_deref().and_then(office_heading)
            && !matches!(owns[i].draft, Draft::Skip(_))
        {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(word.into()));
            owns[i].part = None;
            whose[i] = Whose::Unsaid;
        }
    }
    // A block about an animal (犬只信息: a dog's name, sex and birth date) or about what a
    // records query asks for (查询内容: a property's certificate, its 权利人): the thing's, not
    // a person's the profile holds. The block of another body (原档案保管单位 beside its
    // 单位名称 and 联系电话): the body's, its contacts and any word of a person or a firm
    // there too, not the applicant's employer or phone.
    for (i, f) in fields.iter().enumerate() {
        let (word, contacts) = match about_a_thing(f) {
            Some(heading) => (heading, false),
            None => match [f.row_label.as_deref(), f.section.as_deref()]
                .into_iter()
                .flatten()
                .find(|t| {
                    names_another_body(t)
                        && !(names_a_kind_only(t) && asks_firms_own(fields, &owns, f, t))
                }) {
                Some(body) => (body, true),
                None => continue,
            },
        };
        let nobodys = (contacts && matches!(owns[i].draft, Draft::Either { .. }))
            || draft_key(&owns[i].draft).is_some_and(|k| {
                matches!(
                    k.element().group,
                    Group::Person | Group::Document | Group::Address
                ) || (contacts && matches!(k.element().group, Group::Contact | Group::Firm))
                    || k.element().value == ValueType::Address
            });
        if nobodys {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(word.into()));
            owns[i].part = None;
            whose[i] = Whose::Unsaid;
        }
    }
    // A bare 账号 beside the bank it is held at is that account.
    bare_accounts(fields, &mut owns);
    // A sole proprietorship (个人独资企业) has one investor, the person who applies: its
    // 投资人 block is the applicant's, what he contributes is the enterprise's capital, and
    // how he contributes it (his own or his family's property) is the case's.
    sole_proprietorships(fields, &mut owns, &mut whose);
    // On a person's form, a block headed as his employer (用人单位, 工作单位) is the employer's:
    // its 单位名称 is his employer, its code and its people (单位经办人) the employer's, which
    // the profile does not hold. It does not make the form a firm's.
    employer_blocks(fields, &mut owns, &mut whose);
    // 2. Person or firm. On a firm's form, a block that asks for the firm's own elements
    // (申请人名称 and 统一社会信用代码 under 申请人信息) is the firm's, whatever its heading.
    let firms = firm_forms(fields, &owns);
    let firm_blocks: Vec<(&Option<String>, &Option<String>)> = fields
        .iter()
        .zip(&owns)
        .zip(&whose)
        .filter(|((f, o), w)| {
            f.section.is_some()
                && matches!(w, Whose::Unsaid | Whose::Applicant)
                && matches!(o.draft, Draft::Key { key, .. } if key.element().group == Group::Firm)
        })
        .map(|((f, _), _)| (&f.form, &f.section))
        .collect();
    // A firm's form that asks for the applicant's own identity in a block of the applicant's,
    // outside the firm's blocks (a person borrowing for a business: 身份证号码 under 申请人信息,
    // the business's 统一社会信用代码 under its own heading) has a person and a firm beside
    // each other.
    let person_applicants: Vec<&Option<String>> = fields
        .iter()
        .zip(&owns)
        .zip(&whose)
        .filter(|((f, o), w)| {
            **w == Whose::Applicant
                && draft_key(&o.draft) == Some(Key::PersonIdNumber)
                && !firm_blocks.contains(&(&f.form, &f.section))
        })
        .map(|((f, _), _)| &f.form)
        .collect();
    for (i, f) in fields.iter().enumerate() {
        if let Draft::Either {
            person,
            firm,
            reason,
        } = owns[i].draft.clone()
        {
            let firm_form = firms.contains(&f.form);
            let in_firm_block = firm_blocks.contains(&(&f.form, &f.section));
            // Outside the firm's blocks of such a form (the account a loan is paid into), a
            // word of a person or a firm, or the name an account is held in, may be either's:
            // refused. (The firm's own words, 登记机关 or 行业, stay the firm's.)
            if firm_form
                && (person.is_some() || firm == Key::FirmName)
                && whose[i] == Whose::Unsaid
                && !in_firm_block
                && person_applicants.contains(&&f.form)
            {
                let mut keys: Vec<Key> = person.into_iter().chain([firm]).collect();
                keys.sort();
                owns[i].draft = Draft::Skip(SkipReason::Ambiguous(keys));
                continue;
            }
            let personal = match whose[i] {
                Whose::Unsaid => !firm_form,
                Whose::Applicant => !firm_form || !in_firm_block,
                _ => true,
            };
            // The name an account is held in, on a person's form, when the form says the
            // account must be the applicant's own (账户姓名: 须为老年人本人): his name.
            // So is it in the block of one named person (发放账户（监护人账户）: the guardian's).
            let ones_block =
                matches!(whose[i], Whose::Role(r) if r != Role::Other && r != Role::Firm);
            if personal
                && person.is_none()
                && firm == Key::FirmName
                && (says_own_account(f) || ones_block)
            {
                owns[i].draft = Draft::Key {
                    key: Key::PersonName,
                    reason,
                };
                continue;
            }
            owns[i].draft = match (personal, person) {
                (true, Some(key)) => Draft::Key { key, reason },
                (true, None) => Draft::Skip(SkipReason::NotInDictionary(reason.detail().into())),
                (false, _) => Draft::Key { key: firm, reason },
            };
        }
    }
    // 2a. On a firm's form (whose applicant is the firm, not a person), an unmarked person's
    // element right after a field of one role's, in a block whose fields name that role
    // only, is that role's: 企业法定代表人姓名 then 有效证件号.
    for i in 1..fields.len() {
        let (f, prev) = (&fields[i], &fields[i - 1]);
        let Whose::Role(r) = whose[i - 1] else {
            continue;
        };
        if whose[i] != Whose::Unsaid
            || !firms.contains(&f.form)
            || prev.form != f.form
            || prev.section != f.section
            || matches!(r, Role::Firm | Role::Other)
            || !draft_key(&owns[i].draft).is_some_and(|k| k.element().group == Group::Person)
        {
            continue;
        }
        let one_role = fields
            .iter()
            .zip(whose.iter())
            .filter(|(g, _)| g.form == f.form && g.section == f.section)
            .all(|(_, w)| *w == Whose::Unsaid || *w == Whose::Role(r));
        if one_role {
            whose[i] = Whose::Role(r);
        }
    }
    // Where a recipient is sent something (a 收件人's 邮寄地址) is a delivery address, not the
    // recipient's home: no address of his the profile holds.
    for (i, w) in whose.iter_mut().enumerate() {
        if *w == Whose::Role(Role::Recipient)
            && draft_key(&owns[i].draft).is_some_and(|k| k.element().value == ValueType::Address)
        {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary("送达或收件地址".into()));
            owns[i].part = None;
            *w = Whose::Unsaid;
        }
    }
    // 2b. A firm's form asks for the firm's own phone, postcode and e-mail outside any
    // person's block (单位联系电话, 邮政编码): the firm's, not the applicant's. A generic
    // 联系电话 of a firm is its landline. So are those of a block headed as the applicant's
    // or the operator's (经营者基本情况) that asks for the firm's own elements: the firm is the
    // applicant, as for its 住所 above.
    // A table's group cell (公民 beside five rows, 法人或者其他组织 beside the next five) parts
    // one heading's block: a group that asks for a person's own ID number and for none of a
    // firm's elements is a person's, and its contacts are not the firm's.
    let person_groups = person_groups(fields, &owns, &whose);
    for (i, f) in fields.iter().enumerate() {
        let firms_block = whose[i] == Whose::Applicant
            && owns[i].whose == Whose::Unsaid
            && firm_blocks.contains(&(&f.form, &f.section));
        if !(whose[i] == Whose::Unsaid || firms_block) || !firms.contains(&f.form) {
            continue;
        }
        if group_of(f).is_some_and(|g| person_groups.contains(&(&f.form, &f.section, g))) {
            continue;
        }
        // Where the form has a person's block beside the firm's (a person borrowing for a
        // business), a contact outside both could be either's: refused.
        if whose[i] == Whose::Unsaid
            && !firm_blocks.contains(&(&f.form, &f.section))
            && person_applicants.contains(&&f.form)
            && draft_key(&owns[i].draft).is_some_and(|k| k.element().group == Group::Contact)
        {
            let words = f.section.clone().unwrap_or_else(|| "（表上无栏目）".into());
            owns[i].draft = Draft::Skip(SkipReason::WhoseUnknown(words));
            owns[i].part = None;
            continue;
        }
        if let Draft::Key { key, .. } = &mut owns[i].draft
            && key.element().group == Group::Contact
        {
            whose[i] = Whose::Role(Role::Firm);
            let words = [f.label.as_deref(), f.placeholder.as_deref()];
            let mobile = words
                .iter()
                .flatten()
                .any(|w| w.contains("手机") || w.contains("移动电话"));
            if *key == Key::ContactMobile && !mobile {
                *key = Key::ContactLandline;
            }
        }
    }
    // A fax is an office's line: on a firm's form, a fax in the block of one of the firm's
    // people (its 联系人, 经办人) is the firm's.
    for (i, f) in fields.iter().enumerate() {
        if firms.contains(&f.form)
            && draft_key(&owns[i].draft) == Some(Key::ContactFax)
            && matches!(whose[i], Whose::Role(r) if firm_people(r))
        {
            whose[i] = Whose::Role(Role::Firm);
        }
    }
    // On a person's form, what the label gives to a body (单位联系人, 单位联系电话: the
    // employer's contact and line) is the employer's, which the profile does not hold.
    for (i, f) in fields.iter().enumerate() {
        let contact = matches!(owns[i].draft, Draft::RoleOnly { .. })
            || draft_key(&owns[i].draft).is_some_and(|k| k.element().group == Group::Contact);
        if contact && !firms.contains(&f.form) && names_the_firm(f) {
            let label = f.label.as_deref().unwrap_or_default();
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(label.into()));
            owns[i].part = None;
            whose[i] = Whose::Unsaid;
        }
    }
    // 3. Periods.
    periods(fields, &mut owns);
    // 4. Split fields.
    split_dates(fields, &mut owns);
    split_phones(fields, &mut owns);
    address_pickers(fields, &mut owns, options, &|i: usize| {
        matches!(whose[i], Whose::Unsaid | Whose::Role(Role::Firm))
            && firms.contains(&fields[i].form)
    });
    // On a firm's form, divisions asked for outside any person's block (经营场所 as 省/市/县
    // selects) are those of the firm's address.
    for (i, f) in fields.iter().enumerate() {
        if whose[i] == Whose::Unsaid
            && firms.contains(&f.form)
            && draft_key(&owns[i].draft).is_some_and(|k| k.element().group == Group::Address)
        {
            whose[i] = Whose::Role(Role::Firm);
        }
    }
    // The place where something happened (纠纷发生地, 事故发生地) is the case's, not an address
    // of anybody's the profile holds; so are the later selects of its cascade.
    places_of_events(fields, &mut owns, &mut whose);
    // A line a body answers (订货电话, 咨询电话, 服务热线) is that body's, not anybody's phone
    // the profile holds.
    service_lines(fields, &mut owns, &mut whose);
    // A bare 住所 whose hint asks for where the person lives now (请填写现住址) is his residence.
    for (i, f) in fields.iter().enumerate() {
        let bare = f
            .label
            .as_deref()
            .map(|l| l.trim().trim_end_matches(['：', ':']));
        let now = f.placeholder.as_deref().is_some_and(|p| {
            ["现住址", "现居住", "实际居住"]
                .iter()
                .any(|w| p.contains(w))
        });
        if let Draft::Key { key, .. } = &mut owns[i].draft
            && *key == Key::PersonHukouAddress
            && bare == Some("住所")
            && now
        {
            *key = Key::PersonResidenceAddress;
        }
    }
    // An address (or its postcode) under a heading about new values is not the profile's.
    for (i, f) in fields.iter().enumerate() {
        if let Some(key) = draft_key(&owns[i].draft)
            && (key.element().value == ValueType::Address
                || key.element().group == Group::Address
                || key == Key::ContactPostalCode)
            && let Some(heading) = asks_new_values(f)
        {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(heading.into()));
            owns[i].part = None;
        }
    }
    // A vehicle's plate under a heading about its transfer (机动车转移登记): the vehicle
    // changes hands and is not the one the profile holds.
    for (i, f) in fields.iter().enumerate() {
        if draft_key(&owns[i].draft) == Some(Key::DocVehiclePlate)
            && let Some(heading) = about_a_transfer(f)
        {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(heading.into()));
            owns[i].part = None;
        }
    }
    // The contact details and the address of a body on the other side (被投诉方's 联系电话 and
    // the divisions of its seat) are that body's, which the profile does not hold; so are its
    // document's kind and number (a bank's 证件号 is its 统一社会信用代码, not a person's ID).
    for (i, f) in fields.iter().enumerate() {
        if whose[i] == Whose::Role(Role::Other)
            && owns[i].whose == Whose::Unsaid
            && bodies.contains(&(&f.form, &f.section))
            && draft_key(&owns[i].draft).is_some_and(|k| {
                matches!(k.element().group, Group::Contact | Group::Address)
                    || k.element().value == ValueType::Address
                    || matches!(k, Key::PersonIdType | Key::PersonIdNumber)
            })
        {
            owns[i].draft = Draft::Skip(SkipReason::OtherParty(Role::Other.zh().into()));
            owns[i].part = None;
        }
    }
    // 与承租人关系, 与持卡人的关系 in the block of somebody whose relation to the applicant the
    // profile holds (a contact, an agent, a guardian, a member of the family, a child in the
    // rows of children who move with him, 与投靠人关系): that relation.
    // So is a bare 关系 there, even when the field's name names the block's role (`jjlxr_gx`,
    // 紧急联系人).
    for (i, f) in fields.iter().enumerate() {
        let label = f.label.as_deref();
        let bare = label.is_some_and(bare_relation);
        if matches!(
            owns[i].draft,
            Draft::RoleOnly { .. } | Draft::Skip(SkipReason::Unrecognised)
        ) && matches!(
            whose[i],
            Whose::Role(Role::Contact | Role::Agent | Role::Guardian | Role::Member | Role::Child)
        ) && (bare || label.is_some_and(relation_to_somebody))
        {
            owns[i].draft = Draft::Key {
                key: Key::AgentRelation,
                reason: Reason::Label(if bare { "关系" } else { "与…关系" }.into()),
            };
        }
    }
    // A role word alone names the person: a text box asks for the name.
    for (i, f) in fields.iter().enumerate() {
        if let Draft::RoleOnly { reason } = owns[i].draft.clone() {
            // 被投诉方名称: the name of a body, not of a person.
            let a_body = [f.label.as_deref(), f.placeholder.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.contains("名称"));
            owns[i].draft = if matches!(whose[i], Whose::Role(_)) && is_text_box(f) && !a_body {
                Draft::Key {
                    key: Key::PersonName,
                    reason,
                }
            } else {
                Draft::Skip(SkipReason::Unrecognised)
            };
        }
    }
    // 4b. 父亲/母亲 on a form about a child (出生登记, 入学) are the child's parents, not the
    // owner's. With an applicant's block as well (个税: the taxpayer's parents and children)
    // whose parents they are is not certain: refused.
    let child_forms: Vec<&Option<String>> = fields
        .iter()
        .zip(&whose)
        .filter(|(_, w)| **w == Whose::Role(Role::Child))
        .map(|(f, _)| &f.form)
        .collect();
    // A form that also has a block of the spouse's (家庭共济: 配偶, 子女, 父亲, 母亲 rows of
    // the applicant's family) lists the applicant's own family: its 父亲/母亲 are his.
    let spouse_forms: Vec<&Option<String>> = fields
        .iter()
        .zip(&whose)
        .filter(|(_, w)| **w == Whose::Role(Role::Spouse))
        .map(|(f, _)| &f.form)
        .collect();
    for (i, f) in fields.iter().enumerate() {
        let parent = match whose[i] {
            Whose::Role(Role::Father) => Role::ChildsFather,
            Whose::Role(Role::Mother) => Role::ChildsMother,
            _ => continue,
        };
        if !child_forms.contains(&&f.form) || spouse_forms.contains(&&f.form) {
            continue;
        }
        if applicant_forms.contains(&&f.form) {
            if draft_key(&owns[i].draft).is_some() {
                owns[i].draft = Draft::Skip(SkipReason::OtherParty(parent.zh().into()));
            }
        } else {
            whose[i] = Whose::Role(parent);
        }
    }
    // 5. Roles, numbered where several people hold one.
    let mut seen: HashMap<(Option<String>, Role, Key, Option<Part>), usize> = HashMap::new();
    fields
        .iter()
        .zip(owns)
        .zip(whose)
        .enumerate()
        .map(|(i, ((f, own), w))| {
            let role = match (w, draft_key(&own.draft)) {
                (Whose::Role(r), Some(key)) if r.repeats() => {
                    let n = seen.entry((f.form.clone(), r, key, own.part)).or_default();
                    *n += 1;
                    Some(RoleRef {
                        role: r,
                        index: Some(*n - 1),
                    })
                }
                (Whose::Role(r @ (Role::Other | Role::Obligor)), Some(_)) if rows[i].is_some() => {
                    Some(RoleRef {
                        role: r,
                        index: rows[i],
                    })
                }
                (Whose::Role(r), _) => Some(RoleRef::new(r)),
                _ => None,
            };
            Final {
                draft: own.draft,
                role,
                part: own.part,
            }
        })
        .collect()
}

/// The heading of the block a field stands in: the innermost of its headings that says
/// whose its block is.
fn block_heading<'a>(
    field: &'a FieldDescriptor,
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> Option<&'a str> {
    field
        .section
        .iter()
        .chain(field.outer_sections.iter().rev())
        .find(|h| {
            cache
                .entry(h.as_str())
                .or_insert_with(|| heading_whose(h))
                .is_some()
        })
        .map(String::as_str)
}

/// Whether a heading names a kind of body and nothing more (学校基本情况, 医院信息): on a
/// form that asks for that body's own name or code it is the form's firm. A heading that says
/// which body (免疫医院, 被投诉用人单位) names another.
fn names_a_kind_only(text: &str) -> bool {
    let bare = bare_heading(strip_numbering(text));
    let bare = bare.strip_suffix("基本").unwrap_or(&bare);
    BODY_KINDS.contains(&bare)
}

/// Whether the block a field stands in under a heading or row label (a hospital's, a
/// school's) asks for a firm's own name or code: the body is then the form's firm.
fn asks_firms_own(
    fields: &[FieldDescriptor],
    owns: &[Own],
    field: &FieldDescriptor,
    heading: &str,
) -> bool {
    fields.iter().zip(owns).any(|(g, o)| {
        g.form == field.form
            && (g.section.as_deref() == Some(heading) || g.row_label.as_deref() == Some(heading))
            && matches!(
                o.draft,
                Draft::Key { key, .. } if matches!(key, Key::FirmName | Key::FirmUscc)
            )
    })
}

/// The group cell a field's row stands beside (a `rowspan` cell of the first column, such as
/// 公民 or 现机动车所有人), when the scanner read one: a row label that is not the field's own
/// label.
fn group_of(field: &FieldDescriptor) -> Option<&str> {
    let group = field.row_label.as_deref()?.trim();
    let label = field.label.as_deref().unwrap_or_default().trim();
    (!group.is_empty() && !label.is_empty() && group != label).then_some(group)
}

/// The groups of a table (form, heading, group cell) that ask for a person's own ID number
/// and for none of a firm's elements, and give nobody a role: a person's rows.
fn person_groups<'a>(
    fields: &'a [FieldDescriptor],
    owns: &[Own],
    whose: &[Whose],
) -> Vec<(&'a Option<String>, &'a Option<String>, &'a str)> {
    let mut ids: Vec<(&Option<String>, &Option<String>, &str)> = Vec::new();
    let mut firms: Vec<(&Option<String>, &Option<String>, &str)> = Vec::new();
    for ((f, o), w) in fields.iter().zip(owns).zip(whose) {
        let Some(g) = group_of(f) else { continue };
        let at = (&f.form, &f.section, g);
        match (&o.draft, w) {
            (Draft::Key { key, .. }, _) if key.element().group == Group::Firm => firms.push(at),
            (Draft::Either { person: None, .. }, _) => firms.push(at),
            (
                Draft::Key {
                    key: Key::PersonIdNumber,
                    ..
                },
                Whose::Unsaid | Whose::Applicant,
            ) => ids.push(at),
            _ => {}
        }
    }
    ids.retain(|g| !firms.contains(g));
    ids
}

/// See [`run`]: a person's field outside the blocks of a form with several people's blocks.
fn outside_the_blocks(fields: &[FieldDescriptor], owns: &mut [Own], whose: &[Whose]) {
    let mut blocks: HashMap<&Option<String>, Vec<Whose>> = HashMap::new();
    for ((f, o), w) in fields.iter().zip(owns.iter()).zip(whose) {
        let a_person = match w {
            Whose::Applicant => true,
            Whose::Role(r) => !matches!(r, Role::Firm | Role::Other),
            _ => false,
        };
        if a_person && o.whose == Whose::Unsaid && persons_field(&o.draft) {
            let seen = blocks.entry(&f.form).or_default();
            if !seen.contains(w) {
                seen.push(*w);
            }
        }
    }
    for (i, f) in fields.iter().enumerate() {
        let identity = draft_key(&owns[i].draft).is_some_and(|k| {
            matches!(
                k,
                Key::PersonName
                    | Key::PersonIdNumber
                    | Key::PersonIdType
                    | Key::PersonSex
                    | Key::PersonBirthDate
                    | Key::ContactMobile
            )
        });
        let outside = f.section.as_deref().is_none_or(|h| {
            let h = strip_numbering(h);
            NOT_A_BLOCK.iter().any(|w| h.contains(w))
        });
        if whose[i] == Whose::Unsaid
            && owns[i].whose == Whose::Unsaid
            && blocks.get(&f.form).is_some_and(|b| b.len() >= 2)
            && identity
            && outside
        {
            let words = f.section.clone().unwrap_or_else(|| "（表上无栏目）".into());
            owns[i].draft = Draft::Skip(SkipReason::WhoseUnknown(words));
            owns[i].part = None;
        }
    }
}

/// Whether a heading names the person a service is done to by a passive word (被救助人,
/// 被监护人, 被赡养人): somebody else than who applies. Not the insured (被保险人, 被保人),
/// who often applies himself.
fn acted_upon(heading: &str) -> bool {
    let bare = bare_heading(strip_numbering(heading));
    bare.starts_with('被')
        && bare.ends_with('人')
        && !["被保险人", "被保人"].contains(&bare.as_str())
}

/// Whether a draft asks for something a person holds (his name, ID, contacts, addresses, a
/// relation) or may (a word of a person or a firm): what a block's person decides.
fn persons_field(draft: &Draft) -> bool {
    match draft {
        Draft::Either { .. } | Draft::RoleOnly { .. } => true,
        Draft::Key { key, .. } => {
            matches!(
                key.element().group,
                Group::Person
                    | Group::Contact
                    | Group::Document
                    | Group::Address
                    | Group::Agent
                    | Group::Family
            ) || key.element().value == ValueType::Address
        }
        _ => false,
    }
}

/// For each field in a block about a person the rules do not know, on a form with no block
/// of the applicant's and two or more such blocks of different headings: the block's heading,
/// bare (献血者, 用血者). Whose each of them is cannot be told.
fn unknown_blocks<'a>(
    fields: &'a [FieldDescriptor],
    whose: &[Whose],
    applicant_forms: &[&Option<String>],
    rows: &[Option<usize>],
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> Vec<Option<String>> {
    // A list of people (证明人 rows `zm_xm_1`, `zm_xm_2`) and the one a form's service is done
    // to (被救助人) are never the applicant: they do not compete for him.
    let lists: Vec<(&Option<String>, Option<&str>)> = fields
        .iter()
        .zip(rows)
        .filter(|(_, r)| r.is_some())
        .map(|(f, _)| (&f.form, f.section.as_deref()))
        .collect();
    let blocks: Vec<Option<String>> = fields
        .iter()
        .zip(whose)
        .map(|(f, w)| {
            if *w != Whose::Somebody
                || applicant_forms.contains(&&f.form)
                || lists.contains(&(&f.form, f.section.as_deref()))
            {
                return None;
            }
            block_heading(f, cache)
                .filter(|h| !acted_upon(h))
                .map(bare_heading)
        })
        .collect();
    let mut kinds: HashMap<&Option<String>, Vec<&String>> = HashMap::new();
    for (f, b) in fields.iter().zip(&blocks) {
        if let Some(b) = b {
            let seen = kinds.entry(&f.form).or_default();
            if !seen.contains(&b) {
                seen.push(b);
            }
        }
    }
    fields
        .iter()
        .zip(&blocks)
        .map(|(f, b)| {
            b.clone()
                .filter(|_| kinds.get(&f.form).is_some_and(|k| k.len() >= 2))
        })
        .collect()
}

/// Words of a form's title that name a sole proprietorship.
const SOLE_PROPRIETORSHIP: &[&str] = &["个人独资企业", "個人獨資企業"];

/// See [`run`]: the investor of a sole proprietorship is the applicant.
fn sole_proprietorships(fields: &[FieldDescriptor], owns: &mut [Own], whose: &mut [Whose]) {
    let forms: Vec<&Option<String>> = fields
        .iter()
        .filter(|f| {
            f.outer_sections
                .iter()
                .chain(f.section.iter())
                .any(|h| SOLE_PROPRIETORSHIP.iter().any(|w| h.contains(w)))
        })
        .map(|f| &f.form)
        .collect();
    for (i, f) in fields.iter().enumerate() {
        if !forms.contains(&&f.form) {
            continue;
        }
        if whose[i] == Whose::Role(Role::Shareholder) {
            whose[i] = Whose::Applicant;
        }
        match owns[i].draft.clone() {
            Draft::Key {
                key: Key::RoleSubscribedWan,
                reason,
            } => {
                owns[i].draft = Draft::Key {
                    key: Key::FirmRegCapital,
                    reason,
                };
                if whose[i] == Whose::Applicant {
                    whose[i] = Whose::Unsaid;
                }
            }
            Draft::Key {
                key: Key::RoleContributionMethod | Key::RoleContributionDue,
                ..
            } => {
                owns[i].draft = Draft::Skip(SkipReason::NotInDictionary("个人独资企业".into()));
                owns[i].part = None;
                whose[i] = Whose::Unsaid;
            }
            _ => {}
        }
    }
}

/// Headings of a block about a person's employer.
const EMPLOYER_HEADINGS: &[&str] = &[
    "用人单位",
    "工作单位",
    "所在单位",
    "聘用单位",
    "用工单位",
    "就业单位",
];

/// Whether a field stands in a block whose heading is the employer's (用人单位, 用人单位信息).
fn in_employer_block(field: &FieldDescriptor) -> bool {
    field
        .section
        .as_deref()
        .is_some_and(|h| EMPLOYER_HEADINGS.contains(&bare_heading(strip_numbering(h)).as_str()))
}

/// See [`run`]: the employer's block on a person's form.
fn employer_blocks(fields: &[FieldDescriptor], owns: &mut [Own], whose: &mut [Whose]) {
    // Forms that ask for the applicant's own ID number outside an employer's block.
    let person_forms: Vec<&Option<String>> = fields
        .iter()
        .zip(owns.iter())
        .zip(whose.iter())
        .filter(|((f, o), w)| {
            matches!(w, Whose::Applicant | Whose::Unsaid)
                && draft_key(&o.draft) == Some(Key::PersonIdNumber)
                && !in_employer_block(f)
        })
        .map(|((f, _), _)| &f.form)
        .collect();
    for (i, f) in fields.iter().enumerate() {
        if !person_forms.contains(&&f.form) || !in_employer_block(f) {
            continue;
        }
        let heading = f.section.clone().unwrap_or_default();
        let reason = match &owns[i].draft {
            Draft::Key { key, reason } if key.element().group == Group::Firm => {
                Some((*key == Key::FirmName, reason.clone()))
            }
            Draft::Either { firm, reason, .. } => Some((*firm == Key::FirmName, reason.clone())),
            _ => None,
        };
        match reason {
            Some((true, reason)) => {
                owns[i].draft = Draft::Key {
                    key: Key::PersonEmployer,
                    reason,
                };
                whose[i] = Whose::Unsaid;
            }
            Some((false, _)) => {
                owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(heading));
                owns[i].part = None;
                whose[i] = Whose::Unsaid;
            }
            None => {
                let persons = matches!(owns[i].draft, Draft::RoleOnly { .. })
                    || draft_key(&owns[i].draft).is_some_and(|k| {
                        matches!(k.element().group, Group::Person | Group::Contact)
                            && k != Key::PersonEmployer
                    });
                if persons {
                    owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(heading));
                    owns[i].part = None;
                    whose[i] = Whose::Unsaid;
                }
            }
        }
    }
}

/// Words of a place where something happened.
const EVENT_PLACES: &[&str] = &["发生地", "事发地", "發生地"];

/// See [`run`]: the place of an event is nobody's address.
fn places_of_events(fields: &[FieldDescriptor], owns: &mut [Own], whose: &mut [Whose]) {
    let mut cascade = false;
    for (i, f) in fields.iter().enumerate() {
        let key = draft_key(&owns[i].draft);
        let address = key.is_some_and(|k| {
            k.element().group == Group::Address || k.element().value == ValueType::Address
        });
        let said = [f.label.as_deref(), f.row_label.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| EVENT_PLACES.iter().any(|w| t.contains(w)));
        let follows = cascade
            && i > 0
            && fields[i - 1].form == f.form
            && key.is_some_and(|k| k.element().group == Group::Address)
            && !matches!(
                owns[i].draft,
                Draft::Key {
                    reason: Reason::Label(_),
                    ..
                }
            );
        if address && (said || follows) {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary("发生地".into()));
            owns[i].part = None;
            whose[i] = Whose::Unsaid;
            cascade = true;
        } else {
            cascade = false;
        }
    }
}

/// Words of a phone line a body answers, not a person's own.
const SERVICE_LINES: &[&str] = &[
    "订货电话",
    "订购电话",
    "咨询电话",
    "服务电话",
    "服务热线",
    "客服电话",
    "投诉电话",
];

/// See [`run`]: a body's service line is nobody's phone the profile holds.
fn service_lines(fields: &[FieldDescriptor], owns: &mut [Own], whose: &mut [Whose]) {
    for (i, f) in fields.iter().enumerate() {
        let phone = draft_key(&owns[i].draft).is_some_and(is_phone);
        if let Some(word) = f
            .label
            .as_deref()
            .and_then(|l| SERVICE_LINES.iter().find(|w| l.contains(*w)))
            && phone
        {
            owns[i].draft = Draft::Skip(SkipReason::NotInDictionary((*word).into()));
            owns[i].part = None;
            whose[i] = Whose::Unsaid;
        }
    }
}

/// A field's name (or id) split into its stem and a row number at its end: `zg_xm_0` is
/// (`zg_xm`, 0), `cy[1]` is (`cy`, 1).
fn row_suffix(field: &FieldDescriptor) -> Option<(&str, usize)> {
    let text = field.name.as_deref().or(field.html_id.as_deref())?;
    let (stem, digits) = if let Some(t) = text.strip_suffix(']') {
        t.rsplit_once('[')?
    } else {
        text.rsplit_once(['_', '-'])?
    };
    if stem.is_empty() || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    Some((stem, digits.parse().ok()?))
}

/// A role a form lists several people of, one a row (obligors, household members, children).
fn listed_role(r: Role) -> bool {
    matches!(r, Role::Obligor | Role::Member | Role::Child)
}

/// The role a list's heading names, when it names one only and it is a role a form lists
/// several people of (同一户籍家庭成员一并参保: the household members), however long the
/// heading's sentence.
fn list_heading_role(heading: &str) -> Option<Role> {
    match super::roles_of(&find_hits(strip_numbering(heading), LABEL_RULES)).as_slice() {
        [r] if listed_role(*r) => Some(*r),
        _ => None,
    }
}

/// The role each row of a list names by its fields' own words (义务人姓名 in row 0) or, when
/// they name nobody, by the list's heading, when it names one only and it is a role a form
/// lists several of (obligors, household members); `None` for a row that names several.
fn row_roles<'a>(
    fields: &'a [FieldDescriptor],
    owns: &[Own],
    rows: &[Option<usize>],
) -> HashMap<(&'a Option<String>, usize), Option<Role>> {
    let mut named: HashMap<(&Option<String>, usize), Option<Role>> = HashMap::new();
    for ((f, own), row) in fields.iter().zip(owns).zip(rows) {
        let role = match own.whose {
            Whose::Role(r) if listed_role(r) => Some(r),
            Whose::Unsaid => f.section.as_deref().and_then(list_heading_role),
            _ => None,
        };
        if let (Some(n), Some(r)) = (row, role) {
            named
                .entry((&f.form, *n))
                .and_modify(|seen| {
                    if *seen != Some(r) {
                        *seen = None;
                    }
                })
                .or_insert(Some(r));
        }
    }
    named
}

/// The row of each field in a list of rows of one form: several stems (`zg_xm`, `zg_sfzh`)
/// each with the same two or more row numbers. The row is counted from 0 in the order of the
/// numbers (`_1`, `_2` are rows 0 and 1). A lone numbered field (`field_1001`, `phone_1`) is
/// in no list.
fn list_rows(fields: &[FieldDescriptor]) -> Vec<Option<usize>> {
    // (form, stem) -> row numbers
    let mut numbers: HashMap<(&Option<String>, &str), Vec<usize>> = HashMap::new();
    for f in fields {
        if let Some((stem, n)) = row_suffix(f) {
            numbers.entry((&f.form, stem)).or_default().push(n);
        }
    }
    // A stem of a list: two or more rows, and another stem of its form with the same rows.
    let rows_of = |form: &Option<String>, stem: &str| -> Option<Vec<usize>> {
        let mut mine = numbers.get(&(form, stem))?.clone();
        mine.sort_unstable();
        mine.dedup();
        if mine.len() < 2 {
            return None;
        }
        let shared = numbers.iter().any(|((g, other), theirs)| {
            *g == form && *other != stem && {
                let mut t = theirs.clone();
                t.sort_unstable();
                t.dedup();
                t == mine
            }
        });
        shared.then_some(mine)
    };
    fields
        .iter()
        .map(|f| {
            let (stem, n) = row_suffix(f)?;
            rows_of(&f.form, stem)?.iter().position(|&m| m == n)
        })
        .collect()
}

/// The office word of a heading that opens the office's own block (经办机构审核, 受理情况:
/// the office's, not the citizen's), when it names no person's role or the applicant and
/// says the office is at work.
fn office_heading(text: &str) -> Option<&'static str> {
    let hits = find_hits(strip_numbering(text), LABEL_RULES);
    if hits
        .iter()
        .any(|h| matches!(h.target, Target::Role(_) | Target::Applicant))
    {
        return None;
    }
    let office = hits
        .iter()
        .find(|h| h.target == Target::Unheld("受理机构"))
        .map(|h| h.word)?;
    // The office at work (审核, 受理, 由…填写), not a block where the citizen names an office
    // (备案机关: which office he files with).
    (office.contains("受理")
        || ["审核", "审批", "填写", "意见"]
            .iter()
            .any(|w| text.contains(w)))
    .then_some(office)
}

/// Whether a field's label, placeholder or heading says it is the applicant's own (须为本人,
/// 须为老年人本人, 限申请人本人, a block headed 发放账户（申请人本人）).
fn says_own_account(f: &FieldDescriptor) -> bool {
    [&f.label, &f.placeholder, &f.section]
        .into_iter()
        .flatten()
        .any(|t| t.contains("本人") && !t.contains("非本人"))
}

/// Whether a label is a bare relation (关系, 关系：).
fn bare_relation(label: &str) -> bool {
    label
        .trim()
        .trim_start_matches('*')
        .trim_end_matches(['：', ':'])
        .trim()
        == "关系"
}

/// Whether a label is a relation to a person (与承租人关系, 与持卡人的关系): 与, a short word
/// for somebody (ending in 人, 者 or 员, or 工 as in 与职工关系), 关系.
fn relation_to_somebody(label: &str) -> bool {
    let label = label
        .trim()
        .trim_start_matches('*')
        .trim_end_matches(['：', ':'])
        .trim();
    let Some(rest) = label.strip_prefix('与') else {
        return false;
    };
    let Some(who) = rest
        .strip_suffix("关系")
        .map(|w| w.strip_suffix('的').unwrap_or(w))
    else {
        return false;
    };
    (1..=6).contains(&who.chars().count())
        && ['人', '者', '员', '工'].iter().any(|c| who.ends_with(*c))
}

/// Roles a firm's block names (法定代表人, 委托代理人, 联系人): inside the block of a body on
/// the other side of a claim they are that body's people, not the owner's firm's.
fn firm_people(r: Role) -> bool {
    matches!(
        r,
        Role::LegalRep
            | Role::FinanceOfficer
            | Role::Liaison
            | Role::Agent
            | Role::Contact
            | Role::Director
            | Role::Supervisor
            | Role::Manager
    )
}

/// The blocks of somebody the profile does not hold (被申请人, 被投诉方, 第三人, 相邻权利人):
/// the people its block names (its 法定代表人) are its own, and the firm elements it asks
/// for (名称, 统一社会信用代码, 住所: the other side may be a body or a person) are refused,
/// not read as the owner's firm's. Returns the blocks (form, heading) that asked for such
/// elements: bodies, whose contact details and address are refused too (see [`run`]).
fn third_parties<'a>(
    fields: &'a [FieldDescriptor],
    owns: &mut [Own],
    whose: &mut [Whose],
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> Vec<(&'a Option<String>, &'a Option<String>)> {
    let mut bodies = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if let Whose::Role(r) = whose[i]
            && firm_people(r)
            && heading_block_whose(f, cache) == Whose::Role(Role::Other)
        {
            whose[i] = Whose::Role(Role::Other);
        }
        if whose[i] != Whose::Role(Role::Other) {
            continue;
        }
        // 送养人姓名（名称）, 被申请人姓名或名称: the name of a person or of a body, as 名称 is.
        let person_or_body = f.label.as_deref().is_some_and(|l| l.contains("名称"));
        let firm_element = match &owns[i].draft {
            Draft::Either { .. } => true,
            Draft::Key { key, .. } => {
                key.element().group == Group::Firm || (*key == Key::PersonName && person_or_body)
            }
            _ => false,
        };
        if firm_element {
            owns[i].draft = Draft::Skip(SkipReason::OtherParty(Role::Other.zh().into()));
            if !bodies.contains(&(&f.form, &f.section)) {
                bodies.push((&f.form, &f.section));
            }
        }
    }
    bodies
}

/// A field labelled only 账号 beside the bank it is held at (开户银行 before or after it) is,
/// on a firm's form, the firm's account at that bank, not a login name; on a person's form it
/// stays refused (the payee may be anybody, as for 户名).
fn bare_accounts(fields: &[FieldDescriptor], owns: &mut [Own]) {
    let bank = |d: &Draft| match d {
        Draft::Key { key, .. } => matches!(key, Key::PersonBankBranch | Key::FirmBasicBank),
        Draft::Either { person, firm, .. } => {
            *person == Some(Key::PersonBankBranch) || *firm == Key::FirmBasicBank
        }
        _ => false,
    };
    for (i, f) in fields.iter().enumerate() {
        let bare = f.label.as_deref().is_some_and(|l| {
            matches!(
                l.trim()
                    .trim_start_matches('*')
                    .trim_end_matches(['：', ':']),
                "账号" | "帐号"
            )
        });
        if !bare {
            continue;
        }
        let beside = [i.checked_sub(1), i.checked_add(1)]
            .into_iter()
            .flatten()
            .filter(|&j| j < fields.len() && fields[j].form == f.form)
            .any(|j| bank(&owns[j].draft));
        if beside {
            owns[i].draft = Draft::Either {
                person: None,
                firm: Key::FirmBasicBankAcct,
                reason: Reason::Context("开户银行+账号".into()),
            };
        }
    }
}

/// The fields of one `section-*` of a form are one block: when the fields of the block that
/// say whose they are all name the same person, its unmarked fields are that person's too.
/// Fields of different sections are different blocks, and a block naming two people gives
/// its unmarked fields to neither.
fn section_blocks(fields: &[FieldDescriptor], whose: &mut [Whose]) {
    // (the form, the section token)
    type Section<'a> = (&'a Option<String>, String);
    let sections: Vec<Option<Section>> = fields
        .iter()
        .map(|f| {
            let token = f
                .autocomplete
                .as_deref()
                .and_then(super::parse_autocomplete)?;
            Some((&f.form, token.section?))
        })
        .collect();
    // Section → the one person its marked fields name, or `None` when they name several (a
    // list: a form has few sections).
    let mut named: Vec<(&Section, Option<Whose>)> = Vec::new();
    for (section, w) in sections.iter().zip(whose.iter()) {
        let Some(section) = section else { continue };
        if *w == Whose::Unsaid {
            continue;
        }
        match named.iter_mut().find(|(s, _)| *s == section) {
            Some((_, one)) if *one != Some(*w) => *one = None,
            Some(_) => {}
            None => named.push((section, Some(*w))),
        }
    }
    for (section, w) in sections.iter().zip(whose.iter_mut()) {
        if let Some(section) = section
            && *w == Whose::Unsaid
            && let Some((_, Some(one))) = named.iter().find(|(s, _)| *s == section)
        {
            *w = *one;
        }
    }
}

/// Words of a form's title that say the form is about a child, not the person filling it in.
/// Not 学生 or 入学: a student may apply in person (奖学金, 研究生入学).
const CHILD_SUBJECT: &[&str] = &[
    "幼儿",
    "儿童",
    "新生儿",
    "婴儿",
    "少儿",
    "入园",
    "入托",
    "幼兒",
    "兒童",
    "新生兒",
    "嬰兒",
];

/// Words of a title about an adult who works with children (幼儿园教师资格, 儿童福利机构
/// 工作人员): not a form about a child. A kindergarten (幼儿园) is an institution, not a child.
const ADULT_SUBJECT: &[&str] = &[
    "教师",
    "教职工",
    "从业",
    "招聘",
    "聘用",
    "举办",
    "资格",
    "工作人员",
    "执业",
    "機構",
];

/// Whether a title names a child as the form's subject.
fn names_a_child(title: &str) -> bool {
    let title = title.replace("幼儿园", "园").replace("幼兒園", "園");
    CHILD_SUBJECT.iter().any(|w| title.contains(w))
        && !ADULT_SUBJECT.iter().any(|w| title.contains(w))
}

/// Whether a field's headings include a title (a heading that opens no block) naming a child.
fn titled_for_a_child<'a>(
    field: &'a FieldDescriptor,
    cache: &mut HashMap<&'a str, Option<Whose>>,
) -> bool {
    field
        .outer_sections
        .iter()
        .chain(field.section.iter())
        .any(|h| {
            cache
                .entry(h.as_str())
                .or_insert_with(|| heading_whose(h))
                .is_none()
                && names_a_child(h)
        })
}

/// See [`run`]: the blocks of a form about a child.
fn about_a_child<'a>(
    fields: &'a [FieldDescriptor],
    owns: &mut [Own],
    whose: &mut [Whose],
    cache: &mut HashMap<&'a str, Option<Whose>>,
) {
    let mut forms: Vec<&Option<String>> = Vec::new();
    for f in fields {
        if !forms.contains(&&f.form) && titled_for_a_child(f, cache) {
            forms.push(&f.form);
        }
    }
    // A form that names the child's block says whose its fields are (a question such as
    // 是否独生子女 names no block). One that names the applicant's is about the child only
    // when somebody else does the errand (参保人 beside 代办人): the applicant is then the
    // child the service is for.
    let names = |form: &Option<String>, who: Whose| {
        fields
            .iter()
            .zip(whose.iter())
            .zip(owns.iter())
            .any(|((f, w), o)| f.form == *form && *w == who && draft_key(&o.draft).is_some())
    };
    let forms: Vec<(&Option<String>, bool)> = forms
        .into_iter()
        .filter(|form| !names(form, Whose::Role(Role::Child)))
        .filter_map(|form| {
            let errand = names(form, Whose::Role(Role::Agent));
            (errand || !names(form, Whose::Applicant)).then_some((form, errand))
        })
        .collect();
    for (i, f) in fields.iter().enumerate() {
        let Some(&(_, errand)) = forms.iter().find(|(form, _)| **form == f.form) else {
            continue;
        };
        match whose[i] {
            Whose::Unsaid | Whose::Somebody => whose[i] = Whose::Role(Role::Child),
            Whose::Applicant if errand => whose[i] = Whose::Role(Role::Child),
            Whose::Role(Role::Agent) => {
                whose[i] = Whose::Applicant;
                // A mandate's own elements (与参保人关系) have no value for the owner.
                if let Some(key) = draft_key(&owns[i].draft)
                    && matches!(key.element().group, Group::Agent | Group::Role)
                {
                    let words = f.label.clone().unwrap_or_else(|| key.id().into());
                    owns[i].draft = Draft::Skip(SkipReason::NotInDictionary(words));
                }
            }
            _ => {}
        }
    }
}

/// Start or end of a period, from a field's name or placeholder.
fn period_end(field: &FieldDescriptor) -> Option<bool> {
    let text = [
        field.placeholder.as_deref(),
        field.name.as_deref(),
        field.html_id.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let u = units(&text);
    let has = |w: &[&str]| u.iter().any(|x| w.contains(&x.as_str()));
    let start = has(&[
        "start", "begin", "from", "ks", "qs", "ksrq", "qsrq", "yxqq", "起", "始", "自",
    ]) || text.contains("开始")
        || text.contains("起始");
    let end = has(&[
        "end", "to", "until", "js", "jz", "zz", "jsrq", "jzrq", "yxqz", "止", "至",
    ]) || text.contains("截止")
        || text.contains("结束");
    match (start, end) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

fn periods(fields: &[FieldDescriptor], owns: &mut [Own]) {
    let n = fields.len();
    let mut i = 0;
    while i < n {
        let Draft::Range { from, to, reason } = owns[i].draft.clone() else {
            i += 1;
            continue;
        };
        let next_is_end = i + 1 < n
            && together(&fields[i], &fields[i + 1])
            && match &owns[i + 1].draft {
                Draft::Range {
                    from: f2, to: t2, ..
                } => *f2 == from && *t2 == to,
                d if open(d) => {
                    let l = fields[i + 1].label.as_deref().unwrap_or("").trim();
                    matches!(l, "" | "至" | "到" | "-" | "—" | "~" | "～" | "止" | "to")
                        || fields[i + 1].label == fields[i].label
                }
                _ => false,
            };
        if next_is_end {
            owns[i].draft = Draft::Key {
                key: from,
                reason: reason.clone(),
            };
            owns[i + 1].draft = Draft::Key {
                key: to,
                reason: Reason::Context(format!("{}（止）", reason.detail())),
            };
            i += 2;
            continue;
        }
        if let Some(end) = period_end(&fields[i]) {
            owns[i].draft = Draft::Key {
                key: if end { to } else { from },
                reason,
            };
        }
        i += 1;
    }
}

fn split_dates(fields: &[FieldDescriptor], owns: &mut [Own]) {
    let n = fields.len();
    let part_at = |i: usize, owns: &[Own]| {
        date_part(&fields[i]).or_else(|| {
            // A four-digit box labelled with a date, followed by a month.
            (is_text_box(&fields[i])
                && fields[i].max_length == Some(4)
                && draft_key(&owns[i].draft).is_some_and(is_date))
            .then_some(Part::Year)
        })
    };
    let mut i = 0;
    while i < n {
        // A run of two or three neighbouring parts, each once, with a year and a month:
        // 年/月/日, 年/月, or Day/Month/Year as English forms order them.
        let mut run: Vec<(usize, Part)> = Vec::new();
        let mut j = i;
        while j < n && run.len() < 3 {
            let Some(p) = part_at(j, owns) else { break };
            if run.iter().any(|&(_, q)| q == p)
                || run
                    .last()
                    .is_some_and(|&(k, _)| !together(&fields[k], &fields[j]))
            {
                break;
            }
            run.push((j, p));
            j += 1;
        }
        let has = |p: Part| run.iter().any(|&(_, q)| q == p);
        if run.len() < 2 || !has(Part::Year) || !has(Part::Month) {
            i += 1;
            continue;
        }
        let key = run
            .iter()
            .find_map(|&(j, _)| draft_key(&owns[j].draft).filter(|&k| is_date(k)))
            .or_else(|| run.iter().find_map(|&(j, _)| date_key_near(&fields[j])));
        let clash = run.iter().any(|&(j, _)| {
            !open(&owns[j].draft) && draft_key(&owns[j].draft) != key && owns[j].part.is_none()
        });
        if let Some(key) = key
            && !clash
        {
            for &(j, part) in &run {
                owns[j].draft = Draft::Key {
                    key,
                    reason: Reason::Context("年/月/日".into()),
                };
                owns[j].part = Some(part);
            }
        }
        i += run.len();
    }
}

fn is_phone(key: Key) -> bool {
    matches!(
        key,
        Key::ContactMobile | Key::ContactLandline | Key::ContactFax
    )
}

fn split_phones(fields: &[FieldDescriptor], owns: &mut [Own]) {
    let n = fields.len();
    let mentions = |f: &FieldDescriptor, words: &[&str]| {
        [f.placeholder.as_deref(), f.label.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| words.iter().any(|w| t.to_ascii_lowercase().contains(w)))
    };
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (&fields[i], &fields[i + 1]);
        let area_box = is_text_box(a)
            && (a.max_length.is_some_and(|m| (3..=5).contains(&m))
                || mentions(a, &["区号", "area code"]));
        let a_key = draft_key(&owns[i].draft).filter(|&k| is_phone(k));
        let a_says_area = mentions(a, &["区号", "area code"]);
        let b_ok = is_text_box(b)
            && together(a, b)
            && b.max_length.is_none_or(|m| m >= 7)
            && (open(&owns[i + 1].draft) || draft_key(&owns[i + 1].draft).is_some_and(is_phone));
        // A page's stated token (a country code before the number, `tel-national`) outranks
        // the guess that a short box before a number is its area code.
        let stated = |o: &Own| {
            matches!(
                &o.draft,
                Draft::Key {
                    reason: Reason::Autocomplete(_),
                    ..
                }
            )
        };
        if stated(&owns[i]) || stated(&owns[i + 1]) {
            i += 1;
            continue;
        }
        if !(area_box && (a_key.is_some() || a_says_area) && b_ok) {
            i += 1;
            continue;
        }
        let key = if a_key == Some(Key::ContactFax) {
            Key::ContactFax
        } else {
            Key::ContactLandline
        };
        let set = |owns: &mut [Own], j: usize, part: Part| {
            owns[j].draft = Draft::Key {
                key,
                reason: Reason::Context("区号+号码".into()),
            };
            owns[j].part = Some(part);
        };
        set(owns, i, Part::AreaCode);
        set(owns, i + 1, Part::Number);
        let mut len = 2;
        if i + 2 < n
            && is_text_box(&fields[i + 2])
            && together(b, &fields[i + 2])
            && mentions(&fields[i + 2], &["分机", "ext"])
        {
            set(owns, i + 2, Part::Extension);
            len = 3;
        }
        i += len;
    }
}

/// What the first option of a cascading select says it holds: 请选择市 → city.
fn picker_hint(field: &FieldDescriptor) -> Option<Key> {
    let text: String = field
        .options
        .iter()
        .take(2)
        .map(|o| o.text.as_str())
        .chain(field.label.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    if text.contains("乡") || text.contains("镇") || text.contains("街道") {
        Some(Key::AddressTownship)
    } else if text.contains("区") || text.contains("县") {
        Some(Key::AddressCounty)
    } else if text.contains("市") || text.contains("城市") {
        Some(Key::AddressCity)
    } else if text.contains("村") || text.contains("社区") {
        Some(Key::AddressVillage)
    } else {
        None
    }
}

/// The level a cascade of selects starts at, by the first select's prompt (its first option,
/// with no value: 请选择省, --省--, 县（市、区）) or its label: a province, or a county when a
/// form asks only for divisions under its own city.
fn cascade_start(field: &FieldDescriptor) -> Option<Key> {
    if asks_for_province(field) {
        return Some(Key::AddressProvince);
    }
    let prompt = field
        .options
        .first()
        .filter(|o| o.value.trim().is_empty())?
        .text
        .replace("请选择", "");
    let prompt = without_parentheses(&prompt);
    let prompt: String = prompt
        .chars()
        .filter(|c| !matches!(c, '-' | '—' | ' ' | '*' | '/' | '（' | '）'))
        .collect();
    match prompt.as_str() {
        "市" | "城市" | "地市" | "市州" => Some(Key::AddressCity),
        "县" | "区" | "区县" | "县区" | "县市区" => Some(Key::AddressCounty),
        _ => None,
    }
}

/// Whether a select's prompt (its first option, with no value: 请选择省, --省--, 省份) or its
/// own label says it holds the province.
fn asks_for_province(field: &FieldDescriptor) -> bool {
    let prompt = field
        .options
        .first()
        .filter(|o| o.value.trim().is_empty())
        .map(|o| o.text.as_str());
    [prompt, field.label.as_deref()]
        .into_iter()
        .flatten()
        .any(|t| {
            let t: String = t
                .replace("请选择", "")
                .replace("所在", "")
                .chars()
                .filter(|c| !matches!(c, '-' | '—' | ' ' | '*' | '：' | ':' | '='))
                .collect();
            matches!(
                t.as_str(),
                "省" | "省份" | "省（自治区、直辖市）" | "省（市）" | "省/直辖市" | "省市"
            )
        })
}

/// Whether a select is followed by another select of the same form: a cascade's next level.
fn cascade_follows(fields: &[FieldDescriptor], i: usize) -> bool {
    fields
        .get(i + 1)
        .is_some_and(|g| g.control == Control::Select && together(&fields[i], g))
}

/// The address a cascade of selects and the box after it belong to, by the first select's
/// label, the box's words or the heading over them (户籍所在地, 注册地址, 经营场所): a
/// person's or, for the firm's words on a firm's form (`firm`), the firm's.
fn cascade_address(texts: &[Option<&str>], firm: bool) -> Option<Key> {
    // The nearest words that name an address decide; a mailing or delivery address, a
    // birthplace, is one whose divisions the plan reads from no address (so the box is not
    // the street part of one either).
    const NOT_HELD: [&str; 6] = ["邮寄", "收件", "送达", "通讯", "籍贯", "出生地"];
    texts.iter().flatten().find_map(|t| {
        if NOT_HELD.iter().any(|w| t.contains(w)) {
            return Some(None);
        }
        find_hits(t, LABEL_RULES)
            .into_iter()
            .find_map(|h| match h.target {
                Target::Either(person, f) if f.element().value == ValueType::Address => {
                    Some(if firm { Some(f) } else { person })
                }
                // A firm's address words (注册地址, 经营场所) only on a firm's form.
                Target::Key(k)
                    if k != Key::AddressFull && k.element().value == ValueType::Address =>
                {
                    Some((firm || k.element().group != Group::Firm).then_some(k))
                }
                _ => None,
            })
    })?
}

/// Endings of the names of divisions (GB/T 2260 and the township and village levels below).
const DIVISION_ENDINGS: [&str; 15] = [
    "省",
    "市",
    "区",
    "县",
    "旗",
    "州",
    "盟",
    "乡",
    "镇",
    "街道",
    "办事处",
    "村",
    "社区",
    "委会",
    "组",
];

/// Whether a select under a label of its own, not the cascade's (`first`), lists choices and
/// none of them is a division (健康状况: 健康, 患病, 残疾): not a level of the cascade before
/// it. A cascade's later levels are empty until the one above is chosen, or list divisions.
fn lists_other_things(first: &FieldDescriptor, field: &FieldDescriptor) -> bool {
    if field.label.is_none() || field.label == first.label {
        return false;
    }
    let choices: Vec<&str> = field
        .options
        .iter()
        .map(|o| o.text.trim())
        .filter(|t| !t.is_empty() && !t.contains("选择"))
        .collect();
    choices.len() >= 2
        && !choices
            .iter()
            .any(|t| DIVISION_ENDINGS.iter().any(|e| t.ends_with(e)))
}

fn address_pickers(
    fields: &[FieldDescriptor],
    owns: &mut [Own],
    options: &[Option<(Key, &'static str)>],
    firm_at: &dyn Fn(usize) -> bool,
) {
    const LEVELS: [Key; 5] = [
        Key::AddressProvince,
        Key::AddressCity,
        Key::AddressCounty,
        Key::AddressTownship,
        Key::AddressVillage,
    ];
    let n = fields.len();
    let mut i = 0;
    while i < n {
        let f = &fields[i];
        let start = if f.control != Control::Select {
            None
        } else if options[i].is_some_and(|(k, _)| k == Key::AddressProvince)
            || draft_key(&owns[i].draft) == Some(Key::AddressProvince)
        {
            Some(Key::AddressProvince)
        } else if cascade_follows(fields, i)
            // A stated autofill token (address-level1) keeps what it says.
            && owns[i].part.is_none()
            && (open(&owns[i].draft)
                || matches!(owns[i].draft, Draft::Key { key, .. } if key.element().value == ValueType::Address))
        {
            cascade_start(f)
        } else {
            None
        };
        let Some(start) = start else {
            i += 1;
            continue;
        };
        // A place the profile does not hold (执业地点, 就医地: the first select's own label says
        // so): neither it nor the levels after it are an address of the person's or the firm's.
        if let Draft::Skip(SkipReason::NotInDictionary(word)) = &owns[i].draft {
            let word = word.clone();
            let mut j = i + 1;
            while j < n
                && fields[j].control == Control::Select
                && together(f, &fields[j])
                && (open(&owns[j].draft)
                    || draft_key(&owns[j].draft)
                        .is_some_and(|k| k.element().group == Group::Address))
            {
                owns[j].draft = Draft::Skip(SkipReason::NotInDictionary(word.clone()));
                owns[j].part = None;
                j += 1;
            }
            i = j;
            continue;
        }
        let order = &LEVELS[LEVELS.iter().position(|&k| k == start).map_or(1, |p| p + 1)..];
        owns[i].draft = Draft::Key {
            key: start,
            reason: match &owns[i].draft {
                Draft::Key {
                    reason: r @ (Reason::Label(_) | Reason::Options(_) | Reason::Autocomplete(_)),
                    key,
                    ..
                } if *key == start => r.clone(),
                _ if start == Key::AddressProvince => Reason::Options("北京市/天津市/…".into()),
                _ => Reason::Context("省/市/县".into()),
            },
        };
        let mut next = 0;
        let mut last = start;
        let mut j = i + 1;
        while j < n && next < order.len() {
            let g = &fields[j];
            let own_key = draft_key(&owns[j].draft);
            let fits = g.control == Control::Select
                && together(f, g)
                && !lists_other_things(f, g)
                && (open(&owns[j].draft)
                    || own_key.is_some_and(|k| k.element().group == Group::Address)
                    || matches!(&owns[j].draft, Draft::Skip(SkipReason::Ambiguous(ks)) if ks.iter().any(|k| k.element().group == Group::Address))
                    || g.label == f.label
                    || matches!(owns[j].draft, Draft::Key { key, .. } if key.element().value == ValueType::Address));
            if !fits {
                break;
            }
            let key = match own_key
                .filter(|k| order.contains(k))
                .or_else(|| picker_hint(g))
            {
                Some(k) if order[next..].contains(&k) => k,
                _ => order[next],
            };
            next = order
                .iter()
                .position(|&k| k == key)
                .map_or(next + 1, |p| p + 1);
            owns[j].draft = Draft::Key {
                key,
                reason: Reason::Context("省/市/县".into()),
            };
            last = key;
            j += 1;
        }
        // The box after a picker holds the rest of the address: no element of its own.
        if j < n && is_text_box(&fields[j]) && together(f, &fields[j]) {
            let rest = draft_key(&owns[j].draft)
                .is_some_and(|k| k == Key::AddressFull || k.element().value == ValueType::Address);
            // A box whose own words name another of the person's addresses than the cascade's
            // (现居住地址 after a 户籍所在地 cascade) is that address, not the cascade's rest.
            let own_address = draft_key(&owns[j].draft)
                .filter(|k| matches!(k, Key::PersonHukouAddress | Key::PersonResidenceAddress));
            let cascade_of =
                cascade_address(&[f.label.as_deref(), f.section.as_deref()], firm_at(j));
            let another =
                own_address.is_some() && cascade_of.is_some() && own_address != cascade_of;
            if rest && !another {
                // Under a cascade that ends at the county, the box holds everything below it:
                // the street part of the address the cascade is of. Under one that goes on to
                // the township or village it would repeat them: no element of its own.
                let b = &fields[j];
                let of = (last == Key::AddressCounty)
                    .then(|| {
                        cascade_address(
                            &[
                                f.label.as_deref(),
                                b.label.as_deref(),
                                b.placeholder.as_deref(),
                                f.section.as_deref(),
                            ],
                            firm_at(j),
                        )
                    })
                    .flatten();
                match of {
                    Some(key) => {
                        owns[j].draft = Draft::Key {
                            key,
                            reason: Reason::Context("省/市/县+详细地址".into()),
                        };
                        owns[j].part = Some(Part::Street);
                    }
                    None => {
                        owns[j].draft = Draft::Skip(SkipReason::NotInDictionary(
                            "详细地址（省市县以下）".into(),
                        ));
                    }
                }
                j += 1;
            }
        }
        i = j;
    }
}

/// Words that label a field as the confirmation of the one before it (确认手机号码, 再次输入
/// 邮箱, Confirm e-mail, Re-enter …).
const CONFIRM_WORDS: &[&str] = &[
    "确认",
    "再次输入",
    "再输入",
    "再次填写",
    "重复输入",
    "重新输入",
    "再次",
    "重复",
    "confirm",
    "re-enter",
    "reenter",
    "re-type",
    "retype",
    "again",
    "repeat",
];

/// Whether a field is labelled (or named) as a confirmation of another.
fn confirms(f: &FieldDescriptor) -> bool {
    [&f.label, &f.placeholder, &f.name]
        .into_iter()
        .flatten()
        .any(|t| {
            let t = t.to_ascii_lowercase();
            CONFIRM_WORDS.iter().any(|w| t.contains(w))
        })
}

/// Words that label a field as the name an account is held in (户名, 账户名称): the name of
/// whoever's block it is, asked for again.
const ACCOUNT_NAME_WORDS: &[&str] = &["户名", "账户名", "账户姓名", "开户名", "开户人姓名"];

/// Whether a field asks again for a value the form asks for elsewhere: a confirmation, or the
/// name an account is held in.
fn copies(f: &FieldDescriptor) -> bool {
    confirms(f)
        || [&f.label, &f.placeholder]
            .into_iter()
            .flatten()
            .any(|t| ACCOUNT_NAME_WORDS.iter().any(|w| t.contains(w)) && !t.contains("用户名"))
}

/// Whether a field's own label or its block's heading names somebody else by a word of the
/// rules (出租人姓名, 被申请人, 权利人（抵押权人）), not only a person the rules do not know
/// (赡养老人, who may be the owner's parents).
fn names_a_third_party(f: &FieldDescriptor) -> bool {
    let other = |h: &super::Hit| h.target == Target::Role(Role::Other);
    f.label
        .as_deref()
        .is_some_and(|l| find_hits(l, LABEL_RULES).iter().any(other))
        || heading_block_whose(f, &mut HashMap::new()) == Whose::Role(Role::Other)
}

/// Refuses an element asked for twice of the same person in one form (the same part of it),
/// unless all but one of the fields ask for it again ([`copies`]: a confirmation of the
/// first, the name an account is held in).
pub(super) fn refuse_duplicates(fields: &[FieldDescriptor], out: &mut [Classification]) {
    type Claim = (Option<String>, Key, Option<RoleRef>, Option<Part>);
    // A field the page hides from the person claims nothing: it is refused on its own, and
    // must not make the visible field it copies a duplicate.
    let claim = |f: &FieldDescriptor, c: &Classification| -> Option<Claim> {
        if f.concealed.is_some() {
            return None;
        }
        // Somebody else's fields (the 被申请人's 法定代表人, the 第三人's 姓名) are never filled
        // from the profile: two of them asking for one element are two people it does not
        // hold, not one value asked for twice.
        if c.role == Some(RoleRef::new(Role::Other)) && names_a_third_party(f) {
            return None;
        }
        match c.verdict {
            Verdict::Fill { key, .. } => Some((f.form.clone(), key, c.role, c.part)),
            Verdict::Skip { .. } => None,
        }
    };
    // (fields asking for it, of which confirmations)
    let mut counts: HashMap<Claim, (usize, usize)> = HashMap::new();
    for (f, c) in fields.iter().zip(out.iter()) {
        if let Some(k) = claim(f, c) {
            let n = counts.entry(k).or_default();
            n.0 += 1;
            n.1 += usize::from(copies(f));
        }
    }
    for (f, c) in fields.iter().zip(out.iter_mut()) {
        if let Some(k) = claim(f, c) {
            let (count, copies) = counts[&k];
            // One field and others that ask for it again (手机号码 + 确认手机号码, 姓名 +
            // 户名): the page asks for the same value twice, and all get it.
            if count > 1 && count.saturating_sub(copies) != 1 {
                c.verdict = Verdict::Skip {
                    reason: SkipReason::Duplicate { key: k.1, count },
                };
                c.role = None;
                c.part = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_about_a_child() {
        for title in [
            "2025年适龄幼儿入园信息登记",
            "城乡居民基本医疗保险参保登记（学生、儿童）",
            "新生儿医保参保登记",
            "XX幼儿园入园报名",
        ] {
            assert!(names_a_child(title), "{title}");
        }
        for title in [
            "幼儿园教师资格认定申请",
            "奖学金申请（学生）",
            "研究生入学考试报名",
            "儿童福利机构工作人员登记",
            "XX幼儿园收费公示",
        ] {
            assert!(!names_a_child(title), "{title}");
        }
    }

    #[test]
    fn block_headings_name_roles() {
        for (heading, role) in [
            ("法定代表人信息", Role::LegalRep),
            ("三、经办人信息（如委托他人办理请填写）", Role::Agent),
            ("股东（发起人）出资情况", Role::Shareholder),
            ("财务负责人信息", Role::FinanceOfficer),
            ("联络员", Role::Liaison),
            ("Emergency contact", Role::Contact),
            ("主要人员（董事、监事、经理）信息", Role::Director),
            ("Details of your agent", Role::Agent),
        ] {
            assert_eq!(heading_whose(heading), Some(Whose::Role(role)), "{heading}");
        }
        for heading in ["法定代表人变更登记申请书", "基本信息", "填表说明"] {
            assert_eq!(heading_whose(heading), None, "{heading}");
        }
        assert_eq!(heading_whose("申请人基本信息"), Some(Whose::Applicant));
        assert_eq!(heading_whose("Your details"), Some(Whose::Applicant));
    }
}
