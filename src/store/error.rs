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
    /// character).
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        let before = text.as_bytes()[..offset].iter().rposition(|b| *b == b'\n');
        let line = text.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        let line_start = before.map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&text.as_bytes()[line_start..offset])
            .chars()
            .count()
            + 1;
        Location { line, column }
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
            kind @ (LoadErrorKind::NotUtf8 { .. } | LoadErrorKind::Syntax { .. }) => {
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
            LoadErrorKind::NotUtf8 { at } | LoadErrorKind::Syntax { at, .. } => Some(*at),
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
}
