//! Native tests of the pure core: presets, commands and their inverses, history, analytics, diff.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, Utc};
use cogovern::core::analytics::{analyse, MetricId, Status};
use cogovern::core::commands::*;
use cogovern::core::diff::{diff, CellField, Change};
use cogovern::core::history::{History, Label};
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::validate;

fn t0() -> DateTime<Utc> {
    presets::example_time()
}

fn paper() -> Workbook {
    presets::paper(t0())
}

fn at(model: &str, s: &str, o: &str) -> CellRef {
    CellRef::new(model, s, o)
}

fn metric(wb: &Workbook, model: &str, id: MetricId) -> f64 {
    analyse(wb, wb.model(model).unwrap())
        .into_iter()
        .find(|m| m.id == id)
        .unwrap()
        .value
}

#[test]
fn presets_are_valid_and_carry_table_2() {
    for wb in [paper(), presets::blank(t0())] {
        assert_eq!(validate(&wb), vec![]);
    }
    let wb = paper();
    let resp = |id: &str| {
        wb.subject(id)
            .unwrap()
            .responsibilities
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        resp("gov"),
        [
            "top-level design and overall planning",
            "making laws and regulations",
            "fighting against illegal speech and behaviours"
        ]
    );
    assert_eq!(
        resp("ent"),
        [
            "providing Internet products",
            "assisting the supervision of the Internet"
        ]
    );
    assert_eq!(resp("assoc"), ["rules making", "supplying public service"]);
    assert_eq!(
        resp("net"),
        ["supervision of power", "public opinion forming"]
    );
    assert_eq!(
        resp("party"),
        ["leader (top-level design)", "coordinator", "motivator"]
    );
    assert_eq!(wb.timeline.len(), 4);
    assert_eq!(wb.timeline[3].end, None);
    let kinds = |k| wb.principles.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (
            kinds(PrincipleKind::Disadvantage),
            kinds(PrincipleKind::Requirement),
            kinds(PrincipleKind::Characteristic)
        ),
        (4, 3, 3)
    );
    assert_eq!(wb.datasets[0].points.len(), 7);
    // Every preset cell cites the paper and every text has both languages.
    for m in &wb.models {
        for (s, o, c) in m.iter_cells() {
            assert!(!c.source.is_empty(), "{}: {s} × {o} has no source", m.id);
            for st in &c.statements {
                assert!(!st.en.is_empty() && !st.zh.is_empty(), "{s} × {o}");
            }
        }
    }
    for s in &wb.subjects {
        assert!(!s.name.zh.is_empty() && !s.description.zh.is_empty());
    }
}

/// A command, its inverse and the inverse's inverse: the workbook returns exactly, and
/// re-applying gives the same state as the first application.
fn round_trip(wb: &Workbook, cmd: Command) {
    let mut w = wb.clone();
    let inverse = cmd
        .clone()
        .apply(&mut w)
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let after = w.clone();
    assert_ne!(&after, wb, "{cmd:?} changed nothing");
    let redo = inverse.apply(&mut w).unwrap();
    assert_eq!(
        &w, wb,
        "the inverse of {cmd:?} did not restore the workbook"
    );
    redo.apply(&mut w).unwrap();
    assert_eq!(w, after, "redo of {cmd:?} differs");
}

