"""The first-character lookahead of ``_regex.compile`` is an optimisation only: same matches, always."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stationwatch import _regex
from stationwatch.extract.lexicon import lexicon

MODULES = ["stationwatch.extract.stations", "stationwatch.extract.responses", "stationwatch.extract.statements",
           "stationwatch.extract.tallies", "stationwatch.extract.figures", "stationwatch.extract.mentions",
           "stationwatch.extract.common", "stationwatch.extract.text", "stationwatch.ingest._clean"]
_HINTED = re.compile(r"^(\(\?[aiLmsux]+\))?\(\?=\[[^\]]*\]\)\(\?:(.*)\)$", re.DOTALL)


def _chars(cls: str | None) -> str:
    return "" if cls is None else re.sub(r"\\U([0-9a-f]{8})", lambda m: chr(int(m.group(1), 16)), cls)


def test_first_chars_of_simple_patterns():
    assert _chars(_regex.first_chars(r"(?<!\w)(?:stations?|posts?)(?!\w)")) == "[ps]"
    assert _chars(_regex.first_chars(r"\b(?:photo|image)\s*$")) == "[ip]"
    assert _chars(_regex.first_chars(r"(?:deeply )?concerned")) == "[cd]"
    assert _chars(_regex.first_chars(r"\d+ of")) == r"[\d]"
    assert _chars(_regex.first_chars(r"[a-c]x|\(y")) == "[(a-c]"
    assert _chars(_regex.first_chars(r"\w*ing")) == r"[i\w]"  # a word character, or the "i" of "ing"


@pytest.mark.parametrize("pattern", [
    r"(?:foo)?",        # matches the empty string
    r"[^a]bc",          # a negated class
    r".oo",             # any character
    r"(?:a|)b?",        # an empty alternative, then an optional one
    r"(a)\1",           # fine: starts with "a"; checked below
])
def test_first_chars_refuses_what_it_cannot_tell(pattern):
    got = _regex.first_chars(pattern)
    if pattern == r"(a)\1":
        assert _chars(got) == "[a]"
    else:
        assert got is None


def test_inline_ignorecase_inside_a_case_sensitive_pattern_gets_no_hint():
    assert _regex.first_chars(r"x?(?i:abc)") is None
    rx = _regex.compile(r"(?i:police) station")
    assert rx.search("the POLICE station").span() == (4, 18)


def test_global_inline_flags_stay_first():
    rx = _regex.compile(r"(?i)\bclosed?\b")
    assert rx.pattern.startswith("(?i)(?=")
    assert rx.search("It was CLOSED.").group(0) == "CLOSED"


def test_a_case_sensitive_literal_start_is_left_alone():
    assert _regex.compile("Safeguard").pattern == "Safeguard"


def _hinted_patterns() -> list[tuple[re.Pattern, re.Pattern]]:
    pairs = []
    L = lexicon("en")
    pool = [getattr(L, f) for f in L.__dataclass_fields__]
    for value in list(pool):
        if isinstance(value, tuple):
            pool.extend(item[1] for item in value if isinstance(item, tuple) and len(item) == 2)
        if isinstance(value, dict):
            pool.extend(item[1] for one in value.values() if isinstance(one, tuple) for item in one
                        if isinstance(item, tuple) and len(item) == 2)
    for name in MODULES:
        pool.extend(v for v in vars(importlib.import_module(name)).values() if isinstance(v, re.Pattern))
    seen = set()
    for rx in pool:
        if not isinstance(rx, re.Pattern) or rx.pattern in seen:
            continue
        seen.add(rx.pattern)
        m = _HINTED.match(rx.pattern)
        if m:
            pairs.append((re.compile((m.group(1) or "") + m.group(2), rx.flags), rx))
    return pairs


PAIRS = _hinted_patterns()


def test_the_packs_and_stages_use_the_hint():
    assert len(PAIRS) > 60


def _words_of(pattern: str) -> list[str]:
    return sorted(set(re.findall(r"[A-Za-z’']{2,}", pattern)))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_hinted_patterns_find_exactly_what_the_plain_ones_find(data):
    plain, hinted = data.draw(st.sampled_from(PAIRS))
    words = _words_of(plain.pattern) or ["x"]
    word = st.sampled_from(words).map(lambda w: w) | st.sampled_from(words).map(str.upper) \
        | st.sampled_from(words).map(str.capitalize) | st.text(alphabet="abcXYZ019 .,'’-(/\n", max_size=4)
    sep = st.sampled_from([" ", " ", " ", "-", ", ", ". ", "'", "’", "", "\n", " the ", " 12 ", " (", ") "])
    parts = data.draw(st.lists(st.tuples(word, sep), min_size=1, max_size=12))
    text = "".join(w + s for w, s in parts)
    assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern
    pos = data.draw(st.integers(0, len(text)))
    a, b = hinted.search(text, pos), plain.search(text, pos)
    assert (a and a.span()) == (b and b.span())
    a, b = hinted.match(text, pos), plain.match(text, pos)
    assert (a and a.span()) == (b and b.span())


def test_every_hinted_pattern_on_its_own_words():
    """Each pattern, on a text made of its own words in several cases and joins (a fixed sweep that
    reaches every pattern, where the property test above samples)."""
    for plain, hinted in PAIRS:
        words = _words_of(plain.pattern)
        for text in (" ".join(words), " ".join(w.upper() for w in words), "-".join(w.capitalize() for w in words),
                     "".join(words), ", ".join(reversed(words)) + "."):
            assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \t\u00a0\n", max_size=30))
def test_the_cleaners_space_runs_collapse_as_described(text):
    """A tab or no-break space, or a run of two or more spaces, becomes one space; a single space stays."""
    from stationwatch.ingest._clean import _SPACES

    assert _SPACES.sub(" ", text) == re.sub(r"[ \t\u00a0]{2,}|[\t\u00a0]", " ", text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.!?。！？\"”’')] \n", max_size=30))
def test_sentence_boundaries_are_where_the_lookbehind_form_puts_them(text):
    """The splitter's boundary starts at the punctuation mark; the cut is just after it, where a
    lookbehind pattern would start."""
    from stationwatch.extract.text import _BOUNDARY

    plain = re.compile(r"(?<=[.!?。！？])[\"”’')\]]*\s+|(?<=[。！？])")
    assert [(m.start() + 1, m.end()) for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]
