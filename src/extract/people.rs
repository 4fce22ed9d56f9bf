//! People: officials found from the gazetteer, from titles ("Iraqi Prime Minister X",
//! "Adm. X, CENTCOM commander"), and from bare names that act in the text ("X said"), with
//! their role and country, and every later mention of them (surnames, "Mr. X").

use crate::extract::Doc;
use crate::extract::lexicon::{CountryForm, Entry, KnownPerson, Lexicon};
use crate::extract::recognise::Mention;
use crate::extract::text::{LineKind, fold, latin_letter, latin_upper};
use aho_corasick::MatchKind;
use regex::Regex;
use std::sync::OnceLock;

/// A person the article mentions.
#[derive(Debug, Clone)]
pub struct Person {
    /// Name as the article (or the gazetteer) gives it in full.
    pub name: String,
    /// Role as the article gives it, or the gazetteer's.
    pub role: Option<String>,
    /// Index of the country they serve.
    pub country: Option<usize>,
    /// The text says the role has ended ("former").
    pub former: bool,
    /// The gazetteer entry, when known.
    pub known: Option<usize>,
    /// Mentions (code points), sorted.
    pub mentions: Vec<(usize, usize)>,
    /// Where the role was found (code points), for grounding the role assignment.
    pub role_span: Option<(usize, usize)>,
    /// The country is a default, not something the text says of this person: the country of
    /// the dateline or of the government that publishes. A counterpart the text names
    /// overrides it ("President Yoon Suk Yeol and Japanese Prime Minister Fumio Kishida" from
    /// a story filed in Tokyo).
    pub guessed: bool,
    /// The text gives the person an office of an intergovernmental organisation ("UN
    /// Secretary-General", "EU envoy"): they serve no state, whatever the gazetteer records of
    /// their career, and nothing later gives them one.
    pub international: bool,
}

impl Person {
    /// The name's tokens that identify the person on their own (the surname, with and without
    /// an `al-` style particle).
    fn keys(&self) -> Vec<String> {
        let mut tokens: Vec<&str> = self.name.split_whitespace().collect();
        // "Lloyd J. Austin III", "Charles Q. Brown Jr.": the surname is before the suffix.
        while tokens.len() > 1
            && tokens
                .last()
                .is_some_and(|t| ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"].contains(t))
        {
            tokens.pop();
        }
        let mut keys = Vec::new();
        // "Faisal bin Farhan Al Saud" is "Foreign Minister Faisal", "Prince Faisal": a name with
        // a patronymic goes by its given name.
        if tokens.len() >= 3 && matches!(tokens[1], "bin" | "ibn" | "bint") && tokens[0].chars().count() >= 3
        {
            keys.push(tokens[0].to_owned());
        }
        // Chinese, Korean and Vietnamese names put the surname first ("Wang Yi" is "Wang"), and
        // the surname alone may be two letters ("President Hu").
        if tokens.len() == 1 && SURNAME_FIRST.contains(&tokens[0]) {
            keys.push(tokens[0].to_owned());
        }
        if (2..=3).contains(&tokens.len())
            && let Some(first) = tokens.first()
            && SURNAME_FIRST.contains(first)
        {
            keys.push((*first).to_owned());
        }
        // "MOTEGI Toshimitsu", "ISHIBA Shigeru": the word in capitals is the surname
        // ("Minister Motegi").
        if tokens.len() >= 2 && !tokens.iter().all(|t| t.chars().all(|c| !c.is_lowercase())) {
            for t in &tokens {
                if t.chars().count() >= 3 && t.chars().all(char::is_uppercase) {
                    let mut chars = t.chars();
                    if let Some(first) = chars.next() {
                        keys.push(first.to_string() + &chars.as_str().to_lowercase());
                    }
                }
            }
        }
        if let Some(last) = tokens.last() {
            let last = last.trim_end_matches('.');
            if last.chars().count() >= 3 && !last.chars().all(|c| c.is_uppercase() || c == 'I') {
                keys.push(last.to_owned());
                for prefix in ["al-", "el-", "Al-", "El-", "as-", "ad-"] {
                    if let Some(rest) = last.strip_prefix(prefix)
                        && rest.chars().count() >= 3
                    {
                        keys.push(rest.to_owned());
                    }
                }
            }
        }
        keys
    }
}

/// The commonest Chinese, Korean and Vietnamese surnames, which stand first in a name.
const SURNAME_FIRST: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
    "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng",
    "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng",
    "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Qin", "Xi", "Kim", "Lee", "Park", "Choi", "Jung",
    "Chung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Yoo", "Ahn", "Moon", "Nguyen", "Tran", "Pham",
    "Hoang", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ngo",
];

/// Words that end a name or show that a capitalised sequence is not one.
pub(crate) const NOT_NAME: &[&str] = &[
    "License",
    "Licence",
    "Agreement",
    "Act",
    "Plan",
    "The",
    "This",
    "That",
    "In",
    "On",
    "At",
    "For",
    "And",
    "But",
    "With",
    "From",
    "Today",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Administration",
    "Cabinet",
    "Parliament",
    "Party",
    "Palace",
    "House",
    "Guard",
    "Navy",
    "Air",
    "General",
    "Secretary",
    "Minister",
    "President",
    "Prime",
    "State",
    "Republic",
    "Kingdom",
    "Union",
    "Organization",
    "Agency",
    "News",
    // Plural common nouns that end the names of bodies ("Commission on Prisoners of War,
    // Hostages and Missing Persons", "Human Rights", "Foreign Relations").
    "People",
    "Prisoners",
    "Hostages",
    "Refugees",
    "Institute",
    "Center",
    "Centre",
    "Commission",
    // "Both Leaders reiterated ..." (a joint statement's defined term).
    "Both",
    "Leaders",
    // "the Chief Executive welcomed ..." (an office, not a name), "the Group General Manager of
    // the NNPC, Mr. X" (not General Manager): words of offices, never of names.
    "Executive",
    "Manager",
    "Director",
    "Officer",
    "Coordinator",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    // "Minister Responsible for Foreign Affairs" (Oman's title).
    "Responsible",
    // "the Rt Hon Elizabeth Truss MP".
    "MP",
    "MEP",
    "Commissioner",
    // A form of address alone ("His Majesty reaffirmed ..."): the monarch, found by the claims.
    "Majesty",
    "Highness",
    // Newspapers ("The German newspaper Sueddeutsche Zeitung reported").
    "Zeitung",
    "Times",
    "Gazette",
    "Herald",
    "Tribune",
];

/// Single-word titles that can precede a name inside a longer title.
const TITLE_WORDS: &[&str] = &[
    "Prince",
    "King",
    "Queen",
    "Sheikh",
    "Emir",
    "Sultan",
    "Dr.",
    "Dr",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "H.E.",
    "Engineer",
    "Lt.",
    "Maj.",
    "Brig.",
    "Prof.",
    "Eng.",
    "Hon.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Gen.",
    "General",
    "Adm.",
    "Admiral",
    "Commodore",
    "Col.",
    "Colonel",
    "Capt.",
    "Captain",
    // Ranks of two words ("Field Marshal Asim Munir", "Vice Adm. X", "Major General Y").
    "Field",
    "Marshal",
    "Vice",
    "Rear",
    "Lieutenant",
    "Brigadier",
    "Major",
    "Ambassador",
    "Senator",
    "Sen.",
    "Cmdr.",
    "Cdr.",
    "Hon.",
    // Forms of address before a name ("H.E. Mr. ISHIBA Shigeru", "Dato' Seri Anwar Ibrahim").
    "H.E",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dato'",
    "Dato’",
    "Datuk",
    "Seri",
    "Tun",
];

/// Titles that may stand before a single name ("President Trump", "King Abdullah").
const SINGLE_NAME_TITLES: &[&str] = &[
    "President",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Emir",
    "Sultan",
    "Sheikh",
    "Chancellor",
    "Supreme Leader",
];

/// Head nouns of role phrases ("the Iranian foreign minister", "the official").
pub const ROLE_HEADS: &[&str] = &[
    "prime minister",
    "minister",
    "secretary",
    "official",
    "president",
    "king",
    "queen",
    "prince",
    "emir",
    "adviser",
    "advisor",
    "envoy",
    "ambassador",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "general",
    "chancellor",
    "leader",
    "chief",
    "premier",
    "sultan",
    "commissioner",
    "ombudsman",
    "head",
];

const NAME_TOKEN: &str = concat!(
    // Initials written together ("Retno L.P. Marsudi").
    r"(?:[A-Z]\.(?:[A-Z]\.)+|",
    r"(?:(?:al|el|ad|as|ash|abu|Al|El|Abu)-)?[",
    latin_upper!(),
    r"][",
    latin_letter!(),
    r"'’]*(?:-[",
    latin_upper!(),
    r"]?[",
    latin_letter!(),
    r"'’]+)*\.?)"
);
const PARTICLE: &str = r"(?:bin|bint|ibn|al|el|de|van|von|da|di|Al)";

/// Words of compound portfolios beyond those of portfolios.txt ("Foreign and *European*
/// Affairs", "Foreign Affairs and International *Cooperation*").
const PORTFOLIO_WORDS: &[&str] = &[
    "Foreign",
    "European",
    "Europe",
    "International",
    "Cooperation",
    "Development",
    "Affairs",
    "Relations",
    "Commonwealth",
    "Security",
    "National",
    "Public",
    "Home",
    "Overseas",
    "Expatriates",
    "Diaspora",
    "Regional",
    "Integration",
    "Emigrants",
    "Worship",
    "Economic",
    "Policy",
    "Strategic",
    "Planning",
    "Renewable",
    "Mineral",
    "Natural",
    "Resources",
    "Mines",
    "Petroleum",
    "Gas",
    "Water",
    "Irrigation",
    "Legal",
    "Law",
    "Human",
    "Rights",
    "Maritime",
    "Fisheries",
    "Marine",
    "Digital",
    "Social",
    "Welfare",
    "Science",
    "Technology",
    "Innovation",
    "Climate",
    "Immigration",
    "Religious",
    "Infrastructure",
    "Investment",
];

/// Whether a mention after `before` is the object of a preposition other than "of" ("clashes
/// between Tajikistan and Kyrgyzstan", "talks with Iran"): a place or a party, not whom an
/// official after it serves.
fn governed(before: &[u8]) -> bool {
    let mut words = before.split(|&b| b == b' ').filter(|w| !w.is_empty()).rev();
    let mut last = words.next().unwrap_or_default();
    if last == b"and" || last == b"the" {
        last = words.next().unwrap_or_default();
    }
    if matches!(
        last,
        b"between"
            | b"with"
            | b"to"
            | b"against"
            | b"toward"
            | b"towards"
            | b"from"
            | b"in"
            | b"at"
            | b"on"
            | b"into"
            | b"over"
    ) {
        return true;
    }
    // "between Tajikistan and Kyrgyzstan": both are governed.
    before
        .windows(8)
        .rposition(|w| w == b"between ")
        .is_some_and(|i| {
            before[i + 8..]
                .split(|&b| b == b' ')
                .filter(|w| !w.is_empty())
                .count()
                <= 3
        })
}

/// Whether a word is one of the verbs a bare name may be the subject of (`Patterns::verbs`).
fn is_verb(word: &str, p: &Patterns) -> bool {
    p.verbs
        .find(aho_corasick::Input::new(word).anchored(aho_corasick::Anchored::Yes))
        .is_some_and(|m| m.end() == word.len())
}

/// Whether what follows an appositive role closes it: punctuation, the end, or a verb of saying.
fn appositive_closed(rest: &str) -> bool {
    let mut rest = rest.trim_start();
    // "Indonesia's envoy to Australia,": the place the office is for or in belongs to it.
    if let Some(after) = ["to ", "in ", "for ", "at ", "on "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        let after = after.strip_prefix("the ").unwrap_or(after);
        let words = after
            .split(' ')
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        if words > 0 {
            rest = after
                .splitn(words + 1, ' ')
                .nth(words)
                .unwrap_or_default()
                .trim_start();
            // The last capitalised word may carry the closing comma itself.
            let last = after.split(' ').nth(words - 1).unwrap_or_default();
            if last.ends_with([',', '.', ';', ':', ')']) {
                return true;
            }
        }
    }
    rest.is_empty()
        || rest.starts_with([',', '.', ';', ':', ')', '"', '”', '’', '—', '–'])
        || rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| SAID.contains(&w))
}

