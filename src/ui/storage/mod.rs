//! Autosave to the browser's storage: debounced, verified by reading back, on page hide too;
//! unreadable saved data is kept under a recovery key; changes from another tab are noticed.
//! The storage itself is behind `backend`.

mod backend;

use std::time::Duration;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::commands::Command;
use crate::core::format;
use crate::core::model::{Id, Lang};
use crate::core::presets;
use crate::i18n::K;
use crate::ui::export::{download, download_workbook};
use crate::ui::session::{ctx, now, Ctx, Session, View};

/// Key of the autosaved workbook.
pub const KEY: &str = "cogovern.workbook";
/// Key of unreadable saved text, kept untouched for the user.
pub const RECOVERY_KEY: &str = "cogovern.recovery";
const UI_KEY: &str = "cogovern.ui";
const LANG_KEY: &str = "cogovern.lang";
/// Delay between the last change and the save.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// The longest a due save waits for the browser to be idle.
const IDLE_LIMIT_MS: u32 = 1000;

pub use backend::SaveError;
use backend::{read as get, write};

/// Autosave state shown in banners.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The last save failure, until a save succeeds.
    pub error: RwSignal<Option<SaveError>>,
    /// Unreadable text found at start-up.
    pub recovery: RwSignal<Option<String>>,
    /// The other tab's version, when it changed the workbook.
    pub conflict: RwSignal<Option<String>>,
    last_saved: StoredValue<String>,
}

/// What the app starts with.
pub struct Boot {
    /// The session, restored or from the presets.
    pub session: Session,
    /// The language.
    pub lang: Lang,
    /// The view.
    pub view: View,
    /// Unreadable saved text, if any.
    pub recovery: Option<String>,
    /// The saved text as read (empty if none), so autosave knows what is stored without
    /// reading a large workbook a second time.
    pub saved: String,
}

/// Restores the last session, or starts on the presets.
pub fn boot() -> Boot {
    let lang = get(LANG_KEY)
        .and_then(|t| Lang::from_tag(&t))
        .or_else(|| {
            window()
                .navigator()
                .language()
                .and_then(|t| Lang::from_tag(&t))
        })
        .unwrap_or_default();
    let ui: serde_json::Value = get(UI_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let model: Option<Id> = ui.get("model").and_then(|v| v.as_str()).map(Into::into);
    let view = ui
        .get("view")
        .and_then(|v| v.as_str())
        .and_then(View::from_slug)
        .unwrap_or(View::Matrix);
    let saved = get(KEY).unwrap_or_default();
    let (wb, recovery) = if saved.is_empty() {
        (presets::paper(now()), None)
    } else {
        match format::import(saved.as_bytes()) {
            Ok(imported) => (imported.workbook, None),
            Err(_) => (presets::paper(now()), Some(saved.clone())),
        }
    };
    Boot {
        session: Session::new(wb, model),
        lang,
        view,
        recovery,
        saved,
    }
}

impl Autosave {
    /// Saves the workbook now (unless it is unchanged, or a conflict awaits the user's choice).
    pub fn save_now(&self, c: &Ctx) {
        if self.conflict.get_untracked().is_some() || self.recovery_unkept() {
            return;
        }
        let (text, ui) = c.session.with_untracked(|s| {
            let ui = serde_json::json!({ "model": s.model, "view": c.view.get_untracked().slug() });
            (format::export(&s.wb), ui.to_string())
        });
        let _ = write(UI_KEY, &ui);
        if text == self.last_saved.get_value() {
            return;
        }
        match write(KEY, &text) {
            Ok(()) => {
                self.last_saved.set_value(text);
                self.error.set(None);
            }
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// True while unreadable text exists that could not be stored under the recovery key:
    /// then the original must not be overwritten.
    fn recovery_unkept(&self) -> bool {
        self.recovery.with_untracked(|r| {
            r.as_ref()
                .is_some_and(|r| get(RECOVERY_KEY).as_ref() != Some(r))
        })
    }
}

/// Runs `f` once the browser is idle, after it has painted (within `IDLE_LIMIT_MS` at the
/// latest), so serialising a large workbook never holds up the paint of a keystroke; at once
/// where the browser has no `requestIdleCallback`.
fn when_idle(f: impl FnOnce() + 'static) {
    let win = window();
    if !js_sys::Reflect::has(&win, &"requestIdleCallback".into()).unwrap_or(false) {
        f();
        return;
    }
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_LIMIT_MS);
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = win.request_idle_callback_with_options(callback.unchecked_ref(), &options);
}

/// Starts autosave, the page-hide save and the watch on other tabs; `saved` is what storage
/// holds now.
pub fn install(c: Ctx, recovery: Option<String>, saved: String) {
    let store = Autosave {
        error: RwSignal::new(None),
        recovery: RwSignal::new(None),
        conflict: RwSignal::new(None),
        last_saved: StoredValue::new(saved),
    };
    provide_context(store);
    if let Some(text) = recovery {
        // Keep the unreadable text untouched; never overwrite an earlier recovery either.
        if get(RECOVERY_KEY).is_none() {
            if let Err(e) = write(RECOVERY_KEY, &text) {
                store.error.set(Some(e));
            }
        }
        store.recovery.set(Some(text));
    }
    // Replacing the pending timeout drops, and so cancels, the previous one.
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        c.session.track();
        c.view.track();
        let delay = SAVE_DELAY.as_millis() as u32;
        let save = move || when_idle(move || store.save_now(&c));
        pending.set_value(Some(Timeout::new(delay, save)));
    });
    Effect::new(move |_| {
        let _ = write(LANG_KEY, c.lang.get().tag());
    });
    // These listeners live as long as the page, so they are never removed.
    let win = window();
    EventListener::new(&win, "pagehide", move |_| store.save_now(&c)).forget();
    EventListener::new(&document(), "visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            store.save_now(&c);
        }
    })
    .forget();
    EventListener::new(&win, "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if e.key().as_deref() != Some(KEY) {
            return;
        }
        match e.new_value() {
            Some(v) if v != store.last_saved.get_value() => store.conflict.set(Some(v)),
            _ => {}
        }
    })
    .forget();
}

