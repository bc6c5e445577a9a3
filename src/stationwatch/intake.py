"""Adding documents to the store: extract, store, and say what happened to each one and to the registry.

The command line's ``ingest`` and the web app's "add sources" both go through :func:`add_items`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .document import Document
from .errors import BadInput, StationwatchError


@dataclass
class Outcome:
    source: str
    status: str                     # added | unchanged | failed
    doc_id: str | None = None
    message: str | None = None
    facts: list[dict] = field(default_factory=list)


def add_items(store, items: Iterable[Document | BadInput], pipeline=None) -> list[Outcome]:
    """Every item -> its outcome; a bad or failing item is reported and the others go on."""
    from .extract import build_pipeline, run

    pipeline = pipeline or build_pipeline()
    out = []
    for item in items:
        if isinstance(item, BadInput):
            out.append(Outcome(item.source, "failed", message=str(item)))
            continue
        try:
            if store.has_document(item.id):
                out.append(Outcome(item.source, "unchanged", item.id, "already stored"))
                continue
            doc = run(item, pipeline)
            store.add(doc)
            out.append(Outcome(doc.source, "added", doc.id,
                               facts=[{"type": f.type, **{k: v for k, v in f.data.items() if not k.startswith("_")}}
                                      for f in doc.facts]))
        except StationwatchError as exc:
            out.append(Outcome(item.source, "failed", message=f"{item.source}: {exc}"))
        except Exception as exc:  # nothing was stored for it (one transaction per document)
            out.append(Outcome(item.source, "failed",
                               message=f"{item.source}: extraction error ({type(exc).__name__}: {exc})"))
    return out


def snapshot(registry: dict) -> dict[str, dict]:
    """Registry rows by id (stations, responses, tallies), for :func:`changes`."""
    rows = {}
    for kind in ("stations", "responses", "tallies"):
        for row in registry[kind]:
            rows[row["id"]] = {"kind": kind[:-1] if kind != "tallies" else "tally",
                               **{k: v for k, v in row.items() if k not in ("keys", "conflicts_with")}}
    return rows


def changes(before: dict[str, dict], after: dict[str, dict]) -> dict[str, list[dict]]:
    """What a change to the store did to the registry: rows that are new, changed or gone."""
    new = [after[i] for i in after if i not in before]
    gone = [before[i] for i in before if i not in after]
    changed = [{"before": before[i], "after": after[i]} for i in after if i in before and before[i] != after[i]]
    return {"new": new, "changed": changed, "removed": gone}
