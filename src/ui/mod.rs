//! The Yew user interface: a floating 一键填表 button that opens a panel with the profile
//! editor, the review of what will be filled, and the outcome.
//!
//! The state and its reducers are [`crate::app`]'s, wrapped in `use_reducer` ([`state`]).
//! This module runs the effects keyed on that state: scanning and filling the page, the
//! vault's storage, the auto-lock timer, focus. Screens get the data they show and callbacks
//! for what the person asks; the site's form mappings are loaded into the state.
//!
//! Without a vault, personal data is held in memory only, and the panel says so.

mod codes;
mod components;
pub mod forms;
pub mod state;
mod vault_ops;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classify::{classify_all_with, learn};
use crate::core::i18n::{Lang, tr};
use crate::core::mapping::FormMapping;
use crate::core::plan::plan;
use crate::dom::{fill, scan, timing};
use components::editor::Editor;
use components::field_input::FieldIntents;
use components::report::Report;
use components::review::Review;
use components::vault::{
    ImportScreen, PassphraseScreen, SettingsScreen, UnlockScreen, VaultBar, VaultIntents,
};
use state::{
    Action, AppState, EditorAction, Handle, ImportAction, PanelAction, ReviewAction, VaultAction,
    View, send, sender,
};
use vault_ops::StoreCell;

/// The widget's properties, set by the embed entry.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Interface language.
    pub lang: Lang,
    /// The URL of the directory `oncefill.js` was loaded from: the site's form mappings are
    /// loaded from there, and a bundle's forms link there. `None`: no mappings.
    pub base: Option<String>,
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
    forms: &[FormMapping],
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
    let title = document.title();
    let (plan, form) = match forms.iter().find(|f| f.matches(&page, &title, &handles)) {
        Some(form) => {
            let mut mapped =
                crate::core::mapped::classify_mapped(form, &fields, &|css| live.select(css));
            crate::core::mapped::apply_learned(&mut mapped, &profile.learned, &page, &fields);
            let plan = crate::core::plan::plan_with(
                profile,
                &fields,
                &mapped.classified,
                &mapped.transforms,
                today,
            );
            (plan, Some(form.id.clone()))
        }
        None => {
            let classified = classify_all_with(&fields, &profile.learned, &page);
            (plan(profile, &fields, &classified, today), None)
        }
    };
    (fields, plan, form)
}

/// Plans the page and shows the review.
fn prepare(state: &Handle, profile: crate::core::profile::Profile) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    timing::start("oncefill:prepare");
    let (fields, plan, form) = make_plan(&profile, &document, state.today(), &state.forms);
    timing::end("oncefill:prepare");
    send(
        state,
        Action::Planned {
            profile,
            fields,
            plan,
            form,
        },
    );
}

