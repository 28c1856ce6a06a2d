//! Workshop rounds: the question put to a room, the files that carry it to participants and
//! their answers back, collecting answers, agreement per cell and over the matrix, the
//! discussion queue and the consensus model.
//!
//! A round file (`cogovern.round`) holds the question with every name it shows, so a
//! participant needs nothing else. An answer file (`cogovern.answer`) names its round and a
//! checksum of the question, so an answer to another round, or to a question edited since,
//! is recognised when collected.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::agree::{alpha_of_counts, kappa_of_counts};
use super::commands::{Command, MAX_ANSWERS};
use super::csv::field;
use super::model::*;
use super::order;
use super::plan::md_escape;

/// The `format` name of a round file.
pub const ROUND_FORMAT: &str = "cogovern.round";
/// The `format` name of an answer file.
pub const ANSWER_FORMAT: &str = "cogovern.answer";
/// The version of both files this build writes and reads.
pub const FILE_VERSION: u32 = 2;
/// Largest round or answer file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// A new round asking about `subjects` × `objects` with `roles` (ids of `wb`, in that order),
/// starting every answer from `start`'s cells when given.
pub fn new_round(
    wb: &Workbook,
    id: Id,
    name: Text,
    selection: [&[Id]; 3],
    start: Option<&Model>,
    anonymous: bool,
) -> Round {
    let [subjects, objects, roles] = selection;
    let choice = |id: &Id, name: Option<&Text>| Choice {
        id: id.clone(),
        name: name.cloned().unwrap_or_default(),
    };
    let subjects: Vec<Choice> = subjects
        .iter()
        .map(|s| choice(s, wb.subject(s).map(|x| &x.name)))
        .collect();
    let objects: Vec<Choice> = objects
        .iter()
        .map(|o| choice(o, wb.object(o).map(|x| &x.name)))
        .collect();
    let roles: Vec<RoleChoice> = roles
        .iter()
        .filter_map(|r| wb.role(r))
        .map(|r| RoleChoice {
            id: r.id.clone(),
            name: r.name.clone(),
            letter: r.letter.clone(),
            colour: r.colour.clone(),
        })
        .collect();
    let mut first = BTreeMap::new();
    if let Some(m) = start {
        for s in &subjects {
            for o in &objects {
                let role = m.cell(&s.id, &o.id).and_then(|c| c.role.as_ref());
                if let Some(r) = role.filter(|r| roles.iter().any(|x| &x.id == *r)) {
                    first
                        .entry(s.id.clone())
                        .or_insert_with(BTreeMap::new)
                        .insert(o.id.clone(), r.clone());
                }
            }
        }
    }
    Round {
        id,
        name,
        prompt: Text::default(),
        model: start.map(|m| m.id.clone()),
        anonymous,
        question: Question {
            subjects,
            objects,
            roles,
            start: first,
            plan: None,
            steps: vec![],
            dots: 0,
        },
        mine: None,
        answers: vec![],
        decisions: BTreeMap::new(),
    }
}

/// A fresh answer to `q`, starting from its `start` cells.
pub fn new_answer(q: &Question, id: Id, now: DateTime<Utc>) -> Answer {
    Answer {
        id,
        participant: String::new(),
        submitted: now,
        cells: q
            .start
            .iter()
            .map(|(s, row)| {
                let row = row.iter().map(|(o, r)| (o.clone(), Some(r.clone())));
                (s.clone(), row.collect())
            })
            .collect(),
        reasons: BTreeMap::new(),
        votes: BTreeMap::new(),
    }
}

