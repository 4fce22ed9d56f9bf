//! Gazetteer recognition: every country, capital, demonym, metonym, known official and
//! organisation the lexicon knows, found in one pass over the words of the folded text (each word
//! looks up the names that begin with it), longest match first, on word boundaries, with case
//! rules (names capitalised, acronyms exact).

use crate::extract::lexicon::{CountryForm, Entry, Lexicon, Pattern};
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
    let f = &text.folded;
    let mut candidates: Vec<Mention> = Vec::new();
    let mut p = from;
    // A name begins at the start of a word, never inside one.
    if p > 0 {
        while p < f.len() && is_word(f[p - 1]) {
            p += 1;
        }
    }
    while p < f.len() {
        if !is_word(f[p]) {
            p += 1;
            continue;
        }
        let word_end = p + f[p..].iter().take_while(|b| is_word(**b)).count();
        // Every name is capitalised or an acronym (see `accept`): a word that begins with a
        // small letter begins none, and is not looked up.
        if text.slice(p, p + 1).starts_with(char::is_lowercase) {
            p = word_end;
            continue;
        }
        // A name begins where a word does; its first word is the text's word, or that word less
        // a plural "s" (Iranians).
        let word = &f[p..word_end];
        let singular = (word.len() > 2 && word.ends_with(b"s")).then(|| &word[..word.len() - 1]);
        for key in std::iter::once(word).chain(singular) {
            for i in lex.names.candidates(key) {
                let name = lex.names.name(i);
                if f[p..].starts_with(name)
                    && let Some(m) = accept(text, p, p + name.len(), &lex.patterns[i])
                {
                    candidates.push(m);
                }
            }
        }
        p = word_end;
    }
    // Leftmost-longest, without overlaps; among equal spans the pattern filed first.
    candidates.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(candidates.len());
    for m in candidates {
        if out.last().is_none_or(|last| m.start >= last.end) {
            // A known official's one-word name (a surname) right after a given name is the end
            // of someone else's name: "Johnson" in "Boris Johnson" is not Lyndon B. Johnson.
            if let Entry::Person(k) = m.entry
                && !text.slice(m.start, m.end).contains(' ')
                && let Some(given) = given_name_before(text, m.start, out.last(), lex)
            {
                // Unless the given name is the person's own ("Volodymyr Zelenskyy" where the
                // gazetteer writes "Volodymyr Zelensky"), by the canonical name's key (the
                // table of every alias would cost a start-up its build).
                let given = crate::extract::names::name_key(text.slice(given, m.start));
                let own = crate::extract::names::name_key(lex.people[k].name)
                    .split('-')
                    .any(|w| w == given);
                if !own {
                    continue;
                }
            }
            if matches!(m.entry, Entry::Country(..))
                && (in_sea_name(text, m.start, m.end)
                    || before_currency(text, &m)
                    || names_instrument(text, &m))
            {
                continue;
            }
            if inside_other_name(text, &m, out.last(), lex) || region_adjective(text, &m) {
                continue;
            }
            out.push(m);
        }
    }
    out
}

/// Whether a country's name at `start..end` is part of the name of a sea ("South China Sea",
/// "Sea of Japan", "Indian Ocean", "Gulf of Oman"): a place, not the country.
fn in_sea_name(text: &Text<'_>, start: usize, end: usize) -> bool {
    let after = &text.folded[end..];
    let before = &text.folded[..start];
    [&b" sea"[..], b" ocean"]
        .iter()
        .any(|w| after.starts_with(w) && after.get(w.len()).is_none_or(|b| !is_word(*b)))
        || [
            &b"sea of "[..],
            b"sea of the ",
            b"gulf of ",
            b"gulf of the ",
            b"bay of ",
            b"strait of ",
            b"straits of ",
        ]
        .iter()
        .any(|w| {
            before.ends_with(w) && (before.len() == w.len() || !is_word(before[before.len() - w.len() - 1]))
        })
}

