//! Native tests of which autosaved versions are kept.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::versions::{key, Versions, EVERY_MS, KEEP};

const MIN: i64 = 60_000;

#[test]
fn a_version_is_kept_on_the_first_save_and_then_every_five_minutes() {
    let v = Versions::default();
    // Nothing kept yet: the replaced text is kept, first save or not.
    let k = v.due(1_000, false).expect("kept when none is");
    assert_eq!((k.time, k.drop.clone()), (1_000, vec![]));
    let v = k.after;
    // A minute later: not again…
    assert_eq!(v.due(1_000 + MIN, false), None);
    // …unless this page session has not yet kept what it started with.
    assert!(v.due(1_000 + MIN, true).is_some());
    // The same save is never kept twice.
    assert_eq!(v.due(1_000, true), None);
    // Five minutes after the newest: kept.
    let k = v
        .due(1_000 + EVERY_MS, false)
        .expect("kept after five minutes");
    assert_eq!(
        k.after.newest_first().collect::<Vec<_>>(),
        vec![1_000 + EVERY_MS, 1_000]
    );
}

#[test]
fn only_the_newest_ten_are_kept_and_the_oldest_go_first() {
    let mut v = Versions::default();
    let mut dropped = vec![];
    for i in 0..(KEEP as i64 + 3) {
        let k = v.with(i * EVERY_MS);
        dropped.extend(k.drop);
        v = k.after;
    }
    assert_eq!(v.len(), KEEP);
    assert_eq!(dropped, vec![0, EVERY_MS, 2 * EVERY_MS]);
    assert_eq!(v.newest_first().next(), Some((KEEP as i64 + 2) * EVERY_MS));
    assert_eq!(v.newest_first().last(), Some(3 * EVERY_MS));
}

#[test]
fn the_index_round_trips_and_damage_costs_only_the_list() {
    let v = Versions::default()
        .with(5)
        .after
        .with(3)
        .after
        .with(9)
        .after;
    assert_eq!(v.to_text(), "[3,5,9]");
    assert_eq!(Versions::parse(&v.to_text()), v);
    // Unsorted or repeated times are put in order once.
    assert_eq!(Versions::parse("[9,3,5,3]"), v);
    for bad in ["", "{", "null", "[\"x\"]", "[1e999]", "{\"a\":1}"] {
        assert!(Versions::parse(bad).is_empty(), "{bad:?}");
    }
    assert_eq!(v.without(5).to_text(), "[3,9]");
    assert_eq!(key(1_764_345_600_000), "cogovern.version.1764345600000");
}
