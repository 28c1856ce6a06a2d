//! Collecting answers: answer files chosen or dropped (many at once) or pasted, a report line
//! for each, and the list of collected answers, each of which can be left out, counted again
//! or removed (every change one undo step).

use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::model::Id;
use crate::core::workshop::{split_pasted, Outcome};
use crate::i18n::{self, K};
use crate::ui::actions::collect_answers;
use crate::ui::files::{files_of, read_files};
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::{focus_after_frame, testid};

/// One report line in the current language.
fn outcome_text(c: &Ctx, o: &Outcome) -> (String, bool) {
    let lang = c.lang.get();
    let who = |name: &str| {
        if name.is_empty() {
            K::Anonymous.get(lang).to_string()
        } else {
            name.to_string()
        }
    };
    let t = |k: K, name: &str| i18n::tr(lang, k, &[("name", &who(name))]);
    match o {
        Outcome::Added(n) => (t(K::CollectAdded, n), false),
        Outcome::Replaced(n) => (t(K::CollectReplaced, n), false),
        Outcome::Older(n) => (t(K::CollectOlder, n), true),
        Outcome::Same(n) => (t(K::CollectSame, n), true),
        Outcome::OtherRound(r) => (i18n::tr(lang, K::CollectOtherRound, &[("round", r)]), true),
        Outcome::EditedQuestion => (K::CollectEdited.get(lang).to_string(), true),
        Outcome::Damaged(e) => (
            i18n::tr(lang, K::CollectDamaged, &[("error", &e.to_string())]),
            true,
        ),
        Outcome::Full => (K::CollectFull.get(lang).to_string(), true),
    }
}

/// A collected answer as listed: id, participant, when sent, left out.
type Row = (Id, String, chrono::DateTime<chrono::Utc>, bool);

/// Up to this many "added" lines are listed among the others; more are counted in one line
/// that opens to their list, so that the files that need attention stand out (and a screen
/// reader does not read forty lines of "added" after a room's answers are dropped).
const ADDED_LISTED: usize = 10;

/// One report line: the file's name and what happened to it.
fn report_line(c: &Ctx, (name, o): (String, Outcome)) -> impl IntoView {
    let (text, warn) = outcome_text(c, &o);
    let name = if name.is_empty() {
        c.t_untracked(K::Pasted)
    } else {
        name
    };
    view! { <li class:warn=warn><strong>{name}</strong>": "{text}</li> }
}

/// The report of the last files offered to this round.
#[component]
fn Report(id: Id) -> impl IntoView {
    let c = ctx();
    let report = c.report;
    let key = StoredValue::new(id);
    let lines = move || {
        report.with(|r| {
            r.as_ref()
                .filter(|(round, _)| *round == key.get_value())
                .map(|(_, l)| l.clone())
        })
    };
    view! {
        {move || lines().map(|lines| {
            let added = |o: &Outcome| matches!(o, Outcome::Added(_));
            let fold = lines.iter().filter(|(_, o)| added(o)).count() > ADDED_LISTED;
            let (listed, folded): (Vec<_>, Vec<_>) = lines.into_iter().partition(|(_, o)| !fold || !added(o));
            view! {
                <div class="collect-report" role="status" data-testid="collect-report">
                    <h3>{move || c.t(K::CollectReport)}</h3>
                    <ul>{listed.into_iter().map(|l| report_line(&c, l)).collect_view()}</ul>
                    {fold.then(|| view! { <Folded lines=folded/> })}
                    <button data-testid="collect-report-close" on:click=move |_| report.set(None)>{move || c.t(K::Close)}</button>
                </div>
            }
        })}
    }
}

/// The "added" lines of a large report, counted in a line that opens to their list (drawn
/// only when opened).
#[component]
fn Folded(lines: Vec<(String, Outcome)>) -> impl IntoView {
    let c = ctx();
    let count = lines.len().to_string();
    let lines = StoredValue::new(lines);
    let open = RwSignal::new(false);
    view! {
        <details class="report-added" on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())>
            <summary data-testid="collect-report-added">{move || c.tf(K::CollectAddedMany, &[("count", &count)])}</summary>
            {move || open.get().then(|| view! {
                <ul>{lines.get_value().into_iter().map(|l| report_line(&c, l)).collect_view()}</ul>
            })}
        </details>
    }
}

