"""Render one view offscreen to a PNG (docs, README): `fieldapp screenshot --view NAME`."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from fieldapp.services import profile
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.profile import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.coordination.dashboard import Dashboard
from fieldapp.ui.coordination.window import CoordinationWindow
from fieldapp.ui.directory.feedback_dialog import FeedbackDialog
from fieldapp.ui.directory.view import DirectoryView
from fieldapp.ui.kit import i18n
from fieldapp.ui.notebook.contacts_page import ContactsPage
from fieldapp.ui.notebook.handovers import HandoversPage

VIEWS = (
    "aujourdhui",
    "contacts",
    "saisie",
    "relais",
    "relais-recus",
    "activite",
    "annuaire",
    "annuaire-signaler",
    "synchronisation",
    "parametres",
    "deverrouillage",
    "deverrouillage-attente",
    "premier-lancement",
    "coordination",
    "tableau-de-bord",
    "presence",
    "action-collective",
    "tableau-de-bord-presence",
)
COORDINATION_VIEWS = ("coordination", "tableau-de-bord", "tableau-de-bord-presence")

REPORT_WAIT_S = 60
NO_PASSPHRASE_VIEWS = ("deverrouillage", "deverrouillage-attente", "premier-lancement")
WRONG_TRIES_SHOWN = (4, 8)  # `deverrouillage-attente`: 4 wrong passphrases, 8 s left

# The screen of the field laptops the window must fit (DESIGN.md § Users): every view is shown
# at that size in docs/screenshots/.
SCREENSHOT_SIZE = (1366, 768)


class UnknownView(ValueError):
    def __init__(self, view: str) -> None:
        super().__init__(f"vue inconnue « {view} » ; vues possibles : {', '.join(VIEWS)}")


def _settle(ms: int = 150) -> None:
    """Let layouts, lazy loading and deferred deletes happen before grabbing."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def render_view(
    home: Home,
    passphrase: str,
    view: str,
    out: Path,
    lang: str = "fr",
    *,
    workspace: Path | None = None,
) -> None:
    """Open `home` with `passphrase`, show `view`, and save what it looks like to `out` (PNG).

    `deverrouillage` and `premier-lancement` need no passphrase (the latter renders the wizard
    of an empty temporary folder). `coordination` and `tableau-de-bord` open the coordination
    workspace `workspace` (by default `home/coordination`, where the demo puts it) with
    `passphrase`. Raises UnknownView, or the errors of `open_profile` / `CoordinationService`.
    """
    if view not in VIEWS:
        raise UnknownView(view)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fieldapp.ui.app.main import application

    application()
    i18n.apply_language(lang)
    if view in COORDINATION_VIEWS:
        _render_coordination(workspace or home.root / "coordination", passphrase, view, out)
        return
    with tempfile.TemporaryDirectory(prefix="relais-capture-") as scratch:
        target = Home(Path(scratch) / "profil") if view == "premier-lancement" else home
        window = RelaisWindow(target)
        window.resize(*SCREENSHOT_SIZE)
        saved_attempts = target.read_attempts()
        if view == "deverrouillage-attente":
            # The countdown after wrong passphrases; the real attempts are put back afterwards.
            failures, seconds = WRONG_TRIES_SHOWN
            target.write_attempts(failures, time.time() + seconds)
        try:
            widget = _prepare(window, target, passphrase, view)
            window.show()
            _settle()
            if widget is not window:
                widget.show()
                widget.raise_()
                _settle()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not _grab(window, widget).save(str(out), "PNG"):
                raise OSError(f"écriture impossible : {out}")
        finally:
            if view == "deverrouillage-attente":
                if saved_attempts == (0, 0.0):
                    target.clear_attempts()
                else:
                    target.write_attempts(*saved_attempts)
            if window.workspace is not None:
                window.workspace.teardown()  # no "abandon typing?" question offscreen
            window.close()
            window.deleteLater()
            _settle(10)


