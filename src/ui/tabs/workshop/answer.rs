//! This device's answer to a round: a name (unless anonymous), then one subject at a time as
//! cards, one per object, each with a role to choose and a one-line reason; sent back as an
//! answer file or copied as text. Native selects, so it works by touch, keyboard and screen
//! reader alike, and on a phone without scrolling the page sideways.

use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::model::{Answer, Choice, Id, Lang, Question};
use crate::core::workshop::{answer_file, dots_left, new_answer};
use crate::i18n::K;
use crate::ui::actions::token;
use crate::ui::export::{copy_text, download, file_stem};
use crate::ui::session::{ctx, now};
use crate::ui::widgets::focus_in_place;

/// The select's value for "no role" (ids never contain ':').
const NO_ROLE: &str = ":none";

/// What the participant sees of the round: the question and their answer.
#[derive(Clone, PartialEq)]
struct Mine {
    question: Question,
    anonymous: bool,
    answer: Option<Answer>,
}

/// The value of a cell's select: "" unanswered, `NO_ROLE`, or the role id.
fn choice_value(a: &Answer, s: &str, o: &str) -> String {
    match a.cells.get(s).and_then(|row| row.get(o)) {
        None => String::new(),
        Some(None) => NO_ROLE.into(),
        Some(Some(r)) => r.clone(),
    }
}

/// One object's card for the current subject.
#[component]
fn AnswerCard(round: Id, subject: Id, object: usize, mine: Memo<Option<Mine>>) -> impl IntoView {
    let c = ctx();
    let (r1, s1) = (round.clone(), subject.clone());
    let read = move |f: &dyn Fn(&Mine, &Id) -> String| {
        mine.with(|m| {
            m.as_ref()
                .and_then(|m| m.question.objects.get(object).map(|o| f(m, &o.id)))
                .unwrap_or_default()
        })
    };
    let oid = move || read(&|_, o| o.clone());
    let name = move || {
        read(&|m, _| {
            m.question.objects[object]
                .name
                .get(c.lang.get())
                .to_string()
        })
    };
    let value = Memo::new(move |_| {
        read(&|m, o| {
            m.answer
                .as_ref()
                .map(|a| choice_value(a, &s1, o))
                .unwrap_or_default()
        })
    });
    let s2 = subject.clone();
    let reason = move || {
        read(&|m, o| {
            m.answer
                .as_ref()
                .and_then(|a| a.reasons.get(&s2)?.get(o).cloned())
                .unwrap_or_default()
        })
    };
    let roles = move || {
        mine.with(|m| {
            m.as_ref()
                .map(|m| m.question.roles.clone())
                .unwrap_or_default()
        })
    };
    let s3 = subject.clone();
    let pick = move |v: String| {
        let choice = match v.as_str() {
            "" => None,
            NO_ROLE => Some(None),
            r => Some(Some(r.to_string())),
        };
        let _ = c.dispatch(Command::EditAnswer {
            round: r1.clone(),
            subject: s3.clone(),
            object: oid(),
            choice,
        });
    };
    let say_reason = move |v: String| {
        let _ = c.dispatch(Command::SetReason {
            round: round.clone(),
            subject: subject.clone(),
            object: oid(),
            reason: v,
        });
    };
    let id = move || format!("answer-{}", oid());
    view! {
        <li class="answer-card" data-testid=id>
            <label class="field">
                <span>{name}</span>
                <select data-testid=move || format!("{}-role", id()) prop:value=move || value.get() on:change=move |e| pick(event_target_value(&e))>
                    <option value="">{move || c.t(K::NotAnswered)}</option>
                    {move || {
                        let lang = c.lang.get();
                        roles().into_iter().map(|r| {
                            let label = format!("{} · {}", r.letter.get(lang), r.name.get(lang));
                            view! { <option value=r.id.clone() selected=move || value.with(|v| *v == r.id)>{label}</option> }
                        }).collect_view()
                    }}
                    <option value=NO_ROLE selected=move || value.with(|v| v == NO_ROLE)>{move || c.t(K::NoRole)}</option>
                </select>
            </label>
            <label class="field">
                <span>{move || c.t(K::Reason)}</span>
                <input type="text" maxlength="300" data-testid=move || format!("{}-reason", id()) prop:value=reason
                    on:input=move |e| say_reason(event_target_value(&e)) on:blur=move |_| c.seal()/>
            </label>
        </li>
    }
}