/// FNV-1a (64 bits) of the question's JSON, as 16 hex digits: equal questions give equal
/// checksums; any edit of a subject, object, role or name gives another one.
pub fn checksum(q: &Question) -> String {
    let text = serde_json::to_string(q).expect("a question always serialises");
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundFile {
    format: String,
    version: u32,
    id: Id,
    name: Text,
    prompt: Text,
    anonymous: bool,
    question: Question,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFile {
    format: String,
    version: u32,
    round: Id,
    question: String,
    answer: Answer,
}

/// The version a round or answer file of `q` is written as: 1, which every earlier version
/// reads, unless the round votes on a plan.
fn file_version(q: &Question) -> u32 {
    if q.plan.is_some() || !q.steps.is_empty() || q.dots > 0 {
        FILE_VERSION
    } else {
        1
    }
}

/// The round file participants open: compact JSON, so it also fits a link.
pub fn round_file(r: &Round) -> String {
    serde_json::to_string(&RoundFile {
        format: ROUND_FORMAT.into(),
        version: file_version(&r.question),
        id: r.id.clone(),
        name: r.name.clone(),
        prompt: r.prompt.clone(),
        anonymous: r.anonymous,
        question: r.question.clone(),
    })
    .expect("a round always serialises")
}

/// The answer file a participant sends back (anonymous rounds drop the name).
pub fn answer_file(r: &Round, a: &Answer) -> String {
    let mut answer = a.clone();
    if r.anonymous {
        answer.participant.clear();
    }
    let mut s = serde_json::to_string_pretty(&AnswerFile {
        format: ANSWER_FORMAT.into(),
        version: file_version(&r.question),
        round: r.id.clone(),
        question: checksum(&r.question),
        answer,
    })
    .expect("an answer always serialises");
    s.push('\n');
    s
}

/// Why a round or answer file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Larger than `MAX_FILE_BYTES`.
    TooLarge,
    /// Not UTF-8 JSON; with line and column.
    Syntax(usize, usize, String),
    /// Another kind of file (with its `format`, if any).
    OtherFormat(Option<String>),
    /// Written by a newer cogovern.
    TooNew(u64),
    /// A value of the wrong type, or a reference the question lacks; with the JSON path.
    Type(String, String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::TooLarge => write!(f, "the file is larger than {MAX_FILE_BYTES} bytes"),
            FileError::Syntax(l, c, m) => write!(f, "line {l}, column {c}: {m}"),
            FileError::OtherFormat(Some(x)) => write!(f, "this is a \"{x}\" file"),
            FileError::OtherFormat(None) => write!(f, "this is not a cogovern file"),
            FileError::TooNew(v) => write!(
                f,
                "version {v} is newer than this cogovern reads ({FILE_VERSION})"
            ),
            FileError::Type(p, m) => write!(f, "{p}: {m}"),
        }
    }
}

/// The `format` of a JSON file's top-level object, if it has one (to route a dropped file).
pub fn format_of(bytes: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Head>(text).ok()?.format
}

/// A round or answer file: its format name and version.
trait Envelope: for<'de> Deserialize<'de> {
    fn envelope(&self) -> (&str, u32);
}

impl Envelope for RoundFile {
    fn envelope(&self) -> (&str, u32) {
        (&self.format, self.version)
    }
}

impl Envelope for AnswerFile {
    fn envelope(&self) -> (&str, u32) {
        (&self.format, self.version)
    }
}

