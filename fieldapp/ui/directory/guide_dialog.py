"""« Imprimer le guide »: the guide of the offers for one neighbourhood (or the whole territory)
as a PDF to print or send (services/guide.py builds it, the window's Qt painter draws it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFileDialog, QVBoxLayout, QWidget

from fieldapp.errors import RelaisError
from fieldapp.services import directory, guide
from fieldapp.services.field import FieldService
from fieldapp.ui.kit.widgets import FieldError, dialog_buttons, labelled, muted_label, title_label


class GuideDialog(QDialog):
    written = Signal(object)  # the PDF's Path

    def __init__(self, service: FieldService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Imprimer le guide des offres"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Guide des offres"), self, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Les services de l'annuaire classés par besoin, avec leurs horaires, leur "
                    "adresse et comment s'y rendre : à remettre aux habitants ou au conseil "
                    "citoyen. Il ne contient aucune donnée sur une personne."
                ),
                self,
            )
        )
        self.neighbourhood = QComboBox(self)
        self.neighbourhood.addItem(self.tr("Tout le territoire"), None)
        for code, _name in directory.neighbourhoods(directory.current_pack(service)):
            self.neighbourhood.addItem(directory.neighbourhood_label(service, code), code)
        layout.addWidget(labelled(self.neighbourhood, self.tr("&Quartier")))
        layout.addWidget(self.neighbourhood)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        _cancel, self.save_button = dialog_buttons(
            self, layout, self.tr("Annuler"), self.tr("Enregistrer le PDF…")
        )
        self.save_button.clicked.connect(self.choose_file)

    def choose_file(self) -> None:
        code = self.neighbourhood.currentData()
        suggested = Path.home() / (f"guide-offres-{code}.pdf" if code else "guide-offres.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le guide"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the guide of the chosen neighbourhood to `path`; a refusal is said here."""
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            guide.write_guide(self.service, path, self.neighbourhood.currentData())
        except (RelaisError, OSError) as refused:
            reason = refused.message() if isinstance(refused, RelaisError) else str(refused)
            self.error.show_message(reason)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.written.emit(path)
        self.accept()
        return True
