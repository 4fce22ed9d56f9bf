//! Claims: what the article attributes to a source. Direct quotations with their speaker
//! (before or after the quote, or carried over from the previous quote of the paragraph), and
//! sentences with a reporting cue (said, stressed, writes, according to...) whose subject names
//! the source — a person, a role ("the official"), a pronoun, an organisation, a country,
//! "analysts", or the two sides of the article.

use crate::extract::Doc;
use crate::extract::lexicon::{CountryForm, Entry, Lexicon};
use crate::extract::people::{self, Person, RolePhrase, people_before};
use crate::extract::text::{LineKind, is_word};

/// A claim before its source is resolved.
#[derive(Debug, Clone)]
pub struct RawClaim {
    /// The words claimed (code points).
    pub text: (usize, usize),
    /// The reporting cue (code points).
    pub cue: (usize, usize),
    /// Where the source is named (code points); empty when carried over.
    pub subject: (usize, usize),
    /// Index of the sentence.
    pub sentence: usize,
    /// Speaker carried over from an earlier quotation of the same paragraph.
    pub carried_from: Option<usize>,
    /// The publisher's own judgement (no source in the text: the publisher is the source).
    pub by_publisher: bool,
}

/// A resolved source.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// Names, as the output lists them.
    pub names: Vec<String>,
    /// People (indexes into the article's people).
    pub people: Vec<usize>,
    /// Countries (indexes into the lexicon's countries).
    pub countries: Vec<usize>,
    /// Organisations (indexes into the lexicon's organisations).
    pub organisations: Vec<usize>,
}

/// A claim with its source and hedge.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The words claimed.
    pub text: (usize, usize),
    /// The cue.
    pub cue: (usize, usize),
    /// Who it is attributed to.
    pub source: Source,
    /// Whether it carries a hedge.
    pub hedged: bool,
    /// The hedge word found.
    pub hedge: Option<String>,
}

/// A quotation inside a paragraph (code points of its content).
#[derive(Debug, Clone, Copy)]
pub struct Quote {
    /// Start of the content.
    pub start: usize,
    /// End of the content.
    pub end: usize,
}

/// Direct speech: quotations of four words or more ("fragmentation" in quotes is not speech).
pub fn quotes(doc: &Doc<'_>) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    let mut paragraph = usize::MAX;
    for s in &doc.sentences {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            open = None;
            straight_open = None;
        }
        for (k, c) in doc.text.slice(s.start, s.end).chars().enumerate() {
            let i = s.start + k;
            match c {
                '\u{201c}' => open = Some(i + 1),
                '\u{201d}' => {
                    if let Some(o) = open.take() {
                        out.push(Quote { start: o, end: i });
                    }
                }
                '"' => {
                    if let Some(o) = straight_open.take() {
                        out.push(Quote { start: o, end: i });
                    } else {
                        straight_open = Some(i + 1);
                    }
                }
                _ => {}
            }
        }
    }
    // Speech has four words or more, and is not a name in capitals ("One Belt, One Road").
    out.retain(|q| {
        let words: Vec<&str> = doc.text.slice(q.start, q.end).split_whitespace().collect();
        words.len() >= 4
            && !words.iter().all(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_uppercase() || c.is_numeric())
            })
    });
    out
}

/// Where the verb of a clause whose subject is a name starts (code points): the first
/// lower-case word in the past tense ("blamed", "accused", "told") right after a capitalised
/// word, with more capitalised words after it (the objects a subject span must not take).
fn clause_verb(clause: &str) -> Option<usize> {
    let chars = verb_after_subject(clause, false)?;
    let after = &clause[clause.char_indices().nth(chars).map_or(clause.len(), |(i, _)| i)..];
    after
        .split_whitespace()
        .skip(1)
        .any(|x| x.starts_with(|c: char| c.is_uppercase()))
        .then_some(chars)
}

/// Where the first lower-case word in the past tense after the first word starts in `text`
/// (code points): the verb of "the Ethiopian government defended ...".
fn past_verb_after_first_word(text: &str) -> Option<usize> {
    let mut chars = 0;
    text.split(' ').enumerate().find_map(|(k, w)| {
        let at = chars;
        chars += w.chars().count() + 1;
        (k > 0
            && w.len() > 2
            && w.chars().all(|c| c.is_ascii_lowercase())
            && crate::extract::text::is_past_tense(w))
        .then_some(at)
    })
}

/// Where the first verb in the past tense after a subject (a capitalised word or a personal
/// pronoun) starts in `clause` (code points).
fn first_verb(clause: &str) -> Option<usize> {
    verb_after_subject(clause, true)
}

/// Where the first lower-case word in the past tense right after a capitalised word (or, with
/// `pronouns`, a personal pronoun) starts in `clause` (code points).
fn verb_after_subject(clause: &str, pronouns: bool) -> Option<usize> {
    let mut chars = 0;
    let mut after_subject = false;
    for w in clause.split(' ') {
        let bare = w.trim_end_matches([',', ';']);
        if after_subject
            && bare.len() > 2
            && bare.chars().all(|c| c.is_ascii_lowercase())
            && crate::extract::text::is_past_tense(bare)
        {
            return Some(chars);
        }
        after_subject = w.starts_with(|c: char| c.is_uppercase())
            || (pronouns && matches!(bare, "he" | "she" | "they" | "it" | "we"));
        chars += w.chars().count() + 1;
    }
    None
}

/// Participles that report what the subject of the clause before said (stance-cues.txt).
const PARTICIPLE_CUES: &[&[u8]] = &[
    b"expressing",
    b"stressing",
    b"noting",
    b"urging",
    b"emphasizing",
    b"emphasising",
    b"underscoring",
    b"reiterating",
    b"stating",
    b"insisting",
    // "Analyst X agreed, calling it "a major development"".
    b"calling it",
    b"describing it as",
];

/// Whether what follows "declared" is an act rather than a statement: "Kosovo declared
/// independence", "declared a state of emergency".
fn declares_an_act(after: &[u8]) -> bool {
    let after = after.trim_ascii_start();
    let after = after
        .strip_prefix(b"a ")
        .or_else(|| after.strip_prefix(b"an "))
        .or_else(|| after.strip_prefix(b"its "))
        .unwrap_or(after);
    [
        &b"independence"[..],
        b"war",
        b"state of emergency",
        b"national emergency",
        b"martial law",
        b"ceasefire",
        b"truce",
        b"curfew",
        b"sovereignty",
    ]
    .iter()
    .any(|w| after.starts_with(w) && after.get(w.len()).is_none_or(|b| !is_word(*b)))
}

/// Whether a cue is a participle after the clause of its subject: "saying", "adding", or one of
/// [`PARTICIPLE_CUES`].
fn is_participle_cue(cue: &str) -> bool {
    matches!(cue, "saying" | "adding") || PARTICIPLE_CUES.contains(&cue.as_bytes())
}

/// Words that open a new clause after a quotation.
const CLAUSE_OPENERS: &[&str] = &[
    "while", "whereas", "but", "although", "though", "as", "when", "after", "before", "because", "since",
    "which", "who", "and", "yet",
];

/// Words that open a relative clause.
const RELATIVE: &[&str] = &["which", "who", "whom", "whose", "that", "where", "when", "as"];

/// Finds the first cue (the longest at a position) as whole words in the folded text between
/// `start` and `end`, outside quotations, returning its span.
fn find_cue(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    lex: &Lexicon,
    quotes: &[Quote],
) -> Option<(usize, usize)> {
    let hay = &doc.text.folded[start..end];
    for m in lex.cue_automaton.find_overlapping_iter_leftmost(hay) {
        let s = start + m.0;
        let e = start + m.1;
        if (s > 0 && is_word(doc.text.folded[s - 1])) || (e < doc.text.len() && is_word(doc.text.folded[e])) {
            continue;
        }
        if quotes.iter().any(|q| q.start <= s && e <= q.end) {
            continue;
        }
        // Cues are verbs: "The United States" holds no cue "states".
        if s != start
            && doc
                .text
                .slice(s, s + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let before = trim_end_bytes(&doc.text.folded[start..s]);
        // "to reaffirm" is a purpose, not a report ("went on to say" is a cue of its own);
        // "was reported", "is called" and "is being hailed as" are passives.
        if [
            &b" to"[..],
            b" was",
            b" is",
            b" be",
            b"so-",
            b" were",
            b" are",
            b" being",
            b" been",
        ]
        .iter()
        .any(|w| before.ends_with(w))
        {
            continue;
        }
        // "The envoy, who asked not to be named, told VOA ...": a cue inside a relative clause
        // set off by commas is the clause's; the sentence's cue comes after it.
        if let Some(comma) = before.iter().rposition(|&b| b == b',')
            && [&b"who"[..], b"which"].iter().any(|w| {
                let clause = before[comma + 1..].trim_ascii_start();
                clause.starts_with(w) && clause.get(w.len()).is_none_or(|&b| b == b' ')
            })
            && doc.text.folded[e..end].contains(&b',')
        {
            continue;
        }
        let cue = &doc.text.folded[s..e];
        // "When asked about Yemen, the spokesman said ...": a participle that opens the sentence
        // is the question put to the speaker; the sentence's cue comes after its comma.
        if cue.ends_with(b"ed")
            && matches!(
                before.trim_ascii_start(),
                b"" | b"when"
                    | b"if"
                    | b"once"
                    | b"as"
                    | b"while"
                    | b"after being"
                    | b"upon being"
                    | b"when being"
            )
            && doc.text.folded[e..end].contains(&b',')
        {
            continue;
        }
        // "X held talks with Y, expressing the hope that ...": a participle is a cue only after
        // the comma that ends the clause of its subject ("stressing the need for" elsewhere
        // is a noun's or a purpose's).
        if PARTICIPLE_CUES.contains(&cue) && !before.ends_with(b",") {
            continue;
        }
        // "Kosovo declared independence", "declared a state of emergency": an act, not a
        // statement.
        if cue.starts_with(b"declare") && declares_an_act(&doc.text.folded[e..end]) {
            continue;
        }
        // A cue that is also a plural noun is the noun after a determiner or a qualifier
        // ("member states", "the two states", "territorial claims", "media reports").
        if PLURAL_NOUN_CUES.contains(&cue) {
            let previous = before.rsplit(|b| !is_word(*b)).next().unwrap_or_default();
            if NOUN_BEFORE.contains(&previous) || previous.iter().all(u8::is_ascii_digit) {
                continue;
            }
        }
        // "called" before a name is naming or a phone call ("a warship called the Sierra
        // Madre", "Xi called Biden"), not a report.
        if cue == b"called" {
            let after = doc.text.slice(e, (e + 6).min(doc.text.len())).trim_start();
            let after = after.strip_prefix("the ").unwrap_or(after);
            // "called the Turkish accusations an attempt": a demonym before a noun is no name.
            let demonym_before_noun = || {
                doc.mentions
                    .iter()
                    .find(|m| m.start > e && m.start <= e + 6)
                    .filter(|m| matches!(m.entry, Entry::Country(_, CountryForm::Demonym)))
                    .is_some_and(|m| {
                        doc.text
                            .slice(m.end, (m.end + 2).min(doc.text.len()))
                            .trim_start()
                            .starts_with(char::is_lowercase)
                    })
            };
            if after.starts_with(char::is_uppercase) && !demonym_before_noun() {
                continue;
            }
            // "called on President Mohamed Muizzu": a courtesy visit; "called on Israel to
            // stop" stays an appeal.
            if called_on_someone(doc.text.slice(e, (e + 120).min(doc.text.len()))) {
                continue;
            }
        }
        return Some((s, e));
    }
    None
}

/// Whether the words after "called" make a visit to someone ("on President X", "on the Prime
/// Minister") rather than an appeal ("on X to ..."), up to the end of the clause.
pub fn called_on_someone(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("on ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let clause = rest.split([',', '.', ';']).next().unwrap_or_default();
    rest.starts_with(char::is_uppercase) && !clause.split_whitespace().any(|w| w == "to")
}

/// Cues that are also plural nouns.
const PLURAL_NOUN_CUES: &[&[u8]] = &[
    b"states", b"claims", b"reports", b"notes", b"demands", b"asks", b"adds", b"note",
];

/// Words after which such a cue is the noun.
const NOUN_BEFORE: &[&[u8]] = &[
    b"the",
    b"a",
    b"an",
    b"of",
    b"member",
    b"two",
    b"three",
    b"four",
    b"several",
    b"other",
    b"both",
    b"these",
    b"those",
    // "the Serbian ambassador rejected the protest note".
    b"protest",
    b"diplomatic",
    b"verbal",
    b"all",
    b"many",
    b"some",
    b"its",
    b"their",
    b"his",
    b"her",
    b"our",
    b"neighbouring",
    b"neighboring",
    b"arab",
    b"gulf",
    b"baltic",
    b"union",
    b"nuclear",
    b"sovereign",
    b"independent",
    b"western",
    b"territorial",
    b"maritime",
    b"media",
    b"news",
    b"press",
    b"conflicting",
    b"rival",
    b"such",
    b"unconfirmed",
    b"foreign",
    b"friendly",
    b"hostile",
    b"third",
    b"partner",
    b"coastal",
    b"island",
    b"small",
    b"major",
    b"great",
    b"african",
    b"asian",
    b"european",
    b"islamic",
    b"muslim",
    b"new",
    b"latest",
    b"recent",
    b"earlier",
];

fn trim_end_bytes(b: &[u8]) -> &[u8] {
    let mut e = b.len();
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    &b[..e]
}

/// Leftmost-longest matches that may start inside an earlier match that was rejected: the
/// automaton is leftmost-longest, so rejected matches are retried from their next byte.
/// Lazy: a caller that stops at the first match it accepts searches no further.
trait LeftmostFrom {
    fn find_overlapping_iter_leftmost<'h>(
        &'h self,
        hay: &'h [u8],
    ) -> impl Iterator<Item = (usize, usize)> + 'h;
}

impl LeftmostFrom for aho_corasick::AhoCorasick {
    fn find_overlapping_iter_leftmost<'h>(
        &'h self,
        hay: &'h [u8],
    ) -> impl Iterator<Item = (usize, usize)> + 'h {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at >= hay.len() {
                return None;
            }
            let m = self.find(aho_corasick::Input::new(hay).span(at..hay.len()))?;
            at = m.start() + 1;
            Some((m.start(), m.end()))
        })
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A quotation and, when found, its (cue, subject) spans.
type Attributed = (Quote, Option<((usize, usize), (usize, usize))>);

