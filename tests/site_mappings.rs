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

/// The planned text of each field of `page` that `mapping` fills from `profile`, by the
/// control's `id` (else its `name`).
fn planned(
    page: &str,
    mapping: &str,
    profile: &oncefill::core::profile::Profile,
) -> std::collections::BTreeMap<String, String> {
    use oncefill::core::mapped::classify_mapped;
    use oncefill::core::plan::{FillAction, plan_with};
    use oncefill::core::scan::html::HtmlDom;
    use oncefill::core::scan::scan;
    let root = env!("CARGO_MANIFEST_DIR");
    let html = std::fs::read_to_string(format!("{root}/www/{page}")).unwrap();
    let form =
        FormMapping::from_json(&std::fs::read_to_string(format!("{root}/www/{mapping}")).unwrap())
            .unwrap();
    let mut fields = scan(&HtmlDom::parse(&html));
    // Each step of a wizard as it is shown in its turn.
    for f in &mut fields {
        f.visible = true;
    }
    let mapped = classify_mapped(&form, &fields, &|_| Vec::new());
    let today = time::macros::date!(2026 - 06 - 01);
    let plan = plan_with(
        profile,
        &fields,
        &mapped.classified,
        &mapped.transforms,
        today,
    );
    plan.steps
        .iter()
        .filter_map(|s| {
            let field = fields.iter().find(|f| f.id == s.field)?;
            let text = match &s.action {
                FillAction::Text { value } => value.expose().to_string(),
                FillAction::Select { index } => field.options[*index].value.clone(),
                FillAction::Later { text } => format!("later: {}", text.expose()),
                _ => return None,
            };
            Some((field.html_id.clone().or_else(|| field.name.clone())?, text))
        })
        .collect()
}

/// The demo household with the roles of owner and spouse swapped: the mother (李华) keeps the
/// profile and the father (王小明) is her spouse.
fn owned_by_the_mother() -> oncefill::core::profile::Profile {
    use oncefill::core::profile::{Profile, Relation};
    let mut p = Profile::demo();
    for person in &mut p.persons {
        person.relation = match person.relation {
            Relation::Owner => Relation::Spouse,
            Relation::Spouse => Relation::Owner,
            r => r,
        };
    }
    assert_eq!(
        p.owner().map(|o| o.id.as_str()),
        Some("p2"),
        "the mother owns it"
    );
    p
}

#[test]
fn the_birth_bundle_puts_each_parent_in_their_own_block_whoever_owns_the_profile() {
    use oncefill::core::profile::Profile;
    for (who, profile) in [
        ("owned by the father", Profile::demo()),
        ("owned by the mother", owned_by_the_mother()),
    ] {
        let got = planned(
            "forms/birth-wizard.html",
            "mappings/birth-wizard.json",
            &profile,
        );
        let expect = [
            ("mqxm", "李华"),
            ("mqzjhm", "440305198512310421"),
            ("mqsj", "13900139000"),
            ("fqxm", "王小明"),
            ("fqzjhm", "110105199003071239"),
            ("fqsj", "13800138000"),
            ("lhdz", "北京市朝阳区建国路88号院3号楼2单元501室"),
            ("jhrxm", "李华"),
            ("jhrsj", "13900139000"),
            ("xsexm", "王小宝"),
        ];
        for (id, value) in expect {
            assert_eq!(got.get(id).map(String::as_str), Some(value), "{who}: #{id}");
        }
        // The person applying is whoever keeps the profile.
        let applicant = if who.contains("mother") {
            "李华"
        } else {
            "王小明"
        };
        assert_eq!(
            got.get("sbrxm").map(String::as_str),
            Some(applicant),
            "{who}"
        );
    }
}

/// A mapping names a person by what they are on the form: a block about a father or a mother
/// is never bound to the owner (`applicant`) or to the owner's `spouse`, which are right for
/// only one of the two households that could fill it; `spouse` is only for a form's 配偶.
#[test]
fn no_published_mapping_binds_a_parent_by_who_owns_the_profile() {
    use oncefill::core::mapped::classify_mapped;
    use oncefill::core::role::Role;
    use oncefill::core::scan::html::HtmlDom;
    use oncefill::core::scan::scan;
    let root = env!("CARGO_MANIFEST_DIR");
    let index: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/www/mappings/index.json")).unwrap(),
    )
    .unwrap();
    let mut parents = 0;
    for name in &index {
        let form = FormMapping::from_json(
            &std::fs::read_to_string(format!("{root}/www/mappings/{name}")).unwrap(),
        )
        .unwrap();
        let page = format!("{root}/www/forms/{}", name.replace(".json", ".html"));
        let Ok(html) = std::fs::read_to_string(&page) else {
            continue;
        };
        let fields = scan(&HtmlDom::parse(&html));
        let mapped = classify_mapped(&form, &fields, &|_| Vec::new());
        for (field, class) in fields.iter().zip(&mapped.classified) {
            if class.key().is_none() {
                continue;
            }
            let label = field.label.as_deref().unwrap_or_default();
            let role = class.role.map(|r| r.role);
            let parent = label.contains("父亲") || label.contains("母亲");
            if parent {
                parents += 1;
                let expected: &[Role] = if label.contains("父亲") {
                    &[Role::ChildsFather, Role::Father]
                } else {
                    &[Role::ChildsMother, Role::Mother]
                };
                assert!(
                    role.is_some_and(|r| expected.contains(&r)),
                    "{name}: {label} is bound to {role:?}"
                );
            }
            if role == Some(Role::Spouse) {
                assert!(
                    label.contains("配偶"),
                    "{name}: {label} is bound to the owner's spouse"
                );
            }
        }
    }
    assert!(parents >= 8, "{parents} parents' fields");
}

/// A cascade's selects (省 → 市 → 县) have no options until the one before is chosen; each
/// still gets its row in review, with its choice in words, and is filled in its turn.
#[test]
fn each_select_of_a_cascade_has_its_row_in_review() {
    let got = planned(
        "forms/samr-company.html",
        "mappings/samr-company.json",
        &oncefill::core::profile::Profile::demo(),
    );
    for (select, words) in [
        ("domProv", "浙江省"),
        ("domCity", "杭州市"),
        ("domCounty", "西湖区"),
    ] {
        assert_eq!(
            got.get(select).map(String::as_str),
            Some(format!("later: {words}").as_str()),
            "{select}"
        );
    }
}
