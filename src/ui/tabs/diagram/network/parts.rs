//! The pieces of the network drawing: an edge, a node, and the overlay that carries the node
//! being dragged with its edges.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;

use crate::core::model::{Id, Point};
use crate::core::network::{edge_ends, EdgeStyle, NetEdge, Side};
use crate::i18n::{self, K};
use crate::ui::session::ctx;
use crate::ui::tabs::diagram::network::Net;

/// Diagram units an arrow key moves the focused node (ten times as far with Shift).
const KEY_STEP: f64 = 10.0;
const ORIGIN: Point = Point { x: 0.0, y: 0.0 };

/// The CSS classes of an edge drawn in `s`.
pub fn style_class(s: EdgeStyle) -> &'static str {
    match s {
        EdgeStyle::Main => "edge main",
        EdgeStyle::Leads => "edge leads",
        EdgeStyle::Supervises => "edge supervises",
        EdgeStyle::Assists => "edge assists",
        EdgeStyle::Other => "edge other",
    }
}

/// The network without positions: what a drag never changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Nodes in drawing order.
    pub nodes: Vec<NodeInfo>,
    /// Edges with their ends left at the origin.
    pub edges: Vec<NetEdge>,
}

/// A node without its position.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeInfo {
    /// Subject or object id.
    pub id: Id,
    /// Its column.
    pub side: Side,
    /// Radius.
    pub r: f64,
    /// Weighted responsibility.
    pub weight: f64,
}

impl Shape {
    /// The shape of `n`.
    pub fn of(n: &crate::core::network::Network) -> Shape {
        Shape {
            nodes: n
                .nodes
                .iter()
                .map(|x| NodeInfo {
                    id: x.id.clone(),
                    side: x.side,
                    r: x.r,
                    weight: x.weight,
                })
                .collect(),
            edges: n
                .edges
                .iter()
                .map(|e| NetEdge {
                    start: ORIGIN,
                    end: ORIGIN,
                    ..e.clone()
                })
                .collect(),
        }
    }
}

/// A subject's colour (grey when absent from the model), white for an object.
fn node_fill(net: Net, id: &Id, side: Side) -> String {
    match side {
        Side::Subject => net.looks.with_untracked(|l| match l.get(id) {
            Some((_, true)) => "#e5e7eb".to_string(),
            Some((colour, false)) => colour.clone(),
            None => String::new(),
        }),
        Side::Object => "#ffffff".to_string(),
    }
}

/// The colour of an edge of `role`.
fn edge_colour(net: Net, role: &Option<Id>) -> String {
    role.as_ref()
        .and_then(|r| net.roles.with_untracked(|x| x.get(r).map(|x| x.1.clone())))
        .unwrap_or_else(|| "#6b7280".into())
}

/// The visible lines of an edge and its law/morals marks.
#[component]
fn EdgeLines(edge: NetEdge, colour: String, ends: Memo<(Point, Point)>) -> impl IntoView {
    let along = move |t: f64| {
        let (p, q) = ends.get();
        Point {
            x: p.x + (q.x - p.x) * t,
            y: p.y + (q.y - p.y) * t,
        }
    };
    view! {
        <line class="stroke" stroke=colour x1=move || ends.get().0.x y1=move || ends.get().0.y x2=move || ends.get().1.x y2=move || ends.get().1.y></line>
        {edge.law.then(|| view! {
            <rect class="mark law" data-testid="mark-law" width="9" height="9" x=move || along(0.42).x - 4.5 y=move || along(0.42).y - 4.5></rect>
        })}
        {edge.morals.then(|| view! {
            <circle class="mark morals" data-testid="mark-morals" r="5" cx=move || along(0.58).x cy=move || along(0.58).y></circle>
        })}
    }
}

