//! The grid's shared state (what it shows, which part is drawn, where the focus is) and its
//! keyboard: arrows, Home/End, Page Up/Down, Ctrl+Home/End, role keys, Enter, Delete.

use std::collections::HashMap;

use leptos::html::Div;
use leptos::prelude::*;

use crate::core::commands::{CellEdit, CellRef, Command};
use crate::core::grid;
use crate::core::model::{Id, Tier};
use crate::core::window::Span;
use crate::ui::session::{project, Ctx};
use crate::ui::tabs::matrix::cell::focus_cell;
use crate::ui::tabs::matrix::grid::Grid;
use crate::ui::tabs::matrix::scroll::{self, Line, Scroll};

/// A (subject, object) pair: one cell of the current model.
pub type At = (Id, Id);

/// How a role looks in the current language: letter, colour, name.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleLook {
    /// The badge letter.
    pub letter: String,
    /// The badge colour.
    pub colour: String,
    /// The role's name.
    pub name: String,
}

/// State shared by every row and cell; `Copy`, so handlers take it without cloning.
#[derive(Clone, Copy)]
pub struct Nav {
    /// Subject ids in display order, with their tiers.
    pub rows: ReadSignal<Vec<(Id, Tier)>>,
    /// Object ids in order.
    pub cols: ReadSignal<Vec<Id>>,
    /// The body's lines: tier headings and subject rows, in display order.
    pub lines: ReadSignal<Vec<Line>>,
    /// Each subject's index in `lines`.
    pub line_of: ReadSignal<HashMap<Id, usize>>,
    /// Each object's index in `cols`.
    pub col_of: ReadSignal<HashMap<Id, usize>>,
    /// Subject and object names in the current language, by id.
    pub names: ReadSignal<HashMap<Id, String>>,
    /// Subject colours, by id.
    pub colours: ReadSignal<HashMap<Id, String>>,
    /// The role scale as shown.
    pub looks: ReadSignal<Vec<RoleLook>>,
    /// The scrolling frame of the grid and what was last read of it.
    pub scroller: NodeRef<Div>,
    pub scroll: RwSignal<Scroll>,
    /// The lines and the columns drawn: they follow the scroller a row or column at a time
    /// (see `scroll::follow`).
    pub line_span: Signal<Span>,
    pub col_span: Signal<Span>,
    /// The objects drawn, in order.
    pub shown_cols: Memo<Vec<Id>>,
    /// The pixels that the spacers stand for: before and after the lines drawn, left and
    /// right of the columns drawn.
    pub line_pad: Memo<(f64, f64)>,
    pub col_pad: Memo<(f64, f64)>,
    /// The cell that had the focus last.
    pub focus: RwSignal<Option<At>>,
    /// The cell whose editor is open.
    pub editing: RwSignal<Option<At>>,
    /// Per-cell signals of what each drawn cell shows.
    pub grid: StoredValue<Grid>,
    /// Answers "is this the cell that takes Tab?", waking only the two cells that change.
    pub active: StoredValue<Selector<Option<At>>, LocalStorage>,
    /// Answers "is this the cell being edited?", likewise.
    pub edited: StoredValue<Selector<Option<At>>, LocalStorage>,
}

