//! The analyst pages: a query editor with the stored queries from `queries/` and result tables.

use crate::http::SharedState;
use axum::extract::State;
use axum::response::Html;
use std::fmt::Write as _;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A stored query: its file name, the question it answers (its opening comment) and its text.
pub struct StoredQuery {
    /// File stem.
    pub name: String,
    /// The opening comment lines, without `#`.
    pub description: String,
    /// The SPARQL text.
    pub text: String,
}

/// Reads `*.rq` from a directory, sorted by name; a missing directory gives none.
pub fn stored_queries(dir: &std::path::Path) -> Vec<StoredQuery> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<StoredQuery> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let description = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .map(|l| l.trim_start_matches('#').trim())
                .collect::<Vec<_>>()
                .join(" ");
            Some(StoredQuery {
                name: p.file_stem()?.to_string_lossy().into_owned(),
                description,
                text,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

const PAGE_STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem;color:#222}\
textarea{width:100%;height:14rem;font-family:monospace;font-size:.9rem}\
table{border-collapse:collapse;margin-top:1rem;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}\
th{background:#f3f3f3}.muted{color:#666}nav a{margin-right:1rem}#status{margin-left:1rem}";

/// Wraps a page body in the common layout.
pub fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} — bilateral</title>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{PAGE_STYLE}</style></head>\
<body><nav><a href=\"/\">Query</a><a href=\"/articles\">Articles</a><a href=\"/sparql\">Service description</a><a href=\"/ontology\">Ontology</a><a href=\"/queries\">Stored queries (JSON)</a><a href=\"/metrics\">Metrics</a></nav>{body}</body></html>",
        escape(title)
    ))
}

