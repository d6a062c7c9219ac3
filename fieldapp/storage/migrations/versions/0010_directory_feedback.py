"""Issue 18: feedback on directory sheets (the projection of `directory.feedback` events) and
the needs of a contact marked « sans solution » (`contact.need_unmet`).

Revision ID: 0010
Revises: 0009

No person in it: the sheet's ids, a reason code, a guarded comment, the day.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
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
    )
    op.create_index("ix_directory_feedback_structure", "directory_feedback", ["structure_id"])
    op.create_table(
        "contact_unmet_needs",
        sa.Column("contact_id", sa.String(36), sa.ForeignKey("contacts.id"), primary_key=True),
        sa.Column("need", sa.String(64), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("contact_unmet_needs")
    op.drop_index("ix_directory_feedback_structure", "directory_feedback")
    op.drop_table("directory_feedback")
