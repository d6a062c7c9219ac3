"""The outbox keeps the reason of a failure as a catalogue message too, read in any language.

Revision ID: 0006
Revises: 0005

Older rows keep their French `reason` and no `reason_message`: they are shown as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("reason_message", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("reason_message")
