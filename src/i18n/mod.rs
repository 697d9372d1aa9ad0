//! The interface in Bulgarian and English. Strings live in Fluent files under `assets/i18n/`,
//! embedded in the binary; a test fails when a key is missing in any language.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::Lang;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; they have no glyph in
        // our fonts and would show as boxes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static BG: LanguageIdentifier = langid!("bg");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Bg => &BG,
        Lang::En => &EN,
    }
}

/// Reads the Fluent files now (they are otherwise read at the first text asked for).
pub fn warm_up() {
    std::sync::LazyLock::force(&LOCALES);
}

/// The text of `key` in `lang` (the key itself, in brackets, when missing, so it shows).
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(id(lang), key)
        .unwrap_or_else(|| format!("[{key}]"))
}

/// The text of `key` in `lang`, or `None` when there is no such key.
pub fn lookup(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup(id(lang), key)
}

/// The text of `key` with arguments, e.g. `("count", 3)`.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, FluentArg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| {
            let value = match v {
                FluentArg::Text(s) => FluentValue::from(s.clone()),
                FluentArg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(id(lang), key, &map)
        .unwrap_or_else(|| format!("[{key}]"))
}

/// An argument of a translated text.
#[derive(Clone, Debug)]
pub enum FluentArg {
    /// Text.
    Text(String),
    /// A number (plural rules follow it).
    Number(f64),
}

impl From<&str> for FluentArg {
    fn from(s: &str) -> Self {
        FluentArg::Text(s.to_owned())
    }
}

impl From<String> for FluentArg {
    fn from(s: String) -> Self {
        FluentArg::Text(s)
    }
}

impl From<usize> for FluentArg {
    fn from(n: usize) -> Self {
        FluentArg::Number(n as f64)
    }
}

/// The message ids of a Fluent file (lines `id = …`), for the completeness test.
pub fn message_ids(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '#', '.', '\t']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

/// The embedded Fluent files, per language, for tests.
pub const FILES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../../assets/i18n/en/lap.ftl")),
    (Lang::Bg, include_str!("../../assets/i18n/bg/lap.ftl")),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument any message uses, so messages with placeables resolve too.
    fn every_arg() -> Vec<(&'static str, FluentArg)> {
        [
            "n",
            "file",
            "errors",
            "warnings",
            "cost",
            "secured",
            "potential",
            "unsecured",
            "page",
            "total",
            "items",
            "fingerprint",
            "version",
            "name",
            "decision",
            "open",
            "item",
            "what",
            "field",
            "value",
            "template",
            "names",
            "backup",
            "count",
            "max",
            "chars",
            "place",
            "error",
            "ne",
            "nw",
            "nh",
            "hints",
            "complete",
            "period",
            "status",
            "share",
            "city",
            "score",
            "method",
            "rank",
            "title",
            "line",
            "column",
            "indicator",
            "year",
            "first",
            "cities",
            "ids",
            "id",
            "values",
            "practices",
            "plan",
            "network",
            "taken",
            "taken_date",
            "date",
            "actual",
            "expected",
            "shortfall",
            "start",
            "planned",
            "months",
            "due",
            "spent",
            "done",
            "on",
            "risk",
            "off",
            "none",
            "tolerance",
            "twice",
            "round",
            "adopted",
            "action",
            "end",
            "rounds",
            "actions",
            "indicators",
            "committed",
            "current",
            "message",
            "code",
            "bad",
            "good",
            "unit",
            "currency",
            "source",
            "amount",
            "budget",
            "objectives",
            "objectives_count",
            "from",
            "to",
            "codes",
            "high",
            "medium",
            "last",
            "best",
            "best_score",
            "worst",
            "worst_score",
            "q",
        ]
        .iter()
        .map(|a| (*a, FluentArg::Number(2.0)))
        .collect()
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let (_, en) = FILES[0];
        let en_ids: Vec<&str> = message_ids(en);
        assert!(en_ids.len() > 100, "{} keys", en_ids.len());
        for (lang, text) in FILES {
            let ids = message_ids(text);
            for k in &en_ids {
                assert!(ids.contains(k), "{k} is missing in {lang:?}");
            }
            for k in &ids {
                assert!(en_ids.contains(k), "{k} is in {lang:?} but not in English");
                let args = every_arg();
                let text = tr_args(*lang, k, &args);
                assert!(
                    !text.starts_with('[') && !text.is_empty(),
                    "{k} does not resolve in {lang:?}"
                );
            }
        }
    }

    /// The Bulgarian of monitoring and the progress report says each thing to its end: no
    /// message stops on a word that needs another after it ("… и не е").
    #[test]
    fn bulgarian_monitoring_messages_do_not_break_off() {
        const DANGLING: &[&str] = &[
            "е", "не", "и", "а", "но", "или", "с", "със", "на", "за", "от", "в", "във", "до",
            "към", "при", "по", "че", "да", "са", "ще", "като",
        ];
        let (_, bg) = FILES[1];
        let args = every_arg();
        let mut checked = 0;
        for k in message_ids(bg) {
            if !["progress-", "monitoring-", "round-", "milestone-"]
                .iter()
                .any(|p| k.starts_with(p))
            {
                continue;
            }
            checked += 1;
            let text = tr_args(Lang::Bg, k, &args);
            let last = text
                .trim_end_matches(|c: char| c.is_whitespace() || ".:;,…".contains(c))
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            assert!(!DANGLING.contains(&last.as_str()), "{k} breaks off: {text}");
        }
        assert!(checked > 80, "{checked} messages");
    }

    #[test]
    fn lookups_use_the_language_and_arguments() {
        assert_eq!(tr(Lang::En, "menu-file"), "File");
        assert_eq!(tr(Lang::Bg, "menu-file"), "Файл");
        let s = tr_args(
            Lang::Bg,
            "findings-count",
            &[("errors", 2usize.into()), ("warnings", 1usize.into())],
        );
        assert!(s.contains('2') && !s.contains('\u{2068}'), "{s}");
        assert_eq!(tr(Lang::En, "no-such-key"), "[no-such-key]");
        // Plural rules of each language, never "1 errors" or "1 грешки".
        let count = |lang, e: usize, w: usize| {
            tr_args(
                lang,
                "findings-count",
                &[("errors", e.into()), ("warnings", w.into())],
            )
        };
        assert_eq!(count(Lang::En, 1, 1), "1 error, 1 warning");
        assert_eq!(count(Lang::En, 0, 2), "0 errors, 2 warnings");
        assert_eq!(count(Lang::Bg, 1, 2), "1 грешка, 2 предупреждения");
        assert_eq!(
            tr_args(
                Lang::Bg,
                "comments-on-item",
                &[("n", 1usize.into()), ("open", 1usize.into())]
            ),
            "1 коментар (отворени: 1)"
        );
    }
}
