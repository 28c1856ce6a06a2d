//! The tabs other than the matrix, present mode and the dialogs opened by a click (share,
//! present, saved versions), as one part loaded apart.
//!
//! With the `split` feature (the release build: `scripts/split.mjs` cuts the wasm at
//! [`rooms`]) their code is a wasm module of its own. The first load carries the matrix and
//! the shell; the rest is fetched as soon as the app has started, so a tab is usually there
//! before anyone asks for it. Asked for earlier, the panel (or dialog) says it is loading; when
//! the fetch fails (offline before the part was ever stored), it says so and offers to try
//! again, and nothing else is lost. Without the feature (tests, debug builds) the part is there
//! from the start.

use leptos::prelude::*;

use super::present::{self, Slide};
use super::session::{ctx, View};
use super::share::{self, Share};
use super::storage::VersionsDialog;
use super::{structure, tabs};
use crate::i18n::K;

/// What the part draws.
#[derive(Clone)]
pub enum Room {
    /// A tab's panel (the App draws the matrix itself).
    Tab(View),
    /// Present mode, with its slides.
    Presenter,
    /// The dialog that chooses the views to present, open while the signal is.
    PresentSetup(RwSignal<bool>),
    /// The share dialog.
    Share(Share),
    /// The saved versions, open while the signal is.
    Versions(RwSignal<bool>),
}

/// Draws a room; the part's one entry point.
type Draw = fn(Room) -> AnyView;

/// Where the part is.
#[derive(Clone, Copy)]
enum State {
    /// Being fetched.
    Loading,
    /// Fetched: draws any room.
    Ready(Draw),
    /// The fetch failed.
    Failed,
}

/// The part's state, shared by everything it draws.
#[derive(Clone, Copy)]
struct Part(RwSignal<State>);

/// The part could not be fetched.
struct Unfetched;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unfetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unfetched
    }
}

/// The split point: everything only this function reaches goes to the second part.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(rooms, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn rooms() -> Result<Draw, Unfetched> {
    Ok(draw)
}

/// Draws a room. Untracked, so the view's set-up never subscribes whoever asked for it.
fn draw(room: Room) -> AnyView {
    untrack(|| match room {
        Room::Tab(view) => tab(view),
        Room::Presenter => view! { <present::Presenter content=slide/> }.into_any(),
        Room::PresentSetup(open) => view! { <present::PresentSetup open=open/> }.into_any(),
        Room::Share(what) => view! { <share::ShareBox share=what/> }.into_any(),
        Room::Versions(open) => view! { <VersionsDialog open=open/> }.into_any(),
    })
}

fn tab(view: View) -> AnyView {
    match view {
        View::Matrix => view! { <tabs::matrix::Matrix/> }.into_any(),
        View::Diagram => view! { <tabs::diagram::DiagramTab/> }.into_any(),
        View::Analysis => view! { <tabs::analysis::Analysis/> }.into_any(),
        View::Compare => view! { <tabs::compare::Compare/> }.into_any(),
        View::Plan => view! { <tabs::plan::PlanView/> }.into_any(),
        View::Timeline => view! { <tabs::timeline::Timeline/> }.into_any(),
        View::Data => view! { <tabs::data::Data/> }.into_any(),
        View::Workshop => view! { <tabs::workshop::Workshop/> }.into_any(),
    }
}

/// What a slide of present mode shows: the tabs' own views (editing is blocked by the
/// presenter, the chrome hidden by the stylesheet).
fn slide(slide: Slide) -> AnyView {
    let c = ctx();
    let model = Signal::derive(move || c.session.with(|s| s.model.clone()));
    match slide {
        Slide::Matrix => view! { <tabs::matrix::Matrix/> }.into_any(),
        Slide::Structure => {
            view! { <structure::StructureDiagram model=model uid="present"/> }.into_any()
        }
        Slide::Network => view! { <tabs::diagram::NetworkDiagram model=model/> }.into_any(),
        Slide::Compare => view! { <tabs::compare::Compare/> }.into_any(),
        Slide::Analysis => view! { <tabs::analysis::Analysis/> }.into_any(),
        Slide::Agreement => view! { <tabs::workshop::AgreementSlide/> }.into_any(),
        Slide::Plan => view! { <tabs::plan::PlanView/> }.into_any(),
    }
}

/// Fetches the part (once at a time; again after a failure).
fn fetch(part: Part) {
    part.0.set(State::Loading);
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        part.0
            .set(rooms().await.map_or(State::Failed, State::Ready));
    });
    // Without the split the part is there at once, so a tab draws in the same turn.
    #[cfg(not(feature = "split"))]
    part.0.set(rooms().map_or(State::Failed, State::Ready));
}

/// Provides the part's state and starts fetching it. A failed fetch is tried again by itself
/// when the browser says the network is back (a classroom's Wi-Fi drops and returns).
pub fn provide() {
    let part = Part(RwSignal::new(State::Loading));
    provide_context(part);
    fetch(part);
    let _ = window_event_listener(leptos::ev::online, move |_| {
        if matches!(part.0.get_untracked(), State::Failed) {
            fetch(part);
        }
    });
}

/// Shows a room: at once when the part is there, else a loading line (or the failure and a
/// way to try again) until it is.
pub fn show(room: Room) -> AnyView {
    let part: Part = expect_context();
    let c = ctx();
    (move || match part.0.get() {
        State::Ready(draw) => draw(room.clone()),
        State::Loading => view! {
            <p class="muted" role="status" data-testid="room-loading">
                {move || c.t(K::RoomLoading)}
            </p>
        }
        .into_any(),
        State::Failed => view! {
            <div role="alert" data-testid="room-failed">
                <p>{move || c.t(K::RoomFailed)}</p>
                <button data-testid="room-retry" on:click=move |_| fetch(part)>
                    {move || c.t(K::RoomRetry)}
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
