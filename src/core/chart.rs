//! Geometry of the Figure 1 chart: netizens as bars on the left axis, Internet penetration as a
//! line on the right axis. Pure numbers, tested natively; the UI draws them as SVG.

use super::model::{DataPoint, Point};

/// Chart width, in chart units.
pub const WIDTH: f64 = 760.0;
/// Chart height, in chart units.
pub const HEIGHT: f64 = 380.0;
/// Plot area: left, top, right, bottom edges.
pub const PLOT: (f64, f64, f64, f64) = (80.0, 30.0, 680.0, 320.0);

/// A linear map from a data interval to a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Data at the start.
    pub d0: f64,
    /// Data at the end.
    pub d1: f64,
    /// Pixel of `d0`.
    pub p0: f64,
    /// Pixel of `d1`.
    pub p1: f64,
}

impl Scale {
    /// The pixel of `v`.
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.p0;
        }
        self.p0 + (v - self.d0) / (self.d1 - self.d0) * (self.p1 - self.p0)
    }
}

/// The smallest "nice" number (1, 2 or 5 times a power of ten, times `ticks`) at or above `max`,
/// so axes end on round values.
pub fn nice_max(max: f64, ticks: usize) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return ticks as f64;
    }
    let raw = max / ticks as f64;
    let pow = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw - 1e-9)
        .unwrap_or(10.0 * pow);
    step * ticks as f64
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// The laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Left axis: netizens, millions.
    pub left: Scale,
    /// Right axis: penetration, percent.
    pub right: Scale,
    /// Left-axis ticks: (pixel y, value).
    pub left_ticks: Vec<(f64, f64)>,
    /// Right-axis ticks: (pixel y, value).
    pub right_ticks: Vec<(f64, f64)>,
    /// One bar per point.
    pub bars: Vec<Bar>,
    /// The penetration line, one vertex per point (at the bar's centre).
    pub line: Vec<Point>,
    /// Centre x of each period label.
    pub labels_x: Vec<f64>,
}

const TICKS: usize = 5;

/// Lays out `points` (in time order).
pub fn figure1(points: &[DataPoint]) -> Chart {
    let (l, t, r, b) = PLOT;
    // Each axis runs from zero to a round value above the series' largest.
    let axis = |value: fn(&DataPoint) -> f64, cap: f64| Scale {
        d0: 0.0,
        d1: nice_max(points.iter().map(value).fold(0.0, f64::max), TICKS).clamp(1.0, cap),
        p0: b,
        p1: t,
    };
    let left = axis(|p| p.netizens_million, f64::INFINITY);
    let right = axis(|p| p.penetration_percent, 100.0);
    let ticks = |s: Scale| {
        (0..=TICKS)
            .map(|i| s.d1 * i as f64 / TICKS as f64)
            .map(|v| (s.map(v), v))
            .collect()
    };
    let slot = (r - l) / points.len().max(1) as f64;
    let w = slot * 0.6;
    let centres: Vec<f64> = (0..points.len())
        .map(|i| l + slot * (i as f64 + 0.5))
        .collect();
    let bars = points
        .iter()
        .zip(&centres)
        .map(|(p, c)| {
            let y = left.map(p.netizens_million.max(0.0));
            Bar {
                x: c - w / 2.0,
                y,
                w,
                h: b - y,
            }
        })
        .collect();
    let line = points
        .iter()
        .zip(&centres)
        .map(|(p, c)| Point {
            x: *c,
            y: right.map(p.penetration_percent),
        })
        .collect();
    Chart {
        left,
        right,
        left_ticks: ticks(left),
        right_ticks: ticks(right),
        bars,
        line,
        labels_x: centres,
    }
}
