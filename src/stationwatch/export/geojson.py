"""GeoJSON export: placed stations as points (unplaced ones are listed with null geometry)."""

from __future__ import annotations

import json


def to_geojson(registry: dict) -> str:
    features = []
    for s in registry["stations"]:
        geom = {"type": "Point", "coordinates": [s["lon"], s["lat"]]} if s.get("lat") is not None else None
        props = {k: v for k, v in s.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "geometry": geom, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"
