//! The vault: the profile encrypted at rest (GB/T 35273-2020 §6.3), sealed and opened here;
//! storing the bytes is the edges' business.
//!
//! A passphrase is stretched with Argon2id into a 32-byte AES-256-GCM key. Every save seals the
//! whole profile with a fresh random nonce; the envelope's header (format version, KDF
//! parameters, salt, key check, record id, nonce) is the associated data, so no header byte can
//! change unnoticed. Randomness is injected ([`Random`]); keys are zeroized when dropped, which
//! is what locking does.
//!
//! # Envelope format, version 1
//!
//! A sealed vault, a stored generation and a `.oncefill` backup file are all this envelope.
//! Integers are little-endian.
//!
//! | offset | size | field | value |
//! |---|---|---|---|
//! | 0 | 8 | magic | `ONCEFILL` (ASCII) |
//! | 8 | 1 | format version | `1` |
//! | 9 | 1 | KDF | `1` = Argon2id, version 0x13 |
//! | 10 | 4 | `m_cost` | memory in KiB, 8·p ..= [`MAX_PARAMS`]`.m_kib` (131 072) |
//! | 14 | 4 | `t_cost` | passes, 1 ..= [`MAX_PARAMS`]`.t` (6) |
//! | 18 | 4 | `p_cost` | lanes, 1 ..= [`MAX_PARAMS`]`.p` (4) |
//! | 22 | 1 | salt length S | 16 ..= 64 |
//! | 23 | S | salt | random |
//! | 23+S | 16 | key check | bytes 32..48 of the 48-byte Argon2id output |
//! | 39+S | 1 | AEAD | `1` = AES-256-GCM |
//! | 40+S | 1 | record id length R | 1 ..= 64 |
//! | 41+S | R | record id | UTF-8: `vault` for a stored generation, `backup` for a backup file |
//! | 41+S+R | 12 | nonce | random, new for every seal |
//! | 53+S+R | 4 | ciphertext length C | 16 ..= 64 MiB, and exactly the rest of the input |
//! | 57+S+R | C | ciphertext | AES-256-GCM of the profile JSON (UTF-8) with its 16-byte tag |
//!
//! The associated data is every byte before the ciphertext. The encryption key is bytes
//! 0..32 of the Argon2id output; the key check (bytes 32..48) tells a wrong passphrase apart
//! from a damaged file without revealing the key. Anything else — another magic, an unknown
//! version, KDF or AEAD, parameters out of range, a truncated or over-long input — is
//! rejected before any key is derived, so a hostile file cannot make the reader allocate
//! gigabytes. Parameters costlier than [`MAX_PARAMS`] are refused as
//! [`VaultError::TooCostly`], also before any work: a file cannot make one attempt take
//! more than twice the memory and passes of [`DEFAULT_PARAMS`].
//!
//! ```
//! use oncefill::core::vault::{KdfParams, OsRandom, VaultKey, open, seal};
//! let mut rng = OsRandom;
//! let params = KdfParams { m_kib: 64, t: 1, p: 1 }; // tiny, for the example only
//! let key = VaultKey::create("correct horse battery staple", params, &mut rng).unwrap();
//! let sealed = seal(&key, "vault", b"{\"version\":2}", &mut rng).unwrap();
//! let opened = open("correct horse battery staple", &sealed).unwrap();
//! assert_eq!(&opened.plaintext[..], b"{\"version\":2}");
//! assert!(open("wrong", &sealed).is_err());
//! ```

mod passphrase;

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

pub use passphrase::{HINTS, Strength, offline_strength, retry_delay_ms, strength};

use crate::core::profile::{FormatError, Profile};

const MAGIC: &[u8; 8] = b"ONCEFILL";
/// The envelope format version this code writes.
pub const FORMAT_VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const AEAD_AES256GCM: u8 = 1;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const CHECK_LEN: usize = 16;
const MAX_CIPHERTEXT: usize = 64 << 20;
/// The record id of a stored generation.
pub const RECORD_VAULT: &str = "vault";
/// The record id of a backup file.
pub const RECORD_BACKUP: &str = "backup";

/// Argon2id cost parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

