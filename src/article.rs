//! Reading article input: checks (UTF-8, not binary, not empty, not oversized), the optional
//! header block of `key: value` lines closed by `---`, and the article's identity (a hash of its
//! normalised text).
//!
//! Offsets everywhere are into the whole input as given, header included, so that spans can be
//! checked against the file itself.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// The largest article accepted, in bytes. News articles are a few kilobytes; anything this
/// large is a mistake (a dump, a binary) and is refused before any work is done.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an input is not an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    /// Nothing but whitespace.
    #[error("the article is empty")]
    Empty,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    #[error("the article is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not valid UTF-8.
    #[error("the article is not valid UTF-8 text (first bad byte at offset {0})")]
    NotUtf8(usize),
    /// Control characters other than tab and line breaks: a binary file.
    #[error("the article looks like a binary file, not text (control character at byte {0})")]
    Binary(usize),
    /// A header block with no text after it.
    #[error("the article has a header but no body text after the `---` line")]
    NoBody,
}

/// One `key: value` line of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The key, lowercased.
    pub key: String,
    /// The value, trimmed.
    pub value: String,
}

/// An article as read: the whole text, its header, and where the body starts.
#[derive(Debug, Clone)]
pub struct Article {
    /// The whole input, header included.
    pub text: String,
    /// Header fields in order (empty when there is no header).
    pub header: Vec<HeaderField>,
    /// Byte offset of the body in `text`.
    pub body_start: usize,
    /// SHA-256 (hex) of the normalised text: the article's identity.
    pub content_hash: String,
}

impl Article {
    /// The value of a header field, when present and not empty.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The body text (after the header).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// A short identifier: the first 16 hex digits of the content hash.
    pub fn id(&self) -> &str {
        &self.content_hash[..16]
    }
}

/// Reads an article from bytes.
pub fn read(bytes: &[u8]) -> Result<Article, ArticleError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8(e.valid_up_to()))?;
    if let Some(pos) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
        .map(|(i, _)| i)
    {
        return Err(ArticleError::Binary(pos));
    }
    // A byte-order mark is not text: it is kept (offsets stay true to the file) but ignored.
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    let (header, body_start) = parse_header(text);
    if !header.is_empty() && text[body_start..].trim().is_empty() {
        return Err(ArticleError::NoBody);
    }
    Ok(Article {
        text: text.to_owned(),
        header,
        body_start,
        content_hash: content_hash(text),
    })
}

/// SHA-256 (hex) of the text after NFC normalisation, with LF line ends, trailing spaces cut
/// from each line, and surrounding blank lines removed: the same article copied twice gets the
/// same identity.
pub fn content_hash(text: &str) -> String {
    let normalised: String = text.nfc().collect();
    let normalised = normalised.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.lines().map(str::trim_end).collect();
    let joined = lines.join("\n");
    let digest = Sha256::digest(
        joined
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .as_bytes(),
    );
    hex(&digest)
}

/// Lowercase hexadecimal of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

impl Article {
    /// Whether the input opens with what looks like a header that no `---` closes: two or more
    /// `key: value` lines, one of them a field of the header (title, date, publisher, url),
    /// then a blank line. Such lines are read as body text, and the article has no date.
    #[must_use]
    pub fn unclosed_header(&self) -> bool {
        if !self.header.is_empty() {
            return false;
        }
        let mut keys = Vec::new();
        for line in self.text.lines() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                break;
            }
            match line.split_once(':') {
                Some((key, _)) if is_key(key.trim()) => keys.push(key.trim().to_ascii_lowercase()),
                _ => return false,
            }
        }
        keys.len() >= 2
            && keys
                .iter()
                .any(|k| matches!(k.as_str(), "title" | "date" | "publisher" | "url"))
    }
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' '))
}

/// Finds the header block: `key: value` lines from the top, closed by a line `---`. Anything
/// else at the top means there is no header and the whole input is the body.
fn parse_header(text: &str) -> (Vec<HeaderField>, usize) {
    let mut fields = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
        offset += line.len();
        if content.trim() == "---" {
            return if fields.is_empty() {
                (Vec::new(), 0)
            } else {
                (fields, offset)
            };
        }
        match content.split_once(':') {
            Some((key, value)) if is_key(key.trim()) => fields.push(HeaderField {
                key: key.trim().to_ascii_lowercase().replace([' ', '-'], "_"),
                value: value.trim().to_owned(),
            }),
            _ => return (Vec::new(), 0),
        }
    }
    (Vec::new(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_body() {
        let a = read(b"title: T\npublisher: P\n---\nBody text.\n").unwrap();
        assert_eq!(a.field("title"), Some("T"));
        assert_eq!(a.field("publisher"), Some("P"));
        assert_eq!(a.body(), "Body text.\n");
    }

    #[test]
    fn no_header_when_first_line_is_prose() {
        let a = read("Search\n\nSyria and Iraq: a title\n---\n".as_bytes()).unwrap();
        assert!(a.header.is_empty());
        assert_eq!(a.body_start, 0);
    }

    #[test]
    fn a_header_closed_by_a_blank_line_is_noticed() {
        let a = read(b"Title: T\nDate: 2023-02-28\n\nBody text.\n").unwrap();
        assert!(a.header.is_empty());
        assert!(a.unclosed_header());
        assert!(!read(b"title: T\n---\nBody.\n").unwrap().unclosed_header());
        assert!(!read(b"Note: one line\n\nBody text.\n").unwrap().unclosed_header());
        assert!(
            !read(b"Syria and Iraq: a new era\nBy: X\n\nBody.\n")
                .unwrap()
                .unclosed_header()
        );
    }

    #[test]
    fn bad_inputs() {
        assert_eq!(read(b"").unwrap_err(), ArticleError::Empty);
        assert_eq!(read(b"  \n\t \n").unwrap_err(), ArticleError::Empty);
        assert_eq!(read(b"abc\xff\xfe").unwrap_err(), ArticleError::NotUtf8(3));
        assert_eq!(read(b"\x7fELF\x00\x01").unwrap_err(), ArticleError::Binary(0));
        assert_eq!(read(b"title: x\n---\n  \n").unwrap_err(), ArticleError::NoBody);
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(read(&big).unwrap_err(), ArticleError::TooLarge { .. }));
    }

    #[test]
    fn hash_ignores_line_ends_and_trailing_space() {
        assert_eq!(content_hash("a \r\nb\n"), content_hash("a\nb"));
        assert_ne!(content_hash("a\nb"), content_hash("a\nc"));
    }
}
