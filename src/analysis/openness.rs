//! The openness index: raw values of each indicator are normalised min–max across the compared
//! cities (0 = weakest, 100 = strongest, turned round where lower is better), averaged with the
//! indicator weights into area scores, and the area scores with the area weights into one index.

use std::collections::HashMap;

use crate::model::{CityId, Direction, Lang, OpennessAreaId, OpennessIndicatorId, Plan};

/// Scores of one city.
#[derive(Clone, Debug, PartialEq)]
pub struct CityScores {
    /// The city.
    pub city: CityId,
    /// Its name.
    pub name: String,
    /// True for the plan's own city.
    pub home: bool,
    /// Score per area (0–100), in the framework's area order; `None` where the city has no
    /// usable value in that area.
    pub areas: Vec<Option<f64>>,
    /// The overall index (0–100), `None` when no area could be scored.
    pub overall: Option<f64>,
}

/// The index for every compared city.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpennessIndex {
    /// The areas, in order.
    pub areas: Vec<(OpennessAreaId, String)>,
    /// One entry per city, in the plan's city order.
    pub cities: Vec<CityScores>,
    /// Indicators left out because every city has the same value (min–max is undefined).
    pub no_spread: Vec<OpennessIndicatorId>,
}

impl OpennessIndex {
    /// The overall index of the plan's own city.
    pub fn home(&self) -> Option<&CityScores> {
        self.cities.iter().find(|c| c.home)
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
            mean(largest)
                .filter(|m| m.is_finite())
                .map(|m| m.clamp(0.0, 100.0))
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
        let min = raw.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
        let max = raw.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
        if raw.is_empty() {
            continue;
        }
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            out.no_spread.push(ind.id.clone());
            continue;
        }
        for (city, v) in raw {
            let up = min_max(v, min, max);
            let s = match ind.direction {
                Direction::HigherIsBetter => up,
                Direction::LowerIsBetter => 100.0 - up,
            };
            scores.insert((city, ind.id.as_str()), s);
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
    let mut text = lang
        .pick(
            "Each indicator's raw values are normalised across the compared cities with min–max \
             scaling: the lowest value scores 0 and the highest 100 (reversed where lower is better). \
             An area's score is the weighted mean of its indicator scores, using the indicator weights; \
             the overall index is the weighted mean of the area scores, using the area weights. Where a \
             city has no value for an indicator, the mean is taken over the indicators it has. Scores \
             are relative to this group of cities, not absolute measures.",
            "Суровите стойности на всеки индикатор се нормализират спрямо сравняваните градове по метода \
             мин–макс: най-ниската стойност получава 0, а най-високата 100 (обратно, когато по-ниското е \
             по-добро). Оценката на всяка област е претеглената средна на оценките на нейните индикатори \
             с теглата на индикаторите; общият индекс е претеглената средна на оценките на областите с \
             теглата на областите. Когато за даден град липсва стойност, средната се изчислява по \
             наличните индикатори. Оценките са относителни спрямо тази група градове, а не абсолютни.",
        )
        .to_owned();
    if !index.no_spread.is_empty() {
        let ids: Vec<&str> = index.no_spread.iter().map(|i| i.as_str()).collect();
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!(
                "Left out because all cities have the same value: {}.",
                ids.join(", ")
            ),
            Lang::Bg => format!(
                "Изключени, защото всички градове имат еднаква стойност: {}.",
                ids.join(", ")
            ),
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
        assert_eq!(idx.no_spread, vec![OpennessIndicatorId::from("OI-3")]);
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
}
