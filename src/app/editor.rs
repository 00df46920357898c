//! The profile editor's state: the profile, the drafts of the records being edited, and what
//! the person has touched, focused and chosen to see.
//!
//! Each record being edited has a [`Draft`]; drafts are written into the profile when they
//! check out (as the person moves on, on "save" and before review), so a half-typed value is
//! never lost by moving between records. The reducer is pure: the time stamp of a write comes
//! in with the action.
//!
//! A draft that would change or clear a verified value (a credential's, or staff-verified) is
//! not written until the person answers a question: [`EditorState::confirm_verified`] names it,
//! [`EditorAction::ConfirmVerified`] writes it (the new value self-declared, the verified one
//! kept in the history) and [`EditorAction::CancelVerified`] puts the verified values back
//! into the draft.

use std::collections::{BTreeMap, BTreeSet};

use time::Date;

use crate::core::dictionary::Key;
use crate::core::profile::{Draft, Holder, Problem, Profile, Refused, Relation, Role, Source};

/// Which part of the profile the editor shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    /// A person of the household, by id.
    Person(String),
    /// A firm, by id.
    Firm(String),
    /// Mandates (经办人, 委托代理人).
    Agents,
    /// What is still empty.
    Completeness,
}

/// The draft id of a record or link: a person or firm id, `role:F:I`, `agent:I`.
pub type DraftId = String;

/// The draft id of where a value is kept: a record's id, `role:<firm>:<n>`, `agent:<n>`.
pub fn draft_id(holder: &Holder) -> DraftId {
    match holder {
        Holder::Record(id) => id.clone(),
        Holder::RoleLink { firm, index } => format!("role:{firm}:{index}"),
        Holder::Agent(index) => format!("agent:{index}"),
    }
}

/// Where the values of a draft id are kept (the inverse of [`draft_id`]).
pub fn holder_of_draft(id: &str) -> Option<Holder> {
    if let Some(rest) = id.strip_prefix("role:") {
        let (firm, index) = rest.split_once(':')?;
        return Some(Holder::RoleLink {
            firm: firm.to_string(),
            index: index.parse().ok()?,
        });
    }
    if let Some(index) = id.strip_prefix("agent:") {
        return Some(Holder::Agent(index.parse().ok()?));
    }
    Some(Holder::Record(id.to_string()))
}

/// The editor's state: the profile and the drafts being edited, in page memory. With a vault,
/// the interface seals the profile to the device's storage after each change; this state
/// never touches storage.
#[derive(Clone, PartialEq)]
pub struct EditorState {
    /// Today, for validation.
    pub today: Date,
    /// The profile.
    pub profile: Profile,
    /// Current part of the profile.
    pub section: Section,
    /// Drafts of records being edited.
    pub drafts: BTreeMap<DraftId, Draft>,
    /// Elements the person has left at least once (their problems are shown).
    pub touched: BTreeSet<(DraftId, Key)>,
    /// The person asked to save or go on: every problem is shown.
    pub attempted: bool,
    /// How many times the person asked to go on while a value had a problem: each time the
    /// first field with a problem takes the focus.
    pub refusals: u32,
    /// The element that has focus (sensitive values are unmasked only there).
    pub focused: Option<(DraftId, Key)>,
    /// Sensitive elements the person chose to see in the editor.
    pub shown: BTreeSet<(DraftId, Key)>,
    /// A person or firm whose removal awaits confirmation.
    pub confirm_remove: Option<String>,
    /// A draft that changes or clears verified values, waiting for the person to confirm it.
    pub confirm_verified: Option<DraftId>,
}

