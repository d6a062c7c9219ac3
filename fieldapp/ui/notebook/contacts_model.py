"""The contact list as a lazily loaded table model (fluid with 50,000 contacts).

When the filter or the sort changes, only a first screenful of rows is read, on the UI thread:
that is what the user waits for. How many contacts match is counted in the background (a full
count can take longer than the rows themselves) and announced with `counted`. Further pages
come through `canFetchMore`/`fetchMore` as the view scrolls; a short page means the end.
Sorting is done by the store (SQL ORDER BY), never by loading everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from fieldapp.domain.display import neighbourhood_label
from fieldapp.domain.vocab import AGE_BANDS, GENDERS, NEEDS, OUTCOMES, PLACE_TYPES, SLOTS
from fieldapp.messages import say
from fieldapp.services import directory
from fieldapp.services.field import ContactFilter, FieldService
from fieldapp.ui.kit.i18n import label, labels, short_date
from fieldapp.ui.kit.rows import Index, Row, RowsModel
from fieldapp.ui.kit.tasks import run_task

FIRST_PAGE = 60  # about two screens of rows: shown as soon as a filter is applied
PAGE_SIZE = 200
NOTE_PREVIEW = 80

# (key, French header); the key is the row field, or the store's sort key when sortable.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", str(QT_TRANSLATE_NOOP("ContactsModel", "Date"))),
    ("slot", str(QT_TRANSLATE_NOOP("ContactsModel", "Créneau"))),
    ("neighbourhood", str(QT_TRANSLATE_NOOP("ContactsModel", "Quartier"))),
    ("outcome", str(QT_TRANSLATE_NOOP("ContactsModel", "Suite donnée"))),
    ("needs", str(QT_TRANSLATE_NOOP("ContactsModel", "Besoins"))),
    ("place_type", str(QT_TRANSLATE_NOOP("ContactsModel", "Lieu"))),
    ("age_band", str(QT_TRANSLATE_NOOP("ContactsModel", "Âge"))),
    ("gender", str(QT_TRANSLATE_NOOP("ContactsModel", "Genre"))),
    ("note", str(QT_TRANSLATE_NOOP("ContactsModel", "Note"))),
)
SORTABLE = {"date", "neighbourhood", "outcome", "age_band"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _cell(key: str, row: dict[str, Any], names: Mapping[str, str] | None = None) -> str:
    value = row.get(key)
    match key:
        case "date":
            return short_date(value)
        case "slot":
            return label(SLOTS, value)
        case "place_type":
            return label(PLACE_TYPES, value)
        case "age_band":
            return label(AGE_BANDS, value)
        case "gender":
            return label(GENDERS, value)
        case "outcome":
            return label(OUTCOMES, value)
        case "needs":
            return labels(NEEDS, value)
        case "neighbourhood":
            commune = row.get("commune")
            where = neighbourhood_label(value, names or {})
            return f"{where} ({commune})" if commune else where
        case "note":
            text = " ".join(str(value or "").split())
            return text if len(text) <= NOTE_PREVIEW else text[: NOTE_PREVIEW - 1] + "…"
    return str(value or "")


class ContactsModel(RowsModel):
    counted = Signal(int)  # how many contacts match the current filter, once known

    def __init__(self, service: FieldService | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._filter = ContactFilter()
        self._total: int | None = 0
        self._exhausted = True
        self._generation = 0  # a count started for an older filter is ignored
        self._sort = "date"
        self._descending = True
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._strike.setItalic(True)
        self._announcing_reset = False

    # -- loading -------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Contacts matching the filter (all pages, loaded or not); counts now if not yet known."""
        if self._total is None:
            self._set_total(self._count_now())
        return self._total or 0

    @property
    def total_known(self) -> int | None:
        """The count if already known, without waiting for it."""
        return self._total

    def _count_now(self) -> int:
        if self._service is None:
            return 0
        if self._exhausted:
            return len(self._rows)
        return self._service.count_contacts(self._filter)

    def _set_total(self, total: int) -> None:
        self._total = total
        self.counted.emit(total)

    @property
    def current_filter(self) -> ContactFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: ContactFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self, *, count_in_background: bool = True) -> None:
        """First rows for the current filter and sort; the count follows (see `counted`)."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._total = 0
        self._exhausted = True
        if self._service is not None:
            self._rows = self._page(0, FIRST_PAGE)
            self._exhausted = len(self._rows) < FIRST_PAGE
            self._total = len(self._rows) if self._exhausted else None
        self._end_reset()
        if self._total is not None:
            self.counted.emit(self._total)
        elif count_in_background:
            self._count_in_background()
        else:
            self._set_total(self._count_now())

    def _count_in_background(self) -> None:
        service, flt, generation = self._service, self._filter, self._generation
        if service is None:
            return

        def work(_progress: Any) -> int:
            return service.count_contacts(flt)

        def done(total: object) -> None:
            if generation == self._generation and self._total is None:
                assert isinstance(total, int)
                self._set_total(total)

        run_task(work, context=self, on_done=done)

    def _end_reset(self) -> None:
        # Listeners of modelReset (Qt's model tester among them) may ask for more rows while
        # the reset is still being announced; inserting then would nest two changes, so the
        # next page waits until the announcement is over (views ask again on their next pass).
        self._announcing_reset = True
        try:
            self.endResetModel()
        finally:
            self._announcing_reset = False

    def clear(self) -> None:
        """Forget every row and the service (locking drops decrypted data)."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._total = 0
        self._exhausted = True
        self._service = None
        self._end_reset()

    def _page(self, offset: int, limit: int = PAGE_SIZE) -> list[dict[str, Any]]:
        assert self._service is not None
        return self._service.contacts(
            self._filter,
            offset=offset,
            limit=limit,
            sort=self._sort,
            descending=self._descending,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return (
            not parent.isValid()
            and not self._announcing_reset
            and self._service is not None
            and not self._exhausted
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        page = self._page(len(self._rows))
        self._exhausted = len(page) < PAGE_SIZE
        self.append_rows(page)
        if self._exhausted and self._total != len(self._rows):
            self._set_total(len(self._rows))  # the end is known: so is the count

    def _names(self) -> Mapping[str, str]:
        """The pack's neighbourhood names (the pack and its names are cached by the services)."""
        if self._service is None:
            return {}
        return directory.neighbourhood_names(directory.current_pack(self._service))

    # -- Qt model interface --------------------------------------------------------------------

    def column_count(self) -> int:
        return len(COLUMNS)

    def cell(self, row: Row, column: int, role: int) -> Any:
        key = COLUMNS[column][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = _cell(key, row, self._names() if key == "neighbourhood" else None)
            if key == "date" and row.get("voided"):
                # Not by strike-through alone: the word says it too.
                text += " · " + QCoreApplication.translate("ContactsModel", "annulé")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "note" and row.get("note"):
                return str(row["note"])
            if row.get("voided"):
                reason = row.get("void_reason") or ""
                return QCoreApplication.translate("ContactsModel", "Annulé : %1").replace(
                    "%1", str(reason)
                )
            return None
        if role == Qt.ItemDataRole.FontRole and row.get("voided"):
            return self._strike
        if role == ID_ROLE:
            return row["id"]
        return None

    def header(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ContactsModel", COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "date" == self._sort:
            # The words under the arrow: which way the dates run.
            return say(
                "ui.contacts.sorted_newest" if self._descending else "ui.contacts.sorted_oldest"
            )
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] in SORTABLE:
            return QCoreApplication.translate("ContactsModel", "Cliquer pour trier")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][0]
        if key not in SORTABLE:
            return  # the store only sorts on indexed columns
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._service is not None:
            self.reload()

    def sort_column(self) -> int:
        return next(i for i, (key, _h) in enumerate(COLUMNS) if key == self._sort)

    # -- helpers for the views -----------------------------------------------------------------

    def contact_id(self, row: int) -> str | None:
        return str(self._rows[row]["id"]) if 0 <= row < len(self._rows) else None

    def row_of(self, contact_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row["id"] == contact_id:
                return n
        return -1

    def loaded(self) -> list[dict[str, Any]]:
        return list(self._rows)
