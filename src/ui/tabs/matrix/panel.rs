//! The workbook panel: models (choose, add from a preset, duplicate, rename, delete) and the
//! subjects, objects, methods and roles, each editable in place. Deleting warns how many cells
//! go with it; everything is one undo step.

use leptos::prelude::*;

use crate::core::commands::{
    duplicate_model, entity, fit_model, ids, position_of, text_of, Command, Direction, Entity,
    EntityKind, Refs, TextField,
};
use crate::core::model::*;
use crate::core::presets;
use crate::i18n::{self, K};
use crate::ui::session::{ctx, now, Ctx};
use crate::ui::widgets::{DeleteButton, TierSelect};

/// Sets one language of an entity's name or description.
fn set_text(c: &Ctx, kind: EntityKind, id: &str, field: TextField, lang: Lang, value: String) {
    let _ = c.dispatch(Command::SetText {
        kind,
        id: id.into(),
        field,
        lang,
        value,
    });
}

/// A new entity of `kind` with a fresh id, named in both languages.
fn new_entity(wb: &Workbook, kind: EntityKind) -> Option<Entity> {
    let id = wb.fresh_id(match kind {
        EntityKind::Subject => "subject",
        EntityKind::Object => "object",
        EntityKind::Method => "method",
        _ => "role",
    });
    let grey = "#6b7280".to_string();
    Some(match kind {
        EntityKind::Subject => Entity::Subject(Subject {
            id,
            name: Text::new("New subject", "新主体"),
            kind: SubjectKind::Custom,
            description: Text::default(),
            advantages: vec![],
            responsibilities: vec![],
            colour: grey,
        }),
        EntityKind::Object => Entity::Object(Object {
            id,
            name: Text::new("New object", "新客体"),
            category: ObjectCategory::Custom,
            description: Text::default(),
            examples: vec![],
        }),
        EntityKind::Method => Entity::Method(Method {
            id,
            name: Text::new("New method", "新治理方式"),
            family: MethodFamily::Law,
            description: Text::default(),
        }),
        EntityKind::Role => Entity::Role(Role {
            id,
            name: Text::new("New role", "新角色"),
            letter: Text::new("?", "?"),
            colour: grey,
            weight: 1.0,
            leadership: false,
            main: false,
            auxiliary: true,
            supervision: false,
        }),
        _ => return None,
    })
}

/// Inserts a model at `index` (one undo step) and shows it.
fn add_model(c: &Ctx, index: usize, m: Model) {
    let id = m.id.clone();
    if c.dispatch(Command::Insert {
        index,
        entity: Entity::Model(m),
        refs: Refs::default(),
    })
    .is_ok()
    {
        c.session.update(|s| s.model = id);
    }
}

/// The whole panel.
#[component]
pub fn WorkbookPanel() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="workbook-panel" aria-labelledby="panel-title" data-testid="workbook-panel">
            <h2 id="panel-title">{move || c.t(K::WorkbookPanel)}</h2>
            <Models/>
            <EntityList kind=EntityKind::Subject title=K::Subjects add=K::AddSubject/>
            <EntityList kind=EntityKind::Object title=K::Objects add=K::AddObject/>
            <EntityList kind=EntityKind::Method title=K::Methods add=K::AddMethod/>
            <EntityList kind=EntityKind::Role title=K::LegendTitle add=K::AddRole/>
        </section>
    }
}

#[component]
fn Models() -> impl IntoView {
    let c = ctx();
    let preset = RwSignal::new("synergetic".to_string());
    let add = move |_| {
        let now_model = c.session.with_untracked(|s| {
            let (base, prefix) = match preset.get_untracked().as_str() {
                "traditional" => (presets::traditional_model(), "traditional"),
                "synergetic" => (presets::synergetic_model(), "synergetic"),
                _ => (presets::blank(now()).models.remove(0), "model"),
            };
            let id = s.wb.fresh_id(prefix);
            let m = fit_model(&s.wb, Model { id, ..base });
            (s.wb.models.len(), m)
        });
        let (index, m) = now_model;
        add_model(&c, index, m);
    };
    view! {
        <details open>
            <summary>{move || c.t(K::Models)}</summary>
            <For each=move || c.session.with(|s| ids(&s.wb, EntityKind::Model)) key=|id| id.clone() let:id>
                <ModelRow id=id/>
            </For>
            <div class="row">
                <label class="picker">
                    <span class="visually-hidden">{move || c.t(K::Preset)}</span>
                    <select data-testid="preset-picker" aria-label=move || c.t(K::Preset)
                        on:change=move |e| preset.set(event_target_value(&e))>
                        <option value="synergetic" selected=true>{move || c.t(K::PresetSynergetic)}</option>
                        <option value="traditional">{move || c.t(K::PresetTraditional)}</option>
                        <option value="blank">{move || c.t(K::PresetBlank)}</option>
                    </select>
                </label>
                <button data-testid="add-model" on:click=add>{move || c.t(K::AddModel)}</button>
            </div>
        </details>
    }
}

