//! Closed lists a planner picks from (sector, status, funding source…), each with its name in
//! English and Bulgarian, so every view of the plan uses the same words.

use serde::{Deserialize, Serialize};

/// A language the app and the reports speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Bulgarian.
    #[default]
    Bg,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::En => "en",
        }
    }

    /// Picks one of two texts.
    pub fn pick<'a>(self, en: &'a str, bg: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Bg => bg,
        }
    }
}

macro_rules! labelled_enum {
    (
        $(#[$m:meta])*
        $name:ident {
            $( $(#[$vm:meta])* $var:ident => ($en:literal, $bg:literal) ),+ $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vm])* $var ),+
        }

        impl $name {
            /// Every value, in the order a picker shows them.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The name a planner reads.
            pub fn label(self, lang: Lang) -> &'static str {
                match self {
                    $( $name::$var => lang.pick($en, $bg) ),+
                }
            }
        }
    };
}
pub(crate) use labelled_enum;

labelled_enum! {
    /// Where the plan is in its life.
    PlanStatus {
        /// Being written.
        #[default]
        Draft => ("Draft", "Проект"),
        /// Out for public consultation.
        Consultation => ("Consultation", "Обществено обсъждане"),
        /// Adopted by the city council.
        Adopted => ("Adopted", "Приет"),
    }
}

labelled_enum! {
    /// The sector a support group member comes from.
    Sector {
        /// The municipality itself.
        #[default]
        Municipality => ("Municipality", "Община"),
        /// Non-governmental organisation.
        Ngo => ("NGO", "НПО"),
        /// University or research institute.
        Research => ("Research", "Научна организация"),
        /// Business or business association.
        Business => ("Business", "Бизнес"),
        /// Organisation of migrants.
        MigrantOrganisation => ("Migrant organisation", "Организация на мигранти"),
        /// National or regional public agency.
        PublicAgency => ("Public agency", "Държавна институция"),
        /// International organisation (UNHCR, IOM…).
        International => ("International organisation", "Международна организация"),
        /// Anything else.
        Other => ("Other", "Друго"),
    }
}

labelled_enum! {
    /// Low / medium / high, for influence and interest of stakeholders.
    Level {
        /// Low.
        Low => ("Low", "Ниско"),
        /// Medium.
        #[default]
        Medium => ("Medium", "Средно"),
        /// High.
        High => ("High", "Високо"),
    }
}

labelled_enum! {
    /// The three policy themes of OPEN Cities.
    Theme {
        /// Internationalisation.
        #[default]
        Internationalisation => ("Internationalisation", "Интернационализация"),
        /// Leadership and governance.
        LeadershipGovernance => ("Leadership & Governance", "Лидерство и управление"),
        /// Managing diversity, integration and inclusion.
        IntegrationInclusion => ("Integration & Inclusion", "Многообразие, интеграция и приобщаване"),
    }
}

labelled_enum! {
    /// Where an action stands.
    ActionStatus {
        /// Not started.
        #[default]
        Planned => ("Planned", "Планирана"),
        /// Running.
        InProgress => ("In progress", "В изпълнение"),
        /// Done.
        Completed => ("Completed", "Изпълнена"),
        /// Moved later.
        Postponed => ("Postponed", "Отложена"),
        /// Dropped.
        Cancelled => ("Cancelled", "Отменена"),
    }
}

labelled_enum! {
    /// How urgent an action is.
    Priority {
        /// High.
        High => ("High", "Висок"),
        /// Medium.
        #[default]
        Medium => ("Medium", "Среден"),
        /// Low.
        Low => ("Low", "Нисък"),
    }
}

labelled_enum! {
    /// Where money comes from (2021–2027 programming period).
    FundingSource {
        /// The municipal budget.
        #[default]
        Municipal => ("Municipal budget", "Общински бюджет"),
        /// The national budget and national programmes.
        National => ("National budget", "Национален бюджет"),
        /// European Social Fund Plus.
        EsfPlus => ("ESF+", "ЕСФ+"),
        /// European Regional Development Fund.
        Erdf => ("ERDF", "ЕФРР"),
        /// Asylum, Migration and Integration Fund.
        Amif => ("AMIF", "ФУМИ"),
        /// European Urban Initiative – Innovative Actions.
        EuiInnovativeActions => ("EUI Innovative Actions", "ЕГИ – Иновативни действия"),
        /// Interreg programmes (e.g. Danube).
        Interreg => ("Interreg", "Интеррег"),
        /// URBACT (plans the plan, does not implement it).
        Urbact => ("URBACT", "УРБАКТ"),
        /// Private sponsors.
        Private => ("Private", "Частно финансиране"),
        /// Anything else.
        Other => ("Other", "Друго"),
    }
}

labelled_enum! {
    /// Whether money is promised or only hoped for.
    FundingStatus {
        /// Decided and committed.
        Secured => ("Secured", "Осигурено"),
        /// Applied for or planned.
        #[default]
        Potential => ("Potential", "Потенциално"),
    }
}

labelled_enum! {
    /// Which city strategy a goal belongs to.
    StrategyKind {
        /// The city marketing strategy.
        #[default]
        Marketing => ("Marketing strategy", "Маркетингова стратегия"),
        /// The internationalisation strategy.
        Internationalisation => ("Internationalisation strategy", "Стратегия за интернационализация"),
    }
}

labelled_enum! {
    /// Cost categories of a pilot budget (those of EUI Innovative Actions).
    CostCategory {
        /// Staff costs.
        #[default]
        Staff => ("Staff", "Персонал"),
        /// Office and administration.
        OfficeAdministration => ("Office and administration", "Офис и администрация"),
        /// Travel and accommodation.
        TravelAccommodation => ("Travel and accommodation", "Пътуване и настаняване"),
        /// External expertise and services.
        ExternalExpertise => ("External expertise and services", "Външна експертиза и услуги"),
        /// Equipment.
        Equipment => ("Equipment", "Оборудване"),
        /// Infrastructure and works.
        InfrastructureWorks => ("Infrastructure and works", "Инфраструктура и строителство"),
        /// Anything else.
        Other => ("Other", "Други"),
    }
}

labelled_enum! {
    /// How ready a pilot is to be submitted.
    Readiness {
        /// An idea.
        #[default]
        Idea => ("Idea", "Идея"),
        /// A worked-out concept.
        Concept => ("Concept", "Концепция"),
        /// Ready to be submitted to a call.
        ReadyToSubmit => ("Ready to submit", "Готов за кандидатстване"),
        /// Submitted.
        Submitted => ("Submitted", "Подаден"),
        /// Approved for funding.
        Approved => ("Approved", "Одобрен"),
        /// Not funded.
        Rejected => ("Rejected", "Отхвърлен"),
    }
}

labelled_enum! {
    /// Level of the intervention logic an indicator measures.
    IndicatorLevel {
        /// What the actions produce.
        #[default]
        Output => ("Output", "Продукт"),
        /// The direct change for the target group.
        Result => ("Result", "Резултат"),
        /// The long-term change in the city.
        Impact => ("Impact", "Въздействие"),
    }
}

labelled_enum! {
    /// How often something is measured or reported.
    Frequency {
        /// Monthly.
        Monthly => ("Monthly", "Месечно"),
        /// Quarterly.
        Quarterly => ("Quarterly", "Тримесечно"),
        /// Twice a year.
        SemiAnnual => ("Twice a year", "Шестмесечно"),
        /// Once a year.
        #[default]
        Annual => ("Annual", "Годишно"),
        /// Every two years.
        Biennial => ("Every two years", "На две години"),
        /// Once at the end of the plan.
        EndOfPlan => ("At the end of the plan", "В края на плана"),
    }
}

labelled_enum! {
    /// A five-step scale for risk likelihood and impact.
    Scale5 {
        /// 1.
        VeryLow => ("Very low", "Много нисък"),
        /// 2.
        Low => ("Low", "Нисък"),
        /// 3.
        #[default]
        Medium => ("Medium", "Среден"),
        /// 4.
        High => ("High", "Висок"),
        /// 5.
        VeryHigh => ("Very high", "Много висок"),
    }
}

impl Scale5 {
    /// 1 (very low) to 5 (very high).
    pub fn score(self) -> u8 {
        self as u8 + 1
    }
}

labelled_enum! {
    /// Whether more of an openness indicator is better or worse.
    Direction {
        /// More is better (e.g. share of international students).
        #[default]
        HigherIsBetter => ("Higher is better", "По-високо е по-добре"),
        /// Less is better (e.g. permit fees).
        LowerIsBetter => ("Lower is better", "По-ниско е по-добре"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_both_names() {
        for s in FundingSource::ALL {
            assert!(!s.label(Lang::En).is_empty() && !s.label(Lang::Bg).is_empty());
            assert_ne!(s.label(Lang::En), s.label(Lang::Bg), "{s:?}");
        }
        assert_eq!(Scale5::VeryHigh.score(), 5);
        assert_eq!(Scale5::VeryLow.score(), 1);
    }
}

labelled_enum! {
    /// A theme of a good practice (the library's closed list, filtered by in the app).
    PracticeTheme {
        /// First steps: information, orientation, one-stop shops.
        #[default]
        Reception => ("Reception and orientation", "Приемане и ориентиране"),
        /// Language learning.
        Language => ("Language", "Език"),
        /// Jobs, skills and their recognition.
        Employment => ("Employment and skills", "Заетост и умения"),
        /// Starting and running a business.
        Entrepreneurship => ("Entrepreneurship", "Предприемачество"),
        /// Schools, colleges, adult education.
        Education => ("Education", "Образование"),
        /// Housing.
        Housing => ("Housing", "Жилище"),
        /// Health.
        Health => ("Health", "Здраве"),
        /// Participation, naturalisation, civic life.
        Participation => ("Participation and civic life", "Участие и граждански живот"),
        /// Against discrimination and rumours; how the public sees migration.
        AntiDiscrimination => (
            "Anti-discrimination and public perception",
            "Против дискриминацията и обществено възприятие"
        ),
        /// Attracting talent and international students.
        Talent => (
            "Attracting talent and international students",
            "Привличане на таланти и чуждестранни студенти"
        ),
        /// City marketing and welcome services.
        Welcome => (
            "City marketing and welcome services",
            "Маркетинг на града и услуги за посрещане"
        ),
        /// Data and monitoring.
        Data => ("Data and monitoring", "Данни и наблюдение"),
        /// Governance.
        Governance => ("Governance", "Управление"),
    }
}

labelled_enum! {
    /// The kind of an exchange or participation event.
    ExchangeKind {
        /// A visit to another city to see a practice.
        #[default]
        StudyVisit => ("Study visit", "Учебно посещение"),
        /// A seminar of the network's partner cities.
        TransnationalSeminar => ("Transnational seminar", "Транснационален семинар"),
        /// A public debate.
        PublicDebate => ("Public debate", "Публичен дебат"),
        /// A public consultation on the plan, with comments and responses.
        Consultation => ("Public consultation", "Обществена консултация"),
        /// Any other event.
        Event => ("Event", "Събитие"),
    }
}