/// A second speaker's clause after a claim's cue: ", while X said ...", ", whereas X
/// argued ...", with a short subject that starts with a capital (after "the"). Gives where the first claim
/// ends (the comma), where the second starts (its subject), and its cue.
fn contrasting_claim(
    doc: &Doc<'_>,
    from: usize,
    end: usize,
    lex: &Lexicon,
    quotes: &[Quote],
) -> Option<(usize, usize, (usize, usize))> {
    let folded = &doc.text.folded[from..end];
    let (at, opener) = [&b", while "[..], b", whereas "]
        .iter()
        .filter_map(|o| memchr::memmem::find(folded, o).map(|i| (i, o.len())))
        .min()?;
    let comma = from + at;
    let start = comma + opener;
    let cue = find_cue(doc, start, end, lex, quotes)?;
    let subject = doc.text.slice(start, cue.0).trim();
    let words = subject.split_whitespace().count();
    let named = subject
        .strip_prefix("the ")
        .unwrap_or(subject)
        .starts_with(|c: char| c.is_uppercase());
    ((1..=6).contains(&words) && named && !subject.contains(',')).then_some((comma, start, cue))
}

/// Finds claims (sources unresolved).
#[expect(
    clippy::too_many_lines,
    reason = "quotations, then cue sentences, each rule short"
)]
/// `quotes` are the article's quotations (`quotes(doc)`), which events need too.
pub fn find(doc: &Doc<'_>, lex: &Lexicon, skip: &[usize], quotes: &[Quote]) -> Vec<RawClaim> {
    let mut out: Vec<RawClaim> = Vec::new();
    // Quotations, with the speaker after them, before them, or carried over.
    let mut quote_claims: Vec<Attributed> = Vec::new();
    for q in quotes {
        let Some(si) = doc.sentence_of(q.end.saturating_sub(1)) else {
            continue;
        };
        let s = &doc.sentences[si];
        // After: “...,” said X / “...,” X said.
        let after_start = (q.end + 1).min(s.end);
        let mut attribution = None;
        if let Some(cue) = find_cue(doc, after_start, s.end, lex, quotes)
            && cue.0 - after_start <= 80
            // "X called it "a step" and urged Y": a second verb of the same speaker; "“...”,
            // while Mitsotakis acknowledged that ...": a new clause's speaker. Neither is a
            // speaker after the quotation.
            && !doc
                .text
                .slice(after_start, cue.0)
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .next()
                .is_some_and(|w| CLAUSE_OPENERS.contains(&w.to_lowercase().as_str()))
        {
            let between = doc.text.slice(after_start, cue.0);
            let subject = if between.trim_matches([',', ' ']).is_empty() {
                inverted_subject(doc, cue.1, s.end)
            } else {
                (after_start, cue.0)
            };
            attribution = Some((cue, subject));
        }
        // Before: X said, “...”.
        if attribution.is_none() {
            let Some(open_si) = doc.sentence_of(q.start) else {
                continue;
            };
            let os = &doc.sentences[open_si];
            // A cue before an earlier quotation of the sentence is that one's ("describing it
            // as "...," while the government defended it, saying "..."").
            let from = quotes
                .iter()
                .filter(|o| o.end < q.start && o.start >= os.start)
                .map(|o| o.end + 1)
                .max()
                .unwrap_or(os.start);
            if let Some(cue) = find_cue(doc, from, q.start.saturating_sub(1), lex, quotes) {
                let clause = clause_start(doc, os.start, cue.0);
                let mut subject =
                    unclosed_appositive(doc, os.start, clause, cue.0).unwrap_or((clause, cue.0));
                // "Sugiono, Indonesia's top diplomat, said the two countries shared "...": the
                // subject is set off before the cue, by commas.
                if doc.text.slice(clause, cue.0).trim().is_empty() && clause > os.start {
                    let previous = clause_start(doc, os.start, clause - 1);
                    let apposed = doc.text.slice(previous, clause - 1).trim_start();
                    let opener = apposed
                        .split_once(' ')
                        .filter(|(w, _)| CLAUSE_OPENERS.contains(w) && !RELATIVE.contains(w))
                        .map(|(w, _)| w.len() + 1);
                    subject = if let Some(skip) = opener {
                        // "..., while the Ethiopian government defended the agreement, saying
                        // "...": the subject of the clause the opener begins.
                        let lead = doc.text.slice(previous, clause - 1).len() - apposed.len();
                        (previous + lead + skip, clause - 1)
                    } else if ["who ", "which ", "whose ", "a ", "an ", "the "]
                        .iter()
                        .any(|w| apposed.starts_with(w))
                        || apposed.starts_with(|c: char| c.is_lowercase())
                    {
                        (
                            clause_start(doc, os.start, previous.saturating_sub(1).max(os.start)),
                            previous.saturating_sub(1).max(os.start),
                        )
                    } else {
                        (previous, clause - 1)
                    };
                    // "Analyst X agreed, calling it "..."": the subject of a participle's clause
                    // ends at its verb.
                    if is_participle_cue(doc.text.slice(cue.0, cue.1))
                        && let Some(verb) = first_verb(doc.text.slice(subject.0, subject.1))
                            .or_else(|| past_verb_after_first_word(doc.text.slice(subject.0, subject.1)))
                    {
                        subject.1 = subject.0 + verb;
                    }
                }
                attribution = Some((cue, subject));
            }
        }
        quote_claims.push((*q, attribution));
    }
    for (k, (q, attribution)) in quote_claims.iter().enumerate() {
        let paragraph = doc.sentence_of(q.start).map(|i| doc.sentences[i].paragraph);
        // Carried over: the nearest attributed quotation of the same paragraph.
        let carried = if attribution.is_none() {
            quote_claims
                .iter()
                .enumerate()
                .filter(|(j, (o, a))| {
                    *j != k
                        && a.is_some()
                        && doc.sentence_of(o.start).map(|i| doc.sentences[i].paragraph) == paragraph
                })
                .min_by_key(|(j, _)| j.abs_diff(k))
                .map(|(j, _)| j)
                .or_else(|| continued_quote(doc, q, paragraph, &quote_claims))
        } else {
            None
        };
        let Some(((cue, subject), carried_from)) = attribution
            .map(|a| (a, None))
            .or_else(|| carried.and_then(|j| quote_claims[j].1.map(|a| (a, Some(j)))))
        else {
            continue;
        };
        for (si, s) in doc.sentences.iter().enumerate() {
            if s.end <= q.start || s.start >= q.end || skip.contains(&si) {
                continue;
            }
            let (a, b) = trim_span(doc, s.start.max(q.start), s.end.min(q.end));
            for (a, b) in split_quoted(doc, a, b) {
                out.push(RawClaim {
                    text: (a, b),
                    cue,
                    subject,
                    sentence: si,
                    carried_from,
                    by_publisher: false,
                });
            }
        }
        // "X called the return "a step" and urged Baku to free ...": a second reporting verb
        // joined by "and" after the quotation claims what follows it, for the same speaker.
        if let Some(si) = doc.sentence_of(q.end.saturating_sub(1))
            && !skip.contains(&si)
        {
            let s = &doc.sentences[si];
            let from = (q.end + 1).min(s.end);
            if let Some(next) = find_cue(doc, from, s.end, lex, quotes)
                && doc.text.slice(from, next.0).trim_matches([',', ' ']) == "and"
            {
                let (a, b) = trim_span(doc, next.1, s.end);
                if b > a {
                    out.push(RawClaim {
                        text: (a, b),
                        cue: next,
                        subject,
                        sentence: si,
                        carried_from,
                        by_publisher: false,
                    });
                }
            }
        }
    }
    // Speeches without quotation marks: transcripts and "X said:" followed by paragraphs.
    for claim in speaker_turns(doc, lex, quotes, skip) {
        if !out.iter().any(|c| c.sentence == claim.sentence) {
            out.push(claim);
        }
    }
    // Sentences with a reporting cue outside quotations.
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.kind != LineKind::Prose || skip.contains(&si) || out.iter().any(|c| c.sentence == si) {
            continue;
        }
        if let Some(cue) = according_to(doc, s.start, s.end) {
            out.push(RawClaim {
                text: (s.start, s.end),
                cue: cue.0,
                subject: cue.1,
                sentence: si,
                carried_from: None,
                by_publisher: false,
            });
            continue;
        }
        let Some(mut cue) = find_cue(doc, s.start, s.end, lex, quotes) else {
            continue;
        };
        // "The partnership would underline the friendship, the Prime Minister added.": a
        // reporting clause closing the sentence names the source; a cue word before it is part
        // of what is claimed.
        if let Some(comma) = (cue.1..s.end).rev().find(|&i| doc.text.folded[i] == b',')
            && let Some(last) = find_cue(doc, comma + 1, s.end, lex, quotes)
            && doc.text.slice(comma + 1, last.0).split_whitespace().count() <= 6
            // "..., which it declared in 2008.": a relative clause, not a reporting one; nor
            // is "..., whereas the EU argued it was fair.", a second speaker's claim.
            && !doc
                .text
                .slice(comma + 1, last.0)
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    let w = w.to_lowercase();
                    RELATIVE.contains(&w.as_str()) || w == "while" || w == "whereas"
                })
            && doc.text.slice(last.1, s.end).split_whitespace().count() <= 4
            && lex
                .cues
                .iter()
                .any(|c| c.as_str() == doc.text.slice(last.0, last.1))
        {
            cue = last;
        }
        if doc.text.slice(cue.1, s.end).trim() == ":" {
            // "X said:" introduces a speech (see speaker_turns); it claims nothing itself.
            continue;
        }
        let clause = clause_start(doc, s.start, cue.0);
        let mut subject = (clause, cue.0);
        // "A Syrian business delegation arrived at the crossing saying ...": a participle after
        // a clause without a comma; the subject ends at the clause's verb.
        if is_participle_cue(doc.text.slice(cue.0, cue.1))
            && let Some(verb) = clause_verb(doc.text.slice(clause, cue.0))
                .or_else(|| past_verb_after_first_word(doc.text.slice(clause, cue.0)))
        {
            subject = (clause, clause + verb);
        }
        if let Some(name) = unclosed_appositive(doc, s.start, clause, cue.0) {
            subject = name;
        }
        if doc.text.slice(clause, cue.0).trim().is_empty() && clause > s.start {
            // "The sources, who spoke on condition of anonymity, said": the subject stands
            // before the relative clause.
            let previous = clause_start(doc, s.start, clause - 1);
            let relative = doc.text.slice(previous, clause - 1).trim_start();
            // ... or an appositive: "Aung Naing Oo, a Burmese analyst based in Thailand, said".
            if relative.starts_with("who ")
                || relative.starts_with("which ")
                || relative.starts_with("whose ")
                || relative.starts_with("a ")
                || relative.starts_with("an ")
                || relative.starts_with("the ")
                // "Sahr Lebbie, commander of Sierra Leone's Maritime Wing, said": a role
                // without an article.
                || relative.starts_with(|c: char| c.is_lowercase())
                // "Dmytro Lubinets, Ukraine's human rights commissioner, said Kyiv would ...":
                // a role owned by a country.
                || relative
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s")))
            {
                subject = (
                    clause_start(doc, s.start, previous.saturating_sub(1).max(s.start)),
                    previous.saturating_sub(1).max(s.start),
                );
            } else if let named = inverted_subject(doc, cue.1, s.end)
                && named != (cue.1, s.end)
                && !is_participle_cue(doc.text.slice(cue.0, cue.1))
            {
                // "..., said analyst Hussein Ibish.": a name after the cue, with the words of
                // their occupation before it.
                subject = named;
            } else if is_participle_cue(doc.text.slice(cue.0, cue.1))
                || doc
                    .text
                    .slice(cue.1, s.end)
                    .trim_start()
                    .starts_with(|c: char| c.is_lowercase())
            {
                // "..., saying ...": the subject of the clause before, never one after.
                // "Liberia's Minister of Information, Amos T. Kollie Jr., said the closure ...":
                // the name set off before the cue, when no name follows it.
                subject = (previous, clause - 1);
                // "Kurti blamed Vucic for the failure, saying ...": the subject ends at the
                // clause's verb; the names after it are its objects.
                if is_participle_cue(doc.text.slice(cue.0, cue.1))
                    && let Some(verb) = clause_verb(doc.text.slice(previous, clause - 1))
                {
                    subject = (previous, previous + verb);
                }
            } else {
                // An inverted cue at the start of a clause: "..., said X."
                subject = inverted_subject(doc, cue.1, s.end);
            }
        } else if doc.text.slice(clause, cue.0).trim().is_empty() {
            subject = inverted_subject(doc, cue.1, s.end);
        }
        // "... signed an agreement in 2023 under which Baghdad pledged to ...": the subject of a
        // cue in a relative clause starts after its pronoun.
        // Only where a subject of its own follows the pronoun: in "experts who follow the issue
        // say", the relative clause is the subject's.
        let text = doc.text.slice(subject.0, subject.1);
        if let Some(at) = [" which ", " whom "]
            .iter()
            .filter_map(|w| text.rfind(w).map(|i| i + w.len()))
            .max()
            && text[at..].split_whitespace().next().is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    || matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "both")
            })
        {
            subject.0 += text[..at].chars().count();
        }
        // "where he met President William Ruto and announced ...": the second verb of a
        // subject who did something else first; the subject ends before the first verb, and a
        // relative word before it is not part of it.
        let text = doc.text.slice(subject.0, subject.1);
        if text.trim_end().ends_with(" and")
            && let Some(verb) = first_verb(text)
        {
            subject.1 = subject.0 + verb;
            let head = doc.text.slice(subject.0, subject.1);
            let lead = head.len() - head.trim_start().len();
            if let Some((first, _)) = head.trim_start().split_once(' ')
                && matches!(first.to_lowercase().as_str(), "where" | "when" | "who" | "as")
            {
                subject.0 += (lead + first.len() + 1).min(head.len());
            }
        }
        // "Vucic said Serbia would not recognise Kosovo, while Kurti said ...": a second
        // speaker's clause is a claim of its own, and ends the first.
        let second = contrasting_claim(doc, cue.1, s.end, lex, quotes);
        out.push(RawClaim {
            text: (s.start, second.map_or(s.end, |c| c.0)),
            cue,
            subject,
            sentence: si,
            carried_from: None,
            by_publisher: false,
        });
        if let Some((_, start, cue)) = second {
            out.push(RawClaim {
                text: (start, s.end),
                cue,
                subject: (start, cue.0),
                sentence: si,
                carried_from: None,
                by_publisher: false,
            });
        }
    }
    // "Wang Yi said that China and Egypt are partners. China is willing to work with Egypt
    // ...": a paragraph that opens with a speaker's reported words goes on in them. A later
    // sentence of it with no source of its own, no quotation and a word of stated position
    // (willing to, supports, firmly, will continue...) is the same speaker's claim.
    let mut continued: Vec<RawClaim> = Vec::new();
    for c in &out {
        let s = &doc.sentences[c.sentence];
        if c.by_publisher
            || c.carried_from.is_some()
            || c.subject.0 > after_dateline(doc, s.start, s.end)
            || c.subject.1 <= c.subject.0
            || doc
                .sentences
                .get(c.sentence.wrapping_sub(1))
                .is_some_and(|p| p.paragraph == s.paragraph)
        {
            continue;
        }
        let readout_speech = doc.government.is_some()
            && doc
                .text
                .folded
                .get(c.cue.1..c.cue.1 + 6)
                .is_some_and(|w| w == b" that ");
        for (si, next) in doc.sentences.iter().enumerate().skip(c.sentence + 1) {
            if next.paragraph != s.paragraph || next.kind != LineKind::Prose {
                break;
            }
            // "He stated that ...": the same speaker's next cue goes on in their words.
            if out.iter().any(|o| {
                o.sentence == si
                    && matches!(
                        doc.text.slice(o.subject.0, o.subject.1).trim(),
                        "He" | "She" | "he" | "she"
                    )
            }) && !quotes.iter().any(|q| q.start < next.end && next.start < q.end)
            {
                continue;
            }
            if skip.contains(&si)
                || out.iter().any(|o| o.sentence == si)
                || quotes.iter().any(|q| q.start < next.end && next.start < q.end)
            {
                break;
            }
            let lower = doc.text.slice(next.start, next.end).to_lowercase();
            // A government's readout ("Wang Yi stressed that ... . Both sides should ...") goes
            // on in its official's reported words; elsewhere, only a sentence of stated position
            // does (a news story's next sentence may be its own background).
            if (!readout_speech || lower.starts_with('"'))
                && !POSITION_WORDS.iter().any(|w| contains_word(&lower, w))
            {
                break;
            }
            continued.push(RawClaim {
                text: trim_span(doc, next.start, next.end),
                cue: c.cue,
                subject: c.subject,
                sentence: si,
                carried_from: None,
                by_publisher: false,
            });
        }
    }
    out.extend(continued);
    // The publisher's own judgements: a sentence with no source that judges in one of the
    // phrases of judgements.txt.
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.kind != LineKind::Prose || skip.contains(&si) || out.iter().any(|c| c.sentence == si) {
            continue;
        }
        if quotes.iter().any(|q| q.start < s.end && s.start < q.end) {
            continue;
        }
        // The folded text has one byte per code point: byte offsets are code-point offsets.
        let hay = &doc.text.folded[s.start..s.end];
        let Some((m0, m1)) = lex
            .judgement_automaton
            .find_iter(hay)
            .find(|m| {
                (m.start() == 0 || !is_word(hay[m.start() - 1]))
                    && (m.end() == hay.len() || !is_word(hay[m.end()]))
            })
            .map(|m| (m.start(), m.end()))
            // "was seen at the time as", "is widely regarded as": the phrases with words between.
            .or_else(|| seen_as().find(hay).map(|m| (m.start(), m.end())))
        else {
            continue;
        };
        out.push(RawClaim {
            text: trim_span(doc, s.start, s.end),
            cue: (s.start + m0, s.start + m1),
            subject: (s.start, s.start),
            sentence: si,
            carried_from: None,
            by_publisher: true,
        });
    }
    // A claim in the first sentence of a wire story starts after its dateline; a source ends
    // before the time of its words ("Algeria's Defence Ministry on April 1 said").
    for c in &mut out {
        c.text.0 = after_dateline(doc, c.text.0, c.text.1);
        c.subject.1 = without_time_tail(doc, c.subject);
    }
    // "... and welcomed what he called "a sensible solution."": a quotation inside a claim of
    // the same sentence is part of it, not a claim again.
    let spans: Vec<(usize, (usize, usize))> = out.iter().map(|c| (c.sentence, c.text)).collect();
    out.retain(|c| {
        !spans
            .iter()
            .any(|&(si, (a, b))| si == c.sentence && a <= c.text.0 && c.text.1 <= b && (a, b) != c.text)
    });
    out.sort_by_key(|c| c.text.0);
    out
}

