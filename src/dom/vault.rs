//! The vault on this device: unlocking and atomic saving over [`Store`], with the core's
//! envelope. See [`crate::dom::storage`] for the layout.

use crate::core::profile::Profile;
use crate::core::vault::{self, OsRandom, RECORD_VAULT, VaultError, VaultKey};
use crate::dom::storage::{SAVE_LOCK, StorageError, Store, Switch, exclusive};

/// Why unlocking failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// No vault was ever saved here.
    NoVault,
    /// Storage failed.
    Storage(StorageError),
    /// The envelope did not open (wrong passphrase, damage).
    Vault(VaultError),
}

/// Why saving failed. The generation in force is untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage failed (quota, blocked).
    Storage(StorageError),
    /// Sealing failed.
    Vault(VaultError),
    /// The written generation did not read back as written.
    Verify,
    /// A test stopped the save on purpose.
    Injected(Fault),
    /// Another tab saved since this one read the vault: that generation (now in force) was
    /// not written over, and this save's profile was not stored.
    Newer(Option<u32>),
}

/// What a save may replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// Whatever generation is in force (one page alone: tests, the benchmark).
    Current,
    /// Only this generation, the one the page read or last saved (`None`: no vault yet).
    Generation(Option<u32>),
}

/// Points at which a test may stop a save, as a closed tab would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// After the new generation is written, before it is checked.
    AfterWrite,
    /// After it is checked, before the pointer switches.
    AfterVerify,
}

/// An opened vault.
pub struct Unlocked {
    /// The key, kept to save without asking for the passphrase again.
    pub key: VaultKey,
    /// The profile.
    pub profile: Profile,
    /// The generation it came from.
    pub generation: u32,
    /// Set when the newest generation was damaged and an older one was opened instead.
    pub fell_back_from: Option<u32>,
}

/// Whether a vault was saved here.
pub async fn exists(store: &Store) -> Result<bool, StorageError> {
    Ok(store.current().await?.is_some())
}

/// Opens the vault with a passphrase. A wrong passphrase stops at once (an older generation
/// sealed with a former passphrase is never opened in its place); a damaged newest generation
/// falls back to the newest older one that opens, and says so.
pub async fn unlock(store: &Store, passphrase: &str) -> Result<Unlocked, UnlockError> {
    let current = store
        .current()
        .await
        .map_err(UnlockError::Storage)?
        .ok_or(UnlockError::NoVault)?;
    let mut numbers = store
        .generation_numbers()
        .await
        .map_err(UnlockError::Storage)?;
    numbers.retain(|g| *g <= current);
    crate::core::order::sort_by(&mut numbers, |a, b| b.cmp(a));
    let mut first_error = None;
    for g in numbers {
        let Some(bytes) = store.generation(g).await.map_err(UnlockError::Storage)? else {
            continue;
        };
        match vault::open_profile(passphrase, &bytes) {
            Ok((key, profile)) => {
                return Ok(Unlocked {
                    key,
                    profile,
                    generation: g,
                    fell_back_from: (g != current).then_some(current),
                });
            }
            Err(VaultError::WrongPassphrase) if g == current => {
                return Err(UnlockError::Vault(VaultError::WrongPassphrase));
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(UnlockError::Vault(
        first_error.unwrap_or(VaultError::Tampered),
    ))
}

/// Saves `profile` as a new generation over the one in force, whatever it is. See [`save_over`].
pub async fn save(
    store: &Store,
    key: &VaultKey,
    profile: &Profile,
    fault: Option<Fault>,
) -> Result<u32, SaveError> {
    save_over(store, key, profile, Over::Current, false, fault).await
}

/// Saves `profile` as a new generation, holding the save lock so that tabs take turns: if the
/// generation in force is not what `over` allows, nothing is written
/// ([`SaveError::Newer`]); else write, read back and check, then switch `current` to it (the
/// switch refuses too if another tab got in first). The previous generation is kept for a
/// damaged newest one — unless `rekey`: a new passphrase, when every other generation, sealed
/// under the old one, is deleted in the same transaction. Returns the new generation. `fault`
/// is for tests.
pub async fn save_over(
    store: &Store,
    key: &VaultKey,
    profile: &Profile,
    over: Over,
    rekey: bool,
    fault: Option<Fault>,
) -> Result<u32, SaveError> {
    exclusive(SAVE_LOCK, async {
        let current = store.current().await.map_err(SaveError::Storage)?;
        if let Over::Generation(base) = over
            && base != current
        {
            return Err(SaveError::Newer(current));
        }
        let next = store
            .generation_numbers()
            .await
            .map_err(SaveError::Storage)?
            .last()
            .copied()
            .max(current)
            .map_or(1, |n| n + 1);
        let bytes = vault::seal_profile(key, RECORD_VAULT, profile, &mut OsRandom)
            .map_err(SaveError::Vault)?;
        store
            .put_generation(next, &bytes)
            .await
            .map_err(SaveError::Storage)?;
        if fault == Some(Fault::AfterWrite) {
            return Err(SaveError::Injected(Fault::AfterWrite));
        }
        if load(store, key, next).await.ok().as_ref() != Some(profile) {
            return Err(SaveError::Verify);
        }
        if fault == Some(Fault::AfterVerify) {
            return Err(SaveError::Injected(Fault::AfterVerify));
        }
        let keep = if rekey { None } else { current };
        match store
            .switch_to(next, current, keep)
            .await
            .map_err(SaveError::Storage)?
        {
            Switch::Done => Ok(next),
            Switch::Newer(now) => Err(SaveError::Newer(now)),
        }
    })
    .await
}

/// Reads generation `n` with the key already open (another tab saved it).
pub async fn load(store: &Store, key: &VaultKey, n: u32) -> Result<Profile, UnlockError> {
    let bytes = store
        .generation(n)
        .await
        .map_err(UnlockError::Storage)?
        .ok_or(UnlockError::NoVault)?;
    let plaintext = vault::open_with_key(key, &bytes).map_err(UnlockError::Vault)?;
    vault::profile_of(&plaintext).map_err(UnlockError::Vault)
}
