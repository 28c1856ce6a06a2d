//! The analysis of one model: each metric as a small gauge with its reading, and the checklist
//! of the paper's design requirements and characteristics, measured where the data can tell
//! and ticked by hand by the group, with a note.

use leptos::prelude::*;

use crate::core::analytics::{analyse, measure, Metric, MetricId};
use crate::core::commands::Command;
use crate::core::model::{Check, Id, PrincipleKind};
use crate::i18n::{self, K};
use crate::ui::session::ctx;
use crate::ui::widgets::{status_class, ModelPicker};

/// Gauge geometry, in pixels: the scale from `PAD` to `W - PAD`.
const W: f64 = 220.0;
const PAD: f64 = 6.0;

fn x(value: f64, max: f64) -> f64 {
    PAD + (W - 2.0 * PAD) * (value / max).clamp(0.0, 1.0)
}

/// A metric on its scale: the target band shaded, the value as a marker (shape, not colour).
#[component]
fn Gauge(metric: Metric, max: f64) -> impl IntoView {
    let (lo, hi, v) = (
        x(metric.target.lo, max),
        x(metric.target.hi, max),
        x(metric.value, max),
    );
    view! {
        <svg class="gauge" width=W height="22" viewBox=format!("0 0 {W} 22") aria-hidden="true">
            <line class="scale" x1=PAD y1="11" x2=W - PAD y2="11"></line>
            <rect class="band" x=lo y="4" width=(hi - lo).max(2.0) height="14"></rect>
            <path class=status_class(metric.status) d=format!("M {v} 2 L {} 11 L {v} 20 L {} 11 Z", v + 6.0, v - 6.0)></path>
        </svg>
    }
}

/// The analysis of the current model.
#[component]
pub fn Analysis() -> impl IntoView {
    let c = ctx();
    let metrics = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| analyse(&s.wb, m))
                .unwrap_or_default()
        })
    });
    let subjects = Memo::new(move |_| c.session.with(|s| s.wb.subjects.len()));
    // A memo, so typing a checklist note does not redraw the metric cards.
    let principle_names = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.principles
                .iter()
                .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
                .collect::<std::collections::HashMap<Id, String>>()
        })
    });
    let principle_name =
        move |id: &str| principle_names.with(|n| n.get(id).cloned().unwrap_or_default());
    view! {
        <div class="analysis">
            <ModelPicker/>
            <h2>{move || c.t(K::MetricsTitle)}</h2>
            <ul class="metric-cards" data-testid="analysis-metrics">
                {move || {
                    let lang = c.lang.get();
                    let max_n = subjects.get();
                    metrics.get().into_iter().map(|m| {
                        let id: MetricId = m.id;
                        let band = format!("{:.2}–{:.2}", m.target.lo, m.target.hi);
                        let addresses = principle_name(id.addresses());
                        view! {
                            <li class="metric-card" data-testid=format!("card-{:?}", id).to_lowercase()>
                                <h3>{i18n::metric(id).get(lang)}</h3>
                                <p class="figure">
                                    <span class="num value">{format!("{:.2}", m.value)}</span> " "
                                    <span class=status_class(m.status)>{i18n::status(m.status).get(lang)}</span>
                                </p>
                                <Gauge metric=m.clone() max=id.scale(max_n)/>
                                <p class="muted">{K::Target.get(lang)} ": " {band}</p>
                                <p class="muted">{K::Addresses.get(lang)} ": " {addresses}</p>
                                <p class="reading">{i18n::reading(id, m.value, lang)}</p>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <h2>{move || c.t(K::ChecklistTitle)}</h2>
            <p class="muted">{move || c.t(K::ChecklistHelp)}</p>
            <Checklist metrics=metrics/>
        </div>
    }
}

/// The design requirements and characteristics of the new model, for the current model.
#[component]
fn Checklist(metrics: Memo<Vec<Metric>>) -> impl IntoView {
    let c = ctx();
    let items = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.principles
                .iter()
                .filter(|p| {
                    matches!(
                        p.kind,
                        PrincipleKind::Requirement | PrincipleKind::Characteristic
                    )
                })
                .map(|p| p.id.clone())
                .collect::<Vec<Id>>()
        })
    });
    view! {
        <ul class="checklist" data-testid="checklist">
            <For each=move || items.get() key=|id| id.clone() let:id>
                <CheckItem id=id metrics=metrics/>
            </For>
        </ul>
    }
}

#[component]
fn CheckItem(id: Id, metrics: Memo<Vec<Metric>>) -> impl IntoView {
    let c = ctx();
    let id2 = id.clone();
    let info = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            let p = s.wb.principles.iter().find(|p| p.id == id2)?;
            let model = s.wb.model(&s.model)?;
            let measured = metrics.with(|ms| measure(&s.wb, model, ms, &p.id));
            let check = model.checks.get(&p.id).cloned().unwrap_or_default();
            let kind = match p.kind {
                PrincipleKind::Requirement => K::KindRequirement,
                _ => K::KindCharacteristic,
            };
            Some((
                p.name.get(lang).to_string(),
                p.description.get(lang).to_string(),
                kind,
                measured,
                check,
            ))
        })
    });
    let set = {
        let id = id.clone();
        move |f: &dyn Fn(&mut Check)| {
            let Some((.., mut check)) = info.get_untracked() else {
                return;
            };
            f(&mut check);
            let model = c.session.with_untracked(|s| s.model.clone());
            let check = (check != Check::default()).then_some(check);
            let _ = c.dispatch(Command::SetCheck {
                model,
                principle: id.clone(),
                check,
            });
        }
    };
    let set2 = set.clone();
    view! {
        <li class="check-item" data-testid=format!("check-{id}")>
            {move || info.get().map(|(name, desc, kind, measured, _)| {
                let lang = c.lang.get();
                let verdict = match &measured {
                    Some(m) => {
                        let names = if m.metrics.is_empty() {
                            K::LeadershipEvidence.get(lang).to_string()
                        } else {
                            m.metrics.iter().map(|x| i18n::metric(*x).get(lang)).collect::<Vec<_>>().join(if lang == crate::core::model::Lang::Zh { "、" } else { ", " })
                        };
                        let key = if m.met { K::MeasuredMet } else { K::MeasuredNotMet };
                        let text = crate::i18n::tr(lang, key, &[("metrics", &names)]);
                        view! { <span class=if m.met { "grade good" } else { "grade poor" } data-testid="measured">{text}</span> }.into_any()
                    }
                    None => view! { <span class="grade fair" data-testid="measured">{K::NotMeasurable.get(lang)}</span> }.into_any(),
                };
                view! {
                    <p><strong>{name}</strong> " " <span class="muted">"(" {kind.get(lang)} ")"</span></p>
                    <p class="muted">{desc}</p>
                    <p>{verdict}</p>
                }
            })}
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="check-done"
                    prop:checked=move || info.with(|i| i.as_ref().is_some_and(|i| i.4.done))
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        set(&|ch: &mut Check| ch.done = on);
                    }
                />
                {move || c.t(K::ConfirmedByGroup)}
            </label>
            <label class="field">
                <span>{move || c.t(K::Note)}</span>
                <input
                    type="text"
                    data-testid="check-note"
                    prop:value=move || info.with(|i| i.as_ref().map(|i| i.4.note.clone()).unwrap_or_default())
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        set2(&|ch: &mut Check| ch.note = v.clone());
                    }
                    on:blur=move |_| c.seal()
                />
            </label>
        </li>
    }
}
