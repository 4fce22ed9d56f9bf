//! The CAMEO verb patterns of PETRARCH2 (`seed-data/lexicon/cameo-verbs.tsv`, converted by
//! `scripts/convert_cameo.py` from the Open Event Data Alliance's `CAMEO.2.0.txt`): verb forms
//! in blocks, each block with patterns of nouns and prepositions around the verb that choose a
//! CAMEO code. PETRARCH2 matches them against a parse tree; here they are matched against a
//! window of words around the verb, which is cruder but needs no parser.

use crate::extract::text::FnvMap;
use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../seed-data/lexicon/cameo-verbs.tsv");

/// How far before the verb a pattern's nouns may be, in words.
const BEFORE: usize = 6;
/// How far after the verb a pattern's nouns and prepositions may reach, in words.
const AFTER: usize = 10;

/// A word of the dictionary, interned: comparing two is comparing two integers.
type Word = u32;

/// A word of the text that is in no pattern, form or synset.
const UNKNOWN: Word = Word::MAX;

/// One word of a pattern element.
#[derive(Debug)]
enum Unit {
    /// Any of these words.
    Words(Vec<Word>),
    /// Any phrase of this synset (index into `Verbs::synsets`).
    Synset(usize),
}

/// Consecutive units.
type Element = Vec<Unit>;

#[derive(Debug)]
struct Pattern {
    code: Option<&'static str>,
    before: Vec<Element>,
    after: Vec<Element>,
}

#[derive(Debug)]
struct Form {
    /// The words after the first.
    rest: Vec<Word>,
    block: usize,
    code: Option<&'static str>,
}

/// The dictionary, parsed.
#[derive(Default)]
pub struct Verbs {
    /// Every word of the dictionary and its number.
    words: FnvMap<&'static str, Word>,
    synsets: Vec<Vec<Vec<Word>>>,
    /// Verb forms by the number of their first word.
    forms: Vec<Vec<Form>>,
    patterns: Vec<Vec<Pattern>>,
    /// Per block, its patterns by a word that must be in the window for them to match: a word
    /// that can begin their first element after the verb (or before it, when they have none
    /// after). Only those patterns are tried.
    index: Vec<FnvMap<Word, Vec<u32>>>,
}

impl std::fmt::Debug for Verbs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verbs")
            .field("words", &self.words.len())
            .field("blocks", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

/// A verb found and the code its patterns give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// CAMEO code.
    pub code: &'static str,
    /// The verb's words: index of the first token and one past the last.
    pub verb: (usize, usize),
    /// How many pattern elements chose the code (0: the verb's own code).
    pub specificity: usize,
}

