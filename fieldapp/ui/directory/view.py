"""Annuaire: search the partner directory, read a service card, start a handover from it.

`DirectoryView(pack_provider, on_create_handover)`:

- `pack_provider()` returns the current reference pack (`services.directory.current_pack`);
  `refresh()` asks for it again, e.g. after a pack import;
- `on_create_handover(service)` receives the data·inclusion service record (a dict; its
  `structure_id` names the structure) when the worker clicks "Créer un relais vers ce service",
  double-clicks a result or presses Entrée on it. The `handoverRequested` signal carries the same.

`show_for_contact(contact)` ranks the results for a contact (as `FieldService.contact()` returns
it) and shows the reasons under each service ("besoin mobilité ✓, jeunes 16-25 ✓, zone ✓");
`show_for_contact(None)` goes back to the plain directory. `rank_view(...)` builds a view already
set for a contact (the handover dialog's partner picker).

Only `fieldapp.services.directory` is used: the search and the ranking live there, not here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import directory
from fieldapp.ui.kit.widgets import Banner

PackProvider = Callable[[], directory.Pack]
HandoverCallback = Callable[[Mapping[str, Any]], None]

# The application's palette (fieldapp/ui/kit/style.py), repeated so this view stands on its own.
_PRIMARY = "#1f6f78"
_PRIMARY_DARK = "#17555c"
_PRIMARY_SOFT = "#e3f1f1"
_TEXT = "#1f2a37"
_MUTED = "#5b6776"
_BORDER = "#d5dbe3"
_OK = "#1d7a4d"
_NO = "#b42318"
_CHECK = "#8a4b06"
_WARNING_SOFT = "#fdf3dc"

_STYLE = f"""
#directoryView QFrame#dirCard {{ background: #ffffff; border: 1px solid {_BORDER};
    border-radius: 8px; }}
#directoryView QListView#dirResults {{ background: #ffffff; border: 1px solid {_BORDER};
    border-radius: 8px; outline: none; }}
#directoryView QTextBrowser#dirCardText {{ border: none; background: transparent; }}
#directoryView QLabel#dirTitle {{ font-size: 16pt; font-weight: 600; color: {_TEXT}; }}
#directoryView QLabel#dirMuted {{ color: {_MUTED}; }}
#directoryView QFrame#dirBanner {{ background: {_WARNING_SOFT}; border: 1px solid #f0d9a8;
    border-radius: 6px; }}
#directoryView QFrame#dirContact {{ background: {_PRIMARY_SOFT}; border: 1px solid #b8d8da;
    border-radius: 6px; }}
#directoryView QPushButton#dirCreate {{ background: {_PRIMARY}; color: white;
    border: 1px solid {_PRIMARY_DARK}; border-radius: 6px; padding: 7px 16px;
    font-weight: 600; }}
#directoryView QPushButton#dirCreate:hover {{ background: {_PRIMARY_DARK}; }}
#directoryView QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
#directoryView QScrollBar::handle:vertical {{ background: #c3cad3; border-radius: 3px;
    min-height: 32px; }}
#directoryView QScrollBar::handle:vertical:hover {{ background: #a9b2bd; }}
#directoryView QScrollBar::add-line:vertical, #directoryView QScrollBar::sub-line:vertical {{
    height: 0; }}
#directoryView QScrollBar::add-page:vertical, #directoryView QScrollBar::sub-page:vertical {{
    background: none; }}
