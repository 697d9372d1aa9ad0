//! The openness index: raw values of each indicator are scored across the compared cities —
//! relative to the group average (average = 100, the OPENCities Monitor's way, the default) or
//! min–max (0 = weakest, 100 = strongest), turned round where lower is better — averaged with
//! the indicator weights into area scores, and the area scores with the area weights into one
//! index. The plan chooses the method (`OpennessAssessment::method`).
//!
//! Values carry years, so the index is computed for one [`Basis`]: the latest profile (each
//! city's most recent value of each indicator; an undated value only where the city has no
//! dated one) or one year (the value of that year; where a city has none, its most recent
//! earlier value, carried forward and said so; undated values are not used, they belong to no
//! year). The [`trend`] is the index of every year in which the plan has values. Every result
//! keeps what it was computed from, so [`method`] can say it in words.

use std::collections::HashMap;

use crate::model::{
    CityId, Direction, Lang, OpennessAreaId, OpennessAssessment, OpennessIndicatorId,
    OpennessMethod, OpennessValue, Plan, format,
};

/// Which values an index is computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Basis {
    /// Each city's most recent value of each indicator.
    #[default]
    Latest,
    /// The values of one year, earlier ones carried forward where a city has none.
    Year(i32),
}

/// A city and indicator, with the year of the value used where that needs saying.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// The city's name (its id if it has none).
    pub city: String,
    /// The indicator.
    pub indicator: OpennessIndicatorId,
    /// The year of the value used, for a carried value.
    pub year: Option<i32>,
}

/// Scores of one city.
#[derive(Clone, Debug, PartialEq)]
pub struct CityScores {
    /// The city.
    pub city: CityId,
    /// Its name.
    pub name: String,
    /// True for the plan's own city.
    pub home: bool,
    /// Score per area (min–max: 0–100; relative: 100 = the group average), in the framework's
    /// area order; `None` where the city has no usable value in that area.
    pub areas: Vec<Option<f64>>,
    /// The overall index on the same scale, `None` when no area could be scored.
    pub overall: Option<f64>,
}

/// The index for every compared city.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpennessIndex {
    /// The areas, in order.
    pub areas: Vec<(OpennessAreaId, String)>,
    /// One entry per city, in the plan's city order.
    pub cities: Vec<CityScores>,
    /// Indicators left out: every city has the same value (min–max is undefined), or the
    /// group average is zero (a share of it is undefined).
    pub left_out: Vec<OpennessIndicatorId>,
    /// How the scores were computed.
    pub method: OpennessMethod,
    /// Which values were used.
    pub basis: Basis,
    /// The distinct years of the values used, oldest first.
    pub years: Vec<i32>,
    /// Values from an earlier year used for a year without one (`Basis::Year` only).
    pub carried: Vec<Gap>,
    /// Undated values used (`Basis::Latest` only).
    pub undated: Vec<Gap>,
    /// Cities without a usable value of an indicator that has values for other cities.
    pub missing: Vec<Gap>,
    /// Indicators no city has a value for.
    pub empty: Vec<OpennessIndicatorId>,
    /// How many indicators the framework has.
    pub indicators: usize,
}

impl OpennessIndex {
    /// The overall index of the plan's own city.
    pub fn home(&self) -> Option<&CityScores> {
        self.cities.iter().find(|c| c.home)
    }

    /// The highest score of any city in any area or overall, at least 100: the end of a
    /// chart's scale.
    pub fn max_score(&self) -> f64 {
        self.cities
            .iter()
            .flat_map(|c| c.areas.iter().chain([&c.overall]))
            .flatten()
            .copied()
            .filter(|v| v.is_finite())
            .fold(100.0, f64::max)
    }
}

/// The index of every year, oldest first: the trend.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpennessTrend {
    /// How the scores were computed.
    pub method: OpennessMethod,
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// The index of each year, in the order of `years`.
    pub indexes: Vec<OpennessIndex>,
}

impl OpennessTrend {
    /// The overall index of each city, one entry per year: (id, name, home, scores).
    pub fn overall(&self) -> Vec<(CityId, String, bool, Vec<Option<f64>>)> {
        let Some(first) = self.indexes.first() else {
            return Vec::new();
        };
        first
            .cities
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    c.city.clone(),
                    c.name.clone(),
                    c.home,
                    self.indexes.iter().map(|x| x.cities[i].overall).collect(),
                )
            })
            .collect()
    }

    /// The highest overall score of any city in any year, at least 100.
    pub fn max_score(&self) -> f64 {
        self.indexes
            .iter()
            .flat_map(|x| x.cities.iter().filter_map(|c| c.overall))
            .filter(|v| v.is_finite())
            .fold(100.0, f64::max)
    }
}

