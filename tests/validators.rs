#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a test that cannot proceed should stop at once
//! Table-driven validator cases from `tests/data/validators/*.tsv`, plus property tests of
//! the USCC check character, the Luhn check and exact 元/万元 amounts.
//!
//! Each table starts with a `# Source: …` line naming where its examples come from. Further
//! lines starting with `#` are comments. A case is `input<TAB>expected`, where `expected` is
//! `ok<TAB>normalised`, `warn<TAB>code[<TAB>normalised]` or `err<TAB>code`. In the input,
//! `\s` is a space, `\t` a tab, `\\` a backslash and `\u{XXXX}` any character; an empty input
//! is an empty first column.

use oncefill::core::i18n::Lang;
use oncefill::core::ids::{
    BankCard, BankCardError, Uscc, UsccWarning, luhn_check_digit, luhn_valid,
    org_code_check_character, uscc_check_character,
};
use oncefill::core::validate::{self, Amount, Issue, MoneyUnit, Severity};
use proptest::prelude::*;
use time::{Date, macros::date};

const TODAY: Date = date!(2026 - 11 - 21);

/// What a validator made of one input: the normalised value and any warnings, or an error.
type Outcome = Result<(String, Vec<Issue>), Issue>;
type Check = fn(&str) -> Outcome;

fn plain(result: Result<String, Issue>) -> Outcome {
    result.map(|value| (value, Vec::new()))
}

/// Every table with the validator it exercises.
fn tables() -> Vec<(&'static str, &'static str, Check)> {
    vec![
        (
            "id_number.tsv",
            include_str!("data/validators/id_number.tsv"),
            |s| plain(validate::id_number(s, TODAY).map(|id| id.as_str().to_string())),
        ),
        ("uscc.tsv", include_str!("data/validators/uscc.tsv"), |s| {
            validate::uscc(s).map(|u| (u.as_str().to_string(), validate::uscc_warnings(&u)))
        }),
        (
            "reg_no.tsv",
            include_str!("data/validators/reg_no.tsv"),
            |s| {
                validate::reg_no(s).map(|r| (r.as_str().to_string(), validate::reg_no_warnings(&r)))
            },
        ),
        (
            "firm_id.tsv",
            include_str!("data/validators/firm_id.tsv"),
            |s| {
                validate::firm_id(s)
                    .map(|f| (f.as_str().to_string(), validate::firm_id_warnings(&f)))
            },
        ),
        (
            "bank_card.tsv",
            include_str!("data/validators/bank_card.tsv"),
            |s| plain(validate::bank_card(s).map(|c| c.as_str().to_string())),
        ),
        (
            "mobile.tsv",
            include_str!("data/validators/mobile.tsv"),
            |s| plain(validate::mobile(s)),
        ),
        (
            "landline.tsv",
            include_str!("data/validators/landline.tsv"),
            |s| plain(validate::landline(s)),
        ),
        ("fax.tsv", include_str!("data/validators/fax.tsv"), |s| {
            plain(validate::fax(s))
        }),
        (
            "email.tsv",
            include_str!("data/validators/email.tsv"),
            |s| plain(validate::email(s)),
        ),
        (
            "postcode.tsv",
            include_str!("data/validators/postcode.tsv"),
            |s| plain(validate::postcode(s)),
        ),
        (
            "property_unit.tsv",
            include_str!("data/validators/property_unit.tsv"),
            |s| plain(validate::property_unit(s)),
        ),
        (
            "plate.tsv",
            include_str!("data/validators/plate.tsv"),
            |s| plain(validate::plate(s)),
        ),
        ("name.tsv", include_str!("data/validators/name.tsv"), |s| {
            plain(validate::name(s))
        }),
        (
            "latin_name.tsv",
            include_str!("data/validators/latin_name.tsv"),
            |s| plain(validate::latin_name(s)),
        ),
        ("date.tsv", include_str!("data/validators/date.tsv"), |s| {
            plain(validate::past_date(s, TODAY).map(validate::iso_date))
        }),
        (
            "any_date.tsv",
            include_str!("data/validators/any_date.tsv"),
            |s| plain(validate::any_date(s).map(validate::iso_date)),
        ),
        (
            "id_valid_to.tsv",
            include_str!("data/validators/id_valid_to.tsv"),
            |s| plain(validate::id_valid_to(s).map(|v| v.render())),
        ),
        (
            "amount_wan.tsv",
            include_str!("data/validators/amount_wan.tsv"),
            |s| plain(validate::amount_wan(s).map(Amount::wan)),
        ),
        (
            "amount_yuan.tsv",
            include_str!("data/validators/amount_yuan.tsv"),
            |s| plain(validate::amount_yuan(s).map(Amount::yuan)),
        ),
    ]
}

