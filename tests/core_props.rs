//! Property tests: undo of any command sequence returns the original workbook; export then
//! import is the identity on any workbook reachable by commands.
#![cfg(not(target_arch = "wasm32"))]

use chrono::Duration;
use cogovern::core::commands::*;
use cogovern::core::format::{export, import};
use cogovern::core::history::History;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::{validate, Severity};
use proptest::prelude::*;

/// An edit chosen by indices, resolved against the workbook when it is applied, so most
/// generated edits are meaningful (and the invalid ones exercise the error paths).
#[derive(Debug, Clone)]
enum Op {
    Role(u8, u8, u8, u8),
    Methods(u8, u8, u8, u8),
    Orientation(u8, u8, u8, u8),
    Note(u8, u8, u8, String),
    Statements(u8, u8, u8, Vec<String>),
    Clear(u8, u8, u8),
    AddSubject(u8, String),
    AddObject(u8, String),
    Remove(u8, u8),
    Reorder(u8, u8, u8),
    Rename(u8, u8, bool, String),
    Tier(u8, u8, u8),
    Move(u8, u8, i16, i16),
    Duplicate(u8),
    Title(String),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z ]{0,8}", "[网民政府党委治理]{0,4}", "\\PC{0,6}"]
}

fn op() -> impl Strategy<Value = Op> {
    let i = || any::<u8>();
    prop_oneof![
        (i(), i(), i(), i()).prop_map(|(m, s, o, r)| Op::Role(m, s, o, r)),
        (i(), i(), i(), i()).prop_map(|(m, s, o, x)| Op::Methods(m, s, o, x)),
        (i(), i(), i(), i()).prop_map(|(m, s, o, x)| Op::Orientation(m, s, o, x)),
        (i(), i(), i(), text()).prop_map(|(m, s, o, t)| Op::Note(m, s, o, t)),
        (i(), i(), i(), prop::collection::vec(text(), 0..3))
            .prop_map(|(m, s, o, t)| Op::Statements(m, s, o, t)),
        (i(), i(), i()).prop_map(|(m, s, o)| Op::Clear(m, s, o)),
        (i(), text()).prop_map(|(x, t)| Op::AddSubject(x, t)),
        (i(), text()).prop_map(|(x, t)| Op::AddObject(x, t)),
        (i(), i()).prop_map(|(k, x)| Op::Remove(k, x)),
        (i(), i(), i()).prop_map(|(k, x, to)| Op::Reorder(k, x, to)),
        (i(), i(), any::<bool>(), text()).prop_map(|(k, x, zh, t)| Op::Rename(k, x, zh, t)),
        (i(), i(), i()).prop_map(|(m, s, t)| Op::Tier(m, s, t)),
        (i(), i(), any::<i16>(), any::<i16>()).prop_map(|(m, n, x, y)| Op::Move(m, n, x, y)),
        i().prop_map(Op::Duplicate),
        text().prop_map(Op::Title),
    ]
}

const KINDS: [EntityKind; 8] = [
    EntityKind::Subject,
    EntityKind::Object,
    EntityKind::Method,
    EntityKind::Role,
    EntityKind::Model,
    EntityKind::Stage,
    EntityKind::Principle,
    EntityKind::Dataset,
];

fn pick<T>(list: &[T], i: u8) -> Option<&T> {
    (!list.is_empty()).then(|| &list[i as usize % list.len()])
}

fn cell_at(wb: &Workbook, m: u8, s: u8, o: u8) -> Option<CellRef> {
    Some(CellRef::new(
        &pick(&wb.models, m)?.id,
        &pick(&wb.subjects, s)?.id,
        &pick(&wb.objects, o)?.id,
    ))
}

