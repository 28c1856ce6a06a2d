//! Every edit is a `Command` value. Applying one returns its inverse, so history is a list of
//! inverses (after helix-core's `history.rs`), and nothing else mutates a workbook.

use std::collections::BTreeMap;
use std::fmt;

use super::model::*;

/// Largest number of subjects or objects in a workbook.
pub const MAX_AXIS: usize = 500;
/// Largest number of models in a workbook.
pub const MAX_MODELS: usize = 20;
/// Largest number of methods, roles, stages, principles, datasets or plans.
pub const MAX_OTHER: usize = 200;
/// Largest number of steps in one plan.
pub const MAX_STEPS: usize = 5_000;
/// Largest number of answers collected in one round.
pub const MAX_ANSWERS: usize = 1_000;

/// Which way an item moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

impl Direction {
    /// The position next to `at` this way in a list of `len` items, if there is one.
    pub fn next(self, at: usize, len: usize) -> Option<usize> {
        match self {
            Direction::Up => at.checked_sub(1),
            Direction::Down => (at + 1 < len).then_some(at + 1),
        }
    }
}

/// The kinds of entity a workbook lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A governance subject.
    Subject,
    /// A governance object.
    Object,
    /// A governance method.
    Method,
    /// A step of the role scale.
    Role,
    /// A model.
    Model,
    /// A stage of the timeline.
    Stage,
    /// A disadvantage, requirement or characteristic.
    Principle,
    /// A data series.
    Dataset,
    /// A transition plan.
    Plan,
    /// A workshop round.
    Round,
}

impl EntityKind {
    /// Largest number of entities of this kind.
    pub fn limit(self) -> usize {
        match self {
            EntityKind::Subject | EntityKind::Object => MAX_AXIS,
            EntityKind::Model => MAX_MODELS,
            _ => MAX_OTHER,
        }
    }
}

/// One entity of any kind, owned.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
// A round is the largest; an entity lives in a command or the history for a moment, so the
// space matters less than the plain, macro-built access to every variant.
#[allow(clippy::large_enum_variant)]
pub enum Entity {
    Subject(Subject),
    Object(Object),
    Method(Method),
    Role(Role),
    Model(Model),
    Stage(Stage),
    Principle(Principle),
    Dataset(Dataset),
    Plan(Plan),
    Round(Round),
}

/// The text fields every entity kind has in some form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// Name (a role's label).
    Name,
    /// Description (a role's badge letter; a dataset's name again).
    Description,
}

/// Access shared by every entity kind.
pub trait Item: Clone {
    /// Its kind.
    const KIND: EntityKind;
    /// Its id.
    fn id(&self) -> &str;
    /// A text field.
    fn text_mut(&mut self, field: TextField) -> &mut Text;
    /// A text field, read only.
    fn text(&self, field: TextField) -> &Text;
    /// Its name.
    fn name(&self) -> &Text;
    /// Wraps it as an `Entity`.
    fn wrap(self) -> Entity;
    /// Unwraps an `Entity` of this kind.
    fn unwrap(e: Entity) -> Option<Self>;
}

macro_rules! item {
    ($ty:ident, $kind:ident, $name:ident, $desc:ident) => {
        impl Item for $ty {
            const KIND: EntityKind = EntityKind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn text_mut(&mut self, field: TextField) -> &mut Text {
                match field {
                    TextField::Name => &mut self.$name,
                    TextField::Description => &mut self.$desc,
                }
            }
            fn text(&self, field: TextField) -> &Text {
                match field {
                    TextField::Name => &self.$name,
                    TextField::Description => &self.$desc,
                }
            }
            fn name(&self) -> &Text {
                &self.$name
            }
            fn wrap(self) -> Entity {
                Entity::$kind(self)
            }
            fn unwrap(e: Entity) -> Option<Self> {
                match e {
                    Entity::$kind(x) => Some(x),
                    _ => None,
                }
            }
        }
    };
}
item!(Subject, Subject, name, description);
item!(Object, Object, name, description);
item!(Method, Method, name, description);
item!(Role, Role, name, letter);
item!(Model, Model, name, description);
item!(Stage, Stage, name, description);
item!(Principle, Principle, name, description);
item!(Dataset, Dataset, name, name);
item!(Plan, Plan, name, name);
item!(Round, Round, name, prompt);

/// Runs `$body` with `$v` bound to a shared borrow of the workbook's list of `$kind`.
macro_rules! with_list_ref {
    ($wb:expr, $kind:expr, |$v:ident| $body:expr) => {
        match $kind {
            EntityKind::Subject => {
                let $v = &$wb.subjects;
                $body
            }
            EntityKind::Object => {
                let $v = &$wb.objects;
                $body
            }
            EntityKind::Method => {
                let $v = &$wb.methods;
                $body
            }
            EntityKind::Role => {
                let $v = &$wb.roles;
                $body
            }
            EntityKind::Model => {
                let $v = &$wb.models;
                $body
            }
            EntityKind::Stage => {
                let $v = &$wb.timeline;
                $body
            }
            EntityKind::Principle => {
                let $v = &$wb.principles;
                $body
            }
            EntityKind::Dataset => {
                let $v = &$wb.datasets;
                $body
            }
            EntityKind::Plan => {
                let $v = &$wb.plans;
                $body
            }
            EntityKind::Round => {
                let $v = &$wb.rounds;
                $body
            }
        }
    };
}

