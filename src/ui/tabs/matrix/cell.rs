//! Rows, column headers and cells of the matrix, with the grid's keyboard navigation.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;

use crate::core::commands::{CellEdit, CellRef, Command};
use crate::core::model::{Id, Tier};
use crate::i18n::{self, K};
use crate::ui::session::{ctx, Ctx};
use crate::ui::tabs::matrix::grid::Grid;
use crate::ui::widgets::{dom_id, focus};

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
    /// Subject and object names in the current language, by id.
    pub names: ReadSignal<HashMap<Id, String>>,
    /// Subject colours, by id.
    pub colours: ReadSignal<HashMap<Id, String>>,
    /// The role scale as shown.
    pub looks: ReadSignal<Vec<RoleLook>>,
    /// How many main responsibilities each object has in the current model.
    pub mains: ReadSignal<HashMap<Id, usize>>,
    /// The cell that had the focus last.
    pub focus: RwSignal<Option<At>>,
    /// The cell whose editor is open.
    pub editing: RwSignal<Option<At>>,
    /// Per-cell signals of what each cell shows.
    pub grid: StoredValue<Grid>,
    /// Answers "is this the cell that takes Tab?", waking only the two cells that change.
    pub active: StoredValue<Selector<Option<At>>, LocalStorage>,
    /// Answers "is this the cell being edited?", likewise.
    pub edited: StoredValue<Selector<Option<At>>, LocalStorage>,
}

/// The DOM id of a cell, so focus can move to it.
pub fn cell_dom_id(subject: &str, object: &str) -> String {
    format!("cell-{subject}--{object}")
}

/// Moves the focus to the cell (subject, object).
pub fn focus_cell(subject: &str, object: &str) {
    focus(&dom_id(&cell_dom_id(subject, object)));
}

impl Nav {
    /// Moves the focus from (subject, object) by `dr` rows and `dc` columns, or to the first
    /// (`Some(true)`) or last (`Some(false)`) column of the row.
    fn go(&self, subject: &str, object: &str, dr: i32, dc: i32, home_end: Option<bool>) {
        let rows = self.rows.get_untracked();
        let cols = self.cols.get_untracked();
        let (Some(r), Some(k)) = (
            rows.iter().position(|x| x.0 == subject),
            cols.iter().position(|x| x == object),
        ) else {
            return;
        };
        let clamp = |i: i32, n: usize| i.clamp(0, n as i32 - 1) as usize;
        let k = match home_end {
            Some(true) => 0,
            Some(false) => cols.len() - 1,
            None => clamp(k as i32 + dc, cols.len()),
        };
        let r = clamp(r as i32 + dr, rows.len());
        let (s, o) = (rows[r].0.clone(), cols[k].clone());
        focus_cell(&s, &o);
        self.focus.set(Some((s, o)));
    }

