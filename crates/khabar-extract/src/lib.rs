//! Pure entity and figure extraction for news text (Arabic first, English,
//! Russian and Spanish), in the shapes of the extraction contract
//! (`shared/eval/SPEC.md`).
//!
//! - [`Extractor`]: built once at start-up from the embedded gazetteers and
//!   curated lists (plus optional user data files), then shared (`Send + Sync`).
//! - [`Extractor::extract`]: text → [`khabar_core::Extraction`]. No I/O, no
//!   clock: relative dates are resolved against the `published` date passed in.
//! - [`detect_lang`]: a script-based language guess.
//!
//! How it works: the text is tokenised with char offsets kept
//! ([`text`](crate) module), each token normalised (diacritics, tatweel, alef
//! forms, `ى`/`ي`, `ة`/`ه`, case, digits). Entities come from a token trie
//! over the gazetteers (Arabic proclitics `و ف ب ل ك` are tried off the first
//! word only when the whole word is not a name), then from rules over titles,
//! speech verbs and organisation heads, then short mentions are linked to the
//! full names found earlier. Figures are found in passes: dates, numbers with
//! what follows them, then ordinals and multipliers. Everything is linear in
//! the input.
//!
//! Data: `data/places.tsv`, `places_more.tsv`, `places_translit.tsv`,
//! `subdivisions.tsv` and `currencies.tsv` are generated from CLDR, GeoNames
//! and Debian iso-codes by the scripts in `scripts/` (`places_translit.tsv`
//! holds Arabic transliterations of towns GeoNames names only in Latin or
//! Cyrillic, which count only after a place cue); the other files in `data/` (persons,
//! organisations, places, regions and given names) are curated (Wikidata Q-ids
//! where known). All are embedded with `include_str!`; users add entries
//! in the same TSV format through [`Extractor::with_user_data`] (format in the
//! `gazetteer` module docs: `id, type, name, context, variant|variant`).
//! Licences are in `data/LICENSES.md`.
//!
//! Architecture invariants: extraction does no I/O and reads no clock; it never
//! panics on any UTF-8 input (property tests and a fuzz target in `fuzz/`);
//! every output span is a char range of the input with `text` equal to it.
//!
//! ```
//! use khabar_extract::Extractor;
//! let ex = Extractor::new().expect("built-in data is valid");
//! let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 26);
//! let out = ex.extract("صرح الرئيس فلاديمير بوتين بأن التجارة بلغت 4.1 مليار دولار", Some("ar"), published);
//! assert_eq!(out.lang, "ar");
//! assert!(out.entities.iter().any(|e| e.text == "فلاديمير بوتين" && e.id == "Q7747"));
//! assert!(out.figures.iter().any(|f| f.unit.as_deref() == Some("USD")));
//! ```

mod entities;
mod figures;
mod gazetteer;
mod numbers;
mod text;
mod words;

use std::path::Path;

use chrono::NaiveDate;
use khabar_core::{Entity, Extraction};

use gazetteer::Gazetteer;

/// Errors building an [`Extractor`]. Extraction itself cannot fail.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A data file line does not follow the gazetteer format.
    #[error("{file}: line {line}: {reason}; fix the line or remove the file (format: id<TAB>type<TAB>name<TAB>context<TAB>variant|variant)")]
    BadDataLine {
        file: String,
        line: usize,
        reason: String,
    },
    /// A user data directory or file could not be read.
    #[error(
        "cannot read user data {path}: {err}; check that the directory exists and is readable"
    )]
    Io { path: String, err: std::io::Error },
}

/// Built-in data files, embedded at compile time. Order matters: later files
/// win on the same surface form.
const BUILTIN: &[(&str, &str)] = &[
    // Smaller places first: every later file wins over them.
    (
        "data/subdivisions.tsv",
        include_str!("../data/subdivisions.tsv"),
    ),
    (
        "data/places_translit.tsv",
        include_str!("../data/places_translit.tsv"),
    ),
    (
        "data/places_more.tsv",
        include_str!("../data/places_more.tsv"),
    ),
    ("data/regions.tsv", include_str!("../data/regions.tsv")),
    ("data/places.tsv", include_str!("../data/places.tsv")),
    ("data/cities_ar.tsv", include_str!("../data/cities_ar.tsv")),
    (
        "data/places_extra.tsv",
        include_str!("../data/places_extra.tsv"),
    ),
    (
        "data/places_world.tsv",
        include_str!("../data/places_world.tsv"),
    ),
    (
        "data/places_spellings.tsv",
        include_str!("../data/places_spellings.tsv"),
    ),
    (
        "data/curated_locations.tsv",
        include_str!("../data/curated_locations.tsv"),
    ),
    (
        "data/organizations.tsv",
        include_str!("../data/organizations.tsv"),
    ),
    (
        "data/organizations_more.tsv",
        include_str!("../data/organizations_more.tsv"),
    ),
    (
        "data/organizations_extra.tsv",
        include_str!("../data/organizations_extra.tsv"),
    ),
    (
        "data/organizations_global.tsv",
        include_str!("../data/organizations_global.tsv"),
    ),
    ("data/persons.tsv", include_str!("../data/persons.tsv")),
    (
        "data/persons_more.tsv",
        include_str!("../data/persons_more.tsv"),
    ),
    (
        "data/firstnames.tsv",
        include_str!("../data/firstnames.tsv"),
    ),
    (
        "data/firstnames_more.tsv",
        include_str!("../data/firstnames_more.tsv"),
    ),
    (
        "data/firstnames_world.tsv",
        include_str!("../data/firstnames_world.tsv"),
    ),
    (
        "data/firstnames_latin.tsv",
        include_str!("../data/firstnames_latin.tsv"),
    ),
];

