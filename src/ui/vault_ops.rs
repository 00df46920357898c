//! The vault's asynchronous work, started by the interface: opening storage, unlocking,
//! creating and re-keying, saving, backups and erasing. Each ends by sending an action.
//!
//! The storage handle lives here, in a [`StoreCell`] the widget keeps beside its state: the
//! state only says what was found.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::state::{Action, Handle, ImportAction, KeyHandle, VaultAction, VaultState, send};
use crate::core::i18n::{Lang, tr};
use crate::core::profile::Profile;
use crate::core::vault::{self, DEFAULT_PARAMS, OsRandom, RECORD_BACKUP, VaultError, VaultKey};
#[cfg(not(feature = "staff"))]
use crate::dom::storage::DB_NAME;
use crate::dom::storage::{StorageError, Store};
use crate::dom::timing;
use crate::dom::vault::{Over, SaveError, UnlockError};
use crate::ui::components::vault::Secret;
#[cfg(feature = "staff")]
use crate::ui::staff::VAULT_DB as DB_NAME;

/// The vault's storage, once opened.
pub type StoreCell = Rc<RefCell<Option<Store>>>;

thread_local! {
    /// Saves still writing: this instance is not discarded under them.
    static SAVES_RUNNING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// A save was due while another was writing: it is made once that one is done.
    static SAVE_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether every staff log entry is saved (none waits for a save, no save is writing): the
/// loader waits for it before it discards the instance.
#[cfg(feature = "staff")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn staff_idle() -> bool {
    !crate::ui::staff::log_pending() && SAVES_RUNNING.with(|n| n.get()) == 0
}

/// The event the loader (`oncefill.js`) answers by discarding this instance of the widget —
/// its memory wiped, with every value and key it ever held — and starting a new one on the
/// unlock screen. Its `detail` is `{ open, lang, autoLockMinutes }`: no personal data.
pub const DISCARD_EVENT: &str = "oncefill:locked";

/// After locking: once no save is writing, asks the loader to discard this instance. Where
/// no loader listens (tests, the benchmark page), the lock stays what the state made it.
pub fn discard_instance(open: bool, lang: Lang, auto_lock_minutes: u32) {
    spawn_local(async move {
        while SAVES_RUNNING.with(|n| n.get()) > 0 {
            TimeoutFuture::new(20).await;
        }
        let detail = js_sys::Object::new();
        for (name, value) in [
            ("open", wasm_bindgen::JsValue::from_bool(open)),
            ("lang", lang.tag().into()),
            ("autoLockMinutes", auto_lock_minutes.into()),
        ] {
            let _ = js_sys::Reflect::set(&detail, &name.into(), &value);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        if let (Some(document), Ok(event)) = (
            web_sys::window().and_then(|w| w.document()),
            web_sys::CustomEvent::new_with_event_init_dict(DISCARD_EVENT, &init),
        ) {
            let _ = document.dispatch_event(&event);
        }
    });
}

fn unlock_failed(handle: &Handle, message: String, counts: bool) {
    send(
        handle,
        VaultAction::UnlockFailed {
            message,
            counts,
            now_ms: js_sys::Date::now(),
        },
    );
}

fn message(handle: &Handle, id: &str) {
    let text = tr(handle.lang(), id, &[]);
    send(handle, VaultAction::Message(Some(text)));
}

/// Lets the browser paint (a "please wait") before a long computation.
async fn yield_to_paint() {
    TimeoutFuture::new(30).await;
}

fn storage_message(lang: Lang, e: &StorageError) -> String {
    tr(lang, e.message_id(), &[])
}

/// Looks for a vault, and opens its storage if there is one.
pub fn start(handle: Handle, cell: StoreCell) {
    spawn_local(async move {
        match Store::database_exists(DB_NAME).await {
            Ok(false) => {
                send(&handle, VaultAction::NoVaultYet);
                return;
            }
            Ok(true) => {}
            Err(_) => {
                send(&handle, VaultAction::StorageUnavailable);
                return;
            }
        }
        match Store::open(DB_NAME).await {
            Ok(store) => match crate::dom::vault::exists(&store).await {
                Ok(exists) => {
                    *cell.borrow_mut() = Some(store);
                    send(&handle, VaultAction::StorageReady(exists));
                }
                Err(_) => send(&handle, VaultAction::StorageUnavailable),
            },
            Err(_) => send(&handle, VaultAction::StorageUnavailable),
        }
    });
}

/// Unlocks with a passphrase.
pub fn unlock(handle: Handle, cell: StoreCell, passphrase: Secret) {
    let Some(store) = cell.borrow().clone() else {
        return;
    };
    let lang = handle.lang();
    send(&handle, VaultAction::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        timing::start("oncefill:unlock");
        let result = crate::dom::vault::unlock(&store, &passphrase).await;
        timing::end("oncefill:unlock");
        drop(passphrase);
        match result {
            Ok(u) => {
                // A clerk's editor starts empty: the stored profile is kept apart.
                #[cfg(feature = "staff")]
                let profile = crate::ui::staff::keep_stored(u.profile);
                #[cfg(not(feature = "staff"))]
                let profile = u.profile;
                send(
                    &handle,
                    Action::Unlocked {
                        key: KeyHandle(Rc::new(u.key)),
                        profile,
                        generation: u.generation,
                        note: u.fell_back_from.map(|_| tr(lang, "fell-back", &[])),
                    },
                );
                // Asked again on each unlock: a browser may agree later (the person told once).
                ask_to_persist(&handle, &cell).await;
            }
            Err(UnlockError::Vault(VaultError::WrongPassphrase)) => unlock_failed(
                &handle,
                VaultError::WrongPassphrase.unlock_message(lang),
                true,
            ),
            Err(UnlockError::Vault(e)) => unlock_failed(&handle, e.unlock_message(lang), false),
            Err(UnlockError::Storage(e)) => {
                unlock_failed(&handle, storage_message(lang, &e), false)
            }
            Err(UnlockError::NoVault) => send(&handle, VaultAction::StorageReady(false)),
        }
    });
}

