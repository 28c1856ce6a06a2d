//! Present mode, for a projector: full screen, large type, no editing chrome; the chosen views
//! one after another, stepped with the arrow keys, Page Up/Down (what presenter remotes send)
//! or the buttons; a click highlights a cell or node instead of editing it; Escape leaves.
//! What each slide shows comes from the App (`content`), which alone may name the tabs.

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::order;
use crate::i18n::K;
use crate::ui::session::{ctx, Ctx};
use crate::ui::timer::ActivityTimer;
use crate::ui::widgets::on_escape;

/// A view that can be shown in present mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The responsibility matrix.
    Matrix,
    /// The structure diagram.
    Structure,
    /// The governance network.
    Network,
    /// Two models compared.
    Compare,
    /// The analysis of the model.
    Analysis,
    /// A workshop round's agreement.
    Agreement,
    /// The transition plan.
    Plan,
}

impl Slide {
    /// Every slide, in the order shown.
    pub const ALL: [Slide; 7] = [
        Slide::Matrix,
        Slide::Structure,
        Slide::Network,
        Slide::Compare,
        Slide::Analysis,
        Slide::Agreement,
        Slide::Plan,
    ];

    /// Stable name, for test ids and the stylesheet.
    pub fn slug(self) -> &'static str {
        match self {
            Slide::Matrix => "matrix",
            Slide::Structure => "structure",
            Slide::Network => "network",
            Slide::Compare => "compare",
            Slide::Analysis => "analysis",
            Slide::Agreement => "agreement",
            Slide::Plan => "plan",
        }
    }

    /// Its title.
    pub fn label(self) -> K {
        match self {
            Slide::Matrix => K::TabMatrix,
            Slide::Structure => K::SlideStructure,
            Slide::Network => K::SlideNetwork,
            Slide::Compare => K::TabCompare,
            Slide::Analysis => K::TabAnalysis,
            Slide::Agreement => K::Agreement,
            Slide::Plan => K::TabPlan,
        }
    }
}

/// A presentation under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Presenting {
    /// The chosen slides, in order (never empty).
    pub slides: Vec<Slide>,
    /// The one shown.
    pub at: usize,
}

/// Moves `step` slides on (negative: back), staying within the first and the last.
fn go(c: &Ctx, step: isize) {
    c.present.update(|p| {
        if let Some(p) = p {
            let last = p.slides.len().saturating_sub(1) as isize;
            p.at = (p.at as isize + step).clamp(0, last) as usize;
        }
    });
}

/// Leaves present mode (and full screen, if the page is in it).
pub fn leave(c: &Ctx) {
    c.present.set(None);
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

/// Starts presenting `slides`, full screen where the browser allows it.
pub fn start(c: &Ctx, slides: Vec<Slide>) {
    if slides.is_empty() {
        return;
    }
    if let Some(root) = document().document_element() {
        // Refused without a user gesture, or where full screen is not allowed: the overlay
        // fills the window all the same.
        let _ = root.request_fullscreen();
    }
    c.present.set(Some(Presenting { slides, at: 0 }));
}

/// Keys a presenter uses, caught before any view sees them; other keys aimed at the slide are
/// dropped, so nothing can be edited by accident.
fn on_key(c: &Ctx, e: &web_sys::KeyboardEvent) {
    let step = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(1),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(-1),
        "Home" => Some(-1000),
        "End" => Some(1000),
        "Escape" => {
            // Later, not now: leaving drops this very listener, which must not happen while
            // it runs.
            let c = *c;
            queue_microtask(move || leave(&c));
            None
        }
        _ if in_slide(e.target()) => None,
        _ => return,
    };
    e.prevent_default();
    e.stop_propagation();
    if let Some(step) = step {
        go(c, step);
    }
}

/// True when `target` is inside the slide.
fn in_slide(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".present-slide").ok().flatten())
        .is_some()
}

/// A click on the slide highlights the cell or node under the pointer (again: removes it)
/// instead of opening an editor.
fn on_click(e: &web_sys::Event) {
    if !in_slide(e.target()) {
        return;
    }
    e.prevent_default();
    e.stop_propagation();
    let spot = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| {
            el.closest("[role=gridcell], [role=rowheader], [role=columnheader], [data-testid^=node-], [data-testid^=net-node-], [data-testid^=net-edge-], [data-testid^=heat-], li, tr")
                .ok()
                .flatten()
        });
    if let Some(spot) = spot {
        let _ = spot.class_list().toggle("spot");
    }
}

