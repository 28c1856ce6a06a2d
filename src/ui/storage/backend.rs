//! Where autosave keeps its text: the one file that knows the browser's storage.
//!
//! The workbook goes to IndexedDB: it is asynchronous (a multi-megabyte write never holds up
//! the page) and its quota is far larger than localStorage's 5 MB, which a 200 × 200 workbook
//! exceeds. Where IndexedDB is missing or refused (some private windows, some school
//! policies), the workbook goes to localStorage as before. Small settings (language, view)
//! stay in localStorage, read synchronously at start-up.
//!
//! localStorage is used through web-sys rather than `gloo-storage`: gloo's `LocalStorage`
//! throws when storage is denied, where we must keep working and say so, and it stores values
//! JSON-encoded, which would change the bytes of a workbook saved by older versions. IndexedDB
//! is a few requests, each turned into a future by making the promise's own `resolve` and
//! `reject` the request's event handlers.

use std::future::Future;

use js_sys::{Function, Promise};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

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

const DB: &str = "cogovern";
const STORE: &str = "kv";

/// Where the workbook is kept.
#[derive(Clone)]
pub enum Store {
    /// IndexedDB, the database open.
    Idb(IdbDatabase),
    /// localStorage, where IndexedDB is missing.
    Local,
}

/// Resolves when `arm` has made the promise's `resolve`/`reject` some request's handlers.
async fn settled(mut arm: impl FnMut(&Function, &Function)) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::new(&mut |ok, err| arm(&ok, &err))).await
}

/// The result of `req` once it succeeds.
async fn request(req: &IdbRequest) -> Result<JsValue, JsValue> {
    settled(|ok, err| {
        req.set_onsuccess(Some(ok));
        req.set_onerror(Some(err));
    })
    .await?;
    req.result()
}

/// Resolves when `tx` has committed; fails with its error when it aborts.
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    match settled(|ok, err| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(err));
        tx.set_onerror(Some(err));
    })
    .await
    {
        Ok(_) => Ok(()),
        Err(_) => Err(tx.error().map(JsValue::from).unwrap_or(JsValue::NULL)),
    }
}

/// What a failed write's error means to the user. `e` may be anything: a transaction aborted
/// without a cause has a null error.
fn reason(e: JsValue) -> SaveError {
    // Browsers name the error QuotaExceededError (NS_ERROR_DOM_QUOTA_REACHED in old Firefox).
    let name = match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => d.name(),
        None => e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default(),
    };
    if name.to_lowercase().contains("quota") {
        SaveError::Full
    } else {
        SaveError::Unavailable
    }
}

/// Opens the database at `version`, creating the store when the version is new.
async fn open_at(version: Option<u32>) -> Result<IdbDatabase, JsValue> {
    let factory = window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let req = match version {
        Some(v) => factory.open_with_u32(DB, v)?,
        None => factory.open(DB)?,
    };
    let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
        move |e: web_sys::Event| {
            let db = e
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        },
    );
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&req).await;
    req.set_onupgradeneeded(None);
    db?.dyn_into::<IdbDatabase>()
}

