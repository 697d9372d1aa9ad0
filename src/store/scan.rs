//! One linear pass over RON text that sees its structure — brackets, field names, list items and
//! strings — without building anything. The loader uses it to refuse files beyond the limits
//! before the parser allocates for them ([`super::limits`]), and to find where ids and
//! references are written ([`super::locate`]).
//!
//! It follows `ron`'s lexical rules (whitespace, `//` and nested `/* */` comments, escaped and raw
//! strings, character literals) so that it never sees a bracket or a comma inside a string or a
//! comment. It does not judge the syntax: whatever it cannot make sense of, it walks past, and
//! the parser reports it afterwards with its own words.

use std::borrow::Cow;
use std::ops::ControlFlow;

/// How a string was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quoting {
    /// `"…"`, with backslash escapes.
    Escaped,
    /// `r"…"`, `r#"…"#`: taken as written.
    Raw,
}

/// A string of the text, as written between its quotes.
#[derive(Clone, Copy, Debug)]
pub struct Written<'t> {
    /// The characters between the quotes.
    pub body: &'t str,
    /// How they are to be read.
    pub quoting: Quoting,
}

impl<'t> Written<'t> {
    /// The string's value, escapes resolved as `ron` resolves them.
    pub fn value(&self) -> Cow<'t, str> {
        match self.quoting {
            Quoting::Raw => Cow::Borrowed(self.body),
            Quoting::Escaped if !self.body.contains('\\') => Cow::Borrowed(self.body),
            Quoting::Escaped => Cow::Owned(unescape(self.body)),
        }
    }

    /// How many characters the value has.
    pub fn chars(&self) -> usize {
        match self.value() {
            Cow::Borrowed(s) => s.chars().count(),
            Cow::Owned(s) => s.chars().count(),
        }
    }
}

/// Resolves `ron`'s escapes: `\" \' \\ \n \r \t \0`, `\xHH` (several in a row may spell one
/// UTF-8 character), `\u{H…}`, and a backslash at the end of a line, which drops the line break
/// and the indentation after it. What `ron` would refuse is kept as written (it is refused later
/// anyway).
pub fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut bytes: Vec<u8> = Vec::new();
    while let Some(pos) = rest.find('\\') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos + 1..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            out.push('\\');
            break;
        };
        match c {
            '"' | '\'' | '\\' => {
                out.push(c);
                rest = chars.as_str();
            }
            'n' => {
                out.push('\n');
                rest = chars.as_str();
            }
            'r' => {
                out.push('\r');
                rest = chars.as_str();
            }
            't' => {
                out.push('\t');
                rest = chars.as_str();
            }
            '0' => {
                out.push('\0');
                rest = chars.as_str();
            }
            '\n' | '\r' => {
                // A continued line: the break and the next line's indentation vanish.
                rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
            }
            'u' => {
                let tail = chars.as_str();
                let decoded = tail
                    .strip_prefix('{')
                    .and_then(|t| t.find('}').map(|end| (&t[..end], &t[end + 1..])))
                    .filter(|(hex, _)| is_hex(hex) && hex.len() <= 6)
                    .and_then(|(hex, after)| {
                        let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                        Some((c, after))
                    });
                match decoded {
                    Some((c, after)) => {
                        out.push(c);
                        rest = after;
                    }
                    None => out.push('\\'),
                }
            }
            'x' => {
                // One to four `\xHH` that together are one character.
                bytes.clear();
                let mut tail = rest;
                let mut decoded = None;
                while let Some(hex) = tail
                    .strip_prefix('x')
                    .and_then(|t| t.get(..2))
                    .filter(|h| is_hex(h))
                {
                    let Ok(b) = u8::from_str_radix(hex, 16) else {
                        break;
                    };
                    bytes.push(b);
                    tail = &tail[3..];
                    if let Ok(s) = std::str::from_utf8(&bytes) {
                        decoded = Some((s.to_owned(), tail));
                        break;
                    }
                    if bytes.len() == 4 {
                        break;
                    }
                    match tail.strip_prefix('\\') {
                        Some(t) => tail = t,
                        None => break,
                    }
                }
                match decoded {
                    Some((s, after)) => {
                        out.push_str(&s);
                        rest = after;
                    }
                    None => out.push('\\'),
                }
            }
            _ => out.push('\\'),
        }
    }
    out.push_str(rest);
    out
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What the walk tells a visitor. Offsets are byte offsets into the text.
pub trait Visit<'t> {
    /// Why the walk stopped early.
    type Stop;

    /// A list (`[…]`) or map (`{…}`) at [`Walk::path`] gained its `count`-th item, which starts
    /// at `at`.
    fn item(&mut self, walk: &Walk<'t>, at: usize, count: usize) -> ControlFlow<Self::Stop> {
        let _ = (walk, at, count);
        ControlFlow::Continue(())
    }

    /// A bracket `(`, `[` or `{` opened at `at`; [`Walk::path`] is the path of what it holds.
    fn open(&mut self, walk: &Walk<'t>, at: usize, bracket: u8) -> ControlFlow<Self::Stop> {
        let _ = (walk, at, bracket);
        ControlFlow::Continue(())
    }

    /// The bracket opened at `start` closes at `at` after `items` items (lists and maps).
    fn close(
        &mut self,
        walk: &Walk<'t>,
        at: usize,
        start: usize,
        items: usize,
    ) -> ControlFlow<Self::Stop> {
        let _ = (walk, at, start, items);
        ControlFlow::Continue(())
    }

    /// A string starting (at its quote or `r`) at `at`; [`Walk::path`] is the field it is the
    /// value of (or that holds the list it is an item of).
    fn string(&mut self, walk: &Walk<'t>, at: usize, s: Written<'t>) -> ControlFlow<Self::Stop> {
        let _ = (walk, at, s);
        ControlFlow::Continue(())
    }
}

