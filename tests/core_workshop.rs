//! Native tests of workshop rounds: the round and answer files, collecting answers, agreement,
//! the discussion queue, the consensus model and the commands with their undo.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, Utc};
use cogovern::core::agree;
use cogovern::core::commands::{Command, MAX_ANSWERS};
use cogovern::core::format::{export, import};
use cogovern::core::history::History;
use cogovern::core::model::*;
use cogovern::core::presets;
use cogovern::core::validate::validate;
use cogovern::core::workshop::*;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

fn t0() -> DateTime<Utc> {
    presets::example_time()
}

/// A 5 × 3 round of the paper's synergetic model, started from its cells.
fn round(wb: &Workbook) -> Round {
    let subjects: Vec<Id> = wb.subjects.iter().map(|s| s.id.clone()).collect();
    let objects: Vec<Id> = wb.objects.iter().map(|o| o.id.clone()).collect();
    let roles: Vec<Id> = wb.roles.iter().map(|r| r.id.clone()).collect();
    let model = wb.model("synergetic").unwrap();
    let name = Text::new("Who does what?", "谁做什么？");
    new_round(
        wb,
        "round-1".into(),
        name,
        [&subjects, &objects, &roles],
        Some(model),
        false,
    )
}

fn answer(
    r: &Round,
    id: &str,
    who: &str,
    minutes: i64,
    cells: &[(&str, &str, Option<&str>)],
) -> Answer {
    let mut a = new_answer(&r.question, id.into(), t0() + Duration::minutes(minutes));
    a.cells.clear();
    a.participant = who.into();
    for (s, o, c) in cells {
        a.cells
            .entry(s.to_string())
            .or_default()
            .insert(o.to_string(), c.map(String::from));
    }
    a
}

fn file(r: &Round, a: &Answer) -> (String, Vec<u8>) {
    (
        format!("{}.cogovern-answer.json", a.id),
        answer_file(r, a).into_bytes(),
    )
}

#[test]
fn a_round_file_carries_the_question_and_opens_elsewhere() {
    let wb = paper();
    let r = round(&wb);
    assert_eq!(r.question.subjects.len(), 5);
    assert_eq!(r.question.objects.len(), 3);
    // Started from the synergetic model: the government carries the main responsibility.
    assert_eq!(r.question.start["gov"]["infra"], "main");
    let text = round_file(&r);
    assert!(
        text.len() < 2_500,
        "a round file fits a link: {} bytes",
        text.len()
    );
    let opened = read_round(text.as_bytes()).unwrap();
    assert_eq!(opened.question, r.question);
    assert_eq!(checksum(&opened.question), checksum(&r.question));
    assert_eq!((opened.id, opened.name), (r.id, r.name));
    // A fresh answer starts from the model's cells.
    let mine = new_answer(&r.question, "a".into(), t0());
    assert_eq!(mine.cells["gov"]["infra"], Some("main".into()));
}

#[test]
fn damaged_or_foreign_round_files_are_refused_with_a_reason() {
    let r = round(&paper());
    let text = round_file(&r);
    assert!(matches!(read_round(b"{"), Err(FileError::Syntax(1, _, _))));
    assert_eq!(
        read_round(export(&paper()).as_bytes()).unwrap_err(),
        FileError::OtherFormat(Some("cogovern.workbook".into()))
    );
    let newer = text.replacen("\"version\":1", "\"version\":3", 1);
    assert_eq!(
        read_round(newer.as_bytes()).unwrap_err(),
        FileError::TooNew(3)
    );
    let bad_start = text.replacen(
        "\"start\":{",
        "\"start\":{\"nobody\":{\"infra\":\"main\"},",
        1,
    );
    let err = read_round(bad_start.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, FileError::Type(p, _) if p == "question.start.nobody.infra"),
        "{err:?}"
    );
    let twice = text.replacen("{", "{\"id\":\"x\",", 1);
    assert!(matches!(
        read_round(twice.as_bytes()),
        Err(FileError::Type(..))
    ));
    // A key twice in a map reads without a type error, and is still refused.
    let twice_in_map = text.replacen("\"start\":{", "\"start\":{\"gov\":{},", 1);
    assert_eq!(
        read_round(twice_in_map.as_bytes()).unwrap_err(),
        FileError::Type("question.start.gov".into(), "this key appears twice".into())
    );
}

