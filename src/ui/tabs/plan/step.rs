//! One editable step of a plan: title, owner, priority, target date, status, notes, and its
//! place in its group.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::commands::{Command, Direction};
use crate::core::model::{Id, PlanStep, StepStatus};
use crate::core::plan::step_target;
use crate::i18n::{self, K};
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::{focus_after_frame, testid, Choice};

/// One step's data and the commands that change it; `Copy`, so every field's handler takes
/// it as it is.
#[derive(Clone, Copy)]
struct StepCtl {
    c: Ctx,
    plan: StoredValue<Id>,
    step: StoredValue<Id>,
    data: Memo<Option<PlanStep>>,
}

impl StepCtl {
    /// Applies `f` to a copy of the step, as one `SetStep` command.
    fn edit(&self, f: impl FnOnce(&mut PlanStep)) {
        let Some(mut st) = self.data.get_untracked() else {
            return;
        };
        f(&mut st);
        let plan = self.plan.get_value();
        let _ = self.c.dispatch(Command::SetStep { plan, step: st });
    }

    /// Moves the step within its group; the focus follows the button pressed.
    fn shift(&self, dir: Direction) {
        let (plan, step) = (self.plan.get_value(), self.step.get_value());
        let to = self
            .c
            .session
            .with_untracked(|s| step_target(s.wb.plan(&plan)?, &step, dir));
        let Some(to) = to else { return };
        let _ = self.c.dispatch(Command::MoveStep {
            plan,
            step: step.clone(),
            to,
        });
        let button = if dir == Direction::Down { "down" } else { "up" };
        focus_after_frame(testid(&format!("step-{button}-{step}")));
    }

    /// Deletes the step (one undo step).
    fn remove(&self) {
        let (plan, step) = (self.plan.get_value(), self.step.get_value());
        let _ = self.c.dispatch(Command::RemoveStep { plan, step });
    }

    /// A value of the step, or the default while it has none.
    fn read<T: Default>(&self, f: impl Fn(&PlanStep) -> T) -> T {
        self.data.with(|d| d.as_ref().map(f).unwrap_or_default())
    }
}

/// A step's dots: the total, and the show of hands counted up and down.
#[component]
fn Dots(ctl: StepCtl, totals: Memo<BTreeMap<Id, u32>>, title: Signal<String>) -> impl IntoView {
    let c = ctl.c;
    let sid = ctl.step.get_value();
    let key = ctl.step;
    let total = move || totals.with(|t| t.get(&key.get_value()).copied().unwrap_or(0));
    let hands = move || ctl.read(|d| d.votes);
    let named = move |k: K| c.tf(k, &[("name", &title.get())]);
    view! {
        <div class="dots-field" role="group" aria-label=move || c.t(K::Dots)>
            <span data-testid=format!("step-dots-{sid}")>
                {move || c.tf(K::DotsCount, &[("count", &total().to_string()), ("hands", &hands().to_string())])}
            </span>
            // Minus and plus stay side by side when the count's words wrap (a phone).
            <span class="stepper">
                <button class="no-print" data-testid=format!("step-dot-less-{sid}") aria-label=move || named(K::DotLess)
                    disabled=move || hands() == 0 on:click=move |_| ctl.edit(|st| st.votes = st.votes.saturating_sub(1))>"−"</button>
                <button class="no-print" data-testid=format!("step-dot-more-{sid}") aria-label=move || named(K::DotMore)
                    on:click=move |_| ctl.edit(|st| st.votes = st.votes.saturating_add(1))>"+"</button>
            </span>
        </div>
    }
}