/// A judgement in the passive with words between its verb and "as": "was seen at the time as",
/// "is widely regarded as" (the folded text is in small letters).
#[expect(
    clippy::expect_used,
    reason = "a fixed pattern, exercised by the extraction tests"
)]
fn seen_as() -> &'static regex::bytes::Regex {
    static R: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::bytes::RegexBuilder::new(
            r"\b(?:is|are|was|were|been|being)\s+(?:widely\s+|largely\s+|generally\s+|increasingly\s+)?(?:seen|regarded|viewed|considered)\s+(?:(?:at|in|by|from)\s+(?:the\s+|that\s+|this\s+)?[a-z]+\s+|widely\s+|largely\s+|here\s+|there\s+|locally\s+){1,2}as\b",
        )
        .unicode(false)
        .build()
        .expect("judgement pattern")
    })
}

/// Words of a stated position (folded): a sentence with one, after a speaker's reported words
/// in the same paragraph, goes on in them.
const POSITION_WORDS: &[&str] = &[
    "willing to",
    "ready to",
    "stands ready",
    "stand ready",
    "supports",
    "opposes",
    "hopes",
    "firmly",
    "will continue",
    "should",
    "must",
    "is committed",
    "are committed",
    "remains committed",
    "looks forward",
    "look forward",
    "values",
    "appreciates",
    "is confident",
    "are confident",
    "is determined",
    "are determined",
];

