"""Which system libraries the window needs on a Linux desktop, and which are missing.

PySide6's wheels carry Qt itself but not the X11/xcb, EGL and font libraries of the system: on a
fresh desktop the window then aborts with « no Qt platform plugin could be initialized ». Qt 6.5+
also *loads* `libxcb-cursor.so.0` at run time, so `ldd` alone does not see that one. This module
asks the dynamic linker (`ldd` on the xcb plugin, `ldconfig -p` for the loaded ones) without
importing Qt, so `scripts/start` can check before the window opens and print, or run, the one
`apt-get install` line that fixes it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEBIAN_PACKAGES",
    "DesktopLibs",
    "apt_command",
    "check",
    "xcb_plugin",
]

# soname → Debian/Ubuntu package. The libraries the xcb plugin and its Qt helper library need
# (and `libxcb-cursor0`, loaded at run time), the list from a fresh Debian 12 / Ubuntu 24.04.
DEBIAN_PACKAGES: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

# Loaded with dlopen by Qt, invisible to ldd.
_LOADED_AT_RUN_TIME = ("libxcb-cursor.so.0",)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


@dataclass(frozen=True)
class DesktopLibs:
    """What the check found: `missing` sonames, the Debian `packages` for them (known ones), and
    the sonames no package is known for."""

    applies: bool
    missing: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.missing


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6 (or of the bundle), without importing Qt."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6")
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        roots.append(Path(spec.origin).parent)
    for root in roots:
        plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def _ldd_missing(plugin: Path) -> set[str]:
    ldd = shutil.which("ldd")
    if ldd is None:
        return set()
    run = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, check=False, timeout=30
    )
    return set(_NOT_FOUND.findall(run.stdout))


def _linker_knows(soname: str) -> bool:
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(p).exists()), None
    )
    if ldconfig is None:
        return True  # cannot tell: do not claim it is missing
    run = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False, timeout=30)
    return any(line.strip().startswith(soname + " ") for line in run.stdout.splitlines())


def check(environ: Mapping[str, str] | None = None, *, plugin: Path | None = None) -> DesktopLibs:
    """Which libraries the window's xcb plugin (`plugin`, by default PySide6's) lacks here.

    Applies on Linux only, with PySide6 installed, and not when `QT_QPA_PLATFORM` names another
    platform (offscreen, wayland…): there the xcb plugin is not the one that loads.
    """
    env = os.environ if environ is None else environ
    platform_name = env.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform_name and platform_name != "xcb"):
        return DesktopLibs(applies=False)
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return DesktopLibs(applies=False)
    missing = _ldd_missing(plugin)
    missing.update(s for s in _LOADED_AT_RUN_TIME if not _linker_knows(s))
    ordered = tuple(sorted(missing))
    packages = tuple(sorted({DEBIAN_PACKAGES[s] for s in ordered if s in DEBIAN_PACKAGES}))
    unknown = tuple(s for s in ordered if s not in DEBIAN_PACKAGES)
    return DesktopLibs(applies=True, missing=ordered, packages=packages, unknown=unknown)


def apt_command(found: DesktopLibs) -> list[str]:
    """The one command that installs what is missing (empty when nothing known is missing)."""
    if not found.packages:
        return []
    return ["apt-get", "install", "-y", "--no-install-recommends", *found.packages]
