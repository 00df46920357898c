//! 一件事一次办 bundles: several departments' forms for one life event, filled from one profile.
//! Before the first form, everything the whole bundle needs that the profile lacks is asked
//! for once; then each form fills without further typing.

use crate::core::dictionary::Key;
use crate::core::mapping::FormMapping;
use crate::core::profile::Profile;
use crate::core::role::RoleRef;

/// A bundle and its forms, in the order they are filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// Stable id.
    pub id: &'static str,
    /// zh-CN title.
    pub zh: &'static str,
    /// English title.
    pub en: &'static str,
    /// (mapping id, page path relative to the site, zh-CN title).
    pub forms: &'static [(&'static str, &'static str, &'static str)],
}

/// The bundles the site's forms make up (国发〔2024〕3号 高效办成一件事).
pub const BUNDLES: &[Bundle] = &[
    Bundle {
        id: "birth",
        zh: "新生儿出生一件事",
        en: "Birth of a child",
        forms: &[
            (
                "nhc.birth-bundle",
                "forms/birth-wizard.html",
                "出生医学证明、户口登记、医保参保",
            ),
            (
                "hrss.social-security-card-application",
                "forms/social-card.html",
                "社会保障卡申领",
            ),
        ],
    },
    Bundle {
        id: "company",
        zh: "企业开办一件事",
        en: "Starting a company",
        forms: &[
            (
                "samr.company-registration",
                "forms/samr-company.html",
                "公司登记（备案）申请书",
            ),
            (
                "samr.company-registration-annex",
                "forms/samr-company-annex.html",
                "公司登记附表：人员信息、授权委托书",
            ),
        ],
    },
];

/// The bundle a form belongs to.
pub fn bundle_of(form: &str) -> Option<&'static Bundle> {
    BUNDLES
        .iter()
        .find(|b| b.forms.iter().any(|(id, _, _)| *id == form))
}

/// Something a bundle's forms ask for that the profile lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    /// Whose: `None` for the applicant, else a role (`legal_rep`, `child`, ...).
    pub role: Option<RoleRef>,
    /// The element.
    pub key: Key,
    /// The profile has nobody in that role yet (the person must be added first).
    pub nobody: bool,
}

/// What the mapped forms `forms` need that `profile` lacks, each once.
pub fn needs(profile: &Profile, forms: &[&FormMapping], today: time::Date) -> Vec<Need> {
    let mut out: Vec<Need> = Vec::new();
    for form in forms {
        for f in &form.fields {
            let Some(key) = f.key else { continue };
            if key.element().derived {
                continue;
            }
            let role = f.role;
            let nobody = role.is_some_and(|r| profile.role_values(r).is_none());
            if !nobody && profile.value_as(key, role, today).is_some() {
                continue;
            }
            let need = Need { role, key, nobody };
            if !out.contains(&need) {
                out.push(need);
            }
        }
    }
    out
}

impl Bundle {
    /// The bundle's forms among the `published` mappings, in the bundle's order (a form the
    /// site does not publish is left out).
    pub fn mappings<'a>(&self, published: &'a [FormMapping]) -> Vec<&'a FormMapping> {
        self.forms
            .iter()
            .filter_map(|(id, _, _)| published.iter().find(|f| f.id == *id))
            .collect()
    }

    /// What the bundle's published forms need that `profile` lacks, each once.
    pub fn needs_of(
        &self,
        profile: &Profile,
        published: &[FormMapping],
        today: time::Date,
    ) -> Vec<Need> {
        needs(profile, &self.mappings(published), today)
    }

    /// Whether the form `id` was filled already.
    pub fn is_filled(profile: &Profile, id: &str) -> bool {
        profile.filled_forms.iter().any(|f| f == id)
    }

    /// How many of the bundle's forms were filled already.
    pub fn done(&self, profile: &Profile) -> usize {
        self.forms
            .iter()
            .filter(|(id, _, _)| Self::is_filled(profile, id))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form(json: &str) -> FormMapping {
        FormMapping::from_json(json).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn what_a_bundle_lacks_is_listed_once() {
        let a = form(
            r#"{"version":1,"id":"a","title":"A","department":"D","match":{"fields":["x"]},"fields":[
            {"locator":{"id":"x"},"key":"person.name"},
            {"locator":{"id":"y"},"key":"person.residence_address"},
            {"locator":{"id":"z"},"key":"contact.email","role":"legal_rep"},
            {"locator":{"id":"w"},"key":"person.name","role":"guardian"}]}"#,
        );
        let b = form(
            r#"{"version":1,"id":"b","title":"B","department":"D","match":{"fields":["x"]},"fields":[
            {"locator":{"id":"q"},"key":"person.residence_address"}]}"#,
        );
        let needs = needs(&Profile::demo(), &[&a, &b], date!(2026 - 11 - 21));
        let shown: Vec<(Option<RoleRef>, Key, bool)> =
            needs.iter().map(|n| (n.role, n.key, n.nobody)).collect();
        assert_eq!(
            shown,
            vec![
                (None, Key::PersonResidenceAddress, false),
                (
                    Some(RoleRef::new(crate::core::role::Role::Guardian)),
                    Key::PersonName,
                    true
                ),
            ],
            "the legal representative (the owner) has an e-mail; the residence address is asked once"
        );
    }

    #[test]
    fn every_bundle_form_is_one_of_the_site_mappings() {
        for b in BUNDLES {
            assert!(!b.forms.is_empty());
            for (_, page, _) in b.forms {
                assert!(
                    page.starts_with("forms/") && page.ends_with(".html"),
                    "{page}"
                );
            }
        }
        assert_eq!(
            bundle_of("samr.company-registration").map(|b| b.id),
            Some("company")
        );
    }

    #[test]
    fn a_bundle_asks_of_its_published_forms_and_counts_those_filled() {
        let company = bundle_of("samr.company-registration").unwrap_or(&BUNDLES[0]);
        let annex = form(
            r#"{"version":1,"id":"samr.company-registration-annex","title":"A","department":"D","match":{"fields":["x"]},"fields":[
            {"locator":{"id":"x"},"key":"person.name","role":"guardian"}]}"#,
        );
        let other = form(
            r#"{"version":1,"id":"elsewhere","title":"B","department":"D","match":{"fields":["x"]},"fields":[
            {"locator":{"id":"q"},"key":"person.residence_address"}]}"#,
        );
        let published = vec![other, annex];
        let mine: Vec<&str> = company
            .mappings(&published)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(mine, vec!["samr.company-registration-annex"]);
        let mut profile = Profile::demo();
        let needs = company.needs_of(&profile, &published, date!(2026 - 11 - 21));
        assert_eq!(needs.len(), 1);
        assert_eq!(needs[0].key, Key::PersonName);
        assert!(needs[0].nobody);
        assert_eq!(company.done(&profile), 0);
        profile
            .filled_forms
            .push("samr.company-registration".into());
        profile.filled_forms.push("elsewhere".into());
        assert_eq!(company.done(&profile), 1);
        assert!(Bundle::is_filled(&profile, "elsewhere"));
        assert!(!Bundle::is_filled(
            &profile,
            "samr.company-registration-annex"
        ));
    }
}
