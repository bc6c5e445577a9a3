"""What the command line and the web app ask of the registry: filtered rows, one station with its
evidence, the map's data as of a date, the tally timeline, a document with its facts marked.

Pure functions of a :class:`~stationwatch.store.Store`; the web app and the CLI only present them.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict

from .registry import build_registry

# a country's strongest response, for shading the map
RESPONSE_RANK = {"closure": 4, "arrest": 3, "investigation": 2, "concern": 1, "other": 0}
STATION_SORTS = ("country", "city", "count", "operator", "status", "independent_sources", "first_reported")


class Registry:
    """The registry built once per stored state (rebuilt when documents are added or removed).

    The stored state is looked at no more than once every ``recheck`` seconds (writes by another process
    show within that time); :meth:`changed` marks this process's own writes at once."""

    def __init__(self, store, recheck: float = 1.0):
        self.store = store
        self.recheck = recheck
        self._state = None
        self._seen = 0.0
        self._reg: dict | None = None
        self._docs: dict[str, dict] = {}
        self._lock = threading.Lock()

    def changed(self) -> None:
        self._seen = 0.0

    def version(self) -> tuple:
        now = time.monotonic()
        if now - self._seen > self.recheck or self._state is None:
            self._current = self.store.state()
            self._seen = now
        return self._current

    def get(self) -> dict:
        state = self.version()
        with self._lock:
            if state != self._state or self._reg is None:
                self._reg = build_registry(self.store, keys=True)
                self._docs = {d["id"]: d for d in self.store.documents()}
                self._state = state
            return self._reg

    def docs(self) -> dict[str, dict]:
        self.get()
        return self._docs


def languages_of(row: dict, docs: dict[str, dict]) -> list[str]:
    return sorted({docs[d]["language"] for d in row.get("sources", []) if d in docs and docs[d]["language"]})


def station_rows(reg: Registry, country: str | None = None, operator: str | None = None, status: str | None = None,
                 language: str | None = None, min_sources: int = 0, sort: str = "country",
                 descending: bool = False) -> list[dict]:
    docs = reg.docs()
    out = []
    for row in reg.get()["stations"]:
        ops = row["operator"] if isinstance(row["operator"], list) else [row["operator"]] if row["operator"] else []
        langs = languages_of(row, docs)
        if country and (row["country"] or "").upper() != country.upper():
            continue
        if operator and operator.lower() not in {o.lower() for o in ops}:
            continue
        if status and row["status"] != status:
            continue
        if language and language not in langs:
            continue
        if row["independent_sources"] < min_sources:
            continue
        out.append({**{k: v for k, v in row.items() if k not in ("keys", "sources")}, "languages": langs,
                    "n_sources": len(row.get("sources", []))})
    key = sort if sort in STATION_SORTS else "country"
    present = [r for r in out if r.get(key) is not None]
    missing = [r for r in out if r.get(key) is None]
    present.sort(key=lambda r: (str(r[key]) if key == "operator" else r[key], r["country"] or "", r["city"] or ""),
                 reverse=descending)
    return present + missing


def _paragraph(text: str, start: int, end: int) -> dict:
    """The paragraph around an evidence span, cut into the text before, the span and after."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    return {"before": text[p_start:start], "match": text[start:end], "after": text[end:p_end]}


def _sources(ids: list[str], docs: dict[str, dict]) -> list[dict]:
    """Sources of a row, each near-duplicate group under its earliest copy ("copies")."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for d in ids:
        if d in docs:
            groups[docs[d]["cluster"]].append(docs[d])
    out = []
    for members in groups.values():
        members.sort(key=lambda d: (d["published"] or "9999", d["id"]))
        first, *copies = members
        out.append({**_doc_card(first), "copies": [_doc_card(c) for c in copies]})
    out.sort(key=lambda d: (d["published"] or "9999", d["id"]))
    return out


def _doc_card(d: dict) -> dict:
    return {"id": d["id"], "source": d["source"], "title": d.get("title"), "published": d.get("published"),
            "language": d.get("language"), "outlet": d.get("outlet"), "url": d.get("url")}


def find_row(reg: Registry, row_id: str) -> tuple[str, dict] | None:
    reg_ = reg.get()
    for kind in ("stations", "suspected_stations", "responses", "tallies"):
        for row in reg_[kind]:
            if row.get("id") == row_id:
                return kind, row
    return None


