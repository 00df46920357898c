//! The QR hand-off to the staff desk, end to end: a committed vector (a fixed random
//! source), the QR code the typical set needs, and codes read back from pictures.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use oncefill::core::dictionary::Key;
use oncefill::core::handoff::{
    DeskSession, HandoffError, Item, Offer, PAYLOAD_TTL, qr, seal, typical_items,
};
use oncefill::core::role::RoleRef;
use oncefill::core::vault::SeededRandom;

/// 2026-01-01T00:00:00Z.
const NOW: i64 = 1_767_225_600;

fn desk() -> DeskSession {
    DeskSession::start(NOW, &mut SeededRandom::new(2026)).unwrap()
}

/// The desk's offer from `SeededRandom::new(2026)` at [`NOW`].
const OFFER: &str = "OFO1.A8wnuMcCEfLKBy6BvIKAex_1VX_X1QZ0xugsVRFahf79.1767226200";
/// Its check code.
const CHECK_CODE: &str = "675452";
/// The typical set sealed to [`OFFER`] at [`NOW`] with `SeededRandom::new(7)`.
const SEALED: &str = "OFS1.Z2DqZQLIvncVlp6Mz4CH6H-QgSoeyN58jeSxhpq4MmcBPJ7a48cWe6j-H_b9WDCxsglJuV_GIcqxdCWDPq1vuI25h-w4q2Xy_biSxqt4mx6fWGF4ainhVLP3NMcPPKBVmJEbo_6PldhE3ZmzscbXckXjg4DIOPI4ONTXPziK7ibW1Xefh4IlpLf3dod9SanmfmSu59ChfQaI3ZTWgQK4yeNVQ9SyCONsptGjhje2kRexa9pJofH1m9YT8cO1L1JwWB20gsKld40_7ivHoQOdDkc8AdbsWbbLSR4U3k1vEPxNnBDdZ8skzmieGHHCTuuzzcmAM-dbLDJAU9OJ2zw3SqFPfrjrR5wnW8oEF8mWvTv6P-DXhnGR3qUr8wRU547z22QPPZBSrMH6AcwmP9mhBtmqDMMCxRaKwzRjXHnNhOtVk2Pai3mIDZ8yQDHrr7nZdM1uXOyjEeMcC_OCuhnCft9jFM2CakEhaa1iVrs";

#[test]
fn the_committed_vector_seals_and_opens_exactly() {
    let desk = desk();
    assert_eq!(desk.offer().text(), OFFER);
    let offer = Offer::parse(OFFER).unwrap();
    assert_eq!(offer.check_code(), CHECK_CODE);
    assert_eq!(desk.offer().check_code(), CHECK_CODE);
    let sealed = seal(&offer, &typical_items(), NOW, &mut SeededRandom::new(7)).unwrap();
    assert_eq!(sealed, SEALED, "the format changed: a new version is due");
    let received = desk.open(SEALED, NOW + 60).unwrap();
    assert_eq!(received.items, typical_items());
    assert_eq!(received.issued_at, NOW);
    assert_eq!(received.expires_at, NOW + PAYLOAD_TTL);
    // A photographed code is useless to anyone else, and to this desk five minutes on.
    let other = DeskSession::start(NOW, &mut SeededRandom::new(2027)).unwrap();
    assert_eq!(other.open(SEALED, NOW), Err(HandoffError::WrongSession));
    assert_eq!(
        desk.open(SEALED, NOW + PAYLOAD_TTL + 1),
        Err(HandoffError::Expired)
    );
}

#[test]
fn a_seal_is_fresh_every_time() {
    let desk = desk();
    let a = seal(
        desk.offer(),
        &typical_items(),
        NOW,
        &mut SeededRandom::new(8),
    )
    .unwrap();
    let b = seal(
        desk.offer(),
        &typical_items(),
        NOW,
        &mut SeededRandom::new(9),
    )
    .unwrap();
    assert_ne!(a, b);
    assert_eq!(desk.open(&a, NOW).unwrap(), desk.open(&b, NOW).unwrap());
}

