//! The thin UI: renders the core and dispatches its commands.
//!
//! The house: `tabs/` holds one room per tab, none importing another; the ground floor holds
//! what several tabs share (`widgets`, `export`, `cell_editor`, `structure`, `actions`) and the
//! shell around them (`shell`, `files`, `storage`), none of which imports a tab. `session` owns
//! the document: every change goes through `Ctx::dispatch`.

pub mod actions;
pub mod cell_editor;
pub mod export;
pub mod files;
pub mod offline;
pub mod present;
pub mod rooms;
pub mod route;
pub mod session;
pub mod share;
pub mod shell;
pub mod storage;
pub mod structure;
pub mod tabs;
pub mod timer;
pub mod widgets;

use leptos::ev;
use leptos::prelude::*;

use crate::core::model::Lang;
use crate::i18n::K;
use session::{Ctx, Session, View};
use shell::{Footer, Header, StatusBar, Tabs};

/// Mounts the app on the page, replacing the static loading skeleton.
pub fn start() {
    console_error_panic_hook::set_once();
    // The saved workbook is read first (IndexedDB answers asynchronously, in milliseconds).
    // Leptos' executor starts with the mount; until then, wasm-bindgen's runs the future.
    wasm_bindgen_futures::spawn_local(async {
        let boot = storage::boot().await;
        if let Some(el) = document().get_element_by_id("loading") {
            el.remove();
        }
        leptos::mount::mount_to_body(move || view! { <App boot=boot/> });
    });
}

/// Creates and provides the shared context for `session`.
pub fn provide(session: Session, lang: Lang, view: View) -> Ctx {
    let session = RwSignal::new(session);
    let c = Ctx {
        session,
        content: Memo::new(move |_| session.with(|s| s.content)),
        lang: RwSignal::new(lang),
        view: RwSignal::new(view),
        notice: RwSignal::new(None),
        round: RwSignal::new(None),
        report: RwSignal::new(None),
        share: RwSignal::new(None),
        incoming: RwSignal::new(None),
        to_answer: RwSignal::new(None),
        timer: RwSignal::new(Default::default()),
        present: RwSignal::new(None),
        clock: RwSignal::new(0.0),
    };
    provide_context(c);
    c
}

/// Keeps the page's `lang` and title in the current language.
fn follow_language(c: Ctx) {
    Effect::new(move |_| {
        let lang = c.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(&format!(
            "{} · {}",
            K::AppName.get(lang),
            K::Tagline.get(lang)
        ));
    });
}

/// Undo/redo shortcuts work wherever the focus is, so text fields share the same history.
fn undo_shortcuts(c: Ctx) {
    let _ = window_event_listener(ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => c.redo(),
            "z" => c.undo(),
            "y" => c.redo(),
            _ => return,
        }
        e.prevent_default();
    });
}

/// The whole application.
#[component]
pub fn App(
    /// The session restored from storage (or the presets) and where to keep it.
    boot: storage::Boot,
) -> impl IntoView {
    let c = provide(boot.session, boot.lang, boot.view);
    storage::install(c, boot.stored);
    files::provide_file_state();
    rooms::provide();
    follow_language(c);
    undo_shortcuts(c);
    route::install(c);
    timer::install(c);
    offline::install();
    widgets::honour_autofocus();
    let slug = move || c.view.get().slug();
    let presenting = move || c.present.with(Option::is_some);
    view! {
        <Show when=move || !presenting() fallback=|| rooms::show(rooms::Room::Presenter)>
            <a class="skip" href="#main">{move || c.t(K::Views)}</a>
            <Header/>
            <storage::Banners/>
            <offline::UpdateBanner/>
            <main id="main">
                <Tabs/>
                <section
                    class="panel"
                    role="tabpanel"
                    id=move || format!("panel-{}", slug())
                    aria-labelledby=move || format!("tab-{}", slug())
                    data-testid=move || format!("panel-{}", slug())
                >
                    {move || match c.view.get() {
                        View::Matrix => view! { <tabs::matrix::Matrix/> }.into_any(),
                        other => rooms::show(rooms::Room::Tab(other)),
                    }}
                </section>
            </main>
            <StatusBar/>
            <Footer/>
        </Show>
        <files::DropZone/>
        {move || c.share.get().map(|what| rooms::show(rooms::Room::Share(what)))}
        <share::LinkDialog/>
    }
}
