//! Native tests of the core: presets: the paper's workbook and models fitted to any workbook.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::commands::*;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::validate;
use common::{paper, t0};

#[test]
fn presets_are_valid_and_carry_table_2() {
    for wb in [paper(), presets::blank(t0())] {
        assert_eq!(validate(&wb), vec![]);
    }
    let wb = paper();
    let resp = |id: &str| {
        wb.subject(id)
            .unwrap()
            .responsibilities
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        resp("gov"),
        [
            "top-level design and overall planning",
            "making laws and regulations",
            "fighting against illegal speech and behaviours"
        ]
    );
    assert_eq!(
        resp("ent"),
        [
            "providing Internet products",
            "assisting the supervision of the Internet"
        ]
    );
    assert_eq!(resp("assoc"), ["rules making", "supplying public service"]);
    assert_eq!(
        resp("net"),
        ["supervision of power", "public opinion forming"]
    );
    assert_eq!(
        resp("party"),
        ["leader (top-level design)", "coordinator", "motivator"]
    );
    assert_eq!(wb.timeline.len(), 4);
    assert_eq!(wb.timeline[3].end, None);
    let kinds = |k| wb.principles.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (
            kinds(PrincipleKind::Disadvantage),
            kinds(PrincipleKind::Requirement),
            kinds(PrincipleKind::Characteristic)
        ),
        (4, 3, 3)
    );
    assert_eq!(wb.datasets[0].points.len(), 7);
    // Every preset cell cites the paper and every text has both languages.
    for m in &wb.models {
        for (s, o, c) in m.iter_cells() {
            assert!(!c.source.is_empty(), "{}: {s} × {o} has no source", m.id);
            for st in &c.statements {
                assert!(!st.en.is_empty() && !st.zh.is_empty(), "{s} × {o}");
            }
        }
    }
    for s in &wb.subjects {
        assert!(!s.name.zh.is_empty() && !s.description.zh.is_empty());
    }
}

#[test]
fn preset_models_fit_any_workbook_and_dangling_models_are_refused() {
    let mut blank = presets::blank(t0());
    let raw = presets::synergetic_model();
    let err = Command::Insert {
        index: 1,
        entity: Entity::Model(raw.clone()),
        refs: Refs::default(),
    }
    .apply(&mut blank.clone());
    assert_eq!(
        err,
        Err(CommandError::NotFound(EntityKind::Subject, "assoc".into()))
    );
    let fitted = fit_model(&blank, raw);
    assert!(fitted.cells.is_empty() && fitted.tiers.is_empty());
    Command::Insert {
        index: 1,
        entity: Entity::Model(fitted),
        refs: Refs::default(),
    }
    .apply(&mut blank)
    .unwrap();
    assert_eq!(validate(&blank), vec![]);
    // On the paper's workbook a preset fits unchanged.
    let wb = paper();
    assert_eq!(
        fit_model(&wb, presets::synergetic_model()),
        presets::synergetic_model()
    );
}
