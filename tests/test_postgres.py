"""The same store and registry on the local PostgreSQL server."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from .conftest import cli

psycopg = pytest.importorskip("psycopg")
PG = os.environ.get("STATIONWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture()
def pg_url():
    name = "sw_test_" + uuid.uuid4().hex[:10]
    try:
        admin = psycopg.connect(PG, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"PostgreSQL not reachable at {PG}: {exc}")
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.postgres
def test_ingest_and_export_on_postgres(runner, pg_url, seeds, tmp_path):
    res = cli(runner, "ingest", str(seeds), "--db", pg_url)
    assert res.exit_code == 0, res.output
    pg = json.loads(cli(runner, "export", "--db", pg_url).stdout)
    lite_db = str(tmp_path / "l.db")
    cli(runner, "ingest", str(seeds), "--db", lite_db)
    lite = json.loads(cli(runner, "export", "--db", lite_db).stdout)
    pg.pop("generated"), lite.pop("generated")
    assert pg == lite
    res = cli(runner, "ingest", str(seeds), "--db", pg_url)
    assert "0 added, 5 already stored" in res.output


@pytest.mark.postgres
def test_concurrent_writers_keep_the_registry_consistent(pg_url, seeds):
    import threading

    from stationwatch.extract import pipe
    from stationwatch.ingest import read
    from stationwatch.settings import Settings
    from stationwatch.store import open_store

    docs = list(pipe(d for d in read(sorted(seeds.glob("*.txt")), 20_000_000)))
    a, b = open_store(Settings(db=pg_url)), open_store(Settings(db=pg_url))
    errors = []

    def work(store, items):
        try:
            for d in items:
                store.add(d)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(a, docs)), threading.Thread(target=work, args=(b, docs[::-1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert a.count_documents() == 5
    rows = a.registry_rows()
    a.rebuild_registry()
    assert a.registry_rows() == rows


@pytest.mark.postgres
def test_search_and_delete_on_postgres_match_sqlite(pg_url, seeds, tmp_path):
    from stationwatch import intake
    from stationwatch.ingest import read
    from stationwatch.settings import Settings
    from stationwatch.store import open_store

    stores = [open_store(Settings(db=pg_url)), open_store(Settings(db=str(tmp_path / "s.db")))]
    for store in stores:
        intake.add_items(store, read([seeds], 20_000_000))
    for q in ["Toronto police", "Safeguard Defenders", '"unbalanced', "NEAR(x", "nothing-like-this-word"]:
        ids = [{h["id"] for h in store.search(q)} for store in stores]
        assert ids[0] == ids[1], q
        for store in stores:
            for hit in store.search(q):
                assert "[[" in hit["snippet"] and "]]" in hit["snippet"]
    victim = stores[1].search("Toronto")[0]["id"]
    for store in stores:
        assert store.delete_document(victim) and not store.delete_document(victim)
        assert victim not in {h["id"] for h in store.search("Toronto")}
    rows = [json.dumps(store.registry_rows(), sort_keys=True) for store in stores]
    assert rows[0] == rows[1]
