//! The transition plan view: generate a plan from two models, then edit its steps (owner,
//! priority, target date, status, notes, order), add steps by hand, and export or print it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::commands::{Command, Entity, EntityKind};
use crate::core::model::{Id, Lang, Plan, PlanStep, Priority, StepStatus, Text};
use crate::core::plan::{generate, groups, markdown, plan_csv, Words};
use crate::i18n::{self, K};
use crate::ui::session::{ctx, Ctx, View};

const PRIORITIES: [(Priority, K); 3] = [
    (Priority::High, K::PriorityHigh),
    (Priority::Medium, K::PriorityMedium),
    (Priority::Low, K::PriorityLow),
];
const STATUSES: [(StepStatus, K); 4] = [
    (StepStatus::Planned, K::StatusPlanned),
    (StepStatus::InProgress, K::StatusInProgress),
    (StepStatus::Done, K::StatusDone),
    (StepStatus::Blocked, K::StatusBlocked),
];

/// The export words in `lang`, from the translation table.
fn words(lang: Lang) -> Words {
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
        priorities: PRIORITIES.map(|p| t(p.1)),
        statuses: STATUSES.map(|s| t(s.1)),
        unset: t(K::Unset),
    }
}

/// Generates the plan from `from` to `to`, adds it to the workbook and shows it.
pub fn create_plan(c: &Ctx, from: &str, to: &str, shown: Option<RwSignal<Option<Id>>>) {
    let made = c.session.with_untracked(|s| {
        let (a, b) = (s.wb.model(from)?, s.wb.model(to)?);
        Some((
            generate(&s.wb, &s.wb.fresh_id("plan"), a, b),
            s.wb.plans.len(),
        ))
    });
    let Some((plan, index)) = made else { return };
    let id = plan.id.clone();
    let ok = c
        .dispatch(Command::Insert {
            index,
            entity: Entity::Plan(plan),
            refs: Default::default(),
        })
        .is_ok();
    if ok {
        if let Some(sig) = shown {
            sig.set(Some(id.clone()));
        }
        c.view.set(View::Plan);
    }
}

