//! Opening files (picker, drag-and-drop, paste) and saving them (JSON, CSV, clipboard).

use leptos::ev;
use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::csv::matrix_csv;
use crate::core::format::{self, ImportError, Imported, MAX_BYTES};
use crate::core::model::{Lang, Round};
use crate::core::validate::ProblemKind;
use crate::core::workshop::{self, FileError, ANSWER_FORMAT, ROUND_FORMAT};
use crate::i18n::{self, K};
use crate::ui::actions::{add_round, collect_answers};
use crate::ui::export::{copy_text, dated_name, download, download_workbook};
use crate::ui::rooms::{self, Room};
use crate::ui::session::{ctx, Ctx};
use crate::ui::share::{fragment_in, receive, Share};

/// The import error waiting in the dialog.
#[derive(Clone, Copy)]
pub struct Failed(RwSignal<Option<ImportError>>);

/// Creates the import-error state shared by the file menu and the drop zone.
pub fn provide_file_state() {
    provide_context(Failed(RwSignal::new(None)));
}

fn problem_text(lang: Lang, p: &ProblemKind) -> String {
    // Problem texts come from the core in English; Chinese users get the path and a short gloss.
    match lang {
        Lang::En => p.to_string(),
        Lang::Zh => match p {
            ProblemKind::DuplicateId(id) => format!("标识“{id}”重复使用"),
            ProblemKind::BadId(id) => format!("标识“{id}”只能包含字母、数字、“-”“_”“.”"),
            ProblemKind::EmptyName => "名称在两种语言中均为空".into(),
            ProblemKind::UnknownSubject(id) => format!("引用了不存在的主体“{id}”"),
            ProblemKind::UnknownObject(id) => format!("引用了不存在的客体“{id}”"),
            ProblemKind::UnknownRole(id) => format!("引用了角色等级中不存在的角色“{id}”"),
            ProblemKind::UnknownMethod(id) => format!("引用了不存在的治理方式“{id}”"),
            ProblemKind::UnknownNode(id) => format!("布局中的“{id}”既不是主体也不是客体"),
            ProblemKind::RepeatedMethod(id) => format!("治理方式“{id}”被列出两次"),
            ProblemKind::TooMany(_, n) => format!("条目超过 {n} 个"),
            ProblemKind::NoModels => "工作簿至少需要一个模式".into(),
            ProblemKind::BadColour(c) => format!("“{c}”不是 #rrggbb 形式的颜色"),
            ProblemKind::BadNumber => "数值超出范围".into(),
            ProblemKind::Round(m) => format!("研讨轮次的问题与回答不一致：{m}"),
        },
    }
}

