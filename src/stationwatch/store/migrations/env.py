"""Alembic environment: runs on the connection stationwatch hands it."""

from alembic import context

from stationwatch.store.models import metadata

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
