//! Inter-rater agreement: Krippendorff's alpha (nominal) and Fleiss' kappa.
//!
//! A *unit* is one thing rated (a matrix cell); its values are the categories the raters who
//! answered gave it, in any order (missing answers are simply absent). Both statistics only need
//! the values per unit, so raters need no identity here. Categories are any `Ord` value.

use std::collections::BTreeMap;

/// Krippendorff's alpha for nominal data, with missing values.
///
/// Units with fewer than two values are dropped (they cannot be paired). `None` ("n/a") when no
/// unit has two values, or when only one category occurs, so the expected disagreement is zero.
/// Computed from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
/// alpha-reliability"): alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
pub fn alpha_nominal<C: Ord>(units: &[Vec<C>]) -> Option<f64> {
    // Per category: n_c (its total coincidences); and the observed disagreement sum.
    let mut totals: BTreeMap<&C, f64> = BTreeMap::new();
    let mut observed = 0.0;
    for values in units.iter().filter(|v| v.len() >= 2) {
        let m = values.len() as f64;
        let mut counts: BTreeMap<&C, f64> = BTreeMap::new();
        for v in values {
            *counts.entry(v).or_default() += 1.0;
        }
        // Pairs of different values within the unit: m^2 - sum of squared counts, weighted
        // 1 / (m - 1) as every value pairs with the m - 1 others.
        let same: f64 = counts.values().map(|c| c * c).sum();
        observed += (m * m - same) / (m - 1.0);
        for (c, k) in counts {
            *totals.entry(c).or_default() += k;
        }
    }
    let n: f64 = totals.values().sum();
    let squares: f64 = totals.values().map(|c| c * c).sum();
    let expected = n * n - squares;
    (n > 0.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

/// Fleiss' kappa. `None` ("n/a") unless every unit has the same number of values, at least
/// two, and the categories are not all one (the chance agreement would then be 1).
pub fn fleiss_kappa<C: Ord>(units: &[Vec<C>]) -> Option<f64> {
    let n = units.first()?.len();
    if n < 2 || units.iter().any(|u| u.len() != n) {
        return None;
    }
    let raters = n as f64;
    let mut category_totals: BTreeMap<&C, f64> = BTreeMap::new();
    let mut agreement = 0.0;
    for values in units {
        let mut counts: BTreeMap<&C, f64> = BTreeMap::new();
        for v in values {
            *counts.entry(v).or_default() += 1.0;
        }
        let squares: f64 = counts.values().map(|c| c * c).sum();
        agreement += (squares - raters) / (raters * (raters - 1.0));
        for (c, k) in counts {
            *category_totals.entry(c).or_default() += k;
        }
    }
    let total = raters * units.len() as f64;
    let mean = agreement / units.len() as f64;
    let chance: f64 = category_totals.values().map(|c| (c / total).powi(2)).sum();
    (chance < 1.0).then(|| (mean - chance) / (1.0 - chance))
}

/// A ratings table: raters' names and, per unit, its name and each rater's label (`None` when
/// the rater gave none).
#[derive(Debug, Clone, PartialEq)]
pub struct Ratings {
    /// The raters, in column order.
    pub raters: Vec<String>,
    /// (unit name, one label per rater).
    pub units: Vec<(String, Vec<Option<String>>)>,
}

impl Ratings {
    /// Each unit's present labels, for `alpha_nominal` and `fleiss_kappa`.
    pub fn values(&self) -> Vec<Vec<&str>> {
        self.units
            .iter()
            .map(|(_, labels)| labels.iter().flatten().map(String::as_str).collect())
            .collect()
    }

    /// The table read from CSV: a header row (a first cell for the unit column, then one rater
    /// per column), then one row per unit (its name, then each rater's label, empty for none).
    /// UTF-8 with or without a byte-order mark. Errors name the line.
    pub fn from_csv(text: &str) -> Result<Ratings, String> {
        let rows = super::csv::parse(text.strip_prefix('\u{feff}').unwrap_or(text))?;
        let mut rows = rows.into_iter();
        let (_, header) = rows.next().ok_or("the table is empty")?;
        if header.len() < 2 {
            return Err("line 1: the header needs a unit column and at least one rater".into());
        }
        let raters: Vec<String> = header[1..].iter().map(|r| r.trim().to_string()).collect();
        let mut units = Vec::new();
        for (line, row) in rows {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if row.len() > header.len() {
                return Err(format!(
                    "line {line}: {} cells, but the header names {} columns",
                    row.len(),
                    header.len()
                ));
            }
            let mut cells = row.into_iter();
            let name = cells.next().unwrap_or_default();
            let mut labels: Vec<Option<String>> = cells
                .map(|c| Some(c.trim().to_string()).filter(|c| !c.is_empty()))
                .collect();
            labels.resize(raters.len(), None);
            units.push((name, labels));
        }
        Ok(Ratings { raters, units })
    }
}

/// The figures `cogovern agree` prints, one `key=value` per line, `n/a` where undefined.
pub fn report<C: Ord>(values: &[Vec<C>], raters: usize) -> String {
    let figure = |x: Option<f64>| x.map_or("n/a".to_string(), |x| format!("{x:.6}"));
    format!(
        "alpha={}\nkappa={}\nunits={}\nraters={raters}\n",
        figure(alpha_nominal(values)),
        figure(fleiss_kappa(values)),
        values.len()
    )
}
