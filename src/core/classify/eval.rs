//! Measuring classification against a labelled corpus of saved pages (native only).
//!
//! A page `NAME.html` comes with `NAME.expected.json`:
//!
//! ```json
//! {"lang": "zh-CN",
//!  "source": "what the page is modelled on",
//!  "misses": ["p2_xm"],
//!  "fields": {"aac003": {"key": "person.name", "reason": "label"},
//!             "lxr_xm": {"key": "person.name", "role": "contact", "reason": "label"},
//!             "p2_xm": {"key": "person.name", "role": "spouse"},
//!             "yzm": null}}
//! ```
//!
//! `fields` is the handle→element shape ([`crate::core::handle_map`]). Fields are named as
//! [`report`](super::report) names them (`id`, else `name`; a radio group by its `name`); a
//! second field of the same name is `name#2`, a field with neither `@N` (its position in the
//! report, from 0). Every reported field must be listed: `null` means it must stay empty. A
//! field's `part` may be given too, and a field filled rightly records the kind of its
//! `reason` ([`Reason::KINDS`]), as Firefox's heuristics tests do. `misses` lists the fields
//! the classifier does not get right yet (refused, or a part not told): they count against
//! the scores, and a page's own test (`tests/classify.rs`) fails when one is got right, so
//! that the list only shrinks. The page may live elsewhere in the repository (`"page":
//! "www/forms/pension.html"`).
//!
//! Scores, over the fields of the pages:
//!
//! * **precision**: of the fields given an element, the share given the right element and
//!   role (and part, where the expectation names one);
//! * **recall**: of the fields expected to get an element, the share that got it, rightly;
//! * **wrong fills**: fields that would receive a value of another type (expected empty, or
//!   another element, yet given one);
//! * **wrong-person fills**: fields given the right element of the wrong person (another
//!   role, another holder of a repeated role, or the applicant's for somebody else's or the
//!   reverse): one person's ID number in another person's block, the worst error a fill can
//!   make. Counted apart from wrong fills; both also lower precision and recall.
//!
//! So every field that belongs to somebody other than the applicant must state its `role` in
//! the expectation.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde_json::{Map, Value};

use super::report::{FieldReport, report};
use super::{Part, Reason, classify_fields};
use crate::core::dictionary::Key;
use crate::core::handle_map::{self, Problem};
use crate::core::role::RoleRef;
use crate::core::scan::html::HtmlDom;
use crate::core::scan::scan;

/// What one field should get.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The element, or none (must stay empty).
    pub key: Option<Key>,
    /// Whose.
    pub role: Option<RoleRef>,
    /// Which part, when the expectation says.
    pub part: Option<Option<Part>>,
    /// The kind of reason it is recognised by ([`Reason::kind`]), when the expectation says.
    pub reason: Option<&'static str>,
}

fn parse_part(s: &str) -> Option<Part> {
    Some(match s {
        "year" => Part::Year,
        "month" => Part::Month,
        "day" => Part::Day,
        "area_code" => Part::AreaCode,
        "number" => Part::Number,
        "extension" => Part::Extension,
        "surname" => Part::Surname,
        "given" => Part::Given,
        "street" => Part::Street,
        "country_code" => Part::CountryCode,
        "province" => Part::Province,
        "city" => Part::City,
        "county" => Part::County,
        "township" => Part::Township,
        "country" => Part::Country,
        "country_name" => Part::CountryName,
        _ => return None,
    })
}

