"""Alembic environment: always run programmatically on a connection handed over by migrate.py."""

from alembic import context

from fieldapp.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
