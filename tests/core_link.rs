//! Native tests of share links (the codec, its limits and errors), adding a link's models to a
//! workbook, and QR codes of links.
#![cfg(not(target_arch = "wasm32"))]

use cogovern::core::commands::Command;
use cogovern::core::format::{compact, import, ImportError};
use cogovern::core::link::*;
use cogovern::core::merge::add_models;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::qr;
use cogovern::core::validate::validate;
use cogovern::core::workshop::{new_round, read_round, round_file};
use proptest::prelude::*;

const EXAMPLES: [&str; 4] = ["paper", "traditional", "synergetic", "blank"];

fn example(name: &str) -> Workbook {
    presets::example(name).unwrap()
}

/// A 6 × 5 round: the paper's five subjects and three objects, one more subject and two more
/// objects, every role, started from the synergetic model.
fn round_6x5() -> Round {
    let mut wb = example("paper");
    let mut s = wb.subjects[0].clone();
    s.id = "media".into();
    s.name = Text::new("Online media", "网络媒体");
    wb.subjects.push(s);
    for (id, en, zh) in [("data", "Data", "数据"), ("platforms", "Platforms", "平台")] {
        let mut o = wb.objects[0].clone();
        o.id = id.into();
        o.name = Text::new(en, zh);
        wb.objects.push(o);
    }
    let ids = |v: Vec<&Id>| v.into_iter().cloned().collect::<Vec<_>>();
    let s = ids(wb.subjects.iter().map(|x| &x.id).collect());
    let o = ids(wb.objects.iter().map(|x| &x.id).collect());
    let r = ids(wb.roles.iter().map(|x| &x.id).collect());
    assert_eq!((s.len(), o.len()), (6, 5));
    let start = wb.model("synergetic").cloned();
    new_round(
        &wb,
        "round-k3j9x2m4qa".into(),
        Text::new("Who does what in cyberspace?", "网络空间治理谁做什么？"),
        [&s, &o, &r],
        start.as_ref(),
        false,
    )
}

