//! Working offline: registers the service worker (`sw.js`, written at build time), and when a
//! new version has been fetched in the background, offers *Reload to update*: never forced,
//! since a reload in the middle of work is the user's call.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::i18n::K;
use crate::ui::session::ctx;

/// The new version waiting to take over, once there is one.
#[derive(Clone, Copy)]
pub struct Update {
    waiting: RwSignal<Option<ServiceWorker>, LocalStorage>,
    /// Set when the user asked for the new version: only then does a change of worker reload.
    asked: StoredValue<bool>,
}

/// The service worker container, where the page may have one (a secure context: https or
/// localhost).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| v.unchecked_into())
}

/// Registers the service worker and watches for new versions.
pub fn install() {
    let update = Update {
        waiting: RwSignal::new_local(None),
        asked: StoredValue::new(false),
    };
    provide_context(update);
    let Some(sw) = container() else { return };
    let promise = sw.register("sw.js");
    // The first worker also takes control of the page: that is no update.
    EventListener::new(&sw, "controllerchange", move |_| {
        if update.asked.get_value() {
            let _ = window().location().reload();
        }
    })
    .forget();
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        let controlled = move || container().and_then(|c| c.controller()).is_some();
        if let Some(w) = reg.waiting().filter(|_| controlled()) {
            update.waiting.set(Some(w));
        }
        let found = reg.clone();
        EventListener::new(&reg, "updatefound", move |_| {
            let Some(w) = found.installing() else { return };
            let watched = w.clone();
            EventListener::new(&w, "statechange", move |_| {
                if watched.state() == ServiceWorkerState::Installed && controlled() {
                    update.waiting.set(Some(watched.clone()));
                }
            })
            .forget();
        })
        .forget();
    });
}

/// The banner that offers a new version.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let c = ctx();
    let update = expect_context::<Update>();
    let reload = move |_| {
        update.asked.set_value(true);
        if let Some(w) = update.waiting.get_untracked() {
            let _ = w.post_message(&JsValue::from_str("skip-waiting"));
        }
    };
    view! {
        <Show when=move || update.waiting.with(Option::is_some)>
            <div class="banner" role="status" data-testid="update-banner">
                <span>{move || c.t(K::UpdateReady)}</span>
                <button data-testid="update-reload" on:click=reload>{move || c.t(K::UpdateReload)}</button>
            </div>
        </Show>
    }
}
