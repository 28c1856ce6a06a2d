//! Adding the models of another workbook (a share link, a colleague's file) to this one.

use crate::core::commands::{ids, Command, CommandError, Entity, Refs};
use crate::core::model::{Id, Workbook};

/// The commands that add another workbook's models, and what they add.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// Inserts, in order: first what the models name and this workbook lacks, then the models.
    pub commands: Vec<Command>,
    /// The added models' ids here (a model whose id is taken gets a fresh one).
    pub models: Vec<Id>,
    /// How many subjects, objects, methods, roles and principles were added for them.
    pub catalog: usize,
}

/// The items of `items` that `known` does not find, as entities.
fn missing<'a, T: Clone>(
    items: &'a [T],
    known: impl Fn(&T) -> bool + 'a,
    entity: fn(T) -> Entity,
) -> impl Iterator<Item = Entity> + 'a {
    items
        .iter()
        .filter(move |x| !known(x))
        .map(move |x| entity(x.clone()))
}

/// Adds every model of `incoming` to `current`. Subjects, objects, methods, roles and
/// principles are matched by id, as files made from the same presets share them; what
/// `current` lacks is added first. `current` itself is not changed: the caller dispatches
/// the commands (one undo step as a batch).
pub fn add_models(current: &Workbook, incoming: &Workbook) -> Result<Merge, CommandError> {
    let mut wb = current.clone();
    let mut commands = Vec::new();
    let mut insert = |wb: &mut Workbook, entity: Entity| -> Result<(), CommandError> {
        let cmd = Command::Insert {
            index: ids(wb, entity.kind()).len(),
            entity,
            refs: Refs::default(),
        };
        cmd.clone().apply(wb)?;
        commands.push(cmd);
        Ok(())
    };
    let mut catalog = 0;
    let lacking = missing(
        &incoming.subjects,
        |x| current.subject(&x.id).is_some(),
        Entity::Subject,
    )
    .chain(missing(
        &incoming.objects,
        |x| current.object(&x.id).is_some(),
        Entity::Object,
    ))
    .chain(missing(
        &incoming.methods,
        |x| current.method(&x.id).is_some(),
        Entity::Method,
    ))
    .chain(missing(
        &incoming.roles,
        |x| current.role(&x.id).is_some(),
        Entity::Role,
    ))
    .chain(missing(
        &incoming.principles,
        |x| current.principles.iter().any(|p| p.id == x.id),
        Entity::Principle,
    ));
    for entity in lacking {
        insert(&mut wb, entity)?;
        catalog += 1;
    }
    let mut models = Vec::new();
    for model in &incoming.models {
        let mut model = model.clone();
        if wb.all_ids().any(|id| *id == model.id) {
            model.id = wb.fresh_id(&model.id);
        }
        models.push(model.id.clone());
        insert(&mut wb, Entity::Model(model))?;
    }
    Ok(Merge {
        commands,
        models,
        catalog,
    })
}
