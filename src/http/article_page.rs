//! The article page: the text as stored, with every mention, event and claim highlighted in
//! place (what was extracted, on hover; a link to its IRI's page), and the provenance block.
//! Rendered on the server from the extraction's JSON (the form the extraction cache keeps);
//! every piece of text is escaped, and links go only to this server's `/id/...` pages.

use crate::http::resource::safe_href;
use crate::http::ui::{escape, page};
use axum::response::Html;
use serde_json::Value;
use std::fmt::Write as _;

/// One highlighted span.
struct Mark {
    start: usize,
    end: usize,
    /// CSS class: country, person, org, event, trigger, claim, cue, date, place.
    class: &'static str,
    /// What was extracted, for the tooltip.
    title: String,
    /// The IRI it stands for.
    iri: Option<String>,
}

fn span(v: &Value) -> Option<(usize, usize)> {
    let start = usize::try_from(v.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(v.get("end")?.as_u64()?).ok()?;
    (start < end).then_some((start, end))
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// Every span the extraction grounds its facts in.
#[expect(
    clippy::too_many_lines,
    reason = "one block per kind of fact, in the JSON's order"
)]
fn marks(x: &Value) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut push = |s: Option<(usize, usize)>, class, title: String, iri: Option<String>| {
        if let Some((start, end)) = s {
            out.push(Mark {
                start,
                end,
                class,
                title,
                iri,
            });
        }
    };
    for c in list(x, "claims") {
        let hedge = if c.get("hedged").and_then(Value::as_bool) == Some(true) {
            format!(" (hedged: {})", text(c, "hedge"))
        } else {
            String::new()
        };
        push(
            c.get("text").and_then(span),
            "claim",
            format!(
                "Claim of {}{hedge}: a bil:Claim attributed to its source, never asserted",
                text(c, "attributed_to")
            ),
            c.get("iri").and_then(Value::as_str).map(str::to_owned),
        );
        push(
            c.get("cue").and_then(span),
            "cue",
            format!("Reporting cue of the claim of {}", text(c, "attributed_to")),
            None,
        );
    }
    for e in list(x, "events") {
        let iri = e.get("iri").and_then(Value::as_str).map(str::to_owned);
        let what = format!(
            "Event: {} (CAMEO {}), {}; participants {}{}{}{}",
            text(e, "type").replace('_', " "),
            text(e, "cameo"),
            text(e, "status"),
            text(e, "participants"),
            e.get("date")
                .and_then(Value::as_str)
                .map(|d| format!("; on {d}"))
                .unwrap_or_default(),
            e.get("to")
                .and_then(Value::as_str)
                .map(|t| format!("; to {t}"))
                .unwrap_or_default(),
            e.get("reported_by")
                .filter(|r| !r.is_null())
                .map(|_| format!("; reported by {}", text(e, "reported_by")))
                .unwrap_or_default(),
        );
        push(
            e.get("sentence").and_then(span),
            "event",
            what.clone(),
            iri.clone(),
        );
        push(
            e.get("trigger").and_then(span),
            "trigger",
            format!("Trigger of the {what}"),
            iri.clone(),
        );
        push(
            e.get("date_text").and_then(span),
            "date",
            format!("Date of the event: {}", text(e, "date")),
            iri.clone(),
        );
        push(
            e.get("place").and_then(span),
            "place",
            "Where the event took place".to_owned(),
            iri,
        );
    }
    for c in list(x, "countries") {
        for m in list(c, "mentions") {
            push(
                span(m),
                "country",
                format!("Country: {} ({})", text(c, "name"), text(c, "iso3")),
                c.get("iri").and_then(Value::as_str).map(str::to_owned),
            );
        }
    }
    for l in list(x, "leaders") {
        let role = l.get("role").and_then(Value::as_str).unwrap_or("no role stated");
        for m in list(l, "mentions") {
            push(
                span(m),
                "person",
                format!("Person: {} — {role}, {}", text(l, "name"), text(l, "country")),
                l.get("iri").and_then(Value::as_str).map(str::to_owned),
            );
        }
    }
    for o in list(x, "organisations") {
        for m in list(o, "mentions") {
            push(
                span(m),
                "org",
                format!("Organisation: {} ({})", text(o, "name"), text(o, "kind")),
                o.get("iri").and_then(Value::as_str).map(str::to_owned),
            );
        }
    }
    out
}

