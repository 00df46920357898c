//! The app page (`app.html` on OnceFill's own site): 首页 with the one next step for this
//! person, 我的资料 (the household, firms and mandates, each with how complete it is, over the
//! same editor as the widget), 表单与一件事 (the published forms and bundles, searchable, each
//! with what it needs and how much of it the profile holds) and 设置 (language, lock, backup,
//! erase). The same state, vault and screens as the widget; what to show next is decided by
//! [`crate::app::home`].

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::completeness::{FIRM_COMMON, PERSON_COMMON};
use super::components::disclosures::Disclosures;
use super::components::editor::Editor;
use super::components::labels::{firm_title, key_label, person_title, relation_msg, role_msg};
use super::components::vault::{
    ImportScreen, PassphraseScreen, SettingsScreen, UnlockScreen, VaultBar, VaultIntents,
};
use super::state::{
    Action, AppState, EditorAction, EditorState, PanelAction, Section, VaultState, View, send,
    sender,
};
use super::{AppProps, forms, hooks};
use crate::app::home::{self, Coverage, NextStep};
use crate::core::bundle::BUNDLES;
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::mapping::FormMapping;
use crate::core::profile::Profile;

/// Where the app is: the first screen, the library, or a screen of the shared state (我的资料,
/// 设置 and the vault's screens, by the state's view).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Page {
    Home,
    Library,
    Panel,
    /// 导入凭证: a credential or a service hall's attestation.
    Verify,
    /// 交给窗口: the QR hand-off to a service window.
    HandOff,
}

/// The five places the navigation leads to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Place {
    Home,
    Profile,
    Library,
    Record,
    Settings,
}

impl Place {
    const ALL: [Place; 5] = [
        Place::Home,
        Place::Profile,
        Place::Library,
        Place::Record,
        Place::Settings,
    ];

    fn of(page: Page, view: View) -> Place {
        match (page, view) {
            (Page::Home, _) => Place::Home,
            (Page::Library, _) => Place::Library,
            (Page::Panel, View::Settings | View::Import | View::Passphrase(true)) => {
                Place::Settings
            }
            (Page::Panel, View::Disclosures) => Place::Record,
            (Page::Panel | Page::Verify | Page::HandOff, _) => Place::Profile,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Place::Home => "home",
            Place::Profile => "profile",
            Place::Library => "library",
            Place::Record => "record",
            Place::Settings => "settings",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Place::Home => "nav-home",
            Place::Profile => "nav-profile",
            Place::Library => "nav-library",
            Place::Record => "disclosures",
            Place::Settings => "nav-settings",
        }
    }
}