/// The error as a headline and detail lines, in `lang`.
pub fn describe_error(lang: Lang, e: &ImportError) -> (String, Vec<String>) {
    let t = |k: K, a: &[(&str, &str)]| i18n::tr(lang, k, a);
    match e {
        ImportError::Empty => (t(K::ErrEmpty, &[]), vec![]),
        ImportError::TooLarge { bytes } => (
            t(
                K::ErrTooLarge,
                &[
                    ("bytes", &bytes.to_string()),
                    ("max", &MAX_BYTES.to_string()),
                ],
            ),
            vec![],
        ),
        ImportError::NotUtf8 { line, column } => (
            t(
                K::ErrNotUtf8,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            vec![],
        ),
        ImportError::Syntax {
            line,
            column,
            message,
        } => (
            t(
                K::ErrSyntax,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
            vec![],
        ),
        ImportError::NotAWorkbook => (t(K::ErrNotWorkbook, &[]), vec![]),
        ImportError::MissingVersion => (t(K::ErrMissingVersion, &[]), vec![]),
        ImportError::BadVersion(v) => (t(K::ErrBadVersion, &[("version", v)]), vec![]),
        ImportError::TooNew { file, supported } => (
            t(
                K::ErrTooNew,
                &[
                    ("file", &file.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            vec![],
        ),
        ImportError::Migration { from, message } => (
            t(
                K::ErrMigration,
                &[("from", &from.to_string()), ("message", message)],
            ),
            vec![],
        ),
        ImportError::Type { path, message } => (
            t(K::ErrType, &[("path", path), ("message", message)]),
            vec![],
        ),
        ImportError::DuplicateKey { path } => (t(K::ErrDuplicateKey, &[("path", path)]), vec![]),
        ImportError::Invalid(problems) => (
            t(K::ErrInvalid, &[("count", &problems.len().to_string())]),
            problems
                .iter()
                .take(50)
                .map(|p| format!("{}: {}", p.path, problem_text(lang, &p.kind)))
                .collect(),
        ),
    }
}

/// A round or answer file's error, told as the workbook reader's own (the same dialog).
pub fn as_import_error(e: FileError) -> ImportError {
    match e {
        FileError::TooLarge => ImportError::TooLarge {
            bytes: workshop::MAX_FILE_BYTES + 1,
        },
        FileError::Syntax(line, column, message) => ImportError::Syntax {
            line,
            column,
            message,
        },
        FileError::OtherFormat(_) => ImportError::NotAWorkbook,
        FileError::TooNew(file) => ImportError::TooNew {
            file,
            supported: workshop::FILE_VERSION,
        },
        FileError::Type(path, message) => ImportError::Type { path, message },
    }
}

/// Opens files picked, dropped or pasted: one file by `open_bytes`; of several, answer files
/// are collected into the round they answer (the others are reported), else the first file
/// is opened.
pub fn open_files(c: &Ctx, failed: Failed, files: &[(String, Vec<u8>)]) {
    let answer = (files.len() > 1)
        .then(|| {
            files
                .iter()
                .position(|(_, b)| workshop::format_of(b).as_deref() == Some(ANSWER_FORMAT))
        })
        .flatten();
    match (answer, files.first()) {
        (Some(i), _) => open_answers(c, failed, files, i),
        (None, Some((_, bytes))) => open_bytes(c, failed, bytes),
        (None, None) => {}
    }
}

/// Collects `files` into the round that answer file `i` names, if the workbook has it.
fn open_answers(c: &Ctx, failed: Failed, files: &[(String, Vec<u8>)], i: usize) {
    match workshop::read_answer(&files[i].1) {
        Ok((round, ..)) if c.session.with_untracked(|s| s.wb.round(&round).is_some()) => {
            collect_answers(c, &round, files)
        }
        Ok((round, ..)) => c.say(
            c.tf_untracked(K::ErrNoSuchRound, &[("round", &round)]),
            true,
        ),
        Err(e) => failed.0.set(Some(as_import_error(e))),
    }
}

/// What a file (or a share link's content) turned out to be.
pub enum Opened {
    /// A workbook, read and checked.
    Workbook(Box<Imported>),
    /// A workshop round's file.
    Round(Box<Round>),
    /// An answer file (read again by whatever collects it).
    Answer,
}

/// Reads `bytes` as whatever file of ours they are. A workbook is read once; only what is not
/// a workbook is sniffed for the workshop's files.
pub fn read_any(bytes: &[u8]) -> Result<Opened, ImportError> {
    match format::import(bytes) {
        Ok(imported) => Ok(Opened::Workbook(Box::new(imported))),
        Err(ImportError::NotAWorkbook) => match workshop::format_of(bytes).as_deref() {
            Some(ROUND_FORMAT) => workshop::read_round(bytes)
                .map(|r| Opened::Round(Box::new(r)))
                .map_err(as_import_error),
            Some(ANSWER_FORMAT) => Ok(Opened::Answer),
            _ => Err(ImportError::NotAWorkbook),
        },
        Err(e) => Err(e),
    }
}

/// Replaces the workbook with `imported` (one undo step) and says so, with the version it was
/// upgraded from and its first warning; false if the command was refused.
pub fn open_workbook(c: &Ctx, imported: Imported) -> bool {
    let title = imported.workbook.meta.title.clone();
    if c.dispatch(Command::ReplaceWorkbook(Box::new(imported.workbook)))
        .is_err()
    {
        return false;
    }
    let lang = c.lang.get_untracked();
    let mut text = i18n::tr(lang, K::Opened, &[("title", &title)]);
    if let Some(from) = imported.migrated_from {
        text.push(' ');
        text.push_str(&i18n::tr(lang, K::Migrated, &[("from", &from.to_string())]));
    }
    if let Some(first) = imported.warnings.first() {
        let first = format!("{}: {}", first.path, problem_text(lang, &first.kind));
        let count = imported.warnings.len().to_string();
        text.push(' ');
        text.push_str(&i18n::tr(
            lang,
            K::OpenedWithWarnings,
            &[("count", &count), ("first", &first)],
        ));
    }
    c.say(text, false);
    true
}

/// Opens one file's bytes: a valid workbook replaces the workbook (one undo step), a round
/// file adds its round, an answer file is collected into its round; an invalid file shows the
/// error and changes nothing.
pub fn open_bytes(c: &Ctx, failed: Failed, bytes: &[u8]) {
    match read_any(bytes) {
        Ok(Opened::Workbook(imported)) => {
            if open_workbook(c, *imported) {
                failed.0.set(None);
            }
        }
        Ok(Opened::Round(round)) => {
            failed.0.set(None);
            add_round(c, *round);
        }
        Ok(Opened::Answer) => open_answers(c, failed, &[(String::new(), bytes.to_vec())], 0),
        Err(e) => failed.0.set(Some(e)),
    }
}

/// The files of a list, taken now: an input's list empties when the input is reset.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads picked or dropped files, all at once (name and bytes; a file that cannot be read,
/// or is too large, comes back empty and is reported as such).
pub async fn read_files(list: Vec<web_sys::File>) -> Vec<(String, Vec<u8>)> {
    let reads: js_sys::Array = list
        .iter()
        .map(|f| {
            if f.size() > MAX_BYTES as f64 {
                js_sys::Promise::resolve(&wasm_bindgen::JsValue::from(js_sys::ArrayBuffer::new(0)))
            } else {
                f.array_buffer()
            }
        })
        .collect();
    // Settled, not all: one unreadable file must not lose the others.
    let settled = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&reads))
        .await
        .map(|v| js_sys::Array::from(&v))
        .unwrap_or_default();
    list.iter()
        .enumerate()
        .map(|(i, f)| {
            let value = js_sys::Reflect::get(&settled.get(i as u32), &"value".into());
            let bytes = value
                .ok()
                .filter(wasm_bindgen::JsCast::is_instance_of::<js_sys::ArrayBuffer>)
                .map(|v| js_sys::Uint8Array::new(&v).to_vec())
                .unwrap_or_default();
            (f.name(), bytes)
        })
        .collect()
}

/// Reads picked or dropped files, then opens them.
fn read_and_open(c: Ctx, failed: Failed, list: web_sys::FileList) {
    let list = files_of(&list);
    // Refuse a huge single file before reading it into memory; the importer checks again.
    if let Some(f) = list
        .first()
        .filter(|f| list.len() == 1 && f.size() > MAX_BYTES as f64)
    {
        failed.0.set(Some(ImportError::TooLarge {
            bytes: f.size() as usize,
        }));
        return;
    }
    leptos::task::spawn_local(async move {
        let files = read_files(list).await;
        open_files(&c, failed, &files);
    });
}

/// File actions in the header.
#[component]
pub fn FileMenu() -> impl IntoView {
    let c = ctx();
    let failed = expect_context::<Failed>();
    let paste_open = RwSignal::new(false);
    let versions_open = RwSignal::new(false);
    let paste_text = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    let export_csv = move |_| {
        let lang = c.lang.get_untracked();
        let out = c.session.with_untracked(|s| {
            s.wb.model(&s.model)
                .map(|m| (dated_name(&s.wb, "csv"), matrix_csv(&s.wb, m, lang)))
        });
        if let Some((name, text)) = out {
            download(&name, "text/csv;charset=utf-8", &text);
        }
    };
    let copy_json = move |_| copy_text(c, c.session.with_untracked(|s| format::export(&s.wb)));
    view! {
        <div class="file" role="group" aria-label=move || c.t(K::File)>
            <input
                type="file"
                multiple
                accept=".json,application/json"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                data-testid="file-input"
                node_ref=input
                on:change=move |e| {
                    let el: web_sys::HtmlInputElement = event_target(&e);
                    if let Some(list) = el.files().filter(|l| l.length() > 0) {
                        read_and_open(c, failed, list);
                    }
                    el.set_value("");
                }
            />
            <button data-testid="import" on:click=move |_| {
                if let Some(i) = input.get() {
                    i.click();
                }
            }>{move || c.t(K::Import)}</button>
            <button data-testid="paste" on:click=move |_| paste_open.set(true)>{move || c.t(K::ImportPaste)}</button>
            <button data-testid="export-json" on:click=move |_| download_workbook(&c)>{move || c.t(K::ExportJson)}</button>
            <button data-testid="export-csv" on:click=export_csv>{move || c.t(K::ExportCsv)}</button>
            <button data-testid="copy-json" on:click=copy_json>{move || c.t(K::CopyJson)}</button>
            <button data-testid="share" on:click=move |_| c.share.set(Some(Share::Workbook))>{move || c.t(K::ShareOpen)}</button>
            <button data-testid="versions" on:click=move |_| versions_open.set(true)>{move || c.t(K::VersionsOpen)}</button>
        </div>
        <Show when=move || versions_open.get()>
            {rooms::show(Room::Versions(versions_open))}
        </Show>
        <Show when=move || paste_open.get()>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title" data-testid="paste-dialog"
                on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Escape" { paste_open.set(false) }>
                <h2 id="paste-title">{move || c.t(K::PasteTitle)}</h2>
                <textarea
                    data-testid="paste-text"
                    rows="10"
                    aria-labelledby="paste-title"
                    autofocus
                    prop:value=move || paste_text.get()
                    on:input=move |e| paste_text.set(event_target_value(&e))
                ></textarea>
                <div class="row">
                    <button data-testid="paste-open" on:click=move |_| {
                        let text = paste_text.get_untracked();
                        if let Some(fragment) = fragment_in(&text) {
                            receive(&c, fragment);
                            paste_open.set(false);
                            paste_text.set(String::new());
                            return;
                        }
                        let name = c.t_untracked(K::Pasted);
                        open_files(&c, failed, &workshop::split_pasted(&text, &name));
                        if failed.0.get_untracked().is_none() {
                            paste_open.set(false);
                            paste_text.set(String::new());
                        }
                    }>{move || c.t(K::PasteOpen)}</button>
                    <button on:click=move |_| paste_open.set(false)>{move || c.t(K::Cancel)}</button>
                </div>
            </div>
        </Show>
        {move || {
            failed
                .0
                .get()
                .map(|e| {
                    let lang = c.lang.get();
                    let (head, lines) = describe_error(lang, &e);
                    view! {
                        <div class="dialog error" role="alertdialog" aria-modal="true" aria-labelledby="import-error-title"
                            aria-describedby="import-error-body" data-testid="import-error"
                            on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Escape" { failed.0.set(None) }>
                            <h2 id="import-error-title">{move || c.t(K::ImportFailedTitle)}</h2>
                            <div id="import-error-body">
                                <p data-testid="import-error-message">{head}</p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                <p>{move || c.t(K::ImportFailedKeep)}</p>
                            </div>
                            <button autofocus data-testid="import-error-close" on:click=move |_| failed.0.set(None)>
                                {move || c.t(K::Close)}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// Opens a file dropped anywhere on the page.
#[component]
pub fn DropZone() -> impl IntoView {
    let c = ctx();
    let failed = expect_context::<Failed>();
    let over = RwSignal::new(false);
    let _ = window_event_listener(ev::dragover, move |e| {
        e.prevent_default();
        over.set(true);
    });
    let _ = window_event_listener(ev::dragleave, move |_| over.set(false));
    let _ = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        over.set(false);
        if let Some(list) = e
            .data_transfer()
            .and_then(|d| d.files())
            .filter(|l| l.length() > 0)
        {
            read_and_open(c, failed, list);
        }
    });
    view! {
        <Show when=move || over.get()>
            <div class="drop" aria-hidden="true">{move || c.t(K::DropHint)}</div>
        </Show>
    }
}
