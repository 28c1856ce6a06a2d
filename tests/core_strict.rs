//! Native tests of the core: strict JSON. A key named twice in one object is refused with the
//! JSON path of the second occurrence; numbers that are not finite and lone surrogates are
//! refused by the parser itself, as checked here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::format::{compact, import, import_careful, ImportError};
use cogovern::core::strict::first_duplicate;
use common::paper;

fn dup(text: &str) -> Option<String> {
    first_duplicate(text).map(|d| d.path)
}

#[test]
fn a_key_named_twice_is_found_with_its_path() {
    assert_eq!(dup(r#"{"a":1,"a":2}"#).as_deref(), Some("a"));
    assert_eq!(
        dup(r#"{"m":[{"x":1},{"x":1,"y":{"k":1,"k":2}}]}"#).as_deref(),
        Some("m[1].y.k")
    );
    // An escaped key is the same key.
    assert_eq!(dup(r#"{"ab":1,"a\u0062":2}"#).as_deref(), Some("ab"));
}

#[test]
fn the_same_key_in_different_objects_and_keys_inside_strings_are_fine() {
    assert_eq!(
        dup(r#"{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}"#),
        None
    );
    assert_eq!(dup(r#"{"a":"{\"a\":1,\"a\":2}","b":"\\","c":"]}"}"#), None);
    assert_eq!(dup(&compact(&paper())), None);
}

#[test]
fn a_workbook_with_a_key_twice_is_refused_by_both_readers() {
    let text = compact(&paper());
    let twice = text.replacen("\"notes\":\"\"", "\"notes\":\"a\",\"notes\":\"b\"", 1);
    let expected = Err(ImportError::DuplicateKey {
        path: "models[0].notes".into(),
    });
    assert_eq!(import(twice.as_bytes()).map(|i| i.workbook), expected);
    assert_eq!(
        import_careful(twice.as_bytes()).map(|i| i.workbook),
        expected
    );
    let cell = text.replacen(
        "\"cells\":{\"assoc\":{",
        "\"cells\":{\"assoc\":{},\"assoc\":{",
        1,
    );
    assert_eq!(
        import(cell.as_bytes()).unwrap_err(),
        ImportError::DuplicateKey {
            path: "models[0].cells.assoc".into()
        }
    );
}

#[test]
fn numbers_that_are_not_finite_and_lone_surrogates_are_refused() {
    let text = compact(&paper());
    let weight = "\"weight\":2.0";
    assert!(text.contains(weight));
    for (name, bad) in [
        ("NaN", text.replacen(weight, "\"weight\":NaN", 1)),
        ("Infinity", text.replacen(weight, "\"weight\":Infinity", 1)),
        ("overflow", text.replacen(weight, "\"weight\":1e400", 1)),
        (
            "lone surrogate",
            text.replacen("\"title\":\"", "\"title\":\"\\ud800", 1),
        ),
        (
            "lone trailing surrogate",
            text.replacen("\"title\":\"", "\"title\":\"\\udc00", 1),
        ),
    ] {
        assert!(
            matches!(import(bad.as_bytes()), Err(ImportError::Syntax { .. })),
            "{name}: {:?}",
            import(bad.as_bytes()).err()
        );
    }
}
