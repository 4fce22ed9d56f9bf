#!/usr/bin/env python3
"""Convert the Phoenix actor dictionaries of PETRARCH2 (Open Event Data Alliance, MIT licence,
https://github.com/openeventdata/petrarch2) into a gazetteer of officials with dated roles:

  seed-data/gazetteer/phoenix-people.tsv
  name  other names (|)  role  country (ISO 3166 alpha-3)  from  to  source

Usage:
    python3 scripts/convert_phoenix.py --git-dir /path/to/petrarch2/.git
    python3 scripts/convert_phoenix.py [--commit HASH] Phoenix.Countries.actors.txt Phoenix.International.actors.txt
    python3 scripts/convert_phoenix.py --self-test

With --git-dir the two files are read with `git show REV:petrarch2/data/dictionaries/...` (REV is
--rev, HEAD by default) and the commit hash is recorded in the header.

The dictionary format (as PETRARCH2's own reader, PETRreader.read_actor_dictionary, reads it)
-------------------------------------------------------------------------------------------------
An entry starts with a line that is neither `+...` nor `[...]`: the actor's phrase, words joined
by `_` (a trailing `_` only marks a word end), optionally followed on the same line by codes.
Lines `+PHRASE` are synonyms; lines `[CODE]` or `[CODE DATES]` (usually tab-indented, sometimes
several on one line) are codes. `#` starts a comment anywhere; blank lines are ignored.
DATES is `A-B`, `>A` (from A on), `<A` (before A) or a bare `A` (PETRARCH2 treats it as `>A`);
a date is YYMMDD or YYYYMMDD. Two-digit years 00-30 are 20xx and 31-99 are 19xx, as in
PETRARCH2's dstr_to_ordate: the files (last changed 2019) have no two-digit year 20-30 but 354
dates with years 31-40 that can only be 1931-1940 (JOHN_F._KENNEDY_ [USAELI 350101-610120]).
A code without dates is the entry's default code (PETRARCH2 uses it when no dated code applies).
A CAMEO actor code is a three-letter country (ISO 3166 alpha-3 for the most part, plus CAMEO's
own: IGO, NGO, MNC, TMP for East Timor, KSV for Kosovo, SUN, YUG, DDR...) followed by
three-letter role groups: GOV government, MIL military, OPP opposition, ELI elite, REB rebels,
JUD judiciary, LEG legislature, COP police, SPY intelligence, PTY party... A second group after
GOV is the sector (GOVMIL defence, GOVBUS economy, GOVJUD justice...). A few codes put a
dependent territory between the two (GBRVGBGOV: British Virgin Islands).

Departures from PETRARCH2's reading, for a gazetteer rather than a coder:
  * A base line that follows an entry that has no code yet, with no blank or comment line in
    between, is taken as one more name of that entry (the dictionaries often forget the `+`:
    GERALD_R._FORD_ is followed by FORMER_PRESIDENT_GERALD_R._FORD, GERALD_RUDOLPH_FORD... and
    only then by the codes).
  * Malformed dates (7 or 10 digits, impossible days) drop that one code row; ranges whose end
    is before their start are dropped too.

Who is a person (an entry becomes rows only when all of these hold)
-------------------------------------------------------------------
  1. It has at least one code whose country part is an ISO 3166 alpha-3 code of our
     countries.tsv (CAMEO TMP -> TLS, KSV -> UNK as countries.tsv writes Kosovo) and whose first
     role group is one an individual holds: GOV, MIL, OPP, ELI, REB, JUD, LEG, PTY, COP, SPY,
     INS, SEP, UAF. (Entries with only IGO/NGO/MNC/MED... codes, or only a bare country code,
     are organisations, places or outlets.)
  2. Its name, after leading titles are taken off (PRESIDENT_, US_SECRETARY_OF_STATE_,
     ACTING_MINISTER_...; honorifics such as AYATOLLAH_, SHEIKH_, SIR_ are taken off too but
     kept in an other name), has 2 to 5 words not counting particles (al-, bin, ibn, de, da,
     dos, van, von...: SHEIKH_SABAH_AL_AHMAD_AL_JABIR_AL_SABAH_ has four), no digit, and none of
     the words that mark an organisation, a place or a generic agent (NON_PERSON_WORDS: MINISTRY,
     PARTY, ARMY, COUNCIL, BRIGADE, JAISH, OF, THE...; LORD_X_OF_Y may keep its OF), and is not
     one of the few bodies named like people (KNOWN_NON_PEOPLE: SHIN_BET, PUSSY_RIOT...).
     A name left with one word after an office title (FOREIGN_MINISTER_ABDULLAH_) is an agent,
     not a person, and so is a one-word entry (SUHARTO_, FAHD_: too ambiguous to match);
     one left with one word after an honorific keeps it (LORD_CARRINGTON_ -> Lord Carrington).
  3. It is not several people on one line (ANTHONY_CROSLAND,_THEN_DAVID_OWEN_).
Every code row of a person becomes a row when its country is an ISO country: its role may then be
any CAMEO role (a minister's earlier BUS or MED code is kept with that role).

Roles
-----
  * An office named in the comment of the code line itself ("[USAGOV 730922-770120] # Secretary
    of State") is used when it is one of the abbreviations listed in COMMENT_OFFICES.
  * Otherwise an office named by a title in the entry's names (PRESIDENT_OBAMA_,
    SECRETARY_OF_STATE_HILLARY_CLINTON) is used for a code row when that title is the only
    office of the entry that fits the row's role code (President fits GOV, Secretary of Defense
    GOVMIL or GOV, Senator GOVLEG...) and that row is the only one of the entry that the office
    fits. A person with two GOV ranges and one title (George H. W. Bush: president, vice
    president, envoy) gets no office from the title: the data do not say which range it is.
    The office then covers the whole range as the dictionary dates it, which may be wider than
    the office (NIKITA_KHRUSHCHEV_ +PREMIER_KHRUSCHEV [RUSGOV 390322-641116]: Prime Minister).
  * Otherwise the role says what the code says, with the code: "Government official (CAMEO GOV)",
    "Government official, defence (CAMEO GOVMIL)", "Elite (CAMEO ELI)", "Legislator (CAMEO
    GOVLEG)". The section headings of the dictionary ("# U.S. Presidents") are not used: their
    scope is not marked and they run on into ministers.
    CountryInfo's ELI ranges are mostly made up around the offices (from 1 January of a year
    guessed from the age to the start of office); the rows keep them as the source gives them.

Other names: the `+` synonyms and merged base lines, cleaned like the name, with titles taken off
(PRESIDENT_KARZAI_ -> Karzai), without aliases naming an administration or other body, without
one-word aliases of three letters or fewer, that are common English words (RICE, BUSH, SAID: an
embedded list, plus /usr/share/dict/words when it exists), or that are the first word of three or
more people's names (ABDULLAH), and without the name itself. Rows that repeat one another (same
name, role, country and dates) are merged; rows are sorted by name, then from. If the file would
pass 5 MB, only people with a dated range from 1990 on are kept (the header then says so).
"""
import argparse
import collections
import datetime
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "seed-data" / "gazetteer" / "phoenix-people.tsv"
COUNTRIES = ROOT / "seed-data" / "gazetteer" / "countries.tsv"
DICT_DIR = "petrarch2/data/dictionaries"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
MAX_BYTES = 5_000_000

