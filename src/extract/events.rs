//! Events between countries: trigger patterns per event type (from
//! `seed-data/lexicon/event-triggers.tsv`) over sentences whose country mentions are masked, the
//! participants from the sentence's countries, capitals, demonyms, organisations and people (or
//! the article's principal pair when it says "their" / "the two countries"), a direction where
//! the text gives one, and a status.

use crate::extract::Doc;
use crate::extract::cameo;
use crate::extract::lexicon::{CountryForm, Entry, Lexicon};
use crate::extract::people::Person;
use crate::extract::text::LineKind;
use regex::bytes::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// Status of a reported event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It happened.
    Occurred,
    /// It is under way.
    Ongoing,
    /// It is decided or scheduled.
    Planned,
    /// It is only a possibility or proposal.
    Proposed,
}

impl Status {
    /// The contract's key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Occurred => "occurred",
            Self::Ongoing => "ongoing",
            Self::Planned => "planned",
            Self::Proposed => "proposed",
        }
    }
}

/// An event found in a sentence.
#[derive(Debug, Clone)]
pub struct Event {
    /// Type key.
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// Participating countries (lexicon indexes), in order of mention.
    pub participants: Vec<usize>,
    /// The country the action goes out from, when the text says.
    pub source: Option<usize>,
    /// The country it goes to.
    pub target: Option<usize>,
    /// Status.
    pub status: Status,
    /// The sentence (code points).
    pub sentence: (usize, usize),
    /// The trigger words (code points).
    pub trigger: (usize, usize),
    /// Where it took place, when the text names a capital as the venue ("met in Beijing"):
    /// a venue is not a participant.
    pub place: Option<(usize, usize)>,
    /// The trigger's clause (code points): where its time is read.
    pub clause: (usize, usize),
}

struct Patterns {
    modal: Regex,
    proposed: Regex,
    planned: Regex,
    ongoing: Regex,
    pair: Regex,
    /// "the two ministers", "both sides": the pair as the subject of the sentence.
    the_two: Regex,
    /// "the three countries", "all three": the parties of an earlier event of three.
    three: Regex,
    from: Regex,
    to: Regex,
    boundary: Regex,
    thanks_for: Regex,
    topic_of: Regex,
    during: Regex,
    future: Regex,
    negated: Regex,
    attribution: Regex,
    /// A participle of saying after a comma: what follows is reported, not done.
    saying: Regex,
    backshift: Regex,
}

/// An ASCII pattern over bytes: Unicode word boundaries would keep the regex engine off its
/// fast path on text with typographic quotes.
#[expect(
    clippy::expect_used,
    reason = "fixed patterns, exercised by every extraction test"
)]
fn ascii(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .expect("event pattern")
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // "may" in small letters only: "on May 10" is a date.
        modal: ascii(r"(?i:\b(?:could|would|should|might|must)\b)|\bmay\b"),
        proposed: ascii(r"(?i)\b(?:potential|proposed|proposal|propose|possible|possibility|prospects?|identified\s+as|option|considering|mulling|call(?:ed|s|ing)?\s+for|call(?:ed|s|ing)?\s+(?:on|upon)\s+(?:[\w#'-]+\s+){1,4}?to|urg(?:ed|es|ing)|press(?:ed|es|ing)\s+(?:[\w#'-]+\s+){1,3}?to|offer(?:ed|s|ing)?\s+to|(?:is|are|was|were|stands?|stood|remains?|remained)\s+(?:also\s+|still\s+|fully\s+)?(?:ready|willing|prepared)\s+to)\b"),
        planned: ascii(r"(?i)\b(?:will|(?:is|are)\s+expected\s+to|later\s+this\s+(?:year|month|week)|(?:is|are)\s+due\s+to|plans?\s+to|planned|planning\s+to|to\s+be\s+(?:held|signed|discussed|convened|launched)|agreed\s+(?:\w+\s+){0,3}?to|scheduled|upcoming|next\s+(?:week|month|year)|intends?\s+to|set\s+to|look(?:s|ed|ing)?\s+forward\s+to|mov(?:e|es|ed|ing)\s+towards?|work(?:s|ed|ing)?\s+towards?|heading\s+(?:for|towards?)|invit(?:ed|es|ing)\s+(?:\S+\s+){0,12}?to|preparations?\s+for|prepar(?:e|es|ed|ing)\s+for|committ?(?:ed|s)?\s+to\s+\w+ing|pledg(?:ed|es)\s+to|vow(?:ed|s)\s+to|promis(?:ed|es)\s+to|next\s+(?:[\w#-]+\s+){0,3}?(?:meeting|round|session|summit|talks|dialogue|visit|consultations)|steps?\s+towards?|(?:push(?:ed|es|ing)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|want(?:s|ed)?)\s+to)\b"),
        ongoing: ascii(r"(?i)\b(?:(?:is|are)\s+(?:currently\s+)?on\s+(?:a|an|his|her|their)\s|underway|under\s+way|ongoing|continu(?:e|es|ing)|are\s+\w+ing|is\s+\w+ing|(?:has|have)\s+been\s+\w+ing)\b"),
        the_two: ascii(r"(?i)\b(?:the\s+two\s+(?:ministers|leaders|presidents|prime\s+ministers|foreign\s+ministers|defen[cs]e\s+ministers|sides|countries|governments|delegations)|both\s+(?:ministers|leaders|sides|countries|governments))\b"),
        three: ascii(r"(?i)\b(?:(?:the|all|these)\s+three(?:\s+(?:countries|nations|sides|governments|allies|partners|leaders|ministers))?|trilateral)\b"),
        pair: ascii(r"(?i)\b(?:their|the\s+two\s+(?:countries|sides|neighbou?rs|governments|capitals|leaders|states|ministers|presidents|prime\s+ministers|foreign\s+ministers|defen[cs]e\s+ministers|delegations)|both\s+(?:countries|sides|capitals|governments|leaders|ministers|delegations)|bilateral|each\s+other)\b"),
        from: ascii(r"(?i)\bfrom\s+(?:[\w-]+\s+){0,4}?(?P<c>#+)"),
        to: ascii(r"(?i)\b(?:to|into)\s+(?:[\w-]+\s+){0,2}?(?P<c>#+)"),
        thanks_for: ascii(r"(?i)\bthank(?:s|ed|ing)?\b[^.;]{0,80}\bfor\s+(?:[\w#-]+\s+){0,3}$"),
        topic_of: ascii(r"(?i)\b(?:comment(?:s|ed|ing)?|details|questions?|asked|briefed|information)\s+(?:on|about|of|regarding)\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:[\w#'-]+\s+){0,2}$"),
        during: ascii(r"(?i)\b(?:during|on\s+the\s+sidelines\s+of)\s+(?:(?:the|a|an|his|her|their|its|this|last)\s+)?(?:[\w#'-]+\s+){0,3}$"),
        future: ascii(r"(?i)\b(?:will|would|shall|upcoming|forthcoming|planned|(?:is|are)\s+(?:due|set|expected|scheduled|to)\b|plans?\s+to|planning\s+to|next\s+(?:week|month|year))"),
        negated: ascii(r"(?i)\b(?:fail(?:ed|s)?\s+(?:on\s+\w+\s+|again\s+|once\s+more\s+|so\s+far\s+)?to|did\s+not|didn't|does\s+not|doesn't|has\s+not|have\s+not|had\s+not|refused\s+to|declined\s+to|never|not\s+yet|no\s+longer)\s+(?:\w+\s+)?(?:to\s+)?$"),
        saying: ascii(r"(?i),\s+(?:saying|adding|accusing|arguing|claiming|insisting|stating|alleging)\s"),
        // "said talks would be held": after a verb of saying, "would" is the reported "will".
        backshift: ascii(r"(?i)\b(?:said|says|announced|added|stated|confirmed|indicated|noted|agreed\s+that|decided\s+that|told\s+[\w#]+)\s+(?:that\s+)?[^,;:?]{0,100}?\bwould\s"),
        attribution: ascii(r"(?i),\s+(?:according\s+to|citing)\s|,\s+(?:the\s+|an?\s+)?[#\w'.-]+(?:\s+[#\w'.-]+){0,5}\s+(?:said|says|told\s+\w+|announced|added|reported)\b[^,;]{0,40}$"),
        boundary: ascii(r"(?i);|\s(?:-|\xE2\x80\x93|\xE2\x80\x94)\s|,\s+(?:after|before|while|drawing|prompting|weeks|days|months|years|decades|which|who|amid|following|despite|when|whereas|although|though|two|three|several|as\s+(?:both|the|they|it|he|she|its|their|his|her|part|a|an)\b|as\s+#)"),
    })
}