/// The app page.
#[component]
pub fn AppPage(props: &AppProps) -> Html {
    let lang = props.lang;
    let relock = props.relock;
    let state = use_reducer(move || {
        let mut state = match relock {
            Some(r) => AppState::relocked(lang, super::today(), true, r.auto_lock_minutes),
            None => AppState::new(lang, super::today()),
        };
        state.panel.open = true;
        state
    });
    // A desk's offer or a hall's attestation from the link the person opened (a QR code at a
    // service window): read once, and taken out of the address at once.
    let linked = use_state(super::verified::take_from_address);
    let page = use_state(|| match linked.as_ref() {
        Some(("offer", _)) => Page::HandOff,
        Some(_) => Page::Verify,
        None => Page::Home,
    });
    // A link opened while the app is open in this tab changes only the address's fragment.
    {
        let (linked, page) = (linked.clone(), page.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    if let Some(found) = super::verified::take_from_address() {
                        page.set(if found.0 == "offer" {
                            Page::HandOff
                        } else {
                            Page::Verify
                        });
                        linked.set(Some(found));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let heading = use_node_ref();
    let base = props.base.clone().unwrap_or_default();
    // 长辈版, as in the widget.
    let (elder_on, switch_elder) = super::use_elder();

    // The site's form mappings, once.
    {
        let state = state.clone();
        let base = base.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let forms = forms::load_outlines(&base).await;
                send(&state, Action::FormsLoaded(Rc::new(forms)));
            });
        });
    }
    // A vault screen asked for from elsewhere (the status bar's 设置, a backup chosen) is shown.
    {
        let page = page.clone();
        use_effect_with(state.panel.view, move |view| {
            if matches!(view, View::Settings | View::Import | View::Passphrase(_)) {
                page.set(Page::Panel);
            }
        });
    }
    let place = Place::of(*page, state.screen());
    // Each new place starts at its heading, which takes the focus (not on the first paint).
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(place, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false)
                && let Some(h) = heading.cast::<web_sys::HtmlElement>()
            {
                let _ = h.focus();
            }
        });
    }

    let (ops, on_activity) = hooks::use_vault(&state);
    let go = {
        let (state, page) = (state.clone(), page.clone());
        Callback::from(move |to: Place| match to {
            Place::Home => page.set(Page::Home),
            Place::Library => page.set(Page::Library),
            Place::Profile => {
                send(&state, PanelAction::ShowView(View::Editor));
                page.set(Page::Panel);
            }
            Place::Settings => {
                send(&state, PanelAction::ShowView(View::Settings));
                page.set(Page::Panel);
            }
            Place::Record => {
                send(&state, PanelAction::ShowView(View::Disclosures));
                page.set(Page::Panel);
            }
        })
    };
    let t = |id: &str| tr(lang_of(&state), id, &[]);
    let lang = lang_of(&state);

    let switch_lang = {
        let panel: Callback<PanelAction> = sender(&state);
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
    let body = match place {
        Place::Home => home_screen(&state, lang, &base, &go),
        Place::Library => html! {
            <Library {lang} forms={state.forms.clone()} profile={Rc::new(state.profile().clone())}
                today={state.today()} locked={state.vault.vault == VaultState::Locked} base={AttrValue::from(base.clone())} />
        },
        Place::Settings => match state.screen() {
            View::Import => match &state.import {
                Some(import) => html! {
                    <ImportScreen {lang} session={session.clone()} ops={ops.clone()}
                        import={import.clone()} current={Rc::new(state.profile().clone())} />
                },
                None => html! {},
            },
            View::Passphrase(change) => html! {
                <PassphraseScreen {lang} session={session.clone()} ops={ops.clone()} {change}
                    base={AttrValue::from(base.clone())} />
            },
            _ => settings_screen(
                &state,
                lang,
                &ops,
                switch_lang.clone(),
                elder_on,
                switch_elder.clone(),
            ),
        },
        // (Locked, the place is 我的资料's unlock screen: see `Place::of`.)
        Place::Record => html! {
                <Disclosures {lang} titled={false} entries={Rc::new(state.profile().disclosures.clone())}
                    memory_only={state.vault.vault != VaultState::Unlocked}
                    on_delete={sender(&state).reform(Action::DeleteDisclosures)}
                    on_export={{
                        let state = state.clone();
                        Callback::from(move |_: ()| super::vault_ops::export_disclosures(&state.profile().disclosures))
                    }}
                    on_back={go.reform(|_: ()| Place::Home)} />
        },
        Place::Profile if *page == Page::Verify && state.screen() != View::Unlock => {
            let initial = linked
                .as_ref()
                .filter(|(name, _)| *name == "attest")
                .map(|(_, text)| AttrValue::from(text.clone()));
            let key = initial.clone().unwrap_or_default().to_string();
            html! {
                <super::verified::VerifiedScreen {key} screen={super::verified::Screen::Import} {lang}
                    base={AttrValue::from(base.clone())} text={initial}
                    profile={Rc::new(state.profile().clone())} on_told={told(&state, &go)} />
            }
        }
        Place::Profile if *page == Page::HandOff && state.screen() != View::Unlock => {
            let offer = linked
                .as_ref()
                .filter(|(name, _)| *name == "offer")
                .map(|(_, text)| AttrValue::from(text.clone()));
            let key = offer.clone().unwrap_or_default().to_string();
            html! {
                <super::verified::VerifiedScreen {key} screen={super::verified::Screen::HandOff} {lang}
                    base={AttrValue::from(base.clone())} text={offer}
                    profile={Rc::new(state.profile().clone())} on_told={told(&state, &go)} />
            }
        }
        Place::Profile => match state.screen() {
            View::Unlock => {
                html! { <UnlockScreen {lang} session={session.clone()} ops={ops.clone()} /> }
            }
            View::Passphrase(change) => html! {
                <PassphraseScreen {lang} session={session.clone()} ops={ops.clone()} {change}
                    base={AttrValue::from(base.clone())} />
            },
            _ => profile_screen(&state, lang, &ops, &page),
        },
    };

    html! {
        <div class={classes!("of-root", "of-app", elder_on.then_some("of-elder"))} lang={lang.tag()} onkeydown={on_activity.reform(Event::from)}
            onclick={on_activity.reform(Event::from)} oninput={on_activity.reform(Event::from)}>
            <header class="of-app-header">
                <p class="of-app-brand">{ t("app-title") }<span class="of-subtitle">{ t("app-subtitle") }</span></p>
                <span class="of-app-switches">
                    // 长辈版 on the first screen of every place, as in the widget's header.
                    <button type="button" class="of-elder-switch" data-of="elder" aria-pressed={elder_on.to_string()}
                        title={t("elder-hint")} onclick={switch_elder.clone()}>
                        <span aria-hidden="true" class="of-elder-box">{ if elder_on { "☑" } else { "☐" } }</span>
                        { t("elder-switch") }
                    </button>
                    <button type="button" class="of-link" data-of="lang" onclick={switch_lang.clone()}>{ t("lang-switch") }</button>
                </span>
            </header>
            <nav class="of-app-nav" aria-label={t("app-nav")}>
                <ul>
                    { for Place::ALL.iter().map(|p| {
                        let p = *p;
                        let current = p == place;
                        html! {
                            <li><button type="button" data-of={format!("nav-{}", p.id())}
                                class={classes!("of-app-tab", current.then_some("of-current"))}
                                aria-current={current.then_some("page")}
                                onclick={go.reform(move |_: MouseEvent| p)}>{ t(p.title()) }</button></li>
                        }
                    }) }
                </ul>
            </nav>
            <main class="of-app-main" data-of={format!("screen-{}", place.id())}>
                <h1 ref={heading} tabindex="-1" data-of="app-heading">{ t(place.title()) }</h1>
                { body }
            </main>
        </div>
    }
}

