//! Read-mostly views: the timeline of Table 1, the Figure 1 data, and a first comparison of
//! two models by their metrics.

use leptos::prelude::*;

use crate::core::analytics::{analyse, Metric, MetricId, Status};
use crate::core::chart;
use crate::core::commands::{ids, Command, Entity, EntityKind};
use crate::core::diff::{diff, CellField, Change, ModelDiff};
use crate::core::model::{DataPoint, Dataset, Id, Lang};
use crate::i18n::{self, K};
use crate::ui::session::ctx;

/// Stages of the traditional model (Table 1), editable in place, ending in the step to the
/// synergetic model.
#[component]
pub fn Timeline() -> impl IntoView {
    let c = ctx();
    let stage_ids = move || c.session.with(|s| ids(&s.wb, EntityKind::Stage));
    view! {
        <TimelineDrawing/>
        <ol class="timeline" data-testid="timeline">
            <For each=stage_ids key=|id| id.clone() let:id>
                <StageItem id=id/>
            </For>
            <li class="stage next" data-testid="timeline-next">
                <strong>{move || c.t(K::NextStep)}</strong>
                " "
                {move || {
                    let lang = c.lang.get();
                    c.session.with(|s| s.wb.model("synergetic").map(|m| m.name.get(lang).to_string()))
                        .unwrap_or_else(|| K::PresetSynergetic.get(lang).to_string())
                }}
            </li>
        </ol>
    }
}

/// Table 1 as a drawing: stages to scale on a years axis, then the step to the synergetic
/// model; exported like every diagram.
#[component]
fn TimelineDrawing() -> impl IntoView {
    let c = ctx();
    let figure = NodeRef::<leptos::html::Figure>::new();
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let drawing = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            let spans: Vec<(i32, Option<i32>)> = s.wb.timeline.iter().map(|x| (x.start, x.end)).collect();
            let bars = chart::timeline(&spans, year);
            let next = s
                .wb
                .model("synergetic")
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_else(|| K::PresetSynergetic.get(lang).to_string());
            // A label may run until the next label of its row (two stages on), or to the arrow.
            let room: Vec<f64> = (0..bars.len())
                .map(|i| bars.get(i + 2).map_or(chart::TIMELINE_AXIS.1, |n| n.x) - bars[i].x - 12.0)
                .collect();
            let stages = s.wb.timeline.iter().zip(bars).zip(room).enumerate().map(|(i, ((st, b), room))| {
                let years = match st.end {
                    Some(e) => format!("{}–{e}", st.start),
                    None => format!("{}–", st.start),
                };
                let (name_y, body_y) = if b.above { (42.0, 58.0) } else { (144.0, 160.0) };
                let fill = if i % 2 == 0 { "#dbeafe" } else { "#e0e7ff" };
                let body = chart::fit_lines(st.leading_body.get(lang), room, 11.0, 2)
                    .into_iter()
                    .enumerate()
                    .map(|(k, l)| view! { <text class="tl-body" x=b.x + 6.0 y=body_y + 13.0 * k as f64>{l}</text> })
                    .collect_view();
                let name = chart::fit_lines(st.name.get(lang), room, 13.0, 1).into_iter().next().unwrap_or_default();
                view! {
                    <g class="tl-stage">
                        <rect x=b.x y="84" width=b.w height="32" fill=fill></rect>
                        <text class="tl-years" x=b.x + b.w / 2.0 y="105" text-anchor="middle">{years}</text>
                        <line class="tl-leader" x1=b.x + 2.0 y1=if b.above { 82.0 } else { 118.0 } x2=b.x + 2.0 y2=if b.above { 32.0 } else { 170.0 }></line>
                        <text class="tl-name" x=b.x + 6.0 y=name_y>{name}</text>
                        {body}
                    </g>
                }
            }).collect_view();
            let (axis_end, width) = (chart::TIMELINE_AXIS.1, chart::TIMELINE_WIDTH);
            let next_lines = chart::fit_lines(&next, width - axis_end - 36.0, 13.0, 4).into_iter().enumerate().map(|(i, l)| view! {
                <text class="tl-next" x=axis_end + 32.0 y=80.0 + 16.0 * i as f64>{l}</text>
            }).collect_view();
            view! {
                <svg class="timeline-drawing" xmlns="http://www.w3.org/2000/svg" data-export="timeline"
                    viewBox=format!("0 0 {width} 198") role="img" aria-label=K::TabTimeline.get(lang)>
                    {stages}
                    <line class="tl-arrow" x1=axis_end + 2.0 y1="100" x2=axis_end + 24.0 y2="100"></line>
                    <path class="tl-arrow-head" d=format!("M {} 94 L {} 100 L {} 106 z", axis_end + 20.0, axis_end + 28.0, axis_end + 20.0)></path>
                    {next_lines}
                </svg>
            }
        })
    };
    let stem = Signal::derive(move || {
        let title = c.session.with(|s| s.wb.meta.title.clone());
        crate::ui::diagram::file_stem(&title, "timeline")
    });
    view! {
        <figure class="timeline-figure" node_ref=figure data-testid="timeline-drawing">
            {drawing}
            <crate::ui::diagram::ExportButtons figure=figure stem=stem uid="timeline".to_string()/>
        </figure>
    }
}

