"""The Qt part of `fieldapp selfcheck` (fieldapp.services.selfcheck stays Qt-free).

Starts Qt on the offscreen platform whatever the session has (a missing screen plugin would abort
the process instead of raising), then checks what a bundle most often lacks: the SVG icon engine,
the English translation, QtCharts and the PDF writer, and lists the platform plugins that are there
for the real window (xcb/wayland on Linux, windows on Windows).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.ui.kit.resources import icon_path, pixmap, translation_file

ON_SCREEN_PLATFORMS = {"linux": ("xcb", "wayland"), "win32": ("windows",), "darwin": ("cocoa",)}


class QtCheckFailed(Exception):
    pass


def platform_plugins() -> list[str]:
    """Names of the platform plugins Qt can load (`libqxcb.so` → `xcb`, `qwindows.dll` →
    `windows`)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    names = []
    for path in folder.glob("*"):
        if path.suffix not in {".so", ".dll", ".dylib"}:
            continue
        stem = path.stem.removeprefix("lib")
        names.append(stem.removeprefix("q"))
    return sorted(names)


def check(workdir: Path | None = None) -> str:
    """Raise QtCheckFailed (one French line) or return what was checked."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["fieldapp", "-platform", "offscreen"])
    platform = QGuiApplication.platformName()

    if not icon_path("relais").is_file():
        raise QtCheckFailed(f"icône introuvable : {icon_path('relais')}")
    if pixmap("relais", 64).isNull():
        raise QtCheckFailed("les icônes SVG ne se chargent pas (module QtSvg ou greffon absent)")

    translator = QTranslator()
    if not translator.load(str(translation_file("en"))):
        raise QtCheckFailed(f"traduction anglaise illisible : {translation_file('en')}")

    label = QLabel("Relais")
    label.resize(120, 30)
    if label.grab().isNull():
        raise QtCheckFailed("rendu hors écran impossible")

    from PySide6.QtCharts import QChart  # the coordinator's dashboard and PDF report

    QChart()
    with tempfile.TemporaryDirectory(prefix="relais-autotest-qt-", dir=workdir) as tmp:
        pdf = Path(tmp) / "autotest.pdf"
        writer = QPdfWriter(str(pdf))
        painter = QPainter(writer)
        painter.drawText(100, 100, "Relais")
        painter.end()
        del painter, writer
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise QtCheckFailed("écriture PDF impossible")

    plugins = platform_plugins()
    wanted = ON_SCREEN_PLATFORMS.get(sys.platform, ())
    if wanted and not any(name in plugins for name in wanted):
        raise QtCheckFailed(
            f"aucun greffon d'affichage ({', '.join(wanted)}) parmi : {', '.join(plugins) or '—'}"
        )
    return (
        f"PySide6 {pyside_version} (Qt {qVersion()}), plateforme {platform}, icônes SVG, "
        f"traduction en, QtCharts, PDF ; greffons d'affichage : {', '.join(plugins)}"
    )
