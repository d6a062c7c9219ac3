"""The PDF report, painted by Qt: QPdfWriter + QPainter, charts drawn by QtCharts offscreen.

`render_pdf(report)` takes a finished `Report` (suppression already applied by
fieldapp.reports) and returns the PDF bytes; the CLI and the dashboard both call it. Its charts
come from charts.py, shared with the dashboard, so screen and paper show the same figures; a
hidden count is never drawn (see there).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication

from fieldapp.messages import say
from fieldapp.services.reporting import Report, Table, display
from fieldapp.ui.coordination.charts import (
    MUTED,
    TEXT,
    contacts_chart,
    funnel_chart,
    legend_text,
    needs_chart,
    neighbourhood_chart,
    paint_chart,
)
from fieldapp.ui.kit import style

RULE = QColor(style.BORDER)
HEADER_BG = QColor(style.PRIMARY_SOFT)
TOTAL_BG = QColor("#f3f5f7")
DPI = 300


def ensure_app() -> QApplication:
    """A QApplication for painting; offscreen when none runs (the CLI)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication([])


# -- charts (shared with the dashboard) ----------------------------------------------------------


# -- the document ------------------------------------------------------------------------------


def _font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class _Document:
    def __init__(self, writer: QPdfWriter, report: Report) -> None:
        self.writer = writer
        self.report = report
        self.painter = QPainter(writer)
        self.page_rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.width = self.page_rect.width()
        self.y = 0.0
        self.page = 1
        self.mm = DPI / 25.4

    def space(self, height: float) -> None:
        if self.y + height > self.page_rect.height() - 10 * self.mm:
            self.new_page()

    def new_page(self) -> None:
        self.footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0

    def footer(self) -> None:
        p = self.painter
        p.setFont(_font(7))
        p.setPen(MUTED)
        rect = QRectF(0, self.page_rect.height() - 6 * self.mm, self.width, 6 * self.mm)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.report.title)
        p.drawText(rect, Qt.AlignmentFlag.AlignRight, f"page {self.page}")

    def text(self, text: str, font: QFont, color: QColor = TEXT, gap: float = 1.5) -> None:
        p = self.painter
        p.setFont(font)
        p.setPen(color)
        flags = int(Qt.TextFlag.TextWordWrap)
        bound = p.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text)
        self.space(bound.height())
        p.drawText(QRectF(0, self.y, self.width, bound.height()), flags, text)
        self.y += bound.height() + gap * self.mm

    def charts(self, charts: Sequence[QChart], height_mm: float = 62) -> None:
        gap = 4 * self.mm
        width = (self.width - gap * (len(charts) - 1)) / len(charts)
        height = height_mm * self.mm
        self.space(height)
        for i, chart in enumerate(charts):
            paint_chart(self.painter, chart, QRectF(i * (width + gap), self.y, width, height))
        self.y += height + 2 * self.mm

    def key_figures(self, table: Table) -> None:
        """The first table as a grid of figure cards, three across."""
        across, gap = 3, 3 * self.mm
        card_w = (self.width - gap * (across - 1)) / across
        card_h = 15 * self.mm
        p = self.painter
        for n, row in enumerate(table.rows):
            col = n % across
            if col == 0:
                self.space(card_h)
                if n:
                    self.y += card_h + gap
            rect = QRectF(col * (card_w + gap), self.y, card_w, card_h)
            p.setPen(QPen(RULE, 0.3 * self.mm))
            p.setBrush(QColor("#ffffff"))
            p.drawRoundedRect(rect, 2 * self.mm, 2 * self.mm)
            inner = rect.adjusted(3 * self.mm, 1.5 * self.mm, -3 * self.mm, -1.5 * self.mm)
            p.setPen(QColor("#17555c"))
            p.setFont(_font(13, bold=True))
            p.drawText(inner, int(Qt.AlignmentFlag.AlignTop), display(row.cells[1], table.k))
            p.setPen(MUTED)
            p.setFont(_font(7))
            p.drawText(
                inner,
                int(Qt.AlignmentFlag.AlignBottom) | int(Qt.TextFlag.TextWordWrap),
                str(row.cells[0].value),
            )
        self.y += card_h + 4 * self.mm

    def table(self, table: Table) -> None:
        p = self.painter
        size = 7.5 if len(table.columns) <= 6 else 6.5
        body, bold = _font(size), _font(size, bold=True)
        metrics = QFontMetricsF(body, self.writer)
        pad = 1.2 * self.mm
        texts = [[display(c, table.k) for c in row.cells] for row in table.rows]
        natural = [
            max(
                [metrics.horizontalAdvance(t[j]) for t in texts]
                + [metrics.horizontalAdvance("0000")]
            )
            + 2 * pad
            for j in range(len(table.columns))
        ]
        # Number columns are as wide as their values and their header's longest word; label
        # columns take what is left.
        head_metrics = QFontMetricsF(bold, self.writer)
        widths = list(natural)
        for j in range(table.label_columns, len(widths)):
            longest = max(head_metrics.horizontalAdvance(w) for w in table.columns[j].split())
            widths[j] = max(natural[j], longest + 2 * pad, 14 * self.mm)
        label_space = max(self.width - sum(widths[table.label_columns :]), 30 * self.mm)
        label_total = sum(natural[: table.label_columns]) or 1
        for j in range(table.label_columns):
            widths[j] = min(label_space * natural[j] / label_total, max(natural[j], 40 * self.mm))
        scale = min(1.0, self.width / sum(widths))
        widths = [w * scale for w in widths]
        flags_wrap = int(Qt.TextFlag.TextWordWrap)
        header_h = (
            max(
                p.boundingRect(QRectF(0, 0, w - 2 * pad, 10_000), flags_wrap, name).height()
                for w, name in zip(widths, table.columns, strict=True)
            )
            + 2 * pad
        )
        p.setFont(bold)
        header_h = max(
            header_h,
            max(
                p.boundingRect(QRectF(0, 0, w - 2 * pad, 10_000), flags_wrap, name).height()
                for w, name in zip(widths, table.columns, strict=True)
            )
            + 2 * pad,
        )
        row_h = metrics.height() + 2 * pad
        self.space(8 * self.mm + header_h + 3 * row_h)
        self.text(table.title, _font(10.5, bold=True), gap=1)

        def header() -> None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(HEADER_BG)
            p.drawRect(QRectF(0, self.y, sum(widths), header_h))
            p.setPen(TEXT)
            p.setFont(bold)
            x = 0.0
            for j, (w, name) in enumerate(zip(widths, table.columns, strict=True)):
                align = (
                    Qt.AlignmentFlag.AlignLeft
                    if j < table.label_columns
                    else Qt.AlignmentFlag.AlignRight
                )
                p.drawText(
                    QRectF(x + pad, self.y + pad, w - 2 * pad, header_h - 2 * pad),
                    int(align) | int(Qt.AlignmentFlag.AlignBottom) | flags_wrap,
                    name,
                )
                x += w
            self.y += header_h

        header()
        for row, cells in zip(table.rows, texts, strict=True):
            if self.y + row_h > self.page_rect.height() - 10 * self.mm:
                self.new_page()
                header()
            if row.total:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(TOTAL_BG)
                p.drawRect(QRectF(0, self.y, sum(widths), row_h))
            p.setFont(bold if row.total else body)
            p.setPen(TEXT)
            x = 0.0
            for j, (w, text) in enumerate(zip(widths, cells, strict=True)):
                align = (
                    Qt.AlignmentFlag.AlignLeft
                    if j < table.label_columns
                    else Qt.AlignmentFlag.AlignRight
                )
                clipped = metrics.elidedText(text, Qt.TextElideMode.ElideRight, w - 2 * pad)
                p.drawText(
                    QRectF(x + pad, self.y, w - 2 * pad, row_h),
                    int(align) | int(Qt.AlignmentFlag.AlignVCenter),
                    clipped,
                )
                x += w
            p.setPen(QPen(RULE, 0.15 * self.mm))
            p.drawLine(0, int(self.y + row_h), int(sum(widths)), int(self.y + row_h))
            self.y += row_h
        self.y += 1.5 * self.mm
        for note in table.notes:
            self.text(note, _font(6.5, italic=True), MUTED, gap=0.6)
        self.y += 4 * self.mm

    def finish(self) -> None:
        self.footer()
        self.painter.end()


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4 portrait, in the current language)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(report.title)
    writer.setCreator("Relais")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = _Document(writer, report)
    doc.text(report.title, _font(20, bold=True), gap=1)
    period = say("ui.pdf.period", period=report.period_text(), scope=report.filters_text())
    doc.text(period, _font(10.5), gap=0.5)
    note = say("ui.pdf.generated", **report.generated_parts())
    if report.k is not None:
        note += say("ui.pdf.suppression", k=report.k)
    doc.text(note, _font(8), MUTED, gap=4)
    doc.key_figures(report.tables[0])
    doc.charts([contacts_chart(report)], 58)
    doc.charts([funnel_chart(report), needs_chart(report)], 62)
    if report.k is not None:
        # The charts' reading note, word for word the one under the dashboard's charts.
        doc.text(legend_text(report), _font(7, italic=True), MUTED)
    doc.new_page()
    doc.charts([neighbourhood_chart(report)], 70)
    for table in report.tables[1:]:
        doc.table(table)
    doc.space(40 * doc.mm)
    doc.text(say("ui.pdf.method"), _font(12, bold=True), gap=1.5)
    for paragraph in report.method:
        doc.text(paragraph, _font(8.5), gap=1.5)
    doc.finish()
    buffer.close()
    return bytes(data.data())


def register_pdf_renderer() -> None:
    """Let the services write PDF reports with this renderer (window start, CLI's report), and
    the guide of the offers with its sibling (ui/coordination/guide_pdf.py)."""
    from fieldapp.services.guide import register_guide_renderer
    from fieldapp.services.reporting import register_pdf_renderer as register
    from fieldapp.ui.coordination.guide_pdf import render_guide_pdf

    register(render_pdf)
    register_guide_renderer(render_guide_pdf)
