//! The app's first screen and its library of forms, decided from the state alone: the one next
//! step for this person, and how much of what each published form or 一件事 bundle asks for
//! the profile already holds.

use crate::app::vault::{VaultSession, VaultState};
use crate::core::bundle::{BUNDLES, Bundle, Need, needs};
use crate::core::dictionary::{Group, Key};
use crate::core::mapping::FormMapping;
use crate::core::profile::Profile;
use crate::core::role::RoleRef;

/// An element is one of those "most forms ask for" when at least this many published forms
/// ask the applicant for it.
pub const MOST_USED_FORMS: usize = 3;

/// What this person should do next: one step, never a choice of several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Still looking for a vault on this device: nothing to say yet.
    Wait,
    /// No vault on this device: set up the profile (create a vault, or try the sample).
    SetUp,
    /// A vault is here, locked: unlock it.
    Unlock,
    /// A 一件事 begun and not finished: its next form.
    Continue {
        /// The bundle.
        bundle: &'static Bundle,
        /// The index in `bundle.forms` of the first form not filled yet.
        next: usize,
    },
    /// The profile lacks what most forms ask the applicant for: these elements.
    Complete(Vec<Key>),
    /// Everything most forms ask for is at hand: choose a form.
    Choose,
}

/// What a form (or all the forms of a bundle) asks for, and how much of it the profile holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The elements asked for, each once (whose, which), in the forms' order; derived ones
    /// (the fill date, an age) are not counted.
    pub asks: Vec<(Option<RoleRef>, Key)>,
    /// Those the profile lacks.
    pub missing: Vec<Need>,
}

impl Coverage {
    /// How many of the elements asked for the profile holds.
    pub fn have(&self) -> usize {
        self.asks.len() - self.missing.len()
    }

    /// How many elements are asked for.
    pub fn total(&self) -> usize {
        self.asks.len()
    }
}

/// The elements `forms` ask for, each once, derived ones left out.
pub fn asks(forms: &[&FormMapping]) -> Vec<(Option<RoleRef>, Key)> {
    let mut out = Vec::new();
    for f in forms.iter().flat_map(|m| &m.fields) {
        if let Some(key) = f.key
            && !key.element().derived
            && !out.contains(&(f.role, key))
        {
            out.push((f.role, key));
        }
    }
    out
}

/// How much of what `forms` ask for `profile` holds.
pub fn coverage(profile: &Profile, forms: &[&FormMapping], today: time::Date) -> Coverage {
    Coverage {
        asks: asks(forms),
        missing: needs(profile, forms, today),
    }
}

/// The applicant's elements that at least [`MOST_USED_FORMS`] of the `published` forms ask
/// for, most asked first; a firm's only when the profile has a firm.
pub fn most_used(profile: &Profile, published: &[FormMapping]) -> Vec<Key> {
    let mut counted: Vec<(Key, usize)> = Vec::new();
    for form in published {
        for (role, key) in asks(&[form]) {
            if role.is_some()
                || key.element().group == Group::Meta
                || (key.element().group == Group::Firm && profile.firms.is_empty())
            {
                continue;
            }
            match counted.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counted.push((key, 1)),
            }
        }
    }
    // Most asked first; equal counts in the order the forms first ask (no sort: a few
    // passes over a short list cost less code in the bundle than a sort's instantiation).
    let mut out = Vec::new();
    for times in (MOST_USED_FORMS..=published.len()).rev() {
        out.extend(counted.iter().filter(|(_, n)| *n == times).map(|(k, _)| *k));
    }
    out
}

/// The one next step, from where the profile is kept, the profile and the published forms.
pub fn next_step(
    vault: &VaultSession,
    profile: &Profile,
    published: &[FormMapping],
    today: time::Date,
) -> NextStep {
    match vault.vault {
        VaultState::Checking => return NextStep::Wait,
        VaultState::Absent if !vault.memory_only => return NextStep::SetUp,
        VaultState::Locked => return NextStep::Unlock,
        VaultState::Absent | VaultState::Unavailable | VaultState::Unlocked => {}
    }
    for bundle in BUNDLES {
        let done = bundle.done(profile);
        if done > 0
            && done < bundle.forms.len()
            && let Some(next) = bundle
                .forms
                .iter()
                .position(|(id, _, _)| !Bundle::is_filled(profile, id))
        {
            return NextStep::Continue { bundle, next };
        }
    }
    let missing: Vec<Key> = most_used(profile, published)
        .into_iter()
        .filter(|k| profile.value_as(*k, None, today).is_none())
        .collect();
    if missing.is_empty() {
        NextStep::Choose
    } else {
        NextStep::Complete(missing)
    }
}

/// Whether a published form or bundle answers a search: every word of `query` (split at
/// spaces) is part of its title or its department. An empty query matches everything.
pub fn matches(query: &str, title: &str, department: &str) -> bool {
    // Chinese has no case; Latin letters are matched without theirs.
    let title = title.to_ascii_lowercase();
    let department = department.to_ascii_lowercase();
    query
        .to_ascii_lowercase()
        .split_whitespace()
        .all(|word| title.contains(word) || department.contains(word))
}

