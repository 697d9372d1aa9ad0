//! Where a word may be broken at the end of a line: after the hyphen of a compound, after the
//! slash or dot of a web address, and between syllables found by the Knuth–Liang patterns of
//! TeX (Bulgarian for Cyrillic, American English for Latin letters, from the `hyphenation`
//! crate, loaded once). Only a word no rule can break is cut between characters, by the layout,
//! with a visible hyphen.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// Letter runs longer than this are not words (a row of the same letter, an identifier) and are
/// not looked up, so the time stays linear in the text however long a "word" is.
pub const MAX_WORD_CHARS: usize = 48;

/// How many looked-up words a thread remembers (a few megabytes at most).
const REMEMBERED_WORDS: usize = 20_000;

thread_local! {
    /// The words this thread has looked up and their breaks: a plan repeats its words (in
    /// tables, on every page a column is measured and laid out).
    static SEEN: RefCell<HashMap<String, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// The mark printed where a word is broken between two letters.
pub const MARK: char = '-';

/// One place a word may be broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Break {
    /// Byte offset in the word: the first line ends before it.
    pub at: usize,
    /// True when the first line must end with [`MARK`] (a break between syllables); false
    /// after a hyphen, a dash, a slash or a dot, which show the break themselves.
    pub mark: bool,
}

fn dictionary(lang: Language) -> Option<&'static Standard> {
    static BG: OnceLock<Option<Standard>> = OnceLock::new();
    static EN: OnceLock<Option<Standard>> = OnceLock::new();
    let cell = match lang {
        Language::Bulgarian => &BG,
        _ => &EN,
    };
    cell.get_or_init(|| Standard::from_embedded(lang).ok())
        .as_ref()
}

/// Loads both languages' patterns now, so a later first lookup does not wait for them.
pub fn warm_up() {
    dictionary(Language::Bulgarian);
    dictionary(Language::EnglishUS);
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}') && c != '×' && c != '÷'
}

/// The syllable breaks of a run of letters (byte offsets inside it): none for a short word, an
/// abbreviation in capitals (ВКБООН, URBACT), a mix of scripts or a script without patterns.
pub fn syllables(word: &str) -> Vec<usize> {
    let n = word.chars().count();
    if !(4..=MAX_WORD_CHARS).contains(&n) || !word.chars().any(char::is_lowercase) {
        return Vec::new();
    }
    let lang = if word.chars().all(is_cyrillic) {
        Language::Bulgarian
    } else if word.chars().all(is_latin) {
        Language::EnglishUS
    } else {
        return Vec::new();
    };
    SEEN.with_borrow_mut(|seen| {
        if let Some(breaks) = seen.get(word) {
            return breaks.clone();
        }
        let breaks = dictionary(lang).map_or_else(Vec::new, |d| d.hyphenate(word).breaks);
        if seen.len() >= REMEMBERED_WORDS {
            seen.clear();
        }
        seen.insert(word.to_owned(), breaks.clone());
        breaks
    })
}

/// `char::is_alphabetic`, answered at once for Latin and Cyrillic letters: the standard
/// library looks a Cyrillic letter up in its tables, for every character of every word broken.
#[inline]
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x0400..=0x0481 | 0x048A..=0x04FF)
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Every place `word` (text without spaces) may be broken, in order.
pub fn breaks(word: &str) -> Vec<Break> {
    let mut out = Vec::new();
    let mut run_start: Option<usize> = None;
    let url = word.contains("://") || word.starts_with("www.") || word.contains('@');
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        if is_letter(c) {
            if run_start.is_none() && !url {
                run_start = Some(i);
            }
            // An address is broken at its punctuation only, never inside its names.
            if !url && next.is_none_or(|n| !is_letter(n)) {
                let start = run_start.take().unwrap_or(i);
                let end = i + c.len_utf8();
                out.extend(syllables(&word[start..end]).into_iter().map(|b| Break {
                    at: start + b,
                    mark: true,
                }));
            }
            continue;
        }
        let Some(n) = next else { break };
        let after = i + c.len_utf8();
        // After the hyphen of a compound or a dash between words or numbers ("2025–2030"),
        // never after a leading one ("-5"); in an address after its slashes and dots.
        let shows_break =
            matches!(c, '-' | '–' | '—' | '/') && i > 0 && (n.is_alphanumeric() || url)
                || url && matches!(c, '.' | '?' | '&' | '=' | '_' | '#') && n.is_alphanumeric();
        if shows_break && !(c == '/' && n == '/') {
            out.push(Break {
                at: after,
                mark: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_looked_up_again_breaks_where_the_patterns_say() {
        let words = ["интеграция", "мигранти", "integration", "municipality"];
        let fresh: Vec<Vec<usize>> = words
            .iter()
            .map(|w| {
                let lang = if w.chars().all(is_cyrillic) {
                    Language::Bulgarian
                } else {
                    Language::EnglishUS
                };
                dictionary(lang).unwrap().hyphenate(w).breaks
            })
            .collect();
        assert!(fresh.iter().all(|b| !b.is_empty()));
        for _ in 0..3 {
            let again: Vec<Vec<usize>> = words.iter().map(|w| syllables(w)).collect();
            assert_eq!(again, fresh);
        }
        // Past the bound the remembered words are forgotten, and found again.
        let letters: Vec<char> = ('а'..='я').collect();
        for i in 0..REMEMBERED_WORDS + 10 {
            let (mut n, mut word) = (i, String::from("мигра"));
            while n > 0 {
                word.push(letters[n % letters.len()]);
                n /= letters.len();
            }
            syllables(&word);
            assert!(SEEN.with_borrow(HashMap::len) <= REMEMBERED_WORDS);
        }
        assert_eq!(syllables(words[0]), fresh[0]);
    }

    fn pieces(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for b in breaks(word) {
            let mark = if b.mark { "-" } else { "" };
            out.push(format!("{}{mark}", &word[from..b.at]));
            from = b.at;
        }
        out.push(word[from..].to_owned());
        out
    }

    #[test]
    fn the_quick_letter_test_agrees_with_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn bulgarian_and_english_words_break_between_syllables() {
        let p = pieces("консултации");
        assert!(p.len() >= 3, "{p:?}");
        assert_eq!(p.concat().replace('-', ""), "консултации");
        // Never a piece of one letter, never a break inside "ии" at the end.
        assert!(
            p.iter()
                .all(|s| s.trim_end_matches('-').chars().count() >= 2)
        );
        assert!(pieces("Дейности").len() >= 2);
        assert_eq!(pieces("hyphenation"), ["hy-", "phen-", "a-", "tion"]);
        // Punctuation stays with its word.
        let p = pieces("(предприятия),");
        assert_eq!(p.last().unwrap().chars().last(), Some(','));
        assert!(p[0].starts_with('('));
    }

    #[test]
    fn compounds_addresses_and_abbreviations() {
        assert!(breaks("търговско-промишлена").contains(&Break {
            at: "търговско-".len(),
            mark: false
        }));
        assert_eq!(pieces("2025–2030"), ["2025–", "2030"]);
        assert_eq!(pieces("-5"), ["-5"]);
        assert_eq!(pieces("ВКБООН"), ["ВКБООН"]);
        assert_eq!(pieces("URBACT"), ["URBACT"]);
        let p = pieces("https://example.org/a/path");
        assert_eq!(p, ["https://", "example.", "org/", "a/", "path"]);
        // A row of one letter is no word: nothing to look up, the layout cuts it.
        assert!(breaks(&"ж".repeat(10_000)).is_empty());
    }
}