/// The profile with every draft written, or `None` when a draft has errors (it stays as
/// typed, and the editor shows it).
fn committed(state: &Handle) -> Option<crate::core::profile::Profile> {
    let mut next = state.editor.clone();
    next.commit_drafts(&state::clock().stamp)
        .is_empty()
        .then_some(next.profile)
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(move || AppState::new(lang, today()));
    let store: StoreCell = use_mut_ref(|| None);
    let launcher_ref = use_node_ref();
    let heading_ref = use_node_ref();
    let was_open = use_mut_ref(|| false);

    // Focus follows the panel: into its heading when it opens or changes screen, back to the
    // launcher when it closes.
    {
        let launcher_ref = launcher_ref.clone();
        let heading_ref = heading_ref.clone();
        let was_open = was_open.clone();
        use_effect_with((state.panel.open, state.panel.view), move |(open, _)| {
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

    // The site's form mappings, once.
    {
        let state = state.clone();
        let base = props.base.clone();
        use_effect_with((), move |_| {
            if let Some(base) = base {
                wasm_bindgen_futures::spawn_local(async move {
                    let forms = forms::load(&base).await;
                    send(&state, Action::FormsLoaded(Rc::new(forms)));
                });
            }
        });
    }

    let on_review = {
        let state = state.clone();
        Callback::from(move |_: ()| match committed(&state) {
            Some(profile) => prepare(&state, profile),
            None => send(&state, EditorAction::Save),
        })
    };
    let on_missing = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            // What was typed for this form goes into the profile (checked like any edit),
            // then the form is checked again with it.
            match committed(&state) {
                Some(profile) => prepare(&state, profile),
                None => send(&state, EditorAction::Attempted),
            }
        })
    };
    let on_learn = {
        let state = state.clone();
        Callback::from(
            move |(handle, key): (String, Option<crate::core::dictionary::Key>)| {
                let mut profile = state.profile().clone();
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
            let mut report = fill::apply(&document, &state.review.plan);
            // Selects whose options a page adds only once the one before is chosen (province →
            // city → county) had nothing to match at review; they are filled as they appear,
            // as a person would, and only those.
            let mut waiting: Vec<crate::core::field::FieldId> = state
                .review
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
                let (_, again, _) =
                    make_plan(state.profile(), &document, state.today(), &state.forms);
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
            send(&state, Action::Filled(state::summary(&report)));
        })
    };

    // The vault: look for it once; save whenever the profile changed; lock when idle.
    {
        let state = state.clone();
        let store = store.clone();
        use_effect_with((), move |_| vault_ops::start(state, store));
    }
    {
        let state = state.clone();
        let store = store.clone();
        use_effect_with((state.vault.revision, state.vault.vault), move |_| {
            vault_ops::save_if_needed(&state, &store)
        });
    }
    let last_activity = use_mut_ref(js_sys::Date::now);
    {
        let state = state.clone();
        let last_activity = last_activity.clone();
        let minutes = state.vault.auto_lock_minutes;
        let unlocked = state.vault.vault == state::VaultState::Unlocked;
        use_effect_with((minutes, unlocked), move |_| {
            *last_activity.borrow_mut() = js_sys::Date::now();
            let interval = unlocked.then(|| {
                gloo::timers::callback::Interval::new(5_000, move || {
                    let idle = js_sys::Date::now() - *last_activity.borrow();
                    if idle > f64::from(minutes) * 60_000.0 {
                        send(&state, Action::Lock);
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
    let panel: Callback<PanelAction> = sender(&state);
    let ops = VaultIntents {
        show: panel.reform(PanelAction::ShowView),
        lock: sender(&state).reform(|_: ()| Action::Lock),
        set_auto_lock: sender(&state).reform(VaultAction::SetAutoLock),
        ask_erase: sender(&state).reform(|_: ()| VaultAction::AskErase),
        import_cancel: sender(&state).reform(|_: ()| ImportAction::Cancel),
        import_apply: sender(&state).reform(ImportAction::Apply),
        unlock: {
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |pass: String| {
                vault_ops::unlock(state.clone(), store.clone(), pass)
            })
        },
        set_passphrase: {
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |(old, new): (Option<String>, String)| {
                // The drafts go into the profile first, so the first save holds them.
                send(&state, EditorAction::Save);
                vault_ops::set_passphrase(state.clone(), store.clone(), old, new)
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
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |_: ()| vault_ops::erase(state.clone(), store.clone()))
        },
        export_mappings: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::export_mappings(&state))
        },
    };

    let lang = state.lang();
    let t = |id: &str| tr(lang, id, &[]);
    let on_keydown = {
        let panel = panel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                panel.emit(PanelAction::Close);
            }
        })
    };
    let toggle = {
        let open = state.panel.open;
        panel.reform(move |_: MouseEvent| {
            if open {
                PanelAction::Close
            } else {
                PanelAction::Open
            }
        })
    };
    let close = panel.reform(|_: MouseEvent| PanelAction::Close);
    let base = props.base.clone().unwrap_or_default();
    let switch_lang = {
        let panel = panel.clone();
        let next = state.panel.other_lang();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            let (panel, base) = (panel.clone(), base.clone());
            wasm_bindgen_futures::spawn_local(async move {
                forms::ensure_lang(&base, next).await;
                panel.emit(PanelAction::SetLang(next));
            });
        })
    };
    let session = Rc::new(state.vault.clone());
    let editor = Rc::new(state.editor.clone());
    let on_editor: Callback<EditorAction> = sender(&state);
    let screen = match state.screen() {
        View::Unlock => {
            html! { <UnlockScreen {lang} session={session.clone()} ops={ops.clone()} /> }
        }
        View::Passphrase(change) => html! {
            <PassphraseScreen {lang} session={session.clone()} ops={ops.clone()} {change} />
        },
        View::Settings => html! {
            <SettingsScreen {lang} session={session.clone()} ops={ops.clone()}
                has_learned={!state.profile().learned.is_empty()} />
        },
        View::Import => match &state.import {
            Some(import) => html! {
                <ImportScreen {lang} session={session.clone()} ops={ops.clone()}
                    import={import.clone()} current={Rc::new(state.profile().clone())} />
            },
            None => html! {},
        },
        View::Editor => html! {
            <Editor {lang} {editor} on_intent={on_editor} on_review={on_review}
                on_clear={sender(&state).reform(|_: ()| Action::Clear)} />
        },
        View::Review => html! {
            <Review {lang} review={Rc::new(state.review.clone())} {editor} forms={state.forms.clone()}
                base={AttrValue::from(base)}
                on_select={sender(&state).reform(|(f, on)| ReviewAction::Select(f, on))}
                on_reveal={sender(&state).reform(ReviewAction::Reveal)}
                on_back={panel.reform(|_: ()| PanelAction::BackTo(View::Editor))}
                intents={FieldIntents::of_editor(&on_editor)}
                on_fill={on_fill} on_learn={on_learn} on_missing={on_missing} />
        },
        View::Report => match &state.review.report {
            Some(report) => html! {
                <Report {lang} report={report.clone()}
                    on_back={panel.reform(|_: ()| PanelAction::BackTo(View::Review))}
                    on_close={panel.reform(|_: ()| PanelAction::Close)} />
            },
            None => html! {},
        },
    };

    html! {
        <div class="of-root" lang={lang.tag()} onkeydown={on_activity.reform(Event::from)}
            onclick={on_activity.reform(Event::from)} oninput={on_activity.reform(Event::from)}>
            <button ref={launcher_ref} class="of-launcher" data-of="launcher" type="button"
                aria-expanded={state.panel.open.to_string()} aria-controls="of-panel"
                title={t("launcher-hint")} onclick={toggle}>
                <span aria-hidden="true" class="of-launcher-icon">{"✎"}</span>
                { t("launcher") }
            </button>
            if state.panel.open {
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
                    <VaultBar {lang} session={session.clone()} ops={ops.clone()} />
                    { screen }
                </section>
            }
        </div>
    }
}
