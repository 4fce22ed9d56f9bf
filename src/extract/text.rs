//! The text layer: case and diacritic folding with a one-to-one map to the input's code points,
//! offsets, and segmentation into paragraphs (lines) and sentences.

use unicode_normalization::UnicodeNormalization;

/// The letters of a name, as the inside of a regex class: the Latin script with its
/// diacritics (Latin-1, Extended-A and -B, Extended Additional). `\p{L}` would also take Greek,
/// Cyrillic, Arabic..., but its automaton, repeated in the name patterns, cost tens of
/// milliseconds to compile at each start.
macro_rules! latin_letter {
    () => {
        "A-Za-z\u{AA}\u{B5}\u{BA}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{1E00}-\u{1EFF}"
    };
}
pub(crate) use latin_letter;

/// The letters a name may begin with, as the inside of a regex class (see [`latin_letter`]); the
/// Extended blocks interleave cases and are taken whole.
macro_rules! latin_upper {
    () => {
        "A-Z\u{C0}-\u{D6}\u{D8}-\u{DE}\u{100}-\u{24F}\u{1E00}-\u{1EFF}"
    };
}
pub(crate) use latin_upper;

/// A folded letter outside ASCII (Arabic, Cyrillic...): a word character that matches nothing.
pub const OTHER_LETTER: u8 = 0x01;

/// FNV-1a's offset basis: where a hash of [`fnv1a`] starts.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes`, from `h` on (`FNV_OFFSET` for a new hash): short keys, no state beyond
/// the hash, the same at build and search.
pub fn fnv1a(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes
        .into_iter()
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// FNV-1a as a `Hasher`, for the tables of short words and names the extractor builds for
/// itself: the keys are ours, so a keyed hash buys nothing there.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let from = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = fnv1a(from, bytes.iter().copied());
    }
}