/// Resolves the escapes of the input column.
fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push(' '),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad \\u escape in {raw:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).unwrap();
                out.push(char::from_u32(code).unwrap());
            }
            other => panic!("unknown escape \\{other:?} in {raw:?}"),
        }
    }
    out
}

/// A message that exists: not empty and not a bare message id.
fn assert_has_message(issue: &Issue, at: &str) {
    for lang in [Lang::ZhCn, Lang::En] {
        let text = issue.message(lang);
        let bare_id = text.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        assert!(
            !text.is_empty() && !bare_id,
            "{at}: {:?} has no {lang:?} message: {text:?}",
            issue.code()
        );
    }
}

/// Runs one table; returns the failures, each naming the file, line and input.
fn run_table(file: &str, text: &str, check: Check) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.starts_with("# Source:") => {}
        other => failures.push(format!(
            "{file}:1: the first line must be a `# Source: …` comment, found {other:?}"
        )),
    }
    for (index, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{file}:{}", index + 1);
        let columns: Vec<&str> = line.split('\t').collect();
        let (raw, kind, value, extra) = match columns.as_slice() {
            [raw, kind, value] => (*raw, *kind, *value, None),
            [raw, kind, value, extra] => (*raw, *kind, *value, Some(*extra)),
            _ => {
                failures.push(format!(
                    "{at}: expected 3 or 4 tab-separated columns: {line:?}"
                ));
                continue;
            }
        };
        cases += 1;
        let input = unescape(raw);
        let outcome = check(&input);
        match &outcome {
            Err(issue) => assert_has_message(issue, &at),
            Ok((_, warnings)) => warnings.iter().for_each(|w| assert_has_message(w, &at)),
        }
        let wrong = match (kind, &outcome) {
            ("ok", Ok((normalised, warnings))) if normalised == value && warnings.is_empty() => {
                None
            }
            ("warn", Ok((normalised, warnings)))
                if warnings
                    .iter()
                    .any(|w| w.code() == value && w.severity() == Severity::Warning)
                    && extra.is_none_or(|e| e == normalised) =>
            {
                None
            }
            ("err", Err(issue)) if issue.code() == value && issue.severity() == Severity::Error => {
                None
            }
            ("ok" | "warn" | "err", _) => Some(describe(&outcome)),
            _ => Some(format!("unknown expectation {kind:?}")),
        };
        if let Some(got) = wrong {
            let expected =
                extra.map_or(format!("{kind} {value}"), |e| format!("{kind} {value} {e}"));
            failures.push(format!(
                "{at}: input {input:?}: expected {expected}, got {got}"
            ));
        }
    }
    (cases, failures)
}

fn describe(outcome: &Outcome) -> String {
    match outcome {
        Ok((value, warnings)) if warnings.is_empty() => format!("ok {value:?}"),
        Ok((value, warnings)) => {
            let codes: Vec<&str> = warnings.iter().map(Issue::code).collect();
            format!("warn {codes:?} {value:?}")
        }
        Err(issue) => format!("err {} ({issue:?})", issue.code()),
    }
}

#[test]
fn validator_tables() {
    let mut failures = Vec::new();
    let mut total = 0;
    for (file, text, check) in tables() {
        let (cases, mut failed) = run_table(file, text, check);
        assert!(cases > 0, "{file} has no cases");
        total += cases;
        failures.append(&mut failed);
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_table_file_is_run() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/validators");
    let known: Vec<&str> = tables().iter().map(|(file, _, _)| *file).collect();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            known.contains(&name.as_str()),
            "{name} is not run by any test"
        );
    }
}

#[test]
fn exact_conversions_between_yuan_and_wan() {
    assert_eq!(validate::wan_to_yuan("10.5").unwrap(), "105000");
    assert_eq!(validate::wan_to_yuan("0.000001").unwrap(), "0.01");
    assert_eq!(
        validate::wan_to_yuan("0.1234567"),
        Err(Issue::AmountPrecision { max: 6 })
    );
    assert_eq!(validate::yuan_to_wan("1").unwrap(), "0.0001");
    assert_eq!(
        validate::yuan_to_wan("123456789.12").unwrap(),
        "12345.678912"
    );
    assert_eq!(validate::amount_wan("1").unwrap().fen(), 1_000_000);
    assert_eq!(Amount::from_fen(1).in_unit(MoneyUnit::Wan), "0.000001");
}

/// A USCC character drawn from the GB 32100 alphabet.
fn uscc_char() -> impl Strategy<Value = char> {
    prop::sample::select(
        "0123456789ABCDEFGHJKLMNPQRTUWXY"
            .chars()
            .collect::<Vec<_>>(),
    )
}

