//! Helpers shared by the native test files (each `tests/*.rs` is its own crate).
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use cogovern::core::analytics::{analyse, MetricId};
use cogovern::core::commands::CellRef;
use cogovern::core::model::Workbook;
use cogovern::core::plan::Words;
use cogovern::core::presets;

/// The fixed time of the examples.
pub fn t0() -> DateTime<Utc> {
    presets::example_time()
}

/// The paper's workbook.
pub fn paper() -> Workbook {
    presets::paper(t0())
}

/// A cell of `model`.
pub fn at(model: &str, s: &str, o: &str) -> CellRef {
    CellRef::new(model, s, o)
}

/// The value of metric `id` of `model`.
pub fn metric(wb: &Workbook, model: &str, id: MetricId) -> f64 {
    analyse(wb, wb.model(model).unwrap())
        .into_iter()
        .find(|m| m.id == id)
        .unwrap()
        .value
}

/// The words of plan exports, in English.
pub fn plan_words() -> Words {
    let s = |x: &str| x.to_string();
    Words {
        from_to: s("From {from} to {to}"),
        general: s("General"),
        columns: [
            "Step",
            "Subject",
            "Owner",
            "Priority",
            "Target date",
            "Status",
            "Notes",
        ]
        .map(s),
        priorities: ["high", "medium", "low"].map(s),
        statuses: ["planned", "in progress", "done", "blocked"].map(s),
        unset: s("—"),
    }
}
