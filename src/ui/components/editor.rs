//! The profile editor: the household, firms and mandates, one record at a time, with a list
//! of records at the top and a completeness view.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::completeness::Completeness;
use super::field_input::{FieldInput, FieldIntents};
use super::labels::{firm_title, person_title, relation_msg, role_msg};
use super::record::{FIRM_SECTIONS, PERSON_SECTIONS, RecordFields};
use crate::app::editor::{EditorAction, EditorState, Section};
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::{Relation, Role, agent_scope, role_scope};

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Interface language.
    pub lang: Lang,
    /// The editor's state: the profile, the drafts and what the person touched.
    pub editor: Rc<EditorState>,
    /// What the person does to the profile and its drafts.
    pub on_intent: Callback<EditorAction>,
    /// The person asks to forget the profile.
    pub on_clear: Callback<()>,
    /// The person asks to go on to review.
    pub on_review: Callback<()>,
    /// There is a page's form to review (on the app page there is none: the editor only
    /// saves).
    #[prop_or(true)]
    pub reviews: bool,
}

fn minor_badge(editor: &EditorState, id: &str, lang: Lang) -> Html {
    let birth = crate::core::validate::parse_date(editor.draft(id).get(Key::PersonBirthDate)).ok();
    match birth {
        Some(b) if crate::core::profile::age_on(b, editor.today) < 18 => {
            html! { <span class="of-badge" title={tr(lang, "minor-hint", &[])}>{ tr(lang, "minor", &[]) }</span> }
        }
        _ => html! {},
    }
}

fn nav(props: &EditorProps) -> Html {
    let s = &props.editor;
    let lang = props.lang;
    let item = |section: Section, label: Html, marker: String| {
        let current = s.section == section;
        let go = props
            .on_intent
            .reform(move |_: MouseEvent| EditorAction::Show(section.clone()));
        html! {
            <li>
                <button type="button" class={classes!("of-nav-item", current.then_some("of-current"))}
                    aria-current={current.then_some("true")} data-of={marker} onclick={go}>{ label }</button>
            </li>
        }
    };
    let add_person = {
        let on_action = props.on_intent.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let relation = match select.value().as_str() {
                "spouse" => Some(Relation::Spouse),
                "child" => Some(Relation::Child),
                "father" => Some(Relation::Father),
                "mother" => Some(Relation::Mother),
                "other" => Some(Relation::Other),
                _ => None,
            };
            select.set_value("");
            if let Some(r) = relation {
                on_action.emit(EditorAction::AddPerson(r));
            }
        })
    };
    html! {
        <nav class="of-nav" aria-label={tr(lang, "records", &[])}>
            <h4>{ tr(lang, "household", &[]) }</h4>
            <ul>
                { for s.profile.persons.iter().map(|p| item(
                    Section::Person(p.id.clone()),
                    html! { <>{ tr(lang, relation_msg(p.relation), &[]) }{ "：" }{ person_title(s, &p.id, lang) }{ minor_badge(s, &p.id, lang) }</> },
                    format!("record-{}", p.id),
                )) }
            </ul>
            <label class="of-add">
                <span>{ tr(lang, "add-person", &[]) }</span>
                <select data-of="add-person" onchange={add_person}>
                    <option value="" selected=true>{ tr(lang, "choose", &[]) }</option>
                    { for ["spouse", "child", "father", "mother", "other"].iter().map(|r| html! {
                        <option value={*r}>{ tr(lang, &format!("rel-{r}"), &[]) }</option>
                    }) }
                </select>
            </label>
            <h4>{ tr(lang, "firms", &[]) }</h4>
            <ul>
                { for s.profile.firms.iter().map(|f| item(
                    Section::Firm(f.id.clone()),
                    html! { firm_title(s, &f.id, lang) },
                    format!("record-{}", f.id),
                )) }
            </ul>
            <button type="button" class="of-link" data-of="add-firm" onclick={props.on_intent.reform(|_: MouseEvent| EditorAction::AddFirm)}>{ tr(lang, "add-firm", &[]) }</button>
            <ul>
                { item(Section::Agents, html! { tr(lang, "agents", &[]) }, "record-agents".into()) }
                { item(Section::Completeness, html! { tr(lang, "completeness", &[]) }, "record-completeness".into()) }
            </ul>
        </nav>
    }
}

fn remove_button(props: &EditorProps, id: &str) -> Html {
    let s = &props.editor;
    let lang = props.lang;
    if s.confirm_remove.as_deref() == Some(id) {
        let id2 = id.to_string();
        html! {
            <div class="of-confirm" role="alert">
                <p>{ tr(lang, "remove-confirm", &[]) }</p>
                <button type="button" class="of-danger" data-of="confirm-remove" onclick={props.on_intent.reform(move |_: MouseEvent| EditorAction::Remove(id2.clone()))}>{ tr(lang, "remove", &[]) }</button>
                <button type="button" class="of-secondary" onclick={props.on_intent.reform(|_: MouseEvent| EditorAction::CancelRemove)}>{ tr(lang, "cancel", &[]) }</button>
            </div>
        }
    } else {
        let id2 = id.to_string();
        html! {
            <button type="button" class="of-link of-remove" data-of="remove" onclick={props.on_intent.reform(move |_: MouseEvent| EditorAction::AskRemove(id2.clone()))}>{ tr(lang, "remove-record", &[]) }</button>
        }
    }
}

