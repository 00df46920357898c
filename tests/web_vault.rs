//! The vault's storage in a real headless Chromium: saving, reopening, a save cut short at
//! every step, a damaged newest copy, a wrong passphrase, and erasing.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::dictionary::Key;
use oncefill::core::profile::{Data, Profile, Source};
use oncefill::core::vault::{KdfParams, SeededRandom, VaultError, VaultKey};
use oncefill::dom::storage::Store;
use oncefill::dom::vault::{Fault, SaveError, UnlockError, exists, save, unlock};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
const PASS: &str = "Wang-1990-Hangzhou";

fn key(seed: u64) -> VaultKey {
    VaultKey::create(PASS, FAST, &mut SeededRandom::new(seed)).unwrap()
}

fn with_name(name: &str) -> Profile {
    let mut p = Profile::demo();
    p.owner_mut().values.set(
        Key::PersonName,
        Data::Text(name.into()),
        Source::SelfDeclared,
        "t",
    );
    p
}

fn name_of(p: &Profile) -> String {
    p.owner()
        .unwrap()
        .values
        .text(Key::PersonName)
        .unwrap()
        .to_string()
}

async fn fresh(db: &str) -> Store {
    Store::erase(db).await.unwrap();
    Store::open(db).await.unwrap()
}

#[wasm_bindgen_test]
async fn save_reopen_and_unlock() {
    let store = fresh("t-save").await;
    assert!(!exists(&store).await.unwrap());
    let k = key(1);
    save(&store, &k, &with_name("甲"), None).await.unwrap();
    save(&store, &k, &with_name("乙"), None).await.unwrap();
    store.close();
    let again = Store::open("t-save").await.unwrap();
    assert!(exists(&again).await.unwrap());
    let opened = unlock(&again, PASS).await.unwrap();
    assert_eq!(name_of(&opened.profile), "乙");
    assert_eq!(opened.fell_back_from, None);
    // The previous generation is kept, nothing older.
    assert_eq!(again.generation_numbers().await.unwrap().len(), 2);
    again.close();
}

#[wasm_bindgen_test]
async fn a_save_cut_short_at_any_step_leaves_old_or_new_never_neither() {
    for fault in [Fault::AfterWrite, Fault::AfterVerify] {
        let store = fresh("t-crash").await;
        let k = key(2);
        save(&store, &k, &with_name("旧"), None).await.unwrap();
        let err = save(&store, &k, &with_name("新"), Some(fault)).await;
        assert_eq!(err, Err(SaveError::Injected(fault)));
        store.close();
        let reopened = Store::open("t-crash").await.unwrap();
        assert_eq!(
            name_of(&unlock(&reopened, PASS).await.unwrap().profile),
            "旧",
            "{fault:?}"
        );
        // The next save goes through, and the half-written generation is cleared away.
        save(&reopened, &k, &with_name("再"), None).await.unwrap();
        assert_eq!(
            name_of(&unlock(&reopened, PASS).await.unwrap().profile),
            "再"
        );
        assert_eq!(reopened.generation_numbers().await.unwrap().len(), 2);
        reopened.close();
    }
}

#[wasm_bindgen_test]
async fn a_damaged_newest_copy_opens_the_previous_one_and_says_so() {
    let store = fresh("t-damage").await;
    let k = key(3);
    save(&store, &k, &with_name("一"), None).await.unwrap();
    let g2 = save(&store, &k, &with_name("二"), None).await.unwrap();
    let mut bytes = store.generation(g2).await.unwrap().unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    store.put_generation(g2, &bytes).await.unwrap();
    let opened = unlock(&store, PASS).await.unwrap();
    assert_eq!(name_of(&opened.profile), "一");
    assert_eq!(opened.fell_back_from, Some(g2));
    store.close();
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_touches_nothing() {
    let store = fresh("t-wrong").await;
    let k = key(4);
    save(&store, &k, &with_name("甲"), None).await.unwrap();
    let before = store.generation_numbers().await.unwrap();
    assert_eq!(
        unlock(&store, "not it").await.err(),
        Some(UnlockError::Vault(VaultError::WrongPassphrase))
    );
    assert_eq!(store.generation_numbers().await.unwrap(), before);
    assert_eq!(name_of(&unlock(&store, PASS).await.unwrap().profile), "甲");
    store.close();
}

#[wasm_bindgen_test]
async fn erase_removes_the_database() {
    let store = fresh("t-erase").await;
    save(&store, &key(5), &with_name("甲"), None).await.unwrap();
    store.close();
    Store::erase("t-erase").await.unwrap();
    let reopened = Store::open("t-erase").await.unwrap();
    assert!(!exists(&reopened).await.unwrap());
    assert!(reopened.generation_numbers().await.unwrap().is_empty());
    reopened.close();
}
