"""Server-rendered pages. Every value reaches the page through an autoescaping Jinja2 template; the
pages' scripts (static files, never inline) build what they show with DOM text nodes."""

from __future__ import annotations

from typing import Annotated, Literal

import jinja2
from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import query
from ..errors import BadInput
from ..ingest import from_text, read_url
from ..ingest.readers import SUPPORTED, read_file_bytes
from . import WEB, vendor_missing
from .api import snippet_pieces
from .security import check_token

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(WEB / "templates")), autoescape=True))
ACTIONS = ("closure", "arrest", "investigation", "concern", "other")


def _page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    sw = request.app.state.sw
    return templates.TemplateResponse(request, name, {"nav": name.split(".")[0], "missing": vendor_missing(),
                                                      "writes_on": bool(sw.settings.api_token), **context},
                                      status_code=status)


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    return _page(request, "map.html", actions=ACTIONS)


@router.get("/stations", response_class=HTMLResponse)
def stations_page(request: Request, country: Annotated[str, Query(max_length=2)] = "",
                  operator: Annotated[str, Query(max_length=60)] = "",
                  status: Literal["", "reported", "closed"] = "",
                  language: Annotated[str, Query(max_length=2)] = "",
                  min_sources: Annotated[int, Query(ge=0, le=1000)] = 0,
                  sort: Literal[query.STATION_SORTS] = "country",  # type: ignore[valid-type]
                  order: Literal["asc", "desc"] = "asc") -> HTMLResponse:
    reg = request.app.state.sw.registry
    rows = query.station_rows(reg, country or None, operator or None, status or None, language or None, min_sources,
                              sort, order == "desc")
    every = query.station_rows(reg)
    choices = {"countries": sorted({r["country"] for r in every if r["country"]}),
               "operators": sorted({o for r in every for o in (r["operator"] if isinstance(r["operator"], list)
                                                                else [r["operator"]]) if o}),
               "languages": sorted({lang for r in every for lang in r["languages"]})}
    filters = {"country": country, "operator": operator, "status": status, "language": language,
               "min_sources": min_sources, "sort": sort, "order": order}
    return _page(request, "stations.html", rows=rows, filters=filters, choices=choices, sorts=query.STATION_SORTS)


@router.get("/stations/{row_id}", response_class=HTMLResponse)
@router.get("/rows/{row_id}", response_class=HTMLResponse)
def station_page(request: Request, row_id: str) -> HTMLResponse:
    detail = query.row_detail(request.app.state.sw.registry, row_id[:20])
    if detail is None:
        return _page(request, "error.html", 404, message=f"No registry row {row_id[:20]}.")
    return _page(request, "station.html", d=detail)


@router.get("/responses", response_class=HTMLResponse)
def responses_page(request: Request) -> HTMLResponse:
    return _page(request, "responses.html", countries=query.responses_by_country(request.app.state.sw.registry))


@router.get("/tallies", response_class=HTMLResponse)
def tallies_page(request: Request) -> HTMLResponse:
    return _page(request, "tallies.html", tallies=query.tally_timeline(request.app.state.sw.registry))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                   page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    store = request.app.state.sw.store
    if q.strip():
        hits = [{**h, "pieces": snippet_pieces(h["snippet"])} for h in store.search(q, 100)]
        return _page(request, "documents.html", q=q, hits=hits, docs=[], total=len(hits), page=1, pages=1)
    per = 50
    total, docs = store.list_documents(per, (page - 1) * per)
    return _page(request, "documents.html", q="", hits=None, docs=docs, total=total, page=page,
                 pages=max(1, -(-total // per)))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    detail = query.document_detail(request.app.state.sw.store, doc_id[:100])
    if detail is None:
        return _page(request, "error.html", 404, message="No such document.")
    return _page(request, "document.html", d=detail)


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> HTMLResponse:
    return _page(request, "add.html", supported=sorted(SUPPORTED), result=None)


@router.post("/add", response_class=HTMLResponse)
async def add_submit(request: Request, token: Annotated[str, Form(max_length=200)] = "",
                     text: Annotated[str, Form(max_length=2_000_000)] = "",
                     title: Annotated[str, Form(max_length=500)] = "",
                     url: Annotated[str, Form(max_length=2000)] = "",
                     file: UploadFile | None = None) -> HTMLResponse:
    sw = request.app.state.sw
    try:
        check_token(request, token or None)
    except HTTPException as exc:
        return _page(request, "add.html", exc.status_code, supported=sorted(SUPPORTED), result=None, error=exc.detail)
    items = []
    if file is not None and file.filename:
        data = await file.read(sw.settings.max_upload_bytes + 1)
        name = file.filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
        if len(data) > sw.settings.max_upload_bytes:
            items.append(BadInput(name, f"over the {sw.settings.max_upload_bytes / 1e6:.1f} MB upload limit"))
        else:
            items.extend(read_file_bytes(data, name))
    if text.strip():
        try:
            items.append(from_text(text, title.strip() or "pasted text", **({"title": title.strip()} if title.strip() else {})))
        except BadInput as bad:
            items.append(bad)
    if url.strip():
        try:
            items.append(read_url(url.strip(), max_bytes=sw.settings.max_upload_bytes, allow=sw.url_allow))
        except BadInput as bad:
            items.append(bad)
    if not items:
        return _page(request, "add.html", 422, supported=sorted(SUPPORTED), result=None,
                     error="Give a file, some text or a URL.")
    return _page(request, "add.html", supported=sorted(SUPPORTED), result=sw.add(items))
