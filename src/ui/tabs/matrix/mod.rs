//! The Matrix tab: subjects (rows, grouped by tier) × objects (columns), the cell editor, the
//! role legend and the workbook panel.
//!
//! Follows the WAI-ARIA grid pattern with a roving tabindex. Cells read the document through
//! `grid::Grid`, one signal each, so an edit re-renders only the cells it changes and moving
//! the focus touches two cells.

mod cell;
mod grid;
mod panel;

use leptos::prelude::*;

use crate::core::analytics::mains_per_object;
use crate::core::model::{Id, Tier};
use crate::i18n::{self, K};
use crate::ui::cell_editor::CellEditor;
use crate::ui::session::{ctx, project, Ctx};
use crate::ui::widgets::ModelPicker;
use cell::{focus_cell, At, ColumnHeader, Nav, RoleLook, SubjectRow};
use grid::Grid;

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

/// The shared state of the grid: what it shows and where the focus is.
fn nav(c: Ctx) -> Nav {
    // Projections, not memos: every cell reads these (see `project`).
    let rows = project(move || ordered_rows(&c));
    let cols = project(move || {
        c.session.with(|s| {
            s.wb.objects
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let focus = RwSignal::new(None::<At>);
    let editing = RwSignal::new(None::<At>);
    // The cell that takes Tab: the focused one if it still exists, else the first.
    let active = Memo::new(move |_| {
        let (r, k) = (rows.get(), cols.get());
        focus
            .get()
            .filter(|(s, o)| r.iter().any(|x| &x.0 == s) && k.contains(o))
            .or_else(|| Some((r.first()?.0.clone(), k.first()?.clone())))
    });
    let names = project(move || {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.axis_names(lang))
    });
    let colours = project(move || {
        c.session.with(|s| {
            s.wb.subjects
                .iter()
                .map(|x| (x.id.clone(), x.colour.clone()))
                .collect()
        })
    });
    let looks = project(move || {
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
    });
    let mains = project(move || {
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| {
                    mains_per_object(&s.wb, m)
                        .into_iter()
                        .map(|(o, n)| (o.clone(), n))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    Nav {
        mains,
        rows,
        cols,
        names,
        colours,
        looks,
        focus,
        editing,
        grid: StoredValue::new(Grid::new(c)),
        active: StoredValue::new_local(Selector::new(move || active.get())),
        edited: StoredValue::new_local(Selector::new(move || editing.get())),
    }
}

/// The matrix view with its editor, legend and the workbook panel.
#[component]
pub fn Matrix() -> impl IntoView {
    let c = ctx();
    let nav = nav(c);
    let model_name = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    // Tiers with their subjects; a tier without subjects has no group.
    let groups = move || {
        let r = nav.rows.get();
        Tier::ALL
            .into_iter()
            .map(|t| {
                (
                    t,
                    r.iter()
                        .filter(|x| x.1 == t)
                        .map(|x| x.0.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|g| !g.1.is_empty())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="matrix-view">
            <ModelPicker/>
            <p class="muted" id="matrix-help">{move || c.t(K::MatrixHelp)}</p>
            <Show
                when=move || !nav.rows.with(Vec::is_empty) && !nav.cols.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{move || c.t(K::EmptyMatrix)}</p> }
            >
                <div class="matrix-scroll">
                    <table
                        class="matrix"
                        role="grid"
                        data-testid="matrix"
                        aria-describedby="matrix-help"
                        aria-label=move || c.tf(K::MatrixCaption, &[("model", &model_name())])
                    >
                        <thead>
                            <tr role="row">
                                <th role="columnheader" scope="col" class="corner">
                                    {move || c.t(K::Subject)} " \\ " {move || c.t(K::Object)}
                                </th>
                                <For each=move || nav.cols.get() key=|o| o.clone() let:object>
                                    <ColumnHeader object=object nav=nav/>
                                </For>
                            </tr>
                        </thead>
                        <For each=groups key=|g| g.clone() let:group>
                            <tbody role="rowgroup" data-tier=format!("{:?}", group.0).to_lowercase()>
                                <tr role="row" class="tier-row">
                                    <th role="rowheader" colspan=move || nav.cols.with(Vec::len) + 1 scope="colgroup">
                                        {move || c.t(i18n::tier(group.0))}
                                    </th>
                                </tr>
                                {group.1.into_iter().map(|subject| view! { <SubjectRow subject=subject nav=nav/> }).collect_view()}
                            </tbody>
                        </For>
                    </table>
                </div>
            </Show>
            <CellEditor editing=nav.editing on_close=|s, o| focus_cell(s, o)/>
            <Legend/>
            <panel::WorkbookPanel/>
        </div>
    }
}

/// The role scale with its keys.
#[component]
fn Legend() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{move || c.t(K::LegendTitle)}</h2>
            <ul>
                {move || {
                    let lang = c.lang.get();
                    c.session.with(|s| {
                        s.wb.roles
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let key = if i < 9 { format!("{} ", i + 1) } else { String::new() };
                                view! {
                                    <li>
                                        <kbd>{key}</kbd>
                                        <span class="badge" style:background=r.colour.clone() aria-hidden="true">{r.letter.get(lang).to_string()}</span>
                                        {r.name.get(lang).to_string()}
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
