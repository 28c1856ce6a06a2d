//! Native tests of the Figure 1 chart's scales and geometry.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::chart::*;
use cogovern::core::presets;

#[test]
fn axes_end_on_round_values() {
    assert_eq!(nice_max(854.0, 5), 1000.0);
    assert_eq!(nice_max(61.2, 5), 100.0);
    assert_eq!(nice_max(12.0, 5), 12.5);
    assert_eq!(nice_max(0.0, 5), 5.0);
    assert_eq!(nice_max(1000.0, 5), 1000.0);
    assert_eq!(nice_max(1001.0, 5), 1250.0);
}

#[test]
fn the_chart_maps_the_cnnic_series_to_pixels() {
    let points = presets::figure1().points;
    let c = figure1(&points);
    let (l, t, r, b) = PLOT;
    // Zero sits on the bottom edge, the axis maximum on the top edge, linearly in between.
    assert_eq!(c.left.map(0.0), b);
    assert_eq!(c.left.map(1000.0), t);
    assert!((c.left.map(500.0) - (b + t) / 2.0).abs() < 1e-9);
    assert_eq!((c.right.map(0.0), c.right.map(100.0)), (b, t));
    // 854 million in June 2019: a bar 85.4% of the plot's height; 61.2% penetration on the line.
    let last = c.bars.last().unwrap();
    assert!((last.h - 0.854 * (b - t)).abs() < 1e-9);
    assert!((last.y + last.h - b).abs() < 1e-9);
    assert!((c.line.last().unwrap().y - (b - 61.2 / 100.0 * (b - t))).abs() < 1e-9);
    // Seven evenly spaced bars, inside the plot, centred on their labels.
    assert_eq!(c.bars.len(), 7);
    let gaps: Vec<f64> = c.labels_x.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|g| (g - gaps[0]).abs() < 1e-9));
    for (bar, x) in c.bars.iter().zip(&c.labels_x) {
        assert!(bar.x >= l && bar.x + bar.w <= r);
        assert!((bar.x + bar.w / 2.0 - x).abs() < 1e-9);
    }
    assert_eq!(c.left_ticks.first(), Some(&(b, 0.0)));
    assert_eq!(c.left_ticks.last(), Some(&(t, 1000.0)));
}

#[test]
fn an_empty_or_grown_series_still_draws() {
    assert!(figure1(&[]).bars.is_empty());
    let mut points = presets::figure1().points;
    let mut later = points[6].clone();
    later.period = "2024-12".into();
    later.netizens_million = 1108.0;
    later.penetration_percent = 78.6;
    points.push(later);
    let c = figure1(&points);
    assert_eq!(c.left.d1, 1250.0);
    assert_eq!(c.right.d1, 100.0);
    assert_eq!(c.bars.len(), 8);
}
