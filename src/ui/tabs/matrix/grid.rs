//! How the matrix reads the document: one signal per cell, kept up to date by a single effect.
//!
//! The session signal changes on every edit. If each of the N² cells read it, every keystroke
//! would re-run N² computations. Instead one effect per change computes every cell's small
//! `Summary` in plain Rust and writes only the signals whose value changed, so an edit wakes the
//! cell it changes, and nothing else. Writes still go through
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

type Signals = Arc<Mutex<HashMap<(Id, Id), ArcRwSignal<Summary>>>>;

/// Per-cell signals of the current model; cheap to clone.
#[derive(Clone)]
pub struct Grid {
    cells: Signals,
}

impl Grid {
    /// Creates the grid and the one effect that keeps it in step with the document.
    pub fn new(c: Ctx) -> Grid {
        let grid = Grid {
            cells: Default::default(),
        };
        let g = grid.clone();
        Effect::new(move |_| c.session.with(|s| g.refresh(&s.wb, s.wb.model(&s.model))));
        grid
    }

    /// Writes every summary that changed; forgets cells no longer in the workbook.
    fn refresh(&self, wb: &Workbook, m: Option<&Model>) {
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        if cells.len() > wb.subjects.len() * wb.objects.len() {
            let subjects: HashSet<&str> = wb.subjects.iter().map(|x| x.id.as_str()).collect();
            let objects: HashSet<&str> = wb.objects.iter().map(|x| x.id.as_str()).collect();
            cells.retain(|(s, o), _| subjects.contains(s.as_str()) && objects.contains(o.as_str()));
        }
        let changed: Vec<(ArcRwSignal<Summary>, Summary)> = cells
            .iter()
            .filter_map(|((s, o), signal)| {
                let now = summary(wb, m.and_then(|m| m.cell(s, o)));
                (signal.get_untracked() != now).then(|| (signal.clone(), now))
            })
            .collect();
        // Set after the lock is released: setting a signal may run its subscribers.
        drop(cells);
        for (signal, now) in changed {
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
}
