"""Cases found in review: each was a real failure before its fix."""

from __future__ import annotations

import json
import re

from stationwatch.document import FACT_FIELDS, Document
from stationwatch.extract import build_pipeline, pipe, run
from stationwatch.ingest import from_text, read
from stationwatch.registry.dedup import signature

from .conftest import cli

ENUMS = {
    ("station", "status"): {"reported", "closed", "suspected"},
    ("response", "action"): {"investigation", "closure", "arrest", "concern", "other"},
    ("tally", "qualifier"): {"exact", "at_least", "more_than", "about"},
    ("figure", "quantity"): {"persuaded_returns", "kidnappings", "other"},
    ("statement", "stance"): {"allegation", "denial", "concern", "neutral"},
}


def test_facts_follow_the_contract_and_ids_are_unique(seeds):
    for doc in pipe(d for d in read(sorted(seeds.glob("*.txt")), 20_000_000)):
        ids = [f.id(doc.id) for f in doc.facts]
        assert len(ids) == len(set(ids)), doc.source
        for f in doc.to_json()["facts"]:
            assert set(FACT_FIELDS[f["type"]]) <= set(f), f
            for (t, field), allowed in ENUMS.items():
                if f["type"] == t:
                    assert f[field] in allowed, f
            for key in ("country",):
                if f.get(key) is not None:
                    assert re.fullmatch(r"[A-Z]{2}", f[key]), f


def test_repeated_denials_by_one_body_do_not_collide_in_the_store(runner, tmp_path):
    text = ("Embassy statement\n\nThe embassy denied that the overseas police stations existed at all. "
            "In a statement, the embassy denied that the service stations had any police function.")
    (tmp_path / "a.txt").write_text(text)
    res = cli(runner, "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "d.db"))
    assert res.exit_code == 0, res.output


def test_languages_without_a_pack_do_not_stop_the_run(runner, tmp_path):
    (tmp_path / "zh.txt").write_text("海外警察服务站\n\n福州市公安局宣布在21个国家设立了30个海外服务站，这是一段中文新闻。")
    (tmp_path / "fr.jsonl").write_text(json.dumps({"text": "Deux postes de police chinois à Paris.", "language": "fr"}) + "\n")
    res = cli(runner, "extract", str(tmp_path / "zh.txt"), str(tmp_path / "fr.jsonl"), "--json")
    assert res.exit_code == 0, res.output
    assert res.stdout.count('"doc_id"') == 2


def test_a_credit_after_a_real_paragraph_keeps_the_paragraph():
    doc = from_text("Headline about stations\n\nThe RCMP said on Monday it was investigating three Chinese police "
                    "service stations in Toronto.\n\nReuters/AFP", "t")
    assert "investigating three Chinese police service stations" in doc.text
    assert "Reuters/AFP" not in doc.text


def test_paragraphs_that_start_like_menu_words_are_kept():
    para = ("Related arrests were made in New York, where two men were charged over a station on Broadway in "
            "Manhattan last April.")
    doc = from_text("Headline about stations\n\n" + para + "\n\nRelated: Five things to know", "t")
    assert para in doc.text
    assert "Five things to know" not in doc.text


def test_the_verb_may_is_not_a_month():
    doc = Document(source="t", published="2023-01-10",
                   text="Safeguard Defenders said there may be 102 overseas police stations in 53 countries.")
    facts = [f for f in run(doc, build_pipeline()).facts if f.type == "tally"]
    assert facts and facts[0].data["as_of"] is None


def test_a_few_cjk_characters_do_not_change_how_copies_are_compared(seeds):
    text = (seeds / "001_c66002605c2286b4.txt").read_text()
    copy = text.replace("on Thursday", "on Thursday (星期四)", 1)
    assert signature(text).jaccard(signature(copy)) > 0.8


def test_hard_wrapped_text_gives_the_same_facts(seeds):
    import textwrap

    text = (seeds / "001_c66002605c2286b4.txt").read_text()
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in text.split("\n\n"))
    pipeline = build_pipeline()
    a = run(from_text(text, "a"), pipeline)
    b = run(from_text(wrapped, "b"), pipeline)
    assert sorted(str((f.type, f.key())) for f in a.facts) == sorted(str((f.type, f.key())) for f in b.facts)


def test_record_metadata_is_normalised(tmp_path):
    rec = {"text": "Dutch police said they were investigating two Chinese police service stations in Amsterdam.",
           "published": "2022-10-26T09:30:00Z", "language": "EN-gb"}
    bad = {"text": "Another report about overseas police stations in Dublin.", "published": "2022-02-31",
           "language": "english"}
    (tmp_path / "r.jsonl").write_text(json.dumps(rec) + "\n" + json.dumps(bad) + "\n")
    a, b = list(read([tmp_path / "r.jsonl"], 10**6))
    assert (a.published, a.language) == ("2022-10-26", "en")
    assert (b.published, b.language) == (None, None)


def test_number_words_join_into_one_number():
    from stationwatch.extract.mentions import find_mentions  # noqa: F401  (the stage under test)

    doc = run(Document(source="t", text="Some two hundred and thirty thousand people were persuaded to return; "
                                        "two in London and one in Glasgow."),
              build_pipeline(["language", "sentences", "mentions"]))
    assert [(m.text, m.value) for m in doc.mentions if m.kind == "number"] == [
        ("two hundred and thirty thousand", 230000), ("two", 2), ("one", 1)]
