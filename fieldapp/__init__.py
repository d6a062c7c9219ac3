"""Relais: offline, encrypted field notebook for outreach work and warm handovers."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _version() -> str:
    """The version is written once, in pyproject.toml.

    A source checkout reads it there (an editable install's metadata goes stale when the file
    changes); an installed wheel and the PyInstaller bundle (whose spec stamps a dist-info from
    pyproject.toml) read the package metadata.
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "fieldapp" and isinstance(project.get("version"), str):
            return str(project["version"])
    except (OSError, ValueError):
        pass
    try:
        return version("fieldapp")
    except PackageNotFoundError:  # neither a checkout nor installed: a copied folder
        return "0+unknown"


__version__ = _version()
