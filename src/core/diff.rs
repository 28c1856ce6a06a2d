//! What changes from one model to another: cells, tiers and metrics.

use super::analytics::{analyse, improved, MetricId};
use super::model::*;

/// A field of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellField {
    /// The role.
    Role,
    /// The methods.
    Methods,
    /// The orientation.
    Orientation,
    /// The statements.
    Statements,
    /// The note.
    Note,
    /// The source.
    Source,
}

/// How one cell differs.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Only in the second model.
    Added(Cell),
    /// Only in the first model.
    Removed(Cell),
    /// In both, with these fields different.
    Changed {
        /// Fields that differ.
        fields: Vec<CellField>,
        /// The cell in the first model.
        before: Cell,
        /// The cell in the second model.
        after: Cell,
    },
}

/// A cell change with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct CellChange {
    /// Subject id.
    pub subject: Id,
    /// Object id.
    pub object: Id,
    /// What changed.
    pub change: Change,
}

/// A subject whose tier differs.
#[derive(Debug, Clone, PartialEq)]
pub struct TierChange {
    /// Subject id.
    pub subject: Id,
    /// Tier in the first model.
    pub before: Tier,
    /// Tier in the second model.
    pub after: Tier,
}

/// A metric in both models.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricDelta {
    /// Which metric.
    pub id: MetricId,
    /// Value in the first model.
    pub before: f64,
    /// Value in the second model.
    pub after: f64,
    /// True when the second model is closer to the target.
    pub improved: bool,
}

/// The difference between two models of one workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelDiff {
    /// Cell changes, in subject then object order.
    pub cells: Vec<CellChange>,
    /// Tier changes, in subject order.
    pub tiers: Vec<TierChange>,
    /// Every metric with its delta.
    pub metrics: Vec<MetricDelta>,
}

fn changed_fields(a: &Cell, b: &Cell) -> Vec<CellField> {
    let mut f = Vec::new();
    let mut check = |same: bool, field| {
        if !same {
            f.push(field);
        }
    };
    check(a.role == b.role, CellField::Role);
    check(a.methods == b.methods, CellField::Methods);
    check(a.orientation == b.orientation, CellField::Orientation);
    check(a.statements == b.statements, CellField::Statements);
    check(a.note == b.note, CellField::Note);
    check(a.source == b.source, CellField::Source);
    f
}

/// The difference from model `a` to model `b`.
pub fn diff(wb: &Workbook, a: &Model, b: &Model) -> ModelDiff {
    let mut cells = Vec::new();
    for s in &wb.subjects {
        for o in &wb.objects {
            let change = match (a.cell(&s.id, &o.id), b.cell(&s.id, &o.id)) {
                (None, Some(c)) => Change::Added(c.clone()),
                (Some(c), None) => Change::Removed(c.clone()),
                (Some(x), Some(y)) if x != y => Change::Changed {
                    fields: changed_fields(x, y),
                    before: x.clone(),
                    after: y.clone(),
                },
                _ => continue,
            };
            cells.push(CellChange {
                subject: s.id.clone(),
                object: o.id.clone(),
                change,
            });
        }
    }
    let tiers = wb
        .subjects
        .iter()
        .filter(|s| a.tier(&s.id) != b.tier(&s.id))
        .map(|s| TierChange {
            subject: s.id.clone(),
            before: a.tier(&s.id),
            after: b.tier(&s.id),
        })
        .collect();
    let metrics = analyse(wb, a)
        .iter()
        .zip(analyse(wb, b).iter())
        .map(|(x, y)| MetricDelta {
            id: x.id,
            before: x.value,
            after: y.value,
            improved: improved(x, y),
        })
        .collect();
    ModelDiff {
        cells,
        tiers,
        metrics,
    }
}
