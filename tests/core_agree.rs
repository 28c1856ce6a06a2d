//! Native tests of the agreement statistics: published values, properties and the CSV reader.

use cogovern::core::agree::{alpha_nominal, fleiss_kappa, report, Ratings};
use cogovern::core::csv::parse;

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four coders,
/// twelve units, with missing values (`0` here).
const KRIPPENDORFF: [[u8; 12]; 4] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
    [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
];

fn units_of(coders: &[[u8; 12]]) -> Vec<Vec<u8>> {
    (0..12)
        .map(|u| coders.iter().map(|c| c[u]).filter(|&v| v != 0).collect())
        .collect()
}

/// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories (counts).
const FLEISS: [[usize; 5]; 10] = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
];

fn fleiss_units() -> Vec<Vec<usize>> {
    FLEISS
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .flat_map(|(c, &k)| std::iter::repeat_n(c, k))
                .collect()
        })
        .collect()
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[test]
fn krippendorff_2011_nominal_alpha() {
    let alpha = alpha_nominal(&units_of(&KRIPPENDORFF)).unwrap();
    assert_eq!(round6(alpha), 0.743421, "{alpha}");
}

#[test]
fn wikipedia_fleiss_kappa() {
    let kappa = fleiss_kappa(&fleiss_units()).unwrap();
    assert_eq!((kappa * 1000.0).round() / 1000.0, 0.210, "{kappa}");
}

#[test]
fn perfect_agreement_gives_one() {
    let units = vec![
        vec!["a", "a", "a"],
        vec!["b", "b", "b"],
        vec!["c", "c", "c"],
    ];
    assert_eq!(alpha_nominal(&units), Some(1.0));
    assert_eq!(fleiss_kappa(&units), Some(1.0));
}

#[test]
fn alpha_is_unchanged_when_raters_or_units_are_permuted() {
    let base = alpha_nominal(&units_of(&KRIPPENDORFF)).unwrap();
    let mut coders = KRIPPENDORFF;
    coders.reverse();
    coders.swap(0, 2);
    assert_eq!(
        round6(alpha_nominal(&units_of(&coders)).unwrap()),
        round6(base)
    );
    let mut units = units_of(&KRIPPENDORFF);
    units.reverse();
    units.swap(1, 7);
    assert_eq!(round6(alpha_nominal(&units).unwrap()), round6(base));
}

#[test]
fn undefined_cases_are_none() {
    // Only one category anywhere: no expected disagreement.
    assert_eq!(alpha_nominal(&[vec![1, 1], vec![1, 1, 1]]), None);
    // No unit with two values.
    assert_eq!(alpha_nominal(&[vec![1], vec![2], vec![]]), None);
    assert_eq!(alpha_nominal::<u8>(&[]), None);
    // Kappa needs the same number of values in every unit.
    assert_eq!(fleiss_kappa(&[vec![1, 2], vec![1, 2, 2]]), None);
    assert_eq!(fleiss_kappa(&[vec![1], vec![2]]), None);
    assert_eq!(fleiss_kappa(&[vec![3, 3], vec![3, 3]]), None);
    // Units with one value are dropped, not counted as agreement.
    let with_single = alpha_nominal(&[vec![1, 2], vec![2, 2], vec![1, 1], vec![3]]);
    assert_eq!(
        with_single,
        alpha_nominal(&[vec![1, 2], vec![2, 2], vec![1, 1]])
    );
}

#[test]
fn systematic_disagreement_is_negative() {
    let units = vec![vec!["a", "b"], vec!["b", "a"], vec!["a", "b"]];
    assert!(alpha_nominal(&units).unwrap() < 0.0);
    assert!(fleiss_kappa(&units).unwrap() < 0.0);
}

#[test]
fn ratings_csv_with_bom_chinese_quotes_and_missing_answers() {
    let text =
        "\u{feff}单元,张三,\"Li, Si\",王五\r\n格1,主责,主责,\r\n格2,协助,\"主责\",协助\n\n格3,,,\n";
    let r = Ratings::from_csv(text).unwrap();
    assert_eq!(r.raters, ["张三", "Li, Si", "王五"]);
    assert_eq!(r.units.len(), 3);
    assert_eq!(
        r.units[0].1,
        [Some("主责".into()), Some("主责".into()), None]
    );
    let values = r.values();
    assert_eq!(values[2].len(), 0);
    let out = report(&values, r.raters.len());
    assert!(out.contains("units=3\nraters=3\n"), "{out}");
    assert!(out.contains("kappa=n/a"), "{out}");
}

#[test]
fn the_published_table_as_csv_reproduces_alpha() {
    let mut text = String::from("unit,A,B,C,D\n");
    for u in 0..12 {
        let cells: Vec<String> = KRIPPENDORFF
            .iter()
            .map(|c| {
                if c[u] == 0 {
                    String::new()
                } else {
                    c[u].to_string()
                }
            })
            .collect();
        text.push_str(&format!("u{},{}\n", u + 1, cells.join(",")));
    }
    let r = Ratings::from_csv(&text).unwrap();
    assert!(report(&r.values(), 4).starts_with("alpha=0.743421\nkappa=n/a\nunits=12\nraters=4\n"));
}

#[test]
fn damaged_tables_name_the_line() {
    assert_eq!(Ratings::from_csv("").unwrap_err(), "the table is empty");
    let e = Ratings::from_csv("unit,A\nu1,\"open\n").unwrap_err();
    assert!(e.starts_with("line 2:"), "{e}");
    let e = Ratings::from_csv("unit,A\nu1,a,b\n").unwrap_err();
    assert!(e.starts_with("line 2:"), "{e}");
    let e = Ratings::from_csv("unit\nu1\n").unwrap_err();
    assert!(e.starts_with("line 1:"), "{e}");
    let e = Ratings::from_csv("unit,A\nu1,\"a\"b\n").unwrap_err();
    assert!(e.starts_with("line 2:"), "{e}");
}

#[test]
fn csv_fields_keep_line_breaks_and_quotes() {
    let rows = parse("a,\"b\nc\",\"d\"\"e\"\r\nf\n").unwrap();
    assert_eq!(rows[0], (1, vec!["a".into(), "b\nc".into(), "d\"e".into()]));
    assert_eq!(rows[1], (3, vec!["f".into()]));
}
