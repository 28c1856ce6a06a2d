//! Native tests of the governance network's geometry.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::commands::{CellEdit, CellRef, Command};
use cogovern::core::history::History;
use cogovern::core::model::*;
use cogovern::core::network::*;
use cogovern::core::presets;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// A workbook with `n` subjects and `n` objects and every cell filled, as in the drag benchmark.
fn big(n: usize) -> Workbook {
    let mut wb = presets::blank(presets::example_time());
    wb.subjects = (0..n)
        .map(|i| {
            let mut s = presets::subjects()[i % 5].clone();
            s.id = format!("s{i}");
            s
        })
        .collect();
    wb.objects = (0..n)
        .map(|i| {
            let mut o = presets::objects()[i % 3].clone();
            o.id = format!("o{i}");
            o
        })
        .collect();
    let m = &mut wb.models[0];
    for i in 0..n {
        for j in 0..n {
            let role = ["main", "assist", "supervise", "lead"][(i + j) % 4];
            m.put_cell(
                &format!("s{i}"),
                &format!("o{j}"),
                Some(Cell {
                    role: Some(role.into()),
                    ..Cell::default()
                }),
            );
        }
    }
    wb
}

fn assert_apart(net: &Network) {
    for (i, a) in net.nodes.iter().enumerate() {
        for b in &net.nodes[i + 1..] {
            assert!(
                dist(a.at, b.at) >= a.r + b.r + 4.0,
                "{} and {} overlap",
                a.id,
                b.id
            );
        }
    }
}

#[test]
fn layout_is_deterministic_and_nodes_never_overlap() {
    let wb = paper();
    for m in &wb.models {
        let first = network(&wb, m);
        assert_eq!(first, network(&wb, m), "{}", m.id);
        assert_eq!(auto_layout(&wb, m), auto_layout(&wb, m));
        assert_eq!(first.nodes.len(), wb.subjects.len() + wb.objects.len());
        assert_apart(&first);
        // Subjects on the left, objects on the right.
        for n in &first.nodes {
            let x = if n.side == Side::Subject {
                SUBJECT_X
            } else {
                OBJECT_X
            };
            assert_eq!(n.at.x, x, "{}", n.id);
        }
    }
    assert_apart(&network(&big(60), &big(60).models[0]));
}

#[test]
fn one_edge_per_non_empty_cell_with_ends_on_the_node_borders() {
    let wb = paper();
    let m = wb.model("synergetic").unwrap();
    let net = network(&wb, m);
    assert_eq!(net.edges.len(), m.iter_cells().count());
    for e in &net.edges {
        let (s, o) = (net.node(&e.subject).unwrap(), net.node(&e.object).unwrap());
        assert!((dist(e.start, s.at) - s.r).abs() < 1e-9);
        assert!((dist(e.end, o.at) - o.r).abs() < 1e-9);
        // Each end faces the other node.
        assert!(dist(e.start, o.at) < dist(s.at, o.at));
        assert!(dist(e.end, s.at) < dist(s.at, o.at));
    }
}

#[test]
fn edges_are_styled_by_role_and_marked_by_method_family() {
    let wb = paper();
    let net = network(&wb, wb.model("synergetic").unwrap());
    let edge = |s: &str, o: &str| {
        net.edges
            .iter()
            .find(|e| e.subject == s && e.object == o)
            .unwrap()
    };
    assert_eq!(edge("gov", "illegal").style, EdgeStyle::Main);
    assert_eq!(edge("party", "infra").style, EdgeStyle::Leads);
    assert_eq!(edge("ent", "infra").style, EdgeStyle::Assists);
    assert_eq!(edge("net", "illegal").style, EdgeStyle::Supervises);
    // Law for the governments, morals for the netizens, none for the Party's leadership.
    let marks = |e: &NetEdge| (e.law, e.morals);
    assert_eq!(marks(edge("gov", "practice")), (true, false));
    assert_eq!(marks(edge("net", "illegal")), (false, true));
    assert_eq!(marks(edge("party", "infra")), (false, false));
}