/// A weighted mean over the items that have a score; weights ≤ 0 or not finite count as absent.
/// When weights are so large (up to 1.8e308) that the sums overflow, they are scaled by the
/// largest first (the mean does not change), so the result is a finite score or `None`, never
/// NaN or infinite.
fn weighted_mean(items: impl Iterator<Item = (Option<f64>, f64)>) -> Option<f64> {
    let items: Vec<(f64, f64)> = items
        .filter_map(|(score, w)| {
            Some((score?, w)).filter(|(s, w)| s.is_finite() && w.is_finite() && *w > 0.0)
        })
        .collect();
    let mean = |scale: f64| {
        let (sum, weights) = items.iter().fold((0.0, 0.0), |(s, ws), (score, w)| {
            let w = w / scale;
            (s + score * w, ws + w)
        });
        (weights > 0.0).then(|| sum / weights)
    };
    match mean(1.0) {
        Some(m) if m.is_finite() => Some(m),
        None => None,
        Some(_) => {
            let largest = items.iter().map(|(_, w)| *w).fold(0.0, f64::max);
            // A mean lies between the lowest and the highest score; rounding may not.
            let lo = items.iter().map(|(s, _)| *s).fold(f64::INFINITY, f64::min);
            let hi = items
                .iter()
                .map(|(s, _)| *s)
                .fold(f64::NEG_INFINITY, f64::max);
            mean(largest)
                .filter(|m| m.is_finite())
                .map(|m| m.clamp(lo, hi))
        }
    }
}

/// Where `v` lies between `min` and `max`, 0–100, also when `max - min` overflows (values near
/// ±1.8e308).
fn min_max(v: f64, min: f64, max: f64) -> f64 {
    let range = max - min;
    let share = if range.is_finite() {
        (v - min) / range
    } else {
        (v / 2.0 - min / 2.0) / (max / 2.0 - min / 2.0)
    };
    let score = share * 100.0;
    // Exact as before for ordinary values; kept within 0–100 for the extreme ones.
    if range.is_finite() {
        score
    } else {
        score.clamp(0.0, 100.0)
    }
}

/// The latest profile of every compared city (see [`Basis::Latest`]).
pub fn openness_index(plan: &Plan) -> OpennessIndex {
    index(&plan.openness, Basis::Latest)
}

/// The index of every year in which the assessment has values, oldest first.
pub fn trend(o: &OpennessAssessment) -> OpennessTrend {
    let years = o.years();
    OpennessTrend {
        method: o.method,
        indexes: years.iter().map(|y| index(o, Basis::Year(*y))).collect(),
        years,
    }
}

/// The value `basis` uses for a city and indicator, and whether it was carried forward.
fn pick<'a>(
    o: &'a OpennessAssessment,
    city: &CityId,
    indicator: &OpennessIndicatorId,
    basis: Basis,
) -> Option<(&'a OpennessValue, bool)> {
    match basis {
        Basis::Latest => o.latest(city, indicator).map(|v| (v, false)),
        Basis::Year(year) => o
            .values
            .iter()
            .filter(|v| {
                &v.city == city
                    && &v.indicator == indicator
                    && v.value.is_finite()
                    && v.year.is_some_and(|y| y <= year)
            })
            // The most recent up to `year`; of equal years the first in file order.
            .fold(None::<&OpennessValue>, |best, v| match best {
                Some(b) if b.year >= v.year => Some(b),
                _ => Some(v),
            })
            .map(|v| (v, v.year != Some(year))),
    }
}

