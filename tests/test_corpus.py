"""Our own annotated reports: the rules must hold on text the seeds do not contain."""

from __future__ import annotations

import json

import pytest

from stationwatch.extract import pipe
from stationwatch.ingest import read

from .conftest import CORPUS, ROOT

SETS = sorted(CORPUS.glob("*.gold.jsonl")) + sorted((ROOT / "benchmarks" / "heldout").glob("*.gold.jsonl"))


def _score(scorer, files, gold, tmp_path):
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        for doc in pipe(d for d in read(files, 20_000_000)):
            fh.write(json.dumps(doc.to_json()) + "\n")
    return scorer.score(str(gold), str(out))


# Regression floors, a margin under the figures reached when they were set (benchmarks/quality.py
# prints the figures themselves and the gap to the seeds):
#   corpus/en  (written first, 20 reports; used to develop the rules): headline 0.963
#   heldout/en (written second, 14 reports; scored 0.772 untouched, then used to develop): headline 0.943
#   heldout/en2 (written third): scored 0.831 untouched, then used to develop: 0.856
#   heldout/en3 (written fourth): 0.892 untouched; 0.902 after later rule work made from other sets' errors
#   heldout/en4 (written fifth): 0.897 untouched; later used to develop
# A set that has never been used for tuning is the honest measure: see the closing notes.
FLOORS = {
    "corpus/en": {"headline": 0.90, "station": 0.88, "response": 0.85, "tally": 0.90},
    "heldout/en": {"headline": 0.88, "station": 0.88, "response": 0.80, "tally": 0.88},
    # heldout/en2 (third set, 14 reports): scored once, untouched by rule work: headline 0.831
    "heldout/en2": {"headline": 0.80, "station": 0.78, "response": 0.75, "tally": 0.85},
    # heldout/en3 (fourth set, 12 reports): scored once, untouched: headline 0.892
    "heldout/en3": {"headline": 0.84, "station": 0.78, "response": 0.78, "tally": 0.90},
    # heldout/en4 (fifth set, 10 reports): scored once, untouched: headline 0.897
    "heldout/en4": {"headline": 0.84, "station": 0.88, "response": 0.68, "tally": 0.90},
    # heldout/en5, en6 (sixth and seventh sets, 14 reports each, gold audited blind): scored once
    # untouched: headline 0.871 and 0.831; then used to develop the rules
    "heldout/en5": {"headline": 0.82, "station": 0.80, "response": 0.75, "tally": 0.88},
    "heldout/en6": {"headline": 0.79, "station": 0.82, "response": 0.70, "tally": 0.80},
    # heldout/en7, en8 (eighth and ninth sets): untouched 0.845 and 0.860; then used to develop
    "heldout/en7": {"headline": 0.88, "station": 0.88, "response": 0.83, "tally": 0.88},
    "heldout/en8": {"headline": 0.88, "station": 0.88, "response": 0.85, "tally": 0.88},
    # heldout/en9, en10 (tenth and eleventh sets): untouched 0.808 and 0.911; then used to develop
    "heldout/en9": {"headline": 0.76, "station": 0.85, "response": 0.78, "tally": 0.60},
    "heldout/en10": {"headline": 0.86, "station": 0.82, "response": 0.88, "tally": 0.85},
    # heldout/en11, en12 (twelfth and thirteenth sets): untouched 0.832 and 0.802
    "heldout/en11": {"headline": 0.78, "station": 0.82, "response": 0.70, "tally": 0.80},
    "heldout/en12": {"headline": 0.75, "station": 0.78, "response": 0.80, "tally": 0.64},
    # heldout/en13, en14 (fourteenth and fifteenth sets): untouched 0.882 and 0.859 (rules at 96ee43c);
    # then used to develop
    "heldout/en13": {"headline": 0.86, "station": 0.82, "response": 0.88, "tally": 0.88},
    "heldout/en14": {"headline": 0.85, "station": 0.86, "response": 0.88, "tally": 0.92},
    # heldout/en15, en16 (sixteenth and seventeenth sets): untouched 0.868 and 0.850 (rules at 9ea1423);
    # then used to develop
    "heldout/en15": {"headline": 0.86, "station": 0.88, "response": 0.80, "tally": 0.88},
    "heldout/en16": {"headline": 0.88, "station": 0.90, "response": 0.85, "tally": 0.85},
    # heldout/en17, en18 (eighteenth and nineteenth sets): untouched 0.938 and 0.850 (rules at 47aad9a);
    # then used to develop
    "heldout/en17": {"headline": 0.91, "station": 0.88, "response": 0.88, "tally": 0.95},
    "heldout/en18": {"headline": 0.89, "station": 0.90, "response": 0.85, "tally": 0.85},
    # heldout/en19, en20 (twentieth and twenty-first sets): untouched 0.937 and 0.930 (rules at f109336);
    # not yet used for development
    "heldout/en19": {"headline": 0.88, "station": 0.90, "response": 0.86, "tally": 0.85},
    "heldout/en20": {"headline": 0.87, "station": 0.86, "response": 0.85, "tally": 0.90},
    # heldout/en21, en22 (twenty-second and twenty-third sets): untouched 0.919 and 0.881 (same rules as
    # en19/en20, at 633665f); one fix after scoring: a bare "service centre" no longer makes a text on topic
    # (en22 p11, a consulate's visa centre; en22 then scores 0.892)
    "heldout/en21": {"headline": 0.86, "station": 0.85, "response": 0.89, "tally": 0.85},
    "heldout/en22": {"headline": 0.83, "station": 0.68, "response": 0.85, "tally": 0.95},
    # heldout/en23, en24 (twenty-fourth and twenty-fifth sets): untouched 0.952 and 0.874 (rules of en19-en22,
    # at 07e90d0); then used for development (twelve general rules, each with a test in test_rules.py)
    "heldout/en23": {"headline": 0.94, "station": 0.94, "response": 0.94, "tally": 0.94},
    "heldout/en24": {"headline": 0.91, "station": 0.92, "response": 0.87, "tally": 0.94},
    # heldout/en25, en26 (twenty-sixth and twenty-seventh sets): untouched 0.892 and 0.536 (rules at ff88580;
    # en26 writes numbers twice, "fifty-four (54)", and has bullet lists and a table); then used for development
    "heldout/en25": {"headline": 0.87, "station": 0.88, "response": 0.83, "tally": 0.88},
    "heldout/en26": {"headline": 0.85, "station": 0.88, "response": 0.86, "tally": 0.77},
    # heldout/en27, en28 (twenty-eighth and twenty-ninth sets): untouched 0.769 and 0.794 (rules at 98597ed);
    # then used for development
    "heldout/en27": {"headline": 0.86, "station": 0.85, "response": 0.82, "tally": 0.89},
    "heldout/en28": {"headline": 0.85, "station": 0.87, "response": 0.76, "tally": 0.91},
    # heldout/en29, en30 (thirtieth and thirty-first sets): untouched 0.908 and 0.786 (rules at 5c121d7);
    # then used for development
    "heldout/en29": {"headline": 0.86, "station": 0.92, "response": 0.88, "tally": 0.78},
    "heldout/en30": {"headline": 0.83, "station": 0.80, "response": 0.84, "tally": 0.84},
    # heldout/en31, en32 (thirty-second and thirty-third sets): untouched 0.830 and 0.857 (rules at 03f57b1);
    # then used for development
    "heldout/en31": {"headline": 0.88, "station": 0.93, "response": 0.86, "tally": 0.88},
    "heldout/en32": {"headline": 0.85, "station": 0.90, "response": 0.82, "tally": 0.80},
    # heldout/en33, en34 (thirty-fourth and thirty-fifth sets): untouched 0.833 and 0.857 (rules at b171b9b);
    # then used for development
    "heldout/en33": {"headline": 0.83, "station": 0.87, "response": 0.86, "tally": 0.75},
    "heldout/en34": {"headline": 0.81, "station": 0.84, "response": 0.76, "tally": 0.84},
    # heldout/en35, en36, en37 (round 16, written to the plain brief with no call for harder styles):
    # untouched 0.928, 0.882 and 0.931 (rules at d9dbff7); not used for development
    "heldout/en35": {"headline": 0.89, "station": 0.92, "response": 0.85, "tally": 0.89},
    "heldout/en36": {"headline": 0.84, "station": 0.89, "response": 0.71, "tally": 0.92},
    "heldout/en37": {"headline": 0.89, "station": 0.87, "response": 0.87, "tally": 0.92},
    # corpus/<lang>: the development sets of the other languages (six blind-written reports each, gold
    # audited blind); floors a margin under the figures after the packs' tally and station cues
    # (session of 2026-11-24; the figure when each pack was first set in brackets)
    "corpus/zh": {"headline": 0.88, "station": 0.88, "response": 0.80, "tally": 0.90},  # 0.937 (0.889)
    "corpus/id": {"headline": 0.92},  # 0.970 (0.890)
    "corpus/ja": {"headline": 0.89},  # 0.946 (0.881)
    "corpus/nl": {"headline": 0.90},  # 0.953 (0.878)
    "corpus/fr": {"headline": 0.89},  # 0.944 (0.889)
    "corpus/pt": {"headline": 0.91},  # 0.963 (0.864)
    "corpus/es": {"headline": 0.88},  # 0.933 (0.818)
    "corpus/de": {"headline": 0.93},  # 0.990 (0.849)
    "corpus/it": {"headline": 0.91},  # 0.969 (0.802)
    # heldout/zh2, ja2, es2 (written and audited blind): untouched 0.709, 0.830, 0.696; then used for
    # development (2026-11-24): 0.843, 0.830, 0.851
    "heldout/zh2": {"headline": 0.79},
    "heldout/ja2": {"headline": 0.78},
    "heldout/es2": {"headline": 0.80},
    # heldout/pt2, de2, fr2, id2, nl2, it2 (written and audited blind, 2026-11-24): untouched 0.801, 0.851,
    # 0.766, 0.719, 0.788, 0.814 when scored; not used for development (the packs' cues were written on the
    # development sets only). Floors under the figures then.
    "heldout/pt2": {"headline": 0.75},
    "heldout/de2": {"headline": 0.80},
    "heldout/fr2": {"headline": 0.72},
    "heldout/id2": {"headline": 0.67},
    "heldout/nl2": {"headline": 0.74},
    "heldout/it2": {"headline": 0.76},
}