#[component]
fn ModelRow(id: Id) -> impl IntoView {
    let c = ctx();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = c.lang.get();
            c.session.with(|s| {
                s.wb.model(&id)
                    .map(|m| m.name.get(lang).to_string())
                    .unwrap_or_default()
            })
        })
    };
    let current = {
        let id = id.clone();
        Memo::new(move |_| c.session.with(|s| s.model == id))
    };
    let select = {
        let id = id.clone();
        move |_| c.session.update(|s| s.model = id.clone())
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let made = c.session.with_untracked(|s| {
                let m = s.wb.model(&id)?;
                let new_id = s.wb.fresh_id(&id);
                let copy_en = i18n::tr(Lang::En, K::CopyOf, &[("name", m.name.get(Lang::En))]);
                let copy_zh = i18n::tr(Lang::Zh, K::CopyOf, &[("name", m.name.get(Lang::Zh))]);
                let index = s.wb.models.iter().position(|x| x.id == id)? + 1;
                Some((
                    index,
                    duplicate_model(m, new_id, Text::new(copy_en, copy_zh)),
                ))
            });
            if let Some((index, m)) = made {
                add_model(&c, index, m);
            }
        }
    };
    let testid = format!("model-{id}");
    view! {
        <div class="entity" data-testid=testid class:current=current>
            <button class="pick" aria-pressed=move || current.get().to_string() on:click=select
                aria-label=move || c.tf(K::ShowModel, &[("name", &name.get())])>"●"</button>
            <NameInputs kind=EntityKind::Model id=id.clone()/>
            <button data-testid="duplicate-model" on:click=duplicate
                aria-label=move || c.tf(K::DuplicateNamed, &[("name", &name.get())])>{move || c.t(K::Duplicate)}</button>
            <DeleteButton kind=EntityKind::Model id=id/>
        </div>
    }
}

/// English and Chinese name inputs of an entity.
#[component]
fn NameInputs(kind: EntityKind, id: Id) -> impl IntoView {
    let c = ctx();
    let input = move |lang: Lang, label: K| {
        let id = id.clone();
        let id2 = id.clone();
        let value = move || {
            c.session.with(|s| {
                text_of(&s.wb, kind, &id, TextField::Name)
                    .map(|t| t.raw(lang).to_string())
                    .unwrap_or_default()
            })
        };
        let testid = format!("name-{}-{}", lang.tag(), id2);
        view! {
            <input
                class="name"
                lang=lang.tag()
                data-testid=testid
                aria-label=move || c.t(label)
                prop:value=value
                on:input=move |e| set_text(&c, kind, &id2, TextField::Name, lang, event_target_value(&e))
                on:blur=move |_| c.seal()
            />
        }
    };
    view! { {input(Lang::En, K::NameEn)} {input(Lang::Zh, K::NameZh)} }
}

/// One kind of entity: a row per entity and an add button.
#[component]
fn EntityList(kind: EntityKind, title: K, add: K) -> impl IntoView {
    let c = ctx();
    let on_add = move |_| {
        let made = c
            .session
            .with_untracked(|s| new_entity(&s.wb, kind).map(|e| (ids(&s.wb, kind).len(), e)));
        if let Some((index, e)) = made {
            let _ = c.dispatch(Command::Insert {
                index,
                entity: e,
                refs: Refs::default(),
            });
        }
    };
    let slug = format!("{kind:?}").to_lowercase();
    let open = RwSignal::new(false);
    view! {
        // Rows exist only while the list is open: closed lists cost nothing per edit.
        <details
            data-testid=format!("list-{slug}")
            on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())
        >
            <summary>{move || c.t(title)}</summary>
            <Show when=move || open.get()>
                <For each=move || c.session.with(|s| ids(&s.wb, kind)) key=|id| id.clone() let:id>
                    <EntityRow kind=kind id=id/>
                </For>
            </Show>
            <button data-testid=format!("add-{slug}") on:click=on_add>{move || c.t(add)}</button>
        </details>
    }
}