/// A labelled text input or area of a step; `seal` ends its undo step when it loses focus.
fn text_field(
    ctl: StepCtl,
    (label, class, field): (K, &'static str, &'static str),
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(&mut PlanStep, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctl.c;
    let id = format!("step-{field}-{}", ctl.step.get_value());
    let on_input = move |e| {
        let v = event_target_value(&e);
        ctl.edit(|st| set(st, v));
    };
    let control = if field == "notes" {
        view! { <textarea rows="1" data-testid=id prop:value=value on:input=on_input on:blur=move |_| c.seal()></textarea> }
            .into_any()
    } else {
        view! { <input type="text" data-testid=id prop:value=value on:input=on_input on:blur=move |_| c.seal()/> }
            .into_any()
    };
    let hidden = field == "title";
    view! {
        <label class=class>
            <span class:sr-only=hidden>{move || c.t(label)}</span>
            {control}
        </label>
    }
}

/// One editable step.
#[component]
pub fn StepRow(
    /// The plan's id.
    plan: Id,
    /// The step's id.
    step: Id,
    /// Every step of the plan by id, so the row finds its own in constant time.
    index: Memo<HashMap<Id, PlanStep>>,
    /// Dots per step, show of hands and answers together.
    totals: Memo<BTreeMap<Id, u32>>,
) -> impl IntoView {
    let c = ctx();
    let s2 = step.clone();
    let data = Memo::new(move |_| index.with(|m| m.get(&s2).cloned()));
    let ctl = StepCtl {
        c,
        plan: StoredValue::new(plan),
        step: StoredValue::new(step.clone()),
        data,
    };
    let title = move || ctl.read(|d| d.title.get(c.lang.get()).to_string());
    let sid = step;
    let on_date = move |e| {
        let v = event_target_value(&e);
        // The date picker gives YYYY-MM-DD or nothing; anything else is ignored.
        let date = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
        if date.is_some() || v.is_empty() {
            ctl.edit(|st| st.target = date);
            c.seal();
        }
    };
    let named = move |k: K| c.tf(k, &[("name", &title())]);
    view! {
        <li class="step" data-testid=format!("plan-step-{sid}") class:done=move || ctl.read(|d| d.status == StepStatus::Done)>
            {text_field(ctl, (K::StepTitle, "field title", "title"), title, move |st, v| *st.title.raw_mut(c.lang.get_untracked()) = v)}
            <div class="step-fields">
                {text_field(ctl, (K::Owner, "field", "owner"), move || ctl.read(|d| d.owner.clone()), |st, v| st.owner = v)}
                <Choice
                    label=K::Priority
                    testid=format!("step-priority-{sid}")
                    options=&i18n::PRIORITIES
                    current=Signal::derive(move || ctl.read(|d| Some(d.priority)))
                    pick=move |p| ctl.edit(|st| st.priority = p)
                />
                <label class="field">
                    <span>{move || c.t(K::TargetDate)}</span>
                    <input type="date" data-testid=format!("step-target-{sid}") on:change=on_date
                        prop:value=move || ctl.read(|d| d.target.map(|t| t.to_string()).unwrap_or_default())/>
                </label>
                <Choice
                    label=K::StepStatusLabel
                    testid=format!("step-status-{sid}")
                    options=&i18n::STEP_STATUSES
                    current=Signal::derive(move || ctl.read(|d| Some(d.status)))
                    pick=move |x| ctl.edit(|st| st.status = x)
                />
                {text_field(ctl, (K::Notes, "field notes", "notes"), move || ctl.read(|d| d.notes.clone()), |st, v| st.notes = v)}
                <Dots ctl=ctl totals=totals title=Signal::derive(title)/>
                <div class="row no-print">
                    <button data-testid=format!("step-up-{sid}") aria-label=move || named(K::MoveUp) on:click=move |_| ctl.shift(Direction::Up)>"↑"</button>
                    <button data-testid=format!("step-down-{sid}") aria-label=move || named(K::MoveDown) on:click=move |_| ctl.shift(Direction::Down)>"↓"</button>
                    <button data-testid=format!("step-delete-{sid}") aria-label=move || named(K::DeleteNamed) on:click=move |_| ctl.remove()>"✕"</button>
                </div>
            </div>
        </li>
    }
}