/// What changes the editor. Actions that may write drafts into the profile carry the time
/// stamp of the write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorAction {
    /// Show a part of the profile.
    Show(Section),
    /// The person typed into an element of a draft.
    Edit(DraftId, Key, String),
    /// Focus moved to an editor element, or away.
    Focus(Option<(DraftId, Key)>),
    /// The person left an element.
    Touch(DraftId, Key),
    /// Show or hide a sensitive value in the editor.
    ToggleShown(DraftId, Key),
    /// Add a household member.
    AddPerson(Relation),
    /// Add a firm.
    AddFirm,
    /// Ask to remove a person or firm.
    AskRemove(String),
    /// Confirmed removal (roles and mandates referring to a person go with it).
    Remove(String),
    /// Cancel a removal.
    CancelRemove,
    /// Add a role to a firm.
    AddRole(String, Role),
    /// Choose the person of a firm's role link.
    SetRolePerson(String, usize, String),
    /// Remove a firm's role link.
    RemoveRole(String, usize),
    /// Add a mandate for the owner.
    AddAgent,
    /// Choose the agent of a mandate.
    SetAgentPerson(usize, String),
    /// Choose whom a mandate is for.
    SetAgentPrincipal(usize, String),
    /// Remove a mandate.
    RemoveAgent(usize),
    /// Write the drafts into the profile.
    Save,
    /// Going on was refused: show every problem.
    Attempted,
    /// Load the demo profile.
    LoadDemo,
    /// The staff desk received a citizen's data (a QR hand-off): the profile with it, which
    /// takes the place of the one edited, drafts included (they were written into it).
    Received(Profile),
    /// The person confirmed changing the verified values of the draft awaiting it.
    ConfirmVerified,
    /// The person kept the verified values: they go back into the draft awaiting it.
    CancelVerified,
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

impl EditorState {
    /// An empty profile, its owner shown.
    pub fn new(today: Date) -> Self {
        let profile = Profile::new();
        let owner = profile.owner().map(|p| p.id.clone()).unwrap_or_default();
        EditorState {
            today,
            profile,
            section: Section::Person(owner),
            drafts: BTreeMap::new(),
            touched: BTreeSet::new(),
            attempted: false,
            refusals: 0,
            focused: None,
            shown: BTreeSet::new(),
            confirm_remove: None,
            confirm_verified: None,
        }
    }

    /// The draft of a record: the one being edited, or a fresh one from the profile.
    pub fn draft(&self, id: &str) -> Draft {
        self.drafts
            .get(id)
            .cloned()
            .or_else(|| holder_of_draft(id).and_then(|holder| self.profile.draft_of(&holder)))
            .unwrap_or_default()
    }

    /// Puts `profile` (another page's save, or that joined with this page's) in place of the
    /// profile, keeping what is being typed: an element of a draft the person did not change
    /// takes its value from `profile`, one they changed keeps what they typed.
    pub fn rebase(&mut self, profile: Profile) {
        let before = std::mem::replace(&mut self.profile, profile);
        let ids: Vec<DraftId> = self.drafts.keys().cloned().collect();
        for id in ids {
            let Some(holder) = holder_of_draft(&id) else {
                continue;
            };
            let (Some(old), Some(new)) = (before.draft_of(&holder), self.profile.draft_of(&holder))
            else {
                continue;
            };
            if let Some(draft) = self.drafts.get_mut(&id) {
                let keys: Vec<Key> = draft.scope().collect();
                for key in keys {
                    if draft.get(key) == old.get(key) && new.get(key) != old.get(key) {
                        draft.set(key, new.get(key).to_string());
                    }
                }
            }
        }
    }

    /// Errors to show now for a draft: those of touched elements, or all after an attempt.
    pub fn visible_problems(&self, id: &str) -> Vec<Problem> {
        let Some(draft) = self.drafts.get(id) else {
            return Vec::new();
        };
        draft
            .check(self.today)
            .errors
            .into_iter()
            .filter(|p| self.attempted || self.touched.contains(&(id.to_string(), p.key)))
            .collect()
    }

    /// Warnings of a draft (shown, never blocking).
    pub fn warnings(&self, id: &str) -> Vec<Problem> {
        self.drafts
            .get(id)
            .map(|d| d.check(self.today).warnings)
            .unwrap_or_default()
    }

    /// How many errors are shown now, over every draft.
    pub fn error_count(&self) -> usize {
        self.drafts
            .keys()
            .map(|id| self.visible_problems(id).len())
            .sum()
    }

