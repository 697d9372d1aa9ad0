//! The funding catalogue: programmes and their calls with the rules a programme officer applies
//! (maximum co-financing rate, grant limits, eligible period, consortium, who may apply), each with
//! its public source. The app ships one catalogue (`plan-templates/funding/`, one file a
//! programme); a plan may add its own entries, which take precedence over shipped ones of the same
//! key.

use serde::{Deserialize, Serialize};

use super::calendar::Date;
use super::labels::{FundingSource, Lang, Sector, labelled_enum};
use super::money::Money;

labelled_enum! {
    /// How a programme is run.
    Management {
        /// Shared management: a national managing authority runs EU money (ESF+, ERDF, national AMIF).
        #[default]
        Shared => ("Shared management", "Споделено управление"),
        /// Direct management: the European Commission or its agency runs the calls (AMIF Union actions).
        Direct => ("Direct management", "Пряко управление"),
        /// Indirect management: an entrusted body runs the calls (EUI, URBACT).
        Indirect => ("Indirect management", "Непряко управление"),
        /// National or municipal money outside the EU budget.
        Domestic => ("National or municipal budget", "Национален или общински бюджет"),
        /// Sponsors, employers, foundations.
        Private => ("Private", "Частно"),
    }
}

labelled_enum! {
    /// EU cohesion-policy category of a NUTS 2 region, which sets the maximum co-financing rate.
    RegionCategory {
        /// GDP per head below 75 % of the EU average.
        LessDeveloped => ("Less developed region", "По-слабо развит регион"),
        /// Between 75 % and 100 %.
        Transition => ("Transition region", "Регион в преход"),
        /// Above 100 %.
        MoreDeveloped => ("More developed region", "По-развит регион"),
        /// The rate applies wherever the applicant is (direct and indirect management).
        #[default]
        Any => ("Any region", "Всеки регион"),
    }
}

/// A public source of a catalogue entry: a page a reader can open, and when it was read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Source {
    /// Title of the page or document.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where it is.
    pub url: String,
    /// The date its content was checked ("as of").
    pub as_of: Option<Date>,
}

impl Source {
    /// True when a reader can find it and knows how current it is.
    pub fn is_complete(&self) -> bool {
        !self.title.trim().is_empty() && !self.url.trim().is_empty() && self.as_of.is_some()
    }
}

/// The maximum share of eligible cost a fund pays in one category of region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegionRate {
    /// The category of region.
    pub category: RegionCategory,
    /// The maximum rate, in percent.
    pub percent: f64,
}

/// A funding programme, e.g. the Human Resources Development Programme 2021–2027.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Programme {
    /// Stable key that plans refer to, e.g. `"bg-phrd-2021-2027"`.
    pub key: String,
    /// Name in English.
    pub name_en: String,
    /// Name in Bulgarian.
    pub name_bg: String,
    /// The fund.
    pub fund: FundingSource,
    /// How it is run.
    pub management: Management,
    /// The programme's CCI code, e.g. `"2021BG05SFPR002"`, when it has one.
    pub cci: String,
    /// Who runs it, in English.
    pub managing_authority_en: String,
    /// Who runs it, in Bulgarian.
    pub managing_authority_bg: String,
    /// Maximum co-financing rate by region category; empty when no rule applies.
    pub max_rates: Vec<RegionRate>,
    /// First day spending is eligible.
    pub eligible_from: Option<Date>,
    /// Last day spending is eligible (for 2021–2027 shared management, 31 December 2029).
    pub eligible_until: Option<Date>,
    /// Who may apply; empty when the programme sets no rule.
    pub applicants: Vec<Sector>,
    /// Public sources of this entry.
    pub sources: Vec<Source>,
    /// What could not be confirmed from a public source, in words (empty when all was).
    pub unconfirmed: String,
    /// Remarks for a planner.
    pub note: String,
    /// Its calls.
    pub calls: Vec<Call>,
    /// Free texts older plans used for this programme, so a migration can link them.
    pub aliases: Vec<String>,
}

