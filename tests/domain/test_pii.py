"""Personal-data guard for notes (fieldapp.domain.pii).

Every value below is fictional: names like "Dupontel-Test" and "Exemplia", phone numbers from the
ranges ARCEP keeps for fiction (01 99 00 …, 06 39 98 …), NIRs born in month 00 of department 00
or commune 999 (impossible birth data, valid key), IBANs of bank 99999 or the published ECBS
example.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain.pii import (
    KIND_LABELS,
    KIND_LABELS_PLURAL,
    KINDS,
    MASK,
    Finding,
    iban_is_valid,
    nir_key_is_valid,
    redact,
    scan,
    summary,
)

TODAY = date(2026, 1, 15)

# (note, kind, exact text that must be found)
SHOULD_FLAG: list[tuple[str, str, str]] = [
    # telephone
    ("Appeler au 06 39 98 00 01 demain.", "telephone", "06 39 98 00 01"),
    ("tél : +33 6 39 98 00 02", "telephone", "+33 6 39 98 00 02"),
    ("portable 0033639980003", "telephone", "0033639980003"),
    ("joignable au 06.39.98.00.04 le matin", "telephone", "06.39.98.00.04"),
    ("n° 06-39-98-00-05", "telephone", "06-39-98-00-05"),
    ("son numéro 0639980006, rappeler", "telephone", "0639980006"),
    ("sa sœur : +33 (0)6 39 98 00 07", "telephone", "+33 (0)6 39 98 00 07"),
    ("fixe 01 99 00 12 34 le soir", "telephone", "01 99 00 12 34"),
    ("+33(0)1 99 00 56 78", "telephone", "+33(0)1 99 00 56 78"),
    ("06 39 98 00 08 / 01 99 00 00 09", "telephone", "01 99 00 00 09"),
    ("tél:06 39 98 00 10", "telephone", "06 39 98 00 10"),
    ("numéro au pays +212 6 00 00 00 00", "telephone", "+212 6 00 00 00 00"),
    ("noté 0639 980 011 sur un papier", "telephone", "0639 980 011"),
    ("fixe (01) 99 00 12 35", "telephone", "(01) 99 00 12 35"),
    ("tél 06\u00a039\u00a098\u00a000\u00a012", "telephone", "06\u00a039\u00a098\u00a000\u00a012"),
    # e-mail
    (
        "écrire à exemplia.dupontel-test@exemple.fr pour le CV",
        "email",
        "exemplia.dupontel-test@exemple.fr",
    ),
    ("mail: DUPONTEL.TEST@EXEMPLE.ORG.", "email", "DUPONTEL.TEST@EXEMPLE.ORG"),
    ("contact exemplia (at) exemple.fr", "email", "exemplia (at) exemple.fr"),
    ("exemplia arobase exemple.fr", "email", "exemplia arobase exemple.fr"),
    (
        "adresse exemplia+relais@sous.domaine.exemple.com",
        "email",
        "exemplia+relais@sous.domaine.exemple.com",
    ),
    # NIR (valid key, impossible birth data)
    ("NIR 1 99 00 00 999 001 48 transmis", "nir", "1 99 00 00 999 001 48"),
    ("sécu 199000099900148", "nir", "199000099900148"),
    ("n° SS 2 00 00 2A 999 002 67", "nir", "2 00 00 2A 999 002 67"),
    ("numéro 1 99 00 2B 999 003 45 (Corse)", "nir", "1 99 00 2B 999 003 45"),
    ("NIR 2.98.00.00.999.004.44", "nir", "2.98.00.00.999.004.44"),
    ("sécu 1 97 00 00 999 005 clé 45", "nir", "1 97 00 00 999 005 clé 45"),
    ("NIR 1 99 00 00 999 001 - 48.", "nir", "1 99 00 00 999 001 - 48"),
    # IBAN
    (
        "RIB : FR40 9999 9000 0000 0000 0099 912 pour le remboursement",
        "iban",
        "FR40 9999 9000 0000 0000 0099 912",
    ),
    ("FR4099999000000000000099912", "iban", "FR4099999000000000000099912"),
    ("compte anglais GB82 WEST 1234 5698 7654 32", "iban", "GB82 WEST 1234 5698 7654 32"),
    ("compte belge BE53 9990 0000 0099", "iban", "BE53 9990 0000 0099"),
    (
        "iban fr40 9999 9000 0000 0000 0099 912 est le sien",
        "iban",
        "fr40 9999 9000 0000 0000 0099 912",
    ),
    (
        "compte au Maroc MA27 9999 9900 0000 0000 0000 0001",
        "iban",
        "MA27 9999 9900 0000 0000 0000 0001",
    ),
    # birth dates
    ("née le 12/03/1990 à Exemple-sur-Mer", "date_naissance", "12/03/1990"),
    ("DDN : 01/01/1980", "date_naissance", "01/01/1980"),
    ("date de naissance 5 juillet 2001", "date_naissance", "5 juillet 2001"),
    ("né en 1975, vit seul", "date_naissance", "1975"),
    ("a donné le 04.05.1962 à l'accueil", "date_naissance", "04.05.1962"),
    ("né(e) le 3 mars", "date_naissance", "3 mars"),
    ("sur sa carte : 1987-06-15", "date_naissance", "1987-06-15"),
    ("né le 12/03/85", "date_naissance", "12/03/85"),
    ("ne le 12/03/2011", "date_naissance", "12/03/2011"),
    ("Nee le 1er février", "date_naissance", "1er février"),
    ("date de naissance sur le contrat : 01/02/1990", "date_naissance", "01/02/1990"),
    # street addresses
    ("habite 12 rue Exemple", "adresse", "12 rue Exemple"),
    ("au 3 bis avenue des Exemples, 2e étage", "adresse", "3 bis avenue des Exemples"),
    ("12, boulevard Exemplia-Test", "adresse", "12, boulevard Exemplia-Test"),
    ("5 bd Exemple", "adresse", "5 bd Exemple"),
    ("7 allée des lilas fictifs", "adresse", "7 allée des lilas"),
    ("14 impasse du Test", "adresse", "14 impasse du Test"),
    ("2 place de l'Exemple", "adresse", "2 place de l'Exemple"),
    ("8 chemin des Fictifs", "adresse", "8 chemin des Fictifs"),
    ("22 quai Exemple", "adresse", "22 quai Exemple"),
    ("10 route de Testville", "adresse", "10 route de Testville"),
    ("3 cours Exemplia", "adresse", "3 cours Exemplia"),
    ("1 résidence Les Exemples", "adresse", "1 résidence Les Exemples"),
    ("vit au 4B rue du 8 Mai Fictif", "adresse", "4B rue du 8 Mai Fictif"),
    # names after a civility
    ("vu avec M. Dupontel-Test", "nom_civilite", "Dupontel-Test"),
    ("Mme Exemplia est venue", "nom_civilite", "Exemplia"),
    ("Madame X a appelé", "nom_civilite", "X"),
    ("Monsieur Exemple Fictif", "nom_civilite", "Exemple Fictif"),
    ("Mlle Testeuse, au local", "nom_civilite", "Testeuse"),
    ("Mme Le Fictif", "nom_civilite", "Le Fictif"),
    ("M. de Exemplia", "nom_civilite", "de Exemplia"),
    ("MME DUPONTEL-TEST", "nom_civilite", "DUPONTEL-TEST"),
    ("mme Exemplia", "nom_civilite", "Exemplia"),
    ("M Dupontel-Test", "nom_civilite", "Dupontel-Test"),
    ("accompagné par Mme d'Exemplia", "nom_civilite", "d'Exemplia"),
    ("M.Dupontel-Test a rappelé", "nom_civilite", "Dupontel-Test"),
    ("venue avec son épouse Exemplia", "nom_civilite", "Exemplia"),
    ("nom de jeune fille : née DUPONTEL-TEST", "nom_civilite", "DUPONTEL-TEST"),
    # NIR announced by a word: the key may be wrong or missing (issue 15: "sécu 1050…51")
    ("sécu 105037654012351 à vérifier", "nir", "105037654012351"),
    ("secu105037654012351", "nir", "105037654012351"),
    ("n° SS : 1 05 03 76 540 123 51", "nir", "1 05 03 76 540 123 51"),
    ("carte vitale 2 88 07 2A 123 456 (sans la clé)", "nir", "2 88 07 2A 123 456"),
    ("num sécu de sa mère: 2850376540123 78", "nir", "2850376540123 78"),
    # birth month and year (issue 15: "née en 07/2003"), any year in the birth clause
    ("née en 07/2003, majeure", "date_naissance", "07/2003"),
    ("né en 7-2003", "date_naissance", "7-2003"),
    ("DDN : 2003-07", "date_naissance", "2003-07"),
    ("née au Maroc en 2003", "date_naissance", "2003"),
    ("né en 95, vit seul", "date_naissance", "95"),
    ("née en juillet 03", "date_naissance", "juillet 03"),
    ("née en déc. 98", "date_naissance", "déc. 98"),
    # given name + family name without civility (issue 20)
    ("Vu avec Jean-Pierre Martin", "nom_prenom", "Jean-Pierre Martin"),
    ("vu Kevin Exemplia au local", "nom_prenom", "Kevin Exemplia"),
    ("Inès DUPONTEL-TEST est passée", "nom_prenom", "Inès DUPONTEL-TEST"),
    ("DUPONTEL Inès est passée", "nom_prenom", "DUPONTEL Inès"),
    ("avec Kevin de Testville hier", "nom_prenom", "Kevin de Testville"),
    ("Jean Pierre Exemple est venu", "nom_prenom", "Jean Pierre Exemple"),
    ("rencontré Jerome Testard", "nom_prenom", "Jerome Testard"),
    ("sa sœur Marie-Eugénie Exemplia", "nom_prenom", "Marie-Eugénie Exemplia"),
    ("orienté par Inès Ly", "nom_prenom", "Inès Ly"),
]

MUST_PASS: list[str] = [
    "Rencontré au pied de l'immeuble, intéressé par une formation courte.",
    "Il cherche un emploi dans la logistique depuis 2 ans.",
    "Loyer de 1 250 € par mois, dette de 35,50 euros.",
    "Montant de 1.250,00 € à régler.",
    "rdv à 14h30 à la Mission locale",
    "On se revoit à 9 h devant le local.",
    "rdv le 12/12 avec la conseillère",
    "Le 3 décembre à 10h, atelier CV.",
    "jeudi 14/11/2026 : rendez-vous France Travail",
    "Inscrite depuis le 02/01/2025.",
    "Habite Le Havre 76600, quartier prioritaire.",
    "Code postal 76600",
    "3 enfants à charge, 2 ans de chômage.",
    "Il reste 1 place de libre à l'atelier.",
    "3 cours de français par semaine.",
    "Madame la directrice de la Mission locale a validé.",
    "Monsieur le Maire était présent.",
    "Rendez-vous salle M. Il viendra demain.",
    "Taille M. Elle préfère le L.",
    "Monsieur est venu seul.",
    "M. et Mme sont venus ensemble.",
    "M. le directeur a répondu.",
    "SIRET 999 999 999 00012 de la structure.",
    "Le 06/01 à 14h, appel.",
    "Score de 12-10 au match du quartier.",
    "Il a 35 ans et 2 enfants.",
    "Prochain atelier : 2026-02-03.",
    "En 1998 il a quitté l'école.",
    "Arrivé en France en mars 2015.",
    "Numéro de dossier 123456A.",
    "Appel au 3949 (France Travail).",
    "Le numéro vert 0 800 000 000 est gratuit.",
    "Il a fait 3 stages et 2 formations.",
    "Version 1.2.3 du logiciel.",
    "Taux de 12.5 %.",
    "Atelier le 1er février de 9h à 12h.",
    "Né pour réussir, dit-il.",
    "Réunion le 15/01/2026 à 10h.",
    "Il mesure 1.80 m.",
    "2 paniers par semaine aux Restos.",
    "Contact via la plateforme, pas d'e-mail donné.",
    "A recontacter dans 15 jours.",
    "Entretien de 45 min avec l'éducateur.",
    "Total 1 234 567 € de budget.",
    "Horaires 8h-12h / 14h-17h30.",
    "Rdv le 20.01 à 9h30",
    "Dossier CAF en cours (allocataire depuis 2019).",
    "Formation du 02/02/2026 au 27/03/2026.",
    "Il ne vient pas le 12/02, il travaille.",
    "Les années 1990 ont été dures pour le quartier.",
    "Sa fille, nouvelle-née, va bien.",
    "Il ne le 12 pas.",
    "Bureau au 2e étage, porte 12.",
    "Réponse sous 48 h ; 10 dossiers en attente.",
    "Permis B obtenu le 12/05/2008.",
    "Arrivée en France le 12/06/2012.",
    "Inscrit à France Travail depuis le 03/09/2011.",
    "Il a 2 rue à traverser pour venir.",
    "S.M.I.C. Horaire revalorisé en janvier.",
    "Elle est née le jour de la fête du quartier.",
    # places and organisations named after a person, words that only look like names
    "Vu au centre Jean Moulin",
    "atelier au centre social Jean Moulin",
    "inscrite au lycée professionnel Louise Exemple",
    "rdv à la médiathèque Simone Exemple",
    "vit cité Pierre Exemple depuis l'hiver",
    "inscrit à France Travail",
    "RDV Lucas demain",
    "vu Lucas et Emma au square",
    "Kevin D. a appelé",
    "Thomas, Emma : rien de neuf.",
    "IBAN NL: à demander",
    "né en 2 jours ?",
    "arrivée en 07/2003",
    "rdv en 07/2026",
    "dossier 1 99 00 00 999 001 47",
]


def _kinds(text: str) -> set[str]:
    return {finding.kind for finding in scan(text, today=TODAY)}


def test_the_tables_are_large_enough() -> None:
    assert len(SHOULD_FLAG) >= 30
    assert len(MUST_PASS) >= 30
    assert {kind for _, kind, _ in SHOULD_FLAG} == set(KINDS)


@pytest.mark.parametrize(("note", "kind", "expected"), SHOULD_FLAG)
def test_personal_data_is_found(note: str, kind: str, expected: str) -> None:
    findings = scan(note, today=TODAY)
    assert (kind, expected) in {(f.kind, f.text) for f in findings}
    # One kind per line of the table: nothing else in the note is taken for personal data.
    assert {f.kind for f in findings} == {kind}


@pytest.mark.parametrize("note", MUST_PASS)
def test_ordinary_notes_pass(note: str) -> None:
    assert scan(note, today=TODAY) == []


@pytest.mark.parametrize(
    "note",
    [
        "1 99 00 00 999 001 47",  # key off by one (after "NIR" it is flagged: see below)
        "2 00 00 2A 999 002 68",
        "199000099900149",
        "FR41 9999 9000 0000 0000 0099 912",  # check digits wrong
        "GB82 WEST 1234 5698 7654 33",
        "FR40 9999 9000 0000 0000 0099 9123",  # one character too many for France
    ],
)
def test_numbers_with_a_wrong_checksum_are_not_flagged(note: str) -> None:
    assert scan(note, today=TODAY) == []


def test_an_announced_nir_is_flagged_even_with_a_wrong_or_missing_key() -> None:
    assert _kinds("NIR 1 99 00 00 999 001 47") == {"nir"}
    assert _kinds("sécu : 1990000999001") == {"nir"}
    # …but not a number whose month cannot be a NIR's, nor one in another clause.
    assert _kinds("sécu 1 99 25 00 999 001 47") == set()
    assert _kinds("sécu ok. Dossier 1 99 00 00 999 001 47") == set()


def test_names_are_masked_whole_and_the_message_does_not_repeat_them() -> None:
    note = "Vu avec Jean-Pierre Martin, à revoir"
    findings = scan(note, today=TODAY)
    assert [(f.kind, f.text) for f in findings] == [("nom_prenom", "Jean-Pierre Martin")]
    assert redact(note, today=TODAY) == "Vu avec [masqué], à revoir"
    assert summary(findings) == ["1 prénom suivi d'un nom"]


def test_checksum_helpers() -> None:
    assert nir_key_is_valid("1 99 00 00 999 001 48")
    assert nir_key_is_valid("2 00 00 2a 999 002 67")
    assert not nir_key_is_valid("1 99 00 00 999 001")
    assert not nir_key_is_valid("1 99 00 2C 999 001 48")
    assert iban_is_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_is_valid("GB82 WEST 1234 5698 7654")
    assert not iban_is_valid("1234 5678 9012 3456")


def test_birth_date_rule_depends_on_today() -> None:
    note = "le 12/03/2012"
    assert _kinds(note) == {"date_naissance"}  # 14 years before 2026
    assert scan(note, today=date(2020, 6, 1)) == []  # 8 years: not yet a birth date
    assert scan("le 12/03/1920", today=TODAY) == []  # 106 years: not a living person's
    # Two-digit years: this century unless that is more than ten years ahead.
    assert _kinds("le 12/03/85") == {"date_naissance"}
    assert scan("le 12/03/26", today=TODAY) == []
    assert scan("le 30/02/1990", today=TODAY) == []  # no such day


def test_birth_words_reach_only_their_clause() -> None:
    assert _kinds("Né au Havre le 12/06") == {"date_naissance"}
    assert scan("Sa sœur est née en Exemplie. Rdv le 12/06.", today=TODAY) == []
    assert scan("née au pays, arrivée en France le 12/06/2015", today=TODAY) == []


def test_the_nearer_of_birth_and_event_words_wins() -> None:
    assert [f.text for f in scan("Née en 1990, arrivée le 12/03", today=TODAY)] == ["1990"]
    # A full date in the birth years stays flagged when a birth word is in its clause.
    assert len(scan("Née en 1990, arrivée le 12/03/2010", today=TODAY)) == 2


def test_overlapping_detections_become_one_finding() -> None:
    # "8 Mai 1945" is also a date 81 years back: the address covers it.
    findings = scan("habite 12 rue du 8 Mai 1945", today=TODAY)
    assert [(f.kind, f.text) for f in findings] == [("adresse", "12 rue du 8 Mai 1945")]


def test_findings_are_sorted_and_positions_match() -> None:
    note = (
        "Mme Exemplia, née le 12/03/1990, 12 rue Exemple, tél 06 39 98 00 01, "
        "exemplia@exemple.fr, NIR 1 99 00 00 999 001 48, IBAN FR40 9999 9000 0000 0000 0099 912."
    )
    findings = scan(note, today=TODAY)
    assert [f.kind for f in findings] == [
        "nom_civilite",
        "date_naissance",
        "adresse",
        "telephone",
        "email",
        "nir",
        "iban",
    ]
    for finding in findings:
        assert note[finding.start : finding.end] == finding.text
    assert redact(note, today=TODAY) == (
        "Mme [masqué], née le [masqué], [masqué], tél [masqué], "
        "[masqué], NIR [masqué], IBAN [masqué]."
    )


def test_redact_masks_only_the_chosen_findings() -> None:
    note = "Mme Exemplia, tél 06 39 98 00 01"
    findings = scan(note, today=TODAY)
    phone = [f for f in findings if f.kind == "telephone"]
    assert redact(note, phone) == "Mme Exemplia, tél [masqué]"
    assert redact(note, []) == note


def test_redact_touching_findings_get_one_mask() -> None:
    findings = [Finding("telephone", 0, 3, "abc"), Finding("email", 3, 5, "de")]
    assert redact("abcdef", findings) == f"{MASK}f"


def test_redact_settles_when_masking_brings_context_closer() -> None:
    # Once the long e-mail is masked, "née" is close enough to qualify the date.
    note = "née (écrire à exemplia.dupontel-test@sous.exemple.fr) le 12/06"
    assert [f.kind for f in scan(note, today=TODAY)] == ["email"]
    cleaned = redact(note, today=TODAY)
    assert cleaned == "née (écrire à [masqué]) le [masqué]"
    assert scan(cleaned, today=TODAY) == []


def test_summary_lines_are_french_and_pluralised() -> None:
    findings = scan("tél 06 39 98 00 01 ou 01 99 00 12 34, mail exemplia@exemple.fr", today=TODAY)
    assert summary(findings) == ["2 numéros de téléphone", "1 adresse e-mail"]
    assert summary([]) == []
    assert set(KIND_LABELS) == set(KINDS) == set(KIND_LABELS_PLURAL)
    assert findings[0].label == "numéro de téléphone"


def test_default_today_is_the_local_date() -> None:
    assert [f.kind for f in scan("née le 12/03/1990")] == ["date_naissance"]


# --- properties -----------------------------------------------------------------------------

_FRAGMENTS = [
    " ",
    ", ",
    ". ",
    "\n",
    "née le ",
    "DDN ",
    "né en ",
    "M. ",
    "Mme ",
    "Madame ",
    "Dupontel-Test",
    "Exemplia",
    "Le ",
    "de ",
    "12 rue ",
    "3 bis avenue ",
    "place ",
    "du 8 Mai ",
    "06 39 98 00 01",
    "+33 (0)6 39 98 00 02",
    "0033",
    "12/03/1990",
    "12/03",
    "3 mars ",
    "1985",
    "exemplia@exemple.fr",
    "(at) exemple.fr",
    "1 99 00 00 999 001 48",
    "2A",
    "FR40 9999 9000 0000 0000 0099 912",
    "GB82 WEST",
    "1 250 €",
    "14h30",
    "76600",
    "[masqué]",
    "0",
    "-",
    ".",
    "'",
]
_notes = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=25).map(
    "".join
)
_PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check_invariants(text: str, findings: list[Finding]) -> None:
    previous_end = 0
    for finding in findings:
        assert 0 <= previous_end <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.kind in KINDS
        previous_end = finding.end


@_PROPERTY_SETTINGS
@given(st.text(max_size=300))
def test_scan_never_crashes_and_positions_are_in_bounds(text: str) -> None:
    _check_invariants(text, scan(text, today=TODAY))


@_PROPERTY_SETTINGS
@given(_notes)
def test_scan_invariants_on_note_like_text(text: str) -> None:
    _check_invariants(text, scan(text, today=TODAY))


@_PROPERTY_SETTINGS
@given(st.one_of(_notes, st.text(max_size=200)))
def test_redacted_text_has_no_findings_left(text: str) -> None:
    assert scan(redact(text, today=TODAY), today=TODAY) == []