fn every_kind_of_command(wb: &Workbook) -> Vec<Command> {
    let mut new_subject = wb.subjects[0].clone();
    new_subject.id = "academia".into();
    new_subject.name = Text::new("Universities", "高校");
    let mut renamed_role = wb.roles[0].clone();
    renamed_role.weight = 5.0;
    let dup = duplicate_model(
        wb.model("traditional").unwrap(),
        "draft".into(),
        Text::new("Draft", "草案"),
    );
    vec![
        Command::Insert {
            index: 2,
            entity: Entity::Subject(new_subject),
            refs: Refs::default(),
        },
        Command::Insert {
            index: 2,
            entity: Entity::Model(dup),
            refs: Refs::default(),
        },
        Command::Remove {
            kind: EntityKind::Subject,
            id: "net".into(),
        },
        Command::Remove {
            kind: EntityKind::Object,
            id: "practice".into(),
        },
        Command::Remove {
            kind: EntityKind::Method,
            id: "self-discipline".into(),
        },
        Command::Remove {
            kind: EntityKind::Role,
            id: "assist".into(),
        },
        Command::Remove {
            kind: EntityKind::Model,
            id: "traditional".into(),
        },
        Command::Remove {
            kind: EntityKind::Stage,
            id: "stage-mature".into(),
        },
        Command::Remove {
            kind: EntityKind::Principle,
            id: "dis-opinion".into(),
        },
        Command::Remove {
            kind: EntityKind::Dataset,
            id: "figure1".into(),
        },
        Command::Reorder {
            kind: EntityKind::Subject,
            id: "net".into(),
            to: 0,
        },
        Command::Reorder {
            kind: EntityKind::Object,
            id: "infra".into(),
            to: 2,
        },
        Command::Replace(Entity::Role(renamed_role)),
        Command::SetText {
            kind: EntityKind::Subject,
            id: "net".into(),
            field: TextField::Name,
            lang: Lang::Zh,
            value: "广大网民".into(),
        },
        Command::SetText {
            kind: EntityKind::Model,
            id: "synergetic".into(),
            field: TextField::Description,
            lang: Lang::En,
            value: "x".into(),
        },
        Command::EditCell(
            at("synergetic", "net", "illegal"),
            CellEdit::Role(Some("main".into())),
        ),
        Command::EditCell(at("synergetic", "net", "illegal"), CellEdit::Role(None)),
        Command::EditCell(
            at("synergetic", "net", "infra"),
            CellEdit::Role(Some("informed".into())),
        ),
        Command::EditCell(
            at("synergetic", "gov", "infra"),
            CellEdit::Methods(vec!["ethics".into()]),
        ),
        Command::EditCell(
            at("synergetic", "gov", "infra"),
            CellEdit::Orientation(Some(Orientation::Rights)),
        ),
        Command::EditCell(
            at("synergetic", "gov", "infra"),
            CellEdit::Statements(vec![Text::new("a", "甲")]),
        ),
        Command::EditCell(
            at("synergetic", "gov", "infra"),
            CellEdit::Note("why".into()),
        ),
        Command::EditCell(at("synergetic", "gov", "infra"), CellEdit::All(None)),
        Command::SetTier {
            model: "traditional".into(),
            subject: "net".into(),
            tier: Some(Tier::Auxiliary),
        },
        Command::SetTier {
            model: "synergetic".into(),
            subject: "net".into(),
            tier: None,
        },
        Command::MoveNode {
            model: "synergetic".into(),
            node: "gov".into(),
            at: Some(Point { x: 10.0, y: 20.0 }),
        },
        Command::SetLayout {
            model: "synergetic".into(),
            layout: [("infra".to_string(), Point { x: 1.0, y: 2.0 })]
                .into_iter()
                .collect(),
        },
        Command::SetModelNotes {
            model: "synergetic".into(),
            notes: "notes".into(),
        },
        Command::SetMeta(MetaField::Title, "Workshop".into()),
        Command::SetMeta(MetaField::Description, "d".into()),
        Command::SetAuthors(vec!["A".into()]),
        Command::Batch(vec![
            Command::SetMeta(MetaField::Title, "B".into()),
            Command::Remove {
                kind: EntityKind::Subject,
                id: "gov".into(),
            },
        ]),
        Command::ReplaceWorkbook(Box::new(presets::blank(t0()))),
    ]
}

#[test]
fn every_command_has_an_exact_inverse() {
    let wb = paper();
    for cmd in every_kind_of_command(&wb) {
        round_trip(&wb, cmd);
    }
}