/// Verbs of saying that may follow an official's appositive role without a comma.
const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stressed",
    "noted",
    "wrote",
    "warned",
    "urged",
    "announced",
    "explained",
    "emphasized",
    "emphasised",
    "insisted",
];

/// Whether the words between a country and an official's title set them on two sides of a
/// meeting ("The Japanese and South Korean leaders will meet with Premier Li Qiang"): the
/// country is the counterpart's, not the official's.
fn parties_apart(between: &[u8]) -> bool {
    between.split(|&b| !b.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            b"with"
                | b"met"
                | b"meet"
                | b"meets"
                | b"meeting"
                | b"received"
                | b"receives"
                | b"hosted"
                | b"hosts"
                | b"welcomed"
                | b"welcomes"
                | b"called"
                | b"visited"
                | b"visits"
                | b"invited"
        )
    })
}

/// People mentioned before `at`, nearest first.
pub(crate) fn people_before(people: &[Person], at: usize) -> Vec<usize> {
    let mut seen: Vec<(usize, usize)> = people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.mentions
                .iter()
                .filter(|m| m.1 <= at)
                .map(|m| m.0)
                .max()
                .map(|m| (m, i))
        })
        .collect();
    seen.sort_by_key(|(m, _)| std::cmp::Reverse(*m));
    seen.into_iter().map(|(_, i)| i).collect()
}

/// Month abbreviations, for a dateline's date.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The country of the city a wire story's dateline names: a capital at the start of the body,
/// in capitals ("TEHRAN, Apr. 30 (MNA) –", "MOSCOW (Sputnik)") or followed by a date or an
/// agency ("Moscow, May 31 (IANS)").
fn dateline_country(doc: &Doc<'_>, lex: &Lexicon) -> Option<usize> {
    let m = doc
        .mentions
        .iter()
        .find(|m| m.start >= doc.body_start && doc.text.slice(doc.body_start, m.start).trim().is_empty())?;
    let written = doc.text.slice(m.start, m.end);
    let capitals = written
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let after = doc.text.slice(m.end, (m.end + 12).min(doc.text.len()));
    // A capital in capitals ("TEHRAN, Apr. 30 (MNA) –"), or written as a name but followed by a
    // month or an agency in parentheses ("Moscow, May 31 (IANS)", "Beijing (Xinhua) –").
    let dated = after
        .strip_prefix(", ")
        .is_some_and(|rest| MONTHS.iter().any(|month| rest.starts_with(month)))
        || after.starts_with(" (");
    ((capitals && after.starts_with([',', ' ', '(', ':']) || dated)
        && matches!(m.entry, Entry::Country(_, CountryForm::Capital)))
    .then(|| m.country(lex))
    .flatten()
}

/// Titles that are forms of address or rank in a royal house, not offices: an office given
/// beside them is the role.
const HONORIFICS: &[&str] = &[
    "Prince", "Princess", "Sheikh", "Sheikha", "Dr.", "Dr", "Mr.", "Mrs.", "Ms.", "Sir", "Dame", "Lord",
    "Lady",
];

/// A form of address between a title and a name ("Prime Minister of Bangladesh, H.E. Sheikh
/// Hasina").
const EXCELLENCY: &str = r"(?:(?:H\.\s?E\.?|His\s+Excellency|Her\s+Excellency|(?:the\s+)?Rt\.?\s+Hon\.?)\s+(?:(?:Mr|Mrs|Ms|Dr|Shri|Smt)\.?\s+)?)?";

fn name_pattern() -> String {
    // A nickname in quotation marks may stand between the names ("Benjamin "Bibi" Netanyahu").
    format!(r#"{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+|["“][A-Z][a-z]+["”]\s+)?{NAME_TOKEN}){{0,4}}"#)
}

struct Patterns {
    /// Titles in any ASCII case, leftmost-longest (a match in another case than the list's
    /// counts only when it is written small).
    titles: aho_corasick::AhoCorasick,
    /// The titles as the list writes them, by pattern.
    title_texts: std::collections::HashSet<String>,
    /// A name right after a title.
    name_after: Regex,
    /// A name set off by commas after a title ("an opposition Member of Parliament, Navjot
    /// Singh Sidhu, spoke").
    name_after_comma: Regex,
    /// A transcript's speaker label: the name in parentheses after the title ("Official
    /// Spokesperson (Shri Vikas Swarup):").
    name_in_label: Regex,
    /// `and` joining two titles.
    joiner: Regex,
    /// A name right before a verb (the text up to the verb ends with it).
    name_before: Regex,
    /// Verbs a bare name may be the subject of: the reporting cues and a few others.
    verbs: aho_corasick::AhoCorasick,
    appositive: Regex,
    /// A full name set off by an appositive role ("Yemane Meskel, Eritrea's information
    /// minister, announced").
    named_appositive: Regex,
    of_country: Regex,
    gap: Regex,
    /// "to (the)" after an envoy's title.
    sent_to: Regex,
    /// The body a title belongs to, then the name set off by a comma ("A spokesperson *for
    /// Azerbaijan's Foreign Ministry, Leyla Abbasova*, declined", "the Director General *for
    /// Asia, Pacific and African Affairs, Made Surya Adnyana*."): capitalised words, which the
    /// name, the last of them before a comma or the sentence's end, closes.
    body_then_name: Regex,
    /// More of a portfolio after a comma, then the name ("Minister of Foreign Affairs*, European
    /// Union and Cooperation, José Manuel Albares*,").
    portfolio_then_name: Regex,
    /// A capitalised word joined by "and" to another: more of a portfolio ("Union and
    /// Cooperation").
    coordinated: Regex,
    /// A compound portfolio after a ministerial title: "Minister *of Foreign and European
    /// Affairs*", "Minister *for Foreign Affairs and Trade*", words of portfolios.txt only.
    portfolio_tail: Regex,
}

fn patterns(lex: &Lexicon) -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let name = name_pattern();
        let letter = latin_letter!();
        let mut verbs: Vec<String> = lex.cues.iter().filter(|c| !c.contains(' ')).cloned().collect();
        verbs.extend(
            [
                "pointed", "went", "met", "visited", "arrived", "spoke", "discussed", "signed", "held", "hosted",
                "received", "welcomed", "attended", "chaired", "greeted", "thanked", "announced", "led",
            ]
            .map(str::to_owned),
        );
        #[expect(clippy::expect_used, reason = "patterns built from compiled-in data; covered by every extraction test")]
        Patterns {
            // In any case: "Philippine defense secretary Delfin Lorenzana", "the president's
            // chief of staff Andriy Yermak" (a title written small still needs a name after it).
            titles: aho_corasick::AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(aho_corasick::StartKind::Both)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(lex.titles.iter().map(|(t, _)| t.as_str()))
                .expect("title automaton"),
            title_texts: lex.titles.iter().map(|(t, _)| t.clone()).collect(),
            // "Minister for Foreign Affairs Senator the Hon Penny Wong": an Australian
            // honorific between the title and the name.
            name_after: Regex::new(&format!(
                r"^\s+(?:(?:Senator\s+|Sen\.\s+|Dr\.?\s+)?(?:the\s+|The\s+)?(?:Hon\.?|Honourable|Honorable)\s+)?{EXCELLENCY}(?P<name>{name})"
            ))
            .expect("name after title"),
            name_after_comma: Regex::new(&format!(r"^,\s+{EXCELLENCY}(?P<name>{name})\s*(?:[,.;(]|$|\s+(?:today|yesterday|tomorrow|on|in|at)\b)")).expect("name after title and comma"),
            name_in_label: Regex::new(&format!(r"^\s*\(\s*(?:(?:Shri|Smt\.?|Shrimati|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)?(?P<name>{name})\s*\)\s*:"))
                .expect("name in a speaker label"),
            joiner: Regex::new(r"^\s+(?:and|&)\s+").expect("joiner"),
            name_before: Regex::new(&format!(r"(?P<name>{name})\s+(?:also\s+|further\s+|later\s+)?$"))
                .expect("name before verb"),
            verbs: aho_corasick::AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Both)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&verbs)
                .expect("verb automaton"),
            appositive: Regex::new(
                concat!(r"^,\s+(?:the\s+)?(?P<role>(?:[", latin_letter!(), r"'’\-.]+\s+){0,4}?(?i:commander|minister|ambassador|envoy|spokesman|spokeswoman|spokesperson|adviser|advisor|secretary|chief|director|president|official|general|head|chairman|chairwoman)(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:(?:of\s+|and\s+|the\s+){0,2}[A-Z][", latin_letter!(), r"'’\-.]*\s*){1,8})?)\b"),
            )
            .expect("appositive pattern"),
            named_appositive: Regex::new(&format!(
                r"(?P<name>{name}),\s+(?:an?\s+|the\s+)?(?P<role>(?:[{letter}'’\-]+\s+){{0,5}}?(?i:secretary[\s-]+general|minister|ambassador|envoy|spokesman|spokeswoman|spokesperson|adviser|advisor|aide|coordinator|secretary|chief\s+of\s+staff|commander|president|lawmaker|senator|governor|official|member\s+of\s+parliament|chairman|chairwoman|director|negotiator|representative|leader|mayor|commissioner|ombudsman|prosecutor|head)(?:\s+(?:for|of|to|at|in)\s+(?:the\s+|a\s+)?(?:[{letter}'’\-.]+\s+){{0,7}}?[{letter}'’\-.]+)?(?:\s+and\s+(?:[{letter}'’\-]+\s+){{0,2}}?(?i:president|prime\s+minister|minister|chairman|chairwoman|head\s+of\s+state))?)\b\s*(?:[,.]|$|\s+and\s+(?:Mr|Ms|Mrs|Dr)\.?\s)"
            ))
            .expect("named appositive pattern"),
            of_country: Regex::new(r"^\s+of\s+(?:the\s+)?$").expect("of pattern"),
            sent_to: Regex::new(r"^\s+to\s+(?:the\s+)?").expect("sent to"),
            body_then_name: Regex::new(&format!(
                r"^\s+(?P<prep>of|for|at|to)\s+(?:the\s+)?(?P<body>[A-Z][{letter}'’.\-]*(?:(?:,\s+|\s+and\s+|\s+of\s+the\s+|\s+of\s+|\s+for\s+|\s+)[A-Z][{letter}'’.\-]*){{0,8}}),\s+{EXCELLENCY}(?P<name>{name})\s*(?:[,.;(]|$|\s+(?:today|yesterday|tomorrow|on|in|at)\b)"
            ))
            .expect("body then name"),
            portfolio_then_name: Regex::new(&format!(
                r"^(?:,\s+|\s+)(?P<body>[A-Z][{letter}'’.\-]*(?:(?:,\s+|\s+and\s+|\s+of\s+the\s+|\s+of\s+|\s+)[A-Z][{letter}'’.\-]*){{0,6}}),\s+(?P<name>{name})\s*(?:[,.;]|$)"
            ))
            .expect("portfolio then name"),
            coordinated: Regex::new(r"^\s+[A-Z]\w*\s+and\s+[A-Z]").expect("coordinated words"),
            portfolio_tail: {
                let mut words: Vec<&str> = lex
                    .portfolios
                    .iter()
                    .flat_map(|p| p.split_whitespace())
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .chain(PORTFOLIO_WORDS.iter().copied())
                    .collect();
                words.sort_unstable();
                words.dedup();
                let w = format!("(?:{})", words.join("|"));
                Regex::new(&format!(
                    r"^(?:\s+(?:of|for)\s+(?:the\s+)?|,?\s+and\s+|,\s+)(?:{w}(?:,?\s+and\s+|,\s+|\s+))*{w}\b"
                ))
                .expect("portfolio tail")
            },
            gap: Regex::new(r"(?i)^(?:['’]s)?\s*(?:\([A-Z.]{2,8}\)\s*)?(?:(?:former|top|senior|acting|then|interim|counterpart|army|navy|air\s+force|forces?|chief|deputy|principal|main|lead)\s+)*$")
                .expect("gap pattern"),
        }
    })
}