/// Runs `$body` with `$v` bound to the workbook's list of `$kind`.
macro_rules! with_list {
    ($wb:expr, $kind:expr, |$v:ident| $body:expr) => {
        match $kind {
            EntityKind::Subject => {
                let $v = &mut $wb.subjects;
                $body
            }
            EntityKind::Object => {
                let $v = &mut $wb.objects;
                $body
            }
            EntityKind::Method => {
                let $v = &mut $wb.methods;
                $body
            }
            EntityKind::Role => {
                let $v = &mut $wb.roles;
                $body
            }
            EntityKind::Model => {
                let $v = &mut $wb.models;
                $body
            }
            EntityKind::Stage => {
                let $v = &mut $wb.timeline;
                $body
            }
            EntityKind::Principle => {
                let $v = &mut $wb.principles;
                $body
            }
            EntityKind::Dataset => {
                let $v = &mut $wb.datasets;
                $body
            }
            EntityKind::Plan => {
                let $v = &mut $wb.plans;
                $body
            }
            EntityKind::Round => {
                let $v = &mut $wb.rounds;
                $body
            }
        }
    };
}

/// Runs `$body` with `$x` bound to the entity's content, whatever its kind.
macro_rules! with_entity {
    ($e:expr, |$x:ident| $body:expr) => {
        match $e {
            Entity::Subject($x) => $body,
            Entity::Object($x) => $body,
            Entity::Method($x) => $body,
            Entity::Role($x) => $body,
            Entity::Model($x) => $body,
            Entity::Stage($x) => $body,
            Entity::Principle($x) => $body,
            Entity::Dataset($x) => $body,
            Entity::Plan($x) => $body,
            Entity::Round($x) => $body,
        }
    };
}

impl Entity {
    /// Its kind.
    pub fn kind(&self) -> EntityKind {
        with_entity!(self, |x| item_kind(x))
    }
    /// Its id.
    pub fn id(&self) -> &str {
        with_entity!(self, |x| x.id())
    }
    /// Its name.
    pub fn name(&self) -> &Text {
        with_entity!(self, |x| x.name())
    }
    /// A text field (a role's description is its badge letter).
    pub fn text(&self, field: TextField) -> &Text {
        with_entity!(self, |x| x.text(field))
    }
}

fn item_kind<T: Item>(_: &T) -> EntityKind {
    T::KIND
}

/// What removing an entity took out of the models, so that re-inserting restores it exactly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Refs {
    /// (model, tier) of a removed subject.
    pub tiers: Vec<(Id, Tier)>,
    /// (model, subject, object, cell) of removed cells.
    pub cells: Vec<(Id, Id, Id, Cell)>,
    /// (model, position) of a removed diagram node.
    pub layout: Vec<(Id, Point)>,
    /// (model, subject, object, index) where a removed method was used.
    pub method_uses: Vec<(Id, Id, Id, usize)>,
    /// (model, subject, object) of cells whose role was the removed role.
    pub role_uses: Vec<(Id, Id, Id)>,
}

/// The workbook's own text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    /// The title.
    Title,
    /// The description.
    Description,
}

/// Addresses one matrix cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    /// Model id.
    pub model: Id,
    /// Subject id (row).
    pub subject: Id,
    /// Object id (column).
    pub object: Id,
}

impl CellRef {
    /// Addresses the cell (subject, object) of `model`.
    pub fn new(model: &str, subject: &str, object: &str) -> CellRef {
        CellRef {
            model: model.into(),
            subject: subject.into(),
            object: object.into(),
        }
    }
}

/// A change to one field of a cell, or the whole cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellEdit {
    /// The whole cell; `None` clears it.
    All(Option<Cell>),
    /// The role; `None` clears it.
    Role(Option<Id>),
    /// The methods.
    Methods(Vec<Id>),
    /// The orientation.
    Orientation(Option<Orientation>),
    /// The responsibility statements.
    Statements(Vec<Text>),
    /// The note.
    Note(String),
}

