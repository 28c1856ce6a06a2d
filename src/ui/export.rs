//! Everything that leaves the app as a file: one file-name helper, one download function,
//! the workbook download, and the SVG/PNG export buttons of every drawing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::format;
use crate::core::model::{Id, Workbook};
use crate::i18n::K;
use crate::ui::session::{ctx, Ctx};

/// `name` with the characters that are unsafe in file names replaced by "-": the one rule
/// of every exported file's name.
fn safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    safe.trim_matches('-').to_string()
}

/// `<title>-<YYYY-MM-DD>.<extension>` for a file of the whole workbook.
pub fn dated_name(wb: &Workbook, extension: &str) -> String {
    let title = safe(&wb.meta.title);
    let title = if title.is_empty() { "workbook" } else { &title };
    let date = crate::i18n::iso_date(crate::ui::session::now());
    format!("{title}-{date}.{extension}")
}

/// `<title>-<YYYY-MM-DD>.cogovern.json`.
pub fn file_name(wb: &Workbook) -> String {
    dated_name(wb, "cogovern.json")
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&content.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the resource at `url` (a blob: or data: URL) as a download named `name`.
pub fn download_url(name: &str, url: &str) {
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(url);
            a.set_download(name);
            a.click();
        }
    }
}

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
    download_url(&name, &canvas.to_data_url_with_type("image/png").ok()?);
    Some(())
}

/// Copies `text` to the clipboard and says whether that worked.
pub fn copy_text(c: Ctx, text: String) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        let key = if ok { K::Copied } else { K::CopyFailed };
        c.say(c.t_untracked(key), !ok);
    });
}

/// A file name stem "<name>-<what>", with characters unsafe in file names replaced.
pub fn file_stem(name: &str, what: &str) -> String {
    format!("{}-{what}", safe(name))
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
                    download(&format!("{}.svg", stem.get_untracked()), "image/svg+xml", &svg);
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

/// Downloads the open workbook as `<title>-<date>.cogovern.json`.
pub fn download_workbook(c: &Ctx) {
    let (name, text) = c
        .session
        .with_untracked(|s| (file_name(&s.wb), format::export(&s.wb)));
    download(&name, "application/json", &text);
}