#[test]
fn deleting_a_subject_removes_its_cells_tiers_and_layout_and_undo_restores_them() {
    let mut wb = paper();
    Command::MoveNode {
        model: "synergetic".into(),
        node: "net".into(),
        at: Some(Point { x: 1.0, y: 1.0 }),
    }
    .apply(&mut wb)
    .unwrap();
    let before = wb.clone();
    let inverse = Command::Remove {
        kind: EntityKind::Subject,
        id: "net".into(),
    }
    .apply(&mut wb)
    .unwrap();
    let m = wb.model("synergetic").unwrap();
    assert!(
        !m.cells.contains_key("net")
            && !m.tiers.contains_key("net")
            && !m.layout.contains_key("net")
    );
    assert_eq!(validate(&wb), vec![]);
    inverse.apply(&mut wb).unwrap();
    assert_eq!(wb, before);
}

#[test]
fn deleting_a_method_or_role_keeps_cells_and_undo_puts_them_back_in_place() {
    let mut wb = paper();
    let before = wb.clone();
    let inv = Command::Remove {
        kind: EntityKind::Method,
        id: "legislation".into(),
    }
    .apply(&mut wb)
    .unwrap();
    let cell = wb
        .model("synergetic")
        .unwrap()
        .cell("gov", "illegal")
        .unwrap();
    assert_eq!(cell.methods, ["enforcement"]);
    inv.apply(&mut wb).unwrap();
    assert_eq!(
        wb.model("synergetic")
            .unwrap()
            .cell("gov", "illegal")
            .unwrap()
            .methods,
        ["enforcement", "legislation"]
    );
    let inv = Command::Remove {
        kind: EntityKind::Role,
        id: "main".into(),
    }
    .apply(&mut wb)
    .unwrap();
    assert_eq!(
        wb.model("traditional")
            .unwrap()
            .cell("gov", "infra")
            .unwrap()
            .role,
        None
    );
    inv.apply(&mut wb).unwrap();
    assert_eq!(wb, before);
}

#[test]
fn bad_commands_fail_and_change_nothing() {
    let wb = paper();
    let bad = vec![
        (
            Command::EditCell(
                at("synergetic", "net", "illegal"),
                CellEdit::Role(Some("boss".into())),
            ),
            "no Role",
        ),
        (
            Command::EditCell(
                at("synergetic", "nobody", "illegal"),
                CellEdit::Note("x".into()),
            ),
            "no Subject",
        ),
        (
            Command::EditCell(at("nomodel", "net", "illegal"), CellEdit::Note("x".into())),
            "no Model",
        ),
        (
            Command::EditCell(
                at("synergetic", "net", "illegal"),
                CellEdit::Methods(vec!["ethics".into(), "ethics".into()]),
            ),
            "twice",
        ),
        (
            Command::Remove {
                kind: EntityKind::Subject,
                id: "nobody".into(),
            },
            "no Subject",
        ),
        (
            Command::Reorder {
                kind: EntityKind::Object,
                id: "infra".into(),
                to: 3,
            },
            "beyond",
        ),
        (
            Command::Insert {
                index: 0,
                entity: Entity::Object(wb.objects[0].clone()),
                refs: Refs::default(),
            },
            "already used",
        ),
        (
            Command::Batch(vec![
                Command::SetMeta(MetaField::Title, "changed".into()),
                Command::Remove {
                    kind: EntityKind::Subject,
                    id: "nobody".into(),
                },
            ]),
            "no Subject",
        ),
    ];
    for (cmd, msg) in bad {
        let mut w = wb.clone();
        let err = cmd.clone().apply(&mut w).unwrap_err();
        assert!(err.to_string().contains(msg), "{cmd:?}: {err}");
        assert_eq!(w, wb, "{cmd:?} changed the workbook although it failed");
    }
    let mut one = presets::blank(t0());
    assert_eq!(
        Command::Remove {
            kind: EntityKind::Model,
            id: "model-1".into()
        }
        .apply(&mut one),
        Err(CommandError::LastModel)
    );
}

