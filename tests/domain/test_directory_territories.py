"""QPV lists shaped like the national file: separators, BOM, extra columns, row errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.directory import DirectoryFileError
from fieldapp.domain.territories import parse_qpv_csv
from tests.helpers.text import fr


def test_national_shape_with_bom_extra_columns_and_multi_commune(data_dir: Path) -> None:
    found, problems = parse_qpv_csv((data_dir / "qpv.csv").read_bytes())
    assert [n.to_json() for n in found] == [
        {"code": "QN07699T", "name": "Quartier d'essai Nord", "communes": ["76990", "76991"]},
        {"code": "QN01499T", "name": "Quartier d'essai du Bourg", "communes": ["14990"]},
        {"code": "QN05099T", "name": "Quartier d'essai du Port", "communes": ["50990"]},
    ]
    assert [(p.line, p.field) for p in problems] == [(6, "code_qp")]
    assert str(problems[0]) == fr("ligne 6 : champ code_qp : code QPV invalide (« XX123 »)")


def test_comma_separated_quoted_names_and_column_order() -> None:
    text = (
        "insee_com,code_qp,lib_qp\n"
        '76990,QN07699T,"Les Hauts, quartier d\'essai"\n'
        '14990,qp014001,"Ancien code 2015"\n'
    )
    found, problems = parse_qpv_csv(text)
    assert problems == []
    assert [(n.code, n.name, n.communes) for n in found] == [
        ("QN07699T", "Les Hauts, quartier d'essai", ["76990"]),
        ("QP014001", "Ancien code 2015", ["14990"]),
    ]


def test_windows_spreadsheet_export_cp1252_and_dropped_leading_zero() -> None:
    content = "Code_QP;Lib_QP;INSEE_COM\r\nQN00199T;Quartier Élan;1990\r\n".encode("cp1252")
    found, problems = parse_qpv_csv(content)
    assert problems == []
    assert (found[0].name, found[0].communes) == ("Quartier Élan", ["01990"])


def test_row_errors_are_reported_and_skipped() -> None:
    text = (
        "code_qp;lib_qp;insee_com\n"
        "QN07699T;Nord;76990\n"
        ";Sans code;76990\n"
        "QN07699U;;76990\n"
        "QN07699V;Commune fausse;769\n"
        "QN07699T;Autre nom;76991\n"
        "QN07699T;Nord;76990\n"
        "\n"
        "QN02A99T;Corse;2A004\n"
        "QN07699W;Ligne courte\n"
    )
    found, problems = parse_qpv_csv(text)
    assert [(n.code, n.communes) for n in found] == [
        ("QN07699T", ["76990", "76991"]),
        ("QN02A99T", ["2A004"]),
    ]
    assert [(p.line, p.field) for p in problems] == [
        (3, "code_qp"),
        (4, "lib_qp"),
        (5, "insee_com"),
        (6, "lib_qp"),
        (10, "insee_com"),
    ]
    assert fr("« Nord » gardé") in problems[3].message


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "fichier vide"), ("code;nom;commune\nQN07699T;Nord;76990\n", "code_qp, lib_qp")],
)
def test_missing_columns(content: str, message: str) -> None:
    with pytest.raises(DirectoryFileError, match=message):
        parse_qpv_csv(content)
