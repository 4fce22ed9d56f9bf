//! Extraction: article text in, grounded facts out. Pure: no store, no HTTP, no files read at
//! run time (the lexicons are compiled in).
//!
//! The steps, in order: [`text`] (folding, offsets, segmentation), [`recognise`] (gazetteer),
//! [`people`] (titles, bare names, coreference), [`provenance`], [`claims`], [`events`]. The
//! result, [`Extraction`], serialises to the `extract --format json` contract of DESIGN.md; every
//! span counts Unicode code points over the whole input, header included.

pub mod cameo;
pub mod claims;
pub mod events;
pub mod lexicon;
pub mod names;
pub mod people;
pub mod provenance;
pub mod recognise;
pub mod text;
pub mod time;

use crate::article::Article;
use lexicon::{Entry, Lexicon};
use recognise::Mention;
use serde::Serialize;
use text::{Sentence, Text};

/// The article being read: text, sentences and gazetteer mentions.
pub struct Doc<'a> {
    /// The text with its folded form.
    pub text: Text<'a>,
    /// Where the body starts (code points).
    pub body_start: usize,
    /// Sentences of the body.
    pub sentences: Vec<Sentence>,
    /// Gazetteer mentions of countries and organisations (people are moved to [`people::Person`]).
    pub mentions: Vec<Mention>,
    /// The article's date (its header's `date`), when it has one.
    pub date: Option<time::Day>,
    /// Gazetteer mentions in the header (its title above all), for what the body leaves out:
    /// "Philippine Foreign Secretary Lazaro" in a transcript's title, where the body has
    /// "FOREIGN SECRETARY LAZARO:".
    pub header_mentions: Vec<Mention>,
    /// The country whose government published the article, when a government did: its
    /// release names its own officials by their title alone ("the Prime Minister announced").
    pub government: Option<usize>,
}

impl Doc<'_> {
    /// Where a wire story's dateline ends (code points): "SEOUL, South Korea (AP) — ",
    /// "ATHENS, Dec 7 (Reuters) - ", "TEHRAN (Tasnim) – ", "BRUSSELS — ". The city and country
    /// it names are where the story was filed, not parties to what it tells.
    pub fn dateline_end(&self) -> Option<usize> {
        let head: String = self
            .text
            .slice(self.body_start, self.text.len())
            .chars()
            .take(100)
            .collect();
        let (at, dash) = [" — ", " – ", " -- ", " - "]
            .iter()
            .filter_map(|d| head.find(d).map(|i| (i, *d)))
            .min()?;
        let prefix = &head[..at];
        let words: Vec<&str> = prefix.split_whitespace().collect();
        let first = words.first()?.trim_end_matches(',');
        let shouting = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && first.chars().all(|c| !c.is_lowercase());
        (words.len() <= 8 && !prefix.contains('\n') && (shouting || prefix.contains('(')))
            .then(|| self.body_start + head[..at + dash.len()].chars().count())
    }

    /// Whether one country mention covers exactly `start..end` (code points).
    pub fn is_country_span(&self, start: usize, end: usize) -> bool {
        self.mentions
            .iter()
            .any(|m| m.start == start && m.end == end && m.is_country())
    }
}

impl Doc<'_> {
    /// The index of the sentence that holds code point `at`.
    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }
}

/// A span of the input: code-point offsets and the exact text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Span {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// The text between them.
    pub text: String,
}

/// The article's metadata and provenance.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleInfo {
    /// The article's IRI.
    pub iri: String,
    /// Its identifier (first 16 hex digits of the content hash).
    pub id: String,
    /// SHA-256 of the normalised text.
    pub content_hash: String,
    /// Title (header, else the first heading line).
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Outlet it was translated or taken from.
    pub original_outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Date as the header gives it.
    pub date: Option<String>,
    /// Translated.
    pub translated: bool,
    /// What the text says about the publisher's verification.
    pub verified_by_publisher: Option<bool>,
    /// The sentence that says so.
    pub verification_evidence: Option<Span>,
    /// The sentence that says it was translated.
    pub translation_evidence: Option<Span>,
    /// Other header fields.
    pub metadata: Vec<(String, String)>,
}

