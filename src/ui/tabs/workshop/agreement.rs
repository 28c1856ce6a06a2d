//! Where the room agrees: alpha and kappa over the matrix, a heat map of disagreement (shade
//! and printed figures), each cell's split with the reasons given, the discussion queue with
//! decisions, the consensus model and the exports.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::commands::{Command, Entity};
use crate::core::model::{Decision, Id, Question, Text};
use crate::core::workshop::{
    self, agreement, category_name, consensus, queue, Agreement, QueueWords, Tally,
};
use crate::i18n::K;
use crate::ui::export::{download, file_stem};
use crate::ui::session::{ctx, Ctx};

/// The state the parts of the view share: the round's id, its question, the figures, its
/// decisions, and the cell whose details are open.
#[derive(Clone, Copy)]
struct View {
    c: Ctx,
    round: StoredValue<Id>,
    question: Memo<Option<Question>>,
    figures: Memo<Option<Agreement>>,
    decisions: Memo<BTreeMap<Id, BTreeMap<Id, Decision>>>,
    open: RwSignal<Option<(Id, Id)>>,
}

impl View {
    fn name(&self, subject: bool, id: &str) -> String {
        let lang = self.c.lang.get();
        self.question
            .with(|q| {
                let q = q.as_ref()?;
                let list = if subject { &q.subjects } else { &q.objects };
                list.iter()
                    .find(|x| x.id == id)
                    .map(|x| x.name.get(lang).to_string())
            })
            .unwrap_or_else(|| id.to_string())
    }

    fn category(&self, cat: &Option<Id>) -> String {
        let none = self.c.t(K::NoRole);
        self.question.with(|q| {
            q.as_ref()
                .map(|q| category_name(q, cat, self.c.lang.get(), &none))
                .unwrap_or_default()
        })
    }

    /// A category's badge letter ("–" for "no role"), for the heat map's small cells.
    fn letter(&self, cat: &Option<Id>) -> String {
        let lang = self.c.lang.get();
        self.question
            .with(|q| {
                let role = q
                    .as_ref()?
                    .roles
                    .iter()
                    .find(|r| Some(&r.id) == cat.as_ref())?;
                Some(role.letter.get(lang).to_string())
            })
            .unwrap_or_else(|| "–".into())
    }

    fn tally(&self, s: &str, o: &str) -> Tally {
        self.figures.with(|f| {
            f.as_ref()
                .and_then(|f| f.cells.get(&(s.to_string(), o.to_string())).cloned())
                .unwrap_or_default()
        })
    }

