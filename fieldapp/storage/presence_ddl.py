"""The DDL of revisions 0009 (field store) and c009 (consolidated store), written once: the
tables of issue 17 (fieldapp/storage/presence_schema.py) as they were at those revisions.
Frozen like any migration: a later change gets its own revision."""

from typing import Any

import sqlalchemy as sa
from alembic import op


def record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_hlc", sa.String(32), nullable=False),
        sa.Column("updated_hlc", sa.String(32), nullable=False),
    ]


def create_tables(*, foreign_keys: bool, **table_options: Any) -> None:
    """The six tables (the consolidated store's copy has no foreign keys, c009)."""

    def parent(table: str) -> list[sa.ForeignKey]:
        return [sa.ForeignKey(f"{table}.id")] if foreign_keys else []

    op.create_table(
        "outings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("slot", sa.String(32), nullable=False),
        sa.Column("neighbourhood", sa.String(16), nullable=False),
        sa.Column("commune", sa.String(5)),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("people_seen", sa.Integer(), nullable=False),
        sa.Column("ambiance", sa.String(16), nullable=False),
        sa.Column("mediations", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text()),
        *record_columns(),
        **table_options,
    )
    op.create_index("ix_outings_date", "outings", ["date"])
    op.create_table(
        "outing_seen",
        sa.Column("outing_id", sa.String(36), *parent("outings"), primary_key=True),
        sa.Column("gender", sa.String(32), primary_key=True),
        sa.Column("age_band", sa.String(16), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        **table_options,
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("neighbourhood", sa.String(16), nullable=False),
        sa.Column("commune", sa.String(5)),
        sa.Column("action_type", sa.String(32), nullable=False),
        sa.Column("employer_count", sa.Integer(), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text()),
        *record_columns(),
        **table_options,
    )
    op.create_index("ix_actions_date", "actions", ["date"])
    op.create_table(
        "action_partners",
        sa.Column("action_id", sa.String(36), *parent("actions"), primary_key=True),
        sa.Column("structure_id", sa.String(128), primary_key=True),
        **table_options,
    )
    op.create_table(
        "action_employers",
        sa.Column("action_id", sa.String(36), *parent("actions"), primary_key=True),
        sa.Column("employer_id", sa.String(128), primary_key=True),
        **table_options,
    )
    op.create_table(
        "action_participants",
        sa.Column("action_id", sa.String(36), *parent("actions"), primary_key=True),
        sa.Column("gender", sa.String(32), primary_key=True),
        sa.Column("age_band", sa.String(16), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        **table_options,
    )
    op.add_column("contacts", sa.Column("outing_id", sa.String(36)))
    op.add_column("contacts", sa.Column("action_id", sa.String(36)))
    op.add_column("handovers", sa.Column("action_id", sa.String(36)))


def drop_tables() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("action_id")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("action_id")
        batch.drop_column("outing_id")
    for table in (
        "action_participants",
        "action_employers",
        "action_partners",
        "actions",
        "outing_seen",
        "outings",
    ):
        op.drop_table(table)
