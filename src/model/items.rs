//! The one description of every kind of item a plan holds: where its list is, its id, section,
//! code and title, the nested lists it carries and the links it writes. Integrity, the diff, the
//! app's captions and pickers walk the plan through [`walk`] and ask an [`ItemRef`] about
//! itself, so a new kind of item is added here (a variant, a line in each `match`, a loop in
//! `walk`) and in its editor — not in every module that lists items.

use serde_json::Value;

use super::format;
use super::integrity::ItemKind;
use super::labels::Lang;
use super::path::Section;
use super::plan::*;

/// One item of a plan, typed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ItemRef<'a> {
    /// Context evidence.
    Evidence(&'a Evidence),
    /// Support group member.
    Member(&'a Member),
    /// Support group meeting.
    Meeting(&'a Meeting),
    /// Problem.
    Problem(&'a Problem),
    /// Strategic objective.
    Objective(&'a StrategicObjective),
    /// Specific objective.
    SpecificObjective(&'a SpecificObjective),
    /// Action.
    Action(&'a Action),
    /// Funding line, with the action it belongs to.
    FundingLine(&'a Action, &'a FundingLine),
    /// Goal of a city strategy.
    StrategyGoal(&'a StrategyGoal),
    /// Pilot fiche.
    Pilot(&'a Pilot),
    /// Indicator.
    Indicator(&'a Indicator),
    /// Risk.
    Risk(&'a Risk),
    /// City of the openness comparison.
    City(&'a City),
    /// Area of the openness framework.
    OpennessArea(&'a OpennessArea),
    /// Indicator of an openness area.
    OpennessIndicator(&'a OpennessIndicator),
    /// Review comment.
    Comment(&'a Comment),
    /// Good practice of the plan.
    Practice(&'a GoodPractice),
    /// Entry of the exchange and participation register.
    Exchange(&'a Exchange),
    /// Milestone, with the action it belongs to.
    Milestone(&'a Action, &'a Milestone),
    /// Monitoring round.
    MonitoringRound(&'a MonitoringRound),
}

/// Calls `f` with every item of the plan that has an id, in file order (a nested item right
/// after its owner).
pub fn walk<'a>(plan: &'a Plan, mut f: impl FnMut(ItemRef<'a>)) {
    use ItemRef as I;
    plan.context.evidence.iter().for_each(|x| f(I::Evidence(x)));
    plan.support_group
        .members
        .iter()
        .for_each(|x| f(I::Member(x)));
    plan.support_group
        .meetings
        .iter()
        .for_each(|x| f(I::Meeting(x)));
    plan.problems.iter().for_each(|x| f(I::Problem(x)));
    for o in &plan.objectives {
        f(I::Objective(o));
        o.specific.iter().for_each(|x| f(I::SpecificObjective(x)));
    }
    for a in &plan.actions {
        f(I::Action(a));
        a.funding.iter().for_each(|x| f(I::FundingLine(a, x)));
        a.milestones.iter().for_each(|x| f(I::Milestone(a, x)));
    }
    plan.strategies
        .goals()
        .for_each(|(_, g)| f(I::StrategyGoal(g)));
    plan.pilots.iter().for_each(|x| f(I::Pilot(x)));
    plan.indicators.iter().for_each(|x| f(I::Indicator(x)));
    plan.risks.iter().for_each(|x| f(I::Risk(x)));
    plan.openness.cities.iter().for_each(|x| f(I::City(x)));
    for a in &plan.openness.areas {
        f(I::OpennessArea(a));
        a.indicators.iter().for_each(|x| f(I::OpennessIndicator(x)));
    }
    plan.comments.iter().for_each(|x| f(I::Comment(x)));
    plan.practices.iter().for_each(|x| f(I::Practice(x)));
    plan.exchanges.iter().for_each(|x| f(I::Exchange(x)));
    plan.monitoring
        .rounds
        .iter()
        .for_each(|x| f(I::MonitoringRound(x)));
}

/// Code and title as one name: "1.2  Title", or whichever is there, or "—".
pub fn join(code: &str, title: &str) -> String {
    match (code.trim().is_empty(), title.trim().is_empty()) {
        (true, true) => "—".to_owned(),
        (true, false) => title.to_owned(),
        (false, true) => code.to_owned(),
        (false, false) => format!("{code}  {title}"),
    }
}

impl<'a> ItemRef<'a> {
    /// Its kind.
    pub fn kind(self) -> ItemKind {
        use ItemKind as K;
        use ItemRef as I;
        match self {
            I::Evidence(_) => K::Evidence,
            I::Member(_) => K::Member,
            I::Meeting(_) => K::Meeting,
            I::Problem(_) => K::Problem,
            I::Objective(_) => K::Objective,
            I::SpecificObjective(_) => K::SpecificObjective,
            I::Action(_) => K::Action,
            I::FundingLine(..) => K::FundingLine,
            I::StrategyGoal(_) => K::StrategyGoal,
            I::Pilot(_) => K::Pilot,
            I::Indicator(_) => K::Indicator,
            I::Risk(_) => K::Risk,
            I::City(_) => K::City,
            I::OpennessArea(_) => K::OpennessArea,
            I::OpennessIndicator(_) => K::OpennessIndicator,
            I::Comment(_) => K::Comment,
            I::Practice(_) => K::Practice,
            I::Exchange(_) => K::Exchange,
            I::Milestone(..) => K::Milestone,
            I::MonitoringRound(_) => K::MonitoringRound,
        }
    }

    /// Its id.
    pub fn id(self) -> &'a str {
        use ItemRef as I;
        match self {
            I::Evidence(x) => x.id.as_str(),
            I::Member(x) => x.id.as_str(),
            I::Meeting(x) => x.id.as_str(),
            I::Problem(x) => x.id.as_str(),
            I::Objective(x) => x.id.as_str(),
            I::SpecificObjective(x) => x.id.as_str(),
            I::Action(x) => x.id.as_str(),
            I::FundingLine(_, x) => x.id.as_str(),
            I::StrategyGoal(x) => x.id.as_str(),
            I::Pilot(x) => x.id.as_str(),
            I::Indicator(x) => x.id.as_str(),
            I::Risk(x) => x.id.as_str(),
            I::City(x) => x.id.as_str(),
            I::OpennessArea(x) => x.id.as_str(),
            I::OpennessIndicator(x) => x.id.as_str(),
            I::Comment(x) => x.id.as_str(),
            I::Practice(x) => x.id.as_str(),
            I::Exchange(x) => x.id.as_str(),
            I::Milestone(_, x) => x.id.as_str(),
            I::MonitoringRound(x) => x.id.as_str(),
        }
    }

    /// The section (plan step) it lives in.
    pub fn section(self) -> Section {
        use ItemKind as K;
        match self.kind() {
            K::Evidence => Section::Context,
            K::Member | K::Meeting => Section::SupportGroup,
            K::Problem => Section::Problems,
            K::Objective | K::SpecificObjective => Section::Objectives,
            K::Action | K::Milestone => Section::Actions,
            K::FundingLine => Section::Funding,
            K::StrategyGoal => Section::StrategyLinks,
            K::Pilot => Section::Pilots,
            K::Indicator => Section::Indicators,
            K::Risk => Section::Risks,
            K::City | K::OpennessArea | K::OpennessIndicator => Section::Openness,
            K::Comment => Section::Review,
            K::Practice => Section::Practices,
            K::Exchange => Section::Exchanges,
            K::MonitoringRound => Section::Monitoring,
        }
    }

    /// Its short code ("1.2.3", "ИР1"; a funding line has its action's), or "".
    pub fn code(self) -> &'a str {
        use ItemRef as I;
        match self {
            I::Objective(x) => &x.code,
            I::SpecificObjective(x) => &x.code,
            I::Action(x) | I::FundingLine(x, _) | I::Milestone(x, _) => &x.code,
            I::StrategyGoal(x) => &x.code,
            I::Indicator(x) => &x.code,
            _ => "",
        }
    }

    /// What it is called: its title, name, label, organisation or topic (a comment: its
    /// author; a funding line: its programme text; a monitoring round: its author).
    pub fn title(self) -> &'a str {
        use ItemRef as I;
        match self {
            I::Evidence(x) => &x.label,
            I::Member(x) => &x.organisation,
            I::Meeting(x) => &x.topic,
            I::Problem(x) => &x.title,
            I::Objective(x) => &x.title,
            I::SpecificObjective(x) => &x.title,
            I::Action(x) => &x.title,
            I::FundingLine(_, x) => &x.programme,
            I::StrategyGoal(x) => &x.title,
            I::Pilot(x) => &x.title,
            I::Indicator(x) => &x.name,
            I::Risk(x) => &x.title,
            I::City(x) => &x.name,
            I::OpennessArea(x) => &x.name,
            I::OpennessIndicator(x) => &x.name,
            I::Comment(x) => &x.author,
            I::Practice(x) => &x.title,
            I::Exchange(x) => &x.title,
            I::Milestone(_, x) => &x.title,
            I::MonitoringRound(x) => &x.author,
        }
    }

    /// How people name it in `lang`: code and title (a meeting by its date and topic, a funding
    /// line by its action and source, a comment by its author and text); never the internal id.
    pub fn caption(self, lang: Lang) -> String {
        use ItemRef as I;
        match self {
            I::Meeting(x) => join(
                &x.date.map(|d| format::date(lang, d)).unwrap_or_default(),
                &x.topic,
            ),
            I::FundingLine(a, x) => {
                format!("{} — {}", join(&a.code, &a.title), x.source.label(lang))
            }
            I::Comment(x) => join(&x.author, &x.text),
            // A practice is known by its city: "StartWien (Vienna)".
            I::Practice(x) if !x.city.trim().is_empty() => {
                format!("{} ({})", join("", &x.title), x.city.trim())
            }
            I::Exchange(x) => join(
                &x.date.map(|d| format::date(lang, d)).unwrap_or_default(),
                &x.title,
            ),
            I::Milestone(a, x) => format!("{} — {}", join(&a.code, &a.title), join("", &x.title)),
            I::MonitoringRound(x) => join(
                &x.date.map(|d| format::date(lang, d)).unwrap_or_default(),
                &match (x.period_start, x.period_end) {
                    (None, None) => String::new(),
                    (s, e) => format::month_range(lang, s, e),
                },
            ),
            other => join(other.code(), other.title()),
        }
    }

    /// Fields that hold nested items, which are items of their own (compared and listed apart).
    pub fn nested_fields(self) -> &'static [&'static str] {
        use ItemRef as I;
        match self {
            I::Objective(_) => &["specific"],
            I::Action(_) => &["funding", "milestones"],
            I::OpennessArea(_) => &["indicators"],
            _ => &[],
        }
    }

    /// Calls `f` with each link it writes to another item: the field, the kind it must point
    /// at, the id. (A risk's threatened actions are written on the actions; only what an old
    /// file left on the risk, naming no action, is still here.)
    pub fn links(self, mut f: impl FnMut(&'static str, ItemKind, &'a str)) {
        use ItemKind as K;
        use ItemRef as I;
        match self {
            I::Meeting(x) => x
                .attendees
                .iter()
                .for_each(|t| f("attendees", K::Member, t.as_str())),
            I::Problem(x) => x
                .evidence
                .iter()
                .for_each(|t| f("evidence", K::Evidence, t.as_str())),
            I::Objective(x) => x
                .problems
                .iter()
                .for_each(|t| f("problems", K::Problem, t.as_str())),
            I::SpecificObjective(x) => x
                .indicators
                .iter()
                .for_each(|t| f("indicators", K::Indicator, t.as_str())),
            I::Action(a) => {
                if let Some(o) = &a.objective {
                    f("objective", K::Objective, o.as_str());
                }
                if let Some(s) = &a.specific_objective {
                    f("specific_objective", K::SpecificObjective, s.as_str());
                }
                for t in &a.indicators {
                    f("indicators", K::Indicator, t.as_str());
                }
                for t in &a.risks {
                    f("risks", K::Risk, t.as_str());
                }
                for t in &a.depends_on {
                    f("depends_on", K::Action, t.as_str());
                }
                for t in &a.strategy_goals {
                    f("strategy_goals", K::StrategyGoal, t.as_str());
                }
                if let Some(r) = &a.adapts {
                    f("adapts", K::Practice, r.practice.as_str());
                }
            }
            I::Exchange(x) => x
                .actions
                .iter()
                .for_each(|t| f("actions", K::Action, t.as_str())),
            I::Pilot(x) => x
                .actions
                .iter()
                .for_each(|t| f("actions", K::Action, t.as_str())),
            I::Risk(x) => {
                for t in x.legacy_actions.iter().flatten() {
                    f("actions", K::Action, t.as_str());
                }
            }
            I::MonitoringRound(r) => {
                for a in &r.actuals {
                    f("actuals", K::Indicator, a.indicator.as_str());
                }
                for p in &r.progress {
                    f("progress", K::Action, p.action.as_str());
                    for s in &p.spend {
                        f("progress", K::FundingLine, s.funding_line.as_str());
                    }
                    for m in &p.milestones_reached {
                        f("progress", K::Milestone, m.milestone.as_str());
                    }
                }
            }
            _ => {}
        }
    }

    /// The section its links are shown in: an action's strategy goals belong to the strategy
    /// step, the rest to the item's own.
    pub fn link_section(self, field: &str) -> Section {
        match (self, field) {
            (ItemRef::Action(_), "strategy_goals") => Section::StrategyLinks,
            _ => self.section(),
        }
    }

    /// The item as JSON, without its nested items (for the diff).
    pub fn to_json(self) -> Value {
        use ItemRef as I;
        let v = match self {
            I::Evidence(x) => serde_json::to_value(x),
            I::Member(x) => serde_json::to_value(x),
            I::Meeting(x) => serde_json::to_value(x),
            I::Problem(x) => serde_json::to_value(x),
            I::Objective(x) => serde_json::to_value(x),
            I::SpecificObjective(x) => serde_json::to_value(x),
            I::Action(x) => serde_json::to_value(x),
            I::FundingLine(_, x) => serde_json::to_value(x),
            I::StrategyGoal(x) => serde_json::to_value(x),
            I::Pilot(x) => serde_json::to_value(x),
            I::Indicator(x) => serde_json::to_value(x),
            I::Risk(x) => serde_json::to_value(x),
            I::City(x) => serde_json::to_value(x),
            I::OpennessArea(x) => serde_json::to_value(x),
            I::OpennessIndicator(x) => serde_json::to_value(x),
            I::Comment(x) => serde_json::to_value(x),
            I::Practice(x) => serde_json::to_value(x),
            I::Exchange(x) => serde_json::to_value(x),
            I::Milestone(_, x) => serde_json::to_value(x),
            I::MonitoringRound(x) => serde_json::to_value(x),
        };
        let mut v = v.unwrap_or(Value::Null);
        if let Value::Object(map) = &mut v {
            for k in self.nested_fields() {
                map.remove(*k);
            }
        }
        v
    }

    /// True when the two are the same item content (a funding line: whatever its action).
    pub fn same_content(self, other: ItemRef<'_>) -> bool {
        use ItemRef as I;
        match (self, other) {
            (I::Evidence(a), I::Evidence(b)) => a == b,
            (I::Member(a), I::Member(b)) => a == b,
            (I::Meeting(a), I::Meeting(b)) => a == b,
            (I::Problem(a), I::Problem(b)) => a == b,
            (I::Objective(a), I::Objective(b)) => a == b,
            (I::SpecificObjective(a), I::SpecificObjective(b)) => a == b,
            (I::Action(a), I::Action(b)) => a == b,
            (I::FundingLine(_, a), I::FundingLine(_, b)) => a == b,
            (I::StrategyGoal(a), I::StrategyGoal(b)) => a == b,
            (I::Pilot(a), I::Pilot(b)) => a == b,
            (I::Indicator(a), I::Indicator(b)) => a == b,
            (I::Risk(a), I::Risk(b)) => a == b,
            (I::City(a), I::City(b)) => a == b,
            (I::OpennessArea(a), I::OpennessArea(b)) => a == b,
            (I::OpennessIndicator(a), I::OpennessIndicator(b)) => a == b,
            (I::Comment(a), I::Comment(b)) => a == b,
            (I::Practice(a), I::Practice(b)) => a == b,
            (I::Exchange(a), I::Exchange(b)) => a == b,
            (I::Milestone(_, a), I::Milestone(_, b)) => a == b,
            (I::MonitoringRound(a), I::MonitoringRound(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FundingSource;

    #[test]
    fn every_kind_is_walked_once_per_item_in_file_order() {
        let p = crate::synthetic::plan(20, 7);
        let mut kinds = std::collections::HashSet::new();
        let mut ids = Vec::new();
        walk(&p, |x| {
            kinds.insert(x.kind());
            ids.push(x.id().to_owned());
        });
        // The synthetic plan has every kind but comments.
        assert!(kinds.len() >= 15, "{kinds:?}");
        assert_eq!(ids.iter().filter(|i| i.as_str() == "A-1").count(), 1);
        let a1 = ids.iter().position(|i| i == "A-1").unwrap();
        assert_eq!(ids[a1 + 1], "F-1-1", "a funding line follows its action");
    }

    #[test]
    fn captions_name_items_as_people_do() {
        let a = Action {
            code: "1.2".into(),
            title: "Courses".into(),
            ..Action::default()
        };
        let f = FundingLine {
            source: FundingSource::EsfPlus,
            ..FundingLine::default()
        };
        assert_eq!(ItemRef::Action(&a).caption(Lang::En), "1.2  Courses");
        assert_eq!(
            ItemRef::FundingLine(&a, &f).caption(Lang::Bg),
            "1.2  Courses — ЕСФ+"
        );
        let m = Meeting {
            date: "2025-03-14".parse().ok(),
            topic: "Kick-off".into(),
            ..Meeting::default()
        };
        assert_eq!(
            ItemRef::Meeting(&m).caption(Lang::Bg),
            "14.03.2025  Kick-off"
        );
        assert_eq!(ItemRef::Risk(&Risk::default()).caption(Lang::En), "—");
    }
}