/// One edit of a workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Inserts an entity at `index` and restores the references in `refs`.
    Insert {
        /// Position in its list.
        index: usize,
        /// The entity.
        entity: Entity,
        /// References to restore (empty for a new entity).
        refs: Refs,
    },
    /// Removes an entity and every reference to it.
    Remove {
        /// Kind of entity.
        kind: EntityKind,
        /// Its id.
        id: Id,
    },
    /// Moves an entity to position `to` of its list.
    Reorder {
        /// Kind of entity.
        kind: EntityKind,
        /// Its id.
        id: Id,
        /// New position.
        to: usize,
    },
    /// Replaces an entity with a new version of the same id and kind.
    Replace(Entity),
    /// Sets one language of a text field of an entity.
    SetText {
        /// Kind of entity.
        kind: EntityKind,
        /// Its id.
        id: Id,
        /// Which text.
        field: TextField,
        /// Which language.
        lang: Lang,
        /// New text.
        value: String,
    },
    /// Changes a matrix cell.
    EditCell(CellRef, CellEdit),
    /// Sets a subject's tier in a model.
    SetTier {
        /// Model id.
        model: Id,
        /// Subject id.
        subject: Id,
        /// New tier; `None` removes the entry (the subject is then absent).
        tier: Option<Tier>,
    },
    /// Moves (or, with `None`, unpins) a diagram node.
    MoveNode {
        /// Model id.
        model: Id,
        /// Subject or object id.
        node: Id,
        /// New position.
        at: Option<Point>,
    },
    /// Replaces a model's whole layout (auto layout).
    SetLayout {
        /// Model id.
        model: Id,
        /// New layout.
        layout: BTreeMap<Id, Point>,
    },
    /// Sets a model's notes.
    SetModelNotes {
        /// Model id.
        model: Id,
        /// New notes.
        notes: String,
    },
    /// Sets the workbook's title or description.
    SetMeta(MetaField, String),
    /// Sets the workbook's authors.
    SetAuthors(Vec<String>),
    /// Replaces the step with the same id in a plan.
    SetStep {
        /// Plan id.
        plan: Id,
        /// The new version of the step.
        step: PlanStep,
    },
    /// Inserts a step into a plan.
    InsertStep {
        /// Plan id.
        plan: Id,
        /// Position in the plan.
        index: usize,
        /// The step; its id must be new in the plan.
        step: PlanStep,
    },
    /// Removes a step from a plan.
    RemoveStep {
        /// Plan id.
        plan: Id,
        /// Step id.
        step: Id,
    },
    /// Moves a step to position `to` of its plan.
    MoveStep {
        /// Plan id.
        plan: Id,
        /// Step id.
        step: Id,
        /// New position.
        to: usize,
    },
    /// Sets, or with `None` clears, a model's checklist entry for a principle.
    SetCheck {
        /// Model id.
        model: Id,
        /// Principle id.
        principle: Id,
        /// The entry.
        check: Option<Check>,
    },
    /// Sets (`Some`) or clears (`None`) one cell of a round's own answer (`mine`); the inner
    /// `None` is the answer "no role".
    EditAnswer {
        /// Round id.
        round: Id,
        /// Subject id.
        subject: Id,
        /// Object id.
        object: Id,
        /// The choice; `None` leaves the cell unanswered.
        choice: Option<Option<Id>>,
    },
    /// Sets the one-line reason of a cell of a round's own answer (empty removes it).
    SetReason {
        /// Round id.
        round: Id,
        /// Subject id.
        subject: Id,
        /// Object id.
        object: Id,
        /// The reason.
        reason: String,
    },
    /// Sets the dots a round's own answer gives a plan step (0 takes them away).
    SetVote {
        /// Round id.
        round: Id,
        /// Step id.
        step: Id,
        /// Dots.
        dots: u32,
    },
    /// Sets a round's own answer's participant name or group label.
    SetParticipant {
        /// Round id.
        round: Id,
        /// The name.
        name: String,
    },
    /// Starts (`Some`) or discards (`None`) a round's own answer.
    SetMine {
        /// Round id.
        round: Id,
        /// The answer.
        answer: Option<Answer>,
    },
    /// Inserts a collected answer into a round.
    InsertAnswer {
        /// Round id.
        round: Id,
        /// Position among the answers.
        index: usize,
        /// The answer; its id must be new in the round.
        answer: Collected,
    },
    /// Removes a collected answer from a round.
    RemoveAnswer {
        /// Round id.
        round: Id,
        /// Answer id.
        answer: Id,
    },
    /// Leaves a collected answer out of the figures, or counts it again.
    SetExcluded {
        /// Round id.
        round: Id,
        /// Answer id.
        answer: Id,
        /// Left out.
        excluded: bool,
    },
    /// Sets, or with `None` clears, the decision on a cell of a round.
    SetDecision {
        /// Round id.
        round: Id,
        /// Subject id.
        subject: Id,
        /// Object id.
        object: Id,
        /// The decision.
        decision: Option<Decision>,
    },
    /// Several commands as one step.
    Batch(Vec<Command>),
    /// Replaces the whole workbook (opening a file), keeping the old one for undo.
    ReplaceWorkbook(Box<Workbook>),
}

