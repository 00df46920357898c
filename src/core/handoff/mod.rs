//! The QR hand-off (一窗受理): a citizen's OnceFill passes chosen elements to the staff desk
//! through one QR code, sealed so that only that desk's session can open them, and only for
//! a few minutes.
//!
//! 1. The desk starts a [`DeskSession`]: an ephemeral P-256 key pair, kept in the desk's memory
//!    only. It shows the session's [`Offer`] as a QR code (or as text to type), and the
//!    offer's [check code](Offer::check_code) in large digits beside it.
//! 2. The citizen's app reads the offer, shows the same check code (the person sees they are
//!    sealing to the desk in front of them), and [`seal`]s the elements the person chose:
//!    ECDH with a fresh ephemeral key, HKDF-SHA256 to an AES-256-GCM key and nonce, the
//!    payload encrypted with the version, the session's key and the offer's expiry as
//!    associated data. The sealed text is shown as a QR code ([`qr::render`]).
//! 3. The desk reads that code ([`qr::decode`]) and [opens](DeskSession::open) it with the
//!    session's secret. Every value is checked by the element's validator
//!    ([`crate::core::check`]) before the desk sees it.
//!
//! Nothing here touches a network, a camera or a screen: the edges read and show the texts.
//!
//! # Formats, version 1
//!
//! Base64url is RFC 4648 §5 without padding; times are Unix seconds (UTC).
//!
//! **Offer** (desk → citizen), ASCII: `OFO1.` ‖ base64url(session public key, SEC1
//! compressed, 33 bytes) ‖ `.` ‖ offer expiry (decimal). The check code is not sent: both
//! sides compute it from the key, as six digits of SHA-256 (`"oncefill-handoff/1 check"` ‖
//! key), so a substituted offer shows other digits.
//!
//! **Sealed** (citizen → desk), ASCII: `OFS1.` ‖ base64url(session id ‖ ephemeral public key
//! ‖ ciphertext), where
//!
//! | bytes | field |
//! |---|---|
//! | 4 | session id: the first 4 bytes of SHA-256(`"oncefill-handoff/1 session"` ‖ session key) |
//! | 33 | the citizen's ephemeral P-256 public key, SEC1 compressed |
//! | n + 16 | AES-256-GCM ciphertext of the payload with its tag |
//!
//! Key and nonce: HKDF-SHA256 with salt `"oncefill-handoff/1"`, the ECDH shared secret (its
//! x-coordinate) as input and (ephemeral key ‖ session key) as info, expanded to 44 bytes:
//! the key is bytes 0..32, the nonce bytes 32..44 (a new ephemeral key for every seal makes
//! both new). The associated data is `"OFS1"` ‖ session key (33) ‖ offer expiry (8 bytes,
//! big-endian, signed) ‖ session id ‖ ephemeral key.
//!
//! **Payload** (UTF-8 JSON, no other member allowed):
//! `{"iat":1767225600,"exp":1767225900,"e":[["person.name","王小明"],["person.name","李芳","spouse"]],"p":["<JWT>~<disclosure>~"]}`:
//! issued-at, expiry (at most [`PAYLOAD_TTL`] after issue), the elements, each its
//! dictionary id, its value, and whose it is (a role such as `spouse` or `child[0]`; omitted
//! for the applicant), and, optionally, `p`: at most [`MAX_PRESENTATIONS`] presentations of
//! the applicant's signed credentials (RFC 9901 SD-JWT, `<issuer-signed JWT>~<disclosure>~…~`,
//! no key binding), each carrying only the disclosures of chosen elements ([`present`]).
//! `p` is omitted when empty, so a payload without credentials is as before. The desk
//! verifies each presentation against its trust list and the applicant's values in `e`
//! ([`present::check`]); the ones that verify mark their elements as verified by the
//! credential.
//!
//! # What the desk refuses
//!
//! Texts longer than [`MAX_SEALED_CHARS`] (what a version-40 QR code holds at level L),
//! another version, a session id not its own, any
//! changed byte (the AEAD fails), a payload past its expiry or issued more than
//! [`CLOCK_SKEW`] ahead of the desk's clock or after the offer ran out, a lifetime longer
//! than [`PAYLOAD_TTL`], more than [`MAX_ELEMENTS`] elements, unknown elements or roles, an
//! element given twice for the same person, values their validator refuses, and more than
//! [`MAX_PRESENTATIONS`] presentations or one that is not an SD-JWT without key binding. Every
//! refusal is a [`HandoffError`] whose message names the element at most, never a value.
//!
//! ```
//! use oncefill::core::dictionary::Key;
//! use oncefill::core::handoff::{DeskSession, Item, Offer, seal};
//! use oncefill::core::vault::OsRandom;
//! let now = 1_767_225_600;
//! let desk = DeskSession::start(now, &mut OsRandom).unwrap();
//! let offer = Offer::parse(&desk.offer().text()).unwrap();
//! assert_eq!(offer.check_code(), desk.offer().check_code());
//! let items = [Item::new(Key::PersonName, None, "王小明")];
//! let sealed = seal(&offer, &items, now, &mut OsRandom).unwrap();
//! let received = desk.open(&sealed, now + 30).unwrap();
//! assert_eq!(received.items[0].value(), "王小明");
//! assert!(desk.open(&sealed, now + 301).is_err(), "five minutes later it is useless");
//! ```

