"""Tables of the coordinator's consolidated store (SQLCipher file or PostgreSQL).

The event log and the projection tables have the same names and columns as the field store's
(`fieldapp.storage.schema`), so the one projection code serves both; they carry no foreign keys
here, because batches of different devices (or of one device) may arrive in any order.
Beside them: trusted devices, the ledger of merged batches, and the quarantine.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)

from fieldapp.storage import schema as field
from fieldapp.storage.presence_schema import PRESENCE_TABLES

coord_metadata = MetaData()

SHARED_TABLES = (
    field.events,
    field.contacts,
    field.contact_needs,
    field.contact_registrations,
    field.handovers,
    field.handover_history,
    field.receptions,  # revision c007
    field.directory_feedback,
    field.contact_unmet_needs,
    *PRESENCE_TABLES,  # issue 17
)


def _copy_without_foreign_keys(table: Table) -> Table:
    columns = [
        Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
        for c in table.columns
    ]
    # WITHOUT ROWID: the text primary key is the table's own B-tree, one insert less per row
    # (about 17 % off a 1,000,000-event merge; PostgreSQL ignores the option).
    copy = Table(table.name, coord_metadata, *columns, sqlite_with_rowid=False)
    for index in table.indexes:
        if not index.info.get("field_only"):
            Index(index.name, *(copy.c[c.name] for c in index.columns))
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            copy.append_constraint(
                UniqueConstraint(*(c.name for c in constraint.columns), name=constraint.name)
            )
    return copy


for _table in SHARED_TABLES:
    _copy_without_foreign_keys(_table)

# Added by revision c002: the covering index of the indicators (fieldapp/reports/indicators.py),
# in the order they group contacts: month, neighbourhood, device, mode, age band, gender; then
# the columns their filters and distinct counts read. The month is written with its constants
# inline, exactly as the report's queries write it, or the index would not match them.
_contacts = coord_metadata.tables["contacts"]
Index(
    "ix_contacts_report",
    func.substr(_contacts.c.date, literal_column("1"), literal_column("7")),
    *(
        _contacts.c[name]
        for name in (
            "neighbourhood",
            "device_id",
            "contact_mode",
            "age_band",
            "gender",
            "voided",
            "date",
            "pseudonym",
        )
    ),
)
_history = coord_metadata.tables["handover_history"]
Index("ix_handover_history_report", _history.c.handover_id, _history.c.status, _history.c.at)

devices = Table(
    "devices",
    coord_metadata,
    Column("device_id", String(64), primary_key=True),
    Column("signing_public", String(64), nullable=False),  # base64 of the raw Ed25519 key
    Column("fingerprint", String(32), nullable=False),
    Column("structure_id", String(128)),
    Column("structure_name", String(200)),
    Column("structure_type", String(64)),
    Column("status", String(16), nullable=False),  # trusted | suspended | revoked
    Column("enrolled_at", String(32), nullable=False),
    Column("status_at", String(32), nullable=False),
    # Added by revision c006: for a revoked device, the last seq stored from it at revocation.
    Column("last_accepted_seq", Integer),
    # Added by revision c008: the device's X25519 key (base64) its return files are sealed to,
    # and the sequence number of the last one published (sync/returns.py).
    Column("encryption_public", String(64)),
    Column("returns_seq", Integer),
)

batches = Table(
    "batches",
    coord_metadata,
    Column("batch_id", String(64), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file_name", String(255), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("first_seq", Integer, nullable=False),
    Column("last_seq", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    Column("events_inserted", Integer, nullable=False),
    Column("created", String(32), nullable=False),
    Column("merged_at", String(32), nullable=False),
    # Added by revision c006: when the coordinator first saw the file (not the device's word).
    Column("first_seen", String(32)),
    Index("ix_batches_device", "device_id"),
)

quarantine = Table(
    "quarantine",
    coord_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("file_name", String(255), nullable=False),
    Column("batch_id", String(64)),
    Column("device_id", String(64)),
    Column("reason_code", String(32), nullable=False),
    Column("reason", Text, nullable=False),  # French; rows older than c005 have only this
    Column("reason_message", Text),  # the same as a catalogue message (storage/stored_text.py)
    Column("first_seen", String(32), nullable=False),
    Column("last_attempt", String(32), nullable=False),
    Column("content", LargeBinary, nullable=False),
)

# Alarms: the same batch id seen again with different content (a device bug, or tampering).
alarms = Table(
    "alarms",
    coord_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("message", Text, nullable=False),
)

# Added by revision c003: the coordinator's audit log, the same table as the field store's
# (written and read by fieldapp/storage/audit.py with either definition).
audit_log = Table(
    "audit_log",
    coord_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),
)

# Added by revision c010: feedback the coordinator marked handled (`coord directory-feedback
# --handled ID`); apart from the projection, which a re-fold rewrites.
feedback_handled = Table(
    "feedback_handled",
    coord_metadata,
    Column("feedback_id", String(36), primary_key=True),
    Column("at", String(32), nullable=False),
)

# Added by revision c004: decisions the merge must keep applying to batches that arrive later
# (fieldapp/storage/erasure.py): every erased person, and each device's latest purge limit.
erasures = Table(
    "erasures",
    coord_metadata,
    Column("pseudonym", String(9), primary_key=True),
    Column("at", String(32), nullable=False),
)
purges = Table(
    "purges",
    coord_metadata,
    Column("device_id", String(64), primary_key=True),
    Column("before", String(10), nullable=False),
)