/// Reads a file of `format`, checking size, syntax, envelope and version, then the types
/// (straight from the text: no JSON tree in between).
fn read_file<T: Envelope>(bytes: &[u8], format: &str) -> Result<T, FileError> {
    /// The envelope alone; every other key is skipped unread.
    #[derive(Deserialize)]
    struct Head {
        format: Option<Value>,
        version: Option<Value>,
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| FileError::Syntax(1, 1, "the file is not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A sound file of this format reads in one pass (and the duplicate-key scan). Any other is
    // read again step by step below, for the report: syntax, envelope, version, then types.
    if let Ok(file) = serde_json::from_str::<T>(text) {
        let (found, version) = file.envelope();
        if found == format
            && (1..=FILE_VERSION).contains(&version)
            && super::strict::first_duplicate(text).is_none()
        {
            return Ok(file);
        }
    }
    let head: Head = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            FileError::OtherFormat(None)
        } else {
            FileError::Syntax(e.line(), e.column(), e.to_string())
        }
    })?;
    if let Some(d) = super::strict::first_duplicate(text) {
        return Err(FileError::Type(d.path, "this key appears twice".into()));
    }
    let found = head.format.as_ref().and_then(Value::as_str);
    if found != Some(format) {
        return Err(FileError::OtherFormat(found.map(String::from)));
    }
    match head.version.as_ref().and_then(Value::as_u64) {
        Some(v) if v > u64::from(FILE_VERSION) => return Err(FileError::TooNew(v)),
        Some(v) if v >= 1 => {}
        _ => {
            return Err(FileError::Type(
                "version".into(),
                format!("expected 1 to {FILE_VERSION}"),
            ))
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    T::deserialize(&mut de).map_err(|e| {
        FileError::Type(
            super::strict::path_at(text, e.line(), e.column()),
            super::format::syntax_message(&e),
        )
    })
}

/// An answer file's round id, question checksum and answer (what `cogovern agree` reads).
pub fn read_answer(bytes: &[u8]) -> Result<(Id, String, Answer), FileError> {
    let f: AnswerFile = read_file(bytes, ANSWER_FORMAT)?;
    Ok((f.round, f.question, f.answer))
}

/// Per unit (subject, object) answered in any of `answers`, the categories given, in key order.
pub fn units_of(answers: &[Answer]) -> Vec<Vec<&Option<Id>>> {
    let mut units: BTreeMap<(&Id, &Id), Vec<&Option<Id>>> = BTreeMap::new();
    for a in answers {
        for (s, row) in &a.cells {
            for (o, c) in row {
                units.entry((s, o)).or_default().push(c);
            }
        }
    }
    units.into_values().collect()
}

/// A round from a round file, ready to be answered on this device.
pub fn read_round(bytes: &[u8]) -> Result<Round, FileError> {
    let f: RoundFile = read_file(bytes, ROUND_FORMAT)?;
    let mut problems = Vec::new();
    check_question(&f.question, "question", &mut problems);
    if let Some((path, message)) = problems.into_iter().next() {
        return Err(FileError::Type(path, message));
    }
    Ok(Round {
        id: f.id,
        name: f.name,
        prompt: f.prompt,
        model: None,
        anonymous: f.anonymous,
        question: f.question,
        mine: None,
        answers: vec![],
        decisions: BTreeMap::new(),
    })
}

/// A problem found in a question or an answer: JSON path and message.
pub type Flaw = (String, String);

/// Ids of a question's lists must be unique and well-formed.
pub fn check_question(q: &Question, at: &str, out: &mut Vec<Flaw>) {
    let lists: [(&str, Vec<&Id>); 3] = [
        ("subjects", q.subjects.iter().map(|x| &x.id).collect()),
        ("objects", q.objects.iter().map(|x| &x.id).collect()),
        ("roles", q.roles.iter().map(|x| &x.id).collect()),
    ];
    for (name, ids) in lists {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if id.is_empty() || !seen.insert(id) {
                out.push((
                    format!("{at}.{name}[{i}].id"),
                    format!("the id \"{id}\" is empty or used twice"),
                ));
            }
        }
    }
    check_cells(q, &q.start, Some, [at, "start"], out);
}

/// The ids of a list with their positions, sorted by id. Answers have thousands of cells, each
/// looked up by subject, object and role: a binary search over a few dozen short ids compares
/// a handful of bytes where a `HashMap` hashed every id with SipHash (about 8 % of the script
/// that collecting 40 answers ran, in a profile).
struct Positions<'a>(Vec<(&'a str, usize)>);

impl<'a> Positions<'a> {
    fn of<T>(list: &'a [T], id: impl Fn(&'a T) -> &'a Id) -> Self {
        Self::sorted(list.iter().map(|x| id(x).as_str()).zip(0..).collect())
    }

    /// Not generic, so the sort is compiled once (each copy of a sort adds kilobytes to the wasm).
    fn sorted(mut ids: Vec<(&'a str, usize)>) -> Self {
        // By id, then position: a repeated id finds its first place.
        ids.sort_unstable();
        Self(ids)
    }

    /// The position of `id` in the list, if it is there.
    fn get(&self, id: &str) -> Option<usize> {
        let at = self.0.partition_point(|(k, _)| *k < id);
        self.0.get(at).filter(|(k, _)| *k == id).map(|&(_, i)| i)
    }

    /// A walk along the list for ids asked in ascending order, as a `BTreeMap` gives its keys.
    fn walk(&self) -> Walk<'_, 'a> {
        Walk(&self.0)
    }
}

/// The part of a [`Positions`] list not yet passed: the positions of the cells of one answer's
/// row are found in one walk along the question's sorted ids, not a search each (about a
/// tenth of the script of collecting 40 answers to a 20 × 20 round went to those searches).
struct Walk<'p, 'a>(&'p [(&'a str, usize)]);

impl Walk<'_, '_> {
    /// The position of `id`, which is not below any id asked before.
    fn get(&mut self, id: &str) -> Option<usize> {
        while let Some(((k, _), rest)) = self.0.split_first() {
            if *k >= id {
                break;
            }
            self.0 = rest;
        }
        self.0.first().filter(|(k, _)| *k == id).map(|&(_, i)| i)
    }
}