pub mod qr;

#[cfg(any(not(target_arch = "wasm32"), feature = "credentials"))]
pub mod present;

#[cfg(any(not(target_arch = "wasm32"), feature = "credentials"))]
pub mod attest;

use std::collections::BTreeSet;
use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64ct::{Base64UrlUnpadded, Encoding};
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::CompressedPoint;
use p256::{NistP256, PublicKey, SecretKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use zeroize::{Zeroize, Zeroizing};

use crate::core::check::{Context, Data, check};
use crate::core::clock::CHINA_OFFSET;
use crate::core::dictionary::Key;
use crate::core::disclosure::{Entry, FormRef};
use crate::core::i18n::{Arg, Lang, tr};
use crate::core::profile::{Profile, Relation, Source};
use crate::core::role::{Role, RoleRef};
use crate::core::vault::Random;

/// The format version this code writes and reads.
pub const VERSION: u8 = 1;
/// How long a desk's offer can be sealed to (seconds).
pub const OFFER_TTL: i64 = 600;
/// How long a sealed payload stays valid (seconds): five minutes.
pub const PAYLOAD_TTL: i64 = 300;
/// How far ahead of the desk's clock a payload's issue time may lie (seconds).
pub const CLOCK_SKEW: i64 = 120;
/// The longest sealed text a desk reads, checked before any decoding: what a version-40 QR
/// code holds at level L (2 953 bytes; [`qr::render`] uses level M up to 2 331).
pub const MAX_SEALED_CHARS: usize = qr::MAX_BYTES_L;
/// The most credential presentations one hand-off carries.
pub const MAX_PRESENTATIONS: usize = 4;
/// The most elements one hand-off carries.
pub const MAX_ELEMENTS: usize = 64;

const OFFER_PREFIX: &str = "OFO";
const SEALED_PREFIX: &str = "OFS";
const KEY_LEN: usize = 33;
const ID_LEN: usize = 4;
const TAG_LEN: usize = 16;
const SALT: &[u8] = b"oncefill-handoff/1";

/// Why a hand-off could not be made or opened. Messages name an element at most, never a
/// value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HandoffError {
    /// The offer text is not a desk's offer.
    OfferMalformed,
    /// The desk's offer has run out: the desk must start a new one.
    OfferExpired,
    /// Nothing was chosen to hand over.
    Empty,
    /// Too many elements, or too long a text.
    TooLarge,
    /// Not a sealed hand-off (prefix, base64url or layout wrong).
    Malformed,
    /// A version this program does not read.
    UnknownVersion,
    /// Sealed for another desk, or for an earlier session of this one.
    WrongSession,
    /// Changed or damaged on the way: the seal does not open.
    Tampered,
    /// Past its expiry.
    Expired,
    /// Issued later than the desk's clock allows.
    FutureDated,
    /// Its lifetime is longer than allowed, or ends before it begins.
    Lifetime,
    /// An element this version does not know.
    UnknownElement,
    /// A role (whose data) this version does not know.
    UnknownRole,
    /// An element given twice for the same person.
    DuplicateElement {
        /// The element.
        key: Key,
    },
    /// A value its validator refuses.
    InvalidValue {
        /// The element.
        key: Key,
    },
    /// The system could not supply random bytes.
    Randomness,
    /// No QR code could be read in the picture.
    NoQrCode,
    /// The text does not fit one QR code.
    TooLargeForQr,
}