/// Sentences shorter than this in a speech are greetings and thanks, not claims.
const MIN_SPEECH_WORDS: usize = 6;
/// A speech introduced by "X said:" runs over at most this many paragraphs.
const MAX_SPEECH_PARAGRAPHS: usize = 6;

/// The speaker label that opens a paragraph of a transcript, as (label span, text start):
/// "FOREIGN SECRETARY MANALO: Good afternoon…", "President of Russia Vladimir Putin: Mr
/// President…". A label is at most eight words before a colon, each capitalised (or a short
/// particle: of, the, for, and), without sentence punctuation.
fn speaker_label(doc: &Doc<'_>, start: usize, end: usize) -> Option<((usize, usize), usize)> {
    let raw = doc.text.slice(start, end);
    let colon = raw.find(':')?;
    // "Abdel Fattah el-Sisi (retranslated):", "MINISTER WONG (via interpreter):": a note on
    // the speech after the speaker's name is not part of it.
    let label = match raw[..colon].trim_end().strip_suffix(')') {
        Some(inner) => inner.rfind('(').map_or(&raw[..colon], |i| raw[..i].trim_end()),
        None => &raw[..colon],
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    // The period of an honorific is no sentence's end ("MS. PHAM:", "Mr. Price:").
    let honorific = |w: &str| {
        matches!(
            w.to_ascii_uppercase().as_str(),
            "MR." | "MS." | "MRS." | "DR." | "AMB." | "GEN." | "ADM."
        )
    };
    // An initial ("LLOYD J. AUSTIN III:") or a suffix's period is part of a name.
    let initial = |w: &str| {
        (w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase()))
            || matches!(w.to_ascii_uppercase().as_str(), "JR." | "SR.")
    };
    let punctuated = words
        .iter()
        .any(|w| !honorific(w) && !initial(w) && w.contains(['.', ',', ';', '"', '“', '(']));
    // "General Secretary of the Communist Party of the Socialist Republic of Vietnam Nguyen Phu
    // Trong (retranslated):": a title may make a label long.
    if words.is_empty() || words.len() > 16 || punctuated {
        return None;
    }
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(*w, "of" | "the" | "for" | "and" | "de" | "bin" | "ibn" | "van" | "von" | "da" | "di" | "du" | "al" | "el")
            // "el-Sisi", "al-Sudani": a name's lowercase particle.
            || ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"]
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase)))
    };
    if !words.iter().all(capitalised) || raw[colon + 1..].trim().is_empty() {
        return None;
    }
    let label_end = start + label.chars().count();
    // "ADDIS ABABA: Two land border crossings ...": a dateline's place, not a speaker.
    if doc
        .mentions
        .iter()
        .any(|m| m.start <= start && m.end >= label_end && m.is_country())
    {
        return None;
    }
    let text_start = start + raw[..=colon].chars().count();
    Some(((start, label_end), text_start))
}

/// A speech in progress: who speaks (a span), the cue or label (a span), and the paragraph where
/// the speech starts.
type Turn = ((usize, usize), (usize, usize), usize);

/// Whether a paragraph speaks in the first person (I, we, our…).
fn first_person(doc: &Doc<'_>, paragraph: usize) -> bool {
    doc.sentences
        .iter()
        .filter(|s| s.paragraph == paragraph)
        .any(|s| {
            doc.text
                .slice(s.start, s.end)
                .split(|c: char| !c.is_alphabetic())
                .any(|w| matches!(w, "I" | "we" | "We" | "our" | "Our" | "my" | "My" | "us" | "me"))
        })
}

/// Claims of speeches that carry no quotation marks. A transcript's paragraphs open with the
/// speaker's label; every sentence of the speaker's paragraphs, up to the next label, is the
/// speaker's claim (a one-word label such as MODERATOR or QUESTION ends a turn but makes no
/// claims). A sentence that ends with a reporting cue and a colon ("The Foreign Secretary
/// Boris Johnson said:") introduces the paragraphs after it, up to one with a cue or a label of
/// its own.
fn speaker_turns(doc: &Doc<'_>, lex: &Lexicon, quotes: &[Quote], skip: &[usize]) -> Vec<RawClaim> {
    let mut out = Vec::new();
    let mut turn: Option<Turn> = None;
    let mut previous_paragraph = usize::MAX;
    for (si, s) in doc.sentences.iter().enumerate() {
        let new_paragraph = s.paragraph != previous_paragraph;
        previous_paragraph = s.paragraph;
        let mut text_start = s.start;
        // A label opens a turn even on a line that reads as a heading ("… Putin: Mr
        // President, colleagues,").
        let label = match s.kind {
            _ if !new_paragraph => None,
            LineKind::Prose => speaker_label(doc, s.start, s.end),
            // A crosshead with a colon ("Security First: Borders, ISIS, and Mutual Stability")
            // is no label; a label line without closing punctuation speaks in lowercase words.
            LineKind::Heading => speaker_label(doc, s.start, s.end).filter(|(_, after)| {
                let rest = doc.text.slice(*after, s.end);
                let words: Vec<&str> = rest.split_whitespace().collect();
                let lower = words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .count();
                // "Mr President, friends,": a form of address, which ends with a comma.
                lower * 2 > words.len() || rest.trim_end().ends_with(',')
            }),
            LineKind::Boilerplate => None,
        };
        if let Some((label, after)) = label {
            let words = doc.text.slice(label.0, label.1).split_whitespace().count();
            turn = (words >= 2).then_some((label, label, s.paragraph));
            text_start = after;
        } else if s.kind != LineKind::Prose {
            turn = None;
            continue;
        } else if new_paragraph
            && let Some((subject, cue, opened)) = turn
            && subject != cue
            && s.paragraph > opened
            && (s.paragraph > opened + MAX_SPEECH_PARAGRAPHS
                || find_cue(doc, s.start, s.end, lex, quotes).is_some()
                || !first_person(doc, s.paragraph))
        {
            // A speech introduced by "X said:" goes on in the first person; a paragraph that
            // reports on its own, or tells of the speaker in the third person, ends it.
            turn = None;
        }
        if s.kind != LineKind::Prose {
            continue;
        }
        // "X said:" at the end of a paragraph opens a speech in the next ones.
        let raw = doc.text.slice(s.start, s.end).trim_end();
        if raw.ends_with(':')
            && let Some(cue) = find_cue(doc, s.start, s.end, lex, quotes)
            && doc.text.slice(cue.1, s.end).trim() == ":"
        {
            let clause = clause_start(doc, s.start, cue.0);
            turn = Some(((clause, cue.0), cue, s.paragraph + 1));
            continue;
        }
        let Some((subject, cue, opened)) = turn else {
            continue;
        };
        if s.paragraph < opened || skip.contains(&si) {
            continue;
        }
        let (a, b) = trim_span(doc, text_start, s.end);
        let words = doc.text.slice(a, b);
        // Greetings, thanks and forms of address ("Mr President, colleagues, friends,").
        if words.split_whitespace().count() < MIN_SPEECH_WORDS
            || !words.trim_end().ends_with(['.', '!', '?', '"', '”', '’'])
        {
            continue;
        }
        // The conduct of the briefing itself ("I will now take your questions", "I have no
        // further information at this time") claims nothing.
        let folded = &doc.text.folded[a..b];
        if PROCEDURE
            .iter()
            .any(|p| folded.windows(p.len()).any(|w| w == p.as_bytes()))
        {
            continue;
        }
        out.push(RawClaim {
            text: (a, b),
            cue,
            subject,
            sentence: si,
            carried_from: None,
            by_publisher: false,
        });
    }
    out
}

/// Splits quoted words into sentences where the segmenter kept a quotation whole: at `. ` (or
/// `!`, `?`) before a capital, after a word of three letters or more (not an abbreviation).
/// A paragraph that is nothing but a quotation goes on with the speaker of the last attributed
/// quotation of the paragraph before ("“...,” she said." then "“It's very welcome.”"): the
/// index of that quotation.
fn continued_quote(
    doc: &Doc<'_>,
    q: &Quote,
    paragraph: Option<usize>,
    quote_claims: &[Attributed],
) -> Option<usize> {
    let paragraph = paragraph?;
    let sentences = || doc.sentences.iter().filter(|s| s.paragraph == paragraph);
    let (start, end) = (sentences().next()?.start, sentences().next_back()?.end);
    let outside = |a: usize, b: usize| {
        doc.text.slice(a, b).chars().all(|c| {
            matches!(
                c,
                '"' | '“' | '”' | '\'' | '‘' | '’' | '.' | ',' | ' ' | '!' | '?'
            )
        })
    };
    if !(outside(start, q.start) && outside(q.end, end)) {
        return None;
    }
    let before = doc
        .sentences
        .iter()
        .filter(|s| s.paragraph < paragraph)
        .map(|s| s.paragraph)
        .max()?;
    let para_of = |at: usize| doc.sentence_of(at).map(|i| doc.sentences[i].paragraph);
    let last = quote_claims
        .iter()
        .rposition(|(o, _)| para_of(o.start) == Some(before))?;
    quote_claims[last].1.is_some().then_some(last)
}

fn split_quoted(doc: &Doc<'_>, a: usize, b: usize) -> Vec<(usize, usize)> {
    let f = &doc.text.folded;
    let mut out = Vec::new();
    let mut start = a;
    let mut i = a;
    while i + 2 < b {
        if matches!(f[i], b'.' | b'!' | b'?') && f[i + 1] == b' ' {
            let word_len = (start..i)
                .rev()
                .take_while(|&k| f[k].is_ascii_lowercase())
                .count();
            let next_upper = doc
                .text
                .slice(i + 2, i + 3)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if word_len >= 3 && next_upper {
                out.push(trim_span(doc, start, i + 1));
                start = i + 2;
            }
        }
        i += 1;
    }
    out.push(trim_span(doc, start, b));
    out.retain(|(x, y)| y > x);
    out
}

fn according_to(doc: &Doc<'_>, start: usize, end: usize) -> Option<((usize, usize), (usize, usize))> {
    let hay = &doc.text.folded[start..end];
    let pos = find_bytes(hay, b"according to ")?;
    let cue = (start + pos, start + pos + 12);
    // "according to the U.K. Department for Business and Trade": the period of an initial or a
    // title is no end of the source.
    let rest_end = (cue.1..end)
        .find(|&i| match doc.text.folded[i] {
            b',' | b';' => true,
            b'.' => !abbreviation_before(&doc.text.folded, i),
            _ => false,
        })
        .unwrap_or(end);
    // "according to a statement by the Moroccan foreign ministry": the source is the ministry.
    let mut from = cue.1;
    let folded = doc.text.folded[from..rest_end].trim_ascii_start();
    for article in [&b"a "[..], b"an ", b"the "] {
        let Some(after) = folded.strip_prefix(article) else {
            continue;
        };
        for medium in [
            &b"statement "[..],
            b"report ",
            b"communique ",
            b"readout ",
            b"post ",
            b"tweet ",
        ] {
            let Some(after) = after.strip_prefix(medium) else {
                continue;
            };
            for by in [&b"by "[..], b"from ", b"of ", b"issued by "] {
                if after.starts_with(by) {
                    from = rest_end - (after.len() - by.len());
                }
            }
        }
    }
    // "according to a joint statement issued after talks in New Delhi": the source ends where a
    // participle or a clause about it begins.
    let tail = &doc.text.folded[from..rest_end];
    let rest_end = [
        &b" issued "[..],
        b" released ",
        b" published ",
        b" posted ",
        b" after ",
        b" following ",
        b" who ",
        b" which ",
        b" that ",
    ]
    .iter()
    .filter_map(|w| find_bytes(tail, w))
    .min()
    .map_or(rest_end, |at| from + at);
    Some((cue, (from, rest_end)))
}

