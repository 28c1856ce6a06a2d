//! Transition plans: generated from the difference between two models, one step per change,
//! grouped by the subject who acts; then edited by people (owner, priority, date, status, notes,
//! order, steps of their own) and exported as Markdown or CSV.
//!
//! Step titles are domain text in both languages, like the presets: they are stored in the
//! workbook, so a plan reads the same in every language it was generated in. Export headings
//! come from the caller (`Words`), so every word of the interface stays in its translation table.

use std::collections::BTreeMap;

use super::commands::{Command, Direction};
use super::csv::field;
use super::diff::{diff, CellField, Change};
use super::model::*;
use super::order;

fn name<'a>(t: Option<&'a Text>, lang: Lang, id: &'a str) -> &'a str {
    t.map(|t| t.get(lang)).unwrap_or(id)
}

fn role_name<'a>(wb: &'a Workbook, role: &'a Option<Id>, lang: Lang) -> Option<&'a str> {
    role.as_ref()
        .map(|r| name(wb.role(r).map(|r| &r.name), lang, r))
}

fn methods_text(wb: &Workbook, ids: &[Id], lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    ids.iter()
        .map(|m| name(wb.method(m).map(|m| &m.name), lang, m).to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

fn orientation_text(o: Option<Orientation>, lang: Lang) -> &'static str {
    match (o, lang) {
        (Some(Orientation::Order), Lang::En) => "order maintaining",
        (Some(Orientation::Rights), Lang::En) => "rights protection",
        (Some(Orientation::Both), Lang::En) => "both order maintaining and rights protection",
        (None, Lang::En) => "no set orientation",
        (Some(Orientation::Order), Lang::Zh) => "秩序维护",
        (Some(Orientation::Rights), Lang::Zh) => "权利保障",
        (Some(Orientation::Both), Lang::Zh) => "秩序维护与权利保障并重",
        (None, Lang::Zh) => "不设定取向",
    }
}

fn tier_text(t: Tier, lang: Lang) -> &'static str {
    match (t, lang) {
        (Tier::Leadership, Lang::En) => "take up leadership as the leading layer",
        (Tier::Main, Lang::En) => "carry the main power",
        (Tier::Auxiliary, Lang::En) => "take part as an auxiliary participator",
        (Tier::Absent, Lang::En) => "step back from governance",
        (Tier::Leadership, Lang::Zh) => "作为领导核心发挥领导作用",
        (Tier::Main, Lang::Zh) => "承担主要力量",
        (Tier::Auxiliary, Lang::Zh) => "作为辅助参与者参与治理",
        (Tier::Absent, Lang::Zh) => "退出治理",
    }
}

/// What a subject must do about an object for one cell change, in `lang`.
fn cell_title(wb: &Workbook, s: &str, o: &str, change: &Change, lang: Lang) -> String {
    let subject = name(wb.subject(s).map(|x| &x.name), lang, s);
    let object = name(wb.object(o).map(|x| &x.name), lang, o);
    let zh = lang == Lang::Zh;
    let what = match change {
        Change::Added(c) => match (role_name(wb, &c.role, lang), zh) {
            (Some(r), false) => format!("take up “{r}” for {object}"),
            (Some(r), true) => format!("对“{object}”承担“{r}”"),
            (None, false) => format!("start work on {object}"),
            (None, true) => format!("开始参与“{object}”"),
        },
        Change::Removed(c) => match (role_name(wb, &c.role, lang), zh) {
            (Some(r), false) => format!("hand over “{r}” for {object}"),
            (Some(r), true) => format!("不再对“{object}”承担“{r}”"),
            (None, false) => format!("stop work on {object}"),
            (None, true) => format!("不再参与“{object}”"),
        },
        Change::Changed {
            fields,
            before,
            after,
        } => {
            let mut parts = Vec::new();
            if fields.contains(&CellField::Role) {
                let none = if zh { "无角色" } else { "no role" };
                let (a, b) = (
                    role_name(wb, &before.role, lang).unwrap_or(none),
                    role_name(wb, &after.role, lang).unwrap_or(none),
                );
                parts.push(if zh {
                    format!("由“{a}”改为“{b}”")
                } else {
                    format!("move from “{a}” to “{b}”")
                });
            }
            if fields.contains(&CellField::Methods) {
                let m = methods_text(wb, &after.methods, lang);
                parts.push(match (m.is_empty(), zh) {
                    (false, false) => format!("use {m}"),
                    (false, true) => format!("采用{m}"),
                    (true, false) => "stop the methods used so far".to_string(),
                    (true, true) => "停止原有治理方式".to_string(),
                });
            }
            if fields.contains(&CellField::Orientation) {
                let x = orientation_text(after.orientation, lang);
                parts.push(if zh {
                    format!("转向{x}")
                } else {
                    format!("aim at {x}")
                });
            }
            if parts.is_empty() {
                parts.push(if zh {
                    "修订责任表述".to_string()
                } else {
                    "revise the responsibilities".to_string()
                });
            }
            if zh {
                format!("在“{object}”上{}", parts.join("；"))
            } else {
                format!("for {object}, {}", parts.join("; "))
            }
        }
    };
    if zh {
        format!("{subject}：{what}")
    } else {
        format!("{subject}: {what}")
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::En), f(Lang::Zh))
}