#[test]
fn a_matrix_change_restyles_its_edge_and_node_sizes_follow_responsibility() {
    let mut wb = paper();
    let at = CellRef::new("synergetic", "net", "illegal");
    Command::EditCell(at, CellEdit::Role(Some("main".into())))
        .apply(&mut wb)
        .unwrap();
    let net = network(&wb, wb.model("synergetic").unwrap());
    let e = net
        .edges
        .iter()
        .find(|e| e.subject == "net" && e.object == "illegal")
        .unwrap();
    assert_eq!(e.style, EdgeStyle::Main);
    // Governments carry the most weight in the synergetic preset: the largest subject node.
    let r = |id: &str| net.node(id).unwrap().r;
    assert_eq!(r("gov"), MAX_R);
    assert!(r("gov") > r("ent") && r("ent") > MIN_R);
    // A subject with no cells gets the smallest node.
    let t = network(&wb, wb.model("traditional").unwrap());
    assert_eq!(t.node("net").unwrap().r, MIN_R);
    assert_eq!(radius(0.0, 0.0), MIN_R);
}

#[test]
fn a_dragged_position_wins_and_one_undo_step_returns_the_node() {
    let mut wb = paper();
    let mut h = History::default();
    let t0 = presets::example_time();
    let before = network(&wb, wb.model("synergetic").unwrap());
    let to = Point { x: 500.0, y: 900.0 };
    h.apply(
        &mut wb,
        Command::MoveNode {
            model: "synergetic".into(),
            node: "net".into(),
            at: Some(to),
        },
        t0,
    )
    .unwrap();
    let net = network(&wb, wb.model("synergetic").unwrap());
    let n = net.node("net").unwrap();
    assert_eq!((n.at, n.pinned), (to, true));
    // The area to show grows to include it; the other nodes stay where they were.
    assert!(net.max.y >= 900.0);
    assert_eq!(net.node("gov"), before.node("gov"));
    h.undo(&mut wb).unwrap().unwrap();
    assert_eq!(network(&wb, wb.model("synergetic").unwrap()), before);
}

/// What a drop changes: the network after commands that only pin nodes is the network before
/// with the new places (`Network::placed`), the same edges and an area from `extent`; the
/// diagram relies on this to leave its 3,600 edges of a 60 × 60 network alone on a drop.
#[test]
fn pinning_nodes_changes_only_their_places() {
    let mut wb = big(6);
    let id = wb.models[0].id.clone();
    let before = network(&wb, &wb.models[0]);
    let moves = [
        ("s0", Point { x: 500.0, y: 900.0 }),
        ("o3", Point { x: -40.0, y: 10.0 }),
        ("s0", Point { x: 480.0, y: 880.0 }),
    ];
    for (node, at) in moves {
        let cmd = Command::MoveNode {
            model: id.clone(),
            node: node.into(),
            at: Some(at),
        };
        assert!(cmd.only_pins());
        cmd.apply(&mut wb).unwrap();
    }
    let after = network(&wb, &wb.models[0]);
    let placed = before.placed(&wb.models[0].layout);
    for n in &after.nodes {
        assert_eq!(placed[&n.id], (n.at, n.pinned), "{}", n.id);
    }
    assert_eq!(placed["s0"], (Point { x: 480.0, y: 880.0 }, true));
    assert_eq!(placed["s1"], (before.node("s1").unwrap().at, false));
    assert_eq!(extent(placed.values().map(|x| x.0)), (after.min, after.max));
    let unplaced = |n: &Network| {
        n.edges
            .iter()
            .map(|e| {
                (
                    e.subject.clone(),
                    e.object.clone(),
                    e.role.clone(),
                    e.style,
                    e.law,
                    e.morals,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(unplaced(&after), unplaced(&before));
    let sizes = |n: &Network| n.nodes.iter().map(|x| (x.r, x.weight)).collect::<Vec<_>>();
    assert_eq!(sizes(&after), sizes(&before));
    // Every other command may change more: unpinning brings back the automatic place.
    let unpin = Command::MoveNode {
        model: id.clone(),
        node: "s0".into(),
        at: None,
    };
    assert!(!unpin.only_pins());
    assert!(!Command::SetLayout {
        model: id,
        layout: Default::default()
    }
    .only_pins());
}

#[test]
fn auto_layout_orders_subjects_by_tier_and_objects_by_their_subjects() {
    let wb = paper();
    let m = wb.model("synergetic").unwrap();
    let layout = auto_layout(&wb, m);
    let y = |id: &str| layout[id].y;
    assert!(y("party") < y("gov") && y("gov") < y("ent"));
    // Moving a subject to the top tier moves it up the column.
    let mut wb2 = wb.clone();
    Command::SetTier {
        model: "synergetic".into(),
        subject: "net".into(),
        tier: Some(Tier::Leadership),
    }
    .apply(&mut wb2)
    .unwrap();
    let l2 = auto_layout(&wb2, wb2.model("synergetic").unwrap());
    assert!(l2["net"].y < l2["gov"].y);
}