#[test]
fn every_example_workbook_round_trips_through_a_link() {
    for name in EXAMPLES {
        let wb = example(name);
        let link = encode(&compact(&wb));
        assert!(link.starts_with("cg1:"), "{name}: {link}");
        assert!(
            link[4..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{name}: the data is URL-safe base64 without padding"
        );
        assert!(is_link(&format!("#{link}")));
        let back = import(&decode(&format!("#{link}")).unwrap())
            .unwrap()
            .workbook;
        assert_eq!(back, wb, "{name}");
        println!("{name}: {} characters", link.len());
    }
}

#[test]
fn a_model_link_carries_that_model_alone() {
    let wb = example("paper");
    let one = model_only(&wb, &"synergetic".to_string()).unwrap();
    assert_eq!(one.models.len(), 1);
    assert_eq!(one.models[0], *wb.model("synergetic").unwrap());
    assert!(one.plans.is_empty() && one.rounds.is_empty());
    assert!(validate(&one).is_empty(), "{:?}", validate(&one));
    assert!(model_only(&wb, &"nope".to_string()).is_none());
}

#[test]
fn a_6x5_round_link_fits_a_qr_code_that_scans_across_a_room() {
    let round = round_6x5();
    let link = encode(&round_file(&round));
    let back = read_round(&decode(&link).unwrap()).unwrap();
    assert_eq!(back.question, round.question);
    let url = format!("https://example.org/cogovern/#{link}");
    let code = qr::encode(&url).unwrap();
    assert!(code.version <= qr::MAX_VERSION);
    assert_eq!(code.width, 17 + 4 * code.version as usize);
    println!(
        "6x5 round: {} characters, QR version {}",
        link.len(),
        code.version
    );
}

#[test]
fn garbage_is_not_a_link() {
    for text in [
        "",
        "#",
        "matrix",
        "#compare/paper",
        "cg:abc",
        "cgx:abc",
        "CG1:abc",
        "pako:eNo",
    ] {
        assert_eq!(decode(text), Err(LinkError::NotALink), "{text:?}");
        assert!(!is_link(text), "{text:?}");
    }
    assert_eq!(decode("cg0:eJw"), Err(LinkError::NotALink));
}

#[test]
fn a_link_from_a_newer_version_is_refused_by_name() {
    let link = encode("{}").replacen("cg1:", "cg2:", 1);
    assert!(is_link(&link));
    assert_eq!(
        decode(&link),
        Err(LinkError::TooNew {
            link: 2,
            supported: 1
        })
    );
    assert!(matches!(
        decode("cg99999999999999999999:eJw"),
        Err(LinkError::TooNew { .. })
    ));
    // A current link that carries a workbook from a newer file format.
    let mut json: serde_json::Value = serde_json::from_str(&compact(&example("blank"))).unwrap();
    json["version"] = 999.into();
    let bytes = decode(&encode(&json.to_string())).unwrap();
    assert!(matches!(
        import(&bytes),
        Err(ImportError::TooNew { file: 999, .. })
    ));
}

#[test]
fn a_character_base64_does_not_use_is_named_with_its_position() {
    let link = encode(&compact(&example("blank")));
    let damaged = format!("{}!{}", &link[..10], &link[11..]);
    assert_eq!(
        decode(&damaged),
        Err(LinkError::BadCharacter {
            position: 11,
            found: '!'
        })
    );
    let chinese = format!("{}网{}", &link[..10], &link[11..]);
    assert_eq!(
        decode(&chinese),
        Err(LinkError::BadCharacter {
            position: 11,
            found: '网'
        })
    );
    // White space around a pasted link is not part of it.
    assert!(decode(&format!("  {link}\n")).is_ok());
}

#[test]
fn every_cut_of_a_link_is_reported_as_cut_or_damaged() {
    let link = encode(&compact(&example("traditional")));
    for end in 4..link.len() {
        let cut = &link[..end];
        assert!(
            matches!(decode(cut), Err(LinkError::Truncated | LinkError::Damaged)),
            "cut at {end}: {:?}",
            decode(cut).map(|b| b.len())
        );
    }
}

#[test]
fn changed_data_is_damaged() {
    let link = encode(&compact(&example("traditional")));
    // Flip a character in the middle: the checksum or the stream itself fails.
    let mid = link.len() / 2;
    let flipped = if &link[mid..=mid] == "A" { "B" } else { "A" };
    let changed = format!("{}{flipped}{}", &link[..mid], &link[mid + 1..]);
    assert!(matches!(
        decode(&changed),
        Err(LinkError::Damaged | LinkError::Truncated)
    ));
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    // 20 MB of one letter packs into about 20 KB and unpacks past the 16 MB limit.
    let bomb = encode(&"a".repeat(20 * 1024 * 1024));
    assert!(bomb.len() < 40_000, "{}", bomb.len());
    assert_eq!(
        decode(&bomb),
        Err(LinkError::TooLarge { limit: MAX_OUTPUT })
    );
    assert_eq!(
        decode_with_limit(&encode(&"b".repeat(5000)), 4096),
        Err(LinkError::TooLarge { limit: 4096 })
    );
    assert_eq!(
        decode_with_limit(&encode(&"b".repeat(4096)), 4096)
            .unwrap()
            .len(),
        4096
    );
}

#[test]
fn an_overlong_link_is_refused_before_it_is_read() {
    let long = format!("cg1:{}", "A".repeat(MAX_LINK_CHARS));
    assert_eq!(
        decode(&long),
        Err(LinkError::TooLong {
            chars: MAX_LINK_CHARS + 4
        })
    );
}

#[test]
fn adding_a_links_models_keeps_this_workbooks_own() {
    let mut wb = example("paper");
    let incoming = example("synergetic");
    let merge = add_models(&wb, &incoming).unwrap();
    // The presets share every subject, object, method, role and principle.
    assert_eq!(merge.catalog, 0);
    assert_eq!(merge.models, vec!["synergetic-1".to_string()]);
    let before = wb.clone();
    let undo = Command::Batch(merge.commands).apply(&mut wb).unwrap();
    assert_eq!(wb.models.len(), before.models.len() + 1);
    let added = wb.model("synergetic-1").unwrap();
    assert_eq!(added.cells, incoming.models[0].cells);
    assert_eq!(wb.model("synergetic"), before.model("synergetic"));
    assert!(validate(&wb).is_empty(), "{:?}", validate(&wb));
    undo.apply(&mut wb).unwrap();
    assert_eq!(wb, before);
}

#[test]
fn adding_models_brings_what_they_name_and_this_workbook_lacks() {
    let incoming = example("synergetic");
    let gone = incoming.subjects.last().unwrap().id.clone();
    let mut wb = example("paper");
    Command::Remove {
        kind: cogovern::core::commands::EntityKind::Subject,
        id: gone.clone(),
    }
    .apply(&mut wb)
    .unwrap();
    let merge = add_models(&wb, &incoming).unwrap();
    assert_eq!(merge.catalog, 1);
    Command::Batch(merge.commands).apply(&mut wb).unwrap();
    assert!(wb.subject(&gone).is_some());
    assert_eq!(
        wb.model(&merge.models[0]).unwrap().cells,
        incoming.models[0].cells
    );
    assert!(validate(&wb).is_empty(), "{:?}", validate(&wb));
}

#[test]
fn a_link_too_long_for_a_reliable_qr_code_gets_none() {
    let long = encode(&compact(&example("paper")));
    assert!(
        matches!(qr::encode(&long), Err(qr::QrError::TooLong { .. })),
        "{}",
        long.len()
    );
    let code = qr::encode("https://example.org/#cg1:eJw").unwrap();
    assert_eq!(code.dark.len(), code.width * code.width);
    // Finder pattern: the top-left module is dark, the path draws it after the quiet zone.
    assert!(code.dark[0]);
    assert!(code
        .path()
        .starts_with(&format!("M{} {}h7v1h-7z", qr::QUIET, qr::QUIET)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_fragments_never_panic_the_decoder(text in "(cg1:)?[A-Za-z0-9_\\-!网 ]{0,300}") {
        let _ = decode(&text);
    }

    #[test]
    fn any_text_round_trips(text in "\\PC{0,500}") {
        prop_assert_eq!(decode(&encode(&text)).unwrap(), text.into_bytes());
    }
}