/// Computes the index of every compared city from the values `basis` selects.
pub fn index(o: &OpennessAssessment, basis: Basis) -> OpennessIndex {
    let mut out = OpennessIndex {
        areas: o
            .areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        method: o.method,
        basis,
        ..OpennessIndex::default()
    };
    let name = |c: &crate::model::City| {
        if c.name.trim().is_empty() {
            c.id.to_string()
        } else {
            c.name.clone()
        }
    };
    // Normalised score per (city, indicator).
    let mut scores: HashMap<(&str, &str), f64> = HashMap::new();
    for ind in o.areas.iter().flat_map(|a| &a.indicators) {
        out.indicators += 1;
        let mut raw: Vec<(&str, f64)> = Vec::new();
        let mut absent = Vec::new();
        for c in &o.cities {
            let Some((v, carried)) = pick(o, &c.id, &ind.id, basis) else {
                absent.push(Gap {
                    city: name(c),
                    indicator: ind.id.clone(),
                    year: None,
                });
                continue;
            };
            raw.push((c.id.as_str(), v.value));
            out.years.extend(v.year);
            let gap = Gap {
                city: name(c),
                indicator: ind.id.clone(),
                year: v.year,
            };
            if carried {
                out.carried.push(gap);
            } else if v.year.is_none() {
                out.undated.push(gap);
            }
        }
        if raw.is_empty() {
            out.empty.push(ind.id.clone());
            continue;
        }
        out.missing.extend(absent);
        let sign = match ind.direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        match o.method {
            OpennessMethod::MinMax => {
                let min = raw.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
                let max = raw.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
                if max - min <= f64::EPSILON * max.abs().max(1.0) {
                    out.left_out.push(ind.id.clone());
                    continue;
                }
                for (city, v) in raw {
                    let up = min_max(v, min, max);
                    let s = if sign > 0.0 { up } else { 100.0 - up };
                    scores.insert((city, ind.id.as_str()), s);
                }
            }
            OpennessMethod::RelativeToAverage => {
                // Divided first, so that values near ±1.8e308 do not overflow the sum.
                let n = raw.len() as f64;
                let mean: f64 = raw.iter().map(|r| r.1 / n).sum();
                let biggest = raw.iter().map(|r| r.1.abs()).fold(0.0, f64::max);
                if !mean.is_finite() || mean.abs() <= 1e-9 * biggest.max(f64::MIN_POSITIVE) {
                    out.left_out.push(ind.id.clone());
                    continue;
                }
                for (city, v) in raw {
                    // 100 at the average, each 1 % above it one point more (less where lower
                    // is better), so the group's mean score is 100 in either direction.
                    let s = 100.0 + sign * 100.0 * (v / mean.abs() - mean / mean.abs());
                    if s.is_finite() {
                        scores.insert((city, ind.id.as_str()), s);
                    }
                }
            }
        }
    }
    out.years.sort_unstable();
    out.years.dedup();
    for c in &o.cities {
        let areas: Vec<Option<f64>> = o
            .areas
            .iter()
            .map(|a| {
                weighted_mean(a.indicators.iter().map(|i| {
                    (
                        scores.get(&(c.id.as_str(), i.id.as_str())).copied(),
                        i.weight,
                    )
                }))
            })
            .collect();
        let overall = weighted_mean(areas.iter().zip(&o.areas).map(|(s, a)| (*s, a.weight)));
        out.cities.push(CityScores {
            city: c.id.clone(),
            name: c.name.clone(),
            home: o.home_city.as_ref() == Some(&c.id),
            areas,
            overall,
        });
    }
    out
}

/// How the index is computed, in words, for the app and the report.
pub fn method(lang: Lang, index: &OpennessIndex) -> String {
    let scoring = match index.method {
        OpennessMethod::RelativeToAverage => lang.pick(
            "Method: relative to the group average, as the OPENCities Monitor does. Each \
             indicator's raw values are expressed relative to the average of the compared cities: \
             the average scores 100, a value 10 % above it 110 and one 10 % below it 90 (turned \
             round where lower is better, so above 100 is always better than the average).",
            "Метод: спрямо средното за групата, както в OPENCities Monitor. Суровите стойности на \
             всеки индикатор се изразяват спрямо средната стойност на сравняваните градове: \
             средната получава 100, стойност с 10 % над нея – 110, а с 10 % под нея – 90 (обратно, \
             когато по-ниското е по-добро, така че над 100 винаги означава по-добре от средното).",
        ),
        OpennessMethod::MinMax => lang.pick(
            "Method: min–max. Each indicator's raw values are normalised across the compared \
             cities: the lowest value scores 0 and the highest 100 (reversed where lower is \
             better).",
            "Метод: мин–макс. Суровите стойности на всеки индикатор се нормализират спрямо \
             сравняваните градове: най-ниската стойност получава 0, а най-високата 100 (обратно, \
             когато по-ниското е по-добро).",
        ),
    };
    let mut text = format!(
        "{scoring} {}",
        lang.pick(
            "An area's score is the weighted mean of its indicator scores, using the indicator \
             weights; the overall index is the weighted mean of the area scores, using the area \
             weights. Where a city has no value for an indicator, the mean is taken over the \
             indicators it has. Scores are relative to this group of cities, not absolute measures.",
            "Оценката на всяка област е претеглената средна на оценките на нейните индикатори с \
             теглата на индикаторите; общият индекс е претеглената средна на оценките на областите \
             с теглата на областите. Когато за даден град липсва стойност, средната се изчислява по \
             наличните индикатори. Оценките са относителни спрямо тази група градове, а не \
             абсолютни.",
        )
    );
    if !index.left_out.is_empty() {
        let ids: Vec<&str> = index.left_out.iter().map(|i| i.as_str()).collect();
        let why = match (index.method, lang) {
            (OpennessMethod::MinMax, Lang::En) => "all cities have the same value",
            (OpennessMethod::MinMax, Lang::Bg) => "всички градове имат еднаква стойност",
            (OpennessMethod::RelativeToAverage, Lang::En) => "the group average is zero",
            (OpennessMethod::RelativeToAverage, Lang::Bg) => "средната за групата е нула",
        };
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!("Left out because {why}: {}.", ids.join(", ")),
            Lang::Bg => format!("Изключени, защото {why}: {}.", ids.join(", ")),
        });
    }
    text.push(' ');
    text.push_str(&values_used(lang, index));
    text
}

