//! Review: every field that will be filled, its value (sensitive ones masked, with a reveal
//! button), and why it was recognised; every field that will not, and why not.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::field_input::{FieldInput, FieldIntents};
use super::labels::{key_label, verified_badge};
use crate::app::editor::EditorState;
use crate::app::review::{OneAtATime, ReviewState, missing};
use crate::core::bundle::Bundle;
use crate::core::classify::{Reason, SkipReason};
use crate::core::dictionary::Key;
use crate::core::field::FieldId;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::mapping::FormMapping;
use crate::core::people::{How, block_label, who_label};
use crate::core::plan::{FillStep, NotPlanned};
use crate::core::role::{RoleRef, Who};

/// Properties of [`Review`].
#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    /// Interface language.
    pub lang: Lang,
    /// The plan under review.
    pub review: Rc<ReviewState>,
    /// The profile and the drafts of what the form asks for and the profile lacks.
    pub editor: Rc<EditorState>,
    /// The form mappings the site publishes.
    pub forms: Rc<Vec<FormMapping>>,
    /// The site's base URL, for links to a bundle's other forms.
    pub base: AttrValue,
    /// The person ticks or unticks a step.
    pub on_select: Callback<(FieldId, bool)>,
    /// The person shows or hides a sensitive value.
    pub on_reveal: Callback<FieldId>,
    /// The person goes back to the editor.
    pub on_back: Callback<()>,
    /// What the person does in the inputs of what the profile lacks.
    pub intents: FieldIntents,
    /// The person asks to fill.
    pub on_fill: Callback<()>,
    /// The person corrects a field: (its handle, the element it takes, or none).
    pub on_learn: Callback<(String, Option<Key>)>,
    /// The person supplied what the form asks for and the profile lacked: save and re-check.
    pub on_missing: Callback<()>,
    /// 长辈版: one item per screen, then a summary with the button that fills.
    #[prop_or_default]
    pub elder: bool,
    /// The person goes to another screen of the review one item at a time.
    #[prop_or_default]
    pub on_go: Callback<usize>,
    /// The person chose who fills a block of a form with several people.
    pub on_assign: Callback<(Option<RoleRef>, Who)>,
}

/// The message id of why a block has its person.
fn how_id(how: How) -> &'static str {
    match how {
        How::Applicant => "people-how-applicant",
        How::BySex => "people-how-by_sex",
        How::ByRelation => "people-how-by_relation",
        How::Errand => "people-how-errand",
        How::Answer => "people-how-answer",
        How::Open => "people-how-open",
    }
}

