//! Names of people: in Chinese characters (with the middle dot of minority and foreign
//! names) or Latin letters, and the Latin-script name of a passport.

use super::{Issue, half_width};

/// The longest name accepted (GB 11643 forms give 50 characters; so does the 人社 `aac003`).
pub const NAME_MAX_CHARS: usize = 50;
/// The longest Latin-script name accepted.
pub const LATIN_NAME_MAX_CHARS: usize = 100;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// A person's name: Chinese characters with the middle dot `·` (U+00B7) for minority and
/// foreign names, or Latin letters with spaces, hyphens and apostrophes.
/// Look-alike dots (`•`, `．`, `・`, `.` between Chinese characters) become `·`.
pub fn name(input: &str) -> Result<String, Issue> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Issue::Required);
    }
    let has_cjk = trimmed.chars().any(is_cjk);
    let mut out = String::new();
    for c in trimmed.chars() {
        let c = match c {
            '•' | '．' | '・' | '‧' | '∙' | '⋅' | '.' if has_cjk => '·',
            _ => c,
        };
        let ok = if has_cjk {
            is_cjk(c) || c == '·'
        } else {
            c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.')
        };
        if c.is_whitespace() && has_cjk {
            continue;
        }
        if !ok {
            if has_cjk && c.is_ascii_alphabetic() {
                return Err(Issue::NameMixed);
            }
            return Err(Issue::NameCharacter { found: c });
        }
        out.push(c);
    }
    let count = out.chars().count();
    if count > NAME_MAX_CHARS {
        return Err(Issue::NameLength { found: count });
    }
    Ok(out)
}

/// A name in Latin letters as on a passport, `SURNAME GIVEN`: letters A–Z, single spaces,
/// hyphens and apostrophes between letters; upper-cased (`Zhang Xiaoming` → `ZHANG
/// XIAOMING`).
pub fn latin_name(input: &str) -> Result<String, Issue> {
    let mut out = String::new();
    let mut pending_space = false;
    for c in input.chars().map(half_width) {
        let c = match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‐' | '‑' | '–' => '-',
            c => c.to_ascii_uppercase(),
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if !(c.is_ascii_uppercase() || c == '-' || c == '\'') {
            return Err(Issue::LatinNameCharacter { found: c });
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(Issue::Required);
    }
    let is_separator = |c: &char| matches!(c, ' ' | '-' | '\'');
    let chars: Vec<char> = out.chars().collect();
    let misplaced = chars.first().is_some_and(is_separator)
        || chars.last().is_some_and(is_separator)
        || chars
            .windows(2)
            .any(|pair| is_separator(&pair[0]) && is_separator(&pair[1]));
    if misplaced {
        return Err(Issue::LatinNameFormat);
    }
    if chars.len() > LATIN_NAME_MAX_CHARS {
        return Err(Issue::LatinNameLength { found: chars.len() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name(" 王小明 "), Ok("王小明".into()));
        assert_eq!(name("阿依古丽•买买提"), Ok("阿依古丽·买买提".into()));
        assert_eq!(name("John Smith"), Ok("John Smith".into()));
        assert_eq!(name(""), Err(Issue::Required));
        assert_eq!(name("王2明"), Err(Issue::NameCharacter { found: '2' }));
        assert_eq!(name("王Ming"), Err(Issue::NameMixed));
        assert_eq!(name(&"王".repeat(51)), Err(Issue::NameLength { found: 51 }));
    }

    #[test]
    fn latin_names() {
        assert_eq!(latin_name(" zhang  xiaoming "), Ok("ZHANG XIAOMING".into()));
        assert_eq!(latin_name("ZHANG--MING"), Err(Issue::LatinNameFormat));
    }
}
