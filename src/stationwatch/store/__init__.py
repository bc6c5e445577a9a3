"""Storage: the only module that talks SQL (SQLAlchemy Core; SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from alembic.util.exc import CommandError as AlembicError
from sqlalchemy import create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..document import Document
from ..errors import StoreError
from ..registry.dedup import NearDuplicates, from_bytes, signature, to_bytes
from ..registry.merge import Support, fact_key, merge_row
from ..settings import Settings
from .models import documents, facts, registry_rows

__all__ = ["Store", "open_store", "migrate", "row_id"]


def row_id(key: str) -> str:
    """A registry row's short, stable id (for URLs): from its key, so it survives a rebuild."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


_WORD = re.compile(r"\w+", re.UNICODE)
RANKED_UP_TO = 500  # search ranks by relevance up to this many matching documents, newest first beyond
_LOCK_KEY = 0x5354_4E57  # "STNW": the advisory lock that serialises registry writers on PostgreSQL


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    with resources.as_file(resources.files("stationwatch.store").joinpath("migrations")) as path:
        cfg.set_main_option("script_location", str(path))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def open_store(settings: Settings, must_exist: bool = False) -> Store:
    """Open (and migrate) the database. ``must_exist``: refuse to create a new SQLite file."""
    url = settings.db_url
    if must_exist and url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        raise StoreError(f"no database at {url[len('sqlite:///'):]} (run 'stationwatch ingest' first, or check --db)")
    try:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn, _record):  # noqa: ANN001
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        migrate(engine)
    except (SQLAlchemyError, ImportError, AlembicError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"cannot open database {_safe(url)}: {exc.__class__.__name__}: {detail}") from exc
    return Store(engine, settings)


