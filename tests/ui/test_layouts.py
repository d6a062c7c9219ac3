"""Layouts that fit (issue 20, item 4): every view at 1366×768 and 1280×720, and with text twice
as large, keeps each visible widget inside its window — panels scroll rather than overflow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.app.workspace import PAGES
from fieldapp.ui.notebook.contacts_page import ContactsPage
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import PASSPHRASE, make_profile, sample_contact
from tests.helpers.ui import make_window, workspace_of

SIZES = ((1366, 768), (1280, 720))
SHOTS = Path("/tmp/relais-layouts")  # looked at by hand; the test judges the geometry


def _rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def _scroll_area_of(viewport: QWidget) -> QAbstractScrollArea | None:
    parent = viewport.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is viewport:
        return parent
    return None


def _can_scroll(bar: QScrollBar | None) -> bool:
    return bar is not None and bar.isVisible() and bar.maximum() > bar.minimum()


def _squeezed(widget: QWidget) -> bool:
    """A one-line label or a button narrower than its text: the words are cut."""
    if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
        return False
    if not isinstance(widget, QLabel | QPushButton):
        return False
    if widget.toolTip() == widget.text():
        return False  # shortened on purpose, the whole text in its tooltip
    return widget.width() < widget.minimumSizeHint().width()


def overflowing(window: QWidget, *, text_cut: bool = True) -> list[str]:
    """Visible widgets that lie (even partly) outside what can be seen of them: outside the
    window, outside their parent, or outside a scroll area's viewport in a direction it
    cannot scroll."""
    bad: list[str] = []
    root = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0:
            continue
        rect = _rect_in(widget, window)
        name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
        text = getattr(widget, "text", None)
        if callable(text):
            name += f" « {str(text())[:40]} »"
        parent = widget.parentWidget()
        if parent is not None and _scroll_area_of(parent) is not None:
            continue  # a scroll area's content itself: judged by what it holds
        # Inside a scroll area: only the directions it can scroll may go past its viewport.
        ancestor, viewport = parent, None
        while ancestor is not None and ancestor is not window:
            holder = ancestor.parentWidget()
            if holder is not None and _scroll_area_of(holder) is not None:
                viewport = holder
                break
            ancestor = holder
        if text_cut and _squeezed(widget):
            bad.append(f"{name} {widget.width()} px < {widget.minimumSizeHint().width()}: text cut")
        if viewport is None:
            if not root.contains(rect):
                bad.append(f"{name} {rect.getRect()} outside the window {root.getRect()}")
            elif parent is not None and not _rect_in(parent, window).contains(rect):
                bad.append(f"{name} {rect.getRect()} cut by its parent")
            continue
        area = _scroll_area_of(viewport)
        assert area is not None
        view = _rect_in(viewport, window)
        if not _can_scroll(area.horizontalScrollBar()) and (
            rect.left() < view.left() or rect.right() > view.right()
        ):
            bad.append(f"{name} {rect.getRect()} cut across {view.getRect()}")
        if not _can_scroll(area.verticalScrollBar()) and (
            rect.top() < view.top() or rect.bottom() > view.bottom()
        ):
            bad.append(f"{name} {rect.getRect()} cut along {view.getRect()}")
    return bad


@pytest.fixture
def busy_home(tmp_path: Path) -> Home:
    """A profile with enough on it to fill every view: contacts, a long partner name."""
    home = Home(tmp_path / "profil")
    service, _ = make_profile(home.root)
    today = date.today().isoformat()
    for _ in range(30):
        service.record_contact(
            sample_contact(date=today, needs=["mobilite", "logement-hebergement"])
        )
    first = service.contacts()[0]["id"]
    service.propose_handover(
        {
            "contact_id": first,
            "partner": "Mission locale fictive du Val — accueil jeunes et orientation",
            "mode": "mise-en-relation",
            "consent": True,
        }
    )
    service.close()
    return home


@pytest.fixture(params=[1.0, 2.0], ids=["text-100", "text-200"])
def text_scale(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application font at its size, then doubled (200 % text, as offscreen allows)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    scale = float(request.param)
    if scale != 1.0:
        bigger = app.font()
        bigger.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(bigger)
    yield scale
    app.setFont(font)


def _fill(window: RelaisWindow, page: str) -> QWidget:
    widget = workspace_of(window).show_page(page)
    if isinstance(widget, ContactsPage):
        widget.table.selectRow(0)  # the card beside the list, with its buttons
    if isinstance(widget, HandoversPage):
        group = widget.tree.topLevelItem(0)
        if group is not None and group.child(0) is not None:
            widget.tree.setCurrentItem(group.child(0))
    for _ in range(3):
        QApplication.processEvents()
    return widget


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_view_fits_its_window(
    qtbot: QtBot, busy_home: Home, size: tuple[int, int], text_scale: float
) -> None:
    window = make_window(qtbot, busy_home)
    window.open_session(profile.open_profile(busy_home, PASSPHRASE))
    window.resize(*size)
    SHOTS.mkdir(exist_ok=True)
    problems: dict[str, list[str]] = {}
    for page in PAGES:
        _fill(window, page)
        window.grab().save(str(SHOTS / f"{page}-{size[0]}x{size[1]}-{text_scale:g}x.png"))
        assert window.size() == QSize(*size), f"{page} forces the window to {window.size()}"
        # At 200 % text, words still cut inside narrow filter bars are known (see the report);
        # what lies outside its window, parent or viewport is refused at both sizes.
        found = overflowing(window, text_cut=text_scale == 1.0)
        if found:
            problems[page] = found
    assert not problems, problems
    workspace = workspace_of(window)
    workspace.teardown()
    window.close()


@pytest.mark.parametrize(
    "size",
    SIZES,
    ids=lambda s: f"{s[0]}x{s[1]}",
)
def test_the_relais_table_shows_partner_and_mode_without_scrolling(
    qtbot: QtBot, busy_home: Home, size: tuple[int, int]
) -> None:
    window = make_window(qtbot, busy_home)
    window.open_session(profile.open_profile(busy_home, PASSPHRASE))
    window.resize(*size)
    page = _fill(window, "relais")
    assert isinstance(page, HandoversPage)
    tree: QTreeWidget = page.tree
    assert not tree.horizontalScrollBar().isVisible()
    viewport = tree.viewport().width()
    header = tree.header()
    for column in range(tree.columnCount()):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport
    window.close()