#[component]
fn StageItem(id: Id) -> impl IntoView {
    let c = ctx();
    let stage = {
        let id = id.clone();
        Memo::new(move |_| {
            c.session
                .with(|s| s.wb.timeline.iter().find(|x| x.id == id).cloned())
        })
    };
    // One Replace per committed field: one undo step each.
    let update = move |f: &dyn Fn(&mut crate::core::model::Stage)| {
        if let Some(mut st) = stage.get_untracked() {
            f(&mut st);
            let _ = c.dispatch(Command::Replace(Entity::Stage(st)));
        }
    };
    let text = move |label: K,
                     slug: &'static str,
                     get: fn(&crate::core::model::Stage, Lang) -> String,
                     set: fn(&mut crate::core::model::Stage, Lang, &str)| {
        view! {
            <label class="field">
                <span>{move || c.t(label)}</span>
                <input data-testid=format!("{id}-{slug}", id = stage.get_untracked().map(|s| s.id).unwrap_or_default())
                    prop:value=move || stage.with(|st| st.as_ref().map(|st| get(st, c.lang.get())).unwrap_or_default())
                    on:change=move |e| {
                        let v = event_target_value(&e);
                        let lang = c.lang.get_untracked();
                        update(&|st| set(st, lang, &v));
                    }/>
            </label>
        }
    };
    let year = move |label: K,
                     slug: &'static str,
                     get: fn(&crate::core::model::Stage) -> Option<i32>,
                     set: fn(&mut crate::core::model::Stage, Option<i32>)| {
        view! {
            <label class="field year">
                <span>{move || c.t(label)}</span>
                <input type="number" data-testid=format!("{id}-{slug}", id = stage.get_untracked().map(|s| s.id).unwrap_or_default())
                    prop:value=move || stage.with(|st| st.as_ref().and_then(get).map(|y| y.to_string()).unwrap_or_default())
                    on:change=move |e| {
                        let raw = event_target_value(&e);
                        let v = raw.trim();
                        match v.parse::<i32>() {
                            Ok(y) if (1900..=2200).contains(&y) => update(&|st| set(st, Some(y))),
                            _ if v.is_empty() => update(&|st| set(st, None)),
                            _ => {
                                // Not a year: the field shows the stored value again.
                                let shown = stage.get_untracked().as_ref().and_then(get).map(|y| y.to_string()).unwrap_or_default();
                                event_target::<web_sys::HtmlInputElement>(&e).set_value(&shown);
                            }
                        }
                    }/>
            </label>
        }
    };
    view! {
        <li class="stage" data-testid=format!("stage-{id}")>
            {text(K::Stage, "name", |st, l| st.name.raw(l).to_string(), |st, l, v| *st.name.raw_mut(l) = v.to_string())}
            <div class="row">
                {year(K::StartYear, "start", |st| Some(st.start), |st, y| if let Some(y) = y { st.start = y })}
                {year(K::EndYear, "end", |st| st.end, |st, y| st.end = y)}
            </div>
            {text(K::LeadingBody, "leading", |st, l| st.leading_body.raw(l).to_string(), |st, l, v| *st.leading_body.raw_mut(l) = v.to_string())}
            {text(K::OtherRegulatorsList, "others",
                |st, l| st.other_regulators.iter().map(|t| t.get(l).to_string()).collect::<Vec<_>>().join("; "),
                |st, l, v| {
                    let old = std::mem::take(&mut st.other_regulators);
                    st.other_regulators = v.split(';').map(str::trim).filter(|x| !x.is_empty()).enumerate().map(|(i, x)| {
                        let mut t = old.get(i).cloned().unwrap_or_default();
                        *t.raw_mut(l) = x.to_string();
                        t
                    }).collect();
                })}
            {text(K::Description, "description", |st, l| st.description.raw(l).to_string(), |st, l, v| *st.description.raw_mut(l) = v.to_string())}
        </li>
    }
}

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
        crate::ui::diagram::file_stem(&name, "chart")
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
            <crate::ui::diagram::ExportButtons figure=figure stem=stem uid="chart".to_string()/>
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

