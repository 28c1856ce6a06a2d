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

#[test]
fn timeline_bars_are_proportional_to_years_and_end_to_end() {
    use cogovern::core::chart::{timeline, TIMELINE_AXIS};
    // Table 1: 1994-1998, 1999-2004, 2005-2013, 2014 until now (2026 here).
    let bars = timeline(
        &[
            (1994, Some(1998)),
            (1999, Some(2004)),
            (2005, Some(2013)),
            (2014, None),
        ],
        2026,
    );
    assert_eq!(bars.len(), 4);
    assert_eq!(bars[0].x, TIMELINE_AXIS.0);
    let end = bars[3].x + bars[3].w;
    assert!((end - TIMELINE_AXIS.1).abs() < 1e-9);
    let per_year = (TIMELINE_AXIS.1 - TIMELINE_AXIS.0) / 33.0;
    for (bar, years) in bars.iter().zip([5.0, 6.0, 9.0, 13.0]) {
        assert!((bar.w - years * per_year).abs() < 1e-9);
    }
    for pair in bars.windows(2) {
        assert!((pair[0].x + pair[0].w - pair[1].x).abs() < 1e-9);
        assert_ne!(pair[0].above, pair[1].above);
    }
    assert!(timeline(&[], 2026).is_empty());
    // A last year before the first still draws one year.
    assert!(timeline(&[(2000, Some(1990))], 2026)[0].w > 0.0);
}

#[test]
fn labels_are_fitted_to_the_room_they_have() {
    use cogovern::core::chart::fit_lines;
    // About 6.2 units a Latin character at 11 units: 120 units hold some 19 characters.
    let lines = fit_lines(
        "Information Work Leading Group of the State Council",
        120.0,
        11.0,
        2,
    );
    assert_eq!(lines, ["Information Work", "Leading Group of…"]);
    assert_eq!(
        fit_lines("Foundation stage", 300.0, 13.0, 1),
        ["Foundation stage"]
    );
    // Chinese breaks between characters, a full em each.
    assert_eq!(
        fit_lines("国务院信息化工作领导小组", 66.0, 11.0, 2),
        ["国务院信息化", "工作领导小组"]
    );
    assert_eq!(
        fit_lines("国务院信息化工作领导小组", 60.0, 11.0, 2),
        ["国务院信息", "化工作领…"]
    );
    assert_eq!(fit_lines("", 50.0, 11.0, 2), [""]);
}

#[test]
fn lines_keep_the_spaces_they_broke_at() {
    use cogovern::core::chart::{fit_lines, spaced_lines};
    let fitted = |t: &str, w: f64| spaced_lines(t, fit_lines(t, w, 15.0, 2));
    assert_eq!(
        fitted("Internet enterprises", 150.0),
        ["Internet", " enterprises"]
    );
    assert_eq!(
        fitted("Internet enterprises", 400.0),
        ["Internet enterprises"]
    );
    // Chinese breaks between characters: nothing was between them.
    assert_eq!(
        fitted("国务院信息化工作领导小组", 100.0),
        ["国务院信息化", "工作领导小组"]
    );
    // Joined, the lines read as the text; a shortened last line keeps its "…".
    let long = "Information Work Leading Group of the State Council";
    assert_eq!(
        fitted(long, 150.0).concat(),
        "Information Work Leading Group of…"
    );
    assert_eq!(spaced_lines("", vec![String::new()]), [""]);
}

#[test]
fn timeline_labels_alternate_sides_and_fit_their_room() {
    use cogovern::core::chart::{timeline_labels, timeline_next};
    let long = "A very long stage name that cannot possibly fit in the room of a short stage";
    let stages = [
        (
            1994,
            Some(1999),
            long,
            "Ministry of Information Industry and many more bodies besides",
        ),
        (2000, Some(2001), "Short", ""),
        (
            2002,
            None,
            "中文阶段名称很长很长很长很长很长很长很长很长很长",
            "国家互联网信息办公室",
        ),
    ];
    let labels = timeline_labels(&stages, 2020);
    assert_eq!(labels.len(), 3);
    assert_eq!(labels[0].years, "1994–1999");
    assert_eq!(
        labels[2].years, "2002–",
        "a stage that lasts has an open end"
    );
    // Labels alternate above and below the axis.
    assert!(labels[0].name_y < labels[1].name_y && labels[2].name_y == labels[0].name_y);
    // A long name is cut to its room with "…"; the room of the first label ends at the third bar.
    assert!(labels[0].name.ends_with('…'), "{}", labels[0].name);
    let width = |s: &str| {
        s.chars()
            .map(|c| if c > '\u{2e80}' { 13.0 } else { 13.0 * 0.56 })
            .sum::<f64>()
    };
    assert!(width(&labels[0].name) <= labels[2].bar.x - labels[0].bar.x - 12.0);
    assert_eq!(labels[1].name, "Short");
    assert!(labels[0].body.len() <= 2 && labels[1].body.iter().all(String::is_empty));
    assert!(timeline_next("One main power and three auxiliary participators").len() <= 4);
}