/// The end of a source's words without the time that closes them: "Seoul's foreign ministry on
/// Thursday", "the Defence Ministry on April 1", "the spokesman last week", "officials earlier
/// today". A source that is only a time stays as it is.
fn without_time_tail(doc: &Doc<'_>, (a, b): (usize, usize)) -> usize {
    const OTHERS: [&str; 11] = [
        "morning",
        "afternoon",
        "evening",
        "night",
        "earlier",
        "today",
        "yesterday",
        "tonight",
        "week",
        "month",
        "year",
    ];
    if a >= b {
        return b;
    }
    // Folded bytes, one per character: the offsets stay the text's.
    let words: Vec<&[u8]> = doc.text.folded[a..b]
        .trim_ascii_end()
        .split(|&c| c == b' ')
        .collect();
    let bare = |w: &[u8]| -> String { String::from_utf8_lossy(w).trim_end_matches([',', '.']).to_owned() };
    // A word that names a time ("Thursday", "April", "morning", "week").
    let names_time = |w: &[u8]| {
        let w = bare(w);
        crate::extract::time::WEEKDAYS.contains(&w.as_str())
            || MONTH_NAMES.contains(&w.as_str())
            || OTHERS.contains(&w.as_str())
    };
    // ... or goes with one ("last", "this", "1", "21st").
    let in_time = |w: &[u8]| {
        let w = bare(w);
        let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        names_time(w.as_bytes())
            || matches!(w.as_str(), "last" | "this")
            || (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|c| c.is_ascii_digit()))
    };
    let mut k = words.len();
    while k > 0 && in_time(words[k - 1]) {
        k -= 1;
    }
    // A tail with no word that names a time is none ("the G7", "Resolution 2231").
    if !words[k..].iter().any(|w| names_time(w)) {
        return b;
    }
    if k > 0 && matches!(words[k - 1], b"on" | b"in" | b"at" | b"during" | b"since") {
        k -= 1;
    }
    if k == 0 {
        return b;
    }
    a + words[..k].iter().map(|w| w.len() + 1).sum::<usize>() - 1
}

/// Whether the period at `dot` ends an abbreviation rather than a clause: a lone letter ("U.K.",
/// "U.N.", "J. Smith"), "St." or an honorific ("Dr.", "Gen.").
fn abbreviation_before(folded: &[u8], dot: usize) -> bool {
    let word_start = folded[..dot]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &folded[word_start..=dot];
    word.len() == 2
        || word == b"st."
        || crate::extract::text::HONORIFICS
            .iter()
            .any(|h| h.as_bytes().eq_ignore_ascii_case(word))
}

/// The subject after an inverted cue ("..., said Paula Ferreira, an energy analyst at the
/// foundation."): the name alone when a name of two to five capitalised words stands before a
/// comma, else everything up to the sentence's end.
fn inverted_subject(doc: &Doc<'_>, start: usize, end: usize) -> (usize, usize) {
    let rest = doc.text.slice(start, end);
    if let Some(comma) = rest.find(',') {
        let head = rest[..comma].trim();
        let words: Vec<&str> = head.split_whitespace().collect();
        if (2..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "al" | "bin" | "de" | "van" | "von" | "da")
            })
        {
            return (start, start + rest[..comma].chars().count());
        }
    }
    // "..., said Dina Esfandiary of the International Crisis Group", "..., said analyst Hussein
    // Ibish": a person's name, after at most three words of their occupation, and before what
    // they belong to (or the sentence's end).
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for w in rest.split(' ') {
        if !w.is_empty() {
            words.push((offset, w));
        }
        offset += w.len() + 1;
    }
    let occupation = words
        .iter()
        .take_while(|(_, w)| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    if occupation > 3
        || words[..occupation]
            .iter()
            .any(|(_, w)| matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
    {
        return (start, end);
    }
    let mut count = 0;
    for (_, w) in &words[occupation..] {
        let bare = w.trim_end_matches(['.', ',']);
        let initial = bare.chars().count() == 1 && w.ends_with('.');
        if !(bare.starts_with(char::is_uppercase)
            && (bare.chars().count() > 1 || initial)
            && !people::not_name(bare))
        {
            break;
        }
        count += 1;
        // "Ibish." ends the sentence; "J." is an initial.
        if w.ends_with(['.', ',']) && bare.chars().count() > 2 {
            break;
        }
    }
    if !(1..=4).contains(&count) {
        return (start, end);
    }
    let (from, _) = words[occupation];
    let (last_at, last) = words[occupation + count - 1];
    let to = last_at + last.trim_end_matches(['.', ',']).len();
    let after = rest[to..].trim_start_matches(['.', ',']).trim_start();
    // "..., said journalist Roman Borshch, 29.": an age after the name.
    let aged = rest[to..].starts_with(", ") && after.starts_with(|c: char| c.is_ascii_digit());
    let ends = after.is_empty()
        || aged
        || ["of ", "at ", "from ", "with ", "who ", "in "]
            .iter()
            .any(|w| after.starts_with(w));
    // "..., said Serhii, who was captured ...": a single name only before "who" or an age (not
    // a day: "said Monday").
    let single_ok = count > 1 || {
        let name = last.trim_end_matches(['.', ',']).to_lowercase();
        rest[to..].starts_with(", ")
            && (after.starts_with("who ") || aged)
            && !crate::extract::time::WEEKDAYS.contains(&name.as_str())
            && !MONTH_NAMES.contains(&name.as_str())
    };
    if ends && single_ok && (occupation > 0 || !after.is_empty()) {
        let a = start + rest[..from].chars().count();
        return (a, a + rest[from..to].chars().count());
    }
    (start, end)
}

/// "Ali Bakir, non-resident senior fellow with the Atlantic Council noted that ...": an
/// appositive the writer did not close with a comma. The name before its comma (two to four
/// capitalised words opening the sentence) is the subject, not the occupation.
fn unclosed_appositive(
    doc: &Doc<'_>,
    sentence_start: usize,
    clause: usize,
    cue: usize,
) -> Option<(usize, usize)> {
    if clause <= sentence_start || doc.text.folded[clause - 1] != b',' {
        return None;
    }
    let inside = doc.text.slice(clause, cue).trim_start();
    let first = inside.split_whitespace().next()?;
    if !first.starts_with(char::is_lowercase)
        || [
            "and",
            "but",
            "however",
            "meanwhile",
            "who",
            "which",
            "while",
            "whereas",
            "although",
            "though",
            "he",
            "she",
            "they",
            "it",
            "we",
            "i",
            "in",
            "on",
            "at",
            "after",
            "before",
            "when",
            "as",
            "also",
            "then",
            "too",
            "for",
            "instead",
        ]
        .contains(&first.trim_end_matches(','))
    {
        return None;
    }
    let start = after_dateline(doc, sentence_start, clause);
    let head = doc.text.slice(start, clause - 1);
    let words: Vec<&str> = head.split_whitespace().collect();
    let named = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && !people::not_name(w)
                && !crate::extract::time::WEEKDAYS.contains(&w.to_lowercase().as_str())
                && !MONTH_NAMES.contains(&w.to_lowercase().as_str())
        })
        && ![
            "On", "In", "At", "After", "Before", "During", "Last", "This", "Earlier", "Later", "The", "A",
            "An",
        ]
        .contains(&words[0]);
    let lead = head.len() - head.trim_start().len();
    named.then(|| {
        let a = start + head[..lead].chars().count();
        (a, a + head.trim().chars().count())
    })
}

/// The start of the clause that ends at `at`: after the last comma or semicolon before it that
/// is not inside a name list.
fn clause_start(doc: &Doc<'_>, sentence_start: usize, at: usize) -> usize {
    // "ANKARA (Reuters) — Turkey accused ...": a wire story's dateline is not the subject.
    let sentence_start = after_dateline(doc, sentence_start, at);
    let mut end = at;
    loop {
        let Some(i) = (sentence_start..end).rev().find(|&i| {
            matches!(doc.text.folded[i], b',' | b';' | b':' | b'"')
                // "Joseph R. Biden, Jr. and ...": a name's suffix, not a clause.
                && !(doc.text.folded[i] == b','
                    && [&b" jr."[..], b" sr.", b" jr ", b" sr "]
                        .iter()
                        .any(|w| doc.text.folded[i + 1..].starts_with(w)))
                // "Rs 1,000 Indian bank notes": the comma of a number.
                && !(doc.text.folded[i] == b','
                    && i > 0
                    && doc.text.folded[i - 1].is_ascii_digit()
                    && doc.text.folded.get(i + 1).is_some_and(u8::is_ascii_digit))
        }) else {
            return sentence_start;
        };
        // "Japan, the Republic of Korea (ROK), and the United States announced": the commas
        // of a list of countries.
        if doc.text.folded[i] == b',' && in_country_list(doc, i) {
            end = i;
            continue;
        }
        return i + 1;
    }
}

/// Whether the comma at `i` separates two countries of a list: a country (and its acronym in
/// brackets) before it, and "and", "the" and a country after it.
fn in_country_list(doc: &Doc<'_>, i: usize) -> bool {
    // Names of countries, not a capital ("... state visit to Pyongyang, Russia's RIA Novosti
    // news agency reported").
    let country_before = doc.mentions.iter().any(|m| {
        matches!(m.entry, Entry::Country(_, CountryForm::Name)) && m.end <= i && {
            let gap = doc.text.slice(m.end, i).trim();
            gap.is_empty() || (gap.starts_with('(') && gap.ends_with(')') && gap.len() <= 12)
        }
    });
    if !country_before {
        return false;
    }
    let after = doc.text.slice(i + 1, doc.text.len().min(i + 12));
    let skip = after.len() - after.trim_start().len();
    let mut at = i + 1 + skip;
    for word in ["and ", "the "] {
        if doc
            .text
            .slice(at, doc.text.len().min(at + word.len()))
            .eq_ignore_ascii_case(word)
        {
            at += word.len();
        }
    }
    doc.mentions.iter().any(|m| {
        m.is_country()
            && m.start == at
            && !doc
                .text
                .slice(m.end, doc.text.len().min(m.end + 2))
                .starts_with(['\'', '’'])
    })
}

/// `a`, or where a wire story's dateline ends when it ends between `a` and `b`: the dateline
/// is where the story was filed, neither part of a claim nor its source.
fn after_dateline(doc: &Doc<'_>, a: usize, b: usize) -> usize {
    if a > doc.body_start + 100 {
        return a;
    }
    doc.dateline_end().filter(|&d| a < d && d < b).unwrap_or(a)
}

