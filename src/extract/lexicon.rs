//! The reference data the extractor reads: gazetteers and lexicons from `seed-data/`, compiled
//! into the binary (so `extract` needs no files at run time) and parsed once.

use crate::extract::text::fold;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
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
    pub name: String,
    /// Office.
    pub role: String,
    /// Index into [`Lexicon::countries`].
    pub country: Option<usize>,
    /// Start of the office (ISO date), as the gazetteer gives it.
    pub from: String,
    /// End of the office, empty when still held.
    pub to: String,
    /// Where the dates come from.
    pub source: String,
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
    pub role: String,
    /// Index into [`Lexicon::countries`].
    pub country: Option<usize>,
    /// Start (ISO date), empty when unknown.
    pub from: String,
    /// End (ISO date), empty when none is known.
    pub to: String,
}

impl KnownPerson {
    /// The office held on `day` (an ISO date), and whether the person held an office of the
    /// gazetteer before it and none on it (a former holder). `None` when the date falls outside
    /// what the gazetteer knows.
    pub fn term_on(&self, day: &str) -> (Option<&Term>, bool) {
        let within = |t: &Term| {
            let started = t.from.is_empty() || t.from.as_str() <= day;
            let ended = if t.to.is_empty() {
                self.known_until.is_some_and(|h| day > h)
            } else {
                t.to.as_str() < day
            };
            started && !ended
        };
        let current: Vec<&Term> = self.terms.iter().filter(|t| within(t)).collect();
        // A named office wins over a code's description; the latest start wins among equals.
        let best = current
            .iter()
            .copied()
            .max_by_key(|t| (!t.role.contains("(CAMEO"), t.from.clone()));
        if best.is_some() {
            return (best, false);
        }
        let former = self
            .terms
            .iter()
            .filter(|t| !t.to.is_empty() && t.to.as_str() < day)
            .max_by_key(|t| (t.to.clone(), !t.role.contains("(CAMEO")));
        (former, former.is_some())
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    pub text: String,
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
    pub regex: regex::bytes::Regex,
}

/// Everything the extractor knows before it reads an article.
pub struct Lexicon {
    /// Countries, by index.
    pub countries: Vec<Country>,
    /// Known officials.
    pub people: Vec<KnownPerson>,
    /// Organisations and outlets.
    pub organisations: Vec<Organisation>,
    /// Gazetteer patterns, in automaton order.
    pub patterns: Vec<Pattern>,
    /// The multi-pattern matcher over folded text.
    pub automaton: AhoCorasick,
    /// Event triggers.
    pub triggers: Vec<Trigger>,
    /// Reporting cues, folded, longest first.
    pub cues: Vec<String>,
    /// The cues as one automaton over folded text (leftmost-longest).
    pub cue_automaton: AhoCorasick,
    /// Every trigger pattern in one set, for a single pass per sentence.
    pub trigger_set: regex::bytes::RegexSet,
    /// Hedge words, folded.
    pub hedges: Vec<String>,
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
    /// Ministerial portfolios.
    pub portfolios: Vec<String>,
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
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
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 8 && letters.iter().all(|c| c.is_uppercase())
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    #[expect(clippy::too_many_lines, reason = "one pass over each data file, in order")]
    fn build() -> Lexicon {
        let mut countries = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let add = |patterns: &mut Vec<Pattern>, entry: Entry, text: &str| {
            let text = text.trim();
            if text.chars().count() < 2 {
                return;
            }
            patterns.push(Pattern {
                entry,
                exact_case: is_acronym(text),
                text: text.to_owned(),
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
            for (col, form) in [
                (4, CountryForm::Name),
                (5, CountryForm::Demonym),
                (6, CountryForm::Capital),
            ] {
                for name in r.get(col).unwrap_or(&"").split('|').filter(|s| !s.is_empty()) {
                    add(&mut patterns, Entry::Country(i, form), name);
                }
            }
        }
        let index_of = |countries: &[Country], iso3: &str| countries.iter().position(|c| c.iso3 == iso3);
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
                        .retain(|p| !(p.entry == Entry::Country(i, CountryForm::Capital) && p.text == r[2]));
                    continue;
                }
                _ => CountryForm::Name,
            };
            add(&mut patterns, Entry::Country(i, form), r[2]);
        }
        let mut people: Vec<KnownPerson> = Vec::new();
        let mut person_names: std::collections::HashSet<Vec<u8>> = std::collections::HashSet::new();
        // Our own list first (kept up to date, one office per row), then the Phoenix
        // dictionaries for everyone it lacks (several dated offices per person).
        for (data, known_until) in [(PEOPLE, None), (PHOENIX_PEOPLE, Some(PHOENIX_HORIZON))] {
            let mut by_name: Vec<(String, Vec<Vec<&str>>)> = Vec::new();
            for r in rows(data) {
                match by_name.last_mut() {
                    Some((name, group)) if known_until.is_some() && name == r[0] => group.push(r),
                    _ => by_name.push((r[0].to_owned(), vec![r])),
                }
            }
            for (name, group) in by_name {
                if known_until.is_some() && person_names.contains(&fold(&name)) {
                    continue;
                }
                let terms: Vec<Term> = group
                    .iter()
                    .map(|r| Term {
                        role: r.get(2).copied().unwrap_or_default().to_owned(),
                        country: r.get(3).and_then(|c| index_of(&countries, c)),
                        from: r.get(4).copied().unwrap_or_default().to_owned(),
                        to: r.get(5).copied().unwrap_or_default().to_owned(),
                    })
                    .collect();
                // The person's office for a text without a date: the latest, a named office
                // before a code's description.
                let Some(last) = terms
                    .iter()
                    .max_by_key(|t| (!t.role.contains("(CAMEO"), t.from.clone()))
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
                    name: name.clone(),
                    role: last.role.clone(),
                    country: last.country,
                    from: last.from.clone(),
                    to: last.to.clone(),
                    source: group[0].get(6).copied().unwrap_or_default().to_owned(),
                    terms,
                    known_until,
                });
                for text in std::iter::once(name.as_str()).chain(aliases) {
                    let key = fold(text);
                    // A name our own list gives to someone keeps pointing there.
                    if known_until.is_some() && person_names.contains(&key) {
                        continue;
                    }
                    person_names.insert(key);
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
        // Leading "the" is not part of a name: the folded text keeps it outside the match.
        for p in &mut patterns {
            if let Some(rest) = p.text.strip_prefix("the ") {
                p.text = rest.to_owned();
            }
        }
        let folded: Vec<Vec<u8>> = patterns.iter().map(|p| fold(&p.text)).collect();
        #[expect(
            clippy::expect_used,
            reason = "the patterns are compiled-in data; a bad one is a build bug caught by every test"
        )]
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&folded)
            .expect("gazetteer automaton");
        let triggers: Vec<Trigger> = rows(TRIGGERS)
            .filter_map(|r| {
                let regex = trigger_regex(r.get(2)?).ok()?;
                Some(Trigger {
                    kind: r[0].to_owned(),
                    cameo: r[1].to_owned(),
                    regex,
                })
            })
            .collect();
        let mut titles: Vec<(String, String)> = rows(TITLES)
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0].to_owned(), r[1].to_owned()))
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
            .build(claim_cues.iter().map(String::as_bytes))
            .expect("cue automaton");
        #[expect(clippy::expect_used, reason = "the same patterns compiled one by one above")]
        let trigger_set =
            regex::bytes::RegexSetBuilder::new(triggers.iter().map(|t: &Trigger| t.regex.as_str()))
                .case_insensitive(true)
                .unicode(false)
                // Forty patterns with bounded gaps make many lazy-DFA states: a cache large
                // enough to hold them keeps the set off the (much slower) PikeVM.
                .dfa_size_limit(64 << 20)
                .build()
                .expect("trigger set");
        Lexicon {
            countries,
            people,
            organisations,
            patterns,
            automaton,
            triggers,
            cues,
            cue_automaton,
            trigger_set,
            hedges: words(HEDGES),
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
            portfolios,
        }
    }
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
}
