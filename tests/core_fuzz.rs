//! Fuzzing every reader of outside input with damaged versions of real files: byte flips,
//! cuts, insertions and splices of the example workbook, a round file, an answer file and a
//! share link, and random text. Each reader must answer with a value or a typed error, never panic; a
//! workbook that opens must export and open again to the same workbook, and an answer that is
//! collected must leave a valid workbook. `PROPTEST_CASES=N` runs longer (`scripts/fuzz.sh`).
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::agree::Ratings;
use cogovern::core::commands::Command;
use cogovern::core::format::{export, import};
use cogovern::core::link;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::validate;
use cogovern::core::workshop::*;
use proptest::prelude::*;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

fn round(wb: &Workbook) -> Round {
    let ids = |v: Vec<&Id>| v.into_iter().cloned().collect::<Vec<_>>();
    let s = ids(wb.subjects.iter().map(|x| &x.id).collect());
    let o = ids(wb.objects.iter().map(|x| &x.id).collect());
    let r = ids(wb.roles.iter().map(|x| &x.id).collect());
    new_round(
        wb,
        "round-f".into(),
        Text::new("F", "F"),
        [&s, &o, &r],
        wb.model("synergetic"),
        false,
    )
}

/// Real inputs to damage: the example workbook, a round file, an answer file with reasons,
/// and a share link of the round.
fn seeds() -> Vec<Vec<u8>> {
    let wb = paper();
    let r = round(&wb);
    let mut a = new_answer(&r.question, "a1".into(), presets::example_time());
    a.participant = "张三 <b>".into();
    a.reasons
        .entry("net".into())
        .or_default()
        .insert("illegal".into(), "\"quoted\" \\ 理由".into());
    vec![
        export(&wb).into_bytes(),
        round_file(&r).into_bytes(),
        answer_file(&r, &a).into_bytes(),
        link::encode(&round_file(&r)).into_bytes(),
    ]
}

/// A way to damage bytes.
#[derive(Debug, Clone)]
enum Damage {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Splice(usize, usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let junk = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b"null".to_vec()),
        Just(b"1e999".to_vec()),
        Just(b"\\ud800".to_vec()),
        Just(b"\"format\":\"x\",".to_vec()),
        Just(vec![0xff, 0xfe]),
        proptest::collection::vec(any::<u8>(), 1..6),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), junk).prop_map(|(i, j)| Damage::Insert(i, j)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Damage::Remove(i, n)),
        (any::<usize>(), any::<usize>(), 1usize..60).prop_map(|(a, b, n)| Damage::Splice(a, b, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, d: &Damage) -> Vec<u8> {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match d {
        Damage::Flip(i, b) if !bytes.is_empty() => {
            let i = i % bytes.len();
            bytes[i] ^= b | 1;
        }
        Damage::Flip(..) => {}
        Damage::Cut(i) => bytes.truncate(at(*i, bytes.len())),
        Damage::Insert(i, junk) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, junk.iter().copied());
        }
        Damage::Remove(i, n) => {
            let i = at(*i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Damage::Splice(a, b, n) => {
            // A piece of the file copied elsewhere into it: plausible but wrong structure.
            let a = at(*a, bytes.len());
            let end = (a + n).min(bytes.len());
            let piece = bytes[a..end].to_vec();
            let b = at(*b, bytes.len());
            bytes.splice(b..b, piece);
        }
    }
    bytes
}

/// Every reader on `bytes`, and on what they hold when they are a share link: none may panic;
/// what opens must hold together; any text travels through a link unchanged.
fn read_everything(bytes: &[u8]) {
    read_files(bytes);
    let text = String::from_utf8_lossy(bytes);
    let through = link::decode(&link::encode(&text)).expect("a link of any text opens");
    assert_eq!(through, text.as_bytes());
    if let Ok(inner) = link::decode(&text) {
        read_files(&inner);
    }
}

/// Every reader of files on `bytes`.
fn read_files(bytes: &[u8]) {
    if let Ok(opened) = import(bytes) {
        let again =
            import(export(&opened.workbook).as_bytes()).expect("an opened workbook re-opens");
        assert_eq!(again.workbook, opened.workbook);
    }
    let _ = read_round(bytes);
    let _ = read_answer(bytes);
    let _ = format_of(bytes);
    let text = String::from_utf8_lossy(bytes);
    let pieces = split_pasted(&text, "pasted");
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    let collection = collect(&r, &pieces);
    assert_eq!(collection.report.len(), pieces.len());
    if !collection.commands.is_empty() {
        Command::Batch(collection.commands)
            .apply(&mut wb)
            .expect("collected answers apply");
        assert_eq!(validate(&wb), vec![], "collecting keeps the workbook valid");
        let a = agreement(&wb.rounds[0]);
        assert!(a.alpha.is_none_or(|x| x.is_finite() && x <= 1.0));
        assert!(a.kappa.is_none_or(|x| x.is_finite() && x <= 1.0));
    }
    let _ = Ratings::from_csv(&text).map(|r| r.values().len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn damaged_real_files_never_panic_a_reader(seed in 0usize..4, damages in proptest::collection::vec(damage(), 1..4)) {
        let mut bytes = seeds()[seed].clone();
        for d in &damages {
            bytes = apply(bytes, d);
        }
        read_everything(&bytes);
    }

    #[test]
    fn random_text_never_panics_a_reader(text in "\\PC{0,200}") {
        read_everything(text.as_bytes());
    }

    #[test]
    fn random_ratings_tables_give_figures_in_range(rows in proptest::collection::vec(proptest::collection::vec("[abc]?", 3), 0..12)) {
        let mut csv = String::from("unit,A,B,C\n");
        for (i, row) in rows.iter().enumerate() {
            csv.push_str(&format!("u{i},{}\n", row.join(",")));
        }
        let table = Ratings::from_csv(&csv).unwrap();
        let values = table.values();
        if let Some(a) = cogovern::core::agree::alpha_nominal(&values) {
            prop_assert!(a.is_finite() && a <= 1.0);
        }
        if let Some(k) = cogovern::core::agree::fleiss_kappa(&values) {
            prop_assert!(k.is_finite() && k <= 1.0);
        }
    }
}