/// The name in `raw` and the byte offset where it begins (after a title inside the name).
/// Whether a word is never part of a person's name: `NOT_NAME` or `BODY_ENDS`.
pub(crate) fn not_name(word: &str) -> bool {
    NOT_NAME.contains(&word) || BODY_ENDS.contains(&word)
}

/// Words that end the names of bodies and places, never part of a person's name.
const BODY_ENDS: &[&str] = &[
    "Commission",
    "Agency",
    "Bureau",
    "Institute",
    "Directorate",
    "Secretariat",
    "Assembly",
    "Council",
    "Command",
    "Committee",
    "Department",
    "Ministry",
    "Office",
    "Force",
    "Forces",
    "Army",
    "Court",
    "Government",
    "Authority",
    "Affairs",
    "Region",
    "Province",
    "University",
    "Street",
    "Square",
    "Guards",
    "Corps",
    "States",
    "Nations",
    "Persons",
    "Rights",
    "Relations",
    "Services",
    "Resources",
    "Studies",
];

fn clean_name(raw: &str) -> Option<(usize, String)> {
    let mut tokens: Vec<&str> = Vec::new();
    // A title inside the name ("Foreign Minister Prince Faisal", "army chief, Gen. Asim Munir")
    // is not part of it.
    // An honorific inside it ("Renewable Energy Dr. Mohamed Shaker", the end of a portfolio
    // the title did not take): the name begins after it.
    let original = raw;
    let all: Vec<&str> = raw.split_whitespace().collect();
    let raw = match all[..all.len().saturating_sub(1)]
        .iter()
        .rposition(|w| matches!(*w, "Dr." | "Eng." | "Engineer" | "H.E." | "Prof."))
    {
        Some(i) if i > 0 => {
            let w = all[i + 1];
            &raw[w.as_ptr() as usize - raw.as_ptr() as usize..]
        }
        _ => raw,
    };
    // "H. E. Mr. Charles Owiredu", "the Rt Hon Elizabeth Truss MP": forms of address written
    // apart.
    let raw = [
        "H. E. ",
        "H. E ",
        "Rt Hon ",
        "Rt. Hon. ",
        "Right Honourable ",
        "Honorable ",
        "Honourable ",
        "the Honorable ",
        "the Honourable ",
    ]
    .iter()
    .find_map(|p| raw.strip_prefix(p))
    .unwrap_or(raw);
    let mut words = raw.split_whitespace().peekable();
    while words.peek().is_some_and(|w| TITLE_WORDS.contains(w)) {
        words.next();
    }
    let offset = words
        .peek()
        .map_or(raw.as_ptr() as usize - original.as_ptr() as usize, |w| {
            w.as_ptr() as usize - original.as_ptr() as usize
        });
    for t in words {
        let bare = t.trim_end_matches(['.', ',']);
        if not_name(t) || not_name(bare) {
            // "Economic Community of West African States": the words before a body's last
            // word are the body's name, not a person's.
            if !tokens.is_empty() && BODY_ENDS.contains(&bare) {
                return None;
            }
            break;
        }
        tokens.push(t);
    }
    // A sentence-final period is not part of the name; an initial's is.
    while let Some(last) = tokens.last() {
        if last.chars().all(char::is_lowercase) {
            tokens.pop();
        } else {
            break;
        }
    }
    if tokens.is_empty() {
        return None;
    }
    let mut name = tokens.join(" ");
    // The possessive is not part of the name ("President Lukashenko's visit").
    for possessive in ["'s", "’s"] {
        if let Some(n) = name.strip_suffix(possessive) {
            name.truncate(n.len());
        }
    }
    // A sentence-final period goes; an initial's ("J.") and a suffix's ("Jr.") stay.
    if name.ends_with('.')
        && name
            .rsplit(' ')
            .next()
            .is_none_or(|t| t.chars().count() != 2 && t != "Jr." && t != "Sr.")
    {
        name.pop();
    }
    Some((offset, name))
}

/// The role a title gives, from the lexicon ("Adm." is Admiral); compound titles as written.
fn role_of_title(title: &str, lex: &Lexicon) -> String {
    // "Ambassador to Iraq," as the title's tail took it.
    let title = title.trim_end_matches([',', ';']);
    lex.titles
        .iter()
        .find(|(t, _)| t == title)
        .map_or_else(|| title.to_owned(), |(_, role)| role.clone())
}

fn is_rank(role: &str) -> bool {
    matches!(
        role,
        "Admiral"
            | "Vice Admiral"
            | "Rear Admiral"
            | "General"
            | "Major General"
            | "Lieutenant General"
            | "Brigadier General"
            | "Colonel"
            | "Lieutenant Colonel"
    )
}

/// The country named right before `at` (a demonym, a country's possessive, an organisation of
/// a country), with only words such as "former" or "'s" between.
/// Gives the country and where its mention starts.
fn country_before(doc: &Doc<'_>, at: usize, lex: &Lexicon, p: &Patterns) -> Option<(usize, usize)> {
    mention_before(doc, at, p).and_then(|m| m.country(lex).map(|c| (c, m.start)))
}

/// The mention named right before `at` that a title can take (within 40 code points, with only
/// words such as "former" or "'s" between).
fn mention_before<'d>(
    doc: &'d Doc<'_>,
    at: usize,
    p: &Patterns,
) -> Option<&'d crate::extract::recognise::Mention> {
    doc.mentions
        .iter()
        .rev()
        .find(|m| m.end <= at && at - m.end <= 40)
        .filter(|m| p.gap.is_match(doc.text.slice(m.end, at)))
}

/// Whether a mention is of an intergovernmental organisation.
fn is_igo(m: &crate::extract::recognise::Mention, lex: &Lexicon) -> bool {
    matches!(m.entry, Entry::Org(k) if lex.organisations[k].kind == "intergovernmental")
}

/// An intergovernmental organisation named right before `at`, as [`country_before`] finds a
/// country.
fn igo_before(doc: &Doc<'_>, at: usize, lex: &Lexicon, p: &Patterns) -> bool {
    mention_before(doc, at, p).is_some_and(|m| is_igo(m, lex))
}

/// A state's envoy to a body rather than the body's own official: "UN Ambassador", "Permanent
/// Representative to the UN".
fn is_envoy_to_body(role: &str) -> bool {
    let role = role.to_ascii_lowercase();
    role.contains("ambassador") || role.contains("permanent representative") || role.contains("delegate")
}

/// A title's byte range, its name's, and the body the title is of when a comma sets the name
/// off after it ("spokesperson for *the Ministry*, X").
type TitledName = ((usize, usize), (usize, usize), Option<(usize, usize)>);

impl Patterns {
    /// Whether a title match is written as the list writes it (the automaton ignores case, and
    /// reports one of the rows that differ only in case: "advisor" for "Advisor").
    fn exact(&self, sentence: &str, m: &aho_corasick::Match) -> bool {
        self.title_texts.contains(&sentence[m.start()..m.end()])
    }
}

/// How a title match counts: `Some(false)` written as the list writes it, `Some(true)` written
/// small ("defense secretary Delfin Lorenzana": one only when a name follows it at once), `None`
/// not at all (another case, "SECRETARY" in a transcript's label; or a small title before one
/// written as a title, "coast guard commander Adm. Yoshio Seguchi", whose name it is).
fn title_case(sentence: &str, p: &Patterns, m: &aho_corasick::Match) -> Option<bool> {
    let small = sentence[m.start()..].starts_with(|c: char| c.is_lowercase());
    if !small {
        return p.exact(sentence, m).then_some(false);
    }
    let titled_after = p
        .titles
        .find(
            aho_corasick::Input::new(sentence)
                .span((m.end() + 1).min(sentence.len())..sentence.len())
                .anchored(aho_corasick::Anchored::Yes),
        )
        .is_some_and(|t| p.exact(sentence, &t));
    (!titled_after).then_some(true)
}