/// A country the article is about: one it names, or one that takes part in an event through
/// its officials only (then without mentions).
#[derive(Debug, Clone, Serialize)]
pub struct CountryOut {
    /// IRI.
    pub iri: String,
    /// Common name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// Mentions (names, demonyms, capitals).
    pub mentions: Vec<Span>,
}

/// A named official.
#[derive(Debug, Clone, Serialize)]
pub struct LeaderOut {
    /// IRI.
    pub iri: String,
    /// The gazetteer's name for the person, when it knows them (by the name as written or by
    /// the key of its spelling).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The gazetteer entry of `canonical` (an index into the lexicon's people).
    #[serde(skip)]
    pub known: Option<usize>,
    /// Full name.
    pub name: String,
    /// Role as the article gives it.
    pub role: Option<String>,
    /// Country they serve.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-3 of that country.
    pub country_iso3: Option<String>,
    /// The text says the role has ended.
    pub former: bool,
    /// Where the role is stated.
    pub role_mention: Option<Span>,
    /// In the gazetteer of known officials (with the source of its dates).
    pub gazetteer_source: Option<String>,
    /// Mentions.
    pub mentions: Vec<Span>,
}

/// An event between countries.
#[derive(Debug, Clone, Serialize)]
pub struct EventOut {
    /// IRI.
    pub iri: String,
    /// Type key.
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// Country names.
    pub participants: Vec<String>,
    /// ISO codes of the participants.
    pub participants_iso3: Vec<String>,
    /// Where the action comes from, when the text says.
    pub from: Option<String>,
    /// Where it goes.
    pub to: Option<String>,
    /// occurred, ongoing, planned, proposed.
    pub status: String,
    /// The sentence.
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// When it happened: ISO 8601 of the precision the text gives (`2026-02-12`, `2026-08`,
    /// `2003`), resolved against the article's date; `null` when the sentence gives no time.
    pub date: Option<String>,
    /// The words the date was read from.
    pub date_text: Option<Span>,
    /// The venue, when the text names one ("met in Beijing"); never a participant.
    pub place: Option<Span>,
    /// Who the text says reported it ("…, according to a security source"; "X said"), as
    /// for claims; `null` when the text reports it as fact.
    pub reported_by: Option<serde_json::Value>,
}

/// A claim attributed to a source.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    /// IRI.
    pub iri: String,
    /// The source: one name, or a list when several share it.
    pub attributed_to: serde_json::Value,
    /// The words claimed.
    pub text: Span,
    /// The reporting cue.
    pub cue: Span,
    /// Whether it is hedged.
    pub hedged: bool,
    /// The hedge word.
    pub hedge: Option<String>,
}

/// What extraction finds in one article.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    /// Metadata and provenance.
    pub article: ArticleInfo,
    /// Countries.
    pub countries: Vec<CountryOut>,
    /// Named officials.
    pub leaders: Vec<LeaderOut>,
    /// Events.
    pub events: Vec<EventOut>,
    /// Claims.
    pub claims: Vec<ClaimOut>,
    /// Organisations and outlets mentioned.
    pub organisations: Vec<OrgOut>,
    /// The two countries the article is mostly about.
    pub principal_pair: Vec<String>,
}

/// An organisation or outlet the article mentions.
#[derive(Debug, Clone, Serialize)]
pub struct OrgOut {
    /// IRI.
    pub iri: String,
    /// Name.
    pub name: String,
    /// Kind (outlet, ministry...).
    pub kind: String,
    /// Country it belongs to.
    pub country: Option<String>,
    /// Mentions.
    pub mentions: Vec<Span>,
}

