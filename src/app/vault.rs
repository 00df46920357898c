//! The vault session: where the profile is kept, the open vault's key, how saving goes,
//! unlock attempts and the auto-lock delay. The storage handle itself stays with the
//! browser code that does the storing; this state only says what it found.

use std::rc::Rc;

use crate::core::profile::Profile;
use crate::core::vault::VaultKey;

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
    /// Just unlocked: what was read is what is stored (nothing to say beyond where it is kept).
    Opened,
    /// Failed: the message id; the copy before stays in force.
    Failed(&'static str),
}

/// The vault session's state.
#[derive(Clone, PartialEq)]
pub struct VaultSession {
    /// Where the profile is kept.
    pub vault: VaultState,
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
    pub message: Option<String>,
    /// A long operation (key derivation) is running.
    pub busy: bool,
    /// Minutes of inactivity before the vault locks itself.
    pub auto_lock_minutes: u32,
    /// Erasing everything awaits confirmation.
    pub confirm_erase: bool,
    /// Everything stored was just erased: the editor says so until another screen is shown.
    pub erased: bool,
    /// The stored generation this page read or last saved: a save replaces only that one.
    pub generation: Option<u32>,
    /// A new key waits for its first save, which deletes every generation sealed under the
    /// key before; the passphrase screen waits for it.
    pub rekey: bool,
    /// Another page saved this generation with edits that clash with this page's unsaved
    /// ones: nothing more is saved until the person chooses.
    pub clash: Option<(u32, Rc<Profile>)>,
    /// The browser would not promise to keep the vault (it may clear it under storage
    /// pressure): the person is told, once, and offered a backup.
    pub persist_refused: bool,
    /// The person chose to keep the profile in this page's memory only, for now (asked on the
    /// first save without a vault).
    pub memory_only: bool,
}

/// What changes the vault session. Times come in with the actions that need them.
#[derive(Clone, PartialEq)]
pub enum VaultAction {
    /// Storage opened: whether a vault exists.
    StorageReady(bool),
    /// Storage is not available: memory only.
    StorageUnavailable,
    /// No vault on this device (and no database was created to find out).
    NoVaultYet,
    /// A long operation starts or ends.
    Busy(bool),
    /// What is stored changed outside the profile (the window-staff mode's operations log):
    /// a new revision to save.
    StoreAgain,
    /// A wrong passphrase (`true`: it counts towards the wait) or another failure, with its
    /// message; `now_ms` is when it happened.
    UnlockFailed {
        /// The message, in the interface language.
        message: String,
        /// A wrong passphrase, which counts towards the wait.
        counts: bool,
        /// When (ms since the epoch).
        now_ms: f64,
    },
    /// A vault was created, or its passphrase changed: the new key.
    KeySet(KeyHandle),
    /// A save started.
    Saving,
    /// A save finished: the revision it saved, or the failure's message id; `at` is the local
    /// time (HH:MM).
    SaveDone {
        /// The revision saved.
        revision: u64,
        /// The generation written, or the failure's message id.
        result: Result<u32, &'static str>,
        /// The local time (HH:MM).
        at: String,
    },
    /// Set the auto-lock delay in minutes.
    SetAutoLock(u32),
    /// Ask to erase everything.
    AskErase,
    /// A message on a vault screen.
    Message(Option<String>),
    /// The browser would not promise to keep the vault (`true`), or the person closed that
    /// notice (`false`).
    PersistRefused(bool),
    /// The person chose to keep the profile in this page's memory only (nothing is stored;
    /// it is gone when the page closes).
    MemoryOnly,
}

impl Default for VaultSession {
    fn default() -> Self {
        VaultSession {
            vault: VaultState::Checking,
            key: None,
            revision: 0,
            saved_revision: 0,
            save_status: SaveStatus::Idle,
            failures: 0,
            wait_until: 0.0,
            message: None,
            busy: false,
            auto_lock_minutes: 10,
            confirm_erase: false,
            erased: false,
            generation: None,
            rekey: false,
            clash: None,
            persist_refused: false,
            memory_only: false,
        }
    }
}

impl VaultSession {
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

    /// A save is due: the vault is open, the profile changed since the last save, and no
    /// clash with another page awaits the person's choice.
    pub fn save_due(&self) -> bool {
        self.vault == VaultState::Unlocked
            && self.revision > self.saved_revision
            && self.clash.is_none()
    }

    /// The vault opened with key `key`; generation `generation` was read.
    pub fn unlocked(&mut self, key: KeyHandle, generation: u32, note: Option<String>) {
        self.key = Some(key);
        self.vault = VaultState::Unlocked;
        self.failures = 0;
        self.busy = false;
        self.message = note;
        // What was just read is what is stored.
        self.save_status = SaveStatus::Opened;
        self.generation = Some(generation);
        self.saved_revision = self.revision + 1;
        self.revision += 1;
    }

