//! QR codes for the hand-off: a text to a matrix of modules ([`render`], with the `qrcode`
//! crate), and a grayscale picture back to its text ([`decode`], with `rqrr`). Drawing the
//! matrix and taking the picture are the edges' business.
//!
//! Codes are made at error-correction level M (15 % of the code words may be lost), the
//! usual level for a code read from a screen by a camera, in the smallest version the text
//! fits; a text longer than a version-40 code holds at M ([`MAX_BYTES_M`]) is made at level L
//! (7 %), up to [`MAX_BYTES_L`].

use qrcode::{Color, EcLevel, QrCode, Version};

use super::HandoffError;

/// The modules of a QR code, row by row, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    version: u8,
    width: usize,
    dark: Vec<bool>,
}

/// The most bytes a version-40 code holds at level M (byte mode).
pub const MAX_BYTES_M: usize = 2331;

/// The most bytes a version-40 code holds at level L (byte mode): the longest text rendered.
pub const MAX_BYTES_L: usize = 2953;

/// The quiet zone the standard asks for around a code, in modules.
pub const QUIET_ZONE: usize = 4;

/// The largest picture [`decode`] reads (pixels), so a hostile frame cannot make it work for
/// long: 4 096 × 4 096.
pub const MAX_PIXELS: usize = 4096 * 4096;

impl Matrix {
    /// The QR version (1 ..= 40).
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side (17 + 4 × version).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark (outside the code: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// A grayscale picture of the code (0 black, 255 white), `scale` pixels per module, with
    /// the quiet zone: returns its side in pixels and its pixels row by row.
    pub fn rasterise(&self, scale: usize) -> (usize, Vec<u8>) {
        let scale = scale.max(1);
        let side = (self.width + 2 * QUIET_ZONE) * scale;
        let mut pixels = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                if mx >= QUIET_ZONE
                    && my >= QUIET_ZONE
                    && self.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE)
                {
                    pixels[y * side + x] = 0;
                }
            }
        }
        (side, pixels)
    }

    /// The code as an SVG picture (one path of unit squares, dark on white, with the quiet
    /// zone; the viewer scales it), for a screen to show.
    pub fn svg(&self) -> String {
        let side = self.width + 2 * QUIET_ZONE;
        let mut path = String::new();
        for y in 0..self.width {
            for x in 0..self.width {
                if self.is_dark(x, y) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
                }
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" \
             fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
        )
    }
}