fn trim_span(doc: &Doc<'_>, a: usize, mut b: usize) -> (usize, usize) {
    let mut a = after_dateline(doc, a, b);
    let strip = |c: u8| matches!(c, b' ' | b',' | b'"' | b'\'');
    while a < b && strip(doc.text.folded[a]) {
        a += 1;
    }
    while b > a && strip(doc.text.folded[b - 1]) {
        b -= 1;
    }
    (a, b)
}

/// Phrases of a briefing's own conduct (in folded text): a sentence of a speech with one of
/// them is procedure, not a claim.
const PROCEDURE: &[&str] = &[
    "take your questions",
    "take questions",
    "next question",
    "begin with an announcement",
    "start with an announcement",
    "have an announcement",
    "no further information",
    "no information to release",
    "nothing further to add",
    "nothing to add",
    "i refer you to",
    "please refer to",
    "that concludes",
    "that's all for today",
    "thank you for your question",
];

const PAIR_WORDS: &[&str] = &[
    // "according to a joint statement": both governments (the annotation's rule).
    "joint statement",
    "the parties",
    "both parties",
    "two parties",
    "heads of delegation",
    "two sides",
    "both sides",
    "delegations",
    "both countries",
    "two countries",
    "two governments",
    "both governments",
    "two neighbors",
    "two neighbours",
    "both capitals",
    "the countries",
    "two nations",
    "both nations",
    "the neighbours",
    "the neighbors",
    "the sides",
];
const TWO_PEOPLE: &[&str] = &[
    "both leaders",
    "two leaders",
    "heads of state",
    "heads of government",
    "the leaders",
    "the two men",
    "both men",
    "the pair",
    "both ministers",
    "two ministers",
    "the ministers",
    "the foreign ministers",
    "the defence ministers",
    "the defense ministers",
    "the prime ministers",
    "the presidents",
    "two presidents",
    "both presidents",
    "two prime ministers",
    "both prime ministers",
    "two foreign ministers",
    "both foreign ministers",
    "the secretaries",
    "both officials",
    "two authorities",
    "both authorities",
];

fn contains_word(hay: &str, word: &str) -> bool {
    // Short haystacks and many words: a scan from each first byte costs less than the setup of
    // a substring searcher per word.
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    memchr::memchr_iter(first, hay.as_bytes())
        .filter(|&i| hay.as_bytes()[i..].starts_with(word.as_bytes()))
        .any(|i| {
            let before = hay[..i].chars().last().is_none_or(|c| !c.is_alphanumeric());
            let after = hay[i + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
}

/// The person a role phrase refers to: one of its country whose role has its head noun
/// (any of its country for "official"), mentioned nearest before, else nearest after.
pub fn person_for_role(
    people: &[Person],
    phrase: &RolePhrase,
    at: usize,
    government: Option<usize>,
) -> Option<usize> {
    // "The official" with no country is the official last mentioned; "the police chief", "a
    // border official" only one whose role says police or border.
    let qualifier = {
        let role = phrase.role.to_lowercase();
        let words: Vec<&str> = role.split_whitespace().collect();
        words
            .iter()
            .position(|w| w.trim_end_matches('s') == phrase.head)
            .and_then(|i| i.checked_sub(1))
            .map(|i| words[i].to_owned())
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "top"
                        | "senior"
                        | "most"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "s"
                        | "'s"
                ) && w.chars().all(char::is_alphabetic)
            })
    };
    let generic = matches!(phrase.head, "official" | "leader" | "chief" | "diplomat") && qualifier.is_none();
    let holds = |p: &Person| {
        let role = p.role.as_deref().unwrap_or_default().to_lowercase();
        if let Some(q) = &qualifier
            && matches!(phrase.head, "official" | "leader" | "chief" | "diplomat")
        {
            return role.contains(q.as_str());
        }
        // "External Affairs Minister reaffirmed" is not the Prime Minister, nor "the deputy
        // foreign minister" the foreign minister: a prime minister's and a deputy's offices are
        // others than a minister's.
        let said = phrase.role.to_lowercase();
        for rank in ["prime minister", "deputy", "vice"] {
            if said.contains(rank) != role.contains(rank) && phrase.head != "official" {
                return false;
            }
        }
        // "the spokesman" is the official whose role says spokesperson or spokeswoman too.
        let spokes = phrase.head.starts_with("spokes") && role.contains("spokes");
        generic || spokes || role.contains(phrase.head)
    };
    // In a government's own release, "the Prime Minister" with no country is its own, when the
    // text names one: GOV.UK's "the Prime Minister announced" after Poland's prime minister
    // was named is still Keir Starmer.
    let own = government.filter(|&g| {
        phrase.country.is_none()
            && !generic
            && people
                .iter()
                .any(|p| p.country == Some(g) && !p.guessed && holds(p))
    });
    let country = phrase.country.or(own);
    let fits = |p: &Person| (country.is_none() || p.country == country) && holds(p);
    let before = people_before(people, at).into_iter().find(|&i| fits(&people[i]));
    before.or_else(|| {
        people
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p))
            .filter_map(|(i, p)| p.mentions.iter().find(|m| m.0 >= at).map(|m| (m.0, i)))
            .min()
            .map(|(_, i)| i)
    })
}

/// The person a pronoun at `at` refers to by the subject of the sentence before, when nobody is
/// named before the pronoun in its own sentence: "The Foreign Secretary highlighted the UK's
/// commitment to work alongside Australia ... He looked forward to visiting" is the Foreign
/// Secretary, though Australia's minister was the last one named.
fn previous_subject(doc: &Doc<'_>, people: &[Person], lex: &Lexicon, at: usize) -> Option<usize> {
    let here = doc.sentence_of(at)?;
    let (a, b) = subject_of(doc, lex, here.checked_sub(1)?)?;
    // Nobody named before the pronoun in its own sentence (the subject of the sentence before
    // outranks the names of its objects: "Hayashi told reporters he has been speaking with
    // Park. He said ..." is Hayashi).
    let own = doc.sentences[here].start;
    if people
        .iter()
        .any(|p| p.mentions.iter().any(|&(m, _)| m >= own && m < at))
    {
        return None;
    }
    let named: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].mentions.iter().any(|&(m, e)| m >= a && e <= b))
        .collect();
    // A later mention by a part of the name ("Hayashi told ...").
    let named = if named.is_empty() {
        let subject = doc.text.slice(a, b);
        (0..people.len())
            .filter(|&i| {
                people[i].name.split_whitespace().any(|w| {
                    w.chars().count() >= 3
                        && subject
                            .split(|c: char| !c.is_alphanumeric() && c != '-')
                            .any(|x| x == w)
                })
            })
            .collect()
    } else {
        named
    };
    match named.as_slice() {
        [i] => Some(*i),
        [] => {
            let phrase = people::role_phrase(doc, a, b, lex)?;
            person_for_role(people, &phrase, a, doc.government)
        }
        _ => None,
    }
}

/// The subject of sentence `si` (code points): the clause before its reporting cue, else the
/// words before its first verb in the past tense, else the capitalised words that open it.
fn subject_of(doc: &Doc<'_>, lex: &Lexicon, si: usize) -> Option<(usize, usize)> {
    let s = &doc.sentences[si];
    // Before its reporting cue ("President Emmanuel Macron's office said ...").
    if let Some((cue, _)) = find_cue(doc, s.start, s.end, lex, &[]) {
        let from = clause_start(doc, s.start, cue);
        if from < cue && doc.text.slice(from, cue).split_whitespace().count() <= 8 {
            return Some((from, cue));
        }
    }
    let text = doc.text.slice(s.start, s.end);
    // The words before the verb, or the capitalised words that open the sentence ("Hayashi told
    // reporters ...": "told" is no "-ed" past).
    let verb = verb_after_subject(text, false).or_else(|| {
        let mut chars = 0;
        for w in text.split(' ') {
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            chars += w.chars().count() + 1;
        }
        (chars > 0).then_some(chars)
    })?;
    Some((s.start, s.start + verb))
}

/// The person a form of address alone stands for ("His Majesty", "His Highness"): the one whose
/// first mention the same form of address precedes, else the only monarch among the people.
fn honorific_holder(doc: &Doc<'_>, people: &[Person], phrase: &str) -> Option<usize> {
    const FORMS: [&str; 6] = [
        "his majesty",
        "her majesty",
        "his royal highness",
        "her royal highness",
        "his highness",
        "her highness",
    ];
    if !FORMS.contains(&phrase) {
        return None;
    }
    let introduced = people.iter().position(|p| {
        p.mentions.first().is_some_and(|&(a, _)| {
            let before = doc.text.slice(a.saturating_sub(30), a).to_lowercase();
            before.trim_end().ends_with(phrase)
                || before
                    .rsplit_once(phrase)
                    .is_some_and(|(_, rest)| rest.split_whitespace().count() <= 1)
        })
    });
    introduced.or_else(|| {
        let monarchs: Vec<usize> = people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.role.as_deref().is_some_and(|r| {
                    let r = r.to_lowercase();
                    ["king", "queen", "emir", "amir", "sultan"].contains(&r.as_str())
                })
            })
            .map(|(i, _)| i)
            .collect();
        (monarchs.len() == 1).then(|| monarchs[0])
    })
}

