"""The registry: facts from every stored document merged into stations, responses and tallies."""

from __future__ import annotations

from datetime import UTC, datetime

from ..resolve import gazetteer
from .merge import Support, fact_key, merge_row
from .timeline import order_tallies

__all__ = ["Support", "build_registry", "fact_key", "merge_row", "order_tallies"]


def _place_point(country: str | None, city: str | None) -> tuple[float | None, float | None, int | None]:
    """Coordinates and GeoNames id of a row's city (None for unplaced rows)."""
    g = gazetteer()
    if city:
        p = g.city(country, city)
        if p is None:
            for cand in g.candidates(city):
                if cand.country == country and cand.lat is not None:
                    p = cand
                    break
        if p is not None:
            return p.lat, p.lon, p.geonameid
    return None, None, None


def _operators(row: dict) -> set[str]:
    op = row.get("operator")
    return set(op) if isinstance(op, list) else ({op} if op else set())


def _place_unplaced(stations: list[dict]) -> list[dict]:
    """An unplaced row ("one in Canada, run from Nantong") joins the placed row of the same country
    and operator once a source names the place — if exactly one such row exists."""
    out = []
    for row in stations:
        if row["city"] is None and _operators(row):
            same = [s for s in stations if s["city"] and s["country"] == row["country"]
                    and _operators(row) <= _operators(s)]
            if len(same) == 1:
                target = same[0]
                target["sources"] = sorted(set(target["sources"]) | set(row["sources"]))
                # clusters are not visible here: the larger count is a safe lower bound
                target["independent_sources"] = max(target["independent_sources"], row["independent_sources"])
                target["placed_later"] = True
                target["keys"] = target.get("keys", []) + row.get("keys", [])
                continue
        out.append(row)
    return out


def build_registry(store, keys: bool = False) -> dict:
    """Assemble the REGISTRY.md structure from the stored registry rows. Each row has an ``id`` (for the
    web app's links; an extra field of the contract); ``keys``: also the registry keys it merges."""
    rows = store.registry_rows()
    stations, suspected = [], []
    for r in rows.get("station", []):
        lat, lon, geonameid = _place_point(r["country"], r["city"])
        row = {**r, "lat": lat, "lon": lon, "geonameid": geonameid}
        (suspected if r["status"] == "suspected" else stations).append(row)
    stations = _place_unplaced(stations)
    order = lambda s: (s["country"] or "~", s["city"] or "~", str(s["operator"]))  # noqa: E731
    stations.sort(key=order)
    suspected.sort(key=order)
    responses = sorted(rows.get("response", []), key=lambda r: (r["country"], r["action"]))
    tallies = order_tallies(rows.get("tally", []))
    if not keys:
        for row in [*stations, *suspected, *responses, *tallies]:
            row.pop("keys", None)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "documents": store.count_documents(),
        "stations": stations,
        "responses": responses,
        "tallies": tallies,
        # not part of the contract's rows: places only speculated about, kept apart
        "suspected_stations": suspected,
    }