/// Words before a noun phrase: a word after one of them is no verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "no",
];

/// Whether a trigger's text starts with a verb in the past tense ("discussed", "met", "held").
pub fn past_tense(trigger: &[u8]) -> bool {
    let word: String = trigger
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .map(|&b| char::from(b.to_ascii_lowercase()))
        .collect();
    crate::extract::text::is_past_tense(&word)
}

/// The countries an article is mostly about: the two most mentioned (ties by first mention),
/// counting the countries of the officials it names ("Secretary of State Blinken" is a mention
/// of the United States) and not a capital that is only the venue ("met ... in Bucharest").
pub fn principal_pair(doc: &Doc<'_>, people: &[Person], lex: &Lexicon) -> Vec<usize> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    // Where the story was filed is not what it is about.
    let dateline = doc.dateline_end();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.is_country() && dateline.is_none_or(|d| m.start >= d))
    {
        let Some(c) = m.country(lex) else { continue };
        if matches!(m.entry, Entry::Country(_, CountryForm::Capital)) && venue(doc, m.start) {
            continue;
        }
        seen.push((c, m.start));
    }
    for person in people {
        if let Some(c) = person.country {
            seen.extend(person.mentions.iter().map(|m| (c, m.0)));
        }
    }
    let mut counts: Vec<(usize, usize, usize)> = Vec::new();
    for (c, at) in seen {
        match counts.iter_mut().find(|(k, _, _)| *k == c) {
            Some(e) => {
                e.1 += 1;
                e.2 = e.2.min(at);
            }
            None => counts.push((c, 1, at)),
        }
    }
    counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    counts.into_iter().take(2).map(|(c, _, _)| c).collect()
}

/// Whether the place mentioned at `at` follows "in" or "at" (a venue: "met in Beijing"), or a
/// venue and a comma ("in Lima, Peru").
fn venue(doc: &Doc<'_>, at: usize) -> bool {
    let line = doc
        .sentences
        .iter()
        .find(|s| s.start <= at && at < s.end)
        .map_or(0, |s| s.start);
    let before = doc.text.slice(line, at).trim_end();
    if before.ends_with(" in") || before.ends_with(" at") || before == "In" || before == "At" {
        // "arrived in Pakistan for talks": where a visitor arrives is the host, a party.
        // ("In Pakistan, ..." opens the sentence: no verb before it.)
        let verb = before
            .strip_suffix(" in")
            .or_else(|| before.strip_suffix(" at"))
            .unwrap_or_default()
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        return !matches!(
            verb,
            "arrived" | "arrives" | "arriving" | "landed" | "lands" | "landing"
        );
    }
    // "in Kazan, Russia": a capitalised place after "in", then the country.
    if let Some(b) = before.strip_suffix(',')
        && let Some((head, place)) = b.rsplit_once(" in ")
        && !head.is_empty()
        && (1..=2).contains(&place.split_whitespace().count())
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return true;
    }
    // "in Lima, Peru": the country of a venue.
    before.strip_suffix(',').is_some_and(|b| {
        let end = line + b.chars().count();
        doc.mentions.iter().find(|m| m.end == end).is_some_and(|m| {
            matches!(m.entry, Entry::Country(_, CountryForm::Capital)) && venue(doc, m.start)
        })
    })
}