/// The name of a metric.
pub(crate) fn metric_label(id: MetricId) -> K {
    match id {
        MetricId::Participation => K::MetricParticipation,
        MetricId::Concentration => K::MetricConcentration,
        MetricId::GovernmentShare => K::MetricGovernmentShare,
        MetricId::Accountability => K::MetricAccountability,
        MetricId::Synergy => K::MetricSynergy,
        MetricId::Supervision => K::MetricSupervision,
        MetricId::LawMorals => K::MetricLawMorals,
        MetricId::OrderRights => K::MetricOrderRights,
    }
}

/// CSS class of a status.
pub(crate) fn status_class(s: Status) -> &'static str {
    match s {
        Status::Good => "status good",
        Status::Fair => "status fair",
        Status::Poor => "status poor",
    }
}

/// The name of a status.
pub(crate) fn status_label(s: Status) -> K {
    match s {
        Status::Good => K::StatusGood,
        Status::Fair => K::StatusFair,
        Status::Poor => K::StatusPoor,
    }
}

/// A plain-language reading of a metric's value.
pub(crate) fn reading(id: MetricId, value: f64, lang: Lang) -> String {
    let pct = format!("{:.0}%", value * 100.0);
    let num = format!("{value:.2}");
    let (key, v) = match id {
        MetricId::Participation => (K::ReadParticipation, pct),
        MetricId::Concentration => (K::ReadConcentration, num),
        MetricId::GovernmentShare => (K::ReadGovernmentShare, pct),
        MetricId::Accountability => (K::ReadAccountability, pct),
        MetricId::Synergy => (K::ReadSynergy, format!("{value:.1}")),
        MetricId::Supervision => (K::ReadSupervision, pct),
        MetricId::LawMorals => (K::ReadLawMorals, pct),
        MetricId::OrderRights => (K::ReadOrderRights, pct),
    };
    i18n::tr(lang, key, &[("value", &v)])
}

/// The diff of two models and both models' metrics.
type Comparison = (ModelDiff, Vec<Metric>, Vec<Metric>);

