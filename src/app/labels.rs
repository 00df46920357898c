//! Names shown for dictionary elements, relations, roles and records, shared by the screens
//! (the app page's and the verified-data module's).

use crate::app::editor::EditorState;
use crate::core::dictionary::Key;
use crate::core::i18n::{Lang, tr};
use crate::core::profile::{Relation, Role, Source};

/// The interface label of a dictionary element: the interface's own wording where it has
/// one (公民身份号码 rather than the dictionary's generic 证件号码), else the dictionary's.
pub fn key_label(lang: Lang, key: Key) -> String {
    let id = format!("key-{}", key.id().replace(['.', '_'], "-"));
    let text = tr(lang, &id, &[]);
    if text == id {
        key.label(lang).to_string()
    } else {
        text
    }
}

/// The message id of a relation.
pub fn relation_msg(relation: Relation) -> &'static str {
    match relation {
        Relation::Owner => "rel-self",
        Relation::Spouse => "rel-spouse",
        Relation::Child => "rel-child",
        Relation::Father => "rel-father",
        Relation::Mother => "rel-mother",
        Relation::Other => "rel-other",
    }
}

/// The message id of a role.
pub fn role_msg(role: Role) -> &'static str {
    match role {
        Role::LegalRep => "role-legal-rep",
        Role::FinanceOfficer => "role-finance-officer",
        Role::Liaison => "role-liaison",
        Role::Shareholder => "role-shareholder",
        Role::Director => "role-director",
        Role::Supervisor => "role-supervisor",
        Role::Manager => "role-manager",
        // A firm's record holds only its own roles (`FIRM_ROLES`); any other is shown as
        // the roles' heading.
        _ => "roles",
    }
}

fn title(editor: &EditorState, id: &str, key: Key, lang: Lang, unnamed: &str) -> String {
    let name = editor.draft(id).get(key).trim().to_string();
    if name.is_empty() {
        tr(lang, unnamed, &[])
    } else {
        name
    }
}

/// A person's display name in lists: the name, or "(未填姓名)".
pub fn person_title(editor: &EditorState, id: &str, lang: Lang) -> String {
    title(editor, id, Key::PersonName, lang, "unnamed")
}

/// A firm's display name in lists: the name, or its placeholder.
pub fn firm_title(editor: &EditorState, id: &str, lang: Lang) -> String {
    title(editor, id, Key::FirmName, lang, "unnamed-firm")
}

/// Who vouched for a verified value, as the badge names it: a credential's issuer (the host
/// of an issuer URL), or the service hall's id.
fn vouched_by(by: &str) -> &str {
    match by.split_once("://") {
        Some((_, rest)) => rest.split('/').next().unwrap_or(rest),
        None => by,
    }
}

/// The words of a verified value's badge — 已核验 · 电子证照（签发方，日期）or 已核验 ·
/// 窗口核验（大厅，日期）— or `None` for a value that was not verified (no badge).
pub fn verified_text(lang: Lang, source: &Source) -> Option<String> {
    use crate::core::i18n::Arg;
    match source {
        Source::Credential { issuer, issued } => Some(tr(
            lang,
            "verified-credential",
            &[
                ("by", Arg::Str(vouched_by(issuer))),
                ("date", Arg::Str(issued)),
            ],
        )),
        Source::StaffVerified { hall, date } if hall.is_empty() => Some(tr(
            lang,
            "verified-staff-plain",
            &[("date", Arg::Str(date))],
        )),
        Source::StaffVerified { hall, date } => Some(tr(
            lang,
            "verified-staff",
            &[("by", Arg::Str(vouched_by(hall))), ("date", Arg::Str(date))],
        )),
        Source::SelfDeclared | Source::Derived { .. } => None,
    }
}