struct Frame<'t> {
    bracket: u8,
    start: usize,
    /// Opening it added a field name to the path.
    pushed: bool,
    /// In `(…)`: the field whose value is being read, and where its name is written.
    key: Option<(&'t str, usize)>,
    /// In `(…)`: a word just read (and where) that is a field name if `:` follows.
    candidate: Option<(&'t str, usize)>,
    /// In `(…)`: a field name may come next; in `[…]`/`{…}`: an item may start next.
    awaiting: bool,
    items: usize,
}

impl Frame<'_> {
    fn is_list(&self) -> bool {
        matches!(self.bracket, b'[' | b'{')
    }
}

/// Where the walk is: the field names that lead to the current place.
pub struct Walk<'t> {
    frames: Vec<Frame<'t>>,
    path: Vec<&'t str>,
}

impl<'t> Walk<'t> {
    /// The field names from the top of the file to here (`["actions", "risks"]` inside an
    /// action's risks). List positions are not part of it.
    pub fn path(&self) -> &[&'t str] {
        &self.path
    }

    /// How many brackets are open.
    pub fn depth(&self) -> usize {
        self.frames.len() - 1
    }

    /// Where the innermost open bracket is.
    pub fn start(&self) -> usize {
        self.top().start
    }

    /// True when the innermost open bracket is an item of a list (`[(…), (…)]`).
    pub fn in_item(&self) -> bool {
        let n = self.frames.len();
        n >= 2 && self.frames[n - 2].is_list()
    }

    /// The position (from 1) of the innermost item in its list, when [`Walk::in_item`].
    pub fn item_position(&self) -> usize {
        let n = self.frames.len();
        if n >= 2 { self.frames[n - 2].items } else { 0 }
    }

    /// True when the innermost open bracket is a list's.
    pub fn in_list(&self) -> bool {
        self.top().is_list()
    }

