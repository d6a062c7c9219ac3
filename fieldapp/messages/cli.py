"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # how main reports what no command handled (fieldapp/cli/__init__.py)
    "cli.usage": ("{message} (voir « {prog} --help »)", "{message} (see “{prog} --help”)"),
    "cli.interrupted": ("interrompu", "interrupted"),
    "cli.os_error": ("erreur système : {reason}", "system error: {reason}"),
    "cli.os_error_at": ("erreur système ({path}) : {reason}", "system error ({path}): {reason}"),
    "cli.bug": (
        "Erreur interne de Relais (bogue) : {type} — relancez avec FIELDAPP_DEBUG=1 pour voir "
        "le détail, et signalez-la.",
        "Relais internal error (bug): {type} — run again with FIELDAPP_DEBUG=1 to see the "
        "details, and report it.",
    ),
    # secrets and input files (fieldapp/cli/common.py)
    "cli.read_failed": ("lecture impossible de {path} : {reason}", "cannot read {path}: {reason}"),
    "cli.secret.passphrase": ("Phrase de passe", "Passphrase"),
    "cli.secret.new_passphrase": ("Nouvelle phrase de passe", "New passphrase"),
    "cli.secret.recovery_key": ("Clé de secours", "Recovery key"),
    "cli.secret.ask": ("{prompt} : ", "{prompt}: "),
    "cli.secret.ask_again": ("{prompt} (confirmation) : ", "{prompt} (confirm): "),
    "cli.secret.required": (
        "{prompt} requise : définissez {env} ou donnez un fichier (option …-file)",
        "{prompt} required: set {env} or give a file (option …-file)",
    ),
    "cli.secret.mismatch": (
        "les deux saisies ne correspondent pas",
        "the two entries do not match",
    ),
    "cli.date.format": (
        "{option} : date attendue au format AAAA-MM-JJ, reçu « {value} »",
        "{option}: date expected as YYYY-MM-DD, got “{value}”",
    ),
    "cli.number.not_integer": (
        "nombre entier attendu, reçu « {value} »",
        "whole number expected, got “{value}”",
    ),
    "cli.number.not_positive": ("nombre positif attendu", "positive number expected"),
    "cli.quoted": ("« {text} »", "“{text}”"),
    # field commands (fieldapp/cli/field.py)
    "cli.init.invitation_pair": (
        "--invitation et --invitation-code vont ensemble",
        "--invitation and --invitation-code go together",
    ),
    "cli.contact.stdin": ("entrée standard", "standard input"),
    "cli.contact.not_utf8": ("{path} n'est pas un texte UTF-8", "{path} is not UTF-8 text"),
    "cli.contact.empty": ("aucun contact dans {source}", "no contact in {source}"),
    "cli.contact.not_json": (
        "un objet JSON ou des lignes JSON (un objet par ligne) sont attendus",
        "a JSON object or JSON lines (one object per line) are expected",
    ),
    "cli.contact.bad_line": (
        "ligne {line} : JSON invalide ({reason})",
        "line {line}: invalid JSON ({reason})",
    ),
    "cli.contact.not_object": (
        "ligne {line} : un objet JSON est attendu",
        "line {line}: a JSON object is expected",
    ),
    "cli.contact.nothing_saved": (
        "rien n'a été enregistré (option --redact pour masquer)",
        "nothing was saved (option --redact to mask)",
    ),
    "cli.import.file": ("{path} : {detail}", "{path}: {detail}"),
    "cli.import.ignored_columns": (
        "colonnes ignorées (jamais lues) : {names}",
        "columns ignored (never read): {names}",
    ),
    "cli.demo.contacts": (
        "--contacts : nombre positif attendu",
        "--contacts: positive number expected",
    ),
    # the pseudonym's own message, which never repeats the input
    "cli.person.refused": ("{detail}", "{detail}"),
    # window and screenshots (fieldapp/cli/gui.py)
    "cli.gui.unknown_view": (
        "vue inconnue « {view} » ; vues possibles : {views}",
        "unknown view “{view}”; possible views: {views}",
    ),
    "cli.gui.png_expected": (
        "--out : fichier .png attendu ({name})",
        "--out: .png file expected ({name})",
    ),
    # sync and coordination (fieldapp/cli/sync.py, coord.py, report.py, package.py)
    "cli.sync.bad_destination": ("--to : {detail}", "--to: {detail}"),
    "cli.coord.enrol_cancelled": ("Enrôlement annulé.", "Enrolment cancelled."),
    "cli.report.bad_date": (
        "{option} : date invalide « {value} » (attendu AAAA-MM-JJ)",
        "{option}: invalid date “{value}” (expected YYYY-MM-DD)",
    ),
    "cli.report.unknown_format": (
        "format inconnu : {fmt} (possibles : {formats})",
        "unknown format: {fmt} (possible: {formats})",
    ),
    "cli.package.selfcheck_failed": ("{detail}", "{detail}"),
}
