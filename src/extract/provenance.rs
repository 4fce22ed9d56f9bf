//! Provenance cues: who published the article, the outlet it came from, whether it was
//! translated, whether the publisher verified it — from the header first, then from the text
//! ("translated and edited by Y", "Y has not verified the content", "X writes", datelines such
//! as "TEHRAN (Tasnim) –").

use crate::article::Article;
use crate::extract::Doc;
use crate::extract::text::{LineKind, latin_letter, latin_upper};
use regex::Regex;
use std::sync::OnceLock;

/// What the article says about where it comes from.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The outlet that published this text.
    pub publisher: Option<String>,
    /// The outlet the text was translated or taken from.
    pub original_outlet: Option<String>,
    /// The text says it was translated.
    pub translated: bool,
    /// `Some(false)` when the text says the publisher has not verified it, `Some(true)` when it
    /// says it has, `None` when it says nothing.
    pub verified: Option<bool>,
    /// The sentence that states the verification status (code points).
    pub verification_evidence: Option<(usize, usize)>,
    /// The sentence that states the translation (code points).
    pub translation_evidence: Option<(usize, usize)>,
    /// Sentences that are provenance statements, not article content (indexes).
    pub sentences: Vec<usize>,
}

struct Patterns {
    translated_by: Regex,
    translated_from: Regex,
    not_verified: Regex,
    cannot_verify: Regex,
    verified: Regex,
    writes: Regex,
    dateline: Regex,
}

#[expect(
    clippy::expect_used,
    reason = "fixed patterns, exercised by every extraction test"
)]
fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    let (upper, letter) = (latin_upper!(), latin_letter!());
    P.get_or_init(|| Patterns {
        translated_by: Regex::new(r"(?i)(?-u:\b)translated\s+(?:and\s+edited\s+|and\s+adapted\s+)?by\s+(?P<who>[^.;,]+)").expect("re"),
        translated_from: Regex::new(r"(?i)(?-u:\b)translated\s+from(?-u:\b)|(?-u:\b)(?:english\s+)?translation\s+(?:of|from)(?-u:\b)").expect("re"),
        not_verified: Regex::new(&format!(r"(?P<who>[{upper}][{letter}\s.'’&-]{{1,60}}?)\s+(?:has|have|had|did)\s+not\s+(?:independently\s+)?verif")).expect("re"),
        cannot_verify: Regex::new(r"(?i)(?-u:\b)(?:could|can|cannot|can't|was\s+unable\s+to|were\s+unable\s+to)\s*(?:not\s+)?(?:be\s+)?(?:independently\s+)?verif(?:y|ied)(?-u:\b)").expect("re"),
        verified: Regex::new(r"(?i)(?-u:\b)(?:has|have)\s+(?:independently\s+)?verified\s+(?:the\s+|this\s+)?(?:content|information|report|story|footage|article)").expect("re"),
        writes: Regex::new(&format!(r"(?P<who>[{upper}][{letter}\-’']*(?:\s+[{upper}][{letter}\-’']*){{0,4}})\s+(?:writes|wrote)(?-u:\b)")).expect("re"),
        dateline: Regex::new(&format!(r"^[{upper}][{upper}\s.,]+?\s*\((?P<who>[^)]{{2,40}})\)\s*[–—-]")).expect("re"),
    })
}

fn truthy(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Reads the provenance of an article.
pub fn find(doc: &Doc<'_>, article: &Article) -> Provenance {
    let p = patterns();
    let mut out = Provenance::default();
    let mut translator = None;
    let mut writer = None;
    let mut dateline = None;
    // Most articles hold none of the cue words: one look at the whole body spares the
    // per-sentence work.
    let body = &doc.text.folded[doc.body_start..];
    let any = |needle: &[u8]| memchr::memmem::find(body, needle).is_some();
    let doc_has_cues = any(b"translat") || any(b"verif") || any(b"lies entirely");
    for (i, s) in doc.sentences.iter().enumerate() {
        if !doc_has_cues && i >= 8 {
            break;
        }
        if s.kind == LineKind::Boilerplate {
            continue;
        }
        let text = doc.text.slice(s.start, s.end);
        let folded = &doc.text.folded[s.start..s.end];
        let has = |needle: &[u8]| memchr::memmem::find(folded, needle).is_some();
        let mut is_provenance = false;
        let (translat, verif) = (has(b"translat"), has(b"verif"));
        if !translat && !verif && !has(b"lies entirely") && i >= 8 {
            continue;
        }
        if !translat {
        } else if let Some(c) = p.translated_by.captures(text) {
            out.translated = true;
            translator = c.name("who").map(|w| w.as_str().trim().to_owned());
            out.translation_evidence = Some((s.start, s.end));
            is_provenance = true;
        } else if p.translated_from.is_match(text) {
            out.translated = true;
            out.translation_evidence = Some((s.start, s.end));
            is_provenance = true;
        }
        if !verif {
        } else if p.not_verified.is_match(text) || p.cannot_verify.is_match(text) {
            out.verified = Some(false);
            out.verification_evidence = Some((s.start, s.end));
            is_provenance = true;
        } else if p.verified.is_match(text) {
            out.verified = Some(true);
            out.verification_evidence = Some((s.start, s.end));
            is_provenance = true;
        }
        if text.starts_with("Responsibility for the information")
            || text.contains("lies entirely with the author")
        {
            is_provenance = true;
        }
        if writer.is_none()
            && i < 8
            && let Some(c) = p.writes.captures(text)
        {
            writer = c.name("who").map(|w| w.as_str().trim().to_owned());
        }
        if dateline.is_none()
            && i < 3
            && let Some(c) = p.dateline.captures(text)
        {
            dateline = c.name("who").map(|w| w.as_str().trim().to_owned());
        }
        if is_provenance {
            out.sentences.push(i);
        }
    }
    if let Some(v) = article.field("translated").and_then(truthy) {
        out.translated = v;
    }
    if let Some(v) = article
        .field("verified")
        .or(article.field("verified_by_publisher"))
        .and_then(truthy)
    {
        out.verified = Some(v);
    }
    out.publisher = article
        .field("publisher")
        .map(str::to_owned)
        .or(translator)
        .or(dateline);
    out.original_outlet = article
        .field("original_outlet")
        .map(str::to_owned)
        .or_else(|| writer.filter(|w| out.publisher.as_deref() != Some(w.as_str())));
    out
}
