//! The widget's state machines, compiled on every target and tested natively: the panel,
//! the profile editor, the review, the vault session and an import, each a small state with
//! its own actions and a pure reducer, and [`AppState`] that holds them and does what reaches
//! across them (a plan shown for review, a fill's outcome, locking, erasing).
//!
//! Nothing here touches a browser: no `web-sys`, `yew` or `gloo`, no storage handle, no
//! clock. The time of an action comes in as data ([`Clock`]); effects (storage, timers, the
//! DOM) are run by the user interface, keyed on this state. `src/ui/` wraps [`AppState`] in
//! Yew's `use_reducer`.

pub mod editor;
pub mod home;
pub mod import;
pub mod labels;
pub mod panel;
pub mod review;
pub mod vault;

use std::rc::Rc;

use time::Date;

#[cfg(feature = "fill")]
use crate::core::disclosure::FormRef;
#[cfg(feature = "fill")]
use crate::core::field::FieldDescriptor;
use crate::core::i18n::Lang;
use crate::core::mapping::FormMapping;
#[cfg(feature = "fill")]
use crate::core::plan::FillPlan;
use crate::core::profile::Profile;
#[cfg(feature = "fill")]
use crate::core::scan::Truncated;
use editor::{EditorAction, EditorState};
use import::{ImportAction, ImportState};
use panel::{Panel, PanelAction, View};
use review::ReviewState;
#[cfg(feature = "fill")]
use review::{FillSummary, ReviewAction};
use vault::{KeyHandle, VaultAction, VaultSession, VaultState};

/// The time an action happened, read by the user interface when it sends the action.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clock {
    /// RFC 3339 time stamp, for values written into the profile.
    pub stamp: String,
    /// Milliseconds since the epoch.
    pub now_ms: f64,
    /// The local time as HH:MM, for "saved at".
    pub time_of_day: String,
}

/// Everything the widget shows, in page memory; storing the profile (sealed) is the
/// interface's effect, not this state's.
#[derive(Clone, PartialEq)]
pub struct AppState {
    /// The panel.
    pub panel: Panel,
    /// The profile and its editor.
    pub editor: EditorState,
    /// The review of a planned fill.
    pub review: ReviewState,
    /// Where the profile is kept.
    pub vault: VaultSession,
    /// A backup being imported.
    pub import: Option<ImportState>,
    /// The form mappings the site publishes.
    pub forms: Rc<Vec<FormMapping>>,
}

/// Everything that changes the state: one concern's action, or one that reaches across.
#[derive(Clone, PartialEq)]
pub enum Action {
    /// The panel's own.
    Panel(PanelAction),
    /// The editor's own.
    Editor(EditorAction),
    /// The review's own (the form-filling builds only, as are `Planned` and `Filled`).
    #[cfg(feature = "fill")]
    Review(ReviewAction),
    /// The vault session's own.
    Vault(VaultAction),
    /// An import's.
    Import(ImportAction),
    /// The site's form mappings arrived.
    FormsLoaded(Rc<Vec<FormMapping>>),
    /// The page was scanned and a plan made.
    #[cfg(feature = "fill")]
    Planned {
        /// The profile with the drafts applied.
        profile: Profile,
        /// The fields found.
        fields: Vec<FieldDescriptor>,
        /// The plan.
        plan: FillPlan,
        /// The mapping id, when a known mapping decided.
        form: Option<String>,
        /// Why the scan left part of the page out, if it did.
        truncated: Option<Truncated>,
        /// The page's origin and the form's title.
        page: FormRef,
    },
    /// The fill finished: recorded in the disclosure record.
    #[cfg(feature = "fill")]
    Filled(FillSummary),
    /// Delete one entry of the disclosure record (by its position, oldest first), or all.
    DeleteDisclosures(Option<usize>),
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
    /// Another page saved this generation (read with this page's key), with the generation
    /// this page had read or saved, if it is still stored: what both pages changed is joined,
    /// or the person is asked.
    Newer {
        /// The generation now in force.
        generation: u32,
        /// Its profile.
        theirs: Profile,
        /// The profile of the generation this page started from, when still stored.
        base: Option<Profile>,
    },
    /// After a clash with another page's save: `true` keeps this page's profile (saved over
    /// the other's, which stays as the copy before), `false` takes the other's.
    ResolveClash(bool),
    /// Lock: forget the key and every value in memory.
    Lock,
    /// Everything was erased.
    Erased,
    /// Forget the profile (the vault keeps the copy before as its previous one).
    Clear,
    /// Verified values were imported (a credential or a hall's attestation, as the person
    /// confirmed its preview): the profile they were written into, saved as any edit is.
    Verified(Profile),
    /// Elements were handed to a service window: the disclosure record's entry (no value).
    HandedOver(crate::core::disclosure::Entry),
}

/// Each concern's action is an [`Action`].
macro_rules! concern_actions {
    ($($variant:ident($action:ty)),*) => {
        $(impl From<$action> for Action {
            fn from(a: $action) -> Self {
                Action::$variant(a)
            }
        })*
    };
}