/// An answer about a cell the question does not ask about is refused with the cell's path and
/// what is wrong: the subject first, then the object, then the role; a reason likewise.
#[test]
fn an_answer_outside_the_question_is_refused_with_the_cells_path() {
    let r = round(&paper());
    let cases = [
        (
            ("nobody", "infra", Some("main")),
            "answer.cells.nobody.infra",
            "the question has no subject \"nobody\"",
        ),
        (
            ("gov", "nothing", Some("main")),
            "answer.cells.gov.nothing",
            "the question has no object \"nothing\"",
        ),
        (
            ("gov", "infra", Some("boss")),
            "answer.cells.gov.infra",
            "the question has no role \"boss\"",
        ),
    ];
    for ((s, o, role), path, message) in cases {
        let a = answer(&r, "x", "X", 1, &[(s, o, role)]);
        let c = collect(&r, &[file(&r, &a)]);
        assert!(c.commands.is_empty());
        assert_eq!(
            c.report[0].1,
            Outcome::Damaged(FileError::Type(path.into(), message.into()))
        );
    }
    let mut a = answer(&r, "x", "X", 1, &[("gov", "infra", Some("main"))]);
    a.reasons
        .entry("gov".into())
        .or_default()
        .insert("elsewhere".into(), "why".into());
    let c = collect(&r, &[file(&r, &a)]);
    assert_eq!(
        c.report[0].1,
        Outcome::Damaged(FileError::Type(
            "answer.reasons.gov.elsewhere".into(),
            "the question has no object \"elsewhere\"".into()
        ))
    );
}

#[test]
fn collecting_reports_every_file_and_changes_only_what_it_should() {
    let mut wb = paper();
    let r = round(&wb);
    let ann = answer(&r, "a1", "Ann", 1, &[("gov", "infra", Some("main"))]);
    let bob = answer(&r, "b1", "Bob", 1, &[("gov", "infra", Some("assist"))]);
    let ann_later = answer(&r, "a2", " ann ", 5, &[("gov", "infra", Some("lead"))]);
    let ann_earlier = answer(&r, "a0", "ANN", 0, &[("gov", "infra", None)]);
    let mut other = r.clone();
    other.id = "round-2".into();
    let stranger = answer(&other, "c1", "Cy", 1, &[]);
    let mut edited = r.clone();
    edited.question.objects.pop();
    let outdated = answer(&edited, "d1", "Di", 1, &[]);
    let unknown_role = answer(&r, "e1", "Ed", 1, &[("gov", "infra", Some("boss"))]);
    let files = vec![
        file(&r, &ann),
        file(&r, &bob),
        file(&r, &ann_later),
        file(&r, &ann_earlier),
        file(&r, &bob),
        file(&other, &stranger),
        file(&edited, &outdated),
        file(&r, &unknown_role),
        ("notes.txt".into(), b"not json".to_vec()),
    ];
    wb.rounds.push(r.clone());
    let c = collect(&r, &files);
    let outcomes: Vec<&Outcome> = c.report.iter().map(|(_, o)| o).collect();
    assert_eq!(outcomes[0], &Outcome::Added("Ann".into()));
    assert_eq!(outcomes[1], &Outcome::Added("Bob".into()));
    assert_eq!(outcomes[2], &Outcome::Replaced("ann".into()));
    assert_eq!(outcomes[3], &Outcome::Older("ANN".into()));
    assert_eq!(outcomes[4], &Outcome::Same("Bob".into()));
    assert_eq!(outcomes[5], &Outcome::OtherRound("round-2".into()));
    assert_eq!(outcomes[6], &Outcome::EditedQuestion);
    assert!(
        matches!(outcomes[7], Outcome::Damaged(FileError::Type(p, _)) if p == "answer.cells.gov.infra")
    );
    assert!(matches!(
        outcomes[8],
        Outcome::Damaged(FileError::Syntax(..))
    ));
    // One undo step brings the round back to no answers.
    let mut h = History::default();
    h.apply(&mut wb, Command::Batch(c.commands), t0()).unwrap();
    let ids: Vec<&str> = wb.rounds[0]
        .answers
        .iter()
        .map(|a| a.answer.id.as_str())
        .collect();
    assert_eq!(ids, ["a2", "b1"], "Ann's newer answer takes her place");
    assert!(validate(&wb).is_empty());
    h.undo(&mut wb).unwrap().unwrap();
    assert!(wb.rounds[0].answers.is_empty());
}

