"""One settings source: package defaults, overridden by environment, overridden by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError

DEFAULT_DB = "stationwatch.db"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    max_bytes: int = DEFAULT_MAX_BYTES
    # word 3-shingle Jaccard: re-posted, lightly edited copies measure 0.4-1.0; different stories
    # on the same subject stay under 0.15 (benchmarks/corpus, heldout, seeds and samples, 1,081 pairs)
    near_duplicate_threshold: float = 0.3

    @property
    def db_url(self) -> str:
        return database_url(self.db)

    def override(self, **values) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def database_url(value: str) -> str:
    """A file path or a SQLAlchemy URL -> a SQLAlchemy URL."""
    if "://" in value:
        if value.startswith("postgres://"):
            return "postgresql+psycopg://" + value[len("postgres://"):]
        if value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def from_env(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if env.get("STATIONWATCH_DB"):
        values["db"] = env["STATIONWATCH_DB"]
    if env.get("STATIONWATCH_MAX_BYTES"):
        try:
            values["max_bytes"] = int(env["STATIONWATCH_MAX_BYTES"])
        except ValueError as exc:
            raise ConfigError("STATIONWATCH_MAX_BYTES must be a whole number of bytes") from exc
    return Settings().override(**values)
