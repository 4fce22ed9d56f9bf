//! Identity of names: the key under which the spellings of one name meet.
//!
//! News writes one person's name in several ways: transliterations of Arabic, Persian or Russian
//! names (Ahmad / Ahmed, Mohammed / Muhammad, Hussein / Husayn), the article `al-` / `el-` / `Al `,
//! honorifics (Mr., Sheikh, Dr.), doubled letters (Qassem / Qasem), hyphens or none. The key of a
//! name is its folded words (lowercase ASCII, diacritics gone) with honorifics dropped, each
//! word put in one spelling by the variant table below, doubled letters collapsed, joined with
//! `-`. Two spellings with the same key are taken for the same name; the key is the stable part
//! of a person's IRI (see ARCHITECTURE.md, "IRIs").

use crate::extract::text::fold;

/// Words that are not part of a name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "shaikh",
    "sheik",
    "sir",
    "hh",
    "his",
    "her",
    "excellency",
    "hon",
    "shri",
    "smt",
    "shrimati",
];

/// Spellings of one name word, the first standing for all. Common romanisations of Arabic,
/// Persian and Turkic given names and name parts, as news agencies write them.
const VARIANTS: &[&[&str]] = &[
    &["ahmad", "ahmed", "ahmet"],
    &[
        "muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "mohamud", "mehmet", "mehmed",
    ],
    &["mahmud", "mahmoud", "mahmood"],
    &[
        "husayn", "hussein", "husein", "hussain", "husain", "hossein", "huseyin",
    ],
    &["hasan", "hassan"],
    &["usama", "osama"],
    &["umar", "omar", "omer"],
    &["uthman", "othman", "osman"],
    &["abd", "abdel", "abdul", "abdal", "abdol"],
    &["yusuf", "youssef", "yousef", "yusef", "yousif", "youssif"],
    &["qasim", "qassem", "qasem", "kassem", "kasem", "qassim", "ghasem"],
    &["jolani", "julani", "golani"],
    &["ali", "aly"],
    &["abu", "abou"],
    &["ibrahim", "ebrahim"],
    &["ismail", "ismael", "esmail"],
    &["khalid", "khaled"],
    &["walid", "waleed"],
    &["said", "saeed", "saied"],
    &["faisal", "faysal", "feisal"],
    &["sultan", "soltan"],
    &["mustafa", "moustafa", "mostafa"],
    &["abdullah", "abdallah", "abdulla"],
    &["abdulaziz", "abdelaziz"],
    &["rahman", "rahmane"],
    &["nasrallah", "nasrullah"],
    &["sergei", "sergey"],
    &["yuri", "yury", "iouri"],
    &["alexei", "alexey", "aleksei", "aleksey"],
    &["dmitry", "dmitri", "dmitriy"],
    &["lavrov", "lavrow"],
    &["zelensky", "zelenskyy", "zelenskiy", "zelenski"],
    // Russian, Ukrainian and Belarusian given names in their English, BGN/PCGN and national
    // romanisations.
    &[
        "alexander",
        "aleksandr",
        "alexandr",
        "aleksander",
        "alyaksandr",
        "oleksandr",
        "olexander",
    ],
    &["vladimir", "volodymyr", "uladzimir", "wladimir"],
    &["mikhail", "mykhailo", "mikhal", "mikhael"],
    &["nikolai", "nikolay", "mykola", "mikalai"],
    &["yevgeny", "yevgeniy", "evgeny", "evgeniy", "yevhen"],
    &["andrei", "andrey", "andriy", "andrii", "andrej"],
    &["viktor", "victor"],
    &["pyotr", "petr", "petro"],
    &["yulia", "yuliya", "julia"],
    &["vasily", "vasiliy", "vasyl"],
    &["grigory", "grigoriy", "hryhoriy"],
    &["anatoly", "anatoliy", "anatolii"],
    &["valery", "valeriy", "valerii"],
    &["gennady", "gennadiy", "hennadiy"],
];

/// The article before a name word, however written.
/// ("Ed", "Es" are English and Catalan given names, and stay out.)
const ARTICLES: &[&str] = &["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"];

/// The key of a name: the same for its spellings (see the module's documentation). Empty when
/// the name has no letters.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    // Words of ASCII letters and digits (the folded form's other bytes separate them).
    let words: Vec<&[u8]> = folded
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(folded.len());
    for (i, w) in words.iter().enumerate() {
        // Only ASCII bytes are left in a word.
        let w = std::str::from_utf8(w).unwrap_or_default();
        if HONORIFICS.contains(&w) && i + 1 < words.len() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        // "al-Sharaa", "el Sharaa", "ash-Shara": the article, in one form, before a word.
        if ARTICLES.contains(&w) && i + 1 < words.len() && i > 0 {
            out.push_str("al");
            continue;
        }
        // Letters written twice stand once (Qassem / Qasem, Sharaa / Shara).
        let mut last = None;
        for c in variant_of(w).unwrap_or(w).chars() {
            if last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        }
    }
    out
}

/// A looser key for a name of two or more words: each word of its key without its final vowels
/// (`a e i o u y`), so that romanisations differing only there meet ("lukashenko" /
/// "lukashenka", "zelensky" / "zelenskyy"). `None` for a one-word name or when a word would
/// keep fewer than three letters: such keys would join different people.
pub fn loose_key(key: &str) -> Option<String> {
    let words: Vec<&str> = key
        .split('-')
        .filter(|w| *w != "al")
        .map(|w| w.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']))
        .collect();
    (words.len() >= 2 && words.iter().all(|w| w.len() >= 3)).then(|| words.join("-"))
}

/// The spelling that stands for `word`'s group in [`VARIANTS`] (a table built on first use).
fn variant_of(word: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            VARIANTS
                .iter()
                .flat_map(|group| group.iter().map(|w| (*w, group[0])))
                .collect()
        })
        .get(word)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let same = [
            ("Ahmad al-Sharaa", "Ahmed al-Sharaa"),
            ("Ahmed Al Sharaa", "Ahmad el-Shara"),
            ("Mohammed Shia al-Sudani", "Muhammad Shia' Al-Sudani"),
            ("Mr. Hussein", "Husayn"),
            ("Sheikh Tamim bin Hamad", "Tamim bin Hamad"),
            ("Abu Mohammad al-Jolani", "Abu Muhammad al-Julani"),
            ("Qassem Soleimani", "Qasem Soleimani"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_eq!(name_key("Ahmed al-Sharaa"), "ahmad-al-shara");
    }

    #[test]
    fn loose_keys_meet_across_final_vowels() {
        let key = |n: &str| loose_key(&name_key(n));
        assert_eq!(key("Alexander Lukashenko"), key("Alyaksandr Lukashenka"));
        assert_eq!(key("Volodymyr Zelenskyy"), key("Vladimir Zelensky"));
        assert_ne!(key("Hassan Rouhani"), key("Hassan Rahimi"));
        // One word, or a word of two letters left: no loose key.
        assert_eq!(key("Putin"), None);
        assert_eq!(key("Bo Xilai"), None);
    }

    #[test]
    fn different_names_keep_different_keys() {
        let different = [
            ("Ahmad al-Sharaa", "Ahmad al-Shara Hassan"),
            ("Ali Khamenei", "Ali Larijani"),
            ("Mohammed bin Salman", "Mohammed bin Zayed"),
            // A name that is only an honorific stays what it is.
            ("Sir", "Mr"),
        ];
        for (a, b) in different {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_eq!(name_key("— ."), "");
    }
}
