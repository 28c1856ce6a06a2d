//! The governance network as SVG: a thin view of `core::network`, with dragging, zoom and pan.
//!
//! Each node's laid-out place is its own memo and each edge listens to its two ends only, so a
//! move updates the edges it must and no others; a dragged node and its edges are drawn on an
//! overlay, which keeps 60 × 60 networks smooth. Zoom and pan are `core::viewbox`.

mod card;
mod drag;
mod parts;

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::model::{Id, Point, Tier};
use crate::core::network::{edge_ends, extent, network, EdgeStyle};
use crate::core::viewbox::ViewBox;
use crate::i18n::{self, K};
use crate::ui::cell_editor::CellEditor;
use crate::ui::export::{model_stem, ExportButtons};
use crate::ui::session::{ctx, project, Ctx};
use crate::ui::widgets::{focus, testid};
use card::NodeCard;
use drag::{use_drag, Drag};
use parts::{overlay, style_class, Edge, Node, Shape};

/// What the parts of one network drawing share; `Copy`.
#[derive(Clone, Copy)]
pub struct Net {
    c: Ctx,
    /// The model drawn.
    model: Memo<Id>,
    /// Nodes and edges without positions.
    shape: Memo<Option<Shape>>,
    /// Every node's place, and whether the user pinned it there.
    positions: Memo<HashMap<Id, (Point, bool)>>,
    /// Subject and object names in the current language.
    names: ReadSignal<HashMap<Id, String>>,
    /// Role names and colours, by role id.
    roles: ReadSignal<HashMap<Id, (String, String)>>,
    /// Subject colours, and whether each is absent from the model.
    looks: ReadSignal<HashMap<Id, (String, bool)>>,
    /// The node whose edges are highlighted.
    hot: RwSignal<Option<Id>>,
    /// Whether a node is the hot one, waking only the parts that change.
    hot_sel: StoredValue<Selector<Option<Id>>, LocalStorage>,
    /// Whether a node is the one being dragged, likewise.
    lifted_sel: StoredValue<Selector<Option<Id>>, LocalStorage>,
    /// The area shown when the user zoomed or panned; `None` fits the network.
    zoomed: RwSignal<Option<ViewBox>>,
    /// The cell whose editor is open.
    editing: RwSignal<Option<(Id, Id)>>,
    /// The node whose card is open.
    card: RwSignal<Option<Id>>,
    drag: Drag,
}

/// Moves node `id` of `model` to `at` (or back to the automatic layout with `None`): one undo
/// step.
fn move_node(c: Ctx, model: Id, id: &Id, at: Option<Point>) {
    let _ = c.dispatch(Command::MoveNode {
        model,
        node: id.clone(),
        at,
    });
}

impl Net {
    /// Moves node `id` to `at` (or back to the automatic layout with `None`): one undo step.
    fn move_node(&self, id: &Id, at: Option<Point>) {
        move_node(self.c, self.model.get_untracked(), id, at);
    }
}

/// The shape of a network, its nodes' places and the view box that fits it.
type Layout = (
    Memo<Option<Shape>>,
    Memo<HashMap<Id, (Point, bool)>>,
    Memo<ViewBox>,
);

/// The memos of model `model`'s network.
fn net_memos(c: Ctx, model: Memo<Id>) -> Layout {
    // Built again only when more than a pin changed: a drop moves nodes, not edges (3,600 in a
    // 60 × 60 network).
    let net = Memo::new(move |_| {
        let id = model.get();
        c.with_content(|s| s.wb.model(&id).map(|m| network(&s.wb, m)))
    });
    // A drag or a move does not change the shape, so the drawing is built once and then only
    // the moved node's attributes change.
    let shape = Memo::new(move |_| net.with(|n| n.as_ref().map(Shape::of)));
    let positions = Memo::new(move |_| {
        let id = model.get();
        c.session.with(|s| {
            let pins = s.wb.model(&id).map(|m| &m.layout);
            net.with(|n| match (n, pins) {
                (Some(n), Some(pins)) => n.placed(pins),
                _ => HashMap::new(),
            })
        })
    });
    let fit = Memo::new(move |_| {
        let (min, max) = positions.with(|p| extent(p.values().map(|x| x.0)));
        ViewBox::between(min, max)
    });
    (shape, positions, fit)
}

/// Names, role looks and subject looks of model `model`, in the current language: projections,
/// not memos, since every edge reads them (see `project`).
type Looks = (
    ReadSignal<HashMap<Id, String>>,
    ReadSignal<HashMap<Id, (String, String)>>,
    ReadSignal<HashMap<Id, (String, bool)>>,
);