/// Reads the expected fields: the handle→element shape ([`crate::core::handle_map`]) whose
/// objects may add `part` and `reason`.
fn parse_fields(fields: &Map<String, Value>) -> Result<HashMap<String, Expected>, String> {
    let (entries, problems) = handle_map::read(fields, &["part", "reason"]);
    let message = |p: &handle_map::EntryProblem| -> Option<String> {
        let handle = &p.handle;
        let shown = |m: Option<&str>| {
            let entry = fields.get(handle);
            m.map_or(entry, |m| entry.and_then(|e| e.get(m)))
                .cloned()
                .unwrap_or_default()
        };
        Some(match &p.problem {
            Problem::UnknownKey(s) => format!("{handle}: unknown dictionary key {s:?}"),
            Problem::KeyType => format!("{handle}: key {} is not a string", shown(Some("key"))),
            Problem::NotAnEntry => format!("{handle}: cannot read {}", shown(None)),
            Problem::UnknownRole(r) => format!("{handle}: unknown role {r:?}"),
            Problem::RoleType => format!("{handle}: role {} is not a string", shown(Some("role"))),
            Problem::UnknownMember(m) => format!("{handle}: unknown member {m:?}"),
            // An object without `key` expects the field to stay empty.
            Problem::MissingKey => return None,
        })
    };
    if let Some(e) = problems.iter().find_map(message) {
        return Err(e);
    }
    entries
        .into_iter()
        .map(|e| {
            let handle = e.handle;
            let member = |m: &str| e.object.and_then(|o| o.get(m));
            let part = match member("part") {
                None => None,
                Some(Value::Null) => Some(None),
                Some(Value::String(s)) => Some(Some(
                    parse_part(s).ok_or_else(|| format!("{handle}: unknown part {s:?}"))?,
                )),
                Some(other) => return Err(format!("{handle}: part {other} is not a string")),
            };
            let reason = match member("reason") {
                None => None,
                Some(Value::String(s)) => Some(
                    Reason::KINDS
                        .iter()
                        .copied()
                        .find(|k| k == s)
                        .ok_or_else(|| format!("{handle}: unknown reason {s:?}"))?,
                ),
                Some(other) => return Err(format!("{handle}: reason {other} is not a string")),
            };
            let expected = Expected {
                key: e.key,
                role: e.role,
                part,
                reason,
            };
            Ok((handle.to_string(), expected))
        })
        .collect()
}

/// A page's expectations.
#[derive(Clone, Debug)]
pub struct PageExpectation {
    /// `zh-CN`, `zh-TW`, `en`, ...
    pub lang: String,
    /// By field handle.
    pub fields: HashMap<String, Expected>,
    /// The fields the classifier does not get right yet (`misses`): refused, or a part not
    /// told. They count as misses in the scores; a page's own test fails when one of them is
    /// got right, so that the list only shrinks.
    pub misses: Vec<String>,
}

/// Reads an expected file.
pub fn parse_expectation(json: &str) -> Result<PageExpectation, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    let lang = v
        .get("lang")
        .and_then(Value::as_str)
        .ok_or("no \"lang\"")?
        .to_string();
    let fields = parse_fields(
        v.get("fields")
            .and_then(Value::as_object)
            .ok_or("no \"fields\" object")?,
    )?;
    let misses = match v.get("misses") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|h| match h.as_str() {
                Some(h) if fields.contains_key(h) => Ok(h.to_string()),
                Some(h) => Err(format!("misses: {h:?} is not one of the fields")),
                None => Err(format!("misses: {h} is not a handle")),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(format!("misses: {other} is not an array")),
    };
    Ok(PageExpectation {
        lang,
        fields,
        misses,
    })
}

/// The report of a page with unique handles (`name#2`, `@N`).
pub fn classify_page(html: &str) -> Vec<(String, FieldReport)> {
    let dom = HtmlDom::parse(html);
    let fields = scan(&dom);
    let classified = classify_fields(&fields);
    let mut seen: HashMap<String, usize> = HashMap::new();
    report(&fields, &classified)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let handle = match &r.field {
                Some(h) => {
                    let n = seen.entry(h.clone()).or_default();
                    *n += 1;
                    if *n == 1 {
                        h.clone()
                    } else {
                        format!("{h}#{n}")
                    }
                }
                None => format!("@{i}"),
            };
            (handle, r)
        })
        .collect()
}

/// The score of one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageScore {
    /// The page's name.
    pub name: String,
    /// Its language.
    pub lang: String,
    /// Fields in the report.
    pub fields: usize,
    /// Fields given an element.
    pub classified: usize,
    /// Of those, rightly (element, role, part).
    pub correct: usize,
    /// Fields expected to get an element.
    pub expected: usize,
    /// Of those, found rightly.
    pub found: usize,
    /// Fields given an element of another type than expected.
    pub wrong_fills: usize,
    /// Fields given the expected element of another person (another role or holder).
    pub wrong_person: usize,
    /// Each mismatch, for the failure table.
    pub mismatches: Vec<String>,
    /// The handles of the mismatched fields, in page order.
    pub mismatched: Vec<String>,
    /// Fields filled rightly, but for another kind of reason than the expectation records.
    pub reasons: Vec<String>,
    /// Expectation problems: fields the page lacks or the expectation does not list.
    pub errors: Vec<String>,
}

