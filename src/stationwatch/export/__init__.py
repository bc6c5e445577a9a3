"""Registry exports, one module per format."""

from .csv import to_csv
from .geojson import to_geojson
from .json import to_json

EXPORTERS = {"json": to_json, "csv": to_csv, "geojson": to_geojson}  # (ftm needs the evidence: query.export)

__all__ = ["EXPORTERS", "to_csv", "to_geojson", "to_json"]