/// Whether a capital names an instrument or a process with the capitalised word after it ("the
/// Doha Round", "the Minsk agreements", "the Astana Process"): a name, not the government.
fn names_instrument(text: &Text<'_>, m: &Mention) -> bool {
    const HEADS: &[&[u8]] = &[
        b"round",
        b"mandate",
        b"agenda",
        b"declaration",
        b"protocol",
        b"accord",
        b"accords",
        b"agreement",
        b"agreements",
        b"process",
        b"convention",
        b"conventions",
        b"format",
        b"document",
        b"principles",
        b"consensus",
        b"communique",
        b"initiative",
        b"formula",
        b"charter",
        b"treaty",
        b"statute",
        b"pact",
        b"framework",
        b"memorandum",
        b"group",
    ];
    if !matches!(m.entry, Entry::Country(_, CountryForm::Capital)) {
        return false;
    }
    // Up to two capitalised words may come between ("the Doha Development Agenda").
    let mut at = m.end;
    for k in 0..3 {
        if text.folded.get(at) != Some(&b' ') {
            return false;
        }
        at += 1;
        let len = text.folded[at..].iter().take_while(|b| is_word(**b)).count();
        if len == 0 {
            return false;
        }
        if HEADS.contains(&&text.folded[at..at + len]) {
            return true;
        }
        if k == 2 || !text.slice(at, at + 1).starts_with(char::is_uppercase) {
            return false;
        }
        at += len;
    }
    false
}

/// Whether a country's adjective after a compass word names a region ("the two South American
/// countries", "Latin American leaders"); the names that are a country's ("South African",
/// "North Korean") are longer matches and come first.
fn region_adjective(text: &Text<'_>, m: &Mention) -> bool {
    if !m.is_demonym() {
        return false;
    }
    let before = &text.folded[..m.start];
    [
        &b"south "[..],
        b"north ",
        b"east ",
        b"west ",
        b"central ",
        b"latin ",
        b"pan-",
    ]
    .iter()
    .any(|w| {
        before.ends_with(w)
            && (before.len() == w.len() || !is_word(before[before.len() - w.len() - 1]))
            && text
                .slice(m.start - w.len(), m.start - w.len() + 1)
                .starts_with(char::is_uppercase)
    })
}

/// Whether a one-word name of a government body ("Congress") ends a longer name that is not
/// its own ("the National People's Congress", "the Indian National Congress"): a capitalised
/// word right before it that is not a country's name or adjective, nor "the".
fn inside_other_name(text: &Text<'_>, m: &Mention, previous: Option<&Mention>, lex: &Lexicon) -> bool {
    let Entry::Org(o) = m.entry else {
        return false;
    };
    if !matches!(lex.organisations[o].kind.as_str(), "government" | "ministry")
        || text.slice(m.start, m.end).contains(' ')
        || m.start < 2
        || text.folded[m.start - 1] != b' '
    {
        return false;
    }
    if previous.is_some_and(|p| p.end + 1 == m.start) {
        return false;
    }
    let before = &text.folded[..m.start - 1];
    let len = before
        .iter()
        .rev()
        .take_while(|b| is_word(**b) || **b == b'\'')
        .count();
    if len == 0 {
        return false;
    }
    let word = text.slice(m.start - 1 - len, m.start - 1);
    word.starts_with(char::is_uppercase) && !matches!(word, "The" | "U.S" | "US" | "U.S.")
}

/// Whether a country's name or adjective names a currency with the word after it ("4.3 billion
/// US dollars", "Chinese yuan", "Egyptian pounds"): an amount, not the country. Only "dollars"
/// follows a country's name ("Singapore dollars"); other currency words follow an adjective,
/// since some are verbs after a name ("Japan won the bid").
fn before_currency(text: &Text<'_>, m: &Mention) -> bool {
    const CURRENCIES: &[&[u8]] = &[
        b"dollar",
        b"dollars",
        b"yuan",
        b"renminbi",
        b"rupee",
        b"rupees",
        b"rouble",
        b"roubles",
        b"ruble",
        b"rubles",
        b"lira",
        b"liras",
        b"rial",
        b"rials",
        b"riyal",
        b"riyals",
        b"dinar",
        b"dinars",
        b"peso",
        b"pesos",
        b"yen",
        b"won",
        b"naira",
        b"shilling",
        b"shillings",
        b"franc",
        b"francs",
        b"pound",
        b"pounds",
        b"krona",
        b"kronor",
        b"krone",
        b"kroner",
        b"hryvnia",
        b"hryvnias",
        b"taka",
        b"rand",
        b"cedi",
        b"cedis",
        b"dirham",
        b"dirhams",
        b"tenge",
        b"manat",
        b"lari",
        b"dram",
        b"drams",
        b"kyat",
        b"baht",
        b"ringgit",
        b"rupiah",
        b"dong",
        b"zloty",
        b"forint",
        b"leu",
        b"lei",
        b"birr",
    ];
    let Some(rest) = text.folded[m.end..].strip_prefix(b" ") else {
        return false;
    };
    let word = &rest[..rest.iter().take_while(|b| is_word(**b)).count()];
    if word.starts_with(b"dollar") {
        return word.len() <= 7;
    }
    m.is_demonym() && CURRENCIES.contains(&word)
}

