//! Text-level helpers: date patterns, full/half width, phone styles.

use time::Date;

/// Writes `date` by a pattern of `YYYY`, `MM` (two digits), `M` (no padding), `DD`, `D`; every
/// other character is copied. `None` when the pattern has another ASCII letter (a typo such
/// as `YYY` or `mm`) or no date token at all.
pub fn format_pattern(date: Date, pattern: &str) -> Option<String> {
    let (y, m, d) = (date.year(), u8::from(date.month()), date.day());
    let mut out = String::new();
    let mut rest = pattern;
    let mut tokens = 0;
    while let Some(c) = rest.chars().next() {
        let (text, len) = if rest.starts_with("YYYY") {
            (format!("{y:04}"), 4)
        } else if rest.starts_with("MM") {
            (format!("{m:02}"), 2)
        } else if rest.starts_with("DD") {
            (format!("{d:02}"), 2)
        } else if c == 'M' {
            (m.to_string(), 1)
        } else if c == 'D' {
            (d.to_string(), 1)
        } else if c.is_ascii_alphabetic() {
            return None;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        tokens += 1;
        out.push_str(&text);
        rest = &rest[len..];
    }
    (tokens > 0).then_some(out)
}

/// Full-width forms (U+FF01–U+FF5E, U+3000) to ASCII; everything else unchanged.
pub fn to_half(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Printable ASCII and the space to their full-width forms; everything else unchanged.
pub fn to_full(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        })
        .collect()
}

/// A phone number in parts: a mobile, or a landline (area code with its trunk `0`, or a
/// 400/800 number), with an optional extension.
pub(super) enum Phone {
    Mobile(String),
    Landline {
        area: String,
        number: String,
        ext: Option<String>,
    },
    Service {
        number: String,
        ext: Option<String>,
    },
}

pub(super) fn parse_phone(input: &str) -> Option<Phone> {
    if let Ok(m) = crate::core::validate::mobile(input) {
        return Some(Phone::Mobile(m));
    }
    let normal = crate::core::validate::landline(input).ok()?;
    let parts: Vec<&str> = normal.split('-').collect();
    if parts.len() >= 3 && matches!(parts[0], "400" | "800") {
        return Some(Phone::Service {
            number: parts[..3].concat(),
            ext: parts.get(3).map(|e| (*e).to_string()),
        });
    }
    match parts.as_slice() {
        [area, number] => Some(Phone::Landline {
            area: (*area).to_string(),
            number: (*number).to_string(),
            ext: None,
        }),
        [area, number, ext] => Some(Phone::Landline {
            area: (*area).to_string(),
            number: (*number).to_string(),
            ext: Some((*ext).to_string()),
        }),
        _ => None,
    }
}
