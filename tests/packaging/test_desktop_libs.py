"""The desktop-libraries check that `scripts/start` runs before opening the window.

It must name exactly the libraries the dynamic linker cannot find, with the Debian packages that
provide them, and stay silent where the xcb plugin is not the one Qt loads."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.services import desktop_libs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def test_offscreen_and_wayland_sessions_are_not_checked() -> None:
    for platform in ("offscreen", "wayland"):
        assert desktop_libs.check({"QT_QPA_PLATFORM": platform}).applies is False


def test_the_real_plugin_reports_only_libraries_that_cannot_load() -> None:
    found = desktop_libs.check({})
    assert found.applies, "PySide6's xcb plugin should be found in the test environment"
    for soname in found.missing:
        with pytest.raises(OSError):
            ctypes.CDLL(soname)
    for soname in desktop_libs.DEBIAN_PACKAGES:
        if soname not in found.missing and soname in _ldd_names(desktop_libs.xcb_plugin()):
            ctypes.CDLL(soname)  # what the check calls present really loads


def _ldd_names(plugin: Path | None) -> set[str]:
    assert plugin is not None
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines() if "=>" in line}


@pytest.fixture
def plugin_with_missing_libs(tmp_path: Path) -> Path:
    """A real shared object that needs two libraries absent from this machine: one the check
    knows the Debian package of (under a soname that cannot exist here) and one it does not."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed to build a plugin with absent dependencies")
    src = tmp_path / "x.c"
    src.write_text("int relais_probe(void) { return 0; }\n")
    for soname in ("libxcb-relais-absent.so.7", "libunknown-relais.so.3"):
        subprocess.run(
            ["gcc", "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", tmp_path / soname, src],
            check=True,
        )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            "-o",
            plugin,
            src,
            "-L",
            tmp_path,
            "-Wl,--no-as-needed",
            "-l:libxcb-relais-absent.so.7",
            "-l:libunknown-relais.so.3",
        ],
        check=True,
    )
    for soname in ("libxcb-relais-absent.so.7", "libunknown-relais.so.3"):
        (tmp_path / soname).unlink()  # now the linker cannot find them
    return plugin


def test_absent_dependencies_are_named_with_their_packages(
    plugin_with_missing_libs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        desktop_libs.DEBIAN_PACKAGES,  # type: ignore[arg-type]
        "libxcb-relais-absent.so.7",
        "libxcb-relais-absent7",
    )
    found = desktop_libs.check({}, plugin=plugin_with_missing_libs)
    assert not found.ok
    assert "libxcb-relais-absent.so.7" in found.missing
    assert "libunknown-relais.so.3" in found.unknown
    assert "libxcb-relais-absent7" in found.packages
    command = desktop_libs.apt_command(found)
    assert command[:2] == ["apt-get", "install"] and "libxcb-relais-absent7" in command


def test_the_command_agrees_with_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    found = desktop_libs.check()
    code = main(["selfcheck", "--desktop-libs"])
    out, err = capsys.readouterr()
    if not found.applies or found.ok:
        assert (code, out, err) == (0, "", "")
    else:
        assert code == 1
        assert out.split() == list(found.packages)
        assert len(err.strip().splitlines()) == 1 and "apt-get install" in err