/// Why a command could not be applied. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandError {
    /// No entity of that kind has the id.
    NotFound(EntityKind, Id),
    /// The id is already used.
    DuplicateId(Id),
    /// A list position beyond the list's end.
    IndexOutOfRange(usize, usize),
    /// The kind's limit would be exceeded.
    Limit(EntityKind, usize),
    /// A workbook must keep at least one model.
    LastModel,
    /// A method is listed twice in a cell.
    RepeatedMethod(Id),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::NotFound(k, id) => write!(f, "no {k:?} with id \"{id}\""),
            CommandError::DuplicateId(id) => write!(f, "the id \"{id}\" is already used"),
            CommandError::IndexOutOfRange(i, n) => {
                write!(f, "position {i} is beyond the list of {n}")
            }
            CommandError::Limit(k, n) => write!(f, "at most {n} of kind {k:?}"),
            CommandError::LastModel => write!(f, "a workbook needs at least one model"),
            CommandError::RepeatedMethod(id) => write!(f, "method \"{id}\" is listed twice"),
        }
    }
}

impl std::error::Error for CommandError {}

type R<T> = Result<T, CommandError>;

fn position<T: Item>(list: &[T], id: &str) -> R<usize> {
    list.iter()
        .position(|x| x.id() == id)
        .ok_or_else(|| CommandError::NotFound(T::KIND, id.into()))
}

fn require(wb: &Workbook, kind: EntityKind, id: &str) -> R<()> {
    let found = with_list_ref!(wb, kind, |v| v.iter().any(|x| x.id() == id));
    found
        .then_some(())
        .ok_or_else(|| CommandError::NotFound(kind, id.into()))
}

fn plan_mut<'a>(wb: &'a mut Workbook, id: &str) -> R<&'a mut Plan> {
    wb.plans
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| CommandError::NotFound(EntityKind::Plan, id.into()))
}

fn step_index(p: &Plan, id: &str) -> R<usize> {
    p.steps
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| CommandError::NotFound(EntityKind::Plan, id.into()))
}

fn model_mut<'a>(wb: &'a mut Workbook, id: &str) -> R<&'a mut Model> {
    wb.model_mut(id)
        .ok_or_else(|| CommandError::NotFound(EntityKind::Model, id.into()))
}

fn insert_item<T: Item>(list: &mut Vec<T>, index: usize, item: T) -> R<()> {
    if index > list.len() {
        return Err(CommandError::IndexOutOfRange(index, list.len()));
    }
    if list.len() >= T::KIND.limit() {
        return Err(CommandError::Limit(T::KIND, T::KIND.limit()));
    }
    list.insert(index, item);
    Ok(())
}

/// The entity as the list's item type; callers pick the list by the entity's own kind.
fn typed<T: Item>(e: Entity) -> T {
    T::unwrap(e).expect("the list was chosen by the entity's kind")
}

impl Command {
    /// Whether the command only pins a diagram node at a new place (a drag's drop): it changes
    /// no cell, axis, name or automatic layout, so views that do not draw positions need not
    /// be rebuilt. Unpinning is not included: it brings back the automatic place.
    pub fn only_pins(&self) -> bool {
        matches!(self, Command::MoveNode { at: Some(_), .. })
    }

    /// The cells the command changes when it changes nothing but matrix cells (a cell edit,
    /// or a batch of them); `None` when it may change anything else.
    pub fn cells_only(&self) -> Option<Vec<&CellRef>> {
        match self {
            Command::EditCell(at, _) => Some(vec![at]),
            Command::Batch(cmds) => cmds.iter().try_fold(Vec::new(), |mut all, c| {
                all.extend(c.cells_only()?);
                Some(all)
            }),
            _ => None,
        }
    }