impl HandoffError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            HandoffError::OfferMalformed => "offer-malformed",
            HandoffError::OfferExpired => "offer-expired",
            HandoffError::Empty => "empty",
            HandoffError::TooLarge => "too-large",
            HandoffError::Malformed => "malformed",
            HandoffError::UnknownVersion => "version",
            HandoffError::WrongSession => "wrong-session",
            HandoffError::Tampered => "tampered",
            HandoffError::Expired => "expired",
            HandoffError::FutureDated => "future",
            HandoffError::Lifetime => "lifetime",
            HandoffError::UnknownElement => "unknown-element",
            HandoffError::UnknownRole => "unknown-role",
            HandoffError::DuplicateElement { .. } => "duplicate",
            HandoffError::InvalidValue { .. } => "invalid-value",
            HandoffError::Randomness => "randomness",
            HandoffError::NoQrCode => "no-qr",
            HandoffError::TooLargeForQr => "qr-too-large",
        }
    }

    /// The sentence a person reads.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("handoff-{}", self.code());
        match self {
            HandoffError::DuplicateElement { key } | HandoffError::InvalidValue { key } => {
                let element = key.element();
                let label = match lang {
                    Lang::ZhCn => element.zh,
                    Lang::En => element.en,
                };
                tr(lang, &id, &[("element", Arg::Str(label))])
            }
            _ => tr(lang, &id, &[]),
        }
    }
}

impl fmt::Display for HandoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for HandoffError {}

/// One element handed over: which, whose, and its value (zeroized when dropped; `Debug`
/// never shows it).
#[derive(Clone, PartialEq, Eq)]
pub struct Item {
    /// The element.
    pub key: Key,
    /// Whose: `None` for the applicant.
    pub role: Option<RoleRef>,
    /// Who vouched for the value: set by the desk for an element a presented credential
    /// verified ([`present::check`]); `None` when it is the person's own declaration.
    pub verified: Option<Source>,
    value: Zeroizing<String>,
}

impl Item {
    /// An element of `role` (the applicant when `None`) with its value.
    pub fn new(key: Key, role: Option<RoleRef>, value: impl Into<String>) -> Item {
        Item {
            key,
            role,
            verified: None,
            value: Zeroizing::new(value.into()),
        }
    }

    /// The value.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.role {
            Some(role) => write!(f, "Item({}, {role}, ***)", self.key.id()),
            None => write!(f, "Item({}, ***)", self.key.id()),
        }
    }
}

impl Item {
    /// The element `key` of `role` (the profile's owner when `None`) as the profile holds it;
    /// `None` when the profile has no such value (or holds a list).
    pub fn from_profile(profile: &Profile, key: Key, role: Option<RoleRef>) -> Option<Item> {
        let text = match role {
            None => profile.owner()?.values.text(key)?,
            Some(r) => {
                let (person, link) = profile.role_values(r)?;
                link.and_then(|l| l.text(key))
                    .or_else(|| person.text(key))?
            }
        };
        Some(Item::new(key, role, text))
    }
}

/// The entry of a hand-off for the person's disclosure record (授权记录): the desk (by its
/// check code) in place of a form, the elements and whose they are, never a value.
pub fn disclosure_entry(offer: &Offer, items: &[Item], time: &str) -> Entry {
    let desk = FormRef {
        origin: DESK_ORIGIN.to_string(),
        title: format!("一窗受理 {}", offer.check_code()),
        mapping: None,
    };
    Entry::new(
        time,
        &desk,
        items.iter().map(|i| (i.key, i.role)),
        items.len(),
    )
}

