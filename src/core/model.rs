//! The workbook: plain serde data, no signals, no clocks.
//!
//! Field order is the file's key order (serde_json `preserve_order`), so exports are stable.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// For `skip_serializing_if`: a count of nothing.
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Identifier of any entity. Ids are unique across the whole workbook and never change.
pub type Id = String;

/// Derives the JSON Schema on native builds only, so the wasm bundle never carries schemars.
macro_rules! data {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
            #[serde(deny_unknown_fields)]
            $item
        )*
    };
}

/// Same as `data!` for fieldless enums, which are also ordered and hashable.
macro_rules! choice {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
            #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
            #[serde(rename_all = "snake_case")]
            $item
        )*
    };
}

/// A UI language. The workbook stores text in both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    Zh,
}

impl Lang {
    /// The BCP 47 tag, as used in the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Parses a BCP 47 tag; anything starting with `zh` is Chinese.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "en" => Some(Lang::En),
            t if t.starts_with("zh") => Some(Lang::Zh),
            t if t.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }
}

data! {
    /// A text in English and Simplified Chinese.
    #[derive(Default, Eq, PartialOrd, Ord, Hash)]
    pub struct Text {
        /// English.
        pub en: String,
        /// Simplified Chinese.
        pub zh: String,
    }
}

impl Text {
    /// A text in both languages.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when it is empty there.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// The text stored for `lang`, without fallback.
    pub fn raw(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Mutable access to the text stored for `lang`.
    pub fn raw_mut(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::En => &mut self.en,
            Lang::Zh => &mut self.zh,
        }
    }

    /// True when both languages are blank.
    pub fn is_blank(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }
}

data! {
    /// The workbook's descriptive data.
    pub struct Meta {
        /// Title, used for the file name on export.
        pub title: String,
        /// Free description.
        pub description: String,
        /// Authors, one per entry.
        pub authors: Vec<String>,
        /// Language the workbook was last edited in.
        pub locale: Lang,
        /// When the workbook was created.
        pub created: DateTime<Utc>,
        /// When the workbook was last changed.
        pub modified: DateTime<Utc>,
    }
}

choice! {
    /// What kind of actor a subject is (paper: Table 2 and the leadership of Party committees).
    pub enum SubjectKind {
        /// Party committees: top-level design, coordination, motivation.
        Leadership,
        /// Governments.
        Government,
        /// Internet enterprises.
        Enterprise,
        /// Internet associations.
        Association,
        /// Netizens.
        Netizen,
        /// Anything the user adds.
        Custom,
    }

    /// The three categories of governance objects in the paper, or a user's own.
    pub enum ObjectCategory {
        /// Construction and management of Internet infrastructures and facilities.
        Infrastructure,
        /// Production and life practices online (e-commerce, e-government, ...).
        Practices,
        /// Illegal speech and behaviours.
        IllegalConduct,
        /// Anything the user adds.
        Custom,
    }

    /// The two method families: governance by law and governance by morals.
    pub enum MethodFamily {
        /// Governance by law.
        Law,
        /// Governance by morals.
        Morals,
    }

    /// A subject's place in a model's structure.
    pub enum Tier {
        /// The leadership layer (Party committees).
        Leadership,
        /// The main power ("one main power").
        Main,
        /// An auxiliary participator ("three auxiliary participators").
        Auxiliary,
        /// Takes no part.
        Absent,
    }

    /// What a responsibility aims at.
    pub enum Orientation {
        /// Maintaining order.
        Order,
        /// Protecting rights.
        Rights,
        /// Both order maintaining and rights protection.
        Both,
    }

    /// How urgent a step of a transition plan is.
    pub enum Priority {
        /// First.
        High,
        /// Next.
        Medium,
        /// When there is time.
        Low,
    }

    /// Where a step of a transition plan stands.
    pub enum StepStatus {
        /// Not started.
        Planned,
        /// Under way.
        InProgress,
        /// Finished.
        Done,
        /// Waiting on something.
        Blocked,
    }

    /// What kind of difference between two models a generated step answers.
    pub enum StepChange {
        /// A cell the target model adds.
        Added,
        /// A cell the target model removes.
        Removed,
        /// A cell the target model changes.
        Changed,
        /// A subject's tier changes.
        Tier,
    }

    /// Kinds of the paper's diagnosis and design principles.
    pub enum PrincipleKind {
        /// A disadvantage of the traditional model.
        Disadvantage,
        /// A design requirement of the new model.
        Requirement,
        /// A characteristic of the new model.
        Characteristic,
    }
}

