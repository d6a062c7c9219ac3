"""Contacts: filter bar, lazily loaded table, and the selected contact's card; the contact
chooser a handover started elsewhere (the Annuaire) asks with."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.contacts import HORS_QPV
from fieldapp.domain.display import neighbourhood_label
from fieldapp.domain.vocab import NEEDS, OUTCOMES
from fieldapp.messages import say
from fieldapp.services import directory
from fieldapp.services.field import ContactFilter
from fieldapp.ui.kit.i18n import label, locale, pydate, qdate
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.tables import SortHeader
from fieldapp.ui.kit.widgets import (
    EmptyState,
    dialog_buttons,
    link_button,
    muted_label,
    primary_button,
    title_label,
)
from fieldapp.ui.notebook.contact_detail import ContactDetail
from fieldapp.ui.notebook.contacts_model import ContactsModel

TEXT_DEBOUNCE_MS = 250
MAX_COLUMN = 240  # a column sized to its content stops there (the notes take what is left)
PERIODS = ("all", "today", "7d", "30d", "month", "12m", "custom")


def period_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    match key:
        case "today":
            return today, today
        case "7d":
            return today - timedelta(days=6), today
        case "30d":
            return today - timedelta(days=29), today
        case "month":
            return today.replace(day=1), today
        case "12m":
            return today - timedelta(days=364), today
    return None, None


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.period = QComboBox(self)
        names = {
            "all": self.tr("Toutes les dates"),
            "today": self.tr("Aujourd'hui"),
            "7d": self.tr("7 derniers jours"),
            "30d": self.tr("30 derniers jours"),
            "month": self.tr("Ce mois-ci"),
            "12m": self.tr("12 derniers mois"),
            "custom": self.tr("Période choisie…"),
        }
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setAccessibleName(self.tr("Période"))
        today = date.today()
        self.date_from = QDateEdit(qdate(today - timedelta(days=30)), self)
        self.date_to = QDateEdit(qdate(today), self)
        for edit, name in ((self.date_from, self.tr("Du")), (self.date_to, self.tr("Au"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
            edit.hide()
        self.neighbourhood = QComboBox(self)
        self.neighbourhood.setAccessibleName(self.tr("Quartier"))
        self.need = QComboBox(self)
        self.need.setAccessibleName(self.tr("Besoin"))
        self.need.addItem(self.tr("Tous les besoins"), None)
        for term in NEEDS:
            self.need.addItem(label(NEEDS, term.code), term.code)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(self.tr("Suite donnée"))
        self.outcome.addItem(self.tr("Toutes les suites"), None)
        for term in OUTCOMES:
            self.outcome.addItem(label(OUTCOMES, term.code), term.code)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Chercher dans les notes…"))
        self.text.setAccessibleName(self.tr("Texte cherché dans les notes"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(170)
        self.voided = QCheckBox(self.tr("Annulés"), self)
        self.voided.setToolTip(self.tr("Afficher aussi les contacts annulés"))
        self.reset_button = link_button(self.tr("Effacer les filtres"), self)
        for combo in (self.period, self.neighbourhood, self.need, self.outcome):
            # Narrow in the bar, full labels in the drop-down list.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(11)
        for widget in (
            self.period,
            self.date_from,
            self.date_to,
            self.neighbourhood,
            self.need,
            self.outcome,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.voided)
        layout.addWidget(self.reset_button)
        self.fill_neighbourhoods()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed.emit)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (self.neighbourhood, self.need, self.outcome):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.date_from.dateChanged.connect(lambda _d: self.changed.emit())
        self.date_to.dateChanged.connect(lambda _d: self.changed.emit())
        self.voided.toggled.connect(lambda _on: self.changed.emit())
        self.reset_button.clicked.connect(self.reset)

    def fill_neighbourhoods(self) -> None:
        current = self.neighbourhood.currentData()
        self.neighbourhood.blockSignals(True)
        self.neighbourhood.clear()
        self.neighbourhood.addItem(self.tr("Tous les quartiers"), None)
        names = directory.neighbourhood_names(directory.current_pack(self.session.service))
        for code in sorted(self.session.known_neighbourhoods()):
            self.neighbourhood.addItem(neighbourhood_label(code, names), code)
        self.neighbourhood.addItem(self.tr("Hors QPV"), HORS_QPV)
        index = self.neighbourhood.findData(current) if current else 0
        self.neighbourhood.setCurrentIndex(max(index, 0))
        self.neighbourhood.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.changed.emit()

    def flush(self) -> None:
        """Apply a pending text search at once (Enter, tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def reset(self) -> None:
        widgets = (self.period, self.neighbourhood, self.need, self.outcome, self.text, self.voided)
        for widget in widgets:
            widget.blockSignals(True)
        self.period.setCurrentIndex(0)
        self.neighbourhood.setCurrentIndex(0)
        self.need.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.text.clear()
        self.voided.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.date_from.hide()
        self.date_to.hide()
        self.changed.emit()

    def current(self, today: date | None = None) -> ContactFilter:
        key = str(self.period.currentData())
        if key == "custom":
            start: date | None = pydate(self.date_from.date())
            end: date | None = pydate(self.date_to.date())
        else:
            start, end = period_bounds(key, today or date.today())
        text = self.text.text().strip()
        return ContactFilter(
            date_from=start,
            date_to=end,
            neighbourhood=self.neighbourhood.currentData(),
            need=self.need.currentData(),
            outcome=self.outcome.currentData(),
            text=text or None,
            include_voided=self.voided.isChecked(),
        )


class ContactsPage(QWidget):
    new_requested = Signal()
    import_requested = Signal()
    edit_requested = Signal(str)
    handover_requested = Signal(str)
    void_requested = Signal(str)
    erase_requested = Signal(str)
    handover_opened = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.session = session
        self.dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        head = QHBoxLayout()
        head.addWidget(title_label(self.tr("Contacts"), self))
        self.count_label = muted_label("", self)
        self.count_label.setWordWrap(False)
        head.addWidget(self.count_label)
        head.addStretch(1)
        self.import_button = QPushButton(icon("import"), self.tr("Importer un tableur…"), self)
        self.new_button = primary_button(self.tr("Nouveau contact"), self)
        self.new_button.setIcon(icon("add"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        head.addWidget(self.import_button)
        head.addWidget(self.new_button)
        layout.addLayout(head)

        self.filters = FilterBar(session, self)
        layout.addWidget(self.filters)

        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.model = ContactsModel(session.service, self)
        self.table = QTableView(splitter)
        # The arrow points the way the dates run: ▼ newest first (Qt's default shows ▲).
        self.table.setHorizontalHeader(SortHeader(self.table))
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Liste des contacts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.model.modelReset.connect(self._fit_columns)
        self.detail = ContactDetail(session, splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 340])
        layout.addWidget(splitter, 1)
        self.empty = EmptyState(
            say("ui.contacts.empty_title"), say("ui.contacts.empty"), parent=self
        )
        self.empty_new = primary_button(self.tr("Nouveau contact"), self.empty)
        self.empty_new.clicked.connect(self.new_requested.emit)
        self.empty.add_action(self.empty_new)
        self.empty_reset = link_button(self.tr("Effacer les filtres"), self.empty)
        self.empty_reset.clicked.connect(self.filters.reset)
        self.empty.add_action(self.empty_reset)
        self.empty.hide()
        layout.addWidget(self.empty, 1)

        self.filters.changed.connect(self.apply_filter)
        self.model.counted.connect(lambda _n: self._update_count())
        self.filters.text.returnPressed.connect(self.filters.flush)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._edit_index)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.detail.edit_requested.connect(self.edit_requested.emit)
        self.detail.handover_requested.connect(self.handover_requested.emit)
        self.detail.void_requested.connect(self.void_requested.emit)
        self.detail.erase_requested.connect(self.erase_requested.emit)
        self.detail.handover_opened.connect(self.handover_opened.emit)

    def refresh(self) -> None:
        """Reload after a change elsewhere, keeping the filter and the selected contact."""
        self.dirty = False
        selected = self.detail.contact_id
        self.filters.fill_neighbourhoods()
        self.model.reload()
        self._update_count()
        if selected:
            self.select(selected)

    def apply_filter(self) -> None:
        self.model.set_filter(self.filters.current())
        self._update_count()
        self.detail.show_empty()

    def select(self, contact_id: str) -> None:
        row = self.model.row_of(contact_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.detail.show_contact(contact_id)

    def _fit_columns(self) -> None:
        """Columns as wide as what they show (first screenful), the notes taking the rest."""
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))

    def focus_home(self) -> None:
        """Where the keyboard goes back after a dialog: the list (or the way out of empty)."""
        if self.empty.isVisible():
            (self.empty_reset if self.empty_reset.isVisible() else self.empty_new).setFocus()
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_empty_state(self, total: int | None) -> None:
        empty = total == 0
        if empty:
            filtered = self.model.current_filter != ContactFilter()
            self.empty.heading.setText(
                say("ui.contacts.none_match_title" if filtered else "ui.contacts.empty_title")
            )
            self.empty.text.setText(
                say("ui.contacts.none_match" if filtered else "ui.contacts.empty")
            )
            self.empty_reset.setVisible(filtered)
            self.empty_new.setVisible(not filtered)
        self.empty.setVisible(empty)
        self.splitter.setVisible(not empty)

    def _update_count(self) -> None:
        total = self.model.total_known
        self._show_empty_state(total)
        if total is None:
            self.count_label.setText(self.tr("comptage…"))
            return
        text = locale().toString(total)
        self.count_label.setText(
            self.tr("%1 contact").replace("%1", text)
            if total == 1
            else self.tr("%1 contacts").replace("%1", text)
        )

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)
        if column != self.model.sort_column():
            # Not a sortable column: put the arrow back where the order really is.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            _key, descending = self.model.sort_key
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            contact_id = self.model.contact_id(indexes[0].row())
            if contact_id:
                self.detail.show_contact(contact_id)

    def _edit_index(self, index: QModelIndex) -> None:
        # Enter or double-click on a row: amend that contact.
        contact_id = self.model.contact_id(index.row())
        if contact_id:
            self.edit_requested.emit(contact_id)

    def clear(self) -> None:
        self.model.clear()
        self.detail.show_empty()


