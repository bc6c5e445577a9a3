"""Integration: ingest the seeds, check the merged registry and its JSON export."""

from __future__ import annotations

import json
import shutil

import pytest

from stationwatch.registry import build_registry
from stationwatch.settings import Settings
from stationwatch.store import open_store

from .conftest import ROOT, cli


def _export(runner, db):
    res = cli(runner, "export", "--format", "json", "--db", db)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _station(reg, country, city):
    rows = [s for s in reg["stations"] if s["country"] == country and s["city"] == city]
    assert len(rows) == 1, (country, city, [(s["country"], s["city"]) for s in reg["stations"]])
    return rows[0]


@pytest.fixture()
def seeded(runner, db, seeds):
    res = cli(runner, "ingest", str(seeds), "--db", db)
    assert res.exit_code == 0, res.output
    return db


def test_registry_from_seeds(runner, seeded):
    reg = _export(runner, seeded)
    assert reg["documents"] == 5
    toronto = _station(reg, "CA", "Toronto")
    assert toronto["count"] == 3
    assert {p["city"]: p["count"] for p in toronto["parts"]} == {"Markham": 2, "Scarborough": 1}
    assert toronto["independent_sources"] >= 4
    assert toronto["geonameid"] == 6167865  # GeoNames: Toronto
    assert _station(reg, "CA", "Vancouver")["operator"] == "Wenzhou"
    unplaced = _station(reg, "CA", None)
    assert unplaced["operator"] == "Nantong" and unplaced["lat"] is None
    assert _station(reg, "CA", "Montreal")["count"] == 2
    assert _station(reg, "GB", "London")["count"] == 2
    assert _station(reg, "GB", "Glasgow")["count"] == 1
    assert _station(reg, "US", "New York City")["address"] == "Broadway"
    _station(reg, "NL", "Amsterdam")
    _station(reg, "NL", "Rotterdam")
    assert _station(reg, "IE", "Dublin")["status"] == "closed"
    assert len(reg["stations"]) == 10
    for s in reg["stations"]:
        assert s["sources"] and all(x.startswith("sha256:") for x in s["sources"])
        if s["city"]:
            assert s["lat"] is not None and s["lon"] is not None

    investigating = {r["country"] for r in reg["responses"] if r["action"] == "investigation"}
    assert investigating == {"CA", "US", "AT", "CL", "CZ", "DE", "IE", "IT", "NG", "PT", "ES", "SE", "NL", "GB"}
    assert any(r["country"] == "IE" and r["action"] == "closure" for r in reg["responses"])

    tallies = reg["tallies"]
    stations_seq = [t["stations"] for t in tallies if t["stations"] and not t["additional"]]
    assert stations_seq[0] == 54 and 102 in stations_seq
    assert stations_seq.index(102) > 0
    i30 = next(i for i, t in enumerate(tallies) if t["stations"] == 54 and t["countries"] == 30)
    i21 = next(i for i, t in enumerate(tallies) if t["stations"] == 54 and t["countries"] == 21)
    assert i21 in tallies[i30]["conflicts_with"] and i30 in tallies[i21]["conflicts_with"]
    # compatible figures are not conflicts: "at least 100 in 53 countries" vs "102 in 53 countries"
    i100 = next(i for i, t in enumerate(tallies) if t["stations"] == 100)
    assert tallies[i100]["conflicts_with"] == []


def test_reingest_is_a_no_op(runner, seeded, seeds):
    before = _export(runner, seeded)
    res = cli(runner, "ingest", str(seeds), "--db", seeded)
    assert res.exit_code == 0
    assert "already stored" in res.output and "0 added, 5 already stored" in res.output
    after = _export(runner, seeded)
    before.pop("generated"), after.pop("generated")
    assert before == after


def test_incremental_equals_rebuild_and_order_does_not_matter(runner, tmp_path, seeds):
    files = sorted(seeds.glob("*.txt"))
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for f in files:
        assert cli(runner, "ingest", str(f), "--db", a).exit_code == 0
    for f in reversed(files):
        assert cli(runner, "ingest", str(f), "--db", b).exit_code == 0
    ra, rb = _export(runner, a), _export(runner, b)
    ra.pop("generated"), rb.pop("generated")
    assert ra == rb
    store = open_store(Settings(db=a))
    incremental = store.registry_rows()
    store.rebuild_registry()
    assert store.registry_rows() == incremental


