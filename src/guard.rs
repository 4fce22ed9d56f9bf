//! Bounds on SPARQL text, checked before the text reaches the parser.
//!
//! The SPARQL parser and evaluator recurse over the shape of a query: nested groups, a chain of
//! `UNION`s, a long `1+1+…` expression or thousands of triple patterns become trees as deep as
//! the text is long. Deep enough, that recursion overflows the thread's stack, and a stack
//! overflow aborts the whole process. This module measures the text with a small lexer (it
//! knows strings, IRIs and comments, so a `{` inside a literal does not count) and refuses what
//! is past the documented [`Limits`], with a sentence that says which limit and where. The
//! server also evaluates on threads with a large stack (see `http`), so that the limits hold
//! with a wide margin rather than exactly.
//!
//! The lexer also answers one question the algebra makes awkward: whether the text uses the
//! keyword `SERVICE` anywhere (inside `FILTER EXISTS`, too, where a failed call would silently
//! count as false).
//!
//! Pure text in, a verdict out: no parser, no store.

/// The limits on one query or update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest text, in bytes.
    pub max_bytes: usize,
    /// The deepest nesting of `{`, `(` and `[`.
    pub max_depth: usize,
    /// The most tokens (keywords, names, terms, operators, punctuation).
    pub max_tokens: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024,
            max_depth: 128,
            max_tokens: 20_000,
        }
    }
}

/// Why a text was refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GuardError {
    /// The text is empty (or only comments and spaces).
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// Longer than [`Limits::max_bytes`].
    #[error("the {what} is {size} bytes long, more than the limit of {limit} bytes")]
    TooLong {
        /// `query` or `update`.
        what: &'static str,
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Nested deeper than [`Limits::max_depth`].
    #[error(
        "the {what} nests `{{`, `(` and `[` deeper than the limit of {limit} levels (line {line}, column {column})"
    )]
    TooDeep {
        /// `query` or `update`.
        what: &'static str,
        /// The limit.
        limit: usize,
        /// Where the limit was passed (1-based).
        line: usize,
        /// Where the limit was passed (1-based, in characters).
        column: usize,
    },
    /// More tokens than [`Limits::max_tokens`].
    #[error(
        "the {what} has more than {limit} tokens, the limit of this endpoint; split it, or use VALUES and the stored queries' parameters"
    )]
    TooManyTokens {
        /// `query` or `update`.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A string or IRI is not closed.
    #[error("the {what} has a string that is never closed (opened at line {line}, column {column})")]
    Unclosed {
        /// `query` or `update`.
        what: &'static str,
        /// Where it opened (1-based).
        line: usize,
        /// Where it opened (1-based, in characters).
        column: usize,
    },
}

/// What the lexer saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The deepest nesting of brackets.
    pub depth: usize,
    /// The number of tokens.
    pub tokens: usize,
    /// Whether the keyword `SERVICE` occurs.
    pub uses_service: bool,
}

/// Checks a query (`what` = "query") or an update (`what` = "update") against the limits.
pub fn check(text: &str, what: &'static str, limits: &Limits) -> Result<Shape, GuardError> {
    if text.len() > limits.max_bytes {
        return Err(GuardError::TooLong {
            what,
            size: text.len(),
            limit: limits.max_bytes,
        });
    }
    let shape = scan(text, what, limits)?;
    if shape.tokens == 0 {
        return Err(GuardError::Empty(what));
    }
    Ok(shape)
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn scan(text: &str, what: &'static str, limits: &Limits) -> Result<Shape, GuardError> {
    let bytes = text.as_bytes();
    let mut shape = Shape::default();
    let mut depth = 0_usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n + 1);
                continue;
            }
            b'{' | b'(' | b'[' => {
                depth += 1;
                if depth > limits.max_depth {
                    let (line, column) = line_column(text, i);
                    return Err(GuardError::TooDeep {
                        what,
                        limit: limits.max_depth,
                        line,
                        column,
                    });
                }
                shape.depth = shape.depth.max(depth);
                i += 1;
            }
            b'}' | b')' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'"' | b'\'' => {
                i = skip_string(bytes, i).ok_or_else(|| {
                    let (line, column) = line_column(text, i);
                    GuardError::Unclosed { what, line, column }
                })?;
            }
            b'<' => i = iri_end(bytes, i).unwrap_or(i + 1),
            b'?' | b'$' => i = word_end(bytes, i + 1),
            _ if is_word_byte(b) => {
                let end = word_end(bytes, i);
                if end - i == 7 && bytes[i..end].eq_ignore_ascii_case(b"SERVICE") {
                    shape.uses_service = true;
                }
                i = end;
            }
            _ => i += 1,
        }
        shape.tokens += 1;
        if shape.tokens > limits.max_tokens {
            return Err(GuardError::TooManyTokens {
                what,
                limit: limits.max_tokens,
            });
        }
    }
    Ok(shape)
}

