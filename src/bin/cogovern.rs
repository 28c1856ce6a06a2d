//! Command line for planners and tests: check, upgrade and convert workbook files without a browser.
//!
//! ```text
//! cogovern validate FILE...          exit 1 if any file is invalid
//! cogovern migrate FILE [-o OUT]     upgrade to the current version
//! cogovern csv FILE [--model ID] [--lang en|zh-CN]
//! cogovern schema                    print the JSON Schema
//! cogovern example paper|traditional|synergetic|blank
//! cogovern agree RATINGS.csv         Krippendorff's alpha and Fleiss' kappa of a ratings table
//! cogovern agree ANSWER.json...      the same for the answer files of one workshop round
//! ```

use std::process::ExitCode;

use cogovern::core::agree::{report, Ratings};
use cogovern::core::csv::matrix_csv;
use cogovern::core::format::{export, import};
use cogovern::core::model::Lang;
use cogovern::core::presets;
use cogovern::core::workshop;

const USAGE: &str = "usage: cogovern validate FILE... | migrate FILE [-o OUT] | csv FILE [--model ID] [--lang en|zh-CN] | schema | example paper|traditional|synergetic|blank | agree RATINGS.csv | agree ANSWER.json...";

fn open(path: &str) -> Result<cogovern::core::model::Workbook, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    import(&bytes)
        .map(|i| i.workbook)
        .map_err(|e| format!("{path}: {e}"))
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => {
            let mut failed = 0;
            for path in &args[1..] {
                match open(path) {
                    Ok(_) => println!("{path}: ok"),
                    Err(e) => {
                        failed += 1;
                        eprintln!("{e}");
                    }
                }
            }
            if failed > 0 {
                return Err(format!("{failed} of {} file(s) invalid", args.len() - 1));
            }
            Ok(())
        }
        Some("migrate") if args.len() > 1 => {
            let text = export(&open(&args[1])?);
            match option(args, "-o") {
                Some(out) => std::fs::write(out, text).map_err(|e| format!("{out}: {e}")),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
        Some("csv") if args.len() > 1 => {
            let wb = open(&args[1])?;
            let lang = option(args, "--lang")
                .and_then(Lang::from_tag)
                .unwrap_or_default();
            let model = match option(args, "--model") {
                Some(id) => wb
                    .model(id)
                    .ok_or_else(|| format!("no model \"{id}\" in {}", args[1]))?,
                None => &wb.models[0],
            };
            print!("{}", matrix_csv(&wb, model, lang));
            Ok(())
        }
        // The schema generator is native only, like the rest of this command's use.
        #[cfg(not(target_arch = "wasm32"))]
        Some("schema") => {
            let schema = cogovern::core::format::schema();
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).expect("a schema serialises")
            );
            Ok(())
        }
        Some("example") if args.len() == 2 => {
            let wb =
                presets::example(&args[1]).ok_or_else(|| format!("no example \"{}\"", args[1]))?;
            print!("{}", export(&wb));
            Ok(())
        }
        Some("agree") if args.len() > 1 => agree(&args[1..]),
        _ => Err(USAGE.into()),
    }
}

/// Prints the agreement of a ratings CSV, or of answer files to one round.
fn agree(paths: &[String]) -> Result<(), String> {
    let read = |p: &String| std::fs::read(p).map_err(|e| format!("{p}: {e}"));
    let first = read(&paths[0])?;
    if paths.len() == 1 && workshop::format_of(&first).is_none() {
        let text = String::from_utf8(first).map_err(|_| format!("{}: not UTF-8 text", paths[0]))?;
        let table = Ratings::from_csv(&text).map_err(|e| format!("{}: {e}", paths[0]))?;
        print!("{}", report(&table.values(), table.raters.len()));
        return Ok(());
    }
    let mut answers = Vec::new();
    let mut round: Option<(String, String)> = None;
    for p in paths {
        let (id, sum, answer) =
            workshop::read_answer(&read(p)?).map_err(|e| format!("{p}: {e}"))?;
        match &round {
            Some((r, s)) if (r, s) != (&id, &sum) => {
                return Err(format!(
                    "{p}: answers round \"{id}\" (question {sum}), not round \"{r}\" (question {s})"
                ))
            }
            _ => round = Some((id, sum)),
        }
        answers.push(answer);
    }
    let units = workshop::units_of(&answers);
    print!("{}", report(&units, answers.len()));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
