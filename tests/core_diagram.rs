//! Native tests of the structure diagram's geometry.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::commands::{CellEdit, CellRef, Command};
use cogovern::core::diagram::*;
use cogovern::core::model::*;
use cogovern::core::presets;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

fn relations(s: &Structure) -> Vec<(String, String, Relation, usize)> {
    s.arrows
        .iter()
        .map(|a| (a.from.clone(), a.to.clone(), a.relation, a.count))
        .collect()
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

#[test]
fn the_two_presets_draw_different_structures() {
    let wb = paper();
    let t = structure(&wb, wb.model("traditional").unwrap());
    let s = structure(&wb, wb.model("synergetic").unwrap());
    let leaders = |x: &Structure| {
        x.nodes
            .iter()
            .filter(|n| n.row == Row::Subject(Tier::Leadership))
            .count()
    };
    assert_eq!((leaders(&t), leaders(&s)), (0, 1));
    use Relation::*;
    let o = |a: &str, b: &str, r, n| (a.to_string(), b.to_string(), r, n);
    assert_eq!(
        relations(&t),
        vec![
            o("assoc", "gov", Assists, 1),
            o("ent", "gov", Assists, 2),
            o("gov", "illegal", Main, 1),
            o("gov", "infra", Main, 1),
            o("gov", "practice", Main, 1),
        ]
    );
    assert_eq!(
        relations(&s),
        vec![
            o("assoc", "gov", Assists, 2),
            o("ent", "gov", Assists, 3),
            o("gov", "illegal", Main, 1),
            o("gov", "infra", Main, 1),
            o("gov", "practice", Main, 1),
            o("net", "gov", Supervises, 2),
            o("party", "gov", Leads, 3),
        ]
    );
    // Absent subjects are drawn, in their own row.
    assert!(t
        .nodes
        .iter()
        .any(|n| n.id == "net" && n.row == Row::Subject(Tier::Absent)));
}

#[test]
fn layout_is_deterministic_without_overlap_and_arrows_end_on_borders() {
    let mut wb = paper();
    // A crowded model too: 40 more subjects in one tier.
    for i in 0..40 {
        let mut s = wb.subjects[4].clone();
        s.id = format!("extra{i}");
        wb.subjects.push(s);
        wb.models[1]
            .tiers
            .insert(format!("extra{i}"), Tier::Auxiliary);
    }
    for model in &wb.models {
        let a = structure(&wb, model);
        assert_eq!(a, structure(&wb, model));
        for (i, n) in a.nodes.iter().enumerate() {
            assert!(
                n.at.x - n.r >= 0.0 && n.at.x + n.r <= a.width && n.at.y + n.r <= a.height,
                "{} outside",
                n.id
            );
            for m in &a.nodes[i + 1..] {
                assert!(dist(n.at, m.at) >= n.r + m.r, "{} overlaps {}", n.id, m.id);
            }
        }
        for arrow in &a.arrows {
            let from = a.nodes.iter().find(|n| n.id == arrow.from).unwrap();
            let to = a.nodes.iter().find(|n| n.id == arrow.to).unwrap();
            assert!((dist(arrow.start, from.at) - from.r).abs() < 1e-9);
            assert!((dist(arrow.end, to.at) - to.r).abs() < 1e-9);
        }
    }
}

/// Distance from `p` to the segment a–b.
fn to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    dist(
        p,
        Point {
            x: a.x + t * dx,
            y: a.y + t * dy,
        },
    )
}

#[test]
fn on_the_presets_no_arrow_crosses_another_node_and_auxiliaries_surround_the_main_power() {
    let wb = paper();
    for model in &wb.models {
        let s = structure(&wb, model);
        for a in &s.arrows {
            for n in s.nodes.iter().filter(|n| n.id != a.from && n.id != a.to) {
                assert!(
                    to_segment(n.at, a.start, a.end) > n.r,
                    "{}: {} → {} crosses {}",
                    model.id,
                    a.from,
                    a.to,
                    n.id
                );
            }
        }
    }
    let s = structure(&wb, wb.model("synergetic").unwrap());
    let at = |id: &str| s.nodes.iter().find(|n| n.id == id).unwrap().at;
    let gov = at("gov");
    assert!(at("party").y < gov.y, "the leadership layer is above");
    assert!(
        at("ent").x < gov.x && at("net").x > gov.x,
        "auxiliaries on both sides"
    );
    assert!(
        s.nodes
            .iter()
            .filter(|n| n.row == Row::Object)
            .all(|n| n.at.y > gov.y + 150.0),
        "objects below"
    );
}

#[test]
fn editing_the_matrix_changes_the_arrows() {
    let mut wb = paper();
    Command::EditCell(
        CellRef::new("synergetic", "net", "infra"),
        CellEdit::Role(Some("supervise".into())),
    )
    .apply(&mut wb)
    .unwrap();
    let s = structure(&wb, wb.model("synergetic").unwrap());
    let arrow = s
        .arrows
        .iter()
        .find(|a| a.from == "net" && a.relation == Relation::Supervises)
        .unwrap();
    assert_eq!(arrow.count, 3);
}
