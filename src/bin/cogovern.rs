//! Command line for planners and tests: check, upgrade and convert workbook files without a browser.
//!
//! ```text
//! cogovern validate FILE...          exit 1 if any file is invalid
//! cogovern migrate FILE [-o OUT]     upgrade to the current version
//! cogovern csv FILE [--model ID] [--lang en|zh-CN]
//! cogovern schema                    print the JSON Schema
//! cogovern example paper|traditional|synergetic|blank
//! ```

use std::process::ExitCode;

use cogovern::core::csv::matrix_csv;
use cogovern::core::format::{export, import};
use cogovern::core::model::Lang;
use cogovern::core::presets;

const USAGE: &str = "usage: cogovern validate FILE... | migrate FILE [-o OUT] | csv FILE [--model ID] [--lang en|zh-CN] | schema | example paper|traditional|synergetic|blank";

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
        _ => Err(USAGE.into()),
    }
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
