"""Where icons and translations live, in a source checkout or an installed package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon, QPixmap

_PACKAGE = Path(__file__).resolve().parents[2]  # fieldapp/


@cache
def resource_dir() -> Path:
    """`fieldapp/resources/` when packaged (pyproject's package-data), else the checkout's
    top-level `resources/` (DESIGN.md § Architecture)."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "icons").is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    path = icon_path(name)
    return QIcon(str(path)) if path.exists() else QIcon()


def pixmap(name: str, size: int) -> QPixmap:
    return icon(name).pixmap(size, size)


def translation_file(lang: str) -> Path:
    return resource_dir() / "translations" / f"relais_{lang}.qm"
