#!/usr/bin/env python3
"""Generates a corpus of realistic news articles about relations between two countries, for
the scale benchmark (`benches/scale/run.sh`).

Deterministic: the same --seed and --articles give byte-identical files. Each article is about
1.8 KB, with a header (title, publisher, date, sometimes a translation's original outlet and
the publisher's disclaimer), a dateline, a meeting or call between two officials, two to four
events of the types the extractor knows (detainee transfers, border crossings, intelligence
sharing, trade, energy, agreements, visits, aid, sanctions relief, blockades), quotes,
attributed and hedged claims, reported events ("according to a security source") and a
judgement of the publisher.

The countries, capitals, demonyms and officials come from the project's gazetteer
(`seed-data/gazetteer/`): officials are chosen among those in office at the article's date,
so the extractor meets real names with real dated roles; a country with none in office at the
date gets an invented official with a title, as the news has many the gazetteer lacks.

Usage: generate.py --articles N [--seed S] [--pairs P] --out DIR
"""

import argparse
import csv
import datetime
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZ = os.path.join(ROOT, "seed-data", "gazetteer")

OFFICES = ("President", "Prime Minister", "Foreign Minister", "Defense Minister",
           "Defence Minister", "Interior Minister", "King", "Emir", "Chancellor")


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def load_countries():
    out = {}
    for r in rows(os.path.join(GAZ, "countries.tsv")):
        iso3, _iso2, common, _official, _other, demonyms, capitals = (r + [""] * 7)[:7]
        demonym = demonyms.split("|")[0] if demonyms else ""
        capital = capitals.split("|")[0] if capitals else ""
        if demonym and capital and " " not in demonym:
            out[iso3] = (common, demonym, capital)
    return out


def load_officials(countries):
    """Officials with an office and dates, by country: (name, office, from, to)."""
    by_country = {}
    for path in ("people.tsv", "phoenix-people.tsv"):
        for r in rows(os.path.join(GAZ, path)):
            name, _other, role, iso3, start, end = (r + [""] * 6)[:6]
            if iso3 not in countries or not start or "CAMEO" in role:
                continue
            if not any(role.startswith(o) for o in OFFICES):
                continue
            if not name[:1].isupper() or "'" in name or "`" in name:
                continue
            by_country.setdefault(iso3, []).append((name, role, start, end or "9999-12-31"))
    return by_country


GIVEN = ["Amir", "Lena", "Tomas", "Farid", "Mara", "Jonas", "Aziz", "Nadia", "Pavel", "Ines",
         "Karim", "Sofia", "Rashid", "Elena", "Omar", "Hana", "Viktor", "Leila", "Daniel", "Mei"]
FAMILY = ["Haddad", "Novak", "Karimi", "Lindqvist", "Osei", "Petrov", "Rahman", "Moreau",
          "Tanaka", "Qureshi", "Silva", "Mensah", "Kovacs", "Nasser", "Ibrahim", "Larsen"]
TITLES = ["Deputy Foreign Minister", "Interior Minister", "Trade Minister", "Energy Minister",
          "Defense Minister", "National Security Adviser", "Ambassador"]
PUBLISHERS = ["Reuters", "Voice of America", "Al Jazeera", "Tasnim News Agency", "TASS",
              "Anadolu Agency", "Xinhua", "Agence France-Presse", "The Associated Press",
              "GOV.UK", "U.S. Department of State", "Kremlin"]
