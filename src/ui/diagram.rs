//! The structure diagram as SVG: a thin view of `core::diagram::structure`.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;

use crate::core::diagram::{structure, Relation, Row};
use crate::core::model::{Id, Lang, Tier};
use crate::i18n::{self, K};
use crate::ui::session::ctx;

/// Properties copied from the page's stylesheet into presentation attributes, so an exported
/// SVG looks the same on its own (and no `style` attribute is needed under our CSP).
const EXPORTED_STYLE: [&str; 11] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "paint-order",
    "font-size",
    "font-weight",
    "font-family",
    "text-anchor",
];

/// The diagram inside `figure` (its `svg[data-export]`) as a standalone SVG document.
fn standalone_svg(figure: &web_sys::Element) -> Option<String> {
    use wasm_bindgen::JsCast;
    let svg = figure.query_selector("svg[data-export]").ok()??;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let window = window();
    let (from, to) = (
        svg.query_selector_all("*").ok()?,
        copy.query_selector_all("*").ok()?,
    );
    for (original, clone) in (0..from.length()).filter_map(|i| {
        Some((
            from.item(i)?.dyn_into::<web_sys::Element>().ok()?,
            to.item(i)?.dyn_into::<web_sys::Element>().ok()?,
        ))
    }) {
        let Ok(Some(style)) = window.get_computed_style(&original) else {
            continue;
        };
        for prop in EXPORTED_STYLE {
            if let Ok(v) = style.get_property_value(prop) {
                if !v.is_empty() && clone.get_attribute(prop).is_none() {
                    let _ = clone.set_attribute(prop, &v);
                }
            }
        }
    }
    // The page's own font stack: system fonts that cover Chinese, no web fonts.
    if let Ok(Some(style)) = window.get_computed_style(&svg) {
        let _ = copy.set_attribute(
            "font-family",
            &style.get_property_value("font-family").unwrap_or_default(),
        );
    }
    let rect = svg.get_bounding_client_rect();
    let _ = copy.set_attribute("width", &format!("{:.0}", rect.width()));
    let _ = copy.set_attribute("height", &format!("{:.0}", rect.height()));
    let xml = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}\n"
    ))
}

/// Draws `svg` at twice its size and offers it as a PNG.
async fn download_png(svg: String, width: f64, height: f64, name: String) -> Option<()> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&svg.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    img.set_src(&url);
    let loaded = wasm_bindgen_futures::JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded.ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width * 2.0, height * 2.0);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width * 2.0, height * 2.0)
        .ok()?;
    crate::ui::file::download_url(&name, &canvas.to_data_url_with_type("image/png").ok()?);
    Some(())
}

/// A file name stem "<name>-<what>", with characters unsafe in file names replaced.
pub fn file_stem(name: &str, what: &str) -> String {
    let safe: String = name
        .chars()
        .map(|ch| if ch.is_alphanumeric() { ch } else { '-' })
        .collect();
    format!("{}-{what}", safe.trim_matches('-'))
}

/// The file name stem of a drawing of model `model`: "<model name>-<what>".
pub fn model_stem(model: Id, what: &str) -> String {
    let c = ctx();
    let name = c.session.with_untracked(|s| {
        s.wb.model(&model)
            .map(|m| m.name.get(c.lang.get_untracked()).to_string())
            .unwrap_or_default()
    });
    file_stem(&name, what)
}

/// Buttons that download the SVG inside `figure` as a standalone SVG and as a PNG at 2×.
#[component]
pub fn ExportButtons(
    /// The figure whose `svg[data-export]` is exported.
    figure: NodeRef<leptos::html::Figure>,
    /// File name without extension.
    #[prop(into)]
    stem: Signal<String>,
    /// Tells the buttons of several figures apart in tests.
    uid: String,
) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="row export">
            <button data-testid=format!("export-svg-{uid}") on:click=move |_| {
                if let Some(svg) = figure.get().and_then(|f| standalone_svg(&f)) {
                    crate::ui::file::download(&format!("{}.svg", stem.get_untracked()), "image/svg+xml", &svg);
                }
            }>{move || c.t(K::ExportSvg)}</button>
            <button data-testid=format!("export-png-{uid}") on:click=move |_| {
                let Some(f) = figure.get() else { return };
                let Some(svg) = standalone_svg(&f) else { return };
                let rect = f.query_selector("svg[data-export]").ok().flatten().map(|s| s.get_bounding_client_rect());
                let (w, h) = rect.map(|r| (r.width(), r.height())).unwrap_or((900.0, 700.0));
                let name = format!("{}.png", stem.get_untracked());
                leptos::task::spawn_local(async move {
                    let _ = download_png(svg, w, h, name).await;
                });
            }>{move || c.t(K::ExportPng)}</button>
        </div>
    }
}

