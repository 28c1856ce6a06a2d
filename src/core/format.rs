//! The file format: `{"format": "cogovern.workbook", "version": N, ...workbook}`.
//!
//! Export is pretty and keeps the types' field order, so the same workbook always gives the
//! same bytes. Import checks, in order: size, UTF-8, JSON syntax (line:column), the envelope,
//! the version (newer files are refused, older ones migrated step by step, after tldraw's
//! consecutive migrations), the types (JSON path; unknown fields are errors), then validation.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::model::Workbook;
use super::validate::{validate, Problem, Severity};

/// The `format` name every file carries.
pub const FORMAT: &str = "cogovern.workbook";
/// The version this build writes and reads natively.
pub const VERSION: u32 = 4;
/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// A migration of a file's top-level object from version `from` to `from + 1`.
pub struct Migration {
    /// Version it reads.
    pub from: u32,
    /// Rewrites the document in place.
    pub run: fn(&mut Map<String, Value>) -> Result<(), String>,
}

/// The real migrations, consecutive from version 1.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        run: v1_to_v2,
    },
    Migration {
        from: 2,
        run: v2_to_v3,
    },
    Migration {
        from: 3,
        run: v3_to_v4,
    },
];

/// Version 4 added dot voting: dots by a show of hands on each plan step (`votes`), and in
/// rounds a vote on a plan's steps (`plan`, `steps`, `dots` in the question, `votes` in each
/// answer; left out when there is no vote, so version 3 rounds need nothing).
fn v3_to_v4(doc: &mut Map<String, Value>) -> Result<(), String> {
    for plan in doc
        .get_mut("plans")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        for step in plan
            .get_mut("steps")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(step) = step.as_object_mut() {
                step.entry("votes").or_insert_with(|| Value::from(0));
            }
        }
    }
    Ok(())
}

/// Version 3 added workshop rounds (`rounds`); a version 2 file has none.
fn v2_to_v3(doc: &mut Map<String, Value>) -> Result<(), String> {
    doc.entry("rounds").or_insert_with(|| Value::Array(vec![]));
    Ok(())
}

/// Version 2 added transition plans (`plans`) and each model's checklist (`checks`); a version 1
/// file has neither, so both start empty.
fn v1_to_v2(doc: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(models) = doc.get_mut("models").and_then(Value::as_array_mut) {
        for m in models.iter_mut().filter_map(Value::as_object_mut) {
            m.entry("checks")
                .or_insert_with(|| Value::Object(Map::new()));
        }
    }
    doc.entry("plans").or_insert_with(|| Value::Array(vec![]));
    Ok(())
}

/// Why a file could not be opened. The user's current work is never touched by a failed import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file has no content.
    Empty,
    /// The file is larger than `MAX_BYTES`.
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// Line of the first bad byte.
        line: usize,
        /// Column of the first bad byte.
        column: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The JSON is not an object with a `format` of `cogovern.workbook`.
    NotAWorkbook,
    /// The file has no `version`.
    MissingVersion,
    /// The `version` is not a positive whole number.
    BadVersion(String),
    /// The file was written by a newer cogovern.
    TooNew {
        /// The file's version.
        file: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A migration failed.
    Migration {
        /// The version it started from.
        from: u32,
        /// Why.
        message: String,
    },
    /// An object names a key twice: JSON leaves such a file's meaning undefined.
    DuplicateKey {
        /// JSON path of the second occurrence.
        path: String,
    },
    /// A value has the wrong type or an unknown field.
    Type {
        /// JSON path.
        path: String,
        /// What was expected.
        message: String,
    },
    /// The data is well-formed but inconsistent.
    Invalid(Vec<Problem>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge { bytes } => {
                write!(f, "the file has {bytes} bytes; at most {MAX_BYTES} are accepted")
            }
            ImportError::NotUtf8 { line, column } => {
                write!(f, "line {line}, column {column}: the file is not UTF-8 text")
            }
            ImportError::Syntax { line, column, message } => {
                write!(f, "line {line}, column {column}: not valid JSON ({message})")
            }
            ImportError::NotAWorkbook => write!(f, "this is not a cogovern workbook (no \"format\": \"{FORMAT}\")"),
            ImportError::MissingVersion => write!(f, "the file has no \"version\""),
            ImportError::BadVersion(v) => write!(f, "the version {v} is not a positive whole number"),
            ImportError::TooNew { file, supported } => write!(
                f,
                "the file is version {file}, made by a newer cogovern; this one reads versions up to {supported}"
            ),
            ImportError::Migration { from, message } => {
                write!(f, "could not upgrade the file from version {from}: {message}")
            }
            ImportError::Type { path, message } => write!(f, "{path}: {message}"),
            ImportError::DuplicateKey { path } => write!(f, "{path}: this key appears twice"),
            ImportError::Invalid(problems) => {
                write!(f, "the workbook has {} problem(s)", problems.len())?;
                for p in problems.iter().take(20) {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A successfully opened file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The workbook.
    pub workbook: Workbook,
    /// The version it was migrated from, when it was older.
    pub migrated_from: Option<u32>,
    /// Problems that do not stop the file from opening (see `Severity`).
    pub warnings: Vec<Problem>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    workbook: &'a Workbook,
}

/// The workbook as a file: pretty JSON with a final newline.
pub fn export(wb: &Workbook) -> String {
    let mut s = serde_json::to_string_pretty(&Envelope {
        format: FORMAT,
        version: VERSION,
        workbook: wb,
    })
    .expect("a workbook always serialises: maps have string keys");
    s.push('\n');
    s
}

/// The workbook in its envelope as compact JSON: what autosave stores (see `snapshot`).
pub fn compact(wb: &Workbook) -> String {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        version: VERSION,
        workbook: wb,
    })
    .expect("a workbook always serialises: maps have string keys")
}

/// Line and column (from 1, in characters) of byte `offset` of `bytes`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Opens a file's bytes.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, MIGRATIONS, VERSION)
}

