//! Share links: a file of ours (workbook, one model as a workbook, or a workshop round) carried
//! inside a URL fragment, which browsers never send to a server.
//!
//! A link's fragment is `cg<version>:` and then the file's JSON compressed with zlib, in URL-safe
//! base64 without padding (as mermaid.live's `#pako:`). A link can be hostile or damaged: a zip
//! bomb, garbage, a paste cut short, a link from a newer version. Every such case is a typed
//! error, and decompression never allocates more than its limit.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine};
use miniz_oxide::inflate::{self, TINFLStatus};

use crate::core::model::{Id, Workbook};

/// The start of every share fragment, before the codec's version.
pub const PREFIX: &str = "cg";
/// The link codec's version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The longest fragment read, in characters (about what browsers accept in an address).
pub const MAX_LINK_CHARS: usize = 2 * 1024 * 1024;
/// The most bytes a link may unpack to (a bomb stops here, having allocated no more).
pub const MAX_OUTPUT: usize = 16 * 1024 * 1024;
/// Links longer than this may be cut by chat apps and e-mail.
pub const LONG_LINK: usize = 2000;

/// Why a fragment could not be read as a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a share link at all.
    NotALink,
    /// A link made by a newer version of the app.
    TooNew {
        /// The link's codec version.
        link: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// The fragment is longer than `MAX_LINK_CHARS`.
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A character that URL-safe base64 does not use, at a character position of the fragment.
    BadCharacter {
        /// 1-based position in the fragment.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The link ends too early: it was cut when copied or sent.
    Truncated,
    /// The data does not unpack: the link was changed or damaged.
    Damaged,
    /// The data unpacks to more than the limit.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => write!(f, "this is not a cogovern share link"),
            LinkError::TooNew { link, supported } => write!(
                f,
                "the link was made by a newer version (link format {link}; this version reads up to {supported})"
            ),
            LinkError::TooLong { chars } => write!(
                f,
                "the link has {chars} characters; at most {MAX_LINK_CHARS} are read"
            ),
            LinkError::BadCharacter { position, found } => write!(
                f,
                "character {position} of the link, {found:?}, cannot be part of a share link"
            ),
            LinkError::Truncated => write!(f, "the link is incomplete: it was cut when copied or sent"),
            LinkError::Damaged => write!(f, "the link is damaged: its data does not unpack"),
            LinkError::TooLarge { limit } => {
                write!(f, "the link unpacks to more than {limit} bytes")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// The share fragment (without `#`) that carries `json`.
pub fn encode(json: &str) -> String {
    // Level 9: a link is made once and carried many times, so its length matters most.
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{PREFIX}{VERSION}:{}", URL_SAFE_NO_PAD.encode(packed))
}

/// True when `fragment` (with or without its `#`) claims to be a share link, of any version:
/// such a fragment is offered to `decode`, which says what is wrong with it.
pub fn is_link(fragment: &str) -> bool {
    header(fragment.trim().trim_start_matches('#')).is_some()
}

/// The version and the offset of the data, when `fragment` starts `cg<digits>:`.
fn header(fragment: &str) -> Option<(&str, usize)> {
    let rest = fragment.strip_prefix(PREFIX)?;
    let digits = rest.find(':')?;
    let version = &rest[..digits];
    (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()))
        .then_some((version, PREFIX.len() + digits + 1))
}

/// The file carried by `fragment` (with or without its `#`; surrounding white space, as a
/// paste brings, is ignored), unpacked to at most `MAX_OUTPUT` bytes.
pub fn decode(fragment: &str) -> Result<Vec<u8>, LinkError> {
    decode_with_limit(fragment, MAX_OUTPUT)
}

/// `decode` with an output limit of `limit` bytes.
pub fn decode_with_limit(fragment: &str, limit: usize) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong {
            chars: fragment.chars().count(),
        });
    }
    let (version, start) = header(fragment).ok_or(LinkError::NotALink)?;
    match version.parse::<u32>() {
        Ok(VERSION) => {}
        Ok(0) => return Err(LinkError::NotALink),
        // A number too long to parse is newer than any version.
        Ok(link) => {
            return Err(LinkError::TooNew {
                link,
                supported: VERSION,
            })
        }
        Err(_) => {
            return Err(LinkError::TooNew {
                link: u32::MAX,
                supported: VERSION,
            })
        }
    }
    let data = &fragment[start..];
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|e| match e {
        DecodeError::InvalidByte(at, _) => {
            // `at` counts bytes; a non-ASCII character is reported from its first byte.
            let boundary = (0..=at)
                .rev()
                .find(|&i| data.is_char_boundary(i))
                .unwrap_or(0);
            LinkError::BadCharacter {
                position: fragment[..start + boundary].chars().count() + 1,
                found: data[boundary..].chars().next().unwrap_or('\u{fffd}'),
            }
        }
        // One character over a whole group, or stray bits at the end: the link was cut.
        DecodeError::InvalidLength(_) | DecodeError::InvalidLastSymbol(..) => LinkError::Truncated,
        DecodeError::InvalidPadding => LinkError::Damaged,
    })?;
    if packed.is_empty() {
        return Err(LinkError::Truncated);
    }
    inflate::decompress_to_vec_zlib_with_limit(&packed, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => LinkError::TooLarge { limit },
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => LinkError::Truncated,
        _ => LinkError::Damaged,
    })
}

/// A workbook holding only model `id` of `wb` (no plans, no rounds, which name other models):
/// what a link to one model carries. `None` when `wb` has no such model.
pub fn model_only(wb: &Workbook, id: &Id) -> Option<Workbook> {
    let model = wb.model(id)?.clone();
    let mut one = wb.clone();
    one.models = vec![model];
    one.plans.clear();
    one.rounds.clear();
    Some(one)
}
