//! The governance network as SVG: a thin view of `core::network`, with dragging, zoom and pan.
//!
//! A drag moves the node locally and dispatches one `MoveNode` when it ends, so a drag is one
//! undo step and the document (and autosave) changes once. Each node's live position is its own
//! memo and each edge listens to its two ends only, so a drag updates the edges it must and no
//! others, which keeps 60 × 60 networks smooth.

use std::collections::{BTreeMap, HashMap};

use leptos::ev;
use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::model::{Id, Point, Tier};
use crate::core::network::{edge_ends, network, EdgeStyle, NetEdge, Network, Side};
use crate::i18n::{self, K};
use crate::ui::diagram::{model_stem, ExportButtons};
use crate::ui::matrix::CellEditor;
use crate::ui::session::ctx;

/// Pixels a pointer must travel before a press becomes a drag (a shorter one is a click).
const DRAG_SLOP: f64 = 3.0;
/// Diagram units an arrow key moves the focused node (ten times as far with Shift).
const KEY_STEP: f64 = 10.0;

fn style_class(s: EdgeStyle) -> &'static str {
    match s {
        EdgeStyle::Main => "edge main",
        EdgeStyle::Leads => "edge leads",
        EdgeStyle::Supervises => "edge supervises",
        EdgeStyle::Assists => "edge assists",
        EdgeStyle::Other => "edge other",
    }
}

fn style_key(s: EdgeStyle) -> K {
    match s {
        EdgeStyle::Main => K::RelMain,
        EdgeStyle::Leads => K::RelLeads,
        EdgeStyle::Supervises => K::RelSupervises,
        EdgeStyle::Assists => K::RelAssists,
        EdgeStyle::Other => K::EdgeOther,
    }
}

/// A press on a node that may become a drag.
#[derive(Clone, Debug, PartialEq)]
struct Press {
    id: Id,
    client: (f64, f64),
    origin: Point,
    moved: bool,
}

/// A press on the background that pans the view.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pan {
    client: (f64, f64),
    origin: [f64; 4],
}

/// The area shown: `[x, y, width, height]` in diagram units.
fn fit(n: &Network) -> [f64; 4] {
    [n.min.x, n.min.y, n.max.x - n.min.x, n.max.y - n.min.y]
}

/// Diagram units per screen pixel for the viewBox `vb` drawn in `svg` (aspect ratio kept).
fn units_per_pixel(svg: &web_sys::Element, vb: [f64; 4]) -> f64 {
    let r = svg.get_bounding_client_rect();
    let scale = (r.width() / vb[2]).min(r.height() / vb[3]);
    if scale.is_finite() && scale > 0.0 {
        1.0 / scale
    } else {
        1.0
    }
}

/// Zooms `vb` by `factor` (above 1 zooms in) around the diagram point `at`.
fn zoom(vb: [f64; 4], factor: f64, at: Point) -> [f64; 4] {
    let (w, h) = (vb[2] / factor, vb[3] / factor);
    // Keep sensible bounds: neither a speck nor a blow-up of a single letter.
    if !(40.0..=40_000.0).contains(&w) {
        return vb;
    }
    [
        at.x - (at.x - vb[0]) / factor,
        at.y - (at.y - vb[1]) / factor,
        w,
        h,
    ]
}

/// The network without positions: what a drag never changes.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    nodes: Vec<NodeInfo>,
    edges: Vec<NetEdge>,
}

#[derive(Clone, Debug, PartialEq)]
struct NodeInfo {
    id: Id,
    side: Side,
    r: f64,
    weight: f64,
}

impl Shape {
    fn of(n: &Network) -> Shape {
        let zero = Point { x: 0.0, y: 0.0 };
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
                    start: zero,
                    end: zero,
                    ..e.clone()
                })
                .collect(),
        }
    }
}

