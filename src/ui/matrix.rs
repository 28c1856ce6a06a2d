//! The responsibility matrix: subjects (rows, grouped by tier) × objects (columns).
//!
//! Follows the WAI-ARIA grid pattern with a roving tabindex. Each cell reads the document
//! through its own memo, so an edit re-renders only the cells whose summary changed.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::commands::{CellEdit, CellRef, Command};
use crate::core::model::{Cell, Id, MethodFamily, Orientation, Text, Tier, Workbook};
use crate::i18n::{self, K};
use crate::ui::session::{ctx, Ctx};

/// What a cell shows: small and `Copy`, so the 400 per-cell memos of a 20×20 matrix
/// recompute without allocating and notify only the cells that really changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Summary {
    /// Index of the cell's role in the role scale.
    role: Option<usize>,
    law: bool,
    morals: bool,
    orientation: Option<Orientation>,
}

fn summary(wb: &Workbook, cell: Option<&Cell>) -> Summary {
    let Some(cell) = cell else {
        return Summary {
            role: None,
            law: false,
            morals: false,
            orientation: None,
        };
    };
    let family = |f| {
        cell.methods
            .iter()
            .any(|m| wb.method(m).is_some_and(|m| m.family == f))
    };
    Summary {
        role: cell
            .role
            .as_ref()
            .and_then(|r| wb.roles.iter().position(|x| &x.id == r)),
        law: family(MethodFamily::Law),
        morals: family(MethodFamily::Morals),
        orientation: cell.orientation,
    }
}

/// How a role looks in the current language: letter, colour, name.
#[derive(Debug, Clone, PartialEq)]
struct RoleLook {
    letter: String,
    colour: String,
    name: String,
}

