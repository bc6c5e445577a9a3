"""A language's pattern pack (``data/<lang>/triggers.yaml``) compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources

from .. import _regex
from .._data import languages, load_yaml
from .prefilter import Prefilter, pattern_key


def _rx(patterns: list[str], flags: int = re.IGNORECASE, not_after: tuple[str, ...] = (),
        bounded: bool = True) -> re.Pattern:
    """One regex for a list of pack patterns, matched on word boundaries (``bounded``; a script written
    without spaces between words, as Chinese and Japanese are, has none to match on)."""
    if not patterns:
        return _regex.compile(r"(?!x)x")
    if not bounded:
        return _regex.compile("|".join(f"(?:{p})" for p in patterns), flags)
    by_length: dict[int, list[str]] = {}
    for w in not_after:
        by_length.setdefault(len(w), []).append(re.escape(w))
    # one fixed-width lookbehind per word length ("radio station", "train-station")
    guard = "".join(f"(?<!(?:{'|'.join(ws)})[ -])" for _n, ws in sorted(by_length.items()))
    body = "(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)"
    # (the guard runs only where the words match: a lookahead first keeps it off every other position)
    return _regex.compile(r"(?<!\w)" + (f"(?={body}){guard}" if guard else "") + body, flags)


@dataclass(frozen=True)
class Lexicon:
    language: str
    topic: re.Pattern
    station_noun: re.Pattern
    unplaced: re.Pattern
    speculation: re.Pattern
    closure: re.Pattern
    actions: tuple[tuple[str, re.Pattern], ...]
    concern_judgement: re.Pattern
    concern_said: re.Pattern
    closure_cause: re.Pattern
    institution: re.Pattern
    diplomatic: re.Pattern  # the Chinese side, a diplomatic step: makes an unnamed body's concern a response
    not_places: frozenset[str]  # names that are words in this language ("Lima" is Indonesian for five)
    name_endings: tuple[str, ...]  # endings a place name takes and stays that place ("Manhattans", "Dubliner")
    collective: re.Pattern
    operator_cue: re.Pattern
    tally_noun: re.Pattern
    tally_modifiers: re.Pattern  # what may stand between a count and its noun (matched from the count on)
    span_countries: re.Pattern  # before the number of countries a count spans ("in 53 countries")
    span_cities: re.Pattern
    abroad: re.Pattern  # a count of stations abroad, not at home
    tally_noun_end: re.Pattern  # a tally noun ending the text: "服务站二十一个" (the count follows its noun)
    country_noun: re.Pattern
    city_noun: re.Pattern
    qualifiers: tuple[tuple[str, re.Pattern], ...]
    additional: re.Pattern
    growth: re.Pattern
    figures: tuple[tuple[str, re.Pattern], ...]
    figures_before: tuple[tuple[str, re.Pattern], ...]
    speech: re.Pattern
    stances: tuple[tuple[str, re.Pattern], ...]
    numbers: dict[str, int]
    number_word: re.Pattern
    months: tuple[str, ...]
    place_preposition: re.Pattern  # a preposition (and article) ending the text: the place after it does not act
    not_location_before: re.Pattern  # what ending the text makes the place after it no station's location
    link_end: re.Pattern  # a cheap first test for not_location_before: a preposition or article ends the text
    lead_words: frozenset[str]  # capitalised words that may stand before a city ("In Toronto")
    nouns_capitalised: bool  # German writes every noun capitalised: a capital after a city is no sign of a name
    clause_break: re.Pattern  # where a clause ends besides the English connectives (text.py): ", lo que eleva", ", ma "
    clause_commas: str  # the commas that may end a clause (Chinese "，"; Japanese also "、", which Chinese uses in lists)
    # how the language writes: "latin" (words between spaces) or "cjk" (no spaces; numerals and counters)
    script: str
    thousands: str  # the thousands separator of numbers in digits ("," in English, "." in Spanish)
    numerals: str | None  # "zh" / "ja": numbers also in Chinese or Japanese numerals
    counters: re.Pattern  # measure words between a number and its noun ("21个国家", "3カ所")
    not_counts: re.Pattern  # what makes a number no count when it follows ("4月", "12日": a date)
    not_numbers: re.Pattern  # numbers that are names ("海外110")
    station: dict[str, re.Pattern]  # the cues station sentences are read by (``station_cues``)
    tally: dict[str, re.Pattern]  # the cues a headline count is read by (``tally_cues``; English where a pack has none)
    prefilter: Prefilter
    # each family's patterns one by one, with their prefilter keys: only those whose literal occurs run
    singles: dict[str, tuple[tuple[str, re.Pattern], ...]]
    # the same, by key: (the family's keys, key -> (position in the family, pattern))
    single_index: dict[str, tuple[frozenset[str], dict[str, tuple[int, re.Pattern]]]]


def pack_for(language: str | None) -> str:
    """The pattern pack to use for a language: its own when one ships, else English."""
    return language if language in languages() else "en"


@cache
def lexicon(language: str = "en") -> Lexicon:
    t = load_yaml(f"{language}/triggers.yaml")
    n = load_yaml(f"{language}/numbers.yaml")
    fams = _families(t)
    bounded = t.get("script", "latin") != "cjk"
    # words after which a family's match means something else ("radio station")
    guards = {"station_noun": tuple(t.get("station_noun_not_after") or ())}
    words = {k.lower(): int(v) for k, v in n["words"].items()}
    # longest first so "a dozen" wins over "a"
    word_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    compound = n.get("compound") or r"(?!x)x"  # number words written as two ("forty-eight")
    rx = partial(_rx, bounded=bounded)
    return Lexicon(
        language=language,
        topic=rx(t["topic"]),
        station_noun=rx(t["station_nouns"], not_after=guards["station_noun"]),
        unplaced=rx(t["unplaced"]),
        speculation=rx(t["speculation"]),
        closure=rx(t["closure"]),
        actions=tuple((k, rx(v)) for k, v in t["actions"].items()),
        concern_judgement=rx(t.get("concern_judgement") or [r"(?!x)x"]),
        concern_said=rx(t.get("concern_said") or [r"(?!x)x"]),
        closure_cause=rx(t.get("closure_cause") or [r"(?!x)x"]),
        institution=rx(t["institutions"]),
        diplomatic=rx(t.get("diplomatic") or []),
        not_places=frozenset(_places(language).get("not_places") or ()),
        name_endings=tuple(_places(language).get("name_endings") or ()),
        collective=rx(t["collective_actors"]),
        operator_cue=re.compile("|".join(f"(?:{p})" for p in t["operator_cues"]), re.IGNORECASE),
        tally_noun=rx(t["tally_nouns"]),
        tally_modifiers=_modifiers(t, bounded),
        span_countries=_regex.compile(t["span_before"]["countries"], re.IGNORECASE),
        span_cities=_regex.compile(t["span_before"]["cities"], re.IGNORECASE),
        abroad=rx(t["abroad"]),
        tally_noun_end=_regex.compile("(?:" + "|".join(f"(?:{p})" for p in t["tally_nouns"]) + r")[」』”\"']?(?:[^,，。;；、\d]{0,4})$"),
        country_noun=rx(t["country_nouns"]),
        city_noun=rx(t["city_nouns"]),
        qualifiers=tuple((k, rx(v)) for k, v in t["qualifiers"].items()),
        additional=rx(t["additional"]),
        growth=rx(t["growth"]),
        figures=tuple((k, rx(v)) for k, v in t["figures"].items()),
        figures_before=tuple((k, re.compile("(?:" + "|".join(v) + r")$", re.IGNORECASE))
                             for k, v in t.get("figures_before", {}).items()),
        speech=rx(t["speech_verbs"]),
        stances=tuple((k, rx(v)) for k, v in t["stances"].items()),
        numbers=words,
        number_word=re.compile(r"(?<!\w)(?:" + compound + "|" + word_alt + r")(?!\w)", re.IGNORECASE),
        months=tuple(n["months"]),
        place_preposition=_regex.compile(rf"(?:\b(?:{_alt(t.get('place_prepositions'))})\s+(?:{_alt(t.get('articles'))}\s+)?)$",
                                         re.IGNORECASE),
        not_location_before=_regex.compile(rf"(?:{_alt(t.get('not_location_before'))})\s+(?:{_alt(t.get('articles'))}\s+)?$",
                                           re.IGNORECASE),
        link_end=_regex.compile(rf"\b(?:{_alt(t.get('place_prepositions'))}|{_alt(t.get('articles'))})\s+$", re.IGNORECASE),
        lead_words=frozenset(t.get("lead_words") or ()),
        nouns_capitalised=t.get("capitalised", "names") == "nouns",
        clause_commas=t.get("clause_commas", ","),
        clause_break=_regex.compile(_alt(t.get("clause_breaks")), re.IGNORECASE),
        script="latin" if bounded else "cjk",
        thousands=n.get("thousands", ","),
        numerals=n.get("numerals"),
        counters=_regex.compile("|".join(n.get("counters") or [r"(?!x)x"])),
        not_counts=_regex.compile("|".join(n.get("not_counts") or [r"(?!x)x"])),
        not_numbers=_regex.compile("|".join(n.get("not_numbers") or [r"(?!x)x"])),
        tally=_cues(t, "tally_cues"),
        station=_cues(t, "station_cues"),
        prefilter=Prefilter(fams, bounded),
        singles=(singles := {name: tuple((pattern_key(name, i), rx([p], not_after=guards.get(name, ())))
                                         for i, p in enumerate(pats))
                             for name, pats in fams.items()}),
        single_index={name: (frozenset(k for k, _rx in one), {k: (i, rx) for i, (k, rx) in enumerate(one)})
                      for name, one in singles.items()},
    )


def _cues(t: dict, section: str) -> dict[str, re.Pattern]:
    """A pack's cues of one section, each a pattern or a list of alternatives, over the English ones
    (a pack overrides a cue by giving it; whatever it leaves out stays English)."""
    cues = dict(load_yaml("en/triggers.yaml")[section])
    cues.update(t.get(section) or {})
    return {name: _regex.compile(_alt(p) if isinstance(p, list) else p, re.IGNORECASE) for name, p in cues.items()}


def _places(language: str) -> dict:
    """The pack's own gazetteer additions (``data/<lang>/places.yaml``), if it has any."""
    if not resources.files("stationwatch").joinpath("data", language, "places.yaml").is_file():
        return {}
    return load_yaml(f"{language}/places.yaml") or {}


