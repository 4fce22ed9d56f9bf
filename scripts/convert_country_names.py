#!/usr/bin/env python3
"""Write the other names the gazetteer knows for each country as RDF, so that a query (or
/search) finds a country by any of them: "Turkey" as well as "Türkiye".

  reads   seed-data/gazetteer/countries.tsv        (column 5: other names, from world-countries 5.1.0, ODbL 1.0)
          seed-data/gazetteer/country-extras.tsv   (our own additions: rows of kind "name")
  writes  seed-data/country-names.ttl              <id/country/TUR> skos:altLabel "Turkey"@en .

Usage: python3 scripts/convert_country_names.py
The common and official names are in seed-data/countries.ttl already and are not repeated.
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAZ = ROOT / "seed-data" / "gazetteer"


def rows(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        yield [c.strip() for c in line.split("\t")]


def ttl_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def main():
    names = {}
    known = {}
    for r in rows(GAZ / "countries.tsv"):
        iso3 = r[0]
        known[iso3] = {r[2], r[3]}
        names[iso3] = [n for n in (r[4] if len(r) > 4 else "").split("|") if n]
    for r in rows(GAZ / "country-extras.tsv"):
        if len(r) >= 3 and r[1] == "name" and r[0] in names:
            names[r[0]].append(r[2])
    out = [
        "# Other names of the countries, from the gazetteer (world-countries 5.1.0, ODbL 1.0, and our",
        "# own additions in country-extras.tsv), converted by scripts/convert_country_names.py.",
        "# Relative IRIs resolve against the service's base IRI.",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "",
        "<graph/seed-data/country-names> dct:source <https://www.npmjs.com/package/world-countries/v/5.1.0> ;",
        "    dct:license <https://opendatacommons.org/licenses/odbl/1-0/> .",
        "",
    ]
    count = 0
    for iso3 in sorted(names):
        other = []
        for n in names[iso3]:
            if n not in known[iso3] and n not in other:
                other.append(n)
        if other:
            out.append(f"<id/country/{iso3}> skos:altLabel " + ", ".join(ttl_string(n) for n in other) + " .")
            count += len(other)
    (ROOT / "seed-data" / "country-names.ttl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{count} other names")


if __name__ == "__main__":
    main()