/// A node's circle and its label, left of a subject and right of an object.
#[component]
fn NodeShape(
    at: Signal<Point>,
    r: f64,
    side: Side,
    fill: String,
    name: Signal<String>,
) -> impl IntoView {
    let text_x = move || match side {
        Side::Subject => at.get().x - r - 8.0,
        Side::Object => at.get().x + r + 8.0,
    };
    view! {
        <circle cx=move || at.get().x cy=move || at.get().y r=r fill=fill></circle>
        <text
            x=text_x
            y=move || at.get().y + 5.0
            text-anchor=if side == Side::Subject { "end" } else { "start" }
        >{name}</text>
    }
}

/// One edge: highlighted with its ends, hidden here while an end is dragged (the overlay
/// draws it then), and a click opens the cell's editor.
#[component]
pub fn Edge(net: Net, edge: NetEdge, ends: Memo<(Point, Point)>) -> impl IntoView {
    let c = ctx();
    // Selectors: hovering or lifting a node wakes its own edges, not all of them.
    let ends_of = (Some(edge.subject.clone()), Some(edge.object.clone()));
    let touches = move |sel: StoredValue<Selector<Option<Id>>, LocalStorage>| {
        sel.with_value(|x| x.selected(&ends_of.0) || x.selected(&ends_of.1))
    };
    let (t1, t2) = (touches.clone(), touches);
    let is_hot = move || t1(net.hot_sel);
    let is_lifted = move || t2(net.lifted_sel);
    let (s, o, role) = (edge.subject.clone(), edge.object.clone(), edge.role.clone());
    let label = move || {
        let lang = c.lang.get();
        let role_name = role
            .as_ref()
            .and_then(|r| net.roles.with(|x| x.get(r).map(|x| x.0.clone())))
            .unwrap_or_else(|| K::NoRole.get(lang).to_string());
        net.names.with(|nm| {
            i18n::tr(
                lang,
                K::EdgeLabel,
                &[
                    ("subject", nm.get(&s).map(String::as_str).unwrap_or("")),
                    ("object", nm.get(&o).map(String::as_str).unwrap_or("")),
                    ("role", &role_name),
                ],
            )
        })
    };
    let cell = (edge.subject.clone(), edge.object.clone());
    let testid = format!("net-edge-{}-{}", cell.0, cell.1);
    let (class, style) = (
        style_class(edge.style),
        format!("{:?}", edge.style).to_lowercase(),
    );
    let colour = edge_colour(net, &edge.role);
    view! {
        <g
            class=class
            class:hot=is_hot
            class:lifted=is_lifted
            data-testid=testid
            data-style=style
            role="button"
            tabindex="-1"
            aria-label=label
            on:click=move |_| net.editing.set(Some(cell.clone()))
        >
            <line class="hit" x1=move || ends.get().0.x y1=move || ends.get().0.y x2=move || ends.get().1.x y2=move || ends.get().1.y></line>
            <EdgeLines colour=colour edge=edge ends=ends/>
        </g>
    }
}

