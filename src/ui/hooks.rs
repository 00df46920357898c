//! The widget's hooks.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::vault::{Secret, VaultIntents};
use crate::ui::state::{Action, EditorAction, Handle, ImportAction, PanelAction, VaultAction};
use crate::ui::state::{VaultState, send, sender};
use crate::ui::vault_ops::{self, StoreCell, TabEvent};

/// The vault's effects, keyed on the state: looks for a vault once, saves whenever the
/// profile changed, and locks when the person has been idle for the auto-lock delay. The
/// storage handle is kept here, beside the state.
///
/// Returns what the vault screens may ask, and a callback to note the person's activity.
#[hook]
pub fn use_vault(state: &Handle) -> (VaultIntents, Callback<Event>) {
    let store: StoreCell = use_mut_ref(|| None);
    {
        let state = state.clone();
        let store = store.clone();
        use_effect_with((), move |_| vault_ops::start(state, store));
    }
    {
        let state = state.clone();
        let store = store.clone();
        use_effect_with((state.vault.revision, state.vault.vault), move |_| {
            vault_ops::save_if_needed(&state, &store)
        });
    }
    // What the other pages of this site say: a save is read (and joined with unsaved edits),
    // a lock or a new passphrase locks this page too.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    {
        let (latest, store) = (latest.clone(), store.clone());
        use_effect_with((), move |_| {
            let channel = vault_ops::channel();
            let listener = channel.as_ref().map(|channel| {
                gloo::events::EventListener::new(channel, "message", move |e| {
                    let Some(text) = e
                        .dyn_ref::<web_sys::MessageEvent>()
                        .and_then(|m| m.data().as_string())
                    else {
                        return;
                    };
                    let state = latest.borrow().clone();
                    if state.vault.vault != VaultState::Unlocked {
                        return;
                    }
                    match TabEvent::parse(&text) {
                        Some(TabEvent::Saved(g)) if state.vault.generation < Some(g) => {
                            vault_ops::take_newer(&state, &store, g)
                        }
                        Some(TabEvent::Locked | TabEvent::Rekeyed(_)) => {
                            vault_ops::lock(&state, false)
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    let last_activity = use_mut_ref(js_sys::Date::now);
    {
        let state = state.clone();
        let last_activity = last_activity.clone();
        let minutes = state.vault.auto_lock_minutes;
        let unlocked = state.vault.vault == VaultState::Unlocked;
        use_effect_with((minutes, unlocked), move |_| {
            *last_activity.borrow_mut() = js_sys::Date::now();
            let interval = unlocked.then(|| {
                gloo::timers::callback::Interval::new(5_000, move || {
                    let idle = js_sys::Date::now() - *last_activity.borrow();
                    if idle > f64::from(minutes) * 60_000.0 {
                        vault_ops::lock(&state, true);
                    }
                })
            });
            move || drop(interval)
        });
    }
    let on_activity = {
        let last_activity = last_activity.clone();
        Callback::from(move |_: Event| *last_activity.borrow_mut() = js_sys::Date::now())
    };
    let intents = VaultIntents {
        show: sender(state).reform(PanelAction::ShowView),
        lock: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::lock(&state, true))
        },
        set_auto_lock: sender(state).reform(VaultAction::SetAutoLock),
        ask_erase: sender(state).reform(|_: ()| VaultAction::AskErase),
        resolve_clash: sender(state).reform(Action::ResolveClash),
        dismiss_persist: sender(state).reform(|_: ()| VaultAction::PersistRefused(false)),
        import_cancel: sender(state).reform(|_: ()| ImportAction::Cancel),
        import_apply: sender(state).reform(ImportAction::Apply),
        unlock: {
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |pass: Secret| {
                vault_ops::unlock(state.clone(), store.clone(), pass)
            })
        },
        set_passphrase: {
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |(old, new): (Option<Secret>, Secret)| {
                // The drafts go into the profile first, so the first save holds them.
                send(&state, EditorAction::Save);
                vault_ops::set_passphrase(state.clone(), store.clone(), old, new)
            })
        },
        export: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::export(&state))
        },
        import_file: {
            let state = state.clone();
            Callback::from(move |file: web_sys::File| vault_ops::read_import(state.clone(), file))
        },
        import_open: {
            let state = state.clone();
            Callback::from(move |pass: Secret| vault_ops::open_import(state.clone(), pass))
        },
        erase: {
            let (state, store) = (state.clone(), store.clone());
            Callback::from(move |_: ()| vault_ops::erase(state.clone(), store.clone()))
        },
        memory_only: sender(state).reform(|_: ()| VaultAction::MemoryOnly),
        export_mappings: {
            let state = state.clone();
            Callback::from(move |_: ()| vault_ops::export_mappings(&state))
        },
    };
    (intents, on_activity)
}