fn look_memos(c: Ctx, model: Memo<Id>) -> Looks {
    // None of them changes when a node is pinned somewhere.
    let names = project(move || {
        let lang = c.lang.get();
        c.with_content(|s| s.wb.axis_names(lang))
    });
    let roles = project(move || {
        let lang = c.lang.get();
        c.with_content(|s| {
            s.wb.roles
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        (r.name.get(lang).to_string(), r.colour.clone()),
                    )
                })
                .collect()
        })
    });
    let looks = project(move || {
        let id = model.get();
        c.with_content(|s| {
            let m = s.wb.model(&id);
            s.wb.subjects
                .iter()
                .map(|x| {
                    let absent = m.is_none_or(|m| m.tier(&x.id) == Tier::Absent);
                    (x.id.clone(), (x.colour.clone(), absent))
                })
                .collect()
        })
    });
    (names, roles, looks)
}

/// Focuses the node `id` of the network.
fn focus_node(id: &str) {
    focus(&testid(&format!("net-node-{id}")));
}

/// Who governs what in model `model`: subjects left, objects right, an edge per cell.
#[component]
pub fn NetworkDiagram(
    /// Id of the model drawn.
    #[prop(into)]
    model: Signal<Id>,
) -> impl IntoView {
    let c = ctx();
    // A memo, so that edits of the document do not count as a change of model.
    let model = Memo::new(move |_| model.get());
    let (shape, positions, fit) = net_memos(c, model);
    let (names, roles, looks) = look_memos(c, model);
    let zoomed = RwSignal::new(None::<ViewBox>);
    let view_box = Memo::new(move |_| zoomed.get().unwrap_or_else(|| fit.get()));
    let (editing, card) = (RwSignal::new(None::<(Id, Id)>), RwSignal::new(None::<Id>));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    // A drag ends in one `MoveNode`: one undo step, one save.
    let on_drop = Callback::new(move |(id, at): (Id, Point)| {
        move_node(c, model.get_untracked(), &id, Some(at));
        c.seal();
    });
    let drag = use_drag(
        svg_ref,
        view_box.into(),
        zoomed,
        on_drop,
        Callback::new(move |id| card.set(Some(id))),
    );
    let hot = RwSignal::new(None::<Id>);
    let net = Net {
        c,
        model,
        shape,
        positions,
        names,
        roles,
        looks,
        hot,
        hot_sel: StoredValue::new_local(Selector::new(move || hot.get())),
        lifted_sel: StoredValue::new_local(Selector::new(move || drag.lifted.get())),
        zoomed,
        editing,
        card,
        drag,
    };
    // A new model starts fitted to the view.
    Effect::new(move |_| {
        model.track();
        zoomed.set(None);
        card.set(None);
        editing.set(None);
    });
    let title = move || {
        let lang = c.lang.get();
        let name = c.session.with(|s| {
            s.wb.model(&model.get())
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        });
        i18n::tr(lang, K::NetworkCaption, &[("model", &name)])
    };
    let on_wheel = move |e: leptos::ev::WheelEvent| {
        let Some(at) = drag.diagram_point(e.client_x() as f64, e.client_y() as f64) else {
            return;
        };
        e.prevent_default();
        let factor = if e.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
        zoomed.set(Some(view_box.get_untracked().zoom(factor, at)));
    };
    view! {
        <figure class="network" node_ref=figure_ref data-testid="network">
            <figcaption>
                <h2>{title}</h2>
                <p class="muted" id="network-help">{move || c.t(K::NetworkHelp)}</p>
            </figcaption>
            <Toolbar net=net view_box=view_box/>
            <div class="stage">
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    data-export="network"
                    node_ref=svg_ref
                    class:has-hot=move || net.hot.with(Option::is_some)
                    class:panning=move || zoomed.with(Option::is_some)
                    viewBox=move || view_box.get().attr()
                    preserveAspectRatio="xMidYMid meet"
                    role="group"
                    aria-label=title
                    aria-describedby="network-help"
                    on:pointerdown=move |e| drag.press_background(&e)
                    on:pointermove=move |e| drag.pointer_move(&e)
                    on:pointerup=move |_| drag.pointer_up()
                    on:pointercancel=move |_| drag.cancel()
                    on:wheel=on_wheel
                >
                    {move || drawing(net)}
                </svg>
                <svg class="overlay" aria-hidden="true" viewBox=move || view_box.get().attr() preserveAspectRatio="xMidYMid meet">
                    {move || overlay(net)}
                </svg>
            </div>
            <Legend/>
            <ExportButtons figure=figure_ref stem=Signal::derive(move || model_stem(model.get(), "network")) uid="network".to_string()/>
            {move || card.get().map(|id| {
                let shown = id.clone();
                let on_close = Callback::new(move |()| {
                    card.set(None);
                    focus_node(&shown);
                });
                view! { <NodeCard id=id model=model.into() editing=editing on_close=on_close/> }
            })}
            <CellEditor editing=editing on_close=move |s, _| focus_node(s)/>
        </figure>
    }
}

