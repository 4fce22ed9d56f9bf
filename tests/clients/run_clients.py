#!/usr/bin/env python3
"""Real clients against the real binary: starts `bilateral serve` on a free port with a fresh
data directory, then checks that SPARQLWrapper, rdflib and curl can all use the endpoint the
way an analyst or a linked-data consumer would. Prints 'N passed, N failed' and exits non-zero
on any failure.

Usage: python3 tests/clients/run_clients.py target/release/bilateral
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from SPARQLWrapper import JSON, SPARQLWrapper, TURTLE, CSV
import rdflib

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/bilateral"
TOKEN = "client-test-token"
passed, failed = 0, 0


def check(name, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {name}")
    except Exception as e:  # noqa: BLE001 - report every failure and go on
        failed += 1
        print(f"FAIL {name}: {type(e).__name__}: {e}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BILATERAL_UPDATE_TOKEN=TOKEN)
        server = subprocess.Popen([BIN, "serve", "--data", os.path.join(tmp, "data"), "--bind", f"127.0.0.1:{port}"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    urllib.request.urlopen(f"{base}/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            run_checks(base)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def run_checks(base):
    def sparqlwrapper_select():
        s = SPARQLWrapper(f"{base}/sparql")
        s.setQuery("SELECT ?c ?name WHERE { ?c <https://w3id.org/bilateral/ontology#iso3> \"IRQ\" ; <https://schema.org/name> ?name }")
        s.setReturnFormat(JSON)
        rows = s.query().convert()["results"]["bindings"]
        assert rows and rows[0]["name"]["value"] == "Iraq", rows

    def sparqlwrapper_reads_a_streamed_answer_whole():
        # Every quad of the store: far more than one 64 KiB chunk, so the server streams it.
        s = SPARQLWrapper(f"{base}/sparql")
        s.setQuery("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        s.setReturnFormat(JSON)
        response = s.query()
        assert response.response.headers.get("Content-Length") is None, dict(response.response.headers)
        rows = response.convert()["results"]["bindings"]
        s.setQuery("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        n = int(s.query().convert()["results"]["bindings"][0]["n"]["value"])
        assert len(rows) == n and n > 1000, (len(rows), n)

    def sparqlwrapper_post_and_csv():
        s = SPARQLWrapper(f"{base}/sparql")
        s.setMethod("POST")
        s.setQuery("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://schema.org/Country> }")
        s.setReturnFormat(CSV)
        text = s.query().convert().decode()
        assert text.splitlines()[1].strip() == "250", text

    def sparqlwrapper_construct_into_rdflib():
        s = SPARQLWrapper(f"{base}/sparql")
        s.setQuery("CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/bilateral/ontology#iso3> \"SYR\" ; ?p ?o }")
        s.setReturnFormat(TURTLE)
        g = rdflib.Graph()
        g.parse(data=s.query().convert(), format="turtle")
        assert (None, rdflib.URIRef("https://schema.org/name"), rdflib.Literal("Syria", lang="en")) in g, g.serialize()

    def rdflib_graph_store_jsonld():
        graph = urllib.parse.quote("https://w3id.org/bilateral/graph/ontology/cameo", safe="")  # the default base IRI
        req = urllib.request.Request(f"{base}/store?graph={graph}", headers={"Accept": "application/ld+json"})
        body = urllib.request.urlopen(req).read().decode()
        g = rdflib.Graph()
        g.parse(data=body, format="json-ld")
        assert len(g) > 50, len(g)

    def rdflib_sparqlstore():
        from rdflib.plugins.stores.sparqlstore import SPARQLStore
        store = SPARQLStore(f"{base}/sparql")
        g = rdflib.Graph(store=store)
        rows = list(g.query("SELECT ?l WHERE { ?c <https://w3id.org/bilateral/ontology#iso3> \"JOR\" ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"))
        assert str(rows[0][0]) == "Jordan", rows

    def rdflib_service_description():
        g = rdflib.Graph()
        req = urllib.request.Request(f"{base}/sparql", headers={"Accept": "text/turtle"})
        g.parse(data=urllib.request.urlopen(req).read().decode(), format="turtle")
        sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
        assert (None, rdflib.RDF.type, sd.Service) in g

    def update_needs_token_then_works():
        data = b"INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"
        req = urllib.request.Request(f"{base}/update", data=data, headers={"Content-Type": "application/sparql-update"})
        try:
            urllib.request.urlopen(req)
            raise AssertionError("update without token succeeded")
        except urllib.error.HTTPError as e:
            assert e.code == 401, e.code
        req.add_header("Authorization", f"Bearer {TOKEN}")
        assert urllib.request.urlopen(req).status == 204

    def malformed_query_message():
        try:
            urllib.request.urlopen(f"{base}/sparql?query=" + urllib.parse.quote("SELECT ?x WHERE {"))
            raise AssertionError("malformed query accepted")
        except urllib.error.HTTPError as e:
            assert e.code == 400 and "not valid" in e.read().decode()

    def curl_browser_format_param():
        out = subprocess.run(["curl", "-s", "-H", "Accept: text/html", f"{base}/sparql?format=json&query=" + urllib.parse.quote("ASK {}")],
                             capture_output=True, text=True, check=True).stdout
        assert json.loads(out)["boolean"] is True, out

    def curl_sees_a_streamed_answer_cut_at_the_row_cap_as_incomplete():
        # Every pair of quads: millions of rows, past the server's cap of 100,000, found after the
        # answer has begun: the transfer ends as incomplete (curl's exit 18), not as a document.
        query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
        done = subprocess.run(["curl", "-s", "-o", os.devnull, f"{base}/sparql?query=" + urllib.parse.quote(query)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 18, done.returncode

    def rdflib_dereferences_an_entity_iri():
        g = rdflib.Graph()
        req = urllib.request.Request(f"{base}/id/country/SYR", headers={"Accept": "text/turtle"})
        g.parse(data=urllib.request.urlopen(req).read().decode(), format="turtle")
        syr = rdflib.URIRef("https://w3id.org/bilateral/id/country/SYR")
        gaf = rdflib.Namespace("http://groundedannotationframework.org/gaf#")
        assert (syr, rdflib.URIRef("https://schema.org/name"), rdflib.Literal("Syria", lang="en")) in g
        assert len(list(g.objects(syr, gaf.denotedBy))) >= 10, "grounded in the seed article"

    def rdflib_parses_compacted_jsonld_and_void():
        for path in ["/id/country/SYR", "/.well-known/void"]:
            j = urllib.request.urlopen(urllib.request.Request(f"{base}{path}", headers={"Accept": "application/ld+json"})).read().decode()
            t = urllib.request.urlopen(urllib.request.Request(f"{base}{path}", headers={"Accept": "text/turtle"})).read().decode()
            doc = json.loads(j)
            assert doc["@context"]["schema"] == "https://schema.org/", doc.get("@context")
            assert "https://schema.org/name" not in j, "property names are compacted"
            gj = rdflib.Dataset(); gj.parse(data=j, format="json-ld")
            gt = rdflib.Dataset(); gt.parse(data=t, format="turtle")
            tj = {(s, p, o) for s, p, o, _ in gj.quads()}
            tt = {(s, p, o) for s, p, o, _ in gt.quads()}
            assert tj == tt and len(tj) > 10, (path, len(tj), len(tt))
        void = rdflib.Graph().parse(data=t, format="turtle")
        VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
        assert any(void.triples((None, rdflib.RDF.type, VOID.Dataset)))
        assert any(void.triples((None, VOID.sparqlEndpoint, None)))

    def pyshacl_validates_the_exported_article_graphs():
        import pyshacl
        req = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
        ds = rdflib.Dataset()
        ds.parse(data=urllib.request.urlopen(req).read().decode(), format="nquads")
        data = rdflib.Graph()
        for ctx in ds.graphs():
            # The article graphs, with the reference countries their events point to, the entity
            # graph that describes the people and organisations they name, and the events graph.
            name = str(ctx.identifier)
            if "/graph/article/" in name or name.endswith(("/graph/seed-data/countries", "/graph/entities", "/graph/events")):
                for t in ctx:
                    data.add(t)
        assert len(data) > 300, len(data)
        shapes = rdflib.Graph().parse(os.path.join(os.path.dirname(__file__), "..", "..", "ontology", "shapes.ttl"), format="turtle")
        conforms, _, text = pyshacl.validate(data, shacl_graph=shapes)
        assert conforms, text[:2000]

    def post_article_then_delete_it():
        path = os.path.join(os.path.dirname(__file__), "..", "articles", "oped-saudi-iran.txt")
        body = open(path, "rb").read()
        req = urllib.request.Request(f"{base}/articles", data=body, headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})
        out = json.loads(urllib.request.urlopen(req).read())
        assert out["quads"] > 100 and not out["duplicate"], out
        req = urllib.request.Request(f"{base}/articles/{out['id']}", method="DELETE", headers={"Authorization": f"Bearer {TOKEN}"})
        assert urllib.request.urlopen(req).status == 204

    def chromium_renders_hostile_iris_and_literals_as_text():
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise AssertionError("chromium is not installed (scripts/test.sh installs it)")
        subject = "https://w3id.org/bilateral/id/test/xss"  # under the default base IRI: a local page
        data = ("INSERT DATA { GRAPH <http://example.org/xss> { <SUBJECT> <http://example.org/p> "
                "<javascript:alert(document.domain)> , <data:text/html,%3Cb%3Ebold%3C/b%3E> , "
                "\"<img src=x onerror=alert(1)><script>alert(2)</script>\" } }").replace("SUBJECT", subject).encode()
        req = urllib.request.Request(f"{base}/update", data=data, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert urllib.request.urlopen(req).status == 204
        query = "SELECT ?o WHERE { <%s> ?p ?o }" % subject
        with tempfile.TemporaryDirectory() as profile:
            def dom(url):
                return subprocess.run(
                    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom", url],
                    capture_output=True, text=True, timeout=90).stdout
            # The shared link runs the query in the page (fetch, then the table is built).
            shared = dom(f"{base}/?query=" + urllib.parse.quote(query))
            assert "javascript:alert(document.domain)" in shared, "the results table did not render: " + shared[-2000:]
            page = dom(f"{base}/id/test/xss")
            assert "javascript:alert(document.domain)" in page, page[-2000:]
        for name, html in (("shared link", shared), ("entity page", page)):
            lower = html.lower()
            assert 'href="javascript:' not in lower, f"{name}: a javascript: link"
            assert 'href="data:' not in lower, f"{name}: a data: link"
            assert "<img src=\"x\"" not in lower and "<img src=x" not in lower, f"{name}: markup from a literal became an element"
            assert "<script>alert(2)" not in lower, f"{name}: a script from a literal became an element"

    def chromium_runs_a_stored_query_with_its_parameters():
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise AssertionError("chromium is not installed (scripts/test.sh installs it)")
        stored = "/queries/01-events-between-two-countries?a=IRQ&b=SYR"
        with tempfile.TemporaryDirectory() as profile:
            html = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom",
                 f"{base}/?stored=" + urllib.parse.quote(stored, safe="")],
                capture_output=True, text=True, timeout=90).stdout
            # A query that uses the known prefixes without declaring them gets them added.
            bare = "SELECT ?c ?n WHERE { ?c a schema:Country ; schema:name ?n } ORDER BY ?n"
            prefixed = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom",
                 f"{base}/?query=" + urllib.parse.quote(bare)],
                capture_output=True, text=True, timeout=90).stdout
        # ... and its 250 rows come a hundred a page.
        assert "250 rows" in prefixed and "page 1 of 3" in prefixed, prefixed[-2000:]
        # The form holds the parameters, the table the rows, and the downloads point at the API.
        assert 'id="results"' in html, "no results table: " + html[-2000:]
        assert html.count("<tr>") > 2, html[-2000:]
        assert 'value="IRQ"' in html or "IRQ" in html, html[-2000:]
        assert 'id="download-csv"' in html and "format=csv" in html, html[-2000:]
        # And the CSV it offers is the API's answer.
        csv = urllib.request.urlopen(f"{base}{stored}&format=csv").read().decode()
        assert csv.startswith("type,") or "," in csv.splitlines()[0], csv[:200]
        assert len(csv.splitlines()) > 2, csv[:500]

    def chromium_walks_the_pages_and_saves_screenshots():
        # The workbench end to end in a real browser: the seed article with its highlights, a
        # claim's provenance picture, an entity page reached from an IRI, the pair page's
        # timeline. Screenshots go to target/screenshots (README shows two made this way).
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise AssertionError("chromium is not installed (scripts/test.sh installs it)")
        shots = os.path.join(os.path.dirname(__file__), "..", "..", "target", "screenshots")
        os.makedirs(shots, exist_ok=True)
        # Two dated reports of one detainee transfer, so that the pair page has a timeline.
        for name in ("h1-sana.txt", "h1-ina.txt"):
            body = open(os.path.join(os.path.dirname(__file__), "..", "linking", "articles", name), "rb").read()
            urllib.request.urlopen(urllib.request.Request(f"{base}/articles", data=body, headers={
                "Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"}))
        listing = json.loads(urllib.request.urlopen(urllib.request.Request(f"{base}/articles", headers={"Accept": "application/json"})).read())
        article = next(a["id"] for a in listing["articles"] if a["title"] and "New Era" in a["title"])
        pages = {
            "article": (f"/articles/{article}", ['class="trigger"', 'class="claim"', 'id="article-text"']),
            "claim": (f"/id/article/{article}/claim/1", ["<svg", "published by"]),
            "country": ("/id/country/SYR", ["Syria"]),
            "pair": ("/pair/IRQ/SYR", ['id="timeline"', "<circle", "<h1>Iraq and Syria</h1>", "What each side claimed"]),
            "search": ("/search?q=turkey", ['href="/id/country/TUR"']),
        }
        with tempfile.TemporaryDirectory() as profile:
            common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      f"--user-data-dir={profile}", "--virtual-time-budget=4000"]
            for name, (path, needles) in pages.items():
                html = subprocess.run(common + ["--dump-dom", base + path], capture_output=True, text=True, timeout=90).stdout
                for n in needles:
                    assert n in html, f"{name} ({path}): no {n}: " + html[-1500:]
                subprocess.run(common + ["--hide-scrollbars", "--window-size=1280,1000",
                                         f"--screenshot={os.path.join(shots, name + '.png')}", base + path],
                               capture_output=True, timeout=90)
                assert os.path.getsize(os.path.join(shots, name + ".png")) > 5000, name
                if name == "pair":
                    # Follow the timeline's first dot to the event it stands for.
                    import re
                    href = re.search(r'<a href="(/id/[^"]+)"><circle', html).group(1)
                    event = subprocess.run(common + ["--dump-dom", base + href], capture_output=True, text=True, timeout=90).stdout
                    assert "detainee" in event.lower() or "Transfer" in event, event[-1500:]

    def webdriver_types_a_stored_query_downloads_csv_and_follows_links():
        # A user's path, driven through Debian's chromium-driver (WebDriver): pick a stored
        # query, type its parameters, run it, download the CSV, follow an IRI to its page, open
        # the pair page's timeline. Screenshots go to target/screenshots.
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
        shots = os.path.join(os.path.dirname(__file__), "..", "..", "target", "screenshots")
        os.makedirs(shots, exist_ok=True)
        with tempfile.TemporaryDirectory() as downloads, tempfile.TemporaryDirectory() as profile:
            options = webdriver.ChromeOptions()
            options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
            for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                        f"--user-data-dir={profile}", "--disable-background-networking"]:
                options.add_argument(arg)
            options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                      "download.prompt_for_download": False})
            driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
            try:
                wait = WebDriverWait(driver, 30)
                driver.get(base + "/")
                Select(driver.find_element(By.ID, "stored")).select_by_value("01-events-between-two-countries")
                driver.find_element(By.NAME, "a").send_keys("SYR")
                driver.find_element(By.NAME, "b").send_keys("IRQ")
                driver.find_element(By.ID, "run").click()
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results tr:nth-child(2)"))
                rows = driver.find_elements(By.CSS_SELECTOR, "#results tr")
                assert len(rows) > 2, len(rows)
                driver.save_screenshot(os.path.join(shots, "webdriver-stored-query.png"))
                driver.find_element(By.ID, "download-csv").click()
                wait.until(lambda d: any(f.endswith(".csv") for f in os.listdir(downloads)))
                csv_name = next(f for f in os.listdir(downloads) if f.endswith(".csv"))
                csv = open(os.path.join(downloads, csv_name), encoding="utf-8").read()
                assert csv.startswith("type,") and len(csv.splitlines()) == len(rows), (len(csv.splitlines()), len(rows))
                # Follow the first IRI of the results to its page.
                link = driver.find_element(By.CSS_SELECTOR, "#results a[href^='/id/']")
                link.click()
                wait.until(lambda d: "/id/" in d.current_url and d.find_elements(By.TAG_NAME, "h1"))
                assert driver.find_elements(By.XPATH, "//h2[contains(., 'Statements') or contains(., 'Where this comes from') or contains(., 'The words')]")
                driver.get(base + "/pair/IRQ/SYR")
                wait.until(lambda d: d.find_elements(By.ID, "events"))
                driver.save_screenshot(os.path.join(shots, "webdriver-pair.png"))
            finally:
                driver.quit()

    for name, fn in list(locals().items()):
        if callable(fn):
            check(name, fn)


if __name__ == "__main__":
    import urllib.parse  # noqa: F401 - used in the checks
    import urllib.error  # noqa: F401
    main()
