//! The funding catalogue in the app: a picker of programme and call for a funding line or a
//! pilot, and the call's rules shown beside it, so a planner sees what a programme officer will
//! apply while choosing.

use egui::{ComboBox, RichText, Ui};

use crate::i18n::tr;
use crate::model::catalogue::{Catalogue, Resolved};
use crate::model::{CallRef, FundingSource, Lang, RegionCategory, format};

/// Picks a programme and call of the catalogue, or none (free text). Returns true when the
/// choice changed. With `fund`, programmes of that fund come first.
pub fn pick(
    ui: &mut Ui,
    lang: Lang,
    name: &str,
    catalogue: &Catalogue,
    value: &mut Option<CallRef>,
    fund: Option<FundingSource>,
) -> bool {
    let label = ui.label(RichText::new(name).strong());
    let none = tr(lang, "catalogue-none");
    let shown = match value.as_ref() {
        None => none.clone(),
        Some(r) => catalogue
            .resolve(r)
            .map_or_else(|| format!("? {}", r.programme), |x| x.caption(lang)),
    };
    let before = value.clone();
    // Programmes of the line's own fund first, then the others, each in catalogue order.
    let mut programmes: Vec<_> = catalogue.programmes.iter().collect();
    programmes.sort_by_key(|p| Some(p.fund) != fund);
    ComboBox::from_id_salt(("catalogue", name))
        .selected_text(shown)
        .width((ui.available_width() - 8.0).clamp(60.0, 520.0))
        .height(420.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none.as_str());
            for p in programmes {
                ui.separator();
                let whole = Some(CallRef {
                    programme: p.key.clone(),
                    call: String::new(),
                });
                let title = format!("{} ({})", p.name(lang), p.fund.label(lang));
                ui.selectable_value(value, whole, RichText::new(title).strong());
                for c in &p.calls {
                    let r = Some(CallRef {
                        programme: p.key.clone(),
                        call: c.key.clone(),
                    });
                    let closes = c
                        .closes
                        .map(|d| {
                            format!(
                                " — {} {}",
                                tr(lang, "catalogue-closes"),
                                format::date(lang, d)
                            )
                        })
                        .unwrap_or_default();
                    let code = if c.code.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", c.code)
                    };
                    ui.selectable_value(value, r, format!("    {}{code}{closes}", c.title(lang)));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.add_space(6.0);
    *value != before
}

/// The rules of a catalogue entry as a planner reads them, with its sources as links.
pub fn rules(ui: &mut Ui, lang: Lang, entry: &Resolved<'_>, region: Option<RegionCategory>) {
    let p = entry.programme;
    let t = |k: &str| tr(lang, k);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("catalogue-rules")).strong());
        // The same rules, worded the same, as the PDF prints; the sources come below as links.
        let rows = crate::report::tables::entry_rules(lang, entry, region, true);
        for (k, v) in rows.iter().filter(|(k, _)| *k != "catalogue-source") {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}:", t(k))).weak());
                ui.label(v);
            });
        }
        let call_note = entry.call.map(|c| c.note.as_str()).unwrap_or_default();
        for note in [p.note.as_str(), call_note] {
            if !note.trim().is_empty() {
                ui.label(RichText::new(note).small());
            }
        }
        let unconfirmed = [
            p.unconfirmed.as_str(),
            entry
                .call
                .map(|c| c.unconfirmed.as_str())
                .unwrap_or_default(),
        ];
        for u in unconfirmed {
            if !u.trim().is_empty() {
                ui.label(
                    RichText::new(format!("{} {u}", t("catalogue-unconfirmed")))
                        .small()
                        .color(crate::app::theme::WARNING),
                );
            }
        }
        let sources = entry
            .call
            .map(|c| c.sources.as_slice())
            .unwrap_or_default()
            .iter()
            .chain(&p.sources);
        ui.label(RichText::new(t("catalogue-sources")).weak());
        for s in sources {
            let as_of = s
                .as_of
                .map(|d| format!(" ({} {})", t("catalogue-as-of"), format::date(lang, d)))
                .unwrap_or_default();
            let text = format!("{}{as_of}", s.title);
            // A plan's own entries come from a file anyone may have written: only web
            // addresses open, never a local file or a program.
            if is_web_address(&s.url) {
                ui.hyperlink_to(text, &s.url).on_hover_text(&s.url);
            } else {
                ui.label(format!("{text} — {}", s.url));
            }
        }
    });
}

/// True for an http or https address, the only kind the app opens from a plan.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_opened() {
        assert!(is_web_address("https://ec.europa.eu/regional_policy"));
        assert!(is_web_address("HTTP://example.org"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "/usr/bin/xterm",
            "C:\\Windows\\calc.exe",
            "https://x.org/ a",
            "",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