/// The text with the marks as nested elements: it is cut at every mark's ends, and each piece
/// is wrapped in the marks that cover it, the longest outermost.
fn highlighted(full: &str, marks: &[Mark], base: &str) -> String {
    let chars: Vec<char> = full.chars().collect();
    let mut cuts: Vec<usize> = vec![0, chars.len()];
    for m in marks {
        if m.end <= chars.len() {
            cuts.push(m.start);
            cuts.push(m.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece: String = chars[a..b].iter().collect();
        let mut covering: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.end <= chars.len() && m.start <= a && b <= m.end)
            .collect();
        covering.sort_by_key(|m| std::cmp::Reverse(m.end - m.start));
        for m in &covering {
            let _ = write!(out, "<span class=\"{}\" title=\"{}\">", m.class, escape(&m.title));
        }
        // The innermost mark with an IRI links to its page.
        let link = covering
            .iter()
            .rev()
            .find_map(|m| m.iri.as_deref().and_then(|i| safe_href(base, i)));
        match link {
            Some(href)
                if covering
                    .last()
                    .is_some_and(|m| m.class != "claim" && m.class != "event") =>
            {
                let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&href), escape(&piece));
            }
            _ => out.push_str(&escape(&piece)),
        }
        for _ in &covering {
            out.push_str("</span>");
        }
    }
    out
}

const STYLE: &str = "<style>.text{white-space:pre-wrap;line-height:1.7;max-width:60rem;font-family:Georgia,serif}\
.country{background:#dbeafe}.person{background:#fde68a}.org{background:#e9d5ff}.claim{border-bottom:2px solid #16a34a}\
.cue{font-weight:bold;color:#166534}.event{background:#fef3c7}.trigger{background:#fca5a5;font-weight:bold}\
.date{outline:1px dashed #555}.place{text-decoration:underline dotted}.text a{color:inherit}\
.legend span{padding:0 .3rem;margin-right:.4rem}dl.prov{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}</style>";

/// The page of one article, from its extraction (the JSON contract) and its full stored text.
pub fn render(x: &Value, full: &str, base: &str, digest_ok: Option<bool>) -> Html<String> {
    let info = x.get("article").cloned().unwrap_or(Value::Null);
    let title = info
        .get("title")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map_or_else(|| format!("Article {}", text(&info, "id")), str::to_owned);
    let mut body = String::from(STYLE);
    let _ = write!(body, "<h1>{}</h1>", escape(&title));
    let iri = text(&info, "iri");
    let verified = match info.get("verified_by_publisher").and_then(Value::as_bool) {
        Some(true) => "verified by its publisher",
        Some(false) => "not verified by its publisher",
        None => "the publisher does not say",
    };
    let digest = match digest_ok {
        Some(true) => "the statement graph matches its recorded RDFC-1.0 digest",
        Some(false) => "the statement graph no longer matches its recorded digest",
        None => "not checked",
    };
    let row = |k: &str, v: &str| format!("<dt>{}</dt><dd>{}</dd>", escape(k), v);
    let _ = write!(
        body,
        "<dl class=\"prov\">{}{}{}{}{}{}{}</dl>",
        row(
            "article",
            &safe_href(base, &iri).map_or_else(
                || escape(&iri),
                |h| format!(
                    "<a href=\"{}\">{}</a> (provenance chain)",
                    escape(&h),
                    escape(&iri)
                )
            )
        ),
        row("publisher", &escape(&text(&info, "publisher"))),
        row("original outlet", &escape(&text(&info, "original_outlet"))),
        row("translated", &escape(&text(&info, "translated"))),
        row("verification", verified),
        row("date", &escape(&text(&info, "date"))),
        row("digest", digest),
    );
    let _ = write!(
        body,
        "<p class=\"legend muted\">Hover a highlight for what was extracted; follow it to its page. \
<span class=\"country\">country</span><span class=\"person\">person</span><span class=\"org\">organisation</span>\
<span class=\"event\">event sentence</span><span class=\"trigger\">trigger</span><span class=\"claim\">claim</span>\
<span class=\"cue\">cue</span><span class=\"date\">date</span> — also as <a href=\"?format=json\">JSON</a>.</p>"
    );
    let marks = marks(x);
    let _ = write!(
        body,
        "<div class=\"text\" id=\"article-text\">{}</div>",
        highlighted(full, &marks, base)
    );
    page(&title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_marks_nest_and_text_is_escaped() {
        let marks = vec![
            Mark {
                start: 0,
                end: 10,
                class: "claim",
                title: "a \"claim\"".to_owned(),
                iri: None,
            },
            Mark {
                start: 5,
                end: 15,
                class: "country",
                title: "Country".to_owned(),
                iri: Some("https://w3id.org/bilateral/id/country/SYR".to_owned()),
            },
        ];
        let html = highlighted("<b>x</b> Syria <img>", &marks, "https://w3id.org/bilateral/");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<img"), "{html}");
        assert!(html.contains("href=\"/id/country/SYR\""), "{html}");
        assert!(html.contains("title=\"a &quot;claim&quot;\""), "{html}");
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
    }
}
