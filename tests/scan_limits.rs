//! Hostile pages: the scanner reads them without overflowing the stack or stalling, and says
//! what it left out. Time is not asserted here (it depends on the machine); the bench records
//! it (`scan_ms_50k_fields`, `scan_ms_100k_nested`). Each test finishing at all, in a debug
//! build, is the check: before the scanner was made linear, 100k nested spans in a label
//! aborted the process and 100k nested divs took minutes.
#![cfg(not(target_arch = "wasm32"))]

use oncefill::core::classify::classify_fields_with;
use oncefill::core::i18n::Lang;
use oncefill::core::scan::html::HtmlDom;
use oncefill::core::scan::{
    Limits, MAX_DEPTH, MAX_FIELDS, MAX_HTML_BYTES, Truncated, scan_page, scan_page_with,
};

const DEEP: usize = 100_000;

#[test]
fn a_hundred_thousand_nested_spans_in_a_label() {
    let html = format!(
        "<form><label>{}姓名{}<input name=xm></label><input name=after></form>",
        "<span>".repeat(DEEP),
        "</span>".repeat(DEEP)
    );
    let scan = scan_page(&HtmlDom::parse(&html));
    assert_eq!(
        scan.truncated,
        Some(Truncated::TooDeep { limit: MAX_DEPTH })
    );
    let names: Vec<_> = scan.fields.iter().map(|f| f.name.as_deref()).collect();
    assert_eq!(names, [Some("xm"), Some("after")]);
    // The label's text lies deeper than a label is read: none is made up.
    assert_eq!(scan.fields[0].label, None);
    classify_fields_with(&scan.fields, None);
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let html = format!(
        "<form>{}<input name=deep>{}<div>姓名：<input name=xm></div></form>",
        "<div>".repeat(DEEP),
        "</div>".repeat(DEEP)
    );
    let scan = scan_page(&HtmlDom::parse(&html));
    assert_eq!(
        scan.truncated,
        Some(Truncated::TooDeep { limit: MAX_DEPTH })
    );
    // The control inside the nest is kept (an input opens no element); the page after the
    // nest reads as usual.
    let xm = scan.fields.iter().find(|f| f.name.as_deref() == Some("xm"));
    assert_eq!(xm.and_then(|f| f.label.as_deref()), Some("姓名"));
    assert!(
        scan.fields
            .iter()
            .any(|f| f.name.as_deref() == Some("deep"))
    );
}

#[test]
fn a_nest_within_the_cap_is_read_whole() {
    let depth = MAX_DEPTH / 4;
    let html = format!(
        "<form>{}<label>电话<input name=dh></label>{}</form>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let scan = scan_page(&HtmlDom::parse(&html));
    assert_eq!(scan.truncated, None);
    assert_eq!(scan.fields[0].label.as_deref(), Some("电话"));
}

fn inputs(n: usize) -> String {
    let mut html = String::from("<form><div>");
    for i in 0..n {
        html.push_str(&format!("字段{i}<input name=f{i}>"));
    }
    html.push_str("</div></form>");
    html
}

#[test]
fn fifty_thousand_inputs_in_one_container() {
    let dom = HtmlDom::parse(&inputs(50_000));
    // Within the default cap the scan stops, and says so.
    let capped = scan_page(&dom);
    assert_eq!(capped.fields.len(), MAX_FIELDS);
    assert_eq!(
        capped.truncated,
        Some(Truncated::TooManyFields {
            found: 50_000,
            limit: MAX_FIELDS
        })
    );
    // Without it, every field is read, each with its own label.
    let all = scan_page_with(
        &dom,
        Limits {
            max_fields: usize::MAX,
        },
    );
    assert_eq!(all.truncated, None);
    assert_eq!(all.fields.len(), 50_000);
    assert_eq!(all.fields[49_999].label.as_deref(), Some("字段49999"));
    assert_eq!(all.fields[49_999].row_label.as_deref(), None);
}

#[test]
fn fifty_thousand_radios_of_one_group_and_a_wide_table() {
    let mut html = String::from("<form><fieldset><legend>性别</legend>");
    for i in 0..50_000 {
        html.push_str(&format!(
            "<label><input type=radio name=xb value={i}>{i}</label>"
        ));
    }
    html.push_str("</fieldset><table><tr>");
    for i in 0..5_000 {
        html.push_str(&format!("<th>列{i}</th>"));
    }
    html.push_str("</tr><tr>");
    for i in 0..5_000 {
        html.push_str(&format!("<td><input name=c{i}></td>"));
    }
    html.push_str("</tr></table></form>");
    let scan = scan_page_with(
        &HtmlDom::parse(&html),
        Limits {
            max_fields: usize::MAX,
        },
    );
    assert_eq!(scan.fields[0].options.len(), 50_000);
    assert_eq!(scan.fields[0].label.as_deref(), Some("性别"));
    let column = |n: usize| {
        scan.fields
            .iter()
            .find(|f| f.name.as_deref() == Some(&format!("c{n}")))
            .and_then(|f| f.label.clone())
    };
    assert_eq!(column(3).as_deref(), Some("列3"));
    // Beyond the first columns a header is not looked for.
    assert_eq!(column(4_999), None);
}

#[test]
fn a_huge_attribute_and_a_huge_text() {
    let big = "长".repeat(1024 * 1024);
    let html = format!(
        "<form><div title=\"{big}\">{big}<input name=a title=\"{big}\"></div>\
         <label>{big}<input name=b></label></form>"
    );
    let scan = scan_page(&HtmlDom::parse(&html));
    assert_eq!(scan.truncated, None);
    assert_eq!(scan.fields.len(), 2);
    // Prose is no label; a wrapping label is read only as far as a label could go.
    assert!(scan.fields[1].label.as_ref().is_none_or(|l| l.len() < 4096));
}

#[test]
fn a_page_over_the_size_cap_is_read_in_part_and_says_so() {
    // The cap of `HtmlDom::parse` is MAX_HTML_BYTES (32 MiB); the same cut, at 1 MiB,
    // keeps a debug build quick.
    let cap = 1024 * 1024;
    let mut html = String::from("<form>姓名<input name=xm>");
    html.push_str(&"<p>说明</p>".repeat(cap / 13 + 1));
    html.push_str("<input name=late></form>");
    assert!(html.len() > cap);
    let scan = scan_page(&HtmlDom::parse_at_most(&html, cap));
    assert_eq!(scan.truncated, Some(Truncated::TooLarge { limit: cap }));
    assert_eq!(scan.fields.len(), 1);
    assert_eq!(
        scan_page(&HtmlDom::parse(&html)).fields.len(),
        2,
        "within the real cap"
    );
    let reason = Truncated::TooLarge {
        limit: MAX_HTML_BYTES,
    };
    let zh = reason.message(Lang::ZhCn);
    let en = reason.message(Lang::En);
    assert!(zh.contains("32 MB") && en.contains("32 MB"), "{zh} / {en}");
    assert_ne!(zh, en);
}

#[test]
fn every_reason_has_a_message_in_both_languages() {
    for reason in [
        Truncated::TooLarge { limit: 1 << 25 },
        Truncated::TooManyFields {
            found: 9_000,
            limit: 2_000,
        },
        Truncated::TooDeep { limit: 512 },
    ] {
        for lang in [Lang::ZhCn, Lang::En] {
            let m = reason.message(lang);
            assert!(!m.starts_with("scan-"), "{} has no message", reason.code());
        }
        assert!(reason.message(Lang::ZhCn).chars().any(|c| c > '\u{2e80}'));
        assert!(reason.message(Lang::En).is_ascii());
    }
}
