//! The shared stable sort sorts as the standard library's stable sort does.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::order::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    /// Same order as `slice::sort_by_key`, ties included: items carry their first position, so
    /// an unstable result would differ.
    #[test]
    fn sorts_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..200)) {
        let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |x| x.0);
        let mut theirs = items;
        theirs.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn sorts_by_a_comparison_keeping_ties_in_order() {
    let mut v = vec![("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3)];
    sort_by(&mut v, |x, y| y.1.cmp(&x.1));
    assert_eq!(v, [("e", 3), ("b", 2), ("c", 2), ("a", 1), ("d", 1)]);
}

#[test]
fn moves_items_it_cannot_copy() {
    let mut v: Vec<String> = ["pear", "fig", "apple"].map(String::from).into();
    sort_by_key(&mut v, String::len);
    assert_eq!(v, ["fig", "pear", "apple"]);
    let mut empty: Vec<String> = Vec::new();
    sort_by_key(&mut empty, String::len);
    assert!(empty.is_empty());
}
