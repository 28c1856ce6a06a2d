//! Native tests of the core: the model's own queries.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::model::Tier;
use common::paper;

#[test]
fn rows_come_by_tier_then_in_workbook_order() {
    let mut wb = paper();
    let m = wb.model("synergetic").unwrap();
    let rows: Vec<(&str, Tier)> = m
        .rows(&wb)
        .iter()
        .map(|(x, t)| (x.id.as_str(), *t))
        .collect();
    // Party committees lead, governments carry the main responsibility, the rest take part.
    assert_eq!(rows[0].1, Tier::Leadership);
    assert_eq!(rows.len(), wb.subjects.len());
    let tiers: Vec<Tier> = rows.iter().map(|r| r.1).collect();
    let rank = |t: &Tier| Tier::ALL.iter().position(|x| x == t).unwrap();
    assert!(
        tiers.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{tiers:?}"
    );
    // Within a tier, the workbook's order: moving the last auxiliary subject first moves its row.
    let aux: Vec<&str> = rows
        .iter()
        .filter(|r| r.1 == Tier::Auxiliary)
        .map(|r| r.0)
        .collect();
    assert!(aux.len() > 1);
    let last = aux[aux.len() - 1].to_string();
    let i = wb.subjects.iter().position(|s| s.id == last).unwrap();
    let s = wb.subjects.remove(i);
    wb.subjects.insert(0, s);
    let m = wb.model("synergetic").unwrap();
    let first_aux = m
        .rows(&wb)
        .into_iter()
        .find(|r| r.1 == Tier::Auxiliary)
        .unwrap();
    assert_eq!(first_aux.0.id, last);
}

#[test]
fn the_traditional_model_lists_absent_subjects_last() {
    let wb = paper();
    let m = wb.model("traditional").unwrap();
    let rows = m.rows(&wb);
    let absent = rows
        .iter()
        .position(|r| r.1 == Tier::Absent)
        .expect("someone is absent");
    assert!(rows[absent..].iter().all(|r| r.1 == Tier::Absent));
}
