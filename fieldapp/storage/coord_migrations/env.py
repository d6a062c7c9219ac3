"""Alembic environment of the consolidated store; run programmatically by coord_store.py."""

from alembic import context

from fieldapp.storage.coord_schema import coord_metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=coord_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