/// Creates a vault key (a new vault, or a new passphrase for the open one). For a change,
/// `current` must be the passphrase in force.
pub fn set_passphrase(handle: Handle, cell: StoreCell, current: Option<Secret>, new: Secret) {
    let lang = handle.lang();
    let old_key = handle.vault.key.clone();
    send(&handle, VaultAction::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        if let (Some(current), Some(old)) = (current, old_key) {
            // The passphrase in force must be known to change it.
            let store = cell.borrow().clone();
            let ok = match store {
                Some(store) => crate::dom::vault::unlock(&store, &current).await.is_ok(),
                None => false,
            };
            drop(old);
            if !ok {
                unlock_failed(
                    &handle,
                    VaultError::WrongPassphrase.unlock_message(lang),
                    true,
                );
                return;
            }
        }
        if cell.borrow().is_none() {
            match Store::open(DB_NAME).await {
                Ok(store) => *cell.borrow_mut() = Some(store),
                Err(e) => {
                    unlock_failed(&handle, storage_message(lang, &e), false);
                    return;
                }
            }
        }
        let created = handle.vault.key.is_none();
        match VaultKey::create(&new, DEFAULT_PARAMS, &mut OsRandom) {
            Ok(key) => send(&handle, VaultAction::KeySet(KeyHandle(Rc::new(key)))),
            Err(e) => return unlock_failed(&handle, e.message(lang), false),
        }
        drop(new);
        if created {
            ask_to_persist(&handle, &cell).await;
        }
    });
}

/// The channel on which the pages of this site tell each other that the vault was saved (and
/// which generation), locked, or given a new passphrase. A message is the event and the
/// generation number, nothing else: `saved 7`, `locked`, `rekeyed 8`.
#[cfg(not(feature = "staff"))]
pub const TABS_CHANNEL: &str = "oncefill-vault";
#[cfg(feature = "staff")]
pub use crate::ui::staff::TABS_CHANNEL;

/// What another page said on [`TABS_CHANNEL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabEvent {
    /// It saved this generation.
    Saved(u32),
    /// It locked the vault.
    Locked,
    /// It changed the passphrase; this generation is the first under the new one.
    Rekeyed(u32),
}

impl TabEvent {
    fn text(self) -> String {
        match self {
            TabEvent::Saved(g) => format!("saved {g}"),
            TabEvent::Locked => "locked".into(),
            TabEvent::Rekeyed(g) => format!("rekeyed {g}"),
        }
    }

    /// Reads a message; anything else is ignored.
    pub fn parse(text: &str) -> Option<TabEvent> {
        let (event, generation) = text.split_once(' ').unwrap_or((text, ""));
        match (event, generation.parse::<u32>().ok()) {
            ("saved", Some(g)) => Some(TabEvent::Saved(g)),
            ("rekeyed", Some(g)) => Some(TabEvent::Rekeyed(g)),
            ("locked", None) => Some(TabEvent::Locked),
            _ => None,
        }
    }
}

