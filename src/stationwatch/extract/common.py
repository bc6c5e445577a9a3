"""Small helpers the fact stages share."""

from __future__ import annotations

import re

from .. import _regex
from ..document import Document, Mention
from .lexicon import Lexicon, lexicon, pack_for
from .text import clauses

# a trailing list of capitalised names ("Portugal, Germany and the "), stripped to see what stands before it
LIST_BACK = _regex.compile(r"(?:(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*(?:,\s+|,?\s+and\s+|,?\s+or\s+)(?:the\s+)?)+$")


def is_year(m: Mention) -> bool:
    """A number written as a year in digits ("2019"), not a count."""
    return isinstance(m.value, int) and 1900 <= m.value <= 2100 and m.text.isdigit()


def lex(doc: Document) -> Lexicon:
    return lexicon(pack_for(doc.language))


def on_topic(doc: Document) -> bool:
    """Does the document talk about overseas police stations at all?"""
    if "on_topic" in doc.notes:
        return doc.notes["on_topic"]
    return bool(lex(doc).topic.search(doc.text))


def may_match(doc: Document, si: int, family: str) -> bool:
    """False when the prefilter shows that no pattern of ``family`` can match sentence ``si``
    (its sets list the unfilterable families in every sentence)."""
    fams = doc.notes.get("families")
    return fams is None or si >= len(fams) or family in fams[si]


_UNSET = object()


def _runnable(doc: Document, si: int, family: str):
    """The single patterns of ``family`` worth running on sentence ``si`` (empty: none can match);
    None: run the whole family."""
    notes = doc.notes
    memo = notes.get("_runnable")
    if memo is None:
        memo = notes["_runnable"] = {}
    key = (family, si)
    got = memo.get(key, _UNSET)
    if got is not _UNSET:
        return got
    fams = notes.get("families")
    if fams is None or si >= len(fams):
        got = None
    elif family not in fams[si]:
        got = ()
    else:
        index = lex(doc).single_index.get(family)
        if index is None:
            got = None
        else:
            keys, by_key = index
            found = keys & fams[si]
            got = (by_key[next(iter(found))][1],) if len(found) == 1 else tuple(
                rx for _i, rx in sorted(by_key[k] for k in found))
    memo[key] = got
    return got


def find(doc: Document, si: int, family: str, rx, stext: str):
    """``rx.search(stext)`` (the leftmost match of the family), running only the patterns whose
    literals the prefilter found in sentence ``si``."""
    run = _runnable(doc, si, family)
    if run is None:
        return rx.search(stext)
    if len(run) == 1:
        return run[0].search(stext)
    best = None
    for one in run:
        m = one.search(stext)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def each_match(doc: Document, si: int, family: str, rx, stext: str):
    """Matches of the family's patterns in sentence ``si``: at every position where one of its
    patterns matches (so every match ``rx.finditer`` would give starts at one of them)."""
    run = _runnable(doc, si, family)
    if run is None:
        yield from rx.finditer(stext)
        return
    for one in run:
        m = one.search(stext)
        while m is not None:
            yield m
            m = one.search(stext, m.start() + 1)


def has(doc: Document, si: int, family: str, rx, stext: str) -> bool:
    """Does the family match ``stext``? Answers for a whole sentence are remembered for the document
    (several stages ask the same question of the same sentence)."""
    sents = doc.sentences
    if si >= len(sents) or len(stext) != sents[si].end - sents[si].start:
        return _matches(doc, si, family, rx, stext)
    notes = doc.notes
    memo = notes.get("_has")
    if memo is None:
        memo = notes["_has"] = {}
    key = (family, si)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _matches(doc, si, family, rx, stext)
    return got


def _matches(doc: Document, si: int, family: str, rx, stext: str) -> bool:
    """Does any pattern of the family match (the first that does answers; no need for the leftmost)?"""
    run = _runnable(doc, si, family)
    if run is None:
        return rx.search(stext) is not None
    return any(one.search(stext) is not None for one in run)


def each_sentence(doc: Document) -> list[tuple]:
    """(index, sentence, its text, its mentions) for every sentence: the loop every fact stage runs
    (built once per document once its mentions are known)."""
    got = doc.notes.get("_each_sentence")
    if got is not None and len(got) == len(doc.sentences):
        return got
    index = by_sentence(doc)
    got = [(si, sent, doc.text[sent.start:sent.end], index.get(si, [])) for si, sent in enumerate(doc.sentences)]
    if "by_sentence" in doc.notes:
        doc.notes["_each_sentence"] = got
    return got


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
        got = clauses(doc.text, s.start, s.end)
        L = lex(doc)
        if L.script == "cjk":
            got = [c for span in got for c in _cjk_clauses(doc, L, si, *span)]
        elif L.language != "en":
            got = [c for span in got for c in _split(doc.text, L.clause_break, *span)]
        memo[si] = got
    return got


def _cjk_clauses(doc: Document, L: Lexicon, si: int, start: int, end: int) -> list[tuple[int, int]]:
    """Chinese and Japanese string clauses together with "，" where English would start a sentence:
    "新发现48个据点，全球总数升至102个，分布在53个国家". A clause ends at "；", and at "，" when the text after it
    brings a new count of stations while the text before already had one; a count of countries or cities
    after "，" ("分布在53个国家") stays with the count it spans."""
    text = doc.text
    numbers = [m for m in by_sentence(doc).get(si, []) if m.kind == "number" and start <= m.start < end]
    if len(numbers) < 2:
        return [(start, end)]
    out = []
    pos = start
    seen_count = False
    breaks = _regex.compile("[；;" + re.escape(L.clause_commas) + "]")
    for b in breaks.finditer(text, start, end):
        seg_end = b.start()
        seen_count = seen_count or any(pos <= m.start < seg_end and _station_count(L, text, m) for m in numbers)
        nxt = breaks.search(text, b.end(), end)
        nxt_end = nxt.start() if nxt else end
        brings = any(b.end() <= m.start < nxt_end and _station_count(L, text, m) for m in numbers)
        if b.group() in "；;" or (seen_count and brings):
            out.append((pos, seg_end))
            pos = b.end()
            seen_count = False
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s] or [(start, end)]


def _split(text: str, rx, start: int, end: int) -> list[tuple[int, int]]:
    """A clause split further where the pack's ``clause_breaks`` match (the match itself is dropped)."""
    out = []
    pos = start
    for m in rx.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out or [(start, end)]


def _station_count(L: Lexicon, text: str, m: Mention) -> bool:
    """A number with a counter that counts no countries or cities ("102个", not "53个国家")."""
    rest = text[m.end:m.end + 10]
    if L.country_noun.match(rest) or L.city_noun.match(rest):
        return False
    c = L.counters.match(rest)
    if c is None:
        return False
    tail = rest[c.end():]
    return not (L.country_noun.match(tail) or L.city_noun.match(tail))