/// Checks every cell of `cells` (subject → object → value, the value's role from `role`)
/// against question `q`: its subject, then its object, then its role must be asked about. Each
/// flaw is at `{at}.{part}.{s}.{o}` (written only for a flaw: answers have thousands of cells).
fn check_cells<'a, V: 'a>(
    q: &Question,
    cells: &'a BTreeMap<Id, BTreeMap<Id, V>>,
    role: impl Fn(&'a V) -> Option<&'a Id>,
    [at, part]: [&str; 2],
    out: &mut Vec<Flaw>,
) {
    let objects = Positions::of(&q.objects, |x| &x.id);
    let roles = Positions::of(&q.roles, |x| &x.id);
    for (s, row) in cells {
        let asked = q.subjects.iter().any(|x| x.id == *s);
        let mut objects = objects.walk();
        for (o, v) in row {
            let flaw = if !asked {
                format!("the question has no subject \"{s}\"")
            } else if objects.get(o).is_none() {
                format!("the question has no object \"{o}\"")
            } else if let Some(r) = role(v).filter(|r| roles.get(r).is_none()) {
                format!("the question has no role \"{r}\"")
            } else {
                continue;
            };
            out.push((format!("{at}.{part}.{s}.{o}"), flaw));
        }
    }
}

/// Every cell and reason of `a` must be one the question asks about.
pub fn check_answer(q: &Question, a: &Answer, at: &str, out: &mut Vec<Flaw>) {
    check_cells(q, &a.cells, Option::as_ref, [at, "cells"], out);
    check_cells(q, &a.reasons, |_| None, [at, "reasons"], out);
    for step in a.votes.keys() {
        if !q.steps.iter().any(|s| s.id == *step) {
            out.push((
                format!("{at}.votes.{step}"),
                format!("the question has no plan step \"{step}\""),
            ));
        }
    }
    let dots: u64 = a.votes.values().map(|&d| u64::from(d)).sum();
    if dots > u64::from(q.dots) {
        out.push((
            format!("{at}.votes"),
            format!("{dots} dots given; the round allows {}", q.dots),
        ));
    }
    if a.id.is_empty() {
        out.push((format!("{at}.id"), "the answer has no id".into()));
    }
}

/// Puts a vote on the steps of `plan` into `round`'s question: each participant spreads
/// `dots` dots over them (several on one step allowed).
pub fn vote_on(round: &mut Round, plan: &Plan, dots: u32) {
    round.question.plan = Some(plan.id.clone());
    round.question.steps = plan
        .steps
        .iter()
        .map(|s| Choice {
            id: s.id.clone(),
            name: s.title.clone(),
        })
        .collect();
    round.question.dots = dots;
}

/// Dots left to give in answer `a` to question `q`.
pub fn dots_left(q: &Question, a: &Answer) -> u32 {
    let given: u64 = a.votes.values().map(|&d| u64::from(d)).sum();
    u64::from(q.dots).saturating_sub(given) as u32
}

/// Pasted text cut into its JSON values (several answers copied one after another), each
/// with a name ("pasted 1", …, from `name`) and its exact text; what does not parse is kept
/// whole as the last piece, so its error is reported where it is.
pub fn split_pasted(text: &str, name: &str) -> Vec<(String, Vec<u8>)> {
    let mut pieces = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    let mut start = 0;
    while let Some(Ok(_)) = stream.next() {
        let end = stream.byte_offset();
        pieces.push(text[start..end].trim().as_bytes().to_vec());
        start = end;
    }
    if !text[start..].trim().is_empty() || pieces.is_empty() {
        pieces.push(text[start..].trim().as_bytes().to_vec());
    }
    let n = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            (
                if n == 1 {
                    name.to_string()
                } else {
                    format!("{name} {}", i + 1)
                },
                p,
            )
        })
        .collect()
}

/// What happened to one file offered to a round.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Added, from this participant (empty when anonymous).
    Added(String),
    /// Replaced an older answer of the same participant (or the same answer sent again).
    Replaced(String),
    /// An answer of the same participant that is not newer than the one kept.
    Older(String),
    /// The very answer already collected.
    Same(String),
    /// An answer to another round, with its id.
    OtherRound(Id),
    /// An answer to this round's question as it was before an edit.
    EditedQuestion,
    /// Not an answer file, or damaged.
    Damaged(FileError),
    /// The round holds `MAX_ANSWERS` answers already.
    Full,
}

/// The result of offering files to a round: the commands to apply (one undo step) and one
/// report line per file, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// Apply as one `Command::Batch`; empty when nothing changes.
    pub commands: Vec<Command>,
    /// (file name, outcome), one per file.
    pub report: Vec<(String, Outcome)>,
}