ORIGINALS = ["Al-Thawra", "Asharq Al-Awsat", "Kommersant", "Hurriyet", "Dawn", "Al-Ahram"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SOURCES = ["a security source", "a senior official", "state media", "a diplomatic source",
           "officials familiar with the talks", "the foreign ministry"]


def official(rng, officials, iso3, day, countries):
    here = [o for o in officials.get(iso3, []) if o[2] <= day <= o[3]]
    if here and rng.random() < 0.8:
        name, role, _, _ = rng.choice(here)
        return name, role
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", rng.choice(TITLES)


def events(rng, a, b, when):
    """Event sentences between countries a and b (common name, demonym, capital)."""
    (na, da, ca), (nb, db, cb) = a, b
    n = rng.randint(20, 400)
    pool = [
        f"{na} handed over {n} {rng.choice(['detainees', 'prisoners', 'suspects'])} to {nb} {when}, according to {rng.choice(SOURCES)}.",
        f"The {da} authorities transferred {n} prisoners to {db} custody at the border {when}.",
        f"The two countries agreed to reopen the {rng.choice(['main', 'northern', 'southern'])} border crossing between {na} and {nb} to trade and pilgrims.",
        f"{na} and {nb} will share intelligence on smuggling networks along their border, officials said.",
        f"{na} and {nb} signed a memorandum of understanding on {rng.choice(['energy', 'trade', 'transport', 'water'])} cooperation {when}.",
        f"The two sides agreed to raise bilateral trade to {rng.randint(2, 40)} billion dollars within five years.",
        f"{na} will increase gas supplies to {nb} under a new pipeline agreement.",
        f"{na} announced a humanitarian aid package of {rng.randint(5, 900)} million dollars for {nb}.",
        f"{na} lifted sanctions on {db} banks {when}, the finance ministry said.",
        f"{da} coast guard vessels blockaded a {db} supply ship near the disputed shoal {when}.",
        f"Border guards of {na} and {nb} began joint patrols {when}.",
    ]
    return rng.sample(pool, rng.randint(2, 4))


def article(rng, i, pair, countries, officials):
    (ia, ib) = pair
    a, b = countries[ia], countries[ib]
    date = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 20))
    day = date.isoformat()
    pa, ra = official(rng, officials, ia, day, countries)
    pb, rb = official(rng, officials, ib, day, countries)
    host = rng.choice([a, b])
    weekday = WEEKDAYS[date.weekday()]
    when = rng.choice([f"on {weekday}", "today", f"on {MONTHS[date.month - 1]} {date.day}", "last week"])
    publisher = rng.choice(PUBLISHERS)
    header = [f"title: {a[0]} and {b[0]} {rng.choice(['agree to deepen ties', 'hold talks', 'discuss border security', 'sign new agreements'])} ({i})",
              f"publisher: {publisher}", f"date: {day}",
              f"url: https://example.org/news/{date.year}/{i:07d}"]
    translated = rng.random() < 0.25
    if translated:
        header.append(f"original_outlet: {rng.choice(ORIGINALS)}")
        header.append("translated: yes")
        header.append(f"verified: {rng.choice(['no', 'yes'])}")
    body = []
    meet = rng.choice([
        f"{host[2].upper()} – {a[1]} {ra} {pa} met {b[1]} {rb} {pb} in {host[2]} {when} to discuss security, trade and the situation along their shared border.",
        f"{a[1]} {ra} {pa} spoke by phone with {b[1]} {rb} {pb} {when}, the two governments said.",
        f"{a[1]} {ra} {pa} hosted {b[1]} {rb} {pb} in {a[2]} {when} for talks on cooperation.",
    ])
    body.append(meet)
    body.append(" ".join(events(rng, a, b, when)))
    surname_a = pa.split()[-1]
    body.append(f"“Our two countries share a long border and a common future, and this cooperation will benefit both peoples,” {surname_a} said at a joint news conference.")
    body.append(f"{b[1]} {rb} {pb} said that {b[0]} was ready to expand cooperation with {a[0]} in every field, but warned that {rng.choice(['smuggling', 'armed groups', 'illegal crossings'])} remained a threat.")
    if rng.random() < 0.6:
        body.append(f"The {a[1]} foreign ministry claimed that {b[0]} had not fully implemented the previous agreement, according to a statement.")
    if rng.random() < 0.6:
        body.append(f"Analysts said the agreement could {rng.choice(['ease tensions', 'boost trade', 'reshape the region'])}, though it may take years to implement.")
    body.append(f"In a separate statement, the {b[1]} government said it expected {a[0]} to respect the commitments made during the talks and to keep the border open to trucks carrying food and medicine, and that both sides would set up a joint committee to follow up on the agreements.")
    body.append(rng.choice([
        "The meeting is seen as significant for regional stability.",
        "This is part of an ongoing effort by both governments to rebuild relations.",
        f"Relations between {a[0]} and {b[0]} have improved in recent years after a long period of tension.",
    ]))
    body.append(f"{a[0]} and {b[0]} established diplomatic relations decades ago and their leaders have met several times since. "
                f"Officials from both sides are expected to meet again in {rng.choice([a, b])[2]} next month to review progress on the agreements.")
    if translated:
        body.append(f"This article was translated and edited by {publisher}. {publisher} has not verified the content." if rng.random() < 0.5
                    else f"Translated from {header[-3].split(': ', 1)[1]}.")
    return "\n".join(header) + "\n---\n" + "\n\n".join(body) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--pairs", type=int, default=400, help="number of country pairs (default 400)")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    rng = random.Random(args.seed)
    countries = load_countries()
    officials = load_officials(countries)
    codes = sorted(countries)
    # Countries with officials in the gazetteer appear more often, as in the news.
    weighted = sorted(codes, key=lambda c: -len(officials.get(c, [])))[:60] + codes
    pairs = set()
    while len(pairs) < args.pairs:
        x, y = rng.choice(weighted), rng.choice(weighted)
        if x != y:
            pairs.add((x, y))
    pairs = sorted(pairs)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for i in range(args.articles):
        text = article(rng, i, rng.choice(pairs), countries, officials)
        sub = os.path.join(args.out, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"{args.articles} articles, {total} bytes ({total / max(args.articles, 1):.0f} per article), "
          f"{len(pairs)} pairs, in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