/// Which values an index used, in words: the basis and its years, carried and undated values,
/// and what was missing.
pub fn values_used(lang: Lang, index: &OpennessIndex) -> String {
    let years = years_text(&index.years);
    let mut text = match (index.basis, lang) {
        (Basis::Latest, Lang::En) if years.is_empty() => {
            "Values: the latest profile; no value has a year.".to_owned()
        }
        (Basis::Latest, Lang::Bg) if years.is_empty() => {
            "Стойности: последният профил; никоя стойност няма година.".to_owned()
        }
        (Basis::Latest, Lang::En) => {
            format!("Values: each city's most recent value of each indicator (years {years}).")
        }
        (Basis::Latest, Lang::Bg) => format!(
            "Стойности: най-новата стойност на всеки град по всеки индикатор (години {years})."
        ),
        (Basis::Year(y), Lang::En) => format!(
            "Values of {y}; where a city has none for {y}, its most recent earlier value is used."
        ),
        (Basis::Year(y), Lang::Bg) => format!(
            "Стойности за {y} г.; където град няма стойност за {y} г., се използва най-новата му \
             по-ранна стойност."
        ),
    };
    let mut add = |en: &str, bg: &str, list: &[Gap]| {
        if !list.is_empty() {
            text.push(' ');
            text.push_str(lang.pick(en, bg));
            text.push(' ');
            text.push_str(&gaps(lang, list));
            text.push('.');
        }
    };
    add(
        "Earlier values carried forward:",
        "Пренесени по-ранни стойности:",
        &index.carried,
    );
    add(
        "Values without a year (the city has no dated value):",
        "Стойности без година (градът няма стойност с година):",
        &index.undated,
    );
    add(
        "Missing, so left out of that city's mean:",
        "Липсват и не влизат в средната на града:",
        &index.missing,
    );
    if !index.empty.is_empty() {
        let ids: Vec<&str> = index.empty.iter().map(|i| i.as_str()).collect();
        text.push(' ');
        text.push_str(lang.pick("No city has a value of", "Никой град няма стойност по"));
        text.push(' ');
        text.push_str(&ids.join(", "));
        text.push('.');
    }
    text
}