#[test]
fn the_typical_set_fits_a_version_17_code_at_level_m() {
    assert_eq!(SEALED.len(), 492);
    let code = qr::render(SEALED).unwrap();
    assert_eq!(code.version(), 17);
    assert_eq!(code.width(), 85);
    let offer = qr::render(OFFER).unwrap();
    assert_eq!((offer.version(), offer.width()), (4, 33));
    // With a spouse's name and ID number as well, it still fits one code.
    let spouse = RoleRef::parse("spouse");
    let mut more = typical_items();
    more.push(Item::new(Key::PersonName, spouse, "李芳"));
    more.push(Item::new(Key::PersonIdNumber, spouse, "11010519920514002X"));
    let sealed = seal(desk().offer(), &more, NOW, &mut SeededRandom::new(7)).unwrap();
    assert!(qr::render(&sealed).unwrap().version() <= 20);
}

#[test]
fn render_rasterise_decode_open() {
    let desk = desk();
    let (side, pixels) = qr::render(SEALED).unwrap().rasterise(4);
    let text = qr::decode(side, side, &pixels).unwrap();
    assert_eq!(text, SEALED);
    assert_eq!(desk.open(&text, NOW).unwrap().items, typical_items());
    let (side, pixels) = qr::render(OFFER).unwrap().rasterise(2);
    assert_eq!(qr::decode(side, side, &pixels).unwrap(), OFFER);
}

/// A camera's view: the code scaled by a factor that is no whole number, placed off centre
/// on a larger grey frame, washed out (dark grey on light grey) and with noise in every pixel.
fn photographed(side: usize, pixels: &[u8], scale: f64, noise: u8) -> (usize, usize, Vec<u8>) {
    let (w, h) = (
        (side as f64 * scale) as usize + 90,
        (side as f64 * scale) as usize + 60,
    );
    let (ox, oy) = (50.0, 23.0);
    let mut seed: u32 = 0x2026_1205;
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let sx = (x as f64 - ox) / scale;
            let sy = (y as f64 - oy) / scale;
            let inside = sx >= 0.0 && sy >= 0.0 && (sx as usize) < side && (sy as usize) < side;
            let base: i32 = if inside && pixels[sy as usize * side + sx as usize] == 0 {
                60
            } else {
                200
            };
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let jitter = (seed >> 24) as i32 % (i32::from(noise) * 2 + 1) - i32::from(noise);
            out.push((base + jitter).clamp(0, 255) as u8);
        }
    }
    (w, h, out)
}

#[test]
fn a_scaled_noisy_picture_still_decodes_and_opens() {
    let desk = desk();
    let (side, pixels) = qr::render(SEALED).unwrap().rasterise(3);
    // rqrr thresholds each pixel: noise of ±10 grey levels at 4.1 pixels a module reads,
    // ±20 needs about 6 pixels a module.
    for (scale, noise) in [(1.37, 10), (2.3, 20)] {
        let (w, h, photo) = photographed(side, &pixels, scale, noise);
        let text = qr::decode(w, h, &photo).unwrap();
        assert_eq!(desk.open(&text, NOW).unwrap().items, typical_items());
    }
    // Noise beyond any threshold leaves nothing to read.
    let (w, h, snow) = photographed(side, &pixels, 1.37, 255);
    assert_eq!(qr::decode(w, h, &snow), Err(HandoffError::NoQrCode));
}

mod arbitrary {
    use super::*;
    use base64ct::{Base64UrlUnpadded, Encoding};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_text_is_refused_never_a_panic(text in "\\PC{0,600}") {
            prop_assert!(desk().open(&text, NOW).is_err());
            let _ = Offer::parse(&text);
        }

        #[test]
        fn any_bytes_after_the_prefix_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let text = format!("OFS1.{}", Base64UrlUnpadded::encode_string(&bytes));
            prop_assert!(desk().open(&text, NOW).is_err());
        }

        #[test]
        fn any_changed_character_of_the_vector_is_refused(at in 5usize..SEALED.len(), with in "[A-Za-z0-9_-]") {
            let mut changed = SEALED.to_string();
            changed.replace_range(at..at + 1, &with);
            prop_assume!(changed != SEALED);
            prop_assert!(desk().open(&changed, NOW).is_err());
        }
    }
}
