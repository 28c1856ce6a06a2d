//! QR codes of share links: which links fit a code that scans from the back of a room, and
//! the code's geometry as one SVG path (the UI draws it; no raster, no script).

use qrcode::{Color, EcLevel, QrCode, Version};

/// The largest QR version offered: 117 modules a side, which still scans when projected
/// across a room. Larger codes exist but need a screen close to the phone.
pub const MAX_VERSION: i16 = 25;
/// White modules around the code, as the standard asks.
pub const QUIET: usize = 4;

/// A QR code's dark modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules a side, without the quiet zone.
    pub width: usize,
    /// Row by row, true for dark.
    pub dark: Vec<bool>,
    /// The QR version (1–40).
    pub version: i16,
}

/// Why a link gets no QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// The text needs a code larger than `MAX_VERSION` (or larger than any QR code).
    TooLong {
        /// The text's length in bytes.
        bytes: usize,
    },
}

/// The QR code of `text`, at low error correction (a screen is not scratched: capacity
/// matters more), if it fits `MAX_VERSION`.
pub fn encode(text: &str) -> Result<Qr, QrError> {
    let too_long = QrError::TooLong { bytes: text.len() };
    let code =
        QrCode::with_error_correction_level(text, EcLevel::L).map_err(|_| too_long.clone())?;
    let version = match code.version() {
        Version::Normal(v) if v <= MAX_VERSION => v,
        _ => return Err(too_long),
    };
    Ok(Qr {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
        version,
    })
}

impl Qr {
    /// The side of the drawing in modules, quiet zone included.
    pub fn size(&self) -> usize {
        self.width + 2 * QUIET
    }

    /// The dark modules as one SVG path, a rectangle per horizontal run, in module units
    /// with the quiet zone included.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for (y, row) in self.dark.chunks(self.width.max(1)).enumerate() {
            let mut x = 0;
            while x < row.len() {
                if !row[x] {
                    x += 1;
                    continue;
                }
                let run = row[x..].iter().take_while(|&&b| b).count();
                d.push_str(&format!("M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET));
                x += run;
            }
        }
        d
    }
}
