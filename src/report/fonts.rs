//! The report's fonts: DejaVu Sans (regular, bold, oblique), which covers Cyrillic, Latin,
//! Greek, Arabic and many symbols. Widths are measured from the same font files that are
//! embedded, so wrapped lines never run past the margin.

use std::collections::HashMap;
use std::sync::Mutex;

/// A font weight or style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Oblique (italic).
    Italic,
}

impl Face {
    /// Every face.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The font file.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Italic => dejavu::sans::oblique(),
        }
    }
}

/// Widths of characters in one face, in 1/1000 of the font size.
struct Metrics {
    face: ttf_parser::Face<'static>,
    per_mille: f32,
    cache: Mutex<HashMap<char, Option<f32>>>,
}

impl Metrics {
    fn new(face: Face) -> Option<Self> {
        let face = ttf_parser::Face::parse(face.bytes(), 0).ok()?;
        let per_mille = 1000.0 / f32::from(face.units_per_em());
        Some(Metrics {
            face,
            per_mille,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The advance of `c`, or `None` when the font has no glyph for it.
    fn advance(&self, c: char) -> Option<f32> {
        if let Ok(cache) = self.cache.lock()
            && let Some(w) = cache.get(&c)
        {
            return *w;
        }
        let w = self
            .face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map(|a| f32::from(a) * self.per_mille);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(c, w);
        }
        w
    }
}

/// Measures text in the report's faces.
pub struct Measure {
    faces: Vec<(Face, Metrics)>,
}

impl Measure {
    /// Reads the three faces. `None` only if a bundled font file is damaged.
    pub fn new() -> Option<Self> {
        let faces = Face::ALL
            .iter()
            .map(|f| Some((*f, Metrics::new(*f)?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Measure { faces })
    }

    fn metrics(&self, face: Face) -> &Metrics {
        // Every face is loaded in `new`.
        &self
            .faces
            .iter()
            .find(|(f, _)| *f == face)
            .unwrap_or(&self.faces[0])
            .1
    }

    /// True when the face can show `c` (control characters are never shown).
    pub fn covers(&self, face: Face, c: char) -> bool {
        !c.is_control() && self.metrics(face).advance(c).is_some()
    }

    /// Width of one character at `size` points (as in [`Measure::width`]).
    pub fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        self.metrics(face).advance(c).unwrap_or(600.0) * size / 1000.0
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = self.metrics(face);
        text.chars()
            .map(|c| m.advance(c).unwrap_or(600.0))
            .sum::<f32>()
            * size
            / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_is_covered_and_measured() {
        let m = Measure::new().unwrap();
        for face in Face::ALL {
            assert!(
                "Столична община ЁЖЩЪЬЮЯ ѝ „“ – € №"
                    .chars()
                    .all(|c| m.covers(face, c)),
                "{face:?}"
            );
        }
        assert!(!m.covers(Face::Regular, '难'));
        assert!(!m.covers(Face::Regular, '🤝'));
        let w = m.width(Face::Regular, 10.0, "София");
        assert!(w > 20.0 && w < 40.0, "{w}");
        assert!(m.width(Face::Bold, 10.0, "София") > w);
    }
}
