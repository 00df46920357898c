//! What is still empty: for each record, the elements most forms ask for, and a button to
//! go and fill each gap.

use std::rc::Rc;

use yew::prelude::*;

use super::labels::{key_label, person_title, relation_msg, role_msg};
use crate::app::editor::{EditorState, Section};
use crate::core::dictionary::Key;
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::Role;

/// Elements most person forms ask for.
pub const PERSON_COMMON: &[Key] = &[
    Key::PersonName,
    Key::PersonSex,
    Key::PersonBirthDate,
    Key::PersonEthnicity,
    Key::PersonIdNumber,
    Key::PersonHukouAddress,
    Key::PersonResidenceAddress,
    Key::ContactMobile,
];

/// Elements most firm forms ask for.
pub const FIRM_COMMON: &[Key] = &[
    Key::FirmName,
    Key::FirmUscc,
    Key::FirmType,
    Key::FirmEstablished,
    Key::FirmRegCapital,
    Key::FirmDomicile,
    Key::FirmBusinessScope,
    Key::ContactLandline,
];

/// Properties of [`Completeness`].
#[derive(Properties, PartialEq)]
pub struct CompletenessProps {
    /// Interface language.
    pub lang: Lang,
    /// The editor's state: the profile and the drafts.
    pub editor: Rc<EditorState>,
    /// The person asks to go and fill a record.
    pub on_show: Callback<Section>,
}

/// The completeness view.
#[component]
pub fn Completeness(props: &CompletenessProps) -> Html {
    let s = &props.editor;
    let lang = props.lang;
    let block = |title: String,
                 id: String,
                 section: Section,
                 common: &[Key],
                 extra: Vec<String>| {
        let draft = s.draft(&id);
        let missing: Vec<Key> = common
            .iter()
            .copied()
            .filter(|k| draft.get(*k).trim().is_empty())
            .collect();
        let filled = common.len() - missing.len();
        let go = props.on_show.reform(move |_: MouseEvent| section.clone());
        html! {
            <li class="of-complete" data-of="completeness-record">
                <div class="of-complete-head">
                    <strong>{ title }</strong>
                    <span>{ tr(lang, "filled-of", &[("filled", Arg::Num(filled as i64)), ("total", Arg::Num(common.len() as i64))]) }</span>
                </div>
                <progress max={common.len().to_string()} value={filled.to_string()} aria-hidden="true"></progress>
                if missing.is_empty() && extra.is_empty() {
                    <p class="of-note">{ tr(lang, "complete", &[]) }</p>
                } else {
                    <p>{ tr(lang, "missing", &[]) }
                        { missing.iter().map(|k| key_label(lang, *k)).chain(extra).collect::<Vec<_>>().join("、") }</p>
                    <button type="button" class="of-link" onclick={go}>{ tr(lang, "go-fill", &[]) }</button>
                }
            </li>
        }
    };
    html! {
        <section class="of-completeness" data-of="completeness">
            <h3>{ tr(lang, "completeness", &[]) }</h3>
            <ul class="of-steps">
                { for s.profile.persons.iter().map(|p| block(
                    format!("{}：{}", tr(lang, relation_msg(p.relation), &[]), person_title(s, &p.id, lang)),
                    p.id.clone(), Section::Person(p.id.clone()), PERSON_COMMON, Vec::new())) }
                { for s.profile.firms.iter().map(|f| {
                    let extra = [Role::LegalRep, Role::Liaison]
                        .iter()
                        .filter(|r| !f.roles.iter().any(|l| l.role == **r))
                        .map(|r| tr(lang, role_msg(*r), &[]))
                        .collect();
                    block(s.draft(&f.id).get(Key::FirmName).to_string(), f.id.clone(), Section::Firm(f.id.clone()), FIRM_COMMON, extra)
                }) }
            </ul>
        </section>
    }
}
