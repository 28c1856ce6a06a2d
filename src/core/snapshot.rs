//! The autosave text: the workbook in the file's envelope as compact JSON, written a few rows
//! at a time.
//!
//! A country-sized workbook (200 × 200 cells), or a round with forty answers, is megabytes of
//! JSON; written in one go it would hold the browser's only thread for a long frame. A
//! `Snapshot` keeps its place between steps and holds no borrow of the workbook, so the caller
//! can run a step in each idle moment and start again if the workbook changed meanwhile. The
//! bulk is in two places, written in rows: each model's cells (a row: one subject's cells) and
//! each round's collected answers (a row: one answer, counted as many rows as it has subjects).
//! The finished text is exactly `format::compact`, which `format::import` reads like any file.

use std::collections::BTreeMap;
use std::ops::Bound;

use super::format::compact;
use super::model::{Cell, Collected, Id, Model, Round, Workbook};

/// The one row a model's cells hold while the rest of the text is written. User text cannot
/// produce `{"\u0000…` outside a string, where its quote would be escaped.
const HOLE_ROW: &str = "\u{0}cogovern-hole";
/// A round's answers while the rest is written: only rounds have the key `answers`, and all
/// of them are emptied.
const ANSWERS_HOLE: &str = "\"answers\":[]";

/// A part of the text written in rows.
#[derive(Debug, Clone, Copy)]
enum Hole {
    /// The cells of the model at this index.
    Cells(usize),
    /// The collected answers of the round at this index.
    Answers(usize),
}

/// An autosave text being written.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The text without the holes, cut at each (one piece more than holes).
    pieces: Vec<String>,
    holes: Vec<Hole>,
    out: String,
    /// The hole being written.
    hole: usize,
    /// The last subject row written of the current model.
    after: Option<Id>,
    /// How many answers of the current round are written.
    answers: usize,
    /// The current hole's opening bracket is written.
    open: bool,
}

/// `wb` with every model's cells replaced by the hole row and every round's answers left out.
/// Copied field by field: cloning the whole workbook copied every cell and answer only to drop
/// them again, most of the time a save of a 200 × 200 workbook spent before its first step.
/// (The literals name every field, so a field added to these types fails to compile until it is
/// placed here.)
fn bare(wb: &Workbook) -> Workbook {
    let models = wb.models.iter().map(|m| Model {
        id: m.id.clone(),
        name: m.name.clone(),
        description: m.description.clone(),
        tiers: m.tiers.clone(),
        cells: BTreeMap::from([(HOLE_ROW.to_string(), BTreeMap::new())]),
        layout: m.layout.clone(),
        notes: m.notes.clone(),
        checks: m.checks.clone(),
    });
    let rounds = wb.rounds.iter().map(|r| Round {
        id: r.id.clone(),
        name: r.name.clone(),
        prompt: r.prompt.clone(),
        model: r.model.clone(),
        anonymous: r.anonymous,
        question: r.question.clone(),
        mine: r.mine.clone(),
        answers: Vec::new(),
        decisions: r.decisions.clone(),
    });
    Workbook {
        meta: wb.meta.clone(),
        subjects: wb.subjects.clone(),
        objects: wb.objects.clone(),
        methods: wb.methods.clone(),
        roles: wb.roles.clone(),
        models: models.collect(),
        timeline: wb.timeline.clone(),
        principles: wb.principles.clone(),
        datasets: wb.datasets.clone(),
        plans: wb.plans.clone(),
        rounds: rounds.collect(),
    }
}

/// The text of `wb` with its holes, cut at them; `None` if a marker is not where it must be.
fn cut(wb: &Workbook) -> Option<(Vec<String>, Vec<Hole>)> {
    let text = compact(&bare(wb));
    let cells = format!(
        "\"cells\":{{{}:{{}}}}",
        serde_json::to_string(HOLE_ROW).ok()?
    );
    let holes: Vec<Hole> = (0..wb.models.len())
        .map(Hole::Cells)
        .chain((0..wb.rounds.len()).map(Hole::Answers))
        .collect();
    let mut pieces = Vec::with_capacity(holes.len() + 1);
    let mut rest = text.as_str();
    for hole in &holes {
        let marker = match hole {
            Hole::Cells(_) => cells.as_str(),
            Hole::Answers(_) => ANSWERS_HOLE,
        };
        let at = rest.find(marker)?;
        pieces.push(rest[..at].to_string());
        rest = &rest[at + marker.len()..];
    }
    if rest.contains(&cells) || rest.contains(ANSWERS_HOLE) {
        return None;
    }
    pieces.push(rest.to_string());
    Some((pieces, holes))
}

impl Snapshot {
    /// Starts writing `wb`: everything but the cells and answers, which `step` adds.
    pub fn new(wb: &Workbook) -> Snapshot {
        // Should a marker ever not be found where it must be, the text is written in one go.
        let (pieces, holes) = cut(wb).unwrap_or_else(|| (vec![compact(wb)], vec![]));
        let mut out = String::with_capacity(pieces.iter().map(String::len).sum());
        out.push_str(&pieces[0]);
        Snapshot {
            pieces,
            holes,
            out,
            hole: 0,
            after: None,
            answers: 0,
            open: false,
        }
    }

    /// Writes up to `rows` more rows of `wb`, which must be the workbook given to `new`,
    /// unchanged; true when the text is complete.
    pub fn step(&mut self, wb: &Workbook, rows: usize) -> bool {
        let mut left = rows.max(1);
        while let Some(&hole) = self.holes.get(self.hole) {
            let finished = match hole {
                Hole::Cells(m) => self.cells(wb.models.get(m).map(|m| &m.cells), &mut left),
                Hole::Answers(r) => {
                    self.answers(wb.rounds.get(r).map(|r| &r.answers[..]), &mut left)
                }
            };
            if !finished {
                return false;
            }
            self.hole += 1;
            self.after = None;
            self.answers = 0;
            self.open = false;
            self.out.push_str(&self.pieces[self.hole]);
        }
        true
    }

    /// Writes rows of a model's cells while `left` lasts; true when they are all written.
    fn cells(
        &mut self,
        cells: Option<&BTreeMap<Id, BTreeMap<Id, Cell>>>,
        left: &mut usize,
    ) -> bool {
        if !self.open {
            self.out.push_str("\"cells\":{");
            self.open = true;
        }
        let start = match &self.after {
            None => Bound::Unbounded,
            Some(id) => Bound::Excluded(id.clone()),
        };
        let rest = cells
            .into_iter()
            .flat_map(|c| c.range::<Id, _>((start.clone(), Bound::Unbounded)));
        for (subject, row) in rest {
            if *left == 0 {
                return false;
            }
            if self.after.is_some() {
                self.out.push(',');
            }
            push_entry(&mut self.out, subject, row);
            self.after = Some(subject.clone());
            *left -= 1;
        }
        self.out.push('}');
        true
    }

    /// Writes a round's answers while `left` lasts; true when they are all written.
    fn answers(&mut self, answers: Option<&[Collected]>, left: &mut usize) -> bool {
        if !self.open {
            self.out.push_str("\"answers\":[");
            self.open = true;
        }
        for a in answers.unwrap_or_default().iter().skip(self.answers) {
            if *left == 0 {
                return false;
            }
            if self.answers > 0 {
                self.out.push(',');
            }
            self.out
                .push_str(&serde_json::to_string(a).expect("an answer serialises"));
            self.answers += 1;
            *left = left.saturating_sub(a.answer.cells.len().max(1));
        }
        self.out.push(']');
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
