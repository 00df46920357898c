//! The widget (a panel over the page on OnceFill's own forms; the whole window in the OnceFill
//! window; the staff page's column): its root component, which runs the pipeline's effects
//! (`super::page`) on the shared state. Built with the feature `fill`; the app page's build
//! (`app.html`) leaves it out, and with it the scanner, the classification and the review.

use std::rc::Rc;

use yew::prelude::*;

use super::components::disclosures::Disclosures;
use super::components::editor::Editor;
use super::components::field_input::FieldIntents;
use super::components::report::Report;
use super::components::review::Review;
use super::components::vault::{
    ImportScreen, PassphraseScreen, SettingsScreen, UnlockScreen, VaultBar,
};
use super::state::{Action, AppState, EditorAction, PanelAction, ReviewAction, View, send, sender};
use super::*;
use crate::core::i18n::{Lang, tr};

/// Properties of [`Asking`].
#[derive(Properties)]
struct AskingProps {
    lang: Lang,
    request: Rc<window::Request>,
}

impl PartialEq for AskingProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && Rc::ptr_eq(&self.request, &other.request)
    }
}

/// Which portal, and which of its forms, is asking.
#[component]
fn Asking(props: &AskingProps) -> Html {
    let r = &props.request;
    let lang = props.lang;
    let name = r.name.clone().unwrap_or_else(|| tr(lang, "app-title", &[]));
    let form = if r.page.form.is_empty() {
        &r.page.title
    } else {
        &r.page.form
    };
    html! {
        <div class="of-asking" data-of="asking">
            <p>{ tr(lang, "window-asking", &[]) }</p>
            <p class="of-asking-portal"><strong data-of="asking-portal">{ name }</strong>
                {" "}<code data-of="asking-origin">{ r.origin.clone() }</code></p>
            <p data-of="asking-form">{ tr(lang, "window-form", &[]) }{ form.clone() }</p>
        </div>
    }
}

