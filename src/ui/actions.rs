//! Actions that more than one tab offers, composed from the core and sent through `dispatch`.

use leptos::prelude::*;

use crate::core::commands::{Command, Entity};
use crate::core::model::Id;
use crate::core::plan::generate;
use crate::ui::session::Ctx;

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
