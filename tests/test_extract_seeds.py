"""Golden test on the five real seed pages: the figures reached must not regress."""

from __future__ import annotations

import json

from stationwatch.extract import pipe
from stationwatch.ingest import read

from .conftest import GOLD

# reached when this test was written: 1.0 / 1.0 / 1.0 / 0.87; margins keep the guard from flaking
FLOORS = {"station": 0.90, "response": 0.90, "tally": 0.85, "statement": 0.60}


def test_seed_scores(seeds, scorer, tmp_path):
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        for doc in pipe(d for d in read(sorted(seeds.glob("*.txt")), 20_000_000)):
            fh.write(json.dumps(doc.to_json()) + "\n")
    res = scorer.score(str(GOLD), str(out))
    for t, floor in FLOORS.items():
        assert res["types"][t]["f1"] >= floor, (t, res["types"][t])


def test_contract_fields_and_offsets(seeds):
    docs = list(pipe(d for d in read(sorted(seeds.glob("*.txt")), 20_000_000)))
    assert len(docs) == 5
    for doc in docs:
        line = doc.to_json()
        assert set(line) >= {"doc_id", "source", "title", "published", "language", "text_chars", "facts"}
        assert line["doc_id"].startswith("sha256:") and len(line["doc_id"]) == 7 + 64
        assert line["text_chars"] == len(doc.text)
        for f in line["facts"]:
            assert f["type"] in ("station", "response", "tally", "figure", "statement")
            assert f["evidence"], f
            for span in f["evidence"]:
                assert 0 <= span["start"] < span["end"] <= len(doc.text)


def test_boilerplate_is_not_in_clean_text(seeds):
    docs = {d.source.rsplit("/", 1)[-1][:3]: d for d in read(sorted(seeds.glob("*.txt")), 20_000_000)}
    assert "You might also like" not in docs["000"].text
    assert "Similar stories" not in docs["000"].text
    assert "Current position" not in docs["001"].text
    assert docs["001"].published == "2023-06-05"
    assert "Getty Images" not in docs["004"].text
    assert "Keep reading" not in docs["003"].text
    assert "(AP)" not in docs["003"].text
