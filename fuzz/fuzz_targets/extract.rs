//! Any bytes through the reader and the extractor: no panic, and every span the extraction
//! gives is the text at its code-point offsets.
//!
//! Run (from `fuzz/`'s parent): `RUSTC_BOOTSTRAP=1 cargo fuzz run extract fuzz/corpus fuzz/seeds -- -max_total_time=600`
//! (`fuzz/corpus` collects what the fuzzer finds and is not committed; `fuzz/seeds` are articles).
#![no_main]

use bilateral::extract::{Span, extract};

fn check(chars: &[char], span: &Span) {
    assert!(span.start <= span.end && span.end <= chars.len(), "span out of range");
    let text: String = chars[span.start..span.end].iter().collect();
    assert_eq!(text, span.text, "span text differs from the input");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(article) = bilateral::article::read(data) else { return };
    let x = extract(&article, "http://example.org/");
    let chars: Vec<char> = article.text.chars().collect();
    for c in &x.countries {
        c.mentions.iter().for_each(|s| check(&chars, s));
    }
    for l in &x.leaders {
        l.mentions.iter().for_each(|s| check(&chars, s));
        l.role_mention.iter().for_each(|s| check(&chars, s));
    }
    for e in &x.events {
        check(&chars, &e.sentence);
        check(&chars, &e.trigger);
    }
    for c in &x.claims {
        check(&chars, &c.text);
        check(&chars, &c.cue);
    }
    // The JSON contract always serialises.
    let _ = serde_json::to_string(&x);
});
