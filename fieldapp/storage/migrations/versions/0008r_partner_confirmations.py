"""What receiving structures confirmed about this device's handovers (return files, issue 16).

Revision ID: 0008r
Revises: 0007

One row per handover: the last status the coordinator's return file gave, the structure that
recorded it and the day. Replaced as a whole by each accepted return file.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008r"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_confirmations",
        sa.Column("handover_id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("structure_id", sa.String(128)),
        sa.Column("structure_name", sa.String(200), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("partner_confirmations")
