//! Native tests of transition plans: generation from the diff, editing, exports, the v1→v2
//! migration that introduced them, and the model checklist.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cogovern::core::commands::Command;
use cogovern::core::diff::diff;
use cogovern::core::format::{export, import};
use cogovern::core::history::History;
use cogovern::core::model::*;
use cogovern::core::plan::*;
use cogovern::core::presets;

mod common;
use common::plan_words;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

#[test]
fn the_plan_from_the_presets_has_one_step_per_change_grouped_by_subject() {
    let wb = paper();
    let (from, to) = (
        wb.model("traditional").unwrap(),
        wb.model("synergetic").unwrap(),
    );
    let d = diff(&wb, from, to);
    let plan = generate(&wb, "p", from, to);
    assert_eq!(plan.steps.len(), d.cells.len() + d.tiers.len());
    // Each cell change has exactly one step, about the same subject and object.
    for c in &d.cells {
        let n = plan
            .steps
            .iter()
            .filter(|s| {
                s.subject.as_deref() == Some(&c.subject) && s.object.as_deref() == Some(&c.object)
            })
            .count();
        assert_eq!(n, 1, "{} × {}", c.subject, c.object);
    }
    for t in &d.tiers {
        assert!(plan.steps.iter().any(
            |s| s.subject.as_deref() == Some(&t.subject) && s.change == Some(StepChange::Tier)
        ));
    }
    // Steps come grouped by subject, in workbook order: the Party's first, the netizens' last.
    let order: Vec<&str> = plan
        .steps
        .iter()
        .filter_map(|s| s.subject.as_deref())
        .collect();
    let mut dedup = order.clone();
    dedup.dedup();
    assert_eq!(dedup, ["party", "gov", "ent", "assoc", "net"]);
    // The paper's own example, in both languages.
    let titles: Vec<&Text> = plan.steps.iter().map(|s| &s.title).collect();
    assert!(titles.contains(&&Text::new(
        "Netizens: take up “Supervises” for Illegal speech and behaviour",
        "网民：对“网络违法言行”承担“监督”"
    )));
    assert!(titles
        .iter()
        .any(|t| t.en == "Party committees: take up leadership as the leading layer"));
    // Role changes come first in urgency, wording last.
    let step = |s: &str, o: &str| {
        plan.steps
            .iter()
            .find(|x| x.subject.as_deref() == Some(s) && x.object.as_deref() == Some(o))
            .unwrap()
    };
    assert_eq!(step("net", "illegal").priority, Priority::High);
    assert_eq!(step("gov", "infra").priority, Priority::Medium);
    assert!(plan
        .steps
        .iter()
        .all(|s| s.status == StepStatus::Planned && s.owner.is_empty()));
    // The paper preset carries this plan.
    assert_eq!(
        wb.plans[0].steps,
        generate(&wb, "plan-transition", from, to).steps
    );
    // A model compared with itself needs no step.
    assert!(generate(&wb, "q", to, to).steps.is_empty());
}

fn edited() -> Workbook {
    let mut wb = paper();
    let plan = wb.plans[0].clone();
    let mut step = plan.steps[14].clone();
    step.owner = "Cyberspace Administration, 网信办".into();
    step.priority = Priority::Medium;
    step.target = NaiveDate::from_ymd_opt(2027, 3, 31);
    step.status = StepStatus::Done;
    step.notes = "Pilot in two provinces *first*".into();
    let mut h = History::default();
    let t = presets::example_time();
    h.apply(
        &mut wb,
        Command::SetStep {
            plan: plan.id.clone(),
            step,
        },
        t,
    )
    .unwrap();
    let manual = PlanStep {
        id: "manual-1".into(),
        subject: None,
        object: None,
        change: None,
        title: Text::new("Hold a kick-off workshop", "召开启动研讨会"),
        owner: String::new(),
        priority: Priority::High,
        target: None,
        status: StepStatus::InProgress,
        notes: String::new(),
        votes: 0,
    };
    h.apply(
        &mut wb,
        Command::InsertStep {
            plan: plan.id.clone(),
            index: 0,
            step: manual,
        },
        t,
    )
    .unwrap();
    h.apply(
        &mut wb,
        Command::MoveStep {
            plan: plan.id.clone(),
            step: plan.steps[1].id.clone(),
            to: 5,
        },
        t,
    )
    .unwrap();
    wb
}

