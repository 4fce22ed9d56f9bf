//! Facts into quads: pure (an [`Extraction`] in, quads out; no store).
//!
//! Each article gets two named graphs: its **statement graph** `<base>graph/article/ID` (every
//! mention, entity link, event, claim and role it brought) and beside it its **provenance graph**
//! `<base>graph/article/ID/provenance` (the article, publisher, original outlet and translation
//! activity, verification status and its evidence, the extraction run, and the RDFC-1.0 digest of
//! the statement graph — which cannot sit inside the graph it hashes).
//!
//! Every statement is grounded: `gaf:denotedBy` links it to a mention `<article>#char=s,e`
//! (RFC 5147: the offsets are in the IRI), described with NIF's `nif:anchorOf` (the words) and
//! `nif:referenceContext` (the article's text, a `nif:Context`). Claims are nodes attributed to their source; their content is never
//! asserted.

#![expect(
    clippy::many_single_char_names,
    reason = "x, a, g, p: the extraction, its article, the two graph builders"
)]

use crate::extract::lexicon::{Entry, Lexicon};
use crate::extract::{Extraction, slug};
use crate::vocab::{BIL, DCT, GAF, NIF, PROV, RDF_TYPE, RDFS, SCHEMA, SEM, SKOS, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// The graph where people, organisations, outlets and the software are described, once for the
/// whole store: `<base>graph/entities`.
pub fn entity_graph(base: &str) -> String {
    format!("{base}graph/entities")
}

/// An organisation's description: type, name, the other names the gazetteer gives it, and its
/// country.
fn describe_org(
    ent: &mut Builder,
    lex: &Lexicon,
    org: &NamedNode,
    name: &str,
    base: &str,
) -> Result<(), ModelError> {
    ent.add(
        org.clone(),
        &NamedNode::new_unchecked(RDF_TYPE),
        term(SCHEMA, "Organization"),
    );
    ent.add(
        org.clone(),
        &term(SCHEMA, "name"),
        Literal::new_simple_literal(name),
    );
    if let Some(i) = lex.organisations.iter().position(|o| o.name == name) {
        for other in lex.names_of(Entry::Org(i)).into_iter().filter(|n| *n != name) {
            ent.add(
                org.clone(),
                &term(SKOS, "altLabel"),
                Literal::new_simple_literal(other),
            );
        }
        if let Some(c) = lex.organisations[i].country {
            ent.add(
                org.clone(),
                &term(BIL, "country"),
                iri(format!("{base}id/country/{}", lex.countries[c].iso3))?,
            );
        }
    }
    Ok(())
}

/// The offices the gazetteer gives a known person, with their dates: `<person>/office/N`, a
/// `bil:Office` (not a `bil:RoleAssignment`, which is what an article says and is grounded in
/// its words). At most [`MAX_OFFICES`], the latest.
fn describe_offices(
    ent: &mut Builder,
    lex: &Lexicon,
    k: usize,
    person: &NamedNode,
    base: &str,
) -> Result<(), ModelError> {
    let known = &lex.people[k];
    let skip = known.terms.len().saturating_sub(MAX_OFFICES);
    for (i, t) in known.terms.iter().enumerate().skip(skip) {
        let office = iri(format!("{}/office/{}", person.as_str(), i + 1))?;
        ent.add(
            office.clone(),
            &NamedNode::new_unchecked(RDF_TYPE),
            term(BIL, "Office"),
        );
        ent.add(office.clone(), &term(BIL, "holder"), person.clone());
        ent.add(
            office.clone(),
            &term(BIL, "roleName"),
            Literal::new_simple_literal(t.role),
        );
        if let Some(c) = t.country {
            ent.add(
                office.clone(),
                &term(BIL, "roleOf"),
                iri(format!("{base}id/country/{}", lex.countries[c].iso3))?,
            );
        }
        for (p, date) in [("startDate", t.from), ("endDate", t.to)] {
            if date.len() == 10 {
                ent.add(
                    office.clone(),
                    &term(BIL, p),
                    Literal::new_typed_literal(date, term(XSD, "date")),
                );
            }
        }
        ent.add(
            office,
            &term(DCT, "source"),
            Literal::new_simple_literal(known.source),
        );
    }
    Ok(())
}

/// The most gazetteer offices described for one person (the Phoenix dictionaries give some
/// people dozens).
const MAX_OFFICES: usize = 12;

/// The result of modelling one article.
#[derive(Debug, Clone)]
pub struct ArticleGraphs {
    /// The article's IRI.
    pub article: NamedNode,
    /// The statement graph.
    pub statements: NamedNode,
    /// The provenance graph.
    pub provenance: NamedNode,
    /// Quads of both graphs, and the descriptions of the entities they name in the entity
    /// graph ([`entity_graph`]).
    pub quads: Vec<Quad>,
    /// The RDFC-1.0 SHA-256 digest of the statement graph (hex).
    pub digest: String,
}

/// Errors of modelling.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// An IRI could not be built (a bad base IRI).
    #[error("cannot build an IRI: {0}")]
    Iri(String),
    /// The canonicalisation refused the graph (too complex) or failed.
    #[error("cannot compute the canonical digest: {0}")]
    Digest(String),
}

