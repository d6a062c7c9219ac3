"""The contact list's order as an index, so filtered lists stop at the page (see schema.py).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_contacts_list",
        "contacts",
        ["voided", sa.text("date DESC"), sa.text("created_hlc DESC"), "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_contacts_list", "contacts")
