//! The ground floor: small controls and helpers that several tabs use. Nothing here imports
//! a tab.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::analytics::Status;
use crate::core::commands::{cells_affected, text_of, Command, EntityKind, TextField};
use crate::core::model::{Id, Lang, Tier, Workbook};
use crate::i18n::{self, K};
use crate::ui::session::ctx;

/// Makes `autofocus` work for dialogs. Browsers honour the attribute once per page load, and
/// every dialog here is inserted later, so its keyboard users would be left outside it (where
/// Escape does nothing). The page watches for inserted elements that carry the attribute, or
/// hold one, and focuses the first.
pub fn honour_autofocus() {
    let seen = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        |records: js_sys::Array| {
            let target = records.iter().find_map(|r| {
                let added = r.unchecked_into::<web_sys::MutationRecord>().added_nodes();
                (0..added.length()).find_map(|i| {
                    let el = added.item(i)?.dyn_into::<web_sys::Element>().ok()?;
                    if el.has_attribute("autofocus") {
                        return Some(el);
                    }
                    el.query_selector("[autofocus]").ok().flatten()
                })
            });
            if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        },
    );
    let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(seen.as_ref().unchecked_ref()),
        document().body(),
    ) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(&body, &options);
    // It watches for the page's lifetime.
    seen.forget();
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

/// The CSS selector of the element with test id `testid`.
pub fn testid(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// The CSS selector of the element with DOM id `id` (ids may hold `.`, which `#id` would
/// misread as a class).
pub fn dom_id(id: &str) -> String {
    format!("[id=\"{id}\"]")
}

/// Moves the keyboard focus to the first element matching `selector`, HTML or SVG.
pub fn focus(selector: &str) {
    focus_with(selector, false);
}

/// Moves the focus like [`focus`], but leaves the scroll position alone (the caller has
/// already scrolled to the element); false when no element matches.
pub fn focus_in_place(selector: &str) -> bool {
    focus_with(selector, true)
}

fn focus_with(selector: &str, in_place: bool) -> bool {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(in_place);
    // SVG nodes are focusable too, but they are not HTML elements.
    match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(el) => {
            let _ = el.focus_with_options(&options);
        }
        Err(el) => {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus_with_options(&options);
            }
        }
    }
    true
}

/// Moves the focus once the next frame is drawn (after the element has been rendered).
pub fn focus_after_frame(selector: String) {
    request_animation_frame(move || focus(&selector));
}

/// Delete with a warning that names how many cells (of a plan: steps) go; confirmed by a
/// second button.
#[component]
pub fn DeleteButton(
    /// Kind of the entity.
    kind: EntityKind,
    /// Its id.
    id: Id,
) -> impl IntoView {
    let c = ctx();
    let asking = RwSignal::new(None::<usize>);
    let id2 = id.clone();
    let ask = move |_| {
        asking.set(Some(c.session.with_untracked(|s| match kind {
            EntityKind::Plan => s.wb.plan(&id2).map_or(0, |p| p.steps.len()),
            _ => cells_affected(&s.wb, kind, &id2),
        })))
    };
    let confirm = {
        let id = id.clone();
        move |_| {
            asking.set(None);
            let _ = c.dispatch(Command::Remove {
                kind,
                id: id.clone(),
            });
        }
    };
    let name = {
        let id = id.clone();
        move || {
            let lang = c.lang.get();
            c.session.with(|s| {
                text_of(&s.wb, kind, &id, TextField::Name)
                    .map(|t| t.get(lang).to_string())
                    .unwrap_or_default()
            })
        }
    };
    let name2 = name.clone();
    view! {
        <button data-testid="delete" on:click=ask aria-label=move || c.tf(K::DeleteNamed, &[("name", &name())])>
            {move || c.t(K::Delete)}
        </button>
        {move || {
            asking
                .get()
                .map(|n| {
                    let key = if kind == EntityKind::Plan { K::DeletePlanWarning } else { K::DeleteWarning };
                    let warning = c.tf(key, &[("name", &name2()), ("count", &n.to_string())]);
                    let confirm = confirm.clone();
                    view! {
                        <div class="confirm" role="alertdialog" aria-label=warning.clone() data-testid="delete-confirm">
                            <span>{warning.clone()}</span>
                            <button data-testid="delete-yes" autofocus on:click=confirm>{move || c.t(K::Delete)}</button>
                            <button on:click=move |_| asking.set(None)>{move || c.t(K::Cancel)}</button>
                        </div>
                    }
                })
        }}
    }
}