thread_local! {
    /// This instance's end of [`TABS_CHANNEL`]: one object sends and listens, because a
    /// channel object never receives its own messages (another object in the same page would).
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// This instance's end of [`TABS_CHANNEL`], opened on first use.
pub fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL.with(|c| {
        if c.borrow().is_none() {
            *c.borrow_mut() = web_sys::BroadcastChannel::new(TABS_CHANNEL).ok();
        }
        c.borrow().clone()
    })
}

/// Closes this instance's end of the channel.
pub fn close_channel() {
    if let Some(c) = CHANNEL.with(|c| c.borrow_mut().take()) {
        c.close();
    }
}

/// Locks the vault and discards this instance ([`discard_instance`]); `tell`: the person
/// locked it here (or was idle), so the other pages lock too.
pub fn lock(handle: &Handle, tell: bool) {
    if handle.vault.vault != VaultState::Unlocked {
        return;
    }
    send(handle, Action::Lock);
    if tell {
        tell_tabs(TabEvent::Locked);
    }
    discard_instance(
        handle.panel.open,
        handle.lang(),
        handle.vault.auto_lock_minutes,
    );
}

/// Tells the other pages of this site.
pub fn tell_tabs(event: TabEvent) {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&event.text().into());
    }
}

/// Another page saved generation `generation`: reads it (and, to join unsaved edits, the one
/// this page started from) with this page's key and hands them to the state.
pub fn take_newer(handle: &Handle, cell: &StoreCell, generation: u32) {
    // Another clerk's tab saved: nothing of it goes into this session's editor.
    if cfg!(feature = "staff") {
        return;
    }
    let (Some(store), Some(key)) = (cell.borrow().clone(), handle.vault.key.clone()) else {
        return;
    };
    let base = handle.vault.generation;
    let handle = handle.clone();
    spawn_local(async move {
        let theirs = crate::dom::vault::load(&store, &key.0, generation).await;
        let base = match base {
            Some(b) => crate::dom::vault::load(&store, &key.0, b).await.ok(),
            None => None,
        };
        match theirs {
            Ok(theirs) => send(
                &handle,
                Action::Newer {
                    generation,
                    theirs,
                    base,
                },
            ),
            // Sealed under another key: the passphrase was changed elsewhere.
            Err(_) => lock(&handle, false),
        }
    });
}

/// The note kept once the person was told that the browser may clear the vault.
const PERSIST_TOLD: &str = "persist-told";

/// A new or opened vault: asks the browser to keep it. If it will not, the person is told — once: the
/// vault remembers that they were.
async fn ask_to_persist(handle: &Handle, cell: &StoreCell) {
    if Store::persist().await {
        return;
    }
    let Some(store) = cell.borrow().clone() else {
        return;
    };
    // The note is added only if it is not there yet: told once.
    if store.note_once(PERSIST_TOLD).await.is_ok() {
        send(handle, VaultAction::PersistRefused(true));
    }
}

/// Saves the profile if it changed since the last save, over the generation this page read
/// or saved last; when another page saved since, its save is read and joined instead.
///
/// One save writes at a time. Each is made over the generation the one before wrote: two at
/// once would both be made over the same one, and the second, finding the first's, would
/// read it as another page's save and be dropped, the values typed last left unsaved. A save
/// due while another writes is made when that one is done.
pub fn save_if_needed(handle: &Handle, cell: &StoreCell) {
    if !handle.vault.save_due() {
        return;
    }
    if SAVES_RUNNING.with(|n| n.get()) > 0 {
        SAVE_ASKED.with(|asked| asked.set(true));
        return;
    }
    let (Some(store), Some(key)) = (cell.borrow().clone(), handle.vault.key.clone()) else {
        return;
    };
    let revision = handle.vault.revision;
    // A clerk's vault stores the clerk's profile and log, never the citizen's in the editor.
    #[cfg(feature = "staff")]
    let profile = crate::ui::staff::stored();
    #[cfg(not(feature = "staff"))]
    let profile = handle.profile().clone();
    let (over, rekey) = (
        Over::Generation(handle.vault.generation),
        handle.vault.rekey,
    );
    let (handle, cell) = (handle.clone(), cell.clone());
    send(&handle, VaultAction::Saving);
    SAVES_RUNNING.with(|n| n.set(n.get() + 1));
    spawn_local(async move {
        timing::start("oncefill:save");
        let result =
            crate::dom::vault::save_over(&store, &key.0, &profile, over, rekey, None).await;
        timing::end("oncefill:save");
        SAVES_RUNNING.with(|n| n.set(n.get().saturating_sub(1)));
        match result {
            Ok(g) => tell_tabs(if rekey {
                TabEvent::Rekeyed(g)
            } else {
                TabEvent::Saved(g)
            }),
            Err(SaveError::Newer(Some(g))) => {
                // Nothing was written; what the other page saved is joined, then saved.
                send(&handle, VaultAction::Saving);
                take_newer(&handle, &cell, g);
                save_asked_meanwhile(&handle);
                return;
            }
            Err(_) => {}
        }
        let result = result.map_err(|e| match e {
            SaveError::Storage(StorageError::Quota) => "storage-quota",
            SaveError::Storage(StorageError::Unavailable(_)) => "storage-unavailable",
            _ => "storage-failed",
        });
        let at = super::state::clock().time_of_day;
        send(
            &handle,
            VaultAction::SaveDone {
                revision,
                result,
                at,
            },
        );
        save_asked_meanwhile(&handle);
    });
}