impl Tier {
    /// Every tier, from the top of the structure down.
    pub const ALL: [Tier; 4] = [Tier::Leadership, Tier::Main, Tier::Auxiliary, Tier::Absent];
}

data! {
    /// A governance subject (who governs).
    pub struct Subject {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Kind of actor.
        pub kind: SubjectKind,
        /// Description.
        pub description: Text,
        /// Its own advantages (Table 2).
        pub advantages: Vec<Text>,
        /// Its responsibilities (Table 2).
        pub responsibilities: Vec<Text>,
        /// Display colour, `#rrggbb`.
        pub colour: String,
    }

    /// A governance object (what is governed).
    pub struct Object {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Category.
        pub category: ObjectCategory,
        /// Description.
        pub description: Text,
        /// Examples.
        pub examples: Vec<Text>,
    }

    /// A governance method.
    pub struct Method {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Law or morals.
        pub family: MethodFamily,
        /// Description.
        pub description: Text,
    }

    /// One step of the role scale used in matrix cells.
    pub struct Role {
        /// Unique id.
        pub id: Id,
        /// Label.
        pub name: Text,
        /// One letter (or character) shown in the matrix badge, so colour is never the only cue.
        pub letter: Text,
        /// Display colour, `#rrggbb`.
        pub colour: String,
        /// Weight of the responsibility, 0 to 10, used by the analytics.
        pub weight: f64,
        /// The role is leadership.
        pub leadership: bool,
        /// The role is the main responsibility for the object.
        pub main: bool,
        /// The role is auxiliary participation.
        pub auxiliary: bool,
        /// The role supervises.
        pub supervision: bool,
    }

    /// A point of a diagram layout, in diagram units.
    #[derive(Copy)]
    pub struct Point {
        /// Horizontal position.
        pub x: f64,
        /// Vertical position.
        pub y: f64,
    }

    /// What one subject does about one object in one model.
    #[derive(Default)]
    pub struct Cell {
        /// Role id, if any.
        pub role: Option<Id>,
        /// Method ids, in the order the user chose them.
        pub methods: Vec<Id>,
        /// Order maintaining, rights protection, or both.
        pub orientation: Option<Orientation>,
        /// Concrete responsibility statements.
        pub statements: Vec<Text>,
        /// Free note.
        pub note: String,
        /// Where in the paper a preset cell comes from.
        pub source: String,
    }

    /// A governance model: tiers, the responsibility matrix and diagram layout.
    pub struct Model {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Description.
        pub description: Text,
        /// Each subject's tier; a subject not listed is absent.
        pub tiers: BTreeMap<Id, Tier>,
        /// The responsibility matrix: subject id → object id → cell.
        pub cells: BTreeMap<Id, BTreeMap<Id, Cell>>,
        /// Diagram positions of subjects and objects, by id.
        pub layout: BTreeMap<Id, Point>,
        /// Free notes.
        pub notes: String,
        /// The model's checklist of design requirements and characteristics, by principle id:
        /// what a group ticked by hand, with its note.
        pub checks: BTreeMap<Id, Check>,
    }

    /// A hand-made entry of a model's checklist.
    #[derive(Default)]
    pub struct Check {
        /// The group judges the principle met.
        pub done: bool,
        /// Why, or what is missing.
        pub note: String,
    }

    /// One step of a transition plan.
    pub struct PlanStep {
        /// Unique within its plan.
        pub id: Id,
        /// The subject who acts (steps are grouped by it); none for a general step.
        pub subject: Option<Id>,
        /// The object concerned, if any.
        pub object: Option<Id>,
        /// The difference it was generated from; none for a step added by hand.
        pub change: Option<StepChange>,
        /// What to do.
        pub title: Text,
        /// Who carries it out.
        pub owner: String,
        /// How urgent.
        pub priority: Priority,
        /// When it should be done.
        pub target: Option<NaiveDate>,
        /// Where it stands.
        pub status: StepStatus,
        /// Free notes.
        pub notes: String,
        /// Dots given by a show of hands, counted by the facilitator (the dots in answer
        /// files of a round that votes on the plan are added to these, not copied here).
        #[serde(default)]
        pub votes: u32,
    }

    /// A plan to move from one model to another, one step per difference, editable.
    pub struct Plan {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Id of the model the plan starts from.
        pub from: Id,
        /// Id of the model the plan leads to.
        pub to: Id,
        /// Steps in order.
        pub steps: Vec<PlanStep>,
    }

    /// One stage of the traditional model's formation (Table 1).
    pub struct Stage {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// First year.
        pub start: i32,
        /// Last year; none while the stage lasts.
        pub end: Option<i32>,
        /// The body that played the leading role.
        pub leading_body: Text,
        /// Other regulators named for the stage.
        pub other_regulators: Vec<Text>,
        /// What happened.
        pub description: Text,
    }

    /// A disadvantage, design requirement or characteristic from the paper.
    pub struct Principle {
        /// Unique id.
        pub id: Id,
        /// Which list it belongs to.
        pub kind: PrincipleKind,
        /// Name.
        pub name: Text,
        /// Description.
        pub description: Text,
    }

    /// One observation of the Figure 1 series.
    pub struct DataPoint {
        /// Period, `YYYY-MM`.
        pub period: String,
        /// Netizens, millions.
        pub netizens_million: f64,
        /// Internet penetration, percent.
        pub penetration_percent: f64,
        /// Which report it comes from.
        pub report: String,
    }

    /// A data series shown as a chart.
    pub struct Dataset {
        /// Unique id.
        pub id: Id,
        /// Name.
        pub name: Text,
        /// Source line shown under the chart.
        pub source: String,
        /// Observations in time order.
        pub points: Vec<DataPoint>,
    }

    /// A subject or object as a workshop round asks about it: its id in the workbook the round
    /// came from, and its name, so a round file is complete without that workbook.
    pub struct Choice {
        /// Id in the facilitator's workbook.
        pub id: Id,
        /// Name.
        pub name: Text,
    }

    /// A role participants can choose in a round.
    pub struct RoleChoice {
        /// Id in the facilitator's workbook.
        pub id: Id,
        /// Label.
        pub name: Text,
        /// Badge letter.
        pub letter: Text,
        /// Display colour, `#rrggbb`.
        pub colour: String,
    }

    /// What a workshop round asks: for each subject × object, which role (or none).
    pub struct Question {
        /// The rows.
        pub subjects: Vec<Choice>,
        /// The columns.
        pub objects: Vec<Choice>,
        /// The role scale.
        pub roles: Vec<RoleChoice>,
        /// Roles every answer starts from (subject → object → role); empty to start blank.
        pub start: BTreeMap<Id, BTreeMap<Id, Id>>,
        /// The plan whose steps are voted on with dots, if any. The vote's fields are left out
        /// of files when there is no vote, so such a question reads (and checksums) as before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub plan: Option<Id>,
        /// The steps offered for the vote, with their titles (ids of the plan's steps).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub steps: Vec<Choice>,
        /// Dots each participant may spread over the steps (several on one step allowed).
        #[serde(default, skip_serializing_if = "is_zero")]
        pub dots: u32,
    }

    /// One participant's (or group's) answer to a round.
    pub struct Answer {
        /// Unique id, made by the answering device; the same answer sent twice keeps it.
        pub id: Id,
        /// Name or group label; empty when anonymous.
        pub participant: String,
        /// When it was last changed on the answering device.
        pub submitted: DateTime<Utc>,
        /// subject → object → role id, or `null` for "no role"; a missing cell is unanswered.
        pub cells: BTreeMap<Id, BTreeMap<Id, Option<Id>>>,
        /// subject → object → a one-line reason.
        pub reasons: BTreeMap<Id, BTreeMap<Id, String>>,
        /// Dots given to plan steps: step id → dots (at most the question's `dots` in all).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub votes: BTreeMap<Id, u32>,
    }

    /// A collected answer and whether the facilitator counts it.
    pub struct Collected {
        /// The answer.
        pub answer: Answer,
        /// Left out of the agreement figures (kept, and can be counted again).
        pub excluded: bool,
    }

    /// What the room decided about one disputed cell.
    #[derive(Default)]
    pub struct Decision {
        /// The cell has been discussed.
        pub discussed: bool,
        /// The decision, in words.
        pub note: String,
    }

    /// A workshop round: a question many people answer on their own devices.
    pub struct Round {
        /// Unique id.
        pub id: Id,
        /// Title.
        pub name: Text,
        /// The question put to the room, in words.
        pub prompt: Text,
        /// The model the question was taken from, if any.
        pub model: Option<Id>,
        /// Answers carry no names.
        pub anonymous: bool,
        /// What is asked.
        pub question: Question,
        /// This device's own answer, while it is being filled in.
        pub mine: Option<Answer>,
        /// The answers collected by the facilitator, in the order they came.
        pub answers: Vec<Collected>,
        /// Decisions on discussed cells: subject → object → decision.
        pub decisions: BTreeMap<Id, BTreeMap<Id, Decision>>,
    }

    /// The whole document a user saves and carries between workshops.
    pub struct Workbook {
        /// Title, authors, times.
        pub meta: Meta,
        /// Who governs.
        pub subjects: Vec<Subject>,
        /// What is governed.
        pub objects: Vec<Object>,
        /// How it is governed.
        pub methods: Vec<Method>,
        /// The role scale of matrix cells.
        pub roles: Vec<Role>,
        /// The models, at least one.
        pub models: Vec<Model>,
        /// Stages of the traditional model.
        pub timeline: Vec<Stage>,
        /// Disadvantages, design requirements and characteristics.
        pub principles: Vec<Principle>,
        /// Data series.
        pub datasets: Vec<Dataset>,
        /// Transition plans between models.
        pub plans: Vec<Plan>,
        /// Workshop rounds.
        pub rounds: Vec<Round>,
    }
}

