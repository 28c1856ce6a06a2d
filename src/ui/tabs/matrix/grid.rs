//! How the matrix reads the document: one signal per cell, kept up to date by a single effect.
//!
//! The session signal changes on every edit. If each of the N² cells read it, every keystroke
//! would re-run N² computations. Instead one effect per change computes the small `Summary` of
//! every cell drawn (the grid is virtual: only those on screen have a signal; after a cell edit,
//! of the cells edited alone) in plain Rust and writes only the signals whose value changed,
//! so an edit wakes the cell it changes, and nothing else. Writes still go through `dispatch`; this is only how the matrix reads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::core::commands::CellRef;
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

/// Each drawn cell's signal, with how many cells on the page use it (a row moved between
/// tiers is drawn anew before the old one is dropped).
type Signals = Arc<Mutex<HashMap<(Id, Id), (ArcRwSignal<Summary>, usize)>>>;

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
        // After a cell edit, only the cells edited are looked at again.
        Effect::new(move |prev: Option<(u64, Id)>| {
            c.session.with(|s| {
                let only = prev.as_ref().and_then(|mark| s.cells_since(mark));
                g.refresh(&s.wb, s.wb.model(&s.model), only);
                s.mark()
            })
        });
        grid
    }

    /// Writes every summary that changed; with `only`, looks at those cells alone.
    fn refresh<'a>(
        &self,
        wb: &Workbook,
        m: Option<&Model>,
        only: Option<impl Iterator<Item = &'a CellRef>>,
    ) {
        let cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        let now = |(s, o): &(Id, Id), signal: &ArcRwSignal<Summary>| {
            let now = summary(wb, m.and_then(|m| m.cell(s, o)));
            (signal.get_untracked() != now).then(|| (signal.clone(), now))
        };
        let changed: Vec<(ArcRwSignal<Summary>, Summary)> = match only {
            Some(list) => list
                .filter_map(|x| {
                    let key = (x.subject.clone(), x.object.clone());
                    cells.get(&key).and_then(|(signal, _)| now(&key, signal))
                })
                .collect(),
            None => cells
                .iter()
                .filter_map(|(key, (signal, _))| now(key, signal))
                .collect(),
        };
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
        let entry = cells.entry(key).or_insert_with(|| {
            let now = c.session.with_untracked(|s| {
                summary(
                    &s.wb,
                    s.wb.model(&s.model).and_then(|m| m.cell(subject, object)),
                )
            });
            (ArcRwSignal::new(now), 0)
        });
        entry.1 += 1;
        entry.0.clone()
    }

    /// A cell left the page: its signal goes when no other drawn cell uses it, so the effect
    /// only ever updates what is on screen.
    pub fn release(&self, subject: &str, object: &str) {
        let key = (subject.to_string(), object.to_string());
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = cells.get_mut(&key) {
            entry.1 -= 1;
            if entry.1 == 0 {
                cells.remove(&key);
            }
        }
    }
}
