"""End-to-end: the web app in a real headless Chromium (Debian's package, driven by Playwright).

The seeds are ingested into a fresh database, the app is served by uvicorn on 127.0.0.1, and the
browser clicks through it. Screenshots of the map, a station page and the tallies go to
``test-artifacts/``. Skipped (with the reason) where Chromium or the front-end files are missing;
``.ci/run`` installs both.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from stationwatch import intake
from stationwatch.ingest import from_text, read
from stationwatch.settings import Settings
from stationwatch.store import open_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "browser-test-token"
HOSTILE = ("Chinese overseas police station report\n\n"
           "A reader sent this text about a Chinese overseas police station in Lyon: <script>window.__pwned = 1;</script> "
           "and <img src=x onerror=\"window.__pwned = 2\"> and <b onmouseover=alert(1)>bold</b>.\n\n"
           "The police in Lyon said they were examining the office.")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory, request):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does)")
    from stationwatch.web import create_app, vendor_missing

    if vendor_missing():
        pytest.skip("front-end files are not installed (npm ci --prefix src/stationwatch/web; .ci/run does)")
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the seed pages are not beside the clone")
    import uvicorn

    db = tmp_path_factory.mktemp("site") / "site.db"
    settings = Settings(db=str(db), api_token=TOKEN)
    store = open_store(settings)
    outcomes = intake.add_items(store, [*read([seeds], settings.max_bytes), from_text(HOSTILE, "hostile.txt")])
    assert [o.status for o in outcomes].count("added") == 6, outcomes
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "store": store}
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.errors = errors
    yield pg
    context.close()


def test_map_marker_to_station_page_with_highlighted_evidence(site, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(site["url"] + "/")
    page.wait_for_selector("#map[data-ready='1']")
    marker = page.locator("path.station-marker[data-city='Toronto']")
    assert marker.count() == 1
    assert marker.get_attribute("data-count") == "3"
    assert "Toronto, CA: 3 stations" in marker.get_attribute("aria-label")
    assert page.locator(".station-count span[data-city='Toronto']").inner_text() == "3"
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    marker.click(force=True)
    page.wait_for_url("**/stations/*")
    assert "Toronto" in page.locator("h1").inner_text()
    assert page.locator("#row-count").inner_text() == "3"
    mark = page.locator("ol.evidence mark").first
    assert mark.is_visible() and "Toronto" in mark.locator("xpath=..").inner_text()
    source = page.locator("ul.sources > li > a").first
    assert source.is_visible() and source.inner_text().strip()
    page.screenshot(path=str(ARTIFACTS / "station.png"), full_page=True)
    assert page.errors == []


def test_tallies_chart_shows_the_timeline_and_the_conflict(site, page):
    page.goto(site["url"] + "/tallies")
    canvas = page.wait_for_selector("#tally-chart[data-ready='1']")
    assert int(canvas.get_attribute("data-points")) >= 3
    assert int(canvas.get_attribute("data-conflicts")) >= 1
    table = page.locator("#tally-table").inner_text()
    assert "54" in table and "102" in table
    assert page.locator("#tally-table tr.conflict").count() >= 2
    page.locator("#tally-table .conflict-mark").first.click()
    assert page.url.split("#")[-1].startswith("tally-")
    page.screenshot(path=str(ARTIFACTS / "tallies.png"), full_page=True)
    assert page.errors == []


def test_hostile_text_is_shown_as_text_and_never_runs(site, page):
    doc = next(d for d in site["store"].documents() if d["source"] == "hostile.txt")
    page.goto(site["url"] + "/documents/" + doc["id"])
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 1;</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("#doc-text img, #doc-text script, #doc-text b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.goto(site["url"] + "/documents?q=pwned")
    assert "window.__pwned" in page.locator("ol.hits").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("ol.hits img, ol.hits script").count() == 0
    assert page.errors == []
