//! Where autosave keeps its text: the one file that knows the browser's storage, so moving
//! autosave to IndexedDB changes this file and nothing else.
//!
//! It is `localStorage` through web-sys rather than `gloo-storage`: gloo's `LocalStorage`
//! throws when storage is denied (private windows, some school policies), where we must keep
//! working and say so, and it stores values JSON-encoded, which would change the bytes of a
//! saved workbook that older versions of the app must still read.

use gloo_utils::errors::JsError;
use leptos::prelude::window;

/// Why a write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// No storage (private mode, disabled).
    Unavailable,
    /// The quota is exhausted.
    Full,
    /// What was read back differs from what was written.
    Verify,
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The text stored under `key`, if any (and if storage can be read at all).
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key` and reads it back, so a save that did not take is reported.
pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
    let s = local().ok_or(SaveError::Unavailable)?;
    s.set_item(key, value).map_err(|e| {
        // Browsers name the error QuotaExceededError (NS_ERROR_DOM_QUOTA_REACHED in old Firefox).
        match JsError::try_from(e) {
            Ok(e) if e.name.to_lowercase().contains("quota") => SaveError::Full,
            _ => SaveError::Unavailable,
        }
    })?;
    match s.get_item(key) {
        Ok(Some(back)) if back == value => Ok(()),
        _ => Err(SaveError::Verify),
    }
}