    /// Applies the command and returns its inverse; on error the workbook is unchanged.
    pub fn apply(self, wb: &mut Workbook) -> R<Command> {
        match self {
            Command::Insert {
                index,
                entity,
                refs,
            } => insert(wb, index, entity, refs),
            Command::Remove { kind, id } => remove(wb, kind, &id),
            Command::Reorder { kind, id, to } => with_list!(wb, kind, |v| {
                let from = position(v, &id)?;
                if to >= v.len() {
                    return Err(CommandError::IndexOutOfRange(to, v.len()));
                }
                let x = v.remove(from);
                v.insert(to, x);
                Ok(Command::Reorder { kind, id, to: from })
            }),
            Command::Replace(entity) => {
                let kind = entity.kind();
                let id = entity.id().to_string();
                if let Entity::Model(m) = &entity {
                    check_model_refs(wb, m)?;
                }
                with_list!(wb, kind, |v| {
                    let i = position(v, &id)?;
                    let old = std::mem::replace(&mut v[i], typed(entity));
                    Ok(Command::Replace(old.wrap()))
                })
            }
            Command::SetText {
                kind,
                id,
                field,
                lang,
                value,
            } => with_list!(wb, kind, |v| {
                let i = position(v, &id)?;
                let old = std::mem::replace(v[i].text_mut(field).raw_mut(lang), value);
                Ok(Command::SetText {
                    kind,
                    id,
                    field,
                    lang,
                    value: old,
                })
            }),
            Command::EditCell(at, edit) => edit_cell(wb, at, edit),
            Command::SetTier {
                model,
                subject,
                tier,
            } => {
                require(wb, EntityKind::Subject, &subject)?;
                let m = model_mut(wb, &model)?;
                // The raw entry, so a file's explicit "absent" survives undo exactly.
                let old = match tier {
                    Some(t) => m.tiers.insert(subject.clone(), t),
                    None => m.tiers.remove(&subject),
                };
                Ok(Command::SetTier {
                    model,
                    subject,
                    tier: old,
                })
            }
            Command::MoveNode { model, node, at } => {
                if wb.subject(&node).is_none() && wb.object(&node).is_none() {
                    return Err(CommandError::NotFound(EntityKind::Subject, node));
                }
                let m = model_mut(wb, &model)?;
                let old = match at {
                    Some(p) => m.layout.insert(node.clone(), p),
                    None => m.layout.remove(&node),
                };
                Ok(Command::MoveNode {
                    model,
                    node,
                    at: old,
                })
            }
            Command::SetLayout { model, layout } => {
                let m = model_mut(wb, &model)?;
                let old = std::mem::replace(&mut m.layout, layout);
                Ok(Command::SetLayout { model, layout: old })
            }
            Command::SetModelNotes { model, notes } => {
                let m = model_mut(wb, &model)?;
                let old = std::mem::replace(&mut m.notes, notes);
                Ok(Command::SetModelNotes { model, notes: old })
            }
            Command::SetStep { plan, step } => {
                let p = plan_mut(wb, &plan)?;
                let i = step_index(p, &step.id)?;
                let old = std::mem::replace(&mut p.steps[i], step);
                Ok(Command::SetStep { plan, step: old })
            }
            Command::InsertStep { plan, index, step } => {
                let p = plan_mut(wb, &plan)?;
                if p.steps.iter().any(|x| x.id == step.id) {
                    return Err(CommandError::DuplicateId(step.id));
                }
                if index > p.steps.len() {
                    return Err(CommandError::IndexOutOfRange(index, p.steps.len()));
                }
                if p.steps.len() >= MAX_STEPS {
                    return Err(CommandError::Limit(EntityKind::Plan, MAX_STEPS));
                }
                let id = step.id.clone();
                p.steps.insert(index, step);
                Ok(Command::RemoveStep { plan, step: id })
            }
            Command::RemoveStep { plan, step } => {
                let p = plan_mut(wb, &plan)?;
                let index = step_index(p, &step)?;
                let step = p.steps.remove(index);
                Ok(Command::InsertStep { plan, index, step })
            }
            Command::MoveStep { plan, step, to } => {
                let p = plan_mut(wb, &plan)?;
                let from = step_index(p, &step)?;
                if to >= p.steps.len() {
                    return Err(CommandError::IndexOutOfRange(to, p.steps.len()));
                }
                let x = p.steps.remove(from);
                p.steps.insert(to, x);
                Ok(Command::MoveStep {
                    plan,
                    step,
                    to: from,
                })
            }
            Command::SetCheck {
                model,
                principle,
                check,
            } => {
                require(wb, EntityKind::Principle, &principle)?;
                let m = model_mut(wb, &model)?;
                let old = match check {
                    Some(c) => m.checks.insert(principle.clone(), c),
                    None => m.checks.remove(&principle),
                };
                Ok(Command::SetCheck {
                    model,
                    principle,
                    check: old,
                })
            }
            Command::SetMeta(field, value) => {
                let slot = match field {
                    MetaField::Title => &mut wb.meta.title,
                    MetaField::Description => &mut wb.meta.description,
                };
                Ok(Command::SetMeta(field, std::mem::replace(slot, value)))
            }
            Command::ReplaceWorkbook(new) => Ok(Command::ReplaceWorkbook(Box::new(
                std::mem::replace(wb, *new),
            ))),
            Command::SetAuthors(a) => Ok(Command::SetAuthors(std::mem::replace(
                &mut wb.meta.authors,
                a,
            ))),
            Command::EditAnswer { .. }
            | Command::SetReason { .. }
            | Command::SetVote { .. }
            | Command::SetParticipant { .. }
            | Command::SetMine { .. }
            | Command::InsertAnswer { .. }
            | Command::RemoveAnswer { .. }
            | Command::SetExcluded { .. }
            | Command::SetDecision { .. } => round_command(wb, self),
            Command::Batch(cmds) => {
                let mut inverses = Vec::with_capacity(cmds.len());
                for c in cmds {
                    match c.apply(wb) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what was applied so the workbook is unchanged.
                            for inv in inverses.into_iter().rev() {
                                inv.apply(wb)
                                    .expect("an inverse applies to the state it came from");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch(inverses))
            }
        }
    }

    /// Consecutive commands with the same key merge into one undo step (typing in one field,
    /// dragging one node).
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Command::SetText {
                kind,
                id,
                field,
                lang,
                ..
            } => Some(format!("text/{kind:?}/{id}/{field:?}/{lang:?}")),
            Command::EditCell(at, CellEdit::Note(_)) => {
                Some(format!("note/{}/{}/{}", at.model, at.subject, at.object))
            }
            Command::EditCell(at, CellEdit::Statements(_)) => Some(format!(
                "statements/{}/{}/{}",
                at.model, at.subject, at.object
            )),
            Command::MoveNode { model, node, .. } => Some(format!("node/{model}/{node}")),
            Command::SetModelNotes { model, .. } => Some(format!("notes/{model}")),
            Command::SetMeta(field, _) => Some(format!("meta/{field:?}")),
            Command::SetAuthors(_) => Some("authors".into()),
            Command::SetStep { plan, step } => Some(format!("step/{plan}/{}", step.id)),
            Command::SetCheck {
                model, principle, ..
            } => Some(format!("check/{model}/{principle}")),
            Command::SetReason {
                round,
                subject,
                object,
                ..
            } => Some(format!("reason/{round}/{subject}/{object}")),
            Command::SetParticipant { round, .. } => Some(format!("participant/{round}")),
            Command::SetDecision {
                round,
                subject,
                object,
                decision: Some(_),
            } => Some(format!("decision/{round}/{subject}/{object}")),
            _ => None,
        }
    }
}

