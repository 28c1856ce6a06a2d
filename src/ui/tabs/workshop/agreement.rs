//! Where the room agrees: alpha and kappa over the matrix, a heat map of disagreement (shade
//! and printed figures), each cell's split with the reasons given, the discussion queue with
//! decisions, the consensus model and the exports.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::commands::{Command, Entity};
use crate::core::grid;
use crate::core::model::{Choice, Decision, Id, Lang, Question, Text};
use crate::core::workshop::{
    self, agreement, category_letter, category_name, consensus, queue, Agreement, QueueWords, Tally,
};
use crate::i18n::{self, K};
use crate::ui::export::{download, file_stem, ExportButtons};
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::{focus, focus_after_frame, testid};

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

/// A share as a whole percentage, "38 %", halves to even as `{:.0}` rounds them; through an
/// integer, since formatting the float was a quarter of the heat map's redraw in a profile.
fn percent(x: f64) -> String {
    format!("{} %", (x * 100.0).round_ties_even() as u32)
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_rounds_as_float_formatting_does() {
        for k in 0..=400 {
            let x = f64::from(k) / 400.0;
            assert_eq!(percent(x), format!("{:.0} %", x * 100.0), "{k}/400");
        }
        assert_eq!(percent(1.0 / 8.0), "12 %");
        assert_eq!(percent(3.0 / 8.0), "38 %");
    }
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
            <HeatPicture v=v/>
            {move || v.open.get().map(|(s, o)| view! { <CellDetail v=v subject=s object=o/> })}
            <Queue v=v/>
            <Consensus v=v/>
            <Exports v=v/>
        </div>
    }
}

/// The heat map's shade of a cell, 0 (agreed) to 4 (most split), in the table and the picture.
fn shade(t: &Tally) -> u8 {
    (t.dispute() * 5.0).ceil().min(4.0) as u8
}

/// What one heat map cell shows, in the grid and in the picture: its shade, its printed figure
/// and its accessible name.
#[derive(Clone, PartialEq, Default)]
struct Shown {
    level: u8,
    /// The most chosen role's letter and its share, "S 67 %" (empty while nobody answered).
    figure: String,
    /// How many answered.
    n: usize,
    label: String,
}

impl Shown {
    /// The figure and the count joined by `between` ("–" while nobody answered).
    fn text(&self, between: &str) -> String {
        if self.n == 0 {
            "–".into()
        } else {
            format!("{}{between}n={}", self.figure, self.n)
        }
    }
}

/// The test id of the heat map's cell of subject `s` × object `o`.
fn heat_testid(s: &str, o: &str) -> String {
    format!("heat-{s}-{o}")
}

/// What the cell of `s` × `o` shows, its tally `t` (none before the figures exist) worded in
/// `lang`; `none` and `no_modal` are the words for "no role" and "no most chosen role".
fn shown(
    q: &Question,
    [s, o]: [&Choice; 2],
    t: Option<&Tally>,
    lang: Lang,
    [none, no_modal]: [&str; 2],
) -> Shown {
    let empty = Tally::default();
    let t = t.unwrap_or(&empty);
    let (letter, modal) = match t.modal() {
        Some(m) => (category_letter(q, m, lang), category_name(q, m, lang, none)),
        None => ("?".into(), no_modal.to_string()),
    };
    let share = percent(t.share());
    let n = t.n.to_string();
    let args = [
        ("subject", s.name.get(lang)),
        ("object", o.name.get(lang)),
        ("modal", &modal),
        ("share", &share),
        ("n", &n),
    ];
    Shown {
        level: shade(t),
        figure: format!("{letter} {share}"),
        n: t.n,
        label: i18n::tr(lang, K::HeatCellLabel, &args),
    }
}

impl View {
    /// What every heat map cell shows now, row by row in the question's order (reads the
    /// figures, the question and the language). One pass with the words looked up once: per
    /// cell, looking each name up again cost most of the redraw when answers came in.
    fn shown_all(&self) -> Vec<Shown> {
        let c = self.c;
        let lang = c.lang.get();
        let words = [c.t(K::NoRole), c.t(K::NoModal)];
        let words = words.each_ref().map(String::as_str);
        self.question.with(|q| {
            let Some(q) = q else { return Vec::new() };
            self.figures.with(|f| {
                let mut key = (Id::new(), Id::new());
                let mut out = Vec::with_capacity(q.subjects.len() * q.objects.len());
                for s in &q.subjects {
                    for o in &q.objects {
                        key.0.clone_from(&s.id);
                        key.1.clone_from(&o.id);
                        let t = f.as_ref().and_then(|f| f.cells.get(&key));
                        out.push(shown(q, [s, o], t, lang, words));
                    }
                }
                out
            })
        })
    }
}

