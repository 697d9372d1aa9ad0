//! The openness index: raw values of each indicator are scored across the compared cities —
//! relative to the group average (average = 100, the OPENCities Monitor's way, the default) or
//! min–max (0 = weakest, 100 = strongest), turned round where lower is better — averaged with
//! the indicator weights into area scores, and the area scores with the area weights into one
//! index. The plan chooses the method (`OpennessAssessment::method`).

use std::collections::HashMap;

use crate::model::{
    CityId, Direction, Lang, OpennessAreaId, OpennessIndicatorId, OpennessMethod, Plan,
};

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

/// Computes the index of every compared city.
pub fn openness_index(plan: &Plan) -> OpennessIndex {
    let o = &plan.openness;
    let mut values: HashMap<(&str, &str), f64> = HashMap::new();
    for v in &o.values {
        if v.value.is_finite() {
            values
                .entry((v.city.as_str(), v.indicator.as_str()))
                .or_insert(v.value);
        }
    }
    let mut out = OpennessIndex {
        areas: o
            .areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        method: o.method,
        ..OpennessIndex::default()
    };
    // Normalised score per (city, indicator).
    let mut scores: HashMap<(&str, &str), f64> = HashMap::new();
    for ind in o.areas.iter().flat_map(|a| &a.indicators) {
        let raw: Vec<(&str, f64)> = o
            .cities
            .iter()
            .filter_map(|c| {
                Some((
                    c.id.as_str(),
                    *values.get(&(c.id.as_str(), ind.id.as_str()))?,
                ))
            })
            .collect();
        if raw.is_empty() {
            continue;
        }
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
    text
}

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
}