fn round_mut<'a>(wb: &'a mut Workbook, id: &str) -> R<&'a mut Round> {
    wb.rounds
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or_else(|| CommandError::NotFound(EntityKind::Round, id.into()))
}

fn mine_mut<'a>(wb: &'a mut Workbook, round: &str) -> R<&'a mut Answer> {
    round_mut(wb, round)?
        .mine
        .as_mut()
        .ok_or_else(|| CommandError::NotFound(EntityKind::Round, format!("{round}/mine")))
}

fn answer_index(r: &Round, id: &str) -> R<usize> {
    r.answers
        .iter()
        .position(|a| a.answer.id == id)
        .ok_or_else(|| CommandError::NotFound(EntityKind::Round, format!("{}/{id}", r.id)))
}

/// Sets or removes `value` at `map[a][b]`, dropping an emptied row; returns the old value.
fn put2<V>(
    map: &mut BTreeMap<Id, BTreeMap<Id, V>>,
    a: &str,
    b: &str,
    value: Option<V>,
) -> Option<V> {
    match value {
        Some(v) => map
            .entry(a.to_string())
            .or_default()
            .insert(b.to_string(), v),
        None => {
            let row = map.get_mut(a)?;
            let old = row.remove(b);
            if row.is_empty() {
                map.remove(a);
            }
            old
        }
    }
}

/// The commands on workshop rounds.
fn round_command(wb: &mut Workbook, cmd: Command) -> R<Command> {
    Ok(match cmd {
        Command::EditAnswer {
            round,
            subject,
            object,
            choice,
        } => {
            let old = put2(&mut mine_mut(wb, &round)?.cells, &subject, &object, choice);
            Command::EditAnswer {
                round,
                subject,
                object,
                choice: old,
            }
        }
        Command::SetReason {
            round,
            subject,
            object,
            reason,
        } => {
            let new = (!reason.is_empty()).then_some(reason);
            let old = put2(&mut mine_mut(wb, &round)?.reasons, &subject, &object, new);
            Command::SetReason {
                round,
                subject,
                object,
                reason: old.unwrap_or_default(),
            }
        }
        Command::SetVote { round, step, dots } => {
            let votes = &mut mine_mut(wb, &round)?.votes;
            let old = if dots == 0 {
                votes.remove(&step)
            } else {
                votes.insert(step.clone(), dots)
            };
            Command::SetVote {
                round,
                step,
                dots: old.unwrap_or(0),
            }
        }
        Command::SetParticipant { round, name } => {
            let old = std::mem::replace(&mut mine_mut(wb, &round)?.participant, name);
            Command::SetParticipant { round, name: old }
        }
        Command::SetMine { round, answer } => {
            let old = std::mem::replace(&mut round_mut(wb, &round)?.mine, answer);
            Command::SetMine { round, answer: old }
        }
        Command::InsertAnswer {
            round,
            index,
            answer,
        } => {
            let r = round_mut(wb, &round)?;
            if r.answers.iter().any(|a| a.answer.id == answer.answer.id) {
                return Err(CommandError::DuplicateId(answer.answer.id));
            }
            if index > r.answers.len() {
                return Err(CommandError::IndexOutOfRange(index, r.answers.len()));
            }
            if r.answers.len() >= MAX_ANSWERS {
                return Err(CommandError::Limit(EntityKind::Round, MAX_ANSWERS));
            }
            let id = answer.answer.id.clone();
            r.answers.insert(index, answer);
            Command::RemoveAnswer { round, answer: id }
        }
        Command::RemoveAnswer { round, answer } => {
            let r = round_mut(wb, &round)?;
            let index = answer_index(r, &answer)?;
            let answer = r.answers.remove(index);
            Command::InsertAnswer {
                round,
                index,
                answer,
            }
        }
        Command::SetExcluded {
            round,
            answer,
            excluded,
        } => {
            let r = round_mut(wb, &round)?;
            let i = answer_index(r, &answer)?;
            let old = std::mem::replace(&mut r.answers[i].excluded, excluded);
            Command::SetExcluded {
                round,
                answer,
                excluded: old,
            }
        }
        Command::SetDecision {
            round,
            subject,
            object,
            decision,
        } => {
            let r = round_mut(wb, &round)?;
            let old = put2(&mut r.decisions, &subject, &object, decision);
            Command::SetDecision {
                round,
                subject,
                object,
                decision: old,
            }
        }
        _ => unreachable!("not a round command"),
    })
}