/// The plans of the workbook, one shown at a time.
#[component]
pub fn PlanView() -> impl IntoView {
    let c = ctx();
    let plans = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.plans
                .iter()
                .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(None::<Id>);
    // The chosen plan if it still exists, else the newest (a plan just made from Compare).
    let shown = Memo::new(move |_| {
        let list = plans.get();
        chosen
            .get()
            .filter(|id| list.iter().any(|p| &p.0 == id))
            .or_else(|| list.last().map(|p| p.0.clone()))
    });
    let models = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.model_names(lang))
    });
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
    let model_select = move |sig: RwSignal<Id>, label: K, testid: &'static str| {
        view! {
            <label class="picker">
                {move || c.t(label)} " "
                <select data-testid=testid prop:value=move || sig.get() on:change=move |e| sig.set(event_target_value(&e))>
                    {move || models.get().into_iter().map(|(id, name)| {
                        let selected = id == sig.get_untracked();
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <div class="plan-view">
            <div class="row no-print">
                <Show when=move || { plans.with(|p| p.len() > 1) }>
                    <label class="picker">
                        {move || c.t(K::KindPlan)} " "
                        <select data-testid="plan-picker" prop:value=move || shown.get().unwrap_or_default()
                            on:change=move |e| {
                                chosen.set(Some(event_target_value(&e)));
                            }>
                            {move || plans.get().into_iter().map(|(id, name)| {
                                let selected = Some(&id) == shown.get_untracked().as_ref();
                                view! { <option value=id selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
            </div>
            <details class="generate no-print" open=move || plans.with(Vec::is_empty)>
                <summary>{move || c.t(K::GeneratePlan)}</summary>
                <p class="muted">{move || c.t(K::GeneratePlanHelp)}</p>
                {model_select(from, K::CompareFrom, "plan-from")}
                {model_select(to, K::CompareTo, "plan-to")}
                <button data-testid="plan-generate" on:click=move |_| create_plan(&c, &from.get_untracked(), &to.get_untracked(), Some(chosen))>
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

/// One plan: heading, exports, and its steps grouped by subject.
#[component]
fn PlanSheet(id: Id) -> impl IntoView {
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
                .collect::<std::collections::HashMap<Id, PlanStep>>()
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
        let stem = crate::ui::diagram::file_stem(p.name.get(lang), "plan");
        let (name, mime) = if csv {
            (format!("{stem}.csv"), "text/csv;charset=utf-8")
        } else {
            (format!("{stem}.md"), "text/markdown;charset=utf-8")
        };
        crate::ui::file::download(&name, mime, &text);
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
                            field: crate::core::commands::TextField::Name,
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
                <crate::ui::panel::DeleteButton kind=EntityKind::Plan id=id.clone()/>
            </div>
            <For each=move || layout.get() key=|g| g.clone() let:group>
                <StepGroup plan=id_add.clone() subject=group.0 steps=group.1 index=steps/>
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

/// The steps of one subject (or the general steps, `subject` = `None`).
#[component]
fn StepGroup(
    plan: Id,
    subject: Option<Id>,
    steps: Vec<Id>,
    index: Memo<std::collections::HashMap<Id, PlanStep>>,
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
                {steps.into_iter().map(|s| view! { <StepRow plan=plan.clone() step=s index=index/> }).collect_view()}
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
        };
        if c.dispatch(Command::InsertStep {
            plan: plan.clone(),
            index,
            step,
        })
        .is_ok()
        {
            focus(&format!("step-title-{id}"));
        }
    };
    view! {
        <button class="no-print" data-testid=format!("add-step-{key}") on:click=add>{move || c.t(K::AddStep)}</button>
    }
}

/// Focuses the control `testid` once the change that creates or moves it has been drawn.
fn focus(testid: &str) {
    let selector = format!("[data-testid=\"{testid}\"]");
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Ok(Some(el)) = document().query_selector(&selector) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// A labelled select of one of `options`; values are the options' `Debug` names.
#[component]
fn Choice<T>(
    label: K,
    testid: String,
    options: &'static [(T, K)],
    #[prop(into)] current: Signal<Option<T>>,
    pick: impl Fn(T) + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static,
{
    let c = ctx();
    view! {
        <label class="field">
            <span>{move || c.t(label)}</span>
            <select
                data-testid=testid
                on:change=move |e| {
                    let v = event_target_value(&e);
                    if let Some((x, _)) = options.iter().find(|(x, _)| format!("{x:?}") == v) {
                        pick(*x);
                    }
                    c.seal();
                }
            >
                {options.iter().map(|(x, k)| {
                    let (x, k) = (*x, *k);
                    view! { <option value=format!("{x:?}") selected=move || current.get() == Some(x)>{move || c.t(k)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// One editable step.
#[component]
fn StepRow(
    plan: Id,
    step: Id,
    index: Memo<std::collections::HashMap<Id, PlanStep>>,
) -> impl IntoView {
    let c = ctx();
    let s2 = step.clone();
    let data = Memo::new(move |_| index.with(|m| m.get(&s2).cloned()));
    let edit = {
        let plan = plan.clone();
        move |f: &dyn Fn(&mut PlanStep)| {
            let Some(mut st) = data.get_untracked() else {
                return;
            };
            f(&mut st);
            let _ = c.dispatch(Command::SetStep {
                plan: plan.clone(),
                step: st,
            });
        }
    };
    // Up and down move within the step's group: to the place of its neighbour in the group.
    let shift = {
        let (plan, step) = (plan.clone(), step.clone());
        move |down: bool| {
            let to = c.session.with_untracked(|s| {
                let p: &Plan = s.wb.plan(&plan)?;
                let i = p.steps.iter().position(|x| x.id == step)?;
                let group = &p.steps[i].subject;
                let same = |j: &usize| &p.steps[*j].subject == group;
                if down {
                    (i + 1..p.steps.len()).find(same)
                } else {
                    (0..i).rev().find(same)
                }
            });
            if let Some(to) = to {
                let _ = c.dispatch(Command::MoveStep {
                    plan: plan.clone(),
                    step: step.clone(),
                    to,
                });
                focus(&format!(
                    "step-{}-{}",
                    if down { "down" } else { "up" },
                    step
                ));
            }
        }
    };
    let shift2 = shift.clone();
    let remove = {
        let (plan, step) = (plan.clone(), step.clone());
        move |_| {
            let _ = c.dispatch(Command::RemoveStep {
                plan: plan.clone(),
                step: step.clone(),
            });
        }
    };
    let title_of = move || {
        let lang = c.lang.get();
        data.with(|d| {
            d.as_ref()
                .map(|d| d.title.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    let (e1, e2, e3, e4, e5, e6) = (
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit,
    );
    let sid = step.clone();
    view! {
        <li class="step" data-testid=format!("plan-step-{sid}") class:done=move || data.with(|d| d.as_ref().is_some_and(|d| d.status == StepStatus::Done))>
            <label class="field title">
                <span class="sr-only">{move || c.t(K::StepTitle)}</span>
                <input
                    type="text"
                    data-testid=format!("step-title-{sid}")
                    prop:value=title_of
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        let lang = c.lang.get_untracked();
                        e1(&|st: &mut PlanStep| *st.title.raw_mut(lang) = v.clone());
                    }
                    on:blur=move |_| c.seal()
                />
            </label>
            <div class="step-fields">
                <label class="field">
                    <span>{move || c.t(K::Owner)}</span>
                    <input
                        type="text"
                        data-testid=format!("step-owner-{sid}")
                        placeholder=move || c.t(K::OwnerHint)
                        prop:value=move || data.with(|d| d.as_ref().map(|d| d.owner.clone()).unwrap_or_default())
                        on:input=move |e| {
                            let v = event_target_value(&e);
                            e2(&|st: &mut PlanStep| st.owner = v.clone());
                        }
                        on:blur=move |_| c.seal()
                    />
                </label>
                <Choice
                    label=K::Priority
                    testid=format!("step-priority-{sid}")
                    options=&PRIORITIES
                    current=Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.priority)))
                    pick=move |p| e3(&|st: &mut PlanStep| st.priority = p)
                />
                <label class="field">
                    <span>{move || c.t(K::TargetDate)}</span>
                    <input
                        type="date"
                        data-testid=format!("step-target-{sid}")
                        prop:value=move || data.with(|d| d.as_ref().and_then(|d| d.target).map(|t| t.to_string()).unwrap_or_default())
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            // The date picker gives YYYY-MM-DD or nothing; anything else is ignored.
                            let date = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
                            if date.is_some() || v.is_empty() {
                                e4(&|st: &mut PlanStep| st.target = date);
                                c.seal();
                            }
                        }
                    />
                </label>
                <Choice
                    label=K::StepStatusLabel
                    testid=format!("step-status-{sid}")
                    options=&STATUSES
                    current=Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.status)))
                    pick=move |x| e5(&|st: &mut PlanStep| st.status = x)
                />
                <label class="field notes">
                    <span>{move || c.t(K::Notes)}</span>
                    <textarea
                        rows="1"
                        data-testid=format!("step-notes-{sid}")
                        prop:value=move || data.with(|d| d.as_ref().map(|d| d.notes.clone()).unwrap_or_default())
                        on:input=move |e| {
                            let v = event_target_value(&e);
                            e6(&|st: &mut PlanStep| st.notes = v.clone());
                        }
                        on:blur=move |_| c.seal()
                    ></textarea>
                </label>
                <div class="row no-print">
                    <button data-testid=format!("step-up-{sid}") aria-label=move || c.tf(K::MoveUp, &[("name", &title_of())]) on:click=move |_| shift(false)>"↑"</button>
                    <button data-testid=format!("step-down-{sid}") aria-label=move || c.tf(K::MoveDown, &[("name", &title_of())]) on:click=move |_| shift2(true)>"↓"</button>
                    <button data-testid=format!("step-delete-{sid}") aria-label=move || c.tf(K::DeleteNamed, &[("name", &title_of())]) on:click=remove>"✕"</button>
                </div>
            </div>
        </li>
    }
}
