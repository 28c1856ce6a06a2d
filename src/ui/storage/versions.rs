//! The saved versions dialog: the kept versions, newest first, each with when it was saved,
//! to restore (one undo step) or download.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::Autosave;
use crate::core::commands::Command;
use crate::core::format;
use crate::core::versions;
use crate::i18n::{self, K};
use crate::ui::export::download;
use crate::ui::files::describe_error;
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::{focus, on_escape, testid};

/// `time` (milliseconds since the epoch) as the reader's local date and time, in the app's
/// language.
fn when(c: &Ctx, time: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(time as f64));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    String::from(date.to_locale_string(c.lang.get().tag(), &options))
}

/// The file name of the version saved at `time`: `cogovern-version-<UTC date and time>`.
fn file_name(time: i64) -> String {
    use chrono::Timelike;
    let utc = chrono::DateTime::from_timestamp_millis(time).unwrap_or_default();
    let (day, h, m) = (i18n::iso_date(utc), utc.hour(), utc.minute());
    format!("cogovern-version-{day}-{h:02}{m:02}Z.cogovern.json")
}

/// How long before `now` the time `time` was, in words.
fn ago(c: &Ctx, now: f64, time: i64) -> String {
    let minutes = ((now - time as f64) / 60_000.0).max(0.0) as i64;
    match minutes {
        0 => c.t(K::JustNow),
        m if m < 120 => c.tf(K::MinutesAgo, &[("n", &m.to_string())]),
        m => c.tf(K::HoursAgo, &[("n", &(m / 60).to_string())]),
    }
}

impl Autosave {
    /// Reads the version saved at `time` and hands its text to `then`; a version that is gone
    /// is said so.
    fn with_version(self, c: Ctx, time: i64, then: impl FnOnce(String) + 'static) {
        let db = self.store.get_value();
        spawn_local(async move {
            match db.read(&versions::key(time)).await {
                Some(text) => then(text),
                None => c.say(c.t_untracked(K::VersionGone), true),
            }
        });
    }

    /// Replaces the workbook with the version saved at `time` (one undo step); a version that
    /// no longer opens changes nothing and says why.
    fn restore(self, c: Ctx, time: i64, label: String) {
        self.with_version(c, time, move |text| match format::import(text.as_bytes()) {
            Ok(imported) => {
                let cmd = Command::ReplaceWorkbook(Box::new(imported.workbook));
                if c.dispatch(cmd).is_ok() {
                    c.say(c.tf_untracked(K::Restored, &[("when", &label)]), false);
                }
            }
            Err(e) => {
                let (why, _) = describe_error(c.lang.get_untracked(), &e);
                c.say(c.tf_untracked(K::VersionDamaged, &[("why", &why)]), true);
            }
        });
    }
}

/// The kept versions, to restore or download.
#[component]
pub fn VersionsDialog(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let c = ctx();
    let store = expect_context::<Autosave>();
    // The dialog takes the focus, and gives it back to the button that opened it.
    let close = move || {
        open.set(false);
        focus(&testid("versions"));
    };
    let now = js_sys::Date::now();
    let times = move || {
        store
            .versions
            .with(|v| v.newest_first().collect::<Vec<_>>())
    };
    let row = move |time: i64| {
        let label = when(&c, time);
        let (restore_label, download_label) = (label.clone(), label.clone());
        view! {
            <li data-testid="version">
                <span class="version-when">{label.clone()}</span>
                <span class="muted">{move || ago(&c, now, time)}</span>
                <button data-testid="version-restore"
                    aria-label=move || c.tf(K::RestoreVersion, &[("when", &restore_label)])
                    on:click=move |_| {
                        store.restore(c, time, label.clone());
                        close();
                    }>{move || c.t(K::Restore)}</button>
                <button data-testid="version-download"
                    aria-label=move || c.tf(K::DownloadVersion, &[("when", &download_label)])
                    on:click=move |_| store.with_version(c, time, move |text| {
                        download(&file_name(time), "application/json", &text);
                    })>{move || c.t(K::Download)}</button>
            </li>
        }
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="versions-title"
            data-testid="versions-dialog" on:keydown=on_escape(close)>
            <h2 id="versions-title">{move || c.t(K::VersionsTitle)}</h2>
            <p class="muted">{move || c.tf(K::VersionsHelp, &[("keep", &versions::KEEP.to_string())])}</p>
            <Show when=move || store.versions.with(|v| !v.is_empty())
                fallback=move || view! { <p data-testid="versions-none">{move || c.t(K::VersionsNone)}</p> }>
                <ul class="versions">{move || times().into_iter().map(row).collect_view()}</ul>
            </Show>
            <div class="row">
                <button autofocus data-testid="versions-close" on:click=move |_| close()>{move || c.t(K::Close)}</button>
            </div>
        </div>
    }
}
