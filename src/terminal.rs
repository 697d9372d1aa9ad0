//! Text made safe for a terminal. Plan files (and their names) are untrusted: an escape sequence
//! in a city name can retitle the terminal, clear the screen or move the cursor, a line break in
//! a title can forge a line of our output ("0 errors"), and bidi controls reorder what is shown.
//! Everything the command line prints as text goes through [`escape`] (one value) or
//! [`escape_lines`] (a message whose line breaks are ours); JSON output does not, as JSON escapes
//! for itself and must stay exact.

use std::borrow::Cow;
use std::io::{self, Write};

/// True for a character a terminal must not receive raw from untrusted text: the C0 controls
/// (ESC, BEL, CR, LF, TAB…), DEL, the C1 controls (U+0080–U+009F, among them the one-byte CSI
/// U+009B), the bidi controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
/// the marks U+200E, U+200F, U+061C) and the line and paragraph separators U+2028, U+2029.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn escape_with(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_here = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(unsafe_here) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if !unsafe_here(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.extend(c.escape_unicode()),
        }
    }
    Cow::Owned(out)
}

/// One value (a city name, a title, a file name) as visible text: every character for which
/// [`is_unsafe`] holds, line breaks included, becomes an escape such as `\u{1b}`, `\u{202e}` or
/// `\n`, so the value stays on its line and cannot drive the terminal. Backslashes are left as
/// they are (Windows paths stay readable). Escaping twice changes nothing more.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_with(s, false)
}

/// A message of several lines whose line breaks are meant (ours): like [`escape`], but `\n` is
/// kept. Values inside it should have gone through [`escape`] already, or a line break in one of
/// them would still start a line.
pub fn escape_lines(s: &str) -> Cow<'_, str> {
    escape_with(s, true)
}

/// A path as visible text (see [`escape`]).
pub fn path(p: &std::path::Path) -> String {
    escape(&p.display().to_string()).into_owned()
}

/// A writer that passes each complete line through [`escape_lines`]: the last guard of the text
/// output of a command, in case some value was printed without [`escape`]. Call [`Lines::finish`]
/// (or `flush`) at the end to write a last line without a line break.
pub struct Lines<'a> {
    inner: &'a mut dyn Write,
    pending: Vec<u8>,
}

impl<'a> Lines<'a> {
    /// Guards `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Self {
        Lines {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_upto(&mut self, end: usize) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.pending[..end]);
        self.inner.write_all(escape_lines(&text).as_bytes())?;
        self.pending.drain(..end);
        Ok(())
    }

    /// Writes what is left and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()
    }
}

impl Write for Lines<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Whole lines only, so a character is never cut in two.
        if let Some(last) = self.pending.iter().rposition(|b| *b == b'\n') {
            self.write_upto(last + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.write_upto(self.pending.len())?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_become_visible_escapes() {
        assert_eq!(
            escape("\u{1b}]0;pwned\u{7}\u{1b}[2J0 errors\u{202e}x"),
            "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J0 errors\\u{202e}x"
        );
        assert_eq!(
            escape("a\nb\rc\td\u{7f}e\u{9b}f\u{85}g\u{2066}h\u{2069}\u{200f}\u{2028}"),
            "a\\nb\\rc\\td\\u{7f}e\\u{9b}f\\u{85}g\\u{2066}h\\u{2069}\\u{200f}\\u{2028}"
        );
        assert_eq!(escape_lines("one\u{1b}\ntwo\r\n"), "one\\u{1b}\ntwo\\r\n");
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        for s in [
            "София — План 2025–2030",
            "1\u{a0}450\u{a0}000,00\u{a0}EUR",
            "C:\\plans\\plan.ron",
            "↕ 中文 😀 عربى",
        ] {
            assert!(matches!(escape(s), Cow::Borrowed(_)), "{s}");
        }
        let once = escape("\u{1b}[2J\n");
        assert_eq!(escape(&once), once);
    }

    #[test]
    fn the_line_guard_escapes_whole_lines_and_the_rest_at_the_end() {
        let mut out = Vec::new();
        let mut w = Lines::new(&mut out);
        // A character cut between two writes is put together again.
        let city = "Sofia \u{202e}".as_bytes();
        w.write_all(&city[..city.len() - 1]).unwrap();
        w.write_all(&city[city.len() - 1..]).unwrap();
        w.write_all(b"\n\x1b[2J no line break").unwrap();
        w.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Sofia \\u{202e}\n\\u{1b}[2J no line break"
        );
    }
}
