//! The vault's storage in a real headless Chromium: saving, reopening, a save cut short at
//! every step, a damaged newest copy, a wrong passphrase, a save over another page's, a new
//! passphrase, and erasing.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once

use oncefill::core::dictionary::Key;
use oncefill::core::profile::{Data, Profile, Source};
use oncefill::core::vault::{KdfParams, SeededRandom, VaultError, VaultKey};
use oncefill::dom::storage::Store;
use oncefill::dom::vault::{
    Fault, Over, SaveError, UnlockError, exists, load, save, save_over, unlock,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
const PASS: &str = "Hangzhou-teapot-1990";

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
    messages();
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
    messages();
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
    messages();
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
    messages();
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
    messages();
    let store = fresh("t-erase").await;
    save(&store, &key(5), &with_name("甲"), None).await.unwrap();
    store.close();
    Store::erase("t-erase").await.unwrap();
    let reopened = Store::open("t-erase").await.unwrap();
    assert!(!exists(&reopened).await.unwrap());
    assert!(reopened.generation_numbers().await.unwrap().is_empty());
    reopened.close();
}

#[wasm_bindgen_test]
async fn a_save_over_a_generation_another_page_replaced_writes_nothing() {
    messages();
    let store = fresh("t-newer").await;
    let k = key(6);
    let g1 = save(&store, &k, &with_name("甲"), None).await.unwrap();
    // Another page, which had read g1 too, saved first.
    let g2 = save_over(
        &store,
        &k,
        &with_name("乙"),
        Over::Generation(Some(g1)),
        false,
        None,
    )
    .await
    .unwrap();
    let before = store.generation_numbers().await.unwrap();
    let late = save_over(
        &store,
        &k,
        &with_name("丙"),
        Over::Generation(Some(g1)),
        false,
        None,
    )
    .await;
    assert_eq!(late, Err(SaveError::Newer(Some(g2))));
    assert_eq!(
        store.generation_numbers().await.unwrap(),
        before,
        "nothing written"
    );
    assert_eq!(store.current().await.unwrap(), Some(g2));
    // The late page reads both to join its edit with the other's.
    assert_eq!(name_of(&load(&store, &k, g2).await.unwrap()), "乙");
    assert_eq!(name_of(&load(&store, &k, g1).await.unwrap()), "甲");
    store.close();
}

#[wasm_bindgen_test]
async fn after_a_new_passphrase_no_stored_byte_opens_with_the_old_one() {
    messages();
    const NEW: &str = "我家门口有两棵树";
    let store = fresh("t-rekey").await;
    let old = key(7);
    for name in ["一", "二", "三"] {
        save(&store, &old, &with_name(name), None).await.unwrap();
    }
    let new = VaultKey::create(NEW, FAST, &mut SeededRandom::new(8)).unwrap();
    let g = save_over(&store, &new, &with_name("四"), Over::Current, true, None)
        .await
        .unwrap();
    assert_eq!(store.generation_numbers().await.unwrap(), vec![g]);
    for n in store.generation_numbers().await.unwrap() {
        let bytes = store.generation(n).await.unwrap().unwrap();
        assert!(oncefill::core::vault::open_profile(PASS, &bytes).is_err());
        assert!(oncefill::core::vault::open_profile(NEW, &bytes).is_ok());
    }
    assert_eq!(
        unlock(&store, PASS).await.err(),
        Some(UnlockError::Vault(VaultError::WrongPassphrase))
    );
    store.close();
}

/// The Chinese messages, which the site serves beside the bundle and the loader hands over.
fn messages() {
    let zh = include_str!("../src/core/i18n/zh-CN.ftl");
    oncefill::core::i18n::install(oncefill::core::i18n::Lang::ZhCn, zh.to_string());
}
