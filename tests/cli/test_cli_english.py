"""The CLI's normal output follows `FIELDAPP_LANG` too: English with `en`, and without the
variable exactly the French it has always printed. `--json` output is the same in both."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import messages
from fieldapp.cli import main
from fieldapp.services import profile
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, sample_contact
from tests.helpers.text import fr

# Words of the French output that an English reader must never see.
FRENCH_WORDS = (
    "Profil",
    "créé",
    "Appareil",
    "Clé de secours",
    "enregistré",
    "annulé",
    "aucun",
    "Rien",
    "attente",
    "rattaché",
    "évén.",
    "Phrase de passe",
)
NEW_PASSPHRASE = PASSPHRASE + " neuve"


@pytest.fixture(autouse=True)
def _french_afterwards() -> Iterator[None]:
    # main() sets the process-wide language: leave French behind for the other tests.
    yield
    messages.set_language("fr")


def _session(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str | None,
) -> tuple[Path, list[tuple[str, str]]]:
    """init, contact add, contact list --all (one contact voided), outbox, passphrase change:
    each command's (stdout, stderr)."""
    if lang is None:
        monkeypatch.delenv("FIELDAPP_LANG", raising=False)
    else:
        monkeypatch.setenv("FIELDAPP_LANG", lang)
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "profil"
    contact = tmp_path / "contact.json"
    contact.write_text(json.dumps(sample_contact()), encoding="utf-8")
    outputs: list[tuple[str, str]] = []

    def run(*argv: str) -> None:
        assert main(list(argv)) == 0
        outputs.append(capsys.readouterr())

    run("init", "--home", str(home), "--structure", "Asso test", "--structure-type", "association")
    run("contact", "add", "--home", str(home), str(contact))
    service = profile.open_profile(Home(home), PASSPHRASE)
    try:
        service.void_contact(outputs[-1][0].strip(), "saisie en double")
    finally:
        service.close()
    run("contact", "list", "--home", str(home), "--all")
    run("outbox", "--home", str(home))
    monkeypatch.setenv("FIELDAPP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    run("passphrase", "change", "--home", str(home))
    return home, outputs


def test_english_output_has_no_french_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home, outputs = _session(tmp_path, monkeypatch, capsys, "en")
    everything = "".join(out + err for out, err in outputs).replace(str(tmp_path), "DIR")
    found = [w for w in FRENCH_WORDS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", everything)]
    assert not found, everything

    init, _add, listing, outbox, passphrase = outputs
    assert init[0].splitlines()[0] == f"Profile created in {home}"
    assert init[0].splitlines()[2] == (
        "Recovery key (write it down now, it will not be shown again):"
    )
    assert listing[0].rstrip().endswith("(voided)")
    assert listing[1] == "1 contact\n"
    assert outbox == ("", "Not joined to a coordination\n")
    assert passphrase == ("Passphrase changed.\n", "")


def test_french_output_is_what_it_always_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home, outputs = _session(tmp_path, monkeypatch, capsys, None)
    init, add, listing, outbox, passphrase = outputs
    lines = init[0].splitlines()
    assert lines[0] == f"Profil créé dans {home}"
    assert lines[1].startswith(fr("Appareil : "))
    assert lines[2] == fr("Clé de secours (notez-la maintenant, elle ne sera plus affichée) :")
    contact_id = add[0].strip()
    (row,) = listing[0].splitlines()
    assert row.startswith(f"{contact_id}  ") and row.endswith(" (annulé)")
    assert listing[1] == "1 contact\n"
    assert outbox == ("", "Non rattaché à une coordination\n")
    assert passphrase == ("Phrase de passe changée.\n", "")


def test_json_output_does_not_depend_on_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _home, _outputs = _session(tmp_path, monkeypatch, capsys, None)
    home = str(tmp_path / "profil")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", NEW_PASSPHRASE)
    listings = []
    for lang in ("fr", "en"):
        monkeypatch.setenv("FIELDAPP_LANG", lang)
        assert main(["contact", "list", "--home", home, "--all", "--json"]) == 0
        listings.append(capsys.readouterr().out)
    assert listings[0] == listings[1]
