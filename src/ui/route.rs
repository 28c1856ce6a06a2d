//! The address bar: the view and model live in the URL fragment (`#compare/synergetic`), so a
//! link opens on a view and the browser's Back button moves between tabs. A share link that
//! arrives in the fragment (on load, or pasted into the address bar) goes to `share`.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::core::link;
use crate::core::model::Id;
use crate::ui::session::{Ctx, View};
use crate::ui::share;

/// The view and model a fragment names (`#view` or `#view/model`), if it names a view.
pub fn parse(hash: &str) -> Option<(View, Option<Id>)> {
    let rest = hash.trim_start_matches('#');
    let (slug, model) = rest.split_once('/').unwrap_or((rest, ""));
    let model = (!model.is_empty()).then(|| model.to_string());
    Some((View::from_slug(slug)?, model))
}

/// The fragment of `view` showing `model`.
pub fn fragment(view: View, model: &str) -> String {
    format!("#{}/{model}", view.slug())
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Shows what the address names: a share link's dialog, or a view and model.
fn follow(c: &Ctx) {
    let hash = hash();
    if link::is_link(&hash) {
        share::receive(c, &hash);
        return;
    }
    let Some((view, model)) = parse(&hash) else {
        return;
    };
    if let Some(m) = model {
        if c.session
            .with_untracked(|s| s.model != m && s.wb.model(&m).is_some())
        {
            c.session.update(|s| s.model = m);
        }
    }
    if c.view.get_untracked() != view {
        c.view.set(view);
    }
}

/// Follows the address now (before the first view is drawn) and from then on, and keeps it
/// naming the view and model shown: a new history entry per tab, the same entry for a model.
/// While a link's dialog waits, the link stays in the address, so a reload asks again.
pub fn install(c: Ctx) {
    follow(&c);
    let model = Memo::new(move |_| c.session.with(|s| s.model.clone()));
    Effect::new(move |last: Option<View>| {
        let view = c.view.get();
        let wanted = fragment(view, &model.get());
        let current = hash();
        if c.incoming.with(Option::is_none) && current != wanted {
            let history = window().history().ok();
            let new_tab = last.is_some_and(|l| l != view) && !link::is_link(&current);
            let _ = history.map(|h| {
                if new_tab {
                    h.push_state_with_url(&JsValue::NULL, "", Some(&wanted))
                } else {
                    h.replace_state_with_url(&JsValue::NULL, "", Some(&wanted))
                }
            });
        }
        view
    });
    // Back, Forward, and a fragment typed or pasted into the address bar.
    EventListener::new(&window(), "popstate", move |_| follow(&c)).forget();
}
