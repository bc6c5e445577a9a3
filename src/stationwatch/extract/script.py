"""Stages: read Chinese in traditional script through a simplified copy, then give the text back.

The Chinese pattern pack and gazetteer names are written in simplified script. A text in traditional
script (Hong Kong, Taiwan) is converted with OpenCC for the stages that follow; the copy has the same
length, character for character, so every offset the stages record points into the original text,
which :func:`restore_text` puts back before the document leaves the pipeline.
"""

from __future__ import annotations

from dataclasses import replace

from .._chinese import simplified
from ..document import Document


def simplified_view(doc: Document) -> Document:
    if doc.language != "zh" or not doc.text:
        return doc
    view = simplified(doc.text)
    if view == doc.text:
        return doc
    return replace(doc, text=view, notes={**doc.notes, "original_text": doc.text})


def restore_text(doc: Document) -> Document:
    original = doc.notes.get("original_text")
    if original is None:
        return doc
    notes = {k: v for k, v in doc.notes.items() if k != "original_text"}
    return replace(doc, text=original, notes=notes)