/// The subject navigator: a select of subjects and previous/next buttons.
#[component]
fn SubjectNav(at: RwSignal<usize>, mine: Memo<Option<Mine>>) -> impl IntoView {
    let c = ctx();
    let count = move || mine.with(|m| m.as_ref().map_or(0, |m| m.question.subjects.len()));
    let names = move |lang: Lang| {
        mine.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.question
                        .subjects
                        .iter()
                        .map(|s| s.name.get(lang).to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="row subject-nav">
            <button data-testid="answer-prev" disabled=move || at.get() == 0 on:click=move |_| at.update(|i| *i = i.saturating_sub(1))>
                {move || c.t(K::PreviousSubject)}
            </button>
            <label class="picker">
                <span class="sr-only">{move || c.t(K::Subject)}</span>
                <select data-testid="answer-subject" prop:value=move || at.get().to_string()
                    on:change=move |e| at.set(event_target_value(&e).parse().unwrap_or(0))>
                    {move || names(c.lang.get()).into_iter().enumerate().map(|(i, n)| {
                        view! { <option value=i.to_string() selected=move || at.get() == i>{format!("{} / {} · {n}", i + 1, count())}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button data-testid="answer-next" disabled=move || { at.get() + 1 >= count() } on:click=move |_| at.update(|i| *i += 1)>
                {move || c.t(K::NextSubject)}
            </button>
        </div>
    }
}

/// One step of the vote: its dots and the buttons that give or take one.
#[component]
fn VoteStep(
    step: Choice,
    given: impl Fn(&Id) -> u32 + Copy + Send + Sync + 'static,
    set: impl Fn(Id, u32) + Copy + Send + Sync + 'static,
    left: impl Fn() -> u32 + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let sid = step.id.clone();
    let id = StoredValue::new(step.id);
    let name = StoredValue::new(step.name);
    let title = move || name.with_value(|n| n.get(c.lang.get()).to_string());
    let n = move || id.with_value(|id| given(id));
    view! {
        <li class="vote-step">
            <span class="dots" data-testid=format!("vote-count-{sid}")>{move || format!("● {}", n())}</span>
            <button data-testid=format!("vote-less-{sid}") aria-label=move || c.tf(K::VoteTake, &[("name", &title())])
                disabled=move || n() == 0 on:click=move |_| set(id.get_value(), n().saturating_sub(1))>"−"</button>
            <button data-testid=format!("vote-more-{sid}") aria-label=move || c.tf(K::VoteGive, &[("name", &title())])
                disabled=move || left() == 0 on:click=move |_| set(id.get_value(), n() + 1)>"+"</button>
            <span>{title}</span>
        </li>
    }
}

/// Scrolls this device's answer to the top of the screen and puts the focus on its first
/// control (start, or the name): a participant who opened a round on a phone lands on what
/// they came for, not on the round's title and sharing above it.
fn bring_into_view() {
    request_animation_frame(|| {
        let Ok(Some(part)) = document().query_selector(".round-part:has([data-testid=my-answer])")
        else {
            return;
        };
        part.scroll_into_view();
        focus_in_place("[data-testid=my-answer] :is(button, input)");
    });
}

/// The dots of this device's answer, when the round votes on a plan: each step with its dots
/// and buttons to give or take one, within the dots the round allows.
#[component]
fn MyVotes(round: StoredValue<Id>, mine: Memo<Option<Mine>>) -> impl IntoView {
    let c = ctx();
    let dots = move || mine.with(|m| m.as_ref().map_or(0, |m| m.question.dots));
    let left = move || {
        mine.with(|m| {
            m.as_ref()
                .and_then(|m| Some(dots_left(&m.question, m.answer.as_ref()?)))
                .unwrap_or(0)
        })
    };
    let given = move |step: &Id| {
        mine.with(|m| {
            m.as_ref()
                .and_then(|m| m.answer.as_ref()?.votes.get(step).copied())
                .unwrap_or(0)
        })
    };
    let set = move |step: Id, dots: u32| {
        let _ = c.dispatch(Command::SetVote {
            round: round.get_value(),
            step,
            dots,
        });
    };
    // A memo: giving a dot or answering a cell changes `mine`, not the steps, and must not
    // draw the list again.
    let steps = Memo::new(move |_| {
        mine.with(|m| {
            m.as_ref()
                .map(|m| m.question.steps.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || { dots() > 0 }>
            <fieldset class="my-votes" data-testid="my-votes">
                <legend data-testid="votes-left">
                    {move || c.tf(K::VoteTitle, &[("dots", &dots().to_string()), ("left", &left().to_string())])}
                </legend>
                <ul>
                    {move || steps.get().into_iter().map(|s| view! { <VoteStep step=s given=given set=set left=left/> }).collect_view()}
                </ul>
            </fieldset>
        </Show>
    }
}

/// This device's answer to round `id`.
#[component]
pub fn MyAnswer(id: Id) -> impl IntoView {
    let c = ctx();
    if c.to_answer.get_untracked().as_ref() == Some(&id) {
        c.to_answer.set(None);
        bring_into_view();
    }
    let key = StoredValue::new(id);
    let mine = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.round(&key.get_value()).map(|r| Mine {
                question: r.question.clone(),
                anonymous: r.anonymous,
                answer: r.mine.clone(),
            })
        })
    });
    let at = RwSignal::new(0usize);
    let started = move || mine.with(|m| m.as_ref().is_some_and(|m| m.answer.is_some()));
    let start = move |_| {
        let Some(m) = mine.get_untracked() else {
            return;
        };
        let answer = new_answer(&m.question, format!("answer-{}", token()), now());
        let _ = c.dispatch(Command::SetMine {
            round: key.get_value(),
            answer: Some(answer),
        });
    };
    let progress = move || {
        mine.with(|m| {
            let Some(m) = m else { return String::new() };
            let total = m.question.subjects.len() * m.question.objects.len();
            let done = m
                .answer
                .as_ref()
                .map_or(0, |a| a.cells.values().map(|r| r.len()).sum());
            c.tf(
                K::AnsweredOf,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            )
        })
    };
    let send = move |copy: bool| {
        let round = c
            .session
            .with_untracked(|s| s.wb.round(&key.get_value()).cloned());
        let Some(r) = round else { return };
        let Some(mut a) = r.mine.clone() else { return };
        // The time it was sent: when the same person sends again, the newer one is kept.
        a.submitted = now();
        let text = answer_file(&r, &a);
        if copy {
            copy_text(c, text);
        } else {
            let who = if a.participant.trim().is_empty() || r.anonymous {
                "answer".to_string()
            } else {
                a.participant.clone()
            };
            let stem = file_stem(r.name.get(c.lang.get_untracked()), &who);
            download(
                &format!("{stem}.cogovern-answer.json"),
                "application/json",
                &text,
            );
        }
    };
    let subject = Memo::new(move |_| {
        mine.with(|m| {
            m.as_ref()
                .and_then(|m| m.question.subjects.get(at.get()).map(|s| s.id.clone()))
        })
    });
    let objects = move || mine.with(|m| m.as_ref().map_or(0, |m| m.question.objects.len()));
    view! {
        <div class="my-answer" data-testid="my-answer">
            <Show when=started fallback=move || view! {
                <p>{move || c.t(K::AnswerHelp)}</p>
                <button data-testid="answer-start" on:click=start>{move || c.t(K::AnswerStart)}</button>
            }>
                <Show when=move || mine.with(|m| m.as_ref().is_some_and(|m| !m.anonymous))>
                    <label class="field">
                        <span>{move || c.t(K::YourName)}</span>
                        <input type="text" maxlength="100" data-testid="answer-name"
                            prop:value=move || mine.with(|m| m.as_ref().and_then(|m| m.answer.as_ref()).map(|a| a.participant.clone()).unwrap_or_default())
                            on:input=move |e| { let _ = c.dispatch(Command::SetParticipant { round: key.get_value(), name: event_target_value(&e) }); }
                            on:blur=move |_| c.seal()/>
                    </label>
                </Show>
                <SubjectNav at=at mine=mine/>
                <p class="muted" data-testid="answer-progress" aria-live="polite">{progress}</p>
                <ul class="answer-cards">
                    {move || subject.get().map(|s| (0..objects()).map(|o| {
                        view! { <AnswerCard round=key.get_value() subject=s.clone() object=o mine=mine/> }
                    }).collect_view())}
                </ul>
                <MyVotes round=key mine=mine/>
                <div class="row">
                    <button data-testid="answer-download" on:click=move |_| send(false)>{move || c.t(K::AnswerDownload)}</button>
                    <button data-testid="answer-copy" on:click=move |_| send(true)>{move || c.t(K::AnswerCopy)}</button>
                    <button data-testid="answer-discard" on:click=move |_| {
                        let _ = c.dispatch(Command::SetMine { round: key.get_value(), answer: None });
                    }>{move || c.t(K::AnswerDiscard)}</button>
                </div>
            </Show>
        </div>
    }
}
