//! Byte storage for the sealed vault in IndexedDB, in OnceFill's origin.
//!
//! Two object stores in the database `oncefill`: `generations` (generation number → sealed
//! envelope bytes) and `meta` (`current` → the generation in force). A save writes the next
//! generation, reads it back and checks that it opens with the key, and only then switches
//! `current` and drops generations older than the previous one — in a separate transaction,
//! which first reads `current` again and refuses to switch if another tab put a newer
//! generation in force meanwhile. A page closed or an error at any point leaves `current` on a
//! generation that opens. Tabs of one browser take turns to save under the Web Lock
//! [`SAVE_LOCK`] ([`exclusive`]). No crypto here: [`crate::core::vault`] seals and opens.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The database of the vault.
pub const DB_NAME: &str = "oncefill";
const DB_VERSION: u32 = 1;
const GENERATIONS: &str = "generations";
const META: &str = "meta";
const CURRENT: &str = "current";
/// The Web Lock every tab holds while it saves.
pub const SAVE_LOCK: &str = "oncefill-save";
/// How long a deletion may stay blocked before another tab is blamed.
const BLOCKED_GRACE_MS: i32 = 3000;

/// Why storage failed. Nothing stored is changed by a failed save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no usable IndexedDB here (private mode, blocked storage, file: URL).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Quota,
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl StorageError {
    /// The message id for a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            StorageError::Unavailable(_) => "storage-unavailable",
            StorageError::Quota => "storage-quota",
            StorageError::Failed(_) => "storage-failed",
        }
    }
}

fn to_error(value: JsValue) -> StorageError {
    match value.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::Quota,
        Some(e)
            if matches!(
                e.name().as_str(),
                "SecurityError" | "InvalidStateError" | "UnknownError"
            ) =>
        {
            StorageError::Unavailable(e.name())
        }
        Some(e) => StorageError::Failed(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Failed(value.as_string().unwrap_or_else(|| "unknown".into())),
    }
}

/// Waits for a request's result. For a database deletion, another tab holding the database
/// open blocks it until that tab closes: `blocked` turns that into an error rather than a wait
/// without end.
async fn settle(
    req: &IdbRequest,
    blocked: Option<&IdbOpenDbRequest>,
) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_req = req.clone();
        let on_ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let reject_blocked = reject.clone();
        let on_err = Closure::once_into_js(move |_: web_sys::Event| {
            let error = err_req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
        if let Some(open) = blocked {
            // Connections of this page that are closing still block for a moment; only a
            // block that lasts (another tab) is an error. A later success wins the race.
            let on_blocked = Closure::once_into_js(move |_: web_sys::Event| {
                let give_up = Closure::once_into_js(move || {
                    let _ = reject_blocked.call1(&JsValue::NULL, &JsValue::from_str("blocked"));
                });
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        give_up.unchecked_ref(),
                        BLOCKED_GRACE_MS,
                    );
                }
            });
            open.set_onblocked(Some(on_blocked.unchecked_ref()));
        }
    });
    JsFuture::from(promise).await.map_err(to_error)
}

async fn request(req: &IdbRequest) -> Result<JsValue, StorageError> {
    settle(req, None).await
}

/// Waits until a transaction has committed (or fails).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err_tx = tx.clone();
        let reject2 = reject.clone();
        let on_err = Closure::once_into_js(move |_: web_sys::Event| {
            let error = err_tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let abort_tx = tx.clone();
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = abort_tx
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("transaction aborted"));
            let _ = reject2.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_ok.unchecked_ref()));
        tx.set_onerror(Some(on_err.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(to_error)
}

/// What a pointer switch did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    /// The new generation is in force.
    Done,
    /// Nothing changed: another tab had put this generation in force.
    Newer(Option<u32>),
}

/// Runs `work` holding the Web Lock `name`, so that no other tab of this browser runs work
/// under the same name meanwhile. A browser without Web Locks runs it at once (the pointer
/// switch's own check still refuses to overwrite a newer save).
pub async fn exclusive<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"locks".into()).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &"request".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        return work.await;
    };
    // The lock is held until the promise its callback returns settles: `release`.
    let mut release_fn = None;
    let release = Promise::new(&mut |resolve, _| release_fn = Some(resolve));
    let mut granted_fn = None;
    let granted = Promise::new(&mut |resolve, _| granted_fn = Some(resolve));
    let callback = Closure::once_into_js(move |_: JsValue| -> JsValue {
        if let Some(granted) = granted_fn {
            let _ = granted.call0(&JsValue::NULL);
        }
        release.into()
    });
    if request
        .call2(&locks, &name.into(), &callback)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .is_none()
    {
        return work.await;
    }
    let _ = JsFuture::from(granted).await;
    let out = work.await;
    if let Some(release) = release_fn {
        let _ = release.call0(&JsValue::NULL);
    }
    out
}

/// The open vault database.
#[derive(Clone)]
pub struct Store {
    db: IdbDatabase,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        JsValue::from(&self.db) == JsValue::from(&other.db)
    }
}