/// The extraction run, recorded as a `prov:Activity`.
#[derive(Debug, Clone)]
pub struct Run {
    /// When it ran (`xsd:dateTime` lexical form).
    pub time: String,
}

impl Run {
    /// A run now.
    pub fn now() -> Self {
        Self { time: now_rfc3339() }
    }
}

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

struct Builder {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Builder {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: &NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p.clone(), o, self.graph.clone()));
    }

    /// A mention `<article>#char=s,e`: its words and the text they are in. Its offsets and its
    /// article are in its IRI (RFC 5147), and it is a `nif:String` by the domain of
    /// `nif:anchorOf`: two quads, where the type and the offsets as literals made five (half of
    /// an article's quads went to mentions).
    fn mention(&mut self, m: &NamedNode, words: &str, context: &NamedNode) {
        self.add(
            m.clone(),
            &term(NIF, "anchorOf"),
            Literal::new_simple_literal(words),
        );
        self.add(m.clone(), &term(NIF, "referenceContext"), context.clone());
    }
}

fn iri(s: String) -> Result<NamedNode, ModelError> {
    match NamedNode::new(s) {
        Ok(n) => Ok(n),
        Err(e) => Err(ModelError::Iri(e.to_string())),
    }
}

fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// An offset. `xsd:integer`, not NIF's `xsd:nonNegativeInteger`: oxigraph stores the latter as
/// `xsd:integer`, which would change the graph (and its digest) between ingestion and reading.
fn uint(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), term(XSD, "integer"))
}

fn boolean(b: bool) -> Literal {
    Literal::new_typed_literal(if b { "true" } else { "false" }, term(XSD, "boolean"))
}

/// A date literal: `xsd:date` when the text starts with `YYYY-MM-DD`, else a plain string.
fn date_literal(text: &str) -> Literal {
    let head: String = text.chars().take(10).collect();
    let is_date = head.len() == 10
        && head.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_date {
        Literal::new_typed_literal(head, term(XSD, "date"))
    } else {
        Literal::new_simple_literal(text)
    }
}

/// The class of an event type.
pub fn event_class(kind: &str) -> &'static str {
    match kind {
        "detainee_transfer" => "DetaineeTransfer",
        "border_crossing_reopening" => "BorderCrossingReopening",
        "border_security" => "BorderSecurity",
        "intelligence_sharing" => "IntelligenceSharing",
        "official_visit" => "OfficialVisit",
        "meeting" => "Meeting",
        "agreement" => "Agreement",
        "trade" => "Trade",
        "energy" => "Energy",
        "statement" => "Statement",
        _ => "OtherInteraction",
    }
}