/// The origin a hand-off is recorded under in the disclosure record.
pub const DESK_ORIGIN: &str = "oncefill:desk";

/// What a desk received: the checked elements, and when they were sealed and run out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// When the citizen's app sealed them (Unix seconds).
    pub issued_at: i64,
    /// When the sealed text ran out (Unix seconds).
    pub expires_at: i64,
    /// The elements, in the order the person's app gave them, values normalised by their
    /// validators.
    pub items: Vec<Item>,
    /// The credential presentations (`p`), as sent: not yet verified.
    pub presentations: Vec<Presentation>,
}

/// A credential presentation as carried (zeroized when dropped; `Debug` shows its length).
#[derive(Clone, PartialEq, Eq)]
pub struct Presentation(Zeroizing<String>);

impl Presentation {
    /// The compact text, `<JWT>~<disclosure>~…~`.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Presentation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Presentation({} chars, ***)", self.0.len())
    }
}

impl Received {
    /// The elements as a profile for the desk's editor: the applicant's in the owner's
    /// record, a spouse's, a child's (`child[n]`), a father's or a mother's in a household
    /// member of that relation, each stamped `now` (RFC 3339) as declared by the person. The
    /// elements of other roles (a firm's, an agent's) are returned apart, for the clerk to
    /// enter where the case needs them.
    pub fn to_profile(&self, now: &str) -> (Profile, Vec<&Item>) {
        let mut profile = Profile::new();
        let apart = self.apply_to(&mut profile, now);
        (profile, apart)
    }

    /// As [`Received::to_profile`], into a profile the desk already holds (what the clerk
    /// typed for this case): a received element replaces that person's value of it, the
    /// others stay. The first household member of a relation is `spouse`, the `n`-th child
    /// `child[n]`; missing ones are added. Returns the elements of other roles.
    pub fn apply_to(&self, profile: &mut Profile, now: &str) -> Vec<&Item> {
        let mut apart = Vec::new();
        for item in &self.items {
            let relation = match item.role.map(|r| r.role) {
                None => Some(Relation::Owner),
                Some(Role::Spouse) => Some(Relation::Spouse),
                Some(Role::Child) => Some(Relation::Child),
                Some(Role::Father) => Some(Relation::Father),
                Some(Role::Mother) => Some(Relation::Mother),
                Some(_) => None,
            };
            let Some(relation) = relation else {
                apart.push(item);
                continue;
            };
            let nth = item.role.map_or(0, RoleRef::nth);
            while profile
                .persons
                .iter()
                .filter(|p| p.relation == relation)
                .count()
                <= nth
            {
                profile.add_person(relation);
            }
            if let Some(person) = profile
                .persons
                .iter_mut()
                .filter(|p| p.relation == relation)
                .nth(nth)
            {
                person.values.set(
                    item.key,
                    Data::Text(item.value().to_string()),
                    item.verified.clone().unwrap_or(Source::SelfDeclared),
                    now,
                );
            }
        }
        apart
    }
}

/// A desk's offer: the session's public key and until when it may be sealed to.
#[derive(Clone, PartialEq, Eq)]
pub struct Offer {
    key: [u8; KEY_LEN],
    expires_at: i64,
}

impl fmt::Debug for Offer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Offer(check {}, expires {})",
            self.check_code(),
            self.expires_at
        )
    }
}

fn tagged_hash(label: &[u8], key: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(label);
    h.update(key);
    h.finalize().into()
}

fn session_id(key: &[u8; KEY_LEN]) -> [u8; ID_LEN] {
    let h = tagged_hash(b"oncefill-handoff/1 session", key);
    [h[0], h[1], h[2], h[3]]
}

/// The version digits after a prefix: `OFO1.` → `Ok(("1", rest))`.
fn split_version<'a>(text: &'a str, prefix: &str) -> Option<(&'a str, &'a str)> {
    let rest = text.strip_prefix(prefix)?;
    let (version, rest) = rest.split_once('.')?;
    (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())).then_some((version, rest))
}