#[test]
fn anonymous_answers_are_the_same_only_when_their_ids_are() {
    let wb = paper();
    let mut r = round(&wb);
    r.anonymous = true;
    let a = answer(&r, "x1", "Ann", 1, &[]);
    let b = answer(&r, "x2", "Bob", 1, &[]);
    let text = answer_file(&r, &a);
    assert!(
        !text.contains("Ann"),
        "an anonymous round's answer file carries no name"
    );
    let c = collect(&r, &[file(&r, &a), file(&r, &b), file(&r, &a)]);
    let outcomes: Vec<&Outcome> = c.report.iter().map(|(_, o)| o).collect();
    assert_eq!(
        outcomes,
        [
            &Outcome::Added("".into()),
            &Outcome::Added("".into()),
            &Outcome::Same("".into())
        ]
    );
}

#[test]
fn a_second_drop_weighs_its_answers_against_those_the_round_has() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    let ann = answer(&r, "a1", "Ann", 1, &[("gov", "infra", Some("main"))]);
    let bob = answer(&r, "b1", "Bob", 1, &[("gov", "infra", Some("assist"))]);
    collected(&mut wb, &[ann.clone(), bob.clone()]);
    // Ann's answer is left out of the count; her newer answer takes its place and stays out.
    wb.rounds[0].answers[0].excluded = true;
    let ann_later = answer(&r, "a2", "Ann", 5, &[("gov", "infra", Some("lead"))]);
    let bob_earlier = answer(&r, "b0", "Bob", 0, &[]);
    let cy = answer(&r, "c1", "Cy", 1, &[]);
    let r = wb.rounds[0].clone();
    let drop = [&bob, &ann_later, &bob_earlier, &cy].map(|a| file(&r, a));
    let c = collect(&r, &drop);
    let outcomes: Vec<&Outcome> = c.report.iter().map(|(_, o)| o).collect();
    assert_eq!(
        outcomes,
        [
            &Outcome::Same("Bob".into()),
            &Outcome::Replaced("Ann".into()),
            &Outcome::Older("Bob".into()),
            &Outcome::Added("Cy".into()),
        ]
    );
    Command::Batch(c.commands).apply(&mut wb).unwrap();
    let now: Vec<(&str, bool)> = wb.rounds[0]
        .answers
        .iter()
        .map(|a| (a.answer.id.as_str(), a.excluded))
        .collect();
    assert_eq!(now, [("a2", true), ("b1", false), ("c1", false)]);
}

#[test]
fn a_full_round_takes_no_more_answers_but_still_replaces_newer_ones() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    let many: Vec<Answer> = (0..MAX_ANSWERS)
        .map(|i| answer(&r, &format!("x{i}"), &format!("P{i}"), 1, &[]))
        .collect();
    collected(&mut wb, &many);
    let r = wb.rounds[0].clone();
    assert_eq!(r.answers.len(), MAX_ANSWERS);
    let late = answer(&r, "y", "Late", 1, &[]);
    let newer = answer(&r, "x7b", "P7", 2, &[]);
    let c = collect(&r, &[file(&r, &late), file(&r, &newer)]);
    let outcomes: Vec<&Outcome> = c.report.iter().map(|(_, o)| o).collect();
    assert_eq!(outcomes, [&Outcome::Full, &Outcome::Replaced("P7".into())]);
}

