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
        err.contains("newer-version.json: the file is version 5"),
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

#[test]
fn agree_prints_alpha_and_kappa_of_a_ratings_table() {
    let (code, out, _) = cogovern(&["agree", "tests/fixtures/agree/krippendorff-2011.csv"]);
    assert_eq!(code, 0);
    assert_eq!(out, "alpha=0.743421\nkappa=n/a\nunits=12\nraters=4\n");
    let (code, out, _) = cogovern(&["agree", "tests/fixtures/agree/chinese-bom.csv"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("kappa=0.") && out.ends_with("units=3\nraters=2\n"),
        "{out}"
    );
    let (code, out, err) = cogovern(&["agree", "tests/fixtures/agree/unclosed-quote.csv"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("unclosed-quote.csv: line 2: a quoted field is never closed"),
        "{err}"
    );
}

#[test]
fn agree_reads_the_answer_files_of_one_round_and_refuses_a_mix() {
    use cogovern::core::model::Text;
    use cogovern::core::workshop::{answer_file, new_answer, new_round};
    let wb = cogovern::core::presets::paper(cogovern::core::presets::example_time());
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
    let subjects = ids(wb.subjects.iter().map(|s| &s.id).collect());
    let objects = ids(wb.objects.iter().map(|s| &s.id).collect());
    let roles = ids(wb.roles.iter().map(|s| &s.id).collect());
    let model = wb.model("synergetic");
    let r = new_round(
        &wb,
        "r1".into(),
        Text::new("R", "R"),
        [&subjects, &objects, &roles],
        model,
        false,
    );
    let dir = std::env::temp_dir().join(format!("cogovern-agree-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for i in 0..3 {
        let mut a = new_answer(
            &r.question,
            format!("a{i}"),
            cogovern::core::presets::example_time(),
        );
        if i == 2 {
            a.cells
                .get_mut("gov")
                .unwrap()
                .insert("infra".into(), Some("assist".into()));
        }
        let path = dir.join(format!("a{i}.cogovern-answer.json"));
        std::fs::write(&path, answer_file(&r, &a)).unwrap();
        paths.push(path.display().to_string());
    }
    let args: Vec<&str> = std::iter::once("agree")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let (code, out, err) = cogovern(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("alpha=0.") && out.ends_with("raters=3\n"),
        "{out}"
    );
    let mut other = r.clone();
    other.id = "r2".into();
    let stray = dir.join("stray.cogovern-answer.json");
    let a = new_answer(
        &other.question,
        "z".into(),
        cogovern::core::presets::example_time(),
    );
    std::fs::write(&stray, answer_file(&other, &a)).unwrap();
    let stray = stray.display().to_string();
    let (code, _, err) = cogovern(&["agree", &paths[0], &stray]);
    assert_eq!(code, 1);
    assert!(err.contains("answers round \"r2\""), "{err}");
    std::fs::remove_dir_all(dir).ok();
}
