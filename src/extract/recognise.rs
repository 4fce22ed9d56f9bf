//! Gazetteer recognition: every country, capital, demonym, metonym, known official and
//! organisation the lexicon knows, found in one pass of a multi-pattern automaton over the
//! folded text, longest match first, on word boundaries, with case rules (names capitalised,
//! acronyms exact).

use crate::extract::lexicon::{CountryForm, Entry, Lexicon};
use crate::extract::text::{Text, is_word};

/// A gazetteer match: code-point offsets and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// What it names.
    pub entry: Entry,
}

impl Mention {
    /// The country it names, directly or through an organisation or known person.
    pub fn country(&self, lex: &Lexicon) -> Option<usize> {
        match self.entry {
            Entry::Country(c, _) => Some(c),
            Entry::Org(o) => lex.organisations[o].country,
            Entry::Person(p) => lex.people[p].country,
        }
    }

    /// Whether it names a country itself (not through an organisation or person).
    pub fn is_country(&self) -> bool {
        matches!(self.entry, Entry::Country(..))
    }

    /// Whether it is a demonym.
    pub fn is_demonym(&self) -> bool {
        matches!(self.entry, Entry::Country(_, CountryForm::Demonym))
    }
}

/// Finds the gazetteer mentions in `text` from code point `from` on.
pub fn mentions(text: &Text<'_>, from: usize, lex: &Lexicon) -> Vec<Mention> {
    let hay = &text.folded[from..];
    let mut candidates: Vec<Mention> = Vec::new();
    for m in lex.automaton.find_overlapping_iter(hay) {
        let (start, mut end) = (from + m.start(), from + m.end());
        let pattern = &lex.patterns[m.pattern().as_usize()];
        if start > 0 && is_word(text.folded[start - 1]) {
            continue;
        }
        // A demonym also names its people in the plural (Iranians, Syrians).
        if end < text.len()
            && text.folded[end] == b's'
            && matches!(pattern.entry, Entry::Country(_, CountryForm::Demonym))
        {
            end += 1;
        }
        let last = text.folded[end - 1];
        if end < text.len() && is_word(text.folded[end]) && is_word(last) {
            continue;
        }
        let raw = text.slice(start, end);
        let first = raw.chars().next().unwrap_or(' ');
        if pattern.exact_case {
            if !raw.starts_with(pattern.text.as_str()) {
                continue;
            }
        } else if !(first.is_uppercase() || first.is_ascii_digit()) {
            continue;
        }
        candidates.push(Mention {
            start,
            end,
            entry: pattern.entry,
        });
    }
    // Leftmost-longest, without overlaps.
    candidates.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(candidates.len());
    for m in candidates {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        let lex = Lexicon::get();
        let t = Text::new(s);
        mentions(&t, 0, lex)
            .iter()
            .map(|m| {
                let what = match m.entry {
                    Entry::Country(c, f) => format!("{}:{f:?}", lex.countries[c].iso3),
                    Entry::Person(p) => format!("person:{}", lex.people[p].name),
                    Entry::Org(o) => format!("org:{}", lex.organisations[o].name),
                };
                format!("{}={what}", t.slice(m.start, m.end))
            })
            .collect()
    }

    #[test]
    fn countries_demonyms_capitals_and_acronyms() {
        assert_eq!(
            names("Damascus–Baghdad ties: Iraqi and Syrian officials, U.S. forces and Iranians in Türkiye."),
            [
                "Damascus=SYR:Capital",
                "Baghdad=IRQ:Capital",
                "Iraqi=IRQ:Demonym",
                "Syrian=SYR:Demonym",
                "U.S.=USA:Name",
                "Iranians=IRN:Demonym",
                "Türkiye=TUR:Name"
            ]
        );
        // Lowercase words and the pronoun "us" are not countries.
        assert!(names("let us turkey chad").is_empty());
        assert_eq!(
            names("CENTCOM and ISIS"),
            ["CENTCOM=org:U.S. Central Command", "ISIS=org:Islamic State"]
        );
    }
}