def _alt(patterns) -> str:
    """An alternation of pack fragments (never matching when the pack gives none)."""
    return "|".join(f"(?:{p})" for p in patterns or ()) or r"(?!x)x"


def _modifiers(t: dict, bounded: bool) -> re.Pattern:
    """Words and phrases that may stand between a count and its noun, and quotation marks."""
    words = "|".join(t.get("tally_modifiers") or ()) or r"(?!x)x"
    phrases = "".join(f"|(?:{p})\\s*" for p in t.get("tally_modifier_phrases") or ())
    end = r"(?![\w-])" if bounded else ""
    return _regex.compile(rf"^\s*(?:(?:{words}){end}\s*|[\"“”‘’'「」『』]\s*{phrases})*", re.IGNORECASE)


def _families(t: dict) -> dict[str, list[str]]:
    """The pattern families the stages ask the prefilter about, sentence by sentence. (The topic, the
    institutions and the collective actors are matched whole and need no prefilter: their common words
    would only slow it down.)"""
    fams = {"station_noun": t["station_nouns"], "tally_noun": t["tally_nouns"],
            "speech": t["speech_verbs"], "unplaced": t["unplaced"], "speculation": t["speculation"],
            "closure": t["closure"]}
    for k, v in t["actions"].items():
        fams[f"action:{k}"] = v
    for k, v in t["stances"].items():
        fams[f"stance:{k}"] = v
    for k, v in t["figures"].items():
        fams[f"figure:{k}"] = v
    return fams
