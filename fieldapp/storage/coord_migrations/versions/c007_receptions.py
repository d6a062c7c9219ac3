"""Consolidated store: the code relais's HMAC on handovers, and the receptions (issue 16).

Revision ID: c007
Revises: c006

`handovers.code_hmac` (NULL for handovers merged before, or proposed without a coordination);
`receptions`, the projection of `reception.recorded` events, joined to handovers by `code_hmac`
(reports/relay_indicators.py). Raw codes never reach the coordinator: no column holds one.
Events already merged hold no reception and no `code_hmac`: nothing to re-project.
"""

import sqlalchemy as sa
from alembic import op

revision = "c007"
down_revision = "c006"
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
        sqlite_with_rowid=False,
    )
    op.create_index("ix_receptions_code_hmac", "receptions", ["code_hmac"])


def downgrade() -> None:
    op.drop_index("ix_receptions_code_hmac", "receptions")
    op.drop_table("receptions")
    op.drop_index("ix_handovers_code_hmac", "handovers")
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("code_hmac")
