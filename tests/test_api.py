"""The HTTP API and the pages, through httpx (FastAPI's test client): every endpoint, its 4xx answers,
the security headers; then schemathesis against the OpenAPI spec, which must never see a 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from stationwatch import intake
from stationwatch.ingest import read
from stationwatch.settings import Settings
from stationwatch.store import open_store
from stationwatch.web import create_app

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "stationwatch" / "samples"
TOKEN = "api-test-token"
ARTICLE = ("Police examine Chinese overseas police station in Leeds\n\n"
           "A rights group says a Chinese overseas police station operated in Leeds, run from Fuzhou. "
           "Local police said on Tuesday they were examining the office.")


def _app(tmp_path, api_token: str | None = TOKEN):
    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = Settings(db=str(tmp_path / "api.db"), api_token=api_token, max_upload_bytes=20_000)
    store = open_store(settings)
    intake.add_items(store, read([SAMPLES], settings.max_bytes))
    return create_app(settings)


@pytest.fixture()
def client(tmp_path):
    with TestClient(_app(tmp_path)) as c:
        yield c


def auth() -> dict:
    return {"X-API-Token": TOKEN}


def test_registry_endpoints(client):
    body = client.get("/api/v1/stations").json()
    assert body["count"] == len(body["stations"]) > 0
    row = body["stations"][0]
    assert {"id", "country", "city", "count", "n_sources", "independent_sources", "languages"} <= set(row)
    assert "sources" not in row  # (the list stays small; a station's page lists its sources)
    detail = client.get(f"/api/v1/stations/{row['id']}").json()
    assert detail["row"]["id"] == row["id"] and detail["evidence"] and detail["sources"]
    ev = detail["evidence"][0]
    assert ev["match"] and {"before", "after", "doc_id"} <= set(ev)
    assert client.get("/api/v1/responses").json()["countries"]
    tallies = client.get("/api/v1/tallies").json()["tallies"]
    assert tallies and all("conflicts_with" in t for t in tallies)
    assert client.get(f"/api/v1/rows/{tallies[0]['id']}").json()["kind"] == "tallies"
    m = client.get("/api/v1/map").json()
    assert m["stations"]["type"] == "FeatureCollection" and "responses" in m and "numeric" in m
    early = client.get("/api/v1/map", params={"until": "2000"}).json()
    assert early["stations"]["features"] == [] and early["responses"] == {}


def test_filters_and_sorting(client):
    all_rows = client.get("/api/v1/stations").json()["stations"]
    country = all_rows[0]["country"]
    got = client.get("/api/v1/stations", params={"country": country.lower()}).json()["stations"]
    assert got and all(r["country"] == country for r in got)
    many = client.get("/api/v1/stations", params={"min_sources": 2}).json()["stations"]
    assert all(r["independent_sources"] >= 2 for r in many)
    by_count = client.get("/api/v1/stations", params={"sort": "count", "order": "desc"}).json()["stations"]
    counts = [r["count"] for r in by_count if r["count"] is not None]
    assert counts == sorted(counts, reverse=True)
    assert client.get("/api/v1/stations", params={"language": "zz"}).json()["count"] == 0


@pytest.mark.parametrize("path, params", [
    ("/api/v1/stations", {"country": "Canada"}), ("/api/v1/stations", {"sort": "nonsense"}),
    ("/api/v1/stations", {"min_sources": -1}), ("/api/v1/stations", {"status": "gone"}),
    ("/api/v1/map", {"until": "last year"}), ("/api/v1/documents", {"limit": 0}),
    ("/api/v1/documents", {"limit": 501}), ("/api/v1/search", {}), ("/api/v1/search", {"q": "x" * 201}),
    ("/api/v1/export/pdf", {}), ("/api/v1/responses", {"country": "123"}),
])
def test_bad_queries_are_422(client, path, params):
    assert client.get(path, params=params).status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/stations/000000000000", "/api/v1/stations/not-an-id", "/api/v1/rows/abc",
                                  "/api/v1/documents/sha256:nope"])
def test_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_a_tally_is_not_a_station(client):
    tally = client.get("/api/v1/tallies").json()["tallies"][0]
    assert client.get(f"/api/v1/stations/{tally['id']}").status_code == 404


def test_documents_and_search(client):
    docs = client.get("/api/v1/documents", params={"limit": 2}).json()
    assert docs["total"] >= 2 and len(docs["documents"]) == 2
    d = client.get(f"/api/v1/documents/{docs['documents'][0]['id']}").json()
    assert "".join(p["text"] for p in d["pieces"]) == d["text"]
    assert any(p["facts"] for p in d["pieces"]) and d["facts"]
    hits = client.get("/api/v1/search", params={"q": "police station"}).json()
    assert hits["count"] > 0 and any(p["marked"] for p in hits["results"][0]["snippet"])
    # query syntax is taken as words, never as FTS operators
    for q in ['"unbalanced', "NEAR(police", "police OR", "*", "a:b", "-police"]:
        assert client.get("/api/v1/search", params={"q": q}).status_code == 200


def test_exports(client):
    for fmt, kind in [("csv", "text/csv"), ("geojson", "application/geo+json"), ("json", "application/json"),
                      ("ftm", "application/x-ndjson")]:
        r = client.get(f"/api/v1/export/{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind) and r.text
    ftm = client.get("/api/v1/export/ftm").text.splitlines()
    import json as _json

    schemas = {_json.loads(line)["schema"] for line in ftm}
    assert {"Organization", "Address", "Article", "Documentation"} <= schemas


def test_writes_need_the_token(client, tmp_path):
    body = {"text": ARTICLE, "source": "leeds.txt"}
    assert client.post("/api/v1/ingest", json=body).status_code == 401
    assert client.post("/api/v1/ingest", json=body, headers={"X-API-Token": "wrong"}).status_code == 403
    assert client.post("/api/v1/ingest/file", files={"file": ("a.txt", b"x")}).status_code == 401
    assert client.delete("/api/v1/documents/sha256:x").status_code == 401
    with TestClient(_app(tmp_path / "off", api_token=None)) as off:
        r = off.post("/api/v1/ingest", json=body, headers=auth())
        assert r.status_code == 403 and "STATIONWATCH_API_TOKEN" in r.json()["detail"]


def test_ingest_text_reports_facts_and_registry_changes_then_delete_undoes_them(client):
    r = client.post("/api/v1/ingest", json={"text": ARTICLE, "source": "leeds.txt"}, headers=auth())
    assert r.status_code == 200
    out = r.json()
    assert out["outcomes"][0]["status"] == "added"
    assert any(f["type"] == "station" and f.get("city") == "Leeds" for f in out["outcomes"][0]["facts"])
    assert any(row.get("city") == "Leeds" for row in out["changes"]["new"])
    again = client.post("/api/v1/ingest", json={"text": ARTICLE, "source": "leeds.txt"}, headers=auth()).json()
    assert again["outcomes"][0]["status"] == "unchanged" and not any(again["changes"].values())
    doc_id = out["outcomes"][0]["doc_id"]
    gone = client.delete(f"/api/v1/documents/{doc_id}", headers=auth())
    assert gone.status_code == 200 and any(row.get("city") == "Leeds" for row in gone.json()["changes"]["removed"])
    assert client.delete(f"/api/v1/documents/{doc_id}", headers=auth()).status_code == 404
    assert not any(s["city"] == "Leeds" for s in client.get("/api/v1/stations").json()["stations"])


@pytest.mark.parametrize("body", [{}, {"text": "x", "url": "http://example.org/"}, {"text": ARTICLE, "published": "May 2023"},
                                  {"text": ARTICLE, "language": "english"}])
def test_bad_ingest_bodies_are_422(client, body):
    assert client.post("/api/v1/ingest", json=body, headers=auth()).status_code == 422


def test_ingest_of_a_refused_url_is_a_reported_failure(client):
    r = client.post("/api/v1/ingest", json={"url": "http://169.254.169.254/latest/meta-data/"}, headers=auth())
    assert r.status_code == 200
    o = r.json()["outcomes"][0]
    assert o["status"] == "failed" and "link-local" in o["message"]


def test_uploads(client):
    ok = client.post("/api/v1/ingest/file", files={"file": ("leeds.txt", ARTICLE.encode())}, headers=auth())
    assert ok.status_code == 200 and ok.json()["outcomes"][0]["status"] == "added"
    big = client.post("/api/v1/ingest/file", files={"file": ("big.txt", b"x" * 20_001)}, headers=auth())
    assert big.status_code == 413
    exe = client.post("/api/v1/ingest/file", files={"file": ("run.exe", b"MZ")}, headers=auth())
    assert exe.status_code == 415
    bad = client.post("/api/v1/ingest/file", files={"file": ("bad.jsonl", b"{not json\n")}, headers=auth())
    assert bad.status_code == 200 and bad.json()["outcomes"][0]["status"] == "failed"


def test_pages_and_security_headers(client):
    station = client.get("/api/v1/stations").json()["stations"][0]
    doc = client.get("/api/v1/documents").json()["documents"][0]
    for path in ["/", "/stations", "/stations?sort=count&order=desc&country=CA", f"/stations/{station['id']}",
                 "/responses", "/tallies", "/documents", "/documents?q=police", f"/documents/{doc['id']}", "/add"]:
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/stations/000000000000").status_code == 404
    assert client.get("/documents/sha256:nope").status_code == 404
    assert client.post("/add", data={"text": ARTICLE}).status_code == 401
    added = client.post("/add", data={"token": TOKEN, "text": ARTICLE, "title": "Leeds"})
    assert added.status_code == 200 and "added" in added.text and "Leeds" in added.text


def test_openapi_docs_are_served_locally(client):
    page = client.get("/api/docs").text
    assert "/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/stations", "/api/v1/ingest", "/api/v1/search", "/api/v1/export/{fmt}"} <= set(spec["paths"])


# --- schemathesis: generated requests against the spec; no 5xx ------------------------------------------

def _schema_app():
    import tempfile

    return _app(Path(tempfile.mkdtemp(prefix="sw-schemathesis-")))


schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _schema_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(headers={"X-API-Token": TOKEN}, checks=[schemathesis.checks.not_a_server_error],
                           excluded_checks=[c for c in _all_checks() if c is not schemathesis.checks.not_a_server_error])


def _all_checks():
    from schemathesis.checks import CHECKS

    return CHECKS.get_all()


def test_read_endpoints_revalidate_with_etags_and_see_writes_at_once(client):
    r = client.get("/api/v1/stations")
    etag = r.headers["etag"]
    assert client.get("/api/v1/stations", headers={"If-None-Match": etag}).status_code == 304
    client.post("/api/v1/ingest", json={"text": ARTICLE, "source": "leeds.txt"}, headers=auth())
    after = client.get("/api/v1/stations", headers={"If-None-Match": etag})
    assert after.status_code == 200 and any(s["city"] == "Leeds" for s in after.json()["stations"])


def test_a_duplicate_copy_is_folded_under_its_original(client):
    copy = ARTICLE.replace("on Tuesday", "on Tuesday afternoon") + " (Reposted.)"
    client.post("/api/v1/ingest", json={"text": ARTICLE, "source": "leeds.txt", "published": "2023-01-10"}, headers=auth())
    client.post("/api/v1/ingest", json={"text": copy, "source": "leeds-copy.txt", "published": "2023-01-12"},
                headers=auth())
    leeds = next(s for s in client.get("/api/v1/stations").json()["stations"] if s["city"] == "Leeds")
    assert leeds["n_sources"] == 2 and leeds["independent_sources"] == 1
    sources = client.get(f"/api/v1/stations/{leeds['id']}").json()["sources"]
    assert len(sources) == 1 and sources[0]["source"] == "leeds.txt"
    assert [c["source"] for c in sources[0]["copies"]] == ["leeds-copy.txt"]
    page = client.get(f"/stations/{leeds['id']}").text
    assert "1 duplicate copy" in page