/// Splits a name into at most two lines that fit under a node.
pub fn lines(name: &str, lang: Lang) -> Vec<String> {
    let max = if lang == Lang::Zh { 9 } else { 18 };
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= max {
        return vec![name.to_string()];
    }
    let cut = if lang == Lang::Zh {
        chars.len().div_ceil(2)
    } else {
        // The space nearest the middle.
        let mid = chars.len() / 2;
        (0..chars.len())
            .filter(|i| chars[*i] == ' ')
            .min_by_key(|i| i.abs_diff(mid))
            .unwrap_or(mid)
    };
    let (a, b): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
    vec![a.trim().to_string(), b.trim().to_string()]
}

fn relation_key(r: Relation) -> K {
    match r {
        Relation::Leads => K::RelLeads,
        Relation::Assists => K::RelAssists,
        Relation::Supervises => K::RelSupervises,
        Relation::Main => K::RelMain,
    }
}

fn relation_class(r: Relation) -> &'static str {
    match r {
        Relation::Leads => "arrow leads",
        Relation::Assists => "arrow assists",
        Relation::Supervises => "arrow supervises",
        Relation::Main => "arrow main",
    }
}

/// The structure of the model `model`: tiers as rows, arrows from the matrix.
#[component]
pub fn StructureDiagram(
    /// Id of the model drawn.
    #[prop(into)]
    model: Signal<Id>,
    /// Tells two diagrams on one page apart (their marker ids).
    #[prop(into)]
    uid: String,
) -> impl IntoView {
    let c = ctx();
    let layout = Memo::new(move |_| {
        let id = model.get();
        c.session
            .with(|s| s.wb.model(&id).map(|m| structure(&s.wb, m)))
    });
    // Names and colours as a memo, so that edits elsewhere in the document (a cell, a node's
    // place in the network) do not redraw the diagram.
    type Looks = (HashMap<Id, String>, HashMap<Id, String>);
    let looks = Memo::new(move |_| -> Looks {
        let lang = c.lang.get();
        c.session.with(|s| {
            let names = s.wb.axis_names(lang);
            let colours =
                s.wb.subjects
                    .iter()
                    .map(|x| (x.id.clone(), x.colour.clone()))
                    .collect();
            (names, colours)
        })
    });
    let selected = RwSignal::new(None::<Id>);
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    let stem = Signal::derive(move || model_stem(model.get(), "structure"));
    let marker = format!("arrowhead-{uid}");
    let marker_url = format!("url(#{marker})");
    let title = Memo::new(move |_| {
        let lang = c.lang.get();
        let id = model.get();
        c.session.with(|s| {
            s.wb.model(&id)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default()
        })
    });
    view! {
        <figure
            class="structure"
            node_ref=figure_ref
            data-testid=format!("structure-{uid}")
            on:keydown=move |e: ev::KeyboardEvent| {
                if e.key() == "Escape" && selected.get_untracked().is_some() {
                    e.prevent_default();
                    selected.set(None);
                }
            }
        >
            {move || {
                let Some(d) = layout.get() else { return ().into_any() };
                let lang = c.lang.get();
                let marker_url = marker_url.clone();
                let (names, colours) = looks.get();
                let arrows = d.arrows.iter().map(|a| {
                    let label = i18n::tr(lang, K::ArrowLabel, &[
                        ("from", &names[&a.from]),
                        ("relation", relation_key(a.relation).get(lang)),
                        ("to", &names[&a.to]),
                        ("count", &a.count.to_string()),
                    ]);
                    let width = (1.5 + a.count as f64).min(6.0);
                    view! {
                        <line
                            class=relation_class(a.relation)
                            data-testid=format!("arrow-{}-{}-{}", a.from, a.to, format!("{:?}", a.relation).to_lowercase())
                            x1=a.start.x y1=a.start.y x2=a.end.x y2=a.end.y
                            stroke-width=width
                            marker-end=marker_url.clone()
                            aria-label=label
                        />
                    }
                }).collect_view();
                let nodes = d.nodes.iter().map(|n| {
                    let id = n.id.clone();
                    let name = names[&n.id].clone();
                    let (fill, tier_class) = match n.row {
                        Row::Object => ("#ffffff".to_string(), "object"),
                        Row::Subject(Tier::Absent) => ("#e5e7eb".to_string(), "absent"),
                        Row::Subject(_) => (colours.get(&n.id).cloned().unwrap_or_default(), "subject"),
                    };
                    let row_label = match n.row {
                        Row::Object => K::Object.get(lang),
                        Row::Subject(t) => i18n::tier(t).get(lang),
                    };
                    let aria = format!("{name} ({row_label})");
                    let is_subject = matches!(n.row, Row::Subject(_));
                    let (id1, id2) = (id.clone(), id.clone());
                    let text_lines = lines(&name, lang);
                    let first_y = n.at.y + n.r + 18.0;
                    view! {
                        <g
                            class=format!("node {tier_class}")
                            data-testid=format!("node-{id}")
                            tabindex="0"
                            role=if is_subject { "button" } else { "img" }
                            aria-label=aria
                            on:click=move |_| if is_subject { selected.set(Some(id1.clone())) }
                            on:keydown=move |e: ev::KeyboardEvent| {
                                if is_subject && (e.key() == "Enter" || e.key() == " ") {
                                    e.prevent_default();
                                    selected.set(Some(id2.clone()));
                                }
                            }
                        >
                            <circle cx=n.at.x cy=n.at.y r=n.r fill=fill></circle>
                            {text_lines.into_iter().enumerate().map(|(i, l)| view! {
                                <text x=n.at.x y=first_y + 17.0 * i as f64 text-anchor="middle">{l}</text>
                            }).collect_view()}
                        </g>
                    }
                }).collect_view();
                view! {
                    <svg
                        xmlns="http://www.w3.org/2000/svg"
                        data-export="structure"
                        viewBox=format!("0 0 {} {}", d.width, d.height + 30.0)
                        role="group"
                        aria-label=move || title.get()
                    >
                        <defs>
                            <marker id=marker.clone() viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse">
                                <path d="M 0 0 L 10 5 L 0 10 z" fill="#111827"></path>
                            </marker>
                        </defs>
                        {arrows}
                        {nodes}
                    </svg>
                }.into_any()
            }}
            <figcaption class="legend-line">
                {[Relation::Leads, Relation::Main, Relation::Assists, Relation::Supervises].into_iter().map(|r| view! {
                    <span class="key">
                        <svg width="44" height="12" aria-hidden="true"><line class=relation_class(r) x1="2" y1="6" x2="42" y2="6" stroke-width="3"></line></svg>
                        {move || c.t(relation_key(r))}
                    </span>
                }).collect_view()}
            </figcaption>
            <ExportButtons figure=figure_ref stem=stem uid=uid.clone()/>
            {move || selected.get().map(|id| view! { <SubjectCard id=id on_close=move || selected.set(None)/> })}
        </figure>
    }
}