/// Whether a country between `before` and `after` (folded) is the mediator of what the sentence
/// tells: "mediated by (the) X", "brokered by X", "with the mediation of X", "under the auspices
/// of X", "an X-brokered deal".
fn mediator(before: &[u8], after: &[u8]) -> bool {
    const BY: &[&[u8]] = &[
        b"mediated by",
        b"brokered by",
        b"facilitated by",
        b"mediation of",
        b"auspices of",
        b"mediation by",
        b"with the help of",
        b"with the support of",
    ];
    // "mediated by Qatar, Egypt and the United States": every country of the list after the
    // words is a mediator. Step back over the items before this one to the words.
    let before = before.trim_ascii_end();
    let before = before.strip_suffix(b" the").unwrap_or(before);
    let mut b = before;
    let mut listed = false;
    for _ in 0..6 {
        b = b.strip_suffix(b" the").unwrap_or(b);
        if BY.iter().any(|w| b.ends_with(w)) {
            listed = true;
            break;
        }
        let Some(rest) = b
            .strip_suffix(b",")
            .or_else(|| b.strip_suffix(b" and"))
            .map(|r| r.strip_suffix(b",").unwrap_or(r))
        else {
            break;
        };
        let Some((at, sep)) = [&b", "[..], b" and ", b" by ", b" of "]
            .iter()
            .filter_map(|sep| {
                rest.windows(sep.len())
                    .rposition(|w| w == *sep)
                    .map(|at| (at, *sep))
            })
            .max_by_key(|&(at, _)| at)
        else {
            break;
        };
        b = rest[..at + sep.len()].trim_ascii_end();
    }
    listed
        // "with Turkey's help", "with Qatar's mediation".
        || (before.ends_with(b"with")
            && [&b"'s help"[..], b"'s mediation", b"'s support"]
                .iter()
                .any(|w| after.starts_with(w)))
        || [&b"-brokered"[..], b"-mediated", b"-facilitated"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// The words before a trigger, last first, in lower case.
fn words_back(before: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    before
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .rev()
        .map(<[u8]>::to_ascii_lowercase)
}

/// Whether the words before a trigger end in "after", "since" or "following" with a determiner and
/// at most two words between ("after a closed-door meeting", "since an initial round of talks").
fn after_a_noun_phrase(before_trigger: &str) -> bool {
    let words: Vec<String> = before_trigger
        .rsplit(' ')
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    words
        .iter()
        .position(|w| matches!(w.as_str(), "after" | "since" | "following"))
        .is_some_and(|k| {
            k >= 1
                && matches!(
                    words[k - 1].as_str(),
                    "a" | "an" | "the" | "their" | "his" | "her" | "its"
                )
                && !words[..k].iter().any(|w| w.ends_with([',', ';']))
        })
}

/// Whether the words before a trigger end with a perfect auxiliary ("had met", "has secretly
/// visited"), an adverb allowed between.
/// Whether a trigger begins with the words that put its act in the future: a modal ("will
/// release") or an intention ("agreed to exchange", "plans to return").
fn own_future(trigger: &[u8]) -> bool {
    let lower = trigger.to_ascii_lowercase();
    let first = lower.split(|b| *b == b' ').next().unwrap_or_default();
    matches!(first, b"will" | b"would" | b"shall" | b"must" | b"could" | b"can")
        || [
            &b"agree to "[..],
            b"agreed to ",
            b"agrees to ",
            b"decided to ",
            b"plan to ",
            b"plans to ",
            b"set to ",
            b"expected to ",
            b"going to ",
            b"ready to ",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

fn perfect_before(before: &[u8]) -> bool {
    let mut words = words_back(before);
    let perfect = |w: &[u8]| matches!(w, b"had" | b"has" | b"have");
    match words.next() {
        Some(last) if perfect(&last) => true,
        Some(last) if last.ends_with(b"ly") || matches!(last.as_slice(), b"already" | b"also" | b"just") => {
            words.next().is_some_and(|w| perfect(&w))
        }
        _ => false,
    }
}

/// Whether the words right before a trigger make it future: "will travel", "will also visit".
fn will_before(before: &[u8]) -> bool {
    let mut words = words_back(before);
    let Some(last) = words.next() else {
        return false;
    };
    let future = |w: &[u8]| matches!(w, b"will" | b"shall");
    future(&last)
        || (matches!(last.as_slice(), b"also" | b"soon" | b"then" | b"now" | b"jointly")
            && words.next().is_some_and(|w| future(&w)))
}

/// Whether a country comes inside a clause set off by commas that describes a party rather
/// than tells the act: "after Iran, which has supported Russia in its invasion of Ukraine, and
/// Saudi Arabia, an ally of the United States, agreed to ...".
fn in_aside_clause(before: &[u8]) -> bool {
    [
        &b", which "[..],
        b", who ",
        b", an ally of ",
        b", a close ally of ",
        b", a key ally of ",
        b", a partner of ",
    ]
    .iter()
    .any(|w| {
        before
            .windows(w.len())
            .rposition(|x| x == *w)
            .is_some_and(|i| !before[i + w.len()..].contains(&b','))
    })
}

/// Nouns for the topics of talks, before a list of them ("other issues, including ...").
const TOPIC_NOUNS: &[&[u8]] = &[
    b"issues",
    b"topics",
    b"matters",
    b"questions",
    b"files",
    b"crises",
    b"situations",
    b"affairs",
    b"areas",
    b"fields",
    b"sectors",
    b"subjects",
];

/// Whether a place comes inside a list of topics that "including" or "such as" opens, up to
/// twelve words after it ("other issues, including joint action for peace in Afghanistan").
/// The list must follow a word for topics ("issues", "areas"): "Gulf states, including Saudi
/// Arabia" lists parties.
fn in_topic_list(before: &[u8]) -> bool {
    [&b"including "[..], b"such as "].iter().any(|w| {
        before.windows(w.len()).rposition(|x| x == *w).is_some_and(|i| {
            before[i..].split(|&b| b == b' ').count() <= 12
                && before[..i]
                    .split(|&b| b == b' ')
                    .rev()
                    .take(6)
                    .any(|w| TOPIC_NOUNS.contains(&w.strip_suffix(b",").unwrap_or(w)))
        })
    })
}

/// Whether a country after `before` (the folded sentence up to it) is a topic or a setting: after
/// "regarding", "about", "concerning", "over", or inside "on the sidelines/margins of ...".
fn topic_or_setting(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    let last = trimmed
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(trimmed, |i| &trimmed[i + 1..]);
    if matches!(last, b"regarding" | b"about" | b"concerning" | b"over") {
        return true;
    }
    // "talks on regional issues, including Libya", "to reduce tensions between Israelis and
    // Palestinians": the subjects of the talks, not their parties.
    let recent = |n: usize| {
        trimmed
            .split(|&b| b == b' ')
            .filter(|w| !w.is_empty())
            .rev()
            .skip(1)
            .take(n)
            .map(|w| w.strip_suffix(b",").unwrap_or(w))
            .collect::<Vec<&[u8]>>()
    };
    if last == b"including" && recent(6).iter().any(|w| TOPIC_NOUNS.contains(w)) {
        return true;
    }
    if last == b"between"
        && recent(1).iter().any(|w| {
            matches!(
                *w,
                b"tensions" | b"conflict" | b"war" | b"dispute" | b"fighting" | b"clashes" | b"hostilities"
            )
        })
    {
        return true;
    }
    // "share intelligence on threats to critical infrastructure, including from Russian
    // vessels", "the threat posed by Iran": where a threat comes from is what the parties face.
    if matches!(last, b"from" | b"by")
        && recent(7).iter().any(|w| {
            let w = w.trim_ascii_end();
            matches!(
                w,
                b"threat"
                    | b"threats"
                    | b"attack"
                    | b"attacks"
                    | b"aggression"
                    | b"danger"
                    | b"dangers"
                    | b"sabotage"
            ) || (last == b"by" && matches!(w, b"launched" | b"fired" | b"posed"))
        })
    {
        return true;
    }
    // "The two also discussed Sudan", "discussed support for Ukraine and the threat posed by
    // Russia": what is discussed, in the same clause and not with whom.
    let discussed = [
        &b"discussed "[..],
        b"discuss ",
        b"discussing ",
        b"discusses ",
        b"views on ",
    ]
    .iter()
    .filter_map(|w| memchr::memmem::rfind(before, w).map(|i| &before[i + w.len()..]))
    .any(|rest| {
        !rest.iter().any(|&b| b == b',' || b == b';')
            && rest.split(|&b| b == b' ').filter(|x| !x.is_empty()).count() <= 16
            && !rest.split(|&b| b == b' ').any(|w| w == b"with")
    });
    if discussed {
        return true;
    }
    [&b"sidelines of"[..], b"margins of", b"sideline of"]
        .iter()
        .any(|w| {
            memchr::memmem::rfind(before, w).is_some_and(|i| {
                let rest = &before[i..];
                !rest.iter().any(|&b| b == b',' || b == b';')
                    && rest.split(|&b| b == b' ').filter(|x| !x.is_empty()).count() <= 10
            })
        })
}

/// Finds the events of the article.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the sentences, each rule short"
)]
pub fn find(
    doc: &Doc<'_>,
    people: &[Person],
    lex: &Lexicon,
    skip: &[usize],
    quoted: &[(usize, usize)],
    pair: &[usize],
) -> Vec<Event> {
    let p = patterns();
    let dateline = doc.dateline_end();
    let mut out: Vec<Event> = Vec::new();
    let mut seen: Vec<(String, usize, Vec<usize>, usize)> = Vec::new();
    let mut last_multi: Vec<usize> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.kind != LineKind::Prose || skip.contains(&si) {
            continue;
        }
        // Direct quotations are claims; they tell a fact only in the past tense ("We closed the
        // bridge", "President X on Tuesday called President Y": a readout quoted), see below.
        let quoted_len: usize = quoted
            .iter()
            .map(|&(a, b)| b.min(s.end).saturating_sub(a.max(s.start)))
            .sum();
        let in_quote = quoted_len * 2 > s.end - s.start;
        let raw = doc.text.slice(s.start, s.end);
        // A question reports nothing ("QUESTION: Will the issue be raised during the visit?").
        if raw
            .trim_end()
            .trim_end_matches(['"', '”', '’', ')'])
            .ends_with('?')
        {
            continue;
        }
        // The sentence with every country mention masked as `#` (same length in bytes).
        let mut masked = raw.as_bytes().to_vec();
        let base = doc.text.byte(s.start);
        let mut slots: Vec<(usize, usize, usize)> = Vec::new();
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.start >= s.start && m.end <= s.end && m.is_country())
        {
            let (a, b) = (doc.text.byte(m.start) - base, doc.text.byte(m.end) - base);
            masked[a..b].fill(b'#');
            if let Some(c) = m.country(lex) {
                slots.push((a, b, c));
            }
        }
        // "Officials said talks would be held in April": after a verb of saying, "would" is the
        // future of what was said (the reported "will"), not a condition. Read as "will" (the
        // same length) by the modal test and the status cues below.
        // A trigger before the verb of saying keeps the sentence as written ("welcomed the talks
        // and said the mission would remain": the talks are not planned).
        let mut shifted = std::borrow::Cow::Borrowed(raw.as_bytes());
        let mut said_at = usize::MAX;
        if raw.contains("would") {
            for w in p.backshift.find_iter(raw.as_bytes()) {
                said_at = said_at.min(w.start());
                let at = w.end() - "would ".len();
                shifted.to_mut()[at..w.end()].copy_from_slice(b"will  ");
                masked[at..w.end()].copy_from_slice(b"will  ");
            }
        }
        let masked = String::from_utf8_lossy(&masked).into_owned();
        // One pass of every trigger pattern; the rest of the work only where one fires.
        let fired = lex.trigger_set.matches(masked.as_bytes());
        if !fired.matched_any() {
            continue;
        }
        // The dictionary's verbs and the codes their patterns give, up to the first verb of
        // saying, judging or wanting (after it, the sentence tells a stated position); looked
        // up once an event of the sentence is kept.
        let mut acts: Option<Vec<(&'static str, &'static str)>> = None;
        let modal_reported = p.modal.is_match(&shifted);
        let modal_as_written = if said_at == usize::MAX {
            modal_reported
        } else {
            p.modal.is_match(raw.as_bytes())
        };
        // Participants: countries named in the sentence, directly or through an organisation or
        // a person who serves one.
        let mut participants: Vec<(usize, usize)> = Vec::new();
        let mut place: Option<(usize, usize)> = None;
        // "..., according to the UAE foreign ministry": who reports it takes no part in it.
        let attribution = p
            .attribution
            .find(masked.as_bytes())
            .map(|a| (a.start(), a.end()));
        let attributed_from = attribution.map_or(s.end, |a| doc.text.char_at(base + a.0));
        // "It also closed the border, saying the aid masked a coup with support from the United
        // States": what the participle reports takes no part in the acts before it.
        let attributed_from = p.saying.find(masked.as_bytes()).map_or(attributed_from, |a| {
            attributed_from.min(doc.text.char_at(base + a.start()))
        });
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.start >= s.start && m.end <= s.end && m.start < attributed_from)
            .filter(|m| dateline.is_none_or(|d| m.start >= d))
        {
            // "in Beijing", "at Camp David": a capital after `in` or `at` is the venue.
            if matches!(m.entry, Entry::Country(_, CountryForm::Capital)) && venue(doc, m.start) {
                place.get_or_insert((m.start, m.end));
                continue;
            }
            // "near Taiwan", "off Somalia": a place, not a party.
            let before = doc.text.slice(s.start, m.start).trim_end();
            if m.is_country() && (before.ends_with(" near") || before.ends_with(" off")) {
                continue;
            }
            if let Some(c) = m.country(lex) {
                participants.push((m.start, c));
            }
        }
        for person in people {
            if let (Some(c), Some(m)) = (
                person.country,
                person
                    .mentions
                    .iter()
                    .find(|m| m.0 >= s.start && m.1 <= s.end && m.0 < attributed_from),
            ) {
                participants.push((m.0, c));
            }
        }
        // "received medical assistance in Belarus": a country named after "in", beside two
        // others, is where it happened.
        let venues: Vec<(usize, usize, usize)> = doc
            .mentions
            .iter()
            .filter(|m| m.start >= s.start && m.end <= s.end)
            .filter(|m| dateline.is_none_or(|d| m.start >= d))
            .filter(|m| matches!(m.entry, Entry::Country(_, CountryForm::Name)) && venue(doc, m.start))
            .filter_map(|m| Some((m.start, m.end, m.country(lex)?)))
            .collect();
        // "discussed ... regarding Afghanistan", "on the sidelines of the meeting of Afghanistan's
        // neighbours": a country that is the topic or the setting, beside two parties, is not one.
        // A topic's list goes on with its next items ("including Libya, Sudan and the
        // Palestinian question").
        let mut aside: Vec<(usize, usize)> = Vec::new();
        let mut previous_aside_end: Option<usize> = None;
        // An organisation of a country counts as it ("the release of hostages held by Hamas",
        // after "discussed").
        for m in doc.mentions.iter().filter(|m| {
            m.start >= s.start && m.end <= s.end && (m.is_country() || matches!(m.entry, Entry::Org(_)))
        }) {
            let listed = previous_aside_end.is_some_and(|e| {
                matches!(
                    doc.text.slice(e, m.start).trim(),
                    "," | "and" | ", and" | "and the" | ", the" | ", and the" | "or"
                )
            });
            if listed
                || topic_or_setting(&doc.text.folded[s.start..m.start])
                || in_topic_list(&doc.text.folded[s.start..m.start])
                || in_aside_clause(&doc.text.folded[s.start..m.start])
                || mediator(&doc.text.folded[s.start..m.start], &doc.text.folded[m.end..s.end])
            {
                previous_aside_end = Some(m.end);
                if let Some(c) = m.country(lex) {
                    aside.push((m.start, c));
                }
            } else {
                previous_aside_end = None;
            }
        }
        for &(a, c) in &aside {
            let mut others: Vec<usize> = participants
                .iter()
                .filter(|p| p.0 != a && p.1 != c)
                .map(|p| p.1)
                .collect();
            others.sort_unstable();
            others.dedup();
            // Two others, or the article's pair standing in for the parties the sentence omits.
            if others.len() < 2 {
                others.extend(pair.iter().filter(|&&q| q != c));
                others.sort_unstable();
                others.dedup();
            }
            if others.len() >= 2 {
                participants.retain(|p| p.1 != c);
            }
        }
        for &(a, b, c) in &venues {
            // "talks on other issues, including joint action for peace in Afghanistan": a
            // place inside a topic is the topic's, not the venue.
            if aside.iter().any(|x| x.0 == a) {
                continue;
            }
            let mut others: Vec<usize> = participants.iter().map(|p| p.1).filter(|&o| o != c).collect();
            others.sort_unstable();
            others.dedup();
            // "agreed on it at a meeting in Singapore": the article's pair stands in for the
            // parties the sentence leaves out, unless the venue is one of them.
            if others.len() < 2 && !pair.contains(&c) {
                others.extend(pair.iter().copied());
                others.sort_unstable();
                others.dedup();
            }
            if others.len() >= 2 {
                // Only the venue's own mention: "met with Australian Deputy Prime Minister
                // Richard Marles ... in Darwin, Australia" keeps Australia through Marles.
                participants.retain(|p| p.0 != a);
                place.get_or_insert((a, b));
            }
        }
        participants.sort_unstable();
        let mut countries: Vec<usize> = Vec::new();
        for &(_, c) in &participants {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
        // "The three countries also finalized ...": the parties of the last event of three or
        // more.
        if countries.len() < 3 && last_multi.len() >= 3 && p.three.is_match(raw.as_bytes()) {
            for &c in &last_multi {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
        }
        let the_two_at = p.the_two.find(raw.as_bytes()).map(|x| x.start());
        if p.pair.is_match(raw.as_bytes()) || countries.len() < 2 {
            for &c in pair {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
        }
        // An event between the countries of the article involves at least one of them.
        if countries.len() < 2 || (!pair.is_empty() && !countries.iter().any(|c| pair.contains(c))) {
            continue;
        }
        let country_at = |byte: usize| {
            slots
                .iter()
                .find(|(a, b, _)| *a <= byte && byte < *b)
                .map(|s| s.2)
        };
        let source = p
            .from
            .captures(masked.as_bytes())
            .and_then(|c| c.name("c"))
            .and_then(|m| country_at(m.start()));
        let target =
            p.to.captures(masked.as_bytes())
                .and_then(|c| c.name("c"))
                .and_then(|m| country_at(m.start()));
        let mut kinds_here: Vec<String> = Vec::new();
        // The triggers in the order of the sentence: of two of one type, the first told is the
        // happening ("had a phone call Tuesday to discuss ...": the call, not the purpose).
        let mut found: Vec<(usize, usize, regex::bytes::Match<'_>)> = lex
            .triggers
            .iter()
            .enumerate()
            .filter(|&(ti, _)| fired.matched(ti))
            .filter_map(|(ti, t)| Some((ti, t.regex().find(masked.as_bytes())?)))
            .map(|(ti, m)| (m.start(), ti, m))
            .collect();
        // "agreed to work towards concluding a free trade agreement": a bare "agreed" yields
        // to the agreement the sentence names, whose status the words before it give.
        found.sort_unstable_by_key(|f| {
            let bare_agreed = lex.triggers[f.1].kind == "agreement"
                && f.2
                    .as_bytes()
                    .get(..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"agree"));
            (bare_agreed, f.0, f.1)
        });
        for (_, ti, m) in found {
            let t = &lex.triggers[ti];
            if kinds_here.contains(&t.kind) {
                continue;
            }
            let reported = m.start() >= said_at;
            let modal = if reported {
                modal_reported
            } else {
                modal_as_written
            } && {
                // A modal counts before the trigger or in its own clause: "had been released in
                // Belarus, ..., and would be transferred to Russia" and "signed a deal, which
                // could boost trade" tell a release and a signing.
                let text: &[u8] = if reported { &shifted } else { raw.as_bytes() };
                let (_, clause_end) = clause(&masked, m.start(), m.end(), p);
                p.modal.find_iter(text).any(|x| {
                    x.start() < m.end()
                        || (x.start() < clause_end && {
                            let between = &masked.as_bytes()[m.end()..x.start()];
                            !between.windows(6).any(|w| w == b", and " || w == b", but ")
                        })
                })
            };
            if modal && t.kind != "statement" {
                continue;
            }
            // "protect undersea cables and pipelines": infrastructure guarded, not energy traded.
            if t.kind == "energy" && masked.as_bytes()[m.start()..].starts_with(b"pipeline") {
                let before = masked[..m.start()].to_ascii_lowercase();
                let guarded = before.split_whitespace().rev().take(6).any(|w| {
                    [
                        "protect", "guard", "secur", "sabotag", "damag", "attack", "patrol", "monitor",
                        "defend",
                    ]
                    .iter()
                    .any(|g| w.starts_with(g))
                });
                if guarded {
                    continue;
                }
            }
            // "a long-term power trade agreement": trade in energy is the energy event.
            if t.kind == "trade"
                && masked[..m.start()]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "power" | "electricity" | "energy" | "gas" | "oil" | "lng" | "hydropower"
                        )
                    })
            {
                continue;
            }
            // "called on Israel to stop ...": an appeal, not a visit.
            if m.as_bytes().starts_with(b"call")
                && raw
                    .get(m.start()..)
                    .and_then(|r| r.split_once(' '))
                    .is_some_and(|(_, r)| {
                        r.starts_with("on ") && !crate::extract::claims::called_on_someone(r)
                    })
            {
                continue;
            }
            // "to reaffirm support" is a purpose, not a statement made; "pleased to welcome X
            // back" a greeting of someone returning, not a visit reported ("delighted to
            // welcome President Lukashenko to the Kremlin" is one).
            if (t.kind == "statement"
                || (masked[m.start()..].starts_with("welcom")
                    && masked[m.start()..m.end()].split_whitespace().any(|w| w == "back")))
                && masked[..m.start()].trim_end().ends_with(" to")
            {
                continue;
            }
            // "hosting Venezuelan refugees", "hosts US troops": people taken in or stationed,
            // not a meeting.
            if t.kind == "meeting" && masked[m.start()..].starts_with("host") && {
                let after = masked[m.start()..].split_whitespace().skip(1).take(4);
                after.map(|w| w.trim_end_matches([',', '.', ';'])).any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "refugees"
                            | "migrants"
                            | "asylum-seekers"
                            | "troops"
                            | "forces"
                            | "soldiers"
                            | "bases"
                            | "base"
                            | "workers"
                            | "students"
                            | "nationals"
                            | "citizens"
                            | "displaced"
                            | "evacuees"
                            | "fans"
                            | "tourists"
                    )
                })
            } {
                continue;
            }
            // "supports the bid of Azerbaijan to host COP29": a bid or an offer to host is no
            // meeting between the states.
            if t.kind == "meeting"
                && masked[m.start()..].starts_with("to host")
                && masked[..m.start()].split_whitespace().rev().take(5).any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "bid"
                            | "bids"
                            | "candidacy"
                            | "candidature"
                            | "offer"
                            | "offers"
                            | "offered"
                            | "right"
                    )
                })
            {
                continue;
            }
            // "X thanked Y for hosting the talks" is a claim (the annotation's rule), and the
            // hosting in it an aside.
            if p.thanks_for.is_match(&masked.as_bytes()[..m.start()]) {
                continue;
            }
            // "failed to agree on", "did not meet": a happening denied.
            if p.negated.is_match(&masked.as_bytes()[..m.start()]) {
                continue;
            }
            // "..., according to Kosovo's customs service": the words of the attribution
            // report nothing themselves.
            if attribution.is_some_and(|a| a.1 <= m.start()) {
                continue;
            }
            // "declined to comment on the Geneva meeting", "asked about the visit": a happening
            // that is only the topic of what is said (or not said) is not told here.
            if p.topic_of.is_match(&masked.as_bytes()[..m.start()]) {
                continue;
            }
            // "At the talks, the two sides agreed ...", "After the talks, the ministers
            // witnessed ...": a happening already told, named in an opening frame as the
            // circumstance of another act, is not told again.
            if masked[m.end()..].starts_with(',') && {
                let before = masked[..m.start()].trim().to_ascii_lowercase();
                let before = before.rsplit(['—', '–']).next().unwrap_or_default().trim_start();
                [
                    "at the",
                    "during the",
                    "after the",
                    "following the",
                    "on the sidelines of the",
                    "on the margins of the",
                    "in the course of the",
                    "in the",
                ]
                .contains(&before)
            } {
                continue;
            }
            // "... inaugurated the transmission lines at the meeting.": after an act of another
            // type, a meeting named as where it took place is its circumstance, not another
            // event.
            if t.kind == "meeting"
                && !kinds_here.is_empty()
                && {
                    let before = masked[..m.start()].trim_end().to_ascii_lowercase();
                    [
                        "at the",
                        "during the",
                        "on the sidelines of the",
                        "on the margins of the",
                    ]
                    .iter()
                    .any(|w| before.ends_with(w))
                }
                && masked[m.end()..]
                    .trim()
                    .trim_end_matches(['.', '"', '\u{201d}'])
                    .is_empty()
            {
                continue;
            }
            // "The talks", "the visit": a definite mention of an event already told is that
            // happening told again, which the annotation counts as an event of its own.
            // The parties of this trigger's clause, when it names two: a country in another
            // clause ("..., weeks after Turkey raised concerns") is named in passing.
            let (clause_start, clause_end) = clause(&masked, m.start(), m.end(), p);
            // The status of the trigger's own clause: in "X held talks with Y, who will attend
            // the forum", the talks took place.
            let status = {
                let text = if reported {
                    &shifted[clause_start..clause_end]
                } else {
                    &raw.as_bytes()[clause_start..clause_end]
                };
                // "discussed the planned visit", "signed a deal that will take effect": after a
                // trigger that is a verb in the past tense, a cue belongs to what follows.
                // A verb, not an adjective: not first in its clause, not after a determiner
                // ("Coordinated patrolling ... is expected to begin", "the planned visit").
                let before_trigger = masked[clause_start..m.start()].trim_end();
                let verb_position = !before_trigger.is_empty()
                    && !before_trigger
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| DETERMINERS.contains(&w.to_ascii_lowercase().as_str()));
                // "held talks on a possible ceasefire": a light verb in the past tense before a
                // noun trigger tells a past happening as much as a verb trigger does.
                // "had a successful meeting": an adjective may come between.
                let light_past = before_trigger
                    .rsplit(' ')
                    .filter(|w| !DETERMINERS.contains(&w.to_ascii_lowercase().as_str()))
                    .take(2)
                    .any(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "held"
                                | "had"
                                | "made"
                                | "paid"
                                | "conducted"
                                | "concluded"
                                | "began"
                                | "launched"
                        )
                    });
                let past =
                    light_past || (verb_position && past_tense(&masked.as_bytes()[m.start()..m.end()]));
                let applies = |x: &regex::bytes::Match<'_>| !past || clause_start + x.start() < m.end();
                let before = &masked.as_bytes()[..m.start()];
                if let Some(d) = p.during.find(before) {
                    // "agreed to begin work on a treaty, during a visit to Warsaw": the happening
                    // a "during" names is when the main clause's act took place, and has the
                    // tense of that act, not the status of what was agreed.
                    if p.future.is_match(&before[..d.start()]) || p.future.is_match(d.as_bytes()) {
                        Status::Planned
                    } else {
                        Status::Occurred
                    }
                } else if own_future(&masked.as_bytes()[m.start()..m.end()]) {
                    // "will release 32 prisoners", "have agreed to exchange prisoners": the
                    // trigger holds its own future, whatever tense comes before it.
                    Status::Planned
                } else if [
                    " after the",
                    " since the",
                    " following the",
                    " after their",
                    " since their",
                ]
                .iter()
                .any(|w| before_trigger.to_ascii_lowercase().ends_with(w))
                    || (([" after", " since", " following"]
                        .iter()
                        .any(|w| before_trigger.to_ascii_lowercase().ends_with(w))
                        || after_a_noun_phrase(before_trigger))
                        && !p.future.is_match(before))
                {
                    // "told reporters after the meeting that ...", "agreed to reopen the
                    // crossing after talks in Doha", "... after a closed-door meeting": a
                    // happening the sentence takes as past, whatever the cues of what follows
                    // (unless the sentence is in the future: "will reopen after talks next week").
                    Status::Occurred
                } else if participle_told(&masked[m.start()..m.end()]) {
                    // "would finally honor a deal signed in 2000", "the agreement was reached":
                    // the act the trigger names is past, whatever future the sentence's verb has.
                    Status::Occurred
                } else if perfect_before(before) {
                    // "after a source told Reuters the new prime minister had secretly met the
                    // king": a perfect tense tells what took place, whatever the sentence's
                    // other verbs say of the future.
                    Status::Occurred
                } else if will_before(before) {
                    // "Secretary Blinken will travel to ... to continue efforts": the trigger's
                    // own future, whatever its purpose clause says.
                    Status::Planned
                } else if p
                    .proposed
                    .find_iter(text)
                    .any(|x| applies(&x) && !dated_call(x.as_bytes()))
                {
                    Status::Proposed
                } else if p.ongoing.find_iter(text).any(|x| applies(&x)) {
                    Status::Ongoing
                } else if p.planned.find_iter(text).filter(|x| applies(x)).any(|x| {
                    // "agreed ... to" is what happened for an agreement, and after another
                    // trigger it is a later act ("held talks last month, and agreed to resume").
                    // "agreed that the coast guards would cooperate": the future inside an
                    // agreement's own words is what was agreed.
                    // "agreed at the meeting to swap ...": a trigger inside the words between
                    // "agreed" and "to" is the agreement's circumstance, not what was agreed.
                    !(x.as_bytes().starts_with(b"agree")
                        && (t.kind == "agreement"
                            || clause_start + x.start() >= m.end()
                            || m.start() < clause_start + x.end()))
                        && !(t.kind == "agreement"
                            && m.as_bytes().len() > 11
                            && m.as_bytes()[..11].eq_ignore_ascii_case(b"agreed that")
                            && clause_start + x.start() < m.end())
                }) {
                    Status::Planned
                } else {
                    Status::Occurred
                }
            };
            let (clause_start, clause_end) = (
                doc.text.char_at(base + clause_start),
                doc.text.char_at(base + clause_end),
            );
            let mut in_clause: Vec<usize> = Vec::new();
            for &(at, c) in &participants {
                if (clause_start..clause_end).contains(&at) && !in_clause.contains(&c) {
                    in_clause.push(c);
                }
            }
            let countries = if in_clause.len() >= 2 {
                // "The two ministers will meet ... with their Belgian, Dutch and German
                // counterparts": the pair the sentence names as "the two" takes part too.
                if the_two_at.is_some_and(|a| a < m.start()) && !in_clause.iter().any(|c| pair.contains(c)) {
                    for &c in pair {
                        if !in_clause.contains(&c) {
                            in_clause.push(c);
                        }
                    }
                }
                in_clause
            } else {
                countries.clone()
            };
            // In a quotation only an act told as done, by a verb in the past tense, is a fact:
            // "we will sign the documents", "recognition that transferring detainees ..." and
            // "an urgent need for aid" are what the speaker says, wants or judges.
            if in_quote
                && (t.kind == "other"
                    || status != Status::Occurred
                    || !past_tense(&masked.as_bytes()[m.start()..m.end()]))
            {
                continue;
            }
            let mut key_countries = countries.clone();
            key_countries.sort_unstable();
            let key = (t.kind.clone(), ti, key_countries, s.paragraph);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            kinds_here.push(t.kind.clone());
            // A pattern that looks at the next word's first letter ("hosted R|epublic of Korea")
            // ends its trigger at the word before.
            let bytes = masked.as_bytes();
            let trigger_end = if m.end() - m.start() > 2
                && !bytes[m.end() - 1].is_ascii_whitespace()
                && bytes[m.end() - 2].is_ascii_whitespace()
                && bytes
                    .get(m.end())
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'#')
            {
                m.end() - 2
            } else {
                m.end()
            };
            let trigger = (
                doc.text.char_at(base + m.start()),
                doc.text.char_at(base + trigger_end),
            );
            // The dictionary's code when its verb here means an event of the same type (for
            // `other`, of the same CAMEO root: "expelled the ambassador" stays 161, reduce
            // relations, rather than the verb's general 174, expel a person).
            let root = t.cameo.get(..2).unwrap_or_default();
            let code = acts
                .get_or_insert_with(|| {
                    let upper = masked.to_ascii_uppercase();
                    let refs: Vec<&str> = cameo::token_spans(&masked)
                        .iter()
                        .map(|&(s, e)| &upper[s..e])
                        .collect();
                    cameo::Verbs::get()
                        .find(&refs)
                        .iter()
                        .map_while(|f| Some((kind_of_code(f.code)?, f.code)))
                        .collect()
                })
                .iter()
                .find(|a| a.0 == t.kind && (t.kind != "other" || a.1.starts_with(root)))
                .map_or_else(|| t.cameo.clone(), |a| a.1.to_owned());
            if countries.len() >= 3 {
                last_multi.clone_from(&countries);
            }
            out.push(Event {
                kind: t.kind.clone(),
                cameo: code,
                participants: countries.clone(),
                source: source.filter(|s| Some(*s) != target),
                target: target.filter(|t| Some(*t) != source),
                status,
                sentence: (s.start, s.end),
                trigger,
                place,
                clause: (clause_start, clause_end),
            });
        }
    }
    out
}