    /// "M 3 · A 2": the split of a cell in words.
    fn split(&self, t: &Tally) -> String {
        t.counts
            .iter()
            .map(|(cat, k)| format!("{} {k}", self.category(cat)))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// A statistic to three decimals, or "n/a".
fn figure(c: &Ctx, x: Option<f64>) -> String {
    x.map_or_else(|| c.t(K::NotAvailable), |x| format!("{x:.3}"))
}

fn percent(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// The figures, heat map, details, queue, consensus and exports of round `id`.
#[component]
pub fn AgreementView(id: Id) -> impl IntoView {
    let c = ctx();
    let round = StoredValue::new(id);
    let v = View {
        c,
        round,
        question: Memo::new(move |_| {
            c.session
                .with(|s| s.wb.round(&round.get_value()).map(|r| r.question.clone()))
        }),
        figures: Memo::new(move |_| {
            c.session
                .with(|s| s.wb.round(&round.get_value()).map(agreement))
        }),
        decisions: Memo::new(move |_| {
            c.session.with(|s| {
                s.wb.round(&round.get_value())
                    .map(|r| r.decisions.clone())
                    .unwrap_or_default()
            })
        }),
        open: RwSignal::new(None),
    };
    let counted = move || v.figures.with(|f| f.as_ref().map_or(0, |f| f.answers));
    view! {
        <div class="agreement" data-testid="agreement">
            <dl class="figures">
                <div><dt>{move || c.t(K::AnswersCounted)}</dt><dd data-testid="agree-n">{move || counted().to_string()}</dd></div>
                <div><dt>{move || c.t(K::Alpha)}</dt><dd data-testid="agree-alpha">{move || figure(&c, v.figures.with(|f| f.as_ref().and_then(|f| f.alpha)))}</dd></div>
                <div><dt>{move || c.t(K::Kappa)}</dt><dd data-testid="agree-kappa">{move || figure(&c, v.figures.with(|f| f.as_ref().and_then(|f| f.kappa)))}</dd></div>
            </dl>
            <p class="muted">{move || c.t(K::AgreementHelp)}</p>
            <HeatMap v=v/>
            {move || v.open.get().map(|(s, o)| view! { <CellDetail v=v subject=s object=o/> })}
            <Queue v=v/>
            <Consensus v=v/>
            <Exports v=v/>
        </div>
    }
}

/// The matrix of cells, each shaded by disagreement with its modal role, share and count
/// printed, alpha per row and per column at the ends.
#[component]
fn HeatMap(v: View) -> impl IntoView {
    let c = v.c;
    let axes = move || {
        v.question.with(|q| {
            q.as_ref()
                .map(|q| {
                    (
                        q.subjects.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
                        q.objects.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
                    )
                })
                .unwrap_or_default()
        })
    };
    let row_alpha = move |i: usize| {
        v.figures
            .with(|f| f.as_ref().and_then(|f| f.rows.get(i).copied().flatten()))
    };
    let column_alpha = move |j: usize| {
        v.figures
            .with(|f| f.as_ref().and_then(|f| f.columns.get(j).copied().flatten()))
    };
    view! {
        <div class="heat-frame">
            <table class="plain heat" data-testid="heatmap">
                <caption>{move || c.t(K::HeatMap)}</caption>
                {move || {
                    let (subjects, objects) = axes();
                    let head = objects.iter().map(|o| view! { <th scope="col">{v.name(false, o)}</th> }).collect_view();
                    let foot = (0..objects.len()).map(|j| view! { <td data-testid=format!("alpha-col-{j}")>{figure(&c, column_alpha(j))}</td> }).collect_view();
                    let body = subjects.into_iter().enumerate().map(|(i, s)| {
                        let cells = objects.iter().map(|o| view! { <td><HeatCell v=v subject=s.clone() object=o.clone()/></td> }).collect_view();
                        view! {
                            <tr>
                                <th scope="row">{v.name(true, &s)}</th>
                                {cells}
                                <td data-testid=format!("alpha-row-{i}")>{figure(&c, row_alpha(i))}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <thead><tr><th scope="col">{c.t(K::Subject)}</th>{head}<th scope="col">{c.t(K::AlphaShort)}</th></tr></thead>
                        <tbody>{body}</tbody>
                        <tfoot><tr><th scope="row">{c.t(K::AlphaShort)}</th>{foot}<td></td></tr></tfoot>
                    }
                }}
            </table>
        </div>
    }
}

/// One cell of the heat map: a button that opens the cell's details.
#[component]
fn HeatCell(v: View, subject: Id, object: Id) -> impl IntoView {
    let c = v.c;
    let (s, o) = (subject.clone(), object.clone());
    let t = Memo::new(move |_| v.tally(&s, &o));
    let level = move || t.with(|t| (t.dispute() * 5.0).ceil().min(4.0) as u8);
    let modal = move || t.with(|t| t.modal().map(|m| v.category(m)));
    let label = {
        let (s, o) = (subject.clone(), object.clone());
        move || {
            let (n, share) = t.with(|t| (t.n, t.share()));
            let modal = modal().unwrap_or_else(|| c.t(K::NoModal));
            c.tf(
                K::HeatCellLabel,
                &[
                    ("subject", &v.name(true, &s)),
                    ("object", &v.name(false, &o)),
                    ("modal", &modal),
                    ("share", &percent(share)),
                    ("n", &n.to_string()),
                ],
            )
        }
    };
    let key = (subject.clone(), object.clone());
    view! {
        <button class=move || format!("heat-cell d{}", level()) data-testid=format!("heat-{subject}-{object}")
            aria-label=label.clone() title=label aria-expanded=move || (v.open.get().as_ref() == Some(&key)).to_string()
            on:click=move |_| v.open.set(Some((subject.clone(), object.clone())))>
            {move || {
                let (n, share) = t.with(|t| (t.n, t.share()));
                let letter = t.with(|t| t.modal().map(|m| v.letter(m))).unwrap_or_else(|| "?".into());
                if n == 0 { "–".to_string() } else { format!("{letter} {}", percent(share)) }
            }}
            <small>{move || format!("n={}", t.with(|t| t.n))}</small>
        </button>
    }
}

/// The discussed tick and the decision of one cell (in the details and in the queue).
#[component]
fn DecisionFields(v: View, subject: Id, object: Id) -> impl IntoView {
    let c = v.c;
    let (s, o) = (subject.clone(), object.clone());
    let current = Memo::new(move |_| {
        v.decisions.with(|d| {
            d.get(&s)
                .and_then(|r| r.get(&o))
                .cloned()
                .unwrap_or_default()
        })
    });
    let set = move |d: Decision| {
        let decision = (d != Decision::default()).then_some(d);
        let _ = c.dispatch(Command::SetDecision {
            round: v.round.get_value(),
            subject: subject.clone(),
            object: object.clone(),
            decision,
        });
    };
    let set2 = set.clone();
    view! {
        <label class="check">
            <input type="checkbox" data-testid="decision-discussed" prop:checked=move || current.with(|d| d.discussed)
                on:change=move |e| { let mut d = current.get_untracked(); d.discussed = event_target_checked(&e); set(d); }/>
            {move || c.t(K::Discussed)}
        </label>
        <label class="field">
            <span>{move || c.t(K::DecisionLabel)}</span>
            <input type="text" data-testid="decision-note" prop:value=move || current.with(|d| d.note.clone())
                on:input=move |e| { let mut d = current.get_untracked(); d.note = event_target_value(&e); set2(d); }
                on:blur=move |_| c.seal()/>
        </label>
    }
}

/// The split of one cell as bars (with counts and shares in words), the reasons given and
/// the decision.
#[component]
fn CellDetail(v: View, subject: Id, object: Id) -> impl IntoView {
    let c = v.c;
    let t = v.tally(&subject, &object);
    let n = t.n.max(1) as f64;
    let reasons = c.session.with_untracked(|s| {
        s.wb.round(&v.round.get_value())
            .map(|r| {
                workshop::reasons(r, &subject, &object)
                    .into_iter()
                    .map(|(who, choice, why)| {
                        (
                            who.to_string(),
                            choice.map(|x| v.category(x)),
                            why.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let title = format!("{} × {}", v.name(true, &subject), v.name(false, &object));
    let label = title.clone();
    view! {
        <section class="cell-detail" data-testid="cell-detail" aria-label=label>
            <h3>{title}</h3>
            <ul class="split">
                {t.counts.iter().map(|(cat, k)| {
                    let w = 120.0 * *k as f64 / n;
                    view! {
                        <li>
                            <span class="split-name">{v.category(cat)}</span>
                            <svg width="124" height="12" aria-hidden="true"><rect class="split-bar" x="0" y="1" width=w height="10"></rect></svg>
                            <span>{format!("{k} ({})", percent(*k as f64 / n))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p>{c.tf(K::AnsweredBy, &[("n", &t.n.to_string())])}</p>
            <ul class="reasons" data-testid="cell-reasons">
                {reasons.into_iter().map(|(who, choice, why)| view! {
                    <li>{if who.trim().is_empty() { String::new() } else { format!("{who} · ") }}{choice.unwrap_or_default()}": "{why}</li>
                }).collect_view()}
            </ul>
            <DecisionFields v=v subject=subject object=object/>
            <button data-testid="cell-detail-close" on:click=move |_| v.open.set(None)>{move || c.t(K::Close)}</button>
        </section>
    }
}

/// The disputed cells, most disputed first, each with its split and decision.
#[component]
fn Queue(v: View) -> impl IntoView {
    let c = v.c;
    let cells = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.round(&v.round.get_value())
                .map(|r| {
                    v.figures
                        .with(|f| f.as_ref().map(|f| queue(r, f)).unwrap_or_default())
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="queue" data-testid="queue" aria-labelledby="queue-title">
            <h3 id="queue-title">{move || c.t(K::DiscussionQueue)}</h3>
            <Show when=move || cells.with(|q| !q.is_empty()) fallback=move || view! { <p class="muted">{move || c.t(K::QueueEmpty)}</p> }>
                <ol>
                    {move || cells.get().into_iter().map(|(s, o)| {
                        let t = v.tally(&s, &o);
                        let title = format!("{} × {}", v.name(true, &s), v.name(false, &o));
                        let key = (s.clone(), o.clone());
                        let testid = format!("queue-{s}-{o}");
                        view! {
                            <li data-testid=testid>
                                <button class="link" on:click=move |_| v.open.set(Some(key.clone()))>{title}</button>
                                " "<span class="muted">{v.split(&t)}</span>
                                <div class="row"><DecisionFields v=v subject=s object=o/></div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}

/// Builds the consensus model at a chosen agreement threshold (one undo step).
#[component]
fn Consensus(v: View) -> impl IntoView {
    let c = v.c;
    let threshold = RwSignal::new(50u32);
    let build = move |_| {
        let lang = c.lang.get_untracked();
        let flag = c.t_untracked(K::NoAgreementFlag);
        let made = c.session.with_untracked(|s| {
            let r = s.wb.round(&v.round.get_value())?;
            let a = v.figures.get_untracked()?;
            let mut name = Text::default();
            *name.raw_mut(lang) = c.tf_untracked(K::ConsensusName, &[("round", r.name.get(lang))]);
            let id = s.wb.fresh_id("consensus");
            let m = consensus(
                &s.wb,
                r,
                &a,
                f64::from(threshold.get_untracked()) / 100.0,
                id,
                name,
                &flag,
            );
            Some((m, s.wb.models.len()))
        });
        let Some((model, index)) = made else { return };
        let (id, agreed) = (
            model.id.clone(),
            model
                .iter_cells()
                .filter(|(_, _, x)| x.role.is_some())
                .count(),
        );
        let flagged = model.iter_cells().count() - agreed;
        let name = model.name.get(lang).to_string();
        if c.dispatch(Command::Insert {
            index,
            entity: Entity::Model(model),
            refs: Default::default(),
        })
        .is_ok()
        {
            c.session.update(|s| s.model = id);
            c.say(
                c.tf_untracked(
                    K::ConsensusMade,
                    &[
                        ("name", &name),
                        ("agreed", &agreed.to_string()),
                        ("flagged", &flagged.to_string()),
                    ],
                ),
                false,
            );
        }
    };
    view! {
        <section class="consensus" aria-labelledby="consensus-title">
            <h3 id="consensus-title">{move || c.t(K::ConsensusTitle)}</h3>
            <p class="muted">{move || c.t(K::ConsensusHelp)}</p>
            <div class="row">
                <label class="picker">
                    {move || c.t(K::Threshold)}
                    <input type="number" min="0" max="100" step="5" data-testid="consensus-threshold" prop:value=move || threshold.get().to_string()
                        on:change=move |e| threshold.set(event_target_value(&e).parse::<u32>().unwrap_or(50).min(100))/>
                    "%"
                </label>
                <button data-testid="consensus-build" on:click=build>{move || c.t(K::ConsensusBuild)}</button>
            </div>
        </section>
    }
}

/// The agreement table as CSV and the queue as Markdown.
#[component]
fn Exports(v: View) -> impl IntoView {
    let c = v.c;
    let export = move |markdown: bool| {
        let lang = c.lang.get_untracked();
        let t = |k: K| c.t_untracked(k);
        let out = c.session.with_untracked(|s| {
            let r = s.wb.round(&v.round.get_value())?;
            let a = v.figures.get_untracked()?;
            let stem = file_stem(
                r.name.get(lang),
                if markdown { "queue" } else { "agreement" },
            );
            Some(if markdown {
                let words = QueueWords {
                    none: t(K::NoRole),
                    answers: t(K::AnswersN),
                    decision: t(K::DecisionLabel),
                    reasons: t(K::Reasons),
                };
                (
                    format!("{stem}.md"),
                    "text/markdown;charset=utf-8",
                    workshop::queue_markdown(r, &a, lang, &words),
                )
            } else {
                let heads = [
                    t(K::Subject),
                    t(K::Object),
                    t(K::ModalRole),
                    t(K::Share),
                    t(K::AnswersHead),
                    t(K::NoRole),
                ];
                let heads = heads.each_ref().map(String::as_str);
                (
                    format!("{stem}.csv"),
                    "text/csv;charset=utf-8",
                    workshop::agreement_csv(r, &a, lang, heads),
                )
            })
        });
        if let Some((name, mime, text)) = out {
            download(&name, mime, &text);
        }
    };
    view! {
        <div class="row">
            <button data-testid="agreement-csv" on:click=move |_| export(false)>{move || c.t(K::AgreementCsv)}</button>
            <button data-testid="queue-md" on:click=move |_| export(true)>{move || c.t(K::QueueMarkdown)}</button>
        </div>
    }
}