/// One subject, object, method or role: names, description, order, colour and its own fields.
#[component]
fn EntityRow(kind: EntityKind, id: Id) -> impl IntoView {
    let c = ctx();
    // The row's structure depends only on `kind`; values are read without cloning the entity,
    // so an edit elsewhere costs this row a few lookups, not a rebuild.
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            c.session
                .with(|s| position_of(&s.wb, kind, &id).unwrap_or((0, 0)))
        })
    };
    let text = {
        let id = id.clone();
        move |field: TextField, fallback: bool| {
            let id = id.clone();
            Memo::new(move |_| {
                let lang = c.lang.get();
                c.session.with(|s| {
                    text_of(&s.wb, kind, &id, field)
                        .map(|t| if fallback { t.get(lang) } else { t.raw(lang) }.to_string())
                        .unwrap_or_default()
                })
            })
        }
    };
    let name = text(TextField::Name, true);
    let description = text(TextField::Description, false);
    // Applies a change to a copy of the entity, as one Replace command.
    let update = {
        let id = id.clone();
        move |f: &dyn Fn(&mut Entity)| {
            if let Some(mut e) = c.session.with_untracked(|s| entity(&s.wb, kind, &id)) {
                f(&mut e);
                let _ = c.dispatch(Command::Replace(e));
            }
        }
    };
    let reorder = {
        let id = id.clone();
        move |dir: Direction| {
            let (at, n) = place.get_untracked();
            if let Some(to) = dir.next(at, n) {
                let _ = c.dispatch(Command::Reorder {
                    kind,
                    id: id.clone(),
                    to,
                });
            }
        }
    };
    let move_up = reorder.clone();
    let move_down = reorder;
    let colour = {
        let (id, update) = (id.clone(), update.clone());
        matches!(kind, EntityKind::Subject | EntityKind::Role).then(move || {
            let value = move || {
                c.session.with(|s| match kind {
                    EntityKind::Subject => s.wb.subject(&id).map(|x| x.colour.clone()),
                    _ => s.wb.role(&id).map(|x| x.colour.clone()),
                })
            };
            view! {
                <input type="color" aria-label=move || c.t(K::Colour) prop:value=move || value().unwrap_or_default()
                    on:change=move |e| {
                        let v = event_target_value(&e);
                        update(&|e| match e {
                            Entity::Subject(x) => x.colour = v.clone(),
                            Entity::Role(x) => x.colour = v.clone(),
                            _ => {}
                        });
                    }/>
            }
        })
    };
    let family = {
        let (id, update) = (id.clone(), update.clone());
        (kind == EntityKind::Method).then(move || {
            let value = move || {
                let morals = c.session.with(|s| s.wb.method(&id).is_some_and(|m| m.family == MethodFamily::Morals));
                if morals { "morals" } else { "law" }
            };
            view! {
                <select aria-label=move || c.t(K::Family) data-testid="family" prop:value=value
                    on:change=move |e| {
                        let family = if event_target_value(&e) == "morals" { MethodFamily::Morals } else { MethodFamily::Law };
                        update(&|e| if let Entity::Method(m) = e { m.family = family });
                    }>
                    <option value="law">{move || c.t(K::FamilyLaw)}</option>
                    <option value="morals">{move || c.t(K::FamilyMorals)}</option>
                </select>
            }
        })
    };
    let tier = (kind == EntityKind::Subject).then(|| view! { <TierSelect subject=id.clone()/> });
    let role_fields = (kind == EntityKind::Role)
        .then(|| view! { <RoleFields id=id.clone() update=update.clone()/> });
    let id_d = id.clone();
    let desc_label = if kind == EntityKind::Role {
        K::Letter
    } else {
        K::Description
    };
    let testid = format!("entity-{id}");
    view! {
        <div class="entity" data-testid=testid>
            {colour}
            <NameInputs kind=kind id=id.clone()/>
            <input
                class="desc"
                aria-label=move || c.t(desc_label)
                data-testid="description"
                prop:value=description
                on:input=move |e| set_text(&c, kind, &id_d, TextField::Description, c.lang.get_untracked(), event_target_value(&e))
                on:blur=move |_| c.seal()
            />
            {tier}
            {family}
            {role_fields}
            <button aria-label=move || c.tf(K::MoveUp, &[("name", &name.get())]) disabled=move || place.get().0 == 0
                on:click=move |_| move_up(Direction::Up)>"↑"</button>
            <button aria-label=move || c.tf(K::MoveDown, &[("name", &name.get())]) disabled={move || place.get().0 + 1 >= place.get().1}
                on:click=move |_| move_down(Direction::Down)>"↓"</button>
            <DeleteButton kind=kind id=id/>
        </div>
    }
}

/// A role's weight (used by the analytics) and what it counts as.
#[component]
fn RoleFields(
    id: Id,
    update: impl Fn(&dyn Fn(&mut Entity)) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    let role = {
        let id = id.clone();
        Memo::new(move |_| c.session.with(|s| s.wb.role(&id).cloned()))
    };
    let update_weight = update.clone();
    let flag = move |label: K, get: fn(&Role) -> bool, set: fn(&mut Role, bool)| {
        let update = update.clone();
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || role.with(|r| r.as_ref().is_some_and(get))
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        update(&|e| if let Entity::Role(r) = e { set(r, on) });
                    }/>
                {move || c.t(label)}
            </label>
        }
    };
    view! {
        <label class="check">
            {move || c.t(K::RoleWeight)}
            <input type="number" min="0" max="10" step="0.25" class="weight" data-testid="weight"
                prop:value=move || role.with(|r| r.as_ref().map(|r| r.weight.to_string()).unwrap_or_default())
                on:change=move |e| {
                    // Out-of-range or unreadable input is ignored; the field shows the stored value again.
                    if let Ok(w) = event_target_value(&e).parse::<f64>() {
                        if (0.0..=10.0).contains(&w) {
                            update_weight(&|e| if let Entity::Role(r) = e { r.weight = w });
                        }
                    }
                }/>
        </label>
        {flag(K::FlagLeadership, |r| r.leadership, |r, v| r.leadership = v)}
        {flag(K::FlagMain, |r| r.main, |r, v| r.main = v)}
        {flag(K::FlagAuxiliary, |r| r.auxiliary, |r, v| r.auxiliary = v)}
        {flag(K::FlagSupervision, |r| r.supervision, |r, v| r.supervision = v)}
    }
}