impl Store {
    /// IndexedDB when it opens, else localStorage.
    pub async fn open() -> Store {
        match open_idb().await {
            Ok(db) => {
                // Another tab deleting or upgrading the database must not wait for this one.
                let close = db.clone();
                let handler =
                    wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || close.close());
                db.set_onversionchange(Some(handler.as_ref().unchecked_ref()));
                handler.forget();
                Store::Idb(db)
            }
            Err(_) => Store::Local,
        }
    }

    /// True when the workbook is kept in IndexedDB.
    pub fn is_idb(&self) -> bool {
        matches!(self, Store::Idb(_))
    }

    /// The text stored under `key`, if any (and if storage can be read at all).
    pub async fn read(&self, key: &str) -> Option<String> {
        match self {
            Store::Idb(_) => self.read_raw(key).await?.as_string(),
            Store::Local => pref(key),
        }
    }

    /// Stores `value` (a JS string) under `key`, then reads it back, so a save that did not
    /// take is reported. The write itself starts before this returns (a save on page hide
    /// must not wait for the next task); the future reports how it ended.
    pub fn write(&self, key: &str, value: JsValue) -> impl Future<Output = Result<(), SaveError>> {
        self.write_with(key, value, Vec::new(), &[])
    }

    /// Like [`Store::write`], and also stores `extra` and deletes `gone`. In IndexedDB all of
    /// it is one transaction, so a save interrupted anywhere (the tab closed, the quota hit)
    /// leaves everything as it was before. localStorage has no transactions: `key` is written
    /// first and alone decides success; `extra` follows in order, stopping at the first
    /// failure (so an index written last never names a missing entry), then `gone` goes.
    pub fn write_with(
        &self,
        key: &str,
        value: JsValue,
        extra: Vec<(String, JsValue)>,
        gone: &[String],
    ) -> impl Future<Output = Result<(), SaveError>> {
        let started = match self {
            Store::Idb(db) => {
                let mut puts = vec![(key.to_string(), value.clone())];
                puts.extend(extra);
                put(db, &puts, gone).map(|tx| Some((db.clone(), tx)))
            }
            Store::Local => {
                let text = value.as_string().unwrap_or_default();
                set_pref(key, &text).map(|()| {
                    let written = extra
                        .iter()
                        .all(|(k, v)| set_pref(k, &v.as_string().unwrap_or_default()).is_ok());
                    if written {
                        gone.iter().for_each(|k| remove_pref(k));
                    }
                    None
                })
            }
        };
        let key = key.to_string();
        async move {
            let Some((db, tx)) = started? else {
                return Ok(());
            };
            committed(&tx).await.map_err(reason)?;
            let back = Store::Idb(db).read_raw(&key).await;
            match back {
                Some(back) if js_sys::Object::is(&back, &value) => Ok(()),
                _ => Err(SaveError::Verify),
            }
        }
    }

    /// The stored value as JavaScript holds it, to compare without copying it into Rust.
    async fn read_raw(&self, key: &str) -> Option<JsValue> {
        let Store::Idb(db) = self else {
            return None;
        };
        let tx = db.transaction_with_str(STORE).ok()?;
        let req = tx.object_store(STORE).ok()?.get(&key.into()).ok()?;
        request(&req).await.ok()
    }
}

/// Issues the writes of `puts` and the deletes of `gone` in one transaction; the transaction
/// tells when it is done. A request refused half-way aborts the transaction, which would
/// otherwise commit the requests made before it.
fn put(
    db: &IdbDatabase,
    puts: &[(String, JsValue)],
    gone: &[String],
) -> Result<IdbTransaction, SaveError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(reason)?;
    let issued = tx.object_store(STORE).and_then(|s| {
        for (k, v) in puts {
            s.put_with_key(v, &k.into())?;
        }
        for k in gone {
            s.delete(&k.into())?;
        }
        Ok(())
    });
    issued.map_err(|e| {
        let _ = tx.abort();
        reason(e)
    })?;
    Ok(tx)
}

/// Opens the database; one that exists without our store (made by someone else) is upgraded.
async fn open_idb() -> Result<IdbDatabase, JsValue> {
    let db = open_at(None).await?;
    if db.object_store_names().contains(STORE) {
        return Ok(db);
    }
    let next = db.version() as u32 + 1;
    db.close();
    open_at(Some(next)).await
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A small setting (or, where IndexedDB is missing, the workbook) from localStorage.
pub fn pref(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores a small setting in localStorage and reads it back.
pub fn set_pref(key: &str, value: &str) -> Result<(), SaveError> {
    let s = local().ok_or(SaveError::Unavailable)?;
    s.set_item(key, value).map_err(reason)?;
    match s.get_item(key) {
        Ok(Some(back)) if back == value => Ok(()),
        _ => Err(SaveError::Verify),
    }
}

/// Forgets a localStorage entry (a workbook moved to IndexedDB).
pub fn remove_pref(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
