//! Native tests of the activity timer, on a clock the test moves.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::timer::{Timer, MAX_MINUTES};

const MIN: f64 = 60_000.0;

#[test]
fn it_counts_down_pauses_resumes_and_ends() {
    let mut t = Timer::new(5);
    assert_eq!(t.label(0.0), "5:00");
    assert!(!t.running());
    t.start(1000.0);
    assert_eq!(t.label(1000.0 + 1.5 * MIN), "3:30");
    t.pause(1000.0 + 2.0 * MIN);
    // Paused: the clock moves, the timer does not.
    assert_eq!(t.label(1000.0 + 30.0 * MIN), "3:00");
    t.start(100.0 * MIN);
    assert!(!t.done(100.0 * MIN + 2.9 * MIN));
    assert_eq!(
        t.label(100.0 * MIN + 3.0 * MIN - 400.0),
        "0:01",
        "rounded up"
    );
    assert!(t.done(100.0 * MIN + 3.0 * MIN));
    assert_eq!(t.label(200.0 * MIN), "0:00");
    assert_eq!(t.remaining(200.0 * MIN), 0.0);
}

#[test]
fn starting_a_finished_timer_starts_it_over_and_reset_stops_it() {
    let mut t = Timer::new(1);
    t.start(0.0);
    assert!(t.done(MIN));
    t.start(2.0 * MIN);
    assert_eq!(t.label(2.0 * MIN), "1:00");
    assert!(t.running());
    t.reset();
    assert!(!t.running());
    assert_eq!(t.label(10.0 * MIN), "1:00");
    // Starting twice does not restart the count.
    t.start(0.0);
    t.start(30_000.0);
    assert_eq!(t.label(30_000.0), "0:30");
}

#[test]
fn minutes_are_kept_within_one_to_the_maximum() {
    assert_eq!(Timer::new(0).minutes(), 1);
    assert_eq!(Timer::new(10_000).minutes(), MAX_MINUTES);
    let mut t = Timer::new(3);
    t.start(0.0);
    t.set_minutes(7);
    assert!(!t.running());
    assert_eq!(t.label(MIN), "7:00");
    // A clock that goes backwards never adds time.
    let mut t = Timer::new(2);
    t.start(10.0 * MIN);
    assert_eq!(t.label(9.0 * MIN), "2:00");
}