/// Who an answer is from, for spotting the same participant twice: the name, trimmed and
/// case-folded; anonymous answers are only the same when their ids are.
fn who(a: &Answer) -> Option<String> {
    let name = a.participant.trim().to_lowercase();
    (!name.is_empty()).then_some(name)
}

/// Offers `files` (name, bytes) to `round`: each is checked and reported; later files see the
/// effect of earlier ones, so the same participant twice in one drop keeps the newer answer.
pub fn collect(round: &Round, files: &[(String, Vec<u8>)]) -> Collection {
    let sum = checksum(&round.question);
    let mut kept: Vec<Kept> = round.answers.iter().map(Kept::Had).collect();
    let mut commands = Vec::new();
    let mut report = Vec::new();
    for (name, bytes) in files {
        let outcome = match read_file::<AnswerFile>(bytes, ANSWER_FORMAT) {
            Err(e) => Outcome::Damaged(e),
            Ok(f) if f.round != round.id => Outcome::OtherRound(f.round),
            Ok(f) if f.question != sum => Outcome::EditedQuestion,
            Ok(f) => {
                let mut flaws = Vec::new();
                check_answer(&round.question, &f.answer, "answer", &mut flaws);
                match flaws.into_iter().next() {
                    Some((p, m)) => Outcome::Damaged(FileError::Type(p, m)),
                    None => offer(&round.id, &mut kept, &mut commands, f.answer),
                }
            }
        };
        report.push((name.clone(), outcome));
    }
    Collection { commands, report }
}

/// An answer of the round as a drop goes on: one it had, or one the drop's command number
/// `n` inserts (the answer lives in that command alone: nothing is copied).
#[derive(Clone, Copy)]
enum Kept<'a> {
    Had(&'a Collected),
    New(usize),
}

impl<'a> Kept<'a> {
    fn get(self, commands: &'a [Command]) -> Option<&'a Collected> {
        match self {
            Kept::Had(c) => Some(c),
            Kept::New(n) => match commands.get(n) {
                Some(Command::InsertAnswer { answer, .. }) => Some(answer),
                _ => None,
            },
        }
    }
}

fn offer(round: &Id, kept: &mut Vec<Kept>, commands: &mut Vec<Command>, a: Answer) -> Outcome {
    let label = a.participant.trim().to_string();
    let name = who(&a);
    let earlier = kept.iter().position(|k| {
        k.get(commands)
            .is_some_and(|c| c.answer.id == a.id || (name.is_some() && who(&c.answer) == name))
    });
    let Some(i) = earlier else {
        if kept.len() >= MAX_ANSWERS {
            return Outcome::Full;
        }
        commands.push(Command::InsertAnswer {
            round: round.clone(),
            index: kept.len(),
            answer: Collected {
                answer: a,
                excluded: false,
            },
        });
        kept.push(Kept::New(commands.len() - 1));
        return Outcome::Added(label);
    };
    let Some(old) = kept[i].get(commands) else {
        return Outcome::Same(label);
    };
    if old.answer == a {
        return Outcome::Same(label);
    }
    if old.answer.submitted >= a.submitted {
        return Outcome::Older(label);
    }
    let (old_id, excluded) = (old.answer.id.clone(), old.excluded);
    commands.push(Command::RemoveAnswer {
        round: round.clone(),
        answer: old_id,
    });
    commands.push(Command::InsertAnswer {
        round: round.clone(),
        index: i,
        answer: Collected {
            answer: a,
            excluded,
        },
    });
    kept[i] = Kept::New(commands.len() - 1);
    Outcome::Replaced(label)
}

/// The answers a round counts (collected and not left out).
pub fn counted(r: &Round) -> impl Iterator<Item = &Answer> {
    r.answers.iter().filter(|c| !c.excluded).map(|c| &c.answer)
}

/// How the counted answers split on one cell. A category is a role id, or `None` for "no role".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// (category, count), most chosen first, then in the question's role order ("no role" last).
    pub counts: Vec<(Option<Id>, usize)>,
    /// How many answered the cell.
    pub n: usize,
}

impl Tally {
    /// The one most chosen category; `None` when no one answered or the top is a tie.
    pub fn modal(&self) -> Option<&Option<Id>> {
        match self.counts.as_slice() {
            [] => None,
            [(c, _)] => Some(c),
            [(c, a), (_, b), ..] => (a > b).then_some(c),
        }
    }

    /// Share of answers for the most chosen category, 0 to 1 (0 when no one answered).
    pub fn share(&self) -> f64 {
        match self.counts.first() {
            Some((_, top)) if self.n > 0 => *top as f64 / self.n as f64,
            _ => 0.0,
        }
    }