/// A select of the profile's persons; `labelled_by` names the element that labels it when it is
/// not inside a `<label>`.
fn person_choice(
    state: &EditorState,
    current: &str,
    lang: Lang,
    marker: String,
    labelled_by: Option<String>,
    on: Callback<String>,
) -> Html {
    let change = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on.emit(select.value());
    });
    html! {
        <select data-of={marker} aria-labelledby={labelled_by} onchange={change}>
            { for state.profile.persons.iter().map(|p| html! {
                <option value={p.id.clone()} selected={p.id == current}>
                    { format!("{}（{}）", person_title(state, &p.id, lang), tr(lang, relation_msg(p.relation), &[])) }
                </option>
            }) }
        </select>
    }
}

fn firm_roles(props: &EditorProps, firm: &str) -> Html {
    let intents = FieldIntents::of_editor(&props.on_intent);
    let s = &props.editor;
    let lang = props.lang;
    let Some(record) = s.profile.firms.iter().find(|f| f.id == firm) else {
        return html! {};
    };
    let add_role = {
        let on_action = props.on_intent.clone();
        let firm = firm.to_string();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let role = match select.value().as_str() {
                "legal_rep" => Some(Role::LegalRep),
                "finance_officer" => Some(Role::FinanceOfficer),
                "liaison" => Some(Role::Liaison),
                "shareholder" => Some(Role::Shareholder),
                "director" => Some(Role::Director),
                "supervisor" => Some(Role::Supervisor),
                "manager" => Some(Role::Manager),
                _ => None,
            };
            select.set_value("");
            if let Some(role) = role {
                on_action.emit(EditorAction::AddRole(firm.clone(), role));
            }
        })
    };
    html! {
        <section class="of-roles" data-of="roles">
            <h4>{ tr(lang, "roles", &[]) }</h4>
            <p class="of-intro">{ tr(lang, "roles-intro", &[]) }</p>
            { for record.roles.iter().enumerate().map(|(i, link)| {
                let draft_id = format!("role:{firm}:{i}");
                let firm_a = firm.to_string();
                let set_person = props.on_intent.reform(move |p: String| EditorAction::SetRolePerson(firm_a.clone(), i, p));
                let firm_b = firm.to_string();
                let remove = props.on_intent.reform(move |_: MouseEvent| EditorAction::RemoveRole(firm_b.clone(), i));
                let keys = role_scope(link.role);
                let draft = s.draft(&draft_id);
                let errors = s.visible_problems(&draft_id);
                // The role's name labels the select of who holds it.
                let title_id = format!("of-role-{firm}-{i}");
                html! {
                    <div class="of-role" data-of="role" data-role={role_msg(link.role)}>
                        <div class="of-role-head">
                            <strong id={title_id.clone()}>{ tr(lang, role_msg(link.role), &[]) }</strong>
                            { person_choice(s, &link.person, lang, format!("role-person-{i}"), Some(title_id), set_person) }
                            <button type="button" class="of-link" onclick={remove}>{ tr(lang, "remove", &[]) }</button>
                        </div>
                        { for keys.iter().map(|k| html! {
                            <FieldInput draft={draft_id.clone()} element={*k} value={draft.get(*k).to_string()} lang={lang}
                                error={errors.iter().find(|p| p.key == *k).cloned()} warning={None::<crate::core::profile::Problem>}
                                derived={false} focused={false} shown={false} intents={intents.clone()}
                                verified={s.verified_source(&draft_id, *k).cloned()} />
                        }) }
                    </div>
                }
            }) }
            <label class="of-add">
                <span>{ tr(lang, "add-role", &[]) }</span>
                <select data-of="add-role" onchange={add_role}>
                    <option value="" selected=true>{ tr(lang, "choose", &[]) }</option>
                    { for [(Role::LegalRep, "legal_rep"), (Role::FinanceOfficer, "finance_officer"), (Role::Liaison, "liaison"),
                           (Role::Shareholder, "shareholder"), (Role::Director, "director"), (Role::Supervisor, "supervisor"),
                           (Role::Manager, "manager")].iter().map(|(r, v)| html! {
                        <option value={*v}>{ tr(lang, role_msg(*r), &[]) }</option>
                    }) }
                </select>
            </label>
        </section>
    }
}