impl Cell {
    /// True when the cell says nothing at all.
    pub fn is_empty(&self) -> bool {
        self.role.is_none()
            && self.methods.is_empty()
            && self.orientation.is_none()
            && self.statements.is_empty()
            && self.note.is_empty()
            && self.source.is_empty()
    }
}

impl Model {
    /// A model with nothing in it yet.
    pub fn empty(id: Id, name: Text) -> Model {
        Model {
            id,
            name,
            description: Text::default(),
            tiers: BTreeMap::new(),
            cells: BTreeMap::new(),
            layout: BTreeMap::new(),
            notes: String::new(),
            checks: BTreeMap::new(),
        }
    }

    /// The cell of (subject, object), if it has one.
    pub fn cell(&self, subject: &str, object: &str) -> Option<&Cell> {
        self.cells.get(subject).and_then(|row| row.get(object))
    }

    /// Sets or clears (with `None` or an empty cell) the cell of (subject, object); returns the old one.
    pub fn put_cell(&mut self, subject: &str, object: &str, cell: Option<Cell>) -> Option<Cell> {
        let cell = cell.filter(|c| !c.is_empty());
        let old = match cell {
            Some(c) => self
                .cells
                .entry(subject.to_string())
                .or_default()
                .insert(object.to_string(), c),
            None => {
                let row = self.cells.get_mut(subject)?;
                let old = row.remove(object);
                if row.is_empty() {
                    self.cells.remove(subject);
                }
                old
            }
        };
        old
    }

