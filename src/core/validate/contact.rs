//! Ways to reach a person or firm: mobile and landline (or fax) numbers, e-mail addresses
//! and postcodes.

use super::{Issue, all_digits, compact, half_width};

/// The longest e-mail address (RFC 5321 path limit less the angle brackets).
pub const EMAIL_MAX_CHARS: usize = 254;

/// A mainland mobile number: 11 digits `1[3-9]…` outside the blocks never given to mobiles
/// ([`Issue::MobilePrefix`]), with an optional `+86`/`86`/`0086` prefix, spaces and hyphens.
pub fn mobile(input: &str) -> Result<String, Issue> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '＋' => '+',
            _ => c,
        })
        .collect();
    if digits.is_empty() {
        return Err(Issue::Required);
    }
    let national = digits
        .strip_prefix("+86")
        .or_else(|| digits.strip_prefix("0086"))
        .or_else(|| {
            (digits.len() == 13)
                .then(|| digits.strip_prefix("86"))
                .flatten()
        })
        .unwrap_or(&digits);
    let bytes = national.as_bytes();
    if bytes.len() != 11 || bytes[0] != b'1' || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(Issue::MobileFormat);
    }
    if UNALLOCATED_MOBILE.iter().any(|p| national.starts_with(p)) {
        return Err(Issue::MobilePrefix);
    }
    Ok(national.to_string())
}

/// Starts of eleven digits that are no mobile number: no block begins 10, 11 or 12; 140–144
/// are the 13-digit data-only (物联网) blocks; 154 was never allocated (工业和信息化部
/// 《电信网编号计划》, the 1xx mobile blocks).
const UNALLOCATED_MOBILE: &[&str] = &["10", "11", "12", "140", "141", "142", "143", "144", "154"];

/// Words and signs that introduce an extension, lower case.
const EXTENSION_MARKERS: &[&str] = &["分机", "转", "ext.", "ext", "x", "#"];

/// The length of the area code starting `digits` (with its trunk `0`): `010` and `02x` have
/// three digits, every other area code four.
fn area_code_len(digits: &str) -> Option<usize> {
    match digits.as_bytes() {
        [b'0', b'1' | b'2', ..] => Some(3),
        [b'0', b'3'..=b'9', ..] => Some(4),
        _ => None,
    }
}

/// A landline (固定电话) or fax number, normalised to `区号-号码` with an optional `-分机`:
/// `0571-88881234`, `010-65529988-123`. Accepts spaces, brackets round the area code, the
/// forms `+86 571 …`, `0086 …` and `86 571 …`, extensions after `-`, `转`, `分机`, `ext` or
/// `#`, and the national `400`/`800` numbers (`400-820-8820`).
pub fn landline(input: &str) -> Result<String, Issue> {
    let mut text = String::new();
    for c in input.chars().map(half_width) {
        match c {
            c if c.is_whitespace() => {}
            '(' | ')' => {}
            '—' | '–' | '‐' | '‑' => text.push('-'),
            c => text.push(c.to_ascii_lowercase()),
        }
    }
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let marker = EXTENSION_MARKERS
        .iter()
        .filter_map(|m| text.find(m).map(|at| (at, m.len())))
        .min();
    let (main, marked_extension) = match marker {
        Some((at, len)) => {
            let extension = text
                .get(at + len..)
                .unwrap_or_default()
                .trim_start_matches(['-', ':', '.']);
            (text.get(..at).unwrap_or_default(), Some(extension))
        }
        None => (text.as_str(), None),
    };
    if marked_extension.is_some_and(|e| !all_digits(e)) {
        return Err(Issue::LandlineFormat);
    }
    // Country code: the trunk 0 is dropped after +86.
    let digit_count = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
    let (main, international) = if let Some(rest) = main.strip_prefix("+86") {
        (rest, true)
    } else if let Some(rest) = main.strip_prefix("0086") {
        (rest, true)
    } else {
        match main.strip_prefix("86") {
            Some(rest)
                if (9..=11).contains(&digit_count(rest))
                    && !rest.trim_start_matches('-').starts_with('0') =>
            {
                (rest, true)
            }
            _ => (main, false),
        }
    };
    let main = main.trim_start_matches('-');
    if main.is_empty() || !main.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return Err(Issue::LandlineFormat);
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    let extension_suffix = |extension: Option<&str>| -> Result<String, Issue> {
        match extension {
            None => Ok(String::new()),
            Some(e) if all_digits(e) && e.len() <= 6 => Ok(format!("-{e}")),
            Some(_) => Err(Issue::LandlineFormat),
        }
    };
    // National 400/800 service numbers, with an extension after a word or after a last `-`.
    let toll_free = |d: &str| d.len() == 10 && (d.starts_with("400") || d.starts_with("800"));
    let service = if toll_free(&digits) {
        Some((digits.clone(), marked_extension))
    } else {
        match main.rsplit_once('-') {
            Some((head, last)) if marked_extension.is_none() => {
                let head: String = head.chars().filter(char::is_ascii_digit).collect();
                toll_free(&head).then_some((head, Some(last)))
            }
            _ => None,
        }
    };
    if let Some((number, extension)) = service {
        let suffix = extension_suffix(extension)?;
        return Ok(format!(
            "{}-{}-{}{suffix}",
            &number[..3],
            &number[3..6],
            &number[6..]
        ));
    }
    let main = if international && !main.starts_with('0') {
        format!("0{main}")
    } else {
        main.to_string()
    };
    let groups: Vec<&str> = main.split('-').collect();
    if groups.iter().any(|g| g.is_empty()) {
        return Err(Issue::LandlineFormat);
    }
    if !main.starts_with('0') {
        let local = groups.first().map_or(0, |g| g.len());
        return Err(if (7..=8).contains(&local) && groups.len() <= 2 {
            Issue::LandlineAreaCode
        } else {
            Issue::LandlineFormat
        });
    }
    let first = groups.first().copied().unwrap_or_default();
    let (area, number, rest): (&str, String, &[&str]) = if first.len() >= 10 {
        let area_len = area_code_len(first).ok_or(Issue::LandlineFormat)?;
        (
            &first[..area_len],
            first[area_len..].to_string(),
            &groups[1..],
        )
    } else if (3..=4).contains(&first.len()) && groups.len() >= 2 {
        let second = groups[1];
        match groups.get(2) {
            Some(third) if second.len() < 7 && (7..=8).contains(&(second.len() + third.len())) => {
                (first, format!("{second}{third}"), &groups[3..])
            }
            _ => (first, second.to_string(), &groups[2..]),
        }
    } else {
        return Err(Issue::LandlineFormat);
    };
    if area_code_len(area) != Some(area.len()) {
        return Err(Issue::LandlineFormat);
    }
    let number_ok = (7..=8).contains(&number.len()) && !number.starts_with(['0', '1']);
    if !number_ok {
        return Err(Issue::LandlineFormat);
    }
    let extension = match (rest, marked_extension) {
        ([], marked) => marked,
        ([e], None) => Some(*e),
        _ => return Err(Issue::LandlineFormat),
    };
    Ok(format!("{area}-{number}{}", extension_suffix(extension)?))
}

