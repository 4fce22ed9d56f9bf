//! Time expressions: when an event happened, resolved against the article's date.
//!
//! Finds, in one sentence, the first expression of a date the text gives — "on Feb. 12",
//! "February 12, 2026", "12 February", "in August", "on Monday", "today", "yesterday", "last
//! month", "in 2003", "2024-07-30" — and resolves it to an ISO 8601 date of the precision the
//! text has: a day (`2026-02-12`), a month (`2026-08`) or a year (`2003`). A day or month
//! without a year takes the article's year, or the year before when that would put it after
//! the article (news tells of the past; "will meet on Monday" is the exception a reader resolves
//! forwards, and so does this module for a sentence in the future tense). Without an article
//! date, only expressions that carry their own year resolve.

use regex::Regex;
use std::sync::OnceLock;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Day {
    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    pub fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_ordinal(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// Monday = 0 … Sunday = 6.
    fn weekday(self) -> i64 {
        (self.ordinal() + 3).rem_euclid(7)
    }

    #[must_use]
    pub fn plus_days(self, n: i64) -> Self {
        Self::from_ordinal(self.ordinal() + n)
    }

    pub fn valid(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = Self { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && Self::from_ordinal(d.ordinal()) == d).then_some(d)
    }
}

/// Reads an article date: an ISO date at the start of the text (`2024-07-30 …`), or a written
/// one ("February 12, 2026", "12 February 2026").
pub fn article_day(text: &str) -> Option<Day> {
    let t = text.trim();
    if let Some(c) = patterns().iso.captures(t)
        && c.get(0).is_some_and(|m| m.start() == 0)
    {
        return Day::valid(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?);
    }
    let found = find(t, None, false)?;
    (found.value.len() == 10).then(|| {
        let y = found.value[..4].parse().ok()?;
        let m = found.value[5..7].parse().ok()?;
        let d = found.value[8..10].parse().ok()?;
        Day::valid(y, m, d)
    })?
}

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// Byte range of the words in the sentence.
    pub bytes: (usize, usize),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
/// The days of the week, folded (claims use them too: a source's time).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

struct Patterns {
    iso: Regex,
    month_day_year: Regex,
    day_month_year: Regex,
    in_month: Regex,
    weekday: Regex,
    relative: Regex,
    in_year: Regex,
    future: Regex,
}

const MONTH: &str = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    #[expect(clippy::expect_used, reason = "constant patterns, covered by the tests below")]
    P.get_or_init(|| Patterns {
        iso: Regex::new(r"(?-u:\b)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?-u:\b)").expect("iso"),
        month_day_year: Regex::new(&format!(r"(?-u:\b){MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"))
            .expect("month day"),
        day_month_year: Regex::new(&format!(r"(?-u:\b)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"))
            .expect("day month"),
        in_month: Regex::new(&format!(r"(?-u:\b)(?i:in|since|during|by|until|last|this|early|late|mid-)\s*(?:early\s+|late\s+|mid-)?{MONTH}(?-u:\b)(?:\s+(?P<year>\d{{4}})(?-u:\b))?"))
            .expect("in month"),
        weekday: Regex::new(r"(?-u:\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?(?-u:\b)").expect("weekday"),
        relative: Regex::new(r"(?i)(?-u:\b)(?P<rel>today|this\s+morning|this\s+afternoon|this\s+evening|tonight|yesterday|tomorrow|last\s+month|last\s+year|this\s+year|next\s+year|next\s+month|last\s+week|earlier\s+this\s+week|this\s+week|next\s+week|a\s+week\s+ago|(?:two|three|four|five|six|[2-9])\s+days\s+ago)(?-u:\b)")
            .expect("relative"),
        in_year: Regex::new(r"(?-u:\b)(?i:in|since|during|by|until)\s+(?P<year>(?:19|20)\d{2})(?-u:\b)").expect("in year"),
        future: Regex::new(r"(?i)(?-u:\b)(?:will|shall|is\s+to|are\s+to|plans?\s+to|is\s+expected\s+to|are\s+expected\s+to|next|look(?:s|ed|ing)?\s+forward\s+to)(?-u:\b)").expect("future"),
    })
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Picks the year for a month (and day) given without one.
fn year_for(month: u32, day: u32, article: Day, forwards: bool) -> i32 {
    // A month without a day (`day` 0) is this year's while it lasts.
    let candidate = (month, day);
    let now = (article.month, if day == 0 { 0 } else { article.day });
    if forwards {
        // "will pay an official visit from April 8 to 9" in a text of April 9: a day of this
        // week that has begun is this year's, not next year's.
        let recent = day > 0
            && Day::valid(article.year, month, day)
                .is_some_and(|d| (0..=7).contains(&(article.ordinal() - d.ordinal())));
        if candidate < now && !recent {
            article.year + 1
        } else {
            article.year
        }
    } else if candidate > now {
        article.year - 1
    } else {
        article.year
    }
}

/// The first time expression of `sentence`, resolved against `article` (the article's date).
/// `forwards` resolves day and month names without a year into the future (for an event the
/// text plans); `None` is returned when the sentence gives no time or it cannot be resolved.
pub fn find(sentence: &str, article: Option<Day>, forwards: bool) -> Option<Found> {
    find_directed(sentence, article, forwards || future_word(sentence))
}

/// Whether the sentence holds a word of the future. "the next day" is the day after something
/// the sentence tells, not a day to come ("prompting retaliatory strikes the next day"); "the
/// next five years" is to come.
fn future_word(sentence: &str) -> bool {
    patterns().future.find_iter(sentence).any(|m| {
        !(m.as_str().eq_ignore_ascii_case("next")
            && sentence[..m.start()]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && sentence[m.end()..].split_whitespace().next().is_some_and(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
                ["day", "morning", "afternoon", "evening", "night"]
                    .iter()
                    .any(|d| w.eq_ignore_ascii_case(d))
            }))
    })
}

