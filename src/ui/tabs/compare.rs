//! The Compare tab: two models side by side, their structures, the matrix with its changes
//! marked, and every metric before and after.

use leptos::prelude::*;

use crate::core::analytics::{analyse, Metric};
use crate::core::diff::{diff, Change, ModelDiff};
use crate::core::model::Id;
use crate::i18n::{self, K};
use crate::ui::actions::make_plan;
use crate::ui::session::{ctx, View};
use crate::ui::structure::StructureDiagram;
use crate::ui::widgets::{status_class, ModelSelect};

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
    let result = Memo::new(move |_| {
        c.session.with(|s| {
            let (a, b) = (s.wb.model(&from.get())?, s.wb.model(&to.get())?);
            Some((diff(&s.wb, a, b), analyse(&s.wb, a), analyse(&s.wb, b)))
        })
    });
    view! {
        <div class="compare">
            <ModelSelect label=K::CompareFrom testid="compare-from" value=from pick=Callback::new(move |id| from.set(id))/>
            <ModelSelect label=K::CompareTo testid="compare-to" value=to pick=Callback::new(move |id| to.set(id))/>
            <div class="side-by-side">
                <StructureDiagram model=Signal::derive(move || from.get()) uid="from"/>
                <StructureDiagram model=Signal::derive(move || to.get()) uid="to"/>
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
                <button data-testid="compare-make-plan" on:click=move |_| {
                    if make_plan(&c, &from.get_untracked(), &to.get_untracked()).is_some() {
                        c.view.set(View::Plan);
                    }
                }>
                    {move || c.t(K::MakePlan)}
                </button>
            </p>
            <h2 id="compare-metrics-title">{move || c.t(K::MetricsTitle)}</h2>
            {move || result.get().map(|(d, before, after)| {
                let lang = c.lang.get();
                let principle = |id: &str| c.session.with(|s| {
                    s.wb.principles.iter().find(|p| p.id == id).map(|p| p.name.get(lang).to_string()).unwrap_or_default()
                });
                view! {
                    // Focusable, and so named (by the heading above it): on a phone it scrolls
                    // sideways in its frame, and the keys must reach what is out of sight there.
                    <table class="plain" data-testid="compare-metrics" tabindex="0" aria-labelledby="compare-metrics-title">
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
                                        <th scope="row">{move || c.t(i18n::metric(m.id))}</th>
                                        <td class="num">{format!("{:.2}", m.before)} " " <span class=status_class(b.status)>{i18n::status(b.status).get(lang)}</span></td>
                                        <td class="num">{format!("{:.2}", m.after)} " " <span class=status_class(a.status)>{i18n::status(a.status).get(lang)}</span></td>
                                        <td class="num" class:good=m.improved>{format!("{:+.2} ", m.after - m.before)} {key.get(lang)}</td>
                                        <td class="num">{band}</td>
                                        <td>{principle(m.id.addresses())}</td>
                                        <td>{i18n::reading(m.id, m.after, lang)}</td>
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
                        Some(Change::Changed { fields, .. }) => ("changed", "~", fields.iter().map(|f| i18n::cell_field(*f).get(lang)).collect::<Vec<_>>().join(", ")),
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
                // Focusable and named like the metrics' table: it scrolls sideways on a phone.
                <table class="plain diff-matrix" data-testid="diff-matrix" tabindex="0" aria-label=K::DiffMatrixTitle.get(lang)>
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
