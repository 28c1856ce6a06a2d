//! Geometry of the structure diagram, pure and deterministic: the numbers live here and a thin
//! SVG component in the UI draws them, so layout is tested without a browser.
//!
//! Rows from the top: the leadership layer, the main power, the auxiliary participators, the
//! governance objects, and the subjects absent from the model. Arrows come from the matrix:
//! a subject *leads*, *assists* or *supervises* each main-responsibility holder on the objects
//! where it has such a role, and a main-responsibility holder points at its objects.

use super::model::*;
use super::order;

/// Width of the diagram, in diagram units.
pub const WIDTH: f64 = 900.0;
const ROW_GAP: f64 = 150.0;
const TOP: f64 = 80.0;
const SUBJECT_R: f64 = 46.0;
const OBJECT_R: f64 = 38.0;
const MIN_GAP: f64 = 12.0;

/// What an arrow means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// Leadership over a main-responsibility holder.
    Leads,
    /// Assistance to a main-responsibility holder.
    Assists,
    /// Supervision of a main-responsibility holder.
    Supervises,
    /// Main responsibility for an object.
    Main,
}

/// Which row a node sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A subject in a tier (absent subjects sit in the last row, greyed).
    Subject(Tier),
    /// A governance object.
    Object,
}

/// A circle of the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Subject or object id.
    pub id: Id,
    /// Its row.
    pub row: Row,
    /// Centre.
    pub at: Point,
    /// Radius.
    pub r: f64,
}

/// An arrow between two nodes, ending on their borders.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// Node it starts from.
    pub from: Id,
    /// Node it points at.
    pub to: Id,
    /// What it means.
    pub relation: Relation,
    /// On how many objects the relation holds.
    pub count: usize,
    /// Start, on the border of `from`.
    pub start: Point,
    /// End, on the border of `to`.
    pub end: Point,
}

/// The laid-out diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Nodes, subjects in workbook order then objects.
    pub nodes: Vec<Node>,
    /// Arrows, sorted by (from, to, relation).
    pub arrows: Vec<Arrow>,
}

/// Evenly spaced centres for `n` nodes across the width, and a radius that keeps them apart.
fn spread(n: usize, r: f64) -> (Vec<f64>, f64) {
    let step = WIDTH / (n as f64 + 1.0);
    let r = r.min((step - MIN_GAP) / 2.0).max(4.0);
    ((1..=n).map(|i| step * i as f64).collect(), r)
}

/// The point on the border of the circle (`centre`, `r`) facing `toward`, turned by `turn` radians.
pub fn on_border(centre: Point, r: f64, toward: Point, turn: f64) -> Point {
    let (dx, dy) = (toward.x - centre.x, toward.y - centre.y);
    let angle = dy.atan2(dx) + turn;
    Point {
        x: centre.x + r * angle.cos(),
        y: centre.y + r * angle.sin(),
    }
}

/// Centres on an arc of `radius` around `centre`, evenly from angle `from` to `to` (radians).
fn arc(centre: Point, radius: f64, from: f64, to: f64, n: usize) -> Vec<Point> {
    (0..n)
        .map(|i| {
            let a = if n == 1 {
                (from + to) / 2.0
            } else {
                from + (to - from) * i as f64 / (n - 1) as f64
            };
            Point {
                x: centre.x + radius * a.cos(),
                y: centre.y + radius * a.sin(),
            }
        })
        .collect()
}

/// The auxiliary participators around the main power: half on an arc to its left, half to its
/// right, so their arrows run straight to it and the main power's arrows run down between them.
/// `None` when they do not fit at a legible size; rows are used then.
fn around(centre: Point, clear: f64, n: usize) -> Option<(Vec<Point>, f64)> {
    const SPAN: f64 = 25.0 * std::f64::consts::PI / 180.0;
    const MIN_R: f64 = 24.0;
    let radius = (clear + SUBJECT_R + MIN_GAP).max(250.0);
    let (left, right) = (n.div_ceil(2), n / 2);
    let per_side = left.max(1);
    let step = if per_side > 1 {
        2.0 * SPAN / (per_side - 1) as f64
    } else {
        2.0 * SPAN
    };
    let chord = 2.0 * radius * (step / 2.0).sin();
    let r = SUBJECT_R.min((chord - MIN_GAP) / 2.0);
    let fits = r >= MIN_R && centre.x - radius - r >= 0.0 && centre.x + radius + r <= WIDTH;
    let pi = std::f64::consts::PI;
    let mut at = arc(centre, radius, pi - SPAN, pi + SPAN, left);
    at.extend(arc(centre, radius, SPAN, -SPAN, right));
    fits.then_some((at, r))
}

