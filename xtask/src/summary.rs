//! Counting passed and failed tests in the output of the test runners.

use std::ops::AddAssign;

/// Passed and failed counts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl Counts {
    pub const fn new(passed: u64, failed: u64) -> Self {
        Self { passed, failed }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Self) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Removes ANSI escape sequences (colours) from a line.
pub fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // Parameters and intermediates, then one final byte in '@'..='~'.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Sums the `test result: ok. N passed; M failed; …` lines printed by libtest
/// (cargo test) and by wasm-bindgen-test-runner (`test result: FAILED. …` too).
pub fn parse_libtest(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output.lines() {
        let line = strip_ansi(line);
        let Some((_, rest)) = line.split_once("test result:") else {
            continue;
        };
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            let (Some(number), Some(label)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(n) = number.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                _ => {}
            }
        }
    }
    counts
}

/// Reads the closing `ℹ pass N` / `ℹ fail N` lines of node's test runner
/// (spec reporter; `# pass N` from the TAP reporter is accepted too).
/// Cancelled tests count as failed. The last occurrence of each line wins.
pub fn parse_node(output: &str) -> Counts {
    let mut pass = None;
    let mut fail = None;
    let mut cancelled = None;
    for line in output.lines() {
        let line = strip_ansi(line);
        let line = line.trim();
        let Some(rest) = line.strip_prefix('ℹ').or_else(|| line.strip_prefix('#')) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let (Some(label), Some(number), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = number.parse::<u64>() else {
            continue;
        };
        match label {
            "pass" => pass = Some(n),
            "fail" => fail = Some(n),
            "cancelled" => cancelled = Some(n),
            _ => {}
        }
    }
    Counts::new(
        pass.unwrap_or(0),
        fail.unwrap_or(0) + cancelled.unwrap_or(0),
    )
}

/// The counts of a step, given its exit status: a failing step whose output
/// shows no failed test (it did not compile, crashed, …) counts as one failure.
pub fn settle(counts: Counts, success: bool) -> Counts {
    if !success && counts.failed == 0 {
        Counts::new(counts.passed, 1)
    } else {
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_cargo_test_result_lines() {
        let out = "\
running 3 tests
test a ... ok
test b ... FAILED
test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

running 0 tests
test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
   Doc-tests oncefill
test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 1.20s
";
        assert_eq!(parse_libtest(out), Counts::new(14, 1));
    }

    #[test]
    fn reads_wasm_bindgen_test_runner_lines_with_colour() {
        let out = "Running headless tests in Chrome\n\
                   test result: \u{1b}[32mok\u{1b}[0m. 7 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.42s\n";
        assert_eq!(parse_libtest(out), Counts::new(7, 0));
    }

    #[test]
    fn ignores_unrelated_numbers() {
        assert_eq!(parse_libtest("3 passed; 4 failed\n"), Counts::default());
    }

    #[test]
    fn reads_node_spec_summary() {
        let out = "\
▶ widget
  ✔ opens (12.3ms)
  ✖ fills (40ms)
ℹ tests 5
ℹ suites 1
ℹ pass 4
ℹ fail 1
ℹ cancelled 0
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 812.5
";
        assert_eq!(parse_node(out), Counts::new(4, 1));
    }

    #[test]
    fn node_cancelled_counts_as_failed_and_tap_is_accepted() {
        let out = "# tests 3\n# pass 1\n# fail 1\n# cancelled 1\n";
        assert_eq!(parse_node(out), Counts::new(1, 2));
    }

    #[test]
    fn node_last_summary_wins() {
        let out = "ℹ pass 99\nsome log\nℹ pass 2\nℹ fail 0\n";
        assert_eq!(parse_node(out), Counts::new(2, 0));
    }

    #[test]
    fn settle_counts_a_crash_as_one_failure() {
        assert_eq!(settle(Counts::new(3, 0), false), Counts::new(3, 1));
        assert_eq!(settle(Counts::new(3, 2), false), Counts::new(3, 2));
        assert_eq!(settle(Counts::new(3, 0), true), Counts::new(3, 0));
    }

    #[test]
    fn strips_ansi_sequences() {
        assert_eq!(strip_ansi("\u{1b}[1;31mred\u{1b}[0m text"), "red text");
    }
}
