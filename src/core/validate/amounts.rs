//! Amounts of money in 元 or 万元, held exactly as a whole number of 分 and converted between
//! the two units without floating point.

use super::{Issue, all_digits, compact};

/// Decimal places of an amount in 万元 (0.000001 万元 = 0.01 元).
pub const WAN_DECIMALS: u32 = 6;
/// Decimal places of an amount in 元.
pub const YUAN_DECIMALS: u32 = 2;

/// The unit an amount field is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoneyUnit {
    /// 元.
    Yuan,
    /// 万元 (10,000 元), the unit of 注册资本.
    Wan,
}

impl MoneyUnit {
    /// Decimal places that still name a whole 分.
    pub fn decimals(self) -> u32 {
        match self {
            MoneyUnit::Yuan => YUAN_DECIMALS,
            MoneyUnit::Wan => WAN_DECIMALS,
        }
    }

    /// 分 (0.01 元) per unit.
    pub fn fen_per_unit(self) -> u64 {
        match self {
            MoneyUnit::Yuan => 100,
            MoneyUnit::Wan => 1_000_000,
        }
    }
}

/// An amount of money held exactly, as a whole number of 分 (0.01 元). No floating point is
/// involved anywhere: 1 万元 = 10 000 元 = 1 000 000 分.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    fen: u64,
}

impl Amount {
    /// An amount of `fen` 分.
    pub fn from_fen(fen: u64) -> Self {
        Self { fen }
    }

    /// The amount in 分.
    pub fn fen(self) -> u64 {
        self.fen
    }

    /// The amount as a decimal in `unit`, without trailing zeros: `10.5`, `0.0001`, `1000`.
    pub fn in_unit(self, unit: MoneyUnit) -> String {
        let per = unit.fen_per_unit();
        let whole = self.fen / per;
        let fraction = self.fen % per;
        if fraction == 0 {
            return whole.to_string();
        }
        let width = usize::try_from(unit.decimals()).unwrap_or(0);
        let digits = format!("{fraction:0width$}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }

    /// The amount in 万元.
    pub fn wan(self) -> String {
        self.in_unit(MoneyUnit::Wan)
    }

    /// The amount in 元.
    pub fn yuan(self) -> String {
        self.in_unit(MoneyUnit::Yuan)
    }
}

/// Units a person may write after an amount, and what they are.
const UNIT_WORDS: &[(&str, Option<MoneyUnit>)] = &[
    ("万元", Some(MoneyUnit::Wan)),
    ("萬元", Some(MoneyUnit::Wan)),
    ("万", Some(MoneyUnit::Wan)),
    ("萬", Some(MoneyUnit::Wan)),
    ("元", Some(MoneyUnit::Yuan)),
    ("圆", Some(MoneyUnit::Yuan)),
    ("亿元", None),
    ("亿", None),
    ("千元", None),
    ("千", None),
];

/// Removes valid thousands separators from the integer part: `1,000,000` → `1000000`.
fn strip_thousands(integer: &str) -> Option<String> {
    if !integer.contains(',') {
        return integer
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| integer.to_string());
    }
    let mut groups = integer.split(',');
    let head = groups.next()?;
    if !(1..=3).contains(&head.len()) || !all_digits(head) {
        return None;
    }
    let mut out = head.to_string();
    for group in groups {
        if group.len() != 3 || !all_digits(group) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

fn parse_amount(input: &str, unit: MoneyUnit) -> Result<Amount, Issue> {
    let text = compact(input)?;
    let text = text.trim_start_matches(['¥', '￥']);
    let split = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-')))
        .map_or(text.len(), |(at, _)| at);
    let (number, written_unit) = text.split_at(split);
    if !written_unit.is_empty() {
        match UNIT_WORDS.iter().find(|(word, _)| *word == written_unit) {
            Some((_, Some(u))) if *u == unit => {}
            Some(_) => {
                return Err(Issue::AmountUnit {
                    unit,
                    found: written_unit.to_string(),
                });
            }
            None => return Err(Issue::AmountFormat),
        }
    }
    let (negative, body) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number.strip_prefix('+').unwrap_or(number)),
    };
    let (integer, fraction) = body.split_once('.').unwrap_or((body, ""));
    let integer = strip_thousands(integer).ok_or(Issue::AmountFormat)?;
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (integer.is_empty() && fraction.is_empty())
    {
        return Err(Issue::AmountFormat);
    }
    if negative {
        return Err(Issue::AmountNotPositive);
    }
    let fraction = fraction.trim_end_matches('0');
    let decimals = unit.decimals();
    if fraction.len() > usize::try_from(decimals).unwrap_or(0) {
        return Err(Issue::AmountPrecision { max: decimals });
    }
    let integer = integer.trim_start_matches('0');
    let whole: u64 = if integer.is_empty() {
        0
    } else {
        integer.parse().map_err(|_| Issue::AmountTooLarge)?
    };
    let mut part: u64 = 0;
    let mut padded = fraction.bytes();
    for _ in 0..decimals {
        let digit = padded.next().map_or(0, |b| u64::from(b - b'0'));
        part = part * 10 + digit;
    }
    let fen = whole
        .checked_mul(unit.fen_per_unit())
        .and_then(|v| v.checked_add(part))
        .ok_or(Issue::AmountTooLarge)?;
    if fen == 0 {
        return Err(Issue::AmountNotPositive);
    }
    Ok(Amount { fen })
}

/// A positive amount in 万元 (e.g. 注册资本): at most six decimal places (one 分), an optional
/// `万元`/`万` behind, full-width digits and thousands commas accepted. Render it with
/// [`Amount::wan`], which drops trailing zeros.
pub fn amount_wan(input: &str) -> Result<Amount, Issue> {
    parse_amount(input, MoneyUnit::Wan)
}

/// A positive amount in 元: at most two decimal places, an optional `元` behind.
pub fn amount_yuan(input: &str) -> Result<Amount, Issue> {
    parse_amount(input, MoneyUnit::Yuan)
}

/// Converts an amount written in 万元 to 元, exactly: `10.5` → `105000`.
pub fn wan_to_yuan(input: &str) -> Result<String, Issue> {
    amount_wan(input).map(Amount::yuan)
}

/// Converts an amount written in 元 to 万元, exactly: `105000` → `10.5`.
pub fn yuan_to_wan(input: &str) -> Result<String, Issue> {
    amount_yuan(input).map(Amount::wan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(
            amount_wan("１０．５万元").map(Amount::wan),
            Ok("10.5".into())
        );
        assert_eq!(amount_wan("10.5").map(Amount::fen), Ok(10_500_000));
        assert_eq!(amount_wan("0"), Err(Issue::AmountNotPositive));
        assert_eq!(amount_wan("-1"), Err(Issue::AmountNotPositive));
        assert_eq!(
            amount_wan("0.0000001"),
            Err(Issue::AmountPrecision { max: 6 })
        );
        assert_eq!(wan_to_yuan("0.0001"), Ok("1".into()));
        assert_eq!(yuan_to_wan("105000.5"), Ok("10.50005".into()));
    }
}
