"""« Importer un tableur »: choose a CSV, check the columns and a preview, import, read the report.

Nothing is written before the user presses « Importer » on the preview step; the import itself is
`csv_import.import_contacts`, the same service as `fieldapp import-contacts`, and it saves all the
valid rows in one transaction, so cancelling before that step leaves the notebook untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.vocab import VOCABULARIES
from fieldapp.services import csv_import
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import label, short_date
from fieldapp.ui.kit.labels import field_name
from fieldapp.ui.kit.session import CONTACTS, Session
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import Banner, muted_label, primary_button, title_label

CHOOSE, PREVIEW, RUNNING, REPORT = range(4)
PREVIEW_ROWS = 10
PREVIEW_FIELDS = (
    "date",
    "slot",
    "neighbourhood",
    "place_type",
    "age_band",
    "gender",
    "needs",
    "outcome",
    "note",
)
_VOCAB_OF = {
    "slot": "slot",
    "place_type": "place_type",
    "contact_mode": "contact_mode",
    "age_band": "age_band",
    "gender": "gender",
    "situation": "situation",
    "outcome": "outcome",
    "needs": "needs",
    "registrations": "registrations",
}


def _shown(key: str, value: Any) -> str:
    """A preview cell: the label when the value is a known code, else the raw text."""
    vocab = VOCABULARIES.get(_VOCAB_OF.get(key, ""))
    if key == "date" and isinstance(value, str):
        try:
            return short_date(value)
        except ValueError:
            return value  # not a date: the import report will say so
    if isinstance(value, list):
        return ", ".join(_shown(key, v) for v in value)
    if vocab is not None and isinstance(value, str) and value in vocab:
        return label(vocab, value)
    return str(value)


class ImportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.report: csv_import.ImportReport | None = None
        self.setWindowTitle(self.tr("Importer un tableur"))
        self.setMinimumSize(820, 540)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Importer un tableur"), self))
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._choose_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._running_page())
        self.stack.addWidget(self._report_page())
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Retour"), self)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.import_button = primary_button(self.tr("Importer"), self)
        self.close_button = primary_button(self.tr("Fermer"), self)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.cancel_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self._go(CHOOSE))
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.accept)
        self._go(CHOOSE)

    # -- pages ---------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Enregistrez votre tableur au format CSV (dans Excel ou LibreOffice : "
                    "« Enregistrer sous » › « CSV UTF-8 »), une ligne par contact. Les colonnes "
                    "obligatoires sont Date, Créneau, Quartier, Lieu et Suite ; les cases peuvent "
                    "contenir les libellés de Relais (« Pied d'immeuble ») ou leurs codes "
                    "(voir docs/records.md)."
                ),
                page,
            )
        )
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choisir un fichier CSV…"), page)
        row.addWidget(self.choose_button)
        self.path_label = QLabel(page)
        self.path_label.setWordWrap(True)
        row.addWidget(self.path_label, 1)
        layout.addLayout(row)
        self.file_error = Banner("", kind="error", parent=page)
        self.file_error.hide()
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose_file)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.columns_label = muted_label("", page)
        layout.addWidget(self.columns_label)
        self.preview = QTableWidget(page)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAccessibleName(self.tr("Aperçu des premières lignes"))
        self.preview.verticalHeader().hide()
        layout.addWidget(self.preview, 1)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Rien n'est enregistré tant que vous n'avez pas cliqué sur « Importer ». "
                    "Les lignes valides sont enregistrées ensemble ; chaque ligne refusée sera "
                    "listée avec la raison."
                ),
                page,
            )
        )
        return page

    def _running_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(muted_label(self.tr("Vérification et enregistrement des lignes…"), page))
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        layout.addStretch(2)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("subtitle")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.errors_label = muted_label("", page)
        layout.addWidget(self.errors_label)
        self.errors_table = QTableWidget(0, 2, page)
        self.errors_table.setHorizontalHeaderLabels([self.tr("Ligne"), self.tr("Problèmes")])
        self.errors_table.setAccessibleName(self.tr("Lignes refusées"))
        self.errors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors_table.verticalHeader().hide()
        self.errors_table.setWordWrap(True)
        header = self.errors_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.errors_table, 1)
        return page

    # -- steps ---------------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.back_button.setVisible(index == PREVIEW)
        self.cancel_button.setVisible(index in (CHOOSE, PREVIEW))
        self.import_button.setVisible(index == PREVIEW)
        self.import_button.setEnabled(bool(self.rows))
        self.close_button.setVisible(index == REPORT)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir un tableur"), str(Path.home()), self.tr("Tableur CSV (*.csv)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read the file for the preview (nothing is saved)."""
        self.path = path
        self.path_label.setText(str(path))
        self.file_error.hide()

        ignored: list[str] = []
        self.ignored_columns = ignored

        def work(_progress: Any) -> list[tuple[int, dict[str, str]]]:
            return csv_import.read_rows(path, ignored)

        run_task(work, context=self, on_done=self._loaded, on_error=self._load_failed)

    def _ignored_text(self, columns: list[str]) -> str:
        return self.tr(
            "Colonnes ignorées (jamais importées) : %1. Pour importer une de ces informations, "
            "nommez sa colonne comme le champ du formulaire (par exemple « Type de contact »)."
        ).replace("%1", ", ".join(f"« {c} »" for c in columns))

    def _load_failed(self, error: BaseException) -> None:
        self._go(CHOOSE)
        show_failure(error, self._file_error)

    def _file_error(self, text: str) -> None:
        self.file_error.set_text(text)
        self.file_error.show()

    def _loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.rows = rows
        if not rows:
            self._load_failed(ValueError(self.tr("Aucune ligne de données dans ce fichier.")))
            return
        found = [key for key in csv_import.FIELDS if any(key in values for _n, values in rows)]
        order = [*PREVIEW_FIELDS, *sorted(set(found) - set(PREVIEW_FIELDS))]
        found_sorted = [key for key in order if key in found]
        self.summary.setText(
            self.tr("%1 lignes trouvées dans « %2 ».")
            .replace("%1", str(len(rows)))
            .replace("%2", self.path.name if self.path else "")
        )
        columns = self.tr("Colonnes reconnues : %1.").replace(
            "%1", ", ".join(field_name(key) for key in found_sorted)
        )
        if self.ignored_columns:
            columns += " " + self._ignored_text(self.ignored_columns)
        self.columns_label.setText(columns)
        shown = [key for key in PREVIEW_FIELDS if key in found]
        self.preview.clear()
        self.preview.setColumnCount(len(shown) + 1)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Ligne"), *(field_name(key).capitalize() for key in shown)]
        )
        self.preview.setRowCount(min(len(rows), PREVIEW_ROWS))
        for r, (line, values) in enumerate(rows[:PREVIEW_ROWS]):
            data = csv_import.row_to_contact(values)
            self.preview.setItem(r, 0, QTableWidgetItem(str(line)))
            for c, key in enumerate(shown, start=1):
                text = _shown(key, data[key]) if key in data else ""
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.import_button.setText(self.tr("Importer %1 lignes").replace("%1", str(len(rows))))
        self._go(PREVIEW)

    def start_import(self) -> None:
        if self.path is None:
            return
        path, service = self.path, self.session.service
        self._go(RUNNING)

        def work(progress: Any) -> csv_import.ImportReport:
            return csv_import.import_contacts(service, path, progress=progress)

        def progressed(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        run_task(
            work,
            context=self,
            on_done=self._imported,
            on_error=self._import_failed,
            on_progress=progressed,
        )

    def _import_failed(self, error: BaseException) -> None:
        self._go(CHOOSE)
        show_failure(error, self._file_error)

    def _imported(self, report: object) -> None:
        assert isinstance(report, csv_import.ImportReport)
        self.report = report
        self.session.notify(CONTACTS)
        text = self.tr("✓ %1 contacts importés.").replace("%1", str(len(report.imported)))
        if report.ignored_columns:
            text += " " + self._ignored_text(report.ignored_columns)
        self.result_label.setText(text)
        if report.errors:
            self.errors_label.setText(
                self.tr(
                    "%1 lignes refusées, à corriger dans le tableur puis à importer seules :"
                ).replace("%1", str(len(report.errors)))
            )
        else:
            self.errors_label.setText(self.tr("Aucune ligne refusée."))
        self.errors_table.setRowCount(len(report.errors))
        for r, error in enumerate(report.errors):
            line = QTableWidgetItem(str(error.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.errors_table.setItem(r, 0, line)
            problems = "\n".join(f"{field_name(p.field)} : {p.message}" for p in error.problems)
            self.errors_table.setItem(r, 1, QTableWidgetItem(problems))
        self.errors_table.resizeRowsToContents()
        self.errors_table.setVisible(bool(report.errors))
        self._go(REPORT)
