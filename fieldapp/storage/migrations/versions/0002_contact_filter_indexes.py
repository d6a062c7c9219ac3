"""Indexes for the contact list filters (period, neighbourhood) and per-need indicators.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_contacts_date", "contacts", ["date"])
    op.create_index("ix_contacts_neighbourhood", "contacts", ["neighbourhood"])
    op.create_index("ix_contact_needs_need", "contact_needs", ["need"])


def downgrade() -> None:
    op.drop_index("ix_contact_needs_need", "contact_needs")
    op.drop_index("ix_contacts_neighbourhood", "contacts")
    op.drop_index("ix_contacts_date", "contacts")