/// Titles followed by a name: the title's byte range (compound titles joined with "and"
/// included) and the name, in sentence offsets.
/// `places`: the byte ranges of the sentence's country mentions (names, capitals), which end a
/// title's place where a name follows ("Ambassador to Tehran Muhammad Mudassir Tipu").
fn titled_names(sentence: &str, p: &Patterns, places: &[(usize, usize)]) -> Vec<TitledName> {
    let mut out = plural_titled(sentence, places);
    let mut at = 0;
    while at < sentence.len() {
        let Some(m) = p
            .titles
            .find(aho_corasick::Input::new(sentence).span(at..sentence.len()))
        else {
            break;
        };
        at = m.end();
        // "Assistant Secretary-General": a title that goes on after a hyphen is a longer one,
        // which may start later ("Secretary-General", its rank before it).
        if sentence[m.end()..].starts_with('-') {
            at = m.start() + sentence[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if !standalone(sentence, m.start(), m.end()) {
            continue;
        }
        let t_start = rank_start(sentence, m.start());
        let end = m.end();
        let Some(small) = title_case(sentence, p, &m) else {
            continue;
        };
        // "Minister of Foreign and European Affairs", a portfolio the list does not join.
        let mut end = if small {
            end
        } else {
            title_tail(sentence, t_start, end, p, places)
        };
        // "Deputy Prime Minister and Minister of Planning".
        while let Some(j) = p.joiner.find(&sentence[end..]).filter(|_| !small) {
            let next = end + j.end();
            let input = aho_corasick::Input::new(sentence)
                .span(next..sentence.len())
                .anchored(aho_corasick::Anchored::Yes);
            match p.titles.find(input) {
                Some(t)
                    if p.exact(sentence, &t)
                        && !sentence[t.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric) =>
                {
                    end = t.end();
                }
                _ => break,
            }
        }
        // "Minister of Foreign Affairs, European Union and Cooperation, X": the rest of a
        // portfolio, not a name, comes first.
        let title = &sentence[t_start..end];
        let rest = &sentence[end..];
        let more_portfolio = (title.contains(" of ") || title.contains(" for "))
            && (rest.starts_with(',') || p.coordinated.is_match(rest))
            && p.portfolio_then_name.is_match(rest);
        if let Some(n) = (!more_portfolio)
            .then(|| {
                p.name_after
                    .captures(rest)
                    .or_else(|| p.name_after_comma.captures(rest))
                    .or_else(|| p.name_in_label.captures(rest))
            })
            .flatten()
            .and_then(|c| c.name("name"))
        {
            // "her Indonesian counterpart, Foreign Minister Sugiono": a title after the comma
            // is the name's own; the search goes on from it.
            if let Some(next) = title_in_name(sentence, p, end, n.start(), n.end()) {
                at = next;
                continue;
            }
            out.push(((t_start, end), (end + n.start(), end + n.end()), None));
            at = end + n.end();
        } else if let Some((place, n)) = place_then_name(sentence, end, p, places, true).filter(|_| !small) {
            // "General Secretary of the Communist Party of Vietnam Nguyen Phu Trong, President
            // X": a place the gazetteer knows ends the body before the name, which comes before
            // a comma that a body would otherwise run to.
            out.push(((t_start, place.1), n, Some(place)));
            at = n.1;
        } else if let Some(c) = p.body_then_name.captures(&sentence[end..]).or_else(|| {
            let title = &sentence[t_start..end];
            (title.contains(" of ") || title.contains(" for "))
                .then(|| p.portfolio_then_name.captures(&sentence[end..]))
                .flatten()
        }) && let (Some(body), Some(n)) = (c.name("body"), c.name("name"))
        {
            // An envoy's destination ("ambassador to Indonesia, X") is not the country served.
            let served = c.name("prep").is_none_or(|p| p.as_str() != "to");
            out.push((
                (t_start, end + body.end()),
                (end + n.start(), end + n.end()),
                served.then_some((end + body.start(), end + body.end())),
            ));
            at = end + n.end();
        } else if let Some((place, n)) = place_then_name(sentence, end, p, places, false).filter(|_| !small) {
            // "President of Kazakhstan Kassym-Jomart Tokayev", with no comma: the place is the
            // body the title is of.
            out.push(((t_start, place.1), n, Some(place)));
            at = n.1;
        }
    }
    out.sort_by_key(|t| t.1.0);
    out
}

/// Whether a title found at `start..end` stands as words of its own: not inside a word, nor after
/// a hyphen unless a rank makes it one title ("Major-General Ivan Sokol").
fn standalone(sentence: &str, start: usize, end: usize) -> bool {
    let before_ok = !sentence[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || (c == '-' && !hyphenated_rank(&sentence[..start])));
    let after_ok = !sentence[end..].chars().next().is_some_and(char::is_alphanumeric);
    before_ok && after_ok
}

/// Whether the text before a title ends with a rank and a hyphen ("Major-", "Lieutenant-").
fn hyphenated_rank(before: &str) -> bool {
    ["Major-", "Lieutenant-", "Brigadier-", "Vice-", "Rear-", "Deputy-"]
        .iter()
        .any(|r| before.ends_with(r))
}

/// Where a title found at `at` begins with the rank before it: "Vice Foreign Minister Qin Gang",
/// "Deputy Interior Minister X" (a rank below the office the list knows belongs to the title).
fn rank_start(sentence: &str, at: usize) -> usize {
    let mut start = at;
    for rank in [
        "Vice ",
        "Deputy ",
        "Assistant ",
        "First ",
        "Major-",
        "Lieutenant-",
        "Brigadier-",
        "Vice-",
        "Rear-",
        "Deputy-",
    ] {
        if sentence[..start].ends_with(rank)
            && !sentence[..start - rank.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !sentence[at..].starts_with(rank.trim_end())
        {
            start -= rank.len();
        }
    }
    start
}

/// Where the search for titles goes on when the name found after a title holds one of its own,
/// or `None`: "her Indonesian counterpart, Foreign Minister Sugiono" and "his counterpart,
/// Bolivian President Evo Morales" (after a comma, a country's adjective may come before it);
/// "Secretary of Defense Spokesperson Cmdr. Sarah Higgins" (an office right after a title is
/// the name's own; a rank or form of address, "Foreign Minister Ambassador X", is not: the name
/// follows it). `end` is where the title ends; `n_start..n_end` the name, relative to it.
fn title_in_name(sentence: &str, p: &Patterns, end: usize, n_start: usize, n_end: usize) -> Option<usize> {
    let (a, b) = (end + n_start, end + n_end);
    let t = p
        .titles
        .find(aho_corasick::Input::new(sentence).span(a..b))
        .filter(|t| p.exact(sentence, t))
        .filter(|t| t.start() == a || sentence[a..t.start()].split_whitespace().count() <= 1)?;
    let office_after = t.start() == a
        && !sentence[t.start()..t.end()]
            .split_whitespace()
            .next()
            .is_some_and(|w| TITLE_WORDS.contains(&w));
    (sentence[end..a].contains(',') || office_after).then(|| if t.start() == a { t.start() } else { a + 1 })
}

/// Names after a plural title: "Defence ministers Nikos Dendias and Yasar Guler", "Foreign
/// Ministers X, Y and Z". Each name takes the title in the singular, as written. The pattern is
/// compiled on the first sentence with such a plural.
fn plural_titled(sentence: &str, places: &[(usize, usize)]) -> Vec<TitledName> {
    static HEADS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    static PLURAL: OnceLock<Regex> = OnceLock::new();
    #[expect(
        clippy::expect_used,
        reason = "compiled-in patterns; covered by the extraction tests"
    )]
    let heads = HEADS.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(["ministers", "presidents", "ambassadors", "envoys"])
            .expect("plural heads")
    });
    if !heads.is_match(sentence) {
        return Vec::new();
    }
    #[expect(clippy::expect_used, reason = "compiled-in patterns; covered by the extraction tests")]
    let plural = PLURAL.get_or_init(|| {
        let name = name_pattern();
        Regex::new(&format!(
            r"(?P<title>\b(?i:(?:deputy\s+)?(?:(?:foreign|defen[cs]e|interior|finance|trade|economy|energy|health|justice|agriculture|prime)\s+minister|president|ambassador|envoy)))s,?\s+(?P<a>{name})(?:,\s+|\s+and\s+)(?P<b>{name})(?:(?:,\s+and\s+|,\s+|\s+and\s+)(?P<c>{name}))?"
        ))
        .expect("plural titles")
    });
    let mut out = Vec::new();
    for c in plural.captures_iter(sentence) {
        let (Some(t), Some(a), Some(b)) = (c.name("title"), c.name("a"), c.name("b")) else {
            continue;
        };
        let title = (t.start(), t.end());
        let names: Vec<regex::Match<'_>> = [Some(a), Some(b), c.name("c")].into_iter().flatten().collect();
        // The countries right before the title, joined by "and" or commas: one per name.
        let mut before: Vec<(usize, usize)> = Vec::new();
        let mut edge = t.start();
        for &(ps, pe) in places.iter().rev().filter(|&&(_, pe)| pe <= t.start()) {
            let gap = sentence[pe..edge].trim();
            let joined = if before.is_empty() {
                gap.is_empty()
            } else {
                matches!(gap, "and" | "," | ", and")
            };
            if !joined {
                break;
            }
            before.push((ps, pe));
            edge = ps;
        }
        before.reverse();
        let respective = before.len() == names.len();
        for (k, n) in names.iter().enumerate() {
            out.push((title, (n.start(), n.end()), respective.then(|| before[k])));
        }
    }
    out
}

/// Whether `name` (one word) is nowhere in the article (its title included) part of a longer
/// name: each time it is written, the word before it is not a capitalised word other than a
/// title ("Penny Wong" makes "Minister Wong" a surname), and the word after it is not
/// capitalised ("Prime Minister Abiy Ahmed" makes "Prime Minister Abiy" a given name).
fn mononym(doc: &Doc<'_>, name: &str, lex: &Lexicon) -> bool {
    let text = doc.text.slice(0, doc.text.len());
    name.chars().count() >= 3
        && text.match_indices(name).all(|(at, _)| {
            let before = text[..at].trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or_default();
            let after = text[at + name.len()..].strip_prefix(' ').unwrap_or_default();
            // A sentence's first word: the word before ends the sentence before.
            // Not an initial ("J. Sugiono" is a longer name).
            let starts_sentence = (word.ends_with(['.', '!', '?', ':', '"', '”'])
                && word
                    .trim_end_matches(['.', '!', '?', ':', '"', '”'])
                    .chars()
                    .count()
                    > 1)
                || text[before.len()..at].contains('\n');
            (starts_sentence
                || !word.starts_with(char::is_uppercase)
                || TITLE_WORDS.contains(&word)
                || lex.titles.iter().any(|(t, _)| t.rsplit(' ').next() == Some(word)))
                && !after.starts_with(char::is_uppercase)
                // "Faisal bin Farhan Al Saud": a particle goes on with the name.
                && !["bin ", "ibn ", "bint ", "de ", "van ", "von ", "da ", "di ", "al-", "el-"]
                    .iter()
                    .any(|p| after.starts_with(p))
        })
}

/// The country the header gives a name: "Philippine Foreign Secretary Lazaro" in the title of
/// a transcript whose body says "FOREIGN SECRETARY LAZARO:". The country (or its adjective) must
/// come right before the name's last word, with only capitalised title words between.
fn country_in_header(doc: &Doc<'_>, name: &str, lex: &Lexicon) -> Option<usize> {
    let surname = name.rsplit(' ').next().filter(|w| w.chars().count() >= 3)?;
    let header = doc.text.slice(0, doc.body_start);
    header.match_indices(surname).find_map(|(at, _)| {
        let at = header[..at].chars().count();
        let m = doc
            .header_mentions
            .iter()
            .rev()
            .find(|m| m.end <= at && m.is_country())?;
        let between = doc.text.slice(m.end, at);
        (between.split_whitespace().count() <= 5
            && !between.contains('\n')
            && between
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase)))
        .then(|| m.country(lex))
        .flatten()
    })
}

/// After a title, "of (the) Place Name": the place and the name's byte ranges in the sentence.
/// The place ends where a country mention ends when one does and a name of two words or more
/// follows ("of the Communist Party of Vietnam Nguyen Phu Trong"); else (unless `known_only`)
/// it is the longest run
/// of capitalised words (up to three) that leaves such a name right after it ("of Kazakhstan
/// Kassym-Jomart Tokayev", "of the United Arab Emirates Mohamed bin Zayed").
type PlaceAndName = ((usize, usize), (usize, usize));
fn place_then_name(
    sentence: &str,
    end: usize,
    p: &Patterns,
    places: &[(usize, usize)],
    known_only: bool,
) -> Option<PlaceAndName> {
    let rest = &sentence[end..];
    let after_of = rest
        .strip_prefix(" of the ")
        .or_else(|| rest.strip_prefix(" of "))?;
    let from = sentence.len() - after_of.len();
    let words: Vec<(usize, usize)> = after_of
        .split(' ')
        .take(8)
        .scan(from, |at, w| {
            let span = (*at, *at + w.len());
            *at += w.len() + 1;
            Some(span)
        })
        .take_while(|&(a, b)| {
            b > a
                && (sentence[a..].starts_with(|c: char| c.is_uppercase())
                    || matches!(&sentence[a..b], "of" | "the" | "and"))
        })
        .collect();
    let name_after = |place: (usize, usize)| {
        let name = p.name_after.captures(&sentence[place.1..])?.name("name")?;
        (name.as_str().split_whitespace().count() >= 2)
            .then_some((place, (place.1 + name.start(), place.1 + name.end())))
    };
    let known = (1..=words.len()).rev().find_map(|k| {
        let place = (words[0].0, words[k - 1].1);
        places
            .iter()
            .any(|&(a, b)| b == place.1 && a >= place.0)
            .then(|| name_after(place))
            .flatten()
    });
    if known_only {
        return known;
    }
    known.or_else(|| {
        let capitalised = words
            .iter()
            .take(4)
            .take_while(|&&(a, _)| sentence[a..].starts_with(|c: char| c.is_uppercase()))
            .count();
        (1..=3.min(capitalised))
            .rev()
            .find_map(|k| name_after((words[0].0, words[k - 1].1)))
    })
}

