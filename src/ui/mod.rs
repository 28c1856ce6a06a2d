//! The thin UI: renders the core and dispatches its commands.

pub mod analysis;
pub mod diagram;
pub mod file;
pub mod matrix;
pub mod network;
pub mod panel;
pub mod plan;
pub mod print;
pub mod session;
pub mod storage;
pub mod views;

use leptos::ev;
use leptos::prelude::*;

use crate::core::commands::{Command, MetaField};
use crate::core::model::Lang;
use crate::i18n::{self, K};
use session::{ctx, Ctx, Session, View};

/// Mounts the app on the page, replacing the static loading skeleton.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Creates and provides the shared context for `session`.
pub fn provide(session: Session, lang: Lang, view: View) -> Ctx {
    let c = Ctx {
        session: RwSignal::new(session),
        lang: RwSignal::new(lang),
        view: RwSignal::new(view),
        notice: RwSignal::new(None),
    };
    provide_context(c);
    provide_context(print::Printing(RwSignal::new(false)));
    c
}

/// A keydown handler for dialogs: Escape calls `close`.
pub fn on_escape(close: impl Fn() + 'static) -> impl Fn(ev::KeyboardEvent) + 'static {
    move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let boot = storage::boot();
    let c = provide(boot.session, boot.lang, boot.view);
    storage::install(c, boot.recovery);
    let printing = expect_context::<print::Printing>().0;
    // Another tab closes the print sheet.
    Effect::new(move |_| {
        c.view.track();
        printing.set(false);
    });
    file::provide_file_state();
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", c.lang.get().tag());
        }
        document().set_title(&format!(
            "{} · {}",
            K::AppName.get(c.lang.get()),
            K::Tagline.get(c.lang.get())
        ));
    });
    // Undo/redo shortcuts work wherever the focus is, so text fields share the same history.
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
    view! {
        <a class="skip" href="#main">{move || c.t(K::Views)}</a>
        <Header/>
        <storage::Banners/>
        <file::DropZone/>
        <main id="main">
            <Tabs/>
            <section
                class="panel"
                role="tabpanel"
                id=move || format!("panel-{}", c.view.get().slug())
                aria-labelledby=move || format!("tab-{}", c.view.get().slug())
                data-testid=move || format!("panel-{}", c.view.get().slug())
            >
                {move || if printing.get() {
                    view! { <print::PrintSheet/> }.into_any()
                } else { match c.view.get() {
                    View::Matrix => view! { <matrix::Matrix/> }.into_any(),
                    View::Diagram => {
                        let model = Signal::derive(move || c.session.with(|s| s.model.clone()));
                        view! {
                            <div class="row">
                                <matrix::ModelPicker/>
                                <print::PrintButton/>
                            </div>
                            <diagram::StructureDiagram model=model uid="main"/>
                            <network::NetworkDiagram model=model/>
                        }
                        .into_any()
                    }
                    View::Analysis => view! { <analysis::Analysis/> }.into_any(),
                    View::Compare => view! { <views::Compare/> }.into_any(),
                    View::Plan => view! { <plan::PlanView/> }.into_any(),
                    View::Timeline => view! { <views::Timeline/> }.into_any(),
                    View::Data => view! { <views::Data/> }.into_any(),
                }}}
            </section>
        </main>
        <StatusBar/>
        <footer class="footer">
            <span data-testid="version">
                {move || c.tf(K::Version, &[("version", env!("CARGO_PKG_VERSION"))])}
            </span>
            " · "
            <span data-testid="modified">
                {move || {
                    // The browser's offset, east of UTC in minutes, for local time.
                    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
                    let when = c.session.with(|s| s.wb.meta.modified);
                    c.tf(K::Modified, &[("date", &i18n::date_time(when, offset, c.lang.get()))])
                }}
            </span>
        </footer>
    }
}

