//! The matrix's virtual window: only the rows and columns on screen (plus a margin) are in the
//! page; spacers stand in for the rest so the scrollbars stay true to the whole grid.
//!
//! The geometry is `core::window`; this file reads the scroller's offsets and sizes from the
//! page and scrolls it when the keyboard moves the focus off screen.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::tachys::renderer::dom::queue_microtask;
use wasm_bindgen::JsCast;

use crate::core::model::{Id, Tier};
use crate::core::window::{Axis, Span};
use crate::ui::tabs::matrix::cell::cell_dom_id;
use crate::ui::tabs::matrix::nav::{At, Nav};
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

/// Sets `nav.scroll`.
fn set(nav: &Nav, el: &web_sys::HtmlElement, now: Scroll) {
    if nav.scroll.get_untracked() == now {
        return;
    }
    keeping_focus(el, nav.focus, || nav.scroll.set(now));
}

/// Runs `change`, which may redraw rows or columns. When the grid holds the focus, the focused
/// cell gets it back after the redraw: redrawing the rows around it can move it in the page,
/// which takes its focus.
fn keeping_focus(el: &web_sys::HtmlElement, focus: RwSignal<Option<At>>, change: impl FnOnce()) {
    let inside = move |el: &web_sys::HtmlElement| {
        document()
            .active_element()
            .is_some_and(|a| el.contains(Some(&a)))
    };
    let had = inside(el);
    change();
    if had {
        let el = el.clone();
        // After the redraw (its effects run in the microtask queued first), before any key
        // press is handled: a press in between would find no focused cell and be lost.
        queue_microtask(move || {
            if let (false, Some((s, o))) = (inside(&el), focus.get_untracked()) {
                focus_in_place(&dom_id(&cell_dom_id(&s, &o)));
            }
        });
    }
}

/// The span drawn of `items` along `axis` (never past its end), following the span the
/// scroller wants: at once when the list changes or the screen would show items not drawn,
/// otherwise one item at each end per task, each after a paint. So a key press that moves the
/// window a step paints first; the rows or columns beyond the screen come after it, a little
/// at a time (a whole step of a 60 × 60 grid, drawn with the press, held its paint back by
/// ~0.3–0.5 s at 4× CPU).
pub fn follow<T: Send + Sync + 'static>(
    items: ReadSignal<Vec<T>>,
    axis: fn(&Scroll, usize) -> Axis,
    scroll: RwSignal<Scroll>,
    scroller: NodeRef<Div>,
    focus: RwSignal<Option<At>>,
) -> Signal<Span> {
    let count = Memo::new(move |_| items.with(Vec::len));
    let want = Memo::new(move |_| scroll.with(|s| axis(s, count.get())).span());
    let shown = Memo::new(move |_| scroll.with(|s| axis(s, count.get())).shown());
    let drawn = RwSignal::new(want.get_untracked());
    let queued = StoredValue::new(false);
    let catch_up = Follow {
        want,
        shown,
        drawn,
        queued,
        scroller,
        focus,
    };
    Effect::new(move |was: Option<usize>| {
        let (n, w) = (count.get(), want.get());
        let now = drawn.get_untracked();
        if now != w {
            // A list that changed may be shorter than the span drawn: that span is gone.
            if was == Some(n) && now.covers(shown.get_untracked()) {
                catch_up.queue();
            } else {
                drawn.set(w);
            }
        }
        n
    });
    // Until that effect has run, a list that shrank must not be read past its end.
    Signal::derive(move || {
        let (s, n) = (drawn.get(), count.get());
        Span {
            first: s.first.min(n),
            end: s.end.min(n),
        }
    })
}

/// What [`follow`]'s later steps need.
#[derive(Clone, Copy)]
struct Follow {
    want: Memo<Span>,
    shown: Memo<Span>,
    drawn: RwSignal<Span>,
    queued: StoredValue<bool>,
    scroller: NodeRef<Div>,
    focus: RwSignal<Option<At>>,
}

impl Follow {
    /// Takes the next step after the next paint, unless one is queued already.
    fn queue(self) {
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        request_animation_frame(move || {
            set_timeout(move || self.step(), std::time::Duration::ZERO);
        });
    }

    fn step(self) {
        self.queued.set_value(false);
        // The grid may be gone (another tab, another model).
        let (Some(w), Some(now)) = (
            self.want.try_get_untracked(),
            self.drawn.try_get_untracked(),
        ) else {
            return;
        };
        if now == w {
            return;
        }
        let next = if now.covers(self.shown.get_untracked()) {
            now.toward(w, 1)
        } else {
            w
        };
        match self.scroller.get_untracked() {
            Some(el) => keeping_focus(&el, self.focus, || self.drawn.set(next)),
            None => self.drawn.set(next),
        }
        if next != w {
            self.queue();
        }
    }
}
