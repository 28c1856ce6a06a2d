//! Native tests of the core: commands and their inverses.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::commands::*;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::validate;
use common::{at, paper, t0};

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

/// A command that says it changes only some cells (views then redraw only those) changes
/// nothing else: with those cells taken out, the workbook before and after are equal. Every
/// cell edit, and a batch of them, says so; no other kind of command does.
#[test]
fn a_command_that_names_its_cells_changes_nothing_else() {
    let wb = paper();
    let without = |w: &Workbook, cells: &[&CellRef]| {
        let mut w = w.clone();
        for at in cells {
            let m = w.models.iter_mut().find(|m| m.id == at.model).unwrap();
            if let Some(row) = m.cells.get_mut(&at.subject) {
                row.remove(&at.object);
            }
        }
        w
    };
    let mut named = 0;
    for cmd in every_kind_of_command(&wb) {
        let is_cells = matches!(&cmd, Command::EditCell(..))
            || matches!(&cmd, Command::Batch(v) if v.iter().all(|c| matches!(c, Command::EditCell(..))));
        let Some(cells) = cmd.cells_only() else {
            assert!(!is_cells, "{cmd:?} edits cells only but does not say so");
            continue;
        };
        assert!(is_cells, "{cmd:?} says it edits cells only");
        named += 1;
        let cells: Vec<CellRef> = cells.into_iter().cloned().collect();
        let refs: Vec<&CellRef> = cells.iter().collect();
        let mut after = wb.clone();
        cmd.clone().apply(&mut after).unwrap();
        assert_ne!(after, wb);
        assert_eq!(without(&after, &refs), without(&wb, &refs), "{cmd:?}");
    }
    assert!(named >= 2, "the list has cell edits and a batch of them");
    let mixed = Command::Batch(vec![
        Command::EditCell(at("synergetic", "gov", "infra"), CellEdit::Role(None)),
        Command::SetTier {
            model: "synergetic".into(),
            subject: "gov".into(),
            tier: None,
        },
    ]);
    assert!(
        mixed.cells_only().is_none(),
        "a batch with anything else may change anything"
    );
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

#[test]
fn a_direction_names_the_neighbouring_place_or_none_at_the_ends() {
    assert_eq!(Direction::Up.next(3, 5), Some(2));
    assert_eq!(Direction::Down.next(3, 5), Some(4));
    assert_eq!(Direction::Up.next(0, 5), None);
    assert_eq!(Direction::Down.next(4, 5), None);
    assert_eq!(Direction::Down.next(0, 0), None);
}