fn collected(wb: &mut Workbook, answers: &[Answer]) {
    let r = wb.rounds[0].clone();
    let files: Vec<(String, Vec<u8>)> = answers.iter().map(|a| file(&r, a)).collect();
    let c = collect(&r, &files);
    Command::Batch(c.commands).apply(wb).unwrap();
}

#[test]
fn agreement_per_cell_and_over_the_matrix() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    let answers = [
        answer(
            &r,
            "1",
            "A",
            1,
            &[
                ("gov", "infra", Some("main")),
                ("net", "illegal", Some("supervise")),
                ("ent", "infra", Some("assist")),
            ],
        ),
        answer(
            &r,
            "2",
            "B",
            1,
            &[
                ("gov", "infra", Some("main")),
                ("net", "illegal", None),
                ("ent", "infra", Some("assist")),
            ],
        ),
        answer(
            &r,
            "3",
            "C",
            1,
            &[
                ("gov", "infra", Some("main")),
                ("net", "illegal", Some("assist")),
                ("ent", "infra", Some("main")),
            ],
        ),
    ];
    collected(&mut wb, &answers);
    let a = agreement(&wb.rounds[0]);
    assert_eq!(a.answers, 3);
    let t = &a.cells[&("gov".into(), "infra".into())];
    assert_eq!(
        (t.n, t.share(), t.modal()),
        (3, 1.0, Some(&Some("main".into())))
    );
    let t = &a.cells[&("net".into(), "illegal".into())];
    assert_eq!(t.n, 3);
    assert_eq!(t.modal(), None, "three different answers: no modal role");
    assert_eq!(
        t.counts.last().unwrap().0,
        None,
        "\"no role\" is a category, listed last on a tie"
    );
    let t = &a.cells[&("ent".into(), "infra".into())];
    assert_eq!(t.modal(), Some(&Some("assist".into())));
    assert!((t.share() - 2.0 / 3.0).abs() < 1e-12);
    // Every answered cell answered by all three: kappa is defined (cells nobody answered are
    // not units); alpha too.
    assert!(a.alpha.is_some() && a.kappa.is_some());
    assert_eq!(a.rows.len(), 5);
    assert_eq!(a.columns.len(), 3);
    // The most disputed first.
    let q = queue(&wb.rounds[0], &a);
    assert_eq!(
        q,
        [
            ("net".to_string(), "illegal".to_string()),
            ("ent".into(), "infra".into())
        ]
    );
    // Leaving an answer out changes the figures, and undo brings it back.
    let mut h = History::default();
    let cmd = Command::SetExcluded {
        round: r.id.clone(),
        answer: "3".into(),
        excluded: true,
    };
    h.apply(&mut wb, cmd, t0()).unwrap();
    let b = agreement(&wb.rounds[0]);
    assert_eq!(b.answers, 2);
    assert_eq!(b.cells[&("ent".into(), "infra".into())].share(), 1.0);
    assert!(b.kappa.is_some(), "every answered cell has two answers");
    h.undo(&mut wb).unwrap().unwrap();
    assert_eq!(agreement(&wb.rounds[0]), a);
}