/// A hash map with [`Fnv`].
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Folds one character to one byte: ASCII lowercase, diacritics removed, typographic quotes and
/// dashes to their ASCII forms. One byte per character keeps folded offsets equal to code-point
/// offsets.
pub fn fold_char(c: char) -> u8 {
    match c {
        'A'..='Z' => c.to_ascii_lowercase() as u8,
        '\n' | '\r' | '\t' => b' ',
        c if c.is_ascii() => c as u8,
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{02bb}' | '\u{00b4}' | '`' => b'\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => b'"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
        '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\u{200b}' | '\u{feff}' => b' ',
        // Letters with a stroke or without a dot have no decomposition to a base letter:
        // "Radosław" is the gazetteer's "Radoslaw", "Støre" its "Store".
        'ł' | 'Ł' | 'ŀ' | 'Ŀ' => b'l',
        'ø' | 'Ø' => b'o',
        'đ' | 'Đ' | 'ð' | 'Ð' => b'd',
        'ı' => b'i',
        'ħ' | 'Ħ' => b'h',
        'ŧ' | 'Ŧ' => b't',
        _ => {
            let base = c.nfd().next().unwrap_or(c);
            if base.is_ascii_alphanumeric() {
                base.to_ascii_lowercase() as u8
            } else if c.is_alphanumeric() {
                OTHER_LETTER
            } else {
                b' '
            }
        }
    }
}

/// Folds a string (for gazetteer names and lexicon entries).
pub fn fold(s: &str) -> Vec<u8> {
    s.chars().map(fold_char).collect()
}

/// Whether a folded byte is part of a word.
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == OTHER_LETTER
}

/// Whether a lower-case word is a verb in the past tense: "-ed" (four letters or more), or an
/// irregular past common in news ("met", "held", "told").
pub fn is_past_tense(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "met", "held", "spoke", "struck", "sent", "took", "made", "gave", "led", "began", "won", "sold",
        "bought", "built", "sought", "fought", "brought", "paid", "kept", "left", "came", "went", "told",
        "hit", "said", "wrote",
    ];
    (word.len() > 3 && word.ends_with("ed")) || IRREGULAR.contains(&word)
}

/// `fold_char` of each ASCII character.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        #[expect(clippy::cast_possible_truncation, reason = "i < 128")]
        let b = i as u8;
        t[i] = match b {
            b'A'..=b'Z' => b.to_ascii_lowercase(),
            b'\n' | b'\r' | b'\t' => b' ',
            _ => b,
        };
        i += 1;
    }
    t
};

/// The input with its folded form and the maps between byte and code-point offsets.
pub struct Text<'a> {
    /// The input as given.
    pub raw: &'a str,
    /// One folded byte per code point of `raw`.
    pub folded: Vec<u8>,
    /// Byte offset in `raw` of each code point, plus `raw.len()` at the end.
    char_to_byte: Vec<usize>,
}

impl<'a> Text<'a> {
    /// Builds the folded form and offset maps.
    pub fn new(raw: &'a str) -> Self {
        let mut folded = Vec::with_capacity(raw.len());
        let mut char_to_byte = Vec::with_capacity(raw.len() + 1);
        let bytes = raw.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII, most of any text, by a table; the rest by `fold_char`.
            if b.is_ascii() {
                folded.push(ASCII_FOLD[usize::from(b)]);
                char_to_byte.push(i);
                i += 1;
            } else if let Some(c) = raw.get(i..).and_then(|r| r.chars().next()) {
                folded.push(fold_char(c));
                char_to_byte.push(i);
                i += c.len_utf8();
            } else {
                break;
            }
        }
        char_to_byte.push(raw.len());
        Self {
            raw,
            folded,
            char_to_byte,
        }
    }

    /// The number of code points.
    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// The byte offset of a code-point offset.
    pub fn byte(&self, char_index: usize) -> usize {
        self.char_to_byte[char_index.min(self.char_to_byte.len() - 1)]
    }

    /// The code-point offset of a byte offset (which must be on a character boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        match self.char_to_byte.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.raw[self.byte(start)..self.byte(end)]
    }
}

/// What kind of line a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Article prose.
    Prose,
    /// A headline or crosshead (short, no closing punctuation).
    Heading,
    /// Navigation words or a repeated standfirst copied from a web page.
    Boilerplate,
}

/// A sentence: code-point offsets into the whole input, and its paragraph.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Index of its paragraph (line).
    pub paragraph: usize,
    /// What kind of line it is on.
    pub kind: LineKind,
}

/// Splits the body (from code point `body_start`) into lines and sentences. Each non-empty line
/// is a paragraph (hard-wrapped lines joined: `unwrap_lines`); `boilerplate` holds the folded
/// navigation lines to skip.
pub fn segment(text: &Text<'_>, body_start: usize, boilerplate: &[Vec<u8>]) -> Vec<Sentence> {
    let language = sentencex::language_factory("en");
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = body_start;
    for i in body_start..=text.len() {
        if i == text.len() || text.raw.as_bytes()[text.byte(i)] == b'\n' {
            let (s, e) = trim_spaces(&text.folded, start, i);
            if e > s {
                lines.push((s, e));
            }
            start = i + 1;
        }
    }
    let lines = unwrap_lines(text, lines);
    let folded_lines: Vec<&[u8]> = lines.iter().map(|&(s, e)| &text.folded[s..e]).collect();
    let mut out = Vec::new();
    for (p, &(ls, le)) in lines.iter().enumerate() {
        let kind = line_kind(p, &folded_lines, text.slice(ls, le), boilerplate);
        let line = text.slice(ls, le);
        let line_byte = text.byte(ls);
        let pieces = language.get_sentence_boundaries(line).into_iter().flat_map(|b| {
            let mut cuts = month_cuts(&line[b.start_byte..b.end_byte]);
            cuts.push(b.end_byte - b.start_byte);
            let mut from = b.start_byte;
            cuts.into_iter().map(move |c| {
                let piece = (from, b.start_byte + c);
                from = b.start_byte + c;
                piece
            })
        });
        for (start_byte, end_byte) in pieces {
            let s = text.char_at(line_byte + start_byte);
            let e = text.char_at(line_byte + end_byte);
            // Trim surrounding spaces so that spans hold just the sentence.
            let (s, e) = trim_spaces(&text.folded, s, e);
            // An initialism cut in two ("Philippine-U." | "S. 2+2 Dialogue"): one sentence.
            if e > s
                && let Some(last) = out.last_mut().filter(|l: &&mut Sentence| l.paragraph == p)
                && (splits_initialism(text, last.end, s) || continues_after_abbreviation(text, last.end, s))
            {
                last.end = e;
                continue;
            }
            if e > s {
                out.push(Sentence {
                    start: s,
                    end: e,
                    paragraph: p,
                    kind,
                });
            }
        }
    }
    out
}

/// Hard-wrapped text ("...the Presidential Administration of" / "the Republic of Azerbaijan and
/// ..."): a line that does not end a sentence, followed on the next line (no blank line between)
/// by one that starts with a small letter, or that ends with a word that cannot end a sentence,
/// goes on in that line. A heading ("Chinese influence") and a list item stay lines of their own.
fn unwrap_lines(text: &Text<'_>, lines: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    const OPEN_ENDS: &[&str] = &[
        "the", "of", "and", "to", "a", "an", "in", "for", "on", "with", "by", "at", "from", "that", "its",
        "their", "his", "her", "or", "as", "between",
    ];
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for (s, e) in lines {
        if let Some(last) = out.last_mut() {
            let prev = text.slice(last.0, last.1);
            let gap = text.slice(last.1, s);
            let next_small = text.slice(s, e).starts_with(char::is_lowercase);
            let closed = prev
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ':', ')', ';']);
            let open_end = prev
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| OPEN_ENDS.contains(&w));
            if gap.matches('\n').count() == 1 && !closed && (next_small || open_end) {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
    }
    out
}

/// Where a sentence holds another after a month's abbreviation, which the segmenter never ends
/// a sentence with: "... met Chinese Ambassador Zhang Jun. UN Ambassador X spoke" (byte offsets
/// in `sentence` of where the next sentence starts). A date goes on: "Jan. 5", "Sept. 2024".
fn month_cuts(sentence: &str) -> Vec<usize> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    let bytes = sentence.as_bytes();
    let mut cuts = Vec::new();
    for (dot, _) in sentence.match_indices(". ") {
        let next = dot + 2;
        // The next sentence starts with a capital; a day, a year or a small letter goes on.
        if !bytes.get(next).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        // The word before the period, of ASCII letters (so its start is a character boundary).
        let word = bytes[..dot]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        if MONTHS.contains(&&sentence[word..dot]) {
            cuts.push(next);
        }
    }
    cuts
}

/// Honorifics and ranks written with a period, which never end a sentence ("Eng. Kheiry Abdel
/// Rahman", "Lt. Gen. X") nor a source ("according to Dr. X").
pub(crate) const HONORIFICS: [&str; 20] = [
    "Eng.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Hon.", "Amb.", "Lt.", "Gen.", "Col.", "Maj.", "Brig.",
    "Adm.", "Capt.", "Cmdr.", "Sgt.", "Sen.", "Rep.", "Gov.",
];

/// Whether a sentence cut after an abbreviation goes on: the first ends in a period after a
/// short word ("on Fri.", "Gen."), and the next begins with a small letter ("that Iran ...").
fn continues_after_abbreviation(text: &Text<'_>, end: usize, start: usize) -> bool {
    let f = &text.folded;
    if end == 0 || f[end - 1] != b'.' || start >= f.len() {
        return false;
    }
    let word = (0..end - 1).rev().find(|&i| !is_word(f[i])).map_or(0, |i| i + 1);
    // An honorific or a rank never ends a sentence ("Eng. Kheiry Abdel Rahman", "Lt. Gen. X").
    let honorific = HONORIFICS.contains(&text.slice(word, end));
    honorific || (end - 1 - word <= 4 && text.slice(start, start + 1).starts_with(char::is_lowercase))
}

/// Whether a sentence ending at `end` and the next starting at `start` cut an initialism: the
/// first ends in a lone capital and a period ("U."), the next begins with one ("S. ...").
fn splits_initialism(text: &Text<'_>, end: usize, start: usize) -> bool {
    let f = &text.folded;
    let lone = |at: usize| at == 0 || !is_word(f[at - 1]) || f[at - 1] == b'-';
    end >= 2
        && start + 2 <= f.len()
        && f[end - 1] == b'.'
        && text.slice(end - 2, end - 1).starts_with(char::is_uppercase)
        && lone(end - 2)
        && text.slice(start, start + 1).starts_with(char::is_uppercase)
        && f[start + 1] == b'.'
}

/// Narrows `start..end` to leave out folded spaces (spaces, tabs, line breaks) at both ends.
pub fn trim_spaces(folded: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && folded[start] == b' ' {
        start += 1;
    }
    while end > start && folded[end - 1] == b' ' {
        end -= 1;
    }
    (start, end)
}

fn trim_punct(s: &[u8]) -> &[u8] {
    let mut e = s.len();
    while e > 0 && matches!(s[e - 1], b'.' | b',' | b':' | b';' | b' ' | b'-') {
        e -= 1;
    }
    &s[..e]
}

fn line_kind(index: usize, lines: &[&[u8]], raw: &str, boilerplate: &[Vec<u8>]) -> LineKind {
    let this = trim_punct(lines[index]);
    if boilerplate.iter().any(|b| b.as_slice() == this) {
        return LineKind::Boilerplate;
    }
    // A repeated standfirst: a line that another line starts with (a truncated copy) is noise;
    // of two equal lines the later is.
    let repeated = lines.iter().enumerate().any(|(j, other)| {
        j != index
            && this.len() >= 20
            && (other.len() > this.len() || j < index)
            && trim_punct(other).starts_with(this)
    });
    if repeated {
        return LineKind::Boilerplate;
    }
    let words = raw.split_whitespace().count();
    let last = raw.trim_end().chars().last().unwrap_or('.');
    let closed = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | '\u{2019}' | ':' | ')');
    if !closed && words <= 16 {
        return LineKind::Heading;
    }
    LineKind::Prose
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_folds_as_fold_char_does() {
        for b in 0u8..128 {
            assert_eq!(ASCII_FOLD[usize::from(b)], fold_char(char::from(b)), "byte {b}");
        }
    }

    #[test]
    fn folding_keeps_one_byte_per_code_point() {
        let t = Text::new("Türkiye’s “deal” – Ahmad al-Sharaa");
        assert_eq!(t.folded.len(), t.raw.chars().count());
        assert_eq!(
            String::from_utf8_lossy(&t.folded),
            "turkiye's \"deal\" - ahmad al-sharaa"
        );
    }

    #[test]
    fn abbreviations_do_not_split_sentences() {
        let raw = "TAMPA, Fla. – U.S. forces left on Feb. 12 with Adm. Brad Cooper and Maj. Gen. Kevin Lambert. Then they rested.";
        let t = Text::new(raw);
        let s = segment(&t, 0, &[]);
        assert_eq!(
            s.len(),
            2,
            "{:?}",
            s.iter().map(|s| t.slice(s.start, s.end)).collect::<Vec<_>>()
        );
        assert!(t.slice(s[0].start, s[0].end).ends_with("Lambert."));
        // An initialism after a hyphen stays whole.
        let t = Text::new("I thank him for hosting the Philippine-U.S. 2+2 Dialogue here. Then we met.");
        let s = segment(&t, 0, &[]);
        let texts: Vec<&str> = s.iter().map(|s| t.slice(s.start, s.end)).collect();
        assert_eq!(
            texts,
            [
                "I thank him for hosting the Philippine-U.S. 2+2 Dialogue here.",
                "Then we met."
            ]
        );
    }

    #[test]
    fn a_month_abbreviation_before_a_capital_ends_a_sentence() {
        let raw = "He met Chinese Ambassador Zhang Jun. UN Ambassador Vassily Nebenzia spoke on Jan. 5 and in Sept. 2024, not in Aug. for once.";
        let t = Text::new(raw);
        let s = segment(&t, 0, &[]);
        let texts: Vec<&str> = s.iter().map(|s| t.slice(s.start, s.end)).collect();
        assert_eq!(
            texts,
            [
                "He met Chinese Ambassador Zhang Jun.",
                "UN Ambassador Vassily Nebenzia spoke on Jan. 5 and in Sept. 2024, not in Aug. for once."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_one_paragraph_and_headings_stay_apart() {
        let raw = "Chinese influence\nThe Republic of Ghana and\nthe Republic of Togo agree that the\nCommission will meet. A list\n\nEnd of the first paragraph\nNext paragraph starts here.\n";
        let t = Text::new(raw);
        let s = segment(&t, 0, &[]);
        let texts: Vec<&str> = s.iter().map(|s| t.slice(s.start, s.end)).collect();
        assert_eq!(
            texts,
            [
                "Chinese influence",
                "The Republic of Ghana and\nthe Republic of Togo agree that the\nCommission will meet.",
                "A list",
                "End of the first paragraph",
                "Next paragraph starts here."
            ]
        );
        assert_eq!(s[1].paragraph, s[2].paragraph);
        assert_eq!(s[1].kind, LineKind::Prose);
    }

    #[test]
    fn boilerplate_and_headings() {
        let raw = "Search\n\nA Title Without a Period\n\nSyria and Iraq appear to be entering a new phase,\n\nSyria and Iraq appear to be entering a new phase, shaped by geography.\n";
        let t = Text::new(raw);
        let s = segment(&t, 0, &[fold("search")]);
        let kinds: Vec<LineKind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                LineKind::Boilerplate,
                LineKind::Heading,
                LineKind::Boilerplate,
                LineKind::Prose
            ]
        );
    }
}