# CAMEO country codes that are not ISO 3166 alpha-3 but have an equivalent in countries.tsv.
CAMEO_TO_ISO = {"TMP": "TLS", "KSV": "UNK", "IMY": "IMN", "ROM": "ROU", "ZAR": "COD"}
# Dependent territories written between the country and the role (GBRVGBGOV).
TERRITORIES = {"VGB", "FRO", "FLK", "IMY", "ASM", "PRI", "GUM", "VIR", "BMU", "CYM", "GIB", "GRL",
               "MSR", "AIA", "TCA", "NCL", "PYF", "ABW", "CUW", "COK", "NIU", "TKL", "SHN", "PCN"}
PERSON_ROLES = {"GOV", "MIL", "OPP", "ELI", "REB", "JUD", "LEG", "PTY", "COP", "SPY", "INS", "SEP", "UAF"}

ROLE_NAMES = {
    "GOV": "Government official", "MIL": "Military", "OPP": "Opposition", "ELI": "Elite",
    "REB": "Rebel", "JUD": "Judiciary", "LEG": "Legislator", "PTY": "Political party",
    "COP": "Police", "SPY": "Intelligence", "INS": "Insurgent", "SEP": "Separatist",
    "UAF": "Armed group", "BUS": "Business", "MED": "Media", "EDU": "Education", "HLH": "Health",
    "HRI": "Human rights", "LAB": "Labour", "AGR": "Agriculture", "DEV": "Development",
    "ENV": "Environment", "REF": "Refugees", "CVL": "Civilian", "CRM": "Criminal",
    "REL": "Religious", "MUS": "Muslim", "CHR": "Christian", "CTH": "Catholic", "JEW": "Jewish",
    "HIN": "Hindu", "BUD": "Buddhist", "RAD": "Radical", "MOD": "Moderate", "UNR": "Unrecognised",
    "OCC": "Occupation authority", "AUT": "Autonomous authority", "NGO": "NGO", "IGO": "IGO",
    "SET": "Settler",
}
RELIGIONS = {"Muslim", "Christian", "Catholic", "Jewish", "Hindu", "Buddhist"}
SECTORS = {
    "MIL": "defence", "BUS": "economy and finance", "AGR": "agriculture", "DEV": "development",
    "EDU": "education", "ENV": "environment", "HLH": "health", "HRI": "human rights",
    "JUD": "justice", "LAB": "labour", "MED": "information and media", "REF": "refugees",
    "COP": "police and interior", "SPY": "intelligence", "REL": "religious affairs",
    "MUS": "religious affairs", "CVL": "civil affairs", "ELI": "elite", "PTY": "party",
    "OPP": "opposition", "GOV": "government", "CRM": "crime", "NGO": "NGO", "UAF": "armed groups",
}

# Comments on code lines that name the office of that range (lower case, whole comment).
COMMENT_OFFICES = [
    (r"(secretary of state|sec state)", "Secretary of State"),
    (r"brief acting sec state", "Acting Secretary of State"),
    (r"sec def", "Secretary of Defense"),
    (r"dep sec def", "Deputy Secretary of Defense"),
    (r"dep sec state", "Deputy Secretary of State"),
    (r"sec of army", "Secretary of the Army"),
    (r"national security advis[eo]r", "National Security Adviser"),
    (r"dep natsecad", "Deputy National Security Adviser"),
    (r"dci", "Director of Central Intelligence"),
    (r"dep dci", "Deputy Director of Central Intelligence"),
    (r"amb\.? to un", "Ambassador to the UN"),
    (r"amb\.? to japan.*", "Ambassador to Japan"),
    (r"amb\.? to philippines.*", "Ambassador to the Philippines"),
    (r"various amb\.?ships.*", "Ambassador"),
    (r"under secretary of state for political affairs", "Under Secretary of State for Political Affairs"),
    (r"(pm|prime minister|pm pt\. \d)", "Prime Minister"),
    (r"acting pm", "Acting Prime Minister"),
    (r"dep\.? pm", "Deputy Prime Minister"),
    (r"foreign minister", "Foreign Minister"),
    (r"supreme leader", "Supreme Leader"),
    (r"president of germany", "President"),
    (r"chancellor of germany", "Chancellor"),
    (r"president of the bundesrat", "President of the Bundesrat"),
    (r"prime minister of lower saxony", "Prime Minister of Lower Saxony"),
    (r"min\.? of fin\.?", "Finance Minister"),
    (r"min\.? of water resources", "Minister of Water Resources"),
    (r"min\.? of civil aviation", "Minister of Civil Aviation"),
    (r"senator from \w+", "Senator"),
    (r"general council to dod", "General Counsel of the Department of Defense"),
    (r"cmdr air force", "Air Force Commander"),
    (r"assembly of experts", "Member of the Assembly of Experts"),
    (r"then chief of staff", "Chief of Staff"),
]

