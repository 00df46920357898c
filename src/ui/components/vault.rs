//! The vault's screens: the status bar, unlock, passphrase set-up and change, settings
//! (auto-lock, backup, erase) and the import preview.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zeroize::Zeroizing;

use super::labels::key_label;
use crate::app::import::ImportState;
use crate::app::panel::View;
use crate::app::vault::{SaveStatus, VaultSession, VaultState};
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::Profile;
use crate::core::profile::merge::{ChangeKind, diff, summary};
use crate::core::vault::Strength;
use crate::ui::strength::Checker;

/// What the person asks of the vault screens.
#[derive(Clone, PartialEq)]
pub struct VaultIntents {
    /// Show another screen.
    pub show: Callback<View>,
    /// Lock now.
    pub lock: Callback<()>,
    /// Set the auto-lock delay (minutes).
    pub set_auto_lock: Callback<u32>,
    /// Ask to erase everything (a confirmation follows).
    pub ask_erase: Callback<()>,
    /// After a clash with another page's save: `true` keeps this page's version.
    pub resolve_clash: Callback<bool>,
    /// Close the notice that the browser may clear the vault.
    pub dismiss_persist: Callback<()>,
    /// Drop the backup being imported.
    pub import_cancel: Callback<()>,
    /// Apply the opened backup: `true` merges, `false` replaces.
    pub import_apply: Callback<bool>,
    /// Unlock with a passphrase.
    pub unlock: Callback<Secret>,
    /// Set a passphrase: (the current one for a change, the new one).
    pub set_passphrase: Callback<(Option<Secret>, Secret)>,
    /// Export a backup.
    pub export: Callback<()>,
    /// A backup file was chosen.
    pub import_file: Callback<web_sys::File>,
    /// Open the chosen backup with a passphrase.
    pub import_open: Callback<Secret>,
    /// Erase everything.
    pub erase: Callback<()>,
    /// Export the corrections learned in review.
    pub export_mappings: Callback<()>,
    /// Keep the profile in this page's memory only, for now.
    pub memory_only: Callback<()>,
}

/// Properties of the vault's bar and unlock screen.
#[derive(Properties, PartialEq)]
pub struct VaultProps {
    /// Interface language.
    pub lang: Lang,
    /// The vault session.
    pub session: Rc<VaultSession>,
    /// What the person asks.
    pub ops: VaultIntents,
}

/// A passphrase as typed: wiped from memory when dropped.
pub type Secret = Zeroizing<String>;

/// Reads a passphrase field without emptying it (for the strength meter).
fn peek(field: &NodeRef) -> Secret {
    Zeroizing::new(
        field
            .cast::<HtmlInputElement>()
            .map(|el| el.value())
            .unwrap_or_default(),
    )
}

/// Takes a passphrase out of its field: the field is emptied, so the page holds no copy.
fn take(field: &NodeRef) -> Secret {
    let value = peek(field);
    if let Some(el) = field.cast::<HtmlInputElement>() {
        el.set_value("");
    }
    value
}

