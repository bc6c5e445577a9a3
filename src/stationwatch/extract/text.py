"""Sentences and clauses with character offsets into the clean text."""

from __future__ import annotations

import re

from .. import _regex
from ..document import Sentence

_ABBREV = {"mr", "mrs", "ms", "dr", "sgt", "st", "no", "gen", "col", "lt", "gov", "sen", "rep", "prof",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
           "co", "corp", "ltd", "vs", "etc", "u.s", "u.k", "a.m", "p.m", "e.g", "i.e", "approx"}
# a sentence ends after . ! ? (and closing quotes or brackets) before white space, or right after 。！？;
# the match starts at the punctuation mark, which stays with its sentence (a literal first is fast)
_BOUNDARY = re.compile(r"[.!?。！？](?:[\"”’')\]]*\s+|(?<=[。！？]))")
# Every alternative starts with punctuation or a space; the lookahead says so to the regex engine,
# which then skips every other character quickly (twice as fast).
_CLAUSE = _regex.compile(
    r"(?=[;()—–:,\s])(?:[;()—–]|:\s|\s-(?=\w)|,?\s(?:while|whereas|but)\s|(?:,\s*|\s+)than\s|,\sincluding\s|"
    r",\sso\s(?=(?:the|its|their)\s+(?:total|count|tally|number)\b|[\w-]+(?:\s[\w-]+){0,3}\s(?:in total|in all|altogether)\b)|,\s(?=(?:the\s+)?(?:total|tally|count)\s+(?:now\s+)?(?:stands|is|reaches|rises|grows)\b)|"
    r",?\s(?=bringing |taking |raising |lifting |pushing |for a total |to a total |which (?:takes|brings|raises|pushes|lifts) )|,\sand\s(?=(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s+(?:said|says|reported|reports|counted|counts|listed|lists|claimed|claims)\b)|,?\sand\s(?=another\b|the other\b|(?:a|one)\s+(?:second|third|fourth|further|more)\b)|,\sand\s(?=the |it |they )|\sand\s(?=(?:found|added|identified|listed|documented|uncovered)\s\w+\s(?:more|new|additional|further)\b)|"
    r"\sand the\s(?=total|number|count)|,?\s(?=on top of |up from |down from |compared with |compared to |after (?:finding|adding|identifying|listing|documenting|counting) )|"
    r"\sand\s(?=(?:put|puts|putting|brought|brings|took|takes|raised|raises|pushed|pushes)\s+(?:the|its|their)\s+(?:total|count|tally)\b))",
    re.IGNORECASE)
_NOT_THAN = ("more", "less", "fewer", "rather", "other")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para_start = 0
    for p_index, para in enumerate(text.split("\n")):
        start = para_start
        para_start += len(para) + 1
        if not para.strip():
            continue
        pos = 0
        for m in _BOUNDARY.finditer(para):
            cut = m.start() + 1
            chunk = para[pos:cut]
            last = chunk.rstrip("\"”’')]").rstrip(".!?").rsplit(None, 1)
            if last and last[-1].lower().strip("(") in _ABBREV:
                continue
            nxt = para[m.end():m.end() + 1]
            if nxt and nxt.islower():
                continue
            _add(out, start, pos, cut, para, p_index)
            pos = m.end()
        _add(out, start, pos, len(para), para, p_index)
    return out


def _add(out: list[Sentence], base: int, s: int, e: int, para: str, p_index: int) -> None:
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(base + s, base + e, p_index))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at clause boundaries; offsets stay absolute."""
    spans = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.group() in "()" and _in_number_restatement(text, m.start(), start, end):
            continue  # "fifty-four (54) stations": the brackets restate a number, they end no clause
        if m.group().rstrip().lower().endswith("than") and text[max(start, m.start() - 7):m.start()].lower().rstrip(
                ", ").endswith(_NOT_THAN):
            continue  # "more than 50" is one phrase, not two clauses
        _keep(spans, text, pos, m.start())
        pos = m.end()
    _keep(spans, text, pos, end)
    return spans or [(start, end)]


# a bracketed number, in digits or in lower-case words: "(54)", "(one hundred and two)"
_NUMBER_PAREN = re.compile(r"\(\s*(?:\d[\d,.]*|[a-z]+(?:[- ][a-z]+){0,5})\s*\)")


def _in_number_restatement(text: str, pos: int, start: int, end: int) -> bool:
    """Is the bracket at ``pos`` one of a "(54)" that restates the number before it?"""
    opening = pos if text[pos] == "(" else text.rfind("(", max(start, pos - 40), pos)
    if opening < 0:
        return False
    m = _NUMBER_PAREN.match(text, opening, end)
    return m is not None and (pos == opening or pos == m.end() - 1) and bool(
        re.search(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
                  r"hundred|thousand|million)(?:[- ]\w+)*)\s*$", text[max(start, opening - 40):opening]))


def _keep(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
