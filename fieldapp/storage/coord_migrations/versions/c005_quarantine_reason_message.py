"""Consolidated store: the quarantine keeps its reason as a catalogue message too.

Revision ID: c005
Revises: c004

Older rows keep their French `reason` and no `reason_message`: they are shown as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "c005"
down_revision = "c004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("quarantine", sa.Column("reason_message", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("quarantine") as batch:
        batch.drop_column("reason_message")
