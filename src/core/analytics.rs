//! Metrics of one model, each tied to the disadvantage of the traditional model it addresses.
//!
//! Why the synergetic preset scores better than the traditional one:
//! - **participation**: Party committees, associations and netizens all hold a role, where the
//!   traditional model leaves netizens and Party committees out ("lack of sufficient
//!   opportunities for the people to participate");
//! - **concentration**: weighted responsibility is spread over five subjects instead of resting
//!   mostly on governments, the "firemen" of the traditional model (lower Herfindahl index);
//! - **supervision**: netizens supervise where governments hold the main responsibility, which
//!   answers the information asymmetry behind opportunistic behaviour;
//! - **rights balance**: cells aim at rights protection as well as order, where the traditional
//!   model lays "more emphasis on regulation but less on rights protection".

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::*;

/// Which metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MetricId {
    /// Share of subjects holding any role.
    Participation,
    /// Herfindahl index of weighted responsibility (lower is more shared).
    Concentration,
    /// Governments' share of weighted responsibility.
    GovernmentShare,
    /// Share of objects with exactly one main responsibility.
    Accountability,
    /// Mean number of participating subjects per object.
    Synergy,
    /// Share of main responsibilities watched by another subject.
    Supervision,
    /// Share of method uses that are governance by morals.
    LawMorals,
    /// Share of oriented cells that protect rights.
    OrderRights,
}

impl MetricId {
    /// All metrics, in display order.
    pub const ALL: [MetricId; 8] = [
        MetricId::Participation,
        MetricId::Concentration,
        MetricId::GovernmentShare,
        MetricId::Accountability,
        MetricId::Synergy,
        MetricId::Supervision,
        MetricId::LawMorals,
        MetricId::OrderRights,
    ];

    /// The largest value the metric can take in a workbook with `subjects` subjects (the end of
    /// its scale in a chart).
    pub fn scale(self, subjects: usize) -> f64 {
        match self {
            MetricId::Synergy => subjects.max(1) as f64,
            _ => 1.0,
        }
    }

    /// Id of the paper's disadvantage (a preset `Principle`) the metric addresses.
    pub fn addresses(self) -> &'static str {
        match self {
            MetricId::Participation
            | MetricId::Concentration
            | MetricId::GovernmentShare
            | MetricId::Synergy => "dis-imbalance",
            MetricId::Accountability | MetricId::Supervision => "dis-opportunism",
            MetricId::LawMorals => "dis-opinion",
            MetricId::OrderRights => "dis-regulation",
        }
    }
}

/// How a value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Within the target band.
    Good,
    /// Near it.
    Fair,
    /// Far from it.
    Poor,
}

/// A closed interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Band {
    fn contains(self, x: f64) -> bool {
        x >= self.lo - 1e-9 && x <= self.hi + 1e-9
    }
    /// Distance from `x` to the band, 0 inside.
    pub fn distance(self, x: f64) -> f64 {
        if x < self.lo {
            self.lo - x
        } else if x > self.hi {
            x - self.hi
        } else {
            0.0
        }
    }
}

/// One measured metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Which metric.
    pub id: MetricId,
    /// The value.
    pub value: f64,
    /// Where it should be.
    pub target: Band,
    /// Good, fair or poor.
    pub status: Status,
    /// Ids the metric flags (objects without a single main responsibility, unwatched cells ...).
    pub flagged: Vec<Id>,
}

fn metric(id: MetricId, value: f64, target: Band, fair: Band, flagged: Vec<Id>) -> Metric {
    let status = if target.contains(value) {
        Status::Good
    } else if fair.contains(value) {
        Status::Fair
    } else {
        Status::Poor
    };
    Metric {
        id,
        value,
        target,
        status,
        flagged,
    }
}

