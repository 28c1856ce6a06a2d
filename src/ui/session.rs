//! The one signal that owns the document, and `dispatch`, the only way to change it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::core::commands::{CellRef, Command, CommandError};
use crate::core::history::{History, Label};
use crate::core::model::{Id, Lang, Workbook};
use crate::core::timer::Timer;
use crate::core::workshop::Outcome;
use crate::i18n::{self, K};
use crate::ui::present::Presenting;
use crate::ui::share::{Incoming, Share};

/// The views of the main area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Responsibility matrix.
    Matrix,
    /// Diagrams.
    Diagram,
    /// Metrics and checklist of one model.
    Analysis,
    /// Compare two models.
    Compare,
    /// Transition plans.
    Plan,
    /// Stages of the traditional model.
    Timeline,
    /// Figure 1 data.
    Data,
    /// Workshop rounds: answering, collecting, agreement.
    Workshop,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 8] = [
        View::Matrix,
        View::Diagram,
        View::Analysis,
        View::Compare,
        View::Plan,
        View::Timeline,
        View::Data,
        View::Workshop,
    ];

    /// Stable name, used in storage and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            View::Matrix => "matrix",
            View::Diagram => "diagram",
            View::Analysis => "analysis",
            View::Compare => "compare",
            View::Plan => "plan",
            View::Timeline => "timeline",
            View::Data => "data",
            View::Workshop => "workshop",
        }
    }

    /// The view named `slug`.
    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The tab's label.
    pub fn label(self) -> K {
        match self {
            View::Matrix => K::TabMatrix,
            View::Diagram => K::TabDiagram,
            View::Analysis => K::TabAnalysis,
            View::Compare => K::TabCompare,
            View::Plan => K::TabPlan,
            View::Timeline => K::TabTimeline,
            View::Data => K::TabData,
            View::Workshop => K::TabWorkshop,
        }
    }
}

/// The open workbook with its history and the model being edited.
#[derive(Debug, Clone)]
pub struct Session {
    /// The document.
    pub wb: Workbook,
    /// Its undo/redo history.
    pub history: History,
    /// Id of the model shown.
    pub model: Id,
    /// Counts the changes to the document other than pinning a diagram node (see
    /// `Ctx::content`).
    pub content: u64,
    /// The cells that the last change of `content` changed, when it changed nothing else (a
    /// cell edit); `None` when it may have changed anything.
    touched: Option<Vec<CellRef>>,
}

impl Session {
    /// A session on `wb`, showing `model` if it exists, else the first model.
    pub fn new(wb: Workbook, model: Option<Id>) -> Session {
        let mut s = Session {
            wb,
            history: History::default(),
            model: String::new(),
            content: 0,
            touched: None,
        };
        s.model = model.unwrap_or_default();
        s.fix_model();
        s
    }

    /// Where the document stands for a view that reads it: its content stamp and the model
    /// shown. Keep it with what the view computed and pass it to `cells_since` next time.
    pub fn mark(&self) -> (u64, Id) {
        (self.content, self.model.clone())
    }

    /// The cells of the model shown that alone changed since `mark`: none when only nodes
    /// were pinned, the edited ones after one cell edit, `None` when anything may have changed
    /// (another model shown, several changes since, or one that was not a cell edit). Lets a
    /// view that reads many cells skip the work a keystroke elsewhere does not need.
    pub fn cells_since(&self, (seen, model): &(u64, Id)) -> Option<impl Iterator<Item = &CellRef>> {
        if *model != self.model {
            return None;
        }
        let cells = if self.content == *seen {
            &[]
        } else if self.content == seen.wrapping_add(1) {
            self.touched.as_deref()?
        } else {
            return None;
        };
        Some(cells.iter().filter(|x| x.model == self.model))
    }

    /// Keeps `model` pointing at an existing model.
    fn fix_model(&mut self) {
        if self.wb.model(&self.model).is_none() {
            self.model = self
                .wb
                .models
                .first()
                .map(|m| m.id.clone())
                .unwrap_or_default();
        }
    }
}

/// A message shown in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// True for errors.
    pub error: bool,
}

