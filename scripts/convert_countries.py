#!/usr/bin/env python3
"""Convert the npm package world-countries 5.1.0 (ODbL 1.0, https://github.com/mledoze/countries)
into the reference data bilateral uses:

  seed-data/gazetteer/countries.tsv   the gazetteer the extractor reads (names, demonyms, capitals)
  seed-data/countries.ttl             the same countries as RDF (schema:Country, ISO 3166 codes)

Usage:
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python3 scripts/convert_countries.py package/countries.json

The Turtle uses relative IRIs (<id/country/SYR>): the service resolves them against its base IRI
when it loads the file, so the data follows --base-iri.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def ttl_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(path):
    countries = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    countries.sort(key=lambda c: c["cca3"])
    tsv = ["# iso3\tiso2\tcommon name\tofficial name\tother names (|)\tdemonyms (|)\tcapitals (|)",
           "# from world-countries 5.1.0 (ODbL 1.0, https://github.com/mledoze/countries) by scripts/convert_countries.py"]
    ttl = ["# Countries and territories, from world-countries 5.1.0 (ODbL 1.0, https://github.com/mledoze/countries),",
           "# converted by scripts/convert_countries.py. Relative IRIs resolve against the service's base IRI.",
           "@prefix schema: <https://schema.org/> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
           "@prefix bil: <https://w3id.org/bilateral/ontology#> .",
           "@prefix dct: <http://purl.org/dc/terms/> .",
           "",
           "<graph/seed-data/countries> dct:source <https://www.npmjs.com/package/world-countries/v/5.1.0> ;",
           "    dct:license <https://opendatacommons.org/licenses/odbl/1-0/> .",
           ""]
    for c in countries:
        common, official = c["name"]["common"], c["name"]["official"]
        others = []
        for s in c.get("altSpellings", []):
            # Two-letter codes and names in other scripts are left out: they would match ordinary
            # words ("IN", "IT") or never occur in English text.
            if len(s) <= 2 or not s.isascii() or "," in s:
                continue
            if s not in (common, official) and s not in others:
                others.append(s)
        dem = []
        for d in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            if d and d not in dem:
                dem.append(d)
        caps = [x for x in c.get("capital", []) if x]
        tsv.append("\t".join([c["cca3"], c["cca2"], common, official, "|".join(others), "|".join(dem), "|".join(caps)]))
        node = f"<id/country/{c['cca3']}>"
        lines = [f"{node} a schema:Country ;",
                 f"    rdfs:label {ttl_string(common)}@en ;",
                 f"    schema:name {ttl_string(common)}@en ;",
                 f"    schema:alternateName {ttl_string(official)}@en ;",
                 f"    skos:notation {ttl_string(c['cca3'])}^^bil:ISO3166Alpha3, {ttl_string(c['cca2'])}^^bil:ISO3166Alpha2 ;",
                 f"    bil:iso3 {ttl_string(c['cca3'])} ;"]
        for d in dem:
            lines.append(f"    bil:demonym {ttl_string(d)}@en ;")
        for cap in caps:
            lines.append(f"    bil:capitalName {ttl_string(cap)}@en ;")
        lines[-1] = lines[-1][:-2] + " ."
        ttl.extend(lines + [""])
    (ROOT / "seed-data" / "gazetteer" / "countries.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    (ROOT / "seed-data" / "countries.ttl").write_text("\n".join(ttl), encoding="utf-8")
    print(f"{len(countries)} countries written", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/countries.json")
