//! The Timeline tab: Table 1's stages drawn to scale and edited in place, ending in the step
//! to the synergetic model.

use leptos::prelude::*;

use crate::core::chart;
use crate::core::commands::{ids, Command, Entity, EntityKind};
use crate::core::model::{Id, Lang};
use crate::i18n::K;
use crate::ui::export::{file_stem, ExportButtons};
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
            let next = s
                .wb
                .model("synergetic")
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_else(|| K::PresetSynergetic.get(lang).to_string());
            let stages: Vec<_> = s.wb.timeline.iter().map(|x| (x.start, x.end, x.name.get(lang), x.leading_body.get(lang))).collect();
            let stages = chart::timeline_labels(&stages, year).into_iter().enumerate().map(|(i, st)| {
                let b = st.bar;
                let fill = if i % 2 == 0 { "#dbeafe" } else { "#e0e7ff" };
                let body = st.body.into_iter().enumerate()
                    .map(|(k, l)| view! { <text class="tl-body" x=b.x + 6.0 y=st.body_y + 13.0 * k as f64>{l}</text> })
                    .collect_view();
                view! {
                    <g class="tl-stage">
                        <rect x=b.x y="84" width=b.w height="32" fill=fill></rect>
                        <text class="tl-years" x=b.x + b.w / 2.0 y="105" text-anchor="middle">{st.years}</text>
                        <line class="tl-leader" x1=b.x + 2.0 y1=if b.above { 82.0 } else { 118.0 } x2=b.x + 2.0 y2=if b.above { 32.0 } else { 170.0 }></line>
                        <text class="tl-name" x=b.x + 6.0 y=st.name_y>{st.name}</text>
                        {body}
                    </g>
                }
            }).collect_view();
            let (axis_end, width) = (chart::TIMELINE_AXIS.1, chart::TIMELINE_WIDTH);
            let next_lines = chart::timeline_next(&next).into_iter().enumerate().map(|(i, l)| view! {
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
        file_stem(&title, "timeline")
    });
    view! {
        <figure class="timeline-figure" node_ref=figure data-testid="timeline-drawing">
            {drawing}
            <ExportButtons figure=figure stem=stem uid="timeline".to_string()/>
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
