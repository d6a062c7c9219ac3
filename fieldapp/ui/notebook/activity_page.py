"""« Mon activité »: the coordinator's dashboard, on the field notebook's own store."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldapp.ui.coordination.dashboard import Dashboard
from fieldapp.ui.kit.session import Session

__all__ = ["ActivityPage"]


class ActivityPage(Dashboard):
    """ "Mon activité" in the field notebook: the dashboard on the device's own store.

    Built when first shown; the workspace marks it dirty when contacts or handovers change, and
    it recomputes when shown again.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session.service, parent=parent)
        self.dirty = False  # the constructor already started the first computation

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # Qt looks translations up under the object's own class name; the strings are the
        # Dashboard's, and lupdate filed them under it.
        return QCoreApplication.translate("Dashboard", text, disambiguation, n)

    def refresh(self) -> None:
        self.dirty = False
        self.reload()
