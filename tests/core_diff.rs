//! Native tests of the core: the diff of two models.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::analytics::MetricId;
use cogovern::core::diff::{diff, CellField, Change};
use cogovern::core::model::*;
use common::paper;

#[test]
fn diff_of_the_presets_lists_the_expected_changes() {
    let wb = paper();
    let d = diff(
        &wb,
        wb.model("traditional").unwrap(),
        wb.model("synergetic").unwrap(),
    );
    let summary: Vec<String> = d
        .cells
        .iter()
        .map(|c| {
            let what = match &c.change {
                Change::Added(_) => "added".to_string(),
                Change::Removed(_) => "removed".to_string(),
                Change::Changed { fields, .. } => format!("{fields:?}"),
            };
            format!("{} {} {what}", c.subject, c.object)
        })
        .collect();
    use CellField::*;
    let ch = |f: &[CellField]| format!("{f:?}");
    assert_eq!(
        summary,
        vec![
            "party infra added".to_string(),
            "party practice added".into(),
            "party illegal added".into(),
            format!(
                "gov infra {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "gov practice {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "gov illegal {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            format!(
                "ent infra {}",
                ch(&[Methods, Orientation, Statements, Source])
            ),
            "ent practice added".into(),
            format!("ent illegal {}", ch(&[Methods, Statements, Source])),
            format!(
                "assoc practice {}",
                ch(&[Role, Methods, Orientation, Statements, Source])
            ),
            "assoc illegal added".into(),
            "net practice added".into(),
            "net illegal added".into(),
        ]
    );
    let tiers: Vec<_> = d
        .tiers
        .iter()
        .map(|t| (t.subject.as_str(), t.before, t.after))
        .collect();
    assert_eq!(
        tiers,
        vec![
            ("party", Tier::Absent, Tier::Leadership),
            ("net", Tier::Absent, Tier::Auxiliary)
        ]
    );
    let improved: Vec<_> = d
        .metrics
        .iter()
        .filter(|m| m.improved)
        .map(|m| m.id)
        .collect();
    for id in [
        MetricId::Participation,
        MetricId::Concentration,
        MetricId::Supervision,
        MetricId::OrderRights,
    ] {
        assert!(improved.contains(&id), "{id:?} not improved");
    }
    // The reverse diff removes what the forward diff adds.
    let back = diff(
        &wb,
        wb.model("synergetic").unwrap(),
        wb.model("traditional").unwrap(),
    );
    assert_eq!(
        back.cells
            .iter()
            .filter(|c| matches!(c.change, Change::Removed(_)))
            .count(),
        7
    );
}
