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

/// The text of the first QR code found in a grayscale picture of `width` × `height` pixels
/// (row by row, 0 black to 255 white).
pub fn decode(width: usize, height: usize, pixels: &[u8]) -> Result<String, HandoffError> {
    let count = width.checked_mul(height).ok_or(HandoffError::NoQrCode)?;
    if count == 0 || count > MAX_PIXELS || pixels.len() != count {
        return Err(HandoffError::NoQrCode);
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .ok_or(HandoffError::NoQrCode)
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

    #[test]
    fn a_text_too_long_for_level_m_is_made_at_level_l_and_still_read() {
        let at_m = render(&"a".repeat(MAX_BYTES_M)).unwrap();
        assert_eq!(at_m.version(), 40);
        let text: String = (0..MAX_BYTES_L)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let at_l = render(&text).unwrap();
        assert_eq!(at_l.version(), 40);
        let (side, pixels) = at_l.rasterise(3);
        assert_eq!(decode(side, side, &pixels).unwrap(), text);
    }
}