/// The end of a title with what belongs to it after the list's match: more portfolios
/// ("Minister of Foreign Affairs and Foreign Trade") and the place an envoy is sent to
/// ("Ambassador to Russia").
fn title_tail(sentence: &str, start: usize, end: usize, p: &Patterns, places: &[(usize, usize)]) -> usize {
    let mut end = end;
    // "Minister of Foreign Affairs and Foreign Trade": more portfolios after one, unless what
    // follows the "and" is a title of its own ("... and Foreign Minister").
    let title = &sentence[start..end];
    if (title.ends_with("Minister")
        || title.ends_with("Secretary")
        || title.contains(" of ")
        || title.contains(" for "))
        && let Some(t) = p.portfolio_tail.find(&sentence[end..])
    {
        let next = sentence[end + t.end()..].trim_start();
        let offset = sentence.len() - next.len();
        let titled = p
            .titles
            .find(
                aho_corasick::Input::new(sentence)
                    .span(offset..sentence.len())
                    .anchored(aho_corasick::Anchored::Yes),
            )
            .is_some_and(|t| p.exact(sentence, &t));
        // "Cabinet Secretary for Foreign Affairs Ambassador X": a title after a portfolio that
        // no "and" joins is a second title of the same person.
        if !titled || !sentence[end..end + t.end()].contains(" and ") {
            end += t.end();
        }
    }
    // "Ambassador to Russia John Sullivan", "Envoy to the United States X": the place the
    // envoy is sent to belongs to the title. It is the longest run of capitalised words
    // (up to three) that leaves a name of two words or more after it.
    let title = &sentence[start..end];
    if [
        "Ambassador",
        "Envoy",
        "Representative",
        "Consul General",
        "Consul",
    ]
    .iter()
    .any(|t| title.ends_with(t))
        && let Some(to) = p.sent_to.find(&sentence[end..])
    {
        let after_to = end + to.end();
        let words: Vec<(usize, usize)> = sentence[after_to..]
            .split_whitespace()
            .take(6)
            .map(|w| {
                let start = w.as_ptr() as usize - sentence.as_ptr() as usize;
                (start, start + w.len())
            })
            .collect();
        let two_words_after = |at: usize| {
            p.name_after
                .captures(&sentence[at..])
                .and_then(|c| c.name("name"))
                .is_some_and(|n| n.as_str().split_whitespace().count() >= 2)
        };
        // A known place first: "Ambassador to Tehran Muhammad Mudassir Tipu".
        if let Some(&(_, place_end)) = words
            .first()
            .and_then(|&(a, _)| places.iter().find(|&&(pa, _)| pa == a))
            && two_words_after(place_end)
        {
            return place_end;
        }
        for k in (1..=3.min(words.len())).rev() {
            let place = &words[..k];
            if !place
                .iter()
                .all(|&(a, _)| sentence[a..].starts_with(|c: char| c.is_uppercase()))
            {
                continue;
            }
            let rest = &sentence[place[k - 1].1..];
            if p.name_after
                .captures(rest)
                .and_then(|c| c.name("name"))
                .is_some_and(|n| n.as_str().split_whitespace().count() >= 2)
            {
                end = place[k - 1].1;
                break;
            }
        }
    }
    end
}

/// Where the keys occur in `folded[from..]`, as an Aho-Corasick search with leftmost-longest
/// matches would find them (the first key of equal ones), but only from the start of a word or
/// after a hyphen, which are the only matches the caller keeps: `(key, start, end)`. A table of
/// the keys is far cheaper than building an automaton for each article's few surnames.
fn surname_matches(folded: &[u8], from: usize, keys: &[Vec<u8>]) -> Vec<(usize, usize, usize)> {
    let mut by_key: crate::extract::text::FnvMap<&[u8], usize> = crate::extract::text::FnvMap::default();
    let mut first = [false; 256];
    let mut lengths: Vec<usize> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let Some(&b) = k.first() else {
            continue;
        };
        by_key.entry(k.as_slice()).or_insert(i);
        first[usize::from(b)] = true;
        lengths.push(k.len());
    }
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.dedup();
    let mut out = Vec::new();
    let mut s = from;
    while s < folded.len() {
        let starts_word = s == 0 || !crate::extract::text::is_word(folded[s - 1]) || folded[s - 1] == b'-';
        if !starts_word || !first[usize::from(folded[s])] {
            s += 1;
            continue;
        }
        let Some((len, key)) = lengths
            .iter()
            .find_map(|&l| folded.get(s..s + l).and_then(|w| by_key.get(w)).map(|&k| (l, k)))
        else {
            s += 1;
            continue;
        };
        out.push((key, s, s + len));
        s += len;
    }
    out
}

/// Names right before a verb they are the subject of ("Hossein Zolfaqari pointed to").
fn bare_names<'s>(sentence: &'s str, p: &Patterns) -> Vec<regex::Match<'s>> {
    let lower = sentence.to_ascii_lowercase();
    let mut out = Vec::new();
    for v in p.verbs.find_iter(&lower) {
        let after_ok = !lower[v.end()..].chars().next().is_some_and(char::is_alphanumeric);
        let before = &sentence[..v.start()];
        // A capitalised word is part of a name, not a verb: "West African States".
        let lowercase = sentence[v.start()..].starts_with(|c: char| c.is_ascii_lowercase());
        if !after_ok || !lowercase || !before.ends_with(char::is_whitespace) {
            continue;
        }
        let mut from = v.start().saturating_sub(80);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        // The leftmost name that runs up to the verb, searched only in the bytes before it.
        let mut start = from;
        while start < before.len() {
            match p
                .name_before
                .captures_at(before, start)
                .and_then(|c| c.name("name"))
            {
                Some(n)
                    if before[n.end()..].trim_start().is_empty()
                        || p.name_before.is_match(&before[n.start()..]) =>
                {
                    out.push(n);
                    break;
                }
                Some(n) => start = n.end(),
                None => break,
            }
        }
    }
    out
}

/// Whether two full names that share a surname have given names that cannot be one person's:
/// "Bernardo Arévalo" and his father "Juan José Arévalo". One name's given names among the
/// other's ("Tayyip Erdogan", "Recep Tayyip Erdogan"), an initial, or a given name that begins
/// the other ("Alex", "Alexander") may be the same person.
fn given_names_differ(a: &str, b: &str) -> bool {
    let given = |name: &str| -> Vec<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        words[..words.len().saturating_sub(1)]
            .iter()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect()
    };
    let (ga, gb) = (given(a), given(b));
    if ga.is_empty() || gb.is_empty() {
        return false;
    }
    let compatible = |x: &String, ys: &[String]| {
        x.chars().count() <= 1
            || ys
                .iter()
                .any(|y| y.chars().count() <= 1 || y.starts_with(x.as_str()) || x.starts_with(y.as_str()))
    };
    !(ga.iter().all(|x| compatible(x, &gb)) || gb.iter().all(|y| compatible(y, &ga)))
}

/// "President Samia" after "Tanzania's President Samia Suluhu": a single name under the same
/// office as a person already found whose name it begins is that person (some go by their given
/// name: "Prime Minister Srettha", "President Samia").
fn by_given_name(q: &Person, candidate: &Person) -> bool {
    let mut words = q.name.split_whitespace();
    !candidate.name.contains(' ')
        && words.next() == Some(candidate.name.as_str())
        && words.next().is_some()
        && q.role.is_some()
        && q.role.as_deref().map(str::to_lowercase) == candidate.role.as_deref().map(str::to_lowercase)
}

