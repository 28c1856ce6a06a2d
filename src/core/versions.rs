//! Kept versions of the autosaved workbook: which earlier saves to keep, and for how long.
//!
//! Autosave overwrites one copy of the workbook; a mistake saved over good work (a deleted
//! model, a file opened over the workbook) would then be final once the page is reloaded and
//! the undo history is gone. So, now and then, the copy being replaced is kept as a version:
//! when the newest kept version is at least [`EVERY_MS`] older than it, and always the first
//! time a page session saves over what it started with. The newest [`KEEP`] are kept.
//!
//! This module only decides; the index of versions (their save times, in milliseconds since
//! the Unix epoch) is stored next to them, and written in the same storage transaction as the
//! version itself, so the two never disagree.

/// How many versions are kept.
pub const KEEP: usize = 10;
/// The least time between two kept versions, in milliseconds (five minutes).
pub const EVERY_MS: i64 = 5 * 60 * 1000;

/// The kept versions' save times, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions {
    times: Vec<i64>,
}

/// What to write when keeping a version: its time, and the versions it pushes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    /// The new version's time (when the kept text was saved).
    pub time: i64,
    /// Versions to delete, oldest first.
    pub drop: Vec<i64>,
    /// The index after the change.
    pub after: Versions,
}

impl Versions {
    /// The index as stored (a JSON array of times); anything unreadable is an empty index, so
    /// a damaged index costs the list of old versions, never a save.
    pub fn parse(text: &str) -> Versions {
        let mut times: Vec<i64> = serde_json::from_str(text).unwrap_or_default();
        times.sort_unstable();
        times.dedup();
        Versions { times }
    }

    /// The index as stored.
    pub fn to_text(&self) -> String {
        serde_json::to_string(&self.times).unwrap_or_else(|_| "[]".into())
    }

    /// The kept times, newest first (as a list shows them).
    pub fn newest_first(&self) -> impl Iterator<Item = i64> + '_ {
        self.times.iter().rev().copied()
    }

    /// How many versions are kept.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// True when no version is kept.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// Whether the text saved at `saved` should be kept as a version now that a save replaces
    /// it; `first` is true for the first save of a page session.
    pub fn due(&self, saved: i64, first: bool) -> Option<Keep> {
        let newest = self.times.last().copied();
        if newest == Some(saved) {
            return None;
        }
        let long_ago = newest.is_none_or(|n| saved - n >= EVERY_MS);
        (first || long_ago).then(|| self.with(saved))
    }

    /// The index with `time` added and the oldest beyond [`KEEP`] dropped.
    pub fn with(&self, time: i64) -> Keep {
        let mut times = self.times.clone();
        if let Err(i) = times.binary_search(&time) {
            times.insert(i, time);
        }
        let excess = times.len().saturating_sub(KEEP);
        let drop = times.drain(..excess).collect();
        Keep {
            time,
            drop,
            after: Versions { times },
        }
    }

    /// The index without `time`.
    pub fn without(&self, time: i64) -> Versions {
        Versions {
            times: self.times.iter().copied().filter(|t| *t != time).collect(),
        }
    }
}

/// The storage key of the version saved at `time`.
pub fn key(time: i64) -> String {
    format!("cogovern.version.{time}")
}
