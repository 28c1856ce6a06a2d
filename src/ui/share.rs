//! Share links and their QR codes: the dialog that makes a link (of the workbook, one model or
//! a workshop round), and the dialog that opens one, which asks before anything changes.

use leptos::prelude::*;

use crate::core::commands::Command;
use crate::core::format::{compact, ImportError, Imported};
use crate::core::link::{self, LinkError, LONG_LINK, MAX_LINK_CHARS};
use crate::core::merge::add_models;
use crate::core::model::{Id, Round};
use crate::core::qr;
use crate::core::workshop::round_file;
use crate::i18n::{self, K};
use crate::ui::actions::add_round;
use crate::ui::export::{download, file_name, file_stem, ExportButtons};
use crate::ui::files::{describe_error, open_workbook, read_any, Opened};
use crate::ui::session::{ctx, Ctx};
use crate::ui::widgets::on_escape;

/// What a share link carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Share {
    /// The whole workbook.
    Workbook,
    /// One model, as a workbook of its own.
    Model(Id),
    /// A workshop round's question.
    Round(Id),
}

/// What an opened link holds, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A workbook (or one model as a workbook), read and checked.
    Workbook(Box<Imported>),
    /// A workshop round.
    Round(Box<Round>),
    /// The link could not be read.
    Failed(Failure),
}

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The link itself is damaged, cut, hostile or newer.
    Link(LinkError),
    /// The file inside it is.
    File(ImportError),
}

/// The share fragment in pasted text: a whole link (`…#cg1:…`) or the fragment alone.
pub fn fragment_in(text: &str) -> Option<&str> {
    let text = text.trim();
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    link::is_link(fragment).then_some(fragment)
}

/// Reads the share link `fragment` and asks the user what to do with what it holds.
pub fn receive(c: &Ctx, fragment: &str) {
    let incoming = match link::decode(fragment).map(|bytes| read_any(&bytes)) {
        Err(e) => Incoming::Failed(Failure::Link(e)),
        Ok(Ok(Opened::Workbook(imported))) => Incoming::Workbook(imported),
        Ok(Ok(Opened::Round(round))) => Incoming::Round(round),
        // Answers go back to the facilitator as files; a link of one is nothing to open here.
        Ok(Ok(Opened::Answer)) => Incoming::Failed(Failure::File(ImportError::NotAWorkbook)),
        Ok(Err(e)) => Incoming::Failed(Failure::File(e)),
    };
    c.incoming.set(Some(incoming));
}

/// The file `share` carries, as (file name, JSON); `None` when its model or round is gone.
fn shared_file(c: &Ctx, share: &Share) -> Option<(String, String)> {
    let lang = c.lang.get_untracked();
    c.session.with(|s| match share {
        Share::Workbook => Some((file_name(&s.wb), compact(&s.wb))),
        Share::Model(id) => {
            let one = link::model_only(&s.wb, id)?;
            let stem = file_stem(one.models[0].name.get(lang), "model");
            Some((format!("{stem}.cogovern.json"), compact(&one)))
        }
        Share::Round(id) => {
            let r = s.wb.round(id)?;
            let stem = file_stem(r.name.get(lang), "round");
            Some((format!("{stem}.cogovern-round.json"), round_file(r)))
        }
    })
}