/// A line that says where the profile is kept, with the vault's buttons.
#[component]
pub fn VaultBar(props: &VaultProps) -> Html {
    let s = &props.session;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let settings = props.ops.show.reform(|_: MouseEvent| View::Settings);
    match s.vault {
        VaultState::Unlocked => {
            // Where the profile is kept, said once; then only what the last save did.
            let status = match &s.save_status {
                SaveStatus::Saving => t("saving"),
                SaveStatus::Saved(at) => tr(lang, "saved-at", &[("time", Arg::Str(at))]),
                SaveStatus::Failed(id) => t(id),
                SaveStatus::Idle | SaveStatus::Opened => String::new(),
            };
            let stored = matches!(s.save_status, SaveStatus::Saved(_) | SaveStatus::Opened);
            let failed = matches!(s.save_status, SaveStatus::Failed(_));
            html! {
                <div class={classes!("of-vault-bar", failed.then_some("of-vault-failed"))}>
                    <span data-of="vault-status" data-stored={stored.then_some("true")} role="status"><span class="of-lock-icon" aria-hidden="true"></span>{ t("vault-on") }{ if status.is_empty() { "" } else { " · " } }{ status }</span>
                    <span class="of-vault-actions">
                        <button type="button" class="of-link" data-of="lock" onclick={props.ops.lock.reform(|_: MouseEvent| ())}>{ t("lock-now") }</button>
                        <button type="button" class="of-link" data-of="settings" onclick={settings}>{ t("vault-settings") }</button>
                    </span>
                    if s.clash.is_some() {
                        <div class="of-notice of-warning-box" role="alert" data-of="clash">
                            <p>{ t("save-clash") }</p>
                            <button type="button" class="of-secondary" data-of="clash-take-theirs"
                                onclick={props.ops.resolve_clash.reform(|_: MouseEvent| false)}>{ t("clash-take-theirs") }</button>
                            <button type="button" class="of-primary" data-of="clash-keep-mine"
                                onclick={props.ops.resolve_clash.reform(|_: MouseEvent| true)}>{ t("clash-keep-mine") }</button>
                        </div>
                    }
                    if s.persist_refused {
                        <div class="of-notice" role="note" data-of="persist-notice">
                            <p>{ t("persist-refused") }</p>
                            <button type="button" class="of-link" data-of="persist-dismiss"
                                onclick={props.ops.dismiss_persist.reform(|_: MouseEvent| ())}>{ t("persist-dismiss") }</button>
                            <button type="button" class="of-secondary" data-of="persist-backup"
                                onclick={props.ops.export.reform(|_: MouseEvent| ())}>{ t("persist-backup") }</button>
                        </div>
                    }
                </div>
            }
        }
        VaultState::Absent | VaultState::Checking => html! {
            <div class="of-notice" role="note">
                if s.erased {
                    <p class="of-success" role="status" data-of="erased">{ t("erased") }</p>
                }
                if s.memory_only {
                    <p role="status" data-of="memory-kept">
                        { if let SaveStatus::Saved(at) = &s.save_status { tr(lang, "memory-kept", &[("time", Arg::Str(at))]) } else { String::new() } }
                        { t("memory-chosen") }</p>
                } else {
                    <p>{ t("memory-only") }</p>
                }
                <button type="button" class="of-secondary" data-of="vault-setup"
                    onclick={props.ops.show.reform(|_: MouseEvent| View::Passphrase(false))}>{ t("vault-setup") }</button>
                <button type="button" class="of-link" data-of="settings" onclick={settings}>{ t("backup-import") }</button>
            </div>
        },
        VaultState::Unavailable => html! {
            <div class="of-notice of-warning-box" role="note" data-of="vault-unavailable">
                <p>{ t("storage-unavailable") }</p>
                if let SaveStatus::Saved(at) = &s.save_status {
                    <p role="status" data-of="memory-kept">{ tr(lang, "memory-kept", &[("time", Arg::Str(at))]) }</p>
                }
            </div>
        },
        VaultState::Locked => html! {},
    }
}

/// The unlock screen.
#[component]
pub fn UnlockScreen(props: &VaultProps) -> Html {
    let s = &props.session;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    // The passphrase stays in its field (never in the widget's state) until it is submitted.
    let pass = use_node_ref();
    let now = use_state(js_sys::Date::now);
    // Count the wait down while there is one.
    {
        let now = now.clone();
        let wait_until = s.wait_until;
        use_effect_with(wait_until, move |_| {
            let interval =
                gloo::timers::callback::Interval::new(500, move || now.set(js_sys::Date::now()));
            move || drop(interval)
        });
    }
    let wait_s = ((s.wait_until - *now) / 1000.0).ceil().max(0.0) as i64;
    let submit = {
        let pass = pass.clone();
        let unlock = props.ops.unlock.clone();
        let blocked = wait_s > 0 || s.busy;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if blocked {
                return;
            }
            let secret = take(&pass);
            if !secret.is_empty() {
                unlock.emit(secret);
            }
        })
    };
    html! {
        <form class="of-vault" data-of="unlock-form" onsubmit={submit}>
            <h3>{ t("unlock-title") }</h3>
            <p class="of-intro">{ t("unlock-intro") }</p>
            <div class="of-row">
                <label for="of-unlock-pass">{ t("passphrase") }</label>
                <input id="of-unlock-pass" type="password" autocomplete="current-password" data-of="unlock-pass"
                    ref={pass} aria-describedby="of-unlock-msg" />
            </div>
            <div id="of-unlock-msg" aria-live="polite">
                if let Some(m) = &s.message {
                    <p class="of-error" data-of="vault-error">{ m }</p>
                }
                if wait_s > 0 {
                    <p class="of-warning" data-of="unlock-wait">{ tr(lang, "unlock-wait", &[("count", Arg::Num(i64::from(s.failures))), ("seconds", Arg::Num(wait_s))]) }</p>
                }
                if s.busy {
                    <p class="of-note">{ t("unlocking") }</p>
                }
            </div>
            <div class="of-actions">
                <button type="button" class="of-link" data-of="settings" onclick={props.ops.show.reform(|_: MouseEvent| View::Settings)}>{ t("forgot") }</button>
                <button type="submit" class="of-primary" data-of="unlock" disabled={wait_s > 0 || s.busy}>{ t("unlock") }</button>
            </div>
        </form>
    }
}

