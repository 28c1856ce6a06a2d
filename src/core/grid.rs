//! Moving the keyboard focus through a grid: the arrow keys, Home and End (with Ctrl, to the
//! grid's corners), Page Up and Page Down. Pure, so the matrix and the heat map move alike
//! and the rules are tested with `cargo test`.

/// Where `key` moves the focus from row `r`, column `k` of a grid of `rows` × `cols`, with
/// Page Up / Page Down moving `page` rows and `ctrl` held for Ctrl+Home / Ctrl+End. A move
/// past an edge stops at the edge. `None` for a key that does not move the focus (and for
/// Ctrl with any other key, which belongs to the browser), or an empty grid.
pub fn step(
    key: &str,
    ctrl: bool,
    (r, k): (usize, usize),
    (rows, cols): (usize, usize),
    page: usize,
) -> Option<(usize, usize)> {
    if rows == 0 || cols == 0 {
        return None;
    }
    let (last_r, last_k) = (rows - 1, cols - 1);
    let (r, k) = (r.min(last_r), k.min(last_k));
    let to = match (key, ctrl) {
        ("Home", true) => (0, 0),
        ("End", true) => (last_r, last_k),
        (_, true) => return None,
        ("ArrowUp", _) => (r.saturating_sub(1), k),
        ("ArrowDown", _) => (r + 1, k),
        ("ArrowLeft", _) => (r, k.saturating_sub(1)),
        ("ArrowRight", _) => (r, k + 1),
        ("PageUp", _) => (r.saturating_sub(page.max(1)), k),
        ("PageDown", _) => (r.saturating_add(page.max(1)), k),
        ("Home", _) => (r, 0),
        ("End", _) => (r, last_k),
        _ => return None,
    };
    Some((to.0.min(last_r), to.1.min(last_k)))
}