/// Lays out the structure of `model`.
pub fn structure(wb: &Workbook, model: &Model) -> Structure {
    let tier_ids = |t: Tier| -> Vec<Id> {
        wb.subjects
            .iter()
            .filter(|s| model.tier(&s.id) == t)
            .map(|s| s.id.clone())
            .collect()
    };
    let (leaders, mains, aux, absent) = (
        tier_ids(Tier::Leadership),
        tier_ids(Tier::Main),
        tier_ids(Tier::Auxiliary),
        tier_ids(Tier::Absent),
    );
    let objects: Vec<Id> = wb.objects.iter().map(|o| o.id.clone()).collect();
    let mut nodes = Vec::new();
    let row = |nodes: &mut Vec<Node>, ids: &[Id], row: Row, y: f64, base: f64| {
        let (xs, r) = spread(ids.len(), base);
        nodes.extend(ids.iter().zip(xs).map(|(id, x)| Node {
            id: id.clone(),
            row,
            at: Point { x, y },
            r,
        }));
    };
    let mut y = TOP;
    if !leaders.is_empty() {
        row(
            &mut nodes,
            &leaders,
            Row::Subject(Tier::Leadership),
            y,
            SUBJECT_R,
        );
        y += ROW_GAP;
    }
    // The main power in the centre, side by side when there are several.
    let pitch = 2.0 * SUBJECT_R + MIN_GAP;
    let half = (mains.len().max(1) - 1) as f64 * pitch / 2.0;
    let arcs = if mains.is_empty() {
        None
    } else {
        around(
            Point {
                x: WIDTH / 2.0,
                y: y + 120.0,
            },
            half,
            aux.len(),
        )
    };
    match arcs {
        Some((points, r)) => {
            y += 120.0;
            nodes.extend(mains.iter().enumerate().map(|(i, id)| Node {
                id: id.clone(),
                row: Row::Subject(Tier::Main),
                at: Point {
                    x: WIDTH / 2.0 - half + i as f64 * pitch,
                    y,
                },
                r: SUBJECT_R,
            }));
            nodes.extend(aux.iter().zip(points).map(|(id, at)| Node {
                id: id.clone(),
                row: Row::Subject(Tier::Auxiliary),
                at,
                r,
            }));
            y += 260.0;
        }
        None => {
            for (ids, tier) in [(&mains, Tier::Main), (&aux, Tier::Auxiliary)] {
                if !ids.is_empty() {
                    row(&mut nodes, ids, Row::Subject(tier), y, SUBJECT_R);
                    y += ROW_GAP;
                }
            }
        }
    }
    for (ids, r, base) in [
        (&objects, Row::Object, OBJECT_R),
        (&absent, Row::Subject(Tier::Absent), SUBJECT_R),
    ] {
        if !ids.is_empty() {
            row(&mut nodes, ids, r, y, base);
            y += ROW_GAP;
        }
    }
    let height = y - ROW_GAP + TOP;

    // Who holds the main responsibility for each object, and every other role on it; counted by
    // subject index (no string keys in the hot loop, which is cubic on large workbooks).
    let n_subjects = wb.subjects.len();
    let mut counts: std::collections::BTreeMap<(usize, usize, Relation), usize> =
        Default::default();
    let object_at = |i: usize| n_subjects + i;
    for (oi, o) in wb.objects.iter().enumerate() {
        let roles: Vec<(usize, &Role)> = wb
            .subjects
            .iter()
            .enumerate()
            .filter_map(|(si, s)| {
                let r = model
                    .cell(&s.id, &o.id)?
                    .role
                    .as_ref()
                    .and_then(|r| wb.role(r))?;
                Some((si, r))
            })
            .collect();
        for (holder, _) in roles.iter().filter(|(_, r)| r.main) {
            *counts
                .entry((*holder, object_at(oi), Relation::Main))
                .or_default() += 1;
            for (other, r) in roles.iter().filter(|(s, _)| s != holder) {
                let relation = if r.leadership {
                    Relation::Leads
                } else if r.supervision {
                    Relation::Supervises
                } else if r.auxiliary {
                    Relation::Assists
                } else {
                    continue;
                };
                *counts.entry((*other, *holder, relation)).or_default() += 1;
            }
        }
    }
    let id_at = |i: usize| -> &Id {
        if i < n_subjects {
            &wb.subjects[i].id
        } else {
            &wb.objects[i - n_subjects].id
        }
    };
    let by_id: std::collections::HashMap<&str, &Node> =
        nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut arrows: Vec<Arrow> = counts
        .into_iter()
        .filter_map(|((from, to, relation), count)| {
            let (from, to) = (id_at(from), id_at(to));
            let (a, b) = (by_id.get(from.as_str())?, by_id.get(to.as_str())?);
            // Two relations between the same pair leave at slightly different angles.
            let turn = match relation {
                Relation::Supervises => 0.22,
                Relation::Leads => -0.22,
                _ => 0.0,
            };
            Some(Arrow {
                start: on_border(a.at, a.r, b.at, turn),
                end: on_border(b.at, b.r, a.at, -turn),
                from: from.clone(),
                to: to.clone(),
                relation,
                count,
            })
        })
        .collect();
    order::sort_by(&mut arrows, |a, b| {
        (&a.from, &a.to, a.relation).cmp(&(&b.from, &b.to, b.relation))
    });
    Structure {
        width: WIDTH,
        height,
        nodes,
        arrows,
    }
}
