"""Bad input: one clear line, skipped, the run goes on, nothing stored is touched, exit code 1."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stationwatch.settings import Settings
from stationwatch.store import open_store

from .conftest import cli

GOOD = ("Dutch authorities said on Monday they were investigating two Chinese police service stations "
        "in Amsterdam and Rotterdam, after a report by Safeguard Defenders.")


def _db_digest(db: str) -> tuple[int, str]:
    store = open_store(Settings(db=db))
    docs = store.documents()
    rows = store.registry_rows()
    return len(docs), hashlib.sha256(repr((docs, sorted(map(str, rows.items())))).encode()).hexdigest()


def _write_bad(folder: Path, kind: str) -> tuple[Path, str]:
    if kind == "binary":
        p = folder / "image.txt"
        p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        return p, "binary file"
    if kind == "empty":
        p = folder / "empty.txt"
        p.write_bytes(b"")
        return p, "empty file (0 bytes)"
    if kind == "bad-utf8":
        p = folder / "garbled.txt"
        p.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC] * 40 + [0x01, 0x02] * 40))
        return p, "not valid UTF-8"
    if kind == "too-big":
        p = folder / "huge.txt"
        p.write_text(GOOD + " " + "x" * 5000)
        return p, "over the"
    if kind == "no-text-html":
        p = folder / "broken.html"
        p.write_text("<html><head><script>var a=1;</script></head><body><div><nav>Home</nav></div>")
        return p, "no article text"
    if kind == "bad-jsonl":
        p = folder / "feed.jsonl"
        record = json.dumps({"text": GOOD.replace("two", "three"), "url": "https://example.org/a"})
        p.write_text(record + "\n{not json}\n")
        return p, ":2: not JSON"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["binary", "empty", "bad-utf8", "too-big", "no-text-html", "bad-jsonl"])
def test_bad_input_is_reported_and_skipped(runner, tmp_path, kind):
    db = str(tmp_path / "sw.db")
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text("Irish police closed a station\n\n" + GOOD)
    assert cli(runner, "ingest", str(first), "--db", db).exit_code == 0
    before = _db_digest(db)

    folder = tmp_path / "in"
    folder.mkdir()
    bad, message = _write_bad(folder, kind)
    (folder / "z_good.txt").write_text("Second report\n\n" + GOOD.replace("Monday", "Tuesday") + " Police in Prague also looked into it.")
    args = ["ingest", str(folder), "--db", db]
    if kind == "too-big":
        args += ["--max-bytes", "2000"]
    res = cli(runner, *args)
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if str(bad.name) in ln and "skipped" in ln]
    assert len(lines) == 1 and message in lines[0], res.output
    after_docs, _ = _db_digest(db)
    expected_new = 2 if kind == "bad-jsonl" else 1  # the JSONL file's good line is kept
    assert after_docs == before[0] + expected_new
    assert "failed" in res.output.splitlines()[-1]


def test_failed_run_changes_nothing_stored(runner, tmp_path):
    db = str(tmp_path / "sw.db")
    good = tmp_path / "a.txt"
    good.write_text("Report\n\n" + GOOD)
    cli(runner, "ingest", str(good), "--db", db)
    before = _db_digest(db)
    bad, _ = _write_bad(tmp_path, "binary")
    res = cli(runner, "ingest", str(bad), "--db", db)
    assert res.exit_code == 1
    assert _db_digest(db) == before


def test_missing_path_and_unsupported_type(runner, tmp_path):
    db = str(tmp_path / "sw.db")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    res = cli(runner, "ingest", str(tmp_path / "nope.txt"), str(tmp_path / "doc.pdf"), "--db", db)
    assert res.exit_code == 1
    assert "no such file or folder" in res.output and "unsupported file type '.pdf'" in res.output


def test_extract_json_reports_bad_files_and_keeps_going(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Report\n\n" + GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    res = cli(runner, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json")
    assert res.exit_code == 1
    assert res.stdout.count('"doc_id"') == 1


def test_sigkill_midway_leaves_no_half_document(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    cities = ["Amsterdam", "Rotterdam", "Prague", "Madrid", "Milan", "Rome", "Florence", "Budapest", "Dublin",
              "Glasgow", "Vienna", "Stockholm", "Lisbon", "Berlin", "Frankfurt", "Paris", "Brussels", "Athens"]
    for i in range(400):
        city = cities[i % len(cities)]
        (folder / f"r{i:04d}.txt").write_text(
            f"Report {i}\n\nOfficials said on day {i} that a Chinese police service station in {city} "
            f"was being investigated. It was one of {50 + i} overseas police stations counted worldwide.")
    db = str(tmp_path / "k.db")
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "stationwatch", "ingest", str(folder), "--db", db, "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store_path = Path(db)
    deadline = time.time() + 60
    while time.time() < deadline:
        if store_path.exists():
            try:  # read-only peek: never take a write lock the ingest would wait on
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
                    n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= 20:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(Settings(db=db))
    n = store.count_documents()
    assert 0 < n < 400
    for d in store.documents():
        assert store.facts_of(d["id"]), d["source"]  # every stored document came with its facts
    rows = store.registry_rows()
    store.rebuild_registry()
    assert store.registry_rows() == rows  # registry consistent with what was stored
    res = subprocess.run([sys.executable, "-m", "stationwatch", "ingest", str(folder), "--db", db, "-q"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"{400 - n} added, {n} already stored" in res.stderr
    assert store.count_documents() == 400