/// A subject's tier in the current model.
#[component]
pub fn TierSelect(
    /// The subject whose tier is chosen.
    subject: Id,
) -> impl IntoView {
    let c = ctx();
    let s2 = subject.clone();
    let tier = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| m.tier(&s2))
                .unwrap_or(Tier::Absent)
        })
    });
    let slug = |t: Tier| format!("{t:?}").to_lowercase();
    view! {
        <select
            data-testid="tier"
            aria-label=move || c.t(K::Tier)
            on:change=move |e| {
                let v = event_target_value(&e);
                let t = Tier::ALL.into_iter().find(|t| slug(*t) == v);
                let model = c.session.with_untracked(|s| s.model.clone());
                let _ = c.dispatch(Command::SetTier { model, subject: subject.clone(), tier: t.filter(|t| *t != Tier::Absent) });
            }
        >
            {Tier::ALL
                .into_iter()
                .map(|t| view! { <option value=slug(t) selected=move || tier.get() == t>{move || c.t(i18n::tier(t))}</option> })
                .collect_view()}
        </select>
    }
}

/// A labelled choice of one of the workbook's models.
#[component]
pub fn ModelSelect(
    /// The label.
    label: K,
    /// The select's test id.
    testid: &'static str,
    /// The model shown as chosen.
    #[prop(into)]
    value: Signal<Id>,
    /// Called with the id the user picks.
    pick: Callback<Id>,
) -> impl IntoView {
    let c = ctx();
    // A memo: edits elsewhere in the document must not rebuild the options.
    let models = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.model_names(lang))
    });
    view! {
        <label class="picker">
            {move || c.t(label)} " "
            <select data-testid=testid on:change=move |e| pick.run(event_target_value(&e)) prop:value=move || value.get()>
                {move || {
                    models
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = id == value.get_untracked();
                            view! { <option value=id selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Chooses the model shown (the one the Matrix, Diagram and Analysis tabs work on).
#[component]
pub fn ModelPicker() -> impl IntoView {
    let c = ctx();
    let current = Memo::new(move |_| c.session.with(|s| s.model.clone()));
    let pick = Callback::new(move |id| c.session.update(|s| s.model = id));
    view! { <ModelSelect label=K::Model testid="model-picker" value=current pick=pick/> }
}

/// Named items, (id, name), in order.
pub type Named = Memo<Vec<(Id, String)>>;

/// Named items of the workbook (plans, rounds) and the one shown: the `chosen` one while it
/// exists, else the newest (one just made or opened).
pub fn chosen_or_newest(
    names: impl Fn(&Workbook, Lang) -> Vec<(Id, String)> + Send + Sync + 'static,
    chosen: RwSignal<Option<Id>>,
) -> (Named, Memo<Option<Id>>) {
    let c = ctx();
    let items = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| names(&s.wb, lang))
    });
    let shown = Memo::new(move |_| {
        let list = items.get();
        chosen
            .get()
            .filter(|id| list.iter().any(|p| &p.0 == id))
            .or_else(|| list.last().map(|p| p.0.clone()))
    });
    (items, shown)
}

/// The select of `items`, shown when there is more than one; picking sets `chosen`.
#[component]
pub fn ItemPicker(
    /// The label.
    label: K,
    /// The select's test id.
    testid: &'static str,
    /// The items, (id, name).
    items: Named,
    /// The item shown.
    shown: Memo<Option<Id>>,
    /// Set to the id picked.
    chosen: RwSignal<Option<Id>>,
) -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || { items.with(|p| p.len() > 1) }>
            <label class="picker">
                {move || c.t(label)} " "
                <select data-testid=testid prop:value=move || shown.get().unwrap_or_default()
                    on:change=move |e| chosen.set(Some(event_target_value(&e)))>
                    {move || items.get().into_iter().map(|(id, name)| {
                        let selected = Some(&id) == shown.get_untracked().as_ref();
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}

/// A labelled select of one of `options`; values are the options' `Debug` names.
#[component]
pub fn Choice<T>(
    /// The field's label.
    label: K,
    /// The select's test id.
    testid: String,
    /// The values offered, each with its name.
    options: &'static [(T, K)],
    /// The value shown as chosen, if any.
    #[prop(into)]
    current: Signal<Option<T>>,
    /// Called with the value the user picks.
    pick: impl Fn(T) + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static,
{
    let c = ctx();
    view! {
        <label class="field">
            <span>{move || c.t(label)}</span>
            <select
                data-testid=testid
                on:change=move |e| {
                    let v = event_target_value(&e);
                    if let Some((x, _)) = options.iter().find(|(x, _)| format!("{x:?}") == v) {
                        pick(*x);
                    }
                    c.seal();
                }
            >
                {options.iter().map(|(x, k)| {
                    let (x, k) = (*x, *k);
                    view! { <option value=format!("{x:?}") selected=move || current.get() == Some(x)>{move || c.t(k)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// CSS class of a status (a grade: not `status`, which is the status bar's class).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Good => "grade good",
        Status::Fair => "grade fair",
        Status::Poor => "grade poor",
    }
}
