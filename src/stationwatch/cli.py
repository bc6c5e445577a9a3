"""The command line: a thin shell over ingest, extract, store and registry."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import BadInput, StationwatchError
from .settings import Settings, from_env

app = typer.Typer(help="stationwatch: an evidence-backed registry of China's overseas police 'service stations'.",
                  no_args_is_help=True, add_completion=False)
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file path or database URL "
                                              "(sqlite:///…, postgresql://…). Default: $STATIONWATCH_DB or ./stationwatch.db")]


def _settings(db: str | None = None, max_bytes: int | None = None) -> Settings:
    try:
        return from_env().override(db=db, max_bytes=max_bytes)
    except StationwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _progress(disable: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=disable)


def _bad(item: BadInput) -> None:
    err.print(f"[red]skipped[/red] {item}", highlight=False, soft_wrap=True)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .htm, .jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one FACTS.md JSON line per document.")] = False,
    max_bytes: Annotated[int | None, typer.Option(help="Skip files larger than this many bytes.")] = None,
) -> None:
    """Extract facts from documents without a database (the FACTS.md contract with --json)."""
    from .extract import build_pipeline, run
    from .ingest import read

    settings = _settings(max_bytes=max_bytes)
    pipeline = build_pipeline()
    failed = 0
    for item in read(files, settings.max_bytes):
        if isinstance(item, BadInput):
            failed += 1
            _bad(item)
            continue
        try:
            doc = run(item, pipeline)
        except Exception as exc:  # a bug must not end the run: report the document and go on
            failed += 1
            err.print(f"[red]failed[/red] {item.source}: extraction error ({type(exc).__name__}: {exc})",
                      highlight=False)
            continue
        if as_json:
            sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        else:
            _print_doc(doc)
    if failed:
        err.print(f"{failed} input(s) could not be used")
        raise typer.Exit(1)


def _print_doc(doc) -> None:
    out.rule(f"{doc.title or doc.source}")
    table = Table("type", "fact", "evidence", show_lines=False)
    for f in doc.facts:
        fields = ", ".join(f"{k}={v}" for k, v in f.data.items() if v is not None and not k.startswith("_"))
        s, e = f.evidence[0]
        table.add_row(f.type, fields, doc.text[s:e][:90])
    out.print(table)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .htm, .jsonl).")],
    db: DbOption = None,
    max_bytes: Annotated[int | None, typer.Option(help="Skip files larger than this many bytes (default 20 MB).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read documents, extract facts and store both; updates the registry incrementally."""
    from .extract import build_pipeline
    from .ingest import expand, read
    from .intake import add_items
    from .store import open_store

    settings = _settings(db, max_bytes)
    store = _open(open_store, settings)
    pipeline = build_pipeline()
    files = list(expand(paths))
    counts = {"added": 0, "unchanged": 0, "failed": 0}  # (the outcomes of intake.add_items)
    with _progress(quiet or not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for item in files:
            if isinstance(item, BadInput):
                counts["failed"] += 1
                _bad(item)
                progress.advance(task)
                continue
            docs = []
            for doc in read([item], settings.max_bytes):
                if isinstance(doc, BadInput):
                    counts["failed"] += 1
                    _bad(doc)
                else:
                    docs.append(doc)
            for outcome in add_items(store, docs, pipeline):
                counts[outcome.status] += 1
                if outcome.status == "unchanged":
                    err.print(f"[dim]already stored[/dim] {outcome.source}", highlight=False)
                elif outcome.status == "failed":
                    err.print(f"[red]failed[/red] {outcome.message}", highlight=False)
            progress.advance(task)
    err.print(f"{counts['added']} added, {counts['unchanged']} already stored, {counts['failed']} failed "
              f"({store.count_documents()} documents in {store.describe()})")
    if counts["failed"]:
        raise typer.Exit(1)


def _open(opener, settings: Settings):
    try:
        return opener(settings)
    except StationwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _registry(db: str | None):
    from .registry import build_registry
    from .store import open_store

    settings = _settings(db)
    store = _open(lambda s: open_store(s, must_exist=True), settings)
    return build_registry(store)


@app.command()
def stations(db: DbOption = None) -> None:
    """Show the station registry: one row per place, with parts, operator, status and sources."""
    reg = _registry(db)
    table = Table("country", "city", "count", "parts", "operator", "address", "status", "first reported",
                  "sources", "indep.", title=f"Stations ({len(reg['stations'])} places, {reg['documents']} documents)")
    for s in reg["stations"]:
        parts = ", ".join(f"{p['city']} {p['count'] if p['count'] is not None else '?'}" for p in s["parts"])
        op = s["operator"] if not isinstance(s["operator"], list) else ", ".join(s["operator"])
        table.add_row(s["country"] or "?", s["city"] or "(unplaced)", str(s["count"] or "?"), parts, op or "",
                      s["address"] or "", s["status"], s["first_reported"] or "", str(len(s["sources"])),
                      str(s["independent_sources"]))
    out.print(table)


@app.command()
def responses(db: DbOption = None) -> None:
    """Show host-government responses by country and action."""
    reg = _registry(db)
    table = Table("country", "action", "actors", "first reported", "sources", "indep.",
                  title=f"Responses ({len({r['country'] for r in reg['responses']})} countries)")
    for r in reg["responses"]:
        table.add_row(r["country"], r["action"], ", ".join(r["actors"]), r["first_reported"] or "",
                      str(len(r["sources"])), str(r["independent_sources"]))
    out.print(table)


@app.command()
def tallies(db: DbOption = None) -> None:
    """Show headline counts as a timeline, with conflicting figures flagged."""
    reg = _registry(db)
    table = Table("#", "when", "stations", "countries", "cities", "qualifier", "attributed to", "sources",
                  "conflicts with", title="Tallies over time")
    for i, t in enumerate(reg["tallies"]):
        when = t.get("as_of") or (f"after {t['after']}" if t.get("after") else None) or t.get("first_reported") or "?"
        conflict = ", ".join(f"#{j}" for j in t["conflicts_with"])
        table.add_row(str(i), when, _n(t["stations"]) + ("+" if t["additional"] else ""), _n(t["countries"]),
                      _n(t["cities"]), t["qualifier"], t["attributed_to"] or "", str(t["independent_sources"]),
                      f"[red]{conflict}[/red]" if conflict else "")
    out.print(table)


def _n(v) -> str:
    return "" if v is None else str(v)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, csv or geojson")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Write the registry as JSON (REGISTRY.md contract), CSV or GeoJSON."""
    from .export import EXPORTERS

    if fmt not in EXPORTERS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}; use one of: {', '.join(EXPORTERS)}")
        raise typer.Exit(2)
    reg = _registry(db)
    text = EXPORTERS[fmt](reg)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write {output}: {exc.strerror or exc}")
            raise typer.Exit(2) from exc
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command()
def demo(
    db: DbOption = None,
) -> None:
    """Ingest the bundled sample reports and print the registry (the README's first command)."""
    from importlib import resources

    samples = resources.files("stationwatch").joinpath("samples")
    with resources.as_file(samples) as folder:
        try:
            ingest([folder], db=db, max_bytes=None, quiet=True)
        except typer.Exit as exc:
            if exc.exit_code:
                raise
    stations(db)
    responses(db)
    tallies(db)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    tiles: Annotated[str | None, typer.Option(help="Online map tiles URL template ({z}/{x}/{y}); none by default.",
                                              envvar="STATIONWATCH_TILES_URL")] = None,
) -> None:
    """Serve the web app and the HTTP API (/api/v1, docs at /api/docs) on the same database."""
    import uvicorn

    from .store import open_store
    from .web import create_app, vendor_missing

    settings = _settings(db)
    _open(open_store, settings)  # (a clear one-line error before the server starts)
    for name in vendor_missing():
        err.print(f"[yellow]warning:[/yellow] front-end file missing: {name} (run: npm ci --prefix src/stationwatch/web)")
    if not settings.api_token:
        err.print("[dim]writes are off: set STATIONWATCH_API_TOKEN to enable ingest and delete[/dim]")
    err.print(f"serving {settings.db} on http://{host}:{port}/ (API docs at /api/docs)")
    uvicorn.run(create_app(settings, tiles_url=tiles), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover
    app()