#[test]
fn limits_are_enforced() {
    let mut wb = presets::blank(t0());
    for i in 0..MAX_MODELS - 1 {
        let m = duplicate_model(&wb.models[0], format!("m{i}"), Text::new("m", "m"));
        Command::Insert {
            index: 0,
            entity: Entity::Model(m),
            refs: Refs::default(),
        }
        .apply(&mut wb)
        .unwrap();
    }
    let m = duplicate_model(&wb.models[0], "one-too-many".into(), Text::new("m", "m"));
    let err = Command::Insert {
        index: 0,
        entity: Entity::Model(m),
        refs: Refs::default(),
    }
    .apply(&mut wb);
    assert_eq!(err, Err(CommandError::Limit(EntityKind::Model, MAX_MODELS)));
}

#[test]
fn history_undoes_redoes_and_names_the_step() {
    let mut wb = paper();
    let original = wb.clone();
    let mut h = History::default();
    h.apply(
        &mut wb,
        Command::EditCell(
            at("synergetic", "net", "illegal"),
            CellEdit::Role(Some("lead".into())),
        ),
        t0(),
    )
    .unwrap();
    match h.undo_label().unwrap() {
        Label::SetRole {
            subject,
            object,
            role,
        } => {
            assert_eq!(
                (subject.en.as_str(), object.en.as_str()),
                ("Netizens", "Illegal speech and behaviour")
            );
            assert_eq!(role.as_ref().unwrap().en, "Leads");
        }
        other => panic!("{other:?}"),
    }
    let changed = wb.clone();
    h.undo(&mut wb).unwrap().unwrap();
    assert_eq!(wb, original);
    assert!(h.redo_label().is_some());
    h.redo(&mut wb).unwrap().unwrap();
    assert_eq!(wb, changed);
    h.undo(&mut wb).unwrap().unwrap();
    // A new command clears the redo branch.
    h.apply(
        &mut wb,
        Command::SetMeta(MetaField::Title, "T".into()),
        t0(),
    )
    .unwrap();
    assert_eq!(h.redo_len(), 0);
    assert!(h.redo(&mut wb).is_none());
    // A failing command leaves history and workbook as they were.
    let before = (wb.clone(), h.clone());
    assert!(h
        .apply(
            &mut wb,
            Command::Remove {
                kind: EntityKind::Subject,
                id: "x".into()
            },
            t0()
        )
        .is_err());
    assert_eq!((wb, h), before);
}

#[test]
fn typing_in_one_field_is_one_step_but_pauses_and_other_fields_are_not() {
    let mut wb = paper();
    let original = wb.clone();
    let mut h = History::default();
    let name = |v: &str| Command::SetText {
        kind: EntityKind::Subject,
        id: "net".into(),
        field: TextField::Name,
        lang: Lang::En,
        value: v.into(),
    };
    let mut now = t0();
    for v in ["N", "Ne", "Net", "Neti"] {
        now += Duration::milliseconds(300);
        h.apply(&mut wb, name(v), now).unwrap();
    }
    assert_eq!(h.undo_len(), 1);
    // A pause longer than the window starts a new step.
    now += Duration::seconds(5);
    h.apply(&mut wb, name("Netiz"), now).unwrap();
    assert_eq!(h.undo_len(), 2);
    // Another field is another step, even right away.
    h.apply(&mut wb, Command::SetMeta(MetaField::Title, "T".into()), now)
        .unwrap();
    assert_eq!(h.undo_len(), 3);
    // Sealing (the field lost focus) ends the run.
    h.seal();
    h.apply(
        &mut wb,
        Command::SetMeta(MetaField::Title, "Tw".into()),
        now,
    )
    .unwrap();
    assert_eq!(h.undo_len(), 4);
    // Dragging one node is one step.
    for i in 0..20 {
        let p = Point {
            x: i as f64,
            y: 0.0,
        };
        h.apply(
            &mut wb,
            Command::MoveNode {
                model: "synergetic".into(),
                node: "gov".into(),
                at: Some(p),
            },
            now,
        )
        .unwrap();
    }
    assert_eq!(h.undo_len(), 5);
    while h.undo(&mut wb).is_some() {}
    assert_eq!(wb, original);
}

