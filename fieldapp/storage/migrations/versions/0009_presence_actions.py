"""Street rounds and joint actions (issue 17): their projection tables, and the link of a
contact to its round or action and of a handover to its action.

Revision ID: 0009
Revises: 0008r

Projections only: the events are already in `events`; older stores hold none of these kinds,
so the new tables start empty and the new columns NULL.
"""

from fieldapp.storage.presence_ddl import create_tables, drop_tables

revision = "0009"
down_revision = "0008r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tables(foreign_keys=True)


def downgrade() -> None:
    drop_tables()
