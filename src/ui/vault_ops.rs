//! The vault's asynchronous work, started by the interface: opening storage, unlocking,
//! creating and re-keying, saving, backups and erasing. Each ends by sending an [`Action`].

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use yew::UseReducerHandle;

use super::state::{Action, KeyHandle, State, VaultState};
use crate::core::i18n::{Lang, tr};
use crate::core::profile::Profile;
use crate::core::vault::{self, DEFAULT_PARAMS, OsRandom, RECORD_BACKUP, VaultError, VaultKey};
use crate::dom::storage::{DB_NAME, StorageError, Store};
use crate::dom::timing;
use crate::dom::vault::{SaveError, UnlockError};

type Handle = UseReducerHandle<State>;

/// Lets the browser paint (a "please wait") before a long computation.
async fn yield_to_paint() {
    TimeoutFuture::new(30).await;
}

fn storage_message(lang: Lang, e: &StorageError) -> String {
    tr(lang, e.message_id(), &[])
}

/// Looks for a vault, and opens its storage if there is one.
pub fn start(handle: Handle) {
    spawn_local(async move {
        match Store::database_exists(DB_NAME).await {
            Ok(false) => {
                handle.dispatch(Action::NoVaultYet);
                return;
            }
            Ok(true) => {}
            Err(_) => {
                handle.dispatch(Action::StorageUnavailable);
                return;
            }
        }
        match Store::open(DB_NAME).await {
            Ok(store) => match crate::dom::vault::exists(&store).await {
                Ok(exists) => handle.dispatch(Action::StorageReady(store, exists)),
                Err(_) => handle.dispatch(Action::StorageUnavailable),
            },
            Err(_) => handle.dispatch(Action::StorageUnavailable),
        }
    });
}

/// Unlocks with a passphrase.
pub fn unlock(handle: Handle, passphrase: String) {
    let Some(store) = handle.store.clone() else {
        return;
    };
    let lang = handle.lang;
    handle.dispatch(Action::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        timing::start("oncefill:unlock");
        let result = crate::dom::vault::unlock(&store, &passphrase).await;
        timing::end("oncefill:unlock");
        drop(passphrase);
        match result {
            Ok(u) => handle.dispatch(Action::Unlocked {
                key: KeyHandle(Rc::new(u.key)),
                profile: u.profile,
                generation: u.generation,
                note: u.fell_back_from.map(|_| tr(lang, "fell-back", &[])),
            }),
            Err(UnlockError::Vault(VaultError::WrongPassphrase)) => handle.dispatch(
                Action::UnlockFailed(VaultError::WrongPassphrase.message(lang), true),
            ),
            Err(UnlockError::Vault(e)) => {
                handle.dispatch(Action::UnlockFailed(e.message(lang), false))
            }
            Err(UnlockError::Storage(e)) => {
                handle.dispatch(Action::UnlockFailed(storage_message(lang, &e), false))
            }
            Err(UnlockError::NoVault) => handle.dispatch(Action::StorageReady(store, false)),
        }
    });
}

/// Creates a vault key (a new vault, or a new passphrase for the open one). For a change,
/// `current` must be the passphrase in force.
pub fn set_passphrase(handle: Handle, current: Option<String>, new: String) {
    let lang = handle.lang;
    let old_key = handle.key.clone();
    handle.dispatch(Action::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        if let (Some(current), Some(old)) = (current, old_key) {
            // The passphrase in force must be known to change it.
            let store = handle.store.clone();
            let ok = match store {
                Some(store) => crate::dom::vault::unlock(&store, &current).await.is_ok(),
                None => false,
            };
            drop(old);
            if !ok {
                handle.dispatch(Action::UnlockFailed(
                    VaultError::WrongPassphrase.message(lang),
                    true,
                ));
                return;
            }
        }
        if handle.store.is_none() {
            match Store::open(DB_NAME).await {
                Ok(store) => handle.dispatch(Action::StoreOpened(store)),
                Err(e) => {
                    handle.dispatch(Action::UnlockFailed(storage_message(lang, &e), false));
                    return;
                }
            }
        }
        match VaultKey::create(&new, DEFAULT_PARAMS, &mut OsRandom) {
            Ok(key) => handle.dispatch(Action::KeySet(KeyHandle(Rc::new(key)))),
            Err(e) => handle.dispatch(Action::UnlockFailed(e.message(lang), false)),
        }
    });
}