/// Set-up of a new passphrase, or a change of it.
#[derive(Properties, PartialEq)]
pub struct PassphraseProps {
    /// Interface language.
    pub lang: Lang,
    /// The vault session.
    pub session: Rc<VaultSession>,
    /// What the person asks.
    pub ops: VaultIntents,
    /// A change (ask for the passphrase in force first).
    pub change: bool,
    /// The site's URL, where the strength module is fetched from (none: the offline checks
    /// judge).
    #[prop_or_default]
    pub base: AttrValue,
}

/// The passphrase screen.
#[component]
pub fn PassphraseScreen(props: &PassphraseProps) -> Html {
    let v = props;
    let s = &props.session;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    // The passphrases stay in their fields; the state keeps only what is judged of them.
    let (old, new, again) = (use_node_ref(), use_node_ref(), use_node_ref());
    let none = || Strength {
        score: 0,
        hints: vec!["pass-hint-length"],
    };
    let judged = use_state(none);
    // zxcvbn's module is fetched when this screen opens, not before; meanwhile (or offline)
    // the bundle's checks judge, and the screen says so.
    let checker = use_state(|| Checker::Loading);
    {
        let (checker, judged, new) = (checker.clone(), judged.clone(), new.clone());
        let base = props.base.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = if base.is_empty() {
                    Checker::Offline
                } else {
                    Checker::load(&base).await
                };
                // What was typed while it loaded is judged again by the module.
                let typed = peek(&new);
                if !typed.is_empty() {
                    judged.set(loaded.judge(&typed));
                }
                checker.set(loaded);
            });
        });
    }
    // (the current one is filled in, the repeat is typed and differs)
    let filled = use_state(|| (false, false));
    let tried = use_state(|| false);
    let mismatch = filled.1;
    let ok = judged.acceptable() && !mismatch && (!props.change || filled.0);
    let judge = {
        let (old, new, again) = (old.clone(), new.clone(), again.clone());
        let (judged, filled, checker) = (judged.clone(), filled.clone(), checker.clone());
        Callback::from(move |_: InputEvent| {
            let (o, n, a) = (peek(&old), peek(&new), peek(&again));
            judged.set(checker.judge(&n));
            filled.set((!o.is_empty(), !a.is_empty() && *n != *a));
        })
    };
    let submit = {
        let (old, new, again, tried) = (old.clone(), new.clone(), again.clone(), tried.clone());
        let (judged, filled) = (judged.clone(), filled.clone());
        let set = v.ops.set_passphrase.clone();
        let change = props.change;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if ok {
                let current = change.then(|| take(&old));
                let chosen = take(&new);
                drop(take(&again));
                judged.set(none());
                filled.set((false, false));
                set.emit((current, chosen));
            }
        })
    };
    let field = |id: &'static str,
                 marker: &'static str,
                 label: String,
                 node: &NodeRef,
                 autocomplete: &'static str| {
        html! {
            <div class="of-row">
                <label for={id}>{ label }</label>
                <input id={id} type="password" autocomplete={autocomplete} data-of={marker} ref={node.clone()}
                    oninput={judge.clone()} />
            </div>
        }
    };
    let meter_label =
        ["pass-0", "pass-1", "pass-2", "pass-3", "pass-4"][usize::from(judged.score.min(4))];
    html! {
        <form class="of-vault" data-of="passphrase-form" onsubmit={submit}>
            <h3>{ t(if props.change { "change-pass-title" } else { "setup-title" }) }</h3>
            <p class="of-intro">{ t("setup-intro") }</p>
            if props.change {
                { field("of-old-pass", "old-pass", t("current-passphrase"), &old, "current-password") }
            }
            { field("of-new-pass", "new-pass", t("new-passphrase"), &new, "new-password") }
            <div class="of-strength" aria-live="polite">
                <meter min="0" max="4" low="2" high="3" optimum="4" value={judged.score.to_string()} aria-hidden="true"></meter>
                <span data-of="strength">{ t(meter_label) }</span>
                <ul>{ for judged.hints.iter().take(2).map(|h| html! { <li>{ t(h) }</li> }) }</ul>
                {
                    match *checker {
                        Checker::Full => html! {},
                        Checker::Loading => html! {
                            <p class="of-note" data-of="strength-check" data-state="loading">{ t("pass-check-loading") }</p>
                        },
                        Checker::Offline => html! {
                            <p class="of-note" data-of="strength-check" data-state="offline">{ t("pass-check-offline") }</p>
                        },
                    }
                }
            </div>
            { field("of-new-pass-2", "new-pass-2", t("repeat-passphrase"), &again, "new-password") }
            if mismatch {
                <p class="of-error">{ t("pass-mismatch") }</p>
            }
            if *tried && !judged.acceptable() {
                <p class="of-error">{ t("pass-too-weak") }</p>
            }
            if let Some(m) = &s.message {
                <p class="of-error" data-of="vault-error">{ m }</p>
            }
            <p class="of-warning">{ t("no-recovery") }</p>
            <div class="of-actions">
                if props.change {
                    <button type="button" class="of-secondary" onclick={v.ops.show.reform(|_: MouseEvent| View::Editor)}>{ t("cancel") }</button>
                }
                <button type="submit" class="of-primary" data-of="create-vault" disabled={s.busy}>
                    { t(if props.change { "change-pass" } else { "create-vault" }) }
                </button>
            </div>
            if !props.change {
                // The other choice, named for what it does.
                <div class="of-alternative" data-of="memory-choice">
                    <button type="button" class="of-secondary" data-of="memory-only-choice"
                        aria-describedby="of-memory-explain"
                        onclick={v.ops.memory_only.reform(|_: MouseEvent| ())}>{ t("memory-choice") }</button>
                    <p id="of-memory-explain" class="of-note-plain">{ t("memory-choice-explain") }</p>
                </div>
            }
        </form>
    }
}

