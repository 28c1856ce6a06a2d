//! The Data tab: the Figure 1 series as a chart and an editable table, so a teacher can add
//! later years.

use leptos::prelude::*;

use crate::core::chart;
use crate::core::commands::{ids, Command, Entity, EntityKind};
use crate::core::model::{DataPoint, Dataset, Id};
use crate::i18n::K;
use crate::ui::export::{file_stem, ExportButtons};
use crate::ui::session::ctx;

/// The Figure 1 chart: netizens as bars (left axis), penetration as a line (right axis), with
/// its source inside the drawing so that an exported copy still cites it.
#[component]
fn Figure1Chart(dataset: Memo<Option<Dataset>>) -> impl IntoView {
    let c = ctx();
    let figure = NodeRef::<leptos::html::Figure>::new();
    let stem = Signal::derive(move || {
        let lang = c.lang.get();
        let name = dataset.with(|d| {
            d.as_ref()
                .map(|d| d.name.get(lang).to_string())
                .unwrap_or_default()
        });
        file_stem(&name, "chart")
    });
    let drawing = move || {
        let lang = c.lang.get();
        dataset.with(|d| {
            let d = d.as_ref()?;
            let g = chart::figure1(&d.points);
            let (l, t, r, b) = chart::PLOT;
            let left_ticks = g.left_ticks.iter().map(|(y, v)| view! {
                <line class="grid" x1=l y1=*y x2=r y2=*y></line>
                <text class="tick" x=l - 8.0 y=y + 4.0 text-anchor="end">{format!("{v:.0}")}</text>
            }).collect_view();
            let right_ticks = g.right_ticks.iter().map(|(y, v)| view! {
                <text class="tick" x=r + 8.0 y=y + 4.0 text-anchor="start">{format!("{v:.0}%")}</text>
            }).collect_view();
            let bars = g.bars.iter().zip(&d.points).map(|(bar, p)| view! {
                <rect class="bar" x=bar.x y=bar.y width=bar.w height=bar.h>
                </rect>
                <text class="value" x=bar.x + bar.w / 2.0 y=bar.y - 6.0 text-anchor="middle">{format!("{}", p.netizens_million)}</text>
            }).collect_view();
            let line = g.line.iter().map(|p| format!("{},{}", p.x, p.y)).collect::<Vec<_>>().join(" ");
            let dots = g.line.iter().zip(&d.points).map(|(p, x)| view! {
                <circle class="dot" cx=p.x cy=p.y r="4"></circle>
                <text class="value line-value" x=p.x y=p.y - 10.0 text-anchor="middle">{format!("{}%", x.penetration_percent)}</text>
            }).collect_view();
            let labels = g.labels_x.iter().zip(&d.points).map(|(x, p)| view! {
                <text class="tick" x=*x y=b + 20.0 text-anchor="middle">{p.period.clone()}</text>
            }).collect_view();
            let (mid_y, wide) = ((t + b) / 2.0, chart::WIDTH);
            Some(view! {
                <svg class="chart" xmlns="http://www.w3.org/2000/svg" data-export="chart" viewBox=format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT)
                    role="img" aria-label=d.name.get(lang).to_string() data-testid="figure1-chart">
                    {left_ticks}
                    {right_ticks}
                    {bars}
                    <polyline class="line" points=line></polyline>
                    {dots}
                    {labels}
                    <line class="axis" x1=l y1=b x2=r y2=b></line>
                    <line class="axis" x1=l y1=t x2=l y2=b></line>
                    <line class="axis" x1=r y1=t x2=r y2=b></line>
                    <text class="axis-title" transform=format!("translate(18 {mid_y}) rotate(-90)") text-anchor="middle">{K::Netizens.get(lang)}</text>
                    <text class="axis-title" transform=format!("translate({} {mid_y}) rotate(90)", wide - 18.0) text-anchor="middle">{K::Penetration.get(lang)}</text>
                    <text class="tick source-line" x=l y=chart::HEIGHT - 6.0>
                        {K::SourceLine.get(lang)} " " <tspan lang="en">{d.source.clone()}</tspan>
                    </text>
                </svg>
            })
        })
    };
    view! {
        <figure class="chart-figure" node_ref=figure>
            {drawing}
            <ExportButtons figure=figure stem=stem uid="chart".to_string()/>
        </figure>
    }
}

/// The Figure 1 series: chart and editable table; a teacher can add later years.
#[component]
pub fn Data() -> impl IntoView {
    let c = ctx();
    let dataset_ids = move || c.session.with(|s| ids(&s.wb, EntityKind::Dataset));
    view! {
        <For each=dataset_ids key=|id| id.clone() let:id>
            <DatasetView id=id/>
        </For>
    }
}

