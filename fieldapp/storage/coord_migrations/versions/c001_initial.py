"""Consolidated store, first schema: event log, projections, devices, ledger, quarantine.

Revision ID: c001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "c001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hlc", sa.String(32), nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("schema", sa.Integer, nullable=False),
        sa.UniqueConstraint("device_id", "seq", name="uq_events_device_seq"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_events_entity", "events", ["entity_id"])
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("slot", sa.String(32), nullable=False),
        sa.Column("neighbourhood", sa.String(16), nullable=False),
        sa.Column("commune", sa.String(5)),
        sa.Column("place_type", sa.String(32), nullable=False),
        sa.Column("contact_mode", sa.String(32), nullable=False),
        sa.Column("age_band", sa.String(16), nullable=False),
        sa.Column("gender", sa.String(32), nullable=False),
        sa.Column("situation", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("pseudonym", sa.String(9)),
        sa.Column("note", sa.Text),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("void_reason", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_hlc", sa.String(32), nullable=False),
        sa.Column("updated_hlc", sa.String(32), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_contacts_date", "contacts", ["date"])
    op.create_index("ix_contacts_neighbourhood", "contacts", ["neighbourhood"])
    op.create_table(
        "contact_needs",
        sa.Column("contact_id", sa.String(36), primary_key=True),
        sa.Column("need", sa.String(64), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_contact_needs_need", "contact_needs", ["need"])
    op.create_table(
        "contact_registrations",
        sa.Column("contact_id", sa.String(36), primary_key=True),
        sa.Column("registration", sa.String(32), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "handovers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("contact_id", sa.String(36), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.Column("partner_structure_id", sa.String(128)),
        sa.Column("partner_service_id", sa.String(128)),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("follow_up", sa.String(10)),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("status_at", sa.String(32), nullable=False),
        sa.Column("created_hlc", sa.String(32), nullable=False),
        sa.Column("updated_hlc", sa.String(32), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_handovers_contact", "handovers", ["contact_id"])
    op.create_table(
        "handover_history",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("handover_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_handover_history_handover", "handover_history", ["handover_id"])
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("signing_public", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("structure_id", sa.String(128)),
        sa.Column("structure_name", sa.String(200)),
        sa.Column("structure_type", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("status_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "batches",
        sa.Column("batch_id", sa.String(64), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("first_seq", sa.Integer, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("event_count", sa.Integer, nullable=False),
        sa.Column("events_inserted", sa.Integer, nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("merged_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_batches_device", "batches", ["device_id"])
    op.create_table(
        "quarantine",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("batch_id", sa.String(64)),
        sa.Column("device_id", sa.String(64)),
        sa.Column("reason_code", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_attempt", sa.String(32), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "alarms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "alarms",
        "quarantine",
        "batches",
        "devices",
        "handover_history",
        "handovers",
        "contact_registrations",
        "contact_needs",
        "contacts",
        "events",
    ):
        op.drop_table(table)
