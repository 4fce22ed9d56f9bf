//! The reference data the extractor reads: gazetteers and lexicons from `seed-data/`, compiled
//! into the binary (so `extract` needs no files at run time) and parsed once.

use crate::extract::text::is_word;
use crate::extract::text::{FNV_OFFSET, fnv1a, fold, fold_char};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../../seed-data/gazetteer/countries.tsv");
const COUNTRY_EXTRAS: &str = include_str!("../../seed-data/gazetteer/country-extras.tsv");
const PEOPLE: &str = include_str!("../../seed-data/gazetteer/people.tsv");
const PHOENIX_PEOPLE: &str = include_str!("../../seed-data/gazetteer/phoenix-people.tsv");

/// The Phoenix dictionaries were last brought up to date about then: an office they give without
/// an end is known to be held up to this day, and unknown after it.
pub const PHOENIX_HORIZON: &str = "2016-12-31";
const ORGANISATIONS: &str = include_str!("../../seed-data/gazetteer/organisations.tsv");
const TRIGGERS: &str = include_str!("../../seed-data/lexicon/event-triggers.tsv");
const CUES: &str = include_str!("../../seed-data/lexicon/reporting-cues.txt");
const HEDGES: &str = include_str!("../../seed-data/lexicon/hedges.txt");
const JUDGEMENTS: &str = include_str!("../../seed-data/lexicon/judgements.txt");
const STANCE_CUES: &str = include_str!("../../seed-data/lexicon/stance-cues.txt");
const BOILERPLATE: &str = include_str!("../../seed-data/lexicon/boilerplate.txt");
const SOURCES: &str = include_str!("../../seed-data/lexicon/sources.txt");
const TITLES: &str = include_str!("../../seed-data/lexicon/titles.tsv");
const PORTFOLIOS: &str = include_str!("../../seed-data/lexicon/portfolios.txt");

/// A country of the gazetteer.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// Common English name.
    pub name: String,
}

/// A known official.
#[derive(Debug, Clone)]
pub struct KnownPerson {
    /// Canonical name.
    pub name: &'static str,
    /// Office.
    pub role: &'static str,
    /// Index into [`Lexicon::countries`].
    pub country: Option<usize>,
    /// Start of the office (ISO date), as the gazetteer gives it.
    pub from: &'static str,
    /// End of the office, empty when still held.
    pub to: &'static str,
    /// Where the dates come from.
    pub source: &'static str,
    /// Every office of the person with its dates (this one included), oldest first.
    pub terms: Vec<Term>,
    /// An office without an end is known up to this day only (the dictionary's horizon);
    /// `None` for our own list, kept up to date.
    pub known_until: Option<&'static str>,
}

/// One office held for a country between two dates.
#[derive(Debug, Clone)]
pub struct Term {
    /// The office.
    pub role: &'static str,
    /// Index into [`Lexicon::countries`].
    pub country: Option<usize>,
    /// Start (ISO date), empty when unknown.
    pub from: &'static str,
    /// End (ISO date), empty when none is known.
    pub to: &'static str,
}

impl KnownPerson {
    /// The office held on `day` (an ISO date), and whether the person held an office of the
    /// gazetteer before it and none on it (a former holder). `None` when the date falls outside
    /// what the gazetteer knows.
    pub fn term_on(&self, day: &str) -> (Option<&Term>, bool) {
        let within = |t: &Term| {
            let started = t.from.is_empty() || t.from <= day;
            let ended = if t.to.is_empty() {
                self.known_until.is_some_and(|h| day > h)
            } else {
                t.to < day
            };
            started && !ended
        };
        let current: Vec<&Term> = self.terms.iter().filter(|t| within(t)).collect();
        // A named office wins over a code's description; the latest start wins among equals.
        let best = current
            .iter()
            .copied()
            .max_by_key(|t| (!t.role.contains("(CAMEO"), t.from));
        if best.is_some() {
            return (best, false);
        }
        let former = self
            .terms
            .iter()
            .filter(|t| !t.to.is_empty() && t.to < day)
            .max_by_key(|t| (t.to, !t.role.contains("(CAMEO")));
        (former, former.is_some())
    }
}

