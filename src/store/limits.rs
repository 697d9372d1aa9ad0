//! Limits a real plan never reaches, in one place. They keep a damaged or hostile file from
//! taking the memory and time of the machine that opens it: the loader refuses a file beyond any
//! of them, naming the file, the line and column where the list starts or the long text is, and
//! the limit; saving refuses a plan beyond them, so nothing is written that could not be read
//! back.
//!
//! For scale: Sofia's plan has 18 actions, 16 indicators and 8 risks in 114 KB; a generated
//! plan of 10,000 actions (the most a file may have) is about 25 MB.

use std::ops::ControlFlow;

use super::locate::item_kind;
use super::scan::{self, Visit, Walk, Written};
use crate::model::{Lang, format};

/// Plan files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deep brackets may nest. A plan nests about eight levels; this bounds the parser's stack.
pub const MAX_NESTING: usize = 64;

/// Most actions in a plan.
pub const MAX_ACTIONS: usize = 10_000;

/// Most items in any other list of the plan: objectives, indicators, risks, pilots, problems,
/// evidence, support group members and meetings, strategy goals, review points, comments,
/// revisions.
pub const MAX_ITEMS: usize = 5_000;

/// Most cities in the openness comparison (the OPENCities Monitor compared 26).
pub const MAX_CITIES: usize = 500;

/// Most areas of an openness framework, and most indicators in one area.
pub const MAX_OPENNESS_AREAS: usize = 100;

/// Most raw values of the openness comparison (a value per city and indicator).
pub const MAX_OPENNESS_VALUES: usize = 100_000;

/// Most items in a list inside an item (an action's funding lines, partners, risks, links…;
/// a meeting's attendees; a pilot's budget lines) and in the plan's short lists (authors,
/// languages, implementing bodies).
pub const MAX_NESTED_ITEMS: usize = 500;

/// Most list items in the whole file, all lists counted together. Each list may be within its
/// own limit while all of them together are not: this bounds the plan in memory.
pub const MAX_ITEMS_IN_ALL: usize = 1_000_000;

/// Most characters in one text field (a title, a description, a narrative…).
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Most characters in an id, a reference to one, a code, a date, a month or an amount.
pub const MAX_SHORT_CHARS: usize = 200;

/// The most items the list at `path` (field names from the top of the file) may have.
pub fn list_limit(path: &[&str]) -> usize {
    match path {
        ["actions"] => MAX_ACTIONS,
        ["openness", "cities"] => MAX_CITIES,
        ["openness", "areas"] | ["openness", "areas", "indicators"] => MAX_OPENNESS_AREAS,
        ["openness", "values"] => MAX_OPENNESS_VALUES,
        [
            "problems" | "objectives" | "pilots" | "indicators" | "risks" | "comments"
            | "revisions",
        ]
        | ["context", "evidence"]
        | ["support_group", "members" | "meetings"]
        | ["strategies", "marketing" | "internationalisation", "goals"]
        | ["governance", "review_points"] => MAX_ITEMS,
        _ => MAX_NESTED_ITEMS,
    }
}

/// True for the fields limited to [`MAX_SHORT_CHARS`]: ids and references, codes, and the
/// values written as short text (dates, months, amounts, currency, version).
fn is_short(path: &[&str]) -> bool {
    matches!(
        path,
        [.., "id" | "code"]
            | [
                ..,
                "amount"
                    | "cost"
                    | "start"
                    | "end"
                    | "period_start"
                    | "period_end"
                    | "date"
                    | "adoption_date"
                    | "deadline"
                    | "month"
            ]
            | ["facts", "currency" | "version" | "languages"]
            | ["revisions", "version" | "fingerprint"]
            | ["support_group", "meetings", "attendees"]
            | ["problems", "evidence"]
            | ["objectives", "problems"]
            | ["objectives", "specific", "indicators"]
            | [
                "actions",
                "objective"
                    | "specific_objective"
                    | "indicators"
                    | "risks"
                    | "depends_on"
                    | "strategy_goals"
            ]
            | ["pilots" | "risks", "actions"]
            | ["openness", "home_city"]
            | ["openness", "values", "city" | "indicator"]
            | ["comments", "target", "item" | "field"]
    )
}

/// The most characters the text at `path` may have.
pub fn text_limit(path: &[&str]) -> usize {
    if is_short(path) {
        MAX_SHORT_CHARS
    } else {
        MAX_TEXT_CHARS
    }
}

