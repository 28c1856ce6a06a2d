//! Undo and redo as stacks of inverse commands, with coalescing of consecutive edits.
//!
//! Time is passed in by the caller (after helix-core's injectable clock), so tests are exact.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};

use super::commands::{text_of, CellEdit, Command, CommandError, EntityKind, MetaField, TextField};
use super::model::{Text, Tier, Workbook};

/// Edits of one field further apart than this start a new undo step.
pub const COALESCE_WINDOW_MS: i64 = 2_000;
/// Default number of undo steps kept.
pub const DEFAULT_LIMIT: usize = 500;

/// What a step did, in language-independent form; the UI turns it into a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// A cell's role was set (or cleared, with `None`).
    SetRole {
        /// Subject name.
        subject: Text,
        /// Object name.
        object: Text,
        /// New role's name.
        role: Option<Text>,
    },
    /// A cell was cleared.
    ClearCell {
        /// Subject name.
        subject: Text,
        /// Object name.
        object: Text,
    },
    /// Another field of a cell changed.
    EditCell {
        /// Subject name.
        subject: Text,
        /// Object name.
        object: Text,
    },
    /// An entity was added.
    Add(EntityKind, Text),
    /// An entity was deleted.
    Delete(EntityKind, Text),
    /// An entity was moved in its list.
    Reorder(EntityKind, Text),
    /// An entity was edited (renamed, described, recoloured ...).
    Edit(EntityKind, Text),
    /// A subject's tier changed.
    SetTier {
        /// Subject name.
        subject: Text,
        /// New tier.
        tier: Tier,
    },
    /// A diagram node moved.
    MoveNode(Text),
    /// A diagram was laid out again.
    Layout,
    /// Model notes changed.
    Notes,
    /// The workbook's title, description or authors changed.
    Meta,
    /// A plan step was added, edited, deleted or moved, with its title.
    Step(StepAction, Text),
    /// A checklist entry of a model changed, with the principle's name.
    Check(Text),
    /// Several changes at once.
    Batch(usize),
    /// Another workbook was opened, with this title.
    Open(String),
    /// Something changed in a workshop round, with the round's name.
    Round(RoundAction, Text),
}

/// What changed in a workshop round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundAction {
    /// A cell of this device's answer.
    Answer,
    /// A reason given in this device's answer.
    Reason,
    /// Dots given to a plan step in this device's answer.
    Vote,
    /// The participant's name.
    Participant,
    /// This device's answer was started or discarded.
    Mine,
    /// Answers were collected.
    Collect,
    /// A collected answer was removed.
    Remove,
    /// A collected answer was left out or counted again.
    Exclude,
    /// A decision on a cell.
    Decide,
}

/// What happened to a plan step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepAction {
    /// Added.
    Add,
    /// Edited.
    Edit,
    /// Deleted.
    Delete,
    /// Moved.
    Move,
}

fn step_title(wb: &Workbook, plan: &str, step: &str) -> Text {
    wb.plan(plan)
        .and_then(|p| p.steps.iter().find(|x| x.id == step))
        .map(|x| x.title.clone())
        .unwrap_or_else(|| Text::new(step, step))
}

fn round_label(wb: &Workbook, action: RoundAction, round: &str) -> Label {
    Label::Round(action, name_of(wb, EntityKind::Round, round))
}

fn name_of(wb: &Workbook, kind: EntityKind, id: &str) -> Text {
    text_of(wb, kind, id, TextField::Name)
        .cloned()
        .unwrap_or_else(|| Text::new(id, id))
}

