//! Extraction quality on the corpus carried in `tests/corpus/dev` (real articles with hand-made
//! gold, see `tests/corpus/README.md`): our own scorer, run in-process on every test run.
//!
//! What it measures, micro-averaged over the articles:
//! - countries: recall of the countries the gold names (names and ISO codes compare equal
//!   through our own gazetteer; extra countries cost nothing);
//! - leaders: precision, recall and F1 of named officials matched by name (the surname must be
//!   shared, and two tokens or all of one side's), with role and country accuracy;
//! - events: a predicted event matches a gold one when its sentence overlaps the gold sentence by
//!   half of the shorter, the type is the same and the participants intersect;
//! - claims: matched by span overlap (half of the shorter), with attribution and hedge accuracy;
//! - provenance: publisher, original outlet, translated and verified, the fraction right;
//! - spans: every span must satisfy `text[start..end] == span.text` in code points.
//!
//! The headline is the mean of countries recall, leaders F1, events F1, claims F1 and
//! provenance. The corpus is split in two (`tests/corpus/SPLIT`): the part extraction work may
//! look at, and the part kept aside as an estimate of unseen articles. Both are reported; the
//! test fails on a span error or when a headline falls below the floor recorded here (a
//! regression guard at the level reached, not a goal).
//!
//! See the scores: `cargo test --release --test integration scorer -- --nocapture`.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The floors: the scores reached on 2026-11-27, third session (dev: 0.958 tuned, 0.887 held
/// out; own: 0.954 tuned, 0.911 held out) less a small margin.
const FLOOR_TUNE: f64 = 0.945;
const FLOOR_HELD_OUT: f64 = 0.87;
const FLOOR_OWN_TUNE: f64 = 0.94;
const FLOOR_OWN_HELD_OUT: f64 = 0.895;

fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Country names → ISO 3166 alpha-3, from the gazetteer the extractor itself uses.
fn country_index() -> HashMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed-data/gazetteer");
    let mut index = HashMap::new();
    let countries = std::fs::read_to_string(root.join("countries.tsv")).unwrap();
    for line in countries.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let iso3 = cols[0].to_owned();
        for col in [2, 3, 4] {
            for name in cols.get(col).unwrap_or(&"").split('|').filter(|n| !n.is_empty()) {
                index.entry(norm(name)).or_insert_with(|| iso3.clone());
            }
        }
        index.insert(norm(&iso3), iso3.clone());
    }
    let extras = std::fs::read_to_string(root.join("country-extras.tsv")).unwrap();
    for line in extras.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 && cols[1] == "name" {
            index.entry(norm(cols[2])).or_insert_with(|| cols[0].to_owned());
        }
    }
    index
}

struct Scorer {
    countries: HashMap<String, String>,
}

impl Scorer {
    fn key(&self, name: &str, iso3: Option<&str>) -> String {
        if let Some(code) = iso3.filter(|c| !c.is_empty()) {
            return code.to_ascii_uppercase();
        }
        let n = norm(name);
        self.countries.get(&n).cloned().unwrap_or(n)
    }
}

const PARTICLES: [&str; 11] = [
    "al", "el", "bin", "ibn", "bint", "ben", "de", "van", "von", "the", "and",
];
const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];

fn name_tokens(s: &str) -> Vec<String> {
    let mut t: Vec<String> = norm(s)
        .split(' ')
        .filter(|w| !w.is_empty() && !PARTICLES.contains(w))
        .map(str::to_owned)
        .collect();
    while t.len() > 1 && t.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        t.pop();
    }
    t
}

/// Same person: the gold's last name is in the prediction, and they share two tokens, or one
/// side's tokens are all in the other.
fn same_person(gold: &str, pred: &str) -> bool {
    let g = name_tokens(gold);
    let p: HashSet<String> = name_tokens(pred).into_iter().collect();
    let Some(last) = g.last() else { return false };
    if p.is_empty() || !p.contains(last) {
        return false;
    }
    let gs: HashSet<String> = g.iter().cloned().collect();
    g.len() == 1 || gs.intersection(&p).count() >= 2 || p.is_subset(&gs)
}

