//! Native tests of the file format: round trips, damaged files, migrations, schema, CSV.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::commands::{CellEdit, CellRef, Command};
use cogovern::core::csv::matrix_csv;
use cogovern::core::format::*;
use cogovern::core::model::{Lang, Workbook};
use cogovern::core::presets;
use serde_json::{Map, Value};

fn paper() -> cogovern::core::model::Workbook {
    presets::paper(presets::example_time())
}

#[test]
fn export_is_stable_pretty_and_round_trips_exactly() {
    for wb in [paper(), presets::blank(presets::example_time())] {
        let text = export(&wb);
        assert_eq!(text, export(&wb));
        assert!(text.starts_with(
            "{\n  \"format\": \"cogovern.workbook\",\n  \"version\": 4,\n  \"meta\": {"
        ));
        assert!(text.ends_with("}\n"));
        let back = import(text.as_bytes()).unwrap();
        assert_eq!(back.workbook, wb);
        assert_eq!(back.migrated_from, None);
        assert_eq!(export(&back.workbook), text);
    }
}

#[test]
fn a_byte_order_mark_and_chinese_text_are_fine() {
    let mut wb = paper();
    wb.meta.title = "网络空间治理研讨会 \"一主三辅\"".into();
    let text = format!("\u{feff}{}", export(&wb));
    assert_eq!(import(text.as_bytes()).unwrap().workbook, wb);
}

#[test]
fn committed_examples_are_the_presets() {
    for name in ["paper", "traditional", "synergetic", "blank"] {
        let path = format!(
            "{}/public/examples/{name}.cogovern.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            export(&presets::example(name).unwrap()),
            "{path} is stale"
        );
    }
}

#[test]
fn committed_schema_matches_the_types() {
    let path = format!(
        "{}/public/schema/workbook.v{VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let committed: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        committed,
        schema(),
        "{path} drifted from the types: run `cargo run --bin cogovern -- schema > {path}`"
    );
    // The schema names every top-level field of a real file, envelope first.
    let file: Value = serde_json::from_str(&export(&paper())).unwrap();
    let props: Vec<&String> = committed["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let fields: Vec<&String> = file.as_object().unwrap().keys().collect();
    assert_eq!(props, fields);
    assert_eq!(committed["additionalProperties"], Value::Bool(false));
}

/// Every damaged file gives exactly the error written beside it, and nothing panics.
#[test]
fn damaged_files_give_their_exact_errors() {
    let dir = format!("{}/tests/fixtures/bad", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let bytes = std::fs::read(path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
        let err = import(&bytes).expect_err(&format!("{} was accepted", path.display()));
        assert_eq!(err.to_string(), expected.trim_end(), "{}", path.display());
        count += 1;
    }
    assert!(count >= 30, "only {count} damaged files");
}

#[test]
fn a_blank_name_is_a_warning_and_the_file_still_opens() {
    let mut wb = paper();
    wb.subjects[1].name = cogovern::core::model::Text::new(" ", "");
    let imported = import(export(&wb).as_bytes()).unwrap();
    assert_eq!(imported.workbook, wb);
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        imported.warnings[0].to_string(),
        "subjects[1].name: the name is empty in both languages"
    );
}

#[test]
fn a_syntax_error_reports_line_and_column() {
    let err =
        import(b"{\n  \"format\": \"cogovern.workbook\",\n  \"version\": 1\n  \"meta\": {}\n}")
            .unwrap_err();
    assert_eq!(
        err,
        ImportError::Syntax {
            line: 4,
            column: 3,
            message: "expected `,` or `}`".into()
        }
    );
    let err = import(&[b'{', b'\n', b' ', 0xC3, 0x28]).unwrap_err();
    assert_eq!(err, ImportError::NotUtf8 { line: 2, column: 2 });
}

#[test]
fn newer_files_are_refused_naming_both_versions() {
    let text = export(&paper()).replacen("\"version\": 4", "\"version\": 7", 1);
    let err = import(text.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooNew {
            file: 7,
            supported: VERSION
        }
    );
    assert!(err.to_string().contains("version 7") && err.to_string().contains("up to 4"));
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = vec![b' '; MAX_BYTES + 1];
    assert_eq!(
        import(&big),
        Err(ImportError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

// A pretend history of the format: v1 files called the model notes "remarks"; v2 files had no
// authors list. Real migrations follow the same pattern.
fn rename_remarks(doc: &mut Map<String, Value>) -> Result<(), String> {
    let models = doc
        .get_mut("models")
        .and_then(Value::as_array_mut)
        .ok_or("no models")?;
    for m in models {
        let m = m.as_object_mut().ok_or("a model is not an object")?;
        let remarks = m.remove("remarks").ok_or("a model has no remarks")?;
        m.insert("notes".into(), remarks);
    }
    Ok(())
}

fn add_authors(doc: &mut Map<String, Value>) -> Result<(), String> {
    let meta = doc
        .get_mut("meta")
        .and_then(Value::as_object_mut)
        .ok_or("no meta")?;
    meta.insert("authors".into(), Value::Array(vec![]));
    Ok(())
}

const TEST_MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        run: rename_remarks,
    },
    Migration {
        from: 2,
        run: add_authors,
    },
];

/// The current file, rewritten as a "version 1" file of the pretend history.
fn old_v1_file() -> String {
    let mut v: Value = serde_json::from_str(&export(&paper())).unwrap();
    for m in v["models"].as_array_mut().unwrap() {
        let m = m.as_object_mut().unwrap();
        let notes = m.remove("notes").unwrap();
        m.insert("remarks".into(), notes);
    }
    v["meta"].as_object_mut().unwrap().remove("authors");
    v["version"] = 1.into();
    serde_json::to_string(&v).unwrap()
}

#[test]
fn old_files_are_migrated_step_by_step() {
    let imported = import_with(old_v1_file().as_bytes(), TEST_MIGRATIONS, 3).unwrap();
    assert_eq!(imported.workbook, paper());
    assert_eq!(imported.migrated_from, Some(1));
    // Each step stamps its version, so a v2 file runs only the second step.
    let mut v: Value = serde_json::from_str(&export(&paper())).unwrap();
    v["version"] = 2.into();
    v["meta"].as_object_mut().unwrap().remove("authors");
    let imported = import_with(v.to_string().as_bytes(), TEST_MIGRATIONS, 3).unwrap();
    assert_eq!(
        (imported.workbook, imported.migrated_from),
        (paper(), Some(2))
    );
    // A gap in the table or a failing step is reported, never half-applied.
    let err = import_with(old_v1_file().as_bytes(), &TEST_MIGRATIONS[1..], 3).unwrap_err();
    assert!(
        matches!(err, ImportError::Migration { from: 1, .. }),
        "{err:?}"
    );
    let current_as_v1 = export(&paper()).replacen("\"version\": 4", "\"version\": 1", 1);
    let err = import_with(current_as_v1.as_bytes(), TEST_MIGRATIONS, 3).unwrap_err();
    assert_eq!(
        err,
        ImportError::Migration {
            from: 1,
            message: "a model has no remarks".into()
        }
    );
}

#[test]
fn real_migrations_are_consecutive_and_end_at_the_current_version() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.from, i as u32 + 1);
    }
    assert_eq!(MIGRATIONS.len() as u32 + 1, VERSION);
}

