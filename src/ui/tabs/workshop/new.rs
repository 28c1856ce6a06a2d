//! Starting a round: its title, the model it starts from, which subjects, objects and roles
//! it asks about, whether answers start blank or from the model's cells, and anonymity.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::commands::{Command, Entity};
use crate::core::model::{Id, Text};
use crate::core::workshop::{new_round, vote_on};
use crate::i18n::K;
use crate::ui::actions::token;
use crate::ui::session::ctx;
use crate::ui::widgets::ModelSelect;

/// Which list a checkbox group chooses from.
#[derive(Clone, Copy, PartialEq)]
enum List {
    Subjects,
    Objects,
    Roles,
}

/// A group of checkboxes, one per item of `list`; unticked ids are kept in `left_out`, so
/// items added later are asked about unless the facilitator unticks them.
#[component]
fn Pick(list: List, legend: K, left_out: RwSignal<HashSet<Id>>) -> impl IntoView {
    let c = ctx();
    let items = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            let wb = &s.wb;
            let named = |id: &Id, name: &Text| (id.clone(), name.get(lang).to_string());
            match list {
                List::Subjects => wb
                    .subjects
                    .iter()
                    .map(|x| named(&x.id, &x.name))
                    .collect::<Vec<_>>(),
                List::Objects => wb.objects.iter().map(|x| named(&x.id, &x.name)).collect(),
                List::Roles => wb.roles.iter().map(|x| named(&x.id, &x.name)).collect(),
            }
        })
    });
    view! {
        <fieldset class="field pick">
            <legend>{move || c.t(legend)}</legend>
            {move || items.get().into_iter().map(|(id, name)| {
                let key = id.clone();
                view! {
                    <label class="check">
                        <input type="checkbox" data-testid=format!("pick-{id}")
                            prop:checked=move || !left_out.with(|l| l.contains(&key))
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                left_out.update(|l| { if on { l.remove(&id); } else { l.insert(id.clone()); } });
                            }/>
                        {name}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Whether the round also votes on a plan's steps, and with how many dots each.
#[component]
fn VotePick(vote: RwSignal<String>, dots: RwSignal<u32>) -> impl IntoView {
    let c = ctx();
    let plans = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.plans
                .iter()
                .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="row vote-pick">
            <label class="field">
                <span>{move || c.t(K::VotePlan)}</span>
                <select data-testid="new-round-vote" prop:value=move || vote.get() on:change=move |e| vote.set(event_target_value(&e))>
                    <option value="">{move || c.t(K::VoteNone)}</option>
                    {move || plans().into_iter().map(|(id, name)| view! { <option value=id.clone() selected=move || vote.get() == id>{name}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || !vote.with(String::is_empty)>
                <label class="field">
                    <span>{move || c.t(K::VoteDots)}</span>
                    <input type="number" min="1" max="20" data-testid="new-round-dots" prop:value=move || dots.get().to_string()
                        on:change=move |e| {
                            if let Ok(n) = event_target_value(&e).trim().parse::<u32>() {
                                dots.set(n.clamp(1, 20));
                            }
                        }/>
                </label>
            </Show>
        </div>
    }
}

/// The form that starts a round; `on_made` gets the new round's id.
#[component]
pub fn NewRound(on_made: Callback<Id>) -> impl IntoView {
    let c = ctx();
    let model = RwSignal::new(c.session.with_untracked(|s| s.model.clone()));
    let name = RwSignal::new(String::new());
    let from_model = RwSignal::new(false);
    let anonymous = RwSignal::new(false);
    let vote = RwSignal::new(String::new());
    let dots = RwSignal::new(3u32);
    let left_out = [(); 3].map(|_| RwSignal::new(HashSet::<Id>::new()));
    let make = move |_| {
        let lang = c.lang.get_untracked();
        let typed = name.get_untracked();
        let title = if typed.trim().is_empty() {
            c.t_untracked(K::RoundDefaultName)
        } else {
            typed
        };
        let made = c.session.with_untracked(|s| {
            let wb = &s.wb;
            let keep = |ids: Vec<&Id>, i: usize| -> Vec<Id> {
                ids.into_iter()
                    .filter(|id| !left_out[i].with_untracked(|l| l.contains(*id)))
                    .cloned()
                    .collect()
            };
            let subjects = keep(wb.subjects.iter().map(|x| &x.id).collect(), 0);
            let objects = keep(wb.objects.iter().map(|x| &x.id).collect(), 1);
            let roles = keep(wb.roles.iter().map(|x| &x.id).collect(), 2);
            let m = wb.model(&model.get_untracked())?;
            let mut text = Text::default();
            *text.raw_mut(lang) = title;
            let id = format!("round-{}", token());
            let start = from_model.get_untracked().then_some(m);
            let mut r = new_round(
                wb,
                id,
                text,
                [&subjects, &objects, &roles],
                start,
                anonymous.get_untracked(),
            );
            r.model = Some(m.id.clone());
            if let Some(p) = wb.plan(&vote.get_untracked()) {
                vote_on(&mut r, p, dots.get_untracked());
            }
            (!subjects.is_empty() && !objects.is_empty() && !roles.is_empty())
                .then_some((r, wb.rounds.len()))
        });
        let Some((round, index)) = made else {
            c.say(c.t_untracked(K::RoundNeedsChoices), true);
            return;
        };
        let id = round.id.clone();
        let cmd = Command::Insert {
            index,
            entity: Entity::Round(round),
            refs: Default::default(),
        };
        if c.dispatch(cmd).is_ok() {
            name.set(String::new());
            on_made.run(id);
        }
    };
    view! {
        <div class="new-round-form" data-testid="new-round-form">
            <label class="field">
                <span>{move || c.t(K::RoundTitle)}</span>
                <input type="text" data-testid="new-round-name" prop:value=move || name.get()
                    placeholder=move || c.t(K::RoundDefaultName)
                    on:input=move |e| name.set(event_target_value(&e))/>
            </label>
            <ModelSelect label=K::RoundFromModel testid="new-round-model" value=model pick=Callback::new(move |id| model.set(id))/>
            <label class="check">
                <input type="checkbox" data-testid="new-round-start" prop:checked=move || from_model.get()
                    on:change=move |e| from_model.set(event_target_checked(&e))/>
                {move || c.t(K::RoundStartFromModel)}
            </label>
            <label class="check">
                <input type="checkbox" data-testid="new-round-anonymous" prop:checked=move || anonymous.get()
                    on:change=move |e| anonymous.set(event_target_checked(&e))/>
                {move || c.t(K::RoundAnonymous)}
            </label>
            <Pick list=List::Subjects legend=K::RoundSubjects left_out=left_out[0]/>
            <Pick list=List::Objects legend=K::RoundObjects left_out=left_out[1]/>
            <Pick list=List::Roles legend=K::RoundRoles left_out=left_out[2]/>
            <VotePick vote=vote dots=dots/>
            <button data-testid="new-round-make" on:click=make>{move || c.t(K::RoundMake)}</button>
        </div>
    }
}
