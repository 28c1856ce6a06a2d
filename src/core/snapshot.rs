//! The autosave text: the workbook in the file's envelope as compact JSON, written a few matrix
//! rows at a time.
//!
//! A country-sized workbook (200 × 200 cells) is megabytes of JSON; written in one go it would
//! hold the browser's only thread for a long frame. A `Snapshot` keeps its place between steps
//! and holds no borrow of the workbook, so the caller can run a step in each idle moment and
//! start again if the workbook changed meanwhile. The finished text is exactly
//! `format::compact`, which `format::import` reads like any file.

use std::collections::BTreeMap;
use std::ops::Bound;

use super::format::compact;
use super::model::{Cell, Id, Workbook};

/// Where each model's cells go in the text written without them.
const HOLE: &str = "\"cells\":{}";

/// An autosave text being written.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The text without the cells, cut at each model's cells (one piece more than models).
    pieces: Vec<String>,
    out: String,
    /// The model being written, and the last subject row written of it.
    model: usize,
    after: Option<Id>,
    /// The current model's `"cells":{` is written.
    open: bool,
}

impl Snapshot {
    /// Starts writing `wb`: everything but the cells, which `step` adds.
    pub fn new(wb: &Workbook) -> Snapshot {
        let mut bare = wb.clone();
        for m in &mut bare.models {
            m.cells = BTreeMap::new();
        }
        let text = compact(&bare);
        // A key "cells" with an empty object can only be a model's cells: user text inside
        // a string has its quotes escaped. Should that ever not hold, write it in one go.
        let pieces: Vec<String> = text.split(HOLE).map(str::to_string).collect();
        let pieces = if pieces.len() == wb.models.len() + 1 {
            pieces
        } else {
            vec![compact(wb)]
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&pieces[0]);
        Snapshot {
            pieces,
            out,
            model: 0,
            after: None,
            open: false,
        }
    }

    /// Writes up to `rows` more subject rows of `wb`, which must be the workbook given to
    /// `new`, unchanged; true when the text is complete.
    pub fn step(&mut self, wb: &Workbook, rows: usize) -> bool {
        let mut left = rows.max(1);
        while self.model + 1 < self.pieces.len() {
            let cells = wb.models.get(self.model).map(|m| &m.cells);
            let after = self.after.clone();
            let start = match &after {
                None => Bound::Unbounded,
                Some(id) => Bound::Excluded(id),
            };
            let mut rest = cells
                .into_iter()
                .flat_map(|c| c.range::<Id, _>((start, Bound::Unbounded)));
            if !self.open {
                self.out.push_str("\"cells\":{");
                self.open = true;
            }
            for (subject, row) in rest.by_ref() {
                if left == 0 {
                    return false;
                }
                if self.after.is_some() {
                    self.out.push(',');
                }
                push_entry(&mut self.out, subject, row);
                self.after = Some(subject.clone());
                left -= 1;
            }
            self.out.push('}');
            self.model += 1;
            self.after = None;
            self.open = false;
            self.out.push_str(&self.pieces[self.model]);
        }
        true
    }

    /// The text written so far.
    pub fn text(&self) -> &str {
        &self.out
    }

    /// The text, once `step` has returned true.
    pub fn finish(self) -> String {
        self.out
    }
}

/// `"subject":{…row…}`, as serde_json writes a map entry.
fn push_entry(out: &mut String, subject: &Id, row: &BTreeMap<Id, Cell>) {
    let key = serde_json::to_string(subject).expect("a string serialises");
    let row = serde_json::to_string(row).expect("a row serialises");
    out.push_str(&key);
    out.push(':');
    out.push_str(&row);
}