#[component]
fn DatasetView(id: Id) -> impl IntoView {
    let c = ctx();
    // The one lookup of this dataset; name, source, rows and edits all derive from it.
    let dataset = {
        let id = id.clone();
        Memo::new(move |_| {
            c.session
                .with(|s| s.wb.datasets.iter().find(|d| d.id == id).cloned())
        })
    };
    let name = move || {
        let lang = c.lang.get();
        dataset.with(|d| {
            d.as_ref()
                .map(|d| d.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    // Every edit replaces the dataset with a changed copy: one undo step each.
    let edit = move |f: &dyn Fn(&mut Vec<DataPoint>)| {
        if let Some(mut d) = dataset.get_untracked() {
            f(&mut d.points);
            let _ = c.dispatch(Command::Replace(Entity::Dataset(d)));
        }
    };
    let count = Memo::new(move |_| dataset.with(|d| d.as_ref().map_or(0, |d| d.points.len())));
    let point = move |i: usize| {
        Memo::new(move |_| dataset.with(|d| d.as_ref().and_then(|d| d.points.get(i).cloned())))
    };
    let add = {
        move |_| {
            edit(&|ps: &mut Vec<DataPoint>| {
                let mut next = ps.last().cloned().unwrap_or(DataPoint {
                    period: String::new(),
                    netizens_million: 0.0,
                    penetration_percent: 0.0,
                    report: String::new(),
                });
                next.period = String::new();
                next.report = String::new();
                ps.push(next);
            })
        }
    };
    let testid = format!("dataset-{id}");
    view! {
        <figure class="dataset">
            <figcaption>{name}</figcaption>
            <Figure1Chart dataset=dataset/>

            <table class="plain" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{move || c.t(K::Period)}</th>
                        <th scope="col">{move || c.t(K::Netizens)}</th>
                        <th scope="col">{move || c.t(K::Penetration)}</th>
                        <th scope="col">{move || c.t(K::Report)}</th>
                        <th scope="col"><span class="visually-hidden">{move || c.t(K::Delete)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..count.get() key=|i| *i let:i>
                        {
                            let p = point(i);
                            let remove = edit;
                            let field = move |label: K, slug: &'static str, kind: &'static str, get: fn(&DataPoint) -> String, set: fn(&mut DataPoint, &str) -> bool| {

                                view! {
                                    <td>
                                        <input type=kind step="any" aria-label=move || c.t(label) data-testid=format!("point-{i}-{slug}")
                                            prop:value=move || p.with(|x| x.as_ref().map(get).unwrap_or_default())
                                            on:change=move |e| {
                                                let Some(current) = p.get_untracked() else { return };
                                                let mut changed = current.clone();
                                                if set(&mut changed, &event_target_value(&e)) {
                                                    edit(&|ps: &mut Vec<DataPoint>| {
                                                        if let Some(x) = ps.get_mut(i) {
                                                            *x = changed.clone();
                                                        }
                                                    });
                                                } else {
                                                    // A value out of range is not taken: the field shows the stored one again.
                                                    event_target::<web_sys::HtmlInputElement>(&e).set_value(&get(&current));
                                                }
                                            }/>
                                    </td>
                                }
                            };
                            view! {
                                <tr>
                                    {field(K::Period, "period", "text", |x| x.period.clone(), |x, v| { x.period = v.trim().to_string(); true })}
                                    {field(K::Netizens, "netizens", "number", |x| x.netizens_million.to_string(), |x, v| match v.parse::<f64>() {
                                        Ok(n) if (0.0..=1e7).contains(&n) => { x.netizens_million = n; true }
                                        _ => false,
                                    })}
                                    {field(K::Penetration, "penetration", "number", |x| x.penetration_percent.to_string(), |x, v| match v.parse::<f64>() {
                                        Ok(n) if (0.0..=100.0).contains(&n) => { x.penetration_percent = n; true }
                                        _ => false,
                                    })}
                                    {field(K::Report, "report", "text", |x| x.report.clone(), |x, v| { x.report = v.trim().to_string(); true })}
                                    <td><button aria-label=move || c.tf(K::DeleteRow, &[("row", &(i + 1).to_string())])
                                        on:click=move |_| remove(&|ps: &mut Vec<DataPoint>| { if i < ps.len() { ps.remove(i); } })>"✕"</button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <button data-testid="add-point" on:click=add>{move || c.t(K::AddRow)}</button>
        </figure>
    }
}
