//! Read-mostly views: the timeline of Table 1, the Figure 1 data, and a first comparison of
//! two models by their metrics.

use leptos::prelude::*;

use crate::core::analytics::{MetricId, Status};
use crate::core::diff::diff;
use crate::core::model::Id;
use crate::i18n::K;
use crate::ui::session::ctx;

/// Stages of the traditional model (Table 1).
#[component]
pub fn Timeline() -> impl IntoView {
    let c = ctx();
    view! {
        <table class="plain" data-testid="timeline">
            <thead>
                <tr>
                    <th scope="col">{move || c.t(K::Stage)}</th>
                    <th scope="col">{move || c.t(K::Years)}</th>
                    <th scope="col">{move || c.t(K::LeadingBody)}</th>
                    <th scope="col">{move || c.t(K::OtherRegulators)}</th>
                    <th scope="col">{move || c.t(K::Description)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = c.lang.get();
                    let present = c.t(K::Present);
                    c.session.with(|s| {
                        s.wb.timeline
                            .iter()
                            .map(|st| {
                                let years = format!("{}–{}", st.start, st.end.map(|e| e.to_string()).unwrap_or_else(|| present.clone()));
                                let others = st.other_regulators.iter().map(|t| t.get(lang)).collect::<Vec<_>>().join("; ");
                                view! {
                                    <tr>
                                        <th scope="row">{st.name.get(lang).to_string()}</th>
                                        <td>{years}</td>
                                        <td>{st.leading_body.get(lang).to_string()}</td>
                                        <td>{others}</td>
                                        <td>{st.description.get(lang).to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    })
                }}
            </tbody>
        </table>
    }
}

/// The Figure 1 series as a table.
#[component]
pub fn Data() -> impl IntoView {
    let c = ctx();
    move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.datasets
                .iter()
                .map(|d| {
                    let source = d.source.clone();
                    view! {
                        <figure class="dataset">
                            <figcaption>{d.name.get(lang).to_string()}</figcaption>
                            <table class="plain" data-testid=format!("dataset-{}", d.id)>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || c.t(K::Period)}</th>
                                        <th scope="col">{move || c.t(K::Netizens)}</th>
                                        <th scope="col">{move || c.t(K::Penetration)}</th>
                                        <th scope="col">{move || c.t(K::Report)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {d.points
                                        .iter()
                                        .map(|p| view! {
                                            <tr>
                                                <th scope="row">{p.period.clone()}</th>
                                                <td class="num">{p.netizens_million}</td>
                                                <td class="num">{p.penetration_percent}</td>
                                                <td lang="en">{p.report.clone()}</td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <p class="muted">{move || c.t(K::SourceLine)} " " <span lang="en">{source}</span></p>
                        </figure>
                    }
                })
                .collect_view()
        })
    }
}

fn metric_label(id: MetricId) -> K {
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

/// Two models' metrics side by side with their deltas.
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
            let d = diff(&s.wb, a, b);
            Some((d.cells.len(), d.metrics))
        })
    });
    view! {
        <div class="compare">
            {picker(from, K::CompareFrom, "compare-from")}
            {picker(to, K::CompareTo, "compare-to")}
            {move || {
                result
                    .get()
                    .map(|(changed, metrics)| {
                        view! {
                            <p data-testid="compare-changed">{move || c.tf(K::ChangedCells, &[("count", &changed.to_string())])}</p>
                            <table class="plain" data-testid="compare-metrics">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || c.t(K::MetricName)}</th>
                                        <th scope="col">{move || c.t(K::Before)}</th>
                                        <th scope="col">{move || c.t(K::After)}</th>
                                        <th scope="col">{move || c.t(K::Delta)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {metrics
                                        .into_iter()
                                        .map(|m| {
                                            let key = if m.improved { K::Improved } else { K::NotImproved };
                                            view! {
                                                <tr data-testid=format!("metric-{:?}", m.id).to_lowercase()>
                                                    <th scope="row">{move || c.t(metric_label(m.id))}</th>
                                                    <td class="num">{format!("{:.2}", m.before)}</td>
                                                    <td class="num">{format!("{:.2}", m.after)}</td>
                                                    <td class="num" class:good=m.improved>
                                                        {format!("{:+.2} ", m.after - m.before)} {move || c.t(key)}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })
            }}
        </div>
    }
}

/// Keeps `Status` used by the compare view's future status column.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Good => "good",
        Status::Fair => "fair",
        Status::Poor => "poor",
    }
}