/// A subject's Table 2 profile and its tier, opened from the diagram.
#[component]
fn SubjectCard(id: Id, on_close: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let c = ctx();
    let close_button = on_close;
    // Focus moves into the profile when it opens, so keyboard users land on it.
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_ref.get() {
            let _ = b.focus();
        }
    });
    let id2 = id.clone();
    let info = move || {
        let lang = c.lang.get();
        c.session.with(|s| {
            s.wb.subject(&id2).map(|x| {
                let list = |v: &Vec<crate::core::model::Text>| {
                    v.iter()
                        .map(|t| t.get(lang).to_string())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                (
                    x.name.get(lang).to_string(),
                    x.description.get(lang).to_string(),
                    list(&x.advantages),
                    list(&x.responsibilities),
                )
            })
        })
    };
    view! {
        <aside class="subject-card" role="dialog" aria-labelledby="subject-card-title" data-testid="subject-card">
            {move || info().map(|(name, desc, adv, resp)| view! {
                <h2 id="subject-card-title">{name}</h2>
                <p>{desc}</p>
                <p><strong>{move || c.t(K::Advantages)}</strong> " " {adv}</p>
                <p><strong>{move || c.t(K::Responsibilities)}</strong> " " {resp}</p>
            })}
            <crate::ui::panel::TierSelect subject=id.clone()/>
            <button data-testid="subject-card-close" node_ref=close_ref on:click=move |_| close_button()>{move || c.t(K::Close)}</button>
        </aside>
    }
}
