"""Faster searches for patterns that start with a word boundary, a lookbehind or a case-insensitive word.

Python's regex engine skips quickly to where a match can start only when a pattern begins with a
plain literal. Our patterns mostly begin with ``(?<!\\w)``, ``\\b`` or an alternation of
case-insensitive words, so the engine tries every alternative at every position. :func:`compile`
puts a one-character lookahead in front (``(?=[sScC…])``): the set of characters any match can
start with, worked out from the parsed pattern. It is a necessary condition only, so the matches
are exactly those of the plain pattern (``tests/test_regex.py`` checks this property).
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser

# a list item's marker and the space after it ("- ", "• ", "3. "): the cleaner keeps such lines apart,
# the stages read them as list entries
LIST_ITEM = r"(?:[-•*–—▪·]|\d{1,2}[.)])\s"

_EMPTY = object()  # marks "this part can match without consuming a character"
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


class _Unknown(Exception):
    """The first character of a match cannot be told (``.``, ``[^…]``, a back-reference …)."""


def _first_op(op, av, flags: int) -> set:
    if op is C.LITERAL:
        return {("c", av)}
    if op is C.IN:
        if any(o is C.NEGATE for o, _ in av):
            raise _Unknown
        out = set()
        for o, a in av:
            if o is C.LITERAL:
                out.add(("c", a))
            elif o is C.RANGE:
                out.add(("r", a))
            elif o is C.CATEGORY and a in _CATEGORIES:
                out.add(("k", a))
            else:
                raise _Unknown
        return out
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {_EMPTY}  # zero width: the next item consumes the first character
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
            raise _Unknown  # "(?i:…)" inside a case-sensitive pattern: the set would be too narrow
        return _first_seq(sub.data, flags)
    if op is C.BRANCH:
        out = set()
        for alt in av[1]:
            out |= _first_seq(alt.data, flags)
        return out
    if op in _REPEATS:
        lo, _hi, sub = av
        got = _first_seq(sub.data, flags)
        return got | {_EMPTY} if lo == 0 else got
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first_seq(av.data, flags)
    raise _Unknown


def _first_seq(items, flags: int) -> set:
    acc: set = set()
    for op, av in items:
        got = _first_op(op, av, flags)
        acc |= got - {_EMPTY}
        if _EMPTY not in got:
            return acc
    return acc | {_EMPTY}


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class that every match of ``pattern`` starts with (``[sScC]``), or None when the
    pattern can match the empty string or start with any character."""
    try:
        parsed = _parser.parse(pattern, flags)
        got = _first_seq(parsed.data, flags | parsed.state.flags)
    except _Unknown:
        return None
    if not got or _EMPTY in got:
        return None
    parts = []
    for kind, value in sorted(got, key=lambda kv: (kv[0], kv[1][0] if kv[0] == "r" else int(kv[1]))):
        if kind == "c":
            parts.append(chr(value) if chr(value).isascii() and chr(value).isalnum() else f"\\U{value:08x}")
        elif kind == "r":
            parts.append(f"\\U{value[0]:08x}-\\U{value[1]:08x}")
        else:
            parts.append(_CATEGORIES[value])
    return "[" + "".join(parts) + "]"


def _has_fast_start(pattern: str, flags: int) -> bool:
    """Does the engine already skip ahead by itself (a case-sensitive literal or class first)?"""
    if flags & re.IGNORECASE:
        return False
    items = _parser.parse(pattern, flags).data
    while items and items[0][0] is C.SUBPATTERN:
        items = items[0][1][3].data
    return bool(items) and items[0][0] in (C.LITERAL, C.IN)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001
    """``re.compile``, with the first-character lookahead in front when it can help."""
    hint = None if _has_fast_start(pattern, flags) else first_chars(pattern, flags)
    if not hint:
        return re.compile(pattern, flags)
    lead = _GLOBAL_FLAGS.match(pattern)  # "(?i)" must stay first
    head, body = (lead.group(0), pattern[lead.end():]) if lead else ("", pattern)
    return re.compile(f"{head}(?={hint})(?:{body})", flags)
