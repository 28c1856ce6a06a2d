//! Referential integrity, unique ids, names and limits, each problem with a JSON path.

use std::collections::HashSet;
use std::fmt;

use super::commands::{EntityKind, MAX_AXIS, MAX_MODELS, MAX_OTHER, MAX_STEPS};
use super::model::*;

/// What is wrong at one place of a workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// An id used twice.
    DuplicateId(Id),
    /// An id that is empty or has characters other than letters, digits, `-`, `_`, `.`.
    BadId(Id),
    /// A name blank in both languages.
    EmptyName,
    /// A reference to a subject that does not exist.
    UnknownSubject(Id),
    /// A reference to an object that does not exist.
    UnknownObject(Id),
    /// A reference to a role that does not exist.
    UnknownRole(Id),
    /// A reference to a method that does not exist.
    UnknownMethod(Id),
    /// A layout position for something that is neither a subject nor an object.
    UnknownNode(Id),
    /// A method listed twice in one cell.
    RepeatedMethod(Id),
    /// More entities than the limit.
    TooMany(EntityKind, usize),
    /// No model at all.
    NoModels,
    /// A colour that is not `#rrggbb`.
    BadColour(String),
    /// A number that is not finite or out of its range.
    BadNumber,
    /// A workshop round's question or answers do not fit together.
    Round(String),
}

/// Whether a problem stops a file from opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The data is inconsistent; the file is refused.
    Error,
    /// Worth fixing, but the file opens (a name blanked while editing must never lock a
    /// user out of their own work).
    Warning,
}

impl ProblemKind {
    /// How serious the problem is.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::EmptyName => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem and where it is, as a JSON path such as `models[1].cells.gov.infra.role`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path of the offending value.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::DuplicateId(id) => write!(f, "the id \"{id}\" is used more than once"),
            ProblemKind::BadId(id) => write!(
                f,
                "the id \"{id}\" must be letters, digits, '-', '_' or '.'"
            ),
            ProblemKind::EmptyName => write!(f, "the name is empty in both languages"),
            ProblemKind::UnknownSubject(id) => write!(
                f,
                "refers to subject \"{id}\", which is not in the workbook"
            ),
            ProblemKind::UnknownObject(id) => {
                write!(f, "refers to object \"{id}\", which is not in the workbook")
            }
            ProblemKind::UnknownRole(id) => {
                write!(f, "refers to role \"{id}\", which is not in the role scale")
            }
            ProblemKind::UnknownMethod(id) => {
                write!(f, "refers to method \"{id}\", which is not in the workbook")
            }
            ProblemKind::UnknownNode(id) => write!(
                f,
                "places \"{id}\", which is neither a subject nor an object"
            ),
            ProblemKind::RepeatedMethod(id) => write!(f, "lists method \"{id}\" twice"),
            ProblemKind::TooMany(k, n) => write!(f, "has more than {n} entries of kind {k:?}"),
            ProblemKind::NoModels => write!(f, "a workbook needs at least one model"),
            ProblemKind::BadColour(c) => write!(f, "\"{c}\" is not a colour of the form #rrggbb"),
            ProblemKind::BadNumber => write!(f, "the number is out of range"),
            ProblemKind::Round(m) => write!(f, "{m}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

fn valid_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit())
}

struct Checker<'a> {
    out: Vec<Problem>,
    seen: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, path: String, kind: ProblemKind) {
        self.out.push(Problem { path, kind });
    }

    fn entity(&mut self, path: String, id: &'a str, name: &Text) {
        if !valid_id(id) {
            self.push(format!("{path}.id"), ProblemKind::BadId(id.into()));
        } else if !self.seen.insert(id) {
            self.push(format!("{path}.id"), ProblemKind::DuplicateId(id.into()));
        }
        if name.is_blank() {
            self.push(format!("{path}.name"), ProblemKind::EmptyName);
        }
    }

    fn list<T>(
        &mut self,
        field: &str,
        list: &'a [T],
        kind: EntityKind,
        max: usize,
        f: impl Fn(&'a T) -> (&'a str, &'a Text),
    ) {
        if list.len() > max {
            self.push(field.into(), ProblemKind::TooMany(kind, max));
        }
        for (i, x) in list.iter().enumerate() {
            let (id, name) = f(x);
            self.entity(format!("{field}[{i}]"), id, name);
        }
    }

    fn colour(&mut self, path: String, c: &str) {
        if !valid_colour(c) {
            self.push(path, ProblemKind::BadColour(c.into()));
        }
    }

    fn number(&mut self, path: String, x: f64, lo: f64, hi: f64) {
        if !(x.is_finite() && x >= lo && x <= hi) {
            self.push(path, ProblemKind::BadNumber);
        }
    }
}