/// Whether the words between a trigger and a time after it open a relative clause that tells of
/// something other than the happening's own course.
fn relative_clause_time(between: &str) -> bool {
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let Some(at) = words
        .iter()
        .position(|w| matches!(w.as_str(), "that" | "which" | "who" | "whom" | "whose"))
    else {
        return false;
    };
    !words[at..].iter().any(|w| {
        matches!(
            w.as_str(),
            "began"
                | "begun"
                | "started"
                | "ended"
                | "took"
                | "held"
                | "concluded"
                | "opened"
                | "happened"
                | "occurred"
                | "finished"
                | "lasted"
                | "will"
                | "would"
        )
    })
}

/// Whether the time at `at` follows a verb in the past tense and comes before the "to", "will"
/// or "would" that leads to `trigger`: the time of that verb's act ("agreed on Thursday to
/// reopen"), not of the act planned.
fn governed_time(doc: &Doc<'_>, sentence_start: usize, at: (usize, usize), trigger: usize) -> bool {
    let before = doc.text.slice(sentence_start, at.0);
    let verb = before
        .split_whitespace()
        .rev()
        .find(|w| !matches!(w.to_ascii_lowercase().as_str(), "on" | "last" | "this" | "in"))
        .map(str::to_ascii_lowercase);
    let is_past = |w: &str| w.len() > 3 && w.ends_with("ed") || matches!(w, "said" | "told" | "agreed");
    let between: Vec<String> = doc
        .text
        .slice(at.1, trigger)
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    // "Kenya and Tanzania on Friday agreed to remove ...": the verb may follow the time.
    let past = verb.is_some_and(|w| is_past(&w)) || between.first().is_some_and(|w| is_past(w));
    past && between
        .iter()
        .any(|w| matches!(w.as_str(), "to" | "will" | "would"))
}

/// The IRI of a person, the same in every article that names them however it spells the name:
/// a person the gazetteer knows (as written, or by the key of the name) gets the key of its
/// canonical name, `<base>id/person/ahmad-al-shara`; anyone else the key of the name as written
/// and the country they serve when the article gives one, `<base>id/person/ali-hamdan--irq`.
fn person_iri(base: &str, lex: &Lexicon, p: &people::Person) -> String {
    let key = names::name_key(&p.name);
    match p.known.or_else(|| lex.person_by_key(&key)) {
        Some(k) => format!("{base}id/person/{}", names::name_key(lex.people[k].name)),
        None => match p.country {
            Some(c) => format!(
                "{base}id/person/{key}--{}",
                lex.countries[c].iso3.to_ascii_lowercase()
            ),
            None => format!("{base}id/person/{key}"),
        },
    }
}

/// An event's sentence, the direction its time is read in (forwards, past) and the time found
/// there: several events of one sentence share it.
type SeenTime = ((usize, usize), (bool, bool), Option<time::Found>);

