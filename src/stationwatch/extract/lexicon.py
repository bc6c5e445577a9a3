"""A language's pattern pack (``data/<lang>/triggers.yaml``) compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import _regex
from .._data import languages, load_yaml
from .prefilter import Prefilter, pattern_key


def _rx(patterns: list[str], flags: int = re.IGNORECASE, not_after: tuple[str, ...] = ()) -> re.Pattern:
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
    collective: re.Pattern
    operator_cue: re.Pattern
    tally_noun: re.Pattern
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
    # words after which a family's match means something else ("radio station")
    guards = {"station_noun": tuple(t.get("station_noun_not_after") or ())}
    words = {k.lower(): int(v) for k, v in n["words"].items()}
    # longest first so "a dozen" wins over "a"
    word_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    compound = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    return Lexicon(
        language=language,
        topic=_rx(t["topic"]),
        station_noun=_rx(t["station_nouns"], not_after=guards["station_noun"]),
        unplaced=_rx(t["unplaced"]),
        speculation=_rx(t["speculation"]),
        closure=_rx(t["closure"]),
        actions=tuple((k, _rx(v)) for k, v in t["actions"].items()),
        concern_judgement=_rx(t.get("concern_judgement") or [r"(?!x)x"]),
        concern_said=_rx(t.get("concern_said") or [r"(?!x)x"]),
        closure_cause=_rx(t.get("closure_cause") or [r"(?!x)x"]),
        institution=_rx(t["institutions"]),
        collective=_rx(t["collective_actors"]),
        operator_cue=re.compile("|".join(f"(?:{p})" for p in t["operator_cues"]), re.IGNORECASE),
        tally_noun=_rx(t["tally_nouns"]),
        country_noun=_rx(t["country_nouns"]),
        city_noun=_rx(t["city_nouns"]),
        qualifiers=tuple((k, _rx(v)) for k, v in t["qualifiers"].items()),
        additional=_rx(t["additional"]),
        growth=_rx(t["growth"]),
        figures=tuple((k, _rx(v)) for k, v in t["figures"].items()),
        figures_before=tuple((k, re.compile("(?:" + "|".join(v) + r")$", re.IGNORECASE))
                             for k, v in t.get("figures_before", {}).items()),
        speech=_rx(t["speech_verbs"]),
        stances=tuple((k, _rx(v)) for k, v in t["stances"].items()),
        numbers=words,
        number_word=re.compile(r"(?<!\w)(?:" + compound + "|" + word_alt + r")(?!\w)", re.IGNORECASE),
        months=tuple(n["months"]),
        prefilter=Prefilter(fams),
        singles=(singles := {name: tuple((pattern_key(name, i), _rx([p], not_after=guards.get(name, ())))
                                         for i, p in enumerate(pats))
                             for name, pats in fams.items()}),
        single_index={name: (frozenset(k for k, _rx in one), {k: (i, rx) for i, (k, rx) in enumerate(one)})
                      for name, one in singles.items()},
    )


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
