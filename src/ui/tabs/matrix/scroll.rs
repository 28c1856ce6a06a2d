//! The matrix's virtual window: only the rows and columns on screen (plus a margin) are in the
//! page; spacers stand in for the rest so the scrollbars stay true to the whole grid.
//!
//! The geometry is `core::window`; this file reads the scroller's offsets and sizes from the
//! page and scrolls it when the keyboard moves the focus off screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::{Id, Tier};
use crate::core::window::Axis;
use crate::ui::tabs::matrix::cell::cell_dom_id;
use crate::ui::tabs::matrix::nav::Nav;
use crate::ui::widgets::{dom_id, focus_in_place};

/// A line of the grid's body: a tier's heading or a subject's row.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The heading of a tier's group.
    Tier(Tier),
    /// A subject's row.
    Subject(Id, Tier),
}

/// The body's lines in display order: each tier's heading, then its subjects.
pub fn lines(rows: &[(Id, Tier)]) -> Vec<Line> {
    let mut out = Vec::with_capacity(rows.len() + Tier::ALL.len());
    for (i, (id, tier)) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].1 != *tier {
            out.push(Line::Tier(*tier));
        }
        out.push(Line::Subject(id.clone(), *tier));
    }
    out
}

/// Sizes the CSS gives a body row and an object column, used until the page is measured.
const ROW: f64 = 40.0;
const COL: f64 = 104.0;

/// Where the scroller is and how large things are in it, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scroll {
    top: f64,
    left: f64,
    width: f64,
    height: f64,
    /// The sticky header row's height and the sticky subject column's width.
    head_h: f64,
    head_w: f64,
    row_h: f64,
    col_w: f64,
}

impl Default for Scroll {
    fn default() -> Scroll {
        Scroll {
            top: 0.0,
            left: 0.0,
            width: 0.0,
            height: 0.0,
            head_h: 0.0,
            head_w: 0.0,
            row_h: ROW,
            col_w: COL,
        }
    }
}

impl Scroll {
    /// The vertical axis over `count` lines.
    pub fn rows(&self, count: usize) -> Axis {
        Axis {
            count,
            item: self.row_h,
            offset: self.top,
            extent: (self.height - self.head_h).max(0.0),
        }
    }

    /// The horizontal axis over `count` objects.
    pub fn cols(&self, count: usize) -> Axis {
        Axis {
            count,
            item: self.col_w,
            offset: self.left,
            extent: (self.width - self.head_w).max(0.0),
        }
    }

    /// Reads the scroller: offsets, viewport, the sticky header's size and one row and one
    /// column as drawn (so a larger font or zoom keeps the spacers exact).
    pub fn measure(el: &web_sys::HtmlElement) -> Scroll {
        let size = |sel: &str, wide: bool| {
            el.query_selector(sel)
                .ok()
                .flatten()
                .and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|x| {
                    f64::from(if wide {
                        x.offset_width()
                    } else {
                        x.offset_height()
                    })
                })
                .filter(|x| *x > 0.0)
        };
        Scroll {
            top: f64::from(el.scroll_top()),
            left: f64::from(el.scroll_left()),
            width: f64::from(el.client_width()),
            height: f64::from(el.client_height()),
            head_h: size("thead", false).unwrap_or(0.0),
            head_w: size("thead .corner", true).unwrap_or(0.0),
            row_h: size("tbody tr[data-testid]", false).unwrap_or(ROW),
            col_w: size("thead th[data-testid]", true).unwrap_or(COL),
        }
    }
}

/// Keeps `nav.scroll` in step with the scroller; called on scroll, on resize and after
/// rendering.
pub fn update(nav: &Nav) {
    if let Some(el) = nav.scroller.get_untracked() {
        set(nav, &el, Scroll::measure(&el));
    }
}

/// Scrolls so that line `line` and column `col` are whole on screen, past the sticky headers,
/// and updates `nav.scroll` at once so their cell is drawn in the next frame.
pub fn reveal(nav: &Nav, line: usize, col: usize) {
    let Some(el) = nav.scroller.get_untracked() else {
        return;
    };
    let mut s = Scroll::measure(&el);
    // Counts large enough to hold the item: `reveal` only needs the item's own index.
    let top = s.rows(line + 1).reveal(line);
    let left = s.cols(col + 1).reveal(col);
    if top != s.top {
        el.set_scroll_top(top as i32);
    }
    if left != s.left {
        el.set_scroll_left(left as i32);
    }
    (s.top, s.left) = (f64::from(el.scroll_top()), f64::from(el.scroll_left()));
    set(nav, &el, s);
}

/// Sets `nav.scroll`. When the grid holds the focus, the focused cell gets it back after the
/// redraw: drawing new rows above a drawn one moves it in the page, which takes its focus.
fn set(nav: &Nav, el: &web_sys::HtmlElement, now: Scroll) {
    if nav.scroll.get_untracked() == now {
        return;
    }
    let inside = move |el: &web_sys::HtmlElement| {
        document()
            .active_element()
            .is_some_and(|a| el.contains(Some(&a)))
    };
    let had = inside(el);
    nav.scroll.set(now);
    if had {
        let (el, focus) = (el.clone(), nav.focus);
        // Before the frame is painted, after the redraw.
        request_animation_frame(move || {
            if let (false, Some((s, o))) = (inside(&el), focus.get_untracked()) {
                focus_in_place(&dom_id(&cell_dom_id(&s, &o)));
            }
        });
    }
}
