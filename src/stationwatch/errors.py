"""One family of exceptions. Messages say what went wrong and what to do."""

from __future__ import annotations


class StationwatchError(Exception):
    """Root of every error stationwatch raises on purpose."""


class BadInput(StationwatchError):
    """An input file or record cannot be used. The run skips it and goes on."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class StoreError(StationwatchError):
    """The database cannot be opened or written."""


class ConfigError(StationwatchError):
    """A setting has a value stationwatch cannot use; the message names the key."""
