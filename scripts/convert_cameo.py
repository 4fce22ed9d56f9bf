#!/usr/bin/env python3
"""Convert the CAMEO verb-pattern dictionary of PETRARCH2 (Open Event Data Alliance, MIT licence,
https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt) into the
table the extractor loads:

  seed-data/lexicon/cameo-verbs.tsv

Usage:
    python3 scripts/convert_cameo.py --git-dir /path/to/petrarch2/.git [--rev REV]
    python3 scripts/convert_cameo.py [--commit HASH] CAMEO.2.0.txt
    python3 scripts/convert_cameo.py --self-test

The dictionary format (as PETRARCH2's PETRreader.read_verb_dictionary reads it)
-------------------------------------------------------------------------------
  &NAME            a synonym set; the `+PHRASE` lines after it are its members (words joined
                   by `_`); regular plurals are added unless NAME or the phrase ends with `_`.
  --- NAME [C] --- a verb block; C is the block's code (`---`: the bare verb codes nothing).
  VERB {FORMS} [C] a verb of the block, its irregular forms in braces (else the regular ones are
                   made: +S/+ES, +D/+ED, +ING), its own code optionally; `+WORD_WORD` a verb of
                   several words, the `+` marking the inflected one.
  - PRE * POST [C] a pattern of the block's verbs: nouns before and after the verb (`*`), `{A B}`
                   consecutive words whose last is the head, `(PREP NOUN)` a prepositional
                   phrase, `A/B` alternatives, `&NAME` a synset; `$`, `+`, `%` mark the source,
                   target and compound actors, `^` skips a phrase.
  A code `X:Y` gives the code when the subject acts (X) and when it undergoes (Y); `X` alone
  holds for both. `~` lines (verb-verb combinations) and `#`/`;` comments are not patterns.

Departures from PETRARCH2's reading, for a shallow matcher over sentences rather than a coder
over parse trees:
  * Patterns with `{...}` noun phrases are kept (PETRARCH2 skips them as "TABARI legacy"; its
    documentation describes them, and they carry most of the specific codes, SIGN * {PEACE DEAL}).
  * Only the active code (X) is kept: the extractor finds who acts from the sentence's order.
  * Actor markers and `^` are dropped: they say where actors go, which a parse tree knows and a
    token window does not.

Output (tab-separated; `#` lines are comments)
----------------------------------------------
  S  &NAME  PHRASE|PHRASE...      a synset, plurals made, words of a phrase joined by spaces
  B  NAME  CODE                   a verb block, in file order (its index is its row number)
  V  FORM  BLOCK  CODE            a verb form (words joined by spaces), its block's index, its code
  P  BLOCK  CODE  PRE  POST       a pattern; PRE and POST are elements joined by `,` (in order,
                                  other words may come between); an element is units joined by
                                  spaces (consecutive words); a unit is `&NAME` or words
                                  joined by `|` (alternatives, plurals included)
Codes are CAMEO codes (three or four digits), or `---` for none.
"""

import argparse
import re
import subprocess
import sys

SOURCE_PATH = "petrarch2/data/dictionaries/CAMEO.2.0.txt"


def plural(word):
    """The regular plural of a noun; a word ending in a single S is taken as plural already."""
    if word.endswith("S") and not word.endswith("SS"):
        return word
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def verb_forms(root):
    """The regular forms of a verb, as PETRARCH2's make_verb_forms makes them."""
    forms = [root]
    forms.append(root + "ES" if root[-1] in "SXZ" else root + "S")
    if root.endswith("E"):
        forms += [root + "D", root[:-1] + "ING"]
    else:
        forms += [root + "ED", root + "ING"]
    return forms


def code_of(text):
    """The active code of `[X:Y]`, or `---`."""
    active = text.split(":")[0].strip()
    return active if re.fullmatch(r"\d{2,4}", active) else "---"


def strip_comment(line):
    for mark in ("#", ";"):
        if mark in line:
            line = line[: line.index(mark)]
    return line.rstrip()