fn resolve(wb: &Workbook, op: &Op) -> Option<Command> {
    Some(match op.clone() {
        Op::Role(m, s, o, r) => {
            let role = if r % 7 == 0 {
                None
            } else {
                pick(&wb.roles, r).map(|x| x.id.clone())
            };
            Command::EditCell(cell_at(wb, m, s, o)?, CellEdit::Role(role))
        }
        Op::Methods(m, s, o, mask) => {
            let ms = wb
                .methods
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << (i % 8)) != 0)
                .map(|(_, x)| x.id.clone());
            Command::EditCell(cell_at(wb, m, s, o)?, CellEdit::Methods(ms.collect()))
        }
        Op::Orientation(m, s, o, x) => {
            let or = [
                None,
                Some(Orientation::Order),
                Some(Orientation::Rights),
                Some(Orientation::Both),
            ][x as usize % 4];
            Command::EditCell(cell_at(wb, m, s, o)?, CellEdit::Orientation(or))
        }
        Op::Note(m, s, o, t) => Command::EditCell(cell_at(wb, m, s, o)?, CellEdit::Note(t)),
        Op::Statements(m, s, o, t) => Command::EditCell(
            cell_at(wb, m, s, o)?,
            CellEdit::Statements(t.into_iter().map(|x| Text::new(x.clone(), x)).collect()),
        ),
        Op::Clear(m, s, o) => Command::EditCell(cell_at(wb, m, s, o)?, CellEdit::All(None)),
        Op::AddSubject(i, name) => {
            let s = Subject {
                id: wb.fresh_id("subject"),
                name: Text::new(format!("S {name}"), name),
                kind: SubjectKind::Custom,
                description: Text::default(),
                advantages: vec![],
                responsibilities: vec![],
                colour: "#123456".into(),
            };
            Command::Insert {
                index: i as usize % (wb.subjects.len() + 1),
                entity: Entity::Subject(s),
                refs: Refs::default(),
            }
        }
        Op::AddObject(i, name) => {
            let o = Object {
                id: wb.fresh_id("object"),
                name: Text::new(format!("O {name}"), name),
                category: ObjectCategory::Custom,
                description: Text::default(),
                examples: vec![],
            };
            Command::Insert {
                index: i as usize % (wb.objects.len() + 1),
                entity: Entity::Object(o),
                refs: Refs::default(),
            }
        }
        Op::Remove(k, x) => {
            let kind = KINDS[k as usize % KINDS.len()];
            Command::Remove {
                kind,
                id: pick(&ids(wb, kind), x)?.clone(),
            }
        }
        Op::Reorder(k, x, to) => {
            let kind = KINDS[k as usize % KINDS.len()];
            let all = ids(wb, kind);
            Command::Reorder {
                kind,
                id: pick(&all, x)?.clone(),
                to: to as usize % all.len(),
            }
        }
        Op::Rename(k, x, zh, t) => {
            let kind = KINDS[k as usize % KINDS.len()];
            let lang = if zh { Lang::Zh } else { Lang::En };
            Command::SetText {
                kind,
                id: pick(&ids(wb, kind), x)?.clone(),
                field: TextField::Name,
                lang,
                value: t,
            }
        }
        Op::Tier(m, s, t) => Command::SetTier {
            model: pick(&wb.models, m)?.id.clone(),
            subject: pick(&wb.subjects, s)?.id.clone(),
            tier: [
                None,
                Some(Tier::Leadership),
                Some(Tier::Main),
                Some(Tier::Auxiliary),
                Some(Tier::Absent),
            ][t as usize % 5],
        },
        Op::Move(m, n, x, y) => {
            let nodes: Vec<Id> = ids(wb, EntityKind::Subject)
                .into_iter()
                .chain(ids(wb, EntityKind::Object))
                .collect();
            Command::MoveNode {
                model: pick(&wb.models, m)?.id.clone(),
                node: pick(&nodes, n)?.clone(),
                at: (x != 0).then_some(Point {
                    x: x as f64,
                    y: y as f64,
                }),
            }
        }
        Op::Duplicate(m) => {
            let model = pick(&wb.models, m)?;
            let copy = duplicate_model(model, wb.fresh_id("model"), Text::new("Copy", "副本"));
            Command::Insert {
                index: wb.models.len(),
                entity: Entity::Model(copy),
                refs: Refs::default(),
            }
        }
        Op::Title(t) => Command::SetMeta(MetaField::Title, t),
    })
}

/// Applies the ops through a history, with time advancing so that some edits coalesce.
fn run(ops: &[Op]) -> (Workbook, Workbook, History) {
    let original = presets::paper(presets::example_time());
    let mut wb = original.clone();
    let mut h = History::default();
    let mut now = presets::example_time();
    for op in ops {
        now += Duration::milliseconds(700);
        if let Some(cmd) = resolve(&wb, op) {
            let _ = h.apply(&mut wb, cmd, now);
        }
    }
    (original, wb, h)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn undoing_everything_returns_the_original_and_redo_replays_it(ops in prop::collection::vec(op(), 1..40)) {
        let (original, edited, mut h) = run(&ops);
        let mut wb = edited.clone();
        while let Some(r) = h.undo(&mut wb) {
            prop_assert!(r.is_ok(), "undo failed: {:?}", r);
        }
        prop_assert_eq!(&wb, &original);
        while let Some(r) = h.redo(&mut wb) {
            prop_assert!(r.is_ok(), "redo failed: {:?}", r);
        }
        prop_assert_eq!(&wb, &edited);
    }

    #[test]
    fn export_then_import_is_the_identity(ops in prop::collection::vec(op(), 0..40)) {
        let (_, wb, _) = run(&ops);
        // Commands never break integrity; at most a name is left blank, which is a warning.
        prop_assert!(validate(&wb).iter().all(|p| p.kind.severity() == Severity::Warning), "{:?}", validate(&wb));
        let text = export(&wb);
        let back = import(text.as_bytes());
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let back = back.unwrap().workbook;
        prop_assert_eq!(&back, &wb);
        prop_assert_eq!(export(&back), text);
    }
}
