"""An unlocked session: the open service, and one signal every screen listens to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from fieldapp.services.field import ContactFilter, FieldService
from fieldapp.services.sync import SyncService

CONTACTS = "contacts"
HANDOVERS = "handovers"


class Session(QObject):
    """Owns the FieldService while unlocked; `close()` drops it (locking, quitting)."""

    changed = Signal(str)  # CONTACTS or HANDOVERS: screens showing them reload

    def __init__(self, service: FieldService, *, demo: bool = False) -> None:
        super().__init__()
        self._service: FieldService | None = service
        self.demo = demo
        self.structure: dict[str, str] = dict(service.structure)
        self._known: list[str] | None = None
        self._sync: SyncService | None = None

    @property
    def sync(self) -> SyncService:
        """One SyncService per session: the view, the badge and the timer share its run lock."""
        if self._sync is None:
            self._sync = SyncService(self.service)
        return self._sync

    @property
    def service(self) -> FieldService:
        if self._service is None:
            raise RuntimeError("session verrouillée")
        return self._service

    @property
    def is_open(self) -> bool:
        return self._service is not None

    def notify(self, what: str) -> None:
        if what == CONTACTS:
            self._known = None
        self.changed.emit(what)

    def known_neighbourhoods(self) -> list[str]:
        """Neighbourhood codes for the pickers: the last one used, then those of recent contacts.

        Stand-in until the reference pack provides the QPV list (DESIGN.md § Reference pack).
        """
        if self._known is None:
            codes: list[str] = []
            last = self.service.last_neighbourhood()
            if last:
                codes.append(last)
            for row in self.service.contacts(ContactFilter(include_voided=True), limit=500):
                code = str(row["neighbourhood"])
                if code not in codes:
                    codes.append(code)
            self._known = [codes[0], *sorted(codes[1:])] if codes else []
        return list(self._known)

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None
        self._sync = None
        self._known = None
