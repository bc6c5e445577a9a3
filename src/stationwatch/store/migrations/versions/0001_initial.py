"""First schema: documents, facts, registry rows.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("raw_format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("dropped", sa.JSON, nullable=False),
        sa.Column("cluster", sa.String(80), nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_cluster", "documents", ["cluster"])
    op.create_table(
        "facts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("doc_id", sa.String(80), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor", sa.String(40), nullable=False),
    )
    op.create_index("ix_facts_doc_id", "facts", ["doc_id"])
    op.create_index("ix_facts_key", "facts", ["key"])
    op.create_table(
        "registry_rows",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("n_facts", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_registry_rows_kind", "registry_rows", ["kind"])


def downgrade() -> None:
    op.drop_table("registry_rows")
    op.drop_table("facts")
    op.drop_table("documents")
