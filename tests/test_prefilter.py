"""The prefilter is an optimisation only: it must never hide a match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stationwatch._data import load_yaml
from stationwatch.extract.lexicon import _families, lexicon
from stationwatch.extract.prefilter import Prefilter, prefixes

WORDS = ["said", "investigating", "the", "Police", "station", "closed", "RCMP", "concerned", "denied",
         "stations", "probe", "shut down", "at least", "told", "embassy", "Chinese", "ordered", "to close",
         "looking into", "arrested", "charged", "summoned", "overseas", "service", "centres", ",", ".", "'"]


def test_prefixes_of_simple_patterns():
    assert prefixes(r"investigat\w+") == ["investigat"]
    assert prefixes(r"(?:deeply |very )?concerned") == ["concerned"]
    assert sorted(prefixes(r"(?:likely|probably)")) == ["likely", "probably"]
    assert prefixes(r"\w+ing") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_prefilter_never_hides_a_match(words):
    text = " ".join(words)
    fams = _families(load_yaml("en/triggers.yaml"))
    pre = lexicon("en").prefilter
    hits = pre.sentence_families(text, [0])[0]
    for name, patterns in fams.items():
        rx = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", re.IGNORECASE)
        if rx.search(text):
            assert name in hits or name in pre.unfiltered, (name, text)


def test_unknown_prefix_means_unfiltered():
    pre = Prefilter({"odd": [r"\w+ing"], "plain": ["said"]})
    assert "odd" in pre.unfiltered and "plain" not in pre.unfiltered
