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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_single_pattern_keys_never_hide_a_match_and_find_equals_the_family_search(words):
    from stationwatch.document import Document, Sentence
    from stationwatch.extract.common import each_match, find
    from stationwatch.extract.prefilter import pattern_key

    text = " ".join(words)
    L = lexicon("en")
    hits = L.prefilter.sentence_families(text, [0])[0]
    fams = _families(load_yaml("en/triggers.yaml"))
    for name, patterns in fams.items():
        for i, p in enumerate(patterns):
            if re.search(r"(?<!\w)(?:" + p + r")(?!\w)", text, re.IGNORECASE):
                assert pattern_key(name, i) in hits, (name, p, text)
    doc = Document(source="t", text=text, language="en", sentences=[Sentence(0, len(text), 0)],
                   notes={"families": [hits]})
    for name, rx in [("speech", L.speech), ("station_noun", L.station_noun), ("closure", L.closure),
                     ("unplaced", L.unplaced)] + [(f"action:{n}", r) for n, r in L.actions]:
        whole = rx.search(text)
        got = find(doc, 0, name, rx, text)
        assert (whole is None) == (got is None), (name, text)
        if whole is not None:
            assert whole.start() == got.start(), (name, text)
        assert {m.start() for m in rx.finditer(text)} <= {m.start() for m in each_match(doc, 0, name, rx, text)}


def test_every_pattern_of_a_pack_has_a_literal_to_filter_on():
    # one pattern without a literal start makes its whole family run on every sentence (slow, not wrong)
    from stationwatch._data import languages

    for lang in languages():
        pack = load_yaml(f"{lang}/triggers.yaml")
        shortest = 1 if pack.get("script") == "cjk" else 3  # one Chinese character may be a word
        for name, patterns in _families(pack).items():
            for p in patterns:
                assert prefixes(p, shortest) is not None, (lang, name, p)


def test_prefixes_of_non_ascii_literals():
    assert sorted(prefixes(r"(?:démarche|demarche)s?")) == ["demarche", "démarche"]
