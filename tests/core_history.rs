//! Native tests of the core: the undo/redo history.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::Duration;
use cogovern::core::commands::*;
use cogovern::core::history::{History, Label};
use cogovern::core::model::*;
use common::{at, paper, t0};

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
