"""Tables. The schema's history lives in migrations/ (Alembic); this is its current shape."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(80), primary_key=True),           # sha256:… of the clean text
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("outlet", Text),
    Column("language", String(8)),
    Column("raw_format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("dropped", JSON, nullable=False),              # page furniture removed from the text
    Column("cluster", String(80), nullable=False, index=True),  # near-duplicate group (smallest member id)
    Column("minhash", LargeBinary, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

facts = Table(
    "facts", metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("key", Text, nullable=False),                  # registry row this fact supports
    Column("data", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("extractor", String(40), nullable=False),
    Index("ix_facts_key", "key"),
)

registry_rows = Table(
    "registry_rows", metadata,
    Column("key", Text, primary_key=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("data", JSON, nullable=False),
    Column("n_facts", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
