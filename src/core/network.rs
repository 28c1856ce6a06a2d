//! Geometry of the governance network, pure and deterministic: subjects in a column on the
//! left, objects in a column on the right, one edge for every non-empty matrix cell.
//!
//! Positions a user dragged are kept in the model's `layout` and win over the automatic ones.
//! The automatic layout orders subjects by tier (the leadership layer first) and each object
//! by the mean position of the subjects that govern it, which keeps most edges short and
//! uncrossed on the paper's models; ties fall back to workbook order, so it never varies.

use std::collections::{BTreeMap, HashMap};

use super::diagram::on_border;
use super::model::*;
use super::order;

/// Horizontal centre of the subject column, in diagram units.
pub const SUBJECT_X: f64 = 260.0;
/// Horizontal centre of the object column.
pub const OBJECT_X: f64 = 740.0;
/// Vertical distance between neighbours of a column.
pub const STEP: f64 = 72.0;
/// Top margin above the first node.
const TOP: f64 = 60.0;
/// Smallest node radius (no responsibility at all).
pub const MIN_R: f64 = 12.0;
/// Largest node radius (the largest weighted responsibility of the model).
pub const MAX_R: f64 = 30.0;
/// Room kept around the nodes for their labels, left and right.
const LABEL_ROOM: f64 = 300.0;
/// Room kept above and below the nodes.
const MARGIN: f64 = 50.0;

/// Which column a node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// A governance subject.
    Subject,
    /// A governance object.
    Object,
}

/// How an edge is drawn: by the role's flags, so style carries meaning, never colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeStyle {
    /// Main responsibility: solid and thick.
    Main,
    /// Leadership: solid with a double line.
    Leads,
    /// Supervision: dotted.
    Supervises,
    /// Assisting: dashed.
    Assists,
    /// Any other role, or a cell without a role: thin solid.
    Other,
}

impl EdgeStyle {
    /// The style for a cell with `role` (main wins over leadership, supervision and assisting).
    pub fn of(role: Option<&Role>) -> EdgeStyle {
        match role {
            Some(r) if r.main => EdgeStyle::Main,
            Some(r) if r.leadership => EdgeStyle::Leads,
            Some(r) if r.supervision => EdgeStyle::Supervises,
            Some(r) if r.auxiliary => EdgeStyle::Assists,
            _ => EdgeStyle::Other,
        }
    }
}

/// A node of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Subject or object id.
    pub id: Id,
    /// Its column.
    pub side: Side,
    /// Centre.
    pub at: Point,
    /// Radius: grows with the weighted responsibility, against the largest of its column.
    pub r: f64,
    /// Sum of the role weights of the subject's cells (objects: of the cells on them).
    pub weight: f64,
    /// True when the user placed it (it is in the model's layout).
    pub pinned: bool,
}

/// An edge: one non-empty matrix cell.
#[derive(Debug, Clone, PartialEq)]
pub struct NetEdge {
    /// Subject id.
    pub subject: Id,
    /// Object id.
    pub object: Id,
    /// Role id, if the cell has one.
    pub role: Option<Id>,
    /// How it is drawn.
    pub style: EdgeStyle,
    /// The cell uses a method of governance by law.
    pub law: bool,
    /// The cell uses a method of governance by morals.
    pub morals: bool,
    /// Start, on the subject's border.
    pub start: Point,
    /// End, on the object's border.
    pub end: Point,
}

/// The laid-out network.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Left edge of the area to show (labels included).
    pub min: Point,
    /// Right and bottom edge of the area to show.
    pub max: Point,
    /// Subjects in workbook order, then objects.
    pub nodes: Vec<NetNode>,
    /// Edges in workbook order of subjects, then objects.
    pub edges: Vec<NetEdge>,
}

impl Network {
    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&NetNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Each node's place and whether it is pinned once `pins` (the model's layout now) hold:
    /// what `network` would give after commands that only pin nodes (`Command::only_pins`),
    /// without building the edges again.
    pub fn placed(&self, pins: &BTreeMap<Id, Point>) -> HashMap<Id, (Point, bool)> {
        self.nodes
            .iter()
            .map(|n| {
                let at = pins.get(&n.id).map_or((n.at, n.pinned), |p| (*p, true));
                (n.id.clone(), at)
            })
            .collect()
    }
}

/// The area that shows nodes at `points` with their labels: its top left and bottom right
/// corners (never smaller than the two columns' tops).
pub fn extent(points: impl IntoIterator<Item = Point>) -> (Point, Point) {
    let (mut min, mut max) = (
        Point {
            x: SUBJECT_X,
            y: TOP,
        },
        Point {
            x: OBJECT_X,
            y: TOP,
        },
    );
    for at in points {
        min.x = min.x.min(at.x);
        min.y = min.y.min(at.y);
        max.x = max.x.max(at.x);
        max.y = max.y.max(at.y);
    }
    (
        Point {
            x: min.x - LABEL_ROOM,
            y: min.y - MARGIN,
        },
        Point {
            x: max.x + LABEL_ROOM,
            y: max.y + MARGIN,
        },
    )
}

/// Weighted responsibility of every subject and object: the sum of the role weights of its cells.
pub fn weights(wb: &Workbook, model: &Model) -> HashMap<Id, f64> {
    let role_weight: HashMap<&str, f64> = wb
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.weight.max(0.0)))
        .collect();
    let mut w: HashMap<Id, f64> = HashMap::new();
    for (s, o, cell) in model.iter_cells() {
        let x = cell
            .role
            .as_deref()
            .and_then(|r| role_weight.get(r))
            .copied()
            .unwrap_or(0.0);
        *w.entry(s.clone()).or_default() += x;
        *w.entry(o.clone()).or_default() += x;
    }
    w
}

