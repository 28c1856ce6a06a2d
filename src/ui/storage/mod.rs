//! Autosave to the browser's storage: debounced, written a few rows at a time while the
//! browser is idle, verified by reading back, at once on page hide; unreadable saved data is
//! kept under a recovery key; saves from another tab are noticed; earlier saves are kept as
//! versions to restore (`core::versions` decides which, `versions` shows them). The storage
//! itself (IndexedDB, or localStorage where it is missing) is behind `backend`.

mod backend;
mod versions;

use std::time::Duration;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use js_sys::JsString;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::commands::Command;
use crate::core::format;
use crate::core::format::compact;
use crate::core::model::{Id, Lang};
use crate::core::presets;
use crate::core::snapshot::Snapshot;
use crate::core::versions::{self as kept, Keep, Versions};
use crate::i18n::K;
use crate::ui::export::{download, download_workbook};
use crate::ui::session::{ctx, now, Ctx, Session, View};

/// Key of the autosaved workbook.
pub const KEY: &str = "cogovern.workbook";
/// Key of unreadable saved text, kept untouched for the user.
pub const RECOVERY_KEY: &str = "cogovern.recovery";
const UI_KEY: &str = "cogovern.ui";
const LANG_KEY: &str = "cogovern.lang";
/// Changed in localStorage after every save, so other tabs hear of it (its `storage` event);
/// it starts with the save's time in milliseconds.
const STAMP_KEY: &str = "cogovern.saved";
/// The index of kept versions (`core::versions`).
const VERSIONS_KEY: &str = "cogovern.versions";
/// Delay between the last change and the save.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// The longest a due save waits for the browser to be idle.
const IDLE_LIMIT_MS: u32 = 1000;
/// The most one slice of a save may take, in milliseconds: a key pressed meanwhile waits no
/// longer than this.
const SLICE_MS: f64 = 6.0;
/// About how many cells one step of a save writes.
const STEP_CELLS: usize = 2000;

pub use backend::SaveError;
use backend::{pref, remove_pref, set_pref, Store};
pub use versions::VersionsDialog;

/// Autosave state shown in banners.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The last save failure, until a save succeeds.
    pub error: RwSignal<Option<SaveError>>,
    /// Unreadable text found at start-up.
    pub recovery: RwSignal<Option<String>>,
    /// The other tab's version, when it changed the workbook.
    pub conflict: RwSignal<Option<String>>,
    /// The kept versions.
    pub versions: RwSignal<Versions>,
    /// False while unreadable text could not be stored under the recovery key: then the
    /// original must not be overwritten.
    recovery_kept: RwSignal<bool>,
    last_saved: StoredValue<String>,
    /// When `last_saved` was saved (milliseconds since the epoch).
    saved_at: StoredValue<i64>,
    /// True until this page session has kept a version.
    first: StoredValue<bool>,
    store: StoredValue<Store, LocalStorage>,
    /// Counts the document's changes, so a save in progress knows it is out of date.
    generation: StoredValue<u64>,
}

/// What the app starts with.
pub struct Boot {
    /// The session, restored or from the presets.
    pub session: Session,
    /// The language.
    pub lang: Lang,
    /// The view.
    pub view: View,
    /// What storage holds, for autosave.
    pub stored: Stored,
}

/// What storage held at start-up.
pub struct Stored {
    /// Where the workbook is kept.
    store: Store,
    /// The saved text as read (empty if none), so autosave knows what is stored without
    /// reading a large workbook a second time.
    text: String,
    /// When `text` was saved (now, if that is unknown).
    at: i64,
    /// The kept versions.
    versions: Versions,
    /// Unreadable saved text, if any.
    recovery: Option<String>,
}

