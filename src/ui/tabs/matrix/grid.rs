//! How the matrix reads the document: one signal per cell and per column, kept up to date by
//! a single effect.
//!
//! The session signal changes on every edit. If each of the N² cells read it, every keystroke
//! would re-run N² computations. Instead one effect per change computes every cell's small
//! `Summary` in plain Rust and writes only the signals whose value changed, so an edit wakes the
//! cell it changes (and its column's warning), and nothing else. Writes still go through
//! `dispatch`; this is only how the matrix reads.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::core::model::{Cell, Id, MethodFamily, Model, Orientation, Workbook};
use crate::ui::session::Ctx;

/// What a cell shows: small and `Copy`, so comparing the old and new value is cheap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Index of the cell's role in the role scale.
    pub role: Option<usize>,
    /// It uses a method of governance by law.
    pub law: bool,
    /// It uses a method of governance by morals.
    pub morals: bool,
    /// Its orientation.
    pub orientation: Option<Orientation>,
}

/// The summary of `cell` in `wb`; an absent cell shows nothing.
pub fn summary(wb: &Workbook, cell: Option<&Cell>) -> Summary {
    let Some(cell) = cell else {
        return Summary::default();
    };
    let family = |f| {
        cell.methods
            .iter()
            .any(|m| wb.method(m).is_some_and(|m| m.family == f))
    };
    Summary {
        role: cell
            .role
            .as_ref()
            .and_then(|r| wb.roles.iter().position(|x| &x.id == r)),
        law: family(MethodFamily::Law),
        morals: family(MethodFamily::Morals),
        orientation: cell.orientation,
    }
}

/// How many subjects carry the main responsibility for each object of `m`.
fn main_counts<'a>(wb: &Workbook, m: &'a Model) -> HashMap<&'a str, usize> {
    let mut out = HashMap::new();
    for (_, object, cell) in m.iter_cells() {
        if cell
            .role
            .as_ref()
            .and_then(|r| wb.role(r))
            .is_some_and(|r| r.main)
        {
            *out.entry(object.as_str()).or_insert(0) += 1;
        }
    }
    out
}

type Signals<K, V> = Arc<Mutex<HashMap<K, ArcRwSignal<V>>>>;

/// Per-cell and per-column signals of the current model; cheap to clone.
#[derive(Clone)]
pub struct Grid {
    cells: Signals<(Id, Id), Summary>,
    mains: Signals<Id, usize>,
}

impl Grid {
    /// Creates the grid and the one effect that keeps it in step with the document.
    pub fn new(c: Ctx) -> Grid {
        let grid = Grid {
            cells: Default::default(),
            mains: Default::default(),
        };
        let g = grid.clone();
        Effect::new(move |_| c.session.with(|s| g.refresh(&s.wb, s.wb.model(&s.model))));
        grid
    }

    /// Writes every summary and count that changed; forgets cells no longer in the workbook.
    fn refresh(&self, wb: &Workbook, m: Option<&Model>) {
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        if cells.len() > wb.subjects.len() * wb.objects.len() {
            let subjects: HashSet<&str> = wb.subjects.iter().map(|x| x.id.as_str()).collect();
            let objects: HashSet<&str> = wb.objects.iter().map(|x| x.id.as_str()).collect();
            cells.retain(|(s, o), _| subjects.contains(s.as_str()) && objects.contains(o.as_str()));
        }
        // Signals are set after the locks are released: setting one may run its subscribers.
        let changed: Vec<(ArcRwSignal<Summary>, Summary)> = cells
            .iter()
            .filter_map(|((s, o), signal)| {
                let now = summary(wb, m.and_then(|m| m.cell(s, o)));
                (signal.get_untracked() != now).then(|| (signal.clone(), now))
            })
            .collect();
        drop(cells);
        let counts = m.map(|m| main_counts(wb, m)).unwrap_or_default();
        let counts_changed: Vec<(ArcRwSignal<usize>, usize)> = self
            .mains
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter_map(|(o, signal)| {
                let now = counts.get(o.as_str()).copied().unwrap_or(0);
                (signal.get_untracked() != now).then(|| (signal.clone(), now))
            })
            .collect();
        for (signal, now) in changed {
            signal.set(now);
        }
        for (signal, now) in counts_changed {
            signal.set(now);
        }
    }

    /// The signal of the cell (subject, object) of the current model.
    pub fn cell(&self, c: Ctx, subject: &str, object: &str) -> ArcRwSignal<Summary> {
        let key = (subject.to_string(), object.to_string());
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        cells
            .entry(key)
            .or_insert_with(|| {
                ArcRwSignal::new(c.session.with_untracked(|s| {
                    summary(
                        &s.wb,
                        s.wb.model(&s.model).and_then(|m| m.cell(subject, object)),
                    )
                }))
            })
            .clone()
    }

    /// The signal of how many main responsibilities `object` has in the current model.
    pub fn mains(&self, c: Ctx, object: &str) -> ArcRwSignal<usize> {
        let mut mains = self.mains.lock().unwrap_or_else(|e| e.into_inner());
        mains
            .entry(object.to_string())
            .or_insert_with(|| {
                ArcRwSignal::new(c.session.with_untracked(|s| {
                    s.wb.model(&s.model)
                        .and_then(|m| main_counts(&s.wb, m).get(object).copied())
                        .unwrap_or(0)
                }))
            })
            .clone()
    }
}
