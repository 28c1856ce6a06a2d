//! Rows, column headers and cells of the matrix.

use leptos::ev;
use leptos::prelude::*;

use crate::core::analytics::mains_of;
use crate::core::model::Id;
use crate::i18n::{self, K};
use crate::ui::session::ctx;
use crate::ui::tabs::matrix::nav::{At, Nav};
use crate::ui::widgets::{dom_id, focus_in_place};

/// The DOM id of a cell, so focus can move to it.
pub fn cell_dom_id(subject: &str, object: &str) -> String {
    format!("cell-{subject}--{object}")
}

/// Moves the focus to the cell (subject, object) without scrolling (the grid has brought it
/// into view); a cell not drawn yet takes it after the next frame.
pub fn focus_cell(subject: &str, object: &str) {
    let sel = dom_id(&cell_dom_id(subject, object));
    if !take_focus(&sel) {
        request_animation_frame(move || {
            take_focus(&sel);
        });
    }
}

/// Focuses the cell and scrolls the page (not the grid's frame, which shows it already) so
/// that the frame's part holding it is on screen.
fn take_focus(sel: &str) -> bool {
    let found = focus_in_place(sel);
    if let Ok(Some(el)) = document().query_selector(sel) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    found
}

/// Brings the cell editor's roles on screen when a click or tap opened it out of sight: below
/// 900 px the editor sits under the grid, and on a phone a tapped cell seemed to do nothing.
/// The roles come first in the editor; its title names the cell. (Keys open it too, but
/// leave the page alone: the focus stays in the grid, whose cell must stay in view.)
fn reveal_editor() {
    request_animation_frame(|| {
        let Ok(Some(roles)) = document().query_selector(".cell-editor [role=radiogroup]") else {
            return;
        };
        let below = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .is_some_and(|h| roles.get_bounding_client_rect().bottom() > h);
        if below {
            // To the top of the screen (the default alignment).
            if let Ok(Some(editor)) = document().query_selector(".cell-editor") {
                editor.scroll_into_view();
            }
        }
    });
}

/// A spacer standing in for the columns left and right of those drawn.
#[component]
pub fn ColumnPad(
    /// The columns it stands for.
    px: Signal<f64>,
) -> impl IntoView {
    // Auto table layout treats a cell's width as a wish; its min-width is kept.
    let w = move || format!("{}px", px.get());
    view! { <td class="pad" aria-hidden="true" style:width=w style:min-width=w></td> }
}

/// An object's header, warning when it has no or several main responsibilities.
#[component]
pub fn ColumnHeader(object: Id, nav: Nav) -> impl IntoView {
    let c = ctx();
    let o = object.clone();
    let name = move || nav.names.with(|n| n.get(&o).cloned().unwrap_or_default());
    // Accountability: exactly one main responsibility per object. Each header counts its own
    // column: counting every column of a large model on each edit cost most of an edit's time,
    // and only the columns on screen have a header.
    // A key press in another column leaves the count as it was (200 look-ups per column).
    let o = object.clone();
    let counted = Memo::new(move |prev: Option<&((u64, Id), usize)>| {
        c.session.with(|s| {
            let kept = prev.filter(|(mark, _)| {
                s.cells_since(mark)
                    .is_some_and(|mut cells| cells.all(|x| x.object != o))
            });
            let n = kept.map_or_else(
                || s.wb.model(&s.model).map_or(0, |m| mains_of(&s.wb, m, &o)),
                |p| p.1,
            );
            (s.mark(), n)
        })
    });
    let mains = Memo::new(move |_| counted.with(|x| x.1));
    let o = object.clone();
    let index = move || nav.col_of.with(|m| m.get(&o).map(|k| k + 2));
    let testid = format!("col-{object}");
    view! {
        <th role="columnheader" scope="col" data-testid=testid aria-colindex=index>
            <span>{name}</span>
            {move || {
                let n = mains.get();
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
    let s = subject.clone();
    let index = move || nav.line_of.with(|m| m.get(&s).map(|i| i + 2));
    let testid = format!("row-{subject}");
    view! {
        <tr role="row" data-testid=testid aria-rowindex=index>
            <th role="rowheader" scope="row" aria-colindex="1">
                <span class="swatch" style:background=colour></span>
                {name}
            </th>
            <ColumnPad px=Signal::derive(move || nav.col_pad.get().0)/>
            <For each=move || nav.shown_cols.get() key=|o| o.clone() let:object>
                <MatrixCell subject=subject.clone() object=object nav=nav/>
            </For>
            <ColumnPad px=Signal::derive(move || nav.col_pad.get().1)/>
        </tr>
    }
}

/// One cell: its role badge and marks; it re-renders only when its own summary changes.
#[component]
fn MatrixCell(subject: Id, object: Id, nav: Nav) -> impl IntoView {
    let c = ctx();
    let sum = nav.grid.with_value(|g| g.cell(c, &subject, &object));
    let (s, o) = (subject.clone(), object.clone());
    // The grid may already be gone when the whole matrix closes.
    on_cleanup(move || {
        nav.grid.try_with_value(|g| g.release(&s, &o));
    });
    let o = object.clone();
    let index = move || nav.col_of.with(|m| m.get(&o).map(|k| k + 2));
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
        let ctrl = e.ctrl_key() || e.meta_key();
        // Keys act where the focus is going: a move to a cell drawn only in the next frame has
        // set it already, and a key pressed before that frame must not act on this cell.
        let (s, o) = nav
            .focus
            .get_untracked()
            .unwrap_or_else(|| (s.clone(), o.clone()));
        if !e.alt_key() && nav.key(&c, &s, &o, &e.key(), ctrl) {
            e.prevent_default();
        }
    };
    let (h1, h2) = (here.clone(), here);
    view! {
        <td
            role="gridcell"
            id=cell_dom_id(&subject, &object)
            data-testid=format!("cell-{subject}-{object}")
            aria-colindex=index
            data-role=move || look.with(|l| l.as_ref().map(|l| l.letter.clone()).unwrap_or_default())
            tabindex=move || if is_active() { "0" } else { "-1" }
            aria-label=aria
            aria-selected=move || selected().to_string()
            on:keydown=on_key
            on:click=move |_| {
                nav.focus.set(h1.clone());
                nav.editing.set(h1.clone());
                reveal_editor();
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
                        // Letter and marks are drawn by the stylesheet (`::before`), not as text:
                        // text in the cell that its name (the role, in words) lacks would contradict
                        // the name. Methods and orientation are read out in the cell's editor.
                        {look.get().map(|l| view! {
                            <span class="badge" style:background=l.colour data-letter=l.letter aria-hidden="true"></span>
                        })}
                        <span class="marks" aria-hidden="true">
                            {x.law.then(|| view! { <span class="law" title=K::LawMark.get(lang)></span> })}
                            {x.morals.then(|| view! { <span class="morals" title=K::MoralsMark.get(lang)></span> })}
                            {x.orientation.map(|o| view! { <span class="orient" data-mark=i18n::orientation_mark(o).get(lang)></span> })}
                        </span>
                    }
                }}
            </span>
        </td>
    }
}
