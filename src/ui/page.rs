//! The page being filled: scan → classify → plan of the page as it is now, for review, and
//! the fill of what the person kept ticked. Each ends by sending an action.

use crate::core::classify::{classify_all_with, learn};
use crate::core::dictionary::Key;
use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::mapping::FormMapping;
use crate::core::plan::{Drift, Recheck};
use crate::core::plan::{FillAction, FillPlan, plan_people};
use crate::core::profile::Profile;
use crate::core::protocol::{FillReport, Outcome};
use crate::core::role::{RoleRef, Who};
use crate::core::scan::Truncated;
use crate::core::scan::description::Description;
use crate::dom::{agent, timing};

use crate::ui::state::{Action, FillSummary, Handle, VaultAction, clock, send, summary};
use crate::ui::window;
use std::cell::RefCell;
use std::rc::Rc;

/// The page corrections are remembered for: origin and path (in the OnceFill window, the
/// portal's page).
pub fn current() -> String {
    if let Some(request) = window::request() {
        return learn::page_of(&request.page.url);
    }
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| learn::page_of(&href))
        .unwrap_or_default()
}

thread_local! {
    /// This page's own description, made by the page agent for the review under way (in the
    /// OnceFill window, the portal's comes with its request).
    static OWN: RefCell<Option<Rc<Description>>> = const { RefCell::new(None) };
}

/// The page under review, described, and its title: in the OnceFill window the portal's, as
/// its request says; on OnceFill's own pages this page, as the page agent describes it now
/// (the agent then checks a fill against this description).
fn described(document: &web_sys::Document) -> (Rc<Description>, String) {
    if let Some(request) = window::request() {
        // The review is bound to this request: its plan goes with this nonce only.
        window::reviewing(&request.nonce);
        let description = Rc::new(request.description.clone());
        return (description, request.page.title.clone());
    }
    // Without the agent (it failed to load, and the widget with it) there is nothing to read.
    let description = Rc::new(agent::describe(None).unwrap_or_default());
    OWN.with(|own| *own.borrow_mut() = Some(description.clone()));
    (description, document.title())
}

/// Scan → classify → plan of the page as it is now: a known mapping of the form decides;
/// otherwise classification, with the person's corrections for this page first. Also why
/// the scan left part of the page out, if it did.
fn make_plan(
    profile: &Profile,
    document: &web_sys::Document,
    today: time::Date,
    forms: &[FormMapping],
) -> (
    Vec<FieldDescriptor>,
    FillPlan,
    Option<String>,
    Option<Truncated>,
) {
    // The portal's form or this page's, as described: one scanner for both. A published
    // mapping of the form decides, its CSS locators read against the description.
    let (description, title) = described(document);
    let scanned = crate::core::scan::scan_page(&*description);
    let css = move |css: &str| description.select(css);
    let fields = scanned.fields;
    let page = current();
    let handles: Vec<&str> = fields
        .iter()
        .flat_map(|f| [f.html_id.as_deref(), f.name.as_deref()])
        .flatten()
        .collect();
    let people = learn::people_for(&profile.learned, &page);
    let (plan, form) = match forms.iter().find(|f| f.matches(&page, &title, &handles)) {
        Some(form) => {
            let mut mapped = crate::core::mapped::classify_mapped(form, &fields, &css);
            crate::core::mapped::apply_learned(&mut mapped, &profile.learned, &page, &fields);
            let mut plan = plan_people(
                profile,
                &fields,
                &mapped.classified,
                &mapped.transforms,
                &people,
                today,
            );
            // A field the form wants verified data for is left unticked, with a note, when
            // the profile's value is not verified.
            crate::core::plan::require_verified(&mut plan, profile, &fields, &mapped.verified);
            (plan, Some(form.id.clone()))
        }
        None => {
            let classified = classify_all_with(&fields, &profile.learned, &page);
            (
                plan_people(profile, &fields, &classified, &[], &people, today),
                None,
            )
        }
    };
    (fields, plan, form, scanned.truncated)
}

/// The page's origin and the form's title, for the disclosure record (in the OnceFill window,
/// the portal's, as its request says).
fn form_ref(document: &web_sys::Document) -> crate::core::disclosure::FormRef {
    if let Some(request) = window::request() {
        let title = match request.page.form.trim() {
            "" => request.page.title.clone(),
            form => form.to_string(),
        };
        return crate::core::disclosure::FormRef {
            origin: request.origin.clone(),
            title,
            mapping: None,
        };
    }
    crate::core::disclosure::FormRef {
        origin: web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default(),
        title: document.title(),
        mapping: None,
    }
}

