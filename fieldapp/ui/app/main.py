"""`fieldapp` with no arguments: the window (first run, unlock, notebook)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fieldapp.services.profile import Home
from fieldapp.ui.app import bugs, gui_gc
from fieldapp.ui.app.single_instance import InstanceServer, signal_running
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.coordination.report_pdf import register_pdf_renderer
from fieldapp.ui.kit import i18n
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.style import apply_style
from fieldapp.ui.notebook.slip_pdf import register_slip_renderer


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, styled, in the saved language (French by default)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setApplicationName("Relais")
        QCoreApplication.setOrganizationName("Relais")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        # Wayland finds the window's icon and name through the installed .desktop file.
        QGuiApplication.setDesktopFileName("fr.relais.Relais")
        bugs.install()  # from now on, an exception nobody caught is shown, not just printed
    assert isinstance(app, QApplication)
    gui_gc.install(app)
    register_pdf_renderer()
    register_slip_renderer()
    apply_style(app)
    app.setWindowIcon(icon("relais"))
    return app


def run(home: Home, *, demo: bool = False) -> int:
    """Open the window on `home` and run until it closes; returns the exit code.

    With `demo=True`, opens (creating it if needed) the demonstration notebook kept beside
    `home`, with a banner saying that its data is fictional.
    """
    app = application()
    if signal_running(home.root):
        print("Relais est déjà ouvert sur ce profil : sa fenêtre passe au premier plan.")
        return 0
    instance = InstanceServer(home.root, app)
    if not instance.listen() and signal_running(home.root):
        print("Relais est déjà ouvert sur ce profil : sa fenêtre passe au premier plan.")
        return 0
    i18n.apply_language(str(home.read_settings().get("language", "fr")))
    window = RelaisWindow(home)
    instance.activate_requested.connect(window.bring_forward)
    if demo:
        window.show_demo()
    else:
        window.start()
    window.show()
    try:
        return int(app.exec())
    finally:
        instance.close()  # this profile is free for the next launch