    fn top(&self) -> &Frame<'t> {
        // The root frame is never popped.
        &self.frames[self.frames.len() - 1]
    }

    fn top_mut(&mut self) -> &mut Frame<'t> {
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    /// A value (not a field name) starts at `at`: counts it as an item of a list.
    fn value_starts<V: Visit<'t>>(&mut self, v: &mut V, at: usize) -> ControlFlow<V::Stop> {
        let top = self.top_mut();
        if top.is_list() {
            if top.awaiting {
                top.awaiting = false;
                top.items += 1;
                let count = top.items;
                return v.item(self, at, count);
            }
        } else {
            top.awaiting = false;
            top.candidate = None;
        }
        ControlFlow::Continue(())
    }

    /// The field name under which a value read now belongs, if the current frame has one.
    fn value_key(&self) -> Option<&'t str> {
        let top = self.top();
        if top.is_list() {
            None
        } else {
            top.key.map(|(k, _)| k)
        }
    }

    /// Where the name of the field being read in the innermost `(…)` is written.
    pub fn key_start(&self) -> Option<usize> {
        let top = self.top();
        if top.is_list() {
            None
        } else {
            top.key.map(|(_, at)| at)
        }
    }
}

/// `ron`'s whitespace.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn ends_word(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '"' | '\''
        )
}

/// Where a raw string (`r"…"`, `r#"…"#`) starting at `i` (its `r`) has its body and ends.
fn raw_string(text: &str, i: usize) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let hashes = j - i - 1;
    let body_start = j + 1;
    let closing: String = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let body_end = text[body_start..].find(&closing).map(|p| body_start + p)?;
    Some((body_start, body_end, body_end + closing.len()))
}

/// Where an escaped string whose opening quote is at `i` ends (just after its closing quote),
/// or `None` when it never closes.
fn escaped_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'"' => return Some(j + 1),
            // Whatever is escaped, its first byte is ASCII and never ends the string.
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
    None
}

/// Walks `text`, telling `v` what it sees. Stops early when the visitor says so, or at a string
/// or comment that never ends (the parser reports it).
pub fn walk<'t, V: Visit<'t>>(text: &'t str, v: &mut V) -> ControlFlow<V::Stop> {
    let bytes = text.as_bytes();
    let mut w = Walk {
        frames: vec![Frame {
            bracket: 0,
            start: 0,
            pushed: false,
            key: None,
            candidate: None,
            awaiting: true,
            items: 0,
        }],
        path: Vec::new(),
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |p| i + p + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // Block comments nest.
                let mut level = 0usize;
                let mut j = i;
                loop {
                    if j + 1 >= bytes.len() {
                        return ControlFlow::Continue(());
                    }
                    match (bytes[j], bytes[j + 1]) {
                        (b'/', b'*') => {
                            level += 1;
                            j += 2;
                        }
                        (b'*', b'/') => {
                            level -= 1;
                            j += 2;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => j += 1,
                    }
                }
                i = j;
            }
            b'(' | b'[' | b'{' => {
                w.value_starts(v, i)?;
                let key = w.value_key();
                if let Some(k) = key {
                    w.path.push(k);
                }
                w.frames.push(Frame {
                    bracket: b,
                    start: i,
                    pushed: key.is_some(),
                    key: None,
                    candidate: None,
                    awaiting: true,
                    items: 0,
                });
                v.open(&w, i, b)?;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if w.frames.len() > 1 {
                    let (start, items) = (w.top().start, w.top().items);
                    v.close(&w, i, start, items)?;
                    if let Some(f) = w.frames.pop()
                        && f.pushed
                    {
                        w.path.pop();
                    }
                }
                i += 1;
            }
            b',' => {
                let top = w.top_mut();
                top.awaiting = true;
                if !top.is_list() {
                    top.key = None;
                    top.candidate = None;
                }
                i += 1;
            }
            b':' => {
                let top = w.top_mut();
                if !top.is_list()
                    && let Some(k) = top.candidate.take()
                {
                    top.key = Some(k);
                    top.awaiting = false;
                } else if top.is_list() {
                    // A map's value: not a new item.
                    top.awaiting = false;
                }
                i += 1;
            }
            b'"' => {
                let Some(end) = escaped_string_end(bytes, i) else {
                    return ControlFlow::Continue(());
                };
                w.value_starts(v, i)?;
                let s = Written {
                    body: &text[i + 1..end - 1],
                    quoting: Quoting::Escaped,
                };
                string(&mut w, v, i, s)?;
                i = end;
            }
            b'r' | b'b'
                if (b == b'r' && raw_string(text, i).is_some())
                    || (b == b'b' && matches!(bytes.get(i + 1), Some(b'"' | b'\'' | b'r'))) =>
            {
                // Raw strings, and byte strings and byte literals (never a plan's text, but
                // their insides must not be read as structure).
                let (body_start, body_end, end, quoting) = if b == b'r' {
                    let Some((s, e, end)) = raw_string(text, i) else {
                        return ControlFlow::Continue(());
                    };
                    (s, e, end, Quoting::Raw)
                } else if bytes[i + 1] == b'"' {
                    let Some(end) = escaped_string_end(bytes, i + 1) else {
                        return ControlFlow::Continue(());
                    };
                    (i + 2, end - 1, end, Quoting::Escaped)
                } else if bytes[i + 1] == b'\'' {
                    let end = char_literal_end(text, i + 1).unwrap_or(i + 2);
                    (i + 2, i + 2, end, Quoting::Raw)
                } else {
                    match raw_string(text, i + 1) {
                        Some((s, e, end)) => (s, e, end, Quoting::Raw),
                        // `br` not followed by a string: an ordinary word.
                        None => {
                            i = word(&mut w, v, text, i)?;
                            continue;
                        }
                    }
                };
                w.value_starts(v, i)?;
                if b == b'r' {
                    let s = Written {
                        body: &text[body_start..body_end],
                        quoting,
                    };
                    string(&mut w, v, i, s)?;
                }
                i = end;
            }
            b'\'' => {
                w.value_starts(v, i)?;
                i = char_literal_end(text, i).unwrap_or(i + 1);
            }
            _ if b >= 0x80 => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_space(c) {
                    i += c.len_utf8();
                } else {
                    i = word(&mut w, v, text, i)?;
                }
            }
            _ => i = word(&mut w, v, text, i)?,
        }
    }
    ControlFlow::Continue(())
}

