"""The coordinator's dashboard: key figures, four charts with their tables, filters, exports.

`Dashboard(source)` takes the open `CoordinationService` (or the consolidated store's engine)
and is self-contained: the main window only embeds it. The indicators are computed off the UI
thread (`fieldapp.ui.kit.tasks.run_task`); a newer request supersedes an older one still running.
What it shows is the published report, with the same small-cell suppression as the exports,
and its export buttons write that very report (CSV, XLSX, PDF) through the same service.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import say
from fieldapp.services import reporting
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.reporting import (
    DEFAULT_K,
    Cell,
    Engine,
    Report,
    Scope,
    Table,
    display,
    neighbourhood_label,
    structure_type_label,
)
from fieldapp.ui.coordination import charts
from fieldapp.ui.coordination.presence_section import PresenceSection
from fieldapp.ui.kit import style
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.tasks import run_task

ALL = ""
EXPORTS = (
    ("csv", "CSV", "CSV (*.csv)"),
    ("xlsx", "Excel", "Excel (*.xlsx)"),
    ("pdf", "PDF", "PDF (*.pdf)"),
)
TILES = (
    # (code of a row of the report's key figures, caption marked for lupdate)
    ("reports.label.contacts", str(QT_TRANSLATE_NOOP("Dashboard", "Contacts"))),
    ("reports.label.distinct_people", str(QT_TRANSLATE_NOOP("Dashboard", "Personnes distinctes"))),
    ("reports.label.invisible_share", str(QT_TRANSLATE_NOOP("Dashboard", "Part des invisibles"))),
    ("reports.key.proposed", str(QT_TRANSLATE_NOOP("Dashboard", "Relais proposés"))),
    ("reports.key.entry_rate", str(QT_TRANSLATE_NOOP("Dashboard", "Taux d'entrée"))),
    ("reports.key.median_delay", str(QT_TRANSLATE_NOOP("Dashboard", "Délai médian (jours)"))),
)


def _label(text: str, name: str = "", *, muted: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    if muted:
        label.setProperty("muted", True)
    return label


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(8)
    return frame, layout


def fill_table(widget: QTableWidget, table: Table, columns: list[str] | None = None) -> None:
    """Show `table` (or some of its columns) as on paper: same texts, hidden cells muted."""
    names = columns or table.columns
    index = [table.columns.index(c) for c in names]
    widget.clear()
    widget.setColumnCount(len(names))
    widget.setRowCount(len(table.rows))
    widget.setHorizontalHeaderLabels(names)
    bold = QFont(widget.font())
    bold.setBold(True)
    for i, row in enumerate(table.rows):
        for n, j in enumerate(index):
            cell = row.cells[j]
            item = QTableWidgetItem(display(cell, table.k))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if cell.kind != "label":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if cell.suppressed:
                item.setForeground(QBrush(QColor(style.MUTED)))
                item.setToolTip(hidden_tip(cell, table.k))
            if row.total:
                item.setFont(bold)
            widget.setItem(i, n, item)
        del n
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)


def hidden_tip(cell: Cell, k: int | None) -> str:
    """What a hidden cell's « < k » or « s » means, said where it is shown."""
    if not cell.suppressed:
        return ""
    return say("ui.dashboard.tip_small" if cell.small else "ui.dashboard.tip_confidential", k=k)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _Panel(QFrame):
    """One chart with its table beside it."""

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(_label(title, "subtitle"))
        body = QHBoxLayout()
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 280)
        self.chart_view.setBackgroundBrush(QColor("#ffffff"))
        self.chart_view.setFrameShape(QFrame.Shape.NoFrame)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumWidth(330)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        body.addWidget(self.chart_view, 3)
        body.addWidget(self.table, 2)
        layout.addLayout(body)
        self.note = _label(note, "hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def set_chart(self, chart: QChart) -> None:
        chart.setTitle("")  # the panel's own title says it
        chart.setBackgroundVisible(False)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()


class Dashboard(QWidget):
    """Indicators of the consolidated store, filtered and published with suppression k."""

    loaded = Signal(object)  # the Report now shown
    failed = Signal(str)
    filters_ready = Signal()

    def __init__(
        self,
        source: CoordinationService | Engine | FieldService,
        *,
        k: int = DEFAULT_K,
        date_from: date | None = None,
        date_to: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._source = source
        # A field notebook sees "Mon activité": its own figures, nothing to hide from itself.
        self.own = isinstance(source, FieldService)
        self.k = None if self.own else k
        self.report: Report | None = None
        self._generation = 0
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        today = date.today()
        start = date_from or date(today.year - 1, today.month, 1)
        self._build(start, date_to or today)
        self._load_filters()
        self.reload()

    # -- layout ----------------------------------------------------------------------------------

    def _build(self, start: date, end: date) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(10)
        head = QHBoxLayout()
        title = QVBoxLayout()
        heading = self.tr("Mon activité") if self.own else self.tr("Tableau de bord")
        title.addWidget(_label(heading, "title"))
        self.status = _label("", "muted")
        title.addWidget(self.status)
        head.addLayout(title, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, name, _ in EXPORTS:
            button = QPushButton(self.tr("Exporter %1").replace("%1", name))
            tip = (
                self.tr("Enregistrer vos chiffres en %1")
                if self.own
                else self.tr("Enregistrer ce tableau de bord en %1, secret statistique appliqué")
            )
            button.setToolTip(tip.replace("%1", name))
            button.clicked.connect(lambda _=False, f=fmt: self._ask_export(f))
            head.addWidget(button)
            self.export_buttons[fmt] = button
        outer.addLayout(head)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_to = QDateEdit(QDate(end.year, end.month, end.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._changed)
        self.neighbourhood = QComboBox()
        self.structure_type = QComboBox()
        for combo in (self.neighbourhood, self.structure_type):
            combo.setMinimumWidth(190)
            combo.currentIndexChanged.connect(self._changed)
        for text, widget in (
            (self.tr("Du"), self.date_from),
            (self.tr("au"), self.date_to),
            (self.tr("Quartier"), self.neighbourhood),
            (self.tr("Type de structure"), self.structure_type),
        ):
            label = _label(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.secret_note = _label(
            self.tr("Vos propres chiffres, tirés de ce carnet : rien n'est masqué.")
            if self.own
            else self.tr("Effectifs inférieurs à %1 masqués « < %1 »").replace("%1", str(self.k)),
            "hint",
        )
        filters.addWidget(self.secret_note)
        if self.own:  # one structure: its type is not a choice
            self.structure_type.hide()
            label.hide()  # the last label of the loop: "Type de structure"
        outer.addLayout(filters)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.scroll_area = scroll
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        self.tiles: dict[str, QLabel] = {}
        for key, caption in TILES:
            frame, layout = _card()
            frame.setMinimumWidth(120)
            value = _label("…", "title")
            layout.addWidget(value)
            layout.addWidget(_label(self.tr(caption), muted=True))
            tiles.addWidget(frame)
            self.tiles[key] = value
        grid.addLayout(tiles, 0, 0, 1, 2)
        # What « < k », « s », « — » and the charts' « * » mean: the PDF's note, word for word.
        self.legend = _label("", "hint")
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        grid.addWidget(self.legend, 1, 0, 1, 2)
        self.panels = {
            "contacts": _Panel(
                self.tr("Contacts par mois"), self.tr("Premiers contacts et recontacts.")
            ),
            "funnel": _Panel(
                self.tr("Parcours des relais"),
                self.tr("Un relais compte à chaque étape que son historique a atteinte."),
            ),
            "needs": _Panel(
                self.tr("Besoins exprimés"),
                self.tr("Catégories data·inclusion ; un contact peut en citer plusieurs."),
            ),
            "neighbourhoods": _Panel(
                self.tr("Comparaison des quartiers"),
                self.tr("Contacts par quartier et type de structure."),
            ),
        }
        for n, panel in enumerate(self.panels.values()):
            grid.addWidget(panel, 2 + n, 0, 1, 2)
        self.presence_section = PresenceSection()  # issue 17
        grid.addWidget(self.presence_section, 2 + len(self.panels), 0, 1, 2)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)

    def _load_filters(self) -> None:
        """Offer the neighbourhoods and structure types of the store (read in the background)."""
        source = self._source
        run_task(
            lambda _progress: (
                (source.neighbourhoods(), [])
                if isinstance(source, FieldService)
                else reporting.coordination_filters(source)
            ),
            context=self,
            on_done=self._set_filter_options,
            # An unreadable store shows in the status line anyway; a bug gets its dialog.
            on_error=lambda exc: show_failure(exc, lambda _text: None),
        )

    def _set_filter_options(self, options: tuple[list[str], list[str]]) -> None:
        nbhs, types = options
        source = self._source
        names = (
            reporting.directory_names(source)
            if isinstance(source, FieldService | CoordinationService)
            else None
        )
        for combo, everything, values, label in (
            (
                self.neighbourhood,
                self.tr("Tous les quartiers"),
                nbhs,
                lambda code: neighbourhood_label(code, names),
            ),
            (self.structure_type, self.tr("Tous les types"), types, structure_type_label),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for code in values:
                combo.addItem(label(code), code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.filters_ready.emit()

    # -- filters and loading -----------------------------------------------------------------------

    def set_filters(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        neighbourhood: str | None = None,
        structure_type: str | None = None,
    ) -> None:
        """Change some filters (None leaves one as it is; "" means all); reloads once."""
        widgets = (self.date_from, self.date_to, self.neighbourhood, self.structure_type)
        for w in widgets:
            w.blockSignals(True)
        try:
            if date_from is not None:
                self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
            if date_to is not None:
                self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))
            for combo, value in (
                (self.neighbourhood, neighbourhood),
                (self.structure_type, structure_type),
            ):
                if value is not None:
                    index = combo.findData(value)
                    combo.setCurrentIndex(max(index, 0))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.reload()

    def scope(self) -> Scope:
        return reporting.make_scope(
            _day(self.date_from.date()),
            _day(self.date_to.date()),
            neighbourhood=self.neighbourhood.currentData() or None,
            structure_type=self.structure_type.currentData() or None,
        )

    def _changed(self, *_: object) -> None:
        self._debounce.start()

    def reload(self) -> None:
        """Recompute in the background; the latest request wins."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        try:
            scope = self.scope()
        except reporting.ReportError as exc:
            show_failure(exc, self._show_error)
            return
        self.status.setText(self.tr("Calcul des indicateurs…"))
        for button in self.export_buttons.values():
            button.setEnabled(False)
        source, k = self._source, self.k
        run_task(
            lambda _progress: (
                reporting.activity_report(source, scope)
                if isinstance(source, FieldService)
                else reporting.coordination_report(source, scope, k=k)
            ),
            context=self,
            on_done=lambda report: self._loaded(generation, report),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_failure(exc, self._show_error)

    def _show_error(self, text: str) -> None:
        self.status.setText(self.tr("Indicateurs indisponibles : %1").replace("%1", text))
        self.failed.emit(text)

    def _loaded(self, generation: int, report: Report) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.report = report
        self._show(report)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.loaded.emit(report)

    def _show(self, report: Report) -> None:
        self.status.setText(
            say("ui.dashboard.period", period=report.period_text(), scope=report.filters_text())
        )
        figures = report.table("synthese")
        by_label = {figures.text(code): tile for code, tile in self.tiles.items()}
        for row in figures.rows:
            tile = by_label.get(str(row.cells[0].value))
            if tile is not None:
                tile.setText(display(row.cells[1], report.k))
                tile.setToolTip(hidden_tip(row.cells[1], report.k))
        self.legend.setText(charts.legend_text(report))
        p = self.panels
        p["contacts"].set_chart(charts.contacts_chart(report))
        fill_table(p["contacts"].table, report.table("contacts_mois"))
        p["funnel"].set_chart(charts.funnel_chart(report))
        funnel = report.table("relais_mois")
        fill_table(
            p["funnel"].table,
            funnel,
            [
                funnel.text(code)
                for code in (
                    "reports.column.month",
                    "reports.stage.proposed",
                    "reports.stage.appointment_attended",
                    "reports.stage.entered",
                )
            ],
        )
        p["needs"].set_chart(charts.needs_chart(report))
        fill_table(p["needs"].table, report.table("besoins"))
        p["neighbourhoods"].set_chart(charts.neighbourhood_chart(report))
        fill_table(p["neighbourhoods"].table, report.table("quartiers"))
        self.presence_section.show_report(report, fill_table)

    # -- exports -----------------------------------------------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        if self.report is None:
            return
        pattern = next(p for f, _, p in EXPORTS if f == fmt)
        suggested = str(Path.home() / f"indicateurs-relais.{fmt}")
        title = self.tr("Exporter les indicateurs")
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> Path | None:
        """Write the report shown (same tables, same suppression) to `path`."""
        if self.report is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # On the UI thread: the report is already computed, and the PDF paints QtCharts
            # scenes, which belong to this thread. It takes a fraction of a second.
            written = reporting.export(self.report, fmt, path)
            if isinstance(self._source, FieldService | CoordinationService):
                self._source.audit("export", format=fmt)
        except reporting.ReportError as exc:
            show_failure(
                exc,
                lambda text: self.status.setText(
                    self.tr("Export impossible : %1").replace("%1", text)
                ),
            )
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Exporté : %1").replace("%1", str(written)))
        return written
