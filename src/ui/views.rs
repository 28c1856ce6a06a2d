//! Read-mostly views: the timeline of Table 1, the Figure 1 data, and a first comparison of
//! two models by their metrics.

use leptos::prelude::*;

use crate::core::analytics::{analyse, MetricId, Status};
use crate::core::diff::{diff, CellField, Change};
use crate::core::model::{Id, Lang};
use crate::i18n::{self, K};
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

/// CSS class of a status.
fn status_class(s: Status) -> &'static str {
    match s {
        Status::Good => "status good",
        Status::Fair => "status fair",
        Status::Poor => "status poor",
    }
}

fn status_label(s: Status) -> K {
    match s {
        Status::Good => K::StatusGood,
        Status::Fair => K::StatusFair,
        Status::Poor => K::StatusPoor,
    }
}

/// A plain-language reading of a metric's value.
fn reading(id: MetricId, value: f64, lang: Lang) -> String {
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
            <DiffMatrix from=from to=to changes_only=changes_only/>
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
fn DiffMatrix(from: RwSignal<Id>, to: RwSignal<Id>, changes_only: RwSignal<bool>) -> impl IntoView {
    let c = ctx();
    move || {
        let lang = c.lang.get();
        let only = changes_only.get();
        c.session.with(|s| {
            let (Some(a), Some(b)) = (s.wb.model(&from.get()), s.wb.model(&to.get())) else { return ().into_any() };
            let d = diff(&s.wb, a, b);
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