/// After a save: the save that was due while it wrote, now (over the state as it is then).
fn save_asked_meanwhile(handle: &Handle) {
    if SAVE_ASKED.with(|asked| asked.replace(false)) {
        send(handle, VaultAction::StoreAgain);
    }
}

/// Offers the profile as an encrypted `.oncefill` file, sealed with the vault's key.
pub fn export(handle: &Handle) {
    // A clerk's editor holds a citizen's data: it never goes into a file.
    if cfg!(feature = "staff") {
        return;
    }
    let Some(key) = handle.vault.key.clone() else {
        return;
    };
    let Ok(bytes) = vault::seal_profile(&key.0, RECORD_BACKUP, handle.profile(), &mut OsRandom)
    else {
        message(handle, "export-failed");
        return;
    };
    let name = format!(
        "oncefill-{}.oncefill",
        handle.today().to_string().replace('-', "")
    );
    if download(&name, &bytes).is_err() {
        message(handle, "export-failed");
    } else {
        message(handle, "exported");
    }
}

/// Offers the corrections learned in review as mapping files for the portals' maintainers.
/// They hold no personal data: field handles and dictionary keys only.
pub fn export_mappings(handle: &Handle) {
    let json = crate::core::classify::learn::export(&handle.profile().learned);
    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
    let id = if download("oncefill-mappings.json", text.as_bytes()).is_ok() {
        "exported-mappings"
    } else {
        "export-failed"
    };
    message(handle, id);
}

/// Downloads the disclosure record as JSON (element names, never values). Whether it worked.
pub fn export_disclosures(entries: &[crate::core::disclosure::Entry]) -> bool {
    let text = crate::core::disclosure::export_json(entries);
    download("oncefill-disclosures.json", text.as_bytes()).is_ok()
}

fn download(name: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a chosen backup file.
pub fn read_import(handle: Handle, file: web_sys::File) {
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                send(&handle, ImportAction::File(name, bytes));
            }
            Err(_) => message(&handle, "import-read-failed"),
        }
    });
}

/// Opens the chosen backup with its passphrase. Nothing on this device changes.
pub fn open_import(handle: Handle, passphrase: Secret) {
    let Some(import) = handle.import.clone() else {
        return;
    };
    let lang = handle.lang();
    send(&handle, VaultAction::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        let result: Result<Profile, String> = vault::open_profile(&passphrase, &import.bytes)
            .map(|(_, p)| p)
            .map_err(|e| e.message(lang));
        send(&handle, ImportAction::Opened(result));
    });
}

/// Removes every byte OnceFill stored on this device.
pub fn erase(handle: Handle, cell: StoreCell) {
    let lang = handle.lang();
    if let Some(store) = cell.borrow().clone() {
        store.close();
    }
    spawn_local(async move {
        match Store::erase(DB_NAME).await {
            Ok(()) => {
                *cell.borrow_mut() = None;
                send(&handle, Action::Erased);
            }
            Err(StorageError::Failed(e)) if e == "blocked" => message(&handle, "erase-blocked"),
            Err(e) => send(
                &handle,
                VaultAction::Message(Some(storage_message(lang, &e))),
            ),
        }
    });
}
