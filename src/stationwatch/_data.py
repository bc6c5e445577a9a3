"""Read the package's data files (pattern packs, gazetteers). Read-only, cached."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def load_yaml(name: str) -> dict:
    """Load ``data/<name>``; ``name`` may include a language folder (``en/triggers.yaml``)."""
    path = resources.files("stationwatch").joinpath("data", *name.split("/"))
    with path.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def languages() -> tuple[str, ...]:
    """Languages that have a pattern pack (a ``data/<lang>/triggers.yaml``)."""
    root = resources.files("stationwatch").joinpath("data")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("triggers.yaml").is_file()))