fn band(lo: f64, hi: f64) -> Band {
    Band { lo, hi }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Cells of `model` that hold a role known to the workbook, with that role.
fn roled<'a>(
    wb: &'a Workbook,
    model: &'a Model,
) -> impl Iterator<Item = (&'a Id, &'a Id, &'a Cell, &'a Role)> {
    model.iter_cells().filter_map(move |(s, o, c)| {
        c.role
            .as_ref()
            .and_then(|r| wb.role(r))
            .map(|r| (s, o, c, r))
    })
}

/// How many subjects carry the main responsibility for each object of `model`; objects with
/// none are absent. Accountability asks for exactly one (the metric and the matrix's column
/// warnings).
pub fn mains_per_object<'a>(wb: &'a Workbook, model: &'a Model) -> HashMap<&'a Id, usize> {
    let main = main_roles(wb);
    let mut out = HashMap::new();
    for (_, o, c) in model.iter_cells() {
        if is_main(&main, c) {
            *out.entry(o).or_insert(0) += 1;
        }
    }
    out
}

/// How many subjects carry the main responsibility for `object` in `model`: one column of
/// [`mains_per_object`], for a matrix that shows a few columns of a large model and counts
/// again on every edit (a look-up per subject, not a pass over every cell).
pub fn mains_of(wb: &Workbook, model: &Model, object: &str) -> usize {
    let main = main_roles(wb);
    if main.is_empty() {
        return 0;
    }
    model
        .cells
        .values()
        .filter_map(|row| row.get(object))
        .filter(|c| is_main(&main, c))
        .count()
}

/// The ids of the roles that carry the main responsibility.
fn main_roles(wb: &Workbook) -> Vec<&Id> {
    wb.roles.iter().filter(|r| r.main).map(|r| &r.id).collect()
}

fn is_main(main: &[&Id], cell: &Cell) -> bool {
    cell.role.as_ref().is_some_and(|r| main.contains(&r))
}