/// One node: drag it, move it with the arrow keys, open its card with Enter or a click.
#[component]
pub fn Node(net: Net, node: NodeInfo, at: Signal<Point>) -> impl IntoView {
    let c = ctx();
    let NodeInfo {
        id,
        side,
        r,
        weight,
    } = node;
    let absent = side == Side::Subject && net.looks.with(|l| l.get(&id).is_some_and(|x| x.1));
    let i = id.clone();
    let name = Signal::derive(move || net.names.with(|nm| nm.get(&i).cloned().unwrap_or_default()));
    let aria = move || {
        let lang = c.lang.get();
        let kind = if side == Side::Subject {
            K::Subject
        } else {
            K::Object
        };
        let args = [
            ("name", name.get()),
            ("kind", kind.get(lang).into()),
            ("weight", format!("{weight}")),
        ];
        i18n::tr(
            lang,
            K::NodeLabel,
            &args.each_ref().map(|(k, v)| (*k, v.as_str())),
        )
    };
    let i = Some(id.clone());
    let is_lifted = Memo::new(move |_| net.lifted_sel.with_value(|x| x.selected(&i)));
    // While dragged, the node shows where the pointer is; others do not follow the pointer.
    let shown = Memo::new(move |_| {
        let dragged = is_lifted
            .get()
            .then(|| net.drag.moving.with(|d| d.as_ref().map(|d| d.1)));
        dragged.flatten().unwrap_or_else(|| at.get())
    });
    let i = id.clone();
    // Hidden while lifted: its look changes when it is put down, with its lines.
    let pinned = move || !is_lifted.get() && net.positions.with(|p| p.get(&i).is_some_and(|x| x.1));
    let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let on_key = move |e: ev::KeyboardEvent| {
        let step = if e.shift_key() {
            KEY_STEP * 10.0
        } else {
            KEY_STEP
        };
        let (dx, dy) = match e.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            "Enter" | " " => (0.0, 0.0),
            _ => return,
        };
        e.prevent_default();
        if (dx, dy) == (0.0, 0.0) {
            net.card.set(Some(i2.clone()));
        } else {
            let p = at.get_untracked();
            net.move_node(
                &i2,
                Some(Point {
                    x: p.x + dx,
                    y: p.y + dy,
                }),
            );
        }
    };
    view! {
        <g
            class=if side == Side::Subject { "net-node subject" } else { "net-node object" }
            class:absent=absent
            class:pinned=pinned
            class:lifted=move || is_lifted.get()
            data-testid=format!("net-node-{id}")
            data-x=move || format!("{:.1}", shown.get().x)
            data-y=move || format!("{:.1}", shown.get().y)
            tabindex="0"
            role="button"
            aria-label=aria
            on:pointerdown=move |e: ev::PointerEvent| net.drag.press_node(&e, i1.clone(), at.get_untracked())
            on:keydown=on_key
            on:focus=move |_| {
                net.hot.set(Some(i3.clone()));
                // Keyboard users reach nodes outside a zoomed view: bring them in.
                if let Some(vb) = net.zoomed.get_untracked() {
                    net.zoomed.set(Some(vb.reveal(at.get_untracked())));
                }
            }
            on:blur=move |_| {
                net.hot.set(None);
                c.seal();
            }
            on:pointerenter=move |_| net.hot.set(Some(i4.clone()))
            on:pointerleave=move |_| net.hot.set(None)
        >
            <NodeShape at=at r=r side=side fill=node_fill(net, &id, side) name=name/>
        </g>
    }
}

/// The dragged node and its edges, drawn on a layer of their own so that a drag repaints a
/// few lines instead of the whole network.
pub fn overlay(net: Net) -> Option<impl IntoView> {
    let id = net.drag.lifted.get()?;
    let sh = net.shape.get()?;
    let node = sh.nodes.iter().find(|n| n.id == id)?.clone();
    let still = net.positions.get_untracked();
    let place = move |id: &Id| still.get(id).map(|x| x.0).unwrap_or(ORIGIN);
    let start = place(&id);
    let here = Memo::new(move |_| {
        net.drag
            .moving
            .with(|d| d.as_ref().map(|d| d.1))
            .unwrap_or(start)
    });
    let radius: HashMap<&Id, f64> = sh.nodes.iter().map(|n| (&n.id, n.r)).collect();
    let edges = sh
        .edges
        .iter()
        .filter(|e| e.subject == id || e.object == id)
        .map(|e| {
            let forward = e.subject == id;
            let other = if forward { &e.object } else { &e.subject };
            let (there, r_there, r_here) = (place(other), radius[other], node.r);
            let ends = Memo::new(move |_| {
                if forward {
                    edge_ends(here.get(), r_here, there, r_there)
                } else {
                    edge_ends(there, r_there, here.get(), r_here)
                }
            });
            view! {
                <g class=style_class(e.style)>
                    <EdgeLines edge=e.clone() colour=edge_colour(net, &e.role) ends=ends/>
                </g>
            }
        })
        .collect_view();
    let name = net
        .names
        .with_untracked(|nm| nm.get(&id).cloned().unwrap_or_default());
    Some(view! {
        <g class="edges">{edges}</g>
        <g class="net-node dragging">
            <NodeShape at=here.into() r=node.r side=node.side fill=node_fill(net, &id, node.side) name=Signal::stored(name)/>
        </g>
    })
}