/// Rows in display order: subjects by tier, then by their order in the workbook.
fn ordered_rows(c: &Ctx) -> Vec<(Id, Tier)> {
    c.session.with(|s| {
        s.wb.model(&s.model)
            .map(|m| {
                m.rows(&s.wb)
                    .into_iter()
                    .map(|(x, t)| (x.id.clone(), t))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The role scale as the matrix shows it.
fn looks(c: &Ctx) -> Vec<RoleLook> {
    let lang = c.lang.get();
    c.session.with(|s| {
        s.wb.roles
            .iter()
            .map(|r| RoleLook {
                letter: r.letter.get(lang).to_string(),
                colour: r.colour.clone(),
                name: r.name.get(lang).to_string(),
            })
            .collect()
    })
}

/// The index of each item.
fn positions(ids: impl Iterator<Item = Id>) -> HashMap<Id, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

impl Nav {
    /// The grid's state for the current model.
    pub fn new(c: Ctx) -> Nav {
        // Projections, not memos: every cell reads these (see `project`).
        let rows = project(move || ordered_rows(&c));
        let cols = project(move || {
            c.session.with(|s| {
                s.wb.objects
                    .iter()
                    .map(|o| o.id.clone())
                    .collect::<Vec<Id>>()
            })
        });
        let lines = project(move || rows.with(|r| scroll::lines(r)));
        let line_of = project(move || {
            lines.with(|l: &Vec<Line>| {
                l.iter()
                    .enumerate()
                    .filter_map(|(i, x)| match x {
                        Line::Subject(id, _) => Some((id.clone(), i)),
                        Line::Tier(_) => None,
                    })
                    .collect::<HashMap<Id, usize>>()
            })
        });
        let col_of = project(move || cols.with(|k| positions(k.iter().cloned())));
        let scroll = RwSignal::new(Scroll::default());
        let scroller = NodeRef::new();
        let focus = RwSignal::new(None::<At>);
        let line_span = scroll::follow(lines, Scroll::rows, scroll, scroller, focus);
        let col_span = scroll::follow(cols, Scroll::cols, scroll, scroller, focus);
        let shown_cols = Memo::new(move |_| {
            let s = col_span.get();
            cols.with(|k| k[s.first..s.end].to_vec())
        });
        let line_pad = Memo::new(move |_| {
            let n = lines.with(Vec::len);
            scroll.with(|s| s.rows(n).padding(line_span.get()))
        });
        let col_pad = Memo::new(move |_| {
            let n = cols.with(Vec::len);
            scroll.with(|s| s.cols(n).padding(col_span.get()))
        });
        let editing = RwSignal::new(None::<At>);
        // The cell that takes Tab: the focused one while it is drawn, else the first on screen.
        let active = Memo::new(move |_| {
            let (ls, cs) = (line_span.get(), col_span.get());
            let drawn = |s: &Id, o: &Id| {
                line_of.with(|m| m.get(s).is_some_and(|i| ls.contains(*i)))
                    && col_of.with(|m| m.get(o).is_some_and(|k| cs.contains(*k)))
            };
            focus.get().filter(|(s, o)| drawn(s, o)).or_else(|| {
                let (n, k) = (lines.with(Vec::len), cols.with(Vec::len));
                let (line, col) =
                    scroll.with(|s| (s.rows(n).first_shown(), s.cols(k).first_shown()));
                let s = lines.with(|l| {
                    l.get(line..)?.iter().find_map(|x| match x {
                        Line::Subject(id, _) => Some(id.clone()),
                        Line::Tier(_) => None,
                    })
                })?;
                Some((s, cols.with(|k| k.get(col).cloned())?))
            })
        });
        Nav {
            rows,
            cols,
            lines,
            line_of,
            col_of,
            names: project(move || {
                let lang = c.lang.get();
                c.session.with(|s| s.wb.axis_names(lang))
            }),
            colours: project(move || {
                c.session.with(|s| {
                    s.wb.subjects
                        .iter()
                        .map(|x| (x.id.clone(), x.colour.clone()))
                        .collect()
                })
            }),
            looks: project(move || looks(&c)),
            scroller,
            scroll,
            line_span,
            col_span,
            shown_cols,
            line_pad,
            col_pad,
            focus,
            editing,
            grid: StoredValue::new(Grid::new(c)),
            active: StoredValue::new_local(Selector::new(move || active.get())),
            edited: StoredValue::new_local(Selector::new(move || editing.get())),
        }
    }

    /// Moves the focus to row `r` (an index into `rows`) and column `k`, clamped to the grid,
    /// scrolling it into view first when it is off screen.
    fn go_to(&self, r: usize, k: usize) {
        let (rows, cols) = (self.rows.get_untracked(), self.cols.get_untracked());
        if rows.is_empty() || cols.is_empty() {
            return;
        }
        let (r, k) = (r.min(rows.len() - 1), k.min(cols.len() - 1));
        let (s, o) = (rows[r].0.clone(), cols[k].clone());
        let line = self
            .line_of
            .with_untracked(|m| m.get(&s).copied().unwrap_or(0));
        scroll::reveal(self, line, k);
        self.focus.set(Some((s.clone(), o.clone())));
        focus_cell(&s, &o);
    }

    /// Goes to the first subject, else the first object, whose name (in the current language)
    /// contains `query`, ignoring case: its row in the focused column, or its column in the
    /// focused row. False when nothing matches.
    pub fn find(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        let hit = |id: &Id| {
            self.names
                .with_untracked(|n| n.get(id).is_some_and(|x| x.to_lowercase().contains(&q)))
        };
        let (r, k) = self.focus.get_untracked().map_or((0, 0), |(s, o)| {
            let r = self
                .rows
                .with_untracked(|x| x.iter().position(|x| x.0 == s));
            let k = self.col_of.with_untracked(|m| m.get(&o).copied());
            (r.unwrap_or(0), k.unwrap_or(0))
        });
        if let Some(row) = self
            .rows
            .with_untracked(|x| x.iter().position(|x| hit(&x.0)))
        {
            self.go_to(row, k);
            return true;
        }
        if let Some(col) = self.cols.with_untracked(|x| x.iter().position(hit)) {
            self.go_to(r, col);
            return true;
        }
        false
    }

    /// Handles a key on the cell (subject, object); true when the key was used.
    pub fn key(&self, c: &Ctx, subject: &Id, object: &Id, key: &str, ctrl: bool) -> bool {
        let at = || {
            CellRef::new(
                &c.session.with_untracked(|x| x.model.clone()),
                subject,
                object,
            )
        };
        let r = self
            .rows
            .with_untracked(|x| x.iter().position(|x| &x.0 == subject));
        let k = self.col_of.with_untracked(|m| m.get(object).copied());
        let (Some(r), Some(k)) = (r, k) else {
            return false;
        };
        let page = self.scroll.with_untracked(|s| s.rows(0).page());
        let size = (
            self.rows.with_untracked(Vec::len),
            self.cols.with_untracked(Vec::len),
        );
        if let Some((r, k)) = grid::step(key, ctrl, (r, k), size, page) {
            self.go_to(r, k);
            return true;
        }
        match (key, ctrl) {
            (_, true) => return false,
            ("Enter" | " ", _) => self.editing.set(Some((subject.clone(), object.clone()))),
            ("Escape", _) => self.editing.set(None),
            ("Delete" | "Backspace", _) => {
                let _ = c.dispatch(Command::EditCell(at(), CellEdit::All(None)));
            }
            (k, _) if k.chars().count() == 1 => return set_role_by_key(c, at(), k),
            _ => return false,
        }
        true
    }
}

/// Sets the role whose number or letter is `key` (0 clears); false if no role has it.
fn set_role_by_key(c: &Ctx, at: CellRef, key: &str) -> bool {
    let lang = c.lang.get_untracked();
    let role = c.session.with_untracked(|s| {
        if let Ok(d) = key.parse::<usize>() {
            return if d == 0 {
                Some(None)
            } else {
                s.wb.roles.get(d - 1).map(|r| Some(r.id.clone()))
            };
        }
        let k = key.to_lowercase();
        s.wb.roles
            .iter()
            .find(|r| r.letter.get(lang).to_lowercase() == k || r.letter.en.to_lowercase() == k)
            .map(|r| Some(r.id.clone()))
    });
    match role {
        Some(r) => {
            let _ = c.dispatch(Command::EditCell(at, CellEdit::Role(r)));
            true
        }
        None => false,
    }
}