/// Resolves the source named in `span`.
#[expect(
    clippy::too_many_lines,
    reason = "the resolution rules in their order of precedence"
)]
pub fn resolve(
    doc: &Doc<'_>,
    people: &[Person],
    lex: &Lexicon,
    span: (usize, usize),
    pair: &[usize],
) -> Option<Source> {
    let (mut start, mut end) = span;
    // '"...", the ministry said': the punctuation after a quotation is not the source's.
    while start < end && matches!(doc.text.folded[start], b',' | b'"' | b'\'' | b' ') {
        start += 1;
    }
    // "U.S. officials have warned": the auxiliary and adverbs before the cue are not the source.
    loop {
        let raw = doc.text.slice(start, end).trim_end();
        let Some((head, last)) = raw.rsplit_once(' ') else {
            break;
        };
        if !matches!(
            last,
            "have"
                | "has"
                | "had"
                | "also"
                | "repeatedly"
                | "previously"
                | "earlier"
                | "later"
                | "already"
                | "again"
                | "long"
                | "once"
                | "strongly"
                | "firmly"
                | "jointly"
                | "further"
                | "together"
                | "unanimously"
        ) {
            break;
        }
        end = start + head.chars().count();
    }
    if end <= start {
        return None;
    }
    let raw = doc.text.slice(start, end);
    let lower = raw.to_lowercase();
    let mut source = Source::default();
    let person_name = |i: usize| people[i].name.clone();
    // "His Majesty reaffirmed ...": the monarch the article introduced with that form of
    // address ("His Majesty King Abdullah"), else its only king, queen, emir or sultan.
    if let Some(i) = honorific_holder(doc, people, lower.trim()) {
        source.people.push(i);
        source.names.push(person_name(i));
        return Some(source);
    }
    // People named in the span.
    let mut named: Vec<(usize, usize)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.mentions
                .iter()
                .filter(|m| m.0 >= start && m.1 <= end)
                .map(move |m| (m.0, i))
        })
        .collect();
    named.sort_unstable();
    named.dedup_by_key(|(_, i)| *i);
    // "Israeli Prime Minister Benjamin Netanyahu's office confirmed": what belongs to the person
    // named speaks, as written.
    let owned = lower.trim_end_matches([',', '.', ' ']);
    if !named.is_empty()
        && [
            "'s office",
            "’s office",
            "'s spokesman",
            "’s spokesman",
            "'s spokeswoman",
            "’s spokeswoman",
            "'s spokesperson",
            "’s spokesperson",
        ]
        .iter()
        .any(|w| owned.ends_with(w))
    {
        let written = raw
            .trim()
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .trim_end_matches([',', '.', ' ']);
        source.names.push(written.to_owned());
        return Some(source);
    }
    if !named.is_empty() {
        // "The Secretary and Foreign Minister Nurtleu reviewed ...": a role without a name
        // beside a named person is another person.
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut from = start;
        for (i, _) in raw.match_indices(" and ") {
            let at = start + raw[..i].chars().count();
            parts.push((from, at));
            from = at + 5;
        }
        parts.push((from, end));
        let mut by_role: Vec<(usize, usize)> = Vec::new();
        if let [(a, b), (c, d), ..] = parts[..] {
            let name_in = |x: usize, y: usize| named.iter().any(|&(at, _)| x <= at && at < y);
            let pronoun = matches!(doc.text.slice(a, b).trim(), "He" | "She" | "he" | "she");
            if !name_in(a, b) && name_in(c, d) && pronoun {
                // "He and Foreign Minister Wong agreed": the pronoun's person and the one named.
                let others: Vec<usize> = named.iter().map(|&(_, i)| i).collect();
                if let Some(i) = previous_subject(doc, people, lex, a)
                    .filter(|i| !others.contains(i))
                    .or_else(|| people_before(people, a).into_iter().find(|i| !others.contains(i)))
                {
                    by_role.push((a, i));
                }
            } else if !name_in(a, b)
                && name_in(c, d)
                && let Some(phrase) = people::role_phrase(doc, a, b, lex)
                && let Some(i) = person_for_role(people, &phrase, a, doc.government)
            {
                by_role.push((a, i));
            }
        }
        named.extend(by_role);
        named.sort_unstable();
        for (_, i) in named {
            if !source.people.contains(&i) {
                source.people.push(i);
                source.names.push(person_name(i));
            }
        }
        return Some(source);
    }
    // "The three countries strongly condemned ...": the countries of the last sentence before
    // that names three or more.
    if [
        "three countries",
        "three governments",
        "three nations",
        "three sides",
        "all three",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        let mut by_sentence: Vec<usize> = Vec::new();
        let mut sentence_at = usize::MAX;
        for m in doc
            .mentions
            .iter()
            .rev()
            .filter(|m| m.end <= start && m.is_country())
        {
            let si = doc.sentence_of(m.start).unwrap_or(usize::MAX);
            if si != sentence_at {
                if by_sentence.len() >= 3 {
                    break;
                }
                by_sentence.clear();
                sentence_at = si;
            }
            if let Some(c) = m.country(lex)
                && !by_sentence.contains(&c)
            {
                by_sentence.push(c);
            }
        }
        if by_sentence.len() >= 3 {
            by_sentence.reverse();
            for c in by_sentence {
                source.countries.push(c);
                source.names.push(lex.countries[c].name.clone());
            }
            return Some(source);
        }
    }
    let three = ["three ", "the secretary and the two", "the minister and the two"]
        .iter()
        .any(|w| lower.contains(w));
    if three
        || TWO_PEOPLE.iter().any(|w| contains_word(&lower, w))
        || matches!(lower.trim(), "both" | "the two")
    {
        // The person named last before, and the ones before them who serve other countries
        // (else simply the one before): two, or three for "the three leaders".
        let before = people_before(people, start);
        // "Readout of Trilateral Meeting ...": "the ministers" are three.
        let wanted = if three
            || doc
                .text
                .slice(0, doc.body_start)
                .to_lowercase()
                .contains("trilateral")
        {
            3
        } else {
            2
        };
        // "The two Prime Ministers": the people of that office, when two hold it.
        let office = [
            "prime minister",
            "president",
            "foreign minister",
            "defence minister",
            "defense minister",
        ]
        .into_iter()
        .find(|o| lower.contains(o));
        let holders: Vec<usize> = office
            .map(|o| {
                before
                    .iter()
                    .copied()
                    .filter(|&i| {
                        people[i]
                            .role
                            .as_deref()
                            .is_some_and(|r| r.to_lowercase().contains(o))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let before = if holders.len() >= wanted { holders } else { before };
        let mut chosen: Vec<usize> = Vec::new();
        for &i in &before {
            if chosen.len() == wanted {
                break;
            }
            if people[i].country.is_none() || chosen.iter().all(|&c| people[c].country != people[i].country) {
                chosen.push(i);
            }
        }
        if chosen.len() == 1
            && let Some(&next) = before.get(1)
        {
            chosen.push(next);
        }
        for i in chosen {
            source.people.push(i);
            source.names.push(person_name(i));
        }
        if !source.people.is_empty() {
            return Some(source);
        }
    }
    // "The Home Secretary and the Interior Minister agreed": two people, each by their role.
    if let Some((first, _)) = raw.split_once(" and ") {
        let first_end = start + first.chars().count();
        let second_start = first_end + " and ".len();
        if let (Some(a), Some(b)) = (
            people::role_phrase(doc, start, first_end, lex),
            people::role_phrase(doc, second_start, end, lex),
        ) && let (Some(i), Some(j)) = (
            person_for_role(people, &a, start, doc.government),
            person_for_role(people, &b, second_start, doc.government),
        ) && i != j
        {
            for k in [i, j] {
                source.people.push(k);
                source.names.push(person_name(k));
            }
            return Some(source);
        }
    }
    // "officials said", "diplomats familiar with the talks said", "Saudi analysts said": many,
    // not the one named last nor their country.
    // (A group noun alone, "Analysts said", is named by the noun, below.)
    let several = lower.split_whitespace().count() > 1;
    let plural_role = lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_suffix('s')
            .is_some_and(|h| people::ROLE_HEADS.contains(&h) && !h.ends_with('s'))
            || (several && w.len() > 3 && w.ends_with('s') && lex.sources.iter().any(|s| s == w))
    });
    // "diplomats in Cairo", "Egyptian officials": the group as written, not its country.
    // The source as written: without a leading article or trailing punctuation.
    let phrase = raw
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim_end_matches([',', '.', ' ']);
    if plural_role
        && !PAIR_WORDS.iter().any(|w| lower.contains(w))
        && (1..=6).contains(&phrase.split_whitespace().count())
    {
        source.names.push(phrase.to_owned());
        return Some(source);
    }
    // "Analysts in Athens said": a place after "in", "from" or "at" says where the source is,
    // and is not the source.
    let located = |m: &crate::extract::recognise::Mention| {
        let before = doc.text.slice(start, m.start).trim_end();
        ["in", "from", "at", "near"].iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|b| b.is_empty() || b.ends_with(' '))
        })
    };
    let countries_in: Vec<usize> = {
        let mut v: Vec<usize> = doc
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end && m.is_country() && !located(m))
            .filter_map(|m| m.country(lex))
            .collect();
        v.dedup();
        v
    };
    if PAIR_WORDS.iter().any(|w| lower.contains(w)) {
        let countries = if countries_in.len() >= 2 {
            countries_in.clone()
        } else {
            pair.to_vec()
        };
        if !countries.is_empty() {
            for c in countries {
                source.countries.push(c);
                source.names.push(lex.countries[c].name.clone());
            }
            return Some(source);
        }
    }
    let first_word = lower
        .split_whitespace()
        .find(|w| !matches!(*w, "and" | "but" | "still" | "then" | "also"))
        .unwrap_or("");
    // "We reaffirm ..." in a joint statement: both governments (the annotation's rule).
    if matches!(
        lower.trim().trim_start_matches("and ").trim_start_matches("but "),
        "we" | "we both"
            | "we jointly"
            | "together we"
            | "we also"
            | "our countries"
            | "our two countries"
            | "both our countries"
            | "our governments"
            | "our two governments"
    ) && pair.len() == 2
        && joint_statement(doc)
    {
        for &c in pair {
            source.countries.push(c);
            source.names.push(lex.countries[c].name.clone());
        }
        return Some(source);
    }
    // "They underscored ...": the two officials of different countries of the last two
    // sentences, when there are two (a readout's "X met Y. They discussed ...").
    if first_word == "they" && lower.trim() == "they" {
        let si = doc
            .sentences
            .iter()
            .position(|s| s.start <= start && start < s.end)
            .unwrap_or(0);
        let from = doc.sentences[si.saturating_sub(4)].start;
        let mut chosen: Vec<usize> = Vec::new();
        for i in people_before(people, start) {
            let recent = people[i].mentions.iter().any(|m| m.0 >= from && m.1 <= start);
            if recent
                && people[i].country.is_some()
                && chosen.iter().all(|&c| people[c].country != people[i].country)
            {
                chosen.push(i);
            }
        }
        if chosen.len() >= 2 {
            chosen.truncate(3);
            for i in chosen {
                source.people.push(i);
                source.names.push(person_name(i));
            }
            return Some(source);
        }
        // "Kenya and Somalia held ... They welcomed ...": the two countries the sentence before
        // names, when they are the article's pair.
        if si > 0 && pair.len() == 2 {
            let before = &doc.sentences[si - 1];
            let named = |c: usize| {
                doc.mentions.iter().any(|m| {
                    m.start >= before.start
                        && m.end <= before.end
                        && m.is_country()
                        && m.country(lex) == Some(c)
                })
            };
            if pair.iter().all(|&c| named(c)) {
                for &c in pair {
                    source.countries.push(c);
                    source.names.push(lex.countries[c].name.clone());
                }
                return Some(source);
            }
        }
    }
    // "It said it was stunned ...": the body the sentence before (or the one before it, while
    // they too say "it") has as its subject.
    if lower.trim() == "it"
        && let Some(here) = doc.sentence_of(start)
    {
        for back in 1..=3 {
            let Some(subject) = here.checked_sub(back).and_then(|si| subject_of(doc, lex, si)) else {
                break;
            };
            let said = doc.text.slice(subject.0, subject.1).trim().to_lowercase();
            if said == "it" {
                continue;
            }
            // A body: two words or more ("the ministry"), or an organisation the gazetteer knows
            // ("Eni") — not the first word of a sentence quoted ("The goal pursued by ...").
            let body = said.split_whitespace().count() >= 2
                || doc
                    .mentions
                    .iter()
                    .any(|m| m.start >= subject.0 && m.end <= subject.1 && matches!(m.entry, Entry::Org(_)));
            if body
                && !matches!(said.as_str(), "he" | "she" | "they" | "we" | "i")
                && let Some(found) = resolve(doc, people, lex, subject, pair)
                && found.people.is_empty()
                && found.countries.is_empty()
            {
                return Some(found);
            }
            break;
        }
    }
    if matches!(first_word, "he" | "she") {
        if let Some(i) = previous_subject(doc, people, lex, start) {
            source.people.push(i);
            source.names.push(person_name(i));
            return Some(source);
        }
        let before = people_before(people, start);
        if let Some(&i) = before.first() {
            source.people.push(i);
            source.names.push(person_name(i));
            return Some(source);
        }
    }
    // "according to an Egyptian diplomat": someone not named, not the official named before.
    let indefinite = matches!(first_word, "a" | "an" | "one" | "another");
    // "the prime minister's office said", "the president's spokesman said": what belongs to
    // the office holder speaks, not the office holder ("Iran's minister" is Iran's minister).
    let possessed = {
        let words: Vec<&str> = lower.split_whitespace().collect();
        words.len() >= 2
            && words[words.len() - 2]
                .strip_suffix("'s")
                .or_else(|| words[words.len() - 2].strip_suffix("’s"))
                .is_some_and(|owner| people::ROLE_HEADS.contains(&owner))
    };
    if !plural_role
        && !indefinite
        && !possessed
        && let Some(phrase) = people::role_phrase(doc, start, end, lex)
        && let Some(i) = person_for_role(people, &phrase, start, doc.government)
    {
        source.people.push(i);
        source.names.push(person_name(i));
        return Some(source);
    }
    // An organisation or outlet.
    if let Some(m) = doc
        .mentions
        .iter()
        .find(|m| m.start >= start && m.end <= end && matches!(m.entry, Entry::Org(_)))
        && let Entry::Org(o) = m.entry
    {
        source.organisations.push(o);
        source.names.push(lex.organisations[o].name.clone());
        return Some(source);
    }
    // "Kosovo's customs service", "Iran's foreign ministry": an institution of a country, as
    // written, rather than the country.
    if countries_in.len() == 1 {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let possessive = words
            .first()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
        // "the UAE foreign ministry", "Ukrainian border police": the country (or its adjective)
        // first, without the possessive.
        let phrase_start = start
            + raw[..phrase.as_ptr() as usize - raw.as_ptr() as usize]
                .chars()
                .count();
        let country_first = doc
            .mentions
            .iter()
            .any(|m| m.start == phrase_start && m.end < end && (m.is_country() || m.is_demonym()));
        if (possessive || country_first)
            && (2..=8).contains(&words.len())
            && (words[1..]
                .iter()
                .any(|w| SOURCE_HEADS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str()))
                || proper_name(&words[1..]))
            && !words[1..].iter().any(|w| {
                SOURCE_HEADS.contains(&w.to_lowercase().as_str())
                    && matches!(
                        w.to_lowercase().as_str(),
                        "minister"
                            | "president"
                            | "ambassador"
                            | "envoy"
                            | "secretary"
                            | "premier"
                            | "chancellor"
                    )
            })
        {
            source.names.push(phrase.to_owned());
            return Some(source);
        }
    }
    if !countries_in.is_empty()
        && !doc
            .mentions
            .iter()
            .any(|m| m.start >= start && m.end <= end && m.is_demonym())
    {
        // "The Kremlin confirmed", "Seoul and Washington have warned": the source as the text
        // names it, a capital or metonym standing for its government.
        let mut seen: Vec<usize> = Vec::new();
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end && m.is_country() && !located(m))
        {
            let Some(c) = m.country(lex) else { continue };
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            source.countries.push(c);
            source.names.push(match m.entry {
                Entry::Country(_, CountryForm::Capital | CountryForm::Metonym) => {
                    doc.text.slice(m.start, m.end).to_owned()
                }
                _ => lex.countries[c].name.clone(),
            });
        }
        return Some(source);
    }
    if let Some(noun) = lex.sources.iter().find(|s| contains_word(&lower, s)) {
        // "an Egyptian diplomat", "two Egyptian officials familiar with the talks": the phrase
        // as written when it is short; the noun alone otherwise.
        let written = phrase
            .strip_prefix("a ")
            .or_else(|| phrase.strip_prefix("an "))
            .unwrap_or(phrase);
        let words = written.split_whitespace().count();
        if words > 1 && words <= 8 && !written.contains(['"', '“', '”']) {
            source.names.push(written.to_owned());
        } else {
            source.names.push(noun.clone());
        }
        return Some(source);
    }
    if let Some(role) = people::role_phrase(doc, start, end, lex)
        && role.country.is_some()
    {
        // "a Thai army spokesman said": someone unnamed, with the country the text gives.
        let written = phrase
            .strip_prefix("a ")
            .or_else(|| phrase.strip_prefix("an "))
            .unwrap_or(phrase);
        if (2..=6).contains(&written.split_whitespace().count()) && !written.contains(['"', '“', '”']) {
            source.names.push(written.to_owned());
        } else {
            source.names.push(role.role);
        }
        return Some(source);
    }
    // "EAM said": a title used alone that only one government gives ("EAM" for India's
    // External Affairs Minister) is the person who holds it here.
    let alone = raw.trim().trim_end_matches([',', '.']);
    if let Some(&c) = lex.title_countries.get(alone)
        && let Some((_, role)) = lex.titles.iter().find(|(t, _)| t == alone)
        && let Some(i) = people_before(people, start)
            .into_iter()
            .chain(0..people.len())
            .find(|&i| people[i].country == Some(c) && people[i].role.as_deref() == Some(role.as_str()))
    {
        source.people.push(i);
        source.names.push(person_name(i));
        return Some(source);
    }
    // A known person's surname in another case ("FOREIGN SECRETARY MANALO" in a transcript).
    // The family name comes first in some names ("MS. PHAM:" for Pham Thi Thu Ha, "MR.
    // HAYASHI:" for Hayashi Yoshimasa): the first word is tried when no last word matches.
    let words: Vec<String> = raw.split_whitespace().map(str::to_lowercase).collect();
    let named_by = |name: Option<&str>| {
        name.is_some_and(|n| n.chars().count() > 2 && words.iter().any(|w| *w == n.to_lowercase()))
    };
    if let Some(i) = people
        .iter()
        .position(|p| named_by(p.name.split_whitespace().last()))
        .or_else(|| {
            people.iter().position(|p| {
                p.name.split_whitespace().count() >= 2 && named_by(p.name.split_whitespace().next())
            })
        })
    {
        source.people.push(i);
        source.names.push(person_name(i));
        return Some(source);
    }
    // A capitalised name the gazetteer does not know ("Al-Watan writes").
    let trimmed = raw.trim().trim_start_matches("the ").trim_start_matches("The ");
    if trimmed.split_whitespace().count() <= 6
        && trimmed.chars().next().is_some_and(char::is_uppercase)
        && trimmed.split_whitespace().all(|w| {
            matches!(w, "of" | "the" | "for" | "and" | "de")
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
    {
        source.names.push(trimmed.trim_end_matches([',', '.']).to_owned());
        return Some(source);
    }
    // A short phrase headed by an institution or a medium ("state news agency SPA", "a
    // ministry statement", "Iranian state television"): the phrase as written.
    let phrase = trimmed
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_end_matches([',', '.', ' ']);
    let count = phrase.split_whitespace().count();
    if (1..=8).contains(&count)
        && phrase
            .split_whitespace()
            .any(|w| SOURCE_HEADS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str()))
    {
        source.names.push(phrase.to_owned());
        return Some(source);
    }
    None
}

