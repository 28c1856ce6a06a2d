//! The activity timer, in the header and in present mode: set minutes, start, pause, reset,
//! and a signal at the end that does not rely on colour or sound.

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use crate::core::timer::{Timer, MAX_MINUTES};
use crate::i18n::K;
use crate::ui::session::{ctx, Ctx};

/// Milliseconds on the page's monotonic clock.
fn clock() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Ticks `c.clock` four times a second while the timer runs, and stops the timer, saying so,
/// when its time is up.
pub fn install(c: Ctx) {
    let ticker = StoredValue::new_local(None::<Interval>);
    Effect::new(move |_| {
        if !c.timer.with(Timer::running) {
            ticker.set_value(None);
            return;
        }
        c.clock.set(clock());
        ticker.set_value(Some(Interval::new(250, move || {
            let now = clock();
            c.clock.set(now);
            if c.timer.with_untracked(|t| t.done(now)) {
                c.timer.update(|t| t.pause(now));
                c.say(c.t_untracked(K::TimeUp), false);
            }
        })));
    });
}

/// The timer's controls and the time left.
#[component]
pub fn ActivityTimer() -> impl IntoView {
    let c = ctx();
    let t = c.timer;
    let running = move || t.with(Timer::running);
    let finished = move || {
        let now = c.clock.get();
        t.with(|t| !t.running() && t.run > 0.0 && t.done(now))
    };
    let label = move || t.with(|t| t.label(c.clock.get()));
    let toggle = move |_| {
        let now = clock();
        c.clock.set(now);
        t.update(|t| {
            if t.running() {
                t.pause(now)
            } else {
                t.start(now)
            }
        });
    };
    view! {
        <details class="timer" data-testid="timer">
            <summary data-testid="timer-toggle">
                <span class="sr-only">{move || c.t(K::Timer)}</span>
                <span aria-hidden="true">"⏱ "</span>
                <span role="timer" data-testid="timer-time" class="timer-time" class:done=finished>{label}</span>
            </summary>
            <div class="timer-controls" role="group" aria-label=move || c.t(K::Timer)>
                <label>
                    <span>{move || c.t(K::TimerMinutes)}</span>
                    <input type="number" min="1" max=MAX_MINUTES.to_string() data-testid="timer-minutes"
                        prop:value=move || t.with(Timer::minutes).to_string()
                        on:change=move |e| {
                            if let Ok(m) = event_target_value(&e).trim().parse::<u32>() {
                                t.update(|t| t.set_minutes(m));
                            }
                        }/>
                </label>
                <button data-testid="timer-start" on:click=toggle>
                    {move || c.t(if running() { K::TimerPause } else { K::TimerStart })}
                </button>
                <button data-testid="timer-reset" on:click=move |_| t.update(Timer::reset)>{move || c.t(K::TimerReset)}</button>
            </div>
            <Show when=finished>
                <p class="time-up" role="alert" data-testid="time-up">{move || c.t(K::TimeUp)}</p>
            </Show>
        </details>
    }
}
