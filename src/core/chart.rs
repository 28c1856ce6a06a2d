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

/// Width of the timeline drawing, in drawing units.
pub const TIMELINE_WIDTH: f64 = 900.0;
/// Where the years axis starts and ends; the step to the new model is drawn right of it.
pub const TIMELINE_AXIS: (f64, f64) = (20.0, 660.0);

/// One stage on the timeline axis: a bar from its first year to the year after its last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageBar {
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// Stages alternate their labels above and below the axis, so narrow ones never collide.
    pub above: bool,
}

/// Bars for stages given as (first year, last year or `None` while it lasts), in order.
/// A stage that lasts runs to `until` (the caller's current year; the core reads no clock).
/// Years map linearly onto `TIMELINE_AXIS`; stages out of order or with a last year before
/// their first are drawn at least one year wide.
pub fn timeline(stages: &[(i32, Option<i32>)], until: i32) -> Vec<StageBar> {
    let end_of = |(start, end): (i32, Option<i32>)| end.unwrap_or(until).max(start) + 1;
    let (Some(first), Some(last)) = (
        stages.iter().map(|s| s.0).min(),
        stages.iter().map(|&s| end_of(s)).max(),
    ) else {
        return vec![];
    };
    let scale = Scale {
        d0: f64::from(first),
        d1: f64::from(last),
        p0: TIMELINE_AXIS.0,
        p1: TIMELINE_AXIS.1,
    };
    stages
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let x = scale.map(f64::from(s.0));
            StageBar {
                x,
                w: scale.map(f64::from(end_of(s))) - x,
                above: i % 2 == 0,
            }
        })
        .collect()
}

/// `text` broken into at most `max` lines of about `width` units at `font` size (Chinese
/// characters a full em, others about half), the last one shortened with "…" if needed.
pub fn fit_lines(text: &str, width: f64, font: f64, max: usize) -> Vec<String> {
    let w = |ch: char| if ch > '\u{2e80}' { font } else { font * 0.56 };
    let mut lines: Vec<String> = vec![String::new()];
    let mut used = 0.0;
    // Latin text breaks between words, Chinese between characters.
    let mut words: Vec<String> = Vec::new();
    for ch in text.chars() {
        match words.last_mut() {
            Some(last) if ch > '\u{2e80}' || last.ends_with(|c: char| c > '\u{2e80}') => {
                words.push(ch.to_string())
            }
            Some(last) if ch == ' ' => {
                last.push(ch);
                words.push(String::new());
            }
            Some(last) => last.push(ch),
            None => words.push(ch.to_string()),
        }
    }
    for word in words.into_iter().filter(|x| !x.is_empty()) {
        let ww: f64 = word.chars().map(w).sum();
        if used + ww > width && !lines.last().is_some_and(String::is_empty) {
            if lines.len() == max {
                let last = lines.last_mut().expect("one line at least");
                while last.chars().map(w).sum::<f64>() + font > width && last.pop().is_some() {}
                *last = format!("{}…", last.trim_end());
                break;
            }
            lines.push(String::new());
            used = 0.0;
        }
        lines.last_mut().expect("one line at least").push_str(&word);
        used += ww;
    }
    lines
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// `lines` fitted from `text` by [`fit_lines`], each after the first starting with the space
/// the text broke at (none where it broke between Chinese characters). A drawing shows each
/// line on its own, where a leading space is not drawn, but its text then reads as `text`
/// does: to a screen reader, and to the "label in name" check (WCAG 2.5.3) against the
/// accessible name it starts with. (Read without them, "Internet enterprises" was
/// "Internetenterprises".)
pub fn spaced_lines(text: &str, lines: Vec<String>) -> Vec<String> {
    let mut rest = text;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let spaced = i > 0 && rest.starts_with(char::is_whitespace);
            rest = rest.trim_start();
            // A shortened last line ("…") matches no more of the text: nothing follows it.
            rest = rest.strip_prefix(line.as_str()).unwrap_or("");
            if spaced {
                format!(" {line}")
            } else {
                line
            }
        })
        .collect()
}

/// The text of one stage on the timeline drawing, fitted to the room it has.
#[derive(Debug, Clone, PartialEq)]
pub struct StageLabel {
    /// Where the stage's bar is.
    pub bar: StageBar,
    /// Its years: "1994–2003", or "2014–" while it lasts.
    pub years: String,
    /// Its name on one line, shortened with "…" if the room is short.
    pub name: String,
    /// Its leading body on at most two lines.
    pub body: Vec<String>,
    /// Baseline of the name: above the axis or below it, as the bar's labels alternate.
    pub name_y: f64,
    /// Baseline of the first line of the body.
    pub body_y: f64,
}

/// Font size of a stage's name on the timeline drawing, and of its body.
const TIMELINE_FONTS: (f64, f64) = (13.0, 11.0);

/// The labels of stages given as (first year, last year or `None`, name, leading body), laid out
/// with `timeline`. A label may run until the next label on its side of the axis (two stages
/// on), or to the arrow after the last stage.
pub fn timeline_labels(stages: &[(i32, Option<i32>, &str, &str)], until: i32) -> Vec<StageLabel> {
    let spans: Vec<(i32, Option<i32>)> = stages.iter().map(|s| (s.0, s.1)).collect();
    let bars = timeline(&spans, until);
    let room = |i: usize| bars.get(i + 2).map_or(TIMELINE_AXIS.1, |n| n.x) - bars[i].x - 12.0;
    stages
        .iter()
        .zip(&bars)
        .enumerate()
        .map(|(i, (&(start, end, name, body), &bar))| {
            let (name_y, body_y) = if bar.above {
                (42.0, 58.0)
            } else {
                (144.0, 160.0)
            };
            StageLabel {
                bar,
                years: match end {
                    Some(e) => format!("{start}–{e}"),
                    None => format!("{start}–"),
                },
                name: fit_lines(name, room(i), TIMELINE_FONTS.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
                body: fit_lines(body, room(i), TIMELINE_FONTS.1, 2),
                name_y,
                body_y,
            }
        })
        .collect()
}

/// The name of the model the timeline leads to, on at most four lines right of the arrow.
pub fn timeline_next(name: &str) -> Vec<String> {
    fit_lines(
        name,
        TIMELINE_WIDTH - TIMELINE_AXIS.1 - 36.0,
        TIMELINE_FONTS.0,
        4,
    )
}
