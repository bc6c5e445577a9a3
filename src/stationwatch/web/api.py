"""The HTTP API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/docs)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from typing import Annotated, Literal

import pycountry
from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from .. import intake, query
from ..errors import BadInput
from ..ingest import from_text, read_url
from ..ingest.readers import SUPPORTED, read_file_bytes
from .security import require_token

router = APIRouter(prefix="/api/v1", tags=["registry"])
Until = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")]
DocId = Annotated[str, Query(max_length=80)]


def _state(request: Request):
    return request.app.state.sw


_CACHE: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
_CACHE_SIZE = 2048


def cached(request: Request, compute) -> Response:
    """A read endpoint's JSON, serialised once per stored state and request (the registry changes only
    when documents are added or removed), with an ETag so clients can revalidate. (The endpoints that use it
    are ``async``: a cached answer needs no thread; a miss builds it on the event loop, once.)"""
    sw = _state(request)
    key = (id(sw), sw.registry.version(), request.url.path, str(request.query_params))
    hit = _CACHE.get(key)
    if hit is None:
        body = json.dumps(compute(), ensure_ascii=False, default=str).encode()
        hit = (body, '"' + hashlib.sha1(body).hexdigest()[:20] + '"')
        _CACHE[key] = hit
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    body, etag = hit
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


@router.get("/stations", summary="Station rows, filtered and sorted")
async def stations(request: Request, country: Country = None,
             operator: Annotated[str | None, Query(max_length=60)] = None,
             status: Literal["reported", "closed"] | None = None,
             language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
             min_sources: Annotated[int, Query(ge=0, le=1000)] = 0,
             sort: Literal[query.STATION_SORTS] = "country",  # type: ignore[valid-type]
             order: Literal["asc", "desc"] = "asc") -> Response:
    def compute():
        rows = query.station_rows(_state(request).registry, country, operator, status, language, min_sources, sort,
                                  order == "desc")
        return {"count": len(rows), "stations": rows}
    return cached(request, compute)


@router.get("/stations/{row_id}", summary="One station with its evidence and sources")
async def station(request: Request, row_id: str) -> Response:
    def compute():
        detail = _detail(request, row_id)
        if detail["kind"] not in ("stations", "suspected_stations"):
            raise HTTPException(404, f"no station {row_id}")
        return detail
    return cached(request, compute)


@router.get("/rows/{row_id}", summary="Any registry row (station, response, tally) with its evidence")
async def row(request: Request, row_id: str) -> Response:
    return cached(request, lambda: _detail(request, row_id))


def _detail(request: Request, row_id: str) -> dict:
    if not re.fullmatch(r"[0-9a-f]{12}", row_id):
        raise HTTPException(404, f"no registry row {row_id[:40]}")
    detail = query.row_detail(_state(request).registry, row_id)
    if detail is None:
        raise HTTPException(404, f"no registry row {row_id}")
    return detail


@router.get("/responses", summary="Host-government responses, by country")
async def responses(request: Request, country: Country = None) -> Response:
    def compute():
        rows = query.responses_by_country(_state(request).registry)
        if country:
            rows = [r for r in rows if r["country"] == country.upper()]
        return {"countries": rows}
    return cached(request, compute)


@router.get("/tallies", summary="Headline counts over time, with conflicts")
async def tallies(request: Request) -> Response:
    return cached(request, lambda: {"tallies": query.tally_timeline(_state(request).registry)})


@router.get("/map", summary="Map data: placed stations (GeoJSON), unplaced ones, strongest response per country")
async def map_data(request: Request, until: Until = None) -> Response:
    def compute():
        data = query.map_data(_state(request).registry, until)
        numeric = {}
        for code in data["responses"]:
            c = pycountry.countries.get(alpha_2=code)
            if c is not None:
                numeric[c.numeric] = code
        return {**data, "numeric": numeric, "tiles": _state(request).tiles_url}
    return cached(request, compute)


@router.get("/documents", summary="Stored documents, newest first")
def documents(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
              language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None) -> dict:
    total, docs = _state(request).store.list_documents(limit, offset, language)
    return {"total": total, "limit": limit, "offset": offset, "documents": docs}


@router.get("/documents/{doc_id}", summary="One document: its clean text, cut where facts' evidence starts and ends")
def document(request: Request, doc_id: str) -> dict:
    detail = query.document_detail(_state(request).store, doc_id[:100])
    if detail is None:
        raise HTTPException(404, f"no document {doc_id[:100]}")
    return detail


@router.get("/search", summary="Full-text search over stored documents")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=200)] = 50) -> Response:
    # (on the event loop: one indexed query of about a millisecond costs less there than the hand-off to a
    # worker thread, and many threads would only contend for the interpreter)
    hits = _state(request).store.search(q, limit)
    body = {"query": q, "count": len(hits), "results": [{**h, "snippet": snippet_pieces(h["snippet"])} for h in hits]}
    return Response(json.dumps(body, ensure_ascii=False).encode(), media_type="application/json")


def snippet_pieces(snippet: str | None) -> list[dict]:
    """A search snippet with its [[marked]] words -> pieces (text, marked), so nothing is parsed as markup."""
    out = []
    for i, part in enumerate(re.split(r"\[\[|\]\]", snippet or "")):
        if part:
            out.append({"text": part, "marked": i % 2 == 1})
    return out


@router.get("/export/{fmt}", summary="The registry as JSON (the contract), CSV, GeoJSON or FollowTheMoney entities")
def export(request: Request, fmt: Literal["json", "csv", "geojson", "ftm"]) -> Response:
    body = query.export(_state(request).registry, fmt)
    media = {"json": "application/json", "csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
             "ftm": "application/x-ndjson"}[fmt]
    name = {"ftm": "stationwatch.ftm.json"}.get(fmt, f"stationwatch.{fmt}")
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


class IngestText(BaseModel):
    """Pasted text, or a URL to fetch (one of the two)."""

    text: str | None = Field(default=None, max_length=2_000_000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=300, description="a name for the pasted text")
    title: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")


def _report(request: Request, items) -> dict:
    result = _state(request).add(items)
    return {**result, "outcomes": [o.__dict__ for o in result["outcomes"]]}


@router.post("/ingest", summary="Add pasted text or a URL (needs the API token)", dependencies=[Depends(require_token)])
def ingest(request: Request, body: IngestText) -> dict:
    if bool(body.text) == bool(body.url):
        raise HTTPException(422, "give either text or url")
    sw = _state(request)
    if body.url:
        try:
            items = [read_url(body.url, max_bytes=sw.settings.max_upload_bytes, allow=sw.url_allow)]
        except BadInput as bad:
            items = [bad]
    else:
        meta = {k: v for k, v in (("title", body.title), ("published", body.published), ("language", body.language)) if v}
        try:
            items = [from_text(body.text, body.source or "pasted text", **meta)]
        except BadInput as bad:
            items = [bad]
    return _report(request, items)


@router.post("/ingest/file", summary="Upload a file: .txt, .html, .htm or .jsonl (needs the API token)",
             dependencies=[Depends(require_token)])
async def ingest_file(request: Request, file: Annotated[UploadFile, File()]) -> dict:
    sw = _state(request)
    limit = sw.settings.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"the file is over the {limit / 1e6:.1f} MB upload limit")
    name = (file.filename or "upload.txt").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload.txt"
    if not any(name.lower().endswith(ext) for ext in SUPPORTED):
        raise HTTPException(415, f"unsupported file type (use {', '.join(sorted(SUPPORTED))})")
    return _report(request, list(read_file_bytes(data, name)))


@router.delete("/documents/{doc_id}", summary="Remove a document and what it supported (needs the API token)",
               dependencies=[Depends(require_token)])
def delete_document(request: Request, doc_id: str) -> dict:
    sw = _state(request)
    with sw.write_lock:
        before = intake.snapshot(sw.registry.get())
        if not sw.store.delete_document(doc_id[:100]):
            raise HTTPException(404, f"no document {doc_id[:100]}")
        sw.registry.changed()
        after = intake.snapshot(sw.registry.get())
    return {"deleted": doc_id, "changes": intake.changes(before, after)}


docs_router = APIRouter(include_in_schema=False)


@docs_router.get("/api/docs")
def api_docs() -> HTMLResponse:
    """The OpenAPI page, with Swagger UI from the installed npm package (no CDN)."""
    return get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title="stationwatch API",
                               swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                               swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


@docs_router.get("/robots.txt")
def robots() -> PlainTextResponse:
    return PlainTextResponse("User-agent: *\nDisallow: /api/\n")
