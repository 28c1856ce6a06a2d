//! The part of a diagram shown on screen, and how it zooms, pans and follows the focus.
//!
//! Pure geometry, so the network view only converts pointer events and the rules (zoom
//! limits, the point under the pointer staying put, a node reached by keyboard brought into
//! view) are tested with `cargo test`.

use crate::core::model::Point;
use crate::core::network::Network;

/// The narrowest and widest area that may be shown, in diagram units: neither a speck nor a
/// blow-up of a single letter.
pub const WIDTH_RANGE: (f64, f64) = (40.0, 40_000.0);

/// An SVG `viewBox`: the area shown, in diagram units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Default for ViewBox {
    fn default() -> ViewBox {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: 1000.0,
            h: 600.0,
        }
    }
}

impl ViewBox {
    /// The whole network, labels included.
    pub fn fit(n: &Network) -> ViewBox {
        ViewBox::between(n.min, n.max)
    }

    /// The box from the corner `min` to the corner `max` (as `network::extent` gives).
    pub fn between(min: Point, max: Point) -> ViewBox {
        ViewBox {
            x: min.x,
            y: min.y,
            w: max.x - min.x,
            h: max.y - min.y,
        }
    }

    /// The value of the SVG `viewBox` attribute.
    pub fn attr(self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }

    /// The centre.
    pub fn centre(self) -> Point {
        Point {
            x: self.x + self.w / 2.0,
            y: self.y + self.h / 2.0,
        }
    }

    /// Zoomed by `factor` (above 1 zooms in) around `at`, which stays where it is on screen;
    /// unchanged where the result would leave `WIDTH_RANGE`.
    pub fn zoom(self, factor: f64, at: Point) -> ViewBox {
        let (w, h) = (self.w / factor, self.h / factor);
        if !(factor.is_finite() && factor > 0.0 && (WIDTH_RANGE.0..=WIDTH_RANGE.1).contains(&w)) {
            return self;
        }
        ViewBox {
            x: at.x - (at.x - self.x) / factor,
            y: at.y - (at.y - self.y) / factor,
            w,
            h,
        }
    }

    /// Moved so the content follows a pointer that moved by (`dx`, `dy`) diagram units.
    pub fn pan(self, dx: f64, dy: f64) -> ViewBox {
        ViewBox {
            x: self.x - dx,
            y: self.y - dy,
            ..self
        }
    }

    /// True when `p` is inside (borders included).
    pub fn contains(self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }

    /// The same size, moved only if needed so that `p` is in view (then centred on it).
    pub fn reveal(self, p: Point) -> ViewBox {
        if self.contains(p) {
            return self;
        }
        ViewBox {
            x: p.x - self.w / 2.0,
            y: p.y - self.h / 2.0,
            ..self
        }
    }

    /// Diagram units per screen pixel when drawn in a `width` × `height` pixel element with
    /// the aspect ratio kept (`xMidYMid meet`); 1 for an element with no size.
    pub fn units_per_pixel(self, width: f64, height: f64) -> f64 {
        let scale = (width / self.w).min(height / self.h);
        if scale.is_finite() && scale > 0.0 {
            1.0 / scale
        } else {
            1.0
        }
    }

    /// The diagram point under the pixel (`px`, `py`), measured from the top left of a
    /// `width` × `height` element; the drawing is centred in it.
    pub fn to_diagram(self, px: f64, py: f64, width: f64, height: f64) -> Point {
        let k = self.units_per_pixel(width, height);
        let (ox, oy) = ((width - self.w / k) / 2.0, (height - self.h / k) / 2.0);
        Point {
            x: self.x + (px - ox) * k,
            y: self.y + (py - oy) * k,
        }
    }
}
