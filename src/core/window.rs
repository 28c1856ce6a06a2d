//! Which part of a long list is drawn: the rows and columns of a large matrix that are on
//! screen, plus a margin.
//!
//! Pure geometry, so the virtual grid only reads scroll offsets and sizes from the page and the
//! rules (a margin on both sides, a drawn span that changes only every few items so scrolling
//! inside it costs nothing, bringing an item into view past a sticky header) are tested with
//! `cargo test`.

/// Items `first..end` of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// The first item drawn.
    pub first: usize,
    /// One past the last item drawn.
    pub end: usize,
}

impl Span {
    /// How many items are drawn.
    pub fn len(&self) -> usize {
        self.end - self.first
    }

    /// Nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.end == self.first
    }

    /// Item `i` is drawn.
    pub fn contains(&self, i: usize) -> bool {
        (self.first..self.end).contains(&i)
    }

    /// Every item of `other` is in this span (an empty `other` never is: nothing is known
    /// to be on screen before the viewport is measured).
    pub fn covers(&self, other: Span) -> bool {
        !other.is_empty() && self.first <= other.first && other.end <= self.end
    }

    /// This span moved toward `want` by at most `by` items at each end: drawn spans catch up
    /// with the wanted one a few items at a time. A span that does not overlap `want` jumps.
    pub fn toward(self, want: Span, by: usize) -> Span {
        if self.end <= want.first || want.end <= self.first {
            return want;
        }
        let step = |from: usize, to: usize| {
            if from < to {
                (from + by).min(to)
            } else {
                from.saturating_sub(by).max(to)
            }
        };
        Span {
            first: step(self.first, want.first),
            end: step(self.end, want.end),
        }
    }
}

/// One axis of a scrolled list of `count` items of `item` pixels each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// How many items the list has.
    pub count: usize,
    /// The size of one item, in pixels (always more than zero).
    pub item: f64,
    /// The scroll offset of the list's first item, in pixels.
    pub offset: f64,
    /// The visible length for items: the viewport minus any sticky header, in pixels.
    pub extent: f64,
}

/// Items drawn beyond each edge of the viewport, so a short scroll or an arrow key shows
/// items that are already there.
pub const MARGIN: usize = 4;

/// The drawn span moves in steps of this many items: scrolling within a step changes nothing
/// on the page. Small, because every item drawn beyond the screen costs time: with the grid
/// drawing a step a row or column at a time after each paint, steps of 8 only made each row
/// longer (more columns drawn) and the catching up longer.
pub const STEP: usize = 2;

impl Axis {
    fn item(&self) -> f64 {
        if self.item.is_finite() && self.item > 0.0 {
            self.item
        } else {
            1.0
        }
    }

    /// The items drawn: those on screen, widened to whole steps, plus `MARGIN` on each side.
    /// A list hardly longer than that is drawn whole, so scrolling it adds and removes nothing
    /// (in a 20 × 20 grid, dropping four columns as the frame scrolled cost a key press
    /// ~100 ms at 4× CPU). A viewport that has not been measured yet (extent 0) draws the first
    /// two steps.
    pub fn span(&self) -> Span {
        let item = self.item();
        let offset = self.offset.max(0.0);
        let on_screen = (self.extent / item).ceil() as usize;
        if self.extent > 0.0 && self.count <= on_screen + 2 * (STEP + MARGIN) {
            return Span {
                first: 0,
                end: self.count,
            };
        }
        let extent = if self.extent > 0.0 {
            self.extent
        } else {
            2.0 * STEP as f64 * item
        };
        let first = (offset / item).floor() as usize;
        let last = ((offset + extent) / item).ceil() as usize;
        let first = (first / STEP * STEP).saturating_sub(MARGIN);
        let end = last.div_ceil(STEP) * STEP + MARGIN;
        Span {
            first: first.min(self.count),
            end: end.min(self.count),
        }
    }

    /// The pixels before the drawn span and after it, which spacers fill so the scrollbar
    /// stays true to the whole list.
    pub fn padding(&self, span: Span) -> (f64, f64) {
        let item = self.item();
        (
            span.first as f64 * item,
            self.count.saturating_sub(span.end) as f64 * item,
        )
    }

    /// The scroll offset that shows item `i` whole, moving as little as possible; the
    /// current offset when it is already whole on screen.
    pub fn reveal(&self, i: usize) -> f64 {
        let item = self.item();
        let top = i as f64 * item;
        let bottom = top + item;
        if top < self.offset {
            top
        } else if bottom > self.offset + self.extent.max(item) {
            bottom - self.extent.max(item)
        } else {
            self.offset
        }
    }

    /// The items at least partly on screen; empty until the viewport is measured.
    pub fn shown(&self) -> Span {
        if self.extent <= 0.0 {
            return Span::default();
        }
        let item = self.item();
        let offset = self.offset.max(0.0);
        let first = ((offset / item).floor() as usize).min(self.count);
        let end = (((offset + self.extent) / item).ceil() as usize).min(self.count);
        Span { first, end }
    }

    /// The first item whole on screen (the last item when scrolled past the end), for a
    /// grid that hands Tab to a cell the user can see.
    pub fn first_shown(&self) -> usize {
        let i = (self.offset.max(0.0) / self.item()).ceil() as usize;
        i.min(self.count.saturating_sub(1))
    }

    /// How many whole items fit on screen (at least one): the step of Page Up and Page Down.
    pub fn page(&self) -> usize {
        ((self.extent / self.item()).floor() as usize).max(1)
    }
}
