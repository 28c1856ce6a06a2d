//! The editor of one cell: role, methods, orientation, statements, note and the preset's
//! source. Shared by the matrix and the network, which say where focus returns when it closes.

use leptos::prelude::*;

use crate::core::commands::{CellEdit, CellRef, Command};
use crate::core::model::{Cell, Id, MethodFamily, Orientation, Text};
use crate::i18n::{self, K};
use crate::ui::session::ctx;
use crate::ui::widgets::on_escape;

/// The editor of the selected cell: role, methods, orientation, statements, note, source.
/// Shared by the matrix and the network, which say where focus returns when it closes.
#[component]
pub fn CellEditor(
    /// The (subject, object) being edited in the current model, if any.
    editing: RwSignal<Option<(Id, Id)>>,
    /// Called with (subject, object) when the editor closes, to put focus back.
    on_close: impl Fn(&str, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let close = move || {
        if let Some((s, o)) = editing.get_untracked() {
            editing.set(None);
            on_close(&s, &o);
        }
    };
    view! {
        {move || {
            editing
                .get()
                .map(|(s, o)| {
                    let at = move || CellRef::new(&c.session.with_untracked(|x| x.model.clone()), &s, &o);
                    let cell = {
                        let at = at.clone();
                        Memo::new(move |_| {
                            let at = at();
                            c.session.with(|x| x.wb.model(&at.model).and_then(|m| m.cell(&at.subject, &at.object)).cloned().unwrap_or_default())
                        })
                    };
                    let title = {
                        let at = at.clone();
                        move || {
                            let lang = c.lang.get();
                            let at = at();
                            c.session.with(|x| {
                                let sn = x.wb.subject(&at.subject).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                                let on = x.wb.object(&at.object).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                                i18n::tr(lang, K::CellEditorTitle, &[("subject", &sn), ("object", &on)])
                            })
                        }
                    };
                    let edit = {
                        let at = at.clone();
                        move |e: CellEdit| { let _ = c.dispatch(Command::EditCell(at(), e)); }
                    };
                    view! {
                        <div
                            class="cell-editor"
                            role="dialog"
                            aria-labelledby="cell-editor-title"
                            data-testid="cell-editor"
                            on:keydown=on_escape(close)
                        >
                            <h2 id="cell-editor-title">{title}</h2>
                            <RolePicker cell=cell edit=edit.clone()/>
                            <MethodPicker cell=cell edit=edit.clone()/>
                            <OrientationPicker cell=cell edit=edit.clone()/>
                            <StatementsField cell=cell edit=edit.clone()/>
                            <label class="field">
                                <span>{move || c.t(K::Note)}</span>
                                <textarea
                                    data-testid="cell-note"
                                    rows="2"
                                    prop:value=move || cell.with(|x| x.note.clone())
                                    on:input={
                                        let edit = edit.clone();
                                        move |e| edit(CellEdit::Note(event_target_value(&e)))
                                    }
                                    on:blur=move |_| c.seal()
                                ></textarea>
                            </label>
                            {move || {
                                let src = cell.with(|x| x.source.clone());
                                (!src.is_empty())
                                    .then(|| view! {
                                        <p class="source" data-testid="cell-source">
                                            <strong>{move || c.t(K::Source)}</strong> " "
                                            // Citations quote the English paper.
                                            <span lang="en">{src}</span>
                                        </p>
                                    })
                            }}
                            <div class="row">
                                <button data-testid="cell-clear" on:click={
                                    let edit = edit.clone();
                                    move |_| edit(CellEdit::All(None))
                                }>{move || c.t(K::ClearCell)}</button>
                                <button data-testid="cell-close" on:click=move |_| close()>{move || c.t(K::Close)}</button>
                            </div>
                        </div>
                    }
                })
        }}
    }
}

#[component]
fn RolePicker(
    cell: Memo<Cell>,
    edit: impl Fn(CellEdit) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let roles = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.roles
                .iter()
                .map(|r| {
                    (
                        Some(r.id.clone()),
                        r.name.get(lang).to_string(),
                        r.letter.get(lang).to_string(),
                        r.colour.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="field">
            <legend>{move || c.t(K::Role)}</legend>
            <div role="radiogroup" aria-label=move || c.t(K::Role) class="choices">
                {move || {
                    let edit = edit.clone();
                    std::iter::once((None, c.t(K::NoRole), String::new(), String::new()))
                        .chain(roles())
                        .map(|(id, name, letter, colour)| {
                            let checked = {
                                let id = id.clone();
                                move || cell.with(|x| x.role == id).to_string()
                            };
                            let edit = edit.clone();
                            let testid = format!("role-{}", id.clone().unwrap_or_else(|| "none".into()));
                            view! {
                                <button role="radio" aria-checked=checked data-testid=testid on:click=move |_| edit(CellEdit::Role(id.clone()))>
                                    {(!letter.is_empty()).then(|| view! {
                                        <span class="badge" style:background=colour.clone() aria-hidden="true">{letter}</span>
                                    })}
                                    {name}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </fieldset>
    }
}

#[component]
fn MethodPicker(
    cell: Memo<Cell>,
    edit: impl Fn(CellEdit) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let families = [
        (MethodFamily::Law, K::FamilyLaw),
        (MethodFamily::Morals, K::FamilyMorals),
    ];
    view! {
        <fieldset class="field">
            <legend>{move || c.t(K::Methods)}</legend>
            {families
                .into_iter()
                .map(|(family, label)| {
                    let edit = edit.clone();
                    view! {
                        <div class="family">
                            <span class="muted">{move || c.t(label)}</span>
                            {move || {
                                let lang = c.lang.get();
                                let edit = edit.clone();
                                c.session.with(|s| {
                                    s.wb.methods
                                        .iter()
                                        .filter(|m| m.family == family)
                                        .map(|m| (m.id.clone(), m.name.get(lang).to_string()))
                                        .collect::<Vec<_>>()
                                })
                                .into_iter()
                                .map(|(id, name)| {
                                    let edit = edit.clone();
                                    let checked = {
                                        let id = id.clone();
                                        move || cell.with(|x| x.methods.contains(&id))
                                    };
                                    let testid = format!("method-{id}");
                                    view! {
                                        <label class="check">
                                            <input type="checkbox" data-testid=testid prop:checked=checked on:change=move |_| {
                                                let mut ms = cell.get_untracked().methods;
                                                match ms.iter().position(|x| x == &id) {
                                                    Some(i) => { ms.remove(i); }
                                                    None => ms.push(id.clone()),
                                                }
                                                edit(CellEdit::Methods(ms));
                                            }/>
                                            {name}
                                        </label>
                                    }
                                })
                                .collect_view()
                            }}
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn OrientationPicker(
    cell: Memo<Cell>,
    edit: impl Fn(CellEdit) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let options = [
        None,
        Some(Orientation::Order),
        Some(Orientation::Rights),
        Some(Orientation::Both),
    ];
    view! {
        <fieldset class="field">
            <legend>{move || c.t(K::Orientation)}</legend>
            <div role="radiogroup" aria-label=move || c.t(K::Orientation) class="choices">
                {options
                    .into_iter()
                    .map(|o| {
                        let edit = edit.clone();
                        let testid = format!("orientation-{}", o.map(|o| format!("{o:?}").to_lowercase()).unwrap_or_else(|| "none".into()));
                        view! {
                            <button
                                role="radio"
                                data-testid=testid
                                aria-checked=move || cell.with(|x| x.orientation == o).to_string()
                                on:click=move |_| edit(CellEdit::Orientation(o))
                            >
                                {move || c.t(i18n::orientation(o))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// One statement per line, edited in the current language; the other language is kept line by line.
#[component]
fn StatementsField(
    cell: Memo<Cell>,
    edit: impl Fn(CellEdit) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let to_texts = move |value: &str, clean: bool| {
        let lang = c.lang.get_untracked();
        let old = cell.get_untracked().statements;
        let mut out: Vec<Text> = value
            .split('\n')
            .enumerate()
            .map(|(i, line)| {
                let mut t = old.get(i).cloned().unwrap_or_default();
                *t.raw_mut(lang) = line.to_string();
                t
            })
            .collect();
        if clean {
            out.retain(|t| !t.is_blank());
        }
        out
    };
    let edit2 = edit.clone();
    view! {
        <label class="field">
            <span>{move || c.t(K::Statements)}</span>
            <textarea
                data-testid="cell-statements"
                rows="3"
                prop:value=move || {
                    let lang = c.lang.get();
                    cell.with(|x| x.statements.iter().map(|t| t.get(lang).to_string()).collect::<Vec<_>>().join("\n"))
                }
                on:input=move |e| edit(CellEdit::Statements(to_texts(&event_target_value(&e), false)))
                on:change=move |e| {
                    let cleaned = to_texts(&event_target_value(&e), true);
                    if cleaned != cell.get_untracked().statements {
                        edit2(CellEdit::Statements(cleaned));
                    }
                    c.seal();
                }
            ></textarea>
        </label>
    }
}