    /// The subject's tier; absent when not listed.
    pub fn tier(&self, subject: &str) -> Tier {
        self.tiers.get(subject).copied().unwrap_or(Tier::Absent)
    }

    /// The subjects in display order, each with its tier: by tier (leadership first, absent
    /// last), then in the workbook's order. The rows of the matrix, the print sheet and the
    /// network's subject column.
    pub fn rows<'a>(&self, wb: &'a Workbook) -> Vec<(&'a Subject, Tier)> {
        Tier::ALL
            .into_iter()
            .flat_map(|t| {
                wb.subjects
                    .iter()
                    .filter(move |x| self.tier(&x.id) == t)
                    .map(move |x| (x, t))
            })
            .collect()
    }

    /// Every cell with its subject and object ids.
    pub fn iter_cells(&self) -> impl Iterator<Item = (&Id, &Id, &Cell)> {
        self.cells
            .iter()
            .flat_map(|(s, row)| row.iter().map(move |(o, c)| (s, o, c)))
    }
}

impl Workbook {
    /// The subject with `id`.
    pub fn subject(&self, id: &str) -> Option<&Subject> {
        self.subjects.iter().find(|s| s.id == id)
    }
    /// The object with `id`.
    pub fn object(&self, id: &str) -> Option<&Object> {
        self.objects.iter().find(|o| o.id == id)
    }
    /// The method with `id`.
    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id == id)
    }
    /// The role with `id`.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }
    /// The model with `id`.
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }
    /// Mutable model with `id`.
    pub fn model_mut(&mut self, id: &str) -> Option<&mut Model> {
        self.models.iter_mut().find(|m| m.id == id)
    }

    /// Every id in use, for uniqueness checks and fresh ids.
    pub fn all_ids(&self) -> impl Iterator<Item = &Id> {
        self.subjects
            .iter()
            .map(|x| &x.id)
            .chain(self.objects.iter().map(|x| &x.id))
            .chain(self.methods.iter().map(|x| &x.id))
            .chain(self.roles.iter().map(|x| &x.id))
            .chain(self.models.iter().map(|x| &x.id))
            .chain(self.timeline.iter().map(|x| &x.id))
            .chain(self.principles.iter().map(|x| &x.id))
            .chain(self.datasets.iter().map(|x| &x.id))
            .chain(self.plans.iter().map(|x| &x.id))
            .chain(self.rounds.iter().map(|x| &x.id))
    }

    /// Names of every subject and object in `lang`, by id (the labels of matrices and diagrams).
    pub fn axis_names(&self, lang: Lang) -> std::collections::HashMap<Id, String> {
        self.subjects
            .iter()
            .map(|x| (x.id.clone(), x.name.get(lang).to_string()))
            .chain(
                self.objects
                    .iter()
                    .map(|x| (x.id.clone(), x.name.get(lang).to_string())),
            )
            .collect()
    }

    /// (id, name in `lang`) of every model, in order (the choices of a model picker).
    pub fn model_names(&self, lang: Lang) -> Vec<(Id, String)> {
        self.models
            .iter()
            .map(|m| (m.id.clone(), m.name.get(lang).to_string()))
            .collect()
    }

    /// The round with `id`.
    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The plan with `id`.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// A fresh id `prefix-N` not used in the workbook: the caller picks the prefix, the core
    /// never draws random numbers.
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let used: std::collections::HashSet<&str> = self.all_ids().map(String::as_str).collect();
        (1..)
            .map(|n| format!("{prefix}-{n}"))
            .find(|id| !used.contains(id.as_str()))
            .expect("an unbounded range always yields a free id")
    }
}