/// How the trend is computed, in words: the method, the years, and per year what was carried
/// forward or missing.
pub fn trend_text(lang: Lang, trend: &OpennessTrend) -> String {
    if trend.years.is_empty() {
        return lang
            .pick(
                "No value has a year, so there is no trend.",
                "Никоя стойност няма година, затова няма динамика.",
            )
            .to_owned();
    }
    let method = OpennessMethod::label(trend.method, lang);
    let years = years_text(&trend.years);
    let mut text = match lang {
        Lang::En => format!(
            "The overall index of each city, computed separately for each year ({years}) with \
             the method \u{201c}{method}\u{201d} among the cities of that year; a change \
             therefore reflects the city's own values and those of the others."
        ),
        Lang::Bg => format!(
            "Общият индекс на всеки град, изчислен поотделно за всяка година ({years}) по метода \
             „{method}“ спрямо градовете в същата година; промяната отразява както стойностите \
             на града, така и тези на останалите."
        ),
    };
    // Per year: how many indicators it covers (a year with fewer than the latest is not
    // comparable with it), how many values came from earlier years, and what is missing.
    let all = trend.indexes.first().map_or(0, |x| x.indicators);
    let latest_empty = trend.indexes.last().map_or(0, |x| x.empty.len());
    let mut narrower = Vec::new();
    for (y, idx) in trend.years.iter().zip(&trend.indexes) {
        let mut parts = Vec::new();
        if idx.empty.len() > latest_empty {
            narrower.push(y.to_string());
            let covered = format::integer(lang, (all - idx.empty.len()) as u64);
            let all = format::integer(lang, all as u64);
            parts.push(match lang {
                Lang::En => format!("computed over {covered} of {all} indicators"),
                Lang::Bg => format!("изчислен по {covered} от {all} индикатора"),
            });
        }
        if !idx.carried.is_empty() {
            let n = format::integer(lang, idx.carried.len() as u64);
            parts.push(match lang {
                Lang::En => format!("{n} values carried forward from earlier years"),
                Lang::Bg => format!("{n} стойности пренесени от по-ранни години"),
            });
        }
        if !idx.missing.is_empty() {
            parts.push(format!(
                "{} {}",
                lang.pick("missing", "липсват"),
                gaps(lang, &idx.missing)
            ));
        }
        if !parts.is_empty() {
            text.push_str(&format!(" {y}: {}.", parts.join("; ")));
        }
    }
    if !narrower.is_empty() {
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!(
                "The index of {} covers fewer indicators than the latest and is not comparable \
                 with it.",
                narrower.join(", ")
            ),
            Lang::Bg => format!(
                "Индексът за {} обхваща по-малко индикатори от последния и не е сравним с него.",
                narrower.join(", ")
            ),
        });
    }
    text
}

