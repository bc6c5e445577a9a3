"""Small helpers the fact stages share."""

from __future__ import annotations

from ..document import Document, Mention
from .lexicon import Lexicon, lexicon, pack_for
from .text import clauses


def lex(doc: Document) -> Lexicon:
    return lexicon(pack_for(doc.language))


def on_topic(doc: Document) -> bool:
    """Does the document talk about overseas police stations at all?"""
    if "on_topic" in doc.notes:
        return doc.notes["on_topic"]
    return bool(lex(doc).topic.search(doc.text))


def find(doc: Document, si: int, family: str, rx, stext: str):
    """``rx.search(stext)``, skipped (None) when the prefilter shows sentence ``si`` cannot match."""
    fams = doc.notes.get("families")
    if fams is not None and si < len(fams) and family not in fams[si] \
            and family not in lex(doc).prefilter.unfiltered:
        return None
    return rx.search(stext)


def has(doc: Document, si: int, family: str, rx, stext: str) -> bool:
    return find(doc, si, family, rx, stext) is not None


def each_sentence(doc: Document):
    """(index, sentence, its text, its mentions) for every sentence: the loop every fact stage runs."""
    index = by_sentence(doc)
    for si, sent in enumerate(doc.sentences):
        yield si, sent, doc.text[sent.start:sent.end], index.get(si, [])


def by_sentence(doc: Document) -> dict[int, list[Mention]]:
    """Mentions grouped by sentence (the mentions stage leaves this index in ``notes``)."""
    cached = doc.notes.get("by_sentence")
    if cached is not None:
        return cached
    out: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        out.setdefault(m.sentence, []).append(m)
    return out


def sentence_clauses(doc: Document, si: int) -> list[tuple[int, int]]:
    """Clauses of sentence ``si``, computed once per document (a memo of a pure function)."""
    memo = doc.notes.setdefault("_clauses", {})
    got = memo.get(si)
    if got is None:
        s = doc.sentences[si]
        got = memo[si] = clauses(doc.text, s.start, s.end)
    return got