@pytest.mark.parametrize("gold", SETS, ids=[g.name for g in SETS])
def test_own_corpus_scores_hold(gold, seeds, scorer, tmp_path):
    folder = gold.parent / gold.name.removesuffix(".gold.jsonl")
    name = f"{gold.parent.name}/{folder.name}"
    res = _score(scorer, sorted(folder.glob("*.txt")), gold, tmp_path)
    floors = FLOORS.get(name, {"headline": 0.70})
    assert res["headline_f1"] >= floors["headline"], (name, res["types"])
    for t in ("station", "response", "tally"):
        if t in floors:
            assert res["types"][t]["f1"] >= floors[t], (name, t, res["types"][t])


def _negatives() -> list[tuple[str, object]]:
    out = []
    for g in SETS:
        folder = g.parent / g.name.removesuffix(".gold.jsonl")
        for line in g.open():
            rec = json.loads(line)
            if not any(f["type"] in ("station", "response", "tally") for f in rec["facts"]):
                out.append((rec["source"], folder / rec["source"]))
    return out


# Held-out negatives the rules still get wrong: kept visible as strict xfails (a fix turns them
# into failures to remove from here), never silently skipped.
KNOWN_WRONG: dict[str, str] = {
    "p08_explainer_transnational_repression.txt":
        "en28: US charges over a Fox Hunt pressure campaign read as a response; telling them from station cases "
        "needs the case's subject, which the rules do not track",
    "p10_factcheck_patrols.txt":
        "en31: 'the \"station\" is in fact a motorway service station near Karlovac': the quoted first 'station' "
        "still makes the sentence about a station; the rules do not tie a place to the noun it belongs to",
    "p12_factcheck_auckland.txt":
        "en34: the claim a fact-check examines is told in its own words ('a photograph … shows a shopfront in "
        "east Auckland') before the verdict; the rules only set aside quoted or explicitly debunked claims",
    "p13_stockholm_interview.txt":
        "en34: 'I went to the police station on Kungsholmen' in an interview about the stations: a home police "
        "station the rules cannot tell from an overseas one",
    "p13_newsletter_indopacific_brief.txt":
        "en28: a monorail's 'first station' after 'Bangkok's Pink Line' reads as a station in Bangkok, and a "
        "review of a police deal as an investigation, in a newsletter put on topic by a quoted 'service centre'",
}
NEGATIVES = _negatives()


def test_the_corpora_contain_negatives():
    assert len(NEGATIVES) >= 4


@pytest.mark.parametrize("source,path", [
    pytest.param(s, p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[s])) if s in KNOWN_WRONG else (s, p)
    for s, p in NEGATIVES], ids=[s for s, _ in NEGATIVES])
def test_negative_report_yields_no_station_response_or_tally(source, path):
    doc = next(pipe(d for d in read([path], 20_000_000)))
    wrong = [f.to_json() for f in doc.facts if f.type in ("station", "response", "tally")]
    assert not wrong, (source, wrong)