impl Store {
    /// Opens (creating if needed) the database `name`.
    pub async fn open(name: &str) -> Result<Store, StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StorageError::Unavailable("no indexedDB".into()))?;
        let req: IdbOpenDbRequest = factory.open_with_u32(name, DB_VERSION).map_err(to_error)?;
        let upgrade_req = req.clone();
        let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |_| {
            if let Ok(db) = upgrade_req
                .result()
                .and_then(|r| r.dyn_into::<IdbDatabase>())
            {
                let names = db.object_store_names();
                for store in [GENERATIONS, META] {
                    if !names.contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        });
        req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let result = request(&req).await;
        req.set_onupgradeneeded(None);
        drop(on_upgrade);
        let db: IdbDatabase = result?
            .dyn_into()
            .map_err(|_| StorageError::Unavailable("not a database".into()))?;
        Ok(Store { db })
    }

    /// Whether the database `name` exists, asked without creating it (so that a visitor who
    /// never keeps a vault gets no database at all).
    pub async fn database_exists(name: &str) -> Result<bool, StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StorageError::Unavailable("no indexedDB".into()))?;
        let databases = js_sys::Reflect::get(&factory, &"databases".into()).map_err(to_error)?;
        let Some(databases) = databases.dyn_ref::<js_sys::Function>() else {
            // A browser without databases(): fall back to opening it.
            return Ok(true);
        };
        let promise: Promise = databases
            .call0(&factory)
            .map_err(to_error)?
            .dyn_into()
            .map_err(to_error)?;
        let list = JsFuture::from(promise).await.map_err(to_error)?;
        Ok(Array::from(&list).iter().any(|info| {
            js_sys::Reflect::get(&info, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == name)
        }))
    }

    /// Closes the connection (before the database is deleted).
    pub fn close(&self) {
        self.db.close();
    }

    fn tx(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        let stores = Array::of2(&GENERATIONS.into(), &META.into());
        self.db
            .transaction_with_str_sequence_and_mode(&stores, mode)
            .map_err(to_error)
    }

    /// The generation in force, if a vault was ever saved.
    pub async fn current(&self) -> Result<Option<u32>, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readonly)?;
        let meta = tx.object_store(META).map_err(to_error)?;
        let value = request(&meta.get(&CURRENT.into()).map_err(to_error)?).await?;
        Ok(value.as_f64().map(|n| n as u32))
    }

    /// Keeps the note `name` (e.g. that the person was told something once), failing if it
    /// was kept before; erasing the vault erases it.
    pub async fn note_once(&self, name: &str) -> Result<(), StorageError> {
        let tx = self.tx(IdbTransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(to_error)?;
        meta.add_with_key(&true.into(), &name.into())
            .map_err(to_error)?;
        committed(&tx).await
    }

    /// One generation's bytes.
    pub async fn generation(&self, n: u32) -> Result<Option<Vec<u8>>, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(GENERATIONS).map_err(to_error)?;
        let value = request(&store.get(&n.into()).map_err(to_error)?).await?;
        Ok(value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
    }

    /// Every stored generation number, ascending.
    pub async fn generation_numbers(&self) -> Result<Vec<u32>, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(GENERATIONS).map_err(to_error)?;
        let keys = request(&store.get_all_keys().map_err(to_error)?).await?;
        let mut out: Vec<u32> = Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_f64())
            .map(|n| n as u32)
            .collect();
        crate::core::order::sort(&mut out);
        Ok(out)
    }

    /// Writes a generation (not yet in force).
    pub async fn put_generation(&self, n: u32, bytes: &[u8]) -> Result<(), StorageError> {
        let tx = self.tx(IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(GENERATIONS).map_err(to_error)?;
        store
            .put_with_key(&Uint8Array::from(bytes).into(), &n.into())
            .map_err(to_error)?;
        committed(&tx).await
    }

    /// Puts generation `n` in force and deletes every generation except `n` and `keep`, in
    /// one transaction — unless the generation in force, read again in that transaction, is
    /// no longer `expected` (another tab saved): then nothing changes and the generation in
    /// force is returned.
    pub async fn switch_to(
        &self,
        n: u32,
        expected: Option<u32>,
        keep: Option<u32>,
    ) -> Result<Switch, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(to_error)?;
        let store = tx.object_store(GENERATIONS).map_err(to_error)?;
        // Each request is made as the one before it succeeds, so the transaction stays active.
        let now = request(&meta.get(&CURRENT.into()).map_err(to_error)?)
            .await?
            .as_f64()
            .map(|g| g as u32);
        if now != expected {
            let _ = tx.abort();
            return Ok(Switch::Newer(now));
        }
        let keys = request(&store.get_all_keys().map_err(to_error)?).await?;
        meta.put_with_key(&n.into(), &CURRENT.into())
            .map_err(to_error)?;
        for old in Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_f64())
            .map(|g| g as u32)
            .filter(|g| *g != n && Some(*g) != keep)
        {
            store.delete(&old.into()).map_err(to_error)?;
        }
        committed(&tx).await.map(|()| Switch::Done)
    }

    /// Asks the browser to keep this site's storage until the person clears it, rather than
    /// clearing it under storage pressure (`navigator.storage.persist()`). `false` when the
    /// browser refuses or cannot promise it.
    pub async fn persist() -> bool {
        let Some(storage) = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"storage".into()).ok())
            .filter(|s| s.is_object())
        else {
            return false;
        };
        let Some(persist) = js_sys::Reflect::get(&storage, &"persist".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return false;
        };
        let Some(promise) = persist
            .call0(&storage)
            .ok()
            .and_then(|p| p.dyn_into::<Promise>().ok())
        else {
            return false;
        };
        JsFuture::from(promise)
            .await
            .is_ok_and(|granted| granted.is_truthy())
    }

    /// Deletes the database `name` and everything in it.
    pub async fn erase(name: &str) -> Result<(), StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StorageError::Unavailable("no indexedDB".into()))?;
        let req = factory.delete_database(name).map_err(to_error)?;
        settle(&req, Some(&req)).await.map(|_| ())
    }
}