/// The page of the site a mapping describes (`forms/x.html`), from its URL pattern
/// (`*/forms/x.html`), when it names one of the site's own pages.
pub fn page_of(form: &FormMapping) -> Option<String> {
    form.matching.url.iter().find_map(|u| {
        let path = u.strip_prefix("*/")?;
        (path.starts_with("forms/")
            && path.ends_with(".html")
            && !path.contains('*')
            && !path.contains(".."))
        .then(|| path.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 11 - 21);

    /// The mappings the site publishes, read as the app reads them.
    fn published() -> Vec<FormMapping> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/mappings/");
        let index = std::fs::read_to_string(format!("{dir}index.json")).unwrap_or_default();
        let names: Vec<String> = serde_json::from_str(&index).unwrap_or_default();
        let mut out = Vec::new();
        for name in names {
            let text = std::fs::read_to_string(format!("{dir}{name}")).unwrap_or_default();
            match FormMapping::list_from_json(&text) {
                Ok(list) => out.extend(list),
                Err(e) => panic!("{name}: {e:?}"),
            }
        }
        assert!(out.len() >= 10, "the site's mappings were read");
        out
    }

    fn session(vault: VaultState) -> VaultSession {
        VaultSession {
            vault,
            ..VaultSession::default()
        }
    }

    #[test]
    fn the_next_step_follows_where_the_profile_is_kept() {
        let forms = published();
        let demo = Profile::demo();
        let step = |v: VaultState, p: &Profile| next_step(&session(v), p, &forms, TODAY);
        assert_eq!(step(VaultState::Checking, &demo), NextStep::Wait);
        assert_eq!(step(VaultState::Absent, &Profile::new()), NextStep::SetUp);
        assert_eq!(step(VaultState::Absent, &demo), NextStep::SetUp);
        assert_eq!(step(VaultState::Locked, &Profile::new()), NextStep::Unlock);
        let mut memory = session(VaultState::Absent);
        memory.memory_only = true;
        assert_eq!(
            next_step(&memory, &demo, &forms, TODAY),
            NextStep::Choose,
            "kept in the page by choice: on to the forms"
        );
        assert!(matches!(
            step(VaultState::Unavailable, &Profile::new()),
            NextStep::Complete(_)
        ));
    }

    #[test]
    fn an_open_vault_asks_for_what_most_forms_need_then_offers_the_forms() {
        let forms = published();
        let common = most_used(&Profile::new(), &forms);
        for key in [Key::PersonName, Key::PersonIdNumber, Key::ContactMobile] {
            assert!(common.contains(&key), "{key:?} in {common:?}");
        }
        assert!(
            common.iter().all(|k| k.element().group != Group::Firm),
            "no firm, no firm's elements: {common:?}"
        );
        let step = |p: &Profile| next_step(&session(VaultState::Unlocked), p, &forms, TODAY);
        assert_eq!(step(&Profile::new()), NextStep::Complete(common.clone()));
        let mut partial = Profile::demo();
        partial.owner_mut().values.remove(Key::ContactMobile);
        assert_eq!(step(&partial), NextStep::Complete(vec![Key::ContactMobile]));
        assert_eq!(step(&Profile::demo()), NextStep::Choose);
    }

    #[test]
    fn a_bundle_begun_is_continued_with_its_next_form() {
        let forms = published();
        let mut p = Profile::demo();
        p.mark_filled("samr.company-registration");
        match next_step(&session(VaultState::Unlocked), &p, &forms, TODAY) {
            NextStep::Continue { bundle, next } => {
                assert_eq!(bundle.id, "company");
                assert_eq!(bundle.forms[next].0, "samr.company-registration-annex");
            }
            other => panic!("{other:?}"),
        }
        p.mark_filled("samr.company-registration-annex");
        assert_eq!(
            next_step(&session(VaultState::Unlocked), &p, &forms, TODAY),
            NextStep::Choose,
            "a finished bundle is not offered again"
        );
    }

    #[test]
    fn coverage_counts_each_element_once_and_what_the_profile_holds() {
        let forms = published();
        let pension = forms
            .iter()
            .find(|f| f.id.contains("pension"))
            .unwrap_or_else(|| panic!("pension form"));
        let empty = coverage(&Profile::new(), &[pension], TODAY);
        assert!(empty.total() > 3);
        assert_eq!(empty.have(), 0, "{:?}", empty.missing);
        let full = coverage(&Profile::demo(), &[pension], TODAY);
        assert_eq!(full.total(), empty.total());
        assert!(full.have() > 0 && full.have() <= full.total());
        let mut less = Profile::demo();
        less.owner_mut().values.remove(Key::ContactMobile);
        let fewer = coverage(&less, &[pension], TODAY);
        assert_eq!(fewer.have() + 1, full.have(), "one element fewer held");
        // A bundle counts an element its forms share once.
        let company: Vec<&FormMapping> = BUNDLES[1].mappings(&forms);
        let both = coverage(&Profile::demo(), &company, TODAY);
        let apart: usize = company
            .iter()
            .map(|f| coverage(&Profile::demo(), &[f], TODAY).total())
            .sum();
        assert!(both.total() < apart, "{} < {apart}", both.total());
    }

    #[test]
    fn search_is_by_words_of_the_title_or_department_and_pages_are_the_sites_own() {
        assert!(matches("", "居民身份证申领", "公安部"));
        assert!(matches("身份证", "居民身份证申领", "公安部"));
        assert!(matches("公安 申领", "居民身份证申领", "公安部"));
        assert!(!matches("公积金", "居民身份证申领", "公安部"));
        assert!(matches("ID", "id card", ""));
        let forms = published();
        for f in &forms {
            if let Some(page) = page_of(f) {
                let path = format!("{}/www/{page}", env!("CARGO_MANIFEST_DIR"));
                assert!(std::path::Path::new(&path).is_file(), "{}: {page}", f.id);
            }
        }
        assert!(forms.iter().filter(|f| page_of(f).is_some()).count() >= 10);
    }
}