def multiword_forms(spec):
    """`+MEET_WITH` or `WIRE_+TAP`: the phrase with the marked word in each regular form."""
    words = spec.split("_")
    words = [w for w in words if w]
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    out = []
    for form in verb_forms(words[marked]):
        out.append(" ".join(words[:marked] + [form] + words[marked + 1 :]))
    return out


def phrase(spec):
    return " ".join(w for w in spec.replace("+", "").split("_") if w)


def unit(token, head, synsets):
    """One word of a pattern: a synset reference, or alternatives (plurals for a head noun)."""
    if token.startswith("&"):
        return token if token in synsets else None
    alts = []
    for alt in token.split("/"):
        alt = alt.strip("_")
        if not alt or not re.fullmatch(r"[A-Z0-9'-]+", alt):
            continue
        alts.append(alt)
        if head and not alt.isdigit():
            alts.append(plural(alt))
    return "|".join(dict.fromkeys(alts)) or None


def elements(side, synsets):
    """The elements of one side of a pattern, or None when it uses something we cannot match."""
    out = []
    tokens = re.findall(r"\{[^}]*\}|\(|\)|[^\s(){}]+", side)
    in_prep = False
    for tok in tokens:
        if tok == "(":
            in_prep = True
            first = True
            continue
        if tok == ")":
            in_prep = False
            continue
        if tok in ("$", "+", "%", "^") or tok.startswith("!"):
            continue
        if tok.startswith("{"):
            words = [w for w in tok[1:-1].split() if w not in ("$", "+", "%", "^")]
            units = [unit(w, i == len(words) - 1, synsets) for i, w in enumerate(words)]
            if not units or None in units:
                return None
            out.append(" ".join(units))
            first = False
            continue
        # In a prepositional phrase the first word is the preposition (no plural).
        head = not (in_prep and first)
        if in_prep:
            first = False
        u = unit(tok, head, synsets)
        if u is None:
            return None
        out.append(u)
    return out


def convert(text, commit):
    synsets = {}
    rows = []
    blocks = []
    lines = text.splitlines()
    i = 0
    in_verbs = False
    block = None
    block_code = "---"
    while i < len(lines):
        raw = lines[i]
        i += 1
        if "VERB PATTERNS" in raw:
            in_verbs = True
        line = strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("&") and not in_verbs:
            name = stripped
            noplural = name.endswith("_")
            name = name.rstrip("_")
            members = []
            while i < len(lines) and lines[i].strip().startswith("+"):
                member = strip_comment(lines[i]).strip()[1:].strip()
                i += 1
                if not member:
                    continue
                words = phrase(member)
                members.append(words)
                if not (noplural or member.endswith("_")):
                    parts = words.split()
                    members.append(" ".join(parts[:-1] + [plural(parts[-1])]))
            synsets[name] = list(dict.fromkeys(members))
            continue
        if stripped.startswith("---"):
            m = re.match(r"---\s*(\S+)\s*\[([^\]]*)\]", stripped)
            if not m:
                continue
            block = len(blocks)
            block_code = code_of(m.group(2))
            blocks.append((m.group(1), block_code))
            continue
        if block is None or stripped.startswith("~"):
            continue
        code_m = re.search(r"\[([^\]]*)\]", stripped)
        body = stripped[: code_m.start()] if code_m else stripped
        if stripped.startswith("-"):
            if not code_m or "*" not in body:
                continue
            code = code_of(code_m.group(1))
            pre, _, post = body[1:].partition("*")
            pre_e, post_e = elements(pre, synsets), elements(post, synsets)
            if pre_e is None or post_e is None or not (pre_e or post_e):
                continue
            rows.append(("P", str(block), code, ",".join(pre_e), ",".join(post_e)))
            continue
        # A verb line.
        code = code_of(code_m.group(1)) if code_m else block_code
        m = re.match(r"([^{]*)(?:\{([^}]*)\})?", body)
        head = m.group(1).strip()
        if not head or " " in head:
            continue
        forms = []
        if "_" in head or head.startswith("+"):
            forms.append(phrase(head))
            if m.group(2):
                forms += [phrase(f) for f in m.group(2).replace(",", " ").split()]
            else:
                forms += multiword_forms(head)
        else:
            forms.append(head)
            if m.group(2):
                forms += [f for f in m.group(2).replace(",", " ").split()]
            else:
                forms += verb_forms(head)
        for form in dict.fromkeys(forms):
            if re.fullmatch(r"[A-Z0-9' -]+", form):
                rows.append(("V", form, str(block), code))
    out = [
        "# CAMEO verb patterns, converted by scripts/convert_cameo.py from PETRARCH2's",
        f"# {SOURCE_PATH} (Open Event Data Alliance, MIT licence){' at ' + commit if commit else ''}.",
        "# Copyright (c) 2015 Open Event Data Alliance. Format: see the script's documentation.",
    ]
    used = {u for r in rows if r[0] == "P" for side in r[3:] for u in re.findall(r"&[A-Z0-9_]+", side)}
    for name in sorted(used):
        out.append("\t".join(("S", name, "|".join(synsets[name]))))
    for name, code in blocks:
        out.append("\t".join(("B", name, code)))
    out += ["\t".join(r) for r in rows]
    return "\n".join(out) + "\n"