/// The QR code of `text`, at level M in the smallest version it fits, else at level L.
pub fn render(text: &str) -> Result<Matrix, HandoffError> {
    if text.len() > MAX_BYTES_L {
        return Err(HandoffError::TooLargeForQr);
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .map_err(|_| HandoffError::TooLargeForQr)?;
    let version = match code.version() {
        Version::Normal(v) => u8::try_from(v).map_err(|_| HandoffError::TooLargeForQr)?,
        Version::Micro(_) => return Err(HandoffError::TooLargeForQr),
    };
    Ok(Matrix {
        version,
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

/// The sizes, in percent of a picture's sides, [`decode`] reads a picture at when no code was
/// read at its own size. rqrr samples each module at one point: when a module is a
/// fraction of a pixel more or less than a whole number of pixels wide, as in a camera's
/// frame, the sampling drifts off the modules of a large code (measured on a version-40 code
/// box-filtered to 2–6 pixels a module: about one picture in four read at its own size, three
/// in four with the smaller sizes tried too).
const RETRY_SCALES: [usize; 4] = [85, 72, 61, 52];

/// The text of the first QR code found in a grayscale picture of `width` × `height` pixels
/// (row by row, 0 black to 255 white). A picture with no code read at its own size is read
/// again at four smaller sizes (`RETRY_SCALES`).
pub fn decode(width: usize, height: usize, pixels: &[u8]) -> Result<String, HandoffError> {
    let count = width.checked_mul(height).ok_or(HandoffError::NoQrCode)?;
    if count == 0 || count > MAX_PIXELS || pixels.len() != count {
        return Err(HandoffError::NoQrCode);
    }
    if let Some(text) = read(width, height, pixels) {
        return Ok(text);
    }
    for percent in RETRY_SCALES {
        let (w, h) = (width * percent / 100, height * percent / 100);
        if w < 21 || h < 21 {
            break;
        }
        if let Some(text) = read(w, h, &shrink(pixels, width, height, w, h)) {
            return Ok(text);
        }
    }
    Err(HandoffError::NoQrCode)
}

/// The text of the first code rqrr reads in the picture as it is.
fn read(width: usize, height: usize, pixels: &[u8]) -> Option<String> {
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

/// `pixels` (`width` × `height`) made `w` × `h` (no larger), each new pixel the mean of the
/// old ones it covers.
fn shrink(pixels: &[u8], width: usize, height: usize, w: usize, h: usize) -> Vec<u8> {
    let span = |i: usize, new: usize, old: usize| {
        let start = i * old / new;
        start..((i + 1) * old / new).max(start + 1)
    };
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        let rows = span(y, h, height);
        for x in 0..w {
            let cols = span(x, w, width);
            let (mut sum, mut n) = (0u32, 0u32);
            for row in rows.clone() {
                for &p in &pixels[row * width + cols.start..row * width + cols.end] {
                    sum += u32::from(p);
                    n += 1;
                }
            }
            out.push(u8::try_from(sum / n).unwrap_or(u8::MAX));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_code_decodes_to_its_text() {
        let text = "OFO1.A5Z0AmDZ3fJjMx6a-9FcZdpmvVYY1ptnLmHkGxqR1fMm.1767226200";
        let matrix = render(text).unwrap();
        assert_eq!(matrix.width(), 17 + 4 * usize::from(matrix.version()));
        let (side, pixels) = matrix.rasterise(4);
        assert_eq!(decode(side, side, &pixels).unwrap(), text);
    }

    #[test]
    fn the_svg_has_one_square_per_dark_module_inside_the_quiet_zone() {
        let matrix = render("OFO1.test").unwrap();
        let svg = matrix.svg();
        let side = matrix.width() + 2 * QUIET_ZONE;
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
        let dark = (0..matrix.width())
            .flat_map(|y| (0..matrix.width()).map(move |x| (x, y)))
            .filter(|&(x, y)| matrix.is_dark(x, y))
            .count();
        assert_eq!(svg.matches("h1v1h-1z").count(), dark);
        // The top-left finder pattern's corner, just inside the quiet zone.
        assert!(svg.contains(&format!("M{QUIET_ZONE} {QUIET_ZONE}h1v1h-1z")));
    }

    #[test]
    fn pictures_without_a_code_or_of_the_wrong_size_are_refused() {
        assert_eq!(
            decode(64, 64, &[255u8; 64 * 64]),
            Err(HandoffError::NoQrCode)
        );
        assert_eq!(decode(64, 64, &[0u8; 10]), Err(HandoffError::NoQrCode));
        assert_eq!(decode(0, 0, &[]), Err(HandoffError::NoQrCode));
        assert_eq!(
            decode(usize::MAX, 2, &[]),
            Err(HandoffError::NoQrCode),
            "no overflow"
        );
    }

    #[test]
    fn a_text_beyond_version_40_is_refused() {
        assert_eq!(render(&"x".repeat(3000)), Err(HandoffError::TooLargeForQr));
        assert_eq!(
            render(&"x".repeat(MAX_BYTES_L + 1)),
            Err(HandoffError::TooLargeForQr)
        );
    }

    /// `len` letters, a to z over and over: a text that fills a code without repeating itself
    /// at once.
    fn letters(len: usize) -> String {
        (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect()
    }

    #[test]
    fn a_text_too_long_for_level_m_is_made_at_level_l_and_still_read() {
        let at_m = render(&"a".repeat(MAX_BYTES_M)).unwrap();
        assert_eq!(at_m.version(), 40);
        let text = letters(MAX_BYTES_L);
        let at_l = render(&text).unwrap();
        assert_eq!(at_l.version(), 40);
        let (side, pixels) = at_l.rasterise(3);
        assert_eq!(decode(side, side, &pixels).unwrap(), text);
    }

    #[test]
    fn a_large_code_at_a_camera_s_uneven_scale_is_read_by_trying_smaller_sizes() {
        // A version-40 code drawn at 8 pixels a module, then box-filtered to sizes a camera
        // gives (2.5–4.3 pixels a module, rarely whole): most are read only at a smaller size.
        let text = letters(MAX_BYTES_M);
        let matrix = render(&text).unwrap();
        assert_eq!(matrix.version(), 40);
        let (side, pixels) = matrix.rasterise(8);
        let modules = matrix.width() + 2 * QUIET_ZONE;
        let sizes: Vec<usize> = (0..12).map(|i| modules * 5 / 2 + i * modules / 6).collect();
        let (mut at_first, mut read) = (0, 0);
        for &size in &sizes {
            let picture = shrink(&pixels, side, side, size, size);
            if super::read(size, size, &picture).as_deref() == Some(text.as_str()) {
                at_first += 1;
            }
            if decode(size, size, &picture).as_deref() == Ok(text.as_str()) {
                read += 1;
            }
        }
        assert!(read >= at_first);
        assert!(
            read * 3 >= sizes.len() * 2,
            "{read} of {} read ({at_first} at their own size)",
            sizes.len()
        );
    }

    #[test]
    fn shrinking_averages_the_pixels_covered() {
        let pixels = [0, 255, 0, 255, 255, 255, 0, 0];
        assert_eq!(shrink(&pixels, 4, 2, 2, 1), vec![191, 63]);
        assert_eq!(shrink(&pixels, 4, 2, 4, 2), pixels.to_vec());
    }
}
