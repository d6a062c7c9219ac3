"""Consolidated store: each device's encryption key and the sequence of its return files.

Revision ID: c008
Revises: c007

`devices.encryption_public`: base64 of the device's X25519 public key from its enrolment (NULL for
devices enrolled before issue 16: they are asked to enrol again before they get return files).
`devices.returns_seq`: the sequence number of the last return file published for the device, so
that every new one is higher and a device refuses an older file put back in the drop.
"""

import sqlalchemy as sa
from alembic import op

revision = "c008"
down_revision = "c007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("encryption_public", sa.String(64)))
    op.add_column("devices", sa.Column("returns_seq", sa.Integer()))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("returns_seq")
        batch.drop_column("encryption_public")