/// The parameters new vaults use: 64 MiB, 3 passes, 1 lane.
///
/// This is the second recommended option of RFC 9106 §4 (Argon2id, 64 MiB, t = 3, for
/// settings that cannot spend 2 GiB), with one lane because the browser derives the key on a
/// single thread. It is well above OWASP's Password Storage Cheat Sheet minimum for Argon2id
/// (19 MiB with t = 2, or 46 MiB with t = 1), which OnceFill used before: about 5 times its
/// cost for a guesser. An unlock in the browser on the development machine takes
/// `unlock_ms_wasm` = 246 ms (docs/BENCHMARKS.md, 2026-12-04), so a device four times slower
/// still unlocks within about a second; the widget's WebAssembly memory grows to 66 MiB for it
/// (`wasm_memory_mib_after_unlock`), which browsers on phones grant. Vaults sealed with other parameters keep opening: the
/// parameters are read from each envelope's header (up to [`MAX_PARAMS`]).
pub const DEFAULT_PARAMS: KdfParams = KdfParams {
    m_kib: 64 * 1024,
    t: 3,
    p: 1,
};

/// The costliest parameters a vault or backup may ask for: twice the memory and twice the
/// passes of [`DEFAULT_PARAMS`], at most 4 lanes. A header asking for more is refused before
/// any key is derived ([`VaultError::TooCostly`]), so a crafted file cannot make one attempt
/// take seconds and hundreds of megabytes.
pub const MAX_PARAMS: KdfParams = KdfParams {
    m_kib: 2 * DEFAULT_PARAMS.m_kib,
    t: 2 * DEFAULT_PARAMS.t,
    p: 4,
};

impl KdfParams {
    fn check(self) -> Result<(), VaultError> {
        if self.p > MAX_PARAMS.p || self.t > MAX_PARAMS.t || self.m_kib > MAX_PARAMS.m_kib {
            return Err(VaultError::TooCostly(self));
        }
        if self.p == 0 || self.t == 0 || self.m_kib < 8 * self.p {
            return Err(VaultError::Malformed("kdf parameters out of range"));
        }
        Ok(())
    }
}

/// Why sealing or opening failed. Nothing stored is changed by a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VaultError {
    /// Not an OnceFill envelope, or a damaged header; the detail names the part.
    Malformed(&'static str),
    /// An envelope of a newer format.
    UnsupportedVersion(u8),
    /// The passphrase does not open it.
    WrongPassphrase,
    /// The passphrase is right but the content was changed or damaged.
    Tampered,
    /// The header asks for a key derivation costlier than [`MAX_PARAMS`]; nothing was derived.
    TooCostly(KdfParams),
    /// The content is not a profile.
    NotAProfile(FormatError),
    /// The system could not supply random bytes.
    Randomness,
    /// The key could not be derived (should not happen with checked parameters).
    Kdf,
}

impl VaultError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::Malformed(_) => "vault.malformed",
            VaultError::UnsupportedVersion(_) => "vault.version",
            VaultError::WrongPassphrase => "vault.wrong_passphrase",
            VaultError::Tampered => "vault.tampered",
            VaultError::TooCostly(_) => "vault.too_costly",
            VaultError::NotAProfile(_) => "vault.not_a_profile",
            VaultError::Randomness => "vault.randomness",
            VaultError::Kdf => "vault.kdf",
        }
    }

    /// The sentence a person reads when the vault kept on this device does not open. No file
    /// was chosen, so a wrong passphrase is only that: no damaged file is suggested.
    pub fn unlock_message(&self, lang: crate::core::i18n::Lang) -> String {
        match self {
            VaultError::WrongPassphrase => {
                crate::core::i18n::tr(lang, "unlock-wrong-passphrase", &[])
            }
            other => other.message(lang),
        }
    }

    /// The sentence a person reads (opening a backup file).
    pub fn message(&self, lang: crate::core::i18n::Lang) -> String {
        use crate::core::i18n::{Arg, tr};
        match self {
            VaultError::Malformed(part) => {
                tr(lang, "vault-malformed", &[("detail", Arg::Str(part))])
            }
            VaultError::UnsupportedVersion(v) => tr(
                lang,
                "vault-version",
                &[("version", Arg::Num(i64::from(*v)))],
            ),
            VaultError::WrongPassphrase => tr(lang, "vault-wrong-passphrase", &[]),
            VaultError::Tampered => tr(lang, "vault-tampered", &[]),
            VaultError::TooCostly(asked) => {
                let mib = |p: &KdfParams| Arg::Num(i64::from(p.m_kib / 1024));
                let passes = |p: &KdfParams| Arg::Num(i64::from(p.t));
                tr(
                    lang,
                    "vault-too-costly",
                    &[
                        ("mib", mib(asked)),
                        ("passes", passes(asked)),
                        ("lanes", Arg::Num(i64::from(asked.p))),
                        ("max_mib", mib(&MAX_PARAMS)),
                        ("max_passes", passes(&MAX_PARAMS)),
                        ("max_lanes", Arg::Num(i64::from(MAX_PARAMS.p))),
                    ],
                )
            }
            VaultError::NotAProfile(e) => tr(
                lang,
                "vault-not-a-profile",
                &[("detail", Arg::Str(&e.message(lang)))],
            ),
            VaultError::Randomness => tr(lang, "vault-randomness", &[]),
            VaultError::Kdf => tr(lang, "vault-kdf", &[]),
        }
    }
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::core::i18n::Lang::En))
    }
}