GOV_ANY = "GOV*"  # any role part starting with GOV except GOVLEG
# Offices named by titles in the entry's names, with the role parts they fit.
TITLE_OFFICES = {
    "PRESIDENT": ("President", {"GOV"}),
    "VICE PRESIDENT": ("Vice President", {"GOV"}),
    "PRIME MINISTER": ("Prime Minister", {"GOV"}),
    "PM": ("Prime Minister", {"GOV"}),
    "PREMIER": ("Prime Minister", {"GOV"}),
    "DEPUTY PRIME MINISTER": ("Deputy Prime Minister", {"GOV"}),
    "CHANCELLOR": ("Chancellor", {"GOV"}),
    "KANZLER": ("Chancellor", {"GOV"}),
    "BUNDESKANZLER": ("Chancellor", {"GOV"}),
    "FOREIGN MINISTER": ("Foreign Minister", {"GOV"}),
    "MINISTER OF FOREIGN AFFAIRS": ("Foreign Minister", {"GOV"}),
    "SECRETARY OF STATE": ("Secretary of State", {"GOV"}),
    "DEPUTY SECRETARY OF STATE": ("Deputy Secretary of State", {"GOV"}),
    "UNDER SECRETARY OF STATE": ("Under Secretary of State", {"GOV"}),
    "UNDERSECRETARY OF STATE": ("Under Secretary of State", {"GOV"}),
    "SECRETARY OF DEFENSE": ("Secretary of Defense", {"GOVMIL", "GOV"}),
    "SECRETARY OF DEFENCE": ("Secretary of Defense", {"GOVMIL", "GOV"}),
    "DEFENSE SECRETARY": ("Secretary of Defense", {"GOVMIL", "GOV"}),
    "DEFENCE SECRETARY": ("Secretary of Defense", {"GOVMIL", "GOV"}),
    "DEFENSE MINISTER": ("Defense Minister", {"GOVMIL", "GOV"}),
    "DEFENCE MINISTER": ("Defense Minister", {"GOVMIL", "GOV"}),
    "MINISTER OF DEFENSE": ("Defense Minister", {"GOVMIL", "GOV"}),
    "MINISTER OF DEFENCE": ("Defense Minister", {"GOVMIL", "GOV"}),
    "FINANCE MINISTER": ("Finance Minister", {"GOVBUS", "GOV"}),
    "MINISTER OF FINANCE": ("Finance Minister", {"GOVBUS", "GOV"}),
    "TREASURY SECRETARY": ("Secretary of the Treasury", {"GOVBUS", "GOV"}),
    "SECRETARY OF THE TREASURY": ("Secretary of the Treasury", {"GOVBUS", "GOV"}),
    "INTERIOR MINISTER": ("Interior Minister", {"GOV", "GOVCOP"}),
    "MINISTER OF INTERIOR": ("Interior Minister", {"GOV", "GOVCOP"}),
    "MINISTER OF THE INTERIOR": ("Interior Minister", {"GOV", "GOVCOP"}),
    "ATTORNEY GENERAL": ("Attorney General", {"GOVJUD", "GOV"}),
    "JUSTICE MINISTER": ("Justice Minister", {"GOVJUD", "GOV"}),
    "MINISTER OF JUSTICE": ("Justice Minister", {"GOVJUD", "GOV"}),
    "MINISTER": ("Minister", {GOV_ANY}),
    "KING": ("King", {"GOV"}),
    "QUEEN": ("Queen", {"GOV"}),
    "EMIR": ("Emir", {"GOV"}),
    "AMIR": ("Emir", {"GOV"}),
    "SULTAN": ("Sultan", {"GOV"}),
    "CROWN PRINCE": ("Crown Prince", {"GOV"}),
    "SUPREME LEADER": ("Supreme Leader", {"GOV"}),
    "SENATOR": ("Senator", {"GOVLEG", "LEG"}),
    "SEN.": ("Senator", {"GOVLEG", "LEG"}),
    "CONGRESSMAN": ("Representative", {"GOVLEG", "LEG"}),
    "CONGRESSWOMAN": ("Representative", {"GOVLEG", "LEG"}),
    "REPRESENTATIVE": ("Representative", {"GOVLEG", "LEG"}),
    "SPEAKER": ("Speaker", {"GOVLEG", "LEG"}),
    "AMBASSADOR": ("Ambassador", {"GOV"}),
    "NATIONAL SECURITY ADVISER": ("National Security Adviser", {"GOV"}),
    "NATIONAL SECURITY ADVISOR": ("National Security Adviser", {"GOV"}),
    "CIA DIRECTOR": ("Director of the CIA", {"GOVSPY", "SPY", "GOV"}),
    "GENERAL": ("General", {"MIL"}),
    "GEN.": ("General", {"MIL"}),
    "LT. GEN.": ("General", {"MIL"}),
    "ADMIRAL": ("Admiral", {"MIL"}),
    "ADM.": ("Admiral", {"MIL"}),
    "MARSHAL": ("Marshal", {"MIL"}),
    "FIELD MARSHAL": ("Marshal", {"MIL"}),
    "COLONEL": ("Colonel", {"MIL"}),
    "COL.": ("Colonel", {"MIL"}),
}
TITLE_TYPOS = {"PRESIENT": "PRESIDENT", "SECRETATY": "SECRETARY", "GOVENOR": "GOVERNOR",
               "VICE-PRESIDENT": "VICE PRESIDENT", "SECRETARY-GENERAL": "SECRETARY GENERAL",
               "UNDER-SECRETARY": "UNDER SECRETARY", "PRIME-MINISTER": "PRIME MINISTER"}

