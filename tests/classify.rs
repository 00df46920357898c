//! Classification measured on the labelled corpus of saved pages in `tests/data/classify`
//! (and the sample forms of `www/forms`, named by their expectations): precision, recall and
//! wrong fills overall and for the Chinese pages, against the targets of issue 6.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::Path;

use oncefill::core::classify::eval::{self, PageScore, Totals};

fn corpus() -> Vec<PageScore> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = eval::load_corpus(&root.join("tests/data/classify"), root).unwrap();
    eval::score_corpus(&pages)
}

#[test]
fn the_corpus_meets_the_targets() {
    let scores = corpus();
    let table = eval::table(&scores);
    assert!(scores.len() >= 40, "{} pages\n{table}", scores.len());
    let problems: Vec<&PageScore> = scores.iter().filter(|p| !p.errors.is_empty()).collect();
    assert!(
        problems.is_empty(),
        "expectations out of step with pages:\n{table}"
    );
    for (what, totals) in [
        ("all pages", Totals::of(&scores)),
        (
            "zh pages",
            Totals::of(scores.iter().filter(|p| p.lang.starts_with("zh"))),
        ),
    ] {
        assert!(
            totals.precision() >= 0.98
                && totals.recall() >= 0.90
                && totals.wrong_fills == 0
                && totals.wrong_person == 0,
            "{what}: precision {:.4}, recall {:.4}, wrong fills {}, wrong-person fills {}\n{table}",
            totals.precision(),
            totals.recall(),
            totals.wrong_fills,
            totals.wrong_person
        );
    }
    let zh = scores.iter().filter(|p| p.lang.starts_with("zh")).count();
    assert!(zh >= 30, "{zh} Chinese pages");
    assert!(
        scores.iter().any(|p| p.lang == "zh-TW") && scores.iter().any(|p| p.lang == "en"),
        "zh-TW and English pages are part of the corpus"
    );
}

#[test]
fn metrics_are_a_flat_json_object() {
    let m = eval::metrics(&corpus());
    for key in [
        "classify_precision",
        "classify_recall",
        "classify_wrong_fills",
        "classify_wrong_person",
        "classify_precision_zh",
        "classify_recall_zh",
        "classify_wrong_fills_zh",
        "classify_wrong_person_zh",
    ] {
        assert!(m.get(key).is_some_and(|v| v.is_number()), "{key}: {m:?}");
    }
}

#[test]
fn a_generated_page_has_a_thousand_fields_and_is_classified() {
    let page = eval::generated_page(1000);
    let (ms, count) = eval::time_scan_and_classify(&page, 1);
    assert!((1000..1100).contains(&count), "{count} fields");
    assert!(ms > 0.0);
}
