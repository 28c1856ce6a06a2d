//! The Diagram tab: the structure of the current model, its governance network, and the A4
//! print sheet of both with the matrix.

mod network;
mod print;

use leptos::prelude::*;

use crate::i18n::K;
use crate::ui::session::ctx;
use crate::ui::structure::StructureDiagram;
use crate::ui::widgets::ModelPicker;
pub use network::NetworkDiagram;
use print::PrintSheet;

/// The diagrams of the current model, or its print sheet while that is open.
#[component]
pub fn DiagramTab() -> impl IntoView {
    let c = ctx();
    let printing = RwSignal::new(false);
    let model = Signal::derive(move || c.session.with(|s| s.model.clone()));
    move || {
        if printing.get() {
            view! { <PrintSheet printing=printing/> }.into_any()
        } else {
            view! {
                <div class="row">
                    <ModelPicker/>
                    <button class="no-print" data-testid="print-model" on:click=move |_| printing.set(true)>
                        {move || c.t(K::PrintModel)}
                    </button>
                </div>
                <StructureDiagram model=model uid="main"/>
                <NetworkDiagram model=model/>
            }
            .into_any()
        }
    }
}