/// Everything the components share, cheap to copy.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The document and its history.
    pub session: RwSignal<Session>,
    /// `Session::content`: changes whenever the document changes in anything but where diagram
    /// nodes are pinned (read it through `with_content`).
    pub content: Memo<u64>,
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// Current view.
    pub view: RwSignal<View>,
    /// Status message.
    pub notice: RwSignal<Option<Notice>>,
    /// The round the Workshop tab shows, set by whatever adds a round or collects into one.
    pub round: RwSignal<Option<Id>>,
    /// The report of the last files offered to a round, with the round's id.
    pub report: RwSignal<Option<(Id, Report)>>,
    /// The share dialog, when open, and what it shares.
    pub share: RwSignal<Option<Share>>,
    /// What an opened share link holds, while the user decides.
    pub incoming: RwSignal<Option<Incoming>>,
    /// A round just opened here to be answered (from a link or a round file): its answer is
    /// brought into view, once, when the Workshop tab draws it.
    pub to_answer: RwSignal<Option<Id>>,
    /// The activity timer.
    pub timer: RwSignal<Timer>,
    /// The presentation under way, if any.
    pub present: RwSignal<Option<Presenting>>,
    /// The page clock (milliseconds), ticking while the timer runs.
    pub clock: RwSignal<f64>,
}

/// One line per file offered to a round: (file name, what happened).
pub type Report = Vec<(String, Outcome)>;

/// Now, from the browser's clock (the core never reads one).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

impl Ctx {
    /// Applies `cmd` through the history: the one path by which the document changes.
    pub fn dispatch(&self, cmd: Command) -> Result<(), CommandError> {
        let now = now();
        // An opened file keeps its own times, so export after import gives the same bytes.
        let stamp = !matches!(cmd, Command::ReplaceWorkbook(_));
        let pins = cmd.only_pins();
        let cells: Option<Vec<CellRef>> =
            cmd.cells_only().map(|v| v.into_iter().cloned().collect());
        let mut result = Ok(());
        self.session.update(|s| {
            result = s.history.apply(&mut s.wb, cmd, now);
            if result.is_ok() && stamp {
                s.wb.meta.modified = now;
            }
            if result.is_ok() {
                if !pins {
                    s.content += 1;
                    s.touched = cells;
                }
                s.fix_model();
            }
        });
        if let Err(e) = &result {
            self.notice.set(Some(Notice {
                text: e.to_string(),
                error: true,
            }));
        }
        result
    }

    /// Undoes the last step.
    pub fn undo(&self) {
        self.step(true);
    }

    /// Redoes the last undone step.
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, undo: bool) {
        let mut outcome: Option<Result<Label, CommandError>> = None;
        self.session.update(|s| {
            outcome = if undo {
                s.history.undo(&mut s.wb)
            } else {
                s.history.redo(&mut s.wb)
            };
            // An undone move may unpin a node: count every step as a change of content, one
            // that may have changed anything.
            s.content += 1;
            s.touched = None;
            s.fix_model();
        });
        if let Some(Err(e)) = outcome {
            self.notice.set(Some(Notice {
                text: e.to_string(),
                error: true,
            }));
        }
    }

    /// Reads the session through `f`, tracking only `content`: for views that draw no node
    /// positions, so that a drop in the network does not rebuild them.
    pub fn with_content<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        self.content.track();
        self.session.with_untracked(f)
    }

    /// Ends a run of coalescing edits (a field lost focus, a drag ended).
    pub fn seal(&self) {
        self.session.update_untracked(|s| s.history.seal());
    }

    /// The string of `key` in the current language (reactive).
    pub fn t(&self, key: K) -> String {
        key.get(self.lang.get()).to_string()
    }

    /// A template of `key` filled with `args`, in the current language (reactive).
    pub fn tf(&self, key: K, args: &[(&str, &str)]) -> String {
        i18n::tr(self.lang.get(), key, args)
    }

    /// The string of `key` in the current language, outside any reactive scope.
    pub fn t_untracked(&self, key: K) -> String {
        key.get(self.lang.get_untracked()).to_string()
    }

    /// A template filled in the current language, outside any reactive scope (event handlers).
    pub fn tf_untracked(&self, key: K, args: &[(&str, &str)]) -> String {
        i18n::tr(self.lang.get_untracked(), key, args)
    }

    /// Shows a status message.
    pub fn say(&self, text: String, error: bool) {
        self.notice.set(Some(Notice { text, error }));
    }
}

/// The shared context; panics only if called outside the app.
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A signal that follows `f` (which reads the document) and notifies its readers only when the
/// value really changes.
///
/// Unlike a memo, a change of the document does not mark every reader for checking first.
/// With a memo read by each of the N² cells of a matrix (names, the role scale), that marking
/// alone wakes N² effects on every keystroke; here one effect runs and, usually, nothing else.
pub fn project<T>(f: impl Fn() -> T + Send + Sync + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let out = RwSignal::new(untrack(&f));
    Effect::new(move |_| {
        let value = f();
        if out.with_untracked(|old| old != &value) {
            out.set(value);
        }
    });
    out.read_only()
}
