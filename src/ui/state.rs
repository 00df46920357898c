//! The widget's state: one reducer owns it, components send [`Action`]s.
//!
//! The profile lives here, in memory only. Each record being edited has a [`Draft`]; drafts
//! are written into the profile when they check out (on "save" and before review), so a
//! half-typed value is never lost by moving between records.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use time::Date;
use yew::Reducible;

use crate::core::dictionary::{Group, Key};
use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::i18n::Lang;
use crate::core::plan::FillPlan;
use crate::core::profile::{
    AgentLink, Draft, FirmRecord, PersonRecord, Problem, Profile, REQUIRED, Relation, Role,
    RoleLink, Values, editable, now_stamp,
};
use crate::core::vault::VaultKey;
use crate::dom::fill::FillReport;
use crate::dom::storage::Store;

/// The local time as HH:MM, for "saved at".
pub fn clock_text() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Which screen the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The profile editor.
    Editor,
    /// Review of the planned fill.
    Review,
    /// The outcome of a fill.
    Report,
    /// Unlock the vault.
    Unlock,
    /// Set a passphrase (`true`: change the current one).
    Passphrase(bool),
    /// Vault settings: auto-lock, passphrase, backup, erase.
    Settings,
    /// A backup file being imported.
    Import,
}

/// Where the profile is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultState {
    /// Looking for a vault on this device.
    Checking,
    /// The browser offers no storage here: memory only.
    Unavailable,
    /// No vault yet: memory only until the person sets a passphrase.
    Absent,
    /// A vault exists and is locked.
    Locked,
    /// The vault is open.
    Unlocked,
}

/// The open vault's key; equal only to itself (the key is never compared or copied).
#[derive(Clone)]
pub struct KeyHandle(pub Rc<VaultKey>);

impl PartialEq for KeyHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// How the last save went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to say yet.
    Idle,
    /// Writing.
    Saving,
    /// Saved at this local time (HH:MM).
    Saved(String),
    /// Failed: the message id; the copy before stays in force.
    Failed(&'static str),
}

/// A backup file being imported.
#[derive(Clone, PartialEq)]
pub struct ImportState {
    /// The file's bytes.
    pub bytes: Rc<Vec<u8>>,
    /// The file name.
    pub name: String,
    /// The profile in it, once opened.
    pub opened: Option<Profile>,
    /// Why it did not open.
    pub error: Option<String>,
}

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

/// Everything the widget shows. Personal data lives here, in memory only.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The panel is open.
    pub open: bool,
    /// Interface language.
    pub lang: Lang,
    /// Current screen.
    pub view: View,
    /// Current part of the profile.
    pub section: Section,
    /// The profile.
    pub profile: Profile,
    /// Drafts of records being edited.
    pub drafts: BTreeMap<DraftId, Draft>,
    /// Elements the person has left at least once (their problems are shown).
    pub touched: BTreeSet<(DraftId, Key)>,
    /// The person asked to save or go on: every problem is shown.
    pub attempted: bool,
    /// The element that has focus (sensitive values are unmasked only there).
    pub focused: Option<(DraftId, Key)>,
    /// Sensitive elements the person chose to see in the editor.
    pub shown: BTreeSet<(DraftId, Key)>,
    /// A person or firm whose removal awaits confirmation.
    pub confirm_remove: Option<String>,
    /// The scanned fields of the page.
    pub fields: Vec<FieldDescriptor>,
    /// The plan under review.
    pub plan: FillPlan,
    /// The mapping id of the form under review, when a known mapping decided.
    pub form: Option<String>,
    /// Sensitive values the person chose to see in review.
    pub revealed: BTreeSet<FieldId>,
    /// The last fill's outcome.
    pub report: Option<FillReport>,
    /// Today, for validation and the fill date.
    pub today: Date,
    /// Where the profile is kept.
    pub vault: VaultState,
    /// The vault's storage, once opened.
    pub store: Option<Store>,
    /// The open vault's key.
    pub key: Option<KeyHandle>,
    /// Counts changes of the profile; a save catches up with it.
    pub revision: u64,
    /// The revision last saved.
    pub saved_revision: u64,
    /// How the last save went.
    pub save_status: SaveStatus,
    /// Wrong passphrases in a row.
    pub failures: u32,
    /// No unlock attempt before this time (ms since the epoch).
    pub wait_until: f64,
    /// A message for the vault screens (already in the interface language).
    pub vault_message: Option<String>,
    /// A long operation (key derivation) is running.
    pub busy: bool,
    /// Minutes of inactivity before the vault locks itself.
    pub auto_lock_minutes: u32,
    /// A backup being imported.
    pub import: Option<ImportState>,
    /// Erasing everything awaits confirmation.
    pub confirm_erase: bool,
}