/// Reads a word (a field name, a number, `Some`, `None`, an enum variant…) starting at `i`;
/// returns where it ends.
fn word<'t, V: Visit<'t>>(
    w: &mut Walk<'t>,
    v: &mut V,
    text: &'t str,
    i: usize,
) -> ControlFlow<V::Stop, usize> {
    let end = text[i..]
        .char_indices()
        .find(|(k, c)| {
            *k > 0
                && (ends_word(*c)
                    || text[i + k..].starts_with("//")
                    || text[i + k..].starts_with("/*"))
        })
        .map_or(text.len(), |(k, _)| i + k);
    let top = w.top_mut();
    if !top.is_list() && top.awaiting {
        // A field name if `:` follows; otherwise a value such as `Some` or `None`.
        if top.candidate.is_none() {
            // A raw identifier (`r#actions`) names the same field as `actions`.
            let name = &text[i..end];
            top.candidate = Some((name.strip_prefix("r#").unwrap_or(name), i));
            return ControlFlow::Continue(end);
        }
        top.candidate = None;
    }
    w.value_starts(v, i)?;
    ControlFlow::Continue(end)
}

/// Tells the visitor of a string, with the field it is the value of on the path.
fn string<'t, V: Visit<'t>>(
    w: &mut Walk<'t>,
    v: &mut V,
    at: usize,
    s: Written<'t>,
) -> ControlFlow<V::Stop> {
    let key = w.value_key();
    if let Some(k) = key {
        w.path.push(k);
    }
    let flow = v.string(w, at, s);
    if key.is_some() {
        w.path.pop();
    }
    flow
}