/// Finds the people of the article. Gazetteer mentions of known people are taken over (and
/// removed from `doc.mentions`, which keeps countries and organisations).
#[expect(clippy::too_many_lines, reason = "the recognition steps in order, each short")]
pub fn find(doc: &mut Doc<'_>, lex: &Lexicon) -> Vec<Person> {
    let p = patterns(lex);
    let mut people: Vec<Person> = Vec::new();
    let add = |people: &mut Vec<Person>, candidate: Person| -> usize {
        let cand_keys = candidate.keys();
        let existing = people.iter().position(|q| {
            (candidate.known.is_some() && q.known == candidate.known)
                || q.name == candidate.name
                || (!cand_keys.is_empty()
                    && q.keys().iter().any(|k| cand_keys.contains(k))
                    // Two people introduced with an office each and given names of their own.
                    && !(q.role.is_some() && candidate.role.is_some() && given_names_differ(&q.name, &candidate.name)))
                || by_given_name(q, &candidate)
        });
        if let Some(i) = existing {
            let q = &mut people[i];
            q.mentions.extend(candidate.mentions);
            // A longer name replaces a shorter one; the gazetteer's only a surname alone
            // ("President Kenyatta" before "Kenya's Uhuru Kenyatta").
            if candidate.name.split_whitespace().count() > q.name.split_whitespace().count()
                && (candidate.known.is_none() || !q.name.contains(' '))
            {
                q.name = candidate.name;
            }
            if q.role.is_none()
                || (candidate.role.is_some() && q.role_span.is_none() && candidate.role_span.is_some())
            {
                q.role = candidate.role.or(q.role.take());
                q.role_span = candidate.role_span.or(q.role_span);
            } else if let (Some(new), Some(old)) = (&candidate.role, &q.role)
                && new.len() > old.len()
                && new.starts_with(old.as_str())
                && candidate.role_span.is_some()
            {
                // "Minister Motegi", then "MOTEGI Toshimitsu, Minister for Foreign Affairs of
                // Japan": the office in full.
                q.role = candidate.role;
                q.role_span = candidate.role_span;
            }
            // The gazetteer's "former" does not overrule a title the text gives.
            if q.role_span.is_none() || candidate.role_span.is_some() {
                q.former |= candidate.former;
            }
            if candidate.international {
                q.international = true;
                q.country = None;
                q.guessed = false;
            } else if !q.international
                && (q.country.is_none() || (q.guessed && candidate.country.is_some() && !candidate.guessed))
            {
                q.country = candidate.country;
                q.guessed = candidate.guessed;
            }
            if q.known.is_none() {
                q.known = candidate.known;
            }
            i
        } else {
            people.push(candidate);
            people.len() - 1
        }
    };

    let sentences: Vec<(usize, usize, LineKind)> =
        doc.sentences.iter().map(|s| (s.start, s.end, s.kind)).collect();
    let dateline = dateline_country(doc, lex);
    // 1. Titles before names. `bound`: where the country mentions that a title took start.
    let mut bound: Vec<usize> = Vec::new();
    for &(ss, se, kind) in &sentences {
        // A headline names officials too ("Regular press briefing by Spokesperson X").
        if kind == LineKind::Boilerplate {
            continue;
        }
        let sentence = doc.text.slice(ss, se);
        let base = doc.text.byte(ss);
        // The mentions are in text order: the sentence's are one run of them.
        let first = doc.mentions.partition_point(|m| m.start < ss);
        let places: Vec<(usize, usize)> = doc.mentions[first..]
            .iter()
            .take_while(|m| m.start < se)
            .filter(|m| m.end <= se && m.is_country())
            .map(|m| (doc.text.byte(m.start) - base, doc.text.byte(m.end) - base))
            .collect();
        for ((t_start, t_end), (n_start, n_end), body) in titled_names(sentence, p, &places) {
            let title = &sentence[t_start..t_end];
            let Some((skip, name)) = clean_name(&sentence[n_start..n_end]) else {
                continue;
            };
            let n_start = n_start + skip;
            let single_ok = SINGLE_NAME_TITLES.contains(&title);
            let title_start = doc.text.char_at(base + t_start);
            let name_start = doc.text.char_at(base + n_start);
            let name_end = name_start + name.chars().count();
            let known = doc
                .mentions
                .iter()
                .find(|m| m.start < name_end && m.end > name_start)
                .and_then(|m| {
                    if let Entry::Person(k) = m.entry {
                        Some(k)
                    } else {
                        None
                    }
                });
            // A name that is a country or organisation is not a person; a name that only
            // starts with one is ("Israel Katz").
            let blocked = doc
                .mentions
                .iter()
                .any(|m| m.start <= name_start && m.end >= name_end && !matches!(m.entry, Entry::Person(_)));
            // "Indonesian Foreign Minister Sugiono": one name after a title is the whole name of
            // someone with a single name when the article never writes it as part of a longer
            // one (`mononym`).
            if blocked
                || (name.split_whitespace().count() < 2
                    && !single_ok
                    && known.is_none()
                    && !mononym(doc, &name, lex))
            {
                continue;
            }
            let before = doc.text.slice(ss, title_start).trim_end();
            let former = before.ends_with("former")
                || before.ends_with("Former")
                || before.ends_with("ex-")
                || before.ends_with("the then")
                || before.ends_with("then-")
                || title.starts_with("then-");
            let mut role = role_of_title(title, lex);
            // "his Saudi counterpart X": the role of the person the sentence named before.
            if role == "counterpart" {
                // The person named before in the sentence, else the last one before it.
                // The first one, the sentence's subject: in "Yair Lapid, foreign minister in the
                // coalition that ousted Prime Minister Benjamin Netanyahu's government, met his
                // Jordanian counterpart", the counterpart is Lapid's, not Netanyahu's.
                let previous = people
                    .iter()
                    .filter_map(|q| {
                        q.mentions
                            .iter()
                            .filter(|m| m.0 >= ss && m.1 <= title_start)
                            .map(|m| m.0)
                            .min()
                            .zip(q.role.clone())
                    })
                    .min_by_key(|(at, _)| *at)
                    .map(|(_, role)| role)
                    .or_else(|| {
                        // "Mr. Bashir and his South Sudanese counterpart, Salva Kiir": the one
                        // the sentence names before the title (by the last word of their name),
                        // else the last one named before it.
                        let said = doc.text.slice(ss, title_start);
                        let before = people_before(&people, title_start);
                        before
                            .iter()
                            .find(|&&i| {
                                people[i].role.is_some()
                                    && people[i].name.split_whitespace().next_back().is_some_and(|w| {
                                        // "al-Bashir" is "Bashir" too.
                                        let surname = w.rsplit('-').next().unwrap_or(w);
                                        said.split(|c: char| !c.is_alphanumeric() && c != '-')
                                            .any(|x| x == w || x == surname)
                                    })
                            })
                            .or_else(|| before.iter().find(|&&i| people[i].role.is_some()))
                            .and_then(|&i| people[i].role.clone())
                    });
                role = previous.unwrap_or_else(|| "counterpart".to_owned());
            }
            // "The Greek and Turkish defence ministers, X and Y": a plural title's countries,
            // one per name in order (`plural_titled`), come before the title.
            let respective = body
                .filter(|&(_, b_end)| b_end <= t_start)
                .and_then(|(b_start, b_end)| {
                    let (b_start, b_end) = (doc.text.char_at(base + b_start), doc.text.char_at(base + b_end));
                    doc.mentions
                        .iter()
                        .find(|m| m.start == b_start && m.end == b_end && m.is_country())
                        .and_then(|m| m.country(lex))
                });
            let mut country = respective.or_else(|| {
                country_before(doc, title_start, lex, p).map(|(c, at)| {
                    bound.push(at);
                    c
                })
            });
            // "UN Secretary-General X", "EU envoy X": an office of an intergovernmental body
            // (not an ambassador to one: "UN Ambassador X" is a state's).
            let mut international =
                country.is_none() && !is_envoy_to_body(&role) && igo_before(doc, title_start, lex, p);
            let mut role_end = name_end;
            // "King Abdullah of Jordan".
            if country.is_none()
                && let Some(m) = doc
                    .mentions
                    .iter()
                    .find(|m| m.start >= name_end && m.start - name_end <= 8)
                && p.of_country.is_match(doc.text.slice(name_end, m.start))
                && m.is_country()
            {
                country = m.country(lex);
            }
            // "Adm. Brad Cooper, CENTCOM commander".
            let after = doc.text.slice(name_end, se);
            if let Some(a) = p.appositive.captures(after)
                && let Some(r) = a.name("role")
                // ", and Japanese Minister of Defense X" is the next person of a list.
                && !r.as_str().starts_with("and ")
                && !r.as_str().starts_with("or ")
                // ", met the Chilean President on Friday" is what the person did, not a role.
                && !r.as_str().split_whitespace().next().is_some_and(|w| is_verb(w, p))
                // "At the invitation of the President of Argentina, X, the President of Chile,
                // Y, paid a visit": a title followed by a name is the next person's.
                && !p.name_after_comma.is_match(&after[r.end()..])
                // An appositive is closed (a comma, the sentence's end) or followed by what the
                // person did ("..., Iran's foreign minister said"); "At the invitation of
                // Foreign Minister Wang Yi, the Pakistani minister will visit" opens a clause.
                && appositive_closed(&after[r.end()..])
            {
                let r_start = name_end + after[..r.start()].chars().count();
                let r_end = r_start + r.as_str().chars().count();
                if is_rank(&role) || role == "Commander" {
                    role = format!("{role}; {}", r.as_str().trim_end());
                } else if HONORIFICS.contains(&role.as_str()) {
                    // "Prince Faisal bin Farhan, Minister of Foreign Affairs of Saudi Arabia":
                    // the office, not the honorific, and without its country.
                    let office = doc
                        .mentions
                        .iter()
                        .filter(|m| m.start > r_start && m.end <= r_end && m.is_country())
                        .map(|m| doc.text.slice(r_start, m.start).trim_end())
                        .find_map(|head| head.strip_suffix(" of the").or_else(|| head.strip_suffix(" of")))
                        .unwrap_or(r.as_str());
                    office.trim_end().clone_into(&mut role);
                }
                if country.is_none() {
                    let first = doc.mentions.iter().find(|m| m.start >= r_start && m.end <= r_end);
                    country = first.and_then(|m| m.country(lex));
                    // "Antonio Guterres, the UN Secretary-General, ...".
                    international |= country.is_none()
                        && !is_envoy_to_body(r.as_str())
                        && first.is_some_and(|m| {
                            is_igo(m, lex)
                                && matches!(doc.text.slice(r_start, m.start).trim(), "" | "the" | "The")
                        });
                }
                role_end = r_end;
            }
            if let Some((b_start, b_end)) = body
                && let Some(place) = title.strip_suffix(&sentence[b_start..b_end])
                && let Some(head) = place
                    .strip_suffix(" of the ")
                    .or_else(|| place.strip_suffix(" of "))
                && doc.is_country_span(doc.text.char_at(base + b_start), doc.text.char_at(base + b_end))
            {
                // "President of Kazakhstan X": the role is the title; the country comes below.
                role = role_of_title(head, lex);
            }
            if country.is_none()
                && let Some((b_start, b_end)) = body
            {
                // "spokesperson for Azerbaijan's Foreign Ministry": the body's country.
                let (b_start, b_end) = (doc.text.char_at(base + b_start), doc.text.char_at(base + b_end));
                country = doc
                    .mentions
                    .iter()
                    .find(|m| m.start >= b_start && m.end <= b_end && m.is_country())
                    .and_then(|m| m.country(lex));
            }
            // "Assistant Secretary-General for Political Affairs of the United Nations, Mr. X":
            // an office of an intergovernmental body.
            if country.is_none()
                && let Some((b_start, b_end)) = body
            {
                let (b_start, b_end) = (doc.text.char_at(base + b_start), doc.text.char_at(base + b_end));
                international |= doc
                    .mentions
                    .iter()
                    .any(|m| m.start >= b_start && m.end <= b_end && is_igo(m, lex));
            }
            if country.is_none() {
                country = known.and_then(|k| lex.people[k].country);
            }
            if country.is_none() {
                country = country_in_header(doc, &name, lex);
            }
            if country.is_none() {
                // A title only one government gives ("Foreign Secretary", "Taoiseach").
                country = lex.title_countries.get(title).copied();
            }
            let mut guessed = false;
            if country.is_none() {
                // The nearest country of the sentence before the title ("the delegation of Iraq,
                // led by ..."), one that is not part of another person's title: in "Russian
                // President Putin and his French counterpart Macron, presidential spokesman
                // Peskov", "French" is Macron's.
                let nearest = doc.mentions.iter().rev().find(|m| {
                    m.end <= title_start
                        && m.start >= ss
                        && m.is_country()
                        && !bound.contains(&m.start)
                        // "From Pakistan side, the documents were signed by Minister ...": a side
                        // is whom the officials after it serve.
                        && (!governed(&doc.text.folded[ss..m.start])
                            || doc.text.folded[m.end..].starts_with(b" side"))
                        && !parties_apart(&doc.text.folded[m.end..title_start])
                });
                country = nearest.and_then(|m| m.country(lex));
                // The dateline's city ("TOKYO, March 16 (Yonhap) -- President Yoon") is where
                // the story was filed, a guess at the official's country.
                guessed = nearest.is_some_and(|m| {
                    m.start == ss && doc.text.slice(m.start, m.end).chars().all(|c| !c.is_lowercase())
                });
            }
            guessed |= country.is_none() && dateline.is_some();
            if international {
                country = None;
                guessed = false;
            }
            if country.is_none() && !international {
                // A wire story's dateline ("TEHRAN, Apr. 30 (MNA) –"): an official whom nothing
                // else places serves the country the story is filed from.
                country = dateline;
            }
            add(
                &mut people,
                Person {
                    // The name as the article spells it ("Ahmad al-Sharaa"), unless it gives only
                    // a surname ("President Trump"), where the gazetteer's full name is better.
                    name: match known {
                        Some(k) if name.split_whitespace().count() < 2 => lex.people[k].name.to_owned(),
                        _ => name,
                    },
                    role: Some(role),
                    country,
                    former,
                    known,
                    mentions: vec![(name_start, name_end)],
                    role_span: Some((title_start, role_end)),
                    guessed,
                    international,
                },
            );
        }
    }
    // 2. Known people from the gazetteer.
    let known_mentions: Vec<Mention> = doc
        .mentions
        .iter()
        .copied()
        .filter(|m| matches!(m.entry, Entry::Person(_)))
        .collect();
    for m in &known_mentions {
        let Entry::Person(k) = m.entry else { continue };
        // "said Abdul Qadir, a truck driver from Jalalabad": someone else of that name.
        if private_appositive(doc.text.slice(m.end, (m.end + 80).min(doc.text.len()))) {
            continue;
        }
        let kp = &lex.people[k];
        let before = doc.text.slice(m.start.saturating_sub(12), m.start);
        let written = doc.text.slice(m.start, m.end);
        let titled = written
            .split_whitespace()
            .next()
            .is_some_and(|w| lex.titles.iter().any(|(t, _)| t == w));
        let name = if written.split_whitespace().count() >= 2 && !titled {
            written.to_owned()
        } else {
            kp.name.to_owned()
        };
        let (role, ended, country) = office_on(doc, kp);
        add(
            &mut people,
            Person {
                name,
                role,
                country,
                former: ended || before.trim_end().ends_with("former"),
                known: Some(k),
                mentions: vec![(m.start, m.end)],
                role_span: None,
                guessed: false,
                international: false,
            },
        );
    }
    doc.mentions.retain(|m| !matches!(m.entry, Entry::Person(_)));
    // 3. Bare names that act ("Hossein Zolfaqari pointed to", "Ali Akbar Ahmadian stressed").
    for &(ss, se, kind) in &sentences {
        if kind != LineKind::Prose {
            continue;
        }
        let sentence = doc.text.slice(ss, se);
        let base = doc.text.byte(ss);
        for name_m in bare_names(sentence, p) {
            let Some((skip, name)) = clean_name(name_m.as_str()) else {
                continue;
            };
            let start = doc.text.char_at(base + name_m.start() + skip);
            let end = start + name.chars().count();
            let tokens = name.split_whitespace().count();
            let overlaps = doc.mentions.iter().any(|m| m.start < end && m.end > start)
                || people
                    .iter()
                    .any(|q| q.mentions.iter().any(|&(s, e)| s < end && e > start));
            if overlaps {
                continue;
            }
            // A new person needs a full name; a single word may only be a known surname. A name
            // cut short by a word never in names ("Korean Central News Agency said") is not the
            // verb's subject.
            if tokens < 2 || skip + name.len() < name_m.as_str().trim_end().len() {
                continue;
            }
            add(
                &mut people,
                Person {
                    name,
                    role: None,
                    country: None,
                    former: false,
                    known: None,
                    mentions: vec![(start, end)],
                    role_span: None,
                    guessed: false,
                    international: false,
                },
            );
        }
    }
    // 3b. Full names with an appositive role ("Yemane Meskel, Eritrea's information minister,"),
    // in prose and in a transcript's line that introduces a speaker ("Matthew Miller, Department
    // Spokesperson").
    for &(ss, se, kind) in &sentences {
        if kind == LineKind::Boilerplate {
            continue;
        }
        let sentence = doc.text.slice(ss, se);
        let base = doc.text.byte(ss);
        for c in p.named_appositive.captures_iter(sentence) {
            let (Some(name_m), Some(role_m)) = (c.name("name"), c.name("role")) else {
                continue;
            };

            // A match that starts inside an abbreviation ("H.E. Ahmed Isse Awad" matched from
            // its "E.") starts at the next word.
            let (mut from, mut raw_name) = (name_m.start(), name_m.as_str());
            if sentence[..from].ends_with('.')
                && let Some(space) = raw_name.find(' ')
            {
                from += space + 1;
                raw_name = &raw_name[space + 1..];
            }
            let Some((skip, name)) = clean_name(raw_name) else {
                continue;
            };
            let start = doc.text.char_at(base + from + skip);
            let end = start + name.chars().count();
            let role_start = doc.text.char_at(base + role_m.start());
            let role_end = doc.text.char_at(base + role_m.end());
            // "Jens Stoltenberg, the NATO Secretary General,": a person the gazetteer knows, with
            // only its role, takes the one the text gives, and its country or body.
            if let Some(q) = people
                .iter_mut()
                .find(|q| q.known.is_some() && q.role_span.is_none() && q.mentions.contains(&(start, end)))
                && let Some(phrase) = role_phrase(doc, role_start, role_end, lex)
            {
                q.role = Some(phrase.role);
                q.role_span = Some((role_start, role_end));
                q.former = false;
                if phrase.international {
                    q.international = true;
                    q.country = None;
                    q.guessed = false;
                } else if let Some(c) = phrase.country {
                    q.country = Some(c);
                    q.guessed = false;
                }
                continue;
            }
            let overlaps = doc.mentions.iter().any(|m| m.start < end && m.end > start)
                || people
                    .iter()
                    .any(|q| q.mentions.iter().any(|&(s, e)| s < end && e > start));
            if overlaps || name.split_whitespace().count() < 2 {
                continue;
            }
            let phrase = role_phrase(doc, role_start, role_end, lex);
            // "The Kenyan delegation was led by X, Cabinet Secretary for Foreign Affairs": the
            // country of the delegation X leads.
            let leads = doc
                .mentions
                .iter()
                .rev()
                .find(|m| m.is_country() && m.end <= start && m.start >= ss)
                .filter(|m| {
                    let between = doc.text.slice(m.end, start);
                    (between.contains(" led by ") || between.contains(" headed by "))
                        && !between.contains(',')
                })
                .and_then(|m| m.country(lex));
            // "X, Secretary at the Ministry of Energy, Water Resources and Irrigation, Government
            // of Nepal": the government that closes the appositive.
            let government = doc
                .mentions
                .iter()
                .filter(|m| m.is_country() && m.start >= role_end && m.start <= role_end + 100)
                .find(|m| {
                    let between = doc.text.slice(role_end, m.start);
                    between.starts_with(',')
                        && !between.contains(['.', ';'])
                        && (between.ends_with("Government of ") || between.ends_with("Government of the "))
                })
                .and_then(|m| m.country(lex));
            add(
                &mut people,
                Person {
                    name,
                    role: phrase.as_ref().map(|r| r.role.clone()),
                    country: phrase.as_ref().and_then(|r| r.country).or(leads).or(government),
                    former: false,
                    known: None,
                    mentions: vec![(start, end)],
                    role_span: Some((role_start, role_end)),
                    guessed: false,
                    international: phrase.is_some_and(|r| r.international),
                },
            );
        }
    }
    // 4. Later mentions by surname ("al-Sharaa", "Araji", "Mr. Obama").
    let keyed: Vec<(usize, String)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, q)| q.keys().into_iter().map(move |k| (i, k)))
        .collect();
    if !keyed.is_empty() {
        let folded: Vec<Vec<u8>> = keyed.iter().map(|(_, k)| fold(k)).collect();
        {
            for (p, s, e) in surname_matches(&doc.text.folded, doc.body_start, &folded) {
                if (s > 0
                    && crate::extract::text::is_word(doc.text.folded[s - 1])
                    && doc.text.folded[s - 1] != b'-')
                    || (e < doc.text.len() && crate::extract::text::is_word(doc.text.folded[e]))
                {
                    continue;
                }
                if !doc
                    .text
                    .slice(s, e)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && !doc.text.slice(s.saturating_sub(3), s).ends_with("al-")
                {
                    continue;
                }
                let who = keyed[p].0;
                // Extend "Sharaa" to "al-Sharaa" when the particle is there.
                let s = if doc.text.slice(s.saturating_sub(3), s).eq_ignore_ascii_case("al-") {
                    s - 3
                } else {
                    s
                };
                let inside = people
                    .iter()
                    .any(|q| q.mentions.iter().any(|&(a, b)| a <= s && e <= b));
                if inside {
                    continue;
                }
                // "Alexander Lukashenko" after "President Lukashenko": the full name, when the
                // person had only the surname.
                let s = match crate::extract::recognise::given_name_before(&doc.text, s, None, lex) {
                    Some(given) if !people[who].name.contains(' ') => {
                        doc.text.slice(given, e).clone_into(&mut people[who].name);
                        given
                    }
                    _ => s,
                };
                people[who].mentions.push((s, e));
            }
        }
    }
    // 5. People the gazetteer knows under another spelling ("Alexander Lukashenko" /
    // "Alyaksandr Lukashenka"): the country (and, when the text gives none, the office) it
    // records at the article's date.
    for q in people.iter_mut().filter(|q| q.known.is_none()) {
        let key = crate::extract::names::name_key(&q.name);
        let Some(k) = lex.person_by_key(&key).or_else(|| lex.person_by_loose_key(&key)) else {
            continue;
        };
        let (role, ended, country) = office_on(doc, &lex.people[k]);
        q.known = Some(k);
        if q.country.is_none() && !q.international {
            q.country = country;
        }
        if q.role.is_none() {
            q.role = role;
            q.former |= ended;
        }
    }
    for q in &mut people {
        q.mentions.sort_unstable();
        q.mentions.dedup();
        // A mention inside another of the same person ("Zelenskyy" in "Volodymyr Zelenskyy",
        // the gazetteer's alias within the titled name) is the same mention.
        let all = q.mentions.clone();
        q.mentions
            .retain(|&(s, e)| !all.iter().any(|&(a, b)| a <= s && e <= b && (a, b) != (s, e)));
    }
    // A country named inside a person's name ("Israel Katz") is not a mention of the country.
    doc.mentions.retain(|m| {
        !people
            .iter()
            .any(|q| q.mentions.iter().any(|&(s, e)| s <= m.start && m.end <= e))
    });
    people
}

