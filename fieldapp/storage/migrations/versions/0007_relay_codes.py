"""The code relais and the receiving structure's inbox (issue 16).

Revision ID: 0007
Revises: 0006

`handovers.code_hmac` (NULL for older handovers); `receptions`, the projection of
`reception.recorded` events; `relay_codes` and `received_codes`, the raw codes, on the device
only. Older stores have no reception events: the new projection starts empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("handovers", sa.Column("code_hmac", sa.String(64)))
    op.create_index("ix_handovers_code_hmac", "handovers", ["code_hmac"])
    op.create_table(
        "receptions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("code_hmac", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(64)),
        sa.Column("created_hlc", sa.String(32), nullable=False),
    )
    op.create_index("ix_receptions_code_hmac", "receptions", ["code_hmac"])
    op.create_table(
        "relay_codes",
        sa.Column("handover_id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(16), nullable=False),
    )
    op.create_table(
        "received_codes",
        sa.Column("code_hmac", sa.String(64), primary_key=True),
        sa.Column("code", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("received_codes")
    op.drop_table("relay_codes")
    op.drop_index("ix_receptions_code_hmac", "receptions")
    op.drop_table("receptions")
    op.drop_index("ix_handovers_code_hmac", "handovers")
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("code_hmac")