/// The elements a person record's editor covers.
pub fn person_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| {
        matches!(
            k.element().group,
            Group::Person | Group::Contact | Group::Family | Group::Document
        ) && editable(*k)
    })
}

/// The elements a firm record's editor covers.
pub fn firm_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| matches!(k.element().group, Group::Firm | Group::Contact) && editable(*k))
}

/// The elements of a role link.
pub fn role_scope(role: Role) -> Vec<Key> {
    match role {
        Role::Shareholder => vec![
            Key::RoleSubscribedWan,
            Key::RoleContributionMethod,
            Key::RoleContributionDue,
        ],
        _ => vec![Key::RolePosition],
    }
}

/// The elements of a mandate.
pub fn agent_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| k.element().group == Group::Agent && editable(*k))
}

/// The draft of `id` made from the profile as it is now.
/// The draft id of where a value is kept: a record's id, `role:<firm>:<n>`, `agent:<n>`.
pub fn draft_id(holder: &crate::core::profile::Holder) -> DraftId {
    use crate::core::profile::Holder;
    match holder {
        Holder::Record(id) => id.clone(),
        Holder::RoleLink { firm, index } => format!("role:{firm}:{index}"),
        Holder::Agent(index) => format!("agent:{index}"),
    }
}

fn fresh_draft(profile: &Profile, id: &str) -> Option<Draft> {
    if let Some(p) = profile.person(id) {
        return Some(Draft::from_values(&p.values, person_scope(), REQUIRED));
    }
    if let Some(f) = profile.firms.iter().find(|f| f.id == id) {
        return Some(Draft::from_values(
            &f.values,
            firm_scope(),
            &[Key::FirmName],
        ));
    }
    if let Some(rest) = id.strip_prefix("role:") {
        let (firm, index) = rest.split_once(':')?;
        let link = profile
            .firms
            .iter()
            .find(|f| f.id == firm)?
            .roles
            .get(index.parse::<usize>().ok()?)?;
        return Some(Draft::from_values(&link.values, role_scope(link.role), &[]));
    }
    if let Some(index) = id.strip_prefix("agent:") {
        let link = profile.agents.get(index.parse::<usize>().ok()?)?;
        return Some(Draft::from_values(&link.values, agent_scope(), &[]));
    }
    None
}

fn values_mut<'a>(profile: &'a mut Profile, id: &str) -> Option<&'a mut Values> {
    if let Some(i) = profile.persons.iter().position(|p| p.id == id) {
        return Some(&mut profile.persons[i].values);
    }
    if let Some(i) = profile.firms.iter().position(|f| f.id == id) {
        return Some(&mut profile.firms[i].values);
    }
    if let Some(rest) = id.strip_prefix("role:") {
        let (firm, index) = rest.split_once(':')?;
        let firm = profile.firms.iter_mut().find(|f| f.id == firm)?;
        return firm
            .roles
            .get_mut(index.parse::<usize>().ok()?)
            .map(|l| &mut l.values);
    }
    if let Some(index) = id.strip_prefix("agent:") {
        return profile
            .agents
            .get_mut(index.parse::<usize>().ok()?)
            .map(|l| &mut l.values);
    }
    None
}