/// Models one article's extraction. `base` ends with `/`.
#[expect(
    clippy::too_many_lines,
    reason = "one block per kind of fact, in the order of the contract"
)]
pub fn model(x: &Extraction, full_text: &str, base: &str, run: &Run) -> Result<ArticleGraphs, ModelError> {
    let a = &x.article;
    let article = iri(a.iri.clone())?;
    let statements = iri(format!("{base}graph/article/{}", a.id))?;
    let provenance = iri(format!("{base}graph/article/{}/provenance", a.id))?;
    let rdf_type = NamedNode::new_unchecked(RDF_TYPE);
    let denoted = term(GAF, "denotedBy");
    let name = term(SCHEMA, "name");

    let mut g = Builder {
        graph: statements.clone().into(),
        quads: Vec::new(),
    };
    // People, organisations, outlets and the software are described once, in the entity graph;
    // an article's graphs hold only its mentions of them and what it says.
    let mut ent = Builder {
        graph: iri(entity_graph(base))?.into(),
        quads: Vec::new(),
    };
    let lex = Lexicon::get();
    // The text as a NIF context, so that every mention can be checked against it.
    let length = full_text.chars().count();
    let context = iri(format!("{}#char=0,{length}", a.iri))?;
    g.add(context.clone(), &rdf_type, term(NIF, "Context"));
    g.add(
        context.clone(),
        &term(NIF, "isString"),
        Literal::new_simple_literal(full_text),
    );
    g.add(context.clone(), &term(NIF, "beginIndex"), uint(0));
    g.add(context.clone(), &term(NIF, "endIndex"), uint(length));
    g.add(context.clone(), &term(NIF, "sourceUrl"), article.clone());
    let mut mentions_seen = std::collections::HashSet::new();
    let mut mention = |g: &mut Builder, span: &crate::extract::Span| -> Result<NamedNode, ModelError> {
        let m = iri(format!("{}#char={},{}", a.iri, span.start, span.end))?;
        if mentions_seen.insert((span.start, span.end)) {
            g.mention(&m, &span.text, &context);
        }
        Ok(m)
    };

    // Countries are typed and named in the reference graph: repeating `a schema:Country` here
    // would make oxigraph 0.5's union default graph count them once more per article.
    for c in &x.countries {
        let country = iri(c.iri.clone())?;
        for span in &c.mentions {
            let m = mention(&mut g, span)?;
            g.add(country.clone(), &denoted, m);
        }
    }
    for o in &x.organisations {
        let org = iri(o.iri.clone())?;
        describe_org(&mut ent, lex, &org, &o.name, base)?;
        for span in &o.mentions {
            let m = mention(&mut g, span)?;
            g.add(org.clone(), &denoted, m);
        }
    }
    let country_of = |name: &str| x.countries.iter().find(|c| c.name == name).map(|c| c.iri.clone());
    let country_iri_by_name = |name: &str, iso3: Option<&str>| -> Option<String> {
        iso3.map(|i| format!("{base}id/country/{i}"))
            .or_else(|| country_of(name))
    };
    for (i, l) in x.leaders.iter().enumerate() {
        let person = iri(l.iri.clone())?;
        ent.add(person.clone(), &rdf_type, term(SCHEMA, "Person"));
        let canonical = l.canonical.as_deref().unwrap_or(&l.name);
        ent.add(person.clone(), &name, Literal::new_simple_literal(canonical));
        let known = l.known;
        let mut other_names = vec![l.name.as_str()];
        if let Some(k) = known {
            other_names.extend(lex.names_of(Entry::Person(k)));
            describe_offices(&mut ent, lex, k, &person, base)?;
            if let Some(c) = lex.people[k].country {
                ent.add(
                    person.clone(),
                    &term(BIL, "country"),
                    iri(format!("{base}id/country/{}", lex.countries[c].iso3))?,
                );
            }
        } else if let Some(iso3) = &l.country_iso3 {
            ent.add(
                person.clone(),
                &term(BIL, "country"),
                iri(format!("{base}id/country/{iso3}"))?,
            );
        }
        for other in other_names.into_iter().filter(|n| *n != canonical) {
            ent.add(
                person.clone(),
                &term(SKOS, "altLabel"),
                Literal::new_simple_literal(other),
            );
        }
        for span in &l.mentions {
            let m = mention(&mut g, span)?;
            g.add(person.clone(), &denoted, m);
        }
        if let Some(role) = &l.role {
            let r = iri(format!("{}/role/{}", a.iri, i + 1))?;
            g.add(r.clone(), &rdf_type, term(BIL, "RoleAssignment"));
            g.add(r.clone(), &term(BIL, "holder"), person.clone());
            g.add(
                r.clone(),
                &term(BIL, "roleName"),
                Literal::new_simple_literal(role.trim_start_matches("former ")),
            );
            if let Some(c) = l
                .country
                .as_deref()
                .and_then(|c| country_iri_by_name(c, l.country_iso3.as_deref()))
            {
                g.add(r.clone(), &term(BIL, "roleOf"), iri(c)?);
            }
            g.add(r.clone(), &term(BIL, "former"), boolean(l.former));
            if let Some(date) = &a.date {
                g.add(r.clone(), &term(BIL, "reportedOn"), date_literal(date));
            }
            let grounding = l.role_mention.as_ref().or(l.mentions.first());
            if let Some(span) = grounding {
                let m = mention(&mut g, span)?;
                g.add(r.clone(), &denoted, m);
            }
        }
    }
    for e in &x.events {
        let ev = iri(e.iri.clone())?;
        g.add(ev.clone(), &rdf_type, term(BIL, event_class(&e.kind)));
        let direction = match (&e.from, &e.to) {
            (Some(f), Some(t)) => format!("{f} → {t}"),
            _ => e.participants.join(", "),
        };
        g.add(
            ev.clone(),
            &term(RDFS, "label"),
            Literal::new_simple_literal(format!(
                "{} ({}): {direction}",
                e.kind.replace('_', " "),
                e.status
            )),
        );
        g.add(ev.clone(), &rdf_type, term(SEM, "Event"));
        if !e.cameo.is_empty() {
            g.add(
                ev.clone(),
                &term(BIL, "cameo"),
                iri(format!("https://w3id.org/bilateral/cameo/{}", e.cameo))?,
            );
        }
        g.add(ev.clone(), &term(BIL, "status"), term(BIL, &e.status));
        for iso3 in &e.participants_iso3 {
            g.add(
                ev.clone(),
                &term(SEM, "hasActor"),
                iri(format!("{base}id/country/{iso3}"))?,
            );
        }
        if let Some(c) = e.from.as_deref().and_then(country_of) {
            g.add(ev.clone(), &term(BIL, "source"), iri(c)?);
        }
        if let Some(c) = e.to.as_deref().and_then(country_of) {
            g.add(ev.clone(), &term(BIL, "target"), iri(c)?);
        }
        if let Some(date) = &a.date {
            g.add(ev.clone(), &term(BIL, "reportedOn"), date_literal(date));
        }
        // When it happened, as precise as the text is (sem:hasTimeStamp takes a typed literal:
        // xsd:date, xsd:gYearMonth or xsd:gYear), grounded in the words it was read from.
        if let Some(date) = &e.date {
            let datatype = match date.len() {
                10 => "date",
                7 => "gYearMonth",
                _ => "gYear",
            };
            g.add(
                ev.clone(),
                &term(SEM, "hasTimeStamp"),
                Literal::new_typed_literal(date.clone(), term(XSD, datatype)),
            );
            if let Some(words) = &e.date_text {
                let m = mention(&mut g, words)?;
                g.add(ev.clone(), &term(BIL, "dateMention"), m);
            }
        }
        if let Some(place) = &e.place {
            g.add(
                ev.clone(),
                &term(BIL, "placeName"),
                Literal::new_simple_literal(&place.text),
            );
            let m = mention(&mut g, place)?;
            g.add(ev.clone(), &term(BIL, "placeMention"), m);
        }
        let reporters: Vec<String> = match &e.reported_by {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(v)) => {
                v.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()
            }
            _ => Vec::new(),
        };
        for r in reporters {
            g.add(
                ev.clone(),
                &term(BIL, "reportedBy"),
                Literal::new_simple_literal(r),
            );
        }
        let m = mention(&mut g, &e.sentence)?;
        g.add(ev.clone(), &denoted, m);
        let t = mention(&mut g, &e.trigger)?;
        g.add(ev.clone(), &term(BIL, "trigger"), t);
    }
    for c in &x.claims {
        let claim = iri(c.iri.clone())?;
        g.add(claim.clone(), &rdf_type, term(BIL, "Claim"));
        g.add(claim.clone(), &rdf_type, term(SCHEMA, "Claim"));
        let short: String = c.text.text.chars().take(60).collect();
        let ellipsis = if c.text.text.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        let who = match &c.attributed_to {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(v) => v
                .iter()
                .filter_map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" and "),
            _ => String::new(),
        };
        g.add(
            claim.clone(),
            &term(RDFS, "label"),
            Literal::new_simple_literal(format!("{who}: “{short}{ellipsis}”")),
        );
        let m = mention(&mut g, &c.text)?;
        g.add(claim.clone(), &denoted, m);
        let cue = mention(&mut g, &c.cue)?;
        g.add(claim.clone(), &term(BIL, "cue"), cue);
        g.add(claim.clone(), &term(BIL, "hedged"), boolean(c.hedged));
        let names: Vec<String> = match &c.attributed_to {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(v) => v.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect(),
            _ => Vec::new(),
        };
        for n in &names {
            g.add(
                claim.clone(),
                &term(BIL, "sourceName"),
                Literal::new_simple_literal(n),
            );
            // The source as an entity, when the article's entities include it.
            let entity = x
                .leaders
                .iter()
                .find(|l| &l.name == n)
                .map(|l| l.iri.clone())
                .or_else(|| {
                    x.organisations
                        .iter()
                        .find(|o| &o.name == n)
                        .map(|o| o.iri.clone())
                })
                .or_else(|| country_of(n));
            if let Some(entity) = entity {
                let e = iri(entity)?;
                g.add(claim.clone(), &term(PROV, "wasAttributedTo"), e.clone());
                g.add(claim.clone(), &term(SCHEMA, "author"), e);
            }
        }
        // What the claim is about: the countries its words name.
        for country in &x.countries {
            if country
                .mentions
                .iter()
                .any(|s| s.start >= c.text.start && s.end <= c.text.end)
            {
                g.add(claim.clone(), &term(SCHEMA, "about"), iri(country.iri.clone())?);
            }
        }
    }
    let digest = canonical_digest(&g.quads)?;

    let mut p = Builder {
        graph: provenance.clone().into(),
        quads: Vec::new(),
    };
    p.add(article.clone(), &rdf_type, term(BIL, "Article"));
    p.add(article.clone(), &rdf_type, term(SCHEMA, "NewsArticle"));
    p.add(article.clone(), &rdf_type, term(PROV, "Entity"));
    if let Some(t) = &a.title {
        p.add(
            article.clone(),
            &term(DCT, "title"),
            Literal::new_simple_literal(t),
        );
    }
    if let Some(u) = &a.url
        && let Ok(u) = NamedNode::new(u.as_str())
    {
        p.add(article.clone(), &term(SCHEMA, "url"), u);
    }
    if let Some(d) = &a.date {
        p.add(article.clone(), &term(DCT, "date"), date_literal(d));
    }
    p.add(
        article.clone(),
        &term(BIL, "contentHash"),
        Literal::new_simple_literal(&a.content_hash),
    );
    p.add(
        article.clone(),
        &term(DCT, "identifier"),
        Literal::new_simple_literal(&a.id),
    );
    p.add(article.clone(), &term(BIL, "statementGraph"), statements.clone());
    for (k, v) in &a.metadata {
        p.add(
            article.clone(),
            &term(BIL, "metadata"),
            Literal::new_simple_literal(format!("{k}={v}")),
        );
    }
    // An outlet named in a header ("SANA") is the organisation the gazetteer knows by that name
    // ("Syrian Arab News Agency"), when it knows it.
    let outlet = |ent: &mut Builder, outlet_name: &str| -> Result<NamedNode, ModelError> {
        let canonical = lex
            .organisation_named(outlet_name)
            .map_or(outlet_name, |i| lex.organisations[i].name.as_str());
        let o = iri(format!("{base}id/org/{}", slug(canonical)))?;
        describe_org(ent, lex, &o, canonical, base)?;
        ent.add(o.clone(), &rdf_type, term(PROV, "Organization"));
        if canonical != outlet_name {
            ent.add(
                o.clone(),
                &term(SKOS, "altLabel"),
                Literal::new_simple_literal(outlet_name),
            );
        }
        Ok(o)
    };
    let publisher = match &a.publisher {
        Some(name) => {
            let o = outlet(&mut ent, name)?;
            p.add(article.clone(), &term(PROV, "wasAttributedTo"), o.clone());
            p.add(article.clone(), &term(SCHEMA, "publisher"), o.clone());
            Some(o)
        }
        None => None,
    };
    if a.translated || a.original_outlet.is_some() {
        let original = iri(format!("{}/original", a.iri))?;
        p.add(original.clone(), &rdf_type, term(SCHEMA, "NewsArticle"));
        p.add(original.clone(), &rdf_type, term(PROV, "Entity"));
        p.add(article.clone(), &term(PROV, "wasDerivedFrom"), original.clone());
        if let Some(name) = &a.original_outlet {
            let o = outlet(&mut ent, name)?;
            p.add(original.clone(), &term(PROV, "wasAttributedTo"), o.clone());
            p.add(original.clone(), &term(SCHEMA, "publisher"), o);
        }
        if a.translated {
            let t = iri(format!("{}/translation", a.iri))?;
            p.add(t.clone(), &rdf_type, term(BIL, "Translation"));
            p.add(t.clone(), &rdf_type, term(PROV, "Activity"));
            p.add(t.clone(), &term(PROV, "used"), original.clone());
            if let Some(publisher) = &publisher {
                p.add(t.clone(), &term(PROV, "wasAssociatedWith"), publisher.clone());
            }
            p.add(article.clone(), &term(PROV, "wasGeneratedBy"), t.clone());
            if let Some(span) = &a.translation_evidence {
                let m = iri(format!("{}#char={},{}", a.iri, span.start, span.end))?;
                p.add(t.clone(), &denoted, m.clone());
                p.mention(&m, &span.text, &context);
            }
        }
    }
    let status = match a.verified_by_publisher {
        Some(true) => "VerifiedByPublisher",
        Some(false) => "NotVerifiedByPublisher",
        None => "VerificationUnstated",
    };
    p.add(
        article.clone(),
        &term(BIL, "verificationStatus"),
        term(BIL, status),
    );
    if let Some(span) = &a.verification_evidence {
        let m = iri(format!("{}#char={},{}", a.iri, span.start, span.end))?;
        p.add(article.clone(), &term(BIL, "verificationEvidence"), m.clone());
        p.mention(&m, &span.text, &context);
    }
    let software = iri(format!("{base}id/software/bilateral-{}", crate::VERSION))?;
    ent.add(software.clone(), &rdf_type, term(PROV, "SoftwareAgent"));
    ent.add(software.clone(), &name, Literal::new_simple_literal("bilateral"));
    ent.add(
        software.clone(),
        &term(SCHEMA, "softwareVersion"),
        Literal::new_simple_literal(crate::VERSION),
    );
    let activity = iri(format!("{}/extraction", a.iri))?;
    p.add(activity.clone(), &rdf_type, term(BIL, "Extraction"));
    p.add(activity.clone(), &rdf_type, term(PROV, "Activity"));
    p.add(activity.clone(), &term(PROV, "used"), article.clone());
    p.add(activity.clone(), &term(PROV, "wasAssociatedWith"), software);
    p.add(
        activity.clone(),
        &term(PROV, "endedAtTime"),
        Literal::new_typed_literal(run.time.clone(), term(XSD, "dateTime")),
    );
    p.add(statements.clone(), &rdf_type, term(PROV, "Entity"));
    p.add(statements.clone(), &term(PROV, "wasGeneratedBy"), activity);
    p.add(statements.clone(), &term(PROV, "wasDerivedFrom"), article.clone());
    p.add(
        statements.clone(),
        &term(BIL, "canonicalDigest"),
        Literal::new_simple_literal(&digest),
    );

    let mut quads = g.quads;
    quads.extend(p.quads);
    // An organisation both mentioned and publishing is described once.
    let mut seen = std::collections::HashSet::new();
    quads.extend(ent.quads.into_iter().filter(|q| seen.insert(q.clone())));
    Ok(ArticleGraphs {
        article,
        statements,
        provenance,
        quads,
        digest,
    })
}