/// A limit that the text passes, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exceeded {
    /// Byte offset where the list starts or the long text is.
    pub offset: usize,
    /// What is too big and what the limit is, in English.
    pub message: String,
}

fn n(count: usize) -> String {
    format::integer(Lang::En, count as u64)
}

/// An item being read, to name it in messages.
struct Owner {
    depth: usize,
    kind: &'static str,
    position: usize,
    id: Option<String>,
}

impl Owner {
    fn describe(&self) -> String {
        match &self.id {
            Some(id) => format!("{} {id:?}", self.kind),
            None => format!("{} #{}", self.kind, self.position),
        }
    }
}

#[derive(Default)]
struct Check {
    owners: Vec<Owner>,
    total: usize,
    /// A list past its limit, read on to its end to count it: (depth, start, what, limit).
    over: Option<(usize, usize, String, usize)>,
}

impl Check {
    /// "`actions.risks` (in action "A-3")": the field and the item it belongs to.
    fn what(&self, path: &[&str], depth: usize) -> String {
        // Field names come from the file: what is invisible in them is shown escaped.
        let field: String = path
            .join(".")
            .chars()
            .flat_map(char::escape_debug)
            .collect();
        let field = format!("`{field}`");
        match self.owners.iter().rev().find(|o| o.depth < depth) {
            Some(o) => format!("{field} (in {})", o.describe()),
            None => field,
        }
    }
}

impl<'t> Visit<'t> for Check {
    type Stop = Exceeded;

    fn item(&mut self, w: &Walk<'t>, at: usize, count: usize) -> ControlFlow<Exceeded> {
        self.total += 1;
        if self.total > MAX_ITEMS_IN_ALL {
            return ControlFlow::Break(Exceeded {
                offset: at,
                message: format!(
                    "the file has more than {} list items in all lists together, the most a plan file may have; this item is past that",
                    n(MAX_ITEMS_IN_ALL)
                ),
            });
        }
        let limit = list_limit(w.path());
        if count == limit + 1 && self.over.is_none() {
            // Counted to its end, so the message can say how long it is.
            let what = self.what(w.path(), w.depth());
            self.over = Some((w.depth(), w.start(), what, limit));
        }
        ControlFlow::Continue(())
    }

    fn open(&mut self, w: &Walk<'t>, _at: usize, bracket: u8) -> ControlFlow<Exceeded> {
        if bracket == b'(' && w.in_item() {
            let kind = item_kind(w.path()).map_or("item", |(k, _, _)| k.names().0);
            let position = w.item_position();
            self.owners.push(Owner {
                depth: w.depth(),
                kind,
                position,
                id: None,
            });
        }
        ControlFlow::Continue(())
    }

    fn close(
        &mut self,
        w: &Walk<'t>,
        _at: usize,
        start: usize,
        items: usize,
    ) -> ControlFlow<Exceeded> {
        if let Some((depth, _, what, limit)) = &self.over
            && *depth == w.depth()
        {
            return ControlFlow::Break(Exceeded {
                offset: start,
                message: format!(
                    "the list {what} has {} items, more than the {} a plan file may have there",
                    n(items),
                    n(*limit)
                ),
            });
        }
        if self.owners.last().is_some_and(|o| o.depth == w.depth()) {
            self.owners.pop();
        }
        ControlFlow::Continue(())
    }

    fn string(&mut self, w: &Walk<'t>, at: usize, s: Written<'t>) -> ControlFlow<Exceeded> {
        let path = w.path();
        let limit = text_limit(path);
        let chars = s.chars();
        if chars > limit {
            let what = self.what(path, w.depth() + 1);
            let kind = if limit == MAX_SHORT_CHARS {
                "an id, a reference, a code, a date or an amount"
            } else {
                "a text field"
            };
            return ControlFlow::Break(Exceeded {
                offset: at,
                message: format!(
                    "the text of {what} is {} characters long, more than the {} {kind} may have",
                    n(chars),
                    n(limit)
                ),
            });
        }
        if path.last() == Some(&"id")
            && let Some(o) = self.owners.last_mut()
            && o.depth == w.depth()
        {
            o.id = Some(s.value().into_owned());
        }
        ControlFlow::Continue(())
    }
}