    /// Writes every draft that checks out into the profile, stamped `now`. Returns the ids of
    /// drafts not written: those that still have errors and those that change verified values
    /// unconfirmed (they stay, with what was typed; the first of the latter awaits the
    /// person's answer in [`EditorState::confirm_verified`]).
    pub fn commit_drafts(&mut self, now: &str) -> Vec<DraftId> {
        let mut failed = Vec::new();
        let mut unconfirmed = None;
        let ids: Vec<DraftId> = self.drafts.keys().cloned().collect();
        for id in ids {
            let Some(draft) = self.drafts.get(&id).cloned() else {
                continue;
            };
            let Some(values) =
                holder_of_draft(&id).and_then(|holder| self.profile.values_of_mut(&holder))
            else {
                self.drafts.remove(&id);
                continue;
            };
            match draft.apply_confirmed(values, self.today, now, false) {
                Ok(_) => {
                    self.drafts.remove(&id);
                }
                Err(Refused::Unconfirmed(_)) => {
                    // The question already asked stays the one shown.
                    if unconfirmed.is_none() || self.confirm_verified.as_ref() == Some(&id) {
                        unconfirmed = Some(id.clone());
                    }
                    failed.push(id);
                }
                Err(Refused::Errors(_)) => failed.push(id),
            }
        }
        self.confirm_verified = unconfirmed;
        failed
    }

    /// The elements of the draft awaiting confirmation whose verified values it changes or
    /// clears.
    pub fn verified_changes(&self) -> Vec<Key> {
        let Some(id) = &self.confirm_verified else {
            return Vec::new();
        };
        let (Some(draft), Some(values)) = (
            self.drafts.get(id),
            holder_of_draft(id).and_then(|h| self.profile.values_of(&h)),
        ) else {
            return Vec::new();
        };
        draft.verified_changes(values, self.today)
    }

    /// The verified source of an element as the editor shows it: the stored value's, when it
    /// is verified and the draft still holds that value (an element being changed loses its
    /// badge as it is typed over).
    pub fn verified_source(&self, id: &str, key: Key) -> Option<&Source> {
        let holder = holder_of_draft(id)?;
        let entry = self.profile.values_of(&holder)?.get(key)?;
        if !entry.source.is_verified() {
            return None;
        }
        let stored = self.profile.draft_of(&holder)?;
        (self.draft(id).get(key) == stored.get(key)).then_some(&entry.source)
    }

    fn answer_verified(&mut self, confirmed: bool, now: &str) {
        let Some(id) = self.confirm_verified.take() else {
            return;
        };
        let Some(holder) = holder_of_draft(&id) else {
            return;
        };
        let Some(mut draft) = self.drafts.get(&id).cloned() else {
            return;
        };
        if confirmed {
            let written = self
                .profile
                .values_of_mut(&holder)
                .is_some_and(|values| draft.apply_confirmed(values, self.today, now, true).is_ok());
            if written {
                self.drafts.remove(&id);
            }
        } else if let (Some(values), Some(stored)) = (
            self.profile.values_of(&holder),
            self.profile.draft_of(&holder),
        ) {
            for key in draft.verified_changes(values, self.today) {
                draft.set(key, stored.get(key).to_string());
            }
            self.drafts.insert(id, draft);
        }
        // What else was typed is written as usual (another draft may ask next).
        self.commit_drafts(now);
    }

    /// Where a draft id's editor lives.
    pub fn section_of(&self, id: &str) -> Section {
        match holder_of_draft(id) {
            Some(Holder::RoleLink { firm, .. }) => Section::Firm(firm),
            Some(Holder::Agent(_)) => Section::Agents,
            _ if self.profile.is_firm(id) => Section::Firm(id.to_string()),
            _ => Section::Person(id.to_string()),
        }
    }

    /// Shows the owner's record (creating the owner if the profile has none).
    pub fn show_owner(&mut self) {
        let owner = self.profile.owner_mut().id.clone();
        self.section = Section::Person(owner);
    }

    /// Takes a profile in place of the one edited (a plan's, an opened vault's, an import's):
    /// every draft goes.
    pub fn replace_profile(&mut self, profile: Profile) {
        self.profile = profile;
        self.drafts.clear();
        self.confirm_verified = None;
    }