/// The extraction engine: gazetteers and tables, immutable after construction.
pub struct Extractor {
    gaz: Gazetteer,
    tables: figures::Tables,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("entries", &self.gaz.entries.len())
            .finish()
    }
}

impl Extractor {
    /// Built-in gazetteers and curated lists, embedded in the binary.
    pub fn new() -> Result<Extractor, ExtractError> {
        let mut gaz = Gazetteer::new();
        for (name, content) in BUILTIN {
            gaz.load_tsv(name, content)?;
        }
        Ok(Extractor {
            gaz,
            tables: figures::Tables::new(),
        })
    }

    /// Built-ins plus every `*.tsv` file in `dir` (same format as the curated
    /// files, loaded in name order; user entries win over built-ins).
    pub fn with_user_data(dir: &Path) -> Result<Extractor, ExtractError> {
        let mut ex = Extractor::new()?;
        let io = |e: std::io::Error| ExtractError::Io {
            path: dir.display().to_string(),
            err: e,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        for p in files {
            let content = std::fs::read_to_string(&p).map_err(|e| ExtractError::Io {
                path: p.display().to_string(),
                err: e,
            })?;
            ex.gaz.load_tsv(&p.display().to_string(), &content)?;
        }
        Ok(ex)
    }

    /// Approximate memory held by the gazetteers, in bytes.
    pub fn approx_memory_bytes(&self) -> usize {
        self.gaz.approx_bytes()
    }

    /// Extract entities and figures. Pure: no I/O, no clock.
    ///
    /// `lang`: `Some("ar" | "en" | "ru" | "es")`, or `None` / `Some("auto")` to
    /// detect. `published` resolves relative and year-less dates.
    pub fn extract(
        &self,
        text: &str,
        lang: Option<&str>,
        published: Option<NaiveDate>,
    ) -> Extraction {
        let lang = match lang {
            Some(l @ ("ar" | "en" | "ru" | "es")) => match l {
                "ar" => "ar",
                "en" => "en",
                "ru" => "ru",
                _ => "es",
            },
            _ => detect_lang(text),
        };
        let chars: Vec<char> = text.chars().collect();
        let toks = text::tokenize(&chars);

        let mut ex = entities::Ex::new(&chars, &toks, &self.gaz);
        ex.gazetteer_pass();
        ex.paren_aliases();
        ex.arabic_rules();
        ex.english_rules();
        ex.paren_aliases();
        ex.coordinated_places();
        ex.hyphen_places();
        ex.english_admin_regions();
        ex.english_ministries();
        ex.merge_adjacent_persons();
        ex.patronymics();
        ex.foreign_link_surnames();
        ex.link_short_mentions();
        ex.unify_ids();
        ex.drop_redundant_contractions();
        ex.drop_competition_places();
        ex.drop_place_heads();
        let covered = ex.covered.clone();
        let mut mentions: Vec<_> = ex.out.into_iter().filter(|m| !m.dead).collect();
        mentions.sort_by_key(|m| m.start);

        let mut fx = figures::Cx {
            chars: &chars,
            toks: &toks,
            used: covered,
            published,
            out: Vec::new(),
            lead: None,
            dot_thousands: matches!(lang, "es" | "ru"),
            countries: mentions
                .iter()
                .filter_map(|m| Some((m.a, m.id.strip_prefix("iso:")?.to_string())))
                .collect(),
            country_cues: std::cell::OnceCell::new(),
        };
        fx.run(&self.tables);

        let entities = mentions
            .into_iter()
            .map(|m| Entity {
                kind: m.kind.as_str().to_string(),
                text: chars[m.start..m.end].iter().collect(),
                start: m.start,
                end: m.end,
                id: m.id,
                name: m.name,
            })
            .collect();
        Extraction {
            lang: lang.to_string(),
            entities,
            figures: fx.out,
        }
    }
}

/// Guess the language from the script: Arabic or Cyrillic letters decide;
/// Latin text is Spanish when Spanish marks or function words dominate, else English.
pub fn detect_lang(text: &str) -> &'static str {
    let (mut ar, mut cy, mut la) = (0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if text::is_arabic_letter(c) {
            ar += 1;
        } else if ('\u{400}'..='\u{4ff}').contains(&c) {
            cy += 1;
        } else if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            la += 1;
        }
    }
    if ar >= cy && ar >= la && ar > 0 {
        return "ar";
    }
    if cy >= la && cy > 0 {
        return "ru";
    }
    let lower = text.to_lowercase();
    let es_marks = lower
        .chars()
        .filter(|c| matches!(c, 'ñ' | 'á' | 'é' | 'í' | 'ó' | 'ú' | '¿' | '¡'))
        .count();
    let es_words = lower
        .split_whitespace()
        .take(2000)
        .filter(|w| {
            matches!(
                *w,
                "el" | "la" | "los" | "las" | "del" | "que" | "por" | "para" | "una" | "con" | "y"
            )
        })
        .count();
    let en_words = lower
        .split_whitespace()
        .take(2000)
        .filter(|w| {
            matches!(
                *w,
                "the" | "and" | "of" | "to" | "in" | "is" | "was" | "for" | "with"
            )
        })
        .count();
    if es_words + es_marks / 2 > en_words {
        "es"
    } else {
        "en"
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
};

#[cfg(test)]
mod tests;