#[test]
fn history_keeps_at_least_200_steps() {
    let mut wb = paper();
    let original = wb.clone();
    let mut h = History::default();
    for i in 0..250 {
        let role = if i % 2 == 0 { "lead" } else { "assist" };
        h.apply(
            &mut wb,
            Command::EditCell(
                at("synergetic", "net", "infra"),
                CellEdit::Role(Some(role.into())),
            ),
            t0(),
        )
        .unwrap();
    }
    assert_eq!(h.undo_len(), 250);
    while h.undo(&mut wb).is_some() {}
    assert_eq!(wb, original);
    let mut small = History::new(3);
    for i in 0..5 {
        small
            .apply(
                &mut wb,
                Command::SetMeta(MetaField::Title, i.to_string()),
                t0(),
            )
            .unwrap();
        small.seal();
    }
    assert_eq!(small.undo_len(), 3);
}

#[test]
fn synergetic_model_scores_better_where_the_paper_says_it_should() {
    let wb = paper();
    let (t, s) = ("traditional", "synergetic");
    assert_eq!(metric(&wb, t, MetricId::Participation), 0.6);
    assert_eq!(metric(&wb, s, MetricId::Participation), 1.0);
    let (ct, cs) = (
        metric(&wb, t, MetricId::Concentration),
        metric(&wb, s, MetricId::Concentration),
    );
    assert!((ct - 0.5336).abs() < 1e-3, "{ct}");
    assert!((cs - 0.2373).abs() < 1e-3, "{cs}");
    assert!((metric(&wb, t, MetricId::GovernmentShare) - 9.0 / 13.5).abs() < 1e-9);
    assert!((metric(&wb, s, MetricId::GovernmentShare) - 9.0 / 27.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Supervision), 0.0);
    assert!((metric(&wb, s, MetricId::Supervision) - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::OrderRights), 0.0);
    assert!((metric(&wb, s, MetricId::OrderRights) - 11.0 / 13.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::LawMorals), 0.0);
    assert!((metric(&wb, s, MetricId::LawMorals) - 0.6).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Synergy), 2.0);
    assert!((metric(&wb, s, MetricId::Synergy) - 13.0 / 3.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Accountability), 1.0);
    let statuses = |m: &str| {
        analyse(&wb, wb.model(m).unwrap())
            .into_iter()
            .map(|x| (x.id, x.status))
            .collect::<Vec<_>>()
    };
    assert!(
        statuses(s).iter().all(|(_, st)| *st == Status::Good),
        "{:?}",
        statuses(s)
    );
    assert!(
        statuses(t)
            .iter()
            .filter(|(_, st)| *st == Status::Poor)
            .count()
            >= 5,
        "{:?}",
        statuses(t)
    );
}

