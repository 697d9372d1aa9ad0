//! Errors of reading and writing plan files. Each names the file, and where it can, the line and
//! column, and says what was expected.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A place in a text file, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of a byte offset in `text` (an offset inside a character counts as that
    /// character). Lines end at `\n`, `\r\n` or a lone `\r` (old Mac files), as editors count
    /// them; columns count characters.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        Location::of_offsets(text, &[offset])[0]
    }

    /// The locations of many offsets, in one pass over the text.
    pub fn of_offsets(text: &str, offsets: &[usize]) -> Vec<Location> {
        let bytes = text.as_bytes();
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![Location { line: 1, column: 1 }; offsets.len()];
        // Characters since the line began: bytes that do not continue a UTF-8 sequence.
        let (mut line, mut column, mut pos) = (1, 1, 0);
        for i in order {
            let offset = offsets[i].min(bytes.len());
            while pos < offset {
                match bytes[pos] {
                    b'\n' => {
                        line += 1;
                        column = 1;
                    }
                    b'\r' if bytes.get(pos + 1) != Some(&b'\n') => {
                        line += 1;
                        column = 1;
                    }
                    b if b & 0xC0 != 0x80 => column += 1,
                    _ => {}
                }
                pos += 1;
            }
            out[i] = Location { line, column };
        }
        out
    }

    /// The byte offset `ron` means by a position it reports: its lines end at `\n` only and
    /// its columns count characters.
    pub fn ron_offset(text: &str, line: usize, column: usize) -> usize {
        let mut start = 0;
        for _ in 1..line {
            match text[start..].find('\n') {
                Some(p) => start += p + 1,
                None => return text.len(),
            }
        }
        text[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One problem found in a file's content, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct LocatedProblem {
    /// Where in the file, when it could be found.
    pub location: Option<Location>,
    /// What is wrong, in English.
    pub message: String,
}

/// Why a plan file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(#[source] io::Error),
    /// Bigger than any real plan.
    #[error(
        "the file is {size} bytes; plan files larger than {limit} bytes are refused (is it really a plan file?)"
    )]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not UTF-8 text.
    #[error(
        "{at}: the file is not UTF-8 text (a binary file, or saved in another encoding); expected a RON plan file"
    )]
    NotUtf8 {
        /// Where the first bad byte is.
        at: Location,
    },
    /// A list with more items, or a text with more characters, than a plan file may have
    /// (see [`super::limits`]).
    #[error("{at}: {message}")]
    Limit {
        /// Where the list starts or the text is.
        at: Location,
        /// What is too big, and the limit.
        message: String,
    },
    /// Not valid RON, or not the shape of a plan.
    #[error("{at}: {message}")]
    Syntax {
        /// Where.
        at: Location,
        /// What was found and expected.
        message: String,
    },
    /// Written by a newer LAP Studio.
    #[error(
        "the file has format version {found}, but this LAP Studio reads versions up to {supported}; open it with a newer LAP Studio"
    )]
    NewerVersion {
        /// Its version.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// Well-formed, but ids or references are broken.
    #[error("{}", list(.0))]
    Integrity(Vec<LocatedProblem>),
}

fn list(problems: &[LocatedProblem]) -> String {
    problems
        .iter()
        .map(|p| match p.location {
            Some(at) => format!("{at}: {}", p.message),
            None => p.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plan file could not be read; the file's name comes first in the message.
#[derive(Debug)]
pub struct LoadError {
    /// The file (or template) that was read.
    pub file: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match &self.kind {
            // One line per problem, each with the file name, as compilers do.
            LoadErrorKind::Integrity(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    match p.location {
                        Some(at) => write!(f, "{file}:{at}: {}", p.message)?,
                        None => write!(f, "{file}: {}", p.message)?,
                    }
                }
                Ok(())
            }
            // These kinds start with "line:column".
            kind @ (LoadErrorKind::NotUtf8 { .. }
            | LoadErrorKind::Syntax { .. }
            | LoadErrorKind::Limit { .. }) => {
                write!(f, "{file}:{kind}")
            }
            kind => write!(f, "{file}: {kind}"),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

impl LoadError {
    /// The first location the error names, if any.
    pub fn location(&self) -> Option<Location> {
        match &self.kind {
            LoadErrorKind::NotUtf8 { at }
            | LoadErrorKind::Syntax { at, .. }
            | LoadErrorKind::Limit { at, .. } => Some(*at),
            LoadErrorKind::Integrity(p) => p.iter().find_map(|p| p.location),
            _ => None,
        }
    }
}

/// Why a plan could not be saved. The previous file is untouched in every case.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {step} failed: {source}; the previous file is unchanged", .file.display())]
pub struct SaveError {
    /// The file being saved.
    pub file: PathBuf,
    /// The step that failed, in words.
    pub step: &'static str,
    /// The system's reason.
    #[source]
    pub source: io::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\nпрlob\n";
        assert_eq!(
            Location::of_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        assert_eq!(
            Location::of_offset(text, 3),
            Location { line: 2, column: 1 }
        );
        // "пр" is four bytes but two characters.
        assert_eq!(
            Location::of_offset(text, 7),
            Location { line: 2, column: 3 }
        );
        assert_eq!(
            Location::of_offset(text, 999),
            Location { line: 3, column: 1 }
        );
    }

    #[test]
    fn windows_and_old_mac_line_ends_count_as_one_line_each() {
        for text in ["a\nbc\nd", "a\r\nbc\r\nd", "a\rbc\rd"] {
            let d = text.find('d').unwrap();
            assert_eq!(
                Location::of_offset(text, d),
                Location { line: 3, column: 1 },
                "{text:?}"
            );
            let c = text.find('c').unwrap();
            assert_eq!(
                Location::of_offset(text, c),
                Location { line: 2, column: 2 },
                "{text:?}"
            );
        }
        let text = "x\ry\nz";
        assert_eq!(
            Location::of_offsets(text, &[4, 0, 2]),
            [
                Location { line: 3, column: 1 },
                Location { line: 1, column: 1 },
                Location { line: 2, column: 1 }
            ]
        );
    }

    #[test]
    fn ron_positions_become_offsets() {
        let text = "ab\nпр\rx\n";
        assert_eq!(Location::ron_offset(text, 1, 1), 0);
        assert_eq!(Location::ron_offset(text, 2, 2), 5);
        // The lone CR is inside ron's line 2.
        assert_eq!(Location::ron_offset(text, 2, 4), 8);
        assert_eq!(
            Location::of_offset(text, 8),
            Location { line: 3, column: 1 }
        );
        assert_eq!(Location::ron_offset(text, 9, 1), text.len());
    }
}
