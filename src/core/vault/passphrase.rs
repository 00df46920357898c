//! Passphrase strength feedback and the growing delay between wrong attempts.

/// How strong a passphrase looks, with what to improve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strength {
    /// 0 (unusable) ..= 4 (strong).
    pub score: u8,
    /// Message ids of hints, most useful first.
    pub hints: Vec<&'static str>,
}

impl Strength {
    /// The lowest score a vault accepts.
    pub const MINIMUM: u8 = 2;

    /// Whether a vault may be created with it.
    pub fn acceptable(&self) -> bool {
        self.score >= Self::MINIMUM
    }
}

/// Passwords seen first in every leaked list; a vault refuses them whatever their length.
const COMMON: &[&str] = &[
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "111111",
    "000000",
    "888888",
    "666666",
    "123123",
    "password",
    "passw0rd",
    "qwerty",
    "qwertyuiop",
    "abc123",
    "a123456",
    "woaini",
    "woaini1314",
    "5201314",
    "1qaz2wsx",
    "iloveyou",
    "admin",
    "admin123",
    "zxcvbnm",
    "asdfgh",
    "asdfghjkl",
];

fn is_sequence(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 4
        && (b.windows(2).all(|w| w[1] == w[0].wrapping_add(1))
            || b.windows(2).all(|w| w[1] == w[0].wrapping_sub(1)))
}

/// Judges a passphrase: length counts most; kinds of characters, repetition, sequences, dates
/// (birthdays) and the commonest passwords count against it. Chinese characters count as
/// letters of a large alphabet.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let len = chars.len();
    let mut hints = Vec::new();
    let lower = passphrase.to_lowercase();
    if len == 0 {
        return Strength {
            score: 0,
            hints: vec!["pass-hint-length"],
        };
    }
    let classes = [
        chars.iter().any(|c| c.is_ascii_lowercase()),
        chars.iter().any(|c| c.is_ascii_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| c.is_ascii_punctuation() || *c == ' '),
        chars.iter().any(|c| !c.is_ascii()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    let distinct = {
        let mut d = chars.clone();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    let all_digits = chars.iter().all(|c| c.is_ascii_digit());
    let looks_like_date = all_digits && (len == 6 || len == 8) && {
        let year: u32 = passphrase
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        (1900..=2100).contains(&year) || len == 6
    };
    // A Chinese character is drawn from thousands, a letter from dozens: it counts double.
    let effective: usize = chars.iter().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    let mut score: i32 = match effective {
        0..=5 => 0,
        6..=7 => 1,
        8..=11 => 2,
        12..=15 => 3,
        _ => 4,
    };
    if classes >= 3 && len >= 8 {
        score += 1;
    }
    if classes == 1 && effective < 16 && chars.iter().all(char::is_ascii) {
        score -= 1;
        hints.push("pass-hint-mix");
    }
    if distinct * 3 < len || distinct <= 2 {
        score -= 2;
        hints.push("pass-hint-repeat");
    }
    if is_sequence(&lower) {
        score -= 2;
        hints.push("pass-hint-sequence");
    }
    if looks_like_date {
        score -= 2;
        hints.push("pass-hint-date");
    }
    if COMMON.contains(&lower.as_str()) {
        score = 0;
        hints.insert(0, "pass-hint-common");
    }
    if effective < 12 {
        hints.push("pass-hint-length");
    }
    Strength {
        score: score.clamp(0, 4) as u8,
        hints,
    }
}

/// The wait before the next attempt after `failures` wrong passphrases in a row: none for the
/// first two, then 2, 4, 8, 16 and at most 30 seconds. Typos cost nothing; guessing is slow.
pub fn retry_delay_ms(failures: u32) -> u32 {
    match failures {
        0..=2 => 0,
        n => (1000u32 << (n - 2).min(5)).min(30_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!(strength("").score, 0);
        assert_eq!(strength("123456").score, 0);
        assert!(!strength("19900307").acceptable(), "a birthday");
        assert!(!strength("abcdefgh").acceptable(), "a sequence");
        assert!(!strength("aaaaaaaaaaaa").acceptable());
        assert!(strength("Wang-1990-Hangzhou").acceptable());
        assert!(strength("我家门口有两棵树").acceptable());
        assert_eq!(strength("correct horse battery staple").score, 4);
        assert_eq!(strength("woaini1314").hints[0], "pass-hint-common");
    }

    #[test]
    fn delays_grow_and_stop_growing() {
        let delays: Vec<u32> = (0..10).map(retry_delay_ms).collect();
        assert_eq!(
            delays,
            vec![0, 0, 0, 2000, 4000, 8000, 16000, 30000, 30000, 30000]
        );
    }
}