/// The year that "last year", "this year" or "next year" (or "of last year") right after a month
/// gives: "in April last year" is April of the year before the article's.
fn relative_year(after: &str, a: Day) -> Option<i32> {
    let after = after.trim_start();
    let after = after.strip_prefix("of ").unwrap_or(after);
    let mut words = after.split_whitespace();
    let (which, year) = (words.next()?, words.next()?);
    if !year
        .trim_end_matches([',', '.', ';'])
        .eq_ignore_ascii_case("year")
    {
        return None;
    }
    match which.to_ascii_lowercase().as_str() {
        "last" | "past" => Some(a.year - 1),
        "this" => Some(a.year),
        "next" => Some(a.year + 1),
        _ => None,
    }
}

/// As [`find`], with the direction given: no future word of the sentence turns it (for an event
/// the text tells in the past tense, "met ... on Monday for talks on a plan to ...").
#[expect(
    clippy::too_many_lines,
    reason = "one short pass per kind of expression, in order"
)]
pub fn find_directed(sentence: &str, article: Option<Day>, forwards: bool) -> Option<Found> {
    let p = patterns();
    let mut best: Option<Found> = None;
    let mut consider = |found: Option<Found>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.bytes.0 < b.bytes.0)
            && !in_since_clause(sentence, f.bytes.0)
            && !since_reference(sentence, f.bytes.0)
            // "agreed to work towards a target of $20 billion by 2030": a deadline dates what
            // is to come, not what took place.
            && (forwards || !deadline(sentence, f.bytes.0))
        {
            best = Some(f);
        }
    };
    for c in p.iso.captures_iter(sentence) {
        let m = c.get(0)?;
        consider(
            Day::valid(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?).map(|d| Found {
                value: iso(d),
                bytes: (m.start(), m.end()),
            }),
        );
    }
    for re in [&p.month_day_year, &p.day_month_year] {
        for c in re.captures_iter(sentence) {
            let m = c.get(0)?;
            let (Some(month), Ok(day)) = (month_number(&c["month"]), c["day"].parse::<u32>()) else {
                continue;
            };
            let year = match c.name("year") {
                Some(y) => y.as_str().parse().ok(),
                None => article.map(|a| {
                    relative_year(&sentence[m.end()..], a)
                        .unwrap_or_else(|| year_for(month, day, a, forwards))
                }),
            };
            consider(year.and_then(|y| Day::valid(y, month, day)).map(|d| Found {
                value: iso(d),
                bytes: (m.start(), m.end()),
            }));
        }
    }
    for c in p.in_month.captures_iter(sentence) {
        let m = c.get(0)?;
        let Some(month) = month_number(&c["month"]) else {
            continue;
        };
        // "in May" is a month; "may" the verb is lowercase and not matched.
        let year = match c.name("year") {
            Some(y) => y.as_str().parse().ok(),
            None => article.map(|a| {
                relative_year(&sentence[m.end()..], a).unwrap_or_else(|| year_for(month, 0, a, forwards))
            }),
        };
        consider(year.map(|y: i32| Found {
            value: format!("{y:04}-{month:02}"),
            bytes: (m.start(), m.end()),
        }));
    }
    if let Some(a) = article {
        for c in p.weekday.captures_iter(sentence) {
            let m = c.get(0)?;
            let Some(target) = WEEKDAYS.iter().position(|w| c["wd"].eq_ignore_ascii_case(w)) else {
                continue;
            };
            let target = i64::try_from(target).unwrap_or(0);
            let today = a.weekday();
            let delta = if forwards {
                (target - today).rem_euclid(7)
            } else {
                -((today - target).rem_euclid(7))
            };
            consider(Some(Found {
                value: iso(a.plus_days(delta)),
                bytes: (m.start(), m.end()),
            }));
        }
        for c in p.relative.captures_iter(sentence) {
            let m = c.get(0)?;
            let rel = c["rel"].to_ascii_lowercase();
            let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
            let value = match rel.as_str() {
                "yesterday" => iso(a.plus_days(-1)),
                "tomorrow" => iso(a.plus_days(1)),
                "last month" => {
                    let (y, mo) = if a.month == 1 {
                        (a.year - 1, 12)
                    } else {
                        (a.year, a.month - 1)
                    };
                    format!("{y:04}-{mo:02}")
                }
                "next month" => {
                    let (y, mo) = if a.month == 12 {
                        (a.year + 1, 1)
                    } else {
                        (a.year, a.month + 1)
                    };
                    format!("{y:04}-{mo:02}")
                }
                "last week" => week(a.plus_days(-7)),
                "this week" | "earlier this week" => week(a),
                "next week" => week(a.plus_days(7)),
                "a week ago" => iso(a.plus_days(-7)),
                ago if ago.ends_with("days ago") => {
                    let n = match ago.split_whitespace().next().unwrap_or_default() {
                        "two" => 2,
                        "three" => 3,
                        "four" => 4,
                        "five" => 5,
                        "six" => 6,
                        digits => digits.parse().unwrap_or(0),
                    };
                    iso(a.plus_days(-n))
                }
                "last year" => format!("{:04}", a.year - 1),
                "this year" => format!("{:04}", a.year),
                "next year" => format!("{:04}", a.year + 1),
                _ => iso(a),
            };
            consider(Some(Found {
                value,
                bytes: (m.start(), m.end()),
            }));
        }
    }
    for c in p.in_year.captures_iter(sentence) {
        let m = c.get(0)?;
        consider(Some(Found {
            value: c["year"].to_owned(),
            bytes: (m.start(), m.end()),
        }));
    }
    best
}

