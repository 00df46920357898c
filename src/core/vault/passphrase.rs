//! Passphrase strength feedback and the growing delay between wrong attempts.
//!
//! # The rule
//!
//! A vault or backup passphrase is accepted when its [`Strength::score`] is at least 3
//! ([`Strength::MINIMUM`]). Natively (the command line) the score is zxcvbn's (the `zxcvbn`
//! crate: dictionaries of leaked passwords, English words and names, keyboard patterns,
//! sequences, repeats, dates), with two additions:
//!
//! * **Chinese names.** zxcvbn's dictionaries are Latin and English: `zhangwei1990` looks
//!   like random letters to it. Every pinyin syllable (from the `pinyin` crate), the commonest
//!   surnames first, is given to it as a dictionary of its own, so that a name with a birth
//!   year is seen for what it is.
//! * **Long passphrases.** 16 or more characters with at least 8 different ones, which zxcvbn
//!   rates 2 ("fair"), count as 3: a sentence of that length is hard to guess even when its
//!   words are ordinary.
//! * **Chinese characters.** zxcvbn counts every character it does not know as one of 10,
//!   which judges a Chinese passphrase as if it were digits. A Chinese character is one of
//!   thousands: 6 or more *different* Han characters (not all numerals) score 3, 8 or more 4,
//!   whatever zxcvbn says. (Counting only different characters keeps 我爱你我爱你 out; a
//!   well-known line of verse is not recognised, which the set-up screen's advice covers.)
//!
//! zxcvbn's warnings and suggestions are mapped to this crate's own messages (`pass-hint-…`,
//! zh-CN first); its English sentences are never shown.
//!
//! In the browser zxcvbn is not in the widget's bundle: its dictionaries are larger than the
//! whole widget. The same rule is built (feature `zxcvbn`) into a module of its own,
//! `pkg/strength_bg.wasm` (the `oncefill-strength` crate), which the widget fetches only when
//! a passphrase set-up or change screen opens. Until it has loaded, or when it cannot be
//! fetched, the score comes from [`offline_strength`], a smaller set of checks with the same
//! minimum, and the screen says so.

/// How many different characters of `chars` pass `keep`.
fn distinct(chars: impl Iterator<Item = char>, keep: impl Fn(char) -> bool) -> usize {
    let mut kept: Vec<char> = chars.filter(|c| keep(*c)).collect();
    crate::core::order::sort(&mut kept);
    kept.dedup();
    kept.len()
}

/// How strong a passphrase looks, with what to improve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strength {
    /// 0 (unusable) ..= 4 (strong).
    pub score: u8,
    /// Message ids of hints, most useful first.
    pub hints: Vec<&'static str>,
}

impl Strength {
    /// The lowest score a vault accepts: zxcvbn's "safely unguessable" (about 10^8 guesses
    /// and more).
    pub const MINIMUM: u8 = 3;

    /// Whether a vault may be created with it.
    pub fn acceptable(&self) -> bool {
        self.score >= Self::MINIMUM
    }
}

/// Judges a passphrase by the rule above.
/// Natively and in the strength module, by zxcvbn; in the widget's bundle, by
/// [`offline_strength`].
pub fn strength(passphrase: &str) -> Strength {
    #[cfg(any(not(target_arch = "wasm32"), feature = "zxcvbn"))]
    {
        full::strength(passphrase)
    }
    #[cfg(not(any(not(target_arch = "wasm32"), feature = "zxcvbn")))]
    {
        offline_strength(passphrase)
    }
}

/// Every hint id [`strength`] and [`offline_strength`] may give, so that an id read back from
/// the strength module is one of them (and a message of both languages).
pub const HINTS: &[&str] = &[
    "pass-hint-keyboard",
    "pass-hint-repeat",
    "pass-hint-common",
    "pass-hint-similar",
    "pass-hint-sequence",
    "pass-hint-date",
    "pass-hint-word",
    "pass-hint-name",
    "pass-hint-length",
    "pass-hint-case",
    "pass-hint-reversed",
    "pass-hint-substitution",
    "pass-hint-mix",
];

/// Whether `c` is a Han character (CJK unified ideographs and their extensions).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// The score that the different Han characters of a passphrase are worth on their own.
fn han_score(passphrase: &str) -> u8 {
    const NUMERALS: &str = "〇零一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾";
    match distinct(passphrase.chars(), |c| is_han(c) && !NUMERALS.contains(c)) {
        0..=5 => 0,
        6..=7 => 3,
        _ => 4,
    }
}

