//! Duplicate keys and JSON paths. JSON leaves the meaning of an object that names a key twice
//! undefined (serde_json keeps the last), so a file that does is ambiguous and is refused, with
//! the JSON path of the second occurrence. The same scan names the JSON path at the position of
//! a parser's error.
//!
//! One pass over the text that looks only at objects' keys and arrays' indices; everything else
//! (syntax, types) is the parser's job, which reports its own errors, so this scanner gives up
//! quietly on text it does not understand.

use std::borrow::Cow;
use std::collections::BTreeSet;

/// Where a key appears a second time: the JSON path of that occurrence, e.g.
/// `models[1].cells.net.illegal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The JSON path of the second occurrence.
    pub path: String,
}

/// One open object or array, and where it sits.
enum Frame<'a> {
    Object {
        /// Where this object's keys start in the scan's key stack (while it has few).
        start: usize,
        /// This object's keys once it has many: an ordered set, as a hash set would let a
        /// hostile file of colliding keys make the scan quadratic.
        many: Option<BTreeSet<Cow<'a, str>>>,
        /// The key whose value is being read.
        key: Option<Cow<'a, str>>,
    },
    Array {
        index: usize,
    },
}

/// Up to this many keys an object's keys are compared one by one (most objects: a cell, a
/// name in two languages, an answer's row of a 20 × 20 round), with no allocation of their
/// own; beyond it they go into a set. (At 16, a row of 20 went into a set: scanning a 20 × 20
/// answer took 33 µs natively; at 32, 20 µs.)
const FEW_KEYS: usize = 32;

/// Whether `key` is new in the object `frame`, whose few keys are `keys[start..]`; records it.
fn first_time<'a>(frame: &mut Frame<'a>, keys: &mut Vec<Cow<'a, str>>, key: Cow<'a, str>) -> bool {
    let Frame::Object { start, many, .. } = frame else {
        return true;
    };
    if let Some(set) = many {
        return set.insert(key);
    }
    if keys[*start..].contains(&key) {
        return false;
    }
    keys.push(key);
    if keys.len() - *start > FEW_KEYS {
        *many = Some(keys.drain(*start..).collect());
    }
    true
}

/// The first key that an object of `text` names twice, if any.
pub fn first_duplicate(text: &str) -> Option<Duplicate> {
    match scan(text, usize::MAX) {
        Scanned::Duplicate(path) => Some(Duplicate { path }),
        Scanned::At(_) | Scanned::End => None,
    }
}

/// The JSON path of what the parser was reading at line `line`, column `column` of `text`
/// (a `serde_json` error's position: 1-based line, column in bytes); empty at the top level.
///
/// This is how the typed readers name the place of a value of the wrong type without a
/// path-tracking deserializer (a large share of the app's code): the parser stops just after
/// the value it refuses, or after the object that lacks a field, and the path of the key or
/// index open there is the value's or the object's.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    match scan(text, start + column) {
        Scanned::At(path) | Scanned::Duplicate(path) => path,
        Scanned::End => String::new(),
    }
}

/// Where a scan stopped, with the path there.
enum Scanned {
    /// A key named a second time in its object.
    Duplicate(String),
    /// The offset asked for.
    At(String),
    /// The end of the text (or text the scanner does not understand).
    End,
}

/// Walks `text`'s objects and arrays up to byte `stop`, or to the first duplicate key.
fn scan(text: &str, stop: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    // The keys of the open objects that have few, innermost last.
    let mut keys: Vec<Cow<'_, str>> = Vec::new();
    // Whether the next string in an object is a key.
    let mut want_key = false;
    let mut i = 0;
    while i < bytes.len() {
        if i >= stop {
            return Scanned::At(path(&stack));
        }
        match bytes[i] {
            b'"' => {
                let Some(end) = string_end(bytes, i) else {
                    return Scanned::End;
                };
                if want_key {
                    // Most keys have no escapes: borrow them (a 200 × 200 workbook has 300,000).
                    let raw = &text[i..end];
                    let key: Cow<str> = if raw.contains('\\') {
                        match serde_json::from_str::<String>(raw) {
                            Ok(k) => Cow::Owned(k),
                            Err(_) => return Scanned::End,
                        }
                    } else {
                        Cow::Borrowed(&raw[1..raw.len() - 1])
                    };
                    if let Some(frame) = stack.last_mut() {
                        let again = !first_time(frame, &mut keys, key.clone());
                        if let Frame::Object { key: current, .. } = frame {
                            *current = Some(key);
                        }
                        if again {
                            return Scanned::Duplicate(path(&stack));
                        }
                    }
                    want_key = false;
                }
                i = end;
                continue;
            }
            b'{' => {
                stack.push(Frame::Object {
                    start: keys.len(),
                    many: None,
                    key: None,
                });
                want_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                if let Some(Frame::Object { start, .. }) = stack.pop() {
                    keys.truncate(start);
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { .. }) => want_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    if i >= stop {
        Scanned::At(path(&stack))
    } else {
        Scanned::End
    }
}

/// One past the closing quote of the string that opens at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The JSON path of the innermost open key: `a.b[2].c`.
fn path(stack: &[Frame<'_>]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => out.push_str(&format!("[{index}]")),
        }
    }
    out
}