# Words that make up a title before a name ("FORMER U.S. SECRETARY OF DEFENSE").
CORE_TITLE_WORDS = {
    "PRESIDENT", "PRESIDENT-ELECT", "PRESIENT", "VICE-PRESIDENT", "PRIME", "MINISTER", "PM",
    "PREMIER", "CHANCELLOR", "KANZLER", "BUNDESKANZLER", "SECRETARY", "SECRETATY",
    "SECRETARY-GENERAL", "UNDERSECRETARY", "UNDER-SECRETARY", "AMBASSADOR", "ENVOY", "SENATOR",
    "SEN.", "CONGRESSMAN", "CONGRESSWOMAN", "REPRESENTATIVE", "REP.", "GOVERNOR", "GOV.",
    "GOVENOR", "SPEAKER", "MAYOR", "CHAIRMAN", "CHAIRWOMAN", "DIRECTOR", "GENERAL", "GEN.", "LT.",
    "LIEUTENANT", "COLONEL", "COL.", "ADMIRAL", "ADM.", "MARSHAL", "BRIGADIER", "CAPTAIN", "CAPT.",
    "COMMANDER", "JUDGE", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "MISTER", "KING", "QUEEN", "EMIR",
    "SUPREME", "ATTORNEY", "COMMISSIONER", "ACTING", "FORMER",
    "SHEIKH", "SHEIK", "SHAIKH", "SHAYKH", "AYATOLLAH", "HOJATOLISLAM", "HOJATOLESLAM",
    "HOJJATOLESLAM", "HOJJAT", "SAYYED", "SAYYID", "SEYYED", "MULLAH", "MAWLAWI", "MAULANA",
    "MAULVI", "IMAM", "HAJI", "HAJJ", "SIR",
    "DAME", "LORD", "LADY", "BARON", "BARONESS", "DR", "DR.", "PRINCE", "PRINCESS",
}
# Words that may stand in a title only next to a core word ("THE U.S. SECRETARY OF STATE").
TITLE_FILLERS = {
    "THE", "OF", "FOR", "AND", "VICE", "DEPUTY", "ASSISTANT", "UNDER", "INTERIM", "THEN", "LATE",
    "STATE", "DEFENSE", "DEFENCE", "FOREIGN", "AFFAIRS", "INTERIOR", "FINANCE", "TREASURY",
    "JUSTICE", "FIELD", "CROWN", "LEADER", "CHIEF", "SPECIAL", "NATIONAL", "SECURITY", "ADVISER",
    "ADVISOR", "HOMELAND", "CIA", "FBI", "US", "U.S.", "USA", "AMERICAN", "UNITED", "STATES", "UN",
    "U.N.", "NATIONS", "EU", "EUROPEAN", "GRAND", "HIS", "HER", "EXCELLENCY", "MAJESTY",
    "HIGHNESS", "ROYAL", "MAJOR", "MAJ.", "SECOND", "FIRST", "PRESIDENTIAL", "CANDIDATE", "OL",
    "ESLAM",
}
# Titles kept in an other name (and kept in the name when taking them off leaves one word).
HONORIFICS = {
    "SHEIKH", "SHEIK", "SHAIKH", "SHAYKH", "AYATOLLAH", "GRAND", "HOJATOLISLAM", "HOJATOLESLAM",
    "HOJJATOLESLAM", "HOJJAT", "MULLAH", "MAWLAWI", "MAULANA", "MAULVI", "IMAM", "HAJI", "HAJJ",
    "SAYYED", "SAYYID", "SEYYED", "SIR", "DAME", "LORD", "LADY", "BARON", "BARONESS", "KING",
    "QUEEN", "PRINCE", "PRINCESS", "EMIR",
    "CROWN",
}
# Words that make a name an organisation, a place, a body or a generic agent.
NON_PERSON_WORDS = {
    "OF", "THE", "AND", "FOR", "MINISTRY", "MINISTRIES", "MINISTER", "MINISTERS", "DEPARTMENT",
    "GOVERNMENT", "GOVERNMENTS", "PARTY", "PARTIES", "ARMY", "ARMIES", "FORCE", "FORCES", "POLICE",
    "COUNCIL", "COMMITTEE", "COMMISSION", "ASSEMBLY", "PARLIAMENT", "CONGRESS", "SENATE", "COURT",
    "BANK", "UNIVERSITY", "INSTITUTE", "AGENCY", "OFFICE", "BUREAU", "SERVICE", "SERVICES",
    "GUARD", "GUARDS", "MILITARY", "NAVY", "UNION", "FRONT", "MOVEMENT", "ORGANIZATION",
    "ORGANISATION", "ASSOCIATION", "FEDERATION", "LEAGUE", "ALLIANCE", "COALITION", "BRIGADE",
    "BRIGADES", "BATTALION", "REGIMENT", "DIVISION", "CORPS", "MILITIA", "MILITIAS", "REBELS",
    "GROUP", "NETWORK", "CENTER", "CENTRE", "FOUNDATION", "SOCIETY", "TRIBUNAL", "AUTHORITY",
    "ADMINISTRATION", "REGIME", "CABINET", "REPUBLIC", "KINGDOM", "FEDERAL", "CITY", "PROVINCE",
    "REGION", "ISLANDS", "ISLAND", "COMPANY", "CORPORATION", "INC", "INC.", "LTD", "NEWS", "TIMES",
    "RADIO", "TELEVISION", "OFFICIALS", "OFFICIAL", "SOLDIERS", "TROOPS", "PEOPLE", "PRESIDENT",
    "PRESIDENCY", "EMBASSY", "CONSULATE", "DELEGATION", "MISSION", "SECRETARIAT", "STAFF",
    "HEADQUARTERS", "JUNTA", "OPPOSITION", "BOARD", "CHAMBER", "HOUSE", "PALACE", "FAMILY",
    "DYNASTY", "CLAN", "TRIBE", "SUPPORTERS", "LOYALISTS", "FOLLOWERS", "CAMP", "SPOKESMAN",
    "SPOKESWOMAN", "SPOKESPERSON", "DIPLOMAT", "DIPLOMATS", "AMBASSADOR", "SECRETARY", "GENERAL",
    "SECURITY", "INTELLIGENCE", "STATE", "STATES", "NATIONAL", "INTERNATIONAL", "UNITED",
    "DEMOCRATIC", "ISLAMIC", "REVOLUTIONARY", "LIBERATION", "PATRIOTIC", "PEOPLES", "PEOPLE'S",
    "WORKERS", "STUDENTS", "FARMERS", "LEADERSHIP", "LEADERS", "MEMBERS", "JUDGES", "REPRESENTATIVES",
    "COMMAND", "OPERATIONS", "FLEET", "UNIT", "UNITS", "ACADEMY", "SCHOOL", "COLLEGE", "HOSPITAL",
    "AIRPORT", "DISTRICT", "TEAM", "RIFLES", "YARD", "DECLARATION", "BROTHERHOOD", "REPRESENTATIVE",
    "JAISH", "JAYSH", "JABHAT", "AHRAR", "GHURABA", "HARAKAT", "KATAIB", "KATAEB", "LIWA", "HIZB",
    "FAYLAQ", "SARAYA", "TANZIM", "MAJLIS", "ASAIB", "SABHA", "THINK", "TANK",
    "COUNTY", "GOVERNORATE", "STATION", "BASE", "PRISON", "CAMPAIGN", "PROGRAM", "PROGRAMME",
    "PROJECT", "FUND", "TRUST", "PRESS", "TV", "MEDIA", "JOURNAL", "POST", "HERALD", "TRIBUNE",
    "GAZETTE", "DAILY", "WEEKLY", "EXPRESS", "ADMINISTRATIONS", "REGIMES", "ET", "AL.", "CO.",
}
# Names that look like people's but are bodies.
KNOWN_NON_PEOPLE = {"SHIN BET", "PUSSY RIOT", "DAMASCUS DECLARATION", "ABN AMRO"}
PARTICLES = {"BIN", "BINT", "IBN", "DE", "DA", "DI", "DO", "DOS", "DAS", "DEL", "DELLA", "DER",
             "DEN", "VAN", "VON", "DU", "Y", "UL", "UD", "E"}
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

# Common English words that are also surnames. It holds every one-word alias of the commit read
# that is a lower-case word of Debian's wamerican 2020.12.07 list (burns bush ford gates gore rice),
# so the output does not depend on that list; /usr/share/dict/words is added when it exists.
COMMON_WORDS = set("""
bank banks baker bell bird bishop black bond brown burns bush carter cash chase church cook
cross day dole field fields fish fisher ford fox frank gates gay gore grant gray green grey hall
hill hunt hunter joy king knight lake lane law long love major march mark marks mason may miller
moon page pope power powers price rice rich rock rose rusk said sharp short small smith stone
straw street swan tusk wall ward waters well wells white wood woods young
""".split())


class ConvertError(Exception):
    pass


# ----------------------------------------------------------------------------- parsing