/// Properties of [`SettingsScreen`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// Interface language.
    pub lang: Lang,
    /// The vault session.
    pub session: Rc<VaultSession>,
    /// What the person asks.
    pub ops: VaultIntents,
    /// The profile holds corrections learned in review.
    pub has_learned: bool,
    /// 长辈版 is on.
    #[prop_or_default]
    pub elder: bool,
    /// The person turns 长辈版 on or off.
    #[prop_or_default]
    pub on_elder: Callback<MouseEvent>,
    /// A 返回 button (the app page has its own navigation instead).
    #[prop_or(true)]
    pub back: bool,
}

/// Vault settings.
#[component]
pub fn SettingsScreen(props: &SettingsProps) -> Html {
    let s = &props.session;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let unlocked = s.vault == VaultState::Unlocked;
    let set_minutes = {
        let set_auto_lock = props.ops.set_auto_lock.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(m) = select.value().parse() {
                set_auto_lock.emit(m);
            }
        })
    };
    let choose_file = {
        let import_file = props.ops.import_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file.emit(file);
            }
            input.set_value("");
        })
    };
    let back = if unlocked || s.profile_open() {
        View::Editor
    } else {
        View::Unlock
    };
    html! {
        <section class="of-vault" data-of="settings-screen">
            <h3>{ t("vault-settings") }</h3>
            if let Some(m) = &s.message {
                <p class="of-note" role="status" data-of="vault-message">{ m }</p>
            }
            <div class="of-row">
                <button type="button" class="of-elder-switch" data-of="elder-setting" aria-pressed={props.elder.to_string()}
                    onclick={props.on_elder.clone()}>
                    <span aria-hidden="true" class="of-elder-box">{ if props.elder { "☑" } else { "☐" } }</span>
                    { t("elder-switch") }{ " · " }{ t("elder-hint") }
                </button>
            </div>
            if unlocked {
                <div class="of-row">
                    <label for="of-auto-lock">{ t("auto-lock") }</label>
                    <select id="of-auto-lock" data-of="auto-lock" onchange={set_minutes}>
                        { for [1u32, 5, 10, 30, 60].iter().map(|m| html! {
                            <option value={m.to_string()} selected={*m == s.auto_lock_minutes}>{ tr(lang, "minutes", &[("n", Arg::Num(i64::from(*m)))]) }</option>
                        }) }
                    </select>
                </div>
                <div class="of-toolbar">
                    <button type="button" class="of-secondary" data-of="change-pass" onclick={props.ops.show.reform(|_: MouseEvent| View::Passphrase(true))}>{ t("change-pass") }</button>
                    // The staff desk's editor holds a citizen's case: it is never written to a file.
                    if !cfg!(feature = "staff") {
                    <button type="button" class="of-secondary" data-of="export" onclick={props.ops.export.reform(|_: MouseEvent| ())}>{ t("export") }</button>
                    }
                </div>
            }
            if s.profile_open() && props.has_learned {
                <button type="button" class="of-secondary" data-of="export-mappings" onclick={props.ops.export_mappings.reform(|_: MouseEvent| ())}>{ t("export-mappings") }</button>
            }
            if s.profile_open() {
                <div class="of-row">
                    <label for="of-import-file">{ t("import") }</label>
                    <input id="of-import-file" type="file" accept=".oncefill,application/octet-stream" data-of="import-file" onchange={choose_file} />
                </div>
            }
            <div class="of-danger-zone">
                <h4>{ t("erase-title") }</h4>
                <p>{ t("erase-intro") }</p>
                if s.confirm_erase {
                    <p class="of-error" role="alert">{ t("erase-confirm") }</p>
                    <button type="button" class="of-danger" data-of="confirm-erase" onclick={props.ops.erase.reform(|_: MouseEvent| ())}>{ t("erase-yes") }</button>
                    <button type="button" class="of-secondary" onclick={props.ops.show.reform(|_: MouseEvent| View::Settings)}>{ t("cancel") }</button>
                } else {
                    <button type="button" class="of-danger" data-of="erase" onclick={props.ops.ask_erase.reform(|_: MouseEvent| ())}>{ t("erase") }</button>
                }
            </div>
            if props.back {
                <div class="of-actions">
                    <button type="button" class="of-secondary" data-of="back" onclick={props.ops.show.reform(move |_: MouseEvent| back)}>{ t("back") }</button>
                </div>
            }
        </section>
    }
}

