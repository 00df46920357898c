//! The mappings the site publishes: the index lists every file, every file reads, and every
//! form of a bundle is among them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use oncefill::core::bundle::BUNDLES;
use oncefill::core::mapping::FormMapping;
use oncefill::core::transform;

#[test]
fn the_index_lists_every_published_mapping_and_each_reads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/mappings");
    let index: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/index.json")).unwrap())
            .unwrap();
    let files: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && n != "index.json")
        .collect();
    assert_eq!(
        index.iter().cloned().collect::<BTreeSet<_>>(),
        files,
        "index.json and the files differ"
    );
    let mut ids = BTreeSet::new();
    for name in &index {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let form = FormMapping::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        // Each transform was read into the engine's own type with the mapping; written
        // back, it reads as the same transform.
        for f in &form.fields {
            if let Some(t) = &f.transform {
                let json = serde_json::to_value(t).unwrap();
                assert_eq!(transform::read(&json).as_ref(), Ok(t), "{name}: {json}");
                assert!(transform::check(t).is_empty(), "{name}: {json}");
            }
        }
        ids.insert(form.id);
    }
    assert!(ids.len() >= 10, "{} forms", ids.len());
    for bundle in BUNDLES {
        for (id, page, _) in bundle.forms {
            assert!(ids.contains(*id), "bundle {}: no mapping {id}", bundle.id);
            assert!(
                std::path::Path::new(&format!("{}/www/{page}", env!("CARGO_MANIFEST_DIR")))
                    .is_file(),
                "{page}"
            );
        }
    }
}