def parse_date(s):
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (two-digit years: 00-30 -> 20xx, as PETRARCH2)."""
    if not s.isdigit() or len(s) not in (6, 8):
        raise ValueError(f"malformed date {s!r}")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    else:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    return datetime.date(year, month, day).isoformat()


def parse_range(spec):
    """The dates of a code: '' | 'A-B' | '>A' | '<A' | 'A' -> (from, to)."""
    spec = spec.replace(" ", "")
    if not spec:
        return "", ""
    if spec[0] == ">":
        return parse_date(spec[1:]), ""
    if spec[0] == "<":
        return "", parse_date(spec[1:])
    if "-" in spec:
        a, b = spec.split("-", 1)
        return parse_date(a), parse_date(b)
    return parse_date(spec), ""


class Entry:
    def __init__(self, name, line, source):
        self.names = [name]  # base lines (the first is the entry's name)
        self.aliases = []  # `+` lines
        self.codes = []  # (code, dates, comment, line)
        self.line = line
        self.source = source


def parse_dictionary(text, source):
    """Entries of a PETRARCH actor dictionary (see the module doc for the format)."""
    entries, cur, gap = [], None, True
    stats = collections.Counter()
    for n, raw in enumerate(text.splitlines(), 1):
        s = raw.replace("\x1a", "").strip()
        if not s or s.startswith("#") or s.startswith("<!"):
            gap = True
            continue
        content, _, comment = s.partition("#")
        content, comment = content.strip(), comment.strip()
        if not content:
            gap = True
            continue
        if content[0] in "[+" and cur is None:
            stats["lines before any entry"] += 1
            continue
        if content[0] == "[":
            for m in re.finditer(r"\[([^\]]*)\]?", content):
                parts = m.group(1).split()
                if parts:
                    cur.codes.append((parts[0], "".join(parts[1:]), comment, n))
        elif content[0] == "+":
            if content[1:].strip():
                cur.aliases.append(content[1:].strip())
        else:
            i = content.find("[")
            name = (content if i < 0 else content[:i]).strip()
            if cur is not None and not cur.codes and not gap:
                cur.names.append(name)
                stats["base lines merged into a code-less entry"] += 1
            else:
                cur = Entry(name, n, source)
                entries.append(cur)
            if i >= 0:
                for m in re.finditer(r"\[([^\]]*)\]?", content[i:]):
                    parts = m.group(1).split()
                    if parts:
                        cur.codes.append((parts[0], "".join(parts[1:]), comment, n))
        gap = False
    return entries, stats


# ----------------------------------------------------------------------------- names


def raw_tokens(phrase):
    """Upper-case words of a dictionary phrase, without parentheses and quoted nicknames."""
    s = phrase.replace("_", " ")
    s = re.sub(r"\([^)]*\)?", " ", s)
    s = re.sub(r'"[^"]*"?', " ", s)
    toks = [t.strip(",;:") for t in s.split()]
    return [t.upper() for t in toks if t and t not in ("-", "&")]


def nicknames(phrase):
    return [m.upper() for m in re.findall(r'"([^"]+)"', phrase)]


def cap_word(w, first=False):
    """Title case of one word (no spaces): hyphen parts, apostrophes, Mc, initials."""
    if re.fullmatch(r"(?:[A-Z]\.)+", w):
        return w
    if w in ROMAN and not first:
        return w
    if w in ("JR", "JR."):
        return "Jr."
    if w in ("SR", "SR."):
        return "Sr."
    parts = w.split("-")
    out = []
    for i, p in enumerate(parts):
        lp = p.lower()
        if i < len(parts) - 1 and lp in ("al", "el") or (i > 0 and lp in ("ul", "ud", "al", "el", "bin", "ibn", "e")):
            out.append(lp)
            continue
        c = re.sub(r"^([^a-z]*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lp, count=1)
        c = re.sub(r"^([A-Za-z])'(\w)", lambda m: m.group(1).upper() + "'" + m.group(2).upper(), c)
        if re.match(r"Mc\w", c):
            c = "Mc" + c[2].upper() + c[3:]
        out.append(c)
    return "-".join(out)


def display(tokens):
    """Upper-case tokens -> the name as written: particles lower case, AL X -> al-X."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("AL", "EL") and 0 < i < len(tokens) - 1:
            out.append(t.lower() + "-" + cap_word(tokens[i + 1]))
            i += 2
            continue
        w = cap_word(t, first=i == 0)
        if i > 0 and t in PARTICLES:
            w = t.lower()
        if i > 0 and (t.startswith("AL-") or t.startswith("EL-")):
            w = w[:2].lower() + w[2:]
        out.append(w)
        i += 1
    name = " ".join(out)
    return name


def trim(tokens):
    """Without dangling particles at the end (ABD_AL_QADIR_..._AL_MUFRIJI_AL_)."""
    tokens = list(tokens)
    while len(tokens) > 1 and tokens[-1] in PARTICLES | {"AL", "EL", "LA", "LE"}:
        tokens.pop()
    return tokens


def significant_words(tokens):
    """Words of a name, not counting particles (AL X counts once)."""
    n = 0
    for i, t in enumerate(tokens):
        if t in PARTICLES or (t in ("AL", "EL", "LA", "LE") and i > 0):
            continue
        n += 1
    return n


class Titled:
    """A phrase split into its leading title and the name after it."""

    def __init__(self, tokens, demonyms):
        self.title, self.honorific, self.rest = [], [], list(tokens)
        # Longest prefix of title words that holds a core title word and leaves something.
        best = 0
        has_core = False
        for i, t in enumerate(tokens):
            if t in CORE_TITLE_WORDS:
                has_core = True
            elif not (t in TITLE_FILLERS or t in demonyms):
                break
            if has_core:
                best = i + 1
        if best:
            prefix = tokens[:best]
            self.rest = tokens[best:]
            self.honorific = [t for t in prefix if t in HONORIFICS]
            self.title = prefix

    def title_is_honorific(self, demonyms):
        """The title is honorifics only (AYATOLLAH, HOJJAT OL ESLAM, SIR), no office."""
        return all(t in HONORIFICS or t in TITLE_FILLERS or t in demonyms for t in self.title)

    def office_phrase(self, demonyms):
        """The office the title names, normalised ('SECRETARY OF STATE'), or ''."""
        words = []
        for t in self.title:
            t = TITLE_TYPOS.get(t, t)
            if t in ("FORMER", "ACTING", "INTERIM", "THEN", "LATE", "THE", "MR", "MR.", "MRS", "MRS.",
                     "MS", "MS.", "MISTER", "DR", "DR.", "US", "U.S.", "USA", "AMERICAN", "UN", "U.N.",
                     "EU", "EUROPEAN", "HIS", "HER", "EXCELLENCY") or t in demonyms:
                continue
            if t in HONORIFICS and t not in ("KING", "QUEEN", "EMIR", "AMIR", "SULTAN", "CROWN", "PRINCE"):
                continue
            words.append(t)
        phrase = " ".join(words)
        phrase = re.sub(r"^UNITED STATES |^UNITED NATIONS ", "", phrase)
        return phrase


def load_countries(path):
    iso, demonyms = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        iso.add(f[0])
        if len(f) > 5:
            for d in f[5].split("|"):
                if d and " " not in d:
                    demonyms.add(d.upper())
    demonyms |= {"KURDISH", "PALESTINIAN", "SOVIET", "BRITISH", "AFGHAN", "IRAQI", "ISRAELI",
                 "SYRIAN", "IRANIAN", "RUSSIAN", "CHINESE", "GERMAN", "FRENCH", "US", "U.S."}
    return iso, demonyms


# ----------------------------------------------------------------------------- conversion


def code_parts(code, iso):
    """CAMEO code -> (ISO country or None, role part such as 'GOVMIL', country prefix, code shown).

    A group between the country and the role that is not a role is a territory (GBRVGBGOV: the
    British Virgin Islands, which becomes the country) or a region of it (IDNTMPOPP)."""
    prefix = code[:3]
    country = CAMEO_TO_ISO.get(prefix, prefix)
    rest = shown = code[3:]
    if rest[:3] and rest[:3] not in ROLE_NAMES:
        t = CAMEO_TO_ISO.get(rest[:3], rest[:3])
        if rest[:3] in TERRITORIES and t in iso:
            country = t
            shown = rest[3:]
        rest = rest[3:]
    if country not in iso:
        return None, rest, prefix, shown
    return country, rest, prefix, shown


