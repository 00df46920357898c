//! The faults of shape that every identifier parser reports alike: nothing entered, the
//! wrong number of characters, a character that may not stand where it does.
//!
//! Each parser's error wraps a [`FormatError`] next to the faults only it can have (a check
//! character, a birth date, a letter GB 32100 leaves out, …), and names its codes with its
//! own prefix through a [`FormatCodes`]: `id.length`, `uscc.length`, `bank_card.length`.

/// What is wrong with the shape of a typed identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// Nothing was entered.
    Empty,
    /// Not a length the identifier has.
    Length {
        /// Characters counted after the parser dropped spaces (and, for bank cards, hyphens).
        found: usize,
    },
    /// A character that may not stand at that position.
    Character {
        /// 1-based position among the characters counted.
        position: usize,
        /// The offending character.
        found: char,
    },
}

/// The stable codes of the [`FormatError`]s of one identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatCodes {
    /// Code of [`FormatError::Empty`].
    pub empty: &'static str,
    /// Code of [`FormatError::Length`].
    pub length: &'static str,
    /// Code of [`FormatError::Character`].
    pub character: &'static str,
}

impl FormatError {
    /// The stable code of this fault among `codes`.
    pub fn code(&self, codes: &FormatCodes) -> &'static str {
        match self {
            Self::Empty => codes.empty,
            Self::Length { .. } => codes.length,
            Self::Character { .. } => codes.character,
        }
    }

    /// [`FormatError::Character`] at the first of `chars` that `allowed(index, c)` refuses.
    pub fn check_characters(
        chars: &[char],
        allowed: impl Fn(usize, char) -> bool,
    ) -> Result<(), FormatError> {
        match chars
            .iter()
            .enumerate()
            .find(|&(index, &c)| !allowed(index, c))
        {
            Some((index, &found)) => Err(FormatError::Character {
                position: index + 1,
                found,
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: FormatCodes = FormatCodes {
        empty: "x.empty",
        length: "x.length",
        character: "x.character",
    };

    #[test]
    fn codes_come_from_the_identifier() {
        assert_eq!(FormatError::Empty.code(&CODES), "x.empty");
        assert_eq!(FormatError::Length { found: 3 }.code(&CODES), "x.length");
        let character = FormatError::Character {
            position: 1,
            found: 'a',
        };
        assert_eq!(character.code(&CODES), "x.character");
    }

    #[test]
    fn the_first_refused_character_is_reported_with_its_position() {
        let chars: Vec<char> = "12a4b".chars().collect();
        assert_eq!(
            FormatError::check_characters(&chars, |_, c| c.is_ascii_digit()),
            Err(FormatError::Character {
                position: 3,
                found: 'a'
            })
        );
        assert_eq!(
            FormatError::check_characters(&chars, |index, c| index == 2
                || index == 4
                || c.is_ascii_digit()),
            Ok(())
        );
    }
}
