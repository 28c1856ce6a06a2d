//! Browser tests: real components mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use cogovern::core::model::Lang;
use cogovern::core::presets;
use cogovern::ui::provide;
use cogovern::ui::session::{Session, View};
use cogovern::ui::shell::{LanguageSwitch, Tabs};
use cogovern::ui::tabs::matrix::Matrix;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects and the DOM settle.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn host() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .text_content()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

fn session() -> Session {
    Session::new(
        presets::paper(presets::example_time()),
        Some("synergetic".into()),
    )
}

#[wasm_bindgen_test]
async fn tabs_switch_language_and_view() {
    let root = host();
    let view = leptos::mount::mount_to(root.clone(), || {
        let c = provide(session(), Lang::En, View::Matrix);
        view! { <LanguageSwitch/> <Tabs/> <p id="current">{move || c.view.get().slug()}</p> }
    });
    tick().await;
    assert_eq!(
        texts(&root, "[role=tab]"),
        ["Matrix", "Diagram", "Analysis", "Compare", "Plan", "Timeline", "Data", "Workshop"]
    );
    let selected = root
        .query_selector("[aria-selected=true]")
        .unwrap()
        .unwrap();
    assert_eq!(selected.text_content().unwrap(), "Matrix");

    root.query_selector("[data-testid=lang-zh-CN]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(
        texts(&root, "[role=tab]"),
        [
            "矩阵",
            "图示",
            "分析",
            "比较",
            "转型计划",
            "时间线",
            "数据",
            "研讨"
        ]
    );

    root.query_selector("[data-testid=tab-compare]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(texts(&root, "#current"), ["compare"]);
    drop(view);
}

#[wasm_bindgen_test]
async fn matrix_shows_the_model_and_sets_a_role_from_the_keyboard() {
    let root = host();
    let view = leptos::mount::mount_to(root.clone(), || {
        provide(session(), Lang::En, View::Matrix);
        view! { <Matrix/> }
    });
    tick().await;
    // Rows are grouped by tier: leadership, main power, auxiliary participators.
    assert_eq!(
        texts(&root, ".tier-row th"),
        ["Leadership", "Main power", "Auxiliary participators"]
    );
    assert_eq!(texts(&root, "tbody [role=row]:not(.tier-row) th").len(), 5);
    let cell = root
        .query_selector("[data-testid=cell-net-illegal]")
        .unwrap()
        .unwrap();
    assert_eq!(cell.get_attribute("data-role").unwrap(), "S");
    assert_eq!(
        cell.get_attribute("aria-label").unwrap(),
        "Netizens × Illegal speech and behaviour: Supervises"
    );

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("2");
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    cell.dispatch_event(&ev).unwrap();
    tick().await;
    assert_eq!(cell.get_attribute("data-role").unwrap(), "M");
    // Two main responsibilities on one object: its column header warns.
    assert_eq!(
        texts(&root, "[data-testid=warn-illegal]"),
        ["⚠ Several main responsibilities"]
    );
    drop(view);
}