/// A call for proposals (or a procedure) of a programme.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Call {
    /// Stable key, unique within its programme.
    pub key: String,
    /// The official code, e.g. `"AMIF-2023-TF2-AG-CALL-02-LOCAL"` or `"BG05SFPR002-2.011"`.
    pub code: String,
    /// Title in English.
    pub title_en: String,
    /// Title in Bulgarian.
    pub title_bg: String,
    /// The priority or specific objective it belongs to.
    pub priority: String,
    /// When it opens.
    pub opens: Option<Date>,
    /// When it closes (the last day to submit); `None` when it is open-ended or not yet announced.
    pub closes: Option<Date>,
    /// Smallest grant.
    pub min_grant: Option<Money>,
    /// Largest grant.
    pub max_grant: Option<Money>,
    /// Maximum co-financing rate, in percent, when the call sets its own.
    pub max_rate: Option<f64>,
    /// Longest project, in months.
    pub max_duration_months: Option<u32>,
    /// Last eligible day when the call sets its own (else the programme's).
    pub eligible_until: Option<Date>,
    /// Fewest partners (applicants and co-applicants together).
    pub min_partners: Option<u32>,
    /// Fewest different countries among them.
    pub min_countries: Option<u32>,
    /// Who may apply when the call says more than the programme.
    pub applicants: Vec<Sector>,
    /// Public sources of this entry.
    pub sources: Vec<Source>,
    /// What could not be confirmed from a public source, in words.
    pub unconfirmed: String,
    /// Remarks for a planner.
    pub note: String,
    /// Free texts older plans used for this call.
    pub aliases: Vec<String>,
}

/// A plan's pointer to a catalogue entry: a programme, and optionally one of its calls.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CallRef {
    /// The programme's key.
    pub programme: String,
    /// The call's key within it; empty for the programme as a whole.
    pub call: String,
}

impl Programme {
    /// The name in a language (the other when that one is empty).
    pub fn name(&self, lang: Lang) -> &str {
        pick_text(lang, &self.name_en, &self.name_bg)
    }

    /// The managing authority in a language.
    pub fn managing_authority(&self, lang: Lang) -> &str {
        pick_text(
            lang,
            &self.managing_authority_en,
            &self.managing_authority_bg,
        )
    }

    /// The call with this key.
    pub fn call(&self, key: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.key == key)
    }

    /// The maximum rate for a region category: the category's own, else the one for any region.
    pub fn max_rate(&self, category: Option<RegionCategory>) -> Option<f64> {
        let of = |c: RegionCategory| {
            self.max_rates
                .iter()
                .find(|r| r.category == c)
                .map(|r| r.percent)
        };
        match category {
            Some(c) => of(c).or_else(|| of(RegionCategory::Any)),
            // Region unknown: the most generous rule, so no false alarm.
            None => self
                .max_rates
                .iter()
                .map(|r| r.percent)
                .fold(None, |m: Option<f64>, p| Some(m.map_or(p, |m| m.max(p)))),
        }
    }
}

impl Call {
    /// The title in a language (the other when that one is empty).
    pub fn title(&self, lang: Lang) -> &str {
        pick_text(lang, &self.title_en, &self.title_bg)
    }
}

fn pick_text<'a>(lang: Lang, en: &'a str, bg: &'a str) -> &'a str {
    let (first, second) = match lang {
        Lang::En => (en, bg),
        Lang::Bg => (bg, en),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

/// The programmes a plan can refer to: the plan's own entries over the shipped ones, borrowed
/// (a catalogue is looked at for every funding table and check, and copying every programme's
/// texts each time cost more than the looking).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue<'a> {
    /// Every programme, each key once.
    pub programmes: Vec<&'a Programme>,
}

/// A programme and, when the reference names one, its call.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The programme.
    pub programme: &'a Programme,
    /// The call, when the reference names one that exists.
    pub call: Option<&'a Call>,
}

impl<'a> Resolved<'a> {
    /// The fund.
    pub fn fund(&self) -> FundingSource {
        self.programme.fund
    }

    /// The maximum co-financing rate: the call's own, else the programme's for the region.
    pub fn max_rate(&self, category: Option<RegionCategory>) -> Option<f64> {
        self.call
            .and_then(|c| c.max_rate)
            .or_else(|| self.programme.max_rate(category))
    }

