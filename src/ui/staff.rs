//! The window-staff mode (一窗受理) of `staff.html`, compiled only with the feature `staff`.
//!
//! A clerk unlocks the staff vault (its own database, never a citizen's profile on the same
//! PC). What the vault stores is the clerk's own profile and the operations log; the editor
//! starts empty and holds the citizen's data of one session in this instance's memory only,
//! never saved. The session ends when the loader (`staff.js`) discards the instance, as locking
//! does: its memory is overwritten, and the clerk unlocks again for the next citizen (the key
//! lives in the same memory as the citizen's data, so it cannot outlive it without residue).
//!
//! The operations log holds, per fill: the form, the names of the controls filled, how many,
//! and when. Never a value.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::core::profile::Profile;

/// The staff vault's database, apart from a citizen's (`oncefill`).
pub const VAULT_DB: &str = "oncefill-staff";
/// The staff pages' channel between tabs, apart from a citizen's.
pub const TABS_CHANNEL: &str = "oncefill-staff-vault";
/// The member of the stored profile that holds the operations log.
const LOG_MEMBER: &str = "staff_log";
/// The most entries kept (the oldest go first).
const LOG_MAX: usize = 500;

/// One fill in the operations log: no value, only what was filled where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The form (its path on the site, or the mapping's id).
    pub form: String,
    /// The names (or ids) of the controls filled.
    pub names: Vec<String>,
    /// How many controls were filled.
    pub count: usize,
    /// When (`YYYY-MM-DD HH:MM`, China's time).
    pub at: String,
}

thread_local! {
    /// The profile the staff vault stores (the clerk's own, with the log), kept apart from the
    /// editor's, which is the citizen's.
    static STORED: RefCell<Option<Profile>> = const { RefCell::new(None) };
    /// A log entry not yet in a save that has started.
    static PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// On unlock: keeps the stored profile aside; the editor gets an empty one.
pub fn keep_stored(profile: Profile) -> Profile {
    STORED.with(|s| *s.borrow_mut() = Some(profile));
    Profile::new()
}

/// What the staff vault saves (never the editor's profile), as a save starts.
pub fn stored() -> Profile {
    PENDING.with(|p| p.set(false));
    STORED.with(|s| s.borrow().clone()).unwrap_or_default()
}

/// The operations log, oldest first.
pub fn log() -> Vec<Entry> {
    STORED.with(|s| {
        s.borrow()
            .as_ref()
            .and_then(|p| p.unknown.get(LOG_MEMBER).cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    })
}

/// Adds a fill to the log (the caller then asks for a save).
pub fn note(entry: Entry) {
    let mut entries = log();
    entries.push(entry);
    let excess = entries.len().saturating_sub(LOG_MAX);
    entries.drain(..excess);
    let value = serde_json::to_value(&entries).unwrap_or_default();
    STORED.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(Profile::new)
            .unknown
            .insert(LOG_MEMBER.to_string(), value);
    });
    PENDING.with(|p| p.set(true));
}

/// The form being filled: the path of the hall form in the staff page's frame.
pub fn form_id() -> String {
    let frame = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("iframe[data-staff-form]").ok().flatten())
        .and_then(|f| f.get_attribute("src"));
    frame.unwrap_or_default()
}

/// Whether a log entry still waits for its save.
pub fn log_pending() -> bool {
    PENDING.with(|p| p.get())
}