fn focus_cell(subject: &str, object: &str) {
    if let Some(el) = document().get_element_by_id(&cell_dom_id(subject, object)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn cell_dom_id(subject: &str, object: &str) -> String {
    format!("cell-{subject}--{object}")
}

/// Rows in display order: subjects sorted by tier, then by their order in the workbook.
fn ordered_rows(c: &Ctx) -> Vec<(Id, Tier)> {
    c.session.with(|s| {
        let Some(m) = s.wb.model(&s.model) else {
            return vec![];
        };
        Tier::ALL
            .iter()
            .flat_map(|t| {
                s.wb.subjects
                    .iter()
                    .filter(move |x| m.tier(&x.id) == *t)
                    .map(move |x| (x.id.clone(), *t))
            })
            .collect()
    })
}

/// The matrix view with its editor and legend.
#[component]
pub fn Matrix() -> impl IntoView {
    let c = ctx();
    let rows = Memo::new(move |_| ordered_rows(&c));
    let cols = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.objects
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let focus = RwSignal::new(None::<(Id, Id)>);
    let editing = RwSignal::new(None::<(Id, Id)>);
    // The cell that takes Tab: the focused one if it still exists, else the first.
    let active = Memo::new(move |_| {
        let (r, k) = (rows.get(), cols.get());
        focus
            .get()
            .filter(|(s, o)| r.iter().any(|x| &x.0 == s) && k.contains(o))
            .or_else(|| Some((r.first()?.0.clone(), k.first()?.clone())))
    });
    let model_name = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.model(&s.model)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    let groups = move || {
        let r = rows.get();
        Tier::ALL
            .into_iter()
            .filter(|t| r.iter().any(|x| x.1 == *t))
            .map(|t| {
                (
                    t,
                    r.iter()
                        .filter(|x| x.1 == t)
                        .map(|x| x.0.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let names = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.axis_names(lang))
    });
    let looks = Memo::new(move |_| {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.roles
                .iter()
                .map(|r| RoleLook {
                    letter: r.letter.get(lang).to_string(),
                    colour: r.colour.clone(),
                    name: r.name.get(lang).to_string(),
                })
                .collect()
        })
    });
    let nav = Nav {
        rows,
        cols,
        names,
        looks,
        focus,
        editing,
    };
    view! {
        <div class="matrix-view">
            <ModelPicker/>
            <p class="muted" id="matrix-help">{move || c.t(K::MatrixHelp)}</p>
            <Show
                when=move || !rows.get().is_empty() && !cols.get().is_empty()
                fallback=move || view! { <p class="muted">{move || c.t(K::EmptyMatrix)}</p> }
            >
                <div class="matrix-scroll">
                    <table
                        class="matrix"
                        role="grid"
                        data-testid="matrix"
                        aria-describedby="matrix-help"
                        aria-label=move || c.tf(K::MatrixCaption, &[("model", &model_name())])
                    >
                        <thead>
                            <tr role="row">
                                <th role="columnheader" scope="col" class="corner">
                                    {move || c.t(K::Subject)} " \\ " {move || c.t(K::Object)}
                                </th>
                                <For each=move || cols.get() key=|o| o.clone() let:object>
                                    <ColumnHeader object=object/>
                                </For>
                            </tr>
                        </thead>
                        <For each=groups key=|g| g.clone() let:group>
                            <tbody role="rowgroup" data-tier=format!("{:?}", group.0).to_lowercase()>
                                <tr role="row" class="tier-row">
                                    <th role="rowheader" colspan=move || cols.get().len() + 1 scope="colgroup">
                                        {move || c.t(i18n::tier(group.0))}
                                    </th>
                                </tr>
                                {group
                                    .1
                                    .into_iter()
                                    .map(|subject| view! { <Row subject=subject nav=nav active=active/> })
                                    .collect_view()}
                            </tbody>
                        </For>
                    </table>
                </div>
            </Show>
            <CellEditor editing=editing on_close=|s, o| focus_cell(s, o)/>
            <Legend/>
            <crate::ui::panel::WorkbookPanel/>
        </div>
    }
}

/// Chooses the model shown.
#[component]
pub fn ModelPicker() -> impl IntoView {
    let c = ctx();
    let models = move || {
        let lang = c.lang.get();
        c.session.with(|s| s.wb.model_names(lang))
    };
    view! {
        <label class="picker">
            {move || c.t(K::Model)} " "
            <select
                data-testid="model-picker"
                on:change=move |e| {
                    let id = event_target_value(&e);
                    c.session.update(|s| s.model = id);
                }
                prop:value=move || c.session.with(|s| s.model.clone())
            >
                {move || {
                    models()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = c.session.with_untracked(|s| s.model == id);
                            view! { <option value=id selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Shared state of keyboard navigation.
#[derive(Clone, Copy)]
struct Nav {
    rows: Memo<Vec<(Id, Tier)>>,
    cols: Memo<Vec<Id>>,
    /// Subject and object names in the current language, by id.
    names: Memo<std::collections::HashMap<Id, String>>,
    /// The role scale as shown.
    looks: Memo<Vec<RoleLook>>,
    focus: RwSignal<Option<(Id, Id)>>,
    editing: RwSignal<Option<(Id, Id)>>,
}

impl Nav {
    fn go(&self, subject: &str, object: &str, dr: i32, dc: i32, home_end: Option<bool>) {
        let rows = self.rows.get_untracked();
        let cols = self.cols.get_untracked();
        let (Some(r), Some(k)) = (
            rows.iter().position(|x| x.0 == subject),
            cols.iter().position(|x| x == object),
        ) else {
            return;
        };
        let clamp = |i: i32, n: usize| i.clamp(0, n as i32 - 1) as usize;
        let k = match home_end {
            Some(true) => 0,
            Some(false) => cols.len() - 1,
            None => clamp(k as i32 + dc, cols.len()),
        };
        let r = clamp(r as i32 + dr, rows.len());
        let (s, o) = (rows[r].0.clone(), cols[k].clone());
        focus_cell(&s, &o);
        self.focus.set(Some((s, o)));
    }
}

#[component]
fn ColumnHeader(object: Id) -> impl IntoView {
    let c = ctx();
    let o = object.clone();
    let name = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.object(&o)
                .map(|x| x.name.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    let o = object.clone();
    // Accountability: exactly one main responsibility per object.
    let mains = Memo::new(move |_| {
        c.session.with(|s| {
            let Some(m) = s.wb.model(&s.model) else {
                return 1;
            };
            s.wb.subjects
                .iter()
                .filter(|x| {
                    m.cell(&x.id, &o)
                        .and_then(|c| c.role.as_ref())
                        .and_then(|r| s.wb.role(r))
                        .is_some_and(|r| r.main)
                })
                .count()
        })
    });
    let testid = format!("col-{object}");
    view! {
        <th role="columnheader" scope="col" data-testid=testid>
            <span>{name}</span>
            {move || {
                let n = mains.get();
                (n != 1)
                    .then(|| {
                        let key = if n == 0 { K::NoMainWarning } else { K::ManyMainWarning };
                        view! {
                            <span class="warn" data-testid=format!("warn-{object}") role="note">
                                "⚠ " {move || c.t(key)}
                            </span>
                        }
                    })
            }}
        </th>
    }
}

#[component]
fn Row(subject: Id, nav: Nav, active: Memo<Option<(Id, Id)>>) -> impl IntoView {
    let c = ctx();
    let s = subject.clone();
    let info = move || {
        let lang = c.lang.get();
        c.session.with(|x| {
            x.wb.subject(&s)
                .map(|x| (x.name.get(lang).to_string(), x.colour.clone()))
                .unwrap_or_default()
        })
    };
    let info2 = info.clone();
    let testid = format!("row-{subject}");
    view! {
        <tr role="row" data-testid=testid>
            <th role="rowheader" scope="row">
                <span class="swatch" style:background=move || info2().1></span>
                {move || info().0}
            </th>
            <For each=move || nav.cols.get() key=|o| o.clone() let:object>
                <MatrixCell subject=subject.clone() object=object nav=nav active=active/>
            </For>
        </tr>
    }
}

fn set_role_by_key(c: &Ctx, at: CellRef, key: &str) -> bool {
    let lang = c.lang.get_untracked();
    let role = c.session.with_untracked(|s| {
        if let Ok(d) = key.parse::<usize>() {
            return if d == 0 {
                Some(None)
            } else {
                s.wb.roles.get(d - 1).map(|r| Some(r.id.clone()))
            };
        }
        let k = key.to_lowercase();
        s.wb.roles
            .iter()
            .find(|r| r.letter.get(lang).to_lowercase() == k || r.letter.en.to_lowercase() == k)
            .map(|r| Some(r.id.clone()))
    });
    match role {
        Some(r) => {
            let _ = c.dispatch(Command::EditCell(at, CellEdit::Role(r)));
            true
        }
        None => false,
    }
}

#[component]
fn MatrixCell(subject: Id, object: Id, nav: Nav, active: Memo<Option<(Id, Id)>>) -> impl IntoView {
    let c = ctx();
    let (s, o) = (subject.clone(), object.clone());
    let sum = Memo::new(move |_| {
        c.session
            .with(|x| summary(&x.wb, x.wb.model(&x.model).and_then(|m| m.cell(&s, &o))))
    });
    let look = Memo::new(move |_| {
        sum.get()
            .role
            .and_then(|i| nav.looks.with(|l| l.get(i).cloned()))
    });
    let (s, o) = (subject.clone(), object.clone());
    let aria = move || {
        let lang = c.lang.get();
        let (sn, on) = nav.names.with(|n| {
            (
                n.get(&s).cloned().unwrap_or_default(),
                n.get(&o).cloned().unwrap_or_default(),
            )
        });
        let role = look
            .with(|l| l.as_ref().map(|l| l.name.clone()))
            .unwrap_or_else(|| K::NoRole.get(lang).into());
        i18n::tr(
            lang,
            K::CellAria,
            &[("subject", &sn), ("object", &on), ("role", &role)],
        )
    };
    let (s, o) = (subject.clone(), object.clone());
    let is_active = move || active.with(|a| a.as_ref().is_some_and(|(x, y)| x == &s && y == &o));
    let (s, o) = (subject.clone(), object.clone());
    let on_key = move |e: ev::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let at = || CellRef::new(&c.session.with_untracked(|x| x.model.clone()), &s, &o);
        let handled = match e.key().as_str() {
            "ArrowUp" => {
                nav.go(&s, &o, -1, 0, None);
                true
            }
            "ArrowDown" => {
                nav.go(&s, &o, 1, 0, None);
                true
            }
            "ArrowLeft" => {
                nav.go(&s, &o, 0, -1, None);
                true
            }
            "ArrowRight" => {
                nav.go(&s, &o, 0, 1, None);
                true
            }
            "Home" => {
                nav.go(&s, &o, 0, 0, Some(true));
                true
            }
            "End" => {
                nav.go(&s, &o, 0, 0, Some(false));
                true
            }
            "Enter" | " " => {
                nav.editing.set(Some((s.clone(), o.clone())));
                true
            }
            "Escape" => {
                nav.editing.set(None);
                true
            }
            "Delete" | "Backspace" => {
                let _ = c.dispatch(Command::EditCell(at(), CellEdit::All(None)));
                true
            }
            k if k.chars().count() == 1 => set_role_by_key(&c, at(), k),
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };
    let (s, o) = (subject.clone(), object.clone());
    let on_click = move |_| {
        nav.focus.set(Some((s.clone(), o.clone())));
        nav.editing.set(Some((s.clone(), o.clone())));
    };
    let (s, o) = (subject.clone(), object.clone());
    let selected = move || {
        nav.editing
            .with(|e| e.as_ref().is_some_and(|(x, y)| x == &s && y == &o))
    };
    let (s, o) = (subject.clone(), object.clone());
    view! {
        <td
            role="gridcell"
            id=cell_dom_id(&subject, &object)
            data-testid=format!("cell-{subject}-{object}")
            data-role=move || look.with(|l| l.as_ref().map(|l| l.letter.clone()).unwrap_or_default())
            tabindex=move || if is_active() { "0" } else { "-1" }
            aria-label=aria
            aria-selected=move || selected().to_string()
            on:keydown=on_key
            on:click=on_click
            on:focus=move |_| nav.focus.set(Some((s.clone(), o.clone())))
        >
            {move || {
                let x = sum.get();
                let lang = c.lang.get();
                let mark = x.orientation.map(|o| match o {
                    Orientation::Order => K::MarkOrder,
                    Orientation::Rights => K::MarkRights,
                    Orientation::Both => K::MarkBoth,
                });
                view! {
                    {look.get().map(|l| view! {
                        <span class="badge" style:background=l.colour aria-hidden="true">{l.letter}</span>
                    })}
                    <span class="marks" aria-hidden="true">
                        {x.law.then(|| view! { <span class="law" title=K::LawMark.get(lang)>"■"</span> })}
                        {x.morals.then(|| view! { <span class="morals" title=K::MoralsMark.get(lang)>"●"</span> })}
                        {mark.map(|m| view! { <span class="orient">{m.get(lang)}</span> })}
                    </span>
                }
            }}
        </td>
    }
}

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
                        <aside
                            class="cell-editor"
                            role="dialog"
                            aria-labelledby="cell-editor-title"
                            data-testid="cell-editor"
                            on:keydown=crate::ui::on_escape(close)
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
                        </aside>
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

/// The role scale with its keys.
#[component]
fn Legend() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{move || c.t(K::LegendTitle)}</h2>
            <ul>
                {move || {
                    let lang = c.lang.get();
                    c.session.with(|s| {
                        s.wb.roles
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let key = if i < 9 { format!("{} ", i + 1) } else { String::new() };
                                view! {
                                    <li>
                                        <kbd>{key}</kbd>
                                        <span class="badge" style:background=r.colour.clone() aria-hidden="true">{r.letter.get(lang).to_string()}</span>
                                        {r.name.get(lang).to_string()}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
                <li><span class="law">"■"</span> {move || c.t(K::FamilyLaw)}</li>
                <li><span class="morals">"●"</span> {move || c.t(K::FamilyMorals)}</li>
            </ul>
        </section>
    }
}