/// A source of random bytes.
pub trait Random {
    /// Fills `buf` with random bytes.
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), VaultError>;
}

/// The operating system's (or the browser's) cryptographic random source.
pub struct OsRandom;

impl Random for OsRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), VaultError> {
        getrandom::fill(buf).map_err(|_| VaultError::Randomness)
    }
}

/// A deterministic source for tests and known-answer vectors: AES-256-GCM keystream of a
/// seed (never for real vaults). Only in tests: the crate's own, and those that enable the
/// `testing` feature (the integration tests and the fuzz targets, as dev-dependencies).
#[cfg(any(test, feature = "testing"))]
pub struct SeededRandom {
    cipher: Aes256Gcm,
    counter: u64,
}

#[cfg(any(test, feature = "testing"))]
impl SeededRandom {
    /// A source from a seed.
    pub fn new(seed: u64) -> Self {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        SeededRandom {
            cipher: Aes256Gcm::new(&key.into()),
            counter: 0,
        }
    }
}

#[cfg(any(test, feature = "testing"))]
impl Random for SeededRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), VaultError> {
        for chunk in buf.chunks_mut(16) {
            let mut nonce = [0u8; NONCE_LEN];
            nonce[..8].copy_from_slice(&self.counter.to_le_bytes());
            self.counter += 1;
            let block = self
                .cipher
                .encrypt(&Nonce::from(nonce), &[0u8; 16][..])
                .map_err(|_| VaultError::Randomness)?;
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
        Ok(())
    }
}

/// A derived key with the salt and parameters it came from. Zeroized when dropped; `Debug`
/// shows nothing secret.
pub struct VaultKey {
    key: Zeroizing<[u8; 32]>,
    check: [u8; CHECK_LEN],
    salt: Vec<u8>,
    params: KdfParams,
}

impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VaultKey({:?}, ***)", self.params)
    }
}

impl VaultKey {
    /// Derives the key of `passphrase` with a given salt and parameters.
    pub fn derive(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<Self, VaultError> {
        params.check()?;
        let argon = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(params.m_kib, params.t, params.p, Some(32 + CHECK_LEN))
                .map_err(|_| VaultError::Kdf)?,
        );
        let mut out = Zeroizing::new([0u8; 32 + CHECK_LEN]);
        argon
            .hash_password_into(passphrase.as_bytes(), salt, &mut out[..])
            .map_err(|_| VaultError::Kdf)?;
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&out[..32]);
        let mut check = [0u8; CHECK_LEN];
        check.copy_from_slice(&out[32..]);
        Ok(VaultKey {
            key,
            check,
            salt: salt.to_vec(),
            params,
        })
    }

    /// A new key for `passphrase` with a fresh random salt.
    pub fn create(
        passphrase: &str,
        params: KdfParams,
        rng: &mut dyn Random,
    ) -> Result<Self, VaultError> {
        let mut salt = [0u8; SALT_LEN];
        rng.fill(&mut salt)?;
        Self::derive(passphrase, &salt, params)
    }

    /// The KDF parameters.
    pub fn params(&self) -> KdfParams {
        self.params
    }
}