/// Describes `cmd` as applied to `wb` (call before applying it).
pub fn describe(cmd: &Command, wb: &Workbook) -> Label {
    match cmd {
        Command::Insert { entity, .. } => Label::Add(entity.kind(), entity.name().clone()),
        Command::Remove { kind, id } => Label::Delete(*kind, name_of(wb, *kind, id)),
        Command::Reorder { kind, id, .. } => Label::Reorder(*kind, name_of(wb, *kind, id)),
        Command::Replace(e) => Label::Edit(e.kind(), name_of(wb, e.kind(), e.id())),
        Command::SetText {
            kind,
            id,
            field,
            lang,
            value,
        } => {
            // A rename is described by the new name: the one the user now sees.
            let mut name = name_of(wb, *kind, id);
            if *field == TextField::Name {
                *name.raw_mut(*lang) = value.clone();
            }
            Label::Edit(*kind, name)
        }
        Command::EditCell(at, edit) => {
            let subject = name_of(wb, EntityKind::Subject, &at.subject);
            let object = name_of(wb, EntityKind::Object, &at.object);
            match edit {
                CellEdit::Role(r) => Label::SetRole {
                    subject,
                    object,
                    role: r.as_ref().map(|r| name_of(wb, EntityKind::Role, r)),
                },
                CellEdit::All(None) => Label::ClearCell { subject, object },
                _ => Label::EditCell { subject, object },
            }
        }
        Command::SetTier { subject, tier, .. } => Label::SetTier {
            subject: name_of(wb, EntityKind::Subject, subject),
            tier: tier.unwrap_or(Tier::Absent),
        },
        Command::MoveNode { node, .. } => Label::MoveNode(
            wb.subject(node)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| name_of(wb, EntityKind::Object, node)),
        ),
        Command::SetLayout { .. } => Label::Layout,
        Command::SetModelNotes { .. } => Label::Notes,
        Command::SetMeta(MetaField::Title | MetaField::Description, _) | Command::SetAuthors(_) => {
            Label::Meta
        }
        Command::ReplaceWorkbook(new) => Label::Open(new.meta.title.clone()),
        Command::SetStep { step, .. } => Label::Step(StepAction::Edit, step.title.clone()),
        Command::InsertStep { step, .. } => Label::Step(StepAction::Add, step.title.clone()),
        Command::RemoveStep { plan, step } => {
            Label::Step(StepAction::Delete, step_title(wb, plan, step))
        }
        Command::MoveStep { plan, step, .. } => {
            Label::Step(StepAction::Move, step_title(wb, plan, step))
        }
        Command::SetCheck { principle, .. } => {
            Label::Check(name_of(wb, EntityKind::Principle, principle))
        }
        Command::EditAnswer { round, .. } => round_label(wb, RoundAction::Answer, round),
        Command::SetReason { round, .. } => round_label(wb, RoundAction::Reason, round),
        Command::SetVote { round, .. } => round_label(wb, RoundAction::Vote, round),
        Command::SetParticipant { round, .. } => round_label(wb, RoundAction::Participant, round),
        Command::SetMine { round, .. } => round_label(wb, RoundAction::Mine, round),
        Command::InsertAnswer { round, .. } => round_label(wb, RoundAction::Collect, round),
        Command::RemoveAnswer { round, .. } => round_label(wb, RoundAction::Remove, round),
        Command::SetExcluded { round, .. } => round_label(wb, RoundAction::Exclude, round),
        Command::SetDecision { round, .. } => round_label(wb, RoundAction::Decide, round),
        Command::Batch(cmds)
            if cmds.iter().all(|c| {
                matches!(
                    c,
                    Command::InsertAnswer { .. } | Command::RemoveAnswer { .. }
                )
            }) =>
        {
            match cmds.first() {
                Some(Command::InsertAnswer { round, .. } | Command::RemoveAnswer { round, .. }) => {
                    round_label(wb, RoundAction::Collect, round)
                }
                _ => Label::Batch(0),
            }
        }
        Command::Batch(cmds) if cmds.len() == 1 => describe(&cmds[0], wb),
        Command::Batch(cmds) => Label::Batch(cmds.len()),
    }
}

/// One undo or redo step (a revision, as helix calls it): the command that goes the other way
/// and what the step did.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// What the step did, for "Undo: ..." texts.
    pub label: Label,
    command: Command,
    key: Option<String>,
    at: DateTime<Utc>,
}

/// Linear undo/redo history of one workbook.
///
/// Invariants: applying the commands of `undo` from the newest to the oldest turns the current
/// workbook back into the one the history started from, and `redo` likewise forwards again;
/// any new command clears `redo`; `undo` never holds more than `limit` revisions (the oldest
/// go first); a coalesced run keeps the inverse of its first edit, so one undo returns to
/// before the run.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    undo: VecDeque<Revision>,
    redo: Vec<Revision>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_LIMIT)
    }
}

impl History {
    /// An empty history keeping at most `limit` undo steps.
    pub fn new(limit: usize) -> History {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Applies `cmd` to `wb` and records its inverse. A failing command changes nothing,
    /// not even the redo branch.
    pub fn apply(
        &mut self,
        wb: &mut Workbook,
        cmd: Command,
        now: DateTime<Utc>,
    ) -> Result<(), CommandError> {
        let label = describe(&cmd, wb);
        let key = cmd.coalesce_key();
        let inverse = cmd.apply(wb)?;
        self.redo.clear();
        if let (Some(k), Some(top)) = (&key, self.undo.back_mut()) {
            let close =
                now.signed_duration_since(top.at) <= Duration::milliseconds(COALESCE_WINDOW_MS);
            if top.key.as_ref() == Some(k) && close {
                // Keep the oldest inverse: undo returns to before the first edit of the run.
                top.at = now;
                top.label = label;
                return Ok(());
            }
        }
        self.undo.push_back(Revision {
            label,
            command: inverse,
            key,
            at: now,
        });
        if self.undo.len() > self.limit {
            self.undo.pop_front();
        }
        Ok(())
    }

    /// Ends the current run of coalescing edits (a drag ended, a field lost focus).
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.back_mut() {
            top.key = None;
        }
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, wb: &mut Workbook) -> Option<Result<Label, CommandError>> {
        let step = self.undo.pop_back()?;
        Some(match step.command.clone().apply(wb) {
            Ok(forward) => {
                let label = step.label.clone();
                self.redo.push(Revision {
                    command: forward,
                    key: None,
                    ..step
                });
                Ok(label)
            }
            Err(e) => {
                self.undo.push_back(step);
                Err(e)
            }
        })
    }

    /// Redoes the last undone step; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self, wb: &mut Workbook) -> Option<Result<Label, CommandError>> {
        let step = self.redo.pop()?;
        Some(match step.command.clone().apply(wb) {
            Ok(inverse) => {
                let label = step.label.clone();
                self.undo.push_back(Revision {
                    command: inverse,
                    key: None,
                    ..step
                });
                Ok(label)
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        })
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&Label> {
        self.undo.back().map(|s| &s.label)
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&Label> {
        self.redo.last().map(|s| &s.label)
    }

    /// Number of undo steps.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of redo steps.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}