/// The months, folded (a source's time, and words after a country that are no name).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether the words after a country ("Japan's *Kyodo News*", "The Japan *Times*", "Japan's
/// *NHK*") are a name of their own: one to four capitalised words, none a title, a day or a
/// month. What a country's name introduces so is an outlet or a body, not its government.
fn proper_name(words: &[&str]) -> bool {
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', '.']);
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && !people::ROLE_HEADS.contains(&lower.as_str())
                && !crate::extract::time::WEEKDAYS.contains(&lower.as_str())
                && !MONTH_NAMES.contains(&lower.as_str())
        })
}

/// Whether the article is a joint statement of governments, by its header ("Joint statement by
/// the Prime Minister of the United Kingdom and the President of France").
fn joint_statement(doc: &Doc<'_>) -> bool {
    let header = doc.text.slice(0, doc.body_start).to_lowercase();
    [
        "joint statement",
        "joint declaration",
        "joint communiqu",
        "joint press statement",
        "joint readout",
        "joint press release",
    ]
    .iter()
    .any(|w| header.contains(w))
}

/// Head nouns of sources that are institutions or media.
const SOURCE_HEADS: &[&str] = &[
    "side",
    "delegation",
    "team",
    "negotiators",
    "mission",
    "guard",
    "navy",
    "agency",
    "ministry",
    "ministries",
    "headquarters",
    "commission",
    "statement",
    "report",
    "government",
    "newspaper",
    "daily",
    "outlet",
    "broadcaster",
    "television",
    "tv",
    "radio",
    "channel",
    "office",
    "embassy",
    "service",
    "police",
    "military",
    "army",
    "presidency",
    "palace",
    "readout",
    "communique",
    "communiqué",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "press",
    "media",
    "website",
    "council",
    "department",
    "bureau",
    "authority",
    "institute",
    "bank",
    "board",
    "directorate",
    "administration",
    "inspectorate",
    "court",
    "parliament",
    "assembly",
    "command",
    "authorities",
    "sources",
    "minister",
    "president",
    "ambassador",
    "envoy",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "secretary",
    "premier",
    "chancellor",
];

/// Role phrases that name no one the article knows yet (for [`people::bind_roles`]).
pub fn unbound_roles(
    doc: &Doc<'_>,
    people: &[Person],
    lex: &Lexicon,
    raw: &[RawClaim],
) -> Vec<(usize, RolePhrase)> {
    raw.iter()
        .filter_map(|c| {
            let phrase = people::role_phrase(doc, c.subject.0, c.subject.1, lex)?;
            let named = people.iter().any(|p| {
                p.mentions
                    .iter()
                    .any(|m| m.0 >= c.subject.0 && m.1 <= c.subject.1)
            });
            (phrase.country.is_some()
                && !named
                && person_for_role(people, &phrase, c.subject.0, doc.government).is_none())
            .then_some((c.sentence, phrase))
        })
        .collect()
}

/// Whether the word at `start..end` is the month May ("May 31", "31 May", "in May"), not the
/// modal: capitalised inside a sentence, or beside a number.
fn month(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let word = doc.text.slice(start, end);
    if word != "May" {
        return false;
    }
    let before = doc.text.slice(start.saturating_sub(4), start);
    let after = doc.text.slice(end, (end + 3).min(doc.text.len()));
    let at_start = before.trim_end().is_empty() || before.trim_end().ends_with(['.', '"', '“', '\n']);
    !at_start || after.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// "as soon as possible", "as much as possible", "wherever possible": a measure, not a hedge.
fn as_much_as_possible(before: &[u8], word: &[u8]) -> bool {
    if word != b"possible" {
        return false;
    }
    let before = before.trim_ascii_end();
    if before.ends_with(b"wherever") || before.ends_with(b"where") || before.ends_with(b"whenever") {
        return true;
    }
    let Some(rest) = before.strip_suffix(b" as") else {
        return false;
    };
    let words: Vec<&[u8]> = rest.rsplit(|&c| c == b' ').take(3).collect();
    // "as soon as", "as early as", "as quickly and as fully as"...
    words.len() >= 2 && words[1] == b"as"
}

/// Whether the claim's words carry a hedge; returns the hedge.
pub fn hedge(doc: &Doc<'_>, span: (usize, usize), lex: &Lexicon) -> Option<String> {
    let hay = &doc.text.folded[span.0..span.1];
    // Every hedge found as a whole word; the list's order decides (longest first).
    lex.hedge_automaton
        .find_overlapping_iter(hay)
        .filter(|m| {
            let before = m.start() == 0 || !hay[m.start() - 1].is_ascii_alphanumeric();
            let after = m.end() == hay.len() || !hay[m.end()].is_ascii_alphanumeric();
            before
                && after
                && !month(doc, span.0 + m.start(), span.0 + m.end())
                && !as_much_as_possible(&hay[..m.start()], &hay[m.start()..m.end()])
        })
        .map(|m| m.pattern().as_usize())
        .min()
        .map(|i| lex.hedges[i].clone())
        .or_else(|| {
            seen_as()
                .find(hay)
                .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned())
        })
}
