"""Our own annotated reports: the rules must hold on text the seeds do not contain."""

from __future__ import annotations

import json

import pytest

from stationwatch.extract import pipe
from stationwatch.ingest import read

from .conftest import CORPUS, GOLD, ROOT

SETS = sorted(CORPUS.glob("*.gold.jsonl")) + sorted((ROOT / "benchmarks" / "heldout").glob("*.gold.jsonl"))


def _score(scorer, files, gold, tmp_path):
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        for doc in pipe(d for d in read(files, 20_000_000)):
            fh.write(json.dumps(doc.to_json()) + "\n")
    return scorer.score(str(gold), str(out))


@pytest.mark.parametrize("gold", SETS, ids=[g.name for g in SETS])
def test_own_corpus_scores_within_a_tenth_of_the_seeds(gold, seeds, scorer, tmp_path):
    folder = gold.parent / gold.name.removesuffix(".gold.jsonl")
    res = _score(scorer, sorted(folder.glob("*.txt")), gold, tmp_path)
    seed = _score(scorer, sorted(seeds.glob("*.txt")), GOLD, tmp_path)
    # reached: seeds 1.00, corpus/en 0.95 when this test was written; 0.10 is the bound
    assert res["headline_f1"] >= seed["headline_f1"] - 0.10, (res["types"], seed["headline_f1"])
    for t in ("station", "response", "tally"):
        assert res["types"][t]["f1"] >= 0.80, (t, res["types"][t])


def test_negative_reports_yield_no_station_response_or_tally():
    negatives = [json.loads(line) for g in SETS for line in g.open()
                 if not any(f["type"] in ("station", "response", "tally") for f in json.loads(line)["facts"])]
    assert negatives, "the corpora should contain negative reports"
    for neg in negatives:
        gold_path = next(g for g in SETS if neg["source"] in g.read_text())
        path = gold_path.parent / gold_path.name.removesuffix(".gold.jsonl") / neg["source"]
        doc = next(pipe(d for d in read([path], 20_000_000)))
        wrong = [f.to_json() for f in doc.facts if f.type in ("station", "response", "tally")]
        assert not wrong, (neg["source"], wrong)
