"""Consolidated store: erased persons and purge limits, kept for batches merged later.

Revision ID: c004
Revises: c003

Filled from the tombstones already merged, so an upgraded store applies them too.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "c004"
down_revision = "c003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    erasures = op.create_table(
        "erasures",
        sa.Column("pseudonym", sa.String(9), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
    )
    purges = op.create_table(
        "purges",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("before", sa.String(10), nullable=False),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT device_id, type, payload, hlc FROM events "
            "WHERE type IN ('person.erased', 'records.purged')"
        )
    ).all()
    erased: dict[str, str] = {}
    limits: dict[str, str] = {}
    for device_id, kind, payload, hlc in rows:
        data = json.loads(payload)
        if kind == "person.erased":
            erased.setdefault(str(data["pseudonym"]), str(hlc))
        else:
            limits[device_id] = max(limits.get(device_id, ""), str(data["before"]))
    if erased:
        op.bulk_insert(erasures, [{"pseudonym": p, "at": at} for p, at in erased.items()])
    if limits:
        op.bulk_insert(purges, [{"device_id": d, "before": b} for d, b in limits.items()])


def downgrade() -> None:
    op.drop_table("purges")
    op.drop_table("erasures")
