//! The activity timer of a workshop: set minutes, start, pause, reset; the time is passed in
//! (milliseconds on any clock that does not jump), so the timer is tested without waiting.

/// The most minutes an activity may be set to.
pub const MAX_MINUTES: u32 = 180;

/// A countdown that can be paused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timer {
    /// The activity's length, in milliseconds.
    pub length: f64,
    /// When it was last started, while it runs.
    pub started: Option<f64>,
    /// Time already run before that start (the pauses' sum of running spans).
    pub run: f64,
}

impl Default for Timer {
    fn default() -> Timer {
        Timer::new(10)
    }
}

impl Timer {
    /// A stopped timer of `minutes` (1 to `MAX_MINUTES`).
    pub fn new(minutes: u32) -> Timer {
        Timer {
            length: f64::from(minutes.clamp(1, MAX_MINUTES)) * 60_000.0,
            started: None,
            run: 0.0,
        }
    }

    /// True while it counts down.
    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    /// Milliseconds run by `now`.
    fn elapsed(&self, now: f64) -> f64 {
        self.run + self.started.map_or(0.0, |s| (now - s).max(0.0))
    }

    /// Milliseconds left at `now` (0 once the time is up).
    pub fn remaining(&self, now: f64) -> f64 {
        (self.length - self.elapsed(now)).max(0.0)
    }

    /// True once the whole length has run.
    pub fn done(&self, now: f64) -> bool {
        self.remaining(now) <= 0.0
    }

    /// Starts or resumes at `now` (a finished timer starts again from the full length).
    pub fn start(&mut self, now: f64) {
        if self.done(now) {
            self.reset();
        }
        if self.started.is_none() {
            self.started = Some(now);
        }
    }

    /// Pauses at `now`, keeping the time run.
    pub fn pause(&mut self, now: f64) {
        self.run = self.elapsed(now).min(self.length);
        self.started = None;
    }

    /// Back to the full length, stopped.
    pub fn reset(&mut self) {
        self.run = 0.0;
        self.started = None;
    }

    /// Sets the length to `minutes` and resets.
    pub fn set_minutes(&mut self, minutes: u32) {
        *self = Timer::new(minutes);
    }

    /// The whole minutes of the length.
    pub fn minutes(&self) -> u32 {
        (self.length / 60_000.0).round() as u32
    }

    /// The time left at `now` as `m:ss`, rounded up to the second (so "0:00" means done).
    pub fn label(&self, now: f64) -> String {
        let secs = (self.remaining(now) / 1000.0).ceil() as u64;
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}