/// A fax number: written like a landline.
pub fn fax(input: &str) -> Result<String, Issue> {
    landline(input)
}

/// Characters allowed in the local part of an address (RFC 5322 `atext` and the dot).
const EMAIL_LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";

/// An e-mail address, simplified RFC 5322: `local@domain.tld`, ASCII, no spaces, at most
/// 254 characters, a domain with at least one dot. Full-width forms typed with a Chinese
/// input method (`＠`, `。`) are converted; the domain is lower-cased.
pub fn email(input: &str) -> Result<String, Issue> {
    let converted: String = input
        .chars()
        .map(|c| match half_width(c) {
            '。' | '．' => '.',
            c => c,
        })
        .collect();
    let text = converted.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let length = text.chars().count();
    if length > EMAIL_MAX_CHARS {
        return Err(Issue::EmailLength { found: length });
    }
    if let Some(found) = text.chars().find(|c| c.is_whitespace()) {
        return Err(Issue::EmailCharacter { found });
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return Err(Issue::EmailFormat);
    };
    if local.is_empty() || local.contains('@') || local.len() > 64 {
        return Err(Issue::EmailFormat);
    }
    if let Some(found) = local
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || EMAIL_LOCAL_SPECIALS.contains(c)))
    {
        return Err(Issue::EmailCharacter { found });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(Issue::EmailFormat);
    }
    if let Some(found) = domain
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    {
        return Err(Issue::EmailCharacter { found });
    }
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.len() >= 2 && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"))
    });
    if !labels_ok || !tld_ok {
        return Err(Issue::EmailDomain);
    }
    Ok(format!("{local}@{domain}"))
}

/// A postcode (邮政编码): six digits, not all zeros.
pub fn postcode(input: &str) -> Result<String, Issue> {
    let text = compact(input)?;
    if text.len() == 6 && all_digits(&text) && text != "000000" {
        Ok(text)
    } else {
        Err(Issue::PostcodeFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert_eq!(mobile("138 0013 8000"), Ok("13800138000".into()));
        assert_eq!(mobile("+86 138-0013-8000"), Ok("13800138000".into()));
        assert_eq!(mobile("8613800138000"), Ok("13800138000".into()));
        assert_eq!(mobile("１３８００１３８０００"), Ok("13800138000".into()));
        assert_eq!(mobile("12800138000"), Err(Issue::MobilePrefix));
        assert_eq!(mobile("14012345678"), Err(Issue::MobilePrefix));
        assert_eq!(mobile("15412345678"), Err(Issue::MobilePrefix));
        assert_eq!(mobile("14712345678"), Ok("14712345678".into()));
        assert_eq!(mobile("28001380000"), Err(Issue::MobileFormat));
        assert_eq!(mobile("1380013800"), Err(Issue::MobileFormat));
        assert_eq!(mobile(""), Err(Issue::Required));
    }

    #[test]
    fn contacts() {
        assert_eq!(landline("0571 8888 1234"), Ok("0571-88881234".into()));
        assert_eq!(
            landline("+86 10 6552 9988 转 123"),
            Ok("010-65529988-123".into())
        );
        assert_eq!(landline("4008208820"), Ok("400-820-8820".into()));
        assert_eq!(landline("88881234"), Err(Issue::LandlineAreaCode));
        assert_eq!(fax("(0571)88881234"), Ok("0571-88881234".into()));
        assert_eq!(
            email("ZhangSan@Example.COM"),
            Ok("ZhangSan@example.com".into())
        );
        assert_eq!(email("zhangsan@localhost"), Err(Issue::EmailDomain));
        assert_eq!(postcode("310012"), Ok("310012".into()));
        assert_eq!(postcode("000000"), Err(Issue::PostcodeFormat));
    }
}