fn insert(wb: &mut Workbook, index: usize, entity: Entity, refs: Refs) -> R<Command> {
    let kind = entity.kind();
    let id = entity.id().to_string();
    if wb.all_ids().any(|x| *x == id) {
        return Err(CommandError::DuplicateId(id));
    }
    if let Entity::Model(m) = &entity {
        check_model_refs(wb, m)?;
    }
    with_list!(wb, kind, |v| insert_item(v, index, typed(entity))?);
    restore_refs(wb, &id, refs);
    Ok(Command::Remove { kind, id })
}

fn restore_refs(wb: &mut Workbook, id: &str, refs: Refs) {
    for (m, tier) in refs.tiers {
        if let Some(m) = wb.model_mut(&m) {
            m.tiers.insert(id.to_string(), tier);
        }
    }
    for (m, p) in refs.layout {
        if let Some(m) = wb.model_mut(&m) {
            m.layout.insert(id.to_string(), p);
        }
    }
    // Method uses are restored before whole cells, so a restored cell is never touched twice.
    for (m, s, o, i) in refs.method_uses {
        if let Some(c) = wb
            .model_mut(&m)
            .and_then(|m| m.cells.get_mut(&s))
            .and_then(|r| r.get_mut(&o))
        {
            c.methods.insert(i.min(c.methods.len()), id.to_string());
        }
    }
    for (m, s, o) in refs.role_uses {
        if let Some(c) = wb
            .model_mut(&m)
            .and_then(|m| m.cells.get_mut(&s))
            .and_then(|r| r.get_mut(&o))
        {
            c.role = Some(id.to_string());
        }
    }
    for (m, s, o, cell) in refs.cells {
        if let Some(m) = wb.model_mut(&m) {
            m.cells.entry(s).or_default().insert(o, cell);
        }
    }
}

fn remove(wb: &mut Workbook, kind: EntityKind, id: &str) -> R<Command> {
    if kind == EntityKind::Model && wb.models.len() == 1 && wb.models[0].id == id {
        return Err(CommandError::LastModel);
    }
    let (index, entity) = with_list!(wb, kind, |v| {
        let i = position(v, id)?;
        (i, v.remove(i).wrap())
    });
    let mut refs = Refs::default();
    for m in &mut wb.models {
        let mid = &m.id;
        match kind {
            EntityKind::Subject => {
                if let Some(t) = m.tiers.remove(id) {
                    refs.tiers.push((mid.clone(), t));
                }
                if let Some(row) = m.cells.remove(id) {
                    refs.cells.extend(
                        row.into_iter()
                            .map(|(o, c)| (mid.clone(), id.to_string(), o, c)),
                    );
                }
            }
            EntityKind::Object => {
                for (s, row) in m.cells.iter_mut() {
                    if let Some(c) = row.remove(id) {
                        refs.cells.push((mid.clone(), s.clone(), id.to_string(), c));
                    }
                }
                m.cells.retain(|_, row| !row.is_empty());
            }
            EntityKind::Method => {
                for (s, row) in m.cells.iter_mut() {
                    for (o, c) in row.iter_mut() {
                        if let Some(i) = c.methods.iter().position(|x| x == id) {
                            c.methods.remove(i);
                            refs.method_uses
                                .push((mid.clone(), s.clone(), o.clone(), i));
                        }
                    }
                }
            }
            EntityKind::Role => {
                for (s, row) in m.cells.iter_mut() {
                    for (o, c) in row.iter_mut() {
                        if c.role.as_deref() == Some(id) {
                            c.role = None;
                            refs.role_uses.push((mid.clone(), s.clone(), o.clone()));
                        }
                    }
                }
            }
            _ => {}
        }
        if matches!(kind, EntityKind::Subject | EntityKind::Object) {
            if let Some(p) = m.layout.remove(id) {
                refs.layout.push((mid.clone(), p));
            }
        }
    }
    Ok(Command::Insert {
        index,
        entity,
        refs,
    })
}