/// A parsed envelope header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// KDF parameters.
    pub params: KdfParams,
    /// Salt.
    pub salt: Vec<u8>,
    /// Key check.
    pub check: [u8; CHECK_LEN],
    /// Record id.
    pub record: String,
    /// Nonce.
    pub nonce: [u8; NONCE_LEN],
    /// Length of the associated data (the header) in the input.
    pub header_len: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, part: &'static str) -> Result<&'a [u8], VaultError> {
        let end = self.pos.checked_add(n).ok_or(VaultError::Malformed(part))?;
        let slice = self
            .bytes
            .get(self.pos..end)
            .ok_or(VaultError::Malformed(part))?;
        self.pos = end;
        Ok(slice)
    }

    fn u8(&mut self, part: &'static str) -> Result<u8, VaultError> {
        Ok(self.take(1, part)?[0])
    }

    fn u32(&mut self, part: &'static str) -> Result<u32, VaultError> {
        let b = self.take(4, part)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Reads and checks an envelope's header.
pub fn parse_header(bytes: &[u8]) -> Result<Header, VaultError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(8, "magic")? != MAGIC {
        return Err(VaultError::Malformed("magic"));
    }
    let version = r.u8("version")?;
    if version != FORMAT_VERSION {
        return Err(if version > FORMAT_VERSION {
            VaultError::UnsupportedVersion(version)
        } else {
            VaultError::Malformed("version")
        });
    }
    if r.u8("kdf")? != KDF_ARGON2ID {
        return Err(VaultError::Malformed("kdf"));
    }
    let params = KdfParams {
        m_kib: r.u32("kdf parameters")?,
        t: r.u32("kdf parameters")?,
        p: r.u32("kdf parameters")?,
    };
    params.check()?;
    let salt_len = r.u8("salt")? as usize;
    if !(16..=64).contains(&salt_len) {
        return Err(VaultError::Malformed("salt"));
    }
    let salt = r.take(salt_len, "salt")?.to_vec();
    let mut check = [0u8; CHECK_LEN];
    check.copy_from_slice(r.take(CHECK_LEN, "key check")?);
    if r.u8("aead")? != AEAD_AES256GCM {
        return Err(VaultError::Malformed("aead"));
    }
    let record_len = r.u8("record id")? as usize;
    if !(1..=64).contains(&record_len) {
        return Err(VaultError::Malformed("record id"));
    }
    let record = std::str::from_utf8(r.take(record_len, "record id")?)
        .map_err(|_| VaultError::Malformed("record id"))?
        .to_string();
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(r.take(NONCE_LEN, "nonce")?);
    let header_len = r.pos;
    let len = r.u32("ciphertext length")? as usize;
    if !(TAG_LEN..=MAX_CIPHERTEXT).contains(&len) || bytes.len() - r.pos != len {
        return Err(VaultError::Malformed("ciphertext length"));
    }
    Ok(Header {
        params,
        salt,
        check,
        record,
        nonce,
        header_len,
    })
}

/// Seals `plaintext` under `key` as record `record`, with a fresh nonce.
pub fn seal(
    key: &VaultKey,
    record: &str,
    plaintext: &[u8],
    rng: &mut dyn Random,
) -> Result<Vec<u8>, VaultError> {
    if record.is_empty() || record.len() > 64 || plaintext.len() + TAG_LEN > MAX_CIPHERTEXT {
        return Err(VaultError::Malformed("record id"));
    }
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce)?;
    let mut out = Vec::with_capacity(plaintext.len() + 128);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT_VERSION);
    out.push(KDF_ARGON2ID);
    out.extend_from_slice(&key.params.m_kib.to_le_bytes());
    out.extend_from_slice(&key.params.t.to_le_bytes());
    out.extend_from_slice(&key.params.p.to_le_bytes());
    out.push(key.salt.len() as u8);
    out.extend_from_slice(&key.salt);
    out.extend_from_slice(&key.check);
    out.push(AEAD_AES256GCM);
    out.push(record.len() as u8);
    out.extend_from_slice(record.as_bytes());
    out.extend_from_slice(&nonce);
    let cipher = Aes256Gcm::new(&(*key.key).into());
    let ciphertext = cipher
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: &out,
            },
        )
        .map_err(|_| VaultError::Malformed("plaintext"))?;
    out.extend_from_slice(&(ciphertext.len() as u32).to_le_bytes());
    out.extend_from_slice(&ciphertext);
    Ok(out)
}

