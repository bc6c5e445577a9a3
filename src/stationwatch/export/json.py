"""JSON export: exactly the REGISTRY.md contract (plus extra fields)."""

from __future__ import annotations

import json


def to_json(registry: dict) -> str:
    return json.dumps(registry, ensure_ascii=False, indent=2) + "\n"
