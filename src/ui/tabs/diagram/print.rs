//! The print sheet of one model: its matrix, its structure and its governance network, each on
//! its own A4 page, opened from the Diagram view and printed with the browser.

use leptos::prelude::*;

use crate::core::csv::cell_text;
use crate::i18n::{self, K};
use crate::ui::session::ctx;
use crate::ui::structure::StructureDiagram;
use crate::ui::tabs::diagram::network::NetworkDiagram;

/// The matrix, structure and network of the current model, laid out for A4 pages.
#[component]
pub fn PrintSheet(
    /// Set to false to close the sheet.
    printing: RwSignal<bool>,
) -> impl IntoView {
    let c = ctx();
    let model = Memo::new(move |_| c.session.with(|s| s.model.clone()));
    let table = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            let m = s.wb.model(&s.model)?;
            let head = s.wb.objects.iter().map(|o| view! { <th scope="col">{o.name.get(lang).to_string()}</th> }).collect_view();
            let rows = m
                .rows(&s.wb)
                .into_iter()
                .map(|(x, t)| {
                    let cells = s.wb.objects.iter().map(|o| {
                        let text = m.cell(&x.id, &o.id).map(|cell| cell_text(&s.wb, cell, lang)).unwrap_or_default();
                        view! { <td>{text}</td> }
                    }).collect_view();
                    view! {
                        <tr>
                            <th scope="row">{x.name.get(lang).to_string()} <br/> <span class="muted">{i18n::tier(t).get(lang)}</span></th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <table class="plain print-matrix" data-testid="print-matrix">
                    <caption>{i18n::tr(lang, K::MatrixCaption, &[("model", m.name.get(lang))])}</caption>
                    <thead><tr><th scope="col">{K::Subject.get(lang)} " \\ " {K::Object.get(lang)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })
        })
    };
    let model_signal = Signal::derive(move || model.get());
    view! {
        <div class="print-sheet" data-testid="print-sheet">
            <div class="row no-print">
                <p class="muted">{move || c.t(K::PrintHelp)}</p>
                <button data-testid="print-now" on:click=move |_| { let _ = window().print(); }>{move || c.t(K::PrintNow)}</button>
                <button data-testid="print-close" on:click=move |_| printing.set(false)>{move || c.t(K::Close)}</button>
            </div>
            <section class="sheet-page">{table}</section>
            <section class="sheet-page">
                <StructureDiagram model=model_signal uid="print"/>
            </section>
            <section class="sheet-page">
                <NetworkDiagram model=model_signal/>
            </section>
        </div>
    }
}