impl Offer {
    /// The offer as text, for a QR code or for typing.
    pub fn text(&self) -> String {
        format!(
            "{OFFER_PREFIX}{VERSION}.{}.{}",
            Base64UrlUnpadded::encode_string(&self.key),
            self.expires_at
        )
    }

    /// Reads an offer (surrounding spaces ignored).
    pub fn parse(text: &str) -> Result<Offer, HandoffError> {
        let text = text.trim();
        if text.len() > 128 {
            return Err(HandoffError::OfferMalformed);
        }
        let (version, rest) =
            split_version(text, OFFER_PREFIX).ok_or(HandoffError::OfferMalformed)?;
        if version != VERSION.to_string() {
            return Err(HandoffError::UnknownVersion);
        }
        let (key, expiry) = rest.split_once('.').ok_or(HandoffError::OfferMalformed)?;
        let key = Base64UrlUnpadded::decode_vec(key).map_err(|_| HandoffError::OfferMalformed)?;
        let key: [u8; KEY_LEN] = key.try_into().map_err(|_| HandoffError::OfferMalformed)?;
        PublicKey::from_sec1_bytes(&key).map_err(|_| HandoffError::OfferMalformed)?;
        if !expiry.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HandoffError::OfferMalformed);
        }
        let expires_at = expiry
            .parse::<i64>()
            .map_err(|_| HandoffError::OfferMalformed)?;
        Ok(Offer { key, expires_at })
    }

    /// The six digits both screens show, so the person sees they seal to this desk.
    pub fn check_code(&self) -> String {
        let h = tagged_hash(b"oncefill-handoff/1 check", &self.key);
        let n = u32::from_be_bytes([h[0], h[1], h[2], h[3]]) % 1_000_000;
        format!("{n:06}")
    }

    /// Until when it may be sealed to (Unix seconds).
    pub fn expires_at(&self) -> i64 {
        self.expires_at
    }
}

/// A desk's session: its secret key lives here only, and is zeroized when the session is
/// dropped. `Debug` shows the check code and expiry alone.
pub struct DeskSession {
    secret: SecretKey,
    offer: Offer,
}

impl fmt::Debug for DeskSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeskSession({:?}, ***)", self.offer)
    }
}

/// A P-256 secret key from the random source (a draw outside the scalar range, which has
/// probability below 2⁻³², is drawn again).
fn random_secret(rng: &mut dyn Random) -> Result<SecretKey, HandoffError> {
    let mut bytes = Zeroizing::new([0u8; 32]);
    for _ in 0..8 {
        rng.fill(&mut bytes[..])
            .map_err(|_| HandoffError::Randomness)?;
        if let Ok(secret) = SecretKey::from_slice(&bytes[..]) {
            return Ok(secret);
        }
    }
    Err(HandoffError::Randomness)
}

fn compressed(key: &PublicKey) -> [u8; KEY_LEN] {
    let point = CompressedPoint::<NistP256>::from(key);
    let mut out = [0u8; KEY_LEN];
    out.copy_from_slice(&point);
    out
}

/// The AEAD key and nonce of one seal.
struct Sealing {
    key: Zeroizing<[u8; 32]>,
    nonce: [u8; 12],
}

fn derive(
    secret: &SecretKey,
    peer: &PublicKey,
    ephemeral: &[u8; KEY_LEN],
    session: &[u8; KEY_LEN],
) -> Result<Sealing, HandoffError> {
    let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), peer.as_affine());
    let hkdf = Hkdf::<Sha256>::new(Some(SALT), shared.raw_secret_bytes());
    let mut info = [0u8; 2 * KEY_LEN];
    info[..KEY_LEN].copy_from_slice(ephemeral);
    info[KEY_LEN..].copy_from_slice(session);
    let mut okm = Zeroizing::new([0u8; 44]);
    hkdf.expand(&info, &mut okm[..])
        .map_err(|_| HandoffError::Randomness)?;
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(&okm[..32]);
    let mut nonce = [0u8; 12];
    nonce.copy_from_slice(&okm[32..]);
    Ok(Sealing { key, nonce })
}