#[test]
fn editing_the_plan_survives_export_and_import_and_undoes_step_by_step() {
    let wb = edited();
    let back = import(export(&wb).as_bytes()).unwrap();
    assert_eq!(back.workbook, wb);
    assert!(back.warnings.is_empty());
    let plan = &back.workbook.plans[0];
    assert_eq!(plan.steps[0].title.en, "Hold a kick-off workshop");
    assert_eq!(plan.steps.len(), 16);
    let done = plan
        .steps
        .iter()
        .find(|s| s.status == StepStatus::Done)
        .unwrap();
    assert_eq!(done.target.unwrap().to_string(), "2027-03-31");
    assert!(export(&wb).contains("\"target\": \"2027-03-31\""));

    // Each command's inverse restores the plan exactly.
    let mut w = paper();
    let original = w.clone();
    let id = w.plans[0].id.clone();
    let first = w.plans[0].steps[0].id.clone();
    for cmd in [
        Command::MoveStep {
            plan: id.clone(),
            step: first.clone(),
            to: 3,
        },
        Command::RemoveStep {
            plan: id.clone(),
            step: first.clone(),
        },
    ] {
        let inverse = cmd.apply(&mut w).unwrap();
        assert_ne!(w, original);
        inverse.apply(&mut w).unwrap();
        assert_eq!(w, original);
    }
    // Bad commands change nothing.
    let dup = w.plans[0].steps[1].clone();
    assert!(Command::InsertStep {
        plan: id.clone(),
        index: 0,
        step: dup
    }
    .apply(&mut w)
    .is_err());
    assert!(Command::MoveStep {
        plan: id.clone(),
        step: first,
        to: 99
    }
    .apply(&mut w)
    .is_err());
    assert_eq!(w, original);
    // Typing into one step coalesces into one undo step.
    let mut h = History::default();
    let t = presets::example_time();
    for owner in ["A", "Ad", "Adm"] {
        let mut s = w.plans[0].steps[2].clone();
        s.owner = owner.into();
        h.apply(
            &mut w,
            Command::SetStep {
                plan: id.clone(),
                step: s,
            },
            t,
        )
        .unwrap();
    }
    assert_eq!(w.plans[0].steps[2].owner, "Adm");
    h.undo(&mut w).unwrap().unwrap();
    assert_eq!(w, original);
}

#[test]
fn markdown_and_csv_exports_group_by_subject_and_escape_user_text() {
    let wb = edited();
    let md = markdown(&wb, &wb.plans[0], Lang::En, &plan_words());
    assert!(
        md.starts_with("# Transition from Traditional multi-regulators model"),
        "{md}"
    );
    assert!(md.contains("From Traditional multi-regulators model to \"One main power and three auxiliary participators\" synergetic model\n"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Party committees",
            "## Governments",
            "## Internet enterprises",
            "## Internet associations",
            "## Netizens",
            "## General"
        ]
    );
    assert!(md.contains(
        "- [x] **Netizens: take up “Supervises” for Illegal speech and behaviour** — Owner: Cyberspace Administration, 网信办 · Priority: medium · Target date: 2027-03-31 · Status: done\n  Notes: Pilot in two provinces \\*first\\*\n"
    ), "{md}");
    assert!(md.contains("- [ ] **Hold a kick-off workshop** — Owner: — · Priority: high · Target date: — · Status: in progress\n"));
    assert_eq!(md.matches("- [").count(), 16);
    let zh = markdown(&wb, &wb.plans[0], Lang::Zh, &plan_words());
    assert!(zh.contains("## 网民") && zh.contains("**网民：对“网络违法言行”承担“监督”**"));

    let csv = plan_csv(&wb, &wb.plans[0], Lang::En, &plan_words());
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Step,Subject,Owner,Priority,Target date,Status,Notes"
    );
    assert_eq!(lines.len(), 17);
    assert!(lines.contains(&"Netizens: take up “Supervises” for Illegal speech and behaviour,Netizens,\"Cyberspace Administration, 网信办\",medium,2027-03-31,done,Pilot in two provinces *first*"));
    assert_eq!(
        *lines.last().unwrap(),
        "Hold a kick-off workshop,General,,high,,in progress,"
    );
}

