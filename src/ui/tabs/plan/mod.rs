//! The transition plan view: generate a plan from two models, then edit its steps (owner,
//! priority, target date, status, notes, order), add steps by hand, and export or print it.

mod sheet;
mod step;

use leptos::prelude::*;

use crate::core::model::{Id, Lang};
use crate::core::plan::Words;
use crate::i18n::{self, K};
use crate::ui::actions::make_plan;
use crate::ui::session::ctx;
use crate::ui::widgets::{chosen_or_newest, ItemPicker, ModelSelect};
use sheet::PlanSheet;

/// The export words in `lang`, from the translation table.
pub(super) fn words(lang: Lang) -> Words {
    let t = |k: K| k.get(lang).to_string();
    Words {
        from_to: t(K::PlanFromTo),
        general: t(K::GeneralSteps),
        columns: [
            K::StepTitle,
            K::Subject,
            K::Owner,
            K::Priority,
            K::TargetDate,
            K::StepStatusLabel,
            K::Notes,
        ]
        .map(t),
        priorities: i18n::PRIORITIES.map(|p| t(p.1)),
        statuses: i18n::STEP_STATUSES.map(|s| t(s.1)),
        unset: t(K::Unset),
    }
}

/// The plans of the workbook, one shown at a time.
#[component]
pub fn PlanView() -> impl IntoView {
    let c = ctx();
    let chosen = RwSignal::new(None::<Id>);
    // The newest plan unless another is chosen: a plan just made from Compare shows at once.
    let (plans, shown) = chosen_or_newest(
        |wb, lang| {
            wb.plans
                .iter()
                .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
                .collect()
        },
        chosen,
    );
    let (first, last) = c.session.with_untracked(|s| {
        (
            s.wb.models
                .first()
                .map(|m| m.id.clone())
                .unwrap_or_default(),
            s.wb.models.last().map(|m| m.id.clone()).unwrap_or_default(),
        )
    });
    let from = RwSignal::new(first);
    let to = RwSignal::new(last);
    view! {
        <div class="plan-view">
            <div class="row no-print">
                <ItemPicker label=K::KindPlan testid="plan-picker" items=plans shown=shown chosen=chosen/>
            </div>
            <details class="generate no-print" open=move || plans.with(Vec::is_empty)>
                <summary>{move || c.t(K::GeneratePlan)}</summary>
                <p class="muted">{move || c.t(K::GeneratePlanHelp)}</p>
                <ModelSelect label=K::CompareFrom testid="plan-from" value=from pick=Callback::new(move |id| from.set(id))/>
                <ModelSelect label=K::CompareTo testid="plan-to" value=to pick=Callback::new(move |id| to.set(id))/>
                <button data-testid="plan-generate" on:click=move |_| {
                    if let Some(id) = make_plan(&c, &from.get_untracked(), &to.get_untracked()) {
                        chosen.set(Some(id));
                    }
                }>
                    {move || c.t(K::Generate)}
                </button>
            </details>
            {move || match shown.get() {
                Some(id) => view! { <PlanSheet id=id/> }.into_any(),
                None => view! { <p class="muted" data-testid="no-plan">{move || c.t(K::NoPlan)}</p> }.into_any(),
            }}
        </div>
    }
}