    /// Applies an action at time stamp `now`. Returns `false` when nothing changed.
    pub fn reduce(&mut self, action: EditorAction, now: &str) -> bool {
        match action {
            EditorAction::Show(section) => {
                self.section = section;
                self.confirm_remove = None;
            }
            EditorAction::Edit(id, key, text) => {
                let mut draft = self.draft(&id);
                if draft.get(key) == text {
                    return false;
                }
                draft.set(key, text);
                if key == Key::PersonIdNumber {
                    draft.derive_from_id(self.today);
                }
                self.drafts.insert(id.clone(), draft);
                // Typed back to the verified value: nothing is left to ask.
                if self.confirm_verified.as_ref() == Some(&id) && self.verified_changes().is_empty()
                {
                    self.confirm_verified = None;
                }
            }
            EditorAction::Focus(target) => {
                if self.focused == target {
                    return false;
                }
                self.focused = target;
            }
            EditorAction::Touch(id, key) => {
                if self.focused.as_ref() == Some(&(id.clone(), key)) {
                    self.focused = None;
                }
                // A record that checks out is written as the person moves on, so nothing
                // typed waits for a button to be kept.
                if self
                    .drafts
                    .get(&id)
                    .is_some_and(|d| d.check(self.today).errors.is_empty())
                {
                    self.commit_drafts(now);
                }
                self.touched.insert((id, key));
            }
            EditorAction::ToggleShown(id, key) => toggle(&mut self.shown, (id, key)),
            EditorAction::AddPerson(relation) => {
                self.section = Section::Person(self.profile.add_person(relation));
            }
            EditorAction::AddFirm => self.section = Section::Firm(self.profile.add_firm()),
            EditorAction::AskRemove(id) => self.confirm_remove = Some(id),
            EditorAction::CancelRemove => self.confirm_remove = None,
            EditorAction::Remove(id) => {
                self.confirm_remove = None;
                self.profile.remove_record(&id);
                self.confirm_verified = None;
                // The record's drafts go; link indices moved, so their drafts must be made
                // afresh.
                self.drafts.retain(|k, _| {
                    *k != id && matches!(holder_of_draft(k), Some(Holder::Record(_)))
                });
                self.show_owner();
            }
            EditorAction::AddRole(firm, role) => self.profile.add_role(&firm, role),
            EditorAction::SetRolePerson(firm, index, person) => {
                if let Some(link) = self
                    .profile
                    .firms
                    .iter_mut()
                    .find(|f| f.id == firm)
                    .and_then(|f| f.roles.get_mut(index))
                {
                    link.person = person;
                }
            }
            EditorAction::RemoveRole(firm, index) => {
                self.commit_drafts(now);
                self.profile.remove_role(&firm, index);
                self.drafts
                    .retain(|k, _| !k.starts_with(&format!("role:{firm}:")));
            }
            EditorAction::AddAgent => self.profile.add_agent(),
            EditorAction::SetAgentPerson(i, person) => {
                if let Some(a) = self.profile.agents.get_mut(i) {
                    a.person = person;
                }
            }
            EditorAction::SetAgentPrincipal(i, principal) => {
                if let Some(a) = self.profile.agents.get_mut(i) {
                    a.principal = principal;
                }
            }
            EditorAction::RemoveAgent(i) => {
                self.commit_drafts(now);
                if i < self.profile.agents.len() {
                    self.profile.agents.remove(i);
                }
                self.drafts.retain(|k, _| !k.starts_with("agent:"));
            }
            EditorAction::Save => {
                let failed = self.commit_drafts(now);
                // A draft awaiting confirmation has no error to show: its question is shown
                // where it lives.
                let erroneous: Vec<&DraftId> = failed
                    .iter()
                    .filter(|id| {
                        self.drafts
                            .get(*id)
                            .is_some_and(|d| !d.check(self.today).errors.is_empty())
                    })
                    .collect();
                self.attempted = !erroneous.is_empty();
                if let Some(first) = erroneous.first() {
                    self.section = self.section_of(first);
                    self.refusals += 1;
                } else if let Some(id) = &self.confirm_verified {
                    self.section = self.section_of(id);
                }
            }
            EditorAction::ConfirmVerified => self.answer_verified(true, now),
            EditorAction::CancelVerified => self.answer_verified(false, now),
            EditorAction::Attempted => {
                self.attempted = true;
                self.refusals += 1;
            }
            EditorAction::Received(profile) => {
                self.replace_profile(profile);
                self.touched.clear();
                self.attempted = false;
                self.show_owner();
            }
            EditorAction::LoadDemo => {
                self.profile = Profile::demo();
                self.drafts.clear();
                self.confirm_verified = None;
                self.touched.clear();
                self.attempted = false;
                self.show_owner();
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);
    const NOW: &str = "2026-11-21T08:00:00Z";

    fn owner(s: &EditorState) -> String {
        s.profile.persons[0].id.clone()
    }

    #[test]
    fn draft_ids_name_records_links_and_mandates() {
        for holder in [
            Holder::Record("p2".into()),
            Holder::RoleLink {
                firm: "f1".into(),
                index: 3,
            },
            Holder::Agent(1),
        ] {
            assert_eq!(holder_of_draft(&draft_id(&holder)), Some(holder.clone()));
        }
        assert_eq!(holder_of_draft("role:f1:x"), None);
        assert_eq!(holder_of_draft("agent:"), None);
    }

    #[test]
    fn typing_keeps_a_draft_and_leaving_a_valid_one_writes_it() {
        let mut s = EditorState::new(TODAY);
        let id = owner(&s);
        assert!(s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonName, "王小明".into()),
            NOW
        ));
        assert!(
            !s.reduce(
                EditorAction::Edit(id.clone(), Key::PersonName, "王小明".into()),
                NOW
            ),
            "the same text changes nothing"
        );
        assert_eq!(s.profile.persons[0].values.text(Key::PersonName), None);
        assert!(s.reduce(
            EditorAction::Focus(Some((id.clone(), Key::PersonName))),
            NOW
        ));
        assert!(!s.reduce(
            EditorAction::Focus(Some((id.clone(), Key::PersonName))),
            NOW
        ));
        s.reduce(EditorAction::Touch(id.clone(), Key::PersonName), NOW);
        assert_eq!(s.focused, None);
        assert!(s.drafts.is_empty());
        assert_eq!(
            s.profile.persons[0].values.text(Key::PersonName),
            Some("王小明")
        );
    }