/// Plans the page and shows the review.
pub fn prepare(state: &Handle, profile: Profile) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    timing::start("oncefill:prepare");
    let (fields, plan, form, truncated) =
        make_plan(&profile, &document, state.today(), &state.forms);
    timing::end("oncefill:prepare");
    send(
        state,
        Action::Planned {
            profile,
            fields,
            plan,
            form,
            truncated,
            page: form_ref(&document),
        },
    );
}

/// The person corrected what a field takes (`None`: never fill it): remembered for this page,
/// and the page planned again.
pub fn correct(state: &Handle, handle: &str, key: Option<Key>) {
    let mut profile = state.profile().clone();
    learn::remember(&mut profile.learned, &current(), handle, key);
    prepare(state, profile);
}

/// The person chose who fills a block of a form with several people: remembered for this
/// page, and the page planned again.
pub fn assign(state: &Handle, block: Option<RoleRef>, who: Who) {
    let mut profile = state.profile().clone();
    learn::assign(&mut profile.learned, &current(), block, who);
    prepare(state, profile);
}

/// The profile with every draft written, or `None` when a draft has errors (it stays as
/// typed, and the editor shows it).
pub fn committed(state: &Handle) -> Option<Profile> {
    let mut next = state.editor.clone();
    next.commit_drafts(&clock().stamp)
        .is_empty()
        .then_some(next.profile)
}

/// Fills the ticked steps of the plan under review, and shows the outcome.
pub fn fill(state: &Handle) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(request) = window::request() {
        // The portal's page agent fills: it gets the ticked steps it can see, for the
        // controls it described, and answers with what happened to each. The review must be
        // the one made for this request.
        if window::reviewed().as_deref() != Some(request.nonce.as_str()) {
            return;
        }
        match crate::core::protocol::fills(
            &state.review.plan,
            &state.review.fields,
            &request.description,
        ) {
            Ok(fills) => {
                timing::start("oncefill:fill");
                if window::send_plan(&request.nonce, fills) {
                    // The portal's answer is awaited as long as the protocol says, then the
                    // person is told to check the form themselves.
                    let state = state.clone();
                    let nonce = request.nonce.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let ms = crate::core::protocol::RESULT_TIMEOUT_S * 1000;
                        gloo::timers::future::TimeoutFuture::new(ms).await;
                        if !window::reported(&nonce) {
                            let text = crate::core::i18n::tr(state.lang(), "window-no-result", &[]);
                            send(&state, VaultAction::Message(Some(text)));
                        }
                    });
                }
            }
            Err(e) => send(state, VaultAction::Message(Some(e.message(state.lang())))),
        }
        return;
    }
    // This page's own form: the page agent fills it, as it fills a portal's, from the
    // description the review was made from.
    let Some(description) = OWN.with(|own| own.borrow().clone()) else {
        return;
    };
    timing::start("oncefill:fill");
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut report =
            agent::fill_plan(&state.review.plan, &state.review.fields, &description).await;
        // Selects whose options a page adds only once the one before is chosen (province →
        // city → county → township → village) had nothing to match at review; they are
        // filled as their options appear, as a person would, and only those reviewed as such
        // and kept ticked: every value written had its row.
        let waiting: Vec<FieldId> = state
            .review
            .plan
            .steps
            .iter()
            .filter(|s| s.selected && matches!(s.action, FillAction::Later { .. }))
            .map(|s| s.field.clone())
            .collect();
        if !waiting.is_empty() {
            report = fill_later(&state, &document, waiting, report).await;
        }
        timing::end("oncefill:fill");
        #[cfg(feature = "staff")]
        note_fill(&state, &report);
        send(&state, Action::Filled(summary(&report)));
    });
}

/// The window-staff mode: the fill goes into the operations log (form, the names of the
/// controls filled, how many, when; never a value), which the staff vault then saves.
#[cfg(feature = "staff")]
fn note_fill(state: &Handle, report: &FillReport) {
    let names: Vec<String> = report
        .outcomes
        .iter()
        .filter(|(_, _, o)| *o == Outcome::Filled)
        .map(|(id, _, _)| {
            state
                .review
                .fields
                .iter()
                .find(|f| &f.id == id)
                .and_then(|f| f.name.clone().or_else(|| f.html_id.clone()))
                .unwrap_or_else(|| id.0.clone())
        })
        .collect();
    let now = clock();
    crate::ui::staff::note(crate::ui::staff::Entry {
        form: crate::ui::staff::form_id(),
        count: names.len(),
        names,
        at: format!("{} {}", state.today(), now.time_of_day),
    });
    send(state, VaultAction::StoreAgain);
}

