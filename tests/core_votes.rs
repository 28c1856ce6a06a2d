//! Native tests of dot voting on plan steps: by a show of hands on the plan, and in the answer
//! files of a round that votes on the plan; totals, sorting by them, and old files.
#![cfg(not(target_arch = "wasm32"))]

use chrono::Duration;
use cogovern::core::commands::Command;
use cogovern::core::history::{History, Label, RoundAction};
use cogovern::core::model::*;
use cogovern::core::plan::{sort_by_votes, vote_totals};
use cogovern::core::presets;
use cogovern::core::workshop::*;

fn paper() -> Workbook {
    presets::paper(presets::example_time())
}

/// The paper's workbook with a round that votes on its plan with `dots` dots each.
fn voting(dots: u32) -> (Workbook, Round) {
    let wb = paper();
    let ids = |v: Vec<&Id>| v.into_iter().cloned().collect::<Vec<_>>();
    let s = ids(wb.subjects.iter().map(|x| &x.id).collect());
    let o = ids(wb.objects.iter().map(|x| &x.id).collect());
    let r = ids(wb.roles.iter().map(|x| &x.id).collect());
    let mut round = new_round(
        &wb,
        "round-v".into(),
        Text::new("Vote", "投票"),
        [&s, &o, &r],
        None,
        false,
    );
    vote_on(&mut round, &wb.plans[0], dots);
    (wb, round)
}

fn ballot(r: &Round, id: &str, who: &str, votes: &[(usize, u32)]) -> (String, Vec<u8>) {
    let mut a = new_answer(
        &r.question,
        id.into(),
        presets::example_time() + Duration::minutes(5),
    );
    a.participant = who.into();
    for (i, d) in votes {
        a.votes.insert(r.question.steps[*i].id.clone(), *d);
    }
    (format!("{id}.json"), answer_file(r, &a).into_bytes())
}

#[test]
fn dots_in_answer_files_add_to_the_show_of_hands_except_answers_left_out() {
    let (mut wb, round) = voting(3);
    let plan = wb.plans[0].id.clone();
    assert_eq!(round.question.steps.len(), wb.plans[0].steps.len());
    assert_eq!(round.question.steps[0].name, wb.plans[0].steps[0].title);
    // A round that votes is written as version 2; the file carries the steps and the dots.
    assert!(round_file(&round).contains("\"version\":2"));
    wb.rounds.push(round.clone());
    wb.plans[0].steps[2].votes = 4; // a show of hands
    let files = [
        ballot(&round, "a1", "Ann", &[(0, 2), (2, 1)]),
        ballot(&round, "a2", "Bo", &[(2, 3)]),
        ballot(&round, "a3", "Cy", &[(1, 1)]),
    ];
    let got = collect(&round, &files);
    assert!(
        got.report
            .iter()
            .all(|(_, o)| matches!(o, Outcome::Added(_))),
        "{:?}",
        got.report
    );
    Command::Batch(got.commands).apply(&mut wb).unwrap();
    let p = wb.plan(&plan).unwrap();
    let totals = vote_totals(&wb, p);
    let ids: Vec<Id> = p.steps.iter().map(|s| s.id.clone()).collect();
    let id = |i: usize| ids[i].clone();
    assert_eq!((totals[&id(0)], totals[&id(1)], totals[&id(2)]), (2, 1, 8));
    // Left out, Cy's dot no longer counts.
    Command::SetExcluded {
        round: "round-v".into(),
        answer: "a3".into(),
        excluded: true,
    }
    .apply(&mut wb)
    .unwrap();
    assert_eq!(vote_totals(&wb, wb.plan(&plan).unwrap())[&id(1)], 0);
}

#[test]
fn an_answer_with_too_many_dots_or_an_unknown_step_is_damaged() {
    let (_, round) = voting(3);
    let too_many = ballot(&round, "a1", "Ann", &[(0, 2), (1, 2)]);
    let mut a = new_answer(&round.question, "a2".into(), presets::example_time());
    a.votes.insert("no-such-step".into(), 1);
    let unknown = ("a2.json".to_string(), answer_file(&round, &a).into_bytes());
    let got = collect(&round, &[too_many, unknown]);
    assert!(got.commands.is_empty());
    for (_, outcome) in &got.report {
        assert!(
            matches!(outcome, Outcome::Damaged(FileError::Type(..))),
            "{outcome:?}"
        );
    }
}

#[test]
fn giving_dots_is_one_undo_step_each_and_dots_left_counts_down() {
    let (mut wb, round) = voting(3);
    let step = round.question.steps[1].id.clone();
    wb.rounds.push(round);
    let mut h = History::default();
    let t = presets::example_time();
    let mine = new_answer(&wb.rounds[0].question, "m".into(), t);
    h.apply(
        &mut wb,
        Command::SetMine {
            round: "round-v".into(),
            answer: Some(mine),
        },
        t,
    )
    .unwrap();
    for dots in [1, 2] {
        let cmd = Command::SetVote {
            round: "round-v".into(),
            step: step.clone(),
            dots,
        };
        h.apply(&mut wb, cmd, t + Duration::seconds(i64::from(dots) * 10))
            .unwrap();
    }
    let r = &wb.rounds[0];
    assert_eq!(dots_left(&r.question, r.mine.as_ref().unwrap()), 1);
    assert!(matches!(
        h.undo_label(),
        Some(Label::Round(RoundAction::Vote, _))
    ));
    h.undo(&mut wb).unwrap().unwrap();
    assert_eq!(wb.rounds[0].mine.as_ref().unwrap().votes[&step], 1);
    h.undo(&mut wb).unwrap().unwrap();
    assert!(wb.rounds[0].mine.as_ref().unwrap().votes.is_empty());
}

#[test]
fn sorting_by_votes_puts_most_dots_first_keeps_ties_in_order_and_undoes_in_one_step() {
    let mut wb = paper();
    let before: Vec<Id> = wb.plans[0].steps.iter().map(|s| s.id.clone()).collect();
    let n = before.len();
    assert!(n >= 4);
    wb.plans[0].steps[n - 1].votes = 5;
    wb.plans[0].steps[1].votes = 2;
    wb.plans[0].steps[2].votes = 2;
    let plan = wb.plans[0].clone();
    let moves = sort_by_votes(&plan, &vote_totals(&wb, &plan));
    let mut h = History::default();
    h.apply(&mut wb, Command::Batch(moves), presets::example_time())
        .unwrap();
    let after: Vec<Id> = wb.plans[0].steps.iter().map(|s| s.id.clone()).collect();
    assert_eq!(
        after[..3],
        [before[n - 1].clone(), before[1].clone(), before[2].clone()]
    );
    assert_eq!(after[3], before[0]);
    // Sorted already: nothing to do.
    let sorted = wb.plans[0].clone();
    assert!(sort_by_votes(&sorted, &vote_totals(&wb, &sorted)).is_empty());
    h.undo(&mut wb).unwrap().unwrap();
    let undone: Vec<Id> = wb.plans[0].steps.iter().map(|s| s.id.clone()).collect();
    assert_eq!(undone, before);
}

#[test]
fn a_round_without_a_vote_is_written_as_before_so_older_versions_read_it() {
    let (_, mut round) = voting(0);
    round.question.plan = None;
    round.question.steps.clear();
    let text = round_file(&round);
    assert!(text.contains("\"version\":1"));
    assert!(!text.contains("\"dots\"") && !text.contains("\"steps\""));
    let a = new_answer(&round.question, "a".into(), presets::example_time());
    assert!(answer_file(&round, &a).contains("\"version\": 1"));
}