/// Properties of [`ImportScreen`].
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// Interface language.
    pub lang: Lang,
    /// The vault session.
    pub session: Rc<VaultSession>,
    /// What the person asks.
    pub ops: VaultIntents,
    /// The backup being imported.
    pub import: ImportState,
    /// The profile in memory now, to show what the backup changes.
    pub current: Rc<Profile>,
}

/// The import screen: passphrase, then a preview of what changes, then merge or replace.
#[component]
pub fn ImportScreen(props: &ImportProps) -> Html {
    let s = &props.session;
    let lang = props.lang;
    let t = |id: &str| tr(lang, id, &[]);
    let pass = use_node_ref();
    let import = &props.import;
    let submit = {
        let pass = pass.clone();
        let open = props.ops.import_open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            open.emit(take(&pass));
        })
    };
    let cancel = props.ops.import_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="of-vault" data-of="import-screen">
            <h3>{ t("import") }{ "：" }{ &import.name }</h3>
            {
                match &import.opened {
                None => html! {
                    <form onsubmit={submit}>
                        <div class="of-row">
                            <label for="of-import-pass">{ t("import-passphrase") }</label>
                            <input id="of-import-pass" type="password" autocomplete="off" data-of="import-pass" ref={pass.clone()} />
                        </div>
                        if let Some(e) = &import.error {
                            <p class="of-error" data-of="import-error" role="alert">{ e }</p>
                        }
                        <div class="of-actions">
                            <button type="button" class="of-secondary" data-of="import-cancel" onclick={cancel.clone()}>{ t("cancel") }</button>
                            <button type="submit" class="of-primary" data-of="import-open" disabled={s.busy}>{ t("import-open") }</button>
                        </div>
                    </form>
                },
                Some(incoming) => preview(props, incoming, lang, cancel.clone()),
                }
            }
        </section>
    }
}

fn preview(
    props: &ImportProps,
    incoming: &Profile,
    lang: Lang,
    cancel: Callback<MouseEvent>,
) -> Html {
    let t = |id: &str| tr(lang, id, &[]);
    let changes = diff(&props.current, incoming);
    let (added, changed, records) = summary(&changes);
    html! {
        <div data-of="import-preview">
            <p>{ tr(lang, "import-summary", &[("added", Arg::Num(added as i64)), ("changed", Arg::Num(changed as i64)), ("records", Arg::Num(records as i64))]) }</p>
            <ul class="of-changes">
                { for changes.iter().take(40).map(|c| html! {
                    <li>{ &c.record }{ "：" }{ key_label(lang, c.key) }{ " — " }{ t(if c.kind == ChangeKind::Added { "change-added" } else { "change-changed" }) }</li>
                }) }
            </ul>
            <p class="of-note">{ t("merge-explain") }</p>
            <p class="of-warning">{ tr(lang, "replace-explain", &[("persons", Arg::Num(incoming.persons.len() as i64)), ("firms", Arg::Num(incoming.firms.len() as i64))]) }</p>
            <div class="of-actions">
                <button type="button" class="of-secondary" onclick={cancel}>{ t("cancel") }</button>
                <button type="button" class="of-secondary" data-of="import-replace" onclick={props.ops.import_apply.reform(|_: MouseEvent| false)}>{ t("import-replace") }</button>
                <button type="button" class="of-primary" data-of="import-merge" onclick={props.ops.import_apply.reform(|_: MouseEvent| true)}>{ t("import-merge") }</button>
            </div>
        </div>
    }
}