#[test]
fn csv_has_a_bom_one_row_per_subject_and_escapes_fields() {
    let mut wb = paper();
    Command::EditCell(
        CellRef::new("synergetic", "net", "infra"),
        CellEdit::Role(Some("informed".into())),
    )
    .apply(&mut wb)
    .unwrap();
    wb.subjects[4].name.en = "Netizens, \"all\"".into();
    wb.objects[0].name.en = "=SUM(A1)".into();
    let csv = matrix_csv(&wb, wb.model("synergetic").unwrap(), Lang::En);
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(lines.len(), 1 + wb.subjects.len());
    assert_eq!(
        lines[0],
        "\u{feff}Subject,'=SUM(A1),Production and life practices online,Illegal speech and behaviour"
    );
    assert_eq!(
        lines[2],
        "Governments,\"Main responsibility; Legislation, Rights protection by law; order and rights\",\"Main responsibility; Legislation, Rights protection by law; order and rights\",\"Main responsibility; Law enforcement, Legislation; order and rights\""
    );
    assert!(
        lines[5].starts_with("\"Netizens, \"\"all\"\"\",Informed,"),
        "{}",
        lines[5]
    );
    let zh = matrix_csv(&wb, wb.model("synergetic").unwrap(), Lang::Zh);
    assert!(
        zh.contains("主体,网络基础设施建设与管理")
            && zh.contains("主要责任; 立法、依法保障权利; 秩序与权利")
    );
}