/// The staff page's operations log: form, control names, count and time of each fill (no
/// value is ever in it).
#[cfg(feature = "staff")]
fn staff_log(lang: Lang) -> Html {
    use crate::core::i18n::Arg;
    let entries = staff::log();
    html! {
        <section class="of-staff-log" data-of="staff-log" aria-labelledby="of-staff-log-title">
            <h3 id="of-staff-log-title">{ tr(lang, "staff-log-title", &[]) }</h3>
            if entries.is_empty() {
                <p>{ tr(lang, "staff-log-empty", &[]) }</p>
            } else {
                <ol data-of="staff-log-entries">
                    { for entries.iter().rev().map(|e| html! {
                        <li data-of="staff-log-entry">
                            <span data-of="staff-log-at">{ e.at.clone() }</span>{ " " }
                            <code data-of="staff-log-form">{ e.form.clone() }</code>
                            { " · " }{ tr(lang, "staff-log-entry", &[("count", Arg::Num(e.count as i64))]) }
                            <span data-of="staff-log-names">{ e.names.join(", ") }</span>
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}

#[cfg(not(feature = "staff"))]
fn staff_log(_: Lang) -> Html {
    html! {}
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let relock = props.relock;
    // In the OnceFill window, the request of the portal it answers: the panel is the window.
    // A newer request waiting behind the review on screen is the one shown as asking.
    let pending = window::pending();
    let portal = pending.clone().or_else(window::request);
    let in_window = portal.is_some();
    // On the staff page (一窗受理) the panel is the page's own column, always open.
    let staff = cfg!(feature = "staff");
    let state = use_reducer(move || {
        let mut state = match relock {
            Some(r) => AppState::relocked(lang, today(), r.open, r.auto_lock_minutes),
            None => AppState::new(lang, today()),
        };
        state.panel.open |= in_window || staff;
        state
    });
    // The staff desk's functions (receiving a hand-off, signing) act on this state.
    #[cfg(feature = "staff")]
    staff::keep_handle(&state);
    let launcher_ref = use_node_ref();
    let heading_ref = use_node_ref();
    // 长辈版: large text, large targets, one question per screen. A class, never a new screen:
    // what the person typed stays.
    let (elder_on, switch_elder) = use_elder();
    let was = use_mut_ref(|| (false, 0u32));

    // Focus follows the panel: into its heading when it opens or changes screen, back to the
    // launcher when it closes; to the first field with a problem when 下一步 is refused.
    {
        let launcher_ref = launcher_ref.clone();
        let heading_ref = heading_ref.clone();
        let was = was.clone();
        // (A new item of the review one item at a time is a new screen.)
        let key = (
            state.panel.open,
            state.panel.view,
            state.editor.refusals,
            state.review.at,
        );
        use_effect_with(key, move |&(open, _, refusals, _)| {
            let (was_open, was_refused) = *was.borrow();
            let panel = heading_ref.cast::<web_sys::HtmlElement>();
            if open && was_open && refusals != was_refused {
                if let Some(h) = panel {
                    focus_first_problem(&h);
                }
            } else if open {
                if let Some(h) = panel {
                    // A new screen starts at its top, not where the last one was scrolled to.
                    focus_screen(&h);
                }
            } else if was_open && let Some(b) = launcher_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            *was.borrow_mut() = (open, refusals);
        });
    }

    // In the window, a request come during the review replaces that screen with a notice, and
    // the new review replaces the notice: the focus goes to the panel's heading, as on any new
    // screen.
    {
        let heading_ref = heading_ref.clone();
        use_effect_with(pending.is_some(), move |_| {
            if let Some(h) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }

    // The site's form mappings, once.
    {
        let state = state.clone();
        let base = props.base.clone();
        use_effect_with((), move |_| {
            // (In the window too: a portal's form may be one the site publishes a mapping of.)
            if let Some(base) = base {
                wasm_bindgen_futures::spawn_local(async move {
                    let forms = forms::load(&base).await;
                    send(&state, Action::FormsLoaded(Rc::new(forms)));
                });
            }
        });
    }

    // In the window, the code tables are loaded once its first screen shows, so that the
    // portal's request is answered first.
    {
        let base = props.base.clone();
        let checked = state.vault.vault != state::VaultState::Checking;
        use_effect_with(checked, move |checked| {
            if in_window
                && *checked
                && let Some(base) = base
            {
                wasm_bindgen_futures::spawn_local(forms::load_tables(base));
            }
        });
    }

    // A review made before the mappings arrived followed the heuristics; once they are here,
    // the page is planned again, so that a known form is filled as its mapping says.
    {
        let state = state.clone();
        let loaded = Rc::as_ptr(&state.forms) as usize;
        use_effect_with(loaded, move |_| {
            if state.panel.view == View::Review
                && state.review.form.is_none()
                && !state.forms.is_empty()
            {
                page::prepare(&state, state.profile().clone());
            }
        });
    }

    // (A new vault is first saved under its passphrase, which ends on the editor.)
    let unlocked = state.vault.vault == state::VaultState::Unlocked && !state.vault.rekey;
    // In the window the review on screen is that of the request under review (its nonce).
    let reviewed = window::reviewed().is_some();
    // In the window: once the vault is open, straight to the review of the portal's form, and
    // to the review of each request the window takes after it; the agent's outcome report,
    // when it comes, is the report screen.
    {
        let state = state.clone();
        use_effect_with((unlocked, props.turn), move |(unlocked, _)| {
            if in_window && *unlocked && window::reviewed().is_none() && window::pending().is_none()
            {
                page::prepare(&state, state.profile().clone());
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(in_window, move |in_window| {
            if *in_window {
                window::on_result(Callback::from(move |(outcomes, last)| {
                    page::reported(&state, outcomes, last)
                }));
            }
        });
    }

    let on_review = {
        let state = state.clone();
        Callback::from(move |_: ()| match page::committed(&state) {
            Some(profile) => page::prepare(&state, profile),
            None => send(&state, EditorAction::Save),
        })
    };
    let on_missing = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            // What was typed for this form goes into the profile (checked like any edit),
            // then the form is checked again with it.
            match page::committed(&state) {
                Some(profile) => page::prepare(&state, profile),
                None => send(&state, EditorAction::Attempted),
            }
        })
    };
    let on_learn = {
        let state = state.clone();
        Callback::from(
            move |(handle, key): (String, Option<crate::core::dictionary::Key>)| {
                page::correct(&state, &handle, key)
            },
        )
    };
    // Whose a block is: a person already in another block is refused with a message,
    // otherwise the answer is remembered and the page planned again.
    let on_assign = {
        let state = state.clone();
        Callback::from(
            move |(block, who): (Option<crate::core::role::RoleRef>, crate::core::role::Who)| {
                let mut review = state.review.clone();
                match review.assign(block, who) {
                    crate::app::review::Assigned::Accepted => page::assign(&state, block, who),
                    crate::app::review::Assigned::Refused => {
                        send(&state, Action::Review(ReviewAction::Assign(block, who)))
                    }
                }
            },
        )
    };
    let on_fill = {
        let state = state.clone();
        Callback::from(move |_: ()| page::fill(&state))
    };

    let (ops, on_activity) = hooks::use_vault(&state);
    let panel: Callback<PanelAction> = sender(&state);

    let lang = state.lang();
    let t = |id: &str| tr(lang, id, &[]);
    // A modal dialog: Esc closes it (the focus goes back to the launcher), and Tab goes round
    // its own controls instead of leaving into the page behind it.
    let on_keydown = {
        let panel = panel.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" if !in_window && !staff => panel.emit(PanelAction::Close),
            "Tab" if !in_window && !staff => keep_focus_inside(&e),
            _ => {}
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
    let close = if in_window {
        Callback::from(|_: MouseEvent| window::decline())
    } else {
        panel.reform(|_: MouseEvent| PanelAction::Close)
    };
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
    // The window shows no screen until it knows whether this device has a vault, nor between
    // the unlock and the review (the editor would flash, and cost the time of its rendering).
    let checking =
        in_window && (state.vault.vault == state::VaultState::Checking || (unlocked && !reviewed));
    let screen = match state.screen() {
        _ if checking => html! {},
        // The portal asked again while the person reviewed: that review is set aside, said
        // plainly, and the new one shows when the person asks for it.
        _ if pending.is_some() => html! {
            <div class="of-notice of-warning-box" data-of="again">
                <p role="alert">{ t("window-again") }</p>
                <button type="button" class="of-primary" data-of="again-review"
                    onclick={Callback::from(|_: MouseEvent| window::take_pending())}>
                    { t("window-again-review") }</button>
            </div>
        },
        View::Unlock => {
            html! { <UnlockScreen {lang} session={session.clone()} ops={ops.clone()} /> }
        }
        View::Passphrase(change) => html! {
            <PassphraseScreen {lang} session={session.clone()} ops={ops.clone()} {change}
                base={AttrValue::from(base.clone())} />
        },
        View::Settings => html! {
            <SettingsScreen {lang} session={session.clone()} ops={ops.clone()}
                has_learned={!state.profile().learned.is_empty()}
                elder={elder_on} on_elder={switch_elder.clone()} />
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
                base={AttrValue::from(base)} elder={elder_on}
                on_select={sender(&state).reform(|(f, on)| ReviewAction::Select(f, on))}
                on_reveal={sender(&state).reform(ReviewAction::Reveal)}
                on_go={sender(&state).reform(ReviewAction::Go)}
                on_back={panel.reform(|_: ()| PanelAction::BackTo(View::Editor))}
                intents={FieldIntents::of_editor(&on_editor)}
                on_fill={on_fill} on_learn={on_learn} on_missing={on_missing} {on_assign} />
        },
        View::Disclosures => html! {
            <Disclosures {lang} entries={Rc::new(state.profile().disclosures.clone())}
                memory_only={state.vault.vault != state::VaultState::Unlocked}
                on_delete={sender(&state).reform(Action::DeleteDisclosures)}
                on_export={{
                    let state = state.clone();
                    Callback::from(move |_: ()| vault_ops::export_disclosures(&state.profile().disclosures))
                }}
                on_back={panel.reform(|_: ()| PanelAction::BackTo(View::Editor))} />
        },
        View::Report => match &state.review.report {
            Some(report) => html! {
                <Report {lang} report={report.clone()} {in_window}
                    on_back={panel.reform(|_: ()| PanelAction::BackTo(View::Review))}
                    on_close={if in_window { Callback::from(|_: ()| window::close()) }
                        else { panel.reform(|_: ()| PanelAction::Close) }} />
            },
            None => html! {},
        },
    };

    html! {
        <div class={classes!("of-root", (in_window || staff).then_some("of-window"), staff.then_some("of-staff"), elder_on.then_some("of-elder"))} lang={lang.tag()} onkeydown={on_activity.reform(Event::from)}
            onclick={on_activity.reform(Event::from)} oninput={on_activity.reform(Event::from)}>
            if !in_window && !staff {
            <button ref={launcher_ref} class="of-launcher" data-of="launcher" type="button"
                aria-expanded={state.panel.open.to_string()} aria-controls="of-panel"
                title={t("launcher-hint")} onclick={toggle}>
                <span aria-hidden="true" class="of-launcher-icon">{"✎"}</span>
                <span class="of-launcher-text">{ t("launcher") }</span>
            </button>
            }
            if state.panel.open {
                <section id="of-panel" class="of-panel" data-of="panel" role="dialog" aria-modal="true"
                    data-view={matches!(state.panel.view, View::Review | View::Report).then_some("check")}
                    aria-labelledby="of-title" onkeydown={on_keydown}>
                    // Not a <header>: the page has its own banner; the widget's title bar is none.
                    <div class="of-header">
                        <h2 id="of-title" ref={heading_ref} tabindex="-1">
                            { t("app-title") }
                            <span class="of-subtitle">{ t("app-subtitle") }</span>
                        </h2>
                        <div class="of-header-actions">
                            <button type="button" class="of-elder-switch" data-of="elder" aria-pressed={elder_on.to_string()}
                                title={t("elder-hint")} onclick={switch_elder}>
                                <span aria-hidden="true" class="of-elder-box">{ if elder_on { "☑" } else { "☐" } }</span>
                                { t("elder-switch") }
                            </button>
                            <button type="button" class="of-link" data-of="lang" onclick={switch_lang}>{ t("lang-switch") }</button>
                            if !staff && state.vault.profile_open() {
                                <button type="button" class="of-link" data-of="open-disclosures"
                                    aria-current={(state.panel.view == View::Disclosures).then_some("page")}
                                    onclick={panel.reform(|_: MouseEvent| PanelAction::ShowView(View::Disclosures))}>{ t("disclosures") }</button>
                            }
                            if !staff {
                            <button type="button" class="of-close" data-of="close" aria-label={t("close")} onclick={close}>{"×"}</button>
                            }
                        </div>
                    </div>
                    if let Some(portal) = &portal {
                        <Asking {lang} request={portal.clone()} />
                    }
                    <VaultBar {lang} session={session.clone()} ops={ops.clone()} />
                    { screen }
                    if staff && unlocked {
                        { staff_log(lang) }
                    }
                </section>
            }
        </div>
    }
}