def role_text(rolepart, shown=None):
    """What a CAMEO role part means, with the code: 'Government official, defence (CAMEO GOVMIL)'."""
    shown = rolepart if shown is None else shown
    groups = [rolepart[i:i + 3] for i in range(0, len(rolepart), 3)]
    if not groups:
        return f"Country code only (CAMEO {shown})" if shown else "Country code only (CAMEO)"
    if groups[:2] == ["GOV", "LEG"]:
        return f"Legislator (CAMEO {shown})"
    head = ROLE_NAMES.get(groups[0])
    if head is None:
        return f"CAMEO {shown}"
    extra = []
    for g in groups[1:]:
        if groups[0] == "GOV" and g in SECTORS:
            extra.append(SECTORS[g])
        elif g in ROLE_NAMES:
            w = ROLE_NAMES[g]
            extra.append(w if w in RELIGIONS else w.lower())
        else:
            extra.append(g)
    text = head + (", " + ", ".join(extra) if extra else "")
    return f"{text} (CAMEO {shown})"


def fits(office_roles, rolepart):
    if rolepart in office_roles:
        return True
    return GOV_ANY in office_roles and rolepart.startswith("GOV") and not rolepart.startswith("GOVLEG")


def comment_office(comment):
    c = re.sub(r"\s+", " ", comment.strip().lower())
    c = c.split("#")[0].strip()
    for pat, office in COMMENT_OFFICES:
        if re.fullmatch(pat, c):
            return office
    return None


class Person:
    def __init__(self, entry, name, aliases, offices):
        self.entry = entry
        self.name = name
        self.aliases = aliases  # list of display names
        self.offices = offices  # office -> roles it fits


def examine(entry, iso, demonyms, stats):
    """The person an entry names, or None (with the reason counted in stats)."""
    codes = []
    for code, dates, comment, line in entry.codes:
        country, rolepart, _, _ = code_parts(code, iso)
        codes.append((country, rolepart))
    if not entry.codes:
        stats["skipped: entry without codes"] += 1
        return None
    if not any(c and rp[:3] in PERSON_ROLES for c, rp in codes):
        if any(c for c, _ in codes):
            stats["skipped: no person role (GOV, MIL, ELI...) with an ISO country"] += 1
        else:
            stats["skipped: no ISO country code (IGO, NGO, MNC, MED, former states...)"] += 1
        return None
    raw = entry.names[0]
    if re.search(r",\s*THEN\b|\bTHEN\b.*\bTHEN\b", raw.upper().replace("_", " ")):
        stats["skipped: several people in one entry"] += 1
        return None
    toks = raw_tokens(raw)
    if " ".join(toks) in KNOWN_NON_PEOPLE:
        stats["skipped: organisation, place or agent word in the name"] += 1
        return None
    t = Titled(toks, demonyms)
    rest = trim(t.rest)
    kept_honorific = False
    if len(rest) == 1 and t.honorific:
        rest = t.honorific + rest  # LORD_CARRINGTON_, KING_HUSSEIN_: the honorific stays
        kept_honorific = True
    if not rest:
        stats["skipped: title or agent without a name"] += 1
        return None
    if len(rest) == 1:
        stats["skipped: one-word name" + (" after a title" if t.title else "")] += 1
        return None
    if any(re.search(r"\d", w) for w in rest):
        stats["skipped: digits in the name"] += 1
        return None
    lordly = rest[0] in ("LORD", "BARON", "BARONESS", "LADY")
    bad = [w for w in rest if (w in NON_PERSON_WORDS and not (lordly and w == "OF")) or w.endswith("-BASED")]
    if bad:
        stats["skipped: organisation, place or agent word in the name"] += 1
        return None
    if significant_words(rest) > 5:
        stats["skipped: more than five words (not counting al-, bin, de...)"] += 1
        return None
    name = display(rest)
    alias_tokens = []
    offices = {}

    def note_title(ti):
        phrase = ti.office_phrase(demonyms)
        if phrase in TITLE_OFFICES:
            office, roles = TITLE_OFFICES[phrase]
            offices.setdefault(office, set()).update(roles)

    note_title(t)
    if t.honorific and not kept_honorific and t.title_is_honorific(demonyms):
        alias_tokens.append(t.title + rest)  # Ayatollah Ali Khamenei
    for phrase in entry.names[1:] + entry.aliases:
        at = raw_tokens(phrase)
        if not at:
            continue
        ti = Titled(at, demonyms)
        note_title(ti)
        if trim(ti.rest):
            alias_tokens.append(trim(ti.rest))
            if ti.honorific and ti.title_is_honorific(demonyms):
                alias_tokens.append(ti.title + trim(ti.rest))
        for nick in nicknames(phrase):
            if ti.rest:
                alias_tokens.append(nick.split() + ti.rest[-1:])
    for nick in nicknames(raw):
        alias_tokens.append(nick.split() + rest[-1:])
    return Person(entry, name, alias_tokens, offices)


def clean_aliases(person, common_words, given_names, stats):
    out, seen = [], {person.name.lower()}
    for toks in person.aliases:
        lordly = toks[0] in ("LORD", "BARON", "BARONESS", "LADY")
        if any(w in NON_PERSON_WORDS for w in toks if not (lordly and w == "OF")):
            stats["aliases dropped: organisation or agent word"] += 1
            continue
        if any(re.search(r"\d", w) for w in toks):
            stats["aliases dropped: digits"] += 1
            continue
        if len(toks) == 2 and toks[0] in ("AL", "EL") and person.name.lower().endswith(
                (toks[0] + "-" + toks[1]).lower()):
            toks = [toks[0] + "-" + toks[1]]  # AL_ASSAD -> al-Assad, as in the name
        a = display(toks)
        if len(toks) == 1:
            w = toks[0]
            bare = re.sub(r"^(AL|EL)-", "", w).lower()
            if len(w.strip(".")) <= 3:
                stats["aliases dropped: one word of three letters or fewer"] += 1
                continue
            if w.lower() in common_words or bare in common_words:
                stats["aliases dropped: one word that is a common English word"] += 1
                continue
            if w in given_names:
                stats["aliases dropped: one word that is a common given name"] += 1
                continue
        if a.lower() in seen:
            continue
        seen.add(a.lower())
        out.append(a)
    return out


def build_rows(person, iso, stats):
    """The rows (role, country, from, to) of a person."""
    e = person.entry
    parsed = []
    for code, dates, comment, line in e.codes:
        if code == "---":
            stats["code rows skipped: null code ---"] += 1
            continue
        country, rolepart, prefix, shown = code_parts(code, iso)
        if country is None:
            stats[f"code rows skipped: not an ISO country ({prefix})"] += 1
            continue
        if rolepart and not re.fullmatch(r"(?:[A-Z]{3})+", rolepart):
            stats["code rows skipped: malformed code"] += 1
            continue
        try:
            start, end = parse_range(dates)
        except ValueError:
            stats["code rows skipped: malformed date"] += 1
            continue
        if start and end and end < start:
            stats["code rows skipped: range ends before it starts"] += 1
            continue
        parsed.append([country, rolepart, start, end, comment_office(comment), shown])
    # Offices from titles: only where one office fits the row and that row is the only one it fits.
    for office, roles in person.offices.items():
        targets = {(r[1], r[2], r[3]) for r in parsed if r[4] is None and fits(roles, r[1])}
        if len(targets) != 1:
            if targets:
                stats["title offices not used: fit several ranges"] += 1
            continue
        (target,) = targets
        rivals = [o for o, rr in person.offices.items() if o != office and fits(rr, target[0])]
        if rivals:
            stats["title offices not used: several offices fit one range"] += 1
            continue
        for r in parsed:
            if r[4] is None and (r[1], r[2], r[3]) == target:
                r[4] = office
                stats["rows with an office from a title in the names"] += 1
    rows = []
    for country, rolepart, start, end, office, shown in parsed:
        if office:
            role = office
        else:
            role = role_text(rolepart, shown)
        rows.append((role, country, start, end))
    return rows