/// Whether the words after a name begin an appositive that makes the person a private one: ", a
/// truck driver from Jalalabad", ", an analyst at ...". The gazetteer's official of that name is
/// someone else.
fn private_appositive(after: &str) -> bool {
    const PRIVATE: &[&str] = &[
        "driver",
        "trader",
        "farmer",
        "resident",
        "student",
        "shopkeeper",
        "businessman",
        "businesswoman",
        "merchant",
        "fisherman",
        "teacher",
        "doctor",
        "nurse",
        "worker",
        "labourer",
        "laborer",
        "refugee",
        "villager",
        "vendor",
        "mother",
        "father",
        "journalist",
        "reporter",
        "analyst",
        "researcher",
        "professor",
        "activist",
        "economist",
        "historian",
        "writer",
        "pilgrim",
        "migrant",
        "survivor",
        "relative",
        "passenger",
        "smuggler",
        "shepherd",
    ];
    let Some(rest) = after.strip_prefix(", a ").or_else(|| after.strip_prefix(", an ")) else {
        return false;
    };
    rest.split([',', '.', ';'])
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .take(5)
        .any(|w| {
            let w = w.to_lowercase();
            let w = w.strip_suffix('s').filter(|_| !w.ends_with("ss")).unwrap_or(&w);
            PRIVATE.contains(&w)
        })
}

/// The gazetteer's office of `kp` at the article's date (role, whether it has ended, country):
/// after a term, the person is a former holder; outside what the gazetteer knows, no office is
/// asserted (the country stays).
fn office_on(doc: &Doc<'_>, kp: &KnownPerson) -> (Option<String>, bool, Option<usize>) {
    let day = doc
        .date
        .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    match day {
        Some(day) => match kp.term_on(&day) {
            (Some(t), former) => (Some(t.role.to_owned()), former, t.country.or(kp.country)),
            (None, _) => (None, false, kp.country),
        },
        None => (Some(kp.role.to_owned()), false, kp.country),
    }
}

/// A role phrase without a name ("Iran's deputy interior minister for security affairs",
/// "the top Iranian security official", "the king"): its head noun, the role as written and the
/// country it names.
#[derive(Debug, Clone)]
pub struct RolePhrase {
    /// The head noun (minister, official, king...).
    pub head: &'static str,
    /// The role as written, without the country.
    pub role: String,
    /// The country named in the phrase.
    pub country: Option<usize>,
    /// The phrase is an office of an intergovernmental body ("the NATO Secretary General").
    pub international: bool,
}

/// "Armenian and Turkish special envoys Ruben Rubinyan and Serdar Kılıç": two countries joined by
/// "and", a plural title, and two names joined by "and" pair off in order (the title's nearest
/// country had gone to both).
pub fn place_respectively(doc: &Doc<'_>, people: &mut [Person], lex: &Lexicon) {
    let mut placed: Vec<(usize, usize)> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for &(a1, b1) in &p.mentions {
            let Some(j) = people.iter().position(|q| {
                q.mentions
                    .iter()
                    .any(|&(a2, _)| a2 > b1 && doc.text.slice(b1, a2) == " and ")
            }) else {
                continue;
            };
            // The two countries and the plural title before the first name.
            let before: Vec<&crate::extract::recognise::Mention> = doc
                .mentions
                .iter()
                .filter(|m| m.end <= a1 && a1 - m.end <= 60 && m.is_country())
                .collect();
            let [.., m1, m2] = before[..] else { continue };
            let title = doc.text.slice(m2.end, a1).trim();
            let words: Vec<&str> = title.split_whitespace().collect();
            let plural = (1..=3).contains(&words.len())
                && words.last().is_some_and(|w| w.len() > 3 && w.ends_with('s'))
                && words.iter().all(|w| w.chars().all(char::is_alphabetic));
            if doc.text.slice(m1.end, m2.start) == " and "
                && plural
                && let (Some(c1), Some(c2)) = (m1.country(lex), m2.country(lex))
                && c1 != c2
            {
                placed.push((i, c1));
                placed.push((j, c2));
            }
        }
    }
    for (i, c) in placed {
        people[i].country = Some(c);
        people[i].guessed = false;
    }
}

/// An official placed by the person their role names: "Fitsum Arega, Prime Minister Abiy's chief
/// of staff", "an aide to President Trump" serve the country of the person named (a word of
/// that person's name, three letters or more, in the role).
pub fn place_by_named_person(people: &mut [Person]) {
    for i in 0..people.len() {
        if people[i].country.is_some() || people[i].international {
            continue;
        }
        let Some(role) = people[i].role.as_deref() else {
            continue;
        };
        let words: Vec<&str> = role
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
            .collect();
        let found = people.iter().enumerate().find_map(|(j, q)| {
            let named = j != i
                && q.name
                    .split_whitespace()
                    .any(|n| n.chars().count() >= 3 && words.contains(&n));
            if named { q.country } else { None }
        });
        if found.is_some() {
            people[i].country = found;
        }
    }
}

/// An automaton of `ROLE_HEADS`, every match reported.
#[expect(clippy::expect_used, reason = "a constant list, covered by every claims test")]
fn role_heads() -> &'static aho_corasick::AhoCorasick {
    static A: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    A.get_or_init(|| aho_corasick::AhoCorasick::new(ROLE_HEADS).expect("role heads"))
}