/// "此表有两位：申请人、义务人，分别是谁？": one group of radio buttons per block, the
/// profile's people and 不填 in each, the block's person now checked.
fn people_section(props: &ReviewProps) -> Html {
    let Some(q) = &props.review.plan.question else {
        return html! {};
    };
    let lang = props.lang;
    let refused = props
        .review
        .refused
        .and_then(|(block, who)| q.refusal(lang, block, who));
    let everyone: Vec<(Who, String)> = q
        .choices
        .iter()
        .map(|c| (c.who, c.label(lang)))
        .chain(std::iter::once((Who::Nobody, who_label(lang, Who::Nobody))))
        .collect();
    html! {
        <section class="of-people" data-of="people" aria-labelledby="of-people-q">
            <h4 id="of-people-q">{ q.text(lang) }</h4>
            <p class="of-intro">{ tr(lang, "people-intro", &[]) }</p>
            if let Some(message) = refused {
                <p class="of-warning" role="alert" data-of="people-refused">{ message }</p>
            }
            { for q.blocks.iter().enumerate().map(|(i, b)| {
                let block = b.role;
                let name = format!("of-people-{i}");
                let block_id = crate::core::classify::learn::block_id(block);
                html! {
                    <fieldset class="of-block" data-of="block" data-block={block_id.clone()} data-how={how_id(b.how)}>
                        <legend>
                            <strong>{ block_label(lang, block) }</strong>
                            <span class="of-reason">{ " · " }{ tr(lang, how_id(b.how), &[]) }</span>
                        </legend>
                        { for everyone.iter().map(|(who, label)| {
                            let who = *who;
                            let on_assign = props.on_assign.clone();
                            let change = Callback::from(move |_: Event| on_assign.emit((block, who)));
                            html! {
                                <label class="of-choice">
                                    <input type="radio" name={name.clone()} value={who.to_string()}
                                        checked={b.who == Some(who)} onchange={change} />
                                    { label.clone() }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </section>
    }
}

/// A bundle's progress, and everything its forms still need, asked once.
fn bundle_section(props: &ReviewProps) -> Option<Html> {
    let s = &*props.editor;
    let lang = props.lang;
    let form = props.review.form.as_deref();
    let bundle = crate::core::bundle::bundle_of(form?)?;
    let needs = bundle.needs_of(&s.profile, &props.forms, s.today);
    let done = bundle.done(&s.profile);
    let base = props.base.clone();
    let title = match lang {
        Lang::ZhCn => bundle.zh,
        Lang::En => bundle.en,
    };
    let fields: Vec<Html> = needs
        .iter()
        .filter(|n| !n.nobody && crate::core::profile::editable(n.key))
        .filter_map(|n| {
            let record = crate::app::editor::draft_id(&s.profile.holder_of(n.key, n.role)?);
            let draft = s.draft(&record);
            let errors = s.visible_problems(&record);
            let who = n.role.map(|r| role_name(lang, r));
            Some(html! {
                <div class="of-need" data-of="need">
                    if let Some(w) = who { <p class="of-role-tag">{ w }</p> }
                    <FieldInput draft={record.clone()} element={n.key} value={draft.get(n.key).to_string()} {lang}
                        error={errors.iter().find(|p| p.key == n.key).cloned()} warning={None::<crate::core::profile::Problem>}
                        derived={false} focused={s.focused.as_ref() == Some(&(record.clone(), n.key))}
                        shown={s.shown.contains(&(record.clone(), n.key))} intents={props.intents.clone()} />
                </div>
            })
        })
        .collect();
    let nobody: Vec<String> = needs
        .iter()
        .filter(|n| n.nobody)
        .filter_map(|n| n.role.map(|r| role_name(lang, r)))
        .fold(Vec::new(), |mut acc, r| {
            if !acc.contains(&r) {
                acc.push(r);
            }
            acc
        });
    Some(html! {
        <section class="of-missing" data-of="bundle">
            <h4>{ title }{ " · " }{ tr(lang, "bundle-progress", &[("done", Arg::Num(done as i64)), ("total", Arg::Num(bundle.forms.len() as i64))]) }</h4>
            <ol class="of-bundle-forms">
                { for bundle.forms.iter().map(|(id, page, zh)| {
                    let filled = Bundle::is_filled(&s.profile, id);
                    let current = form == Some(*id);
                    html! {
                        <li data-of="bundle-form" data-filled={filled.to_string()}>
                            { if filled { "✓ " } else { "○ " } }
                            if current { <strong>{ *zh }</strong>{ tr(lang, "bundle-current", &[]) } }
                            else { <a href={format!("{base}{page}")}>{ *zh }</a> }
                        </li>
                    }
                }) }
            </ol>
            if !fields.is_empty() {
                <p class="of-intro">{ tr(lang, "bundle-needs", &[]) }</p>
                { for fields }
                <button type="button" class="of-secondary" data-of="save-missing" onclick={props.on_missing.reform(|_: MouseEvent| ())}>
                    { tr(lang, "missing-save", &[]) }
                </button>
            }
            if !nobody.is_empty() {
                <p class="of-warning">{ tr(lang, "bundle-nobody", &[("roles", Arg::Str(&nobody.join("、")))]) }</p>
            }
        </section>
    })
}

fn missing_section(props: &ReviewProps) -> Html {
    if let Some(bundle) = bundle_section(props) {
        return bundle;
    }
    let s = &*props.editor;
    let lang = props.lang;
    let Some((record, mut keys)) = missing(&props.review.plan, &s.profile) else {
        return html! {};
    };
    // What the form's mapping marks required comes first, tagged.
    let required: Vec<Key> = props
        .review
        .form
        .as_deref()
        .and_then(|id| props.forms.iter().find(|f| f.id == id))
        .map(|f| {
            f.fields
                .iter()
                .filter(|m| m.required)
                .filter_map(|m| m.key)
                .collect()
        })
        .unwrap_or_default();
    crate::core::order::sort_by_key(&mut keys, |k| !required.contains(k));
    let draft = s.draft(&record);
    let errors = s.visible_problems(&record);
    html! {
        <section class="of-missing" data-of="missing">
            <h4>{ tr(lang, "missing-title", &[]) }</h4>
            <p class="of-intro">{ tr(lang, "missing-intro", &[]) }</p>
            { for keys.iter().map(|k| html! {
              <div class="of-need">
                if required.contains(k) { <p class="of-role-tag" data-of="required">{ tr(lang, "missing-required", &[]) }</p> }
                <FieldInput draft={record.clone()} element={*k} value={draft.get(*k).to_string()} {lang}
                    error={errors.iter().find(|p| p.key == *k).cloned()} warning={None::<crate::core::profile::Problem>}
                    derived={false} focused={s.focused.as_ref() == Some(&(record.clone(), *k))}
                    shown={s.shown.contains(&(record.clone(), *k))} intents={props.intents.clone()} />
              </div>
            }) }
            <button type="button" class="of-secondary" data-of="save-missing" onclick={props.on_missing.reform(|_: MouseEvent| ())}>
                { tr(lang, "missing-save", &[]) }
            </button>
        </section>
    }
}

/// Elements a person may say a field takes: what the plan can fill.
fn learnable() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| {
        let e = k.element();
        (!e.derived || *k == Key::MetaFillDate)
            && e.value != crate::core::dictionary::ValueType::Reference
    })
}

/// A select to correct what a field takes; remembered for this form.
fn correction(
    props: &ReviewProps,
    handle: Option<String>,
    current: Option<Key>,
    marker: String,
) -> Html {
    let Some(handle) = handle else {
        return html! {};
    };
    let lang = props.lang;
    let on_learn = props.on_learn.clone();
    let change = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        if value == "-" {
            return;
        }
        on_learn.emit((handle.clone(), Key::from_id(&value)));
    });
    html! {
        <label class="of-learn">
            <span>{ tr(lang, "learn-label", &[]) }</span>
            <select data-of={marker} onchange={change}>
                <option value="-" selected={current.is_none()}>{ tr(lang, "learn-unknown", &[]) }</option>
                <option value="">{ tr(lang, "learn-none", &[]) }</option>
                { for learnable().map(|k| html! {
                    <option value={k.id()} selected={current == Some(k)}>{ key_label(lang, k) }</option>
                }) }
            </select>
        </label>
    }
}

/// The sentence for a reason.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    let id = format!("reason-{}", reason.kind());
    tr(lang, &id, &[("detail", Arg::Str(reason.detail()))])
}

/// A role's name for a person: 法定代表人, 股东（第2位）.
pub fn role_name(lang: Lang, role: RoleRef) -> String {
    crate::core::people::role_label(lang, role)
}

/// The sentence for a field left alone.
pub fn not_planned_text(lang: Lang, why: &NotPlanned) -> String {
    let with = |id: &str, detail: &str| tr(lang, id, &[("detail", Arg::Str(detail))]);
    match why {
        NotPlanned::NotInProfile(key) => with("skip-not-in-profile", &key_label(lang, *key)),
        NotPlanned::Transform(code) => with("skip-transform", code),
        NotPlanned::RoleLacks { key, role } => tr(
            lang,
            "skip-role-lacks",
            &[
                ("role", Arg::Str(&role_name(lang, *role))),
                ("detail", Arg::Str(&key_label(lang, *key))),
            ],
        ),
        NotPlanned::Undecided(role) => tr(
            lang,
            "skip-undecided",
            &[("role", Arg::Str(&role_name(lang, *role)))],
        ),
        NotPlanned::NotAssigned(block) => tr(
            lang,
            "skip-not-assigned",
            &[(
                "role",
                Arg::Str(&crate::core::people::block_label(lang, *block)),
            )],
        ),
        NotPlanned::CountryUnknown => with("skip-country-unknown", ""),
        NotPlanned::NoMatchingOption(key) => with("skip-no-option", &key_label(lang, *key)),
        NotPlanned::TooLong { max, .. } => {
            tr(lang, "skip-too-long", &[("max", Arg::Num(i64::from(*max)))])
        }
        NotPlanned::Concealed(how) => with("skip-concealed", &tr(lang, &how.message_id(), &[])),
        NotPlanned::Skipped(reason) => match reason {
            SkipReason::Hidden => with("skip-hidden", ""),
            SkipReason::ReadOnly => with("skip-readonly", ""),
            SkipReason::Disabled => with("skip-disabled", ""),
            SkipReason::NeverFilled(what) => with("skip-type", what),
            SkipReason::Captcha => with("skip-captcha", ""),
            SkipReason::Unrecognised => with("skip-unrecognised", ""),
            SkipReason::Ambiguous(keys) => with(
                "skip-ambiguous",
                &keys
                    .iter()
                    .map(|k| key_label(lang, *k))
                    .collect::<Vec<_>>()
                    .join(" / "),
            ),
            SkipReason::OtherParty(who) => with("skip-other-party", who),
            SkipReason::WhoseUnknown(block) => with("skip-whose-unknown", block),
            SkipReason::Duplicate { key, count } => tr(
                lang,
                "skip-duplicate",
                &[
                    ("count", Arg::Num(*count as i64)),
                    ("detail", Arg::Str(&key_label(lang, *key))),
                ],
            ),
            SkipReason::NotHeld(token) => with("skip-not-held", token),
            SkipReason::NotInDictionary(what) => with("skip-not-in-profile", what),
            SkipReason::Declined => with("skip-declined", ""),
            SkipReason::NotMapped => with("skip-not-mapped", ""),
        },
    }
}

fn step_row(props: &ReviewProps, index: usize, step: &FillStep) -> Html {
    let s = &*props.review;
    let lang = props.lang;
    let field = step.field.clone();
    let toggle = {
        let on_select = props.on_select.clone();
        let field = field.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_select.emit((field.clone(), input.checked()));
        })
    };
    let revealed = s.revealed.contains(&field);
    let options = s
        .fields
        .iter()
        .find(|f| f.id == field)
        .map(|f| f.options.as_slice())
        .unwrap_or(&[]);
    let value = match step.action {
        // A checkbox: what will happen to it, in words (its label is the step's title).
        crate::core::plan::FillAction::Check { on } => {
            tr(lang, if on { "check-on" } else { "check-off" }, &[])
        }
        _ if revealed => step.reveal(options),
        _ => step.shown.clone(),
    };
    let reveal = props.on_reveal.reform({
        let field = field.clone();
        move |_: MouseEvent| field.clone()
    });
    let check_id = format!("of-step-{index}");
    let hidden = step.concealed;
    html! {
        // A field hidden by the page is shown so the person learns the page tried: its box
        // cannot be ticked, its value is neither shown nor corrected.
        <li class={classes!("of-step", (!step.selected).then_some("of-unselected"))}
            data-of={if hidden.is_some() { "hidden-step" } else { "step" }} data-key={step.key.id()} data-reason={hidden.map(|h| h.code())}>
            <input type="checkbox" id={check_id.clone()} checked={step.selected} disabled={hidden.is_some()} onchange={toggle} />
            <div class="of-step-body">
                <label for={check_id} class="of-step-label">{ &step.label }</label>
                if let Some(how) = hidden {
                    <div class="of-warning" data-of="hidden-reason">{ tr(lang, &how.message_id(), &[]) }</div>
                } else {
                <div class="of-step-value">
                    <span class="of-value" data-of="value">{ value }</span>
                    if step.sensitive {
                        <button type="button" class="of-link" aria-pressed={revealed.to_string()} onclick={reveal}>
                            { tr(lang, if revealed { "conceal" } else { "reveal" }, &[]) }
                        </button>
                    }
                </div>
                { verified_badge(lang, props.editor.profile.source_as(step.key, step.role), None) }
                if let Some(note) = step.note(lang) {
                    <div class="of-warning" data-of="unverified">{ note }</div>
                }
                if s.consent.contains(&field) {
                    <div class="of-sensitive" data-of="sensitive">
                        <strong class="of-tag of-tag-sensitive">{ tr(lang, "sensitive-tag", &[]) }</strong>{ " " }
                        { tr(lang, if crate::core::disclosure::approved(&props.editor.profile.disclosures, &s.page, step.key, step.role) { "sensitive-known" } else { "sensitive-ask" }, &[]) }
                    </div>
                }
                <div class="of-reason">
                    if let Some(role) = step.role {
                        <strong class="of-role-tag">{ role_name(lang, role) }</strong>{ " · " }
                    }
                    { key_label(lang, step.key) }{ " · " }{ reason_text(lang, &step.reason) }
                </div>
                if step.overwrites {
                    <div class="of-warning" data-of="overwrites">{ tr(lang, "review-overwrite", &[]) }</div>
                }
                if matches!(step.action, crate::core::plan::FillAction::Later { .. }) {
                    <div class="of-note" data-of="later">{ tr(lang, "review-later", &[]) }</div>
                }
                <details class="of-correct">
                    <summary>{ tr(lang, "correct", &[]) }</summary>
                    { correction(props, s.handle_of(&step.field), Some(step.key), format!("learn-{index}")) }
                </details>
                }
            </div>
        </li>
    }
}

/// The list of the steps the page shows (`hidden`: of those it hides from the person).
fn steps(props: &ReviewProps, hidden: bool) -> Html {
    html! {
        <ul class="of-steps">
            // A map, not a filter: a list of known length keeps the bundle smaller.
            { for props.review.plan.steps.iter().enumerate().map(|(i, st)| {
                if st.concealed.is_some() == hidden { step_row(props, i, st) } else { Html::default() }
            }) }
        </ul>
    }
}

/// What follows the list: the fields the page hides, what the profile lacks, what will not be
/// filled.
fn after_steps(props: &ReviewProps) -> Html {
    let s = &*props.review;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let shown = s
        .plan
        .steps
        .iter()
        .filter(|st| st.concealed.is_none())
        .count();
    // Controls the page does not show (a later step, a closed section) are not listed: the
    // person meets them when the page shows them.
    let unseen =
        |sk: &crate::core::plan::Skipped| matches!(sk.why, NotPlanned::Skipped(SkipReason::Hidden));
    let skipped = s.plan.skipped.len() - s.plan.skipped.iter().filter(|sk| unseen(sk)).count();
    html! {
        <>
            if shown < s.plan.steps.len() {
                <section class="of-hidden" data-of="hidden">
                    <h4>{ t("review-hidden") }</h4>
                    { steps(props, true) }
                </section>
            }
            { missing_section(props) }
            if skipped > 0 {
                <details class="of-skipped" data-of="skipped">
                    <summary>{ t("review-skipped") }{ format!(" ({skipped})") }</summary>
                    <ul>
                        // A map, not a filter (see `steps`).
                        { for s.plan.skipped.iter().enumerate().map(|(i, sk)| {
                            if unseen(sk) {
                                return Html::default();
                            }
                            // Fields OnceFill must never fill get no correction.
                            let correctable = !matches!(&sk.why, NotPlanned::Skipped(
                                SkipReason::Hidden | SkipReason::ReadOnly | SkipReason::Disabled
                                | SkipReason::NeverFilled(_) | SkipReason::Captcha)
                                | NotPlanned::Concealed(_));
                            html! {
                                <li data-of="skipped-field">
                                    <strong>{ if sk.label.is_empty() { "—".to_string() } else { sk.label.clone() } }</strong>
                                    { "：" }{ not_planned_text(lang, &sk.why) }
                                    if correctable {
                                        { correction(props, s.handle_of(&sk.field), None, format!("learn-skipped-{i}")) }
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </>
    }
}

/// The review screen.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let s = &*props.review;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let selected = s.selected();
    let shown = s
        .plan
        .steps
        .iter()
        .filter(|st| st.concealed.is_none())
        .count();
    let fill = props.on_fill.reform(|_: MouseEvent| ());
    let back = props.on_back.reform(|_: MouseEvent| ());
    // A page without a form (OnceFill's own home page, an article): no list, no button that
    // cannot be pressed, but what to do instead and the way to a form.
    if s.fields.is_empty() && s.truncated.is_none() {
        return html! {
            <div class="of-review" data-of="review">
                <h3>{ t("no-form-title") }</h3>
                <p class="of-intro" data-of="no-form">{ t("no-form") }</p>
                <p><a class="of-primary of-button-link" data-of="to-form"
                    href={format!("{}forms/pension.html", props.base)}>{ t("no-form-sample") }</a></p>
                <div class="of-actions">
                    <button type="button" class="of-secondary" data-of="back" onclick={back}>{ t("back-to-editor") }</button>
                </div>
            </div>
        };
    }
    let fill_button = html! {
        <button type="button" class="of-primary" data-of="fill" disabled={selected == 0} onclick={fill}>
            { tr(lang, "fill-selected", &[("count", Arg::Num(selected as i64))]) }
        </button>
    };
    let one = if props.elder {
        s.one_at()
    } else {
        OneAtATime::Nothing
    };
    if one != OneAtATime::Nothing {
        let go = |to: usize| props.on_go.reform(move |_: MouseEvent| to);
        let truncated = s.truncated.as_ref().map(|why| html! {
            <p class="of-warning" role="status" data-of="scan-truncated">{ why.message(lang) }</p>
        });
        if let OneAtATime::Item {
            n: index,
            total,
            step: i,
        } = one
        {
            let step = &s.plan.steps[i];
            return html! {
                <div class="of-review of-one" data-of="review" data-step={index.to_string()}>
                    { truncated }
                    <h3 tabindex="-1" data-of="step-heading">
                        { tr(lang, "review-step", &[("n", Arg::Num(index as i64 + 1)), ("total", Arg::Num(total as i64))]) }
                    </h3>
                    if index == 0 { { people_section(props) } }
                    <p class="of-intro">{ t("review-step-intro") }</p>
                    <ul class="of-steps">{ step_row(props, i, step) }</ul>
                    <div class="of-actions">
                        if index == 0 {
                            <button type="button" class="of-secondary" data-of="back" onclick={back}>{ t("back-to-editor") }</button>
                        } else {
                            <button type="button" class="of-secondary" data-of="prev" onclick={go(index - 1)}>{ t("review-prev") }</button>
                        }
                        <button type="button" class="of-primary" data-of="next" onclick={go(index + 1)}>{ t("review-next") }</button>
                    </div>
                </div>
            };
        }
        return html! {
            <div class="of-review of-one" data-of="review" data-step="summary">
                { truncated }
                <h3 tabindex="-1" data-of="step-heading">{ t("review-summary") }</h3>
                <p class="of-intro" data-of="summary">
                    { tr(lang, "review-summary-count", &[("count", Arg::Num(selected as i64)), ("total", Arg::Num(shown as i64))]) }
                </p>
                <ul class="of-summary-list">
                    { for s.plan.steps.iter().filter(|st| st.concealed.is_none()).map(|st| html! {
                        <li>{ if st.selected { "✓ " } else { "✗ " } }{ &st.label }
                            if !st.selected { { t("review-summary-skip") } }</li>
                    }) }
                </ul>
                { after_steps(props) }
                <div class="of-actions">
                    <button type="button" class="of-secondary" data-of="prev" onclick={go(shown - 1)}>{ t("review-prev") }</button>
                    { fill_button }
                </div>
            </div>
        };
    }
    html! {
        <div class="of-review" data-of="review">
            <h3>{ t("review-title") }</h3>
            if let Some(why) = &s.truncated {
                <p class="of-warning" role="status" data-of="scan-truncated">{ why.message(lang) }</p>
            }
            { people_section(props) }
            if shown == 0 {
                <p class="of-intro">{ t("review-none") }</p>
            } else {
                <p class="of-intro">{ t("review-intro") }</p>
                { steps(props, false) }
            }
            { after_steps(props) }
            <div class="of-actions">
                <button type="button" class="of-secondary" data-of="back" onclick={back}>{ t("back-to-editor") }</button>
                { fill_button }
            </div>
        </div>
    }
}