fn step(
    id: String,
    subject: &str,
    object: Option<&str>,
    change: StepChange,
    title: Text,
    priority: Priority,
) -> PlanStep {
    PlanStep {
        id,
        subject: Some(subject.to_string()),
        object: object.map(str::to_string),
        change: Some(change),
        title,
        owner: String::new(),
        priority,
        target: None,
        status: StepStatus::Planned,
        notes: String::new(),
        votes: 0,
    }
}

/// The plan from model `from` to model `to`: for each subject in workbook order, its tier change
/// (if any) then one step per changed cell in object order. Role and tier changes are high
/// priority, methods and orientation medium, wording low.
pub fn generate(wb: &Workbook, id: &str, from: &Model, to: &Model) -> Plan {
    let d = diff(wb, from, to);
    let mut steps = Vec::new();
    let mut n = 0;
    let mut next_id = || {
        n += 1;
        format!("{id}-{n}")
    };
    for s in &wb.subjects {
        for t in d.tiers.iter().filter(|t| t.subject == s.id) {
            let subject = &s.name;
            let title = both(|lang| {
                let sep = if lang == Lang::Zh { "：" } else { ": " };
                format!("{}{sep}{}", subject.get(lang), tier_text(t.after, lang))
            });
            steps.push(step(
                next_id(),
                &s.id,
                None,
                StepChange::Tier,
                title,
                Priority::High,
            ));
        }
        for c in d.cells.iter().filter(|c| c.subject == s.id) {
            let (kind, priority) = match &c.change {
                Change::Added(_) => (StepChange::Added, Priority::High),
                Change::Removed(_) => (StepChange::Removed, Priority::High),
                Change::Changed { fields, .. } if fields.contains(&CellField::Role) => {
                    (StepChange::Changed, Priority::High)
                }
                Change::Changed { fields, .. }
                    if fields.contains(&CellField::Methods)
                        || fields.contains(&CellField::Orientation) =>
                {
                    (StepChange::Changed, Priority::Medium)
                }
                Change::Changed { .. } => (StepChange::Changed, Priority::Low),
            };
            let title = both(|lang| cell_title(wb, &c.subject, &c.object, &c.change, lang));
            steps.push(step(
                next_id(),
                &s.id,
                Some(&c.object),
                kind,
                title,
                priority,
            ));
        }
    }
    let model_name = |m: &Model, lang| m.name.get(lang).to_string();
    Plan {
        id: id.to_string(),
        name: both(|lang| {
            let (a, b) = (model_name(from, lang), model_name(to, lang));
            if lang == Lang::Zh {
                format!("从{a}到{b}的转型计划")
            } else {
                format!("Transition from {a} to {b}")
            }
        }),
        from: from.id.clone(),
        to: to.id.clone(),
        steps,
    }
}

/// The words of plan exports, in the reader's language; the UI fills them from its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// "From {from} to {to}" line, with those two slots.
    pub from_to: String,
    /// Heading of steps without a subject.
    pub general: String,
    /// Column and field names: step, subject, owner, priority, target date, status, notes.
    pub columns: [String; 7],
    /// Names of High, Medium, Low.
    pub priorities: [String; 3],
    /// Names of Planned, InProgress, Done, Blocked.
    pub statuses: [String; 4],
    /// Shown for a missing owner or date.
    pub unset: String,
}

impl Words {
    fn priority(&self, p: Priority) -> &str {
        &self.priorities[p as usize]
    }
    fn status(&self, s: StepStatus) -> &str {
        &self.statuses[s as usize]
    }
}

