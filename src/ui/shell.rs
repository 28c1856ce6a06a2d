//! The shell around the tabs: header (title, undo/redo, files, language), the tab bar, the
//! status line and the footer.

use leptos::ev;
use leptos::prelude::*;

use crate::core::commands::{Command, MetaField};
use crate::core::model::Lang;
use crate::i18n::{self, K};
use crate::ui::files::FileMenu;
use crate::ui::rooms::{self, Room};
use crate::ui::session::{ctx, View};
use crate::ui::timer::ActivityTimer;
use crate::ui::widgets::{dom_id, focus};

/// Title, model choice, undo/redo, file actions and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let c = ctx();
    let title = move || c.session.with(|s| s.wb.meta.title.clone());
    let presenting = RwSignal::new(false);
    view! {
        <header class="header">
            <div class="brand">
                <h1>{move || c.t(K::AppName)}</h1>
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
                <HistoryButton undo=true/>
                <HistoryButton undo=false/>
            </div>
            <FileMenu/>
            <button data-testid="present" on:click=move |_| presenting.set(true)>{move || c.t(K::Present)}</button>
            <Show when=move || presenting.get()>
                {rooms::show(Room::PresentSetup(presenting))}
            </Show>
            <ActivityTimer/>
            <LanguageSwitch/>
        </header>
    }
}

/// Undo or redo, named after the step it would undo or redo.
#[component]
fn HistoryButton(
    /// Undo when true, redo when false.
    undo: bool,
) -> impl IntoView {
    let c = ctx();
    let (done, nothing, symbol, label) = if undo {
        (K::UndoWhat, K::NothingToUndo, "↶ ", K::Undo)
    } else {
        (K::RedoWhat, K::NothingToRedo, "↷ ", K::Redo)
    };
    let text = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            let step = if undo {
                s.history.undo_label()
            } else {
                s.history.redo_label()
            };
            match step {
                Some(l) => i18n::tr(lang, done, &[("what", &i18n::label(lang, l))]),
                None => nothing.get(lang).to_string(),
            }
        })
    };
    let empty = move || {
        c.session.with(|s| if undo { s.history.undo_len() } else { s.history.redo_len() } == 0)
    };
    view! {
        <button
            data-testid=if undo { "undo" } else { "redo" }
            disabled=empty
            title=text
            aria-label=text
            on:click=move |_| if undo { c.undo() } else { c.redo() }
        >
            {symbol} {move || c.t(label)}
        </button>
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
        focus(&dom_id(&format!("tab-{}", next.slug())));
    };
    let bar = NodeRef::<leptos::html::Div>::new();
    // The chosen tab is always in sight: on a phone the bar scrolls, and a link or Back may
    // choose a tab out of it.
    Effect::new(move |_| {
        c.view.track();
        request_animation_frame(move || {
            if let Some(bar) = bar.get_untracked() {
                show_chosen_tab(&bar);
            }
        });
    });
    view! {
        <div class="tabs" role="tablist" aria-label=move || c.t(K::Views) on:keydown=on_key node_ref=bar>
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

/// Scrolls the tab bar `bar` sideways (never the page) so that its chosen tab is inside it.
fn show_chosen_tab(bar: &web_sys::HtmlElement) {
    let Ok(Some(tab)) = bar.query_selector("[aria-selected=true]") else {
        return;
    };
    let (outer, inner) = (
        bar.get_bounding_client_rect(),
        tab.get_bounding_client_rect(),
    );
    let by = if inner.left() < outer.left() {
        inner.left() - outer.left()
    } else if inner.right() > outer.right() {
        inner.right() - outer.right()
    } else {
        return;
    };
    bar.set_scroll_left(bar.scroll_left() + by.round() as i32);
}

/// The last status message, announced politely to screen readers.
#[component]
pub fn StatusBar() -> impl IntoView {
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

/// The version and the time of the last change, in local time.
#[component]
pub fn Footer() -> impl IntoView {
    let c = ctx();
    // A memo: an edit changes the time, but the text (to the minute) seldom, and only a new
    // text should touch the page.
    let modified = Memo::new(move |_| {
        // The browser's offset, east of UTC in minutes, for local time.
        let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        let when = c.session.with(|s| s.wb.meta.modified);
        c.tf(
            K::Modified,
            &[("date", &i18n::date_time(when, offset, c.lang.get()))],
        )
    });
    view! {
        <footer class="footer">
            <span data-testid="version">
                {move || c.tf(K::Version, &[("version", env!("CARGO_PKG_VERSION"))])}
            </span>
            " · "
            <span data-testid="modified">{modified}</span>
        </footer>
    }
}