/// Two models side by side: structures, the matrix with its changes marked, and the metrics.
#[component]
pub fn Compare() -> impl IntoView {
    let c = ctx();
    let first = c.session.with_untracked(|s| {
        let ids: Vec<Id> = s.wb.models.iter().map(|m| m.id.clone()).collect();
        (
            ids.first().cloned().unwrap_or_default(),
            ids.get(1).or(ids.first()).cloned().unwrap_or_default(),
        )
    });
    let from = RwSignal::new(first.0);
    let to = RwSignal::new(first.1);
    let changes_only = RwSignal::new(false);
    let picker = move |sig: RwSignal<Id>, label: K, testid: &'static str| {
        view! {
            <label class="picker">
                {move || c.t(label)} " "
                <select data-testid=testid on:change=move |e| sig.set(event_target_value(&e)) prop:value=move || sig.get()>
                    {move || {
                        let lang = c.lang.get();
                        c.session.with(|s| {
                            s.wb.models
                                .iter()
                                .map(|m| {
                                    let selected = m.id == sig.get_untracked();
                                    view! { <option value=m.id.clone() selected=selected>{m.name.get(lang).to_string()}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </label>
        }
    };
    let result = Memo::new(move |_| {
        c.session.with(|s| {
            let (a, b) = (s.wb.model(&from.get())?, s.wb.model(&to.get())?);
            Some((diff(&s.wb, a, b), analyse(&s.wb, a), analyse(&s.wb, b)))
        })
    });
    view! {
        <div class="compare">
            {picker(from, K::CompareFrom, "compare-from")}
            {picker(to, K::CompareTo, "compare-to")}
            <div class="side-by-side">
                <crate::ui::diagram::StructureDiagram model=Signal::derive(move || from.get()) uid="from"/>
                <crate::ui::diagram::StructureDiagram model=Signal::derive(move || to.get()) uid="to"/>
            </div>
            {move || result.get().map(|(d, _, _)| view! {
                <p data-testid="compare-changed">{move || c.tf(K::ChangedCells, &[("count", &d.cells.len().to_string())])}</p>
            })}
            <label class="check">
                <input type="checkbox" data-testid="changes-only" prop:checked=move || changes_only.get()
                    on:change=move |e| changes_only.set(event_target_checked(&e))/>
                {move || c.t(K::ChangesOnly)}
            </label>
            <DiffMatrix from=from to=to changes_only=changes_only result=result/>
            <p class="no-print">
                <button data-testid="compare-make-plan" on:click=move |_| crate::ui::plan::create_plan(&c, &from.get_untracked(), &to.get_untracked(), None)>
                    {move || c.t(K::MakePlan)}
                </button>
            </p>
            <h2>{move || c.t(K::MetricsTitle)}</h2>
            {move || result.get().map(|(d, before, after)| {
                let lang = c.lang.get();
                let principle = |id: &str| c.session.with(|s| {
                    s.wb.principles.iter().find(|p| p.id == id).map(|p| p.name.get(lang).to_string()).unwrap_or_default()
                });
                view! {
                    <table class="plain" data-testid="compare-metrics">
                        <thead>
                            <tr>
                                <th scope="col">{move || c.t(K::MetricName)}</th>
                                <th scope="col">{move || c.t(K::Before)}</th>
                                <th scope="col">{move || c.t(K::After)}</th>
                                <th scope="col">{move || c.t(K::Delta)}</th>
                                <th scope="col">{move || c.t(K::Target)}</th>
                                <th scope="col">{move || c.t(K::Addresses)}</th>
                                <th scope="col">{move || c.t(K::Reading)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {d.metrics.into_iter().zip(before).zip(after).map(|((m, b), a)| {
                                let key = if m.improved {
                                    K::Improved
                                } else if (m.after - m.before).abs() < 1e-9 {
                                    K::Unchanged
                                } else {
                                    K::NotImproved
                                };
                                let band = format!("{:.2}–{:.2}", a.target.lo, a.target.hi);
                                view! {
                                    <tr data-testid=format!("metric-{:?}", m.id).to_lowercase()>
                                        <th scope="row">{move || c.t(metric_label(m.id))}</th>
                                        <td class="num">{format!("{:.2}", m.before)} " " <span class=status_class(b.status)>{status_label(b.status).get(lang)}</span></td>
                                        <td class="num">{format!("{:.2}", m.after)} " " <span class=status_class(a.status)>{status_label(a.status).get(lang)}</span></td>
                                        <td class="num" class:good=m.improved>{format!("{:+.2} ", m.after - m.before)} {key.get(lang)}</td>
                                        <td class="num">{band}</td>
                                        <td>{principle(m.id.addresses())}</td>
                                        <td>{reading(m.id, m.after, lang)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </div>
    }
}

/// The matrix of the second model with every cell that differs from the first marked.
#[component]
fn DiffMatrix(
    from: RwSignal<Id>,
    to: RwSignal<Id>,
    changes_only: RwSignal<bool>,
    result: Memo<Option<Comparison>>,
) -> impl IntoView {
    let c = ctx();
    move || {
        let lang = c.lang.get();
        let only = changes_only.get();
        // The diff comes from the Compare view's memo: computed once per change, not twice.
        let Some(d) = result.with(|r| r.as_ref().map(|r| r.0.clone())) else {
            return ().into_any();
        };
        c.session.with(|s| {
            let (Some(a), Some(b)) = (s.wb.model(&from.get()), s.wb.model(&to.get())) else { return ().into_any() };
            let change = |sid: &str, oid: &str| d.cells.iter().find(|x| x.subject == sid && x.object == oid).map(|x| &x.change);
            let letter = |cell: Option<&crate::core::model::Cell>| {
                cell.and_then(|c| c.role.as_ref()).and_then(|r| s.wb.role(r)).map(|r| r.letter.get(lang).to_string()).unwrap_or_else(|| "·".into())
            };
            let rows = s.wb.subjects.iter().filter(|sub| !only || d.cells.iter().any(|x| x.subject == sub.id)).map(|sub| {
                let cells = s.wb.objects.iter().map(|o| {
                    let (before, after) = (a.cell(&sub.id, &o.id), b.cell(&sub.id, &o.id));
                    let (class, mark, what) = match change(&sub.id, &o.id) {
                        None => ("same", "", String::new()),
                        Some(Change::Added(_)) => ("added", "+", K::DiffAdded.get(lang).to_string()),
                        Some(Change::Removed(_)) => ("removed", "−", K::DiffRemoved.get(lang).to_string()),
                        Some(Change::Changed { fields, .. }) => ("changed", "~", fields.iter().map(|f| field_label(*f).get(lang)).collect::<Vec<_>>().join(", ")),
                    };
                    let text = if class == "same" { letter(after) } else { format!("{mark} {} → {}", letter(before), letter(after)) };
                    view! {
                        <td class=format!("diff {class}") data-testid=format!("diff-{}-{}", sub.id, o.id) data-change=class title=what.clone()>
                            {text}
                            {(!what.is_empty()).then(|| view! { <span class="visually-hidden">{format!(" ({what})")}</span> })}
                        </td>
                    }
                }).collect_view();
                view! { <tr><th scope="row">{sub.name.get(lang).to_string()}</th>{cells}</tr> }
            }).collect_view();
            view! {
                <table class="plain diff-matrix" data-testid="diff-matrix">
                    <thead><tr>
                        <th scope="col">{K::Subject.get(lang)}</th>
                        {s.wb.objects.iter().map(|o| view! { <th scope="col">{o.name.get(lang).to_string()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="legend-line" data-testid="diff-legend">
                    <span class="diff added">"+ "{K::DiffAdded.get(lang)}</span>
                    <span class="diff removed">"− "{K::DiffRemoved.get(lang)}</span>
                    <span class="diff changed">"~ "{K::DiffChanged.get(lang)}</span>
                </p>
            }.into_any()
        })
    }
}

fn field_label(f: CellField) -> K {
    match f {
        CellField::Role => K::Role,
        CellField::Methods => K::Methods,
        CellField::Orientation => K::Orientation,
        CellField::Statements => K::StatementsShort,
        CellField::Note => K::Note,
        CellField::Source => K::SourceShort,
    }
}
