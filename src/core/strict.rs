//! Duplicate keys: JSON leaves the meaning of an object that names a key twice undefined
//! (serde_json keeps the last), so a file that does is ambiguous and is refused, with the JSON
//! path of the second occurrence.
//!
//! One pass over the text that looks only at objects' keys; everything else (syntax, types) is
//! the parser's job, which runs after this and reports its own errors, so this scanner gives up
//! quietly on text it does not understand.

use std::borrow::Cow;
use std::collections::HashSet;

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
        keys: HashSet<Cow<'a, str>>,
        key: Option<Cow<'a, str>>,
    },
    Array {
        index: usize,
    },
}

/// The first key that an object of `text` names twice, if any.
pub fn first_duplicate(text: &str) -> Option<Duplicate> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    // Whether the next string in an object is a key.
    let mut want_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i)?;
                if want_key {
                    // Most keys have no escapes: borrow them (a 200 × 200 workbook has 300,000).
                    let raw = &text[i..end];
                    let key: Cow<str> = if raw.contains('\\') {
                        Cow::Owned(serde_json::from_str::<String>(raw).ok()?)
                    } else {
                        Cow::Borrowed(&raw[1..raw.len() - 1])
                    };
                    if let Some(Frame::Object { keys, key: current }) = stack.last_mut() {
                        if !keys.insert(key.clone()) {
                            *current = Some(key);
                            return Some(Duplicate { path: path(&stack) });
                        }
                        *current = Some(key);
                    }
                    want_key = false;
                }
                i = end;
                continue;
            }
            b'{' => {
                stack.push(Frame::Object {
                    keys: HashSet::new(),
                    key: None,
                });
                want_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
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
    None
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