/// Reads a role phrase in a stretch of text (a claim's subject).
pub fn role_phrase(doc: &Doc<'_>, start: usize, end: usize, lex: &Lexicon) -> Option<RolePhrase> {
    let raw = doc.text.slice(start, end);
    let lower = raw.to_lowercase();
    // The first head as a word (or a plural), the first of ROLE_HEADS where two start at once.
    let (pos, head) = role_heads()
        .find_overlapping_iter(&lower)
        .filter(|m| {
            let (i, h) = (m.start(), ROLE_HEADS[m.pattern().as_usize()]);
            let before_ok = i == 0 || !lower[..i].chars().last().is_some_and(char::is_alphanumeric);
            let after_ok = lower[i + h.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || c == 's');
            before_ok && after_ok
        })
        .map(|m| (m.start(), m.pattern().as_usize()))
        .min()
        .map(|(i, h)| (i, ROLE_HEADS[h]))?;
    let country = doc
        .mentions
        .iter()
        .find(|m| m.start >= start && m.end <= end && m.country(lex).is_some())
        .and_then(|m| m.country(lex));
    // The role is the phrase from after the country (or the article) to the end.
    let mut role_start = 0;
    if let Some(m) = doc
        .mentions
        .iter()
        .find(|m| m.start >= start && m.end <= end && m.country(lex).is_some())
    {
        let rel = raw
            .char_indices()
            .nth(m.end - start)
            .map_or(raw.len(), |(b, _)| b);
        if rel <= pos {
            role_start = rel;
        }
    }
    let rest = raw[role_start..].trim_start();
    let mut role = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest)
        .trim()
        .to_owned();
    for article in ["the ", "The ", "a ", "A "] {
        if let Some(r) = role.strip_prefix(article) {
            role = r.to_owned();
        }
    }
    let international = country.is_none()
        && !is_envoy_to_body(&lower)
        && doc
            .mentions
            .iter()
            .find(|m| m.start >= start && m.end <= end)
            .is_some_and(|m| {
                is_igo(m, lex) && matches!(doc.text.slice(start, m.start).trim(), "" | "the" | "The")
            });
    Some(RolePhrase {
        head,
        role,
        country,
        international,
    })
}

/// Binds bare-named people who have no role to a role phrase without a name that came just
/// before them ("Iran's deputy interior minister ... said ... Hossein Zolfaqari pointed to ...").
pub fn bind_roles(doc: &Doc<'_>, people: &mut [Person], unbound: &[(usize, RolePhrase)]) {
    for q in people.iter_mut().filter(|q| q.role.is_none()) {
        let Some(&(first, _)) = q.mentions.first() else {
            continue;
        };
        let Some(sentence) = doc.sentence_of(first) else {
            continue;
        };
        if let Some((_, phrase)) = unbound
            .iter()
            .rev()
            .find(|(s, _)| *s < sentence && sentence - s <= 3)
        {
            q.role = Some(phrase.role.clone());
            if q.country.is_none() && !q.international {
                q.country = phrase.country;
            }
        }
    }
}

/// Whether the words between two officials' names say that the first met the second, whose
/// title ends them: "X during the meeting with Foreign Secretary Y", "X held talks with Minister
/// Y" — not "A called on B and held talks with C" (A's talks, not B's).
fn met_with(words: &[&str]) -> bool {
    let untitled: Vec<&str> = words
        .iter()
        .rev()
        .skip_while(|w| w.starts_with(char::is_uppercase))
        .copied()
        .collect();
    untitled.len() < words.len()
        && untitled.len() <= 6
        && untitled.first().is_some_and(|w| *w == "with")
        && untitled.last().is_some_and(|w| *w != "and" && !w.ends_with(','))
        && untitled
            .iter()
            .any(|w| matches!(*w, "meeting" | "met" | "talks" | "call" | "spoke" | "talked"))
}

/// An official the text does not place, joined to one who serves a country of the article's
/// pair ("Boris Johnson and Simon Coveney discussed ...", "X met Y"), is that one's
/// counterpart: they serve the pair's other country.
pub fn place_by_counterpart(doc: &Doc<'_>, people: &mut [Person], pair: &[usize]) {
    const JOINS: &[&str] = &[
        "and",
        "met",
        "met with",
        "spoke with",
        "spoke to",
        "hosted",
        "received",
        "welcomed",
        "held talks with",
        "talked with",
        "phoned",
        "called",
    ];
    let &[first, second] = pair else {
        return;
    };
    for i in 0..people.len() {
        if (people[i].country.is_some() && !people[i].guessed) || people[i].international {
            continue;
        }
        let found = people.iter().enumerate().find_map(|(j, q)| {
            let c = q.country.filter(|c| j != i && pair.contains(c))?;
            let joined = people[i].mentions.iter().any(|&(a, b)| {
                q.mentions.iter().any(|&(qa, qb)| {
                    // Named after the other: "X and his counterpart Y" (a counterpart is the
                    // other country's even when X's own country is only the article's guess).
                    let between = if qb <= a {
                        doc.text.slice(qb, a)
                    } else if b <= qa && !q.guessed {
                        doc.text.slice(b, qa)
                    } else {
                        return false;
                    };
                    // "X and Japanese Prime Minister Y": "and", then the other's title (after
                    // a verb, a title may be a third party's guests: "Borrell hosted Serbian
                    // President Vucic and Kosovo Prime Minister Kurti").
                    let between = between.trim();
                    // "X and his counterpart Y", "X met her counterpart, Y": a counterpart the
                    // text gives no country serves the other one.
                    let words: Vec<&str> = between.split_whitespace().collect();
                    let counterpart = words.len() <= 4
                        && words.last().is_some_and(|w| {
                            matches!(w.trim_end_matches(','), "counterpart" | "counterparts")
                        });
                    (counterpart && qb <= a)
                        || (!q.guessed && qb <= a && met_with(&words))
                        || (!q.guessed
                            && (JOINS.contains(&between)
                                || between.strip_prefix("and ").is_some_and(|rest| {
                                    rest.split_whitespace().count() <= 5
                                        && rest.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                                })))
                })
            });
            // "Japanese Foreign Minister Kamikawa Yoko and Defense Minister Kihara Minoru": a
            // country's adjective before the first title is the second title's too.
            let shared = people[i].mentions.iter().any(|&(a, _)| {
                q.mentions.iter().any(|&(qa, qb)| {
                    qb <= a
                        && doc
                            .text
                            .slice(qb, a)
                            .trim()
                            .strip_prefix("and ")
                            .is_some_and(|rest| {
                                rest.split_whitespace().count() <= 5
                                    && rest.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                            })
                        && adjective_before_title(doc, qa)
                })
            });
            if shared {
                return Some(c);
            }
            joined.then_some(if c == first { second } else { first })
        });
        if found.is_some() {
            people[i].country = found;
            people[i].guessed = false;
            continue;
        }
        // "EAM called on President Ranil Wickremesinghe", in India's own release of a visit to
        // Sri Lanka: whom the visitor meets is the host's, not the publishing government's.
        let Some(c) = people[i]
            .country
            .filter(|c| people[i].guessed && pair.contains(c))
        else {
            continue;
        };
        let met = people[i].mentions.iter().any(|&(a, _)| {
            let Some(s) = doc.sentences.iter().find(|s| s.start <= a && a < s.end) else {
                return false;
            };
            let before = doc.text.slice(s.start, a).to_lowercase();
            MET.iter().any(|v| {
                before
                    .rfind(v)
                    .is_some_and(|at| before[at + v.len()..].split_whitespace().count() <= 4)
            })
        });
        if met {
            people[i].country = Some(if c == first { second } else { first });
        }
    }
}

/// An envoy the text gives no country of their own, sent to one country of the article's pair,
/// serves the other ("the president met his new ambassador to South Sudan, Mutrif Siddiq").
pub fn place_envoys(doc: &Doc<'_>, people: &mut [Person], pair: &[usize], lex: &Lexicon) {
    let &[first, second] = pair else {
        return;
    };
    for q in people
        .iter_mut()
        .filter(|q| q.country.is_none() && !q.international)
    {
        let Some(role) = q.role.as_deref() else {
            continue;
        };
        let lower = role.to_lowercase();
        let Some(at) = ["ambassador to ", "envoy to ", "consul general to ", "consul to "]
            .iter()
            .find_map(|h| lower.find(h).map(|i| i + h.len()))
        else {
            continue;
        };
        let dest = role[at..].trim();
        let dest = dest.strip_prefix("the ").unwrap_or(dest);
        let sent_to = doc
            .mentions
            .iter()
            .find(|m| m.is_country() && doc.text.slice(m.start, m.end) == dest)
            .and_then(|m| m.country(lex));
        if let Some(c) = sent_to.filter(|c| pair.contains(c)) {
            q.country = Some(if c == first { second } else { first });
        }
    }
}

/// An official nothing places serves, as a guess, the country of the article's pair that their
/// sentence names first, else the one the sentence before names first: "Foreign Minister
/// Ramtane Lamamra told a press conference that Algeria's decision to cut ties with Morocco
/// ...", "President Martin Vizcarra affirmed the Peru-Bolivia cabinet had been productive".
pub fn place_by_sentence(doc: &Doc<'_>, people: &mut [Person], pair: &[usize], lex: &Lexicon) {
    if pair.len() != 2 {
        return;
    }
    for q in people
        .iter_mut()
        .filter(|q| q.country.is_none() && !q.international && q.role.is_some())
    {
        let Some(&(at, _)) = q.mentions.iter().min() else {
            continue;
        };
        let Some(si) = doc.sentence_of(at) else {
            continue;
        };
        let first_in = |i: usize| {
            let s = &doc.sentences[i];
            doc.mentions
                .iter()
                .filter(|m| m.start >= s.start && m.end <= s.end && m.is_country())
                .filter_map(|m| m.country(lex))
                .find(|c| pair.contains(c))
        };
        if let Some(c) = first_in(si).or_else(|| si.checked_sub(1).and_then(first_in)) {
            q.country = Some(c);
            q.guessed = true;
        }
    }
}

/// "Foreign Minister X signed on behalf of the Government of Rwanda", "recognized X as
/// Venezuela's interim president": the state a person acts for, when the text says so right
/// after their name, is the one they serve, whatever a title, the publisher or the sentence
/// suggested.
pub fn place_on_behalf(doc: &Doc<'_>, people: &mut [Person], lex: &Lexicon) {
    for q in people.iter_mut().filter(|q| !q.international) {
        let found = q.mentions.iter().find_map(|&(_, end)| {
            let m = doc
                .mentions
                .iter()
                .find(|m| m.start >= end && m.start - end <= 60 && m.is_country())?;
            let between = doc.text.slice(end, m.start);
            // "recognized opposition leader Juan Guaidó as Venezuela's interim president".
            let owned = doc.text.slice(m.end, (m.end + 2).min(doc.text.len()));
            if between.trim() == "as" && (owned.starts_with("'s") || owned.starts_with("’s")) {
                return m.country(lex);
            }
            (between.contains("on behalf of")
                && !between.contains(['.', ';', '"', '“'])
                && between.split_whitespace().count() <= 8
                && between.trim_end().rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w,
                        "of" | "the" | "Government" | "government" | "State" | "Republic"
                    )
                }))
            .then(|| m.country(lex))
            .flatten()
        });
        if let Some(c) = found {
            q.country = Some(c);
            q.guessed = false;
        }
    }
}

/// Whether a country's name or adjective stands right before the title of the person named at
/// `at` ("*Japanese* Foreign Minister Kamikawa Yoko"): only capitalised words between.
fn adjective_before_title(doc: &Doc<'_>, at: usize) -> bool {
    let Some(si) = doc.sentence_of(at) else {
        return false;
    };
    let from = doc.sentences[si].start;
    doc.mentions
        .iter()
        .rev()
        .find(|m| m.end <= at && m.start >= from && m.is_country())
        .is_some_and(|m| {
            let gap = doc.text.slice(m.end, at);
            let gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("’s"))
                .unwrap_or(gap);
            let words: Vec<&str> = gap.split_whitespace().collect();
            !words.is_empty() && words.len() <= 4 && words.iter().all(|w| w.starts_with(char::is_uppercase))
        })
}

/// Verbs whose object is the official met: "called on", "met", "held talks with".
const MET: &[&str] = &[
    "called on ",
    "met ",
    "met with ",
    "held talks with ",
    "held discussions with ",
    "was received by ",
    "paid a courtesy call on ",
];