/// What a verified-data screen tells the app, carried out: an import or a hand-off recorded
/// in the profile (saved as any edit is), or back to 我的资料.
fn told(state: &super::state::Handle, go: &Callback<Place>) -> Callback<super::verified::Told> {
    use super::verified::Told;
    let (state, go) = (state.clone(), go.clone());
    Callback::from(move |told: Told| match told {
        Told::Imported(profile) => sender(&state).emit(Action::Verified(profile)),
        Told::Recorded(entry) => sender(&state).emit(Action::HandedOver(entry)),
        Told::Done => go.emit(Place::Profile),
    })
}

fn lang_of(state: &AppState) -> Lang {
    state.lang()
}

/// Between the items of a list in a sentence.
fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "、",
        Lang::En => ", ",
    }
}

/// 首页: one next step, large and plain.
fn home_screen(state: &super::state::Handle, lang: Lang, base: &str, go: &Callback<Place>) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    let step = home::next_step(&state.vault, state.profile(), &state.forms, state.today());
    let (kind, title, intro, action) = match &step {
        NextStep::Wait => ("wait", t("next-wait"), String::new(), html! {}),
        NextStep::SetUp => ("setup", t("next-setup"), t("next-setup-intro"), {
            let setup = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| {
                    send(&state, PanelAction::ShowView(View::Passphrase(false)))
                })
            };
            let sample = {
                let (state, go) = (state.clone(), go.clone());
                Callback::from(move |_: MouseEvent| {
                    send(&state, EditorAction::LoadDemo);
                    go.emit(Place::Profile);
                })
            };
            html! {
                <div class="of-next-actions">
                    <button type="button" class="of-primary of-big" data-of="next-action"
                        onclick={setup}>{ t("next-setup-go") }</button>
                    <button type="button" class="of-secondary of-big" data-of="next-sample"
                        onclick={sample}>{ t("next-sample") }</button>
                </div>
            }
        }),
        NextStep::Unlock => (
            "unlock",
            t("next-unlock"),
            t("next-unlock-intro"),
            html! {
                <button type="button" class="of-primary of-big" data-of="next-action"
                    onclick={go.reform(|_: MouseEvent| Place::Profile)}>{ t("next-unlock-go") }</button>
            },
        ),
        NextStep::Continue { bundle, next } => {
            let (_, path, form) = bundle.forms[*next];
            let name = if lang == Lang::En {
                bundle.en
            } else {
                bundle.zh
            };
            (
                "continue",
                tr(lang, "next-continue", &[("bundle", Arg::Str(name))]),
                tr(lang, "next-continue-intro", &[("form", Arg::Str(form))]),
                html! {
                    <a class="of-primary of-big of-button-link" data-of="next-action" href={format!("{base}{path}")}>{ t("next-continue-go") }</a>
                },
            )
        }
        NextStep::Complete(keys) => {
            let items = keys
                .iter()
                .map(|k| key_label(lang, *k))
                .collect::<Vec<_>>()
                .join(list_sep(lang));
            (
                "complete",
                t("next-complete"),
                tr(lang, "next-complete-intro", &[("items", Arg::Str(&items))]),
                html! {
                    <button type="button" class="of-primary of-big" data-of="next-action"
                        onclick={go.reform(|_: MouseEvent| Place::Profile)}>{ t("next-complete-go") }</button>
                },
            )
        }
        NextStep::Choose => (
            "choose",
            t("next-choose"),
            t("next-choose-intro"),
            html! {
                <button type="button" class="of-primary of-big" data-of="next-action"
                    onclick={go.reform(|_: MouseEvent| Place::Library)}>{ t("next-choose-go") }</button>
            },
        ),
    };
    html! {
        <section class="of-next" data-of="next-step" data-step={kind} aria-labelledby="of-next-title">
            <h2 id="of-next-title">{ title }</h2>
            if !intro.is_empty() { <p class="of-next-intro">{ intro }</p> }
            { action }
        </section>
    }
}