class Store:
    def __init__(self, engine: Engine, settings: Settings):
        self.engine = engine
        self.settings = settings
        self._near: NearDuplicates | None = None
        self._seen_until = None

    def describe(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- documents ---------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    def documents(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(documents.c.id, documents.c.source, documents.c.url, documents.c.title, documents.c.published,
                       documents.c.outlet, documents.c.language, documents.c.cluster).order_by(documents.c.id))]

    def document(self, doc_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
            return dict(row._mapping) if row else None

    def facts_of(self, doc_id: str) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(facts).where(facts.c.doc_id == doc_id))]

    def _index(self, conn) -> NearDuplicates:
        """The near-duplicate index, brought up to date with documents other processes stored."""
        if self._near is None:
            self._near = NearDuplicates(self.settings.near_duplicate_threshold)
            self._seen_until = None
        q = select(documents.c.id, documents.c.minhash, documents.c.ingested_at)
        if self._seen_until is not None:
            q = q.where(documents.c.ingested_at >= self._seen_until)
        for doc_id, blob, at in conn.execute(q):
            self._near.add(doc_id, from_bytes(blob))
            if self._seen_until is None or at > self._seen_until:
                self._seen_until = at
        return self._near

    def add(self, doc: Document) -> bool:
        """Store a processed document, its facts and the registry rows they touch — in one
        transaction. Returns False when the document was already stored."""
        doc_id = doc.id
        sig = signature(doc.text)
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    # one writer at a time: registry rows are read, merged and rewritten
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
                if conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first():
                    return False
                near = self._index(conn)
                similar = near.similar(sig)
                old_clusters = set()
                if similar:
                    old_clusters = {c for (c,) in conn.execute(
                        select(documents.c.cluster).where(documents.c.id.in_(similar)))}
                cluster = min([doc_id, *old_clusters])
                touched_docs: list[str] = []
                if old_clusters - {cluster}:
                    touched_docs = [d for (d,) in conn.execute(
                        select(documents.c.id).where(documents.c.cluster.in_(old_clusters - {cluster})))]
                    conn.execute(update(documents).where(documents.c.cluster.in_(old_clusters - {cluster}))
                                 .values(cluster=cluster))
                conn.execute(insert(documents).values(
                    id=doc_id, source=doc.source, url=doc.url, title=doc.title, published=doc.published,
                    outlet=doc.outlet, language=doc.language, raw_format=doc.raw_format, text=doc.text,
                    dropped=doc.dropped, cluster=cluster, minhash=to_bytes(sig), ingested_at=now))
                keys = set()
                rows = []
                for f in doc.facts:
                    key = fact_key(f.type, f.data)
                    keys.add(key)
                    rows.append({"id": f.id(doc_id), "doc_id": doc_id, "type": f.type, "key": key,
                                 "data": f.data, "evidence": [list(e) for e in f.evidence],
                                 "confidence": f.confidence, "extractor": f.extractor})
                if rows:
                    conn.execute(insert(facts), rows)
                if touched_docs:
                    keys |= {k for (k,) in conn.execute(select(facts.c.key).where(facts.c.doc_id.in_(touched_docs)))}
                self._recompute(conn, keys, now)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store {doc.source}: {exc.__class__.__name__}") from exc
        near.add(doc_id, sig)
        return True

    # -- registry ----------------------------------------------------------------------------
    def _recompute(self, conn, keys: set[str], now: datetime) -> None:
        for key in sorted(keys):
            q = (select(facts.c.type, facts.c.data, facts.c.doc_id, documents.c.cluster, documents.c.published)
                 .join(documents, documents.c.id == facts.c.doc_id).where(facts.c.key == key))
            support = [Support(r.doc_id, r.cluster, r.published, r.data) for r in conn.execute(q)]
            conn.execute(delete(registry_rows).where(registry_rows.c.key == key))
            if not support:
                continue
            kind = key.split("|", 1)[0]
            conn.execute(insert(registry_rows).values(key=key, kind=kind, data=merge_row(kind, support),
                                                      n_facts=len(support), updated_at=now))

    def rebuild_registry(self) -> None:
        """Recompute every row from the facts (the incremental path must give the same result)."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            keys = {k for (k,) in conn.execute(select(facts.c.key).distinct())}
            conn.execute(delete(registry_rows))
            self._recompute(conn, keys, now)

    def registry_rows(self) -> dict[str, list[dict]]:
        """kind -> rows; each row's data with its ``id`` (see :func:`row_id`) and ``keys`` (its key)."""
        out: dict[str, list[dict]] = {}
        with self.engine.connect() as conn:
            for key, kind, data in conn.execute(select(registry_rows.c.key, registry_rows.c.kind, registry_rows.c.data)
                                                .order_by(registry_rows.c.key)):
                out.setdefault(kind, []).append({**data, "id": row_id(key), "keys": [key]})
        return out

    def state(self) -> tuple:
        """Changes whenever documents are added or removed (for caches of the built registry)."""
        with self.engine.connect() as conn:
            n, last = conn.execute(select(func.count(), func.max(documents.c.ingested_at)).select_from(documents)).one()
            rows = conn.execute(select(func.count(), func.max(registry_rows.c.updated_at)).select_from(registry_rows)).one()
        return (n, str(last), tuple(rows))

    def registry_rows_with_keys(self, kind: str | None = None) -> list[tuple[str, str, dict]]:
        """(id, key, data) of every registry row (of one kind)."""
        q = select(registry_rows.c.key, registry_rows.c.kind, registry_rows.c.data).order_by(registry_rows.c.key)
        if kind:
            q = q.where(registry_rows.c.kind == kind)
        with self.engine.connect() as conn:
            return [(row_id(k), k, d) for k, _kind, d in conn.execute(q)]

    def support_of(self, keys: list[str]) -> list[dict]:
        """The facts behind registry rows, each with its document's metadata and text."""
        if not keys:
            return []
        q = (select(facts.c.id, facts.c.key, facts.c.type, facts.c.data, facts.c.evidence, facts.c.doc_id,
                    documents.c.source, documents.c.url, documents.c.title, documents.c.published,
                    documents.c.outlet, documents.c.language, documents.c.cluster, documents.c.text)
             .join(documents, documents.c.id == facts.c.doc_id).where(facts.c.key.in_(keys))
             .order_by(documents.c.published.is_(None), documents.c.published, documents.c.id))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def list_documents(self, limit: int = 50, offset: int = 0, language: str | None = None) -> tuple[int, list[dict]]:
        cols = (documents.c.id, documents.c.source, documents.c.url, documents.c.title, documents.c.published,
                documents.c.outlet, documents.c.language, documents.c.cluster, documents.c.ingested_at)
        q = select(*cols)
        n = select(func.count()).select_from(documents)
        if language:
            q, n = q.where(documents.c.language == language), n.where(documents.c.language == language)
        q = q.order_by(documents.c.published.desc().nulls_last(), documents.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return conn.execute(n).scalar_one(), [dict(r._mapping) for r in conn.execute(q)]

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search over titles and texts (SQLite FTS5, PostgreSQL tsvector): every word must
        occur; the words are taken as words, never as query syntax."""
        words = _WORD.findall(query)[:20]
        if not words:
            return []
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "postgresql":
                vector = "to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text)"
                tsq = " & ".join(w.lower() for w in words)
                rows = conn.execute(text(
                    f"SELECT d.id, d.source, d.title, d.published, d.language, "
                    f"ts_headline('simple', d.text, to_tsquery('simple', :q), 'MaxFragments=2, StartSel=[[, StopSel=]]') AS snippet "
                    f"FROM documents d WHERE {vector} @@ to_tsquery('simple', :q) "
                    f"ORDER BY ts_rank({vector}, to_tsquery('simple', :q)) DESC, d.id LIMIT :n"), {"q": tsq, "n": limit})
            else:
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                # Relevance (bm25) when the words are in at most RANKED_UP_TO documents; beyond that the newest
                # stored matches come first (FTS5 walks its index in rowid order and stops at the limit, while
                # ranking every document that contains "police" would cost more than the search is worth).
                # Snippets only for the rows returned.
                n = conn.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"),
                                 {"q": match}).scalar_one()
                if n > RANKED_UP_TO:  # newest first: one pass, snippets for the rows returned only
                    rows = conn.execute(text(
                        "SELECT d.id, d.source, d.title, d.published, d.language, "
                        "snippet(documents_fts, 1, '[[', ']]', ' … ', 24) AS snippet "
                        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                        "WHERE documents_fts MATCH :q ORDER BY documents_fts.rowid DESC LIMIT :n"),
                        {"q": match, "n": limit})
                else:  # by relevance: rank first, then snippets for the best rows only
                    rows = conn.execute(text(
                        "WITH best AS (SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH :q "
                        "ORDER BY rank LIMIT :n) "
                        "SELECT d.id, d.source, d.title, d.published, d.language, "
                        "snippet(documents_fts, 1, '[[', ']]', ' … ', 24) AS snippet "
                        "FROM best JOIN documents_fts ON documents_fts.rowid = best.rowid "
                        "JOIN documents d ON d.rowid = best.rowid "
                        "WHERE documents_fts MATCH :q ORDER BY best.rank, d.id"), {"q": match, "n": limit})
            return [dict(r._mapping) for r in rows]

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its facts, and recompute the registry rows they supported."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
            keys = {k for (k,) in conn.execute(select(facts.c.key).where(facts.c.doc_id == doc_id))}
            conn.execute(delete(facts).where(facts.c.doc_id == doc_id))
            gone = conn.execute(delete(documents).where(documents.c.id == doc_id)).rowcount
            if not gone:
                return False
            self._recompute(conn, keys, now)
        self._near = None  # rebuilt from the table on the next add
        return True