/// The RDFC-1.0 canonical form (SHA-256 for blank-node labels) of a set of quads, taken as one
/// graph, hashed with SHA-256 (hex). Uses `sophia_c14n`, whose safeguards refuse graphs that
/// would make canonicalisation run for exponential time.
pub fn canonical_digest(quads: &[Quad]) -> Result<String, ModelError> {
    use sha2::{Digest, Sha256};
    if let Some(canonical) = canonical_without_blank_nodes(quads) {
        return Ok(crate::article::hex(&Sha256::digest(&canonical)));
    }
    Ok(crate::article::hex(&Sha256::digest(&canonical_by_sophia(quads)?)))
}

/// The RDFC-1.0 canonical N-Quads of a graph without blank nodes (an article's statement graph
/// has none): with nothing to relabel, the algorithm's output is the graph's distinct triples,
/// each as a canonical N-Quads line, in code point order. `None` when a blank node is there.
/// The escapes are those of `sophia_c14n` (tested to give the same bytes).
fn canonical_without_blank_nodes(quads: &[Quad]) -> Option<Vec<u8>> {
    use oxigraph::model::{NamedOrBlankNode, Term};
    fn term(out: &mut String, t: &Term) -> Option<()> {
        match t {
            Term::NamedNode(n) => {
                out.push('<');
                out.push_str(n.as_str());
                out.push('>');
            }
            Term::Literal(l) => {
                out.push('"');
                for c in l.value().chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        '\x08' => out.push_str("\\b"),
                        '\x0c' => out.push_str("\\f"),
                        '\x7f' => out.push_str("\\u007F"),
                        c if c <= '\x1f' => {
                            use std::fmt::Write as _;
                            let _ = write!(out, "\\u{:04X}", u32::from(c));
                        }
                        c => out.push(c),
                    }
                }
                out.push('"');
                if let Some(tag) = l.language() {
                    out.push('@');
                    out.push_str(&tag.to_ascii_lowercase());
                } else if l.datatype().as_str() != "http://www.w3.org/2001/XMLSchema#string" {
                    out.push_str("^^<");
                    out.push_str(l.datatype().as_str());
                    out.push('>');
                }
            }
            Term::BlankNode(_) => return None,
        }
        Some(())
    }
    let mut lines: Vec<String> = Vec::with_capacity(quads.len());
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            return None;
        };
        let mut line = String::with_capacity(160);
        line.push('<');
        line.push_str(s.as_str());
        line.push_str("> <");
        line.push_str(q.predicate.as_str());
        line.push_str("> ");
        term(&mut line, &q.object)?;
        line.push_str(" .\n");
        lines.push(line);
    }
    lines.sort_unstable();
    lines.dedup();
    Some(lines.concat().into_bytes())
}