/// Title, model choice, undo/redo, file actions and the language switch.
#[component]
fn Header() -> impl IntoView {
    let c = ctx();
    let title = move || c.session.with(|s| s.wb.meta.title.clone());
    let undo_text = move || {
        let lang = c.lang.get();
        c.session.with(|s| match s.history.undo_label() {
            Some(l) => i18n::tr(lang, K::UndoWhat, &[("what", &i18n::label(lang, l))]),
            None => K::NothingToUndo.get(lang).to_string(),
        })
    };
    let redo_text = move || {
        let lang = c.lang.get();
        c.session.with(|s| match s.history.redo_label() {
            Some(l) => i18n::tr(lang, K::RedoWhat, &[("what", &i18n::label(lang, l))]),
            None => K::NothingToRedo.get(lang).to_string(),
        })
    };
    view! {
        <header class="header">
            <div class="brand">
                <strong>{move || c.t(K::AppName)}</strong>
                <span class="muted">{move || c.t(K::Tagline)}</span>
            </div>
            <input
                class="title"
                data-testid="title"
                aria-label=move || c.t(K::Title)
                prop:value=title
                on:input=move |e| {
                    let _ = c.dispatch(Command::SetMeta(MetaField::Title, event_target_value(&e)));
                }
                on:blur=move |_| c.seal()
            />
            <div class="toolbar" role="toolbar" aria-label=move || c.t(K::Undo)>
                <button
                    data-testid="undo"
                    disabled=move || c.session.with(|s| s.history.undo_len() == 0)
                    title=undo_text
                    aria-label=undo_text
                    on:click=move |_| c.undo()
                >
                    "↶ " {move || c.t(K::Undo)}
                </button>
                <button
                    data-testid="redo"
                    disabled=move || c.session.with(|s| s.history.redo_len() == 0)
                    title=redo_text
                    aria-label=redo_text
                    on:click=move |_| c.redo()
                >
                    "↷ " {move || c.t(K::Redo)}
                </button>
            </div>
            <file::FileMenu/>
            <LanguageSwitch/>
        </header>
    }
}

/// English / 简体中文, remembered across reloads.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let c = ctx();
    let button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                lang=lang.tag()
                data-testid=format!("lang-{}", lang.tag())
                aria-pressed=move || (c.lang.get() == lang).to_string()
                on:click=move |_| c.lang.set(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang" role="group" aria-label=move || c.t(K::Language) data-testid="lang-switch">
            {button(Lang::En, "English")}
            {button(Lang::Zh, "简体中文")}
        </div>
    }
}

/// The view tabs: every tab is a button, so Tab reaches it and Enter or Space opens it;
/// arrow keys move between tabs as in the WAI-ARIA tabs pattern.
#[component]
pub fn Tabs() -> impl IntoView {
    let c = ctx();
    let on_key = move |e: ev::KeyboardEvent| {
        let step: i32 = match e.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        e.prevent_default();
        let all = View::ALL;
        let i = all
            .iter()
            .position(|v| *v == c.view.get_untracked())
            .unwrap_or(0) as i32;
        let next = all[(i + step).rem_euclid(all.len() as i32) as usize];
        c.view.set(next);
        if let Some(el) = document().get_element_by_id(&format!("tab-{}", next.slug())) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=move || c.t(K::Views) on:keydown=on_key>
            {View::ALL
                .into_iter()
                .map(|v| {
                    view! {
                        <button
                            role="tab"
                            id=format!("tab-{}", v.slug())
                            data-testid=format!("tab-{}", v.slug())
                            aria-selected=move || (c.view.get() == v).to_string()
                            aria-controls=format!("panel-{}", v.slug())
                            on:click=move |_| c.view.set(v)
                        >
                            {move || c.t(v.label())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The last status message, announced politely to screen readers.
#[component]
fn StatusBar() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="status" role="status" aria-live="polite" data-testid="status">
            {move || {
                c.notice
                    .get()
                    .map(|n| view! { <span class:error=n.error>{n.text}</span> })
            }}
        </div>
    }
}