/// The figures of a round are the statistics of each cell's answers: alpha and kappa over the
/// answered cells, alpha per row and per column, counts most chosen first and in role order on
/// a tie (ids the question does not know after its roles, "no role" last).
#[test]
fn agreement_is_the_statistics_of_each_cells_answers() {
    let mut wb = paper();
    let mut r = round(&wb);
    let (subjects, objects) = (r.question.subjects.clone(), r.question.objects.clone());
    let roles: Vec<Option<Id>> = r
        .question
        .roles
        .iter()
        .map(|x| Some(x.id.clone()))
        .chain([
            None,
            Some("zz-unknown".to_string()),
            Some("aa-unknown".to_string()),
        ])
        .collect();
    // Eleven answers, every one filling every cell with a pattern of its own.
    for k in 0..11usize {
        let mut a = new_answer(
            &r.question,
            format!("a{k}"),
            t0() + Duration::minutes(k as i64),
        );
        a.participant = format!("P{k}");
        for (i, s) in subjects.iter().enumerate() {
            for (j, o) in objects.iter().enumerate() {
                let pick = (i * 7 + j * 3 + k * (i + 1) + k * k * j) % roles.len();
                a.cells
                    .entry(s.id.clone())
                    .or_default()
                    .insert(o.id.clone(), roles[pick].clone());
            }
        }
        r.answers.push(Collected {
            answer: a,
            excluded: k == 10,
        });
    }
    wb.rounds.push(r.clone());
    let a = agreement(&r);
    let values = |s: &Choice, o: &Choice| -> Vec<Option<Id>> {
        counted(&r).map(|x| x.cells[&s.id][&o.id].clone()).collect()
    };
    let all: Vec<Vec<Option<Id>>> = subjects
        .iter()
        .flat_map(|s| objects.iter().map(move |o| (s, o)))
        .map(|(s, o)| values(s, o))
        .collect();
    assert_eq!(a.answers, 10, "the excluded answer is not counted");
    // The same figures up to the order of summation.
    let same = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-12,
        (x, y) => x == y,
    };
    assert!(same(a.alpha, agree::alpha_nominal(&all)));
    assert!(same(a.kappa, agree::fleiss_kappa(&all)));
    assert!(a.alpha.is_some() && a.kappa.is_some());
    for (i, s) in subjects.iter().enumerate() {
        let row: Vec<_> = objects.iter().map(|o| values(s, o)).collect();
        assert!(same(a.rows[i], agree::alpha_nominal(&row)), "row {i}");
    }
    for (j, o) in objects.iter().enumerate() {
        let column: Vec<_> = subjects.iter().map(|s| values(s, o)).collect();
        assert!(
            same(a.columns[j], agree::alpha_nominal(&column)),
            "column {j}"
        );
    }
    let place = |c: &Option<Id>| match c {
        Some(id) => r
            .question
            .roles
            .iter()
            .position(|x| &x.id == id)
            .map_or((1, 0, id.clone()), |p| (0, p, String::new())),
        None => (2, 0, String::new()),
    };
    for s in &subjects {
        for o in &objects {
            let t = &a.cells[&(s.id.clone(), o.id.clone())];
            let v = values(s, o);
            assert_eq!(t.n, v.len());
            let mut expected: Vec<(Option<Id>, usize)> = roles
                .iter()
                .map(|c| (c.clone(), v.iter().filter(|x| *x == c).count()))
                .filter(|(_, k)| *k > 0)
                .collect();
            expected.sort_by_key(|(c, k)| (std::cmp::Reverse(*k), place(c)));
            assert_eq!(t.counts, expected, "{} × {}", s.id, o.id);
        }
    }
}

#[test]
fn kappa_is_na_when_cells_have_different_numbers_of_answers() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    collected(
        &mut wb,
        &[
            answer(&r, "1", "A", 1, &[("gov", "infra", Some("main"))]),
            answer(
                &r,
                "2",
                "B",
                1,
                &[
                    ("gov", "infra", Some("main")),
                    ("ent", "infra", Some("assist")),
                ],
            ),
        ],
    );
    let a = agreement(&wb.rounds[0]);
    assert_eq!(a.kappa, None);
    assert_eq!(a.alpha, None, "only one category in the pairable unit");
}

