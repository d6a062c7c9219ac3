"""First schema: event log, contact and handover projections, encrypted profile settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
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
    )
    op.create_table(
        "contact_needs",
        sa.Column("contact_id", sa.String(36), sa.ForeignKey("contacts.id"), primary_key=True),
        sa.Column("need", sa.String(64), primary_key=True),
    )
    op.create_table(
        "contact_registrations",
        sa.Column("contact_id", sa.String(36), sa.ForeignKey("contacts.id"), primary_key=True),
        sa.Column("registration", sa.String(32), primary_key=True),
    )
    op.create_table(
        "handovers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("contact_id", sa.String(36), sa.ForeignKey("contacts.id"), nullable=False),
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
    )
    op.create_index("ix_handovers_contact", "handovers", ["contact_id"])
    op.create_table(
        "handover_history",
        sa.Column("event_id", sa.String(36), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("handover_id", sa.String(36), sa.ForeignKey("handovers.id"), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_handover_history_handover", "handover_history", ["handover_id"])
    op.create_table(
        "profile_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "profile_settings",
        "handover_history",
        "handovers",
        "contact_registrations",
        "contact_needs",
        "contacts",
        "events",
    ):
        op.drop_table(table)
