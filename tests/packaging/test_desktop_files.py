"""Desktop integration files, the application icon and the installable package's layout."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from setuptools import find_packages

import fieldapp

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "fr.relais.Relais"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_desktop_file_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate absent (Debian package desktop-file-utils)")
    done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_metainfo_validates() -> None:
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli absent (Debian package appstream)")
    done = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_metainfo_and_icons_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "fieldapp"  # the console script and the bundle's executable
    assert desktop["Icon"] == APP_ID
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert fieldapp.__version__ in releases, "add the release to the metainfo"


def test_icon_sizes_exist_and_the_ico_holds_them_all() -> None:
    assert (ICONS / "relais.svg").is_file()
    for size in SIZES:
        data = (ICONS / f"relais-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = (ICONS / "relais.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    sides = sorted(ico[6 + 16 * n] or 256 for n in range(count))
    assert sides == list(SIZES)


def test_version_is_written_once() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    assert fieldapp.__version__ == project["version"]
    assert "version" not in project.get("dynamic", [])
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{fieldapp.__version__}]" in changelog


def test_wheel_lists_every_package_and_ships_resources() -> None:
    """pyproject lists the packages (resources/ is mapped into fieldapp/resources/): a new
    subpackage must be added there or the wheel would silently lack it."""
    tool = _pyproject()["tool"]
    assert isinstance(tool, dict)
    setuptools_cfg = tool["setuptools"]
    listed = set(setuptools_cfg["packages"])
    resources = {p for p in listed if p.startswith("fieldapp.resources")}
    assert listed - resources == set(find_packages(str(ROOT), include=["fieldapp*"]))
    assert setuptools_cfg["package-dir"] == {"fieldapp.resources": "resources"}
    data = setuptools_cfg["package-data"]
    shipped = set()
    for package in resources:
        folder = ROOT / "resources" / Path(*package.split(".")[2:])
        for pattern in data.get(package, []):
            shipped |= {p for p in folder.glob(pattern) if p.is_file()}
    wanted = {p for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert wanted - shipped == set()


def test_windows_installer_keeps_data_outside_the_application_folder() -> None:
    script = (ROOT / "packaging" / "windows" / "relais.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    # platformdirs' user data folder on Windows (fieldapp/storage/home.py): %LOCALAPPDATA%\Relais
    assert '#define DataDir "{localappdata}\\Relais"' in script
    assert "DefaultDirName={userpf}\\" in script  # %LOCALAPPDATA%\Programs\Relais
    assert "Box.Checked := False;" in script
    assert (ROOT / "resources" / "icons" / "relais.ico").is_file()