/// A trigger that ends with a past participle not after "be" ("deal signed", "agreement was
/// reached", but not "will be signed"): it tells an act already done.
fn participle_told(trigger: &str) -> bool {
    let words: Vec<&str> = trigger.split_whitespace().collect();
    words.len() >= 2
        && matches!(
            words[words.len() - 1].to_ascii_lowercase().as_str(),
            "signed" | "reached" | "agreed" | "concluded" | "struck" | "sealed" | "inked"
        )
        && !words[words.len() - 2].eq_ignore_ascii_case("be")
}

/// "a phone call on Monday to discuss": "call on" followed by a day or a month is a time, not
/// an appeal ("called on Mali to hold talks").
fn dated_call(cue: &[u8]) -> bool {
    cue.get(..4).is_some_and(|c| c.eq_ignore_ascii_case(b"call"))
        && cue
            .split(|&c| c == b' ')
            .skip_while(|w| !w.eq_ignore_ascii_case(b"on") && !w.eq_ignore_ascii_case(b"upon"))
            .nth(1)
            .is_some_and(|w| {
                let w = String::from_utf8_lossy(w).to_ascii_lowercase();
                crate::extract::time::WEEKDAYS.contains(&w.as_str())
                    || crate::extract::claims::MONTH_NAMES.contains(&w.as_str())
                    || w.starts_with(|c: char| c.is_ascii_digit())
            })
}

