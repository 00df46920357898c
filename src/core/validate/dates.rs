//! Dates as people type them (`1990-03-07`, `1990/3/7`, `1990年3月7日`, `19900307`, full-width
//! digits), in the past or any time, and the end of an ID card's validity (a date or 长期).

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use super::{Issue, all_digits, half_width};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// A date written `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD` and
/// `YYYY年MM月DD日`), not after `today`.
pub fn past_date(input: &str, today: Date) -> Result<Date, Issue> {
    let date = parse_date(input)?;
    if date > today {
        return Err(Issue::DateFuture);
    }
    Ok(date)
}

/// Parses the date spellings people type.
pub fn parse_date(input: &str) -> Result<Date, Issue> {
    // Full-width digits and separators typed with a Chinese input method become half-width.
    let converted: String = input.chars().map(half_width).collect();
    let text = converted.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let parts: Vec<&str> = text
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    // Only ASCII digits from here on, so slicing by bytes cannot split a character.
    if !parts.iter().all(|p| all_digits(p)) {
        return Err(Issue::DateFormat);
    }
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [all] if all.len() == 8 => (&all[0..4], &all[4..6], &all[6..8]),
        _ => return Err(Issue::DateFormat),
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return Err(Issue::DateFormat);
    }
    let year: i32 = y.parse().map_err(|_| Issue::DateFormat)?;
    let month: u8 = m.parse().map_err(|_| Issue::DateFormat)?;
    let day: u8 = d.parse().map_err(|_| Issue::DateFormat)?;
    let month = time::Month::try_from(month).map_err(|_| Issue::DateFormat)?;
    Date::from_calendar_date(year, month, day).map_err(|_| Issue::DateFormat)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn iso_date(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

/// A date in any spelling [`parse_date`] reads, in the past or the future (e.g. the end of a
/// validity period).
pub fn any_date(input: &str) -> Result<Date, Issue> {
    parse_date(input)
}

/// The end of an ID card's validity (有效期限止): a date or 长期 (long-term).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidTo {
    /// Valid up to and including this date.
    Date(Date),
    /// 长期: no end date.
    LongTerm,
}

impl ValidTo {
    /// `YYYY-MM-DD` or `长期`.
    pub fn render(self) -> String {
        match self {
            ValidTo::Date(date) => iso_date(date),
            ValidTo::LongTerm => "长期".to_string(),
        }
    }
}

/// 有效期限止: a date (past or future) or `长期`.
pub fn id_valid_to(input: &str) -> Result<ValidTo, Issue> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Issue::Required);
    }
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "长期" | "長期" | "长期有效" | "長期有效" | "long-term" | "long term" | "longterm"
    ) {
        return Ok(ValidTo::LongTerm);
    }
    parse_date(text).map(ValidTo::Date).map_err(|issue| {
        if issue == Issue::DateFormat {
            Issue::ValidToFormat
        } else {
            issue
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates() {
        let today = date!(2026 - 11 - 21);
        assert_eq!(past_date("1990-03-07", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990/3/7", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990年3月7日", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("19900307", today), Ok(date!(1990 - 03 - 07)));
        assert_eq!(past_date("1990-02-30", today), Err(Issue::DateFormat));
        assert_eq!(past_date("90-03-07", today), Err(Issue::DateFormat));
        assert_eq!(past_date("2026-11-22", today), Err(Issue::DateFuture));
    }

    #[test]
    fn any_dates_and_validity() {
        assert_eq!(any_date("2036-03-07"), Ok(date!(2036 - 03 - 07)));
        assert_eq!(id_valid_to("长期"), Ok(ValidTo::LongTerm));
        assert_eq!(id_valid_to("长期").map(ValidTo::render), Ok("长期".into()));
        assert_eq!(
            id_valid_to("2036.3.7"),
            Ok(ValidTo::Date(date!(2036 - 03 - 07)))
        );
        assert_eq!(id_valid_to("永久"), Err(Issue::ValidToFormat));
        // A former panic: eight bytes that are not eight ASCII digits.
        assert_eq!(parse_date("12中345"), Err(Issue::DateFormat));
    }
}