/// Adding answers to round `id`, and the list of those collected.
#[component]
pub fn Collect(id: Id) -> impl IntoView {
    let c = ctx();
    let key = StoredValue::new(id.clone());
    let input = NodeRef::<leptos::html::Input>::new();
    let pasting = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.round(&key.get_value())
                .map(|r| {
                    r.answers
                        .iter()
                        .map(|a| {
                            (
                                a.answer.id.clone(),
                                a.answer.participant.clone(),
                                a.answer.submitted,
                                a.excluded,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let collect_pasted = move |_| {
        let files = split_pasted(&pasted.get_untracked(), &c.t_untracked(K::Pasted));
        collect_answers(&c, &key.get_value(), &files);
        pasted.set(String::new());
        pasting.set(false);
    };
    view! {
        <div class="collect" data-testid="collect">
            <p class="muted">{move || c.t(K::CollectHelp)}</p>
            <div class="row">
                <input type="file" multiple accept=".json,application/json" class="visually-hidden" tabindex="-1" aria-hidden="true"
                    data-testid="collect-input" node_ref=input
                    on:change=move |e| {
                        let el: web_sys::HtmlInputElement = event_target(&e);
                        if let Some(list) = el.files().map(|l| files_of(&l)).filter(|l| !l.is_empty()) {
                            leptos::task::spawn_local(async move {
                                let files = read_files(list).await;
                                collect_answers(&c, &key.get_value(), &files);
                            });
                        }
                        el.set_value("");
                    }/>
                <button data-testid="collect-files" on:click=move |_| { if let Some(i) = input.get() { i.click(); } }>
                    {move || c.t(K::CollectFiles)}
                </button>
                <button data-testid="collect-paste" aria-expanded=move || pasting.get().to_string() on:click=move |_| pasting.update(|p| *p = !*p)>
                    {move || c.t(K::CollectPaste)}
                </button>
            </div>
            <Show when=move || pasting.get()>
                <label class="field">
                    <span>{move || c.t(K::CollectPasteLabel)}</span>
                    <textarea rows="6" data-testid="collect-paste-text" prop:value=move || pasted.get()
                        on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                </label>
                <button data-testid="collect-paste-go" on:click=collect_pasted>{move || c.t(K::CollectGo)}</button>
            </Show>
            <Report id=id/>
            <AnswerList rows=rows round=key/>
        </div>
    }
}

/// How many answers are listed before "show all".
const LIST_FIRST: usize = 10;

/// The collected answers: who, when, counted or left out, remove. The first ten are listed
/// unless all are asked for: a room sends dozens, and the agreement below is what they are for.
#[component]
fn AnswerList(rows: Memo<Vec<Row>>, round: StoredValue<Id>) -> impl IntoView {
    let c = ctx();
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let all = RwSignal::new(false);
    let more = move || rows.with(Vec::len) > LIST_FIRST && !all.get();
    view! {
        <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="muted" data-testid="no-answers">{move || c.t(K::NoAnswers)}</p> }>
            <table class="plain answers" data-testid="answers">
                <caption>{move || c.tf(K::AnswersCount, &[("count", &rows.with(Vec::len).to_string())])}</caption>
                <thead><tr>
                    <th scope="col">{move || c.t(K::Participant)}</th>
                    <th scope="col">{move || c.t(K::Sent)}</th>
                    <th scope="col">{move || c.t(K::Counted)}</th>
                    <th scope="col"><span class="sr-only">{move || c.t(K::Delete)}</span></th>
                </tr></thead>
                <tbody>
                    // The rows are drawn anew on a change of language, so their words are plain text.
                    {move || rows.get().into_iter().take(if all.get() { usize::MAX } else { LIST_FIRST }).enumerate().map(|(i, (id, who, sent, excluded))| {
                        let who = if who.trim().is_empty() { c.tf(K::AnonymousN, &[("n", &(i + 1).to_string())]) } else { who };
                        let (a, b) = (id.clone(), id.clone());
                        let count = c.tf(K::CountAnswerOf, &[("name", &who)]);
                        let remove = c.tf(K::RemoveAnswer, &[("name", &who)]);
                        view! {
                            <tr data-testid=format!("answer-row-{id}") class:excluded=excluded>
                                <th scope="row">{who}</th>
                                <td>{i18n::date_time(sent, offset, c.lang.get())}</td>
                                <td><input type="checkbox" data-testid=format!("answer-counted-{id}") prop:checked=!excluded aria-label=count
                                    on:change=move |e| { let _ = c.dispatch(Command::SetExcluded { round: round.get_value(), answer: a.clone(), excluded: !event_target_checked(&e) }); }/></td>
                                <td><button data-testid=format!("answer-remove-{id}") aria-label=remove
                                    on:click=move |_| { let _ = c.dispatch(Command::RemoveAnswer { round: round.get_value(), answer: b.clone() }); }>"✕"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=more>
                <button data-testid="answers-all" on:click=move |_| {
                    all.set(true);
                    // The button goes: the focus moves on to the first answer it brought.
                    if let Some(id) = rows.with_untracked(|r| r.get(LIST_FIRST).map(|x| x.0.clone())) {
                        focus_after_frame(testid(&format!("answer-counted-{id}")));
                    }
                }>
                    {move || c.tf(K::AnswersShowAll, &[("count", &rows.with(Vec::len).to_string())])}
                </button>
            </Show>
        </Show>
    }
}