/// One signal per cell, row by row in the question's order, so new answers wake only the
/// cells whose figures change (400 cells reading one memo would each re-run, and unsubscribe
/// one by one, on every change).
type Slots = StoredValue<Vec<RwSignal<Shown>>>;

/// The matrix of cells, each shaded by disagreement with its modal role, share and count
/// printed, alpha per row and per column at the ends.
#[component]
fn HeatMap(v: View) -> impl IntoView {
    let c = v.c;
    let axes = Memo::new(move |_| {
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
    });
    let nav = HeatNav::new(v, axes);
    let slots: Slots = StoredValue::new(Vec::new());
    // After the table is (re)built, and whenever the figures or the language change.
    Effect::new(move |_| {
        axes.track();
        let now = v.shown_all();
        for (slot, now) in slots.get_value().into_iter().zip(now) {
            if slot.with_untracked(|x| *x != now) {
                slot.set(now);
            }
        }
    });
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
            <table class="plain heat" role="grid" data-testid="heatmap">
                <caption>{move || c.t(K::HeatMap)}</caption>
                {move || {
                    let (subjects, objects) = axes.get();
                    let mut made = Vec::new();
                    let mut first = untrack(|| v.shown_all()).into_iter();
                    let head = objects.iter().map(|o| view! { <th scope="col">{v.name(false, o)}</th> }).collect_view();
                    // The figures are reactive on their own: new answers redraw them, not the table.
                    let foot = (0..objects.len()).map(|j| view! { <td data-testid=format!("alpha-col-{j}")>{move || figure(&c, column_alpha(j))}</td> }).collect_view();
                    let body = subjects.into_iter().enumerate().map(|(i, s)| {
                        let cells = objects.iter().enumerate().map(|(j, o)| {
                            let slot = RwSignal::new(first.next().unwrap_or_default());
                            made.push(slot);
                            view! { <HeatCell v=v nav=nav at=(i, j) shown=slot subject=s.clone() object=o.clone()/> }
                        }).collect_view();
                        view! {
                            <tr>
                                <th scope="row">{v.name(true, &s)}</th>
                                {cells}
                                <td data-testid=format!("alpha-row-{i}")>{move || figure(&c, row_alpha(i))}</td>
                            </tr>
                        }
                    }).collect_view();
                    slots.set_value(made);
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

/// Rows moved by Page Up and Page Down in the heat map.
const HEAT_PAGE: usize = 5;

/// The heat map as a grid with one tab stop: the arrow keys, Home, End and the page keys move
/// the focus (the cell that has it is the one the Tab key returns to), Enter or Space opens a
/// cell's details. Selectors wake only the cells that gain or lose the focus or the details.
#[derive(Clone, Copy)]
struct HeatNav {
    axes: Memo<(Vec<Id>, Vec<Id>)>,
    at: RwSignal<(usize, usize)>,
    tab_stop: StoredValue<Selector<(usize, usize)>, LocalStorage>,
    opened: StoredValue<Selector<Option<(Id, Id)>>, LocalStorage>,
}

impl HeatNav {
    fn new(v: View, axes: Memo<(Vec<Id>, Vec<Id>)>) -> Self {
        let at = RwSignal::new((0, 0));
        // Kept inside the grid when it shrinks, so that one cell always takes the Tab key.
        let inside = move || {
            let (r, k) = at.get();
            axes.with(|(s, o)| {
                (
                    r.min(s.len().saturating_sub(1)),
                    k.min(o.len().saturating_sub(1)),
                )
            })
        };
        Self {
            axes,
            at,
            tab_stop: StoredValue::new_local(Selector::new(inside)),
            opened: StoredValue::new_local(Selector::new(move || v.open.get())),
        }
    }

    /// The test id of the cell at row `r`, column `k`.
    fn cell_id(&self, (r, k): (usize, usize)) -> Option<String> {
        self.axes
            .with_untracked(|(s, o)| Some(heat_testid(s.get(r)?, o.get(k)?)))
    }

    /// A key pressed on the cell at `at`; `open` opens its details.
    fn key(&self, e: &leptos::ev::KeyboardEvent, at: (usize, usize), open: impl Fn()) {
        let key = e.key();
        if key == "Enter" || key == " " {
            e.prevent_default();
            open();
            return;
        }
        let size = self.axes.with_untracked(|(s, o)| (s.len(), o.len()));
        let ctrl = e.ctrl_key() || e.meta_key();
        let Some(to) = grid::step(&key, ctrl, at, size, HEAT_PAGE) else {
            return;
        };
        e.prevent_default();
        self.at.set(to);
        if let Some(id) = self.cell_id(to) {
            focus(&testid(&id));
        }
    }
}

/// One cell of the heat map, which opens the cell's details. Its name is what it shows; the
/// table's headers give its subject and object, and its title, the whole sentence, is its
/// description. The cell itself is the grid cell, one text inside: a button in each of 400
/// cells (with a hidden copy of the sentence, before that) cost most of the layout whenever
/// answers came in.
#[component]
fn HeatCell(
    v: View,
    nav: HeatNav,
    at: (usize, usize),
    shown: RwSignal<Shown>,
    subject: Id,
    object: Id,
) -> impl IntoView {
    let key = Some((subject.clone(), object.clone()));
    let testid = heat_testid(&subject, &object);
    let open = move || {
        nav.at.set(at);
        v.open.set(Some((subject.clone(), object.clone())));
    };
    let open = StoredValue::new(open);
    view! {
        <td class=move || shown.with(|x| format!("heat-cell d{}", x.level)) data-testid=testid
            tabindex=move || if nav.tab_stop.with_value(|s| s.selected(&at)) { "0" } else { "-1" }
            title=move || shown.with(|x| x.label.clone())
            aria-expanded=move || nav.opened.with_value(|s| s.selected(&key)).to_string()
            on:click=move |_| open.with_value(|f| f())
            on:keydown=move |e| nav.key(&e, at, || open.with_value(|f| f()))>
            {move || shown.with(|x| x.text("\n"))}
        </td>
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

/// The reasons given for the cell (s, o): who, what they chose, why.
fn reasons(v: View, s: &str, o: &str) -> Vec<(String, String, String)> {
    v.c.session.with(|x| {
        x.wb.round(&v.round.get_value())
            .map(|r| {
                workshop::reasons(r, s, o)
                    .into_iter()
                    .map(|(who, choice, why)| {
                        let choice = choice.map(|x| v.category(x)).unwrap_or_default();
                        (who.trim().to_string(), choice, why.to_string())
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    })
}

/// The reasons as a list (in the details and in the queue).
fn reason_list(list: Vec<(String, String, String)>) -> impl IntoView {
    view! {
        <ul class="reasons" data-testid="cell-reasons">
            {list.into_iter().map(|(who, choice, why)| view! {
                <li>{if who.is_empty() { String::new() } else { format!("{who} · ") }}{choice}": "{why}</li>
            }).collect_view()}
        </ul>
    }
}

/// The split of one cell as bars (with counts and shares in words), the reasons given and
/// the decision; kept up to date while open.
#[component]
fn CellDetail(v: View, subject: Id, object: Id) -> impl IntoView {
    let c = v.c;
    let title = format!("{} × {}", v.name(true, &subject), v.name(false, &object));
    let label = title.clone();
    let (s, o) = (subject.clone(), object.clone());
    let body = move || {
        let t = v.tally(&s, &o);
        let n = t.n.max(1) as f64;
        let bars = t.counts.iter().map(|(cat, k)| {
            let w = 120.0 * *k as f64 / n;
            view! {
                <li>
                    <span class="split-name">{v.category(cat)}</span>
                    <svg width="124" height="12" aria-hidden="true"><rect class="split-bar" x="0" y="1" width=w height="10"></rect></svg>
                    <span>{format!("{k} ({})", percent(*k as f64 / n))}</span>
                </li>
            }
        }).collect_view();
        view! {
            <ul class="split">{bars}</ul>
            <p>{c.tf(K::AnsweredBy, &[("n", &t.n.to_string())])}</p>
            {reason_list(reasons(v, &s, &o))}
        }
    };
    view! {
        <section class="cell-detail" data-testid="cell-detail" aria-label=label>
            <h3>{title}</h3>
            {body}
            <DecisionFields v=v subject=subject object=object/>
            <button data-testid="cell-detail-close" on:click=move |_| v.open.set(None)>{move || c.t(K::Close)}</button>
        </section>
    }
}

/// How many cells of the queue are drawn before "show all".
const QUEUE_FIRST: usize = 10;

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
    // A session discusses a handful of cells: the first ten are drawn unless all are asked for.
    let all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        cells.with(|q| {
            q.iter()
                .take(if all.get() { usize::MAX } else { QUEUE_FIRST })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="queue" data-testid="queue" aria-labelledby="queue-title">
            <h3 id="queue-title">{move || c.t(K::DiscussionQueue)}</h3>
            <Show when=move || cells.with(|q| !q.is_empty()) fallback=move || view! { <p class="muted">{move || c.t(K::QueueEmpty)}</p> }>
                <ol>
                    {move || shown.get().into_iter().map(|(s, o)| {
                        let t = v.tally(&s, &o);
                        let title = format!("{} × {}", v.name(true, &s), v.name(false, &o));
                        let key = (s.clone(), o.clone());
                        let testid = format!("queue-{s}-{o}");
                        let given = untrack(|| reasons(v, &s, &o));
                        view! {
                            <li data-testid=testid>
                                <button class="link" on:click=move |_| v.open.set(Some(key.clone()))>{title}</button>
                                " "<span class="muted">{v.split(&t)}</span>
                                {(!given.is_empty()).then(|| view! {
                                    <details class="queue-reasons">
                                        <summary>{c.tf(K::ReasonsN, &[("n", &given.len().to_string())])}</summary>
                                        {reason_list(given)}
                                    </details>
                                })}
                                <div class="row"><DecisionFields v=v subject=s object=o/></div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <Show when=move || { !all.get() && cells.with(|q| q.len() > QUEUE_FIRST) }>
                    <button data-testid="queue-all" on:click=move |_| {
                        all.set(true);
                        // The button goes: the focus moves on to the first cell it brought.
                        if let Some((s, o)) = cells.with_untracked(|q| q.get(QUEUE_FIRST).cloned()) {
                            focus_after_frame(format!("{} button", testid(&format!("queue-{s}-{o}"))));
                        }
                    }>
                        {move || c.tf(K::QueueShowAll, &[("count", &cells.with(Vec::len).to_string())])}
                    </button>
                </Show>
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

/// Heat map picture geometry, in pixels: row label width, column width, row height, header.
const LABEL_W: f64 = 190.0;
const COL_W: f64 = 120.0;
const ROW_H: f64 = 34.0;
const HEAD_H: f64 = 40.0;

/// `s` cut to `n` characters, with "…" when cut (SVG text does not wrap).
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The heat map as a picture for slides: the same shades and printed figures, exported as
/// SVG or PNG like every diagram.
#[component]
fn HeatPicture(v: View) -> impl IntoView {
    let c = v.c;
    let figure = NodeRef::<leptos::html::Figure>::new();
    let stem = Signal::derive(move || {
        let name = c.session.with(|s| {
            s.wb.round(&v.round.get_value())
                .map(|r| r.name.get(c.lang.get()).to_string())
        });
        file_stem(&name.unwrap_or_default(), "heat-map")
    });
    let drawing = move || {
        let (subjects, objects) = v.question.with(|q| {
            q.as_ref()
                .map(|q| (q.subjects.clone(), q.objects.clone()))
                .unwrap_or_default()
        });
        let lang = c.lang.get();
        let mut shown = v.shown_all().into_iter();
        let (w, h) = (
            LABEL_W + COL_W * objects.len() as f64,
            HEAD_H + ROW_H * subjects.len() as f64,
        );
        let heads = objects.iter().enumerate().map(|(j, o)| {
            let x = LABEL_W + COL_W * (j as f64 + 0.5);
            view! { <text class="heat-head" x=x y=HEAD_H - 12.0 text-anchor="middle">{cut(o.name.get(lang), 18)}</text> }
        }).collect_view();
        let rows = subjects.iter().enumerate().map(|(i, s)| {
            let y = HEAD_H + ROW_H * i as f64;
            let cells = (0..objects.len()).map(|j| {
                let cell = shown.next().unwrap_or_default();
                let (level, text) = (cell.level, cell.text(" · "));
                let x = LABEL_W + COL_W * j as f64;
                view! {
                    <rect class=format!("heat-rect d{level}") x=x + 1.0 y=y + 1.0 width=COL_W - 2.0 height=ROW_H - 2.0></rect>
                    <text class=format!("heat-text d{level}") x=x + COL_W / 2.0 y=y + ROW_H / 2.0 + 4.0 text-anchor="middle">{text}</text>
                }
            }).collect_view();
            view! {
                <text class="heat-head" x="6" y=y + ROW_H / 2.0 + 4.0>{cut(s.name.get(lang), 26)}</text>
                {cells}
            }
        }).collect_view();
        view! {
            <svg data-export="heat" class="heat-svg" width=w height=h viewBox=format!("0 0 {w} {h}") role="img" aria-label=move || c.t(K::HeatMap)>
                <rect x="0" y="0" width=w height=h fill="#ffffff"></rect>
                {heads}
                {rows}
            </svg>
        }
    };
    // Drawn only while open: closed, it costs nothing when answers come in.
    let open = RwSignal::new(false);
    view! {
        <details class="heat-picture" on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())>
            <summary data-testid="heat-picture">{move || c.t(K::HeatPicture)}</summary>
            <figure class="chart-figure" node_ref=figure>
                {move || open.get().then(drawing)}
                <ExportButtons figure=figure stem=stem uid="heat".to_string()/>
            </figure>
        </details>
    }
}