/// The listeners of present mode, on the window in the capture phase (before any view's
/// own), for as long as the presentation lasts.
fn listen(c: Ctx) -> [EventListener; 4] {
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    let win = window();
    [
        EventListener::new_with_options(&win, "keydown", capture, move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                on_key(&c, e);
            }
        }),
        EventListener::new_with_options(&win, "click", capture, on_click),
        // A pressed pointer would start a drag of a node or the canvas: not while presenting.
        EventListener::new_with_options(&win, "pointerdown", capture, move |e| {
            if in_slide(e.target()) {
                e.stop_propagation();
            }
        }),
        // Escape in full screen is taken by the browser: leaving full screen ends the show.
        EventListener::new(&document(), "fullscreenchange", move |_| {
            if document().fullscreen_element().is_none() {
                queue_microtask(move || c.present.set(None));
            }
        }),
    ]
}

/// The presentation: the slide, its position, previous / next, the timer and the way out.
#[component]
pub fn Presenter(
    /// What a slide shows.
    content: fn(Slide) -> AnyView,
) -> impl IntoView {
    let c = ctx();
    let listeners = StoredValue::new_local(Some(listen(c)));
    on_cleanup(move || listeners.set_value(None));
    let slide = Memo::new(move |_| {
        c.present
            .with(|p| p.as_ref().and_then(|p| p.slides.get(p.at).copied()))
            .unwrap_or(Slide::Matrix)
    });
    let position = move || {
        c.present.with(|p| {
            p.as_ref()
                .map(|p| format!("{} / {}", p.at + 1, p.slides.len()))
                .unwrap_or_default()
        })
    };
    let model = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="present" role="region" aria-label=move || c.t(K::Presenting) data-testid="presentation"
            data-slide=move || slide.get().slug()>
            <div class="present-slide" data-testid="present-slide">
                <h2 data-testid="present-title">{move || c.t(slide.get().label())} " · " {model}</h2>
                {move || content(slide.get())}
            </div>
            <div class="present-bar">
                <button data-testid="present-prev" aria-label=move || c.t(K::PresentPrev) on:click=move |_| go(&c, -1)>"‹"</button>
                <span data-testid="present-position">{position}</span>
                <button data-testid="present-next" aria-label=move || c.t(K::PresentNext) on:click=move |_| go(&c, 1)>"›"</button>
                <ActivityTimer/>
                <button data-testid="present-exit" on:click=move |_| leave(&c)>{move || c.t(K::PresentExit)}</button>
            </div>
        </div>
    }
}

/// The dialog that chooses the views to present.
#[component]
pub fn PresentSetup(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let c = ctx();
    let chosen = RwSignal::new(Slide::ALL.to_vec());
    let close = move || open.set(false);
    let toggle = move |s: Slide, on: bool| {
        chosen.update(|v| {
            v.retain(|x| *x != s);
            if on {
                v.push(s);
                order::sort_by_key(v, |x| Slide::ALL.iter().position(|a| a == x));
            }
        })
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="present-setup-title"
            data-testid="present-setup" on:keydown=on_escape(close)>
            <h2 id="present-setup-title">{move || c.t(K::Present)}</h2>
            <fieldset class="share-what">
                <legend>{move || c.t(K::PresentViews)}</legend>
                {Slide::ALL
                    .into_iter()
                    .map(|s| view! {
                        <label>
                            <input type="checkbox" data-testid=format!("present-pick-{}", s.slug())
                                prop:checked=move || chosen.with(|v| v.contains(&s))
                                on:change=move |e| toggle(s, event_target_checked(&e))/>
                            {move || c.t(s.label())}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <p class="muted">{move || c.t(K::PresentHelp)}</p>
            <div class="row">
                <button autofocus data-testid="present-start" disabled=move || chosen.with(Vec::is_empty)
                    on:click=move |_| {
                        close();
                        start(&c, chosen.get_untracked());
                    }>{move || c.t(K::PresentStart)}</button>
                <button on:click=move |_| close()>{move || c.t(K::Cancel)}</button>
            </div>
        </div>
    }
}