/// 我的资料: each record with how complete it is, and the editor.
fn profile_screen(
    state: &super::state::Handle,
    lang: Lang,
    ops: &VaultIntents,
    page: &UseStateHandle<Page>,
) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    let editor = Rc::new(state.editor.clone());
    let on_editor: Callback<EditorAction> = sender(state);
    let record = |title: String, roles: String, section: Section, filled: usize, total: usize| {
        let open = open_in_editor(&on_editor, section);
        html! {
            <li class="of-complete" data-of="profile-record">
                <span class="of-record-name"><strong>{ title.clone() }</strong>
                    if !roles.is_empty() { <span class="of-record-roles" data-of="record-roles">{ roles }</span> }
                </span>
                <span data-of="record-filled">{ tr(lang, "filled-of", &[("filled", Arg::Num(filled as i64)), ("total", Arg::Num(total as i64))]) }</span>
                <button type="button" class="of-link" data-of="open-record"
                    aria-label={format!("{} {}", t("open-record"), title)} onclick={open}>{ t("open-record") }</button>
                <progress max={total.to_string()} value={filled.to_string()} aria-hidden="true"></progress>
            </li>
        }
    };
    let s = &state.editor;
    let persons = s.profile.persons.iter().map(|p| {
        let (filled, total) = filled(s, &p.id, PERSON_COMMON);
        record(
            format!(
                "{}：{}",
                tr(lang, relation_msg(p.relation), &[]),
                person_title(s, &p.id, lang)
            ),
            String::new(),
            Section::Person(p.id.clone()),
            filled,
            total,
        )
    });
    let firms = s.profile.firms.iter().map(|f| {
        let (filled, total) = filled(s, &f.id, FIRM_COMMON);
        let mut roles: Vec<String> = Vec::new();
        for r in &f.roles {
            let name = tr(lang, role_msg(r.role), &[]);
            if !roles.contains(&name) {
                roles.push(name);
            }
        }
        record(
            firm_title(s, &f.id, lang),
            roles.join(list_sep(lang)),
            Section::Firm(f.id.clone()),
            filled,
            total,
        )
    });
    let agents = s.profile.agents.len();
    html! {
        <>
            <VaultBar {lang} session={Rc::new(state.vault.clone())} ops={ops.clone()} />
            <div class="of-next-actions of-verified-actions">
                <button type="button" class="of-secondary" data-of="open-verify"
                    onclick={{ let page = page.clone(); move |_: MouseEvent| page.set(Page::Verify) }}>{ t("credential-title") }</button>
                <button type="button" class="of-secondary" data-of="open-handoff"
                    onclick={{ let page = page.clone(); move |_: MouseEvent| page.set(Page::HandOff) }}>{ t("handoff-title") }</button>
            </div>
            <ul class="of-steps of-records" data-of="profile-records" aria-label={t("nav-profile")}>
                { for persons }
                { for firms }
                <li class="of-complete" data-of="profile-agents">
                    <span class="of-record-name"><strong>{ t("agents") }</strong></span>
                    <span>{ tr(lang, "agents-count", &[("n", Arg::Num(agents as i64))]) }</span>
                    <button type="button" class="of-link" data-of="open-agents"
                        aria-label={format!("{} {}", t("open-record"), t("agents"))}
                        onclick={open_in_editor(&on_editor, Section::Agents)}>{ t("open-record") }</button>
                </li>
            </ul>
            <Editor {lang} {editor} on_intent={on_editor.clone()} on_review={Callback::noop()} reviews={false}
                on_clear={sender(state).reform(|_: ()| Action::Clear)} />
        </>
    }
}