concern_actions!(
    Panel(PanelAction),
    Editor(EditorAction),
    Vault(VaultAction),
    Import(ImportAction)
);
#[cfg(feature = "fill")]
concern_actions!(Review(ReviewAction));

impl AppState {
    /// A closed widget with an empty profile.
    pub fn new(lang: Lang, today: Date) -> Self {
        AppState {
            panel: Panel::new(lang),
            editor: EditorState::new(today),
            review: ReviewState::default(),
            vault: VaultSession::default(),
            import: None,
            forms: Rc::new(Vec::new()),
        }
    }

    /// The state a new instance of the widget starts in after the one before it was discarded
    /// on locking: the vault locked, the unlock screen showing if the panel was open, and the
    /// auto-lock delay the person chose.
    pub fn relocked(lang: Lang, today: Date, open: bool, auto_lock_minutes: u32) -> Self {
        let mut state = AppState::new(lang, today);
        state.vault.vault = VaultState::Locked;
        state
            .vault
            .reduce(VaultAction::SetAutoLock(auto_lock_minutes));
        state.panel.open = open;
        state.panel.view = View::Unlock;
        state
    }

    /// Today, for validation and the fill date.
    pub fn today(&self) -> Date {
        self.editor.today
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.panel.lang
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.editor.profile
    }

    /// The screen to show: the unlock screen whenever the vault is locked (settings aside).
    pub fn screen(&self) -> View {
        match self.panel.view {
            View::Settings => View::Settings,
            _ if self.vault.vault == VaultState::Locked => View::Unlock,
            view => view,
        }
    }

    /// A fresh state that keeps the panel, the language, today and the mappings.
    fn fresh(&self) -> Self {
        let mut fresh = AppState::new(self.panel.lang, self.today());
        fresh.panel.open = self.panel.open;
        fresh.forms = self.forms.clone();
        fresh
    }