impl State {
    /// A closed widget with an empty profile.
    pub fn new(lang: Lang, today: Date) -> Self {
        let profile = Profile::new();
        let owner = profile.owner().map(|p| p.id.clone()).unwrap_or_default();
        State {
            open: false,
            lang,
            view: View::Editor,
            section: Section::Person(owner),
            profile,
            drafts: BTreeMap::new(),
            touched: BTreeSet::new(),
            attempted: false,
            focused: None,
            shown: BTreeSet::new(),
            confirm_remove: None,
            fields: Vec::new(),
            plan: FillPlan::default(),
            form: None,
            revealed: BTreeSet::new(),
            report: None,
            today,
            vault: VaultState::Checking,
            store: None,
            key: None,
            revision: 0,
            saved_revision: 0,
            save_status: SaveStatus::Idle,
            failures: 0,
            wait_until: 0.0,
            vault_message: None,
            busy: false,
            auto_lock_minutes: 10,
            import: None,
            confirm_erase: false,
        }
    }

    /// The profile may be shown and edited (no vault, or an open one).
    pub fn profile_open(&self) -> bool {
        matches!(
            self.vault,
            VaultState::Absent
                | VaultState::Unavailable
                | VaultState::Unlocked
                | VaultState::Checking
        )
    }

    /// The draft of a record: the one being edited, or a fresh one from the profile.
    pub fn draft(&self, id: &str) -> Draft {
        self.drafts
            .get(id)
            .cloned()
            .or_else(|| fresh_draft(&self.profile, id))
            .unwrap_or_default()
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

    /// Writes every draft that checks out into the profile. Returns the ids of drafts that
    /// still have errors (they stay, with what was typed).
    pub fn commit_drafts(&mut self) -> Vec<DraftId> {
        let now = now_stamp();
        let mut failed = Vec::new();
        let ids: Vec<DraftId> = self.drafts.keys().cloned().collect();
        for id in ids {
            let Some(draft) = self.drafts.get(&id).cloned() else {
                continue;
            };
            let Some(values) = values_mut(&mut self.profile, &id) else {
                self.drafts.remove(&id);
                continue;
            };
            match draft.apply(values, self.today, &now) {
                Ok(_) => {
                    self.drafts.remove(&id);
                }
                Err(_) => failed.push(id),
            }
        }
        failed
    }

    /// Where a draft id's editor lives.
    pub fn section_of(&self, id: &str) -> Section {
        if let Some(rest) = id.strip_prefix("role:") {
            return Section::Firm(rest.split(':').next().unwrap_or_default().to_string());
        }
        if id.starts_with("agent:") {
            return Section::Agents;
        }
        if self.profile.firms.iter().any(|f| f.id == id) {
            return Section::Firm(id.to_string());
        }
        Section::Person(id.to_string())
    }
}

/// Everything that changes the state.
pub enum Action {
    /// Open the panel.
    Open,
    /// Close the panel (the profile stays in memory until the page closes).
    Close,
    /// Switch between zh-CN and English.
    SetLang(Lang),
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
    /// Load the demo profile.
    LoadDemo,
    /// Forget everything.
    Clear,
    /// Going on was refused: show every problem.
    Attempted,
    /// The page was scanned and a plan made.
    Planned {
        /// The profile with the drafts applied.
        profile: Profile,
        /// The fields found.
        fields: Vec<FieldDescriptor>,
        /// The plan.
        plan: FillPlan,
        /// The mapping id, when a known mapping decided.
        form: Option<String>,
    },
    /// Tick or untick a step.
    Select(FieldId, bool),
    /// Show or hide a sensitive value in review.
    Reveal(FieldId),
    /// The fill finished.
    Filled(FillReport),
    /// Back to the editor.
    BackToEditor,
    /// Back to review.
    BackToReview,
    /// Storage opened: whether a vault exists.
    StorageReady(Store, bool),
    /// Storage is not available: memory only.
    StorageUnavailable,
    /// No vault on this device (and no database was created to find out).
    NoVaultYet,
    /// The storage was opened to create a vault.
    StoreOpened(Store),
    /// Show a vault screen.
    ShowView(View),
    /// A long operation starts or ends.
    Busy(bool),
    /// The vault opened.
    Unlocked {
        /// Its key.
        key: KeyHandle,
        /// Its profile.
        profile: Profile,
        /// The generation opened.
        generation: u32,
        /// A note (e.g. an older copy was opened), already in the interface language.
        note: Option<String>,
    },
    /// A wrong passphrase (or another failure, with its message).
    UnlockFailed(String, bool),
    /// A vault was created, or its passphrase changed: the new key.
    KeySet(KeyHandle),
    /// A save started.
    Saving,
    /// A save finished: the revision it saved, or the failure's message id.
    SaveDone(u64, Result<u32, &'static str>),
    /// Lock: forget the key and every value in memory.
    Lock,
    /// Set the auto-lock delay in minutes.
    SetAutoLock(u32),
    /// A backup file was chosen.
    ImportFile(String, Vec<u8>),
    /// The backup opened (or failed to, with the message).
    ImportOpened(Result<Profile, String>),
    /// Apply the import: `true` merges, `false` replaces.
    ImportApply(bool),
    /// Drop the import.
    ImportCancel,
    /// Ask to erase everything.
    AskErase,
    /// Everything was erased.
    Erased,
    /// A message on a vault screen.
    VaultMessage(Option<String>),
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Open => s.open = true,
            Action::Close => {
                s.open = false;
                s.revealed.clear();
                s.shown.clear();
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::Show(section) => {
                s.section = section;
                s.confirm_remove = None;
                s.view = View::Editor;
            }
            Action::Edit(id, key, text) => {
                let mut draft = s.draft(&id);
                if draft.get(key) == text {
                    return self;
                }
                draft.set(key, text);
                if key == Key::PersonIdNumber {
                    draft.derive_from_id(s.today);
                }
                s.drafts.insert(id, draft);
            }
            Action::Focus(target) => {
                if s.focused == target {
                    return self;
                }
                s.focused = target;
            }
            Action::Touch(id, key) => {
                if s.focused.as_ref() == Some(&(id.clone(), key)) {
                    s.focused = None;
                }
                // A record that checks out is written as the person moves on, so nothing
                // typed waits for a button to be kept.
                if s.drafts
                    .get(&id)
                    .is_some_and(|d| d.check(s.today).errors.is_empty())
                {
                    s.commit_drafts();
                }
                s.touched.insert((id, key));
            }
            Action::ToggleShown(id, key) => toggle(&mut s.shown, (id, key)),
            Action::AddPerson(relation) => {
                let id = s.profile.fresh_id("p");
                s.profile.persons.push(PersonRecord {
                    id: id.clone(),
                    relation,
                    values: Values::default(),
                    unknown: BTreeMap::new(),
                });
                s.section = Section::Person(id);
            }
            Action::AddFirm => {
                let id = s.profile.fresh_id("f");
                s.profile.firms.push(FirmRecord {
                    id: id.clone(),
                    values: Values::default(),
                    roles: Vec::new(),
                    unknown: BTreeMap::new(),
                });
                s.section = Section::Firm(id);
            }
            Action::AskRemove(id) => s.confirm_remove = Some(id),
            Action::CancelRemove => s.confirm_remove = None,
            Action::Remove(id) => {
                s.confirm_remove = None;
                s.drafts
                    .retain(|k, _| *k != id && !k.starts_with(&format!("role:{id}:")));
                if s.profile.firms.iter().any(|f| f.id == id) {
                    s.profile.firms.retain(|f| f.id != id);
                    s.profile.agents.retain(|a| a.principal != id);
                } else if s
                    .profile
                    .person(&id)
                    .is_some_and(|p| p.relation != Relation::Owner)
                {
                    s.profile.persons.retain(|p| p.id != id);
                    for firm in &mut s.profile.firms {
                        firm.roles.retain(|r| r.person != id);
                    }
                    s.profile
                        .agents
                        .retain(|a| a.person != id && a.principal != id);
                }
                // Link indices moved: their drafts must be made afresh.
                s.drafts
                    .retain(|k, _| !k.starts_with("role:") && !k.starts_with("agent:"));
                let owner = s.profile.owner_mut().id.clone();
                s.section = Section::Person(owner);
            }
            Action::AddRole(firm, role) => {
                let owner = s.profile.owner_mut().id.clone();
                if let Some(f) = s.profile.firms.iter_mut().find(|f| f.id == firm) {
                    f.roles.push(RoleLink {
                        role,
                        person: owner,
                        values: Values::default(),
                        unknown: BTreeMap::new(),
                    });
                }
            }
            Action::SetRolePerson(firm, index, person) => {
                if let Some(link) = s
                    .profile
                    .firms
                    .iter_mut()
                    .find(|f| f.id == firm)
                    .and_then(|f| f.roles.get_mut(index))
                {
                    link.person = person;
                }
            }
            Action::RemoveRole(firm, index) => {
                s.commit_drafts();
                if let Some(f) = s.profile.firms.iter_mut().find(|f| f.id == firm)
                    && index < f.roles.len()
                {
                    f.roles.remove(index);
                }
                s.drafts
                    .retain(|k, _| !k.starts_with(&format!("role:{firm}:")));
            }
            Action::AddAgent => {
                let owner = s.profile.owner_mut().id.clone();
                s.profile.agents.push(AgentLink {
                    person: owner.clone(),
                    principal: owner,
                    values: Values::default(),
                    unknown: BTreeMap::new(),
                });
            }
            Action::SetAgentPerson(i, person) => {
                if let Some(a) = s.profile.agents.get_mut(i) {
                    a.person = person;
                }
            }
            Action::SetAgentPrincipal(i, principal) => {
                if let Some(a) = s.profile.agents.get_mut(i) {
                    a.principal = principal;
                }
            }
            Action::RemoveAgent(i) => {
                s.commit_drafts();
                if i < s.profile.agents.len() {
                    s.profile.agents.remove(i);
                }
                s.drafts.retain(|k, _| !k.starts_with("agent:"));
            }
            Action::Save => {
                let failed = s.commit_drafts();
                s.attempted = !failed.is_empty();
                if let Some(first) = failed.first() {
                    s.section = s.section_of(first);
                }
            }
            Action::LoadDemo => {
                s.profile = Profile::demo();
                s.drafts.clear();
                s.touched.clear();
                s.attempted = false;
                let owner = s.profile.owner_mut().id.clone();
                s.section = Section::Person(owner);
            }
            Action::Clear => {
                // Empties the profile (the vault keeps the copy before as its previous one).
                let mut fresh = State::new(s.lang, s.today);
                fresh.open = s.open;
                fresh.vault = s.vault;
                fresh.store = s.store.clone();
                fresh.key = s.key.clone();
                fresh.revision = s.revision;
                fresh.saved_revision = s.saved_revision;
                fresh.save_status = s.save_status.clone();
                fresh.auto_lock_minutes = s.auto_lock_minutes;
                s = fresh;
            }
            Action::Attempted => s.attempted = true,
            Action::Planned {
                profile,
                fields,
                plan,
                form,
            } => {
                s.form = form;
                s.profile = profile;
                s.drafts.clear();
                s.fields = fields;
                s.plan = plan;
                s.revealed.clear();
                s.report = None;
                s.view = View::Review;
            }
            Action::Select(field, on) => {
                for step in s.plan.steps.iter_mut().filter(|st| st.field == field) {
                    step.selected = on;
                }
            }
            Action::Reveal(field) => toggle(&mut s.revealed, field),
            Action::Filled(report) => {
                if let Some(form) = &s.form
                    && report.filled() > 0
                    && !s.profile.filled_forms.contains(form)
                {
                    s.profile.filled_forms.push(form.clone());
                }
                s.report = Some(report);
                s.revealed.clear();
                s.view = View::Report;
            }
            Action::BackToEditor => s.view = View::Editor,
            Action::BackToReview => s.view = View::Review,
            Action::StorageReady(store, exists) => {
                s.store = Some(store);
                s.vault = if exists {
                    VaultState::Locked
                } else {
                    VaultState::Absent
                };
                if exists {
                    s.view = View::Unlock;
                }
            }
            Action::StorageUnavailable => s.vault = VaultState::Unavailable,
            Action::NoVaultYet => s.vault = VaultState::Absent,
            Action::StoreOpened(store) => s.store = Some(store),
            Action::ShowView(view) => {
                s.view = view;
                s.vault_message = None;
                s.confirm_erase = false;
            }
            Action::Busy(on) => s.busy = on,
            Action::Unlocked {
                key,
                profile,
                generation,
                note,
            } => {
                s.key = Some(key);
                s.profile = profile;
                s.drafts.clear();
                s.vault = VaultState::Unlocked;
                s.failures = 0;
                s.busy = false;
                s.vault_message = note;
                s.view = View::Editor;
                let owner = s.profile.owner_mut().id.clone();
                s.section = Section::Person(owner);
                // What was just read is what is stored.
                s.save_status = SaveStatus::Saved(format!("#{generation}"));
                s.saved_revision = s.revision + 1;
                s.revision += 1;
                return Rc::new(s);
            }
            Action::UnlockFailed(message, counts) => {
                s.busy = false;
                if counts {
                    s.failures += 1;
                    let delay = f64::from(crate::core::vault::retry_delay_ms(s.failures));
                    s.wait_until = js_sys::Date::now() + delay;
                }
                s.vault_message = Some(message);
            }
            Action::KeySet(key) => {
                s.key = Some(key);
                s.vault = VaultState::Unlocked;
                s.busy = false;
                s.view = View::Editor;
                s.vault_message = None;
                // Force a save with the new key.
                s.revision += 1;
                return Rc::new(s);
            }
            Action::Saving => s.save_status = SaveStatus::Saving,
            Action::SaveDone(revision, result) => {
                match result {
                    Ok(_) => {
                        s.saved_revision = s.saved_revision.max(revision);
                        s.save_status = SaveStatus::Saved(clock_text());
                    }
                    Err(id) => s.save_status = SaveStatus::Failed(id),
                }
                return Rc::new(s);
            }
            Action::Lock => {
                if s.vault != VaultState::Unlocked {
                    return self;
                }
                let (open, lang, today, store, minutes) = (
                    s.open,
                    s.lang,
                    s.today,
                    s.store.clone(),
                    s.auto_lock_minutes,
                );
                // Dropping the state's key handle zeroizes the key once no save holds it.
                s = State::new(lang, today);
                s.open = open;
                s.store = store;
                s.vault = VaultState::Locked;
                s.view = View::Unlock;
                s.auto_lock_minutes = minutes;
                return Rc::new(s);
            }
            Action::SetAutoLock(minutes) => s.auto_lock_minutes = minutes.clamp(1, 240),
            Action::ImportFile(name, bytes) => {
                s.import = Some(ImportState {
                    bytes: Rc::new(bytes),
                    name,
                    opened: None,
                    error: None,
                });
                s.view = View::Import;
            }
            Action::ImportOpened(result) => {
                s.busy = false;
                if let Some(import) = s.import.as_mut() {
                    match result {
                        Ok(p) => {
                            import.opened = Some(p);
                            import.error = None;
                        }
                        Err(e) => import.error = Some(e),
                    }
                }
            }
            Action::ImportApply(merge) => {
                if let Some(incoming) = s.import.take().and_then(|i| i.opened) {
                    s.commit_drafts();
                    s.profile = if merge {
                        crate::core::profile::merge::merge(&s.profile, &incoming, &now_stamp())
                    } else {
                        incoming
                    };
                    s.drafts.clear();
                    let owner = s.profile.owner_mut().id.clone();
                    s.section = Section::Person(owner);
                }
                s.view = View::Editor;
            }
            Action::ImportCancel => {
                s.import = None;
                s.view = View::Settings;
            }
            Action::AskErase => s.confirm_erase = true,
            Action::Erased => {
                let (open, lang, today) = (s.open, s.lang, s.today);
                s = State::new(lang, today);
                s.open = open;
                s.vault = VaultState::Absent;
                s.store = None;
                s.vault_message = Some(crate::core::i18n::tr(lang, "erased", &[]));
                return Rc::new(s);
            }
            Action::VaultMessage(m) => s.vault_message = m,
        }
        if s.profile != self.profile {
            s.revision += 1;
        }
        Rc::new(s)
    }
}