#directoryView QPushButton#dirCreate:disabled {{ background: #9dbfc2; border-color: #9dbfc2; }}
"""

_ROLE_ENTRY = Qt.ItemDataRole.UserRole + 1
_ROLE_HINTS = Qt.ItemDataRole.UserRole + 2


def format_phone(number: str) -> str:
    """+33261910001 -> 02 61 91 00 01 (French numbers); anything else as written."""
    digits = number.replace(" ", "").replace(".", "")
    if digits.startswith("+33") and len(digits) == 12 and digits[3:].isdigit():
        digits = "0" + digits[3:]
    if len(digits) == 10 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return number


class _ResultsModel(QAbstractListModel):
    """The results, one row per service; big lists stay cheap (no widget per row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[directory.Entry] = []
        self._hints: list[directory.Ranked | None] = []

    def set_results(
        self, entries: Sequence[directory.Entry], hints: Sequence[directory.Ranked | None]
    ) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._hints = list(hints) or [None] * len(self._entries)
        self.endResetModel()

    def entry(self, row: int) -> directory.Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def hint(self, row: int) -> directory.Ranked | None:
        return self._hints[row] if 0 <= row < len(self._hints) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            hint = self.hint(index.row())
            text = f"{entry.name} — {entry.structure_name}"
            return f"{text} ({hint.summary})" if hint is not None else text
        if role == _ROLE_ENTRY:
            return entry
        if role == _ROLE_HINTS:
            return self.hint(index.row())
        return None


class _ResultDelegate(QStyledItemDelegate):
    """Service name in bold, structure and commune below, eligibility reasons in colour."""

    PAD = 10

    def _lines(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() - 0.5, 8.0))
        return bold, small, QFontMetrics(bold).height()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        _bold, small, line = self._lines(option)
        # Reasons get two lines: they wrap rather than hide the zone behind an ellipsis.
        lines = 2 + (2 if index.data(_ROLE_HINTS) is not None else 0)
        return QSize(200, self.PAD * 2 + line + (lines - 1) * (QFontMetrics(small).height() + 2))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: directory.Entry | None = index.data(_ROLE_ENTRY)
        if entry is None:
            return
        hint: directory.Ranked | None = index.data(_ROLE_HINTS)
        rect: QRect = option.rect
        state = option.state
        painter.save()
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(_PRIMARY_SOFT))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(_PRIMARY))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#f4f6f8"))
        painter.setPen(QColor("#edf0f3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        bold, small, line = self._lines(option)
        small_h = QFontMetrics(small).height() + 2
        x, y, width = rect.left() + self.PAD + 4, rect.top() + self.PAD, rect.width() - 2 * self.PAD
        painter.setFont(bold)
        painter.setPen(QColor(_TEXT))
        name = QFontMetrics(bold).elidedText(entry.name, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignVCenter, name)
        y += line
        painter.setFont(small)
        painter.setPen(QColor(_MUTED))
        place = entry.service.get("commune") or ""
        second = entry.structure_name + (f" · {place}" if place else "")
        second = QFontMetrics(small).elidedText(second, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, small_h), Qt.AlignmentFlag.AlignVCenter, second)
        y += small_h
        if hint is not None:
            self._paint_reasons(painter, hint, QRect(x, y, width, small_h * 2), small)
        painter.restore()

    @staticmethod
    def _paint_reasons(painter: QPainter, hint: directory.Ranked, area: QRect, font: QFont) -> None:
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        x, y, last_line = area.left(), area.top(), area.top() + height
        for n, reason in enumerate(hint.reasons):
            text = reason.text + ("," if n < len(hint.reasons) - 1 else "")
            advance = metrics.horizontalAdvance(text + " ")
            if x + advance > area.right() and x > area.left():
                if y >= last_line:
                    painter.setPen(QColor(_MUTED))
                    painter.drawText(QRect(x, y, area.right() - x, height), 0, "…")
                    break
                x, y = area.left(), y + height
            colour = _OK if reason.ok else (_NO if reason.ok is False else _CHECK)
            painter.setPen(QColor(colour))
            painter.drawText(QRect(x, y, advance, height), 0, text)
            x += advance


class _ResultsList(QListView):
    activatedByKey = Signal(QModelIndex)  # noqa: N815 -- Qt signal naming

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedByKey.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _SearchBox(QLineEdit):
    """Down arrow or Entrée go to the results, so the keyboard never has to leave the view."""

    moveToResults = Signal()  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.moveToResults.emit()
            return
        super().keyPressEvent(event)


class DirectoryView(QWidget):
    """The Annuaire page (see the module docstring)."""

    handoverRequested = Signal(object)  # noqa: N815 -- the service record (dict)
    install_requested = Signal()  # « Installer un pack… »: the workspace picks and installs it

    def __init__(
        self,
        pack_provider: PackProvider,
        on_create_handover: HandoverCallback | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directoryView")
        self.setStyleSheet(_STYLE)
        self._provider = pack_provider
        self._on_create = on_create_handover
        self._pack: directory.Pack | None = None
        self._contact: Mapping[str, Any] | None = None
        self._commune_names: dict[str, str] = {}
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)

        head = QHBoxLayout()
        title = QLabel(self.tr("Annuaire des partenaires"), self)
        title.setObjectName("dirTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.pack_label = QLabel(self)
        self.pack_label.setObjectName("dirMuted")
        head.addWidget(self.pack_label)
        self.install_button = QPushButton(self.tr("Installer un pack…"), self)
        self.install_button.setToolTip(
            self.tr("Le pack de référence signé envoyé par votre coordination (.relais-pack)")
        )
        self.install_button.clicked.connect(self.install_requested.emit)
        head.addWidget(self.install_button)
        outer.addLayout(head)
        self.notice = Banner("", parent=self)
        self.notice.hide()
        outer.addWidget(self.notice)

        self.demo_banner = QFrame(self)
        self.demo_banner.setObjectName("dirBanner")
        banner_layout = QHBoxLayout(self.demo_banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        banner_text = QLabel(
            self.tr(
                "Annuaire de démonstration : structures et quartiers fictifs. Il sera remplacé "
                "par le pack de votre coordination."
            ),
            self.demo_banner,
        )
        banner_text.setWordWrap(True)
        banner_layout.addWidget(banner_text)
        outer.addWidget(self.demo_banner)

        self.contact_frame = QFrame(self)
        self.contact_frame.setObjectName("dirContact")
        contact_layout = QHBoxLayout(self.contact_frame)
        contact_layout.setContentsMargins(12, 6, 8, 6)
        self.contact_label = QLabel(self.contact_frame)
        self.contact_label.setWordWrap(True)
        contact_layout.addWidget(self.contact_label, 1)
        self.clear_contact_button = QPushButton(self.tr("Voir tout l'annuaire"), self.contact_frame)
        self.clear_contact_button.clicked.connect(lambda: self.show_for_contact(None))
        contact_layout.addWidget(self.clear_contact_button)
        self.contact_frame.hide()
        outer.addWidget(self.contact_frame)

        self.search = _SearchBox(self)
        self.search.setPlaceholderText(
            self.tr("Rechercher un service ou une structure (ex. : permis, logement, CV)…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Rechercher dans l'annuaire"))
        self.search.textChanged.connect(self._apply)
        self.search.moveToResults.connect(self._focus_results)
        outer.addWidget(self.search)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.need_filter = self._combo(self.tr("Besoin"), filters)
        self.public_filter = self._combo(self.tr("Public"), filters)
        self.type_filter = self._combo(self.tr("Type"), filters)
        self.commune_filter = self._combo(self.tr("Commune"), filters)
        self.reset_button = QPushButton(self.tr("Effacer les filtres"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        outer.addLayout(filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("dirMuted")
        outer.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget(splitter)
        self.model = _ResultsModel(self)
        self.results = _ResultsList(self.stack)
        self.results.setObjectName("dirResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(_ResultDelegate(self.results))
        self.results.setMouseTracking(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAccessibleName(self.tr("Services trouvés"))
        self.results.selectionModel().currentChanged.connect(self._show_current)
        self.results.doubleClicked.connect(self._create_from_index)
        self.results.activatedByKey.connect(self._create_from_index)
        self.stack.addWidget(self.results)
        self.empty = QLabel(
            self.tr("Aucun service ne correspond.\nEssayez un autre mot, ou retirez un filtre."),
            self.stack,
        )
        self.empty.setObjectName("dirMuted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        self.card = QFrame(splitter)
        self.card.setObjectName("dirCard")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        self.card_text = QTextBrowser(self.card)
        self.card_text.setObjectName("dirCardText")
        self.card_text.setOpenLinks(False)
        self.card_text.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.card_text.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        self.card_text.setPalette(palette)
        card_layout.addWidget(self.card_text, 1)
        self.create_button = QPushButton(self.tr("Créer un relais vers ce service"), self.card)
        self.create_button.setObjectName("dirCreate")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.create_button.clicked.connect(self._create_from_card)
        card_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 560])
        outer.addWidget(splitter, 1)

    def _combo(self, caption: str, row: QHBoxLayout) -> QComboBox:
        label = QLabel(caption, self)
        combo = QComboBox(self)
        combo.setAccessibleName(caption)
        # Same width for the four filters; the open list is as wide as its longest label.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.setMaxVisibleItems(20)
        label.setBuddy(combo)
        combo.currentIndexChanged.connect(self._apply)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    # -- data ------------------------------------------------------------------------------------

    @property
    def pack(self) -> directory.Pack:
        assert self._pack is not None
        return self._pack

    def show_notice(self, text: str, *, error: bool = False) -> None:
        """The result of installing a pack, in words, above the list."""
        self.notice.setObjectName("errorBanner" if error else "banner")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.set_text(text)
        self.notice.show()

    def refresh(self) -> None:
        """Ask the provider for the current pack and show it (filters keep their values)."""
        self._pack = self._provider()
        pack = self._pack
        if pack.demo:
            self.pack_label.setText(self.tr("Démonstration — données fictives"))
        else:
            where = f" · {pack.coordination}" if pack.coordination else ""
            self.pack_label.setText(
                self.tr("Pack n° {version} du {day}{where}").format(
                    version=pack.version, day=_french_date(pack.date), where=where
                )
            )
        self.demo_banner.setVisible(pack.demo)
        self._fill(self.need_filter, self.tr("Tous les besoins"), directory.need_choices())
        self._fill(self.public_filter, self.tr("Tous les publics"), directory.public_choices())
        self._fill(self.type_filter, self.tr("Tous les types"), directory.type_choices())
        communes = directory.communes(pack)
        self._commune_names = dict(communes)
        self._fill(self.commune_filter, self.tr("Toutes les communes"), communes)
        self._apply()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: Sequence[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in choices:
            combo.addItem(text, code)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        found = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def reset_filters(self) -> None:
        for combo in (self.need_filter, self.public_filter, self.type_filter, self.commune_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()  # triggers _apply
        self._apply()

    def set_filters(
        self,
        *,
        text: str | None = None,
        need: str | None = None,
        public: str | None = None,
        type: str | None = None,
        commune: str | None = None,
    ) -> None:
        """Set the search and filters at once (None: "all")."""
        for combo, code in (
            (self.need_filter, need),
            (self.public_filter, public),
            (self.type_filter, type),
            (self.commune_filter, commune),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(code), 0) if code else 0)
            combo.blockSignals(False)
        if text is not None:
            self.search.blockSignals(True)
            self.search.setText(text)
            self.search.blockSignals(False)
        self._apply()

    def show_for_contact(self, contact: Mapping[str, Any] | None) -> None:
        """Rank the results for `contact` and show why; None goes back to the plain list."""
        self._contact = contact
        self.results.clearSelection()
        self.results.setCurrentIndex(QModelIndex())  # the best match is the one to show
        if contact is None:
            self.contact_frame.hide()
        else:
            self.contact_label.setText(_contact_summary(contact))
            self.contact_frame.show()
        self._apply()

    def results_entries(self) -> list[directory.Entry]:
        """What the list shows, in order (for tests and for the handover dialog)."""
        return [e for e in (self.model.entry(r) for r in range(self.model.rowCount())) if e]

    def _apply(self, *_: object) -> None:
        if self._pack is None:
            return
        found = directory.search_services(
            self._pack,
            self.search.text(),
            need=self.need_filter.currentData(),
            public=self.public_filter.currentData(),
            type=self.type_filter.currentData(),
            commune=self.commune_filter.currentData(),
        )
        hints: list[directory.Ranked | None] = []
        if self._contact is not None:
            ranked = directory.rank_for_contact(self._pack, self._contact, among=found)
            by_id = {id(e.service): e for e in found}
            found = [by_id[id(r.service)] for r in ranked]
            hints = list(ranked)
        previous = self._current_entry()
        self.model.set_results(found, hints)
        total = len(self._pack.services)
        if len(found) == total:
            self.count_label.setText(self.tr("{n} services").format(n=total))
        else:
            self.count_label.setText(
                self.tr("{n} service(s) sur {total}").format(n=len(found), total=total)
            )
        self.stack.setCurrentWidget(self.results if found else self.empty)
        row = 0
        if previous is not None:
            row = next((i for i, e in enumerate(found) if e.id == previous.id), 0)
        if found:
            self.results.setCurrentIndex(self.model.index(row, 0))
            self.results.scrollTo(self.model.index(row, 0))
        else:
            self._show_entry(None, None)

    def _current_entry(self) -> directory.Entry | None:
        index = self.results.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def current_service(self) -> Mapping[str, Any] | None:
        entry = self._current_entry()
        return entry.service if entry is not None else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self._show_entry(self.model.entry(current.row()), self.model.hint(current.row()))

    def _show_entry(self, entry: directory.Entry | None, hint: directory.Ranked | None) -> None:
        self.create_button.setEnabled(entry is not None)
        if entry is None:
            self.card_text.setHtml(
                f"<p style='color:{_MUTED}'>{html.escape(self.tr('Aucun service choisi.'))}</p>"
            )
            return
        self.card_text.setHtml(_card_html(entry, hint, self.tr, self._commune_names))

    def _focus_results(self) -> None:
        self.results.setFocus()
        if not self.results.currentIndex().isValid() and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))

    # -- actions ---------------------------------------------------------------------------------

    def _create_from_index(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            self._request(entry)

    def _create_from_card(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self._request(entry)

    def _request(self, entry: directory.Entry) -> None:
        service = entry.service
        self.handoverRequested.emit(service)
        if self._on_create is not None:
            self._on_create(service)


# --- rendering helpers --------------------------------------------------------------------------


def _french_date(stamp: str) -> str:
    day = stamp[:10]
    return f"{day[8:10]}/{day[5:7]}/{day[0:4]}" if len(day) == 10 else stamp


def _contact_summary(contact: Mapping[str, Any]) -> str:
    parts = ["Classement pour le contact"]
    if contact.get("date"):
        parts.append(f"du {_french_date(str(contact['date']))}")
    details = []
    if contact.get("neighbourhood"):
        details.append(str(contact["neighbourhood"]))
    if contact.get("age_band") and contact["age_band"] != "inconnu":
        details.append(f"{contact['age_band']} ans")
    needs = [directory.label("categorie", n).lower() for n in contact.get("needs") or ()]
    if needs:
        details.append("besoins : " + ", ".join(needs))
    text = " ".join(parts)
    return f"{text} — {' · '.join(details)}" if details else text


def _row(caption: str, value: str) -> str:
    return (
        f"<tr><td width='104' style='color:{_MUTED}; padding:3px 14px 3px 0;'>"
        f"{html.escape(caption)}</td><td style='padding:3px 0;'>{value}</td></tr>"
    )


def _zone_text(code: str, commune_names: Mapping[str, str]) -> str:
    if code in ("france", "99100"):
        return "France entière"
    if len(code) in (2, 3):
        return f"département {code}"
    if len(code) == 9:
        return f"intercommunalité {code}"
    return commune_names.get(code, code)


# The service card's words, marked here so that lupdate files them under DirectoryView, the
# context of the `tr` that _card_html receives.
_CARD_LABELS: dict[str, str] = {
    "comment_le_mobiliser": str(QT_TRANSLATE_NOOP("DirectoryView", "Comment le mobiliser")),
    "pour_qui_pour_quoi": str(QT_TRANSLATE_NOOP("DirectoryView", "Pour qui, pour quoi")),
    "demarche": str(QT_TRANSLATE_NOOP("DirectoryView", "Démarche")),
    "par": str(QT_TRANSLATE_NOOP("DirectoryView", "Par")),
    "precisions": str(QT_TRANSLATE_NOOP("DirectoryView", "Précisions")),
    "telephone": str(QT_TRANSLATE_NOOP("DirectoryView", "Téléphone")),
    "courriel": str(QT_TRANSLATE_NOOP("DirectoryView", "Courriel")),
    "adresse": str(QT_TRANSLATE_NOOP("DirectoryView", "Adresse")),
    "horaires": str(QT_TRANSLATE_NOOP("DirectoryView", "Horaires")),
    "lien": str(QT_TRANSLATE_NOOP("DirectoryView", "Lien")),
    "publics": str(QT_TRANSLATE_NOOP("DirectoryView", "Publics")),
    "conditions": str(QT_TRANSLATE_NOOP("DirectoryView", "Conditions")),
    "type": str(QT_TRANSLATE_NOOP("DirectoryView", "Type")),
    "thematiques": str(QT_TRANSLATE_NOOP("DirectoryView", "Thématiques")),
    "zone": str(QT_TRANSLATE_NOOP("DirectoryView", "Zone")),
    "frais": str(QT_TRANSLATE_NOOP("DirectoryView", "Frais")),
    "mis_a_jour": str(QT_TRANSLATE_NOOP("DirectoryView", "Mis à jour")),
    "professionnels": str(QT_TRANSLATE_NOOP("DirectoryView", "professionnels")),
    "la_personne_elle_meme": str(QT_TRANSLATE_NOOP("DirectoryView", "la personne elle-même")),
    "gratuit": str(QT_TRANSLATE_NOOP("DirectoryView", "Gratuit")),
    "payant": str(QT_TRANSLATE_NOOP("DirectoryView", "Payant")),
}


def _card_html(
    entry: directory.Entry,
    hint: directory.Ranked | None,
    tr: Callable[[str], str],
    commune_names: Mapping[str, str],
) -> str:
    t = {key: tr(text) for key, text in _CARD_LABELS.items()}
    service, structure = entry.service, entry.structure or {}
    esc = html.escape
    out = [
        f"<div style='font-size:15pt; font-weight:600; color:{_TEXT};'>{esc(entry.name)}</div>",
        f"<div style='color:{_MUTED}; margin-top:2px;'>{esc(entry.structure_name)}</div>",
    ]
    if hint is not None and hint.reasons:
        marks = []
        for reason in hint.reasons:
            colour = _OK if reason.ok else (_NO if reason.ok is False else _CHECK)
            marks.append(f"<span style='color:{colour};'>{esc(reason.text)}</span>")
        out.append(f"<p style='margin-top:8px;'>{' &nbsp;·&nbsp; '.join(marks)}</p>")
    if service.get("description"):
        out.append(f"<p style='margin-top:10px;'>{esc(str(service['description']))}</p>")

    out.append(
        f"<div style='font-weight:600; margin-top:12px; color:{_PRIMARY_DARK};'>"
        f"{esc(t['comment_le_mobiliser'])}</div><table style='margin-top:4px;'>"
    )
    rows = []
    modes = [directory.label("mode_mobilisation", m) for m in service.get("modes_mobilisation", ())]
    if modes:
        rows.append(_row(t["demarche"], esc(", ".join(modes))))
    by = service.get("mobilisable_par") or ()
    if by:
        who = {"professionnels": t["professionnels"], "usagers": t["la_personne_elle_meme"]}
        rows.append(_row(t["par"], esc(", ".join(who.get(b, b) for b in by))))
    if service.get("mobilisation_precisions"):
        rows.append(_row(t["precisions"], esc(str(service["mobilisation_precisions"]))))
    phone = service.get("telephone") or structure.get("telephone")
    if phone:
        rows.append(_row(t["telephone"], f"<b>{esc(format_phone(str(phone)))}</b>"))
    email = service.get("courriel") or structure.get("courriel")
    if email:
        rows.append(_row(t["courriel"], esc(str(email))))
    address = _address(service) or _address(structure)
    if address:
        rows.append(_row(t["adresse"], esc(address)))
    hours = service.get("horaires_accueil") or structure.get("horaires_accueil")
    if hours:
        rows.append(_row(t["horaires"], esc(directory.format_opening_hours(str(hours)))))
    link = service.get("lien_mobilisation")
    if link:
        rows.append(_row(t["lien"], esc(str(link))))
    out.append("".join(rows) + "</table>")

    out.append(
        f"<div style='font-weight:600; margin-top:12px; color:{_PRIMARY_DARK};'>"
        f"{esc(t['pour_qui_pour_quoi'])}</div><table style='margin-top:4px;'>"
    )
    rows = []
    publics = [directory.label("public", p) for p in service.get("publics", ())]
    if publics:
        rows.append(_row(t["publics"], esc(", ".join(publics))))
    if service.get("conditions_acces"):
        rows.append(_row(t["conditions"], esc(str(service["conditions_acces"]))))
    if service.get("type"):
        rows.append(_row(t["type"], esc(directory.label("type", str(service["type"])))))
    themes = [directory.label("thematique", t) for t in service.get("thematiques", ())]
    if themes:
        rows.append(_row(t["thematiques"], esc(", ".join(themes))))
    zone = service.get("zone_eligibilite")
    if zone:
        rows.append(_row(t["zone"], esc(", ".join(_zone_text(z, commune_names) for z in zone))))
    if service.get("frais"):
        fees = t["gratuit"] if service["frais"] == "gratuit" else t["payant"]
        if service.get("frais_precisions"):
            fees += f" ({service['frais_precisions']})"
        rows.append(_row(t["frais"], esc(fees)))
    if service.get("date_maj"):
        rows.append(_row(t["mis_a_jour"], esc(_french_date(str(service["date_maj"])))))
    out.append("".join(rows) + "</table>")
    return "".join(out)


def _address(record: Mapping[str, Any]) -> str:
    street = " ".join(
        str(record[k]) for k in ("adresse", "complement_adresse") if record.get(k)
    ).strip()
    town = " ".join(str(record[k]) for k in ("code_postal", "commune") if record.get(k)).strip()
    return ", ".join(p for p in (street, town) if p)


def rank_view(
    pack_provider: PackProvider,
    contact: Mapping[str, Any],
    on_create_handover: HandoverCallback | None = None,
    parent: QWidget | None = None,
) -> DirectoryView:
    """A directory view already ranked for `contact` (e.g. the partner picker of a handover)."""
    view = DirectoryView(pack_provider, on_create_handover, parent)
    view.show_for_contact(contact)
    return view
