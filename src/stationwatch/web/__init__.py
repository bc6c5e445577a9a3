"""The web app and HTTP API (FastAPI), a thin shell over :mod:`stationwatch.query` and
:mod:`stationwatch.intake`, on the same database as the command line.

Hostile content stays text: every template autoescapes, no page runs inline script or style, and a
strict Content-Security-Policy tells the browser so. Writes (ingest, delete) need the configured API
token; without one they are off.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..settings import Settings
from ..store import open_store
from .security import SecurityHeaders

WEB = Path(str(resources.files("stationwatch").joinpath("web")))
VENDOR = WEB / "node_modules"


def vendor_missing() -> list[str]:
    """Front-end files the pages need that are not installed (``npm ci --prefix src/stationwatch/web``)."""
    need = ["leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css", "chart.js/dist/chart.umd.js",
            "topojson-client/dist/topojson-client.min.js", "world-atlas/countries-110m.json"]
    return [n for n in need if not (VENDOR / n).is_file()]


def create_app(settings: Settings, tiles_url: str | None = None) -> FastAPI:
    from . import api, pages
    from .state import AppState

    app = FastAPI(title="stationwatch", version="1",
                  description="An evidence-backed registry of China's overseas police 'service stations' and of "
                              "what host governments do about them. Every row links to the sentences that "
                              "support it.", docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.sw = AppState(open_store(settings), settings, tiles_url)
    app.add_middleware(SecurityHeaders, tiles_url=tiles_url)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    if VENDOR.is_dir():
        app.mount("/vendor", StaticFiles(directory=VENDOR), name="vendor")
    app.include_router(api.router)
    app.include_router(api.docs_router)
    app.include_router(pages.router)
    return app
