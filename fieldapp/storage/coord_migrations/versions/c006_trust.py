"""Consolidated store: what the coordinator itself knows about batches and revoked devices.

Revision ID: c006
Revises: c005

`batches.first_seen`: when the coordinator first saw the batch file (its quarantine time if it
waited there, else its merge time); older rows keep NULL. `devices.last_accepted_seq`: for a
revoked device, the last seq stored from it when it was revoked; revoked devices of older stores
get the highest seq stored from them now (nothing of theirs was accepted since the revocation
except batches the old rule let through, which are kept).
"""

import sqlalchemy as sa
from alembic import op

revision = "c006"
down_revision = "c005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("batches", sa.Column("first_seen", sa.String(32)))
    op.add_column("devices", sa.Column("last_accepted_seq", sa.Integer()))
    op.execute(
        "UPDATE devices SET last_accepted_seq = (SELECT COALESCE(MAX(seq), 0) FROM events "
        "WHERE events.device_id = devices.device_id) WHERE status = 'revoked'"
    )


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("last_accepted_seq")
    with op.batch_alter_table("batches") as batch:
        batch.drop_column("first_seen")