/// Letters, digits, `_`, `-`, `.` inside names, `:` of prefixed names, `%` escapes and every
/// non-ASCII byte (names may hold any Unicode letter).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'%' | b'\\') || b >= 0x80
}

/// The end of a name, number or keyword. `-` and `.` end it (so `ex:a-b` counts as three
/// tokens, which only over-counts, and `1-1-1` as five, which is what bounds a long chain).
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_word_byte(bytes[i]) {
        i += 1;
    }
    i
}

/// The end of an IRI reference starting at `start` (`<`), or `None` when the `<` is the
/// less-than operator.
fn iri_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' => return None,
            c if c <= 0x20 => return None,
            _ => i += 1,
        }
    }
    None
}

/// The end of a string literal starting at `start` (one of the four SPARQL quotings), or `None`
/// when it is never closed.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let quote = bytes[start];
    let long = bytes.len() >= start + 3 && bytes[start + 1] == quote && bytes[start + 2] == quote;
    let mut i = start + if long { 3 } else { 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if !long {
                return Some(i + 1);
            }
            if bytes.len() >= i + 3 && bytes[i + 1] == quote && bytes[i + 2] == quote {
                // `'''a''''` ends at the last three quotes.
                let mut end = i + 3;
                while end < bytes.len() && bytes[end] == quote {
                    end += 1;
                }
                return Some(end);
            }
        } else if !long && (b == b'\n' || b == b'\r') {
            return None;
        }
        i += 1;
    }
    None
}

/// Rewrites a message of the SPARQL parser ("error at 3:14: expected one of \"(\", \"{\", …")
/// into a sentence: where, what is there, and what was expected, in words.
pub fn explain_syntax_error(text: &str, message: &str) -> String {
    let Some((line, column, expected)) = parse_peg_message(message) else {
        return message.to_owned();
    };
    let found = found_at(text, line, column);
    let near = if found.is_empty() {
        "at the end of the text".to_owned()
    } else {
        format!("at `{found}`")
    };
    // An undeclared prefix is the most common mistake; the parser says "Prefix not found",
    // at or just after the prefixed name.
    if expected.contains("Prefix not found")
        && let Some(prefix) = undeclared_prefix(text, line, column, &found)
    {
        return format!(
            "line {line}, column {column}: the prefix `{prefix}:` is not declared; add `PREFIX {prefix}: <…>` before the query"
        );
    }
    let words = expected_in_words(expected);
    if words.is_empty() {
        format!("line {line}, column {column}: unexpected text {near}")
    } else {
        format!("line {line}, column {column}: unexpected text {near}; expected {words}")
    }
}

/// The prefix of the prefixed name at, or last before, a 1-based line and column.
fn undeclared_prefix(text: &str, line: usize, column: usize, found: &str) -> Option<String> {
    let is_name =
        |t: &str| t.contains(':') && !t.starts_with(['<', '"', '\'', '?', '$', '#']) && !t.contains("://");
    if is_name(found) {
        return found.split(':').next().map(str::to_owned);
    }
    let l = text.split('\n').nth(line.saturating_sub(1))?;
    let end = column.saturating_sub(1).min(l.len());
    let end = (0..=end).rev().find(|&i| l.is_char_boundary(i))?;
    l[..end]
        .split_whitespace()
        .rev()
        .find(|t| is_name(t))
        .and_then(|t| {
            t.trim_start_matches(['(', '{', '[', '/', '^', '!'])
                .split(':')
                .next()
        })
        .map(str::to_owned)
}

fn parse_peg_message(message: &str) -> Option<(usize, usize, &str)> {
    let rest = message.strip_prefix("error at ")?;
    let (position, expected) = rest.split_once(": expected ")?;
    let (line, column) = position.split_once(':')?;
    Some((line.trim().parse().ok()?, column.trim().parse().ok()?, expected))
}

/// The token at a 1-based line and column (peg counts columns in bytes plus one).
fn found_at(text: &str, line: usize, column: usize) -> String {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let start = column.saturating_sub(1).min(l.len());
    let start = (0..=start).rev().find(|&i| l.is_char_boundary(i)).unwrap_or(0);
    let rest = l[start..].trim_start();
    let token: String = rest.chars().take_while(|c| !c.is_whitespace()).take(30).collect();
    token
}