/// Opens `section` in the editor below the list, which is scrolled into view with the focus
/// on the record's heading.
fn open_in_editor(on_editor: &Callback<EditorAction>, section: Section) -> Callback<MouseEvent> {
    let on_editor = on_editor.clone();
    Callback::from(move |e: MouseEvent| {
        on_editor.emit(EditorAction::Show(section.clone()));
        let root = e
            .target_dyn_into::<web_sys::Element>()
            .map(|el| el.get_root_node());
        // Once the editor shows the record.
        gloo::timers::callback::Timeout::new(0, move || {
            let heading = root
                .and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok())
                .and_then(|r| {
                    r.query_selector("[data-of=\"editor\"] .of-nav ~ h3")
                        .ok()
                        .flatten()
                })
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(h) = heading {
                h.set_tab_index(-1);
                let _ = h.focus();
                h.scroll_into_view();
            }
        })
        .forget();
    })
}

/// How many of `common` the record `id` holds (typed values included).
fn filled(s: &EditorState, id: &str, common: &[Key]) -> (usize, usize) {
    let draft = s.draft(id);
    let n = common
        .iter()
        .filter(|k| !draft.get(**k).trim().is_empty())
        .count();
    (n, common.len())
}

/// 设置: language, lock, and the vault's own settings (auto-lock, passphrase, backup, erase).
fn settings_screen(
    state: &super::state::Handle,
    lang: Lang,
    ops: &VaultIntents,
    switch_lang: Callback<MouseEvent>,
    elder: bool,
    on_elder: Callback<MouseEvent>,
) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    let unlocked = state.vault.vault == VaultState::Unlocked;
    html! {
        <>
            <section class="of-app-setting" aria-labelledby="of-set-lang">
                <h2 id="of-set-lang">{ t("settings-lang") }</h2>
                <button type="button" class="of-secondary" data-of="settings-lang" onclick={switch_lang}>{ t("lang-switch") }</button>
            </section>
            if state.vault.vault == VaultState::Absent {
                <section class="of-app-setting" aria-labelledby="of-set-keep">
                    <h2 id="of-set-keep">{ t("setup-title") }</h2>
                    <p class="of-intro">{ t("setup-intro") }</p>
                    <button type="button" class="of-secondary" data-of="settings-setup"
                        onclick={ops.show.reform(|_: MouseEvent| View::Passphrase(false))}>{ t("vault-setup") }</button>
                </section>
            }
            if unlocked {
                <section class="of-app-setting" aria-labelledby="of-set-lock">
                    <h2 id="of-set-lock">{ t("settings-lock") }</h2>
                    <p class="of-intro">{ t("settings-lock-intro") }</p>
                    <button type="button" class="of-secondary" data-of="settings-lock-now"
                        onclick={ops.lock.reform(|_: MouseEvent| ())}>{ t("lock-now") }</button>
                </section>
            }
            <SettingsScreen {lang} session={Rc::new(state.vault.clone())} ops={ops.clone()}
                has_learned={!state.profile().learned.is_empty()} back={false} {elder} {on_elder} />
        </>
    }
}

/// Properties of [`Library`].
#[derive(Properties, PartialEq)]
struct LibraryProps {
    lang: Lang,
    forms: Rc<Vec<FormMapping>>,
    profile: Rc<Profile>,
    today: time::Date,
    /// The vault is locked: what the profile holds is not known.
    locked: bool,
    base: AttrValue,
}