    /// Disagreement, 0 (all agree, or under two answers) to under 1: the share of answers that
    /// differ from the most chosen category.
    pub fn dispute(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        1.0 - self.share()
    }
}

/// Agreement over a round's counted answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Per cell (subject, object): its tally.
    pub cells: BTreeMap<(Id, Id), Tally>,
    /// Krippendorff's alpha over every cell.
    pub alpha: Option<f64>,
    /// Fleiss' kappa over every answered cell, when they all have the same number of answers.
    pub kappa: Option<f64>,
    /// Alpha per subject row, in the question's order.
    pub rows: Vec<Option<f64>>,
    /// Alpha per object column, in the question's order.
    pub columns: Vec<Option<f64>>,
    /// How many answers are counted.
    pub answers: usize,
}

/// The figures of a round's counted answers.
pub fn agreement(r: &Round) -> Agreement {
    let q = &r.question;
    let answers: Vec<&Answer> = counted(r).collect();
    let (width, height) = (q.objects.len(), q.subjects.len());
    let rows = Positions::of(&q.subjects, |x| &x.id);
    let columns = Positions::of(&q.objects, |x| &x.id);
    // Categories as small numbers, in the order met; counts per unit (i, j) at i * width + j.
    let mut categories: Vec<&Option<Id>> = Vec::new();
    let mut numbers: BTreeMap<&Option<Id>, usize> = BTreeMap::new();
    let mut counts: Vec<Vec<u32>> = vec![Vec::new(); width * height];
    for a in &answers {
        for (s, row) in &a.cells {
            let Some(i) = rows.get(s) else {
                continue;
            };
            let mut columns = columns.walk();
            for (o, v) in row {
                let Some(j) = columns.get(o) else {
                    continue;
                };
                let c = *numbers.entry(v).or_insert_with(|| {
                    categories.push(v);
                    categories.len() - 1
                });
                let unit = &mut counts[i * width + j];
                if unit.len() <= c {
                    unit.resize(c + 1, 0);
                }
                unit[c] += 1;
            }
        }
    }
    // A tally lists the question's roles in order, other ids after them, "no role" last.
    let mut rank: Vec<usize> = (0..categories.len()).collect();
    rank.sort_by_cached_key(|&c| match categories[c] {
        Some(id) => match q.roles.iter().position(|x| &x.id == id) {
            Some(p) => (0, p, Some(id)),
            None => (1, 0, Some(id)),
        },
        None => (2, 0, None),
    });
    let mut place = vec![0; categories.len()];
    for (k, &c) in rank.iter().enumerate() {
        place[c] = k;
    }
    let mut cells = BTreeMap::new();
    for (i, s) in q.subjects.iter().enumerate() {
        for (j, o) in q.objects.iter().enumerate() {
            let unit = &counts[i * width + j];
            let mut tally: Vec<(usize, u32)> = unit
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, k)| *k > 0)
                .collect();
            order::sort_by_key(&mut tally, |&(c, k)| (std::cmp::Reverse(k), place[c]));
            let counts = tally
                .into_iter()
                .map(|(c, k)| (categories[c].clone(), k as usize))
                .collect();
            let n = unit.iter().sum::<u32>() as usize;
            cells.insert((s.id.clone(), o.id.clone()), Tally { counts, n });
        }
    }
    let unit = |i: usize, j: usize| counts[i * width + j].as_slice();
    // Cells nobody answered carry no data: they are not units (alpha would drop them anyway;
    // for kappa they would make every round with a blank cell "n/a").
    // (A unit's counts grow only as answers are counted: empty means unanswered.)
    let answered = || counts.iter().map(Vec::as_slice).filter(|u| !u.is_empty());
    Agreement {
        cells,
        alpha: alpha_of_counts(answered()),
        kappa: kappa_of_counts(answered()),
        rows: (0..height)
            .map(|i| alpha_of_counts((0..width).map(|j| unit(i, j))))
            .collect(),
        columns: (0..width)
            .map(|j| alpha_of_counts((0..height).map(|i| unit(i, j))))
            .collect(),
        answers: answers.len(),
    }
}

