//! Keyboard movement through a grid (the matrix and the heat map).

use cogovern::core::grid::step;

const SIZE: (usize, usize) = (4, 5);

#[test]
fn arrows_move_one_cell_and_stop_at_the_edges() {
    assert_eq!(step("ArrowRight", false, (1, 1), SIZE, 3), Some((1, 2)));
    assert_eq!(step("ArrowLeft", false, (1, 1), SIZE, 3), Some((1, 0)));
    assert_eq!(step("ArrowDown", false, (1, 1), SIZE, 3), Some((2, 1)));
    assert_eq!(step("ArrowUp", false, (1, 1), SIZE, 3), Some((0, 1)));
    assert_eq!(step("ArrowUp", false, (0, 0), SIZE, 3), Some((0, 0)));
    assert_eq!(step("ArrowLeft", false, (0, 0), SIZE, 3), Some((0, 0)));
    assert_eq!(step("ArrowDown", false, (3, 4), SIZE, 3), Some((3, 4)));
    assert_eq!(step("ArrowRight", false, (3, 4), SIZE, 3), Some((3, 4)));
}

#[test]
fn home_end_and_pages() {
    assert_eq!(step("Home", false, (2, 3), SIZE, 3), Some((2, 0)));
    assert_eq!(step("End", false, (2, 1), SIZE, 3), Some((2, 4)));
    assert_eq!(step("Home", true, (2, 3), SIZE, 3), Some((0, 0)));
    assert_eq!(step("End", true, (0, 0), SIZE, 3), Some((3, 4)));
    assert_eq!(step("PageDown", false, (0, 2), SIZE, 3), Some((3, 2)));
    assert_eq!(step("PageDown", false, (2, 2), SIZE, 3), Some((3, 2)));
    assert_eq!(step("PageUp", false, (3, 2), SIZE, 2), Some((1, 2)));
    assert_eq!(
        step("PageUp", false, (1, 2), SIZE, 0),
        Some((0, 2)),
        "a page is at least a row"
    );
    assert_eq!(
        step("PageDown", false, (0, 0), SIZE, usize::MAX),
        Some((3, 0))
    );
}

#[test]
fn other_keys_and_empty_grids_do_not_move() {
    assert_eq!(step("Enter", false, (1, 1), SIZE, 3), None);
    assert_eq!(step("a", false, (1, 1), SIZE, 3), None);
    assert_eq!(
        step("ArrowRight", true, (1, 1), SIZE, 3),
        None,
        "Ctrl+arrow is the browser's"
    );
    assert_eq!(step("ArrowRight", false, (0, 0), (0, 5), 3), None);
    assert_eq!(step("ArrowRight", false, (0, 0), (4, 0), 3), None);
}

#[test]
fn a_focus_outside_a_shrunk_grid_comes_back_inside() {
    assert_eq!(step("ArrowLeft", false, (9, 9), SIZE, 3), Some((3, 3)));
}
