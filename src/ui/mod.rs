//! The Yew user interface: a floating 一键填表 button that opens a panel with the profile
//! editor, the review of what will be filled, and the outcome.
//!
//! Personal data is held in memory only: nothing is written to any storage, and the panel
//! says so.

mod codes;
mod components;
pub mod forms;
pub mod state;
mod vault_ops;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classify::{classify_all_with, learn};
use crate::core::i18n::{Lang, tr};
use crate::core::plan::plan;
use crate::dom::{fill, scan, timing};
use components::editor::Editor;
use components::report::Report;
use components::review::Review;
use components::vault::{
    ImportScreen, PassphraseScreen, SettingsScreen, UnlockScreen, VaultBar, VaultCallbacks,
};
use state::{Action, State, VaultState, View};

/// The widget's properties, set by the embed entry.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Interface language.
    pub lang: Lang,
}

/// Today from the browser's clock, in China's calendar.
fn today() -> time::Date {
    crate::core::clock::today()
}

/// The page corrections are remembered for: origin and path.
fn current_page() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| learn::page_of(&href))
        .unwrap_or_default()
}

/// Scan → classify → plan of the page as it is now: a known mapping of the form decides;
/// otherwise classification, with the person's corrections for this page first.
fn make_plan(
    profile: &crate::core::profile::Profile,
    document: &web_sys::Document,
    today: time::Date,
) -> (
    Vec<crate::core::field::FieldDescriptor>,
    crate::core::plan::FillPlan,
    Option<String>,
) {
    let live = scan::LiveDom::new(document.clone());
    let fields = crate::core::scan::scan(&live);
    let page = current_page();
    let handles: Vec<&str> = fields
        .iter()
        .flat_map(|f| [f.html_id.as_deref(), f.name.as_deref()])
        .flatten()
        .collect();
    let (plan, form) = match forms::matching(&page, &document.title(), &handles) {
        Some(form) => {
            let mut mapped =
                crate::core::mapped::classify_mapped(&form, &fields, &|css| live.select(css));
            crate::core::mapped::apply_learned(&mut mapped, &profile.learned, &page, &fields);
            let plan = crate::core::plan::plan_with(
                profile,
                &fields,
                &mapped.classified,
                &mapped.transforms,
                today,
            );
            (plan, Some(form.id))
        }
        None => {
            let classified = classify_all_with(&fields, &profile.learned, &page);
            (plan(profile, &fields, &classified, today), None)
        }
    };
    (fields, plan, form)
}