def row_detail(reg: Registry, row_id: str) -> dict | None:
    """A registry row with every supporting fact: its evidence quoted in its paragraph, and its sources."""
    found = find_row(reg, row_id)
    if found is None:
        return None
    kind, row = found
    docs = reg.docs()
    support = reg.store.support_of(row.get("keys", []))
    evidence, seen = [], set()
    for f in support:
        for start, end in f["evidence"]:
            if (f["doc_id"], start, end) in seen:
                continue  # (one sentence may support two facts of the row: "two in Markham and one in Scarborough")
            seen.add((f["doc_id"], start, end))
            evidence.append({"doc_id": f["doc_id"], "source": f["source"], "title": f["title"],
                             "published": f["published"], "language": f["language"], "url": f["url"],
                             "fact": {k: v for k, v in f["data"].items() if not k.startswith("_")},
                             **_paragraph(f["text"], start, end)})
    public = {k: v for k, v in row.items() if k != "keys"}
    return {"kind": kind, "row": {**public, "languages": languages_of(row, docs)}, "evidence": evidence,
            "sources": _sources(row.get("sources", []), docs)}


def _as_of(row: dict, until: str | None) -> bool:
    return until is None or (row.get("first_reported") is not None and row["first_reported"][:len(until)] <= until)


def map_data(reg: Registry, until: str | None = None) -> dict:
    """Placed stations as GeoJSON points (count, status), unplaced ones listed, and each host country's
    strongest response — all as known from sources published up to ``until`` (YYYY, YYYY-MM or a date)."""
    r = reg.get()
    features, unplaced = [], []
    for s in r["stations"]:
        if not _as_of(s, until):
            continue
        props = {k: s[k] for k in ("id", "country", "city", "count", "operator", "status", "first_reported",
                                   "independent_sources")}
        if s.get("lat") is None:
            unplaced.append(props)
        else:
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [s["lon"], s["lat"]]},
                             "properties": props})
    strongest: dict[str, str] = {}
    for resp in r["responses"]:
        if not _as_of(resp, until):
            continue
        old = strongest.get(resp["country"])
        if old is None or RESPONSE_RANK.get(resp["action"], 0) > RESPONSE_RANK.get(old, 0):
            strongest[resp["country"]] = resp["action"]
    dates = sorted({x["first_reported"] for x in [*r["stations"], *r["responses"]] if x.get("first_reported")})
    return {"stations": {"type": "FeatureCollection", "features": features}, "unplaced": unplaced,
            "responses": strongest, "dates": dates, "until": until}


def responses_by_country(reg: Registry) -> list[dict]:
    by: dict[str, list[dict]] = defaultdict(list)
    for resp in reg.get()["responses"]:
        by[resp["country"]].append({k: v for k, v in resp.items() if k != "keys"})
    out = []
    for country, rows in sorted(by.items()):
        rows.sort(key=lambda x: -RESPONSE_RANK.get(x["action"], 0))
        out.append({"country": country, "strongest": rows[0]["action"], "responses": rows})
    return out


def tally_timeline(reg: Registry) -> list[dict]:
    docs = reg.docs()
    out = []
    for i, t in enumerate(reg.get()["tallies"]):
        out.append({**{k: v for k, v in t.items() if k != "keys"}, "index": i,
                    "source_cards": [_doc_card(docs[d]) for d in t.get("sources", []) if d in docs]})
    return out


def document_detail(store, doc_id: str) -> dict | None:
    """A stored document with its facts, and its text cut into pieces where facts' evidence starts and ends
    (so a page can mark them inline without ever treating the text as markup)."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    facts = store.facts_of(doc_id)
    text = doc["text"]
    bounds = {0, len(text)}
    for f in facts:
        for start, end in f["evidence"]:
            start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
            bounds |= {start, end}
    cuts = sorted(bounds)
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        inside = sorted(i for i, f in enumerate(facts) if any(s <= a and b <= e for s, e in f["evidence"]))
        pieces.append({"text": text[a:b], "facts": inside})
    public = {k: v for k, v in doc.items() if k not in ("minhash", "text", "dropped")}
    return {"document": public, "text": text, "pieces": pieces,
            "facts": [{"index": i, "type": f["type"], "data": {k: v for k, v in f["data"].items() if not k.startswith("_")},
                       "evidence": f["evidence"], "confidence": f["confidence"]} for i, f in enumerate(facts)]}


def export(reg: Registry, fmt: str) -> str:
    """The registry in one of the export formats (json, csv, geojson: the contract's rows; ftm:
    FollowTheMoney entities with the evidence sentences)."""
    from .export import EXPORTERS
    from .export.ftm import to_ftm

    full = reg.get()
    public = {k: ([{kk: vv for kk, vv in row.items() if kk != "keys"} for row in v] if isinstance(v, list) else v)
              for k, v in full.items()}
    if fmt != "ftm":
        return EXPORTERS[fmt](public)
    row_of = {k: r["id"] for r in full["stations"] for k in r.get("keys", [])}
    evidence: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in reg.store.support_of(list(row_of)):
        for start, end in f["evidence"]:
            evidence[row_of[f["key"]]].append((f["doc_id"], f["text"][start:end]))
    return to_ftm(public, reg.docs(), evidence)
