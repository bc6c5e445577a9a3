"""A cheap first pass: which sentences can possibly match which trigger family.

Each trigger pattern in a pack starts, at a word boundary, with a literal ("investigat", "said", "closure of"). One
Aho-Corasick pass over the lower-cased text finds every such literal, so a stage only runs a
family's regular expression on sentences that contain one of its literals. A family with a
pattern that has no literal prefix is never filtered (its regex always runs): this is an
optimisation only, never a change in what matches.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import ahocorasick

_LITERAL = re.compile(r"(?:[^\W_]|[' ,.-])+")  # letters of any script, digits, and a few marks


def _close(p: str, i: int) -> int:
    depth = 0
    j = i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _split_top(p: str) -> list[str]:
    parts, depth, start, j = [], 0, 0, 0
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(p[start:j])
            start = j + 1
        j += 1
    parts.append(p[start:])
    return parts


def prefixes(pattern: str, shortest: int = 3) -> list[str] | None:
    """Literal strings one of which every match of ``pattern`` starts with; None if unknown. (A literal
    shorter than ``shortest`` would hit everywhere: no use as a filter. In Chinese one character may be a
    word.)"""
    p = pattern.lower()
    while p.startswith("\\b"):
        p = p[2:]
    while p.startswith("(?:"):
        end = _close(p, 0)
        if end < 0:
            return None
        rest = p[end + 1:]
        if rest[:1] in ("?", "*"):
            p = rest[1:]
            continue
        out: list[str] = []
        for alt in _split_top(p[3:end]):
            got = prefixes(alt + rest, shortest)
            if got is None:
                return None
            out.extend(got)
        return out
    m = _LITERAL.match(p)
    if not m:
        return None
    lit = m.group(0)
    nxt = p[len(lit):len(lit) + 1]
    if nxt in ("?", "*", "{"):
        lit = lit[:-1]
    lit = lit.lstrip()
    if len(lit) < shortest or lit.startswith("-") and len(lit) < 4:
        return None
    return [lit]


def pattern_key(family: str, i: int) -> str:
    """The prefilter's name for pattern ``i`` of ``family``: a sentence hit by it may match that pattern."""
    return f"{family}#{i}"


class Prefilter:
    """Families, and each family's single patterns (``pattern_key``), whose literals occur in a sentence."""

    def __init__(self, families: dict[str, list[str]], bounded: bool = True):
        self.unfiltered: set[str] = set()
        self.bounded = bounded  # patterns start at a word boundary (not in Chinese or Japanese)
        self.auto = ahocorasick.Automaton()
        stems: dict[str, set[str]] = {}
        for name, patterns in families.items():
            for i, p in enumerate(patterns):
                got = prefixes(p, 3 if bounded else 1)
                if got is None:
                    self.unfiltered.update((name, pattern_key(name, i)))
                    continue
                for lit in got:
                    stems.setdefault(lit, set()).update((name, pattern_key(name, i)))
        for lit, names in stems.items():
            self.auto.add_word(lit, (len(lit), frozenset(names)))
        if stems:
            self.auto.make_automaton()
        self.empty = not stems

    def sentence_families(self, text: str, starts: list[int]) -> list[set[str]] | None:
        """For each sentence, the families whose literals occur in it (None: cannot tell)."""
        low = text.lower()
        if len(low) != len(text):
            return None
        # a family that cannot be filtered may match anywhere: every sentence lists it
        out: list[set[str]] = [set(self.unfiltered) for _ in starts]
        if self.empty or not starts:
            return out
        for end, (length, names) in self.auto.iter(low):
            start = end - length + 1
            if self.bounded and start > 0 and low[start - 1].isalnum() and low[start].isalnum():
                continue  # every pack pattern starts at a word boundary: "post" in "possible" is no hit
            si = bisect_right(starts, end) - 1
            if si >= 0:
                out[si].update(names)
        return out