mod rounds {
    use super::*;
    use crate::core::commands::MAX_ANSWERS;
    use crate::core::workshop::{check_answer, check_question};

    /// A round's question, answers and colours; a wrong reference is a problem with its path.
    pub(super) fn check(c: &mut Checker, i: usize, r: &Round) {
        let at = format!("rounds[{i}]");
        let mut flaws = Vec::new();
        check_question(&r.question, &format!("{at}.question"), &mut flaws);
        if let Some(a) = &r.mine {
            check_answer(&r.question, a, &format!("{at}.mine"), &mut flaws);
        }
        let mut seen = HashSet::new();
        for (j, a) in r.answers.iter().enumerate() {
            let here = format!("{at}.answers[{j}].answer");
            check_answer(&r.question, &a.answer, &here, &mut flaws);
            if !seen.insert(a.answer.id.as_str()) {
                flaws.push((
                    format!("{here}.id"),
                    format!("the answer id \"{}\" is used twice", a.answer.id),
                ));
            }
        }
        for (path, message) in flaws {
            c.push(path, ProblemKind::Round(message));
        }
        if r.answers.len() > MAX_ANSWERS {
            c.push(
                format!("{at}.answers"),
                ProblemKind::TooMany(EntityKind::Round, MAX_ANSWERS),
            );
        }
        for (j, role) in r.question.roles.iter().enumerate() {
            c.colour(format!("{at}.question.roles[{j}].colour"), &role.colour);
        }
    }
}

