"""The services' errors: a kind, a stable code, French as before and English from one catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import DamagedError, Kind, RelaisError, UnavailableError
from fieldapp.services import coordination, packs, profile, reporting
from fieldapp.storage.home import Home
from fieldapp.sync.workspace import NoWorkspace


def test_a_profile_error_renders_in_both_languages(tmp_path: Path) -> None:
    error = profile.NoProfile(Home(tmp_path))
    assert error.kind is Kind.INPUT and error.code == "services.profile.none"
    assert error.message("fr").startswith(f"Aucun profil Relais dans {tmp_path}")
    assert error.message("en").startswith(f"No Relais profile in {tmp_path}")


def test_a_damaged_database_is_of_the_damaged_kind(tmp_path: Path) -> None:
    error = profile.DamagedDatabase(Home(tmp_path))
    assert isinstance(error, DamagedError) and isinstance(error, profile.ProfileError)


def test_pack_refusals_that_say_not_installed_have_their_own_code() -> None:
    wrong_key = packs.PackRefused("services.packs.wrong_key", "wrong_signer")
    assert wrong_key.says_not_installed
    assert "pack non installé" in wrong_key.message("fr")
    assert "pack not installed" in wrong_key.message("en")
    not_joined = packs.PackRefused("services.packs.not_joined", "not_joined")
    assert not not_joined.says_not_installed


def test_a_lower_layer_problem_is_kept_not_frozen_into_a_string(tmp_path: Path) -> None:
    with pytest.raises(coordination.WorkspaceProblem) as caught:
        coordination.open_workspace(tmp_path / "nowhere", "une phrase de passe")
    assert isinstance(caught.value.problem, NoWorkspace)
    assert caught.value.params["problem"] is caught.value.problem
    assert str(caught.value) == str(caught.value.problem)


def test_pdf_without_a_registered_renderer_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reporting, "_pdf_renderer", [])
    with pytest.raises(reporting.ReportError) as caught:
        reporting.render(object(), "pdf")  # type: ignore[arg-type]
    assert isinstance(caught.value, UnavailableError)
    assert caught.value.code == "services.reporting.no_pdf_renderer"
    assert "PDF" in caught.value.message("en")


def test_a_registered_renderer_paints_the_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reporting, "_pdf_renderer", [])
    reporting.register_pdf_renderer(lambda report: b"%PDF-fake")
    assert reporting.render(object(), "pdf") == b"%PDF-fake"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error",
    [
        reporting.ReportError("services.reporting.format", format="odt", choices="csv"),
        packs.DirectoryError("services.packs.retention_months", "retention"),
    ],
)
def test_english_has_no_french_left(error: RelaisError) -> None:
    assert "format" in error.message("en") or "Retention" in error.message("en")
    assert error.message("en") != error.message("fr")