/// Every edge and node of the network, each node's place a signal of its own.
fn drawing(net: Net) -> AnyView {
    let Some(sh) = net.shape.get() else {
        return ().into_any();
    };
    let place = |id: &Id| {
        net.positions
            .with_untracked(|p| p.get(id).map(|x| x.0))
            .unwrap_or(Point { x: 0.0, y: 0.0 })
    };
    let base: HashMap<Id, (RwSignal<Point>, f64)> = sh
        .nodes
        .iter()
        .map(|node| (node.id.clone(), (RwSignal::new(place(&node.id)), node.r)))
        .collect();
    // One effect sets the places that changed. Were each place a memo of all positions, a
    // moved node would mark every memo of every edge (3,600 in a 60 × 60 network) for checking;
    // this way only the moved node's edges wake.
    let places = base.clone();
    Effect::new(move |_| {
        // A dropped node's lines wait hidden under the overlay until it is put down (see
        // `Drag::pointer_up`), so that the drop's own frame does not repaint the drawing.
        let lifted = net.drag.lifted.get();
        net.positions.with(|p| {
            for (id, (signal, _)) in &places {
                if lifted.as_ref() == Some(id) {
                    continue;
                }
                let now = p.get(id).map(|x| x.0).unwrap_or(Point { x: 0.0, y: 0.0 });
                if signal.get_untracked() != now {
                    signal.set(now);
                }
            }
        })
    });
    let edges = sh
        .edges
        .into_iter()
        .map(|e| {
            let ((a, ra), (b, rb)) = (base[&e.subject], base[&e.object]);
            let ends = Memo::new(move |_| edge_ends(a.get(), ra, b.get(), rb));
            view! { <Edge net=net edge=e ends=ends/> }
        })
        .collect_view();
    let nodes = sh
        .nodes
        .into_iter()
        .map(|node| {
            let at = base[&node.id].0.into();
            view! { <Node net=net node=node at=at/> }
        })
        .collect_view();
    view! {
        <g class="edges">{edges}</g>
        <g class="nodes">{nodes}</g>
    }
    .into_any()
}

/// Zoom, fit and automatic layout.
#[component]
fn Toolbar(net: Net, view_box: Memo<ViewBox>) -> impl IntoView {
    let c = ctx();
    let zoom = move |factor: f64| {
        let vb = view_box.get_untracked();
        net.zoomed.set(Some(vb.zoom(factor, vb.centre())));
    };
    let pinned = Memo::new(move |_| {
        let id = net.model.get();
        c.session
            .with(|s| s.wb.model(&id).is_some_and(|m| !m.layout.is_empty()))
    });
    let auto_layout = move |_| {
        let model = net.model.get_untracked();
        let _ = c.dispatch(Command::SetLayout {
            model,
            layout: BTreeMap::new(),
        });
        net.zoomed.set(None);
    };
    view! {
        <div class="row toolbar" role="toolbar" aria-label=move || c.t(K::NetworkTools)>
            <button data-testid="zoom-in" on:click=move |_| zoom(1.25)>{move || c.t(K::ZoomIn)}</button>
            <button data-testid="zoom-out" on:click=move |_| zoom(0.8)>{move || c.t(K::ZoomOut)}</button>
            <button data-testid="zoom-fit" on:click=move |_| net.zoomed.set(None)>{move || c.t(K::ZoomFit)}</button>
            <button data-testid="auto-layout" disabled=move || !pinned.get() on:click=auto_layout>{move || c.t(K::AutoLayout)}</button>
        </div>
    }
}

/// What each line style and mark means.
#[component]
fn Legend() -> impl IntoView {
    let c = ctx();
    let styles = [
        EdgeStyle::Main,
        EdgeStyle::Leads,
        EdgeStyle::Assists,
        EdgeStyle::Supervises,
        EdgeStyle::Other,
    ];
    view! {
        <div class="legend-line">
            {styles.into_iter().map(|s| view! {
                <span class="key">
                    <svg width="44" height="12" aria-hidden="true"><g class=style_class(s)><line class="stroke" stroke="#111827" x1="2" y1="6" x2="42" y2="6"></line></g></svg>
                    {move || c.t(i18n::edge_style(s))}
                </span>
            }).collect_view()}
            <span class="key">
                <svg width="14" height="12" aria-hidden="true"><rect class="mark law" x="2" y="1" width="9" height="9"></rect></svg>
                {move || c.t(K::FamilyLaw)}
            </span>
            <span class="key">
                <svg width="14" height="12" aria-hidden="true"><circle class="mark morals" cx="7" cy="6" r="5"></circle></svg>
                {move || c.t(K::FamilyMorals)}
            </span>
        </div>
    }
}