/// Loosely the same words (roles, outlets, sources): one inside the other or half shared.
fn similar(gold: &str, pred: &str) -> bool {
    let g: HashSet<String> = name_tokens(gold).into_iter().collect();
    let p: HashSet<String> = name_tokens(pred).into_iter().collect();
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let shared = g.intersection(&p).count();
    g.is_subset(&p) || p.is_subset(&g) || shared * 2 >= g.union(&p).count()
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Code-point span of the first occurrence of `needle`.
fn find(text: &[char], needle: &str) -> Option<(usize, usize)> {
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() || n.len() > text.len() {
        return None;
    }
    (0..=text.len() - n.len())
        .find(|&i| text[i..i + n.len()] == n[..])
        .map(|i| (i, i + n.len()))
}

fn overlap(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else { return 0.0 };
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    if inter == 0 || shorter == 0 {
        0.0
    } else {
        inter as f64 / shorter as f64
    }
}

/// One-to-one matching: each gold item takes the first unused prediction that fits.
fn greedy<G, P>(golds: &[G], preds: &[P], fits: impl Fn(&G, &P) -> bool) -> Vec<(usize, usize)> {
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        if let Some(pi) = (0..preds.len()).find(|pi| !used.contains(pi) && fits(g, &preds[*pi])) {
            used.insert(pi);
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn f1(tp: usize, predicted: usize, gold: usize) -> f64 {
    let p = if predicted == 0 {
        if gold == 0 { 1.0 } else { 0.0 }
    } else {
        tp as f64 / predicted as f64
    };
    let r = if gold == 0 { 1.0 } else { tp as f64 / gold as f64 };
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Counts summed over articles.
#[derive(Default, Clone, Copy)]
struct Tally {
    countries: (usize, usize),
    leaders: (usize, usize, usize, usize, usize),
    events: (usize, usize, usize),
    claims: (usize, usize, usize, usize, usize),
    provenance: (usize, usize),
    span_errors: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.countries = (self.countries.0 + o.countries.0, self.countries.1 + o.countries.1);
        let (a, b) = (self.leaders, o.leaders);
        self.leaders = (a.0 + b.0, a.1 + b.1, a.2 + b.2, a.3 + b.3, a.4 + b.4);
        let (a, b) = (self.events, o.events);
        self.events = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
        let (a, b) = (self.claims, o.claims);
        self.claims = (a.0 + b.0, a.1 + b.1, a.2 + b.2, a.3 + b.3, a.4 + b.4);
        self.provenance = (
            self.provenance.0 + o.provenance.0,
            self.provenance.1 + o.provenance.1,
        );
        self.span_errors += o.span_errors;
    }

    fn parts(&self) -> [f64; 5] {
        let c = if self.countries.1 == 0 {
            1.0
        } else {
            self.countries.0 as f64 / self.countries.1 as f64
        };
        let p = if self.provenance.1 == 0 {
            1.0
        } else {
            self.provenance.0 as f64 / self.provenance.1 as f64
        };
        [
            c,
            f1(self.leaders.0, self.leaders.1, self.leaders.2),
            f1(self.events.0, self.events.1, self.events.2),
            f1(self.claims.0, self.claims.1, self.claims.2),
            p,
        ]
    }

    fn headline(&self) -> f64 {
        self.parts().iter().sum::<f64>() / 5.0
    }

    fn line(&self, label: &str) -> String {
        let [c, l, e, cl, p] = self.parts();
        format!(
            "{label:10} score {:.3}  countries R {c:.2}  leaders F1 {l:.2}  events F1 {e:.2}  claims F1 {cl:.2}  provenance {p:.2}  span errors {}",
            self.headline(),
            self.span_errors
        )
    }
}

/// Checks one output span; returns its code-point range when it is true to the text.
fn span(text: &[char], v: &Value, errors: &mut usize) -> Option<(usize, usize)> {
    let start = usize::try_from(v.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(v.get("end")?.as_u64()?).ok()?;
    let said = v.get("text")?.as_str()?;
    if start > end || end > text.len() || text[start..end].iter().collect::<String>() != said {
        *errors += 1;
        return None;
    }
    Some((start, end))
}

fn score(s: &Scorer, text: &[char], gold: &Value, out: &Value) -> Tally {
    let mut t = Tally::default();
    let empty = Vec::new();
    let list = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| empty.clone())
    };

    let gold_countries: HashSet<String> = list(gold, "countries")
        .iter()
        .filter_map(Value::as_str)
        .map(|c| s.key(c, None))
        .collect();
    let mut found = HashSet::new();
    for c in list(out, "countries") {
        for m in list(&c, "mentions") {
            span(text, &m, &mut t.span_errors);
        }
        found.insert(s.key(
            c["name"].as_str().unwrap_or(""),
            c.get("iso3").and_then(Value::as_str),
        ));
    }
    t.countries = (gold_countries.intersection(&found).count(), gold_countries.len());

    let (gl, pl) = (list(gold, "leaders"), list(out, "leaders"));
    for p in &pl {
        for m in list(p, "mentions") {
            span(text, &m, &mut t.span_errors);
        }
    }
    let pairs = greedy(&gl, &pl, |g, p| {
        same_person(g["name"].as_str().unwrap_or(""), p["name"].as_str().unwrap_or(""))
    });
    let role = pairs
        .iter()
        .filter(|(g, p)| {
            similar(
                gl[*g]["role"].as_str().unwrap_or(""),
                pl[*p]["role"].as_str().unwrap_or(""),
            )
        })
        .count();
    let country = pairs
        .iter()
        .filter(|(g, p)| {
            s.key(gl[*g]["country"].as_str().unwrap_or(""), None)
                == s.key(
                    pl[*p]["country"].as_str().unwrap_or(""),
                    pl[*p].get("country_iso3").and_then(Value::as_str),
                )
        })
        .count();
    t.leaders = (pairs.len(), pl.len(), gl.len(), role, country);

    let participants = |v: &Value| -> HashSet<String> {
        strings(&v["participants"])
            .iter()
            .map(|c| s.key(c, None))
            .collect()
    };
    let ge: Vec<_> = list(gold, "events")
        .into_iter()
        .map(|g| (find(text, g["sentence"].as_str().unwrap_or("")), g))
        .collect();
    let mut errors = 0;
    let pe: Vec<_> = list(out, "events")
        .into_iter()
        .map(|p| (span(text, &p["sentence"], &mut errors), p))
        .collect();
    t.span_errors += errors;
    let pairs = greedy(&ge, &pe, |(gs, g), (ps, p)| {
        let (gp, pp) = (participants(g), participants(p));
        overlap(*gs, *ps) >= 0.5 && g["type"] == p["type"] && (gp.is_empty() || !gp.is_disjoint(&pp))
    });
    t.events = (pairs.len(), pe.len(), ge.len());

    let gc: Vec<_> = list(gold, "claims")
        .into_iter()
        .map(|g| (find(text, g["text"].as_str().unwrap_or("")), g))
        .collect();
    let mut errors = 0;
    let pc: Vec<_> = list(out, "claims")
        .into_iter()
        .map(|p| (span(text, &p["text"], &mut errors), p))
        .collect();
    t.span_errors += errors;
    let pairs = greedy(&gc, &pc, |(gs, _), (ps, _)| overlap(*gs, *ps) >= 0.5);
    let attributed = pairs
        .iter()
        .filter(|(g, p)| {
            let (a, b) = (
                strings(&gc[*g].1["attributed_to"]),
                strings(&pc[*p].1["attributed_to"]),
            );
            a.iter().any(|x| b.iter().any(|y| similar(x, y)))
        })
        .count();
    let hedged = pairs
        .iter()
        .filter(|(g, p)| {
            gc[*g].1["hedged"].as_bool().unwrap_or(false) == pc[*p].1["hedged"].as_bool().unwrap_or(false)
        })
        .count();
    t.claims = (pairs.len(), pc.len(), gc.len(), attributed, hedged);

    let (gp, pa) = (&gold["provenance"], &out["article"]);
    let outlet = |k: &str| match (
        gp[k].as_str().filter(|v| !v.is_empty()),
        pa[k].as_str().filter(|v| !v.is_empty()),
    ) {
        (None, None) => true,
        (Some(g), Some(p)) => similar(g, p),
        _ => false,
    };
    let checks = [
        outlet("publisher"),
        outlet("original_outlet"),
        gp["translated"].as_bool().unwrap_or(false) == pa["translated"].as_bool().unwrap_or(false),
        gp["verified_by_publisher"] == pa["verified_by_publisher"],
    ];
    t.provenance = (checks.iter().filter(|c| **c).count(), checks.len());
    t
}

#[test]
fn extraction_quality_on_the_carried_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let held_out: HashSet<String> = std::fs::read_to_string(root.join("SPLIT"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("held-out ").map(|n| n.trim().to_owned()))
        .collect();
    assert!(
        !held_out.is_empty(),
        "tests/corpus/SPLIT names no held-out article"
    );
    let scorer = Scorer {
        countries: country_index(),
    };
    // Each set: (folder, tally of its tuned part, tally of its held-out part).
    let mut sets: Vec<(&str, Tally, Tally)> = Vec::new();
    for set in ["dev", "own"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(set).join("articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let (mut tune, mut kept) = (Tally::default(), Tally::default());
        for path in &names {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let gold: Value = serde_json::from_str(
                &std::fs::read_to_string(root.join(set).join("gold").join(format!("{stem}.json"))).unwrap(),
            )
            .unwrap();
            let bytes = std::fs::read(path).unwrap();
            let text: Vec<char> = String::from_utf8(bytes.clone()).unwrap().chars().collect();
            let article = bilateral::article::read(&bytes).unwrap();
            let out =
                serde_json::to_value(bilateral::extract::extract(&article, bilateral::DEFAULT_BASE_IRI))
                    .unwrap();
            let t = score(&scorer, &text, &gold, &out);
            let part = if held_out.contains(&stem) {
                "held-out"
            } else {
                "tune"
            };
            println!("{}", t.line(&format!("{set} {part}:")) + &format!("  {stem}"));
            if held_out.contains(&stem) {
                kept.add(&t);
            } else {
                tune.add(&t);
            }
        }
        sets.push((set, tune, kept));
    }
    println!();
    let mut all = Tally::default();
    for (set, tune, kept) in &sets {
        println!("{}", tune.line(&format!("{set} tune")));
        println!("{}", kept.line(&format!("{set} held-out")));
        let mut both = *tune;
        both.add(kept);
        println!("{}", both.line(&format!("{set} all")));
        all.add(&both);
    }
    let l = all.leaders;
    let c = all.claims;
    println!(
        "both sets: leaders role acc {:.2} country acc {:.2}; claims attribution acc {:.2} hedge acc {:.2}",
        l.3 as f64 / l.0.max(1) as f64,
        l.4 as f64 / l.0.max(1) as f64,
        c.3 as f64 / c.0.max(1) as f64,
        c.4 as f64 / c.0.max(1) as f64
    );
    assert_eq!(all.span_errors, 0, "spans that are not true to the text");
    for (set, tune, kept) in &sets {
        let (floor_tune, floor_kept) = if *set == "dev" {
            (FLOOR_TUNE, FLOOR_HELD_OUT)
        } else {
            (FLOOR_OWN_TUNE, FLOOR_OWN_HELD_OUT)
        };
        assert!(
            tune.headline() >= floor_tune,
            "the tuned part of {set} fell to {:.3}",
            tune.headline()
        );
        assert!(
            kept.headline() >= floor_kept,
            "the held-out part of {set} fell to {:.3}",
            kept.headline()
        );
    }
}