/// Saves the profile if it changed since the last save.
pub fn save_if_needed(handle: &Handle) {
    if handle.vault != VaultState::Unlocked || handle.revision <= handle.saved_revision {
        return;
    }
    let (Some(store), Some(key)) = (handle.store.clone(), handle.key.clone()) else {
        return;
    };
    let revision = handle.revision;
    let profile = handle.profile.clone();
    let handle = handle.clone();
    handle.dispatch(Action::Saving);
    spawn_local(async move {
        timing::start("oncefill:save");
        let result = crate::dom::vault::save(&store, &key.0, &profile, None).await;
        timing::end("oncefill:save");
        let result = result.map_err(|e| match e {
            SaveError::Storage(StorageError::Quota) => "storage-quota",
            SaveError::Storage(StorageError::Unavailable(_)) => "storage-unavailable",
            _ => "storage-failed",
        });
        handle.dispatch(Action::SaveDone(revision, result));
    });
}

/// Offers the profile as an encrypted `.oncefill` file, sealed with the vault's key.
pub fn export(handle: &Handle) {
    let Some(key) = handle.key.clone() else {
        return;
    };
    let lang = handle.lang;
    let Ok(bytes) = vault::seal_profile(&key.0, RECORD_BACKUP, &handle.profile, &mut OsRandom)
    else {
        handle.dispatch(Action::VaultMessage(Some(tr(lang, "export-failed", &[]))));
        return;
    };
    let name = format!(
        "oncefill-{}.oncefill",
        handle.today.to_string().replace('-', "")
    );
    if download(&name, &bytes).is_err() {
        handle.dispatch(Action::VaultMessage(Some(tr(lang, "export-failed", &[]))));
    } else {
        handle.dispatch(Action::VaultMessage(Some(tr(lang, "exported", &[]))));
    }
}

/// Offers the corrections learned in review as mapping files for the portals' maintainers.
/// They hold no personal data: field handles and dictionary keys only.
pub fn export_mappings(handle: &Handle) {
    let lang = handle.lang;
    let json = crate::core::classify::learn::export(&handle.profile.learned);
    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
    let message = if download("oncefill-mappings.json", text.as_bytes()).is_ok() {
        "exported-mappings"
    } else {
        "export-failed"
    };
    handle.dispatch(Action::VaultMessage(Some(tr(lang, message, &[]))));
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
    let lang = handle.lang;
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                handle.dispatch(Action::ImportFile(name, bytes));
            }
            Err(_) => handle.dispatch(Action::VaultMessage(Some(tr(
                lang,
                "import-read-failed",
                &[],
            )))),
        }
    });
}

/// Opens the chosen backup with its passphrase. Nothing on this device changes.
pub fn open_import(handle: Handle, passphrase: String) {
    let Some(import) = handle.import.clone() else {
        return;
    };
    let lang = handle.lang;
    handle.dispatch(Action::Busy(true));
    spawn_local(async move {
        yield_to_paint().await;
        let result: Result<Profile, String> = vault::open_profile(&passphrase, &import.bytes)
            .map(|(_, p)| p)
            .map_err(|e| e.message(lang));
        handle.dispatch(Action::ImportOpened(result));
    });
}

/// Removes every byte OnceFill stored on this device.
pub fn erase(handle: Handle) {
    let lang = handle.lang;
    if let Some(store) = handle.store.clone() {
        store.close();
    }
    spawn_local(async move {
        match Store::erase(DB_NAME).await {
            Ok(()) => handle.dispatch(Action::Erased),
            Err(StorageError::Failed(e)) if e == "blocked" => {
                handle.dispatch(Action::VaultMessage(Some(tr(lang, "erase-blocked", &[]))))
            }
            Err(e) => handle.dispatch(Action::VaultMessage(Some(storage_message(lang, &e)))),
        }
    });
}