/// Radius for a weight, `MIN_R` at zero and `MAX_R` at the largest weight (area grows linearly).
pub fn radius(weight: f64, largest: f64) -> f64 {
    if largest <= 0.0 {
        return MIN_R;
    }
    MIN_R + (MAX_R - MIN_R) * (weight.max(0.0) / largest).min(1.0).sqrt()
}

fn column<'a>(ids: &'a [&'a Id], x: f64) -> impl Iterator<Item = (Id, Point)> + 'a {
    ids.iter().enumerate().map(move |(i, id)| {
        (
            (*id).clone(),
            Point {
                x,
                y: TOP + i as f64 * STEP,
            },
        )
    })
}

/// The automatic layout of `model`: deterministic, one column each, never overlapping.
pub fn auto_layout(wb: &Workbook, model: &Model) -> BTreeMap<Id, Point> {
    let subjects: Vec<&Id> = model.rows(wb).into_iter().map(|(x, _)| &x.id).collect();
    let subject_row: HashMap<&str, usize> = subjects
        .iter()
        .enumerate()
        .map(|(row, id)| (id.as_str(), row))
        .collect();
    // Each object at the mean row of the subjects with a cell on it; unconnected ones last.
    let mut objects: Vec<(f64, usize, &Id)> = wb
        .objects
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let rows: Vec<f64> = model
                .cells
                .iter()
                .filter(|(_, row)| row.contains_key(&o.id))
                .filter_map(|(s, _)| subject_row.get(s.as_str()).map(|r| *r as f64))
                .collect();
            let mean = if rows.is_empty() {
                f64::MAX
            } else {
                rows.iter().sum::<f64>() / rows.len() as f64
            };
            (mean, i, &o.id)
        })
        .collect();
    order::sort_by(&mut objects, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let s_ids = subjects;
    let o_ids: Vec<&Id> = objects.iter().map(|x| x.2).collect();
    // Centre the shorter column against the longer one.
    let offset = |n: usize, m: usize| (m.max(n) - n) as f64 * STEP / 2.0;
    let (so, oo) = (
        offset(s_ids.len(), o_ids.len()),
        offset(o_ids.len(), s_ids.len()),
    );
    column(&s_ids, SUBJECT_X)
        .map(|(id, p)| {
            (
                id,
                Point {
                    x: p.x,
                    y: p.y + so,
                },
            )
        })
        .chain(column(&o_ids, OBJECT_X).map(|(id, p)| {
            (
                id,
                Point {
                    x: p.x,
                    y: p.y + oo,
                },
            )
        }))
        .collect()
}

/// The two ends of an edge between circles (`a`, `ra`) and (`b`, `rb`), on their borders.
pub fn edge_ends(a: Point, ra: f64, b: Point, rb: f64) -> (Point, Point) {
    (on_border(a, ra, b, 0.0), on_border(b, rb, a, 0.0))
}

/// Lays out the network of `model`: the user's positions where it has them, the automatic
/// layout elsewhere.
pub fn network(wb: &Workbook, model: &Model) -> Network {
    let auto = auto_layout(wb, model);
    let w = weights(wb, model);
    // Each column is scaled on its own: subjects against subjects, objects against objects.
    let largest = |ids: &mut dyn Iterator<Item = &Id>| {
        ids.filter_map(|id| w.get(id)).copied().fold(0.0, f64::max)
    };
    let largest_subject = largest(&mut wb.subjects.iter().map(|s| &s.id));
    let largest_object = largest(&mut wb.objects.iter().map(|o| &o.id));
    let node = |id: &Id, side| {
        let weight = w.get(id).copied().unwrap_or(0.0);
        let largest = match side {
            Side::Subject => largest_subject,
            Side::Object => largest_object,
        };
        let pinned = model.layout.get(id);
        NetNode {
            id: id.clone(),
            side,
            at: pinned
                .or_else(|| auto.get(id))
                .copied()
                .unwrap_or(Point { x: 0.0, y: 0.0 }),
            r: radius(weight, largest),
            weight,
            pinned: pinned.is_some(),
        }
    };
    let nodes: Vec<NetNode> = wb
        .subjects
        .iter()
        .map(|s| node(&s.id, Side::Subject))
        .chain(wb.objects.iter().map(|o| node(&o.id, Side::Object)))
        .collect();
    let index: HashMap<&str, &NetNode> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let family: HashMap<&str, MethodFamily> = wb
        .methods
        .iter()
        .map(|m| (m.id.as_str(), m.family))
        .collect();
    let mut edges = Vec::new();
    for s in &wb.subjects {
        for o in &wb.objects {
            let Some(cell) = model.cell(&s.id, &o.id) else {
                continue;
            };
            let (Some(a), Some(b)) = (index.get(s.id.as_str()), index.get(o.id.as_str())) else {
                continue;
            };
            let uses = |f| {
                cell.methods
                    .iter()
                    .any(|m| family.get(m.as_str()) == Some(&f))
            };
            let (start, end) = edge_ends(a.at, a.r, b.at, b.r);
            edges.push(NetEdge {
                subject: s.id.clone(),
                object: o.id.clone(),
                role: cell.role.clone(),
                style: EdgeStyle::of(cell.role.as_deref().and_then(|r| wb.role(r))),
                law: uses(MethodFamily::Law),
                morals: uses(MethodFamily::Morals),
                start,
                end,
            });
        }
    }
    let (min, max) = extent(nodes.iter().map(|n| n.at));
    Network {
        min,
        max,
        nodes,
        edges,
    }
}
