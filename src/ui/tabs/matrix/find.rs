//! Find a cell by name: in a large matrix, most rows and columns are off screen (and not
//! drawn, so the browser's own find cannot see them); this goes to a subject's row or an
//! object's column and puts the focus there.

use leptos::prelude::*;

use crate::i18n::K;
use crate::ui::session::ctx;
use crate::ui::tabs::matrix::nav::Nav;

/// The find box above the grid.
#[component]
pub fn FindCell(
    /// The grid it moves in.
    nav: Nav,
) -> impl IntoView {
    let c = ctx();
    let text = RwSignal::new(String::new());
    let missing = RwSignal::new(None::<String>);
    let go = move || {
        let q = text.get_untracked();
        if !q.trim().is_empty() {
            missing.set((!nav.find(&q)).then_some(q));
        }
    };
    view! {
        <form class="find" role="search" on:submit=move |e| {
            e.prevent_default();
            go();
        }>
            <label>
                <span>{move || c.t(K::FindCell)}</span>
                <input
                    type="search"
                    data-testid="find-cell"
                    prop:value=text
                    on:input=move |e| {
                        text.set(event_target_value(&e));
                        missing.set(None);
                    }
                />
            </label>
            <button type="submit" data-testid="find-go">{move || c.t(K::FindGo)}</button>
            <span role="status" class="muted" data-testid="find-missing">
                {move || missing.get().map(|q| c.tf(K::FindNone, &[("text", &q)]))}
            </span>
        </form>
    }
}
