"""Consolidated store: drop two indexes no coordinator query reads (issue 19).

Revision ID: c011
Revises: c010

`ix_contacts_date` and `ix_contact_needs_need` serve the notebook's contact-list filters. The
coordinator's report filters dates through its covering index `ix_contacts_report` (and reads
`contacts.date` unindexed on purpose), and reads needs by contact. Each index cost the merge one
more B-tree insert per contact or per need, at a random place (docs/performance.md, « Merge
into the coordinator's store »). A purge by date (`erasure.contacts_before`) finds its contacts
through the report index's leading month instead.
"""

from alembic import op

revision = "c011"
down_revision = "c010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_contacts_date", "contacts")
    op.drop_index("ix_contact_needs_need", "contact_needs")


def downgrade() -> None:
    op.create_index("ix_contact_needs_need", "contact_needs", ["need"])
    op.create_index("ix_contacts_date", "contacts", ["date"])