/// A lowercase, hyphenated form of a name for IRIs.
pub fn slug(name: &str) -> String {
    let folded = text::fold(name);
    let mut out = String::with_capacity(folded.len());
    for b in folded {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The country whose government published the text, when the publisher is a government body: a
/// ministry, government, military or agency of the gazetteer, or a name that joins a country and
/// a word of government ("Ministry of Foreign Affairs of Viet Nam", "President of Russia").
fn government_of(publisher: &str, lex: &Lexicon) -> Option<usize> {
    let text = Text::new(publisher);
    let mentions = recognise::mentions(&text, 0, lex);
    let org = mentions.iter().find_map(|m| match m.entry {
        Entry::Org(o) => Some(&lex.organisations[o]),
        _ => None,
    });
    if let Some(o) = org {
        return o
            .country
            .filter(|_| matches!(o.kind.as_str(), "ministry" | "government" | "military" | "agency"));
    }
    let lower = publisher.to_lowercase();
    let governmental = [
        "ministry",
        "department",
        "government",
        "office of",
        "embassy",
        "presidency",
        "president of",
        "prime minister",
        "cabinet",
        "foreign affairs",
        "state council",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let mut countries = mentions.iter().filter_map(|m| m.country(lex));
    let first = countries.next()?;
    // "Embassy of the People's Republic of China in the Republic of the Philippines": the
    // embassy's own country; the one it is in hosts it.
    let embassy = lower.contains("embassy");
    (governmental && (embassy || countries.all(|c| c == first))).then_some(first)
}

/// Whether a trigger comes before what a reporting clause in the middle of its sentence says:
/// "The two leaders discussed the fight against the PKK, which Ankara says uses northern Iraq"
/// (what Ankara says follows its cue; the discussion is the publisher's report). A closing
/// clause (", the ministry said.") and an "according to" say what comes before them.
fn before_what_is_said(doc: &Doc<'_>, c: &claims::RawClaim, trigger: (usize, usize)) -> bool {
    let cue = doc.text.slice(c.cue.0, c.cue.1);
    // The words claimed end before the source is named: a quotation, or a closing clause with
    // words after it ("...," Erdogan said at a joint news conference).
    if cue.to_ascii_lowercase().starts_with("according") || c.cue.0 < c.subject.0 || c.text.1 <= c.subject.0 {
        return false;
    }
    let end = doc.sentences.get(c.sentence).map_or(c.text.1, |s| s.end);
    // ", the source said, speaking on condition of anonymity": a comma after the cue closes it.
    let after = doc.text.slice(c.cue.1, end);
    // "..., the ministry said in a statement.": an adjunct of the saying, not what is said.
    let adjunct = after.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "late"
                | "earlier"
                | "later"
                | "today"
                | "yesterday"
                | "last"
                | "this"
                | "through"
                | "via"
                | "from"
                | "while"
        )
    });
    let said_after = !adjunct
        && !after.trim_start().starts_with([',', '.', ';'])
        && after
            .split(',')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .count()
            >= 3;
    said_after && trigger.1 <= c.subject.0
}