/// The clause around a trigger (bytes of the masked sentence): from the boundary before it to
/// the one after, a boundary being a semicolon, a dash, or a comma that opens a subordinate or
/// adverbial clause ("..., weeks after", "..., drawing criticism from", "..., which").
fn clause(masked: &str, start: usize, end: usize, p: &Patterns) -> (usize, usize) {
    let bytes = masked.as_bytes();
    let mut from = 0;
    let mut to = bytes.len();
    let mut relative = false;
    for b in p.boundary.find_iter(bytes) {
        if b.end() <= start {
            from = b.end();
            relative = b.as_bytes().starts_with(b",")
                && (b.as_bytes().ends_with(b"which") || b.as_bytes().ends_with(b"who"));
        } else if b.start() >= end {
            to = b.start();
            break;
        }
    }
    // "trade, which exceeded $11 billion last year, and discussed ...": a relative clause ends
    // at its comma, and the trigger's clause begins after it.
    if relative && let Some(comma) = bytes[from..start].iter().rposition(|&c| c == b',') {
        from += comma + 1;
    }
    (from, to)
}

/// Our event type for a CAMEO code of the dictionary, or `None` for the verbal categories: a
/// statement, appeal, intent, demand, disapproval, rejection or threat is a claim, not an event
/// (01, 02, 03, 10-13; and 051-053, 055, 056: praise, defence, rallying, apology, forgiveness).
pub fn kind_of_code(code: &str) -> Option<&'static str> {
    let three = code.get(..3)?;
    Some(match three {
        _ if matches!(&three[..2], "01" | "02" | "03" | "10" | "11" | "12" | "13") => return None,
        "051" | "052" | "053" | "055" | "056" => return None,
        "040" | "041" | "044" | "045" | "046" => "meeting",
        "042" | "043" => "official_visit",
        "057" => "agreement",
        "061" => "trade",
        "064" => "intelligence_sharing",
        _ => "other",
    })
}
