//! The native command line: planners check, upgrade and convert files without a browser.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn cogovern(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cogovern"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn validate_passes_good_files_and_fails_on_any_bad_one() {
    let (code, out, _) = cogovern(&[
        "validate",
        "public/examples/paper.cogovern.json",
        "public/examples/blank.cogovern.json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    let (code, out, err) = cogovern(&[
        "validate",
        "public/examples/paper.cogovern.json",
        "tests/fixtures/bad/newer-version.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("paper.cogovern.json: ok"));
    assert!(
        err.contains("newer-version.json: the file is version 3"),
        "{err}"
    );
    assert!(err.contains("1 of 2 file(s) invalid"), "{err}");
}

#[test]
fn migrate_writes_the_current_version_and_csv_prints_a_matrix() {
    let (code, out, _) = cogovern(&["migrate", "public/examples/synergetic.cogovern.json"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        std::fs::read_to_string("public/examples/synergetic.cogovern.json").unwrap()
    );
    let (code, out, _) = cogovern(&[
        "csv",
        "public/examples/paper.cogovern.json",
        "--model",
        "synergetic",
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("\u{feff}主体,"));
    assert_eq!(out.lines().count(), 6);
    let (code, _, err) = cogovern(&[
        "csv",
        "public/examples/paper.cogovern.json",
        "--model",
        "nope",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no model \"nope\""));
    let (code, _, err) = cogovern(&["frobnicate"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("usage:"));
}
