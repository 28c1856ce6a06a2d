//! One plan: its heading, names and exports, and its steps grouped by the subject who acts.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::core::commands::{Command, EntityKind, TextField};
use crate::core::model::{Id, Lang, Plan, PlanStep, Priority, StepStatus, Text};
use crate::core::order;
use crate::core::plan::{groups, markdown, plan_csv, sort_by_votes, vote_totals};
use crate::i18n::{self, K};
use crate::ui::export::{download, file_stem};
use crate::ui::session::ctx;
use crate::ui::tabs::plan::step::StepRow;
use crate::ui::tabs::plan::words;
use crate::ui::widgets::{focus_after_frame, testid, DeleteButton};

/// One plan: heading, exports, and its steps grouped by subject.
#[component]
pub fn PlanSheet(id: Id) -> impl IntoView {
    let c = ctx();
    let plan = {
        let id = id.clone();
        Memo::new(move |_| c.session.with(|s| s.wb.plan(&id).cloned()))
    };
    // Each step by id, so a row finds its step in constant time whatever the plan's length.
    let steps = Memo::new(move |_| {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.steps.iter().map(|x| (x.id.clone(), x.clone())))
                .collect::<HashMap<Id, PlanStep>>()
        })
    });
    // Dots per step (show of hands and the answers of rounds that vote on the plan).
    let totals = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| c.session.with(|s| vote_totals(&s.wb, p)))
                .unwrap_or_default()
        })
    });
    // Group keys and step ids only: a step's edit re-renders that step, not the sheet.
    let layout = Memo::new(move |_| {
        plan.with(|p| {
            let Some(p) = p else { return vec![] };
            c.session.with(|s| {
                groups(&s.wb, p)
                    .into_iter()
                    .map(|(g, steps)| (g, steps.iter().map(|x| x.id.clone()).collect::<Vec<Id>>()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let from_to = move || {
        let lang = c.lang.get();
        plan.with(|p| {
            let p = p.as_ref()?;
            c.session.with(|s| {
                let name = |m: &str| {
                    s.wb.model(m)
                        .map(|x| x.name.get(lang).to_string())
                        .unwrap_or_else(|| K::DeletedModel.get(lang).to_string())
                };
                Some(i18n::tr(
                    lang,
                    K::PlanFromTo,
                    &[("from", &name(&p.from)), ("to", &name(&p.to))],
                ))
            })
        })
    };
    let export = move |csv: bool| {
        let lang = c.lang.get_untracked();
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let text = c.session.with_untracked(|s| {
            if csv {
                plan_csv(&s.wb, &p, lang, &words(lang))
            } else {
                markdown(&s.wb, &p, lang, &words(lang))
            }
        });
        let stem = file_stem(p.name.get(lang), "plan");
        let (name, mime) = if csv {
            (format!("{stem}.csv"), "text/csv;charset=utf-8")
        } else {
            (format!("{stem}.md"), "text/markdown;charset=utf-8")
        };
        download(&name, mime, &text);
    };
    let id_name = id.clone();
    let name_input = move |lang: Lang, label: K| {
        let id = id_name.clone();
        view! {
            <label class="field">
                <span>{move || c.t(label)}</span>
                <input
                    type="text"
                    data-testid=format!("plan-name-{}", lang.tag())
                    prop:value=move || plan.with(|p| p.as_ref().map(|p| p.name.raw(lang).to_string()).unwrap_or_default())
                    on:input=move |e| {
                        let _ = c.dispatch(Command::SetText {
                            kind: EntityKind::Plan,
                            id: id.clone(),
                            field: TextField::Name,
                            lang,
                            value: event_target_value(&e),
                        });
                    }
                    on:blur=move |_| c.seal()
                />
            </label>
        }
    };
    let id_add = id.clone();
    view! {
        <section class="plan" data-testid=format!("plan-{id}")>
            <h2 data-testid="plan-title">{move || { let lang = c.lang.get(); plan.with(|p| p.as_ref().map(|p| p.name.get(lang).to_string()).unwrap_or_default()) }}</h2>
            <p data-testid="plan-from-to">{from_to}</p>
            <div class="row names no-print">
                {name_input(Lang::En, K::NameEn)}
                {name_input(Lang::Zh, K::NameZh)}
            </div>
            <div class="row export no-print">
                <button data-testid="export-plan-md" on:click=move |_| export(false)>{move || c.t(K::ExportMarkdown)}</button>
                <button data-testid="export-plan-csv" on:click=move |_| export(true)>{move || c.t(K::ExportCsv)}</button>
                <button data-testid="print-plan" on:click=move |_| { let _ = window().print(); }>{move || c.t(K::PrintPlan)}</button>
                <DeleteButton kind=EntityKind::Plan id=id.clone()/>
            </div>
            <VoteRanking plan=plan totals=totals/>
            <For each=move || layout.get() key=|g| g.clone() let:group>
                <StepGroup plan=id_add.clone() subject=group.0 steps=group.1 index=steps totals=totals/>
            </For>
            {
                let id = id.clone();
                move || {
                    let has_general = layout.with(|l| l.iter().any(|g| g.0.is_none()));
                    (!has_general).then(|| view! { <AddStep plan=id.clone() subject=None/> })
                }
            }
        </section>
    }
}

/// The steps that have dots, most first, and the button that orders the plan by them.
#[component]
fn VoteRanking(plan: Memo<Option<Plan>>, totals: Memo<BTreeMap<Id, u32>>) -> impl IntoView {
    let c = ctx();
    // Read twice (whether to show, and the list): worked out once per change.
    let ranked = Memo::new(move |_| {
        let lang = c.lang.get();
        let mut rows: Vec<(String, u32)> = plan.with(|p| {
            p.iter()
                .flat_map(|p| &p.steps)
                .map(|s| {
                    (
                        s.title.get(lang).to_string(),
                        totals.with(|t| t.get(&s.id).copied().unwrap_or(0)),
                    )
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        });
        order::sort_by_key(&mut rows, |(_, n)| std::cmp::Reverse(*n));
        rows
    });
    let sort = move |_| {
        let moves = plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| totals.with_untracked(|t| sort_by_votes(p, t)))
                .unwrap_or_default()
        });
        if !moves.is_empty() {
            let _ = c.dispatch(Command::Batch(moves));
        }
    };
    view! {
        <Show when=move || !ranked.with(Vec::is_empty)>
            <section class="vote-ranking" data-testid="vote-ranking" aria-labelledby="vote-ranking-title">
                <h3 id="vote-ranking-title">{move || c.t(K::VoteRanking)}</h3>
                <ol>
                    {move || ranked.get().into_iter().map(|(title, n)| view! {
                        <li><span class="dots">{format!("● {n}")}</span> " " {title}</li>
                    }).collect_view()}
                </ol>
                <button class="no-print" data-testid="sort-by-votes" on:click=sort>{move || c.t(K::SortByVotes)}</button>
            </section>
        </Show>
    }
}

/// The steps of one subject (or the general steps, `subject` = `None`).
#[component]
fn StepGroup(
    plan: Id,
    subject: Option<Id>,
    steps: Vec<Id>,
    index: Memo<HashMap<Id, PlanStep>>,
    totals: Memo<BTreeMap<Id, u32>>,
) -> impl IntoView {
    let c = ctx();
    let heading = {
        let subject = subject.clone();
        move || {
            let lang = c.lang.get();
            subject
                .as_ref()
                .and_then(|s| {
                    c.session
                        .with(|x| x.wb.subject(s).map(|x| x.name.get(lang).to_string()))
                })
                .unwrap_or_else(|| K::GeneralSteps.get(lang).to_string())
        }
    };
    let key = subject.clone().unwrap_or_else(|| "general".into());
    view! {
        <section class="step-group" data-testid=format!("group-{key}")>
            <h3>{heading}</h3>
            <ol class="steps">
                {steps.into_iter().map(|s| view! { <StepRow plan=plan.clone() step=s index=index totals=totals/> }).collect_view()}
            </ol>
            <AddStep plan=plan.clone() subject=subject/>
        </section>
    }
}

/// Adds a step by hand to a group.
#[component]
fn AddStep(plan: Id, subject: Option<Id>) -> impl IntoView {
    let c = ctx();
    let key = subject.clone().unwrap_or_else(|| "general".into());
    let add = move |_| {
        let (index, id) = c.session.with_untracked(|s| {
            let Some(p) = s.wb.plan(&plan) else {
                return (0, String::new());
            };
            // After the group's last step, or at the end.
            let index = p
                .steps
                .iter()
                .rposition(|x| x.subject == subject)
                .map_or(p.steps.len(), |i| i + 1);
            let id = (1..)
                .map(|n| format!("{}-manual-{n}", p.id))
                .find(|id| p.steps.iter().all(|x| &x.id != id))
                .unwrap_or_default();
            (index, id)
        });
        let step = PlanStep {
            id: id.clone(),
            subject: subject.clone(),
            object: None,
            change: None,
            title: Text::new(K::NewStep.get(Lang::En), K::NewStep.get(Lang::Zh)),
            owner: String::new(),
            priority: Priority::Medium,
            target: None,
            status: StepStatus::Planned,
            notes: String::new(),
            votes: 0,
        };
        if c.dispatch(Command::InsertStep {
            plan: plan.clone(),
            index,
            step,
        })
        .is_ok()
        {
            focus_after_frame(testid(&format!("step-title-{id}")));
        }
    };
    view! {
        <button class="no-print" data-testid=format!("add-step-{key}") on:click=add>{move || c.t(K::AddStep)}</button>
    }
}
