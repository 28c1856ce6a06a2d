//! The structure diagram as SVG: a thin view of `core::diagram::structure`. A drawing shared by
//! the Diagram tab, Compare and the print sheet, so it lives on the ground floor.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;

use crate::core::chart::{fit_lines, spaced_lines};
use crate::core::diagram::{structure, Relation, Row, Structure};
use crate::core::model::{Id, Tier};
use crate::i18n::{self, K};
use crate::ui::export::{model_stem, ExportButtons};
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::TierSelect;

fn relation_class(r: Relation) -> &'static str {
    match r {
        Relation::Leads => "arrow leads",
        Relation::Assists => "arrow assists",
        Relation::Supervises => "arrow supervises",
        Relation::Main => "arrow main",
    }
}

/// Subject names and colours, by id.
type Looks = (HashMap<Id, String>, HashMap<Id, String>);

/// The structure of model `model`, the names and colours it shows and its title. Node
/// positions of the network are not drawn here, so all of them track the document's content
/// (`Ctx::content`): a drop there leaves this diagram alone.
fn memos(c: Ctx, model: Memo<Id>) -> (Memo<Option<Structure>>, Memo<Looks>, Memo<String>) {
    let layout = Memo::new(move |_| {
        let id = model.get();
        c.with_content(|s| s.wb.model(&id).map(|m| structure(&s.wb, m)))
    });
    let looks = Memo::new(move |_| -> Looks {
        let lang = c.lang.get();
        c.with_content(|s| {
            let names = s.wb.axis_names(lang);
            let colours =
                s.wb.subjects
                    .iter()
                    .map(|x| (x.id.clone(), x.colour.clone()))
                    .collect();
            (names, colours)
        })
    });
    let title = Memo::new(move |_| {
        let lang = c.lang.get();
        let id = model.get();
        c.with_content(|s| {
            s.wb.model(&id)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    });
    (layout, looks, title)
}

/// The structure of the model `model`: tiers as rows, arrows from the matrix.
#[component]
pub fn StructureDiagram(
    /// Id of the model drawn.
    #[prop(into)]
    model: Signal<Id>,
    /// Tells two diagrams on one page apart (their marker ids).
    #[prop(into)]
    uid: String,
) -> impl IntoView {
    let c = ctx();
    // A memo, so that edits of the document do not count as a change of model.
    let model = Memo::new(move |_| model.get());
    let (layout, looks, title) = memos(c, model);
    let selected = RwSignal::new(None::<Id>);
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    let stem = Signal::derive(move || model_stem(model.get(), "structure"));
    let marker = format!("arrowhead-{uid}");
    let marker_url = format!("url(#{marker})");
    view! {
        <figure
            class="structure"
            node_ref=figure_ref
            data-testid=format!("structure-{uid}")
            on:keydown=move |e: ev::KeyboardEvent| {
                if e.key() == "Escape" && selected.get_untracked().is_some() {
                    e.prevent_default();
                    selected.set(None);
                }
            }
        >
            {move || {
                let Some(d) = layout.get() else { return ().into_any() };
                let lang = c.lang.get();
                let marker_url = marker_url.clone();
                let (names, colours) = looks.get();
                let arrows = d.arrows.iter().map(|a| {
                    let label = i18n::tr(lang, K::ArrowLabel, &[
                        ("from", &names[&a.from]),
                        ("relation", i18n::relation(a.relation).get(lang)),
                        ("to", &names[&a.to]),
                        ("count", &a.count.to_string()),
                    ]);
                    let width = (1.5 + a.count as f64).min(6.0);
                    view! {
                        <line
                            class=relation_class(a.relation)
                            data-testid=format!("arrow-{}-{}-{}", a.from, a.to, format!("{:?}", a.relation).to_lowercase())
                            x1=a.start.x y1=a.start.y x2=a.end.x y2=a.end.y
                            stroke-width=width
                            marker-end=marker_url.clone()
                            role="img"
                            aria-label=label
                        />
                    }
                }).collect_view();
                let nodes = d.nodes.iter().map(|n| {
                    let id = n.id.clone();
                    let name = names[&n.id].clone();
                    let (fill, tier_class) = match n.row {
                        Row::Object => ("#ffffff".to_string(), "object"),
                        Row::Subject(Tier::Absent) => ("#e5e7eb".to_string(), "absent"),
                        Row::Subject(_) => (colours.get(&n.id).cloned().unwrap_or_default(), "subject"),
                    };
                    let row_label = match n.row {
                        Row::Object => K::Object.get(lang),
                        Row::Subject(t) => i18n::tier(t).get(lang),
                    };
                    let aria = format!("{name} ({row_label})");
                    let is_subject = matches!(n.row, Row::Subject(_));
                    let (id1, id2) = (id.clone(), id.clone());
                    // At most two lines under the node, at the node labels' 15 px.
                    let text_lines = spaced_lines(&name, fit_lines(&name, 150.0, 15.0, 2));
                    let first_y = n.at.y + n.r + 18.0;
                    view! {
                        <g
                            class=format!("node {tier_class}")
                            data-testid=format!("node-{id}")
                            tabindex="0"
                            role=if is_subject { "button" } else { "img" }
                            aria-label=aria
                            on:click=move |_| if is_subject { selected.set(Some(id1.clone())) }
                            on:keydown=move |e: ev::KeyboardEvent| {
                                if is_subject && (e.key() == "Enter" || e.key() == " ") {
                                    e.prevent_default();
                                    selected.set(Some(id2.clone()));
                                }
                            }
                        >
                            <circle cx=n.at.x cy=n.at.y r=n.r fill=fill></circle>
                            {text_lines.into_iter().enumerate().map(|(i, l)| view! {
                                <text x=n.at.x y=first_y + 17.0 * i as f64 text-anchor="middle">{l}</text>
                            }).collect_view()}
                        </g>
                    }
                }).collect_view();
                view! {
                    <svg
                        xmlns="http://www.w3.org/2000/svg"
                        data-export="structure"
                        viewBox=format!("0 0 {} {}", d.width, d.height + 30.0)
                        role="group"
                        aria-label=move || title.get()
                    >
                        <defs>
                            <marker id=marker.clone() viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse">
                                <path d="M 0 0 L 10 5 L 0 10 z" fill="#111827"></path>
                            </marker>
                        </defs>
                        {arrows}
                        {nodes}
                    </svg>
                }.into_any()
            }}
            <Legend/>
            <ExportButtons figure=figure_ref stem=stem uid=uid.clone()/>
            {move || selected.get().map(|id| view! { <SubjectCard id=id on_close=move || selected.set(None)/> })}
        </figure>
    }
}

/// What each line style means.
#[component]
fn Legend() -> impl IntoView {
    let c = ctx();
    view! {
        <figcaption class="legend-line">
            {[Relation::Leads, Relation::Main, Relation::Assists, Relation::Supervises].into_iter().map(|r| view! {
                <span class="key">
                    <svg width="44" height="12" aria-hidden="true"><line class=relation_class(r) x1="2" y1="6" x2="42" y2="6" stroke-width="3"></line></svg>
                    {move || c.t(i18n::relation(r))}
                </span>
            }).collect_view()}
        </figcaption>
    }
}

/// A subject's Table 2 profile and its tier, opened from the diagram.
#[component]
fn SubjectCard(id: Id, on_close: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let c = ctx();
    let close_button = on_close;
    // Focus moves into the profile when it opens, so keyboard users land on it.
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_ref.get() {
            let _ = b.focus();
        }
    });
    let id2 = id.clone();
    let info = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.subject(&id2).map(|x| {
                let list = |v: &Vec<crate::core::model::Text>| {
                    v.iter()
                        .map(|t| t.get(lang).to_string())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                (
                    x.name.get(lang).to_string(),
                    x.description.get(lang).to_string(),
                    list(&x.advantages),
                    list(&x.responsibilities),
                )
            })
        })
    };
    view! {
        <div class="subject-card" role="dialog" aria-labelledby="subject-card-title" data-testid="subject-card">
            {move || info().map(|(name, desc, adv, resp)| view! {
                <h2 id="subject-card-title">{name}</h2>
                <p>{desc}</p>
                <p><strong>{move || c.t(K::Advantages)}</strong> " " {adv}</p>
                <p><strong>{move || c.t(K::Responsibilities)}</strong> " " {resp}</p>
            })}
            <TierSelect subject=id.clone()/>
            <button data-testid="subject-card-close" node_ref=close_ref on:click=move |_| close_button()>{move || c.t(K::Close)}</button>
        </div>
    }
}