/// RDFC-1.0 canonical N-Quads by `sophia_c14n` (for graphs with blank nodes).
fn canonical_by_sophia(quads: &[Quad]) -> Result<Vec<u8>, ModelError> {
    use sophia_api::source::QuadSource;
    use std::fmt::Write as _;
    let mut nt = String::new();
    for q in quads {
        // Graph names are dropped: the digest is of the graph's triples.
        let _ = writeln!(nt, "{} {} {} .", q.subject, q.predicate, q.object);
    }
    let dataset: std::collections::HashSet<sophia_api::quad::Spog<sophia_api::term::SimpleTerm<'static>>> =
        sophia_turtle::parser::nq::parse_str(&nt)
            .collect_quads()
            .map_err(|e| ModelError::Digest(e.to_string()))?;
    let mut canonical = Vec::new();
    sophia_c14n::rdfc10::normalize(&dataset, &mut canonical)
        .map_err(|e| ModelError::Digest(e.to_string()))?;
    Ok(canonical)
}

/// Serialises quads with the project's prefixes. Formats without graphs (Turtle, N-Triples,
/// RDF/XML, JSON-LD) get the triples; `TriG` and N-Quads keep each quad's graph.
pub fn serialize(quads: &[Quad], format: oxigraph::io::RdfFormat) -> std::io::Result<Vec<u8>> {
    let out = serialize_as_is(quads, format)?;
    if matches!(format, oxigraph::io::RdfFormat::JsonLd { .. }) {
        return compact_jsonld(&out);
    }
    Ok(out)
}

