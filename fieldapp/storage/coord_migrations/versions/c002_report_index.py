"""Consolidated store: covering indexes for the indicators.

Revision ID: c002
Revises: c001

`ix_contacts_report` holds, in this order, the month of the contact (`substr(date, 1, 7)`), its
neighbourhood, device, mode, age band and gender, then what the report's filters and distinct
counts read (voided, date, pseudonym). The contact cube is then grouped in index order without
sorting, and people by month are counted from the index, never from the wide contact rows
(see fieldapp/reports/indicators.py). Written with the constants inline: SQLite and PostgreSQL
match an index on an expression only against the same expression.

`ix_handover_history_report` (handover, status, time) lets the funnel group each handover's
history in index order without reading the history rows.
"""

import sqlalchemy as sa
from alembic import op

revision = "c002"
down_revision = "c001"
branch_labels = None
depends_on = None

REPORT_COLUMNS = (
    "neighbourhood",
    "device_id",
    "contact_mode",
    "age_band",
    "gender",
    "voided",
    "date",
    "pseudonym",
)


def upgrade() -> None:
    op.create_index(
        "ix_contacts_report",
        "contacts",
        [sa.text("substr(date, 1, 7)"), *REPORT_COLUMNS],
    )
    op.create_index(
        "ix_handover_history_report", "handover_history", ["handover_id", "status", "at"]
    )


def downgrade() -> None:
    op.drop_index("ix_handover_history_report", table_name="handover_history")
    op.drop_index("ix_contacts_report", table_name="contacts")
