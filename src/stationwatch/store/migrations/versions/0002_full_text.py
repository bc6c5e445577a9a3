"""Full-text search over documents: an FTS5 table kept by triggers on SQLite, a GIN index on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (the 'simple' configuration: no stemming of one language, since documents come in ten)
PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_documents_fts ON documents USING GIN ({PG_VECTOR})")
        return
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
               "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
    op.execute("INSERT INTO documents_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM documents")
    op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
               "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END")
    op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
               "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
               "VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); END")
    op.execute("CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
               "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
               "VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); "
               "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
        return
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{name}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