/// The JSON-LD context of every JSON-LD document the service writes (also published at
/// `/context.jsonld`): the prefixes of [`crate::vocab::PREFIXES`].
pub fn jsonld_context() -> serde_json::Value {
    serde_json::Value::Object(
        crate::vocab::PREFIXES
            .iter()
            .map(|(p, ns)| ((*p).to_owned(), serde_json::Value::String((*ns).to_owned())))
            .collect(),
    )
}

/// Compacts the expanded JSON-LD oxigraph writes: property names, types, datatypes and IRIs in
/// the known vocabularies become compact IRIs (`schema:name`, `bil:Claim`), `rdf:type` becomes
/// `@type`, and the context that expands them again is inlined as `@context`.
fn compact_jsonld(expanded: &[u8]) -> std::io::Result<Vec<u8>> {
    use serde_json::Value;
    fn curie(iri: &str) -> String {
        crate::vocab::PREFIXES
            .iter()
            .filter(|(_, ns)| iri.len() > ns.len() && iri.starts_with(ns))
            .max_by_key(|(_, ns)| ns.len())
            .map_or_else(|| iri.to_owned(), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
    }
    fn walk(v: Value) -> Value {
        match v {
            Value::Array(items) => Value::Array(items.into_iter().map(walk).collect()),
            Value::Object(map) => {
                let mut out = serde_json::Map::new();
                for (k, v) in map {
                    match k.as_str() {
                        "@id" if map_is_reference(&v) => {
                            out.insert(k, Value::String(curie(v.as_str().unwrap_or_default())));
                        }
                        "@type" => {
                            out.insert(
                                k,
                                match v {
                                    Value::String(s) => Value::String(curie(&s)),
                                    other => walk(other),
                                },
                            );
                        }
                        _ if k == crate::vocab::RDF_TYPE => {
                            let types: Vec<Value> = v
                                .as_array()
                                .into_iter()
                                .flatten()
                                .filter_map(|t| t.get("@id").and_then(Value::as_str))
                                .map(|t| Value::String(curie(t)))
                                .collect();
                            out.insert("@type".to_owned(), Value::Array(types));
                        }
                        _ if k.starts_with('@') => {
                            out.insert(k, walk(v));
                        }
                        _ => {
                            out.insert(curie(&k), walk(v));
                        }
                    }
                }
                Value::Object(out)
            }
            other => other,
        }
    }
    // Node and graph identifiers stay whole; references to vocabulary terms are compacted.
    fn map_is_reference(v: &Value) -> bool {
        v.as_str().is_some_and(|s| {
            crate::vocab::PREFIXES
                .iter()
                .any(|(_, ns)| s.starts_with(ns) && s.len() > ns.len())
        })
    }
    let parsed: Value = serde_json::from_slice(expanded)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let graph = match walk(parsed) {
        Value::Object(mut o) => o.remove("@graph").unwrap_or(Value::Object(o)),
        other => other,
    };
    let doc = serde_json::json!({ "@context": jsonld_context(), "@graph": graph });
    serde_json::to_vec(&doc).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

fn serialize_as_is(quads: &[Quad], format: oxigraph::io::RdfFormat) -> std::io::Result<Vec<u8>> {
    let mut serializer = oxigraph::io::RdfSerializer::from_format(format);
    for (prefix, ns) in crate::vocab::PREFIXES {
        serializer = serializer
            .with_prefix(*prefix, *ns)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    }
    let mut writer = serializer.for_writer(Vec::new());
    for q in quads {
        if format.supports_datasets() {
            writer.serialize_quad(q)?;
        } else {
            writer.serialize_triple(q.as_ref())?;
        }
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    /// The fast canonical form is byte for byte `sophia_c14n`'s: on every escape, language
    /// tags, datatypes, repeated triples, and the statement graphs of real articles.
    #[test]
    fn canonical_form_without_blank_nodes_is_sophias() {
        let n = |s: &str| NamedNode::new_unchecked(format!("https://example.org/{s}"));
        let g = GraphName::NamedNode(n("g"));
        let every_ascii: String = (0u8..=0x7f).map(char::from).collect::<String>() + "é’\u{2028}";
        let mut quads = vec![
            Quad::new(
                n("a"),
                n("p"),
                Literal::new_simple_literal(&every_ascii),
                g.clone(),
            ),
            Quad::new(n("a"), n("p"), Literal::new_simple_literal("a"), g.clone()),
            Quad::new(
                n("a"),
                n("p"),
                Literal::new_language_tagged_literal_unchecked("a", "EN-gb"),
                g.clone(),
            ),
            Quad::new(
                n("a"),
                n("p"),
                Literal::new_typed_literal("1", n("int")),
                g.clone(),
            ),
            Quad::new(n("a"), n("p"), n("a/b"), g.clone()),
            Quad::new(n("a"), n("p"), n("a"), g.clone()),
            Quad::new(n("a/b"), n("p"), n("a"), g.clone()),
        ];
        quads.push(quads[1].clone());
        assert_eq!(
            canonical_without_blank_nodes(&quads).unwrap(),
            canonical_by_sophia(&quads).unwrap()
        );
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/dev/articles");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let article = crate::article::read(&bytes).unwrap();
            let base = crate::DEFAULT_BASE_IRI;
            let x = crate::extract::extract(&article, base);
            let graphs = model(&x, &article.text, base, &Run::now()).unwrap();
            let statements: Vec<Quad> = graphs
                .quads
                .iter()
                .filter(|q| q.graph_name == GraphName::NamedNode(graphs.statements.clone()))
                .cloned()
                .collect();
            assert_eq!(
                canonical_without_blank_nodes(&statements).unwrap(),
                canonical_by_sophia(&statements).unwrap()
            );
            checked += 1;
        }
        assert!(checked >= 17);
    }
}
