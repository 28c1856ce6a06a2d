//! Native tests of the core: the autosave text written a few rows at a time.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::format;
use cogovern::core::format::compact;
use cogovern::core::model::{Cell, Text, Workbook};
use cogovern::core::snapshot::Snapshot;
use common::paper;

/// Writes `wb` in steps of `rows` rows; also returns how many steps it took.
fn written(wb: &Workbook, rows: usize) -> (String, usize) {
    let mut s = Snapshot::new(wb);
    let mut steps = 1;
    while !s.step(wb, rows) {
        steps += 1;
    }
    (s.finish(), steps)
}

/// The paper's workbook with `n` × `n` filled cells in its synergetic model.
fn big(n: usize) -> Workbook {
    let mut wb = paper();
    let template = wb.models[1]
        .cells
        .values()
        .next()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    for i in 0..n {
        let mut s = wb.subjects[i % wb.subjects.len()].clone();
        s.id = format!("s{i:03}");
        wb.subjects.push(s);
        let mut o = wb.objects[i % wb.objects.len()].clone();
        o.id = format!("o{i:03}");
        wb.objects.push(o);
    }
    for i in 0..n {
        for j in 0..n {
            let cell = Cell {
                note: format!("{i}/{j}"),
                ..template.clone()
            };
            wb.models[1].put_cell(&format!("s{i:03}"), &format!("o{j:03}"), Some(cell));
        }
    }
    wb
}

#[test]
fn written_in_steps_it_is_the_whole_text_at_once() {
    for wb in [paper(), big(30)] {
        let whole = compact(&wb);
        for rows in [1, 2, 7, 1000] {
            assert_eq!(written(&wb, rows).0, whole, "{rows} rows a step");
        }
    }
}

#[test]
fn a_step_writes_only_a_few_rows() {
    let wb = big(40);
    let rows: usize = wb.models.iter().map(|m| m.cells.len()).sum();
    let (_, steps) = written(&wb, 5);
    // Every step but the last writes five rows.
    assert!(steps >= rows / 5, "{steps} steps for {rows} rows");
}

#[test]
fn the_text_opens_as_the_same_workbook() {
    let wb = big(12);
    let back = format::import(written(&wb, 3).0.as_bytes())
        .unwrap()
        .workbook;
    assert_eq!(back, wb);
}

#[test]
fn user_text_that_looks_like_the_cells_key_changes_nothing() {
    let mut wb = paper();
    wb.models[0].name = Text::new("\"cells\":{}", "\"cells\":{}");
    wb.models[1].notes = "{\"cells\":{}}, \"answers\":[]".into();
    wb.models[0].cells.clear();
    let whole = compact(&wb);
    assert_eq!(written(&wb, 1).0, whole);
    assert_eq!(format::import(whole.as_bytes()).unwrap().workbook, wb);
}

#[test]
fn a_workbook_without_models_is_written_too() {
    let mut wb = paper();
    wb.models.clear();
    wb.plans.clear();
    assert_eq!(written(&wb, 1).0, compact(&wb));
}

/// `big(n)` with a round about its cells that has `answers` collected answers and this
/// device's own answer started (its cells still empty).
fn with_round(n: usize, answers: usize) -> Workbook {
    use cogovern::core::model::{Answer, Collected};
    use cogovern::core::workshop::new_round;
    let mut wb = big(n);
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
    let s = ids(wb.subjects.iter().map(|x| &x.id).collect());
    let o = ids(wb.objects.iter().map(|x| &x.id).collect());
    let r = ids(wb.roles.iter().map(|x| &x.id).collect());
    let mut round = new_round(
        &wb,
        "round-1".into(),
        Text::new("R", "R"),
        [&s, &o, &r],
        wb.models.get(1),
        false,
    );
    let blank = Answer {
        id: "mine".into(),
        participant: String::new(),
        submitted: wb.meta.modified,
        cells: Default::default(),
        reasons: Default::default(),
        votes: Default::default(),
    };
    round.mine = Some(blank.clone());
    for k in 0..answers {
        let mut a = blank.clone();
        a.id = format!("a{k}");
        a.participant = format!("P{k}");
        for subject in s.iter().take(n) {
            for object in o.iter().take(n) {
                a.cells
                    .entry(subject.clone())
                    .or_default()
                    .insert(object.clone(), Some(r[k % r.len()].clone()));
            }
        }
        round.answers.push(Collected {
            answer: a,
            excluded: k % 3 == 0,
        });
    }
    wb.rounds.push(round);
    wb
}

#[test]
fn rounds_and_their_answers_are_written_in_rows_too() {
    for answers in [0, 1, 5] {
        let wb = with_round(6, answers);
        let whole = compact(&wb);
        for rows in [1, 3, 1000] {
            assert_eq!(
                written(&wb, rows).0,
                whole,
                "{answers} answers, {rows} rows a step"
            );
        }
    }
    // A started answer with no cells yet ("cells":{}) no longer makes it write all at once:
    // the first piece stops before the first model's cells.
    let wb = with_round(20, 10);
    let s = Snapshot::new(&wb);
    assert!(
        s.text().len() * 4 < compact(&wb).len(),
        "{} of {}",
        s.text().len(),
        compact(&wb).len()
    );
    // Ten answers of 20 subject rows each take many steps of 20 rows.
    assert!(written(&wb, 20).1 > 10);
    assert_eq!(
        format::import(written(&wb, 7).0.as_bytes())
            .unwrap()
            .workbook,
        wb
    );
}