/// Steps grouped by subject, in workbook order of subjects, steps in plan order within a group;
/// steps without a subject (or whose subject was deleted) come last, under `None`.
pub fn groups<'a>(wb: &Workbook, plan: &'a Plan) -> Vec<(Option<Id>, Vec<&'a PlanStep>)> {
    let known = |s: &Option<Id>| s.as_ref().filter(|s| wb.subject(s).is_some()).cloned();
    let mut out: Vec<(Option<Id>, Vec<&PlanStep>)> = wb
        .subjects
        .iter()
        .map(|s| Some(s.id.clone()))
        .chain([None])
        .map(|g| {
            let steps = plan
                .steps
                .iter()
                .filter(|x| known(&x.subject) == g)
                .collect();
            (g, steps)
        })
        .collect();
    out.retain(|(_, steps): &(Option<Id>, Vec<&PlanStep>)| !steps.is_empty());
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown escaping of user text, on one line: no stray emphasis, links or HTML.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in one_line(s).chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The plan as Markdown: a heading, the two models, then each subject's steps as a task list.
pub fn markdown(wb: &Workbook, plan: &Plan, lang: Lang, w: &Words) -> String {
    let model = |id: &str| name(wb.model(id).map(|m| &m.name), lang, id).to_string();
    let mut out = format!("# {}\n\n", md_escape(plan.name.get(lang)));
    let from_to = w
        .from_to
        .replace("{from}", &md_escape(&model(&plan.from)))
        .replace("{to}", &md_escape(&model(&plan.to)));
    out.push_str(&format!("{from_to}\n"));
    for (subject, steps) in groups(wb, plan) {
        let heading = subject
            .and_then(|s| wb.subject(&s).map(|x| x.name.get(lang).to_string()))
            .unwrap_or_else(|| w.general.clone());
        out.push_str(&format!("\n## {}\n\n", md_escape(&heading)));
        for s in steps {
            let tick = if s.status == StepStatus::Done {
                "x"
            } else {
                " "
            };
            let owner = if s.owner.trim().is_empty() {
                w.unset.clone()
            } else {
                md_escape(&s.owner)
            };
            let date = s
                .target
                .map(|d| d.to_string())
                .unwrap_or_else(|| w.unset.clone());
            out.push_str(&format!(
                "- [{tick}] **{}** — {}: {owner} · {}: {} · {}: {date} · {}: {}\n",
                md_escape(s.title.get(lang)),
                w.columns[2],
                w.columns[3],
                w.priority(s.priority),
                w.columns[4],
                w.columns[5],
                w.status(s.status),
            ));
            if !s.notes.trim().is_empty() {
                out.push_str(&format!("  {}: {}\n", w.columns[6], md_escape(&s.notes)));
            }
        }
    }
    out
}

/// The plan as CSV (UTF-8 with a byte order mark): one row per step, in group order.
pub fn plan_csv(wb: &Workbook, plan: &Plan, lang: Lang, w: &Words) -> String {
    let mut out = String::from("\u{feff}");
    let row =
        |cells: Vec<String>| cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&row(w.columns.to_vec()));
    for (subject, steps) in groups(wb, plan) {
        let who = subject
            .and_then(|s| wb.subject(&s).map(|x| x.name.get(lang).to_string()))
            .unwrap_or_else(|| w.general.clone());
        for s in steps {
            out.push_str(&row(vec![
                s.title.get(lang).to_string(),
                who.clone(),
                s.owner.clone(),
                w.priority(s.priority).to_string(),
                s.target.map(|d| d.to_string()).unwrap_or_default(),
                w.status(s.status).to_string(),
                s.notes.clone(),
            ]));
        }
    }
    out
}

/// Where step `step` goes when moved `dir` within its group (the steps of the same subject):
/// to the place of its neighbour in the group; `None` at the group's end or for no such step.
pub fn step_target(plan: &Plan, step: &str, dir: Direction) -> Option<usize> {
    let i = plan.steps.iter().position(|x| x.id == step)?;
    let group = &plan.steps[i].subject;
    let same = |j: &usize| &plan.steps[*j].subject == group;
    match dir {
        Direction::Down => (i + 1..plan.steps.len()).find(same),
        Direction::Up => (0..i).rev().find(same),
    }
}

/// The dots on each step of `plan`: the show of hands plus the dots in the counted (not left
/// out) answers of every round of `wb` that votes on the plan. Derived, never stored.
pub fn vote_totals(wb: &Workbook, plan: &Plan) -> BTreeMap<Id, u32> {
    let mut totals: BTreeMap<Id, u32> =
        plan.steps.iter().map(|s| (s.id.clone(), s.votes)).collect();
    let answers = wb
        .rounds
        .iter()
        .filter(|r| r.question.plan.as_deref() == Some(plan.id.as_str()))
        .flat_map(|r| r.answers.iter().filter(|c| !c.excluded));
    for c in answers {
        for (step, dots) in &c.answer.votes {
            if let Some(t) = totals.get_mut(step) {
                *t = t.saturating_add(*dots);
            }
        }
    }
    totals
}

/// The moves that put `plan`'s steps in order of `totals`, most dots first (ties keep their
/// order); empty when they are in that order already. Dispatched as one batch, one undo step.
pub fn sort_by_votes(plan: &Plan, totals: &BTreeMap<Id, u32>) -> Vec<Command> {
    let mut order: Vec<&Id> = plan.steps.iter().map(|s| &s.id).collect();
    let mut wanted = order.clone();
    order::sort_by_key(&mut wanted, |id| {
        std::cmp::Reverse(totals.get(*id).copied().unwrap_or(0))
    });
    let mut moves = Vec::new();
    for (to, id) in wanted.into_iter().enumerate() {
        let from = order.iter().position(|x| *x == id).unwrap_or(to);
        if from != to {
            let x = order.remove(from);
            order.insert(to, x);
            moves.push(Command::MoveStep {
                plan: plan.id.clone(),
                step: id.clone(),
                to,
            });
        }
    }
    moves
}
