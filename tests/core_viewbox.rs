//! Native tests of the core: the area of a diagram shown on screen (zoom, pan, fit, follow).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::model::Point;
use cogovern::core::network::network;
use cogovern::core::viewbox::{ViewBox, WIDTH_RANGE};
use common::paper;

const VB: ViewBox = ViewBox {
    x: 100.0,
    y: 50.0,
    w: 800.0,
    h: 400.0,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn fit_shows_the_whole_network_with_its_labels() {
    let wb = paper();
    let n = network(&wb, wb.model("synergetic").unwrap());
    let vb = ViewBox::fit(&n);
    for node in &n.nodes {
        assert!(
            vb.contains(node.at),
            "{} at {:?} outside {vb:?}",
            node.id,
            node.at
        );
    }
    assert_eq!((vb.x, vb.y), (n.min.x, n.min.y));
    assert!(close(vb.x + vb.w, n.max.x) && close(vb.y + vb.h, n.max.y));
}

#[test]
fn zoom_keeps_the_point_under_the_pointer_in_place() {
    let at = Point { x: 300.0, y: 120.0 };
    let z = VB.zoom(2.0, at);
    assert!(close(z.w, 400.0) && close(z.h, 200.0));
    // The point sits at the same fraction of the view before and after.
    let frac = |v: ViewBox| ((at.x - v.x) / v.w, (at.y - v.y) / v.h);
    let (a, b) = (frac(VB), frac(z));
    assert!(close(a.0, b.0) && close(a.1, b.1), "{a:?} vs {b:?}");
    // Zooming out by the same factor comes back.
    let back = z.zoom(0.5, at);
    assert!(close(back.x, VB.x) && close(back.y, VB.y) && close(back.w, VB.w));
}

#[test]
fn zoom_stops_at_its_limits_and_ignores_nonsense() {
    let tiny = ViewBox {
        w: WIDTH_RANGE.0 * 1.5,
        ..VB
    };
    assert_eq!(
        tiny.zoom(2.0, tiny.centre()),
        tiny,
        "no closer than the narrowest view"
    );
    let huge = ViewBox {
        w: WIDTH_RANGE.1 / 1.5,
        ..VB
    };
    assert_eq!(
        huge.zoom(0.5, huge.centre()),
        huge,
        "no further than the widest view"
    );
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(VB.zoom(bad, VB.centre()), VB, "factor {bad}");
    }
}

#[test]
fn pan_moves_the_view_against_the_pointer() {
    // Dragging the background right by 30 units brings content from the left into view.
    let p = VB.pan(30.0, -10.0);
    assert_eq!((p.x, p.y, p.w, p.h), (70.0, 60.0, VB.w, VB.h));
}

#[test]
fn reveal_moves_only_when_the_point_is_outside() {
    let inside = Point { x: 500.0, y: 300.0 };
    assert_eq!(VB.reveal(inside), VB);
    let outside = Point {
        x: 2000.0,
        y: -500.0,
    };
    let r = VB.reveal(outside);
    assert!(r.contains(outside));
    assert_eq!(r.centre(), outside);
    assert_eq!((r.w, r.h), (VB.w, VB.h), "the zoom level stays");
}

#[test]
fn screen_pixels_map_to_diagram_points_with_the_aspect_ratio_kept() {
    // 800 × 400 units in a 400 × 400 pixel element: 2 units a pixel, drawn 100 px from the top.
    assert!(close(VB.units_per_pixel(400.0, 400.0), 2.0));
    let top_left = VB.to_diagram(0.0, 100.0, 400.0, 400.0);
    assert!(
        close(top_left.x, VB.x) && close(top_left.y, VB.y),
        "{top_left:?}"
    );
    let centre = VB.to_diagram(200.0, 200.0, 400.0, 400.0);
    assert_eq!(centre, VB.centre());
    // An element with no size yet does not divide by zero.
    assert_eq!(VB.units_per_pixel(0.0, 0.0), 1.0);
    assert_eq!(VB.attr(), "100.0 50.0 800.0 400.0");
}
