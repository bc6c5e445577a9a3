"""Merging facts across documents into registry rows.

Every function here is pure: a row is a function of the *set* of facts that support it and of
the near-duplicate group of each supporting document. Adding a document only recomputes the
rows its facts touch, and the result is the same in any order — on one machine or on Dask.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Support:
    """One fact as the registry sees it."""

    doc_id: str
    cluster: str
    published: str | None
    data: dict


def fact_key(ftype: str, data: dict) -> str:
    """The registry row a fact supports."""
    if ftype == "station":
        metro = data.get("_metro") or data.get("city") or ""
        op = "" if data.get("city") else (data.get("operator") or "")
        return f"station|{data.get('country') or ''}|{metro}|{op}"
    if ftype == "response":
        return f"response|{data['country']}|{data['action']}"
    if ftype == "tally":
        return (f"tally|{_s(data.get('stations'))}|{_s(data.get('countries'))}|{_s(data.get('cities'))}|"
                f"{int(bool(data.get('additional')))}")
    if ftype == "figure":
        return f"figure|{data['quantity']}|{data['value']}"
    return f"statement|{(data.get('speaker') or '').lower()}|{data.get('stance')}"


def _s(v) -> str:
    return "" if v is None else str(v)


def _first(support: list[Support]) -> str | None:
    dates = [s.published for s in support if s.published]
    return min(dates) if dates else None


def _sources(support: list[Support]) -> list[str]:
    """Supporting document ids, earliest published first (undated ones last; ties by id): the first is
    where the fact was first reported, e.g. a police bureau's own announcement years before the news."""
    dated: dict[str, str] = {}
    for s in support:
        key = s.published or "9999"
        dated[s.doc_id] = min(dated.get(s.doc_id, key), key)
    return sorted(dated, key=lambda d: (dated[d], d))


def _independent(support: list[Support]) -> int:
    return len({s.cluster for s in support})


def _vote(values: list[tuple[str, object]]) -> object:
    """Most common value by independent source; ties go to the larger value (deterministic)."""
    by_cluster: dict[str, set] = {}
    for cluster, v in values:
        if v is not None:
            by_cluster.setdefault(cluster, set()).add(v)
    counter: Counter = Counter()
    for vals in by_cluster.values():
        for v in vals:
            counter[v] += 1
    if not counter:
        return None
    return max(counter.items(), key=lambda kv: (kv[1], str(kv[0]) if not isinstance(kv[0], int) else kv[0]))[0]


def merge_station(support: list[Support]) -> dict:
    # speculation ("it would be strange if Vancouver had none") does not add to a reported row
    asserted = [s for s in support if s.data.get("status") != "suspected"]
    suspected_only = not asserted
    support = asserted or support
    first = support[0].data
    metro = first.get("_metro") or first.get("city")
    whole = [(s.cluster, s.data.get("count")) for s in support
             if not s.data.get("district") and (s.data.get("city") or None) == metro]
    parts: dict[str, list[tuple[str, object]]] = {}
    for s in support:
        part = s.data.get("district") or (s.data.get("city") if s.data.get("city") != metro else None)
        if part:
            parts.setdefault(part, []).append((s.cluster, s.data.get("count")))
    part_rows = [{"city": c, "count": _vote(v)} for c, v in sorted(parts.items())]
    count = _vote(whole)
    part_sum = sum(p["count"] for p in part_rows if p["count"]) if part_rows else None
    if part_sum and (count is None or part_sum > count):
        count = part_sum
    status_rank = {"closed": 2, "reported": 1, "suspected": 0}
    statuses = [s.data.get("status", "reported") for s in support]
    status = "suspected" if suspected_only else max(statuses, key=lambda x: status_rank.get(x, 1))
    operators = sorted({s.data["operator"] for s in support if s.data.get("operator")})
    addresses = sorted({s.data["address"] for s in support if s.data.get("address")})
    return {
        "country": first.get("country"),
        "city": metro,
        "count": count,
        "parts": part_rows,
        "operator": operators[0] if len(operators) == 1 else (operators or None),
        "address": addresses[0] if len(addresses) == 1 else (addresses or None),
        "status": status,
        "first_reported": _first(support),
        "sources": _sources(support),
        "independent_sources": _independent(support),
    }


def merge_response(support: list[Support]) -> dict:
    first = support[0].data
    return {
        "country": first["country"],
        "action": first["action"],
        "actors": sorted({s.data["actor"] for s in support if s.data.get("actor")}),
        "first_reported": _first(support),
        "sources": _sources(support),
        "independent_sources": _independent(support),
    }


def merge_tally(support: list[Support]) -> dict:
    first = support[0].data
    quals = Counter(s.data.get("qualifier") or "exact" for s in support)
    return {
        "stations": first.get("stations"),
        "countries": first.get("countries"),
        "cities": first.get("cities"),
        "qualifier": max(quals.items(), key=lambda kv: (kv[1], kv[0]))[0],
        "additional": bool(first.get("additional")),
        "as_of": min((s.data["as_of"] for s in support if s.data.get("as_of")), default=None),
        "after": max((s.data["after"] for s in support if s.data.get("after")), default=None),
        "attributed_to": _vote([(s.cluster, s.data.get("attributed_to")) for s in support]),
        "first_reported": _first(support),
        "sources": _sources(support),
        "independent_sources": _independent(support),
    }


def merge_other(support: list[Support]) -> dict:
    first = dict(support[0].data)
    first.update({"first_reported": _first(support), "sources": _sources(support),
                  "independent_sources": _independent(support)})
    return {k: v for k, v in first.items() if not k.startswith("_")}


MERGERS = {"station": merge_station, "response": merge_response, "tally": merge_tally,
           "figure": merge_other, "statement": merge_other}


def merge_row(kind: str, support: list[Support]) -> dict:
    support = sorted(support, key=lambda s: (s.doc_id, repr(sorted(s.data.items(), key=lambda kv: kv[0]))))
    return MERGERS[kind](support)
