//! A page seen through its value-free description is classified and planned exactly as the
//! page itself: every page of the labelled corpus (`tests/data/classify`) and every sample
//! form (`www/forms`) is described, the description written as JSON and read back, and the
//! scan, the classification and the plan over it compared with those over the saved page.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::Path;

use oncefill::core::classify::{classify_fields, eval};
use oncefill::core::plan::plan;
use oncefill::core::profile::Profile;
use oncefill::core::scan::description::{Description, describe};
use oncefill::core::scan::html::HtmlDom;
use oncefill::core::scan::scan_page;
use time::macros::date;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every page: the corpus's, then the sample forms (some of which the corpus names too).
fn pages() -> Vec<(String, String)> {
    let corpus = eval::load_corpus(&root().join("tests/data/classify"), root()).unwrap();
    let mut out: Vec<(String, String)> = corpus.into_iter().map(|(n, h, _)| (n, h)).collect();
    let mut forms: Vec<_> = std::fs::read_dir(root().join("www/forms"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    forms.sort();
    for f in forms {
        let name = format!("www/forms/{}", f.file_name().unwrap().to_string_lossy());
        out.push((name, std::fs::read_to_string(&f).unwrap()));
    }
    out
}

#[test]
fn every_page_is_classified_and_planned_alike_through_its_description() {
    let profile = Profile::demo();
    let today = date!(2026 - 06 - 01);
    let pages = pages();
    assert!(pages.len() > 60, "{} pages", pages.len());
    let mut fields = 0;
    for (name, html) in &pages {
        let dom = HtmlDom::parse(html);
        let json = describe(&dom).to_json();
        let described = Description::from_json(&json)
            .unwrap_or_else(|e| panic!("{name}: the description is refused: {e}"));
        assert_eq!(describe(&dom), described, "{name}: the round trip differs");

        let by_page = scan_page(&dom);
        let by_description = scan_page(&described);
        assert_eq!(by_page, by_description, "{name}: the scans differ");
        let classified = classify_fields(&by_page.fields);
        assert_eq!(
            classified,
            classify_fields(&by_description.fields),
            "{name}: the classifications differ"
        );
        assert_eq!(
            plan(&profile, &by_page.fields, &classified, today),
            plan(&profile, &by_description.fields, &classified, today),
            "{name}: the plans differ"
        );
        fields += by_page.fields.len();
    }
    assert!(fields > 1_000, "{fields} fields");
}

#[test]
fn a_description_carries_no_value_typed_into_the_page() {
    let html = r#"<form><label>姓名<input name=xm value="王小明"></label>
        <textarea name=bz>住在北京市</textarea>
        <input type=password name=mm value="s3cret-pass">
        <div style="color:red" onclick="steal()">备注</div></form>"#;
    let json = describe(&HtmlDom::parse(html)).to_json();
    for secret in ["王小明", "s3cret-pass", "steal", "color:red"] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    // The textarea's content is text inside it: a description says only that it holds some.
    let d = Description::from_json(&json).unwrap();
    let scan = scan_page(&d);
    assert_eq!(scan.fields.len(), 3);
    assert!(scan.fields.iter().all(|f| f.has_value), "{scan:?}");
}

#[test]
fn the_fuzzing_seeds_are_read() {
    use oncefill::core::protocol::Message;
    let dir = root().join("fuzz/corpus/description");
    let mut seeds = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let read = Description::from_json(&text).is_ok() || Message::from_json(&text).is_ok();
        assert!(read, "{} is read neither way", path.display());
        seeds += 1;
    }
    assert!(seeds >= 4);
}