def test_near_duplicates_count_once(runner, tmp_path, seeds):
    src = seeds / "001_c66002605c2286b4.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "original.txt")
    text = src.read_text()
    # a syndicated copy: same story, a different site header and one changed sentence
    copy = "World News Network\n\n" + text.replace("Speaking to media on Thursday", "Talking to reporters on Thursday")
    (folder / "copy.txt").write_text(copy)
    db = str(tmp_path / "d.db")
    assert cli(runner, "ingest", str(folder), "--db", db).exit_code == 0
    reg = _export(runner, db)
    montreal = _station(reg, "CA", "Montreal")
    assert len(montreal["sources"]) == 2
    assert montreal["independent_sources"] == 1
    store = open_store(Settings(db=db))
    assert len({d["cluster"] for d in store.documents()}) == 1
    # an unrelated story stays its own source
    assert cli(runner, "ingest", str(seeds / "004_390c67f641c03856.txt"), "--db", db).exit_code == 0
    assert len({d["cluster"] for d in store.documents()}) == 2


def test_build_registry_reads_only_rows(seeded):
    reg = build_registry(open_store(Settings(db=seeded)))
    assert set(reg) >= {"generated", "documents", "stations", "responses", "tallies"}
    assert all(s["status"] in ("reported", "closed") for s in reg["stations"])


def test_an_unplaced_station_joins_its_place_once_a_source_names_it(runner, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Report one\n\nSafeguard Defenders said one overseas police station, run by the Nantong police, "
                 "operates at an unknown location in Canada.")
    b.write_text("Report two\n\nThe overseas police station in Vancouver is run by the Nantong police, a new report "
                 "says.")
    db = str(tmp_path / "u.db")
    assert cli(runner, "ingest", str(a), "--db", db).exit_code == 0
    first = _export(runner, db)
    assert [(s["country"], s["city"]) for s in first["stations"]] == [("CA", None)]
    assert cli(runner, "ingest", str(b), "--db", db).exit_code == 0
    reg = _export(runner, db)
    assert [(s["country"], s["city"]) for s in reg["stations"]] == [("CA", "Vancouver")]
    assert len(reg["stations"][0]["sources"]) == 2


def test_near_duplicate_groups_do_not_depend_on_order(tmp_path, seeds):
    """A, a copy of A, and a copy of that copy: every ingest order gives the same groups and registry."""
    import itertools

    from stationwatch.extract import pipe
    from stationwatch.ingest import from_text

    base = (seeds / "001_c66002605c2286b4.txt").read_text()
    copy1 = "Wire copy\n\n" + base.replace("Speaking to media on Thursday", "Talking to reporters on Thursday")
    copy2 = copy1.replace("Human rights groups have accused", "Rights groups have accused")
    texts = {"a": base, "b": copy1, "c": copy2, "d": (seeds / "004_390c67f641c03856.txt").read_text()}
    docs = {k: next(pipe([from_text(t, k)])) for k, t in texts.items()}
    results = []
    for i, order in enumerate(itertools.permutations("abcd")):
        store = open_store(Settings(db=str(tmp_path / f"o{i}.db")))
        for k in order:
            store.add(docs[k])
        groups = sorted(sorted(d["source"] for d in store.documents() if d["cluster"] == c)
                        for c in {d["cluster"] for d in store.documents()})
        results.append((groups, store.registry_rows()))
    assert results[0][0] == [["a", "b", "c"], ["d"]]
    assert all(r == results[0] for r in results)


def test_threshold_groups_the_sample_repost_and_nothing_else(seeds):
    import itertools

    from stationwatch.ingest import read as read_docs
    from stationwatch.registry.dedup import signature
    from stationwatch.settings import Settings as S

    root = ROOT / "src" / "stationwatch" / "samples"
    docs = list(read_docs([seeds, ROOT / "benchmarks" / "corpus" / "en", root], 10**7))
    sigs = {d.source: signature(d.text) for d in docs}
    close = {tuple(sorted((a, b))) for a, b in itertools.combinations(sigs, 2)
             if sigs[a].jaccard(sigs[b]) >= S().near_duplicate_threshold}
    assert len(close) == 1
    pair = next(iter(close))
    assert any("01_110_overseas_report" in p for p in pair) and any("example.org" in p for p in pair)