/// The page's own address with `fragment`.
fn share_url(fragment: &str) -> String {
    let loc = window().location();
    format!(
        "{}{}#{fragment}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// What to share: the whole workbook or the model shown (not offered for a round).
#[component]
fn ShareChoice(share: Share) -> impl IntoView {
    let c = ctx();
    let model = c.session.with_untracked(|s| s.model.clone());
    let name = c.session.with_untracked(|s| {
        s.wb.model(&model)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    });
    let whole = share == Share::Workbook;
    view! {
        <fieldset class="share-what">
            <legend>{move || c.t(K::ShareWhat)}</legend>
            <label>
                <input type="radio" name="share-what" data-testid="share-workbook" checked=whole
                    on:change=move |_| c.share.set(Some(Share::Workbook))/>
                {move || c.t(K::ShareWorkbook)}
            </label>
            <label>
                <input type="radio" name="share-what" data-testid="share-model" checked=!whole
                    on:change=move |_| c.share.set(Some(Share::Model(model.clone())))/>
                {move || c.tf(K::ShareModel, &[("name", name.get(c.lang.get()))])}
            </label>
        </fieldset>
    }
}

/// The share dialog: the link of `share`, its length, a QR code when it fits one, and the
/// file instead.
#[component]
pub fn ShareBox(
    /// What the link carries.
    share: Share,
) -> impl IntoView {
    let c = ctx();
    let close = move || c.share.set(None);
    let large = RwSignal::new(false);
    let escape = on_escape(move || {
        if large.get_untracked() {
            large.set(false);
        } else {
            close();
        }
    });
    let kept = StoredValue::new(share.clone());
    let url = Memo::new(move |_| {
        shared_file(&c, &kept.get_value())
            .map(|(_, json)| share_url(&link::encode(&json)))
            .unwrap_or_default()
    });
    let length = move || url.with(|u| u.chars().count());
    let title = match &share {
        Share::Round(id) => {
            let name = c
                .session
                .with_untracked(|s| s.wb.round(id).map(|r| r.name.clone()).unwrap_or_default());
            view! { <p>{move || c.tf(K::ShareRound, &[("name", name.get(c.lang.get()))])}</p> }
                .into_any()
        }
        _ => view! { <ShareChoice share=share.clone()/> }.into_any(),
    };
    let save = move |_| {
        if let Some((name, json)) = shared_file(&c, &kept.get_value()) {
            download(&name, "application/json", &json);
        }
    };
    view! {
        <div class="dialog share" role="dialog" aria-modal="true" aria-labelledby="share-title"
            data-testid="share-dialog" on:keydown=escape>
            <h2 id="share-title">{move || c.t(K::ShareTitle)}</h2>
            {title}
            <label class="field">
                <span>{move || c.t(K::ShareLink)}</span>
                <input type="text" readonly data-testid="share-link" prop:value=move || url.get()
                    on:focus={move |e| event_target::<web_sys::HtmlInputElement>(&e).select()}/>
            </label>
            <p class="muted" data-testid="share-length">
                {move || c.tf(K::ShareLength, &[("count", &length().to_string())])}
            </p>
            <Show when=move || { length() > LONG_LINK }>
                <p class="warn" role="status" data-testid="share-long">{move || c.t(K::ShareLong)}</p>
            </Show>
            <p class="muted">{move || c.t(K::ShareHelp)}</p>
            <div class="row">
                <button autofocus data-testid="share-copy" on:click=move |_| {
                    crate::ui::export::copy_text(c, url.get_untracked())
                }>{move || c.t(K::ShareCopy)}</button>
                <button data-testid="share-file" on:click=save>{move || c.t(K::ShareFile)}</button>
                <button data-testid="share-close" on:click=move |_| close()>{move || c.t(K::Close)}</button>
            </div>
            <QrCode url=url large=large/>
        </div>
    }
}

/// The QR code of `url`, or why there is none.
#[component]
fn QrCode(url: Memo<String>, large: RwSignal<bool>) -> impl IntoView {
    let c = ctx();
    let code = Memo::new(move |_| url.with(|u| qr::encode(u)));
    let figure = NodeRef::<leptos::html::Figure>::new();
    move || match code.get() {
        Ok(q) => {
            let n = q.size();
            let caption = q.version.to_string();
            view! {
                <figure class="qr" class:large=move || large.get() node_ref=figure data-testid="share-qr"
                    on:click=move |_| large.set(false)>
                    <svg data-export xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {n} {n}")
                        width=n * 4 height=n * 4 shape-rendering="crispEdges" role="img"
                        aria-label=move || c.t(K::ShareQr)>
                        <rect width=n height=n fill="#ffffff"/>
                        <path d=q.path() fill="#000000"/>
                    </svg>
                    <figcaption>{move || c.tf(K::ShareQrCaption, &[("version", &caption)])}</figcaption>
                </figure>
                <div class="row">
                    <button data-testid="share-qr-large" aria-pressed=move || large.get().to_string()
                        on:click=move |_| large.update(|l| *l = !*l)>{move || c.t(K::ShareQrLarge)}</button>
                    <ExportButtons figure=figure stem=Signal::derive(|| "cogovern-qr".to_string()) uid="qr".into()/>
                </div>
            }
            .into_any()
        }
        Err(qr::QrError::TooLong { bytes }) => view! {
            <p class="muted" data-testid="share-no-qr">
                {move || c.tf(K::ShareNoQr, &[("bytes", &bytes.to_string()), ("max", "1270")])}
            </p>
        }
        .into_any(),
    }
}

/// A link's error as a headline and detail lines, in the current language.
fn describe_failure(c: &Ctx, failure: &Failure) -> (String, Vec<String>) {
    let lang = c.lang.get();
    let t = |k: K, a: &[(&str, &str)]| (i18n::tr(lang, k, a), vec![]);
    match failure {
        Failure::File(e) => describe_error(lang, e),
        Failure::Link(e) => match e {
            LinkError::NotALink => t(K::LinkErrNotALink, &[]),
            LinkError::TooNew { link, supported } => t(
                K::LinkErrTooNew,
                &[
                    ("link", &link.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            LinkError::TooLong { chars } => t(
                K::LinkErrTooLong,
                &[
                    ("chars", &chars.to_string()),
                    ("max", &MAX_LINK_CHARS.to_string()),
                ],
            ),
            LinkError::BadCharacter { position, found } => t(
                K::LinkErrBadChar,
                &[
                    ("position", &position.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            LinkError::Truncated => t(K::LinkErrTruncated, &[]),
            LinkError::Damaged => t(K::LinkErrDamaged, &[]),
            LinkError::TooLarge { limit } => {
                t(K::LinkErrTooLarge, &[("limit", &limit.to_string())])
            }
        },
    }
}

/// The dialog of an opened link, while it waits for the user's choice.
#[component]
pub fn LinkDialog() -> impl IntoView {
    let c = ctx();
    move || {
        c.incoming.get().map(|incoming| match incoming {
            Incoming::Workbook(imported) => view! { <LinkWorkbook imported=*imported/> }.into_any(),
            Incoming::Round(round) => view! { <LinkRound round=*round/> }.into_any(),
            Incoming::Failed(failure) => view! { <LinkFailed failure=failure/> }.into_any(),
        })
    }
}

/// Ends the link dialog (the address then shows the view again, not the link).
fn done(c: &Ctx) {
    c.incoming.set(None);
}

/// A link that could not be read: what is wrong, and that nothing changed.
#[component]
fn LinkFailed(failure: Failure) -> impl IntoView {
    let c = ctx();
    let failure = StoredValue::new(failure);
    let text = move || failure.with_value(|f| describe_failure(&c, f));
    view! {
        <div class="dialog error" role="alertdialog" aria-modal="true" aria-labelledby="link-title"
            aria-describedby="link-body" data-testid="link-error" on:keydown=on_escape(move || done(&c))>
            <h2 id="link-title">{move || c.t(K::LinkFailedTitle)}</h2>
            <div id="link-body">
                <p data-testid="link-error-message">{move || text().0}</p>
                <ul>{move || text().1.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <p>{move || c.t(K::ImportFailedKeep)}</p>
            </div>
            <button autofocus data-testid="link-close" on:click=move |_| done(&c)>{move || c.t(K::Close)}</button>
        </div>
    }
}

/// A workbook from a link: open it instead of this one, add its models, or cancel.
#[component]
fn LinkWorkbook(imported: Imported) -> impl IntoView {
    let c = ctx();
    let wb = &imported.workbook;
    let counts = [wb.models.len(), wb.plans.len(), wb.rounds.len()].map(|n| n.to_string());
    let title = wb.meta.title.clone();
    let names = wb.models.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
    let incoming = StoredValue::new(imported);
    let mine = c.session.with_untracked(|s| s.wb.meta.title.clone());
    let open_new = move |_| {
        open_workbook(&c, incoming.get_value());
        done(&c);
    };
    let add = move |_| {
        let merged = c
            .session
            .with_untracked(|s| incoming.with_value(|i| add_models(&s.wb, &i.workbook)));
        let added = merged.and_then(|m| {
            c.dispatch(Command::Batch(m.commands))?;
            Ok(m.models)
        });
        match added {
            Ok(models) => {
                let count = models.len().to_string();
                if let Some(first) = models.into_iter().next() {
                    c.session.update(|s| s.model = first);
                }
                c.say(c.tf_untracked(K::LinkAdded, &[("count", &count)]), false);
            }
            Err(e) => c.say(e.to_string(), true),
        }
        done(&c);
    };
    let summary = move || {
        let [m, p, r] = &counts;
        let a = [
            ("title", title.as_str()),
            ("models", m),
            ("plans", p),
            ("rounds", r),
        ];
        c.tf(K::LinkWorkbook, &a)
    };
    let names = move || {
        let lang = c.lang.get();
        let list = names
            .iter()
            .map(|n| n.get(lang))
            .collect::<Vec<_>>()
            .join("、");
        c.tf(K::LinkModels, &[("names", &list)])
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="link-title"
            data-testid="link-dialog" on:keydown=on_escape(move || done(&c))>
            <h2 id="link-title">{move || c.t(K::LinkTitle)}</h2>
            <p data-testid="link-summary">{summary}</p>
            <p data-testid="link-models">{names}</p>
            <p>{move || c.tf(K::LinkKeep, &[("title", &mine)])}</p>
            <div class="row">
                <button autofocus data-testid="link-add" on:click=add>{move || c.t(K::LinkAdd)}</button>
                <button data-testid="link-open" on:click=open_new>{move || c.t(K::LinkOpenNew)}</button>
                <button data-testid="link-cancel" on:click=move |_| done(&c)>{move || c.t(K::Cancel)}</button>
            </div>
            <p class="muted">{move || c.t(K::LinkOpenNewHelp)}</p>
            <button data-testid="link-save-mine" on:click=move |_| crate::ui::export::download_workbook(&c)>
                {move || c.t(K::LinkSaveMine)}
            </button>
        </div>
    }
}

/// A workshop round from a link: answer it, or cancel.
#[component]
fn LinkRound(round: Round) -> impl IntoView {
    let c = ctx();
    let name = round.name.clone();
    let size = [round.question.subjects.len(), round.question.objects.len()].map(|n| n.to_string());
    let round = StoredValue::new(round);
    let summary = move || {
        let a = [
            ("name", name.get(c.lang.get())),
            ("subjects", &size[0]),
            ("objects", &size[1]),
        ];
        c.tf(K::LinkRound, &a)
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="link-title"
            data-testid="link-dialog" on:keydown=on_escape(move || done(&c))>
            <h2 id="link-title">{move || c.t(K::LinkTitle)}</h2>
            <p data-testid="link-summary">{summary}</p>
            <div class="row">
                <button autofocus data-testid="link-answer" on:click=move |_| {
                    add_round(&c, round.get_value());
                    done(&c);
                }>{move || c.t(K::LinkAnswer)}</button>
                <button data-testid="link-cancel" on:click=move |_| done(&c)>{move || c.t(K::Cancel)}</button>
            </div>
        </div>
    }
}