fn associated_data(offer: &Offer, header: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(4 + KEY_LEN + 8 + header.len());
    aad.extend_from_slice(format!("{SEALED_PREFIX}{VERSION}").as_bytes());
    aad.extend_from_slice(&offer.key);
    aad.extend_from_slice(&offer.expires_at.to_be_bytes());
    aad.extend_from_slice(header);
    aad
}

/// The payload as written and read. Its strings are zeroized when it is dropped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    iat: i64,
    exp: i64,
    e: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    p: Vec<String>,
}

impl Drop for Wire {
    fn drop(&mut self) {
        self.e.iter_mut().flatten().for_each(Zeroize::zeroize);
        self.p.iter_mut().for_each(Zeroize::zeroize);
    }
}

/// Whether `text` is shaped as a presentation the desk reads: an SD-JWT without key binding
/// (`<JWT>~…~`, the JWT in three parts), within the sealed text's own limit.
fn presentation_shaped(text: &str) -> bool {
    text.len() <= MAX_SEALED_CHARS
        && text.ends_with('~')
        && text
            .split('~')
            .next()
            .is_some_and(|jwt| jwt.split('.').count() == 3)
}

/// Seals `items` to a desk's `offer` at `now` (Unix seconds): valid for [`PAYLOAD_TTL`].
/// Returns the sealed text, for a QR code.
pub fn seal(
    offer: &Offer,
    items: &[Item],
    now: i64,
    rng: &mut dyn Random,
) -> Result<String, HandoffError> {
    seal_with(offer, items, &[], now, rng)
}

/// As [`seal`], with credential presentations of the applicant's elements (at most
/// [`MAX_PRESENTATIONS`], each from [`present::presentations`]). Refused with
/// [`HandoffError::TooLargeForQr`] when the sealed text would not fit one QR code.
pub fn seal_with(
    offer: &Offer,
    items: &[Item],
    presentations: &[String],
    now: i64,
    rng: &mut dyn Random,
) -> Result<String, HandoffError> {
    if presentations.len() > MAX_PRESENTATIONS {
        return Err(HandoffError::TooLargeForQr);
    }
    if !presentations.iter().all(|p| presentation_shaped(p)) {
        return Err(HandoffError::Malformed);
    }
    if now > offer.expires_at {
        return Err(HandoffError::OfferExpired);
    }
    if items.is_empty() {
        return Err(HandoffError::Empty);
    }
    if items.len() > MAX_ELEMENTS {
        return Err(HandoffError::TooLarge);
    }
    let mut seen = BTreeSet::new();
    for item in items {
        if !seen.insert(whose(item.key, item.role)) {
            return Err(HandoffError::DuplicateElement { key: item.key });
        }
    }
    let wire = Wire {
        iat: now,
        exp: now.saturating_add(PAYLOAD_TTL),
        e: items
            .iter()
            .map(|i| {
                let mut entry = vec![i.key.id().to_string(), i.value().to_string()];
                if let Some(role) = i.role {
                    entry.push(role.to_string());
                }
                entry
            })
            .collect(),
        p: presentations.to_vec(),
    };
    // Room for the worst case (every byte escaped as `\u00XX`), so the buffer is never
    // reallocated and no unwiped copy of a value is left behind.
    let room: usize = wire
        .e
        .iter()
        .flatten()
        .chain(&wire.p)
        .map(|s| 6 * s.len() + 8)
        .sum();
    let mut plaintext = Zeroizing::new(Vec::with_capacity(room + 64));
    serde_json::to_writer(&mut *plaintext, &wire).map_err(|_| HandoffError::Malformed)?;
    drop(wire);

    let session =
        PublicKey::from_sec1_bytes(&offer.key).map_err(|_| HandoffError::OfferMalformed)?;
    let ephemeral = random_secret(rng)?;
    let ephemeral_key = compressed(&ephemeral.public_key());
    let sealing = derive(&ephemeral, &session, &ephemeral_key, &offer.key)?;
    let mut out = Vec::with_capacity(ID_LEN + KEY_LEN + plaintext.len() + TAG_LEN);
    out.extend_from_slice(&session_id(&offer.key));
    out.extend_from_slice(&ephemeral_key);
    let aad = associated_data(offer, &out);
    let cipher = Aes256Gcm::new(&(*sealing.key).into());
    let ciphertext = cipher
        .encrypt(
            &Nonce::from(sealing.nonce),
            Payload {
                msg: &plaintext,
                aad: &aad,
            },
        )
        .map_err(|_| HandoffError::TooLarge)?;
    out.extend_from_slice(&ciphertext);
    let text = format!(
        "{SEALED_PREFIX}{VERSION}.{}",
        Base64UrlUnpadded::encode_string(&out)
    );
    if text.len() > MAX_SEALED_CHARS {
        return Err(if presentations.is_empty() {
            HandoffError::TooLarge
        } else {
            HandoffError::TooLargeForQr
        });
    }
    Ok(text)
}