/// Extracts the facts of an article. `base` is the base of the IRIs (ends with `/`).
#[expect(
    clippy::too_many_lines,
    reason = "the pipeline's steps and the assembly of the output, in order"
)]
pub fn extract(article: &Article, base: &str) -> Extraction {
    let lex = Lexicon::get();
    let text = Text::new(&article.text);
    let body_start = text.char_at(article.body_start);
    let sentences = text::segment(&text, body_start, &lex.boilerplate);
    let mentions = recognise::mentions(&text, body_start, lex);
    // The header is the text's beginning: its mentions' offsets are the text's.
    let header_mentions = recognise::mentions(&Text::new(&article.text[..article.body_start]), 0, lex);
    let mut doc = Doc {
        text,
        body_start,
        sentences,
        mentions,
        header_mentions,
        date: article.field("date").and_then(time::article_day),
        government: None,
    };
    let mut found_people = people::find(&mut doc, lex);
    people::place_by_named_person(&mut found_people);
    people::place_respectively(&doc, &mut found_people, lex);
    let prov = provenance::find(&doc, article);
    // A government's own release names its own officials without their country ("Foreign
    // Minister X will pay an official visit to China" from Viet Nam's foreign ministry).
    doc.government = prov.publisher.as_deref().and_then(|p| government_of(p, lex));
    if let Some(c) = doc.government {
        for person in &mut found_people {
            if person.country.is_none()
                && person.role.is_some()
                && person.known.is_none()
                && !person.international
            {
                person.country = Some(c);
                person.guessed = true;
            }
        }
    }
    let pair = events::principal_pair(&doc, &found_people, lex);
    people::place_by_counterpart(&doc, &mut found_people, &pair);
    people::place_envoys(&doc, &mut found_people, &pair, lex);
    people::place_by_sentence(&doc, &mut found_people, &pair, lex);
    people::place_on_behalf(&doc, &mut found_people, lex);
    let quotations = claims::quotes(&doc);
    let raw_claims = claims::find(&doc, lex, &prov.sentences, &quotations);
    let unbound = claims::unbound_roles(&doc, &found_people, lex, &raw_claims);
    people::bind_roles(&doc, &mut found_people, &unbound);
    let quotes: Vec<(usize, usize)> = quotations.iter().map(|q| (q.start, q.end)).collect();
    let found_events = events::find(&doc, &found_people, lex, &prov.sentences, &quotes, &pair);

    let span = |(s, e): (usize, usize)| Span {
        start: s,
        end: e,
        text: doc.text.slice(s, e).to_owned(),
    };
    let article_iri = format!("{base}id/article/{}", article.id());
    let country_iri = |c: usize| format!("{base}id/country/{}", lex.countries[c].iso3);

    let title = article.field("title").map(str::to_owned).or_else(|| {
        doc.sentences
            .iter()
            .find(|s| s.kind == text::LineKind::Heading)
            .map(|s| doc.text.slice(s.start, s.end).to_owned())
    });
    let known_keys = [
        "title",
        "publisher",
        "original_outlet",
        "url",
        "date",
        "translated",
        "verified",
    ];
    let info = ArticleInfo {
        iri: article_iri.clone(),
        id: article.id().to_owned(),
        content_hash: article.content_hash.clone(),
        title,
        publisher: prov.publisher.clone(),
        original_outlet: prov.original_outlet.clone(),
        url: article.field("url").map(str::to_owned),
        date: article.field("date").map(str::to_owned),
        translated: prov.translated,
        verified_by_publisher: prov.verified,
        verification_evidence: prov.verification_evidence.map(span),
        translation_evidence: prov.translation_evidence.map(span),
        metadata: article
            .header
            .iter()
            .filter(|f| !known_keys.contains(&f.key.as_str()))
            .map(|f| (f.key.clone(), f.value.clone()))
            .collect(),
    };

    let mut countries: Vec<CountryOut> = Vec::new();
    let mut organisations: Vec<OrgOut> = Vec::new();
    for m in &doc.mentions {
        match m.entry {
            Entry::Country(c, _) => {
                let iso3 = &lex.countries[c].iso3;
                match countries.iter_mut().find(|o| &o.iso3 == iso3) {
                    Some(o) => o.mentions.push(span((m.start, m.end))),
                    None => countries.push(CountryOut {
                        iri: country_iri(c),
                        name: lex.countries[c].name.clone(),
                        iso3: iso3.clone(),
                        mentions: vec![span((m.start, m.end))],
                    }),
                }
            }
            Entry::Org(o) => {
                let org = &lex.organisations[o];
                match organisations.iter_mut().find(|x| x.name == org.name) {
                    Some(x) => x.mentions.push(span((m.start, m.end))),
                    None => organisations.push(OrgOut {
                        iri: format!("{base}id/org/{}", slug(&org.name)),
                        name: org.name.clone(),
                        kind: org.kind.clone(),
                        country: org.country.map(|c| lex.countries[c].name.clone()),
                        mentions: vec![span((m.start, m.end))],
                    }),
                }
            }
            Entry::Person(_) => {}
        }
    }
    let leaders: Vec<LeaderOut> = found_people
        .iter()
        .map(|p| {
            (
                p,
                p.known.or_else(|| lex.person_by_key(&names::name_key(&p.name))),
            )
        })
        .map(|(p, known)| LeaderOut {
            iri: person_iri(base, lex, p),
            canonical: known.map(|k| lex.people[k].name.to_owned()),
            known,
            name: p.name.clone(),
            role: p.role.as_ref().map(|r| {
                // "Hon. Prime Minister": a form of address is not part of the office.
                let r = ["Hon. ", "Hon ", "the Hon ", "H.E. "]
                    .iter()
                    .find_map(|h| r.strip_prefix(h))
                    .unwrap_or(r);
                if p.former && !r.starts_with("former") {
                    format!("former {r}")
                } else {
                    r.to_owned()
                }
            }),
            country: p.country.map(|c| lex.countries[c].name.clone()),
            country_iso3: p.country.map(|c| lex.countries[c].iso3.clone()),
            former: p.former,
            role_mention: p.role_span.map(span),
            gazetteer_source: p.known.map(|k| lex.people[k].source.to_owned()),
            mentions: p.mentions.iter().copied().map(span).collect(),
        })
        .collect();
    let mut events: Vec<EventOut> = found_events
        .iter()
        .enumerate()
        .map(|(i, e)| EventOut {
            iri: format!("{article_iri}/event/{}", i + 1),
            kind: e.kind.clone(),
            cameo: e.cameo.clone(),
            participants: e
                .participants
                .iter()
                .map(|&c| lex.countries[c].name.clone())
                .collect(),
            participants_iso3: e
                .participants
                .iter()
                .map(|&c| lex.countries[c].iso3.clone())
                .collect(),
            from: e.source.map(|c| lex.countries[c].name.clone()),
            to: e.target.map(|c| lex.countries[c].name.clone()),
            status: e.status.key().to_owned(),
            sentence: span(e.sentence),
            trigger: span(e.trigger),
            date: None,
            date_text: None,
            place: e.place.map(span),
            reported_by: None,
        })
        .collect();
    // Event dates, resolved against the article's date.
    let article_day = info.date.as_deref().and_then(time::article_day);
    // Several events of one sentence share its time expression: looked up once.
    let mut seen: Vec<SeenTime> = Vec::new();
    for (e, found) in events.iter_mut().zip(&found_events) {
        let forwards = matches!(found.status, events::Status::Planned | events::Status::Proposed);
        // What took place looks back, whatever else the sentence plans ("met in Brussels on
        // Monday for talks on a plan to ...", "the agreement reached in Ankara in December
        // remains vague on how Ethiopia will gain access").
        let past = found.status == events::Status::Occurred;
        let resolve = |text: &str| {
            if past {
                time::find_directed(text, article_day, false)
            } else {
                time::find(text, article_day, forwards)
            }
        };
        let known = seen
            .iter()
            .find(|(s, f, _)| *s == found.sentence && *f == (forwards, past))
            .map(|(_, _, t)| t.clone());
        let t = known.unwrap_or_else(|| {
            let sentence = doc.text.slice(found.sentence.0, found.sentence.1);
            let t = resolve(sentence);
            seen.push((found.sentence, (forwards, past), t.clone()));
            t
        });
        let base = doc.text.byte(found.sentence.0);
        let at = |t: &time::Found, base: usize| {
            (
                doc.text.char_at(base + t.bytes.0),
                doc.text.char_at(base + t.bytes.1),
            )
        };
        // The time of the trigger's own clause: in "met X in Beijing, who is preparing a visit
        // expected in May", May is the visit's.
        let inside = |(a, b): (usize, usize)| a >= found.clause.0 && b <= found.clause.1;
        let t = match t {
            None => None,
            Some(t) if inside(at(&t, base)) => Some((t.clone(), at(&t, base))),
            // The sentence's first time is another clause's: the trigger's clause may hold one.
            Some(_) => {
                let clause = doc.text.slice(found.clause.0, found.clause.1);
                let clause_base = doc.text.byte(found.clause.0);
                resolve(clause).map(|t| {
                    let span = at(&t, clause_base);
                    (t, span)
                })
            }
        };
        // "agreed on Thursday to reopen the checkpoints", "announced Saturday they will
        // restore relations": a time right after a verb in the past tense, before the "to" or
        // "will" of what is planned, dates that verb's act; the planned one may have its own
        // time after its trigger.
        let t = match t {
            Some((_, (a, b)))
                if forwards
                    && b <= found.trigger.0
                    && governed_time(&doc, found.sentence.0, (a, b), found.trigger.0) =>
            {
                let rest = doc.text.slice(found.trigger.0, found.sentence.1);
                let rest_base = doc.text.byte(found.trigger.0);
                resolve(rest).map(|t| {
                    let span = at(&t, rest_base);
                    (t, span)
                })
            }
            other => other,
        };
        // "reopened several border gates that were closed last month": a time inside a relative
        // clause after the trigger is that clause's, unless the clause tells when the happening
        // itself took place ("the talks, which began on Monday").
        let t = t.filter(|(_, (a, _))| {
            *a < found.trigger.1 || !relative_clause_time(doc.text.slice(found.trigger.1, *a))
        });
        // What is planned or proposed is not dated before the article ("keep a ceasefire that
        // ended five days of fighting last month": another act's time).
        let t = t.filter(|(t, _)| {
            !forwards
                || article_day.is_none_or(|d| {
                    // A week's grace: "will pay a visit from April 8 to 9", told on April 9.
                    let d = d.plus_days(-7);
                    let d = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
                    let n = t.value.len().min(d.len());
                    t.value.as_str() >= &d[..n]
                })
        });
        if let Some((t, (a, b))) = t {
            e.date = Some(t.value);
            e.date_text = Some(span((a, b)));
        }
    }
    let mut claims_out: Vec<ClaimOut> = Vec::new();
    // The source of each raw claim, as the output names it (`None` when unresolved).
    let mut claim_sources: Vec<Option<serde_json::Value>> = Vec::new();
    let mut last_plural: Option<(usize, claims::Source)> = None;
    // The last source named by a name alone (someone who is not an official, "Fatu Sesay, a
    // trader, said"), with where it was named: "she said" after it is that person, unless an
    // official was mentioned since.
    let mut last_named: Option<(usize, claims::Source)> = None;
    // The last source that is one country or one organisation, with its paragraph: "It also
    // accused ..." after "China said ..." is China's.
    let mut last_thing: Option<(usize, claims::Source)> = None;
    // The last source that is one person, with its paragraph: ", she added." closing a sentence
    // goes on with that speaker, not with someone the sentence names.
    let mut last_person: Option<(usize, claims::Source)> = None;
    for c in &raw_claims {
        claim_sources.push(None);
        // A quotation carried over from another keeps that one's subject span, so one
        // resolution serves both.
        let subject = doc.text.slice(c.subject.0, c.subject.1).trim();
        let source = if c.by_publisher {
            let Some(publisher) = info.publisher.clone() else {
                continue;
            };
            claims::Source {
                names: vec![publisher],
                ..claims::Source::default()
            }
        } else {
            // "she said" with no official before it: the person last named as a source
            // ("..., said Dina Esfandiary of the International Crisis Group").
            let pronoun = matches!(subject, "he" | "she" | "He" | "She");
            let Some(source) = claims::resolve(&doc, &found_people, lex, c.subject, &pair).or_else(|| {
                last_named
                    .as_ref()
                    // (a quotation carried over from one of that person's keeps its pronoun)
                    .filter(|(at, _)| pronoun && *at <= c.subject.1)
                    .map(|(_, named)| named.clone())
            }) else {
                continue;
            };
            source
        };
        // "They reaffirmed ..." after "The three leaders stressed ...": the same sources, when the
        // pronoun found no one nearer.
        let paragraph = doc.sentences[c.sentence].paragraph;
        let source = match &last_plural {
            Some((p, previous))
                if source.names == ["They"]
                    && paragraph.abs_diff(*p) <= 2
                    && doc.text.slice(c.subject.0, c.subject.1).trim() == "They" =>
            {
                previous.clone()
            }
            _ => source,
        };
        let source = match &last_named {
            Some((at, named))
                if matches!(subject, "he" | "she" | "He" | "She")
                    && *at < c.subject.0
                    && source.people.iter().all(|&i| {
                        found_people[i]
                            .mentions
                            .iter()
                            .filter(|m| m.1 <= c.subject.0)
                            .all(|m| m.1 <= *at)
                    }) =>
            {
                named.clone()
            }
            _ => source,
        };
        let closing_pronoun = matches!(subject, "he" | "she" | "He" | "She") && c.subject.0 > c.text.0;
        let source = match &last_person {
            Some((p, previous)) if closing_pronoun && paragraph.abs_diff(*p) <= 2 => previous.clone(),
            _ => source,
        };
        let it = subject.split_whitespace().next() == Some("It") && subject.split_whitespace().count() <= 2;
        let source = match &last_thing {
            Some((p, previous)) if it && paragraph.abs_diff(*p) <= 2 => previous.clone(),
            _ => source,
        };
        if source.names.len() > 1 {
            last_plural = Some((paragraph, source.clone()));
        }
        if source.people.is_empty() && source.countries.len() + source.organisations.len() == 1 {
            last_thing = Some((paragraph, source.clone()));
        } else if !source.people.is_empty() || source.names.len() > 1 {
            last_thing = None;
        }
        // A source named by a name alone, someone who is not an official.
        let named_alone = source.names.len() == 1
            && source.people.is_empty()
            && source.countries.is_empty()
            && source.organisations.is_empty()
            && !c.by_publisher
            && (2..=4).contains(&source.names[0].split_whitespace().count());
        // A named person, an official or not ("Fatu Sesay, a palm oil trader, said").
        let private_person = named_alone
            && source.names[0]
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        if source.names.len() == 1 && (source.people.len() == 1 || private_person) {
            last_person = Some((paragraph, source.clone()));
        }
        if named_alone {
            last_named = Some((c.subject.1, source.clone()));
        } else if !source.people.is_empty() {
            last_named = None;
        }
        let hedge = claims::hedge(&doc, c.text, lex);
        let attributed_to = if source.names.len() == 1 {
            serde_json::Value::String(source.names[0].clone())
        } else {
            serde_json::Value::Array(
                source
                    .names
                    .iter()
                    .cloned()
                    .map(serde_json::Value::String)
                    .collect(),
            )
        };
        if let Some(last) = claim_sources.last_mut() {
            *last = Some(attributed_to.clone());
        }
        claims_out.push(ClaimOut {
            iri: format!("{article_iri}/claim/{}", claims_out.len() + 1),
            attributed_to,
            text: span(c.text),
            cue: span(c.cue),
            hedged: hedge.is_some(),
            hedge,
        });
    }
    // An event told inside a claim is reported by the claim's source (not by the publisher,
    // which reports everything).
    for (e, found) in events.iter_mut().zip(&found_events) {
        let (a, b) = found.sentence;
        e.reported_by = raw_claims
            .iter()
            .zip(&claim_sources)
            .find(|(c, source)| {
                // The event is what the source says, not what the reporting clause tells the
                // source did ("The two leaders held talks in Hanoi and announced ...").
                // The verb phrase between the subject and the cue belongs to it too ("... where
                // he met President Ruto and announced ...").
                let in_reporting_clause = (c.subject.0 <= found.trigger.0
                    && found.trigger.1 <= c.subject.1.max(c.cue.0))
                    || before_what_is_said(&doc, c, found.trigger);
                source.is_some()
                    && !c.by_publisher
                    && !in_reporting_clause
                    && c.text.0 < b
                    && a < c.text.1
                    && {
                        let inter = c.text.1.min(b) - c.text.0.max(a);
                        inter * 2 >= b - a
                    }
            })
            .and_then(|(_, source)| source.clone());
    }
    // A country that takes part in an event is one the article is about, though the text may
    // name only its officials ("Vladimir Putin had a telephone conversation with ..."): listed,
    // with no mention of its own.
    for e in &found_events {
        for &c in &e.participants {
            let iso3 = &lex.countries[c].iso3;
            if !countries.iter().any(|o| &o.iso3 == iso3) {
                countries.push(CountryOut {
                    iri: country_iri(c),
                    name: lex.countries[c].name.clone(),
                    iso3: iso3.clone(),
                    mentions: Vec::new(),
                });
            }
        }
    }
    Extraction {
        article: info,
        countries,
        leaders,
        events,
        claims: claims_out,
        organisations,
        principal_pair: pair.iter().map(|&c| lex.countries[c].name.clone()).collect(),
    }
}