/// The page's one script. Constant, so that the Content-Security-Policy can name it by its hash
/// and no other script (an injected `<script>`, a `javascript:` link) runs; the data it needs
/// comes in a JSON data block, which is never executed.
pub const SCRIPT: &str = r"
const DATA = JSON.parse(document.getElementById('bilateral-data').textContent);
const STORED = DATA.stored; const BASE = DATA.base;
const editor = document.getElementById('query');
const params = document.getElementById('params'); const picker = document.getElementById('stored');
// A stored query's parameters as fields; left empty, a parameter stays unbound.
function showParams(q) {
  params.textContent = '';
  for (const p of (q ? q.parameters : [])) {
    const label = document.createElement('label'); label.textContent = p.name + ' ';
    const input = document.createElement('input'); input.name = p.name; input.dataset.param = '1';
    input.placeholder = p.example || p.type; input.title = p.type === 'country' ? 'an ISO 3166-1 alpha-3 code (SYR) or a country IRI' : p.type;
    label.appendChild(input); params.appendChild(label);
  }
}
picker.addEventListener('change', e => {
  const q = STORED[e.target.value]; showParams(q);
  if (q) { editor.value = q.text; document.getElementById('about').textContent = q.description; }
});
// The URL that answers what is in the editor: the stored query with its parameters when the
// editor still holds it, else the text through /sparql.
function target(format) {
  const q = STORED[picker.value];
  const u = new URLSearchParams();
  if (q && editor.value === q.text) {
    for (const i of params.querySelectorAll('input[data-param]')) if (i.value.trim()) u.set(i.name, i.value.trim());
    if (format) u.set('format', format);
    return '/queries/' + encodeURIComponent(picker.value) + '?' + u.toString();
  }
  u.set('query', editor.value); if (format) u.set('format', format);
  return '/sparql?' + u.toString();
}
function cell(t) {
  if (!t) return '';
  if (t.type === 'uri') {
    // IRIs this service minted open on this server, whatever host and port it runs on; other
    // http(s) IRIs open where they point; any other scheme (javascript:, data:…) is only text.
    const ONT = 'https://w3id.org/bilateral/ontology#';
    const local = t.value.startsWith(BASE + 'id/');
    if (!local && !/^https?:\/\//i.test(t.value)) return document.createTextNode(t.value);
    const a = document.createElement('a'); a.textContent = t.value;
    a.href = t.value.startsWith(ONT) ? '/ontology#' + t.value.slice(ONT.length) : local ? '/' + t.value.slice(BASE.length) : t.value; return a;
  }
  return document.createTextNode(t.value);
}
function downloads() {
  const d = document.getElementById('downloads'); d.textContent = 'Download: ';
  for (const f of ['csv', 'tsv', 'json', 'xml']) {
    const a = document.createElement('a'); a.textContent = f.toUpperCase(); a.href = target(f);
    a.download = (picker.value || 'results') + '.' + f; a.id = 'download-' + f; d.appendChild(a); d.appendChild(document.createTextNode(' '));
  }
}
// The prefixes the service knows are added to a query that uses one without declaring it.
function withPrefixes(text) {
  const missing = Object.entries(DATA.prefixes).filter(([p]) =>
    new RegExp('(^|[\\s(/^|,;])' + p + ':', 'm').test(text.replace(/<[^>]*>|\x22[^\x22]*\x22|#.*$/gm, ' ')) &&
    !new RegExp('PREFIX\\s+' + p + ':', 'i').test(text));
  return missing.map(([p, ns]) => 'PREFIX ' + p + ': <' + ns + '>').join('\n') + (missing.length ? '\n' : '') + text;
}
// The rows a page at a time, with links to move between pages.
const PAGE = 100;
function showPage(data, page, ms) {
  const out = document.getElementById('out'); out.textContent = '';
  const rows = data.results.bindings; const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const table = document.createElement('table'); table.id = 'results'; const head = table.insertRow();
  for (const v of data.head.vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
  for (const b of rows.slice(page * PAGE, (page + 1) * PAGE)) { const row = table.insertRow(); for (const v of data.head.vars) { const c = row.insertCell(); const n = cell(b[v]); if (n) c.appendChild(n); } }
  if (pages > 1) {
    const nav = document.createElement('p'); nav.id = 'pages';
    const go = (label, p) => { const b = document.createElement('button'); b.textContent = label; b.disabled = p < 0 || p >= pages; b.addEventListener('click', () => showPage(data, p, ms)); nav.appendChild(b); };
    go('‹ previous', page - 1); nav.appendChild(document.createTextNode(' page ' + (page + 1) + ' of ' + pages + ' ')); go('next ›', page + 1);
    out.appendChild(nav);
  }
  out.appendChild(table);
  document.getElementById('status').textContent = rows.length + ' rows, ' + ms + ' ms' + (pages > 1 ? ' (' + PAGE + ' a page)' : '');
}
async function run() {
  const out = document.getElementById('out'); const status = document.getElementById('status');
  editor.value = withPrefixes(editor.value);
  out.textContent = ''; status.textContent = 'running…'; const t0 = performance.now();
  const url = target(null); const stored = url.startsWith('/queries/');
  const r = stored
    ? await fetch(url, {headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}})
    : await fetch('/sparql', {method: 'POST', headers: {'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}, body: editor.value});
  const ms = Math.round(performance.now() - t0);
  if (!r.ok) { status.textContent = 'error ' + r.status + ': ' + await r.text(); return; }
  downloads();
  const type = r.headers.get('content-type') || '';
  if (!type.includes('json')) { const pre = document.createElement('pre'); pre.textContent = await r.text(); out.appendChild(pre); status.textContent = ms + ' ms'; return; }
  const data = await r.json();
  if ('boolean' in data) { out.textContent = String(data.boolean); status.textContent = ms + ' ms'; return; }
  showPage(data, 0, ms);
  history.replaceState(null, '', stored ? '/?stored=' + encodeURIComponent(url) : '/?query=' + encodeURIComponent(editor.value));
}
document.getElementById('run').addEventListener('click', run);
// A shared link (/?query=... or /?stored=/queries/NAME?PARAMS) opens with the query and runs it.
const search = new URLSearchParams(location.search);
const shared = search.get('query'); const sharedStored = search.get('stored');
if (sharedStored && sharedStored.startsWith('/queries/')) {
  const [path, qs] = sharedStored.split('?'); const name = decodeURIComponent(path.slice('/queries/'.length));
  if (STORED[name]) {
    picker.value = name; editor.value = STORED[name].text; showParams(STORED[name]);
    const given = new URLSearchParams(qs || '');
    for (const i of params.querySelectorAll('input[data-param]')) i.value = given.get(i.name) || '';
    run();
  }
} else if (shared) { editor.value = shared; run(); }
";

/// `GET /`: the query editor.
pub async fn index(State(state): State<SharedState>) -> Html<String> {
    let queries = stored_queries(&state.config.queries_dir);
    let mut options = String::from("<option value=\"\">— a stored query —</option>");
    let mut stored = serde_json::Map::new();
    for q in &queries {
        let _ = write!(options, "<option value=\"{0}\">{0}</option>", escape(&q.name));
        stored.insert(
            q.name.clone(),
            serde_json::json!({
                "text": q.text,
                "description": q.description,
                "parameters": crate::http::queries::parameters(&q.text),
            }),
        );
    }
    // The JSON is placed inside a script element: escaping `<` keeps `</script>` in a query
    // from closing it.
    let data = serde_json::json!({
        "stored": serde_json::Value::Object(stored),
        "base": state.config.base_iri,
        "prefixes": crate::model::jsonld_context(),
    })
    .to_string()
    .replace('<', "\\u003c");
    let default_query = "SELECT ?graph (COUNT(*) AS ?quads)\nWHERE { GRAPH ?graph { ?s ?p ?o } }\nGROUP BY ?graph\nORDER BY DESC(?quads)";
    let body = format!(
        "<h1>bilateral</h1><p class=\"muted\">Relations between countries, from the news, with the words they came from. \
SPARQL 1.1 endpoint: <code>/sparql</code>.</p>\
<form action=\"/search\"><input name=\"q\" placeholder=\"a country, person, outlet… by any name\"> <button>Find</button></form>\
<form action=\"/pair\"><input name=\"a\" size=\"4\" placeholder=\"SYR\"> and <input name=\"b\" size=\"4\" placeholder=\"IRQ\"> <button>Relation of two countries</button></form>\
<p><select id=\"stored\">{options}</select> <span id=\"about\" class=\"muted\"></span></p>\
<p id=\"params\"></p>\
<textarea id=\"query\" spellcheck=\"false\">{}</textarea><p><button id=\"run\">Run</button><span id=\"status\" class=\"muted\"></span> <span id=\"downloads\"></span></p>\
<div id=\"out\"></div><script type=\"application/json\" id=\"bilateral-data\">{data}</script><script>{SCRIPT}</script>",
        escape(default_query)
    );
    page("Query", &body)
}

/// The Content-Security-Policy of every answer: no script but [`SCRIPT`] (by its SHA-256
/// hash), no styles but the inline ones, connections only to this service, no framing.
pub fn content_security_policy() -> &'static str {
    static CSP: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        use sha2::{Digest, Sha256};
        let hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
        format!(
            "default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    });
    &CSP
}

/// Standard base64 with padding (for the CSP hash; too small a job for a dependency).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_rfc_examples() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(super::base64(input.as_bytes()), expected);
        }
    }
}
