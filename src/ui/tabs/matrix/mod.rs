//! The Matrix tab: subjects (rows, grouped by tier) × objects (columns), the cell editor, the
//! role legend and the workbook panel.
//!
//! Follows the WAI-ARIA grid pattern with a roving tabindex. Cells read the document through
//! `grid::Grid`, one signal each, so an edit re-renders only the cells it changes and moving
//! the focus touches two cells.

mod cell;
mod find;
mod grid;
mod nav;
mod panel;
mod scroll;

use leptos::prelude::*;

use crate::core::model::{Id, Tier};
use crate::i18n::{self, K};
use crate::ui::cell_editor::CellEditor;
use crate::ui::session::ctx;
use crate::ui::widgets::ModelPicker;
use cell::{focus_cell, ColumnHeader, ColumnPad, SubjectRow};
use nav::Nav;
use scroll::Line;

/// The matrix view with its editor, legend and the workbook panel.
#[component]
pub fn Matrix() -> impl IntoView {
    let c = ctx();
    let nav = Nav::new(c);
    view! {
        <div class="matrix-view">
            <ModelPicker/>
            <p class="muted" id="matrix-help">{move || c.t(K::MatrixHelp)}</p>
            <Show
                when=move || !nav.rows.with(Vec::is_empty) && !nav.cols.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{move || c.t(K::EmptyMatrix)}</p> }
            >
                <MatrixGrid nav=nav/>
            </Show>
            // After the grid, so Tab from the model picker still lands in the grid.
            <find::FindCell nav=nav/>
            <CellEditor editing=nav.editing on_close=|s, o| focus_cell(s, o)/>
            <Legend nav=nav/>
            <panel::WorkbookPanel/>
        </div>
    }
}

/// CSS pixels, for a spacer's size.
fn px(x: f64) -> String {
    format!("{x}px")
}

/// The grid in its scrolling frame: sticky headers, the drawn rows and columns, and spacers
/// for the rest (see `scroll`).
#[component]
fn MatrixGrid(nav: Nav) -> impl IntoView {
    let c = ctx();
    let model_name = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    let measure = move || scroll::update(&nav);
    // Measure after every redraw of the window (a small grid's frame is only as tall as the
    // rows drawn, so drawing more changes what is on screen), and when the window changes size.
    Effect::new(move |_| {
        nav.line_span.track();
        nav.col_span.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // The tiers with a line drawn, in order.
    let tiers = Memo::new(move |_| {
        let s = nav.line_span.get();
        let mut out: Vec<Tier> = Vec::new();
        nav.lines.with(|l| {
            for x in &l[s.first..s.end] {
                let t = match x {
                    Line::Tier(t) | Line::Subject(_, t) => *t,
                };
                if out.last() != Some(&t) {
                    out.push(t);
                }
            }
        });
        out
    });
    view! {
        <div class="matrix-scroll" node_ref=nav.scroller on:scroll=move |_| measure()>
            <table
                class="matrix"
                role="grid"
                data-testid="matrix"
                aria-describedby="matrix-help"
                aria-label=move || c.tf(K::MatrixCaption, &[("model", &model_name())])
                aria-rowcount=move || nav.lines.with(Vec::len) + 1
                aria-colcount=move || nav.cols.with(Vec::len) + 1
            >
                <thead>
                    <tr role="row" aria-rowindex="1">
                        <th role="columnheader" scope="col" class="corner" aria-colindex="1">
                            {move || c.t(K::Subject)} " \\ " {move || c.t(K::Object)}
                        </th>
                        <ColumnPad px=Signal::derive(move || nav.col_pad.get().0)/>
                        <For each=move || nav.shown_cols.get() key=|o| o.clone() let:object>
                            <ColumnHeader object=object nav=nav/>
                        </For>
                        <ColumnPad px=Signal::derive(move || nav.col_pad.get().1)/>
                    </tr>
                </thead>
                <tbody class="pad" aria-hidden="true">
                    <tr><td style:height=move || px(nav.line_pad.get().0)></td></tr>
                </tbody>
                <For each=move || tiers.get() key=|t| *t let:tier>
                    <TierGroup tier=tier nav=nav/>
                </For>
                <tbody class="pad" aria-hidden="true">
                    <tr><td style:height=move || px(nav.line_pad.get().1)></td></tr>
                </tbody>
            </table>
        </div>
    }
}

/// The drawn lines of one tier: its heading (when drawn) and its subjects' rows.
#[component]
fn TierGroup(tier: Tier, nav: Nav) -> impl IntoView {
    let c = ctx();
    let drawn = Memo::new(move |_| {
        let s = nav.line_span.get();
        nav.lines.with(|l| {
            l[s.first..s.end]
                .iter()
                .filter(|x| matches!(x, Line::Tier(t) | Line::Subject(_, t) if *t == tier))
                .cloned()
                .collect::<Vec<Line>>()
        })
    });
    let subjects = move || {
        drawn.with(|d| {
            d.iter()
                .filter_map(|x| match x {
                    Line::Subject(id, _) => Some(id.clone()),
                    Line::Tier(_) => None,
                })
                .collect::<Vec<Id>>()
        })
    };
    let heading = move || {
        nav.lines
            .with(|l| l.iter().position(|x| *x == Line::Tier(tier)).map(|i| i + 2))
    };
    view! {
        <tbody role="rowgroup" data-tier=format!("{tier:?}").to_lowercase()>
            <Show when=move || drawn.with(|d| d.first() == Some(&Line::Tier(tier)))>
                <tr role="row" class="tier-row" aria-rowindex=heading>
                    <th role="rowheader" scope="colgroup" aria-colindex="1" colspan=move || nav.shown_cols.with(Vec::len) + 3>
                        <span class="tier-label">{move || c.t(i18n::tier(tier))}</span>
                    </th>
                </tr>
            </Show>
            <For each=subjects key=|id| id.clone() let:subject>
                <SubjectRow subject=subject nav=nav/>
            </For>
        </tbody>
    }
}

/// The role scale with its keys. It reads the grid's role scale, not the document, so an
/// edit of a cell leaves it as it is.
#[component]
fn Legend(nav: Nav) -> impl IntoView {
    let c = ctx();
    view! {
        <section class="legend" aria-labelledby="legend-title" data-testid="legend">
            <h2 id="legend-title">{move || c.t(K::LegendTitle)}</h2>
            <ul>
                {move || {
                    nav.looks.with(|looks| {
                        looks
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let key = if i < 9 { format!("{} ", i + 1) } else { String::new() };
                                view! {
                                    <li>
                                        <kbd>{key}</kbd>
                                        <span class="badge" style:background=r.colour.clone() aria-hidden="true">{r.letter.clone()}</span>
                                        {r.name.clone()}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
                <li><span class="law">"■"</span> {move || c.t(K::FamilyLaw)}</li>
                <li><span class="morals">"●"</span> {move || c.t(K::FamilyMorals)}</li>
            </ul>
        </section>
    }
}