/// Every problem of `wb`; an empty list means the workbook is sound.
pub fn validate(wb: &Workbook) -> Vec<Problem> {
    let mut c = Checker {
        out: Vec::new(),
        seen: HashSet::new(),
    };
    c.list(
        "subjects",
        &wb.subjects,
        EntityKind::Subject,
        MAX_AXIS,
        |x| (&x.id, &x.name),
    );
    c.list("objects", &wb.objects, EntityKind::Object, MAX_AXIS, |x| {
        (&x.id, &x.name)
    });
    c.list("methods", &wb.methods, EntityKind::Method, MAX_OTHER, |x| {
        (&x.id, &x.name)
    });
    c.list("roles", &wb.roles, EntityKind::Role, MAX_OTHER, |x| {
        (&x.id, &x.name)
    });
    c.list("models", &wb.models, EntityKind::Model, MAX_MODELS, |x| {
        (&x.id, &x.name)
    });
    c.list(
        "timeline",
        &wb.timeline,
        EntityKind::Stage,
        MAX_OTHER,
        |x| (&x.id, &x.name),
    );
    c.list(
        "principles",
        &wb.principles,
        EntityKind::Principle,
        MAX_OTHER,
        |x| (&x.id, &x.name),
    );
    c.list(
        "datasets",
        &wb.datasets,
        EntityKind::Dataset,
        MAX_OTHER,
        |x| (&x.id, &x.name),
    );
    c.list("plans", &wb.plans, EntityKind::Plan, MAX_OTHER, |x| {
        (&x.id, &x.name)
    });
    c.list("rounds", &wb.rounds, EntityKind::Round, MAX_OTHER, |x| {
        (&x.id, &x.name)
    });
    if wb.models.is_empty() {
        c.push("models".into(), ProblemKind::NoModels);
    }
    for (i, r) in wb.rounds.iter().enumerate() {
        rounds::check(&mut c, i, r);
    }
    // Plans and checklists may name subjects, objects, models or principles deleted since:
    // their text is the user's work, so they are kept and shown as general steps, not refused.
    for (i, plan) in wb.plans.iter().enumerate() {
        let at = format!("plans[{i}]");
        if plan.steps.len() > MAX_STEPS {
            c.push(
                format!("{at}.steps"),
                ProblemKind::TooMany(EntityKind::Plan, MAX_STEPS),
            );
        }
        let mut seen = HashSet::new();
        for (j, step) in plan.steps.iter().enumerate() {
            let here = format!("{at}.steps[{j}]");
            if !seen.insert(step.id.as_str()) {
                c.push(
                    format!("{here}.id"),
                    ProblemKind::DuplicateId(step.id.clone()),
                );
            }
        }
    }
    for (i, s) in wb.subjects.iter().enumerate() {
        c.colour(format!("subjects[{i}].colour"), &s.colour);
    }
    for (i, r) in wb.roles.iter().enumerate() {
        c.colour(format!("roles[{i}].colour"), &r.colour);
        c.number(format!("roles[{i}].weight"), r.weight, 0.0, 10.0);
    }
    for (i, d) in wb.datasets.iter().enumerate() {
        for (j, p) in d.points.iter().enumerate() {
            c.number(
                format!("datasets[{i}].points[{j}].netizens_million"),
                p.netizens_million,
                0.0,
                1e7,
            );
            c.number(
                format!("datasets[{i}].points[{j}].penetration_percent"),
                p.penetration_percent,
                0.0,
                100.0,
            );
        }
    }
    let subjects: HashSet<&str> = wb.subjects.iter().map(|x| x.id.as_str()).collect();
    let objects: HashSet<&str> = wb.objects.iter().map(|x| x.id.as_str()).collect();
    let roles: HashSet<&str> = wb.roles.iter().map(|x| x.id.as_str()).collect();
    let methods: HashSet<&str> = wb.methods.iter().map(|x| x.id.as_str()).collect();
    for (i, m) in wb.models.iter().enumerate() {
        let at = format!("models[{i}]");
        for s in m.tiers.keys() {
            if !subjects.contains(s.as_str()) {
                c.push(
                    format!("{at}.tiers.{s}"),
                    ProblemKind::UnknownSubject(s.clone()),
                );
            }
        }
        for (s, row) in &m.cells {
            if !subjects.contains(s.as_str()) {
                c.push(
                    format!("{at}.cells.{s}"),
                    ProblemKind::UnknownSubject(s.clone()),
                );
            }
            for (o, cell) in row {
                let here = format!("{at}.cells.{s}.{o}");
                if !objects.contains(o.as_str()) {
                    c.push(here.clone(), ProblemKind::UnknownObject(o.clone()));
                }
                if let Some(r) = &cell.role {
                    if !roles.contains(r.as_str()) {
                        c.push(format!("{here}.role"), ProblemKind::UnknownRole(r.clone()));
                    }
                }
                for (k, id) in cell.methods.iter().enumerate() {
                    if !methods.contains(id.as_str()) {
                        c.push(
                            format!("{here}.methods[{k}]"),
                            ProblemKind::UnknownMethod(id.clone()),
                        );
                    } else if cell.methods[..k].contains(id) {
                        c.push(
                            format!("{here}.methods[{k}]"),
                            ProblemKind::RepeatedMethod(id.clone()),
                        );
                    }
                }
            }
        }
        for (n, p) in &m.layout {
            if !subjects.contains(n.as_str()) && !objects.contains(n.as_str()) {
                c.push(
                    format!("{at}.layout.{n}"),
                    ProblemKind::UnknownNode(n.clone()),
                );
            }
            c.number(format!("{at}.layout.{n}.x"), p.x, -1e6, 1e6);
            c.number(format!("{at}.layout.{n}.y"), p.y, -1e6, 1e6);
        }
    }
    c.out
}
