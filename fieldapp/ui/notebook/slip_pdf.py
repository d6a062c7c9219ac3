"""The fiche relais as a PDF, painted by Qt (QPdfWriter + QPainter), as the report's PDF is.

One A4 page in plain French with the English under each line: where to go, opening hours, the
appointment, what to bring, and the code relais as large text and as a QR code. The QR code's
modules come from `segno` (a maintained QR library) and are painted as vector squares, so the
print is sharp at any size. Nothing about the person is on it (services/slip.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from fieldapp.messages import render
from fieldapp.services.slip import Slip
from fieldapp.ui.coordination.report_pdf import ensure_app
from fieldapp.ui.directory.card import format_phone
from fieldapp.ui.kit import style

DPI: Final = 300
MARGIN_MM: Final = 18.0
# The code box sits at the foot of the page, the QR code in its bottom-right corner: its place
# is fixed (the tests read the printed modules back there), whatever the sheet above holds.
QR_SIZE_MM: Final = 42.0
PAGE_MM: Final = (210.0, 297.0)  # A4
QR_LEFT_MM: Final = PAGE_MM[0] - MARGIN_MM - QR_SIZE_MM
QR_TOP_MM: Final = PAGE_MM[1] - MARGIN_MM - QR_SIZE_MM
CODE_BOX_MM: Final = 62.0  # height kept free for the code box above the bottom margin
MAX_ITEMS: Final = 8  # lines of "what to bring": the sheet must leave the code box its room
QR_BORDER: Final = 4  # quiet zone, in modules, as the QR standard asks
TEXT: Final = QColor(style.TEXT)
MUTED: Final = QColor(style.MUTED)
ACCENT: Final = QColor(style.PRIMARY_DARK)


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR code of `code`, quiet zone included: rows of modules, True for dark."""
    qr = segno.make(code, error="m", micro=False)
    return [[bool(m) for m in row] for row in qr.matrix_iter(border=QR_BORDER)]


def _font(points: float, *, bold: bool = False, italic: bool = False, mono: bool = False) -> QFont:
    font = QFont("DejaVu Sans Mono" if mono else "")
    if mono:
        font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _appointment(value: str, lang: str) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    day = moment.strftime("%d/%m/%Y")
    if "T" not in value:
        return day
    joiner = "à" if lang == "fr" else "at"
    return f"{day} {joiner} {moment.strftime('%H:%M')}"


class _Page:
    def __init__(self, writer: QPdfWriter) -> None:
        self.painter = QPainter(writer)
        self.mm = DPI / 25.4
        self.rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.y = 0.0

    def text(
        self,
        text: str,
        font: QFont,
        color: QColor = TEXT,
        *,
        gap: float = 1.2,
        width: float | None = None,
    ) -> None:
        painter = self.painter
        painter.setFont(font)
        painter.setPen(color)
        box = QRectF(0, self.y, width or self.rect.width(), 10_000)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        used = painter.boundingRect(box, flags, text)
        painter.drawText(box, flags, text)
        self.y += used.height() + gap * self.mm

    def both(self, code: str, points: float, *, bold: bool = False, **params: object) -> None:
        """French, then English in smaller italics just under it."""
        self.text(render(code, params, "fr"), _font(points, bold=bold), gap=0.3)
        self.text(render(code, params, "en"), _font(points * 0.8, italic=True), MUTED)

    def heading(self, code: str) -> None:
        self.y += 2.5 * self.mm
        fr, en = render(code, {}, "fr"), render(code, {}, "en")
        self.text(f"{fr} · {en}", _font(12, bold=True), ACCENT, gap=0.8)

    def rule(self) -> None:
        self.painter.setPen(QPen(QColor("#cbd2d9"), 0.3 * self.mm))
        self.painter.drawLine(0, int(self.y), int(self.rect.width()), int(self.y))
        self.y += 2 * self.mm


def render_slip(slip: Slip) -> bytes:
    """The slip's one-page PDF."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(render("ui.slip.title", {}, "fr"))
    writer.setCreator("Relais")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = _Page(writer)
    fr_title, en_title = render("ui.slip.title", {}, "fr"), render("ui.slip.title", {}, "en")
    page.text(fr_title, _font(22, bold=True), ACCENT, gap=0.2)
    page.text(en_title, _font(13, italic=True), MUTED, gap=2)
    page.both("ui.slip.intro", 11)
    page.rule()

    page.heading("ui.slip.where")
    page.text(slip.partner, _font(15, bold=True), gap=1)
    if slip.address:
        page.text(slip.address, _font(11.5))
    if slip.phone:
        label = f"{render('ui.slip.phone', {}, 'fr')} / {render('ui.slip.phone', {}, 'en')}"
        page.text(f"{label} : {format_phone(slip.phone)}", _font(11.5))
    if slip.opening_hours:
        page.heading("ui.slip.hours")
        page.text(slip.opening_hours, _font(11.5))

    page.heading("ui.slip.when")
    if slip.appointment:
        page.text(
            f"{_appointment(slip.appointment, 'fr')} — {slip.mode['fr']}",
            _font(12.5, bold=True),
            gap=0.3,
        )
        page.text(
            f"{_appointment(slip.appointment, 'en')} — {slip.mode['en']}",
            _font(10, italic=True),
            MUTED,
        )
    else:
        page.both("ui.slip.no_appointment", 11)

    page.heading("ui.slip.bring")
    if slip.to_bring:
        for item in slip.to_bring[:MAX_ITEMS]:
            page.text(f"•  {item}", _font(11.5), gap=0.6)
    else:
        page.both("ui.slip.bring_default", 11)
    page.y = page.rect.height() - CODE_BOX_MM * page.mm
    page.rule()
    _code_box(page, slip.code)
    page.painter.end()
    buffer.close()
    return bytes(data.data())


def _code_box(page: _Page, code: str) -> None:
    """The code as large text on the left, its QR code in the bottom-right corner (QR_*_MM)."""
    mm = page.mm
    size = QR_SIZE_MM * mm
    left = page.rect.width() - size
    top = page.rect.height() - size
    matrix = qr_matrix(code)
    module = size / len(matrix)
    painter = page.painter
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(left, top, size, size))
    painter.setBrush(QColor("black"))
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                # A hair larger than the module, so that neighbours leave no seam when printed.
                painter.drawRect(
                    QRectF(left + c * module, top + r * module, module + 0.5, module + 0.5)
                )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    text_width = left - 6 * mm
    fr, en = render("ui.slip.code", {}, "fr"), render("ui.slip.code", {}, "en")
    page.text(f"{fr} · {en}", _font(12, bold=True), ACCENT, gap=1.5, width=text_width)
    page.text(code, _font(30, bold=True, mono=True), gap=2, width=text_width)
    page.text(render("ui.slip.code_hint", {}, "fr"), _font(9.5), gap=0.3, width=text_width)
    page.text(
        render("ui.slip.code_hint", {}, "en"), _font(8.5, italic=True), MUTED, width=text_width
    )


def register_slip_renderer() -> None:
    """Let the services write slips with this renderer (window start, `handover slip`)."""
    from fieldapp.services.slip import register_slip_renderer as register

    register(render_slip)