#[test]
fn the_consensus_model_takes_modal_roles_and_flags_the_rest_in_one_undo_step() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    collected(
        &mut wb,
        &[
            answer(
                &r,
                "1",
                "A",
                1,
                &[
                    ("gov", "infra", Some("main")),
                    ("net", "illegal", Some("supervise")),
                    ("ent", "infra", Some("assist")),
                    ("assoc", "infra", None),
                ],
            ),
            answer(
                &r,
                "2",
                "B",
                1,
                &[
                    ("gov", "infra", Some("main")),
                    ("net", "illegal", Some("assist")),
                    ("ent", "infra", Some("assist")),
                    ("assoc", "infra", None),
                ],
            ),
            answer(
                &r,
                "3",
                "C",
                1,
                &[
                    ("gov", "infra", Some("main")),
                    ("ent", "infra", Some("main")),
                ],
            ),
        ],
    );
    let a = agreement(&wb.rounds[0]);
    let name = Text::new("Room consensus", "共识");
    let m = consensus(
        &wb,
        &wb.rounds[0],
        &a,
        0.6,
        "consensus-1".into(),
        name,
        "No agreement",
    );
    assert_eq!(
        m.cell("gov", "infra").unwrap().role.as_deref(),
        Some("main")
    );
    assert_eq!(
        m.cell("ent", "infra").unwrap().role.as_deref(),
        Some("assist"),
        "2 of 3 ≥ 60 %"
    );
    let tie = m.cell("net", "illegal").unwrap();
    assert_eq!(tie.role, None);
    assert!(tie.note.starts_with("No agreement ("), "{}", tie.note);
    assert!(
        m.cell("assoc", "infra").is_none(),
        "agreed on no role: an empty cell"
    );
    // Tiers come from the model the round was taken from.
    assert_eq!(m.tier("party"), Tier::Leadership);
    let strict = consensus(
        &wb,
        &wb.rounds[0],
        &a,
        0.9,
        "c2".into(),
        Text::default(),
        "No agreement",
    );
    assert_eq!(
        strict.cell("ent", "infra").unwrap().role,
        None,
        "2 of 3 < 90 %"
    );
    let mut h = History::default();
    let insert = Command::Insert {
        index: wb.models.len(),
        entity: cogovern::core::commands::Entity::Model(m),
        refs: Default::default(),
    };
    h.apply(&mut wb, insert, t0()).unwrap();
    assert!(validate(&wb).is_empty());
    let back = import(export(&wb).as_bytes()).unwrap().workbook;
    assert_eq!(back, wb, "a workbook with a round and answers round-trips");
    h.undo(&mut wb).unwrap().unwrap();
    assert!(wb.model("consensus-1").is_none());
}

#[test]
fn answering_is_undoable_cell_by_cell() {
    let mut wb = paper();
    let r = round(&wb);
    let id = r.id.clone();
    wb.rounds.push(r.clone());
    let mut h = History::default();
    let mine = new_answer(&r.question, "me".into(), t0());
    h.apply(
        &mut wb,
        Command::SetMine {
            round: id.clone(),
            answer: Some(mine),
        },
        t0(),
    )
    .unwrap();
    let edit = |choice| Command::EditAnswer {
        round: id.clone(),
        subject: "net".into(),
        object: "illegal".into(),
        choice,
    };
    h.apply(&mut wb, edit(Some(None)), t0()).unwrap();
    h.apply(&mut wb, edit(Some(Some("supervise".into()))), t0())
        .unwrap();
    let reason = Command::SetReason {
        round: id.clone(),
        subject: "net".into(),
        object: "illegal".into(),
        reason: "they report".into(),
    };
    h.apply(&mut wb, reason, t0()).unwrap();
    let mine = wb.rounds[0].mine.as_ref().unwrap();
    assert_eq!(mine.cells["net"]["illegal"], Some("supervise".into()));
    assert_eq!(mine.reasons["net"]["illegal"], "they report");
    h.undo(&mut wb).unwrap().unwrap();
    h.undo(&mut wb).unwrap().unwrap();
    assert_eq!(
        wb.rounds[0].mine.as_ref().unwrap().cells["net"]["illegal"],
        None
    );
    h.undo(&mut wb).unwrap().unwrap();
    let start = r.question.start["net"]["illegal"].clone();
    assert_eq!(
        wb.rounds[0].mine.as_ref().unwrap().cells["net"]["illegal"],
        Some(start)
    );
    // An answer naming a subject the question lacks makes the workbook invalid, with its path.
    wb.rounds[0]
        .mine
        .as_mut()
        .unwrap()
        .cells
        .entry("nobody".into())
        .or_default()
        .insert("infra".into(), None);
    let problems = validate(&wb);
    assert_eq!(problems[0].path, "rounds[0].mine.cells.nobody.infra");
}