#[test]
fn the_raci_scale_can_replace_the_paper_scale() {
    use cogovern::core::commands::{Command, Entity, EntityKind, Refs};
    let mut wb = paper();
    let old: Vec<String> = wb.roles.iter().map(|r| r.id.clone()).collect();
    let mut steps: Vec<Command> = old
        .into_iter()
        .map(|id| Command::Remove {
            kind: EntityKind::Role,
            id,
        })
        .collect();
    steps.extend(
        presets::raci_roles()
            .into_iter()
            .enumerate()
            .map(|(index, r)| Command::Insert {
                index,
                entity: Entity::Role(r),
                refs: Refs::default(),
            }),
    );
    Command::Batch(steps).apply(&mut wb).unwrap();
    let letters: Vec<&str> = wb.roles.iter().map(|r| r.letter.en.as_str()).collect();
    assert_eq!(letters, ["R", "A", "C", "I"]);
    // Cells lose the old roles but keep everything else; the file is sound and round-trips.
    assert!(wb
        .models
        .iter()
        .all(|m| m.iter_cells().all(|(_, _, c)| c.role.is_none())));
    let back = import(export(&wb).as_bytes()).unwrap();
    assert!(back.warnings.is_empty());
    assert_eq!(back.workbook, wb);
}

#[test]
fn the_quick_reader_and_the_careful_one_agree_on_every_file() {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in [
        "public/examples",
        "tests/fixtures/bad",
        "tests/fixtures/v1",
        "tests/fixtures/v2",
        "tests/fixtures/v3",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    let pretty = export(&paper());
    let compact = compact(&paper());
    // The envelope's keys last, twice, or of the wrong kind: the quick reader steps aside.
    let moved = compact.replacen("\"format\":\"cogovern.workbook\",\"version\":4,", "", 1);
    let moved = format!(
        "{},\"version\":4,\"format\":\"cogovern.workbook\"}}",
        &moved[..moved.len() - 1]
    );
    let variants = [
        ("pretty", pretty.clone()),
        ("compact", compact.clone()),
        ("envelope last", moved),
        (
            "format twice",
            compact.replacen("{", "{\"format\":\"other\",", 1),
        ),
        ("version twice", compact.replacen("{", "{\"version\":1,", 1)),
        (
            "version as a float",
            compact.replacen("\"version\":4", "\"version\":4.0", 1),
        ),
        (
            "version as text",
            compact.replacen("\"version\":4", "\"version\":\"4\"", 1),
        ),
        ("an unknown key", compact.replacen("{", "{\"extra\":1,", 1)),
        (
            "a key twice",
            compact.replacen("\"notes\":\"\"", "\"notes\":\"a\",\"notes\":\"b\"", 1),
        ),
        ("trailing text", format!("{compact} x")),
        ("a byte order mark", format!("\u{feff}{compact}")),
    ];
    for (name, text) in variants {
        files.push((name.to_string(), text.into_bytes()));
    }
    assert!(files.len() > 20, "{} files", files.len());
    for (name, bytes) in &files {
        assert_eq!(import(bytes), import_careful(bytes), "{name}");
    }
    // And an ordinary file opens as the workbook it was written from.
    assert_eq!(import(pretty.as_bytes()).unwrap().workbook, paper());
}

/// Each of the four real files saved by version `version` opens, passes `check`, and saves
/// again as today's example file, byte for byte.
fn real_files_of_version(version: u32, check: impl Fn(&Workbook, &str)) {
    for name in ["paper", "traditional", "synergetic", "blank"] {
        let dir = env!("CARGO_MANIFEST_DIR");
        let text = std::fs::read_to_string(format!(
            "{dir}/tests/fixtures/v{version}/{name}.cogovern.json"
        ))
        .unwrap();
        assert!(text.contains(&format!("\"version\": {version},")));
        check_text(&text, version);
        let opened = import(text.as_bytes()).unwrap();
        assert_eq!(opened.migrated_from, Some(version));
        check(&opened.workbook, name);
        let current =
            std::fs::read_to_string(format!("{dir}/public/examples/{name}.cogovern.json")).unwrap();
        assert_eq!(export(&opened.workbook), current, "{name}");
    }
}

/// What a real file of `version` must not hold yet.
fn check_text(text: &str, version: u32) {
    let later = if version == 2 {
        "\"rounds\""
    } else {
        "\"votes\""
    };
    assert!(
        !text.contains(later),
        "a version {version} file has {later}"
    );
}

#[test]
fn real_version_2_files_open_with_no_rounds_and_save_as_the_current_examples() {
    real_files_of_version(2, |wb, name| assert!(wb.rounds.is_empty(), "{name}"));
}

#[test]
fn real_version_3_files_open_with_no_votes_and_save_as_the_current_examples() {
    real_files_of_version(3, |wb, name| {
        let steps = wb.plans.iter().flat_map(|p| &p.steps);
        assert!(steps.into_iter().all(|s| s.votes == 0), "{name}");
    });
}