#[test]
fn accountability_flags_objects_without_exactly_one_main_responsibility() {
    let mut wb = paper();
    Command::EditCell(
        at("synergetic", "ent", "infra"),
        CellEdit::Role(Some("main".into())),
    )
    .apply(&mut wb)
    .unwrap();
    Command::EditCell(
        at("synergetic", "gov", "illegal"),
        CellEdit::Role(Some("assist".into())),
    )
    .apply(&mut wb)
    .unwrap();
    let m = analyse(&wb, wb.model("synergetic").unwrap())
        .into_iter()
        .find(|m| m.id == MetricId::Accountability)
        .unwrap();
    assert_eq!(m.flagged, ["infra", "illegal"]);
    assert!((m.value - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(m.status, Status::Poor);
    assert_eq!(MetricId::Accountability.addresses(), "dis-opportunism");
}

#[test]
fn diff_of_the_presets_lists_the_expected_changes() {
    let wb = paper();
    let d = diff(
        &wb,
        wb.model("traditional").unwrap(),
        wb.model("synergetic").unwrap(),
    );
    let summary: Vec<String> = d
        .cells
        .iter()
        .map(|c| {
            let what = match &c.change {
                Change::Added(_) => "added".to_string(),
                Change::Removed(_) => "removed".to_string(),
                Change::Changed { fields, .. } => format!("{fields:?}"),
            };
            format!("{} {} {what}", c.subject, c.object)
        })
        .collect();
    use CellField::*;
    let ch = |f: &[CellField]| format!("{f:?}");
    assert_eq!(
        summary,
        vec![
            "party infra added".to_string(),
            "party practice added".into(),
            "party illegal added".into(),
            format!(
                "gov infra {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "gov practice {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "gov illegal {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "ent infra {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            "ent practice added".into(),
            format!("ent illegal {}", ch(&[Methods, Statements, Source])),
            format!(
                "assoc practice {}",
                ch(&[Role, Methods, Orientation, Statements, Source])
            ),
            "assoc illegal added".into(),
            "net practice added".into(),
            "net illegal added".into(),
        ]
    );
    let tiers: Vec<_> = d
        .tiers
        .iter()
        .map(|t| (t.subject.as_str(), t.before, t.after))
        .collect();
    assert_eq!(
        tiers,
        vec![
            ("party", Tier::Absent, Tier::Leadership),
            ("net", Tier::Absent, Tier::Auxiliary)
        ]
    );
    let improved: Vec<_> = d
        .metrics
        .iter()
        .filter(|m| m.improved)
        .map(|m| m.id)
        .collect();
    for id in [
        MetricId::Participation,
        MetricId::Concentration,
        MetricId::Supervision,
        MetricId::OrderRights,
    ] {
        assert!(improved.contains(&id), "{id:?} not improved");
    }
    // The reverse diff removes what the forward diff adds.
    let back = diff(
        &wb,
        wb.model("synergetic").unwrap(),
        wb.model("traditional").unwrap(),
    );
    assert_eq!(
        back.cells
            .iter()
            .filter(|c| matches!(c.change, Change::Removed(_)))
            .count(),
        7
    );
}

#[test]
fn preset_models_fit_any_workbook_and_dangling_models_are_refused() {
    let mut blank = presets::blank(t0());
    let raw = presets::synergetic_model();
    let err = Command::Insert {
        index: 1,
        entity: Entity::Model(raw.clone()),
        refs: Refs::default(),
    }
    .apply(&mut blank.clone());
    assert_eq!(
        err,
        Err(CommandError::NotFound(EntityKind::Subject, "assoc".into()))
    );
    let fitted = fit_model(&blank, raw);
    assert!(fitted.cells.is_empty() && fitted.tiers.is_empty());
    Command::Insert {
        index: 1,
        entity: Entity::Model(fitted),
        refs: Refs::default(),
    }
    .apply(&mut blank)
    .unwrap();
    assert_eq!(validate(&blank), vec![]);
    // On the paper's workbook a preset fits unchanged.
    let wb = paper();
    assert_eq!(
        fit_model(&wb, presets::synergetic_model()),
        presets::synergetic_model()
    );
}

#[test]
fn the_delete_warning_counts_the_cells_that_go() {
    let wb = paper();
    // Netizens have two cells in the synergetic model and none in the traditional one.
    assert_eq!(cells_affected(&wb, EntityKind::Subject, "net"), 2);
    // Illegal speech: 3 cells in the traditional model, 5 in the synergetic one.
    assert_eq!(cells_affected(&wb, EntityKind::Object, "illegal"), 7);
    assert_eq!(cells_affected(&wb, EntityKind::Role, "supervise"), 2);
    assert_eq!(cells_affected(&wb, EntityKind::Method, "ethics"), 2);
    assert_eq!(cells_affected(&wb, EntityKind::Stage, "stage-mature"), 0);
    assert_eq!(
        ids(&wb, EntityKind::Object),
        ["infra", "practice", "illegal"]
    );
    assert_eq!(
        entity(&wb, EntityKind::Role, "lead").unwrap().name().en,
        "Leads"
    );
}