/// A subject's colour (grey when absent from the model), white for an object.
fn node_fill(looks: Memo<HashMap<Id, (String, bool)>>, id: &Id, side: Side) -> String {
    match side {
        Side::Subject => looks.with_untracked(|l| match l.get(id) {
            Some((_, true)) => "#e5e7eb".to_string(),
            Some((colour, false)) => colour.clone(),
            None => String::new(),
        }),
        Side::Object => "#ffffff".to_string(),
    }
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
    at: Memo<Point>,
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
    let net = Memo::new(move |_| {
        let id = model.get();
        c.session
            .with(|s| s.wb.model(&id).map(|m| network(&s.wb, m)))
    });
    let names = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.axis_names(lang))
    });
    let roles = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.roles
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        (r.name.get(lang).to_string(), r.colour.clone()),
                    )
                })
                .collect::<HashMap<Id, (String, String)>>()
        })
    });
    let looks = Memo::new(move |_| {
        let id = model.get();
        c.session.with(|s| {
            s.wb.subjects
                .iter()
                .map(|x| {
                    let absent =
                        s.wb.model(&id)
                            .is_none_or(|m| m.tier(&x.id) == Tier::Absent);
                    (x.id.clone(), (x.colour.clone(), absent))
                })
                .collect::<HashMap<Id, (String, bool)>>()
        })
    });
    let drag = RwSignal::new(None::<(Id, Point)>);
    let press = StoredValue::new(None::<Press>);
    let pan = StoredValue::new(None::<Pan>);
    let hot = RwSignal::new(None::<Id>);
    let zoomed = RwSignal::new(None::<[f64; 4]>);
    let editing = RwSignal::new(None::<(Id, Id)>);
    let card = RwSignal::new(None::<Id>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    // A new model starts fitted to the view.
    Effect::new(move |_| {
        model.track();
        zoomed.set(None);
        card.set(None);
        editing.set(None);
    });
    let view_box = Memo::new(move |_| {
        zoomed
            .get()
            .or_else(|| net.with(|n| n.as_ref().map(fit)))
            .unwrap_or([0.0, 0.0, 1000.0, 600.0])
    });
    let move_node = move |id: &Id, at: Option<Point>| {
        let m = model.get_untracked();
        let _ = c.dispatch(Command::MoveNode {
            model: m,
            node: id.clone(),
            at,
        });
    };
    // The diagram point under the screen point (x, y).
    let to_diagram = move |x: f64, y: f64| -> Option<Point> {
        let svg: web_sys::Element = svg_ref.get_untracked()?.into();
        let r = svg.get_bounding_client_rect();
        let vb = view_box.get_untracked();
        let k = units_per_pixel(&svg, vb);
        // With the aspect ratio kept, the drawing is centred in the element.
        let (ox, oy) = (
            (r.width() - vb[2] / k) / 2.0,
            (r.height() - vb[3] / k) / 2.0,
        );
        Some(Point {
            x: vb[0] + (x - r.left() - ox) * k,
            y: vb[1] + (y - r.top() - oy) * k,
        })
    };
    let on_move = move |e: ev::PointerEvent| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let svg: web_sys::Element = svg.into();
        let k = units_per_pixel(&svg, view_box.get_untracked());
        let client = (e.client_x() as f64, e.client_y() as f64);
        if let Some(mut p) = press.get_value() {
            let (dx, dy) = (client.0 - p.client.0, client.1 - p.client.1);
            if !p.moved && dx.hypot(dy) < DRAG_SLOP {
                return;
            }
            p.moved = true;
            let at = Point {
                x: p.origin.x + dx * k,
                y: p.origin.y + dy * k,
            };
            drag.set(Some((p.id.clone(), at)));
            press.set_value(Some(p));
        } else if let Some(p) = pan.get_value() {
            let (dx, dy) = (client.0 - p.client.0, client.1 - p.client.1);
            let o = p.origin;
            zoomed.set(Some([o[0] - dx * k, o[1] - dy * k, o[2], o[3]]));
        }
    };
    let on_up = move |_: ev::PointerEvent| {
        pan.set_value(None);
        let Some(p) = press.get_value() else { return };
        press.set_value(None);
        if let Some((id, at)) = drag.get_untracked() {
            move_node(&id, Some(at));
            c.seal();
        }
        drag.set(None);
        if !p.moved {
            card.set(Some(p.id));
        }
    };
    let on_wheel = move |e: ev::WheelEvent| {
        let Some(at) = to_diagram(e.client_x() as f64, e.client_y() as f64) else {
            return;
        };
        e.prevent_default();
        let vb = view_box.get_untracked();
        let factor = if e.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
        zoomed.set(Some(zoom(vb, factor, at)));
    };
    let zoom_centre = move |factor: f64| {
        let vb = view_box.get_untracked();
        let centre = Point {
            x: vb[0] + vb[2] / 2.0,
            y: vb[1] + vb[3] / 2.0,
        };
        zoomed.set(Some(zoom(vb, factor, centre)));
    };
    let pinned = Memo::new(move |_| {
        let id = model.get();
        c.session
            .with(|s| s.wb.model(&id).is_some_and(|m| !m.layout.is_empty()))
    });
    let title = move || {
        let lang = c.lang.get();
        let id = model.get();
        let name = c.session.with(|s| {
            s.wb.model(&id)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        });
        i18n::tr(lang, K::NetworkCaption, &[("model", &name)])
    };
    let focus_node = |id: &str| {
        if let Ok(Some(el)) = document().query_selector(&format!("[data-testid=\"net-node-{id}\"]"))
        {
            use wasm_bindgen::JsCast;
            // Nodes are SVG elements, which are focusable but not HTML elements.
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    };
    // What to draw, without positions: a drag or a move does not change it, so the drawing is
    // built once and then only the moved node's attributes change.
    let shape = Memo::new(move |_| net.with(|n| n.as_ref().map(Shape::of)));
    let positions = Memo::new(move |_| {
        net.with(|n| {
            n.as_ref()
                .map(|n| {
                    n.nodes
                        .iter()
                        .map(|x| (x.id.clone(), (x.at, x.pinned)))
                        .collect::<HashMap<Id, (Point, bool)>>()
                })
                .unwrap_or_default()
        })
    });
    let lifted = Memo::new(move |_| drag.with(|d| d.as_ref().map(|d| d.0.clone())));
    let colour_of = move |role: &Option<Id>| {
        role.as_ref()
            .and_then(|r| roles.with(|x| x.get(r).map(|x| x.1.clone())))
            .unwrap_or_else(|| "#6b7280".into())
    };
    let drawing = move || {
        let Some(sh) = shape.get() else {
            return ().into_any();
        };
        // Each node's laid-out place, as its own memo: a move updates that node and its edges.
        let base: HashMap<Id, (Memo<Point>, f64)> = sh
            .nodes
            .iter()
            .map(|node| {
                let id = node.id.clone();
                let at = Memo::new(move |_| {
                    positions.with(|p| p.get(&id).map(|x| x.0).unwrap_or(Point { x: 0.0, y: 0.0 }))
                });
                (node.id.clone(), (at, node.r))
            })
            .collect();
        let edges = sh
            .edges
            .iter()
            .map(|e| {
                let ((a, ra), (b, rb)) = (base[&e.subject], base[&e.object]);
                let ends = Memo::new(move |_| edge_ends(a.get(), ra, b.get(), rb));
                let (s, o) = (e.subject.clone(), e.object.clone());
                let is_hot = {
                    let (s, o) = (s.clone(), o.clone());
                    move || hot.with(|h| h.as_ref().is_some_and(|h| *h == s || *h == o))
                };
                // Drawn in the overlay while one of its ends is dragged.
                let is_lifted = {
                    let (s, o) = (s.clone(), o.clone());
                    move || lifted.with(|h| h.as_ref().is_some_and(|h| *h == s || *h == o))
                };
                let role = e.role.clone();
                let label = {
                    let (s, o) = (s.clone(), o.clone());
                    move || {
                        let lang = c.lang.get();
                        let role_name = role
                            .as_ref()
                            .and_then(|r| roles.with(|x| x.get(r).map(|x| x.0.clone())))
                            .unwrap_or_else(|| K::NoRole.get(lang).to_string());
                        names.with(|nm| {
                            i18n::tr(lang, K::EdgeLabel, &[
                                ("subject", nm.get(&s).map(String::as_str).unwrap_or("")),
                                ("object", nm.get(&o).map(String::as_str).unwrap_or("")),
                                ("role", &role_name),
                            ])
                        })
                    }
                };
                let open = {
                    let (s, o) = (s.clone(), o.clone());
                    move |_| editing.set(Some((s.clone(), o.clone())))
                };
                view! {
                    <g
                        class=style_class(e.style)
                        class:hot=is_hot
                        class:lifted=is_lifted
                        data-testid=format!("net-edge-{s}-{o}")
                        data-style=format!("{:?}", e.style).to_lowercase()
                        role="button"
                        tabindex="-1"
                        aria-label=label
                        on:click=open
                    >
                        <line class="hit" x1=move || ends.get().0.x y1=move || ends.get().0.y x2=move || ends.get().1.x y2=move || ends.get().1.y></line>
                        <EdgeLines edge=e.clone() colour=colour_of(&e.role) ends=ends/>
                    </g>
                }
            })
            .collect_view();
        let nodes = sh
            .nodes
            .iter()
            .map(|node| {
                let (at, r) = base[&node.id];
                let id = node.id.clone();
                let side = node.side;
                let absent = side == Side::Subject && looks.with(|l| l.get(&id).is_some_and(|x| x.1));
                let name = {
                    let id = id.clone();
                    move || names.with(|nm| nm.get(&id).cloned().unwrap_or_default())
                };
                let aria = {
                    let name = name.clone();
                    let weight = node.weight;
                    move || {
                        let lang = c.lang.get();
                        let kind = match side {
                            Side::Subject => K::Subject,
                            Side::Object => K::Object,
                        };
                        i18n::tr(lang, K::NodeLabel, &[
                            ("name", &name()),
                            ("kind", kind.get(lang)),
                            ("weight", &format!("{weight}")),
                        ])
                    }
                };
                let (id_down, id_key, id_hot, id_lift, id_pin) =
                    (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                // While dragged, the node shows where the pointer is.
                let shown = Memo::new(move |_| {
                    drag.with(|d| match d {
                        Some((i, p)) if *i == id_lift => *p,
                        _ => at.get(),
                    })
                });
                view! {
                    <g
                        class=if side == Side::Subject { "net-node subject" } else { "net-node object" }
                        class:absent=absent
                        class:pinned=move || positions.with(|p| p.get(&id_pin).is_some_and(|x| x.1))
                        class:lifted={
                            let id = id.clone();
                            move || lifted.with(|l| l.as_ref() == Some(&id))
                        }
                        data-testid=format!("net-node-{}", node.id)
                        data-x=move || format!("{:.1}", shown.get().x)
                        data-y=move || format!("{:.1}", shown.get().y)
                        tabindex="0"
                        role="button"
                        aria-label=aria
                        on:pointerdown=move |e: ev::PointerEvent| {
                            if e.button() != 0 {
                                return;
                            }
                            e.stop_propagation();
                            if let Some(t) = e.current_target() {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = t.dyn_into::<web_sys::Element>() {
                                    let _ = el.set_pointer_capture(e.pointer_id());
                                }
                            }
                            press.set_value(Some(Press {
                                id: id_down.clone(),
                                client: (e.client_x() as f64, e.client_y() as f64),
                                origin: at.get_untracked(),
                                moved: false,
                            }));
                        }
                        on:keydown=move |e: ev::KeyboardEvent| {
                            let step = if e.shift_key() { KEY_STEP * 10.0 } else { KEY_STEP };
                            let (dx, dy) = match e.key().as_str() {
                                "ArrowLeft" => (-step, 0.0),
                                "ArrowRight" => (step, 0.0),
                                "ArrowUp" => (0.0, -step),
                                "ArrowDown" => (0.0, step),
                                "Enter" | " " => {
                                    e.prevent_default();
                                    card.set(Some(id_key.clone()));
                                    return;
                                }
                                _ => return,
                            };
                            e.prevent_default();
                            let p = at.get_untracked();
                            move_node(&id_key, Some(Point { x: p.x + dx, y: p.y + dy }));
                        }
                        on:focus={
                            let id = id_hot.clone();
                            move |_| {
                                hot.set(Some(id.clone()));
                                // Keyboard users reach nodes outside a zoomed view: bring them in.
                                if let Some(vb) = zoomed.get_untracked() {
                                    let p = at.get_untracked();
                                    let inside = p.x >= vb[0] && p.x <= vb[0] + vb[2] && p.y >= vb[1] && p.y <= vb[1] + vb[3];
                                    if !inside {
                                        zoomed.set(Some([p.x - vb[2] / 2.0, p.y - vb[3] / 2.0, vb[2], vb[3]]));
                                    }
                                }
                            }
                        }
                        on:blur=move |_| {
                            hot.set(None);
                            c.seal();
                        }
                        on:pointerenter={
                            let id = id_hot.clone();
                            move |_| hot.set(Some(id.clone()))
                        }
                        on:pointerleave=move |_| hot.set(None)
                    >
                        <NodeShape at=at r=r side=side fill=node_fill(looks, &id, side) name=Signal::derive(name)/>
                    </g>
                }
            })
            .collect_view();
        view! {
            <g class="edges">{edges}</g>
            <g class="nodes">{nodes}</g>
        }
        .into_any()
    };
    // The dragged node and its edges, drawn on a layer of their own so that a drag repaints a
    // few lines instead of the whole network.
    let overlay = move || {
        let id = lifted.get()?;
        let sh = shape.get()?;
        let node = sh.nodes.iter().find(|n| n.id == id)?.clone();
        let here = Memo::new(move |_| {
            drag.with(|d| d.as_ref().map(|d| d.1)).unwrap_or_else(|| {
                positions.with_untracked(|p| {
                    p.get(&node.id)
                        .map(|x| x.0)
                        .unwrap_or(Point { x: 0.0, y: 0.0 })
                })
            })
        });
        let still = positions.get_untracked();
        let radius: HashMap<&Id, f64> = sh.nodes.iter().map(|n| (&n.id, n.r)).collect();
        let edges = sh
            .edges
            .iter()
            .filter(|e| e.subject == id || e.object == id)
            .map(|e| {
                let other = if e.subject == id {
                    &e.object
                } else {
                    &e.subject
                };
                let (there, r_there) = (
                    still
                        .get(other)
                        .map(|x| x.0)
                        .unwrap_or(Point { x: 0.0, y: 0.0 }),
                    radius[other],
                );
                let (r_here, forward) = (node.r, e.subject == id);
                let ends = Memo::new(move |_| {
                    if forward {
                        edge_ends(here.get(), r_here, there, r_there)
                    } else {
                        edge_ends(there, r_there, here.get(), r_here)
                    }
                });
                view! {
                    <g class=style_class(e.style)>
                        <EdgeLines edge=e.clone() colour=colour_of(&e.role) ends=ends/>
                    </g>
                }
            })
            .collect_view();
        let name = names.with_untracked(|nm| nm.get(&id).cloned().unwrap_or_default());
        Some(view! {
            <g class="edges">{edges}</g>
            <g class="net-node dragging">
                <NodeShape at=here r=node.r side=node.side fill=node_fill(looks, &id, node.side) name=Signal::derive(move || name.clone())/>
            </g>
        })
    };
    view! {
        <figure class="network" node_ref=figure_ref data-testid="network">
            <figcaption>
                <h2>{title}</h2>
                <p class="muted" id="network-help">{move || c.t(K::NetworkHelp)}</p>
            </figcaption>
            <div class="row toolbar" role="toolbar" aria-label=move || c.t(K::NetworkTools)>
                <button data-testid="zoom-in" on:click=move |_| zoom_centre(1.25)>{move || c.t(K::ZoomIn)}</button>
                <button data-testid="zoom-out" on:click=move |_| zoom_centre(0.8)>{move || c.t(K::ZoomOut)}</button>
                <button data-testid="zoom-fit" on:click=move |_| zoomed.set(None)>{move || c.t(K::ZoomFit)}</button>
                <button
                    data-testid="auto-layout"
                    disabled=move || !pinned.get()
                    on:click=move |_| {
                        let _ = c.dispatch(Command::SetLayout {
                            model: model.get_untracked(),
                            layout: BTreeMap::new(),
                        });
                        zoomed.set(None);
                    }
                >{move || c.t(K::AutoLayout)}</button>
            </div>
            <div class="stage">
            <svg
                xmlns="http://www.w3.org/2000/svg"
                data-export="network"
                node_ref=svg_ref
                class:has-hot=move || hot.with(Option::is_some)
                class:panning=move || zoomed.with(Option::is_some)
                viewBox=move || { let v = view_box.get(); format!("{:.1} {:.1} {:.1} {:.1}", v[0], v[1], v[2], v[3]) }
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label=title
                aria-describedby="network-help"
                on:pointerdown=move |e: ev::PointerEvent| {
                    if e.button() != 0 {
                        return;
                    }
                    pan.set_value(Some(Pan {
                        client: (e.client_x() as f64, e.client_y() as f64),
                        origin: view_box.get_untracked(),
                    }));
                }
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| {
                    press.set_value(None);
                    pan.set_value(None);
                    drag.set(None);
                }
                on:wheel=on_wheel
            >
                {drawing}
            </svg>
            <svg class="overlay" aria-hidden="true" viewBox=move || { let v = view_box.get(); format!("{:.1} {:.1} {:.1} {:.1}", v[0], v[1], v[2], v[3]) } preserveAspectRatio="xMidYMid meet">
                {overlay}
            </svg>
            </div>
            <div class="legend-line">
                {[EdgeStyle::Main, EdgeStyle::Leads, EdgeStyle::Assists, EdgeStyle::Supervises, EdgeStyle::Other].into_iter().map(|s| view! {
                    <span class="key">
                        <svg width="44" height="12" aria-hidden="true"><g class=style_class(s)><line class="stroke" stroke="#111827" x1="2" y1="6" x2="42" y2="6"></line></g></svg>
                        {move || c.t(style_key(s))}
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
            <ExportButtons figure=figure_ref stem=Signal::derive(move || model_stem(model.get(), "network")) uid="network".to_string()/>
            {move || card.get().map(|id| view! {
                <NodeCard
                    id=id.clone()
                    model=model.into()
                    editing=editing
                    on_close=move || {
                        card.set(None);
                        focus_node(&id);
                    }
                />
            })}
            <CellEditor editing=editing on_close=move |s, _| focus_node(s)/>
        </figure>
    }
}

/// A node's cells in the model, each opening the cell editor: the keyboard's way to the edges.
#[component]
fn NodeCard(
    id: Id,
    model: Signal<Id>,
    editing: RwSignal<Option<(Id, Id)>>,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_ref.get() {
            let _ = b.focus();
        }
    });
    let info = {
        let id = id.clone();
        move || {
            let lang = c.lang.get();
            let m = model.get();
            c.session.with(|s| {
                let model = s.wb.model(&m)?;
                let subject = s.wb.subject(&id).is_some();
                let name =
                    s.wb.subject(&id)
                        .map(|x| x.name.get(lang).to_string())
                        .or_else(|| s.wb.object(&id).map(|x| x.name.get(lang).to_string()))?;
                let role = |r: &Option<Id>| {
                    r.as_ref()
                        .and_then(|r| s.wb.role(r))
                        .map(|r| r.name.get(lang).to_string())
                        .unwrap_or_else(|| K::NoRole.get(lang).to_string())
                };
                let cells: Vec<(Id, Id, String, String)> = if subject {
                    s.wb.objects
                        .iter()
                        .filter_map(|o| {
                            let cell = model.cell(&id, &o.id)?;
                            Some((
                                id.clone(),
                                o.id.clone(),
                                o.name.get(lang).to_string(),
                                role(&cell.role),
                            ))
                        })
                        .collect()
                } else {
                    s.wb.subjects
                        .iter()
                        .filter_map(|x| {
                            let cell = model.cell(&x.id, &id)?;
                            Some((
                                x.id.clone(),
                                id.clone(),
                                x.name.get(lang).to_string(),
                                role(&cell.role),
                            ))
                        })
                        .collect()
                };
                Some((name, model.layout.contains_key(&id), cells))
            })
        }
    };
    let unpin = {
        let id = id.clone();
        move |_| {
            let _ = c.dispatch(Command::MoveNode {
                model: model.get_untracked(),
                node: id.clone(),
                at: None,
            });
        }
    };
    let close = on_close.clone();
    view! {
        <aside
            class="subject-card"
            role="dialog"
            aria-labelledby="node-card-title"
            data-testid="node-card"
            on:keydown=crate::ui::on_escape(close)
        >
            {move || info().map(|(name, pinned, cells)| {
                let unpin = unpin.clone();
                let none = cells.is_empty();
                view! {
                    <h2 id="node-card-title">{name}</h2>
                    <p class="muted">{move || c.t(if none { K::NodeNoCells } else { K::NodeCells })}</p>
                    <ul class="node-cells">
                        {cells.into_iter().map(|(s, o, other, role)| view! {
                            <li>
                                <button data-testid=format!("node-cell-{s}-{o}") on:click=move |_| editing.set(Some((s.clone(), o.clone())))>
                                    {other} " — " {role}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                    {pinned.then(|| view! {
                        <button data-testid="node-unpin" on:click=unpin>{move || c.t(K::Unpin)}</button>
                    })}
                }
            })}
            <button data-testid="node-card-close" node_ref=close_ref on:click=move |_| on_close()>{move || c.t(K::Close)}</button>
        </aside>
    }
}
