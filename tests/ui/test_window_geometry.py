"""Windows open inside the screen's available geometry: on a 1366×768 laptop (or Qt's small
offscreen screen) the notebook is never larger than the screen (the coordination window uses the
same `fit_to_screen`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from fieldapp.ui.app.main import application
from fieldapp.ui.app.window import RelaisWindow
from pathlib import Path
from fieldapp.storage.home import Home
app = application()
room = app.primaryScreen().availableGeometry()
notebook = RelaisWindow(Home(Path(sys.argv[1])))
sizes = {"screen": [room.width(), room.height()], "notebook": [notebook.width(), notebook.height()]}
print(json.dumps(sizes))
"""


def _sizes(tmp_path: Path, width: int, height: int) -> dict[str, list[int]]:
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"synthesize": False, "screens": [screen]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "profil")],
        env=env, capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    return dict(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720), (800, 600)])
def test_the_notebook_fits_small_screens(tmp_path: Path, width: int, height: int) -> None:
    sizes = _sizes(tmp_path, width, height)
    assert sizes["screen"] == [width, height]
    notebook_w, notebook_h = sizes["notebook"]
    assert notebook_w <= width - 16 and notebook_h <= height - 48  # room for title and borders


def test_a_large_screen_gets_the_default_size(tmp_path: Path) -> None:
    assert _sizes(tmp_path, 1920, 1080)["notebook"] == [1280, 800]