class ContactChooser(QDialog):
    """Which contact a handover started elsewhere (the Annuaire) is for: newest first, Entrée
    or « Choisir ce contact » picks the highlighted one (`chosen` carries its id)."""

    chosen = Signal(str)

    def __init__(
        self, session: Session, selected: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(say("ui.chooser.title"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(say("ui.chooser.title"), self, sub=True))
        layout.addWidget(muted_label(say("ui.chooser.intro"), self))
        self.model = ContactsModel(session.service, self)
        self.model.reload(count_in_background=False)
        self.table = QTableView(self)
        self.table.setHorizontalHeader(SortHeader(self.table))
        self.table.setModel(self.model)
        self.table.setAccessibleName(say("ui.chooser.title"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        self.empty = muted_label(say("ui.chooser.empty"), self)
        self.empty.setVisible(self.model.rowCount() == 0)
        layout.addWidget(self.empty)
        self.back_button, self.choose_button = dialog_buttons(
            self, layout, self.tr("Annuler"), say("ui.chooser.choose")
        )
        self.choose_button.setDefault(True)
        self.choose_button.setEnabled(self.model.rowCount() > 0)
        self.choose_button.clicked.connect(self.choose)
        self.table.activated.connect(lambda _index: self.choose())
        row = self.model.row_of(selected) if selected else -1
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self.table.setFocus()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact_id(rows[0].row()) if rows else None

    def choose(self) -> None:
        contact_id = self.current_id()
        if contact_id:
            self.chosen.emit(contact_id)
            self.accept()