/// Restores the last session, or starts on the presets. A workbook that an older version
/// saved in localStorage moves to IndexedDB, and leaves localStorage once it is safely there.
pub async fn boot() -> Boot {
    let store = Store::open().await;
    let lang = pref(LANG_KEY)
        .and_then(|t| Lang::from_tag(&t))
        .or_else(|| {
            window()
                .navigator()
                .language()
                .and_then(|t| Lang::from_tag(&t))
        })
        .unwrap_or_default();
    let ui: serde_json::Value = pref(UI_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let model: Option<Id> = ui.get("model").and_then(|v| v.as_str()).map(Into::into);
    let view = ui
        .get("view")
        .and_then(|v| v.as_str())
        .and_then(View::from_slug)
        .unwrap_or(View::Matrix);
    let mut saved = store.read(KEY).await.unwrap_or_default();
    let legacy = saved.is_empty() && store.is_idb();
    if legacy {
        saved = pref(KEY).unwrap_or_default();
    }
    let (wb, recovery) = if saved.is_empty() {
        (presets::paper(now()), None)
    } else {
        match format::import(saved.as_bytes()) {
            Ok(imported) => (imported.workbook, None),
            Err(_) => (presets::paper(now()), Some(saved.clone())),
        }
    };
    if legacy && !saved.is_empty() && recovery.is_none() {
        match store.write(KEY, JsValue::from_str(&saved)).await {
            Ok(()) => remove_pref(KEY),
            // Left where it was; autosave tries again.
            Err(_) => saved.clear(),
        }
    }
    let versions = Versions::parse(&store.read(VERSIONS_KEY).await.unwrap_or_default());
    let saved_at = pref(STAMP_KEY)
        .and_then(|s| s.split('-').next()?.parse::<f64>().ok())
        .unwrap_or_else(js_sys::Date::now) as i64;
    Boot {
        session: Session::new(wb, model),
        lang,
        view,
        stored: Stored {
            store,
            text: saved,
            at: saved_at,
            versions,
            recovery,
        },
    }
}

/// A save being written, a slice at a time.
struct Job {
    snapshot: Snapshot,
    /// The text moved to JavaScript so far, and how many bytes of it that is.
    js: JsString,
    sent: usize,
    generation: u64,
    rows: usize,
}

impl Autosave {
    /// Saves the workbook now, in one go (the page is being hidden or closed), unless it is
    /// unchanged or a conflict awaits the user's choice.
    pub fn save_now(&self, c: &Ctx) {
        if self.blocked() {
            return;
        }
        let text = c.session.with_untracked(|s| compact(&s.wb));
        self.store_text(text, None);
    }

    fn blocked(&self) -> bool {
        self.conflict.get_untracked().is_some() || !self.recovery_kept.get_untracked()
    }

    /// Writes `text` (already in JavaScript as `js`, when given) unless it is what storage
    /// holds; the write starts now and its end is reported in the banner. The text it
    /// replaces is kept as a version when one is due.
    fn store_text(&self, text: String, js: Option<JsValue>) {
        if self.last_saved.with_value(|s| *s == text) {
            return;
        }
        let js = js.unwrap_or_else(|| JsValue::from_str(&text));
        let keep = self.last_saved.with_value(|s| !s.is_empty()).then(|| {
            self.versions
                .with_untracked(|v| v.due(self.saved_at.get_value(), self.first.get_value()))
        });
        self.write(text, js, keep.flatten());
    }

    /// Writes `text` and, with `keep`, the replaced text as a version, in one transaction. The
    /// workbook comes first: a version that does not fit is given up, and when the workbook
    /// alone does not fit, the kept versions are deleted to make room for it.
    fn write(self, text: String, js: JsValue, keep: Option<Keep>) {
        let (extra, gone) = match &keep {
            Some(k) => {
                let old = self.last_saved.with_value(|s| JsValue::from_str(s));
                let index = JsValue::from_str(&k.after.to_text());
                let extra = vec![(kept::key(k.time), old), (VERSIONS_KEY.into(), index)];
                (extra, k.drop.iter().map(|t| kept::key(*t)).collect())
            }
            None => (Vec::new(), Vec::new()),
        };
        let done = self
            .store
            .with_value(|s| s.write_with(KEY, js.clone(), extra, &gone));
        spawn_local(async move {
            match done.await {
                Ok(()) => {
                    let now = js_sys::Date::now();
                    self.took(text, now as i64, keep);
                    let stamp = format!("{now}-{}", js_sys::Math::random());
                    let _ = set_pref(STAMP_KEY, &stamp);
                }
                Err(SaveError::Full) if keep.is_some() => self.write(text, js, None),
                Err(SaveError::Full) if !self.versions.with_untracked(Versions::is_empty) => {
                    let all: Vec<String> = self
                        .versions
                        .with_untracked(|v| v.newest_first().map(kept::key).collect());
                    let cleared = self.store.with_value(|s| {
                        s.write_with(VERSIONS_KEY, JsValue::from_str("[]"), Vec::new(), &all)
                    });
                    let _ = cleared.await;
                    // Tried once more without versions; a second failure shows the banner.
                    self.versions.set(Versions::default());
                    self.write(text, js, None);
                }
                Err(e) => self.error.set(Some(e)),
            }
        });
    }

    /// Records that another tab saved `text` just now; with `keep`, the next save keeps it as
    /// a version.
    fn stored_by_other(self, text: String, keep: bool) {
        self.last_saved.set_value(text);
        self.saved_at.set_value(js_sys::Date::now() as i64);
        if keep {
            self.first.set_value(true);
        }
    }

    /// Records a successful save of `text` at `at`, with the version it kept.
    fn took(self, text: String, at: i64, keep: Option<Keep>) {
        self.last_saved.set_value(text);
        self.saved_at.set_value(at);
        self.error.set(None);
        if let Some(k) = keep {
            self.first.set_value(false);
            self.versions.set(k.after);
        }
    }

    /// Starts a save of the current document, written in idle slices.
    fn start(self, c: Ctx) {
        if self.blocked() {
            return;
        }
        let job = c.session.with_untracked(|s| Job {
            snapshot: Snapshot::new(&s.wb),
            js: JsString::from(""),
            sent: 0,
            generation: self.generation.get_value(),
            rows: (STEP_CELLS / s.wb.objects.len().max(1)).max(1),
        });
        self.slice(c, job);
    }

    /// Writes the next slice of `job` when the browser is idle, then schedules the rest.
    fn slice(self, c: Ctx, mut job: Job) {
        when_idle(move |budget| {
            // The document changed: the save that change scheduled replaces this one.
            if self.generation.get_value() != job.generation {
                return;
            }
            let start = js_sys::Date::now();
            loop {
                let done = c
                    .session
                    .with_untracked(|s| job.snapshot.step(&s.wb, job.rows));
                // Hand the new text to JavaScript as it comes, so no single copy is long.
                let text = job.snapshot.text();
                job.js = job.js.concat(&JsValue::from_str(&text[job.sent..]));
                job.sent = text.len();
                if done {
                    let js = job.js.into();
                    self.store_text(job.snapshot.finish(), Some(js));
                    return;
                }
                if js_sys::Date::now() - start > budget {
                    break;
                }
            }
            self.slice(c, job);
        });
    }

    fn save_ui(c: &Ctx) {
        let ui = c.session.with_untracked(
            |s| serde_json::json!({ "model": s.model, "view": c.view.get_untracked().slug() }),
        );
        let _ = set_pref(UI_KEY, &ui.to_string());
    }
}

/// Runs `f` once the browser is idle, after it has painted (within `IDLE_LIMIT_MS` at the
/// latest), with the milliseconds it may take; in the next task where the browser has no
/// `requestIdleCallback`.
fn when_idle(f: impl FnOnce(f64) + 'static) {
    let win = window();
    if !js_sys::Reflect::has(&win, &"requestIdleCallback".into()).unwrap_or(false) {
        Timeout::new(0, move || f(SLICE_MS)).forget();
        return;
    }
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_LIMIT_MS);
    let callback = wasm_bindgen::closure::Closure::once_into_js(move |d: web_sys::IdleDeadline| {
        // A deadline that passed (the time limit ran out) still gets one short slice.
        f(d.time_remaining().clamp(1.0, SLICE_MS))
    });
    let _ = win.request_idle_callback_with_options(callback.unchecked_ref(), &options);
}

