"""CSV export: one row per registry entry, with a `kind` column."""

from __future__ import annotations

import csv
import io

COLUMNS = ["kind", "country", "city", "count", "parts", "operator", "address", "status", "action", "actors",
           "stations", "countries", "cities", "qualifier", "additional", "as_of", "attributed_to",
           "conflicts_with", "lat", "lon", "first_reported", "independent_sources", "sources"]


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(f"{p['city']}:{p['count']}" if isinstance(p, dict) else str(p) for p in v)
    return str(v)


def to_csv(registry: dict) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for kind in ("stations", "responses", "tallies"):
        for row in registry[kind]:
            w.writerow({k: _cell(v) for k, v in {"kind": kind[:-1] if kind != "tallies" else "tally", **row}.items()})
    return buf.getvalue()
