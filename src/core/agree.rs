//! Inter-rater agreement: Krippendorff's alpha (nominal) and Fleiss' kappa.
//!
//! A *unit* is one thing rated (a matrix cell); its values are the categories the raters who
//! answered gave it, in any order (missing answers are simply absent). Both statistics only need
//! the values per unit, so raters need no identity here. Categories are any `Ord` value.

use std::collections::BTreeMap;

/// Each unit's values as counts per category: the categories numbered in order of first
/// appearance, every unit's counts as long as the number of categories.
fn dense<C: Ord>(units: &[Vec<C>]) -> Vec<Vec<u32>> {
    let mut index: BTreeMap<&C, usize> = BTreeMap::new();
    for v in units.iter().flatten() {
        let next = index.len();
        index.entry(v).or_insert(next);
    }
    units
        .iter()
        .map(|values| {
            let mut counts = vec![0; index.len()];
            for v in values {
                counts[index[v]] += 1;
            }
            counts
        })
        .collect()
}

/// Krippendorff's alpha for nominal data, with missing values.
///
/// Units with fewer than two values are dropped (they cannot be paired). `None` ("n/a") when no
/// unit has two values, or when only one category occurs, so the expected disagreement is zero.
/// Computed from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
/// alpha-reliability"): alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
pub fn alpha_nominal<C: Ord>(units: &[Vec<C>]) -> Option<f64> {
    alpha_of_counts(dense(units).iter().map(Vec::as_slice))
}

/// Krippendorff's alpha (nominal) from each unit's counts per category, as `alpha_nominal`.
/// A unit's slice may be shorter than another's: the categories it lacks count zero.
pub fn alpha_of_counts<'a>(units: impl IntoIterator<Item = &'a [u32]>) -> Option<f64> {
    // Per category: n_c (its total coincidences); and the observed disagreement sum.
    let mut totals: Vec<f64> = Vec::new();
    let mut observed = 0.0;
    for counts in units {
        let m: u32 = counts.iter().sum();
        if m < 2 {
            continue;
        }
        let m = f64::from(m);
        // Pairs of different values within the unit: m^2 - sum of squared counts, weighted
        // 1 / (m - 1) as every value pairs with the m - 1 others.
        let same: f64 = counts.iter().map(|&c| f64::from(c * c)).sum();
        observed += (m * m - same) / (m - 1.0);
        if totals.len() < counts.len() {
            totals.resize(counts.len(), 0.0);
        }
        for (t, &k) in totals.iter_mut().zip(counts) {
            *t += f64::from(k);
        }
    }
    let n: f64 = totals.iter().sum();
    let squares: f64 = totals.iter().map(|c| c * c).sum();
    let expected = n * n - squares;
    (n > 0.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

/// Fleiss' kappa. `None` ("n/a") unless every unit has the same number of values, at least
/// two, and the categories are not all one (the chance agreement would then be 1).
pub fn fleiss_kappa<C: Ord>(units: &[Vec<C>]) -> Option<f64> {
    kappa_of_counts(dense(units).iter().map(Vec::as_slice))
}

/// Fleiss' kappa from each unit's counts per category, as `fleiss_kappa`.
pub fn kappa_of_counts<'a>(units: impl IntoIterator<Item = &'a [u32]>) -> Option<f64> {
    let mut raters = None;
    let mut category_totals: Vec<f64> = Vec::new();
    let (mut agreement, mut count) = (0.0, 0usize);
    for counts in units {
        let n: u32 = counts.iter().sum();
        if *raters.get_or_insert(n) != n || n < 2 {
            return None;
        }
        let r = f64::from(n);
        let squares: f64 = counts.iter().map(|&c| f64::from(c * c)).sum();
        agreement += (squares - r) / (r * (r - 1.0));
        if category_totals.len() < counts.len() {
            category_totals.resize(counts.len(), 0.0);
        }
        for (t, &k) in category_totals.iter_mut().zip(counts) {
            *t += f64::from(k);
        }
        count += 1;
    }
    let total = f64::from(raters?) * count as f64;
    let mean = agreement / count as f64;
    let chance: f64 = category_totals.iter().map(|c| (c / total).powi(2)).sum();
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