#[test]
fn a_real_version_1_file_opens_with_an_empty_plan_list_and_checklists() {
    for name in ["paper", "blank"] {
        let path = format!(
            "{}/tests/fixtures/v1/{name}.cogovern.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("\"version\": 1,"));
        let opened = import(text.as_bytes()).unwrap();
        assert_eq!(opened.migrated_from, Some(1));
        let mut expected = presets::example(name).unwrap();
        expected.plans.clear();
        assert_eq!(opened.workbook, expected);
        assert!(opened.workbook.models.iter().all(|m| m.checks.is_empty()));
        // Saved again, it is a file of the current version.
        assert!(export(&opened.workbook).contains("\"version\": 4,"));
    }
}

#[test]
fn checklist_ticks_are_kept_per_model_and_undo() {
    let mut wb = paper();
    let before = wb.clone();
    let tick = Command::SetCheck {
        model: "traditional".into(),
        principle: "req-people".into(),
        check: Some(Check {
            done: true,
            note: "Hearings planned".into(),
        }),
    };
    let inverse = tick.apply(&mut wb).unwrap();
    assert!(wb.model("traditional").unwrap().checks["req-people"].done);
    assert!(wb.model("synergetic").unwrap().checks.is_empty());
    assert_eq!(import(export(&wb).as_bytes()).unwrap().workbook, wb);
    inverse.apply(&mut wb).unwrap();
    assert_eq!(wb, before);
    let unknown = Command::SetCheck {
        model: "traditional".into(),
        principle: "nope".into(),
        check: None,
    };
    assert!(unknown.apply(&mut wb).is_err());
}

#[test]
fn the_checklist_is_measured_from_the_data_where_it_can_be() {
    use cogovern::core::analytics::{analyse, measure};
    let wb = paper();
    let ids = [
        "req-multiple",
        "req-synergy",
        "req-people",
        "char-party",
        "char-balance",
        "char-collab",
    ];
    let met = |model: &str| -> Vec<bool> {
        let m = wb.model(model).unwrap();
        let metrics = analyse(&wb, m);
        ids.iter()
            .map(|p| measure(&wb, m, &metrics, p).unwrap().met)
            .collect()
    };
    // The synergetic model meets the paper's requirements and characteristics; the traditional
    // one meets none of them.
    assert_eq!(met("synergetic"), [true; 6]);
    assert_eq!(met("traditional"), [false; 6]);
    // Disadvantages and a group's own principles are not measured: they are ticked by hand.
    let m = wb.model("synergetic").unwrap();
    assert_eq!(measure(&wb, m, &analyse(&wb, m), "dis-imbalance"), None);
    assert_eq!(measure(&wb, m, &analyse(&wb, m), "our-own"), None);
}

#[test]
fn a_step_moves_within_its_group_only() {
    use cogovern::core::commands::Direction::{Down, Up};
    let wb = paper();
    let (from, to) = (
        wb.model("traditional").unwrap(),
        wb.model("synergetic").unwrap(),
    );
    let plan = generate(&wb, "plan-1", from, to);
    let by_subject = |s: &Option<Id>| -> Vec<usize> {
        (0..plan.steps.len())
            .filter(|i| &plan.steps[*i].subject == s)
            .collect()
    };
    let group = by_subject(&plan.steps[0].subject);
    assert!(group.len() > 1, "the first group has several steps");
    let (first, second) = (&plan.steps[group[0]].id, &plan.steps[group[1]].id);
    assert_eq!(step_target(&plan, first, Down), Some(group[1]));
    assert_eq!(step_target(&plan, second, Up), Some(group[0]));
    assert_eq!(
        step_target(&plan, first, Up),
        None,
        "the first of its group stays"
    );
    let last = &plan.steps[*group.last().unwrap()].id;
    assert_eq!(
        step_target(&plan, last, Down),
        None,
        "never into the next group"
    );
    assert_eq!(step_target(&plan, "no-such-step", Down), None);
}
