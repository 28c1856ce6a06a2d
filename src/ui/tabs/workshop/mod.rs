//! The Workshop tab: a facilitator starts a round from a model and hands it out as a round
//! file; each participant answers on their own device and sends an answer file back; the
//! facilitator collects the answers, sees where the room agrees, talks through the disputed
//! cells and builds the consensus model.

mod agreement;
mod answer;
mod collect;
mod new;

use leptos::prelude::*;

use crate::core::commands::{Command, EntityKind, TextField};
use crate::core::model::{Id, Lang, Round, Workbook};
use crate::core::workshop::round_file;
use crate::i18n::K;
use crate::ui::export::{copy_text, download, file_stem};
use crate::ui::session::{ctx, Ctx};
use crate::ui::share::Share;
use crate::ui::widgets::{chosen_or_newest, DeleteButton, ItemPicker};

/// The rounds of the workbook as (id, name) in `lang`, for pickers.
fn round_items(wb: &Workbook, lang: Lang) -> Vec<(Id, String)> {
    wb.rounds
        .iter()
        .map(|r| (r.id.clone(), r.name.get(lang).to_string()))
        .collect()
}

/// The rounds of the workbook, one shown at a time.
#[component]
pub fn Workshop() -> impl IntoView {
    let c = ctx();
    let chosen = c.round;
    // The newest round unless another is chosen: a round just opened from a file shows at once.
    let (rounds, shown) = chosen_or_newest(round_items, chosen);
    view! {
        <div class="workshop">
            <ItemPicker label=K::KindRound testid="round-picker" items=rounds shown=shown chosen=chosen/>
            <details class="new-round" open=move || rounds.with(Vec::is_empty)>
                <summary data-testid="new-round">{move || c.t(K::NewRound)}</summary>
                <new::NewRound on_made=Callback::new(move |id| chosen.set(Some(id)))/>
            </details>
            {move || match shown.get() {
                Some(id) => view! { <RoundView id=id/> }.into_any(),
                None => view! { <p class="muted" data-testid="no-round">{move || c.t(K::NoRound)}</p> }.into_any(),
            }}
        </div>
    }
}

/// The agreement of the round the Workshop tab shows (the newest, unless another is chosen):
/// a slide of present mode.
#[component]
pub fn AgreementSlide() -> impl IntoView {
    let c = ctx();
    let (_, shown) = chosen_or_newest(round_items, c.round);
    move || match shown.get() {
        Some(id) => view! { <agreement::AgreementView id=id/> }.into_any(),
        None => view! { <p class="muted">{move || c.t(K::NoRound)}</p> }.into_any(),
    }
}

/// The round with `id`, cloned, if it exists (read untracked: for event handlers).
fn round_now(c: &Ctx, id: &str) -> Option<Round> {
    c.session.with_untracked(|s| s.wb.round(id).cloned())
}

/// One round: its title and question, sharing, this device's answer, the collected answers
/// and the agreement.
#[component]
fn RoundView(id: Id) -> impl IntoView {
    let c = ctx();
    let key = StoredValue::new(id.clone());
    // A participant's copy has no source model: their own answer comes first, open.
    let facilitating = Memo::new(move |_| {
        c.session.with(|s| {
            s.wb.round(&key.get_value())
                .is_some_and(|r| r.model.is_some())
        })
    });
    let text = move |field: TextField| {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.round(&key.get_value())
                .map(|r| {
                    if field == TextField::Name {
                        r.name.raw(lang)
                    } else {
                        r.prompt.raw(lang)
                    }
                    .to_string()
                })
                .unwrap_or_default()
        })
    };
    let set = move |field: TextField, value: String| {
        let _ = c.dispatch(Command::SetText {
            kind: EntityKind::Round,
            id: key.get_value(),
            field,
            lang: c.lang.get_untracked(),
            value,
        });
    };
    let share = move |copy: bool| {
        let Some(r) = round_now(&c, &key.get_value()) else {
            return;
        };
        let text = round_file(&r);
        if copy {
            copy_text(c, text);
        } else {
            let name = file_stem(r.name.get(c.lang.get_untracked()), "round");
            download(
                &format!("{name}.cogovern-round.json"),
                "application/json",
                &text,
            );
        }
    };
    view! {
        <section class="round" data-testid="round" aria-labelledby="round-title">
            <h2 id="round-title" class="sr-only">{move || text(TextField::Name)}</h2>
            <label class="field">
                <span>{move || c.t(K::RoundTitle)}</span>
                <input type="text" data-testid="round-name" prop:value=move || text(TextField::Name)
                    on:input=move |e| set(TextField::Name, event_target_value(&e)) on:blur=move |_| c.seal()/>
            </label>
            <label class="field">
                <span>{move || c.t(K::RoundPrompt)}</span>
                <textarea rows="2" data-testid="round-prompt" prop:value=move || text(TextField::Description)
                    on:input=move |e| set(TextField::Description, event_target_value(&e)) on:blur=move |_| c.seal()></textarea>
            </label>
            <div class="row">
                <button data-testid="round-download" on:click=move |_| share(false)>{move || c.t(K::RoundDownload)}</button>
                <button data-testid="round-copy" on:click=move |_| share(true)>{move || c.t(K::RoundCopy)}</button>
                <button data-testid="round-link" on:click=move |_| c.share.set(Some(Share::Round(key.get_value())))>
                    {move || c.t(K::RoundShareLink)}
                </button>
                <DeleteButton kind=EntityKind::Round id=id.clone()/>
            </div>
            <p class="muted">{move || c.t(K::RoundShareHelp)}</p>
            <details class="round-part" open=move || !facilitating.get()>
                <summary data-testid="my-answer-toggle">{move || c.t(K::MyAnswer)}</summary>
                <answer::MyAnswer id=id.clone()/>
            </details>
            <details class="round-part" open=move || facilitating.get()>
                <summary data-testid="answers-toggle">{move || c.t(K::Answers)}</summary>
                <collect::Collect id=id.clone()/>
            </details>
            <details class="round-part" open=move || facilitating.get()>
                <summary data-testid="agreement-toggle">{move || c.t(K::Agreement)}</summary>
                <agreement::AgreementView id=id/>
            </details>
        </section>
    }
}