/// Capitalised words that begin sentences or stand before names, never given names (beside
/// the words that are never part of a name, `people::not_name`: "The", "On", months, days).
const NOT_GIVEN_NAMES: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "As",
    "Before",
    "Both",
    "By",
    "During",
    "Even",
    "Former",
    "He",
    "However",
    "If",
    "Late",
    "Meanwhile",
    "Now",
    "Of",
    "Once",
    "She",
    "Since",
    "So",
    "Then",
    "To",
    "Under",
    "When",
    "While",
    "Yesterday",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Sheikh",
    "Prince",
    "Princess",
    "Ayatollah",
    "Grand",
    "Imam",
    "Mullah",
    "Maulana",
    "Sayyid",
    "Sayed",
    "Hojatoleslam",
    "Pope",
    "Cardinal",
    "Rabbi",
    "Father",
    "Saint",
    "Emperor",
    "Crown",
];

/// Where the word right before `start` (one space between) begins, when it is a given name:
/// capitalised letters, not a title's last word, not a word of [`NOT_GIVEN_NAMES`], not part of
/// the mention before (a country, an organisation).
pub fn given_name_before(
    text: &Text<'_>,
    start: usize,
    previous: Option<&Mention>,
    lex: &Lexicon,
) -> Option<usize> {
    if start < 2 || text.folded[start - 1] != b' ' {
        return None;
    }
    let word_start = (0..start - 1)
        .rev()
        .find(|&i| !is_word(text.folded[i]))
        .map_or(0, |i| i + 1);
    if word_start + 2 > start - 1 || previous.is_some_and(|p| p.end > word_start) {
        return None;
    }
    let word = text.slice(word_start, start - 1);
    let mut chars = word.chars();
    let given = chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && !NOT_GIVEN_NAMES.contains(&word)
        && !crate::extract::people::not_name(word)
        && !title_last_words(lex).contains(word);
    given.then_some(word_start)
}

/// The last word of every title ("Minister", "President", "Secretary"...).
fn title_last_words(lex: &Lexicon) -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        lex.titles
            .iter()
            .filter_map(|(t, _)| t.split(' ').next_back().map(str::to_owned))
            .collect()
    })
}

/// A name found at `start..end` of the folded text, checked against the raw text: it ends on a
/// word boundary (a demonym may take a plural "s"), and it is capitalised, or an acronym as
/// written.
fn accept(text: &Text<'_>, start: usize, mut end: usize, pattern: &Pattern) -> Option<Mention> {
    // A demonym also names its people in the plural (Iranians, Syrians).
    if end < text.len()
        && text.folded[end] == b's'
        && matches!(pattern.entry, Entry::Country(_, CountryForm::Demonym))
    {
        end += 1;
    }
    let last = text.folded[end - 1];
    if end < text.len() && is_word(text.folded[end]) && is_word(last) {
        return None;
    }
    let raw = text.slice(start, end);
    let first = raw.chars().next().unwrap_or(' ');
    if pattern.exact_case {
        if !raw.starts_with(pattern.text) {
            return None;
        }
    } else if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    Some(Mention {
        start,
        end,
        entry: pattern.entry,
    })
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
        // A known surname after another given name is someone else; after a title it is them.
        assert!(names("Boris Johnson met him.").is_empty());
        assert_eq!(
            names("Volodymyr Zelenskyy met him."),
            ["Zelenskyy=person:Volodymyr Zelensky"]
        );
        // An honorific is no given name.
        assert_eq!(
            names("Ayatollah Khamenei met him."),
            ["Khamenei=person:Ali Khamenei"]
        );
        // A sea named after a country is a place.
        assert_eq!(
            names("Chinese ships in the South China Sea, the Sea of Japan and the Indian Ocean."),
            ["Chinese=CHN:Demonym"]
        );
        // A demonym a territory shares stays the state's.
        assert_eq!(
            names("American and French officials"),
            ["American=USA:Demonym", "French=FRA:Demonym"]
        );
        assert_eq!(
            names("President Johnson met him."),
            ["Johnson=person:Lyndon B. Johnson"]
        );
        assert_eq!(
            names("CENTCOM and ISIS"),
            ["CENTCOM=org:U.S. Central Command", "ISIS=org:Islamic State"]
        );
    }
}
