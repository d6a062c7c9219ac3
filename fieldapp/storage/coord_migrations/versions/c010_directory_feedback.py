"""Consolidated store: feedback on directory sheets (issue 18), the ones marked handled, and
the needs of contacts marked « sans solution ».

Revision ID: c010
Revises: c009

`directory_feedback` is the projection of the merged `directory.feedback` events (the same
table as the field store's); `feedback_handled` keeps the coordinator's decisions apart from it.
"""

import sqlalchemy as sa
from alembic import op

revision = "c010"
down_revision = "c009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_feedback",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("structure_id", sa.String(200), nullable=False),
        sa.Column("service_id", sa.String(200)),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("date_maj", sa.String(10)),
        sa.Column("created_hlc", sa.String(32), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_directory_feedback_structure", "directory_feedback", ["structure_id"])
    op.create_table(
        "contact_unmet_needs",
        sa.Column("contact_id", sa.String(36), primary_key=True),
        sa.Column("need", sa.String(64), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "feedback_handled",
        sa.Column("feedback_id", sa.String(36), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feedback_handled")
    op.drop_table("contact_unmet_needs")
    op.drop_index("ix_directory_feedback_structure", "directory_feedback")
    op.drop_table("directory_feedback")
