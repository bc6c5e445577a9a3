"""One settings source: package defaults, overridden by environment, overridden by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
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
    # the web app: the token write endpoints ask for (none: writes are off), the largest upload, the
    # networks URL ingest may reach despite its guard (none by default: only public addresses)
    api_token: str | None = field(default=None, repr=False)  # (never in a log or a traceback)
    max_upload_bytes: int = 5 * 1024 * 1024
    url_allow: str = ""

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


def _bytes(env: dict[str, str], key: str) -> int:
    try:
        return int(env[key])
    except ValueError as exc:
        raise ConfigError(f"{key} must be a whole number of bytes") from exc


def from_env(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if env.get("STATIONWATCH_DB"):
        values["db"] = env["STATIONWATCH_DB"]
    if env.get("STATIONWATCH_MAX_BYTES"):
        values["max_bytes"] = _bytes(env, "STATIONWATCH_MAX_BYTES")
    if env.get("STATIONWATCH_API_TOKEN"):
        values["api_token"] = env["STATIONWATCH_API_TOKEN"]
    if env.get("STATIONWATCH_MAX_UPLOAD_BYTES"):
        values["max_upload_bytes"] = _bytes(env, "STATIONWATCH_MAX_UPLOAD_BYTES")
    if env.get("STATIONWATCH_URL_ALLOW"):
        from .ingest.url import networks

        try:
            networks(env["STATIONWATCH_URL_ALLOW"])
        except ValueError as exc:
            raise ConfigError(f"STATIONWATCH_URL_ALLOW: {exc}") from exc
        values["url_allow"] = env["STATIONWATCH_URL_ALLOW"]
    return Settings().override(**values)
