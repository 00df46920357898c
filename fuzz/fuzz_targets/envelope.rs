//! The vault envelope: reading arbitrary bytes as an envelope never panics, and what parses
//! is consistent; sealing arbitrary plaintext under a fixed small key opens to the same bytes,
//! and any single-bit change or truncation of the result is refused.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::Lang;
use oncefill::core::vault::{
    KdfParams, RECORD_BACKUP, SeededRandom, VaultKey, open, open_with_key, parse_header, seal,
};

const PASS: &str = "fuzz passphrase";
/// The smallest parameters the format allows with one lane, so that every execution is fast.
const SMALL: KdfParams = KdfParams {
    m_kib: 8,
    t: 1,
    p: 1,
};
/// `open` derives a key with the parameters the input asks for; beyond this much work
/// (KiB × passes) an input would only make the fuzzer slow, not find more.
const MAX_WORK_KIB: u64 = 1024;

fn key() -> &'static VaultKey {
    static KEY: OnceLock<VaultKey> = OnceLock::new();
    KEY.get_or_init(|| {
        VaultKey::create(PASS, SMALL, &mut SeededRandom::new(1)).expect("a small key derives")
    })
}

fn seed(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Arbitrary bytes as an envelope: no panic, and a header that parses is consistent.
fn read_arbitrary(data: &[u8]) {
    match parse_header(data) {
        Ok(header) => {
            assert!(header.header_len + 4 + 16 <= data.len());
            assert!((16..=64).contains(&header.salt.len()));
            assert!((1..=64).contains(&header.record.len()));
            let work = u64::from(header.params.m_kib) * u64::from(header.params.t);
            if work <= MAX_WORK_KIB
                && let Err(e) = open(PASS, data)
            {
                let _ = (e.code(), e.message(Lang::ZhCn), e.message(Lang::En));
            }
        }
        Err(e) => {
            let _ = (e.code(), e.message(Lang::ZhCn), e.message(Lang::En));
            assert!(open(PASS, data).is_err());
        }
    }
    let _ = open_with_key(key(), data);
}

fuzz_target!(|data: &[u8]| {
    read_arbitrary(data);
    // The same bytes after the magic, version and KDF id, so that the fuzzer explores the
    // header's fields without first having to guess an 8-byte magic.
    let mut prefixed = b"ONCEFILL\x01\x01".to_vec();
    prefixed.extend_from_slice(data);
    read_arbitrary(&prefixed);

    // Arbitrary plaintext: seal, open, damage.
    let mut rng = SeededRandom::new(seed(data));
    let sealed = seal(key(), RECORD_BACKUP, data, &mut rng).expect("seal");
    let opened = open(PASS, &sealed).expect("a sealed envelope opens");
    assert_eq!(&opened.plaintext[..], data);
    assert_eq!(opened.record, RECORD_BACKUP);
    assert_eq!(
        &open_with_key(key(), &sealed).expect("opens with its key")[..],
        data
    );
    assert!(open("not the passphrase", &sealed).is_err());
    if let [a, b, ..] = data {
        let at = (usize::from(*a) << 8 | usize::from(*b)) % sealed.len();
        let mut damaged = sealed.clone();
        damaged[at] ^= 1 << (b % 8);
        assert!(
            open_with_key(key(), &damaged).is_err(),
            "flipped bit {} of byte {at} accepted",
            b % 8
        );
        let header = parse_header(&damaged);
        let cheap = header.as_ref().map_or(true, |h| {
            u64::from(h.params.m_kib) * u64::from(h.params.t) <= MAX_WORK_KIB
        });
        if cheap {
            assert!(open(PASS, &damaged).is_err(), "flip at {at} opened");
        }
        assert!(
            open_with_key(key(), &sealed[..at]).is_err(),
            "prefix {at} opened"
        );
    }
});