/// The cells to talk about, most disputed first (then most answered, then in matrix order);
/// cells fewer than two people answered, or all agree on, are left out.
pub fn queue(r: &Round, a: &Agreement) -> Vec<(Id, Id)> {
    let q = &r.question;
    // In matrix order, so the stable sort keeps it among equals.
    let mut disputed: Vec<(&(Id, Id), &Tally)> = q
        .subjects
        .iter()
        .flat_map(|s| q.objects.iter().map(move |o| (s, o)))
        .filter_map(|(s, o)| a.cells.get_key_value(&(s.id.clone(), o.id.clone())))
        .filter(|(_, t)| t.dispute() > 0.0)
        .collect();
    order::sort_by(&mut disputed, |(_, t1), (_, t2)| {
        t2.dispute().total_cmp(&t1.dispute()).then(t2.n.cmp(&t1.n))
    });
    disputed.into_iter().map(|(k, _)| k.clone()).collect()
}

/// The reasons given for a cell by counted answers: (participant, their choice, reason).
pub fn reasons<'a>(
    r: &'a Round,
    s: &str,
    o: &str,
) -> Vec<(&'a str, Option<&'a Option<Id>>, &'a str)> {
    counted(r)
        .filter_map(|a| {
            let reason = a.reasons.get(s)?.get(o)?;
            let choice = a.cells.get(s).and_then(|row| row.get(o));
            Some((a.participant.as_str(), choice, reason.as_str()))
        })
        .collect()
}

/// A consensus model: each cell takes its modal role when at least `threshold` (0 to 1) of
/// those who answered chose it; a tie, or a cell under the threshold, gets no role and the note
/// `flag` followed by its split, so the room sees what is still open. Subjects and objects the
/// workbook lacks are left out; tiers come from the round's model when it still exists, else
/// every asked subject is an auxiliary participator.
pub fn consensus(
    wb: &Workbook,
    r: &Round,
    a: &Agreement,
    threshold: f64,
    id: Id,
    name: Text,
    flag: &str,
) -> Model {
    let source = r.model.as_deref().and_then(|m| wb.model(m));
    let letter = |c: &Option<Id>| category_letter(&r.question, c, Lang::En);
    let mut model = Model::empty(id, name);
    for s in r
        .question
        .subjects
        .iter()
        .filter(|s| wb.subject(&s.id).is_some())
    {
        let tier = source.map_or(Tier::Auxiliary, |m| m.tier(&s.id));
        if tier != Tier::Absent {
            model.tiers.insert(s.id.clone(), tier);
        }
        for o in r
            .question
            .objects
            .iter()
            .filter(|o| wb.object(&o.id).is_some())
        {
            let Some(t) = a
                .cells
                .get(&(s.id.clone(), o.id.clone()))
                .filter(|t| t.n > 0)
            else {
                continue;
            };
            let agreed = t.modal().filter(|_| t.share() + 1e-9 >= threshold);
            let cell = match agreed {
                Some(Some(role)) if wb.role(role).is_some() => Cell {
                    role: Some(role.clone()),
                    ..Cell::default()
                },
                Some(_) => continue,
                None => {
                    let split: Vec<String> = t
                        .counts
                        .iter()
                        .map(|(c, k)| format!("{} {k}", letter(c)))
                        .collect();
                    Cell {
                        note: format!("{flag} ({})", split.join(" · ")),
                        ..Cell::default()
                    }
                }
            };
            model.put_cell(&s.id, &o.id, Some(cell));
        }
    }
    model
}

/// The name of a category in `lang` (`none` is the label of "no role").
pub fn category_name(q: &Question, c: &Option<Id>, lang: Lang, none: &str) -> String {
    match c {
        Some(id) => q
            .roles
            .iter()
            .find(|x| &x.id == id)
            .map_or(id.clone(), |x| x.name.get(lang).to_string()),
        None => none.to_string(),
    }
}

/// The badge letter of a category in `lang` ("–" for "no role", the id for a role the
/// question lacks).
pub fn category_letter(q: &Question, c: &Option<Id>, lang: Lang) -> String {
    match c {
        Some(id) => q
            .roles
            .iter()
            .find(|x| &x.id == id)
            .map_or(id.clone(), |x| x.letter.get(lang).to_string()),
        None => "–".to_string(),
    }
}

