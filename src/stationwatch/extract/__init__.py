"""Extraction: a list of small stages, each ``Document -> Document``.

The stage list lives here and nowhere else; :func:`pipe` is the one loop over documents,
used by the CLI, the store and (later) Dask partitions alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ..document import Document, Fact
from .figures import extract_figures
from .language import detect_language
from .mentions import find_mentions
from .responses import extract_responses
from .script import restore_text, simplified_view
from .statements import extract_statements
from .stations import extract_stations
from .tallies import extract_tallies
from .text import split_sentences

Stage = Callable[[Document], Document]


def sentences(doc: Document) -> Document:
    return replace(doc, sentences=split_sentences(doc.text))


def one_fact_per_key(doc: Document) -> Document:
    """Facts that say the same thing (same type and fields) become one, with all their evidence."""
    merged: dict[tuple, Fact] = {}
    for f in doc.facts:
        key = (f.type, f.key())
        old = merged.get(key)
        if old is None:
            merged[key] = f
        else:
            old.evidence.extend(e for e in f.evidence if e not in old.evidence)
            old.confidence = max(old.confidence, f.confidence)
    return replace(doc, facts=list(merged.values()))


STAGES: tuple[tuple[str, Stage], ...] = (
    ("language", detect_language),
    ("script", simplified_view),
    ("sentences", sentences),
    ("mentions", find_mentions),
    ("stations", extract_stations),
    ("responses", extract_responses),
    ("tallies", extract_tallies),
    ("figures", extract_figures),
    ("statements", extract_statements),
    ("merge", one_fact_per_key),
    ("restore", restore_text),
)


def build_pipeline(stages: Iterable[str] | None = None) -> list[Stage]:
    wanted = set(stages) if stages is not None else None
    return [fn for name, fn in STAGES if wanted is None or name in wanted]


def run(doc: Document, pipeline: list[Stage] | None = None) -> Document:
    for stage in pipeline or build_pipeline():
        doc = stage(doc)
    return doc


def pipe(docs: Iterable[Document], batch_size: int = 64, pipeline: list[Stage] | None = None) -> Iterator[Document]:
    """Run every stage over every document, lazily, in input order."""
    stages = pipeline or build_pipeline()
    for doc in docs:
        yield run(doc, stages)


__all__ = ["STAGES", "Stage", "build_pipeline", "pipe", "run"]
