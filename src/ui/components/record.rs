//! A record's elements, in sections; the first sections open, the rest folded away so that a
//! person sees what most forms ask for first.

use yew::prelude::*;

use std::rc::Rc;

use super::field_input::{FieldInput, FieldIntents};
use crate::app::editor::EditorState;
use crate::core::dictionary::Key;
use crate::core::i18n::{Lang, tr};

/// A titled group of elements.
#[derive(PartialEq)]
pub struct Section {
    /// Message id of the title.
    pub title: &'static str,
    /// Its elements.
    pub keys: &'static [Key],
    /// Shown open.
    pub open: bool,
}

use Key::*;

/// Sections of a person record.
pub const PERSON_SECTIONS: &[Section] = &[
    Section {
        title: "sec-basic",
        keys: &[
            PersonName,
            PersonIdNumber,
            PersonSex,
            PersonBirthDate,
            PersonEthnicity,
            PersonNationality,
            PersonFormerName,
            PersonNameLatin,
        ],
        open: true,
    },
    Section {
        title: "sec-contact",
        keys: &[
            ContactMobile,
            ContactLandline,
            ContactEmail,
            ContactPostalCode,
            ContactFax,
        ],
        open: true,
    },
    Section {
        title: "sec-address",
        keys: &[PersonHukouAddress, PersonResidenceAddress, PersonHukouType],
        open: true,
    },
    Section {
        title: "sec-id-document",
        keys: &[
            PersonIdType,
            PersonIdIssuer,
            PersonIdValidFrom,
            PersonIdValidTo,
        ],
        open: false,
    },
    Section {
        title: "sec-personal",
        keys: &[
            PersonMaritalStatus,
            PersonPoliticalStatus,
            PersonEducation,
            PersonDegree,
            PersonOccupation,
            PersonEmployer,
            PersonPosition,
        ],
        open: false,
    },
    Section {
        title: "sec-accounts",
        keys: &[
            PersonSsNumber,
            PersonSsCardNo,
            PersonInsuredPlace,
            PersonHousingFundAcct,
            PersonBankAccount,
            PersonBankBranch,
            PersonDisabilityCertNo,
        ],
        open: false,
    },
    Section {
        title: "sec-family",
        keys: &[
            FamilyHouseholderName,
            FamilyRelationToHead,
            FamilyMarriageCertNo,
        ],
        open: false,
    },
    Section {
        title: "sec-documents",
        keys: &[
            DocBirthCertNo,
            DocPassportNo,
            DocDriverLicenseFileNo,
            DocVehiclePlate,
            DocPropertyUnitNo,
            DocPropertyCertNo,
        ],
        open: false,
    },
];

/// Sections of a firm record.
pub const FIRM_SECTIONS: &[Section] = &[
    Section {
        title: "sec-firm-basic",
        keys: &[
            FirmName,
            FirmUscc,
            FirmType,
            FirmEstablished,
            FirmRegCapital,
            FirmTermFrom,
            FirmTermTo,
            FirmEmployees,
        ],
        open: true,
    },
    Section {
        title: "sec-firm-address",
        keys: &[FirmDomicile, FirmOperatingAddress],
        open: true,
    },
    Section {
        title: "sec-contact",
        keys: &[
            ContactLandline,
            ContactMobile,
            ContactEmail,
            ContactPostalCode,
            ContactFax,
        ],
        open: true,
    },
    Section {
        title: "sec-firm-more",
        keys: &[
            FirmBusinessScope,
            FirmIndustry,
            FirmRegNo,
            FirmRegAuthority,
            FirmBasicBankAcct,
            FirmBasicBank,
            FirmELicenseRef,
        ],
        open: false,
    },
];

/// Properties of [`RecordFields`].
#[derive(Properties, PartialEq)]
pub struct RecordFieldsProps {
    /// Interface language.
    pub lang: Lang,
    /// The editor's state (drafts, problems, focus).
    pub editor: Rc<EditorState>,
    /// The draft id.
    pub draft: String,
    /// The sections to show.
    pub sections: &'static [Section],
    /// What the person does in an element's input.
    pub intents: FieldIntents,
}

/// The elements of one record, in sections.
#[component]
pub fn RecordFields(props: &RecordFieldsProps) -> Html {
    let s = &props.editor;
    let lang = props.lang;
    let draft = s.draft(&props.draft);
    let errors = s.visible_problems(&props.draft);
    let warnings = s.warnings(&props.draft);
    // The question before a verified value is changed comes under the first element it
    // concerns.
    let asked = (s.confirm_verified.as_ref() == Some(&props.draft))
        .then(|| s.verified_changes().first().copied())
        .flatten();
    let field = |key: Key| {
        let focused = s.focused.as_ref() == Some(&(props.draft.clone(), key));
        html! {
            <>
            <FieldInput draft={props.draft.clone()} element={key} value={draft.get(key).to_string()} {lang}
                error={errors.iter().find(|p| p.key == key).cloned()}
                warning={warnings.iter().find(|p| p.key == key).cloned()}
                derived={draft.is_derived(key)} {focused}
                shown={s.shown.contains(&(props.draft.clone(), key))}
                verified={s.verified_source(&props.draft, key).cloned()}
                intents={props.intents.clone()} />
            if asked == Some(key) {
                { verified_question(s, lang, &props.intents.on_verified) }
            }
            </>
        }
    };
    html! {
        <div class="of-record" data-record={props.draft.clone()}>
            { for props.sections.iter().map(|sec| {
                // A folded section opens by itself when one of its elements needs attention.
                let open = sec.open || sec.keys.iter().any(|k| errors.iter().any(|p| p.key == *k) || !draft.get(*k).is_empty() || asked == Some(*k));
                html! {
                    <details class="of-section" open={open}>
                        <summary>{ tr(lang, sec.title, &[]) }</summary>
                        { for sec.keys.iter().map(|k| field(*k)) }
                    </details>
                }
            }) }
        </div>
    }
}

/// "此项是经核验的资料……确定修改吗？": asked before a change to a verified value is written,
/// naming the elements (never their values), with 确定修改 and 取消. Shown under the first
/// element concerned when that is a record's ([`RecordFields`]), else here.
pub fn verified_question(editor: &EditorState, lang: Lang, on_answer: &Callback<bool>) -> Html {
    let keys = editor.verified_changes();
    if keys.is_empty() {
        return html! {};
    }
    let items = keys
        .iter()
        .map(|k| super::labels::key_label(lang, *k))
        .collect::<Vec<_>>()
        .join(if lang == Lang::ZhCn { "、" } else { ", " });
    html! {
        <div class="of-confirm of-confirm-verified" role="alert" data-of="verified-confirm">
            <p>{ tr(lang, "verified-confirm", &[]) }</p>
            <p>{ tr(lang, "verified-confirm-items", &[("items", crate::core::i18n::Arg::Str(&items))]) }</p>
            <button type="button" class="of-danger" data-of="verified-confirm-yes"
                onclick={on_answer.reform(|_: MouseEvent| true)}>{ tr(lang, "verified-confirm-yes", &[]) }</button>
            <button type="button" class="of-secondary" data-of="verified-confirm-cancel"
                onclick={on_answer.reform(|_: MouseEvent| false)}>{ tr(lang, "cancel", &[]) }</button>
        </div>
    }
}