/// The known people by the key of each of their names, and by its loose key (`None` where two
/// people share it).
#[derive(Default)]
struct PersonKeys {
    exact: crate::extract::text::FnvMap<String, usize>,
    loose: crate::extract::text::FnvMap<String, Option<usize>>,
}

/// A known organisation or outlet.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Canonical name.
    pub name: String,
    /// outlet, military, ministry, agency, militant, intergovernmental, government.
    pub kind: String,
    /// Index into [`Lexicon::countries`], when it belongs to one.
    pub country: Option<usize>,
}

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryForm {
    /// Its name.
    Name,
    /// A demonym (Syrian).
    Demonym,
    /// Its capital, standing for the government.
    Capital,
    /// A metonym (the Kremlin).
    Metonym,
}

/// What a gazetteer pattern names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A country.
    Country(usize, CountryForm),
    /// A known person.
    Person(usize),
    /// An organisation.
    Org(usize),
}

/// One gazetteer pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// What it names.
    pub entry: Entry,
    /// Whether the text must match case exactly (acronyms such as US, UAE, CENTCOM).
    pub exact_case: bool,
    /// The pattern as written.
    pub text: &'static str,
}

/// One event trigger pattern.
#[derive(Debug)]
pub struct Trigger {
    /// Event type key.
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// The pattern: ASCII, case-insensitive, over bytes (Unicode classes would make the
    /// automaton of patterns such as `\w{0,120}` many times larger and slower).
    pub pattern: String,
    /// The pattern compiled, on first use: the set finds which triggers fire, and only those
    /// are compiled, so start-up pays for one automaton instead of forty.
    compiled: OnceLock<regex::bytes::Regex>,
}

impl Trigger {
    /// The compiled pattern.
    pub fn regex(&self) -> &regex::bytes::Regex {
        self.compiled.get_or_init(|| {
            #[expect(
                clippy::expect_used,
                reason = "compiled-in data; `broken_triggers` is checked by a test and the set holding every pattern is built at start"
            )]
            trigger_regex(&self.pattern).expect("trigger pattern")
        })
    }
}

/// The gazetteer's names, found by their first word: every name is folded into one arena and
/// filed under a hash of its first word, so start-up costs a sort instead of an automaton's
/// construction (the Phoenix officials make tens of thousands of names), and a search costs one
/// binary search per word of the text.
pub struct NameIndex {
    /// The folded names, one after the other.
    arena: Vec<u8>,
    /// Where each pattern's folded name lies in `arena`, by pattern index.
    spans: Vec<(u32, u32)>,
    /// (hash of the first word, pattern index), sorted.
    keys: Vec<(u64, u32)>,
}

/// The hash of a name's folded form, without building it.
fn fold_hash(name: &str) -> u64 {
    fnv1a(FNV_OFFSET, name.trim().chars().map(fold_char))
}

/// The hash a name is filed by: of its first word, folded.
fn word_hash(word: &[u8]) -> u64 {
    fnv1a(FNV_OFFSET, word.iter().copied())
}

impl NameIndex {
    fn build(folded: &[Vec<u8>]) -> NameIndex {
        let mut arena = Vec::with_capacity(folded.iter().map(Vec::len).sum());
        let mut spans = Vec::with_capacity(folded.len());
        let mut keys = Vec::with_capacity(folded.len());
        for (i, f) in folded.iter().enumerate() {
            let start = arena.len();
            arena.extend_from_slice(f);
            spans.push((to_u32(start), to_u32(f.len())));
            // A name that does not begin with a letter or digit could never pass the
            // capital-letter rule of the search: it is not filed.
            let first = f.iter().take_while(|b| is_word(**b)).count();
            if first > 0 {
                keys.push((word_hash(&f[..first]), to_u32(i)));
            }
        }
        keys.sort_unstable();
        NameIndex { arena, spans, keys }
    }

