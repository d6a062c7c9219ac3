"""Plurals by one rule (fieldapp/messages/plural.py): no « (s) » left for a reader to decode,
French singular for 0 and 1, English for 1 only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from fieldapp.messages import CATALOGUE, render
from fieldapp.messages.plural import plural

ROOT = Path(__file__).resolve().parents[2]
# « contact(s) », « nouveau(x) », « batch(es) »: a plural left to the reader.
_BRACKETED = re.compile(r"\w\((?:s|x|es)\)")


def test_no_catalogue_template_leaves_a_plural_in_brackets() -> None:
    left = {
        code: [t for t in templates if _BRACKETED.search(t)]
        for code, templates in CATALOGUE.items()
        if any(_BRACKETED.search(t) for t in templates)
    }
    assert left == {}


def _tr_sources(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"tr", "translate"}
        ):
            found += [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
    return found


def test_no_window_string_leaves_a_plural_in_brackets() -> None:
    sources = {
        str(path.relative_to(ROOT)): [s for s in _tr_sources(path) if _BRACKETED.search(s)]
        for path in sorted((ROOT / "fieldapp" / "ui").rglob("*.py"))
    }
    assert {path: found for path, found in sources.items() if found} == {}
    ts = (ROOT / "resources" / "translations" / "relais_en.ts").read_text(encoding="utf-8")
    assert [line.strip() for line in ts.splitlines() if _BRACKETED.search(line)] == []


def test_counted_templates_agree_with_their_number() -> None:
    summary = {"merged": 1, "already": 0, "quarantined": 2, "inserted": 2, "present": 1}
    assert render("sync.merge.summary", summary, "fr") == (
        "1 lot fusionné, 0 déjà fusionné, 2 en quarantaine\u202f; 2 événements ajoutés, "
        "1 déjà présent"
    )
    assert render("sync.merge.summary", summary, "en") == (
        "1 batch merged, 0 already merged, 2 in quarantine; 2 events added, 1 already present"
    )
    assert render("cli.out.contact_count", {"n": 0}, "fr") == "0 contact"
    assert render("cli.out.contact_count", {"n": 0}, "en") == "0 contacts"
    assert render("cli.out.sync_sealed", {"n": 3}, "fr") == "3 nouveaux lots scellés"
    assert render("cli.out.sync_sealed", {"n": 1}, "en") == "1 new batch sealed"


def test_window_forms_follow_the_same_rule() -> None:
    assert plural(1, "%n tentative", "%n tentatives", "fr") == "1 tentative"
    assert plural(0, "%n tentative", "%n tentatives", "fr") == "0 tentative"
    assert plural(0, "%n attempt", "%n attempts", "en") == "0 attempts"
    assert plural(5, "%n tentative", "%n tentatives", "fr") == "5 tentatives"
