//! Native tests of the core: strict JSON. A key named twice in one object is refused with the
//! JSON path of the second occurrence; numbers that are not finite and lone surrogates are
//! refused by the parser itself, as checked here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cogovern::core::format::{compact, export, import, import_careful, ImportError};
use cogovern::core::strict::{first_duplicate, path_at};
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

/// The JSON path a typed reader gives for a value of the wrong type (`ImportError::Type`).
fn type_path(text: &str) -> String {
    match import(text.as_bytes()) {
        Err(ImportError::Type { path, .. }) => path,
        other => panic!("expected a type error, got {other:?}"),
    }
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_path_in_pretty_and_compact_text() {
    let pretty = export(&paper());
    let compact_text = compact(&paper());
    for text in [&pretty, &compact_text] {
        // A value inside an array of objects, then a key of a map inside a map.
        let spaced = text.contains("\"weight\": 2.0");
        let (weight, role) = if spaced {
            ("\"weight\": 2.0", "\"role\": \"lead\"")
        } else {
            ("\"weight\":2.0", "\"role\":\"lead\"")
        };
        let wrong = text.replacen(weight, &weight.replace("2.0", "\"heavy\""), 1);
        assert!(
            type_path(&wrong).ends_with(".weight"),
            "{}",
            type_path(&wrong)
        );
        assert!(type_path(&wrong).contains('['), "{}", type_path(&wrong));
        let wrong = text.replacen(role, &role.replace("\"lead\"", "7"), 1);
        assert!(
            type_path(&wrong).starts_with("models[") && type_path(&wrong).ends_with(".role"),
            "{}",
            type_path(&wrong)
        );
    }
}

#[test]
fn paths_of_type_errors_are_exact() {
    let text = compact(&paper());
    // An unknown tier (an enum) in a map of the second model (the first has no such leader).
    let wrong = text.replacen("\"party\":\"leadership\"", "\"party\":\"boss\"", 1);
    assert_eq!(type_path(&wrong), "models[1].tiers.party");
    // An unknown field is named; a missing one names the object that lacks it.
    let wrong = text.replacen("\"colour\":", "\"color\":", 1);
    assert_eq!(type_path(&wrong), "subjects[0].color");
    let at = text.find(",\"colour\":\"#").unwrap();
    let end = at + ",\"colour\":\"#rrggbb\"".len();
    let wrong = format!("{}{}", &text[..at], &text[end..]);
    assert_eq!(type_path(&wrong), "subjects[0]");
    // A string where a list belongs, in the first subject.
    let wrong = text.replacen("\"subjects\":[", "\"subjects\":\"none\",\"x\":[", 1);
    assert_eq!(type_path(&wrong), "subjects");
    // An element of a list of the wrong type: its index.
    let wrong = text.replacen("\"subjects\":[", "\"subjects\":[1,", 1);
    assert_eq!(type_path(&wrong), "subjects[0]");
}

#[test]
fn path_at_counts_lines_and_columns_as_serde_json_does() {
    let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": true}\n}";
    for (needle, path) in [("\"x\"", "a[1].b"), ("true", "c.d"), ("1,", "a[0]")] {
        let at = text.find(needle).unwrap() + needle.trim_end_matches(',').len();
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
        assert_eq!(path_at(text, line, column), path, "{needle}");
    }
    assert_eq!(path_at(text, 1, 0), "");
    assert_eq!(path_at("", 3, 9), "");
}

#[test]
fn duplicates_are_found_in_objects_of_any_size() {
    let object = |n: usize, extra: &str| {
        let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{{\"x\":1}}")).collect();
        format!("{{{}{extra}}}", keys.join(","))
    };
    // Few keys, many keys, and a key repeated just past the point where the scan keeps a set.
    for n in [1, 15, 16, 17, 40, 500] {
        assert_eq!(dup(&object(n, "")), None, "{n} keys");
        assert_eq!(
            dup(&object(n, ",\"k0\":2")).as_deref(),
            Some("k0"),
            "{n} keys"
        );
        let last = format!(",\"k{}\":2", n - 1);
        assert_eq!(
            dup(&object(n, &last)),
            Some(format!("k{}", n - 1)),
            "{n} keys"
        );
    }
    // An inner object's keys are its own, before and after a large sibling.
    let text = format!(
        "{{\"a\":{},\"b\":{{\"k0\":1,\"x\":2,\"x\":3}}}}",
        object(30, "")
    );
    assert_eq!(dup(&text).as_deref(), Some("b.x"));
    let text = format!("{{\"a\":{},\"a\":1}}", object(30, ""));
    assert_eq!(dup(&text).as_deref(), Some("a"));
}
