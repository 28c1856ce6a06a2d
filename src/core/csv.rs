//! CSV of a model's matrix: one row per subject, one column per object, UTF-8 with a byte order
//! mark so spreadsheet programs show Chinese correctly.

use super::model::*;

/// The domain words the CSV needs, in both languages.
fn orientation_label(o: Orientation, lang: Lang) -> &'static str {
    match (o, lang) {
        (Orientation::Order, Lang::En) => "order",
        (Orientation::Rights, Lang::En) => "rights",
        (Orientation::Both, Lang::En) => "order and rights",
        (Orientation::Order, Lang::Zh) => "秩序",
        (Orientation::Rights, Lang::Zh) => "权利",
        (Orientation::Both, Lang::Zh) => "秩序与权利",
    }
}

/// First characters that make spreadsheets read a field as a formula (OWASP's list, plus the
/// full-width forms).
pub const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// One CSV field: quoted when needed, and never read as a formula by spreadsheets.
pub fn field(s: &str) -> String {
    // A leading = + - @ (or tab or carriage return before one, which some spreadsheets skip;
    // or their full-width forms, which some East Asian spreadsheets read as the same) would be
    // run as a formula: a quote in front makes it text.
    let s = if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A cell as one line of text: role; methods; orientation.
pub fn cell_text(wb: &Workbook, cell: &Cell, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(r) = cell.role.as_ref().and_then(|r| wb.role(r)) {
        parts.push(r.name.get(lang).to_string());
    }
    let methods: Vec<&str> = cell
        .methods
        .iter()
        .filter_map(|m| wb.method(m))
        .map(|m| m.name.get(lang))
        .collect();
    if !methods.is_empty() {
        parts.push(methods.join(if lang == Lang::Zh { "、" } else { ", " }));
    }
    if let Some(o) = cell.orientation {
        parts.push(orientation_label(o, lang).to_string());
    }
    parts.join("; ")
}

/// The matrix of `model` as CSV, with names in `lang`.
pub fn matrix_csv(wb: &Workbook, model: &Model, lang: Lang) -> String {
    let corner = match lang {
        Lang::En => "Subject",
        Lang::Zh => "主体",
    };
    let mut out = String::from('\u{feff}');
    let header: Vec<String> = std::iter::once(field(corner))
        .chain(wb.objects.iter().map(|o| field(o.name.get(lang))))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for s in &wb.subjects {
        let row: Vec<String> = std::iter::once(field(s.name.get(lang)))
            .chain(wb.objects.iter().map(|o| {
                field(
                    &model
                        .cell(&s.id, &o.id)
                        .map(|c| cell_text(wb, c, lang))
                        .unwrap_or_default(),
                )
            }))
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Parses CSV (RFC 4180: fields in double quotes may hold commas, line breaks and doubled
/// quotes; CRLF or LF line ends) into rows, each with the line it starts on. Errors name the
/// line of an unclosed quote or of text after a closing quote.
pub fn parse(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1, 1);
    let mut chars = text.chars().peekable();
    // `quoted`: inside quotes; `closed`: just after a closing quote of the current field.
    let (mut quoted, mut closed) = (false, false);
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => (quoted, closed) = (false, true),
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                row.push(std::mem::take(&mut field));
                closed = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push((start, std::mem::take(&mut row)));
                closed = false;
                start = line + usize::from(c == '\r');
                if c == '\r' {
                    line += 1;
                }
            }
            '"' if field.is_empty() && !closed => quoted = true,
            _ if closed => {
                return Err(format!(
                    "line {line}: text after the closing quote of a field"
                ))
            }
            '"' => return Err(format!("line {line}: a quote inside an unquoted field")),
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(format!("line {start}: a quoted field is never closed"));
    }
    if !field.is_empty() || !row.is_empty() || closed {
        row.push(field);
        rows.push((start, row));
    }
    Ok(rows)
}