/// Where a character literal whose quote is at `i` ends, if it is one (`'a'`, `'\''`, `'\u{41}'`).
fn char_literal_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i + 1..];
    let mut chars = rest.char_indices();
    let (_, c) = chars.next()?;
    let after = if c == '\\' {
        // Up to the next quote, within an escape's length.
        let close = rest[1..].find('\'')?;
        if close > 10 {
            return None;
        }
        1 + close
    } else {
        c.len_utf8()
    };
    (rest.as_bytes().get(after) == Some(&b'\'')).then_some(i + 1 + after + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Record {
        events: Vec<String>,
    }

    impl<'t> Visit<'t> for Record {
        type Stop = ();
        fn item(&mut self, w: &Walk<'t>, _at: usize, count: usize) -> ControlFlow<()> {
            self.events
                .push(format!("item {} #{count}", w.path().join(".")));
            ControlFlow::Continue(())
        }
        fn close(&mut self, w: &Walk<'t>, _: usize, _: usize, items: usize) -> ControlFlow<()> {
            if w.in_list() {
                self.events
                    .push(format!("end {} ({items})", w.path().join(".")));
            }
            ControlFlow::Continue(())
        }
        fn string(&mut self, w: &Walk<'t>, at: usize, s: Written<'t>) -> ControlFlow<()> {
            self.events
                .push(format!("str {}@{at} {:?}", w.path().join("."), s.value()));
            ControlFlow::Continue(())
        }
    }

    fn record(text: &str) -> Vec<String> {
        let mut r = Record::default();
        let _ = walk(text, &mut r);
        r.events
    }

    #[test]
    fn paths_items_and_strings() {
        let text = r#"Plan(facts: (city: "S"), actions: [(id: "A-1", risks: ["R-1", r"R-2"], cost: Some("1.00")), (),],)"#;
        assert_eq!(
            record(text),
            [
                "str facts.city@19 \"S\"",
                "item actions #1",
                "str actions.id@40 \"A-1\"",
                "item actions.risks #1",
                "str actions.risks@55 \"R-1\"",
                "item actions.risks #2",
                "str actions.risks@62 \"R-2\"",
                "end actions.risks (2)",
                "str actions.cost@82 \"1.00\"",
                "item actions #2",
                "end actions (2)",
            ]
        );
    }

    #[test]
    fn strings_comments_and_chars_hide_their_brackets() {
        let text = "( // [ not a list\n a: [\"[,]\", /* ] /* nested ] */ , */ r#\"\"[\"]\"#, '[', '\\'', b\"]\"], b: [\"x\\\"]\"])";
        assert_eq!(
            record(text),
            [
                "item a #1",
                "str a@23 \"[,]\"",
                "item a #2",
                "str a@55 \"\\\"[\\\"]\"",
                "item a #3",
                "item a #4",
                "item a #5",
                "end a (5)",
                "item b #1",
                "str b@88 \"x\\\"]\"",
                "end b (1)",
            ]
        );
    }

    #[test]
    fn escapes_resolve_as_ron_resolves_them() {
        for (body, want) in [
            (r"A\u{2D}1", "A-1"),
            (r"\x41\x2d\x31", "A-1"),
            (r"\xd0\xb0", "а"),
            (r#"\"q\" \\ \n\t\0"#, "\"q\" \\ \n\t\0"),
            ("one \\\n      two", "one two"),
            (r"bad \q \u{zz}", r"bad \q \u{zz}"),
        ] {
            assert_eq!(unescape(body), want, "{body}");
        }
        let w = Written {
            body: r"\u{41}\u{411}",
            quoting: Quoting::Escaped,
        };
        assert_eq!(w.chars(), 2);
    }

    #[test]
    fn raw_identifiers_name_the_same_field() {
        assert_eq!(
            record("(r#actions: [(r#id: \"A-1\")])"),
            [
                "item actions #1",
                "str actions.id@20 \"A-1\"",
                "end actions (1)"
            ]
        );
    }

    #[test]
    fn unfinished_text_ends_the_walk_quietly() {
        for text in [
            "(a: \"never closed",
            "(a: [1, 2",
            "/* open",
            "(a: r#\"x",
            ")))]]",
        ] {
            let _ = record(text);
        }
    }
}