/// How long one level of a cascade may take to get its options (a portal asks its server).
const LEVEL_WAIT_MS: u32 = 5000;
/// How often the page is looked at again while waiting.
const POLL_MS: u32 = 100;

/// Fills the selects `waiting` for their options, level by level: each time the page has
/// added the options of one, its reviewed choice is chosen, which lets the page add the next
/// level's. Stops where a level's options came without the reviewed choice, or never came;
/// those levels and the ones below are the person's to choose (the report says so).
async fn fill_later(
    state: &Handle,
    document: &web_sys::Document,
    mut waiting: Vec<FieldId>,
    mut report: FillReport,
) -> FillReport {
    let mut waited = 0;
    while !waiting.is_empty() && waited <= LEVEL_WAIT_MS {
        let (fields, again, _, _) =
            make_plan(state.profile(), document, state.today(), &state.forms);
        let next = FillPlan {
            steps: again
                .steps
                .into_iter()
                .filter(|s| {
                    waiting.contains(&s.field) && !matches!(s.action, FillAction::Later { .. })
                })
                .collect(),
            ..FillPlan::default()
        };
        if next.steps.is_empty() {
            // Options came, but not the reviewed choice: the cascade stops there.
            let missing = fields
                .iter()
                .any(|f| waiting.contains(&f.id) && !f.awaits_options());
            if missing {
                break;
            }
            gloo::timers::future::TimeoutFuture::new(POLL_MS).await;
            waited += POLL_MS;
            continue;
        }
        waited = 0;
        waiting.retain(|f| !next.steps.iter().any(|s| &s.field == f));
        // Still the controls reviewed, with the options they have now.
        let reviewed: Vec<FieldDescriptor> = state
            .review
            .fields
            .iter()
            .map(|f| match fields.iter().find(|now| now.id == f.id) {
                Some(now) => FieldDescriptor {
                    options: now.options.clone(),
                    ..f.clone()
                },
                None => f.clone(),
            })
            .collect();
        let recheck = Recheck::new(&reviewed, &fields);
        let (same, drifted): (Vec<_>, Vec<_>) = next
            .steps
            .into_iter()
            .partition(|s| recheck.check(s).is_ok());
        for step in drifted {
            let outcome = match recheck.check(&step) {
                Err(Drift::Missing) => Outcome::Missing,
                _ => Outcome::Changed,
            };
            report.outcomes.push((step.field, step.label, outcome));
        }
        let next = FillPlan {
            steps: same,
            ..FillPlan::default()
        };
        let description = OWN.with(|own| own.borrow().clone()).unwrap_or_default();
        report.outcomes.extend(
            agent::fill_plan(&next, &fields, &description)
                .await
                .outcomes,
        );
    }
    // Those whose choice never came are the person's to make.
    for step in state
        .review
        .plan
        .steps
        .iter()
        .filter(|s| waiting.contains(&s.field))
    {
        report
            .outcomes
            .push((step.field.clone(), step.label.clone(), Outcome::NoChoice));
    }
    report
}

/// The portal's page agent reported what its fill did: shown as the report.
pub fn reported(state: &Handle, outcomes: Vec<(String, crate::core::protocol::Outcome)>) {
    timing::end("oncefill:fill");
    let mut report = FillReport {
        outcomes: outcomes
            .into_iter()
            .filter_map(|(k, o)| {
                let step = state.review.plan.steps.iter().find(|s| s.field.0 == k)?;
                Some((step.field.clone(), step.label.clone(), o))
            })
            .collect(),
    };
    // A select whose options the portal's page adds only after the one before is chosen is
    // not sent (its choice was not there to check at review): the person is told to choose it.
    for step in state
        .review
        .plan
        .steps
        .iter()
        .filter(|s| s.selected && matches!(s.action, FillAction::Later { .. }))
    {
        report
            .outcomes
            .push((step.field.clone(), step.label.clone(), Outcome::NoChoice));
    }
    let summary: FillSummary = summary(&report);
    send(state, Action::Filled(summary));
}