/// Whether a passphrase is long: 16 or more characters, 8 or more of them different.
fn is_long(passphrase: &str) -> bool {
    passphrase.chars().count() >= 16 && distinct(passphrase.chars(), |_| true) >= 8
}

#[cfg(any(not(target_arch = "wasm32"), feature = "zxcvbn"))]
mod full {
    use std::sync::OnceLock;

    use pinyin::ToPinyin;
    use zxcvbn::feedback::{Suggestion, Warning};

    use super::{Strength, han_score, is_long};

    /// The commonest Chinese surnames in pinyin, most common first (the order of the 2020
    /// census's household registration statistics): ranked first in zxcvbn's dictionary.
    const SURNAMES: &[&str] = &[
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
        "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song",
        "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
        "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lv", "ding", "ren", "lu",
        "yao", "shen", "zhong", "cui", "tan", "wan", "fan", "jin", "shi", "liao", "jia", "xia",
        "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "hou", "yin", "xue", "yan",
        "duan", "lei", "long", "tao", "mao", "hao", "gu", "gong", "shao", "qian", "dai", "mo",
        "kong", "xiang", "chang", "ouyang", "situ", "zhuge",
    ];

    /// Every pinyin syllable, the surnames first: zxcvbn's dictionary of Chinese names.
    fn pinyin_words() -> &'static [&'static str] {
        static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut syllables: Vec<&'static str> = ('\u{4E00}'..='\u{9FFF}')
                .filter_map(|c| c.to_pinyin())
                .map(|p| p.plain())
                .filter(|s| !SURNAMES.contains(s))
                .collect();
            crate::core::order::sort(&mut syllables);
            syllables.dedup();
            SURNAMES.iter().copied().chain(syllables).collect()
        })
    }

    /// Whether the passphrase is a Chinese name in pinyin (one to three syllables, e.g.
    /// `zhangwei`, `Li.Ming`) with digits (a year, a birthday) and separators. zxcvbn rates
    /// three such parts just at its "safely unguessable" mark (it does not know pinyin
    /// names as words, and reads `Liming` as random letters), yet this is the first thing a
    /// guesser who knows the person tries.
    fn is_name_and_date(passphrase: &str) -> bool {
        let mut letters = String::new();
        let mut digits = 0;
        for c in passphrase.chars() {
            if c.is_ascii_alphabetic() {
                letters.push(c.to_ascii_lowercase());
            } else if c.is_ascii_digit() {
                digits += 1;
            } else if !(c.is_ascii_punctuation() || c == ' ') {
                return false;
            }
        }
        digits >= 2 && !letters.is_empty() && syllables_needed(&letters).is_some_and(|n| n <= 3)
    }

    /// The fewest pinyin syllables `letters` is made of, if it is pinyin at all.
    fn syllables_needed(letters: &str) -> Option<usize> {
        let words = pinyin_words();
        // fewest[i]: the fewest syllables that make up letters[..i].
        let mut fewest: Vec<Option<usize>> = vec![None; letters.len() + 1];
        fewest[0] = Some(0);
        for end in 1..=letters.len() {
            fewest[end] = (end.saturating_sub(6)..end)
                .filter(|&start| words.contains(&&letters[start..end]))
                .filter_map(|start| fewest[start].map(|n| n + 1))
                .min();
        }
        fewest[letters.len()]
    }

    fn warning_hint(warning: Warning) -> &'static str {
        match warning {
            Warning::StraightRowsOfKeysAreEasyToGuess
            | Warning::ShortKeyboardPatternsAreEasyToGuess => "pass-hint-keyboard",
            Warning::RepeatsLikeAaaAreEasyToGuess
            | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "pass-hint-repeat",
            Warning::ThisIsATop10Password
            | Warning::ThisIsATop100Password
            | Warning::ThisIsACommonPassword => "pass-hint-common",
            Warning::ThisIsSimilarToACommonlyUsedPassword => "pass-hint-similar",
            Warning::SequencesLikeAbcAreEasyToGuess => "pass-hint-sequence",
            Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess => {
                "pass-hint-date"
            }
            Warning::AWordByItselfIsEasyToGuess => "pass-hint-word",
            Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
            | Warning::CommonNamesAndSurnamesAreEasyToGuess => "pass-hint-name",
        }
    }

    fn suggestion_hint(suggestion: Suggestion) -> Option<&'static str> {
        Some(match suggestion {
            Suggestion::UseAFewWordsAvoidCommonPhrases | Suggestion::AddAnotherWordOrTwo => {
                "pass-hint-length"
            }
            Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => return None,
            Suggestion::CapitalizationDoesntHelpVeryMuch
            | Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "pass-hint-case",
            Suggestion::ReversedWordsArentMuchHarderToGuess => "pass-hint-reversed",
            Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "pass-hint-substitution",
            Suggestion::UseALongerKeyboardPatternWithMoreTurns => "pass-hint-keyboard",
            Suggestion::AvoidRepeatedWordsAndCharacters => "pass-hint-repeat",
            Suggestion::AvoidSequences => "pass-hint-sequence",
            Suggestion::AvoidRecentYears
            | Suggestion::AvoidYearsThatAreAssociatedWithYou
            | Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "pass-hint-date",
        })
    }

    pub(super) fn strength(passphrase: &str) -> Strength {
        if passphrase.is_empty() {
            return Strength {
                score: 0,
                hints: vec!["pass-hint-length"],
            };
        }
        let estimate = zxcvbn::zxcvbn(passphrase, pinyin_words());
        let mut score = u8::from(estimate.score());
        if score == 2 && is_long(passphrase) {
            score = 3;
        }
        score = score.max(han_score(passphrase));
        let name = is_name_and_date(passphrase);
        if name {
            score = score.min(2);
        }
        let mut hints = Vec::new();
        if score < Strength::MINIMUM {
            let feedback = estimate.feedback();
            let warning = feedback.and_then(|f| f.warning()).map(warning_hint);
            let suggestions = feedback
                .map(|f| f.suggestions())
                .unwrap_or_default()
                .iter()
                .filter_map(|s| suggestion_hint(*s));
            // zxcvbn's warning, then the name, then its suggestions.
            let name = name.then_some("pass-hint-name");
            for hint in warning.into_iter().chain(name).chain(suggestions) {
                if !hints.contains(&hint) {
                    hints.push(hint);
                }
            }
            if hints.is_empty() {
                hints.push("pass-hint-length");
            }
        }
        Strength { score, hints }
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

/// The browser's judgement, without zxcvbn's dictionaries: length counts most; kinds of
/// characters, repetition, sequences, dates (birthdays) and the commonest passwords count
/// against it; Chinese characters count as letters of a large alphabet, and the long and Han
/// rules of [`strength`] apply.
pub fn offline_strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let len = chars.len();
    let mut hints = Vec::new();
    let lower = passphrase.to_ascii_lowercase();
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
    let different = distinct(chars.iter().copied(), |_| true);
    let all_digits = chars.iter().all(|c| c.is_ascii_digit());
    let looks_like_date = all_digits && (len == 6 || len == 8) && {
        let year: u32 = passphrase
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        (1900..=2100).contains(&year) || len == 6
    };
    // A Chinese character is drawn from thousands, a letter from dozens: a different one
    // counts double (a repeated one, nothing).
    let other = distinct(chars.iter().copied(), |c| !c.is_ascii());
    let effective = chars.iter().filter(|c| c.is_ascii()).count() + 2 * other;
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
    if different * 3 < len || different <= 2 {
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
    // A short word or name with a year or birthday (zhangwei1990, Li.Ming.1988).
    let letters = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    let only_separators = chars
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || c.is_ascii_punctuation() || *c == ' ');
    let name_and_date =
        only_separators && (1..=10).contains(&letters) && matches!(digits, 2 | 4 | 6 | 8);
    if name_and_date {
        hints.push("pass-hint-name");
    }
    if COMMON.contains(&lower.as_str()) {
        score = 0;
        hints.insert(0, "pass-hint-common");
    }
    if effective < 12 {
        hints.push("pass-hint-length");
    }
    let mut score = score.clamp(0, 4) as u8;
    if score == 2 && is_long(passphrase) {
        score = 3;
    }
    if name_and_date {
        score = score.min(2);
    }
    Strength {
        score: score.max(han_score(passphrase)),
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
        assert!(strength("Hangzhou-teapot-1990").acceptable());
        assert!(strength("我家门口有两棵树").acceptable());
        assert_eq!(strength("correct horse battery staple").score, 4);
        assert_eq!(strength("woaini1314").hints[0], "pass-hint-similar");
    }

    #[test]
    fn common_passwords_keyboard_rows_and_names_with_years_are_refused() {
        for weak in [
            "password1",
            "zhang1990",
            "12345678",
            "qwertyui",
            "zhangwei1990",
            "Liming1988",
            "wangfang1985",
            "chenjing1992",
            "xiaoming2008",
            "woaini1314",
            "iloveyouiloveyou",
            "abcdefghijklmnop",
            "password12345678",
        ] {
            let judged = strength(weak);
            assert!(!judged.acceptable(), "{weak}: {judged:?}");
            assert!(!judged.hints.is_empty(), "{weak} has no advice");
        }
        assert_eq!(strength("password1").hints[0], "pass-hint-common");
        assert_eq!(strength("qwertyui").hints[0], "pass-hint-common");
        assert!(strength("zhang1990").hints.contains(&"pass-hint-length"));
        assert_eq!(strength("zxcvbnm,./").hints[0], "pass-hint-keyboard");
        assert!(
            strength("poiuytrewq9")
                .hints
                .contains(&"pass-hint-reversed")
        );
        // A name with a year or birthday, written any way, and a city makes no difference.
        for name in [
            "Zhang.Wei.1990",
            "ZhangWei19900307",
            "li ming 88",
            "Wang-1990-Hangzhou",
        ] {
            let judged = strength(name);
            assert!(!judged.acceptable(), "{name}: {judged:?}");
            assert_eq!(judged.hints[0], "pass-hint-name", "{name}");
        }
    }

    #[test]
    fn passphrases_and_long_sentences_are_accepted() {
        for good in [
            "correct horse battery staple",
            "Hangzhou-teapot-1990",
            "wodemimashizhege-ma",
            "my cat sleeps on the piano",
            "Tr0ub4dor&3-horse",
        ] {
            assert!(strength(good).acceptable(), "{good}: {:?}", strength(good));
        }
        // The long rule lifts only a "fair" passphrase: a long repetition stays refused.
        assert!(is_long("the sun rises early here"));
        assert!(!is_long("abababababababab"));
        assert!(!strength("abababababababab").acceptable());
    }

    #[test]
    fn chinese_passphrases_are_judged_by_their_different_characters() {
        // zxcvbn alone counts each as one of 10 symbols and rates these 1 or 2.
        for good in ["我家门口有两棵树", "春眠不觉晓处", "红烧肉要放冰糖"] {
            assert!(strength(good).acceptable(), "{good}: {:?}", strength(good));
        }
        assert_eq!(strength("我家门口有两棵树").score, 4);
        for weak in [
            "我爱你我爱你",
            "一二三四五六七八",
            "我的密码",
            "好好好好好好好好",
        ] {
            assert!(!strength(weak).acceptable(), "{weak}: {:?}", strength(weak));
        }
        assert_eq!(han_score("春眠不觉晓处"), 3);
        assert_eq!(han_score("abc我爱你"), 0);
    }

    #[test]
    fn every_hint_is_a_message_in_both_languages() {
        use crate::core::i18n::{Lang, tr};
        let samples = [
            "password1",
            "zhang1990",
            "qwertyui",
            "aaaaaaaa",
            "abcdefgh",
            "19900307",
            "asdfgh-qwert",
            "P@ssw0rd",
            "drowssap",
            "PASSWORD",
            "Password",
            "dragon",
            "1990",
            "woaini1314",
            "我爱你我爱你",
            "short",
        ];
        for hint in HINTS {
            for lang in [Lang::ZhCn, Lang::En] {
                assert_ne!(tr(lang, hint, &[]), *hint, "{hint} is missing");
            }
        }
        for sample in samples {
            for judged in [strength(sample), offline_strength(sample)] {
                for hint in judged.hints {
                    assert!(HINTS.contains(&hint), "{hint} is not in HINTS");
                    for lang in [Lang::ZhCn, Lang::En] {
                        assert_ne!(tr(lang, hint, &[]), hint, "{hint} is missing");
                    }
                }
            }
        }
    }

    #[test]
    fn the_browser_checks_refuse_the_commonest_weak_passphrases() {
        for weak in [
            "password1",
            "zhang1990",
            "12345678",
            "qwertyui",
            "19900307",
            "我爱你我爱你",
            "zhangwei1990",
            "Li.Ming.1988",
            "chenjing19920307",
        ] {
            assert!(!offline_strength(weak).acceptable(), "{weak}");
        }
        assert!(
            offline_strength("zhangwei1990")
                .hints
                .contains(&"pass-hint-name")
        );
        for good in [
            "Wang-1990-Hangzhou",
            "我家门口有两棵树",
            "correct horse battery staple",
        ] {
            assert!(offline_strength(good).acceptable(), "{good}");
        }
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