fn code(field: &'static str) -> Option<&'static str> {
    (field != "---" && !field.is_empty()).then_some(field)
}

impl Verbs {
    /// The dictionary compiled into the binary, parsed on first use.
    pub fn get() -> &'static Verbs {
        static V: OnceLock<Verbs> = OnceLock::new();
        V.get_or_init(|| Verbs::parse(DATA))
    }

    fn intern(&mut self, w: &'static str) -> Word {
        let next = Word::try_from(self.words.len()).unwrap_or(UNKNOWN - 1);
        *self.words.entry(w).or_insert(next)
    }

    fn parse(data: &'static str) -> Verbs {
        let mut v = Verbs::default();
        v.words.reserve(12_000);
        let mut synset_index: HashMap<&'static str, usize> = HashMap::new();
        let mut forms: Vec<(Word, Form)> = Vec::with_capacity(8_000);
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            // Up to five tab-separated fields, without an allocation per line.
            let mut f: [&'static str; 5] = [""; 5];
            let mut len = 0;
            for (slot, field) in f.iter_mut().zip(line.split('\t')) {
                *slot = field;
                len += 1;
            }
            match (Some(f[0]), len) {
                (Some("S"), 3) => {
                    synset_index.insert(f[1], v.synsets.len());
                    let phrases = f[2]
                        .split('|')
                        .map(|p| p.split(' ').map(|w| v.intern(w)).collect())
                        .collect();
                    v.synsets.push(phrases);
                }
                (Some("B"), 3) => v.patterns.push(Vec::new()),
                (Some("V"), 4) => {
                    let Ok(block) = f[2].parse::<usize>() else {
                        continue;
                    };
                    let mut words = f[1].split(' ').map(|w| v.intern(w));
                    let Some(first) = words.next() else { continue };
                    let rest = words.collect();
                    forms.push((
                        first,
                        Form {
                            rest,
                            block,
                            code: code(f[3]),
                        },
                    ));
                }
                (Some("P"), 5) => {
                    let Ok(block) = f[1].parse::<usize>() else {
                        continue;
                    };
                    let mut side = |s: &'static str| -> Option<Vec<Element>> {
                        s.split(',')
                            .filter(|e| !e.is_empty())
                            .map(|e| {
                                e.split(' ')
                                    .map(|u| match u.strip_prefix('&') {
                                        Some(_) => synset_index.get(u).map(|&i| Unit::Synset(i)),
                                        None => {
                                            Some(Unit::Words(u.split('|').map(|w| v.intern(w)).collect()))
                                        }
                                    })
                                    .collect::<Option<Element>>()
                            })
                            .collect()
                    };
                    let (Some(before), Some(after)) = (side(f[3]), side(f[4])) else {
                        continue;
                    };
                    if let Some(list) = v.patterns.get_mut(block) {
                        list.push(Pattern {
                            code: code(f[2]),
                            before,
                            after,
                        });
                    }
                }
                _ => {}
            }
        }
        v.index = v.pattern_index();
        v.forms = (0..v.words.len()).map(|_| Vec::new()).collect();
        for (first, form) in forms {
            if let Some(list) = v.forms.get_mut(first as usize) {
                list.push(form);
            }
        }
        v
    }

    /// Per block, its patterns by the words that can begin their first element.
    fn pattern_index(&self) -> Vec<FnvMap<Word, Vec<u32>>> {
        self.patterns
            .iter()
            .map(|list| {
                let mut by_word: FnvMap<Word, Vec<u32>> = FnvMap::default();
                for (pi, p) in list.iter().enumerate() {
                    let first = p.after.first().or(p.before.first()).and_then(|e| e.first());
                    let starts: Vec<Word> = match first {
                        Some(Unit::Words(w)) => w.clone(),
                        Some(Unit::Synset(s)) => self.synsets[*s]
                            .iter()
                            .filter_map(|p| p.first().copied())
                            .collect(),
                        None => Vec::new(),
                    };
                    for w in starts {
                        let entry = by_word.entry(w).or_default();
                        let pi = u32::try_from(pi).unwrap_or(u32::MAX);
                        if entry.last() != Some(&pi) {
                            entry.push(pi);
                        }
                    }
                }
                by_word
            })
            .collect()
    }

    /// The numbers of the words (upper case), `UNKNOWN` for words the dictionary lacks.
    pub fn numbers(&self, words: &[&str]) -> Vec<Word> {
        words
            .iter()
            .map(|w| self.words.get(w).copied().unwrap_or(UNKNOWN))
            .collect()
    }

    /// Whether an element starts at token `at`; where it ends.
    fn element_at(&self, e: &Element, tokens: &[Word], at: usize) -> Option<usize> {
        let mut i = at;
        for unit in e {
            match unit {
                Unit::Words(words) => {
                    let t = tokens.get(i)?;
                    if !words.contains(t) {
                        return None;
                    }
                    i += 1;
                }
                Unit::Synset(s) => {
                    let t = *tokens.get(i)?;
                    if t == UNKNOWN {
                        return None;
                    }
                    let phrase = self.synsets[*s].iter().find(|p| {
                        p.first() == Some(&t) && tokens.get(i..i + p.len()).is_some_and(|w| w == p.as_slice())
                    })?;
                    i += phrase.len();
                }
            }
        }
        Some(i)
    }

    /// Whether the elements occur in order within `tokens[from..to]`.
    fn in_order(&self, elements: &[Element], tokens: &[Word], from: usize, to: usize) -> bool {
        let mut at = from;
        'elements: for e in elements {
            while at < to {
                if tokens[at] != UNKNOWN
                    && let Some(end) = self.element_at(e, tokens, at)
                {
                    at = end;
                    continue 'elements;
                }
                at += 1;
            }
            return false;
        }
        true
    }

    /// Every dictionary verb among the words (upper case) with the code its most specific
    /// matching pattern gives, or the verb's own; verbs whose code is none are left out.
    pub fn find(&self, words: &[&str]) -> Vec<Found> {
        let tokens = self.numbers(words);
        let mut out = Vec::new();
        for (i, &t) in tokens.iter().enumerate() {
            let Some(forms) = self.forms.get(t as usize).filter(|f| !f.is_empty()) else {
                continue;
            };
            // "the visit", "a meeting": a noun, not a verb.
            if i > 0
                && matches!(
                    words[i - 1],
                    "THE" | "A" | "AN" | "THIS" | "THAT" | "ITS" | "THEIR" | "HIS" | "HER" | "OUR" | "WHOSE"
                )
            {
                continue;
            }
            let mut best: Option<Found> = None;
            for form in forms {
                let end = i + 1 + form.rest.len();
                if tokens.get(i + 1..end) != Some(form.rest.as_slice()) {
                    continue;
                }
                let mut choice = form.code.map(|c| (c, 0));
                let (Some(list), Some(by_word)) = (self.patterns.get(form.block), self.index.get(form.block))
                else {
                    continue;
                };
                let after_end = (end + AFTER).min(tokens.len());
                let before_start = i.saturating_sub(BEFORE);
                let mut candidates: Vec<u32> = tokens[end..after_end]
                    .iter()
                    .chain(&tokens[before_start..i])
                    .filter_map(|t| by_word.get(t))
                    .flatten()
                    .copied()
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                for p in candidates.iter().filter_map(|&pi| list.get(pi as usize)) {
                    let n = p.before.len() + p.after.len();
                    if choice.is_some_and(|(_, s)| s >= n)
                        || !self.in_order(&p.after, &tokens, end, after_end)
                        || !self.in_order(&p.before, &tokens, before_start, i)
                    {
                        continue;
                    }
                    // A pattern with the null code says the verb means nothing here.
                    choice = Some((p.code.unwrap_or(""), n));
                }
                if let Some((c, s)) = choice
                    && best.is_none_or(|b| s > b.specificity)
                {
                    best = Some(Found {
                        code: c,
                        verb: (i, end),
                        specificity: s,
                    });
                }
            }
            if let Some(b) = best.filter(|b| !b.code.is_empty()) {
                out.push(b);
            }
        }
        out
    }
}