/// Every metric of `model`.
pub fn analyse(wb: &Workbook, model: &Model) -> Vec<Metric> {
    let n_subjects = wb.subjects.len();
    let n_objects = wb.objects.len();

    let participants: HashSet<&Id> = roled(wb, model).map(|(s, ..)| s).collect();
    let participation = ratio(participants.len(), n_subjects);

    let mut weights: BTreeMap<&Id, f64> = BTreeMap::new();
    for (s, _, _, r) in roled(wb, model) {
        *weights.entry(s).or_default() += r.weight.max(0.0);
    }
    let total: f64 = weights.values().sum();
    let hhi = if total > 0.0 {
        weights.values().map(|w| (w / total).powi(2)).sum()
    } else {
        1.0
    };
    let gov: f64 = weights
        .iter()
        .filter(|(s, _)| {
            wb.subject(s)
                .is_some_and(|x| x.kind == SubjectKind::Government)
        })
        .map(|(_, w)| w)
        .sum();
    let gov_share = if total > 0.0 { gov / total } else { 0.0 };

    let mains = mains_per_object(wb, model);
    let mut supervised: HashSet<&Id> = HashSet::new();
    let mut per_object: BTreeMap<&Id, HashSet<&Id>> = BTreeMap::new();
    for (s, o, _, r) in roled(wb, model) {
        if r.supervision {
            supervised.insert(o);
        }
        per_object.entry(o).or_default().insert(s);
    }
    let unaccountable: Vec<Id> = wb
        .objects
        .iter()
        .filter(|o| mains.get(&o.id).copied().unwrap_or(0) != 1)
        .map(|o| o.id.clone())
        .collect();
    let accountability = ratio(n_objects - unaccountable.len(), n_objects);

    let synergy = if n_objects == 0 {
        0.0
    } else {
        wb.objects
            .iter()
            .map(|o| per_object.get(&o.id).map_or(0, HashSet::len))
            .sum::<usize>() as f64
            / n_objects as f64
    };

    // A main responsibility is watched when another subject supervises the same object.
    let mut main_cells = 0;
    let mut unwatched = Vec::new();
    for (s, o, _, r) in roled(wb, model) {
        if r.main {
            main_cells += 1;
            let watched = supervised.contains(o)
                && roled(wb, model).any(|(s2, o2, _, r2)| o2 == o && s2 != s && r2.supervision);
            if !watched {
                unwatched.push(format!("{s}/{o}"));
            }
        }
    }
    let supervision = ratio(main_cells - unwatched.len(), main_cells);

    let (mut law, mut morals) = (0, 0);
    for (_, _, c) in model.iter_cells() {
        for m in c.methods.iter().filter_map(|m| wb.method(m)) {
            match m.family {
                MethodFamily::Law => law += 1,
                MethodFamily::Morals => morals += 1,
            }
        }
    }
    let (mut oriented, mut rights) = (0, 0);
    for (_, _, c) in model.iter_cells() {
        if let Some(o) = c.orientation {
            oriented += 1;
            if matches!(o, Orientation::Rights | Orientation::Both) {
                rights += 1;
            }
        }
    }
    let max_syn = n_subjects.max(1) as f64;
    vec![
        metric(
            MetricId::Participation,
            participation,
            band(0.8, 1.0),
            band(0.5, 1.0),
            vec![],
        ),
        metric(
            MetricId::Concentration,
            hhi,
            band(0.0, 0.3),
            band(0.0, 0.45),
            vec![],
        ),
        metric(
            MetricId::GovernmentShare,
            gov_share,
            band(0.2, 0.5),
            band(0.1, 0.6),
            vec![],
        ),
        metric(
            MetricId::Accountability,
            accountability,
            band(1.0, 1.0),
            band(0.66, 1.0),
            unaccountable,
        ),
        metric(
            MetricId::Synergy,
            synergy,
            band(3.0f64.min(max_syn), max_syn),
            band(2.0f64.min(max_syn), max_syn),
            vec![],
        ),
        metric(
            MetricId::Supervision,
            supervision,
            band(0.66, 1.0),
            band(0.33, 1.0),
            unwatched,
        ),
        metric(
            MetricId::LawMorals,
            ratio(morals, law + morals),
            band(0.3, 0.7),
            band(0.15, 0.85),
            vec![],
        ),
        metric(
            MetricId::OrderRights,
            ratio(rights, oriented),
            band(0.5, 1.0),
            band(0.25, 1.0),
            vec![],
        ),
    ]
}

/// True when `after` is closer to the target than `before` (or equally close with a better status).
pub fn improved(before: &Metric, after: &Metric) -> bool {
    after.target.distance(after.value) + 1e-12 < before.target.distance(before.value)
}

/// What the data says about a design requirement or characteristic of the new model.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// True when every metric it rests on is within its target band (and, for the leadership
    /// of Party committees, a subject of the leadership tier holds a leadership role).
    pub met: bool,
    /// The metrics it rests on.
    pub metrics: Vec<MetricId>,
}

/// Measures the paper's requirement or characteristic `principle` in `model`, given the
/// model's `metrics`; `None` for principles the data cannot tell (a group ticks those by hand).
pub fn measure(
    wb: &Workbook,
    model: &Model,
    metrics: &[Metric],
    principle: &str,
) -> Option<Measured> {
    use MetricId::*;
    let on: &[MetricId] = match principle {
        "req-multiple" => &[Participation],
        "req-synergy" => &[Synergy],
        "req-people" => &[OrderRights],
        "char-party" => &[],
        "char-balance" => &[OrderRights, LawMorals],
        "char-collab" => &[Concentration, Supervision],
        _ => return None,
    };
    let good = |id: &MetricId| {
        metrics
            .iter()
            .any(|m| m.id == *id && m.status == Status::Good)
    };
    let leadership =
        || roled(wb, model).any(|(s, _, _, r)| r.leadership && model.tier(s) == Tier::Leadership);
    let met = on.iter().all(good) && (principle != "char-party" || leadership());
    Some(Measured {
        met,
        metrics: on.to_vec(),
    })
}