fn edit_cell(wb: &mut Workbook, at: CellRef, edit: CellEdit) -> R<Command> {
    require(wb, EntityKind::Subject, &at.subject)?;
    require(wb, EntityKind::Object, &at.object)?;
    match &edit {
        CellEdit::Role(Some(r)) => require(wb, EntityKind::Role, r)?,
        CellEdit::Methods(ms) => check_methods(wb, ms)?,
        CellEdit::All(Some(c)) => {
            if let Some(r) = &c.role {
                require(wb, EntityKind::Role, r)?;
            }
            check_methods(wb, &c.methods)?;
        }
        _ => {}
    }
    let m = model_mut(wb, &at.model)?;
    let old = m.cell(&at.subject, &at.object).cloned();
    let new = match edit {
        CellEdit::All(c) => c,
        edit => {
            let mut c = old.clone().unwrap_or_default();
            match edit {
                CellEdit::Role(r) => c.role = r,
                CellEdit::Methods(ms) => c.methods = ms,
                CellEdit::Orientation(o) => c.orientation = o,
                CellEdit::Statements(s) => c.statements = s,
                CellEdit::Note(n) => c.note = n,
                CellEdit::All(_) => unreachable!("handled above"),
            }
            Some(c)
        }
    };
    m.put_cell(&at.subject, &at.object, new);
    Ok(Command::EditCell(at, CellEdit::All(old)))
}

fn check_methods(wb: &Workbook, ms: &[Id]) -> R<()> {
    for (i, id) in ms.iter().enumerate() {
        require(wb, EntityKind::Method, id)?;
        if ms[..i].contains(id) {
            return Err(CommandError::RepeatedMethod(id.clone()));
        }
    }
    Ok(())
}

/// A model may only refer to subjects, objects, roles and methods of its workbook.
fn check_model_refs(wb: &Workbook, m: &Model) -> R<()> {
    for s in m.tiers.keys() {
        require(wb, EntityKind::Subject, s)?;
    }
    for (s, o, c) in m.iter_cells() {
        require(wb, EntityKind::Subject, s)?;
        require(wb, EntityKind::Object, o)?;
        if let Some(r) = &c.role {
            require(wb, EntityKind::Role, r)?;
        }
        check_methods(wb, &c.methods)?;
    }
    for n in m.layout.keys() {
        if wb.subject(n).is_none() {
            require(wb, EntityKind::Object, n)?;
        }
    }
    Ok(())
}

/// `model` with every reference to something `wb` lacks dropped, so a preset model can be
/// added to any workbook.
pub fn fit_model(wb: &Workbook, mut model: Model) -> Model {
    model.tiers.retain(|s, _| wb.subject(s).is_some());
    model
        .layout
        .retain(|n, _| wb.subject(n).is_some() || wb.object(n).is_some());
    model.cells.retain(|s, _| wb.subject(s).is_some());
    for row in model.cells.values_mut() {
        row.retain(|o, _| wb.object(o).is_some());
        for c in row.values_mut() {
            if c.role.as_ref().is_some_and(|r| wb.role(r).is_none()) {
                c.role = None;
            }
            c.methods.retain(|m| wb.method(m).is_some());
        }
        row.retain(|_, c| !c.is_empty());
    }
    model.cells.retain(|_, row| !row.is_empty());
    model
}

/// The ids of every entity of `kind`, in order.
pub fn ids(wb: &Workbook, kind: EntityKind) -> Vec<Id> {
    with_list_ref!(wb, kind, |v| v.iter().map(|x| x.id().to_string()).collect())
}

/// The entity of `kind` with `id`, cloned.
pub fn entity(wb: &Workbook, kind: EntityKind, id: &str) -> Option<Entity> {
    with_list_ref!(wb, kind, |v| v
        .iter()
        .find(|x| x.id() == id)
        .cloned()
        .map(Item::wrap))
}

/// A text field of the entity of `kind` with `id`, borrowed (no clone on hot paths).
pub fn text_of<'a>(
    wb: &'a Workbook,
    kind: EntityKind,
    id: &str,
    field: TextField,
) -> Option<&'a Text> {
    with_list_ref!(wb, kind, |v| v
        .iter()
        .find(|x| x.id() == id)
        .map(|x| x.text(field)))
}

/// Position of the entity in its list, and the list's length.
pub fn position_of(wb: &Workbook, kind: EntityKind, id: &str) -> Option<(usize, usize)> {
    with_list_ref!(wb, kind, |v| v
        .iter()
        .position(|x| x.id() == id)
        .map(|i| (i, v.len())))
}

/// How many cells deleting the entity would remove or change, for the warning before it.
pub fn cells_affected(wb: &Workbook, kind: EntityKind, id: &str) -> usize {
    let mut copy = wb.clone();
    match (Command::Remove {
        kind,
        id: id.into(),
    })
    .apply(&mut copy)
    {
        Ok(Command::Insert { refs, .. }) => {
            refs.cells.len() + refs.method_uses.len() + refs.role_uses.len()
        }
        _ => 0,
    }
}

/// A model copied under a new id and name: "start a synergetic draft from the traditional model".
pub fn duplicate_model(model: &Model, id: Id, name: Text) -> Model {
    Model {
        id,
        name,
        ..model.clone()
    }
}
