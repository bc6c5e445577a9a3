"""What a running app holds: the store, the settings and the registry built from the store."""

from __future__ import annotations

import threading

from .. import intake
from ..ingest.url import networks
from ..query import Registry
from ..settings import Settings


class AppState:
    def __init__(self, store, settings: Settings, tiles_url: str | None = None):
        self.store = store
        self.settings = settings
        self.tiles_url = tiles_url
        self.registry = Registry(store)
        self.url_allow = networks(settings.url_allow)
        # one writer at a time in this process (SQLite serialises writers anyway; PostgreSQL takes a lock)
        self.write_lock = threading.Lock()

    def add(self, items) -> dict:
        """Store documents (and report bad inputs): each one's outcome, and what changed in the registry."""
        with self.write_lock:
            before = intake.snapshot(self.registry.get())
            outcomes = intake.add_items(self.store, items)
            self.registry.changed()
            after = intake.snapshot(self.registry.get())
        return {"outcomes": outcomes, "changes": intake.changes(before, after)}