    /// The patterns whose first word hashes as `word` does, in pattern order.
    pub fn candidates(&self, word: &[u8]) -> impl Iterator<Item = usize> + '_ {
        let h = word_hash(word);
        let from = self.keys.partition_point(|(k, _)| *k < h);
        self.keys[from..]
            .iter()
            .take_while(move |(k, _)| *k == h)
            .map(|(_, i)| *i as usize)
    }

    /// The folded name of pattern `i`.
    pub fn name(&self, i: usize) -> &[u8] {
        let (start, len) = self.spans[i];
        &self.arena[start as usize..(start + len) as usize]
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Everything the extractor knows before it reads an article.
pub struct Lexicon {
    /// Countries, by index.
    pub countries: Vec<Country>,
    /// Known officials.
    pub people: Vec<KnownPerson>,
    /// Organisations and outlets.
    pub organisations: Vec<Organisation>,
    /// Gazetteer patterns, in priority order (countries, people, organisations).
    pub patterns: Vec<Pattern>,
    /// The patterns' folded names by their first word.
    pub names: NameIndex,
    /// Event triggers.
    pub triggers: Vec<Trigger>,
    /// Reporting cues, folded, longest first.
    pub cues: Vec<String>,
    /// The cues as one automaton over folded text (leftmost-longest).
    pub cue_automaton: AhoCorasick,
    /// Every trigger pattern in one set, for a single pass per sentence.
    pub trigger_set: regex::bytes::RegexSet,
    /// Hedge words, folded, longest first.
    pub hedges: Vec<String>,
    /// The same words in one automaton (every match, for the list's order to decide).
    pub hedge_automaton: AhoCorasick,
    /// Phrases of a publisher's own judgement (folded), see `judgements.txt`.
    pub judgements: Vec<String>,
    /// The same phrases in one automaton (leftmost-longest).
    pub judgement_automaton: AhoCorasick,
    /// Navigation lines, folded.
    pub boilerplate: Vec<Vec<u8>>,
    /// Unnamed sources (analysts, officials...), folded.
    pub sources: Vec<String>,
    /// Titles as written with the role they give, longest first.
    pub titles: Vec<(String, String)>,
    /// Titles that only one country's government gives ("Foreign Secretary", "Taoiseach"), with
    /// that country: an official with such a title and no other sign of a country serves it.
    pub title_countries: HashMap<String, usize>,
    /// Ministerial portfolios.
    pub portfolios: Vec<String>,
}

/// One line of a data file: up to eight tab-separated fields, trimmed, without allocating.
#[derive(Clone, Copy)]
struct Row {
    fields: [&'static str; 8],
    len: usize,
}

impl Row {
    fn get(&self, i: usize) -> Option<&&'static str> {
        self.fields[..self.len].get(i)
    }

    fn len(&self) -> usize {
        self.len
    }
}

impl std::ops::Index<usize> for Row {
    type Output = &'static str;

    fn index(&self, i: usize) -> &&'static str {
        &self.fields[..self.len][i]
    }
}

fn rows(data: &'static str) -> impl Iterator<Item = Row> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut row = Row {
                fields: [""; 8],
                len: 0,
            };
            for (slot, field) in row.fields.iter_mut().zip(l.split('\t')) {
                *slot = field.trim();
                row.len += 1;
            }
            row
        })
}

fn words(data: &str) -> Vec<String> {
    let mut out: Vec<String> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| String::from_utf8_lossy(&fold(l)).into_owned())
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    out
}

fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (1..=8).contains(&letters)
}

impl Lexicon {
    /// The known person whose name or alias has the key `key` (see [`crate::extract::names`]);
    /// our own list first. The table is built on first use, when an article names someone the
    /// gazetteer does not know as written.
    pub fn person_by_key(&self, key: &str) -> Option<usize> {
        self.person_keys().exact.get(key).copied()
    }

    /// The known person whose name of two or more words has the loose key of `key` (see
    /// [`crate::extract::names::loose_key`]), when only one person has it: romanisations that
    /// differ in a word's final vowels ("Lukashenko" / "Lukashenka", "Zelensky" / "Zelenskyy").
    pub fn person_by_loose_key(&self, key: &str) -> Option<usize> {
        self.person_keys()
            .loose
            .get(&crate::extract::names::loose_key(key)?)
            .copied()
            .flatten()
    }

