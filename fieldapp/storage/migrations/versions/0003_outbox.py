"""Outbox of sealed batches waiting for (or recently past) delivery to the central drop.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("batch_id", sa.String(36), primary_key=True),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("first_seq", sa.Integer, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("event_count", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("last_attempt", sa.String(32)),
        sa.Column("next_attempt", sa.String(32)),
        sa.Column("reason", sa.Text),
        sa.Column("reason_code", sa.String(32)),
        sa.Column("delivered_at", sa.String(32)),
        sa.Column("destination", sa.Text),
        sa.Column("content", sa.LargeBinary),
        sa.UniqueConstraint("file_name", name="uq_outbox_file_name"),
        sa.CheckConstraint(
            "state IN ('sealed', 'delivering', 'delivered', 'failed')", name="ck_outbox_state"
        ),
    )
    op.create_index("ix_outbox_state", "outbox", ["state"])


def downgrade() -> None:
    op.drop_index("ix_outbox_state", "outbox")
    op.drop_table("outbox")
