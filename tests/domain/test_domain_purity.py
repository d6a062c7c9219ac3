"""The domain stays Qt-free and I/O-free (DESIGN.md § Architecture)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import fieldapp.domain

DOMAIN = Path(fieldapp.domain.__file__).parent
BANNED = {
    "PySide6",
    "shiboken6",
    "sqlite3",
    "sqlalchemy",
    "sqlcipher3",
    "socket",
    "httpx",
    "urllib",
    "logging",
    "subprocess",
    "pathlib",
    "os",
    "io",
    "shutil",
    "tempfile",
}
MODULES = sorted(DOMAIN.glob("*.py"))


def imported_roots(source: str) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_all_domain_modules_are_checked() -> None:
    names = {path.stem for path in MODULES}
    assert {"errors", "vocab", "ids", "clock", "events", "contacts", "handovers"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_qt_and_no_io_imports(path: Path) -> None:
    assert imported_roots(path.read_text(encoding="utf-8")) & BANNED == set()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_open_or_print(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert calls & {"open", "print", "input"} == set()