/// Opens a file with a given migration table and current version (tests use their own).
pub fn import_with(
    bytes: &[u8],
    migrations: &[Migration],
    current: u32,
) -> Result<Imported, ImportError> {
    read(bytes, migrations, current, true)
}

/// Opens a file the careful way only: the reader that names every problem, which `import`
/// uses for every file the quick reader does not take. Tests compare the two.
pub fn import_careful(bytes: &[u8]) -> Result<Imported, ImportError> {
    read(bytes, MIGRATIONS, VERSION, false)
}

fn read(
    bytes: &[u8],
    migrations: &[Migration],
    current: u32,
    quick: bool,
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        ImportError::NotUtf8 { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // Most files are of the current version and sound: read them straight into the types.
    // Anything else takes the careful way below, which names what is wrong and where.
    if let Some(workbook) = quick.then(|| fast::read(text, current).ok()).flatten() {
        unique_keys(text)?;
        return checked(workbook, None);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    unique_keys(text)?;
    let Value::Object(mut doc) = value else {
        return Err(ImportError::NotAWorkbook);
    };
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAWorkbook);
    }
    let version = match doc.get("version") {
        None => return Err(ImportError::MissingVersion),
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => n,
            _ => return Err(ImportError::BadVersion(v.to_string())),
        },
    };
    if version > u64::from(current) {
        return Err(ImportError::TooNew {
            file: version,
            supported: current,
        });
    }
    let from = version as u32;
    // The types are read from text by the one typed reader (one copy of that code in the
    // build); a migrated document is written out for it first.
    let migrated;
    let source = if from < current {
        migrate(&mut doc, from, current, migrations)?;
        migrated = Value::Object(doc).to_string();
        migrated.as_str()
    } else {
        text
    };
    let workbook = fast::read(source, current)
        .map_err(|(path, message)| ImportError::Type { path, message })?;
    checked(workbook, (from < current).then_some(from))
}

/// Refuses text whose objects name a key twice (checked once the text is known to be JSON).
fn unique_keys(text: &str) -> Result<(), ImportError> {
    match super::strict::first_duplicate(text) {
        Some(d) => Err(ImportError::DuplicateKey { path: d.path }),
        None => Ok(()),
    }
}

/// The workbook, if validation finds no error.
fn checked(workbook: Workbook, migrated_from: Option<u32>) -> Result<Imported, ImportError> {
    let (warnings, errors): (Vec<Problem>, Vec<Problem>) = validate(&workbook)
        .into_iter()
        .partition(|p| p.kind.severity() == Severity::Warning);
    if !errors.is_empty() {
        return Err(ImportError::Invalid(errors));
    }
    Ok(Imported {
        workbook,
        migrated_from,
        warnings,
    })
}

