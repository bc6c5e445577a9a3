"""Stage: figure facts — other numbers about the campaign (people persuaded to return, kidnappings)."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import _regex
from ..document import Document, Fact
from .common import by_sentence, is_year, lex, may_match, on_topic

NAME = "figures/1"
_PERIOD = _regex.compile(r"\bbetween ([A-Z][a-z]+ \d{4}) and ([A-Z][a-z]+ \d{4})|\bsince (\d{4})|\bin (\d{4})\b")


def _quantity(L, text: str, sent_start: int, n, follow: str, may=lambda family: True) -> str | None:
    """What a number counts, from the words after it ("230,000 people … persuaded") or before it
    ("put such returns at 230,000"). ``may(family)``: can the family match this sentence at all?"""
    for quantity, rx in L.figures:
        if not may(f"figure:{quantity}"):
            continue
        m = rx.search(follow)
        if m is not None:
            gap = follow[:m.start()]
            near = len(gap) <= 12 if L.script == "cjk" else len(gap.split()) <= 4  # (no spaces to count words by)
            if near and not re.search(r"\d", gap):
                return quantity
    before = text[max(sent_start, n.start - 60):n.start]
    for quantity, rx in L.figures_before:
        if n.value >= 1000 and rx.search(before):
            return quantity
    return None


def _after_month(L, text: str, pos: int) -> bool:
    words = text[max(0, pos - 12):pos].split()
    return bool(words) and words[-1].lower().strip("(.,") in L.months


def extract_figures(doc: Document) -> Document:
    if not on_topic(doc):
        return doc
    L = lex(doc)
    text = doc.text
    found: dict[tuple, Fact] = {}
    for si, ms in by_sentence(doc).items():
        sent = doc.sentences[si]
        for n in ms:
            if n.kind != "number" or n.value < 2:
                continue
            if is_year(n) and _after_month(L, text, n.start):
                continue  # "July 2022": a date, not a count
            follow = text[n.end:min(sent.end, n.end + 120)]
            quantity = _quantity(L, text, sent.start, n, follow, lambda family, si=si: may_match(doc, si, family))
            if quantity is None:
                continue
            p = _PERIOD.search(text, sent.start, sent.end)
            period = None
            if p:
                period = f"{p.group(1)} – {p.group(2)}" if p.group(1) else (p.group(3) or p.group(4))
            key = (quantity, n.value)
            if key not in found:
                found[key] = Fact("figure", {"quantity": quantity, "value": n.value, "period": period},
                                  [(sent.start, sent.end)], 0.7, NAME)
    return replace(doc, facts=doc.facts + list(found.values()))
