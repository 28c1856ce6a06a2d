//! Native tests of the core: analytics: the metrics of a model.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::analytics::{analyse, MetricId, Status};
use cogovern::core::commands::*;
use common::{at, metric, paper};

#[test]
fn synergetic_model_scores_better_where_the_paper_says_it_should() {
    let wb = paper();
    let (t, s) = ("traditional", "synergetic");
    assert_eq!(metric(&wb, t, MetricId::Participation), 0.6);
    assert_eq!(metric(&wb, s, MetricId::Participation), 1.0);
    let (ct, cs) = (
        metric(&wb, t, MetricId::Concentration),
        metric(&wb, s, MetricId::Concentration),
    );
    assert!((ct - 0.5336).abs() < 1e-3, "{ct}");
    assert!((cs - 0.2373).abs() < 1e-3, "{cs}");
    assert!((metric(&wb, t, MetricId::GovernmentShare) - 9.0 / 13.5).abs() < 1e-9);
    assert!((metric(&wb, s, MetricId::GovernmentShare) - 9.0 / 27.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Supervision), 0.0);
    assert!((metric(&wb, s, MetricId::Supervision) - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::OrderRights), 0.0);
    assert!((metric(&wb, s, MetricId::OrderRights) - 11.0 / 13.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::LawMorals), 0.0);
    assert!((metric(&wb, s, MetricId::LawMorals) - 0.6).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Synergy), 2.0);
    assert!((metric(&wb, s, MetricId::Synergy) - 13.0 / 3.0).abs() < 1e-9);
    assert_eq!(metric(&wb, t, MetricId::Accountability), 1.0);
    let statuses = |m: &str| {
        analyse(&wb, wb.model(m).unwrap())
            .into_iter()
            .map(|x| (x.id, x.status))
            .collect::<Vec<_>>()
    };
    assert!(
        statuses(s).iter().all(|(_, st)| *st == Status::Good),
        "{:?}",
        statuses(s)
    );
    assert!(
        statuses(t)
            .iter()
            .filter(|(_, st)| *st == Status::Poor)
            .count()
            >= 5,
        "{:?}",
        statuses(t)
    );
}

#[test]
fn accountability_flags_objects_without_exactly_one_main_responsibility() {
    let mut wb = paper();
    Command::EditCell(
        at("synergetic", "ent", "infra"),
        CellEdit::Role(Some("main".into())),
    )
    .apply(&mut wb)
    .unwrap();
    Command::EditCell(
        at("synergetic", "gov", "illegal"),
        CellEdit::Role(Some("assist".into())),
    )
    .apply(&mut wb)
    .unwrap();
    let m = analyse(&wb, wb.model("synergetic").unwrap())
        .into_iter()
        .find(|m| m.id == MetricId::Accountability)
        .unwrap();
    assert_eq!(m.flagged, ["infra", "illegal"]);
    assert!((m.value - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(m.status, Status::Poor);
    assert_eq!(MetricId::Accountability.addresses(), "dis-opportunism");
}