/// `one of "(", "{", ['a'..='z'], Prefix not found` → "`(`, `{`, a name or a declared prefix".
fn expected_in_words(expected: &str) -> String {
    let body = expected.trim().trim_start_matches("one of ").trim();
    let mut items: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !items.contains(&s) {
            items.push(s);
        }
    };
    for raw in split_items(body) {
        let item = raw.trim();
        if let Some(lit) = item.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            let lit = lit.replace("\\\"", "\"");
            if lit.chars().all(|c| c.is_ascii_alphabetic()) && lit.len() > 1 {
                push(format!("`{}`", lit.to_ascii_uppercase()));
            } else {
                push(format!("`{lit}`"));
            }
        } else if item.starts_with('[') || item == "EOF" {
            // Character classes: say what kind of term they start.
            if item.contains("'?'") || item.contains("'$'") {
                push("a variable".to_owned());
            } else if item.contains("'0'") {
                push("a number".to_owned());
            } else if item.contains("'a'") || item.contains("'A'") || item.contains("'_'") {
                push("a name".to_owned());
            } else if item.contains("'<'") {
                push("an IRI".to_owned());
            } else if item == "EOF" || item == "[_]" {
                push("more text".to_owned());
            }
        } else if item == "Prefix not found" {
            push("a declared prefix".to_owned());
        }
    }
    let n = items.len();
    if n > 8 {
        let shown = items[..8].join(", ");
        return format!("{shown} or another term");
    }
    match n {
        0 => String::new(),
        1 => items.remove(0),
        _ => {
            let last = items.pop().unwrap_or_default();
            format!("{} or {last}", items.join(", "))
        }
    }
}

/// Splits a peg "expected" list on the commas between items (not inside quotes or brackets).
fn split_items(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth, mut quoted, mut escaped) = (0, 0_i32, false, false);
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' | '\'' if depth == 0 || quoted => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Result<Shape, GuardError> {
        check(text, "query", &Limits::default())
    }

    #[test]
    fn ordinary_queries_pass() {
        let s = shape("PREFIX ex: <http://e/> SELECT ?x WHERE { ?x ex:p \"{{{\" . FILTER(?x < 3) } # {{{")
            .unwrap();
        assert_eq!(s.depth, 2);
        assert!(!s.uses_service);
    }

    #[test]
    fn nesting_past_the_limit_is_refused_with_its_place() {
        let text = format!("SELECT * WHERE {}", "{".repeat(200));
        let err = shape(&text).unwrap_err();
        assert!(
            matches!(
                err,
                GuardError::TooDeep {
                    line: 1,
                    column: 144,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn brackets_in_strings_iris_and_comments_do_not_count() {
        let inner = "{(".repeat(500);
        let text = format!("SELECT * WHERE {{ ?s ?p \"{inner}\" . ?s ?p '''{inner}''' }} # {inner}\n");
        assert_eq!(shape(&text).unwrap().depth, 1);
    }

    #[test]
    fn long_flat_chains_are_refused_by_tokens() {
        for op in ["+", "-", "*", "/", "&&", "||"] {
            let text = format!("SELECT (1{} AS ?x) {{}}", format!("{op}1").repeat(20_000));
            assert!(
                matches!(shape(&text), Err(GuardError::TooManyTokens { .. })),
                "{op}"
            );
        }
        let unions = vec!["{ ?s ?p ?o }"; 5_000].join(" UNION ");
        assert!(matches!(
            shape(&format!("SELECT * {{ {unions} }}")),
            Err(GuardError::TooManyTokens { .. })
        ));
    }

    #[test]
    fn service_is_seen_anywhere_but_not_in_names() {
        assert!(
            shape("SELECT * { FILTER EXISTS { service <http://x/> { ?s ?p ?o } } }")
                .unwrap()
                .uses_service
        );
        assert!(
            !shape("SELECT ?service { ?service <http://x/service> ex:SERVICE }")
                .unwrap()
                .uses_service
        );
    }

    #[test]
    fn empty_and_unclosed_texts() {
        assert_eq!(shape("  # only a comment\n"), Err(GuardError::Empty("query")));
        assert!(matches!(
            shape("SELECT * { ?s ?p \"open }"),
            Err(GuardError::Unclosed { .. })
        ));
    }

    #[test]
    fn less_than_is_not_an_iri() {
        let s = shape("SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }").unwrap();
        assert_eq!(s.depth, 2);
    }

    #[test]
    fn parser_messages_become_sentences() {
        let text = "SELECT * WHERE { ?s foo:bar ?o }";
        let m = explain_syntax_error(
            text,
            "error at 1:21: expected one of Prefix not found, ['%'], \"(\"",
        );
        assert_eq!(
            m,
            "line 1, column 21: the prefix `foo:` is not declared; add `PREFIX foo: <…>` before the query"
        );
        let m = explain_syntax_error(
            "SELECT * WHERE { ?s ?p }",
            "error at 1:24: expected one of \"(\", \"[\", ['?' | '$'], \"a\", ['0'..='9']",
        );
        assert_eq!(
            m,
            "line 1, column 24: unexpected text at `}`; expected `(`, `[`, a variable, `a` or a number"
        );
    }
}