    /// Applies an action.
    pub fn reduce(&mut self, action: VaultAction) {
        match action {
            VaultAction::StorageReady(exists) => {
                self.vault = if exists {
                    VaultState::Locked
                } else {
                    VaultState::Absent
                };
            }
            VaultAction::StorageUnavailable => self.vault = VaultState::Unavailable,
            VaultAction::NoVaultYet => self.vault = VaultState::Absent,
            VaultAction::Busy(on) => self.busy = on,
            VaultAction::UnlockFailed {
                message,
                counts,
                now_ms,
            } => {
                self.busy = false;
                if counts {
                    self.failures += 1;
                    // No wait at all (not one of 0 s, which a clock read a moment earlier
                    // would show as 1 s) until a few wrong tries in a row.
                    let delay = crate::core::vault::retry_delay_ms(self.failures);
                    self.wait_until = if delay == 0 {
                        0.0
                    } else {
                        now_ms + f64::from(delay)
                    };
                }
                self.message = Some(message);
            }
            VaultAction::KeySet(key) => {
                self.key = Some(key);
                self.vault = VaultState::Unlocked;
                // Busy until the first save under the new key has deleted the old ones.
                self.rekey = true;
                self.message = None;
                // Force a save with the new key.
                self.revision += 1;
            }
            VaultAction::StoreAgain => self.revision += 1,
            VaultAction::Saving => self.save_status = SaveStatus::Saving,
            VaultAction::SaveDone {
                revision,
                result,
                at,
            } => match result {
                Ok(generation) => {
                    self.saved_revision = self.saved_revision.max(revision);
                    self.save_status = SaveStatus::Saved(at);
                    self.generation = Some(generation);
                    if self.rekey {
                        self.rekey = false;
                        self.busy = false;
                    }
                }
                Err(id) => {
                    self.save_status = SaveStatus::Failed(id);
                    if self.rekey {
                        self.busy = false;
                    }
                }
            },
            VaultAction::SetAutoLock(minutes) => self.auto_lock_minutes = minutes.clamp(1, 240),
            VaultAction::AskErase => self.confirm_erase = true,
            VaultAction::Message(m) => self.message = m,
            VaultAction::PersistRefused(on) => self.persist_refused = on,
            VaultAction::MemoryOnly => {
                self.memory_only = true;
                self.message = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_passphrases_make_the_next_attempt_wait() {
        let mut v = VaultSession::default();
        v.reduce(VaultAction::StorageReady(true));
        assert_eq!(v.vault, VaultState::Locked);
        assert!(!v.profile_open());
        v.reduce(VaultAction::Busy(true));
        v.reduce(VaultAction::UnlockFailed {
            message: "wrong".into(),
            counts: true,
            now_ms: 1_000.0,
        });
        assert!(!v.busy);
        assert_eq!(v.failures, 1);
        assert_eq!(
            v.wait_until, 0.0,
            "one wrong try: no wait, no word of many tries"
        );
        let before = v.wait_until;
        v.reduce(VaultAction::UnlockFailed {
            message: "storage".into(),
            counts: false,
            now_ms: 5_000.0,
        });
        assert_eq!(v.failures, 1, "another failure does not count");
        assert_eq!(v.wait_until, before);
        assert_eq!(v.message.as_deref(), Some("storage"));
        for (now_ms, waits) in [(6_000.0, false), (7_000.0, true), (8_000.0, true)] {
            v.reduce(VaultAction::UnlockFailed {
                message: "wrong".into(),
                counts: true,
                now_ms,
            });
            assert_eq!(v.wait_until > now_ms, waits, "after {} tries", v.failures);
        }
        assert_eq!(v.failures, 4);
    }

    #[test]
    fn a_save_catches_up_with_the_revision_it_saved() {
        let mut v = VaultSession::default();
        v.reduce(VaultAction::StorageReady(false));
        assert_eq!(v.vault, VaultState::Absent);
        assert!(v.profile_open());
        v.revision = 3;
        assert!(!v.save_due(), "no vault, no save");
        v.vault = VaultState::Unlocked;
        assert!(v.save_due());
        v.reduce(VaultAction::Saving);
        assert_eq!(v.save_status, SaveStatus::Saving);
        v.reduce(VaultAction::SaveDone {
            revision: 2,
            result: Ok(7),
            at: "09:15".into(),
        });
        assert_eq!(v.saved_revision, 2);
        assert_eq!(v.save_status, SaveStatus::Saved("09:15".into()));
        assert!(v.save_due());
        v.reduce(VaultAction::SaveDone {
            revision: 3,
            result: Err("storage-quota"),
            at: "09:16".into(),
        });
        assert_eq!(v.save_status, SaveStatus::Failed("storage-quota"));
        assert_eq!(v.saved_revision, 2, "a failed save saved nothing");
    }

    #[test]
    fn auto_lock_is_kept_within_bounds_and_erase_asks_first() {
        let mut v = VaultSession::default();
        v.reduce(VaultAction::SetAutoLock(0));
        assert_eq!(v.auto_lock_minutes, 1);
        v.reduce(VaultAction::SetAutoLock(1000));
        assert_eq!(v.auto_lock_minutes, 240);
        v.reduce(VaultAction::AskErase);
        assert!(v.confirm_erase);
        v.reduce(VaultAction::StorageUnavailable);
        assert_eq!(v.vault, VaultState::Unavailable);
        v.reduce(VaultAction::NoVaultYet);
        assert_eq!(v.vault, VaultState::Absent);
        v.reduce(VaultAction::Message(Some("m".into())));
        assert_eq!(v.message.as_deref(), Some("m"));
        v.reduce(VaultAction::PersistRefused(true));
        assert!(v.persist_refused);
        v.reduce(VaultAction::PersistRefused(false));
        assert!(!v.persist_refused);
    }
}
