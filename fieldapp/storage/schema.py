"""Tables of the field store: the event log and the projections built from it.

The event log is the truth; `contacts`, `handovers` and their child tables are projections kept
for fast queries and can be rebuilt from `events` at any time.
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("hlc", String(32), nullable=False),
    Column("type", String(64), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("payload", Text, nullable=False),
    Column("schema", Integer, nullable=False),
    UniqueConstraint("device_id", "seq", name="uq_events_device_seq"),
    Index("ix_events_entity", "entity_id"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("date", String(10), nullable=False),
    Column("slot", String(32), nullable=False),
    Column("neighbourhood", String(16), nullable=False),
    Column("commune", String(5)),
    Column("place_type", String(32), nullable=False),
    Column("contact_mode", String(32), nullable=False),
    Column("age_band", String(16), nullable=False),
    Column("gender", String(32), nullable=False),
    Column("situation", String(32), nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("pseudonym", String(9)),
    Column("note", Text),
    Column("voided", Boolean, nullable=False, default=False),
    Column("void_reason", Text),
    Column("version", Integer, nullable=False, default=1),
    Column("created_hlc", String(32), nullable=False),
    Column("updated_hlc", String(32), nullable=False),
    # Added by revision 0009 (issue 17): the round or joint action the contact came from.
    Column("outing_id", String(36)),
    Column("action_id", String(36)),
)

contact_needs = Table(
    "contact_needs",
    metadata,
    Column("contact_id", String(36), ForeignKey("contacts.id"), primary_key=True),
    Column("need", String(64), primary_key=True),
)

contact_registrations = Table(
    "contact_registrations",
    metadata,
    Column("contact_id", String(36), ForeignKey("contacts.id"), primary_key=True),
    Column("registration", String(32), primary_key=True),
)

# Added by revision 0010: the needs of a contact marked « sans solution » (issue 18).
contact_unmet_needs = Table(
    "contact_unmet_needs",
    metadata,
    Column("contact_id", String(36), ForeignKey("contacts.id"), primary_key=True),
    Column("need", String(64), primary_key=True),
    Column("at", String(32), nullable=False),
)

handovers = Table(
    "handovers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("contact_id", String(36), ForeignKey("contacts.id"), nullable=False),
    Column("partner", String(200), nullable=False),
    Column("partner_structure_id", String(128)),
    Column("partner_service_id", String(128)),
    Column("mode", String(32), nullable=False),
    Column("consent", Boolean, nullable=False),
    Column("follow_up", String(10)),
    Column("status", String(32), nullable=False),
    Column("status_at", String(32), nullable=False),
    Column("created_hlc", String(32), nullable=False),
    Column("updated_hlc", String(32), nullable=False),
    # Added by revision 0007: HMAC of the handover's code relais (domain/relay_code.py); NULL for
    # handovers proposed before it, or on a profile that had not joined a coordination.
    Column("code_hmac", String(64)),
    Column("action_id", String(36)),  # added by revision 0009 (issue 17)
    Index("ix_handovers_contact", "contact_id"),
    Index("ix_handovers_code_hmac", "code_hmac"),
)

handover_history = Table(
    "handover_history",
    metadata,
    Column("event_id", String(36), ForeignKey("events.id"), primary_key=True),
    Column("handover_id", String(36), ForeignKey("handovers.id"), nullable=False),
    Column("status", String(32), nullable=False),
    Column("at", String(32), nullable=False),
    Column("reason", Text),
    Index("ix_handover_history_handover", "handover_id"),
)

# Added by revision 0007: what a receiving structure recorded about a code relais, one row per
# `reception.recorded` event (its entity id). A projection, shared with the coordinator, which
# pairs it with the sender's handover by `code_hmac` (reports/relay_indicators.py).
receptions = Table(
    "receptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("code_hmac", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    Column("date", String(10), nullable=False),
    Column("reason", String(64)),
    Column("created_hlc", String(32), nullable=False),
    Index("ix_receptions_code_hmac", "code_hmac"),
)

# Added by revision 0007: the raw codes relais, on this device only — never in an event, a batch
# or the coordinator (coord_schema does not copy these tables). `relay_codes`: the code given
# with each handover proposed here; `received_codes`: the codes typed or scanned here, for the
# inbox's display, by their HMAC.
relay_codes = Table(
    "relay_codes",
    metadata,
    Column("handover_id", String(36), primary_key=True),
    Column("code", String(16), nullable=False),
)
received_codes = Table(
    "received_codes",
    metadata,
    Column("code_hmac", String(64), primary_key=True),
    Column("code", String(16), nullable=False),
)

# Added by revision 0010: feedback on directory sheets (domain/feedback.py), one row each; no
# person in it, only the sheet's ids, a reason code and a guarded comment.
directory_feedback = Table(
    "directory_feedback",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("structure_id", String(200), nullable=False),
    Column("service_id", String(200)),
    Column("reason", String(32), nullable=False),
    Column("comment", Text),
    Column("date", String(10), nullable=False),
    Column("date_maj", String(10)),
    Column("created_hlc", String(32), nullable=False),
    Index("ix_directory_feedback_structure", "structure_id"),
)

# Secrets and profile facts that must stay inside the encrypted database (device signing key,
# structure, last neighbourhood used...). Values are JSON text.
profile_settings = Table(
    "profile_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Added by revision 0002: the contact list filters by period and neighbourhood;
# the indicators count by need.
# The notebook's filters (date range, need). The consolidated store drops the date and need
# indexes (revision c011): the report reads its covering index instead, and each cost the merge
# one more B-tree entry per contact or need (docs/performance.md); the neighbourhood index
# stays, the report's neighbourhood choices read it.
Index("ix_contacts_date", contacts.c.date, info={"field_only": True})
Index("ix_contacts_neighbourhood", contacts.c.neighbourhood)
Index("ix_contact_needs_need", contact_needs.c.need, info={"field_only": True})

# Added by revision 0005: the contact list's order (newest first) with the voided flag in front,
# so a filtered list (by need, say) walks the index and stops at the page instead of sorting
# every match. The notebook's only: the coordinator never lists contacts (coord_schema skips it).
Index(
    "ix_contacts_list",
    contacts.c.voided,
    contacts.c.date.desc(),
    contacts.c.created_hlc.desc(),
    contacts.c.id,
    info={"field_only": True},
)

# Added by revision 0003: sealed batches until their delivery is confirmed, then until the
# retention period ends. `content` holds the sealed file (already encrypted to the coordinator,
# and inside the encrypted database). Times are UTC, "YYYY-MM-DDTHH:MM:SSZ".
outbox = Table(
    "outbox",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("file_name", String(200), nullable=False),
    Column("first_seq", Integer, nullable=False),
    Column("last_seq", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("state", String(16), nullable=False),  # sealed | delivering | delivered | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", String(32), nullable=False),
    Column("last_attempt", String(32)),
    Column("next_attempt", String(32)),
    Column("reason", Text),  # French text of the last failure (rows older than 0006: only this)
    Column("reason_code", String(32)),  # stable short category of the last failure
    Column("reason_message", Text),  # the same as a catalogue message (storage/stored_text.py)
    Column("delivered_at", String(32)),
    Column("destination", Text),  # where it was delivered (no credentials)
    Column("content", LargeBinary),
    UniqueConstraint("file_name", name="uq_outbox_file_name"),
    CheckConstraint(
        "state IN ('sealed', 'delivering', 'delivered', 'failed')", name="ck_outbox_state"
    ),
    Index("ix_outbox_state", "state"),
)

# Added by revision 0004: who did what and when, for the data-protection officer. Details are
# counts and codes only (fieldapp.storage.audit checks it), never what was recorded.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    Column("actor", String(64), nullable=False),  # the device id, or "coordination"
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),  # JSON object of counts and codes
)

# Added by revision 0008r: what receiving structures confirmed about this device's handovers, from
# the coordinator's last accepted return file (fieldapp/sync/returns.py). The device's own.
partner_confirmations = Table(
    "partner_confirmations",
    metadata,
    Column("handover_id", String(36), primary_key=True),
    Column("status", String(32), nullable=False),
    Column("structure_id", String(128)),
    Column("structure_name", String(200), nullable=False),
    Column("date", String(10), nullable=False),  # YYYY-MM-DD
    Column("received_at", String(32), nullable=False),  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
)