impl DeskSession {
    /// Starts a session at `now` (Unix seconds): a fresh key pair, offered for [`OFFER_TTL`].
    pub fn start(now: i64, rng: &mut dyn Random) -> Result<DeskSession, HandoffError> {
        Self::start_for(now, OFFER_TTL, rng)
    }

    /// Starts a session offered for `ttl` seconds.
    pub fn start_for(
        now: i64,
        ttl: i64,
        rng: &mut dyn Random,
    ) -> Result<DeskSession, HandoffError> {
        let secret = random_secret(rng)?;
        let key = compressed(&secret.public_key());
        Ok(DeskSession {
            secret,
            offer: Offer {
                key,
                expires_at: now.saturating_add(ttl),
            },
        })
    }

    /// The offer to show.
    pub fn offer(&self) -> &Offer {
        &self.offer
    }

    /// Opens a sealed text at `now` (Unix seconds), checking every value.
    pub fn open(&self, text: &str, now: i64) -> Result<Received, HandoffError> {
        let text = text.trim();
        if text.len() > MAX_SEALED_CHARS {
            return Err(HandoffError::TooLarge);
        }
        let (version, body) = split_version(text, SEALED_PREFIX).ok_or(HandoffError::Malformed)?;
        if version != VERSION.to_string() {
            return Err(HandoffError::UnknownVersion);
        }
        let bytes = Base64UrlUnpadded::decode_vec(body).map_err(|_| HandoffError::Malformed)?;
        if bytes.len() < ID_LEN + KEY_LEN + TAG_LEN {
            return Err(HandoffError::Malformed);
        }
        let (header, ciphertext) = bytes.split_at(ID_LEN + KEY_LEN);
        if header[..ID_LEN] != session_id(&self.offer.key) {
            return Err(HandoffError::WrongSession);
        }
        let mut ephemeral_key = [0u8; KEY_LEN];
        ephemeral_key.copy_from_slice(&header[ID_LEN..]);
        let ephemeral =
            PublicKey::from_sec1_bytes(&ephemeral_key).map_err(|_| HandoffError::Tampered)?;
        let sealing = derive(&self.secret, &ephemeral, &ephemeral_key, &self.offer.key)?;
        let aad = associated_data(&self.offer, header);
        let cipher = Aes256Gcm::new(&(*sealing.key).into());
        let plaintext = cipher
            .decrypt(
                &Nonce::from(sealing.nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| HandoffError::Tampered)?;
        let wire: Wire = serde_json::from_slice(&plaintext).map_err(|_| HandoffError::Malformed)?;
        if wire.exp <= wire.iat
            || wire
                .exp
                .checked_sub(wire.iat)
                .is_none_or(|d| d > PAYLOAD_TTL)
        {
            return Err(HandoffError::Lifetime);
        }
        if now > wire.exp {
            return Err(HandoffError::Expired);
        }
        if wire.iat > now.saturating_add(CLOCK_SKEW)
            || wire.iat > self.offer.expires_at.saturating_add(CLOCK_SKEW)
        {
            return Err(HandoffError::FutureDated);
        }
        let items = read_items(&wire, now)?;
        if wire.p.len() > MAX_PRESENTATIONS {
            return Err(HandoffError::TooLarge);
        }
        if !wire.p.iter().all(|p| presentation_shaped(p)) {
            return Err(HandoffError::Malformed);
        }
        Ok(Received {
            issued_at: wire.iat,
            expires_at: wire.exp,
            items,
            presentations: wire
                .p
                .iter()
                .map(|p| Presentation(Zeroizing::new(p.clone())))
                .collect(),
        })
    }
}

/// An element of one person: `spouse` and `spouse[0]` are the same person.
fn whose(key: Key, role: Option<RoleRef>) -> (Key, Option<(Role, usize)>) {
    (key, role.map(|r| (r.role, r.nth())))
}

/// The payload's elements, known, each once per person, and checked by their validators.
fn read_items(wire: &Wire, now: i64) -> Result<Vec<Item>, HandoffError> {
    if wire.e.is_empty() {
        return Err(HandoffError::Empty);
    }
    if wire.e.len() > MAX_ELEMENTS {
        return Err(HandoffError::TooLarge);
    }
    let mut parsed = Vec::with_capacity(wire.e.len());
    let mut seen = BTreeSet::new();
    for entry in &wire.e {
        let (id, value, role) = match entry.as_slice() {
            [id, value] => (id, value, None),
            [id, value, role] => (id, value, Some(role)),
            _ => return Err(HandoffError::Malformed),
        };
        let key = Key::from_id(id).ok_or(HandoffError::UnknownElement)?;
        let role = match role {
            None => None,
            Some(text) => Some(RoleRef::parse(text).ok_or(HandoffError::UnknownRole)?),
        };
        if !seen.insert(whose(key, role)) {
            return Err(HandoffError::DuplicateElement { key });
        }
        parsed.push((key, role, value.as_str()));
    }
    let today = OffsetDateTime::from_unix_timestamp(now)
        .map_err(|_| HandoffError::Expired)?
        .to_offset(CHINA_OFFSET)
        .date();
    let mut items = Vec::with_capacity(parsed.len());
    for &(key, role, value) in &parsed {
        // An ID number is checked by the document type handed over with it, if any (as
        // its validator normalises it; a refused type is refused in its own turn).
        let id_type = parsed
            .iter()
            .find(|(k, r, _)| *k == Key::PersonIdType && *r == role)
            .and_then(|(_, _, v)| check(Key::PersonIdType, v, &Context::on(today)).ok())
            .and_then(|c| c.value.as_text().map(|t| Zeroizing::new(t.to_string())));
        let ctx = Context {
            today,
            id_type: id_type.as_deref().map(String::as_str),
        };
        let mut checked =
            check(key, value, &ctx).map_err(|_| HandoffError::InvalidValue { key })?;
        let item = checked
            .value
            .as_text()
            .map(|text| Item::new(key, role, text));
        match &mut checked.value {
            Data::Text(text) => text.zeroize(),
            Data::List(list) => list.iter_mut().for_each(Zeroize::zeroize),
        }
        items.push(item.ok_or(HandoffError::InvalidValue { key })?);
    }
    Ok(items)
}

/// The set a citizen typically hands over (the demo person's name, sex, ethnicity, birth
/// date, ID number, address and mobile), for the tests and the committed vector.
#[cfg(any(test, feature = "testing"))]
pub fn typical_items() -> Vec<Item> {
    vec![
        Item::new(Key::PersonName, None, "王小明"),
        Item::new(Key::PersonSex, None, "1"),
        Item::new(Key::PersonEthnicity, None, "01"),
        Item::new(Key::PersonBirthDate, None, "1990-03-07"),
        Item::new(Key::PersonIdNumber, None, "110105199003071239"),
        Item::new(
            Key::PersonResidenceAddress,
            None,
            "北京市朝阳区建国路88号院3号楼2单元1502室",
        ),
        Item::new(Key::ContactMobile, None, "13800138000"),
    ]
}

#[cfg(test)]
mod tests;