/// Keeps unreadable text under the recovery key, never overwriting an earlier recovery;
/// until it is kept, autosave does not overwrite the original.
fn keep_recovery(store: Autosave, text: String) {
    store.recovery.set(Some(text.clone()));
    store.recovery_kept.set(false);
    let db = store.store.get_value();
    spawn_local(async move {
        let kept = match db.read(RECOVERY_KEY).await {
            Some(earlier) => earlier == text,
            None => match db.write(RECOVERY_KEY, JsValue::from_str(&text)).await {
                Ok(()) => true,
                Err(e) => {
                    store.error.set(Some(e));
                    false
                }
            },
        };
        store.recovery_kept.set(kept);
    });
}

/// Starts autosave, the page-hide save and the watch on other tabs.
pub fn install(c: Ctx, stored: Stored) {
    let store = Autosave {
        error: RwSignal::new(None),
        recovery: RwSignal::new(None),
        conflict: RwSignal::new(None),
        versions: RwSignal::new(stored.versions),
        recovery_kept: RwSignal::new(true),
        last_saved: StoredValue::new(stored.text),
        saved_at: StoredValue::new(stored.at),
        first: StoredValue::new(true),
        store: StoredValue::new_local(stored.store),
        generation: StoredValue::new(0),
    };
    provide_context(store);
    if let Some(text) = stored.recovery {
        keep_recovery(store, text);
    }
    // Replacing the pending timeout drops, and so cancels, the previous one.
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        c.session.track();
        store.generation.update_value(|g| *g += 1);
        let delay = SAVE_DELAY.as_millis() as u32;
        pending.set_value(Some(Timeout::new(delay, move || store.start(c))));
    });
    // The model and view in use, written when they change (not on every edit of the document).
    let place = Memo::new(move |_| (c.session.with(|s| s.model.clone()), c.view.get()));
    Effect::new(move |_| {
        // Read, not only tracked: a memo that was never read has not subscribed to its sources.
        place.with(|_| ());
        Autosave::save_ui(&c);
    });
    Effect::new(move |_| {
        let _ = set_pref(LANG_KEY, c.lang.get().tag());
    });
    listen(c, store);
}

/// Page-lifetime listeners: save on hide, hear saves from other tabs.
fn listen(c: Ctx, store: Autosave) {
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
        if e.key().as_deref() != Some(STAMP_KEY) {
            return;
        }
        let db = store.store.get_value();
        spawn_local(async move {
            // The other tab may have kept a version: this tab's next save writes the index.
            let index = db.read(VERSIONS_KEY).await.unwrap_or_default();
            store.versions.set(Versions::parse(&index));
            match db.read(KEY).await {
                Some(v) if store.last_saved.with_value(|s| *s != v) => store.conflict.set(Some(v)),
                _ => {}
            }
        });
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
                            <button data-testid="conflict-keep" on:click={
                                let theirs = theirs.clone();
                                move |_| {
                                    store.conflict.set(None);
                                    // Theirs is what storage holds: this save keeps it as a version.
                                    store.stored_by_other(theirs.clone(), true);
                                    store.save_now(&c);
                                }
                            }>{move || c.t(K::KeepMine)}</button>
                            <button data-testid="conflict-take" on:click=move |_| {
                                if let Ok(imported) = format::import(theirs.as_bytes()) {
                                    store.stored_by_other(theirs.clone(), false);
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