    /// Both key tables, built together (one key of each name) on first use.
    fn person_keys(&self) -> &'static PersonKeys {
        static KEYS: OnceLock<PersonKeys> = OnceLock::new();
        KEYS.get_or_init(|| {
            let mut keys = PersonKeys::default();
            for p in &self.patterns {
                let Entry::Person(i) = p.entry else { continue };
                let key = crate::extract::names::name_key(p.text);
                if let Some(loose) = crate::extract::names::loose_key(&key) {
                    let name = self.people[i].name;
                    keys.loose
                        .entry(loose)
                        .and_modify(|k| {
                            if k.is_some_and(|j| self.people[j].name != name) {
                                *k = None;
                            }
                        })
                        .or_insert(Some(i));
                }
                keys.exact.entry(key).or_insert(i);
            }
            keys
        })
    }

    /// Every name the gazetteer gives a person or an organisation (canonical name first).
    /// (A table of every entry's names, built on first use: modelling asks for the names of each
    /// person and organisation an article names.)
    pub fn names_of(&self, entry: Entry) -> Vec<&'static str> {
        static NAMES: OnceLock<HashMap<Entry, Vec<&'static str>>> = OnceLock::new();
        let table = NAMES.get_or_init(|| {
            let mut table: HashMap<Entry, Vec<&'static str>> = HashMap::new();
            for p in &self.patterns {
                let names = table.entry(p.entry).or_default();
                if !names.contains(&p.text) {
                    names.push(p.text);
                }
            }
            table
        });
        table.get(&entry).cloned().unwrap_or_default()
    }

    /// The organisation (an outlet, a ministry…) a name or alias names, as written in a header.
    pub fn organisation_named(&self, name: &str) -> Option<usize> {
        let key = fold(name.trim().strip_prefix("the ").unwrap_or(name.trim()));
        self.patterns.iter().find_map(|p| match p.entry {
            Entry::Org(i) if fold(p.text) == key => Some(i),
            _ => None,
        })
    }

    /// The lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    #[expect(clippy::too_many_lines, reason = "one pass over each data file, in order")]
    fn build() -> Lexicon {
        // The trigger set's automaton and the CAMEO dictionary are made on the other core while
        // the gazetteer is read.
        let pending = std::thread::spawn(|| {
            let table = trigger_table();
            crate::extract::cameo::Verbs::get();
            table
        });
        let mut countries = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let add = |patterns: &mut Vec<Pattern>, entry: Entry, text: &'static str| {
            let text = text.trim();
            if text.chars().nth(1).is_none() {
                return;
            }
            patterns.push(Pattern {
                entry,
                exact_case: is_acronym(text),
                // Leading "the" is not part of a name: the folded text keeps it outside the match.
                text: text.strip_prefix("the ").unwrap_or(text),
            });
        };
        for r in rows(COUNTRIES) {
            let i = countries.len();
            countries.push(Country {
                iso3: r[0].to_owned(),
                name: r[2].to_owned(),
            });
            add(&mut patterns, Entry::Country(i, CountryForm::Name), r[2]);
            add(&mut patterns, Entry::Country(i, CountryForm::Name), r[3]);
            let demonyms = r.get(5).copied().unwrap_or_default();
            for (col, form) in [
                (4, CountryForm::Name),
                (5, CountryForm::Demonym),
                (6, CountryForm::Capital),
            ] {
                // A native name that is also the English adjective ("Thai") is the adjective:
                // "a Thai official" is an official, not the country.
                for name in r
                    .get(col)
                    .unwrap_or(&"")
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .filter(|s| col != 4 || !demonyms.split('|').any(|d| d == *s))
                {
                    add(&mut patterns, Entry::Country(i, form), name);
                }
            }
        }
        let by_iso3: HashMap<String, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        let index_of = |_: &[Country], iso3: &str| by_iso3.get(iso3).copied();
        for r in rows(COUNTRY_EXTRAS) {
            let Some(i) = index_of(&countries, r[0]) else {
                continue;
            };
            let form = match r[1] {
                "demonym" => CountryForm::Demonym,
                "capital" => CountryForm::Capital,
                "metonym" => CountryForm::Metonym,
                "drop" => {
                    patterns
                        .retain(|p| !(matches!(p.entry, Entry::Country(c, _) if c == i) && p.text == r[2]));
                    continue;
                }
                _ => CountryForm::Name,
            };
            add(&mut patterns, Entry::Country(i, form), r[2]);
        }
        let mut people: Vec<KnownPerson> = Vec::new();
        // The folded names of our own list: a name it gives to someone keeps pointing there.
        let mut own_names: std::collections::HashSet<u64> = std::collections::HashSet::new();
        // Our own list first (kept up to date), then the Phoenix dictionaries for everyone it
        // lacks. In both, one office per row, and a person's rows follow each other: one person
        // with several dated offices (Wang Yi, Foreign Minister until 2022 and again from 2023).
        for (data, known_until) in [(PEOPLE, None), (PHOENIX_PEOPLE, Some(PHOENIX_HORIZON))] {
            let mut by_name: Vec<(&'static str, Vec<Row>)> = Vec::new();
            for r in rows(data) {
                match by_name.last_mut() {
                    Some((name, group)) if *name == r[0] => group.push(r),
                    _ => by_name.push((r[0], vec![r])),
                }
            }
            for (name, group) in by_name {
                if known_until.is_some() && own_names.contains(&fold_hash(name)) {
                    continue;
                }
                let terms: Vec<Term> = group
                    .iter()
                    .map(|r| Term {
                        role: r.get(2).copied().unwrap_or_default(),
                        country: r.get(3).and_then(|c| index_of(&countries, c)),
                        from: r.get(4).copied().unwrap_or_default(),
                        to: r.get(5).copied().unwrap_or_default(),
                    })
                    .collect();
                // The person's office for a text without a date: the latest, a named office
                // before a code's description.
                let Some(last) = terms
                    .iter()
                    .max_by_key(|t| (!t.role.contains("(CAMEO"), t.from))
                    .cloned()
                else {
                    continue;
                };
                let i = people.len();
                let aliases: Vec<&str> = group
                    .iter()
                    .flat_map(|r| r.get(1).unwrap_or(&"").split('|'))
                    .filter(|s| !s.is_empty())
                    .collect();
                people.push(KnownPerson {
                    name,
                    role: last.role,
                    country: last.country,
                    from: last.from,
                    to: last.to,
                    source: group[0].get(6).copied().unwrap_or_default(),
                    terms,
                    known_until,
                });
                for text in std::iter::once(name).chain(aliases) {
                    let key = fold_hash(text);
                    if known_until.is_none() {
                        own_names.insert(key);
                    } else if own_names.contains(&key) {
                        continue;
                    }
                    // Among Phoenix entries sharing a name, the first filed wins in the search.
                    add(&mut patterns, Entry::Person(i), text);
                }
            }
        }
        let mut organisations = Vec::new();
        for r in rows(ORGANISATIONS) {
            let i = organisations.len();
            organisations.push(Organisation {
                name: r[0].to_owned(),
                kind: r.get(2).copied().unwrap_or_default().to_owned(),
                country: r.get(3).and_then(|c| index_of(&countries, c)),
            });
            add(&mut patterns, Entry::Org(i), r[0]);
            for alias in r.get(1).unwrap_or(&"").split('|').filter(|s| !s.is_empty()) {
                add(&mut patterns, Entry::Org(i), alias);
            }
        }
        let folded: Vec<Vec<u8>> = patterns.iter().map(|p| fold(p.text)).collect();
        let names = NameIndex::build(&folded);
        let mut titles: Vec<(String, String)> = rows(TITLES)
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0].to_owned(), r[1].to_owned()))
            .collect();
        let title_countries: HashMap<String, usize> = rows(TITLES)
            .filter_map(|r| {
                Some((
                    r[0].to_owned(),
                    index_of(&countries, r.get(2).filter(|c| !c.is_empty())?)?,
                ))
            })
            .collect();
        let portfolios: Vec<String> = PORTFOLIOS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        for p in &portfolios {
            titles.push((format!("Minister of {p}"), format!("Minister of {p}")));
            titles.push((format!("Minister for {p}"), format!("Minister for {p}")));
            titles.push((
                format!("Deputy Minister of {p}"),
                format!("Deputy Minister of {p}"),
            ));
            titles.push((format!("Secretary of {p}"), format!("Secretary of {p}")));
            titles.push((format!("Secretary for {p}"), format!("Secretary for {p}")));
            for rank in [
                "Undersecretary",
                "Under Secretary",
                "Assistant Secretary",
                "Deputy Secretary",
            ] {
                titles.push((format!("{rank} for {p}"), format!("{rank} for {p}")));
                titles.push((
                    format!("{rank} of State for {p}"),
                    format!("{rank} of State for {p}"),
                ));
            }
            titles.push((
                format!("Minister of State for {p}"),
                format!("Minister of State for {p}"),
            ));
            titles.push((format!("{p} Minister"), format!("{p} Minister")));
        }
        titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let cues = words(CUES);
        // Claims are cued by reporting verbs and stance verbs; people only by the former.
        let mut claim_cues = cues.clone();
        claim_cues.extend(words(STANCE_CUES));
        claim_cues.sort_by_key(|w| std::cmp::Reverse(w.len()));
        #[expect(
            clippy::expect_used,
            reason = "compiled-in data; a bad entry is a build bug caught by every test"
        )]
        let cue_automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: searched in every sentence; small enough to build at start-up.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(claim_cues.iter().map(String::as_bytes))
            .expect("cue automaton");
        let (triggers, trigger_set) = pending.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        Lexicon {
            countries,
            people,
            organisations,
            patterns,
            names,
            triggers,
            cues,
            cue_automaton,
            trigger_set,
            hedges: words(HEDGES),
            hedge_automaton: {
                #[expect(clippy::expect_used, reason = "compiled-in data, covered by every test")]
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(words(HEDGES))
                    .expect("hedge automaton")
            },
            judgement_automaton: {
                #[expect(clippy::expect_used, reason = "compiled-in data, covered by every test")]
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(words(JUDGEMENTS))
                    .expect("judgement automaton")
            },
            judgements: words(JUDGEMENTS),
            boilerplate: words(BOILERPLATE).into_iter().map(String::into_bytes).collect(),
            sources: words(SOURCES),
            titles,
            title_countries,
            portfolios,
        }
    }
}

