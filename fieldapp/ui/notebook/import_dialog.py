"""« Importer un tableur »: choose a CSV, check the columns and a preview, import, read the report.

Nothing is written before the user presses « Importer » on the preview step; the import itself is
`csv_import.import_contacts`, the same service as `fieldapp import-contacts`, and it saves the
rows ticked in the preview in one transaction, so cancelling before that step leaves the notebook
untouched. The preview ticks only valid rows that are not identical to a contact of the same day;
a file already imported asks before importing again; the report has no button that imports
(Enter closes it). « Télécharger un modèle » writes `csv_import.write_template`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.vocab import VOCABULARIES
from fieldapp.messages.plural import plural
from fieldapp.services import csv_import
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import label, short_date
from fieldapp.ui.kit.labels import field_name
from fieldapp.ui.kit.session import CONTACTS, Session
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import Banner, muted_label, primary_button, title_label

CHOOSE, PREVIEW, RUNNING, REPORT = range(4)
# Rows shown (and choosable) in the preview; rows past it follow the default (valid, not doubled).
PREVIEW_ROWS = 1000
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
        self.checked: csv_import.Preview | None = None
        self.report: csv_import.ImportReport | None = None
        self.again_box: QMessageBox | None = None
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
        for button in (self.back_button, self.cancel_button, self.import_button, self.close_button):
            # Enter presses the default button of the step only (_go), never a focused one.
            button.setAutoDefault(False)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self._go(CHOOSE))
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.ask_import)
        self.close_button.clicked.connect(self.accept)
        self._go(CHOOSE)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 -- Qt override
        super().resizeEvent(event)
        # Wrapped rows take the height of their text at the table's real width, once laid out.
        QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        self.preview.resizeRowsToContents()
        self.errors_table.resizeRowsToContents()

    # -- pages ---------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Enregistrez votre tableur au format CSV (dans Excel ou LibreOffice : "
                    "« Enregistrer sous » › « CSV UTF-8 »), une ligne par contact. Les colonnes "
                    "obligatoires sont Date, Créneau, Quartier, Lieu et Suite donnée ; les cases "
                    "contiennent les libellés du formulaire (« Pied d'immeuble »). Le modèle "
                    "a toutes les colonnes et une ligne d'exemple."
                ),
                page,
            )
        )
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choisir un fichier CSV…"), page)
        row.addWidget(self.choose_button)
        self.template_button = QPushButton(self.tr("Télécharger un modèle…"), page)
        self.template_button.setAutoDefault(False)
        row.addWidget(self.template_button)
        self.path_label = QLabel(page)
        self.path_label.setWordWrap(True)
        row.addWidget(self.path_label, 1)
        layout.addLayout(row)
        self.file_error = Banner("", kind="error", parent=page)
        self.file_error.hide()
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.choose_template)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.columns_label = muted_label("", page)
        layout.addWidget(self.columns_label)
        self.again_banner = Banner("", parent=page)
        self.again_banner.hide()
        layout.addWidget(self.again_banner)
        self.preview = QTableWidget(page)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAccessibleName(self.tr("Aperçu des premières lignes"))
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(True)
        self.preview.itemChanged.connect(lambda _item: self._update_count())
        self.preview.horizontalHeader().sectionResized.connect(
            lambda *_: self.preview.resizeRowsToContents()
        )
        layout.addWidget(self.preview, 1)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Rien n'est enregistré tant que vous n'avez pas cliqué sur « Importer ». "
                    "Seules les lignes cochées sont enregistrées, ensemble ; une ligne identique "
                    "à un contact déjà enregistré le même jour est décochée (cochez-la s'il "
                    "s'agit bien d'un autre contact)."
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
        # Row heights follow the column's real width (not the width before the page was shown).
        header.sectionResized.connect(lambda *_: self.errors_table.resizeRowsToContents())
        layout.addWidget(self.errors_table, 1)
        return page

    # -- steps ---------------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.back_button.setVisible(index == PREVIEW)
        self.cancel_button.setVisible(index in (CHOOSE, PREVIEW))
        self.import_button.setVisible(index == PREVIEW)
        self.import_button.setEnabled(index == PREVIEW and bool(self.selected_lines()))
        self.close_button.setVisible(index == REPORT)
        # The report's one default is « Fermer »: Enter there never imports again.
        self.import_button.setDefault(index == PREVIEW)
        self.close_button.setDefault(index == REPORT)
        if index == REPORT:
            self.close_button.setFocus()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir un tableur"), str(Path.home()), self.tr("Tableur CSV (*.csv)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check the file for the preview (nothing is saved)."""
        self.path = path
        self.path_label.setText(str(path))
        self.file_error.hide()
        service = self.session.service

        def work(_progress: Any) -> csv_import.Preview:
            return csv_import.preview(service, path)

        run_task(work, context=self, on_done=self._loaded, on_error=self._load_failed)

    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le modèle"),
            str(Path.home() / self.tr("modele-relais.csv")),
            self.tr("Tableur CSV (*.csv)"),
        )
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        """Write the template CSV (the same file as `fieldapp import-contacts --template`)."""
        self.file_error.hide()
        try:
            csv_import.write_template(path)
        except csv_import.CsvFileError as error:
            show_failure(error, self._file_error)
            return
        self.path_label.setText(
            self.tr("Modèle enregistré : %1. Remplissez-le puis choisissez-le ici.").replace(
                "%1", str(path)
            )
        )

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

    def _loaded(self, checked: object) -> None:
        assert isinstance(checked, csv_import.Preview)
        self.checked = checked
        self.ignored_columns = checked.ignored_columns
        rows = [(r.line, r.values) for r in checked.rows]
        self.rows = rows
        if not rows:
            self._load_failed(ValueError(self.tr("Aucune ligne de données dans ce fichier.")))
            return
        found = [key for key in csv_import.FIELDS if any(key in values for _n, values in rows)]
        order = [*PREVIEW_FIELDS, *sorted(set(found) - set(PREVIEW_FIELDS))]
        found_sorted = [key for key in order if key in found]
        columns = self.tr("Colonnes reconnues : %1.").replace(
            "%1", ", ".join(field_name(key) for key in found_sorted)
        )
        if self.ignored_columns:
            columns += " " + self._ignored_text(self.ignored_columns)
        self.columns_label.setText(columns)
        if checked.previous is not None:
            self.again_banner.set_text(
                plural(
                    int(checked.previous.get("imported", 0)),
                    self.tr(
                        "Ce fichier a déjà été importé le %1 (%n contact). L'importer à "
                        "nouveau doublerait ses contacts : Relais vous le demandera."
                    ),
                    self.tr(
                        "Ce fichier a déjà été importé le %1 (%n contacts). L'importer à "
                        "nouveau doublerait ses contacts : Relais vous le demandera."
                    ),
                ).replace("%1", short_date(str(checked.previous.get("at", ""))))
            )
        self.again_banner.setVisible(checked.previous is not None)
        shown = [key for key in PREVIEW_FIELDS if key in found]
        self.preview.blockSignals(True)
        self.preview.clear()
        self.preview.setColumnCount(len(shown) + 2)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Ligne"),
                *(field_name(key).capitalize() for key in shown),
                self.tr("Problèmes"),
            ]
        )
        self.preview.setRowCount(min(len(rows), PREVIEW_ROWS))
        for r, row in enumerate(checked.rows[:PREVIEW_ROWS]):
            line = QTableWidgetItem(str(row.line))
            line.setData(Qt.ItemDataRole.UserRole, row.line)
            if row.valid:
                line.setFlags(line.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = (
                    Qt.CheckState.Checked if row.selected_by_default else Qt.CheckState.Unchecked
                )
                line.setCheckState(state)
            else:
                line.setFlags(line.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.preview.setItem(r, 0, line)
            for c, key in enumerate(shown, start=1):
                text = _shown(key, row.data[key]) if key in row.data else ""
                self.preview.setItem(r, c, QTableWidgetItem(text))
            self.preview.setItem(r, len(shown) + 1, QTableWidgetItem(self._status_text(row)))
        self.preview.blockSignals(False)
        header = self.preview.horizontalHeader()
        for c in range(len(shown) + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # The problems take the room left, wrapped: every problem of a row readable at once.
        header.setSectionResizeMode(len(shown) + 1, QHeaderView.ResizeMode.Stretch)
        self.preview.resizeRowsToContents()
        self._update_count()
        self._go(PREVIEW)

    def _status_text(self, row: csv_import.RowCheck) -> str:
        if row.problems:
            return "\n".join(f"{field_name(p.field)} : {p.message}" for p in row.problems)
        if row.duplicate:
            return self.tr("Identique à un contact déjà enregistré ce jour-là")
        return self.tr("Valide")

    def selected_lines(self) -> set[int]:
        """The lines ticked in the preview (rows past the table follow the default)."""
        if self.checked is None:
            return set()
        lines = {r.line for r in self.checked.rows[PREVIEW_ROWS:] if r.selected_by_default}
        for r in range(self.preview.rowCount()):
            item = self.preview.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                lines.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return lines

    def _update_count(self) -> None:
        if self.checked is None:
            return
        chosen = len(self.selected_lines())
        total, refused = len(self.checked.rows), len(self.checked.rows) - self.checked.valid
        found = plural(
            total,
            self.tr("%n ligne trouvée dans « %1 »"),
            self.tr("%n lignes trouvées dans « %1 »"),
        ).replace("%1", self.checked.name)
        will = plural(chosen, self.tr("%n sera importée"), self.tr("%n seront importées"))
        text = self.tr("%1 : %2").replace("%1", found).replace("%2", will)
        if refused:
            text += plural(
                refused,
                self.tr(", %n refusée (voir « Problèmes »)"),
                self.tr(", %n refusées (voir « Problèmes »)"),
            )
        if self.checked.duplicates:
            text += plural(
                self.checked.duplicates,
                self.tr(", %n identique à un contact du même jour, décochée"),
                self.tr(", %n identiques à un contact du même jour, décochées"),
            )
        self.summary.setText(text + ".")
        self.import_button.setText(
            plural(chosen, self.tr("Importer %n ligne"), self.tr("Importer %n lignes"))
        )
        self.import_button.setEnabled(self.stack.currentIndex() == PREVIEW and chosen > 0)

    def ask_import(self) -> None:
        """« Importer »: at once, or after a question when this file was imported before."""
        if self.checked is None or self.stack.currentIndex() != PREVIEW:
            return
        if self.checked.previous is None:
            self.start_import()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Importer à nouveau ?"),
            self.again_banner.text.text(),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        again = box.addButton(self.tr("Importer à nouveau"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Ne pas importer"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.again_box = box

        def answered() -> None:
            self.again_box = None
            if box.clickedButton() is again:
                self.start_import(again=True)

        box.finished.connect(answered)
        box.open()

    def start_import(self, *, again: bool = False) -> None:
        # Only from the preview, once: the report, a second Enter, a double click import nothing.
        if self.path is None or self.checked is None or self.stack.currentIndex() != PREVIEW:
            return
        path, service, digest = self.path, self.session.service, self.checked.sha256
        lines = self.selected_lines()
        self._go(RUNNING)

        def work(progress: Any) -> csv_import.ImportReport:
            return csv_import.import_contacts(
                service,
                path,
                progress=progress,
                again=again,
                lines=lines,
                expected_sha256=digest,
            )

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
        text = plural(
            len(report.imported),
            self.tr("✓ %n contact importé."),
            self.tr("✓ %n contacts importés."),
        )
        if report.skipped:
            text += " " + plural(
                len(report.skipped),
                self.tr("%n ligne valide non cochée, non importée."),
                self.tr("%n lignes valides non cochées, non importées."),
            )
        if report.ignored_columns:
            text += " " + self._ignored_text(report.ignored_columns)
        self.result_label.setText(text)
        if report.errors:
            self.errors_label.setText(
                plural(
                    len(report.errors),
                    self.tr("%n ligne refusée, à corriger dans le tableur puis à importer seule :"),
                    self.tr(
                        "%n lignes refusées, à corriger dans le tableur puis à importer seules :"
                    ),
                )
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
        self.errors_table.setVisible(bool(report.errors))
        self._go(REPORT)
        self.errors_table.resizeRowsToContents()