/// Whether the date at `at` is a deadline: "by 2030", "by the end of May".
fn deadline(sentence: &str, at: usize) -> bool {
    let lower = sentence[at..].to_ascii_lowercase();
    lower.starts_with("by ")
        || sentence[..at].trim_end().to_ascii_lowercase().ends_with(" by")
        || sentence[..at]
            .trim_end()
            .to_ascii_lowercase()
            .ends_with(" by the end of")
}

/// Whether the date at `at` opens with "since" and the sentence tells no state lasting from it:
/// "his first visit to Greece since 2017" dates an earlier visit, not this one, where "the
/// border has been closed since August" dates the closure.
fn since_reference(sentence: &str, at: usize) -> bool {
    sentence
        .get(at..at + 6)
        .is_some_and(|w| w.eq_ignore_ascii_case("since "))
        && !sentence[..at].split_whitespace().any(|w| {
            ["has", "have", "had", "'s", "’s"]
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a))
        })
}

/// Whether the expression at `at` is inside a clause opened by "since" ("... since he took
/// office in April 2016"): the time of another happening, not of the event.
fn in_since_clause(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].to_ascii_lowercase();
    before.rfind("since ").is_some_and(|i| {
        (i == 0 || !before.as_bytes()[i - 1].is_ascii_alphanumeric()) && !before[i..].contains(',')
    })
}

