//! Hostile text (tests/fixtures/hostile.json) in every text field of a workbook, a round and its
//! answers: it survives files and links byte for byte, CSV cells never start a formula, and
//! Markdown carries it as text (no link, image, HTML or emphasis of its own). The browser story
//! `tests/e2e/shell/hostile.spec.mjs` renders the same workbook and checks the page and the
//! SVG exports.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::commands::Command;
use cogovern::core::csv::{matrix_csv, parse};
use cogovern::core::format::{export, import};
use cogovern::core::link;
use cogovern::core::model::*;
use cogovern::core::plan::{markdown, plan_csv};
use cogovern::core::presets;
use cogovern::core::validate::validate;
use cogovern::core::workshop::*;
use serde_json::Value;

mod common;
use common::plan_words;

fn corpus() -> Vec<String> {
    let text = std::fs::read_to_string("tests/fixtures/hostile.json").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(v["strings"].clone()).unwrap()
}

/// Keys whose string values are free text (the rest are ids, enums, dates and colours).
const TEXT_KEYS: &[&str] = &[
    "title",
    "description",
    "notes",
    "note",
    "source",
    "report",
    "owner",
];

/// Gives every text of `v` the next string of the corpus, in turn.
fn poison(v: &mut Value, key: &str, corpus: &[String], next: &mut usize) {
    let mut take = || {
        *next += 1;
        Value::String(corpus[*next % corpus.len()].clone())
    };
    match v {
        Value::Object(map) if map.contains_key("en") && map.contains_key("zh") => {
            map.insert("en".into(), take());
            map.insert("zh".into(), take());
        }
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                poison(x, k, corpus, next);
            }
        }
        Value::Array(list) => list.iter_mut().for_each(|x| poison(x, key, corpus, next)),
        Value::String(_) if TEXT_KEYS.contains(&key) => *v = take(),
        _ => {}
    }
}

/// The paper's workbook with hostile text everywhere, and a round with two hostile answers
/// collected.
fn hostile() -> Workbook {
    let corpus = corpus();
    let mut v = serde_json::to_value(presets::paper(presets::example_time())).unwrap();
    poison(&mut v, "", &corpus, &mut 0);
    let mut wb: Workbook = serde_json::from_value(v).unwrap();
    let ids = |v: Vec<&Id>| v.into_iter().cloned().collect::<Vec<_>>();
    let s = ids(wb.subjects.iter().map(|x| &x.id).collect());
    let o = ids(wb.objects.iter().map(|x| &x.id).collect());
    let r = ids(wb.roles.iter().map(|x| &x.id).collect());
    let name = Text::new(&corpus[1], &corpus[0]);
    let round = new_round(&wb, "r".into(), name, [&s, &o, &r], None, false);
    let files: Vec<(String, Vec<u8>)> = corpus
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, hostile)| {
            let mut a = new_answer(&round.question, format!("a{i}"), presets::example_time());
            a.participant = hostile.clone();
            a.cells
                .entry(s[0].clone())
                .or_default()
                .insert(o[0].clone(), Some(r[i].clone()));
            a.reasons
                .entry(s[0].clone())
                .or_default()
                .insert(o[0].clone(), corpus[i + 5].clone());
            (format!("{i}.json"), answer_file(&round, &a).into_bytes())
        })
        .collect();
    wb.rounds.push(round.clone());
    let collection = collect(&round, &files);
    Command::Batch(collection.commands).apply(&mut wb).unwrap();
    assert_eq!(wb.rounds[0].answers.len(), 2);
    wb
}

/// Every field of `csv` that a spreadsheet would run as a formula.
fn formulas(csv: &str) -> Vec<String> {
    // Written out here, not taken from the code under test.
    let starts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    parse(csv.trim_start_matches('\u{feff}'))
        .expect("our CSV parses")
        .into_iter()
        .flat_map(|(_, row)| row)
        .filter(|f| f.starts_with(starts))
        .collect()
}

/// Markdown syntax in `md` that does not come from us: an unescaped character that would make
/// a link, an image, HTML, code or a table cell of the user's text.
fn live_markdown(md: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in md.lines() {
        // Our own task-list marks.
        let line = ["- [ ] ", "- [x] "]
            .iter()
            .find_map(|m| line.strip_prefix(m))
            .unwrap_or(line);
        let mut escaped = false;
        for ch in line.chars() {
            if !escaped && matches!(ch, '<' | '>' | '[' | ']' | '`' | '|') {
                found.push(line.chars().take(80).collect());
                break;
            }
            escaped = !escaped && ch == '\\';
        }
    }
    found
}

#[test]
fn hostile_text_survives_files_and_links_byte_for_byte() {
    let wb = hostile();
    assert_eq!(validate(&wb), vec![]);
    let text = export(&wb);
    for hostile in corpus() {
        assert!(
            text.contains(&serde_json::to_string(&hostile).unwrap()),
            "{hostile:.40}"
        );
    }
    assert_eq!(import(text.as_bytes()).unwrap().workbook, wb);
    let through = link::decode(&link::encode(&text)).unwrap();
    assert_eq!(import(&through).unwrap().workbook, wb);
    let round = &wb.rounds[0];
    let again = read_round(round_file(round).as_bytes()).unwrap();
    assert_eq!(again.question, round.question);
    let answer = &round.answers[0].answer;
    let file = answer_file(round, answer);
    assert_eq!(read_answer(file.as_bytes()).unwrap().2, *answer);
    assert_eq!(answer.participant, corpus()[0]);
}

#[test]
fn csv_exports_never_start_a_formula() {
    let wb = hostile();
    let round = &wb.rounds[0];
    let a = agreement(round);
    for lang in [Lang::En, Lang::Zh] {
        for m in &wb.models {
            let csv = matrix_csv(&wb, m, lang);
            assert_eq!(formulas(&csv), Vec::<String>::new(), "matrix {lang:?}");
        }
        let csv = plan_csv(&wb, &wb.plans[0], lang, &plan_words());
        assert_eq!(formulas(&csv), Vec::<String>::new(), "plan {lang:?}");
        let heads = ["S", "O", "Modal", "Share", "N", "None"];
        let csv = agreement_csv(round, &a, lang, heads);
        assert_eq!(formulas(&csv), Vec::<String>::new(), "agreement {lang:?}");
    }
    // The hostile text is still all there, after the one quote that disarms it.
    let csv = matrix_csv(&wb, &wb.models[0], Lang::En);
    let fields: Vec<String> = parse(csv.trim_start_matches('\u{feff}'))
        .unwrap()
        .into_iter()
        .flat_map(|(_, row)| row)
        .collect();
    let name = wb.subjects[0].name.en.clone();
    assert!(fields
        .iter()
        .any(|f| f == &name || *f == format!("'{name}")));
}

#[test]
fn markdown_exports_carry_hostile_text_as_text() {
    let wb = hostile();
    let round = &wb.rounds[0];
    let a = agreement(round);
    let s = |x: &str| x.to_string();
    let qw = QueueWords {
        none: s("none"),
        answers: s("{n} answers"),
        decision: s("Decision"),
        reasons: s("Reasons"),
    };
    for lang in [Lang::En, Lang::Zh] {
        let md = markdown(&wb, &wb.plans[0], lang, &plan_words());
        assert_eq!(live_markdown(&md), Vec::<String>::new(), "plan {lang:?}");
        let md = queue_markdown(round, &a, lang, &qw);
        assert_eq!(live_markdown(&md), Vec::<String>::new(), "queue {lang:?}");
        assert!(md.contains("\\<img src=x onerror="), "{md:.400}");
    }
}