fn show(key: Option<Key>, role: Option<RoleRef>) -> String {
    match (key, role) {
        (None, _) => "∅".into(),
        (Some(k), None) => k.id().into(),
        (Some(k), Some(r)) => format!("{}@{r}", k.id()),
    }
}

/// Scores a page against its expectation.
pub fn score_page(name: &str, html: &str, expected: &PageExpectation) -> PageScore {
    let mut s = PageScore {
        name: name.into(),
        lang: expected.lang.clone(),
        ..PageScore::default()
    };
    let got = classify_page(html);
    let handles: HashSet<&str> = got.iter().map(|(h, _)| h.as_str()).collect();
    for h in expected.fields.keys() {
        if !handles.contains(h.as_str()) {
            s.errors
                .push(format!("{h}: expected, but the page has no such field"));
        }
    }
    for (handle, r) in &got {
        s.fields += 1;
        let Some(exp) = expected.fields.get(handle) else {
            s.errors.push(format!(
                "{handle}: not listed in the expectation (got {})",
                show(r.key, r.role)
            ));
            continue;
        };
        let part_ok = exp.part.is_none_or(|p| p == r.part);
        let right = r.key == exp.key && r.role == exp.role && part_ok;
        if r.key.is_some() {
            s.classified += 1;
            if right {
                s.correct += 1;
            }
            if r.key != exp.key {
                s.wrong_fills += 1;
            } else if r.role != exp.role {
                s.wrong_person += 1;
            }
        }
        if exp.key.is_some() {
            s.expected += 1;
            if right {
                s.found += 1;
            }
        }
        if right
            && let Some(want) = exp.reason
            && r.reason != Some(want)
        {
            s.reasons.push(format!(
                "{handle}: expected by {want}, got by {}",
                r.reason.unwrap_or("nothing")
            ));
        }
        if !right {
            s.mismatched.push(handle.clone());
            let why = match (&r.skip, &r.detail) {
                (Some(skip), _) => serde_json::to_string(skip).unwrap_or_default(),
                (None, Some(d)) => format!("{} {d}", r.reason.unwrap_or_default()),
                _ => String::new(),
            };
            s.mismatches.push(format!(
                "{handle}: expected {}, got {}{} ({why})",
                show(exp.key, exp.role),
                show(r.key, r.role),
                r.part.map(|p| format!(" [{}]", p.id())).unwrap_or_default(),
            ));
        }
    }
    s
}

/// Sums of page scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Fields given an element.
    pub classified: usize,
    /// Rightly.
    pub correct: usize,
    /// Expected to get one.
    pub expected: usize,
    /// Found rightly.
    pub found: usize,
    /// Wrong fills.
    pub wrong_fills: usize,
    /// Wrong-person fills.
    pub wrong_person: usize,
}

impl Totals {
    /// Adds up the pages `keep` selects.
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a PageScore>) -> Totals {
        pages.into_iter().fold(Totals::default(), |t, p| Totals {
            classified: t.classified + p.classified,
            correct: t.correct + p.correct,
            expected: t.expected + p.expected,
            found: t.found + p.found,
            wrong_fills: t.wrong_fills + p.wrong_fills,
            wrong_person: t.wrong_person + p.wrong_person,
        })
    }

    /// correct / classified (1 when nothing was classified).
    pub fn precision(&self) -> f64 {
        if self.classified == 0 {
            1.0
        } else {
            self.correct as f64 / self.classified as f64
        }
    }

    /// found / expected (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.found as f64 / self.expected as f64
        }
    }
}