/// An opened envelope.
pub struct Opened {
    /// The key, to save again without re-deriving it.
    pub key: VaultKey,
    /// The record id.
    pub record: String,
    /// The plaintext, zeroized when dropped.
    pub plaintext: Zeroizing<Vec<u8>>,
}

fn decrypt(
    key: &VaultKey,
    header: &Header,
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    if key.check != header.check || key.salt != header.salt || key.params != header.params {
        return Err(VaultError::WrongPassphrase);
    }
    let cipher = Aes256Gcm::new(&(*key.key).into());
    let aad = &bytes[..header.header_len];
    let ciphertext = &bytes[header.header_len + 4..];
    cipher
        .decrypt(
            &Nonce::from(header.nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Tampered)
}

/// Opens an envelope with a passphrase.
pub fn open(passphrase: &str, bytes: &[u8]) -> Result<Opened, VaultError> {
    let header = parse_header(bytes)?;
    let key = VaultKey::derive(passphrase, &header.salt, header.params)?;
    let plaintext = decrypt(&key, &header, bytes)?;
    Ok(Opened {
        key,
        record: header.record,
        plaintext,
    })
}

/// Opens an envelope with a key already derived (to check a save, or to reopen after a
/// save without the passphrase).
pub fn open_with_key(key: &VaultKey, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let header = parse_header(bytes)?;
    decrypt(key, &header, bytes)
}

/// Seals a profile.
pub fn seal_profile(
    key: &VaultKey,
    record: &str,
    profile: &Profile,
    rng: &mut dyn Random,
) -> Result<Vec<u8>, VaultError> {
    let json = Zeroizing::new(profile.to_json());
    seal(key, record, json.as_bytes(), rng)
}

/// Reads the profile inside opened plaintext.
pub fn profile_of(plaintext: &[u8]) -> Result<Profile, VaultError> {
    let text = std::str::from_utf8(plaintext)
        .map_err(|_| VaultError::NotAProfile(FormatError::NotAProfile))?;
    Profile::from_json(text).map_err(VaultError::NotAProfile)
}

/// Opens a sealed profile with a passphrase.
pub fn open_profile(passphrase: &str, bytes: &[u8]) -> Result<(VaultKey, Profile), VaultError> {
    let opened = open(passphrase, bytes)?;
    let profile = profile_of(&opened.plaintext)?;
    Ok((opened.key, profile))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_wrong_passphrase_at_unlock_suggests_no_damaged_file() {
        use crate::core::i18n::Lang;
        let unlock = VaultError::WrongPassphrase.unlock_message(Lang::ZhCn);
        assert!(unlock.contains("密码不正确"), "{unlock}");
        assert!(!unlock.contains("文件"), "{unlock}");
        assert!(
            !VaultError::WrongPassphrase
                .unlock_message(Lang::En)
                .contains("file")
        );
        let file = VaultError::WrongPassphrase.message(Lang::ZhCn);
        assert!(
            file.contains("文件已损坏"),
            "a backup file may be damaged: {file}"
        );
        assert_eq!(
            VaultError::Tampered.unlock_message(Lang::ZhCn),
            VaultError::Tampered.message(Lang::ZhCn)
        );
    }

    use super::*;

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn sealed(record: &str, plaintext: &[u8]) -> Vec<u8> {
        let mut rng = SeededRandom::new(1);
        let key = VaultKey::create("passphrase 1", FAST, &mut rng).unwrap();
        seal(&key, record, plaintext, &mut rng).unwrap()
    }

    #[test]
    fn round_trip() {
        let bytes = sealed(RECORD_VAULT, b"hello");
        let opened = open("passphrase 1", &bytes).unwrap();
        assert_eq!(&opened.plaintext[..], b"hello");
        assert_eq!(opened.record, RECORD_VAULT);
        assert_eq!(&open_with_key(&opened.key, &bytes).unwrap()[..], b"hello");
    }

    #[test]
    fn wrong_passphrase_is_told_apart_from_damage() {
        let bytes = sealed(RECORD_VAULT, b"hello");
        assert_eq!(
            open("passphrase 2", &bytes).err(),
            Some(VaultError::WrongPassphrase)
        );
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert_eq!(
            open("passphrase 1", &damaged).err(),
            Some(VaultError::Tampered)
        );
    }

    #[test]
    fn every_single_byte_tamper_is_rejected() {
        let bytes = sealed(RECORD_VAULT, b"{\"version\":2}");
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80] {
                let mut t = bytes.clone();
                t[i] ^= flip;
                assert!(
                    open("passphrase 1", &t).is_err(),
                    "byte {i} flip {flip:#x} accepted"
                );
            }
        }
    }

    #[test]
    fn truncated_and_extended_inputs_are_rejected() {
        let bytes = sealed(RECORD_VAULT, b"hello");
        for len in 0..bytes.len() {
            assert!(open("passphrase 1", &bytes[..len]).is_err(), "prefix {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            open("passphrase 1", &longer).err(),
            Some(VaultError::Malformed("ciphertext length"))
        );
    }

    #[test]
    fn hostile_parameters_are_rejected_before_any_work() {
        let mut bytes = sealed(RECORD_VAULT, b"hello");
        bytes[10..14].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(
            open("x", &bytes).err(),
            Some(VaultError::Malformed("kdf parameters out of range"))
        );
        let mut newer = sealed(RECORD_VAULT, b"hello");
        newer[8] = 9;
        assert_eq!(
            open("x", &newer).err(),
            Some(VaultError::UnsupportedVersion(9))
        );
        assert_eq!(
            open("x", b"PK\x03\x04 a zip file").err(),
            Some(VaultError::Malformed("magic"))
        );
    }

    /// A header with the given parameters in an otherwise valid envelope.
    fn with_params(m_kib: u32, t: u32, p: u32) -> Vec<u8> {
        let mut bytes = sealed(RECORD_VAULT, b"hello");
        bytes[10..14].copy_from_slice(&m_kib.to_le_bytes());
        bytes[14..18].copy_from_slice(&t.to_le_bytes());
        bytes[18..22].copy_from_slice(&p.to_le_bytes());
        bytes
    }

    #[test]
    fn costlier_parameters_than_the_cap_are_refused_before_deriving() {
        // What the format allowed before: 256 MiB and 16 passes, seconds per attempt.
        for (m, t, p) in [
            (256 * 1024, 16, 1),
            (MAX_PARAMS.m_kib + 1, 1, 1),
            (64, MAX_PARAMS.t + 1, 1),
            (64, 1, MAX_PARAMS.p + 1),
            (u32::MAX, u32::MAX, u32::MAX),
        ] {
            let bytes = with_params(m, t, p);
            let asked = KdfParams { m_kib: m, t, p };
            // Refused by the header alone, which is read before any key is derived.
            assert_eq!(
                parse_header(&bytes).err(),
                Some(VaultError::TooCostly(asked))
            );
            assert_eq!(open("x", &bytes).err(), Some(VaultError::TooCostly(asked)));
            assert!(VaultKey::derive("x", &[0; 16], asked).is_err());
        }
        let message = VaultError::TooCostly(KdfParams {
            m_kib: 256 * 1024,
            t: 16,
            p: 1,
        });
        let zh = message.message(crate::core::i18n::Lang::ZhCn);
        assert!(
            zh.contains("256 MiB") && zh.contains("16 遍") && zh.contains("128 MiB"),
            "{zh}"
        );
        let en = message.message(crate::core::i18n::Lang::En);
        assert!(
            en.contains("256 MiB, 16 passes") && en.contains("128 MiB, 6 passes"),
            "{en}"
        );
        assert_eq!(message.code(), "vault.too_costly");
    }

    #[test]
    fn the_cap_itself_and_older_defaults_are_accepted() {
        assert_eq!(MAX_PARAMS.check(), Ok(()));
        assert_eq!(DEFAULT_PARAMS.check(), Ok(()));
        // The parameters vaults were sealed with before: their header still reads.
        let old = KdfParams {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        };
        assert_eq!(old.check(), Ok(()));
        let bytes = with_params(old.m_kib, old.t, old.p);
        assert_eq!(parse_header(&bytes).map(|h| h.params), Ok(old));
    }

    #[test]
    fn an_opened_file_that_is_not_a_profile_is_described_without_its_values() {
        // The in-app import shows `open_profile(..).map_err(|e| e.message(lang))`.
        let id = "110105194912310025";
        let mut rng = SeededRandom::new(9);
        let key = VaultKey::create("p", FAST, &mut rng).unwrap();
        let json = format!(r#"{{"version":2,"persons":[{{"id":"p1","relation":"{id}"}}]}}"#);
        let bytes = seal(&key, RECORD_BACKUP, json.as_bytes(), &mut rng).unwrap();
        let error = open_profile("p", &bytes).err().unwrap();
        for lang in [crate::core::i18n::Lang::ZhCn, crate::core::i18n::Lang::En] {
            let text = error.message(lang);
            assert!(text.contains("persons[0].relation"), "{text}");
            let longest = text
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max();
            assert!(longest < Some(6), "{text} quotes digits of the value");
        }
        let zh = error.message(crate::core::i18n::Lang::ZhCn);
        assert!(zh.contains("取值不在可选范围内"), "{zh}");
    }

    #[test]
    fn nonces_are_fresh_for_every_seal() {
        let mut rng = SeededRandom::new(3);
        let key = VaultKey::create("p", FAST, &mut rng).unwrap();
        let a = seal(&key, RECORD_VAULT, b"same", &mut rng).unwrap();
        let b = seal(&key, RECORD_VAULT, b"same", &mut rng).unwrap();
        assert_ne!(a, b);
        assert_ne!(
            parse_header(&a).unwrap().nonce,
            parse_header(&b).unwrap().nonce
        );
    }

    #[test]
    fn debug_shows_no_key() {
        let mut rng = SeededRandom::new(3);
        let key = VaultKey::create("p", FAST, &mut rng).unwrap();
        let text = format!("{key:?}");
        assert!(text.starts_with("VaultKey(") && text.contains("***"));
    }

    #[test]
    fn profiles_round_trip() {
        let mut rng = SeededRandom::new(5);
        let key = VaultKey::create("p", FAST, &mut rng).unwrap();
        let demo = Profile::demo();
        let bytes = seal_profile(&key, RECORD_BACKUP, &demo, &mut rng).unwrap();
        let (_, back) = open_profile("p", &bytes).unwrap();
        assert_eq!(back, demo);
        let not_json = seal(&key, RECORD_VAULT, b"not json", &mut rng).unwrap();
        assert!(matches!(
            open_profile("p", &not_json),
            Err(VaultError::NotAProfile(_))
        ));
    }

    #[test]
    fn the_disclosure_record_is_sealed_with_the_profile_and_older_vaults_open_without_it() {
        use crate::core::dictionary::Key;
        use crate::core::disclosure::{Entry, FormRef, record};
        let mut rng = SeededRandom::new(7);
        let key = VaultKey::create("p", FAST, &mut rng).unwrap();
        let mut profile = Profile::demo();
        let form = FormRef {
            origin: "https://a.example".into(),
            title: "养老保险登记表".into(),
            mapping: Some("pension".into()),
        };
        record(
            &mut profile.disclosures,
            Entry::new(
                "2026-12-05T12:00:00Z",
                &form,
                [(Key::PersonName, None), (Key::PersonIdNumber, None)],
                2,
            ),
        );
        let bytes = seal_profile(&key, RECORD_VAULT, &profile, &mut rng).unwrap();
        let (_, back) = open_profile("p", &bytes).unwrap();
        assert_eq!(back.disclosures, profile.disclosures);
        assert_eq!(back, profile);
        // A vault sealed before the record existed opens, with an empty record; a newer
        // member of an entry and of the profile survives a save.
        let old = br#"{"version":2,"persons":[{"id":"p1","relation":"self","values":{}}]}"#;
        let sealed_old = seal(&key, RECORD_VAULT, old, &mut rng).unwrap();
        let (_, opened) = open_profile("p", &sealed_old).unwrap();
        assert!(opened.disclosures.is_empty());
        let newer = br#"{"version":3,"persons":[],"future":[1],"disclosures":[{"time":"2026-12-05T12:00:00Z",
            "origin":"https://a.example","elements":[],"count":1,"purpose":"x"}]}"#;
        let sealed_newer = seal(&key, RECORD_VAULT, newer, &mut rng).unwrap();
        let (_, opened) = open_profile("p", &sealed_newer).unwrap();
        let resaved = seal_profile(&key, RECORD_VAULT, &opened, &mut rng).unwrap();
        let (_, again) = open_profile("p", &resaved).unwrap();
        let json: serde_json::Value = serde_json::from_str(&again.to_json()).unwrap();
        assert_eq!(json["future"], serde_json::json!([1]));
        assert_eq!(json["disclosures"][0]["purpose"], "x");
    }
}