/// The upper-case words of a text and where each is (byte offsets).
pub fn tokens(text: &str) -> (Vec<String>, Vec<(usize, usize)>) {
    let spans = token_spans(text);
    let words = spans
        .iter()
        .map(|&(s, e)| text[s..e].to_ascii_uppercase())
        .collect();
    (words, spans)
}

/// Where the words of a text are (byte offsets). ASCII upper-casing keeps offsets, so the
/// words of `text.to_ascii_uppercase()` at these spans are those `tokens` gives, without an
/// allocation per word.
pub fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let inside = c.is_ascii_alphanumeric() || (start.is_some() && (c == '\'' || c == '-'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_end_matches(['\'', '-']);
                spans.push((s, s + w.len()));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        let (words, _) = tokens(text);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        Verbs::get().find(&refs).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn dictionary_loads() {
        let v = Verbs::get();
        assert!(v.forms.iter().map(Vec::len).sum::<usize>() > 7000);
        assert!(v.patterns.iter().map(Vec::len).sum::<usize>() > 4000);
    }

    #[test]
    fn patterns_choose_the_code() {
        // SIGN alone codes nothing; SIGN * &TREATY is 057.
        assert_eq!(
            codes("The two ministers signed a memorandum of understanding"),
            ["057"]
        );
        assert_eq!(codes("They signed"), Vec::<&str>::new());
        // HOST is 043; VISIT is 042.
        assert_eq!(codes("Egypt hosted the Israeli delegation"), ["043"]);
        assert_eq!(codes("He visited Ankara"), ["042"]);
        // A noun after a determiner is not the verb.
        assert_eq!(codes("The visit was short"), Vec::<&str>::new());
    }

    #[test]
    fn tokens_keep_inner_apostrophes_and_hyphens() {
        let (w, s) = tokens("Iraq's re-opened border-");
        assert_eq!(w, ["IRAQ'S", "RE-OPENED", "BORDER"]);
        assert_eq!(s, [(0, 6), (7, 16), (17, 23)]);
    }
}
