"""Offscreen rendering for the docs, and the background task helper."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fieldapp import cli
from fieldapp.services import demo
from fieldapp.storage.home import Home
from fieldapp.ui.app.screenshot import SCREENSHOT_SIZE, UnknownView, render_view
from fieldapp.ui.kit import tasks
from tests.helpers import PASSPHRASE


def test_render_view_writes_a_png_of_the_view(
    qtbot: QtBot, profile_home: tuple[Home, str], tmp_path: Path
) -> None:
    home, _key = profile_home
    from fieldapp.services import profile

    service = profile.open_profile(home, PASSPHRASE)
    demo.fill_demo(service, 30)
    service.close()
    out = tmp_path / "shots" / "contacts.png"
    render_view(home, PASSPHRASE, "contacts", out)
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 1000 and image.height() >= 600
    with pytest.raises(UnknownView):
        render_view(home, PASSPHRASE, "inconnue", out)


def test_screenshot_command_renders_the_window_with_its_sync_badge(
    qtbot: QtBot,
    profile_home: tuple[Home, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home, _key = profile_home
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "aujourdhui.png"
    assert (
        cli.main(
            ["screenshot", "--home", str(home.root), "--view", "aujourdhui", "--out", str(out)]
        )
        == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE

    # Bad input: one line on stderr, a non-zero exit, no file.
    capsys.readouterr()
    bad = tmp_path / "rien.png"
    assert (
        cli.main(["screenshot", "--home", str(home.root), "--view", "inconnue", "--out", str(bad)])
        == cli.EXIT_ERROR
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "vue inconnue" in err and not bad.exists()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "pas la bonne phrase de passe")
    assert (
        cli.main(["screenshot", "--home", str(home.root), "--view", "contacts", "--out", str(bad)])
        == cli.EXIT_ERROR
    )
    assert not bad.exists()
    # The unlock screen needs no passphrase.
    monkeypatch.delenv("FIELDAPP_PASSPHRASE")
    assert (
        cli.main(
            ["screenshot", "--home", str(home.root), "--view", "deverrouillage", "--out", str(bad)]
        )
        == 0
    )


def test_tasks_run_off_the_ui_thread_and_report_back(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}
    ui_thread = threading.get_ident()

    def work(progress: tasks.Progress) -> str:
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        progress(2, 2)
        return "fini"

    steps: list[tuple[int, int]] = []
    task = tasks.run_task(work, on_progress=lambda d, t: steps.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert task.result == "fini" and task.error is None
    assert seen["worker"] != ui_thread
    assert steps == [(1, 2), (2, 2)]

    def boom(_progress: tasks.Progress) -> None:
        raise ValueError("échec attendu")

    errors: list[BaseException] = []
    task = tasks.run_task(boom, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert isinstance(errors[0], ValueError)


def test_a_result_nobody_waits_for_is_cleaned_up(qtbot: QtBot) -> None:
    context = QWidget()
    released: list[object] = []
    done: list[object] = []
    gate = threading.Event()

    def work(_progress: tasks.Progress) -> str:
        gate.wait(5)
        return "store ouvert"

    task = tasks.run_task(work, context=context, on_done=done.append, cleanup=released.append)
    context.deleteLater()
    qtbot.wait(20)  # the context goes away (e.g. the window locked) before the work ends
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert done == [] and released == ["store ouvert"]


def test_none_survives_the_bindings_refcount_defect(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call (see compat.py)."""
    import sys

    from PySide6.QtWidgets import QLabel

    from fieldapp.ui.app import compat

    assert compat.affected((6, 12, 0), (3, 11)) and not compat.affected((6, 11, 3), (3, 11))
    assert not compat.affected((6, 12, 0), (3, 12))
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(20_000):  # several times None's natural reference count
        label.setText("x")
    assert sys.getrefcount(None) > 1_000


def test_screenshot_of_the_coordination_dashboard(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import COORD_PASSPHRASE, make_coordination

    coordination = make_coordination(tmp_path / "coord")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    out = tmp_path / "tableau.png"
    args = ["screenshot", "--workspace", str(coordination.root), "--out", str(out)]
    assert cli.main([*args, "--view", "tableau-de-bord", "--home", str(tmp_path / "aucun")]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
