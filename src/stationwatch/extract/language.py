"""Stage: the document's language (ISO 639-1).

A record's own ``language`` wins; otherwise :func:`stationwatch._langid.language_of` reads the start of
the clean text.
"""

from __future__ import annotations

from dataclasses import replace

from .._langid import language_of
from ..document import Document

__all__ = ["detect_language", "language_of"]


def detect_language(doc: Document) -> Document:
    if doc.language or not doc.text:
        return doc
    code = language_of(doc.text)
    return replace(doc, language=code) if code else doc
