//! Native tests of the core: which rows and columns of a large matrix are drawn.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::window::{Axis, Span, MARGIN, STEP};

fn axis(count: usize, offset: f64, extent: f64) -> Axis {
    Axis {
        count,
        item: 40.0,
        offset,
        extent,
    }
}

#[test]
fn a_short_list_is_drawn_whole() {
    let a = axis(6, 0.0, 600.0);
    assert_eq!(a.span(), Span { first: 0, end: 6 });
    assert_eq!(a.padding(a.span()), (0.0, 0.0));
}

#[test]
fn a_list_hardly_longer_than_the_screen_is_drawn_whole_wherever_it_is_scrolled() {
    // 15 rows on screen: up to 15 + 2 × (STEP + MARGIN) rows are drawn whole, at any offset.
    let most = 15 + 2 * (STEP + MARGIN);
    for offset in [0.0, 333.0, (most - 15) as f64 * 40.0] {
        let a = axis(most, offset, 600.0);
        assert_eq!(
            a.span(),
            Span {
                first: 0,
                end: most
            },
            "at {offset}"
        );
        assert_eq!(a.padding(a.span()), (0.0, 0.0));
    }
    // One more, scrolled to its end, is a window again: its first rows are not drawn.
    let a = axis(most + 1, (most + 1 - 15) as f64 * 40.0, 600.0);
    assert!(a.span().first > 0, "{:?}", a.span());
}

#[test]
fn a_long_list_draws_the_screen_and_a_margin_on_each_side() {
    // 200 rows of 40 px, scrolled to row 100, 15 rows on screen.
    let a = axis(200, 4000.0, 600.0);
    let s = a.span();
    assert!(s.first <= 100 - MARGIN && s.end >= 115 + MARGIN, "{s:?}");
    assert!(s.len() <= 15 + 2 * (STEP + MARGIN), "{s:?} draws too much");
    let (before, after) = a.padding(s);
    // The spacers and the drawn rows together are as tall as the whole list.
    assert_eq!(before + s.len() as f64 * 40.0 + after, 200.0 * 40.0);
}

#[test]
fn scrolling_within_a_step_draws_the_same_span() {
    let spans: Vec<Span> = (0..STEP as u32 * 40)
        .map(|px| axis(200, 3200.0 + f64::from(px) / 2.0, 600.0).span())
        .collect();
    // Half a step of scrolling changes the drawn span at most once.
    let changes = spans.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(changes <= 1, "{changes} changes");
}

#[test]
fn the_span_never_leaves_the_list() {
    for offset in [-500.0, 0.0, 7999.0, 8000.0, 1e9] {
        let s = axis(200, offset, 600.0).span();
        assert!(s.first <= s.end && s.end <= 200, "{offset}: {s:?}");
    }
    assert!(axis(0, 0.0, 600.0).span().is_empty());
    // An unmeasured viewport or a zero item size still draws something sensible.
    assert_eq!(
        axis(200, 0.0, 0.0).span(),
        Span {
            first: 0,
            end: 2 * STEP + MARGIN
        }
    );
    let odd = Axis {
        item: 0.0,
        ..axis(50, 0.0, 10.0)
    };
    assert!(!odd.span().is_empty());
}

#[test]
fn reveal_moves_as_little_as_possible() {
    let a = axis(200, 4000.0, 600.0);
    // On screen already: stays.
    assert_eq!(a.reveal(105), 4000.0);
    // Above: its top becomes the top.
    assert_eq!(a.reveal(90), 3600.0);
    // Below: its bottom becomes the bottom.
    assert_eq!(a.reveal(120), 121.0 * 40.0 - 600.0);
    // Partly hidden at the bottom edge counts as below.
    assert_eq!(a.reveal(114), 115.0 * 40.0 - 600.0);
    // Revealed, the item is inside the drawn span.
    for i in [0, 57, 199] {
        let b = Axis {
            offset: a.reveal(i),
            ..a
        };
        assert!(b.span().contains(i), "{i}");
        let b = Axis {
            offset: axis(200, 0.0, 600.0).reveal(i),
            ..a
        };
        assert!(b.span().contains(i), "{i} from the top");
    }
}

#[test]
fn a_page_is_the_whole_rows_on_screen() {
    assert_eq!(axis(200, 0.0, 600.0).page(), 15);
    assert_eq!(axis(200, 0.0, 10.0).page(), 1);
}

#[test]
fn the_first_item_shown_is_the_first_whole_one() {
    assert_eq!(axis(200, 0.0, 600.0).first_shown(), 0);
    assert_eq!(axis(200, 4000.0, 600.0).first_shown(), 100);
    // Row 100 is partly scrolled away: the first whole one is 101.
    assert_eq!(axis(200, 4010.0, 600.0).first_shown(), 101);
    assert_eq!(axis(200, 1e9, 600.0).first_shown(), 199);
    assert_eq!(axis(0, 100.0, 600.0).first_shown(), 0);
}

#[test]
fn a_drawn_span_catches_up_a_few_items_at_a_time_and_covers_the_screen_throughout() {
    // Scrolled to row 110, with the span drawn for a few rows higher up: it still covers the
    // screen, so it may catch up step by step.
    let after = axis(200, 4400.0, 600.0);
    let want = after.span();
    let mut drawn = Span {
        first: want.first - MARGIN,
        end: want.end - MARGIN,
    };
    assert!(drawn.covers(after.shown()));
    let mut steps = 0;
    while drawn != want {
        let next = drawn.toward(want, 1);
        // One item more or less at each end, never past the wanted end.
        assert!(next.first.abs_diff(drawn.first) <= 1 && next.end.abs_diff(drawn.end) <= 1);
        assert!(
            next.covers(after.shown()),
            "{next:?} leaves the screen {:?}",
            after.shown()
        );
        drawn = next;
        steps += 1;
        assert!(steps <= 200, "never arrives");
    }
    assert_eq!(steps, MARGIN);
    // A span far from the wanted one jumps there at once.
    let far = Span { first: 0, end: 20 };
    assert_eq!(far.toward(want, 1), want);
}

#[test]
fn the_screen_is_known_only_once_measured() {
    assert_eq!(
        axis(200, 4000.0, 600.0).shown(),
        Span {
            first: 100,
            end: 115
        }
    );
    // Half a row at each edge counts as on screen.
    assert_eq!(
        axis(200, 4020.0, 600.0).shown(),
        Span {
            first: 100,
            end: 116
        }
    );
    assert!(axis(200, 0.0, 0.0).shown().is_empty());
    // Nothing on screen is covered by nothing, and nothing covers it.
    assert!(!Span { first: 0, end: 200 }.covers(Span::default()));
}