#[test]
fn exports_name_every_role_and_count() {
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    collected(
        &mut wb,
        &[
            answer(&r, "1", "A", 1, &[("gov", "infra", Some("main"))]),
            answer(&r, "2", "B", 1, &[("gov", "infra", Some("main"))]),
        ],
    );
    let a = agreement(&wb.rounds[0]);
    let csv = agreement_csv(
        &wb.rounds[0],
        &a,
        Lang::En,
        [
            "Subject",
            "Object",
            "Modal role",
            "Share",
            "Answers",
            "No role",
        ],
    );
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("\u{feff}Subject,Object,Leads"),
        "{header}"
    );
    assert!(
        header.ends_with("No role,Modal role,Share,Answers"),
        "{header}"
    );
    assert_eq!(lines.count(), 15);
    assert!(
        csv.contains(",0,2,0,0,0,0,0,Main responsibility,1.000,2\r\n"),
        "{csv}"
    );
}

#[test]
fn pasted_answers_are_cut_into_their_json_values_with_the_exact_text() {
    let r = round(&paper());
    let a = answer_file(&r, &answer(&r, "1", "A", 1, &[]));
    let b = answer_file(&r, &answer(&r, "2", "B", 1, &[]));
    let pieces = split_pasted(&format!("{a}\n{b}"), "pasted");
    assert_eq!(pieces.len(), 2);
    assert_eq!(pieces[0].0, "pasted 1");
    assert_eq!(pieces[1].1, b.trim().as_bytes());
    let c = collect(&r, &pieces);
    assert_eq!(c.commands.len(), 2);
    // A broken tail stays one piece and is reported, after the good ones.
    let pieces = split_pasted(&format!("{a}{{\"format\": "), "pasted");
    assert_eq!(pieces.len(), 2);
    let c = collect(&r, &pieces);
    assert!(matches!(
        c.report[1].1,
        Outcome::Damaged(FileError::Syntax(..))
    ));
    // One value: the text as it is, under the plain name.
    assert_eq!(
        split_pasted("  {\"x\":1} ", "pasted"),
        [("pasted".to_string(), b"{\"x\":1}".to_vec())]
    );
    assert_eq!(split_pasted("", "pasted").len(), 1);
}

#[test]
fn the_stories_three_answers_give_the_figures_worked_by_hand() {
    // The Playwright story's answers: gov × infra M M M; net × illegal S A S; ent × practice A A M.
    // Categories over the three units: M 4, S 2, A 3 (n = 9). Alpha: observed disagreement
    // 0 + 2 + 2 (each split unit: (9 - 5) / 2), expected 81 - (16 + 4 + 9) = 52, so
    // 1 - 8 × 4 / 52 = 5/13. Kappa: P̄ = (1 + 1/3 + 1/3) / 3 = 5/9, P̄e = 29/81, so
    // (45 - 29) / (81 - 29) = 16/52 = 4/13.
    let mut wb = paper();
    let r = round(&wb);
    wb.rounds.push(r.clone());
    let cells = |net: &'static str, ent: &'static str| {
        [
            ("gov", "infra", Some("main")),
            ("net", "illegal", Some(net)),
            ("ent", "practice", Some(ent)),
        ]
    };
    collected(
        &mut wb,
        &[
            answer(&r, "1", "Ann", 1, &cells("supervise", "assist")),
            answer(&r, "2", "Bo", 1, &cells("assist", "assist")),
            answer(&r, "3", "张三", 1, &cells("supervise", "main")),
        ],
    );
    let a = agreement(&wb.rounds[0]);
    assert!(
        (a.alpha.unwrap() - 5.0 / 13.0).abs() < 1e-12,
        "{:?}",
        a.alpha
    );
    assert!(
        (a.kappa.unwrap() - 4.0 / 13.0).abs() < 1e-12,
        "{:?}",
        a.kappa
    );
}
