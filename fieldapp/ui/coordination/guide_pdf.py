"""The guide of the offers as a PDF, painted by Qt as the report is (QPdfWriter + QPainter, the
report's fonts, colours and page): `render_guide_pdf(guide)` returns the bytes. The guide's
content comes from `fieldapp.reports.guide` (no contact detail, no personal data).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from fieldapp.messages import say
from fieldapp.services.guide import Guide
from fieldapp.ui.coordination.charts import MUTED, TEXT
from fieldapp.ui.coordination.report_pdf import DPI, RULE, _font, ensure_app
from fieldapp.ui.kit import style

ACCENT = QColor(style.PRIMARY_DARK)


class _Pages:
    """The cursor down the page, new pages and their footer (the guide's title and page)."""

    def __init__(self, writer: QPdfWriter, title: str) -> None:
        self.writer = writer
        self.title = title
        self.painter = QPainter(writer)
        self.rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.width = self.rect.width()
        self.mm = DPI / 25.4
        self.y = 0.0
        self.page = 1

    def bottom(self) -> float:
        return self.rect.height() - 10 * self.mm

    def space(self, height: float) -> None:
        if self.y + height > self.bottom() and self.y > 0:
            self.footer()
            self.writer.newPage()
            self.page += 1
            self.y = 0.0

    def footer(self) -> None:
        p = self.painter
        p.setFont(_font(7))
        p.setPen(MUTED)
        rect = QRectF(0, self.rect.height() - 6 * self.mm, self.width, 6 * self.mm)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.title)
        p.drawText(rect, Qt.AlignmentFlag.AlignRight, say("ui.guide.page", page=self.page))

    def height(self, text: str, font: QFont, indent: float = 0) -> float:
        self.painter.setFont(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.painter.boundingRect(
            QRectF(0, 0, self.width - indent, 10_000), flags, text
        ).height()

    def text(
        self, text: str, font: QFont, color: QColor = TEXT, gap: float = 1.2, indent: float = 0
    ) -> None:
        height = self.height(text, font, indent)
        self.space(height)
        p = self.painter
        p.setFont(font)
        p.setPen(color)
        rect = QRectF(indent, self.y, self.width - indent, height)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.y += height + gap * self.mm

    def rule(self) -> None:
        self.painter.setPen(QPen(RULE, 0.3 * self.mm))
        self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.y += 2 * self.mm


def render_guide_pdf(guide: Guide) -> bytes:
    """The guide as PDF bytes (A4 portrait, in the current language)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(f"{guide.title} — {guide.subtitle}")
    writer.setCreator("Relais")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = _Pages(writer, f"{guide.title} — {guide.subtitle}")
    doc.text(guide.title, _font(22, bold=True), ACCENT, gap=1)
    doc.text(guide.subtitle, _font(13), gap=2)
    doc.text(guide.intro, _font(9.5), MUTED, gap=5)
    if not guide.sections:
        doc.text(say("reports.guide.none"), _font(11))
    indent = 4 * doc.mm
    for section in guide.sections:
        doc.space(30 * doc.mm)  # a need's title never ends a page alone
        doc.text(section.need, _font(14, bold=True), ACCENT, gap=1)
        doc.rule()
        for entry in section.entries:
            lines = [(entry.name, _font(11, bold=True), TEXT, 0.4, 0.0)]
            lines.append((entry.structure, _font(9), MUTED, 1.0, 0.0))
            if entry.description:
                lines.append((entry.description, _font(9), TEXT, 1.0, indent))
            if entry.hours:
                lines.append(
                    (say("reports.guide.hours", hours=entry.hours), _font(9), TEXT, 0.5, indent)
                )
            if entry.address:
                text = say("reports.guide.address", address=entry.address)
                lines.append((text, _font(9), TEXT, 0.5, indent))
            lines.append(
                (say("reports.guide.access", how=entry.access), _font(9), TEXT, 0.5, indent)
            )
            if entry.free:
                lines.append((say("reports.guide.cost_free"), _font(9), TEXT, 0.5, indent))
            total = sum(doc.height(t, f, i) + g * doc.mm for t, f, _c, g, i in lines)
            doc.space(total)  # one service on one page
            for text, font, color, gap, left in lines:
                doc.text(text, font, color, gap=gap, indent=left)
            doc.y += 3 * doc.mm
    doc.footer()
    doc.painter.end()
    buffer.close()
    return bytes(data.data())