    /// Applies `action`, sent at `clock`. Returns `false` when nothing changed.
    pub fn reduce(&mut self, action: Action, clock: &Clock) -> bool {
        let before = self.editor.profile.clone();
        match action {
            Action::Panel(action) => {
                match &action {
                    PanelAction::Close => {
                        self.review.revealed.clear();
                        self.editor.shown.clear();
                    }
                    PanelAction::ShowView(_) => {
                        self.vault.message = None;
                        self.vault.confirm_erase = false;
                        self.vault.erased = false;
                    }
                    PanelAction::Open | PanelAction::SetLang(_) | PanelAction::BackTo(_) => {}
                }
                self.panel.reduce(action);
            }
            Action::Editor(action) => {
                if matches!(action, EditorAction::Show(_)) {
                    self.panel.view = View::Editor;
                }
                let save = action == EditorAction::Save && self.panel.view == View::Editor;
                if !self.editor.reduce(action, &clock.stamp) {
                    return false;
                }
                if save && !self.editor.attempted && self.editor.confirm_verified.is_none() {
                    self.saved_without_vault(clock);
                }
            }
            #[cfg(feature = "fill")]
            Action::Review(action) => self.review.reduce(action),
            Action::Vault(action) => {
                let rekeyed = self.vault.rekey
                    && matches!(action, VaultAction::SaveDone { result: Ok(_), .. });
                if action == VaultAction::StorageReady(true) {
                    self.panel.view = View::Unlock;
                }
                if action == VaultAction::MemoryOnly {
                    self.vault.save_status = vault::SaveStatus::Saved(clock.time_of_day.clone());
                    self.panel.view = View::Editor;
                }
                self.vault.reduce(action);
                // A new passphrase is reported only once nothing is left under the old one.
                if rekeyed {
                    self.panel.view = View::Editor;
                }
            }
            Action::Import(action) => self.import(action, clock),
            Action::FormsLoaded(forms) => self.forms = forms,
            #[cfg(feature = "fill")]
            Action::Planned {
                profile,
                fields,
                plan,
                form,
                truncated,
                page,
            } => {
                self.review = ReviewState::planned(fields, plan, form);
                self.review.ask_consent(page, &profile, self.today());
                self.editor.replace_profile(profile);
                self.review.truncated = truncated;
                self.panel.view = View::Review;
            }
            #[cfg(feature = "fill")]
            Action::Filled(report) => {
                if let Some(form) = &self.review.form
                    && report.filled > 0
                {
                    self.editor.profile.mark_filled(form);
                }
                // Kept with the profile: saved with it, or in memory while it is.
                let entry = self.review.disclosure(&clock.stamp, &report.written);
                crate::core::disclosure::record(&mut self.editor.profile.disclosures, entry);
                self.review.filled(report);
                self.panel.view = View::Report;
            }
            Action::Verified(profile) => self.editor.replace_profile(profile),
            Action::HandedOver(entry) => {
                crate::core::disclosure::record(&mut self.editor.profile.disclosures, entry);
            }
            Action::DeleteDisclosures(which) => {
                let entries = &mut self.editor.profile.disclosures;
                match which {
                    Some(i) if i < entries.len() => {
                        entries.remove(i);
                    }
                    Some(_) => return false,
                    None => entries.clear(),
                }
            }
            Action::Unlocked {
                key,
                profile,
                generation,
                note,
            } => {
                self.editor.replace_profile(profile);
                self.editor.show_owner();
                self.vault.unlocked(key, generation, note);
                self.panel.view = View::Editor;
                return true;
            }
            Action::Newer {
                generation,
                theirs,
                base,
            } => {
                if self.vault.vault != VaultState::Unlocked
                    || self.vault.generation >= Some(generation)
                {
                    return false;
                }
                // Values being typed stay drafts, over whichever profile results.
                let unsaved = self.vault.revision > self.vault.saved_revision;
                let joined = if unsaved {
                    base.and_then(|b| {
                        crate::core::profile::merge::three_way(&b, &self.editor.profile, &theirs)
                    })
                } else {
                    Some(theirs.clone())
                };
                match joined {
                    Some(profile) => {
                        self.editor.rebase(profile);
                        self.vault.generation = Some(generation);
                        if !unsaved {
                            // What is shown is what is stored.
                            self.vault.saved_revision = self.vault.revision + 1;
                            self.vault.revision += 1;
                            return true;
                        }
                    }
                    None => {
                        self.vault.save_status = vault::SaveStatus::Failed("clash-status");
                        self.vault.clash = Some((generation, Rc::new(theirs)));
                        self.vault.message =
                            Some(crate::core::i18n::tr(self.lang(), "save-clash", &[]));
                    }
                }
            }
            Action::ResolveClash(keep_mine) => {
                let Some((generation, theirs)) = self.vault.clash.take() else {
                    return false;
                };
                self.vault.generation = Some(generation);
                self.vault.message = None;
                if keep_mine {
                    // Saved over the other page's, which stays stored as the copy before.
                    self.vault.revision += 1;
                } else {
                    self.editor.replace_profile((*theirs).clone());
                    self.vault.saved_revision = self.vault.revision + 1;
                    self.vault.revision += 1;
                    return true;
                }
            }
            Action::Lock => {
                if self.vault.vault != VaultState::Unlocked {
                    return false;
                }
                // Dropping the key handle zeroizes the key once no save holds it.
                let minutes = self.vault.auto_lock_minutes;
                *self = self.fresh();
                self.vault.vault = VaultState::Locked;
                self.vault.auto_lock_minutes = minutes;
                self.panel.view = View::Unlock;
                return true;
            }
            Action::Erased => {
                *self = self.fresh();
                self.vault.vault = VaultState::Absent;
                self.vault.erased = true;
                return true;
            }
            Action::Clear => {
                // Empties the profile; where it is kept and how saving goes stay.
                let mut fresh = self.fresh();
                fresh.vault = VaultSession {
                    vault: self.vault.vault,
                    key: self.vault.key.clone(),
                    revision: self.vault.revision,
                    saved_revision: self.vault.saved_revision,
                    save_status: self.vault.save_status.clone(),
                    auto_lock_minutes: self.vault.auto_lock_minutes,
                    memory_only: self.vault.memory_only,
                    ..VaultSession::default()
                };
                *self = fresh;
            }
        }
        if self.editor.profile != before {
            self.vault.revision += 1;
        }
        true
    }

    /// 保存资料 with everything typed valid: with no vault yet, the first save leads to
    /// setting one up (keeping the profile in this page only is the other choice, named
    /// there); once that choice is made, or where the browser stores nothing, the save is
    /// said to have kept the profile in this page. With a vault, saving is the vault's effect.
    fn saved_without_vault(&mut self, clock: &Clock) {
        match self.vault.vault {
            VaultState::Absent if !self.vault.memory_only => {
                self.vault.message = None;
                self.panel.view = View::Passphrase(false);
            }
            VaultState::Absent | VaultState::Unavailable => {
                self.vault.save_status = vault::SaveStatus::Saved(clock.time_of_day.clone());
            }
            VaultState::Checking | VaultState::Locked | VaultState::Unlocked => {}
        }
    }