    /// Handles a key on the cell (subject, object); true when the key was used.
    fn key(&self, c: &Ctx, subject: &Id, object: &Id, key: &str) -> bool {
        let at = || {
            CellRef::new(
                &c.session.with_untracked(|x| x.model.clone()),
                subject,
                object,
            )
        };
        let (s, o) = (subject.as_str(), object.as_str());
        match key {
            "ArrowUp" => self.go(s, o, -1, 0, None),
            "ArrowDown" => self.go(s, o, 1, 0, None),
            "ArrowLeft" => self.go(s, o, 0, -1, None),
            "ArrowRight" => self.go(s, o, 0, 1, None),
            "Home" => self.go(s, o, 0, 0, Some(true)),
            "End" => self.go(s, o, 0, 0, Some(false)),
            "Enter" | " " => self.editing.set(Some((subject.clone(), object.clone()))),
            "Escape" => self.editing.set(None),
            "Delete" | "Backspace" => {
                let _ = c.dispatch(Command::EditCell(at(), CellEdit::All(None)));
            }
            k if k.chars().count() == 1 => return set_role_by_key(c, at(), k),
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

/// An object's header, warning when it has no or several main responsibilities.
#[component]
pub fn ColumnHeader(object: Id, nav: Nav) -> impl IntoView {
    let c = ctx();
    let o = object.clone();
    let name = move || nav.names.with(|n| n.get(&o).cloned().unwrap_or_default());
    // Accountability: exactly one main responsibility per object.
    let o = object.clone();
    let mains = move || nav.mains.with(|m| m.get(&o).copied().unwrap_or(0));
    let testid = format!("col-{object}");
    view! {
        <th role="columnheader" scope="col" data-testid=testid>
            <span>{name}</span>
            {move || {
                let n = mains();
                (n != 1)
                    .then(|| {
                        let key = if n == 0 { K::NoMainWarning } else { K::ManyMainWarning };
                        view! {
                            <span class="warn" data-testid=format!("warn-{object}") role="note">
                                "⚠ " {move || c.t(key)}
                            </span>
                        }
                    })
            }}
        </th>
    }
}

/// One subject's row.
#[component]
pub fn SubjectRow(subject: Id, nav: Nav) -> impl IntoView {
    let (s, s2) = (subject.clone(), subject.clone());
    let name = move || nav.names.with(|n| n.get(&s).cloned().unwrap_or_default());
    let colour = move || {
        nav.colours
            .with(|n| n.get(&s2).cloned().unwrap_or_default())
    };
    let testid = format!("row-{subject}");
    view! {
        <tr role="row" data-testid=testid>
            <th role="rowheader" scope="row">
                <span class="swatch" style:background=colour></span>
                {name}
            </th>
            <For each=move || nav.cols.get() key=|o| o.clone() let:object>
                <MatrixCell subject=subject.clone() object=object nav=nav/>
            </For>
        </tr>
    }
}

/// One cell: its role badge and marks; it re-renders only when its own summary changes.
#[component]
fn MatrixCell(subject: Id, object: Id, nav: Nav) -> impl IntoView {
    let c = ctx();
    let sum = nav.grid.with_value(|g| g.cell(c, &subject, &object));
    let look = {
        let sum = sum.clone();
        Memo::new(move |_| {
            sum.get()
                .role
                .and_then(|i| nav.looks.with(|l| l.get(i).cloned()))
        })
    };
    let (s, o) = (subject.clone(), object.clone());
    let aria = move || {
        let lang = c.lang.get();
        let (sn, on) = nav.names.with(|n| {
            (
                n.get(&s).cloned().unwrap_or_default(),
                n.get(&o).cloned().unwrap_or_default(),
            )
        });
        let role = look
            .with(|l| l.as_ref().map(|l| l.name.clone()))
            .unwrap_or_else(|| K::NoRole.get(lang).into());
        i18n::tr(
            lang,
            K::CellAria,
            &[("subject", &sn), ("object", &on), ("role", &role)],
        )
    };
    let here: Option<At> = Some((subject.clone(), object.clone()));
    let (h1, h2) = (here.clone(), here.clone());
    let is_active = move || nav.active.with_value(|a| a.selected(&h1));
    let selected = move || nav.edited.with_value(|a| a.selected(&h2));
    let (s, o) = (subject.clone(), object.clone());
    let on_key = move |e: ev::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.alt_key()) && nav.key(&c, &s, &o, &e.key()) {
            e.prevent_default();
        }
    };
    let (h1, h2) = (here.clone(), here);
    view! {
        <td
            role="gridcell"
            id=cell_dom_id(&subject, &object)
            data-testid=format!("cell-{subject}-{object}")
            data-role=move || look.with(|l| l.as_ref().map(|l| l.letter.clone()).unwrap_or_default())
            tabindex=move || if is_active() { "0" } else { "-1" }
            aria-label=aria
            aria-selected=move || selected().to_string()
            on:keydown=on_key
            on:click=move |_| {
                nav.focus.set(h1.clone());
                nav.editing.set(h1.clone());
            }
            on:focus=move |_| nav.focus.set(h2.clone())
        >
            // The content and the focus ring live in a box of their own: a cell's own decoration
            // changing makes the browser repaint the whole table.
            <span class="cell">
                {move || {
                    let x = sum.get();
                    let lang = c.lang.get();
                    view! {
                        {look.get().map(|l| view! {
                            <span class="badge" style:background=l.colour aria-hidden="true">{l.letter}</span>
                        })}
                        <span class="marks" aria-hidden="true">
                            {x.law.then(|| view! { <span class="law" title=K::LawMark.get(lang)>"■"</span> })}
                            {x.morals.then(|| view! { <span class="morals" title=K::MoralsMark.get(lang)>"●"</span> })}
                            {x.orientation.map(|o| view! { <span class="orient">{i18n::orientation_mark(o).get(lang)}</span> })}
                        </span>
                    }
                }}
            </span>
        </td>
    }
}