/// Plans the page and shows the review.
fn prepare(state: &UseReducerHandle<State>, profile: crate::core::profile::Profile) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    timing::start("oncefill:prepare");
    let (fields, plan, form) = make_plan(&profile, &document, state.today);
    timing::end("oncefill:prepare");
    state.dispatch(Action::Planned {
        profile,
        fields,
        plan,
        form,
    });
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(move || State::new(lang, today()));
    let dispatch: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(a))
    };
    let launcher_ref = use_node_ref();
    let heading_ref = use_node_ref();
    let was_open = use_mut_ref(|| false);

    // Focus follows the panel: into its heading when it opens or changes screen, back to the
    // launcher when it closes.
    {
        let launcher_ref = launcher_ref.clone();
        let heading_ref = heading_ref.clone();
        let was_open = was_open.clone();
        use_effect_with((state.open, state.view), move |(open, _)| {
            if *open {
                if let Some(h) = heading_ref.cast::<web_sys::HtmlElement>() {
                    // A new screen starts at its top, not where the last one was scrolled to.
                    if let Some(panel) = h.closest(".of-panel").ok().flatten() {
                        panel.set_scroll_top(0);
                    }
                    let _ = h.focus();
                }
            } else if *was_open.borrow()
                && let Some(b) = launcher_ref.cast::<web_sys::HtmlElement>()
            {
                let _ = b.focus();
            }
            *was_open.borrow_mut() = *open;
        });
    }

    let on_review = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            // Every draft must check out before its data is used; a failing one stays as
            // typed, and the editor shows it.
            let mut next = (*state).clone();
            if !next.commit_drafts().is_empty() {
                state.dispatch(Action::Save);
                return;
            }
            prepare(&state, next.profile);
        })
    };
    let on_missing = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            // What was typed for this form goes into the profile (checked like any edit),
            // then the form is checked again with it.
            let mut next = (*state).clone();
            if !next.commit_drafts().is_empty() {
                state.dispatch(Action::Attempted);
                return;
            }
            prepare(&state, next.profile);
        })
    };
    let on_learn = {
        let state = state.clone();
        Callback::from(
            move |(handle, key): (String, Option<crate::core::dictionary::Key>)| {
                let mut profile = state.profile.clone();
                learn::remember(&mut profile.learned, &current_page(), &handle, key);
                prepare(&state, profile);
            },
        )
    };
    let on_fill = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            timing::start("oncefill:fill");
            let mut report = fill::apply(&document, &state.plan);
            // Selects whose options a page adds only once the one before is chosen (province →
            // city → county) had nothing to match at review; they are filled as they appear,
            // as a person would, and only those.
            let mut waiting: Vec<crate::core::field::FieldId> = state
                .plan
                .skipped
                .iter()
                .filter(|s| matches!(s.why, crate::core::plan::NotPlanned::NoMatchingOption(_)))
                .map(|s| s.field.clone())
                .collect();
            for _ in 0..3 {
                if waiting.is_empty() {
                    break;
                }
                let (_, again, _) = make_plan(&state.profile, &document, state.today);
                let next = crate::core::plan::FillPlan {
                    steps: again
                        .steps
                        .into_iter()
                        .filter(|s| waiting.contains(&s.field))
                        .collect(),
                    skipped: Vec::new(),
                };
                if next.steps.is_empty() {
                    break;
                }
                waiting.retain(|f| !next.steps.iter().any(|s| &s.field == f));
                report
                    .outcomes
                    .extend(fill::apply(&document, &next).outcomes);
            }
            timing::end("oncefill:fill");
            state.dispatch(Action::Filled(report));
        })
    };

    // The vault: look for it once; save whenever the profile changed; lock when idle.
    {
        let state = state.clone();
        use_effect_with((), move |_| vault_ops::start(state));
    }
    {
        let state = state.clone();
        use_effect_with((state.revision, state.vault), move |_| {
            vault_ops::save_if_needed(&state)
        });
    }
    let last_activity = use_mut_ref(js_sys::Date::now);
    {
        let state = state.clone();
        let last_activity = last_activity.clone();
        let minutes = state.auto_lock_minutes;
        let unlocked = state.vault == VaultState::Unlocked;
        use_effect_with((minutes, unlocked), move |_| {
            *last_activity.borrow_mut() = js_sys::Date::now();
            let interval = unlocked.then(|| {
                gloo::timers::callback::Interval::new(5_000, move || {
                    let idle = js_sys::Date::now() - *last_activity.borrow();
                    if idle > f64::from(minutes) * 60_000.0 {
                        state.dispatch(Action::Lock);
                    }
                })
            });
            move || drop(interval)
        });
    }
    let on_activity = {
        let last_activity = last_activity.clone();
        Callback::from(move |_: Event| *last_activity.borrow_mut() = js_sys::Date::now())
    };
    let ops = VaultCallbacks {
        unlock: {
            let state = state.clone();
            Callback::from(move |pass: String| vault_ops::unlock(state.clone(), pass))
        },
        set_passphrase: {
            let state = state.clone();
            Callback::from(move |(old, new): (Option<String>, String)| {
                // The drafts go into the profile first, so the first save holds them.
                state.dispatch(Action::Save);
                vault_ops::set_passphrase(state.clone(), old, new)
            })
        },
        export: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::export(&state))
        },
        import_file: {
            let state = state.clone();
            Callback::from(move |file: web_sys::File| vault_ops::read_import(state.clone(), file))
        },
        import_open: {
            let state = state.clone();
            Callback::from(move |pass: String| vault_ops::open_import(state.clone(), pass))
        },
        erase: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::erase(state.clone()))
        },
        export_mappings: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::export_mappings(&state))
        },
    };

    let t = |id: &str| tr(state.lang, id, &[]);
    let on_keydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.emit(Action::Close);
            }
        })
    };
    let toggle = {
        let dispatch = dispatch.clone();
        let open = state.open;
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(if open { Action::Close } else { Action::Open })
        })
    };
    let close = dispatch.reform(|_: MouseEvent| Action::Close);
    let switch_lang = {
        let dispatch = dispatch.clone();
        let next = match state.lang {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        };
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                forms::ensure_lang(&forms::base(), next).await;
                dispatch.emit(Action::SetLang(next));
            });
        })
    };
    let state_rc: Rc<State> = Rc::new((*state).clone());

    html! {
        <div class="of-root" lang={state.lang.tag()} onkeydown={on_activity.reform(Event::from)}
            onclick={on_activity.reform(Event::from)} oninput={on_activity.reform(Event::from)}>
            <button ref={launcher_ref} class="of-launcher" data-of="launcher" type="button"
                aria-expanded={state.open.to_string()} aria-controls="of-panel"
                title={t("launcher-hint")} onclick={toggle}>
                <span aria-hidden="true" class="of-launcher-icon">{"✎"}</span>
                { t("launcher") }
            </button>
            if state.open {
                <section id="of-panel" class="of-panel" data-of="panel" role="dialog"
                    aria-labelledby="of-title" onkeydown={on_keydown}>
                    <header class="of-header">
                        <h2 id="of-title" ref={heading_ref} tabindex="-1">
                            { t("app-title") }
                            <span class="of-subtitle">{ t("app-subtitle") }</span>
                        </h2>
                        <div class="of-header-actions">
                            <button type="button" class="of-link" data-of="lang" onclick={switch_lang}>{ t("lang-switch") }</button>
                            <button type="button" class="of-close" data-of="close" aria-label={t("close")} onclick={close}>{"×"}</button>
                        </div>
                    </header>
                    <VaultBar state={state_rc.clone()} on_action={dispatch.clone()} ops={ops.clone()} />
                    {
                        match state.view {
                            _ if state.vault == VaultState::Locked && !matches!(state.view, View::Settings) => html! {
                                <UnlockScreen state={state_rc.clone()} on_action={dispatch.clone()} ops={ops.clone()} />
                            },
                            View::Unlock => html! { <UnlockScreen state={state_rc.clone()} on_action={dispatch.clone()} ops={ops.clone()} /> },
                            View::Passphrase(change) => html! {
                                <PassphraseScreen {change} vault={Rc::new(components::vault::VaultProps { state: state_rc.clone(), on_action: dispatch.clone(), ops: ops.clone() })} />
                            },
                            View::Settings => html! { <SettingsScreen state={state_rc.clone()} on_action={dispatch.clone()} ops={ops.clone()} /> },
                            View::Import => html! { <ImportScreen state={state_rc.clone()} on_action={dispatch.clone()} ops={ops.clone()} /> },
                            View::Editor => html! { <Editor state={state_rc.clone()} on_action={dispatch.clone()} on_review={on_review.clone()} /> },
                            View::Review => html! { <Review state={state_rc.clone()} on_action={dispatch.clone()} on_fill={on_fill.clone()} on_learn={on_learn.clone()} on_missing={on_missing.clone()} /> },
                            View::Report => html! { <Report state={state_rc.clone()} on_action={dispatch.clone()} /> },
                        }
                    }
                </section>
            }
        </div>
    }
}
