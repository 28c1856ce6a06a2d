//! Native tests of the core: analytics: the metrics of a model.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::analytics::{analyse, mains_of, mains_per_object, MetricId, Status};
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

#[test]
fn main_responsibilities_are_counted_per_object_for_every_main_role() {
    let mut wb = paper();
    // Counted over the whole model and for one column alone, the same.
    let count = |wb: &cogovern::core::model::Workbook, o: &str| {
        let m = wb.model("synergetic").unwrap();
        let all = mains_per_object(wb, m)
            .iter()
            .find(|(id, _)| id.as_str() == o)
            .map_or(0, |(_, n)| *n);
        assert_eq!(mains_of(wb, m, o), all, "{o}");
        all
    };
    assert_eq!(count(&wb, "infra"), 1);
    Command::EditCell(
        at("synergetic", "ent", "infra"),
        CellEdit::Role(Some("main".into())),
    )
    .apply(&mut wb)
    .unwrap();
    assert_eq!(count(&wb, "infra"), 2);
    // A second role marked main counts too; unmarking every main role leaves no counts.
    let lead = wb.roles.iter().position(|r| r.id == "lead").unwrap();
    wb.roles[lead].main = true;
    let leads = wb
        .model("synergetic")
        .unwrap()
        .iter_cells()
        .filter(|(_, o, c)| o.as_str() == "infra" && c.role.as_deref() == Some("lead"))
        .count();
    assert!(leads > 0);
    assert_eq!(count(&wb, "infra"), 2 + leads);
    for r in &mut wb.roles {
        r.main = false;
    }
    assert!(mains_per_object(&wb, wb.model("synergetic").unwrap()).is_empty());
    assert_eq!(count(&wb, "infra"), 0);
}
