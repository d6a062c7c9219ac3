"""Consolidated store: street rounds and joint actions (issue 17), the same projection tables
as the field store's revision 0009, without foreign keys and WITHOUT ROWID like the others.

Revision ID: c009
Revises: c008
"""

from fieldapp.storage.presence_ddl import create_tables, drop_tables

revision = "c009"
down_revision = "c008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables(foreign_keys=False, sqlite_with_rowid=False)


def downgrade() -> None:
    drop_tables()