/// A valid USCC built from its parts, with both check characters computed.
fn valid_uscc() -> impl Strategy<Value = String> {
    (
        uscc_char(),
        uscc_char(),
        0u32..1_000_000,
        prop::collection::vec(uscc_char(), 8),
    )
        .prop_map(|(dept, category, division, org)| {
            let org: String = org.into_iter().collect();
            let org_check = org_code_check_character(&org).unwrap();
            let first17 = format!("{dept}{category}{division:06}{org}{org_check}");
            let check = uscc_check_character(&first17).unwrap();
            format!("{first17}{check}")
        })
}

proptest! {
    #[test]
    fn generated_usccs_parse_without_warnings(code in valid_uscc()) {
        let parsed = Uscc::parse(&code).unwrap();
        prop_assert_eq!(parsed.as_str(), code.as_str());
        prop_assert!(parsed.warnings().is_empty(), "{:?}", parsed.warnings());
        prop_assert_eq!(parsed.division_code(), &code[2..8]);
        prop_assert_eq!(parsed.org_code(), format!("{}-{}", &code[8..16], &code[16..17]));
        let lower = Uscc::parse(&code.to_lowercase()).unwrap();
        prop_assert_eq!(lower.as_str(), code.as_str());
    }

    #[test]
    fn any_single_substitution_errors_or_warns(
        code in valid_uscc(),
        position in 0usize..18,
        replacement in prop::sample::select(
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-#中".chars().collect::<Vec<_>>()
        ),
    ) {
        let mut chars: Vec<char> = code.chars().collect();
        prop_assume!(chars[position] != replacement);
        chars[position] = replacement;
        let changed: String = chars.into_iter().collect();
        match Uscc::parse(&changed) {
            Err(_) => {}
            Ok(parsed) => prop_assert!(
                parsed
                    .warnings()
                    .iter()
                    .any(|w| matches!(w, UsccWarning::CheckCharacter { .. })),
                "{changed} parsed without a check-character warning"
            ),
        }
    }

    #[test]
    fn luhn_numbers_parse(body in prop::collection::vec(0u8..10, 11..=18)) {
        let body: String = body.into_iter().map(|d| char::from(b'0' + d)).collect();
        let number = format!("{body}{}", luhn_check_digit(&body).unwrap());
        prop_assert!(luhn_valid(&number));
        let card = BankCard::parse(&number).unwrap();
        prop_assert_eq!(card.as_str(), number.as_str());
        // Only the first and last four digits show (the middle may repeat them by chance, so
        // the digits shown are counted rather than searched for).
        let masked = format!("{card:?}");
        let shown: String = masked.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(shown, format!("{}{}", &number[..4], &number[number.len() - 4..]), "{}", masked);
    }

    #[test]
    fn any_single_digit_change_fails_luhn(
        body in prop::collection::vec(0u8..10, 11..=18),
        position in any::<prop::sample::Index>(),
        digit in 0u8..10,
    ) {
        let body: String = body.into_iter().map(|d| char::from(b'0' + d)).collect();
        let number = format!("{body}{}", luhn_check_digit(&body).unwrap());
        let mut bytes = number.into_bytes();
        let at = position.index(bytes.len());
        prop_assume!(bytes[at] != b'0' + digit);
        bytes[at] = b'0' + digit;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(!luhn_valid(&changed));
        prop_assert_eq!(BankCard::parse(&changed), Err(BankCardError::Luhn));
    }

    #[test]
    fn amounts_round_trip_exactly(fen in 1u64..=1_000_000_000_000_000) {
        let amount = Amount::from_fen(fen);
        prop_assert_eq!(validate::amount_wan(&amount.wan()).unwrap(), amount);
        prop_assert_eq!(validate::amount_yuan(&amount.yuan()).unwrap(), amount);
        prop_assert_eq!(validate::yuan_to_wan(&validate::wan_to_yuan(&amount.wan()).unwrap()).unwrap(), amount.wan());
        prop_assert!(!amount.wan().ends_with('0') || !amount.wan().contains('.'));
    }

    #[test]
    fn validators_never_panic(input in "[0-9A-Za-z京粤使挂学·@.,，。\\-+ 　０-９ＡＸ长期万元年月日中#转]{0,40}") {
        let _ = validate::uscc(&input);
        let _ = validate::reg_no(&input);
        let _ = validate::firm_id(&input);
        let _ = validate::bank_card(&input);
        let _ = validate::id_number(&input, TODAY);
        let _ = validate::mobile(&input);
        let _ = validate::landline(&input);
        let _ = validate::email(&input);
        let _ = validate::postcode(&input);
        let _ = validate::property_unit(&input);
        let _ = validate::plate(&input);
        let _ = validate::name(&input);
        let _ = validate::latin_name(&input);
        let _ = validate::past_date(&input, TODAY);
        let _ = validate::id_valid_to(&input);
        let _ = validate::amount_wan(&input);
        let _ = validate::amount_yuan(&input);
    }
}