/// 表单与一件事: the bundles and the published forms, searchable by title and department.
#[component]
fn Library(props: &LibraryProps) -> Html {
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let query = use_state(String::new);
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let item = |kind: &'static str,
                title: String,
                department: String,
                tag: Option<String>,
                coverage: Coverage,
                href: Option<String>,
                open: &'static str| {
        let names: Vec<Html> = coverage
            .asks
            .iter()
            .map(|(role, key)| {
                let held = !coverage
                    .missing
                    .iter()
                    .any(|n| n.role == *role && n.key == *key);
                let whose = role
                    .map(|r| format!("（{}）", tr(lang, role_msg(r.role), &[])))
                    .unwrap_or_default();
                html! {
                    <li class={classes!((!held).then_some("of-lacking"))}>
                        { key_label(lang, *key) }{ whose }
                        if !held && !props.locked { { " — " }{ t("library-lacking") } }
                    </li>
                }
            })
            .collect();
        html! {
            <li class="of-library-item" data-of="library-item" data-kind={kind}>
                <h3>{ title.clone() }
                    if let Some(tag) = tag { { " " }<span class="of-tag">{ tag }</span> }
                </h3>
                <p class="of-library-dept">{ department }</p>
                if props.locked {
                    <p class="of-note-plain" data-of="coverage">{ t("library-locked") }</p>
                } else {
                    <p class="of-coverage" data-of="coverage" data-have={coverage.have().to_string()}
                        data-total={coverage.total().to_string()}>
                        { tr(lang, "library-coverage", &[("have", Arg::Num(coverage.have() as i64)), ("total", Arg::Num(coverage.total() as i64))]) }
                    </p>
                }
                <details class="of-library-needs">
                    <summary>{ tr(lang, if kind == "bundle" { "library-needs-bundle" } else { "library-needs" }, &[("total", Arg::Num(coverage.total() as i64))]) }</summary>
                    <ul>{ for names }</ul>
                </details>
                if let Some(href) = href {
                    <a class="of-secondary of-button-link" data-of="open-form" href={href}
                        aria-label={format!("{} {}", t(open), title)}>{ t(open) }</a>
                }
            </li>
        }
    };
    let q = (*query).clone();
    let base = props.base.as_str();
    let forms = &props.forms;
    let profile = &props.profile;
    let bundles: Vec<Html> = BUNDLES
        .iter()
        .filter(|b| {
            let title = if lang == Lang::En { b.en } else { b.zh };
            let forms_text = b.forms.iter().map(|f| f.2).collect::<Vec<_>>().join(" ");
            home::matches(&q, &format!("{} {}", b.zh, title), &forms_text)
        })
        .filter_map(|b| {
            let mapped = b.mappings(forms);
            if mapped.is_empty() {
                return None;
            }
            let next = b
                .forms
                .iter()
                .find(|(id, _, _)| !crate::core::bundle::Bundle::is_filled(profile, id))
                .unwrap_or(&b.forms[0]);
            let mut departments: Vec<&str> = Vec::new();
            for m in &mapped {
                if !departments.contains(&m.department.as_str()) {
                    departments.push(&m.department);
                }
            }
            let departments = departments.join("、");
            Some(item(
                "bundle",
                if lang == Lang::En { b.en } else { b.zh }.to_string(),
                departments,
                Some(tr(
                    lang,
                    "library-bundle",
                    &[("count", Arg::Num(b.forms.len() as i64))],
                )),
                home::coverage(profile, &mapped, props.today),
                Some(format!("{base}{}", next.1)),
                if b.done(profile) > 0 {
                    "open-bundle-next"
                } else {
                    "open-bundle"
                },
            ))
        })
        .collect();
    let singles: Vec<Html> = forms
        .iter()
        .filter(|f| home::matches(&q, &f.title, &f.department))
        .map(|f| {
            item(
                "form",
                f.title.clone(),
                f.department.clone(),
                None,
                home::coverage(profile, &[f], props.today),
                home::page_of(f).map(|p| format!("{base}{p}")),
                "open-form",
            )
        })
        .collect();
    let found = bundles.len() + singles.len();
    html! {
        <section class="of-library" data-of="library">
            <div class="of-row">
                <label for="of-library-search">{ t("library-search") }</label>
                <input id="of-library-search" type="search" data-of="library-search" value={q.clone()}
                    oninput={on_input} aria-describedby="of-library-found" />
            </div>
            <p id="of-library-found" class="of-note-plain" role="status" data-of="library-found">
                { if forms.is_empty() { t("library-loading") } else { tr(lang, "library-found", &[("count", Arg::Num(found as i64))]) } }
            </p>
            <ul class="of-steps of-library-list">
                { for bundles }
                { for singles }
            </ul>
        </section>
    }
}
