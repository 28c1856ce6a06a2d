//! The card of a network node: its cells in the model, each opening the cell editor (the
//! keyboard's way to the edges), and *Unpin* for a node the user placed.

use leptos::prelude::*;

use crate::core::model::Id;
use crate::i18n::K;
use crate::ui::session::ctx;
use crate::ui::tabs::diagram::network::move_node;
use crate::ui::widgets::on_escape;

/// A node's cells in the model, each opening the cell editor: the keyboard's way to the edges.
#[component]
pub fn NodeCard(
    /// The subject or object shown.
    id: Id,
    /// The model whose cells are listed.
    model: Signal<Id>,
    /// Set to the cell the user opens.
    editing: RwSignal<Option<(Id, Id)>>,
    /// Called when the card closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let c = ctx();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_ref.get() {
            let _ = b.focus();
        }
    });
    let info = {
        let id = id.clone();
        move || {
            let lang = c.lang.get();
            let m = model.get();
            c.session.with(|s| {
                let model = s.wb.model(&m)?;
                let subject = s.wb.subject(&id).is_some();
                let name =
                    s.wb.subject(&id)
                        .map(|x| x.name.get(lang).to_string())
                        .or_else(|| s.wb.object(&id).map(|x| x.name.get(lang).to_string()))?;
                let role = |r: &Option<Id>| {
                    r.as_ref()
                        .and_then(|r| s.wb.role(r))
                        .map(|r| r.name.get(lang).to_string())
                        .unwrap_or_else(|| K::NoRole.get(lang).to_string())
                };
                let cells: Vec<(Id, Id, String, String)> = if subject {
                    s.wb.objects
                        .iter()
                        .filter_map(|o| {
                            let cell = model.cell(&id, &o.id)?;
                            Some((
                                id.clone(),
                                o.id.clone(),
                                o.name.get(lang).to_string(),
                                role(&cell.role),
                            ))
                        })
                        .collect()
                } else {
                    s.wb.subjects
                        .iter()
                        .filter_map(|x| {
                            let cell = model.cell(&x.id, &id)?;
                            Some((
                                x.id.clone(),
                                id.clone(),
                                x.name.get(lang).to_string(),
                                role(&cell.role),
                            ))
                        })
                        .collect()
                };
                Some((name, model.layout.contains_key(&id), cells))
            })
        }
    };
    let unpin = {
        let id = id.clone();
        move |_| move_node(c, model.get_untracked(), &id, None)
    };
    view! {
        <div
            class="subject-card"
            role="dialog"
            aria-labelledby="node-card-title"
            data-testid="node-card"
            on:keydown=on_escape(move || on_close.run(()))
        >
            {move || info().map(|(name, pinned, cells)| {
                let unpin = unpin.clone();
                let none = cells.is_empty();
                view! {
                    <h2 id="node-card-title">{name}</h2>
                    <p class="muted">{move || c.t(if none { K::NodeNoCells } else { K::NodeCells })}</p>
                    <ul class="node-cells">
                        {cells.into_iter().map(|(s, o, other, role)| view! {
                            <li>
                                <button data-testid=format!("node-cell-{s}-{o}") on:click=move |_| editing.set(Some((s.clone(), o.clone())))>
                                    {other} " — " {role}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                    {pinned.then(|| view! {
                        <button data-testid="node-unpin" on:click=unpin>{move || c.t(K::Unpin)}</button>
                    })}
                }
            })}
            <button data-testid="node-card-close" node_ref=close_ref on:click=move |_| on_close.run(())>{move || c.t(K::Close)}</button>
        </div>
    }
}
