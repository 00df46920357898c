//! Numbers of documents other than identity cards: the 不动产单元号 of a property and the
//! plate number of a vehicle.

use super::{Issue, half_width};

/// The two-digit province prefixes of GB/T 2260 (including 71 台湾, 81 香港, 82 澳门).
const PROVINCE_PREFIXES: &[&str] = &[
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

/// The number of characters in a 不动产单元号.
pub const PROPERTY_UNIT_CHARS: usize = 28;

/// A 不动产单元号 (real-property unit number), 28 characters: the 6-digit division code,
/// 6 digits of 地籍区 and 地籍子区, the 宗地/宗海 code (2 letters, 5 digits) and the 定着物
/// code (1 letter, 8 digits). Spaces are dropped and letters upper-cased; the result is
/// grouped `330106 001001 GB00001 F00010001`.
pub fn property_unit(input: &str) -> Result<String, Issue> {
    let chars: Vec<char> = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.is_empty() {
        return Err(Issue::Required);
    }
    if chars.len() != PROPERTY_UNIT_CHARS {
        return Err(Issue::PropertyUnitLength { found: chars.len() });
    }
    for (index, &found) in chars.iter().enumerate() {
        let position = index + 1;
        if matches!(position, 13 | 14 | 20) {
            if !found.is_ascii_uppercase() {
                return Err(Issue::PropertyUnitLetter { position, found });
            }
        } else if !found.is_ascii_digit() {
            return Err(Issue::PropertyUnitDigit { position, found });
        }
    }
    // All ASCII from here on, so byte slicing is safe.
    let text: String = chars.iter().collect();
    let division = &text[..6];
    if !PROVINCE_PREFIXES.contains(&&division[..2]) {
        return Err(Issue::PropertyUnitDivision {
            code: division.to_string(),
        });
    }
    Ok(format!(
        "{} {} {} {}",
        &text[..6],
        &text[6..12],
        &text[12..19],
        &text[19..]
    ))
}

/// Abbreviations of the provinces that start a plate number.
const PLATE_PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/// Characters that take the last serial position of special plates: trailer, driving school,
/// police, Hong Kong and Macao cross-border, consulate.
const PLATE_SUFFIXES: &[char] = &['挂', '学', '警', '港', '澳', '领'];

fn plate_serial_char(c: char) -> Result<(), Issue> {
    match c {
        'I' | 'O' => Err(Issue::PlateLetterIo { found: c }),
        c if c.is_ascii_digit() || c.is_ascii_uppercase() => Ok(()),
        _ => Err(Issue::PlateFormat),
    }
}

/// A vehicle plate number (号牌号码): province abbreviation, the issuing authority's letter
/// (not I or O) and 5 letters or digits (`京A12345`); 6 for new-energy vehicles, with `D`/`F`
/// first or last (`粤BD12345`, `粤B12345D`); or 4 and one of 挂 学 警 港 澳 领 (`京A1234学`);
/// or an embassy plate `使` + 6 digits. Spaces and the dot `·` are dropped, letters
/// upper-cased.
pub fn plate(input: &str) -> Result<String, Issue> {
    let chars: Vec<char> = input
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '・' | '‧' | '∙' | '.' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let Some((&first, rest)) = chars.split_first() else {
        return Err(Issue::Required);
    };
    if first == '使' {
        return if rest.len() == 6 && rest.iter().all(char::is_ascii_digit) {
            Ok(chars.iter().collect())
        } else {
            Err(Issue::PlateFormat)
        };
    }
    if !PLATE_PROVINCES.contains(first) {
        return Err(Issue::PlateProvince { found: first });
    }
    let Some((&authority, serial)) = rest.split_first() else {
        return Err(Issue::PlateFormat);
    };
    if matches!(authority, 'I' | 'O') {
        return Err(Issue::PlateLetterIo { found: authority });
    }
    if !authority.is_ascii_uppercase() {
        return Err(Issue::PlateAuthority { found: authority });
    }
    let (serial, suffix) = match serial.split_last() {
        Some((last, body)) if PLATE_SUFFIXES.contains(last) => (body, Some(*last)),
        _ => (serial, None),
    };
    for &c in serial {
        plate_serial_char(c)?;
    }
    let new_energy_mark = |c: Option<&char>| matches!(c, Some('D' | 'F'));
    match (serial.len(), suffix) {
        (4, Some(_)) | (5, None) => {}
        (6, None) if new_energy_mark(serial.first()) || new_energy_mark(serial.last()) => {}
        (6, None) => return Err(Issue::PlateNewEnergy),
        _ => return Err(Issue::PlateFormat),
    }
    Ok(chars.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_units_and_plates() {
        assert_eq!(
            property_unit("330106001001gb00001f00010001"),
            Ok("330106 001001 GB00001 F00010001".into())
        );
        assert_eq!(plate("京A·12345"), Ok("京A12345".into()));
        assert_eq!(plate("粤BD12345"), Ok("粤BD12345".into()));
        assert_eq!(plate("粤B123456"), Err(Issue::PlateNewEnergy));
    }
}