fn round4(x: f64) -> Value {
    serde_json::Number::from_f64((x * 10_000.0).round() / 10_000.0)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// `classify_precision`, `classify_recall`, `classify_wrong_fills`, `classify_wrong_person`
/// and their `_zh` variants (pages whose language starts with `zh`).
pub fn metrics(pages: &[PageScore]) -> Map<String, Value> {
    let all = Totals::of(pages);
    let zh = Totals::of(pages.iter().filter(|p| p.lang.starts_with("zh")));
    let mut m = Map::new();
    m.insert("classify_precision".into(), round4(all.precision()));
    m.insert("classify_recall".into(), round4(all.recall()));
    m.insert("classify_wrong_fills".into(), all.wrong_fills.into());
    m.insert("classify_wrong_person".into(), all.wrong_person.into());
    m.insert("classify_precision_zh".into(), round4(zh.precision()));
    m.insert("classify_recall_zh".into(), round4(zh.recall()));
    m.insert("classify_wrong_fills_zh".into(), zh.wrong_fills.into());
    m.insert("classify_wrong_person_zh".into(), zh.wrong_person.into());
    m
}

/// A table of the pages, one row each, with their mismatches and reasons of another kind.
pub fn table(pages: &[PageScore]) -> String {
    let mut out = String::from(
        "page                                   lang   fields  given right  expct found  wrong person\n",
    );
    for p in pages {
        out.push_str(&format!(
            "{:<38} {:<6} {:>6} {:>6} {:>5} {:>6} {:>5} {:>6} {:>6}\n",
            p.name,
            p.lang,
            p.fields,
            p.classified,
            p.correct,
            p.expected,
            p.found,
            p.wrong_fills,
            p.wrong_person
        ));
        for m in p.errors.iter().chain(&p.mismatches).chain(&p.reasons) {
            out.push_str(&format!("    {m}\n"));
        }
    }
    out
}

/// A generated government form of about `n` fields: repeated blocks of a 人社/市场监管 style
/// form (headings naming roles, label cells, selects of ethnic groups, year/month/day
/// selects, radio groups, pinyin names), for timing.
pub fn generated_page(n: usize) -> String {
    const ROLES: [&str; 6] = [
        "申请人基本信息",
        "法定代表人信息",
        "财务负责人信息",
        "联络员信息",
        "委托代理人信息",
        "股东（发起人）出资情况",
    ];
    let ethnic: String = crate::core::codes::ETHNICITIES
        .iter()
        .map(|c| format!("<option value=\"{}\">{}</option>", c.code, c.name))
        .collect();
    let years: String = (1940..=2025)
        .map(|y| format!("<option>{y}</option>"))
        .collect();
    let months: String = (1..=12).map(|m| format!("<option>{m}</option>")).collect();
    let days: String = (1..=31).map(|d| format!("<option>{d}</option>")).collect();
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>生成的表单</title></head><body><h1>综合申请表</h1><form id=\"big\">",
    );
    let mut fields = 0;
    let mut block = 0;
    while fields < n {
        let b = block;
        html.push_str(&format!(
            "<h2>{}</h2><table class=\"form-table\"><tbody>",
            ROLES[b % ROLES.len()]
        ));
        html.push_str(&format!(
            "<tr><td class=\"lbl\">姓名<span class=\"req\">*</span></td><td><input name=\"xm_{b}\" maxlength=\"50\"></td>\
             <td class=\"lbl\">性别</td><td><label><input type=\"radio\" name=\"xb_{b}\" value=\"1\">男</label><label><input type=\"radio\" name=\"xb_{b}\" value=\"2\">女</label></td></tr>\
             <tr><td class=\"lbl\">民族</td><td><select name=\"mz_{b}\"><option value=\"\">--请选择--</option>{ethnic}</select></td>\
             <td class=\"lbl\">出生日期</td><td><select name=\"csrq_y_{b}\"><option value=\"\">年</option>{years}</select>年<select name=\"csrq_m_{b}\"><option value=\"\">月</option>{months}</select>月<select name=\"csrq_d_{b}\"><option value=\"\">日</option>{days}</select>日</td></tr>\
             <tr><td class=\"lbl\">证件类型</td><td><select name=\"zjlx_{b}\"><option>居民身份证</option><option>中国护照</option><option>港澳居民来往内地通行证</option></select></td>\
             <td class=\"lbl\">证件号码</td><td><input name=\"zjhm_{b}\" maxlength=\"18\"></td></tr>\
             <tr><td class=\"lbl\">移动电话</td><td><input name=\"sjhm_{b}\" maxlength=\"11\"></td>\
             <td class=\"lbl\">固定电话</td><td><input name=\"qh_{b}\" maxlength=\"4\" placeholder=\"区号\">-<input name=\"dh_{b}\" maxlength=\"8\"></td></tr>\
             <tr><td class=\"lbl\">电子邮箱</td><td><input type=\"email\" name=\"dzyx_{b}\"></td>\
             <td class=\"lbl\">邮政编码</td><td><input name=\"yzbm_{b}\" maxlength=\"6\"></td></tr>\
             <tr><td class=\"lbl\">户籍地址</td><td colspan=\"3\"><input name=\"hjdz_{b}\"></td></tr>\
             <tr><td class=\"lbl\">居住地址</td><td colspan=\"3\"><input name=\"jzdz_{b}\"></td></tr>\
             <tr><td class=\"lbl\">职务</td><td><input name=\"zw_{b}\"></td><td class=\"lbl\">婚姻状况</td><td><select name=\"hyzk_{b}\"><option></option><option>未婚</option><option>已婚</option><option>离婚</option><option>丧偶</option></select></td></tr>\
             <tr><td class=\"lbl\">验证码</td><td><input name=\"yzm_{b}\"></td><td class=\"lbl\">备注</td><td><textarea name=\"bz_{b}\"></textarea></td></tr>"
        ));
        html.push_str("</tbody></table>");
        fields += 19;
        block += 1;
    }
    html.push_str("</form></body></html>");
    html
}