/// Persistent banners: save failures, recovered data, conflicts with another tab.
#[component]
pub fn Banners() -> impl IntoView {
    let c = ctx();
    let store = expect_context::<Autosave>();
    view! {
        {move || {
            store
                .error
                .get()
                .map(|e| {
                    let reason = match e {
                        SaveError::Unavailable => K::StorageUnavailable,
                        SaveError::Full => K::StorageFull,
                        SaveError::Verify => K::StorageVerify,
                    };
                    view! {
                        <div class="banner error" role="alert" data-testid="storage-banner">
                            <span>{move || c.tf(K::StorageFailed, &[("reason", &c.t(reason))])}</span>
                            <button data-testid="storage-download" on:click=move |_| download_workbook(&c)>{move || c.t(K::ExportJson)}</button>
                        </div>
                    }
                })
        }}
        {move || {
            store
                .recovery
                .get()
                .map(|text| {
                    view! {
                        <div class="banner warn" role="alert" data-testid="recovery-banner">
                            <span>{move || c.t(K::Recovered)}</span>
                            <button data-testid="recovery-download" on:click=move |_| download("cogovern-recovery.txt", "text/plain", &text)>
                                {move || c.t(K::DownloadRecovery)}
                            </button>
                            <button on:click=move |_| store.recovery.set(None)>{move || c.t(K::Dismiss)}</button>
                        </div>
                    }
                })
        }}
        {move || {
            store
                .conflict
                .get()
                .map(|theirs| {
                    view! {
                        <div class="banner warn" role="alert" data-testid="conflict-banner">
                            <span>{move || c.t(K::ConflictTitle)}</span>
                            <button data-testid="conflict-keep" on:click=move |_| {
                                store.conflict.set(None);
                                store.last_saved.set_value(String::new());
                                store.save_now(&c);
                            }>{move || c.t(K::KeepMine)}</button>
                            <button data-testid="conflict-take" on:click=move |_| {
                                if let Ok(imported) = format::import(theirs.as_bytes()) {
                                    store.last_saved.set_value(theirs.clone());
                                    store.conflict.set(None);
                                    let _ = c.dispatch(Command::ReplaceWorkbook(Box::new(imported.workbook)));
                                }
                            }>{move || c.t(K::TakeTheirs)}</button>
                        </div>
                    }
                })
        }}
    }
}