/// The event triggers and the set of their patterns.
fn trigger_table() -> (Vec<Trigger>, regex::bytes::RegexSet) {
    let triggers: Vec<Trigger> = rows(TRIGGERS)
        .filter_map(|r| {
            Some(Trigger {
                kind: r[0].to_owned(),
                cameo: r[1].to_owned(),
                pattern: (*r.get(2)?).to_owned(),
                compiled: OnceLock::new(),
            })
        })
        .collect();
    #[expect(
        clippy::expect_used,
        reason = "compiled-in data; `broken_triggers` is checked by a test"
    )]
    let trigger_set =
        regex::bytes::RegexSetBuilder::new(triggers.iter().map(|t: &Trigger| t.pattern.as_str()))
            .case_insensitive(true)
            .unicode(false)
            // Forty patterns with bounded gaps make many lazy-DFA states: a cache large
            // enough to hold them keeps the set off the (much slower) PikeVM.
            .dfa_size_limit(64 << 20)
            .build()
            .expect("trigger set");
    (triggers, trigger_set)
}

fn trigger_regex(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(false)
        .build()
}

/// The compiled-in trigger file has a pattern that does not compile: reported by a test.
pub fn broken_triggers() -> Vec<String> {
    rows(TRIGGERS)
        .filter_map(|r| {
            let p = r.get(2)?;
            trigger_regex(p).err().map(|e| format!("{p}: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let l = Lexicon::get();
        assert_eq!(l.countries.len(), 250);
        assert!(broken_triggers().is_empty(), "{:?}", broken_triggers());
        assert!(l.triggers.len() > 20);
        assert!(
            l.people.iter().all(|p| p.country.is_some()),
            "every known person has a country"
        );
        assert!(l.cues.contains(&"said".to_owned()));
    }

    #[test]
    fn a_person_with_two_offices_in_our_list_is_one_person_with_two_terms() {
        let l = Lexicon::get();
        let named: Vec<&KnownPerson> = l.people.iter().filter(|p| p.name == "Wang Yi").collect();
        assert_eq!(named.len(), 1);
        let (term, former) = named[0].term_on("2024-03-10");
        assert_eq!(term.map(|t| (t.role, former)), Some(("Foreign Minister", false)));
        let (term, former) = named[0].term_on("2023-03-10");
        assert_eq!(term.map(|t| (t.role, former)), Some(("Foreign Minister", true)));
        let (term, former) = named[0].term_on("2020-03-10");
        assert_eq!(term.map(|t| (t.role, former)), Some(("Foreign Minister", false)));
    }
}