    /// The maximum rate as people read it, naming the region's category when it decides the
    /// rate ("70 % (Transition region)"); empty when no rule is known.
    pub fn max_rate_text(&self, lang: Lang, region: Option<RegionCategory>) -> String {
        let Some(rate) = self.max_rate(region) else {
            return String::new();
        };
        let by_region = self.call.and_then(|c| c.max_rate).is_none()
            && self
                .programme
                .max_rates
                .iter()
                .any(|r| r.category != RegionCategory::Any);
        match region {
            Some(r) if by_region => {
                format!(
                    "{} ({})",
                    super::format::percent(lang, rate, 1),
                    r.label(lang)
                )
            }
            _ => super::format::percent(lang, rate, 1),
        }
    }

    /// The last eligible day.
    pub fn eligible_until(&self) -> Option<Date> {
        self.call
            .and_then(|c| c.eligible_until)
            .or(self.programme.eligible_until)
    }

    /// Who may apply: the call's list, else the programme's; empty when no rule is known.
    pub fn applicants(&self) -> &'a [Sector] {
        match self.call {
            Some(c) if !c.applicants.is_empty() => &c.applicants,
            _ => &self.programme.applicants,
        }
    }

    /// "Programme – call" as a planner reads it.
    pub fn caption(&self, lang: Lang) -> String {
        match self.call {
            Some(c) if !c.code.is_empty() => {
                format!(
                    "{} – {} ({})",
                    self.programme.name(lang),
                    c.title(lang),
                    c.code
                )
            }
            Some(c) => format!("{} – {}", self.programme.name(lang), c.title(lang)),
            None => self.programme.name(lang).to_string(),
        }
    }
}

impl<'a> Catalogue<'a> {
    /// The shipped programmes with a plan's own entries laid over them (same key: the plan's).
    pub fn with_plan_entries(shipped: &'a [Programme], own: &'a [Programme]) -> Catalogue<'a> {
        let mut programmes: Vec<&Programme> = own.iter().collect();
        for p in shipped {
            if !programmes.iter().any(|o| o.key == p.key) {
                programmes.push(p);
            }
        }
        Catalogue { programmes }
    }

    /// The programme with this key.
    pub fn programme(&self, key: &str) -> Option<&'a Programme> {
        self.programmes.iter().copied().find(|p| p.key == key)
    }

    /// What a reference points to; `None` when its programme is unknown. A call key that is
    /// unknown resolves to the programme alone (the check on references reports it).
    pub fn resolve(&self, r: &CallRef) -> Option<Resolved<'a>> {
        let programme = self.programme(&r.programme)?;
        Some(Resolved {
            programme,
            call: programme.call(&r.call),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme(key: &str, rates: &[(RegionCategory, f64)]) -> Programme {
        Programme {
            key: key.into(),
            name_en: key.into(),
            max_rates: rates
                .iter()
                .map(|(category, percent)| RegionRate {
                    category: *category,
                    percent: *percent,
                })
                .collect(),
            calls: vec![Call {
                key: "c".into(),
                max_rate: Some(90.0),
                ..Call::default()
            }],
            ..Programme::default()
        }
    }

    #[test]
    fn the_plan_entry_wins_over_the_shipped_one_of_the_same_key() {
        let shipped = [programme("a", &[]), programme("b", &[])];
        let mut own = programme("a", &[]);
        own.name_en = "Own".into();
        let own = [own];
        let c = Catalogue::with_plan_entries(&shipped, &own);
        assert_eq!(c.programmes.len(), 2);
        assert_eq!(c.programme("a").unwrap().name_en, "Own");
    }

    #[test]
    fn rates_come_from_the_call_then_the_region_then_any_region() {
        use RegionCategory::*;
        let p = programme("p", &[(LessDeveloped, 85.0), (Transition, 70.0)]);
        let shipped = [p];
        let c = Catalogue::with_plan_entries(&shipped, &[]);
        let whole = |call: &str| CallRef {
            programme: "p".into(),
            call: call.into(),
        };
        let r = c.resolve(&whole("")).unwrap();
        assert_eq!(r.max_rate(Some(Transition)), Some(70.0));
        assert_eq!(
            r.max_rate(None),
            Some(85.0),
            "unknown region: most generous"
        );
        assert_eq!(r.max_rate(Some(MoreDeveloped)), None);
        assert_eq!(
            c.resolve(&whole("c")).unwrap().max_rate(Some(Transition)),
            Some(90.0)
        );
        assert!(c.resolve(&whole("nope")).unwrap().call.is_none());
        assert!(c.resolve(&CallRef::default()).is_none());
    }
}