    fn import(&mut self, action: ImportAction, clock: &Clock) {
        match action {
            ImportAction::File(name, bytes) => {
                self.import = Some(ImportState::new(name, bytes));
                self.panel.view = View::Import;
            }
            ImportAction::Opened(result) => {
                self.vault.busy = false;
                if let Some(import) = self.import.as_mut() {
                    import.opened(result);
                }
            }
            ImportAction::Apply(merge) => {
                if let Some(incoming) = self.import.take().and_then(|i| i.opened) {
                    self.editor.commit_drafts(&clock.stamp);
                    let next =
                        import::imported(&self.editor.profile, incoming, merge, &clock.stamp);
                    self.editor.replace_profile(next);
                    self.editor.show_owner();
                }
                self.panel.view = View::Editor;
            }
            ImportAction::Cancel => {
                self.import = None;
                self.panel.view = View::Settings;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dictionary::Key;
    use crate::core::field::FieldId;
    use crate::core::vault::{KdfParams, SeededRandom, VaultKey};
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn clock() -> Clock {
        Clock {
            stamp: "2026-11-21T08:00:00Z".into(),
            now_ms: 1_000.0,
            time_of_day: "16:00".into(),
        }
    }

    fn send(s: &mut AppState, action: impl Into<Action>) -> bool {
        s.reduce(action.into(), &clock())
    }

    fn key() -> KeyHandle {
        let params = KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        match VaultKey::create(
            "a long enough passphrase",
            params,
            &mut SeededRandom::new(7),
        ) {
            Ok(k) => KeyHandle(Rc::new(k)),
            Err(e) => panic!("{e:?}"),
        }
    }

    fn unlock(s: &mut AppState, note: Option<String>) {
        send(
            s,
            Action::Unlocked {
                key: key(),
                profile: Profile::demo(),
                generation: 4,
                note,
            },
        );
    }

    fn unlocked() -> AppState {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, VaultAction::StorageReady(true));
        unlock(&mut s, None);
        s
    }

    // The hand-off's entry is made natively here; the browser build has no `core::handoff`.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn verified_values_replace_the_profile_and_a_hand_off_is_recorded_both_saved() {
        use crate::core::handoff::{DeskSession, Item, disclosure_entry};
        use crate::core::profile::{Data, Source};
        let mut s = unlocked();
        let revision = s.vault.revision;
        let mut imported = s.profile().clone();
        let source = Source::Credential {
            issuer: "https://demo.oncefill.example/resident-id".into(),
            issued: "2026-01-01".into(),
        };
        imported.owner_mut().values.set(
            Key::PersonName,
            Data::Text("王演示".into()),
            source.clone(),
            "2026-11-21T08:00:00Z",
        );
        assert!(send(&mut s, Action::Verified(imported.clone())));
        assert_eq!(s.profile(), &imported);
        assert_eq!(
            s.profile()
                .owner()
                .unwrap()
                .values
                .get(Key::PersonName)
                .unwrap()
                .source,
            source
        );
        assert!(s.vault.revision > revision, "saved as any edit is");

        let desk = DeskSession::start(1_796_090_400, &mut SeededRandom::new(3)).unwrap();
        let items = [Item::new(Key::PersonName, None, "王演示")];
        let entry = disclosure_entry(desk.offer(), &items, "2026-11-21T08:00:00Z");
        let revision = s.vault.revision;
        assert!(send(&mut s, Action::HandedOver(entry)));
        let recorded = s.profile().disclosures.last().unwrap();
        assert!(recorded.title.contains(&desk.offer().check_code()));
        assert!(s.vault.revision > revision);
    }

    #[test]
    fn a_found_vault_asks_to_be_unlocked_and_opening_it_shows_the_owner() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, PanelAction::Open);
        send(&mut s, VaultAction::StorageReady(true));
        assert_eq!(s.panel.view, View::Unlock);
        send(&mut s, PanelAction::ShowView(View::Editor));
        assert_eq!(
            s.screen(),
            View::Unlock,
            "a locked vault shows nothing else"
        );
        send(&mut s, PanelAction::ShowView(View::Settings));
        assert_eq!(s.screen(), View::Settings);
        unlock(&mut s, Some("older".into()));
        assert_eq!(s.screen(), View::Editor);
        assert_eq!(s.profile(), &Profile::demo());
        assert_eq!(s.vault.save_status, vault::SaveStatus::Opened);
        assert!(!s.vault.save_due(), "what was read is what is stored");
        assert_eq!(s.vault.message.as_deref(), Some("older"));
    }

    #[test]
    fn the_first_save_without_a_vault_leads_to_setting_one_up_or_to_memory_only() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, VaultAction::NoVaultYet);
        send(&mut s, PanelAction::Open);
        send(&mut s, EditorAction::LoadDemo);
        send(&mut s, EditorAction::Save);
        assert_eq!(s.screen(), View::Passphrase(false), "asked to keep it");
        assert_eq!(s.vault.save_status, vault::SaveStatus::Idle);
        // Creating the vault saves the profile under the new key and ends on the editor.
        let mut created = s.clone();
        send(&mut created, VaultAction::KeySet(key()));
        assert!(created.vault.save_due());
        let revision = created.vault.revision;
        send(
            &mut created,
            VaultAction::SaveDone {
                revision,
                result: Ok(1),
                at: "16:00".into(),
            },
        );
        assert_eq!(created.screen(), View::Editor);
        assert_eq!(created.profile(), &Profile::demo());
        // The other choice, named: this page only, said so, and not asked again.
        send(&mut s, VaultAction::MemoryOnly);
        assert_eq!(s.screen(), View::Editor);
        assert!(s.vault.memory_only);
        assert_eq!(
            s.vault.save_status,
            vault::SaveStatus::Saved("16:00".into())
        );
        s.vault.save_status = vault::SaveStatus::Idle;
        send(&mut s, EditorAction::Save);
        assert_eq!(s.screen(), View::Editor, "asked once");
        assert_eq!(
            s.vault.save_status,
            vault::SaveStatus::Saved("16:00".into())
        );
        assert_eq!(s.profile(), &Profile::demo(), "nothing lost either way");
        // Where the browser stores nothing, a save says it kept the profile in the page.
        let mut bare = AppState::new(Lang::ZhCn, TODAY);
        send(&mut bare, VaultAction::StorageUnavailable);
        send(&mut bare, EditorAction::Save);
        assert_eq!(bare.screen(), View::Editor);
        assert_eq!(
            bare.vault.save_status,
            vault::SaveStatus::Saved("16:00".into())
        );
    }

    #[test]
    fn a_refused_save_stays_on_the_editor_with_its_problems() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, VaultAction::NoVaultYet);
        let mine = s.profile().persons[0].id.clone();
        send(
            &mut s,
            EditorAction::Edit(mine, Key::PersonIdNumber, "1101".into()),
        );
        send(&mut s, EditorAction::Save);
        assert_eq!(s.screen(), View::Editor);
        assert!(s.editor.attempted);
    }

    #[test]
    fn a_change_outside_the_profile_is_saved_too_and_leaves_the_profile_alone() {
        let mut s = unlocked();
        let (rev, profile) = (s.vault.revision, s.profile().clone());
        assert!(!s.vault.save_due());
        send(&mut s, VaultAction::StoreAgain);
        assert_eq!(s.vault.revision, rev + 1);
        assert!(s.vault.save_due());
        assert_eq!(s.profile(), &profile);
    }

    #[test]
    fn every_change_of_the_profile_is_a_new_revision_to_save() {
        let mut s = unlocked();
        let rev = s.vault.revision;
        send(&mut s, EditorAction::Show(editor::Section::Agents));
        assert_eq!(s.vault.revision, rev, "showing changes nothing stored");
        send(&mut s, EditorAction::AddAgent);
        assert_eq!(s.vault.revision, rev + 1);
        assert!(s.vault.save_due());
        send(&mut s, VaultAction::Saving);
        send(
            &mut s,
            VaultAction::SaveDone {
                revision: rev + 1,
                result: Ok(5),
                at: clock().time_of_day,
            },
        );
        assert!(!s.vault.save_due());
        assert_eq!(
            s.vault.save_status,
            vault::SaveStatus::Saved("16:00".into())
        );
    }

    #[test]
    fn locking_forgets_the_profile_and_the_key_but_keeps_the_panel() {
        let mut s = unlocked();
        send(&mut s, PanelAction::Open);
        send(&mut s, VaultAction::SetAutoLock(30));
        assert!(send(&mut s, Action::Lock));
        assert!(s.panel.open);
        assert_eq!(s.vault.vault, VaultState::Locked);
        assert!(s.vault.key.is_none());
        assert_eq!(s.vault.auto_lock_minutes, 30);
        assert_eq!(s.profile(), &Profile::new());
        assert_eq!(s.panel.view, View::Unlock);
        assert!(
            !send(&mut s, Action::Lock),
            "a locked vault locks no further"
        );
    }

    #[test]
    fn a_relocked_widget_starts_on_the_unlock_screen_with_the_chosen_delay() {
        let mut s = unlocked();
        send(&mut s, PanelAction::Open);
        send(&mut s, VaultAction::SetAutoLock(30));
        send(&mut s, Action::Lock);
        let again = AppState::relocked(s.lang(), s.today(), true, 30);
        assert!(
            again == s,
            "the new instance starts where the lock left the old one"
        );
        let closed = AppState::relocked(Lang::En, s.today(), false, 5);
        assert!(!closed.panel.open);
        assert_eq!(closed.screen(), View::Unlock);
        assert_eq!(closed.vault.auto_lock_minutes, 5);
        assert_eq!(closed.lang(), Lang::En);
    }

    #[test]
    fn clearing_keeps_where_the_profile_is_kept_and_erasing_forgets_it() {
        let mut s = unlocked();
        let rev = s.vault.revision;
        send(&mut s, VaultAction::AskErase);
        send(&mut s, Action::Clear);
        assert_eq!(s.profile(), &Profile::new());
        assert_eq!(s.vault.vault, VaultState::Unlocked);
        assert!(s.vault.key.is_some());
        assert!(!s.vault.confirm_erase);
        assert_eq!(s.vault.revision, rev + 1, "the empty profile is saved");
        send(&mut s, Action::Erased);
        assert_eq!(s.vault.vault, VaultState::Absent);
        assert!(s.vault.key.is_none());
        assert!(s.vault.erased, "the person is told everything was erased");
        send(&mut s, PanelAction::ShowView(View::Settings));
        assert!(!s.vault.erased, "and told once");
    }

    #[test]
    fn a_plan_is_reviewed_filled_and_noted_for_its_bundle() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        let mine = s.profile().persons[0].id.clone();
        send(
            &mut s,
            EditorAction::Edit(mine, Key::PersonName, "王".into()),
        );
        let fields = vec![crate::core::field::FieldDescriptor::text("f1", "姓名")];
        let classified = crate::core::classify::classify_all(&fields);
        let profile = Profile::demo();
        let plan = crate::core::plan::plan(&profile, &fields, &classified, TODAY);
        send(
            &mut s,
            Action::Planned {
                profile,
                fields,
                plan,
                form: Some("nhc.birth-bundle".into()),
                truncated: Some(Truncated::TooManyFields {
                    found: 2_400,
                    limit: 2_000,
                }),
                page: FormRef::default(),
            },
        );
        assert!(s.editor.drafts.is_empty());
        assert_eq!(s.panel.view, View::Review);
        // The review says the page was not read whole.
        assert_eq!(
            s.review.truncated.as_ref().map(Truncated::code),
            Some("scan.too_many_fields")
        );
        let field = s.review.plan.steps[0].field.clone();
        send(&mut s, ReviewAction::Reveal(field));
        send(
            &mut s,
            Action::Filled(FillSummary {
                filled: 1,
                failed: Vec::new(),
                written: vec![FieldId("f1".into())],
            }),
        );
        assert_eq!(s.panel.view, View::Report);
        assert_eq!(s.profile().disclosures.len(), 1, "the fill is recorded");
        assert!(s.review.revealed.is_empty());
        assert_eq!(
            s.profile().filled_forms,
            vec!["nhc.birth-bundle".to_string()]
        );
        send(&mut s, VaultAction::Message(Some("m".into())));
        send(&mut s, PanelAction::BackTo(View::Review));
        assert_eq!(s.panel.view, View::Review);
        assert!(
            s.vault.message.is_some(),
            "going back keeps a vault message"
        );
        send(&mut s, PanelAction::ShowView(View::Settings));
        assert!(s.vault.message.is_none(), "a vault screen starts afresh");
        send(&mut s, PanelAction::Close);
        assert!(!s.panel.open);
    }

    #[test]
    fn a_backup_is_chosen_opened_and_applied() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, ImportAction::File("b.oncefill".into(), vec![1]));
        assert_eq!(s.panel.view, View::Import);
        send(&mut s, VaultAction::Busy(true));
        send(&mut s, ImportAction::Opened(Ok(Profile::demo())));
        assert!(!s.vault.busy);
        send(&mut s, ImportAction::Apply(false));
        assert!(s.import.is_none());
        assert_eq!(s.profile(), &Profile::demo());
        assert_eq!(s.panel.view, View::Editor);
        send(&mut s, ImportAction::File("c.oncefill".into(), vec![2]));
        send(&mut s, ImportAction::Cancel);
        assert!(s.import.is_none());
        assert_eq!(s.panel.view, View::Settings);
        assert_eq!(s.profile(), &Profile::demo());
    }

    #[test]
    fn closing_masks_every_value_again() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        let mine = s.profile().persons[0].id.clone();
        send(&mut s, PanelAction::Open);
        send(&mut s, EditorAction::ToggleShown(mine, Key::PersonIdNumber));
        send(
            &mut s,
            ReviewAction::Reveal(crate::core::field::FieldId("f".into())),
        );
        send(&mut s, PanelAction::Close);
        assert!(s.editor.shown.is_empty());
        assert!(s.review.revealed.is_empty());
        let mine = s.profile().persons[0].id.clone();
        assert!(!send(
            &mut s,
            EditorAction::Edit(mine, Key::PersonName, String::new())
        ));
    }

    fn saved(s: &mut AppState, generation: u32) {
        let revision = s.vault.revision;
        send(
            s,
            VaultAction::SaveDone {
                revision,
                result: Ok(generation),
                at: "16:01".into(),
            },
        );
    }

    fn with_mobile(profile: &Profile, mobile: &str) -> Profile {
        let mut p = profile.clone();
        p.owner_mut().values.set(
            crate::core::dictionary::Key::ContactMobile,
            crate::core::profile::Data::Text(mobile.into()),
            crate::core::profile::Source::SelfDeclared,
            "t",
        );
        p
    }

    #[test]
    fn another_pages_save_is_shown_when_nothing_here_is_unsaved() {
        let mut s = unlocked();
        let theirs = with_mobile(&Profile::demo(), "13700137000");
        assert!(send(
            &mut s,
            Action::Newer {
                generation: 5,
                theirs: theirs.clone(),
                base: None,
            }
        ));
        assert_eq!(s.profile(), &theirs);
        assert_eq!(s.vault.generation, Some(5));
        assert!(!s.vault.save_due(), "what is shown is what is stored");
        let older = Action::Newer {
            generation: 5,
            theirs: Profile::new(),
            base: None,
        };
        assert!(
            !send(&mut s, older),
            "a generation already read changes nothing"
        );
    }

    #[test]
    fn unsaved_edits_are_joined_with_another_pages_save_or_the_person_chooses() {
        let mut s = unlocked();
        send(&mut s, EditorAction::AddAgent);
        assert!(s.vault.save_due());
        let mine = s.profile().clone();
        let theirs = with_mobile(&Profile::demo(), "13700137000");
        send(
            &mut s,
            Action::Newer {
                generation: 5,
                theirs: theirs.clone(),
                base: Some(Profile::demo()),
            },
        );
        assert_eq!(s.profile().agents, mine.agents, "this page's edit is kept");
        assert_eq!(s.profile().owner(), theirs.owner(), "and the other page's");
        assert_eq!(s.vault.generation, Some(5));
        assert!(
            s.vault.save_due(),
            "the joined profile is saved over theirs"
        );
        saved(&mut s, 6);

        // The same element changed on both pages: nothing is saved until the person chooses.
        let base = s.profile().clone();
        let mine = with_mobile(&base, "13600136000");
        s.editor.profile = mine.clone();
        s.vault.revision += 1;
        let theirs = with_mobile(&base, "13500135000");
        let newer = |theirs: &Profile| Action::Newer {
            generation: 7,
            theirs: theirs.clone(),
            base: Some(base.clone()),
        };
        send(&mut s, newer(&theirs));
        assert_eq!(s.profile(), &mine, "this page's edit stays on screen");
        assert!(s.vault.clash.is_some());
        assert!(!s.vault.save_due(), "and is not saved over the other's");
        assert!(
            s.vault
                .message
                .as_deref()
                .unwrap_or("")
                .contains("另一个页面")
        );
        send(&mut s, Action::ResolveClash(false));
        assert_eq!(s.profile(), &theirs);
        assert!(!s.vault.save_due());
        assert_eq!(s.vault.generation, Some(7));

        s.editor.profile = mine.clone();
        s.vault.revision += 1;
        s.vault.generation = Some(6);
        send(&mut s, newer(&theirs));
        send(&mut s, Action::ResolveClash(true));
        assert_eq!(s.profile(), &mine);
        assert!(
            s.vault.save_due(),
            "saved over the other's, kept as the copy before"
        );
        assert_eq!(s.vault.generation, Some(7));
    }

    #[test]
    fn a_new_passphrase_is_reported_once_its_first_save_is_stored() {
        let mut s = unlocked();
        send(&mut s, PanelAction::ShowView(View::Passphrase(true)));
        send(&mut s, VaultAction::Busy(true));
        send(&mut s, VaultAction::KeySet(key()));
        assert!(s.vault.busy && s.vault.rekey);
        assert_eq!(s.panel.view, View::Passphrase(true), "not yet");
        assert!(s.vault.save_due());
        saved(&mut s, 9);
        assert!(!s.vault.busy && !s.vault.rekey);
        assert_eq!(s.panel.view, View::Editor);
        assert_eq!(s.vault.generation, Some(9));
    }

    /// Plans `labels` of the demo household on the form `title` of `https://a.example`.
    fn plan_form(s: &mut AppState, title: &str, labels: &[&str]) {
        let fields: Vec<FieldDescriptor> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| FieldDescriptor::text(&format!("f{i}"), l))
            .collect();
        let classified = crate::core::classify::classify_all(&fields);
        let profile = s.profile().clone();
        let plan = crate::core::plan::plan(&profile, &fields, &classified, TODAY);
        send(
            s,
            Action::Planned {
                profile,
                fields,
                plan,
                form: None,
                truncated: None,
                page: FormRef {
                    origin: "https://a.example".into(),
                    title: title.into(),
                    mapping: None,
                },
            },
        );
    }

    /// Fills every ticked step.
    fn fill_ticked(s: &mut AppState) {
        let written: Vec<FieldId> = s
            .review
            .plan
            .steps
            .iter()
            .filter(|st| st.selected)
            .map(|st| st.field.clone())
            .collect();
        send(
            s,
            Action::Filled(FillSummary {
                filled: written.len(),
                failed: Vec::new(),
                written,
            }),
        );
    }

    fn ticked(s: &AppState, key: Key) -> bool {
        s.review
            .plan
            .steps
            .iter()
            .any(|st| st.key == key && st.selected)
    }

    #[test]
    fn sensitive_elements_are_ticked_only_on_a_form_approved_for_them_before() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        send(&mut s, Action::Clear);
        s.editor.replace_profile(Profile::demo());
        let labels = ["姓名", "公民身份号码", "手机号码"];
        plan_form(&mut s, "甲表", &labels);
        assert!(ticked(&s, Key::PersonName) && ticked(&s, Key::ContactMobile));
        assert!(!ticked(&s, Key::PersonIdNumber), "not pre-ticked at first");
        let id_step = s.review.plan.steps[1].field.clone();
        assert!(s.review.consent.contains(&id_step), "and marked");
        assert_eq!(s.review.consent.len(), 1);
        // Filled without it: still not approved.
        fill_ticked(&mut s);
        plan_form(&mut s, "甲表", &labels);
        assert!(!ticked(&s, Key::PersonIdNumber));
        // The person ticks it and fills: the next time on this form it is ticked.
        send(&mut s, ReviewAction::Select(id_step, true));
        fill_ticked(&mut s);
        let rev = s.vault.revision;
        plan_form(&mut s, "甲表", &labels);
        assert!(ticked(&s, Key::PersonIdNumber), "approved on this form");
        assert_eq!(s.vault.revision, rev, "planning changes nothing to save");
        plan_form(&mut s, "乙表", &labels);
        assert!(!ticked(&s, Key::PersonIdNumber), "not on another form");
        // Deleting the record withdraws the approval.
        send(&mut s, Action::DeleteDisclosures(None));
        assert!(s.profile().disclosures.is_empty());
        plan_form(&mut s, "甲表", &labels);
        assert!(!ticked(&s, Key::PersonIdNumber));
    }

    #[test]
    fn a_childs_elements_need_consent_and_the_applicants_plain_ones_do_not() {
        let p = Profile::demo();
        let child = crate::core::role::RoleRef::parse("child[0]");
        assert!(review::sensitive_for(&p, Key::PersonName, child, TODAY));
        assert!(!review::sensitive_for(&p, Key::PersonName, None, TODAY));
        assert!(review::sensitive_for(
            &p,
            Key::PersonBankAccount,
            None,
            TODAY
        ));
        // An owner under 18 by birth date: every element of theirs.
        let mut young = Profile::new();
        young.persons[0].values.set(
            Key::PersonBirthDate,
            crate::core::profile::Data::Text("2012-01-01".into()),
            crate::core::profile::Source::SelfDeclared,
            "t",
        );
        assert!(review::sensitive_for(&young, Key::PersonName, None, TODAY));
    }

    #[test]
    fn each_fill_is_recorded_without_values_and_entries_can_be_deleted() {
        let mut s = AppState::new(Lang::ZhCn, TODAY);
        s.editor.replace_profile(Profile::demo());
        let labels = [
            "姓名",
            "公民身份号码",
            "手机号码",
            "性别",
            "出生日期",
            "民族",
            "户籍地址",
            "居住地址",
            "电子邮箱",
            "银行卡号",
            "工作单位",
            "配偶姓名",
            "配偶身份证号码",
        ];
        plan_form(&mut s, "甲表", &labels);
        // Every step ticked, the sensitive ones too.
        let all: Vec<FieldId> = s
            .review
            .plan
            .steps
            .iter()
            .map(|st| st.field.clone())
            .collect();
        for f in all {
            send(&mut s, ReviewAction::Select(f, true));
        }
        let planned = s.review.plan.steps.len();
        assert!(planned >= 8, "{planned}");
        let rev = s.vault.revision;
        fill_ticked(&mut s);
        assert!(
            s.vault.revision > rev,
            "the record is saved with the profile"
        );
        let entry = &s.profile().disclosures[0];
        assert_eq!(entry.count, planned);
        assert_eq!(entry.origin, "https://a.example");
        assert_eq!(entry.title, "甲表");
        assert_eq!(entry.time, "2026-11-21T08:00:00Z");
        assert!(
            entry
                .elements
                .iter()
                .any(|d| d.element == "person.id_number" && d.role.is_none())
        );
        // No value of the profile appears anywhere in the record or its export.
        let json = s.profile().to_json();
        let record = serde_json::to_string(&s.profile().disclosures).unwrap()
            + &crate::core::disclosure::export_json(&s.profile().disclosures);
        let mut values = Vec::new();
        for p in &s.profile().persons {
            for key in Key::all() {
                if let Some(t) = p.values.text(key) {
                    values.push(t.to_string());
                }
            }
        }
        let long: Vec<&String> = values.iter().filter(|v| v.chars().count() >= 3).collect();
        assert!(long.len() >= 8, "{}", long.len());
        for v in long {
            assert!(json.contains(v.as_str()), "the profile holds it");
            assert!(!record.contains(v.as_str()), "a value is in the record");
        }
        // A fill that wrote nothing adds nothing; delete one, then all.
        send(&mut s, Action::Filled(FillSummary::default()));
        assert_eq!(s.profile().disclosures.len(), 1);
        plan_form(&mut s, "乙表", &["姓名"]);
        fill_ticked(&mut s);
        assert_eq!(s.profile().disclosures.len(), 2);
        assert!(!send(&mut s, Action::DeleteDisclosures(Some(5))));
        assert!(send(&mut s, Action::DeleteDisclosures(Some(0))));
        assert_eq!(s.profile().disclosures.len(), 1);
        assert_eq!(s.profile().disclosures[0].title, "乙表");
        send(&mut s, Action::DeleteDisclosures(None));
        assert!(s.profile().disclosures.is_empty());
    }
}
