"""Regenerate the application icon's bitmaps from resources/icons/relais.svg.

    .venv/bin/python packaging/make_icons.py          # rewrite them
    .venv/bin/python packaging/make_icons.py --check  # exit 1 if one is missing or out of date

Writes resources/icons/relais-<N>.png for N in SIZES (the Linux desktop's hicolor theme, the window
icon of other toolkits) and resources/icons/relais.ico (the Windows executable, installer and
start-menu shortcut: every size, each stored as PNG inside the ICO, as Windows Vista and later
read them). Rendered by Qt's SVG renderer, offscreen: nothing outside the project's own
dependencies is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: TID251 (a build tool)
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "relais.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"PNG {size}×{size} : écriture impossible")
    buffer.close()
    return bytes(data.data())


def pack_ico(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG streams (ICONDIR, ICONDIRENTRY × n, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def outputs() -> dict[Path, bytes]:
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: SVG illisible : {SOURCE}")
    pngs = {size: render_png(renderer, size) for size in SIZES}
    files = {ICONS / f"relais-{size}.png": png for size, png in pngs.items()}
    files[ICONS / "relais.ico"] = pack_ico(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="vérifier sans rien écrire")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.write_bytes(data)
        print(path.relative_to(ROOT))
    if stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"make_icons: à régénérer : {names}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