/// The median time, in milliseconds, of scanning and classifying a parsed page, over `runs`
/// runs (at least one).
pub fn time_scan_and_classify(html: &str, runs: usize) -> (f64, usize) {
    let dom = HtmlDom::parse(html);
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let fields = scan(&dom);
        let classified = classify_fields(&fields);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        count = classified.len();
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], count)
}

/// The median time in ms of parsing and scanning `html` with no field cap.
fn time_parse_and_scan(html: &str, runs: usize) -> f64 {
    let limits = crate::core::scan::Limits {
        max_fields: usize::MAX,
    };
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let dom = HtmlDom::parse(html);
            let _ = crate::core::scan::scan_page_with(&dom, limits);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Hostile pages for `cargo xtask bench`: `scan_ms_5k_fields` and `scan_ms_50k_fields`
/// (inputs, each after its own text, in one container; parse and scan with no field cap),
/// `scan_fields_ratio_50k_5k` (10 when time grows in step with size) and
/// `scan_ms_100k_nested` (100,000 nested `<div>`, then 100,000 nested `<span>` in a label).
pub fn scan_limit_metrics(runs: usize) -> Map<String, Value> {
    let inputs = |n: usize| {
        let mut html = String::from("<form><div>");
        for i in 0..n {
            html.push_str(&format!("字段{i}<input name=f{i}>"));
        }
        html + "</div></form>"
    };
    let nested = format!(
        "<form>{}<input name=a>{}<label>{}姓名{}<input name=b></label></form>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000),
        "<span>".repeat(100_000),
        "</span>".repeat(100_000)
    );
    let small = time_parse_and_scan(&inputs(5_000), runs);
    let large = time_parse_and_scan(&inputs(50_000), runs);
    let deep = time_parse_and_scan(&nested, runs);
    let round = |v: f64| {
        serde_json::Number::from_f64((v * 1000.0).round() / 1000.0)
            .map_or(Value::Null, Value::Number)
    };
    let mut out = Map::new();
    out.insert("scan_ms_5k_fields".into(), round(small));
    out.insert("scan_ms_50k_fields".into(), round(large));
    out.insert(
        "scan_fields_ratio_50k_5k".into(),
        round(if small > 0.0 { large / small } else { 0.0 }),
    );
    out.insert("scan_ms_100k_nested".into(), round(deep));
    out
}

/// Reads a corpus directory: every `NAME.expected.json` with its page (see [`load_page`]).
/// Sorted by name.
pub fn load_corpus(
    dir: &std::path::Path,
    root: &std::path::Path,
) -> Result<Vec<(String, String, PageExpectation)>, String> {
    page_names(dir)?
        .into_iter()
        .map(|name| load_page(dir, root, &name))
        .collect()
}

/// The names of a corpus directory's pages (those with a `NAME.expected.json`), sorted.
pub fn page_names(dir: &std::path::Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    names.sort();
    Ok(names)
}

/// Reads one page of a corpus directory: `NAME.expected.json` with `NAME.html` beside it or,
/// when the expectation names `"page"`, that path under `root` (the repository, so that the
/// sample forms in `www/forms` count without copies).
pub fn load_page(
    dir: &std::path::Path,
    root: &std::path::Path,
    name: &str,
) -> Result<(String, String, PageExpectation), String> {
    let exp_path = dir.join(format!("{name}.expected.json"));
    let json =
        std::fs::read_to_string(&exp_path).map_err(|e| format!("{}: {e}", exp_path.display()))?;
    let expectation =
        parse_expectation(&json).map_err(|e| format!("{}: {e}", exp_path.display()))?;
    let page = serde_json::from_str::<Value>(&json)
        .ok()
        .and_then(|v| v.get("page").and_then(Value::as_str).map(|p| root.join(p)))
        .unwrap_or_else(|| dir.join(format!("{name}.html")));
    let bytes = std::fs::read(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    Ok((
        name.to_string(),
        String::from_utf8_lossy(&bytes).into_owned(),
        expectation,
    ))
}

/// Scores every page of a corpus.
pub fn score_corpus(corpus: &[(String, String, PageExpectation)]) -> Vec<PageScore> {
    corpus
        .iter()
        .map(|(name, html, exp)| score_page(name, html, exp))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The applicant's block, then the legal representative's.
    const PAGE: &str = "<html><body><form>\
        <fieldset><legend>申请人信息</legend><label for=\"xm\">姓名</label><input id=\"xm\"></fieldset>\
        <fieldset><legend>法定代表人信息</legend><label for=\"fr_xm\">姓名</label><input id=\"fr_xm\">\
        <label for=\"fr_sfzh\">身份证号码</label><input id=\"fr_sfzh\"></fieldset>\
        </form></body></html>";

    fn score(fields: &str) -> PageScore {
        let exp =
            parse_expectation(&format!(r#"{{"lang": "zh-CN", "fields": {fields}}}"#)).unwrap();
        score_page("p", PAGE, &exp)
    }

    #[test]
    fn the_right_people_score_fully() {
        let s = score(
            r#"{"xm": "person.name",
                "fr_xm": {"key": "person.name", "role": "legal_rep"},
                "fr_sfzh": {"key": "person.id_number", "role": "legal_rep"}}"#,
        );
        assert!(s.errors.is_empty(), "{:?}", s.errors);
        assert_eq!(
            (s.correct, s.found, s.wrong_fills, s.wrong_person),
            (3, 3, 0, 0)
        );
    }

    #[test]
    fn a_right_element_for_the_wrong_person_is_a_wrong_person_fill() {
        // The legal representative's ID number expected as the agent's, and as the
        // applicant's own.
        let s = score(
            r#"{"xm": "person.name",
                "fr_xm": {"key": "person.name", "role": "agent"},
                "fr_sfzh": "person.id_number"}"#,
        );
        assert_eq!(s.wrong_person, 2, "{:?}", s.mismatches);
        assert_eq!(s.wrong_fills, 0, "the elements are right");
        assert_eq!((s.correct, s.found), (1, 1));
        let totals = Totals::of([&s]);
        assert_eq!(totals.wrong_person, 2);
        assert_eq!(metrics(&[s])["classify_wrong_person"], 2);
        // The applicant's name expected as somebody else's.
        let s = score(
            r#"{"xm": {"key": "person.name", "role": "contact"},
                "fr_xm": {"key": "person.name", "role": "legal_rep"},
                "fr_sfzh": {"key": "person.id_number", "role": "legal_rep"}}"#,
        );
        assert_eq!((s.wrong_person, s.wrong_fills), (1, 0));
    }

    #[test]
    fn another_element_is_a_wrong_fill_not_a_wrong_person_fill() {
        let s = score(
            r#"{"xm": null,
                "fr_xm": {"key": "person.name", "role": "legal_rep"},
                "fr_sfzh": {"key": "contact.mobile", "role": "agent"}}"#,
        );
        assert_eq!((s.wrong_fills, s.wrong_person), (2, 0));
    }
}