def convert(texts, iso, demonyms, common_words, commit):
    """texts: [(file name, text)] -> (header lines, rows, stats)."""
    stats = collections.Counter()
    entries = []
    for fname, text in texts:
        es, st = parse_dictionary(text, fname)
        stats.update(st)
        stats[f"entries read: {fname}"] = len(es)
        entries.extend(es)
    persons = []
    for e in entries:
        p = examine(e, iso, demonyms, stats)
        if p is not None:
            persons.append(p)
    first = collections.Counter()
    for name in {p.name for p in persons}:
        first[name.split()[0].upper()] += 1
    given_names = {w for w, n in first.items() if n >= 3}
    table = {}
    alias_of = collections.defaultdict(list)
    for p in persons:
        aliases = clean_aliases(p, common_words, given_names, stats)
        rows = build_rows(p, iso, stats)
        if not rows:
            stats["skipped: person without a usable code row"] += 1
            continue
        for role, country, start, end in rows:
            key = (p.name, role, country, start, end)
            if key in table:
                stats["duplicate rows merged"] += 1
            table.setdefault(key, f"Phoenix {p.entry.source}")
            for a in aliases:
                if a not in alias_of[(p.name, country)]:
                    alias_of[(p.name, country)].append(a)
    rows = []
    for (name, role, country, start, end), source in table.items():
        rows.append((name, "|".join(alias_of[(name, country)]), role, country, start, end, source))
    rows.sort(key=lambda r: (r[0].lower(), r[0], r[4], r[5], r[3], r[2]))
    header = [
        "# Officials with dated roles, from the Phoenix actor dictionaries of PETRARCH2, Open Event Data",
        f"# Alliance, MIT licence, github.com/openeventdata/petrarch2, commit {commit}",
        "# (petrarch2/data/dictionaries/Phoenix.Countries.actors.txt and Phoenix.International.actors.txt),",
        "# converted by scripts/convert_phoenix.py, whose docstring gives the rules for people and roles.",
        "# A role is an office when the dictionary names it, else the CAMEO code's meaning with the code.",
        "# Empty from/to: open range; both empty: the entry's undated default code. Elite (ELI) ranges are",
        "# mostly approximations made by the dictionary's authors around the offices.",
        "# Columns: name\tother names (|)\trole\tcountry (ISO 3166 alpha-3)\tfrom\tto\tsource",
    ]
    return header, rows, stats, persons


def render(header, rows):
    return "\n".join(header + ["\t".join(r) for r in rows]) + "\n"


def limit_size(header, rows):
    """Keep only people with a dated range from 1990 on when the file would pass MAX_BYTES."""
    text = render(header, rows)
    if len(text.encode("utf-8")) <= MAX_BYTES:
        return header, rows, False
    recent = {r[0] for r in rows if (r[4] and r[4] >= "1990") or (r[5] and r[5] >= "1990")}
    rows = [r for r in rows if r[0] in recent]
    header = header[:-1] + ["# Only people with at least one dated range from 1990 on are kept (size limit).", header[-1]]
    return header, rows, True


# ----------------------------------------------------------------------------- I/O


def git_show(git_dir, rev, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{rev}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def load_common_words(path):
    words = set(COMMON_WORDS)
    p = pathlib.Path(path) if path else pathlib.Path("/usr/share/dict/words")
    if p.exists():
        words |= {w.strip() for w in p.read_text(encoding="utf-8", errors="replace").splitlines()
                  if w.strip().islower() and w.strip().isalpha()}
    elif path:
        raise ConvertError(f"no word list at {path}")
    return words


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help="Phoenix.Countries.actors.txt Phoenix.International.actors.txt")
    ap.add_argument("--git-dir", help="petrarch2 git directory to read the files from")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--commit", default="", help="commit hash to record when reading plain files")
    ap.add_argument("--countries", default=str(COUNTRIES))
    ap.add_argument("--words", default="", help="word list (default /usr/share/dict/words if present)")
    ap.add_argument("-o", "--output", default=str(OUT))
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if args.git_dir:
        commit = subprocess.run(["git", "--git-dir", args.git_dir, "rev-parse", args.rev], check=True,
                                capture_output=True, text=True).stdout.strip()
        texts = [(f, git_show(args.git_dir, args.rev, f"{DICT_DIR}/{f}")) for f in FILES]
    elif args.files:
        commit = args.commit or "unknown"
        texts = [(pathlib.Path(f).name, pathlib.Path(f).read_text(encoding="utf-8")) for f in args.files]
    else:
        ap.error("give the dictionary files or --git-dir")
    iso, demonyms = load_countries(pathlib.Path(args.countries))
    header, rows, stats, persons = convert(texts, iso, demonyms, load_common_words(args.words), commit)
    header, rows, limited = limit_size(header, rows)
    text = render(header, rows)
    pathlib.Path(args.output).write_text(text, encoding="utf-8")
    names = {r[0] for r in rows}
    for k in sorted(k for k in stats if k.startswith("entries read")):
        print(f"{k}: {stats[k]}", file=sys.stderr)
    print(f"people: {len(names)} (from {len(persons)} entries); rows written: {len(rows)}; "
          f"{len(text.encode('utf-8'))} bytes -> {args.output}", file=sys.stderr)
    if limited:
        print("size limit: kept only people with a dated range from 1990 on", file=sys.stderr)
    for k in sorted(stats):
        if not k.startswith("entries read"):
            print(f"  {k}: {stats[k]}", file=sys.stderr)
    return 0


# ----------------------------------------------------------------------------- self-test

SAMPLE = """\
# comment line
UNITED_STATES_OF_AMERICA_  [USA]
+AMERICA

US_SECRETARY_OF_STATE_
+SECRETARY_OF_STATE_ # iffy
\t[USAGOV]
BARACK_OBAMA
+PRESIDENT_OBAMA_
+OBAMA
+THE_OBAMA_ADMINISTRATION
+SENATOR_OBAMA
\t[USAELI 780101-000101]
\t[USAGOV >090120]
HENRY_KISSINGER_  # CountryInfo.txt
+SECRETARY_KISSINGER
\t[USAGOV 730922-770120] # Secretary of State
\t[USAGOV 690120-751103] # National security advisor
GEORGE_BUSH_
+PRESIDENT_BUSH
+BUSH
\t[USAGOV 890120-930120]
\t[USAGOV 810120-890120]
\t[USAELI]
NURI_AL_MALIKI_
+MALIKI
+PM_MALIKI
\t[IRQGOV 20060520-20140908]
\t[IRQGOV <050101]
HIZBALLAH_MILITARY_WING\t[LBNMIL]
DOW_CHEMICAL_\t[MNCUSA]
FOREIGN_MINISTER_ABDULLAH_
\t[AFGGOV 030101-060531]
AYATOLLAH_ALI_KHAMENEI_
\t[IRNGOV >19890604] # Supreme Leader
\t[IRNGOV 811013-890803]
GERALD_R._FORD_
+PRESIDENT_FORD
FORMER_PRESIDENT_GERALD_R._FORD
GERALD_RUDOLPH_FORD
\t[USAGOV 740809-770120]
\t[USAELI 2004017-20061201]
\t[USAGOV 20121207-20120802]
JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006]
"""