/// The week (Monday to Sunday) of `d`, as precisely as a date of the contract can hold it: its
/// month when the week lies in one month, else its year when it lies in one year, else the
/// year of its Monday (a week across a new year is told by the earlier one).
fn week(d: Day) -> String {
    let monday = d.plus_days(-d.weekday());
    let sunday = monday.plus_days(6);
    if (monday.year, monday.month) == (sunday.year, sunday.month) {
        format!("{:04}-{:02}", monday.year, monday.month)
    } else {
        format!("{:04}", monday.year)
    }
}

fn iso(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: Day = Day {
        year: 2026,
        month: 2,
        day: 20,
    };

    fn v(sentence: &str) -> Option<String> {
        find(sentence, Some(ARTICLE), false).map(|f| f.value)
    }

    #[test]
    fn days_months_and_years() {
        assert_eq!(
            v("The transfer was completed on Feb. 12.").as_deref(),
            Some("2026-02-12")
        );
        assert_eq!(
            v("They met on February 12, 2025, in Baghdad.").as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(v("Talks were held on 3 March.").as_deref(), Some("2025-03-03"));
        assert_eq!(v("The deal was signed in August.").as_deref(), Some("2025-08"));
        assert_eq!(
            v("The deal was signed in August 2024.").as_deref(),
            Some("2024-08")
        );
        assert_eq!(
            v("A treaty signed in 2000 ended the war.").as_deref(),
            Some("2000")
        );
        assert_eq!(v("Officials may meet soon.").as_deref(), None);
    }

    #[test]
    fn a_sentence_may_begin_with_the_preposition() {
        assert_eq!(
            v("In 2019, the two countries signed a deal.").as_deref(),
            Some("2019")
        );
        assert_eq!(v("In August the talks resumed.").as_deref(), Some("2025-08"));
    }

    #[test]
    fn relative_days_resolve_against_the_article() {
        // 2026-02-20 is a Friday.
        assert_eq!(v("The ministers met today.").as_deref(), Some("2026-02-20"));
        assert_eq!(
            v("India and Pakistan exchanged prisoners yesterday.").as_deref(),
            Some("2026-02-19")
        );
        assert_eq!(
            v("The crossing reopened on Monday.").as_deref(),
            Some("2026-02-16")
        );
        assert_eq!(v("They will meet on Monday.").as_deref(), Some("2026-02-23"));
        assert_eq!(
            v("They agreed last month to swap prisoners.").as_deref(),
            Some("2026-01")
        );
        assert_eq!(find("They met on Monday.", None, false), None);
    }

    #[test]
    fn what_is_planned_this_month_or_this_week_is_this_years() {
        // The article is of 2026-02-20.
        let f = |s: &str| find(s, Some(ARTICLE), true).map(|f| f.value);
        assert_eq!(f("They will meet in February.").as_deref(), Some("2026-02"));
        assert_eq!(f("They will meet in January.").as_deref(), Some("2027-01"));
        assert_eq!(
            f("He will pay a visit from February 18 to 21.").as_deref(),
            Some("2026-02-18")
        );
        assert_eq!(
            f("He will pay a visit on February 2.").as_deref(),
            Some("2027-02-02")
        );
    }

    #[test]
    fn weeks_and_days_ago_resolve_as_precisely_as_they_say() {
        // 2026-02-20 is a Friday: last week is 9–15 February, this week 16–22, next week
        // 23 February – 1 March (two months: only the year is sure).
        assert_eq!(v("The envoys met last week.").as_deref(), Some("2026-02"));
        assert_eq!(v("They spoke earlier this week.").as_deref(), Some("2026-02"));
        assert_eq!(v("They will meet next week.").as_deref(), Some("2026"));
        assert_eq!(
            v("The crossing closed three days ago.").as_deref(),
            Some("2026-02-17")
        );
        assert_eq!(
            v("The crossing closed a week ago.").as_deref(),
            Some("2026-02-13")
        );
    }

    #[test]
    fn the_article_date_is_read_from_the_header_field() {
        assert_eq!(
            article_day("2024-07-30 (not in the stored text)"),
            Day::valid(2024, 7, 30)
        );
        assert_eq!(article_day("September 13, 2005"), Day::valid(2005, 9, 13));
        assert_eq!(article_day("unknown"), None);
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for ord in [-1000, 0, 19_000, 20_500] {
            assert_eq!(Day::from_ordinal(ord).ordinal(), ord);
        }
        assert_eq!(Day::valid(2024, 2, 30), None);
        assert_eq!(Day::valid(2024, 2, 29).map(Day::weekday), Some(3));
    }
}
