"""The recovery key on paper: a printable sheet, sent to a printer or saved as PDF."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from fieldapp.services.onboarding import save_recovery_sheet
from fieldapp.ui.kit.i18n import long_date


def sheet_document(recovery_key: str, structure: str, day: date | None = None) -> QTextDocument:
    title = QCoreApplication.translate("RecoverySheet", "Relais — clé de secours")
    intro = QCoreApplication.translate(
        "RecoverySheet",
        "Cette clé permet de choisir une nouvelle phrase de passe si vous oubliez la vôtre. "
        "Relais ne pourra plus jamais l'afficher.",
    )
    keep = QCoreApplication.translate(
        "RecoverySheet",
        "Rangez cette feuille sous clé, loin de l'ordinateur. Ne la photographiez pas et ne "
        "l'envoyez pas par courriel.",
    )
    profile = QCoreApplication.translate(
        "RecoverySheet", "Profil de la structure : %1 — créé le %2"
    ).replace("%1", structure)
    profile = profile.replace("%2", long_date(day or date.today()))
    body = f"""
      <h1 style="font-family: sans-serif; color: #1f6f78;">{html.escape(title)}</h1>
      <p style="font-family: sans-serif; font-size: 12pt;">{html.escape(profile)}</p>
      <p style="font-family: monospace; font-size: 20pt; font-weight: bold;
                letter-spacing: 2px; margin: 28px 0;">{html.escape(recovery_key)}</p>
      <p style="font-family: sans-serif; font-size: 12pt;">{html.escape(intro)}</p>
      <p style="font-family: sans-serif; font-size: 12pt;">{html.escape(keep)}</p>
    """
    doc = QTextDocument()
    doc.setHtml(body)
    return doc


def _print_on(device: QPagedPaintDevice, doc: QTextDocument) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
        )
    )
    doc.print_(device)


def save_pdf(path: Path, recovery_key: str, structure: str) -> None:
    """The sheet as a PDF file, user-only (0600): it holds the key that opens the notebook."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(QCoreApplication.translate("RecoverySheet", "Relais — clé de secours"))
    writer.setCreator("Relais")
    _print_on(writer, sheet_document(recovery_key, structure))
    del writer  # the PDF is complete once its writer is gone
    buffer.close()
    save_recovery_sheet(path, bytes(data.data()))


def print_sheet(parent: QWidget, recovery_key: str, structure: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RecoverySheet", "Imprimer la clé de secours"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _print_on(printer, sheet_document(recovery_key, structure))
    return True