/// The agreement table as CSV (UTF-8 with a byte-order mark): per cell, subject, object, the
/// count for each role and for "no role", the modal role, its share and how many answered.
/// `heads` are the translated column names: subject, object, modal, share, n, and "no role".
pub fn agreement_csv(r: &Round, a: &Agreement, lang: Lang, heads: [&str; 6]) -> String {
    let [subject, object, modal, share, n, none] = heads;
    let q = &r.question;
    let mut categories: Vec<Option<Id>> = q.roles.iter().map(|x| Some(x.id.clone())).collect();
    categories.push(None);
    let mut out = String::from('\u{feff}');
    let header: Vec<String> = [subject, object]
        .into_iter()
        .map(String::from)
        .chain(categories.iter().map(|c| category_name(q, c, lang, none)))
        .chain([modal, share, n].into_iter().map(String::from))
        .map(|h| field(&h))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for s in &q.subjects {
        for o in &q.objects {
            let t = a
                .cells
                .get(&(s.id.clone(), o.id.clone()))
                .cloned()
                .unwrap_or_default();
            let count =
                |c: &Option<Id>| t.counts.iter().find(|(x, _)| x == c).map_or(0, |(_, k)| *k);
            let row: Vec<String> = [s.name.get(lang).to_string(), o.name.get(lang).to_string()]
                .into_iter()
                .chain(categories.iter().map(|c| count(c).to_string()))
                .chain([
                    t.modal()
                        .map(|c| category_name(q, c, lang, none))
                        .unwrap_or_default(),
                    format!("{:.3}", t.share()),
                    t.n.to_string(),
                ])
                .map(|x| field(&x))
                .collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The words `queue_markdown` needs, in the reader's language.
pub struct QueueWords {
    /// "No role".
    pub none: String,
    /// "{n} answers" template with `{n}`.
    pub answers: String,
    /// "Decision".
    pub decision: String,
    /// "Reasons".
    pub reasons: String,
}

/// The discussion queue as Markdown: one task per disputed cell, most disputed first (ticked
/// when discussed), with its split, the decision and the reasons people gave.
pub fn queue_markdown(r: &Round, a: &Agreement, lang: Lang, w: &QueueWords) -> String {
    let q = &r.question;
    let name = |list: &[Choice], id: &Id| {
        list.iter()
            .find(|x| &x.id == id)
            .map_or(id.clone(), |x| x.name.get(lang).to_string())
    };
    let mut out = format!("# {}\n\n", md_escape(r.name.get(lang)));
    for (s, o) in queue(r, a) {
        let t = &a.cells[&(s.clone(), o.clone())];
        let decision = r.decisions.get(&s).and_then(|row| row.get(&o));
        let tick = if decision.is_some_and(|d| d.discussed) {
            "x"
        } else {
            " "
        };
        let split: Vec<String> = t
            .counts
            .iter()
            .map(|(c, k)| format!("{} {k}", category_name(q, c, lang, &w.none)))
            .collect();
        let n = w.answers.replace("{n}", &t.n.to_string());
        out.push_str(&format!(
            "- [{tick}] **{} × {}**: {} ({n})\n",
            md_escape(&name(&q.subjects, &s)),
            md_escape(&name(&q.objects, &o)),
            md_escape(&split.join(" · "))
        ));
        if let Some(d) = decision.filter(|d| !d.note.trim().is_empty()) {
            out.push_str(&format!(
                "  - {}: {}\n",
                w.decision,
                md_escape(d.note.trim())
            ));
        }
        let given = reasons(r, &s, &o);
        if !given.is_empty() {
            out.push_str(&format!("  - {}:\n", w.reasons));
            for (who, choice, why) in given {
                let choice = choice
                    .map(|c| category_name(q, c, lang, &w.none))
                    .unwrap_or_default();
                let who = if who.trim().is_empty() {
                    String::new()
                } else {
                    format!("{}, ", md_escape(who.trim()))
                };
                out.push_str(&format!(
                    "    - {who}{}: {}\n",
                    md_escape(&choice),
                    md_escape(why)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Positions;

    /// A walk finds what a search finds, for keys asked in ascending order: ids that are
    /// there, ids between, before and after them, prefixes of others, and a repeated id.
    #[test]
    fn a_walk_finds_what_a_search_finds() {
        let ids: Vec<String> = ["o10", "o2", "o1", "a", "o2", "zz", "o1x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let positions = Positions::of(&ids, |x| x);
        let mut asked: Vec<&str> = vec!["", "0", "a", "b", "o", "o1", "o10", "o11", "o1x", "o2"];
        asked.extend(["o3", "zz", "zzz"]);
        for skip in 0..asked.len() {
            let mut walk = positions.walk();
            for id in asked.iter().skip(skip).step_by(skip.max(1)) {
                assert_eq!(walk.get(id), positions.get(id), "{id}");
            }
        }
        assert_eq!(
            positions.get("o2"),
            Some(1),
            "a repeated id finds its first place"
        );
        assert_eq!(positions.walk().get("o2"), Some(1));
    }
}
