//! Actions that more than one tab offers, composed from the core and sent through `dispatch`.

use leptos::prelude::*;

use crate::core::commands::{Command, Entity};
use crate::core::model::{Id, Round};
use crate::core::plan::generate;
use crate::core::workshop::collect;
use crate::ui::session::{Ctx, View};

/// Generates the transition plan from model `from` to model `to` and adds it to the workbook
/// (one undo step); the new plan's id, or `None` if a model is missing or the plan was refused.
pub fn make_plan(c: &Ctx, from: &str, to: &str) -> Option<Id> {
    let (plan, index) = c.session.with_untracked(|s| {
        let (a, b) = (s.wb.model(from)?, s.wb.model(to)?);
        Some((
            generate(&s.wb, &s.wb.fresh_id("plan"), a, b),
            s.wb.plans.len(),
        ))
    })?;
    let id = plan.id.clone();
    c.dispatch(Command::Insert {
        index,
        entity: Entity::Plan(plan),
        refs: Default::default(),
    })
    .ok()?;
    Some(id)
}

/// A token for ids made on this device that must not clash with ids made on others (rounds
/// and answers travel between workbooks): 10 base-36 digits from the browser's random source.
pub fn token() -> String {
    let mut n = (js_sys::Math::random() * 36f64.powi(10)) as u64;
    let mut s = String::new();
    for _ in 0..10 {
        s.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
    }
    s
}

/// Offers `files` to round `round`: one undo step for whatever they add, and a report line
/// per file, shown in the Workshop tab (which this opens on the round).
pub fn collect_answers(c: &Ctx, round: &str, files: &[(String, Vec<u8>)]) {
    let Some(collection) = c
        .session
        .with_untracked(|s| s.wb.round(round).map(|r| collect(r, files)))
    else {
        return;
    };
    if !collection.commands.is_empty() {
        let _ = c.dispatch(Command::Batch(collection.commands));
    }
    c.report.set(Some((round.to_string(), collection.report)));
    show_round(c, round);
}

/// Adds a round opened from a round file (or shows it, when the workbook has it already) and
/// opens the Workshop tab on it.
pub fn add_round(c: &Ctx, round: Round) {
    let known = c
        .session
        .with_untracked(|s| s.wb.round(&round.id).is_some());
    let id = round.id.clone();
    // A participant's copy (no source model) is opened to be answered.
    let answering = round.model.is_none();
    if !known {
        let index = c.session.with_untracked(|s| s.wb.rounds.len());
        let cmd = Command::Insert {
            index,
            entity: Entity::Round(round),
            refs: Default::default(),
        };
        if c.dispatch(cmd).is_err() {
            return;
        }
    }
    if answering {
        c.to_answer.set(Some(id.clone()));
    }
    show_round(c, &id);
}

/// Opens the Workshop tab on round `id`, touching only what changes (setting the view again
/// would draw the whole tab anew).
fn show_round(c: &Ctx, id: &str) {
    if c.round.with_untracked(|r| r.as_deref() != Some(id)) {
        c.round.set(Some(id.to_string()));
    }
    if c.view.get_untracked() != View::Workshop {
        c.view.set(View::Workshop);
    }
}
