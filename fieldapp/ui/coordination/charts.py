"""The report's charts (QtCharts), shared by the PDF and the dashboard so screen and paper show the
same figures. A bar whose count is hidden is drawn empty and its category marked "*"; in a stacked
chart, a category with a hidden part whose total is published shows that total as one bar, marked
"*" too. Value axes tick at multiples of k, so no axis label reads like a small count either.

`legend_text(report)` is the reading note under the charts, the same on screen and in the PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from fieldapp.messages import say
from fieldapp.services.reporting import Cell, Report, legend
from fieldapp.ui.kit import style

TEXT = QColor(style.TEXT)
MUTED = QColor(style.MUTED)
PALETTE = ("#1f6f78", "#e0a030", "#7a5ea8", "#c8553d", "#4f8a3c", "#5b6776", "#2f7fc1")
CHART_SIZE = QSizeF(520, 300)  # scene units for charts (about screen pixels)
HIDDEN_MARK = " *"
HIDDEN_DETAIL = "#9fb9bc"  # a published total whose detail is hidden: one muted bar


def _tick_step(top: float, k: int | None) -> float:
    """A round axis step, a multiple of k, so tick labels never read as hidden counts."""
    raw = max(top, 1.0) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if k is not None:
        step = k * math.ceil(step / k)
    return float(max(step, 1))


def _value_axis(top: float, k: int | None) -> QValueAxis:
    axis = QValueAxis()
    step = _tick_step(top, k)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, step * max(1, math.ceil(max(top, 1) / step)))
    axis.setLabelFormat("%.0f")
    axis.setGridLineColor(QColor("#e6eaef"))
    axis.setLabelsColor(MUTED)
    return axis


def _base_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSizeF(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(TEXT)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setLabelColor(TEXT)
    return chart


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Cell]]],
    k: int | None,
    *,
    stacked: bool = False,
    horizontal: bool = False,
    totals: Sequence[Cell] | None = None,
) -> QChart:
    """Bars from published cells; a hidden cell draws nothing and marks its category.

    `totals` (stacked bars): each category's published total. A category with a hidden part
    but a published total is drawn as one bar of that total (its own colour, "Total (détail
    masqué)"), still marked: what may be published is shown, the hidden part is not.
    """
    chart = _base_chart(title)
    kind = QStackedBarSeries if stacked else QHorizontalBarSeries if horizontal else QBarSeries
    bars = kind()
    labels = list(categories)
    values = [[c.number or 0.0 for c in cells] for _, cells in series]
    whole = [0.0] * len(labels)
    for i in range(len(labels)):
        if any(cells[i].suppressed for _, cells in series):
            if not labels[i].endswith(HIDDEN_MARK):
                labels[i] += HIDDEN_MARK
            total = totals[i].number if stacked and totals is not None else None
            if total is not None:
                whole[i] = total
                for row in values:
                    row[i] = 0.0
    for n, (name, _) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[n % len(PALETTE)]))
        bar_set.setBorderColor(QColor(PALETTE[n % len(PALETTE)]))
        bar_set.append(values[n])
        bars.append(bar_set)
    if any(whole):
        bar_set = QBarSet(say("ui.chart.total_hidden_detail"))
        bar_set.setColor(QColor(HIDDEN_DETAIL))
        bar_set.setBorderColor(QColor(PALETTE[0]))
        bar_set.append(whole)
        bars.append(bar_set)
    if stacked:
        top = max(
            (sum(row[i] for row in values) + whole[i] for i in range(len(labels))), default=0.0
        )
    else:
        top = max((v for row in values for v in row), default=0.0)
    chart.addSeries(bars)
    category_axis = QBarCategoryAxis()
    category_axis.append(labels)
    category_axis.setLabelsColor(TEXT)
    value_axis = _value_axis(top, k)
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(category_axis)
    bars.attachAxis(value_axis)
    chart.legend().setVisible(len(series) > 1 or any(whole))
    return chart


# The funnel chart's stages, in order (codes of the report's "reports.stage.…" labels).
FUNNEL_STAGES = ("proposed", "appointment_set", "appointment_attended", "entered")

_MONTH_ABBREVIATIONS = {
    "janvier": "janv.",
    "février": "févr.",
    "avril": "avr.",
    "juillet": "juil.",
    "septembre": "sept.",
    "octobre": "oct.",
    "novembre": "nov.",
    "décembre": "déc.",
}

_MONTH_LETTERS = {
    "janvier": "jan",
    "février": "fév",
    "mars": "mar",
    "avril": "avr",
    "mai": "mai",
    "juin": "jun",
    "juillet": "jul",
    "août": "aoû",
    "septembre": "sep",
    "octobre": "oct",
    "novembre": "nov",
    "décembre": "déc",
}


def _short_month(label: str) -> str:
    # "janv. 26": never a bare number, which could read like a (hidden) count.
    month, year = label.split(" ")
    return f"{_MONTH_ABBREVIATIONS.get(month, month)} {year[2:]}"


def contacts_chart(report: Report) -> QChart:
    t = report.table("contacts_mois")
    labels = t.row_labels()
    if len({m.split(" ")[1] for m in labels}) == 1:
        months = [_short_month(m).split(" ")[0] for m in labels]  # one year: the title says it
        title = say("ui.chart.contacts_by_month_in", period=labels[0].split(" ")[1])
    elif len(labels) > 6:
        # A rolling year: three letters fit under each bar; the title gives the years.
        months = []
        for m in labels:
            short = _MONTH_LETTERS.get(m.split(" ")[0], m[:3])
            # Categories must differ: November of two years gets an invisible mark.
            while short in months:
                short += "\u200b"
            months.append(short)
        period = f"{_short_month(labels[0])} – {_short_month(labels[-1])}"
        title = say("ui.chart.contacts_by_month_in", period=period)
    else:
        months, title = [_short_month(m) for m in labels], say("ui.chart.contacts_by_month")
    return bar_chart(
        title,
        months,
        [
            (first := t.text("reports.column.first_contacts"), t.column(first)),
            (repeat := t.text("reports.column.recontacts"), t.column(repeat)),
        ],
        report.k,
        stacked=True,
        totals=t.column(t.text("reports.label.total")),
    )


def funnel_chart(report: Report) -> QChart:
    t = report.table("relais_mois")
    total = t.rows[-1].cells
    stages = [t.text(f"reports.stage.{code}") for code in FUNNEL_STAGES]
    cells = [total[t.columns.index(s)] for s in stages]
    # Horizontal bars read top-down when the first stage is appended last.
    return bar_chart(
        say("ui.chart.funnel"),
        list(reversed(stages)),
        [(say("ui.chart.handovers"), list(reversed(cells)))],
        report.k,
        horizontal=True,
    )


def needs_chart(report: Report, limit: int = 8) -> QChart:
    t = report.table("besoins")
    labels = t.row_labels()[:limit]
    contacts = t.text("reports.label.contacts")
    cells = t.column(contacts)[:limit]
    return bar_chart(
        say("ui.chart.needs"),
        list(reversed(labels)),
        [(contacts, list(reversed(cells)))],
        report.k,
        horizontal=True,
    )


def neighbourhood_chart(report: Report) -> QChart:
    t = report.table("quartiers")
    types = t.columns[1:-1]
    return bar_chart(
        say("ui.chart.neighbourhoods"),
        t.row_labels(),
        [(name, t.column(name)) for name in types],
        report.k,
        stacked=True,
        totals=t.column(t.columns[-1]),
    )


def paint_chart(painter: QPainter, chart: QChart, target: QRectF) -> None:
    """Paint `chart` into `target`, laid out at about screen size so its text stays legible."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    width = CHART_SIZE.height() * target.width() / target.height()
    chart.setGeometry(QRectF(0, 0, width, CHART_SIZE.height()))
    scene.setSceneRect(QRectF(0, 0, width, CHART_SIZE.height()))
    QApplication.processEvents()  # let the chart lay out its axes before painting
    scene.render(painter, target, scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    scene.removeItem(chart)
    chart.deleteLater()


def legend_text(report: Report) -> str:
    """What "< k", "s" and "*" mean, for the charts and tables of this report."""
    if report.k is None:
        return legend(None)
    return f"{legend(report.k)} {say('ui.chart.hidden_mark', k=report.k)}"