/// The one typed reader: a file's text straight into the types, without the intermediate JSON
/// tree (three times faster on a 200 × 200 workbook). `import` tries it first; when it fails,
/// the careful reader finds out why and, for a value of the wrong type, asks it again for the
/// path. Duplicate keys (the envelope's too) are refused by `unique_keys` on both ways.
mod fast {
    use std::fmt;

    use super::{syntax_message, FORMAT};
    use crate::core::model::Workbook;
    use crate::core::strict::path_at;
    use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
    use serde::Deserialize;

    /// The workbook in `text`, if it is a sound file of version `current`; else the JSON path
    /// and the message of what is wrong (the careful reader has checked the envelope already
    /// when it asks, so then that is a value of the wrong type).
    pub fn read(text: &str, current: u32) -> Result<Workbook, (String, String)> {
        let mut envelope = Envelope::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let wb = Workbook::deserialize(Skip {
            de: &mut de,
            envelope: &mut envelope,
        })
        .map_err(|e| (path_at(text, e.line(), e.column()), syntax_message(&e)))?;
        de.end().map_err(|e| (String::new(), syntax_message(&e)))?;
        let sound = envelope.format.as_deref() == Some(FORMAT)
            && envelope.version == Some(u64::from(current));
        if sound {
            Ok(wb)
        } else {
            Err((String::new(), "not a sound envelope".into()))
        }
    }

    /// The envelope's own keys, taken out of the workbook's.
    #[derive(Default)]
    struct Envelope {
        format: Option<String>,
        version: Option<u64>,
    }

    /// A deserializer of the top-level object that hands the workbook every key but the
    /// envelope's.
    struct Skip<'a, D> {
        de: D,
        envelope: &'a mut Envelope,
    }

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for Skip<'_, D> {
        type Error = D::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.de.deserialize_map(Wrap {
                visitor,
                envelope: self.envelope,
            })
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    struct Wrap<'a, V> {
        visitor: V,
        envelope: &'a mut Envelope,
    }

    impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
        type Value = V::Value;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            self.visitor.expecting(f)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.visitor.visit_map(Filtered {
                map,
                envelope: self.envelope,
            })
        }
    }

    struct Filtered<'a, A> {
        map: A,
        envelope: &'a mut Envelope,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Filtered<'_, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            loop {
                let Some(key) = self.map.next_key::<String>()? else {
                    return Ok(None);
                };
                match key.as_str() {
                    "format" => self.envelope.format = Some(self.map.next_value()?),
                    "version" => self.envelope.version = Some(self.map.next_value()?),
                    _ => return seed.deserialize(key.into_deserializer()).map(Some),
                }
            }
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(
            &mut self,
            seed: V,
        ) -> Result<V::Value, A::Error> {
            self.map.next_value_seed(seed)
        }
    }
}

/// serde_json's message without its trailing " at line L column C" (we report those apart).
pub fn syntax_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Runs the migrations from `from` up to `to`, one version at a time, stamping each version.
pub fn migrate(
    doc: &mut Map<String, Value>,
    from: u32,
    to: u32,
    migrations: &[Migration],
) -> Result<(), ImportError> {
    for v in from..to {
        let step =
            migrations
                .iter()
                .find(|m| m.from == v)
                .ok_or_else(|| ImportError::Migration {
                    from: v,
                    message: "no migration from this version".into(),
                })?;
        (step.run)(doc).map_err(|message| ImportError::Migration { from: v, message })?;
        doc.insert("version".into(), Value::from(v + 1));
    }
    Ok(())
}

/// The JSON Schema of the file, generated from the types (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn schema() -> Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(Workbook)).expect("a schema is JSON");
    let root = schema
        .as_object_mut()
        .expect("the root schema is an object");
    root.insert(
        "$id".into(),
        Value::from(format!(
            "https://cogovern.invalid/schema/workbook.v{VERSION}.json"
        )),
    );
    root.insert("title".into(), Value::from("cogovern workbook"));
    // The envelope's two fields come first in the file, so they come first here too.
    let props = root
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("a struct has properties");
    let mut with_envelope = Map::new();
    with_envelope.insert("format".into(), serde_json::json!({ "const": FORMAT }));
    with_envelope.insert("version".into(), serde_json::json!({ "const": VERSION }));
    with_envelope.extend(std::mem::take(props));
    *props = with_envelope;
    if let Some(Value::Array(required)) = root.get_mut("required") {
        required.splice(0..0, [Value::from("format"), Value::from("version")]);
    }
    schema
}