/// Checks RON text against the limits on lists and texts, in one pass that allocates nothing
/// per item. The first limit passed is reported.
pub fn check(text: &str) -> Result<(), Exceeded> {
    let mut c = Check::default();
    match scan::walk(text, &mut c) {
        ControlFlow::Break(e) => Err(e),
        // A list past its limit that never closes: the file is cut short.
        ControlFlow::Continue(()) => match c.over {
            Some((_, start, what, limit)) => Err(Exceeded {
                offset: start,
                message: format!(
                    "the list {what} has more than the {} items a plan file may have there",
                    n(limit)
                ),
            }),
            None => Ok(()),
        },
    }
}

/// Checks the size of a plan's text.
pub fn check_size(bytes: usize) -> Result<(), Exceeded> {
    if bytes as u64 > MAX_FILE_BYTES {
        return Err(Exceeded {
            offset: 0,
            message: format!(
                "its text would be {} bytes, more than the {} bytes (64 MiB) a plan file may have",
                n(bytes),
                n(MAX_FILE_BYTES as usize)
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(field: &str, n: usize, item: &str) -> String {
        let items = vec![item; n].join(", ");
        format!("(format_version: 4, {field}: [{items}])")
    }

    #[test]
    fn lists_are_counted_against_their_own_limit() {
        assert_eq!(check(&list("actions", MAX_ACTIONS, "()")), Ok(()));
        let e = check(&list("actions", MAX_ACTIONS + 1, "()")).unwrap_err();
        assert_eq!(e.offset, "(format_version: 4, actions: ".len());
        assert_eq!(
            e.message,
            "the list `actions` has 10,001 items, more than the 10,000 a plan file may have there"
        );
        assert!(check(&list("risks", MAX_ITEMS + 1, "()")).is_err());
        assert_eq!(check(&list("risks", MAX_ITEMS, "()")), Ok(()));
    }

    #[test]
    fn nested_lists_name_their_item() {
        let risks = vec!["\"R-1\""; MAX_NESTED_ITEMS + 1].join(",");
        let text = format!("(actions: [(id: \"A-1\"), (id: \"A\\u{{2D}}2\", risks: [{risks}])])");
        let e = check(&text).unwrap_err();
        assert_eq!(e.offset, text.find("[\"R-1\"").unwrap());
        assert_eq!(
            e.message,
            "the list `actions.risks` (in action \"A-2\") has 501 items, more than the 500 a plan file may have there"
        );
    }

    #[test]
    fn long_texts_are_refused_where_they_start() {
        let long = "я".repeat(MAX_TEXT_CHARS + 1);
        let text = format!("(facts: (city: \"S\", title: \"{long}\"))");
        let e = check(&text).unwrap_err();
        assert_eq!(e.offset, text.find("\"я").unwrap());
        assert_eq!(
            e.message,
            "the text of `facts.title` is 100,001 characters long, more than the 100,000 a text field may have"
        );
        // Escapes count as the characters they stand for.
        let escaped = "\\n".repeat(MAX_TEXT_CHARS);
        assert_eq!(check(&format!("(vision: \"{escaped}\")")), Ok(()));
        let id = "x".repeat(MAX_SHORT_CHARS + 1);
        let e = check(&format!("(actions: [(title: \"t\"), (id: \"{id}\")])")).unwrap_err();
        assert_eq!(
            e.message,
            "the text of `actions.id` (in action #2) is 201 characters long, more than the 200 an id, a reference, a code, a date or an amount may have"
        );
    }

    #[test]
    fn odd_field_names_are_shown_escaped() {
        let text = format!(
            "(\u{1b}x\u{7}: [{}])",
            vec!["1"; MAX_NESTED_ITEMS + 1].join(",")
        );
        let e = check(&text).unwrap_err();
        assert!(
            e.message
                .starts_with("the list `\\u{1b}x\\u{7}` has 501 items"),
            "{}",
            e.message
        );
    }

    #[test]
    fn all_lists_together_are_bounded() {
        // 2,001 actions of 500 partners each: every list within its limit, 1,000,501 items.
        let partners = format!("(partners: [{}])", vec!["\"\""; 500].join(","));
        let text = list("actions", 2_001, &partners);
        let e = check(&text).unwrap_err();
        assert!(
            e.message
                .starts_with("the file has more than 1,000,000 list items")
        );
    }
}
