//! Gazetteers: name lists loaded from TSV, matched token by token.
//!
//! File format (UTF-8, one entry a line, `#` starts a comment line):
//!
//! ```text
//! id <TAB> type <TAB> canonical name <TAB> context words <TAB> variant|variant|...
//! Q7747<TAB>person<TAB>Vladimir Putin<TAB><TAB>فلاديمير بوتين|بوتين|Vladimir Putin|Путин
//! ```
//!
//! `type` is `person`, `location`, `organization` (or `firstname`, a list of
//! given names that helps find unknown persons). `context`, when not empty, is
//! a `|`-separated list of words: the entry is only used in a text that contains
//! one of them (e.g. football clubs whose names are common words). The
//! context `@cue` instead makes the entry count only where a place cue comes
//! before it: a preposition or place head (في، إلى، بين، مدينة، منجم), the
//! proclitic ب, or و joining it to a place just named (generated
//! transliterations of small towns, whose spellings may be other words).
//! The name column is for display only: list every surface form, the
//! canonical one included, among the variants. Variants are normalised with
//! the same folding as the text, so spelling
//! differences in diacritics, alef forms or case need no extra variant.

use crate::words::{FxMap, FxSet};

/// The context word that makes an entry count only after a place cue.
const CUE: &str = "@cue";
use std::collections::HashMap;

use crate::text::{fold, tokenize, Kind};
use crate::ExtractError;

/// Entity type of a gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum EType {
    Person,
    Location,
    Organization,
}

impl EType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EType::Person => "person",
            EType::Location => "location",
            EType::Organization => "organization",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub id: String,
    pub kind: EType,
    pub name: String,
    /// Ids of its context words (see [`Gazetteer::context_id`]); empty = always active.
    pub context: Vec<u32>,
    /// Context `@cue`: the name counts only after a place cue (في، إلى، مدينة …).
    pub needs_cue: bool,
}

/// Token-trie over normalised variants.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    vocab: FxMap<String, u32>,
    edges: FxMap<(u32, u32), u32>,
    /// Entry indices ending at each node (node 0 = root).
    ends: Vec<Vec<u32>>,
    pub entries: Vec<Entry>,
    /// Normalised given names (`firstname` lines).
    pub first_names: FxSet<String>,
    /// Normalised context words of all entries → dense ids.
    context_vocab: FxMap<String, u32>,
    index_by_id: HashMap<String, u32>,
}

impl Gazetteer {
    pub(crate) fn new() -> Self {
        Gazetteer {
            ends: vec![Vec::new()],
            ..Default::default()
        }
    }

    /// Vocabulary id of a normalised token.
    pub(crate) fn tok_id(&self, norm: &str) -> Option<u32> {
        self.vocab.get(norm).copied()
    }

    /// Dense id of a context word, if any entry names it.
    pub(crate) fn context_id(&self, norm: &str) -> Option<u32> {
        self.context_vocab.get(norm).copied()
    }

    /// Number of distinct context words.
    pub(crate) fn context_words(&self) -> usize {
        self.context_vocab.len()
    }

    pub(crate) fn step(&self, node: u32, tok: u32) -> Option<u32> {
        self.edges.get(&(node, tok)).copied()
    }

    pub(crate) fn ends_at(&self, node: u32) -> &[u32] {
        &self.ends[node as usize]
    }

    fn intern(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.vocab.get(t) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(t.to_string(), id);
        id
    }

    fn add_variant(&mut self, variant: &str, entry: u32) {
        let chars: Vec<char> = variant.chars().collect();
        let toks = tokenize(&chars);
        if toks.is_empty() || toks.iter().any(|t| t.kind == Kind::Break) {
            return;
        }
        let mut node = 0u32;
        for t in &toks {
            let tid = self.intern(&t.norm);
            node = match self.edges.get(&(node, tid)) {
                Some(&n) => n,
                None => {
                    let n = self.ends.len() as u32;
                    self.ends.push(Vec::new());
                    self.edges.insert((node, tid), n);
                    n
                }
            };
        }
        let ends = &mut self.ends[node as usize];
        if !ends.contains(&entry) {
            // Later files (user data) take precedence over earlier ones.
            ends.insert(0, entry);
        }
    }

    /// Load one TSV file's contents. `source` names it in errors.
    pub(crate) fn load_tsv(&mut self, source: &str, content: &str) -> Result<(), ExtractError> {
        for (ln, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |reason: &str| ExtractError::BadDataLine {
                file: source.to_string(),
                line: ln + 1,
                reason: reason.to_string(),
            };
            if cols.len() < 5 {
                return Err(bad(
                    "expected 5 tab-separated columns: id, type, name, context, variants",
                ));
            }
            let (id, ty, name, ctx, variants) = (
                cols[0].trim(),
                cols[1].trim(),
                cols[2].trim(),
                cols[3],
                cols[4],
            );
            if ty == "firstname" {
                for v in variants.split('|') {
                    let f = fold(v.trim());
                    if !f.is_empty() {
                        self.first_names.insert(f);
                    }
                }
                continue;
            }
            let kind = match ty {
                "person" => EType::Person,
                "location" => EType::Location,
                "organization" => EType::Organization,
                _ => {
                    return Err(bad(
                        "type must be person, location, organization or firstname",
                    ))
                }
            };
            if id.is_empty() || name.is_empty() {
                return Err(bad("id and name must not be empty"));
            }
            let mut context: Vec<String> = ctx
                .split('|')
                .map(|c| fold(c.trim()))
                .filter(|c| !c.is_empty())
                .collect();
            let needs_cue = context.iter().any(|c| c == CUE);
            context.retain(|c| c != CUE);
            let key = format!("{id}\u{1}{}\u{1}{needs_cue}", context.join("|"));
            let idx = match self.index_by_id.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.entries.len() as u32;
                    let context = context
                        .iter()
                        .map(|c| {
                            let next = self.context_vocab.len() as u32;
                            *self.context_vocab.entry(c.clone()).or_insert(next)
                        })
                        .collect();
                    self.entries.push(Entry {
                        id: id.to_string(),
                        kind,
                        name: name.to_string(),
                        context,
                        needs_cue,
                    });
                    self.index_by_id.insert(key, i);
                    i
                }
            };
            for v in variants.split('|') {
                let v = v.trim();
                if !v.is_empty() {
                    self.add_variant(v, idx);
                }
            }
        }
        Ok(())
    }

    /// Memory estimate in bytes (for reporting).
    pub(crate) fn approx_bytes(&self) -> usize {
        self.vocab.keys().map(|k| k.len() + 48).sum::<usize>()
            + self.edges.len() * 40
            + self.ends.len() * 32
            + self
                .entries
                .iter()
                .map(|e| e.id.len() + e.name.len() + 96)
                .sum::<usize>()
    }
}