fn agents(props: &EditorProps) -> Html {
    let intents = FieldIntents::of_editor(&props.on_intent);
    let s = &props.editor;
    let lang = props.lang;
    let principals: Vec<(String, String)> = s
        .profile
        .persons
        .iter()
        .map(|p| (p.id.clone(), person_title(s, &p.id, lang)))
        .chain(
            s.profile
                .firms
                .iter()
                .map(|f| (f.id.clone(), firm_title(s, &f.id, lang))),
        )
        .collect();
    html! {
        <section class="of-agents" data-of="agents">
            <h3>{ tr(lang, "agents", &[]) }</h3>
            <p class="of-intro">{ tr(lang, "agents-intro", &[]) }</p>
            { for s.profile.agents.iter().enumerate().map(|(i, link)| {
                let draft_id = format!("agent:{i}");
                let draft = s.draft(&draft_id);
                let errors = s.visible_problems(&draft_id);
                let set_person = props.on_intent.reform(move |p: String| EditorAction::SetAgentPerson(i, p));
                let set_principal = {
                    let on_action = props.on_intent.clone();
                    Callback::from(move |e: Event| {
                        let select: HtmlSelectElement = e.target_unchecked_into();
                        on_action.emit(EditorAction::SetAgentPrincipal(i, select.value()));
                    })
                };
                let remove = props.on_intent.reform(move |_: MouseEvent| EditorAction::RemoveAgent(i));
                html! {
                    <div class="of-role" data-of="agent">
                        <div class="of-role-head">
                            <label>{ tr(lang, "agent-person", &[]) }{ person_choice(s, &link.person, lang, format!("agent-person-{i}"), None, set_person) }</label>
                            <label>{ tr(lang, "agent-principal", &[]) }
                                <select data-of={format!("agent-principal-{i}")} onchange={set_principal}>
                                    { for principals.iter().map(|(id, name)| html! {
                                        <option value={id.clone()} selected={*id == link.principal}>{ name }</option>
                                    }) }
                                </select>
                            </label>
                            <button type="button" class="of-link" onclick={remove}>{ tr(lang, "remove", &[]) }</button>
                        </div>
                        { for agent_scope().map(|k| html! {
                            <FieldInput draft={draft_id.clone()} element={k} value={draft.get(k).to_string()} lang={lang}
                                error={errors.iter().find(|p| p.key == k).cloned()} warning={None::<crate::core::profile::Problem>}
                                derived={false} focused={false} shown={false} intents={intents.clone()} />
                        }) }
                    </div>
                }
            }) }
            <button type="button" class="of-secondary" data-of="add-agent" onclick={props.on_intent.reform(|_: MouseEvent| EditorAction::AddAgent)}>{ tr(lang, "add-agent", &[]) }</button>
        </section>
    }
}

/// The editor screen.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let s = &props.editor;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let on_submit = {
        let on_review = props.on_review.clone();
        let on_intent = props.on_intent.clone();
        let reviews = props.reviews;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if reviews {
                on_review.emit(());
            } else {
                on_intent.emit(EditorAction::Save);
            }
        })
    };
    let error_count = s.error_count();
    let intents = FieldIntents::of_editor(&props.on_intent);

    let body = match &s.section {
        Section::Person(id) => match s.profile.person(id) {
            Some(p) => html! {
                <>
                    <h3>{ tr(lang, relation_msg(p.relation), &[]) }{ "：" }{ person_title(s, id, lang) }</h3>
                    if p.relation != Relation::Owner { { remove_button(props, id) } }
                    <RecordFields {lang} editor={s.clone()} draft={id.clone()} sections={PERSON_SECTIONS} intents={intents.clone()} />
                </>
            },
            None => html! {},
        },
        Section::Firm(id) => html! {
            <>
                <h3>{ firm_title(s, id, lang) }</h3>
                { remove_button(props, id) }
                <RecordFields {lang} editor={s.clone()} draft={id.clone()} sections={FIRM_SECTIONS} intents={intents.clone()} />
                { firm_roles(props, id) }
            </>
        },
        Section::Agents => agents(props),
        Section::Completeness => {
            html! { <Completeness {lang} editor={s.clone()} on_show={props.on_intent.reform(EditorAction::Show)} /> }
        }
    };
    html! {
        <form class="of-editor" data-of="editor" novalidate=true onsubmit={on_submit}>
            <h3 class="of-editor-title">{ t("editor-title") }</h3>
            <p class="of-intro">{ t("editor-intro") }</p>
            <div class="of-toolbar">
                <button type="button" class="of-secondary" data-of="load-demo" onclick={props.on_intent.reform(|_: MouseEvent| EditorAction::LoadDemo)}>{ t("load-demo") }</button>
                <button type="button" class="of-secondary" data-of="clear" onclick={props.on_clear.reform(|_: MouseEvent| ())}>{ t("clear-profile") }</button>
            </div>
            { nav(props) }
            { body }
            // A role's or a mandate's values: their question here, below the records.
            if s.confirm_verified.as_deref().is_some_and(|id| id.starts_with("role:") || id.starts_with("agent:")) {
                { super::record::verified_question(s, lang, &intents.on_verified) }
            }
            if s.attempted && error_count > 0 {
                <p class="of-error of-summary" role="alert">{ tr(lang, "errors-remain", &[("count", Arg::Num(error_count as i64))]) }</p>
            }
            <div class="of-actions">
                <button type="button" class="of-secondary" data-of="save" onclick={props.on_intent.reform(|_: MouseEvent| EditorAction::Save)}>{ t("save") }</button>
                if props.reviews {
                    <button type="submit" class="of-primary" data-of="to-review">{ t("to-review") }</button>
                }
            </div>
        </form>
    }
}