/// `2021, 2022, 2023`: years are written without grouping.
fn years_text(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Sofia – OI-3 (2021), OI-4; Vienna – OI-2`: grouped by city in order of first mention; the
/// first [`GAPS_SHOWN`] entries, then how many there are in all.
fn gaps(lang: Lang, list: &[Gap]) -> String {
    let mut cities: Vec<(&str, Vec<String>)> = Vec::new();
    for g in list.iter().take(GAPS_SHOWN) {
        let item = match g.year {
            Some(y) => format!("{} ({y})", g.indicator),
            None => g.indicator.to_string(),
        };
        match cities.iter_mut().find(|(c, _)| *c == g.city) {
            Some((_, items)) => items.push(item),
            None => cities.push((g.city.as_str(), vec![item])),
        }
    }
    let mut text = cities
        .iter()
        .map(|(c, items)| format!("{c} \u{2013} {}", items.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    if list.len() > GAPS_SHOWN {
        text.push_str(&format!(
            " \u{2026} ({})",
            format::integer(lang, list.len() as i64)
        ));
    }
    text
}

/// How many cities and indicators a sentence names before it only counts the rest.
const GAPS_SHOWN: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn plan() -> Plan {
        let mut p = Plan::new();
        let o = &mut p.openness;
        o.cities = ["Sofia", "Vienna", "Dublin"]
            .iter()
            .enumerate()
            .map(|(i, n)| City {
                id: CityId(format!("C-{}", i + 1)),
                name: (*n).into(),
                ..City::default()
            })
            .collect();
        o.home_city = Some("C-1".into());
        o.method = OpennessMethod::MinMax;
        let ind = |id: &str, direction, weight| OpennessIndicator {
            id: id.into(),
            direction,
            weight,
            ..Default::default()
        };
        o.areas = vec![
            OpennessArea {
                id: "OA-1".into(),
                weight: 2.0,
                indicators: vec![
                    ind("OI-1", Direction::HigherIsBetter, 1.0),
                    ind("OI-2", Direction::LowerIsBetter, 3.0),
                ],
                ..Default::default()
            },
            OpennessArea {
                id: "OA-2".into(),
                weight: 1.0,
                indicators: vec![ind("OI-3", Direction::HigherIsBetter, 1.0)],
                ..Default::default()
            },
        ];
        let v = |c: &str, i: &str, value| OpennessValue {
            city: c.into(),
            indicator: i.into(),
            value,
            ..Default::default()
        };
        o.values = vec![
            v("C-1", "OI-1", 10.0),
            v("C-2", "OI-1", 30.0),
            v("C-3", "OI-1", 20.0),
            v("C-1", "OI-2", 100.0),
            v("C-2", "OI-2", 300.0),
            v("C-3", "OI-2", 200.0),
            v("C-1", "OI-3", 5.0),
            v("C-2", "OI-3", 5.0),
            v("C-3", "OI-3", 5.0),
        ];
        p
    }

    #[test]
    fn min_max_with_direction_and_weights() {
        let idx = openness_index(&plan());
        let sofia = &idx.cities[0];
        // OI-1: 0; OI-2 (lower better): 100; area 1 = (0·1 + 100·3) / 4 = 75.
        assert_eq!(sofia.areas[0], Some(75.0));
        // Area 2 has no spread and is left out; overall = area 1 alone.
        assert_eq!(sofia.areas[1], None);
        assert_eq!(sofia.overall, Some(75.0));
        assert!(sofia.home);
        let vienna = &idx.cities[1];
        assert_eq!(vienna.areas[0], Some(25.0));
        let dublin = &idx.cities[2];
        assert_eq!(dublin.areas[0], Some(50.0));
        assert_eq!(idx.left_out, vec![OpennessIndicatorId::from("OI-3")]);
        assert!(method(Lang::En, &idx).contains("OI-3"));
    }

    #[test]
    fn huge_weights_and_values_give_finite_scores() {
        let mut p = plan();
        p.openness.areas[0].weight = 1e308;
        p.openness.areas[1].weight = 1e308;
        p.openness.areas[0].indicators[0].weight = f64::MAX;
        p.openness.areas[0].indicators[1].weight = 1e308;
        p.openness.values[0].value = -1.7e308;
        p.openness.values[1].value = 1.7e308;
        let idx = openness_index(&p);
        for c in &idx.cities {
            let overall = c.overall.expect("a score");
            assert!((0.0..=100.0).contains(&overall), "{c:?}");
            assert!(c.areas.iter().flatten().all(|a| a.is_finite()), "{c:?}");
        }
        // Scaled, the weights keep their proportions: equal weights, as in `plan()` with 1 and 3
        // replaced by MAX and 1e308 (≈ 1.8 : 1).
        let sofia = idx.cities[0].areas[0].unwrap();
        assert!(sofia > 0.0 && sofia < 100.0, "{sofia}");
    }

    #[test]
    fn missing_values_average_over_what_is_there() {
        let mut p = plan();
        p.openness
            .values
            .retain(|v| !(v.city.as_str() == "C-1" && v.indicator.as_str() == "OI-2"));
        let idx = openness_index(&p);
        assert_eq!(idx.cities[0].areas[0], Some(0.0));
        // An empty framework gives no scores and no panic.
        let empty = openness_index(&Plan::new());
        assert!(empty.cities.is_empty());
    }

    #[test]
    fn relative_to_average_puts_the_average_at_100() {
        let mut p = plan();
        p.openness.method = OpennessMethod::RelativeToAverage;
        let idx = openness_index(&p);
        // OI-1: mean 20 → 50, 150, 100; OI-2 (lower better): mean 200 → 150, 50, 100.
        // Area 1 = (s1·1 + s2·3) / 4: Sofia (50 + 450) / 4 = 125, Vienna (150 + 150) / 4 = 75.
        assert_eq!(idx.cities[0].areas[0], Some(125.0));
        assert_eq!(idx.cities[1].areas[0], Some(75.0));
        assert_eq!(idx.cities[2].areas[0], Some(100.0));
        // Equal values are defined here: all at the average.
        assert!(idx.left_out.is_empty());
        assert_eq!(idx.cities[0].areas[1], Some(100.0));
        // Overall = (125·2 + 100·1) / 3.
        let overall = idx.cities[0].overall.unwrap();
        assert!((overall - 350.0 / 3.0).abs() < 1e-9, "{overall}");
        assert!(idx.max_score() >= 125.0);
        let text = method(Lang::En, &idx);
        assert!(text.contains("relative to the group average"), "{text}");
        assert!(method(Lang::Bg, &idx).contains("спрямо средното за групата"));
        // A zero average is left out, and said so.
        for v in &mut p.openness.values {
            if v.indicator.as_str() == "OI-3" {
                v.value = 0.0;
            }
        }
        let idx = openness_index(&p);
        assert_eq!(idx.left_out, vec![OpennessIndicatorId::from("OI-3")]);
        assert!(method(Lang::En, &idx).contains("average is zero"));
    }

    #[test]
    fn relative_scores_of_huge_values_stay_finite() {
        let mut p = plan();
        p.openness.method = OpennessMethod::RelativeToAverage;
        p.openness.values[0].value = -1.7e308;
        p.openness.values[1].value = 1.7e308;
        let idx = openness_index(&p);
        for c in &idx.cities {
            assert!(c.areas.iter().flatten().all(|a| a.is_finite()), "{c:?}");
            assert!(c.overall.is_none_or(f64::is_finite), "{c:?}");
        }
    }

    /// Three cities, two years, two areas of one indicator each (equal weights). In 2023 city
    /// C has no value of I-2 and its 2022 value is carried forward.
    fn three_cities_two_years(method: OpennessMethod) -> OpennessAssessment {
        let city = |id: &str, name: &str| City {
            id: id.into(),
            name: name.into(),
            ..City::default()
        };
        let area = |id: &str, ind: &str, direction| OpennessArea {
            id: id.into(),
            weight: 1.0,
            indicators: vec![OpennessIndicator {
                id: ind.into(),
                direction,
                weight: 1.0,
                ..Default::default()
            }],
            ..Default::default()
        };
        let v = |c: &str, i: &str, year, value| OpennessValue {
            city: c.into(),
            indicator: i.into(),
            value,
            year: Some(year),
            ..Default::default()
        };
        OpennessAssessment {
            cities: vec![city("C-1", "A"), city("C-2", "B"), city("C-3", "C")],
            home_city: Some("C-1".into()),
            areas: vec![
                area("OA-1", "OI-1", Direction::HigherIsBetter),
                area("OA-2", "OI-2", Direction::LowerIsBetter),
            ],
            values: vec![
                v("C-1", "OI-1", 2022, 10.0),
                v("C-2", "OI-1", 2022, 20.0),
                v("C-3", "OI-1", 2022, 30.0),
                v("C-1", "OI-2", 2022, 4.0),
                v("C-2", "OI-2", 2022, 2.0),
                v("C-3", "OI-2", 2022, 6.0),
                v("C-1", "OI-1", 2023, 30.0),
                v("C-2", "OI-1", 2023, 20.0),
                v("C-3", "OI-1", 2023, 40.0),
                v("C-1", "OI-2", 2023, 3.0),
                v("C-2", "OI-2", 2023, 3.0),
            ],
            method,
            ..Default::default()
        }
    }

    fn scores(idx: &OpennessIndex) -> Vec<(Vec<Option<f64>>, Option<f64>)> {
        idx.cities
            .iter()
            .map(|c| (c.areas.clone(), c.overall))
            .collect()
    }

    fn close(got: &[(Vec<Option<f64>>, Option<f64>)], want: &[([f64; 2], f64)]) {
        assert_eq!(got.len(), want.len());
        for ((areas, overall), (w_areas, w_overall)) in got.iter().zip(want) {
            for (a, w) in areas.iter().zip(w_areas) {
                assert!((a.unwrap() - w).abs() < 1e-9, "{got:?}");
            }
            assert!((overall.unwrap() - w_overall).abs() < 1e-9, "{got:?}");
        }
    }

    #[test]
    fn relative_to_average_by_year_by_hand() {
        let o = three_cities_two_years(OpennessMethod::RelativeToAverage);
        let t = trend(&o);
        assert_eq!(t.years, vec![2022, 2023]);
        // 2022. OI-1: mean 20 → A 50, B 100, C 150. OI-2 (lower is better): mean 4, score
        // 100 − 100·(v/4 − 1) → A 100, B 150, C 50. Overall: A 75, B 125, C 100.
        close(
            &scores(&t.indexes[0]),
            &[
                ([50.0, 100.0], 75.0),
                ([100.0, 150.0], 125.0),
                ([150.0, 50.0], 100.0),
            ],
        );
        // 2023. OI-1: mean 30 → A 100, B 66.67, C 133.33. OI-2: A 3, B 3, C 6 carried from
        // 2022: mean 4 → A 125, B 125, C 50. Overall: A 112.5, B 95.83, C 91.67.
        close(
            &scores(&t.indexes[1]),
            &[
                ([100.0, 125.0], 112.5),
                ([200.0 / 3.0, 125.0], (200.0 / 3.0 + 125.0) / 2.0),
                ([400.0 / 3.0, 50.0], (400.0 / 3.0 + 50.0) / 2.0),
            ],
        );
        // The group's mean score is 100 in each indicator, every year.
        for idx in &t.indexes {
            for a in 0..2 {
                let mean: f64 = idx.cities.iter().map(|c| c.areas[a].unwrap()).sum::<f64>() / 3.0;
                assert!((mean - 100.0).abs() < 1e-9);
            }
        }
        let c = &t.indexes[1].carried;
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].city.as_str(), c[0].year), ("C", Some(2022)));
        // The latest profile is the 2023 index: the same values.
        let latest = index(&o, Basis::Latest);
        assert_eq!(scores(&latest), scores(&t.indexes[1]));
        assert_eq!(latest.years, vec![2022, 2023]);
        // The words name the method, the year and the carried value.
        let text = method(Lang::En, &t.indexes[1]);
        assert!(text.contains("relative to the group average"), "{text}");
        assert!(text.contains("Values of 2023"), "{text}");
        assert!(text.contains("C \u{2013} OI-2 (2022)"), "{text}");
        let text = trend_text(Lang::En, &t);
        assert!(text.contains("2022, 2023"), "{text}");
        assert!(trend_text(Lang::Bg, &t).contains("спрямо средното"));
        assert_eq!(t.overall()[0].3, vec![Some(75.0), Some(112.5)]);
    }

    #[test]
    fn min_max_by_year_by_hand() {
        let o = three_cities_two_years(OpennessMethod::MinMax);
        let t = trend(&o);
        // 2022. OI-1: 10, 20, 30 → A 0, B 50, C 100. OI-2 (lower is better): 4, 2, 6 →
        // A 50, B 100, C 0. Overall: A 25, B 75, C 50.
        close(
            &scores(&t.indexes[0]),
            &[
                ([0.0, 50.0], 25.0),
                ([50.0, 100.0], 75.0),
                ([100.0, 0.0], 50.0),
            ],
        );
        // 2023. OI-1: 30, 20, 40 → A 50, B 0, C 100. OI-2: 3, 3, 6 (carried) → A 100, B 100,
        // C 0. Overall: A 75, B 50, C 50.
        close(
            &scores(&t.indexes[1]),
            &[
                ([50.0, 100.0], 75.0),
                ([0.0, 100.0], 50.0),
                ([100.0, 0.0], 50.0),
            ],
        );
        // A 0 is only where the method puts it: the weakest value of an indicator in that
        // year, and the strongest scores 100; nobody is 0 overall.
        for idx in &t.indexes {
            for a in 0..2 {
                let s: Vec<f64> = idx.cities.iter().map(|c| c.areas[a].unwrap()).collect();
                assert_eq!(s.iter().copied().fold(f64::INFINITY, f64::min), 0.0);
                assert_eq!(s.iter().copied().fold(0.0, f64::max), 100.0);
            }
            assert!(idx.cities.iter().all(|c| c.overall.unwrap() > 0.0));
        }
        assert!(method(Lang::En, &t.indexes[0]).contains("min–max"));
    }

    #[test]
    fn undated_values_count_only_in_the_latest_profile() {
        let mut o = three_cities_two_years(OpennessMethod::RelativeToAverage);
        // C gets an undated OI-2 as well: it has dated ones, so the undated one is not used.
        o.values.push(OpennessValue {
            city: "C-3".into(),
            indicator: "OI-2".into(),
            value: 100.0,
            ..Default::default()
        });
        assert_eq!(
            scores(&index(&o, Basis::Latest)),
            scores(&index(&o, Basis::Year(2023)))
        );
        // Without dated OI-2 values for C, the undated one is its latest, and said so.
        o.values.retain(|v| {
            !(v.city.as_str() == "C-3" && v.indicator.as_str() == "OI-2" && v.year.is_some())
        });
        let latest = index(&o, Basis::Latest);
        assert_eq!(latest.undated.len(), 1);
        assert!(method(Lang::En, &latest).contains("without a year"));
        // In the years it is missing.
        let y = index(&o, Basis::Year(2022));
        assert_eq!(y.missing.len(), 1);
        assert!(method(Lang::En, &y).contains("Missing"));
        // Before the first year nothing is carried back.
        let before = index(&o, Basis::Year(2000));
        assert_eq!(before.empty.len(), 2);
        assert!(before.cities.iter().all(|c| c.overall.is_none()));
    }
}