SAMPLE = """
&TREATY
+AGREEMENT
+ACCORD
####### VERB PATTERNS #######
---  SIGN   [---]  ---
SIGN
- * {PEACE &TREATY}   [057:057]  # SIGN
- * (OVER LOAN)       [071]      # SIGN
- COMPANY * DEAL      [061:061]  # SIGN
---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
MEET {MEETS MET MEETING}
~ a (a b ATTACK) SAY = a b 015
- * CALLS   [:020]   # FACE
"""


def self_test():
    got = convert(SAMPLE, "").splitlines()
    body = [l for l in got if not l.startswith("#")]
    expect = [
        "S\t&TREATY\tAGREEMENT|AGREEMENTS|ACCORD|ACCORDS",
        "B\tSIGN\t---",
        "B\tMEET_PEOPLE\t040",
        "V\tSIGN\t0\t---",
        "V\tSIGNS\t0\t---",
        "V\tSIGNED\t0\t---",
        "V\tSIGNING\t0\t---",
        "P\t0\t057\t\tPEACE &TREATY",
        "P\t0\t071\t\tOVER,LOAN|LOANS",
        "P\t0\t061\tCOMPANY|COMPANIES\tDEAL|DEALS",
        "V\tMEET WITH\t1\t040",
        "V\tMET WITH\t1\t040",
        "V\tMEETS WITH\t1\t040",
        "V\tMEETING WITH\t1\t040",
        "V\tMEET\t1\t040",
        "V\tMEETS\t1\t040",
        "V\tMET\t1\t040",
        "V\tMEETING\t1\t040",
        "P\t1\t---\t\tCALLS",
    ]
    if body != expect:
        for a, b in zip(body + [""] * 30, expect + [""] * 30):
            print(("   " if a == b else "!! ") + repr(a) + "  expected " + repr(b))
        sys.exit(1)
    print("self-test passed")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?")
    ap.add_argument("--git-dir")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--commit", default="")
    ap.add_argument("--out", default="seed-data/lexicon/cameo-verbs.tsv")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    if a.git_dir:
        text = subprocess.run(["git", "--git-dir", a.git_dir, "show", f"{a.rev}:{SOURCE_PATH}"],
                              check=True, capture_output=True, text=True, errors="replace").stdout
        commit = subprocess.run(["git", "--git-dir", a.git_dir, "rev-parse", a.rev],
                                check=True, capture_output=True, text=True).stdout.strip()
    elif a.file:
        text = open(a.file, encoding="utf-8", errors="replace").read()
        commit = a.commit
    else:
        ap.error("give the dictionary file or --git-dir")
    out = convert(text, commit)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(out)
    counts = {}
    for l in out.splitlines():
        if not l.startswith("#"):
            counts[l[0]] = counts.get(l[0], 0) + 1
    print(f"{a.out}: {counts.get('B', 0)} verb blocks, {counts.get('V', 0)} verb forms, "
          f"{counts.get('P', 0)} patterns, {counts.get('S', 0)} synsets", file=sys.stderr)


if __name__ == "__main__":
    main()
