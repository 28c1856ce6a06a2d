//! `use_drag`: pointer presses on nodes become drags (or clicks), presses on the background pan.
//!
//! A drag moves the node locally and calls `on_drop` once when it ends, so a drag is one undo
//! step and the document (and autosave) changes once.

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::{Id, Point};
use crate::core::viewbox::ViewBox;

/// Pixels a pointer must travel before a press becomes a drag (a shorter one is a click).
const DRAG_SLOP: f64 = 3.0;

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
    origin: ViewBox,
}

/// Drag and pan state of one drawing; `Copy`.
#[derive(Clone, Copy)]
pub struct Drag {
    /// The node being dragged and where it is now.
    pub moving: RwSignal<Option<(Id, Point)>>,
    /// The id of the node being dragged, changing only when a drag starts or ends.
    pub lifted: Memo<Option<Id>>,
    press: StoredValue<Option<Press>>,
    pan: StoredValue<Option<Pan>>,
    svg: NodeRef<leptos::svg::Svg>,
    view_box: Signal<ViewBox>,
    zoomed: RwSignal<Option<ViewBox>>,
    on_drop: Callback<(Id, Point)>,
    on_click: Callback<Id>,
}

/// The drag state of the drawing `svg` shown at `view_box`; panning writes `zoomed`.
/// `on_drop` gets a dragged node and where it was dropped, `on_click` a node pressed without
/// moving.
pub fn use_drag(
    svg: NodeRef<leptos::svg::Svg>,
    view_box: Signal<ViewBox>,
    zoomed: RwSignal<Option<ViewBox>>,
    on_drop: Callback<(Id, Point)>,
    on_click: Callback<Id>,
) -> Drag {
    let moving = RwSignal::new(None::<(Id, Point)>);
    Drag {
        moving,
        lifted: Memo::new(move |_| moving.with(|d| d.as_ref().map(|d| d.0.clone()))),
        press: StoredValue::new(None),
        pan: StoredValue::new(None),
        svg,
        view_box,
        zoomed,
        on_drop,
        on_click,
    }
}

fn client(e: &ev::PointerEvent) -> (f64, f64) {
    (e.client_x() as f64, e.client_y() as f64)
}

impl Drag {
    /// Diagram units per screen pixel, as the drawing is shown now.
    fn units_per_pixel(&self) -> f64 {
        let Some(svg) = self.svg.get_untracked() else {
            return 1.0;
        };
        let r = svg.get_bounding_client_rect();
        self.view_box
            .get_untracked()
            .units_per_pixel(r.width(), r.height())
    }

    /// The diagram point under the screen point (`x`, `y`).
    pub fn diagram_point(&self, x: f64, y: f64) -> Option<Point> {
        let r = self.svg.get_untracked()?.get_bounding_client_rect();
        let vb = self.view_box.get_untracked();
        Some(vb.to_diagram(x - r.left(), y - r.top(), r.width(), r.height()))
    }

    /// A primary press on node `id`, now at `origin`.
    pub fn press_node(&self, e: &ev::PointerEvent, id: Id, origin: Point) {
        if e.button() != 0 {
            return;
        }
        e.stop_propagation();
        // Pressed again just after a drop, before the drawing has caught up: start from the
        // place it was dropped.
        let origin = self
            .moving
            .with_untracked(|m| m.as_ref().filter(|m| m.0 == id).map(|m| m.1))
            .unwrap_or(origin);
        // Keep receiving moves when the pointer leaves the node.
        if let Some(el) = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        self.press.set_value(Some(Press {
            id,
            client: client(e),
            origin,
            moved: false,
        }));
    }

    /// A primary press on the background: starts a pan.
    pub fn press_background(&self, e: &ev::PointerEvent) {
        if e.button() == 0 {
            self.pan.set_value(Some(Pan {
                client: client(e),
                origin: self.view_box.get_untracked(),
            }));
        }
    }

    /// The pointer moved: drag the pressed node, or pan.
    pub fn pointer_move(&self, e: &ev::PointerEvent) {
        let k = self.units_per_pixel();
        let now = client(e);
        if let Some(mut p) = self.press.get_value() {
            let (dx, dy) = (now.0 - p.client.0, now.1 - p.client.1);
            if !p.moved && dx.hypot(dy) < DRAG_SLOP {
                return;
            }
            p.moved = true;
            let at = Point {
                x: p.origin.x + dx * k,
                y: p.origin.y + dy * k,
            };
            self.moving.set(Some((p.id.clone(), at)));
            self.press.set_value(Some(p));
        } else if let Some(p) = self.pan.get_value() {
            let (dx, dy) = (now.0 - p.client.0, now.1 - p.client.1);
            self.zoomed.set(Some(p.origin.pan(dx * k, dy * k)));
        }
    }

    /// The pointer was released: drop the dragged node, or report a click.
    pub fn pointer_up(&self) {
        self.pan.set_value(None);
        let Some(p) = self.press.get_value() else {
            return;
        };
        self.press.set_value(None);
        if let Some(dropped) = self.moving.get_untracked() {
            self.on_drop.run(dropped.clone());
            // The overlay goes on showing the node where it was dropped until that frame is on
            // screen; only then does the drawing under it move the node's lines and show them
            // (in a 60 × 60 network that repaint takes a frame of its own).
            let moving = self.moving;
            request_animation_frame(move || {
                Timeout::new(0, move || {
                    if moving.with_untracked(|m| m.as_ref() == Some(&dropped)) {
                        moving.set(None);
                    }
                })
                .forget();
            });
        }
        if !p.moved {
            self.on_click.run(p.id);
        }
    }

    /// The browser took the pointer away: forget the press, leave the document as it was.
    pub fn cancel(&self) {
        self.press.set_value(None);
        self.pan.set_value(None);
        self.moving.set(None);
    }
}