def _grab(window: RelaisWindow, widget: QWidget) -> QPixmap:
    """The widget; a dialog of the Annuaire over its window, centred, as a person sees it."""
    if not isinstance(widget, FeedbackDialog):
        return widget.grab()
    shot = window.grab()
    dialog = widget.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap(
        (shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2, dialog
    )
    painter.end()
    return shot


def _render_coordination(root: Path, passphrase: str, view: str, out: Path) -> None:
    window = CoordinationWindow(CoordinationService.open(root, passphrase))
    window.resize(*SCREENSHOT_SIZE)
    try:
        if view == "coordination":
            window.tabs.setCurrentWidget(window.view)
        window.show()
        _settle()
        if view.startswith("tableau-de-bord"):
            _wait_for_report(window.dashboard)
        if view == "tableau-de-bord-presence":  # issue 17's section, at the bottom
            board = window.dashboard
            board.scroll_area.ensureWidgetVisible(board.presence_section, 0, 0)
            _settle()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            raise OSError(f"écriture impossible : {out}")
    finally:
        window.shutdown(wait=True)
        _settle(10)


def _wait_for_report(dashboard: Dashboard) -> None:
    """The indicators are computed in the background: capture once they are shown."""
    deadline = time.monotonic() + REPORT_WAIT_S
    while dashboard.report is None:
        if time.monotonic() > deadline:
            raise TimeoutError("indicateurs non calculés à temps pour la capture")
        _settle(50)
    _settle()


def _prepare(window: RelaisWindow, home: Home, passphrase: str, view: str) -> QWidget:
    if view == "premier-lancement":
        window.show_first_run()
        return window
    if view == "deverrouillage":
        window.show_unlock()
        return window
    if view == "deverrouillage-attente":
        window.show_unlock()  # render_view wrote the wrong tries beforehand
        return window
    workspace = window.open_session(profile.open_profile(home, passphrase))
    if view == "saisie":
        form = workspace.new_contact()
        # A form being filled in says more than an empty one (synthetic values).
        form.place_type.setCurrentIndex(form.place_type.findData("pied-immeuble"))
        form.age_band.setCurrentIndex(form.age_band.findData("18-25"))
        form.situation.setCurrentIndex(form.situation.findData("sans-emploi-ni-formation"))
        form.registrations.set_codes(["aucune"])
        form.needs.set_codes(["trouver-un-emploi", "mobilite"])
        form.adjustSize()
        return form
    if view == "annuaire-signaler":
        annuaire = workspace.show_page("annuaire")
        window.show()
        _settle()
        assert isinstance(annuaire, DirectoryView)
        annuaire.feedback_button.click()
        dialog = next(d for d in workspace.dialogs if isinstance(d, FeedbackDialog))
        dialog.reason_buttons["horaires"].click()
        dialog.comment.setPlainText("Accueil fermé le lundi matin depuis la rentrée.")
        return dialog
    if view in PRESENCE_VIEWS:
        return _presence_form(window, workspace, view)
    page = workspace.show_page(view)
    window.show()
    _settle()
    if isinstance(page, ContactsPage) and page.model.rowCount() > 0:
        page.table.selectRow(0)
        page.table.setFocus()
    if isinstance(page, HandoversPage):
        _select_first_overdue(page)
    if isinstance(page, Dashboard):
        _wait_for_report(page)
    return window


PRESENCE_VIEWS = ("presence", "action-collective")


def _presence_form(window: RelaisWindow, workspace: Any, view: str) -> QWidget:
    """Issue 17's forms being filled in (synthetic values), drawn over the window at the
    screenshots' size: a dialog alone would not show where it opens from."""
    window.show()
    _settle()
    form = workspace.new_outing() if view == "presence" else workspace.new_action()
    form.neighbourhood.setEditText("QN07601M")
    if view == "presence":
        form.duration.setValue(150)
        seen = {("homme", "18-25"): 7, ("femme", "18-25"): 3, ("homme", "16-17"): 4}
        for (gender, band), n in (seen | {("femme", "26-29"): 1}).items():
            form.seen.boxes[(gender, band)].setValue(n)
        form.ambiance.setCurrentIndex(form.ambiance.findData("tendu"))
        form.mediations.setValue(1)
    else:
        form.action_type.setCurrentIndex(form.action_type.findData("job-dating"))
        form.partners.setText("ml-le-havre, ft-le-havre-nord")
        form.employers.setValue(6)
        for (gender, band), n in {("femme", "18-25"): 8, ("homme", "18-25"): 11,
                                  ("femme", "26-29"): 4}.items():  # fmt: skip
            form.participants.boxes[(gender, band)].setValue(n)
    form.adjustSize()
    return _Composite(window, form)


class _Composite(QWidget):
    """The window with a dialog painted over it, centred, for `grab()`."""

    def __init__(self, window: QWidget, dialog: QWidget) -> None:
        super().__init__()
        self.window_, self.dialog = window, dialog
        self.resize(*SCREENSHOT_SIZE)

    def grab(self, *_args: Any) -> Any:
        _settle()
        picture = self.window_.grab()
        top = self.dialog.grab()
        painter = QPainter(picture)
        x = max(0, (picture.width() - top.width()) // 2)
        y = max(0, (picture.height() - top.height()) // 2)
        painter.drawPixmap(x, y, top)
        painter.end()
        return picture


def _select_first_overdue(page: HandoversPage) -> None:
    tree = page.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group is not None and group.childCount() and group.isExpanded():
            child = group.child(0)
            if child is not None:
                tree.setCurrentItem(child)
                return