    #[test]
    fn an_invalid_draft_stays_and_saving_shows_its_problems_where_it_lives() {
        let mut s = EditorState::new(TODAY);
        let firm = {
            s.reduce(EditorAction::AddFirm, NOW);
            s.profile.firms[0].id.clone()
        };
        assert_eq!(s.section, Section::Firm(firm.clone()));
        s.reduce(
            EditorAction::Edit(firm.clone(), Key::FirmUscc, "123".into()),
            NOW,
        );
        assert!(s.visible_problems(&firm).is_empty(), "nothing touched yet");
        s.reduce(EditorAction::Show(Section::Agents), NOW);
        s.reduce(EditorAction::Save, NOW);
        assert!(s.attempted);
        assert_eq!(
            s.refusals, 1,
            "the first field with a problem takes the focus"
        );
        assert_eq!(s.section, Section::Firm(firm.clone()));
        assert!(!s.visible_problems(&firm).is_empty());
        assert_eq!(s.error_count(), s.visible_problems(&firm).len());
        assert_eq!(
            s.draft(&firm).get(Key::FirmUscc),
            "123",
            "what was typed stays"
        );
    }

    #[test]
    fn another_pages_profile_comes_under_a_draft_without_undoing_what_was_typed() {
        let mut s = EditorState::new(TODAY);
        s.replace_profile(Profile::demo());
        let id = owner(&s);
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonEthnicity, "02".into()),
            NOW,
        );
        let mut newer = Profile::demo();
        newer.owner_mut().values.set(
            Key::PersonName,
            crate::core::profile::Data::Text("王晓明".into()),
            crate::core::profile::Source::SelfDeclared,
            NOW,
        );
        s.rebase(newer.clone());
        assert_eq!(s.profile, newer);
        let draft = s.draft(&id);
        assert_eq!(
            draft.get(Key::PersonName),
            "王晓明",
            "untouched: the newer value"
        );
        assert_eq!(draft.get(Key::PersonEthnicity), "02", "typed here: kept");
    }

    #[test]
    fn an_id_number_fills_the_birth_date() {
        let mut s = EditorState::new(TODAY);
        let id = owner(&s);
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonIdNumber, "11010519491231002X".into()),
            NOW,
        );
        let draft = s.draft(&id);
        assert_eq!(draft.get(Key::PersonBirthDate), "1949-12-31");
        assert!(draft.is_derived(Key::PersonBirthDate));
    }

    #[test]
    fn removing_a_person_drops_their_drafts_and_the_link_drafts() {
        let mut s = EditorState::new(TODAY);
        s.reduce(EditorAction::LoadDemo, NOW);
        s.reduce(EditorAction::AddPerson(Relation::Other), NOW);
        let Section::Person(other) = s.section.clone() else {
            panic!("a new person is shown");
        };
        let firm = s.profile.firms[0].id.clone();
        s.reduce(
            EditorAction::Edit(other.clone(), Key::PersonName, "李四".into()),
            NOW,
        );
        s.reduce(
            EditorAction::Edit(format!("role:{firm}:0"), Key::RolePosition, "x".into()),
            NOW,
        );
        s.reduce(
            EditorAction::Edit("agent:0".into(), Key::AgentScope, "x".into()),
            NOW,
        );
        let mine = owner(&s);
        s.reduce(
            EditorAction::Edit(mine.clone(), Key::PersonFormerName, "王二".into()),
            NOW,
        );
        s.reduce(EditorAction::AskRemove(other.clone()), NOW);
        assert_eq!(s.confirm_remove, Some(other.clone()));
        s.reduce(EditorAction::Remove(other.clone()), NOW);
        assert_eq!(s.confirm_remove, None);
        assert!(s.profile.person(&other).is_none());
        let left: Vec<&String> = s.drafts.keys().collect();
        assert_eq!(left, vec![&mine], "only the owner's draft is left");
        assert_eq!(s.section, Section::Person(mine));
    }

    #[test]
    fn roles_and_mandates_are_added_chosen_and_removed() {
        let mut s = EditorState::new(TODAY);
        s.reduce(EditorAction::AddFirm, NOW);
        s.reduce(EditorAction::AddPerson(Relation::Spouse), NOW);
        let firm = s.profile.firms[0].id.clone();
        let spouse = s.profile.persons[1].id.clone();
        s.reduce(EditorAction::AddRole(firm.clone(), Role::LegalRep), NOW);
        s.reduce(EditorAction::AddRole(firm.clone(), Role::Liaison), NOW);
        s.reduce(
            EditorAction::SetRolePerson(firm.clone(), 1, spouse.clone()),
            NOW,
        );
        assert_eq!(s.profile.firms[0].roles[1].person, spouse);
        s.reduce(
            EditorAction::Edit(format!("role:{firm}:1"), Key::RolePosition, "联络员".into()),
            NOW,
        );
        s.reduce(EditorAction::RemoveRole(firm.clone(), 0), NOW);
        assert_eq!(s.profile.firms[0].roles.len(), 1);
        assert_eq!(
            s.profile.firms[0].roles[0].values.text(Key::RolePosition),
            Some("联络员"),
            "the draft was written before the links moved"
        );
        assert!(s.drafts.is_empty());
        s.reduce(EditorAction::AddAgent, NOW);
        s.reduce(EditorAction::SetAgentPerson(0, spouse.clone()), NOW);
        s.reduce(EditorAction::SetAgentPrincipal(0, firm.clone()), NOW);
        assert_eq!(s.profile.agents[0].person, spouse);
        assert_eq!(s.profile.agents[0].principal, firm);
        s.reduce(EditorAction::RemoveAgent(0), NOW);
        assert!(s.profile.agents.is_empty());
    }

    fn with_verified_name() -> (EditorState, String, crate::core::profile::Data) {
        let mut s = EditorState::new(TODAY);
        s.replace_profile(Profile::demo());
        let values = &mut s.profile.persons[0].values;
        let name = values.get(Key::PersonName).unwrap().value.clone();
        values.set(Key::PersonName, name.clone(), staff(), "t0");
        let id = owner(&s);
        (s, id, name)
    }

    fn staff() -> Source {
        Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-20".into(),
        }
    }

    #[test]
    fn changing_a_verified_value_asks_first_and_cancelling_keeps_it() {
        let (mut s, id, name) = with_verified_name();
        assert_eq!(s.verified_source(&id, Key::PersonName), Some(&staff()));
        assert_eq!(
            s.verified_source(&id, Key::PersonHukouAddress),
            None,
            "self-declared: no badge"
        );
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonName, "王晓明".into()),
            NOW,
        );
        assert_eq!(
            s.verified_source(&id, Key::PersonName),
            None,
            "typed over: no badge"
        );
        s.reduce(EditorAction::Touch(id.clone(), Key::PersonName), NOW);
        assert_eq!(s.confirm_verified, Some(id.clone()));
        assert_eq!(s.verified_changes(), vec![Key::PersonName]);
        let entry = s.profile.persons[0].values.get(Key::PersonName).unwrap();
        assert_eq!((&entry.value, &entry.source), (&name, &staff()));

        // Saving asks the same question; it is no error.
        s.reduce(EditorAction::Show(Section::Agents), NOW);
        s.reduce(EditorAction::Save, NOW);
        assert!(!s.attempted);
        assert_eq!(s.refusals, 0);
        assert_eq!(s.section, Section::Person(id.clone()));
        assert_eq!(s.confirm_verified, Some(id.clone()));

        s.reduce(EditorAction::CancelVerified, NOW);
        assert_eq!(s.confirm_verified, None);
        assert!(s.drafts.is_empty());
        let entry = s.profile.persons[0].values.get(Key::PersonName).unwrap();
        assert_eq!((&entry.value, &entry.source), (&name, &staff()));
        assert!(entry.history.is_empty());
        assert_eq!(s.verified_source(&id, Key::PersonName), Some(&staff()));
    }

    #[test]
    fn confirming_writes_the_change_as_self_declared_and_keeps_the_verified_value() {
        let (mut s, id, name) = with_verified_name();
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonName, "王晓明".into()),
            NOW,
        );
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonFormerName, "王二".into()),
            NOW,
        );
        s.reduce(EditorAction::Save, NOW);
        assert_eq!(s.confirm_verified, Some(id.clone()));
        assert_eq!(
            s.profile.persons[0].values.text(Key::PersonFormerName),
            None,
            "the draft waits whole"
        );
        s.reduce(EditorAction::ConfirmVerified, NOW);
        assert_eq!(s.confirm_verified, None);
        assert!(s.drafts.is_empty());
        let values = &s.profile.persons[0].values;
        let entry = values.get(Key::PersonName).unwrap();
        assert_eq!(entry.value.as_text(), Some("王晓明"));
        assert_eq!(entry.source, Source::SelfDeclared);
        let past = entry.history.last().unwrap();
        assert_eq!((&past.value, &past.source), (&name, &staff()));
        assert_eq!(values.text(Key::PersonFormerName), Some("王二"));
        assert_eq!(s.verified_source(&id, Key::PersonName), None);
    }

    #[test]
    fn typing_the_verified_value_back_withdraws_the_question() {
        let (mut s, id, name) = with_verified_name();
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonName, "王晓明".into()),
            NOW,
        );
        s.reduce(EditorAction::Touch(id.clone(), Key::PersonName), NOW);
        assert!(s.confirm_verified.is_some());
        let back = name.as_text().unwrap().to_string();
        s.reduce(EditorAction::Edit(id.clone(), Key::PersonName, back), NOW);
        assert_eq!(s.confirm_verified, None);
        s.reduce(EditorAction::Touch(id.clone(), Key::PersonName), NOW);
        assert!(s.drafts.is_empty());
        assert_eq!(s.verified_source(&id, Key::PersonName), Some(&staff()));
        // A new profile drops the question with the drafts.
        s.reduce(
            EditorAction::Edit(id.clone(), Key::PersonName, "王晓明".into()),
            NOW,
        );
        s.reduce(EditorAction::Save, NOW);
        assert!(s.confirm_verified.is_some());
        s.replace_profile(Profile::demo());
        assert_eq!(s.confirm_verified, None);
    }

    #[test]
    fn shown_values_toggle_and_the_demo_starts_clean() {
        let mut s = EditorState::new(TODAY);
        let id = owner(&s);
        s.reduce(
            EditorAction::ToggleShown(id.clone(), Key::PersonIdNumber),
            NOW,
        );
        assert!(s.shown.contains(&(id.clone(), Key::PersonIdNumber)));
        s.reduce(
            EditorAction::ToggleShown(id.clone(), Key::PersonIdNumber),
            NOW,
        );
        assert!(s.shown.is_empty());
        s.reduce(EditorAction::Attempted, NOW);
        s.reduce(EditorAction::Touch(id, Key::PersonName), NOW);
        s.reduce(EditorAction::LoadDemo, NOW);
        assert!(!s.attempted);
        assert!(s.touched.is_empty());
        assert_eq!(s.profile, Profile::demo());
        assert_eq!(s.section_of("agent:0"), Section::Agents);
        assert_eq!(s.section_of("role:f1:0"), Section::Firm("f1".into()));
    }
}