def self_test():
    iso = {"USA", "IRQ", "AFG", "IRN", "LBN"}
    demonyms = {"AMERICAN", "IRAQI", "US", "U.S."}
    failures = []
    checks = [0]

    def check(what, got, want):
        checks[0] += 1
        if got != want:
            failures.append(f"{what}: got {got!r}, want {want!r}")

    check("date YYMMDD", parse_date("090120"), "2009-01-20")
    check("date 31 -> 1931", parse_date("310101"), "1931-01-01")
    check("date YYYYMMDD", parse_date("19270101"), "1927-01-01")
    check("range", parse_range("780101-000101"), ("1978-01-01", "2000-01-01"))
    check("open from", parse_range(">090120"), ("2009-01-20", ""))
    check("open from, space", parse_range("> 140608"), ("2014-06-08", ""))
    check("until", parse_range("<990830"), ("", "1999-08-30"))
    check("bare date", parse_range("19820101"), ("1982-01-01", ""))
    check("undated", parse_range(""), ("", ""))
    for bad in ("2004017", "1920030320", "100931"):
        try:
            parse_range(bad)
            failures.append(f"malformed date {bad} accepted")
        except ValueError:
            pass
    check("name al-", display(raw_tokens("NURI_AL_MALIKI_")), "Nuri al-Maliki")
    check("name initials", display(raw_tokens("GEORGE_H._W._BUSH")), "George H. W. Bush")
    check("name apostrophe", display(raw_tokens("MIGUEL_D'ESCOTO_BROCKMANN_")), "Miguel D'Escoto Brockmann")
    check("name hyphen", display(raw_tokens("ZIA-UL-HAQ")), "Zia-ul-Haq")
    check("name particle", display(raw_tokens("OSAMA_BIN_LADEN")), "Osama bin Laden")
    check("name Mc", display(raw_tokens("ROBERT_MCNAMARA_")), "Robert McNamara")
    check("role GOVMIL", role_text("GOVMIL"), "Government official, defence (CAMEO GOVMIL)")
    check("role REBMUS", role_text("REBMUS"), "Rebel, Muslim (CAMEO REBMUS)")
    check("territory code", code_parts("GBRVGBGOV", {"GBR", "VGB"}), ("VGB", "GOV", "GBR", "GOV"))
    check("region code", code_parts("IDNTMPOPP", {"IDN", "TLS"}), ("IDN", "OPP", "IDN", "TMPOPP"))
    check("name roman", display(raw_tokens("ELIZABETH_II")), "Elizabeth II")
    check("name XI", display(raw_tokens("XI_JINPING")), "Xi Jinping")
    check("name leading apostrophe", display(raw_tokens("'ULUKALALA_LAVAKA_ATA")), "'Ulukalala Lavaka Ata")

    entries, st = parse_dictionary(SAMPLE, "sample.txt")
    check("entries", [e.names[0] for e in entries],
          ["UNITED_STATES_OF_AMERICA_", "US_SECRETARY_OF_STATE_", "BARACK_OBAMA", "HENRY_KISSINGER_",
           "GEORGE_BUSH_", "NURI_AL_MALIKI_", "HIZBALLAH_MILITARY_WING", "DOW_CHEMICAL_",
           "FOREIGN_MINISTER_ABDULLAH_", "AYATOLLAH_ALI_KHAMENEI_", "GERALD_R._FORD_", "JAVIER_SOLANA_"])
    check("merged base lines", entries[10].names,
          ["GERALD_R._FORD_", "FORMER_PRESIDENT_GERALD_R._FORD", "GERALD_RUDOLPH_FORD"])
    check("codes on the base line", [c[0] for c in entries[11].codes], ["IGOEUREEC", "IGOWSTNAT"])
    header, rows, stats, persons = convert([("sample.txt", SAMPLE)], iso, demonyms, {"bush", "said"}, "abc123")
    got = {}
    for r in rows:
        got.setdefault(r[0], []).append(r[1:6])
    check("people", sorted(got), ["Ali Khamenei", "Barack Obama", "George Bush", "Gerald R. Ford",
                                  "Henry Kissinger", "Nuri al-Maliki"])
    check("Obama", got.get("Barack Obama"),
          [("Obama", "Elite (CAMEO ELI)", "USA", "1978-01-01", "2000-01-01"),
           ("Obama", "President", "USA", "2009-01-20", "")])
    check("Kissinger", got.get("Henry Kissinger"),
          [("Kissinger", "National Security Adviser", "USA", "1969-01-20", "1975-11-03"),
           ("Kissinger", "Secretary of State", "USA", "1973-09-22", "1977-01-20")])
    check("Bush (two GOV ranges, one title: no office)", got.get("George Bush"),
          [("", "Elite (CAMEO ELI)", "USA", "", ""),
           ("", "Government official (CAMEO GOV)", "USA", "1981-01-20", "1989-01-20"),
           ("", "Government official (CAMEO GOV)", "USA", "1989-01-20", "1993-01-20")])
    check("Maliki", got.get("Nuri al-Maliki"),
          [("Maliki", "Government official (CAMEO GOV)", "IRQ", "", "2005-01-01"),
           ("Maliki", "Government official (CAMEO GOV)", "IRQ", "2006-05-20", "2014-09-08")])
    check("Khamenei", got.get("Ali Khamenei"),
          [("Ayatollah Ali Khamenei", "Government official (CAMEO GOV)", "IRN", "1981-10-13", "1989-08-03"),
           ("Ayatollah Ali Khamenei", "Supreme Leader", "IRN", "1989-06-04", "")])
    check("Ford", got.get("Gerald R. Ford"),
          [("Gerald Rudolph Ford|Ford", "President", "USA", "1974-08-09", "1977-01-20")])
    check("sources", {r[6] for r in rows}, {"Phoenix sample.txt"})
    check("header credits", "commit abc123" in "\n".join(header) and "MIT licence" in "\n".join(header), True)
    check("malformed date counted", stats["code rows skipped: malformed date"], 1)
    check("reversed range counted", stats["code rows skipped: range ends before it starts"], 1)
    if failures:
        print("self-test FAILED:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        return 1
    print(f"self-test passed ({checks[0]} checks)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ConvertError as e:
        print(f"convert_phoenix: {e}", file=sys.stderr)
        sys.exit(2)
